"""HTTP transport: the emulator served by aiohttp on loopback, like api.telegram.org."""

from __future__ import annotations

import json
import time
from email.utils import formatdate
from typing import TYPE_CHECKING, Any

from aiohttp import web

if TYPE_CHECKING:
    from bot.emulator.core import BotAPIEmulator

# Large enough for Telegram's 50 MB bot upload limit plus form overhead.
_MAX_BODY = 60 * 1024 * 1024
_BAD_BODY = b'{"ok":false,"error_code":400,"description":"Bad Request: invalid request body"}'


class HttpServer:
    """An aiohttp.web server answering /bot<token>/<method> and /file/bot<token>/<path>."""

    def __init__(self, emulator: BotAPIEmulator) -> None:
        self._emulator = emulator
        self._runner: web.AppRunner | None = None
        self.base_url = ""
        self.base_file_url = ""

    async def start(self, host: str, port: int) -> None:
        """Listen on host:port (0 picks a free port)."""
        app = web.Application(client_max_size=_MAX_BODY)
        app.router.add_route("*", "/file/bot{token}/{path:.+}", self._download)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_route("*", "/", self._root)
        # Cancel a handler when its client goes away, as a dropped connection does on Telegram,
        # and do not let long polls in flight hold up stop_serving() for their whole timeout.
        runner = web.AppRunner(
            app, access_log=None, handler_cancellation=True, shutdown_timeout=0.25
        )
        await runner.setup()
        site = web.TCPSite(runner, host, port)
        await site.start()
        self._runner = runner
        bound_host, bound_port = runner.addresses[0][:2]
        self.base_url = f"http://{bound_host}:{bound_port}/bot"
        self.base_file_url = f"http://{bound_host}:{bound_port}/file/bot"

    async def stop(self) -> None:
        """Close the listening socket and open connections."""
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()

    async def _api(self, request: web.Request) -> web.Response:
        params: dict[str, Any] = dict(request.query)
        files: dict[str, tuple[str, bytes, str]] = {}
        if request.body_exists:
            try:
                await _read_body(request, params, files)
            except ValueError:
                return web.Response(body=_BAD_BODY, status=400, content_type="application/json")
        status, body = await self._emulator.handle(
            request.match_info["method"], params, files, token=request.match_info["token"]
        )
        return web.Response(
            body=json.dumps(body, separators=(",", ":")).encode(),
            status=status,
            content_type="application/json",
        )

    async def _root(self, request: web.Request) -> web.Response:
        """The site root: Telegram redirects to the Bot API documentation (and has a Date)."""
        return web.Response(
            status=302,
            headers={
                "Location": "https://core.telegram.org/bots/api",
                "Date": formatdate(time.time() + self._emulator.clock_offset, usegmt=True),
            },
        )

    async def _download(self, request: web.Request) -> web.Response:
        info = request.match_info
        status, content = self._emulator.download(info["path"], info["token"])
        return web.Response(body=content, status=status)


async def _read_body(
    request: web.Request, params: dict[str, Any], files: dict[str, tuple[str, bytes, str]]
) -> None:
    """Merge a JSON, urlencoded or multipart body into params and files."""
    if request.content_type == "application/json":
        data = await request.json()
        if not isinstance(data, dict):
            raise ValueError("JSON body must be an object")
        params.update(data)
        return
    form = await request.post()
    for name, value in form.items():
        if isinstance(value, web.FileField):
            files[name] = (value.filename, value.file.read(), value.content_type)
        else:
            params[name] = value
