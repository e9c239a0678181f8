"""Likely typos in a common provider's domain, and the domains that must stay as typed."""

from __future__ import annotations

import pytest

from bot.leads.email_typos import (
    KNOWN_DOMAINS,
    PROVIDERS,
    EmailSuggestion,
    likely_domain,
    suggestion_for,
)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("gmial.com", "gmail.com"),  # two letters swapped: one slip
        ("gamil.com", "gmail.com"),
        ("gmai.com", "gmail.com"),
        ("gmal.com", "gmail.com"),
        ("gmaill.com", "gmail.com"),
        ("gnail.com", "gmail.com"),
        ("gmail.co", "gmail.com"),
        ("gmail.con", "gmail.com"),
        ("gmail.cm", "gmail.com"),
        ("gmail.comm", "gmail.com"),
        ("gmail.co.id", "gmail.com"),  # gmail has one domain only
        ("gmail.net", "gmail.com"),
        ("yaho.com", "yahoo.com"),
        ("yahooo.com", "yahoo.com"),
        ("yahoo.co", "yahoo.com"),
        ("yahoo.con", "yahoo.com"),
        ("yaho.co.id", "yahoo.co.id"),
        ("yahoo.co.di", "yahoo.co.id"),
        ("ymial.com", "ymail.com"),  # towards ymail, not gmail
        ("ymail.co", "ymail.com"),
        ("hotmial.com", "hotmail.com"),
        ("hotmai.com", "hotmail.com"),
        ("outlok.com", "outlook.com"),
        ("outlook.co", "outlook.com"),
        ("iclod.com", "icloud.com"),
        ("icloud.co", "icloud.com"),
        ("protonmial.com", "protonmail.com"),
        ("protnmial.com", "protonmail.com"),  # two slips in a long name
        ("proton.mee", "proton.me"),
        ("aol.co", "aol.com"),
        ("gmx.co", "gmx.com"),
        ("live.con", "live.com"),
    ],
)
def test_a_slip_in_a_common_providers_domain_is_caught(typed: str, meant: str) -> None:
    assert likely_domain(typed) == meant


@pytest.mark.parametrize(
    "domain",
    [
        *sorted(PROVIDERS),
        *sorted(KNOWN_DOMAINS),
        "student.ui.ac.id",  # a campus
        "ui.ac.id",
        "rumahfilm.id",  # companies
        "example.com",
        "kompas.com",
        "telkom.net",
        "hotmart.com",  # two from hotmail: too far for a seven-letter name
        "yahoo.co.in",  # another country's Yahoo, one letter from yahoo.co.id
        "yahoo.co.il",
        "outlook.co.il",
        "yahoo.de",
        "yahoo.ca",
        "live.ca",
        "gmx.de",
        "ao.com",  # short names: one edit from many real domains
        "gmc.com",
        "love.com",
        "mai.com",
        "xmail.com",  # one from gmail and from ymail: which one is anyone's guess
        "hmail.com",
        "proton.com",
    ],
)
def test_real_and_unrelated_domains_are_left_alone(domain: str) -> None:
    assert likely_domain(domain) is None


def test_ymail_and_gmx_never_become_gmail() -> None:
    for address in ("dewi@ymail.com", "dewi@gmx.com", "dewi@mail.com", "dewi@email.com"):
        assert suggestion_for(address) is None


def test_the_suggestion_keeps_the_local_part() -> None:
    assert suggestion_for("dewi.s+kocca@gmial.com") == EmailSuggestion(
        "dewi.s+kocca@gmial.com", "dewi.s+kocca@gmail.com"
    )
    assert suggestion_for("dewi@gmail.com") is None
    assert suggestion_for("no-at-sign") is None


@pytest.mark.parametrize(
    "pending",
    [None, [], ["pop"], {}, {"typed": "a@b.c"}, {"typed": 1, "suggested": "a@b.c"}, "a@b.c"],
)
def test_only_a_kept_suggestion_is_read_back(pending: object) -> None:
    assert EmailSuggestion.from_pending(pending) is None


def test_a_kept_suggestion_reads_back_as_itself() -> None:
    suggestion = EmailSuggestion("dewi@gmial.com", "dewi@gmail.com")
    assert EmailSuggestion.from_pending(suggestion.as_pending()) == suggestion
