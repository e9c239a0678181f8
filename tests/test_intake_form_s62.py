"""What the talents' review of session 62 typed at the form, read as they meant it: the
hint's own example as a contact, a new email or number at the review, a polite full name, a
sentence saying there is no production house, a swear word among genres."""

from __future__ import annotations

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    at_question,
    draft_answers,
    fill,
    seen,
    shown,
    where,
)


@pytest.mark.parametrize(
    ("key", "typed", "refusal", "language"),
    [
        ("phone", "0812 3456 7890", Text.INTAKE_EXAMPLE_PHONE, "id"),
        ("phone", "+62 812-3456-7890", Text.INTAKE_EXAMPLE_PHONE, "id"),
        ("email", "nama@gmail.com", Text.INTAKE_EXAMPLE_EMAIL, "id"),
        ("email", "name@gmail.com", Text.INTAKE_EXAMPLE_EMAIL, "en"),
    ],
)
async def test_the_hints_own_example_is_asked_back_not_stored(
    bot: Harness, key: str, typed: str, refusal: Text, language: str
) -> None:
    """M6: "0812 3456 7890", the phone step's own example, was stored as the talent's number
    without a word (and "nama@gmail.com" as the email): staff left with a number nobody
    answers. Now it is asked back; sent once more, after the note was read, it is kept."""
    user = await at_question(bot, key, language=language)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(refusal, language))
    assert await where(bot, user) == key
    assert key not in await draft_answers(bot, user)
    await seen(bot, user)
    await bot.send(user, typed)
    assert key in await draft_answers(bot, user)


async def test_a_number_like_the_example_but_not_it_is_taken(bot: Harness) -> None:
    """M6's other side: any other number is taken at once."""
    user = await at_question(bot, "phone")
    await bot.send(user, "0812 3456 7891")
    assert (await draft_answers(bot, user))["phone"] == "+6281234567891"


@pytest.mark.parametrize(
    ("typed", "key", "offered"),
    [
        (
            "eh kak emailku salah, yang bener laras.animasi@gmail.com",
            "email",
            "laras.animasi@gmail.com",
        ),
        ("laras.anim8@gmail.com", "email", "laras.anim8@gmail.com"),
        ("namaku.band@gmail.com", "email", "namaku.band@gmail.com"),
        ("+62-857-1234-5678", "phone", "+6285712345678"),
        ("nomer wa ku ganti +62-857-1234-5671", "phone", "+6285712345671"),
        ("emailnya harusnya laras.animasi@gmail.com kak", "email", "laras.animasi@gmail.com"),
    ],
)
async def test_a_new_email_or_number_typed_at_the_review_is_offered(
    bot: Harness, typed: str, key: str, offered: str
) -> None:
    """M5: a new address or number typed at the review got "👆 Di sini pakai tombol", or
    ("yang bener …", "nomer wa ku ganti …") its answer opened without it, to be typed again.
    Now its answer is opened with it offered; a typed yes takes it."""
    user = await at_question(bot, "sector", answers=FILMMAKER)
    await fill(bot, user, FILMMAKER)
    [reply] = await bot.send(user, typed)
    assert await where(bot, user) == key
    field = CONTENT.questions[key].label.id
    assert shown(Text.INTAKE_CARRIED_OFFER, value=offered, field=field) in reply.text
    await bot.send(user, "iya")
    assert await where(bot, user) == "review"
    answers = await draft_answers(bot, user)
    assert answers[key] == offered
    assert answers["full_name"] == FILMMAKER["full_name"]


async def test_the_same_email_or_the_example_at_the_review_offers_nothing(bot: Harness) -> None:
    """M5's other side: the address already given, or the hint's example, opens the answer
    (where the current one shows), with nothing offered."""
    user = await at_question(bot, "sector", answers=FILMMAKER)
    await fill(bot, user, FILMMAKER)
    for typed in (FILMMAKER["email"], "nama@gmail.com"):
        [reply] = await bot.send(user, typed)
        assert await where(bot, user) == "email"
        assert CONTENT.text(Text.BTN_USE_CARRIED, "id", value=typed) not in reply.button_texts
        await bot.press(user, CONTENT.text(Text.BTN_TO_REVIEW, "id"))
    assert (await draft_answers(bot, user))["email"] == FILMMAKER["email"]


async def test_a_new_number_said_as_new_at_its_question_leaves_no_remark(bot: Harness) -> None:
    """M5: "nomer wa ku ganti +62…" typed at the phone was kept with the remark "nomer wa ku
    ganti" said as not stored, though it only says the number is the new one."""
    user = await at_question(bot, "phone")
    [reply] = await bot.send(user, "nomor baru saya yang bener 0857-1234-5671")
    assert (await draft_answers(bot, user))["phone"] == "+6285712345671"
    assert "nomor baru" not in reply.text


@pytest.mark.parametrize(
    "typed",
    [
        "Nama lengkap saya Cut Nyak Meutia.",
        "Saya Cut Nyak Meutia.",
        "Nama saya Cut Nyak Meutia, terima kasih.",
        "Cut Nyak Meutia.",
        "Cut Nyak Meutia terima kasih kak",
    ],
)
async def test_a_polite_full_name_is_kept_without_its_full_stop_or_thanks(
    bot: Harness, typed: str
) -> None:
    """M1: "Nama lengkap saya Cut Nyak Meutia." was echoed "Kucatat: Cut Nyak Meutia.." and
    stored with its dot; "Saya Cut Nyak Meutia." and "…, terima kasih." were stored whole."""
    user = await at_question(bot, "full_name")
    [reply] = await bot.send(user, typed)
    assert (await draft_answers(bot, user))["full_name"] == "Cut Nyak Meutia"
    assert "Meutia.." not in reply.text and "terima kasih" not in reply.text


@pytest.mark.parametrize(
    ("key", "typed", "kept"),
    [
        ("full_name", "Budi S.", "Budi S."),  # an initial keeps its dot
        ("company_name", "PT. Lontara Docs.", "PT. Lontara Docs"),
        ("stage_name", "Lagu Terima Kasih", "Lagu Terima Kasih"),  # a band's name
    ],
)
async def test_a_name_keeps_an_initials_dot_and_a_name_of_thanks(
    bot: Harness, key: str, typed: str, kept: str
) -> None:
    """M1's other side: only a sentence's full stop and thanks after the name go."""
    answers = FILMMAKER if key == "company_name" else None
    user = await at_question(bot, key, answers=answers)
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))[key] == kept


@pytest.mark.parametrize(
    "typed",
    [
        "freelance kak, belum punya PH",
        "Saya independen, belum punya rumah produksi.",
        "Saya belum memiliki rumah produksi sendiri, masih independen.",
    ],
)
async def test_a_sentence_saying_there_is_no_production_house_skips_it(
    bot: Harness, typed: str
) -> None:
    """M2: "freelance kak, belum punya PH" was stored as the production house's name. Now,
    as "belum punya PH" alone was, read as none (⏭ Skip)."""
    user = await at_question(bot, "company_name", answers=FILMMAKER)
    await bot.send(user, typed)
    assert await where(bot, user) == "film_role"
    assert (await draft_answers(bot, user)).get("company_name") is None


async def test_a_production_house_named_beside_freelancing_is_kept(bot: Harness) -> None:
    """M2's other side: a sentence that names one is no "none"."""
    user = await at_question(bot, "company_name", answers=FILMMAKER)
    await bot.send(user, "Lontara Pictures, Makassar")
    assert (await draft_answers(bot, user))["company_name"] == "Lontara Pictures, Makassar"


async def test_a_swear_word_among_genres_is_never_said_back(bot: Harness) -> None:
    """L2: "hiphop, trap, boom bap jancok" got "pilih Lainnya, lalu tulis Trap dan Boom bap
    jancok": the bot told the talent to type a swear word. Now the word is no part of what
    is said back; the genres are read as before."""
    user = await at_question(bot, "genres")
    [reply] = await bot.send(user, "hiphop, trap, boom bap jancok")
    assert "jancok" not in reply.text.casefold()
    assert "Boom bap" in reply.text
    [reply] = await bot.send(user, "jancok")
    assert "jancok" not in reply.text.casefold()


async def test_a_city_said_as_the_right_one_at_the_review_is_offered(bot: Harness) -> None:
    """M5: "yang bener …" offered nothing; for a short answer too, the new one is offered."""
    user = await at_question(bot, "sector", answers=FILMMAKER)
    await fill(bot, user, FILMMAKER)
    [reply] = await bot.send(user, "kota saya salah, yang bener Bantul")
    assert await where(bot, user) == "city"
    field = CONTENT.questions["city"].label.id
    assert shown(Text.INTAKE_CARRIED_OFFER, value="Bantul", field=field) in reply.text
