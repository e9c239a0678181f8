"""Webhook delivery: POST each update to the bot's URL until it answers 2xx."""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

import aiohttp

from bot.emulator.updates import UpdateQueue

JSON = dict[str, Any]
_FIRST_BACKOFF = 0.05
_MAX_BACKOFF = 2.0


class Webhook:
    """The webhook setting and the task delivering updates to it, in order."""

    def __init__(self, queue: UpdateQueue) -> None:
        self._queue = queue
        self.url = ""
        self.secret_token: str | None = None
        self.max_connections = 40
        self.last_error_date: int | None = None
        self.last_error_message: str | None = None
        self.delivered = 0
        self._task: asyncio.Task[None] | None = None

    async def start(self, url: str, secret_token: str | None, max_connections: int) -> None:
        """Set the webhook and start delivering."""
        await self.stop()
        self.url = url
        self.secret_token = secret_token
        self.max_connections = max_connections
        self._task = asyncio.create_task(self._deliver_forever(), name="emulator-webhook")

    async def stop(self) -> None:
        """Remove the webhook and stop delivering."""
        self.url = ""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def info(self, pending: int) -> JSON:
        """The WebhookInfo object."""
        info: JSON = {
            "url": self.url,
            "has_custom_certificate": False,
            "pending_update_count": pending,
        }
        if self.url:
            info["max_connections"] = self.max_connections
        if self.last_error_date is not None:
            info["last_error_date"] = self.last_error_date
            info["last_error_message"] = self.last_error_message
        return info

    async def _deliver_forever(self) -> None:
        backoff = _FIRST_BACKOFF
        async with aiohttp.ClientSession() as session:
            while True:
                if not self._queue.pending:
                    await self._queue.wait_changed(60.0)
                    continue
                update = self._queue.pending[0]
                if await self._post(session, update):
                    update_id = int(update["update_id"])
                    self._queue.mark_fetched(update_id)
                    self._queue.confirm(update_id + 1)
                    self.delivered += 1
                    backoff = _FIRST_BACKOFF
                else:
                    await asyncio.sleep(backoff)
                    backoff = min(backoff * 2, _MAX_BACKOFF)

    async def _post(self, session: aiohttp.ClientSession, update: JSON) -> bool:
        headers = {}
        if self.secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.secret_token
        try:
            async with session.post(
                self.url,
                json=update,
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=10),
            ) as response:
                await response.read()
                if 200 <= response.status < 300:
                    return True
                self._error(f"Wrong response from the webhook: {response.status} {response.reason}")
        except aiohttp.ClientConnectorError:
            self._error("Connection refused")
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            self._error(f"Connection error: {exc!r}")
        return False

    def _error(self, message: str) -> None:
        self.last_error_date = int(time.time())
        self.last_error_message = message
