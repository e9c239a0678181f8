"""A python-telegram-bot request on aiohttp: the same contract as HTTPXRequest, less CPU per call.

Under load most of the bot's CPU went into httpx/httpcore (a profile of a bare echo bot put
about 70 % of its time there). This class speaks to the Bot API through one shared
`aiohttp.ClientSession` (keep-alive connection pool) and keeps HTTPXRequest's behaviour:

- read, write, connect and pool timeouts, each raising `TimedOut` (the pool timeout with
  python-telegram-bot's own message); write and read timeouts apply to each socket operation,
  as in httpx;
- any other transport failure raises `NetworkError("aiohttp.<Error>: <detail>")`, with the
  bot token cut out of the detail (aiohttp quotes the whole URL, and the token is in it);
- HTTP status codes and bodies are returned untouched, so `BaseRequest` maps Telegram's errors
  (400, 403, 409, 429, 5xx, bad JSON) exactly as it does for HTTPXRequest.

Bodies: parameters as one JSON object (what Telegram documents), files as multipart/form-data
encoded like httpx does it (HTML5 escaping of names, raw UTF-8 file names).
"""

from __future__ import annotations

import asyncio
import functools
import os
import re
import urllib.request
from collections.abc import Mapping
from typing import IO
from urllib.parse import quote

import aiohttp
from aiohttp.abc import AbstractStreamWriter
from aiohttp.payload import Payload
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData
from yarl import URL

from bot.transport import json_codec

POOL_TIMEOUT_MESSAGE = (  # python-telegram-bot's wording for HTTPXRequest's pool timeout
    "Pool timeout: All connections in the connection pool are occupied. "
    "Request was *not* sent to Telegram. Consider adjusting the connection "
    "pool size or the pool timeout."
)
_JSON = "application/json"
_CHUNK = 64 * 1024  # bodies up to this size go out in one write that never waits
_FORM_ESCAPES = {'"': "%22", "\\": "\\\\"} | {
    chr(code): f"%{code:02X}" for code in range(0x20) if code != 0x1B
}
_URL_TOKEN = re.compile(r"/bot([^/?#]+)/")
_FORM_ESCAPE = re.compile("|".join(re.escape(char) for char in _FORM_ESCAPES))


class AiohttpRequest(BaseRequest):
    """Implementation of python-telegram-bot's `BaseRequest` on aiohttp.

    The arguments mean what they mean for `telegram.request.HTTPXRequest`, with the same
    defaults; `media_write_timeout` replaces `write_timeout` for requests that upload files.
    """

    __slots__ = (
        "_connect_timeout",
        "_media_write_timeout",
        "_pool_size",
        "_pool_timeout",
        "_read_timeout",
        "_session",
        "_slots",
        "_write_timeout",
    )

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        # Created in initialize(): aiohttp wants a running event loop.
        self._session: aiohttp.ClientSession | None = None
        self._slots: asyncio.Semaphore | None = None

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout in seconds."""
        return self._read_timeout

    parse_json_payload = staticmethod(json_codec.parse_json_payload)

    async def initialize(self) -> None:
        """Open the session and its connection pool (again, after a shutdown)."""
        if self._session is not None and not self._session.closed:
            return
        connector = aiohttp.TCPConnector(limit=self._pool_size, limit_per_host=0)
        self._session = aiohttp.ClientSession(
            connector=connector,
            timeout=aiohttp.ClientTimeout(total=None),
            headers={"User-Agent": self.USER_AGENT},
            cookie_jar=aiohttp.DummyCookieJar(),  # the Bot API sets no cookies
        )
        self._slots = asyncio.Semaphore(self._pool_size)

    async def shutdown(self) -> None:
        """Close every connection."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

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
        """Send one request; return the HTTP status and the body."""
        session, slots = self._session, self._slots
        if session is None or slots is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data is not None and request_data.contains_files
        if isinstance(write_timeout, DefaultValue):
            write_timeout = self._media_write_timeout if files else self._write_timeout
        body, content_type = _body(request_data, files)
        data: bytes | Payload | None = body
        if body is not None and len(body) > _CHUNK:
            data = _PacedBody(body, content_type, write_timeout)
        timeout = _timeout(
            self._read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout,
            self._connect_timeout if isinstance(connect_timeout, DefaultValue) else connect_timeout,
        )
        await _take_slot(
            slots, self._pool_timeout if isinstance(pool_timeout, DefaultValue) else pool_timeout
        )
        target = _url(url)
        try:
            async with session.request(
                method,
                target,
                proxy=_env_proxy(target.scheme, target.host),
                data=data,
                headers=None if content_type is None else {"Content-Type": content_type},
                timeout=timeout,
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:  # includes aiohttp's connect and socket-read timeouts
            raise TimedOut from error
        except aiohttp.ClientError as error:
            # Not chained: the original exception's text, shown in any traceback, holds the URL.
            detail = redact_url_secret(str(error), url)
            raise NetworkError(f"aiohttp.{error.__class__.__name__}: {detail}") from None
        finally:
            slots.release()


def redact_url_secret(text: str, url: str) -> str:
    """The text without the token of a Bot API URL (/bot<token>/method, /file/bot<token>/…)."""
    match = _URL_TOKEN.search(url)
    if match is None:
        return text
    token = match.group(1)
    for form in {token, quote(token, safe=""), quote(token)}:
        text = text.replace(form, "<token>")
    return text


async def _take_slot(slots: asyncio.Semaphore, pool_timeout: float | None) -> None:
    """Wait for a free connection slot; TimedOut past the pool timeout, as httpx does."""
    if not slots.locked():
        await slots.acquire()  # does not wait: no timer needed on the common path
        return
    try:
        async with asyncio.timeout(pool_timeout):
            await slots.acquire()
    except TimeoutError as error:
        raise TimedOut(POOL_TIMEOUT_MESSAGE) from error


@functools.lru_cache(maxsize=64)
def _timeout(read: float | None, connect: float | None) -> aiohttp.ClientTimeout:
    """aiohttp's timeout for one request (a few combinations only, so they are kept)."""
    return aiohttp.ClientTimeout(total=None, sock_connect=connect, sock_read=read)


@functools.lru_cache(maxsize=256)
def _url(url: str) -> URL:
    """The parsed URL (the Bot API methods are few; parsing each time shows in profiles)."""
    return URL(url, encoded=True)


@functools.lru_cache(maxsize=64)
def _env_proxy(scheme: str, host: str | None) -> str | None:
    """The proxy from HTTP(S)_PROXY for this host unless NO_PROXY exempts it, as httpx does.

    aiohttp's own trust_env would also read ~/.netrc in a thread on every request.
    """
    proxy = urllib.request.getproxies_environment().get(scheme)
    if proxy is None or (host and urllib.request.proxy_bypass(host)):
        return None
    return proxy


def _body(request_data: RequestData | None, files: bool) -> tuple[bytes | None, str | None]:
    """The encoded body and its content type: JSON, or multipart when files are attached."""
    if request_data is None:
        return None, None
    if not files:
        # One JSON document with nested objects as objects (what Telegram documents), rather
        # than python-telegram-bot's json_payload, which encodes each value a second time.
        return json_codec.dumps(request_data.parameters), _JSON
    boundary = os.urandom(16).hex()
    return _multipart(request_data.json_parameters, request_data.multipart_data, boundary), (
        f"multipart/form-data; boundary={boundary}"
    )


def _multipart(
    fields: Mapping[str, str],
    uploads: Mapping[str, tuple[str, bytes | IO[bytes], str]],
    boundary: str,
) -> bytes:
    """A multipart/form-data body: plain fields, then files, each with its name and type."""
    parts: list[bytes] = []
    for name, value in fields.items():
        disposition = f"form-data; {_form_param('name', name)}"
        parts.append(_part(boundary, disposition, None, value.encode()))
    for name, (filename, content, mime) in uploads.items():
        data = content if isinstance(content, bytes) else content.read()
        disposition = f"form-data; {_form_param('name', name)}; {_form_param('filename', filename)}"
        parts.append(_part(boundary, disposition, mime, data))
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts)


def _part(boundary: str, disposition: str, mime: str | None, data: bytes) -> bytes:
    head = f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
    if mime:
        head += f"Content-Type: {mime}\r\n"
    return head.encode() + b"\r\n" + data + b"\r\n"


def _form_param(name: str, value: str) -> str:
    """name="value" with the HTML5 form escapes (quotes, backslashes, control characters)."""
    return f'{name}="{_FORM_ESCAPE.sub(lambda match: _FORM_ESCAPES[match.group(0)], value)}"'


class _PacedBody(Payload):
    """A large body written in chunks, each of which must leave within the write timeout."""

    def __init__(self, body: bytes, content_type: str | None, write_timeout: float | None):
        super().__init__(body, content_type=content_type or "application/octet-stream")
        self._body = body
        self._size = len(body)
        self._write_timeout = write_timeout

    def decode(self, encoding: str = "utf-8", errors: str = "strict") -> str:
        """The body as text."""
        return self._body.decode(encoding, errors)

    async def write(self, writer: AbstractStreamWriter) -> None:
        """Write the whole body."""
        await self.write_with_length(writer, None)

    async def write_with_length(
        self, writer: AbstractStreamWriter, content_length: int | None
    ) -> None:
        """Write the body (up to content_length bytes), one timed chunk at a time.

        A TimeoutError here reaches the caller of the request as a TimeoutError (aiohttp
        passes timeouts of the body writer through), hence as TimedOut.
        """
        view = memoryview(self._body)[:content_length]
        for start in range(0, len(view), _CHUNK):
            async with asyncio.timeout(self._write_timeout):
                await writer.write(view[start : start + _CHUNK])
