"""A band called "Reset" giving its own address or links (a new staff review s64, H1): at the
email, "reset.band@gmail.com" paused the form and offered to throw the draft away ("🔄 Bisa."),
and the phone typed next got the main menu; the same at the link with
"instagram.com/reset.band" or "youtu.be/watch?v=restart_live", for as long as she tried. An
address, an @handle or a link is data at every step: never a wish to start over."""

from __future__ import annotations

from typing import Any

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, at_question, draft_answers, editing, where

_SURE = CONTENT.text(Text.BTN_DISCARD_SURE, "id")


async def _paused(bot: Harness, user: Any) -> bool:
    draft = await bot.store.applications.draft_for(user.id)
    return draft is not None and not draft.active


@pytest.mark.parametrize(
    ("key", "typed", "stored"),
    [
        ("email", "reset.band@gmail.com", "reset.band@gmail.com"),
        ("email", "email kami restart.pictures@gmail.com ya kak", "restart.pictures@gmail.com"),
        ("portfolio_url", "https://www.instagram.com/reset.band", None),
        ("portfolio_url", "https://youtu.be/watch?v=restart_live", None),
        ("portfolio_url", "instagram.com/reset.band", "https://instagram.com/reset.band"),
        ("other_links", "https://youtu.be/watch?v=restart_live", None),
        ("other_links", "ig @reset.band", "https://www.instagram.com/reset.band"),
    ],
)
async def test_an_address_or_a_link_with_reset_in_it_is_the_answer(
    bot: Harness, key: str, typed: str, stored: str | None
) -> None:
    """Stored at its step, the next question asked; the form never paused, no discard
    offered."""
    user = await at_question(bot, key)
    replies = await bot.send(user, typed)
    assert (await draft_answers(bot, user))[key] == (stored or typed)
    assert not await _paused(bot, user)
    assert await where(bot, user) != key
    assert all(_SURE not in reply.button_texts for reply in replies)


async def test_the_address_changed_from_the_review_is_stored(bot: Harness) -> None:
    """From the review, the band's address as the new email: the new answer."""
    user = await editing(bot, "email")
    replies = await bot.send(user, "reset.band@gmail.com")
    assert (await draft_answers(bot, user))["email"] == "reset.band@gmail.com"
    assert not await _paused(bot, user)
    assert all(_SURE not in reply.button_texts for reply in replies)


@pytest.mark.parametrize("typed", ["reset", "mau restart aja kak"])
async def test_a_wish_to_start_over_at_the_email_is_still_one(bot: Harness, typed: str) -> None:
    """Words of no address still read as the wish they are: its discard offered."""
    user = await at_question(bot, "email")
    replies = await bot.send(user, typed)
    assert any(_SURE in reply.button_texts for reply in replies)
    assert "email" not in await draft_answers(bot, user)
