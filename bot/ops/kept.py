"""The databases a restore replaced, kept beside the database as a safety net.

`kocca-bot restore` keeps the database it replaces whole, as
`kocca.before-restore-YYYYMMDDTHHMMSSZ.db` (bot/ops/restore.py), in case the restore was the
wrong one. It holds every talent as they were before the restore, those the backup lacked
included, so it is held like a backup, never longer (an attacker's review s59, M3: erasures
never reached it, and a talent the restore dropped was told all her data was erased while it
held her answers):

- each erasure and withdrawal of consent made afterwards is applied to it as well: the running
  bot does it as one is made, before the talent is told it is done (`KeptDatabases`, the
  store's after-erasure hook), and at each start for any it missed (a crash in between);
- it is deleted BACKUP_KEEP days after the restore, as the daily backups are, so nothing in it
  outlives what the retention of backups already allows;
- `restore` says so, and `doctor` names each kept database with its age.

A database that cannot be read whole (damaged pages: the reason for most restores) cannot be
cleaned by later erasures. A restore does not keep it so: it moves it aside as
`kocca.damaged-YYYYMMDDTHHMMSSZ.db` (`damaged_path`), says it holds talents' data no erasure
reaches and to delete it once nothing more is needed from it, and `doctor` fails (✘) while
one is there, or while a kept database cannot be read (a new staff review s64, M1: a damaged
file was kept as a kept database, each erasure only logged that it could not be applied,
doctor said "later erasures are applied to it", and talents were told all was erased). The
bot deletes it BACKUP_KEEP days after the restore, as a kept database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.private_files import sync_folder
from bot.store import Store
from bot.terminal_text import count_of

log = logging.getLogger(__name__)

STAMP = "%Y%m%dT%H%M%SZ"
SIDE_FILES = ("-wal", "-shm", "-journal")
RECHECK = timedelta(days=1)  # the longest the worker sleeps between deadlines
ERASURE_WAIT = 10.0  # seconds a talent's confirmation waits for the kept databases at most


@dataclass(frozen=True, slots=True)
class KeptDatabase:
    """One database a restore replaced, and when."""

    path: Path
    restored_at: datetime

    def age_days(self, now: datetime) -> int:
        """Whole days since the restore."""
        return max((now - self.restored_at).days, 0)


def kept_path(database: Path, now: datetime) -> Path:
    """Where a restore at `now` keeps the database it replaces."""
    stamp = now.strftime(STAMP)
    return database.with_name(f"{database.stem}.before-restore-{stamp}{database.suffix}")


def damaged_path(database: Path, now: datetime) -> Path:
    """Where a restore at `now` moves a database it replaces that cannot be read whole."""
    stamp = now.strftime(STAMP)
    return database.with_name(f"{database.stem}.{DAMAGED}-{stamp}{database.suffix}")


KEPT = "before-restore"
DAMAGED = "damaged"


def kept_databases(database: Path) -> list[KeptDatabase]:
    """The kept databases beside `database`, oldest first (only files named as `kept_path`
    names them)."""
    return _beside(database, KEPT)


def damaged_copies(database: Path) -> list[KeptDatabase]:
    """The damaged databases a restore moved aside beside `database` (`damaged_path`), oldest
    first."""
    return _beside(database, DAMAGED)


def damage(path: Path) -> str | None:
    """Why a database file cannot be read whole (SQLite's reason: "database disk image is
    malformed"), or None when it can (`PRAGMA quick_check`, read-only: nothing is changed, and
    without a -wal beside it no side file is made: doctor creates nothing)."""
    alone = not path.with_name(path.name + "-wal").exists()
    try:
        connection = sqlite3.connect(
            f"file:{path}?mode=ro{'&immutable=1' if alone else ''}", uri=True
        )
    except sqlite3.Error as error:
        return str(error)
    try:
        connection.execute("PRAGMA trusted_schema=OFF")
        verdict = [row[0] for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.Error as error:
        return str(error)
    finally:
        connection.close()
    return None if verdict == ["ok"] else "; ".join(verdict[:3])


def _beside(database: Path, label: str) -> list[KeptDatabase]:
    pattern = re.compile(
        re.escape(database.stem) + rf"\.{label}-(\d{{8}}T\d{{6}}Z)" + re.escape(database.suffix)
    )
    found = []
    with contextlib.suppress(FileNotFoundError):
        for path in database.parent.iterdir():
            match = pattern.fullmatch(path.name)
            if match is None or not path.is_file():
                continue
            with contextlib.suppress(ValueError):  # a stamp no calendar has
                when = datetime.strptime(match.group(1), STAMP).replace(tzinfo=UTC)
                found.append(KeptDatabase(path, when))
    return sorted(found, key=lambda kept: kept.restored_at)


def prune_kept(database: Path, keep_days: int, now: datetime | None = None) -> list[Path]:
    """Delete the kept and damaged databases restored more than `keep_days` days ago (with
    their side files); return those deleted."""
    now = now or datetime.now(UTC)
    doomed = [
        kept.path
        for kept in (*kept_databases(database), *damaged_copies(database))
        if now - kept.restored_at >= timedelta(days=keep_days)
    ]
    for path in doomed:
        for name in (path.name, *(path.name + suffix for suffix in SIDE_FILES)):
            with contextlib.suppress(FileNotFoundError):
                path.with_name(name).unlink()
    if doomed:
        sync_folder(database.parent)
    return doomed


# The live database's records, copied into a kept one as not yet applied (those it already
# has, by hash and time, are not copied again).
_RECORDS = {
    "erasures": (
        "SELECT subject_hash, erased_at, keyed FROM erasures",
        "INSERT INTO erasures (subject_hash, erased_at, keyed, applied) SELECT ?1, ?2, ?3, 0"
        " WHERE NOT EXISTS (SELECT 1 FROM erasures WHERE subject_hash = ?1 AND erased_at = ?2)",
    ),
    "withdrawals": (
        "SELECT subject_hash, withdrawn_at FROM withdrawals",
        "INSERT INTO withdrawals (subject_hash, withdrawn_at, applied) SELECT ?1, ?2, 0"
        " WHERE NOT EXISTS"
        " (SELECT 1 FROM withdrawals WHERE subject_hash = ?1 AND withdrawn_at = ?2)",
    ),
}


async def apply_erasures_to(store: Store, kept: Path) -> tuple[int, int]:
    """Apply the live store's erasure and withdrawal records to the kept database `kept`, as
    a restore applies them to its copy; how many talents were erased, and how many had
    their applications deleted, in it.

    The records are read through the live store's own connection (no second connection to
    the live file that could hold its WAL), and written in the kept database, whose deleted
    rows are zeroed (secure_delete) and whose WAL is emptied, as in the live one.
    """
    records = {
        table: [tuple(row) for row in await store.db.fetch_all(read)]
        for table, (read, _) in _RECORDS.items()
    }
    copy = await Store.open(kept, erasure_key=store.privacy.key)
    copy.privacy.content_words = store.privacy.content_words  # kept in taught wordings
    try:
        async with copy.db.transaction() as tx:
            for table, (_, insert) in _RECORDS.items():
                if records[table]:
                    await tx.execute_many(insert, records[table])
        erased = await copy.privacy.erase_again()
        withdrawn = await copy.privacy.withdraw_again()
    finally:
        await copy.close()
    return erased, withdrawn


class KeptDatabases:
    """The running bot's care of the kept databases beside its own: later erasures applied to
    them as they are made, each deleted BACKUP_KEEP days after its restore."""

    def __init__(self, store: Store, keep_days: int) -> None:
        self._store = store
        self._database = store.db.path
        self._keep_days = keep_days
        self._lock = asyncio.Lock()  # one pass at a time
        self._pending: set[asyncio.Task[None]] = set()

    async def erasure_made(self) -> None:
        """The store's after-erasure hook: the erasure (or withdrawal) just made is applied to
        the kept databases before the talent is told it is done. A pass that takes longer than
        ERASURE_WAIT (a kept database locked by another program) goes on in the background."""
        if not kept_databases(self._database):
            return  # the usual case: one listing of the folder
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(self._pass()), ERASURE_WAIT)

    async def run(self) -> None:
        """At start, apply any erasure the kept databases missed; then delete each when due.
        A stop lets the passes in hand finish first."""
        try:
            while True:
                await asyncio.shield(self._pass())
                await asyncio.sleep(self._until_next_deadline())
        except asyncio.CancelledError:
            await asyncio.gather(*self._pending, return_exceptions=True)
            raise

    def _pass(self) -> asyncio.Task[None]:
        """A pass of `once` that a stop lets finish."""
        task = asyncio.ensure_future(self.once())
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)
        return task

    async def once(self) -> None:
        """Prune the kept databases due, apply the erasures to the others; failures logged."""
        async with self._lock:
            await self._once()

    async def _once(self) -> None:
        try:
            deleted = await asyncio.to_thread(prune_kept, self._database, self._keep_days)
        except OSError as error:
            log.warning("Could not delete an old kept database (%s)", error.strerror or error)
            deleted = []
        for path in deleted:
            log.info("Deleted %s: restored more than %d days ago", path.name, self._keep_days)
        for kept in kept_databases(self._database):
            try:
                erased, withdrawn = await apply_erasures_to(self._store, kept.path)
            except (sqlite3.Error, OSError) as error:
                log.warning(
                    "Could not apply the erasures to the kept database %s (%s); trying again at"
                    " the next erasure or start",
                    kept.path.name,
                    error,
                )
                continue
            if erased or withdrawn:
                log.info(
                    "Applied erasures to the kept database %s: %s erased, the applications"
                    " of %s deleted",
                    kept.path.name,
                    count_of(erased, "talent"),
                    count_of(withdrawn, "talent"),
                )

    def _until_next_deadline(self) -> float:
        now = datetime.now(UTC)
        deadlines = [
            kept.restored_at + timedelta(days=self._keep_days)
            for kept in (*kept_databases(self._database), *damaged_copies(self._database))
        ]
        soonest = min([*deadlines, now + RECHECK])
        return max((soonest - now).total_seconds(), 0.0) + 1.0
