"""Setting up a deployment from Telegram: what the bot tells the admin who adds it to a group."""

from __future__ import annotations

from typing import Any

from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import shown


async def test_the_admin_who_adds_the_bot_to_a_group_learns_its_chat_id(make_bot: Any) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}))  # no staff group yet
    admin = bot.user(user_id=ADMIN_ID, first_name="Admin", language_code="en")
    await bot.send(admin, "/start")
    group = bot.emulator.group(-1009876543210, title="Staff <KOCCA>")
    group.add_member(admin)
    mark, group_mark = admin.mark(), group.mark()
    bot.emulator.add_bot_to_group(group, by=admin)

    [tip] = await admin.wait_for_messages(mark, timeout=10)
    assert tip.text == shown(
        Text.GROUP_ID_FOR_ADMIN, "en", title="Staff <KOCCA>", chat_id=-1009876543210
    )
    assert "STAFF_CHAT_ID=-1009876543210" in tip.text
    [line] = await group.wait_for_messages(group_mark, timeout=10)
    assert line.text == shown(Text.GROUP_ONLY_PRIVATE)  # the group itself hears the usual line


async def test_someone_else_adding_the_bot_learns_nothing_about_the_setup(make_bot: Any) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}))
    member = bot.user(first_name="Member")
    await bot.send(member, "/start")
    group = bot.emulator.group(-1001112223334, title="Band")
    group.add_member(member)
    mark, group_mark = member.mark(), group.mark()
    bot.emulator.add_bot_to_group(group, by=member)
    [line] = await group.wait_for_messages(group_mark, timeout=10)
    assert line.text == shown(Text.GROUP_ONLY_PRIVATE)
    await bot.runner.wait_idle()
    assert member.messages_since(mark) == []
