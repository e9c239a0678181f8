"""Move all: what a bulk move to a stage would do (its preview, the leads it skips and why),
its confirmation, and the move itself, a few hundred leads per transaction.

Each lead gets at most one message, and only those still as the preview saw them move; the
chat's Move all and the workspace's selection both go through here.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal

from bot.content import Content, Markup
from bot.leads import cancelling
from bot.leads.pipeline_stages import (
    has_message,
    lacks_consent,
    message_for,
    needed_consent,
    stage,
    stage_label,
    talent_label,
    translation_for,
)
from bot.leads.stage_changes import last_told, told_later
from bot.settings import Forwarding
from bot.store import Store
from bot.store.audit import Actor
from bot.store.pipeline import BulkPart, LeadState, Message, Preview
from bot.texts import Text

BULK_CHUNK = 200  # leads moved per transaction in a bulk move (the loop stays responsive)
# A Move all preview confirmed later than this is refused: staff look again, rather than a
# forgotten preview moving (and messaging) leads as they stand days later.
PREVIEW_LIFETIME = timedelta(minutes=30)
WAITING_NAMED = 10  # references a bulk preview names of the talents waiting for an answer


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
    # Eligible leads this move sends the stage's update whose talent still waits for a staff
    # answer to a question (as the one lead's preview warns: a mother got the closing message
    # while her question was open).
    waiting: list[LeadState] = field(default_factory=list)
    # The stages those talents were told last, in content order ("Tidak dilanjutkan").
    back_told: list[str] = field(default_factory=list)
    # Eligible leads at an outcome stage (Forwarded, Closed) other than the one chosen: Move
    # all would take them back (a staff review), so it offers to leave them where they are.
    at_outcome: list[LeadState] = field(default_factory=list)
    # Of `back`: the stage each talent was told last (application id -> stage key).
    last_told_of: dict[int, str] = field(default_factory=dict)
    # Leads the bot cancelled (under 18, no guardian's consent): application ids, said apart.
    minor_cancels: Collection[int] = ()

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
    def withdrawn(self) -> list[str]:
        """References of the leads their talent cancelled (skipped: never moved again)."""
        return [
            lead.reference
            for lead in self.leads
            if lead.withdrawn_at is not None and not lead.closed_duplicate
        ]

    @property
    def withdrawn_minor(self) -> list[str]:
        """Of `withdrawn`, those the bot cancelled, not their talent (cancelling.as_minor)."""
        minors = set(self.minor_cancels)
        return [
            lead.reference
            for lead in self.leads
            if lead.application_id in minors and lead.reference in self.withdrawn
        ]

    @property
    def already(self) -> int:
        """Leads already at the stage (skipped)."""
        return len(self.leads) - len(self.movable) - self.duplicates - len(self.withdrawn)

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
    return lead.stage != to_stage and not lead.closed_duplicate and lead.withdrawn_at is None


def example_translation(
    content: Content,
    to_stage: str,
    examples: list[tuple[LeadState, Message]],
    forwarding: Forwarding | None,
    language: str,
) -> Message | None:
    """The first example message in `language` when no example is in it: for staff who read
    that language to know what they approve, as under a single move's preview (s60); never
    sent. None when an example already reads in `language`, or there is none."""
    if not examples or any(lead.language == language for lead, _ in examples):
        return None
    return translation_for(content, to_stage, examples[0][0], forwarding, language)


def bulk_preview(
    content: Content,
    to_stage: str,
    leads: list[LeadState],
    forwarding: Forwarding | None,
    told: dict[int, dict[str, str]] | None = None,
    waiting: Collection[int] = (),
    minors: Collection[int] = (),
) -> BulkPreview:
    """Who a bulk move would move, who it would skip, who already got the stage's message
    (`told`: Pipeline.told of these leads), whose talent waits for an answer (`waiting`: their
    Telegram ids, Support.questions_waiting), and example messages (id, then en); `minors`:
    those the bot cancelled (cancelling.minor_cancels_of), skipped with why."""
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
    # Only those this move sends the stage's update: "answer first, so this update does not
    # arrive before the answer" said of a stage without one contradicted the next line (a
    # staff review s59, L1: "This stage has no update for the registrant").
    telling = [lead for lead in eligible if has_message and lead.application_id not in skipped]
    asking = [lead for lead in telling if lead.user_id in waiting]
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
        minor_cancels=minors,
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
    left = len(preview.leads) - len(preview.eligible)
    if left and preview.eligible:  # how many move, before why some do not (review s57, L2)
        counted = Text.BULK_PREVIEW_COUNTS
        lines.append(content.text(counted, language, moving=len(preview.eligible), skipped=left))
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
    if preview.withdrawn:
        said = skipped_withdrawn(content, language, preview.withdrawn, preview.withdrawn_minor)
        lines.append(said.lstrip("\n"))
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
    withdrawn: tuple[str, ...] = ()  # references of leads their talent cancelled: left closed
    withdrawn_minor: tuple[str, ...] = ()  # of those, the ones the bot cancelled (under 18)
    skipped: tuple[str, ...] = ()  # of `changed`, the references of those not erased since


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
        # A lead its talent cancelled is left closed, and said apart: "already there" hid why
        # (staff may not contact its talent).
        total.already += part.already
        total.withdrawn.extend(part.withdrawn)
        total.skipped.extend(part.skipped)
        total.no_consent += part.no_consent
        total.duplicates += part.duplicates
        total.closed.extend(part.closed)
    await store.pipeline.finish_bulk(batch_id)
    cancelled = [lead for lead in leads if lead.reference in total.withdrawn]
    minors = await cancelling.minor_cancels(
        store, [(lead.user_id, lead.application_id) for lead in cancelled]
    )
    return BulkResult(
        total.moved,
        total.queued,
        total.changed,
        total.already,
        total.no_consent,
        total.duplicates,
        told,
        tuple(total.closed),
        tuple(total.withdrawn),
        tuple(lead.reference for lead in cancelled if lead.application_id in minors),
        tuple(total.skipped),
    )


def skipped_withdrawn(
    content: Content, language: str, references: Collection[str], minors: Collection[str] = ()
) -> Markup:
    """ "🚫 Dibatalkan oleh talentanya sendiri, jadi dilewati: 1 (KOC-000002)." on a line of
    its own ("" for none), in a bulk move's preview and result; those the bot cancelled
    (`minors`: under 18, no guardian's consent) on a line of their own saying so (s62, N2);
    the first WAITING_NAMED of each named."""
    own = [reference for reference in references if reference not in minors]
    minor = [reference for reference in references if reference in minors]
    said = ""
    for text, which in (
        (Text.BULK_SKIPPED_WITHDRAWN, own),
        (Text.BULK_SKIPPED_WITHDRAWN_UNDER_18, minor),
    ):
        if which:
            named = which[:WAITING_NAMED] + (["…"] if len(which) > WAITING_NAMED else [])
            said += "\n" + content.text(text, language, count=len(which), which=", ".join(named))
    return Markup(said)


def skipped_changed(content: Content, language: str, result: BulkResult) -> str:
    """ " Dilewati: 2 karena baru saja diubah di tempat lain atau dihapus (KOC-000005,
    KOC-000009), 0 karena sudah di tahap itu." ("" when neither): the changed ones named,
    the first WAITING_NAMED, then how many more (a staff review s63: staff had to find them)."""
    if not result.changed and not result.already:
        return ""
    named = ", ".join(result.skipped[:WAITING_NAMED])
    if len(result.skipped) > WAITING_NAMED:
        more = len(result.skipped) - WAITING_NAMED
        named += " " + content.text(Text.BULK_NAMED_MORE, language, count=more)
    which = f" ({named})" if named else ""
    return content.text(
        Text.BULK_SKIPPED, language, changed=result.changed, already=result.already, which=which
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
