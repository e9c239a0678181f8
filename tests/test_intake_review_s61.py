"""What the talents' review of session 61 typed at the form, read as they meant it: a
production house's new name at the review, no stage name in a sentence, Eastern Indonesian
"tra ada" and "sa pu nama", a manager's sentence at the full name."""

from __future__ import annotations

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
    shown,
    where,
)


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("nama rumah produksinya ganti jadi Lontara Pictures", "id"),
        ("eh tunggu, nama rumah produksinya ganti jadi Lontara Pictures, kami baru ganti", "id"),
        ("rumah produksi saya ganti nama jadi Lontara Pictures", "id"),
        ("ganti nama PH jadi Lontara Pictures", "id"),
        ("please change the production house name to Lontara Pictures", "en"),
    ],
)
async def test_a_new_production_house_name_at_the_review_is_offered_there(
    bot: Harness, typed: str, language: str
) -> None:
    """H1: "nama rumah produksinya ganti jadi Lontara Pictures" opened the full name, and the
    production house's new name typed next was stored as the talent's name. Now the
    production house is opened with the new name offered; the full name stays."""
    user = await at_question(bot, "sector", language=language, answers=FILMMAKER)
    await fill(bot, user, FILMMAKER, language)
    assert await where(bot, user) == "review"
    [reply] = await bot.send(user, typed)
    assert await where(bot, user) == "company_name"
    field = CONTENT.questions["company_name"].label.get(language)
    offer = shown(Text.INTAKE_CARRIED_OFFER, language, value="Lontara Pictures", field=field)
    assert offer in reply.text
    await bot.press(user, CONTENT.text(Text.BTN_USE_CARRIED, language, value="Lontara Pictures"))
    assert await where(bot, user) == "review"
    answers = await draft_answers(bot, user)
    assert answers["company_name"] == "Lontara Pictures"
    assert answers["full_name"] == FILMMAKER["full_name"]


async def test_a_new_name_typed_after_the_offer_is_the_production_house(bot: Harness) -> None:
    """H1: the name typed after the offer (as the talent did) is the production house's."""
    user = await at_question(bot, "sector", answers=FILMMAKER)
    await fill(bot, user, FILMMAKER)
    await bot.send(user, "nama rumah produksinya ganti jadi Lontara Pictures")
    await bot.send(user, "Lontara Pictures")
    answers = await draft_answers(bot, user)
    assert (answers["company_name"], answers["full_name"]) == ("Lontara Pictures", "Budi Santoso")


async def test_a_bare_name_change_at_the_review_asks_which_answer(bot: Harness) -> None:
    """H1: "kami baru ganti nama bulan lalu" opened the full name. With a production house
    answered too, which name is meant is asked (the list of answers)."""
    user = await at_question(bot, "sector", answers=FILMMAKER)
    await fill(bot, user, FILMMAKER)
    await bot.send(user, "kami baru ganti nama bulan lalu")
    assert await where(bot, user) == "edit_list"
    # The talent's own name, said as theirs, is opened at once.
    await bot.send(user, "kembali ke ringkasan")
    await bot.send(user, "mau ganti nama saya")
    assert await where(bot, user) == "full_name"


async def test_a_band_renamed_at_the_review_is_offered_as_the_stage_name(bot: Harness) -> None:
    """H1's other side: "nama band gw ganti jadi Kalasenja" keeps naming the stage name."""
    user = await at_question(bot, "sector")
    await fill(bot, user, MUSICIAN)
    [reply] = await bot.send(user, "nama band gw ganti jadi Kalasenja")
    assert await where(bot, user) == "stage_name"
    assert "Kalasenja" in reply.text
    await bot.send(user, "iya")
    answers = await draft_answers(bot, user)
    assert (answers["stage_name"], answers["full_name"]) == ("Kalasenja", MUSICIAN["full_name"])


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("saya tidak pakai nama panggung", "id"),
        ("sa tra pake nama panggung", "id"),
        ("belum pakai nama panggung", "id"),
        ("gak pake nama panggung kak", "id"),
        ("tra ada kaka", "id"),
        ("trada", "id"),
        ("sonde ada", "id"),
        ("seng ada", "id"),
        ("nda ada kak", "id"),
        ("I don't use a stage name", "en"),
        ("no stage name", "en"),
    ],
)
async def test_no_stage_name_said_in_words_skips_it(
    bot: Harness, typed: str, language: str
) -> None:
    """M1, M2: "sa tra pake nama panggung" got "Nama panggungmu panggung?", "tra ada kaka" and
    "I don't use a stage name" were stored as the stage name. Now as ⏭ Skip."""
    user = await at_question(bot, "stage_name", language=language)
    await bot.send(user, typed)
    assert await where(bot, user) == "music_role"
    assert (await draft_answers(bot, user)).get("stage_name") is None


async def test_a_band_whose_name_says_none_is_kept(bot: Harness) -> None:
    """M1's other side: a name written as one ("Tanpa Nama Band") is the stage name."""
    user = await at_question(bot, "stage_name")
    await bot.send(user, "Tidak Ada Nama Band")
    assert (await draft_answers(bot, user))["stage_name"] == "Tidak Ada Nama Band"


@pytest.mark.parametrize("typed", ["tra ada kaka", "trada", "sonde ada", "seng ada", "nda ada"])
async def test_eastern_none_at_the_works_link_is_none_yet(bot: Harness, typed: str) -> None:
    """M2: "tra ada kaka" and "trada" at the works' link got "that's no web link"."""
    user = await at_question(bot, "portfolio_url")
    await bot.send(user, typed)
    assert await where(bot, user) == "other_links"
    assert (await draft_answers(bot, user))["portfolio_url"] == "none_yet"


@pytest.mark.parametrize(
    "typed",
    [
        "sa pu nama Yohana Wenda kaka",
        "sa punya nama Yohana Wenda",
        "beta pung nama Yohana Wenda",
        "nama sa Yohana Wenda kaka",
        "Yohana Wenda kaka",
    ],
)
async def test_an_eastern_introduction_at_the_full_name_keeps_the_name(
    bot: Harness, typed: str
) -> None:
    """M3: "sa pu nama Yohana Wenda kaka" was stored whole, without "✅ Kucatat"."""
    user = await at_question(bot, "full_name")
    [reply] = await bot.send(user, typed)
    assert (await draft_answers(bot, user))["full_name"] == "Yohana Wenda"
    if typed != "Yohana Wenda kaka":
        assert "Yohana Wenda" in reply.text.split("\n", 1)[0]  # said back


async def test_kaka_capitalised_is_kept_in_a_name(bot: Harness) -> None:
    """M3's other side: "Kaka" may be a name, as "Kang" is."""
    user = await at_question(bot, "full_name")
    await bot.send(user, "Rizki Kaka")
    assert (await draft_answers(bot, user))["full_name"] == "Rizki Kaka"


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        (
            "Saya Ratna Handayani, manajer. Yang kami daftarkan adalah Orkes Keroncong"
            " Bengawan Sari.",
            "id",
        ),
        ("Saya Ratna Handayani selaku manajer Orkes Keroncong Bengawan Sari", "id"),
        ("I'm Ratna Handayani, the manager of Orkes Keroncong Bengawan Sari.", "en"),
    ],
)
async def test_a_manager_introducing_themself_at_the_full_name_is_asked_whose(
    bot: Harness, typed: str, language: str
) -> None:
    """M4: a manager's two sentences were stored whole as the full name (and reached staff
    so). Now one name is asked for, as the FAQ tells managers; the name then is kept."""
    user = await at_question(bot, "full_name", language=language)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_NAME_WHOSE, language))
    assert await where(bot, user) == "full_name"
    assert "full_name" not in await draft_answers(bot, user)
    await bot.send(user, "Slamet Riyadi")
    assert (await draft_answers(bot, user))["full_name"] == "Slamet Riyadi"


async def test_papuan_deng_joins_genres_and_sa_is_no_phone_remark(bot: Harness) -> None:
    """L2: "pop, rnb, deng lagu2 papua kaka" offered "Deng lagu2 papua" for Lainnya, and "wa
    sa 0821-9876-5432 kaka" was told its remark "wa sa kaka" was not stored."""
    user = await at_question(bot, "genres")
    [reply] = await bot.send(user, "pop, rnb, deng lagu2 papua kaka")
    assert "Lagu2 papua" in reply.text
    assert "Deng" not in reply.text
    user = await at_question(bot, "phone")
    [reply] = await bot.send(user, "wa sa 0821-9876-5432 kaka")
    assert (await draft_answers(bot, user))["phone"] == "+6282198765432"
    assert "wa sa" not in reply.text
    assert not reply.text.startswith(shown(Text.INTAKE_PHONE_REMARK, remark="x").split("“")[0])


@pytest.mark.parametrize(
    ("typed", "language", "role"),
    [
        ("Ratna Handayani (perwakilan)", "id", "perwakilan"),
        ("Ratna Handayani (ketua)", "id", "ketua"),
        ("Ratna Handayani (pengurus)", "id", "pengurus"),
        ("Ratna Handayani (representative)", "en", "representative"),
    ],
)
async def test_a_role_in_brackets_after_the_full_name_is_no_part_of_it(
    bot: Harness, typed: str, language: str, role: str
) -> None:
    """Re-check s61, M4's variant: "Ratna Handayani (ketua)" was stored whole, without a
    word. A group's leader or representative is whom the full name asks for: the name is
    kept and said back, with where the role can go."""
    user = await at_question(bot, "full_name", language=language)
    [reply] = await bot.send(user, typed)
    assert (await draft_answers(bot, user))["full_name"] == "Ratna Handayani"
    said = shown(Text.INTAKE_TAKEN_ROLE, language, taken="Ratna Handayani", role=role)
    assert said in reply.text
    assert await where(bot, user) != "full_name"


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("Ratna Handayani (manajer)", "id"),
        ("Ratna Handayani (Manajer)", "id"),
        ("Ratna Handayani (manager)", "en"),
        ("Ratna Handayani (agent)", "en"),
        ("Ratna Handayani (management)", "id"),
    ],
)
async def test_a_managers_own_name_at_the_full_name_is_asked_back(
    bot: Harness, typed: str, language: str
) -> None:
    """A last review s61, M4: "Ratna Handayani (manajer)" was kept as the artist's full name
    ("Peranmu sebagai manajer…"), though the question asks for the artist's, not the
    manager's. Asked back, as "Saya Ratna Handayani, manajer." is; nothing stored."""
    user = await at_question(bot, "full_name", language=language)
    [reply] = await bot.send(user, typed)
    assert shown(Text.INTAKE_NAME_WHOSE, language) in reply.text
    assert "full_name" not in await draft_answers(bot, user)
    assert await where(bot, user) == "full_name"


async def test_a_bracket_that_names_no_role_stays_in_the_name(bot: Harness) -> None:
    """The other side: only role words are cut; "Budi (Ubud)" is kept as typed."""
    user = await at_question(bot, "full_name")
    await bot.send(user, "Budi (Ubud)")
    assert (await draft_answers(bot, user))["full_name"] == "Budi (Ubud)"


@pytest.mark.parametrize(
    "typed",
    ["nama sa Yohana Wenda kaka e", "Yohana Wenda kaka e", "sa pu nama Yohana Wenda kak e"],
)
async def test_a_papuan_kaka_e_after_the_name_is_dropped(bot: Harness, typed: str) -> None:
    """Re-check s61, M3's leftover: "nama sa Yohana Wenda kaka e" kept "Yohana Wenda kaka e"."""
    user = await at_question(bot, "full_name")
    [reply] = await bot.send(user, typed)
    assert (await draft_answers(bot, user))["full_name"] == "Yohana Wenda"
    assert "kaka e" not in reply.text and "kak e" not in reply.text
