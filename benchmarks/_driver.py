"""What the benchmarks share: the emulator on loopback, bots in subprocesses, talents walking.

The driver (this process) serves the Bot API emulator over HTTP and plays the talents; each
bot under test runs in a subprocess of its own, talking to the emulator with a real HTTP
client, so the driver's CPU time never counts against the bot (the machine has 2 cores).

A talent's walk through the questionnaire is recorded once, in-process (`tests/walks.py`,
shared with the tests of real bot processes); each step draws exactly one visible reply (a
new message or an edit) from the bot. Over HTTP the driver replays the steps, waiting for
each reply through an emulator subscription: no polling.
"""

from __future__ import annotations

import asyncio
import functools
import os
import signal
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python benchmarks/<name>.py` from anywhere
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("PTB_TIMEDELTA", "true")

from bot.answers.language import named_language  # noqa: E402
from bot.content import load_content  # noqa: E402
from bot.emulator import BotAPIEmulator, EmulatedUser, EmulatorEvent  # noqa: E402
from bot.settings import DEMO_CONTROLLER, PACKAGED_CONTENT_DIR  # noqa: E402
from bot.texts import Text  # noqa: E402
from tests.harness import TEST_FORWARDING  # noqa: E402
from tests.walks import Step, record_walk, talent_walks  # noqa: E402, F401 - shared with tests

REPLY_TIMEOUT = 60.0  # seconds; far beyond any healthy reply, only to end a stuck run
START_TIMEOUT = 60.0
ADMIN_ID = 9001
STAFF_CHAT_ID = -1001234567890
# Said beside a reply, not as one: once per talent, the bot follows the language they write
# in (a talent whose Telegram says "id" asking in English). Counted, not waited for.
ASIDES = tuple(
    load_content(PACKAGED_CONTENT_DIR).text(Text.LANGUAGE_FOLLOWED, language).split(",")[0]
    for language in ("id", "en")
)


ASIDE_ALONE = 0.5  # seconds after an aside with no reply beside it, taken as the reply


class Replies:
    """Times each step from the update being queued to the bot's reply in that chat."""

    def __init__(self, emulator: BotAPIEmulator, timeout: float = REPLY_TIMEOUT) -> None:
        self._waiting: dict[int, asyncio.Future[float]] = {}
        self._names_language: set[int] = set()  # chats whose step names a language
        self._timeout = timeout
        self.unexpected = 0
        self.asides = 0  # ASIDES seen
        # Steps settled by an aside alone: under load a reply beside it can come later than
        # ASIDE_ALONE, and is then counted in `unexpected` (at most one per such step).
        self.settled_by_aside = 0
        self.close = emulator.subscribe(self._on_event)  # stop listening

    def _on_event(self, event: EmulatorEvent) -> None:
        if event.kind not in ("message", "edit"):
            return
        if event.message is not None and event.message.text.startswith(ASIDES):
            self.asides += 1
            # A switch asked for in words ("can you speak english") is answered by the notice
            # alone: for a message naming a language, it is the reply when no other follows soon.
            waiting = self._waiting.get(event.chat_id)
            if waiting is not None and event.chat_id in self._names_language:
                asyncio.get_running_loop().call_later(
                    ASIDE_ALONE, self._settle, waiting, time.perf_counter()
                )
            return
        future = self._waiting.pop(event.chat_id, None)
        if future is None:
            if event.chat_id > 0:
                self.unexpected += 1
            return
        if not future.done():
            future.set_result(time.perf_counter())

    def _settle(self, future: asyncio.Future[float], replied: float) -> None:
        """Resolve a step still waiting when its aside came (see `_on_event`)."""
        if not future.done():
            future.set_result(replied)
            self.settled_by_aside += 1

    async def act(
        self, chat_id: int, action: Callable[[], Any], *, names_language: bool = False
    ) -> float:
        """Do the action (which queues one update); return seconds until the bot replied."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self._waiting[chat_id] = future
        if names_language:
            self._names_language.add(chat_id)
        action()
        queued = time.perf_counter()
        try:
            replied = await asyncio.wait_for(future, self._timeout)
        finally:
            self._waiting.pop(chat_id, None)
            self._names_language.discard(chat_id)
        return replied - queued


async def walk(replies: Replies, user: EmulatedUser, steps: Sequence[Step]) -> list[float]:
    """One talent takes every step, waiting for each reply; returns the latencies."""
    latencies = []
    for step in steps:
        action = user.send if step.kind == "send" else user.press
        names = step.kind == "send" and named_language(step.value) is not None
        latencies.append(
            await replies.act(user.id, functools.partial(action, step.value), names_language=names)
        )
    return latencies


def forget(emulator: BotAPIEmulator, user: EmulatedUser) -> None:
    """Drop a finished talent's chat from the emulator, so the driver stays small and fast."""
    emulator.users.pop(user.id, None)
    emulator._chats.pop(user.id, None)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (from /proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU time all processes of the machine have used so far (from /proc/stat)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def rss_kb(pid: int) -> int:
    """Resident memory of a process in kB (VmRSS in /proc/<pid>/status)."""
    return memory_kb(pid)["VmRSS"]


def memory_kb(pid: int) -> dict[str, int]:
    """VmRSS and its parts (RssAnon, RssFile, RssShmem) of a process, in kB."""
    figures = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "RssAnon", "RssFile", "RssShmem"):
            figures[name] = int(value.split()[0])
    return figures


class FirstCall:
    """Resolves when a request for one method arrives at the emulator (not when answered)."""

    def __init__(self, emulator: BotAPIEmulator, method: str) -> None:
        self._method = method.lower()
        self.arrived: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        previous = emulator.on_request

        def hook(name: str) -> None:
            if previous is not None:
                previous(name)
            if name.lower() == self._method and not self.arrived.done():
                self.arrived.set_result(time.perf_counter())

        emulator.on_request = hook


@dataclass
class BotProcess:
    """A bot under test in a subprocess of its own, talking to the served emulator."""

    argv: list[str]
    env: dict[str, str]
    folder: Path
    process: asyncio.subprocess.Process | None = None
    start_timeout: float = START_TIMEOUT  # longer under valgrind, which runs ~50 times slower
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log = self.folder / "bot.log"

    @property
    def pid(self) -> int:
        """The process id."""
        assert self.process is not None
        return self.process.pid

    async def start(self, emulator: BotAPIEmulator, ready: str = "getUpdates") -> float:
        """Start the process; return once it asked for updates (seconds since the spawn).

        In webhook mode, `ready="setWebhook"`: the bot listens before it sets the webhook.
        """
        first_poll = FirstCall(emulator, ready)
        spawned = time.perf_counter()
        with self.log.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                *self.argv,
                cwd=self.folder,
                env=self.env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        exited: asyncio.Future[Any] = asyncio.ensure_future(self.process.wait())
        try:
            await asyncio.wait(
                [first_poll.arrived, exited],
                timeout=self.start_timeout,
                return_when="FIRST_COMPLETED",
            )
        finally:
            exited.cancel()
        if not first_poll.arrived.done():
            raise RuntimeError(f"the bot did not call {ready}; its output:\n{self.tail()}")
        return first_poll.arrived.result() - spawned

    async def stop(self) -> int:
        """SIGTERM, then wait for the exit (SIGKILL after a while); returns the status."""
        if self.process is None:
            return 0
        process, self.process = self.process, None
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            try:
                return await asyncio.wait_for(process.wait(), 30)
            except TimeoutError:
                process.kill()
        return await process.wait()

    def tail(self, lines: int = 30) -> str:
        """The end of the bot's output."""
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def base_env(**values: str) -> dict[str, str]:
    """A bot's environment: the basics of this shell and the given values, nothing else."""
    # PYTHONPATH: to benchmark another checkout of the bot with the same virtual environment.
    keep = (
        "PATH",
        "HOME",
        "LANG",
        "LC_ALL",
        "TMPDIR",
        "VIRTUAL_ENV",
        "PTB_TIMEDELTA",
        "PYTHONPATH",
    )
    env = {key: value for key, value in os.environ.items() if key in keep}
    # `run` refuses to start without them: talents must see who is responsible for their data.
    env["CONTROLLER_NAME"] = DEMO_CONTROLLER.name
    env["CONTROLLER_CONTACT"] = DEMO_CONTROLLER.contact
    env.update(values)
    return env


def full_bot(
    emulator: BotAPIEmulator, url: str, folder: Path, code: Path | None = None
) -> BotProcess:
    """`python -m bot run` as deployed: staff chat and admin set; flood control out of the way.

    Flood control is lifted because benchmark talents answer in milliseconds, not seconds.
    `code`: another checkout of the bot to run instead of this one (with this environment).
    """
    env = base_env(
        BOT_TOKEN=emulator.token,
        BOT_API_URL=url,
        DATABASE_PATH=str(folder / "kocca.db"),
        ADMIN_IDS=str(ADMIN_ID),
        STAFF_CHAT_ID=str(STAFF_CHAT_ID),
        FLOOD_LIMIT="1000000",
        # Leads are passed on, as in the tests the talents' walks are recorded with: the
        # questionnaire asks the forwarding consent.
        FORWARD_TO=TEST_FORWARDING.recipient,
        FORWARD_ABROAD=str(TEST_FORWARDING.abroad).lower(),
        DIGEST_TIME="",  # no daily digest landing in the middle of a measurement
        CONTROLLER_NAME=DEMO_CONTROLLER.name,  # required since the privacy notice names it
        CONTROLLER_CONTACT=DEMO_CONTROLLER.contact,
    )
    if code is not None:
        env["PYTHONPATH"] = str(code.resolve())
    return BotProcess([sys.executable, "-m", "bot", "run"], env, folder)


async def served_emulator() -> tuple[BotAPIEmulator, str]:
    """An emulator served on loopback, with the staff group, recording no calls; and its URL."""
    emulator = BotAPIEmulator()
    emulator.record_calls = False  # a benchmark makes too many calls to keep
    add_staff_chat(emulator)
    return emulator, await emulator.serve()


def add_staff_chat(emulator: BotAPIEmulator) -> None:
    """The staff group with the bot in it, so new leads are announced there as in production.

    The bot is put in directly rather than through updates, which would add to the workload.
    """
    chat = emulator.group(STAFF_CHAT_ID, title="KOCCA Talent Desk staff")
    admin = emulator.user(ADMIN_ID, first_name="Admin", language_code="id")
    chat.members[admin.id] = admin
    chat.bot_status = "member"


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which this fraction of the values lies (nearest rank)."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def median(values: Sequence[float]) -> float:
    """The median."""
    return statistics.median(values)


def load_average() -> str:
    """The machine's load averages over 1, 5 and 15 minutes, for the report."""
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def machine() -> str:
    """CPU model, core count and Python version, for the report."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    version = sys.version.split()[0]
    return f"{model}, {os.cpu_count()} cores, Python {version}"
