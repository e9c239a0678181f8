"""Bulk sends (announcements, talent updates) at the pace of the bot's shared `SendBudget`.

A few requests in flight so HTTP latency does not lower the rate; each waits for its slot
with `SendBudget.acquire` and is sent marked BROADCAST, so the limiter does not count it
twice and replies to talents always go first. On stop, deliveries still waiting for a slot
are dropped (nothing was sent) and requests already made may finish.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from telegram.ext import ExtBot

from bot.outreach.send_budget import BROADCAST, SendBudget

log = logging.getLogger(__name__)

IN_FLIGHT = 6  # concurrent requests, enough to hide loopback and Internet latency
DRAIN_SECONDS = 10.0  # on stop, how long requests already made may take to finish


class BulkSender:
    """The send slots and in-flight deliveries of one worker."""

    def __init__(self, bot: ExtBot[Any], rate: float, in_flight: int = IN_FLIGHT) -> None:
        limiter = bot.rate_limiter
        shared = isinstance(limiter, SendBudget)
        self.budget = limiter if isinstance(limiter, SendBudget) else SendBudget(rate)
        # Without the shared limiter (a bot built elsewhere) there is nothing to mark.
        self.limit_args = BROADCAST if shared else None
        self._slots = asyncio.Semaphore(in_flight)
        self._in_flight: set[asyncio.Task[None]] = set()
        self._waiting: set[asyncio.Task[None]] = set()

    async def start(self, delivery: Coroutine[Any, Any, None]) -> None:
        """Run one delivery once fewer than `in_flight` are under way."""
        try:
            await self._slots.acquire()
        except BaseException:
            delivery.close()  # stopped while waiting: the delivery never starts
            raise
        task = asyncio.create_task(self._run(delivery))
        self._in_flight.add(task)
        task.add_done_callback(self._in_flight.discard)

    async def _run(self, delivery: Coroutine[Any, Any, None]) -> None:
        try:
            await delivery
        finally:
            self._slots.release()

    async def wait_for_slot(self) -> bool:
        """Wait for a send slot; False when the worker is stopping (then send nothing)."""
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

    async def wait_all(self) -> None:
        """Return once every delivery started so far has finished."""
        if self._in_flight:
            await asyncio.wait(set(self._in_flight))

    async def drain(self, what: str) -> None:
        """Stop: drop deliveries still waiting for a slot, let requests in flight finish."""
        for task in list(self._waiting):
            task.cancel()
        if not self._in_flight:
            return
        _, late = await asyncio.wait(set(self._in_flight), timeout=DRAIN_SECONDS)
        for task in late:
            task.cancel()
        if late:
            log.warning("Stopped with %d %s request(s) unanswered", len(late), what)
            await asyncio.gather(*late, return_exceptions=True)
