"""Keyboards: validating reply_markup like Telegram, and finding the button a user presses."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.emulator.errors import bad_request
from bot.emulator.shapes import StoredMessage

JSON = dict[str, Any]
# An inline button needs exactly one of these besides its text.
_ACTIONS = frozenset(
    {
        "callback_data",
        "url",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }
)


def check_reply_markup(markup: Any) -> JSON | None:
    """Validate reply_markup as Telegram does; return it unchanged."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        for button in _buttons(markup["inline_keyboard"], "inline_keyboard"):
            _check_inline_button(button)
    elif "keyboard" in markup:
        for button in _buttons(markup["keyboard"], "keyboard"):
            if isinstance(button, str):
                continue
            if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                raise bad_request("can't parse keyboard button: Text must be a String")
    elif not (markup.get("remove_keyboard") or markup.get("force_reply")):
        raise bad_request("can't parse reply keyboard markup JSON object")
    return markup


def _buttons(rows: Any, field: str) -> Iterable[Any]:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(f'can\'t parse reply keyboard markup: Field "{field}" must be an Array')
    for row in rows:
        yield from row


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request("can't parse inline keyboard button: Text must be a String")
    actions = _ACTIONS.intersection(button)
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode()) <= 64:
            raise bad_request("BUTTON_DATA_INVALID")
    if "url" in button and not str(button["url"]).strip():
        raise bad_request("BUTTON_URL_INVALID")


def inline_buttons(message: StoredMessage) -> list[JSON]:
    """All inline buttons of a message, row by row."""
    markup = message.reply_markup or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def find_button(
    messages: list[StoredMessage], text: str | None, data: str | None, who: str
) -> tuple[StoredMessage, JSON]:
    """The newest message with a matching inline button; AssertionError listing what exists."""
    if text is None and data is None:
        raise AssertionError("press() needs button_text or callback_data")
    for message in reversed(messages):
        for button in inline_buttons(message):
            if (text is None or button.get("text") == text) and (
                data is None or button.get("callback_data") == data
            ):
                if "callback_data" not in button:
                    raise AssertionError(
                        f"button {button.get('text')!r} in message {message.message_id} "
                        f"is not a callback button: {button}"
                    )
                return message, button
    visible = [
        f"#{m.message_id}: {[b.get('text') for b in inline_buttons(m)]}"
        for m in messages
        if inline_buttons(m)
    ]
    wanted = f"text={text!r}" if data is None else f"text={text!r} callback_data={data!r}"
    raise AssertionError(
        f"no inline button with {wanted} for {who}; visible buttons: "
        + ("; ".join(visible[-5:]) if visible else "none")
    )
