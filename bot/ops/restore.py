"""Put a backup in place of the database, keeping the current one beside it.

Refused while a bot runs on the database (its run lock, see runlock.py). The backup must be
signed (bot/ops/signing.py; `--unsigned` accepts a file without a signature, never one
whose signature does not match), pass the integrity check, and have exactly the schema this
bot's migrations make at its version (bot/store/schema.py): a trigger, view or table added
to a backup is refused, not restored. It is copied next to the database (a signed one byte
for byte, checked as it is copied), brought to this version's schema, and given what the
current database has and it must not lose (bot/ops/carry.py): erasure and withdrawal
records, applied before the copy is put in place, so a talent who asked for erasure (or
withdrew consent) after the backup was taken is erased again (bot.privacy.reapply_erasures)
and no command run between the restore and the next start shows them; the registrations
talents cancelled, closed and marked again in the copy; when each account sent
the registrations that count toward its day's limit (REGISTRATIONS_PER_DAY), so a restore
makes no room for more; the audit entries made since the backup. The erasure key must be the
one those records were made with. What the copy had queued to send is held
(bot/store/restores.py), the staff chat is told at the next start, and the restore itself is
recorded in the audit log.
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

from bot.erasure_key import KEY_HELP, erasure_key, key_source
from bot.ops.backup import BackupError, Counted, check_copy, check_integrity, copy_database
from bot.ops.carry import Carried, carry_over
from bot.ops.kept import damage, damaged_path, kept_path
from bot.ops.runlock import RunLock, lock_path
from bot.ops.signing import copy_verified, refuse_unsigned, signature_path, signing_key
from bot.privacy import reapply_erasures, use_checked_key
from bot.private_files import create_private, sync_folder
from bot.settings import Settings, SettingsError
from bot.store import Store, schema
from bot.store.audit import Actor
from bot.store.db import Database
from bot.store.privacy import key_check, read_key_check
from bot.terminal_text import count_of

log = logging.getLogger(__name__)

SIDE_FILES = ("-wal", "-shm", "-journal")
AUDIT_ACTION = "database_restored"


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What was restored and where the previous database was kept."""

    database: Path
    kept: Path | None
    counted: Counted
    carried: Carried
    signed: bool = True
    erased_again: int = 0
    withdrawn_again: int = 0
    held: dict[str, Any] = field(default_factory=dict)
    lost: dict[str, Any] = field(default_factory=dict)  # Restores.lost_work: to redo
    keep_days: int = 14  # BACKUP_KEEP: the kept database is deleted as old backups are
    damaged: str | None = None  # why the previous database, moved aside as `kept`, is damaged

    def summary(self) -> str:
        """Lines for the command line."""
        carried = self.carried
        lines = [
            f"Restored {self.database}: {self.counted.people()},"
            f" {count_of(self.counted.leads, 'lead')}."
        ]
        if note := self.counted.note():
            lines.append(note)
        lines.append(
            "The backup's signature was checked."
            if self.signed
            else "The backup was not signed (--unsigned); its schema was checked."
        )
        if self.kept is not None and self.damaged is not None:
            lines.append(
                f"The previous database cannot be read whole ({self.damaged}), so no erasure"
                f" can be applied to it: it is moved aside as {self.kept}, not kept as a"
                " backup is. It still holds talents' data that erasures made from now on"
                " will not reach, and `kocca-bot doctor` fails until it is gone (the bot"
                f" deletes it {count_of(self.keep_days, 'day')} after this restore). Once"
                f" nothing more is needed from it, delete it: rm {self.kept}*"
            )
        elif self.kept is not None:
            lines.append(
                f"The previous database is kept as {self.kept}, in case this restore was the"
                " wrong one. It holds every talent as they were, so it is held like a backup:"
                " erasures and withdrawals of consent made from now on are applied to it too,"
                f" and the bot deletes it {count_of(self.keep_days, 'day')} after this restore"
                f" (BACKUP_KEEP). Once you have checked the restore, delete it: rm {self.kept}"
            )
        if carried.nothing_read:
            lines.append(
                "WARNING: nothing could be carried over from the previous database: it cannot"
                f" be read ({carried.nothing_read}). Talents who asked for erasure, withdrew"
                " consent or cancelled a registration after the backup was taken, and the"
                " audit entries made since, are not in the restored database: see"
                " docs/operations.md, 'Restore'."
            )
            return self._after_carried(lines)
        if carried.unreadable:
            lines.append(
                "WARNING: the erasure records of the previous database could not be read"
                f" ({carried.unreadable}). Talents who asked for erasure after the backup"
                " was taken may be back: see docs/operations.md, 'Restore'."
            )
        else:
            lines.append(
                f"Carried over {count_of(carried.erasures, 'erasure record')} and"
                f" {count_of(carried.withdrawals, 'withdrawal record')} newer than the backup:"
                f" {count_of(self.erased_again, 'talent')} erased again, the applications of"
                f" {count_of(self.withdrawn_again, 'talent')} deleted again."
            )
        if carried.cancellations:
            lines.append(
                f"Carried over {count_of(carried.cancellations, 'cancellation')} made by"
                " talents since the backup: those registrations stay closed, no stage moves"
                " them, and their unsent stage messages are dropped."
            )
        if carried.registration_times:
            times = carried.registration_times
            lines.append(
                f"Carried over the send {'time' if times == 1 else 'times'} of"
                f" {count_of(times, 'registration')} that the backup lacks or an erasure kept"
                " (a hash of the Telegram id and the time only): REGISTRATIONS_PER_DAY still"
                f" counts {'it' if times == 1 else 'them'}."
            )
        lines.append(
            f"Carried over {count_of(carried.audit_entries, 'audit entry', 'audit entries')} made"
            " since the backup; the"
            " restore itself is recorded in the audit log."
        )
        return self._after_carried(lines)

    def _after_carried(self, lines: list[str]) -> str:
        """The summary's last lines: work lost, what the backup lacks, what was held."""
        carried = self.carried
        lines.extend(self._lost_lines())
        if carried.dropped_users or carried.dropped_leads:
            lines.append(
                f"{count_of(carried.dropped_users, 'user')} and"
                f" {count_of(carried.dropped_leads, 'lead')} of"
                " the replaced database are not in the backup (they came after it): they stay"
                " in the kept database only, until it is deleted."
            )
        held = self.held
        broadcasts = held.get("broadcasts", [])
        lines.append(
            f"Held, not sent: {count_of(held.get('talent_updates', 0), 'stage message')} (now"
            " 'uncertain': staff get «Send again» buttons),"
            f" {count_of(len(broadcasts), 'announcement')} cancelled;"
            f" {count_of(held.get('reminders', 0), 'reminder')} already sent since the backup"
            " will not go again. The staff chat is told when the bot starts."
        )
        lines.append("Start the bot as usual (kocca-bot run).")
        return "\n".join(lines)

    def _lost_lines(self) -> list[str]:
        """Staff work made since the backup that the restored database lacks (its audit
        entries were carried over): the leads to check and redo it on, other changes."""
        references: list[str] = self.lost.get("references", [])
        other: int = self.lost.get("other", 0)
        lines = []
        if references:
            lines.append(
                "NOT in the restored database: staff work made since the backup on"
                f" {count_of(len(references), 'lead')} (notes, stage moves, assignments,"
                " corrected answers, answers to talents), though the audit entries carried"
                f" over still show it: {', '.join(references)}. Check each and redo what is"
                " missing (answers already sent reached the talent; their questions may show"
                " as waiting again). The staff chat is told when the bot starts."
            )
        if other:
            lines.append(
                f"NOT in the restored database either: {count_of(other, 'other change')} made"
                " since the backup (announcements queued, rescheduled or cancelled, wordings"
                " taught to the bot); see kocca-bot audit --changes."
            )
        return lines


def restore(
    settings: Settings, backup: Path, now: datetime | None = None, *, unsigned: bool = False
) -> RestoreResult:
    """Restore `backup` over the database; raises DatabaseInUse, BackupError (a damaged or
    foreign file, or a schema the migrations do not make), SignatureError (unsigned without
    `unsigned`, or a signature that does not match), SettingsError (the erasure key does not
    fit the records) or OSError.

    Blocking (the command line's; not for the event loop of a running bot).
    """
    database = settings.database_path
    now = now or datetime.now(UTC)
    if not backup.is_file():
        raise BackupError(f"no file at {backup}")
    with _run_lock(database):
        _check_current_key(settings)
        staged = database.with_name(f".{database.name}.restoring")
        _remove_with_side_files(staged)
        os.close(create_private(staged))
        try:
            signed = _stage(settings, backup, staged, accept_unsigned=unsigned)
            check_integrity(staged)  # refuse a damaged or foreign file before anything else
            _check_schema(backup, staged)
            # The schema this version expects, so the records fit (what the next start would
            # do anyway); then what the backup does not have yet.
            asyncio.run(_migrate(staged))
            carried = carry_over(database, staged)
            applied = asyncio.run(_apply(settings, staged, backup, carried, signed))
            counted = check_copy(staged, settings.admin_ids)
            _single_file(staged)
            kept, damaged = _keep_current(database, now)
            os.replace(staged, database)
            sync_folder(database.parent)
        except BaseException:
            _remove_with_side_files(staged)
            raise
    log.info(
        "Restored %s from a backup (%d erasure, %d withdrawal records, %d cancellations and %d"
        " audit entries carried)",
        database,
        carried.erasures,
        carried.withdrawals,
        carried.cancellations,
        carried.audit_entries,
    )
    erased, withdrawn, held, lost = applied
    return RestoreResult(
        database,
        kept,
        counted,
        carried,
        signed,
        erased,
        withdrawn,
        held,
        lost,
        keep_days=settings.backup_keep,
        damaged=damaged,
    )


@contextlib.contextmanager
def _run_lock(database: Path) -> Iterator[None]:
    """The database's run lock for the restore; a lock file the restore made goes again when
    it is refused, removed while still held (a staff review s63, L5: a new server's folder kept
    a `new.db.lock` beside no database after a refusal for a missing erasure key)."""
    made = not lock_path(database).exists()
    with RunLock(database):
        try:
            yield
        except BaseException:
            if made:
                lock_path(database).unlink(missing_ok=True)
            raise


def _stage(settings: Settings, backup: Path, staged: Path, *, accept_unsigned: bool) -> bool:
    """Copy the backup to `staged`; whether it was signed (SignatureError if it must be)."""
    if not signature_path(backup).exists():
        if not accept_unsigned:
            raise refuse_unsigned(backup)
        try:
            copy_database(backup, staged)  # SQLite's copy: a -wal beside the file counts too
        except BackupError as error:
            raise _not_a_backup(backup, error) from error
        return False
    try:
        key = erasure_key(settings, create=False)
    except SettingsError:
        raise SettingsError(
            f"Configuration error: the erasure key ({key_source(settings)}) is missing, and"
            f" {backup} is signed with it: not restored; copy the key from where the backups'"
            f" key is kept ({KEY_HELP})"
        ) from None
    # Byte for byte, checked as copied: what is restored is what was signed.
    copy_verified(backup, staged, signing_key(key))
    return True


def _not_a_backup(backup: Path, error: BackupError) -> BackupError:
    """A file SQLite cannot read as a database is no backup, not a copy that failed (a staff
    review s65, finding 4: "copy failed: file is not a database" read as a disk fault)."""
    cause = error.__cause__
    code = getattr(cause, "sqlite_errorcode", None)
    if code not in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
        return error
    return BackupError(
        f"{backup} is not a database backup made by kocca-bot backup ({cause}); nothing was changed"
    )


def _check_schema(backup: Path, staged: Path) -> None:
    """Refuse a copy whose schema is not the one the migrations make at its version."""
    connection = sqlite3.connect(f"file:{staged}?mode=ro", uri=True)
    try:
        connection.execute("PRAGMA trusted_schema=OFF")
        wrong = schema.problems(connection)
    finally:
        connection.close()
    if wrong:
        more = f" (and {len(wrong) - 5} more)" if len(wrong) > 5 else ""
        raise BackupError(
            f"the schema of {backup} is not the one this bot's migrations make, so it is not"
            f" a backup as the bot wrote it: {'; '.join(wrong[:5])}{more}"
        )


async def _migrate(path: Path) -> None:
    await (await Database.open(path)).close()


async def _apply(
    settings: Settings, staged: Path, backup: Path, carried: Carried, signed: bool
) -> tuple[int, int, dict[str, Any], dict[str, Any]]:
    """On the copy: check the key, hold what it had queued, apply the carried records, say
    which staff work made since the backup it lacks, record the restore in the audit log."""
    store = await Store.open(staged)
    try:
        await use_checked_key(store, settings)
        held = await store.restores.hold_queued(backup.name, carried.reminders)
        erased, withdrawn = await reapply_erasures(store)
        # Registrations sent after the backup still count toward the day's limit.
        await store.privacy.keep_sent_times(carried.sent_since_backup)
        lost = await store.restores.lost_work(carried.audit_after) if carried.audit_entries else {}
        broadcasts = held["broadcasts"]
        assert isinstance(broadcasts, list)
        await store.audit.add(
            Actor.cli(),
            AUDIT_ACTION,
            file=str(backup),
            signed=signed,
            carried_erasures=carried.erasures,
            carried_withdrawals=carried.withdrawals,
            carried_cancellations=carried.cancellations,
            carried_reminders=carried.reminders,
            carried_audit_entries=carried.audit_entries,
            carried_registration_times=carried.registration_times,
            erased_again=erased,
            withdrawn_again=withdrawn,
            held_stage_messages=held["talent_updates"],
            held_announcements=len(broadcasts),
            dropped_users=carried.dropped_users,
            dropped_leads=carried.dropped_leads,
            work_lost_on_leads=len(lost.get("references", [])),
            other_work_lost=lost.get("other", 0),
        )
        return erased, withdrawn, held, lost
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
            f" current database's erasure/withdrawal records ({keyed}) were made with:"
            " not restored; put back the original key first (docs/operations.md, 'The erasure key')"
        )


def _single_file(path: Path) -> None:
    """Leave the staged copy whole in its one file, in WAL mode: it is moved alone.

    DELETE first writes every page the -wal holds into the file and removes it. WAL is then
    set in the file's header, with nothing written after it: the -wal it opens stays empty
    and goes with the connection. So the restored database starts in the mode the bot keeps
    and doctor checks, not "✘ Database WAL mode" until the first start (a staff review s64,
    L9: the docs' move steps say restore, doctor, start). The backup and its signature are
    not touched: they were checked when the copy was staged."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("PRAGMA journal_mode=WAL")
    finally:
        connection.close()


def _keep_current(database: Path, now: datetime) -> tuple[Path | None, str | None]:
    """Move the current database (and its -wal, so it stays whole) aside with a timestamp:
    where, and why it cannot be read whole if so (then named as damaged: no erasure can be
    applied to it, bot/ops/kept.py)."""
    if not database.exists():
        for suffix in SIDE_FILES:  # stale files would be read as part of the restored one
            with contextlib.suppress(FileNotFoundError):
                database.with_name(database.name + suffix).unlink()
        return None, None
    with contextlib.suppress(sqlite3.Error):
        connection = sqlite3.connect(f"file:{database}?mode=rw", uri=True)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
    damaged = damage(database)
    kept = kept_path(database, now) if damaged is None else damaged_path(database, now)
    os.replace(database, kept)
    for suffix in SIDE_FILES:
        side = database.with_name(database.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    return kept, damaged


def _remove_with_side_files(path: Path) -> None:
    for name in (path.name, *(path.name + suffix for suffix in SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(name).unlink()
