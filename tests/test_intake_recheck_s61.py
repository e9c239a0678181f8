"""What the re-check of session 61 typed at the form: a new city offered at the review and
pressed, a password after "(pass …", two-word cities before their province without a comma."""

from __future__ import annotations

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, at_question, draft_answers, fill, shown, where
from tests.test_intake_links_s61 import logged_in

PASSWORD = "bakau2024"


@pytest.mark.parametrize("yes", ["button", "iya"])
async def test_a_city_offered_at_the_review_is_checked_against_the_province(
    bot: Harness, yes: str
) -> None:
    """M1: "kotanya ganti jadi Bandung" offered Bandung, and its button stored it under the
    province chosen (DI Yogyakarta here, Sulawesi Selatan in the replay), where typing it asks
    which is right. Now the offer taken is checked as typed: asked, nothing stored."""
    user = await at_question(bot, "sector", answers=FILMMAKER)
    await fill(bot, user, FILMMAKER)
    await bot.send(user, "kotanya ganti jadi Bandung")
    assert await where(bot, user) == "city"
    if yes == "button":
        [reply] = await bot.press(user, CONTENT.text(Text.BTN_USE_CARRIED, "id", value="Bandung"))
    else:
        [reply] = await bot.send(user, yes)
    assert (await draft_answers(bot, user))["city"] == FILMMAKER["city"]
    assert await where(bot, user) == "city"
    asked = shown(
        Text.INTAKE_CITY_ELSEWHERE,
        city="Bandung",
        city_province=CONTENT.provinces["jawa_barat"].label.get("id"),
        province=CONTENT.provinces[FILMMAKER["province"]].label.get("id"),
    )
    assert asked.split("\n")[0] in reply.text


async def test_a_city_of_the_province_offered_at_the_review_is_taken(bot: Harness) -> None:
    """M1's other side: a city of the province chosen, offered and pressed, is the answer."""
    user = await at_question(bot, "sector", answers=FILMMAKER)
    await fill(bot, user, FILMMAKER)
    await bot.send(user, "kotanya ganti jadi Sleman")
    await bot.press(user, CONTENT.text(Text.BTN_USE_CARRIED, "id", value="Sleman"))
    assert (await draft_answers(bot, user))["city"] == "Sleman"
    assert await where(bot, user) == "review"


@pytest.mark.parametrize(
    "written", [f"(pass {PASSWORD})", f"pass {PASSWORD}", f"[Pass: {PASSWORD}]"]
)
async def test_a_password_after_pass_is_dropped_and_masked(bot: Harness, written: str) -> None:
    """L3: "https://vimeo.com/923456789 (pass bakau2024)" was taken with no word of the
    password, and the log kept it. Now as "pw: …": the link kept, the password said as not
    kept, and masked in the log."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, f"https://vimeo.com/923456789 {written}")
    assert (await draft_answers(bot, user))["portfolio_url"] == "https://vimeo.com/923456789"
    assert shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD) in reply.text
    assert PASSWORD not in logged_in(bot, user.id)[-1]


async def test_a_link_and_i_will_pass_is_no_password(bot: Harness) -> None:
    """L3's other side: "pass" as a word, no password beside it, is no password."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, "https://vimeo.com/923456789 I pass it on to you")
    assert shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD) not in reply.text


@pytest.mark.parametrize(
    ("typed", "province", "city"),
    [
        ("bandung barat jabar", "jawa_barat", "Bandung Barat"),
        ("jabar bandung barat", "jawa_barat", "Bandung Barat"),
        ("jakarta selatan dki", "dki_jakarta", "Jakarta Selatan"),
        ("dki jakarta selatan", "dki_jakarta", "Jakarta Selatan"),
    ],
)
async def test_a_two_word_city_and_its_province_without_a_comma_are_taken(
    bot: Harness, typed: str, province: str, city: str
) -> None:
    """L1: "bandung barat jabar" offered Bandung (Bandung Barat lost on the press), "jakarta
    selatan dki" asked "Maksudmu DKI Jakarta?"; with a comma both are taken. Now so without."""
    user = await at_question(bot, "province")
    [reply] = await bot.send(user, typed)
    answers = await draft_answers(bot, user)
    assert (answers["province"], answers["city"]) == (province, city)
    label = CONTENT.provinces[province].label.get("id")
    assert reply.text.startswith(shown(Text.INTAKE_TAKEN, taken=f"{city}, {label}"))


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("nama panggung saya tidak ada", "id"),
        ("nama panggung gak ada kak", "id"),
        ("nama panggung sa tra ada", "id"),
        ("pakai nama asli aja", "id"),
        ("sa pake nama asli saja kaka", "id"),
        ("nama asli saja", "id"),
        ("I perform under my own name", "en"),
        ("just my real name", "en"),
    ],
)
async def test_no_stage_name_said_after_the_name_words_skips_it(
    bot: Harness, typed: str, language: str
) -> None:
    """Re-check M1/M2 left: "nama panggung saya tidak ada" was stored as "tidak ada",
    "nama panggung sa tra ada" as "tra ada", "pakai nama asli aja" asked back, "I perform under
    my own name" stored whole. Now each as ⏭ Skip."""
    user = await at_question(bot, "stage_name", language=language)
    await bot.send(user, typed)
    assert await where(bot, user) == "music_role"
    assert (await draft_answers(bot, user)).get("stage_name") is None
