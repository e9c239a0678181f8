"""Files known to the emulator: uploads by the bot, media sent by users, file_id reuse."""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from bot.emulator.errors import ApiError, bad_request
from bot.emulator.params import Files
from bot.emulator.shapes import SIZE_ALIAS, StoredFile, guess_mime

# Telegram's upload limit for bots on the public Bot API server.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# file_id prefixes in the style of Telegram's, by kind; only cosmetic.
_PREFIX = {"photo": "AgACAgI", "document": "BQACAgI", "voice": "AwACAgI", "sticker": "CAACAgI"}


class FileStore:
    """Every file by file_id and by the file_path getFile hands out."""

    def __init__(self) -> None:
        self._by_id: dict[str, StoredFile] = {}
        self._by_path: dict[str, StoredFile] = {}
        self._count = 0

    def add(
        self, kind: str, content: bytes, filename: str | None = None, mime_type: str | None = None
    ) -> StoredFile:
        """Store new bytes under a fresh file_id."""
        self._count += 1
        number = self._count
        if kind == "document":
            mime_type = guess_mime(filename, mime_type)
        extension = mimetypes.guess_extension(mime_type or "") or ""
        if filename and "." in filename:
            extension = "." + filename.rsplit(".", 1)[1]
        stored = StoredFile(
            file_id=f"{_PREFIX.get(kind, 'BAACAgI')}AAxkBAAE{number:08d}",
            file_unique_id=f"AgAD{number:06d}",
            kind=kind,
            content=content,
            filename=filename,
            mime_type=mime_type,
            file_path=f"{kind}s/file_{number}{extension}",
        )
        self._by_id[stored.file_id] = stored
        self._by_path[stored.file_path] = stored
        return stored

    def get(self, file_id: str) -> StoredFile | None:
        """Look a file up by file_id, including the smaller-size aliases of photos."""
        found = self._by_id.get(file_id)
        if found is None and SIZE_ALIAS in file_id:
            found = self._by_id.get(file_id.split(SIZE_ALIAS, 1)[0])
        return found

    def by_path(self, file_path: str) -> StoredFile | None:
        """Look a file up by the file_path getFile returned."""
        return self._by_path.get(file_path)

    def resolve(self, params: Mapping[str, Any], files: Files, field: str, kind: str) -> StoredFile:
        """The file a send method refers to: an upload, attach://, a known file_id or a URL."""
        ref = params.get(field)
        key = field
        if isinstance(ref, str) and ref.startswith("attach://"):
            key = ref[len("attach://") :]
        if key in files:
            filename, content, mime_type = files[key]
            if not content:
                raise bad_request("file must be non-empty")
            if len(content) > MAX_UPLOAD_BYTES:
                raise ApiError(413, "Request Entity Too Large")
            return self.add(kind, content, filename, mime_type)
        if not isinstance(ref, str) or not ref:
            raise bad_request(f"there is no {field} in the request")
        known = self.get(ref)
        if known is not None:
            return known
        if ref.startswith(("http://", "https://")):
            # Never fetched: tests must not touch the network. The file is empty but valid.
            name = urlsplit(ref).path.rsplit("/", 1)[-1] or None
            return self.add(kind, b"", name, None)
        raise bad_request("wrong file identifier/HTTP URL specified")
