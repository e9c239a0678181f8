"""Keeping each talent one clean record: registration updates, answer corrections,
duplicates, notes edited or deleted, and what a lead number stands for.

Answer changes (by the talent or by staff) are kept in `lead_changes` with the value before
and after: they go with the lead when it is erased. The audit log, which outlives an
erasure, records that an answer changed and which question, never the values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.store.applications import REGISTERED_FOR, Draft, registered_for
from bot.store.audit import Actor, Audit
from bot.store.db import Database, Row, Transaction, utc_now

TALENT = "talent"  # lead_changes.via of a talent's own update
# Stored answers as their JSON text (None: the question was skipped); an absent key: no answer.
Stored = dict[str, str | None]
UpdateOutcome = Literal["saved", "unchanged", "gone", "stale"]
EditOutcome = Literal["saved", "same", "conflict", "gone"]


@dataclass(frozen=True, slots=True)
class AnswerChange:
    """One answer before and after (None: skipped; absent: no answer)."""

    key: str
    before: Any
    after: Any
    had_before: bool = True
    has_after: bool = True

    def as_dict(self) -> dict[str, Any]:
        """As kept in lead_changes.detail."""
        return {
            "key": self.key,
            "before": self.before,
            "after": self.after,
            "had_before": self.had_before,
            "has_after": self.has_after,
        }

    @classmethod
    def of(cls, item: dict[str, Any]) -> AnswerChange:
        """Back from lead_changes.detail."""
        return cls(
            str(item["key"]),
            item.get("before"),
            item.get("after"),
            bool(item.get("had_before", True)),
            bool(item.get("has_after", True)),
        )


@dataclass(frozen=True, slots=True)
class UpdateResult:
    """What became of a talent's update of their registration."""

    outcome: UpdateOutcome
    application_id: int | None = None
    reference: str | None = None
    assignee_id: int | None = None
    changes: list[AnswerChange] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TalentLead:
    """One of a talent's submitted registrations, as /daftar offers it for updating."""

    application_id: int
    reference: str
    submitted_at: str
    sector: Any
    registered_for: str | None = None  # its stage or band name, else full name


@dataclass(frozen=True, slots=True)
class EditResult:
    """What became of a staff correction of one answer."""

    outcome: EditOutcome
    reference: str | None = None
    current: Any = None  # the answer as it stands afterwards (JSON value)
    has_current: bool = False


@dataclass(frozen=True, slots=True)
class LeadChange:
    """One entry of lead_changes, for a lead's history."""

    id: int
    application_id: int
    kind: str
    actor: Actor
    via: str
    other_id: int | None
    other_reference: str | None
    changes: list[AnswerChange]
    created_at: str
    # A talent's cancel: why, when it was not their own wish (cancellations.UNDER_18)
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class NumberInfo:
    """What a lead number stands for, when it is not a submitted lead now."""

    given: bool  # the number was given to a submitted lead (now gone: erased or withdrawn)
    draft: bool  # an unfinished form holds this number (from before references were given
    # at submission)
    legacy: bool  # from before: unfinished forms used numbers too, so "given" is not known


class Records:
    """lead_changes, duplicates on lead_pipeline, note edits, and the talent's update draft."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # ----- the talent updates their registration ---------------------------------------------

    async def open_update(
        self, user_id: int, lead_id: int, language: str, stage: str, update_id: int
    ) -> Draft | None:
        """A draft that amends the talent's lead, holding its answers; an open draft of the
        talent is returned as it is; None if the lead is not theirs (or gone)."""
        now = utc_now()
        async with self._db.transaction() as tx:
            existing = await tx.fetch_one(
                "SELECT * FROM applications WHERE user_id = ? AND status = 'draft'", (user_id,)
            )
            if existing is not None:
                return Draft.from_row(existing)
            lead = await tx.fetch_one(  # not one the talent cancelled: closed for good
                "SELECT a.id FROM applications a JOIN lead_pipeline p ON p.application_id = a.id"
                " WHERE a.id = ? AND a.user_id = ? AND a.status = 'submitted'"
                " AND p.talent_withdrawn_at IS NULL",
                (lead_id, user_id),
            )
            if lead is None:
                return None
            base = await _stored(tx, lead_id)
            draft_id = await tx.execute(
                "INSERT INTO applications (id, user_id, stage, language, last_update_id,"
                " amends, amends_base, created_at, updated_at) VALUES"
                " ((SELECT last + 1 FROM application_ids WHERE id = 1), ?, ?, ?, ?, ?, ?, ?, ?)",
                (user_id, stage, language, update_id, lead_id, json.dumps(base), now, now),
            )
            await tx.execute(
                "INSERT INTO answers (application_id, question_key, value, update_id, answered_at)"
                " SELECT ?, question_key, value, update_id, answered_at FROM answers"
                " WHERE application_id = ?",
                (draft_id, lead_id),
            )
            row = await tx.fetch_one("SELECT * FROM applications WHERE id = ?", (draft_id,))
        assert row is not None
        return Draft.from_row(row)

    async def apply_update(
        self, draft: Draft, drop: tuple[str, ...], update_id: int | None
    ) -> UpdateResult:
        """Put the talent's changed answers on their lead and close the update draft.

        Three-way: an answer the talent left as it was when they started keeps whatever the
        lead holds now (a staff correction made meanwhile stays); an answer they changed
        replaces it. The lead keeps its reference, stage, notes and assignee.
        """
        async with self._db.transaction() as tx:
            row = await tx.fetch_one(
                "SELECT amends, amends_base FROM applications WHERE id = ? AND step = ?"
                " AND status = 'draft' AND amends IS NOT NULL",
                (draft.id, draft.step),
            )
            if row is None:
                return UpdateResult("stale")
            lead = await tx.fetch_one(
                "SELECT a.id, a.reference, p.assignee_id FROM applications a"
                " JOIN lead_pipeline p ON p.application_id = a.id"
                " WHERE a.id = ? AND a.user_id = ? AND a.status = 'submitted'"
                " AND p.talent_withdrawn_at IS NULL",
                (row["amends"], draft.user_id),
            )
            if lead is None:  # erased, withdrawn or cancelled meanwhile: nothing to update
                await tx.execute("DELETE FROM applications WHERE id = ?", (draft.id,))
                return UpdateResult("gone")
            base: Stored = json.loads(row["amends_base"] or "{}")
            new = await _stored(tx, draft.id)
            for key in drop:
                new.pop(key, None)
            current = await _stored(tx, lead["id"])
            changes = await _merge(tx, lead["id"], base, new, current, update_id)
            if changes:
                await record_change(
                    tx, lead["id"], "talent_update", Actor(TALENT), TALENT, changes=changes
                )
            await tx.execute("DELETE FROM applications WHERE id = ?", (draft.id,))
        return UpdateResult(
            "saved" if changes else "unchanged",
            lead["id"],
            lead["reference"],
            lead["assignee_id"],
            changes,
        )

    async def leads_of(self, user_id: int) -> list[TalentLead]:
        """A talent's submitted leads, newest first, with their sector answer; not those they
        cancelled (/status: closed for good, so /daftar offers no update of them)."""
        rows = await self._db.fetch_all(
            "SELECT a.id, a.reference, a.submitted_at, (SELECT s.value FROM answers s"  # noqa: S608 - constants
            " WHERE s.application_id = a.id AND s.question_key = 'sector') AS sector,"
            f" {REGISTERED_FOR} FROM applications a"
            " WHERE a.user_id = ? AND a.status = 'submitted' AND NOT EXISTS (SELECT 1"
            " FROM lead_pipeline p WHERE p.application_id = a.id"
            " AND p.talent_withdrawn_at IS NOT NULL)",
            (user_id,),
        )
        leads = [
            TalentLead(
                int(row["id"]),
                str(row["reference"]),
                str(row["submitted_at"]),
                _loaded(row["sector"]),
                registered_for(row),
            )
            for row in rows
        ]
        return sorted(
            leads, key=lambda lead: (lead.submitted_at, lead.application_id), reverse=True
        )

    async def amended(self, draft_id: int) -> str | None:
        """The reference of the lead an update draft amends."""
        value = await self._db.fetch_value(
            "SELECT l.reference FROM applications d JOIN applications l ON l.id = d.amends"
            " WHERE d.id = ?",
            (draft_id,),
        )
        return None if value is None else str(value)

    # ----- staff correct an answer -------------------------------------------------------------

    async def edit_answer(
        self,
        application_id: int,
        key: str,
        expected: str | None,
        had_expected: bool,
        value: Any,
        actor: Actor,
        *,
        drops: tuple[str, ...] = (),
    ) -> EditResult:
        """Set one answer if it still is what the staff member saw (`expected`, as stored);
        `drops`: answers it makes moot, removed in the same change."""
        async with self._db.transaction() as tx:
            lead = await tx.fetch_one(
                "SELECT reference FROM applications WHERE id = ? AND status = 'submitted'",
                (application_id,),
            )
            if lead is None:
                await Audit.add_in(tx, actor, "answer_edit_refused", None, reason="gone")
                return EditResult("gone")
            reference = str(lead["reference"])
            row = await tx.fetch_one(
                "SELECT value FROM answers WHERE application_id = ? AND question_key = ?",
                (application_id, key),
            )
            now_stored = None if row is None else row["value"]
            current = _loaded(now_stored)
            if (row is not None) != had_expected or (row is not None and now_stored != expected):
                await Audit.add_in(
                    tx,
                    actor,
                    "answer_edit_refused",
                    reference,
                    reason="changed_meanwhile",
                    question=key,
                )
                return EditResult("conflict", reference, current, row is not None)
            stored = None if value is None else json.dumps(value)
            if row is not None and stored == now_stored:
                return EditResult("same", reference, current, True)
            await tx.execute(
                "INSERT INTO answers (application_id, question_key, value, answered_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT(application_id, question_key) DO UPDATE SET"
                " value = excluded.value, answered_at = excluded.answered_at",
                (application_id, key, stored, utc_now()),
            )
            changes = [AnswerChange(key, current, value, row is not None, True)]
            for dropped in drops:
                gone = await tx.fetch_one(
                    "DELETE FROM answers WHERE application_id = ? AND question_key = ?"
                    " RETURNING value",
                    (application_id, dropped),
                )
                if gone is not None:
                    changes.append(AnswerChange(dropped, _loaded(gone["value"]), None, True, False))
            change_id = await record_change(
                tx, application_id, "answer_edit", actor, actor.via, changes=changes
            )
            # The values stay in the lead's history (erased with it), not in the audit log.
            await Audit.add_in(
                tx, actor, "answer_edited", reference, question=key, change=change_id
            )
        return EditResult("saved", reference, value, True)

    # ----- history -------------------------------------------------------------------------

    async def changes(self, application_id: int, limit: int) -> tuple[list[LeadChange], int]:
        """The newest answer changes and duplicate links (newest first), and how many; with
        them, staff saying it is not a duplicate of a lead and taking that back (their audit
        entries: `duplicate_dismissals` keeps only the pairs said so now)."""
        rows = await self._db.fetch_all(_CHANGES, {"lead": application_id, "limit": limit})
        return [_change(row) for row in rows], int(rows[0]["total"]) if rows else 0

    # ----- what an admin's next text is for ------------------------------------------------

    async def set_prompt(
        self,
        admin_id: int,
        chat_id: int,
        message_id: int | None,
        application_id: int,
        purpose: str,
        argument: str | None = None,
        expected: str | None = None,
    ) -> None:
        """Wait for this admin's text in this chat: an answer (`argument` the question,
        `expected` the answer as they saw it), a note's new text (`argument` its id)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO staff_prompts (admin_id, chat_id, message_id, application_id,"
                " created_at, purpose, argument, expected) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(admin_id) DO UPDATE SET chat_id = excluded.chat_id,"
                " message_id = excluded.message_id, application_id = excluded.application_id,"
                " created_at = excluded.created_at, purpose = excluded.purpose,"
                " argument = excluded.argument, expected = excluded.expected",
                (
                    admin_id,
                    chat_id,
                    message_id,
                    application_id,
                    utc_now(),
                    purpose,
                    argument,
                    expected,
                ),
            )

    async def answer_as_stored(self, application_id: int, key: str) -> tuple[bool, str | None]:
        """Whether the lead has an answer to this question, and its stored JSON text."""
        row = await self._db.fetch_one(
            "SELECT value FROM answers WHERE application_id = ? AND question_key = ?",
            (application_id, key),
        )
        return (row is not None, None if row is None else row["value"])

    # ----- lead numbers ------------------------------------------------------------------------

    async def number_info(self, reference: str) -> NumberInfo | None:
        """What a number that is no submitted lead stands for; None if never given."""
        number = int("".join(filter(str.isdigit, reference)) or 0)
        row = await self._db.fetch_one("SELECT last, legacy_last FROM lead_numbers WHERE id = 1")
        last, legacy = (int(row["last"]), int(row["legacy_last"])) if row else (0, 0)
        if number <= 0 or number > last:
            return None
        if number > legacy:
            return NumberInfo(given=True, draft=False, legacy=False)
        # Before references were given at submission, a draft's id was its future number.
        draft = await self._db.fetch_value(
            "SELECT 1 FROM applications WHERE id = ? AND status = 'draft' AND reference IS NULL",
            (number,),
        )
        return NumberInfo(given=False, draft=draft is not None, legacy=True)

    async def reference_of(self, application_id: int) -> str | None:
        """A submitted lead's reference (None: no such lead now)."""
        value = await self._db.fetch_value(
            "SELECT reference FROM applications WHERE id = ? AND status = 'submitted'",
            (application_id,),
        )
        return None if value is None else str(value)


async def _stored(tx: Transaction, application_id: int) -> Stored:
    rows = await tx.fetch_all(
        "SELECT question_key, value FROM answers WHERE application_id = ?", (application_id,)
    )
    return {row["question_key"]: row["value"] for row in rows}


def _loaded(stored: str | None) -> Any:
    return None if stored is None else json.loads(stored)


async def _merge(
    tx: Transaction,
    lead_id: int,
    base: Stored,
    new: Stored,
    current: Stored,
    update_id: int | None,
) -> list[AnswerChange]:
    """Write the answers the talent changed (relative to `base`) onto the lead."""
    changes = []
    now = utc_now()
    for key in sorted({*base, *new}):
        if (key in new) == (key in base) and new.get(key) == base.get(key):
            continue  # left as it was: whatever the lead holds now stays
        if (key in new) == (key in current) and new.get(key) == current.get(key):
            continue  # already so (staff made the same correction)
        if key in new:
            await tx.execute(
                "INSERT INTO answers (application_id, question_key, value, update_id,"
                " answered_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(application_id, question_key)"
                " DO UPDATE SET value = excluded.value, update_id = excluded.update_id,"
                " answered_at = excluded.answered_at",
                (lead_id, key, new[key], update_id, now),
            )
        else:
            await tx.execute(
                "DELETE FROM answers WHERE application_id = ? AND question_key = ?",
                (lead_id, key),
            )
        changes.append(
            AnswerChange(
                key,
                _loaded(current.get(key)),
                _loaded(new.get(key)),
                key in current,
                key in new,
            )
        )
    return changes


async def record_change(
    tx: Transaction,
    application_id: int,
    kind: str,
    actor: Actor,
    via: str,
    *,
    changes: list[AnswerChange] | None = None,
    other: int | None = None,
) -> int:
    detail = {"changes": [change.as_dict() for change in changes]} if changes else {}
    return await tx.execute(
        "INSERT INTO lead_changes (application_id, kind, actor_id, via, other_id, detail,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            application_id,
            kind,
            actor.user_id,
            via,
            other,
            json.dumps(detail, ensure_ascii=False),
            utc_now(),
        ),
    )


# A lead's changes (lead_changes) and its "not a duplicate" decisions and their undoing, as
# the audit log names them on this lead (`other`: the other lead's reference; no longer found
# once that lead is erased). A staff re-check s57, N7: the decision was in no history, where
# a colleague looks for who decided.
_DISMISSALS = (
    "SELECT a.id, l.id AS application_id,"
    " CASE a.action WHEN 'not_duplicate' THEN 'not_duplicate' ELSE 'marked_again' END AS kind,"
    " a.actor_id, a.via, o.id AS other_id, o.reference AS other_reference, '{}' AS detail,"
    " a.created_at FROM applications l"
    " JOIN audit_log a ON a.lead_ref = l.reference"
    " AND a.action IN ('not_duplicate', 'not_duplicate_undone')"
    " LEFT JOIN applications o ON o.reference = json_extract(a.detail, '$.other')"
    " AND o.status = 'submitted'"
    " WHERE l.id = :lead AND l.reference IS NOT NULL"
)
# The talent cancelling it themselves (bot/store/cancellations.py), from its audit entry too.
_CANCELLED = (
    "SELECT a.id, l.id AS application_id, 'talent_withdrawal' AS kind, NULL AS actor_id, a.via,"
    " NULL AS other_id, NULL AS other_reference, a.detail, a.created_at FROM applications l"
    " JOIN audit_log a ON a.lead_ref = l.reference AND a.action = 'withdrawn_by_talent'"
    " WHERE l.id = :lead AND l.reference IS NOT NULL"
)
_CHANGES = (
    "WITH every AS (SELECT c.id, c.application_id, c.kind, c.actor_id, c.via, c.other_id,"  # noqa: S608 - constants only
    " o.reference AS other_reference, c.detail, c.created_at"
    " FROM lead_changes c LEFT JOIN applications o ON o.id = c.other_id"
    f" WHERE c.application_id = :lead UNION ALL {_DISMISSALS} UNION ALL {_CANCELLED})"
    " SELECT *, (SELECT COUNT(*) FROM every) AS total FROM every"
    " ORDER BY created_at DESC, id DESC LIMIT :limit"
)


def _change(row: Row) -> LeadChange:
    detail = json.loads(row["detail"] or "{}")
    return LeadChange(
        id=row["id"],
        application_id=row["application_id"],
        kind=row["kind"],
        actor=Actor(row["via"], row["actor_id"]),
        via=row["via"],
        other_id=row["other_id"],
        other_reference=row["other_reference"],
        changes=[AnswerChange.of(item) for item in detail.get("changes", [])],
        created_at=row["created_at"],
        reason=detail.get("reason"),
    )
