"""The emulated Bot API server: the single request entry point, transports, faults."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

from bot.emulator.errors import ApiError
from bot.emulator.faults import FaultPlan, Hold, RateLimiter
from bot.emulator.methods import HANDLERS, SEND_METHODS
from bot.emulator.params import Files, decode_params
from bot.emulator.views import RecordedCall
from bot.emulator.webhook import Webhook
from bot.emulator.world import EmulatorWorld

if TYPE_CHECKING:
    from bot.emulator.server import HttpServer
    from bot.emulator.transport import EmulatorRequest

JSON = dict[str, Any]
_LOG = logging.getLogger(__name__)


class BotAPIEmulator(EmulatorWorld):
    """A local fake of the Telegram Bot API that python-telegram-bot cannot tell apart."""

    def __init__(
        self,
        token: str = "123456:TEST-TOKEN",  # noqa: S107 - the fake token tests use by default
        bot_id: int = 123456,
        bot_username: str = "kocca_talent_bot",
        bot_first_name: str = "KOCCA Talent Desk",
    ) -> None:
        super().__init__(bot_id, bot_username, bot_first_name)
        self.token = token
        self.calls: list[RecordedCall] = []
        self.unknown_calls: list[RecordedCall] = []
        self.internal_errors: list[BaseException] = []
        self.record_calls = True
        self.rate_limited_count = 0
        self.faults = FaultPlan()
        self.limits = RateLimiter()
        # The clock of the flood limits; a test may freeze it so a burst falls in one second.
        self.clock: Callable[[], float] = time.monotonic
        self.webhook = Webhook(self.updates)
        # Called with the method name as each request arrives, before it is answered
        # (calls are recorded when answered, and a long poll is answered late): benchmarks.
        self.on_request: Callable[[str], None] | None = None
        # Seconds Telegram's clock is ahead of this machine's (its HTTP Date header).
        self.clock_offset = 0.0
        self._server: HttpServer | None = None

    # ----- request entry point -------------------------------------------------------------

    async def handle(
        self,
        method: str,
        params: Mapping[str, Any],
        files: Files | None = None,
        *,
        token: str | None = None,
    ) -> tuple[int, JSON]:
        """Answer one Bot API call: HTTP status and JSON body, exactly as Telegram would."""
        started = time.monotonic()
        if self.on_request is not None:
            self.on_request(method)
        files = files or {}
        handler = HANDLERS.get(method.lower())
        if token is not None and token != self.token:
            return self._answer(method, dict(params), files, started, ApiError(401, "Unauthorized"))
        if handler is None:
            missing = ApiError(404, f"Not Found: method {method} is not emulated")
            try:
                shown = decode_params(params)
            except ApiError:
                shown = dict(params)
            answer = self._answer(method, shown, files, started, missing, force_record=True)
            self.unknown_calls.append(self.calls[-1])
            return answer
        decoded: JSON = dict(params)
        with contextlib.suppress(ApiError):  # reported below, when the call is decoded again
            decoded = decode_params(params)
        delay = self.faults.take_delay(method, decoded.get("chat_id"))
        if delay is not None and not delay.effect_first:
            await asyncio.sleep(delay.seconds)
        try:
            decoded = decode_params(params)
            result = await self._run(method, handler, decoded, files)
        except ApiError as error:
            answer = self._answer(method, decoded, files, started, error)
        except Exception as exc:  # an emulator bug must surface, not pass as a network blip
            _LOG.exception("emulator failed on %s", method)
            self.internal_errors.append(exc)
            bug = ApiError(500, f"Internal Server Error: emulator bug: {exc!r}")
            answer = self._answer(method, decoded, files, started, bug)
        else:
            answer = self._answer(method, decoded, files, started, result=result)
        if delay is not None and delay.effect_first:
            await asyncio.sleep(delay.seconds)
        return answer

    async def _run(self, method: str, handler: Any, params: JSON, files: Files) -> Any:
        failure = self.faults.take_failure(method, params.get("chat_id"))
        if failure is not None:
            raise failure
        hold = self.faults.take_hold(method, params)
        if hold is not None:
            await hold.wait()
            if hold.error is not None:
                raise hold.error
        limited = method.lower() in SEND_METHODS and self.limits.active
        chat_key = params.get("chat_id")
        if limited and isinstance(chat_key, int | str):
            try:
                self.limits.check(chat_key, self.clock())
            except ApiError:
                self.rate_limited_count += 1
                raise
            result = await handler(self, params, files)
            self.limits.record(chat_key, self.clock())
            return result
        return await handler(self, params, files)

    def _answer(
        self,
        method: str,
        params: JSON,
        files: Files,
        started: float,
        error: ApiError | None = None,
        *,
        result: Any = None,
        force_record: bool = False,
    ) -> tuple[int, JSON]:
        if error is None:
            status, body, description = 200, {"ok": True, "result": result}, None
        else:
            status, body, description = error.status, error.body(), error.description
        if self.record_calls or force_record:
            names = [f[0] for f in files.values()]
            self.calls.append(
                RecordedCall(method, params, names, status, started, description, result)
            )
            self._touch()
        return status, body

    def calls_to(self, method: str) -> list[RecordedCall]:
        """Recorded calls of one method (case-insensitive), oldest first."""
        lowered = method.lower()
        return [call for call in self.calls if call.method.lower() == lowered]

    # ----- transports ------------------------------------------------------------------------

    def request(self, read_timeout: float | None = 5.0) -> EmulatorRequest:
        """A python-telegram-bot request object that talks to this emulator in-process."""
        from bot.emulator.transport import EmulatorRequest

        return EmulatorRequest(self, read_timeout=read_timeout)

    async def serve(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve the Bot API over HTTP; return the base_url for python-telegram-bot."""
        from bot.emulator.server import HttpServer

        if self._server is None:
            self._server = HttpServer(self)
            await self._server.start(host, port)
        return self._server.base_url

    @property
    def base_file_url(self) -> str:
        """The base_file_url for python-telegram-bot while :meth:`serve` is running."""
        if self._server is None:
            raise RuntimeError("serve() has not been called")
        return self._server.base_file_url

    async def stop_serving(self) -> None:
        """Stop the HTTP server, if running."""
        if self._server is not None:
            server, self._server = self._server, None
            await server.stop()

    async def aclose(self) -> None:
        """Stop the HTTP server and webhook delivery."""
        await self.stop_serving()
        await self.webhook.stop()

    async def __aenter__(self) -> BotAPIEmulator:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def download(self, file_path: str, token: str) -> tuple[int, bytes]:
        """Serve a file download the way api.telegram.org/file/bot<token>/<path> does."""
        stored = self.files.by_path(file_path) if token == self.token else None
        if stored is None:
            return 404, b'{"ok":false,"error_code":404,"description":"Not Found"}'
        return 200, stored.content

    # ----- faults, limits, updates -----------------------------------------------------------

    def fail_next(
        self,
        method: str,
        *,
        status: int = 500,
        description: str = "Internal Server Error",
        retry_after: int | None = None,
        times: int = 1,
        chat_id: int | str | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` ("*" = any) fail like this."""
        self.faults.fail_next(
            method,
            status=status,
            description=description,
            retry_after=retry_after,
            times=times,
            chat_id=chat_id,
        )

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
        """Hold the next ``times`` calls of ``method`` (after any failure) until released;
        `containing`: only those with a parameter that contains it; with `status`, they then fail
        with it (a 429 that comes only when the test says)."""
        return self.faults.hold(
            method,
            times=times,
            chat_id=chat_id,
            containing=containing,
            status=status,
            retry_after=retry_after,
        )

    def delay(
        self,
        method: str,
        seconds: float,
        *,
        times: int | None = None,
        effect_first: bool = False,
        chat_id: int | str | None = None,
    ) -> None:
        """Add latency to ``method`` (for one chat, or all); with ``effect_first`` it still acts."""
        self.faults.delay(method, seconds, times=times, effect_first=effect_first, chat_id=chat_id)

    def set_rate_limits(
        self,
        global_per_second: float | None = None,
        per_chat_per_second: float | None = None,
        per_group_per_minute: float | None = None,
    ) -> None:
        """Enforce Telegram-style flood limits on send methods (None disables one)."""
        self.limits.configure(global_per_second, per_chat_per_second, per_group_per_minute)

    @property
    def acknowledged_up_to(self) -> int:
        """Highest update_id the bot confirmed with an offset."""
        return self.updates.acknowledged_up_to

    @property
    def pending_updates(self) -> int:
        """Number of updates not yet confirmed."""
        return len(self.updates.pending)

    async def wait_until_fetched(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Return when every queued update reached the bot at least once."""
        await self.updates.wait_until_fetched(timeout)
