"""A talent who erases their data while staff's answer to them is on its way: the audit entry
of the answer, written when it has gone (or failed), names neither their lead nor their
Telegram id; and a staff member who erases their own data is no longer named on the answers
they wrote in talents' conversations."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bot.emulator import EmulatedChat, EmulatedUser
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import SETTLE_TIMEOUT, Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded, shown
from tests.processes import clean_env, run_cli
from tests.test_erasure import traces_in_files, traces_in_tables
from tests.test_holding_replies import RINA, rina_in_group
from tests.test_support import answer as answer_in_group
from tests.test_support import answer_words, ask, relayed_question
from tests.workspace import init_data, workspace

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
    # Her questions were relayed to the staff chat: it is told to delete them there.
    assert done.text == f"{shown(Text.DELETE_DONE)}\n{shown(Text.DELETE_DONE_COPIES)}"


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


async def lead_page_reply_while(
    bot: Harness, chat: EmulatedChat, meanwhile: Callable[[EmulatedUser], Awaitable[None]]
) -> EmulatedUser:
    """Sari, with a lead and a question to the team, does something while a lead-page reply
    to her is on its way."""
    sari = bot.user(user_id=TALENT_ID, first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    await relayed_question(bot, chat, sari, "Kapan ada kabar, kak?")
    held = bot.emulator.hold("sendMessage", chat_id=TALENT_ID, containing="Sebentar", times=10)
    async with workspace(bot, ADMIN_ID) as client:
        reply = asyncio.create_task(client.call("reply", {"id": 1, "text": "Sebentar ya."}))
        await asyncio.wait_for(held.arrived.wait(), SETTLE_TIMEOUT)
        await meanwhile(sari)
        held.release()
        await reply
    return sari


async def test_a_lead_page_reply_sent_as_she_erases_keeps_no_lead_reference(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    await lead_page_reply_while(bot, staff_chat, lambda sari: erase_meanwhile(bot, sari))
    assert answered_entries(bot) == [(None, "sent")]
    no_trace_of_her(bot)


async def test_a_staff_group_answer_refused_as_she_erases_is_audited_about_no_one(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(user_id=TALENT_ID, first_name="Mia")
    question = await relayed_question(bot, staff_chat, mia, "Halo, ada info audisi?")
    # The copy to her is on its way, then refused (she erased, then blocked the bot).
    held = bot.emulator.hold(
        "sendMessage", chat_id=TALENT_ID, containing="bulan depan", times=10, status=403
    )
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


def signatures(bot: Harness) -> list[tuple[int | None, str | None]]:
    """Who each staff answer in the log is signed by (their id and name)."""
    with sqlite3.connect(bot.database) as db:
        return db.execute(
            "SELECT answered_by_id, answered_by FROM conversation_log WHERE kind = 'staff_answer'"
        ).fetchall()


async def test_a_staff_member_who_erases_while_her_reply_is_on_its_way_is_not_named_on_it(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(user_id=TALENT_ID, first_name="Mia")
    rina = rina_in_group(bot, staff_chat)
    await bot.send(rina, "/start")
    await ask(bot, mia, "Halo, ada info audisi?")
    held = bot.emulator.hold("sendMessage", chat_id=TALENT_ID, containing="Sebentar", times=10)
    async with workspace(bot, RINA) as client:
        client = client.as_user(init_data(bot.settings.token(), RINA, first_name="Rina"))
        reply = asyncio.create_task(
            client.call("questions-reply", {"talent": TALENT_ID, "text": "Sebentar ya, kami cek."})
        )
        await asyncio.wait_for(held.arrived.wait(), SETTLE_TIMEOUT)
        await bot.send(rina, "/hapusdata")
        await bot.press(rina, shown(Text.BTN_CONFIRM_DELETE))  # done, her log forgotten too
        held.release()
        status, _ = await reply
    assert status == 200 and answer_words(mia.last_message) == "Sebentar ya, kami cek."
    assert signatures(bot) == [(None, None)]  # Mia keeps the answer, unsigned


async def test_a_reply_on_its_way_as_she_withdraws_consent_names_no_lead_erasure_would_miss(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    async def withdraw(sari: EmulatedUser) -> None:
        """She withdraws consent to processing: her lead goes, she stays a user."""
        await bot.send(sari, "/privasi")
        await bot.press(sari, CONTENT.text(Text.BTN_MY_CONSENTS, "id"))
        processing = CONTENT.text(Text.CONSENT_KIND_PROCESSING, "id")
        await bot.press(sari, CONTENT.text(Text.BTN_WITHDRAW, "id", kind=processing))
        await bot.press(sari, CONTENT.text(Text.BTN_CONFIRM_WITHDRAW, "id"))

    sari = await lead_page_reply_while(bot, staff_chat, withdraw)
    # The entry names her (the lead is gone), which her erasure then redacts.
    assert answered_entries(bot) == [(f"talent:{TALENT_ID}", "sent")]
    await bot.send(sari, "/hapusdata")
    await bot.press(sari, shown(Text.BTN_CONFIRM_DELETE))
    no_trace_of_her(bot)


async def test_a_restore_does_not_bring_back_the_name_of_a_staff_member_who_erased(
    make_bot: Any, staff_chat: EmulatedChat, database: Path, tmp_path: Path
) -> None:
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID, RINA}), staff_chat_id=staff_chat.id
    )
    env = clean_env(tmp_path, BOT_TOKEN="1:x", DATABASE_PATH=str(database))
    mia = bot.user(first_name="Mia")
    rina = bot.emulator.user(RINA, first_name="Rina", language_code="id")
    staff_chat.add_member(rina)  # she answers in the group, never having written to the bot
    question = await relayed_question(bot, staff_chat, mia, "Halo, ada info audisi?")
    await answer_in_group(bot, rina, staff_chat, "Ada, Januari.", question)
    assert signatures(bot) == [(RINA, "Rina")]
    backup = tmp_path / "monday.db"
    code, _, err = await run_cli(tmp_path, env, "backup", "--output", str(backup))
    assert code == 0, err
    await bot.send(rina, "/start")
    await bot.send(rina, "/hapusdata")
    await bot.press(rina, shown(Text.BTN_CONFIRM_DELETE))
    await bot.runner.wait_idle()
    assert signatures(bot) == [(None, None)]
    await bot.stop()
    code, _, err = await run_cli(tmp_path, env, "restore", str(backup))
    assert code == 0, err
    assert signatures(bot) == [(None, None)]  # the backup's copy of her name is gone again


async def test_a_restore_does_not_bring_back_who_taught_the_bot_once_they_erased(
    make_bot: Any, staff_chat: EmulatedChat, database: Path, tmp_path: Path
) -> None:
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID, RINA}), staff_chat_id=staff_chat.id
    )
    env = clean_env(tmp_path, BOT_TOKEN="1:x", DATABASE_PATH=str(database))
    async with workspace(bot, RINA) as client:  # she teaches, never answering a talent
        client = client.as_user(init_data(bot.settings.token(), RINA, first_name="Rina"))
        await client.ok("teach", {"entry": "faq:after_registering", "text": "kalau tidak lolos"})

    def taught_by() -> list[tuple[Any, ...]]:
        with sqlite3.connect(database) as db:
            return db.execute(
                "SELECT taught_by_id, taught_by, text FROM taught_phrasings"
            ).fetchall()

    assert taught_by() == [(RINA, "Rina", "kalau tidak lolos")]
    backup = tmp_path / "monday.db"
    code, _, err = await run_cli(tmp_path, env, "backup", "--output", str(backup))
    assert code == 0, err
    rina = bot.emulator.user(RINA, first_name="Rina", language_code="id")
    await bot.send(rina, "/start")
    await bot.send(rina, "/hapusdata")
    await bot.press(rina, shown(Text.BTN_CONFIRM_DELETE))
    await bot.runner.wait_idle()
    assert taught_by() == [(None, None, "kalau tidak lolos")]  # the wording stays, unsigned
    await bot.stop()
    code, _, err = await run_cli(tmp_path, env, "restore", str(backup))
    assert code == 0, err
    assert taught_by() == [(None, None, "kalau tidak lolos")]  # the backup's copy of her name
