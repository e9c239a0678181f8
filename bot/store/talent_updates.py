"""Talent messages queued by stage changes: delivered once, as broadcasts are.

A message is committed with its stage change ('pending'), marked 'sending' in a commit
before its request and 'sent' after it. One found 'sending' at start-up was in flight when
the process died: it may or may not have arrived, so it is marked 'uncertain' and staff are
asked whether to send it again, rather than the talent maybe getting it twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.store.db import Database, Row, utc_now

FINAL = ("sent", "failed", "blocked", "superseded", "uncertain")


@dataclass(frozen=True, slots=True)
class TalentUpdate:
    """One message to one talent about their lead."""

    id: int
    batch_id: int
    application_id: int
    reference: str | None
    user_id: int
    stage: str
    language: str
    text: str
    status: str
    error: str | None

    @classmethod
    def from_row(cls, row: Row) -> TalentUpdate:
        """Build from a talent_updates row joined with its reference."""
        return cls(
            id=row["id"],
            batch_id=row["batch_id"],
            application_id=row["application_id"],
            reference=row["reference"],
            user_id=row["user_id"],
            stage=row["stage"],
            language=row["language"],
            text=row["text"],
            status=row["status"],
            error=row["error"],
        )


@dataclass(frozen=True, slots=True)
class Batch:
    """Messages queued together (one stage change, or one bulk move) and who hears back."""

    id: int
    created_by: int | None
    report_chat_id: int | None
    to_stage: str | None
    bulk: bool
    tally: dict[str, int]


_UPDATE = (
    "SELECT t.*, a.reference FROM talent_updates t"
    " LEFT JOIN applications a ON a.id = t.application_id"
)


class TalentUpdates:
    """The talent_updates table and the reports of pipeline_batches."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def due(self, after: int, limit: int) -> list[TalentUpdate]:
        """Pending messages, oldest first."""
        rows = await self._db.fetch_all(
            _UPDATE + " WHERE t.status = 'pending' AND t.id > ? ORDER BY t.id LIMIT ?",
            (after, limit),
        )
        return [TalentUpdate.from_row(row) for row in rows]

    async def get(self, update_id: int) -> TalentUpdate | None:
        """One message by id."""
        row = await self._db.fetch_one(_UPDATE + " WHERE t.id = ?", (update_id,))
        return None if row is None else TalentUpdate.from_row(row)

    async def mark_sending(self, update_id: int) -> bool:
        """Committed before the request; False if it is no longer pending (superseded, gone)."""
        return await self._set(
            "UPDATE talent_updates SET status = 'sending', attempts = attempts + 1"
            " WHERE id = ? AND status = 'pending'",
            (update_id,),
        )

    async def mark_pending(self, update_id: int) -> None:
        """No request went out after all (stopping, or Telegram said to wait)."""
        await self._set(
            "UPDATE talent_updates SET status = 'pending' WHERE id = ? AND status = 'sending'",
            (update_id,),
        )

    async def mark_sent(self, update_id: int, message_id: int) -> None:
        """Telegram accepted the message."""
        await self._set(
            "UPDATE talent_updates SET status = 'sent', message_id = ?, sent_at = ?,"
            " error = NULL WHERE id = ?",
            (message_id, utc_now(), update_id),
        )

    async def mark_failed(self, update_id: int, status: str, error: str) -> None:
        """'failed' or 'blocked', with Telegram's reason."""
        async with self._db.transaction() as tx:
            row = await tx.fetch_one(
                "SELECT user_id FROM talent_updates WHERE id = ?", (update_id,)
            )
            await tx.execute(
                "UPDATE talent_updates SET status = ?, error = ? WHERE id = ?",
                (status, error[:500], update_id),
            )
            if status == "blocked" and row is not None:
                await tx.execute(
                    "UPDATE users SET blocked = 1, updated_at = ? WHERE user_id = ?",
                    (utc_now(), row["user_id"]),
                )

    async def mark_interrupted(self) -> list[TalentUpdate]:
        """At start-up: messages in flight when the process died become 'uncertain'.

        A bulk move cut short is reported with the leads it had moved.
        """
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE pipeline_batches SET status = 'confirmed' WHERE status = 'moving'"
            )
            rows = await tx.fetch_all(_UPDATE + " WHERE t.status = 'sending'")
            await tx.execute(
                "UPDATE talent_updates SET status = 'uncertain',"
                " error = 'the bot stopped while sending' WHERE status = 'sending'"
            )
        return [TalentUpdate.from_row(row) for row in rows]

    async def send_again(self, update_id: int) -> bool:
        """Staff chose to send an uncertain or failed message again."""
        return await self._set(
            "UPDATE talent_updates SET status = 'pending'"
            " WHERE id = ? AND status IN ('uncertain', 'failed')",
            (update_id,),
        )

    async def _set(self, sql: str, params: tuple[object, ...]) -> bool:
        async with self._db.transaction() as tx:
            return await tx.execute_rowcount(sql, params) == 1

    # ----- reports -----------------------------------------------------------------------------

    async def finished_batches(self) -> list[Batch]:
        """Batches with messages all dealt with and not yet reported."""
        rows = await self._db.fetch_all(
            "SELECT b.id, b.created_by, b.report_chat_id, b.to_stage, b.filter FROM"
            " pipeline_batches b WHERE b.status = 'confirmed' AND b.reported_at IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM talent_updates t WHERE t.batch_id = b.id"
            "   AND t.status IN ('pending', 'sending'))"
            " ORDER BY b.id LIMIT 20"
        )
        batches = []
        for row in rows:
            counts = await self._db.fetch_all(
                "SELECT status, COUNT(*) AS n FROM talent_updates WHERE batch_id = ?"
                " GROUP BY status",
                (row["id"],),
            )
            batches.append(
                Batch(
                    id=row["id"],
                    created_by=row["created_by"],
                    report_chat_id=row["report_chat_id"],
                    to_stage=row["to_stage"],
                    bulk=row["filter"] is not None,
                    tally={count["status"]: int(count["n"]) for count in counts},
                )
            )
        return batches

    async def batch_updates(self, batch_id: int, statuses: tuple[str, ...]) -> list[TalentUpdate]:
        """A batch's messages in some statuses (to name the leads in a report)."""
        rows = await self._db.fetch_all(
            "SELECT t.*, a.reference FROM talent_updates t"
            " LEFT JOIN applications a ON a.id = t.application_id WHERE t.batch_id = ?"
            " AND t.status IN (SELECT value FROM json_each(?)) ORDER BY t.id",
            (batch_id, json.dumps(statuses)),
        )
        return [TalentUpdate.from_row(row) for row in rows]

    async def mark_reported(self, batch_id: int) -> None:
        """Staff were told how the batch went (the report is not repeated)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE pipeline_batches SET status = 'reported', reported_at = ? WHERE id = ?",
                (utc_now(), batch_id),
            )

    async def reopen(self, batch_id: int) -> None:
        """A message of a reported batch is sent again: report the batch again after."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE pipeline_batches SET status = 'confirmed', reported_at = NULL WHERE id = ?",
                (batch_id,),
            )
