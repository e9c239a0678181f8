"""The SQLite connection: one writer, serialised transactions, migrations at open."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite

from bot.store.migrations import MIGRATIONS

log = logging.getLogger(__name__)

Row = aiosqlite.Row
Params = Sequence[Any] | dict[str, Any]


def utc_now() -> str:
    """The current time as stored: ISO 8601 in UTC with microseconds."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Database:
    """One aiosqlite connection shared by every coroutine of the process.

    SQLite allows one writer at a time; a lock makes each transaction atomic with
    respect to other coroutines, so two handlers never interleave statements.
    """

    def __init__(self, connection: aiosqlite.Connection, path: Path) -> None:
        self._conn = connection
        self._lock = asyncio.Lock()
        self.path = path

    @classmethod
    async def open(cls, path: Path | str, *, migrate: bool = True) -> Database:
        """Open (creating if needed) the database file and apply pending migrations."""
        path = Path(path)
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        connection = await aiosqlite.connect(str(path), isolation_level=None)
        connection.row_factory = aiosqlite.Row
        # WAL lets the CLI export while the bot writes; FULL makes a commit survive a power cut.
        await connection.execute("PRAGMA journal_mode=WAL")
        await connection.execute("PRAGMA synchronous=FULL")
        await connection.execute("PRAGMA foreign_keys=ON")
        await connection.execute("PRAGMA busy_timeout=10000")
        database = cls(connection, path)
        if migrate:
            await database.migrate()
        return database

    async def close(self) -> None:
        """Close the connection once every running transaction has finished."""
        async with self._lock:
            await self._conn.close()

    async def migrate(self) -> list[str]:
        """Apply the migrations this file has not seen yet, in order; return their names."""
        applied: list[str] = []
        async with self.transaction() as tx:
            await tx.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            rows = await tx.fetch_all("SELECT version FROM schema_migrations")
            done = {row["version"] for row in rows}
            for version, (name, script) in enumerate(MIGRATIONS, start=1):
                if version in done:
                    continue
                for statement in _statements(script):
                    await tx.execute(statement)
                await tx.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, utc_now()),
                )
                applied.append(name)
        for name in applied:
            log.info("Applied database migration %s", name)
        return applied

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        """A write transaction: committed on success, rolled back on any error."""
        async with self._lock:
            await self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield Transaction(self._conn)
            except BaseException:
                await self._conn.execute("ROLLBACK")
                raise
            await self._conn.execute("COMMIT")

    async def fetch_all(self, sql: str, params: Params = ()) -> list[Row]:
        """Run one read query outside any open transaction."""
        async with self._lock, self._conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetch_one(self, sql: str, params: Params = ()) -> Row | None:
        """Run one read query and return its first row."""
        async with self._lock, self._conn.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def fetch_value(self, sql: str, params: Params = ()) -> Any:
        """Run one read query and return the first column of its first row."""
        row = await self.fetch_one(sql, params)
        return None if row is None else row[0]

    @asynccontextmanager
    async def stream(
        self, sql: str, params: Params = (), batch: int = 500
    ) -> AsyncIterator[AsyncIterator[Row]]:
        """Read a large result in batches, on a connection of its own (exports)."""
        async with aiosqlite.connect(str(self.path)) as reader:
            reader.row_factory = aiosqlite.Row
            async with reader.execute(sql, params) as cursor:

                async def rows() -> AsyncIterator[Row]:
                    while chunk := await cursor.fetchmany(batch):
                        for row in chunk:
                            yield row

                yield rows()


class Transaction:
    """Statements inside one open transaction."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._conn = connection

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; return the last inserted row id."""
        async with self._conn.execute(sql, params) as cursor:
            return cursor.lastrowid or 0

    async def execute_rowcount(self, sql: str, params: Params = ()) -> int:
        """Run one statement; return how many rows it changed."""
        async with self._conn.execute(sql, params) as cursor:
            return cursor.rowcount

    async def execute_many(self, sql: str, rows: Iterable[Params]) -> None:
        """Run one statement for each parameter set."""
        await self._conn.executemany(sql, rows)

    async def fetch_all(self, sql: str, params: Params = ()) -> list[Row]:
        """Read inside the transaction (sees its own writes)."""
        async with self._conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetch_one(self, sql: str, params: Params = ()) -> Row | None:
        """Read one row inside the transaction."""
        async with self._conn.execute(sql, params) as cursor:
            return await cursor.fetchone()


def _statements(script: str) -> list[str]:
    """Split a migration script on semicolons (migrations hold no string literals with ';')."""
    return [part.strip() for part in script.split(";") if part.strip()]
