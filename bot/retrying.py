"""Retries Bot API calls through short Telegram faults: 429, 5xx, timeouts, lost connections.

Only the calling coroutine waits, so a 429 for one chat never pauses other conversations.
Client errors (400, 403) are final and pass straight through. A retried call that timed out
may have been delivered already: Telegram offers no idempotency key, so a rare duplicate is
the price of not losing a reply.
"""

from __future__ import annotations

import asyncio
import json
import logging

from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 4
MAX_RETRY_AFTER = 60.0  # a longer flood wait is reported instead of waited out


class RetryingRequest(BaseRequest):
    """A BaseRequest that repeats a call a few times when Telegram is briefly unavailable."""

    def __init__(self, inner: BaseRequest, *, base_delay: float = 0.5) -> None:
        self._inner = inner
        self._base_delay = base_delay

    @property
    def read_timeout(self) -> float | None:
        """The wrapped request's default read timeout."""
        return self._inner.read_timeout

    async def initialize(self) -> None:
        """Initialise the wrapped request."""
        await self._inner.initialize()

    async def shutdown(self) -> None:
        """Shut the wrapped request down."""
        await self._inner.shutdown()

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
        """Send the request, waiting and repeating on 429, 5xx and network failures."""
        endpoint = url.rsplit("/", 1)[-1]
        for attempt in range(1, MAX_ATTEMPTS + 1):
            last = attempt == MAX_ATTEMPTS
            try:
                code, payload = await self._inner.do_request(
                    url,
                    method,
                    request_data,
                    read_timeout=read_timeout,
                    write_timeout=write_timeout,
                    connect_timeout=connect_timeout,
                    pool_timeout=pool_timeout,
                )
            except BadRequest:
                raise
            except (TimedOut, NetworkError) as error:
                if last:
                    raise
                wait = self._base_delay * 2 ** (attempt - 1)
                log.warning("%s failed (%s); retry %d in %.1f s", endpoint, error, attempt, wait)
                await asyncio.sleep(wait)
                continue
            wait_for = _retry_delay(code, payload, self._base_delay * 2 ** (attempt - 1))
            if wait_for is None or last:
                return code, payload
            log.warning("%s answered %d; retry %d in %.1f s", endpoint, code, attempt, wait_for)
            await asyncio.sleep(wait_for)
        raise AssertionError("unreachable: the last attempt returns or raises")


def _retry_delay(code: int, payload: bytes, backoff: float) -> float | None:
    """How long to wait before repeating a call that got this answer; None if final."""
    if code == 429:
        try:
            retry_after = float(json.loads(payload)["parameters"]["retry_after"])
        except (ValueError, KeyError, TypeError):
            retry_after = backoff
        return retry_after if retry_after <= MAX_RETRY_AFTER else None
    if code >= 500:
        return backoff
    return None
