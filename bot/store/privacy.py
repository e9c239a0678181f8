"""Everything stored about one talent: gathered for a copy, erased on request, aged out."""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Collection
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.answers.text import name_words
from bot.store.audit import Audit, talent_ref
from bot.store.db import Database, Reader, Row, Transaction, ago, utc_now
from bot.store.notices import StaffNotices
from bot.store.support import SupportRelay
from bot.store.taught import TaughtPhrasings

# Tables holding a talent's data through other columns than user_id.
_ANSWERS = (
    "SELECT a.application_id, a.question_key, a.value, a.answered_at FROM answers a"
    " JOIN applications p ON p.id = a.application_id WHERE p.user_id = ? ORDER BY a.rowid"
)
_LOG = "SELECT * FROM conversation_log WHERE chat_id = ? OR user_id = ? ORDER BY id"
_CURRENT_STAGES = (
    "SELECT a.reference, p.stage, p.stage_changed_at, p.talent_withdrawn_at FROM lead_pipeline p"
    " JOIN applications a ON a.id = p.application_id WHERE a.user_id = ? ORDER BY a.id"
)
# The talent's stage changes, without the staff who made them (notes stay internal).
_STAGES = (
    "SELECT a.reference, h.from_value AS from_stage, h.to_value AS to_stage,"
    " h.notified = 1 AS talent_told, h.created_at FROM lead_history h"
    " JOIN applications a ON a.id = h.application_id"
    " WHERE a.user_id = ? AND h.kind = 'stage' ORDER BY h.id"
)
# Changes to the talent's answers (their own updates, staff corrections), without the staff
# member who made them.
_ANSWER_CHANGES = (
    "SELECT a.reference, c.kind, c.detail, c.created_at FROM lead_changes c"
    " JOIN applications a ON a.id = c.application_id"
    " WHERE a.user_id = ? AND c.kind IN ('talent_update', 'answer_edit') ORDER BY c.id"
)
# What the talent's copy lists of the messages relayed to the staff chat: a staff answer from
# the group is two rows, the staff member's message and the bot's "✅ Terkirim" note (a reply
# to either reaches the talent), kept apart by the table's fixed kinds; the copy lists it once,
# with the text the talent got (their chat's log line of it, if still kept).
_RELAYED_IN_COPY = """
SELECT r.*, CASE WHEN r.kind = 'answer' THEN (SELECT c.text FROM conversation_log c
        WHERE c.chat_id = r.user_id AND c.direction = 'out'
        AND c.message_id = r.talent_message_id ORDER BY c.id DESC LIMIT 1) END AS text
FROM relayed_messages r WHERE r.user_id = ?
    AND NOT (r.kind = 'answer' AND EXISTS (SELECT 1 FROM relayed_messages e
        WHERE e.user_id = r.user_id AND e.kind = 'answer'
        AND e.talent_message_id = r.talent_message_id AND e.id < r.id))
ORDER BY r.id
"""
_INBOX = "SELECT * FROM update_inbox WHERE sequence_key = ? ORDER BY update_id"
_INBOX_WAITING = (
    "SELECT * FROM update_inbox WHERE sequence_key = ? AND payload != '{}' ORDER BY update_id"
)
_INBOX_EMPTIED = "SELECT COUNT(*) FROM update_inbox WHERE sequence_key = ? AND payload = '{}'"
# A processed update in a copy: its stored record holds nothing any more (see _gather); no
# update has id 0, so it is never taken for the one asking for the copy.
EMPTIED: dict[str, Any] = {"update_id": 0, "payload": {}}
# Not personal data of one talent, or handled above.
_SKIP = {"conversation_log", "schema_migrations", "erasures"}
# Erased with the talent, but not part of their copy: counters the bot keeps only to do its
# work (how much log text their day has kept; the log itself is in the copy).
_NOT_IN_COPY = {"log_text_days"}
# What staff hold about a talent outside the bot, to be cleaned up by hand after an erasure
# or a withdrawal: the references in their exports, alerts and e-mails, and the questions
# relayed to the staff chat. Only references and message ids: no name, no Telegram id.
_REFERENCES = (
    "SELECT reference FROM applications WHERE user_id = ? AND reference IS NOT NULL"
    " AND created_at < ? ORDER BY id"
)
_RELAYED = (
    "SELECT staff_chat_id, staff_message_id FROM (SELECT 0 AS note, id, staff_chat_id,"
    " staff_message_id FROM relayed_messages WHERE user_id = ?1"
    # ... and the notes of their questions marked done (migration 0055), after those.
    " UNION ALL SELECT 1, id, staff_chat_id, staff_message_id FROM question_closes"
    " WHERE user_id = ?1 AND staff_message_id IS NOT NULL) ORDER BY note, id"
)
KEY_CHECK = b"check"
# The latest time of each subject's records a restore carried over (not applied yet).
_ERASURES = (
    "erasures",
    "SELECT subject_hash, MAX(erased_at) AS at FROM erasures"
    " WHERE keyed = 1 AND applied = 0 GROUP BY subject_hash",
)
_WITHDRAWALS = (
    "withdrawals",
    "SELECT subject_hash, MAX(withdrawn_at) AS at FROM withdrawals"
    " WHERE applied = 0 GROUP BY subject_hash",
)
# How long a sent registration counts toward REGISTRATIONS_PER_DAY (bot/leads/registration_limit):
# an account that erases its data or withdraws consent keeps, under the erasure's keyed hash,
# the times of the registrations it sent in that window, and only for it.
SENT_COUNTED = 24 * 3600
_KEEP_SENT = (
    "INSERT INTO registrations_sent (subject_hash, sent_at) SELECT ?, submitted_at"
    " FROM applications WHERE user_id = ? AND status = 'submitted' AND submitted_at >= ?"
)
_KEYED = (
    "SELECT (SELECT COUNT(*) FROM erasures WHERE keyed = 1) + (SELECT COUNT(*) FROM withdrawals)"
)


def subject_hash(user_id: int, key: bytes) -> str:
    """A keyed one-way hash of a Telegram id: proves an erasure without keeping the id.

    HMAC-SHA-256 with the erasure key over the unkeyed hash that records held before the key
    existed (`_unkeyed_hash`), so those old records can be sealed with the key in place
    (`Privacy.seal_unkeyed_records`) and match the same ids. Without the key, the record
    cannot be reversed by trying every Telegram id.
    """
    return _seal(_unkeyed_hash(user_id), key)


def _unkeyed_hash(user_id: int) -> str:
    return hashlib.sha256(f"kocca-talent-desk:erasure:{user_id}".encode()).hexdigest()


def _seal(unkeyed: str, key: bytes) -> str:
    return hmac.digest(key, unkeyed.encode(), "sha256").hex()


def key_check(key: bytes) -> str:
    """The check value of an erasure key, kept in the database: HMAC(key, "check").

    Tells whether a key is the one the database's keyed records were made with, without
    keeping the key there (the check value does not give the key away).
    """
    return hmac.digest(key, KEY_CHECK, "sha256").hex()


@dataclass(frozen=True, slots=True)
class CopySource:
    """What a talent's copy is made of (see Privacy.copy_source)."""

    tables: dict[str, list[dict[str, Any]]]  # every table but the conversation log
    log: AsyncIterator[list[Row]]  # the conversation log, oldest first, a list at a time


@dataclass(frozen=True, slots=True)
class CleanUp:
    """What staff hold about a talent outside the bot and must clean up by hand."""

    references: list[str]
    relayed: int = 0  # messages relayed to the staff chat (questions and answers)
    first_relayed: tuple[int, int] | None = None  # (staff chat id, message id)

    def detail(self) -> dict[str, object]:
        """As kept in a staff notice (references and message ids only)."""
        detail: dict[str, object] = {"references": self.references, "relayed": self.relayed}
        if self.first_relayed is not None:
            detail["first_relayed"] = list(self.first_relayed)
        return detail

    def worth_telling(self) -> bool:
        """Whether staff have anything to clean up."""
        return bool(self.references) or self.relayed > 0


def read_key_check(database: Path) -> tuple[str | None, int]:
    """A database file's key check value and number of keyed records, read without opening
    it as the bot does (for restore and doctor): (None, 0) for none, or an older database."""
    if not database.exists():
        return None, 0
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT value FROM erasure_key_check WHERE id = 1").fetchone()
            keyed = connection.execute(_KEYED).fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return None, 0  # from before the check value: it is recorded at the next start
    return (None if row is None else str(row[0])), int(keyed)


async def _clean_up(tx: Transaction, user_id: int, before: str, *, relayed: bool) -> CleanUp:
    """What staff must clean up by hand about this talent (see _REFERENCES)."""
    references = [row["reference"] for row in await tx.fetch_all(_REFERENCES, (user_id, before))]
    if not relayed:
        return CleanUp(references)
    messages = await tx.fetch_all(_RELAYED, (user_id,))
    first = (messages[0]["staff_chat_id"], messages[0]["staff_message_id"]) if messages else None
    return CleanUp(references, len(messages), first)


PURGE_BATCH = 2_000  # rows a transaction: about 20 ms of the event loop (100,000 in one: 0.4 s)
PURGE_LOG = (
    "DELETE FROM conversation_log WHERE id IN"
    " (SELECT id FROM conversation_log WHERE created_at < ? LIMIT ?)"
)
PURGE_QUESTIONS = (
    "DELETE FROM free_questions WHERE id IN"
    " (SELECT id FROM free_questions WHERE asked_at < ? LIMIT ?)"
)
# Processed updates past their two days, by the time they were finished: a range of the
# partial index update_inbox_finished (its WHERE repeated). By the time they arrived it was
# a pass over every processed update, on the event loop that answers talents: 0.1-0.5 s at
# 560,000 updates, once a day and a minute after start-up.
PURGE_PROCESSED = (
    "DELETE FROM update_inbox WHERE update_id IN (SELECT update_id FROM update_inbox"
    " WHERE status != 'pending' AND finished_at < ? LIMIT ?)"
)


class Privacy:
    """Data-subject requests over every table, present and future, that has a user_id."""

    def __init__(self, db: Database, erasure_key: bytes | None = None) -> None:
        self._db = db
        self._key = erasure_key
        # Erasures and withdrawals done by this process: an update in hand meanwhile may hold
        # a stored copy they could not empty (still pending), so the runner scrubs the files
        # again once that update is done (bot/transport/runner.py).
        self.erasures = 0
        # Called after every erasure or withdrawal: copies held outside the database (the
        # workspace's exports not yet fetched) go with it.
        self.on_erasure: list[Callable[[], None]] = []
        # Awaited after a talent's erasure or withdrawal, before they are told it is done:
        # copies of the database kept beside it (bot/ops/kept.py) are erased in as well.
        self.after_erasure: list[Callable[[], Awaitable[None]]] = []
        # The words the content's entries say (set by the running bot): a talent's name that
        # is one of them ("Bintang", a stage name "The Monsoons", a username "korea_dreamer")
        # is not masked in what staff taught, where it is the question's word, not her name.
        self.content_words: Callable[[], Collection[str]] = frozenset

    def _erased(self) -> None:
        self.erasures += 1
        for listener in list(self.on_erasure):
            listener()

    async def _after_erasure(self) -> None:
        for hook in list(self.after_erasure):
            await hook()

    @property
    def key(self) -> bytes:
        """The erasure key this store was opened with (`bot.erasure_key.erasure_key`)."""
        if self._key is None:
            raise RuntimeError("this store was opened without the erasure key")
        return self._key

    def use_key(self, key: bytes) -> None:
        """Give the store its erasure key once it has been checked against the database."""
        self._key = key

    async def key_check(self) -> str | None:
        """The check value of the key this database's records were made with, if recorded."""
        value = await self._db.fetch_value("SELECT value FROM erasure_key_check WHERE id = 1")
        return None if value is None else str(value)

    async def set_key_check(self, value: str) -> None:
        """Record the check value of the key in use (first use, or no keyed records yet)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO erasure_key_check (id, value, created_at) VALUES (1, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET value = excluded.value,"
                " created_at = excluded.created_at",
                (value, utc_now()),
            )

    async def keyed_records(self) -> int:
        """How many records only the erasure key can match (erasures and withdrawals)."""
        return int(await self._db.fetch_value(_KEYED))

    def subject_hash(self, user_id: int) -> str:
        """The erasure record of a Telegram id, with this store's key."""
        return subject_hash(user_id, self.key)

    async def erased_since(self, tx: Transaction | Database, user_id: int, since: str) -> bool:
        """Whether this Telegram id asked for erasure after a moment: a staff member whose
        answer was on its way then is not named on it (`_forget_log` could not see it yet).
        `tx`: the answer's transaction, or the database itself (`erased_after`)."""
        if self._key is None or user_id < 0:  # no key: no erasure made here; < 0: the group
            return False
        row = await tx.fetch_one(
            "SELECT 1 FROM erasures WHERE subject_hash = ? AND erased_at >= ?",
            (self.subject_hash(user_id), since),
        )
        return row is not None

    async def erased_after(self, user_id: int, since: str) -> bool:
        """`erased_since` read outside any transaction (a staff member's action about to be
        saved)."""
        return await self.erased_since(self._db, user_id, since)

    async def _user_tables(self) -> list[str]:
        """Every table with a user_id column, in schema order, users last."""
        rows = await self._db.fetch_all(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY rowid"
        )
        tables = []
        for row in rows:
            name = row["name"]
            if name in _SKIP:
                continue
            columns = await self._db.fetch_all("SELECT name FROM pragma_table_info(?)", (name,))
            if any(column["name"] == "user_id" for column in columns):
                tables.append(name)
        tables.sort(key=lambda name: name == "users")
        return tables

    async def gather(self, user_id: int) -> dict[str, list[dict[str, Any]]]:
        """Every row about this user, table by table."""
        found = await self._gather(self._db, user_id, whole=True)
        found["conversation_log"] = [
            dict(row) for row in await self._db.fetch_all(_LOG, (user_id, user_id))
        ]
        return found

    @asynccontextmanager
    async def copy_source(self, user_id: int, batch: int = 1000) -> AsyncIterator[CopySource]:
        """Everything about one talent for their copy (/dataku), from one unchanging view of
        the data: the tables, and the conversation log (which may hold a year of messages)
        in lists of `batch` rows, oldest first, never whole in memory. Processed updates,
        emptied once done, are there as one shared empty record each (counted in the copy)."""
        async with self._db.snapshot() as view:
            tables = await self._gather(view, user_id, whole=False)
            async with view.chunks(_LOG, (user_id, user_id), batch) as log:
                yield CopySource(tables, log)

    async def _gather(
        self, view: Reader, user_id: int, *, whole: bool
    ) -> dict[str, list[dict[str, Any]]]:
        """Every row about this user but the conversation log; `whole`: every processed
        update as stored, else each as the shared EMPTIED record."""
        found: dict[str, list[dict[str, Any]]] = {}
        for table in await self._user_tables():
            if table in _NOT_IN_COPY:
                continue
            # The table name comes from sqlite_master, never from input.
            rows = await view.fetch_all(
                f"SELECT * FROM {table} WHERE user_id = ?",  # noqa: S608
                (user_id,),
            )
            found[table] = [dict(row) for row in rows]
        if not whole:  # the copy: each staff answer once, with its text
            relayed = await view.fetch_all(_RELAYED_IN_COPY, (user_id,))
            found["relayed_messages"] = [dict(row) for row in relayed]
        found["answers"] = [dict(row) for row in await view.fetch_all(_ANSWERS, (user_id,))]
        for row in found["answers"]:
            row["value"] = None if row["value"] is None else json.loads(row["value"])
        found["lead_stages"] = [
            dict(row) for row in await view.fetch_all(_CURRENT_STAGES, (user_id,))
        ]
        found["lead_stage_history"] = [
            dict(row) for row in await view.fetch_all(_STAGES, (user_id,))
        ]
        found["answer_changes"] = [
            {**dict(row), "detail": json.loads(row["detail"])}
            for row in await view.fetch_all(_ANSWER_CHANGES, (user_id,))
        ]
        key = f"user:{user_id}"
        inbox = await view.fetch_all(_INBOX if whole else _INBOX_WAITING, (key,))
        found["update_inbox"] = [
            {**dict(row), "payload": json.loads(row["payload"])} for row in inbox
        ]
        if not whole:
            emptied = int(await view.fetch_value(_INBOX_EMPTIED, (key,)))
            found["update_inbox"] += [EMPTIED] * emptied
        return found

    async def erase(self, user_id: int) -> bool:
        """Delete everything about the user; keep only a keyed hash of the id and the time.
        True if staff are to be told of copies outside the bot to delete (a staff notice).

        Then no copy stays in the database files either: deleted rows are zeroed
        (secure_delete) and the WAL, which still holds them, is emptied (once a long read
        that still sees them ends: `Database.scrub`, which does not keep the talent waiting).
        """
        record = self.subject_hash(user_id)
        tables = await self._user_tables()
        now = utc_now()
        async with self._db.transaction() as tx:
            clean_up = await _clean_up(tx, user_id, now, relayed=True)
            await self._keep_sent(tx, user_id)
            await self._delete_everything(tx, tables, user_id)
            await tx.execute(
                "INSERT INTO erasures (subject_hash, erased_at, keyed) VALUES (?, ?, 1)",
                (record, now),
            )
            told = clean_up.worth_telling()
            if told:
                await StaffNotices.add(tx, "erased", clean_up.detail())
        self._erased()
        await self._db.scrub()
        await self._after_erasure()
        return told

    async def _keep_sent(self, tx: Transaction, user_id: int) -> None:
        """Before an erasure or a withdrawal deletes them: when the account sent the
        registrations that still count toward its day's limit, under the keyed hash only (an
        attacker's review s57, M1: erasing made room for three more, each with its alert)."""
        await tx.execute(_KEEP_SENT, (self.subject_hash(user_id), user_id, ago(SENT_COUNTED)))

    async def keep_sent_times(self, sent: Collection[tuple[int, str]]) -> None:
        """Keep when these (Telegram id, time) registrations were sent, under the keyed hash
        as `_keep_sent` does: those a restore's copy lacks (sent after the backup, so kept
        in the replaced database only), which still count toward the day's limit (one the
        copy already holds is not kept twice)."""
        if not sent:
            return
        async with self._db.transaction() as tx:
            await tx.execute_many(
                "INSERT INTO registrations_sent (subject_hash, sent_at) SELECT ?1, ?2"
                " WHERE NOT EXISTS (SELECT 1 FROM registrations_sent"
                " WHERE subject_hash = ?1 AND sent_at = ?2)",
                [(self.subject_hash(user_id), at) for user_id, at in sent],
            )

    async def sent_before_erasure(self, user_id: int, since: str) -> list[str]:
        """When this Telegram id sent registrations since a time that an erasure or a
        withdrawal deleted (`_keep_sent`)."""
        if self._key is None:  # no key: no erasure made here
            return []
        rows = await self._db.fetch_all(
            "SELECT sent_at FROM registrations_sent WHERE subject_hash = ? AND sent_at >= ?",
            (self.subject_hash(user_id), since),
        )
        return [str(row["sent_at"]) for row in rows]

    async def _delete_everything(self, tx: Transaction, tables: list[str], user_id: int) -> None:
        await SupportRelay.keep_erased_in(tx, user_id)
        # Staff actions stay on record; the lead they were about becomes the hash.
        await Audit.redact_in(tx, user_id, self.subject_hash(user_id))
        await TaughtPhrasings.mask_names_in(tx, await _names(tx, user_id), self.content_words())
        for table in tables:
            await tx.execute(f"DELETE FROM {table} WHERE user_id = ?", (user_id,))  # noqa: S608
        await self._forget_log(tx, user_id)
        await tx.execute("DELETE FROM update_inbox WHERE sequence_key = ?", (f"user:{user_id}",))
        # Others' processed updates that quoted the talent (a staff reply to a relayed
        # question that could not be parsed, say): their copy goes, the row stays as
        # the duplicate check needs it.
        await tx.execute(
            "UPDATE update_inbox SET payload = '{}'"
            " WHERE status != 'pending' AND instr(payload, ?) > 0",
            (str(user_id),),
        )

    async def seal_unkeyed_records(self) -> int:
        """Replace erasure records made before the key (reversible) by their keyed form."""
        rows = await self._db.fetch_all("SELECT id, subject_hash FROM erasures WHERE keyed = 0")
        if not rows:
            return 0
        async with self._db.transaction() as tx:
            await tx.execute_many(
                "UPDATE erasures SET subject_hash = ?, keyed = 1 WHERE id = ? AND keyed = 0",
                [(_seal(row["subject_hash"], self.key), row["id"]) for row in rows],
            )
        return len(rows)

    async def erase_again(self) -> int:
        """Apply erasure records a restore carried over: erase those talents again.

        Records made here are applied when made (in the erasure's own transaction); records
        `kocca-bot restore` copied from the replaced database are not (applied = 0). A talent
        whose first contact predates such a record can only be here from a copy made before
        the erasure; one who came back after erasing is a new user (created later) and stays.
        Staff are told which references went again (a staff notice).
        """
        tables = await self._user_tables()

        async def erase(tx: Transaction, user_id: int, _: str) -> None:
            await self._delete_everything(tx, tables, user_id)

        return await self._apply_again(_ERASURES, "erased_again", erase, self._unsign_again)

    async def _unsign_again(self, latest: dict[str, str]) -> None:
        """Staff members among the erasures a restore carried over (`latest`: each record's
        time), who signed answers to talents (or taught the bot phrasings) before erasing:
        their names go from those again (a staff member who never wrote to the bot has no users
        row for `_apply_again` to find)."""
        signers = await self._db.fetch_all(
            "SELECT answered_by_id AS id FROM conversation_log WHERE answered_by_id > 0"
            " UNION SELECT taught_by_id FROM taught_phrasings WHERE taught_by_id > 0"
        )
        erased = [
            (int(row["id"]), when)
            for row in signers
            if (when := latest.get(self.subject_hash(int(row["id"])))) is not None
        ]
        if not erased:
            return
        async with self._db.transaction() as tx:
            for user_id, when in erased:  # answers signed after they came back stay signed
                await _unsign(tx, user_id, when)
        self._erased()
        await self._db.scrub()

    async def withdraw_again(self) -> int:
        """Apply withdrawal records a restore carried over; how many talents they concerned.

        Each such talent's applications created before the withdrawal go again, with their
        conversation log of that time, and the withdrawn consent is recorded again if the
        database's latest choice predates it. Staff are told which references went.
        """

        async def withdraw(tx: Transaction, user_id: int, when: str) -> None:
            await self._withdraw(tx, user_id, when)
            await _record_withdrawn_consent(tx, user_id, when)

        return await self._apply_again(_WITHDRAWALS, "withdrawn_again", withdraw)

    async def _apply_again(
        self,
        records: tuple[str, str],
        notice: str,
        undo: Callable[[Transaction, int, str], Awaitable[None]],
        first: Callable[[dict[str, str]], Awaitable[None]] | None = None,
    ) -> int:
        """Apply the keyed records a restore carried over (`undo` per talent, in one
        transaction; `first`, given each record's time, before), mark them applied, tell staff
        the references; how many talents."""
        table, unapplied = records
        latest = {row["subject_hash"]: row["at"] for row in await self._db.fetch_all(unapplied)}
        if not latest:
            return 0  # the rule at start-up: nothing carried over
        if first is not None:
            await first(latest)
        users = await self._db.fetch_all(
            "SELECT user_id, created_at FROM users WHERE created_at < ?", (max(latest.values()),)
        )
        again = []
        for row in users:
            when = latest.get(self.subject_hash(row["user_id"]))
            if when is not None and row["created_at"] < when:
                again.append((int(row["user_id"]), when))
        references: list[str] = []
        async with self._db.transaction() as tx:
            for user_id, when in again:
                references += (await _clean_up(tx, user_id, when, relayed=False)).references
                await undo(tx, user_id, when)
            await tx.execute(f"UPDATE {table} SET applied = 1 WHERE applied = 0")  # noqa: S608
            if references:
                await StaffNotices.add(tx, notice, {"references": references})
        if again:
            self._erased()
            await self._db.scrub()
        return len(again)

    async def forget_log(self, user_id: int) -> None:
        """Remove the conversation log of a chat (after the erasure's own confirmation)."""
        async with self._db.transaction() as tx:
            await self._forget_log(tx, user_id)
        await self._db.scrub()

    @staticmethod
    async def _forget_log(tx: Transaction, user_id: int) -> None:
        """Their conversation; and, if they answered talents as staff, their name and id on
        those answers (the talents keep the answers they got, unsigned)."""
        await tx.execute(
            "DELETE FROM conversation_log WHERE chat_id = ? OR user_id = ?", (user_id, user_id)
        )
        await _unsign(tx, user_id, utc_now())  # every answer they signed

    async def was_erased(self, user_id: int) -> list[str]:
        """When this Telegram id asked for erasure (for staff showing it was honoured)."""
        rows = await self._db.fetch_all(
            "SELECT erased_at FROM erasures WHERE subject_hash = ? ORDER BY id",
            (self.subject_hash(user_id),),
        )
        return [row["erased_at"] for row in rows]

    async def was_withdrawn(self, user_id: int) -> list[str]:
        """When this Telegram id withdrew consent to processing, oldest first (declining it on
        a first form is no withdrawal)."""
        rows = await self._db.fetch_all(
            "SELECT withdrawn_at FROM withdrawals WHERE subject_hash = ? ORDER BY id",
            (self.subject_hash(user_id),),
        )
        return [row["withdrawn_at"] for row in rows]

    async def withdraw_processing(self, user_id: int) -> int:
        """Consent to processing withdrawn: the talent's applications go at once; how many.

        Their conversation log goes too (it holds every answer they typed); their profile
        and consents stay, so the bot can still talk to them and show the withdrawal was
        honoured. A keyed record of the withdrawal is kept, so a restored backup does not
        bring the applications back (`withdraw_again`), and staff are told which references
        to clean up outside the bot (a staff notice).
        """
        now = utc_now()
        async with self._db.transaction() as tx:
            clean_up = await _clean_up(tx, user_id, now, relayed=False)
            await self._keep_sent(tx, user_id)
            count = await self._withdraw(tx, user_id, now)
            await tx.execute(
                "INSERT INTO withdrawals (subject_hash, withdrawn_at) VALUES (?, ?)",
                (self.subject_hash(user_id), now),
            )
            if clean_up.worth_telling():
                await StaffNotices.add(tx, "withdrawn", clean_up.detail())
        self._erased()
        await self._db.scrub()
        await self._after_erasure()
        return count

    async def _withdraw(self, tx: Transaction, user_id: int, before: str) -> int:
        """Delete the applications and log of a talent made before a withdrawal (and mask
        her names in what staff taught the bot)."""
        await TaughtPhrasings.mask_names_in(tx, await _names(tx, user_id), self.content_words())
        # The audit keeps staff actions; the leads they were about become the keyed hash
        # (only those that go: an application made after a withdrawal stays on record).
        await tx.execute(
            "UPDATE audit_log SET lead_ref = ?1 WHERE lead_ref IN (SELECT reference FROM"
            " applications WHERE user_id = ?2 AND reference IS NOT NULL AND created_at < ?3)"
            " OR (lead_ref = ?4 AND created_at < ?3)",
            (self.subject_hash(user_id), user_id, before, talent_ref(user_id)),
        )
        count = await tx.execute_rowcount(
            "DELETE FROM applications WHERE user_id = ? AND created_at < ?", (user_id, before)
        )
        await tx.execute(
            "DELETE FROM conversation_log WHERE (chat_id = ? OR user_id = ?) AND created_at < ?",
            (user_id, user_id, before),
        )
        # Free questions to the bot are part of the conversation.
        await tx.execute(
            "DELETE FROM free_questions WHERE user_id = ? AND asked_at < ?", (user_id, before)
        )
        # A form's "under 18" kept to ask about a later adult age: part of those forms.
        await tx.execute(
            "DELETE FROM age_declarations WHERE user_id = ? AND declared_at < ?", (user_id, before)
        )
        return count

    async def purge(
        self,
        log_before: str,
        drafts_before: str,
        inbox_before: str,
        *,
        sent_before: str | None = None,
        batch: int = PURGE_BATCH,
    ) -> dict[str, int]:
        """Delete log lines, unsubmitted drafts and processed updates older than the cut-offs,
        and the times of erased registrations that no longer count (`sent_before`: 24 hours
        ago, by default).

        Log lines, free questions and processed updates go `batch` rows a transaction: a
        busy day's 100,000 log lines in one held the event loop 0.4 s, and talents' writes
        waited behind it; between batches they go on."""
        log = await self._in_batches(PURGE_LOG, log_before, batch)
        # Free questions to the bot are part of the conversation: the same retention.
        log += await self._in_batches(PURGE_QUESTIONS, log_before, batch)
        inbox = await self._in_batches(PURGE_PROCESSED, inbox_before, batch)
        async with self._db.transaction() as tx:
            drafts = await tx.execute_rowcount(
                "DELETE FROM applications WHERE status = 'draft' AND updated_at < ?",
                (drafts_before,),
            )
            # A form's "under 18", kept as long as the conversation log that holds it.
            await tx.execute("DELETE FROM age_declarations WHERE declared_at < ?", (log_before,))
            # Log budgets of days gone by (kept as long as processed updates: two days).
            await tx.execute("DELETE FROM log_text_days WHERE day < ?", (inbox_before[:10],))
            await tx.execute(
                "DELETE FROM registrations_sent WHERE sent_at < ?",
                (sent_before or ago(SENT_COUNTED),),
            )
        await self._db.scrub()
        return {"conversation_log": log, "drafts": drafts, "update_inbox": inbox}

    async def _in_batches(self, sql: str, before: str, batch: int) -> int:
        """Run a purge statement (`before`, then a LIMIT) until it deletes less than a batch."""
        deleted = 0
        while True:
            async with self._db.transaction() as tx:
                count = await tx.execute_rowcount(sql, (before, batch))
            deleted += count
            if count < batch:
                return deleted


async def _record_withdrawn_consent(tx: Transaction, user_id: int, withdrawn_at: str) -> None:
    """Record a withdrawal of consent to processing the database lacks (a restored backup)."""
    latest = await tx.fetch_one(
        "SELECT c.granted, c.created_at, c.notice_version, u.language FROM users u"
        " LEFT JOIN consents c ON c.id = (SELECT MAX(id) FROM consents"
        "   WHERE user_id = u.user_id AND kind = 'processing')"
        " WHERE u.user_id = ?",
        (user_id,),
    )
    if latest is None or latest["created_at"] is None:
        return  # never consented here: there is nothing to withdraw
    if latest["created_at"] >= withdrawn_at or not latest["granted"]:
        return  # the database already has this choice, or a later one
    await tx.execute(
        "INSERT INTO consents (user_id, kind, granted, notice_version, language, created_at)"
        " VALUES (?, 'processing', 0, ?, ?, ?)",
        (user_id, latest["notice_version"], latest["language"], withdrawn_at),
    )


async def _names(tx: Transaction, user_id: int) -> list[str]:
    """A talent's names (as Telegram gives them, and as she registered: her full and stage
    names) that she typed in a free question: only those can have come from her into what
    staff taught (a name that is a common word, "Kapan Giliran", is another talent's
    question's word first)."""
    typed = await tx.fetch_all(
        "SELECT text || ' ' || summary AS typed FROM free_questions WHERE user_id = ?",
        (user_id,),
    )
    said = set(name_words(row["typed"] for row in typed))
    rows = await tx.fetch_all(
        "SELECT first_name AS name FROM users WHERE user_id = ?1"
        " UNION ALL SELECT last_name FROM users WHERE user_id = ?1"
        " UNION ALL SELECT username FROM users WHERE user_id = ?1"
        " UNION ALL SELECT json_extract(value, '$') FROM answers WHERE application_id IN"
        " (SELECT id FROM applications WHERE user_id = ?1)"
        " AND question_key IN ('full_name', 'stage_name')",
        (user_id,),
    )
    return [
        word for word in name_words(str(row["name"]) for row in rows if row["name"]) if word in said
    ]


async def _unsign(tx: Transaction, user_id: int, before: str) -> None:
    """A staff member's name and id off the answers they signed up to a moment (erased), and
    off the phrasings they taught the bot."""
    await tx.execute(
        "UPDATE conversation_log SET answered_by_id = NULL, answered_by = NULL"
        " WHERE answered_by_id = ? AND created_at <= ?",
        (user_id, before),
    )
    await tx.execute(
        "UPDATE taught_phrasings SET taught_by_id = NULL, taught_by = NULL"
        " WHERE taught_by_id = ? AND taught_at <= ?",
        (user_id, before),
    )
