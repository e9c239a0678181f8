"""Webhook mode: Telegram posts updates to us; each is stored before we answer 200."""

from __future__ import annotations

import hmac
import logging
import sys
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from bot.alerts import Burst, Refusals
from bot.ops.status import HEALTH_PATH, health_endpoint
from bot.settings import Settings
from bot.store.health import is_storage_error
from bot.terminal_text import count_of
from bot.transport import json_codec, slow_clients
from bot.transport.runner import ALLOWED_UPDATES, Runner

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name, not a secret
MAX_BODY = 1024 * 1024  # Telegram's updates are far smaller; anything bigger is not Telegram


class WebhookServer:
    """An aiohttp server on WEBHOOK_LISTEN:WEBHOOK_PORT at the path of WEBHOOK_URL."""

    def __init__(
        self,
        runner: Runner,
        settings: Settings,
        clock: Callable[[], float] = time.monotonic,
        mount: Callable[[web.Application], None] | None = None,
        read_seconds: float = slow_clients.READ_SECONDS,
    ) -> None:
        """`mount` adds more routes to the server (the staff workspace: one server for all);
        a request not sent whole within `read_seconds` is cut off (bot/transport/slow_clients)."""
        assert settings.webhook_url is not None
        assert settings.webhook_secret is not None
        self._runner = runner
        self._url = settings.webhook_url
        self._secret = settings.webhook_secret.get_secret_value().encode()
        self._listen = settings.webhook_listen
        self._port = settings.webhook_port
        self._site_runner: web.AppRunner | None = None
        self.path = urlsplit(settings.webhook_url).path or "/"
        self._clock = clock  # /healthz's
        # Anyone can knock: refusals are logged at most once a minute, with a count and from
        # where, as the chat's are (their job writes a minute's last burst).
        self._refusals: Refusals = runner.application.bot_data["services"].refusals
        self._mount = mount
        self._server_log = ServerLog(self._refusals)  # malformed requests: one line now and then
        self._read_seconds = read_seconds
        self._max_connections = settings.max_connections

    @property
    def connections(self) -> slow_clients.ConnectionCap | None:
        """Its open connections, once started."""
        return slow_clients.cap_of(self._site_runner)

    async def start(self) -> None:
        """Listen, then tell Telegram where to post (with the secret it must echo)."""
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_post(self.path, self._receive)
        app.router.add_get(HEALTH_PATH, health_endpoint(self._runner.store, self._clock))
        if self._mount is not None:
            self._mount(app)
        self._site_runner = slow_clients.runner(
            app,
            self._read_seconds,
            slow_clients.connection_cap(self._max_connections),
            access_log=None,
            logger=self._server_log,
        )
        await self._site_runner.setup()
        await web.TCPSite(self._site_runner, self._listen, self._port).start()
        await self._runner.application.bot.set_webhook(
            url=self._url,
            secret_token=self._secret.decode(),
            allowed_updates=ALLOWED_UPDATES,
        )
        log.info("Webhook listening on %s:%d%s", self._listen, self._port, self.path)

    async def stop(self) -> None:
        """Stop accepting requests (Telegram keeps what it could not deliver and retries)."""
        if self._site_runner is not None:
            await self._site_runner.cleanup()
            self._site_runner = None

    async def _receive(self, request: web.Request) -> web.Response:
        """One update: check the secret, store it, then answer 200."""
        if not self._authentic(request.headers.get(SECRET_HEADER, "")):
            self._refusals.refused("webhook:secret", request.remote or "?", _wrong_secret)
            return web.Response(status=403)
        body = await slow_clients.read_in_time(request, request.read())
        if body is None:
            return slow_clients.too_slow()
        payload, problem = _update(body)
        if problem is not None:
            log.warning("Webhook request refused (400): %s", problem)
            return web.Response(status=400)
        try:
            await self._runner.feed([payload])
        except Exception as error:
            if not is_storage_error(error):
                raise
            # Not stored, so not acknowledged: Telegram delivers it again later. The store
            # has logged the outage once; no traceback per request.
            return web.Response(status=503)
        return web.Response(status=200)

    def _authentic(self, given: str) -> bool:
        """Whether the header holds the secret (Telegram's secrets are ASCII; anything may come)."""
        if not given.isascii():
            return False
        return hmac.compare_digest(given.encode("ascii"), self._secret)


class ServerLog(logging.LoggerAdapter):  # type: ignore[type-arg]
    """aiohttp's server log, except that a malformed request (logged by aiohttp with a
    traceback each) becomes one short line at most once a minute, with how many there were:
    anyone can send bytes to the port."""

    def __init__(self, refusals: Refusals) -> None:
        super().__init__(log, {})
        self._refusals = refusals

    def log(self, level: int, msg: object, *args: object, **kwargs: Any) -> None:
        """Count a malformed request's record (logged now and then); pass any other on."""
        error = kwargs.get("exc_info")
        if isinstance(error, tuple):
            error = error[1]
        elif error is True:
            error = sys.exc_info()[1]
        if not isinstance(error, HttpProcessingError):
            super().log(level, msg, *args, **kwargs)  # the bot's own faults keep their traceback
            return
        self._refusals.refused("http:malformed", args[0] if args else "?", _malformed)


def _wrong_secret(burst: Burst) -> None:
    log.warning(
        "Refused %s without the right secret (403) since the last report, from %s",
        count_of(burst.count, "webhook request"),
        burst.refusers("address", "addresses"),
    )


def _malformed(burst: Burst) -> None:
    log.warning(
        "Refused %s (400) since the last report, from %s",
        count_of(burst.count, "malformed HTTP request"),
        burst.refusers("address", "addresses"),
    )


def _update(body: bytes) -> tuple[Any, str | None]:
    """The update a body holds, or why it holds none (in a few words, for the log)."""
    try:
        payload = json_codec.loads(body)
    except RecursionError:  # nesting deeper than Python's stack: not an update
        return None, "JSON nested too deep"
    except ValueError:
        return None, "not JSON"
    if not isinstance(payload, dict):
        return None, "JSON that is not an object"
    if not isinstance(payload.get("update_id"), int) or isinstance(payload["update_id"], bool):
        return None, "an object without a numeric update_id"
    return payload, None
