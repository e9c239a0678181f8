"""The discard's question to a talent who has sent no registration says nothing of "sent
registrations" (a review s63, L7: Sarah2, first form, "mau ulang dari awal aja deh", read
"Pendaftaran yang sudah terkirim tidak ikut berubah"); one who has sent one still reads it."""

from __future__ import annotations

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, answer, apply, at_question, shown


@pytest.mark.parametrize(
    ("typed", "language"),
    [("mau ulang dari awal aja deh", "id"), ("can i start over", "en")],
)
async def test_a_first_time_talent_starting_over_is_not_told_of_sent_registrations(
    bot: Harness, typed: str, language: str
) -> None:
    sarah = await at_question(bot, "full_name", language=language)
    replies = await bot.send(sarah, typed)
    asked = replies[-1]
    assert CONTENT.text(Text.BTN_DISCARD_SURE, language) in asked.button_texts
    assert shown(Text.INTAKE_DISCARD_ASKED_UNSENT, language) in asked.text
    assert shown(Text.INTAKE_DISCARD_ASKED, language) not in asked.text
    for sent in ("terkirim", "already sent"):
        assert sent not in asked.text


async def test_the_discard_button_says_it_by_what_the_account_sent(bot: Harness) -> None:
    # Never sent: the paused form's 🗑 button asks without "sent registrations".
    sarah = await at_question(bot, "full_name")
    await bot.press(sarah, CONTENT.text(Text.BTN_PAUSE, "id"))
    [asked] = await bot.press(sarah, CONTENT.text(Text.BTN_DISCARD_DRAFT, "id"))
    assert asked.text == shown(Text.INTAKE_DISCARD_ASKED_UNSENT)

    # Sent one, a second form paused: "sent registrations stay as they are" is true, and said.
    ucok = bot.user(first_name="Ucok")
    assert await apply(bot, ucok, MUSICIAN) == "KOC-000001"
    await bot.send(ucok, "/daftar")
    await bot.press(ucok, CONTENT.text(Text.BTN_NEW_REGISTRATION, "id"))
    await answer(bot, ucok, "sector", "film")
    await bot.press(ucok, CONTENT.text(Text.BTN_PAUSE, "id"))
    [asked] = await bot.press(ucok, CONTENT.text(Text.BTN_DISCARD_DRAFT, "id"))
    assert asked.text == shown(Text.INTAKE_DISCARD_ASKED)
