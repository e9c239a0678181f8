"""The lead pipeline's records: stage and assignee of each lead, history, notes, prompts.

Every submitted lead has a `lead_pipeline` row: database triggers add it when an application
becomes (or is inserted as) submitted, at the first stage named in `pipeline_config`, which
the bot sets from content/stages.yaml at start-up. A stage change is a compare-and-set on
the row's `version`, so of two admins moving one lead at once exactly one wins.
Each change writes its history row, its audit entry and its talent message (if any) in the
same transaction: they exist together or not at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Literal

from bot.store.applications import REGISTERED_FOR, Consent, ConsentNeed, registered_for
from bot.store.audit import Actor, Audit
from bot.store.cancellations import WITHDRAWN_REASON
from bot.store.db import Database, Row, Snapshot, Transaction, utc_now
from bot.store.leads import FILTERS, LeadFilter, closed_per_day, subtract
from bot.store.talent_updates import REACHED

# closed_duplicate: the lead is closed as a duplicate; only Reopen (bot/store/duplicates.py)
# brings it back, never a stage move, whoever sends it.
# withdrawn: the talent cancelled the registration themselves (bot/store/cancellations.py):
# no stage moves it again.
Outcome = Literal[
    "saved", "conflict", "same", "gone", "no_consent", "closed_duplicate", "withdrawn"
]
NOTE_LIMIT = 2000  # characters in one note

_STATE_COLUMNS = """
SELECT a.id, a.reference, a.user_id, a.submitted_at, u.language, u.first_name, u.blocked,
    p.stage, p.version, p.assignee_id, p.stage_changed_at, p.duplicate_closed_at,
    p.talent_withdrawn_at, a.said_under_18_at,
    (SELECT o.reference FROM applications o WHERE o.id = p.duplicate_of) AS closed_of,
    (SELECT s.value FROM answers s WHERE s.application_id = a.id
        AND s.question_key = 'full_name') AS full_name,
    t.kind AS transfer_kind, t.granted AS transfer_granted, t.recipient AS transfer_recipient,
    t.abroad AS transfer_abroad, t.notice_version AS transfer_version,
    t.language AS transfer_language, t.created_at AS transfer_at
FROM applications a
JOIN users u ON u.user_id = a.user_id
JOIN lead_pipeline p ON p.application_id = a.id
LEFT JOIN consents t ON t.id = (SELECT MAX(c.id) FROM consents c
    WHERE c.user_id = a.user_id AND c.kind = 'transfer_korea')
"""
_STATE = _STATE_COLUMNS + " WHERE a.status = 'submitted' AND a.id = ?"
# Every lead a /leads filter matches, for a bulk move (constant strings, values bound).
_MATCHING = "".join((_STATE_COLUMNS, " WHERE a.status = 'submitted'", FILTERS, " ORDER BY a.id"))
_CHOSEN = "".join(
    (
        _STATE_COLUMNS,
        " WHERE a.status = 'submitted' AND a.id IN (SELECT value FROM json_each(?)) ORDER BY a.id",
    )
)
# The leads a bulk move's preview showed, as they stand now, with the version it saw.
_PREVIEWED = "".join(
    (
        "SELECT s.*, b.version AS seen FROM pipeline_batch_leads b JOIN (",
        _STATE_COLUMNS,
        " WHERE a.status = 'submitted') s ON s.id = b.application_id",
        " WHERE b.batch_id = ? ORDER BY s.id",
    )
)


# lead_history.notified for a stage change: what became of the talent's message. Rows from
# before session 50 hold 0 or 1 only (0: either of WITHHELD and NO_MESSAGE, not told apart).
NOT_TOLD = 0
TOLD = 1  # its message was queued for the talent
WITHHELD = 2  # the stage has a message, and staff chose Tanpa kabar / Don't notify
NO_MESSAGE = 3  # nothing to send: the stage has no message, or the talent already got it
MESSAGE_WORDS = {TOLD: "sent", WITHHELD: "withheld", NO_MESSAGE: "none"}  # the audit's


@dataclass(frozen=True, slots=True)
class LeadState:
    """Where one submitted lead stands in the pipeline, and how to address its talent."""

    application_id: int
    reference: str
    user_id: int
    submitted_at: str
    language: str  # the talent's chat language now
    first_name: str  # their Telegram first name
    full_name: str | None  # the name they gave in the form
    blocked: bool
    stage: str
    version: int
    assignee_id: int | None
    stage_changed_at: str
    transfer: Consent | None  # their latest choice on forwarding (transfer_korea), if any
    closed_duplicate: bool = False  # closed as a duplicate of another lead (records.py)
    closed_of: str | None = None  # the reference of that lead (None: erased since, or none)
    withdrawn_at: str | None = None  # when the talent cancelled it (None: they did not)
    # The account said in an earlier form it was under 18, then confirmed an adult age in
    # this one: when it said so (None: it did not).
    said_under_18_at: str | None = None

    def lacks(self, consent: ConsentNeed | None) -> bool:
        """Whether a consent a stage needs (content's `consent:`, for this deployment's
        recipient) is missing now."""
        if consent is None:
            return False
        return self.transfer is None or not self.transfer.covers(consent)


@dataclass(frozen=True, slots=True)
class HistoryItem:
    """One stage change or assignment."""

    kind: str  # "stage" or "assign"
    from_value: str | None
    to_value: str | None
    actor: Actor
    notified: bool
    created_at: str
    # How the talent's message of this change went: pending, sending, sent, failed… (None:
    # no message, or its record is gone).
    delivery: str | None = None
    # Not told, and why (recorded since session 50; both False on older rows): staff chose
    # Tanpa kabar for a stage with a message, or there was nothing to send.
    withheld: bool = False
    no_message: bool = False


@dataclass(frozen=True, slots=True)
class Note:
    """An internal note about a lead: never shown to the talent."""

    id: int
    author: Actor
    text: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Message:
    """A talent message to queue with a stage change, in the talent's language."""

    language: str
    text: str


@dataclass(frozen=True, slots=True)
class Move:
    """What became of a stage change."""

    outcome: Outcome
    state: LeadState | None  # the lead as it stands afterwards (None: gone)
    update_id: int | None = None  # the talent message queued, if any
    batch_id: int | None = None


class Unseen(Enum):
    """An assignment made without a page that showed who handled the lead (the CLI, a test)."""

    UNSEEN = "unseen"


UNSEEN = Unseen.UNSEEN


@dataclass(frozen=True, slots=True)
class Assignment:
    """A lead after an assignment: whether it changed anything (and so was recorded), or
    was refused because someone else took the lead since the page was shown."""

    state: LeadState
    changed: bool
    refused: bool = False


@dataclass(frozen=True, slots=True)
class Preview:
    """The leads a bulk move's preview showed (see Pipeline.previewed)."""

    leads: list[LeadState]  # still there, each with the version the preview saw
    count: int  # how many the preview showed (erased ones included)
    made_at: str | None  # when; None: never previewed


@dataclass(frozen=True, slots=True)
class Prompt:
    """An admin pressed Note: their next text in that chat is the note."""

    admin_id: int
    chat_id: int
    message_id: int | None
    application_id: int
    created_at: str
    purpose: str = "note"  # or what else the text is for (bot/store/records.py: an answer…)
    argument: str | None = None
    expected: str | None = None


@dataclass(frozen=True, slots=True)
class Registration:
    """One of a talent's submitted applications, as /status shows it."""

    reference: str
    submitted_at: str
    stage: str
    updated_at: str | None = None  # the talent's latest update to it ("Perbarui"), if any
    registered_for: str | None = None  # its stage or band name, else full name
    withdrawn_at: str | None = None  # when the talent cancelled it themselves, if they did
    application_id: int = 0  # its id (the talent's "Batalkan" button carries it)
    # Why it was cancelled, when not the talent's own wish (cancellations.UNDER_18).
    withdrawn_reason: str | None = None


# A talent's submitted applications, for /status (`PipelineStore.registrations`).
_REGISTRATIONS = (
    "SELECT a.id, a.reference, a.submitted_at, p.stage,"  # noqa: S608 - constants
    " (SELECT MAX(c.created_at) FROM lead_changes c WHERE c.application_id = a.id"
    f" AND c.kind = 'talent_update') AS updated_at, {REGISTERED_FOR}, p.talent_withdrawn_at,"
    f" {WITHDRAWN_REASON}"
    " FROM applications a"
    " JOIN lead_pipeline p ON p.application_id = a.id"
    " WHERE a.user_id = ? AND a.status = 'submitted'"
)


def state_from_row(row: Row) -> LeadState:
    """Build from a _STATE row."""
    full_name = json.loads(row["full_name"]) if row["full_name"] else None
    transfer = None
    if row["transfer_kind"] is not None:
        transfer = Consent(
            kind=row["transfer_kind"],
            granted=bool(row["transfer_granted"]),
            notice_version=row["transfer_version"],
            language=row["transfer_language"],
            created_at=row["transfer_at"],
            application_id=None,
            recipient=row["transfer_recipient"],
            abroad=bool(row["transfer_abroad"]),
        )
    return LeadState(
        application_id=row["id"],
        reference=row["reference"],
        user_id=row["user_id"],
        submitted_at=row["submitted_at"],
        language=row["language"],
        first_name=row["first_name"] or "",
        full_name=None if full_name is None else str(full_name),
        blocked=bool(row["blocked"]),
        stage=row["stage"],
        version=row["version"],
        assignee_id=row["assignee_id"],
        stage_changed_at=row["stage_changed_at"],
        transfer=transfer,
        closed_duplicate=row["duplicate_closed_at"] is not None,
        closed_of=row["closed_of"],
        withdrawn_at=row["talent_withdrawn_at"],
        said_under_18_at=row["said_under_18_at"],
    )


class Pipeline:
    """lead_pipeline, lead_history, lead_notes, staff_prompts and pipeline_batches."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def configure(self, first_stage: str) -> None:
        """The stage new leads enter at (the first of content/stages.yaml)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE pipeline_config SET first_stage = ? WHERE id = 1", (first_stage,)
            )

    async def stages_in_use(self) -> dict[str, int]:
        """How many leads each stored stage holds."""
        rows = await self._db.fetch_all(
            "SELECT p.stage, COUNT(*) AS n FROM lead_pipeline p"
            " JOIN applications a ON a.id = p.application_id AND a.status = 'submitted'"
            " GROUP BY p.stage"
        )
        return {row["stage"]: int(row["n"]) for row in rows}

    # ----- reading one lead ----------------------------------------------------------------

    async def state(self, application_id: int) -> LeadState | None:
        """Where a submitted lead stands; None if there is no such lead (or it was erased)."""
        row = await self._db.fetch_one(_STATE, (application_id,))
        return None if row is None else state_from_row(row)

    async def matching(self, where: LeadFilter) -> list[LeadState]:
        """Every submitted lead the filter matches, oldest first."""
        rows = await self._db.fetch_all(_MATCHING, where.filter_params)
        return [state_from_row(row) for row in rows]

    async def chosen(self, application_ids: list[int]) -> list[LeadState]:
        """These submitted leads (the workspace's selection), oldest first; erased ones absent."""
        rows = await self._db.fetch_all(_CHOSEN, (json.dumps(application_ids),))
        return [state_from_row(row) for row in rows]

    async def history(self, application_id: int, limit: int) -> tuple[list[HistoryItem], int]:
        """The newest stage changes and assignments (newest first), and how many there are."""
        rows = await self._db.fetch_all(
            "SELECT h.*, (SELECT COUNT(*) FROM lead_history WHERE application_id = ?) AS total,"
            " (SELECT t.status FROM talent_updates t WHERE t.batch_id = h.batch_id"
            "  AND t.application_id = h.application_id ORDER BY t.id DESC LIMIT 1) AS delivery"
            " FROM lead_history h WHERE h.application_id = ? ORDER BY h.id DESC LIMIT ?",
            (application_id, application_id, limit),
        )
        items = [
            HistoryItem(
                kind=row["kind"],
                from_value=row["from_value"],
                to_value=row["to_value"],
                actor=Actor(row["via"], row["actor_id"]),
                notified=row["notified"] == TOLD,
                created_at=row["created_at"],
                delivery=row["delivery"],
                withheld=row["notified"] == WITHHELD,
                no_message=row["notified"] == NO_MESSAGE,
            )
            for row in rows
        ]
        return items, int(rows[0]["total"]) if rows else 0

    async def told(self, application_ids: list[int]) -> dict[int, dict[str, str]]:
        """For each lead, the stages whose message its talent got (or may have got: queued,
        sent, uncertain), with the latest time: {application: {stage: created_at}}. A message
        dropped (superseded) or undelivered (failed, blocked) does not count."""
        rows = await self._db.fetch_all(
            "SELECT h.application_id, h.to_value AS stage, MAX(h.created_at) AS at"
            " FROM lead_history h WHERE h.kind = 'stage' AND h.notified = 1"
            " AND h.application_id IN (SELECT value FROM json_each(?))"
            " AND NOT EXISTS (SELECT 1 FROM talent_updates t WHERE t.batch_id = h.batch_id"
            "  AND t.application_id = h.application_id"
            "  AND t.status IN ('superseded', 'failed', 'blocked'))"
            " GROUP BY h.application_id, h.to_value",
            (json.dumps(application_ids),),
        )
        told: dict[int, dict[str, str]] = {}
        for row in rows:
            told.setdefault(int(row["application_id"]), {})[row["stage"]] = row["at"]
        return told

    async def notes(self, application_id: int, limit: int) -> tuple[list[Note], int]:
        """The newest notes (newest first), and how many there are."""
        rows = await self._db.fetch_all(
            "SELECT *, (SELECT COUNT(*) FROM lead_notes WHERE application_id = ?) AS total"
            " FROM lead_notes WHERE application_id = ? ORDER BY id DESC LIMIT ?",
            (application_id, application_id, limit),
        )
        notes = [
            Note(row["id"], Actor(row["via"], row["author_id"]), row["text"], row["created_at"])
            for row in rows
        ]
        return notes, int(rows[0]["total"]) if rows else 0

    async def update_counts(self, application_id: int) -> dict[str, int]:
        """The lead's talent messages by status."""
        rows = await self._db.fetch_all(
            "SELECT status, COUNT(*) AS n FROM talent_updates WHERE application_id = ?"
            " GROUP BY status",
            (application_id,),
        )
        return {row["status"]: int(row["n"]) for row in rows}

    # ----- changing a lead -----------------------------------------------------------------

    async def move(
        self,
        application_id: int,
        expected_version: int | None,
        to_stage: str,
        actor: Actor,
        message: Message | None,
        report_chat_id: int | None,
        consent: ConsentNeed | None = None,
        withheld: bool = False,
    ) -> Move:
        """Move a lead if it is still at `expected_version` (None: whatever it is now), and
        not closed as a duplicate (refused and recorded: Reopen is the one way back).
        `withheld`: the stage has a message and staff chose not to send it (recorded so).

        `consent` is one the stage needs (content's `consent:`): checked here, in the
        transaction that saves, so a consent withdrawn a moment ago still counts.
        """
        async with self._db.transaction() as tx:
            state = await _state_in(tx, application_id)
            if state is None:  # erased: its reference must not come back into the log
                await Audit.add_in(tx, actor, "stage_change_refused", None, reason="gone")
                return Move("gone", None)
            reference = state.reference
            refusal: tuple[str, Outcome] | None = None
            # Closed as a duplicate first: an older page's button is refused for that, the
            # reason staff can act on, rather than "changed elsewhere" (a desk review).
            if state.closed_duplicate:  # Reopen first: a stage never reopens it in passing
                refusal = ("closed_duplicate", "closed_duplicate")
            elif state.withdrawn_at is not None:  # cancelled by the talent: not to be worked
                refusal = ("withdrawn_by_talent", "withdrawn")
            elif expected_version is not None and state.version != expected_version:
                refusal = ("changed_meanwhile", "conflict")
            if refusal is not None:
                reason, outcome = refusal
                await Audit.add_in(
                    tx,
                    actor,
                    "stage_change_refused",
                    reference,
                    reason=reason,
                    wanted=to_stage,
                    current=state.stage,
                )
                return Move(outcome, state)
            if state.stage == to_stage:
                return Move("same", state)
            if state.lacks(consent):
                await _refuse_without_consent(tx, actor, state, to_stage, consent)
                return Move("no_consent", state)
            batch_id = None
            if message is not None:
                batch_id = await _new_batch(tx, actor, report_chat_id, to_stage, None, 1)
            update_id = await _apply(tx, state, to_stage, actor, message, batch_id, withheld)
        return Move("saved", await self.state(application_id), update_id, batch_id)

    async def move_many(
        self,
        batch_id: int,
        moves: list[tuple[int, int, Message | None]],
        to_stage: str,
        actor: Actor,
        consent: ConsentNeed | None = None,
        withheld: bool = False,
    ) -> BulkPart:
        """Part of a bulk move: (application, version seen, message) each, one transaction
        (`withheld`: the stage has a message and staff chose Move without updates).

        A lead changed since it was counted, already at the stage, closed as a duplicate
        (a bulk move never reopens one), cancelled by its talent, or lacking the consent the
        stage needs (refusal recorded) is left as it is.
        """
        done = BulkPart()
        async with self._db.transaction() as tx:
            for application_id, version, message in moves:
                state = await _state_in(tx, application_id)
                if state is None:
                    done.changed += 1
                elif state.closed_duplicate:  # also one closed since the preview: say so
                    done.duplicates += 1
                    done.closed.append((state.reference, state.closed_of))
                elif state.withdrawn_at is not None:  # cancelled by the talent (since too): said
                    done.withdrawn.append(state.reference)
                elif state.version != version:  # named in the report, recorded as refused
                    done.changed += 1
                    done.skipped.append(state.reference)
                    await Audit.add_in(
                        tx,
                        actor,
                        "stage_change_refused",
                        state.reference,
                        reason="changed_meanwhile",
                        wanted=to_stage,
                        current=state.stage,
                        batch=batch_id,
                    )
                elif state.stage == to_stage:
                    done.already += 1
                elif state.lacks(consent):
                    await _refuse_without_consent(
                        tx, actor, state, to_stage, consent, batch=batch_id
                    )
                    done.no_consent += 1
                else:
                    await _apply(tx, state, to_stage, actor, message, batch_id, withheld)
                    done.moved += 1
                    done.queued += message is not None
            await tx.execute(
                "UPDATE pipeline_batches SET total = total + ? WHERE id = ?",
                (done.queued, batch_id),
            )
        return done

    async def refuse(
        self, application_id: int, actor: Actor, reason: str, **detail: Any
    ) -> LeadState | None:
        """Record a refused stage change; the lead's reference only if it still exists."""
        async with self._db.transaction() as tx:
            state = await _state_in(tx, application_id)
            reference = None if state is None else state.reference  # erased: stays out
            await Audit.add_in(
                tx, actor, "stage_change_refused", reference, reason=reason, **detail
            )
        return state

    async def add_note(self, application_id: int, actor: Actor, text: str) -> Note | None:
        """Keep a note with its author and time; None if the lead is gone."""
        now = utc_now()
        async with self._db.transaction() as tx:
            state = await _state_in(tx, application_id)
            if state is None:
                return None
            note_id = await tx.execute(
                "INSERT INTO lead_notes (application_id, author_id, via, text, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (application_id, actor.user_id, actor.via, text, now),
            )
            await Audit.add_in(
                tx, actor, "note_added", state.reference, note=note_id, length=len(text)
            )
        return Note(note_id, actor, text, now)

    async def assign(
        self,
        application_id: int,
        actor: Actor,
        assignee_id: int | None,
        seen: int | Unseen | None = UNSEEN,
    ) -> Assignment | None:
        """Give the lead to an admin (None: to nobody); None if the lead is gone.

        `seen`: who handled the lead on the page pressed (None: nobody). As a stage move is
        checked against its version, an assignment is refused (and recorded) when someone
        else, neither `seen` nor `assignee_id`, handles the lead now: a colleague took it
        meanwhile, so a stale Unassign does not take it off them, nor a stale Assign to me
        from them without a word (a staff review s63). Nobody handling it now never refuses.
        """
        async with self._db.transaction() as tx:
            state = await _state_in(tx, application_id)
            if state is None:
                return None
            now = state.assignee_id
            if seen is not UNSEEN and now is not None and now not in (seen, assignee_id):
                await Audit.add_in(
                    tx,
                    actor,
                    "assign_refused",
                    state.reference,
                    reason="changed_meanwhile",
                    wanted=assignee_id,
                    seen=seen,
                    current=now,
                )
                return Assignment(state, changed=False, refused=True)
            changed = now != assignee_id
            if changed:
                await tx.execute(
                    "UPDATE lead_pipeline SET assignee_id = ? WHERE application_id = ?",
                    (assignee_id, application_id),
                )
                before = None if now is None else str(now)
                after = None if assignee_id is None else str(assignee_id)
                await _history(tx, application_id, "assign", before, after, actor, NOT_TOLD, None)
                await Audit.add_in(
                    tx, actor, "assigned", state.reference, before=now, after=assignee_id
                )
        after_state = await self.state(application_id)
        return None if after_state is None else Assignment(after_state, changed)

    # ----- bulk moves ------------------------------------------------------------------------

    async def start_bulk(self, actor: Actor, report_chat_id: int | None, filter_words: str) -> int:
        """A bulk move being prepared (its filter stored, so buttons carry only its id)."""
        async with self._db.transaction() as tx:
            return await _new_batch(tx, actor, report_chat_id, None, filter_words, 0, "composing")

    async def bulk(self, batch_id: int) -> tuple[str, int | None, str | None, str] | None:
        """A bulk move's filter, author, chosen stage and status."""
        row = await self._db.fetch_one(
            "SELECT filter, created_by, to_stage, status FROM pipeline_batches WHERE id = ?",
            (batch_id,),
        )
        if row is None or row["filter"] is None:
            return None
        return row["filter"], row["created_by"], row["to_stage"], row["status"]

    async def choose_bulk_stage(self, batch_id: int, to_stage: str, leads: list[LeadState]) -> bool:
        """The stage a bulk move goes to, and the leads its preview shows, each with its
        version now (replacing an earlier preview); False once it is no longer prepared."""
        async with self._db.transaction() as tx:
            changed = await tx.execute_rowcount(
                "UPDATE pipeline_batches SET to_stage = ?, previewed_at = ?, preview_count = ?"
                " WHERE id = ? AND status = 'composing'",
                (to_stage, utc_now(), len(leads), batch_id),
            )
            if changed:
                await _forget_preview(tx, batch_id)
                await tx.execute_many(
                    "INSERT INTO pipeline_batch_leads (batch_id, application_id, version)"
                    " VALUES (?, ?, ?)",
                    [(batch_id, lead.application_id, lead.version) for lead in leads],
                )
        return changed == 1

    async def previewed(self, batch_id: int) -> Preview:
        """The leads a bulk move's preview showed, as they stand now but with the version the
        preview saw (a lead changed since no longer matches it); those erased since are
        missing from `leads` and counted in `count`."""
        batch = await self._db.fetch_one(
            "SELECT previewed_at, preview_count FROM pipeline_batches WHERE id = ?", (batch_id,)
        )
        if batch is None or batch["previewed_at"] is None:
            return Preview([], 0, None)
        rows = await self._db.fetch_all(_PREVIEWED, (batch_id,))
        leads = [replace(state_from_row(row), version=row["seen"]) for row in rows]
        return Preview(leads, int(batch["preview_count"] or 0), batch["previewed_at"])

    async def confirm_bulk(
        self, batch_id: int, to_stage: str, actor: Actor, **detail: Any
    ) -> int | None:
        """Start the bulk move (once): its number for staff (1, 2, …), None if it was started
        or cancelled already."""
        async with self._db.transaction() as tx:
            changed = await tx.execute_rowcount(
                "UPDATE pipeline_batches SET status = 'moving', confirmed_at = ?, number ="
                " (SELECT COALESCE(MAX(number), 0) + 1 FROM pipeline_batches)"
                " WHERE id = ? AND status = 'composing' AND to_stage = ?",
                (utc_now(), batch_id, to_stage),
            )
            if not changed:
                return None
            row = await tx.fetch_one(
                "SELECT number FROM pipeline_batches WHERE id = ?", (batch_id,)
            )
            assert row is not None  # just updated, in this transaction
            number = int(row["number"])
            await Audit.add_in(
                tx, actor, "bulk_move", None, batch=batch_id, number=number, **detail
            )
        return number

    async def finish_bulk(self, batch_id: int) -> None:
        """Every lead of the bulk move is dealt with: its messages may now be reported."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE pipeline_batches SET status = 'confirmed'"
                " WHERE id = ? AND status = 'moving'",
                (batch_id,),
            )
            await _forget_preview(tx, batch_id)

    async def cancel_bulk(self, batch_id: int, admin_id: int) -> bool:
        """Drop a bulk move still being prepared (only the admin who started it may)."""
        async with self._db.transaction() as tx:
            changed = await tx.execute_rowcount(
                "UPDATE pipeline_batches SET status = 'cancelled' WHERE id = ?"
                " AND status = 'composing' AND created_by = ?",
                (batch_id, admin_id),
            )
            await _forget_preview(tx, batch_id)
        return changed == 1

    # ----- notes typed after pressing Note ------------------------------------------------

    async def set_prompt(
        self, admin_id: int, chat_id: int, message_id: int | None, application_id: int
    ) -> None:
        """Wait for this admin's note in this chat (replacing an earlier wait)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO staff_prompts (admin_id, chat_id, message_id, application_id,"
                " created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(admin_id) DO UPDATE SET"
                " chat_id = excluded.chat_id, message_id = excluded.message_id,"
                " application_id = excluded.application_id, created_at = excluded.created_at,"
                " purpose = 'note', argument = NULL, expected = NULL",
                (admin_id, chat_id, message_id, application_id, utc_now()),
            )

    def prompt_for(self, admin_id: int) -> Prompt | None:
        """The note this admin was asked for, if any (an indexed read on the loop)."""
        rows = self._db.lookup("SELECT * FROM staff_prompts WHERE admin_id = ?", (admin_id,))
        if not rows:
            return None
        row = rows[0]
        return Prompt(
            row["admin_id"],
            row["chat_id"],
            row["message_id"],
            row["application_id"],
            row["created_at"],
            row["purpose"],
            row["argument"],
            row["expected"],
        )

    async def clear_prompt(self, admin_id: int) -> None:
        """No note awaited any more."""
        async with self._db.transaction() as tx:
            await tx.execute("DELETE FROM staff_prompts WHERE admin_id = ?", (admin_id,))

    # ----- what talents see ------------------------------------------------------------------

    async def registrations(self, user_id: int) -> list[Registration]:
        """A talent's submitted applications, newest first, with their stage and when the
        talent last updated each (staff corrections are not theirs). The few rows an index
        finds at once, read on the loop thread (`lookup`): asked on many free answers, where
        a read through aiosqlite's thread cost more than the whole query."""
        # No ORDER BY: SQLite would then walk every submitted lead by submission time instead
        # of this talent's few through applications_user (measured: 1.4 s at 50,000 leads).
        rows = self._db.lookup(_REGISTRATIONS, (user_id,))
        newest = sorted(rows, key=lambda row: (row["submitted_at"], row["id"]), reverse=True)
        return [
            Registration(
                row["reference"],
                row["submitted_at"],
                row["stage"],
                row["updated_at"],
                registered_for(row),
                row["talent_withdrawn_at"],
                int(row["id"]),
                row["withdrawn_reason"],
            )
            for row in newest
        ]

    def has_submitted(self, user_id: int) -> bool:
        """Whether the talent has a submitted application (an indexed read, on the loop)."""
        return bool(
            self._db.lookup(
                "SELECT 1 FROM applications WHERE user_id = ? AND status = 'submitted' LIMIT 1",
                (user_id,),
            )
        )

    # ----- statistics ------------------------------------------------------------------------

    async def statistics(self, contacted: list[str], since: str) -> PipelineNumbers:
        """Leads per (stage, sector), days to first contact, leads per WIB day since a moment.

        On a read connection and thread of its own (a snapshot): at 50,000 leads these take
        about a second, which must not hold up the reads of talents' replies.
        """
        numbers = PipelineNumbers()
        async with self._db.snapshot() as view:
            async with view.stream(_BY_STAGE_AND_SECTOR) as rows:
                async for row in rows:
                    sector = None if row["sector"] is None else json.loads(row["sector"])
                    numbers.per_stage_sector[(row["stage"], sector)] = int(row["n"])
            await self.closed_duplicates_apart(view, numbers)
            await self.contact_and_days(view, contacted, since, numbers)
        return numbers

    async def closed_duplicates_apart(self, view: Snapshot, numbers: PipelineNumbers) -> None:
        """Take the leads closed as a duplicate out of their stage's counts and count them
        apart (a review: a closed duplicate read as one new lead waiting in Baru)."""
        for row in await view.fetch_all(_CLOSED_DUPLICATES):
            key = (row["stage"], row["sector"])
            left = numbers.per_stage_sector.get(key, 0) - int(row["n"])
            if left > 0:
                numbers.per_stage_sector[key] = left
            else:
                numbers.per_stage_sector.pop(key, None)
            numbers.duplicates += int(row["n"])

    async def contact_and_days(
        self, view: Snapshot, contacted: list[str], since: str, numbers: PipelineNumbers
    ) -> None:
        """Days to first contact and leads per WIB day since a moment, read where the caller
        says, into `numbers`."""
        row = await view.fetch_one(_FIRST_CONTACT, (json.dumps(contacted),))
        assert row is not None  # aggregates: one row
        numbers.contacted = int(row["contacted"])
        numbers.median_days_to_contact = None if row["median"] is None else float(row["median"])
        async with view.stream(_PER_WIB_DAY, (since,)) as rows:
            async for row in rows:
                numbers.per_day[str(row["day"])] = int(row["n"])
        # A lead closed as a duplicate is in no day's count either, as in no stage.
        subtract(numbers.per_day, await closed_per_day(view, since))


@dataclass(slots=True)
class BulkPart:
    """What one transaction of a bulk move did."""

    moved: int = 0
    queued: int = 0  # talent messages
    changed: int = 0  # changed by someone else, or erased, since they were counted
    already: int = 0  # already at the stage
    no_consent: int = 0  # lacking the consent the stage needs: left where they are
    duplicates: int = 0  # closed as a duplicate: a bulk move does not reopen them
    withdrawn: list[str] = field(default_factory=list)  # cancelled by their talent: references
    skipped: list[str] = field(default_factory=list)  # of `changed`, those not erased: references
    # Those, each as (its reference, the reference of the lead it duplicates; None: erased).
    closed: list[tuple[str, str | None]] = field(default_factory=list)


@dataclass(slots=True)
class PipelineNumbers:
    """What the pipeline part of /stats is computed from."""

    per_stage_sector: dict[tuple[str, str | None], int] = field(default_factory=dict)
    contacted: int = 0  # leads ever moved to a stage that counts as contact
    median_days_to_contact: float | None = None
    per_day: dict[str, int] = field(default_factory=dict)  # WIB date (YYYY-MM-DD) -> leads
    duplicates: int = 0  # closed as a duplicate: counted here, in no stage


# Sectors from the partial index answers_stats (its WHERE repeated so SQLite may use it),
# then the leads without a sector answer: 0.33 s instead of 1.16 s at 50,000 leads.
_BY_STAGE_AND_SECTOR = """
SELECT stage, sector, SUM(n) AS n FROM (
    SELECT p.stage, s.value AS sector, COUNT(*) AS n
    FROM answers s JOIN lead_pipeline p ON p.application_id = s.application_id
    WHERE s.question_key IN ('sector', 'music_role', 'film_role', 'province')
        AND s.question_key = 'sector'
        AND s.application_id IN (SELECT id FROM applications WHERE status = 'submitted')
    GROUP BY p.stage, s.value
    UNION ALL
    SELECT p.stage, NULL, COUNT(*) FROM lead_pipeline p
    WHERE p.application_id IN (SELECT id FROM applications WHERE status = 'submitted')
        AND NOT EXISTS (SELECT 1 FROM answers s
            WHERE s.application_id = p.application_id AND s.question_key = 'sector')
    GROUP BY p.stage)
GROUP BY stage, sector
"""
# Submitted leads closed as a duplicate per (stage, sector): from the partial index
# lead_pipeline_closed (a few rows; CROSS JOIN keeps it the outer loop, where SQLite chose to
# walk all of lead_search: 39 ms at 50,000 leads, now about 1), each looked up in lead_search
# (submitted leads only; its sector is the answer's value, as json.loads gives it above).
_CLOSED_DUPLICATES = """
SELECT x.stage, x.sector, COUNT(*) AS n
FROM lead_pipeline p CROSS JOIN lead_search x ON x.application_id = p.application_id
WHERE p.duplicate_closed_at IS NOT NULL
GROUP BY x.stage, x.sector
"""
# The first move of each lead to a stage that counts as contact, in days after submission
# (never below 0): how many, and their median (the middle one, or the mean of the middle two,
# as statistics.median). Worked out in SQLite: 15,000 contacted leads are one row to the
# event loop instead of 15,000. A lead closed as a duplicate is not counted (in no stage, as
# everywhere else): its talent's contact is the kept lead's, counted once, there. A move whose
# stage message did not reach the talent is no contact (REACHED).
_FIRST_CONTACT = (
    "\nWITH days AS MATERIALIZED ("  # noqa: S608 - constants only
    + """
    SELECT MAX(0.0, julianday(MIN(h.created_at)) - julianday(a.submitted_at)) AS days
    FROM lead_history h JOIN applications a ON a.id = h.application_id
    WHERE h.kind = 'stage' AND h.to_value IN (SELECT value FROM json_each(?))
        AND a.status = 'submitted'"""
    + REACHED
    + """
        AND NOT EXISTS (SELECT 1 FROM lead_pipeline p WHERE p.application_id = a.id
            AND p.duplicate_closed_at IS NOT NULL)
    GROUP BY h.application_id
), known AS MATERIALIZED (SELECT days FROM days WHERE days IS NOT NULL),
counted AS MATERIALIZED (SELECT COUNT(*) AS n FROM known)
SELECT (SELECT n FROM counted) AS contacted,
    (SELECT AVG(days) FROM (SELECT days FROM known ORDER BY days
        LIMIT 2 - (SELECT n FROM counted) % 2
        OFFSET ((SELECT n FROM counted) - 1) / 2)) AS median
"""
)
# WIB is UTC+7 all year.
_PER_WIB_DAY = """
SELECT date(submitted_at, '+7 hours') AS day, COUNT(*) AS n FROM applications
WHERE status = 'submitted' AND submitted_at >= ? GROUP BY day
"""


async def _state_in(tx: Transaction, application_id: int) -> LeadState | None:
    row = await tx.fetch_one(_STATE, (application_id,))
    return None if row is None else state_from_row(row)


async def _apply(
    tx: Transaction,
    state: LeadState,
    to_stage: str,
    actor: Actor,
    message: Message | None,
    batch_id: int | None,
    withheld: bool = False,
) -> int | None:
    """The stage change itself: row, history, older unsent messages, new message, audit;
    the history and the audit say whether the talent was told, and if not, why."""
    now = utc_now()
    await tx.execute(
        # Never a lead closed as a duplicate (move and move_many refuse it): Reopen only.
        "UPDATE lead_pipeline SET stage = ?, version = version + 1, stage_changed_at = ?"
        " WHERE application_id = ?",
        (to_stage, now, state.application_id),
    )
    notified = message is not None
    told = TOLD if notified else WITHHELD if withheld else NO_MESSAGE
    await _history(tx, state.application_id, "stage", state.stage, to_stage, actor, told, batch_id)
    # At most one message per lead in flight: one not sent yet says a stage that is over,
    # and one that failed must not be sent again ("Send again") once the lead moved on.
    superseded = await tx.execute_rowcount(
        "UPDATE talent_updates SET status = 'superseded' WHERE application_id = ?"
        " AND status IN ('pending', 'uncertain', 'failed')",
        (state.application_id,),
    )
    update_id = None
    if message is not None:
        update_id = await tx.execute(
            # The next id after every id ever used (id_high_water): "Send again" buttons
            # carry it, and erasing the newest update must not free it for someone else.
            "INSERT INTO talent_updates (id, batch_id, application_id, user_id, stage, language,"
            " text, created_at) VALUES"
            " ((SELECT last + 1 FROM id_high_water WHERE name = 'talent_updates'),"
            " ?, ?, ?, ?, ?, ?, ?)",
            (
                batch_id,
                state.application_id,
                state.user_id,
                to_stage,
                message.language,
                message.text,
                now,
            ),
        )
    await Audit.add_in(
        tx,
        actor,
        "stage_changed",
        state.reference,
        before=state.stage,
        after=to_stage,
        notified=notified,
        message=MESSAGE_WORDS[told],  # sent, withheld (Tanpa kabar) or none (nothing to send)
        batch=batch_id,
        superseded=superseded,
    )
    return update_id


async def _refuse_without_consent(
    tx: Transaction,
    actor: Actor,
    state: LeadState,
    to_stage: str,
    consent: ConsentNeed | None,
    **detail: Any,
) -> None:
    forwarding_off = consent is not None and consent.nobody_can_give
    await Audit.add_in(
        tx,
        actor,
        "stage_change_refused",
        state.reference,
        reason="forwarding_off" if forwarding_off else "no_consent",
        consent=None if consent is None else consent.kind,
        recipient=None if consent is None else consent.recipient,
        wanted=to_stage,
        current=state.stage,
        **detail,
    )


async def _history(
    tx: Transaction,
    application_id: int,
    kind: str,
    before: str | None,
    after: str | None,
    actor: Actor,
    told: int,  # NOT_TOLD, TOLD, WITHHELD or NO_MESSAGE
    batch_id: int | None,
) -> None:
    await tx.execute(
        "INSERT INTO lead_history (application_id, kind, from_value, to_value, actor_id, via,"
        " notified, batch_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            application_id,
            kind,
            before,
            after,
            actor.user_id,
            actor.via,
            told,
            batch_id,
            utc_now(),
        ),
    )


async def _forget_preview(tx: Transaction, batch_id: int) -> None:
    """The leads a bulk move's preview showed are needed only until it is confirmed."""
    await tx.execute("DELETE FROM pipeline_batch_leads WHERE batch_id = ?", (batch_id,))


async def _new_batch(
    tx: Transaction,
    actor: Actor,
    report_chat_id: int | None,
    to_stage: str | None,
    filter_words: str | None,
    total: int,
    status: str = "confirmed",
) -> int:
    now = utc_now()
    return await tx.execute(
        # Never an id used before (id_high_water): bulk move buttons carry it.
        "INSERT INTO pipeline_batches (id, status, created_by, report_chat_id, filter, to_stage,"
        " total, created_at, confirmed_at) VALUES"
        " ((SELECT last + 1 FROM id_high_water WHERE name = 'pipeline_batches'),"
        " ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            status,
            actor.user_id,
            report_chat_id,
            filter_words,
            to_stage,
            total,
            now,
            now if status == "confirmed" else None,
        ),
    )
