"""Plain words typed in the form that a talents' review found unread (session 59): a regional
or "udah bener" yes to the province offered, the offer naming the regency it stores, "like I
said, Tulungagung" at the city, a guardian's consent said in plain words, and "no more" at a
multiple choice."""

from __future__ import annotations

from typing import Any

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, at_question, draft_answers, label, seen, shown, where


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


@pytest.mark.parametrize(
    ("typed", "province", "city"),
    [
        ("like i said, Tulungagung", "Jawa Timur", "Tulungagung"),  # each stored whole
        ("kayak yang aku bilang, Tulungagung", "Jawa Timur", "Tulungagung"),
        ("seperti yang saya bilang tadi, Tulungagung", "Jawa Timur", "Tulungagung"),
        ("Like I said before: tulungagung kak", "Jawa Timur", "Tulungagung"),
        ("as I mentioned, Kab. Tulungagung", "Jawa Timur", "Kabupaten Tulungagung"),
        ("kan udh kubilang, Tarutung bg", "Sumut", "Tarutung"),  # asked for the answer alone
        ("I told you - Tulungagung!", "Jawa Timur", "Tulungagung"),
        # A talents' review (s60): each stored whole.
        ("seperti yang saya tulis di atas, Tulungagung", "Jawa Timur", "Tulungagung"),
        ("kayak yang tadi aku bilang, Tulungagung", "Jawa Timur", "Tulungagung"),
        ("spt yg sy tulis diatas: Tulungagung", "Jawa Timur", "Tulungagung"),
        ("as I wrote above, Tulungagung", "Jawa Timur", "Tulungagung"),
    ],
)
async def test_a_city_after_saying_it_was_said_before_is_kept_alone(
    bot: Harness, typed: str, province: str, city: str
) -> None:
    """A talents' review: "like i said, Tulungagung" (a city the bot does not know) was stored
    whole as the city. The place alone is kept, and said, so a wrong cut is seen."""
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": province})
    [reply] = await bot.send(user, typed)
    assert (await draft_answers(bot, user))["city"] == city
    assert city in reply.text


@pytest.mark.parametrize(
    "typed",
    [
        "like i said, Tulungagung dekat Kediri",  # more than a place after it
        "kayak yang aku bilang tadi, aku tinggal di Tulungagung",
        "seperti yang saya bilang tadi",  # no place at all
        "like i said before",
        "like i said, same as before",
        "like i said Tulungagung",  # where the place starts is a guess
        "seperti yang saya tulis di atas Tulungagung",
        "seperti yang saya tulis di atas, di Tulungagung dekat Kediri",
        "Kan Sudah Kubilang Band",
    ],
)
async def test_said_before_with_more_than_a_place_is_asked_back_not_cut(
    bot: Harness, typed: str
) -> None:
    """Nothing is cut out of a sentence saying more than the place: the answer alone is asked
    for (the whole sentence was stored), and the same text once more is kept as typed."""
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": "Jawa Timur"})
    [reply] = await bot.send(user, typed)
    assert "city" not in await draft_answers(bot, user)
    assert shown(Text.INTAKE_ANSWER_ONLY) in reply.text
    await seen(bot, user)
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["city"] == typed


@pytest.mark.parametrize("typed", ["Seperti Biasa", "Sesuai KTP, Tulungagung", "Kota Batu"])
async def test_a_city_without_said_before_is_kept_as_before(bot: Harness, typed: str) -> None:
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": "Jawa Timur"})
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["city"] == typed


async def _typed_at_the_guardian(bot: Harness, typed: str, language: str) -> Any:
    """The reply to `typed` at a minor's guardian consent; the form stays there, nothing taken
    from the text (the press is the talent's or the parent's to make)."""
    minor = await at_question(bot, "age_range", language)
    await bot.press(minor, label("age_range", "under_18", language))
    *_, reply = await bot.send(minor, typed)  # a question may be answered above it first
    assert await where(bot, minor) == "guardian"
    assert "guardian" not in await bot.store.applications.consents(minor.id)
    return reply


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("mama ga masalah", "id"),  # each got "pick one of the buttons below"
        ("udah dapet izin", "id"),
        ("my parents said ok", "en"),
        ("nyokap gak masalah kok kak", "id"),
        ("bunda gapapa", "id"),
        ("sudah dapat izin dari ayah", "id"),
        ("aku udah dapet izinnya", "id"),
        ("my parents said it's okay", "en"),
        ("ortu udah ngizinin", "id"),
        # A bare yes (a talents' review, s60: "pick one of the buttons below"); the press is
        # still the consent.
        ("iya", "id"),
        ("ya", "id"),
        ("Iya kak", "id"),
        ("setuju", "id"),
        ("yes", "en"),
    ],
)
async def test_a_parents_yes_in_plain_words_points_to_the_consent_button(
    bot: Harness, typed: str, language: str
) -> None:
    reply = await _typed_at_the_guardian(bot, typed, language)
    assert reply.text.startswith(shown(Text.INTAKE_GUARDIAN_BY_BUTTON, language))
    assert CONTENT.text(Text.BTN_GUARDIAN_YES, language) in reply.button_texts


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("mama ga masalah tapi papa belum", "id"),
        ("belum dapet izin", "id"),
        ("ga dapet izin", "id"),
        ("udah dapet izin belum ya?", "id"),
        ("mau dapet izin dulu", "id"),
        ("ga masalah kalau ortu ga ikut?", "id"),
        ("mama masih masalah", "id"),
        ("my parents said ok but not yet signed", "en"),
        ("my parents haven't said ok", "en"),
        ("my parents said no", "en"),
        ("ga masalah", "id"),  # whose "no problem"? The buttons, as before
        ("iya, tapi belum bilang mama", "id"),
        ("yes?", "en"),
    ],
)
async def test_a_near_yes_or_a_negation_at_the_guardian_is_no_yes(
    bot: Harness, typed: str, language: str
) -> None:
    reply = await _typed_at_the_guardian(bot, typed, language)
    for said in (Text.INTAKE_GUARDIAN_BY_BUTTON, Text.INTAKE_GUARDIAN_AGREED):
        assert not reply.text.startswith(shown(said, language)), said


@pytest.mark.parametrize(
    ("closing", "language"),
    [
        ("no more", "en"),  # each told to use the buttons
        ("I'm done", "en"),
        ("no more, thanks", "en"),
        ("that's all, thanks", "en"),
        ("thats enough", "en"),
        ("udah itu doang", "id"),
        ("cukup sekian", "id"),
        ("udah itu aja makasih", "id"),
        ("udah itu aja", "id"),  # these closed it before, and still do
        ("that's all", "en"),
    ],
)
async def test_no_more_closes_a_multiple_choice_in_either_language(
    bot: Harness, closing: str, language: str
) -> None:
    user = await at_question(bot, "genres", language)
    await bot.press(user, label("genres", "pop", language))
    await bot.send(user, closing)
    assert (await draft_answers(bot, user))["genres"] == ["pop"]
    assert await where(bot, user) not in {"genres", "genres_other"}
    # After a genre of one's own: kept, not replaced by the closing.
    user = await at_question(bot, "genres", language)
    await bot.press(user, label("genres", "other", language))
    await bot.send(user, "reggae")
    await bot.send(user, closing)
    assert (await draft_answers(bot, user))["genres_other"] == "reggae"
    assert await where(bot, user) not in {"genres", "genres_other"}


@pytest.mark.parametrize(
    "typed", ["no", "no more rock", "I'm not done", "enough", "more", "not done yet"]
)
async def test_a_near_closing_does_not_close_the_choice(bot: Harness, typed: str) -> None:
    user = await at_question(bot, "genres", "en")
    await bot.press(user, label("genres", "pop", "en"))
    await bot.send(user, typed)
    assert await where(bot, user) == "genres"
