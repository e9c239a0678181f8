"""Flood control: one talent sending many messages a second is slowed down, politely, once.

Updates are judged as they arrive (bot/transport/runner.py), before anything is parsed or
processed: a dropped update costs one row in a batch insert, so a flood neither fills the
disk nor holds up other talents. It is stored as processed, without its content, and the
conversation log keeps only that something was dropped and its size. The first update over
the limit is processed, only to send the polite notice; it is logged the same short way.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from bot.store import LogEntry

# What a talent sends in a private chat, by update field: what the log calls it.
_INPUTS = {"message": "message", "edited_message": "edit", "callback_query": "button"}


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


@dataclass(frozen=True, slots=True)
class TalentInput:
    """A message, edit or button press from someone in a private chat with the bot."""

    user_id: int
    chat_id: int
    what: str  # message, edit or button
    size: int  # characters of its text, caption or button data
    message_id: int | None


def talent_input(raw: Any) -> TalentInput | None:
    """The talent input in a raw update (as Telegram sent it), or None for anything else."""
    if not isinstance(raw, dict):
        return None
    for field_name, what in _INPUTS.items():
        part = raw.get(field_name)
        if not isinstance(part, dict):
            continue
        message = part.get("message") if field_name == "callback_query" else part
        sender = part.get("from")
        chat = message.get("chat") if isinstance(message, dict) else None
        if not (
            isinstance(sender, dict)
            and isinstance(sender.get("id"), int)
            and isinstance(chat, dict)
            and isinstance(chat.get("id"), int)
            and chat.get("type") == "private"
        ):
            return None
        words = part.get("data") if field_name == "callback_query" else part.get("text")
        if words is None:
            words = part.get("caption")
        message_id = message.get("message_id") if isinstance(message, dict) else None
        return TalentInput(
            user_id=sender["id"],
            chat_id=chat["id"],
            what=what,
            size=len(words) if isinstance(words, str) else 0,
            message_id=message_id if isinstance(message_id, int) else None,
        )
    return None


def dropped_entry(update_id: int, dropped: TalentInput) -> LogEntry:
    """The conversation-log line of an update dropped by flood control: what and how long."""
    return LogEntry(
        dropped.chat_id,
        dropped.user_id,
        "in",
        "dropped",
        f"[{dropped.what} dropped by flood control: {dropped.size} characters]",
        update_id,
        dropped.message_id,
    )
