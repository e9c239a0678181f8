"""Changing the language inside the form: asked for in words, or chosen with /bahasa."""

from __future__ import annotations

from typing import Any

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, answer, at_question, rendered, shown, where


async def _stored(bot: Harness, user_id: int) -> dict[str, Any]:
    draft = await bot.store.applications.draft_for(user_id)
    assert draft is not None
    return await bot.store.applications.answers(draft.id)


async def _language(bot: Harness, user_id: int) -> str:
    talent = await bot.store.users.get(user_id)
    assert talent is not None
    return talent.language


def _prompt(key: str, language: str) -> str:
    return rendered(CONTENT.questions[key].prompt.get(language))


@pytest.mark.parametrize(
    ("start", "key", "typed", "wanted"),
    [
        # A talents' review: the first got "this one may be skipped", the second was stored
        # as the stage name, the third (in English, at the genres) "pick from the buttons".
        (
            "id",
            "stage_name",
            "Mohon maaf, apakah bisa pakai bahasa Inggris saja? Cucu saya yang membantu membaca",
            "en",
        ),
        ("id", "stage_name", "English please", "en"),
        ("en", "genres", "Maaf, cucu saya sudah pulang. Kembali ke bahasa Indonesia saja", "id"),
        ("id", "notable_works", "ganti ke english dong kak", "en"),
        ("en", "email", "switch language please", "id"),
        ("id", "province", "bisa pakai bahasa inggris?", "en"),
    ],
)
async def test_asking_for_the_other_language_mid_form_switches_and_asks_again(
    bot: Harness, start: str, key: str, typed: str, wanted: str
) -> None:
    user = await at_question(bot, key, start)
    before = await _stored(bot, user.id)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_LANGUAGE_SWITCHED, wanted))
    assert _prompt(key, wanted) in reply.text  # the same question, in the new language
    assert await where(bot, user) == key
    assert await _stored(bot, user.id) == before  # kept, and nothing stored as an answer
    assert await _language(bot, user.id) == wanted
    # From now on in that language: the next question too.
    await answer(bot, user, key, MUSICIAN[key], wanted)
    following = await where(bot, user)
    assert following is not None and following != key
    assert _prompt(following, wanted) in user.last_message.text


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        # Answers that name a language: at the languages question, and about one's work.
        ("languages", "bahasa inggris saja"),
        ("notable_works", "Lagu saya pakai bahasa Inggris, bisa didengar di Spotify"),
        ("notable_works", "Saya pindah ke Inggris tahun 2019 dan rekaman di London"),
    ],
)
async def test_an_answer_that_names_a_language_is_no_request(
    bot: Harness, key: str, typed: str
) -> None:
    user = await at_question(bot, key)
    replies = await bot.send(user, typed)
    assert all(shown(Text.INTAKE_LANGUAGE_SWITCHED) not in m.text for m in replies)
    assert await _language(bot, user.id) == "id"
    if key == "languages":
        draft = await bot.store.applications.draft_for(user.id)
        assert draft is not None and draft.pending == ["english"]  # ticked, as typed
    else:
        assert (await _stored(bot, user.id))[key] == typed


async def test_the_language_chosen_with_bahasa_mid_form_goes_back_to_the_question(
    bot: Harness,
) -> None:
    """A talents' review: /language then English landed on the main menu, twice, and the
    talent had to find /daftar himself."""
    user = await at_question(bot, "city")
    before = await _stored(bot, user.id)
    await bot.send(user, "/bahasa")
    [shown_now] = await bot.press(user, CONTENT.text(Text.BTN_LANGUAGE_EN, "id"))
    assert shown_now.text.startswith(shown(Text.INTAKE_LANGUAGE_SWITCHED, "en"))
    assert _prompt("city", "en") in shown_now.text
    assert CONTENT.text(Text.BTN_PAUSE, "en") in shown_now.button_texts
    assert await where(bot, user) == "city"
    assert await _stored(bot, user.id) == before
    await bot.send(user, "/language")
    [back] = await bot.press(user, CONTENT.text(Text.BTN_LANGUAGE_ID, "en"))
    assert back.text.startswith(shown(Text.INTAKE_LANGUAGE_SWITCHED, "id"))
    assert _prompt("city", "id") in back.text
    # Outside the form, the menu as before.
    outsider = bot.user()
    await bot.send(outsider, "/bahasa")
    [menu] = await bot.press(outsider, CONTENT.text(Text.BTN_LANGUAGE_EN, "id"))
    assert menu.text.startswith(shown(Text.LANGUAGE_SET, "en"))


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        # A talents' review (s57, H2): a documentary director's question on English subtitles,
        # at the film formats, switched the whole form to English.
        (
            "film_formats",
            "kalau film dokumenter sa pakai bahasa daerah (bahasa Dani), apakah harus ada "
            "subtitle bahasa Inggris?",
        ),
        ("portfolio_url", "apakah terjemahan bahasa Inggris wajib untuk filmnya?"),
        ("city", "boleh kirim proposal dalam bahasa Inggris?"),
    ],
)
async def test_a_question_on_a_work_in_a_language_keeps_the_chat_language(
    bot: Harness, key: str, typed: str
) -> None:
    """A language named as what a film, a subtitle or a proposal is in is no wish for the bot
    to speak it: the form goes on in Indonesian."""
    user = await at_question(bot, key, answers=FILMMAKER)
    replies = await bot.send(user, typed)
    assert all(shown(Text.INTAKE_LANGUAGE_SWITCHED, "en") not in m.text for m in replies)
    assert await _language(bot, user.id) == "id"
    assert _prompt(key, "en") not in replies[-1].text
