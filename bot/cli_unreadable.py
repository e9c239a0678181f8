"""A command's database cannot be read: one line saying so and what to do, no traceback.

A file that is not a database, damaged pages, a table missing, a trigger the bot never made, a
symbolic link as the database's path: every command that opens the database ended with
SQLite's traceback (an attacker's review s64, L2), and `erase` did not say whether the talent
was erased. `kocca-bot` (bot/cli.py) asks `refusal` about any error a command raised; a
command may add what it did not do (`args.unreadable_note`: erase's "Nothing was erased.").
A lock held too long ("database is locked": the bot writing while the command waited its
10 s) is said in one line too, exit 1, to be tried again (fixb64's report, s64). Other SQLite
errors (a bug) keep their traceback.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

EXIT_DAMAGED = 2  # as a wrong schema: nothing to retry (`run` under systemd stays stopped)
EXIT_STORAGE = 1  # the disk: worth trying again once it is mended
# SQLite's primary result codes for a file that is no (sound) database: SQLITE_CORRUPT and
# SQLITE_NOTADB; and SQLITE_CONSTRAINT_TRIGGER, a trigger's RAISE (only the audit log's own
# triggers raise, and no command deletes from it: one that does was added to the file).
_DAMAGED_CODES = frozenset({11, 26})
_TRIGGER = 1811
_MISSING = ("no such table", "no such column")  # a table or column the migrations made is gone
REASON_LIMIT = 200  # characters of the reason shown: a trigger's message is the file's text

RESTORE = (
    "stop the bot and restore the last good backup: kocca-bot restore FILE"
    " (docs/operations.md, 'Restore')"
)
STORAGE = (
    "check the disk (free space, a read-only file system, the file's permissions), then try"
    " again; kocca-bot doctor checks them"
)
LINK = (
    "put the database file's own path in DATABASE_PATH (or --database): the bot never opens"
    " a database through a symbolic link"
)
NOT_A_FILE = (
    "check that DATABASE_PATH (or --database) names the bot's database file, and that this"
    " account may read and write it and its folder"
)


def refusal(error: BaseException, args: argparse.Namespace) -> int | None:
    """Print the line for a database that cannot be read and return the exit status; None
    when `error` is something else."""
    if not isinstance(error, sqlite3.Error):
        return None
    from bot.store.db import DatabaseUnreadable, is_busy
    from bot.store.health import is_storage_error

    path = error.path if isinstance(error, DatabaseUnreadable) else _database_path(args)
    if is_busy(error):
        print(busy_line(path, getattr(args, "unreadable_note", None)), file=sys.stderr)
        return EXIT_STORAGE
    status = EXIT_DAMAGED
    if is_storage_error(error):
        fix, status = STORAGE, EXIT_STORAGE
    elif isinstance(error, DatabaseUnreadable) and error.link:
        fix = LINK
    elif isinstance(error, DatabaseUnreadable) and isinstance(error.__cause__, OSError):
        fix = NOT_A_FILE
    elif isinstance(error, DatabaseUnreadable) or damaged(error):
        fix = RESTORE
    else:
        return None
    print(line(path, str(error), getattr(args, "unreadable_note", None), fix), file=sys.stderr)
    return status


def line(path: Path | None, reason: str, note: str | None, fix: str) -> str:
    """The one line: which file, SQLite's (or the system's) reason, what was not done, the fix."""
    from bot.terminal_text import printable

    reason = printable(reason or "unknown error")
    if len(reason) > REASON_LIMIT:
        reason = reason[:REASON_LIMIT] + "…"
    return f"{_said(path, f'cannot be read: {reason}.', note)} To fix it: {fix}."


def busy_line(path: Path | None, note: str | None) -> str:
    """The one line for a lock waited for too long: what was not done, and when to try."""
    said = _said(path, "is busy: the bot is writing to it.", note)
    return f"{said} Try again in a minute, or stop the bot."


def in_use_line(not_done: str, error: Exception, verb: str, why: str = "") -> str:
    """The one line for a command that needs the bot stopped (`erase`, `restore`) refused
    while it runs: what was not done, who holds the database, and the three steps."""
    said = f"{not_done}: {error}. Stop the bot first (systemctl stop kocca-bot), {verb}, then"
    return f"{said} start it again{f': {why}' if why else ''}."


def _said(path: Path | None, what: str, note: str | None) -> str:
    """Which database, what is wrong with it, and what the command did not do."""
    from bot.terminal_text import printable

    where = f"The database {printable(str(path))}" if path is not None else "The database"
    return f"{where} {what} {note}" if note else f"{where} {what}"


def damaged(error: sqlite3.Error) -> bool:
    """Whether an error raised once the database was open says the file is damaged or not
    as the bot's migrations made it."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF in _DAMAGED_CODES or code == _TRIGGER):
        return True
    return str(error).startswith(_MISSING)


def _database_path(args: argparse.Namespace) -> Path | None:
    """The database the command opened, as it found it: --database, else DATABASE_PATH."""
    given = getattr(args, "database", None)
    if given is not None:
        return Path(given)
    try:
        from bot.cli_settings import settings_for

        return settings_for(args).database_path
    except Exception:  # the settings were read once already: the line goes on without
        return None
