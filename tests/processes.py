"""`kocca-bot run` as a real process against the emulator over HTTP: start, kill -9, restart.

Every process a test starts goes through `spawn`, and none outlives its test: conftest.py
kills what is still running when the test ends, passed or failed (`end_all`).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import sys
from pathlib import Path
from typing import Any

from bot.emulator import BotAPIEmulator
from bot.settings import DEMO_CONTROLLER
from tests.harness import TEST_FORWARDING

START_TIMEOUT = 30.0
Process = asyncio.subprocess.Process

# Processes started by the running test and not known to have ended.
_running: set[Process] = set()


async def spawn(folder: Path, env: dict[str, str], *args: str, **streams: Any) -> Process:
    """`python -m bot ARGS` started in `folder` (`streams`: stdin, stdout, stderr), recorded so
    that it is ended with the test whatever happens."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=folder, env=env, **streams
    )
    _running.add(process)
    return process


async def end_all() -> list[int]:
    """Kill every process started by the test that still runs, and reap it; their pids."""
    ended = []
    while _running:
        process = _running.pop()
        if process.returncode is not None:
            continue
        with contextlib.suppress(ProcessLookupError):
            process.kill()
            ended.append(process.pid)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(process.wait(), START_TIMEOUT)
    return ended


def clean_env(folder: Path, **values: str) -> dict[str, str]:
    """The environment of a bot process: nothing from the developer's shell but the basics."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "VIRTUAL_ENV", "PTB_TIMEDELTA")
    env = {key: value for key, value in os.environ.items() if key in keep}
    env["DATABASE_PATH"] = str(folder / "bot.db")
    env["CONTROLLER_NAME"] = DEMO_CONTROLLER.name  # `run` refuses to start without them
    env["CONTROLLER_CONTACT"] = DEMO_CONTROLLER.contact
    env["FORWARD_TO"] = TEST_FORWARDING.recipient  # as the in-process test bots
    env["FORWARD_ABROAD"] = str(TEST_FORWARDING.abroad).lower()
    env.update(values)
    return env


class BotProcess:
    """One `python -m bot run` process talking to an emulator served on loopback."""

    def __init__(self, emulator: BotAPIEmulator, url: str, folder: Path, **env: str) -> None:
        self.emulator = emulator
        self.database = folder / "bot.db"
        self.env = clean_env(folder, BOT_TOKEN=emulator.token, BOT_API_URL=url, **env)
        self.folder = folder
        self.process: Process | None = None
        self.stderr = b""

    async def start(self) -> None:
        """Start the process and wait until it is about to poll for updates."""
        # Calls are recorded when answered, and a long poll is answered late: deleteWebhook,
        # made just before polling starts, is the sign the bot is ready.
        polls_before = len(self.emulator.calls_to("deleteWebhook"))
        self.process = await spawn(
            self.folder,
            self.env,
            "run",
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        await self.emulator.wait_until(
            lambda: len(self.emulator.calls_to("deleteWebhook")) > polls_before,
            START_TIMEOUT,
            "the bot process to poll",
        )

    async def kill(self) -> None:
        """kill -9: no shutdown, no cleanup, as in a power cut or an out-of-memory kill."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self._collect()

    def hang_up(self) -> None:
        """SIGHUP: the bot reloads content/."""
        assert self.process is not None
        self.process.send_signal(signal.SIGHUP)

    async def stop(self) -> int:
        """SIGTERM and wait; returns the exit status."""
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        return await self._collect()

    async def _collect(self) -> int:
        assert self.process is not None
        assert self.process.stderr is not None
        self.stderr += await asyncio.wait_for(self.process.stderr.read(), START_TIMEOUT)
        code = await asyncio.wait_for(self.process.wait(), START_TIMEOUT)
        self.process = None
        return code

    async def cli(self, *args: str) -> tuple[int, str, str]:
        """Run `kocca-bot ARGS` with this bot's settings; exit status, stdout, stderr."""
        return await run_cli(self.folder, self.env, *args)

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Read the bot's database from outside, as `kocca-bot export` would (WAL allows it)."""
        if not self.database.exists():
            return []
        with sqlite3.connect(self.database, timeout=10) as db:
            try:
                return db.execute(sql, params).fetchall()
            except sqlite3.OperationalError:
                return []  # tables not created yet

    async def wait_done(self, update_id: int) -> None:
        """Wait until the bot has processed one update (as stored in its inbox)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + START_TIMEOUT
        while loop.time() < deadline:  # another process's database: nothing to await but time
            rows = self.query("SELECT status FROM update_inbox WHERE update_id = ?", (update_id,))
            if rows and rows[0][0] == "done":
                return
            await asyncio.sleep(0.02)
        raise TimeoutError(f"update {update_id} was not processed; stderr:\n{self.stderr.decode()}")


async def start_cli(folder: Path, env: dict[str, str], *args: str) -> Process:
    """`python -m bot ARGS` started in `folder`, its standard streams piped."""
    pipe = asyncio.subprocess.PIPE
    return await spawn(folder, env, *args, stdin=pipe, stdout=pipe, stderr=pipe)


async def run_cli(
    folder: Path, env: dict[str, str], *args: str, stdin: bytes = b""
) -> tuple[int, str, str]:
    """`python -m bot ARGS` in `folder`, `stdin` typed in; its exit status, stdout and stderr."""
    process = await start_cli(folder, env, *args)
    try:
        out, err = await asyncio.wait_for(process.communicate(stdin), START_TIMEOUT * 2)
    finally:
        if process.returncode is None:  # timed out: it must not outlive the test
            process.kill()
            await process.wait()
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()
