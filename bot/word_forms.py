"""A typed word as a word list holds it, once letters held down are read ("yesss" as "yes",
"okeee" as "oke", "gaaa" as "ga"): shared by the short replies the bot
reads before its matcher (a yes to the news offer, an okay to the team, "ga jadi"). Pure."""

from __future__ import annotations

import re
from collections.abc import Container

_RUNS = re.compile(r"(.)\1+")


def listed_form(word: str, listed: Container[str]) -> str | None:
    """`word` as `listed` has it: itself, or with each run of a letter read twice, then once
    ("bangettt" as "bangett", then "banget"); None if the list has none of these."""
    if word in listed:
        return word
    if _RUNS.search(word) is None:
        return None  # most words: no letter twice in a row to read once
    for form in (_RUNS.sub(r"\1\1", word), _RUNS.sub(r"\1", word)):
        if form in listed:
            return form
    return None


class CaseBlind:
    """A search that ignores case, as `re.IGNORECASE` does, made cheap for ASCII text: an
    ignore-case pattern is tried at every character of a message, five times the time of the
    same lower-case pattern on the message in lower case. For ASCII the two find the same; any
    other text (where a dotless i, a long s or the Kelvin sign meet "i", "s" or "k") is searched
    ignoring case.
    `pattern`: in lower case."""

    __slots__ = ("_blind", "_lower")

    def __init__(self, pattern: str) -> None:
        self._lower = re.compile(pattern)
        self._blind = re.compile(pattern, re.IGNORECASE)

    def found_in(self, text: str) -> bool:
        """Whether the pattern is found anywhere in `text`, whatever its case."""
        if text.isascii():
            return self._lower.search(text.lower()) is not None
        return self._blind.search(text) is not None
