"""Injected failures, latency and Telegram-style flood limits."""

from __future__ import annotations

import asyncio
import math
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus

from bot.emulator.errors import ApiError, too_many_requests

DEFAULT_FAILURE = "Internal Server Error"


@dataclass(slots=True)
class _Failure:
    method: str
    error: ApiError
    remaining: int
    chat_id: int | str | None


@dataclass(slots=True)
class Delay:
    """Latency added to a method; ``effect_first`` applies the call before waiting."""

    seconds: float
    remaining: int | None
    effect_first: bool


class Hold:
    """Calls that wait until the test releases them: an event to wait on instead of a sleep.

    With `containing`, only calls with a parameter that contains it are held (one message
    among others to the same chat: by its text, or by a button's callback data). With
    `error`, the held calls fail with it once released (a 429 answered only after the test
    has done something meanwhile). Calls made after the release are not held.
    """

    def __init__(
        self,
        method: str,
        chat_id: int | str | None,
        times: int,
        containing: str | None = None,
        error: ApiError | None = None,
    ) -> None:
        self.method = method
        self.chat_id = chat_id
        self.remaining = times
        self.containing = containing
        self.error = error
        self.held = 0  # calls that reached the hold (a held call may be abandoned by a timeout)
        self.arrived = asyncio.Event()  # set when the first call is held
        self._released = asyncio.Event()

    @property
    def released(self) -> bool:
        """Whether release() was called."""
        return self._released.is_set()

    def matches(self, method: str, params: Mapping[str, object]) -> bool:
        """Whether this hold takes a call of `method` (lower case) with these parameters."""
        if self.released or self.method not in (method, "*"):
            return False
        if self.chat_id is not None and str(self.chat_id) != str(params.get("chat_id")):
            return False
        if self.containing is None:
            return True
        return any(self.containing in str(value) for value in params.values())

    def release(self) -> None:
        """Let every held call go on (and fail, with `error`); later calls are not held."""
        self._released.set()

    async def wait(self) -> None:
        """Hold one call until release()."""
        self.held += 1
        self.arrived.set()
        await self._released.wait()


class FaultPlan:
    """Scheduled failures, holds and delays, matched by method name ("*" matches any)."""

    def __init__(self) -> None:
        self._failures: list[_Failure] = []
        self._holds: list[Hold] = []
        self._delays: dict[tuple[str, str | None], Delay] = {}

    def fail_next(
        self,
        method: str,
        *,
        status: int = 500,
        description: str = DEFAULT_FAILURE,
        retry_after: int | None = None,
        times: int = 1,
        chat_id: int | str | None = None,
    ) -> None:
        """Make the next ``times`` matching calls fail with this status and description."""
        error = _api_error(status, description, retry_after)
        self._failures.append(_Failure(method.lower(), error, times, chat_id))

    def take_failure(self, method: str, chat_id: object) -> ApiError | None:
        """Consume and return the first failure scheduled for this call, if any."""
        if not self._failures:
            return None
        lowered = method.lower()
        for failure in self._failures:
            if failure.method not in (lowered, "*"):
                continue
            if failure.chat_id is not None and str(failure.chat_id) != str(chat_id):
                continue
            failure.remaining -= 1
            if failure.remaining <= 0:
                self._failures.remove(failure)
            return failure.error
        return None

    def hold(
        self,
        method: str,
        *,
        times: int = 1,
        chat_id: int | str | None = None,
        containing: str | None = None,
        status: int | None = None,
        retry_after: int | None = None,
    ) -> Hold:
        """Hold the next ``times`` matching calls (after any scheduled failure) until released;
        with `status`, they then fail as fail_next() would make them (see Hold)."""
        error = None if status is None else _api_error(status, DEFAULT_FAILURE, retry_after)
        hold = Hold(method.lower(), chat_id, times, containing, error)
        self._holds.append(hold)
        return hold

    def take_hold(self, method: str, params: Mapping[str, object]) -> Hold | None:
        """Consume and return the first hold matching this call, if any."""
        lowered = method.lower()
        self._holds = [hold for hold in self._holds if not hold.released]
        for hold in self._holds:
            if not hold.matches(lowered, params):
                continue
            hold.remaining -= 1
            if hold.remaining <= 0:
                self._holds.remove(hold)
            return hold
        return None

    def delay(
        self,
        method: str,
        seconds: float,
        *,
        times: int | None = None,
        effect_first: bool = False,
        chat_id: int | str | None = None,
    ) -> None:
        """Add latency to ``method`` (0 removes it), for one chat or all; ``times`` None: always."""
        key = (method.lower(), None if chat_id is None else str(chat_id))
        if seconds <= 0:
            self._delays.pop(key, None)
        else:
            self._delays[key] = Delay(seconds, times, effect_first)

    def take_delay(self, method: str, chat_id: object = None) -> Delay | None:
        """Return the latency for this call, counting it against ``times``."""
        if not self._delays:
            return None
        lowered = method.lower()
        candidates = [(lowered, str(chat_id)), (lowered, None), ("*", None)]
        key = next((candidate for candidate in candidates if candidate in self._delays), None)
        if key is None:
            return None
        found = self._delays[key]
        if found.remaining is not None:
            found.remaining -= 1
            if found.remaining <= 0:
                del self._delays[key]
        return found

    def clear(self) -> None:
        """Remove every scheduled failure, hold and delay (held calls are released)."""
        self._failures.clear()
        self._delays.clear()
        for hold in self._holds:
            hold.release()
        self._holds.clear()


def _api_error(status: int, description: str, retry_after: int | None) -> ApiError:
    """The error Telegram would answer with this status (a 429 always says how long to wait)."""
    if status == 429:
        retry_after = max(1, retry_after or 1)
        if description == DEFAULT_FAILURE:
            description = f"Too Many Requests: retry after {retry_after}"
    elif description == DEFAULT_FAILURE and status != 500:
        try:
            description = HTTPStatus(status).phrase
        except ValueError:
            description = f"Error {status}"
    return ApiError(status, description, retry_after=retry_after)


class _Window:
    """Timestamps of deliveries within a sliding window."""

    __slots__ = ("limit", "seconds", "stamps")

    def __init__(self, limit: float, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self.stamps: deque[float] = deque()

    def retry_after(self, now: float) -> int | None:
        while self.stamps and self.stamps[0] <= now - self.seconds:
            self.stamps.popleft()
        if len(self.stamps) < self.limit:
            return None
        return max(1, math.ceil(self.stamps[0] + self.seconds - now))


class RateLimiter:
    """Telegram's flood limits for sends: global, per chat and per group."""

    def __init__(self) -> None:
        self.global_per_second: float | None = None
        self.per_chat_per_second: float | None = None
        self.per_group_per_minute: float | None = None
        self._global: _Window | None = None
        self._chats: dict[int | str, _Window] = {}
        self._groups: dict[int | str, _Window] = {}

    def configure(
        self,
        global_per_second: float | None,
        per_chat_per_second: float | None,
        per_group_per_minute: float | None,
    ) -> None:
        """Set the limits (None disables one) and forget past deliveries."""
        self.global_per_second = global_per_second
        self.per_chat_per_second = per_chat_per_second
        self.per_group_per_minute = per_group_per_minute
        self._global = None if global_per_second is None else _Window(global_per_second, 1.0)
        self._chats.clear()
        self._groups.clear()

    @property
    def active(self) -> bool:
        """Whether any limit is set."""
        return (
            self._global is not None
            or self.per_chat_per_second is not None
            or self.per_group_per_minute is not None
        )

    def _windows(self, chat_id: int | str) -> list[_Window]:
        windows = [] if self._global is None else [self._global]
        if self.per_chat_per_second is not None:
            windows.append(self._chats.setdefault(chat_id, _Window(self.per_chat_per_second, 1.0)))
        is_group = isinstance(chat_id, int) and chat_id < 0
        if self.per_group_per_minute is not None and is_group:
            windows.append(
                self._groups.setdefault(chat_id, _Window(self.per_group_per_minute, 60.0))
            )
        return windows

    def check(self, chat_id: int | str, now: float) -> None:
        """Raise 429 with retry_after when a send to ``chat_id`` now would exceed a limit."""
        waits = [w for w in (win.retry_after(now) for win in self._windows(chat_id)) if w]
        if waits:
            raise too_many_requests(max(waits))

    def record(self, chat_id: int | str, now: float) -> None:
        """Count a delivered send."""
        for window in self._windows(chat_id):
            window.stamps.append(now)
