"""A database file handed to the operator whose migrations table no release of this bot wrote
(an attacker's review s63, L2): `doctor`, `backup` and `status` crashed with a traceback on a
text or NULL version, `status` printed a migration's name raw (terminal escapes, a made-up
line), and a lone version 10^18 was migrated on top."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.processes import clean_env, run_cli_process

ESCAPES = "0003_x\x1b]0;PWNED-TITLE\x07\x1b[31mRED\x1b[0m\nFAKE ✔ Everything fine"


def _crafted(path: Path, rows: list[tuple[object, object]]) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE schema_migrations (version, name, applied_at)")
    connection.executemany("INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01')", [*rows])
    connection.execute("CREATE TABLE users (user_id INTEGER)")
    connection.execute("CREATE TABLE applications (status TEXT)")
    connection.commit()
    connection.close()
    path.chmod(0o600)
    return path


def _tables(database: Path) -> list[tuple[str, ...]]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        names = connection.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall()
        return [*names, *connection.execute("SELECT * FROM schema_migrations").fetchall()]
    finally:
        connection.close()


def _env(folder: Path, database: Path) -> dict[str, str]:
    return clean_env(
        folder,
        DATABASE_PATH=str(database),
        BOT_TOKEN="123456:CRAFTED-SCHEMA-TEST-TOKEN-abcdefghij",
        BOT_API_URL="http://127.0.0.1:9",  # nothing listens: no network
        ADMIN_IDS="1001",
        BACKUP_DIR=str(folder / "backups"),
    )


@pytest.mark.parametrize(
    "rows",
    [
        [(1, "0001_x"), ("abc", "0002_x")],
        [(None, "0001_x")],
        [(10**18, "9999_future")],
        [(1, "0001_x"), (10**18, "9999_future")],
        [(1, "0001_x"), (2, b"0002_x")],
    ],
    ids=["text version", "null version", "lone huge version", "huge version", "name not text"],
)
async def test_a_migrations_table_not_this_bots_is_refused_in_one_line(
    tmp_path: Path, rows: list[tuple[object, object]]
) -> None:
    database = _crafted(tmp_path / "crafted.db", rows)
    before = _tables(database)
    env = _env(tmp_path, database)
    refusal = "not a database of this bot: its migrations table holds versions no release"
    code, out, err = await run_cli_process(tmp_path, env, "doctor")
    assert code == 1 and "Traceback" not in out + err, out + err
    assert f"✘ Database schema: {database}: {refusal}" in out
    code, out, err = await run_cli_process(
        tmp_path, env, "backup", "--output", str(tmp_path / "copy.bak")
    )
    assert code == 1 and out == "", out + err
    assert err.splitlines() == [f"Backup failed: {refusal} of this bot writes"]
    code, out, err = await run_cli_process(tmp_path, env, "status")
    assert code == 2 and "Traceback" not in out + err, out + err
    assert err.splitlines() == [f"Not opening {database}: {refusal} of this bot writes"]
    assert _tables(database) == before  # nothing migrated on top


async def test_a_migrations_name_is_printed_escaped(tmp_path: Path) -> None:
    """`status` printed the name raw: the terminal took the title change and the colour, and
    "FAKE ✔ Everything fine" stood on a line of its own. Now it is escaped, as doctor's is."""
    database = _crafted(tmp_path / "older.db", [(1, "0001_x"), (2, "0002_x"), (3, ESCAPES)])
    code, out, err = await run_cli_process(tmp_path, _env(tmp_path, database), "status")
    assert code == 2, out + err
    assert "\x1b" not in err and "\x07" not in err
    [said] = err.splitlines()
    assert said.startswith(f"Not opening {database}: it is at migration 0003_x\\x1b]0;PWNED")
    assert "\\nFAKE ✔ Everything fine, and this release makes" in said
