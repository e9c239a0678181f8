"""Many coroutines writing at once: each write is on disk when its transaction returns.

Transactions share commits (group commit); these tests check what that must never change:
a caller goes on only once its own writes are committed (another process sees them), a
failing transaction is undone alone, and reads never see what is not committed yet.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import Database

SCHEMA = "CREATE TABLE notes (id INTEGER PRIMARY KEY, author TEXT NOT NULL, text TEXT NOT NULL)"


@pytest.fixture
async def db(database: Path) -> AsyncIterator[Database]:
    opened = await Database.open(database, migrate=False)
    async with opened.transaction() as tx:
        await tx.execute(SCHEMA)
    yield opened
    await opened.close()


def _waiting_for_the_lock(db: Database, monkeypatch: pytest.MonkeyPatch) -> asyncio.Event:
    """Set once the database's BEGIN found the write lock held and waits for it in a thread."""
    waiting = asyncio.Event()
    real = db._in_thread  # the test reaches in: this is where the wait happens

    async def noticed(sql: str) -> None:
        if sql == "BEGIN IMMEDIATE":
            waiting.set()
        await real(sql)

    monkeypatch.setattr(db, "_in_thread", noticed)
    return waiting


def _seen_from_outside(database: Path, author: str) -> list[str]:
    """What another process (the CLI, an export) reads from the file now."""
    with sqlite3.connect(database) as outside:
        rows = outside.execute("SELECT text FROM notes WHERE author = ? ORDER BY id", (author,))
        return [text for (text,) in rows]


async def test_every_concurrent_writer_is_committed_when_its_transaction_returns(
    db: Database, database: Path
) -> None:
    async def writer(index: int) -> list[str]:
        author = f"talent-{index}"
        for step in range(3):
            async with db.transaction() as tx:
                await tx.execute(
                    "INSERT INTO notes (author, text) VALUES (?, ?)", (author, f"answer {step}")
                )
            await asyncio.sleep(0)
        return _seen_from_outside(database, author)

    seen = await asyncio.gather(*(writer(index) for index in range(40)))
    assert seen == [["answer 0", "answer 1", "answer 2"]] * 40
    assert await db.fetch_value("SELECT COUNT(*) FROM notes") == 120


async def test_a_failing_transaction_is_undone_alone(db: Database, database: Path) -> None:
    async def good(author: str) -> None:
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO notes (author, text) VALUES (?, 'kept')", (author,))
            await asyncio.sleep(0)  # the others queue up meanwhile, to share one commit

    async def bad() -> None:
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO notes (author, text) VALUES ('bad', 'undone')")
            raise ValueError("the handler failed half-way")

    results = await asyncio.gather(good("sari"), bad(), good("budi"), return_exceptions=True)
    assert [type(result).__name__ for result in results] == ["NoneType", "ValueError", "NoneType"]
    assert _seen_from_outside(database, "bad") == []
    assert _seen_from_outside(database, "sari") == ["kept"]
    assert _seen_from_outside(database, "budi") == ["kept"]


async def test_reads_see_only_committed_data(db: Database) -> None:
    inside = asyncio.Event()
    finish = asyncio.Event()

    async def slow_writer() -> None:
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO notes (author, text) VALUES ('sari', 'draft')")
            assert await tx.fetch_one("SELECT text FROM notes WHERE author = 'sari'") is not None
            inside.set()
            await finish.wait()

    task = asyncio.create_task(slow_writer())
    await inside.wait()
    query = "SELECT text FROM notes WHERE author = 'sari'"
    assert await db.fetch_one(query) is None
    assert db.lookup(query) == []
    finish.set()
    await task
    row = await db.fetch_one(query)
    assert row is not None
    assert row["text"] == "draft"
    assert [looked["text"] for looked in db.lookup(query)] == ["draft"]


async def test_a_transaction_that_fails_alone_in_its_commit_leaves_the_next_one_working(
    db: Database, database: Path
) -> None:
    async def clashing() -> None:
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO notes (author, text) VALUES ('sari', 'kept?')")
            await tx.execute("INSERT INTO notes (id, author, text) VALUES (1, 'x', 'clash')")

    with pytest.raises(sqlite3.IntegrityError):
        await clashing()
    async with db.transaction() as tx:
        await tx.execute("INSERT INTO notes (author, text) VALUES ('budi', 'after')")
    assert _seen_from_outside(database, "sari") == []
    assert _seen_from_outside(database, "budi") == ["after"]


async def test_a_transaction_waits_for_another_process_holding_the_lock(
    db: Database, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    waiting = _waiting_for_the_lock(db, monkeypatch)
    outside = sqlite3.connect(database, isolation_level=None)
    outside.execute("BEGIN IMMEDIATE")  # e.g. `kocca-bot purge` writing
    outside.execute("INSERT INTO notes (author, text) VALUES ('cli', 'first')")

    async def bot_writes() -> None:
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO notes (author, text) VALUES ('bot', 'second')")

    task = asyncio.create_task(bot_writes())
    await asyncio.wait_for(waiting.wait(), 10)
    assert not task.done()  # waiting for the lock, without blocking the event loop
    outside.execute("COMMIT")
    outside.close()
    await asyncio.wait_for(task, 10)
    rows = await db.fetch_all("SELECT author FROM notes ORDER BY id")
    assert [row["author"] for row in rows] == ["cli", "bot"]


@pytest.mark.parametrize("how", ["fails", "is cancelled"])
async def test_a_transaction_is_committed_when_the_one_after_it_fails_or_is_cancelled(
    db: Database, database: Path, how: str
) -> None:
    release = asyncio.Event()

    async def good() -> None:
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO notes (author, text) VALUES ('sari', 'kept')")
            await release.wait()

    async def next_one() -> None:
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO notes (author, text) VALUES ('budi', 'undone')")
            raise ValueError("the handler failed half-way")

    first = asyncio.create_task(good())
    await asyncio.sleep(0)
    second = asyncio.create_task(next_one())  # queued for the lock: the commit waits for it
    await asyncio.sleep(0)
    release.set()
    await asyncio.sleep(0)
    if how == "is cancelled":
        second.cancel()
    await asyncio.gather(second, return_exceptions=True)
    await asyncio.wait_for(first, 5)
    assert _seen_from_outside(database, "sari") == ["kept"]
    assert _seen_from_outside(database, "budi") == []
    with sqlite3.connect(database, timeout=1) as outside:  # the bot holds no write lock
        outside.execute("INSERT INTO notes (author, text) VALUES ('cli', 'purge ran')")


async def test_cancelled_while_waiting_for_another_process_leaves_no_lock_held(
    db: Database, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    waiting = _waiting_for_the_lock(db, monkeypatch)
    outside = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
    outside.execute("BEGIN IMMEDIATE")  # e.g. `kocca-bot purge` writing

    async def bot_writes() -> None:
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO notes (author, text) VALUES ('bot', 'never')")

    task = asyncio.create_task(bot_writes())
    await asyncio.wait_for(waiting.wait(), 10)
    task.cancel()  # e.g. the bot shutting down, while it waits
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, outside.execute, "COMMIT")
    with pytest.raises(asyncio.CancelledError):
        await task
    outside.close()
    async with db.transaction() as tx:  # the next transaction works as usual
        await tx.execute("INSERT INTO notes (author, text) VALUES ('bot', 'later')")
    assert _seen_from_outside(database, "bot") == ["later"]
    with sqlite3.connect(database, timeout=1) as cli:  # and nothing holds the write lock
        cli.execute("INSERT INTO notes (author, text) VALUES ('cli', 'after')")


async def test_an_urgent_transaction_goes_before_those_already_waiting(db: Database) -> None:
    """The update loop's write of new updates waits only for the transaction in progress."""
    order: list[str] = []
    holding, go_on = asyncio.Event(), asyncio.Event()

    async def write(name: str, *, urgent: bool = False, hold: bool = False) -> None:
        async with db.transaction(urgent=urgent) as tx:
            order.append(name)
            await tx.execute("INSERT INTO notes (author, text) VALUES (?, ?)", (name, "x"))
            if hold:
                holding.set()
                await go_on.wait()

    first = asyncio.create_task(write("first", hold=True))
    await holding.wait()
    waiting = [asyncio.create_task(write(f"handler {index}")) for index in range(3)]
    cancelled = asyncio.create_task(write("cancelled", urgent=True))
    urgent = asyncio.create_task(write("updates", urgent=True))
    for _ in range(5):  # every one of them is queued for the lock
        await asyncio.sleep(0)
    cancelled.cancel()
    go_on.set()
    await asyncio.gather(first, urgent, *waiting)
    assert order == ["first", "updates", "handler 0", "handler 1", "handler 2"]
    rows = await db.fetch_all("SELECT author FROM notes ORDER BY id")
    assert [row["author"] for row in rows] == order
