"""Reading numbers and dates out of callback data and commands that anyone can forge."""

from __future__ import annotations

import re
from datetime import date

_SMALL = re.compile(r"[0-9]{1,9}")  # ASCII digits only: "²".isdigit() is True, int("²") fails


def small_int(text: str) -> int | None:
    """A non-negative number of at most nine ASCII digits, or None."""
    return int(text) if _SMALL.fullmatch(text) else None


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
