"""The command line as an operator uses it: in pipes, with wrong values, on other databases."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.settings import Settings
from bot.store import Store
from tests.leads import CONTENT, Seed, as_in_csv, read_csv, seed
from tests.processes import clean_env, run_cli
from tests.subscribers import complete_answers


@pytest.fixture
async def folder(tmp_path: Path) -> Path:
    """A deployment folder with a database the bot has run on."""
    await (await Store.open(tmp_path / "bot.db")).close()
    return tmp_path


@pytest.mark.parametrize("command", ["audit", "stats"])
def test_a_reader_that_stops_early_gets_no_traceback(folder: Path, command: str) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "bot", command],
        cwd=folder,
        env=clean_env(folder),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # as `kocca-bot stats | head` does once it has its lines
        errors = process.stderr.read().decode()
        process.wait(timeout=60)
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors


@pytest.mark.parametrize(
    ("env", "args", "said"),
    [
        ({"BROADCAST_RATE": "31"}, ["stats"], "BROADCAST_RATE must be at most 30 (not 31)"),
        ({"BROADCAST_RATE": "fast"}, ["stats"], "BROADCAST_RATE must be a number (not fast)"),
        (
            {"BACKUP_KEEP": "0"},
            ["stats"],
            "BACKUP_KEEP must be a whole number of backups to keep, 1 or more (not 0)",
        ),
        ({}, ["purge", "--draft-days", "0"], "--draft-days must be at least 1 (not 0)"),
        ({}, ["purge", "--log-days", "-3"], "--log-days must be at least 1 (not -3)"),
    ],
)
async def test_a_wrong_value_is_one_sentence_naming_what_was_typed(
    folder: Path, env: dict[str, str], args: list[str], said: str
) -> None:
    code, _, err = await run_cli(folder, clean_env(folder, **env), *args)
    assert code == 2
    assert err == f"Configuration error: {said}\n"


async def test_every_command_that_opens_the_database_takes_database(folder: Path) -> None:
    other = folder / "elsewhere" / "other.db"
    other.parent.mkdir()
    await (await Store.open(other)).close()
    seed(other, [Seed(7001, complete_answers(CONTENT, full_name="Budi Santoso"))])
    env = clean_env(folder)  # DATABASE_PATH is folder/bot.db, which has no leads

    code, _, err = await run_cli(folder, env, "export", "--format", "csv", "--output", "a.csv")
    assert code == 0, err
    assert len(read_csv((folder / "a.csv").read_bytes())) == 1  # the header only
    code, _, err = await run_cli(
        folder, env, "export", "--format", "csv", "--output", "b.csv", "--database", str(other)
    )
    assert code == 0, err
    [_, budi] = as_in_csv(read_csv((folder / "b.csv").read_bytes()))
    assert "Budi Santoso" in budi

    # A relative BACKUP_DIR (the default, `backups`) is beside the database in use.
    code, _, err = await run_cli(folder, env, "backup", "--database", str(other))
    assert code == 0, err
    [made] = (other.parent / "backups").iterdir()
    assert made.name.startswith("other")
    assert not (folder / "backups").exists()

    missing = folder / "nowhere.db"
    code, _, err = await run_cli(folder, env, "stats", "--database", str(missing))
    assert code == 2
    assert err == f"No database at {missing}: check --database.\n"


def test_a_relative_backup_dir_is_read_from_the_database_folder(tmp_path: Path) -> None:
    def settings(database: Path, backup_dir: str) -> Settings:
        values: dict[str, Any] = {"database_path": database, "backup_dir": Path(backup_dir)}
        return Settings(_env_file=None, **values)  # type: ignore[call-arg]

    assert settings(tmp_path / "db" / "k.db", "backups").backup_dir == tmp_path / "db" / "backups"
    assert settings(tmp_path / "k.db", "/srv/kocca-backups").backup_dir == Path(
        "/srv/kocca-backups"
    )
    # An .env copied from the example before this change says data/backups, meaning the
    # folder beside data/kocca.db.
    assert settings(Path("data/kocca.db"), "data/backups").backup_dir == Path("data/backups")
