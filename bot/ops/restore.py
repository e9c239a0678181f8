"""Put a backup in place of the database, keeping the current one beside it.

Refused while a bot runs on the database (its run lock, see runlock.py). The backup is
checked, copied next to the database, brought to this version's schema, and given the
erasure and withdrawal records the current database has and it lacks, which are applied
before the copy is put in place: a talent who asked for erasure (or withdrew consent) after
the backup was taken is erased again (bot.privacy.reapply_erasures), so no command run
between the restore and the next start shows them. The erasure key must be the one those
records were made with. What the copy had queued to send is held (bot/store/restores.py),
and the staff chat is told at the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.ops.backup import BackupError, check_copy, copy_database
from bot.ops.runlock import RunLock
from bot.privacy import erasure_key, key_source, reapply_erasures, use_checked_key
from bot.private_files import create_private, sync_folder
from bot.settings import Settings, SettingsError
from bot.store import Store
from bot.store.db import Database
from bot.store.privacy import key_check, read_key_check
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
    withdrawals_carried: int = 0
    erased_again: int = 0
    withdrawn_again: int = 0
    held: dict[str, Any] = field(default_factory=dict)

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
                f"Carried over {self.erasures_carried} erasure record(s) and"
                f" {self.withdrawals_carried} withdrawal record(s) newer than the backup:"
                f" {self.erased_again} talent(s) erased again, the applications of"
                f" {self.withdrawn_again} deleted again."
            )
        held = self.held
        broadcasts = held.get("broadcasts", [])
        lines.append(
            f"Held, not sent: {held.get('talent_updates', 0)} stage message(s) (now"
            f" 'uncertain': staff get «Send again» buttons), {len(broadcasts)} announcement(s)"
            f" cancelled; {held.get('reminders', 0)} reminder(s) already sent since the backup"
            " will not go again. The staff chat is told when the bot starts."
        )
        lines.append("Start the bot as usual (kocca-bot run).")
        return "\n".join(lines)


def restore(settings: Settings, backup: Path, now: datetime | None = None) -> RestoreResult:
    """Restore `backup` over the database; raises DatabaseInUse, BackupError, SettingsError
    (the erasure key does not fit the records) or OSError.

    Blocking (the command line's; not for the event loop of a running bot).
    """
    database = settings.database_path
    now = now or datetime.now(UTC)
    if not backup.is_file():
        raise BackupError(f"no file at {backup}")
    with RunLock(database):
        check_copy(backup)  # refuse a damaged or foreign file before touching anything
        _check_current_key(settings)
        staged = database.with_name(f".{database.name}.restoring")
        _remove_with_side_files(staged)
        os.close(create_private(staged))
        try:
            copy_database(backup, staged)
            # The schema this version expects, so the records fit (what the next start would
            # do anyway); then the erasures and withdrawals the backup does not have yet.
            asyncio.run(_migrate(staged))
            erasures, unreadable = _carry(database, staged, "erasures", _ERASURES)
            withdrawals, unreadable_too = _carry(database, staged, "withdrawals", _WITHDRAWALS)
            reminders = _carry_reminders(database, staged)
            _carry_high_water(database, staged)
            applied = asyncio.run(_apply(settings, staged, backup.name, reminders))
            talents, leads = check_copy(staged)
            _single_file(staged)
            kept = _keep_current(database, now)
            os.replace(staged, database)
            sync_folder(database.parent)
        except BaseException:
            _remove_with_side_files(staged)
            raise
    log.info(
        "Restored %s from a backup (%d erasure and %d withdrawal records carried)",
        database,
        erasures,
        withdrawals,
    )
    return RestoreResult(
        database,
        kept,
        talents,
        leads,
        erasures,
        unreadable or unreadable_too,
        withdrawals,
        *applied,
    )


async def _migrate(path: Path) -> None:
    await (await Database.open(path)).close()


async def _apply(
    settings: Settings, staged: Path, backup: str, reminders: int
) -> tuple[int, int, dict[str, Any]]:
    """On the copy: check the key, hold what it had queued, apply the carried records."""
    store = await Store.open(staged)
    try:
        await use_checked_key(store, settings)
        held = await store.restores.hold_queued(backup, reminders)
        erased, withdrawn = await reapply_erasures(store)
        return erased, withdrawn, held
    finally:
        await store.close()


def _check_current_key(settings: Settings) -> None:
    """Refuse when the current database's keyed records were made with another key: carried
    over, they would never match, and erased talents would come back."""
    expected, keyed = read_key_check(settings.database_path)
    if expected is None or not keyed:
        return
    if key_check(erasure_key(settings, create=False)) != expected:
        raise SettingsError(
            f"Configuration error: the erasure key ({key_source(settings)}) is not the key the"
            f" current database's {keyed} erasure/withdrawal record(s) were made with: not"
            " restored; put back the original key first (docs/operations.md, 'The erasure key')"
        )


# Keyed records of the current database that the restored one lacks, copied as not yet
# applied ({keyed}: whether the current database's erasure record is keyed; older ones are
# sealed at the next start).
_ERASURES = (
    "INSERT INTO main.erasures (subject_hash, erased_at, keyed, applied)"
    " SELECT c.subject_hash, c.erased_at, {keyed}, 0 FROM current.erasures c"
    " WHERE NOT EXISTS (SELECT 1 FROM main.erasures e"
    " WHERE e.subject_hash = c.subject_hash AND e.erased_at = c.erased_at)"
)
_WITHDRAWALS = (
    "INSERT INTO main.withdrawals (subject_hash, withdrawn_at, applied)"
    " SELECT c.subject_hash, c.withdrawn_at, 0 FROM current.withdrawals c"
    " WHERE NOT EXISTS (SELECT 1 FROM main.withdrawals w"
    " WHERE w.subject_hash = c.subject_hash AND w.withdrawn_at = c.withdrawn_at)"
)


@contextlib.contextmanager
def _attached(current: Path, staged: Path) -> Iterator[sqlite3.Connection]:
    """The restored copy, with the database it replaces attached read-only as `current`.

    Closing it rolls back whatever was left uncommitted."""
    connection = sqlite3.connect(staged, isolation_level=None)
    try:
        connection.execute("ATTACH DATABASE ? AS current", (f"file:{current}?mode=ro",))
        yield connection
    finally:
        connection.close()


def _carry(current: Path, staged: Path, table: str, sql: str) -> tuple[int, str | None]:
    """Copy keyed records from the current database that the restored one lacks."""
    if not current.exists():
        return 0, None
    try:
        with _attached(current, staged) as connection:
            columns = {row[1] for row in connection.execute(f"PRAGMA current.table_info({table})")}
            if not columns:
                return 0, None  # a database from before these records existed
            connection.execute("BEGIN IMMEDIATE")
            cursor = connection.execute(sql.format(keyed="c.keyed" if "keyed" in columns else "0"))
            connection.execute("COMMIT")
            return cursor.rowcount, None
    except sqlite3.Error as error:
        return 0, str(error)


def _carry_reminders(current: Path, staged: Path) -> int:
    """Reminders the replaced database sent after the backup, for drafts the copy has: kept,
    so they are not sent again (application ids are never reused, see _carry_high_water)."""
    if not current.exists():
        return 0
    columns = "application_id, number, user_id, status, questions_left, message_id, error,"
    columns += " created_at, sent_at"
    try:
        with _attached(current, staged) as connection:
            if not connection.execute(
                "SELECT 1 FROM current.sqlite_master WHERE name = 'reminders'"
            ).fetchone():
                return 0
            cursor = connection.execute(
                f"INSERT OR IGNORE INTO main.reminders ({columns}) SELECT"  # noqa: S608 - constants
                f" {', '.join('c.' + name.strip() for name in columns.split(','))}"
                " FROM current.reminders c JOIN main.applications a"
                " ON a.id = c.application_id AND a.user_id = c.user_id"
            )
            return max(cursor.rowcount, 0)
    except sqlite3.Error as error:
        log.warning("Could not carry the reminders sent since the backup over: %s", error)
        return 0


# Counters of ids staff hold (lead references, broadcast buttons), each raised at a restore
# to the highest id the replaced database had used: (its rows, their highest id, its own
# counter). Lead numbers are given at submission: the highest reference stands for them.
_ID_COUNTERS = {
    "application_ids": (
        "applications",
        "MAX(id)",
        "SELECT last FROM current.application_ids WHERE id = 1",
    ),
    "broadcast_ids": (
        "broadcasts",
        "MAX(id)",
        "SELECT last FROM current.broadcast_ids WHERE id = 1",
    ),
    "lead_numbers": (
        "applications",
        "MAX(CAST(substr(reference, 5) AS INTEGER))",
        "SELECT last FROM current.lead_numbers WHERE id = 1",
    ),
}


def _carry_high_water(current: Path, staged: Path) -> None:
    """Lead references and broadcast ids issued after the backup (known to staff from
    exports and buttons) are not given again."""
    if not current.exists():
        return
    try:
        with _attached(current, staged) as connection:
            replaced = {
                row[0] for row in connection.execute("SELECT name FROM current.sqlite_master")
            }
            for counter, (rows, most, last) in _ID_COUNTERS.items():
                highest = [
                    f"(SELECT {most} FROM current.{rows})"  # noqa: S608 - from _ID_COUNTERS
                    if rows in replaced
                    else "0",
                    f"({last})" if counter in replaced else "0",
                ]
                connection.execute(
                    f"UPDATE main.{counter} SET last = MAX(last, "  # noqa: S608 - as above
                    + ", ".join(f"COALESCE({part}, 0)" for part in highest)
                    + ") WHERE id = 1"
                )
            carry_high_water(connection)  # talent update and bulk move ids (staff buttons)
    except sqlite3.Error as error:
        log.warning("Could not carry the highest ids over to the restored database: %s", error)


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
