"""AiohttpRequest fails and succeeds exactly as python-telegram-bot's HTTPXRequest does.

Every case runs twice, once through each request class, against the emulator served on
loopback or a tiny misbehaving server; the outcomes (result, or exception type and message)
must be the same. Transport failures are the one place where the message names the HTTP
library's own exception (`httpx.ConnectError: ...` / `aiohttp.ClientConnectorError: ...`):
there the exception type must match and the message must have that shape.
"""

from __future__ import annotations

import asyncio
import re
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot, InputFile
from telegram.error import TelegramError
from telegram.request import BaseRequest, HTTPXRequest

from bot.emulator import BotAPIEmulator
from bot.transport.aiohttp_request import POOL_TIMEOUT_MESSAGE, AiohttpRequest

TOKEN = "123456:TEST-TOKEN"
TRANSPORT_MESSAGE = re.compile(r"^(httpx|aiohttp)\.\w+: ")
CLIENTS: dict[str, Callable[..., BaseRequest]] = {
    "httpx": HTTPXRequest,
    "aiohttp": AiohttpRequest,
}


@dataclass
class Servers:
    """Where the cases send their requests."""

    emulator: BotAPIEmulator
    api: str  # the emulator's base_url
    raw: str  # base_url of the misbehaving server: /bot<token>/<behaviour>
    refused: str  # base_url of a port nobody listens on
    unaccepted: str  # base_url of a server whose accept queue is full
    files: str  # the emulator's base_file_url


@dataclass
class Case:
    """One call, its expected outcome, and the request options it needs."""

    name: str
    call: Callable[[Bot, Servers], Awaitable[Any]]
    expected: str  # "ok" or the exception class name
    options: dict[str, Any] = field(default_factory=dict)
    base: str = "api"  # which server the bot talks to
    transport_failure: bool = False  # the message names the HTTP library's exception


async def _sent_text(bot: Bot, servers: Servers) -> Any:
    talent = servers.emulator.user(first_name="Sari")
    talent.send("/start")
    message = await bot.send_message(talent.id, "Halo <b>Sari</b> &amp; tim 🎶", parse_mode="HTML")
    return message.text, message.chat.id == talent.id


async def _uploaded(bot: Bot, servers: Servers) -> Any:
    talent = servers.emulator.user(first_name="Budi")
    talent.send("/start")
    content = bytes(range(256)) * 1024  # 256 KiB: written in several timed chunks
    message = await bot.send_document(
        talent.id,
        InputFile(content, filename='Daftar "leads" Jawa Barat é.csv'),
        caption="Ekspor <i>leads</i>",
        parse_mode="HTML",
    )
    assert message.document is not None
    file = await bot.get_file(message.document.file_id)
    stored = bytes(await file.download_as_bytearray())
    return message.document.file_name, message.caption, stored == content


async def _downloaded(bot: Bot, servers: Servers) -> Any:
    talent = servers.emulator.user(first_name="Dewi")
    update = talent.send_document("cv.pdf", b"%PDF-1.4 cv", "application/pdf")
    file = await bot.get_file(update["message"]["document"]["file_id"])
    return bytes(await file.download_as_bytearray())


async def _blocked(bot: Bot, servers: Servers) -> Any:
    talent = servers.emulator.user(first_name="Rina")
    talent.send("/start")
    talent.block()
    return await bot.send_message(talent.id, "Halo")


async def _pool_exhausted(bot: Bot, servers: Servers) -> Any:
    held = servers.emulator.hold("getMe")
    first = asyncio.create_task(bot.get_me())
    await asyncio.wait_for(held.arrived.wait(), 30)  # the first call holds the only connection
    try:
        return await bot.get_me(pool_timeout=0.1)
    finally:
        held.release()
        await first


def _calls() -> list[Case]:
    def get_me(bot: Bot, servers: Servers) -> Awaitable[Any]:
        return bot.get_me()

    def failing(method: str, **fault: Any) -> Callable[[Bot, Servers], Awaitable[Any]]:
        async def call(bot: Bot, servers: Servers) -> Any:
            servers.emulator.fail_next(method, **fault)
            return (await bot.get_me()).username

        return call

    def delayed(seconds: float) -> Callable[[Bot, Servers], Awaitable[Any]]:
        async def call(bot: Bot, servers: Servers) -> Any:
            servers.emulator.delay("getMe", seconds, times=1)
            return await bot.get_me(read_timeout=0.2)

        return call

    async def unknown_chat(bot: Bot, servers: Servers) -> Any:
        return await bot.send_message(987654321, "Halo")

    async def raw(bot: Bot, servers: Servers) -> Any:
        return await bot.get_me(read_timeout=0.2)

    async def named(bot: Bot, servers: Servers) -> Any:
        return (await bot.get_me(read_timeout=0.2)).first_name

    async def upload_unread(bot: Bot, servers: Servers) -> Any:
        big = InputFile(b"\0" * (32 * 1024 * 1024), filename="big.bin")
        return await bot.send_document(1001, big, write_timeout=0.2, read_timeout=None)

    return [
        Case("getMe", lambda bot, servers: _me(bot), "ok"),
        Case("sendMessage with HTML", _sent_text, "ok"),
        Case("sendDocument, multipart with a quoted non-ASCII name", _uploaded, "ok"),
        Case("file download", _downloaded, "ok"),
        Case("400 chat not found", unknown_chat, "BadRequest"),
        Case("403 blocked", _blocked, "Forbidden"),
        Case("429 flood wait", failing("getMe", status=429, retry_after=3), "RetryAfter"),
        Case("409 conflict", failing("getMe", status=409, description="Conflict: x"), "Conflict"),
        Case("500 from Telegram", failing("getMe", status=500), "NetworkError"),
        Case(
            "502 from Telegram",
            failing("getMe", status=502, description="Bad Gateway"),
            "NetworkError",
        ),
        Case("read timeout", delayed(1.0), "TimedOut"),
        Case("pool timeout", _pool_exhausted, "TimedOut", {"connection_pool_size": 1}),
        Case("401 wrong token", get_me, "InvalidToken", base="wrong_token"),
        Case("502 with an HTML body", raw, "NetworkError", base="raw:bad_gateway"),
        Case("200 with malformed JSON", raw, "TelegramError", base="raw:malformed"),
        Case("200 with invalid UTF-8", named, "ok", base="raw:invalid_utf8"),
        Case("server never answers", raw, "TimedOut", base="raw:silent"),
        Case("headers, then the body stalls", raw, "TimedOut", base="raw:stalled_body"),
        Case(
            "connection closed without an answer",
            raw,
            "NetworkError",
            base="raw:hang_up",
            transport_failure=True,
        ),
        Case("connection refused", raw, "NetworkError", base="refused", transport_failure=True),
        Case("connect timeout", raw, "TimedOut", {"connect_timeout": 0.2}, base="unaccepted"),
        Case(
            "write timeout: the server reads nothing", upload_unread, "TimedOut", base="raw:unread"
        ),
    ]


async def _me(bot: Bot) -> Any:
    me = await bot.get_me()
    return me.id, me.username, me.is_bot


CASES = _calls()


@pytest.fixture
async def servers() -> AsyncIterator[Servers]:
    """The emulator on loopback, a misbehaving server, a dead port and a full accept queue."""
    emulator = BotAPIEmulator(token=TOKEN)
    api = await emulator.serve()
    raw_runner, raw_url = await _misbehaving_server()
    refused = socket.socket()
    refused.bind(("127.0.0.1", 0))
    refused_port = refused.getsockname()[1]
    refused.close()  # nothing listens there now
    unaccepted = socket.socket()
    unaccepted.bind(("127.0.0.1", 0))
    unaccepted.listen(0)
    filler = socket.create_connection(unaccepted.getsockname())  # fills the accept queue
    try:
        yield Servers(
            emulator,
            api,
            raw_url,
            f"http://127.0.0.1:{refused_port}/bot",
            f"http://127.0.0.1:{unaccepted.getsockname()[1]}/bot",
            emulator.base_file_url,
        )
    finally:
        filler.close()
        unaccepted.close()
        await raw_runner.cleanup()
        await emulator.aclose()


async def _misbehaving_server() -> tuple[web.AppRunner, str]:
    """Answers /bot<token>/<anything> the way the token part names: bot<behaviour>."""

    async def answer(request: web.Request) -> web.StreamResponse:
        behaviour = request.match_info["behaviour"].split(":")[0]
        if behaviour == "bad_gateway":
            html = "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"
            return web.Response(status=502, text=html, content_type="text/html")
        if behaviour == "malformed":
            return web.Response(
                status=200, text='{"ok": true, "result": ', content_type="text/html"
            )
        if behaviour == "invalid_utf8":
            me = b'{"id":1,"is_bot":true,"first_name":"Bot \xff","username":"x_bot"}'
            return web.Response(status=200, body=b'{"ok":true,"result":' + me + b"}")
        if behaviour == "hang_up":
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=200)
        if behaviour == "stalled_body":
            response = web.StreamResponse(status=200, headers={"Content-Length": "100"})
            await response.prepare(request)
            await response.write(b'{"ok": true, ')
        await asyncio.sleep(3600)  # silent, unread: never answer
        raise AssertionError("unreachable")

    app = web.Application()
    app.router.add_route("*", "/bot{behaviour}/{method}", answer)
    runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    return runner, f"http://{host}:{port}/bot"


async def _outcome(case: Case, client: str, servers: Servers) -> tuple[str, Any]:
    """("ok", result) or (exception class, message) for one case through one client."""
    token, base = TOKEN, servers.api
    if case.base == "wrong_token":
        token = "123456:WRONG-TOKEN"
    elif case.base.startswith("raw:"):
        token, base = case.base.removeprefix("raw:") + ":x", servers.raw
    elif case.base in ("refused", "unaccepted"):
        base = getattr(servers, case.base)
    request = CLIENTS[client](**case.options)
    bot = Bot(token, base_url=base, base_file_url=servers.files, request=request)
    await request.initialize()
    try:
        async with asyncio.timeout(10):  # a timeout that does not fire fails the test here
            return "ok", await case.call(bot, servers)
    except TelegramError as error:
        return type(error).__name__, str(error)
    finally:
        await request.shutdown()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
async def test_same_outcome_as_httpx(case: Case, servers: Servers) -> None:
    httpx_outcome = await _outcome(case, "httpx", servers)
    aiohttp_outcome = await _outcome(case, "aiohttp", servers)
    assert httpx_outcome[0] == case.expected, httpx_outcome
    if case.name == "pool timeout":
        assert httpx_outcome[1] == POOL_TIMEOUT_MESSAGE
    if case.transport_failure:
        assert aiohttp_outcome[0] == httpx_outcome[0], aiohttp_outcome
        assert TRANSPORT_MESSAGE.match(httpx_outcome[1]), httpx_outcome
        assert aiohttp_outcome[1].startswith("aiohttp."), aiohttp_outcome
    else:
        assert aiohttp_outcome == httpx_outcome


async def test_not_initialised_or_shut_down_is_refused() -> None:
    request = AiohttpRequest()
    with pytest.raises(RuntimeError, match="not initialized"):
        await request.do_request("http://127.0.0.1:9/botx/getMe", "POST")
    await request.initialize()
    await request.shutdown()
    with pytest.raises(RuntimeError, match="not initialized"):
        await request.do_request("http://127.0.0.1:9/botx/getMe", "POST")
