"""Put a backup in place of the database, keeping the current one beside it.

Refused while a bot runs on the database (its run lock, see runlock.py). The backup is
checked, copied next to the database, brought to this version's schema, and given the
erasure records the current database has and it lacks: a talent who asked for erasure after
the backup was taken is erased again at the next start (bot.privacy.reapply_erasures).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.ops.backup import BackupError, check_copy, copy_database
from bot.ops.runlock import RunLock
from bot.private_files import create_private, sync_folder
from bot.store.db import Database
from bot.store.talent_updates import carry_high_water

log = logging.getLogger(__name__)

SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What was restored and where the previous database was kept."""

    database: Path
    kept: Path | None
    talents: int
    leads: int
    erasures_carried: int
    erasures_unreadable: str | None  # why the current database's records could not be read

    def summary(self) -> str:
        """Lines for the command line."""
        lines = [f"Restored {self.database}: {self.talents} talents, {self.leads} leads."]
        if self.kept is not None:
            lines.append(f"The previous database is kept as {self.kept}.")
        if self.erasures_unreadable:
            lines.append(
                "WARNING: the erasure records of the previous database could not be read"
                f" ({self.erasures_unreadable}). Talents who asked for erasure after the backup"
                " was taken may be back: see docs/operations.md, 'Restore'."
            )
        else:
            lines.append(
                f"Carried over {self.erasures_carried} erasure record(s) newer than the backup;"
                " the bot erases those talents again when it starts."
            )
        lines.append("Start the bot as usual (kocca-bot run).")
        return "\n".join(lines)


def restore(database: Path, backup: Path, now: datetime | None = None) -> RestoreResult:
    """Restore `backup` over `database`; raises DatabaseInUse, BackupError or OSError.

    Blocking (the command line's; not for the event loop of a running bot).
    """
    now = now or datetime.now(UTC)
    if not backup.is_file():
        raise BackupError(f"no file at {backup}")
    with RunLock(database):
        check_copy(backup)  # refuse a damaged or foreign file before touching anything
        staged = database.with_name(f".{database.name}.restoring")
        _remove_with_side_files(staged)
        os.close(create_private(staged))
        try:
            copy_database(backup, staged)
            # The schema this version expects, so the erasure records fit (what the next start
            # would do anyway); then the erasures the backup does not have yet.
            asyncio.run(_migrate(staged))
            carried, unreadable = _carry_erasures(database, staged)
            _carry_high_water(database, staged)
            talents, leads = check_copy(staged)
            _single_file(staged)
            kept = _keep_current(database, now)
            os.replace(staged, database)
            sync_folder(database.parent)
        except BaseException:
            _remove_with_side_files(staged)
            raise
    log.info("Restored %s from a backup (%d erasure records carried)", database, carried)
    return RestoreResult(database, kept, talents, leads, carried, unreadable)


async def _migrate(path: Path) -> None:
    await (await Database.open(path)).close()


def _carry_erasures(current: Path, staged: Path) -> tuple[int, str | None]:
    """Copy erasure records from the current database that the restored one lacks."""
    if not current.exists():
        return 0, None
    connection = sqlite3.connect(staged, isolation_level=None)
    try:
        connection.execute("ATTACH DATABASE ? AS current", (f"file:{current}?mode=ro",))
        columns = {row[1] for row in connection.execute("PRAGMA current.table_info(erasures)")}
        if not columns:
            return 0, None  # a database from before erasures existed
        keyed = "c.keyed" if "keyed" in columns else "0"
        connection.execute("BEGIN IMMEDIATE")
        cursor = connection.execute(
            "INSERT INTO main.erasures (subject_hash, erased_at, keyed, applied)"  # noqa: S608
            f" SELECT c.subject_hash, c.erased_at, {keyed}, 0 FROM current.erasures c"
            " WHERE NOT EXISTS (SELECT 1 FROM main.erasures e"
            " WHERE e.subject_hash = c.subject_hash AND e.erased_at = c.erased_at)"
        )
        connection.execute("COMMIT")
        return cursor.rowcount, None
    except sqlite3.Error as error:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        return 0, str(error)
    finally:
        connection.close()


def _carry_high_water(current: Path, staged: Path) -> None:
    """Lead references issued after the backup (known to staff from exports) are not reused."""
    if not current.exists():
        return
    connection = sqlite3.connect(staged, isolation_level=None)
    try:
        connection.execute("ATTACH DATABASE ? AS current", (f"file:{current}?mode=ro",))
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM current.sqlite_master")
            if row[0] in ("applications", "application_ids")
        }
        highest = [
            "(SELECT COALESCE(MAX(id), 0) FROM current.applications)"
            if "applications" in tables
            else "0",
            "(SELECT last FROM current.application_ids WHERE id = 1)"
            if "application_ids" in tables
            else "0",
        ]
        connection.execute(
            "UPDATE main.application_ids SET last = MAX(last, "  # noqa: S608 - constant SQL
            + ", ".join(f"COALESCE({part}, 0)" for part in highest)
            + ") WHERE id = 1"
        )
        carry_high_water(connection)  # talent update and bulk move ids (staff buttons)
    except sqlite3.Error as error:
        log.warning(
            "Could not carry the highest lead number over to the restored database: %s", error
        )
    finally:
        connection.close()


def _single_file(path: Path) -> None:
    """Leave the staged copy without a -wal beside it: it is moved alone."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


def _keep_current(database: Path, now: datetime) -> Path | None:
    """Move the current database (and its -wal, so it stays whole) aside with a timestamp."""
    if not database.exists():
        for suffix in SIDE_FILES:  # stale files would be read as part of the restored one
            with contextlib.suppress(FileNotFoundError):
                database.with_name(database.name + suffix).unlink()
        return None
    with contextlib.suppress(sqlite3.Error):
        connection = sqlite3.connect(f"file:{database}?mode=rw", uri=True)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    kept = database.with_name(f"{database.stem}.before-restore-{stamp}{database.suffix}")
    os.replace(database, kept)
    for suffix in SIDE_FILES:
        side = database.with_name(database.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    return kept


def _remove_with_side_files(path: Path) -> None:
    for name in (path.name, *(path.name + suffix for suffix in SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(name).unlink()
