"""Reading numbers, dates and names of several words out of callback data, commands and
messages that anyone can forge."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

_SMALL = re.compile(r"[0-9]{1,9}")  # ASCII digits only: "²".isdigit() is True, int("²") fails


def small_int(text: str) -> int | None:
    """A non-negative number of at most nine ASCII digits, or None."""
    return int(text) if _SMALL.fullmatch(text) else None


_ID = re.compile(r"[0-9]{1,19}")
# Telegram ids have up to 52 significant bits today and may grow; SQLite keeps signed 64 bits.
_ID_LIMIT = 2**63


def telegram_id(text: str) -> int | None:
    """A Telegram user id as callback data carries it (ASCII digits, 0 for "nobody"), up to
    what SQLite can keep, or None. Real ids have ten digits or more, past small_int's nine."""
    if not _ID.fullmatch(text):
        return None
    number = int(text)
    return number if number < _ID_LIMIT else None


# The years a date staff type may fall in: wide enough for any program and its records, and
# far from the ends of the calendar, where turning a WIB midnight into UTC (0001-01-01) or
# adding a day (9999-12-31) overflows.
FIRST_YEAR = 2000
LAST_YEAR = 2100


def plausible_day(day: date) -> bool:
    """Whether a date is in the years staff may ask about (FIRST_YEAR to LAST_YEAR)."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def iso_day(text: str) -> date | None:
    """A YYYY-MM-DD date in the years staff may ask about, or None."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if plausible_day(day) else None


# Dates as staff write them: the ISO form, and the day first as Indonesians write it.
DAY_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")


def written_day(text: str) -> date | None:
    """A date written 2026-01-31 or 31-01-2026 (also 31/01/2026, 31.01.2026), in the years
    staff may ask about, or None."""
    for form in DAY_FORMATS:
        try:
            day = datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
        return day if plausible_day(day) else None
    return None


# What a date and time look like, whether or not the calendar has them (31-02-2027 09.00).
_MOMENT_SHAPE = re.compile(r"[0-9]{1,4}([-/.])[0-9]{1,2}\1[0-9]{1,4}\s+[0-9]{1,2}[:.][0-9]{1,2}")


def moment_shaped(text: str) -> bool:
    """Whether a text is written as a date and a time, even one no calendar has."""
    return _MOMENT_SHAPE.fullmatch(text.strip()) is not None


def joined(words: list[str], longest: int, name: Callable[[list[str]], str | None]) -> list[str]:
    """The words with each run of up to `longest` of them that `name` knows replaced by what
    it returns, the longest run first ("sampai di mana" -> "status", "Diteruskan ke KOCCA"
    -> "diteruskan"); other words as they are."""
    result: list[str] = []
    index = 0
    while index < len(words):
        for span in range(min(longest, len(words) - index), 0, -1):
            found = name(words[index : index + span])
            if found is not None:
                result.append(found)
                index += span
                break
        else:
            result.append(words[index])
            index += 1
    return result


# Numbers written in words, as a formal talent writes years ("Sekitar dua puluh tahun", a
# talents' review: refused): Indonesian and English, up to sixty (the form's widest range).
_ONES_ID = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_ONES_EN = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS_EN = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen")
_TENS_EN = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
_UNITS = {
    **{word: value for value, word in enumerate(_ONES_ID)},
    **{word: value for value, word in enumerate(_ONES_EN)},
}
_WORD_NUMBERS: dict[str, int] = {
    **_UNITS,
    **{word: 10 + value for value, word in enumerate(_TEENS_EN)},
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    **_TENS_EN,
    "sepuluh": 10,
    "sebelas": 11,
}
_NUMBER_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


def _number_of(words: list[str]) -> int | None:
    """The number a run of one to three words says ("dua puluh lima", "twenty five",
    "tujuh belas"), or None."""
    if len(words) == 1:
        return _WORD_NUMBERS.get(words[0])
    unit = _UNITS.get(words[0])
    if words[1] == "belas" and len(words) == 2 and unit is not None and 2 <= unit <= 9:
        return 10 + unit
    if words[1] == "puluh" and unit is not None and 2 <= unit <= 9:
        if len(words) == 2:
            return unit * 10
        last = _UNITS.get(words[2])
        return unit * 10 + last if last is not None and 1 <= last <= 9 else None
    tens = _TENS_EN.get(words[0])
    last = _UNITS.get(words[1])
    if len(words) == 2 and tens is not None and last is not None and 1 <= last <= 9:
        return tens + last
    return None


def numbers_in_words(text: str) -> str:
    """The text with each number written in words ("dua puluh lima", "twenty-five",
    "sebelas") turned into digits ("25"), the longest run first; other words as typed."""

    def named(words: list[str]) -> str | None:
        found = _number_of([word.lower() for word in words])
        return None if found is None else str(found)

    spaced = _NUMBER_WORD.sub(lambda found: found.group(0).replace("-", " "), text)
    return " ".join(joined(spaced.split(), 3, named))
