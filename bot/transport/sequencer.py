"""Runs work items in order per key and concurrently across keys."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

Item = TypeVar("Item")


class KeyedSequencer(Generic[Item]):
    """One queue per key (a user), drained by one task; idle keys take no memory."""

    def __init__(self, handle: Callable[[Item], Awaitable[None]], max_concurrent: int = 256):
        self._handle = handle
        self._queues: dict[str, deque[Item]] = {}
        self._workers: set[asyncio.Task[None]] = set()
        self._slots = asyncio.Semaphore(max_concurrent)
        self._idle = asyncio.Event()
        self._idle.set()

    def submit(self, key: str, item: Item) -> None:
        """Queue an item behind earlier items with the same key."""
        queue = self._queues.get(key)
        if queue is not None:
            queue.append(item)
            return
        self._queues[key] = deque([item])
        self._idle.clear()
        task = asyncio.create_task(self._drain(key), name=f"sequencer:{key}")
        self._workers.add(task)
        task.add_done_callback(self._finished)

    @property
    def busy_keys(self) -> int:
        """How many keys have work queued or running."""
        return len(self._queues)

    async def wait_idle(self) -> None:
        """Return when nothing is queued or running."""
        await self._idle.wait()

    async def _drain(self, key: str) -> None:
        queue = self._queues[key]
        try:
            while queue:
                item = queue[0]
                async with self._slots:
                    try:
                        await self._handle(item)
                    except Exception:
                        log.exception("Unhandled error while processing an item for %s", key)
                queue.popleft()
        finally:
            del self._queues[key]

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._workers.discard(task)
        if not self._queues:
            self._idle.set()

    async def cancel(self) -> None:
        """Stop every worker now (items not finished stay stored and are replayed later)."""
        for task in list(self._workers):
            task.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        self._queues.clear()
        self._idle.set()
