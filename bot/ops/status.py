"""What the running bot is doing, read from its database: for `kocca-bot status` and /healthz.

Counts and times only: no names, no ids, nothing a talent said. Every fact that is wrong is
listed in `problems`, and the verdict comes from that list alone: `kocca-bot status` prints
it and exits 1, `--json` says healthy:false with the same list, /healthz answers 503.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.ops.runlock import running_pid
from bot.store import Store
from bot.wib import wib_text

log = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"  # on the webhook server, beside the webhook path
STUCK_AFTER = 300.0  # seconds: an update waiting longer than this means the inbox is stuck
# /healthz needs no secret, so anyone can call it as often as they like: its answer is read
# from the database at most once per this many seconds, however many ask...
HEALTH_CACHE_SECONDS = 5.0
# ...and it is given at most this often. Answering is cheap, but a flood answered as fast as
# it comes keeps the event loop that serves talents busy with HTTP (about 1,000 requests a
# second on the reference machine): requests beyond this wait their turn instead, so a flood
# of them costs the bot a few percent of a core, and a monitor a second or two of waiting.
HEALTH_ANSWERS_PER_SECOND = 50

# The problems, as `problems` lists them (the JSON of --json and /healthz too)...
NO_BOT = "no bot is running on this database"
STUCK = "the oldest waiting update is {minutes:.0f} minutes old"
NOT_WRITABLE = "the database cannot be written"
NOT_READABLE = "the database cannot be read"
BACKUP_FAILED = "the last backup failed"
# ...and what to do about each: `kocca-bot status` prints it under the problem, as doctor
# prints a fix under a failed check (a staff review s65, finding 3).
FIXES = {
    NO_BOT: "start it: systemctl start kocca-bot (or kocca-bot run); if it stopped on its own,"
    " journalctl -u kocca-bot says why",
    STUCK: "the bot's log says what holds it up (journalctl -u kocca-bot); a restart"
    " (systemctl restart kocca-bot) tries the waiting updates again",
    NOT_WRITABLE: "run kocca-bot doctor: its Database lines say why (a full disk, a file or"
    " folder this account cannot write)",
    NOT_READABLE: "run kocca-bot doctor on the server: its Database lines say why",
    BACKUP_FAILED: "the Last backup line says why; fix the cause, then run kocca-bot backup"
    " to check",
}


@dataclass(frozen=True, slots=True)
class Status:
    """The facts, as plain values (JSON for `kocca-bot status --json` and /healthz)."""

    checked_at: str
    bot_running: bool | None  # None: not looked at (inside the bot, it is running)
    bot_pid: int | None  # of the running bot, when the run lock tells it
    database_writable: bool
    inbox_waiting: int
    oldest_waiting_seconds: float | None
    last_processed_at: str | None
    broadcasts: dict[str, int]
    next_broadcast_at: str | None
    reminders: dict[str, int] | None
    stage_messages: dict[str, int]  # messages to talents about their lead's stage
    last_backup_at: str | None  # the last good one
    last_backup_ok: bool | None  # how the last attempt went (None: never tried)
    last_backup_error: str | None
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        """No problem found (exit 0, /healthz 200)."""
        return not self.problems

    def as_json(self, *, public: bool = False) -> dict[str, Any]:
        """The facts as JSON; `public` (/healthz, no secret needed) leaves out the backup's
        error text (it may name a path) and the pid."""
        facts = asdict(self)
        if public:
            del facts["last_backup_error"], facts["bot_pid"]
        return {**facts, "healthy": self.healthy}


async def read_status(
    store: Store, *, writable: bool = True, now: datetime | None = None
) -> Status:
    """Read the status facts from the store (the bot's own, or one the CLI opened)."""
    now = now or datetime.now(UTC)
    facts = await store.ops.status_facts()
    oldest = facts.oldest_waiting_at
    age = None if oldest is None else (now - datetime.fromisoformat(oldest)).total_seconds()
    good, last = facts.last_good_backup, facts.last_backup
    problems = []
    if age is not None and age > STUCK_AFTER:
        problems.append(STUCK.format(minutes=age / 60))
    if not writable:
        problems.append(NOT_WRITABLE)
    if last is not None and not last.ok:
        problems.append(BACKUP_FAILED)
    return Status(
        checked_at=now.isoformat(timespec="seconds"),
        bot_running=None,
        bot_pid=None,
        database_writable=writable,
        inbox_waiting=facts.waiting,
        oldest_waiting_seconds=None if age is None else round(age, 1),
        last_processed_at=facts.last_processed_at,
        broadcasts={key: n for key, n in facts.broadcasts.items() if key != "composing"},
        next_broadcast_at=facts.next_broadcast_at,
        reminders=facts.reminders or None,
        stage_messages=facts.stage_messages,
        last_backup_at=good.finished_at if good else None,
        last_backup_ok=None if last is None else last.ok,
        last_backup_error=None if last is None or last.ok else last.error,
        problems=problems,
    )


async def cli_status(database: Path) -> Status:
    """The status as `kocca-bot status` sees it from outside the bot, run lock included."""
    store = await Store.open(database, upgrade=False)
    try:
        status = await read_status(store)
    finally:
        await store.close()
    pid = running_pid(database)
    problems = list(status.problems)
    if pid is None:
        problems.insert(0, NO_BOT)
    return replace(status, bot_running=pid is not None, bot_pid=pid or None, problems=problems)


def render(status: Status, now: datetime | None = None) -> str:
    """The status as lines for a terminal (the same facts and problems as `as_json`), times
    in WIB with how long ago, counts in words."""
    now = now or datetime.now(UTC)
    running = {True: "running", False: "NOT running", None: "unknown"}[status.bot_running]
    if status.bot_pid:
        running += f" (pid {status.bot_pid})"
    oldest = (
        ""
        if status.oldest_waiting_seconds is None
        else f", the oldest for {_age(status.oldest_waiting_seconds)}"
    )
    waiting = status.inbox_waiting
    inbox = "no update waiting" if not waiting else f"{_count(waiting, 'update')} waiting{oldest}"
    next_broadcast = (
        f"; the next scheduled for {_when(status.next_broadcast_at, now)}"
        if status.next_broadcast_at
        else ""
    )
    lines = [
        f"Bot: {running}",
        f"Inbox: {inbox}",
        f"Last update processed: {_when(status.last_processed_at, now)}",
        "Broadcasts: " + _counts(status.broadcasts) + next_broadcast,
        "Reminders: " + _counts(status.reminders),
        "Stage messages to talents: " + _counts(status.stage_messages),
        f"Last backup: {_when(status.last_backup_at, now)}"
        + (
            f" (the last attempt FAILED: {status.last_backup_error or 'no reason recorded'})"
            if status.last_backup_ok is False
            else ""
        ),
    ]
    if status.problems:
        lines.append("Problems:")
        for problem in status.problems:
            lines += [f"  - {problem}", f"    fix: {fix_for(problem)}"]
    else:
        lines.append("Healthy.")
    return "\n".join(lines)


def fix_for(problem: str) -> str:
    """The next step for one of `problems` (the stuck inbox's is the same at any age)."""
    if problem.startswith(STUCK.split("{")[0]):
        return FIXES[STUCK]
    return FIXES.get(problem, "run kocca-bot doctor")


def _when(moment: str | None, now: datetime) -> str:
    """A stored UTC time as an operator reads it: 2026-12-03 21:04 WIB (5 min ago)."""
    if moment is None:
        return "never"
    seconds = (now - datetime.fromisoformat(moment)).total_seconds()
    relative = f"in {_age(-seconds)}" if seconds < 0 else f"{_age(seconds)} ago"
    return f"{wib_text(moment)} WIB ({relative})"


def _count(number: int, noun: str) -> str:
    """1 update, 2 updates."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _counts(counts: dict[str, int] | None) -> str:
    if not counts:
        return "none"
    return ", ".join(f"{value} {key}" for key, value in sorted(counts.items()))


def _age(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.0f} days"


class HealthCheck:
    """The answer of GET /healthz, read at most once per HEALTH_CACHE_SECONDS.

    Requests take turns, HEALTH_ANSWERS_PER_SECOND at most (in order of arrival). Those that
    come while the answer is being read wait for that one read (single flight); those that
    come after it get the same answer until it is too old. A client that hangs up does not
    cancel the read the others wait for, and takes no turn: a thousand monitors that gave up
    waiting do not make the next one wait theirs (aiohttp runs a handler to its end even when
    its client has gone).
    """

    def __init__(
        self,
        store: Store,
        clock: Callable[[], float] = time.monotonic,
        max_age: float = HEALTH_CACHE_SECONDS,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._store = store
        self._clock = clock  # of the cache and of the turns: `sleep` waits on it
        self._max_age = max_age
        self._sleep = sleep  # the wait for a turn (tests count the waits)
        self._answer: tuple[float, dict[str, Any]] | None = None  # (read at, JSON)
        self._reading: asyncio.Task[dict[str, Any]] | None = None
        self._turns = asyncio.Lock()  # waiters are served in order of arrival
        self._next_turn = float("-inf")  # on `clock`
        self.waiting = 0  # requests waiting for their turn

    async def respond(self, request: Any) -> Any:
        """GET /healthz: the running bot's status; no secret needed, nothing personal in it."""
        from aiohttp import web  # only webhook mode serves HTTP

        facts = await self.answer(gone=lambda: request.transport is None)
        if facts is None:  # nobody left to read it
            return web.Response(status=499, reason="Client Closed Request")
        return web.json_response(facts, status=200 if facts["healthy"] else 503)

    async def answer(self, gone: Callable[[], bool] = lambda: False) -> dict[str, Any] | None:
        """The status as /healthz's JSON body (its `healthy` decides 200 or 503); None when
        the client has `gone` before its turn came."""
        self.waiting += 1
        try:
            async with self._turns:
                if gone():
                    return None
                if (wait := self._next_turn - self._clock()) > 0:
                    await self._sleep(wait)
                self._next_turn = self._clock() + 1 / HEALTH_ANSWERS_PER_SECOND
        finally:
            self.waiting -= 1
        if self._answer is not None and self._clock() - self._answer[0] < self._max_age:
            return self._answer[1]
        if self._reading is None:
            self._reading = asyncio.create_task(self._read(), name="healthz-read")
        return await asyncio.shield(self._reading)

    async def _read(self) -> dict[str, Any]:
        started = self._clock()
        try:
            status = await read_status(self._store, writable=self._store.db.health.writable)
            facts = {**status.as_json(public=True), "bot_running": True}
        except sqlite3.Error as error:  # an unreadable database is an answer too, cached
            log.warning("/healthz could not read the database (%s)", error)
            facts = {
                "checked_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "bot_running": True,
                "problems": [NOT_READABLE],
                "healthy": False,
            }
        finally:
            self._reading = None
        self._answer = (started, facts)
        return facts


def health_endpoint(store: Store, clock: Callable[[], float] = time.monotonic) -> Any:
    """GET /healthz for the webhook server: the status as JSON, 503 when something is wrong."""
    return HealthCheck(store, clock).respond
