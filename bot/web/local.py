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


def loopback_port(preferred: int) -> int:
    """WEB_PORT if nothing listens on it on loopback, else a free port."""
    for port in (preferred, 0):
        with socket.socket() as probe:
            try:
                probe.bind((LOOPBACK, port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise OSError("no free port on loopback")


def link(base_url: str, token: str, user_id: int, first_name: str, language: str) -> str:
    """The workspace's page with init data in the fragment (never sent to the server)."""
    fields = auth.user_fields(user_id, first_name, language, int(time.time()))
    data = quote(auth.sign(fields, token), safe="")
    return f"{base_url}{PREFIX}/#tgWebAppData={data}&tgWebAppVersion=8.0&tgWebAppPlatform=web"


@asynccontextmanager
async def serve_locally(
    runner: Runner, port: int, user_id: int, first_name: str, language: str
) -> AsyncIterator[str]:
    """Serve the running bot's workspace on loopback; yield the admin's link."""
    services = runner.application.bot_data["services"]
    workspace = Workspace(services, runner.application.bot)
    server = WorkspaceServer(workspace, LOOPBACK, port)
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
