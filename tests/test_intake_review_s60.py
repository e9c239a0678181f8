"""What the talents' review of session 60 typed at the form, read as they meant it: a letter's
sign-off at a name, a city's spelling and province, an address or a password beside a link,
a wish not to give a number, a question at the note, a province inside a story."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import FILMMAKER, at_question, draft_answers, shown, where


async def test_a_sign_off_alone_at_the_production_house_is_asked_back(bot: Harness) -> None:
    """L6: "Salam hormat," (the first line of a pasted signature) was stored as the
    production house; sent once more, it is the answer."""
    user = await at_question(bot, "company_name", answers=FILMMAKER)
    for typed in ("Salam hormat,", "Hormat kami", "Best regards,"):
        [reply] = await bot.send(user, typed)
        assert reply.text.startswith(shown(Text.INTAKE_CHATTER_AT_TEXT)), typed
        assert await where(bot, user) == "company_name"
        assert "company_name" not in await draft_answers(bot, user)
    await bot.send(user, "Salam Production")  # a name with the word in it is a name
    assert (await draft_answers(bot, user))["company_name"] == "Salam Production"
