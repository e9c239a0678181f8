"""The stages of content/stages.yaml as staff and talents read them: a stage by its key,
its label, the consent it needs in this deployment, and the message its talent gets.

The lead pipeline's vocabulary, apart from moving leads (stage_changes, bulk_moves): the
chat, the workspace, the digest and the talent updates all name stages through it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import replace

from bot.content import Content, Stage
from bot.leads.export import plain_text
from bot.names import first_name
from bot.settings import Forwarding
from bot.store import ConsentNeed
from bot.store.pipeline import LeadState, Message
from bot.texts import Text


class StageError(ValueError):
    """A stage that content/stages.yaml does not have (a stale or forged button, a typo)."""


def stage(content: Content, key: str) -> Stage:
    """A stage of content/stages.yaml, or StageError."""
    found = content.stages.get(key)
    if found is None:
        raise StageError(key)
    return found


def stage_label(content: Content, key: str, language: str) -> str:
    """How staff read a stage; a key no longer in content shows as itself with a mark."""
    found = content.stages.get(key)
    return found.label.get(language) if found else f"❓ {key}"


def stage_shown(
    content: Content,
    key: str,
    language: str,
    closed_duplicate: bool,
    *,
    withdrawn: bool = False,
    minor: bool = False,
) -> str:
    """A lead's stage as staff read it (plain text): "Baru · 🔁 ditutup (duplikat)" for one
    closed as a duplicate, which keeps its stage for ↩️ Reopen but no longer waits in it;
    "Tidak dilanjutkan · 🚫 dibatalkan oleh talenta" for one its talent cancelled, and why
    for one the bot cancelled (`minor`: under 18, no guardian's consent; cancelling.as_minor)."""
    label = stage_label(content, key, language)
    if withdrawn:
        return plain_text(withdrawn_stage(content, label, language, minor=minor))
    if not closed_duplicate:
        return label
    return plain_text(content.text(Text.RECORDS_STAGE_CLOSED_DUPLICATE, language, stage=label))


def withdrawn_stage(content: Content, label: str, language: str, *, minor: bool = False) -> str:
    """A cancelled lead's stage `label` marked so: by its talent, or (`minor`) by the bot."""
    key = Text.RECORDS_STAGE_WITHDRAWN_UNDER_18 if minor else Text.RECORDS_STAGE_WITHDRAWN
    return content.text(key, language, stage=label)


def closed_of(content: Content, language: str, state: LeadState | None) -> str:
    """The lead a closed duplicate duplicates, as a refusal names it: its reference, or "a
    deleted lead" when its talent was erased since."""
    if state is not None and state.closed_of:
        return state.closed_of
    return content.text(Text.RECORDS_GONE_REFERENCE, language)


def stage_list(content: Content, language: str) -> str:
    """The words /leads and /export take for stages, each with its label where they differ:
    "shortlist (Shortlisted), selesai (Closed)" (a key is never shown alone as a stage)."""
    words = []
    for key, stage in content.stages.items():
        label = stage.label.get(language)
        same = label.casefold().replace(" ", "_") == key.casefold()
        words.append(key if same else f"{key} ({label})")
    return ", ".join(words)


def talent_label(content: Content, key: str, language: str) -> str:
    """How the talent reads the stage of their registration."""
    found = content.stages.get(key)
    return (
        found.talent_label.get(language)
        if found
        else content.first_stage.talent_label.get(language)
    )


def message_for(
    content: Content, key: str, lead: LeadState, forwarding: Forwarding | None
) -> Message | None:
    """Exactly what the talent receives when moved to this stage, in their language, greeting
    them by their first name (and naming FORWARD_TO in a forwarding stage)."""
    found = content.stages.get(key)
    if found is None or found.message is None:
        return None
    template = found.message.get(lead.language)
    recipient = forwarding.recipient if forwarding is not None else ""
    greeted = first_name(lead.first_name, lead.full_name)
    text = template.format_map(
        {
            "reference": html.escape(lead.reference),
            "name": html.escape(greeted, quote=False),
            "recipient": html.escape(recipient, quote=False),
        }
    )
    if in_another_name(lead.first_name, lead.full_name):
        # A parent who registered her child from her own account (a new staff member's
        # review: "Kabar baik, Sri! Pendaftaranmu … masuk daftar pendek" read as hers), or a
        # manager her artist: whose registration it is comes first, before "you".
        named = content.text(Text.STAGE_REGISTERED_AS, lead.language, name=lead.full_name)
        text = f"{named}\n\n{text}"
    return Message(lead.language, text)


def translation_for(
    content: Content, key: str, lead: LeadState, forwarding: Forwarding | None, language: str
) -> Message | None:
    """The stage's message in `language` when the talent reads another: for staff who read
    that one to know what they approve (a staff review s59, M4); never sent. None when the
    talent reads `language` too, or the stage sends nothing."""
    if lead.language == language:
        return None
    return message_for(content, key, replace(lead, language=language), forwarding)


def in_another_name(telegram_first_name: str | None, full_name: str | None) -> bool:
    """Whether a lead is registered in another name than its Telegram account's (a parent
    for her child, or a friend): no word of the Telegram first name is a word of the
    registered name, once digits, emoji and honorifics ("Bang", "Kak") are left out ("Rina2"
    and "Bang Ucok" are Rina's and Ucok's own, a staff review). Stage messages, the
    Questions tab and the lead page say so alike; the lead page says "a parent or guardian"
    only for a lead under 18 (`filled_in_by`)."""
    if not full_name:
        return False
    return not named_in(telegram_first_name or first_name(None, full_name), full_name)


def named_in(telegram_name: str, full_name: str) -> bool:
    """Whether a Telegram first name plausibly names the registered person: one of its words
    (digits, emoji and honorifics aside: "Rina2", "Kak Rina") is a word of the registered
    name ("Rina" of "Rina Ayu Pratiwi", accents aside), or all of it run together is
    ("Talenta0" of "Talenta 0"), or it starts with the registered first name ("RinaAyu");
    not "Ana" of "Diana Putri" (an attacker's review). A name with no word left (emoji
    only) names nobody else."""
    registered = [word for word in map(_letters, full_name.split()) if word]
    told = [word for word in map(_letters, telegram_name.split()) if word]
    told = [word for word in told if word not in _HONORIFICS] or told
    if not told or not registered:
        return True
    if any(word in registered for word in told) or "".join(told) == "".join(registered):
        return True
    head = registered[0]
    return len(head) >= _SHORTEST_HEAD and "".join(told).startswith(head)


# Words Indonesians put before a name on Telegram ("Bang Ucok", "Kak Rina", "Mbak Sari").
_HONORIFICS = frozenset(
    {
        *("bang", "abang", "kak", "kakak", "ka", "mas", "mbak", "mba", "pak", "bapak", "bu"),
        *("ibu", "kang", "teh", "om", "tante", "dik", "adik", "cak", "ning", "uda", "uni"),
        *("bli", "bro", "sis", "mr", "mrs", "ms"),
    }
)
_SHORTEST_HEAD = 3  # a registered first name this long may start a Telegram name ("RinaAyu")


def _letters(name: str) -> str:
    """A name's letters, lower-case, without accents (digits and emoji left out)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(character for character in decomposed if character.isalpha())


def needed_consent(content: Content, key: str, forwarding: Forwarding | None) -> ConsentNeed | None:
    """The consent a stage needs (content's `consent:`), as this deployment asks it: forwarding
    to FORWARD_TO; with FORWARD_TO unset, a need nothing satisfies."""
    found = content.stages.get(key)
    if found is None or found.consent is None:
        return None
    if forwarding is None:
        return ConsentNeed(found.consent, None)
    return ConsentNeed(found.consent, forwarding.recipient, forwarding.abroad)


def closed_to_every_lead(content: Content, key: str, forwarding: Forwarding | None) -> bool:
    """Whether no lead can be moved to the stage in this deployment: it needs forwarding and
    FORWARD_TO is unset (the store refuses it as "forwarding_off", whatever the talent said)."""
    need = needed_consent(content, key, forwarding)
    return need is not None and need.nobody_can_give


def lacks_consent(
    content: Content, key: str, lead: LeadState, forwarding: Forwarding | None
) -> bool:
    """Whether the stage needs a consent this talent has not given (forwarding the lead)."""
    return lead.lacks(needed_consent(content, key, forwarding))


_KEY_CHARACTERS = re.compile(r"[^a-z0-9_]")
KEY_SHOWN = 24  # characters of an unknown stage key kept in the audit log and in replies


def clean_key(text: str) -> str:
    """A stage key from callback data as it may be recorded or shown: the characters a key
    may have (others become "?"), at most KEY_SHOWN of them (forged data is not echoed)."""
    cleaned = _KEY_CHARACTERS.sub("?", text[:KEY_SHOWN])
    return cleaned + ("…" if len(text) > KEY_SHOWN else "")


def has_message(content: Content, key: str) -> bool:
    """Whether a stage has a message for the talent (content's `message:`)."""
    found = content.stages.get(key)
    return found is not None and found.message is not None
