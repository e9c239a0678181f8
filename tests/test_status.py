"""`kocca-bot status`, /healthz in webhook mode, and the running bot's daily backup."""

from __future__ import annotations

import asyncio
import json
import random
import re
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.emulator import BotAPIEmulator
from bot.ops.alerts import StaffAlerts
from bot.ops.backup import DailyBackup
from bot.ops.status import (
    HEALTH_CACHE_SECONDS,
    HealthCheck,
    read_status,
)
from bot.store import Store
from bot.store.operations import LAST_PROCESSED
from bot.store.privacy import PURGE_LOG, PURGE_PROCESSED
from tests.conftest import STAFF_CHAT_ID
from tests.harness import Harness, shared_reads, webhook_bot
from tests.leads import Seed, realistic, seeded
from tests.processes import BotProcess, call_cli, clean_env


def _waiting_update(database: Path, minutes_ago: float) -> None:
    """An update stored but not processed, as a bot that died would leave it."""
    received = (datetime.now(UTC) - timedelta(minutes=minutes_ago)).isoformat()
    with sqlite3.connect(database) as db:
        db.execute(
            "INSERT INTO update_inbox (update_id, payload, sequence_key, received_at)"
            " VALUES (424242, '{}', 'user:1', ?)",
            (received,),
        )


def _problems_printed(text: str) -> list[str]:
    """The problems as `kocca-bot status` prints them (none when it says Healthy.), each with
    the next step under it, as doctor gives a failed check its fix (a staff review s65,
    finding 3: "no bot is running on this database" and nothing more)."""
    lines = text.splitlines()
    if "Problems:" not in lines:
        return []
    listed = lines[lines.index("Problems:") + 1 :]
    problems, fixes = listed[0::2], listed[1::2]
    assert len(problems) == len(fixes), text
    assert all(problem.startswith("  - ") for problem in problems), text
    assert all(fix.startswith("    fix: ") and len(fix) > 20 for fix in fixes), text
    return [problem.removeprefix("  - ") for problem in problems]


async def _status(bot: BotProcess) -> tuple[int, str, dict[str, Any]]:
    """`kocca-bot status` as text and as JSON, which must tell the same: exit status,
    verdict and problems. In this process (`BotProcess.call`): the bot is the process here."""
    code, text, err = await bot.call("status")
    json_code, out, _ = await bot.call("status", "--json")
    facts = json.loads(out)
    assert code == json_code == (0 if facts["healthy"] else 1), err
    assert _problems_printed(text) == facts["problems"]
    assert ("Healthy." in text.splitlines()) is facts["healthy"]
    return code, text, facts


async def test_status_tells_whether_a_bot_runs_what_waits_and_how_the_last_backup_went(
    served: tuple[BotAPIEmulator, str], tmp_path: Path
) -> None:
    emulator, url = served
    bot = BotProcess(emulator, url, tmp_path)
    await bot.start()
    sari = emulator.user(first_name="Sari")
    await bot.wait_done(sari.send("/start")["update_id"])
    code, text, facts = await _status(bot)
    assert bot.process is not None
    assert code == 0
    assert f"Bot: running (pid {bot.process.pid})" in text
    assert facts["bot_running"] is True and facts["bot_pid"] == bot.process.pid
    # In WIB and in words, like the rest of the command line: "2026-12-03 21:04 WIB (3 s ago)".
    assert re.search(r"Last update processed: 20\d\d-\d\d-\d\d \d\d:\d\d WIB \(\d+ s ago\)", text)
    assert "Stage messages to talents: none" in text
    assert await bot.stop() == 0

    # No bot: a dead bot in polling mode has nothing waiting, and is still a problem.
    code, text, facts = await _status(bot)
    assert code == 1
    assert "Bot: NOT running" in text and "Inbox: no update waiting" in text
    assert facts["problems"] == ["no bot is running on this database"]
    assert "\n    fix: start it: systemctl start kocca-bot (or kocca-bot run)" in text

    # A stage message queued from the command line shows, waiting for a bot to send it.
    talent = emulator.user(first_name="Budi")
    talent.started = True
    [reference] = await seeded(bot.database, [Seed(talent.id, realistic(random.Random(1)))])
    code, _, err = await bot.call("lead", reference, "--stage", "shortlist", "--notify")
    assert code == 0, err
    # And a backup refused because its file exists was not attempted: nothing recorded.
    existing = tmp_path / "taken.db"
    existing.write_text("someone's file")
    code, _, err = await bot.call("backup", "--output", str(existing))
    assert code == 2 and "already exists" in err
    assert existing.read_text() == "someone's file"
    code, text, facts = await _status(bot)
    assert "Stage messages to talents: 1 pending" in text
    assert facts["stage_messages"] == {"pending": 1}
    assert "Last backup: never" in text and facts["last_backup_ok"] is None
    assert facts["problems"] == ["no bot is running on this database"]

    # A backup that fails is a problem until one succeeds, in the text as in the JSON.
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    code, _, _ = await bot.call("backup", "--output", str(blocker / "copy.db"))
    assert code == 1
    mark = talent.mark()
    await bot.start()  # and the bot sends the stage message it found queued
    await talent.wait_for_messages(mark, timeout=30)
    code, text, facts = await _status(bot)
    assert code == 1
    assert "(the last attempt FAILED: " in text
    assert facts["problems"] == ["the last backup failed"]
    assert "\n    fix: the Last backup line says why; fix the cause, then run kocca-bot" in text
    assert facts["last_backup_error"]
    code, _, err = await bot.call("backup", "--output", str(tmp_path / "good.db"))
    assert code == 0, err
    await emulator.wait_until(
        lambda: bot.query("SELECT status FROM talent_updates") == [("sent",)],
        30,
        "the stage message to be marked sent",
    )
    code, text, facts = await _status(bot)
    assert code == 0 and facts["problems"] == []
    assert facts["stage_messages"] == {"sent": 1}
    assert facts["last_backup_ok"] is True and facts["last_backup_at"]
    assert await bot.stop() == 0

    # Updates left waiting by a bot that died: how long, and nothing personal said.
    _waiting_update(bot.database, minutes_ago=12)
    code, text, facts = await _status(bot)
    assert facts["inbox_waiting"] == 1
    assert facts["oldest_waiting_seconds"] > 11 * 60
    assert facts["problems"] == [
        "no bot is running on this database",
        "the oldest waiting update is 12 minutes old",
    ]
    assert "\n    fix: the bot's log says what holds it up (journalctl -u kocca-bot)" in text
    printed = text + json.dumps(facts)
    for personal in (str(sari.id), "Sari", str(talent.id), "Budi", reference):
        assert personal not in printed


def test_status_without_a_database_says_so(tmp_path: Path) -> None:
    env = clean_env(tmp_path, BOT_TOKEN="1:x")
    code, out, _ = call_cli(tmp_path, env, "status")
    assert code == 1
    assert out.strip() == f"No database at {tmp_path / 'bot.db'}: the bot has never run here."


class _Clock:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_healthz_answers_at_most_50_a_second_however_many_ask(database: Path) -> None:
    """The documented pace, on a clock the test moves: time passes only while an answer waits
    its turn, so the count per second is exact, however slow the machine."""
    store = await Store.open(database)
    clock = _Clock()

    async def sleep(seconds: float) -> None:
        clock.now += seconds
        await asyncio.sleep(0)  # the others queue up meanwhile

    check = HealthCheck(store, clock, sleep=sleep)
    answered: list[float] = []

    async def ask() -> None:
        await check.answer()
        answered.append(clock.now)

    try:
        await ask()  # the database is read once; the burst is answered from that read
        await asyncio.gather(*(ask() for _ in range(150)))
    finally:
        await store.close()
    in_one_second = max(
        sum(1 for other in answered if start <= other < start + 1 - 1e-6) for start in answered
    )
    assert in_one_second == 50  # "at most 50 times a second" (docs/operations.md)
    assert answered == sorted(answered)  # in order of arrival, none ahead of its turn


async def test_a_burst_of_healthz_reads_the_database_once_per_interval(
    emulator: BotAPIEmulator, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = _Clock()
    async with webhook_bot(emulator, database, clock) as (runner, base):
        sari = emulator.user()
        mark = sari.mark()
        sari.send("/start")
        await sari.wait_for_messages(mark)
        await runner.wait_idle()
        reads: list[int] = []
        real_read = runner.store.ops.status_facts

        async def counted() -> Any:
            reads.append(1)
            return await real_read()

        monkeypatch.setattr(runner.store.ops, "status_facts", counted)
        url = f"{base}/healthz"
        async with aiohttp.ClientSession() as session:

            async def healthz() -> tuple[int, dict[str, Any]]:
                async with session.get(url) as response:  # no secret needed
                    return response.status, await response.json()

            burst = await asyncio.gather(*(healthz() for _ in range(50)))
            assert len(reads) == 1
            assert {code for code, _ in burst} == {200}
            facts = burst[0][1]
            assert facts["healthy"] is True and facts["bot_running"] is True
            assert facts["inbox_waiting"] == 0 and facts["last_processed_at"] is not None
            assert "last_backup_error" not in facts and "bot_pid" not in facts

            _waiting_update(database, minutes_ago=30)  # stored long ago, never processed
            clock.now += HEALTH_CACHE_SECONDS - 0.1
            for _ in range(20):  # still within the interval: the answer already read
                assert (await healthz())[0] == 200
            assert len(reads) == 1

            clock.now += 0.1
            burst = await asyncio.gather(*(healthz() for _ in range(50)))
            assert len(reads) == 2
            assert {code for code, _ in burst} == {503}
            facts = burst[0][1]
            assert facts["healthy"] is False
            assert facts["problems"] == ["the oldest waiting update is 30 minutes old"]


async def test_status_reads_on_a_connection_of_its_own_and_finds_the_last_update_by_index(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = await Store.open(database)
    try:
        reads = shared_reads(store, monkeypatch)
        status = await read_status(store)
        assert status.inbox_waiting == 0 and status.last_processed_at is None
        assert reads == []  # nothing queued on the reader talents' replies use
    finally:
        await store.close()
    with sqlite3.connect(database) as db:
        plan = " ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + LAST_PROCESSED))
    assert "update_inbox_finished" in plan


async def test_retention_deletes_in_small_batches_by_the_index_and_keeps_waiting_updates(
    database: Path,
) -> None:
    await (await Store.open(database)).close()
    now = datetime.now(UTC)

    def ago(days: float) -> str:
        return (now - timedelta(days=days)).isoformat(timespec="microseconds")

    # (update id, status, received, finished)
    rows = [
        (1, "done", ago(3), ago(3)),  # processed three days ago: deleted
        (2, "unparseable", ago(3), ago(3)),  # deleted too
        (3, "pending", ago(3), None),  # still waiting (a disk that was full): kept
        (4, "done", ago(3), ago(1)),  # received long ago, finished yesterday: kept
        (5, "done", ago(0.1), ago(0.1)),
        (6, "done", ago(5), ago(5)),
    ]
    lines = [(user_id, ago(days)) for user_id, days in [(7, 200), (7, 100), (8, 95), (8, 1)]]
    with sqlite3.connect(database) as db:
        db.executemany(
            "INSERT INTO update_inbox (update_id, payload, sequence_key, status, received_at,"
            " finished_at) VALUES (?, '{}', 'user:1', ?, ?, ?)",
            rows,
        )
        db.executemany(
            "INSERT INTO conversation_log (chat_id, user_id, direction, kind, text, created_at)"
            " VALUES (?1, ?1, 'in', 'text', 'halo', ?2)",
            lines,
        )
        plans = {
            sql: " ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, ("", 1)))
            for sql in (PURGE_PROCESSED, PURGE_LOG)
        }
    db.close()
    store = await Store.open(database)
    try:
        # Two rows a transaction: three old updates take two, three old lines two.
        deleted = await store.privacy.purge(ago(90), ago(400), ago(2), batch=2)
        left = [
            row["update_id"]
            for row in await store.db.fetch_all("SELECT update_id FROM update_inbox")
        ]
        log = await store.db.fetch_value("SELECT COUNT(*) FROM conversation_log")
    finally:
        await store.close()
    assert deleted["update_inbox"] == 3 and sorted(left) == [3, 4, 5]
    assert deleted["conversation_log"] == 3 and log == 1
    # Ranges of the indexes, not a pass over every row on the talents' loop.
    processed, log_lines = plans[PURGE_PROCESSED], plans[PURGE_LOG]
    assert "SEARCH update_inbox USING INDEX update_inbox_finished (finished_at<?)" in processed
    assert "conversation_log_created (created_at<?)" in log_lines


async def test_daily_backup_keeps_the_last_ones_private_and_alerts_once_on_failure(
    bot: Harness, tmp_path: Path
) -> None:
    alerts = StaffAlerts(bot.runner.application.bot, bot.runner.application.bot_data["services"])
    alert = alerts.backup_failed
    staff = bot.emulator.groups[STAFF_CHAT_ID]
    folder = tmp_path / "new" / "backups"
    daily = DailyBackup(bot.store, folder, keep=2, alert=alert, first_delay=0)
    made = [await daily.once() for _ in range(3)]
    assert all(result is not None for result in made)
    kept = sorted(folder.iterdir())
    names = [r.path.name for r in made[1:] if r]
    assert all(r.signed for r in made if r)  # each with its signature, deleted with it
    assert [path.name for path in kept] == sorted([*names, *(name + ".sig" for name in names)])
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in kept)
    last = await bot.store.ops.last_backup_attempt("daily")
    assert last is not None

    # The folder becomes unusable: one alert for the failed backup, and status shows it.
    folder.chmod(0o700)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    failing = DailyBackup(bot.store, blocked / "backups", keep=2, alert=alert, first_delay=0)
    assert await failing.once() is None
    [failed] = [m for m in staff.messages if m.text.startswith("⚠️ Cadangan harian")]
    assert "Bot mencoba lagi besok" in failed.text
    status = await read_status(bot.store)
    assert status.last_backup_ok is False and status.last_backup_at is not None
    assert status.problems == ["the last backup failed"]
