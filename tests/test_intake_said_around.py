"""What talents typed in a re-check (session 58) around an answer: a regency or city said
with its kind or its part of the compass, a city beside its province, "nothing more" after a
genre of their own, "no" with a remark at an optional question."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, at_question, draft_answers, label, where

BACK = CONTENT.text(Text.BTN_BACK, "id")


async def test_nothing_more_after_a_genre_of_ones_own_closes_the_choice(bot: Harness) -> None:
    """M5: "ga ada lagi" after Lainnya and "reggae" replaced the genre ("Genre lain: ga ada
    lagi")."""
    for closing in ("ga ada lagi", "ndek araq lagi", "udah itu aja", "nothing else"):
        user = await at_question(bot, "genres")
        await bot.press(user, label("genres", "other"))
        await bot.send(user, "reggae")
        await bot.send(user, closing)
        answers = await draft_answers(bot, user)
        assert answers["genres_other"] == "reggae", closing
        assert await where(bot, user) not in {"genres", "genres_other"}, closing


async def test_no_with_a_remark_at_the_production_house_is_none(bot: Harness) -> None:
    """M6: "no, im indie" was stored as the production house "no", "ga ada, indie aja"
    whole; a real name beginning with a no stays."""
    for typed in ("no, im indie", "nope, indie aja", "none, freelance", "ga ada, indie aja"):
        user = await at_question(bot, "company_name", answers=FILMMAKER)
        await bot.send(user, typed)
        assert await where(bot, user) == "film_role", typed
        assert (await draft_answers(bot, user)).get("company_name") is None, typed
    user = await at_question(bot, "company_name", answers=FILMMAKER)
    await bot.send(user, "Nope Studio")
    assert (await draft_answers(bot, user))["company_name"] == "Nope Studio"
