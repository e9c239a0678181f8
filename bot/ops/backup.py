"""Consistent copies of the live database, taken while the bot serves talents.

SQLite's online backup API copies the file a few hundred pages at a time. The copy reads
one snapshot (a read transaction held on the source connection for the whole copy): in WAL
mode a reader never blocks the bot's writes, and holding the snapshot keeps the backup from
restarting each time the bot commits. Each copy is checked with `PRAGMA integrity_check`
and signed (bot/ops/signing.py) before it gets its final name; a half-written file never
looks like a backup.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import sqlite3
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.ops.signing import remove_with_signature, sign, signing_key
from bot.private_files import create_private, sync_folder
from bot.store import Store
from bot.store.db import is_behind, schema_at
from bot.store.leads import LEADS, TALENTS, staff_parameter
from bot.store.schema import SchemaMismatch
from bot.terminal_text import count_of

log = logging.getLogger(__name__)

# The counts of a database an older release made (the backup before an upgrade), from the
# tables every release has: its talents (staff left out, as TALENTS) and submitted leads
# (those closed as a duplicate among them, where that release had them).
OLDER_TALENTS = (
    "SELECT COUNT(*) FROM users WHERE user_id NOT IN (SELECT value FROM json_each(:staff))"
)
OLDER_LEADS = "SELECT COUNT(*) FROM applications WHERE status = 'submitted'"
# The people of a copy who acted as staff (the audit log names only staff by their id) but are
# not in ADMIN_IDS: counted as talents, as /stats counts them with that ADMIN_IDS, and named
# apart (a staff review s64, L7: a backup run with another .env than the bot's counted the
# admin as a talent, and the operator's check against /stats gave two numbers).
UNLISTED_STAFF = """
SELECT COUNT(*) FROM users WHERE user_id IN (SELECT actor_id FROM audit_log)
    AND user_id NOT IN (SELECT value FROM json_each(:staff))
"""

PAGES_PER_STEP = 256  # 1 MB of 4 KB pages: about a millisecond of copying per step
STEP_PAUSE = 0.001  # seconds between steps, so the copy never hogs the disk
FLUSH_EVERY_STEPS = 4  # flush the copy to disk every 4 MB, never all of it at once
DAILY = timedelta(days=1)
FIRST_DAILY_DELAY = 300.0  # seconds after start-up before a first (or overdue) daily backup


class BackupError(Exception):
    """The copy could not be made or did not pass the integrity check."""


class OutputExists(BackupError):
    """The backup's file already exists: refused before anything is copied."""


@dataclass(frozen=True, slots=True)
class Counted:
    """What a copy holds, as /stats counts it: talents (people less `staff`, ADMIN_IDS), the
    staff left out, leads, and the people who acted as staff but are counted as talents (not
    in ADMIN_IDS)."""

    talents: int
    leads: int
    staff: int = 0
    unlisted_staff: int = 0

    def people(self) -> str:
        """ "15 talents (and 1 staff member, ADMIN_IDS)", as the summaries say it."""
        talents = count_of(self.talents, "talent")
        if not self.staff:
            return talents
        return f"{talents} (and {count_of(self.staff, 'staff member')}, ADMIN_IDS)"

    def note(self) -> str | None:
        """Why the talents may not be /stats' figure: people who acted as staff counted."""
        if not self.unlisted_staff:
            return None
        verb = "is" if self.unlisted_staff == 1 else "are"
        return (
            f"Note: {self.unlisted_staff} of these talents acted as staff (in the audit log) but"
            f" {verb} not in ADMIN_IDS here; /stats leaves out ADMIN_IDS, so with the bot's"
            " ADMIN_IDS it counts fewer talents."
        )


@dataclass(frozen=True, slots=True)
class BackupResult:
    """What a finished backup holds."""

    path: Path
    size_bytes: int
    counted: Counted
    seconds: float
    signed: bool = True

    @property
    def talents(self) -> int:
        return self.counted.talents

    @property
    def leads(self) -> int:
        return self.counted.leads

    def summary(self) -> str:
        """One line for the command line and the log (and a note, when there is one)."""
        signed = "signed" if self.signed else "NOT signed"
        line = (
            f"Backup written to {self.path}: {_size(self.size_bytes)},"
            f" {self.counted.people()}, {count_of(self.leads, 'lead')}, integrity ok, {signed},"
            f" in {self.seconds:.1f} s."
        )
        note = self.counted.note()
        return f"{line}\n{note}" if note else line


def take_backup(
    database: Path, output: Path, erasure_key: bytes | None, staff: Iterable[int] = ()
) -> BackupResult:
    """Copy the database to `output` (which must not exist), check it, sign it with a key
    derived from the erasure key (unsigned without one), return what it holds (its talents
    counted as /stats counts them: not `staff`, ADMIN_IDS).

    Blocking: run it in a thread. The file and its signature are created 0600 (the folder
    0700 if new).
    """
    started = time.monotonic()
    if not database.is_file():
        raise BackupError(f"no database at {database}")
    if output.exists():
        raise OutputExists(f"{output} already exists; choose another file")
    partial = output.with_name(output.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()  # left by a copy that was interrupted
    os.close(create_private(partial))
    try:
        copy_database(database, partial)
        counted = check_copy(partial, staff)
        with open(partial, "rb+") as file:
            os.fsync(file.fileno())
        if erasure_key is not None:  # the signature first: a named file is a signed one
            sign(partial, output, signing_key(erasure_key))
        os.replace(partial, output)
        sync_folder(output.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    seconds = time.monotonic() - started
    size = output.stat().st_size
    return BackupResult(output, size, counted, seconds, signed=erasure_key is not None)


def copy_database(database: Path, target: Path) -> None:
    """Copy a database (live or not) page by page into `target`, as one consistent snapshot."""
    # mode=rw: never create an empty database where the real one is missing.
    source = sqlite3.connect(f"file:{database}?mode=rw", uri=True, isolation_level=None)
    source.execute("PRAGMA trusted_schema=OFF")  # it may be a backup from elsewhere
    destination = sqlite3.connect(target, isolation_level=None)
    # A new file, thrown away if anything fails: no journal needed while it is written. It is
    # flushed a few MB at a time instead, so no single big flush makes the bot's commits
    # (each one a small flush on the same disk) queue behind it.
    destination.execute("PRAGMA journal_mode=OFF")
    destination.execute("PRAGMA synchronous=OFF")
    flusher = os.open(target, os.O_RDONLY)
    steps = 0

    def flush_now_and_then(status: int, remaining: int, total: int) -> None:
        nonlocal steps
        steps += 1
        if steps % FLUSH_EVERY_STEPS == 0:
            os.fsync(flusher)

    try:
        source.execute("PRAGMA query_only=ON")
        source.execute("BEGIN")
        source.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # pins the snapshot
        source.backup(
            destination, pages=PAGES_PER_STEP, progress=flush_now_and_then, sleep=STEP_PAUSE
        )
        source.execute("ROLLBACK")
        # One self-contained file: no -wal beside it to forget when it is copied away.
        destination.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as error:
        raise BackupError(f"copy failed: {error}") from error
    finally:
        os.close(flusher)
        destination.close()
        source.close()


def check_copy(path: Path, staff: Iterable[int] = ()) -> Counted:
    """Integrity check of a copy; its numbers of talents (users but `staff`, as /stats counts
    them) and leads (submitted, less those closed as a duplicate, as /stats counts them): a copy
    at this bot's schema (a restore counts after migrating), or at an older release's (the
    backup before an upgrade: OLDER_TALENTS and OLDER_LEADS)."""
    return _checked(path, staff)


def check_integrity(path: Path) -> None:
    """Integrity check of a copy at any of this bot's schema versions (nothing counted)."""
    _checked(path, None)


def _checked(path: Path, staff: Iterable[int] | None) -> Counted:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        connection.execute("PRAGMA trusted_schema=OFF")  # nothing in a copy is trusted yet
        verdict = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if verdict != ["ok"]:
            raise BackupError(f"integrity check failed: {'; '.join(verdict[:3])}")
        if staff is None:
            return Counted(0, 0)
        at = schema_at(connection)
        old = at is not None and is_behind(at)  # before an upgrade: an older release made it
        listed = staff_parameter(staff)
        talents = connection.execute(OLDER_TALENTS if old else TALENTS, listed).fetchone()[0]
        leads = connection.execute(OLDER_LEADS if old else LEADS).fetchone()[0]
        people = connection.execute("SELECT COUNT(*) FROM users").fetchone()[0]
        try:
            unlisted = connection.execute(UNLISTED_STAFF, listed).fetchone()[0]
        except sqlite3.OperationalError:  # a release before the audit log: nobody to name
            unlisted = 0
    except sqlite3.Error as error:
        raise BackupError(f"not a database of this bot: {error}") from error
    except SchemaMismatch as error:  # a crafted migrations table (an attacker's review s63, L2)
        raise BackupError(str(error)) from error
    finally:
        connection.close()
    return Counted(int(talents), int(leads), int(people) - int(talents), int(unlisted))


def backup_name(database: Path, now: datetime) -> str:
    """kocca-20261201T030000.123Z.db: sorts by time, says which database it copies."""
    return f"{database.stem}-{now.strftime('%Y%m%dT%H%M%S')}.{now.microsecond // 1000:03d}Z.db"


def prune(folder: Path, database: Path, keep: int) -> list[Path]:
    """Delete the oldest daily backups of this database beyond `keep` (with their signatures);
    return those deleted.

    Only files named as `backup_name` makes them are touched, never anything else there.
    """
    pattern = re.compile(re.escape(database.stem) + r"-\d{8}T\d{6}\.\d{3}Z\.db")
    ours = sorted(path for path in folder.iterdir() if pattern.fullmatch(path.name))
    doomed = ours[:-keep] if len(ours) > keep else []
    for path in doomed:
        remove_with_signature(path)
    return doomed


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024:.0f} kB"


async def backup_and_record(
    store: Store, output: Path, kind: str, staff: Iterable[int] = ()
) -> BackupResult:
    """Take a backup in a thread and record the outcome in the database (for status)."""
    started = datetime.now(UTC)
    path, key = store.db.path, store.privacy.key
    try:
        result = await asyncio.to_thread(take_backup, path, output, key, staff)
    except (BackupError, OSError) as error:
        await record(store, kind, started, output, None, reason(error))
        raise
    await record(store, kind, started, output, result, None)
    return result


async def record(
    store: Store,
    kind: str,
    started: datetime,
    output: Path,
    result: BackupResult | None,
    error: str | None,
) -> None:
    """Note the backup for `kocca-bot status`; a database that cannot be written is no reason
    to lose the backup itself (or the error that explains why it failed)."""
    try:
        await store.ops.record_backup(
            kind,
            started.isoformat(timespec="microseconds"),
            str(output),
            size_bytes=result.size_bytes if result else None,
            talents=result.talents if result else None,
            leads=result.leads if result else None,
            seconds=result.seconds if result else None,
            error=error,
        )
    except sqlite3.Error as problem:
        log.warning("Could not record the backup in the database (%s)", problem)


def reason(error: BaseException) -> str:
    """A short reason for the staff alert and status: no paths beyond the backup's own."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error).splitlines()[0][:160] if str(error) else type(error).__name__


class DailyBackup:
    """The running bot's daily backup into BACKUP_DIR, keeping the last BACKUP_KEEP."""

    def __init__(
        self,
        store: Store,
        folder: Path,
        keep: int,
        alert: Callable[[str], Awaitable[None]],
        *,
        staff: Iterable[int] = (),
        first_delay: float = FIRST_DAILY_DELAY,
    ) -> None:
        self._store = store
        self._staff = frozenset(staff)  # ADMIN_IDS: not counted as talents
        self._folder = folder
        self._keep = keep
        self._alert = alert
        self._first_delay = first_delay
        self._attempted: datetime | None = None  # also when the attempt could not be recorded

    async def run(self) -> None:
        """Back up once a day (a failure alerts staff once and is tried again a day later)."""
        await asyncio.sleep(self._first_delay)
        while True:
            try:
                recorded = await self._store.ops.last_backup_attempt("daily")
            except sqlite3.Error as error:  # the schedule is not worth stopping the backups for
                log.warning("Could not read when the last backup was made (%s)", error)
                recorded = None
            attempts = [when for when in (recorded, self._attempted) if when is not None]
            due = max(attempts) + DAILY if attempts else datetime.now(UTC)
            wait = (due - datetime.now(UTC)).total_seconds()
            if wait > 0:
                await asyncio.sleep(wait)
                continue
            await self.once()

    async def once(self) -> BackupResult | None:
        """One daily backup now; failures are logged and alerted, never raised."""
        database = self._store.db.path
        self._attempted = datetime.now(UTC)
        try:
            output = self._folder / backup_name(database, self._attempted)
            result = await backup_and_record(self._store, output, "daily", self._staff)
            deleted = prune(self._folder, database, self._keep)
        except Exception as error:
            log.error("Daily backup failed (%s); trying again in a day", reason(error))
            await self._alert(reason(error))
            return None
        log.info("%s Deleted %d old backup(s).", result.summary(), len(deleted))
        return result
