"""`kocca-bot erase` says in its audit entry what it said to the operator about the staff
notice (a review s63, L5: with no STAFF_CHAT_ID it printed "tell the team yourself", and the
audit recorded `staff_told=True`).

Each command runs as its own process (run with PYTHONPATH=<checkout> to test a worktree)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.emulator import EmulatedChat
from tests.conftest import STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import FILMMAKER, MUSICIAN, apply
from tests.processes import clean_env, run_cli


async def _audited(folder: Path, env: dict[str, str], database: Path) -> str:
    with sqlite3.connect(database) as db:
        query = "SELECT subject_hash FROM erasures ORDER BY rowid DESC LIMIT 1"  # the latest
        [(record,)] = db.execute(query).fetchall()
    code, audit, err = await run_cli(folder, env, "audit", "--lead", record)
    assert code == 0, err
    [line] = [line for line in audit.splitlines() if "talent_erased" in line]
    return line


async def test_the_audit_says_staff_were_told_only_when_a_staff_chat_is_told(
    bot: Harness, staff_chat: EmulatedChat, tmp_path: Path
) -> None:
    assert await apply(bot, bot.user(first_name="Yohana"), MUSICIAN) == "KOC-000001"
    assert await apply(bot, bot.user(first_name="Budiman"), FILMMAKER) == "KOC-000002"
    await bot.stop()
    database = bot.database

    # No staff chat: the operator is told to tell the team; the audit says nobody was told.
    alone = clean_env(tmp_path, BOT_TOKEN="1:x", DATABASE_PATH=str(database))
    code, out, err = await run_cli(tmp_path, alone, "erase", "KOC-000001", "--yes", "--by", "Bayu")
    assert code == 0, err
    assert "No staff chat (STAFF_CHAT_ID is not set): tell the team yourself" in out
    line = await _audited(tmp_path, alone, database)
    assert "staff_told=False" in line and "staff_notice=operator" in line, line

    # A staff chat: told there when the bot starts; the audit says so.
    told = clean_env(
        tmp_path, BOT_TOKEN="1:x", DATABASE_PATH=str(database), STAFF_CHAT_ID=str(STAFF_CHAT_ID)
    )
    code, out, err = await run_cli(tmp_path, told, "erase", "KOC-000002", "--yes", "--by", "Bayu")
    assert code == 0, err
    assert "The staff chat is told which references to clean up" in out
    line = await _audited(tmp_path, told, database)
    assert "staff_told=True" in line and "staff_notice=queued" in line, line
