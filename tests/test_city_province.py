"""A city typed at the province question: the bot names its province for the talent to confirm."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from bot import content_checks
from bot.content import Content, ContentError, load_content
from bot.emulator import EmulatedUser
from bot.leads import records
from bot.leads.answer_outcomes import Accepted, Matches, Rejected
from bot.leads.field_checks import check_text
from bot.outreach.audience import AudienceError, parse_audience
from bot.texts import Text
from handlers import records_views
from tests.harness import Harness
from tests.leads import CONTENT, at_question, edit_content, shown, where


async def _province(bot: Harness, user: EmulatedUser) -> Any:
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None
    return (await bot.store.applications.answers(draft.id)).get("province")


@pytest.mark.parametrize("language", ["id", "en"])
async def test_a_city_typed_offers_its_province_to_confirm(bot: Harness, language: str) -> None:
    user = await at_question(bot, "province", language)
    [reply] = await bot.send(user, "bandung")
    said = shown(
        Text.INTAKE_PROVINCE_OF_CITY_NOTED, language, city="Bandung", province="Jawa Barat"
    )
    assert said in reply.text
    assert shown(Text.INTAKE_PROVINCE_MATCHES, language) not in reply.text
    assert "Jawa Barat" in reply.button_texts
    assert await where(bot, user) == "province"  # nothing stored before the talent confirms
    assert await _province(bot, user) is None
    await bot.press(user, "Jawa Barat")
    assert await _province(bot, user) == "jawa_barat"
    # The city she typed is her city: she is not asked for it again.
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None
    assert (await bot.store.applications.answers(draft.id))["city"] == "Bandung"
    assert await where(bot, user) == "experience_years"


async def _answers(bot: Harness, user: EmulatedUser) -> dict[str, Any]:
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None
    return await bot.store.applications.answers(draft.id)


async def test_a_typed_yes_confirms_the_one_province_offered(bot: Harness) -> None:
    """Rani (s54): "Iya bener" after "Surabaya ada di Jawa Timur. Betul ini provinsimu?" was
    "province not found", and the city offered with it was forgotten."""
    for typed in ["Iya bener", "iya", "betul", "yes", "ya kak"]:
        user = await at_question(bot, "province")
        await bot.send(user, "Surabaya")
        [reply] = await bot.send(user, typed)
        assert shown(Text.INTAKE_PROVINCE_NOT_FOUND) not in reply.text, typed
        answers = await _answers(bot, user)
        assert (answers["province"], answers["city"]) == ("jawa_timur", "Surabaya"), typed
        assert await where(bot, user) == "experience_years"
    # A province's name guessed from a typo, without a city: the province alone.
    user = await at_question(bot, "province")
    await bot.send(user, "Jawa Tenggah")
    await bot.send(user, "iya")
    assert await _province(bot, user) == "jawa_tengah"
    assert await where(bot, user) == "city"


async def test_a_typed_no_or_another_province_forgets_the_offer(bot: Harness) -> None:
    user = await at_question(bot, "province")
    await bot.send(user, "Surabaya")
    [reply] = await bot.send(user, "bukan")
    assert reply.text.startswith(shown(Text.INTAKE_PROVINCE_NOT_FOUND))
    await bot.send(user, "iya")  # the offer is no longer on the screen: not confirmed
    assert await _province(bot, user) is None
    await bot.send(user, "Surabaya")
    await bot.send(user, "Jatim")
    answers = await _answers(bot, user)
    assert (answers["province"], answers.get("city")) == ("jawa_timur", None)
    assert await where(bot, user) == "city"


async def test_a_place_abroad_typed_at_the_province_is_living_abroad(bot: Harness) -> None:
    """Arif (s54): "Seoul" and "I live in Seoul now, originally from Bandung" were "I couldn't
    find that province"; only "Luar negeri, Korea" worked. The city is asked next, as after
    "Luar negeri, Korea"."""
    typed = [
        "Seoul",
        "I live in Seoul now, originally from Bandung",
        "Korea",
        "di Busan",
        "Kuala Lumpur",
        "Tokyo",
        "Luar negeri, Korea",
    ]
    for text in typed:
        user = await at_question(bot, "province", "en")
        await bot.send(user, text)
        if text in ("I live in Seoul now, originally from Bandung", "di Busan"):
            # A place read out of a sentence is offered, and a typed yes takes it (a second
            # attacker's review: "Papua New Guinea" was stored as Papua unasked).
            assert await where(bot, user) == "province", text
            await bot.send(user, "yes")
        assert await _province(bot, user) == "outside_indonesia", text
        assert await where(bot, user) == "city", text


@pytest.mark.parametrize("typed", ["bukan Jakarta", "Not Jakarta", "bukan di Jakarta lagi"])
async def test_a_province_said_not_to_be_theirs_is_not_stored(bot: Harness, typed: str) -> None:
    """A second attacker's review: each was stored as DKI Jakarta."""
    user = await at_question(bot, "province", "en")
    await bot.send(user, typed)
    assert await where(bot, user) == "province"
    assert await _province(bot, user) is None


async def test_papua_new_guinea_is_abroad_not_papua(bot: Harness) -> None:
    """A second attacker's review: stored as the province Papua, Port Moresby its city."""
    for typed in ("Papua New Guinea", "Papua Nugini"):
        user = await at_question(bot, "province", "en")
        await bot.send(user, typed)
        assert await _province(bot, user) == "outside_indonesia", typed


@pytest.mark.parametrize(
    ("typed", "outcome"),
    [
        # Where they come from is not where they live now.
        ("Originally from Bandung", None),
        ("lahir di Medan", None),
        ("Asli Bandung tapi sekarang di Tokyo", Matches(["outside_indonesia"])),
        ("aku tinggal di Bandung", Matches(["jawa_barat"], city="Bandung")),
        ("saya tinggal di kota kecil", None),
    ],
)
def test_a_place_in_a_sentence_is_where_they_live_now(typed: str, outcome: Any) -> None:
    question = CONTENT.questions["province"]
    found = check_text(question, CONTENT, {}, typed)
    assert found == (outcome or Rejected(Text.INTAKE_PROVINCE_NOT_FOUND))


async def test_without_a_city_question_only_the_province_is_taken(
    make_bot: Any, content_folder: Path
) -> None:
    """Content whose province question names no city question: the city is not promised,
    and the city question is asked as usual."""

    def no_city_question(data: Any) -> None:
        for question in data["questions"]:
            question.pop("city_question", None)

    edit_content(content_folder, "intake.yaml", no_city_question)
    bot: Harness = await make_bot(content_dir=content_folder)
    user = await at_question(bot, "province")
    [reply] = await bot.send(user, "bandung")
    said = shown(Text.INTAKE_PROVINCE_OF_CITY, city="Bandung", province="Jawa Barat")
    assert said in reply.text
    await bot.press(user, "Jawa Barat")
    assert await _province(bot, user) == "jawa_barat"
    assert await where(bot, user) == "city"


@pytest.mark.parametrize(
    ("target", "problem"), [("email", "is not a short_text"), ("full_name", "must come after")]
)
def test_check_content_refuses_a_city_question_that_is_not_a_later_text_question(
    content_folder: Path, target: str, problem: str
) -> None:
    def point_to(data: Any) -> None:
        [province] = [item for item in data["questions"] if item["key"] == "province"]
        province["city_question"] = target

    edit_content(content_folder, "intake.yaml", point_to)
    with pytest.raises(ContentError) as refused:
        load_content(content_folder)
    assert any(
        "questions[province].city_question" in found and problem in found
        for found in refused.value.problems
    ), refused.value.problems


async def test_the_talent_may_type_the_province_instead_of_confirming(bot: Harness) -> None:
    user = await at_question(bot, "province")
    await bot.send(user, "Kota Solo")
    assert "Jawa Tengah" in user.last_message.button_texts
    await bot.send(user, "jatim")  # not Jawa Tengah after all
    assert await _province(bot, user) == "jawa_timur"
    assert await where(bot, user) == "city"


async def test_a_province_named_like_its_capital_is_taken_at_once(bot: Harness) -> None:
    user = await at_question(bot, "province")
    await bot.send(user, "Jambi")
    assert await _province(bot, user) == "jambi"
    assert await where(bot, user) == "city"


async def test_an_unknown_place_is_still_not_found(bot: Harness) -> None:
    user = await at_question(bot, "province")
    [reply] = await bot.send(user, "Kota Atlantis")
    assert reply.text.startswith(shown(Text.INTAKE_PROVINCE_NOT_FOUND))
    assert await where(bot, user) == "province"
    assert await _province(bot, user) is None


@pytest.mark.parametrize(
    ("typed", "province", "city"),
    [
        ("bandung", "jawa_barat", "Bandung"),
        ("Surabaya", "jawa_timur", "Surabaya"),
        ("Makassar", "sulawesi_selatan", "Makassar"),
        ("Medan", "sumatera_utara", "Medan"),
        ("Denpasar", "bali", "Denpasar"),
        ("Tangerang", "banten", "Tangerang"),
        ("Solo", "jawa_tengah", "Solo"),
        ("kota bandung", "jawa_barat", "Bandung"),
        ("kab. sleman", "di_yogyakarta", "Sleman"),
        ("Kabupaten Sleman", "di_yogyakarta", "Sleman"),
        ("Bandar Lampung", "lampung", "Bandar Lampung"),
    ],
)
def test_a_city_resolves_to_its_province_to_confirm(typed: str, province: str, city: str) -> None:
    question = CONTENT.questions["province"]
    assert check_text(question, CONTENT, {}, typed) == Matches([province], city=city)


@pytest.mark.parametrize(
    ("typed", "province"),
    [
        ("Jambi", "jambi"),
        ("Bengkulu", "bengkulu"),
        ("Gorontalo", "gorontalo"),
        ("Lampung", "lampung"),
        ("Kota Jambi", "jambi"),
        ("jogja", "di_yogyakarta"),
        ("Jakarta", "dki_jakarta"),
        ("south jakarta", "dki_jakarta"),  # in English too (a second talents' review)
    ],
)
def test_a_province_name_wins_over_a_city(typed: str, province: str) -> None:
    question = CONTENT.questions["province"]
    assert check_text(question, CONTENT, {}, typed) == Accepted(province)


def _with_cities(cities: dict[str, list[str]]) -> Content:
    """The packaged content with some provinces' cities replaced."""
    provinces = [
        province.model_copy(update={"cities": cities.get(province.value, province.cities)})
        for province in CONTENT.intake.provinces
    ]
    changed = copy.copy(CONTENT)
    changed.intake = CONTENT.intake.model_copy(update={"provinces": provinces})
    changed.provinces = {province.value: province for province in provinces}
    return changed


def test_a_province_name_wins_even_over_a_city_listed_by_mistake() -> None:
    content = _with_cities({"riau": ["Pekanbaru", "Jambi"]})  # check-content refuses this
    question = content.questions["province"]
    assert check_text(question, content, {}, "Jambi") == Accepted("jambi")
    assert check_text(question, content, {}, "Pekanbaru") == Matches(["riau"], city="Pekanbaru")


def test_the_packaged_cities_pass_the_check() -> None:
    assert content_checks.cities(CONTENT) == []


def test_a_city_under_two_provinces_is_refused() -> None:
    content = _with_cities({"jawa_tengah": ["Semarang", "Bandung"]})
    assert content_checks.cities(content) == [
        "intake.yaml: provinces[jawa_tengah].cities: 'Bandung' is already listed under jawa_barat"
    ]


def test_a_city_named_like_another_province_is_refused() -> None:
    content = _with_cities({"jawa_tengah": ["Semarang", "Jabar"], "bali": ["Sumatra"]})
    assert content_checks.cities(content) == [
        "intake.yaml: provinces[jawa_tengah].cities: 'Jabar' already names the province jawa_barat",
        "intake.yaml: provinces[bali].cities: 'Sumatra' also names an island",
    ]


def test_check_content_refuses_an_ambiguous_city(content_folder: Path) -> None:
    def clash(data: Any) -> None:
        [riau] = [item for item in data["provinces"] if item["value"] == "riau"]
        riau["cities"] = ["Pekanbaru", "Jambi"]

    edit_content(content_folder, "intake.yaml", clash)
    with pytest.raises(ContentError) as refused:
        load_content(content_folder)
    assert "provinces[riau].cities: 'Jambi' already names the province jambi" in str(refused.value)


def test_a_city_as_a_broadcast_audience_names_its_province() -> None:
    with pytest.raises(AudienceError, match="use province=jawa_barat"):
        parse_audience("province=bandung", CONTENT)


def test_staff_correcting_a_province_with_a_city_are_offered_its_province() -> None:
    question = CONTENT.questions["province"]
    outcome = records.check_answer(CONTENT, question, {}, "Kota Medan")
    assert outcome == Matches(["sumatera_utara"], city="Medan")
    _text, rows = records_views.edit_prompt(
        CONTENT, "id", "KOC-ABC123", 7, question, {}, matches=outcome.values
    )
    offered = {b.text: b.callback_data for row in rows for b in row}
    assert offered["Sumatera Utara"] == f"{records_views.EDIT_VALUE}7:sumatera_utara"


@pytest.mark.parametrize(
    ("typed", "province", "city"),
    [
        ("Serambi Mekkah", "aceh", None),
        ("aku tinggal di serambi mekkah kak", "aceh", None),
        ("Paris van Java", "jawa_barat", "Bandung"),
        ("di Paris van Java, Indonesia", "jawa_barat", "Bandung"),
    ],
)
async def test_a_nickname_of_an_indonesian_place_offers_its_province_not_abroad(
    bot: Harness, typed: str, province: str, city: str | None
) -> None:
    """An attacker's review: "Serambi Mekkah" (Aceh) and "Paris van Java" (Bandung) were read
    as living abroad ("Mekkah", "Paris"). The province is offered, with the city it names."""
    user = await at_question(bot, "province")
    [reply] = await bot.send(user, typed)
    label = CONTENT.provinces[province].label.id
    abroad = CONTENT.provinces["outside_indonesia"].label.id
    assert label in reply.button_texts and abroad not in reply.button_texts
    if city is None:  # one province: "Maksudmu Aceh?", not "a few match"
        assert shown(Text.INTAKE_PROVINCE_GUESSED, province=label) in reply.text
    else:
        said = shown(Text.INTAKE_PROVINCE_OF_CITY_NOTED, city=city, province=label)
        assert said in reply.text
    assert await _province(bot, user) is None  # offered, not taken
    await bot.press(user, label)
    answers = await _answers(bot, user)
    assert answers["province"] == province and answers.get("city") == city
