"""The lead pipeline: stages from content, stage changes with their talent message, filters.

Pure of Telegram: the staff desk's buttons and `kocca-bot lead` both call these functions.
Talent messages are queued with the stage change (one transaction) and delivered by
bot/leads/talent_updates.py through the shared send budget.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from bot.content import Content, Markup, Stage
from bot.leads import filter_words, form_order
from bot.leads.chart import ChartData
from bot.leads.export import SECTOR_ALIASES, WIB, plain_text, start_of_day_utc, wib_words
from bot.leads.records import stage_words
from bot.leads.stats import decimal_text
from bot.names import first_name
from bot.settings import Forwarding
from bot.store import ConsentNeed, Store
from bot.store.applications import parse_reference as parse_reference  # for the chat and CLI
from bot.store.audit import Actor
from bot.store.leads import LeadFilter
from bot.store.pipeline import (
    NOTE_LIMIT,
    BulkPart,
    HistoryItem,
    LeadState,
    Message,
    Move,
    PipelineNumbers,
    Preview,
)
from bot.terminal_text import blank, without_controls
from bot.texts import Text

MINE = ("mine", "saya")
UNASSIGNED = ("unassigned", "bebas")
WAITING_WORDS = ("waiting", "menunggu")
TODAY_WORDS = ("hariini", "today")  # "hari ini" typed as two words reads as one
DUPLICATE_WORDS = ("duplicates", "duplikat")  # only the leads closed as a duplicate
# The filter words as Indonesian staff type them (the stored and callback form is English).
TYPED_ID = {
    "music": "musik",
    "mine": "saya",
    "unassigned": "bebas",
    "waiting": "menunggu",
    "today": "hari ini",
    "duplicates": "duplikat",
}
BULK_CHUNK = 200  # leads moved per transaction in a bulk move (the loop stays responsive)
# A Move all preview confirmed later than this is refused: staff look again, rather than a
# forgotten preview moving (and messaging) leads as they stand days later.
PREVIEW_LIFETIME = timedelta(minutes=30)
CHART_DAYS = 30
WAITING_NAMED = 10  # references a bulk preview names of the talents waiting for an answer


class FilterError(ValueError):
    """Words /leads does not understand; the message names the first one, as typed.
    `suggestion` is the filter word one or two typos from it; `by_name` says it is no filter
    word at all, so perhaps a person's name or reference (found with /lead)."""

    def __init__(self, word: str, suggestion: str | None = None, *, by_name: bool = False):
        super().__init__(word)
        self.word = word
        self.suggestion = suggestion
        self.by_name = by_name


class StageError(ValueError):
    """A stage that content/stages.yaml does not have (a stale or forged button, a typo)."""


class NoteError(ValueError):
    """A note that cannot be kept (empty or too long)."""


@dataclass(frozen=True, slots=True)
class PipelineFilter:
    """What /leads shows: a stage, a sector, mine or unassigned, combined."""

    stage: str | None = None
    sector: str | None = None  # "music" or "film"
    mine: bool = False
    unassigned: bool = False
    waiting: bool = False  # longer in their stage than LEAD_WAIT_DAYS (bot/leads/waiting.py)
    today: bool = False  # submitted today (WIB): the day's new leads, whatever their stage
    # Only the leads closed as a duplicate, which a stage's list leaves out (as the workspace's
    # stage chip, its export and /stats count them in no stage).
    duplicates: bool = False

    @property
    def empty(self) -> bool:
        """Whether nothing narrows the list."""
        return self == PipelineFilter()

    def lead_filter(
        self, admin_id: int | None, cutoffs: dict[str, str] | None = None
    ) -> LeadFilter:
        """The store's filter; "mine" means assigned to this admin. A waiting filter without
        `cutoffs` (bot/leads/waiting.py) matches nothing rather than every lead; "today" is
        the WIB day it is read on (a page turned after midnight shows the new day's). A stage
        lists what it counts: not its leads closed as a duplicate, unless only they are asked
        for (a review: /leads baru listed them, the workspace's Baru chip did not)."""
        closed = True if self.duplicates else (False if self.stage else None)
        return LeadFilter(
            sector=self.sector,
            stage=self.stage,
            assignee_id=admin_id if self.mine else None,
            unassigned=self.unassigned,
            waiting=json.dumps(cutoffs or {}) if self.waiting else None,
            since=start_of_today() if self.today else None,
            closed_duplicate=closed,
        )

    def code(self) -> str:
        """The filter in callback data: "shortlist,music,mine"."""
        return self.words().replace(" ", ",")

    def words(self) -> str:
        """The filter as staff would type it (also its stored and callback form)."""
        parts = [self.stage or "", self.sector or "", "mine" if self.mine else ""]
        if self.unassigned:
            parts[2] = "unassigned"
        if self.waiting:
            parts.append("waiting")
        if self.today:
            parts.append("today")
        if self.duplicates:
            parts.append("duplicates")
        return " ".join(part for part in parts if part)

    def typed(self, language: str) -> str:
        """The filter as staff would type it in their language: "baru duplikat" in
        Indonesian (a review: an Indonesian footer said "/leads baru duplicates")."""
        words = self.words()
        if language != "id":
            return words
        return " ".join(TYPED_ID.get(word, word) for word in words.split())


def start_of_today(now: datetime | None = None) -> str:
    """Midnight of today in WIB, as a stored ISO UTC time."""
    return start_of_day_utc((now or datetime.now(UTC)).astimezone(WIB).date())


def _today_joined(words: Sequence[str]) -> list[str]:
    """ "hari ini" (two words, any case) as the one filter word "hariini"."""
    joined: list[str] = []
    for word in words:
        if word.lower() == "ini" and joined and joined[-1].lower() == "hari":
            joined[-1] = "hariini"
        else:
            joined.append(word)
    return joined


def parse_filter(words: Sequence[str], content: Content) -> PipelineFilter:
    """`/leads shortlist musik mine`, in any order; a stage by its key or its label in either
    language ("Diteruskan ke KOCCA", "Shortlisted"), any case; FilterError for a word it
    cannot read."""
    stage = sector = None
    mine = unassigned = waiting = today = duplicates = False
    for typed in stage_words(content, _today_joined(words)):
        word = typed.lower()
        if word in content.stages and stage is None:
            stage = word
        elif word in WAITING_WORDS:
            waiting = True
        elif word in TODAY_WORDS:
            today = True
        elif word in DUPLICATE_WORDS:
            duplicates = True
        elif word in SECTOR_ALIASES and sector is None:
            sector = SECTOR_ALIASES[word]
        elif word in MINE and not unassigned:
            mine = True
        elif word in UNASSIGNED and not mine:
            unassigned = True
        else:
            known = filter_vocabulary(content)
            suggestion = filter_words.meant(word, known)
            # A capitalised word close to a filter word may be a name ("Mina", "mine"):
            # both hints then; "shortlis" gets only the filter meant.
            by_name = word not in known and (suggestion is None or typed[:1].isupper())
            raise FilterError(typed, suggestion, by_name=by_name)
    return PipelineFilter(stage, sector, mine, unassigned, waiting, today, duplicates)


def filter_vocabulary(content: Content) -> list[str]:
    """Every word /leads takes: stages (keys and labels), sectors, mine, unassigned, waiting,
    today, duplicates."""
    words = [*filter_words.stage_names(content), *SECTOR_ALIASES]
    return [*words, *MINE, *UNASSIGNED, *WAITING_WORDS, *TODAY_WORDS, *DUPLICATE_WORDS]


def parse_code(code: str, content: Content) -> PipelineFilter:
    """A filter back from callback data (FilterError if the content changed meanwhile)."""
    return parse_filter([word for word in code.split(",") if word], content)


# ----- stages ---------------------------------------------------------------------------------


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


def stage_shown(content: Content, key: str, language: str, closed_duplicate: bool) -> str:
    """A lead's stage as staff read it (plain text): "Baru · 🔁 ditutup (duplikat)" for one
    closed as a duplicate, which keeps its stage for ↩️ Reopen but no longer waits in it."""
    label = stage_label(content, key, language)
    if not closed_duplicate:
        return label
    return plain_text(content.text(Text.RECORDS_STAGE_CLOSED_DUPLICATE, language, stage=label))


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


# ----- changes --------------------------------------------------------------------------------


async def change_stage(
    store: Store,
    content: Content,
    application_id: int,
    to_stage: str,
    *,
    actor: Actor,
    notify: bool,
    forwarding: Forwarding | None,
    expected_version: int | None = None,
    report_chat_id: int | None = None,
) -> Move:
    """Save a stage (with its talent message when `notify`), if nobody moved the lead since.

    A lead lacking the consent the stage needs is refused ("no_consent"), with or without
    `notify`: checked in the transaction that would save. So is every lead, for a stage that
    needs forwarding when FORWARD_TO is unset (`forwarding` None).
    """
    stage(content, to_stage)  # StageError before anything is written
    consent = needed_consent(content, to_stage, forwarding)
    lead = await store.pipeline.state(application_id)
    message = (
        message_for(content, to_stage, lead, forwarding) if notify and lead is not None else None
    )
    withheld = not notify and has_message(content, to_stage)  # Tanpa kabar, recorded so
    return await store.pipeline.move(
        application_id,
        expected_version,
        to_stage,
        actor,
        message,
        report_chat_id,
        consent,
        withheld=withheld,
    )


def has_message(content: Content, key: str) -> bool:
    """Whether a stage has a message for the talent (content's `message:`)."""
    found = content.stages.get(key)
    return found is not None and found.message is not None


def moved_quietly(content: Content, item: HistoryItem) -> bool:
    """Whether a history row is a move to a stage with a talent message, saved without it
    (Don't notify): the history says the talent was not told (a row saying there was
    nothing to send is not one)."""
    if item.kind != "stage" or item.notified or item.no_message:
        return False
    # Recorded since session 50; an older row is read by the stage's message now.
    return item.withheld or has_message(content, item.to_value or "")


def saved_text(move: Move, notifying: Text, *, quiet: bool) -> Text:
    """What a saved stage change says: its message is on its way (`notifying`, the chat's or
    the workspace's words), it was saved with Don't notify (`quiet`), or just saved."""
    if move.update_id:
        return notifying
    return Text.PIPELINE_SAVED_QUIET if quiet else Text.PIPELINE_SAVED


def talent_language(content: Content, language: str, talent: str) -> str:
    """A talent's chat language in staff words: "bahasa Indonesia", "English"."""
    key = Text.PIPELINE_LANGUAGE_EN if talent == "en" else Text.PIPELINE_LANGUAGE_ID
    return content.text(key, language)


def language_name(content: Content, language: str, talent: str) -> str:
    """A talent's chat language as staff read it beside a label: "Indonesia", "Inggris"."""
    key = Text.PIPELINE_LANGUAGE_NAME_EN if talent == "en" else Text.PIPELINE_LANGUAGE_NAME_ID
    return content.text(key, language)


def told_later(content: Content, to_stage: str, told: dict[str, str]) -> str | None:
    """The furthest stage after `to_stage` (content order) whose message the talent got:
    moving back to `to_stage` changes their /status back. None if there is none."""
    order = list(content.stages)
    if to_stage not in order:
        return None
    later = [key for key in told if key in order and order.index(key) > order.index(to_stage)]
    return max(later, key=order.index) if later else None


def last_told(told: dict[str, str]) -> str | None:
    """The stage whose message the talent got most recently (`told`: stage -> when)."""
    return max(told, key=lambda key: told[key]) if told else None


def preview_warnings(
    content: Content,
    language: str,
    state: LeadState,
    to_stage: str,
    told: dict[str, str],
    *,
    waiting: bool = False,
    minor: bool = False,
) -> str:
    """The preview's warnings, each on a line of its own: the talent is under 18 (`minor`),
    blocked the bot, waits for an answer to a question (`waiting`: a new staff member closed
    a lead whose question was unanswered), already got this stage's message (and when), or
    was told of a later stage (`told`: Pipeline.told of this lead). Telegram HTML, each line
    a text of content."""
    warnings = ""
    if minor:
        warnings += "\n" + content.text(Text.PIPELINE_WARNING_MINOR, language)
    if state.blocked:
        warnings += "\n" + content.text(Text.PIPELINE_WARNING_BLOCKED, language)
    if waiting:
        warnings += "\n" + content.text(Text.PIPELINE_WARNING_QUESTION_WAITS, language)
    if to_stage in told:
        time = wib_words(content, told[to_stage], language)
        warnings += "\n" + content.text(Text.PIPELINE_WARNING_TOLD_BEFORE, language, time=time)
    later = told_later(content, to_stage, told)
    if later is not None:  # named plainly: what they were told last, what they get now
        warnings += "\n" + content.text(
            Text.PIPELINE_WARNING_STATUS_BACK,
            language,
            told=stage_label(content, last_told(told) or later, language),
            stage=stage_label(content, to_stage, language),
            status=talent_label(content, to_stage, language),
        )
    return warnings


def preview_intro(
    content: Content,
    language: str,
    state: LeadState,
    to_stage: str,
    told: dict[str, str] | None = None,
    *,
    waiting: bool = False,
    minor: bool = False,
) -> str:
    """Above the exact message the talent would get: what, in which language, warnings.

    (A lead lacking the stage's consent never gets this far: the stage is refused.)
    """
    warned = preview_warnings(
        content, language, state, to_stage, told or {}, waiting=waiting, minor=minor
    )
    warnings = Markup(warned)
    return content.text(
        Text.PIPELINE_PREVIEW_INTRO,
        language,
        reference=state.reference,
        stage=stage_label(content, to_stage, language),
        talent_language=talent_language(content, language, state.language),
        warnings=warnings,
    )


async def lead_preview_intro(
    store: Store, content: Content, language: str, state: LeadState, to_stage: str
) -> str:
    """preview_intro for one lead as the chat and the workspace show it, with what the store
    knows of it: what the talent was told, a question waiting, an age under 18."""
    told = (await store.pipeline.told([state.application_id])).get(state.application_id, {})
    waiting = await store.support.question_waiting(state.user_id)
    return preview_intro(
        content,
        language,
        state,
        to_stage,
        told,
        waiting=waiting,
        minor=await is_minor(store, content, state.application_id),
    )


async def is_minor(store: Store, content: Content, application_id: int) -> bool:
    """Whether the lead's answers say the talent is under 18 (as answered or corrected)."""
    lead = await store.leads.get(application_id)
    return lead is not None and form_order.minor(content, lead.answers)


def check_note(text: str) -> str:
    """The note as kept: without control characters (line breaks kept, as in a long answer),
    trimmed, not empty, at most 2,000 characters."""
    text = without_controls(text, keep_newlines=True).strip()
    if blank(text):  # also a note of only zero-width characters
        raise NoteError("empty")
    if len(text) > NOTE_LIMIT:
        raise NoteError(f"{len(text)} characters, the limit is {NOTE_LIMIT}")
    return text


@dataclass(frozen=True, slots=True)
class BulkPreview:
    """What a bulk move to a stage would do to these leads, before staff confirm it."""

    leads: list[LeadState]
    movable: list[LeadState]  # not at the stage yet, not closed as a duplicate
    eligible: list[LeadState]  # movable, and with the consent the stage needs
    examples: list[tuple[LeadState, Message]]  # the message for the first of each language
    # Eligible leads whose talent already got this stage's message: moved without it again.
    told: list[LeadState] = field(default_factory=list)
    # Eligible leads whose talent was told of a later stage: their /status goes back.
    back: list[LeadState] = field(default_factory=list)
    # Eligible leads whose talent still waits for a staff answer to a question (as the one
    # lead's preview warns: a mother got the closing message while her question was open).
    waiting: list[LeadState] = field(default_factory=list)
    # The stages those talents were told last, in content order ("Tidak dilanjutkan").
    back_told: list[str] = field(default_factory=list)
    # Eligible leads at an outcome stage (Forwarded, Closed) other than the one chosen: Move
    # all would take them back (a staff review), so it offers to leave them where they are.
    at_outcome: list[LeadState] = field(default_factory=list)
    # Of `back`: the stage each talent was told last (application id -> stage key).
    last_told_of: dict[int, str] = field(default_factory=dict)

    def per_stage(self, content: Content, leads: list[LeadState]) -> list[tuple[str, int]]:
        """How many of these leads are at each stage, in content order (unknown ones last)."""
        order = list(content.stages)
        counts: dict[str, int] = {}
        for lead in leads:
            counts[lead.stage] = counts.get(lead.stage, 0) + 1
        return sorted(counts.items(), key=lambda item: _stage_rank(order, item[0]))

    @property
    def duplicates(self) -> int:
        """Leads closed as a duplicate (skipped: a bulk move never reopens one)."""
        return sum(1 for lead in self.leads if lead.closed_duplicate)

    @property
    def skippable(self) -> int:
        """Leads at an outcome ⏭ would leave where they are: 0 unless it leaves some to move."""
        ending = len(self.at_outcome)
        return ending if len(self.eligible) > ending else 0

    @property
    def already(self) -> int:
        """Leads already at the stage (skipped)."""
        return len(self.leads) - len(self.movable) - self.duplicates

    @property
    def no_consent(self) -> int:
        """Leads the stage's consent keeps where they are."""
        return len(self.movable) - len(self.eligible)

    @property
    def to_tell(self) -> list[LeadState]:
        """Eligible leads whose talent has not had this stage's message yet."""
        told = {lead.application_id for lead in self.told}
        return [lead for lead in self.eligible if lead.application_id not in told]

    @property
    def english(self) -> int:
        """Talents to tell who chat in English (the others get the Indonesian message)."""
        return sum(1 for lead in self.to_tell if lead.language == "en")


def _stage_rank(order: list[str], key: str) -> tuple[int, str]:
    return (order.index(key) if key in order else len(order), key)


def at_outcome(content: Content, lead: LeadState, to_stage: str) -> bool:
    """Whether a Move all to `to_stage` would take this lead from an outcome stage."""
    found = content.stages.get(lead.stage)
    return found is not None and found.outcome and lead.stage != to_stage


def _movable(lead: LeadState, to_stage: str) -> bool:
    """Whether a bulk move would move this lead: not at the stage yet, not closed as a
    duplicate (the stage's consent aside)."""
    return lead.stage != to_stage and not lead.closed_duplicate


def bulk_preview(
    content: Content,
    to_stage: str,
    leads: list[LeadState],
    forwarding: Forwarding | None,
    told: dict[int, dict[str, str]] | None = None,
    waiting: Collection[int] = (),
) -> BulkPreview:
    """Who a bulk move would move, who it would skip, who already got the stage's message
    (`told`: Pipeline.told of these leads), whose talent waits for an answer (`waiting`: their
    Telegram ids, Support.questions_waiting), and example messages (id, then en)."""
    told = told or {}
    movable = [lead for lead in leads if _movable(lead, to_stage)]
    eligible = [lead for lead in movable if not lacks_consent(content, to_stage, lead, forwarding)]
    has_message = stage(content, to_stage).message is not None
    already_told = [
        lead for lead in eligible if has_message and to_stage in told.get(lead.application_id, {})
    ]
    back = [
        lead
        for lead in eligible
        if told_later(content, to_stage, told.get(lead.application_id, {})) is not None
    ]
    firsts: dict[str, LeadState] = {}
    skipped = {lead.application_id for lead in already_told}
    for lead in eligible:
        if lead.application_id not in skipped:
            firsts.setdefault(lead.language, lead)
    examples = []
    for language in sorted(firsts, key=lambda code: code != "id"):
        message = message_for(content, to_stage, firsts[language], forwarding)
        if message is not None:
            examples.append((firsts[language], message))
    asking = [lead for lead in eligible if lead.user_id in waiting]
    last = {last_told(told.get(lead.application_id, {})) for lead in back}
    order = list(content.stages)
    back_told = sorted((key for key in last if key in order), key=order.index)
    ending = [lead for lead in eligible if at_outcome(content, lead, to_stage)]
    return BulkPreview(
        leads,
        movable,
        eligible,
        examples,
        already_told,
        back,
        asking,
        back_told=back_told,
        at_outcome=ending,
        last_told_of={
            lead.application_id: last_told(told.get(lead.application_id, {})) or "" for lead in back
        },
    )


def _ids(leads: list[LeadState]) -> set[int]:
    return {lead.application_id for lead in leads}


def preview_skipped(
    content: Content,
    language: str,
    preview: BulkPreview,
    to_stage: str,
    forwarding: Forwarding | None,
) -> Markup:
    """The preview's lines on leads a bulk move leaves where they are, one per reason that
    holds for some ("already there: 0" is never said), each on a line of its own; then those
    moved without the message they already got, those whose /status goes back, and those
    whose talent still waits for an answer (with their references, the first WAITING_NAMED)."""
    label = stage_label(content, to_stage, language)
    lines = []
    moving = preview.per_stage(content, preview.eligible)
    if len(moving) > 1 or preview.at_outcome:  # where they are now, one line per stage
        lines.append(content.text(Text.BULK_PREVIEW_FROM, language))
        lines.extend(_stage_lines(content, language, moving, to_stage))
    if preview.at_outcome:  # ⏭ offered only when it leaves some to move
        every = len(preview.at_outcome) == len(preview.eligible)
        key = Text.BULK_PREVIEW_OUTCOMES_ALL if every else Text.BULK_PREVIEW_OUTCOMES
        lines.append(content.text(key, language, count=len(preview.at_outcome), stage=label))
    if preview.already:
        lines.append(content.text(Text.BULK_PREVIEW_ALREADY, language, count=preview.already))
    if preview.duplicates:
        lines.append(content.text(Text.BULK_PREVIEW_DUPLICATES, language, count=preview.duplicates))
    if preview.no_consent and forwarding is None:
        lines.append(content.text(Text.BULK_PREVIEW_FORWARDING_OFF, language, stage=label))
    elif preview.no_consent and forwarding is not None:
        lines.append(
            content.text(
                Text.BULK_PREVIEW_NO_CONSENT,
                language,
                count=preview.no_consent,
                stage=label,
                recipient=forwarding.recipient,
            )
        )
    if preview.told:  # moved, but without the message they already got
        lines.append(content.text(Text.BULK_PREVIEW_TOLD, language, count=len(preview.told)))
    if preview.back:
        # Who gets the stage's message now, and who does not: the stage has none, or they
        # got it before (a desk review: "Shortlist has no update" was said of those); under
        # each, the stage they were told last, one line each (a staff review: "Diteruskan,
        # Tidak dilanjutkan" in one sentence was hard to read).
        silent = stage(content, to_stage).message is None
        told_before = _ids(preview.told)
        again = [lead for lead in preview.back if lead.application_id in told_before]
        groups = (
            [(Text.BULK_PREVIEW_BACK_QUIET, preview.back)]
            if silent
            else [
                (Text.BULK_PREVIEW_BACK, [lead for lead in preview.back if lead not in again]),
                (Text.BULK_PREVIEW_BACK_TOLD, again),
            ]
        )
        status = talent_label(content, to_stage, language)
        for key, group in groups:
            if not group:
                continue
            lines.append(content.text(key, language, stage=label, status=status))
            counts: dict[str, int] = {}
            for lead in group:
                told_last = preview.last_told_of.get(lead.application_id, "")
                counts[told_last] = counts.get(told_last, 0) + 1
            order = list(content.stages)
            ranked = sorted(counts.items(), key=lambda item: _stage_rank(order, item[0]))
            lines.extend(
                content.text(
                    Text.BULK_PREVIEW_STAGE_LINE,
                    language,
                    stage=stage_label(content, key, language),
                    count=count,
                )
                for key, count in ranked
            )
    if preview.waiting:
        references = ", ".join(lead.reference for lead in preview.waiting[:WAITING_NAMED])
        if len(preview.waiting) > WAITING_NAMED:
            references += ", …"
        lines.append(
            content.text(
                Text.BULK_PREVIEW_WAITING,
                language,
                count=len(preview.waiting),
                references=references,
            )
        )
    return Markup("".join(f"\n{line}" for line in lines))


def _stage_lines(
    content: Content, language: str, counts: list[tuple[str, int]], to_stage: str
) -> list[str]:
    """ "• Diteruskan: 1 (tahap akhir)": one line per stage, an outcome one marked."""
    lines = []
    for key, count in counts:
        found = content.stages.get(key)
        ending = found is not None and found.outcome and key != to_stage
        text = Text.BULK_PREVIEW_STAGE_OUTCOME if ending else Text.BULK_PREVIEW_STAGE_LINE
        lines.append(
            content.text(text, language, stage=stage_label(content, key, language), count=count)
        )
    return lines


@dataclass(frozen=True, slots=True)
class BulkResult:
    """What a bulk move did."""

    moved: int
    messages: int
    changed: int  # changed by someone else (or erased) since they were counted
    already: int  # already at the stage
    no_consent: int  # lacking the consent the stage needs: left where they were
    duplicates: int = 0  # closed as a duplicate: left closed
    told: int = 0  # moved without the stage's message: their talent already got it
    # The closed duplicates, each with the lead it duplicates (None: erased since).
    closed: tuple[tuple[str, str | None], ...] = ()


def preview_expired(preview: Preview, now: datetime) -> bool:
    """Whether a Move all preview is too old to confirm (or was never made)."""
    if preview.made_at is None:
        return True
    return now - datetime.fromisoformat(preview.made_at) > PREVIEW_LIFETIME


@dataclass(frozen=True, slots=True)
class BulkStart:
    """A confirmed bulk move: its number for staff, and the leads its preview showed."""

    number: int
    preview: Preview


async def start_bulk_move(
    store: Store, batch_id: int, to_stage: str, *, actor: Actor, notify: bool, filter_words: str
) -> BulkStart | Literal["expired", "gone"]:
    """Confirm a bulk move prepared by `actor` (Telegram's Move all, the workspace's selection):
    "expired" (and dropped) when its preview is older than PREVIEW_LIFETIME, "gone" when it
    is not theirs, was started or cancelled already; else started, once, and audited. Then
    `bulk_move` moves the leads the preview showed."""
    found = await store.pipeline.bulk(batch_id)
    if found is None or found[1] != actor.user_id or found[3] != "composing":
        return "gone"
    preview = await store.pipeline.previewed(batch_id)
    if preview_expired(preview, datetime.now(UTC)):
        await store.pipeline.cancel_bulk(batch_id, actor.user_id or 0)
        return "expired"
    number = await store.pipeline.confirm_bulk(
        batch_id,
        to_stage,
        actor,
        filter=filter_words,
        stage=to_stage,
        leads=preview.count,
        notify=notify,
    )
    return "gone" if number is None else BulkStart(number, preview)


async def bulk_move(
    store: Store,
    content: Content,
    batch_id: int,
    preview: Preview,
    to_stage: str,
    *,
    actor: Actor,
    notify: bool,
    forwarding: Forwarding | None,
) -> BulkResult:
    """Move the leads the preview showed, a few hundred per transaction; each lead gets at
    most one message.

    A talent who already got the stage's message is moved without it (the preview says so).
    Only those still at the version the preview saw move: a lead another admin changed since,
    or erased, is counted as changed; one that arrived since was never previewed. Leads
    closed as a duplicate, or lacking the consent the stage needs, are skipped (each consent
    refusal recorded).
    """
    leads = preview.leads
    stage(content, to_stage)
    consent = needed_consent(content, to_stage, forwarding)
    total = BulkPart(changed=preview.count - len(leads))  # erased since the preview
    told = 0
    for start in range(0, len(leads), BULK_CHUNK):
        chunk = leads[start : start + BULK_CHUNK]
        messages = {
            lead.application_id: message_for(content, to_stage, lead, forwarding)
            if notify
            else None
            for lead in chunk
        }
        if any(messages.values()):  # never the same stage's message twice to a talent
            earlier = await store.pipeline.told([lead.application_id for lead in chunk])
            for lead in chunk:
                if to_stage in earlier.get(lead.application_id, {}):
                    messages[lead.application_id] = None
                    told += _movable(lead, to_stage) and not lead.lacks(consent)
        moves = [
            (lead.application_id, lead.version, messages[lead.application_id]) for lead in chunk
        ]
        withheld = not notify and has_message(content, to_stage)  # Move without updates
        part = await store.pipeline.move_many(
            batch_id, moves, to_stage, actor, consent, withheld=withheld
        )
        total.moved += part.moved
        total.queued += part.queued
        total.changed += part.changed
        total.already += part.already
        total.no_consent += part.no_consent
        total.duplicates += part.duplicates
        total.closed.extend(part.closed)
    await store.pipeline.finish_bulk(batch_id)
    return BulkResult(
        total.moved,
        total.queued,
        total.changed,
        total.already,
        total.no_consent,
        total.duplicates,
        told,
        tuple(total.closed),
    )


def skipped_duplicates(content: Content, language: str, result: BulkResult) -> str:
    """ "Ada 1 yang dilewati karena ditutup sebagai duplikat: KOC-000002 (duplikat dari
    KOC-000001)." after a bulk move, also of one closed after its preview (a desk review:
    such a lead was reported as changed elsewhere); the first WAITING_NAMED named."""
    gone = content.text(Text.RECORDS_GONE_REFERENCE, language)
    named = [
        content.text(Text.BULK_CLOSED_ONE, language, reference=reference, other=other or gone)
        for reference, other in result.closed[:WAITING_NAMED]
    ]
    if len(result.closed) > WAITING_NAMED:
        named.append("…")
    return content.text(
        Text.BULK_SKIPPED_DUPLICATES,
        language,
        count=result.duplicates,
        which=", ".join(named),
    )


# ----- statistics -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PipelineStats:
    """The pipeline part of /stats."""

    per_stage: list[tuple[str, int]]  # content order, then stages no longer in content
    per_sector: dict[str, list[tuple[str, int]]]  # sector -> counts in the same order
    median_days_to_contact: float | None
    contacted: int  # leads that reached a "contacted" stage
    days: list[tuple[str, int]]  # the last 30 WIB dates (YYYY-MM-DD), oldest first
    duplicates: int = 0  # closed as a duplicate: in none of per_stage, per_sector


def stats_window(content: Content, now: datetime) -> tuple[date, str, list[str]]:
    """The first WIB day the charts show, its start in UTC, and the stages that count as a
    first contact."""
    first_day = now.astimezone(WIB).date() - timedelta(days=CHART_DAYS - 1)
    contacted = [item.key for item in content.stages.values() if item.contacted]
    return first_day, start_of_day_utc(first_day), contacted


async def compute_stats(store: Store, content: Content, now: datetime) -> PipelineStats:
    """Counts per stage and sector, time to first contact, leads per day."""
    first_day, since, contacted = stats_window(content, now)
    numbers = await store.pipeline.statistics(contacted, since)
    return stats_from(numbers, content, first_day)


def stats_from(numbers: PipelineNumbers, content: Content, first_day: date) -> PipelineStats:
    """The pipeline part of /stats from its numbers: stages in content order, then any no
    longer in content; the 30 days from `first_day`."""
    counts = numbers.per_stage_sector
    order = list(content.stages)
    order += sorted({key for key, _ in counts} - set(order))
    per_stage = [(key, sum(n for (s, _), n in counts.items() if s == key)) for key in order]
    sectors = sorted({sector for _, sector in counts if sector is not None})
    per_sector = {
        sector: [(key, counts.get((key, sector), 0)) for key in order] for sector in sectors
    }
    days = [(first_day + timedelta(days=offset)).isoformat() for offset in range(CHART_DAYS)]
    return PipelineStats(
        per_stage=per_stage,
        per_sector=per_sector,
        median_days_to_contact=numbers.median_days_to_contact,
        contacted=numbers.contacted,
        days=[(day, numbers.per_day.get(day, 0)) for day in days],
        duplicates=numbers.duplicates,
    )


def stats_report(stats: PipelineStats, content: Content, language: str) -> str:
    """The pipeline lines of /stats (and `kocca-bot stats`)."""

    def counts(pairs: list[tuple[str, int]]) -> str:
        return " · ".join(f"{stage_label(content, key, language)} {n}" for key, n in pairs if n)

    stages = "\n".join(
        content.text(
            Text.STATS_LINE, language, label=stage_label(content, key, language), count=count
        )
        for key, count in stats.per_stage
    )
    if stats.duplicates:
        apart = content.text(Text.STATS_CLOSED_DUPLICATES, language, count=stats.duplicates)
        stages = f"{stages}\n{apart}"
    question = content.questions.get("sector")
    sector_labels = (
        {c.value: c.label.get(language) for c in (question.choices or [])} if question else {}
    )
    sectors = "\n".join(
        content.text(
            Text.STATS_SECTOR_STAGES,
            language,
            sector=sector_labels.get(sector, sector),
            stages=counts(pairs) or "0",
        )
        for sector, pairs in stats.per_sector.items()
    )
    contact = contact_time(content, language, stats.median_days_to_contact, stats.contacted)
    return content.text(
        Text.STATS_PIPELINE,
        language,
        stages=Markup(stages),
        contact=contact,
        sectors=Markup(sectors or content.text(Text.STATS_NONE, language)),
    )


def duplicates_line(content: Content, language: str, count: int) -> str:
    """ "Ditutup sebagai duplikat: 1" under the stages (/stats and the workspace): closed
    duplicates keep their stage for ↩️ Reopen, but no longer count in it."""
    return plain_text(content.text(Text.STATS_CLOSED_DUPLICATES, language, count=count))


def chart_data(stats: PipelineStats, content: Content, language: str) -> ChartData:
    """What the /stats picture shows, labelled in the reader's language."""
    return ChartData(
        days_title=content.text(Text.CHART_DAYS_TITLE, language),
        days=[(short_day(content, date.fromisoformat(day), language), n) for day, n in stats.days],
        stages_title=content.text(Text.CHART_STAGES_TITLE, language),
        stages=[(stage_label(content, key, language), n) for key, n in stats.per_stage],
        # Closed duplicates are in no bar: said under them, as the text says it.
        stages_note=duplicates_line(content, language, stats.duplicates)
        if stats.duplicates
        else "",
    )


def short_day(content: Content, day: date, language: str) -> str:
    """A day on a chart axis, day first as in content's dates: "18 Nov", "1 Des"."""
    months = content.text(Text.MONTH_NAMES, language).split()
    return f"{day.day} {months[day.month - 1][:3]}"


def contact_time(content: Content, language: str, median: float | None, count: int) -> str:
    """The median time from registering to first contact, as staff read it: "less than a
    day" under one (a new staff member read "0,0 hari" as a mistake)."""
    if median is None:
        return content.text(Text.STATS_CONTACT_NONE, language)
    if median < 1:
        return content.text(Text.STATS_CONTACT_SAME_DAY, language, count=count)
    days = decimal_text(median, content, language)
    return content.text(Text.STATS_CONTACT_MEDIAN, language, days=days, count=count)
