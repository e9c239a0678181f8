"""Free questions as talents type them: slang, Suroboyoan, two questions in one message."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, rendered, shown, where

WHO_CAN_APPLY = CONTENT.faq["who_can_apply"]
TRAVEL_COSTS = CONTENT.faq["travel_costs"]
NOT_THIS = CONTENT.text(Text.BTN_NOT_THIS, "id")


def paragraph(markup: str, starting: str) -> str:
    """The line of an answer (as the talent reads it) that starts with these words."""
    return next(line for line in rendered(markup).split("\n") if line.startswith(starting))


def opening(text: str) -> str:
    """The first line of an answer's text, under its question and the blank line."""
    return next(line for line in text.split("\n")[1:] if line.strip())


async def test_english_slang_asking_whether_living_in_korea_qualifies(bot: Harness) -> None:
    """A talents' review s59 (#4): Grace's "can i still join even tho i live in korea? like do
    i qualify lol" got "not sure", though "aku tinggal di korea, masih bisa daftar ga kak?" got
    the answer. She gets who may register, with the line on living abroad."""
    grace = bot.user(first_name="Grace", language_code="en")
    [answer] = await bot.send(
        grace, "can i still join even tho i live in korea? like do i qualify lol"
    )
    assert answer.text.split("\n")[0] == WHO_CAN_APPLY.question.en
    assert paragraph(WHO_CAN_APPLY.answer.en, "If you are under 18") in answer.text
    assert "Living abroad? You can still register" in answer.text


async def test_suroboyoan_questions_get_the_entries_their_indonesian_gets(bot: Harness) -> None:
    """A talents' review s59 (#4): Dimas, in Suroboyoan, got "not sure" or "no answer" where
    the same questions in Indonesian are answered: any genre may register (not only K-pop),
    who pays for the flight to Korea, registering again."""
    dimas = bot.user(first_name="Dimas")
    [answer] = await bot.send(dimas, "dangdut koplo iso melok ta rek? ojok2 cuma kpop tok 🤣")
    assert answer.text.split("\n")[0] == WHO_CAN_APPLY.question.id
    assert paragraph(WHO_CAN_APPLY.answer.id, "Genre musik dan jenis film") in answer.text

    [answer] = await bot.send(
        dimas, "lek budal nang korea tiket pesawat e sopo sing mbayar cak? 🥲"
    )
    assert answer.text.split("\n")[0] == TRAVEL_COSTS.question.id
    assert rendered(TRAVEL_COSTS.answer.id).split("\n")[0] in answer.text

    # "daftar maneh" is "daftar lagi": the register-again page since session 65 (fixm65).
    [answer] = await bot.send(dimas, "rek sepurane, aku pingin daftar maneh iso ta? 😅")
    assert answer.text.split("\n")[0] == CONTENT.faq["register_again"].question.id
    assert answer.button_texts[:2] == [CONTENT.text(Text.BTN_APPLY, "id"), NOT_THIS]


async def test_a_duo_sharing_one_account_gets_the_band_paragraph(bot: Harness) -> None:
    """A talents' review s59 (#4): Tiara & Sasa's "… akun ini dipake berdua gapapa ya?" got no
    answer, though who may register says a band or duo registers with one member filling in
    the form."""
    duo = bot.user(first_name="Tiara")
    [answer] = await bot.send(duo, "kak kita duo, akun ini dipake berdua gapapa ya?")
    assert answer.text.split("\n")[0] == WHO_CAN_APPLY.question.id
    assert paragraph(WHO_CAN_APPLY.answer.id, "Band atau grup juga bisa") in answer.text


async def test_two_questions_in_one_message_answer_the_first_and_offer_the_second(
    bot: Harness,
) -> None:
    """A talents' review s59 (#5): Rina's "Apakah film dokumenter juga termasuk dalam
    program-program tersebut? Kapan batas waktu pendaftarannya?" got "not sure", though each
    half alone is answered. She gets the first question's answer, with the second's entry
    first among the buttons under it; pressing it tells her the desk has no deadline but each
    program has its own."""
    rina = bot.user(first_name="Rina")
    funding, who = CONTENT.faq["film_funding"], WHO_CAN_APPLY
    [answer] = await bot.send(
        rina,
        "Apakah film dokumenter juga termasuk dalam program-program tersebut? Kapan batas waktu"
        " pendaftarannya?",
    )
    assert answer.text.split("\n")[0] == funding.question.id
    assert paragraph(funding.answer.id, "Film dokumenter:") in answer.text
    entries = answer.button_texts[answer.button_texts.index(NOT_THIS) + 1 :]
    assert entries[0] == who.question.id  # the second question's, before the see-also
    # Re-check review T5: nothing said the second question was seen.
    assert answer.text.endswith(shown(Text.ASK_OTHER_PARTS))

    [page] = await bot.press(rina, who.question.id)
    first = opening(page.text)
    assert "tidak punya tenggat" in first and "tiap program punya tenggatnya sendiri" in first


async def test_the_deadline_question_is_not_told_there_is_no_deadline(bot: Harness) -> None:
    """A talents' review s59 (#5): "Kapan batas waktu pendaftarannya?", asked about funds,
    opened with "… bisa kapan saja, tanpa tenggat.", which a filmmaker reads as "no deadline".
    The opening says the desk has none and each program has its own, in both languages."""
    rina = bot.user(first_name="Rina")
    [answer] = await bot.send(rina, "Kapan batas waktu pendaftarannya?")
    assert answer.text.split("\n")[0] == WHO_CAN_APPLY.question.id
    first = opening(answer.text)
    assert first.startswith("Talent Desk ini") and not first.endswith("tanpa tenggat.")
    assert "tiap program punya tenggatnya sendiri" in first
    assert shown(Text.ASK_OTHER_PARTS) not in answer.text  # one question: no other to point to
    grace = bot.user(first_name="Grace", language_code="en")
    [answer] = await bot.send(grace, "is registering here free?")
    assert answer.text.split("\n")[0] == WHO_CAN_APPLY.question.en
    assert "the desk has no deadline, but each program has its own" in opening(answer.text)


async def test_a_greeting_naming_the_time_of_day_is_greeted_back_with_it(bot: Harness) -> None:
    """Pak Harun's "SELAMAT SORE" outside a form got "Halo, Harun!" (a talents' review s59);
    the form already says "Selamat sore" back. A plain "halo" still gets "Halo"."""
    harun = bot.user(first_name="Harun")
    [evening] = await bot.send(harun, "SELAMAT SORE")
    sore = CONTENT.text(Text.INTAKE_GREETING_AFTERNOON, "id")
    assert evening.text == shown(Text.ASK_GREETING_TIMED, greeting=sore, first_name="Harun")
    assert CONTENT.text(Text.BTN_PROGRAMS, "id") in evening.button_texts  # the menu
    [hello] = await bot.send(harun, "halo kak")
    assert hello.text == shown(Text.ASK_GREETING, first_name="Harun")
    grace = bot.user(first_name="Grace", language_code="en")
    [morning] = await bot.send(grace, "good morning!")
    good = CONTENT.text(Text.INTAKE_GREETING_MORNING, "en")
    assert morning.text == shown(Text.ASK_GREETING_TIMED, "en", greeting=good, first_name="Grace")


async def test_a_salam_is_returned_in_indonesian(bot: Harness) -> None:
    """Meutia's "Assalamualaikum" got "Halo, Meutia! 👋" (a talents' review s62, L4): a salam
    not returned is noticed. It gets "Waalaikumsalam", however the salam is spelt, before a
    time of day and with a welcome back; in English a greeting, as any hello gets."""
    meutia = bot.user(first_name="Meutia")
    salam = CONTENT.text(Text.INTAKE_GREETING_SALAM, "id")
    assert salam == "Waalaikumsalam"
    for said in (
        "Assalamualaikum",
        "Assalamu'alaikum wr. wb.",
        "asalamualaikum kak",
        "Assalamualaikum, selamat pagi",
    ):
        [reply] = await bot.send(meutia, said)
        assert reply.text == shown(Text.ASK_GREETING_TIMED, greeting=salam, first_name="Meutia")
        assert CONTENT.text(Text.BTN_PROGRAMS, "id") in reply.button_texts, said  # the menu
    [back] = await bot.send(meutia, "Assalamualaikum kak, aku kembali lagi")
    assert back.text == shown(Text.ASK_GREETING_BACK_TIMED, greeting=salam, first_name="Meutia")
    aisha = bot.user(first_name="Aisha", language_code="en")
    [hello] = await bot.send(aisha, "Assalamualaikum")
    hi = CONTENT.text(Text.INTAKE_GREETING_SALAM, "en")
    assert hello.text == shown(Text.ASK_GREETING_TIMED, "en", greeting=hi, first_name="Aisha")
    assert hello.text.startswith("Hi, Aisha!")


async def test_long_polite_or_dialect_questions_get_what_their_short_forms_get(
    bot: Harness,
) -> None:
    """A talents' review s61, M9: long, polite or dialect messages scored below short ones.
    Yohana's Papuan "sa mau daftar kaka, dong bilang ada program ke korea buat penyanyi" got
    "not sure" with no way to register (the form starts now); Bu Ratna's formal letter about
    her keroncong group of musicians over 60 got "no answer"; Min-seo's "sorry haha, how do I
    apply…" got "not sure". Each gets its answer; the age line says every age may register
    interest and a group gives its leader's age, as the form does."""
    # Papuan "kaka" (kakak) is a word around a wish, as "kak" is: the form starts, as it does
    # for "saya mau daftar kak"; "dong bilang …" (they say …) tells, it asks nothing.
    papuan = "sa mau daftar kaka, dong bilang ada program ke korea buat penyanyi"
    for wish in (papuan, "sa mau daftar kaka"):
        yohana = bot.user(first_name="Yohana")
        [screen] = await bot.send(yohana, wish)
        assert await where(bot, yohana) == "consent_processing", wish
        assert shown(Text.BTN_AGREE) in screen.button_texts
    ratna = bot.user(first_name="Ratna")
    [answer] = await bot.send(
        ratna,
        "Dengan hormat, saya Ratna Handayani selaku manajer Orkes Keroncong Bengawan Sari dari"
        " Solo. Apakah Anda dapat menjelaskan apakah grup keroncong kami dapat didaftarkan?"
        " Anggota kami sebagian besar berusia di atas 60 tahun. Apakah musisi senior juga"
        " diterima?",
    )
    assert answer.text.split("\n")[0] == WHO_CAN_APPLY.question.id
    ages = paragraph(WHO_CAN_APPLY.answer.id, "Semua usia boleh mendaftarkan minat")
    assert ages in answer.text and "usia ketua atau perwakilannya" in ages
    asked = "Apakah musisi senior berusia di atas 60 tahun dapat mendaftar?"
    [answer] = await bot.send(bot.user(first_name="Ratna"), asked)  # not "see above"
    assert answer.text.split("\n")[0] == WHO_CAN_APPLY.question.id
    minseo = bot.user(first_name="Min-seo", language_code="en")
    [answer] = await bot.send(
        minseo, "sorry haha, how do I apply for KOCCA support? im a filmmaker in bandung"
    )
    assert answer.text.split("\n")[0] == WHO_CAN_APPLY.question.en  # how to apply: here
    senior = bot.user(first_name="Budi", language_code="en")
    [answer] = await bot.send(senior, "Can senior musicians over 70 register?")
    assert answer.text.split("\n")[0] == WHO_CAN_APPLY.question.en
    assert paragraph(WHO_CAN_APPLY.answer.en, "People of any age") in answer.text


async def test_a_message_in_a_script_the_bot_does_not_read_is_told_which_it_reads(
    bot: Harness,
) -> None:
    """A talents' review s61, M9: Min-seo's "KOCCA 지원 어떻게 해요?" got "Sorry, I don't have an
    answer for that yet". The bot says it reads Indonesian and English, with the menu (its
    "Ask our team" still carries the message) and /ask; in Indonesian too."""
    for language, asked in (
        ("en", "KOCCA 지원 어떻게 해요?"),
        ("id", "كيف يمكنني التسجيل في البرنامج؟"),
        ("id", "สวัสดีครับ ลงทะเบียนยังไง"),
    ):
        minseo = bot.user(first_name="Min-seo", language_code=language)
        [said] = await bot.send(minseo, asked)
        assert said.text.startswith(shown(Text.ASK_OTHER_SCRIPT, language)), asked
        assert shown(Text.BTN_ASK, language) in said.button_texts
    [said] = await bot.send(minseo, "resep rendang enak gimana ya")
    assert said.text.startswith(shown(Text.ASK_NOTHING))  # Latin letters: "no answer", as before


async def test_a_statement_after_the_question_brings_no_buttons_for_what_else_was_asked(
    bot: Harness,
) -> None:
    """A talents' review s61, L3: "kalo ke korea biaya sapa yang tanggung? sa tra punya uang
    banyak" (Papuan: "I don't have much money") got the costs answer with "👇 Untuk
    pertanyaanmu yang lain, lihat tombol di bawah." and a button "Siapa yang menjalankan bot
    ini?": what follows the "?" tells, it asks nothing. A second question after it still
    brings the line (as in the test of Rina's two questions above)."""
    yohana = bot.user(first_name="Yohana")
    [answer] = await bot.send(
        yohana, "kalo ke korea biaya sapa yang tanggung? sa tra punya uang banyak"
    )
    assert answer.text.split("\n")[0] == TRAVEL_COSTS.question.id
    assert shown(Text.ASK_OTHER_PARTS) not in answer.text
    assert CONTENT.faq["who_runs"].question.id not in answer.button_texts
    # A question after the "?" without one of its own still asks: its line and its button.
    [answer] = await bot.send(
        yohana,
        "Apakah film dokumenter juga termasuk dalam program-program tersebut? Kapan batas"
        " waktu pendaftarannya",
    )
    assert answer.text.split("\n")[0] == CONTENT.faq["film_funding"].question.id
    assert answer.text.endswith(shown(Text.ASK_OTHER_PARTS))


async def test_saying_you_will_come_back_later_is_a_goodbye_not_the_kofic_page(
    bot: Harness,
) -> None:
    """A recheck review s61 (noticed by match61b): "oke makasih, nanti saya kembali lagi" got
    KOFIC's incentive page ("kembali", its "dana kembali"), from any talent. Coming back later
    is a goodbye, as "nanti saya lanjut" is: "Siap!", no page and no buttons of one."""
    kofic = CONTENT.programs["kofic_incentive"].title
    dimas = bot.user(first_name="Dimas")
    for goodbye in ("nanti saya kembali lagi", "oke nanti aku balik lagi ya kak"):
        [reply] = await bot.send(dimas, goodbye)
        assert reply.text == shown(Text.ASK_OKAY), goodbye
        assert kofic.id not in reply.text
        assert NOT_THIS not in reply.button_texts
    # "Another time" too (the last try-out: "lain kali aja" got the managers' page).
    for goodbye in ("lain kali aja", "lain kali aja kak", "Oke kak, lain waktu aja"):
        [reply] = await bot.send(dimas, goodbye)
        assert reply.text == shown(Text.ASK_OKAY), goodbye
    min_seo = bot.user(first_name="Min-seo", language_code="en")
    for goodbye in (
        "I'll come back later",
        "maybe later",
        "maybe next time",
        "some other time",
        "another time then",
    ):
        [reply] = await bot.send(min_seo, goodbye)
        assert reply.text == shown(Text.ASK_OKAY, "en"), goodbye
    # The same words apart, or with a question, are no goodbye (the last review s61, L2).
    for asked in ("kali ini lain", "lain kali ada program apa?"):
        [reply] = await bot.send(dimas, asked)
        assert reply.text != shown(Text.ASK_OKAY), asked
    # Back again is no KOFIC question either (the last review s61, M2: its whole page).
    for back in ("halo kak, aku kembali lagi 😊", "Besok saya kembali lagi ya kak"):
        [reply] = await bot.send(dimas, back)
        assert kofic.id not in reply.text, back
    # The KOFIC question itself still gets its page.
    [page] = await bot.send(dimas, "insentif KOFIC dananya dikembalikan berapa persen?")
    assert page.text.split("\n")[0] == kofic.id


async def test_wishing_something_given_back_without_an_erasure_is_not_offered_kofic(
    bot: Harness,
) -> None:
    """match61's report: a talent who erased nothing and types "yah kehapus ya? bisa dibalikin
    ga min" got the data page with a KOFIC button, and "bisa dibalikin ga min" alone KOFIC's
    page: "dibalikin" is read as "kembali", KOFIC's "dana kembali". Data wished back is not
    money given back: the data page without KOFIC, and "no answer" (the team can help)."""
    kofic = CONTENT.programs["kofic_incentive"].title.id
    sari = bot.user(first_name="Sari")
    [answer] = await bot.send(sari, "yah kehapus ya? bisa dibalikin ga min")
    assert answer.text.split("\n")[0] == CONTENT.faq["my_data"].question.id
    assert not any(kofic in text or "KOFIC" in text for text in answer.button_texts)
    [reply] = await bot.send(sari, "bisa dibalikin ga min")
    assert reply.text.split("\n")[0] != kofic
    assert "KOFIC" not in reply.text
    assert not any("KOFIC" in text for text in reply.button_texts)
