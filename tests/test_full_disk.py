"""A full disk: the bot holds what it cannot store, says so once, and answers everyone after.

Two ways to fill the disk while talents answer: SQLite's max_page_count on the running
bot's own connection (always runs), and a real, tiny file system (a tmpfs mounted for the
test, with a real `kocca-bot run` process on it; needs root).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
import subprocess
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.emulator import BotAPIEmulator, EmulatedUser
from bot.store import Database
from bot.texts import Text
from bot.transport import runner as runner_module
from tests.conftest import STAFF_CHAT_ID
from tests.harness import Harness, webhook_bot
from tests.leads import CONTENT
from tests.processes import BotProcess
from tests.walks import Step, replay, talent_walks

TALENTS = 8
UNLIMITED = 1_073_741_823  # SQLite's largest max_page_count


def _alerts(emulator: BotAPIEmulator, key: Text) -> list[str]:
    """The staff chat's messages that are this operations alert."""
    first_words = CONTENT.text(key, "id")[:20]
    staff = emulator.groups[STAFF_CHAT_ID]
    return [message.text for message in staff.messages if message.text.startswith(first_words)]


async def _until(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:  # noqa: ASYNC109
    """Wait for something no event announces (the store's state, another process)."""
    try:
        async with asyncio.timeout(timeout):
            while not condition():  # noqa: ASYNC110 - nothing to wait on but time
                await asyncio.sleep(0.01)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None


def _limit_pages(db: Database, pages: int) -> int:
    """Make the running bot's database unable to grow past `pages` (its writer connection)."""
    writer = db._writer  # the test reaches in: this is the connection every write goes through
    if pages == 0:
        pages = writer.execute("PRAGMA page_count").fetchone()[0]
    return int(writer.execute(f"PRAGMA max_page_count = {pages}").fetchone()[0])


class _Failures:
    """Counts the storage failures a running bot meets (its retries, while the disk is full)."""

    def __init__(self, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = db.health.failed

        def counted(error: BaseException) -> None:
            self.count += 1
            real(error)

        monkeypatch.setattr(db.health, "failed", counted)

    async def more(self, how_many: int, what: str) -> None:
        """Wait until the bot has failed `how_many` more writes: it has tried again."""
        target = self.count + how_many
        await _until(lambda: self.count >= target, what)


async def _walk_during_outage(
    talents: list[EmulatedUser],
    walk: list[Step],
    fill: Callable[[], object],
    full: Callable[[], bool],
    free: Callable[[], object],
    went_on: Callable[[], Awaitable[object]],
) -> list[EmulatedUser]:
    """Talents walk; the disk fills mid-way; more talents arrive; space returns; all finish.

    `went_on` waits until the outage has lasted long enough for a bot that wrongly answers
    without storing to have done so."""
    walking = [asyncio.create_task(replay(talent, walk, timeout=120)) for talent in talents]
    await _until(lambda: all(len(t.messages) >= 3 for t in talents), "talents mid-application")
    fill()
    await _until(full, "the bot to notice the full disk")
    stalled = sum(len(t.messages) for t in talents)
    late = [talents[0].emulator.user(first_name=f"Late{i}") for i in range(2)]
    walking += [asyncio.create_task(replay(talent, walk, timeout=120)) for talent in late]
    await went_on()  # the bot retries and must not say anything
    assert sum(len(t.messages) for t in talents) <= stalled + len(talents)
    assert not any(task.done() for task in walking)
    free()
    await asyncio.gather(*walking)
    return talents + late


async def test_full_database_holds_updates_and_answers_each_once_when_space_returns(
    bot: Harness, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    [walk, _] = await talent_walks()
    control = bot.user(first_name="Kontrol")
    await replay(control, walk)
    talents = [bot.user(first_name=f"Talenta{index}") for index in range(TALENTS)]
    db = bot.store.db
    db.health.quiet = 3.0  # the all-clear after 3 s without failures, not a minute
    # Retries at least every 2 s, below the 3 s quiet, as in production the backoff (at most
    # 60 s) never exceeds the quiet (60 s): a longer backoff on a loaded machine left 3 s
    # without a failure while the disk was still full, and the outage was logged twice.
    monkeypatch.setattr(runner_module, "MAX_STORAGE_BACKOFF", 2.0)
    failures = _Failures(db, monkeypatch)
    with caplog.at_level(logging.INFO):
        everyone = await _walk_during_outage(
            talents,
            walk,
            fill=lambda: _limit_pages(db, 0),
            full=lambda: not db.health.writable,
            free=lambda: _limit_pages(db, UNLIMITED),
            went_on=lambda: failures.more(3, "the bot to retry what it holds"),
        )
        await bot.runner.wait_idle()
        await _until(
            lambda: len(_alerts(bot.emulator, Text.OPS_STORAGE_BACK)) == 1, "the all-clear"
        )
    for talent in everyone:
        assert len(talent.messages) == len(control.messages), talent  # none lost, none twice
    submitted = await db.fetch_value("SELECT COUNT(*) FROM applications WHERE status='submitted'")
    assert submitted == len(everyone) + 1
    assert await db.fetch_value("SELECT COUNT(*) FROM update_inbox WHERE status='pending'") == 0
    outage = [r for r in caplog.records if "Cannot write to the database" in r.getMessage()]
    assert len(outage) == 1  # logged once, not once per update or retry
    assert "database or disk is full" in outage[0].getMessage()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR and r not in outage]
    [down] = _alerts(bot.emulator, Text.OPS_STORAGE_DOWN)
    [back] = _alerts(bot.emulator, Text.OPS_STORAGE_BACK)
    # Each carries its gist in English for staff who read English (the group is shared).
    assert down.endswith(
        "\nThe bot cannot write to its database; nothing is lost. Free up disk space on the server."
    )
    assert back.endswith("\nThe database can be written again.")


# --- a real file system ---------------------------------------------------------------------

DISK_SIZE = "6m"


@contextlib.contextmanager
def _tmpfs(folder: Path) -> Iterator[Path]:
    """A tmpfs of DISK_SIZE mounted on `folder`, or a skip saying why it cannot be."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; the max_page_count test covers the logic")
    folder.mkdir()
    mounted = subprocess.run(
        ["/bin/mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip()})")
    try:
        yield folder
    finally:
        subprocess.run(["/bin/umount", "-l", str(folder)], check=False)


def _fill(filler: Path) -> None:
    """Write until the file system has no space left."""
    with filler.open("wb", buffering=0) as file:
        chunk = b"\0" * 65536
        with contextlib.suppress(OSError):
            while True:
                file.write(chunk)
        with contextlib.suppress(OSError):
            while True:  # the last few bytes
                file.write(b"\0")


async def test_a_real_full_file_system_loses_nothing(
    served: tuple[BotAPIEmulator, str], tmp_path: Path
) -> None:
    emulator, url = served
    staff = emulator.group(STAFF_CHAT_ID, title="Staff")
    emulator.add_bot_to_group(staff, by=emulator.user(9001, first_name="Admin"))
    [walk, _] = await talent_walks()
    with _tmpfs(tmp_path / "disk") as disk:
        bot = BotProcess(
            emulator,
            url,
            disk,
            STAFF_CHAT_ID=str(STAFF_CHAT_ID),
            BACKUP_DIR="",
            FLOOD_LIMIT="100000",
        )
        await bot.start()
        try:
            control = emulator.user(first_name="Kontrol")
            await replay(control, walk)
            talents = [emulator.user(first_name=f"Talenta{index}") for index in range(TALENTS)]
            filler = disk / "filler"
            everyone = await _walk_during_outage(
                talents,
                walk,
                fill=lambda: _fill(filler),
                full=lambda: len(_alerts(emulator, Text.OPS_STORAGE_DOWN)) == 1,
                free=filler.unlink,
                # Another process: its retries are invisible from here, only time shows them.
                went_on=lambda: asyncio.sleep(1.5),
            )
            assert bot.process is not None and bot.process.returncode is None  # stayed up
            pending = "SELECT COUNT(*) FROM update_inbox WHERE status = 'pending'"
            await _until(lambda: bot.query(pending) == [(0,)], "every update processed")
        finally:
            code = await bot.stop()
            print(bot.stderr.decode()[-5000:])  # shown by pytest when the test fails
        assert code == 0
        log = bot.stderr.decode()
        for talent in everyone:
            assert len(talent.messages) == len(control.messages), (talent, log[-3000:])
        assert log.count("Cannot write to the database") == 1, log[-3000:]
        assert "Traceback" not in log, log[-3000:]
        submitted = bot.query("SELECT COUNT(*) FROM applications WHERE status='submitted'")
        assert submitted == [(len(everyone) + 1,)]
        assert len(_alerts(emulator, Text.OPS_STORAGE_DOWN)) == 1


async def test_webhook_mode_answers_503_until_it_can_store_then_answers_everyone(
    emulator: BotAPIEmulator, database: Path
) -> None:
    async with webhook_bot(emulator, database) as (runner, base):
        db = runner.store.db
        db.health.quiet = 0.5
        _limit_pages(db, 0)
        talents: list[EmulatedUser] = []
        # New talents arrive until the bot refuses a delivery it cannot store.
        while emulator.webhook.last_error_message is None:
            talent = emulator.user(first_name=f"Talenta{len(talents)}")
            talent.send("/start")
            talents.append(talent)
            await asyncio.sleep(0.05)
            assert len(talents) < 200, "the database never filled up"
        assert emulator.webhook.last_error_message.endswith("503 Service Unavailable")
        async with aiohttp.ClientSession() as session, session.get(f"{base}/healthz") as health:
            assert health.status == 503
            assert "the database cannot be written" in (await health.json())["problems"]
        _limit_pages(db, UNLIMITED)
        for talent in talents:
            await talent.wait_for_messages(0, timeout=60)
        await runner.wait_idle()
        for talent in talents:
            [greeting] = talent.messages  # answered once, after space returned
            assert greeting.text.startswith(f"Halo, {talent.first_name}!")


def _fill_to_the_last_page(db: Database) -> None:
    """Cap the database at its size and use up its free pages, as a full disk would."""
    writer = db._writer
    writer.execute("CREATE TABLE IF NOT EXISTS filler (junk BLOB)")
    _limit_pages(db, 0)
    with contextlib.suppress(sqlite3.OperationalError):
        while True:
            writer.execute("INSERT INTO filler VALUES (randomblob(2000))")


async def test_a_batch_retried_while_the_disk_is_full_counts_once_for_flood_control(
    make_bot: Callable[..., Any], caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot: Harness = await make_bot(flood_limit=5)
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/start")
    await bot.runner.wait_idle()
    db = bot.store.db
    failures = _Failures(db, monkeypatch)
    # The poll loop tries the batch again every second, not after 1, 2, then 4 s: what counts
    # is how many times it is tried, not how long apart.
    monkeypatch.setattr(runner_module, "MAX_STORAGE_BACKOFF", 1.0)
    _fill_to_the_last_page(db)
    mark = sari.mark()
    for _ in range(4):  # within the limit of 5: none may be dropped
        sari.send("/bantuan " + "tolong " * 500)  # too big for what is left in any page
    await _until(lambda: not db.health.writable, "the full disk to be noticed")
    await failures.more(2, "the poll loop to try the same batch twice more")
    assert sari.messages_since(mark) == []
    _limit_pages(db, UNLIMITED)
    await sari.wait_for_messages(mark, count=4, timeout=30)
    await bot.runner.wait_idle()
    assert len(sari.messages_since(mark)) == 4  # each answered once, none dropped as a flood
    assert not [r for r in caplog.records if "flooding" in r.getMessage()]
