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
