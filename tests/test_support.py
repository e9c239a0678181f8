"""Ask staff: talents' questions relayed to the staff chat, staff replies relayed back."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from telegram import Chat, Message, MessageEntity
from telegram import User as TelegramUser

from bot.content import Content
from bot.emulator import BotMessage, EmulatedChat, EmulatedUser
from bot.store.support import Session
from bot.support import (
    BURST_GAP,
    RATE_LIMIT,
    RATE_WINDOW,
    SupportDesk,
    Verdict,
    admit,
    clipped,
    enter,
    just_answered,
    question_after_command,
    question_entities,
    shortened,
)
from bot.telegram_html import utf16_len
from bot.texts import Text
from handlers import support as support_handlers
from handlers.support import _from_staff
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    MUSICIAN,
    Seed,
    consent,
    group_note,
    group_sent,
    opening,
    seeded,
    shown,
)
from tests.leads import answer as answer_question

ASK_BUTTON = CONTENT.text(Text.BTN_ASK, "id")
DONE_BUTTON = CONTENT.text(Text.BTN_ASK_DONE, "id")
INVITE = opening(Text.SUPPORT_INVITE).removeprefix("💬 ")
ACK = shown(Text.SUPPORT_ACK)
LIMITED = shown(Text.SUPPORT_RATE_LIMITED)
RELAYED = CONTENT.text(Text.SUPPORT_RELAYED_MARK, "id")  # the bot's reaction to a message


def answer_words(message: BotMessage) -> str:
    """A staff answer as the talent reads it, without its first line (the team's answer to
    which question of theirs)."""
    heading, _, words = message.text.partition("\n\n")
    headings = (
        Text.SUPPORT_ANSWER_HEADING_PLAIN,
        Text.SUPPORT_ANSWER_HEADING_NONE,
        Text.SUPPORT_REPLY_HEADING_PLAIN,
    )
    note = Text.SUPPORT_NOTE_ANSWER_HEADING  # up to its quote of the form note's question
    openings = [shown(key, language) for key in headings for language in ("id", "en")]
    openings += [shown(note, language, question="").removesuffix("“”") for language in ("id", "en")]
    assert any(heading.startswith(opening) for opening in openings), message.text
    return words


def staff_member(bot: Harness, chat: EmulatedChat) -> EmulatedUser:
    """A staff member who may answer talents: an admin (ADMIN_IDS) in the staff group."""
    admin = bot.emulator.user(ADMIN_ID)
    if admin.id not in chat.members:
        chat.add_member(admin)
    return admin


def group_member(bot: Harness, chat: EmulatedChat, first_name: str = "Mina") -> EmulatedUser:
    """A member of the staff group who is not in ADMIN_IDS."""
    member = bot.user(first_name=first_name)
    chat.add_member(member)
    return member


async def ask(bot: Harness, talent: EmulatedUser, *texts: str) -> list[int]:
    """The talent opens ask mode with /tanya and sends texts; returns their message ids."""
    await bot.send(talent, "/tanya")
    ids = []
    for text in texts:
        update = talent.send(text)
        await bot.settle(update)
        ids.append(update["message"]["message_id"])
    return ids


async def relayed_question(
    bot: Harness, chat: EmulatedChat, talent: EmulatedUser, text: str
) -> BotMessage:
    """The talent asks; returns the copy of their question in the staff chat."""
    mark = chat.mark()
    await ask(bot, talent, text)
    return chat.messages_since(mark)[-1]


async def answer(
    bot: Harness, staff: EmulatedUser, chat: EmulatedChat, text: str, reply_to: BotMessage
) -> None:
    """A staff member replies (Telegram's reply) in the staff chat."""
    await bot.act(staff, staff.send, text, chat=chat, reply_to=reply_to)


async def test_question_is_relayed_with_header_and_answer_comes_back(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari", last_name="Dewi", username="sari_music")
    await bot.send(sari, "/start")
    await bot.press(sari, ASK_BUTTON)
    assert sari.last_message.text.startswith(f"💬 {INVITE}")
    assert sari.last_message.button_texts == [DONE_BUTTON]

    mark = staff_chat.mark()
    question = sari.send("Apakah MU:CON terbuka untuk band indie?")
    await bot.settle(question)
    assert sari.last_message.text.startswith(ACK)
    told = sari.mark()
    more = sari.send("Kami dari Bandung.")
    await bot.settle(more)
    assert sari.messages_since(told) == []  # one acknowledgement in words per burst...
    # ...and each message passed on is marked, as that acknowledgement says.
    assert RELAYED in ACK
    for sent in (question, more):
        assert sari.reaction_on(sent["message"]["message_id"]) == RELAYED

    header, first, second = staff_chat.messages_since(mark)
    assert "Pertanyaan dari Sari Dewi @sari_music" in header.text
    assert f"id {sari.id} · bahasa Indonesia · belum mendaftar" in header.text
    assert f'href="tg://user?id={sari.id}"' in (header.html or "")
    assert first.text == "Apakah MU:CON terbuka untuk band indie?"
    assert second.text == "Kami dari Bandung."
    assert first.reply_to_message_id == header.message_id
    assert second.reply_to_message_id == header.message_id

    mina = staff_member(bot, staff_chat)
    await answer(bot, mina, staff_chat, "Bisa! Daftar lewat /daftar ya.", first)
    delivered = sari.last_message
    heading = shown(Text.SUPPORT_ANSWER_HEADING, question="Apakah MU:CON terbuka untuk band indie?")
    assert delivered.text == f"{heading}\n\nBisa! Daftar lewat /daftar ya."
    assert delivered.reply_to_message_id == question["message"]["message_id"]
    assert delivered.button_texts == ["💬 Balas tim kami"]
    # Her other message says something ("Kami dari Bandung."): it still waits, and staff are
    # told (an attacker's review s57, H2: what had no "?" stopped waiting unsaid).
    assert staff_chat.last_message.text == group_sent("Sari Dewi", 1)
    assert [text for _, text in await bot.store.support.waiting_messages(sari.id, 5)] == [
        "Kami dari Bandung."
    ]

    log = await bot.store.log.for_chat(sari.id)
    incoming = [entry.text for entry in log if entry.direction == "in" and entry.kind == "text"]
    assert incoming == ["Apakah MU:CON terbuka untuk band indie?", "Kami dari Bandung."]
    # The answer is one line of her log, with its words (not "[copy of message N]").
    answer_lines = [entry for entry in log if entry.message_id == delivered.message_id]
    assert [(entry.kind, entry.text) for entry in answer_lines] == [
        ("staff_answer", "Bisa! Daftar lewat /daftar ya.")
    ]
    assert not any(entry.kind == "copy" for entry in log)

    await bot.press(sari, "💬 Balas tim kami")
    assert sari.messages[-2] == delivered  # the answer stays as it was
    # She reads that she replies to the answer to the question it answered (not the latest).
    replying = shown(Text.SUPPORT_REPLY_INVITE, question="Apakah MU:CON terbuka untuk band indie?")
    assert sari.last_message.text == replying
    mark = staff_chat.mark()
    await bot.send(sari, "Ada info jadwalnya?")
    assert staff_chat.messages_since(mark)[-1].text == "Ada info jadwalnya?"
    # Thanks while that waits: staff see it with the rest.
    await bot.send(sari, "Terima kasih!")
    assert staff_chat.messages_since(mark)[-1].text == "Terima kasih!"
    await answer(
        bot, mina, staff_chat, "Jadwalnya menyusul ya.", staff_chat.messages_since(mark)[-2]
    )


async def test_after_done_asking_a_staff_answer_leaves_messages_with_the_bot(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    # A talents' review s59, H2: Dimas pressed "Selesai bertanya" and read that his next
    # messages no longer go to the team; once staff answered, "suwun cak" and "mucon iku tiap
    # taun ta?" went to staff with only a 👌, though the bot answers them. Only "Balas tim
    # kami" under the answer (or /tanya) opens the conversation with the team again.
    dimas = bot.user(first_name="Dimas")
    first = await relayed_question(bot, staff_chat, dimas, "cak transport e ditanggung ta?")
    await bot.press(dimas, DONE_BUTTON)
    assert "tidak lagi diteruskan" in dimas.last_message.text
    mina = staff_member(bot, staff_chat)
    await answer(bot, mina, staff_chat, "Soal transport MU:CON belum ada info resmi.", first)
    mark = staff_chat.mark()
    [thanks] = await bot.send(dimas, "suwun cak 🙏")
    assert thanks.text.startswith("Sama-sama")
    asked = dimas.send("mucon iku tiap taun ta?")
    await bot.settle(asked)
    assert "MU:CON" in dimas.last_message.text
    assert dimas.reaction_on(asked["message"]["message_id"]) is None
    assert staff_chat.messages_since(mark) == []
    # The button under the answer opens it again: her reply reaches staff.
    await bot.press(dimas, "💬 Balas tim kami")
    reply = dimas.send("oh gitu, thank you! boleh minta via WA aja?")
    await bot.settle(reply)
    assert staff_chat.messages_since(mark)[-1].text == "oh gitu, thank you! boleh minta via WA aja?"
    assert dimas.reaction_on(reply["message"]["message_id"]) == RELAYED


async def test_a_reply_typed_to_a_staff_answer_in_ask_mode_reaches_staff(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    # A talent still asking when the answer comes: a follow-up typed after it goes to the team
    # (a second talents' review: Clara's reply to the team read an FAQ answer).
    clara = bot.user(first_name="Clara")
    first = await relayed_question(bot, staff_chat, clara, "Eligible KOFIC incentive gak ya?")
    mina = staff_member(bot, staff_chat)
    await answer(bot, mina, staff_chat, "Bisa, kami kirim ringkasannya via email ya.", first)
    mark = staff_chat.mark()
    reply = clara.send("oh gitu, thank you! boleh minta via WA aja?")
    await bot.settle(reply)
    assert staff_chat.messages_since(mark)[-1].text == "oh gitu, thank you! boleh minta via WA aja?"
    assert clara.reaction_on(reply["message"]["message_id"]) == RELAYED
    # A day without staff later, what she types is for the bot again (an attacker's review: a
    # question weeks after an answer went to staff, with no FAQ answer first).
    with sqlite3.connect(bot.database) as db:
        db.execute(
            "UPDATE support_sessions SET last_relayed_at = ? WHERE user_id = ?",
            ((datetime.now(UTC) - timedelta(days=1, minutes=1)).isoformat(), clara.id),
        )
    mark = staff_chat.mark()
    [faq] = await bot.send(clara, "kak ada open call gak?")
    assert faq.text.split("\n")[0] == CONTENT.faq["open_call_now"].question.id
    assert staff_chat.messages_since(mark) == []
    # A form open when the answer came keeps its answers: none goes to staff.
    budi = bot.user(first_name="Budi")
    asked = await relayed_question(bot, staff_chat, budi, "Band boleh ikut?")
    await bot.send(budi, "/daftar")  # a command ends ask mode; the form opens
    told = budi.mark()
    await answer(bot, mina, staff_chat, "Boleh, silakan daftar.", asked)
    # ... and she is told how to reply to the team (an attacker's review: a link staff asked
    # for went into the form).
    hint = shown(Text.SUPPORT_REPLY_IN_FORM)
    assert hint in [m.text for m in await budi.wait_for_messages(told, count=2)]
    mark = staff_chat.mark()
    await bot.press(budi, CONTENT.text(Text.BTN_AGREE, "id"))
    await bot.send(budi, "Budi Santoso")
    assert staff_chat.messages_since(mark) == []


async def test_thanks_after_an_answer_stay_with_the_bot_and_the_next_message_goes_to_staff(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A talent's "thanks" once answered is no new question for staff's list; an okay that
    asks ("oke gimana kak?") is, and so is what the talent sends after the thanks (the link
    staff asked for), which the bot never answers itself while they talk with staff."""
    raka = bot.user(first_name="Raka")
    mina = staff_member(bot, staff_chat)
    asked = "Apakah MU:CON terbuka untuk band indie?"
    question = await relayed_question(bot, staff_chat, raka, asked)
    await answer(bot, mina, staff_chat, "Kirim link demo ya, kak.", question)
    await bot.press(raka, "💬 Balas tim kami")
    mark = staff_chat.mark()
    await bot.send(raka, "oke gimana kak?")
    assert staff_chat.messages_since(mark)[-1].text == "oke gimana kak?"
    # Asking back is about staff's answer here: it goes to them (the bot's own reply to
    # "serius?" is for its answers, outside /tanya).
    await bot.send(raka, "serius kak?")
    assert staff_chat.messages_since(mark)[-1].text == "serius kak?"
    await answer(bot, mina, staff_chat, "Tempel saja linknya di sini.", staff_chat.last_message)
    await bot.press(raka, "💬 Balas tim kami")
    mark = staff_chat.mark()
    [welcome] = await bot.send(raka, "oke makasih kak infonya 🙏")
    assert welcome.text == shown(Text.ASK_THANKS)
    # 🙏 alone, typed or as a sticker, thanks too (it put the talent back on staff's list).
    [welcome] = await bot.send(raka, "🙏")
    assert welcome.text == shown(Text.ASK_THANKS)
    [welcome] = await bot.act(raka, raka.send_sticker, emoji="🙏")
    assert welcome.text == shown(Text.ASK_THANKS)
    assert staff_chat.messages_since(mark) == []
    # A yes with thanks may answer what staff asked: it goes to them (an attacker's review).
    await bot.send(raka, "iya kak 🙏")
    assert staff_chat.messages_since(mark)[-1].text == "iya kak 🙏"
    assert await bot.store.support.question_waiting(raka.id) is True
    await answer(bot, mina, staff_chat, "Sip, makasih!", staff_chat.last_message)
    await bot.press(raka, "💬 Balas tim kami")
    mark = staff_chat.mark()
    assert await bot.store.support.question_waiting(raka.id) is False
    # Still asking: the link goes to staff, not answered by the FAQ's showreel entry.
    [passed_on] = await bot.send(raka, "ini link youtube showreel saya")
    assert passed_on.text == ACK
    assert staff_chat.messages_since(mark)[-1].text == "ini link youtube showreel saya"


async def test_thanks_that_ask_back_reach_staff_and_stressed_thanks_do_not(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """Once staff answered, "makasih kak, maksudnya" asks about their answer (an attacker:
    it got "Sama-sama!" and never reached them); "terima kasih, serius" only thanks."""
    raka = bot.user(first_name="Raka")
    mina = staff_member(bot, staff_chat)
    question = await relayed_question(bot, staff_chat, raka, "Apakah MU:CON gratis?")
    await answer(bot, mina, staff_chat, "Ya, lewat jalur seleksinya.", question)
    await bot.press(raka, "💬 Balas tim kami")
    mark = staff_chat.mark()
    [welcome] = await bot.send(raka, "terima kasih, serius")
    assert welcome.text == shown(Text.ASK_THANKS)
    assert staff_chat.messages_since(mark) == []
    await bot.send(raka, "makasih kak, maksudnya")
    assert staff_chat.messages_since(mark)[-1].text == "makasih kak, maksudnya"


async def test_header_names_the_lead_reference_of_an_applicant(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    rina = bot.user(first_name="Rina", language_code="en")
    await bot.send(rina, "/start")
    draft = await bot.store.applications.create(rina.id, "en", "review")
    reference = await bot.store.applications.submit(draft)
    mark = staff_chat.mark()
    await ask(bot, rina, "Do you know a good sound engineer in Bandung?")  # no FAQ answers it
    header = staff_chat.messages_since(mark)[0]
    assert f"bahasa Inggris · pendaftar {reference}" in header.text  # not "bahasa en"


async def test_media_is_relayed_both_ways(bot: Harness, staff_chat: EmulatedChat) -> None:
    budi = bot.user(first_name="Budi")
    await bot.send(budi, "/tanya")
    mark = staff_chat.mark()
    acks = await bot.act(budi, budi.send_photo, caption="Poster film kami", content=b"JPEG-poster")
    acks += await bot.act(budi, budi.send_document, "portfolio.pdf", b"%PDF-portfolio")
    acks += await bot.act(budi, budi.send_voice, 4, content=b"OggS-question")
    assert [message.text[: len(ACK)] for message in acks] == [ACK]

    header, photo, document, voice = staff_chat.messages_since(mark)
    assert header.text.splitlines()[0] == "💬 Pertanyaan dari Budi"  # no username, no space
    assert photo.kind == "photo"
    assert photo.photo == b"JPEG-poster"
    assert photo.text == "Poster film kami"
    assert document.document == ("portfolio.pdf", b"%PDF-portfolio", "application/pdf")
    assert voice.kind == "voice"
    assert voice.voice == b"OggS-question"

    admin = bot.emulator.user(ADMIN_ID)
    await bot.act(admin, admin.send_photo, caption="Contoh poster", content=b"JPEG-answer",
                  chat=staff_chat, reply_to=photo)  # fmt: skip
    delivered = budi.last_message
    assert delivered.kind == "photo"
    assert delivered.photo == b"JPEG-answer"
    assert delivered.text == "Contoh poster"
    # The file and the voice message may ask anything: they still wait, and staff are told (an
    # attacker's review s57, H2: a voice note stopped waiting with the photo, unsaid).
    assert staff_chat.last_message.text == group_sent("Budi", 2)
    await bot.act(admin, admin.send, "Terima kasih, Budi.", chat=staff_chat, reply_to=voice)
    assert staff_chat.last_message.text == group_sent("Budi", 1)
    assert len(await bot.store.support.waiting_messages(budi.id, 5)) == 1  # the file
    log = await bot.store.log.for_chat(budi.id)
    kinds = [(entry.direction, entry.kind) for entry in log if entry.kind != "command"]
    assert ("in", "photo") in kinds
    assert ("in", "document") in kinds
    assert ("in", "voice") in kinds
    assert ("out", "staff_answer") in kinds
    answers = [entry.text for entry in log if entry.kind == "staff_answer"]
    assert answers == ["[photo] Contoh poster", "Terima kasih, Budi."]  # what each held, once
    assert not any(entry.kind == "copy" for entry in log)


async def test_an_answer_to_one_question_leaves_the_others_listed_and_says_how_many(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A new staff member's review s57, L3: a reply to one question counted the talent's other,
    different ones as answered, and they left the Questions tab unanswered. A reply answers
    the message replied to (and what asks nothing); other questions, with a "?", stay listed,
    and the confirmation says how many."""
    joko = bot.user(first_name="Joko")
    mark = staff_chat.mark()
    await ask(bot, joko, "Personel kami masih 17 tahun, boleh ikut?", "MU:CON kapan dibuka?")
    _, minor, mucon = staff_chat.messages_since(mark)
    admin = staff_chat.members[ADMIN_ID]

    async def waiting() -> list[str | None]:
        messages = await bot.store.support.waiting_messages(joko.id, 10)
        return [text for _, text in messages]

    # A reply to his newest message: the earlier one, about a minor, still waits.
    await answer(bot, admin, staff_chat, "MU:CON biasanya dibuka pertengahan tahun.", mucon)
    assert staff_chat.last_message.text == group_sent("Joko", 1)
    assert await waiting() == ["Personel kami masih 17 tahun, boleh ikut?"]
    # Another question; then a reply to the first: the new one still waits.
    mark = staff_chat.mark()
    await ask(bot, joko, "Perlu paspor?", "makasih kak")
    _, passport, _ = staff_chat.messages_since(mark)
    await answer(bot, admin, staff_chat, "Boleh, dengan izin orang tua.", minor)
    assert staff_chat.last_message.text == group_sent("Joko", 1)
    assert await waiting() == ["Perlu paspor?"]  # his thanks asked nothing: answered with it
    # /status counts the three answered (his thanks too), and says one waits.
    own = await bot.store.support.own_questions(joko.id)
    assert (len(own.waiting), own.answered) == (1, 3)
    # Nothing else waits: the plain confirmation.
    await answer(bot, admin, staff_chat, "Paspor perlu, kak.", passport)
    assert staff_chat.last_message.text == "✅ Terkirim ke Joko\nSent to Joko."
    assert await waiting() == []


async def test_a_registered_talents_question_opens_their_lead_from_the_staff_group(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    mark = staff_chat.mark()
    await ask(bot, sari, "Kapan ada kabar, kak?")
    header, _ = staff_chat.messages_since(mark)
    opener = shown(Text.BTN_OPEN_LEAD, reference="KOC-000001")
    # As under a new-lead alert; and the question marked done if answered by phone (s64, M1).
    assert header.button_texts == [opener, shown(Text.BTN_QUESTION_CLOSE)]
    admin = staff_member(bot, staff_chat)
    await bot.act(admin, admin.press, opener, message=header)
    lead = staff_chat.last_message  # the lead's card, below the header
    assert lead.text.startswith("📄 KOC-000001") and MUSICIAN["full_name"] in lead.text
    assert staff_chat.message(header.message_id) is not None  # the header stays
    # Without a lead, no lead to open: only the mark done.
    mia = bot.user(first_name="Mia")
    mark = staff_chat.mark()
    await ask(bot, mia, "Halo?")
    assert staff_chat.messages_since(mark)[0].button_texts == [shown(Text.BTN_QUESTION_CLOSE)]


async def test_two_talents_at_once_get_their_own_answers(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari, budi = bot.user(first_name="Sari"), bot.user(first_name="Budi")
    await bot.send(sari, "/tanya")
    await bot.send(budi, "/tanya")
    mark = staff_chat.mark()
    await bot.send(sari, "Pertanyaan Sari")
    await bot.send(budi, "Pertanyaan Budi")
    sari_header, sari_copy, budi_header, budi_copy = staff_chat.messages_since(mark)
    assert "Sari" in sari_header.text
    assert sari_copy.text == "Pertanyaan Sari"
    assert "Budi" in budi_header.text
    assert budi_copy.reply_to_message_id == budi_header.message_id

    mina = staff_member(bot, staff_chat)
    await answer(bot, mina, staff_chat, "Jawaban untuk Budi", budi_copy)
    await answer(bot, mina, staff_chat, "Jawaban untuk Sari", sari_header)
    assert [m.text for m in sari.messages if "Jawaban untuk" in m.text] == [
        f"{shown(Text.SUPPORT_REPLY_HEADING, message='Pertanyaan Sari')}\n\nJawaban untuk Sari"
    ]
    assert [answer_words(m) for m in budi.messages if "Jawaban untuk" in m.text] == [
        "Jawaban untuk Budi"
    ]


async def test_answer_after_a_restart_still_reaches_the_talent(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    copy = await relayed_question(bot, staff_chat, sari, "Ada program untuk sutradara muda?")
    await bot.restart()
    mina = staff_member(bot, staff_chat)
    await answer(bot, mina, staff_chat, "Ada, cek /program ya.", copy)
    assert answer_words(sari.last_message) == "Ada, cek /program ya."
    assert staff_chat.last_message.text == "✅ Terkirim ke Sari\nSent to Sari."


async def test_a_staff_chat_message_of_a_talent_erased_meanwhile_is_not_recorded(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    copy = await relayed_question(bot, staff_chat, sari, "Ada program untuk sutradara muda?")
    assert (await bot.store.support.relayed(STAFF_CHAT_ID, copy.message_id)) is not None
    # The workspace's note of an answer comes after the answer went out; she erased her data
    # in between: no row, and no error for the staff member whose answer did go out.
    erased = 9_999_999
    await bot.store.support.record(STAFF_CHAT_ID, 424242, erased, "answer", 7)
    assert await bot.store.support.relayed(STAFF_CHAT_ID, 424242) is None


async def _erase(bot: Harness, talent: EmulatedUser) -> None:
    """/hapusdata, confirmed."""
    await bot.send(talent, "/hapusdata")
    await bot.press(talent, "🗑 Ya, hapus semuanya")
    assert await bot.store.users.get(talent.id) is None


async def test_an_answer_to_a_talent_who_erased_their_data_says_it_was_not_sent(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """Staff answered a question whose talent had erased everything meanwhile, and saw no
    sign that nothing went out (a staff review). The group is told; nothing is sent, and
    nothing of hers is stored again."""
    sari = bot.user(first_name="Sari")
    copy = await relayed_question(bot, staff_chat, sari, "Ada program untuk sutradara muda?")
    await _erase(bot, sari)
    calls_before = len(bot.emulator.calls)
    mina = staff_member(bot, staff_chat)
    await answer(bot, mina, staff_chat, "Ada, cek /program ya.", copy)
    assert staff_chat.last_message.text == group_note(Text.SUPPORT_TALENT_ERASED)
    to_her = [
        c for c in bot.emulator.calls[calls_before:] if str(c.params.get("chat_id")) == str(sari.id)
    ]
    assert to_her == []
    assert await bot.store.users.get(sari.id) is None
    # A reply to anything else in the group is still left alone.
    mark = staff_chat.mark()
    await answer(bot, mina, staff_chat, "Oke, noted", staff_chat.last_message)
    assert staff_chat.messages_since(mark) == []


async def test_in_a_forum_a_message_in_an_erased_talents_topic_says_it_was_not_sent(
    make_bot: Any, emulator: Any
) -> None:
    forum = emulator.group(title="Talent Desk forum", forum=True)
    admin = emulator.user(ADMIN_ID, first_name="Admin")
    forum.add_member(admin)
    emulator.add_bot_to_group(forum, by=admin, admin=True)
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=forum.id)
    sari = bot.user(first_name="Sari")
    await ask(bot, sari, "Pertanyaan Sari")
    [topic] = forum.topics
    await _erase(bot, sari)
    await bot.act(admin, admin.send, "Halo Sari, ini jawabannya.", chat=forum, thread_id=topic)
    assert forum.thread_messages(topic)[-1].text == group_note(Text.SUPPORT_TALENT_ERASED)
    assert not any(m.text.startswith("Halo Sari") for m in sari.messages)


async def test_answer_to_a_talent_who_blocked_the_bot_is_reported(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    copy = await relayed_question(bot, staff_chat, sari, "Halo?")
    await bot.settle(sari.block())
    sent_before = len(bot.emulator.calls_to("sendMessage"))

    mina = staff_member(bot, staff_chat)
    await answer(bot, mina, staff_chat, "Halo Sari!", copy)
    tried = bot.emulator.calls_to("sendMessage")[sent_before:]
    failed = [call for call in tried if int(call.params["chat_id"]) == sari.id]
    assert [call.status for call in failed] == [403]
    assert staff_chat.last_message.text.startswith("⛔ Tidak terkirim — Sari memblokir bot")
    user = await bot.store.users.get(sari.id)
    assert user is not None
    assert user.blocked


async def test_replies_to_anything_else_in_the_staff_chat_are_ignored(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    question_copy = await relayed_question(bot, staff_chat, sari, "Pertanyaan")
    admin = bot.emulator.user(ADMIN_ID)
    mina = staff_member(bot, staff_chat)
    await answer(bot, admin, staff_chat, "Jawaban", question_copy)
    chatter = admin.send("Rapat jam 3 ya", chat=staff_chat)
    await bot.settle(chatter)
    mark, sari_mark = staff_chat.mark(), sari.mark()
    calls = len(bot.emulator.calls)
    await bot.act(
        mina, mina.send, "Siap", chat=staff_chat, reply_to=chatter["message"]["message_id"]
    )
    await bot.act(mina, mina.send, "Tanpa reply", chat=staff_chat)
    helper_bot = bot.emulator.user(first_name="Helper", is_bot=True)
    staff_chat.add_member(helper_bot)
    await answer(bot, helper_bot, staff_chat, "Bots never answer talents", question_copy)
    assert staff_chat.messages_since(mark) == []
    assert sari.messages_since(sari_mark) == []
    assert [
        c for c in bot.emulator.calls[calls:] if str(c.params.get("chat_id")) == str(sari.id)
    ] == []


async def test_a_reply_to_the_sent_note_reaches_the_talent_too(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    # A new staff member's review: "✅ Terkirim ke Sari" looks like the workspace's "✅ Rina
    # sudah menjawab Sari" note, which takes replies; a reply to it went nowhere, unsaid.
    sari = bot.user(first_name="Sari")
    question_copy = await relayed_question(bot, staff_chat, sari, "Kapan sesi infonya?")
    mina = staff_member(bot, staff_chat)
    await answer(bot, mina, staff_chat, "Bulan depan, Kak.", question_copy)
    sent_note = staff_chat.last_message
    assert sent_note.text == group_sent("Sari")
    await answer(bot, mina, staff_chat, "Satu lagi: jadwalnya hari Jumat.", sent_note)
    assert answer_words(sari.last_message) == "Satu lagi: jadwalnya hari Jumat."
    assert staff_chat.last_message.text == group_sent("Sari")
    # A non-admin's reply to it is told it did not go, as one to the question is.
    member = group_member(bot, staff_chat, "Budi")
    told = sari.mark()
    await answer(bot, member, staff_chat, "Dari Budi", staff_chat.last_message)
    assert sari.messages_since(told) == []
    assert staff_chat.last_message.text == group_note(Text.SUPPORT_REPLY_ADMINS_ONLY, name="Sari")


async def test_a_burst_over_the_rate_limit_gets_a_reply_to_every_message(
    bot: Harness, staff_chat: EmulatedChat, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One notice when the limit is reached; each message held back after it is told so too,
    with when to send it again (a talents' review s58, M2: they got silence), unless the
    same words went the same second (an album, a burst pasted at once)."""
    clock = [datetime.now(UTC)]  # the desk's clock, moved by hand: no timed assertions

    def desk(context: Any) -> SupportDesk:
        return SupportDesk(context.services.store, lambda: clock[0])

    monkeypatch.setattr(support_handlers, "_desk", desk)
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/tanya")
    mark, sari_mark = staff_chat.mark(), sari.mark()
    sent = []
    for number in range(1, RATE_LIMIT + 4):
        if number == RATE_LIMIT + 2:
            clock[0] += timedelta(seconds=1)  # pesan 7, pesan 8: one second after the notice
        update = sari.send(f"pesan {number}")
        await bot.settle(update)
        sent.append(update["message"]["message_id"])
    clock[0] += timedelta(seconds=2)
    await bot.restart()  # the window and the notice are stored, not remembered
    await bot.send(sari, "pesan terakhir")

    relayed = [m.text for m in staff_chat.messages_since(mark)][1:]  # after the header
    assert relayed == [f"pesan {number}" for number in range(1, RATE_LIMIT + 1)]
    told = [m.text for m in sari.messages_since(sari_mark)]
    left = RATE_WINDOW.seconds - 1
    assert told[0].startswith(ACK)
    assert told[1:] == [
        LIMITED,
        shown(Text.SUPPORT_RATE_HELD, seconds=left),  # pesan 7 (pesan 8: the same, unsaid)
        shown(Text.SUPPORT_RATE_HELD, seconds=left - 2),  # pesan terakhir
    ]
    # Only what went to the team is marked as passed on.
    marked = [sari.reaction_on(message_id) for message_id in sent]
    assert marked == [RELAYED] * RATE_LIMIT + [None, None, None]


async def test_forum_staff_chat_gets_a_topic_per_talent(make_bot: Any, emulator: Any) -> None:
    forum = emulator.group(title="Talent Desk forum", forum=True)
    admin = emulator.user(ADMIN_ID, first_name="Admin")
    forum.add_member(admin)
    emulator.add_bot_to_group(forum, by=admin, admin=True)
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=forum.id)
    sari = bot.user(first_name="Sari", last_name="Dewi")
    budi = bot.user(first_name="Budi")

    await ask(bot, sari, "Pertanyaan Sari")
    await ask(bot, budi, "Pertanyaan Budi")
    await ask(bot, sari, "Pertanyaan Sari lagi")  # a new burst, the same topic
    topics = {name: thread for thread, name in forum.topics.items()}
    assert set(topics) == {f"Sari Dewi · {sari.id}", f"Budi · {budi.id}"}
    sari_topic = topics[f"Sari Dewi · {sari.id}"]
    in_topic = [m.text for m in forum.thread_messages(sari_topic)]
    assert "Tulis di topik ini untuk menjawab." in in_topic[0]
    assert in_topic[1] == "Pertanyaan Sari"
    assert in_topic[3] == "Pertanyaan Sari lagi"
    assert [m.text for m in forum.thread_messages(topics[f"Budi · {budi.id}"])][1:] == [
        "Pertanyaan Budi"
    ]

    mina = staff_member(bot, forum)
    await bot.act(mina, mina.send, "Halo Sari, ini jawabannya.", chat=forum, thread_id=sari_topic)
    assert answer_words(sari.last_message) == "Halo Sari, ini jawabannya."
    assert not any(m.text.startswith("Halo Sari") for m in budi.messages)
    assert forum.thread_messages(sari_topic)[-1].text == group_sent("Sari Dewi")

    del forum.topics[sari_topic]  # staff deleted the topic: the next question opens a new one
    await ask(bot, sari, "Masih ada pertanyaan")
    new_topic = next(thread for thread, name in forum.topics.items() if name.startswith("Sari"))
    assert new_topic != sari_topic
    assert forum.thread_messages(new_topic)[-1].text == "Masih ada pertanyaan"


async def test_without_staff_chat_questions_are_closed(make_bot: Any) -> None:
    bot: Harness = await make_bot()
    sari = bot.user(first_name="Sari")
    (greeting,) = await bot.send(sari, "/start")
    assert ASK_BUTTON not in greeting.button_texts
    (closed,) = await bot.send(sari, "/tanya")
    assert closed.text.startswith(shown(Text.SUPPORT_CLOSED))
    assert closed.button_texts == [
        CONTENT.text(Text.BTN_FAQ, "id"),
        CONTENT.text(Text.BTN_MENU, "id"),
    ]
    (fallback,) = await bot.send(sari, "Halo, ada yang jual nasi goreng?")
    assert fallback.text.startswith(shown(Text.ASK_NOTHING_CLOSED))  # not pointed to /tanya
    assert "/tanya" not in fallback.text
    english = bot.user(first_name="John", language_code="en")
    (closed_en,) = await bot.send(english, "/ask")
    assert closed_en.text == shown(Text.SUPPORT_CLOSED, "en")


async def test_ask_mode_wins_over_an_open_application_and_ends_with_done(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/daftar")
    draft = await bot.store.applications.draft_for(sari.id)
    assert draft is not None
    await bot.send(sari, "/tanya")
    mark = staff_chat.mark()
    await bot.send(sari, "Ada contoh kontrak label musik?")
    assert staff_chat.messages_since(mark)[-1].text == "Ada contoh kontrak label musik?"
    assert await bot.store.applications.draft_for(sari.id) == draft

    # Done: back to the form the talent left, not the menu (whose next words would become
    # the open question's answer unseen).
    done, form = await bot.press(sari, DONE_BUTTON)
    # Her question waits for staff: said plainly, not "if you sent a question".
    assert done.text == shown(Text.SUPPORT_DONE_SENT) and done.button_texts == []
    assert form.text.startswith(shown(Text.INTAKE_BACK_TO_FORM))
    assert ASK_BUTTON not in form.button_texts
    mark = staff_chat.mark()
    (intake_reply,) = await bot.send(sari, "teks untuk pendaftaran")
    assert intake_reply.text.startswith("👆 Untuk pertanyaan ini")
    assert staff_chat.messages_since(mark) == []


async def test_an_okay_after_asking_the_team_says_the_answer_comes_here(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    # A talents' review: after "Selesai bertanya", "oke bang ditunggu" got "Maaf, aku belum
    # punya jawaban untuk itu… Tanya tim kami", who had his question already; and "Selesai
    # bertanya" said "Kalau tadi kamu mengirim pertanyaan" though he had.
    rizky = bot.user(first_name="Rizky")
    copy = await relayed_question(bot, staff_chat, rizky, "Tiket pesawat ke Korea ditanggung?")
    [done] = await bot.press(rizky, DONE_BUTTON)
    assert done.text.startswith(shown(Text.SUPPORT_DONE_SENT))
    mark = staff_chat.mark()
    [okay] = await bot.send(rizky, "oke bang ditunggu")
    assert okay.text == shown(Text.ASK_WAITING_OKAY)
    [thanks] = await bot.send(rizky, "makasih kak 🙏")
    assert thanks.text == shown(Text.ASK_WAITING_THANKS)
    # Called as a Sundanese talent calls someone (a talents' review s55: "not sure").
    [thanks] = await bot.send(rizky, "Makasih kang 🙏 ditunggu kabarnya")
    assert thanks.text == shown(Text.ASK_WAITING_THANKS)
    assert staff_chat.messages_since(mark) == []  # no new question for staff
    # Staff answer; "Selesai bertanya" after that has nothing waiting to speak of, and a
    # "ditunggu" is an okay, not "no answer".
    await answer(bot, staff_member(bot, staff_chat), staff_chat, "Ditanggung, kak.", copy)
    await bot.send(rizky, "/tanya")
    [done] = await bot.press(rizky, DONE_BUTTON)
    assert done.text.startswith(shown(Text.SUPPORT_DONE))
    [okay] = await bot.send(rizky, "oke ditunggu kak")
    assert okay.text == shown(Text.ASK_OKAY)


async def test_saying_done_in_words_in_ask_mode_is_the_done_button(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A talents' review (s57, L8): "udh bro", meant as done, went to staff as a question and
    /status counted it. Closing words act as "Selesai bertanya"; "udah" alone right after a
    staff answer that asks something answers it, and goes to staff."""
    ancha = bot.user(first_name="Ancha")
    copy = await relayed_question(bot, staff_chat, ancha, "Crew hiphop bisa daftar bro?")
    # A staff re-check: the button's own words ("Selesai bertanya", "Done asking") and "gak
    # jadi deh" (never mind) went to staff and stayed waiting.
    closings = ("udh bro", "itu aja kak, makasih", "done", "Selesai bertanya", "done asking")
    for closing in (*closings, "gak jadi deh"):
        mark = staff_chat.mark()
        [done] = await bot.send(ancha, closing)
        assert done.text.startswith(shown(Text.SUPPORT_DONE_SENT)), closing
        assert CONTENT.text(Text.BTN_PROGRAMS, "id") in done.button_texts  # the menu
        assert staff_chat.messages_since(mark) == [], closing  # nothing new for staff
        assert not (await bot.store.support.session(ancha.id)).asking  # out of ask mode
        await bot.send(ancha, "/tanya")
    mina = staff_member(bot, staff_chat)
    await answer(bot, mina, staff_chat, "Bisa, bro. Sudah isi formulirnya?", copy)
    await bot.press(ancha, "💬 Balas tim kami")
    mark = staff_chat.mark()
    await bot.send(ancha, "udah bro")  # "yes, already": an answer to staff's question
    assert staff_chat.messages_since(mark)[-1].text == "udah bro"
    await answer(bot, mina, staff_chat, "Mantap, ditunggu kabarnya.", staff_chat.last_message)
    await bot.press(ancha, "💬 Balas tim kami")
    mark = staff_chat.mark()
    [done] = await bot.send(ancha, "udah bro")  # nothing asked of him now: done
    assert done.text.startswith(shown(Text.SUPPORT_DONE))
    assert staff_chat.messages_since(mark) == []
    # With a form left open for /tanya: back to its question, as the button does.
    await bot.send(ancha, "/daftar")
    await bot.send(ancha, "/tanya")
    await bot.send(ancha, "Crew boleh daftar sebagai satu grup?")
    done, form = await bot.send(ancha, "itu aja bro")
    assert done.text == shown(Text.SUPPORT_DONE_SENT)
    assert form.text.startswith(shown(Text.INTAKE_BACK_TO_FORM))


async def test_a_closing_that_answers_the_team_reaches_staff_before_ask_mode_closes(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """An attacker's review s57, L4: staff asked "Sudah kirim linknya ke email kami, kak?", Rina
    pressed "Balas tim kami" and typed "udah kak itu aja": she read that her next messages no
    longer go to the team, and staff never got her yes. A closing with a yes in it, when the
    team's answer asks something, goes to staff first, then ask mode closes; one without a
    yes, or with nothing asked, only closes."""
    rina = bot.user(first_name="Rina")
    copy = await relayed_question(bot, staff_chat, rina, "Boleh kirim portofolio lewat email?")
    mina = staff_member(bot, staff_chat)
    await answer(bot, mina, staff_chat, "Boleh. Sudah kirim linknya ke email kami, kak?", copy)
    passed = shown(Text.SUPPORT_DONE_PASSED)
    for closing in ("udah kak itu aja", "sudah, makasih kak"):
        await bot.press(rina, "💬 Balas tim kami")
        mark = staff_chat.mark()
        [done] = await bot.send(rina, closing)
        assert staff_chat.messages_since(mark)[-1].text == closing  # staff have her answer
        assert done.text.startswith(passed), closing  # and she reads that it went
        assert CONTENT.text(Text.BTN_PROGRAMS, "id") in done.button_texts  # the menu
        assert not (await bot.store.support.session(rina.id)).asking
    # Without a yes, a closing answers nothing: it only closes.
    await bot.press(rina, "💬 Balas tim kami")
    mark = staff_chat.mark()
    [done] = await bot.send(rina, "itu aja kak, makasih")
    assert done.text.startswith(shown(Text.SUPPORT_DONE_SENT))
    assert staff_chat.messages_since(mark) == []
    # "Balas tim kami" under an older answer that asked, the newest asking nothing: the yes
    # answers the one she replies to.
    await answer(bot, mina, staff_chat, "Pengumumannya 5 Mei, kak.", staff_chat.last_message)
    asked = next(m for m in rina.messages if "Sudah kirim linknya" in m.text)
    await bot.act(rina, rina.press, "💬 Balas tim kami", message=asked)
    mark = staff_chat.mark()
    [done] = await bot.send(rina, "udah kak itu aja")
    assert staff_chat.messages_since(mark)[-1].text == "udah kak itu aja"
    assert done.text.startswith(passed)
    # With nothing asked of her, the same words only close.
    await bot.press(rina, "💬 Balas tim kami")
    mark = staff_chat.mark()
    [done] = await bot.send(rina, "udah kak itu aja")
    assert staff_chat.messages_since(mark) == []
    assert not done.text.startswith(passed)


async def test_checking_status_between_messages_to_the_team_keeps_the_conversation(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A staff review: Dimas got an answer, typed /status (as stage messages tell talents to),
    then his follow-up got the bot's "no answer", and staff never saw it. /status says that
    what he writes next still goes to the team, with the button to stop (a talents' review
    s58, M2: nothing said so)."""
    dimas = bot.user(first_name="Dimas")
    first = await relayed_question(bot, staff_chat, dimas, "Showreel perlu versi Inggris?")
    mina = staff_member(bot, staff_chat)
    await answer(bot, mina, staff_chat, "Iya, sebaiknya ada versi Inggris juga.", first)
    for looking in ("/status", "/status@KoccaTalentBot"):
        await bot.send(dimas, looking)
        assert dimas.last_message.text == shown(Text.SUPPORT_STILL_ASKING)
        assert dimas.last_message.button_texts == [DONE_BUTTON]
    mark = staff_chat.mark()
    await bot.settle(dimas.send("Baik. Perlu subtitle untuk trailer juga kak?"))
    assert (
        staff_chat.messages_since(mark)[-1].text == "Baik. Perlu subtitle untuk trailer juga kak?"
    )
    # A command that starts something else still ends it: /daftar opens the form.
    await bot.send(dimas, "/daftar")
    mark = staff_chat.mark()
    await bot.send(dimas, "halo")
    assert staff_chat.messages_since(mark) == []


@pytest.mark.parametrize("command", ["/menu", "/start", "/program", "/faq", "/bantuan"])
async def test_a_command_after_a_question_to_the_team_ends_ask_mode(
    bot: Harness, staff_chat: EmulatedChat, command: str
) -> None:
    """A talents' review s58, M2: Kadek asked the team, typed /menu, then "BCWW itu kapan dan
    di mana?"; it went to staff with only a 👌, unanswered. Back at the menu (or reading the
    programs) a talent asks the bot again, and nothing says they would be still asking."""
    kadek = bot.user(first_name="Kadek")
    await relayed_question(bot, staff_chat, kadek, "Ada pendampingan visa kru ke Korea?")
    told = kadek.mark()
    await bot.send(kadek, command)
    assert all(DONE_BUTTON not in m.button_texts for m in kadek.messages_since(told))
    mark, told = staff_chat.mark(), kadek.mark()
    question = kadek.send("BCWW itu kapan dan di mana?")
    await bot.settle(question)
    assert staff_chat.messages_since(mark) == []
    assert kadek.reaction_on(question["message"]["message_id"]) is None
    assert any("BCWW" in m.text for m in kadek.messages_since(told))


async def test_a_command_or_the_menu_button_ends_ask_mode(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/tanya")
    await bot.send(sari, "/program")
    mark = staff_chat.mark()
    (fallback,) = await bot.send(sari, "halo")
    assert fallback.text == shown(Text.ASK_GREETING, first_name="Sari")
    await bot.send(sari, "/menu")
    await bot.press(sari, ASK_BUTTON)
    await bot.press(sari, callback_data="menu")
    (fallback,) = await bot.send(sari, "halo lagi")
    assert fallback.text == shown(Text.ASK_GREETING, first_name="Sari")
    assert staff_chat.messages_since(mark) == []


async def test_ask_is_listed_in_commands_and_help(bot: Harness) -> None:
    indonesian = {c["command"] for c in bot.emulator.commands_for(language_code="id")}
    english = {c["command"] for c in bot.emulator.commands_for(language_code="en")}
    assert "tanya" in indonesian
    assert "ask" in english
    sari = bot.user(first_name="Sari")
    (help_text,) = await bot.send(sari, "/bantuan")
    assert "/tanya — Tanya langsung ke tim kami" in help_text.text


# ----- the decisions, without Telegram ------------------------------------------------------


def test_staff_are_people_or_anonymous_admins_of_the_staff_chat() -> None:
    staff = Chat(STAFF_CHAT_ID, Chat.SUPERGROUP)
    channel = Chat(-100999, Chat.CHANNEL)
    person = TelegramUser(1, "Mina", is_bot=False)
    anonymous = TelegramUser(1087968824, "Group", is_bot=True)  # GroupAnonymousBot

    def message(**fields: Any) -> Message:
        return Message(1, NOW, staff, **fields)

    assert _from_staff(message(from_user=person), STAFF_CHAT_ID)
    assert _from_staff(message(from_user=anonymous, sender_chat=staff), STAFF_CHAT_ID)
    assert not _from_staff(message(from_user=anonymous), STAFF_CHAT_ID)
    assert not _from_staff(message(from_user=anonymous, sender_chat=channel), STAFF_CHAT_ID)
    assert not _from_staff(message(sender_chat=channel, is_automatic_forward=True), STAFF_CHAT_ID)


NOW = datetime(2026, 1, 16, 9, 0, tzinfo=UTC)


def test_rate_window_restarts_after_it_ends() -> None:
    session = enter(Session(1))
    verdicts = []
    for second in range(RATE_LIMIT + 2):
        admission, session = admit(session, NOW + timedelta(seconds=second))
        verdicts.append(admission.verdict)
    assert verdicts == [Verdict.RELAY] * RATE_LIMIT + [Verdict.NOTICE, Verdict.HOLD]
    # Held back: the talent is told when the window ends (rounded up, never "0 seconds").
    assert admission.wait == RATE_WINDOW - timedelta(seconds=RATE_LIMIT + 1)
    late, _ = admit(session, NOW + RATE_WINDOW - timedelta(milliseconds=1))
    assert (late.verdict, late.wait) == (Verdict.HOLD, timedelta(milliseconds=1))
    admission, session = admit(session, NOW + RATE_WINDOW)
    assert admission.verdict is Verdict.RELAY
    assert session.window_count == 1
    assert not session.window_noticed


def test_a_pause_longer_than_the_burst_gap_opens_a_new_burst() -> None:
    first, session = admit(enter(Session(1)), NOW)
    assert first.new_burst
    session = replace(session, header_message_id=7, thread_id=3)
    same, session = admit(session, NOW + timedelta(seconds=40))
    assert not same.new_burst
    assert (same.header_message_id, same.thread_id) == (7, 3)
    later, _ = admit(session, NOW + timedelta(seconds=40) + BURST_GAP)
    assert later.new_burst


def test_a_question_answered_first_is_quoted_by_a_burst_opened_within_the_gap() -> None:
    answered = replace(enter(Session(1)), answered_first_id=5, answered_first_at=NOW.isoformat())
    first, session = admit(answered, NOW + timedelta(minutes=2))
    assert (first.new_burst, first.follows) == (True, 5)
    session = replace(session, header_message_id=7)
    same, _ = admit(session, NOW + timedelta(minutes=3))
    assert (same.new_burst, same.follows) == (False, None)  # quoted by the header only
    # Days later the message is about something else.
    later, _ = admit(answered, NOW + BURST_GAP)
    assert (later.new_burst, later.follows) == (True, None)
    # /tanya again keeps it: what comes next still came after the bot's answer. Replying to
    # staff does not: the talent is talking with staff, and the bot answers nothing first.
    assert enter(answered).answered_first_id == 5
    talking = enter(answered, replying_at=NOW.isoformat())
    assert (talking.answered_first_id, talking.last_relayed_at) == (None, NOW.isoformat())


def test_an_okay_acknowledges_only_an_answer_given_just_before() -> None:
    answered = replace(enter(Session(1)), answered_first_id=5, answered_first_at=NOW.isoformat())
    assert just_answered(answered, NOW + timedelta(minutes=9))
    assert not just_answered(answered, NOW + BURST_GAP)  # then "oke" is what it is: a message
    relayed = replace(answered, last_relayed_at=NOW.isoformat())
    assert not just_answered(relayed, NOW + timedelta(minutes=1))


def test_not_in_ask_mode_nothing_is_counted() -> None:
    session = Session(1)
    admission, after = admit(session, NOW)
    assert admission.verdict is Verdict.NOT_ASKING
    assert after == session


async def test_pressing_apply_in_ask_mode_starts_the_application_not_a_question(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    [menu] = await bot.send(sari, "/menu")
    await bot.send(sari, "/tanya")
    # A button on the older menu message.
    await bot.press(sari, CONTENT.text(Text.BTN_APPLY, "id"), message=menu)
    await consent(bot, sari)
    await answer_question(bot, sari, "sector", "music")
    await answer_question(bot, sari, "age_range", "age_18_24")
    mark = staff_chat.mark()
    [reply] = await bot.send(sari, "Sari Dewi")
    # The next question: the answer was taken.
    assert CONTENT.questions["stage_name"].prompt.id in reply.text
    assert staff_chat.messages_since(mark) == []


async def test_only_admins_answer_talents_unless_anyone_may(
    make_bot: Any, staff_chat: EmulatedChat, content: Content
) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    sari = bot.user(first_name="Sari")
    copy = await relayed_question(bot, staff_chat, sari, "Kapan ada kabar?")
    mina = group_member(bot, staff_chat)
    mark = sari.mark()
    await answer(bot, mina, staff_chat, "Besok ya!", copy)
    assert sari.messages_since(mark) == []
    note = staff_chat.last_message
    assert note.text == group_note(Text.SUPPORT_REPLY_ADMINS_ONLY, name="Sari")
    assert note.reply_to_message_id is not None
    log = await bot.store.log.for_chat(sari.id)
    assert not [entry for entry in log if entry.kind == "staff_answer"]
    admin = staff_member(bot, staff_chat)
    await answer(bot, admin, staff_chat, "Minggu depan, kami kabari.", copy)
    assert answer_words(sari.last_message) == "Minggu depan, kami kabari."
    await bot.stop()

    anyone: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID, staff_reply_anyone=True
    )
    # Her question, answered by the admin, is theirs (s59): she answers the next one.
    again = await relayed_question(anyone, staff_chat, sari, "Kabarnya lewat email juga?")
    await answer(anyone, mina, staff_chat, "Besok ya!", again)
    assert answer_words(sari.last_message) == "Besok ya!"
    assert staff_chat.last_message.text == "✅ Terkirim ke Sari\nSent to Sari."


async def test_a_message_starting_with_a_slash_in_ask_mode_reaches_staff_whole(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """An attacker's review: in ask mode any text starting with "/" was read as "/tanya
    QUESTION", so "/ kuda terbang" reached staff as "kuda terbang", "//kuda terbang" as
    "terbang", and "/" as nothing; only the ask command itself is cut off."""
    sari = bot.user(first_name="Sari")
    typed = ["/ kuda terbang xyzzy", "//kuda terbang", "/😀 kenapa formulir saya gagal terus?"]
    mark = staff_chat.mark()
    await ask(bot, sari, *typed)
    relayed = [message.text for message in staff_chat.messages_since(mark)]
    for text in typed:
        assert text in relayed, relayed


async def test_a_staff_answer_with_formatting_html_cannot_hold_is_copied_under_its_heading(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """An attacker's review: an answer rewritten as HTML under its heading lost what
    python-telegram-bot does not escape there (a code block's language, a link's address with
    a quote), and Telegram refused it. Such an answer is copied as it is, after its heading."""
    sari = bot.user(first_name="Sari")
    question = await relayed_question(bot, staff_chat, sari, "Contoh kodenya gimana kak?")
    code = 'print("halo")'
    pre = {"type": "pre", "offset": 0, "length": len(code), "language": 'py"><b>'}
    admin = bot.emulator.user(ADMIN_ID)
    mark, noted = sari.mark(), staff_chat.mark()
    await bot.act(admin, admin.send, code, chat=staff_chat, reply_to=question, entities=[pre])
    heading, answer = sari.messages_since(mark)
    assert heading.text.startswith(shown(Text.SUPPORT_ANSWER_HEADING_PLAIN).split("“")[0])
    assert answer.text == code
    assert [m.text for m in staff_chat.messages_since(noted)][-1].startswith("✅")


async def test_a_heading_sent_alone_goes_when_its_answer_fails(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """An attacker's review: a photo answer's heading goes first, as a message of its own;
    when the photo then fails, the talent was left with a heading and no answer."""
    sari = bot.user(first_name="Sari")
    question = await relayed_question(bot, staff_chat, sari, "Contoh posternya ada kak?")
    admin = bot.emulator.user(ADMIN_ID)
    bot.emulator.fail_next("copyMessage", status=400, description="Bad Request", chat_id=sari.id)
    mark, noted = sari.mark(), staff_chat.mark()
    await bot.act(
        admin, admin.send_photo, caption="Ini", content=b"JPEG", chat=staff_chat, reply_to=question
    )
    assert sari.messages_since(mark) == []  # the heading was taken back
    assert staff_chat.messages_since(noted)[-1].text.startswith("⚠️")


async def test_a_question_on_the_ask_commands_line_keeps_its_formatting_and_hidden_links(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """An attacker's review: "/tanya QUESTION" on one line reached staff as plain text, so a
    hidden link (a portfolio, or a phishing address) was gone, as was any bold, while the same
    message after a bare /tanya is copied with both. Both now arrive alike: the link still a
    hidden link, its address one press away as Telegram shows it before opening."""
    question = "😀 tolong cek portofolio saya xyzzy"
    link = "https://drive.example.com/porto"

    def formatting(start: int) -> list[dict[str, Any]]:
        """Bold on "cek", a hidden link on "portofolio", the question starting at `start`."""
        at = {word: start + utf16_len(question[: question.index(word)]) for word in ("cek", "p")}
        return [
            {"type": "bold", "offset": at["cek"], "length": 3},
            {"type": "text_link", "offset": at["p"], "length": 10, "url": link},
        ]

    arrived = []
    for typed, asked_alone in (("/tanya ", False), ("", True)):
        talent = bot.user(first_name="Lia")
        if asked_alone:
            await bot.send(talent, "/tanya")
        mark = staff_chat.mark()
        sent = talent.send(typed + question, entities=formatting(utf16_len(typed)))
        await bot.settle(sent)
        copy = staff_chat.messages_since(mark)[-1]
        arrived.append((copy.text, copy.raw.get("entities")))
    expected = (question, formatting(0))
    assert arrived == [expected, expected]


async def test_a_question_whose_formatting_telegram_refuses_still_reaches_staff_plain(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """An attacker's review: were a format shifted past "/tanya" refused by Telegram, the
    question failed on every try. Its words now reach staff plain."""
    talent = bot.user(first_name="Lia")
    # The question's own copy (the one call carrying a bold entity), not the header before it.
    refused = bot.emulator.hold("sendMessage", chat_id=STAFF_CHAT_ID, containing="bold", status=400)
    mark = staff_chat.mark()
    sent = talent.send(
        "/tanya tolong cek portofolio saya", entities=[{"type": "bold", "offset": 13, "length": 3}]
    )
    await asyncio.wait_for(refused.arrived.wait(), 10)
    refused.release()
    await bot.settle(sent)
    copy = staff_chat.messages_since(mark)[-1]
    assert (copy.text, copy.raw.get("entities")) == ("tolong cek portofolio saya", None)


def test_formatting_across_the_ask_command_is_cut_to_the_question() -> None:
    """Bold over the whole "/tanya  halo kak" keeps "halo kak" bold; formatting of the command
    alone, and its bot_command entity, go."""
    text = "/tanya  halo kak "
    entities = [
        MessageEntity(MessageEntity.BOT_COMMAND, 0, 6),
        MessageEntity(MessageEntity.ITALIC, 1, 3),
        MessageEntity(MessageEntity.BOLD, 0, len(text)),
    ]
    question = question_after_command(text)
    assert question == "halo kak"
    assert question_entities(text, question, entities) == (MessageEntity(MessageEntity.BOLD, 0, 8),)


async def test_the_question_quoted_above_an_answer_is_cut_between_whole_characters(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """An attacker's review: the quote lost the joiners of 👨‍👩‍👧‍👦 (four emoji) and was cut
    after 60 code points, between a letter and its accent. It is cut after 59 characters as
    people see them, an emoji whole; a direction mark still goes."""
    family = "👨\u200d👩\u200d👧\u200d👦"
    sari = bot.user(first_name="Sari")
    asked = f"{family}\u202e kak, " + "e\u0301" * 57 + " boleh?"
    question = await relayed_question(bot, staff_chat, sari, asked)
    await answer(bot, staff_member(bot, staff_chat), staff_chat, "Boleh.", question)
    quoted = f"{family} kak, " + "e\u0301" * 52 + "…"  # 59 characters and "…"
    heading = shown(Text.SUPPORT_ANSWER_HEADING, question=quoted)
    assert sari.last_message.text == f"{heading}\n\nBoleh."


async def test_a_question_of_one_character_under_thousands_of_accents_can_still_be_answered(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """An attacker's review: one character people see can hold thousands of code points (a
    letter under 4,000 accents); kept whole, the quote above staff's answer made it longer than
    Telegram takes, and every answer to that talent failed. The quote stays short."""
    sari = bot.user(first_name="Sari")
    asked = "a" + "\u0301" * 4000 + " boleh?"
    question = await relayed_question(bot, staff_chat, sari, asked)
    await answer(bot, staff_member(bot, staff_chat), staff_chat, "Boleh.", question)
    received = sari.last_message.text
    assert received is not None and received.endswith("\n\nBoleh.")
    assert len(received) < 300


@pytest.mark.parametrize(
    "text",
    [
        "a" + "\u0301" * 5000,
        "🏴" + "\U000e0067" * 3000,  # a flag's tag characters, hiding a text
        "👨\u200d" * 2000 + "👦",
        "👨\u200d👩\u200d👧\u200d👦" * 400,
    ],
)
def test_a_quote_is_bounded_however_its_characters_are_made(text: str) -> None:
    """However many code points one character holds, a quote of 60 characters is at most 240
    UTF-16 units, and one of 1,500 at most 3,000 (inside a 4,096-unit message)."""
    assert utf16_len(shortened(text, 60)) <= 240
    assert utf16_len(clipped(text, 1500)) <= 3000
    # Cut, and said to be (a second review); tags that spell no flag are hidden text, dropped
    # before (the final review s60).
    assert shortened(text, 60).endswith("…") or shortened(text, 60) == "🏴"


async def test_the_acknowledgement_of_a_question_is_short(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A talents' review found it long and stiff; a native reader's wording, word for word."""
    sari = bot.user(first_name="Sari")
    await ask(bot, sari, "Kak, MU:CON tahun ini kapan?")
    assert sari.last_message.text == (
        "✅ Sudah kuteruskan ke tim kami; jawabannya nanti muncul di chat ini. Mau menambahkan?"
        " Kirim saja, semuanya kuteruskan sampai kamu tekan ✔️ Selesai bertanya. Pesan yang sudah"
        " sampai kutandai 👌."
    )
