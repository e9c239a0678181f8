"""What operations read and record: backups made, and the facts `kocca-bot status` shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.store.db import Database, Reader, utc_now


@dataclass(frozen=True, slots=True)
class BackupRecord:
    """One backup attempt, as recorded."""

    kind: str  # daily or manual
    finished_at: str
    ok: bool
    path: str
    size_bytes: int | None
    talents: int | None
    leads: int | None
    error: str | None


class Operations:
    """The backups table and the read-only facts of the bot's state."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def record_backup(
        self,
        kind: str,
        started_at: str,
        path: str,
        *,
        size_bytes: int | None = None,
        talents: int | None = None,
        leads: int | None = None,
        seconds: float | None = None,
        error: str | None = None,
    ) -> None:
        """Note one backup attempt (error set when it failed)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO backups (kind, started_at, finished_at, ok, path, size_bytes,"
                " talents, leads, seconds, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    kind,
                    started_at,
                    utc_now(),
                    int(error is None),
                    path,
                    size_bytes,
                    talents,
                    leads,
                    seconds,
                    error,
                ),
            )

    async def last_backup_attempt(self, kind: str) -> datetime | None:
        """When the last backup of this kind was started, successful or not."""
        value = await self._db.fetch_value(
            "SELECT MAX(started_at) FROM backups WHERE kind = ?", (kind,)
        )
        return None if value is None else datetime.fromisoformat(value)

    async def status_facts(self) -> StatusFacts:
        """Everything `kocca-bot status` and /healthz tell, from one snapshot.

        On a read connection and thread of its own: anyone may call /healthz, and these
        reads must never queue in front of the ones talents' replies need. Each is an
        index lookup or a count of a small table, whatever the size of the inbox.
        """
        async with self._db.snapshot() as view:
            waiting = await view.fetch_one(
                "SELECT COUNT(*) AS n, MIN(received_at) AS oldest FROM update_inbox"
                " WHERE status = 'pending'"
            )
            assert waiting is not None  # an aggregate always gives a row
            done = await view.fetch_value(LAST_PROCESSED)
            tables = {
                str(row["name"])
                for row in await view.fetch_all(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name IN ('broadcasts', 'reminders', 'talent_updates')"
                )
            }
            next_broadcast = await view.fetch_value(
                "SELECT MIN(send_at) FROM broadcasts"
                " WHERE status = 'queued' AND send_at IS NOT NULL"
            )
            good = await view.fetch_one(_BACKUPS + " WHERE ok = 1" + _NEWEST)
            last = await view.fetch_one(_BACKUPS + _NEWEST)
            return StatusFacts(
                waiting=int(waiting["n"]),
                oldest_waiting_at=waiting["oldest"],
                last_processed_at=done,
                broadcasts=await _by_status(view, "broadcasts", tables),
                next_broadcast_at=None if next_broadcast is None else str(next_broadcast),
                reminders=await _by_status(view, "reminders", tables),
                stage_messages=await _by_status(view, "talent_updates", tables),
                last_good_backup=_record(good),
                last_backup=_record(last),
            )


@dataclass(frozen=True, slots=True)
class StatusFacts:
    """What the bot's database says about its state (counts and times, nothing personal)."""

    waiting: int  # updates stored and not processed yet
    oldest_waiting_at: str | None
    last_processed_at: str | None
    broadcasts: dict[str, int]  # by status
    next_broadcast_at: str | None
    reminders: dict[str, int]  # by status ({} when the table does not exist)
    stage_messages: dict[str, int]  # talent updates (stage messages) by status
    last_good_backup: BackupRecord | None
    last_backup: BackupRecord | None  # the last attempt, which may have failed


# The newest entry of the partial index update_inbox_finished: one lookup, however many
# processed updates the inbox keeps (a scan of them all before: 84 ms at 400,000).
LAST_PROCESSED = "SELECT MAX(finished_at) FROM update_inbox WHERE status != 'pending'"
_BACKUPS = "SELECT kind, finished_at, ok, path, size_bytes, talents, leads, error FROM backups"
_NEWEST = " ORDER BY finished_at DESC LIMIT 1"
# Constant SQL per table: the table name is never a value from outside.
_BY_STATUS = {
    "broadcasts": "SELECT status, COUNT(*) AS n FROM broadcasts GROUP BY status",
    "reminders": "SELECT status, COUNT(*) AS n FROM reminders GROUP BY status",
    "talent_updates": "SELECT status, COUNT(*) AS n FROM talent_updates GROUP BY status",
}


async def _by_status(view: Reader, table: str, tables: set[str]) -> dict[str, int]:
    """Rows of a table by status, or {} when this database has no such table yet."""
    if table not in tables:
        return {}
    rows = await view.fetch_all(_BY_STATUS[table])
    return {str(row["status"]): int(row["n"]) for row in rows}


def _record(row: object) -> BackupRecord | None:
    if row is None:
        return None
    values = dict(row)  # type: ignore[call-overload]
    values["ok"] = bool(values["ok"])
    return BackupRecord(**values)
