"""`kocca-bot run` as a real process against the emulator over HTTP: start, kill -9, restart.

Every process a test starts goes through `spawn`, and none outlives its test: conftest.py
kills what is still running when the test ends, passed or failed (`end_all`).

A one-shot command (`kocca-bot status`, `backup`, `restore`, `export`…) runs as its own
process when a bot runs in the test's event loop (`run_cli` sees to it). Where none does, it
runs in the test's own process (`call_cli`, or `call_cli_beside` while this loop serves an
emulator or a bot process): the same entry point, `bot.cli.main`, with the same environment,
folder and streams, without a Python start-up and the bot's imports (about a second each).
What only a process shows (a lock held by the command, kill -9, a reader gone, the
interpreter's exit status) goes through `run_cli_process`.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import signal
import sqlite3
import sys
import threading
import traceback
from pathlib import Path
from typing import Any

from bot import cli
from bot.emulator import BotAPIEmulator
from bot.settings import DEMO_CONTROLLER
from tests.harness import TEST_FORWARDING, loop_in_use

START_TIMEOUT = 30.0
Process = asyncio.subprocess.Process

# Processes started by the running test and not known to have ended.
_running: set[Process] = set()
# In-process commands change the process's streams, environment and folder: one at a time.
_ONE_AT_A_TIME = threading.Lock()


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
    shell = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "VIRTUAL_ENV", "PTB_TIMEDELTA")
    # PYTHONPATH: a checkout run beside the installed one (a git worktree) tests its own code.
    keep = (*shell, "PYTHONPATH")
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
        """Run `kocca-bot ARGS` with this bot's settings as a process; status, stdout, stderr."""
        return await run_cli(self.folder, self.env, *args)

    async def call(self, *args: str) -> tuple[int, str, str]:
        """`cli` in this process (`call_cli_beside`): the bot is another process, and this loop
        goes on serving its emulator meanwhile."""
        return await call_cli_beside(self.folder, self.env, *args)

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


async def run_cli_process(
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


async def run_cli(
    folder: Path, env: dict[str, str], *args: str, stdin: bytes = b""
) -> tuple[int, str, str]:
    """`kocca-bot ARGS`: as its own process (`run_cli_process`) while a test bot or a served
    emulator runs in this test's event loop, or a process the test started still runs (and
    always for `run`); else in this process (`call_cli`), without a Python start-up and the
    bot's imports.

    Not in-process while something runs in or through the loop: `call_cli` blocks the loop,
    and a bot running in it may hold a write transaction that only the loop can finish, so
    the command waited for the database lock until "database is locked" (seen once in four CI
    runs); a bot process or a command talking to the served emulator would wait for the loop
    as well."""
    if args[:1] == ("run",) or loop_in_use() or any(p.returncode is None for p in _running):
        return await run_cli_process(folder, env, *args, stdin=stdin)
    return call_cli(folder, env, *args, stdin=stdin)


def call_cli(
    folder: Path, env: dict[str, str], *args: str, stdin: bytes = b""
) -> tuple[int, str, str]:
    """`kocca-bot ARGS` through `bot.cli.main` in this process: exit status, stdout, stderr.

    The command sees only `env` as its environment, `folder` as its working directory and
    `stdin` as its input; what it changes in the process (logging, the environment) is put
    back. It runs on a thread of its own (it starts its own event loop) while the caller
    waits, blocked: nothing else in the test process runs meanwhile (an event loop included),
    so nothing but the command reaches its streams or its logging. An emulator or a bot
    process this loop must serve meanwhile needs `call_cli_beside`; a bot running in this
    loop, `run_cli`."""
    result: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: result.append(_main(folder, env, args, stdin)))
    with _ONE_AT_A_TIME:  # two at once (`call_cli_beside`) would swap each other's streams
        worker.start()
        worker.join(START_TIMEOUT * 2)
    assert not worker.is_alive(), f"kocca-bot {' '.join(args)} did not finish"
    return result[0]


async def call_cli_beside(
    folder: Path, env: dict[str, str], *args: str, stdin: bytes = b""
) -> tuple[int, str, str]:
    """`call_cli` while this event loop goes on: for a command that talks to an emulator this
    loop serves (`doctor`), or beside a bot process whose requests it serves.

    Never while a bot runs in this loop: its logging would reach the command's streams, and
    it would see the command's environment and folder. The rule for what the loop does
    meanwhile (serving the emulator over HTTP): nothing that prints, logs, or reads the
    environment or the working folder, or it lands in the command's output (a review saw a
    print from the loop in `out`)."""
    return await asyncio.to_thread(call_cli, folder, env, *args, stdin=stdin)


def _main(
    folder: Path, env: dict[str, str], args: tuple[str, ...], stdin: bytes
) -> tuple[int, str, str]:
    """bot.cli.main(ARGS) as a process would run it; restores what it changes."""
    environ, cwd = dict(os.environ), os.getcwd()
    streams = sys.stdin, sys.stdout, sys.stderr
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    levels = {name: logging.getLogger(name).level for name in logging.root.manager.loggerDict}
    out, err = io.StringIO(), io.StringIO()
    os.environ.clear()
    os.environ.update(env)
    os.chdir(folder)
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin.decode()), out, err
    # Logging as a new interpreter has it: no handler (pytest's among them), so a command that
    # sets up none prints its warnings to stderr as Python's last resort does in a process.
    for handler in handlers:
        root.removeHandler(handler)
    root.setLevel(logging.WARNING)
    try:
        code = cli.main(list(args))
    except SystemExit as exit:  # argparse's usage errors and --help
        code = exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 1
        if isinstance(exit.code, str):
            print(exit.code, file=err)
    except BaseException:  # what the interpreter would print, and its exit status
        traceback.print_exc(file=err)
        code = 1
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(environ)
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in handlers:
            root.addHandler(handler)
        root.setLevel(level)
        for name, old in levels.items():
            logging.getLogger(name).setLevel(old)
    return code, out.getvalue(), err.getvalue()
