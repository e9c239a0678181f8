"""What happened to content/ in the running bot: reloads, and the weekly review reminders."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from bot.store.db import Database, Row, utc_now


@dataclass(frozen=True, slots=True)
class Reload:
    """One attempt to reload content/: who asked, and whether it was taken."""

    at: str
    trigger: str  # signal (SIGHUP on the server) or command (/reload in Telegram)
    staff_id: int | None
    accepted: bool
    problems: list[str]


class ContentLog:
    """Reloads of content/ and review reminders, kept so staff actions can be traced."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def record_reload(
        self, trigger: str, staff_id: int | None, problems: Sequence[str]
    ) -> None:
        """Note a reload: taken when there are no problems, refused otherwise."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO content_reloads (at, trigger, staff_id, accepted, problems)"
                " VALUES (?, ?, ?, ?, ?)",
                (utc_now(), trigger, staff_id, int(not problems), json.dumps(list(problems))),
            )

    async def reloads(self, limit: int = 20) -> list[Reload]:
        """The latest reloads, newest first."""
        rows = await self._db.fetch_all(
            "SELECT at, trigger, staff_id, accepted, problems FROM content_reloads"
            " ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [_reload(row) for row in rows]

    async def reloads_since(self, since: str | None, staff_id: int | None) -> list[Reload]:
        """Reloads from a moment on (ISO UTC; None: all), by one staff member (None: anyone,
        the server's SIGHUP included), oldest first: `kocca-bot audit` shows them."""
        rows = await self._db.fetch_all(
            "SELECT at, trigger, staff_id, accepted, problems FROM content_reloads"
            " WHERE (? IS NULL OR at >= ?) AND (? IS NULL OR staff_id = ?) ORDER BY id",
            (since, since, staff_id, staff_id),
        )
        return [_reload(row) for row in rows]

    async def last_review_reminder(self) -> str | None:
        """When the staff chat was last told which pages are due for review (UTC ISO)."""
        value = await self._db.fetch_value("SELECT MAX(sent_at) FROM content_review_reminders")
        return str(value) if value is not None else None

    async def record_review_reminder(self, sent_at: str, pages: Sequence[str]) -> None:
        """Note that the staff chat was told about these pages."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO content_review_reminders (sent_at, pages) VALUES (?, ?)",
                (sent_at, json.dumps(list(pages))),
            )


def _reload(row: Row) -> Reload:
    return Reload(
        row["at"],
        row["trigger"],
        row["staff_id"],
        bool(row["accepted"]),
        json.loads(row["problems"]),
    )
