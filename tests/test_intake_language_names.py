"""A language asked for at a name, or in a longer message (session 59): "English Please" may be
a band's name, and "eh aku pake bahasa indonesia aja deh…" is a request, however long."""

from __future__ import annotations

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, at_question, draft_answers, rendered, seen, shown, where


async def _language(bot: Harness, user_id: int) -> str:
    talent = await bot.store.users.get(user_id)
    assert talent is not None
    return talent.language


@pytest.mark.parametrize("key", ["stage_name", "full_name"])
async def test_a_name_that_asks_for_a_language_is_asked_about(bot: Harness, key: str) -> None:
    """Attack review L3: "English Please" at the stage name switched the bot to English and
    stored nothing. Now asked: switch (a button), or is that the name (sent once more)?"""
    user = await at_question(bot, key)
    english = CONTENT.text(Text.BTN_LANGUAGE_EN, "id")
    [reply] = await bot.send(user, "English Please")
    assert shown(Text.INTAKE_LANGUAGE_OR_NAME, switch_to=english) in reply.text
    assert english in reply.button_texts
    assert await _language(bot, user.id) == "id"  # not switched unasked
    assert key not in await draft_answers(bot, user)
    await seen(bot, user)
    await bot.send(user, "English Please")  # once more: the name
    assert (await draft_answers(bot, user))[key] == "English Please"
    assert await _language(bot, user.id) == "id"


@pytest.mark.parametrize(
    ("typed", "language", "wished"),
    [
        ("In English", "id", "en"),
        ("English", "id", "en"),
        ("bahasa inggris", "id", "en"),
        ("Indonesian", "en", "id"),
        ("bahasa indonesia", "en", "id"),
    ],
)
async def test_a_language_only_named_at_a_name_is_asked_about(
    bot: Harness, typed: str, language: str, wished: str
) -> None:
    """Re-check review N7: "In English" at the stage name was stored as the name, and shown in
    /status, the cancel question and the staff alert. Asked as "English Please" is."""
    user = await at_question(bot, "stage_name", language)
    button = CONTENT.text(Text.BTN_LANGUAGE_EN if wished == "en" else Text.BTN_LANGUAGE_ID, "id")
    [reply] = await bot.send(user, typed)
    assert shown(Text.INTAKE_LANGUAGE_OR_NAME, language, switch_to=button) in reply.text
    assert button in reply.button_texts
    assert "stage_name" not in await draft_answers(bot, user)
    await seen(bot, user)
    await bot.send(user, typed)  # once more: the name
    assert (await draft_answers(bot, user))["stage_name"] == typed
    assert await _language(bot, user.id) == language


async def test_the_offered_language_button_switches(bot: Harness) -> None:
    user = await at_question(bot, "stage_name")
    await bot.send(user, "English Please")
    [shown_now] = await bot.press(user, CONTENT.text(Text.BTN_LANGUAGE_EN, "id"))
    assert await _language(bot, user.id) == "en"
    assert rendered(CONTENT.questions["stage_name"].prompt.get("en")) in shown_now.text
    assert await where(bot, user) == "stage_name"
    assert "stage_name" not in await draft_answers(bot, user)


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("full_name", "pakai bahasa inggris aja"),  # clearly a request
        ("stage_name", "English please"),  # a sentence, as a phone capitalises it
        ("stage_name", "ganti ke English"),
    ],
)
async def test_a_clear_request_at_a_name_still_switches(bot: Harness, key: str, typed: str) -> None:
    user = await at_question(bot, key)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_LANGUAGE_SWITCHED, "en"))
    assert await _language(bot, user.id) == "en"
    assert key not in await draft_answers(bot, user)


async def test_a_long_language_request_at_the_city_is_read_before_its_length(
    bot: Harness,
) -> None:
    """Talents' review 9: at the city, in English, this 63-character request got "Your answer
    has 63 characters; the limit is 60."."""
    user = await at_question(bot, "city", "en")
    typed = "eh aku pake bahasa indonesia aja deh ya kak, lebih gampang hehe"
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_LANGUAGE_SWITCHED, "id"))
    assert await _language(bot, user.id) == "id"
    assert await where(bot, user) == "city"
    assert "city" not in await draft_answers(bot, user)


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        # An answer that names a language, not a request (a short text, not strict).
        ("city", "Lagu saya pakai bahasa Inggris aja"),
    ],
)
async def test_a_work_in_a_language_is_no_request(bot: Harness, key: str, typed: str) -> None:
    user = await at_question(bot, key)
    await bot.send(user, typed)
    assert await _language(bot, user.id) == "id"
