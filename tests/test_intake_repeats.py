"""What talents typed in a review (session 58) that said more than one answer, or an answer
again: a city beside its province, an annoyed repeat of the city, a band's name in a sentence,
a correction typed at the review."""

from __future__ import annotations

from typing import Any

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    at_question,
    draft_answers,
    fill,
    label,
    seen,
    shown,
    where,
)

BACK = CONTENT.text(Text.BTN_BACK, "id")


def _from(province: str) -> dict[str, Any]:
    """The musician's answers, with the province typed as `province`."""
    return {**MUSICIAN, "province": province}


async def test_a_city_said_with_its_province_is_kept_and_said(bot: Harness) -> None:
    """H2: "Saya tinggal di Bantul, Jogja" and "MEDAN BANG, sumut" at the province question
    took the province, dropped the city and asked it again."""
    for typed, province, city, name in (
        ("Saya tinggal di Bantul, Jogja", "di_yogyakarta", "Bantul", "DI Yogyakarta"),
        ("MEDAN BANG, sumut", "sumatera_utara", "Medan", "Sumatera Utara"),
    ):
        user = await at_question(bot, "province")
        [reply] = await bot.send(user, typed)
        answers = await draft_answers(bot, user)
        assert (answers["province"], answers["city"]) == (province, city), typed
        assert await where(bot, user) == "experience_years"
        assert reply.text.startswith(shown(Text.INTAKE_TAKEN, taken=f"{city}, {name}"))


async def test_the_city_said_again_in_a_sentence_is_the_city(bot: Harness) -> None:
    """H2: "kan udh kubilang MEDAN bg" and "Bantul nggih, sudah saya sebut tadi hehe" at the
    city question were stored whole as the city."""
    for typed, province, city in (
        ("kan udh kubilang MEDAN bg", "sumut", "Medan"),
        ("Bantul nggih, sudah saya sebut tadi hehe", "Jogja", "Bantul"),
    ):
        user = await at_question(bot, "city", answers=_from(province))
        [reply] = await bot.send(user, typed)
        assert (await draft_answers(bot, user))["city"] == city
        assert reply.text.startswith(shown(Text.INTAKE_TAKEN, taken=city))
    # A city no list knows, said as said before: asked for the name alone; the same text
    # once more is the answer. A city typed as it is stays as typed.
    user = await at_question(bot, "city", answers=_from("sumut"))
    typed = "kan udh kubilang Tarutung bg"
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_ANSWER_ONLY))
    assert "city" not in await draft_answers(bot, user)
    await seen(bot, user)
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["city"] == typed.removesuffix(" bg")  # as "bang"
    await bot.press(user, BACK)
    for kept in ("Kota Medan", "Medan Johor"):
        await bot.send(user, kept)
        assert (await draft_answers(bot, user))["city"] == kept
        await bot.press(user, BACK)


async def test_a_band_name_said_with_its_genre_is_the_name(bot: Harness) -> None:
    """H2: "nama band nya Batak Thunder, genre rock/metal" was stored whole as the stage
    name."""
    user = await at_question(bot, "stage_name")
    [reply] = await bot.send(user, "nama band nya Batak Thunder, genre rock/metal")
    assert (await draft_answers(bot, user))["stage_name"] == "Batak Thunder"
    assert reply.text.startswith(shown(Text.INTAKE_TAKEN, taken="Batak Thunder"))


async def test_a_correction_typed_at_the_review_opens_that_answer(bot: Harness) -> None:
    """H2: "…kota saya tulis kepanjangan, harusnya Bantul saja" and "EH BANG NAMA BAND NYA
    SALAH, BATAK THUNDER AJA" at the review were told to use the buttons."""
    user = await at_question(bot, "sector")
    # In DI Yogyakarta: Bantul of another province is asked about (a review, s60).
    await fill(bot, user, {**MUSICIAN, "province": "di_yogyakarta", "city": "Bantul Kota"})
    for typed, key, value in (
        ("Nyuwun sewu, kota saya tulis kepanjangan, harusnya Bantul saja", "city", "Bantul"),
        ("EH BANG NAMA BAND NYA SALAH, BATAK THUNDER AJA", "stage_name", "Batak Thunder"),
    ):
        assert await where(bot, user) == "review"
        await bot.send(user, typed)
        assert await where(bot, user) == key, typed
        await bot.send(user, value)
        assert (await draft_answers(bot, user))[key] == value
    # "Not wrong" is no correction: the review stays.
    assert await where(bot, user) == "review"
    [refused] = await bot.send(user, "kota saya ga salah kok")
    assert await where(bot, user) == "review"
    assert refused.text.startswith(shown(Text.INTAKE_USE_BUTTONS_HERE))


async def test_a_second_answer_in_one_message_is_said_as_not_taken(bot: Harness) -> None:
    """M6: "umur 26 thn, nama lengkap Bonar Sitompul" at the age took the age and asked the
    name again without a word of it."""
    user = await at_question(bot, "age_range")
    [reply] = await bot.send(user, "umur 26 thn, nama lengkap Bonar Sitompul")
    assert (await draft_answers(bot, user))["age_range"] == "age_25_34"
    assert await where(bot, user) == "full_name"
    field = CONTENT.questions["full_name"].label.id
    assert reply.text.startswith(
        shown(Text.INTAKE_TAKEN_NOT_YET, taken=label("age_range", "age_25_34"), field=field)
    )


async def test_an_answer_skipped_by_mistake_offers_to_go_back_to_it(bot: Harness) -> None:
    """M6: "eh maaf tadi kelewat, rumah produksi saya Segara Pictures" right after skipping the
    production house got "press a button", no word of going back to it."""
    user = await at_question(bot, "company_name", answers=FILMMAKER)
    await bot.press(user, CONTENT.text(Text.BTN_SKIP, "id"))
    assert await where(bot, user) == "film_role"
    [reply] = await bot.send(user, "eh maaf tadi kelewat, rumah produksi saya Segara Pictures")
    field = CONTENT.questions["company_name"].label.id
    assert reply.text.startswith(shown(Text.INTAKE_CHANGE_EARLIER, field=field))
    assert await where(bot, user) == "film_role"
    await bot.press(user, CONTENT.text(Text.BTN_CHANGE_EARLIER, "id", field=field))
    assert await where(bot, user) == "company_name"


async def test_daftar_again_at_the_consent_asks_for_it_not_to_go_on(bot: Harness) -> None:
    """L10: /daftar while only the consent was waiting said "Kita lanjutkan pendaftaranmu",
    with nothing started."""
    user = bot.user()
    await bot.send(user, "/daftar")
    [reply] = await bot.send(user, "/daftar")
    assert await where(bot, user) == "consent_processing"
    assert reply.text.startswith(shown(Text.INTAKE_CONSENT_FIRST))
    assert shown(Text.INTAKE_BACK_TO_FORM) not in reply.text


async def test_a_text_naming_no_place_keeps_the_province_offered(bot: Harness) -> None:
    """L8: after "bekasi kak" got "Bekasi ada di Jawa Barat…", the next question's answer typed
    too early got "province not found" and the offer was gone (the whole list back)."""
    user = await at_question(bot, "province")
    [offer] = await bot.send(user, "bekasi kak")
    province = label("province", "jawa_barat")
    assert province in offer.button_texts
    [reply] = await bot.send(user, "baru 2 thn kak 😅 dr kelas 10")
    assert reply.text.startswith(shown(Text.INTAKE_PROVINCE_NOT_FOUND))
    assert offer.text.split("\n")[-1] in reply.text  # the offer, said again
    assert province in reply.button_texts
    await bot.press(user, province)
    answers = await draft_answers(bot, user)
    assert (answers["province"], answers["city"]) == ("jawa_barat", "Bekasi")


async def test_a_common_word_of_a_later_question_is_no_second_answer(bot: Harness) -> None:
    """Re-check s58 M3: "karya" (the notable works' word) in ordinary answers at the field,
    the years and the portfolio link got "Karya penting dari pesan tadi belum kucatat". Only
    a later question's name in an answer's shape ("karya: …", "nama lengkap Bonar") is."""
    works = CONTENT.questions["notable_works"].label.id
    for key, typed, value in (
        ("sector", "Musik, karya saya kebanyakan lagu pop", "music"),
        ("experience_years", "5 tahun, sejak karya pertama 2019", 5),
        ("portfolio_url", "ini link karya saya https://youtu.be/abc123", "https://youtu.be/abc123"),
    ):
        user = await at_question(bot, key)
        [reply] = await bot.send(user, typed)
        assert (await draft_answers(bot, user))[key] == value, typed
        assert works not in reply.text, typed
    user = await at_question(bot, "experience_years")
    [reply] = await bot.send(user, "8 tahun, karya: Album Hujan di Braga 2024")
    assert (await draft_answers(bot, user))["experience_years"] == 8
    assert reply.text.startswith(shown(Text.INTAKE_TAKEN_NOT_YET, taken="8", field=works))


async def test_the_not_yet_notice_names_the_province_not_its_key(bot: Harness) -> None:
    """Re-check s58 M1: "✅ Kucatat: jawa_timur. Satu jawaban dulu…": the province as the
    review shows it."""
    for language, typed in (("id", "Jatim, karya: Album 2023"), ("en", "East Java, works: EP")):
        user = await at_question(bot, "province", language)
        [reply] = await bot.send(user, typed)
        assert (await draft_answers(bot, user))["province"] == "jawa_timur"
        field = CONTENT.questions["notable_works"].label.get(language)
        province = label("province", "jawa_timur", language)
        assert reply.text.startswith(
            shown(Text.INTAKE_TAKEN_NOT_YET, language, taken=province, field=field)
        ), typed
        assert "jawa_timur" not in reply.text


@pytest.mark.parametrize(
    "typed", ["email sudah benar, ga ada yang salah", "email nya udah bener, nggak ada yg salah"]
)
async def test_all_correct_at_the_review_opens_no_edit(bot: Harness, typed: str) -> None:
    """Final review s58 M1: "email sudah benar, ga ada yang salah" opened the email's edit."""
    user = await at_question(bot, "sector")
    await fill(bot, user, MUSICIAN)
    assert await where(bot, user) == "review"
    [reply] = await bot.send(user, typed)
    assert await where(bot, user) == "review"
    assert reply.text.startswith(shown(Text.INTAKE_USE_BUTTONS_HERE))


@pytest.mark.parametrize("name", ["Sudah Kubilang", "Kan Udah Bilang"])
async def test_a_stage_name_of_said_before_words_is_kept(bot: Harness, name: str) -> None:
    """Final review s58 M2: these band names were refused with "Maaf, yang tadi belum
    kucatat"; a name question keeps the name as typed."""
    user = await at_question(bot, "stage_name")
    await bot.send(user, name)
    assert (await draft_answers(bot, user))["stage_name"] == name
    assert await where(bot, user) != "stage_name"
