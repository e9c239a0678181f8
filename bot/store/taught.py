"""Phrasings staff taught the bot: a way talents ask, and the entry that answers it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.store.audit import Actor, Audit
from bot.store.db import Database, Row, utc_now

MOST = 1000  # taught phrasings kept at most: each one is indexed at start-up and every reload


class Refused(StrEnum):
    """Why a phrasing was not kept."""

    ALREADY = "already"  # the same words for the same entry
    FULL = "full"  # MOST are kept: remove some first


@dataclass(frozen=True, slots=True)
class Taught:
    """One taught phrasing, as the Stats tab lists it."""

    id: int
    entry: str  # faq:<key> or program:<key>
    text: str
    taught_by: str | None  # the staff member's name then; None once they were erased
    taught_at: str  # UTC ISO


class TaughtPhrasings:
    """What staff taught the bot on the workspace's Stats tab (bot/web/teach.py)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def all(self) -> list[Taught]:
        """Every taught phrasing, the newest first."""
        rows = await self._db.fetch_all(
            "SELECT id, entry, text, taught_by, taught_at FROM taught_phrasings ORDER BY id DESC"
        )
        return [_taught(row) for row in rows]

    async def pairs(self) -> list[tuple[str, str]]:
        """Every taught phrasing as the matcher indexes it: (entry, text)."""
        rows = await self._db.fetch_all("SELECT entry, text FROM taught_phrasings ORDER BY id")
        return [(row["entry"], row["text"]) for row in rows]

    async def add(self, actor: Actor, entry: str, text: str, by: str) -> Taught | Refused:
        """Keep a phrasing for an entry, unless it was taught already or MOST are kept;
        recorded in the audit log (`phrasing_taught`) if kept."""
        async with self._db.transaction() as tx:
            count = await tx.fetch_one("SELECT COUNT(*) AS n FROM taught_phrasings")
            if count is not None and count["n"] >= MOST:
                return Refused.FULL
            at = utc_now()
            new = await tx.insert(
                "INSERT INTO taught_phrasings (entry, text, taught_by_id, taught_by, taught_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (entry, text) DO NOTHING",
                (entry, text, actor.user_id, by, at),
            )
            if new is not None:
                await Audit.add_in(tx, actor, "phrasing_taught", entry=entry, text=text)
        return Refused.ALREADY if new is None else Taught(new, entry, text, by, at)

    async def remove(self, actor: Actor, taught_id: int) -> Taught | None:
        """Forget one taught phrasing (`phrasing_removed` in the audit log); the one removed,
        or None if it was not there."""
        async with self._db.transaction() as tx:
            row = await tx.fetch_one(
                "SELECT id, entry, text, taught_by, taught_at FROM taught_phrasings WHERE id = ?",
                (taught_id,),
            )
            if row is None:
                return None
            await tx.execute("DELETE FROM taught_phrasings WHERE id = ?", (taught_id,))
            await Audit.add_in(tx, actor, "phrasing_removed", entry=row["entry"], text=row["text"])
        return _taught(row)


def _taught(row: Row) -> Taught:
    return Taught(row["id"], row["entry"], row["text"], row["taught_by"], row["taught_at"])
