"""Places and choices typed in the attack and talents' reviews (session 59): an answer far too
long for a question of buttons, a city the same message corrects, and what no city is."""

from __future__ import annotations

import pytest

from bot.leads.field_checks import TYPED_AT_BUTTONS_AT_MOST
from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, at_question, draft_answers, seen, shown, where


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("province", "x," * 2048),  # refused as "not found", and could be sent again and again
        ("music_role", "a " * 2048),
        ("genres", "pop rock " * 455),
    ],
)
async def test_a_typed_answer_far_too_long_for_buttons_is_not_read(
    bot: Harness, key: str, typed: str
) -> None:
    """Attack review M1: 4,096 characters at the province or a choice held the event loop for
    1.4-3 s; now refused before any reading, with the buttons or a shorter answer offered."""
    user = await at_question(bot, key)
    [reply] = await bot.send(user, typed)
    told = shown(Text.INTAKE_TOO_LONG_AT_BUTTONS, length=len(typed), limit=TYPED_AT_BUTTONS_AT_MOST)
    assert told in reply.text
    assert await where(bot, user) == key
    assert key not in await draft_answers(bot, user)
    assert reply.button_texts  # the buttons, to answer with


async def test_a_province_in_a_text_far_too_long_is_only_offered(bot: Harness) -> None:
    """Attack review M1: "Bali," and 2,045 "x," was taken as Bali after seconds of reading.
    Since session 60 a long text's province is looked for in one pass over its words
    (places.province_in_message; benchmarks/hostile_patterns.py): offered, never taken."""
    user = await at_question(bot, "province")
    [reply] = await bot.send(user, "Bali," + "x," * 2045)
    assert reply.text.startswith(shown(Text.INTAKE_PLACE_FROM_LONG, other="Pesan untuk tim kami"))
    assert shown(Text.INTAKE_PROVINCE_GUESSED, province="Bali") in reply.text
    assert await where(bot, user) == "province"
    assert "province" not in await draft_answers(bot, user)


async def test_a_province_in_a_short_list_is_still_read(bot: Harness) -> None:
    user = await at_question(bot, "province")
    await bot.send(user, "Saya tinggal di Bantul, Jogja")
    answers = await draft_answers(bot, user)
    assert (answers["province"], answers["city"]) == ("di_yogyakarta", "Bantul")


@pytest.mark.parametrize(
    ("typed", "province"),
    [
        ("udah kubilang Bandung, eh salah, maksudnya Bekasi", "Jawa Barat"),
        ("tadi kubilang Bandung, sekarang pindah ke Bekasi", "Jawa Barat"),
        ("tinggal di Bandung tapi mau pindah ke Bekasi", "Jawa Barat"),
        ("live in Bekasi, i said Bandung before by mistake", "Jawa Barat"),
        ("like i said, south jakarta but moving to north jakarta", "DKI"),
    ],
)
async def test_a_city_the_message_corrects_is_not_taken(
    bot: Harness, typed: str, province: str
) -> None:
    """Attack review M2: the first city of a sentence saying it was said before was stored
    ("✅ Kucatat: Bandung") though the message took it back; the answer alone is asked for,
    and the same text once more is kept as typed."""
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": province})
    [reply] = await bot.send(user, typed)
    assert shown(Text.INTAKE_ANSWER_ONLY) in reply.text
    assert "city" not in await draft_answers(bot, user)
    await seen(bot, user)
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["city"] == typed


async def test_a_city_said_before_and_not_taken_back_is_still_read(bot: Harness) -> None:
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": "Jawa Barat"})
    await bot.send(user, "udah kubilang Bandung kak, tinggal di sana dari kecil")
    assert (await draft_answers(bot, user))["city"] == "Bandung"


@pytest.mark.parametrize("typed", ["10", "x", "12345", "7."])
async def test_digits_or_one_letter_are_no_city(bot: Harness, typed: str) -> None:
    """Talents' review 3: "10" and "x" were stored as the city, shown in the review."""
    user = await at_question(bot, "city")
    [reply] = await bot.send(user, typed)
    assert shown(Text.INTAKE_NOT_A_CITY) in reply.text
    assert "city" not in await draft_answers(bot, user)
    await seen(bot, user)
    await bot.send(user, typed)  # never a city, however often sent
    assert "city" not in await draft_answers(bot, user)


async def test_a_citys_local_name_is_the_city(bot: Harness) -> None:
    """Talents' review 3: "suroboyo rek" was stored as "suroboyo"."""
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": "Jawa Timur"})
    [reply] = await bot.send(user, "suroboyo rek")
    assert (await draft_answers(bot, user))["city"] == "Surabaya"
    assert "Surabaya" in reply.text  # said, so a wrong reading is seen


@pytest.mark.parametrize(
    "typed", ["Surabaya dan Sidoarjo", "Surabaya / Sidoarjo", "Surabaya atau Sidoarjo"]
)
async def test_two_cities_typed_as_one_answer_ask_for_one(bot: Harness, typed: str) -> None:
    """Re-check review N6: "Surabaya dan Sidoarjo" was stored whole and unsaid, shown so in the
    review, the staff alert and the export. One is asked for; sent once more, kept as typed."""
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": "Jawa Timur"})
    [reply] = await bot.send(user, typed)
    assert shown(Text.INTAKE_ONE_PLACE) in reply.text
    assert "city" not in await draft_answers(bot, user)
    await seen(bot, user)
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["city"] == typed


@pytest.mark.parametrize(("typed", "kept"), [("Kupang, NTT", "Kupang"), ("Sidoarjo", "Sidoarjo")])
async def test_one_city_with_or_without_its_province_is_not_asked_about(
    bot: Harness, typed: str, kept: str
) -> None:
    province = "Nusa Tenggara Timur" if "Kupang" in typed else "Jawa Timur"
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": province})
    [reply] = await bot.send(user, typed)
    assert shown(Text.INTAKE_ONE_PLACE) not in reply.text
    assert kept in (await draft_answers(bot, user))["city"]


@pytest.mark.parametrize("language", ["id", "en"])
async def test_two_cities_outside_the_chosen_province_name_it(bot: Harness, language: str) -> None:
    """A last review (s59): "Surabaya dan Sidoarjo" after Kepulauan Riau was asked "more than
    one city" without a word of the province chosen. The question back names it; sent once
    more, the text is kept as typed, as before."""
    answers = {**MUSICIAN, "province": "Kepri"}
    user = await at_question(bot, "city", language, answers=answers)
    [reply] = await bot.send(user, "Surabaya dan Sidoarjo")
    province = CONTENT.provinces["kepulauan_riau"].label.get(language)
    assert shown(Text.INTAKE_ONE_PLACE_ELSEWHERE, language, province=province) in reply.text
    assert "city" not in await draft_answers(bot, user)
    await seen(bot, user)
    await bot.send(user, "Surabaya dan Sidoarjo")
    assert (await draft_answers(bot, user))["city"] == "Surabaya dan Sidoarjo"


@pytest.mark.parametrize(
    ("typed", "province"),
    [("Bandung dan Surabaya", "Jawa Barat"), ("Surabaya dan Sidoarjo", "luar negeri")],
)
async def test_two_cities_one_in_the_chosen_province_or_abroad_are_asked_as_before(
    bot: Harness, typed: str, province: str
) -> None:
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": province})
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_ONE_PLACE))
