"""The bot keeps nothing per talent in memory once an update is handled: state is in SQLite."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT


async def test_nothing_is_kept_per_user_after_their_updates(bot: Harness) -> None:
    talents = [bot.user(first_name=f"Talenta {index}") for index in range(5)]
    for talent in talents:
        await bot.send(talent, "/start")
        await bot.send(talent, "/daftar")
        await bot.press(talent, CONTENT.text(Text.BTN_AGREE, "id"))
    application = bot.runner.application
    # Without persistence, python-telegram-bot would remember every user and chat id here.
    assert application._user_ids_to_be_updated_in_persistence == set()
    assert application._chat_ids_to_be_updated_in_persistence == set()
    assert bot.runner._parsed == {}  # no update kept once handled
    assert all(talent.last_message.buttons for talent in talents)  # the intake went on
