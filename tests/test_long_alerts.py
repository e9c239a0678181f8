"""Staff hear of every registration, however long: an alert longer than one Telegram message
(every answer at its longest) goes in several messages, the buttons under the last.

The emulator counts the 4,096 limit in UTF-16 units as Telegram does, so answers full of
emoji (two units each) reach it sooner.
"""

from __future__ import annotations

from typing import Any

from bot.emulator import EmulatedUser
from bot.emulator.entities import utf16_len
from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, where
from tests.test_pipeline import t

LONGEST = {
    "full_name": "N" * 100,
    "stage_name": "S" * 100,
    "city": "C" * 60,
    "portfolio_url": "https://example.com/" + "a" * 480,
    "other_links": "https://example.com/" + "L" * 480,  # 500 characters, a link
    "notable_works": "W" * 1000,
    # 1,994 UTF-16 units; with a word, as symbols alone are never stored as an answer.
    "message": "Musik " + "🎵" * 994,
    "email": "a" * 60 + "@" + "b" * 60 + ".com",
}


def _choices(key: str) -> list[str]:
    return [choice.value for choice in CONTENT.questions[key].choices or []]


def _opener(reference: str) -> str:
    return t(Text.BTN_OPEN_LEAD, reference=reference)


async def test_the_longest_allowed_registration_alerts_staff_in_parts(
    bot: Harness, staff_chat: Any
) -> None:
    answers = {
        **MUSICIAN,
        **LONGEST,
        "genres": _choices("genres")[:3],
        "languages": _choices("languages"),  # "Lainnya" too, and which at its longest
        "languages_other": "B" * 60,
        "programs_of_interest": [
            p.key for p in CONTENT.interest_programs() if p.section == "music"
        ],
    }
    talent = bot.emulator.user(7777, first_name="F" * 64, last_name="L" * 64, username="u" * 32)
    mark = staff_chat.mark()
    reference = await apply(bot, talent, answers)
    alert = staff_chat.messages_since(mark)
    assert len(alert) > 1 and reference in alert[0].text
    assert all(utf16_len(part.text) <= 4096 for part in alert)
    assert [part.button_texts for part in alert] == [[]] * (len(alert) - 1) + [[_opener(reference)]]
    whole = "".join(part.text for part in alert)
    assert all(value in whole for value in ("W" * 1000, "🎵" * 994, "L" * 480, "B" * 60))


async def _change(bot: Harness, talent: EmulatedUser, key: str, value: str) -> None:
    await bot.press(talent, t(Text.BTN_EDIT))
    await bot.press(talent, CONTENT.questions[key].label.id)
    await bot.send(talent, value)
    assert await where(bot, talent) == "review"


async def test_a_long_update_of_a_registration_alerts_staff_in_parts(
    bot: Harness, staff_chat: Any
) -> None:
    talent = bot.user(first_name="Sari")
    reference = await apply(bot, talent, {**MUSICIAN, **LONGEST})
    await bot.send(talent, "/daftar")
    await bot.press(talent, t(Text.BTN_UPDATE_REGISTRATION))
    await _change(bot, talent, "notable_works", "X" * 1000)
    await _change(bot, talent, "message", "Film " + "🎬" * 995)
    mark = staff_chat.mark()
    await bot.press(talent, t(Text.BTN_UPDATE_SAVE))
    alert = staff_chat.messages_since(mark)
    assert len(alert) > 1 and alert[0].text.startswith(f"✏️ {reference} diperbarui")
    assert alert[-1].button_texts == [_opener(reference)]
    whole = "".join(part.text for part in alert)
    assert all(value in whole for value in ("W" * 1000, "X" * 1000, "🎵" * 994, "🎬" * 995))
