"""✔️ Tandai selesai marks only what the presser saw (a staff review s64, H1 and M1): an old
header in the staff group, a Questions card or a lead page drawn before the talent wrote again
closes nothing and says so ("read the new message first"); an old header whose questions were
answered says who answered, and the newer question keeps waiting; a close while a colleague's
group answer is on its way is refused with who answers, so the records never contradict."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.emulator import EmulatedChat
from bot.texts import Text
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded, shown
from tests.test_pipeline import SECOND_ADMIN, rows
from tests.test_question_closed_s64 import said
from tests.test_support import answer, ask, staff_member
from tests.workspace import workspace

FIRST = "Kak, apakah program residensi film terbuka untuk pemula?"
MEDAN = "Kak satu lagi: kalau saya tinggal di Medan, apakah bisa ikut secara online?"


def closes(bot: Harness) -> int:
    return int(rows(bot.database, "SELECT COUNT(*) FROM question_closes")[0][0])


async def test_an_old_header_in_the_group_never_closes_a_newer_question(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """The review's replay: Eko's first question answered in the group, then he asks about
    Medan. The first header's ✔️ says who answered it; the Medan question still waits, and its
    own header's ✔️ closes it. With two bursts waiting, the older header closes nothing: read
    the new one first."""
    admin = staff_member(bot, staff_chat)
    eko = bot.user(first_name="Eko")
    mark = staff_chat.mark()
    await ask(bot, eko, FIRST)
    old_header, question = staff_chat.messages_since(mark)
    await answer(bot, admin, staff_chat, "Terbuka kak, nanti kami kabari detailnya.", question)
    mark = staff_chat.mark()
    await ask(bot, eko, MEDAN)
    new_header, _medan = staff_chat.messages_since(mark)
    group = staff_chat.mark()

    await bot.act(admin, admin.press, shown(Text.BTN_QUESTION_CLOSE), message=old_header)

    assert admin.callback_answers[-1].text == shown(
        Text.SUPPORT_QUESTIONS_ANSWERED_BY, name="Eko", by="Admin"
    )
    assert closes(bot) == 0
    assert not [m for m in staff_chat.messages_since(group) if str(m.text).startswith("✔️")]
    async with workspace(bot, ADMIN_ID) as client:
        [card] = (await client.ok("questions"))["talents"]
        assert [line["text"] for line in card["questions"]] == [MEDAN]
    stored = staff_chat.message(old_header.message_id)
    assert stored is not None and shown(Text.BTN_QUESTION_CLOSE) not in str(stored.reply_markup)

    # Eko asks a third time before anyone answers about Medan: two headers wait.
    mark = staff_chat.mark()
    await ask(bot, eko, "Kak, biayanya berapa?")
    newest_header, _cost = staff_chat.messages_since(mark)
    await bot.act(admin, admin.press, shown(Text.BTN_QUESTION_CLOSE), message=new_header)
    assert admin.callback_answers[-1].text == shown(Text.SUPPORT_QUESTIONS_WROTE_AGAIN, name="Eko")
    assert closes(bot) == 0
    stored = staff_chat.message(new_header.message_id)  # its burst still waits: it stays
    assert stored is not None and shown(Text.BTN_QUESTION_CLOSE) in str(stored.reply_markup)

    # The newest header's ✔️ saw everything that waits: both are marked done.
    talent = eko.mark()
    await bot.act(admin, admin.press, shown(Text.BTN_QUESTION_CLOSE), message=newest_header)
    assert admin.callback_answers[-1].text == shown(Text.SUPPORT_QUESTIONS_CLOSED_TOAST)
    assert closes(bot) == 1
    async with workspace(bot, ADMIN_ID) as client:
        assert (await client.ok("questions-count"))["total"] == 0
    assert eko.messages_since(talent) == []


async def test_a_card_or_lead_page_drawn_before_the_talent_wrote_again_closes_nothing(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    """Dewi's Questions tab and lead page show Eko's first question; he then asks about Medan.
    Her ✔️ on either marks nothing and tells her to read the new message first; drawn again,
    it marks both. A card whose question a colleague answered meanwhile says who did."""
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID, SECOND_ADMIN}), staff_chat_id=STAFF_CHAT_ID
    )
    admin = staff_member(bot, staff_chat)
    eko = bot.user(first_name="Eko")
    await seeded(bot.database, [Seed(eko.id, MUSICIAN, first_name="Eko")])
    await ask(bot, eko, FIRST)
    async with workspace(bot, SECOND_ADMIN) as dewi:
        [card] = (await dewi.ok("questions"))["talents"]
        lead = await dewi.ok("lead", {"reference": "KOC-000001"})
        await ask(bot, eko, MEDAN)

        for seen in (card["seen"], lead["question_seen"]):
            done = await dewi.ok("questions-close", {"talent": eko.id, "seen": seen})
            assert done == {
                "outcome": "wrote_again",
                "text": said(Text.WS_QUESTION_WROTE_AGAIN, name="Eko"),
            }
        assert closes(bot) == 0
        assert (await dewi.ok("questions-count"))["total"] == 1

        [card] = (await dewi.ok("questions"))["talents"]
        assert [line["text"] for line in card["questions"]] == [FIRST, MEDAN]
        done = await dewi.ok("questions-close", {"talent": eko.id, "seen": card["seen"]})
        assert done["outcome"] == "closed"
        assert (await dewi.ok("questions-count"))["total"] == 0

        # A card drawn, the question answered in the group, then a new one: who answered.
        mark = staff_chat.mark()
        await ask(bot, eko, "Kak, audisinya kapan?")
        [card] = (await dewi.ok("questions"))["talents"]
        _header, question = staff_chat.messages_since(mark)
        await answer(bot, admin, staff_chat, "Bulan depan, kak.", question)
        await ask(bot, eko, "Kak, tempatnya di mana?")
        done = await dewi.ok("questions-close", {"talent": eko.id, "seen": card["seen"]})
        assert done == {
            "outcome": "not_waiting",
            "text": said(Text.WS_QUESTION_ANSWERED_BY, name="Eko", by="Admin"),
        }
        assert closes(bot) == 1 and (await dewi.ok("questions-count"))["total"] == 1


async def test_a_close_while_a_group_answer_is_on_its_way_is_refused(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    """Tika replies in the group; while her answer is being sent to Eko, Dewi presses ✔️ on
    her card. Dewi is told the question is answered; Eko gets the answer; nothing is marked
    done, so the lead page never says "nothing was sent" of an answered question."""
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID, SECOND_ADMIN}), staff_chat_id=STAFF_CHAT_ID
    )
    admin = staff_member(bot, staff_chat)
    eko = bot.user(first_name="Eko")
    mark = staff_chat.mark()
    await ask(bot, eko, FIRST)
    _header, question = staff_chat.messages_since(mark)
    async with workspace(bot, SECOND_ADMIN) as dewi:
        [card] = (await dewi.ok("questions"))["talents"]
        held = bot.emulator.hold("sendMessage", chat_id=eko.id, containing="Terbuka kak", times=5)
        talent = eko.mark()
        update = admin.send(
            "Terbuka kak, detailnya minggu depan.", chat=staff_chat, reply_to=question
        )
        answering = asyncio.create_task(bot.settle(update))
        await asyncio.wait_for(held.arrived.wait(), 10)

        done = await dewi.ok("questions-close", {"talent": eko.id, "seen": card["seen"]})

        held.release()
        await answering
    assert done == {
        "outcome": "not_waiting",
        "text": said(Text.WS_QUESTION_ANSWERED_BY, name="Eko", by=str(ADMIN_ID)),
    }
    assert closes(bot) == 0
    assert any("Terbuka kak" in str(message.text) for message in eko.messages_since(talent))
    assert rows(
        bot.database, "SELECT COUNT(*) FROM audit_log WHERE action = 'question_closed'"
    ) == [(0,)]
