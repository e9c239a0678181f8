"""Text from talents and from Telegram kept harmless: shown in a terminal, and stored.

A Telegram name or an answer can hold terminal escape sequences (ESC [ 2 J clears the
screen, ESC ] 0 ; … sets the window title, some terminals act on far worse). What the
command line prints goes through `printable`; names and short answers lose their control
characters when the bot takes them in (`without_controls`).
"""

from __future__ import annotations

import re
import unicodedata

import regex

# A line break typed (CR LF, CR) or one a program wrote as Unicode's line or paragraph separator
# (U+2028, U+2029: the only characters of categories Zl and Zp; clients break the line there).
_LINE_BREAK = re.compile(r"\r\n?|[\u2028\u2029]")
# Unicode's control characters (category Cc) are exactly C0, DEL and C1, a set the standard
# keeps fixed (tests/test_terminal_safety.py checks it against unicodedata); with the two
# separators, which in a name or a one-line answer would place a line of the talent's own
# under it in the staff alert, /lead and the workspace (attack review s61, L3).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

# Invisible characters people paste by accident, bidi marks and isolates, tag characters:
# never part of a word, between digits they would hide a phone number from the mask, and a
# note or reply of only these says nothing.
# Every format character (Unicode category Cf, as of Unicode 15.1; a test compares them with
# this Python's unicodedata), and the invisible ones of other categories: the combining
# grapheme joiner, variation selectors, Hangul fillers, Khmer's inherent vowels, the braille
# blank.
_FORMAT_CHARACTERS = (
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F),
    (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip
_OTHER_INVISIBLE = (
    (0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x2800, 0x2800), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xE0100, 0xE01EF),
)  # fmt: skip
INVISIBLE: dict[int, None] = {
    code: None
    for first, last in (*_FORMAT_CHARACTERS, *_OTHER_INVISIBLE)
    for code in range(first, last + 1)
}


_HIDDEN = re.compile(
    "[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in (*_FORMAT_CHARACTERS, *_OTHER_INVISIBLE)) + "]"
)
# A user-perceived character (an extended grapheme cluster: "é" typed as e and its accent,
# a family emoji of four people joined), as the `regex` module knows them from Unicode.
CHARACTER = regex.compile(r"\X")
# One that is an emoji: its joiners, presentation selectors (and a drawn flag's tags) are
# part of it, not marks that hide or turn text around.
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}]|.*\u20e3")
_EMOJI_PARTS = {0x200D, 0xFE0E, 0xFE0F}
_IN_EMOJI = {code: None for code in INVISIBLE if code not in _EMOJI_PARTS}
# The subdivision flags anyone sees drawn: 🏴, the tag letters of England, Scotland or Wales,
# a cancel tag (UTS #51's recommended ones; no platform draws the others, shown as a bare 🏴).
# Any other run of tags after 🏴 is hidden text, though well-formed: "Sari 🏴" and forty tags
# carried a phone number past the log's mask (final review s60), and a chain of 🏴s whose tags
# spelled 081299, 990000, callme… did after a looser rule (attack review s61, L2).
_DRAWN_REGIONS = ("gbeng", "gbsct", "gbwls")
_FLAGS_DRAWN = frozenset(
    "\U0001f3f4" + "".join(chr(0xE0000 + ord(letter)) for letter in region) + "\U000e007f"
    for region in _DRAWN_REGIONS
)
# The scripts whose letters a zero-width joiner or non-joiner shapes (Persian's and Jawi's
# joined or parted letters, the conjuncts of Indic scripts and of Aksara Jawa, Bali, Sunda,
# Batak): after one of their letters these two are spelling, kept. After a Latin letter they
# only hide in a word ("Sa\u200cri" reads "Sari"), and go.
_JOINED_SCRIPT = regex.compile(
    r"[\p{Arabic}\p{Syriac}\p{Nko}\p{Mongolian}\p{Devanagari}\p{Bengali}\p{Gurmukhi}"
    r"\p{Gujarati}\p{Oriya}\p{Tamil}\p{Telugu}\p{Kannada}\p{Malayalam}\p{Sinhala}"
    r"\p{Myanmar}\p{Khmer}\p{Javanese}\p{Balinese}\p{Sundanese}\p{Batak}]"
)
_IN_JOINED_SCRIPT = {code: None for code in INVISIBLE if code not in (0x200C, 0x200D)}


def without_hidden(text: str, *, keep_newlines: bool = False) -> str:
    """A talent's words as staff may see them: no control characters (`without_controls`),
    and none of the invisible ones (INVISIBLE) that hide in a word or turn the text around it
    (a right-to-left override in a name reverses the line it is shown in). An emoji keeps
    its own joiners and selectors, the flags of England, Scotland and Wales their tags (any
    other tags go, see _FLAGS_DRAWN), a letter of a script shaped by them its zero-width
    joiner and non-joiner (see _JOINED_SCRIPT)."""
    text = without_controls(text, keep_newlines=keep_newlines)
    if _HIDDEN.search(text) is None:  # nearly every name and answer: nothing to look at
        return text
    return "".join(_visible(character) for character in CHARACTER.findall(text))


def _visible(character: str) -> str:
    """One user-perceived character without the invisible marks it does not need."""
    if _EMOJI.match(character) is not None:
        return character if character in _FLAGS_DRAWN else character.translate(_IN_EMOJI)
    if _JOINED_SCRIPT.match(character) is not None:
        return character.translate(_IN_JOINED_SCRIPT)
    return character.translate(INVISIBLE)


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
    """The text without C0 and C1 control characters: spacing ones (tab, line breaks, and the
    line and paragraph separators U+2028 and U+2029) become a space, the others go. With
    `keep_newlines`, line breaks (CR LF, CR and the two separators too) become "\\n"."""
    if keep_newlines:
        return _CONTROL_BUT_NEWLINE.sub(_without_control, _LINE_BREAK.sub("\n", text))
    # A compiled pattern rather than a look at each character: every update's sender name
    # and every free question pass here, and nearly all hold no control character at all.
    # Every character it takes is one str.isprintable refuses (Cc, Zl, Zp): one C pass first.
    if text.isprintable():
        return text
    return _CONTROL.sub(_without_control, text)


def _without_control(control: re.Match[str]) -> str:
    return " " if control.group().isspace() else ""


def count_of(number: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun, as English writes it: 1 lead, 2 leads, 0 entries."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def blank(text: str) -> bool:
    """Whether a reader would see nothing: only spaces and invisible characters."""
    return not text.translate(INVISIBLE).strip()
