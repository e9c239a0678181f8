"""An erasure while a long read holds an older snapshot (an attacker's review, session 57, M3):
the WAL kept the talent's data after the read had ended and after more traffic, nothing tried
again, and she waited 30 s (three scrubs of the busy timeout each) for her confirmation. The
WAL is emptied once the read ends, and she is told at once."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from bot.store import Database
from bot.store import db as db_module
from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, shown
from tests.subscribers import WAIT_TIMEOUT, wait_until
from tests.test_erasure import traces_in_files, traces_in_tables

TALENT_ID = 5_839_204_117
TRACES = ["Sari Dewi Lestari", "sari.dewi@example.com", "Hujan di Braga", "sarimonsoons"]


async def _erase(bot: Harness, sari: Any) -> str:
    await bot.send(sari, "/hapusdata")
    await bot.press(sari, CONTENT.text(Text.BTN_CONFIRM_DELETE, "id"))
    return str(sari.last_message.text)


async def test_an_erasure_during_an_export_leaves_no_copy_once_the_read_ends(
    bot: Harness, staff_chat: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sari = bot.user(user_id=TALENT_ID, first_name="Sarinah")
    await apply(bot, sari, MUSICIAN)
    other = bot.user(first_name="Budi")
    await bot.send(other, "/start")
    # Another process holding the lock could keep a checkpoint waiting this long: the
    # talent's confirmation waits for none of it.
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 3_600_000)
    async with bot.store.db.snapshot() as view:  # an export, another talent's /dataku copy
        assert await view.fetch_value("SELECT count(*) FROM answers") > 0
        async with asyncio.timeout(WAIT_TIMEOUT):  # a generous bound, not a timing assertion
            said = await _erase(bot, sari)
        assert said.startswith(shown(Text.DELETE_DONE))
        assert traces_in_tables(bot.database, TRACES) == []
    # The read is over: her data is in no database file, without waiting for anything else.
    assert traces_in_files(bot.database, TRACES) == []
    for number in range(3):
        await bot.send(other, f"halo {number}")
    assert traces_in_files(bot.database, TRACES) == []


async def test_a_read_in_another_process_is_waited_for_in_the_background(
    bot: Harness, staff_chat: Any
) -> None:
    """The command line's export reads on a connection of its own: the bot tries again (not
    at the next daily purge, a minute after the start and then a day later)."""
    job_queue = bot.runner.application.job_queue
    assert job_queue is not None
    for job in job_queue.get_jobs_by_name("retention"):
        job.schedule_removal()
    sari = bot.user(user_id=TALENT_ID, first_name="Sarinah")
    await apply(bot, sari, MUSICIAN)
    export = sqlite3.connect(bot.database, isolation_level=None)
    try:
        export.execute("BEGIN")
        assert export.execute("SELECT count(*) FROM answers").fetchone()[0] > 0
        said = await _erase(bot, sari)
        assert said.startswith(shown(Text.DELETE_DONE))
        assert traces_in_files(bot.database, TRACES) != []  # the WAL is what the export reads
    finally:
        export.execute("ROLLBACK")
        export.close()

    async def emptied() -> bool:
        return traces_in_files(bot.database, TRACES) == []

    await wait_until(emptied)
    assert traces_in_tables(bot.database, TRACES) == []


class _OutsideRead:
    """A read transaction in another process (the CLI's export, a backup), ended on demand;
    its connection stays open until `close` (the last connection's close would empty the WAL
    by itself)."""

    def __init__(self, database: Path) -> None:
        program = (
            "import sqlite3, sys\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN'); c.execute('SELECT count(*) FROM notes').fetchone()\n"
            "print('reading', flush=True)\n"
            "sys.stdin.readline(); c.execute('ROLLBACK'); print('ended', flush=True)\n"
            "sys.stdin.readline(); c.close()\n"
        )
        self._process = subprocess.Popen(
            [sys.executable, "-c", program, str(database)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def started(self) -> str:
        assert self._process.stdout is not None
        return self._process.stdout.readline().strip()

    def end(self) -> None:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write("\n")
        self._process.stdin.flush()
        assert self._process.stdout.readline().strip() == "ended"

    def close(self) -> None:
        self._process.communicate("\n\n", timeout=WAIT_TIMEOUT)


async def _erased_during_outside_read(database: Path) -> tuple[Database, _OutsideRead]:
    """A talent's rows written, a read begun in another process, the rows deleted: the
    WAL still holds them, and the first try to empty it failed."""
    db = await Database.open(database, migrate=False)
    async with db.transaction() as tx:
        await tx.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        await tx.execute_many("INSERT INTO notes (text) VALUES (?)", [(t,) for t in TRACES])
    reader = _OutsideRead(database)
    assert await asyncio.to_thread(reader.started) == "reading"
    async with db.transaction() as tx:
        await tx.execute("DELETE FROM notes")
    assert not await db.scrub()
    return db, reader


def _tries(monkeypatch: pytest.MonkeyPatch) -> list[threading.Event]:
    """Each try at emptying the WAL, as it starts (an event set when it has)."""
    tries: list[threading.Event] = []
    real = db_module._checkpoint

    def counted(path: Path, wait_ms: int) -> bool:
        started = threading.Event()
        tries.append(started)
        started.set()
        return real(path, wait_ms)

    monkeypatch.setattr(db_module, "_checkpoint", counted)
    return tries


async def test_reads_in_the_bot_during_a_read_of_another_process_do_not_hold_its_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attacker's review 2, L3: while the CLI's export read, each of the bot's own short
    reads (exports, the Menunggu list, /stats) tried to empty the WAL at its end, and each try
    held the write lock up to a second: talents' answers waited up to 3 s. The retry in the
    background tries, after its pauses; the ends of those reads do not."""
    monkeypatch.setattr(db_module, "SCRUB_PAUSES", (3600.0, 3600.0))  # the retry: not now
    tries = _tries(monkeypatch)
    db, reader = await _erased_during_outside_read(tmp_path / "bot.db")
    try:
        assert len(tries) == 1  # the erasure's own try
        for _ in range(5):
            async with db.snapshot() as view:
                erased = "SELECT count(*) FROM notes WHERE text != 'jawaban'"
                assert await view.fetch_value(erased) == 0
            async with db.transaction() as tx:
                await tx.execute("INSERT INTO notes (text) VALUES ('jawaban')")
        assert len(tries) == 1
        reader.end()
        assert not await db.scrub()  # the next erasure asks the retry: now it works
        await wait_until(lambda: asyncio.to_thread(_emptied, tmp_path / "bot.db"))
    finally:
        await db.close()
        reader.close()


async def test_closing_during_a_try_waits_for_it_and_then_the_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attacker's review 2, L3: closing while the retry's try waited for a read in another
    process cancelled the retry but not its try, and the last try that waits longer was refused
    at once by it: the WAL kept the deleted rows. It now waits for that try, then for the read."""
    monkeypatch.setattr(db_module, "SCRUB_PAUSES", (3600.0, 3600.0))
    tries = _tries(monkeypatch)
    database = tmp_path / "bot.db"
    db, reader = await _erased_during_outside_read(database)
    try:
        assert not await db.scrub()  # the retry tries now
        await wait_until(lambda: _started(tries, 2))
        closing = asyncio.create_task(db.close())
        await wait_until(lambda: _started(tries, 3))  # the last try, waiting longer
        reader.end()
        async with asyncio.timeout(WAIT_TIMEOUT):
            await closing
        assert _emptied(database)
    finally:
        await db.close()
        reader.close()


async def _started(tries: list[threading.Event], count: int) -> bool:
    return len(tries) >= count and tries[count - 1].is_set()


def _emptied(database: Path) -> bool:
    wal = database.with_name(database.name + "-wal")
    return not wal.exists() or wal.stat().st_size == 0
