"""`kocca-bot erase` of a staff member's id (a final review s63, L2): an id in ADMIN_IDS copied
by mistake (the "Ditangani" or a note's author in /lead) erased a colleague as a "talent",
unsaid, recorded as talent_erased. Now refused unless --staff-member says so; with it, the
prompt, the report and the audit log (staff_erased) say it is a staff member.

Each command runs as its own process (run with PYTHONPATH=<checkout> to test a worktree)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.emulator import EmulatedChat
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.processes import call_cli, clean_env, run_cli


def _env(folder: Path, database: Path) -> dict[str, str]:
    return clean_env(
        folder,
        BOT_TOKEN="1:x",
        DATABASE_PATH=str(database),
        STAFF_CHAT_ID=str(STAFF_CHAT_ID),
        ADMIN_IDS=str(ADMIN_ID),
    )


def _users(database: Path, user_id: int) -> int:
    with sqlite3.connect(database) as db:
        found = db.execute("SELECT count(*) FROM users WHERE user_id = ?", (user_id,)).fetchone()
    return int(found[0])


async def test_a_staff_member_s_id_is_refused_unless_said_and_then_recorded_as_staff(
    bot: Harness, staff_chat: EmulatedChat, tmp_path: Path
) -> None:
    admin = bot.emulator.user(ADMIN_ID, first_name="Ari", language_code="id")
    await bot.send(admin, "/start")
    await bot.stop()
    env = _env(tmp_path, bot.database)
    assert _users(bot.database, ADMIN_ID) == 1

    for typed in ([], ["--yes"]):
        code, out, err = call_cli(tmp_path, env, "erase", "--user-id", str(ADMIN_ID), *typed)
        assert code == 1, out + err
        assert f"Telegram user {ADMIN_ID} is a staff member (in ADMIN_IDS), not a talent" in err
        assert "--staff-member" in err
        assert _users(bot.database, ADMIN_ID) == 1
    code, out, _ = call_cli(tmp_path, env, "erase", "--help")
    assert "--staff-member" in out and "copied by mistake" in " ".join(out.split())

    # Said on purpose: the prompt and the report name a staff member; the audit staff_erased.
    code, out, err = await run_cli(
        tmp_path, env, "erase", "--user-id", str(ADMIN_ID), "--staff-member", stdin=b"yes\n"
    )
    assert code == 0, err
    assert f"about Telegram user {ADMIN_ID}, a staff member (in ADMIN_IDS)," in out
    assert f"Erased Telegram user {ADMIN_ID}, a staff member (in ADMIN_IDS)," in out
    assert "Recorded in the audit log as staff_erased" in out
    assert _users(bot.database, ADMIN_ID) == 0
    code, audit, _ = await run_cli(tmp_path, env, "audit", "--changes")
    assert [line for line in audit.splitlines() if "talent_erased" in line] == []
    assert len([line for line in audit.splitlines() if "staff_erased" in line]) == 1
