"""The lead pipeline: stages from content, stage changes with their talent message, filters.

Pure of Telegram: the staff desk's buttons and `kocca-bot lead` both call these functions.
Talent messages are queued with the stage change (one transaction) and delivered by
bot/leads/talent_updates.py through the shared send budget.
"""

from __future__ import annotations

import html
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.content import Content, Markup, Stage
from bot.leads.chart import ChartData
from bot.leads.export import SECTOR_ALIASES, WIB, start_of_day_utc
from bot.leads.stats import decimal_text
from bot.store import Store
from bot.store.applications import REFERENCE_FORMAT
from bot.store.audit import Actor
from bot.store.leads import LeadFilter
from bot.store.pipeline import NOTE_LIMIT, BulkPart, LeadState, Message, Move, Preview
from bot.texts import Text

MINE = ("mine", "saya")
UNASSIGNED = ("unassigned", "bebas")
BULK_CHUNK = 200  # leads moved per transaction in a bulk move (the loop stays responsive)
# A Move all preview confirmed later than this is refused: staff look again, rather than a
# forgotten preview moving (and messaging) leads as they stand days later.
PREVIEW_LIFETIME = timedelta(minutes=30)
CHART_DAYS = 30


class FilterError(ValueError):
    """Words /leads does not understand; the message names the first one."""


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

    @property
    def empty(self) -> bool:
        """Whether nothing narrows the list."""
        return self == PipelineFilter()

    def lead_filter(self, admin_id: int | None) -> LeadFilter:
        """The store's filter; "mine" means assigned to this admin."""
        return LeadFilter(
            sector=self.sector,
            stage=self.stage,
            assignee_id=admin_id if self.mine else None,
            unassigned=self.unassigned,
        )

    def code(self) -> str:
        """The filter in callback data: "shortlist,music,mine"."""
        return self.words().replace(" ", ",")

    def words(self) -> str:
        """The filter as staff would type it (also its stored and callback form)."""
        parts = [self.stage or "", self.sector or "", "mine" if self.mine else ""]
        if self.unassigned:
            parts[2] = "unassigned"
        return " ".join(part for part in parts if part)


def parse_filter(words: Sequence[str], content: Content) -> PipelineFilter:
    """`/leads shortlist musik mine`, in any order; FilterError for a word it cannot read."""
    stage = sector = None
    mine = unassigned = False
    for word in (word.lower() for word in words):
        if word in content.stages and stage is None:
            stage = word
        elif word in SECTOR_ALIASES and sector is None:
            sector = SECTOR_ALIASES[word]
        elif word in MINE and not unassigned:
            mine = True
        elif word in UNASSIGNED and not mine:
            unassigned = True
        else:
            raise FilterError(word)
    return PipelineFilter(stage, sector, mine, unassigned)


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


def talent_label(content: Content, key: str, language: str) -> str:
    """How the talent reads the stage of their registration."""
    found = content.stages.get(key)
    return (
        found.talent_label.get(language)
        if found
        else content.first_stage.talent_label.get(language)
    )


def message_for(content: Content, key: str, lead: LeadState) -> Message | None:
    """Exactly what the talent receives when moved to this stage, in their language."""
    found = content.stages.get(key)
    if found is None or found.message is None:
        return None
    template = found.message.get(lead.language)
    text = template.format_map(
        {"reference": html.escape(lead.reference), "name": html.escape(lead.name, quote=False)}
    )
    return Message(lead.language, text)


def needed_consent(content: Content, key: str) -> str | None:
    """The consent a stage needs (content's `consent:`, e.g. transfer_korea), if any."""
    found = content.stages.get(key)
    return None if found is None else found.consent


def lacks_consent(content: Content, key: str, lead: LeadState) -> bool:
    """Whether the stage needs a consent this talent has not given (transfer to Korea)."""
    return lead.lacks(needed_consent(content, key))


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
    expected_version: int | None = None,
    report_chat_id: int | None = None,
) -> Move:
    """Save a stage (with its talent message when `notify`), if nobody moved the lead since.

    A lead lacking the consent the stage needs is refused ("no_consent"), with or without
    `notify`: checked in the transaction that would save.
    """
    consent = stage(content, to_stage).consent  # StageError before anything is written
    lead = await store.pipeline.state(application_id)
    message = message_for(content, to_stage, lead) if notify and lead is not None else None
    return await store.pipeline.move(
        application_id, expected_version, to_stage, actor, message, report_chat_id, consent
    )


def check_note(text: str) -> str:
    """The note as kept: trimmed, not empty, at most 2,000 characters."""
    text = text.strip()
    if not text:
        raise NoteError("empty")
    if len(text) > NOTE_LIMIT:
        raise NoteError(f"{len(text)} characters, the limit is {NOTE_LIMIT}")
    return text


@dataclass(frozen=True, slots=True)
class BulkResult:
    """What a bulk move did."""

    moved: int
    messages: int
    changed: int  # changed by someone else (or erased) since they were counted
    already: int  # already at the stage
    no_consent: int  # lacking the consent the stage needs: left where they were


def preview_expired(preview: Preview, now: datetime) -> bool:
    """Whether a Move all preview is too old to confirm (or was never made)."""
    if preview.made_at is None:
        return True
    return now - datetime.fromisoformat(preview.made_at) > PREVIEW_LIFETIME


async def bulk_move(
    store: Store,
    content: Content,
    batch_id: int,
    preview: Preview,
    to_stage: str,
    *,
    actor: Actor,
    notify: bool,
) -> BulkResult:
    """Move the leads the preview showed, a few hundred per transaction; each lead gets at
    most one message.

    Only those still at the version the preview saw move: a lead another admin changed since,
    or erased, is counted as changed; one that arrived since was never previewed. Leads
    lacking the consent the stage needs are skipped (each refusal recorded).
    """
    leads = preview.leads
    consent = stage(content, to_stage).consent
    total = BulkPart(changed=preview.count - len(leads))  # erased since the preview
    for start in range(0, len(leads), BULK_CHUNK):
        chunk = leads[start : start + BULK_CHUNK]
        moves = [
            (
                lead.application_id,
                lead.version,
                message_for(content, to_stage, lead) if notify else None,
            )
            for lead in chunk
        ]
        part = await store.pipeline.move_many(batch_id, moves, to_stage, actor, consent)
        total.moved += part.moved
        total.queued += part.queued
        total.changed += part.changed
        total.already += part.already
        total.no_consent += part.no_consent
    await store.pipeline.finish_bulk(batch_id)
    return BulkResult(total.moved, total.queued, total.changed, total.already, total.no_consent)


# ----- statistics -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PipelineStats:
    """The pipeline part of /stats."""

    per_stage: list[tuple[str, int]]  # content order, then stages no longer in content
    per_sector: dict[str, list[tuple[str, int]]]  # sector -> counts in the same order
    median_days_to_contact: float | None
    contacted: int  # leads that reached a "contacted" stage
    days: list[tuple[str, int]]  # the last 30 WIB dates (YYYY-MM-DD), oldest first


async def compute_stats(store: Store, content: Content, now: datetime) -> PipelineStats:
    """Counts per stage and sector, time to first contact, leads per day."""
    today = now.astimezone(WIB).date()
    first_day = today - timedelta(days=CHART_DAYS - 1)
    contacted = [item.key for item in content.stages.values() if item.contacted]
    numbers = await store.pipeline.statistics(contacted, start_of_day_utc(first_day))
    counts = numbers.per_stage_sector
    order = list(content.stages)
    order += sorted({key for key, _ in counts} - set(order))
    per_stage = [(key, sum(n for (s, _), n in counts.items() if s == key)) for key in order]
    sectors = sorted({sector for _, sector in counts if sector is not None})
    per_sector = {
        sector: [(key, counts.get((key, sector), 0)) for key in order] for sector in sectors
    }
    days = [(first_day + timedelta(days=offset)).isoformat() for offset in range(CHART_DAYS)]
    contact = numbers.days_to_contact
    return PipelineStats(
        per_stage=per_stage,
        per_sector=per_sector,
        median_days_to_contact=statistics.median(contact) if contact else None,
        contacted=len(contact),
        days=[(day, numbers.per_day.get(day, 0)) for day in days],
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
    if stats.median_days_to_contact is None:
        contact = content.text(Text.STATS_CONTACT_NONE, language)
    else:
        contact = content.text(
            Text.STATS_CONTACT_MEDIAN,
            language,
            days=decimal_text(stats.median_days_to_contact, content, language),
            count=stats.contacted,
        )
    return content.text(
        Text.STATS_PIPELINE,
        language,
        stages=Markup(stages),
        contact=contact,
        sectors=Markup(sectors or content.text(Text.STATS_NONE, language)),
    )


def chart_data(stats: PipelineStats, content: Content, language: str) -> ChartData:
    """What the /stats picture shows, labelled in the reader's language."""
    return ChartData(
        days_title=content.text(Text.CHART_DAYS_TITLE, language),
        days=[(short_day(content, date.fromisoformat(day), language), n) for day, n in stats.days],
        stages_title=content.text(Text.CHART_STAGES_TITLE, language),
        stages=[(stage_label(content, key, language), n) for key, n in stats.per_stage],
    )


def short_day(content: Content, day: date, language: str) -> str:
    """A day on a chart axis, day first as in content's dates: "18 Nov", "1 Des"."""
    months = content.text(Text.MONTH_NAMES, language).split()
    return f"{day.day} {months[day.month - 1][:3]}"


_REFERENCE = re.compile(r"(?:KOC-?)?0*(\d{1,9})")


def parse_reference(text: str) -> str | None:
    """KOC-000123 from what staff type: "KOC-000123", "koc-123" or "123"."""
    match = _REFERENCE.fullmatch(text.strip().upper())
    return None if match is None else REFERENCE_FORMAT.format(int(match[1]))
