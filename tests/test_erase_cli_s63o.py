"""`kocca-bot erase`: the operator erases a talent whose request reached the team outside the
bot (a staff review s63, M3), as the talent's own /hapusdata does; and a refused restore
leaves no lock file behind it (the same review, L5).

Each command runs as its own process on the database the bot made (run with
PYTHONPATH=<checkout> to test a worktree's code).
"""

from __future__ import annotations

import getpass
import sqlite3
from pathlib import Path

from bot.emulator import EmulatedChat
from bot.ops.runlock import RunLock
from bot.texts import Text
from tests.conftest import STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import FILMMAKER, apply, opening
from tests.processes import call_cli, clean_env, run_cli
from tests.test_erasure import TRACES, talent_with_everything, traces_in_files, traces_in_tables

BUDI = ["Budi Santoso", "budi@rumahfilm.id"]


def _env(folder: Path, database: Path) -> dict[str, str]:
    return clean_env(
        folder, BOT_TOKEN="1:x", DATABASE_PATH=str(database), STAFF_CHAT_ID=str(STAFF_CHAT_ID)
    )


def _erasure_hashes(database: Path) -> list[str]:
    with sqlite3.connect(database) as db:
        return [row[0] for row in db.execute("SELECT subject_hash FROM erasures")]


async def test_erase_leaves_no_trace_and_is_recorded_and_told(
    bot: Harness, staff_chat: EmulatedChat, tmp_path: Path
) -> None:
    sari = await talent_with_everything(bot, staff_chat)  # KOC-000001, every kind of row
    budi = bot.user(first_name="Budiman")
    assert await apply(bot, budi, FILMMAKER) == "KOC-000002"
    await bot.stop()  # the operator stops the bot first
    env = _env(tmp_path, bot.database)

    code, out, err = await run_cli(tmp_path, env, "erase", "KOC-000001", "--yes", "--by", "Hendra")
    assert code == 0, err
    assert out.startswith("Erased the talent of KOC-000001 (1 registration: KOC-000001)")
    # Nothing of her anywhere: no table, no byte of the database, its WAL or its -shm.
    assert traces_in_tables(bot.database, TRACES) == []
    assert traces_in_files(bot.database, TRACES) == []
    # Nothing of her in what the operator reads either (the reference only).
    assert [trace for trace in TRACES if trace.casefold() in (out + err).casefold()] == []
    # The other talent is untouched.
    assert traces_in_tables(bot.database, BUDI)

    # The audit log: a command-line action, who ran it, about the erasure hash.
    [record] = _erasure_hashes(bot.database)
    assert f"kocca-bot audit --lead {record}" in out
    code, audit, err = await run_cli(tmp_path, env, "audit", "--changes", "--lead", record)
    assert code == 0, err
    [line] = [line for line in audit.splitlines() if "talent_erased" in line]
    assert " cli " in line and "run_by=Hendra" in line and "registrations=1" in line

    # The staff chat hears which reference to clean up, when the bot starts again.
    mark = staff_chat.mark()
    await bot.start()
    [notice] = await staff_chat.wait_for_messages(mark, 1)
    assert notice.text.startswith(opening(Text.PRIVACY_STAFF_ERASED))
    assert "KOC-000001" in notice.text and "KOC-000002" not in notice.text
    assert "Sarinah" not in notice.text and str(sari.id) not in notice.text
    # She is a new user if she writes again.
    [greeting] = await bot.send(sari, "/start")
    assert greeting.text.startswith("Halo, Sarinah!")


async def test_erase_refuses_without_confirmation_an_unknown_talent_and_a_running_bot(
    bot: Harness, staff_chat: EmulatedChat, tmp_path: Path
) -> None:
    budi = bot.user(first_name="Budiman")
    assert await apply(bot, budi, FILMMAKER) == "KOC-000001"
    pipit = bot.user(first_name="Pipitsari")  # asked the team, never registered
    await bot.send(pipit, "/tanya")
    await bot.send(pipit, "Pipitsari mau tanya soal kurasi")
    await bot.stop()
    env = _env(tmp_path, bot.database)

    # No answer (a script, end of input), or anything but yes: nothing erased.
    for typed in (b"", b"no\n"):
        code, out, err = await run_cli(tmp_path, env, "erase", "KOC-000001", stdin=typed)
        assert code == 1, out + err
        assert "Erase everything stored about the talent of KOC-000001" in out
        assert "(1 registration: KOC-000001)" in out and "cannot be undone" in out
        assert "Not erased: not confirmed (answer yes, or add --yes)." in err
        assert traces_in_tables(bot.database, BUDI)
    assert _erasure_hashes(bot.database) == []

    # A reference nobody has, a bare number, both or neither (in this process: no bot runs).
    code, _, err = call_cli(tmp_path, env, "erase", "KOC-000009", "--yes")
    assert code == 1
    assert "Not erased: no registration KOC-000009 (never submitted, or its talent" in err
    for args in (["123"], [], ["KOC-000001", "--user-id", str(budi.id)]):
        code, _, err = call_cli(tmp_path, env, "erase", *args, "--yes")
        assert code == 2, err
    code, _, err = call_cli(tmp_path, env, "erase", "--user-id", "5839204117", "--yes")
    assert code == 1
    assert "nothing is stored about Telegram user 5839204117" in err

    # While a bot holds the database's run lock (`kocca-bot run` does): refused.
    with RunLock(bot.database):
        code, _, err = await run_cli(tmp_path, env, "erase", "KOC-000001", "--yes")
    assert code == 1
    assert "Not erased:" in err and "Stop the bot first" in err
    assert traces_in_tables(bot.database, BUDI)

    # Typed yes, it goes; a talent with no registration goes by her Telegram id.
    code, out, err = await run_cli(tmp_path, env, "erase", "KOC-000001", stdin=b"yes\n")
    assert code == 0, err
    assert traces_in_tables(bot.database, BUDI) == []
    assert traces_in_files(bot.database, BUDI) == []
    code, out, err = await run_cli(tmp_path, env, "erase", "--user-id", str(pipit.id), "--yes")
    assert code == 0, err
    assert out.startswith(f"Erased Telegram user {pipit.id} (no registration)")
    assert traces_in_tables(bot.database, ["Pipitsari", str(pipit.id)]) == []
    assert traces_in_files(bot.database, ["Pipitsari"]) == []
    code, audit, _ = await run_cli(tmp_path, env, "audit", "--changes")
    erased = [line for line in audit.splitlines() if "talent_erased" in line]
    assert len(erased) == 2 and all(f"run_by={getpass.getuser()}" in line for line in erased)


async def test_a_restore_refused_for_a_missing_key_leaves_no_lock_file(
    bot: Harness, tmp_path: Path
) -> None:
    await bot.stop()
    env = _env(tmp_path, bot.database)
    backup = tmp_path / "bk" / "t1-bk.db"
    code, _, err = await run_cli(tmp_path, env, "backup", "--output", str(backup))
    assert code == 0, err
    assert backup.with_name("t1-bk.db.sig").exists()  # signed with the erasure key
    new_server = tmp_path / "rest"
    new_server.mkdir()  # no erasure key here
    code, _, err = await run_cli(
        tmp_path, env, "restore", str(backup), "--database", str(new_server / "new.db")
    )
    assert code == 2
    assert "the erasure key" in err and "is missing" in err
    assert sorted(path.name for path in new_server.iterdir()) == []
