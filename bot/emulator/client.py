"""The user side: a person who writes to the bot, presses its buttons, blocks it."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bot.emulator.chats import ChatBase, EmulatedChat
from bot.emulator.entities import command_entities
from bot.emulator.errors import forbidden
from bot.emulator.keyboards import find_button
from bot.emulator.shapes import (
    StoredMessage,
    chat_member,
    media_payload,
    private_chat_dict,
    user_dict,
)
from bot.emulator.views import BotMessage, CallbackAnswer

if TYPE_CHECKING:
    from bot.emulator.world import EmulatorWorld

JSON = dict[str, Any]
ReplyTo = BotMessage | int | None
# A few bytes that start like the real formats, so sniffing code is not surprised.
_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00emulated-photo\xff\xd9"
_OGG = b"OggS\x00\x02emulated-voice"


class EmulatedUser(ChatBase):
    """A Telegram user and their private chat with the bot (chat id = user id)."""

    def __init__(
        self,
        emulator: EmulatorWorld,
        user_id: int,
        *,
        first_name: str,
        last_name: str | None,
        username: str | None,
        language_code: str | None,
        is_bot: bool,
    ) -> None:
        super().__init__(emulator, user_id)
        self.first_name = first_name
        self.last_name = last_name
        self.username = username
        self.language_code = language_code
        self.is_bot = is_bot
        self.blocked = False
        self.deactivated = False
        self.started = False
        self.callback_answers: list[CallbackAnswer] = []
        self._user = user_dict(
            user_id,
            first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
            is_bot=is_bot,
        )
        self._chat = private_chat_dict(self._user)

    def __repr__(self) -> str:
        return f"EmulatedUser(id={self.id}, first_name={self.first_name!r})"

    def as_dict(self) -> JSON:
        """The User object Telegram sends for this person."""
        return self._user

    def chat_dict(self) -> JSON:
        """The Chat object of the private chat with the bot."""
        return self._chat

    def ensure_bot_can_send(self) -> None:
        """403 when the user deactivated, blocked the bot or never started it."""
        if self.deactivated:
            raise forbidden("user is deactivated")
        if self.blocked:
            raise forbidden("bot was blocked by the user")
        if self.is_bot:
            raise forbidden("bot can't send messages to bots")
        if not self.started:
            raise forbidden("bot can't initiate conversation with a user")

    @property
    def keyboard(self) -> list[list[str]] | None:
        """The reply keyboard the bot currently shows in the private chat, if any."""
        return self.reply_keyboard

    # ----- sending ---------------------------------------------------------------------------

    def _chat_for(self, chat: EmulatedChat | None) -> ChatBase:
        if chat is None:
            if self.deactivated:
                raise AssertionError(f"{self!r} is deactivated and cannot write")
            self.started = True
            if self.blocked:
                raise AssertionError(f"{self!r} blocked the bot; call unblock() first")
            return self
        if self.id not in chat.members:
            raise AssertionError(f"{self!r} is not a member of chat {chat.id}; add_member first")
        if chat.bot_status not in ("member", "administrator"):
            raise AssertionError(
                f"the bot is not in chat {chat.id}; call emulator.add_bot_to_group first"
            )
        return chat

    def _post(
        self,
        chat: EmulatedChat | None,
        reply_to: ReplyTo,
        thread_id: int | None,
        **fields: Any,
    ) -> JSON:
        target = self._chat_for(chat)
        if target.one_time_keyboard:
            target.reply_keyboard = None
        replied: StoredMessage | None = None
        if reply_to is not None:
            wanted = reply_to if isinstance(reply_to, int) else reply_to.message_id
            replied = target.message(wanted)
            if replied is None:
                raise AssertionError(f"no message {wanted} in chat {target.id} to reply to")
        return self.emulator.user_message(
            target, self, reply_to=replied, thread_id=thread_id, **fields
        )

    def send(
        self,
        text: str,
        *,
        chat: EmulatedChat | None = None,
        reply_to: ReplyTo = None,
        thread_id: int | None = None,
        entities: Sequence[JSON] = (),
    ) -> JSON:
        """Write ``text``; a leading /command gets its bot_command entity, and `entities`
        (Bot API MessageEntity dicts: bold, a link, a code block) format the rest."""
        found = [*command_entities(text), *entities]
        return self._post(chat, reply_to, thread_id, text=text, entities=found)

    def _send_file(
        self,
        kind: str,
        content: bytes,
        caption: str | None,
        chat: EmulatedChat | None,
        reply_to: ReplyTo,
        thread_id: int | None,
        *,
        filename: str | None = None,
        mime_type: str | None = None,
        duration: int | None = None,
    ) -> JSON:
        file = self.emulator.files.add(kind, content, filename, mime_type)
        payload = {kind: media_payload(kind, file, duration=duration)}
        return self._post(
            chat, reply_to, thread_id, kind=kind, text=caption or "", content=payload, file=file
        )

    def send_photo(
        self,
        caption: str | None = None,
        *,
        content: bytes = _JPEG,
        chat: EmulatedChat | None = None,
        reply_to: ReplyTo = None,
        thread_id: int | None = None,
    ) -> JSON:
        """Send a photo (optionally captioned)."""
        return self._send_file("photo", content, caption, chat, reply_to, thread_id)

    def send_document(
        self,
        filename: str = "file.pdf",
        content: bytes = b"%PDF-1.4\n% emulated document\n%%EOF\n",
        mime_type: str = "application/pdf",
        caption: str | None = None,
        *,
        chat: EmulatedChat | None = None,
        reply_to: ReplyTo = None,
        thread_id: int | None = None,
    ) -> JSON:
        """Send a file as a document."""
        return self._send_file(
            "document",
            content,
            caption,
            chat,
            reply_to,
            thread_id,
            filename=filename,
            mime_type=mime_type,
        )

    def send_voice(
        self,
        duration: int = 3,
        *,
        content: bytes = _OGG,
        caption: str | None = None,
        chat: EmulatedChat | None = None,
        reply_to: ReplyTo = None,
        thread_id: int | None = None,
    ) -> JSON:
        """Send a voice note."""
        return self._send_file(
            "voice",
            content,
            caption,
            chat,
            reply_to,
            thread_id,
            mime_type="audio/ogg",
            duration=duration,
        )

    def send_sticker(self, *, emoji: str = "😂", chat: EmulatedChat | None = None) -> JSON:
        """Send a sticker (Telegram tells bots the emoji it stands for)."""
        file = self.emulator.files.add("sticker", b"RIFF-emulated-webp", "s.webp", "image/webp")
        payload = {"sticker": {**media_payload("sticker", file), "emoji": emoji}}
        return self._post(chat, None, None, kind="sticker", content=payload, file=file)

    def send_contact(
        self,
        phone_number: str,
        first_name: str,
        *,
        last_name: str | None = None,
        own: bool = True,
        chat: EmulatedChat | None = None,
    ) -> JSON:
        """Share a contact; ``own`` adds user_id as a request_contact button does."""
        contact: JSON = {"phone_number": phone_number, "first_name": first_name}
        if last_name:
            contact["last_name"] = last_name
        if own:
            contact["user_id"] = self.id
        return self._post(chat, None, None, kind="contact", content={"contact": contact})

    def send_location(
        self, latitude: float, longitude: float, *, chat: EmulatedChat | None = None
    ) -> JSON:
        """Share a location."""
        location = {"latitude": latitude, "longitude": longitude}
        return self._post(chat, None, None, kind="location", content={"location": location})

    def send_poll(
        self, question: str, options: list[str], *, chat: EmulatedChat | None = None
    ) -> JSON:
        """Send an anonymous regular poll."""
        poll = {
            "id": self.emulator.next_query_id(),
            "question": question,
            "options": [
                {"text": option, "voter_count": 0, "persistent_id": str(index)}
                for index, option in enumerate(options)
            ],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": True,
            "type": "regular",
            "allows_multiple_answers": False,
            "allows_revoting": False,
            "members_only": False,
        }
        return self._post(chat, None, None, kind="poll", content={"poll": poll})

    def edit(self, message_id: int, new_text: str, *, chat: EmulatedChat | None = None) -> JSON:
        """Edit one of this user's own text messages (an edited_message update)."""
        target = chat if chat is not None else self
        message = target.message(message_id)
        if message is None or message.from_bot or message.sender["id"] != self.id:
            raise AssertionError(f"{self!r} has no message {message_id} in chat {target.id}")
        message.text = new_text
        message.entities = command_entities(new_text)
        message.edit_date = int(time.time())
        return self.emulator.queue_update({"edited_message": message.to_dict()})

    # ----- buttons, queries, relationship with the bot ---------------------------------------

    def press(
        self,
        button_text: str | None = None,
        *,
        callback_data: str | None = None,
        message: BotMessage | None = None,
        chat: EmulatedChat | None = None,
    ) -> JSON:
        """Press an inline button of ``message`` or of the newest bot message that has it."""
        where: ChatBase = self if chat is None else chat
        if message is not None:
            where = self.emulator.chat(message.chat_id)
            found = where.message(message.message_id)
            if found is None:
                raise AssertionError(f"message {message.message_id} no longer exists")
            candidates = [found]
        else:
            candidates = [m for m in where.stored.values() if m.from_bot and not m.deleted]
        target, button = find_button(candidates, button_text, callback_data, repr(self))
        return self._callback_query(where, target, str(button["callback_data"]))

    def press_raw(self, message_id: int, data: str, *, chat: EmulatedChat | None = None) -> JSON:
        """Send a callback query with arbitrary (forged or stale) data for a message id."""
        where: ChatBase = self if chat is None else chat
        target = where.stored.get(message_id)
        if target is None:
            raise AssertionError(f"chat {where.id} never had a message {message_id}")
        return self._callback_query(where, target, data)

    def _callback_query(self, where: ChatBase, target: StoredMessage, data: str) -> JSON:
        if where is self:
            self.started = True
        query_id = self.emulator.next_query_id()
        self.emulator.callback_queries[query_id] = (self, where.id, False)
        query: JSON = {
            "id": query_id,
            "from": self.as_dict(),
            "message": target.to_dict(),
            "chat_instance": str(abs(where.id) * 7919 + self.emulator.bot_id),
            "data": data,
        }
        return self.emulator.queue_update({"callback_query": query})

    def inline_query(self, query: str) -> JSON:
        """Type ``@bot query`` in any chat (an inline_query update)."""
        payload = {
            "id": self.emulator.next_query_id(),
            "from": self.as_dict(),
            "query": query,
            "offset": "",
            "chat_type": "sender",
        }
        return self.emulator.queue_update({"inline_query": payload})

    def chat_member_update(self, chat: ChatBase, member: JSON, old: str, new: str) -> JSON:
        """Queue a my_chat_member update caused by this user."""
        payload = {
            "chat": chat.chat_dict(),
            "from": self.as_dict(),
            "date": int(time.time()),
            "old_chat_member": chat_member(member, old),
            "new_chat_member": chat_member(member, new),
        }
        return self.emulator.queue_update({"my_chat_member": payload})

    def block(self) -> JSON:
        """Block the bot: later sends get 403; the bot sees member -> kicked."""
        self.blocked = True
        return self.chat_member_update(self, self.emulator.bot_user, "member", "kicked")

    def unblock(self) -> JSON:
        """Unblock the bot: the bot sees kicked -> member."""
        self.blocked = False
        return self.chat_member_update(self, self.emulator.bot_user, "kicked", "member")

    def deactivate(self) -> None:
        """Delete the account: later sends get 403 "user is deactivated"."""
        self.deactivated = True
