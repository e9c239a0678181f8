"""`kocca-bot backup`, `restore`, `doctor` and `status`: running the bot for years."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.cli_settings import settings_for
from bot.logs import setup_logging
from bot.ops.runlock import DatabaseInUse

EXIT_FAILED = 1
EXIT_USAGE = 2


def register(commands: Any) -> None:
    """Add the operations commands to the `kocca-bot` subcommands."""
    backup = commands.add_parser(
        "backup",
        help="write a consistent, checked copy of the database (safe while the bot runs)",
        description=(
            "Copy DATABASE_PATH with SQLite's online backup API while the bot keeps serving,"
            " check the copy (PRAGMA integrity_check) and print its size, talents (counted as"
            " /stats counts them: not the staff in ADMIN_IDS), leads and the time it took. The"
            " copy, and its signature FILE.sig (made with a key derived"
            " from the erasure key; restore checks it), are readable only by this account"
            " (0600). Keep the erasure key (ERASURE_KEY, or erasure.key beside the database)"
            " with the backups."
        ),
    )
    backup.add_argument(
        "--output",
        type=Path,
        help="file to write (must not exist); default: a time-stamped file in BACKUP_DIR",
    )
    backup.set_defaults(handler=_backup_command)

    restore = commands.add_parser(
        "restore",
        help="replace the database with a backup (the bot must be stopped)",
        description=(
            "Check FILE, keep the current database beside it with a time stamp"
            " (NAME.before-restore-YYYYMMDDTHHMMSSZ.db), then put FILE in its place. Refused"
            " while a bot (or kocca-bot chat) runs on DATABASE_PATH, and when the erasure key"
            " does not match the records (exit 2). Erasure and consent-withdrawal records newer"
            " than the backup are carried over and applied before the copy is put in place, so"
            " those talents never show again. What the backup had queued to send (stage"
            " messages, announcements) is held, not sent; the staff chat is told at the next"
            " start. FILE must be signed (FILE.sig, made by the daily backup and `kocca-bot"
            " backup`) unless --unsigned, and its schema must be exactly the one this bot's"
            " migrations make; audit entries made since the backup are carried over, and the"
            " restore is recorded in the audit log."
        ),
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="a backup made by kocca-bot")
    restore.add_argument(
        "--unsigned",
        action="store_true",
        help="accept a FILE without a signature (one you trust: a Litestream copy, a backup"
        " from before signing); a signature that does not match is refused all the same",
    )
    restore.set_defaults(handler=_restore_command)

    doctor = commands.add_parser(
        "doctor",
        help="check the setup before talents arrive: token, webhook, staff chat, disk, ...",
        description=(
            "Check the token (getMe), the webhook against Telegram's getWebhookInfo, the staff"
            " chat (member, can post, Manage topics in a forum), that every admin has started"
            " the bot, the database file (writable, integrity, free disk, WAL), the erasure key"
            " (the one the database's records were made with), the content, the backup folder"
            " and the clock. Checks that need the token are listed as not checked without it."
            " One line per check: ✔ passed; ! passed, with something to do (a warning, such"
            " as the database a restore replaced, still kept) and its fix; ✘ failed, with its"
            " fix. Exit status 0 only when every check passes (a warning passes). Changes"
            " nothing, unless --repair-search is given."
        ),
    )
    doctor.add_argument(
        "--repair-search",
        action="store_true",
        help="first make again the searched text of the leads written without the bot's"
        " letter folding (the sqlite3 shell, a script), which staff cannot find by letters"
        " such as É; safe while the bot runs (one short write); only on the bot's database at"
        " this version's migrations (another file, or a bot of another release, is refused)",
    )
    doctor.set_defaults(handler=_doctor_command)

    status = commands.add_parser(
        "status",
        help="what the running bot is doing: inbox, last update, broadcasts, last backup",
        description=(
            "Read DATABASE_PATH: whether a bot runs on it (its run lock), updates waiting in"
            " the inbox and the oldest one's age, the last update processed, broadcasts,"
            " reminders and stage messages to talents by status, the last backup. Every"
            " problem is listed, and the exit status is then 1: no bot running, an update"
            " waiting over 5 minutes, the last backup failed. --json prints the same facts"
            " and problems (healthy: false when there is one)."
        ),
    )
    status.add_argument("--json", action="store_true", help="print the facts as JSON")
    status.set_defaults(handler=_status_command)


def _backup_command(args: argparse.Namespace) -> int:
    """`kocca-bot backup`."""
    from bot.cli_unreadable import NOT_A_FILE
    from bot.erasure_key import backup_key
    from bot.ops.backup import BackupError, OutputExists, backup_name, reason, take_backup

    settings = settings_for(args)
    output: Path | None = args.output
    if output is None:
        if settings.backup_dir is None:
            print("BACKUP_DIR is empty: give --output FILE", file=sys.stderr)
            return EXIT_USAGE
        output = settings.backup_dir / backup_name(settings.database_path, datetime.now(UTC))
    started = datetime.now(UTC)
    # The copy needs nothing but reading: it works on a full or read-only disk too, which is
    # when a copy elsewhere matters most. Noting it in the database comes after, if it can.
    key, unsigned = backup_key(settings)
    try:
        result = take_backup(settings.database_path, output, key, settings.admin_ids)
    except OutputExists as error:  # refused before any copying: no backup was attempted
        print(f"Not done: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (BackupError, OSError) as error:
        if (refused := _unreadable(error, args)) is not None:
            return refused
        if settings.database_path.is_file():
            print(f"Backup failed: {error}", file=sys.stderr)
            asyncio.run(_note(settings.database_path, started, output, None, reason(error)))
        else:  # the wrong path more often than a lost database (a staff review s65, finding 4)
            print(f"Backup failed: {error}. To fix it: {NOT_A_FILE}.", file=sys.stderr)
        return EXIT_FAILED
    asyncio.run(_note(settings.database_path, started, output, result, None))
    print(result.summary())
    if unsigned:
        print(
            f"The backup is not signed: {unsigned}. `kocca-bot restore` takes it only with"
            " --unsigned (docs/operations.md, 'The erasure key').",
            file=sys.stderr,
        )
    return 0


def _unreadable(error: BaseException, args: argparse.Namespace) -> int | None:
    """A database that cannot be read (damaged pages, not a database): the one line and exit
    status every command gives (bot/cli_unreadable.py), not "Backup failed" and a note that it
    could not be noted (a new staff review s64, L3). A failure of the disk the copy goes to
    stays "Backup failed": the database is not the one to blame."""
    import sqlite3

    from bot.cli_unreadable import damaged, refusal

    cause = error.__cause__
    if isinstance(cause, sqlite3.Error) and damaged(cause):
        return refusal(cause, args)
    return None


async def _note(
    database: Path, started: datetime, output: Path, result: Any, error: str | None
) -> None:
    """Record a manual backup in the database, for `kocca-bot status` (best effort)."""
    import sqlite3

    from bot.ops.backup import record
    from bot.store import Database, Store
    from bot.store.db import is_behind
    from bot.store.schema import SchemaMismatch

    try:
        store = Store(await Database.open(database, migrate=False))
    except sqlite3.Error as problem:
        print(f"(not noted in the database: {problem})", file=sys.stderr)
        return
    try:
        at = store.db.schema_at()
    except SchemaMismatch as problem:  # not this bot's (an attacker's review s63, L2)
        await store.close()
        if error is None:  # a failed backup said so already: one line
            print(f"(not noted in the database: {problem})", file=sys.stderr)
        return
    if at is not None and is_behind(at):  # the backup before an upgrade: its tables are older
        await store.close()
        print(
            "(Not noted in the database: an older release made it; `kocca-bot status` shows"
            " backups once this release has started on it.)",
            file=sys.stderr,
        )
        return
    try:
        await record(store, "manual", started, output, result, error)
    finally:
        await store.close()


def _restore_command(args: argparse.Namespace) -> int:
    """`kocca-bot restore FILE`."""
    from bot.cli_unreadable import in_use_line
    from bot.ops.backup import BackupError
    from bot.ops.restore import restore
    from bot.ops.signing import SignatureError

    settings = settings_for(args)
    try:
        result = restore(settings, args.file, unsigned=args.unsigned)
    except DatabaseInUse as error:
        print(in_use_line("Not restored", error, "restore"), file=sys.stderr)
        return EXIT_FAILED
    except (BackupError, SignatureError, OSError) as error:
        print(f"Not restored: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(result.summary())
    return 0


def _doctor_command(args: argparse.Namespace) -> int:
    """`kocca-bot doctor`."""
    from bot.ops.doctor import repair_search, run_checks

    settings = settings_for(args)
    # The checks are the output: a library's own error lines (an unreadable answer from a
    # wrong BOT_API_URL, with its traceback) would only bury them.
    setup_logging(logging.CRITICAL + 1)

    repair = None
    if args.repair_search:
        if not settings.database_path.is_file():
            print(f"No database at {settings.database_path}: no lead to repair.")
        else:
            repair = asyncio.run(repair_search(settings.database_path))
            print(f"{repair.line()}\n")
    checks = asyncio.run(run_checks(settings))
    for check in checks:
        print(check.line())
    bad = [check for check in checks if not check.ok]
    print(f"\n{len(checks) - len(bad)} of {len(checks)} checks passed.")
    return EXIT_FAILED if bad or (repair is not None and not repair.ok) else 0


def _status_command(args: argparse.Namespace) -> int:
    """`kocca-bot status`."""
    from bot.ops.status import cli_status, render

    settings = settings_for(args)
    if not settings.database_path.is_file():
        print(f"No database at {settings.database_path}: the bot has never run here.")
        return EXIT_FAILED
    status = asyncio.run(cli_status(settings.database_path))
    print(json.dumps(status.as_json(), indent=2) if args.json else render(status))
    return 0 if status.healthy else EXIT_FAILED
