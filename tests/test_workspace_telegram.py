"""The staff workspace seen from Telegram: admins' menu buttons and "Open in workspace"
buttons; talents never see any of it; an admin taken out of ADMIN_IDS loses the button."""

from __future__ import annotations

from typing import Any

from bot.emulator import BotAPIEmulator
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, apply
from tests.subscribers import wait_until
from tests.test_pipeline import rows

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
    await bot.send(admin, "/start")
    assert emulator.menu_buttons[ADMIN_ID] == {
        "type": "web_app",
        "text": "🗂 Ruang kerja",
        "web_app": {"url": PAGE},
    }
    talent = bot.user(first_name="Sari")
    await apply(bot, talent, MUSICIAN)
    assert talent.id not in emulator.menu_buttons
    assert not any(web_apps(message) for message in talent.messages)
    (listed,) = await bot.send(admin, "/leads")
    assert web_apps(listed) == [{"url": PAGE}]
    (page,) = await bot.send(admin, "/lead KOC-000001")
    assert web_apps(page) == [{"url": f"{PAGE}#lead/1"}]  # the lead in the fragment only
    mark = len(staff_chat.messages)
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
