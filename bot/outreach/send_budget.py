"""One budget of sends per second for the whole bot, shared by broadcasts and replies.

Telegram lets a bot send about 30 messages a second to different chats and
answers 429 beyond that. python-telegram-bot passes every Bot API call through
this rate limiter: replies to talents take a slot at once and never wait, the
broadcast worker waits for its slots (`acquire`), so a broadcast makes room for
replies, never the other way round. A 429 pauses broadcast sends only.
"""

from __future__ import annotations

import asyncio
import logging
import math
import warnings
from collections import deque
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

log = logging.getLogger(__name__)

BROADCAST = "broadcast"  # rate_limit_args of the broadcast worker's own sends
WINDOW_SECONDS = 1.0  # Telegram's limit is per second
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


class SendBudget(BaseRateLimiter[str]):
    """Send slots for the whole bot, shared by broadcasts and replies.

    Broadcast sends are spaced evenly at `per_second`, and never more than
    floor(per_second) of all sends fall in any one second: Telegram counts
    whole seconds, so even spacing alone would let event-loop jitter bunch
    two sends into a second that already had its share.
    """

    def __init__(self, per_second: float) -> None:
        self.interval = 1.0 / per_second
        self.per_window = max(1, math.floor(per_second))
        self._recent: deque[float] = deque()  # loop times of sends in the last second
        self._next = 0.0  # loop time of the next evenly spaced slot
        self._paused_until = 0.0
        self._turn = asyncio.Lock()  # broadcast sends take slots first come, first served

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def acquire(self) -> None:
        """Wait for a slot: evenly spaced, within the per-second limit, after any 429 pause."""
        loop = asyncio.get_running_loop()
        async with self._turn:
            while True:
                now = loop.time()
                ready = self._ready_at(now)
                if ready <= now:
                    break
                await asyncio.sleep(ready - now)  # a 429 or a reply may move `ready` meanwhile
            # A late wake-up may catch up half a slot, no more, so sends never bunch.
            self._next = max(self._next, now - self.interval / 2) + self.interval
            self._recent.append(now)

    def _ready_at(self, now: float) -> float:
        """The earliest time the next broadcast send may go."""
        self._forget_before(now - WINDOW_SECONDS)
        ready = max(self._next, self._paused_until)
        if len(self._recent) >= self.per_window:
            ready = max(ready, self._recent[-self.per_window] + WINDOW_SECONDS)
        return ready

    def take_now(self) -> None:
        """A reply uses a slot at once; broadcast sends make room for it."""
        now = asyncio.get_running_loop().time()
        self._next = max(now, self._next) + self.interval
        self._forget_before(now - WINDOW_SECONDS)
        self._recent.append(now)

    def _forget_before(self, moment: float) -> None:
        """Sends older than the window no longer count."""
        while self._recent and self._recent[0] <= moment:
            self._recent.popleft()

    def pause(self, seconds: float) -> None:
        """Telegram answered 429: no broadcast send until the wait is over."""
        until = asyncio.get_running_loop().time() + seconds
        self._paused_until = max(self._paused_until, until)

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
            # A reply hit flood control: hold broadcasts back, then try the reply once more.
            seconds = retry_seconds(error)
            self.pause(seconds)
            log.warning("A reply hit flood control; retrying it in %.0f s", seconds)
            await asyncio.sleep(seconds)
            return await callback(*args, **kwargs)
