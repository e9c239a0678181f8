"""Clients that send half a request are cut off (an attacker's review, s58 L1: 200 connections
sending a header byte every 10 s all stayed open; more ran the bot out of file descriptors).

Each server here is given a bound of a fraction of a second; the tests wait for the server to
close the connection, never for a length of time (SAFETY only ends a test that would hang)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.emulator import BotAPIEmulator
from bot.web.server import Workspace, WorkspaceServer
from tests.conftest import ADMIN_ID
from tests.harness import Harness, free_port, webhook_bot
from tests.workspace import init_data

BOUND = 0.2  # seconds given to send a request whole
SAFETY = 30.0  # a test whose connection is never closed fails after this instead of hanging
SECRET = "s3cret-Value_1"  # as tests.harness.webhook_bot sets it
HOOK = "/telegram/hook"
UPDATE = (
    b'{"update_id": 5, "message": {"message_id": 1, "date": 0, "text": "halo",'
    b' "chat": {"id": 7, "type": "private"}, "from": {"id": 7, "is_bot": false,'
    b' "first_name": "Sari"}}}'
)


async def sent(port: int, request: bytes) -> bytes:
    """Send these bytes (a request, or only its start) and nothing more; all the server
    answers before it closes the connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request)
        await writer.drain()
        return await asyncio.wait_for(reader.read(), SAFETY)  # up to the server's close
    finally:
        writer.close()


def head(path: str, length: int, *headers: str) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {length}", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def test_the_webhook_server_closes_a_request_sent_by_halves(
    emulator: BotAPIEmulator, database: Path
) -> None:
    async with webhook_bot(emulator, database, read_seconds=BOUND) as (_, base):
        port = int(base.rsplit(":", 1)[1])
        # Headers that never end: closed without an answer.
        assert await sent(port, b"POST /staff/api/session HTTP/1.1\r\nHost: x\r\nX-a: ") == b""
        # An update whose body stops halfway: 408, closed, nothing stored.
        secret = f"X-Telegram-Bot-Api-Secret-Token: {SECRET}"
        answer = await sent(port, head(HOOK, len(UPDATE), secret) + UPDATE[:40])
        assert answer.startswith(b"HTTP/1.1 408")
        # Sent whole, an update is taken as before.
        answer = await sent(port, head(HOOK, len(UPDATE), secret, "Connection: close") + UPDATE)
        assert answer.startswith(b"HTTP/1.1 200")


async def test_the_workspace_server_closes_a_request_sent_by_halves(bot: Harness) -> None:
    services = bot.runner.application.bot_data["services"]
    workspace = Workspace(services, bot.runner.application.bot)
    port = free_port()
    server = WorkspaceServer(workspace, "127.0.0.1", port, read_seconds=BOUND)
    await workspace.start()
    await server.start()
    try:
        assert await sent(port, b"POST /staff/api/session HTTP/1.1\r\nHost: x\r\nX-a: ") == b""
        signed = f"Authorization: tma {init_data(bot.settings.token(), ADMIN_ID)}"
        body = b'{"anything": "more"}'
        answer = await sent(port, head("/staff/api/session", len(body), signed) + body[:5])
        assert answer.startswith(b"HTTP/1.1 408")
        # Whole, the same request is answered.
        whole = head("/staff/api/session", 2, signed, "Connection: close") + b"{}"
        assert (await sent(port, whole)).startswith(b"HTTP/1.1 200")
    finally:
        await server.stop()
        await workspace.stop()
