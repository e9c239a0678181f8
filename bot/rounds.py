"""The rounds of a background sender (announcements, stage messages, reminders, staff notices).

Each worker looks for work in rounds. A round that began after some moment and found nothing
left to do proves that whatever was queued before that moment has been sent, refused or
reported: `caught_up()` waits for such a round, and wakes a worker resting between rounds so
the wait is short. Nothing here changes what a worker sends, only when it looks again.
"""

from __future__ import annotations

import asyncio


class Rounds:
    """Counts one worker's rounds and which of them found nothing left to do."""

    def __init__(self) -> None:
        self.begun = 0  # rounds started so far
        self.last_idle = 0  # the number of the latest round that found nothing left to do
        # Replaced after each idle round, so idle() needs no lock and no running loop.
        self._idle = asyncio.Event()
        self._wake = asyncio.Event()

    def begin(self) -> None:
        """A round starts."""
        self.begun += 1

    def idle(self) -> None:
        """The current round found nothing to send and nothing still under way."""
        self.last_idle = self.begun
        self._idle.set()
        self._idle = asyncio.Event()

    async def rest(self, seconds: float) -> None:
        """Wait before the next round: `seconds`, or less if someone waits for a round."""
        try:
            async with asyncio.timeout(seconds):
                await self._wake.wait()
        except TimeoutError:
            pass
        self._wake.clear()

    async def caught_up(self) -> None:
        """Return after a round that began now or later has found nothing left to do."""
        mark = self.begun
        while self.last_idle <= mark:
            idle = self._idle
            self._wake.set()
            await idle.wait()
