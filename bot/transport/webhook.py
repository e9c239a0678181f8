"""Webhook mode: Telegram posts updates to us; each is stored before we answer 200."""

from __future__ import annotations

import hmac
import json
import logging
from urllib.parse import urlsplit

from aiohttp import web

from bot.ops.status import HEALTH_PATH, health_endpoint
from bot.settings import Settings
from bot.store.health import is_storage_error
from bot.transport.runner import ALLOWED_UPDATES, Runner

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name, not a secret
MAX_BODY = 1024 * 1024  # Telegram's updates are far smaller; anything bigger is not Telegram


class WebhookServer:
    """An aiohttp server on WEBHOOK_LISTEN:WEBHOOK_PORT at the path of WEBHOOK_URL."""

    def __init__(self, runner: Runner, settings: Settings) -> None:
        assert settings.webhook_url is not None
        assert settings.webhook_secret is not None
        self._runner = runner
        self._url = settings.webhook_url
        self._secret = settings.webhook_secret.get_secret_value().encode()
        self._listen = settings.webhook_listen
        self._port = settings.webhook_port
        self._site_runner: web.AppRunner | None = None
        self.path = urlsplit(settings.webhook_url).path or "/"

    async def start(self) -> None:
        """Listen, then tell Telegram where to post (with the secret it must echo)."""
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_post(self.path, self._receive)
        app.router.add_get(HEALTH_PATH, health_endpoint(self._runner.store))
        self._site_runner = web.AppRunner(app, access_log=None)
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
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            log.warning("Webhook request without the right secret from %s", request.remote)
            return web.Response(status=403)
        try:
            payload = json.loads(await request.read())
        except ValueError:
            return web.Response(status=400)
        if not isinstance(payload, dict):
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
