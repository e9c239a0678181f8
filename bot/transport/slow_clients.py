"""Clients too slow to send their request are cut off, on both of the bot's servers.

aiohttp waits for a request's headers and body as long as bytes keep coming: 200 connections
that each sent one header byte every 10 s all stayed open, and more ran the process out of file
descriptors, the database's and the Bot API's too (an attacker's review, s58). A proxy in front
(docs/operations.md) has its own timeouts; a port reached directly has these:

- the headers: an idle connection, or one whose next request is not whole after READ_SECONDS
  (from its opening, or from the last answer on it), is closed (aiohttp's keep-alive timer,
  which also waits for a request that has begun, shortened from its hour);
- the body: what the handler reads of it within READ_SECONDS of the headers (`read_in_time`),
  else a 408 that closes the connection.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any, TypeVar

from aiohttp import web

log = logging.getLogger(__name__)

READ_SECONDS = 30.0  # for a request's headers, then for its body (a phone on a slow network)
READ_WITHIN = web.AppKey("read_within", float)  # the server's bound, seen by sub-applications

T = TypeVar("T")


def runner(app: web.Application, read_seconds: float, **options: Any) -> web.AppRunner:
    """The app's runner, with idle and half-sent requests closed after `read_seconds`."""
    app[READ_WITHIN] = read_seconds
    return web.AppRunner(app, keepalive_timeout=read_seconds, **options)


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
    """408, closing the connection (what is left of the body is never read)."""
    response = response or web.Response(status=408)
    response.force_close()
    return response
