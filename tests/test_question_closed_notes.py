"""The edges of ✔️ Tandai selesai in the staff group (a close review s64, L1 to L3): the note
a close posts names the talent, so an erasure's notice counts it among what staff delete;
alerts read as Telegram shows them (plain text, within 200 characters); a forged button
neither fails loudly in the group nor takes a real talent's button away."""

from __future__ import annotations

from bot.emulator import EmulatedChat
from bot.texts import Text
from handlers.staff import ALERT_LIMIT
from handlers.staff_questions import CLOSE
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, shown
from tests.test_pipeline import rows
from tests.test_support import answer, ask, staff_member
from tests.workspace import workspace


async def test_the_erasure_notice_counts_the_close_note(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """Eko asks, Admin marks it done (a note naming Eko), Eko erases his data: staff are told
    to delete three messages (header, question, note), not two."""
    admin = staff_member(bot, staff_chat)
    eko = bot.user(first_name="Eko")
    mark = staff_chat.mark()
    await ask(bot, eko, "Kak, boleh telepon saya di 081299998888 soal residensi?")
    header, _question = staff_chat.messages_since(mark)
    await bot.act(admin, admin.press, shown(Text.BTN_QUESTION_CLOSE), message=header)
    mark = staff_chat.mark()
    await bot.send(eko, "/hapusdata")
    await bot.press(eko, CONTENT.text(Text.BTN_CONFIRM_DELETE, "id"))
    notices = await staff_chat.wait_for_messages(mark)
    [notice] = [m for m in notices if "Eko" not in str(m.text) and m.reply_to_message_id]
    assert shown(Text.PRIVACY_CLEAN_UP_RELAYED, count=3) in notice.text
    assert notice.reply_to_message_id == header.message_id
    assert rows(bot.database, "SELECT COUNT(*) FROM question_closes") == [(0,)]


async def test_a_stale_alert_reads_names_as_written_within_the_limit(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """Rani & Band's question answered in the group, then ✔️ pressed: the alert says "Rani &
    Band O'Neil <3", not its HTML; two 64-character names still fit an alert."""
    admin = staff_member(bot, staff_chat)
    for first, last in (("Rani & Band", "O'Neil <3"), ("A" * 64, "B" * 64), ("C" * 150, "D")):
        talent = bot.user(first_name=first, last_name=last)
        mark = staff_chat.mark()
        await ask(bot, talent, "Kapan audisinya?")
        header, question = staff_chat.messages_since(mark)
        await answer(bot, admin, staff_chat, "Minggu depan.", question)
        await bot.act(admin, admin.press, shown(Text.BTN_QUESTION_CLOSE), message=header)
        alert = str(admin.callback_answers[-1].text)
        assert 0 < len(alert) <= ALERT_LIMIT
        if first.startswith("Rani"):
            assert alert == "Pertanyaan Rani & Band O'Neil <3 sudah dijawab oleh Admin."
        else:  # cut, never refused by Telegram
            assert alert.startswith(f"Pertanyaan {first[:20]}")


async def test_a_forged_done_button_is_refused_quietly(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """An admin's client sends qdone: with a 20-digit id, or 0, on Pipit's header: "this
    button no longer works", nothing posted in the group, Pipit's ✔️ stays and her question
    waits."""
    admin = staff_member(bot, staff_chat)
    pipit = bot.user(first_name="Pipit")
    mark = staff_chat.mark()
    await ask(bot, pipit, "Halo kak, kapan audisinya?")
    header, _question = staff_chat.messages_since(mark)
    for data in (f"{CLOSE}99999999999999999999", f"{CLOSE}0", f"{CLOSE}{ADMIN_ID}"):
        group = staff_chat.mark()
        await bot.act(admin, admin.press_raw, header.message_id, data, chat=staff_chat)
        assert admin.callback_answers[-1].text in (
            shown(Text.BUTTON_EXPIRED),
            shown(Text.SUPPORT_QUESTIONS_CLOSE_GONE),
            shown(Text.SUPPORT_QUESTIONS_NONE_WAITING, name="Admin"),
            shown(Text.SUPPORT_QUESTIONS_NONE_WAITING, name=str(ADMIN_ID)),
        ), data
        assert not [m for m in staff_chat.messages_since(group) if m.message_id > header.message_id]
        stored = staff_chat.message(header.message_id)
        assert stored is not None and shown(Text.BTN_QUESTION_CLOSE) in str(stored.reply_markup)
    assert admin.callback_answers[-3].text == shown(Text.BUTTON_EXPIRED)
    assert admin.callback_answers[-2].text == shown(Text.BUTTON_EXPIRED)
    assert rows(bot.database, "SELECT COUNT(*) FROM question_closes") == [(0,)]
    async with workspace(bot, ADMIN_ID) as client:
        assert (await client.ok("questions-count"))["total"] == 1
