"""What five talents typed at the form in a review (session 65): a question with no "?"
(Wulan, who types on a cheap phone with no punctuation; Grace in English) was stored as the
stage name, the genre or the city, and got only "press a button" at the consent; a Sundanese
"not yet" was stored as the production house (Ferdi). Real answers with a word that asks in
them stay answers."""

from __future__ import annotations

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    at_question,
    draft_answers,
    label,
    seen,
    shown,
    where,
)

_PRIVACY = CONTENT.faq["my_data"].question


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("kak ini data sy aman gk", "id"),
        ("data saya aman ga kak", "id"),
        ("is my data safe with you", "en"),
    ],
)
async def test_a_question_without_a_mark_at_the_consent_is_answered(
    bot: Harness, typed: str, language: str
) -> None:
    """F1 d): only "pick one of the buttons below"; with "?" the privacy answer came."""
    user = bot.user(language_code=language)
    await bot.send(user, "/daftar" if language == "id" else "/register")
    replies = await bot.send(user, typed)
    assert replies[0].text.startswith(_PRIVACY.get(language)), replies[0].text
    assert not any(shown(Text.INTAKE_USE_BUTTONS, language) in r.text for r in replies)
    assert CONTENT.text(Text.BTN_AGREE, language) in replies[-1].button_texts


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("berapa biayanya kak", "id"),
        ("brp biaya nya kak", "id"),
        ("hrs sm ibu sy gk kak klo ke korea", "id"),
        ("kapan pengumumannya min", "id"),
        ("how much does it cost", "en"),
        ("can I bring my mother to Korea", "en"),
    ],
)
async def test_a_question_without_a_mark_is_not_the_stage_name(
    bot: Harness, typed: str, language: str
) -> None:
    """F1 b): stored as the stage name, unseen until the summary. Now read as a question:
    nothing stored, the stage name asked again; sent once more, it is the name."""
    user = await at_question(bot, "stage_name", language)
    replies = await bot.send(user, typed)
    assert await where(bot, user) == "stage_name", typed
    assert "stage_name" not in await draft_answers(bot, user)
    said = "\n".join(reply.text for reply in replies)
    assert (
        shown(Text.INTAKE_A_QUESTION, language) in said
        or shown(Text.INTAKE_BACK_TO_FORM, language) in said
        or shown(Text.INTAKE_ASKED_BACK_TO_FORM, language) in said
    ), said
    await seen(bot, user)
    await bot.send(user, typed)  # asked back, never lost: once more, it is the answer
    assert await where(bot, user) != "stage_name"
    assert (await draft_answers(bot, user))["stage_name"]


@pytest.mark.parametrize(
    "name", ["Apa Adanya", "Kapan Lagi Band", "Gimana Nanti", "Why Not", "Sebentar Lagi"]
)
async def test_a_stage_name_with_a_word_that_asks_is_stored_at_once(
    bot: Harness, name: str
) -> None:
    user = await at_question(bot, "stage_name")
    await bot.send(user, name)
    assert (await draft_answers(bot, user))["stage_name"] == name
    assert await where(bot, user) != "stage_name"


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("berapa biayanya kak", "id"),
        ("brp biaya nya kak", "id"),
        ("how much does it cost", "en"),
    ],
)
async def test_a_question_without_a_mark_at_the_genres_ticks_nothing(
    bot: Harness, typed: str, language: str
) -> None:
    """F1 a): "✅ Kucentang Lainnya; Berapa biayanya kucatat di Genre lain.": stored as a
    genre of her own, on the summary and the staff card."""
    user = await at_question(bot, "genres", language)
    replies = await bot.send(user, typed)
    assert not any(reply.text.startswith("✅") for reply in replies), typed
    answers = await draft_answers(bot, user)
    assert "genres_other" not in answers
    assert await where(bot, user) == "genres"
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None and not draft.pending, typed


@pytest.mark.parametrize("typed", ["Campursari", "Gambus modern", "Jaranan"])
async def test_a_genre_of_ones_own_is_still_stored(bot: Harness, typed: str) -> None:
    user = await at_question(bot, "genres")
    await bot.press(user, label("genres", "other"))
    await bot.send(user, typed)
    await bot.press(user, CONTENT.text(Text.BTN_DONE, "id"))
    answers = await draft_answers(bot, user)
    assert answers["genres"] == ["other"]
    assert str(answers["genres_other"]).casefold() == typed.casefold()


@pytest.mark.parametrize(
    ("typed", "language", "reply"),
    [
        ("hmm wait, I need to think about this", "en", Text.INTAKE_THINKING),
        ("bentar kak aku pikir dulu", "id", Text.INTAKE_THINKING),
        ("berapa lama prosesnya kak", "id", Text.INTAKE_A_QUESTION),
        ("where do you need my city for", "en", Text.INTAKE_A_QUESTION),
    ],
)
async def test_thinking_or_asking_at_the_city_is_not_the_city(
    bot: Harness, typed: str, language: str, reply: Text
) -> None:
    """F1 c): Grace's "hmm wait, I need to think about this" was stored as her city."""
    user = await at_question(bot, "city", language)
    replies = await bot.send(user, typed)
    said = "\n".join(r.text for r in replies)
    assert shown(reply, language) in said or shown(Text.INTAKE_BACK_TO_FORM, language) in said
    assert await where(bot, user) == "city"
    assert "city" not in await draft_answers(bot, user)


@pytest.mark.parametrize("city", ["Kota Batu", "Bandung", "Kabupaten Bandung"])
async def test_a_city_is_still_stored(bot: Harness, city: str) -> None:
    user = await at_question(bot, "city")
    await bot.send(user, city)
    assert (await draft_answers(bot, user))["city"] == city
    assert await where(bot, user) != "city"


@pytest.mark.parametrize(
    "typed", ["freelance kang, teu acan gaduh PH", "durung ana mas", "ora duwe PH", "teu acan"]
)
async def test_sundanese_or_javanese_not_yet_skips_the_production_house(
    bot: Harness, typed: str
) -> None:
    """F5: Ferdi's "freelance kang, teu acan gaduh PH" was stored as the production house
    ("belum punya" was already a skip)."""
    user = await at_question(bot, "company_name", answers=FILMMAKER)
    await bot.send(user, typed)
    assert await where(bot, user) != "company_name"
    assert not (await draft_answers(bot, user)).get("company_name")


async def test_a_note_to_the_team_that_is_still_thinking_is_stored(bot: Harness) -> None:
    """A review s65: "Saya masih mikir dulu soal program mana yang cocok, tolong dibantu ya"
    at the note to the team, which takes anything, got "Santai saja, pikirkan dulu" and was
    not stored. It is the note; "bentar kak" alone there is still no note yet."""
    user = await at_question(bot, "message")
    [told] = await bot.send(user, "bentar kak")
    assert told.text.startswith(shown(Text.INTAKE_THINKING, "id")), told.text
    assert "message" not in await draft_answers(bot, user)
    note = "Saya masih mikir dulu soal program mana yang cocok, tolong dibantu ya"
    await bot.send(user, note)
    assert (await draft_answers(bot, user))["message"] == note
    assert await where(bot, user) == "review"


@pytest.mark.parametrize(
    "title", ["Single 'Pikirkan Dulu' (2022)", "Let Me Think About It - cover, 2021"]
)
async def test_a_title_that_says_think_first_is_the_works(bot: Harness, title: str) -> None:
    """A review s65: a song called "Pikirkan Dulu", with its year, was asked back at the
    works as if the talent were still thinking. With a year it is a title: stored at once."""
    user = await at_question(bot, "notable_works")
    await bot.send(user, title)
    assert (await draft_answers(bot, user))["notable_works"] == title
