"""The staff workspace over HTTP: its page at /staff/, its API, its downloads.

Served by the bot's own process with aiohttp: in webhook mode on the webhook's server (one
server: webhook, /healthz, workspace), in polling mode on WEB_LISTEN:WEB_PORT. Every API
request carries Telegram's init data (`Authorization: tma …`), checked at each request, then
the user id against ADMIN_IDS as they are now. Refusals are 401 or 403 with a short JSON body
that does not say which check failed, logged at most once a minute per cause, never with the
data. No cookies; every answer `Cache-Control: no-store` with a strict Content-Security-Policy.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import re
import socket
import time
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from importlib import resources
from typing import Any

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from telegram import Bot

from bot.alerts import Burst, Refusals
from bot.content import LANGUAGES
from bot.leads.export import plain_text
from bot.services import Services
from bot.store.health import is_storage_error
from bot.store.workspace import WorkspaceReads
from bot.terminal_text import count_of, without_controls
from bot.texts import Text
from bot.transport import json_codec, slow_clients
from bot.transport.webhook import ServerLog
from bot.web import (
    actions,
    announcements,
    auth,
    inputs,
    lead_page,
    listing,
    questions,
    records,
    teach,
)
from bot.web.desk import Desk, LeadGone, Viewer
from bot.web.downloads import LIFETIME, SWEEP_SECONDS, TYPES, Downloads

log = logging.getLogger(__name__)

PREFIX = "/staff"
MAX_BODY = 64 * 1024  # bytes of one API request (500 selected leads take about 8 KB)
# Telegram's web clients may frame the page; its apps open it in a web view of their own.
FRAME_ANCESTORS = "https://web.telegram.org https://webk.telegram.org https://webz.telegram.org"
CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self' https://telegram.org/js/telegram-web-app.js",  # that file only
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        f"frame-ancestors {FRAME_ANCESTORS}",
    )
)
HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
STATIC_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")

Action = Callable[[Desk, Viewer, dict[str, Any]], Awaitable[dict[str, Any]]]


def static_files() -> dict[str, tuple[bytes, str]]:
    """The page's files shipped in the package (bot/web/static), by name."""
    folder = resources.files("bot.web") / "static"
    files = {}
    for item in folder.iterdir():
        suffix = "." + item.name.rsplit(".", 1)[-1]
        if item.is_file() and suffix in STATIC_TYPES:
            files[item.name] = (item.read_bytes(), STATIC_TYPES[suffix])
    return files


def _refused(cause: str, burst: Burst) -> None:
    log.warning(
        "Workspace refused %s (%s) since the last report, from %s",
        count_of(burst.count, "request"),
        cause,
        burst.refusers("address", "addresses"),
    )


def _json(body: Any, status: int = 200) -> web.Response:
    """A JSON answer, encoded by orjson (a board of 180 cards is a few ms in the standard
    library, on the event loop that also answers talents)."""
    return web.Response(body=json_codec.dumps(body), status=status, content_type="application/json")


def _error(
    status: int, code: str, detail: str | None = None, said: str | None = None
) -> web.Response:
    body: dict[str, str] = {"error": code}
    if detail:
        body["detail"] = detail
    if said:  # shown by the page as it is (the admin's language)
        body["said"] = said
    return _json(body, status)


# Actions after which the kept statistics are read again (stages and duplicates are counted).
CHANGES_FIGURES = frozenset(
    {"move", "bulk-move", "contacted", "close-duplicate", "reopen-duplicate", "edit-answer"}
)


class Workspace:
    """The staff workspace of one running bot."""

    def __init__(
        self,
        services: Services,
        bot: Bot,
        *,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        sweep_seconds: float = SWEEP_SECONDS,
    ) -> None:
        self._services = services
        self._bot = bot
        self._clock = clock  # wall time: init data's auth_date is Unix time
        self._monotonic = monotonic
        self._sweep_seconds = sweep_seconds
        self._stack = AsyncExitStack()
        self._desk: Desk | None = None
        self._files = static_files()
        self.downloads = Downloads(monotonic)
        self.refusals: Refusals = services.refusals  # logged with the chat's, flushed by its job
        self._actions: dict[str, Action] = {
            "leads": listing.leads,
            "board": listing.board,
            "lead": self._lead,
            "log": lead_page.older_log,
            "note": actions.note,
            "assign": records.assign,
            "contacted": records.contacted,
            "close-duplicate": records.close_duplicate,
            "reopen-duplicate": records.reopen_duplicate,
            "not-duplicate": records.not_duplicate,
            "edit-answer": records.edit_answer,
            "note-edit": records.edit_note,
            "note-delete": records.delete_note,
            "preview": actions.preview,
            "move": actions.move,
            "bulk-preview": actions.bulk_preview,
            "bulk-move": actions.bulk_move,
            "reply": actions.reply,
            "questions": questions.waiting,
            "questions-count": questions.count,
            "questions-reply": questions.reply,
            "questions-close": questions.close,
            "export": self.downloads.create,
            "session": self._session,
            "stats": self._stats,
            "stats-more": listing.further,  # a list of questions past its ten
            "teach": teach.teach,
            "untaught": teach.forget,
            "broadcasts": announcements.listed,
            "broadcast-stop": announcements.stop,
            "broadcast-preview": announcements.preview,
            "broadcast-try": announcements.try_out,
            "broadcast-send": announcements.send,
        }

    @property
    def desk(self) -> Desk | None:
        """What serves the requests (None before start and after stop)."""
        return self._desk

    async def start(self) -> None:
        """Open the workspace's own read connection; start expiring exports."""
        reader = await self._stack.enter_async_context(self._services.store.db.side_reader())
        self._desk = Desk(self._services, self._bot, WorkspaceReads(reader))
        erasure = self._services.store.privacy.on_erasure
        for listener in (
            self.downloads.drop_all,
            self._desk.stats.forget,
            self._desk.reads.forget_counts,
        ):
            # Exports may hold the erased talent; the kept statistics still count them; kept
            # counts are keyed by the searches typed, which may be the talent's name.
            erasure.append(listener)
            self._stack.callback(erasure.remove, listener)
        self._stack.push_async_callback(self._desk.stats.close)
        sweeper = asyncio.create_task(self._sweep(), name="workspace-exports")
        self._stack.push_async_callback(_end, sweeper)

    async def stop(self) -> None:
        """Close the reader; delete exports nobody fetched."""
        await self._stack.aclose()
        self.downloads.close()
        self._desk = None

    async def _sweep(self) -> None:
        """Delete exports past their lifetime even when nobody uses the workspace."""
        while True:
            await asyncio.sleep(self._sweep_seconds)
            self.downloads.expire()

    def mount(self, app: web.Application) -> None:
        """Serve the workspace under /staff/ of a server (the webhook's, or its own)."""
        app.router.add_get(PREFIX, self._to_page)
        app.add_subapp(PREFIX, self.application())

    def application(self) -> web.Application:
        """The /staff sub-application."""
        app = web.Application(middlewares=[_headers])
        app.router.add_get("/", self._page)
        app.router.add_get("/texts.json", self._texts)
        app.router.add_get("/download/{token}", self._download)
        app.router.add_post("/api/{action}", self._api)
        app.router.add_get("/{name}", self._static)
        return app

    # ----- the page --------------------------------------------------------------------------

    async def _to_page(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPMovedPermanently(f"{PREFIX}/", headers=HEADERS)

    async def _page(self, request: web.Request) -> web.Response:
        body, kind = self._files["index.html"]
        return web.Response(body=body, content_type=kind.split(";")[0], charset="utf-8")

    async def _static(self, request: web.Request) -> web.Response:
        found = self._files.get(request.match_info["name"])
        if found is None:
            return _error(404, "not_found")
        body, kind = found
        response = web.Response(body=body)
        response.headers["Content-Type"] = kind
        return response

    async def _texts(self, request: web.Request) -> web.Response:
        """Every word of the page in both languages (needed before anyone is signed in)."""
        return _json(listing.page_texts(self._services.content))

    # ----- the API ---------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        """POST /staff/api/<action> with `Authorization: tma <init data>` and a JSON body."""
        viewer = self._viewer(request)
        if isinstance(viewer, web.Response):
            return viewer
        name = request.match_info["action"]
        action = self._actions.get(name)
        if action is None:
            return _error(404, "not_found")
        body = await _body(request)
        if isinstance(body, web.Response):
            return body
        desk = self._desk
        if desk is None:  # stopping
            return _error(503, "unavailable")
        try:
            await desk.seen(viewer)
            result = await action(desk, viewer, body)
            if name in CHANGES_FIGURES:  # the staff member's own change shows in Stats at once
                desk.stats.forget()
            return _json(result)
        except inputs.BadInput as error:
            return _error(400, "bad_request", str(error), error.said)
        except LeadGone:
            return _error(404, "not_found")
        except Exception as error:
            if is_storage_error(error):  # logged once by the store; nothing was changed
                return _error(503, "unavailable")
            log.exception("Workspace request %s failed", request.match_info["action"])
            return _error(500, "server")

    def _viewer(self, request: web.Request) -> Viewer | web.Response:
        """The admin Telegram vouches for, or the refusal (401/403) to send."""
        settings = self._services.settings
        raw = auth.from_header(request.headers.get("Authorization"))
        try:
            user = auth.validate(
                raw,
                settings.token(),
                max_age=settings.web_auth_max_age.total_seconds(),
                now=self._clock(),
            )
        except auth.AuthError as error:
            self._refused(error.cause, request.remote)
            return _error(401, "unauthorized")
        if not settings.is_admin(user.id):
            self._refused("not_staff", request.remote)
            return _error(403, "forbidden")
        return Viewer(
            user.id,
            self._services.language_for(user.language_code),
            without_controls(user.first_name),
        )

    def _refused(self, cause: str, remote: str | None) -> None:
        """One log line per cause and minute: how many, from which addresses (a minute's last
        burst written by the job queue, bot/alerts.py Refusals); never the data itself."""
        self.refusals.refused(
            f"workspace:{cause}", remote or "?", functools.partial(_refused, cause)
        )

    async def _session(self, desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
        return await listing.session(desk, viewer)

    async def _stats(self, desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
        return await listing.statistics(desk, viewer)

    async def _lead(self, desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
        return await lead_page.lead(desk, viewer, inputs.lead_key(body))

    # ----- downloads -------------------------------------------------------------------------

    async def _download(self, request: web.Request) -> web.StreamResponse:
        """An export, once, by its token (the admin who asked must still be an admin).

        HEAD (a proxy, a link checker, a download manager looking first) gets the headers the
        download would, and leaves the link unused (an attacker's review: it used it up, and
        its answer carried the whole file)."""
        token = request.match_info["token"]
        head = request.method == "HEAD"
        ready = None
        if _TOKEN.fullmatch(token):
            ready = self.downloads.take(token, self._services.settings.is_admin, keep=head)
        if ready is None:  # used, past its lifetime, or never made: said in words
            content = self._services.content
            said = "\n\n".join(
                plain_text(content.text(Text.DOWNLOAD_GONE, language, minutes=round(LIFETIME / 60)))
                for language in LANGUAGES
            )
            return web.Response(status=404, text=said + "\n")  # headers: see _headers
        headers = {
            "Content-Type": TYPES[ready.kind],
            "Content-Disposition": f'attachment; filename="{ready.name}"',
            **HEADERS,
        }
        if head:  # aiohttp sends no body with a HEAD answer
            size = str(ready.path.stat().st_size)
            return web.Response(headers={**headers, "Content-Length": size})
        response = web.StreamResponse(headers=headers)
        try:
            await response.prepare(request)
            with ready.path.open("rb") as file:
                while chunk := file.read(256 * 1024):
                    await response.write(chunk)
            await response.write_eof()
        finally:
            ready.path.unlink(missing_ok=True)
        return response


async def _end(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def _body(request: web.Request) -> dict[str, Any] | web.Response:
    """The request's JSON object, or a 400 saying in a few words why it is not one."""
    if request.content_length is not None and request.content_length > MAX_BODY:
        return _error(400, "bad_request", "body too large")
    try:
        raw = await slow_clients.read_in_time(request, _read(request))
    except (web.RequestPayloadError, HttpProcessingError):  # not the Content-Encoding it claims
        # Nothing more to read: else aiohttp reads on through the rest of the broken body
        # after the answer, and logs the same error again with a traceback.
        request.content.feed_eof()
        # Nor is the connection usable after it: the next request on it waited for good (an
        # attacker's review); the client opens another.
        refused = _error(400, "bad_request", "body could not be read")
        refused.force_close()
        return refused
    if raw is None:
        return slow_clients.too_slow(_error(408, "timeout", "body too slow"))
    if len(raw) > MAX_BODY:  # a body sent without a length, or longer than it said
        return _error(400, "bad_request", "body too large")
    try:
        body = json.loads(raw or b"{}", parse_constant=_not_json)
    except RecursionError:
        return _error(400, "bad_request", "JSON nested too deep")
    except ValueError:
        return _error(400, "bad_request", "not JSON")
    if not isinstance(body, dict):
        return _error(400, "bad_request", "the body must be a JSON object")
    if not _encodable(body):
        return _error(400, "bad_request", "text that is not Unicode")
    return body


async def _read(request: web.Request) -> bytes:
    """The body, up to one byte more than MAX_BODY."""
    raw = b""
    while len(raw) <= MAX_BODY and (chunk := await request.content.read(MAX_BODY + 1 - len(raw))):
        raw += chunk
    return raw


def _not_json(constant: str) -> Any:
    """NaN, Infinity and -Infinity: Python's json reads them, but they are not JSON."""
    raise ValueError(f"{constant} is not JSON")


def _encodable(body: dict[str, Any]) -> bool:
    """Whether every string of the body can be stored: JSON may carry a lone UTF-16
    surrogate ("\\ud800"), which is no character and which SQLite refuses."""
    try:
        json.dumps(body, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return False
    return True


@web.middleware
async def _headers(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """No caching, a strict CSP and friends on every answer of the workspace."""
    try:
        response = await handler(request)
    except web.HTTPException as error:
        if error.status >= 400:  # aiohttp's own 404/405: short JSON as ours
            response = _error(error.status, "not_found" if error.status == 404 else "refused")
        else:
            raise
    if not response.prepared:
        response.headers.update(HEADERS)
    return response


class WorkspaceServer:
    """Polling mode: the workspace on a server of its own at WEB_LISTEN:WEB_PORT."""

    def __init__(
        self,
        workspace: Workspace,
        listen: str,
        port: int,
        bound: socket.socket | None = None,
        read_seconds: float = slow_clients.READ_SECONDS,
        max_connections: int = slow_clients.MAX_CONNECTIONS,
    ) -> None:
        self._workspace = workspace
        self._max_connections = max_connections  # open at once (MAX_CONNECTIONS)
        self._read_seconds = read_seconds  # to send a request whole (bot/transport/slow_clients)
        self._listen = listen
        self._port = port
        self._bound = bound  # a socket already bound to listen:port (`kocca-bot chat`)
        self._runner: web.AppRunner | None = None

    @property
    def connections(self) -> slow_clients.ConnectionCap | None:
        """Its open connections, once started."""
        return slow_clients.cap_of(self._runner)

    async def start(self) -> None:
        """Listen (the workspace's reader opens first)."""
        app = web.Application(client_max_size=MAX_BODY)
        self._workspace.mount(app)
        # Malformed requests (anyone can knock on the port) are one log line a minute at most,
        # as on the webhook's server.
        self._runner = slow_clients.runner(
            app,
            self._read_seconds,
            slow_clients.connection_cap(self._max_connections),
            access_log=None,
            logger=ServerLog(self._workspace.refusals),
        )
        await self._runner.setup()
        if self._bound is None:
            site: web.BaseSite = web.TCPSite(self._runner, self._listen, self._port)
        else:
            site = web.SockSite(self._runner, self._bound)
        await site.start()
        log.info("Staff workspace listening on %s:%d%s/", self._listen, self._port, PREFIX)

    async def stop(self) -> None:
        """Stop listening."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
