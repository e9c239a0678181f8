"""The conversation log: every message in and out of a private chat."""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace

from bot.store.db import Database, Transaction, utc_now
from bot.store.users import Users


@dataclass(frozen=True, slots=True)
class AnsweredBy:
    """Who wrote a staff answer, as it was sent: a staff member (their Telegram id and name as
    Telegram gave it then), or an anonymous admin of the staff group (the group's id, no
    name: Telegram shows the group, not the person)."""

    user_id: int
    name: str | None

    @property
    def anonymous(self) -> bool:
        """The staff group answered, not a person (chats have negative ids)."""
        return self.user_id < 0


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One line of the conversation log."""

    chat_id: int
    user_id: int | None
    direction: str  # "in" from the talent, "out" from the bot
    kind: str  # text, command, callback, photo, document, edit, ...
    text: str | None
    update_id: int | None = None
    message_id: int | None = None
    answered_by: AnsweredBy | None = None  # a staff answer's writer (migration 0032)
    keeps_waiting: bool = False  # a holding staff answer: the talent's questions still wait
    heading: str | None = None  # a staff answer's heading in the same message (0043)
    # A staff answer that answered only these messages of the talent's (0047); None: all.
    answered_only: tuple[int, ...] | None = None


_OVER_BUDGET = re.compile(r"\[\w+ over the daily log limit: (\d+) characters\]")


def over_budget(kind: str, size: int) -> str:
    """What the log keeps of a message past the talent's daily text budget."""
    return f"[{kind} over the daily log limit: {size} characters]"


def size_over_budget(text: str) -> int | None:
    """The length of a message the log kept only as `over_budget`, else None."""
    found = _OVER_BUDGET.fullmatch(text)
    return None if found is None else int(found.group(1))


ErasedSince = Callable[[Transaction, int, str], Awaitable[bool]]


class ConversationLog:
    """The conversation_log table.

    `text_per_day`: characters of text kept per talent and day (UTC), their messages and the
    bot's together (LOG_TEXT_PER_DAY); beyond it an entry keeps only its kind and length, as
    flood control's dropped messages do. None: no limit (stores opened outside the bot).
    """

    def __init__(
        self,
        db: Database,
        text_per_day: int | None = None,
        erased_since: ErasedSince | None = None,
    ) -> None:
        self._db = db
        self.text_per_day = text_per_day
        # Whether a Telegram id asked for erasure after a moment (Privacy.erased_since).
        self._erased_since = erased_since

    @staticmethod
    async def add_in(tx: Transaction, entry: LogEntry) -> None:
        """Append one entry as it is, inside an open transaction (a replayed update is logged
        once); `keep` counts its text against the talent's budget first."""
        signed = entry.answered_by
        await tx.execute(
            "INSERT OR IGNORE INTO conversation_log"
            " (chat_id, user_id, direction, kind, text, update_id, message_id, created_at,"
            " answered_by_id, answered_by, keeps_waiting, heading, answered_only)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.chat_id,
                entry.user_id,
                entry.direction,
                entry.kind,
                entry.text,
                entry.update_id,
                entry.message_id,
                utc_now(),
                None if signed is None else signed.user_id,
                None if signed is None else signed.name,
                int(entry.keeps_waiting),
                entry.heading,
                None if entry.answered_only is None else json.dumps(entry.answered_only),
            ),
        )

    @staticmethod
    async def rewrite_in(
        tx: Transaction, chat_id: int, update_id: int, rewrite: Callable[[str], str]
    ) -> None:
        """Rewrite the text of a talent's message as logged, inside an open transaction (a
        password dropped from an answer: the log keeps it masked); a line kept only as its
        length (over the day's budget) stays so."""
        row = await tx.fetch_one(
            "SELECT text FROM conversation_log WHERE chat_id = ? AND update_id = ?"
            " AND direction = 'in'",
            (chat_id, update_id),
        )
        text = None if row is None else row[0]
        if not isinstance(text, str) or size_over_budget(text) is not None:
            return
        await tx.execute(
            "UPDATE conversation_log SET text = ? WHERE chat_id = ? AND update_id = ?"
            " AND direction = 'in'",
            (rewrite(text), chat_id, update_id),
        )

    async def keep(self, tx: Transaction, entry: LogEntry) -> None:
        """Append one entry inside an open transaction, its text within the talent's budget."""
        await self.add_in(tx, await self._within_budget(tx, entry))

    async def _within_budget(self, tx: Transaction, entry: LogEntry) -> LogEntry:
        """The entry as kept: its text counted against the talent's day, or only its length."""
        if entry.text is None or entry.user_id is None:
            return entry
        if await self.counted(tx, entry.user_id, entry.text):
            return entry
        return replace(entry, text=over_budget(entry.kind, len(entry.text)))

    async def counted(self, tx: Transaction, user_id: int, text: str) -> bool:
        """Count a text the bot keeps about a talent (a message logged, a free question
        recorded) against their day's budget; False if it is over, and must not be kept."""
        if self.text_per_day is None:
            return True
        size = len(text)
        if size > self.text_per_day:
            return False
        counted = await tx.execute_rowcount(
            "INSERT INTO log_text_days (user_id, day, chars) VALUES (?, ?, ?)"
            " ON CONFLICT (user_id, day) DO UPDATE SET chars = chars + excluded.chars"
            " WHERE chars + excluded.chars <= ?",
            (user_id, utc_now()[:10], size, self.text_per_day),
        )
        return counted > 0

    async def add_sent_in(self, tx: Transaction, entry: LogEntry, since: str) -> bool:
        """Log a message the bot sent, whose request started at `since`, if its talent was
        known then and still is (`Users.known_since`); whether it was logged."""
        if entry.user_id is None or not await Users.known_since(tx, entry.user_id, since):
            return False
        signer = entry.answered_by
        if (
            signer is not None
            and self._erased_since is not None
            and await self._erased_since(tx, signer.user_id, since)
        ):
            entry = replace(entry, answered_by=None)  # the staff member who wrote it erased since
        await self.keep(tx, entry)
        return True

    async def add_sent(self, sent: Sequence[tuple[LogEntry, str]]) -> None:
        """Log messages the bot sent, each with the time its request started, in order, in
        one transaction: none about a talent erased since (`add_sent_in`)."""
        async with self._db.transaction() as tx:
            for entry, since in sent:
                await self.add_sent_in(tx, entry, since)

    async def add(self, entry: LogEntry) -> None:
        """Append one entry in a transaction of its own (within the talent's budget)."""
        async with self._db.transaction() as tx:
            await self.keep(tx, entry)

    async def highest_message_ids(self) -> dict[int, int]:
        """Per chat, the highest message id the log holds (`kocca-bot chat` on a kept
        database numbers its new messages after them, as Telegram would)."""
        rows = await self._db.fetch_all(
            "SELECT chat_id, MAX(message_id) AS highest FROM conversation_log"
            " WHERE message_id IS NOT NULL GROUP BY chat_id"
        )
        return {int(row["chat_id"]): int(row["highest"]) for row in rows}

    async def before_latest_in(self, chat_id: int) -> tuple[LogEntry, str] | None:
        """The talent's message before their latest one in a chat, and when it came: what
        they answer may be what the bot asked right after it (one row, by the chat's index)."""
        row = await self._db.fetch_one(
            "SELECT chat_id, user_id, direction, kind, text, update_id, message_id, created_at"
            " FROM conversation_log WHERE chat_id = ? AND direction = 'in'"
            " ORDER BY id DESC LIMIT 1 OFFSET 1",
            (chat_id,),
        )
        if row is None:
            return None
        found = dict(row)
        created_at = str(found.pop("created_at"))
        return LogEntry(**found), created_at

    async def text_in(self, chat_id: int, message_id: int) -> str | None:
        """The text of the talent's message `message_id` in a chat, as the log keeps it (None
        when it holds none: erased, past retention, over the day's budget)."""
        text = await self._db.fetch_value(
            "SELECT text FROM conversation_log WHERE chat_id = ? AND direction = 'in'"
            " AND kind = 'text' AND message_id = ? ORDER BY id DESC LIMIT 1",
            (chat_id, message_id),
        )
        if not isinstance(text, str) or size_over_budget(text) is not None:
            return None
        return text

    async def latest_in(self, chat_id: int, count: int) -> list[LogEntry]:
        """The talent's last `count` messages in a chat, newest first (by the chat's index)."""
        rows = await self._db.fetch_all(
            "SELECT chat_id, user_id, direction, kind, text, update_id, message_id"
            " FROM conversation_log WHERE chat_id = ? AND direction = 'in'"
            " ORDER BY id DESC LIMIT ?",
            (chat_id, count),
        )
        return [LogEntry(**dict(row)) for row in rows]

    async def latest(self, chat_id: int, count: int) -> list[LogEntry]:
        """The last `count` lines of a chat's log, both ways, newest first (by its index)."""
        rows = await self._db.fetch_all(
            "SELECT chat_id, user_id, direction, kind, text, update_id, message_id"
            " FROM conversation_log WHERE chat_id = ? ORDER BY id DESC LIMIT ?",
            (chat_id, count),
        )
        return [LogEntry(**dict(row)) for row in rows]

    async def for_chat(self, chat_id: int) -> list[LogEntry]:
        """The whole log of one chat, oldest first."""
        rows = await self._db.fetch_all(
            "SELECT chat_id, user_id, direction, kind, text, update_id, message_id"
            " FROM conversation_log WHERE chat_id = ? ORDER BY id",
            (chat_id,),
        )
        return [LogEntry(**dict(row)) for row in rows]

    async def command_text(self, chat_id: int, message_id: int) -> str | None:
        """The words of a talent's message the log keeps as a command ("/tanya apa itu
        MU:CON?"), else None (a plain message, or one no longer logged)."""
        value = await self._db.fetch_value(
            "SELECT text FROM conversation_log WHERE chat_id = ? AND direction = 'in'"
            " AND message_id = ? AND kind = 'command' ORDER BY id DESC LIMIT 1",
            (chat_id, message_id),
        )
        return None if value is None else str(value)

    async def keep_question_only(self, chat_id: int, message_id: int, question: str) -> None:
        """A command with a question on its line ("/tanya apa itu MU:CON?") went to staff: its
        line keeps the question alone, as staff read it (the Questions tab, /dataku); a line
        kept only as its length (over the day's budget) stays so."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE conversation_log SET text = ? WHERE chat_id = ? AND direction = 'in'"
                " AND message_id = ? AND kind = 'command' AND text LIKE '/%'",
                (question, chat_id, message_id),
            )

    async def talent_words(self, chat_id: int, message_id: int) -> str | None:
        """What a talent's text message said, as the log keeps it (None for media, a message
        no longer logged, or one kept only as its length)."""
        value = await self._db.fetch_value(
            "SELECT text FROM conversation_log WHERE chat_id = ? AND direction = 'in'"
            " AND message_id = ? AND kind IN ('text', 'command') ORDER BY id DESC LIMIT 1",
            (chat_id, message_id),
        )
        if value is None or size_over_budget(str(value)) is not None:
            return None
        return str(value)
