"""Secrets and contact details never reach the log output, tracebacks included."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator

import pytest

from bot.logs import redact, setup_logging

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


@pytest.fixture
def logging_to(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., io.StringIO]]:
    """Set up the bot's logging on a captured stderr; the root logger is put back afterwards.

    Patched when called, in the test itself: pytest puts its own sys.stderr back between the
    setup of a fixture and the test.
    """
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level

    def setup(level: int, secrets: list[str]) -> io.StringIO:
        stream = io.StringIO()
        monkeypatch.setattr("sys.stderr", stream)
        setup_logging(level, secrets=secrets)
        return stream

    yield setup
    root.handlers[:] = handlers
    root.setLevel(level)


def test_token_email_and_phone_are_masked_in_messages_and_tracebacks(
    logging_to: Callable[..., io.StringIO],
) -> None:
    stderr = logging_to(logging.INFO, [TOKEN])
    log = logging.getLogger("test")
    log.info("GET https://api.telegram.org/bot%s/getMe for sari@example.com", TOKEN)
    try:
        raise ValueError(f"bad answer +62 812 3456 7801 / 0812-3456-7801 / {TOKEN}")
    except ValueError:
        log.exception("Error while handling update 42 from user 987654321")
    output = stderr.getvalue()
    for secret in (TOKEN, "sari@example.com", "812 3456 7801", "0812-3456-7801"):
        assert secret not in output
    assert "<token>" in output and "<email>" in output and "<phone>" in output
    assert "update 42" in output and "987654321" in output  # ids stay readable
    # ... and so do times ("Broadcast 1 queued for 2 recipient(s) at …": it was masked).
    log.info("Broadcast 1 queued at 2026-12-07T02:00:00.000000+00:00")
    assert "at 2026-12-07T02:00:00.000000+00:00" in stderr.getvalue()
    # ... but a phone number shaped like seconds is still one (an attacker's review).
    log.info("call 08.123456 7890, hp 08.123456-7890, hp 08.123456.789, HP:081234567801")
    line = stderr.getvalue().splitlines()[-1]
    assert line.endswith("call <phone>, hp <phone>, hp <phone>, HP:<phone>"), line


def test_emails_and_tokens_are_masked_as_the_whole_pattern_finds_them() -> None:
    """The masking reads each character a bounded number of times (s59; the old patterns
    tried every character of a long word again: 0.2-0.5 s on 4,096, numbers in the session's
    report), and masks what they masked, no more, no less."""
    said = {
        "from sari.dewi+kocca@gmail.com, cc budi_01@mail.co.id.": "from <email>, cc <email>",
        "<rina-s@studio-film.id>; x@a.b+c@d.e": "<<email>>; <email><email>",
        "a@b.c@d.e, user@localhost, @home.id": "<email>@d.e, user@localhost, @home.id",
        f"GET /bot{TOKEN}/getMe and 9{TOKEN}": "GET /bot<token>/getMe and <token>",
        "update 1234567890: ok, version 12345:short": "update 1234567890: ok, version 12345:short",
    }
    for text, masked in said.items():
        assert redact(text) == masked, text
    # Hostile words of 4,096 characters, as an exception's text may carry: kept as they are
    # (no email, no token in them), or masked where they end in one.
    for word in ("a" * 4096, "a." * 2048, "a" * 4095 + "@", "1" * 4096, "1" * 4095 + ":"):
        assert redact(word) == word
    assert redact("b" * 4090 + "@ex.id") == "<email>"
    assert redact("1" * 4076 + ":" + "A" * 20) == "<token>"


def test_libraries_values_are_shown_by_shape_at_every_level(
    logging_to: Callable[..., io.StringIO],
) -> None:
    stderr = logging_to(logging.DEBUG, [TOKEN, "Webhook_Secret_1"])
    library = logging.getLogger("telegram.ext.ExtBot")
    library.debug(
        "Calling Bot API endpoint `%s` with parameters `%s`",
        "sendMessage",
        {"chat_id": 42, "text": "Halo Sarinah Wulandari"},
    )
    library.warning("Processing update %s from %s (%d)", {"message": "Sarinah"}, "Sari", 7)
    logging.getLogger("aiosqlite").debug("executing %(call)s", {"call": "Sarinah"})
    logging.getLogger("bot.x").debug("secret_token=%s", "Webhook_Secret_1")
    output = stderr.getvalue()
    assert "Sarinah" not in output and "Sari " not in output
    assert "Webhook_Secret_1" not in output and "secret_token=<secret>" in output
    assert "endpoint `sendMessage` with parameters `{chat_id, text}`" in output
    assert "Processing update {message} from <4 characters> (7)" in output
    assert "executing <7 characters>" in output
