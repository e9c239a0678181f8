"""A talent who erases their data while staff's answer to them is on its way: the audit entry
of the answer, written when it has gone (or failed), names neither their lead nor their
Telegram id; and a staff member who erases their own data is no longer named on the answers
they wrote in talents' conversations."""

from __future__ import annotations

import asyncio
import json
import sqlite3

from bot.emulator import EmulatedChat, EmulatedUser
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import SETTLE_TIMEOUT, Harness
from tests.leads import MUSICIAN, Seed, seeded, shown
from tests.test_erasure import traces_in_files, traces_in_tables
from tests.test_holding_replies import RINA, rina_in_group
from tests.test_support import answer as answer_in_group
from tests.test_support import ask, relayed_question
from tests.workspace import workspace

TALENT_ID = 5_839_204_117  # long enough not to occur anywhere by chance


def _rows(bot: Harness, sql: str) -> list[tuple[str | None]]:
    with sqlite3.connect(bot.database) as db:
        return db.execute(sql, ("questions_listed",)).fetchall()


def answered_entries(bot: Harness) -> list[tuple[str | None, str]]:
    """The audit log's answers to talents: whom each is about, and what became of it."""
    with sqlite3.connect(bot.database) as db:
        rows = db.execute(
            "SELECT lead_ref, detail FROM audit_log WHERE action = 'talent_answered' ORDER BY id"
        ).fetchall()
    return [(ref, json.loads(detail)["outcome"]) for ref, detail in rows]


async def erase_meanwhile(bot: Harness, talent: EmulatedUser) -> None:
    """The talent erases their data (/hapusdata, then yes) while an answer is held."""
    mark = talent.mark()
    talent.send("/hapusdata")
    await talent.wait_for_messages(mark, timeout=SETTLE_TIMEOUT)
    mark = talent.mark()
    talent.press(shown(Text.BTN_CONFIRM_DELETE))
    [done] = await talent.wait_for_messages(mark, timeout=SETTLE_TIMEOUT)
    assert done.text == shown(Text.DELETE_DONE)


def no_trace_of_her(bot: Harness) -> None:
    """Her Telegram id nowhere; her lead's reference not in the audit log (staff's notice of
    the erasure names the erased reference, by design: copies of it kept elsewhere go too)."""
    assert traces_in_tables(bot.database, [str(TALENT_ID)]) == []
    assert traces_in_files(bot.database, [str(TALENT_ID)]) == []
    assert [ref for ref, _ in answered_entries(bot) if ref and "KOC-" in ref] == []


async def test_a_workspace_reply_sent_as_she_erases_is_audited_about_no_one(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(user_id=TALENT_ID, first_name="Mia")
    await ask(bot, mia, "Halo, ada info audisi?")
    held = bot.emulator.hold("sendMessage", chat_id=TALENT_ID, containing="Sebentar", times=10)
    async with workspace(bot, ADMIN_ID) as client:
        reply = asyncio.create_task(
            client.call("questions-reply", {"talent": TALENT_ID, "text": "Sebentar ya, kami cek."})
        )
        await asyncio.wait_for(held.arrived.wait(), SETTLE_TIMEOUT)
        await erase_meanwhile(bot, mia)
        held.release()
        status, _ = await reply
    assert status == 200
    assert answered_entries(bot) == [(None, "sent")]  # recorded, about no one
    no_trace_of_her(bot)


async def test_a_lead_page_reply_sent_as_she_erases_keeps_no_lead_reference(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(user_id=TALENT_ID, first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    await relayed_question(bot, staff_chat, sari, "Kapan ada kabar, kak?")
    held = bot.emulator.hold("sendMessage", chat_id=TALENT_ID, containing="Sebentar", times=10)
    async with workspace(bot, ADMIN_ID) as client:
        reply = asyncio.create_task(client.call("reply", {"id": 1, "text": "Sebentar ya."}))
        await asyncio.wait_for(held.arrived.wait(), SETTLE_TIMEOUT)
        await erase_meanwhile(bot, sari)
        held.release()
        await reply
    assert answered_entries(bot) == [(None, "sent")]
    no_trace_of_her(bot)


async def test_a_staff_group_answer_refused_as_she_erases_is_audited_about_no_one(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(user_id=TALENT_ID, first_name="Mia")
    question = await relayed_question(bot, staff_chat, mia, "Halo, ada info audisi?")
    # The copy to her is on its way, then refused (she erased, then blocked the bot).
    held = bot.emulator.hold("copyMessage", chat_id=TALENT_ID, times=10, status=403)
    answer = staff_chat.members[ADMIN_ID].send(
        "Ada, bulan depan.", chat=staff_chat, reply_to=question
    )
    await asyncio.wait_for(held.arrived.wait(), SETTLE_TIMEOUT)
    await erase_meanwhile(bot, mia)
    held.release()
    await bot.settle(answer)
    assert answered_entries(bot) == [(None, "blocked")]
    no_trace_of_her(bot)


async def test_a_staff_member_who_erases_is_no_longer_named_on_the_answers_they_wrote(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(first_name="Mia")
    rina = rina_in_group(bot, staff_chat)
    question = await relayed_question(bot, staff_chat, mia, "Halo, ada info audisi?")
    await answer_in_group(bot, rina, staff_chat, "Ada, Januari.", question)
    with sqlite3.connect(bot.database) as db:
        signed = "SELECT answered_by_id, answered_by FROM conversation_log WHERE chat_id = ?"
        assert db.execute(signed + " AND kind = 'staff_answer'", (mia.id,)).fetchall() == [
            (RINA, "Rina")
        ]
    await bot.send(rina, "/start")  # Rina used the bot as anyone may, then erases that
    await bot.send(rina, "/hapusdata")
    await bot.press(rina, shown(Text.BTN_CONFIRM_DELETE))
    with sqlite3.connect(bot.database) as db:
        # Mia's conversation keeps the answer she got, unsigned (as an older one is).
        assert db.execute(signed + " AND kind = 'staff_answer'", (mia.id,)).fetchall() == [
            (None, None)
        ]
    assert [
        found for found in traces_in_tables(bot.database, ["Rina"]) if "conversation_log" in found
    ] == []


async def test_a_questions_list_that_named_her_is_redacted_when_she_erases(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(user_id=TALENT_ID, first_name="Mia")
    await ask(bot, mia, "Halo, ada info audisi?")
    async with workspace(bot, ADMIN_ID) as client:
        listed = await client.ok("questions")  # she is on it: named in its entry
        assert [talent["user_id"] for talent in listed["talents"]] == [TALENT_ID]
        await erase_meanwhile(bot, mia)
        await client.ok("questions")
    [entry] = [ref for (ref,) in _rows(bot, "SELECT lead_ref FROM audit_log WHERE action = ?")]
    assert entry is not None and len(entry) == 64  # the erasure's hash; no list names her since
    no_trace_of_her(bot)
