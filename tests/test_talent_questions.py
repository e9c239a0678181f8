"""What talents meet of their questions to the team: /status counts them, a staff answer says
what it answers, and "Balas tim kami" says what the talent replies to."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answers.text import asks_after_reply
from bot.emulator import EmulatedChat
from bot.leads.export import to_wib
from bot.leads.pipeline_stats import short_day
from bot.store import utc_now
from bot.store.support import OwnQuestions
from bot.support import quote_of, still_waiting
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded, shown
from tests.test_support import DONE_BUTTON, answer, relayed_question, staff_member
from tests.workspace import workspace


def today() -> str:
    """Today as /status names a day ("3 Des")."""
    return short_day(CONTENT, to_wib(utc_now()).date(), "id")


async def test_status_counts_the_talents_own_questions_to_the_team(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    rizky = bot.user(first_name="Rizky")
    budi = bot.user(first_name="Budi")
    [nothing] = await bot.send(rizky, "/status")
    assert nothing.text == shown(Text.STATUS_NONE)  # never asked: no word on questions

    question = await relayed_question(bot, staff_chat, rizky, "kak tiket MU:CON ditanggung?")
    status, still = await bot.send(rizky, "/status")
    assert still.text == shown(Text.SUPPORT_STILL_ASKING)  # what they type next goes on to staff
    waiting = shown(Text.STATUS_QUESTIONS_WAITING, count=1, since=today())
    assert status.text == f"{shown(Text.STATUS_NONE)}\n\n{waiting}"
    assert "tiket" not in status.text  # counted, never quoted
    # Another talent's question is not theirs.
    [other] = await bot.send(budi, "/status")
    assert other.text == shown(Text.STATUS_NONE)

    # Answered: counted as answered, and who answered is never named.
    staff = staff_member(bot, staff_chat)
    await answer(bot, staff, staff_chat, "Ditanggung sebagian, kak.", question)
    status, _ = await bot.send(rizky, "/status")
    answered = shown(Text.STATUS_QUESTIONS_ANSWERED, count=1)
    assert status.text == f"{shown(Text.STATUS_NONE)}\n\n{answered}"
    assert staff.first_name not in status.text

    # Thanks that ask nothing, under staff's answer: staff read them, and nothing waits (a
    # talents' review, L2: /status said "masih menunggu jawaban sejak …").
    await bot.press(rizky, CONTENT.text(Text.BTN_ASK_REPLY, "id"))
    mark = staff_chat.mark()
    thanks = "Baik, terima kasih… akan saya kirimkan lewat email besok."
    [acknowledged] = await bot.send(rizky, thanks)
    assert acknowledged.text == shown(Text.SUPPORT_ACK_THANKS)  # no "the answer will come"
    assert thanks in [message.text for message in staff_chat.messages_since(mark)]
    status, _ = await bot.send(rizky, "/status")
    assert status.text == f"{shown(Text.STATUS_NONE)}\n\n{answered}"
    # A question after them waits, and is the only one counted.
    await relayed_question(bot, staff_chat, rizky, "oke kak, kalau visa gimana?")
    status, _ = await bot.send(rizky, "/status")
    assert status.text == f"{shown(Text.STATUS_NONE)}\n\n{waiting}"


@pytest.mark.parametrize(
    ("typed", "waits"),
    [
        ("Baik, terima kasih… akan saya kirimkan lewat email besok.", False),
        ("oke kak siap 🙏", False),
        ("makasih, tapi emailnya belum masuk", True),  # something is not so
        ("makasih kak, kapan pengumumannya", True),  # asks, without "?"
        ("Terima kasih, ini portofolio saya https://vimeo.com/1", True),  # sent something
        # More than thanks (an attacker's review: these stopped waiting).
        ("makasih kak, tapi saya masih bingung", True),
        ("makasih kak, tapi salah orang", True),
        ("thanks but that's wrong", True),
        ("Terima kasih, saya butuh jawaban secepatnya", True),
        ("Thanks. Please call me", True),
        ("Thank you, I'm still waiting for the schedule", True),
        ("terima kasih. mohon dikabari", True),
    ],
)
def test_after_an_answer_only_thanks_that_ask_nothing_stop_waiting(typed: str, waits: bool) -> None:
    own = OwnQuestions(waiting=(("2026-12-01T03:00:00+00:00", typed),), answered=1)
    assert bool(still_waiting(own)) is waits
    assert still_waiting(replace(own, answered=0))  # before any answer, every message waits


@pytest.mark.parametrize(
    ("asked", "quoted"),
    [
        # Cut inside a word: before it (a staff review s55: "…ditanggung? R…", "…progra…").
        (
            "Halo kak, saya mau tanya apakah biaya tiket pesawat ke Korea ditanggung? Rencananya",
            "Halo kak, saya mau tanya apakah biaya tiket pesawat ke…",
        ),
        (
            "Kak kalau umur saya sudah 31 tahun masih bisa ikut program musisi ke Korea?",
            "Kak kalau umur saya sudah 31 tahun masih bisa ikut program…",
        ),
        # Cut between words, or not cut: as it was.
        (
            "bang tiket pesawat MU:CON ditanggung ga? soalnya aku dari Medan, jauh banget",
            "bang tiket pesawat MU:CON ditanggung ga? soalnya aku dari…",
        ),
        ("kalau visa gimana bang?", "kalau visa gimana bang?"),
        # One long word: cut inside it all the same (nothing else to quote).
        ("a" * 80, "a" * 59 + "…"),
    ],
)
def test_a_quoted_question_is_cut_before_the_word_it_falls_in(asked: str, quoted: str) -> None:
    assert quote_of(asked) == quoted


async def test_a_staff_answer_starts_by_naming_the_question_it_answers(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """From the staff group and from the workspace, a staff answer starts with one line: the
    team's answer to the talent's question, quoted shortened, as text (a talent reading it a
    day later could not tell what it was)."""
    rizky = bot.user(first_name="Rizky")
    await seeded(bot.database, [Seed(rizky.id, MUSICIAN, first_name="Rizky")])
    asked = "bang <b>tiket</b> pesawat MU:CON ditanggung ga? soalnya aku dari Medan, jauh banget"
    question = await relayed_question(bot, staff_chat, rizky, asked)
    quoted = "bang <b>tiket</b> pesawat MU:CON ditanggung ga? soalnya aku…"  # 60 characters
    assert len(quoted) == 60
    staff = staff_member(bot, staff_chat)
    await answer(bot, staff, staff_chat, "Ditanggung sebagian, kak.", question)
    heading = shown(Text.SUPPORT_ANSWER_HEADING, question=quoted)
    delivered = rizky.last_message
    assert delivered.text == f"{heading}\n\nDitanggung sebagian, kak."
    assert "&lt;b&gt;tiket&lt;/b&gt;" in (delivered.html or "")  # their words stay text
    assert delivered.button_texts == [CONTENT.text(Text.BTN_ASK_REPLY, "id")]
    # What the log keeps of it is staff's words only (the Questions tab shows those).
    [kept] = [e.text for e in await bot.store.log.for_chat(rizky.id) if e.kind == "staff_answer"]
    assert kept == "Ditanggung sebagian, kak."

    # From the workspace, to the next question that waits: the same line, that question.
    await relayed_question(bot, staff_chat, rizky, "kalau visa gimana bang?")
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("reply", {"id": 1, "text": "Visa diurus sendiri, kak."})
    heading = shown(Text.SUPPORT_ANSWER_HEADING, question="kalau visa gimana bang?")
    assert rizky.last_message.text == f"{heading}\n\nVisa diurus sendiri, kak."

    # A photo can carry no line above it: the line comes first, then the photo.
    await relayed_question(bot, staff_chat, rizky, "contoh posternya ada bang?")
    photo_question = staff_chat.last_message
    mark = rizky.mark()
    await bot.act(staff, staff.send_photo, caption="Ini contohnya", content=b"JPEG-answer",
                  chat=staff_chat, reply_to=photo_question)  # fmt: skip
    line, photo = rizky.messages_since(mark)
    assert line.text == shown(Text.SUPPORT_ANSWER_HEADING, question="contoh posternya ada bang?")
    assert (photo.kind, photo.text) == ("photo", "Ini contohnya")


async def test_reply_to_our_team_says_what_it_replies_to_and_stays_in_that_thread(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """ "💬 Balas tim kami" under a staff answer: the talent reads that they reply to the team's
    answer about their question (it opened the invitation to a new question, as if starting
    over), and their reply reaches staff under that answer, not as a new question."""
    rizky = bot.user(first_name="Rizky")
    question = await relayed_question(bot, staff_chat, rizky, "bang tiket MU:CON ditanggung ga?")
    staff = staff_member(bot, staff_chat)
    answered = staff.send("Ditanggung sebagian, kak.", chat=staff_chat, reply_to=question)
    await bot.settle(answered)
    staff_answer = answered["message"]["message_id"]

    [invite] = await bot.press(rizky, CONTENT.text(Text.BTN_ASK_REPLY, "id"))
    expected = shown(Text.SUPPORT_REPLY_INVITE, question="bang tiket MU:CON ditanggung ga?")
    assert invite.text == expected
    assert invite.button_texts == [CONTENT.text(Text.BTN_ASK_DONE, "id")]

    mark = staff_chat.mark()
    await bot.send(rizky, "oke bang, kalau visa gimana?")
    header, reply = staff_chat.messages_since(mark)
    assert header.reply_to_message_id == staff_answer  # under staff's answer
    replying = shown(Text.SUPPORT_HEADER_REPLYING_TO, question="bang tiket MU:CON ditanggung ga?")
    assert replying in header.text
    assert "Rizky" in header.text
    assert (reply.text, reply.reply_to_message_id) == (
        "oke bang, kalau visa gimana?",
        header.message_id,
    )

    # A first question after /tanya is no reply: its header stands on its own. (A question the
    # FAQ answers with high confidence is answered first, so this one is none the FAQ answers.)
    budi = bot.user(first_name="Budi")
    mark = staff_chat.mark()
    await bot.send(budi, "/tanya")
    await bot.send(budi, "kak, apakah tim bisa telepon saya besok sore?")
    header, _ = staff_chat.messages_since(mark)
    assert header.reply_to_message_id is None
    assert "↩️" not in header.text


async def test_asking_whether_the_team_replied_gets_the_status_line_on_questions(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """ "Sudah ada balasan?" outside ask mode: /status's line on the talent's questions to the
    team, not an FAQ entry (a talents' review, H4: the language page)."""
    sari = bot.user(first_name="Sari")
    copy = await relayed_question(bot, staff_chat, sari, "Kak, koproduksi dokumenter bisa?")
    await bot.press(sari, DONE_BUTTON)
    waiting = shown(Text.STATUS_QUESTIONS_WAITING, count=1, since=today())
    for asked in (
        "Selamat sore. Apakah sudah ada balasan dari tim atas pertanyaan saya kemarin?",
        "Sudah ada balasan?",
        "udah dibales blm kak",
    ):
        mark = staff_chat.mark()
        [said] = await bot.send(sari, asked)
        assert said.text == waiting
        assert staff_chat.messages_since(mark) == []  # not a new question for staff
    await answer(bot, staff_member(bot, staff_chat), staff_chat, "Bisa, kak.", copy)
    await bot.send(sari, "/tanya")  # and "Selesai bertanya": out of the talk with the team
    await bot.press(sari, DONE_BUTTON)
    [said] = await bot.send(sari, "Sudah ada balasan?")
    assert said.text == shown(Text.STATUS_QUESTIONS_ANSWERED, count=1)
    # Never asked the team: that nothing reached them and how to ask (a second attacker's
    # review s56: only "you have not registered"), then /status itself, not the language page.
    budi = bot.user(first_name="Budi")
    [said] = await bot.send(budi, "Sudah ada balasan?")
    assert said.text == f"{shown(Text.STATUS_QUESTIONS_NONE_ASK)}\n\n{shown(Text.STATUS_NONE)}"
    # Thanks for an answer ask nothing: small talk, as before.
    [said] = await bot.send(sari, "makasih kak, sudah dijawab")
    assert "💬" not in said.text
    # In English, asking for news of the question: the same line (a talents' review s56, H4:
    # "any update on my question?" got the page on whether the info is current).
    rina = bot.user(first_name="Rina", language_code="en")
    await relayed_question(bot, staff_chat, rina, "Can a documentary be co-produced?")
    await bot.press(rina, CONTENT.text(Text.BTN_ASK_DONE, "en"))
    day = short_day(CONTENT, to_wib(utc_now()).date(), "en")
    for asked in (
        "Hi, any update on my question?",
        "any news on my question?",
        "Have you heard back about my question?",
    ):
        said = (await bot.send(rina, asked))[-1]
        assert said.text == shown(Text.STATUS_QUESTIONS_WAITING, "en", count=1, since=day)


async def test_sorry_for_a_late_reply_is_no_question_about_the_teams_reply(
    bot: Harness,
) -> None:
    """ "Maaf baru balas" opens many a message: the question after it is answered, not told
    that no question of the talent's reached the team (a talents' review s57, H1)."""
    yohanis = bot.user(first_name="Yohanis")
    for typed, key in (
        (
            "Selamat pagi kaka, maaf baru balas. Sa mau tanya, program untuk dokumenter ada kah?",
            "film_funding",
        ),
        ("maaf baru respon kak, ada program untuk dangdut?", "programs_overview"),
    ):
        [said] = await bot.send(yohanis, typed)
        assert shown(Text.STATUS_QUESTIONS_NONE_ASK) not in said.text, typed
        assert said.text.split("\n")[0] == CONTENT.faq[key].question.id, typed
    jiyeon = bot.user(first_name="Jiyeon", language_code="en")
    typed = "Sorry for the late reply! Is there any program for documentaries?"
    [said] = await bot.send(jiyeon, typed)
    assert shown(Text.STATUS_QUESTIONS_NONE_ASK, "en") not in said.text
    assert said.text.split("\n")[0] == CONTENT.faq["film_funding"].question.en


@pytest.mark.parametrize(
    ("typed", "asks"),
    [
        ("Apakah sudah ada balasan dari tim atas pertanyaan saya kemarin?", True),
        ("Jawabannya udah masuk belum ya kak", True),
        ("Has the team answered my question yet?", True),
        ("any reply yet?", True),
        ("Hi, any update on my question?", True),
        ("Ada kabar soal pertanyaanku?", True),
        ("I haven't heard back from the team", True),
        ("any update on the MU:CON deadline?", False),  # news of a program, not their question
        ("Saya ada pertanyaan soal perkembangan program", False),
        ("I heard back from KOCCA about MU:CON, what next", False),
        ("makasih kak, sudah dijawab", False),  # thanks for one
        ("Bagaimana cara ganti bahasa?", False),
        ("pertanyaan yang tidak bisa dijawab mau hubungi staf", False),  # no "by now"
        # A talents' review (s57, H1): the sender's own late reply, an answer of their own, a
        # reply from someone else: none asks whether the team answered.
        ("maaf baru respon kak, ada program untuk dangdut?", False),
        ("Sorry for the late reply! Is there any program for documentaries?", False),
        ("kalau saya belum punya jawaban untuk karya penting, boleh dikosongkan?", False),
        ("apakah ada respon dari KOCCA soal kerja sama Januari 2026?", False),
        ("maaf baru balas. Sudah ada jawaban dari tim?", True),  # and then asks it
        ("udah lama ga dibales kak", True),
        ("ada balasan dari kalian belum?", True),
    ],
)
def test_asking_whether_the_team_replied_is_told_from_other_messages(
    typed: str, asks: bool
) -> None:
    assert asks_after_reply(typed) is asks
