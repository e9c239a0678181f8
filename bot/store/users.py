"""Talents and staff as Telegram users: profile, language, source, flags."""

from __future__ import annotations

from dataclasses import dataclass

from bot.store.db import Database, Row, Transaction, utc_now

# users.language_chosen: 0 the language guessed from Telegram, CHOSEN pressed by the talent,
# FOLLOWED the language they write in, taken by the bot (handlers.answers): kept as a chosen
# one is, but followed again when they write in the other.
CHOSEN = 1
FOLLOWED = 2
# ... and SETTLED once followed back: a talent who writes both languages is not switched back
# and forth, a note each time (and a read and a write each time: issue 23's benchmark).
SETTLED = 3


@dataclass(frozen=True, slots=True)
class User:
    """One Telegram user as stored."""

    user_id: int
    first_name: str
    last_name: str | None
    username: str | None
    telegram_language: str | None
    language: str
    language_chosen: bool
    source: str | None
    subscribed: bool
    blocked: bool
    created_at: str
    language_followed: bool = False  # the bot took it from what they write: not chosen
    language_settled: bool = False  # ... and followed back once: it stays

    @classmethod
    def from_row(cls, row: Row) -> User:
        """Build from a users row."""
        return cls(
            user_id=row["user_id"],
            first_name=row["first_name"],
            last_name=row["last_name"],
            username=row["username"],
            telegram_language=row["telegram_language"],
            language=row["language"],
            language_chosen=row["language_chosen"] == CHOSEN,
            source=row["source"],
            subscribed=bool(row["subscribed"]),
            blocked=bool(row["blocked"]),
            created_at=row["created_at"],
            language_followed=row["language_chosen"] in (FOLLOWED, SETTLED),
            language_settled=row["language_chosen"] == SETTLED,
        )


@dataclass(frozen=True, slots=True)
class Profile:
    """What Telegram tells about a user on each update."""

    user_id: int
    first_name: str
    last_name: str | None
    username: str | None
    telegram_language: str | None


class Users:
    """The users table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @staticmethod
    async def upsert(tx: Transaction, profile: Profile, initial_language: str) -> User:
        """Insert or refresh a user inside a transaction; a chosen language is never overridden."""
        now = utc_now()
        await tx.execute(
            "INSERT INTO users (user_id, first_name, last_name, username, telegram_language,"
            " language, created_at, updated_at, last_seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(user_id) DO UPDATE SET first_name = excluded.first_name,"
            " last_name = excluded.last_name, username = excluded.username,"
            " telegram_language = excluded.telegram_language,"
            " language = CASE WHEN users.language_chosen THEN users.language"
            "   ELSE excluded.language END,"
            " blocked = 0, updated_at = excluded.updated_at, last_seen_at = excluded.last_seen_at",
            (
                profile.user_id,
                profile.first_name,
                profile.last_name,
                profile.username,
                profile.telegram_language,
                initial_language,
                now,
                now,
                now,
            ),
        )
        row = await tx.fetch_one("SELECT * FROM users WHERE user_id = ?", (profile.user_id,))
        assert row is not None  # just written in this transaction
        return User.from_row(row)

    @staticmethod
    async def known_since(tx: Transaction, user_id: int, since: str) -> bool:
        """Whether this user was stored at `since` and still is (not erased since then).

        What the bot writes about a message it sent (the conversation log, the relayed answer)
        is written only then: a talent who erased their data while the message was on its way
        (its HTTP round trip, a 429 wait) has no row, and one who came back since is a new
        user, created after the message left. Checked inside the writing transaction, which
        the erasure's transaction cannot interleave with.
        """
        row = await tx.fetch_one(
            "SELECT 1 FROM users WHERE user_id = ? AND created_at <= ?", (user_id, since)
        )
        return row is not None

    async def get(self, user_id: int) -> User | None:
        """The stored user, or None."""
        rows = self._db.lookup("SELECT * FROM users WHERE user_id = ?", (user_id,))
        return User.from_row(rows[0]) if rows else None

    async def set_language(self, user_id: int, language: str) -> None:
        """Store a language the user chose explicitly."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE users SET language = ?, language_chosen = ?, updated_at = ?"
                " WHERE user_id = ?",
                (language, CHOSEN, utc_now(), user_id),
            )

    async def follow_language(self, user_id: int, language: str, *, back: bool = False) -> None:
        """Store the language a talent writes in, who never chose one (the bot follows it);
        `back`: followed back to the other, where it then stays (SETTLED)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE users SET language = ?, language_chosen = ?, updated_at = ?"
                " WHERE user_id = ? AND language_chosen <> ?",
                (language, SETTLED if back else FOLLOWED, utc_now(), user_id, CHOSEN),
            )

    async def record_source(self, user_id: int, source: str) -> bool:
        """Log a deep-link source; keep the first one on the user. True if it was the first."""
        now = utc_now()
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO user_sources (user_id, source, created_at) VALUES (?, ?, ?)",
                (user_id, source, now),
            )
            changed = await tx.execute_rowcount(
                "UPDATE users SET source = ?, updated_at = ? WHERE user_id = ? AND source IS NULL",
                (source, now, user_id),
            )
        return changed == 1

    async def sources(self, user_id: int) -> list[str]:
        """Every deep-link source this user arrived with, oldest first."""
        rows = await self._db.fetch_all(
            "SELECT source FROM user_sources WHERE user_id = ? ORDER BY id", (user_id,)
        )
        return [row["source"] for row in rows]

    async def set_blocked(self, user_id: int, blocked: bool) -> None:
        """Record whether the user has blocked the bot (writing to it again clears the flag)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE users SET blocked = ?, updated_at = ? WHERE user_id = ?",
                (int(blocked), utc_now(), user_id),
            )

    async def others(self, user_id: int, *, besides: range = range(0)) -> int:
        """How many users other than this one (and than those whose ids are in `besides`)
        the database holds (are they real talents?)."""
        return int(
            await self._db.fetch_value(
                "SELECT COUNT(*) FROM users WHERE user_id != ?"
                " AND NOT (user_id >= ? AND user_id < ?)",
                (user_id, besides.start, besides.stop),
            )
        )

    async def within(self, ids: range) -> list[User]:
        """The users whose ids are in `ids`, in the order they came."""
        rows = await self._db.fetch_all(
            "SELECT * FROM users WHERE user_id >= ? AND user_id < ? ORDER BY created_at, user_id",
            (ids.start, ids.stop),
        )
        return [User.from_row(row) for row in rows]
