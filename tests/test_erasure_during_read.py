"""An erasure while a long read holds an older snapshot (an attacker's review, session 57, M3):
the WAL kept the talent's data after the read had ended and after more traffic, nothing tried
again, and she waited 30 s (three scrubs of the busy timeout each) for her confirmation. The
WAL is emptied once the read ends, and she is told at once."""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

import pytest

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
