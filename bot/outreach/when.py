"""When to send an announcement, as staff type it, in WIB (a staff review s61, L3: "besok jam
9 pagi" and "8/12 09:00" were refused; only a full date and a time were read).

A day, then a time of day. The day: a full date ("2026-12-08", "08-12-2026", also with / or
.), a day word ("hari ini", "besok", "lusa", "today", "tomorrow"), or a day and month without
the year ("8/12", "8-12", "8.12": this year's, or next year's when this year's is half a year
gone). The time: "9", "09.00", "21:30", "jam 9", "pukul 9.30", "jam 9 pagi", "jam 2 siang",
"jam 4 sore", "jam 7 malam", "9am", "9 pm", a trailing "WIB" allowed; the part of the day may
come first ("besok pagi jam 9"), and a full stop may end it. An hour the words leave unclear
("jam 12 malam", "jam 2 malam") is not guessed; one past the clock ("24.00") is no such time.
The bot says back the moment it read (the scheduled message; the refusal of a time already
past), so a misread is seen at once.

Sixty lines of our own: the free-text date parsers (dateparser) bring a large dependency and
guess far more than staff should have guessed for them.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from bot.parsing import moment_shaped, plausible_day, written_day

_DAY_WORDS = {"hari ini": 0, "today": 0, "besok": 1, "tomorrow": 1, "lusa": 2}
_DAY_MONTH = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})")  # "8.12" too, before a time
_SPLIT = re.compile(r"(hari ini|today|besok|tomorrow|lusa|[0-9./-]+)\s+(.+)")
NEXT_YEAR_AFTER = 180  # days: "2/1" typed in December is next January; "6/12" on 7/12 is past
_CLOCK = re.compile(
    r"(?:(?:jam|pukul|pk\.?|at)\s*)?([0-9]{1,2})(?:[:.]([0-5][0-9]))?"
    r"\s*(pagi|siang|sore|malam|am|pm)?(?:\s+wib)?"
)
# The hours each part of the day takes, and the hour of the day they are ("jam 2 siang": 14).
# A part of the day before the time, "besok pagi jam 9" (the usual order; the final review s61,
# L2): read as "besok jam 9 pagi".
_PERIOD_FIRST = re.compile(r"(pagi|siang|sore|malam)\s+(.+?)(?:\s+wib)?")
_PERIODS: dict[str, dict[int, int]] = {
    "pagi": {hour: hour for hour in range(1, 12)},
    "siang": {10: 10, 11: 11, 12: 12, 1: 13, 2: 14, 3: 15},
    "sore": {hour: hour + 12 for hour in range(1, 8)},
    "malam": {hour: hour + 12 for hour in range(6, 12)},
    "am": {12: 0, **{hour: hour for hour in range(1, 12)}},
    "pm": {12: 12, **{hour: hour + 12 for hour in range(1, 12)}},
}


def typed_moment(text: str, today: date) -> datetime | None:
    """The WIB date and time (naive) a staff member typed, `today` being the WIB date now;
    None when it is not one of the forms above, or no such day or hour."""
    split = _SPLIT.fullmatch(_words(text))
    if split is None:
        return None
    day, clock = _day(split[1], today), _clock(split[2])
    if day is None or clock is None:
        return None
    return datetime.combine(day, clock)


def moment_like(text: str) -> bool:
    """Whether a text is written as a day and a time, even one the calendar does not have
    ("31-02-2027 09.00", "31/2 09.00"): so the refusal says "no such day", not "the form"."""
    words = _words(text)
    split = _SPLIT.fullmatch(words)
    if split is None or (_clock(split[2]) is None and not _past_the_clock(split[2])):
        return moment_shaped(words)
    day = split[1]
    return day in _DAY_WORDS or _DAY_MONTH.fullmatch(day) is not None or moment_shaped(words)


def _words(text: str) -> str:
    """The text in lower case, one space between words, no comma, no full stop at the end
    ("besok 9 pagi.")."""
    return " ".join(text.lower().replace(",", " ").split()).rstrip(".!").rstrip()


def _past_the_clock(text: str) -> bool:
    """Whether a time is written as one but its hour is past the clock's ("24.00", "25:00"):
    no such time, as 31/2 is no such day."""
    match = _CLOCK.fullmatch(_in_order(text))
    return match is not None and match[3] is None and int(match[1]) > 23


def _in_order(text: str) -> str:
    """The time with its part of the day after it: "pagi jam 9" is "jam 9 pagi"."""
    first = _PERIOD_FIRST.fullmatch(text)
    if first is None:
        return text
    clock, period = first[2], first[1]
    return clock if clock.endswith(f" {period}") else f"{clock} {period}"


def _day(word: str, today: date) -> date | None:
    if word in _DAY_WORDS:
        return today + timedelta(days=_DAY_WORDS[word])
    full = written_day(word)  # 08-12-2026, 2026-12-08
    match = _DAY_MONTH.fullmatch(word)
    if full is not None or match is None:
        return full
    try:
        day = date(today.year, int(match[2]), int(match[1]))
        if (today - day).days > NEXT_YEAR_AFTER:
            day = date(today.year + 1, day.month, day.day)
    except ValueError:  # 31/2, or 29/2 of a year without it
        return None
    return day if plausible_day(day) else None


def _clock(text: str) -> time | None:
    match = _CLOCK.fullmatch(_in_order(text))
    if match is None:
        return None
    hour, minute, period = int(match[1]), int(match[2] or 0), match[3]
    if period is not None:
        hours = _PERIODS[period]
        if hour in hours:
            hour = hours[hour]
        elif hour not in hours.values():  # "19.00 malam" is 19.00; "jam 2 malam" unclear
            return None
    return time(hour, minute) if hour <= 23 else None
