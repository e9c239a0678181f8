"""What went wrong with a Bot API call, in words safe to store and to show staff.

Exception texts come from HTTP libraries and proxies as much as from Telegram, and may quote
URLs (which hold the bot token) or a talent's data. What the bot stores (a broadcast
recipient's error, seen again in the talent's /dataku copy) or posts to the staff chat is a
short reason code, then the message with URLs, tokens, emails and phone numbers masked.
"""

from __future__ import annotations

import re

from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot.logs import redact

MESSAGE_LIMIT = 200  # characters of the (masked) message kept after the reason code
_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+?(?=['\"\s)>]|$)", re.IGNORECASE)
# Checked in order: the first class that matches names the reason.
_REASONS: tuple[tuple[type[BaseException], str], ...] = (
    (RetryAfter, "flood_wait"),
    (InvalidToken, "invalid_token"),
    (Forbidden, "forbidden"),
    (BadRequest, "bad_request"),
    (Conflict, "conflict"),
    (TimedOut, "timed_out"),
    (NetworkError, "network"),
    (TelegramError, "telegram"),
)


def reason_code(error: BaseException) -> str:
    """A short code for the kind of failure: forbidden, bad_request, network, timed_out, …"""
    for kind, code in _REASONS:
        if isinstance(error, kind):
            return code
    return "error"


def describe(error: BaseException) -> str:
    """`<reason code>: <masked message>`, at most a couple of hundred characters."""
    text = error.message if isinstance(error, TelegramError) else str(error)
    masked = redact(_URL.sub("<url>", text)).replace("\n", " ")
    masked = re.sub(r"\s+", " ", masked).strip()
    if len(masked) > MESSAGE_LIMIT:
        masked = masked[: MESSAGE_LIMIT - 1] + "…"
    code = reason_code(error)
    return f"{code}: {masked}" if masked else code
