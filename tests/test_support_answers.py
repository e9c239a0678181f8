"""Staff answers to a talent, from the staff group and from the workspace: each one is in the
audit log (who answered, which lead, from where), one line of the talent's conversation with
its words, and in words (never the log's codes) in the talent's /dataku copy."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from telegram import Chat, Message
from telegram import User as TelegramUser

from bot.cli_pipeline import _line
from bot.data_copy import MESSAGE_KINDS
from bot.emulator import EmulatedChat
from bot.store import LogEntry
from bot.store.audit import Actor, AuditEntry
from bot.texts import Text
from handlers.support import _answerer
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, copy_label, data_copy, section
from tests.processes import clean_env, run_cli
from tests.test_pipeline import rows
from tests.test_support import answer, answer_words, relayed_question, staff_member
from tests.workspace import workspace

IN_GROUP = "Minggu depan ya, kak. Cek email juga."
IN_WORKSPACE = "Tambahan: jadwal wawancara kami kirim Senin."


async def test_each_staff_answer_is_audited_and_logged_once_with_its_words(
    bot: Harness, staff_chat: EmulatedChat, tmp_path: Path
) -> None:
    sari = bot.user(first_name="Sari", last_name="Dewi")
    reference = await apply(bot, sari, MUSICIAN)
    await bot.store.log.add(LogEntry(sari.id, sari.id, "out", "photo", None))  # no caption
    question = await relayed_question(bot, staff_chat, sari, "Kapan ada kabar, kak?")
    await answer(bot, staff_member(bot, staff_chat), staff_chat, IN_GROUP, question)
    from_group = sari.last_message
    assert answer_words(from_group) == IN_GROUP
    assert staff_chat.last_message.text == "✅ Terkirim ke Sari Dewi\nSent to Sari Dewi."
    async with workspace(bot, ADMIN_ID) as client:
        replied = await client.ok("reply", {"id": 1, "text": IN_WORKSPACE})
        assert replied["outcome"] == "sent" and answer_words(sari.last_message) == IN_WORKSPACE
        lead = await client.ok("lead", {"id": 1})

    # (1) Both answers are staff actions on her lead, with who answered and from where; the
    # words stay out of the audit log.
    audited = rows(
        bot.database,
        "SELECT actor_id, via, lead_ref, detail FROM audit_log"
        " WHERE action = 'talent_answered' ORDER BY id",
    )
    assert [(actor, via, lead) for actor, via, lead, _ in audited] == [
        (ADMIN_ID, "telegram", reference),
        (ADMIN_ID, "telegram", reference),
    ]
    details = [json.loads(detail) for *_, detail in audited]
    assert [(detail["from"], detail["outcome"]) for detail in details] == [
        ("staff_chat", "sent"),
        ("workspace", "sent"),
    ]
    assert details[0]["length"] == len(IN_GROUP)
    assert not any("Minggu" in detail or "jadwal" in detail for *_, detail in audited)
    # `kocca-bot audit` prints the group's answer as it prints the workspace's.
    env = clean_env(tmp_path, DATABASE_PATH=str(bot.database))
    code, printed, err = await run_cli(tmp_path, env, "audit", "--lead", reference)
    assert code == 0, err
    answered = [line for line in printed.splitlines() if "talent_answered" in line]
    assert len(answered) == 2
    # From the group: "staff" (with STAFF_REPLY_ANYONE a member who is no admin may answer);
    # named as the workspace saw them (they never wrote to the bot in private).
    assert f"staff Admin ({ADMIN_ID})" in answered[0] and "from=staff_chat" in answered[0]
    assert f"admin Admin ({ADMIN_ID})" in answered[1] and "from=workspace" in answered[1]

    # (2) Each answer is one line of her conversation: a staff answer, with its words.
    log = await bot.store.log.for_chat(sari.id)
    for words in (IN_GROUP, IN_WORKSPACE):
        lines = [entry for entry in log if entry.direction == "out" and entry.text == words]
        assert [entry.kind for entry in lines] == ["staff_answer"]
    assert not any((entry.text or "").startswith("[copy of message") for entry in log)
    shown = [(line["kind"], line["text"]) for line in lead["log"]["lines"]]
    assert shown[-2:] == [("staff_answer", IN_GROUP), ("staff_answer", IN_WORKSPACE)]
    assert [text for _, text in shown].count(IN_WORKSPACE) == 1
    assert not any("[copy of message" in (text or "") for _, text in shown)
    assert ("photo", "[foto]") in shown  # a line without words: its kind, in words

    # (3) Her copy of her data names every kind of line in her language.
    mark = sari.mark()
    await bot.send(sari, "/dataku")
    document = next(m for m in sari.messages_since(mark) if m.document is not None)
    assert document.document is not None
    _, payload, _ = document.document
    assert "[copy of message" not in payload.decode()
    conversation = section(data_copy(payload), Text.MYDATA_SECTION_CONVERSATION)
    kind, message = copy_label(Text.MYDATA_FIELD_KIND), copy_label(Text.MYDATA_FIELD_MESSAGE)
    labels = {CONTENT.text(key, "id") for key in MESSAGE_KINDS.values()}
    raw = set(MESSAGE_KINDS) - labels  # "video" is "video" in Indonesian too
    assert {row[kind] for row in conversation} <= labels
    assert not {row[kind] for row in conversation} & raw
    answers = [row[message] for row in conversation if row[kind] == "jawaban tim kami"]
    assert answers == [IN_GROUP, IN_WORKSPACE]
    # What was passed on to the team's group: each answer once, with its words (session 50:
    # the group's was listed twice, its staff message and the bot's "✅ Terkirim" note).
    questions = section(data_copy(payload), Text.MYDATA_SECTION_QUESTIONS)
    relayed = questions[copy_label(Text.MYDATA_FIELD_RELAYED)]
    listed = [(row[kind], row.get(message)) for row in relayed]
    assert listed == [
        (copy_label(Text.MYDATA_RELAYED_HEADER), None),
        (copy_label(Text.MYDATA_RELAYED_QUESTION), None),
        (copy_label(Text.MYDATA_RELAYED_ANSWER), IN_GROUP),
        (copy_label(Text.MYDATA_RELAYED_ANSWER), IN_WORKSPACE),
    ]
    # The group still knows both messages: a reply to either reaches her.
    kinds = "SELECT kind FROM relayed_messages WHERE kind = 'answer'"
    assert len(rows(bot.database, kinds)) == 3


def test_an_anonymous_admins_answer_is_audited_as_the_staff_chat_without_a_person() -> None:
    staff = Chat(STAFF_CHAT_ID, Chat.SUPERGROUP)
    anonymous = TelegramUser(1087968824, "Group", is_bot=True)  # GroupAnonymousBot
    now = datetime.now(UTC)
    hidden = Message(1, now, staff, from_user=anonymous, sender_chat=staff)
    person = Message(2, now, staff, from_user=TelegramUser(ADMIN_ID, "Admin", is_bot=False))
    assert _answerer(hidden) == Actor.staff_chat(None)
    assert _answerer(person) == Actor.staff_chat(ADMIN_ID)
    entry = AuditEntry(
        1,
        "2026-12-05T02:00:00.000000+00:00",
        Actor("telegram", None),
        "talent_answered",
        "KOC-000001",
        {"from": "staff_chat", "sender": "anonymous_admin", "outcome": "sent", "length": 5},
    )
    printed = _line(entry, {})
    assert "anonymous admin" in printed and "cli" not in printed
    assert "from=staff_chat" in printed and "sender=anonymous_admin" in printed


async def test_an_answer_sent_while_the_log_cannot_be_written_is_logged_once_it_can(
    bot: Harness, staff_chat: EmulatedChat, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk after the answer went out: staff are told it was sent (they must not send it
    again), it is audited, and its line, held, is written with its words once writes work."""
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    write = bot.store.log.add_sent
    disk_full = True

    async def add_sent(entries: list[Any]) -> None:
        if disk_full:
            raise sqlite3.OperationalError("database or disk is full")
        await write(entries)

    monkeypatch.setattr(bot.store.log, "add_sent", add_sent)
    async with workspace(bot, ADMIN_ID) as client:
        sent = await client.ok("reply", {"id": 1, "text": "Jadwalnya Februari, kak."})
    assert answer_words(sari.last_message) == "Jadwalnya Februari, kak."
    assert "Jadwalnya" not in json.dumps(sent)  # the reply's result, not the words again
    assert [action for (action,) in rows(bot.database, "SELECT action FROM audit_log")].count(
        "talent_answered"
    ) == 1
    disk_full = False
    await bot.send(sari, "/status")  # the next line written takes the held one with it
    lines = [
        (line.kind, line.text)
        for line in await bot.store.log.for_chat(sari.id)
        if line.text == "Jadwalnya Februari, kak."
    ]
    assert lines == [("staff_answer", "Jadwalnya Februari, kak.")]


async def test_an_anonymous_admin_adds_to_an_answer_by_its_note_as_the_guide_says(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """The final review s59, L2: anonymous admins cannot be told apart, so one replying to an
    answered question again is refused as a colleague is (a named admin may add to their own
    answer that way); where the staff guide gives the claim rule, it says to reply to the ✅
    note instead."""
    mia = bot.user(first_name="Mia")
    rina = bot.user(first_name="Rina")
    await relayed_question(bot, staff_chat, mia, "Kapan MU:CON dibuka?")
    await relayed_question(bot, staff_chat, rina, "Boleh kirim demo lewat email?")
    asked = "SELECT talent_message_id FROM relayed_messages WHERE kind = 'question' AND user_id = ?"
    ((mias,),) = rows(bot.database, asked, (mia.id,))
    ((rinas,),) = rows(bot.database, asked, (rina.id,))
    support = bot.store.support
    assert (await support.claim(mia.id, None, chosen=[mias])).ids == (mias,)
    assert (await support.claim(mia.id, None, chosen=[mias])).taken  # anyone's, or the same one's
    assert (await support.claim(rina.id, ADMIN_ID, chosen=[rinas])).ids == (rinas,)
    assert not (await support.claim(rina.id, ADMIN_ID, chosen=[rinas])).taken  # their own
    guide = (Path(__file__).parents[1] / "docs" / "staff-guide.md").read_text()
    rule = " ".join(guide.split("\nA question is answered once.")[1].split("\n\n")[0].split())
    assert "Your own answer you can add to by replying to the question again" in rule
    assert "to add to an anonymous answer, reply to its *✅* note" in rule
