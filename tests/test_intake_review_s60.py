"""What the talents' review of session 60 typed at the form, read as they meant it: a letter's
sign-off at a name, a city's spelling and province, an address or a password beside a link,
a wish not to give a number, a question at the note, a province inside a story."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    answer,
    at_question,
    draft_answers,
    seen,
    shown,
    where,
)


async def test_a_sign_off_alone_at_the_production_house_is_asked_back(bot: Harness) -> None:
    """L6: "Salam hormat," (the first line of a pasted signature) was stored as the
    production house; sent once more, it is the answer."""
    user = await at_question(bot, "company_name", answers=FILMMAKER)
    for typed in ("Salam hormat,", "Hormat kami", "Best regards,"):
        [reply] = await bot.send(user, typed)
        assert reply.text.startswith(shown(Text.INTAKE_CHATTER_AT_TEXT)), typed
        assert await where(bot, user) == "company_name"
        assert "company_name" not in await draft_answers(bot, user)
    await bot.send(user, "Salam Production")  # a name with the word in it is a name
    assert (await draft_answers(bot, user))["company_name"] == "Salam Production"


async def test_a_known_city_of_another_province_is_asked_with_the_province_a_tap_away(
    bot: Harness,
) -> None:
    """words60's report: "Surabaya" after Jawa Barat was stored without a word. Now: where
    Surabaya is, the province one tap away; the same text once more keeps it."""
    user = await at_question(bot, "city")  # the musician chose Jawa Barat
    [reply] = await bot.send(user, "Surabaya")
    assert reply.text.startswith("🤔 Surabaya ada di Jawa Timur")
    assert "Jawa Barat" in reply.text
    assert await where(bot, user) == "city"
    assert "city" not in await draft_answers(bot, user)
    change = CONTENT.text(Text.BTN_CHANGE_EARLIER, "id", field="Provinsi")
    await bot.press(user, change)
    assert await where(bot, user) == "province"
    await answer(bot, user, "province", "jawa_timur")
    await bot.send(user, "surabaya")  # in the province chosen now: taken, as listed
    assert (await draft_answers(bot, user))["city"] == "Surabaya"
    # Kept as typed when sent once more, after the note was read.
    user = await at_question(bot, "city")
    await bot.send(user, "Surabaya")
    await seen(bot, user)
    await bot.send(user, "Surabaya")
    assert (await draft_answers(bot, user))["city"] == "Surabaya"


async def test_a_city_is_stored_as_listed_and_one_typed_in_one_case_capitalised(
    bot: Harness,
) -> None:
    """L2: "gianyar", "MEDAN" were stored as typed, beside provinces spelled right."""
    back = CONTENT.text(Text.BTN_BACK, "id")
    for province, typed, kept in (
        ("bali", "gianyar", "Gianyar"),
        ("sumatera_utara", "MEDAN", "Medan"),
        ("jawa_barat", "kab. bandung", "Kabupaten Bandung"),
        ("jawa_timur", "kota batu", "Kota Batu"),  # not listed: one case, capitalised
        ("jawa_timur", "TULUNGAGUNG", "Tulungagung"),
        ("jawa_barat", "Cileunyi", "Cileunyi"),  # as typed
        ("jawa_barat", "McKinley Town", "McKinley Town"),
    ):
        user = await at_question(bot, "city", answers={**MUSICIAN, "province": province})
        await bot.send(user, typed)
        assert (await draft_answers(bot, user))["city"] == kept, typed
        await bot.press(user, back)
