"""A likely typo in the domain of a very common email provider ("dewi@gmial.com").

Pure logic, no I/O: the intake asks "did you mean dewi@gmail.com?" instead of storing an
address staff could never reach. Only the providers talents actually use are checked, and a
domain is only ever suggested when exactly one provider is that close: a company's or a
campus's own domain ("student.ui.ac.id") is left alone, and so is every real provider
domain, listed or known ("ymail.com" never becomes gmail.com, "yahoo.co.in" stays Indian).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import OSA

# The providers Indonesian talents use (the addresses of the leads so far, and the big
# webmails); a typo is only ever corrected towards one of these.
PROVIDERS = frozenset(
    {
        "gmail.com",
        "yahoo.com",
        "yahoo.co.id",
        "ymail.com",
        "hotmail.com",
        "outlook.com",
        "outlook.co.id",
        "live.com",
        "icloud.com",
        "me.com",
        "protonmail.com",
        "proton.me",
        "mail.com",
        "gmx.com",
        "aol.com",
    }
)
# Real domains near the ones above: never "corrected" (an Indian or Korean Yahoo address is
# right as it is).
KNOWN_DOMAINS = frozenset(
    {
        "cloud.com",
        "email.com",
        "googlemail.com",
        "rocketmail.com",
        "yahoo.co.in",
        "yahoo.co.uk",
        "yahoo.co.jp",
        "yahoo.co.kr",
        "yahoo.com.sg",
        "yahoo.com.my",
        "hotmail.co.uk",
        "outlook.co.il",
        "live.co.uk",
        "gmx.de",
        "gmx.net",
        "protonmail.ch",
        "mac.com",
        "msn.com",
        "pm.me",
    }
)
# Provider names that are the whole name of a single domain: "gmail.co.id" or "gmail.net"
# can only mean gmail.com (Yahoo, Outlook or GMX have a domain in many countries).
SINGLE_DOMAIN = {"gmail": "gmail.com", "icloud": "icloud.com", "ymail": "ymail.com"}
# Names this short are one edit from many real domains (ao.com, gmc.com, love.com): only
# their top-level domain is checked ("aol.co"), never the name.
SHORTEST_FUZZY_NAME = 5
# "protonmail": two slips are still that provider ("hotmart.com" is two from hotmail.com).
LONG_NAME = 8


@dataclass(frozen=True, slots=True)
class EmailSuggestion:
    """An address as the talent typed it, and the one they probably meant."""

    typed: str
    suggested: str
    # False: what was typed is no address at all ("putu@gmail,com"), only the suggestion is
    # offered (no "keep it as typed").
    keepable: bool = True

    def as_pending(self) -> dict[str, Any]:
        """The suggestion as kept with the draft until the talent chooses."""
        kept: dict[str, Any] = {"typed": self.typed, "suggested": self.suggested}
        return kept if self.keepable else {**kept, "keepable": False}

    @classmethod
    def from_pending(cls, pending: Any) -> EmailSuggestion | None:
        """The suggestion kept with a draft, or None if it holds none."""
        if not isinstance(pending, dict):
            return None
        typed, suggested = pending.get("typed"), pending.get("suggested")
        if not isinstance(typed, str) or not isinstance(suggested, str):
            return None
        return cls(typed, suggested, keepable=pending.get("keepable") is not False)


def comma_for_dot(text: str) -> tuple[str, str] | None:
    """The one address of a text with a comma typed for a dot ("Putu.arsana@gmail,com", a
    talents' review: only "not right"), and it with dots, to check and offer; None if the
    text has no such address."""
    found = [
        word.strip(",.!?;:()")
        for word in text.split()
        if "@" in word and "," in word.strip(",.!?;:()")
    ]
    return (found[0], found[0].replace(",", ".")) if len(found) == 1 else None


def suggestion_for(address: str) -> EmailSuggestion | None:
    """The address with a common provider's domain, if its domain looks like a typo of it."""
    local, at, domain = address.rpartition("@")
    if not at or not local:
        return None
    meant = likely_domain(domain.lower())
    return None if meant is None else EmailSuggestion(address, f"{local}@{meant}")


def likely_domain(domain: str) -> str | None:
    """The provider domain a mistyped domain most likely meant; None if it looks right."""
    if domain in PROVIDERS or domain in KNOWN_DOMAINS:
        return None
    name, suffix = _split(domain)
    if not suffix:
        return None
    if name in _NAMES:
        return _wrong_suffix(name, suffix)
    return _wrong_name(name, suffix)


def _split(domain: str) -> tuple[str, str]:
    name, _, suffix = domain.partition(".")
    return name, suffix


_NAMES = frozenset(_split(domain)[0] for domain in PROVIDERS)


def _wrong_suffix(name: str, suffix: str) -> str | None:
    """A provider's name with a slip in what follows it: "gmail.con", "yahoo.co"."""
    if name in SINGLE_DOMAIN:
        return SINGLE_DOMAIN[name]
    near = [
        domain
        for domain in PROVIDERS
        if _split(domain)[0] == name
        and OSA.distance(suffix, _split(domain)[1], score_cutoff=1) <= 1
        and not _other_country(suffix, _split(domain)[1])
    ]
    return near[0] if len(near) == 1 else None


def _other_country(typed: str, listed: str) -> bool:
    """Whether the suffixes differ only in a two-letter country ("co.in" beside "co.id"):
    another country's real domain, not a slip (a swap, "co.di", is still a slip)."""
    typed_labels, listed_labels = typed.split("."), listed.split(".")
    if len(typed_labels) < 2 or typed_labels[:-1] != listed_labels[:-1]:
        return False
    country, listed_country = typed_labels[-1], listed_labels[-1]
    return len(country) == 2 and country.isalpha() and sorted(country) != sorted(listed_country)


def _wrong_name(name: str, suffix: str) -> str | None:
    """A slip in a provider's name, its suffix right: "gmial.com", "yaho.co.id"."""
    near = []
    for domain in PROVIDERS:
        listed, listed_suffix = _split(domain)
        if listed_suffix != suffix or len(listed) < SHORTEST_FUZZY_NAME:
            continue
        limit = 2 if len(listed) >= LONG_NAME else 1
        if OSA.distance(name, listed, score_cutoff=limit) <= limit:
            near.append(domain)
    return near[0] if len(near) == 1 else None
