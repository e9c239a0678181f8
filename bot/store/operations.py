"""What operations read and record: backups made, and the facts `kocca-bot status` shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.store.db import Database, utc_now


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

    async def last_backups(self) -> tuple[BackupRecord | None, BackupRecord | None]:
        """The last successful backup and the last attempt (which may have failed)."""
        columns = "kind, finished_at, ok, path, size_bytes, talents, leads, error"
        good = await self._db.fetch_one(
            f"SELECT {columns} FROM backups WHERE ok = 1 ORDER BY finished_at DESC LIMIT 1"  # noqa: S608
        )
        last = await self._db.fetch_one(
            f"SELECT {columns} FROM backups ORDER BY finished_at DESC LIMIT 1"  # noqa: S608
        )
        return _record(good), _record(last)

    async def inbox(self) -> tuple[int, str | None, str | None]:
        """Updates waiting, when the oldest of them arrived, when the last one was done."""
        waiting = await self._db.fetch_one(
            "SELECT COUNT(*) AS n, MIN(received_at) AS oldest FROM update_inbox"
            " WHERE status = 'pending'"
        )
        done = await self._db.fetch_value(
            "SELECT MAX(finished_at) FROM update_inbox WHERE status != 'pending'"
        )
        assert waiting is not None
        return int(waiting["n"]), waiting["oldest"], done

    async def count_by_status(self, table: str, column: str = "status") -> dict[str, int]:
        """Rows of a table by status, or {} when this database has no such table.

        For tables other features add (reminders): read only if they exist. `table` and
        `column` come from this code, never from input.
        """
        exists = await self._db.fetch_value(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        )
        if not exists:
            return {}
        rows = await self._db.fetch_all(
            f"SELECT {column} AS status, COUNT(*) AS n FROM {table} GROUP BY {column}"  # noqa: S608
        )
        return {str(row["status"]): int(row["n"]) for row in rows}

    async def next_scheduled(self) -> str | None:
        """When the next scheduled broadcast is due."""
        value = await self._db.fetch_value(
            "SELECT MIN(send_at) FROM broadcasts WHERE status = 'queued' AND send_at IS NOT NULL"
        )
        return None if value is None else str(value)


def _record(row: object) -> BackupRecord | None:
    if row is None:
        return None
    values = dict(row)  # type: ignore[call-overload]
    values["ok"] = bool(values["ok"])
    return BackupRecord(**values)
