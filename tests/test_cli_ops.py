"""The command line as an operator uses it: in pipes, with wrong values, on other databases."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.store import Store
from tests.processes import clean_env, run_cli


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
