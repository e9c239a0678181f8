"""A talent's waiting question answered outside the bot (by phone) is marked done without a
reply (a staff review s64, M1): "✔️ Tandai selesai (tanpa membalas)" on the workspace's
question card and lead page, and under the question in the staff group. The talent gets
nothing; the question leaves the Questions tab, its count, the lead page's notice and the
digest's count; the audit log and the lead page say who did it; a stale page or button says
who answered or closed it first; the talent writing again waits anew."""

from __future__ import annotations

import json
from typing import Any

from bot.emulator import EmulatedChat
from bot.leads.export import plain_text
from bot.texts import Text
from handlers.staff_questions import CLOSE
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
from tests.test_pipeline import SECOND_ADMIN, rows
from tests.test_support import answer, ask, staff_member
from tests.workspace import init_data, workspace

PHONE_QUESTION = "Apakah saya harus punya manajer untuk ikut? Bisa hubungi saya di 081299998888"


def said(key: Text, **values: Any) -> str:
    """A workspace text as the page shows it (Indonesian)."""
    return plain_text(CONTENT.text(key, "id", **values))


def audited(bot: Harness, action: str) -> list[tuple[int | None, str | None, dict[str, Any]]]:
    found = rows(
        bot.database,
        "SELECT actor_id, lead_ref, detail FROM audit_log WHERE action = ? ORDER BY id",
        (action,),
    )
    return [(actor, ref, json.loads(detail)) for actor, ref, detail in found]


async def digest_lines(bot: Harness, staff_chat: EmulatedChat) -> list[str]:
    """/stats in the staff group, then 📰 Ringkasan harian: the digest's lines."""
    admin = staff_member(bot, staff_chat)
    mark = staff_chat.mark()
    await bot.act(admin, admin.send, "/stats", chat=staff_chat)
    report = next(m for m in staff_chat.messages_since(mark) if m.button_texts)
    mark = staff_chat.mark()
    await bot.act(admin, admin.press, shown(Text.BTN_DIGEST_ASK), message=report)
    (digest,) = staff_chat.messages_since(mark)
    return str(digest.text).splitlines()


def asking_line(lines: list[str]) -> list[str]:
    start = plain_text(CONTENT.text(Text.DIGEST_QUESTIONS, "id", count="1", since="X"))
    return [line for line in lines if line.startswith(start.split("1")[0])]


async def test_a_question_answered_by_phone_is_marked_done_and_the_talent_gets_nothing(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    """Eko asks with /tanya; Tika phones him and marks it done on his card. He gets nothing;
    the tab, its count, the lead page and the digest no longer count him; the audit log and
    the lead page say Tika did it; Dewi's older page is told so; his next question waits."""
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID, SECOND_ADMIN}), staff_chat_id=STAFF_CHAT_ID
    )
    eko = bot.user(first_name="Eko")
    await seeded(bot.database, [Seed(eko.id, MUSICIAN, first_name="Eko")])
    await ask(bot, eko, PHONE_QUESTION)
    assert asking_line(await digest_lines(bot, staff_chat))  # he waits, as the review saw
    async with workspace(bot, ADMIN_ID) as tika:
        tika.data = init_data(bot.settings.token(), ADMIN_ID, first_name="Tika")
        dewi = tika.as_user(init_data(bot.settings.token(), SECOND_ADMIN, first_name="Dewi"))
        [card] = (await dewi.ok("questions"))["talents"]  # Dewi's page, drawn before
        assert card["user_id"] == eko.id
        lead = await tika.ok("lead", {"reference": "KOC-000001"})
        assert lead["question_waiting"] is True
        mark, group = eko.mark(), staff_chat.mark()

        done = await tika.ok("questions-close", {"talent": eko.id, "seen": lead["question_seen"]})

        assert done == {"outcome": "closed", "text": said(Text.WS_QUESTION_CLOSED, name="Eko")}
        assert eko.messages_since(mark) == []  # not a word to the talent
        listed = await tika.ok("questions")
        assert (listed["talents"], listed["total"]) == ([], 0)
        assert (await tika.ok("questions-count"))["total"] == 0
        lead = await tika.ok("lead", {"reference": "KOC-000001"})
        assert lead["question_waiting"] is False
        *_, closed = lead["questions"]
        assert (closed["kind"], closed["by"]) == ("question_closed", "Tika")
        assert closed["text"] == said(Text.WS_QUESTION_CLOSED_LINE)
        # The staff group hears of it under his question: nobody answers it again.
        [note] = staff_chat.messages_since(group)
        assert note.text.startswith(
            plain_text(
                CONTENT.text(
                    Text.SUPPORT_QUESTIONS_CLOSED, "id", staff="Tika", name="Eko", gloss=""
                )
            ).splitlines()[0]
        )
        # Audited: who, about his lead; no question text.
        [(actor, reference, detail)] = audited(bot, "question_closed")
        assert (actor, reference, detail["from"], detail["waited"]) == (
            ADMIN_ID,
            "KOC-000001",
            "workspace",
            1,
        )
        assert "manajer" not in json.dumps(detail) and "0812" not in json.dumps(detail)

        # Dewi presses it on her older page: told who did it, nothing recorded twice.
        late = await dewi.ok("questions-close", {"talent": eko.id, "seen": card["seen"]})
        assert late == {
            "outcome": "not_waiting",
            "text": said(Text.WS_QUESTION_CLOSED_BY, name="Eko", by="Tika"),
        }
        assert len(audited(bot, "question_closed")) == 1
        assert eko.messages_since(mark) == []

        # He writes again: a new question, waiting.
        await ask(bot, eko, "Kak, satu lagi: audisinya online?")
        [again] = (await tika.ok("questions"))["talents"]
        assert [line["text"] for line in again["questions"]] == [
            "Kak, satu lagi: audisinya online?"
        ]
    assert asking_line(await digest_lines(bot, staff_chat))


async def test_the_digest_stops_counting_a_question_marked_done(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """The digest's "menunggu jawaban tim" counted Eko every morning (the review's 4)."""
    eko = bot.user(first_name="Eko")
    await ask(bot, eko, PHONE_QUESTION)
    assert asking_line(await digest_lines(bot, staff_chat))
    async with workspace(bot, ADMIN_ID) as client:
        [card] = (await client.ok("questions"))["talents"]
        closing = {"talent": eko.id, "seen": card["seen"]}
        assert (await client.ok("questions-close", closing))["outcome"] == "closed"
    assert asking_line(await digest_lines(bot, staff_chat)) == []


async def test_a_form_notes_question_marked_done_from_the_lead_page(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """Maya's question in her form's note to the team waits too; marked done, the lead page's
    "punya pertanyaan" notice goes and the note is no longer tagged as waiting."""
    maya = bot.user(first_name="Maya")
    note = "Apakah kami perlu manajer untuk ikut?"
    await seeded(bot.database, [Seed(maya.id, {**MUSICIAN, "message": note}, first_name="Maya")])
    async with workspace(bot, ADMIN_ID) as client:
        lead = await client.ok("lead", {"reference": "KOC-000001"})
        assert lead["note_asks"] is True
        assert (await client.ok("questions-count"))["total"] == 1
        closing = {"talent": lead["talent"]["user_id"], "seen": lead["question_seen"]}
        done = await client.ok("questions-close", closing)
        assert done["outcome"] == "closed"
        lead = await client.ok("lead", {"reference": "KOC-000001"})
        assert lead["note_asks"] is False
        [asked, closed] = lead["questions"]
        assert (asked["kind"], asked["waiting"]) == ("form_note", False)
        assert (closed["kind"], closed["by"]) == ("question_closed", "Admin")
        assert (await client.ok("questions-count"))["total"] == 0


async def test_the_staff_group_button_marks_it_done_and_a_stale_one_says_who_answered(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """Pipit has not registered: no lead page, but her question's header in the staff group
    has ✔️ Tandai selesai. Pressed, she gets nothing and the button goes; Sari's header,
    pressed after a colleague answered her in the group, says who answered."""
    admin = staff_member(bot, staff_chat)
    pipit = bot.user(first_name="Pipit")
    mark = staff_chat.mark()
    await ask(bot, pipit, "Halo?")
    header, question = staff_chat.messages_since(mark)
    assert shown(Text.BTN_QUESTION_CLOSE) in header.button_texts
    talent_mark, group = pipit.mark(), staff_chat.mark()
    await bot.act(admin, admin.press, shown(Text.BTN_QUESTION_CLOSE), message=header)
    assert admin.callback_answers[-1].text == shown(Text.SUPPORT_QUESTIONS_CLOSED_TOAST)
    assert pipit.messages_since(talent_mark) == []
    stored = staff_chat.message(header.message_id)
    assert stored is not None and not (stored.reply_markup or {}).get("inline_keyboard")
    *_, note = staff_chat.messages_since(group)  # (the header, its button gone, before it)
    assert note.text.startswith("✔️ Admin") and note.reply_to_message_id == question.message_id
    [(actor, reference, detail)] = audited(bot, "question_closed")
    assert (actor, reference, detail["from"]) == (ADMIN_ID, f"talent:{pipit.id}", "staff_chat")
    async with workspace(bot, ADMIN_ID) as client:
        assert (await client.ok("questions"))["talents"] == []
    # The same button pressed again (another admin's copy of the chat): who closed it.
    await bot.act(admin, admin.press_raw, header.message_id, f"{CLOSE}{pipit.id}", chat=staff_chat)
    assert admin.callback_answers[-1].text == shown(
        Text.SUPPORT_QUESTIONS_CLOSED_BY, name="Pipit", by="Admin"
    )

    sari = bot.user(first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    mark = staff_chat.mark()
    await ask(bot, sari, "Kapan ada kabar, kak?")
    header, question = staff_chat.messages_since(mark)
    await answer(bot, admin, staff_chat, "Akhir bulan ini, kak.", question)
    await bot.act(admin, admin.press, shown(Text.BTN_QUESTION_CLOSE), message=header)
    assert admin.callback_answers[-1].text == shown(
        Text.SUPPORT_QUESTIONS_ANSWERED_BY, name="Sari", by="Admin"
    )
    assert len(audited(bot, "question_closed")) == 1


async def test_my_data_and_erasure_carry_the_mark(bot: Harness, staff_chat: EmulatedChat) -> None:
    """/dataku shows when the team marked her questions done (not who); /hapusdata takes the
    mark with everything else."""
    sari = bot.user(first_name="Sari")
    await ask(bot, sari, "Kapan pendaftarannya tutup?")
    async with workspace(bot, ADMIN_ID) as client:
        [card] = (await client.ok("questions"))["talents"]
        await client.ok("questions-close", {"talent": sari.id, "seen": card["seen"]})
    await bot.send(sari, "/dataku")
    document = next(m.document for m in reversed(sari.messages) if m.document is not None)
    copy = data_copy(document[1])
    questions = section(copy, Text.MYDATA_SECTION_QUESTIONS)
    [when] = questions[copy_label(Text.MYDATA_FIELD_QUESTIONS_CLOSED)]
    assert "WIB" in when  # the moment only: which staff member is the team's
    assert "question_closes" not in json.dumps(copy)  # laid out, not a raw table
    assert rows(bot.database, "SELECT COUNT(*) FROM question_closes") == [(1,)]
    await bot.send(sari, "/hapusdata")
    await bot.press(sari, shown(Text.BTN_CONFIRM_DELETE))
    assert rows(bot.database, "SELECT COUNT(*) FROM question_closes") == [(0,)]
