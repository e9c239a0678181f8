"""Edits in the question relay (an attacker's review s65, finding 2): an admin's edit of an
answer in the staff group reaches the talent (their copy edited, or a correction under it
when it cannot be changed), and a talent's edit of a message that went to the team reaches
the staff group; neither was passed on, and nobody was told."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from bot.emulator import EmulatedChat
from bot.store.db import ago
from bot.texts import Text
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded, shown
from tests.test_support import ask, staff_member

PRIVATE_NUMBER = "0813 2222 3333"
FIRST = f"Hubungi Pak Budi 0812 9999 1111 (nomor pribadi Dewi: {PRIVATE_NUMBER})"
FIXED = "Hubungi Pak Budi 0812 9999 1111"


def _rows(bot: Harness, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(bot.database) as db:
        return list(db.execute(sql, params))


def _corrections(bot: Harness) -> list[tuple[str, str]]:
    """The audit log's entries for staff edits of answers: their lead and outcome."""
    rows = _rows(
        bot, "SELECT lead_ref, detail FROM audit_log WHERE action = ?", "talent_answer_corrected"
    )
    return [(ref, json.loads(detail)["outcome"]) for ref, detail in rows]


async def _answered(bot: Harness, staff_chat: EmulatedChat) -> tuple[Any, Any, dict[str, Any]]:
    """Sari asks; the admin answers in the staff group with a private number in it. Sari, the
    admin, and the update of the admin's answer."""
    sari = bot.user(first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    mark = staff_chat.mark()
    await ask(bot, sari, "kak nomor kontak panitia berapa?")
    relayed = staff_chat.messages_since(mark)[-1]
    admin = staff_member(bot, staff_chat)
    update = admin.send(FIRST, chat=staff_chat, reply_to=relayed)
    await bot.settle(update)
    assert PRIVATE_NUMBER in sari.messages[-1].text
    return sari, admin, update


async def test_an_admins_edit_of_an_answer_changes_the_talents_copy(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    sari, admin, update = await _answered(bot, staff_chat)
    got = sari.messages[-1]
    mark, group = sari.mark(), staff_chat.mark()

    await bot.settle(admin.edit(update["message"]["message_id"], FIXED, chat=staff_chat))

    assert all(m.edited for m in sari.messages_since(mark))  # nothing new: an edit
    now = sari.messages[-1]
    assert now.message_id == got.message_id  # the same message, edited: no second one
    assert PRIVATE_NUMBER not in now.text
    assert now.text.startswith("💬 Jawaban tim kami untuk pertanyaanmu")
    assert now.text.endswith(f"\n\n{FIXED}")
    assert now.button_texts == got.button_texts  # "Balas tim kami" stays under it
    said = [m.text for m in staff_chat.messages_since(group)]
    delivered = shown(Text.SUPPORT_EDIT_DELIVERED, name="Sari")
    assert said == [f"{delivered}\n{shown(Text.SUPPORT_EDIT_DELIVERED_GLOSS, 'en', name='Sari')}"]
    log = _rows(
        bot,
        "SELECT kind, text FROM conversation_log WHERE chat_id = ? AND direction = 'out'"
        " ORDER BY id DESC LIMIT 1",
        sari.id,
    )
    assert log == [("edit", FIXED)]
    assert [outcome for _, outcome in _corrections(bot)] == ["edited"]


async def test_an_answer_three_days_old_is_still_changed_in_place(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    # Telegram's 48 hours are for business messages: a bot changes its own at any age, so an
    # old answer with a private number in it loses the number in the talent's chat too.
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    sari, admin, update = await _answered(bot, staff_chat)
    got = sari.messages[-1]
    with sqlite3.connect(bot.database) as db:  # the answer went three days ago
        db.execute(
            "UPDATE conversation_log SET created_at = ?"
            " WHERE chat_id = ? AND kind = 'staff_answer'",
            (ago(3 * 24 * 3600), sari.id),
        )
    mark = sari.mark()

    await bot.settle(admin.edit(update["message"]["message_id"], FIXED, chat=staff_chat))

    assert all(m.edited for m in sari.messages_since(mark))  # nothing new: an edit
    assert sari.messages[-1].message_id == got.message_id
    assert PRIVATE_NUMBER not in sari.messages[-1].text
    assert [outcome for _, outcome in _corrections(bot)] == ["edited"]


async def test_an_edit_too_long_to_fit_says_so_not_too_old(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    """A newcomers' review s65, F6: a fresh answer edited to ~4,100 characters went as a
    correction, and staff were told the talent's copy "tidak bisa diubah lagi", as if too
    old. Now they are told it is too long for one message."""
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    sari, admin, update = await _answered(bot, staff_chat)
    got = sari.messages[-1]
    longer = f"{FIXED}. " + "x" * 4080
    mark, group = sari.mark(), staff_chat.mark()

    await bot.settle(admin.edit(update["message"]["message_id"], longer, chat=staff_chat))

    heading, correction = sari.messages_since(mark)
    assert heading.text == shown(Text.SUPPORT_ANSWER_CORRECTION_HEADING)
    assert correction.text == longer
    assert sari.messages[-3].text == got.text  # the old one is not changed
    [note] = staff_chat.messages_since(group)
    too_long = shown(Text.SUPPORT_EDIT_TOO_LONG, name="Sari")
    gloss = shown(Text.SUPPORT_EDIT_TOO_LONG_GLOSS, "en", name="Sari")
    assert note.text == f"{too_long}\n{gloss}"
    assert [outcome for _, outcome in _corrections(bot)] == ["too_long"]


async def test_an_edit_of_a_message_that_answered_nobody_is_not_passed_on(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    sari, admin, _ = await _answered(bot, staff_chat)
    chat = staff_chat.mark()
    talk = admin.send("rapat jam 3 ya", chat=staff_chat)
    await bot.settle(talk)
    mark = sari.mark()

    await bot.settle(admin.edit(talk["message"]["message_id"], "rapat jam 4 ya", chat=staff_chat))

    assert sari.messages_since(mark) == []
    assert staff_chat.messages_since(chat) == []
    assert _corrections(bot) == []


async def test_a_talents_edit_of_a_relayed_message_reaches_staff_under_it(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    sari = bot.user(first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    group = staff_chat.mark()
    [asked] = await ask(bot, sari, "kak ini NIK saya 3174012345678901")
    copy = staff_chat.messages_since(group)[-1]
    mark, group = sari.mark(), staff_chat.mark()

    await bot.settle(sari.edit(asked, "kak ini NIK saya 3174099999999999 (ralat)"))

    [note] = staff_chat.messages_since(group)
    assert note.text == (
        shown(Text.SUPPORT_TALENT_EDITED, name="Sari")
        + "\n\nkak ini NIK saya 3174099999999999 (ralat)"
    )
    assert note.reply_to_message_id == copy.message_id
    assert [m.text for m in sari.messages_since(mark)] == [shown(Text.SUPPORT_EDIT_PASSED)]
    # Still one message waiting, not two.
    assert await bot.store.support.waiting_besides(sari.id, ()) == 1

    # A reply to the new version answers Sari's message.
    admin = staff_member(bot, staff_chat)
    mark = sari.mark()
    await bot.act(admin, admin.send, "Sudah kami catat, makasih", chat=staff_chat, reply_to=note)
    [answer] = sari.messages_since(mark)
    assert answer.text.endswith("\n\nSudah kami catat, makasih")
    assert not await bot.store.support.question_waiting(sari.id)


async def test_a_talents_edit_after_the_answer_does_not_wait_again(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    sari, _, _ = await _answered(bot, staff_chat)
    [asked] = [
        int(m)
        for (m,) in _rows(
            bot,
            "SELECT talent_message_id FROM relayed_messages"
            " WHERE user_id = ? AND kind = 'question'",
            sari.id,
        )
    ]
    group = staff_chat.mark()

    await bot.settle(sari.edit(asked, "kak nomor kontak panitia Jakarta berapa?"))

    [note] = staff_chat.messages_since(group)
    assert note.text.startswith(shown(Text.SUPPORT_TALENT_EDITED, name="Sari"))
    assert not await bot.store.support.question_waiting(sari.id)


async def test_a_correction_sent_after_its_heading_names_the_heading_once(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    # The lead page shows a line's heading above its words; a correction copied after its
    # heading (too long, media) had it on both lines, so staff read "✏️ Koreksi" twice.
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    sari, admin, update = await _answered(bot, staff_chat)
    longer = f"{FIXED}. " + "x" * 4080

    await bot.settle(admin.edit(update["message"]["message_id"], longer, chat=staff_chat))

    lines = _rows(
        bot,
        "SELECT kind, text, heading FROM conversation_log WHERE chat_id = ?"
        " AND direction = 'out' ORDER BY id DESC LIMIT 2",
        sari.id,
    )
    (kind, words, heading), (_, alone, _) = lines
    assert (kind, alone) == ("edit", shown(Text.SUPPORT_ANSWER_CORRECTION_HEADING))
    assert words.startswith(FIXED)
    assert heading is None  # its heading is the line before, not again above its words
