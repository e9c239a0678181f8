"""Plain words typed in the form that a talents' review found unread (session 59): a regional
or "udah bener" yes to the province offered, the offer naming the regency it stores, "like I
said, Tulungagung" at the city, a guardian's consent said in plain words, and "no more" at a
multiple choice."""

from __future__ import annotations

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import at_question, draft_answers, shown, where


@pytest.mark.parametrize(
    "yes",
    ["udah bener", "nggih", "he'em", "Nggih kak", "sudah betul", "bener banget", "hooh", "muhun"],
)
async def test_a_regional_or_udah_yes_confirms_the_province_offered(bot: Harness, yes: str) -> None:
    """Each was "I couldn't find that province", and the offer stood."""
    user = await at_question(bot, "province")
    await bot.send(user, "Surabaya")
    [reply] = await bot.send(user, yes)
    assert shown(Text.INTAKE_PROVINCE_NOT_FOUND) not in reply.text
    answers = await draft_answers(bot, user)
    assert (answers["province"], answers["city"]) == ("jawa_timur", "Surabaya")
    assert await where(bot, user) == "experience_years"


@pytest.mark.parametrize(
    "typed", ["udah", "belum bener", "ga bener", "bener ga?", "udah salah", "he", "em"]
)
async def test_a_near_yes_does_not_confirm_the_province_offered(bot: Harness, typed: str) -> None:
    user = await at_question(bot, "province")
    await bot.send(user, "Surabaya")
    await bot.send(user, typed)
    assert (await draft_answers(bot, user)).get("province") is None
    assert await where(bot, user) == "province"


@pytest.mark.parametrize("no", ["salah", "nope", "mboten", "wrong", "sanes kak", "keliru"])
async def test_a_typed_no_forgets_the_province_offered(bot: Harness, no: str) -> None:
    """As "bukan" does: a yes after it confirms nothing (the offer was kept, "salah" read as no
    place at all)."""
    user = await at_question(bot, "province")
    await bot.send(user, "Surabaya")
    [reply] = await bot.send(user, no)
    assert "Jawa Timur" not in reply.button_texts
    await bot.send(user, "iya")
    assert (await draft_answers(bot, user)).get("province") is None
    assert await where(bot, user) == "province"


@pytest.mark.parametrize(
    ("typed", "named"),
    [("Kab. Bandung", "Kabupaten Bandung"), ("kota medan", "Kota Medan"), ("Bandung", "Bandung")],
)
@pytest.mark.parametrize("language", ["id", "en"])
async def test_the_province_offer_names_the_place_it_will_store(
    bot: Harness, typed: str, named: str, language: str
) -> None:
    """ "Kab. Bandung" was offered as "Bandung sekalian kucatat", and "Kabupaten Bandung"
    stored: another place than the one said. So too when the offer is kept after a text
    naming no place."""
    user = await at_question(bot, "province", language)
    [offer] = await bot.send(user, typed)
    province = "Jawa Barat" if "Bandung" in named else "Sumatera Utara"
    said = shown(Text.INTAKE_PROVINCE_OF_CITY_NOTED, language, city=named, province=province)
    assert said in offer.text
    [kept] = await bot.send(user, "baru 2 thn kak")
    assert said in kept.text
    await bot.press(user, kept.button_texts[0])
    assert (await draft_answers(bot, user))["city"] == named
