"""What talents typed in a re-check (session 58) around an answer: a regency or city said
with its kind or its part of the compass, a city beside its province, "nothing more" after a
genre of their own, "no" with a remark at an optional question."""

from __future__ import annotations

import pytest

from tests.harness import Harness
from tests.leads import FILMMAKER, MUSICIAN, at_question, draft_answers, label, where


async def test_nothing_more_after_a_genre_of_ones_own_closes_the_choice(bot: Harness) -> None:
    """M5: "ga ada lagi" after Lainnya and "reggae" replaced the genre ("Genre lain: ga ada
    lagi")."""
    for closing in ("ga ada lagi", "ndek araq lagi", "udah itu aja", "nothing else"):
        user = await at_question(bot, "genres")
        await bot.press(user, label("genres", "other"))
        await bot.send(user, "reggae")
        await bot.send(user, closing)
        answers = await draft_answers(bot, user)
        assert answers["genres_other"] == "reggae", closing
        assert await where(bot, user) not in {"genres", "genres_other"}, closing


async def test_no_with_a_remark_at_the_production_house_is_none(bot: Harness) -> None:
    """M6: "no, im indie" was stored as the production house "no", "ga ada, indie aja"
    whole; a real name beginning with a no stays."""
    for typed in ("no, im indie", "nope, indie aja", "none, freelance", "ga ada, indie aja"):
        user = await at_question(bot, "company_name", answers=FILMMAKER)
        await bot.send(user, typed)
        assert await where(bot, user) == "film_role", typed
        assert (await draft_answers(bot, user)).get("company_name") is None, typed
    user = await at_question(bot, "company_name", answers=FILMMAKER)
    await bot.send(user, "Nope Studio")
    assert (await draft_answers(bot, user))["company_name"] == "Nope Studio"


async def test_a_regency_or_city_beside_its_province_is_kept_as_typed(bot: Harness) -> None:
    """M2 and H2: "Kab. Bandung Barat, Jawa Barat" was stored as "Bandung", "Kota Bekasi" and
    "Kabupaten Bekasi" both as "Bekasi" (other places); "Jakarta Selatan, DKI", "Lombok Timur,
    NTB", "Bengkulu, Bengkulu" took the province and dropped the city without a word."""
    for typed, province, city in (
        ("Kab. Bandung Barat, Jawa Barat", "jawa_barat", "Kabupaten Bandung Barat"),
        ("Kabupaten Bekasi, Jabar", "jawa_barat", "Kabupaten Bekasi"),
        ("Kota Bekasi, Jabar", "jawa_barat", "Kota Bekasi"),
        ("Jawa Timur, kota Malang", "jawa_timur", "Kota Malang"),
        ("Jakarta Selatan, DKI", "dki_jakarta", "Jakarta Selatan"),
        ("South Jakarta, DKI", "dki_jakarta", "South Jakarta"),
        ("Lombok Timur, NTB", "nusa_tenggara_barat", "Lombok Timur"),
        ("Bengkulu, Bengkulu", "bengkulu", "Bengkulu"),
    ):
        user = await at_question(bot, "province")
        [reply] = await bot.send(user, typed)
        answers = await draft_answers(bot, user)
        assert (answers["province"], answers.get("city")) == (province, city), typed
        assert city in reply.text, typed  # said, so a wrong reading is seen
    # No sentence is kept as a city: the province only, and the city asked.
    user = await at_question(bot, "province")
    await bot.send(user, "siap, Jawa Timur")
    assert "city" not in await draft_answers(bot, user)
    assert await where(bot, user) == "city"


async def test_a_regency_or_city_said_in_a_sentence_is_kept_whole(bot: Harness) -> None:
    """M2 and M7: at the city, "Saya di Kabupaten Bandung Barat, dekat Lembang" was stored as
    "Bandung", "tinggal di Kota Bekasi kak sama ortu" as "Bekasi", and "like i said, south
    jakarta" whole."""
    for typed, province, city in (
        ("Saya di Kabupaten Bandung Barat, dekat Lembang", "Jawa Barat", "Kabupaten Bandung Barat"),
        ("tinggal di Kota Bekasi kak sama ortu", "Jawa Barat", "Kota Bekasi"),
        ("like i said, south jakarta", "DKI", "South Jakarta"),
    ):
        user = await at_question(bot, "city", answers={**MUSICIAN, "province": province})
        await bot.send(user, typed)
        assert (await draft_answers(bot, user))["city"] == city, typed


@pytest.mark.parametrize(
    ("typed", "province"),
    [
        ("Sumedang, deket Bandung", "Jawa Barat"),
        ("Sukoharjo, dekat Solo", "Jawa Tengah"),
        ("kuliah di Bandung, rumah di Garut", "Jawa Barat"),
        ("dekat Medan, Binjai", "sumut"),
    ],
)
async def test_a_city_named_near_or_at_work_is_not_the_city(
    bot: Harness, typed: str, province: str
) -> None:
    """Final review H1: at the city, the first known city in a sentence was stored ("Sumedang,
    deket Bandung" as Bandung); the answer is kept as typed."""
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": province})
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["city"] == typed


@pytest.mark.parametrize(
    ("typed", "province"),
    [
        ("Banten, kerja di Tangerang", "banten"),
        ("Bali, Terimakasih", "bali"),
        ("Bali, Thank You", "bali"),
        ("Bali, Pak", "bali"),
        ("Jawa Barat, Bunda", "jawa_barat"),
        ("Jawa Tengah, Mahasiswa", "jawa_tengah"),
        ("Jakarta, Kost", "dki_jakarta"),
    ],
)
async def test_no_word_beside_the_province_is_taken_for_a_city(
    bot: Harness, typed: str, province: str
) -> None:
    """Final review H1 and H2: beside the province, where the talent works and a sign-off, a
    form of address or a word of a sentence were stored as the city and its question skipped;
    the province is taken and the city asked."""
    user = await at_question(bot, "province")
    await bot.send(user, typed)
    answers = await draft_answers(bot, user)
    assert answers["province"] == province
    assert "city" not in answers
    assert await where(bot, user) == "city"
