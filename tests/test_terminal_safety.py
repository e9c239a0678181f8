"""A talent's name or answer can hold terminal escape sequences: they never reach the
operator's terminal, and control characters are dropped from names and short answers."""

from __future__ import annotations

import io
import sqlite3
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.chat import chat
from bot.leads.answer_outcomes import Accepted
from bot.leads.field_checks import check_text
from bot.settings import DEMO_CONTROLLER, Settings
from bot.terminal_text import without_controls
from tests.leads import CONTENT

# Set the window title, clear the screen, and a C1 control sequence introducer.
ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b"


def _lines(*typed: str) -> Callable[[], str]:
    """What the person types, then the end of input."""
    queue = list(typed)

    def read_line() -> str:
        if not queue:
            raise EOFError
        return queue.pop(0) + "\n"

    return read_line


async def test_chat_shows_a_name_with_terminal_codes_escaped(tmp_path: Path) -> None:
    out = io.StringIO()
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_path=tmp_path / "unused.db",
        controller_name=DEMO_CONTROLLER.name,
        controller_contact=DEMO_CONTROLLER.contact,
    )
    code = await chat(
        settings,
        database=None,
        first_name=f"Sari{ESCAPES}",
        telegram_language="id",
        user_id=1001,
        read_line=_lines("/start"),
        out=out,
    )
    assert code == 0
    printed = out.getvalue()
    assert "Halo, Sari\\x1b]0;owned\\x07\\x1b[2J\\x9b!" in printed
    assert not any(ord(char) < 32 and char != "\n" for char in printed)
    assert "\x9b" not in printed
    assert "\n\n" in printed  # the bot's paragraphs keep their line breaks


def test_short_answers_lose_control_characters_long_ones_keep_their_lines() -> None:
    short = CONTENT.questions["full_name"]
    assert check_text(short, CONTENT, {}, f"Sari{ESCAPES} Dewi") == Accepted("Sari]0;owned[2J Dewi")
    long = CONTENT.questions["notable_works"]
    typed = f"Album satu (2024)\nAlbum dua{ESCAPES}\r\n\tSingle"
    assert check_text(long, CONTENT, {}, typed) == Accepted(
        "Album satu (2024)\nAlbum dua]0;owned[2J\n Single"
    )


def _without_controls_by_category(text: str, keep_newlines: bool) -> str:
    """without_controls as it was written first: one look at each character's category (the
    line and paragraph separators, Zl and Zp, as line breaks: the attack review s61, L3)."""
    if keep_newlines:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = "".join(
            "\n" if unicodedata.category(char) in ("Zl", "Zp") else char for char in text
        )
    return "".join(
        char
        if unicodedata.category(char) not in ("Cc", "Zl", "Zp") or (keep_newlines and char == "\n")
        else " "
        if char.isspace()
        else ""
        for char in text
    )


def test_control_characters_are_exactly_what_unicode_calls_controls() -> None:
    text = "".join(map(chr, range(sys.maxunicode + 1)))  # every code point, surrogates too
    for keep_newlines in (False, True):
        assert without_controls(text, keep_newlines=keep_newlines) == (
            _without_controls_by_category(text, keep_newlines)
        )


@pytest.mark.parametrize(
    ("typed", "kept", "with_lines"),
    [
        ("Sari Dewi", "Sari Dewi", "Sari Dewi"),
        ("Sari\tDewi\x00\x7f\x9f", "Sari Dewi", "Sari Dewi"),
        ("a\r\nb\rc\nd\x85e", "a  b c d e", "a\nb\nc\nd e"),
        ("\x1b[2J\x1c\x1f\x0b\x0c", "[2J    ", "[2J    "),
        ("🎸 Rina\u200b\u202e\U0001f3ac\x07", "🎸 Rina\u200b\u202e\U0001f3ac", None),
        ("\xa0é\u0085\u00ad", "\xa0é \u00ad", None),
        ("Sari\u2028✅ dicek\u2029staf", "Sari ✅ dicek staf", "Sari\n✅ dicek\nstaf"),
        ("", "", ""),
    ],
)
def test_control_characters_go_spacing_ones_become_spaces(
    typed: str, kept: str, with_lines: str | None
) -> None:
    assert without_controls(typed) == kept
    assert without_controls(typed, keep_newlines=True) == (with_lines or kept)


async def test_a_telegram_name_is_stored_without_control_characters(
    make_bot: Callable[..., Any], database: Path
) -> None:
    bot = await make_bot()
    sari = bot.user(first_name=f"Sari{ESCAPES}", last_name="Dewi\x00\x1b[0m")
    await bot.send(sari, "/start")
    connection = sqlite3.connect(database)
    try:
        row = connection.execute(
            "SELECT first_name, last_name FROM users WHERE user_id = ?", (sari.id,)
        ).fetchone()
    finally:
        connection.close()
    assert row == ("Sari]0;owned[2J", "Dewi[0m")
