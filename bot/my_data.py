"""/dataku: a talent's copy of their data, made without holding up the bot.

The copy comes from one unchanging view of the data (`Privacy.copy_source`): the tables are
laid out as bot/data_copy.py does, and the conversation log, which can hold a year of
messages, is read and laid out a list of rows at a time. Laying out and writing happen in a
worker thread, straight into a DEFLATE-compressed ZIP in a private folder (files 0600): the
copy is never whole in memory and the event loop only passes rows along (the conversation
is written one message a line, with json's C encoder: the indenting encoder is pure Python,
and the loop would wait longer for the GIL while it runs). A small copy is
sent as the JSON file itself; a larger one as the ZIP, cut into parts under Telegram's
50 MB upload limit if need be (`export.split_for_upload`).

Each talent gets at most one copy of the same data every COPY_INTERVAL (`CopyRequests`): a
repeat meanwhile is told the copy is being prepared, or was just sent and when to ask again.
The document holds the same data as `readable_copy` makes (tests compare them).
"""

from __future__ import annotations

import asyncio
import json
import time
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from bot.content import Content
from bot.data_copy import conversation_rows, readable_copy
from bot.leads.cancelling import as_minor
from bot.leads.export import UPLOAD_LIMIT, split_for_upload
from bot.privacy import INBOX_RETENTION
from bot.private_files import open_private, private_file
from bot.store import Store
from bot.store.db import Row
from bot.texts import Text

COPY_INTERVAL = timedelta(minutes=5)  # one copy per talent at most this often
PLAIN_LIMIT = 5 * 1000 * 1000  # a copy up to this size is sent as the JSON file itself
LOG_BATCH = 1000  # conversation-log rows laid out and written at a time


@dataclass(frozen=True, slots=True)
class CopyWait:
    """Why no copy is made now: one is being made (`sending`), or one was sent lately; `again`:
    when a new one may be asked for (UTC)."""

    sending: bool
    again: datetime


@dataclass(slots=True)
class _Request:
    started: float  # time.monotonic()
    again: datetime  # when a new copy may be asked for (UTC)
    data: str  # the talent's registrations as they stood (`Applications.changed`)
    sending: bool = True


class CopyRequests:
    """Which talents asked for a copy lately (in memory: a restart forgets, harmlessly)."""

    def __init__(self, interval: timedelta = COPY_INTERVAL) -> None:
        self._interval = interval
        self._started: dict[int, _Request] = {}

    def begin(self, user_id: int, data: str = "") -> CopyWait | None:
        """None if a copy for this talent may be made now (and is counted from now); else why
        not: one is being made, or one was made within the interval of the same `data` (their
        registrations as they stand: one registered since, the copy sent holds it not, so a
        new one may be made: a talents' review)."""
        now = time.monotonic()
        seconds = self._interval.total_seconds()
        for talent, made in list(self._started.items()):  # forget old requests
            if now - made.started >= seconds:
                del self._started[talent]
        request = self._started.get(user_id)
        if request is not None and (request.sending or request.data == data):
            return CopyWait(request.sending, request.again)
        self._started[user_id] = _Request(now, datetime.now(UTC) + self._interval, data)
        return None

    def sent(self, user_id: int) -> None:
        """The copy reached the talent: a repeat is told so, and when to ask again."""
        request = self._started.get(user_id)
        if request is not None:
            request.sending = False

    def forget(self, user_id: int) -> None:
        """The copy did not reach the talent, or their data was erased since: they may ask
        again at once."""
        self._started.pop(user_id, None)


@dataclass(frozen=True, slots=True)
class Copy:
    """A written copy: the files to send, how they were packed, counts for the summary."""

    files: list[Path]
    zipped: bool
    counts: dict[str, int]  # rows per table (the conversation log's included)

    @property
    def split(self) -> bool:
        """Whether the ZIP had to be cut into numbered parts."""
        return len(self.files) > 1


async def write_copy(
    store: Store,
    content: Content,
    user_id: int,
    language: str,
    controller: str,
    folder: Path,
    request_update: int | None = None,
) -> Copy | None:
    """Write the talent's copy into `folder` (a private, temporary one); None if nothing is
    stored about them. `request_update` is the update asking for it."""
    name = f"kocca-talent-desk-data-{user_id}"
    archive = folder / f"{name}.zip"
    # Those the bot cancelled (under 18, no guardian's consent): not "Kamu batalkan" (s62, N2).
    registrations = await store.pipeline.registrations(user_id)
    minor = [item.reference for item in registrations if as_minor(item.withdrawn_reason)]
    async with store.privacy.copy_source(user_id, LOG_BATCH) as source:
        tables = source.tables
        if not tables.get("users"):
            return None
        first = await anext(source.log, None)
        # The sections laid out as data_copy does; the conversation section, if any, from
        # its first rows only, as the place where the whole log is written a part at a time.
        sections = await asyncio.to_thread(
            readable_copy,
            {**tables, "conversation_log": _plain(first or [])[:1]},
            content,
            language,
            user_id=user_id,
            notice_version=content.privacy.version,
            controller=controller,
            processed_days=INBOX_RETENTION.days,
            made_at=datetime.now(UTC),
            request_update=request_update,
            cancelled_as_minor=minor,
        )
        conversation = content.text(Text.MYDATA_SECTION_CONVERSATION, language)
        writer = await asyncio.to_thread(_JsonZip, archive, f"{name}.json")
        messages = 0
        try:
            for key, section in sections.items():
                if key != conversation:
                    await asyncio.to_thread(writer.section, key, section)
                    continue
                await asyncio.to_thread(writer.open_list, key)
                batch = first
                while batch:
                    messages += len(batch)
                    await asyncio.to_thread(writer.log_rows, content, language, batch)
                    batch = await anext(source.log, None)
                await asyncio.to_thread(writer.close_list)
        finally:
            await asyncio.to_thread(writer.close)
    counts = {table: len(rows) for table, rows in tables.items()}
    counts["conversation_log"] = messages
    sent = sum(row["status"] == "submitted" for row in tables.get("applications", []))
    counts["applications_sent"] = sent
    counts["applications_draft"] = counts.get("applications", 0) - sent
    if writer.size <= PLAIN_LIMIT:
        plain = await asyncio.to_thread(_unzip, archive, f"{name}.json", folder)
        return Copy([plain], zipped=False, counts=counts)
    upload = await asyncio.to_thread(split_for_upload, archive, UPLOAD_LIMIT)
    return Copy(upload.files, zipped=True, counts=counts)


class _JsonZip:
    """One JSON document written a part at a time into a ZIP entry (DEFLATE): sections as
    json.dumps(copy, ensure_ascii=False, indent=2) would write them, the items of a list
    written a part at a time one a line. Runs in a thread."""

    def __init__(self, archive: Path, name: str) -> None:
        private_file(archive)  # 0600 before a byte is written
        self._zip = zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED)
        self._entry: IO[bytes] = self._zip.open(name, "w", force_zip64=True)
        self.size = 0  # bytes of JSON written
        self._sections = 0
        self._items = 0
        self._write("{")

    def _write(self, text: str) -> None:
        data = text.encode("utf-8")
        self._entry.write(data)
        self.size += len(data)

    def _key(self, key: str) -> None:
        self._write(("\n" if self._sections == 0 else ",\n") + f"  {_dumps(key)}: ")
        self._sections += 1

    def section(self, key: str, value: Any) -> None:
        """One section, whole."""
        self._key(key)
        self._write(_indented(_dumps(value), 2))

    def open_list(self, key: str) -> None:
        """A section that is a list written a part at a time (`items`, then `close_list`)."""
        self._key(key)
        self._write("[")
        self._items = 0

    def items(self, values: list[Any]) -> None:
        """The next items of the open list, one a line (json's C encoder: the loop waits
        less for the GIL than with the indenting one, which is pure Python)."""
        lines = [json.dumps(value, ensure_ascii=False, default=str) for value in values]
        self._write(("\n    " if self._items == 0 else ",\n    ") + ",\n    ".join(lines))
        self._items += len(lines)

    def log_rows(self, content: Content, language: str, batch: list[Row]) -> None:
        """Conversation-log rows, laid out as the copy's conversation section does."""
        self.items(conversation_rows(content, language, _plain(batch)))

    def close_list(self) -> None:
        """The end of the open list."""
        self._write("\n  ]" if self._items else "]")

    def close(self) -> None:
        """The end of the document and of the ZIP."""
        if not self._entry.closed:
            self._write("\n}" if self._sections else "}")
            self._entry.close()
        self._zip.close()


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


def _indented(text: str, spaces: int) -> str:
    """A JSON text nested `spaces` deeper (JSON strings hold no raw line breaks)."""
    return text.replace("\n", "\n" + " " * spaces)


def _unzip(archive: Path, name: str, folder: Path) -> Path:
    """The document itself, out of its ZIP (a small copy goes as the JSON file)."""
    plain = folder / name
    with (
        zipfile.ZipFile(archive) as packed,
        packed.open(name) as source,
        open_private(plain) as target,
    ):
        while block := source.read(1 << 20):
            target.write(block)
    archive.unlink()
    return plain


def _plain(batch: list[Row]) -> list[dict[str, Any]]:
    return [dict(row) for row in batch]
