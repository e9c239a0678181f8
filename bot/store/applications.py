"""Applications (drafts and submitted leads), their answers, and consent records."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.store.db import Database, Row, Transaction, utc_now

REFERENCE_FORMAT = "KOC-{:06d}"
_REFERENCE = re.compile(r"(KOC[- ]?)?0*(\d{1,9})")
# A talent's most recent open lead (one closed as a duplicate of another only if they have
# no other): what staff see named beside their questions and answers.
LATEST_LEAD = (
    "SELECT a.id, a.reference FROM applications a"
    " LEFT JOIN lead_pipeline p ON p.application_id = a.id"
    " WHERE a.user_id = ? AND a.status = 'submitted'"
    " ORDER BY p.duplicate_closed_at IS NOT NULL, a.submitted_at DESC, a.id DESC LIMIT 1"
)
# Whom a submitted application `a` is for, as its talent lists them: the stage or band name
# given, else the full name (a talents' review s58, M7: a manager's two bands' registrations
# read the same in /status and under /daftar).
REGISTERED_FOR = (
    "COALESCE(NULLIF(TRIM((SELECT json_extract(n.value, '$') FROM answers n"
    " WHERE n.application_id = a.id AND n.question_key = 'stage_name')), ''),"
    " (SELECT json_extract(n.value, '$') FROM answers n"
    " WHERE n.application_id = a.id AND n.question_key = 'full_name')) AS registered_for"
)


def registered_for(row: Row) -> str | None:
    """A row's REGISTERED_FOR, as text (None: neither answer given)."""
    value = row["registered_for"]
    return None if value is None else str(value)


def parse_reference(text: str, *, bare: bool = True) -> str | None:
    """KOC-000123 from what staff type: "KOC-000123", "koc-123", "koc 123" or, if `bare`, "123"
    (a search leaves bare digits to phone numbers)."""
    match = _REFERENCE.fullmatch(text.strip().upper())
    if match is None or (match[1] is None and not bare):
        return None
    return REFERENCE_FORMAT.format(int(match[2]))


@dataclass(frozen=True, slots=True)
class Draft:
    """An application and where its talent is in the questionnaire."""

    id: int
    user_id: int
    status: str
    active: bool
    stage: str
    current_key: str | None
    editing: bool
    pending: Any
    step: int
    last_update_id: int
    program_key: str | None
    language: str
    reference: str | None
    amends: int | None = None  # an update of this submitted lead (the talent's own)
    updated_at: str = ""  # its last change, as stored
    # Its adult age given after the account said it was under 18 (in an earlier form, or in
    # this one before ⬅️ Back): when it said so (age_declarations; staff see the mark).
    said_under_18_at: str | None = None
    reuses: int | None = None  # begun from the answers of this lead, which the talent cancelled
    registers_as: str | None = None  # "manajer": said at its name (the artist is another)

    @classmethod
    def from_row(cls, row: Row) -> Draft:
        """Build from an applications row."""
        return cls(
            id=row["id"],
            user_id=row["user_id"],
            status=row["status"],
            active=bool(row["active"]),
            stage=row["stage"],
            current_key=row["current_key"],
            editing=bool(row["editing"]),
            pending=json.loads(row["pending"]) if row["pending"] else None,
            step=row["step"],
            last_update_id=row["last_update_id"],
            program_key=row["program_key"],
            language=row["language"],
            reference=row["reference"],
            amends=row["amends"],
            updated_at=row["updated_at"],
            said_under_18_at=row["said_under_18_at"],
            reuses=row["reuses"],
            registers_as=row["registers_as"],
        )


@dataclass(frozen=True, slots=True)
class Change:
    """One step of the questionnaire, applied atomically if the draft is still at `step`."""

    stage: str
    current_key: str | None = None
    editing: bool = False
    pending: Any = None
    active: bool = True
    answers: dict[str, Any] = field(default_factory=dict)
    remove_answers: tuple[str, ...] = ()
    update_id: int | None = None
    # The age step answered under 18 (the guardian's consent asked next): the account's
    # declaration, kept (age_declarations) to ask about an adult age in a later form.
    declares_under_18: bool = False
    # An adult age given after such a declaration (its time): the form is marked for staff,
    # and the declaration noted as asked about (not asked again in a later form).
    said_under_18_at: str | None = None


@dataclass(frozen=True, slots=True)
class AgeDeclaration:
    """The account's latest form whose age step said under 18 (age_declarations)."""

    application_id: int  # that form (it may be gone since: declined, discarded)
    declared_at: str
    adult_confirmed_at: str | None  # an adult age confirmed since, in a new form


# The latest form that said under 18 replaces the one before (its confirmation with it).
_DECLARE = (
    "INSERT INTO age_declarations (user_id, application_id, declared_at) VALUES (?, ?, ?)"
    " ON CONFLICT (user_id) DO UPDATE SET application_id = excluded.application_id,"
    " declared_at = excluded.declared_at, adult_confirmed_at = NULL"
)


@dataclass(frozen=True, slots=True)
class Consent:
    """One consent choice as recorded."""

    kind: str
    granted: bool
    notice_version: str
    language: str
    created_at: str
    application_id: int | None
    recipient: str | None = None  # forwarding (transfer_korea): whom it was asked for
    abroad: bool = False  # ... and whether that was outside Indonesia

    def covers(self, need: ConsentNeed | None) -> bool:
        """Whether this choice gives what a stage needs (always, when it needs nothing)."""
        return need is None or (
            self.kind == need.kind
            and self.granted
            and need.recipient is not None
            and self.recipient == need.recipient
            and (self.abroad or not need.abroad)
        )


@dataclass(frozen=True, slots=True)
class ConsentNeed:
    """A consent a stage needs, as this deployment asks it: passing the lead on to `recipient`
    (FORWARD_TO, outside Indonesia if `abroad`). A consent given for another recipient, or for
    one in Indonesia when this one is abroad, does not count; with `recipient` None (FORWARD_TO
    unset: nothing is passed on) no consent does."""

    kind: str
    recipient: str | None
    abroad: bool = False

    @property
    def nobody_can_give(self) -> bool:
        """Needed with nothing passed on (FORWARD_TO unset): the stage is closed to every lead."""
        return self.recipient is None

    @property
    def params(self) -> tuple[str, str | None, int]:
        """The kind, recipient and abroad flag as SQL binds them."""
        return self.kind, self.recipient, int(self.abroad)


class Applications:
    """The applications, answers and consents tables."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def draft_for(self, user_id: int) -> Draft | None:
        """The user's unsubmitted application, if any."""
        rows = self._db.lookup(
            "SELECT * FROM applications WHERE user_id = ? AND status = 'draft'", (user_id,)
        )
        return Draft.from_row(rows[0]) if rows else None

    def has_draft(self, user_id: int) -> bool:
        """Whether the user has an unsubmitted (open or paused) application: an indexed read,
        on the loop, for the menu's "continue" button."""
        return bool(
            self._db.lookup(
                "SELECT 1 FROM applications WHERE user_id = ? AND status = 'draft' LIMIT 1",
                (user_id,),
            )
        )

    async def get(self, application_id: int) -> Draft | None:
        """One application by id."""
        rows = self._db.lookup("SELECT * FROM applications WHERE id = ?", (application_id,))
        return Draft.from_row(rows[0]) if rows else None

    async def create(
        self,
        user_id: int,
        language: str,
        stage: str,
        *,
        current_key: str | None = None,
        program_key: str | None = None,
        answers: dict[str, Any] | None = None,
        update_id: int = 0,
        reuses: int | None = None,
    ) -> Draft:
        """Open a new draft (at most one per user: an existing one is returned instead);
        `reuses`: the cancelled lead whose answers it begins with."""
        now = utc_now()
        async with self._db.transaction() as tx:
            existing = await tx.fetch_one(
                "SELECT * FROM applications WHERE user_id = ? AND status = 'draft'", (user_id,)
            )
            if existing is not None:
                return Draft.from_row(existing)
            application_id = await tx.execute(
                # The next id after every id ever used: a reference is never given twice.
                "INSERT INTO applications (id, user_id, stage, current_key, program_key, language,"
                " last_update_id, reuses, created_at, updated_at) VALUES"
                " ((SELECT last + 1 FROM application_ids WHERE id = 1), ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (user_id, stage, current_key, program_key, language, update_id, reuses, now, now),
            )
            await _write_answers(tx, application_id, answers or {}, update_id)
            row = await tx.fetch_one("SELECT * FROM applications WHERE id = ?", (application_id,))
        assert row is not None
        return Draft.from_row(row)

    async def advance(self, draft: Draft, change: Change) -> Draft | None:
        """Apply one step if nobody moved the draft meanwhile; None when it is stale."""
        async with self._db.transaction() as tx:
            changed = await tx.execute_rowcount(
                "UPDATE applications SET stage = ?, current_key = ?, editing = ?, pending = ?,"
                " active = ?, step = step + 1,"
                " last_update_id = COALESCE(?, last_update_id), updated_at = ?"
                " WHERE id = ? AND step = ? AND status = 'draft'",
                (
                    change.stage,
                    change.current_key,
                    int(change.editing),
                    None if change.pending is None else json.dumps(change.pending),
                    int(change.active),
                    change.update_id,
                    utc_now(),
                    draft.id,
                    draft.step,
                ),
            )
            if changed == 0:
                return None
            await _write_answers(tx, draft.id, change.answers, change.update_id)
            if change.declares_under_18:
                await tx.execute(_DECLARE, (draft.user_id, draft.id, utc_now()))
            if change.said_under_18_at is not None:
                await tx.execute(
                    "UPDATE applications SET said_under_18_at = ? WHERE id = ?",
                    (change.said_under_18_at, draft.id),
                )
                # Confirmed only in a new form (where it is asked); this one's Back is not.
                await tx.execute(
                    "UPDATE age_declarations SET adult_confirmed_at ="
                    " COALESCE(adult_confirmed_at, ?) WHERE user_id = ? AND application_id != ?",
                    (utc_now(), draft.user_id, draft.id),
                )
            for key in change.remove_answers:
                await tx.execute(
                    "DELETE FROM answers WHERE application_id = ? AND question_key = ?",
                    (draft.id, key),
                )
            row = await tx.fetch_one("SELECT * FROM applications WHERE id = ?", (draft.id,))
        assert row is not None
        return Draft.from_row(row)

    async def answers(self, application_id: int) -> dict[str, Any]:
        """Every stored answer of an application (a skipped question maps to None)."""
        rows = self._db.lookup(
            "SELECT question_key, value FROM answers WHERE application_id = ?", (application_id,)
        )
        return {
            row["question_key"]: None if row["value"] is None else json.loads(row["value"])
            for row in rows
        }

    async def holding(self, keys: Sequence[str]) -> list[tuple[str, str, str, int]]:
        """For the questions `keys`: each value stored forms hold, as (question, value,
        status, how many forms): answers, and a draft's ticks not yet confirmed."""
        rows = await self._db.fetch_all(_HOLDING, (json.dumps(list(keys)),) * 2)
        return [(row["key"], str(row["value"]), row["status"], row["forms"]) for row in rows]

    async def answered_at(self, application_id: int, key: str) -> str | None:
        """When an application's answer to a question was last given, as stored; None if
        it has none."""
        rows = self._db.lookup(
            "SELECT answered_at FROM answers WHERE application_id = ? AND question_key = ?",
            (application_id, key),
        )
        return next((str(row["answered_at"]) for row in rows), None)

    async def submit(
        self, draft: Draft, drop: tuple[str, ...] = (), update_id: int | None = None
    ) -> str | None:
        """Turn a draft into a lead with a reference code; None if it was not at that step."""
        async with self._db.transaction() as tx:
            # The next number after every number given (lead_numbers): in order, no gaps.
            row = await tx.fetch_one("SELECT last FROM lead_numbers WHERE id = 1")
            reference = REFERENCE_FORMAT.format(int(row["last"] if row else 0) + 1)
            changed = await tx.execute_rowcount(
                "UPDATE applications SET status = 'submitted', active = 0, stage = 'submitted',"
                " reference = ?, submitted_at = ?, updated_at = ?, step = step + 1,"
                " last_update_id = COALESCE(?, last_update_id)"
                " WHERE id = ? AND step = ? AND status = 'draft' AND amends IS NULL",
                (reference, utc_now(), utc_now(), update_id, draft.id, draft.step),
            )
            if changed == 0:
                return None
            for key in drop:
                await tx.execute(
                    "DELETE FROM answers WHERE application_id = ? AND question_key = ?",
                    (draft.id, key),
                )
        return reference

    async def staff_notified(self, application_id: int) -> bool:
        """Whether the staff chat has already been told about this lead."""
        value = await self._db.fetch_value(
            "SELECT staff_notified_at FROM applications WHERE id = ?", (application_id,)
        )
        return value is not None

    async def note_registers_as(self, application_id: int, role: str) -> None:
        """The talent said at its name they register an artist as this ("manajer")."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE applications SET registers_as = ? WHERE id = ?", (role, application_id)
            )

    async def mark_staff_notified(self, application_id: int) -> None:
        """The staff chat has been told about this lead (it is not told twice)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE applications SET staff_notified_at = ? WHERE id = ?",
                (utc_now(), application_id),
            )

    async def delete(self, application_id: int) -> None:
        """Remove a draft and its answers."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "DELETE FROM applications WHERE id = ? AND status = 'draft'", (application_id,)
            )

    async def submitted_since(self, user_id: int, since: str) -> list[str]:
        """When this user submitted each registration since a time, oldest first."""
        rows = await self._db.fetch_all(
            "SELECT submitted_at FROM applications WHERE user_id = ? AND status = 'submitted'"
            " AND submitted_at >= ? ORDER BY submitted_at",
            (user_id, since),
        )
        return [str(row["submitted_at"]) for row in rows]

    async def submitted_count(self, user_id: int) -> int:
        """How many applications this user has submitted."""
        value = await self._db.fetch_value(
            "SELECT COUNT(*) FROM applications WHERE user_id = ? AND status = 'submitted'",
            (user_id,),
        )
        return int(value or 0)

    async def latest_reference(self, user_id: int) -> str | None:
        """The reference of the user's most recent open lead (one closed as a duplicate of
        another only if they have no other)."""
        lead = await self.latest_lead(user_id)
        return None if lead is None else lead[1]

    async def changed(self, user_id: int) -> str:
        """The talent's applications as they stand, in a word: how many, and the latest
        change to any; it differs once one is started, changed, sent or gone."""
        row = await self._db.fetch_one(
            "SELECT COUNT(*) AS count, MAX(updated_at) AS latest FROM applications"
            " WHERE user_id = ?",
            (user_id,),
        )
        return "" if row is None else f"{row['count']}:{row['latest'] or ''}"

    async def latest_lead(self, user_id: int) -> tuple[int, str] | None:
        """The id and reference of that lead (`latest_reference`)."""
        row = await self._db.fetch_one(LATEST_LEAD, (user_id,))
        return None if row is None else (int(row["id"]), str(row["reference"]))

    async def record_consent(
        self,
        user_id: int,
        kind: str,
        granted: bool,
        notice_version: str,
        language: str,
        application_id: int | None = None,
        recipient: tuple[str, bool] | None = None,
    ) -> None:
        """Append one consent choice to the user's history (a forwarding consent with whom it
        was asked for: the recipient's name and whether it is outside Indonesia)."""
        async with self._db.transaction() as tx:
            await self.add_consent(
                tx, user_id, kind, granted, notice_version, language, application_id, recipient
            )

    @staticmethod
    async def add_consent(
        tx: Transaction,
        user_id: int,
        kind: str,
        granted: bool,
        notice_version: str,
        language: str,
        application_id: int | None = None,
        recipient: tuple[str, bool] | None = None,
    ) -> None:
        """Append one consent choice inside an open transaction (with the change it allows)."""
        name, abroad = recipient if recipient is not None else (None, None)
        await tx.execute(
            "INSERT INTO consents (user_id, application_id, kind, granted, notice_version,"
            " language, created_at, recipient, abroad) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                user_id,
                application_id,
                kind,
                int(granted),
                notice_version,
                language,
                utc_now(),
                name,
                None if abroad is None else int(abroad),
            ),
        )

    async def age_declaration(self, user_id: int) -> AgeDeclaration | None:
        """The account's latest form that said it was under 18, if one is still kept."""
        row = await self._db.fetch_one(
            "SELECT application_id, declared_at, adult_confirmed_at FROM age_declarations"
            " WHERE user_id = ?",
            (user_id,),
        )
        if row is None:
            return None
        return AgeDeclaration(row["application_id"], row["declared_at"], row["adult_confirmed_at"])

    async def consents(self, user_id: int) -> dict[str, Consent]:
        """The latest choice of each kind for a user."""
        rows = await self._db.fetch_all(
            "SELECT kind, granted, notice_version, language, created_at, application_id,"
            " recipient, abroad FROM consents WHERE id IN"
            " (SELECT MAX(id) FROM consents WHERE user_id = ? GROUP BY kind)",
            (user_id,),
        )
        return {
            row["kind"]: Consent(
                kind=row["kind"],
                granted=bool(row["granted"]),
                notice_version=row["notice_version"],
                language=row["language"],
                created_at=row["created_at"],
                application_id=row["application_id"],
                recipient=row["recipient"],
                abroad=bool(row["abroad"]),
            )
            for row in rows
        }


# Who holds which value of some questions: an answer (one value, or a list), or a draft's
# ticks at that question (pending, a list) not yet confirmed with Done.
_HOLDING = """
SELECT key, value, status, COUNT(DISTINCT id) AS forms FROM (
    SELECT s.question_key AS key, j.value AS value, a.status AS status, a.id AS id
    FROM answers s JOIN applications a ON a.id = s.application_id, json_each(s.value) j
    WHERE s.value IS NOT NULL AND s.question_key IN (SELECT value FROM json_each(?))
    UNION ALL
    SELECT a.current_key, j.value, a.status, a.id
    FROM applications a, json_each(a.pending) j
    WHERE a.status = 'draft' AND json_type(a.pending) = 'array'
        AND a.current_key IN (SELECT value FROM json_each(?))
) GROUP BY key, value, status"""


async def _write_answers(
    tx: Transaction, application_id: int, answers: dict[str, Any], update_id: int | None
) -> None:
    """Insert or replace answers inside a transaction."""
    now = utc_now()
    for key, value in answers.items():
        await tx.execute(
            "INSERT INTO answers (application_id, question_key, value, update_id, answered_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(application_id, question_key) DO UPDATE SET"
            " value = excluded.value, update_id = excluded.update_id,"
            " answered_at = excluded.answered_at",
            (application_id, key, None if value is None else json.dumps(value), update_id, now),
        )
