"""What five talents typed at the form in a review (session 57), read as they meant it: "bro",
"kaka" and Javanese "wes" around an answer, "video musik", "pretty fluent", a hip-hop crew,
the film roles' own words, ticks kept over Back, an answer to change named at the review, a
consent in words, an age range read aloud."""

from __future__ import annotations

from typing import Any

import pytest

from bot.content_checks import SELECTED_MARK
from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    answer,
    at_question,
    draft_answers,
    fill,
    label,
    seen,
    shown,
    where,
)

BACK = CONTENT.text(Text.BTN_BACK, "id")


async def _ticked(bot: Harness, user: Any) -> list[str]:
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None
    return list(draft.pending or [])


async def test_bro_and_kaka_around_a_typed_answer_are_the_talent_talking(bot: Harness) -> None:
    """H3: "dua2nya bro", "udh bro lanjut", "wes", "that's it" were refused at the multiple
    choices, "kirim bro" at the review; "makassar lah bro" was stored as the city."""
    ancha = await at_question(bot, "genres")
    await bot.press(ancha, label("genres", "hip_hop"))
    await bot.send(ancha, "wes")  # Javanese "done": as Done
    assert (await draft_answers(bot, ancha))["genres"] == ["hip_hop"]
    await answer(bot, ancha, "province", "sulawesi_selatan")
    assert await where(bot, ancha) == "city"
    await bot.send(ancha, "makassar lah bro")
    assert (await draft_answers(bot, ancha))["city"] == "Makassar"  # as listed (s60)
    for key in ("experience_years", "portfolio_url", "other_links", "notable_works"):
        await answer(bot, ancha, key, MUSICIAN[key])
    assert await where(bot, ancha) == "programs_of_interest"
    [both] = await bot.send(ancha, "dua2nya bro")
    assert both.text.startswith(shown(Text.INTAKE_TICKED, ticked="Musisi ke Korea dan MU:CON"))
    await bot.send(ancha, "udh bro lanjut")
    assert await where(bot, ancha) == "languages"
    assert len((await draft_answers(bot, ancha))["programs_of_interest"]) == len(("two", "both"))
    await bot.press(ancha, label("languages", "indonesian"))
    await bot.send(ancha, "thats it")
    assert await where(bot, ancha) == "email"
    for key in ("email", "phone", "message"):
        await answer(bot, ancha, key, MUSICIAN[key])
    assert await where(bot, ancha) == "review"
    await seen(bot, ancha)
    await bot.send(ancha, "kirim bro")
    assert await where(bot, ancha) is None
    assert any("KOC-" in message.text for message in ancha.messages[-3:])
    # Lilis: "wis" after ticking a program; Jiyeon: "that's it".
    lilis = await at_question(bot, "programs_of_interest")
    await bot.press(lilis, label("programs_of_interest", "mucon"))
    await bot.send(lilis, "wis")
    assert await where(bot, lilis) == "languages"
    await bot.press(lilis, label("languages", "indonesian"))
    await bot.send(lilis, "that's it")
    assert await where(bot, lilis) == "email"


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("company_name", "tidak ada kaka"),  # H3: stored as the production house
        ("company_name", "ga ada bro"),
        ("company_name", "blm ada gan"),
        ("company_name", "skip bro"),
        ("other_links", "belum ada kaka"),  # H3: "just a link or your account name"
        ("other_links", "nggak ada rek"),
    ],
)
async def test_nothing_said_with_a_form_of_address_skips_the_optional_question(
    bot: Harness, key: str, typed: str
) -> None:
    user = await at_question(bot, key, answers=FILMMAKER)
    await bot.send(user, typed)
    assert await where(bot, user) != key
    assert (await draft_answers(bot, user))[key] is None


async def test_a_name_ending_in_a_capitalised_word_of_address_keeps_it(bot: Harness) -> None:
    """Capitalised, "Om", "Kaka" may end a name: only lower case is the talent talking."""
    user = await at_question(bot, "stage_name")
    await bot.send(user, "Warung Om")
    assert (await draft_answers(bot, user))["stage_name"] == "Warung Om"


async def test_words_of_a_name_stay_in_what_lainnya_is(bot: Harness) -> None:
    """M1: "video musik" was stored as "Video", and so "musik rohani", "bahasa isyarat" lost
    their first word. M2: "pretty fluent" was offered as a language, "Pretty"."""
    dewi = await at_question(bot, "film_formats", answers=FILMMAKER)
    [reply] = await bot.send(dewi, "Film pendek, dokumenter, dan video musik.")
    ticked = "Film pendek dan Dokumenter"
    other = CONTENT.questions["film_formats_other"].label.id
    said = shown(Text.INTAKE_TICKED_WITH_OTHER, ticked=ticked, left="Video musik", other=other)
    assert reply.text.startswith(said)
    assert (await draft_answers(bot, dewi))["film_formats_other"] == "Video musik"
    rani = await at_question(bot, "genres")
    await bot.send(rani, "pop, musik rohani")
    assert (await draft_answers(bot, rani))["genres_other"] == "Musik rohani"
    tuti = await at_question(bot, "languages")
    await bot.send(tuti, "indonesia, bahasa isyarat")
    assert (await draft_answers(bot, tuti))["languages_other"] == "Bahasa isyarat"
    jiyeon = await at_question(bot, "languages", "en")
    typed = "indonesian, english, korean (hanguk-eo, pretty fluent), a little japanese"
    [reply] = await bot.send(jiyeon, typed)
    assert "Pretty" not in reply.text
    assert await _ticked(bot, jiyeon) == ["indonesian", "english", "korean", "other"]
    assert (await draft_answers(bot, jiyeon))["languages_other"] == "Japanese"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("crew bro, kita ber4", "band_group"),  # M3: filed as Lainnya
        ("kami berempat", "band_group"),
        ("hiphop crew", "band_group"),
        ("kru panggung", "other_music_role"),  # a stage crew is still Lainnya
    ],
)
async def test_a_hip_hop_crew_is_a_group(bot: Harness, typed: str, kept: str) -> None:
    user = await at_question(bot, "music_role")
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["music_role"] == kept


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Saya bekerja sebagai editor film.", "editor"),  # M4: all refused
        ("aktor", "actor"),
        ("aktris", "actor"),
        ("DOP", "cinematographer"),
        ("kameramen", "cinematographer"),
        ("penulis naskah", "screenwriter"),
        ("scriptwriter", "screenwriter"),
        ("casting director", "other_film_role"),  # no director
    ],
)
async def test_the_film_roles_are_named_as_people_name_them(
    bot: Harness, typed: str, kept: str
) -> None:
    user = await at_question(bot, "film_role", answers=FILMMAKER)
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["film_role"] == kept
    assert await where(bot, user) != "film_role"


async def test_ticks_are_kept_when_going_back_before_done(bot: Harness) -> None:
    """M6: Ancha ticked Hip-hop, pressed Back to fix his role, and came back to no tick."""
    ancha = await at_question(bot, "genres")
    await bot.press(ancha, label("genres", "hip_hop"))
    await bot.press(ancha, BACK)
    assert await where(bot, ancha) == "music_role"
    [genres] = await bot.press(ancha, label("music_role", "solo_artist"))
    assert await where(bot, ancha) == "genres"
    assert await _ticked(bot, ancha) == ["hip_hop"]
    assert SELECTED_MARK + label("genres", "hip_hop") in genres.button_texts
    await bot.press(ancha, label("genres", "rock"))
    await bot.press(ancha, CONTENT.text(Text.BTN_DONE, "id"))
    stored = await draft_answers(bot, ancha)
    assert (stored["music_role"], stored["genres"]) == ("solo_artist", ["hip_hop", "rock"])
    assert await where(bot, ancha) == "province"
    # From a multiple choice back to another one: the languages kept over the programs.
    lina = await at_question(bot, "languages")
    await bot.press(lina, label("languages", "korean"))
    await bot.press(lina, BACK)
    assert await where(bot, lina) == "programs_of_interest"
    await bot.press(lina, CONTENT.text(Text.BTN_DONE, "id"))
    assert await where(bot, lina) == "languages"
    assert await _ticked(bot, lina) == ["korean"]


async def test_an_answer_to_change_can_be_named_at_the_review(bot: Harness) -> None:
    """M8: "Saya ingin mengubah usia saya." at the review, and "Usia", the label of a button,
    at "Jawaban mana yang mau kamu ubah?" were told to use the buttons."""
    dewi = await at_question(bot, "sector")
    await fill(bot, dewi, FILMMAKER)
    assert await where(bot, dewi) == "review"
    await bot.send(dewi, "Saya ingin mengubah usia saya.")
    assert await where(bot, dewi) == "age_range"
    await bot.press(dewi, label("age_range", "age_45_plus"))
    assert await where(bot, dewi) == "review"
    assert (await draft_answers(bot, dewi))["age_range"] == "age_45_plus"
    await bot.send(dewi, "ubah jawaban")
    assert await where(bot, dewi) == "edit_list"
    await bot.send(dewi, "Usia")
    assert await where(bot, dewi) == "age_range"
    await bot.press(dewi, label("age_range", "age_35_44"))
    assert (await draft_answers(bot, dewi))["age_range"] == "age_35_44"
    await bot.send(dewi, "ubah jawaban")
    await bot.send(dewi, "kembali ke ringkasan")
    assert await where(bot, dewi) == "review"
    # Without a word of changing, the review's text stays refused ("Usia saya benar").
    [refused] = await bot.send(dewi, "Usia saya sudah benar")
    assert await where(bot, dewi) == "review"
    assert refused.text.startswith(shown(Text.INTAKE_USE_BUTTONS_HERE))


async def test_consent_in_words_with_bro_gets_the_consent_note(bot: Harness) -> None:
    """L5: "setuju" got "press ✅ Setuju", "ya setuju bro" only "pick a button"."""
    user = bot.user()
    await bot.send(user, "/daftar")
    [reply] = await bot.send(user, "ya setuju bro")
    assert reply.text.startswith(shown(Text.INTAKE_CONSENT_BY_BUTTON))


async def test_an_age_range_read_aloud_is_that_range(bot: Harness) -> None:
    """L6: "25 sampai 34 tahun" was refused; two numbers in two ranges still are."""
    user = await at_question(bot, "age_range")
    await bot.send(user, "umur 17 atau 18")
    assert await where(bot, user) == "age_range"
    await bot.send(user, "25 sampai 34 tahun")
    assert (await draft_answers(bot, user))["age_range"] == "age_25_34"


async def test_a_remark_beside_the_phone_number_is_said_as_not_kept(bot: Harness) -> None:
    """M7: "0813 3000 4455 (mas Bayu manajer)" was stored as the number without a word, so
    staff would call the singer on her manager's number; a KakaoTalk id beside a number was
    dropped the same way; two numbers were refused with no word on where the other can go."""
    lilis = await at_question(bot, "phone")
    [two] = await bot.send(
        lilis, "nomer manajer sy mas Bayu 0813 3000 4455, sy sendiri 0857-3123-9988"
    )
    assert two.text.startswith(shown(Text.INTAKE_TWO_PHONES))
    assert "pertanyaan terakhir" in two.text
    [taken] = await bot.send(lilis, "0813 3000 4455 (mas Bayu <b>manajer</b>)")
    assert (await draft_answers(bot, lilis))["phone"] == "+6281330004455"
    said = shown(Text.INTAKE_PHONE_REMARK, remark="mas Bayu <b>manajer</b>")
    assert taken.text.startswith(said)  # the remark in the talent's own words, as text
    assert await where(bot, lilis) == "message"
    jiyeon = await at_question(bot, "phone", "en")
    [taken] = await bot.send(jiyeon, "+62 811-1234-5678 (whatsapp) or kakaotalk id: jiyeonk")
    said = shown(Text.INTAKE_PHONE_REMARK, "en", remark="kakaotalk id: jiyeonk")
    assert taken.text.startswith(said)
    # Words that only say what the number is: no remark.
    sari = await at_question(bot, "phone")
    [plain] = await bot.send(sari, "Nomor WA saya 0813 2999 1234 kak")
    assert shown(Text.INTAKE_PHONE_REMARK, remark="")[:12] not in plain.text
    assert (await draft_answers(bot, sari))["phone"] == "+6281329991234"


@pytest.mark.parametrize(
    ("key", "typed", "answers"),
    [
        (
            "portfolio_url",
            "youtube.com/@senjaband (channel nama band kami, rutin saya update)",
            MUSICIAN,
        ),
        (
            "portfolio_url",
            "vimeo.com/budisantoso/showreel, showreel terbaru, format dokumenter, sudah saya"
            " update",
            FILMMAKER,
        ),
        ("city", "Tangsel, provinsi Banten ya kak biar ga salah", MUSICIAN),
    ],
)
async def test_an_answer_beside_an_earlier_subject_is_no_correction(
    bot: Harness, key: str, typed: str, answers: dict[str, Any]
) -> None:
    """A second attacker's review: a link with "channel nama band kami, rutin saya update" was
    read as "change the stage name?" and never stored, however often sent; "biar ga salah"
    beside the province at the city likewise. Updating is no correction, a negated "salah"
    no mistake, and a link at the link question is its answer."""
    user = await at_question(bot, key, answers=answers)
    [reply] = await bot.send(user, typed)
    assert "🔄" not in reply.text, reply.text
    assert await where(bot, user) != key
    assert key in await draft_answers(bot, user)


async def test_names_keep_a_last_word_that_is_also_a_form_of_address(bot: Harness) -> None:
    """A second attacker's review: "steven gan" was stored as "steven", "dj om" as "dj"."""
    user = await at_question(bot, "full_name")
    await bot.send(user, "steven gan")
    assert (await draft_answers(bot, user))["full_name"] == "steven gan"
    await bot.send(user, "dj om")
    assert (await draft_answers(bot, user))["stage_name"] == "dj om"


async def test_send_with_an_aside_about_a_later_change_is_no_change_at_the_review(
    bot: Harness,
) -> None:
    """A second attacker's review: "kirim aja kak, nanti kalau ganti nomor HP saya kabari" at
    the review opened the phone answer."""
    dewi = await at_question(bot, "sector")
    await fill(bot, dewi, FILMMAKER)
    await bot.send(dewi, "kirim aja kak, nanti kalau ganti nomor HP saya kabari")
    assert await where(bot, dewi) == "review"


async def test_a_role_named_in_a_correction_is_offered_not_the_stage_name(bot: Harness) -> None:
    """A staff re-check: "eh peranku salah bro, harusnya band/grup" at the genres offered to
    change "Nama panggung/band" (its label holds "band"), not the role."""
    kevin = await at_question(bot, "genres", answers={**MUSICIAN, "music_role": "solo_artist"})
    role = CONTENT.questions["music_role"].label.id
    group = label("music_role", "band_group")
    [offer] = await bot.send(kevin, "eh peranku salah bro, harusnya band/grup")
    assert offer.text.startswith(shown(Text.INTAKE_PICKED_WRONG, field=role, choice=group))
    assert await where(bot, kevin) == "genres"


async def test_thanks_beside_the_phone_number_is_no_remark(bot: Harness) -> None:
    """A staff re-check: "0812 3456 7801, makasih kak" was told "makasih kak" was not kept;
    "sms aja", which staff need, was dropped without a word."""
    user = await at_question(bot, "phone")
    [reply] = await bot.send(user, "0812 3456 7801, makasih kak")
    assert "📱" not in reply.text.split("\n")[0]
    assert (await draft_answers(bot, user))["phone"] == "+6281234567801"
    other = await at_question(bot, "phone")
    [reply] = await bot.send(other, "0812 3456 7801 - sms aja")
    assert reply.text.startswith(shown(Text.INTAKE_PHONE_REMARK, remark="sms aja"))


@pytest.mark.parametrize(
    ("typed", "program"),
    [("HOI", "training_center"), ("ACF", "biff_acf"), ("KOFIC", "kofic_incentive")],
)
async def test_film_programs_typed_by_their_short_names_are_ticked(
    bot: Harness, typed: str, program: str
) -> None:
    """A staff re-check: "HOI", "ACF", "KOFIC" at the film programs were told to use the
    buttons, though the buttons read "Pelatihan HOI", "BIFF ACF", "Insentif KOFIC"."""
    user = await at_question(bot, "programs_of_interest", answers=FILMMAKER)
    await bot.send(user, typed)
    assert await _ticked(bot, user) == [program]
