"""What talents typed at the form's questions in a review, read as they meant it."""

from __future__ import annotations

from typing import Any

from bot.leads.intake import NONE_YET
from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, answer, at_question, consent, shown, where

NADIA = (
    "ini showreel aku 👉 https://vimeo.com/812345678?utm_source=ig&utm_medium=bio&fbclid=IwAR2xYz"
    " 🎬 sama film pendek terbaru https://youtu.be/nDfLm2024?si=Ab12Cd34Ef 🌙 dan ig aku"
    " https://www.instagram.com/nadia.frames?igsh=MWx0bXQ1 ✨"
)


async def _stored(bot: Harness, user_id: int) -> dict[str, Any]:
    draft = await bot.store.applications.draft_for(user_id)
    assert draft is not None
    return await bot.store.applications.answers(draft.id)


async def test_several_links_keep_the_first_and_carry_the_others_to_other_links(
    bot: Harness,
) -> None:
    """A talents' review: three links in one message were "not a web link"."""
    user = await at_question(bot, "portfolio_url")
    [reply] = await bot.send(user, NADIA)
    other = CONTENT.questions["other_links"].label.id
    assert reply.text.startswith(shown(Text.INTAKE_LINKS_CARRIED, count=2, other=other))
    stored = await _stored(bot, user.id)
    assert stored["portfolio_url"].startswith("https://vimeo.com/812345678")
    assert stored["other_links"] == (
        "https://youtu.be/nDfLm2024?si=Ab12Cd34Ef\n"
        "https://www.instagram.com/nadia.frames?igsh=MWx0bXQ1"
    )
    assert await where(bot, user) == "notable_works"  # "Tautan lain" is answered
    # Back shows them there, to change.
    [back] = await bot.press(user, CONTENT.text(Text.BTN_BACK, "id"))
    assert await where(bot, user) == "other_links"
    assert "https://youtu.be/nDfLm2024" in back.text


async def test_belum_ada_inside_a_sentence_at_the_work_link_is_not_yet(bot: Harness) -> None:
    """A talents' review (s49 M4, s50 M11): refused as "not a web link"."""
    user = await at_question(bot, "portfolio_url")
    typed = (
        "Mohon maaf, rekaman aransemen saya masih berupa kaset dan pita reel, belum ada di internet"
    )
    await bot.send(user, typed)
    assert (await _stored(bot, user.id))["portfolio_url"] == NONE_YET
    assert await where(bot, user) == "other_links"


async def test_a_sentence_without_a_link_or_not_yet_is_still_no_link(bot: Harness) -> None:
    user = await at_question(bot, "portfolio_url")
    [reply] = await bot.send(user, "rekaman saya masih berupa kaset dan pita reel")
    assert reply.text.startswith(shown(Text.INTAKE_BAD_URL))
    assert "portfolio_url" not in await _stored(bot, user.id)


async def test_a_filmmaker_too_gets_the_links_carried(bot: Harness) -> None:
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    for key, value in FILMMAKER.items():
        if key == "portfolio_url":
            break
        await answer(bot, user, key, value)
    await bot.send(user, "https://vimeo.com/1 dan https://vimeo.com/2 juga https://vimeo.com/1")
    stored = await _stored(bot, user.id)
    assert stored["portfolio_url"] == "https://vimeo.com/1"
    assert stored["other_links"] == "https://vimeo.com/2"  # each link once
