"""Each of the bot's HTTP servers keeps to MAX_CONNECTIONS open at once (an attacker's review
s59, L1: 600 connections sending half a header, reopened as soon as they were cut, kept a
process with 512 file descriptors out of them, and /healthz failed 48 times in 49).

The cap is lowered here to a handful; the tests wait for what the server does, never for a
length of time (SAFETY only ends a test that would hang)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from pathlib import Path

from bot.emulator import BotAPIEmulator
from bot.transport.slow_clients import ConnectionCap
from bot.web.server import Workspace, WorkspaceServer
from tests.conftest import ADMIN_ID
from tests.harness import Harness, free_port, webhook_server
from tests.workspace import init_data

SAFETY = 30.0
CAP = 5
HALF_HEADER = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-a: "  # never finished
Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


async def until(condition: Callable[[], bool]) -> None:
    """Wait for what the server does next in this event loop."""
    async with asyncio.timeout(SAFETY):
        while not condition():  # noqa: ASYNC110 - nothing announces a connection's state
            await asyncio.sleep(0.01)


def _open_is(cap: ConnectionCap, count: int) -> bool:
    return cap.open == count


async def opened(port: int, start: bytes) -> Connection:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(start)
    await writer.drain()
    return reader, writer


async def answer(port: int, path: str, *headers: str) -> bytes:
    """A whole GET on a new connection: the server's answer, up to its close."""
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", *headers]
    reader, writer = await opened(port, ("\r\n".join(lines) + "\r\n\r\n").encode())
    try:
        return await asyncio.wait_for(reader.read(), SAFETY)
    finally:
        writer.close()


async def test_half_sent_connections_over_the_cap_make_room_and_healthz_answers(
    emulator: BotAPIEmulator, database: Path
) -> None:
    async with webhook_server(emulator, database, max_connections=CAP) as (
        _,
        server,
        port,
    ):
        cap = server.connections
        assert isinstance(cap, ConnectionCap)
        flood = []
        for number in range(1, 4 * CAP + 1):  # a flood of half-sent requests, one by one
            flood.append(await opened(port, HALF_HEADER))
            await until(partial(_open_is, cap, min(number, CAP)))
        assert cap.open == CAP  # never more open at once, however many come
        # A real request still gets in: the oldest half-sent one makes room for it.
        assert (await answer(port, "/healthz")).startswith(b"HTTP/1.1 200")
        # The oldest were closed by the server, without an answer; the newest are still open.
        pushed_out = flood[: len(flood) - (CAP - 1)]
        for reader, _ in pushed_out:
            assert await asyncio.wait_for(reader.read(), SAFETY) == b""
        await until(lambda: cap.open == CAP - 1)
        assert cap.pushed_out == len(pushed_out) and cap.refused == 0
        for _, writer in flood:
            writer.close()


async def test_when_every_connection_is_busy_a_new_one_gets_503_until_one_ends(
    bot: Harness,
) -> None:
    services = bot.runner.application.bot_data["services"]
    workspace = Workspace(services, bot.runner.application.bot)
    port = free_port()
    server = WorkspaceServer(workspace, "127.0.0.1", port, max_connections=2)
    await workspace.start()
    await server.start()
    cap = server.connections
    assert isinstance(cap, ConnectionCap)
    signed = f"Authorization: tma {init_data(bot.settings.token(), ADMIN_ID)}"
    head = f"POST /staff/api/session HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n{signed}\r\n\r\n"
    try:
        # Two requests whose bodies are still coming: both connections handle a request.
        busy = [await opened(port, head.encode() + b"{") for _ in range(2)]
        await until(lambda: cap.busy == 2)
        refused = await answer(port, "/staff/")
        assert refused.startswith(b"HTTP/1.1 503")  # answered and closed, nothing read
        assert cap.open == 2 and cap.refused == 1 and cap.pushed_out == 0
        # One ends: a new connection is served again.
        busy[0][1].close()
        await until(lambda: cap.open == 1)
        assert (await answer(port, "/staff/")).startswith(b"HTTP/1.1 200")
        busy[1][1].close()
    finally:
        await server.stop()
        await workspace.stop()
