"""Clients too slow to send their request are cut off, on both of the bot's servers.

aiohttp waits for a request's headers and body as long as bytes keep coming: 200 connections
that each sent one header byte every 10 s all stayed open, and more ran the process out of file
descriptors, the database's and the Bot API's too (an attacker's review, s58). A proxy in front
(docs/operations.md) has its own timeouts; a port reached directly has these:

- the headers: an idle connection, or one whose next request's headers are not whole after
  HEADER_SECONDS (from its opening, or from the last answer on it), is closed (aiohttp's
  keep-alive timer, which also waits for a request that has begun, shortened from its hour);
- the body: what the handler reads of it within READ_SECONDS of the headers (`read_in_time`),
  else a 408 that closes the connection;
- the number: at most MAX_CONNECTIONS open at once per server (`ConnectionCap`). The time
  bounds alone did not hold it: 600 connections each sending half a header, reopened as soon
  as they were cut, kept a process with 512 file descriptors out of them, and /healthz failed
  48 times in 49 (the attacker's review s59, L1). A new connection over the cap first pushes out
  the oldest one that has no request being handled (idle, or its headers still coming: what a
  flood is made of), so a real request still gets in; when every one is handling a request,
  the new one is answered 503 and closed;
- the answer: a client that sends requests and never reads their answers kept its connection
  "handling a request" for good (aiohttp waits on a full socket without a bound), so CAP of
  them made every new connection, Telegram's deliveries included, get 503 for as long as they
  liked (the attacker's review s59, M1). An answer not taken whole within `read_seconds` closes
  the connection, what is left unsent dropped (`_Handler.finish_response`); and over the cap,
  when no connection is idle, one whose client holds it up is pushed out (its answer waits
  for the client to read, or the client sent more requests before reading it), else one that
  has been handling requests without a pause for longer than its body and its answer may take
  (`ConnectionCap`).
"""

from __future__ import annotations

import asyncio
import logging
import resource
import time
from collections.abc import Awaitable
from typing import Any, TypeVar

from aiohttp import web
from aiohttp.web_protocol import RequestHandler
from aiohttp.web_request import BaseRequest

from bot.alerts import AlertThrottle

log = logging.getLogger(__name__)

READ_SECONDS = 30.0  # for a request's body (a phone on a slow network)
HEADER_SECONDS = 10.0  # for its headers (a few hundred bytes), and for an idle connection
MAX_CONNECTIONS = 256  # open at once per server (MAX_CONNECTIONS); see `connection_cap`
READ_WITHIN = web.AppKey("read_within", float)  # the server's bound, seen by sub-applications
BUSY = b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
CAP_LOG_INTERVAL = 60.0  # seconds: the cap's log line, at most this often

T = TypeVar("T")


def runner(
    app: web.Application,
    read_seconds: float,
    max_connections: int = MAX_CONNECTIONS,
    **options: Any,
) -> web.AppRunner:
    """The app's runner: idle connections and half-sent headers closed after HEADER_SECONDS
    (`read_seconds` if shorter), bodies after `read_seconds`, at most `max_connections` open."""
    app[READ_WITHIN] = read_seconds
    keepalive = min(HEADER_SECONDS, read_seconds)
    # After an answer sent before the whole body came (a 408), aiohttp reads and drops the rest
    # for its lingering time (10 s), so that the client sees the answer: no longer than the
    # body itself was given.
    return _CappedRunner(
        app,
        max_connections,
        read_seconds,
        keepalive_timeout=keepalive,
        lingering_time=keepalive,
        **options,
    )


def connection_cap(setting: int) -> int:
    """MAX_CONNECTIONS, or half the process's file descriptors if that is fewer: the rest are
    the database's, the Bot API's, the log's (raise LimitNOFILE to allow more)."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or setting <= soft // 2:
        return setting
    log.warning(
        "MAX_CONNECTIONS=%d is more than half of this process's %d file descriptors:"
        " %d connections at most (raise LimitNOFILE, docs/operations.md)",
        setting,
        soft,
        soft // 2,
    )
    return max(soft // 2, 1)


def cap_of(site_runner: web.AppRunner | None) -> ConnectionCap | None:
    """The connections of a server `runner` made, once it is set up."""
    return site_runner.cap if isinstance(site_runner, _CappedRunner) else None


class _CappedRunner(web.AppRunner):
    """An AppRunner whose server keeps to a number of open connections (`ConnectionCap`)."""

    def __init__(
        self, app: web.Application, max_connections: int, read_seconds: float, **options: Any
    ) -> None:
        super().__init__(app, **options)
        self._max_connections = max_connections
        self._read_seconds = read_seconds
        self.cap: ConnectionCap | None = None

    async def setup(self) -> None:
        await super().setup()
        assert self.server is not None
        # Its connections are `_Handler`s: the server's class is aiohttp's, with that one change.
        self.server.__class__ = _Server
        self.server.answer_within = self._read_seconds  # type: ignore[attr-defined]
        # A connection may handle requests without a pause for its body's and its answer's time.
        self.cap = ConnectionCap(self.server, self._max_connections, 2 * self._read_seconds)


class _Server(web.Server):
    """aiohttp's server, whose connections are `_Handler`s."""

    answer_within = READ_SECONDS

    def __call__(self) -> RequestHandler:
        return _Handler(self, self.answer_within, loop=self._loop, **self._kwargs)


class _Handler(RequestHandler):
    """aiohttp's connection, whose answers have a time bound, and which tells since when it has
    been handling requests without a pause (`busy_since`)."""

    def __init__(self, server: web.Server, answer_within: float, **options: Any) -> None:
        super().__init__(server, **options)
        self.answer_within = answer_within
        self.busy_since: float | None = None
        self._next_waits = False  # the next request came before this answer was written

    async def _handle_request(self, *args: Any, **kwargs: Any) -> Any:
        if not self._next_waits:
            self.busy_since = time.monotonic()
        try:
            return await super()._handle_request(*args, **kwargs)
        finally:
            self._next_waits = bool(getattr(self, "_messages", None))

    async def finish_response(
        self, request: BaseRequest, resp: web.StreamResponse, start_time: float | None
    ) -> tuple[web.StreamResponse, bool]:
        """Write the answer, or close the connection when its client has not taken it whole
        within `answer_within` (it reads too slowly, or not at all)."""
        try:
            async with asyncio.timeout(self.answer_within):
                return await super().finish_response(request, resp, start_time)
        except TimeoutError:
            log.info("An answer was not read within %g s: connection closed", self.answer_within)
            _drop(self)
            return resp, True  # as when the client goes: the connection's loop ends


class ConnectionCap:
    """At most `limit` connections open on an aiohttp server at once.

    Set between the server and its connections (each tells the server when it is made and
    lost): a new connection over the limit pushes out the oldest open one that handles no
    request, or, when every one does, is answered 503 and closed before anything is read.
    """

    def __init__(self, server: web.Server, limit: int, overdue: float = 2 * READ_SECONDS) -> None:
        self.limit = max(limit, 1)
        self.overdue = overdue  # seconds of requests without a pause a connection may take
        self._open: dict[RequestHandler, None] = {}  # oldest first
        self._made = server.connection_made
        self._lost = server.connection_lost
        server.connection_made = self._connection_made  # type: ignore[method-assign]
        server.connection_lost = self._connection_lost  # type: ignore[method-assign]
        self._log = AlertThrottle(CAP_LOG_INTERVAL)
        self.pushed_out = 0
        self.refused = 0

    @property
    def open(self) -> int:
        """Connections open now."""
        return len(self._open)

    @property
    def busy(self) -> int:
        """Connections handling a request now."""
        return sum(1 for handler in self._open if _busy(handler))

    @property
    def stalled(self) -> int:
        """Connections handling a request while their client holds it up (`_stalled`)."""
        return sum(1 for handler in self._open if _stalled(handler))

    def _connection_made(self, handler: RequestHandler, transport: Any) -> None:
        if len(self._open) >= self.limit and not self._push_out_one():
            self.refused += 1
            self._tell()
            transport.write(BUSY)
            # Its handler never begins: it would find its connection gone and log an error.
            asyncio.get_running_loop().call_soon(_never_begun, handler)
            transport.close()  # never registered: the server does not wait for it
            return
        self._open[handler] = None
        self._made(handler, transport)

    def _connection_lost(self, handler: RequestHandler, exc: BaseException | None = None) -> None:
        self._open.pop(handler, None)
        self._lost(handler, exc)

    def _push_out_one(self) -> bool:
        """Close a connection to make room (`_to_push_out`); whether there was one."""
        handler = self._to_push_out()
        if handler is None:
            return False
        del self._open[handler]
        _drop(handler)  # the descriptor is free
        self.pushed_out += 1
        self._tell()
        return True

    def _to_push_out(self) -> RequestHandler | None:
        """The oldest connection that handles no request, else the oldest whose client holds
        it up (reads not, or sends requests before reading the answers: `_stalled`), else the
        oldest that has handled requests without a pause for longer than `overdue`."""
        now = time.monotonic()
        stalled = overdue = None
        for handler in self._open:
            if not _busy(handler):
                return handler
            if stalled is None and _stalled(handler):
                stalled = handler
            if (
                overdue is None
                and now - (getattr(handler, "busy_since", None) or now) > self.overdue
            ):
                overdue = handler
        return stalled or overdue

    def _tell(self) -> None:
        if self._log.allow(time.monotonic()):
            log.warning(
                "%d connections open, the most allowed (MAX_CONNECTIONS): the oldest idle or"
                " stuck one is closed for each new one (%d so far), or the new one refused"
                " (%d so far)",
                self.limit,
                self.pushed_out,
                self.refused,
            )


async def read_in_time(request: web.Request, reading: Awaitable[T]) -> T | None:
    """What `reading` (of the request's body) gives, or None when the body did not come
    whole in time (answer `too_slow()`)."""
    seconds = request.config_dict.get(READ_WITHIN, READ_SECONDS)
    try:
        async with asyncio.timeout(seconds):
            return await reading
    except TimeoutError:
        log.info("A request's body did not come within %g s: connection closed", seconds)
        return None


def too_slow(response: web.Response | None = None) -> web.Response:
    """408, closing the connection (what is left of the body is dropped, for at most the
    server's lingering time: `runner`)."""
    response = response or web.Response(status=408)
    response.force_close()
    return response


def _never_begun(handler: RequestHandler) -> None:
    """Cancel a refused connection's handler before it begins (aiohttp makes it just after
    telling the server of the connection)."""
    task = getattr(handler, "_task_handler", None)
    if task is not None:
        task.cancel()


def _drop(handler: RequestHandler) -> None:
    """Close a connection now, what is left of its answer dropped: a client that does not read
    would otherwise hold the descriptor while the answer waits to be sent."""
    transport = handler.transport
    handler.force_close()
    if transport is not None and transport.get_write_buffer_size():
        transport.abort()


def _stalled(handler: RequestHandler) -> bool:
    """Whether a connection handles a request while its client holds it up: the answer waits
    for the client to read (the socket is full), or the client has sent more requests before
    reading this answer (pipelining, which no browser, proxy or Telegram does)."""
    return _busy(handler) and (
        bool(getattr(handler, "writing_paused", False)) or bool(getattr(handler, "_messages", ()))
    )


def _busy(handler: RequestHandler) -> bool:
    """Whether a connection handles a request: aiohttp's own flag, set from the end of the
    headers to the end of the answer (unknown in another version of aiohttp: busy)."""
    return bool(getattr(handler, "_request_in_progress", True))
