"""Throttles alerts to the staff chat so that a failing bot cannot flood it, and log lines
about refusals so that anyone knocking cannot flood the log."""

from __future__ import annotations

import time
from collections.abc import Callable

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

    def report(self, now: float | None = None) -> int | None:
        """How many events to report now, this one included; None while a report would come
        sooner than an interval after the last one (this event is counted for the next)."""
        if not self.allow(now):
            return None
        count, self.suppressed = self.suppressed + 1, 0
        return count


class Refusals:
    """Refused requests by cause: a log line for each cause at most once a minute, with how
    many there were since the last. Anyone can knock (forged staff buttons, the workspace's
    API): one line per knock would fill the disk and page whoever watches the warnings."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock  # tests move it on a minute
        self._causes: dict[str, AlertThrottle] = {}  # a fixed set: names in the code

    def report(self, cause: str) -> int | None:
        """How many refusals of `cause` to log now, this one included; None: not yet."""
        throttle = self._causes.setdefault(cause, AlertThrottle(REFUSAL_LOG_INTERVAL))
        return throttle.report(self.clock())
