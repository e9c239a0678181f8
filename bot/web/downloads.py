"""Exports from the workspace: written as `/export` writes them, fetched once by a token.

The page cannot attach its Authorization header to a download Telegram makes for it
(`WebApp.downloadFile`), so an export gets a random one-use token that lives a few minutes,
bound to the admin who asked (still checked against ADMIN_IDS when the file is fetched).
The token is no personal data; the file is 0600 in a private folder and deleted once sent,
when it expires (the workspace sweeps every SWEEP_SECONDS), when any talent is erased or
withdraws (the file may hold them: the admin exports again), or when the bot stops.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from bot import temp_folders
from bot.leads import export
from bot.leads.export import FORMATS, ExportRequest
from bot.private_files import private_folder
from bot.texts import Text
from bot.web import inputs
from bot.web.desk import Desk, Viewer

LIFETIME = 300.0  # seconds a download link works
SWEEP_SECONDS = 30.0  # how often exports past their lifetime are looked for
ERASED_RETRIES = 3  # writes of one export when erasures keep coming meanwhile
Format = Literal["csv", "xlsx"]
TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True, slots=True)
class Ready:
    """An export waiting to be fetched."""

    admin_id: int
    path: Path
    name: str
    kind: Format
    expires: float


class Downloads:
    """Exports written for admins, each behind a token."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._folder: Path | None = None
        self._ready: dict[str, Ready] = {}

    def _private(self) -> Path:
        if self._folder is None:
            made = tempfile.mkdtemp(prefix=temp_folders.prefix("workspace"))
            self._folder = private_folder(Path(made))
        return self._folder

    def expire(self) -> None:
        """Delete the exports past their lifetime."""
        now = self._clock()
        for token in [token for token, ready in self._ready.items() if ready.expires <= now]:
            self._ready.pop(token).path.unlink(missing_ok=True)

    def drop_all(self) -> None:
        """Delete every export not fetched yet (a talent was erased: it may be in them)."""
        while self._ready:
            self._ready.popitem()[1].path.unlink(missing_ok=True)

    async def create(self, desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
        """The leads of the page's filter as a CSV or XLSX file, recorded before it is written."""
        kind = body.get("format")
        if kind not in FORMATS:  # a tuple: a list or object given is not in it, no TypeError
            raise inputs.BadInput("format must be csv or xlsx")
        query = desk.query(viewer, body.get("filter"))
        detail: dict[str, Any] = {"format": kind, **query.described}
        if query.search_length:
            detail["search_length"] = query.search_length
        # Recorded before any data leaves: who exported what (UU PDP Pasal 31).
        await desk.store.audit.add(viewer.actor, "export", None, **detail)
        self.expire()
        now = datetime.now(UTC)
        where = query.where
        only_closed = where.closed_duplicate is True
        asked = ExportRequest(where.sector, stage=where.stage, closed_duplicates=only_closed)
        name = asked.file_name(kind, now, desk.content, viewer.language)  # as the file reads
        token = secrets.token_urlsafe(32)
        path = self._private() / f"{token}.{kind}"
        forwards = desk.services.settings.forwarding() is not None
        privacy = desk.store.privacy
        for _ in range(ERASED_RETRIES):
            erasures = privacy.erasures
            written = await export.write_exports(
                desk.store,
                desk.content,
                query.where,
                {kind: path},
                forwards=forwards,
                language=viewer.language,  # as the workspace reads
            )
            if privacy.erasures == erasures:
                break
            # A talent was erased (or withdrew) while the file was written: it may hold them,
            # and drop_all could not reach a file not kept yet. Written again without them.
            path.unlink(missing_ok=True)
        else:
            raise inputs.BadInput("talents' data changed during the export: export again")
        count = written.rows
        # A stage's export leaves out the leads closed as a duplicate (in no stage): said.
        left_out = written.closed_left_out
        said = {}
        if left_out:
            note = desk.say(Text.EXPORT_CLOSED_LEFT_OUT, viewer.language, count=left_out)
            said["left_out"] = note
        if count == 0:
            path.unlink(missing_ok=True)
            return {"count": 0, **said}
        self._ready[token] = Ready(viewer.user_id, path, name, kind, self._clock() + LIFETIME)
        return {"count": count, "name": name, "path": f"download/{token}", **said}

    def take(
        self, token: str, is_admin: Callable[[int], bool], *, keep: bool = False
    ) -> Ready | None:
        """The export behind a token, once (None: unknown, expired, or its admin removed);
        `keep`: left for its download (a HEAD request only looks)."""
        self.expire()
        ready = self._ready.get(token)
        if ready is not None and not is_admin(ready.admin_id):  # nobody may fetch it now
            del self._ready[token]
            ready.path.unlink(missing_ok=True)
            return None
        if ready is not None and not keep:
            del self._ready[token]
        return ready

    def close(self) -> None:
        """Delete every export not fetched (the bot stops)."""
        self._ready.clear()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
