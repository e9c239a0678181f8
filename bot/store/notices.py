"""Notices the staff chat must get, kept until posted: a crash or a restore loses none.

Written in the same transaction as what they report (an erasure, a withdrawal, a restore's
hold), posted by bot/ops/notices.py, then deleted. They carry lead references and counts,
never a talent's name or Telegram id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.store.db import Database, Transaction, utc_now


@dataclass(frozen=True, slots=True)
class StaffNotice:
    """One notice waiting to be posted."""

    id: int
    kind: str  # erased, withdrawn, restored
    detail: dict[str, Any]
    created_at: str


class StaffNotices:
    """The staff_notices table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @staticmethod
    async def add(tx: Transaction, kind: str, detail: dict[str, Any]) -> None:
        """Queue a notice inside the transaction that makes it true."""
        await tx.execute(
            "INSERT INTO staff_notices (kind, detail, created_at) VALUES (?, ?, ?)",
            (kind, json.dumps(detail, ensure_ascii=False), utc_now()),
        )

    async def pending(self, limit: int = 20) -> list[StaffNotice]:
        """Notices not posted yet, oldest first."""
        rows = await self._db.fetch_all(
            "SELECT id, kind, detail, created_at FROM staff_notices ORDER BY id LIMIT ?", (limit,)
        )
        return [
            StaffNotice(row["id"], row["kind"], json.loads(row["detail"]), row["created_at"])
            for row in rows
        ]

    async def posted(self, notice_id: int) -> None:
        """The staff chat has it (or there is none to post to): the copy here goes."""
        async with self._db.transaction() as tx:
            await tx.execute("DELETE FROM staff_notices WHERE id = ?", (notice_id,))
