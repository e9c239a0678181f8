"""The record of processing: every staff action, append-only (UU PDP Pasal 31).

The bot only ever inserts rows; triggers in the database refuse a DELETE and any UPDATE
except the one erasure makes: a talent's lead reference replaced by the erasure hash.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from bot.store.db import Database, Row, Transaction, utc_now
from bot.store.users import Users

TELEGRAM = "telegram"
CLI = "cli"
WORKSPACE = "workspace"  # the staff workspace (a Mini App): a Telegram user, another place
STAFF_CHAT = "staff_chat"  # the staff group: a member's message there (a reply to a talent)


def talent_ref(user_id: int) -> str:
    """What an entry about a talent without a lead names in place of a lead reference (an
    answer to them): their Telegram id, which erasure replaces by the hash as it does their
    lead references."""
    return f"talent:{user_id}"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acted: a staff member in Telegram (their user id), or the command line.

    `place` says where a Telegram user acted when it was not in their private chat with the
    bot: "workspace", or "staff_chat" (the staff group, where an anonymous admin has no user
    id). The audit log records it in each entry's detail ("from"); history and notes keep
    `via`.
    """

    via: str
    user_id: int | None = None
    place: str | None = None

    @classmethod
    def staff(cls, user_id: int) -> Actor:
        """A staff member in Telegram."""
        return cls(TELEGRAM, user_id)

    @classmethod
    def workspace(cls, user_id: int) -> Actor:
        """A staff member in the staff workspace (signed in by Telegram)."""
        return cls(TELEGRAM, user_id, WORKSPACE)

    @classmethod
    def staff_chat(cls, user_id: int | None) -> Actor:
        """A member of the staff group, writing there (None: an anonymous admin of it)."""
        return cls(TELEGRAM, user_id, STAFF_CHAT)

    @classmethod
    def cli(cls) -> Actor:
        """Someone on the server's command line."""
        return cls(CLI)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One recorded staff action."""

    id: int
    created_at: str
    actor: Actor
    action: str
    lead_ref: str | None
    detail: dict[str, Any] = field(default_factory=dict)


# What staff only looked at: recorded (who saw which talent's data, UU PDP Pasal 31), but most
# of a day's lines (a list drawn names each lead on it), which bury what they changed or sent.
VIEWS = (
    "lead_listed",
    "lead_viewed",
    "leads_searched",
    "questions_listed",
    "stage_previewed",
    "bulk_previewed",
    "digest_viewed",
)


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """Which entries to read: since a moment (ISO UTC), by one admin, about one lead."""

    since: str | None = None
    admin_id: int | None = None
    lead_ref: str | None = None
    changes_only: bool = False  # leave out what staff only looked at (VIEWS)


class Audit:
    """The audit_log table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @staticmethod
    async def add_in(
        tx: Transaction,
        actor: Actor,
        action: str,
        lead_ref: str | None = None,
        **detail: Any,
    ) -> None:
        """Inside the transaction of the action itself: recorded if and only if it happened."""
        await Audit.each_in(tx, actor, action, [lead_ref], **detail)

    @staticmethod
    async def each_in(
        tx: Transaction,
        actor: Actor,
        action: str,
        lead_refs: Sequence[str | None],
        **detail: Any,
    ) -> None:
        """One entry per lead, inside the action's transaction: the same moment and detail
        for all, inserted in one statement (a list page records 25 leads at a time)."""
        if actor.place is not None:
            detail = {**detail, "from": actor.place}
        now, via = utc_now(), actor.via
        text = json.dumps(detail, ensure_ascii=False, sort_keys=True)
        await tx.execute_many(
            "INSERT INTO audit_log (created_at, actor_id, via, action, lead_ref, detail)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(now, actor.user_id, via, action, lead_ref, text) for lead_ref in lead_refs],
        )

    async def add(
        self, actor: Actor, action: str, lead_ref: str | None = None, **detail: Any
    ) -> None:
        """Record an action that writes nothing else (a lead viewed, an export)."""
        async with self._db.transaction() as tx:
            await self.add_in(tx, actor, action, lead_ref, **detail)

    async def about_talent(
        self,
        actor: Actor,
        action: str,
        talent: tuple[int, str | None],
        since: str,
        **detail: Any,
    ) -> None:
        """Record an action on a talent that took its time (a message to them): about their
        lead reference (`talent`: their id and lead reference; without one, `talent_ref`),
        unless they erased their data since it started (`since`): then about no one, as the
        erasure has redacted their entries already and would not come back for this one."""
        await self.about_talents(actor, action, [talent], since, **detail)

    async def about_talents(
        self,
        actor: Actor,
        action: str,
        talents: Sequence[tuple[int, str | None]],
        since: str,
        **detail: Any,
    ) -> None:
        """`about_talent` for several talents (those shown in a list read at `since`): one
        entry each, in one transaction."""
        async with self._db.transaction() as tx:
            about = [
                await Audit.about_in(tx, user_id, lead_ref)
                if await Users.known_since(tx, user_id, since)
                else None
                for user_id, lead_ref in talents
            ]
            await self.each_in(tx, actor, action, about, **detail)

    @staticmethod
    async def about_in(tx: Transaction, user_id: int, lead_ref: str | None) -> str:
        """What an entry about a talent names, read in its own transaction: their lead
        reference if they still have that lead, else `talent_ref` (a withdrawal of consent
        deleted the lead meanwhile: its reference would then stay unredacted for good, as
        erasure finds references through the talent's leads)."""
        if lead_ref is not None and await tx.fetch_one(
            "SELECT 1 FROM applications WHERE reference = ? AND user_id = ?", (lead_ref, user_id)
        ):
            return lead_ref
        return talent_ref(user_id)

    async def add_each(
        self, actor: Actor, action: str, lead_refs: Sequence[str | None], **detail: Any
    ) -> None:
        """One entry per lead (leads shown in a list): each one erasure can redact."""
        async with self._db.transaction() as tx:
            await self.each_in(tx, actor, action, lead_refs, **detail)

    async def listed(
        self,
        actor: Actor,
        lead_refs: Sequence[str | None],
        *,
        search_length: int = 0,
        found: int = 0,
        **detail: Any,
    ) -> None:
        """Leads shown in a list (one entry each, the search's length in their detail) and,
        after a search, that it was made: its length and how many it found, never its words
        (a search that finds nothing is still a search). One transaction, before anything
        is shown."""
        if search_length:
            detail = {**detail, "search_length": search_length}
        async with self._db.transaction() as tx:
            await self.each_in(tx, actor, "lead_listed", lead_refs, **detail)
            if search_length:
                await self.add_in(
                    tx, actor, "leads_searched", None, length=search_length, found=found
                )

    @staticmethod
    async def redact_in(tx: Transaction, user_id: int, erasure_hash: str) -> int:
        """Erasure: the talent's lead references (and `talent_ref`) become the erasure hash;
        nothing is deleted."""
        return await tx.execute_rowcount(
            "UPDATE audit_log SET lead_ref = ? WHERE lead_ref = ? OR lead_ref IN"
            " (SELECT reference FROM applications WHERE user_id = ? AND reference IS NOT NULL)",
            (erasure_hash, talent_ref(user_id), user_id),
        )

    @asynccontextmanager
    async def read(self, query: AuditQuery) -> AsyncIterator[AsyncIterator[AuditEntry]]:
        """Matching entries, oldest first, streamed (the log only grows)."""
        views = ", ".join("?" for _ in VIEWS)
        sql = (
            "SELECT * FROM audit_log WHERE (? IS NULL OR created_at >= ?)"  # noqa: S608 - placeholders only
            " AND (? IS NULL OR actor_id = ?) AND (? IS NULL OR lead_ref = ?)"
            f" AND (? = 0 OR action NOT IN ({views})) ORDER BY id"
        )
        params = (
            query.since,
            query.since,
            query.admin_id,
            query.admin_id,
            query.lead_ref,
            query.lead_ref,
            int(query.changes_only),
            *VIEWS,
        )
        async with self._db.stream(sql, params) as rows:

            async def entries() -> AsyncIterator[AuditEntry]:
                async for row in rows:
                    yield _entry(row)

            yield entries()

    async def latest(self, lead_ref: str, limit: int = 20) -> list[AuditEntry]:
        """The newest entries about one lead, newest first."""
        rows = await self._db.fetch_all(
            "SELECT * FROM audit_log WHERE lead_ref = ? ORDER BY id DESC LIMIT ?",
            (lead_ref, limit),
        )
        return [_entry(row) for row in rows]


def _entry(row: Row) -> AuditEntry:
    return AuditEntry(
        id=row["id"],
        created_at=row["created_at"],
        actor=Actor(row["via"], row["actor_id"]),
        action=row["action"],
        lead_ref=row["lead_ref"],
        detail=json.loads(row["detail"]),
    )
