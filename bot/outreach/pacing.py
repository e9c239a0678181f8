"""What the bulk workers (broadcasts, reminders) share: pace, requests in flight, a clean stop.

Each send waits for a slot of the bot's shared `SendBudget`, a few requests are in flight at
once so HTTP latency does not lower the rate, and a stop drops the sends still waiting for
a slot (no request made: the worker gives them back for the next start) and lets requests
already made finish.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ExtBot

from bot.outreach.send_budget import SendBudget
from bot.store.users import Users

log = logging.getLogger(__name__)

IN_FLIGHT = 6  # concurrent requests, enough to hide loopback and Internet latency
DRAIN_SECONDS = 10.0  # on stop, how long requests already made may take to finish


def unreachable(error: TelegramError) -> bool:
    """Telegram says the talent blocked the bot, deleted their account or never had a chat."""
    if isinstance(error, Forbidden):
        return True
    return isinstance(error, BadRequest) and "chat not found" in error.message.lower()


async def report_refused(users: Users, chat_id: int, error: TelegramError) -> None:
    """A report to a staff member's private chat that Telegram refused for good (they never
    started the chat, or blocked the bot): marked as blocked, so the workspace tells them
    (bot/web/desk.py unreachable) instead of promising the next report; a group is left."""
    if chat_id > 0 and unreachable(error):
        await users.set_blocked(chat_id, True)


class BulkSends:
    """The sends of one bulk worker, at the shared budget's pace, at most IN_FLIGHT at once."""

    def __init__(self, bot: ExtBot[Any], rate: float, what: str) -> None:
        limiter = bot.rate_limiter
        self.budget = limiter if isinstance(limiter, SendBudget) else SendBudget(rate)
        self._what = what  # for the log: "broadcast", "reminder"
        self._slots = asyncio.Semaphore(IN_FLIGHT)
        self._in_flight: set[asyncio.Task[None]] = set()
        self._waiting: set[asyncio.Task[None]] = set()

    @property
    def busy(self) -> bool:
        """Whether a send started here has not ended yet."""
        return bool(self._in_flight)

    async def reserve(self) -> None:
        """Wait until fewer than IN_FLIGHT sends are under way."""
        await self._slots.acquire()

    def release(self) -> None:
        """A reserved send is over (or was never started)."""
        self._slots.release()

    def start(self, send: Coroutine[Any, Any, None]) -> None:
        """Run a reserved send; it must call release() when it ends."""
        task = asyncio.create_task(send)
        self._in_flight.add(task)
        task.add_done_callback(self._in_flight.discard)

    async def slot(self) -> bool:
        """Wait for the budget's slot; False if the worker is stopping (no request made)."""
        task = asyncio.current_task()
        assert task is not None
        self._waiting.add(task)
        try:
            await self.budget.acquire()
        except asyncio.CancelledError:
            return False
        finally:
            self._waiting.discard(task)
        return True

    async def finish(self) -> None:
        """Wait until every send started so far has ended."""
        if self._in_flight:
            await asyncio.wait(set(self._in_flight))

    async def drain(self) -> None:
        """Stop: drop sends still waiting for a slot, let requests in flight finish."""
        for task in list(self._waiting):
            task.cancel()
        if not self._in_flight:
            return
        _, late = await asyncio.wait(set(self._in_flight), timeout=DRAIN_SECONDS)
        for task in late:
            task.cancel()
        if late:
            log.warning("Stopped with %d %s request(s) unanswered", len(late), self._what)
            await asyncio.gather(*late, return_exceptions=True)
