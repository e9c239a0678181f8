"""A band's or a production house's name that reads as "start over" (an attacker's review s64,
M1): "Reset", "Restart Pictures", "PT Reset Studio", "Mulai Dari Nol" at a name paused the
form and offered its discard, quoted or not; the name could never be given. Sentences that
say it ("mau ulang dari awal", "can i start over") keep their own tests
(test_form_exits_s63b.py, test_discard_unsent_s63f.py)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, at_question, draft_answers, editing, shown, where


async def _paused(bot: Harness, user: Any) -> bool:
    draft = await bot.store.applications.draft_for(user.id)
    return draft is not None and not draft.active


@pytest.mark.parametrize(
    ("key", "typed", "answers"),
    [
        ("stage_name", "Restart Pictures", None),
        ("stage_name", "Begin Again Films", None),
        ("company_name", "PT Reset Studio", FILMMAKER),
        ("company_name", "From Scratch Films", FILMMAKER),
        ("city", "Reset Kota", None),
    ],
)
async def test_a_name_with_a_word_of_starting_over_is_stored(
    bot: Harness, key: str, typed: str, answers: dict[str, Any] | None
) -> None:
    """ "Restart Pictures" at the stage name, "PT Reset Studio" at the production house:
    stored as typed, the next question asked; no discard offered."""
    user = await at_question(bot, key, answers=answers)
    replies = await bot.send(user, typed)
    assert (await draft_answers(bot, user))[key] == typed
    assert not await _paused(bot, user)
    assert await where(bot, user) != key
    sure = CONTENT.text(Text.BTN_DISCARD_SURE, "id")
    assert all(sure not in reply.button_texts for reply in replies)


@pytest.mark.parametrize("typed", ["Reset", "Mulai Dari Nol", "From Scratch"])
async def test_such_a_word_alone_is_asked_as_stop_is_and_in_quotes_is_the_name(
    bot: Harness, typed: str
) -> None:
    """ "Reset" alone at the stage name: perhaps a wish to start over, perhaps the band. As
    "Stop" is: the form paused (its discard a press away, not one tap under the name), said
    how to give it as the name; in quotes, it is stored."""
    user = await at_question(bot, "stage_name")
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_WORD_NOT_NAME, typed=typed))
    assert shown(Text.INTAKE_CANCELLED) in reply.text
    assert CONTENT.text(Text.BTN_DISCARD_SURE, "id") not in reply.button_texts
    assert CONTENT.text(Text.BTN_DISCARD_DRAFT, "id") in reply.button_texts
    assert await _paused(bot, user)
    await bot.send(user, "/daftar")
    await bot.send(user, f"\u201c{typed}\u201d")
    assert (await draft_answers(bot, user))["stage_name"] == typed
    assert await where(bot, user) == "music_role"


async def test_a_name_of_starting_over_at_a_step_of_buttons_is_no_wish(bot: Harness) -> None:
    """ "PT Reset Studio" typed at the role (a screen of buttons) paused the form and offered
    its discard. Now it is told to use the buttons, the form still open."""
    user = await at_question(bot, "film_role", answers=FILMMAKER)
    [reply] = await bot.send(user, "PT Reset Studio")
    assert not await _paused(bot, user)
    assert CONTENT.text(Text.BTN_DISCARD_SURE, "id") not in reply.button_texts
    assert await where(bot, user) == "film_role"


async def test_a_name_being_changed_from_the_review_is_stored(bot: Harness) -> None:
    """From the review, "Restart Pictures" as the new stage name paused the form and offered
    the discard (the old answer kept). Now it is the new answer."""
    user = await editing(bot, "stage_name")
    await bot.send(user, "Restart Pictures")
    assert (await draft_answers(bot, user))["stage_name"] == "Restart Pictures"
    assert not await _paused(bot, user)
