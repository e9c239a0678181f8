"""A follow-up question answered by the page just sent (a talents' review s60, M3): one line
pointing back to it, as a reply to it, with the answer's buttons and one to show it again;
never the whole page again, back to back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, shown
from tests.subscribers import add_subscribers, queue_text, wait_delivered
from tests.test_erasure import erase
from tests.test_pipeline import admin_of, expected_message, label, t

MUCON = CONTENT.programs["mucon"]
WHO_RUNS = CONTENT.faq["who_runs"].question
SHOW_AGAIN = shown(Text.BTN_SHOW_AGAIN)
NOT_THIS = shown(Text.BTN_NOT_THIS)


async def test_a_follow_up_on_the_page_just_sent_points_back_to_it(bot: Harness) -> None:
    """Putu: "kapan MU:CON 2026 nggih?", then "tiang boleh langsung daftar tampil di MU:CON
    lewat sini?" got the ~25-line MU:CON page twice."""
    putu = bot.user(first_name="Putu")
    [page] = await bot.send(putu, "kapan MU:CON 2026 nggih?")
    assert page.text.startswith(MUCON.title.id)
    [pointer] = await bot.send(putu, "tiang boleh langsung daftar tampil di MU:CON lewat sini?")
    assert pointer.text == shown(Text.ASK_SEE_ABOVE)
    assert pointer.reply_to_message_id == page.message_id  # the bubble it points to
    assert SHOW_AGAIN in pointer.button_texts and NOT_THIS in pointer.button_texts
    # The page's other buttons stay (what to read next).
    assert set(page.button_texts) <= set(pointer.button_texts)
    [again] = await bot.press(putu, SHOW_AGAIN)
    assert again.text == page.text  # the whole page, on asking for it
    assert again.message_id != page.message_id
    # Asked once more, the pointer goes to the copy just shown, the page now above (the last
    # review s60: it went to the first one).
    [pointer] = await bot.send(putu, "MU:CON itu kapan ya?")
    assert pointer.text == shown(Text.ASK_SEE_ABOVE)
    assert pointer.reply_to_message_id == again.message_id


async def test_asked_again_whether_this_is_kocca_says_no_and_points_back(
    bot: Harness,
) -> None:
    """Andreas asked twice whether the bot is KOCCA's: the no again, the page pointed to."""
    andreas = bot.user(first_name="Andreas")
    [page] = await bot.send(andreas, "ini bot resmi KOCCA bukan?")
    no = shown(Text.ASK_OFFICIAL_KOCCA_NO)
    assert page.text.startswith(f"{no}\n\n{WHO_RUNS.id}\n")
    [pointer] = await bot.send(andreas, "kelen ini resmi dari KOCCA kah atau bukan")
    assert pointer.text == f"{no}\n\n{shown(Text.ASK_SEE_ABOVE_MORE)}"
    assert pointer.reply_to_message_id == page.message_id


async def test_the_page_is_sent_again_after_a_while_or_another_answer(make_bot: Any) -> None:
    """The pointer is for the page just sent: after another answer in between, or after
    minutes, the page comes whole."""
    now = [datetime.now(UTC)]
    bot: Harness = await make_bot(clock=lambda: now[0])
    sari = bot.user(first_name="Sari")
    [first] = await bot.send(sari, "kapan MU:CON 2026?")
    assert first.text.startswith(MUCON.title.id)
    [other] = await bot.send(sari, "siapa yang menjalankan bot ini?")
    assert other.text.startswith(f"{WHO_RUNS.id}\n")
    [page] = await bot.send(sari, "boleh daftar tampil di MU:CON lewat sini?")
    assert page.text.startswith(MUCON.title.id)  # another page was the answer just before
    now[0] += timedelta(minutes=11)
    [again] = await bot.send(sari, "MU:CON itu kapan ya?")
    assert again.text == page.text  # minutes later: whole, not a pointer far up the chat
    [pointer] = await bot.send(sari, "MU:CON 2026 kapan?")
    assert pointer.reply_to_message_id == again.message_id


async def test_an_erasure_forgets_which_page_was_sent(bot: Harness) -> None:
    """What the bot keeps in memory of the talent's last answer goes with /hapusdata: the
    page is sent whole after it, not pointed to."""
    pages_sent = bot.runner.application.bot_data["services"].pages_sent
    putu = bot.user(first_name="Putu")
    await bot.send(putu, "kapan MU:CON 2026 nggih?")
    assert pages_sent.last(putu.id) is not None
    await erase(bot, putu)
    assert pages_sent.last(putu.id) is None


async def test_a_page_opened_by_a_button_or_a_command_since_is_not_pointed_past(
    bot: Harness,
) -> None:
    """The last review s60: after a button opened another page (or /menu), "see above"
    pointed past it to the older page."""
    putu = bot.user(first_name="Putu")
    [page] = await bot.send(putu, "kapan MU:CON 2026 nggih?")
    other = next(label for label in page.button_texts if label not in (NOT_THIS, SHOW_AGAIN))
    await bot.press(putu, other)
    [again] = await bot.send(putu, "tiang boleh langsung daftar tampil di MU:CON lewat sini?")
    assert again.text.startswith(MUCON.title.id)  # the page whole, not a pointer past the other
    assert again.reply_to_message_id is None
    await bot.send(putu, "/menu")
    [after_menu] = await bot.send(putu, "MU:CON itu kapan ya?")
    assert after_menu.text.startswith(MUCON.title.id)


# --- Something sent from elsewhere in between (a desk review s61) -----------------------------
# The page is "just above" only while nothing else came below it: a stage message, an
# announcement or a staff answer the talent got since pushes it up, and the page comes whole.

FOLLOW_UP = "tiang boleh langsung daftar tampil di MU:CON lewat sini?"


async def _page_then(bot: Harness, talent: Any) -> Any:
    [page] = await bot.send(talent, "kapan MU:CON 2026 nggih?")
    assert page.text.startswith(MUCON.title.id)
    return page


def _whole(message: Any, page: Any) -> bool:
    return message.text == page.text and message.reply_to_message_id is None


async def test_a_stage_message_in_between_sends_the_page_whole(
    bot: Harness, staff_chat: Any
) -> None:
    putu = bot.user(first_name="Putu")
    assert await apply(bot, putu, MUSICIAN) == "KOC-000001"
    page = await _page_then(bot, putu)
    admin = admin_of(staff_chat)
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, label("shortlist"))
    mark = putu.mark()
    await bot.press(admin, t(Text.BTN_SEND_UPDATE))
    [update] = await putu.wait_for_messages(mark)
    assert (update.html or "").endswith(expected_message("shortlist", "KOC-000001", "Putu"))
    [again] = await bot.send(putu, FOLLOW_UP)
    assert _whole(again, page)
    # Nothing else in between since: the follow-up on it points back to it, as before.
    [pointer] = await bot.send(putu, "MU:CON itu kapan ya?")
    assert pointer.text == shown(Text.ASK_SEE_ABOVE)
    assert pointer.reply_to_message_id == again.message_id


async def test_a_staff_answer_in_between_sends_the_page_whole(
    bot: Harness, staff_chat: Any
) -> None:
    putu = bot.user(first_name="Putu")
    admin = admin_of(staff_chat)
    mark = staff_chat.mark()
    await bot.send(putu, "/tanya")
    await bot.send(putu, "Apakah ada honor untuk penampil?")
    question = staff_chat.messages_since(mark)[-1]
    await bot.press(putu, shown(Text.BTN_ASK_DONE))
    page = await _page_then(bot, putu)
    told = putu.mark()
    await bot.act(admin, admin.send, "Ada, nanti kami kabari.", chat=staff_chat, reply_to=question)
    [answer] = putu.messages_since(told)
    assert answer.text.endswith("Ada, nanti kami kabari.")
    [again] = await bot.send(putu, FOLLOW_UP)
    assert _whole(again, page)


async def test_an_announcement_in_between_sends_the_page_whole(bot: Harness) -> None:
    [putu] = await add_subscribers(bot.store, bot.emulator, 1)
    page = await _page_then(bot, putu)
    mark = putu.mark()
    broadcast, _ = await queue_text(bot.store, "Open call MU:CON 2026 dibuka")
    await wait_delivered(bot.store, broadcast)
    [announcement] = putu.messages_since(mark)
    assert announcement.text.startswith("Open call MU:CON 2026 dibuka")
    [again] = await bot.send(putu, FOLLOW_UP)
    assert _whole(again, page)
