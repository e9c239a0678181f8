"""A damaged database file: every command that opens it says so in one line, what to do, and
for `erase` that nothing was erased; no traceback, no talent's data (an attacker's review s64,
L2: status, stats, audit, purge, lead and erase printed SQLite's traceback, and erase did not
say whether the talent was erased).

Each command runs as `kocca-bot` does (`run_cli`: run with PYTHONPATH=<checkout> to test a
worktree's code).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from bot.store import Store
from tests.processes import clean_env, run_cli

NAME = "Sarinah Wulandari"
USER_ID = 5
RESTORE = "restore the last good backup: kocca-bot restore FILE"
COMMANDS = [
    ("status",),
    ("stats",),
    ("audit",),
    ("purge",),
    ("lead", "KOC-000001"),
    ("export", "--format", "csv", "--output", "leads.csv"),
    ("broadcast", "--list"),
    ("erase", "--user-id", str(USER_ID), "--yes"),
]


async def _with_talent(path: Path) -> Path:
    """The bot's database, with a talent in it (as her first message makes her)."""
    store = await Store.open(path)
    await store.close()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO users (user_id, first_name, language, created_at, updated_at,"
            " last_seen_at) VALUES (?, ?, 'id', '2026-01-01', '2026-01-01', '2026-01-01')",
            (USER_ID, NAME),
        )
    db.close()
    return path


def _not_a_database(path: Path) -> Path:
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    path.chmod(0o600)
    return path


def _env(folder: Path, database: Path) -> dict[str, str]:
    return clean_env(
        folder,
        BOT_TOKEN="123456:TEST-TOKEN-abcdefghijklmnop",
        BOT_API_URL="http://127.0.0.1:9/bot",  # never reached: the database comes first
        DATABASE_PATH=str(database),
        ADMIN_IDS="1001",
    )


def _one_line(code: int, out: str, err: str) -> str:
    """The command's only line, after checking it ended as a refusal should."""
    lines = [line for line in (out + err).splitlines() if line.strip()]
    assert "Traceback" not in out + err
    assert len(lines) == 1, out + err
    assert code == 2, out + err
    return lines[0]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command[0])
async def test_a_file_that_is_not_a_database_is_refused_in_one_line(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    database = _not_a_database(tmp_path / "bot.db")
    line = _one_line(*await run_cli(tmp_path, _env(tmp_path, database), *command))
    assert line.startswith(f"The database {database} cannot be read: file is not a database.")
    assert RESTORE in line
    assert ("Nothing was erased." in line) == (command[0] == "erase")


async def test_damaged_pages_stop_stats_and_erase_without_a_word_of_the_talent(
    tmp_path: Path,
) -> None:
    database = await _with_talent(tmp_path / "bot.db")
    data = bytearray(database.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // size, 2):  # every other page but the first: garbage
        data[page * size : page * size + 64] = b"\xff" * 64
    database.write_bytes(bytes(data))
    env = _env(tmp_path, database)

    for command in (("stats",), ("erase", "--user-id", str(USER_ID), "--yes")):
        line = _one_line(*await run_cli(tmp_path, env, *command))
        assert "cannot be read: database disk image is malformed." in line
        assert RESTORE in line
        assert "Sarinah" not in line
    assert "Nothing was erased." in line


async def test_erase_on_a_database_without_its_erasures_table_erases_nothing(
    tmp_path: Path,
) -> None:
    database = await _with_talent(tmp_path / "bot.db")
    with sqlite3.connect(database) as db:
        db.execute("DROP TABLE erasures")
    db.close()

    code, out, err = await run_cli(
        tmp_path, _env(tmp_path, database), "erase", "--user-id", str(USER_ID), "--yes"
    )
    line = _one_line(code, out, err)
    assert "cannot be read: no such table: erasures. Nothing was erased." in line
    assert RESTORE in line
    with sqlite3.connect(database) as db:  # and it is true: she is still there
        assert db.execute("SELECT first_name FROM users").fetchall() == [(NAME,)]
    db.close()


async def test_erase_stopped_by_a_trigger_someone_added_erases_nothing(tmp_path: Path) -> None:
    database = await _with_talent(tmp_path / "bot.db")
    with sqlite3.connect(database) as db:
        db.execute(
            "CREATE TRIGGER keep BEFORE DELETE ON users"
            " BEGIN SELECT RAISE(ABORT, 'no deleting \x1b[31mhere'); END"
        )
    db.close()

    code, out, err = await run_cli(
        tmp_path, _env(tmp_path, database), "erase", "--user-id", str(USER_ID), "--yes"
    )
    line = _one_line(code, out, err)
    assert "cannot be read: no deleting \\x1b[31mhere. Nothing was erased." in line  # escaped
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT first_name FROM users").fetchall() == [(NAME,)]
    db.close()


async def test_a_symbolic_link_as_the_database_is_refused_in_one_line(tmp_path: Path) -> None:
    real = await _with_talent(tmp_path / "real.db")
    link = tmp_path / "bot.db"
    link.symlink_to(real.name)
    env = _env(tmp_path, link)

    line = _one_line(*await run_cli(tmp_path, env, "erase", "--user-id", str(USER_ID), "--yes"))
    assert line.startswith(f"The database {link} cannot be read: it is a symbolic link.")
    assert "Nothing was erased." in line
    assert "put the database file's own path in DATABASE_PATH" in line
    line = _one_line(*await run_cli(tmp_path, env, "status"))
    assert "it is a symbolic link" in line and "Nothing was erased" not in line


async def test_the_bot_does_not_start_on_a_damaged_file_and_says_why_in_one_line(
    tmp_path: Path,
) -> None:
    database = _not_a_database(tmp_path / "bot.db")
    code, out, err = await run_cli(tmp_path, _env(tmp_path, database), "run")
    line = _one_line(code, out, err)  # 2: systemd's RestartPreventExitStatus leaves it stopped
    assert line.startswith(f"The database {database} cannot be read: file is not a database.")
    assert RESTORE in line


async def test_a_sound_copy_still_works(tmp_path: Path) -> None:
    """The same commands on the database as the bot made it: no refusal."""
    database = await _with_talent(tmp_path / "bot.db")
    code, out, err = await run_cli(tmp_path, _env(tmp_path, database), "stats")
    assert code == 0, err
    assert "cannot be read" not in out + err
