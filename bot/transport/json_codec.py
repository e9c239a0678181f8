"""JSON for the Bot API calls and the stored updates: orjson, the standard library as fallback.

Every update and every call's answer is parsed, and every request encoded: with orjson this
costs a fraction of the standard library's (README, "Performance"). What orjson refuses, the
standard library takes: invalid UTF-8 or an escaped lone surrogate in what arrives, a lone
surrogate or an integer beyond 64 bits to encode, nesting deeper than orjson's limit.

A lone surrogate (half of an emoji, `"\\ud83c"`) is valid JSON but no character: SQLite, the
UTF-16 length of a message and Telegram itself refuse it. What arrives gets U+FFFD in its
place, as invalid UTF-8 does, so the rest of the bot never sees one.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson
from telegram._utils.types import JSONDict
from telegram.request import BaseRequest

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(value: Any) -> bytes:
    """Compact JSON as UTF-8 bytes."""
    try:
        return orjson.dumps(value)
    except TypeError:  # orjson.JSONEncodeError: escaped as the standard library always did
        return json.dumps(value, separators=(",", ":")).encode()


def loads(payload: bytes | str) -> Any:
    """The value of a JSON document, lone surrogates replaced; ValueError if it is not one."""
    try:
        return orjson.loads(payload)
    except orjson.JSONDecodeError:
        return _replace_lone_surrogates(json.loads(payload))


def parse_json_payload(payload: bytes) -> JSONDict:
    """Telegram's answer: python-telegram-bot's `parse_json_payload`, on orjson.

    Anything orjson refuses goes through the library's own parser, which replaces invalid
    UTF-8 or raises its "Invalid server response".
    """
    try:
        parsed: JSONDict = orjson.loads(payload)
    except orjson.JSONDecodeError:
        parsed = _replace_lone_surrogates(BaseRequest.parse_json_payload(payload))
    return parsed


def _replace_lone_surrogates(value: Any) -> Any:
    """The value with U+FFFD for each lone surrogate in its strings (and keys)."""
    text = json.dumps(value, ensure_ascii=False)  # surrogates stay characters here
    if _LONE_SURROGATE.search(text) is None:
        return value
    return json.loads(_LONE_SURROGATE.sub("\ufffd", text))
