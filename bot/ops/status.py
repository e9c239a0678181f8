"""What the running bot is doing, read from its database: for `kocca-bot status` and /healthz.

Counts and times only: no names, no ids, nothing a talent said.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.ops.runlock import running_pid
from bot.store import Store

HEALTH_PATH = "/healthz"  # on the webhook server, beside the webhook path
STUCK_AFTER = 300.0  # seconds: an update waiting longer than this means the inbox is stuck
# The reminders of issue 15 (outreach/reminders): counted by status when the table exists.
REMINDERS_TABLE = "reminders"


@dataclass(frozen=True, slots=True)
class Status:
    """The facts, as plain values (JSON for /healthz)."""

    checked_at: str
    bot_running: bool | None  # None: unknown (asked from inside the bot, it is running)
    database_writable: bool
    inbox_waiting: int
    oldest_waiting_seconds: float | None
    last_processed_at: str | None
    broadcasts: dict[str, int]
    next_broadcast_at: str | None
    reminders: dict[str, int] | None
    last_backup_at: str | None
    last_backup_ok: bool | None
    last_backup_error: str | None
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        """No problem found (what /healthz answers 200 for)."""
        return not self.problems

    def as_json(self) -> dict[str, Any]:
        """The JSON body of /healthz (the error text stays in the log and `kocca-bot status`)."""
        facts = asdict(self)
        del facts["last_backup_error"]
        return {**facts, "healthy": self.healthy}


async def read_status(
    store: Store, *, writable: bool = True, now: datetime | None = None
) -> Status:
    """Read the status facts from the store (the bot's own, or one the CLI opened)."""
    now = now or datetime.now(UTC)
    waiting, oldest, done = await store.ops.inbox()
    age = None if oldest is None else (now - datetime.fromisoformat(oldest)).total_seconds()
    broadcasts = await store.ops.count_by_status("broadcasts")
    reminders = await store.ops.count_by_status(REMINDERS_TABLE)
    good, last = await store.ops.last_backups()
    problems = []
    if age is not None and age > STUCK_AFTER:
        problems.append(f"the oldest waiting update is {age / 60:.0f} minutes old")
    if not writable:
        problems.append("the database cannot be written")
    return Status(
        checked_at=now.isoformat(timespec="seconds"),
        bot_running=None,
        database_writable=writable,
        inbox_waiting=waiting,
        oldest_waiting_seconds=None if age is None else round(age, 1),
        last_processed_at=done,
        broadcasts={key: value for key, value in broadcasts.items() if key != "composing"},
        next_broadcast_at=await store.ops.next_scheduled(),
        reminders=reminders or None,
        last_backup_at=good.finished_at if good else None,
        last_backup_ok=None if last is None else last.ok,
        last_backup_error=None if last is None or last.ok else last.error,
        problems=problems,
    )


async def cli_status(database: Path) -> Status:
    """The status as `kocca-bot status` sees it from outside the bot."""
    store = await Store.open(database)
    try:
        status = await read_status(store)
    finally:
        await store.close()
    pid = running_pid(database)
    problems = list(status.problems)
    if pid is None and status.inbox_waiting:
        problems.append("updates are waiting and no bot is running")
    return Status(**{**asdict(status), "bot_running": pid is not None, "problems": problems})


def render(status: Status, pid: int | None = None) -> str:
    """The status as lines for a terminal."""
    running = {True: "running", False: "NOT running", None: "unknown"}[status.bot_running]
    if pid:
        running += f" (pid {pid})"
    oldest = (
        ""
        if status.oldest_waiting_seconds is None
        else f", oldest {_age(status.oldest_waiting_seconds)} old"
    )
    lines = [
        f"Bot: {running}",
        f"Inbox: {status.inbox_waiting} update(s) waiting{oldest}",
        f"Last update processed: {status.last_processed_at or 'never'}",
        "Broadcasts: "
        + _counts(status.broadcasts, "none")
        + (f"; next scheduled at {status.next_broadcast_at}" if status.next_broadcast_at else ""),
        "Reminders: " + (_counts(status.reminders, "none") if status.reminders else "none"),
        f"Last backup: {status.last_backup_at or 'never'}"
        + (
            f" (the last attempt FAILED: {status.last_backup_error})"
            if status.last_backup_ok is False
            else ""
        ),
    ]
    lines.append("Problems: " + "; ".join(status.problems) if status.problems else "Healthy.")
    return "\n".join(lines)


def _counts(counts: dict[str, int] | None, empty: str) -> str:
    if not counts:
        return empty
    return ", ".join(f"{value} {key}" for key, value in sorted(counts.items()))


def _age(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def health_endpoint(store: Store) -> Any:
    """GET /healthz for the webhook server: the status as JSON, 503 when something is wrong."""
    from aiohttp import web  # only webhook mode serves HTTP

    async def healthz(request: web.Request) -> web.Response:
        """The running bot's status; no secret needed, nothing personal in it."""
        status = await read_status(store, writable=store.db.health.writable)
        facts = {**status.as_json(), "bot_running": True}
        return web.json_response(facts, status=200 if status.healthy else 503)

    return healthz
