"""The emulated world: the bot's identity, users, groups, messages, updates and listeners."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from bot.emulator.chats import ChatBase, EmulatedChat
from bot.emulator.client import EmulatedUser
from bot.emulator.errors import bad_request
from bot.emulator.files import FileStore
from bot.emulator.shapes import StoredMessage, user_dict
from bot.emulator.updates import UpdateQueue
from bot.emulator.views import BotMessage, EmulatorEvent

JSON = dict[str, Any]
Listener = Callable[[EmulatorEvent], None]
_LOG = logging.getLogger(__name__)


class EmulatorWorld:
    """Everything a Telegram server knows besides the HTTP surface."""

    def __init__(self, bot_id: int, bot_username: str, bot_first_name: str) -> None:
        self.bot_id = bot_id
        self.bot_username = bot_username
        self.bot_user = user_dict(bot_id, bot_first_name, username=bot_username, is_bot=True)
        self.updates = UpdateQueue()
        self.files = FileStore()
        self.users: dict[int, EmulatedUser] = {}
        self.groups: dict[int, EmulatedChat] = {}
        self.my_commands: dict[tuple[str, str], list[JSON]] = {}
        self.bot_texts: dict[tuple[str, str], str] = {}
        self.menu_buttons: dict[int | None, JSON] = {}
        self.callback_queries: dict[str, tuple[EmulatedUser, int, bool]] = {}
        self.inline_answers: dict[str, list[JSON]] = {}
        self._chats: dict[int, ChatBase] = {}
        self._listeners: list[Listener] = []
        self._seq = 0
        self._next_user_id = 1001
        self._group_count = 0
        self._query_count = 0
        # Replaced after each change so waiters need no lock (most changes are synchronous).
        self._activity = asyncio.Event()

    # ----- updates and listeners -------------------------------------------------------------

    def queue_update(self, payload: JSON) -> JSON:
        """Queue a generated update (subject to allowed_updates); returns it."""
        update = self.updates.push(payload)
        self._touch()
        return update if update is not None else dict(payload)

    def inject_raw_update(self, payload: JSON) -> JSON:
        """Queue any JSON as an update, bypassing all checks; update_id added unless given."""
        update = self.updates.push(payload, force=True)
        assert update is not None
        return update

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` for each visible change in any chat; returns the unsubscriber."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    @property
    def watched(self) -> bool:
        """Whether anyone subscribed; snapshots for events are only built then."""
        return bool(self._listeners)

    def emit(self, event: EmulatorEvent) -> None:
        """Tell listeners about a visible change."""
        self._touch()
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                _LOG.exception("emulator listener failed")

    def _touch(self) -> None:
        self._activity.set()
        self._activity = asyncio.Event()

    async def wait_until(
        self,
        predicate: Callable[[], bool],
        timeout: float,  # noqa: ASYNC109 - a plain number is what tests want to pass
        what: str,
    ) -> None:
        """Wait until ``predicate()`` holds after some call or message; TimeoutError if not."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
            event = self._activity
            try:
                async with asyncio.timeout(remaining):
                    await event.wait()
            except TimeoutError:
                pass

    # ----- people and chats ------------------------------------------------------------------

    def user(
        self,
        user_id: int | None = None,
        *,
        first_name: str = "Sari",
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "id",
        is_bot: bool = False,
    ) -> EmulatedUser:
        """A Telegram user (new, or the existing one with this id); private chat id = user id."""
        if user_id is None:
            while self._next_user_id in self._chats:
                self._next_user_id += 1
            user_id = self._next_user_id
            self._next_user_id += 1
        elif user_id in self.users:
            return self.users[user_id]
        user = EmulatedUser(
            self,
            user_id,
            first_name=first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
            is_bot=is_bot,
        )
        self.users[user_id] = user
        self._chats[user_id] = user
        return user

    def group(
        self,
        chat_id: int | None = None,
        *,
        title: str = "Staff",
        forum: bool = False,
        supergroup: bool = True,
    ) -> EmulatedChat:
        """A group chat (new, or the existing one with this id); the bot is not in it yet."""
        if chat_id is None:
            # Supergroup ids look like -1001…, basic group ids like -4….
            self._group_count += 1
            base = 1_001_000_000_000 if supergroup else 4_000_000_000
            chat_id = -(base + self._group_count)
            while chat_id in self._chats:
                chat_id -= 1
        elif chat_id in self.groups:
            return self.groups[chat_id]
        chat = EmulatedChat(self, chat_id, title=title, forum=forum, supergroup=supergroup)
        self.groups[chat_id] = chat
        self._chats[chat_id] = chat
        return chat

    def add_bot_to_group(
        self, chat: EmulatedChat, *, by: EmulatedUser, admin: bool = False
    ) -> None:
        """``by`` adds the bot: a my_chat_member update, then a new_chat_members message."""
        chat.add_member(by)
        old = chat.bot_status
        chat.bot_status = "administrator" if admin else "member"
        by.chat_member_update(chat, self.bot_user, old, chat.bot_status)
        self.user_message(
            chat,
            by,
            kind="new_chat_members",
            service=True,
            extra={"new_chat_members": [self.bot_user], "new_chat_participant": self.bot_user},
        )

    def remove_bot_from_group(self, chat: EmulatedChat, *, by: EmulatedUser) -> None:
        """``by`` removes the bot: a my_chat_member update to "left" (no later updates)."""
        old, chat.bot_status = chat.bot_status, "left"
        by.chat_member_update(chat, self.bot_user, old, "left")

    def chat(self, chat_id: object) -> ChatBase:
        """The chat with this id, or 400 "chat not found" like Telegram."""
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        try:
            key = int(str(chat_id))
        except ValueError:
            raise bad_request("chat not found") from None
        found = self._chats.get(key)
        if found is None:
            raise bad_request("chat not found")
        return found

    def commands_for(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """The command list stored for exactly this scope and language (getMyCommands)."""
        from bot.emulator.methods_bot import commands_key

        return list(self.my_commands.get(commands_key(scope, language_code), []))

    # ----- messages --------------------------------------------------------------------------

    @property
    def current_seq(self) -> int:
        """Sequence number of the newest message or edit (for marks)."""
        return self._seq

    def next_seq(self) -> int:
        """Advance the change sequence that marks compare against."""
        self._seq += 1
        return self._seq

    def store(
        self, chat: ChatBase, *, from_bot: bool, sender: JSON, **fields: Any
    ) -> StoredMessage:
        """Store a new message in ``chat`` and tell listeners when it is the bot's."""
        opens_topic: str | None = fields.pop("opens_topic", None)
        seq = self.next_seq()
        message_id = chat.next_message_id()
        if opens_topic is not None and isinstance(chat, EmulatedChat):
            chat.topics[message_id] = opens_topic
            fields.update(thread_id=message_id, is_topic_message=True)
        thread_id = fields.get("thread_id")
        if isinstance(chat, EmulatedChat) and chat.forum and thread_id in chat.topics:
            # In forums every topic message replies to the topic's creation message.
            fields["is_topic_message"] = True
            if fields.get("reply_to") is None and thread_id != message_id:
                fields["reply_to"] = chat.stored.get(thread_id)
        message = StoredMessage(
            chat=chat.chat_dict(),
            message_id=message_id,
            date=int(time.time()),
            sender=sender,
            from_bot=from_bot,
            seq=seq,
            changed=seq,
            **fields,
        )
        chat.stored[message_id] = message
        self._touch()
        if from_bot:
            self._track_keyboard(chat, message.reply_markup)
            if not message.service and self._listeners:
                snapshot = BotMessage.from_stored(message)
                self.emit(EmulatorEvent("message", chat.id, message_id, message=snapshot))
        return message

    @staticmethod
    def _track_keyboard(chat: ChatBase, markup: JSON | None) -> None:
        if not markup:
            return
        if "keyboard" in markup:
            chat.reply_keyboard = [
                [b if isinstance(b, str) else str(b.get("text", "")) for b in row]
                for row in markup["keyboard"]
            ]
            chat.one_time_keyboard = bool(markup.get("one_time_keyboard"))
        elif markup.get("remove_keyboard"):
            chat.reply_keyboard = None

    def user_message(self, chat: ChatBase, user: EmulatedUser, **fields: Any) -> JSON:
        """Store a message ``user`` sent in ``chat``; queue and return its "message" update."""
        message = self.store(chat, from_bot=False, sender=user.as_dict(), **fields)
        return self.queue_update({"message": message.to_dict()})

    def next_query_id(self) -> str:
        """A fresh callback or inline query id, shaped like Telegram's long numeric ids."""
        self._query_count += 1
        return str(4_400_000_000_000_000_000 + self._query_count)
