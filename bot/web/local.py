"""The staff workspace without Telegram (`kocca-bot chat`): on loopback, with a link that
carries init data signed for the emulated admin, as Telegram would hand it to the page."""

from __future__ import annotations

import socket
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import quote

from bot.transport.runner import Runner
from bot.web import auth
from bot.web.server import PREFIX, Workspace, WorkspaceServer

LOOPBACK = "127.0.0.1"


def loopback_socket(preferred: int) -> socket.socket:
    """A socket bound on loopback to WEB_PORT, or to a free port if that one is taken: bound
    now and kept, so that no other program (another chat) can take the port meanwhile."""
    for port in (preferred, 0):
        bound = socket.socket()
        try:
            bound.bind((LOOPBACK, port))
        except OSError:
            bound.close()
            continue
        return bound
    raise OSError("no free port on loopback")


def link(base_url: str, token: str, user_id: int, first_name: str, language: str) -> str:
    """The workspace's page with init data in the fragment (never sent to the server)."""
    fields = auth.user_fields(user_id, first_name, language, int(time.time()))
    data = quote(auth.sign(fields, token), safe="")
    return f"{base_url}{PREFIX}/#tgWebAppData={data}&tgWebAppVersion=8.0&tgWebAppPlatform=web"


@asynccontextmanager
async def serve_locally(
    runner: Runner, bound: socket.socket, user_id: int, first_name: str, language: str
) -> AsyncIterator[str]:
    """Serve the running bot's workspace on a bound loopback socket; yield the admin's link."""
    services = runner.application.bot_data["services"]
    workspace = Workspace(services, runner.application.bot)
    port = int(bound.getsockname()[1])
    server = WorkspaceServer(workspace, LOOPBACK, port, bound=bound)
    await workspace.start()
    try:
        await server.start()
        try:
            token = services.settings.token()
            yield link(f"http://{LOOPBACK}:{port}", token, user_id, first_name, language)
        finally:
            await server.stop()
    finally:
        await workspace.stop()
