"""Staff notes opened in full, edited or deleted by their author (audited; a deleted note's
text is gone from the database files too)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.store.audit import Actor, Audit
from bot.store.db import Database, Row, Transaction, utc_now

NoteOutcome = Literal["saved", "gone", "not_yours"]


@dataclass(frozen=True, slots=True)
class StaffNote:
    """One note with its author, for opening in full."""

    id: int
    application_id: int
    reference: str
    author_id: int | None
    via: str
    text: str
    created_at: str
    edited_at: str | None


class StaffNotes:
    """lead_notes, beyond adding one (bot/store/pipeline.py)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def note(self, note_id: int) -> StaffNote | None:
        """One note in full (None: deleted, or its lead erased)."""
        row = await self._db.fetch_one(
            "SELECT n.*, a.reference FROM lead_notes n JOIN applications a"
            " ON a.id = n.application_id AND a.status = 'submitted' WHERE n.id = ?",
            (note_id,),
        )
        return None if row is None else _note(row)

    async def notes_of(self, application_id: int) -> list[StaffNote]:
        """Every note of a lead, newest first."""
        rows = await self._db.fetch_all(
            "SELECT n.*, a.reference FROM lead_notes n JOIN applications a"
            " ON a.id = n.application_id AND a.status = 'submitted'"
            " WHERE n.application_id = ? ORDER BY n.id DESC",
            (application_id,),
        )
        return [_note(row) for row in rows]

    async def edit_note(self, note_id: int, actor: Actor, text: str) -> NoteOutcome:
        """Replace the text of one's own note (audited: its length, not its text)."""
        async with self._db.transaction() as tx:
            row, outcome = await _own(tx, note_id, actor, "note_edit_refused")
            if row is None:
                return outcome
            await tx.execute(
                "UPDATE lead_notes SET text = ?, edited_at = ? WHERE id = ?",
                (text, utc_now(), note_id),
            )
            await Audit.add_in(
                tx, actor, "note_edited", row["reference"], note=note_id, length=len(text)
            )
        await self._db.scrub()  # the text it replaced is gone from the files too
        return "saved"

    async def delete_note(self, note_id: int, actor: Actor) -> NoteOutcome:
        """Delete one's own note: its text is gone (zeroed, and the WAL emptied)."""
        async with self._db.transaction() as tx:
            row, outcome = await _own(tx, note_id, actor, "note_delete_refused")
            if row is None:
                return outcome
            await tx.execute("DELETE FROM lead_notes WHERE id = ?", (note_id,))
            await Audit.add_in(tx, actor, "note_deleted", row["reference"], note=note_id)
        await self._db.scrub()
        return "saved"

    async def staff_in_leads(self) -> set[int]:
        """Every staff member handling a lead or author of a note (named in exports)."""
        rows = await self._db.fetch_all(
            "SELECT assignee_id AS id FROM lead_pipeline WHERE assignee_id IS NOT NULL"
            " UNION SELECT author_id FROM lead_notes WHERE author_id IS NOT NULL"
        )
        return {int(row["id"]) for row in rows}


async def _own(
    tx: Transaction, note_id: int, actor: Actor, refused: str
) -> tuple[Row | None, NoteOutcome]:
    """The note, if it exists and is the actor's; else why not (a refusal is audited)."""
    row = await tx.fetch_one(
        "SELECT n.author_id, n.via, a.reference FROM lead_notes n JOIN applications a"
        " ON a.id = n.application_id AND a.status = 'submitted' WHERE n.id = ?",
        (note_id,),
    )
    if row is None:
        return None, "gone"
    if row["author_id"] != actor.user_id or row["via"] != actor.via:
        await Audit.add_in(tx, actor, refused, row["reference"], note=note_id)
        return None, "not_yours"
    return row, "saved"


def _note(row: Row) -> StaffNote:
    return StaffNote(
        id=row["id"],
        application_id=row["application_id"],
        reference=row["reference"],
        author_id=row["author_id"],
        via=row["via"],
        text=row["text"],
        created_at=row["created_at"],
        edited_at=row["edited_at"],
    )
