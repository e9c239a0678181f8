"""rev-attack finding 1: a date at the edge of Python's range is not refused but crashes.

`start_of_day_utc` (bot/leads/export.py) turns a WIB midnight into UTC: for 0001-01-01 that
is a moment before year 1, and the workspace's "to" adds a day to 9999-12-31. Both raise
OverflowError, which no caller expects: a 500 with a traceback in the workspace, the error
apology and a staff alert in Telegram, a traceback from the command line.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded
from tests.processes import clean_env, run_cli
from tests.workspace import workspace


@pytest.mark.parametrize("chosen", [{"from": "0001-01-01"}, {"to": "9999-12-31"}])
async def test_finding_1_workspace_refuses_a_date_out_of_range_with_a_400(
    bot: Harness, chosen: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    async with workspace(bot, ADMIN_ID) as client:
        with caplog.at_level(logging.INFO):
            status, answer = await client.call("leads", {"filter": chosen})
    assert status == 400, answer  # seen: 500 {"error": "server"}
    assert "Traceback" not in caplog.text


async def test_finding_1_export_since_year_one_is_a_friendly_refusal(
    bot: Harness, staff_chat: Any
) -> None:
    admin = staff_chat.members[ADMIN_ID]
    await bot.send(admin, "/start")
    replies = await bot.send(admin, "/export since 01-01-0001")
    apology = CONTENT.text(Text.ERROR_APOLOGY, "id")
    assert all(message.text != apology for message in replies), "the bot crashed"
    assert not any("OverflowError" in message.text for message in staff_chat.messages)


async def test_finding_1_cli_export_since_year_one_says_so_in_one_line(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    code, _, err = await run_cli(tmp_path, env, "purge")  # creates the database
    assert code == 0, err
    output = str(tmp_path / "out.csv")
    code, _, err = await run_cli(
        tmp_path, env, "export", "--format", "csv", "--output", output, "--since", "0001-01-01"
    )
    assert "Traceback" not in err, err  # seen: OverflowError: date value out of range
    assert code == 2
