"""One budget of sends per second for the whole bot, shared by bulk sends and replies.

Telegram lets a bot send about 30 messages a second to different chats and answers
429 beyond that, counting over a sliding second. python-telegram-bot passes every Bot
API call through this rate limiter. Replies to talents take a slot at once and never
wait. Bulk sends (broadcasts, reminders, pipeline updates: whatever is sent with
`rate_limit_args=BROADCAST`) wait for their slots in `acquire`.

Only Telegram's own window counts: a bulk send may go when the sends of the last second
leave room for it. What was sent before that second is forgotten, so a run starts within
a second of being due however many replies went out just before it. While it runs, each
reply in the window counts twice: a talent being answered now will likely get another
reply within the second, and bulk sends leave that room free rather than take it (a
reply over Telegram's limit would wait for a 429). A 429 pauses bulk sends only.
"""

from __future__ import annotations

import asyncio
import logging
import math
import warnings
from collections import deque
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any, Protocol

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

log = logging.getLogger(__name__)

BROADCAST = "broadcast"  # rate_limit_args of bulk sends (broadcasts, reminders, …)
WINDOW_SECONDS = 1.0  # Telegram's limit is per second
BULK, REPLY = 1, 2  # how much a send weighs when a bulk send looks for room in the window
# Methods that put a message in front of someone: they count against Telegram's limit.
COUNTED = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendVoice",
        "sendVideo",
        "sendAudio",
        "sendAnimation",
        "copyMessage",
        "forwardMessage",
        "editMessageText",
        "editMessageCaption",
    }
)

Result = bool | dict[str, Any] | list[dict[str, Any]]
Callback = Callable[..., Coroutine[Any, Any, Result]]


def retry_seconds(error: RetryAfter) -> float:
    """How long Telegram asked to wait (an int or a timedelta, depending on library settings)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Clock(Protocol):
    """Where the budget reads the time and waits: the event loop's, or a test's."""

    def now(self) -> float:
        """Seconds on a monotonic clock."""

    async def sleep(self, seconds: float) -> None:
        """Wait this long on the same clock."""


class LoopClock:
    """The running event loop's monotonic clock."""

    def now(self) -> float:
        """The loop's time."""
        return asyncio.get_running_loop().time()

    async def sleep(self, seconds: float) -> None:
        """asyncio.sleep."""
        await asyncio.sleep(seconds)


class SendBudget(BaseRateLimiter[str]):
    """Send slots for the whole bot, shared by bulk sends and replies.

    Bulk sends are spaced at least 1/`per_second` apart among themselves (so they leave
    gaps for replies rather than going in bursts), and a bulk send goes only while the
    sends of the last second, replies counted twice, number fewer than
    floor(`per_second`): so no second ever holds more than that many sends because of a
    bulk send. Replies are never held back; bulk sends wait for the room they leave.
    """

    def __init__(self, per_second: float, clock: Clock | None = None) -> None:
        self.interval = 1.0 / per_second
        self.per_window = max(1, math.floor(per_second))
        self._clock: Clock = clock or LoopClock()
        # Every counted send of the last second: (time, weight), oldest first.
        self._recent: deque[tuple[float, int]] = deque()
        self._weight = 0  # the sum of the weights in _recent
        self._next_bulk = -math.inf  # the earliest time of the next bulk send
        self._paused_until = -math.inf
        self._turn = asyncio.Lock()  # bulk sends take slots first come, first served

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def acquire(self) -> None:
        """Wait for a bulk slot: room in the last second, spacing, and any 429 pause over."""
        async with self._turn:
            while True:
                now = self._clock.now()
                ready = self._ready_at(now)
                if ready <= now:
                    break
                await self._clock.sleep(ready - now)  # a reply or a 429 may move `ready`
            # A late wake-up may catch up half a slot, no more, so bulk sends never bunch.
            self._next_bulk = max(self._next_bulk, now - self.interval / 2) + self.interval
            self._count(now, BULK)

    def _ready_at(self, now: float) -> float:
        """The earliest time the next bulk send may go."""
        self._forget(now)
        ready = max(self._next_bulk, self._paused_until)
        weight = self._weight
        for moment, counted in self._recent:  # oldest first: who must leave to make room
            if weight < self.per_window:
                break
            weight -= counted
            ready = max(ready, moment + WINDOW_SECONDS)
        return ready

    def take_now(self) -> None:
        """A reply uses a slot at once; bulk sends make room for it."""
        now = self._clock.now()
        self._forget(now)
        self._count(now, REPLY)

    def _count(self, now: float, weight: int) -> None:
        self._recent.append((now, weight))
        self._weight += weight

    def _forget(self, now: float) -> None:
        """Sends a whole window old no longer count (the same sum as in _ready_at, so that
        floating-point rounding never lets one more in)."""
        while self._recent and self._recent[0][0] + WINDOW_SECONDS <= now:
            self._weight -= self._recent.popleft()[1]

    def pause(self, seconds: float) -> None:
        """Telegram answered 429: no bulk send until the wait is over."""
        self._paused_until = max(self._paused_until, self._clock.now() + seconds)

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: str | None,
    ) -> Result:
        """Every Bot API call passes here: replies take a slot without waiting."""
        if rate_limit_args == BROADCAST or endpoint not in COUNTED:
            return await callback(*args, **kwargs)
        self.take_now()
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as error:
            # A reply hit flood control: hold bulk sends back, then try the reply once more.
            seconds = retry_seconds(error)
            self.pause(seconds)
            log.warning("A reply hit flood control; retrying it in %.0f s", seconds)
            await self._clock.sleep(seconds)
            return await callback(*args, **kwargs)
