"""In-process transport: a python-telegram-bot request object that calls the emulator directly."""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING
from urllib.parse import unquote

from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import TimedOut
from telegram.request import BaseRequest, RequestData

from bot.transport import json_codec

if TYPE_CHECKING:
    from bot.emulator.core import BotAPIEmulator

_FILE_MARKER = "/file/bot"


def split_api_path(path: str) -> tuple[str, str] | None:
    """(token, method) of a Bot API path ``.../bot<token>/<method>``, else None."""
    head, _, method = path.rstrip("/").rpartition("/")
    token_part = head.rpartition("/")[2]
    if not method or not token_part.startswith("bot"):
        return None
    return token_part[3:], method


def split_file_path(path: str) -> tuple[str, str] | None:
    """(token, file_path) of a download path ``.../file/bot<token>/<file_path>``, else None."""
    index = path.find(_FILE_MARKER)
    if index < 0:
        return None
    token, _, file_path = path[index + len(_FILE_MARKER) :].partition("/")
    return token, file_path


class EmulatorRequest(BaseRequest):
    """Sends python-telegram-bot's requests to a :class:`BotAPIEmulator` without sockets."""

    __slots__ = ("_emulator", "_read_timeout")

    # Answers are read as the bot's own transport reads them (AiohttpRequest).
    parse_json_payload = staticmethod(json_codec.parse_json_payload)

    def __init__(self, emulator: BotAPIEmulator, read_timeout: float | None = 5.0) -> None:
        self._emulator = emulator
        self._read_timeout = read_timeout

    @property
    def read_timeout(self) -> float | None:
        """Default read timeout, as for HTTPXRequest."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Answer like HTTPXRequest would, raising TimedOut past the read timeout."""
        timeout = self._read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        path = unquote(url.split("?", 1)[0])
        try:
            async with asyncio.timeout(timeout):
                return await self._call(path, request_data)
        except TimeoutError as exc:
            raise TimedOut from exc

    async def _call(self, path: str, request_data: RequestData | None) -> tuple[int, bytes]:
        download = split_file_path(path)
        if download is not None:
            return self._emulator.download(download[1], download[0])
        parts = split_api_path(path)
        if parts is None:
            return 404, b'{"ok":false,"error_code":404,"description":"Not Found"}'
        token, method = parts
        params = request_data.json_parameters if request_data is not None else {}
        files: dict[str, tuple[str, bytes, str]] = {}
        if request_data is not None and request_data.contains_files:
            for name, (filename, content, mime) in request_data.multipart_data.items():
                data = content if isinstance(content, bytes) else content.read()
                files[name] = (filename, data, mime)
        status, body = await self._emulator.handle(method, params, files, token=token)
        return status, json.dumps(body, separators=(",", ":")).encode()
