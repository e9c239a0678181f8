"""Flood control: one talent sending many messages a second is slowed down, politely, once."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from enum import Enum


class Verdict(Enum):
    """What to do with one update from a talent."""

    ALLOW = "allow"
    DROP_AND_WARN = "warn"  # the first update over the limit: drop it, say why
    DROP = "drop"  # further updates in the same flood: drop quietly


@dataclass
class _Window:
    stamps: deque[float] = field(default_factory=deque)
    warned_at: float = float("-inf")


class FloodGuard:
    """A sliding window per talent. Only talents seen in the last window are kept in memory."""

    def __init__(self, limit: int = 12, seconds: float = 6.0) -> None:
        self.limit = limit
        self.seconds = seconds
        self._windows: dict[int, _Window] = {}
        self._last_sweep = 0.0

    def check(self, user_id: int, now: float | None = None) -> Verdict:
        """Record one update from this user and judge it."""
        now = time.monotonic() if now is None else now
        self._sweep(now)
        window = self._windows.setdefault(user_id, _Window())
        while window.stamps and window.stamps[0] <= now - self.seconds:
            window.stamps.popleft()
        window.stamps.append(now)
        if len(window.stamps) <= self.limit:
            return Verdict.ALLOW
        if now - window.warned_at > self.seconds:
            window.warned_at = now
            return Verdict.DROP_AND_WARN
        return Verdict.DROP

    def _sweep(self, now: float) -> None:
        """Forget talents who have been quiet for a whole window."""
        if now - self._last_sweep < self.seconds:
            return
        self._last_sweep = now
        quiet = [
            user_id
            for user_id, window in self._windows.items()
            if not window.stamps or window.stamps[-1] <= now - self.seconds
        ]
        for user_id in quiet:
            del self._windows[user_id]

    @property
    def tracked(self) -> int:
        """How many talents are in memory now."""
        return len(self._windows)
