"""Announcements: subscriptions, audiences, broadcasts being composed or delivered, recipients.

A broadcast's recipient list is frozen (one `broadcast_recipients` row each) when it
is queued. Each recipient is marked 'sending' in a commit before the request to
Telegram and 'sent' after it, so a restart knows exactly who may have received it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.store.applications import Applications
from bot.store.db import Database, Reader, Row, Transaction, utc_now

COMPOSING = "composing"
QUEUED = "queued"
SENDING = "sending"
DONE = "done"
CANCELLED = "cancelled"
ACTIVE = (QUEUED, SENDING)

ANNOUNCEMENTS = "announcements"  # the consent kind of a subscription choice

# Who is an active subscriber, and the audience filters. Each filter is a complete
# statement with `?` placeholders; the latest submitted application decides sector
# and province (answers are stored as JSON, hence json.dumps on the value).
_AUDIENCE_SQL = {
    "all": ("SELECT u.user_id, u.language FROM users u WHERE u.subscribed = 1 AND u.blocked = 0"),
    "language": (
        "SELECT u.user_id, u.language FROM users u WHERE u.subscribed = 1 AND u.blocked = 0"
        " AND u.language = ?"
    ),
    "source": (
        "SELECT u.user_id, u.language FROM users u WHERE u.subscribed = 1 AND u.blocked = 0"
        " AND u.source = ?"
    ),
    "sector": (
        "SELECT u.user_id, u.language FROM users u WHERE u.subscribed = 1 AND u.blocked = 0"
        " AND (SELECT a.value FROM applications p JOIN answers a ON a.application_id = p.id"
        " WHERE p.user_id = u.user_id AND p.status = 'submitted' AND a.question_key = 'sector'"
        " ORDER BY p.submitted_at DESC, p.id DESC LIMIT 1) = ?"
    ),
    "province": (
        "SELECT u.user_id, u.language FROM users u WHERE u.subscribed = 1 AND u.blocked = 0"
        " AND (SELECT a.value FROM applications p JOIN answers a ON a.application_id = p.id"
        " WHERE p.user_id = u.user_id AND p.status = 'submitted' AND a.question_key = 'province'"
        " ORDER BY p.submitted_at DESC, p.id DESC LIMIT 1) = ?"
    ),
    # Subscribers with a submitted application at a pipeline stage (any of theirs); a lead
    # closed as a duplicate is at no stage (a desk review: "Dihubungi (1)" messaged one that
    # every figure counted apart).
    "stage": (
        "SELECT u.user_id, u.language FROM users u WHERE u.subscribed = 1 AND u.blocked = 0"
        " AND EXISTS (SELECT 1 FROM applications p JOIN lead_pipeline s"
        " ON s.application_id = p.id WHERE p.user_id = u.user_id AND p.status = 'submitted'"
        " AND s.stage = ? AND s.duplicate_closed_at IS NULL)"
    ),
}
# The values present among active subscribers, with how many have each.
_VALUES_SQL = {
    "language": (
        "SELECT u.language AS value, COUNT(*) AS n FROM users u"
        " WHERE u.subscribed = 1 AND u.blocked = 0 GROUP BY value ORDER BY n DESC, value"
    ),
    "source": (
        "SELECT u.source AS value, COUNT(*) AS n FROM users u"
        " WHERE u.subscribed = 1 AND u.blocked = 0 AND u.source IS NOT NULL"
        " GROUP BY value ORDER BY n DESC, value"
    ),
    "sector": (
        "SELECT v.value, COUNT(*) AS n FROM (SELECT (SELECT a.value FROM applications p"
        " JOIN answers a ON a.application_id = p.id WHERE p.user_id = u.user_id"
        " AND p.status = 'submitted' AND a.question_key = 'sector'"
        " ORDER BY p.submitted_at DESC, p.id DESC LIMIT 1) AS value FROM users u"
        " WHERE u.subscribed = 1 AND u.blocked = 0) v WHERE v.value IS NOT NULL"
        " GROUP BY v.value ORDER BY n DESC, v.value"
    ),
    "province": (
        "SELECT v.value, COUNT(*) AS n FROM (SELECT (SELECT a.value FROM applications p"
        " JOIN answers a ON a.application_id = p.id WHERE p.user_id = u.user_id"
        " AND p.status = 'submitted' AND a.question_key = 'province'"
        " ORDER BY p.submitted_at DESC, p.id DESC LIMIT 1) AS value FROM users u"
        " WHERE u.subscribed = 1 AND u.blocked = 0) v WHERE v.value IS NOT NULL"
        " GROUP BY v.value ORDER BY n DESC, v.value"
    ),
    "stage": (
        "SELECT s.stage AS value, COUNT(DISTINCT u.user_id) AS n FROM users u"
        " JOIN applications p ON p.user_id = u.user_id AND p.status = 'submitted'"
        " JOIN lead_pipeline s ON s.application_id = p.id AND s.duplicate_closed_at IS NULL"
        " WHERE u.subscribed = 1 AND u.blocked = 0 GROUP BY s.stage ORDER BY n DESC, s.stage"
    ),
}
_ANSWER_KINDS = ("sector", "province")  # filters on a stored (JSON) answer
# Accounts whose lead is closed as a duplicate of another account's lead: one talent with two
# Telegram accounts (a staff review s55: they got an announcement on both). Such an account
# is left out of an audience that holds the other one.
_DUPLICATE_ACCOUNTS = (
    "SELECT p.user_id, o.user_id AS kept_id, o.reference AS kept_reference FROM lead_pipeline s"
    " JOIN applications p ON p.id = s.application_id"
    " JOIN applications o ON o.id = s.duplicate_of"
    " WHERE s.duplicate_closed_at IS NOT NULL AND p.user_id != o.user_id"
)


@dataclass(frozen=True, slots=True)
class Version:
    """One version of an announcement: a text, or a photo with a caption (Telegram HTML)."""

    kind: str  # "text" or "photo"
    body: str
    photo: str | None = None


@dataclass(frozen=True, slots=True)
class Broadcast:
    """One announcement, from composing to the final report."""

    id: int
    status: str
    step: str | None
    created_by: int | None
    report_chat_id: int | None
    main: Version | None
    english: Version | None
    audience: str
    send_at: str | None
    total: int
    progress_message_id: int | None
    finished_at: str | None
    updated_at: str | None = None  # a draft's: which writing of it a workspace preview showed

    @classmethod
    def from_row(cls, row: Row) -> Broadcast:
        """Build from a broadcasts row."""
        main = Version(row["kind"], row["body"], row["photo"]) if row["kind"] else None
        english = None
        if row["kind_en"]:
            english = Version(row["kind_en"], row["body_en"], row["photo_en"])
        return cls(
            id=row["id"],
            status=row["status"],
            step=row["step"],
            created_by=row["created_by"],
            report_chat_id=row["report_chat_id"],
            main=main,
            english=english,
            audience=row["audience"],
            send_at=row["send_at"],
            total=row["total"],
            progress_message_id=row["progress_message_id"],
            finished_at=row["finished_at"],
            updated_at=row["updated_at"],
        )

    def version_for(self, language: str) -> Version:
        """What a recipient with this language receives."""
        if language == "en" and self.english is not None:
            return self.english
        assert self.main is not None, "a queued broadcast always has its main version"
        return self.main


@dataclass(frozen=True, slots=True)
class Recipient:
    """One frozen recipient of a broadcast, and whether they still want it."""

    user_id: int
    language: str
    status: str
    attempts: int
    reachable: bool  # still subscribed and not blocked


@dataclass(frozen=True, slots=True)
class Tally:
    """How a broadcast's recipients stand."""

    pending: int = 0
    sending: int = 0
    sent: int = 0
    failed: int = 0
    blocked: int = 0
    skipped: int = 0

    @property
    def remaining(self) -> int:
        """Recipients not yet dealt with."""
        return self.pending + self.sending

    @property
    def total(self) -> int:
        """Every recipient."""
        return self.pending + self.sending + self.sent + self.failed + self.blocked + self.skipped

    def figures(self) -> dict[str, int]:
        """The counts by the names the reports' texts use (total and remaining among them)."""
        return {
            "total": self.total,
            "sent": self.sent,
            "blocked": self.blocked,
            "failed": self.failed,
            "skipped": self.skipped,
            "remaining": self.remaining,
        }


def _columns(version: Version | None) -> tuple[str | None, str | None, str | None]:
    """A version's kind, body and photo columns (all NULL for none)."""
    return (None, None, None) if version is None else (version.kind, version.body, version.photo)


def _audience_params(kind: str, value: str | None) -> tuple[str, ...]:
    """The parameter of an audience statement (none for everyone)."""
    if kind == "all":
        return ()
    assert value is not None
    return (json.dumps(value),) if kind in _ANSWER_KINDS else (value,)


async def _audience(reader: Reader | Transaction, kind: str, value: str | None) -> list[Row]:
    """An audience's active subscribers (user_id, language), each talent once: an account
    whose lead was closed as a duplicate of another account's lead is left out when that
    other account is in the audience too (it gets the announcement for both)."""
    return (await _audience_and_left_out(reader, kind, value))[0]


async def _audience_and_left_out(
    reader: Reader | Transaction, kind: str, value: str | None
) -> tuple[list[Row], int]:
    """The audience (see `_audience`) and how many second accounts it leaves out."""
    rows = await reader.fetch_all(_AUDIENCE_SQL[kind], _audience_params(kind, value))
    members = {row["user_id"] for row in rows}
    reached = {
        row["user_id"]
        for row in await reader.fetch_all(_DUPLICATE_ACCOUNTS)
        if row["kept_id"] in members
    }
    kept = [row for row in rows if row["user_id"] not in reached]
    return kept, len(rows) - len(kept)


class Broadcasts:
    """The broadcasts and broadcast_recipients tables, and subscriptions."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # ----- subscriptions and audiences -------------------------------------------------------

    @staticmethod
    async def set_subscription_in(
        tx: Transaction, user_id: int, subscribed: bool, notice_version: str, language: str
    ) -> None:
        """Inside a transaction: the users.subscribed flag and its consent record."""
        await tx.execute(
            "UPDATE users SET subscribed = ?, updated_at = ? WHERE user_id = ?",
            (int(subscribed), utc_now(), user_id),
        )
        await Applications.add_consent(
            tx, user_id, ANNOUNCEMENTS, subscribed, notice_version, language
        )

    async def set_subscription(
        self, user_id: int, subscribed: bool, notice_version: str, language: str
    ) -> None:
        """Subscribe or unsubscribe, with the consent record, in one commit."""
        async with self._db.transaction() as tx:
            await self.set_subscription_in(tx, user_id, subscribed, notice_version, language)

    async def offer_unanswered(self, user_id: int, since: str) -> bool:
        """Whether the talent registered since then, so was offered program news, and never
        chose."""
        value = await self._db.fetch_value(
            "SELECT EXISTS (SELECT 1 FROM applications WHERE user_id = ? AND status = 'submitted'"
            " AND submitted_at >= ?) AND NOT EXISTS"
            " (SELECT 1 FROM consents WHERE user_id = ? AND kind = ?)",
            (user_id, since, user_id, ANNOUNCEMENTS),
        )
        return bool(value)

    async def said_since_registering(self, user_id: int, most: int) -> list[str | None]:
        """What the talent sent since their latest registration (its program-news offer),
        newest first, at most `most` messages (by the chat's index, newest first)."""
        rows = await self._db.fetch_all(
            "SELECT text FROM conversation_log WHERE chat_id = ? AND direction = 'in'"
            " AND created_at > (SELECT MAX(submitted_at) FROM applications"
            " WHERE user_id = ? AND status = 'submitted') ORDER BY id DESC LIMIT ?",
            (user_id, user_id, most),
        )
        return [row["text"] for row in rows]

    async def audience_count(self, kind: str, value: str | None) -> int:
        """How many active subscribers an audience holds now."""
        return len(await _audience(self._db, kind, value))

    async def audience_left_out(self, kind: str, value: str | None) -> int:
        """How many active subscribers of an audience it leaves out as a talent's second
        account, closed as a duplicate (the talent gets the announcement on the other)."""
        return (await _audience_and_left_out(self._db, kind, value))[1]

    async def news_elsewhere(self, user_id: int) -> str | None:
        """The reference of the lead whose account gets this account's program news instead:
        its own lead was closed as a duplicate of that lead, and that account is an active
        subscriber, so every announcement's audience leaves this one out (`_audience`, the
        same statements). None if announcements can reach this account."""
        row = await self._db.fetch_one(
            f"SELECT d.kept_reference FROM ({_DUPLICATE_ACCOUNTS}) d"  # noqa: S608 - constants
            f" WHERE d.user_id = ? AND d.kept_id IN (SELECT user_id FROM ({_AUDIENCE_SQL['all']}))"
            " ORDER BY d.kept_reference LIMIT 1",
            (user_id,),
        )
        return row["kept_reference"] if row else None

    async def audience_languages(self, kind: str, value: str | None) -> dict[str, int]:
        """An audience's size by language."""
        rows = await _audience(self._db, kind, value)
        counts: dict[str, int] = {}
        for row in rows:
            counts[row["language"]] = counts.get(row["language"], 0) + 1
        return counts

    async def audience_values(self, kind: str) -> list[tuple[str, int]]:
        """The values of a filter present among active subscribers, with their counts: each
        counted as its audience would be sent (a talent's second account closed as a
        duplicate counted once, see `_audience`)."""
        rows = await self._db.fetch_all(_VALUES_SQL[kind])
        values = []
        for row in rows:
            value = json.loads(row["value"]) if kind in _ANSWER_KINDS else row["value"]
            if isinstance(value, str):
                values.append((value, int(row["n"])))
        if not await self._db.fetch_one(_DUPLICATE_ACCOUNTS + " LIMIT 1"):
            return values
        recounted = [(value, len(await _audience(self._db, kind, value))) for value, _ in values]
        return [(value, count) for value, count in recounted if count]

    # ----- composing -------------------------------------------------------------------------

    async def start_composing(
        self,
        admin_id: int,
        step: str,
        *,
        main: Version | None = None,
        english: Version | None = None,
        audience: str = "all",
        send_at: str | None = None,
    ) -> Broadcast:
        """A new draft for this admin, at `step` (the workspace's comes written whole: its
        versions, audience and time); an older unfinished draft of theirs, from the chat or
        the workspace, is dropped."""
        now = utc_now()
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE broadcasts SET status = 'cancelled', updated_at = ?"
                " WHERE created_by = ? AND status = 'composing'",
                (now, admin_id),
            )
            broadcast_id = await tx.execute(
                "INSERT INTO broadcasts (id, status, step, created_by, report_chat_id, kind, body,"
                " photo, kind_en, body_en, photo_en, audience, send_at, created_at, updated_at)"
                " VALUES ((SELECT last + 1 FROM broadcast_ids WHERE id = 1),"
                " 'composing', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    step,
                    admin_id,
                    admin_id,
                    *_columns(main),
                    *_columns(english),
                    audience,
                    send_at,
                    now,
                    now,
                ),
            )
            row = await tx.fetch_one("SELECT * FROM broadcasts WHERE id = ?", (broadcast_id,))
        assert row is not None
        return Broadcast.from_row(row)

    async def write_draft(
        self,
        admin_id: int,
        step: str,
        main: Version,
        english: Version | None,
        audience: str,
        send_at: str | None,
    ) -> Broadcast:
        """The admin's draft at `step` written anew (a workspace preview): the same draft,
        and id, when they already have one there (previewing again uses up no id and leaves
        no row), else a new one as start_composing makes. `send_at` (None: at once) is what
        Send queues it for."""
        async with self._db.transaction() as tx:
            changed = await tx.execute_rowcount(
                "UPDATE broadcasts SET kind = ?, body = ?, photo = ?, kind_en = ?, body_en = ?,"
                " photo_en = ?, audience = ?, send_at = ?, updated_at = ?"
                " WHERE id = (SELECT MAX(id) FROM broadcasts WHERE created_by = ?"
                " AND status = 'composing') AND step = ?",
                (
                    *_columns(main),
                    *_columns(english),
                    audience,
                    send_at,
                    utc_now(),
                    admin_id,
                    step,
                ),
            )
            if changed:
                row = await tx.fetch_one(
                    "SELECT * FROM broadcasts WHERE created_by = ? AND status = 'composing'"
                    " ORDER BY id DESC LIMIT 1",
                    (admin_id,),
                )
                assert row is not None
                return Broadcast.from_row(row)
        return await self.start_composing(
            admin_id, step, main=main, english=english, audience=audience, send_at=send_at
        )

    async def composing_for(self, admin_id: int) -> Broadcast | None:
        """The admin's draft in progress, if any."""
        row = await self._db.fetch_one(
            "SELECT * FROM broadcasts WHERE created_by = ? AND status = 'composing'"
            " ORDER BY id DESC LIMIT 1",
            (admin_id,),
        )
        return None if row is None else Broadcast.from_row(row)

    async def get(self, broadcast_id: int) -> Broadcast | None:
        """One broadcast by id."""
        row = await self._db.fetch_one("SELECT * FROM broadcasts WHERE id = ?", (broadcast_id,))
        return None if row is None else Broadcast.from_row(row)

    async def set_version(
        self, broadcast_id: int, step: str, version: Version, *, english: bool, next_step: str
    ) -> bool:
        """Store the main or English version of a draft that is at `step`."""
        sql = (
            "UPDATE broadcasts SET kind_en = ?, body_en = ?, photo_en = ?, step = ?, updated_at = ?"
            " WHERE id = ? AND status = 'composing' AND step = ?"
            if english
            else "UPDATE broadcasts SET kind = ?, body = ?, photo = ?, step = ?, updated_at = ?"
            " WHERE id = ? AND status = 'composing' AND step = ?"
        )
        params = (version.kind, version.body, version.photo, next_step, utc_now())
        async with self._db.transaction() as tx:
            changed = await tx.execute_rowcount(sql, (*params, broadcast_id, step))
        return changed == 1

    async def set_step(
        self, broadcast_id: int, step: str, next_step: str, audience: str | None = None
    ) -> bool:
        """Move a draft from `step` to the next one (optionally choosing its audience)."""
        async with self._db.transaction() as tx:
            changed = await tx.execute_rowcount(
                "UPDATE broadcasts SET step = ?, audience = COALESCE(?, audience), updated_at = ?"
                " WHERE id = ? AND status = 'composing' AND step = ?",
                (next_step, audience, utc_now(), broadcast_id, step),
            )
        return changed == 1

    # ----- queueing --------------------------------------------------------------------------

    async def queue(
        self,
        broadcast_id: int,
        step: str,
        kind: str,
        value: str | None,
        send_at: str,
        *,
        written: str | None = None,
    ) -> int | None:
        """Freeze a composed draft's recipients and queue it; None unless it was at `step`
        (and, with `written`, still the writing previewed: a preview in another window at
        the same moment rewrites it, an attacker's review)."""
        async with self._db.transaction() as tx:
            changed = await tx.execute_rowcount(
                "UPDATE broadcasts SET status = 'queued', step = NULL, send_at = ?, queued_at = ?,"
                " updated_at = ? WHERE id = ? AND status = 'composing' AND step = ?"
                " AND kind IS NOT NULL AND (? IS NULL OR updated_at = ?)",
                (send_at, utc_now(), utc_now(), broadcast_id, step, written, written),
            )
            if changed == 0:
                return None
            return await self._freeze(tx, broadcast_id, kind, value)

    async def create_queued(
        self,
        main: Version,
        english: Version | None,
        kind: str,
        value: str | None,
        audience: str,
        send_at: str,
        report_chat_id: int | None,
    ) -> tuple[int, int]:
        """Queue a broadcast made outside the chat (the CLI); return its id and recipients."""
        now = utc_now()
        async with self._db.transaction() as tx:
            broadcast_id = await tx.execute(
                "INSERT INTO broadcasts (id, status, report_chat_id, kind, body, photo, kind_en,"
                " body_en, photo_en, audience, send_at, created_at, updated_at, queued_at)"
                " VALUES ((SELECT last + 1 FROM broadcast_ids WHERE id = 1),"
                " 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    report_chat_id,
                    *_columns(main),
                    *_columns(english),
                    audience,
                    send_at,
                    now,
                    now,
                    now,
                ),
            )
            total = await self._freeze(tx, broadcast_id, kind, value)
        return broadcast_id, total

    @staticmethod
    async def _freeze(tx: Transaction, broadcast_id: int, kind: str, value: str | None) -> int:
        """Insert one pending row per current audience member; store the total."""
        rows = await _audience(tx, kind, value)
        await tx.execute_many(
            "INSERT INTO broadcast_recipients (broadcast_id, user_id, language) VALUES (?, ?, ?)",
            [(broadcast_id, row["user_id"], row["language"]) for row in rows],
        )
        await tx.execute("UPDATE broadcasts SET total = ? WHERE id = ?", (len(rows), broadcast_id))
        return len(rows)

    # ----- delivery --------------------------------------------------------------------------

    async def due(self, now: str) -> Broadcast | None:
        """The broadcast to deliver next: one interrupted mid-way first, then the oldest due."""
        row = await self._db.fetch_one(
            "SELECT * FROM broadcasts WHERE status IN ('queued', 'sending') AND send_at <= ?"
            " ORDER BY status = 'sending' DESC, send_at, id LIMIT 1",
            (now,),
        )
        return None if row is None else Broadcast.from_row(row)

    async def active(self) -> list[Broadcast]:
        """Broadcasts running or waiting for their time, soonest first."""
        rows = await self._db.fetch_all(
            "SELECT * FROM broadcasts WHERE status IN ('queued', 'sending') ORDER BY send_at, id"
        )
        return [Broadcast.from_row(row) for row in rows]

    async def ended(self, limit: int) -> list[Broadcast]:
        """The last broadcasts that were queued and have ended (delivered, or stopped), the
        latest first (a draft dropped before it was queued is no announcement)."""
        rows = await self._db.fetch_all(
            "SELECT * FROM broadcasts WHERE status IN ('done', 'cancelled')"
            " AND queued_at IS NOT NULL ORDER BY COALESCE(finished_at, updated_at) DESC, id DESC"
            " LIMIT ?",
            (limit,),
        )
        return [Broadcast.from_row(row) for row in rows]

    async def status(self, broadcast_id: int) -> str | None:
        """The status of a broadcast."""
        value = await self._db.fetch_value(
            "SELECT status FROM broadcasts WHERE id = ?", (broadcast_id,)
        )
        return None if value is None else str(value)

    async def cancel(self, broadcast_id: int) -> bool:
        """Stop a scheduled or running broadcast; False if it had already ended."""
        async with self._db.transaction() as tx:
            changed = await tx.execute_rowcount(
                "UPDATE broadcasts SET status = 'cancelled', updated_at = ?"
                " WHERE id = ? AND status IN ('queued', 'sending')",
                (utc_now(), broadcast_id),
            )
        return changed == 1

    async def reschedule(self, broadcast_id: int, send_at: str) -> bool:
        """Move a scheduled broadcast to a new time; False if it is no longer waiting for its
        time (it started, ended or was cancelled meanwhile)."""
        now = utc_now()
        async with self._db.transaction() as tx:
            changed = await tx.execute_rowcount(
                "UPDATE broadcasts SET send_at = ?, updated_at = ?"
                " WHERE id = ? AND status = 'queued' AND send_at > ?",
                (send_at, now, broadcast_id, now),
            )
        return changed == 1

    async def ask_time(self, admin_id: int, broadcast_id: int) -> None:
        """Remember that an admin is about to type a new time for a scheduled broadcast."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO broadcast_prompts (admin_id, broadcast_id, created_at)"
                " VALUES (?, ?, ?) ON CONFLICT (admin_id) DO UPDATE SET"
                " broadcast_id = excluded.broadcast_id, created_at = excluded.created_at",
                (admin_id, broadcast_id, utc_now()),
            )

    async def time_asked(self, admin_id: int) -> tuple[int, str] | None:
        """The broadcast an admin was asked a new time for, and when; None if none."""
        row = await self._db.fetch_one(
            "SELECT broadcast_id, created_at FROM broadcast_prompts WHERE admin_id = ?",
            (admin_id,),
        )
        return None if row is None else (int(row["broadcast_id"]), str(row["created_at"]))

    async def forget_time_asked(self, admin_id: int) -> None:
        """The admin answered, or the question expired."""
        async with self._db.transaction() as tx:
            await tx.execute("DELETE FROM broadcast_prompts WHERE admin_id = ?", (admin_id,))

    async def discard(self, broadcast_id: int) -> bool:
        """Drop a draft; False if it is no longer one."""
        async with self._db.transaction() as tx:
            changed = await tx.execute_rowcount(
                "UPDATE broadcasts SET status = 'cancelled', step = NULL, updated_at = ?"
                " WHERE id = ? AND status = 'composing'",
                (utc_now(), broadcast_id),
            )
        return changed == 1

    async def mark_started(self, broadcast_id: int) -> None:
        """The worker took the broadcast up (again, after a restart)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE broadcasts SET status = 'sending', started_at = COALESCE(started_at, ?),"
                " updated_at = ? WHERE id = ? AND status IN ('queued', 'sending')",
                (utc_now(), utc_now(), broadcast_id),
            )

    async def set_progress_message(self, broadcast_id: int, message_id: int) -> None:
        """Remember the message that shows progress, to edit it after a restart too."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE broadcasts SET progress_message_id = ? WHERE id = ?",
                (message_id, broadcast_id),
            )

    async def finish(self, broadcast_id: int) -> None:
        """Delivery ended: every recipient dealt with, or cancelled (which it stays)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE broadcasts SET status = CASE WHEN status = 'sending' THEN 'done'"
                " ELSE status END, finished_at = ?, updated_at = ? WHERE id = ?",
                (utc_now(), utc_now(), broadcast_id),
            )

    async def recipients(self, broadcast_id: int, after: int, limit: int) -> list[Recipient]:
        """The next recipients still to send to ('sending' ones were interrupted), by user id."""
        rows = await self._db.fetch_all(
            "SELECT r.user_id, r.language, r.status, r.attempts,"
            " COALESCE(u.subscribed = 1 AND u.blocked = 0, 0) AS reachable"
            " FROM broadcast_recipients r LEFT JOIN users u ON u.user_id = r.user_id"
            " WHERE r.broadcast_id = ? AND r.status IN ('pending', 'sending') AND r.user_id > ?"
            " ORDER BY r.user_id LIMIT ?",
            (broadcast_id, after, limit),
        )
        return [
            Recipient(
                row["user_id"],
                row["language"],
                row["status"],
                row["attempts"],
                bool(row["reachable"]),
            )
            for row in rows
        ]

    async def mark_sending(self, broadcast_id: int, user_id: int) -> None:
        """Committed before the request: from now on this recipient may have received it."""
        await self._set_recipient(
            "UPDATE broadcast_recipients SET status = 'sending', attempts = attempts + 1"
            " WHERE broadcast_id = ? AND user_id = ?",
            (broadcast_id, user_id),
        )

    async def still_reachable(self, broadcast_id: int, user_id: int) -> bool:
        """Whether a recipient marked 'sending' may still get it, checked right before each
        request: not if they unsubscribed, blocked the bot or erased their data since (during
        the wait for the send budget or a 429 included). Read on the loop's thread (indexed):
        nothing runs between the check and the request."""
        return bool(
            self._db.lookup(
                "SELECT 1 FROM broadcast_recipients r JOIN users u ON u.user_id = r.user_id"
                " WHERE r.broadcast_id = ? AND r.user_id = ? AND r.status = 'sending'"
                " AND u.subscribed = 1 AND u.blocked = 0",
                (broadcast_id, user_id),
            )
        )

    async def mark_pending(self, broadcast_id: int, user_id: int) -> None:
        """No request was made after all (stopping, or waiting out a flood limit)."""
        await self._set_recipient(
            "UPDATE broadcast_recipients SET status = 'pending', attempts = attempts - 1"
            " WHERE broadcast_id = ? AND user_id = ? AND status = 'sending'",
            (broadcast_id, user_id),
        )

    async def mark_sent(self, broadcast_id: int, user_id: int, message_id: int) -> None:
        """Telegram accepted the message."""
        await self._set_recipient(
            "UPDATE broadcast_recipients SET status = 'sent', message_id = ?, sent_at = ?,"
            " error = NULL WHERE broadcast_id = ? AND user_id = ?",
            (message_id, utc_now(), broadcast_id, user_id),
        )

    async def mark_outcome(self, broadcast_id: int, user_id: int, status: str, error: str) -> None:
        """A final outcome other than sent or blocked: 'failed' or 'skipped', with the reason."""
        await self._set_recipient(
            "UPDATE broadcast_recipients SET status = ?, error = ?"
            " WHERE broadcast_id = ? AND user_id = ?",
            (status, error[:500], broadcast_id, user_id),
        )

    async def mark_blocked(self, broadcast_id: int, user_id: int, error: str) -> None:
        """The user blocked the bot or is gone: final here, and no more sends to them."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE broadcast_recipients SET status = 'blocked', error = ?"
                " WHERE broadcast_id = ? AND user_id = ?",
                (error[:500], broadcast_id, user_id),
            )
            await tx.execute(
                "UPDATE users SET blocked = 1, updated_at = ? WHERE user_id = ?",
                (utc_now(), user_id),
            )

    async def _set_recipient(self, sql: str, params: tuple[object, ...]) -> None:
        async with self._db.transaction() as tx:
            await tx.execute(sql, params)

    async def tally(self, broadcast_id: int) -> Tally:
        """Recipients by status."""
        rows = await self._db.fetch_all(
            "SELECT status, COUNT(*) AS n FROM broadcast_recipients WHERE broadcast_id = ?"
            " GROUP BY status",
            (broadcast_id,),
        )
        return Tally(**{row["status"]: int(row["n"]) for row in rows})
