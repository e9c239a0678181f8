"""The webhook under attack: odd secrets, absurd JSON and floods of bad requests.

Each gets a short answer (403 or 400) and at most a short log line; nothing is stored.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from bot.app import create_runner
from bot.emulator import BotAPIEmulator
from bot.logs import redact
from bot.ops.status import HEALTH_ANSWERS_PER_SECOND, HEALTH_PATH, HealthCheck
from bot.store import Store
from bot.transport.runner import Runner
from bot.transport.webhook import WebhookServer
from tests.harness import content_in, make_settings
from tests.subscribers import wait_until

SECRET = "s3cret-Value_1"
PATH = "/telegram/hook"


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Hook:
    """The bot in webhook mode, its listening port and its clock."""

    runner: Runner
    port: int
    clock: FakeClock

    async def post(
        self, body: bytes, secret: bytes = SECRET.encode(), source: str = "127.0.0.1"
    ) -> int:
        """POST raw bytes with a raw secret header (any bytes) from a loopback address;
        return the HTTP status."""
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", self.port, local_addr=(source, 0)
        )
        head = (
            f"POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n"
        ).encode()
        writer.write(head + b"X-Telegram-Bot-Api-Secret-Token: " + secret + b"\r\n\r\n" + body)
        await writer.drain()
        status_line = await reader.readline()
        writer.close()
        await writer.wait_closed()
        return int(status_line.split()[1])

    async def raw(self, request: bytes, source: str = "127.0.0.1") -> int:
        """Send raw bytes as a request from a loopback address; return the HTTP status."""
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", self.port, local_addr=(source, 0)
        )
        writer.write(request)
        await writer.drain()
        status_line = await reader.readline()
        writer.close()
        await writer.wait_closed()
        return int(status_line.split()[1])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def hook(emulator: BotAPIEmulator, database: Path) -> AsyncIterator[Hook]:
    """A bot in webhook mode on a free loopback port."""
    port = _free_port()
    settings = make_settings(
        database,
        emulator,
        webhook_url=f"http://127.0.0.1:{port}{PATH}",
        webhook_secret=SECRET,
        webhook_port=port,
    )
    runner = await create_runner(
        settings,
        content=content_in(settings.content_dir),
        request=emulator.request(),
        updates_request=emulator.request(),
    )
    clock = FakeClock()
    runner.application.bot_data["services"].refusals.clock = clock  # the refusal log's too
    server = WebhookServer(runner, settings, clock=clock)
    await runner.start(polling=False)
    await server.start()
    try:
        yield Hook(runner, port, clock)
    finally:
        await server.stop()
        await runner.stop()


def webhook_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """What the webhook and the layers under it logged."""
    return [record for record in caplog.records if record.name.startswith(("bot", "aiohttp"))]


async def stored_updates(runner: Runner) -> int:
    """How many updates the inbox holds."""
    return int(await runner.store.db.fetch_value("SELECT COUNT(*) FROM update_inbox"))


UPDATE = b'{"update_id": 5, "message": {"message_id": 1, "date": 0, "text": "x",' + (
    b' "chat": {"id": 7, "type": "private"}, "from": {"id": 7, "is_bot": false,'
    b' "first_name": "Sari"}}}'
)


@pytest.mark.parametrize(
    "secret",
    ["s3cret-Valué_1".encode(), "s3cret-Valué_1".encode("latin-1"), b"\xff\xfe\x80", b""],
    ids=["utf-8", "latin-1", "binary", "empty"],
)
async def test_a_secret_header_with_odd_bytes_is_refused_with_one_short_line(
    hook: Hook, caplog: pytest.LogCaptureFixture, secret: bytes
) -> None:
    caplog.set_level(logging.DEBUG)
    assert await hook.post(UPDATE, secret) == 403
    lines = webhook_lines(caplog)
    assert [record.levelno for record in lines] == [logging.WARNING]
    assert lines[0].exc_info is None and "\n" not in lines[0].getMessage()
    assert await stored_updates(hook.runner) == 0


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        b"not json",
        b"[1, 2]",
        b'{"message": "no update_id"}',
        b'{"update_id": 1, "x": "\xff\xfe"}',
    ],
    ids=["arrays-100000-deep", "objects-100000-deep", "not-json", "a-list", "no-id", "bad-utf8"],
)
async def test_a_body_that_is_not_an_update_gets_400_and_one_short_line(
    hook: Hook, caplog: pytest.LogCaptureFixture, body: bytes
) -> None:
    caplog.set_level(logging.DEBUG)
    assert await hook.post(body) == 400
    lines = webhook_lines(caplog)
    assert len(lines) == 1 and lines[0].levelno == logging.WARNING
    assert lines[0].exc_info is None and len(lines[0].getMessage()) < 200
    assert await stored_updates(hook.runner) == 0
    assert await hook.post(UPDATE) == 200  # and the next real update is taken as usual
    assert await stored_updates(hook.runner) == 1


async def test_bad_secrets_are_logged_at_most_once_a_minute_with_a_count(
    hook: Hook, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for _ in range(30):
        assert await hook.post(UPDATE, b"wrong") == 403
    assert len(webhook_lines(caplog)) == 1
    hook.clock.now += 59
    assert await hook.post(UPDATE, b"wrong") == 403
    assert len(webhook_lines(caplog)) == 1
    hook.clock.now += 2
    assert await hook.post(UPDATE, b"") == 403
    first, second = webhook_lines(caplog)
    assert "1 webhook request" in first.getMessage()
    assert "31 webhook requests" in second.getMessage()  # every refusal since the first line
    assert await stored_updates(hook.runner) == 0


async def test_a_webhook_refusal_line_names_where_they_came_from_and_the_last_is_written(
    hook: Hook, caplog: pytest.LogCaptureFixture
) -> None:
    """As the chat's refusal lines (the attack review s61, L1): a line named one address as
    "the latest" (a decoy's knock at the start of each minute hid the attacker's ten), and the
    last minute's knocks were never written when no knock came after them."""
    decoy, attacker = "127.0.0.2", "127.0.0.3"
    jobs = hook.runner.application.job_queue
    assert jobs is not None
    (job,) = jobs.get_jobs_by_name("refusals")
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            assert await hook.post(UPDATE, b"wrong", source=decoy) == 403
            for _ in range(10):
                assert await hook.post(UPDATE, b"wrong", source=attacker) == 403
            hook.clock.now += 30
            await job.run(hook.runner.application)  # the minute is not over: nothing yet
            hook.clock.now += 31
        for number in range(4):  # and the malformed requests' line, as the webhook's
            assert await hook.raw(MALFORMED[number % len(MALFORMED)], source=attacker) == 400
        hook.clock.now += 61
        await job.run(hook.runner.application)  # nothing comes after: the job writes them
        await job.run(hook.runner.application)  # once only
    line = "Refused {} without the right secret (403) since the last report, from {}"
    malformed = "Refused {} (400) since the last report, from address {} x{}"
    both = f"addresses {attacker} x10, {decoy} x1"  # who knocked most first
    assert [record.getMessage() for record in webhook_lines(caplog)] == [
        line.format("1 webhook request", f"address {decoy} x1"),
        *[line.format("11 webhook requests", both)] * 2,
        malformed.format("1 malformed HTTP request", attacker, 1),
        line.format("10 webhook requests", f"address {attacker} x10"),
        malformed.format("3 malformed HTTP requests", attacker, 3),
    ]
    assert await stored_updates(hook.runner) == 0
    # As the log writes them (the phone mask took "127.0.0.3 (10)" for a number).
    assert all(redact(line.getMessage()) == line.getMessage() for line in webhook_lines(caplog))


async def test_an_update_nested_as_deep_as_json_allows_is_stored_and_skipped(
    hook: Hook, caplog: pytest.LogCaptureFixture
) -> None:
    deep = b'{"update_id": 9, "message": ' + b'{"a":' * 900 + b"1" + b"}" * 901
    assert await hook.post(deep) == 200
    await hook.runner.wait_idle()
    assert await hook.runner.store.inbox.status(9) == "unparseable"
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


MALFORMED = [
    b"POST /telegram/hook HTTP/1.1\r\nHost: x\r\nContent-Length: nonsense\r\n\r\n",
    b"GET /healthz HTTP/1.1\r\nHost x\r\n\r\n",
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
]


async def test_malformed_http_requests_are_logged_in_one_line_at_most_once_a_minute(
    hook: Hook, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for number in range(30):
        assert await hook.raw(MALFORMED[number % len(MALFORMED)]) == 400
    [line] = webhook_lines(caplog)
    assert line.levelno == logging.WARNING
    assert line.exc_info is None and "\n" not in line.getMessage()
    assert "1 malformed HTTP request " in line.getMessage()
    hook.clock.now += 61
    assert await hook.raw(MALFORMED[0]) == 400
    [_, second] = webhook_lines(caplog)
    assert "30 malformed HTTP requests" in second.getMessage()  # every one since the first
    assert second.exc_info is None
    assert await stored_updates(hook.runner) == 0
    assert await hook.post(UPDATE) == 200  # the server still takes real updates


HUNG_UP = 300


async def test_healthz_requests_of_clients_that_hung_up_take_no_turn(database: Path) -> None:
    """A thousand monitors that gave up must not make the next one wait their turns."""
    store = await Store.open(database)
    clock = FakeClock()
    paced: list[float] = []  # each wait for a turn, in seconds
    pacing, gate = asyncio.Event(), asyncio.Event()

    async def sleep(seconds: float) -> None:
        paced.append(seconds)
        pacing.set()
        await gate.wait()
        clock.now += seconds

    check = HealthCheck(store, clock, sleep=sleep)
    requests: list[web.Request] = []

    async def endpoint(request: web.Request) -> web.StreamResponse:
        requests.append(request)
        return await check.respond(request)  # type: ignore[no-any-return]

    app = web.Application()
    app.router.add_get(HEALTH_PATH, endpoint)
    server = web.AppRunner(app, access_log=None)
    await server.setup()
    port = _free_port()
    await web.TCPSite(server, "127.0.0.1", port).start()
    try:
        async with aiohttp.ClientSession() as session:

            async def get() -> int:
                async with session.get(f"http://127.0.0.1:{port}{HEALTH_PATH}") as response:
                    await response.read()
                    return response.status

            assert await get() == 200  # the first takes its turn at once
            second = asyncio.create_task(get())
            await pacing.wait()  # the second waits for its turn, holding the others up
            for _ in range(HUNG_UP):
                _, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                await writer.drain()
                writer.close()
                await writer.wait_closed()

            async def all_hung_up() -> bool:
                hung_up = [request.transport is None for request in requests[2:]]
                return check.waiting == HUNG_UP + 1 and len(hung_up) == HUNG_UP and all(hung_up)

            await wait_until(all_hung_up)
            monitor = asyncio.create_task(get())

            async def queued() -> bool:
                return check.waiting == HUNG_UP + 2

            await wait_until(queued)
            gate.set()
            assert await monitor == 200 and await second == 200
        # The second's turn and the monitor's: none for the clients that had gone.
        assert paced == pytest.approx([1 / HEALTH_ANSWERS_PER_SECOND] * 2)
    finally:
        await server.cleanup()
        await store.close()
