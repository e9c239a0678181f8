"""`kocca-bot backup` and `restore` count talents as /stats does, and say who was left out
(a staff review s64, L7): run with a .env whose ADMIN_IDS lacked the admin, backup said
"16 talents" where /stats said 15, the 16th Mbak Tika herself, who had used /lead and /stats."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import FILMMAKER, MUSICIAN, apply
from tests.processes import clean_env, run_cli

NOTE = (
    "Note: 1 of these talents acted as staff (in the audit log) but is not in ADMIN_IDS here;"
    " /stats leaves out ADMIN_IDS, so with the bot's ADMIN_IDS it counts fewer talents."
)


async def test_backup_and_restore_name_the_staff_apart_from_the_talents(
    make_bot: Callable[..., Any], database: Path, tmp_path: Path
) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}))
    tika = bot.user(user_id=ADMIN_ID, first_name="Tika")
    await apply(bot, bot.user(first_name="Sarinah"), MUSICIAN)
    await apply(bot, bot.user(first_name="Budiman"), FILMMAKER)
    await bot.send(tika, "/lead KOC-000001")  # staff at work: a users row, an audit entry
    [report, _] = await bot.send(tika, "/stats")
    assert "Orang yang mulai chat: 2" in report.text

    # The operator's shell without the bot's ADMIN_IDS: Tika counted, and named as staff.
    env = clean_env(tmp_path, BOT_TOKEN="1:x", DATABASE_PATH=str(database))
    backup = tmp_path / "move.db"
    code, out, err = await run_cli(tmp_path, env, "backup", "--output", str(backup))
    assert code == 0, err
    assert ", 3 talents, 2 leads, integrity ok, " in out
    assert out.splitlines()[1] == NOTE

    # With the bot's ADMIN_IDS, /stats' number, and the staff member said apart.
    await bot.stop()
    env["ADMIN_IDS"] = str(ADMIN_ID)
    code, out, err = await run_cli(tmp_path, env, "restore", str(backup))
    assert code == 0, err
    assert f"Restored {database}: 2 talents (and 1 staff member, ADMIN_IDS), 2 leads." in out
    assert "Note:" not in out
