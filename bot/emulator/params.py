"""Decoding of Bot API parameters, shared by the in-process and the HTTP transport."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from bot.emulator.errors import bad_request

# An uploaded file as both transports hand it over: (filename, content, mime type).
Files = Mapping[str, tuple[str, bytes, str]]

# Form fields arrive as strings; Telegram decodes these as JSON objects or arrays.
_JSON_FIELDS = frozenset(
    {
        "allowed_updates",
        "button",
        "caption_entities",
        "commands",
        "entities",
        "explanation_entities",
        "link_preview_options",
        "media",
        "menu_button",
        "message_ids",
        "options",
        "permissions",
        "question_entities",
        "reaction",
        "reply_markup",
        "reply_parameters",
        "results",
        "scope",
    }
)
_INT_FIELDS = frozenset(
    {
        "cache_time",
        "chat_id",
        "direct_messages_topic_id",
        "duration",
        "from_chat_id",
        "height",
        "icon_color",
        "limit",
        "max_connections",
        "message_id",
        "message_thread_id",
        "offset",
        "reply_to_message_id",
        "timeout",
        "until_date",
        "user_id",
        "width",
    }
)
_BOOL_FIELDS = frozenset(
    {
        "allow_paid_broadcast",
        "allow_sending_without_reply",
        "disable_content_type_detection",
        "disable_notification",
        "disable_web_page_preview",
        "drop_pending_updates",
        "has_spoiler",
        "is_personal",
        "protect_content",
        "show_alert",
        "show_caption_above_media",
        "supports_streaming",
    }
)
_FLOAT_FIELDS = frozenset({"latitude", "longitude"})
_TRUE = frozenset({"true", "True", "1"})


def decode_params(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Turn form strings (or native JSON values) into the typed values Telegram would see."""
    decoded: dict[str, Any] = {}
    for name, value in raw.items():
        decoded[name] = _decode(name, value) if isinstance(value, str) else value
    return decoded


def _decode(name: str, value: str) -> Any:
    if name in _JSON_FIELDS:
        try:
            return json.loads(value)
        except ValueError:
            label = "reply keyboard markup" if name == "reply_markup" else name.replace("_", " ")
            raise bad_request(f"can't parse {label} JSON object") from None
    if name in _INT_FIELDS:
        try:
            return int(value)
        except ValueError:
            # chat_id may legitimately be "@channelusername".
            if name in ("chat_id", "from_chat_id"):
                return value
            raise bad_request(f"wrong parameter {name} specified") from None
    if name in _BOOL_FIELDS:
        return value in _TRUE
    if name in _FLOAT_FIELDS:
        try:
            return float(value)
        except ValueError:
            raise bad_request(f"wrong parameter {name} specified") from None
    return value


def get_int(params: Mapping[str, Any], name: str, default: int | None = None) -> int:
    """Return an integer parameter, or 400 like Telegram when it is missing or not a number."""
    value = params.get(name, default)
    if value is None:
        raise bad_request(f"{name} is empty" if name != "chat_id" else "chat_id is empty")
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise bad_request(f"wrong parameter {name} specified")
    try:
        return int(value)
    except ValueError:
        raise bad_request(f"wrong parameter {name} specified") from None


def get_opt_int(params: Mapping[str, Any], name: str) -> int | None:
    """Return an optional integer parameter."""
    return None if params.get(name) is None else get_int(params, name)


def get_str(params: Mapping[str, Any], name: str) -> str | None:
    """Return an optional string parameter, rejecting objects where text is expected."""
    value = params.get(name)
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise bad_request(f"wrong parameter {name} specified")
    return str(value)


def get_bool(params: Mapping[str, Any], name: str) -> bool:
    """Return a boolean parameter (absent means false)."""
    value = params.get(name)
    if isinstance(value, str):
        return value in _TRUE
    return bool(value)
