"""Text from talents and from Telegram kept harmless: shown in a terminal, and stored.

A Telegram name or an answer can hold terminal escape sequences (ESC [ 2 J clears the
screen, ESC ] 0 ; … sets the window title, some terminals act on far worse). What the
command line prints goes through `printable`; names and short answers lose their control
characters when the bot takes them in (`without_controls`).
"""

from __future__ import annotations

import re
import unicodedata

_LINE_BREAK = re.compile(r"\r\n?")
# Unicode's control characters (category Cc) are exactly C0, DEL and C1, a set the standard
# keeps fixed (tests/test_terminal_safety.py checks it against unicodedata).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """Control, format and separator characters as escapes (\\n, \\x1b, \\u202e); line breaks
    kept as they are if `keep_newlines` (multi-line messages)."""
    return "".join(
        char
        if (keep_newlines and char == "\n")
        or (unicodedata.category(char)[0] != "C" and char not in "\u2028\u2029")
        else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


def without_controls(text: str, *, keep_newlines: bool = False) -> str:
    """The text without C0 and C1 control characters: spacing ones (tab, line breaks) become
    a space, line breaks stay if `keep_newlines`, the others go."""
    if keep_newlines:
        return _CONTROL_BUT_NEWLINE.sub(_without_control, _LINE_BREAK.sub("\n", text))
    # A compiled pattern rather than a look at each character: every update's sender name
    # and every free question pass here, and nearly all hold no control character at all.
    return _CONTROL.sub(_without_control, text)


def _without_control(control: re.Match[str]) -> str:
    return " " if control.group().isspace() else ""


def count_of(number: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun, as English writes it: 1 lead, 2 leads, 0 entries."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
