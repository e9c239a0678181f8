"""The page each talent was last answered with, kept by this process: a follow-up question
answered by that same page points back to it (handlers/answers.py), found without a read of
the database on the hot path of every free message. Lost on a restart: the page is then sent
whole, as before."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

MOST = 10_000  # talents kept, the least recently answered dropped first


@dataclass(frozen=True, slots=True)
class PageSent:
    """A direct answer sent whole: its entry, language, the page's text as sent (its hash:
    its status and program-news lines count), the bot's message, and when."""

    entry: str
    language: str
    page: int
    message_id: int
    at: datetime


class PagesSent:
    """The last page sent whole to each talent answered lately (no words of theirs: an
    entry's key, a hash, a message id)."""

    def __init__(self, most: int = MOST) -> None:
        self._sent: OrderedDict[int, PageSent] = OrderedDict()
        self._most = most

    def sent(self, user_id: int, page: PageSent) -> None:
        """A page went to the talent whole."""
        self._sent[user_id] = page
        self._sent.move_to_end(user_id)
        if len(self._sent) > self._most:
            self._sent.popitem(last=False)

    def last(self, user_id: int) -> PageSent | None:
        """The page last sent to the talent, if it is still the answer just above."""
        return self._sent.get(user_id)

    def forget(self, user_id: int) -> None:
        """Something else was answered since, or the talent said it was not it."""
        self._sent.pop(user_id, None)
