"""Five small misreadings left in session 57's notes, read as the talent or staff meant them: a
"bro" before a "ya" at the city, a role corrected at the genres with a genre in the sentence,
a phone remark cut inside an emoji, ticked items listed with "dan"/"and", and "musisi" in a
lead search."""

from __future__ import annotations

import pytest

from tests.harness import Harness
from tests.leads import at_question, draft_answers


@pytest.mark.parametrize(
    ("typed", "city"),
    [
        ("makassar bro ya", "makassar"),  # a re-check: stored as "makassar bro"
        ("jakarta kak ya", "jakarta"),
        ("bandung ya bro", "bandung"),
        ("makassar lah bro ya", "makassar"),
    ],
)
async def test_chat_words_after_the_city_are_not_kept_whatever_their_order(
    bot: Harness, typed: str, city: str
) -> None:
    user = await at_question(bot, "city")
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["city"] == city
