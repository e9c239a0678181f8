"""The command line's start-up: the light commands do not load the bot's heavy stack.

`kocca-bot status` and `backup` run from cron, staff run `stats` and `export` by hand, and
every command starts a Python of its own: registering the subcommands imports nothing heavy,
and each handler imports what its command needs (docs/performance.md, "The command line's
start-up"). A fresh interpreter tells what a command imported; this test process has imported
everything already. Nothing is timed here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot import cli_staff
from bot.leads import export
from bot.store import Store
from tests.processes import clean_env

# What only `run`, `chat`, `doctor`, `lead` or an XLSX export need (`stats` loads the matcher
# only when this week has a question to list, which this test's database has not).
HEAVY = ("numpy", "bm25s", "telegram", "aiohttp", "xlsxwriter")
# What building the parser (`kocca-bot --help`, a usage error) needs none of either.
NOT_FOR_THE_PARSER = (*HEAVY, "pydantic", "yaml", "aiosqlite", "bot.content", "bot.store")
# What `status` (run from cron) needs none of either: it shows stored times in WIB with
# bot/wib.py, not through the exports, which load the content (half its start-up).
NOT_FOR_STATUS = ("yaml", "bot.content", "bot.leads.export")

# Run in a fresh interpreter: the parser alone, then each light command on a real database,
# as far as it goes; one JSON line at the end says which of the modules each step imported.
SCRIPT = """
import contextlib, io, json, sys
from bot import cli

watched = sys.argv[1].split(",")
loaded = {}
cli._parser().format_help()
loaded["parser"] = [name for name in watched if name in sys.modules]
steps = [
    ("status", ["status"]),
    ("backup", ["backup", "--output", "copy.db"]),
    ("restore", ["restore", "copy.db", "--unsigned"]),
    ("audit", ["audit"]),
    ("audit csv", ["audit", "--format", "csv", "--since", "2026-01-31"]),
    ("stats", ["stats"]),
    ("export csv", ["export", "--format", "csv", "--output", "leads.csv"]),
]
codes = {}
for step, argv in steps:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        codes[step] = cli.main(argv)
    loaded[step] = [name for name in watched if name in sys.modules]
print(json.dumps({"loaded": loaded, "codes": codes}))
"""


@pytest.fixture
async def folder(tmp_path: Path) -> Path:
    """A deployment folder with a database the bot has run on."""
    await (await Store.open(tmp_path / "bot.db")).close()
    return tmp_path


def test_the_light_commands_do_not_import_the_heavy_stack(folder: Path) -> None:
    watched = ",".join(dict.fromkeys((*NOT_FOR_THE_PARSER, *NOT_FOR_STATUS)))
    result = _in_a_fresh_interpreter(SCRIPT, watched, folder)
    # Each command ran its course: status finds no bot running on the database (1).
    assert result["codes"] == {
        "status": 1,
        "backup": 0,
        "restore": 0,
        "audit": 0,
        "audit csv": 0,
        "stats": 0,
        "export csv": 0,
    }
    assert result["loaded"]["parser"] == []
    for step, loaded in result["loaded"].items():
        assert not set(loaded) & set(HEAVY), f"{step} imported {loaded}"
    assert not set(result["loaded"]["status"]) & set(NOT_FOR_STATUS), result["loaded"]["status"]


def test_the_export_choices_are_the_exporters() -> None:
    """Written out in bot/cli_staff.py so that registering `export` does not import it."""
    assert cli_staff.FORMATS == export.FORMATS
    assert list(cli_staff.SECTORS) == sorted(export.SECTOR_ALIASES)


# A bot made in a fresh interpreter, on the emulator: what it imported before any update.
BOT_SCRIPT = """
import asyncio, json, sys
from pathlib import Path
from bot.app import create_runner
from bot.emulator import BotAPIEmulator
from tests.harness import make_settings

async def main():
    emulator = BotAPIEmulator()
    before = [name for name in sys.argv[1].split(",") if name in sys.modules]
    runner = await create_runner(
        make_settings(Path("bot.db"), emulator), request=emulator.request(), workers=False
    )
    after = [name for name in sys.argv[1].split(",") if name in sys.modules]
    await runner.store.close()
    print(json.dumps({"before": before, "after": after}))

asyncio.run(main())
"""


def test_a_running_bot_has_the_answer_checks_loaded_before_a_talent_needs_them(
    tmp_path: Path,
) -> None:
    """The commands that only read answers import neither library; a bot that would import
    them on the first talent's email or phone answer made every talent's reply wait."""
    result = _in_a_fresh_interpreter(BOT_SCRIPT, "email_validator,phonenumbers", tmp_path)
    assert result == {"before": [], "after": ["email_validator", "phonenumbers"]}


def _in_a_fresh_interpreter(script: str, watched: str, folder: Path) -> Any:
    """Run `script` in a new Python in `folder` (this checkout importable, `tests` too); the
    JSON of its last line."""
    done = subprocess.run(
        [sys.executable, "-c", script, watched],
        cwd=folder,
        env=clean_env(folder, PYTHONPATH=str(Path(__file__).parent.parent)),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])
