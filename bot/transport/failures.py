"""What went wrong with a Bot API call, in words safe to store and to show staff.

Exception texts come from HTTP libraries and proxies as much as from Telegram, and may quote
URLs (which hold the bot token, percent-encoded or not) or a talent's data. What the bot
stores (a broadcast recipient's, a reminder's or a stage message's error, seen again in the
talent's /dataku copy) is only a short reason code and the HTTP status: no server text at all.
What it shows at once (the staff chat, the log) adds the message, with URLs, the token in any
form (bot/logs.py, `mask_secrets`), emails and phone numbers masked.
"""

from __future__ import annotations

import re

from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot.logs import redact

MESSAGE_LIMIT = 200  # characters of the (masked) message shown after the reason code
_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+?(?=['\"\s)>]|$)", re.IGNORECASE)
# Checked in order: the first class that matches names the reason, and the HTTP status
# python-telegram-bot raises it for (None: no answer, or a status it does not keep).
_REASONS: tuple[tuple[type[BaseException], str, int | None], ...] = (
    (RetryAfter, "flood_wait", 429),
    (ChatMigrated, "chat_migrated", 400),
    (InvalidToken, "invalid_token", None),  # 401 or 404
    (Forbidden, "forbidden", 403),
    (BadRequest, "bad_request", 400),
    (Conflict, "conflict", 409),
    (TimedOut, "timed_out", None),
    (NetworkError, "network", None),
    (TelegramError, "telegram", None),
)
# python-telegram-bot's own text for an answer without a description: "Bad Gateway (502)".
_STATUS_IN_TEXT = re.compile(r"\((\d{3})\)$")


def reason_code(error: BaseException) -> str:
    """A short code for the kind of failure: forbidden, bad_request, network, timed_out, …"""
    return _reason(error)[0]


def _reason(error: BaseException) -> tuple[str, int | None]:
    for kind, code, status in _REASONS:
        if isinstance(error, kind):
            if status is None and isinstance(error, NetworkError):
                found = _STATUS_IN_TEXT.search(error.message)
                status = int(found.group(1)) if found else None
            return code, status
    return "error", None


def describe(error: BaseException) -> str:
    """What is stored: the reason code and the HTTP status (`bad_request (HTTP 400)`)."""
    code, status = _reason(error)
    return code if status is None else f"{code} (HTTP {status})"


def explain(error: BaseException) -> str:
    """What is shown at once: `describe`, then the message, masked, in a couple of hundred
    characters."""
    text = error.message if isinstance(error, TelegramError) else str(error)
    masked = redact(_URL.sub("<url>", text)).replace("\n", " ")
    masked = re.sub(r"\s+", " ", masked).strip()
    if len(masked) > MESSAGE_LIMIT:
        masked = masked[: MESSAGE_LIMIT - 1] + "…"
    described = describe(error)
    return f"{described}: {masked}" if masked else described
