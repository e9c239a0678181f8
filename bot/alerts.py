"""Throttles alerts to the staff chat so that a failing bot cannot flood it, and log lines
about refusals so that anyone knocking cannot flood the log."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.terminal_text import count_of

REFUSAL_LOG_INTERVAL = 60.0  # seconds between two log lines about refusals of one cause


class AlertThrottle:
    """Allows one alert per interval; counts the ones it held back."""

    def __init__(self, interval: float = 60.0) -> None:
        self._interval = interval
        self._last = float("-inf")
        self.suppressed = 0

    def allow(self, now: float | None = None) -> bool:
        """Whether an alert may go out now."""
        now = time.monotonic() if now is None else now
        if now - self._last < self._interval:
            self.suppressed += 1
            return False
        self._last = now
        return True


Line = Callable[["Burst"], None]  # writes a burst's log line

NAMED = 5  # refusers a line names, those refused most first
_TALLIED = 1_000  # distinct refusers counted in one minute; any more are "more than …"


@dataclass(frozen=True, slots=True)
class Burst:
    """The refusals of one cause that a log line reports: how many, and by whom."""

    count: int
    by: tuple[tuple[str, int], ...]  # up to NAMED refusers and their refusals, most first
    others: int  # distinct refusers not named
    at_least: bool = False  # over _TALLIED distinct refusers: `others` is a lower bound

    def refusers(self, noun: str, plural: str | None = None) -> str:
        """Who was refused, as a log line names them: "user 1003 x1", "users 1004 x10,
        1003 x1 and 3 others" (the noun in English; its plural made with an s unless given).
        Not "(10)": after an address ("127.0.0.3 (10)") the log's phone mask took it for a
        number (bot/logs.py, redact)."""
        named = ", ".join(f"{who} x{times}" for who, times in self.by)
        nouns = plural or f"{noun}s"
        if not self.others:
            return f"{noun if len(self.by) == 1 else nouns} {named}"
        more = f"{'more than ' if self.at_least else ''}{count_of(self.others, 'other')}"
        return f"{nouns} {named} and {more}"


class _Window:
    """One cause's refusals since its last log line."""

    __slots__ = ("count", "line", "opened", "overflow", "tally")

    def __init__(self) -> None:
        self.opened = float("-inf")  # when the last line went out
        self.count = 0
        # refusals by refuser, in the order they came: [counted, inherited], see `add`
        self.tally: dict[str, list[int]] = {}
        self.overflow = False
        self.line: Line | None = None

    def add(self, by: str) -> None:
        """Count one refusal of `by`. Past _TALLIED refusers the one refused least gives its
        place to the newcomer, who inherits its count as a possible overcount ("space
        saving"): who was refused most is named, whatever came first (the attack review
        s62, L1: a thousand decoys, one request each, hid an address refused 5,000 times)."""
        self.count += 1
        kept = self.tally.get(by)
        if kept is not None:
            kept[0] += 1
        elif len(self.tally) < _TALLIED:
            self.tally[by] = [1, 0]
        else:
            self.overflow = True
            least = min(self.tally, key=lambda who: self.tally[who][0])
            floor = self.tally.pop(least)[0]
            self.tally[by] = [floor + 1, floor]

    def take(self, now: float) -> Burst:
        """The burst to report now; the next minute starts."""
        # refusals surely made (counted less inherited), most first; stable: first come first
        surely = [(who, counted - inherited) for who, (counted, inherited) in self.tally.items()]
        most = sorted(surely, key=lambda item: -item[1])
        burst = Burst(self.count, tuple(most[:NAMED]), len(most[NAMED:]), self.overflow)
        self.opened, self.count, self.tally, self.overflow = now, 0, {}, False
        return burst


class Refusals:
    """Refused requests by cause: a log line for each cause at most once a minute, with how
    many there were since the last and by whom (those refused most first). Anyone can knock
    (forged staff buttons, the workspace's API, the webhook's and the workspace's port): one
    line per knock would fill the disk and page whoever watches the warnings.

    A refusal in a minute that has had its line is held back; `flush` (run by the job queue
    every minute, handlers/jobs.py) writes the held-back ones once their minute is over, so the
    last burst is reported though no refusal comes after it (the attack review s61, L1: it was
    never reported, and a decoy's press named in each line hid the attacker's forty)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock  # tests move it on a minute
        self._windows: dict[str, _Window] = {}  # a fixed set of causes: names in the code

    def refused(self, cause: str, by: object, line: Line) -> None:
        """Count a refusal of `cause` to `by` (a user id, an address); `line` writes the log
        line, now if this cause had none for a minute, else once the minute is over."""
        window = self._windows.setdefault(cause, _Window())
        window.line = line
        window.add(str(by))
        now = self.clock()
        if self._due(window, now):
            line(window.take(now))

    def flush(self) -> None:
        """Write the held-back refusals of each cause whose minute is over."""
        now = self.clock()
        for window in self._windows.values():
            if window.count and window.line is not None and self._due(window, now):
                window.line(window.take(now))

    @staticmethod
    def _due(window: _Window, now: float) -> bool:
        return now - window.opened >= REFUSAL_LOG_INTERVAL
