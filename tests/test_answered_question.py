"""Which of a talent's waiting messages a staff answer names and goes under: their question,
not the "makasih kak", "oke kak ditunggu ya" or "kapan ada kabar kak?" they sent after it (a
new staff member's review s57, H1: the team's answers came headed "Jawaban tim kami untuk
pertanyaanmu “makasih kak”"), from the staff group, the Questions tab, a lead page and a
holding reply alike."""

from __future__ import annotations

from bot.emulator import EmulatedChat
from bot.leads.export import plain_text
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded
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
