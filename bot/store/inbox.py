"""The durable update inbox: updates are stored here before Telegram is told they arrived."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.store.conversation import ConversationLog, LogEntry
from bot.store.db import Database, Transaction, utc_now


@dataclass(frozen=True, slots=True)
class StoredUpdate:
    """An update as received, waiting to be processed."""

    update_id: int
    payload: str
    sequence_key: str


class UpdateInbox:
    """The update_inbox table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def add_new(
        self,
        updates: list[StoredUpdate],
        dropped: Sequence[tuple[StoredUpdate, LogEntry]] = (),
    ) -> list[StoredUpdate]:
        """Store updates not seen before (committed); return only those that are new.

        `dropped` updates (flood control) are stored as processed, without their content,
        and only their short log line is kept: the inbox holds an update only until it is
        processed, and these need no processing.
        """
        if not updates and not dropped:
            return []
        now = utc_now()
        new: list[StoredUpdate] = []
        # Urgent: the update loop waits for this write before it fetches the next batch.
        async with self._db.transaction(urgent=True) as tx:
            for update in updates:
                changed = await tx.execute_rowcount(
                    "INSERT OR IGNORE INTO update_inbox"
                    " (update_id, payload, sequence_key, received_at) VALUES (?, ?, ?, ?)",
                    (update.update_id, update.payload, update.sequence_key, now),
                )
                if changed:
                    new.append(update)
            for update, entry in dropped:
                changed = await tx.execute_rowcount(
                    "INSERT OR IGNORE INTO update_inbox (update_id, payload, sequence_key,"
                    " status, received_at, finished_at) VALUES (?, '{}', ?, 'done', ?, ?)",
                    (update.update_id, update.sequence_key, now, now),
                )
                if changed:
                    await ConversationLog.add_in(tx, entry)
        return new

    @staticmethod
    async def rewrite_text(tx: Transaction, update_id: int, rewrite: Callable[[str], str]) -> None:
        """Rewrite the typed text of an update still stored, inside an open transaction (a
        password dropped from an answer: no copy stays here until the update is done)."""
        row = await tx.fetch_one(
            "SELECT payload FROM update_inbox WHERE update_id = ?", (update_id,)
        )
        payload = None if row is None else row[0]
        if not isinstance(payload, str):
            return
        update = json.loads(payload)
        for key in ("message", "edited_message"):
            message = update.get(key) if isinstance(update, dict) else None
            if isinstance(message, dict) and isinstance(message.get("text"), str):
                message["text"] = rewrite(message["text"])
        await tx.execute(
            "UPDATE update_inbox SET payload = ? WHERE update_id = ?",
            (json.dumps(update, ensure_ascii=False), update_id),
        )

    async def highest_id(self) -> int:
        """The highest update id ever stored (0 for a new database)."""
        return int(
            await self._db.fetch_value("SELECT COALESCE(MAX(update_id), 0) FROM update_inbox")
        )

    async def pending(self) -> list[StoredUpdate]:
        """Updates stored but not yet processed, oldest first (replayed at start-up)."""
        rows = await self._db.fetch_all(
            "SELECT update_id, payload, sequence_key FROM update_inbox"
            " WHERE status = 'pending' ORDER BY update_id"
        )
        return [StoredUpdate(**dict(row)) for row in rows]

    async def finish(self, update_id: int, status: str = "done") -> None:
        """Mark an update processed (its content is dropped: the log keeps what matters, and
        an erasure must not miss a copy here) or unparseable (kept whole, for a developer)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE update_inbox SET status = ?, finished_at = ?,"
                " payload = CASE WHEN ? = 'done' THEN '{}' ELSE payload END"
                " WHERE update_id = ?",
                (status, utc_now(), status, update_id),
            )

    async def status(self, update_id: int) -> str | None:
        """The processing status of one update, or None if it was never stored."""
        value = await self._db.fetch_value(
            "SELECT status FROM update_inbox WHERE update_id = ?", (update_id,)
        )
        return None if value is None else str(value)
