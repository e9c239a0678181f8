"""Secrets stay secret: the bot token and the webhook secret never reach a file, chat or log.

The token travels in every Bot API URL, so any error text that quotes the URL carries it.
Here a proxy on loopback mangles some of Telegram's answers, as a broken proxy or a
misbehaving middlebox would, and the bot runs on its real HTTP client.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import socket
import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from urllib.parse import quote

import aiohttp
import pytest
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, TelegramError

from bot.app import create_runner
from bot.emulator import BotAPIEmulator, EmulatedChat
from bot.logs import RedactingFilter, mask_secrets, remember_secrets
from bot.store import Store
from bot.texts import Text
from bot.transport.aiohttp_request import AiohttpRequest, redact_url_secret
from bot.transport.failures import MESSAGE_LIMIT, describe, explain
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import copy_label, data_copy, section
from tests.processes import clean_env, spawn
from tests.subscribers import queue_text, wait_delivered

TOKEN = "7012345678:AAF-leakCanary_Tok3n0123456789abcdef"
BOT_ID = 7012345678
ANNOUNCEMENT = "Pengumuman uji coba"
STAFF_ANSWER = "Jawaban kami"  # what staff answer a talent, to find among the calls
MANGLED = b"HTTP/1.1 200 OK\r\nContent-Length: nonsense\r\n\r\n{}"


class ManglingProxy:
    """An HTTP proxy on loopback that forwards to the emulator, except for calls it mangles."""

    def __init__(self, upstream: str, mangle: Callable[[str, bytes], bool]) -> None:
        self._upstream = upstream.removesuffix("/bot")
        self._mangle = mangle
        self._server: asyncio.Server | None = None
        self._session: aiohttp.ClientSession | None = None
        self.mangled = 0
        self.base_url = ""

    async def start(self) -> None:
        """Listen on a free loopback port."""
        self._session = aiohttp.ClientSession()
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}/bot"

    async def stop(self) -> None:
        """Stop listening and close the upstream session."""
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        if self._session is not None:
            await self._session.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One request per connection: read it, then forward it or answer garbage."""
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path, _ = lines[0].split(" ", 2)
            headers = {
                name.strip().lower(): value.strip()
                for name, _, value in (line.partition(":") for line in lines[1:] if line)
            }
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            if self._mangle(path, body):
                self.mangled += 1
                writer.write(MANGLED)
            else:
                writer.write(await self._forward(method, path, headers, body))
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def _forward(self, method: str, path: str, headers: dict[str, str], body: bytes) -> bytes:
        assert self._session is not None
        kept = {"Content-Type": headers.get("content-type", "application/octet-stream")}
        async with self._session.request(
            method, self._upstream + path, data=body, headers=kept
        ) as response:
            payload = await response.read()
            content_type = response.headers.get("Content-Type", "application/json")
            return (
                f"HTTP/1.1 {response.status} {response.reason}\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n"
            ).encode() + payload


class ProxiedHarness(Harness):
    """The bot on its real HTTP client (aiohttp), talking to Telegram through a proxy."""

    async def start(self) -> ProxiedHarness:
        """Start with AiohttpRequest for Bot API calls (updates still come in-process)."""
        self._runner = await create_runner(
            self.settings,
            request=AiohttpRequest(read_timeout=5.0),
            updates_request=self.emulator.request(),
            poll_timeout=1,
        )
        await self._runner.start()
        return self


Proxied = tuple[ProxiedHarness, ManglingProxy, EmulatedChat]  # the bot, its proxy, staff group


def mangle_answers_and_announcements(path: str, body: bytes) -> bool:
    """Staff answers to a talent and the announcement get a malformed HTTP answer."""
    if ANNOUNCEMENT.encode() in body:
        return True
    if not path.endswith(("/copyMessage", "/sendMessage")):
        return False
    sent = json.loads(body)
    return int(sent["chat_id"]) > 0 and STAFF_ANSWER in str(sent.get("text", STAFF_ANSWER))


@pytest.fixture
async def proxied_bot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Proxied]:
    """A bot with a real token-shaped token, a staff group, behind a mangling proxy."""
    # Retries are the bot's own business; here they only make the test slow.
    monkeypatch.setattr("bot.transport.retrying.BASE_DELAY", 0.01)
    monkeypatch.setattr("bot.outreach.broadcast.BACKOFF_SECONDS", 0.01)
    emulator = BotAPIEmulator(token=TOKEN, bot_id=BOT_ID)
    staff = emulator.group(STAFF_CHAT_ID, title="KOCCA Talent Desk staff")
    admin = emulator.user(ADMIN_ID, first_name="Admin")
    staff.add_member(admin)
    emulator.add_bot_to_group(staff, by=admin)
    proxy = ManglingProxy(await emulator.serve(), mangle_answers_and_announcements)
    await proxy.start()
    harness = ProxiedHarness(
        emulator,
        tmp_path / "kocca.db",
        bot_api_url=proxy.base_url,
        admin_ids=frozenset({ADMIN_ID}),
        staff_chat_id=STAFF_CHAT_ID,
    )
    await harness.start()
    try:
        yield harness, proxy, staff
    finally:
        await harness.stop()
        await proxy.stop()
        await emulator.stop_serving()


def logged(caplog: pytest.LogCaptureFixture) -> str:
    """Every log record as it would be written: message, exception and its causes."""
    formatter = logging.Formatter("%(levelname)s %(name)s: %(message)s")
    return "\n".join(formatter.format(record) for record in caplog.records)


async def test_the_token_never_reaches_a_stored_error_a_copy_of_data_the_staff_chat_or_a_log(
    proxied_bot: Proxied,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)  # every library's lines (below INFO, see test_logs.py)
    caplog.set_level(logging.DEBUG, logger="bot")
    caplog.set_level(logging.DEBUG, logger="handlers")
    bot, proxy, staff = proxied_bot
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/start")
    await bot.send(sari, "/langganan")
    # A staff answer that cannot be delivered: the staff chat is told why.
    mark = staff.mark()
    await bot.send(sari, "/tanya")
    await bot.send(sari, "Halo tim, ada pertanyaan.")
    copy = staff.messages_since(mark)[-1]
    admin = bot.emulator.user(ADMIN_ID)
    await bot.act(admin, admin.send, STAFF_ANSWER, chat=staff, reply_to=copy)
    note = staff.last_message.text
    assert note.startswith("⚠️ Tidak terkirim ke Sari: network")
    # An announcement that cannot be delivered: the failure is stored for the report.
    broadcast, _ = await queue_text(bot.store, ANNOUNCEMENT)
    tally = await wait_delivered(bot.store, broadcast)
    assert tally.failed == 1
    stored = await bot.store.db.fetch_value(
        "SELECT error FROM broadcast_recipients WHERE user_id = ?", (sari.id,)
    )
    assert stored == "network"  # a reason code: what the proxy said is not kept
    assert proxy.mangled >= 2
    # Her copy of her data carries the stored failure, without the token.
    mark = sari.mark()
    await bot.send(sari, "/dataku")
    document = next(m.document for m in sari.messages_since(mark) if m.document)
    [received] = section(data_copy(document[1]), Text.MYDATA_SECTION_ANNOUNCEMENTS)
    assert received[copy_label(Text.MYDATA_FIELD_ERROR)] == stored
    secret_parts = (TOKEN, TOKEN.split(":")[1])
    for place, text in (
        ("staff chat", "\n".join(m.text for m in staff.messages)),
        ("stored error", stored),
        ("copy of data", document[1].decode()),
        ("log", logged(caplog)),
    ):
        for part in secret_parts:
            assert part not in text, place


ENCODED = quote(TOKEN, safe="")  # 7012345678%3AAAF-…: the token as a proxy quotes a path
HALF = TOKEN.split(":")[1]  # the secret half alone
ECHO = f"Bad Request: upstream refused POST /bot{ENCODED}/x (key {HALF}, {ENCODED.lower()})"
TOKEN_FORMS = (TOKEN, ENCODED, HALF)


def leaks(text: str) -> list[str]:
    """The forms of the token in a text, whatever their case (error texts get capitalised)."""
    return [form for form in TOKEN_FORMS if form.lower() in text.lower()]


async def test_a_fault_echoing_the_token_encoded_or_its_secret_half_leaks_nowhere(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Telegram (or a proxy before it) answers with the token percent-encoded, or only its
    secret half: not stored, not in the staff chat, the talent's copy or the log."""
    caplog.set_level(logging.DEBUG, logger="bot")
    caplog.set_level(logging.DEBUG, logger="handlers")
    caplog.handler.addFilter(RedactingFilter())  # the filter every log line goes through
    emulator = BotAPIEmulator(token=TOKEN, bot_id=BOT_ID)
    staff = emulator.group(STAFF_CHAT_ID, title="KOCCA Talent Desk staff")
    admin = emulator.user(ADMIN_ID, first_name="Admin")
    staff.add_member(admin)
    emulator.add_bot_to_group(staff, by=admin)
    bot = Harness(
        emulator,
        tmp_path / "kocca.db",
        admin_ids=frozenset({ADMIN_ID}),
        staff_chat_id=STAFF_CHAT_ID,
    )
    await bot.start()
    try:
        sari = bot.user(first_name="Sari")
        await bot.send(sari, "/start")
        await bot.send(sari, "/langganan")
        mark = staff.mark()
        await bot.send(sari, "/tanya")
        await bot.send(sari, "Halo tim, ada pertanyaan.")
        copy = staff.messages_since(mark)[-1]
        emulator.fail_next("sendMessage", status=400, description=ECHO, chat_id=sari.id)
        await bot.act(admin, admin.send, STAFF_ANSWER, chat=staff, reply_to=copy)
        note = staff.last_message.text
        assert note.startswith("⚠️ Tidak terkirim ke Sari: bad_request (HTTP 400): "), note
        emulator.fail_next("sendMessage", status=400, description=ECHO, chat_id=sari.id)
        broadcast, _ = await queue_text(bot.store, ANNOUNCEMENT)
        assert (await wait_delivered(bot.store, broadcast)).failed == 1
        stored = await bot.store.db.fetch_value(
            "SELECT error FROM broadcast_recipients WHERE user_id = ?", (sari.id,)
        )
        assert stored == "bad_request (HTTP 400)"  # a reason code and a status, no free text
        mark = sari.mark()
        await bot.send(sari, "/dataku")
        document = next(m.document for m in sari.messages_since(mark) if m.document)
    finally:
        await bot.stop()
    for place, text in (
        ("staff chat", "\n".join(m.text for m in staff.messages)),
        ("copy of data", document[1].decode()),
        ("log", logged(caplog)),
    ):
        assert not leaks(text), place


def test_every_form_of_the_configured_token_is_masked_in_one_place() -> None:
    remember_secrets([TOKEN])
    double = TOKEN.replace(":", "%253A")  # encoded twice, by two proxies
    for text in (ECHO, ECHO.capitalize(), f"{double} {TOKEN.upper()}"):
        masked = mask_secrets(text)
        assert not leaks(masked) and double not in masked, masked
    # Another token's shape is masked too, raw or encoded, without knowing it.
    other = "123456789:BBF-another_Token0123456789abcdefgh"
    assert mask_secrets(f"{other} {quote(other, safe='')}") == "<token> <token>"


@pytest.mark.parametrize(
    ("error", "stored", "shown"),
    [
        (
            NetworkError(f"aiohttp.ClientOSError: reset, url='https://api.example/bot{TOKEN}/x'"),
            "network",
            "network: aiohttp.ClientOSError: reset, url='<url>'",
        ),
        (
            NetworkError("Bad Gateway (502)"),
            "network (HTTP 502)",
            "network (HTTP 502): Bad Gateway (502)",
        ),
        (
            InvalidToken(f"The token `{TOKEN}` was rejected by the server."),
            "invalid_token",
            "invalid_token: The token `<token>` was rejected by the server.",
        ),
        (BadRequest("Chat not found"), "bad_request (HTTP 400)", None),
        (Forbidden("bot was blocked by the user"), "forbidden (HTTP 403)", None),
        (TelegramError("sari@example.com +6281234567801\n" + "x" * 300), "telegram", None),
    ],
)
def test_failures_are_stored_as_a_reason_code_and_shown_with_a_masked_message(
    error: TelegramError, stored: str, shown: str | None
) -> None:
    assert describe(error) == stored
    explained = explain(error)
    assert explained == (shown or f"{stored}: {explained.split(': ', 1)[1]}")
    assert TOKEN.split(":")[1] not in explained
    assert "sari@example.com" not in explained and "6281234567801" not in explained
    assert "\n" not in explained and len(explained) <= len(stored) + 2 + MESSAGE_LIMIT


def test_the_http_client_cuts_the_token_out_of_its_own_error_texts() -> None:
    url = f"https://api.telegram.org/bot{TOKEN}/sendMessage"
    encoded = TOKEN.replace(":", "%3A")
    text = f"Cannot connect to {url} (also {encoded})"
    assert redact_url_secret(text, url) == (
        "Cannot connect to https://api.telegram.org/bot<token>/sendMessage (also <token>)"
    )


WEBHOOK_SECRET = "Webhook_Canary-Secret_42"
PROCESS_TIMEOUT = 30.0


async def test_at_debug_level_the_log_has_no_secret_and_no_personal_data(tmp_path: Path) -> None:
    """`kocca-bot run` in webhook mode, LOG_LEVEL=DEBUG, as a real process."""
    emulator = BotAPIEmulator(token=TOKEN, bot_id=BOT_ID)
    staff = emulator.group(STAFF_CHAT_ID, title="KOCCA Talent Desk staff")
    admin = emulator.user(ADMIN_ID, first_name="Admin")
    staff.add_member(admin)
    emulator.add_bot_to_group(staff, by=admin)
    port = _free_port()
    env = clean_env(
        tmp_path,
        BOT_TOKEN=TOKEN,
        BOT_API_URL=await emulator.serve(),
        WEBHOOK_URL=f"http://127.0.0.1:{port}/telegram",
        WEBHOOK_SECRET=WEBHOOK_SECRET,
        WEBHOOK_PORT=str(port),
        LOG_LEVEL="DEBUG",
        ADMIN_IDS=str(ADMIN_ID),
        STAFF_CHAT_ID=str(STAFF_CHAT_ID),
    )
    log_file = tmp_path / "stderr.log"
    with log_file.open("wb") as stderr:  # a file, not a pipe: DEBUG output fills a pipe
        process = await spawn(tmp_path, env, "run", stderr=stderr)
    try:
        await emulator.wait_until(
            lambda: bool(emulator.calls_to("setWebhook")), PROCESS_TIMEOUT, "the webhook"
        )
        sari = emulator.user(first_name="Sarinah", last_name="Wulandari", username="sarinah_music")
        for text in ("/start", "/tanya", PERSONAL_QUESTION):
            mark = sari.mark()
            sari.send(text)
            await sari.wait_for_messages(mark, timeout=PROCESS_TIMEOUT)
        await staff.wait_for_messages(0, count=2, timeout=PROCESS_TIMEOUT)  # header and copy
    finally:
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), PROCESS_TIMEOUT) == 0
        await emulator.stop_serving()
    log = log_file.read_text()
    assert "DEBUG telegram" in log  # the library's lines are there, with their wording
    assert "Calling Bot API endpoint `sendMessage` with parameters" in log
    for secret in (
        TOKEN.split(":")[1],
        WEBHOOK_SECRET,
        "Sarinah",
        "Wulandari",
        "sarinah_music",
        "sari.dewi@example.com",
        "0812-3456-7801",
        "81234567801",
        "kurasi",
    ):
        assert secret.lower() not in log.lower(), secret


PERSONAL_QUESTION = "Saya Sarinah, email sari.dewi@example.com, HP 0812-3456-7801: kurasi kapan?"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_failures_stored_by_an_earlier_version_keep_only_their_reason_code(
    tmp_path: Path,
) -> None:
    database = tmp_path / "kocca.db"
    await (await Store.open(database)).close()
    now = "2026-12-01T00:00:00+00:00"
    with sqlite3.connect(database) as db:
        db.execute(
            "INSERT INTO users (user_id, created_at, updated_at, last_seen_at) VALUES (7, ?, ?, ?)",
            (now, now, now),
        )
        db.execute(
            "INSERT INTO broadcasts (id, created_at, updated_at) VALUES (1, ?, ?)", (now, now)
        )
        db.executemany(
            "INSERT INTO broadcast_recipients (broadcast_id, user_id, language, status, error)"
            " VALUES (1, ?, 'id', 'failed', ?)",
            [(7, f"bad_request: {ECHO.capitalize()}")],
        )
        # As an earlier version left it: the migration that cleans these up not applied yet.
        db.execute("DELETE FROM schema_migrations WHERE name LIKE '%failure_texts_to_reason_codes'")
    db.close()
    await (await Store.open(database)).close()
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT error FROM broadcast_recipients").fetchall() == [("bad_request",)]
    db.close()
