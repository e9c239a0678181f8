"""The bot's update queue with getUpdates semantics: offsets, limits, long polling."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

from bot.emulator.errors import ApiError

JSON = dict[str, Any]

# Without allowed_updates Telegram sends everything except these.
_OPT_IN_TYPES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)


class UpdateQueue:
    """Pending updates, confirmation by offset, and waiting for arrivals or fetches."""

    def __init__(self) -> None:
        self._pending: list[JSON] = []
        self._next_id = 1
        self._last_id = 0
        self.acknowledged_up_to = 0
        self.fetched_up_to = 0
        self.allowed_updates: frozenset[str] | None = None
        self._poll_generation = 0
        # Replaced on every change so waiters can wait without a lock (pushes are sync).
        self._changed = asyncio.Event()

    @property
    def pending(self) -> list[JSON]:
        """Updates not yet confirmed, oldest first (do not mutate)."""
        return self._pending

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    def accepts(self, kind: str) -> bool:
        """Whether an update of this type passes the stored allowed_updates filter."""
        if self.allowed_updates is None:
            return kind not in _OPT_IN_TYPES
        return kind in self.allowed_updates

    def push(self, payload: JSON, *, force: bool = False) -> JSON | None:
        """Queue an update, assigning update_id unless given; None if filtered out."""
        kind = next((key for key in payload if key != "update_id"), "")
        if not force and not self.accepts(kind):
            return None
        update = dict(payload)
        given = update.get("update_id")
        if isinstance(given, int) and not isinstance(given, bool):
            self._next_id = max(self._next_id, given + 1)
        else:
            update = {"update_id": self._next_id, **update}
            self._next_id += 1
        self._last_id = max(self._last_id, int(update["update_id"]))
        self._pending.append(update)
        self._notify()
        return update

    def continue_after(self, update_id: int) -> None:
        """Number new updates after this one, as Telegram does for a bot that ran before."""
        self._next_id = max(self._next_id, update_id + 1)

    def set_allowed(self, allowed: Iterable[str] | None) -> None:
        """Store allowed_updates as Telegram does; an empty list restores the default."""
        if allowed is None:
            return
        values = frozenset(allowed)
        self.allowed_updates = values or None

    def confirm(self, offset: int) -> None:
        """Forget updates below ``offset``; a negative offset keeps only the last -offset."""
        if offset < 0:
            dropped = self._pending[:offset]
            self._pending = self._pending[offset:]
            if dropped:
                self.acknowledged_up_to = max(self.acknowledged_up_to, dropped[-1]["update_id"])
            return
        if offset == 0:
            return
        self._pending = [u for u in self._pending if u["update_id"] >= offset]
        self.acknowledged_up_to = max(self.acknowledged_up_to, min(offset - 1, self._last_id))

    def drop_pending(self) -> None:
        """Forget every pending update (deleteWebhook/setWebhook drop_pending_updates)."""
        if self._pending:
            self.acknowledged_up_to = max(self.acknowledged_up_to, self._pending[-1]["update_id"])
        self._pending = []
        self.mark_fetched(self._last_id)

    def mark_fetched(self, update_id: int) -> None:
        """Record that updates up to ``update_id`` reached the bot at least once."""
        if update_id > self.fetched_up_to:
            self.fetched_up_to = update_id
            self._notify()

    async def get_updates(self, offset: int, limit: int, poll_seconds: float) -> list[JSON]:
        """Answer getUpdates, long-polling up to ``poll_seconds`` for a first update."""
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()  # an older long poll must end with 409, as on Telegram
        self.confirm(offset)
        limit = min(max(limit, 1), 100)
        if not self._pending and poll_seconds > 0:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + poll_seconds
            while not self._pending:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                await self.wait_changed(remaining)
                if generation != self._poll_generation:
                    raise ApiError(409, _CONFLICT)
        batch = self._pending[:limit]
        if batch:
            self.mark_fetched(int(batch[-1]["update_id"]))
        return batch

    async def wait_changed(self, seconds: float) -> None:
        """Wait until something is pushed, fetched or polled, or ``seconds`` pass."""
        event = self._changed
        try:
            async with asyncio.timeout(seconds):
                await event.wait()
        except TimeoutError:
            pass

    @property
    def all_fetched(self) -> bool:
        """Whether every queued update has been handed to the bot at least once."""
        return all(u["update_id"] <= self.fetched_up_to for u in self._pending)

    async def wait_until_fetched(self, timeout: float) -> None:  # noqa: ASYNC109
        """Return once every queued update has been fetched; TimeoutError otherwise."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self.all_fetched:
            remaining = deadline - loop.time()
            if remaining <= 0:
                unseen = sum(u["update_id"] > self.fetched_up_to for u in self._pending)
                raise TimeoutError(
                    f"{unseen} update(s) were not fetched by the bot within {timeout}s; "
                    "is it polling this emulator (or is a webhook failing)?"
                )
            await self.wait_changed(remaining)
