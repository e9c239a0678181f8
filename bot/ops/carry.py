"""What a restore carries from the database it replaces into the restored copy.

The backup is older than the database it replaces. What happened since and must not be
undone is copied into the copy before it is put in place: erasure and withdrawal records
(applied again afterwards, bot.privacy.reapply_erasures), the under-18 answers given since
(an adult age in a later form is asked about), the registrations talents cancelled
(bot/store/cancellations.py: closed and marked again, so nobody works them or tells the talent
about them), the registration reminders sent
(none goes twice), the highest ids staff hold (lead references, buttons), when each account
sent the registrations that count toward its day's limit (REGISTRATIONS_PER_DAY: those an
erasure or a withdrawal kept under its keyed hash, and those of leads the copy lacks, given
to `Privacy.keep_sent_times` to keep the same way), and the audit
entries made since the backup (the record of processing only grows; erased talents' lead
references in them are already the erasure hash, and those of records carried now become
it when they are applied). What the replaced database has and the backup lacks (talents and
leads that came after it) is counted, not carried: it stays in the kept database.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.store.db import ago
from bot.store.privacy import SENT_COUNTED
from bot.store.restores import HELD
from bot.store.talent_updates import carry_high_water

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Carried:
    """What was carried over, and what the replaced database has that the backup lacks."""

    erasures: int = 0
    withdrawals: int = 0
    unreadable: str | None = None  # why the replaced database's records could not be read
    reminders: int = 0
    audit_entries: int = 0
    dropped_users: int = 0
    dropped_leads: int = 0
    registrations_sent: int = 0  # times kept under an erasure's keyed hash, carried as they are
    # (Telegram id, time) of registrations the copy lacks, sent within the day's limit: to be
    # kept under the keyed hash in the copy (`Privacy.keep_sent_times`), so the limit holds.
    sent_since_backup: tuple[tuple[int, str], ...] = ()
    cancellations: int = 0  # leads the talent cancelled after the backup, closed again
    # The copy's last audit entry before those carried: the carried ones come after it, and
    # name the staff work made since the backup that the copy lacks (Restores.lost_work).
    audit_after: int = 0
    nothing_read: str | None = None  # why the replaced database could not be read at all

    @property
    def registration_times(self) -> int:
        """How many times of registrations sent were carried, for the day's limit."""
        return self.registrations_sent + len(self.sent_since_backup)


def carry_over(current: Path, staged: Path) -> Carried:
    """Carry into the (migrated) copy `staged` what it must not lose from `current`."""
    if not current.exists():  # a new server, or a dead disk: nothing to carry
        return Carried()
    if (reason := _unopened(current)) is not None:
        # Damaged pages (the usual reason for a restore): said once, with SQLite's own reason,
        # not by each step with "unable to open" (a new staff review s64, L2).
        return Carried(unreadable=reason, nothing_read=reason)
    erasures, unreadable = _carry(current, staged, "erasures", _ERASURES)
    withdrawals, unreadable_too = _carry(current, staged, "withdrawals", _WITHDRAWALS)
    reminders = _carry_reminders(current, staged)
    cancellations = _carry_cancellations(current, staged)
    _carry_age_declarations(current, staged)
    _carry_high_water(current, staged)
    audit, audit_after = _carry_audit(current, staged)
    users, leads = _not_in_backup(current, staged)
    sent, unreadable_sent = _carry(current, staged, "registrations_sent", _SENT)
    if unreadable_sent:
        log.warning("Could not carry the times of registrations sent over: %s", unreadable_sent)
    return Carried(
        erasures,
        withdrawals,
        unreadable or unreadable_too,
        reminders,
        audit,
        users,
        leads,
        sent,
        _sent_since_backup(current, staged),
        cancellations,
        audit_after,
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

# When an account that erased its data or withdrew consent sent the registrations that still
# count toward its day's limit (bot/store/privacy.py): those the copy lacks.
_SENT = (
    "INSERT INTO main.registrations_sent (subject_hash, sent_at)"
    " SELECT c.subject_hash, c.sent_at FROM current.registrations_sent c"
    " WHERE NOT EXISTS (SELECT 1 FROM main.registrations_sent m"
    " WHERE m.subject_hash = c.subject_hash AND m.sent_at = c.sent_at)"
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
    columns = "application_id, number, user_id, status, questions_left, message_id, error,"
    columns += " created_at, sent_at"
    try:
        with _attached(current, staged) as connection:
            if not _has_table(connection, "reminders"):
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


# An account's latest form that said under 18 (bot/store/applications.py), when the replaced
# database's is newer than the copy's or the copy has none (the final review s60: a talent who
# said under 18 after the backup was not asked about an adult age after a restore). Only for
# accounts the copy has; an erasure since is applied again afterwards and takes it along.
_AGE_DECLARATIONS = (
    "INSERT INTO main.age_declarations"
    " (user_id, application_id, declared_at, adult_confirmed_at)"
    " SELECT c.user_id, c.application_id, c.declared_at, c.adult_confirmed_at"
    " FROM current.age_declarations c JOIN main.users u ON u.user_id = c.user_id WHERE true"
    " ON CONFLICT (user_id) DO UPDATE SET application_id = excluded.application_id,"
    " declared_at = excluded.declared_at, adult_confirmed_at = excluded.adult_confirmed_at"
    " WHERE excluded.declared_at >= age_declarations.declared_at"
)


def _carry_age_declarations(current: Path, staged: Path) -> None:
    """Under-18 answers given after the backup, kept as the replaced database keeps them."""
    try:
        with _attached(current, staged) as connection:
            if _has_table(connection, "age_declarations"):
                connection.execute(_AGE_DECLARATIONS)
    except sqlite3.Error as error:
        log.warning("Could not carry the under-18 answers since the backup over: %s", error)


# Leads of the copy that their talent cancelled in the replaced database (and not in the
# copy): matched by reference and talent, with the stage they were closed at and when.
_CANCELLED = (
    "SELECT m.id, c.stage, c.stage_changed_at, c.talent_withdrawn_at"
    " FROM current.lead_pipeline c JOIN current.applications ca ON ca.id = c.application_id"
    " JOIN main.applications m ON m.reference = ca.reference AND m.user_id = ca.user_id"
    " AND m.status = 'submitted'"
    " JOIN main.lead_pipeline p ON p.application_id = m.id"
    " WHERE c.talent_withdrawn_at IS NOT NULL AND p.talent_withdrawn_at IS NULL"
)


def _carry_cancellations(current: Path, staged: Path) -> int:
    """Registrations talents cancelled after the backup, cancelled again in the copy as
    `Cancellations.cancel` did: closed at the same stage and marked (no stage moves them),
    their stage messages not sent yet dropped, an update draft of them discarded."""
    try:
        with _attached(current, staged) as connection:
            columns = {
                row[1] for row in connection.execute("PRAGMA current.table_info(lead_pipeline)")
            }
            if "talent_withdrawn_at" not in columns:
                return 0  # a database from before talents could cancel
            connection.execute("PRAGMA foreign_keys = ON")  # a discarded draft's answers go too
            connection.execute("BEGIN IMMEDIATE")
            cancelled = connection.execute(_CANCELLED).fetchall()
            for lead_id, stage, changed_at, withdrawn_at in cancelled:
                connection.execute(
                    "UPDATE main.lead_pipeline SET stage = ?, version = version + 1,"
                    " stage_changed_at = ?, talent_withdrawn_at = ? WHERE application_id = ?",
                    (stage, changed_at, withdrawn_at, lead_id),
                )
                # Those queued in the backup were held, as bot/store/restores.py holds the
                # rest: staff's report says it may have gone out before; no «Send again».
                connection.execute(
                    "UPDATE main.talent_updates SET status = 'superseded', error = CASE WHEN"
                    " status IN ('pending', 'sending') THEN ? ELSE error END"
                    " WHERE application_id = ? AND status IN"
                    " ('pending', 'sending', 'uncertain', 'failed')",
                    (HELD, lead_id),
                )
                connection.execute(
                    "DELETE FROM main.applications WHERE status = 'draft' AND amends = ?",
                    (lead_id,),
                )
            connection.execute("COMMIT")
            return len(cancelled)
    except sqlite3.Error as error:
        log.warning("Could not carry the registrations cancelled since the backup over: %s", error)
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


# The audit log only grows, so when the copy's newest entry is also the replaced database's,
# the entries after it are those made since the backup. Otherwise (logs that parted ways, a
# backup of another database) every entry the copy lacks is carried, compared by what it
# records (its lead reference may have become an erasure hash since).
_AUDIT_COLUMNS = "created_at, actor_id, via, action, lead_ref, detail"
_AUDIT_SINCE = "c.id > ?"
_AUDIT_MISSING = (
    "NOT EXISTS (SELECT 1 FROM main.audit_log m WHERE m.created_at = c.created_at"
    " AND m.action = c.action AND m.actor_id IS c.actor_id AND m.via = c.via"
    " AND m.detail = c.detail)"
)


def _carry_audit(current: Path, staged: Path) -> tuple[int, int]:
    """Audit entries the replaced database has and the copy lacks, appended in their order;
    how many, and the id of the copy's last entry before them."""
    try:
        with _attached(current, staged) as connection:
            if not _has_table(connection, "audit_log"):
                return 0, 0
            last = connection.execute(
                "SELECT id, created_at, action FROM main.audit_log ORDER BY id DESC LIMIT 1"
            ).fetchone()
            after = 0 if last is None else int(last[0])
            shared = (
                last is not None
                and connection.execute(
                    "SELECT 1 FROM current.audit_log"
                    " WHERE id = ? AND created_at = ? AND action = ?",
                    last,
                ).fetchone()
            )
            where, params = (_AUDIT_SINCE, (last[0],)) if shared else (_AUDIT_MISSING, ())
            connection.execute("BEGIN IMMEDIATE")
            cursor = connection.execute(
                f"INSERT INTO main.audit_log ({_AUDIT_COLUMNS}) SELECT {_AUDIT_COLUMNS}"  # noqa: S608 - constants
                f" FROM current.audit_log c WHERE {where} ORDER BY c.id",
                params,
            )
            connection.execute("COMMIT")
            return max(cursor.rowcount, 0), after
    except sqlite3.Error as error:
        log.warning("Could not carry the audit entries made since the backup over: %s", error)
        return 0, 0


def _not_in_backup(current: Path, staged: Path) -> tuple[int, int]:
    """Users (talents and staff) and submitted leads of the replaced database that the copy
    does not have (they came after the backup): counted for the operator and the audit log."""
    try:
        with _attached(current, staged) as connection:
            if not _has_table(connection, "users"):
                return 0, 0
            users = connection.execute(
                "SELECT COUNT(*) FROM current.users c"
                " WHERE NOT EXISTS (SELECT 1 FROM main.users m WHERE m.user_id = c.user_id)"
            ).fetchone()[0]
            leads = connection.execute(
                "SELECT COUNT(*) FROM current.applications c WHERE c.status = 'submitted'"
                " AND NOT EXISTS (SELECT 1 FROM main.applications m WHERE m.id = c.id)"
            ).fetchone()[0]
            return int(users), int(leads)
    except sqlite3.Error as error:
        log.warning("Could not count what the backup lacks: %s", error)
        return 0, 0


def _sent_since_backup(current: Path, staged: Path) -> tuple[tuple[int, str], ...]:
    """Who sent, and when, the registrations of the last day that the copy lacks (sent after
    the backup): they stay in the kept database only, and still count toward the limit."""
    try:
        with _attached(current, staged) as connection:
            if not _has_table(connection, "applications"):
                return ()
            rows = connection.execute(
                "SELECT c.user_id, c.submitted_at FROM current.applications c"
                " WHERE c.status = 'submitted' AND c.submitted_at >= ?"
                " AND NOT EXISTS (SELECT 1 FROM main.applications m"
                " WHERE m.id = c.id AND m.status = 'submitted')",
                (ago(SENT_COUNTED),),
            ).fetchall()
            return tuple((int(user_id), str(at)) for user_id, at in rows)
    except sqlite3.Error as error:
        log.warning("Could not read the registrations sent since the backup: %s", error)
        return ()


def _unopened(current: Path) -> str | None:
    """Why the replaced database cannot be opened and its schema read (SQLite's reason), or
    None when it can (each record is then carried on its own, a damaged table logged)."""
    try:
        connection = sqlite3.connect(f"file:{current}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return str(error)
    try:
        connection.execute("PRAGMA trusted_schema=OFF")
        connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        return str(error)
    finally:
        connection.close()
    return None


def _has_table(connection: sqlite3.Connection, name: str) -> bool:
    """Whether the replaced database has this table (it may be from an older version)."""
    return bool(
        connection.execute(
            "SELECT 1 FROM current.sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
    )
