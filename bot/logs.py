"""Logging on stderr, with secrets and talents' personal data kept out of every line.

Two layers, at every level, DEBUG included:
- the bot's own lines name talents by Telegram id only; libraries' lines (python-telegram-bot
  logs whole updates and every API call's parameters at DEBUG) keep their wording, but their
  values are shown only by shape: numbers as they are, a mapping by its keys, a text as <…>;
- every written line, tracebacks included, has the bot token, the webhook secret, other
  token-shaped strings, emails and phone numbers masked.

`mask_secrets` is the one place that masks the deployment's secrets wherever text is shown
(logs, the staff chat, `kocca-bot doctor`): the configured token and webhook secret
(`remember_secrets`), the token's secret half alone, their URL-encoded forms (a proxy that
quotes the request path writes `%3A` for the token's colon), in any letter case (error texts
get capitalised), and anything token-shaped.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable, Mapping
from typing import Any, TextIO
from urllib.parse import quote

# Loggers of this project: their lines are written with care (ids, never personal data).
OWN_LOGGERS = ("bot", "handlers")
# Library messages whose first arguments are safe to show as they are (Bot API method names).
_READABLE_ARGS = {
    "Calling Bot API endpoint `%s` with parameters `%s`": 1,
    "Call to Bot API endpoint `%s` finished with return value `%s`": 1,
}
# A bot token, raw or URL-encoded once or twice (":" is "%3A", then "%253A"). Tried only where
# a run of digits starts (the lookbehind), as one from within it finds nothing the run's start
# does not: tried from each digit, 4,096 of them took 0.1 s.
_TOKEN_PATTERN = re.compile(r"(?<!\d)\d{5,}(?::|%3A|%253A)[A-Za-z0-9_-]{20,}", re.IGNORECASE)
_MIN_SECRET = 8  # shorter values would mask ordinary words (only tests have such tokens)
# An email: `[\w.+-]+@[\w-]+\.[\w.-]+`, found from its "@" (`_email_masked`): that pattern
# tried from each character of a long word read the rest of it each time (0.2-0.5 s on 4,096).
_EMAIL_AT = re.compile(r"@[\w-]+\.[\w.-]+")
_EMAIL_LOCAL = re.compile(r"[\w.+-]*")  # the part before the "@", read backwards
# Phone numbers start with + or 0; Telegram ids and update ids never do, so they stay readable.
# A stored time's seconds, after "HH:MM:" ("02:00:00.000000+00:00"), are no phone number (a new
# staff member could not read when a broadcast was scheduled).
_PHONE_PATTERN = re.compile(r"(?<![\w+])(?<!\d:)(?:\+\d|0)[\d\s().-]{7,}\d")


class RedactingFormatter(logging.Formatter):
    """Masks secrets in the whole formatted line, tracebacks included."""

    def __init__(self, fmt: str, datefmt: str, secrets: Iterable[str] = ()) -> None:
        super().__init__(fmt, datefmt)
        remember_secrets(secrets)

    def format(self, record: logging.LogRecord) -> str:
        """Format as usual, then redact."""
        return redact(super().format(record))


class RedactingFilter(logging.Filter):
    """Keeps libraries' values out of a record, then masks secrets, emails and phone numbers."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        remember_secrets(secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message; never drops a record."""
        if record.args and not record.name.startswith(OWN_LOGGERS):
            record.args = _shapes(record)
        message = record.getMessage()
        clean = redact(message)
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


class _Secrets:
    """The secrets of this process's deployment, every form of them as one pattern."""

    def __init__(self) -> None:
        self.known: dict[str, None] = {}  # insertion-ordered set
        self.pattern: re.Pattern[str] | None = None

    def add(self, secrets: Iterable[str]) -> None:
        """Remember secrets (and a token's secret half); rebuild the pattern if any is new."""
        added = False
        for secret in secrets:
            for value in (secret, *_halves(secret)):
                if len(value) >= _MIN_SECRET and value not in self.known:
                    self.known[value] = None
                    added = True
        if added:
            forms = {form for value in self.known for form in _forms(value)}
            alternatives = sorted(forms, key=len, reverse=True)  # longest first
            self.pattern = re.compile("|".join(map(re.escape, alternatives)), re.IGNORECASE)


_SECRETS = _Secrets()


def _halves(secret: str) -> list[str]:
    """The secret half of a bot token (after the bot's public id), alone."""
    bot_id, colon, half = secret.partition(":")
    return [half] if colon and bot_id.isdigit() else []


def _forms(value: str) -> list[str]:
    """A value as written, and URL-encoded once and twice."""
    once = quote(value, safe="")
    return [value, once, quote(once, safe="")]


def remember_secrets(secrets: Iterable[str]) -> None:
    """Mask these secrets (the bot token, the webhook secret) in every form from now on."""
    _SECRETS.add(secret for secret in secrets if secret)


def mask_secrets(text: str) -> str:
    """The text with the deployment's secrets, in any form, and token-shaped strings masked."""
    text = _TOKEN_PATTERN.sub("<token>", text)
    if _SECRETS.pattern is not None:
        text = _SECRETS.pattern.sub("<secret>", text)
    return text


def redact(text: str) -> str:
    """The text with secrets (`mask_secrets`), emails and phone numbers masked."""
    return _PHONE_PATTERN.sub("<phone>", _email_masked(mask_secrets(text)))


def _email_masked(text: str) -> str:
    r"""The text with each email as `<email>`, as `[\w.+-]+@[\w-]+\.[\w.-]+` substituted masks
    them (from the left; after an email, the next starts no earlier than its end), each
    character read a bounded number of times."""
    if "@" not in text:
        return text
    backwards = text[::-1]
    kept: list[str] = []
    done = 0  # where the text after the last email starts
    for domain in _EMAIL_AT.finditer(text):
        at = domain.start()
        before = _EMAIL_LOCAL.match(backwards, len(text) - at)  # always matches: `*`
        start = max(at - len(before.group()) if before else at, done)
        if start < at:  # a part before the "@", after the last email
            kept += [text[done:start], "<email>"]
            done = domain.end()
    return "".join([*kept, text[done:]])


# Libraries whose INFO and DEBUG say nothing staff need (HTTP calls, scheduling, index builds).
NOISY = ("httpx", "httpcore", "aiohttp.access", "apscheduler", "bm25s")


def setup_logging(level: int, secrets: Iterable[str] = (), stream: TextIO | None = None) -> None:
    """Plain lines on stderr (or `stream`); HTTP libraries quiet, since they print request URLs,
    and the matcher's library, which logs its index builds at DEBUG whatever the level."""
    handler = logging.StreamHandler(stream or sys.stderr)
    secrets = list(secrets)
    handler.setFormatter(
        RedactingFormatter(
            "%(asctime)s %(levelname)s %(name)s: %(message)s", "%Y-%m-%d %H:%M:%S", secrets
        )
    )
    handler.addFilter(RedactingFilter(secrets))
    # bm25s sets its own logger to DEBUG when imported ("Building index from tokens" at every
    # /reload), and the command line imports it after this (bot/cli.py): the handler, too,
    # drops the noisy libraries' records below WARNING, whenever they were imported.
    quiet = max(level, logging.WARNING)
    handler.addFilter(
        lambda record: (
            record.levelno >= quiet
            or not any(record.name == name or record.name.startswith(f"{name}.") for name in NOISY)
        )
    )
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in NOISY:
        logging.getLogger(noisy).setLevel(quiet)
