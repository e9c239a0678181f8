"""Holding replies and who answered. A reply marked "still owes a full answer" (the Questions
tab's or a lead page's) reaches the talent as any reply, but their questions stay listed and
counted, the staff group hears it was a holding reply, and the audit log records it; every staff
answer line in the workspace names who wrote it (in the workspace or in the staff group; an
admin posting as the group as such; older answers without a name). A reply's audit entry names
the talent when they have no lead, and erasure redacts that as it redacts lead references."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from telegram import Chat, Message
from telegram import User as TelegramUser

from bot.content import Markup
from bot.emulator import EmulatedChat, EmulatedUser
from bot.store import LogEntry, Store
from bot.store.audit import Actor
from bot.store.conversation import AnsweredBy
from bot.store.privacy import subject_hash
from bot.store.workspace import LogLine, WorkspaceReads
from bot.texts import Text
from bot.web.desk import Labels
from bot.web.lead_page import log_line
from handlers.support import _signed
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    MUSICIAN,
    Seed,
    copy_label,
    data_copy,
    section,
    seeded,
    shown,
)
from tests.test_support import answer as answer_in_group
from tests.test_support import answer_words, ask, group_member, relayed_question, staff_member
from tests.test_workspace_questions import audited, erase
from tests.upgrades import made_before
from tests.workspace import init_data, workspace

RINA = 9002
HOLDING = "Terima kasih, kami cek dulu ya, nanti kami kabari."


def rina_in_group(bot: Harness, chat: EmulatedChat) -> EmulatedUser:
    """A second admin, Rina, in the staff group."""
    rina = bot.emulator.user(RINA, first_name="Rina", language_code="id")
    chat.add_member(rina)
    bot.settings.admin_ids = frozenset({ADMIN_ID, RINA})
    return rina


def said(line: dict[str, object]) -> tuple[object, ...]:
    return (line["kind"], line["text"], line["by"], line["holding"])


async def test_the_waiting_rule_counts_a_holding_reply_as_no_answer(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(first_name="Mia")
    await ask(bot, mia, "Ada info audisi?")
    support, log = bot.store.support, bot.store.log
    admin = AnsweredBy(ADMIN_ID, "Admin")
    await log.add(LogEntry(mia.id, mia.id, "out", "staff_answer", HOLDING, None, None, admin, True))
    assert await support.question_waiting(mia.id)
    reads = WorkspaceReads(bot.store.db)
    assert await reads.waiting_count() == 1
    (talent,) = await reads.waiting_questions(10, 10)
    (held,) = await reads.held_replies(mia.id, talent.questions[0].id, 10)
    assert (held.text, held.answered_by, held.keeps_waiting) == (HOLDING, admin, True)
    # A full answer answers everything before it, the holding reply's question too.
    await log.add(LogEntry(mia.id, mia.id, "out", "staff_answer", "Ada, Januari.", None, None))
    assert not await support.question_waiting(mia.id)
    assert await reads.waiting_count() == 0
    await ask(bot, mia, "Di mana?")
    assert await support.question_waiting(mia.id)


async def test_a_holding_reply_from_the_questions_tab_keeps_the_question_listed(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(first_name="Mia", language_code="en")
    question = await relayed_question(bot, staff_chat, mia, "Can I get a visa letter?")
    mark = staff_chat.mark()
    async with workspace(bot, ADMIN_ID) as admin:
        rina = admin.as_user(init_data(bot.settings.token(), RINA, first_name="Rina"))
        bot.settings.admin_ids = frozenset({ADMIN_ID, RINA})
        wrong = await rina.call("questions-reply", {"talent": mia.id, "text": "Hi", "holding": 1})
        assert wrong[0] == 400
        body = {"talent": mia.id, "text": HOLDING, "holding": True}
        replied = await rina.ok("questions-reply", body)
        # Naming her, as a full answer's toast does (a staff review s56: it named nobody).
        assert replied == {
            "outcome": "sent",
            "text": shown(Text.WS_REPLY_SENT_HOLDING, name="Mia"),
        }
        assert replied["text"].startswith("Balasan sementara untuk Mia terkirim")
        # The talent gets it as any reply: the words and Ask again, nothing more.
        assert answer_words(mia.last_message) == HOLDING
        assert mia.last_message.button_texts == [shown(Text.BTN_ASK_REPLY, "en")]
        # Still waiting: counted and listed, the holding reply under the question, by Rina.
        assert await admin.ok("questions-count") == {"total": 1}
        (talent,) = (await admin.ok("questions"))["talents"]
        assert [said(line) for line in talent["questions"]] == [
            ("text", "Can I get a visa letter?", None, False),
            ("staff_answer", HOLDING, "Rina", True),
        ]
        # Colleagues read that it was a holding reply, under her question.
        (note,) = staff_chat.messages_since(mark)
        assert note.reply_to_message_id == question.message_id
        # ... in both languages: the group is shared by staff who read either (session 59).
        gloss = CONTENT.text(Text.SUPPORT_HELD_IN_WORKSPACE_GLOSS, "en", staff="Rina", name="Mia")
        assert note.text == shown(
            Text.SUPPORT_HELD_IN_WORKSPACE,
            staff="Rina",
            name="Mia",
            text=HOLDING,
            gloss=Markup(gloss),
        )
        # The full answer takes her off the list; it is signed too.
        full = await admin.ok("questions-reply", {"talent": mia.id, "text": "Yes, by email."})
        assert full == {"outcome": "sent", "text": shown(Text.WS_REPLY_SENT, name="Mia")}
        assert (await admin.ok("questions"))["talents"] == []
        assert staff_chat.last_message.text.startswith("✅ Admin sudah menjawab Mia")
    # On record: who was answered (she has no lead), and which reply was a holding one.
    assert audited(bot, "talent_answered") == [
        (
            f"talent:{mia.id}",
            {"from": "workspace", "holding": True, "length": len(HOLDING), "outcome": "sent"},
        ),
        (f"talent:{mia.id}", {"from": "workspace", "length": 14, "outcome": "sent"}),
    ]
    # Her copy of her data shows both answers alike: the team's workings stay out of it.
    copied = mia.mark()
    await bot.send(mia, "/dataku")
    document = next(m for m in mia.messages_since(copied) if m.document is not None)
    assert document.document is not None
    rows = section(data_copy(document.document[1]), Text.MYDATA_SECTION_CONVERSATION, "en")
    message = copy_label(Text.MYDATA_FIELD_MESSAGE, "en")
    answers = [row for row in rows if row.get(message) in (HOLDING, "Yes, by email.")]
    assert len(answers) == 2 and answers[0].keys() == answers[1].keys()
    assert not any("Rina" in str(row) or "keeps_waiting" in row for row in rows)


async def test_a_holding_reply_on_a_lead_page_and_the_group_answer_name_who_wrote_them(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    rina = rina_in_group(bot, staff_chat)
    question = await relayed_question(bot, staff_chat, sari, "Kapan ada kabar, kak?")
    async with workspace(bot, ADMIN_ID) as client:
        held = await client.ok("reply", {"id": 1, "text": HOLDING, "holding": True})
        assert held["outcome"] == "sent" and answer_words(sari.last_message) == HOLDING
        [page] = await bot.send(rina, "/lead KOC-000001")
        assert shown(Text.PIPELINE_QUESTION_WAITING) in page.text  # still owed an answer
        # Rina answers in the staff group (a reply to the question): the full answer.
        await answer_in_group(bot, rina, staff_chat, "Minggu depan.", question)
        assert answer_words(sari.last_message) == "Minggu depan."
        lead = await client.ok("lead", {"id": 1})
        assert await client.ok("questions-count") == {"total": 0}
    assert [said(line) for line in lead["questions"]] == [
        ("text", "Kapan ada kabar, kak?", None, False),
        ("staff_answer", HOLDING, "Admin", True),
        ("staff_answer", "Minggu depan.", "Rina", False),
    ]
    answers = [said(line) for line in lead["log"]["lines"] if line["kind"] == "staff_answer"]
    assert answers == [
        ("staff_answer", HOLDING, "Admin", True),
        ("staff_answer", "Minggu depan.", "Rina", False),
    ]
    assert audited(bot, "talent_answered")[0] == (
        "KOC-000001",
        {"from": "workspace", "holding": True, "length": len(HOLDING), "outcome": "sent"},
    )


def test_an_admin_posting_as_the_group_is_named_as_such() -> None:
    staff = Chat(STAFF_CHAT_ID, Chat.SUPERGROUP)
    now = datetime.now(UTC)
    anonymous = TelegramUser(1087968824, "Group", is_bot=True)  # GroupAnonymousBot
    hidden = Message(1, now, staff, from_user=anonymous, sender_chat=staff)
    person = Message(2, now, staff, from_user=TelegramUser(RINA, "Rina", is_bot=False))
    by_group = _signed(hidden, Actor.staff_chat(None), STAFF_CHAT_ID)
    assert by_group == AnsweredBy(STAFF_CHAT_ID, None)
    assert _signed(person, Actor.staff_chat(RINA), STAFF_CHAT_ID) == AnsweredBy(RINA, "Rina")
    labels = Labels(CONTENT, "id")

    def shown_by(by: AnsweredBy | None) -> object:
        line = LogLine(1, "out", "staff_answer", "Ya.", "2026-12-05T02:00:00+00:00", by)
        return log_line(line, labels)["by"]

    assert shown_by(by_group) == CONTENT.text(Text.WS_ANSWERED_ANONYMOUS, "id")
    assert shown_by(AnsweredBy(RINA, None)) == str(RINA)  # no first name: the id
    assert shown_by(None) is None  # an answer from before names were kept


async def test_an_upgraded_database_keeps_its_answers_unsigned_and_answered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "old.db"
    await made_before(database, monkeypatch, "staff_answer_signed_and_holding", talents=[501])
    with sqlite3.connect(database) as db:  # a question and its answer, as the bot of then kept them
        db.executescript(
            "INSERT INTO conversation_log (chat_id, user_id, direction, kind, text, message_id,"
            " created_at) VALUES (501, 501, 'in', 'text', 'Ada audisi?', 7,"
            " '2026-11-01T00:00:00.000000+00:00'), (501, 501, 'out', 'staff_answer', 'Ada.', 8,"
            " '2026-11-01T01:00:00.000000+00:00');"
            "INSERT INTO relayed_messages (staff_chat_id, staff_message_id, user_id, kind,"
            " talent_message_id, created_at) VALUES (-100, 3, 501, 'question', 7,"
            " '2026-11-01T00:00:01.000000+00:00')"
        )
    store = await Store.open(database)
    try:
        assert not await store.support.question_waiting(501)  # the old answer still answers
        lines, _ = await WorkspaceReads(store.db).log_page(501, None, 10)
        shown_lines = [log_line(line, Labels(CONTENT, "id")) for line in lines]
        assert [(line["text"], line["by"], line["holding"]) for line in shown_lines] == [
            ("Ada audisi?", None, False),
            ("Ada.", None, False),  # no name, rather than a wrong one
        ]
    finally:
        await store.close()


async def test_erasure_redacts_the_talent_an_answer_was_for(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(first_name="Mia")
    await ask(bot, mia, "Halo?")
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("questions-reply", {"talent": mia.id, "text": "Halo juga."})
    assert [ref for ref, _ in audited(bot, "talent_answered")] == [f"talent:{mia.id}"]
    await erase(bot, mia)
    assert [ref for ref, _ in audited(bot, "talent_answered")] == [
        subject_hash(mia.id, bot.store.privacy.key)
    ]


async def test_a_reply_quotes_the_question_it_answers_and_a_follow_up_quotes_none(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    [asked] = await ask(bot, sari, "Kapan ada kabar, kak?")
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("reply", {"id": 1, "text": HOLDING, "holding": True})
        assert sari.last_message.reply_to_message_id == asked  # it still waits: quoted
        await client.ok("reply", {"id": 1, "text": "Minggu depan."})
        assert sari.last_message.reply_to_message_id == asked  # the answer to it
        await client.ok("reply", {"id": 1, "text": "Satu lagi: siapkan showreel, ya."})
    # Nothing waits: a follow-up from the lead page is not shown as an answer to it.
    assert answer_words(sari.last_message) == "Satu lagi: siapkan showreel, ya."
    assert sari.last_message.reply_to_message_id is None


async def test_a_staff_group_answer_marked_as_a_holding_reply_keeps_the_question_waiting(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(first_name="Mia")
    question = await relayed_question(bot, staff_chat, mia, "Apakah tiket pesawat ditanggung?")
    rina = rina_in_group(bot, staff_chat)
    await answer_in_group(bot, rina, staff_chat, HOLDING, question)
    confirmation = staff_chat.last_message
    assert confirmation.text == "✅ Terkirim ke Mia\nSent to Mia."
    assert confirmation.button_texts == [shown(Text.BTN_MARK_HOLDING)]
    assert await bot.store.support.question_waiting(mia.id) is False  # an answer, so far
    # A member who is not an admin cannot mark it.
    mina = group_member(bot, staff_chat)
    await bot.act(mina, mina.press, shown(Text.BTN_MARK_HOLDING), message=confirmation)
    assert mina.callback_answers[-1].text == shown(Text.BUTTON_EXPIRED)
    assert await bot.store.support.question_waiting(mia.id) is False
    # Rina marks it: Mia's question waits on, on the Questions tab and in /lead's notice.
    await bot.act(rina, rina.press, shown(Text.BTN_MARK_HOLDING), message=confirmation)
    assert rina.callback_answers[-1].text == shown(Text.SUPPORT_MARKED_HOLDING_TOAST)
    assert await bot.store.support.question_waiting(mia.id) is True
    marked = staff_chat.message(confirmation.message_id)
    assert marked is not None
    assert (
        marked.text
        == f"✅ Terkirim ke Mia\nSent to Mia.\n\n{shown(Text.SUPPORT_MARKED_HOLDING, staff='Rina')}"
    )
    async with workspace(bot, ADMIN_ID) as client:
        [waiting] = (await client.ok("questions"))["talents"]
    assert [said(line) for line in waiting["questions"]] == [
        ("text", "Apakah tiket pesawat ditanggung?", None, False),
        ("staff_answer", HOLDING, "Rina", True),
    ]
    assert audited(bot, "talent_answer_held") == [
        (f"talent:{mia.id}", {"from": "staff_chat", "holding": True})
    ]
    # The full answer, later, takes her off: a colleague's too (s59: the holding reply's claim
    # on her question goes with the mark, or the colleague was told it was answered).
    mark = mia.mark()
    await answer_in_group(
        bot, staff_member(bot, staff_chat), staff_chat, "Ya, ditanggung.", question
    )
    assert [answer_words(message) for message in mia.messages_since(mark)] == ["Ya, ditanggung."]
    assert await bot.store.support.question_waiting(mia.id) is False


async def test_a_holding_mark_is_offered_and_taken_only_while_a_question_waits(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(first_name="Mia")
    question = await relayed_question(bot, staff_chat, mia, "Apakah tiket pesawat ditanggung?")
    rina = rina_in_group(bot, staff_chat)
    await answer_in_group(bot, rina, staff_chat, "Ya, ditanggung.", question)
    first = staff_chat.last_message
    assert first.button_texts == [shown(Text.BTN_MARK_HOLDING)]  # her question waited
    # A follow-up promise to "✅ Terkirim ke Mia", with nothing of hers waiting: a holding
    # mark would keep nothing listed, so none is offered.
    await answer_in_group(bot, rina, staff_chat, HOLDING, first)
    follow_up = staff_chat.last_message
    assert follow_up.text == "✅ Terkirim ke Mia\nSent to Mia."
    assert follow_up.button_texts == []
    # The first answer's button, pressed after a later full answer: nothing would wait, so
    # nothing is marked or audited, and Rina is told why.
    await answer_in_group(bot, rina, staff_chat, "Tiketnya kelas ekonomi.", question)
    await bot.act(rina, rina.press, shown(Text.BTN_MARK_HOLDING), message=first)
    assert rina.callback_answers[-1].text == shown(Text.SUPPORT_HOLDING_NOTHING)
    assert await bot.store.support.question_waiting(mia.id) is False
    assert audited(bot, "talent_answer_held") == []
    unmarked = staff_chat.message(first.message_id)
    assert unmarked is not None and not unmarked.reply_markup  # the button is gone
    async with workspace(bot, ADMIN_ID) as client:
        assert (await client.ok("questions"))["talents"] == []


async def test_a_lead_page_reply_marked_holding_with_no_question_waiting_says_so(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    budi = bot.user(first_name="Budi")
    await seeded(bot.database, [Seed(budi.id, MUSICIAN, first_name="Budi")])
    await bot.send(budi, "/start")
    async with workspace(bot, ADMIN_ID) as client:
        assert (await client.ok("lead", {"id": 1}))["question_waiting"] is False
        sent = await client.ok("reply", {"id": 1, "text": HOLDING, "holding": True})
        assert sent["text"] == shown(Text.WS_REPLY_SENT_UNHELD, name=MUSICIAN["full_name"])
        assert answer_words(budi.last_message) == HOLDING  # he gets it as any reply
        assert (await client.ok("questions"))["talents"] == []
        [line] = (await client.ok("lead", {"id": 1}))["questions"]
        assert said(line) == ("staff_answer", HOLDING, "Admin", False)
    assert [detail for _, detail in audited(bot, "talent_answered")] == [
        {"from": "workspace", "length": len(HOLDING), "outcome": "sent"}
    ]
    # With a question of his waiting, the tick is offered and keeps it listed.
    await ask(bot, budi, "Kapan ada kabar?")
    async with workspace(bot, ADMIN_ID) as client:
        assert (await client.ok("lead", {"id": 1}))["question_waiting"] is True
        sent = await client.ok("reply", {"id": 1, "text": HOLDING, "holding": True})
        assert sent["text"] == shown(Text.WS_REPLY_SENT_HOLDING, name=MUSICIAN["full_name"])
        assert sent["text"].startswith(f"Balasan sementara untuk {MUSICIAN['full_name']}")
        assert [talent["user_id"] for talent in (await client.ok("questions"))["talents"]] == [
            budi.id
        ]
