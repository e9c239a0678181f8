"""What five talents typed at the form's readers in a review (session 56), read as they meant
it: a link sent as a second message, plurals of a choice, programs in their own words, a
button's words typed, a language still being learnt, a button's symbol typed."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, answer, at_question, draft_answers, seen, shown, where


async def test_a_link_sent_right_after_the_links_is_added_to_them(bot: Harness) -> None:
    """H1: Putu's "Sama youtube.com/@sekaadigital", sent right after "IG @arsana.gamelan" at
    the other links, was stored as his notable works. Now it is added to the links, said, and
    the works still asked; words that are not only links are the works, as before; later, a
    link is the works too."""
    user = await at_question(bot, "other_links")
    links = CONTENT.questions["other_links"].label.id
    await bot.send(user, "IG @arsana.gamelan")
    assert await where(bot, user) == "notable_works"
    [told] = await bot.send(user, "Sama youtube.com/@sekaadigital")
    added = shown(Text.INTAKE_LINKS_ADDED, field=links, links="youtube.com/@sekaadigital")
    assert told.text.startswith(added)
    assert CONTENT.questions["notable_works"].prompt.id in told.text
    assert await where(bot, user) == "notable_works"
    stored = await draft_answers(bot, user)
    assert stored["other_links"].split("\n") == [
        "https://www.instagram.com/arsana.gamelan",
        "youtube.com/@sekaadigital",
    ]
    assert "notable_works" not in stored
    await bot.send(user, "and tiktok @arsana.gamelan")  # one more, still soon
    assert (await draft_answers(bot, user))["other_links"].split("\n")[-1] == (
        "https://www.tiktok.com/@arsana.gamelan"
    )
    await bot.send(user, "Album Kabut Lembang 2023 youtube.com/watch?v=abc")  # the works
    assert (await draft_answers(bot, user))["notable_works"] == (
        "Album Kabut Lembang 2023 youtube.com/watch?v=abc"
    )
    later = await at_question(bot, "other_links")
    await answer(bot, later, "other_links", "ig @sari.music")
    await seen(bot, later, 180)  # three minutes on: the works' answer
    await bot.send(later, "youtube.com/watch?v=abc")
    stored = await draft_answers(bot, later)
    assert stored["notable_works"] == "youtube.com/watch?v=abc"
    assert stored["other_links"] == "https://www.instagram.com/sari.music"
