"""Bot API methods that change or remove messages already shown."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from bot.emulator.errors import bad_request
from bot.emulator.keyboards import check_reply_markup
from bot.emulator.methods_send import caption_text, message_text
from bot.emulator.params import Files, get_int, get_str
from bot.emulator.shapes import StoredMessage
from bot.emulator.views import BotMessage, EmulatorEvent
from bot.reactions import REACTIONS

if TYPE_CHECKING:
    from bot.emulator.core import BotAPIEmulator

JSON = dict[str, Any]
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


def _editable(emu: BotAPIEmulator, params: JSON) -> StoredMessage:
    if params.get("inline_message_id") is not None:
        raise bad_request("inline_message_id is not emulated")
    chat = emu.chat(params.get("chat_id"))
    message = chat.message(get_int(params, "message_id"))
    if message is None:
        raise bad_request("message to edit not found")
    if not message.from_bot:
        raise bad_request("message can't be edited")
    return message


def _inline_markup(params: JSON) -> JSON | None:
    markup = check_reply_markup(params.get("reply_markup"))
    if markup is not None and "inline_keyboard" not in markup:
        raise bad_request("inline keyboard expected")
    return markup


def _current_markup(message: StoredMessage) -> JSON | None:
    markup = message.reply_markup
    return markup if markup is not None and "inline_keyboard" in markup else None


def _commit(emu: BotAPIEmulator, message: StoredMessage, **changes: Any) -> JSON:
    """Apply an edit, or 400 "message is not modified" when nothing would change."""
    current = {
        "text": message.text,
        "entities": message.entities,
        "reply_markup": _current_markup(message),
    }
    if all(current.get(key, value) == value for key, value in changes.items() if key in current):
        raise bad_request(NOT_MODIFIED)
    for key, value in changes.items():
        setattr(message, key, value)
    message.edit_date = int(time.time())
    message.changed = emu.next_seq()
    snapshot = BotMessage.from_stored(message) if emu.watched else None
    emu.emit(EmulatorEvent("edit", message.chat_id, message.message_id, message=snapshot))
    return message.to_dict()


async def edit_message_text(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """editMessageText; omitting reply_markup removes the inline keyboard, as on Telegram."""
    message = _editable(emu, params)
    if message.kind != "text":
        raise bad_request("there is no text in the message to edit")
    raw, visible, entities = message_text(params)
    return _commit(
        emu,
        message,
        text=visible,
        entities=entities,
        reply_markup=_inline_markup(params),
        source=raw,
        parse_mode=get_str(params, "parse_mode"),
    )


async def edit_message_caption(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """editMessageCaption."""
    message = _editable(emu, params)
    if not message.has_caption_slot:
        raise bad_request("there is no caption in the message to edit")
    raw, visible, entities = caption_text(params)
    return _commit(
        emu,
        message,
        text=visible,
        entities=entities,
        reply_markup=_inline_markup(params),
        source=raw,
        parse_mode=get_str(params, "parse_mode"),
    )


async def edit_message_reply_markup(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """editMessageReplyMarkup; no reply_markup removes the keyboard."""
    message = _editable(emu, params)
    return _commit(emu, message, reply_markup=_inline_markup(params))


def _delete(emu: BotAPIEmulator, chat_id: object, message_id: int) -> bool:
    chat = emu.chat(chat_id)
    message = chat.message(message_id)
    if message is None:
        return False
    message.deleted = True
    snapshot = BotMessage.from_stored(message) if message.from_bot and emu.watched else None
    emu.emit(EmulatorEvent("delete", chat.id, message_id, message=snapshot))
    return True


async def delete_message(emu: BotAPIEmulator, params: JSON, files: Files) -> bool:
    """deleteMessage."""
    if not _delete(emu, params.get("chat_id"), get_int(params, "message_id")):
        raise bad_request("message to delete not found")
    return True


async def delete_messages(emu: BotAPIEmulator, params: JSON, files: Files) -> bool:
    """deleteMessages: missing ones are skipped, as on Telegram."""
    ids = params.get("message_ids")
    if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
        raise bad_request("message_ids must be a non-empty list of at most 100 ids")
    for message_id in ids:
        _delete(emu, params.get("chat_id"), int(message_id))
    return True


async def set_message_reaction(emu: BotAPIEmulator, params: JSON, files: Files) -> bool:
    """setMessageReaction: the bot's one emoji on a message (none: `reaction` empty)."""
    chat = emu.chat(params.get("chat_id"))
    message = chat.message(get_int(params, "message_id"))
    if message is None:
        raise bad_request("message to react not found")
    reaction = params.get("reaction") or []
    if not isinstance(reaction, list):
        raise bad_request("reaction must be an array")
    if len(reaction) > 1:
        raise bad_request("REACTIONS_TOO_MANY")
    emoji = ""
    if reaction:
        chosen = reaction[0]
        if not isinstance(chosen, dict) or chosen.get("type") != "emoji":
            raise bad_request("REACTION_INVALID")
        emoji = str(chosen.get("emoji", ""))
        if emoji not in REACTIONS:
            raise bad_request("REACTION_INVALID")
    message.bot_reaction = emoji or None
    emu.emit(EmulatorEvent("reaction", chat.id, message.message_id, reaction=emoji))
    return True
