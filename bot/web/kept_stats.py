"""The workspace's statistics, kept a minute per language and read ahead when a page opens.

Their first read at 50,000 leads takes a few tenths of a second of the database's time
(bot/leads/desk_stats.py). A desk opening the tab again and again gets the kept figures (they
name no lead; the week's unanswered questions are masked summaries); a page that opens starts
the read, so that the tab, clicked a moment later, finds it done or under way. An erasure drops
what is kept, and a read under way then is not kept nor served: it may have counted the erased
talent, or listed her question.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger(__name__)

FRESH = 60.0  # seconds the figures are served again before they are read anew

Figures = dict[str, Any]
Compute = Callable[[], Awaitable[Figures]]


class KeptStats:
    """The figures per language: the last read and its time, and a read under way."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._kept: dict[str, tuple[float, Figures]] = {}
        self._reading: dict[str, tuple[int, asyncio.Task[Figures]]] = {}
        self._erasures = 0  # reads begun before the latest erasure are not kept

    def read_ahead(self, language: str, compute: Compute) -> None:
        """Start reading the figures unless they are fresh or being read."""
        if self._fresh(language) is None and self._under_way(language) is None:
            self._start(language, compute)

    async def get(self, language: str, compute: Compute) -> Figures:
        """The kept figures if fresh, else those of the read under way, else a new read."""
        kept = self._fresh(language)
        if kept is not None:
            return kept
        task = self._under_way(language) or self._start(language, compute)
        return await asyncio.shield(task)  # a caller who gives up does not stop the read

    def forget(self) -> None:
        """A talent was erased, or a staff member changed what is counted: nothing read before
        now is kept or served again."""
        self._erasures += 1
        self._kept.clear()

    async def close(self) -> None:
        """Stop the reads under way (the workspace stops)."""
        tasks = [task for _, task in self._reading.values()]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(BaseException):
                await task
        self._reading.clear()

    def _fresh(self, language: str) -> Figures | None:
        kept = self._kept.get(language)
        if kept is None or self._clock() - kept[0] >= FRESH:
            return None
        return kept[1]

    def _under_way(self, language: str) -> asyncio.Task[Figures] | None:
        reading = self._reading.get(language)
        if reading is None or reading[0] != self._erasures:
            return None
        return reading[1]

    def _start(self, language: str, compute: Compute) -> asyncio.Task[Figures]:
        erasures = self._erasures
        task = asyncio.create_task(self._read(language, compute, erasures), name="workspace-stats")
        task.add_done_callback(_logged)
        self._reading[language] = (erasures, task)
        return task

    async def _read(self, language: str, compute: Compute, erasures: int) -> Figures:
        try:
            figures = await compute()
        finally:
            if self._reading.get(language, (None, None))[0] == erasures:
                del self._reading[language]
        if erasures == self._erasures:
            self._kept[language] = (self._clock(), figures)
        return figures


def _logged(task: asyncio.Task[Figures]) -> None:
    """A read ahead that failed is said in the log (a tab that waits for it gets the error)."""
    if not task.cancelled() and task.exception() is not None:
        log.warning("Reading the workspace's statistics failed: %s", task.exception())
