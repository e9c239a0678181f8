"""Chats as people see them: the messages in each, and group chats with their members."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.emulator.errors import bad_request, forbidden
from bot.emulator.shapes import StoredMessage, group_chat_dict
from bot.emulator.views import BotMessage

if TYPE_CHECKING:
    from bot.emulator.client import EmulatedUser
    from bot.emulator.world import EmulatorWorld

JSON = dict[str, Any]
# How long a wait for the bot's messages lasts before it fails: generous, as the bot may share
# a loaded machine (a failing test waits this long; a passing one only as long as it must).
WAIT_TIMEOUT = 30.0
# What a test looks for in a chat: a piece of the text, or a test of the whole message.
Match = str | Callable[[BotMessage], bool]


class ChatBase:
    """One chat's message history and the reply keyboard currently shown in it."""

    def __init__(self, emulator: EmulatorWorld, chat_id: int) -> None:
        self.id = chat_id
        self.emulator = emulator
        self.stored: dict[int, StoredMessage] = {}
        self.reply_keyboard: list[list[str]] | None = None
        self.one_time_keyboard = False
        self._last_message_id = 0

    def chat_dict(self) -> JSON:
        """The Chat object Telegram puts in messages of this chat."""
        raise NotImplementedError

    def ensure_bot_can_send(self) -> None:
        """Raise the 403 Telegram gives when the bot may not post here."""
        raise NotImplementedError

    def next_message_id(self) -> int:
        """Allocate the next message id; ids increase per chat."""
        self._last_message_id += 1
        return self._last_message_id

    def continue_after(self, message_id: int) -> None:
        """Number this chat's next messages after `message_id`: Telegram never reuses one."""
        self._last_message_id = max(self._last_message_id, message_id)

    def message(self, message_id: int) -> StoredMessage | None:
        """A message of this chat that still exists."""
        found = self.stored.get(message_id)
        return None if found is None or found.deleted else found

    def reaction_on(self, message_id: int) -> str | None:
        """The emoji the bot reacted with to a message of this chat, if it did."""
        found = self.message(message_id)
        return None if found is None else found.bot_reaction

    def _bot_messages(self, since: int = 0, thread_id: int | None = None) -> list[BotMessage]:
        return [
            BotMessage.from_stored(m)
            for m in self.stored.values()
            if m.from_bot
            and not m.deleted
            and not m.service
            and m.changed > since
            and (thread_id is None or m.thread_id == thread_id)
        ]

    @property
    def messages(self) -> list[BotMessage]:
        """The bot's messages here, oldest first, as they look now (edits applied)."""
        return self._bot_messages()

    @property
    def last_message(self) -> BotMessage:
        """The bot's newest message here; AssertionError when there is none."""
        messages = self.messages
        if not messages:
            raise AssertionError(f"the bot has sent nothing (visible) to chat {self.id}")
        return messages[-1]

    @property
    def last_text(self) -> str:
        """Visible text (or caption) of the bot's newest message here."""
        return self.last_message.text

    def mark(self) -> int:
        """A point in time for :meth:`messages_since`."""
        return self.emulator.current_seq

    def messages_since(self, mark: int) -> list[BotMessage]:
        """The bot's messages here sent or edited after ``mark``, as they look now."""
        return self._bot_messages(since=mark)

    def find(self, match: Match, since: int = 0) -> list[BotMessage]:
        """The bot's messages here (new or edited since ``since``) that ``match``: text that
        contains it, or a test of the message; oldest first."""
        test = match if callable(match) else (lambda message: match in message.text)
        return [message for message in self.messages_since(since) if test(message)]

    async def wait_for_message(
        self,
        match: Match,
        since: int = 0,
        timeout: float = WAIT_TIMEOUT,  # noqa: ASYNC109 - a plain number is what tests pass
    ) -> BotMessage:
        """Wait until the bot has a message here that ``match`` (see :meth:`find`); the newest.

        Unlike the chat's last message, this does not depend on what else the bot posts
        meanwhile (progress of an announcement, a report, a reminder)."""
        await self.emulator.wait_until(
            lambda: bool(self.find(match, since)), timeout, f"a bot message {match!r} in {self.id}"
        )
        return self.find(match, since)[-1]

    async def wait_for_messages(
        self,
        mark: int,
        count: int = 1,
        timeout: float = WAIT_TIMEOUT,  # noqa: ASYNC109 - a plain number is what tests pass
    ) -> list[BotMessage]:
        """Wait until ``count`` bot messages here are new or edited since ``mark``; return all."""
        await self.emulator.wait_until(
            lambda: len(self.messages_since(mark)) >= count,
            timeout,
            f"{count} bot message(s) in chat {self.id}",
        )
        return self.messages_since(mark)


class EmulatedChat(ChatBase):
    """A group or supergroup (optionally a forum) that users and the bot can join."""

    def __init__(
        self,
        emulator: EmulatorWorld,
        chat_id: int,
        *,
        title: str,
        forum: bool,
        supergroup: bool,
    ) -> None:
        super().__init__(emulator, chat_id)
        self.title = title
        self.forum = forum
        self.supergroup = supergroup
        self.members: dict[int, EmulatedUser] = {}
        self.admins: set[int] = set()
        self.bot_status = "left"  # or member, administrator, restricted (may not post), kicked
        # The bot's Manage topics right when it is an administrator.
        self.bot_can_manage_topics = True
        self.topics: dict[int, str] = {}
        self._chat = group_chat_dict(chat_id, title, supergroup=supergroup, forum=forum)

    def chat_dict(self) -> JSON:
        """The Chat object of this group."""
        return self._chat

    @property
    def kind(self) -> str:
        """Telegram's chat type: "group" or "supergroup"."""
        return "supergroup" if self.supergroup else "group"

    def ensure_bot_can_send(self) -> None:
        """403 unless the bot is a member of the group."""
        if self.bot_status == "kicked":
            raise forbidden(f"bot was kicked from the {self.kind} chat")
        if self.bot_status == "restricted":
            raise bad_request("not enough rights to send text messages to the chat")
        if self.bot_status not in ("member", "administrator"):
            raise forbidden(f"bot is not a member of the {self.kind} chat")

    def add_member(self, user: EmulatedUser, *, admin: bool = False) -> None:
        """Make ``user`` a member; the bot sees a new_chat_members message if it is here."""
        if admin:
            self.admins.add(user.id)
        if user.id in self.members:
            return
        self.members[user.id] = user
        if self.bot_status in ("member", "administrator"):
            self.emulator.user_message(
                self,
                user,
                kind="new_chat_members",
                service=True,
                extra={
                    "new_chat_members": [user.as_dict()],
                    "new_chat_participant": user.as_dict(),
                },
            )

    def member_status(self, user_id: int) -> str:
        """Telegram's ChatMember status of a user here."""
        if user_id in self.admins:
            return "administrator"
        return "member" if user_id in self.members else "left"

    def thread_messages(self, thread_id: int) -> list[BotMessage]:
        """The bot's messages in one forum topic."""
        return self._bot_messages(thread_id=thread_id)

    def create_topic(self, name: str, *, by: EmulatedUser, icon_color: int = 7322096) -> int:
        """A member opens a forum topic; returns its message_thread_id."""
        if not self.forum:
            raise AssertionError(f"chat {self.id} is not a forum")
        update = self.emulator.user_message(
            self,
            by,
            kind="forum_topic_created",
            service=True,
            extra={"forum_topic_created": {"name": name, "icon_color": icon_color}},
            opens_topic=name,
        )
        return int(update["message"]["message_id"])
