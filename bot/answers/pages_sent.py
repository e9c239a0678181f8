"""The page each talent was last answered with, kept by this process: a follow-up question
answered by that same page points back to it (handlers/answers.py), found without a read of
the database on the hot path of every free message. Lost on a restart: the page is then sent
whole, as before.

Anything else the bot sends the talent meanwhile from elsewhere than their own update (a stage
message, an announcement, a staff answer from the group or the workspace, a reminder) comes
below the page, which is then no longer "just above": every message sent to a private chat is
told here (bot/transport/outgoing.py), and one not sent while handling that talent's own
update forgets their page (a desk review s61: "☝️ Jawabannya ada di pesanku di atas" pointed
past a stage message). Their own update's replies are dealt with where they are sent
(handlers/answers.py, handlers/common.py)."""

from __future__ import annotations

from collections import OrderedDict
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

MOST = 10_000  # talents kept, the least recently answered dropped first
# Pages kept per talent: the last is "just above"; an earlier one is pointed to only from a
# message written before it was sent, in a burst (a talents' review s64, L4: six questions
# sent at once, the ~2,000-character co-production page came twice, two pages apart).
RECENT = 4

# The talent whose update the running task handles (each update is handled in a task of its
# sender's own; background senders and the workspace run in tasks where it is None).
_ANSWERING: ContextVar[int | None] = ContextVar("pages_sent_answering", default=None)


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
        self._sent: OrderedDict[int, tuple[PageSent, ...]] = OrderedDict()
        self._most = most

    def sent(self, user_id: int, page: PageSent) -> None:
        """A page went to the talent whole."""
        self._sent[user_id] = (*self._sent.get(user_id, ())[1 - RECENT :], page)
        self._sent.move_to_end(user_id)
        if len(self._sent) > self._most:
            self._sent.popitem(last=False)

    def last(self, user_id: int) -> PageSent | None:
        """The page last sent to the talent, if it is still the answer just above."""
        pages = self._sent.get(user_id)
        return pages[-1] if pages else None

    def recent(self, user_id: int) -> tuple[PageSent, ...]:
        """The pages sent to the talent lately with nothing from elsewhere since, the last
        last (at most RECENT)."""
        return self._sent.get(user_id, ())

    def forget(self, user_id: int) -> None:
        """Something else was answered since, or the talent said it was not it."""
        self._sent.pop(user_id, None)

    def answering(self, user_id: int | None) -> None:
        """The task handles an update from this talent (None: from a group, or no one's):
        what it sends them is its answer, not a message from elsewhere."""
        _ANSWERING.set(user_id)

    def message_sent(self, chat_id: int) -> None:
        """A message went to this private chat: from elsewhere than the talent's own update,
        their page is no longer the message just above. A dict look-up for most messages."""
        if chat_id in self._sent and _ANSWERING.get() != chat_id:
            del self._sent[chat_id]
