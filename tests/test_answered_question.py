"""Which of a talent's waiting messages a staff answer names and goes under: their question,
not the "makasih kak", "oke kak ditunggu ya" or "kapan ada kabar kak?" they sent after it (a
new staff member's review s57, H1: the team's answers came headed "Jawaban tim kami untuk
pertanyaanmu “makasih kak”"), from the staff group, the Questions tab, a lead page and a
holding reply alike."""

from __future__ import annotations

from typing import Any

from bot.emulator import EmulatedChat
from bot.leads.export import plain_text
from bot.support import quote_of
from bot.texts import Text
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, group_sent, seeded
from tests.test_support import answer, answer_words, ask, staff_member
from tests.workspace import workspace

MOVING = "kak kalau saya pindah ke Jakarta, perlu daftar ulang?"
AUDITION = "kak satu lagi, audisinya online ga?"


def heading(key: Text, language: str = "id", **values: str) -> str:
    """A staff answer's first line, as the talent reads it."""
    return plain_text(CONTENT.text(key, language, **values))


def foreseen(key: Text, **values: str) -> str:
    """What the workspace says above a reply box: the heading the talent will get."""
    return plain_text(
        CONTENT.text(Text.WS_REPLY_HEADING_SHOWN, "id", heading=heading(key, **values))
    )


async def test_a_group_reply_to_their_thanks_is_headed_with_the_question_above_it(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """Andi asks, then "oke kak ditunggu ya" and "makasih kak 🙏"; staff reply to the newest
    message in the group, as people do. He gets the answer under his question, as a reply to
    it, and the workspace foresaw the same heading."""
    andi = bot.user(first_name="Andi")
    await seeded(bot.database, [Seed(andi.id, MUSICIAN, first_name="Andi")])
    mark = staff_chat.mark()
    question, *_ = await ask(bot, andi, MOVING, "oke kak ditunggu ya", "makasih kak 🙏")
    *_, thanks = staff_chat.messages_since(mark)
    assert thanks.text == "makasih kak 🙏"
    async with workspace(bot, ADMIN_ID) as client:
        [talent] = (await client.ok("questions"))["talents"]
        lead = await client.ok("lead", {"id": 1})
    quoted = foreseen(Text.SUPPORT_ANSWER_HEADING, question=MOVING)
    assert talent["reply_heading"] == lead["reply_heading"] == quoted

    await answer(bot, staff_member(bot, staff_chat), staff_chat, "Tidak perlu, kak.", thanks)
    got = andi.last_message
    assert got.text.startswith(heading(Text.SUPPORT_ANSWER_HEADING, question=MOVING))
    assert "makasih" not in got.text and "ditunggu" not in got.text
    assert got.reply_to_message_id == question  # the bubble above it is his question too


async def test_a_holding_reply_and_the_answer_after_it_name_the_question_not_the_follow_ups(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """Rina asks about the audition, then "kapan ada kabar kak?"; staff send a holding reply
    from the Questions tab, she answers "oke kak ditunggu ya, aku juga bisa nyanyi lagu
    Korea", and the full answer follows: both name her audition question."""
    rina = bot.user(first_name="Rina")
    await ask(bot, rina, AUDITION, "kapan ada kabar kak?")
    audition = heading(Text.SUPPORT_ANSWER_HEADING, question=AUDITION)
    async with workspace(bot, ADMIN_ID) as client:
        [talent] = (await client.ok("questions"))["talents"]
        assert talent["reply_heading"] == foreseen(Text.SUPPORT_ANSWER_HEADING, question=AUDITION)
        held = {"talent": rina.id, "text": "Kami cek dulu ya, kak.", "holding": True}
        assert (await client.ok("questions-reply", held))["outcome"] == "sent"
        assert rina.last_message.text.startswith(audition)
        assert answer_words(rina.last_message) == "Kami cek dulu ya, kak."

        await bot.send(rina, "oke kak ditunggu ya, aku juga bisa nyanyi lagu Korea")
        [talent] = (await client.ok("questions"))["talents"]
        assert talent["reply_heading"] == foreseen(Text.SUPPORT_ANSWER_HEADING, question=AUDITION)
        final = {"talent": rina.id, "text": "Audisinya daring, kak."}
        assert (await client.ok("questions-reply", final))["outcome"] == "sent"
    assert rina.last_message.text.startswith(audition)
    assert "Korea" not in rina.last_message.text.partition("\n\n")[0]


async def test_an_answer_to_only_an_okay_quotes_nothing(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """After an answer, her "oke kak" (which may answer what staff asked) waits; staff's reply
    to it is headed as a reply to her message, without quoting "oke kak" as what it answers."""
    sari = bot.user(first_name="Sari")
    await ask(bot, sari, "Boleh kirim portofolio lewat email?")
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("questions-reply", {"talent": sari.id, "text": "Boleh, kak."})
        await bot.send(sari, "oke kak")
        [talent] = (await client.ok("questions"))["talents"]
        assert talent["reply_heading"] == foreseen(Text.SUPPORT_REPLY_HEADING_PLAIN)
        await client.ok("questions-reply", {"talent": sari.id, "text": "Sip, ditunggu ya."})
    assert sari.last_message.text == (
        f"{heading(Text.SUPPORT_REPLY_HEADING_PLAIN)}\n\nSip, ditunggu ya."
    )


REQUEST = "Mohon info syarat usia untuk program koproduksi"
SPOTIFY = "Apakah lagu yang sudah rilis di Spotify tahun lalu masih boleh dikirim?"
AGE = "Apakah saya masih bisa ikut kalau umur saya 45?"
FILMS = "Saya juga punya 2 film pendek yang sudah tayang di festival"


async def listed(bot: Harness) -> list[list[str]]:
    """What the Questions tab lists of each talent: their waiting messages (and the staff
    answers among them), as staff read them."""
    async with workspace(bot, ADMIN_ID) as client:
        found = await client.ok("questions")
    return [[line["text"] for line in talent["questions"]] for talent in found["talents"]]


def others_waiting(name: str, count: int) -> str:
    """The group's confirmation when other messages of the talent's still wait."""
    return group_sent(name, count)


async def test_a_group_reply_answers_the_message_replied_to_and_never_the_question_beside_it(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """An attacker's review s57, H1: Kevin asked for the age limit without a "?" and then about
    Spotify; a reply to the first went to him headed with the Spotify question, under it, and
    that question left the Questions tab. A reply in the group answers the message replied to
    (a request, a detail), goes under it, and the question beside it stays waiting."""
    kevin, rina, tono = (bot.user(first_name=name) for name in ("Kevin", "Rina", "Tono"))
    staff = staff_member(bot, staff_chat)
    mark = staff_chat.mark()
    request, _ = await ask(bot, kevin, REQUEST, SPOTIFY)
    _, asked_for, _ = staff_chat.messages_since(mark)
    await answer(bot, staff, staff_chat, "Minimal 17 tahun, kak.", asked_for)
    got = kevin.last_message
    assert got.text == f"{heading(Text.SUPPORT_REPLY_HEADING, message=REQUEST)}\n\n" + (
        "Minimal 17 tahun, kak."
    )
    assert got.reply_to_message_id == request
    assert staff_chat.last_message.text == others_waiting("Kevin", 1)
    assert await listed(bot) == [[SPOTIFY, "Minimal 17 tahun, kak."]]

    # A detail after a question: the reply is about the detail, not a yes to the question.
    mark = staff_chat.mark()
    _, films = await ask(bot, rina, AGE, FILMS)
    *_, detail = staff_chat.messages_since(mark)
    await answer(bot, staff, staff_chat, "Wah, keren! Silakan cantumkan di formulir.", detail)
    got = rina.last_message
    assert got.text.startswith(heading(Text.SUPPORT_REPLY_HEADING, message=quote_of(FILMS)))
    assert "45" not in got.text
    assert got.reply_to_message_id == films
    assert staff_chat.last_message.text == others_waiting("Rina", 1)
    assert [AGE, "Wah, keren! Silakan cantumkan di formulir."] in await listed(bot)

    # A reply to a greeting with nothing said before it: no quote, under the greeting; the
    # question after it is not answered by it.
    mark = staff_chat.mark()
    hello, _ = await ask(bot, tono, "Halo kak 👋", "Apakah harus punya paspor?")
    _, greeting, _ = staff_chat.messages_since(mark)
    await answer(bot, staff, staff_chat, "Halo, Tono!", greeting)
    assert tono.last_message.text == f"{heading(Text.SUPPORT_ANSWER_HEADING_NONE)}\n\nHalo, Tono!"
    assert tono.last_message.reply_to_message_id == hello
    assert staff_chat.last_message.text == others_waiting("Tono", 1)
    assert ["Apakah harus punya paspor?", "Halo, Tono!"] in await listed(bot)


async def test_a_group_reply_to_one_question_leaves_media_and_requests_waiting_and_says_so(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """An attacker's review s57, H2: after a reply to Kevin's passport question, his voice
    note, his captioned photo and his question without "?" left the Questions tab, and the
    group read only "Terkirim". Every message that says something stays waiting; only his
    small talk ("makasih kak") is answered with it; the group is told how many wait."""
    kevin = bot.user(first_name="Kevin")
    mark = staff_chat.mark()
    await bot.send(kevin, "/tanya")
    await bot.act(kevin, kevin.send_voice)
    await bot.act(kevin, kevin.send_photo, caption="Poster film kami, boleh ikut dengan ini")
    await ask(
        bot,
        kevin,
        "Kak mau tanya syarat usia untuk program film berapa tahun",
        "Apakah harus punya paspor untuk ikut?",
        "makasih kak",
    )
    passport = staff_chat.messages_since(mark)[-2]
    await answer(bot, staff_member(bot, staff_chat), staff_chat, "Tidak perlu, kak.", passport)
    assert kevin.last_message.text.startswith(
        heading(Text.SUPPORT_ANSWER_HEADING, question="Apakah harus punya paspor untuk ikut?")
    )
    assert staff_chat.last_message.text == others_waiting("Kevin", 3)
    assert await listed(bot) == [
        [
            "[voice]",
            "[photo] Poster film kami, boleh ikut dengan ini",
            "Kak mau tanya syarat usia untuk program film berapa tahun",
            "Tidak perlu, kak.",
        ]
    ]
    # He reads the same on /status: three messages still wait for the team.
    assert len((await bot.store.support.own_questions(kevin.id)).waiting) == 3


async def test_a_question_whose_words_the_log_no_longer_keeps_still_waits(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    """The same review, H2: a question past the day's log budget reads as no words, and had
    stopped waiting with a reply to the question after it. It waits, and staff are told."""
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID, log_text_per_day=1500
    )
    sari = bot.user(first_name="Sari")
    mark = staff_chat.mark()
    await ask(bot, sari, "Kak, " + "tolong jelaskan syarat dokumennya " * 60, "Perlu paspor?")
    *_, passport = staff_chat.messages_since(mark)
    [_, (_, words)] = await bot.store.support.waiting_messages(sari.id, 5)  # newest first
    assert words is None  # the log kept only its length
    await answer(bot, staff_member(bot, staff_chat), staff_chat, "Perlu, kak.", passport)
    assert staff_chat.last_message.text == others_waiting("Sari", 1)
    assert len(await bot.store.support.waiting_messages(sari.id, 5)) == 1


async def test_a_reply_to_a_header_answers_the_messages_under_it(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A reply to the header of a talent's messages ("💬 Pertanyaan dari …") answers those
    messages: headed with, and under, the one of them that says something; with several,
    none is quoted (staff chose none). What they sent before it still waits."""
    kevin, joko = bot.user(first_name="Kevin"), bot.user(first_name="Joko")
    staff = staff_member(bot, staff_chat)
    mark = staff_chat.mark()
    await ask(bot, kevin, REQUEST, "Apakah harus punya paspor?")
    *_, passport = staff_chat.messages_since(mark)
    await answer(bot, staff, staff_chat, "Tidak perlu, kak.", passport)
    mark = staff_chat.mark()
    sent = []
    for text in ("Halo kak 👋", "Boleh kirim lewat email?"):  # after the answer: a new header
        update = kevin.send(text)
        await bot.settle(update)
        sent.append(update["message"]["message_id"])
    header = staff_chat.messages_since(mark)[0]
    assert header.text.startswith("💬 Pertanyaan dari Kevin")
    await answer(bot, staff, staff_chat, "Boleh, kak.", header)
    got = kevin.last_message
    quoted = heading(Text.SUPPORT_REPLY_HEADING, message="Boleh kirim lewat email?")
    assert got.text == f"{quoted}\n\nBoleh, kak."
    assert got.reply_to_message_id == sent[-1]
    assert staff_chat.last_message.text == others_waiting("Kevin", 1)
    assert [text for _, text in await bot.store.support.waiting_messages(kevin.id, 9)] == [REQUEST]

    mark = staff_chat.mark()
    await ask(bot, joko, FILMS, "Boleh kirim trailernya juga?")
    header = staff_chat.messages_since(mark)[0]
    await answer(bot, staff, staff_chat, "Boleh semua, kak.", header)
    got = joko.last_message
    assert got.text == f"{heading(Text.SUPPORT_ANSWER_HEADING_PLAIN)}\n\nBoleh semua, kak."
    assert got.reply_to_message_id is None
    assert staff_chat.last_message.text == "✅ Terkirim ke Joko\nSent to Joko."
    assert not await bot.store.support.question_waiting(joko.id)


async def test_a_reply_to_a_detail_they_sent_is_headed_as_a_reply_to_their_message(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A staff re-check s58: a talent told the team a detail with /ask (their portfolio link,
    as a stage message invites them to), and the team's reply came headed as the answer to
    "your question". A detail is their message, a question stays their question."""
    sarah, budi = bot.user(first_name="Sarah", language_code="en"), bot.user(first_name="Budi")
    staff = staff_member(bot, staff_chat)
    detail = "Our new portfolio link: https://youtube.com/@sarimonsoons"
    mark = staff_chat.mark()
    await ask(bot, sarah, detail)
    *_, sent = staff_chat.messages_since(mark)
    await answer(bot, staff, staff_chat, "Thanks, we've noted it.", sent)
    reply = heading(Text.SUPPORT_REPLY_HEADING, "en", message=quote_of(detail))
    assert sarah.last_message.text == f"{reply}\n\nThanks, we've noted it."
    mark = staff_chat.mark()
    await ask(bot, budi, "Kapan hasil seleksinya diumumkan?")
    *_, asked = staff_chat.messages_since(mark)
    await answer(bot, staff, staff_chat, "Akhir bulan ini, kak.", asked)
    question = heading(Text.SUPPORT_ANSWER_HEADING, question="Kapan hasil seleksinya diumumkan?")
    assert budi.last_message.text == f"{question}\n\nAkhir bulan ini, kak."
