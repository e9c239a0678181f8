"""The staff workspace seen from Telegram: admins' menu buttons and "Open in workspace"
buttons; talents never see any of it; an admin taken out of ADMIN_IDS loses the button."""

from __future__ import annotations

import asyncio
import io
import queue
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import aiohttp

from bot.app import create_runner
from bot.chat import chat
from bot.emulator import BotAPIEmulator
from bot.settings import Settings, written_duration
from bot.transport.webhook import WebhookServer
from bot.web.server import Workspace
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness, free_port, make_settings
from tests.leads import MUSICIAN, apply
from tests.subscribers import wait_until
from tests.test_pipeline import rows
from tests.workspace import init_data

WEB_URL = "https://desk.example.org"
PAGE = f"{WEB_URL}/staff/"


def web_apps(message: Any) -> list[dict[str, Any]]:
    """The Mini App buttons under a message."""
    markup = message.raw.get("reply_markup") or {}
    return [
        button["web_app"]
        for row in markup.get("inline_keyboard", [])
        for button in row
        if "web_app" in button
    ]


async def test_admins_get_the_workspace_and_talents_never_see_it(
    make_bot: Any, emulator: BotAPIEmulator, staff_chat: Any
) -> None:
    settings = {"staff_chat_id": STAFF_CHAT_ID, "web_url": WEB_URL}
    bot = await make_bot(admin_ids=frozenset({ADMIN_ID}), **settings)
    admin = staff_chat.members[ADMIN_ID]
    (greeting,) = await bot.send(admin, "/start")
    # /start and /bantuan tell an admin where the workspace opens, in the buttons' words.
    opens = (
        "🗂 Ruang kerja: buka lewat tombol menu 🗂 Ruang kerja di sebelah kolom ketik,"
        " atau 🗂 Buka di ruang kerja di bawah /leads dan /lead"
    )
    assert opens in greeting.text
    (helped,) = await bot.send(admin, "/bantuan")
    assert opens in helped.text
    assert emulator.menu_buttons[ADMIN_ID] == {
        "type": "web_app",
        "text": "🗂 Ruang kerja",
        "web_app": {"url": PAGE},
    }
    talent = bot.user(first_name="Sari")
    await apply(bot, talent, MUSICIAN)
    assert talent.id not in emulator.menu_buttons
    (for_talent,) = await bot.send(talent, "/bantuan")
    assert "Ruang kerja" not in for_talent.text
    assert not any(web_apps(message) for message in talent.messages)
    (listed,) = await bot.send(admin, "/leads")
    assert web_apps(listed) == [{"url": PAGE}]
    (page,) = await bot.send(admin, "/lead KOC-000001")
    assert web_apps(page) == [{"url": f"{PAGE}#lead/KOC-000001"}]  # the lead in the fragment only
    # A search listing several: the button too, as under /leads (a review: none there).
    await apply(bot, bot.user(first_name="Sari"), MUSICIAN)
    (found,) = await bot.send(admin, "/lead sari")
    assert "1\u20132 dari 2" in found.text and web_apps(found) == [{"url": PAGE}]
    mark = len(staff_chat.messages)
    await bot.act(admin, admin.send, "/lead sari", chat=staff_chat)
    await bot.act(admin, admin.send, "/leads", chat=staff_chat)
    in_group = staff_chat.messages[mark:]
    assert in_group and not any(web_apps(message) for message in in_group)  # private only
    assert rows(bot.database, "SELECT chat_id FROM workspace_buttons") == [(ADMIN_ID,)]

    await bot.stop()  # the admin leaves the desk: out of ADMIN_IDS at the next start
    restarted: Harness = await make_bot(admin_ids=frozenset(), **settings)

    async def forgotten() -> bool:  # recorded once Telegram took the button back
        return await restarted.store.workspace_buttons.chats() == set()

    await wait_until(forgotten)
    assert emulator.menu_buttons[ADMIN_ID] == {"type": "default"}


async def test_kocca_bot_chat_serves_the_workspace_on_loopback_for_an_admin(
    tmp_path: Path,
) -> None:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        admin_ids=frozenset({1001}),
        database_path=tmp_path / "chat.db",
        web_port=free_port(),
    )
    lines: queue.Queue[str] = queue.Queue()
    out = io.StringIO()
    talking = asyncio.create_task(
        chat(
            settings,
            database=None,
            first_name="Admin",
            telegram_language="en",
            user_id=1001,
            read_line=lines.get,
            out=out,
        )
    )

    async def linked() -> bool:
        return "Chatting with the bot offline" in out.getvalue()

    try:
        await wait_until(linked)
        printed = next(line for line in out.getvalue().splitlines() if "/staff/#" in line)
        assert "works for 1 h" in printed
        url = printed.split(": ", 1)[1]
        assert url.startswith(f"http://127.0.0.1:{settings.web_port}/staff/#tgWebAppData=")
        data = unquote(url.split("tgWebAppData=", 1)[1].split("&", 1)[0])
        async with aiohttp.ClientSession() as http:
            page = await http.get(url.split("#", 1)[0])
            assert page.status == 200
            api = url.split("#", 1)[0] + "api/session"
            answer = await http.post(api, json={}, headers={"Authorization": f"tma {data}"})
            session = await answer.json()
            # Anyone on this machine may know the tests' token: the chat signs with its own.
            known = init_data(BotAPIEmulator().token, 1001)
            guessed = await http.post(api, json={}, headers={"Authorization": f"tma {known}"})
        # Header bytes that are not ASCII (aiohttp hands them over as lone surrogates).
        mangled = await raw_post(settings.web_port, "/staff/api/session", f"tma {data}\xff")
        assert session["viewer"]["id"] == 1001 and session["language"] == "en"
        assert (guessed.status, await guessed.json()) == (401, {"error": "unauthorized"})
        assert mangled.startswith(b"HTTP/1.1 401 ") and b"Cache-Control: no-store" in mangled
        assert b'{"error":"unauthorized"}' in mangled
    finally:
        lines.put("/quit")
        assert await asyncio.wait_for(talking, 30) == 0


def test_the_chat_says_how_long_its_link_works_in_the_settings_own_units() -> None:
    settings = Settings(_env_file=None, web_auth_max_age="1m")  # type: ignore[call-arg,arg-type]
    assert written_duration(settings.web_auth_max_age) == "1 min"  # was "0.0166667 h"
    said = [written_duration(timedelta(**{unit: n})) for unit, n in CASES]
    assert said == ["90 min", "1 h", "36 h", "7 d", "45 s"]


CASES = [("minutes", 90), ("hours", 1), ("hours", 36), ("days", 7), ("seconds", 45)]


async def raw_post(port: int, path: str, authorization: str) -> bytes:
    """The whole answer to a POST whose Authorization header is sent byte for byte as given
    in Latin-1 (an HTTP client library would refuse what is not ASCII)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {authorization}\r\n"
    writer.write(head.encode("latin-1") + b"Content-Length: 2\r\nConnection: close\r\n\r\n{}")
    answer = await reader.read()
    writer.close()
    await writer.wait_closed()
    return answer


async def test_webhook_mode_serves_webhook_health_and_workspace_on_one_port(
    emulator: BotAPIEmulator, database: Path
) -> None:
    port = free_port()
    settings = make_settings(
        database,
        emulator,
        admin_ids=frozenset({ADMIN_ID}),
        webhook_url=f"http://127.0.0.1:{port}/telegram/hook",
        webhook_secret="s3cret-Value_1",
        webhook_port=port,
        web_url=f"http://127.0.0.1:{port}",
    )
    runner = await create_runner(
        settings, request=emulator.request(), updates_request=emulator.request()
    )
    workspace = Workspace(runner.application.bot_data["services"], runner.application.bot)
    server = WebhookServer(runner, settings, mount=workspace.mount)
    await runner.start(polling=False)
    await workspace.start()
    await server.start()
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as http:
            health = await http.get(f"{base}/healthz")
            page = await http.get(f"{base}/staff/")
            data = init_data(settings.token(), ADMIN_ID)
            answer = await http.post(
                f"{base}/staff/api/leads", json={}, headers={"Authorization": f"tma {data}"}
            )
            hook = await http.post(f"{base}/telegram/hook", json={"update_id": 1})
        assert health.status in (200, 503) and "healthy" in await health.json()
        assert page.status == 200 and answer.status == 200
        assert hook.status == 403  # the webhook still wants its secret
    finally:
        await server.stop()
        await workspace.stop()
        await runner.stop()
