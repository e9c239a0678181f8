"""Throttles alerts to the staff chat so that a failing bot cannot flood it."""

from __future__ import annotations

import time


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
