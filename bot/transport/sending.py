"""The bot's replies and edits, sent without turning Telegram's answer into objects.

python-telegram-bot's `send_message` and `edit_message_text` parse every answer into a
`Message` (its chat, its sender, its keyboard again: a few hundred attribute assignments, each
through `TelegramObject.__setattr__`), and turn the keyboard sent into JSON through the generic
`to_dict`. The handlers never use that `Message`, and under load the two conversions were
about a third of the bot's CPU time per reply (docs/performance.md, "Where the time went").

These functions make the same Bot API call through the same path as those methods, and so keep
everything that path does: the `Defaults` (HTML, no link previews; resolved to JSON once),
the send budget (`ExtBot`'s rate limiter), retries, the conversation log and the mapping of
Telegram's errors to exceptions. Only the answer stays JSON. They call `Bot._do_post`, the
step every Bot method ends in once its defaults are in, which python-telegram-bot does not
document; `tests/test_sending.py` checks that the requests are the ones `send_message` and
`edit_message_text` make, so an upgrade that changes that step fails there.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable, Sequence
from typing import Any, cast

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, TelegramObject
from telegram._utils.types import ReplyMarkup
from telegram.ext import Defaults, ExtBot

# The fields of a button as Telegram names them (python-telegram-bot's attribute names).
_BUTTON_FIELDS = tuple(InlineKeyboardButton.__slots__)


async def send_text(
    bot: Bot,
    chat_id: int,
    text: str,
    markup: Keyboard | None = None,
    *,
    reply_to: int | None = None,
) -> dict[str, Any]:
    """sendMessage with the bot's defaults; Telegram's answer as JSON (the sent message);
    `reply_to`: a message of the chat it replies to (sent all the same if that is gone)."""
    data: dict[str, Any] = {"chat_id": chat_id, "text": text, **_defaults(bot)}
    if markup is not None:
        data["reply_markup"] = markup_json(markup)
    if reply_to is not None:
        data["reply_parameters"] = {"message_id": reply_to, "allow_sending_without_reply": True}
    return cast(dict[str, Any], await bot._do_post("sendMessage", data))


async def edit_text(
    bot: Bot,
    chat_id: int,
    message_id: int,
    text: str,
    markup: Keyboard | None = None,
) -> Any:
    """editMessageText with the bot's defaults; Telegram's answer as JSON."""
    data: dict[str, Any] = {
        "chat_id": chat_id,
        "message_id": message_id,
        "text": text,
        **_defaults(bot),
    }
    if markup is not None:
        data["reply_markup"] = markup_json(markup)
    return await bot._do_post("editMessageText", data)


def _defaults(bot: Bot) -> dict[str, Any]:
    """The `Defaults` that apply to a text message, as JSON (what `_insert_defaults` adds)."""
    return _defaults_json(bot.defaults if isinstance(bot, ExtBot) else None)


@functools.lru_cache(maxsize=4)
def _defaults_json(defaults: Defaults | None) -> dict[str, Any]:
    if defaults is None:
        return {}
    values: dict[str, Any] = {}
    if defaults.parse_mode is not None:
        values["parse_mode"] = defaults.parse_mode
    if defaults.link_preview_options is not None:
        values["link_preview_options"] = defaults.link_preview_options.to_dict()
    return values


class FixedKeyboard(InlineKeyboardMarkup):
    """An inline keyboard sent many times as it is (the main menu): serialised once.

    Keyboards cannot change once made, so the JSON made at construction stays right.
    """

    __slots__ = ("_json",)

    def __init__(self, inline_keyboard: Sequence[Sequence[InlineKeyboardButton]]) -> None:
        super().__init__(inline_keyboard)
        self._json = super().to_dict()

    def to_dict(self, recursive: bool = True) -> dict[str, Any]:
        """The keyboard as JSON (a copy of the one made at construction)."""
        return copy.deepcopy(self._json)


class CallbackKeyboard:
    """An inline keyboard of callback buttons only, made as the JSON the Bot API takes.

    For keyboards made for one message (the buttons under a free question's answer carry the
    recorded question's number): python-telegram-bot's button objects, made and then read back
    field by field, cost about 100 µs for three buttons on the reference machine; this, 1 µs.
    """

    __slots__ = ("json",)

    def __init__(self, rows: Iterable[Iterable[tuple[str, str]]]) -> None:
        self.json: dict[str, Any] = {
            "inline_keyboard": [
                [{"text": text, "callback_data": data} for text, data in row] for row in rows
            ]
        }

    def __repr__(self) -> str:
        return f"CallbackKeyboard({self.json['inline_keyboard']!r})"


Keyboard = ReplyMarkup | CallbackKeyboard


def markup_json(markup: Keyboard) -> dict[str, Any]:
    """A keyboard as the Bot API takes it: what `markup.to_dict()` gives, built directly.

    Inline keyboards, which the bot sends with nearly every message, are read field by field
    (a `FixedKeyboard` was read once, when made; a `CallbackKeyboard` is JSON already);
    anything else (and anything carrying extra API fields) goes through `to_dict`. The
    result is read, never changed, by the request.
    """
    if type(markup) is FixedKeyboard:
        return markup._json
    if isinstance(markup, CallbackKeyboard):
        return markup.json
    if type(markup) is not InlineKeyboardMarkup or markup.api_kwargs or not markup.inline_keyboard:
        return markup.to_dict()
    return {
        "inline_keyboard": [
            [_button_json(button) for button in row] for row in markup.inline_keyboard
        ]
    }


def _button_json(button: InlineKeyboardButton) -> dict[str, Any]:
    """One inline button's fields that are set; nested objects through their `to_dict`."""
    if type(button) is not InlineKeyboardButton or button.api_kwargs:
        return button.to_dict()
    fields: dict[str, Any] = {}
    for name in _BUTTON_FIELDS:
        value = getattr(button, name)
        if value is None:
            continue
        fields[name] = value.to_dict() if isinstance(value, TelegramObject) else value
    return fields
