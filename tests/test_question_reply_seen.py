"""A workspace reply answers only what the staff member saw (an attacker's review s65, 1): Sari
asks, Dewi opens her Questions card or lead page, Sari writes again (a 16-year-old's consent
question) before Dewi presses Kirim. Sari gets the answer under the question Dewi read; the
newer one keeps waiting on the tab, its count, the lead page and the digest, and Dewi is told
so at once. A page opened before the fix (no `seen`) is taken to have shown only Sari's oldest
waiting message. As the staff group's reply and ✔️ Tandai selesai already do."""

from __future__ import annotations

from typing import Any

from bot.emulator import EmulatedChat
from bot.texts import Text
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded
from tests.test_answered_question import heading
from tests.test_question_closed_s64 import said
from tests.test_support import answer, ask, staff_member
from tests.workspace import Client, workspace

FIRST = "kak kapan pengumuman?"
CONSENT = "satu lagi kak: saya umur 16, perlu izin ortu?"
REPLY = "Pengumuman tanggal 20 ya"


async def waiting(client: Client) -> list[str]:
    """What the Questions tab lists as waiting, and checks its count and the lead page."""
    listed = (await client.ok("questions"))["talents"]
    texts = [
        line["text"]
        for talent in listed
        for line in talent["questions"]
        if line.get("kind") != "staff_answer"
    ]
    count = (await client.ok("questions-count"))["total"]
    lead = await client.ok("lead", {"reference": "KOC-000001"})
    assert count == len(listed) == int(lead["question_waiting"])
    return texts


async def sari_asks(make_bot: Any) -> tuple[Harness, Any]:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    sari = bot.user(first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    return bot, sari


async def test_a_reply_from_a_card_or_lead_page_drawn_earlier_leaves_the_newer_question_waiting(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    bot, sari = await sari_asks(make_bot)
    for action in ("questions-reply", "reply"):
        mark = staff_chat.mark()
        [first] = await ask(bot, sari, FIRST)
        relayed = staff_chat.messages_since(mark)[-1]
        async with workspace(bot, ADMIN_ID) as dewi:
            [card] = (await dewi.ok("questions"))["talents"]
            lead = await dewi.ok("lead", {"reference": "KOC-000001"})
            await bot.settle(sari.send(CONSENT))  # still asking: relayed, waits
            body: dict[str, Any] = {"text": REPLY}
            if action == "reply":
                body |= {"id": lead["id"], "seen": lead["question_seen"]}
            else:
                body |= {"talent": sari.id, "seen": card["seen"]}
            talent, group = sari.mark(), staff_chat.mark()
            done = await dewi.ok(action, body)

            name = "Sari" if action == "questions-reply" else lead["name"]
            assert done == {
                "outcome": "sent",
                "text": said(Text.WS_REPLY_SENT_WROTE_AGAIN, name=name, count=1),
            }
            [got] = sari.messages_since(talent)
            assert got.text == heading(Text.SUPPORT_ANSWER_HEADING, question=FIRST) + "\n\n" + REPLY
            assert got.reply_to_message_id == first
            # The group's note goes under what was answered, not under the consent question.
            [note] = staff_chat.messages_since(group)
            assert note.reply_to_message_id == relayed.message_id
            assert await waiting(dewi) == [CONSENT]

            # Drawn again, the card shows the consent question: its reply answers it.
            [card] = (await dewi.ok("questions"))["talents"]
            body = {"talent": sari.id, "text": "Perlu, kak.", "seen": card["seen"]}
            done = await dewi.ok("questions-reply", body)
            assert done["text"] == said(Text.WS_REPLY_SENT, name="Sari")
            assert sari.last_message.text.startswith(
                heading(Text.SUPPORT_ANSWER_HEADING, question=CONSENT)
            )
            assert await waiting(dewi) == []


async def test_thanks_written_after_the_card_is_answered_with_it(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    """Small talk after the card was drawn ("makasih kak") waits for no answer of its own."""
    bot, sari = await sari_asks(make_bot)
    await ask(bot, sari, FIRST)
    async with workspace(bot, ADMIN_ID) as dewi:
        [card] = (await dewi.ok("questions"))["talents"]
        await bot.settle(sari.send("makasih kak 🙏"))
        body = {"talent": sari.id, "text": REPLY, "seen": card["seen"]}
        done = await dewi.ok("questions-reply", body)
        assert done["text"] == said(Text.WS_REPLY_SENT, name="Sari")
        assert await waiting(dewi) == []


async def test_a_page_opened_before_seen_was_sent_answers_only_the_oldest_waiting_message(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    """A page still open from before the fix sends no `seen`: the reply is taken to answer
    Sari's oldest waiting message (and small talk); what she wrote after it stays waiting."""
    bot, sari = await sari_asks(make_bot)
    async with workspace(bot, ADMIN_ID) as dewi:
        for action in ("questions-reply", "reply"):
            first, _consent = await ask(bot, sari, FIRST, CONSENT)
            lead = await dewi.ok("lead", {"reference": "KOC-000001"})
            body: dict[str, Any] = {"text": REPLY}
            body |= {"id": lead["id"]} if action == "reply" else {"talent": sari.id}
            done = await dewi.ok(action, body)
            name = "Sari" if action == "questions-reply" else lead["name"]
            assert done["text"] == said(Text.WS_REPLY_SENT_WROTE_AGAIN, name=name, count=1)
            got = sari.last_message
            assert got.text.startswith(heading(Text.SUPPORT_ANSWER_HEADING, question=FIRST))
            assert got.reply_to_message_id == first
            assert await waiting(dewi) == [CONSENT]
            # Without `seen` again: the consent question is now the oldest, and is answered.
            done = await dewi.ok(action, {**body, "text": "Perlu, kak."})
            assert done["text"] == said(Text.WS_REPLY_SENT, name=name)
            assert await waiting(dewi) == []


async def test_a_card_whose_question_a_colleague_answered_sends_nothing_though_she_wrote_again(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    """The card's question is answered in the staff group, then Sari asks something new: the
    old card's reply is refused as already answered (the page reloads), and nothing goes."""
    bot, sari = await sari_asks(make_bot)
    mark = staff_chat.mark()
    await ask(bot, sari, FIRST)
    question = staff_chat.messages_since(mark)[-1]
    async with workspace(bot, ADMIN_ID) as dewi:
        [card] = (await dewi.ok("questions"))["talents"]
        await answer(bot, staff_member(bot, staff_chat), staff_chat, "Tanggal 20.", question)
        await ask(bot, sari, CONSENT)
        talent = sari.mark()
        body = {"talent": sari.id, "text": REPLY, "seen": card["seen"]}
        status, _ = await dewi.call("questions-reply", body)
        assert status == 404
        assert sari.messages_since(talent) == []
        assert await waiting(dewi) == [CONSENT]


async def test_a_form_notes_question_seen_is_answered_and_a_newer_question_waits(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    """The card showed only the question in Sari's form note; she then asks with /tanya: the
    reply answers the note's question, under it, and her new question waits."""
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    sari = bot.user(first_name="Sari")
    note = "Apakah ada biaya pendaftaran?"
    await seeded(bot.database, [Seed(sari.id, {**MUSICIAN, "message": note}, first_name="Sari")])
    async with workspace(bot, ADMIN_ID) as dewi:
        [card] = (await dewi.ok("questions"))["talents"]
        await ask(bot, sari, CONSENT)
        body = {"talent": sari.id, "text": "Gratis, kak.", "seen": card["seen"]}
        done = await dewi.ok("questions-reply", body)
        assert done["text"] == said(Text.WS_REPLY_SENT_WROTE_AGAIN, name="Sari", count=1)
        assert sari.last_message.text.startswith(
            heading(Text.SUPPORT_NOTE_ANSWER_HEADING, question=note)
        )
        assert await waiting(dewi) == [CONSENT]
