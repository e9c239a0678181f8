"""Records every message the bot sends or edits in a private chat in the conversation log.

It wraps the HTTP layer, so nothing the bot says can bypass the log: replies,
broadcasts, relayed staff answers and exports alike. A line is written only if its talent was
known when the request started and still is: a talent who erases their data while a message
to them is on its way (its HTTP round trip, a wait) gets no line back after the erasure.

A caller whose message means more than the request shows (a staff answer: its words, not
"[copy of message N]") sends it inside `logged_as(kind, text)`: its line here has that kind
and text, and is written (or held, if the disk is full) like every other line.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from typing import Any

from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest, RequestData

from bot.store import ConversationLog, LogEntry, utc_now
from bot.store.conversation import AnsweredBy
from bot.store.health import is_storage_error
from bot.transport import json_codec
from bot.transport.request_wrapper import WrappedRequest

log = logging.getLogger(__name__)

BACKLOG_LIMIT = 10_000  # outgoing log lines held while the disk is full (a few MB at most)

_LOGGED = {
    "sendMessage": "text",
    "sendPhoto": "photo",
    "sendDocument": "document",
    "sendVoice": "voice",
    "sendVideo": "video",
    "sendAudio": "audio",
    "sendAnimation": "animation",
    "copyMessage": "copy",
    "forwardMessage": "forward",
    "editMessageText": "edit",
    "editMessageCaption": "edit",
}


Sent = tuple[LogEntry, str]  # a log line, and when its request started

# Set while a caller sends a message whose line it words itself (the request runs in the
# caller's task): the line's kind, text and the rest (a staff answer's writer) instead of the
# request's.
_LOGGED_AS: ContextVar[dict[str, Any] | None] = ContextVar("logged_as", default=None)


@contextmanager
def logged_as(
    kind: str,
    text: str | None,
    by: AnsweredBy | None = None,
    *,
    keeps_waiting: bool = False,
    heading: str | None = None,
    answered_only: tuple[int, ...] | None = None,
) -> Iterator[None]:
    """Messages sent inside are logged with this kind and text (a staff answer and its
    words; `by`: who wrote it, `keeps_waiting`: a holding reply, `heading`: the heading sent
    before the words in the same message, as plain text, `answered_only`: the talent's
    messages it answered, when not all that waited), through the same path as
    every line: written before the call returns, or held and written with the next line if
    the database cannot be written."""
    worded = {
        "kind": kind,
        "text": text,
        "answered_by": by,
        "keeps_waiting": keeps_waiting,
        "heading": heading,
        "answered_only": answered_only,
    }
    token = _LOGGED_AS.set(worded)
    try:
        yield
    finally:
        _LOGGED_AS.reset(token)


class RecordingRequest(WrappedRequest):
    """Passes calls through and logs what reached a talent's chat."""

    def __init__(
        self,
        inner: BaseRequest,
        conversation_log: ConversationLog,
        staff: frozenset[int] = frozenset(),
        sent: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(inner)
        self._log = conversation_log
        # Told of each new message (not an edit) to a talent's chat, by chat id: the page
        # "see above" points to is forgotten when another message comes below it
        # (bot/answers/pages_sent.py).
        self._sent = sent
        # Staff chats carry copies of leads (lead pages, exports): not a talent's conversation,
        # and a copy there would outlive the talent's erasure.
        self._staff = staff
        # Lines not yet written because the database could not be written (disk full): the
        # message went out, so the handler must not fail (it would send it again); the line
        # is written with the next one that can be.
        self._backlog: deque[Sent] = deque(maxlen=BACKLOG_LIMIT)
        self._writing = asyncio.Lock()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send the request; on success, log an outgoing message to a private chat."""
        since = utc_now()
        code, payload = await super().do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )
        endpoint = url.rsplit("/", 1)[-1]
        kind = _LOGGED.get(endpoint)
        if kind is not None and code == 200 and request_data is not None:
            entry = _entry(kind, request_data.parameters, payload)
            if entry is not None and entry.chat_id not in self._staff:
                if self._sent is not None and kind != "edit":
                    self._sent(entry.chat_id)
                worded = _LOGGED_AS.get()
                if worded is not None:
                    entry = replace(entry, **worded)
                await self._record((entry, since))
        return code, payload

    async def _record(self, sent: Sent) -> None:
        """Write one line; concurrent lines share commits, as every write does."""
        if self._backlog:  # lines held since the disk filled up go first, in order
            self._backlog.append(sent)
            await self._write_backlog()
            return
        try:
            await self._log.add_sent([sent])
        except Exception as error:
            if not is_storage_error(error):
                raise
            self._backlog.append(sent)  # the store logged it once; written with the next one

    async def _write_backlog(self) -> None:
        """Write the waiting log lines in order; keep them if the database cannot be written."""
        async with self._writing:
            if not self._backlog:
                return
            entries = list(self._backlog)
            try:
                await self._log.add_sent(entries)
            except Exception as error:
                if not is_storage_error(error):
                    raise
                return  # the store logged it once; kept for the next write
            for _ in entries:
                self._backlog.popleft()


def _entry(kind: str, params: dict[str, Any], payload: bytes) -> LogEntry | None:
    """The log line for one successful call, if it went to a private chat."""
    try:
        result = json_codec.loads(payload).get("result")
    except (ValueError, AttributeError):
        return None
    chat_id = params.get("chat_id")
    if isinstance(result, dict) and isinstance(result.get("chat"), dict):
        chat_id = result["chat"].get("id", chat_id)
    try:
        chat = int(str(chat_id))
    except ValueError:
        return None
    if chat <= 0:  # groups and channels are not talents' conversations
        return None
    message_id = result.get("message_id") if isinstance(result, dict) else None
    if isinstance(result, dict):
        text = result.get("text") or result.get("caption")
        document = result.get("document")
        if text is None and isinstance(document, dict):
            text = f"[document {document.get('file_name', 'file')}]"
    else:
        text = None
    if text is None and kind in ("copy", "forward"):
        text = f"[{kind} of message {params.get('message_id')}]"
    return LogEntry(chat, chat, "out", kind, text, None, message_id)
