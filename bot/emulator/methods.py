"""The table of emulated Bot API methods, keyed by lower-case name as Telegram matches them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from bot.emulator import methods_bot as b
from bot.emulator import methods_edit as e
from bot.emulator import methods_send as s
from bot.emulator.params import Files

if TYPE_CHECKING:
    from bot.emulator.core import BotAPIEmulator

Handler = Callable[["BotAPIEmulator", dict[str, Any], Files], Awaitable[Any]]

_TABLE: tuple[tuple[str, Handler], ...] = tuple(
    {
        "getMe": b.get_me,
        "logOut": b.always_true,
        "close": b.always_true,
        "getUpdates": b.get_updates,
        "setWebhook": b.set_webhook,
        "deleteWebhook": b.delete_webhook,
        "getWebhookInfo": b.get_webhook_info,
        "setMyCommands": b.set_my_commands,
        "getMyCommands": b.get_my_commands,
        "deleteMyCommands": b.delete_my_commands,
        "setMyDescription": b.set_my_description,
        "getMyDescription": b.get_my_description,
        "setMyShortDescription": b.set_my_short_description,
        "getMyShortDescription": b.get_my_short_description,
        "setMyName": b.set_my_name,
        "getMyName": b.get_my_name,
        "getChat": b.get_chat,
        "getChatMember": b.get_chat_member,
        "createForumTopic": b.create_forum_topic,
        "setChatMenuButton": b.set_chat_menu_button,
        "getChatMenuButton": b.get_chat_menu_button,
        "getFile": b.get_file,
        "sendMessage": s.send_message,
        "sendDocument": s.send_document,
        "sendPhoto": s.send_photo,
        "sendVoice": s.send_voice,
        "copyMessage": s.copy_message,
        "forwardMessage": s.forward_message,
        "sendChatAction": s.send_chat_action,
        "answerCallbackQuery": s.answer_callback_query,
        "answerInlineQuery": s.answer_inline_query,
        "editMessageText": e.edit_message_text,
        "editMessageCaption": e.edit_message_caption,
        "editMessageReplyMarkup": e.edit_message_reply_markup,
        "deleteMessage": e.delete_message,
        "deleteMessages": e.delete_messages,
        "setMessageReaction": e.set_message_reaction,
    }.items()
)

# Read-only: the emulator keeps no module-level mutable state.
HANDLERS: MappingProxyType[str, Handler] = MappingProxyType(
    {name.lower(): handler for name, handler in _TABLE}
)
EMULATED_METHODS = frozenset(name for name, _ in _TABLE)
SEND_METHODS = frozenset(
    name.lower()
    for name in (
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendVoice",
        "copyMessage",
        "forwardMessage",
    )
)
