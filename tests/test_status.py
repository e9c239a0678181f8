"""`kocca-bot status`, /healthz in webhook mode, and the running bot's daily backup."""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp

from bot.emulator import BotAPIEmulator
from bot.ops.alerts import StaffAlerts
from bot.ops.backup import DailyBackup
from tests.conftest import STAFF_CHAT_ID
from tests.harness import Harness, webhook_bot
from tests.processes import clean_env, run_cli


def _waiting_update(database: Path, minutes_ago: float) -> None:
    """An update stored but not processed, as a bot that died would leave it."""
    received = (datetime.now(UTC) - timedelta(minutes=minutes_ago)).isoformat()
    with sqlite3.connect(database) as db:
        db.execute(
            "INSERT INTO update_inbox (update_id, payload, sequence_key, received_at)"
            " VALUES (424242, '{}', 'user:1', ?)",
            (received,),
        )


async def test_status_tells_a_stuck_inbox_and_a_missing_bot(
    make_bot: Callable[..., Any], database: Path, tmp_path: Path
) -> None:
    bot: Harness = await make_bot()
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/start")
    await bot.stop()
    env = clean_env(tmp_path, BOT_TOKEN="1:x", DATABASE_PATH=str(database))
    code, out, err = await run_cli(tmp_path, env, "status")
    assert code == 0, err
    assert "Bot: NOT running" in out
    assert "Inbox: 0 update(s) waiting" in out
    assert "Last update processed: 20" in out
    assert "Healthy." in out

    _waiting_update(database, minutes_ago=12)
    code, out, _ = await run_cli(tmp_path, env, "status", "--json")
    assert code == 1
    facts = json.loads(out)
    assert facts["inbox_waiting"] == 1
    assert facts["oldest_waiting_seconds"] > 11 * 60
    assert facts["healthy"] is False
    assert "updates are waiting and no bot is running" in facts["problems"]
    assert str(sari.id) not in out and "Sari" not in out  # counts and times, nothing personal


async def test_healthz_in_webhook_mode_answers_503_when_the_inbox_is_stuck(
    emulator: BotAPIEmulator, database: Path
) -> None:
    async with webhook_bot(emulator, database) as (runner, base):
        sari = emulator.user()
        mark = sari.mark()
        sari.send("/start")
        await sari.wait_for_messages(mark, timeout=10)
        await runner.wait_idle()
        async with aiohttp.ClientSession() as session:
            url = f"{base}/healthz"
            async with session.get(url) as response:  # no secret needed
                assert response.status == 200
                facts = await response.json()
            assert facts["healthy"] is True
            assert facts["bot_running"] is True
            assert facts["inbox_waiting"] == 0
            assert facts["last_processed_at"] is not None
            assert "last_backup_error" not in facts
            _waiting_update(database, minutes_ago=30)  # stored long ago, never processed
            async with session.get(url) as response:
                assert response.status == 503
                facts = await response.json()
            assert facts["healthy"] is False
            assert facts["problems"] == ["the oldest waiting update is 30 minutes old"]


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
    assert [path.name for path in kept] == sorted(r.path.name for r in made[1:] if r)
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
    good, attempt = await bot.store.ops.last_backups()
    assert good is not None and attempt is not None and not attempt.ok
