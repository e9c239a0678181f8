"""Backups taken while talents answer, restored through the real command line."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.emulator import BotAPIEmulator
from bot.store.audit import Actor
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import FILMMAKER, MUSICIAN, apply
from tests.processes import BotProcess, call_cli, clean_env, run_cli, run_cli_process
from tests.walks import Step, replay, talent_walks

# Enough that leads are submitted before, during and after the backup while the bot keeps
# answering (the /status loop below keeps it busy for as long as the backup takes); 50 took
# twice as long to walk and proved no more.
TALENTS = 25


def _references(database: Path) -> set[str]:
    with sqlite3.connect(database, timeout=10) as db:
        rows = db.execute("SELECT reference FROM applications WHERE status = 'submitted'")
        return {row[0] for row in rows}


async def test_backup_while_25_talents_answer_restores_every_lead_submitted_before_it(
    served: tuple[BotAPIEmulator, str], tmp_path: Path
) -> None:
    emulator, url = served
    walks = await talent_walks()
    bot = BotProcess(
        emulator, url, tmp_path, BACKUP_DIR=str(tmp_path / "backups"), FLOOD_LIMIT="100000"
    )
    await bot.start()
    users = [emulator.user(first_name=f"Talenta{index}") for index in range(TALENTS)]

    backed_up = asyncio.Event()

    async def talent(index: int) -> None:
        await asyncio.sleep(index * 0.1)  # they arrive over a few seconds, not all at once
        await replay(users[index], walks[index % len(walks)])
        while not backed_up.is_set():  # then keep the bot busy until the backup is written,
            await replay(users[index], [Step("send", "/status")])  # however slow it is

    walking = asyncio.gather(*(talent(index) for index in range(TALENTS)))
    while len(_references(bot.database)) < 5:  # noqa: ASYNC110 - another process's progress
        await asyncio.sleep(0.02)
    before = _references(bot.database)
    backup = tmp_path / "copy.db"
    replies = len(emulator.calls_to("sendMessage"))
    # A process of its own: the bot is answered through this test's loop meanwhile.
    code, out, err = await run_cli_process(bot.folder, bot.env, "backup", "--output", str(backup))
    answered_meanwhile = len(emulator.calls_to("sendMessage")) - replies
    backed_up.set()
    try:
        await walking
    finally:
        stopped = await bot.stop()  # even when an assertion fails: no process left behind
    assert code == 0, err
    assert answered_meanwhile > 0, "the bot answered no one while the backup was written"
    assert f"Backup written to {backup}" in out
    assert "integrity ok" in out
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    after = _references(bot.database)
    assert len(after) == TALENTS
    assert stopped == 0

    # A new server: the backup restored into an empty folder, then the bot started on it.
    new = tmp_path / "new-server"
    new.mkdir()
    shutil.copy2(tmp_path / "erasure.key", new / "erasure.key")  # it checks the signature
    env = clean_env(new, BOT_TOKEN=emulator.token, BOT_API_URL=url)
    code, out, err = call_cli(new, env, "restore", str(backup))
    assert code == 0, err
    restored = _references(new / "bot.db")
    assert before <= restored <= after
    leads = int(out.split(" leads")[0].rsplit(" ", 1)[-1])
    assert leads == len(restored)
    # The bot starts on it; updates the copy held unprocessed are processed, nothing is lost.
    moved = BotProcess(emulator, url, new)
    await moved.start()
    assert await moved.stop() == 0
    assert restored <= _references(new / "bot.db")


async def test_restore_refuses_while_a_bot_runs_and_works_after_kill_9(
    served: tuple[BotAPIEmulator, str], tmp_path: Path
) -> None:
    emulator, url = served
    bot = BotProcess(emulator, url, tmp_path)
    await bot.start()
    sari = emulator.user(first_name="Sari")
    update = sari.send("/start")
    await bot.wait_done(update["update_id"])
    backup = tmp_path / "before.db"
    code, _, err = await bot.call("backup", "--output", str(backup))
    assert code == 0, err
    budi = emulator.user(first_name="Budi")
    update = budi.send("/start")
    await bot.wait_done(update["update_id"])

    code, out, err = await bot.call("restore", str(backup))
    assert code == 1
    # As `erase` says it (a staff review s65, finding 4): not done, and how to stop the bot.
    assert bot.process is not None
    assert err.strip() == (
        f"Not restored: process {bot.process.pid} is running the bot (or a restore) on"
        f" {bot.database}. Stop the bot first (systemctl stop kocca-bot), restore, then start"
        " it again."
    )
    assert bot.query("SELECT COUNT(*) FROM users") == [(2,)]  # nothing was touched

    # A second bot on the same database is refused too (a process: `run` serves for good).
    code, _, err = await bot.cli("run")
    assert code == 1 and "Not starting" in err

    await bot.kill()  # the lock file stays; the lock does not
    code, out, err = await bot.call("restore", str(backup))
    assert code == 0, err
    assert bot.query("SELECT COUNT(*) FROM users") == [(1,)]
    [kept_db] = tmp_path.glob("bot.before-restore-*.db")  # noqa: ASYNC240 - a test's folder
    with sqlite3.connect(kept_db) as db:  # the database as it was, Budi included
        assert db.execute("SELECT COUNT(*) FROM users").fetchone() == (2,)
    assert f"kept as {kept_db}" in out
    await bot.start()
    assert await bot.stop() == 0


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    env = clean_env(tmp_path, BOT_TOKEN="1:x")
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"not a database at all" * 100)
    code, _, err = call_cli(tmp_path, env, "restore", str(bogus))
    assert code == 1
    assert "Not restored" in err
    assert not (tmp_path / "bot.db").exists()


async def test_backup_and_restore_count_talents_as_stats_does(
    make_bot: Callable[..., Any], database: Path, tmp_path: Path
) -> None:
    """A new operator's review s58, L5: `backup` said "6 talents" where /stats said 5, the
    sixth the admin who tried the bot: checking a restore against /stats gave two numbers."""
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}))
    admin = bot.user(user_id=ADMIN_ID, first_name="Staf")
    await bot.send(admin, "/start")  # staff, a Telegram user of the bot too
    await apply(bot, bot.user(first_name="Sarinah"), MUSICIAN)
    await apply(bot, bot.user(first_name="Budiman"), FILMMAKER)
    [report, _] = await bot.send(admin, "/stats")
    assert "Orang yang mulai chat: 2" in report.text
    backed_up, restored = await _backup_and_restore(bot, database, tmp_path)
    said = "2 talents (and 1 staff member, ADMIN_IDS), 2 leads"
    assert said in backed_up
    assert f"Restored {database}: {said}." in restored


async def _backup_and_restore(bot: Harness, database: Path, tmp_path: Path) -> tuple[str, str]:
    """`kocca-bot backup` while the bot runs, then `restore` of it once stopped (ADMIN_IDS
    set): what each says."""
    env = clean_env(tmp_path, BOT_TOKEN="1:x", DATABASE_PATH=str(database))
    env["ADMIN_IDS"] = str(ADMIN_ID)
    backup = tmp_path / "monday.db"
    code, backed_up, err = await run_cli(tmp_path, env, "backup", "--output", str(backup))
    assert code == 0, err
    await bot.stop()
    code, restored, err = await run_cli(tmp_path, env, "restore", str(backup))
    assert code == 0, err
    return backed_up, restored


async def test_backup_and_restore_count_no_lead_closed_as_a_duplicate_as_stats_does(
    make_bot: Callable[..., Any], database: Path, tmp_path: Path
) -> None:
    """The s58 close: `backup` said "3 leads" where /stats said 2 (+1 closed as a duplicate):
    checking a restore against /stats gave two numbers again."""
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}))
    admin = bot.user(user_id=ADMIN_ID, first_name="Staf")
    for name, answers in (("Sarinah", MUSICIAN), ("Budiman", FILMMAKER), ("Sari", MUSICIAN)):
        await apply(bot, bot.user(first_name=name), answers)
    assert await bot.store.duplicates.close_duplicate(3, 1, Actor.cli()) == "saved"
    [report, _] = await bot.send(admin, "/stats")
    assert "Pendaftaran terkirim: 2 (+1 duplikat ditutup" in report.text
    backed_up, restored = await _backup_and_restore(bot, database, tmp_path)
    said = "3 talents (and 1 staff member, ADMIN_IDS), 2 leads"
    assert said in backed_up
    assert f"Restored {database}: {said}." in restored


def test_a_file_that_is_no_database_and_a_database_path_that_is_wrong_say_what_to_check(
    tmp_path: Path, database: Path
) -> None:
    """What an operator reads for the two slips a staff review (s65, finding 4) made: not "copy
    failed" (a disk fault) for a file that is no backup at all, and the setting to check when
    there is no database where the command looked."""
    env = clean_env(tmp_path, DATABASE_PATH=str(database))
    before = database.read_bytes()
    registrations = tmp_path / "reg.txt"
    registrations.write_text("KOC-000001 Rara\n")
    code, _, err = call_cli(tmp_path, env, "restore", "--unsigned", str(registrations))
    assert code == 1
    assert err.strip() == (
        f"Not restored: {registrations} is not a database backup made by kocca-bot backup"
        " (file is not a database); nothing was changed"
    )
    assert database.read_bytes() == before
    left = {path.name for path in tmp_path.iterdir()} - {"kocca.db-wal", "kocca.db-shm"}
    assert left == {"kocca.db", "reg.txt"}  # no copy half made, no lock file

    missing = tmp_path / "missing.db"
    output = tmp_path / "copy.db"
    code, _, err = call_cli(
        tmp_path, env, "backup", "--database", str(missing), "--output", str(output)
    )
    assert code == 1
    assert err.strip() == (
        f"Backup failed: no database at {missing}. To fix it: check that DATABASE_PATH (or"
        " --database) names the bot's database file, and that this account may read and write"
        " it and its folder."
    )
    assert not missing.exists() and not output.exists()
