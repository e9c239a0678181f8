"""Whether the database can be written: storage failures are noticed once, recovery too.

When the disk is full, the file system read-only or the disk failing, every write fails the
same way until someone frees space. The bot then holds what it has (Telegram keeps the
updates it was not told about; stored updates stay in the inbox), retries with backoff, and
says so once: one log line and one staff alert when writing stops, one when it works again.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

# Primary SQLite result codes that mean "the storage refused the write", not "this SQL is
# wrong": SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN.
_STORAGE_CODES = frozenset({8, 10, 13, 14})
_STORAGE_WORDS = ("disk is full", "readonly database", "disk i/o error", "unable to open")
MAX_BACKOFF = 60.0  # seconds between retries while the database cannot be written
QUIET_SECONDS = 60.0  # writes working this long without a failure end an outage

Listener = Callable[[str, float], None]


def is_storage_error(error: BaseException | None) -> bool:
    """Whether an exception (or one it was raised from) is SQLite unable to write."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, sqlite3.Error):
            code = getattr(error, "sqlite_errorcode", None)
            if isinstance(code, int) and code & 0xFF in _STORAGE_CODES:
                return True
            if any(words in str(error).lower() for words in _STORAGE_WORDS):
                return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def storage_reason(error: BaseException) -> str:
    """A short description for logs and the staff alert: SQLite's own words, nothing else."""
    name = getattr(error, "sqlite_errorname", None)
    text = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
    return f"{text} [{name}]" if name else text


class StorageHealth:
    """Tracks whether writes succeed; wakes waiters as soon as one does again.

    Near a full disk some writes still fit (an update in place, a free page) while others
    fail, so one success does not end an outage: it ends once a write that had failed went
    through on retry, and `quiet` seconds passed without a failure. Waiters are woken by
    every success, to retry at once.
    """

    def __init__(self, quiet: float = QUIET_SECONDS) -> None:
        self.quiet = quiet
        self.down_since: float | None = None  # time.time() of the first failure
        self.reason = ""
        self._last_failure = 0.0
        self._back = asyncio.Event()
        self._back.set()
        self._listeners: list[Listener] = []
        self._check: asyncio.TimerHandle | None = None

    @property
    def writable(self) -> bool:
        """False from a storage failure until the outage is over (see the class)."""
        return self.down_since is None

    def subscribe(self, listener: Listener) -> None:
        """Call listener(event, value): ("down", 0) once per outage, ("back", seconds) after."""
        self._listeners.append(listener)

    def failed(self, error: BaseException) -> None:
        """A write failed because of the storage; logged once per outage."""
        self._last_failure = time.monotonic()
        self._back.clear()
        if self.down_since is not None:
            return
        self.down_since = time.time()
        self.reason = storage_reason(error)
        log.error(
            "Cannot write to the database (%s): holding updates, retrying with backoff",
            self.reason,
        )
        self._tell("down", 0.0)

    def succeeded(self) -> None:
        """A write reached the disk: wake the waiters, to retry what failed at once."""
        if self.down_since is not None:
            self._back.set()

    def retried(self) -> None:
        """A write that had failed went through on retry: the outage may be over.

        It is over after `quiet` seconds without a failure: near a full disk, a retry that
        frees or reuses space can succeed while others still fail.
        """
        if self.down_since is not None and self._check is None:
            self._check = asyncio.get_running_loop().call_later(self.quiet, self._maybe_over)

    def _maybe_over(self) -> None:
        self._check = None
        if self.down_since is None:
            return
        silent = time.monotonic() - self._last_failure
        if silent < self.quiet:  # it failed again meanwhile: look again later
            self._check = asyncio.get_running_loop().call_later(
                self.quiet - silent, self._maybe_over
            )
            return
        seconds = time.time() - self.down_since
        self.down_since = None
        log.warning("The database can be written again after %.0f s; resuming", seconds)
        self._tell("back", seconds)

    async def wait_back(self, timeout: float) -> None:  # noqa: ASYNC109 - a backoff, not a deadline
        """Wait until a write works again, or `timeout` seconds (then the caller tries)."""
        try:
            async with asyncio.timeout(timeout):
                await self._back.wait()
        except TimeoutError:
            pass

    def _tell(self, event: str, value: float) -> None:
        for listener in self._listeners:
            try:
                listener(event, value)
            except Exception:  # a listener's bug must not break the write path
                log.exception("Storage health listener failed")
