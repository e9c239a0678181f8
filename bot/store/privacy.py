"""Everything stored about one talent: gathered for a copy, erased on request, aged out."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from bot.store.audit import Audit
from bot.store.db import Database, Transaction, utc_now

# Tables holding a talent's data through other columns than user_id.
_ANSWERS = (
    "SELECT a.application_id, a.question_key, a.value, a.answered_at FROM answers a"
    " JOIN applications p ON p.id = a.application_id WHERE p.user_id = ? ORDER BY a.rowid"
)
_LOG = "SELECT * FROM conversation_log WHERE chat_id = ? OR user_id = ? ORDER BY id"
_CURRENT_STAGES = (
    "SELECT a.reference, p.stage, p.stage_changed_at FROM lead_pipeline p"
    " JOIN applications a ON a.id = p.application_id WHERE a.user_id = ? ORDER BY a.id"
)
# The talent's stage changes, without the staff who made them (notes stay internal).
_STAGES = (
    "SELECT a.reference, h.from_value AS from_stage, h.to_value AS to_stage,"
    " h.notified AS talent_told, h.created_at FROM lead_history h"
    " JOIN applications a ON a.id = h.application_id"
    " WHERE a.user_id = ? AND h.kind = 'stage' ORDER BY h.id"
)
_INBOX = "SELECT * FROM update_inbox WHERE sequence_key = ? ORDER BY update_id"
# Not personal data of one talent, or handled above.
_SKIP = {"conversation_log", "schema_migrations", "erasures"}


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


class Privacy:
    """Data-subject requests over every table, present and future, that has a user_id."""

    def __init__(self, db: Database, erasure_key: bytes | None = None) -> None:
        self._db = db
        self._key = erasure_key

    @property
    def key(self) -> bytes:
        """The erasure key this store was opened with (`bot.privacy.erasure_key`)."""
        if self._key is None:
            raise RuntimeError("this store was opened without the erasure key")
        return self._key

    def subject_hash(self, user_id: int) -> str:
        """The erasure record of a Telegram id, with this store's key."""
        return subject_hash(user_id, self.key)

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
        found: dict[str, list[dict[str, Any]]] = {}
        for table in await self._user_tables():
            # The table name comes from sqlite_master, never from input.
            rows = await self._db.fetch_all(
                f"SELECT * FROM {table} WHERE user_id = ?",  # noqa: S608
                (user_id,),
            )
            found[table] = [dict(row) for row in rows]
        found["answers"] = [dict(row) for row in await self._db.fetch_all(_ANSWERS, (user_id,))]
        for row in found["answers"]:
            row["value"] = None if row["value"] is None else json.loads(row["value"])
        found["lead_stages"] = [
            dict(row) for row in await self._db.fetch_all(_CURRENT_STAGES, (user_id,))
        ]
        found["lead_stage_history"] = [
            dict(row) for row in await self._db.fetch_all(_STAGES, (user_id,))
        ]
        found["conversation_log"] = [
            dict(row) for row in await self._db.fetch_all(_LOG, (user_id, user_id))
        ]
        inbox = await self._db.fetch_all(_INBOX, (f"user:{user_id}",))
        found["update_inbox"] = [
            {**dict(row), "payload": json.loads(row["payload"])} for row in inbox
        ]
        return found

    async def erase(self, user_id: int) -> None:
        """Delete everything about the user; keep only a keyed hash of the id and the time.

        Then no copy stays in the database files either: deleted rows are zeroed
        (secure_delete) and the WAL, which still holds them, is emptied.
        """
        record = self.subject_hash(user_id)
        tables = await self._user_tables()
        async with self._db.transaction() as tx:
            await self._delete_everything(tx, tables, user_id)
            await tx.execute(
                "INSERT INTO erasures (subject_hash, erased_at, keyed) VALUES (?, ?, 1)",
                (record, utc_now()),
            )
        await self._db.scrub()

    async def _delete_everything(self, tx: Transaction, tables: list[str], user_id: int) -> None:
        # Staff actions stay on record; the lead they were about becomes the hash.
        await Audit.redact_in(tx, user_id, self.subject_hash(user_id))
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
        """
        erased_at = {
            row["subject_hash"]: row["erased_at"]
            for row in await self._db.fetch_all(
                "SELECT subject_hash, MAX(erased_at) AS erased_at FROM erasures"
                " WHERE keyed = 1 AND applied = 0 GROUP BY subject_hash"
            )
        }
        if not erased_at:
            return 0
        users = await self._db.fetch_all(
            "SELECT user_id, created_at FROM users WHERE created_at < ?", (max(erased_at.values()),)
        )
        again = [
            row["user_id"]
            for row in users
            if row["created_at"] < erased_at.get(self.subject_hash(row["user_id"]), "")
        ]
        tables = await self._user_tables()
        async with self._db.transaction() as tx:
            for user_id in again:
                await self._delete_everything(tx, tables, user_id)
            await tx.execute("UPDATE erasures SET applied = 1 WHERE applied = 0")
        if again:
            await self._db.scrub()
        return len(again)

    async def forget_log(self, user_id: int) -> None:
        """Remove the conversation log of a chat (after the erasure's own confirmation)."""
        async with self._db.transaction() as tx:
            await self._forget_log(tx, user_id)
        await self._db.scrub()

    @staticmethod
    async def _forget_log(tx: Transaction, user_id: int) -> None:
        await tx.execute(
            "DELETE FROM conversation_log WHERE chat_id = ? OR user_id = ?", (user_id, user_id)
        )

    async def was_erased(self, user_id: int) -> list[str]:
        """When this Telegram id asked for erasure (for staff showing it was honoured)."""
        rows = await self._db.fetch_all(
            "SELECT erased_at FROM erasures WHERE subject_hash = ? ORDER BY id",
            (self.subject_hash(user_id),),
        )
        return [row["erased_at"] for row in rows]

    async def withdraw_processing(self, user_id: int) -> int:
        """Consent to processing withdrawn: the talent's applications go at once; how many."""
        async with self._db.transaction() as tx:
            await Audit.redact_in(tx, user_id, self.subject_hash(user_id))
            count = await tx.execute_rowcount(
                "DELETE FROM applications WHERE user_id = ?", (user_id,)
            )
        await self._db.scrub()
        return count

    async def purge(self, log_before: str, drafts_before: str, inbox_before: str) -> dict[str, int]:
        """Delete log lines, unsubmitted drafts and processed updates older than the cut-offs."""
        async with self._db.transaction() as tx:
            log = await tx.execute_rowcount(
                "DELETE FROM conversation_log WHERE created_at < ?", (log_before,)
            )
            drafts = await tx.execute_rowcount(
                "DELETE FROM applications WHERE status = 'draft' AND updated_at < ?",
                (drafts_before,),
            )
            inbox = await tx.execute_rowcount(
                "DELETE FROM update_inbox WHERE status != 'pending' AND received_at < ?",
                (inbox_before,),
            )
        await self._db.scrub()
        return {"conversation_log": log, "drafts": drafts, "update_inbox": inbox}
