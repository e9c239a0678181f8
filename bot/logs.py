"""Logging on stderr, with secrets and talents' contact details masked in every line."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

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
    """Replaces the bot token, emails and phone numbers in a record before it is written."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = [secret for secret in secrets if secret]

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message; never drops a record."""
        message = record.getMessage()
        clean = redact(message, self._secrets)
        if clean != message:
            record.msg = clean
            record.args = ()
        return True


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """The text with tokens, emails and phone numbers masked."""
    for secret in secrets:
        text = text.replace(secret, "<token>")
    text = _TOKEN_PATTERN.sub("<token>", text)
    text = _EMAIL_PATTERN.sub("<email>", text)
    return _PHONE_PATTERN.sub("<phone>", text)


def setup_logging(level: int, secrets: Iterable[str] = ()) -> None:
    """Plain lines on stderr; HTTP libraries quiet, since they print request URLs."""
    handler = logging.StreamHandler(sys.stderr)
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
