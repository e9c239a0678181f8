"""Retries Bot API calls through short Telegram faults: 5xx, timeouts, lost connections.

Only the calling coroutine waits. Flood control (429) is left to the send budget
(bot/outreach/send_budget.py), which must see it to hold broadcasts back. Client errors (400, 403)
are final and pass straight through. A retried call that timed out
may have been delivered already: Telegram offers no idempotency key, so a rare duplicate is
the price of not losing a reply.

A sender whose message may be withdrawn between attempts (a stage message superseded by a
later stage change) says so with `unless_withdrawn`: before each retry it is asked, and a
call no longer wanted ends with its last error instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.request import RequestData

from bot.transport.request_wrapper import WrappedRequest

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 4
BASE_DELAY = 0.5  # seconds before the first retry; doubled each time

_STILL_WANTED: ContextVar[Callable[[], Awaitable[bool]] | None] = ContextVar(
    "still_wanted", default=None
)


@contextmanager
def unless_withdrawn(still_wanted: Callable[[], Awaitable[bool]]) -> Iterator[None]:
    """Calls made inside are retried only while `still_wanted()` says yes."""
    token = _STILL_WANTED.set(still_wanted)
    try:
        yield
    finally:
        _STILL_WANTED.reset(token)


async def _withdrawn() -> bool:
    """Whether the caller no longer wants the call it is about to repeat."""
    still_wanted = _STILL_WANTED.get()
    return still_wanted is not None and not await still_wanted()


class RetryingRequest(WrappedRequest):
    """Repeats a call a few times when Telegram is briefly unavailable."""

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
        """Send the request, waiting and repeating on 5xx answers and network failures."""
        endpoint = url.rsplit("/", 1)[-1]
        for attempt in range(1, MAX_ATTEMPTS + 1):
            last = attempt == MAX_ATTEMPTS
            try:
                code, payload = await super().do_request(
                    url,
                    method,
                    request_data,
                    read_timeout,
                    write_timeout,
                    connect_timeout,
                    pool_timeout,
                )
            except BadRequest:
                raise
            except (TimedOut, NetworkError) as error:
                if last:
                    raise
                wait = BASE_DELAY * 2 ** (attempt - 1)
                log.warning("%s failed (%s); retry %d in %.1f s", endpoint, error, attempt, wait)
                await asyncio.sleep(wait)
                if await _withdrawn():
                    raise
                continue
            wait_for = _retry_delay(code, payload, BASE_DELAY * 2 ** (attempt - 1))
            if wait_for is None or last:
                return code, payload
            log.warning("%s answered %d; retry %d in %.1f s", endpoint, code, attempt, wait_for)
            await asyncio.sleep(wait_for)
            if await _withdrawn():
                return code, payload
        raise AssertionError("unreachable: the last attempt returns or raises")


def _retry_delay(code: int, payload: bytes, backoff: float) -> float | None:
    """How long to wait before repeating a call that got this answer; None if final."""
    if code >= 500:
        return backoff
    return None
