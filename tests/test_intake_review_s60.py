"""What the talents' review of session 60 typed at the form, read as they meant it: a letter's
sign-off at a name, a city's spelling and province, an address or a password beside a link,
a wish not to give a number, a question at the note, a province inside a story."""

from __future__ import annotations

from bot.leads import field_checks
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


async def test_a_link_with_its_password_is_kept_without_the_password(bot: Harness) -> None:
    """L4: "vimeo.com/…/showreel2025 (kata sandi: ctimur25)" was refused whole, and the link
    had to be sent again. Now the link is kept, the password never stored, and that is said."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, "vimeo.com/cahayatimur/showreel2025 (kata sandi: ctimur25)")
    answers = await draft_answers(bot, user)
    assert answers["portfolio_url"] == "https://vimeo.com/cahayatimur/showreel2025"
    assert "ctimur25" not in repr(answers)
    assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
    assert await where(bot, user) == "other_links"


async def test_a_www_address_among_other_links_gets_its_https(bot: Harness) -> None:
    """L5: "www.cahayatimur.co.id" at the other links was kept without "https://", where
    the work's link has it."""
    user = await at_question(bot, "other_links", answers=FILMMAKER)
    await bot.send(user, "www.cahayatimur.co.id\ninstagram.com/cahayatimur")
    kept = (await draft_answers(bot, user))["other_links"]
    assert kept == "https://www.cahayatimur.co.id\nhttps://instagram.com/cahayatimur"


async def test_an_email_at_the_notable_works_is_asked_back(bot: Harness) -> None:
    """L3: an address typed one step early ("putu.wirawan@gmail,com") was stored as the
    notable works; sent once more, it is the answer."""
    user = await at_question(bot, "notable_works")
    for typed in ("putu.wirawan@gmail,com", "putu.wirawan@gmail.com"):
        [reply] = await bot.send(user, typed)
        assert reply.text.startswith(shown(Text.INTAKE_EMAIL_EARLY)), typed
        assert await where(bot, user) == "notable_works"
        assert "notable_works" not in await draft_answers(bot, user)
    await seen(bot, user)
    await bot.send(user, "putu.wirawan@gmail.com")
    assert (await draft_answers(bot, user))["notable_works"] == "putu.wirawan@gmail.com"


async def test_no_whatsapp_at_the_phone_gets_why_and_what_to_do(bot: Harness) -> None:
    """M8: "GAK PUNYA WA, DM IG AJA" got "I couldn't recognize that number". Now: any number
    will do, why it is asked, and what to do without one; the question stays (it is
    required), and a plain number is then taken."""
    user = await at_question(bot, "phone")
    for typed in ("GAK PUNYA WA, DM IG AJA", "ga ada hp kak, hubungi lewat email aja"):
        [reply] = await bot.send(user, typed)
        assert reply.text.startswith(shown(Text.INTAKE_PHONE_NONE)), typed
        assert await where(bot, user) == "phone"
    await bot.send(user, "0812 3456 7801")
    assert (await draft_answers(bot, user))["phone"] == "+6281234567801"


async def test_a_worry_about_the_number_at_the_note_is_answered_before_it_is_kept(
    bot: Harness,
) -> None:
    """M4a: "NOMOR HP KU BUAT APA KAU? JANGAN DIJUAL YA" was stored silently as the note to
    the team; its answer came only after sending. Now: what the details are for, nothing kept
    yet; sent once more, it is the note. Any other note is kept as it was."""
    user = await at_question(bot, "message")
    worry = "NOMOR HP KU BUAT APA KAU? JANGAN DIJUAL YA"
    [reply] = await bot.send(user, worry)
    assert reply.text.startswith(shown(Text.INTAKE_NOTE_DATA_ASKED))
    assert await where(bot, user) == "message"
    assert "message" not in await draft_answers(bot, user)
    await seen(bot, user)
    await bot.send(user, worry)
    assert (await draft_answers(bot, user))["message"] == worry
    assert await where(bot, user) == "review"
    user = await at_question(bot, "message")
    await bot.send(user, "Kalau ke Korea biaya tiket siapa yang tanggung?")
    assert await where(bot, user) == "review"


_STORY = (
    "nggih jadi begini, tiang tinggal di Gianyar Bali sejak kecil, di banjar Peliatan dekat"
    " Ubud, dulu sempat kuliah di ISI Denpasar jurusan karawitan, sekarang tiang bikin musik"
    " gamelan semar pegulingan dipadu synth dan beat elektronik, sudah rilis 2 album di"
    " spotify, kemarin tampil di Bali Arts Festival, tiang pengen sekali bawa gamelan ke"
    " Korea, apakah bisa nggih? suksma"
)


async def test_a_province_named_beside_a_question_or_in_a_long_story_is_offered(
    bot: Harness,
) -> None:
    """M4b/M5: "tiang di Gianyar, Bali nggih. oh ya apakah gamelan bisa dibawa tampil ke
    Korea?" got the question answered and Bali dropped; a 371-character story with Bali in
    it was refused by its length. Now Bali is offered on its button (Gianyar with it), the
    story pointed to the last question; Korea, gone to, is no place the talent lives."""
    offer = shown(Text.INTAKE_PROVINCE_OF_CITY_NOTED, city="Gianyar", province="Bali")
    user = await at_question(bot, "province")
    replies = await bot.send(
        user, "tiang di Gianyar, Bali nggih. oh ya apakah gamelan bisa dibawa tampil ke Korea?"
    )
    assert offer in replies[-1].text
    assert "province" not in await draft_answers(bot, user)  # offered, never taken unasked
    await bot.press(user, "Bali")
    answers = await draft_answers(bot, user)
    assert (answers["province"], answers["city"]) == ("bali", "Gianyar")
    assert len(_STORY) > field_checks.TYPED_AT_BUTTONS_AT_MOST
    user = await at_question(bot, "province")
    [reply] = await bot.send(user, _STORY)
    assert reply.text.startswith(shown(Text.INTAKE_PLACE_FROM_LONG, other="Pesan untuk tim kami"))
    assert offer in reply.text
    await bot.press(user, "Bali")
    answers = await draft_answers(bot, user)
    assert (answers["province"], answers["city"]) == ("bali", "Gianyar")


async def test_a_city_named_beside_a_question_at_the_province_gets_both(bot: Harness) -> None:
    """A re-check s60, M2: "aku di Medan kak, btw kalau mau ikut program harus bisa bahasa
    Korea ga?" got only "Medan ada di Sumatera Utara. Betul ini provinsimu?"; the question
    got no word. Now it is answered above the offer, as with a province named."""
    korean = CONTENT.faq["korean_language"]
    user = await at_question(bot, "province", answers=FILMMAKER)
    replies = await bot.send(
        user, "aku di Medan kak, btw kalau mau ikut program harus bisa bahasa Korea ga?"
    )
    assert any(reply.text.split("\n")[0] == korean.question.id for reply in replies)
    offer = shown(Text.INTAKE_PROVINCE_OF_CITY_NOTED, city="Medan", province="Sumatera Utara")
    assert offer in replies[-1].text
    assert "province" not in await draft_answers(bot, user)
    await bot.press(user, "Sumatera Utara")
    answers = await draft_answers(bot, user)
    assert (answers["province"], answers["city"]) == ("sumatera_utara", "Medan")


async def test_a_link_or_its_password_at_the_city_is_not_stored_as_the_city(bot: Harness) -> None:
    """A re-check s60, M3: "vimeo.com/wayan/gamelan2025 (kata sandi: gmln25)" typed at the
    city was stored as the city, password and all. A password beside a link is kept at no
    text step (the note excepted, where the talent is sent with it), however often sent; a
    link alone at the city is asked back, as an email at the works is."""
    locked = "vimeo.com/wayan/gamelan2025 (kata sandi: gmln25)"
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": "bali"})
    for _ in range(2):
        [refused] = await bot.send(user, locked)
        assert refused.text.startswith(shown(Text.INTAKE_PASSWORD_NOT_KEPT))
        assert await where(bot, user) == "city"
    [asked] = await bot.send(user, "vimeo.com/wayan/gamelan2025")
    assert asked.text.startswith(shown(Text.INTAKE_LINK_EARLY))
    [asked] = await bot.send(user, "wayan.s@gmail.com")
    assert asked.text.startswith(shown(Text.INTAKE_EMAIL_EARLY))
    assert "city" not in await draft_answers(bot, user)
    await bot.send(user, "Gianyar")
    assert (await draft_answers(bot, user))["city"] == "Gianyar"
    # At the notable works too, nothing of it stored.
    user = await at_question(bot, "notable_works")
    [refused] = await bot.send(user, f"Album Gamelan 2025, {locked}")
    assert refused.text.startswith(shown(Text.INTAKE_PASSWORD_NOT_KEPT))
    assert "notable_works" not in await draft_answers(bot, user)
    # The note, where the talent is told to put it, keeps it.
    user = await at_question(bot, "message")
    await bot.send(user, f"Video terkunci: {locked}")
    assert await where(bot, user) == "review"
