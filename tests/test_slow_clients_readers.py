"""Clients that send requests and never read the answers cannot hold the connection cap (an
attacker's review s59, M1: 8 such connections under a cap of 8 made every new one, Telegram's
deliveries included, get 503 for as long as they stayed).

The cap and, where it is waited for, the time given to take an answer are lowered; the tests
wait for what the server does, never for a length of time (SAFETY only ends a hung test)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.emulator import BotAPIEmulator
from bot.transport.slow_clients import ConnectionCap
from bot.web.server import Workspace, WorkspaceServer
from tests.harness import Harness, free_port, webhook_server
from tests.test_connection_cap import Connection, answer, until

CAP = 3
BOUND = 0.2  # seconds to send a request's body and to take its answer, where lowered
PIPELINED = 200  # requests sent on each connection before reading any answer


async def slow_reader(port: int, path: str) -> Connection:
    """A connection that sends many GETs of `path` at once and never reads an answer."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)  # a small window, as attackers
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", port))
    reader, writer = await asyncio.open_connection(sock=sock, limit=16)  # stops reading at once
    writer.write(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode() * PIPELINED)
    return reader, writer


@asynccontextmanager
async def workspace_cap(bot: Harness, **options: Any) -> AsyncIterator[tuple[ConnectionCap, int]]:
    """The workspace on a server of its own with these options: its connections and port."""
    services = bot.runner.application.bot_data["services"]
    workspace = Workspace(services, bot.runner.application.bot)
    port = free_port()
    server = WorkspaceServer(workspace, "127.0.0.1", port, max_connections=CAP, **options)
    await workspace.start()
    await server.start()
    try:
        cap = server.connections
        assert isinstance(cap, ConnectionCap)
        yield cap, port
    finally:
        await server.stop()
        await workspace.stop()


async def held_up_then_served(port: int, cap: ConnectionCap, path: str, probe: str) -> None:
    readers = [await slow_reader(port, path) for _ in range(CAP)]
    await until(lambda: cap.open == CAP and cap.stalled == CAP)  # every one held up
    # A new connection is still served: the oldest one held up makes room.
    assert (await answer(port, probe)).startswith(b"HTTP/1.1 200")
    assert cap.pushed_out == 1 and cap.refused == 0
    for _, writer in readers:
        writer.close()


async def test_pipelining_clients_that_never_read_do_not_shut_out_telegram(
    emulator: BotAPIEmulator, database: Path
) -> None:
    async with webhook_server(emulator, database, max_connections=CAP) as (
        _,
        server,
        port,
    ):
        cap = server.connections
        assert isinstance(cap, ConnectionCap)
        await held_up_then_served(port, cap, "/healthz", "/healthz")


async def test_clients_that_never_read_do_not_shut_out_the_workspace(bot: Harness) -> None:
    async with workspace_cap(bot) as (cap, port):
        await held_up_then_served(port, cap, "/staff/app.css", "/staff/")


async def test_an_answer_not_read_in_time_closes_its_connection(bot: Harness) -> None:
    async with workspace_cap(bot, read_seconds=BOUND) as (cap, port):
        readers = [await slow_reader(port, "/staff/app.css") for _ in range(CAP)]
        await until(lambda: cap.stalled == CAP)
        # Nobody else comes: the server itself closes them once their answer is overdue,
        # their descriptors freed, and the next visitor finds the cap empty.
        await until(lambda: cap.open == 0)
        assert cap.pushed_out == 0 and cap.refused == 0
        assert (await answer(port, "/staff/")).startswith(b"HTTP/1.1 200")
        for _, writer in readers:
            writer.close()
