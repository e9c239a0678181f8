"""Settings as one command sees them: the environment and .env, then its own flags."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.settings import Settings

# Commands that never open the database (chat has a --database of its own: a throw-away
# database unless one is given).
WITHOUT_DATABASE_OPTION = {"check-content", "chat"}
# Commands that run beside the bot: they open its database without upgrading it (the bot's
# start does, docs/operations.md, "Upgrading"); `backup` and `doctor` read it as it is.
BESIDE_THE_BOT = {"status", "export", "stats", "audit", "lead", "broadcast", "purge"}
NOT_UPGRADED = (
    " A database made by an older release is refused, never upgraded: only the bot's start"
    " upgrades it (docs/operations.md, 'Upgrading')."
)


def add_database_option(parser: argparse.ArgumentParser) -> None:
    """`--database FILE` on a command that opens the database."""
    parser.add_argument(
        "--database",
        type=Path,
        metavar="FILE",
        help="the SQLite database to use instead of DATABASE_PATH",
    )


def settings_for(args: argparse.Namespace, **overrides: Any) -> Settings:
    """The settings, with `--database` in place of DATABASE_PATH when it was given; a bad
    value is reported with the flag's name."""
    # Imported here: pydantic's settings are not needed for `kocca-bot --help` (start-up time).
    from bot.settings import settings_with_flags

    flags: dict[str, str] = {}
    database = getattr(args, "database", None)
    if database is not None:
        overrides["database_path"] = database
        flags["database_path"] = "--database"
    return settings_with_flags(overrides, flags)


def no_database(settings: Settings, args: argparse.Namespace) -> bool:
    """Whether there is no database where the command looks, said in one line: a command that
    opens the bot's database never makes one (a final review s64, L2: `purge` and `broadcast
    --list` at a mistyped --database made the folder and an empty database, which `backup`
    then copied and `erase` found nothing in)."""
    if settings.database_path.exists():
        return False
    where = "--database" if getattr(args, "database", None) is not None else "DATABASE_PATH"
    print(f"No database at {settings.database_path}: check {where}.", file=sys.stderr)
    return True
