"""Places typed in the final review (session 58): a city with "di" before it or a form of
address after it, Jakarta's cities shortened beside the province, and a regency's kind when its
province is offered and confirmed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.harness import Harness
from tests.leads import MUSICIAN, at_question, draft_answers, edit_content


@pytest.mark.parametrize(
    ("typed", "province", "city"),
    [
        ("di Solo", "jawa_tengah", "Solo"),  # stored as "di Solo"
        # stored as "depok bang"; a listed city as content/ spells it (a review, s60)
        ("depok bang", "jawa_barat", "Depok"),
        ("di Malang kak", "jawa_timur", "Malang"),
        ("dari Bandung mas", "jawa_barat", "Bandung"),
        ("Lee Min", "jawa_barat", "Lee Min"),  # capitalised: may be a name's end, kept
        ("Dili", "jawa_barat", "Dili"),
    ],
)
async def test_di_before_a_city_and_address_after_it_are_left_out(
    bot: Harness, typed: str, province: str, city: str
) -> None:
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": province})
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["city"] == city


@pytest.mark.parametrize(
    ("typed", "city"),
    [
        ("Jaksel, DKI Jakarta", "Jakarta Selatan"),  # the city was asked again
        ("DKI Jakarta, Jakut", "Jakarta Utara"),
        ("jakbar, dki", "Jakarta Barat"),
        ("Jaktim, Jakarta", "Jakarta Timur"),
        ("Jakpus, DKI", "Jakarta Pusat"),
    ],
)
async def test_jakartas_cities_shortened_beside_the_province_are_kept(
    bot: Harness, typed: str, city: str
) -> None:
    user = await at_question(bot, "province")
    [reply] = await bot.send(user, typed)
    answers = await draft_answers(bot, user)
    assert (answers["province"], answers.get("city")) == ("dki_jakarta", city)
    assert city in reply.text  # said, so a wrong reading is seen


@pytest.mark.parametrize(
    ("typed", "yes", "province", "city"),
    [
        ("Kab. Bandung", "iya", "jawa_barat", "Kabupaten Bandung"),  # stored as "Bandung"
        ("Kota Medan", "ya kak", "sumatera_utara", "Kota Medan"),  # stored as "Medan"
        ("Bandung", "iya", "jawa_barat", "Bandung"),
    ],
)
async def test_a_regency_or_city_offered_and_confirmed_keeps_its_kind(
    bot: Harness, typed: str, yes: str, province: str, city: str
) -> None:
    user = await at_question(bot, "province")
    await bot.send(user, typed)
    await bot.send(user, yes)
    answers = await draft_answers(bot, user)
    assert (answers["province"], answers["city"]) == (province, city)


@pytest.mark.parametrize(
    ("typed", "province", "city"),
    [
        ("Kab. Bandung", "jawa_barat", "Kabupaten Bandung"),  # the button stored "Bandung"
        ("Kota Medan", "sumatera_utara", "Kota Medan"),
        ("Bandung", "jawa_barat", "Bandung"),
    ],
)
async def test_the_offered_provinces_button_keeps_the_kind_too(
    bot: Harness, typed: str, province: str, city: str
) -> None:
    """The offer's button stores what a typed yes stores: a regency is another place than the
    city of the same name."""
    user = await at_question(bot, "province")
    [offer] = await bot.send(user, typed)
    [label] = offer.button_texts[:1]
    await bot.press(user, label)
    answers = await draft_answers(bot, user)
    assert (answers["province"], answers["city"]) == (province, city)


@pytest.mark.parametrize(
    ("typed", "province", "city"),
    [
        # A talents' review (s60): each was stored with its chat word (and now as content/
        # spells the city, a review of session 60).
        ("depok bg", "Jawa Barat", "Depok"),
        ("bekasi kak", "Jawa Barat", "Bekasi"),
        ("malang gan", "Jawa Timur", "Malang"),
        ("medan bang", "Sumut", "Medan"),
        ("solo min", "Jawa Tengah", "Solo"),
        ("Depok bg!", "Jawa Barat", "Depok"),
    ],
)
async def test_a_chat_address_word_after_the_city_is_left_out(
    bot: Harness, typed: str, province: str, city: str
) -> None:
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": province})
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["city"] == city


async def test_a_place_whose_name_ends_in_an_address_word_is_kept_whole(
    make_bot: Any, content_folder: Path
) -> None:
    """ "Gunung Mas" is a regency of Kalimantan Tengah: were it listed in content/, typed in
    lower case it stays whole ("mas" is a form of address elsewhere: "depok mas"), as
    content/ spells it."""

    def listed(data: Any) -> None:
        for province in data["provinces"]:
            if province["value"] == "kalimantan_tengah":
                province["cities"].append("Gunung Mas")

    edit_content(content_folder, "intake.yaml", listed)
    bot: Harness = await make_bot(content_dir=content_folder)
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": "Kalteng"})
    await bot.send(user, "gunung mas")
    assert (await draft_answers(bot, user))["city"] == "Gunung Mas"
