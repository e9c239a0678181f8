"""Buttons that carry a Telegram user id read real ids (a final review s63, H1 and M1): most
ids have ten digits, some are past 2**52, and the 👤 Saya tangani and 👥 Serahkan ke… buttons
read them all. A page that shows a colleague takes the lead over on one press; a stale page is
warned once and the next press takes it; the four-digit ids of older tests still work."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.emulator import EmulatedUser
from bot.texts import Text
from tests.conftest import STAFF_CHAT_ID
from tests.harness import Harness
from tests.test_pipeline import _seed_talents, t

ARI, DEWI = 5839204117, 6123456789  # ten digits, as most Telegram ids are
BEYOND = 2**52 + 12345  # past what Telegram promises today
REFERENCE = "KOC-000001"
MakeBot = Callable[..., Any]


async def _desk(make_bot: MakeBot, *ids: int) -> tuple[Harness, list[EmulatedUser]]:
    bot: Harness = await make_bot(admin_ids=frozenset(ids), staff_chat_id=STAFF_CHAT_ID)
    names = ["Ari", "Dewi", "Bima"]
    staff = [
        bot.emulator.user(number, first_name=name, language_code="id")
        for number, name in zip(ids, names, strict=False)
    ]
    for member in staff:
        await bot.send(member, "/start")
    await _seed_talents(bot, 1)
    return bot, staff


async def assignee(bot: Harness) -> int | None:
    state = await bot.store.pipeline.state(1)
    assert state is not None
    return state.assignee_id


async def test_a_page_showing_a_colleague_with_a_real_id_takes_the_lead_over_on_one_press(
    make_bot: MakeBot, staff_chat: Any
) -> None:
    bot, (ari, dewi) = await _desk(make_bot, ARI, DEWI)
    (dewi_page,) = await bot.send(dewi, f"/lead {REFERENCE}")
    await bot.press(dewi, t(Text.BTN_ASSIGN_ME), message=dewi_page)
    assert await assignee(bot) == DEWI
    (ari_page,) = await bot.send(ari, f"/lead {REFERENCE}")
    assert "Ditangani: Dewi" in ari_page.text
    (after,) = await bot.press(ari, t(Text.BTN_ASSIGN_ME), message=ari_page)
    assert await assignee(bot) == ARI
    assert not ari.callback_answers[-1].show_alert
    assert "Ditangani: Ari" in after.text


async def test_a_stale_page_is_warned_once_and_the_next_press_takes_it(
    make_bot: MakeBot, staff_chat: Any
) -> None:
    bot, (ari, dewi, bima) = await _desk(make_bot, ARI, DEWI, BEYOND)
    (ari_page,) = await bot.send(ari, f"/lead {REFERENCE}")  # shows nobody
    (bima_page,) = await bot.send(bima, f"/lead {REFERENCE}")
    await bot.press(bima, t(Text.BTN_ASSIGN_ME), message=bima_page)
    assert await assignee(bot) == BEYOND
    (dewi_page,) = await bot.send(dewi, f"/lead {REFERENCE}")  # shows Bima, past 2**52
    await bot.press(dewi, t(Text.BTN_ASSIGN_ME), message=dewi_page)
    assert await assignee(bot) == DEWI
    await bot.press(ari, t(Text.BTN_ASSIGN_ME), message=ari_page)
    told = t(Text.RECORDS_ASSIGN_TAKEN, reference=REFERENCE, name="Dewi")
    assert ari.callback_answers[-1].text == told
    assert await assignee(bot) == DEWI
    await bot.press(ari, t(Text.BTN_ASSIGN_ME), message=ari_page)  # now shows Dewi
    assert await assignee(bot) == ARI


async def test_handing_a_lead_to_a_colleague_with_a_real_id(
    make_bot: MakeBot, staff_chat: Any
) -> None:
    bot, (ari, _dewi, _bima) = await _desk(make_bot, ARI, DEWI, BEYOND)
    (ari_page,) = await bot.send(ari, f"/lead {REFERENCE}")
    (choice,) = await bot.press(ari, t(Text.BTN_ASSIGN_OTHER), message=ari_page)
    await bot.press(ari, "Dewi", message=choice)
    assert ari.callback_answers[-1].text != t(Text.BUTTON_EXPIRED)
    assert await assignee(bot) == DEWI
    # From a fresh choice (it shows Dewi), to Bima, whose id is past 2**52.
    (choice,) = await bot.press(ari, t(Text.BTN_ASSIGN_OTHER), message=ari.last_message)
    await bot.press(ari, "Bima", message=choice)
    assert await assignee(bot) == BEYOND


async def test_four_digit_ids_still_work(make_bot: MakeBot, staff_chat: Any) -> None:
    bot, (first, second) = await _desk(make_bot, 9001, 9002)
    (page,) = await bot.send(second, f"/lead {REFERENCE}")
    await bot.press(second, t(Text.BTN_ASSIGN_ME), message=page)
    (page,) = await bot.send(first, f"/lead {REFERENCE}")
    await bot.press(first, t(Text.BTN_ASSIGN_ME), message=page)
    assert await assignee(bot) == 9001
    (choice,) = await bot.press(first, t(Text.BTN_ASSIGN_OTHER), message=first.last_message)
    await bot.press(first, "Dewi", message=choice)
    assert await assignee(bot) == 9002


async def test_a_forged_id_past_what_sqlite_keeps_is_an_expired_button(
    make_bot: MakeBot, staff_chat: Any
) -> None:
    bot, (ari, _dewi) = await _desk(make_bot, ARI, DEWI)
    (page,) = await bot.send(ari, f"/lead {REFERENCE}")
    await bot.act(ari, ari.press_raw, page.message_id, f"rc:at:1:{2**63}:0")
    assert ari.callback_answers[-1].text == t(Text.BUTTON_EXPIRED)
    assert await assignee(bot) is None
