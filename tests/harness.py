"""Drives the real bot through the local Bot API emulator, as talents and staff would."""

from __future__ import annotations

import asyncio
import hashlib
import socket
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from bot.app import create_runner
from bot.content import Content, load_content
from bot.emulator import BotAPIEmulator, BotMessage, EmulatedUser
from bot.outreach.reminders import Clock, utc_clock
from bot.settings import DEMO_CONTROLLER, Forwarding, Settings
from bot.store import Store
from bot.transport.runner import Runner
from bot.transport.slow_clients import READ_SECONDS
from bot.transport.webhook import WebhookServer

# Generous: only a hung bot reaches it. /stats draws a chart, which on a loaded 2-core machine
# (the whole suite beside other work) has taken more than 10 seconds.
SETTLE_TIMEOUT = 60.0
# Whom the test bots pass leads on to, unless a test says otherwise.
TEST_FORWARDING = Forwarding("KOCCA, Korea Selatan", abroad=True)


# What runs in this test process's event loop now: test bots (a Harness, `webhook_server`)
# and emulators served over HTTP (conftest.served).
IN_THE_LOOP: set[object] = set()


def loop_in_use() -> bool:
    """Whether a test bot or a served emulator runs in this process now: a one-shot
    `kocca-bot` command must not block the loop then (`tests.processes.run_cli`)."""
    return bool(IN_THE_LOOP)


# Content as loaded for a folder holding exactly these files, on this day: see `content_in`.
_LOADED: dict[tuple[Path, date, str], Content] = {}


def content_in(folder: Path) -> Content:
    """load_content(folder), parsed and checked once per run for the same files on the same
    day: hundreds of test bots start on the packaged content, and Content is never changed
    in place (a reload builds a new one). A test that edits or breaks a copy changes its
    files, so its bot loads (or refuses) that content as `kocca-bot run` would."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.yaml")):
        digest.update(f"{path.name}\0{path.stat().st_size}\0".encode())
        digest.update(path.read_bytes())
    key = (folder.resolve(), date.today(), digest.hexdigest())
    if key not in _LOADED:
        _LOADED[key] = load_content(folder)
    return _LOADED[key]


def make_settings(database: Path, emulator: BotAPIEmulator, **overrides: Any) -> Settings:
    """Settings for a test bot: the emulator's token, a temporary database, no .env file."""
    values: dict[str, Any] = {
        "bot_token": SecretStr(emulator.token),
        "bot_api_url": "http://emulator.invalid/bot",
        "database_path": database,
        # Tests click far faster than people; flood control has tests of its own.
        "flood_limit": 10_000,
        # Daily backups beside the test's database, never in the working directory.
        "backup_dir": database.parent / "backups",
        # The daily digest goes by the clock: tests of other things must not get one.
        "digest_time": None,
        "controller_name": DEMO_CONTROLLER.name,
        "controller_contact": DEMO_CONTROLLER.contact,
        # Leads are passed on (the forwarding consent is asked, the Diteruskan stage works);
        # tests of a deployment that passes nothing on set forward_to=None.
        "forward_to": TEST_FORWARDING.recipient,
        "forward_abroad": TEST_FORWARDING.abroad,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


class Harness:
    """One running bot on one SQLite file, and the emulator it talks to."""

    # How long the bot waits for the Bot API's answer, in seconds (a held call past it is
    # abandoned and retried); None: until the answer comes, so a held call stays held.
    read_timeout: float | None = 2.0

    def __init__(
        self, emulator: BotAPIEmulator, database: Path, clock: Clock = utc_clock, **overrides: Any
    ) -> None:
        self.emulator = emulator
        self.database = database
        self.clock = clock  # the time reminders go by
        self.overrides = overrides
        self.settings = make_settings(database, emulator, **overrides)
        self._runner: Runner | None = None

    @property
    def runner(self) -> Runner:
        """The running bot."""
        assert self._runner is not None, "the bot is not running"
        return self._runner

    @property
    def store(self) -> Store:
        """The bot's own store (the same connection the handlers use)."""
        return self.runner.store

    async def start(self) -> Harness:
        """Start a new Application on the database file (a restart, if one ran before)."""
        self._runner = await create_runner(
            self.settings,
            content=content_in(self.settings.content_dir),
            request=self.emulator.request(read_timeout=self.read_timeout),
            updates_request=self.emulator.request(),
            poll_timeout=1,
            clock=self.clock,
        )
        IN_THE_LOOP.add(self)
        await self._runner.start()
        # What happened before the bot started (a fixture adding it to the staff group, say)
        # is handled before the test goes on: its replies must not land in the test's steps.
        if self.emulator.updates.pending:
            await self.settle(self.emulator.updates.pending[-1])
        return self

    async def stop(self) -> None:
        """Stop the bot cleanly; the database file stays."""
        if self._runner is not None:
            await self._runner.stop()
            self._runner = None
            IN_THE_LOOP.discard(self)

    async def restart(self) -> None:
        """A restart: a new Application on the same SQLite file."""
        await self.stop()
        await self.start()

    async def settle(self, update: dict[str, Any]) -> None:
        """Wait until the bot has processed this update and everything before it."""
        await asyncio.wait_for(self.runner.settle(update["update_id"]), SETTLE_TIMEOUT)

    async def caught_up(self) -> None:
        """Wait until every background sender (announcements, stage messages, reminders, staff
        notices) has finished a round begun now that found nothing left to do: what the bot
        had queued is sent and reported, so "nothing was sent" can be checked right after."""
        rounds = self.runner.application.bot_data["services"].rounds.values()
        async with asyncio.timeout(SETTLE_TIMEOUT):
            await asyncio.gather(*(worker.caught_up() for worker in rounds))

    async def act(
        self, user: EmulatedUser, action: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> list[BotMessage]:
        """Do something as a user, wait for the bot, return what it sent or edited since."""
        mark = user.mark()
        update = action(*args, **kwargs)
        await self.settle(update)
        return user.messages_since(mark)

    async def send(self, user: EmulatedUser, text: str, **kwargs: Any) -> list[BotMessage]:
        """The user types a message; returns the bot's new or edited messages."""
        return await self.act(user, user.send, text, **kwargs)

    async def press(
        self, user: EmulatedUser, button: str | None = None, **kwargs: Any
    ) -> list[BotMessage]:
        """The user presses an inline button (by label, or callback_data=...)."""
        return await self.act(user, user.press, button, **kwargs)

    def user(self, **kwargs: Any) -> EmulatedUser:
        """A new talent."""
        return self.emulator.user(**kwargs)


def every_value(database: Path) -> list[str]:
    """Every value in every table of a database file, as text (to look for personal data)."""
    with sqlite3.connect(database) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [
            str(value)
            for table in tables
            for row in db.execute(f"SELECT * FROM {table}")  # noqa: S608 - names from the schema
            for value in row
            if value is not None
        ]


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def webhook_bot(
    emulator: BotAPIEmulator,
    database: Path,
    clock: Callable[[], float] = time.monotonic,
    read_seconds: float = READ_SECONDS,
    **overrides: Any,
) -> AsyncIterator[tuple[Runner, str]]:
    """A bot in webhook mode on a free loopback port; yields it and the server's base URL.

    `clock` is the webhook server's (refusal logs, the /healthz cache); `read_seconds` the
    time a client has to send a request whole."""
    async with webhook_server(emulator, database, clock, read_seconds, **overrides) as (
        runner,
        _,
        port,
    ):
        yield runner, f"http://127.0.0.1:{port}"


@asynccontextmanager
async def webhook_server(
    emulator: BotAPIEmulator,
    database: Path,
    clock: Callable[[], float] = time.monotonic,
    read_seconds: float = READ_SECONDS,
    **overrides: Any,
) -> AsyncIterator[tuple[Runner, WebhookServer, int]]:
    """`webhook_bot`, yielding the bot, its server and the server's port."""
    port = free_port()
    settings = make_settings(
        database,
        emulator,
        webhook_url=f"http://127.0.0.1:{port}/telegram/hook",
        webhook_secret="s3cret-Value_1",
        webhook_port=port,
        **overrides,
    )
    runner = await create_runner(
        settings,
        content=content_in(settings.content_dir),
        request=emulator.request(),
        updates_request=emulator.request(),
    )
    runner.application.bot_data["services"].refusals.clock = clock  # its refusal log's too
    server = WebhookServer(runner, settings, clock, read_seconds=read_seconds)
    IN_THE_LOOP.add(runner)
    await runner.start(polling=False)
    await server.start()
    try:
        yield runner, server, port
    finally:
        await server.stop()
        await runner.stop()
        IN_THE_LOOP.discard(runner)


def shared_reads(store: Store, monkeypatch: Any) -> list[str]:
    """From now on, every query run on the store's shared reader (the one talents' replies
    read through), recorded as it goes through unchanged; `monkeypatch` undoes it."""
    queries: list[str] = []
    for name in ("fetch_all", "fetch_one", "fetch_value"):
        real = getattr(store.db, name)

        async def recorded(sql: str, params: Any = (), real: Any = real) -> Any:
            queries.append(sql)
            return await real(sql, params)

        monkeypatch.setattr(store.db, name, recorded)
    return queries
