"""Logging on stderr, with secrets and talents' personal data kept out of every line.

Two layers, at every level, DEBUG included:
- the bot's own lines name talents by Telegram id only; libraries' lines (python-telegram-bot
  logs whole updates and every API call's parameters at DEBUG) keep their wording, but their
  values are shown only by shape: numbers as they are, a mapping by its keys, a text as <…>;
- every written line, tracebacks included, has the bot token, the webhook secret, other
  token-shaped strings, emails and phone numbers masked.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

# Loggers of this project: their lines are written with care (ids, never personal data).
OWN_LOGGERS = ("bot", "handlers")
# Library messages whose first arguments are safe to show as they are (Bot API method names).
_READABLE_ARGS = {
    "Calling Bot API endpoint `%s` with parameters `%s`": 1,
    "Call to Bot API endpoint `%s` finished with return value `%s`": 1,
}
_TOKEN_PATTERN = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")
_EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# Phone numbers start with + or 0; Telegram ids and update ids never do, so they stay readable.
_PHONE_PATTERN = re.compile(r"(?<![\w+])(?:\+\d|0)[\d\s().-]{7,}\d")


class RedactingFormatter(logging.Formatter):
    """Masks secrets in the whole formatted line, tracebacks included."""

    def __init__(self, fmt: str, datefmt: str, secrets: Iterable[str] = ()) -> None:
        super().__init__(fmt, datefmt)
        self._secrets = [secret for secret in secrets if secret]

    def format(self, record: logging.LogRecord) -> str:
        """Format as usual, then redact."""
        return redact(super().format(record), self._secrets)


class RedactingFilter(logging.Filter):
    """Keeps libraries' values out of a record, then masks secrets, emails and phone numbers."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = [secret for secret in secrets if secret]

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message; never drops a record."""
        if record.args and not record.name.startswith(OWN_LOGGERS):
            record.args = _shapes(record)
        message = record.getMessage()
        clean = redact(message, self._secrets)
        if clean != message:
            record.msg = clean
            record.args = ()
        return True


def _shapes(record: logging.LogRecord) -> tuple[Any, ...] | dict[str, Any]:
    """A library record's arguments, each replaced by its shape (what it is, not what it says)."""
    args = record.args
    if isinstance(args, Mapping):  # logging's "%(name)s" style
        return {str(key): _shape(value) for key, value in args.items()}
    assert args is not None
    kept = _READABLE_ARGS.get(str(record.msg), 0)
    return tuple(
        arg if index < kept and isinstance(arg, str) else _shape(arg)
        for index, arg in enumerate(args)
    )


def _shape(value: Any) -> Any:
    """Numbers as they are; a mapping by its keys; anything else by its kind."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Mapping):
        return "{" + ", ".join(str(key)[:40] for key in value) + "}"
    if isinstance(value, list | tuple | set | frozenset):
        return f"<{len(value)} items>"
    if isinstance(value, str | bytes):
        return f"<{len(value)} characters>" if isinstance(value, str) else "<bytes>"
    return f"<{type(value).__name__}>"


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """The text with the given secrets, tokens, emails and phone numbers masked."""
    text = _TOKEN_PATTERN.sub("<token>", text)
    for secret in secrets:
        text = text.replace(secret, "<secret>")
    text = _EMAIL_PATTERN.sub("<email>", text)
    return _PHONE_PATTERN.sub("<phone>", text)


def setup_logging(level: int, secrets: Iterable[str] = (), stream: TextIO | None = None) -> None:
    """Plain lines on stderr (or `stream`); HTTP libraries quiet, since they print request URLs."""
    handler = logging.StreamHandler(stream or sys.stderr)
    secrets = list(secrets)
    handler.setFormatter(
        RedactingFormatter(
            "%(asctime)s %(levelname)s %(name)s: %(message)s", "%Y-%m-%d %H:%M:%S", secrets
        )
    )
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "aiohttp.access", "apscheduler"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
