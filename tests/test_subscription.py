"""Talents opt in and out of announcements: commands, menu toggle, post-application offer."""

from __future__ import annotations

from typing import Any

from bot.content import Content
from bot.emulator import EmulatedUser
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, opening, shown
from tests.subscribers import complete_answers

TURN_ON = CONTENT.text(Text.BTN_SUBSCRIBE_ON, "id")
TURN_OFF = CONTENT.text(Text.BTN_SUBSCRIBE_OFF, "id")


async def _subscribed(bot: Harness, talent: EmulatedUser) -> bool:
    user = await bot.store.users.get(talent.id)
    assert user is not None
    return user.subscribed


async def _consents(bot: Harness, talent: EmulatedUser) -> list[tuple[Any, ...]]:
    rows = await bot.store.db.fetch_all(
        "SELECT granted, notice_version, language FROM consents"
        " WHERE user_id = ? AND kind = 'announcements' ORDER BY id",
        (talent.id,),
    )
    return [tuple(row) for row in rows]


async def test_commands_turn_announcements_on_and_off_in_one_line(
    bot: Harness, content: Content
) -> None:
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/start")
    assert TURN_ON in sari.last_message.button_texts

    (confirmation,) = await bot.send(sari, "/langganan")
    assert confirmation.text.startswith("🔔 Siap!")
    assert "\n" not in confirmation.text
    assert await _subscribed(bot, sari)

    (confirmation,) = await bot.send(sari, "/berhenti")
    assert confirmation.text.startswith("🔕 Oke")
    assert not await _subscribed(bot, sari)

    version = content.privacy.version
    assert await _consents(bot, sari) == [(1, version, "id"), (0, version, "id")]
    (menu,) = await bot.send(sari, "/menu")
    assert TURN_ON in menu.button_texts


async def test_english_aliases_and_stop_work(bot: Harness) -> None:
    john = bot.user(first_name="John", language_code="en")
    (confirmation,) = await bot.send(john, "/subscribe")
    assert confirmation.text.startswith("🔔 Done!")
    assert await _subscribed(bot, john)
    (confirmation,) = await bot.send(john, "/stop")
    assert confirmation.text == shown(Text.UNSUBSCRIBED, "en")
    assert not await _subscribed(bot, john)
    await bot.send(john, "/subscribe")
    await bot.send(john, "/unsubscribe")
    assert not await _subscribed(bot, john)
    assert [row[0] for row in await _consents(bot, john)] == [1, 0, 1, 0]


async def test_menu_toggle_switches_and_shows_the_new_state(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/start")
    await bot.press(sari, TURN_ON)
    menu = sari.last_message
    assert menu.text.startswith("🔔 Siap!")
    assert TURN_OFF in menu.button_texts
    assert TURN_ON not in menu.button_texts
    assert await _subscribed(bot, sari)

    await bot.press(sari, TURN_OFF)
    assert sari.last_message.text.startswith("🔕 Oke")
    assert TURN_ON in sari.last_message.button_texts
    assert not await _subscribed(bot, sari)
    assert [row[0] for row in await _consents(bot, sari)] == [1, 0]


async def _submit_through_the_bot(
    bot: Harness, talent: EmulatedUser, content: Content
) -> list[Any]:
    """An application ready for review, then the talent presses Submit."""
    await bot.send(talent, "/start")
    draft = await bot.store.applications.create(
        talent.id, "id", "review", answers=complete_answers(content, sector="music")
    )
    anchor = talent.last_message.message_id
    return await bot.act(talent, talent.press_raw, anchor, f"i:{draft.id}:{draft.step}:ok")


async def test_offer_after_an_application_yes_subscribes(make_bot: Any, content: Content) -> None:
    bot: Harness = await make_bot()  # no staff chat: this is about what the talent sees
    sari = bot.user(first_name="Sari")
    submitted, offer = await _submit_through_the_bot(bot, sari, content)
    assert submitted.text.startswith(opening(Text.INTAKE_SUBMITTED, reference="KOC-000001"))
    assert offer.text == shown(Text.SUBSCRIBE_OFFER)
    yes, no = content.text(Text.BTN_YES, "id"), content.text(Text.BTN_NO, "id")
    assert offer.button_texts == [yes, no]

    await bot.press(sari, yes)
    assert sari.last_message.text.startswith("🔔 Siap!")
    assert await _subscribed(bot, sari)
    assert [row[0] for row in await _consents(bot, sari)] == [1]

    # A second application: already subscribed, so no offer this time.
    replies = await _submit_through_the_bot(bot, sari, content)
    assert len(replies) == 1
    assert "pendaftaranmu sudah kami terima" in replies[0].text


async def test_offer_after_an_application_no_is_recorded(make_bot: Any, content: Content) -> None:
    bot: Harness = await make_bot()
    dewi = bot.user(first_name="Dewi")
    await _submit_through_the_bot(bot, dewi, content)
    await bot.press(dewi, content.text(Text.BTN_NO, "id"))
    assert dewi.last_message.text == shown(Text.SUBSCRIBE_DECLINED)
    assert not await _subscribed(bot, dewi)
    assert [row[0] for row in await _consents(bot, dewi)] == [0]


async def test_blocking_and_unblocking_the_bot_is_remembered(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/langganan")
    await bot.settle(sari.block())
    user = await bot.store.users.get(sari.id)
    assert user is not None
    assert user.blocked
    assert user.subscribed
    await bot.settle(sari.unblock())
    user = await bot.store.users.get(sari.id)
    assert user is not None
    assert not user.blocked


async def test_groups_still_get_the_private_chat_pointer(bot: Harness) -> None:
    admin = bot.emulator.user(ADMIN_ID)
    group = bot.emulator.group(title="Komunitas Film")
    mark = group.mark()
    bot.emulator.add_bot_to_group(group, by=admin)
    await bot.settle(bot.emulator.updates.pending[-1])
    (pointer,) = group.messages_since(mark)
    assert "chat pribadi" in pointer.text


async def test_commands_are_published_and_in_the_help(bot: Harness) -> None:
    indonesian = {command["command"] for command in bot.emulator.commands_for(language_code="id")}
    english = {command["command"] for command in bot.emulator.commands_for(language_code="en")}
    assert {"langganan", "berhenti"} <= indonesian
    assert {"subscribe", "unsubscribe"} <= english
    assert "broadcast" not in indonesian | english
    (help_id,) = await bot.send(bot.user(first_name="Sari"), "/bantuan")
    assert "/langganan" in help_id.text
    assert "/berhenti" in help_id.text
    (help_en,) = await bot.send(bot.user(first_name="John", language_code="en"), "/help")
    assert "/subscribe" in help_en.text
    assert "/unsubscribe" in help_en.text
