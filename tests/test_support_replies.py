"""A talent's reply to the team: "💬 Balas tim kami" under an older staff answer goes under that
answer (the staff group's thread, the workspace's Questions tab), saying which question of
theirs it follows, not under the newest answer."""

from __future__ import annotations

from bot.emulator import BotMessage, EmulatedChat, EmulatedUser
from bot.leads.export import plain_text
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, shown
from tests.test_support import ACK, DONE_BUTTON, RELAYED, relayed_question, staff_member
from tests.workspace import workspace

REPLY_BUTTON = CONTENT.text(Text.BTN_ASK_REPLY, "id")


async def answered(
    bot: Harness, chat: EmulatedChat, talent: EmulatedUser, question: str, answer: str
) -> tuple[int, BotMessage]:
    """The talent asks (/tanya), a staff member answers in the group and the talent presses
    Done: staff's answer (its id in the group) and the answer as the talent got it."""
    copy = await relayed_question(bot, chat, talent, question)
    staff = staff_member(bot, chat)
    sent = staff.send(answer, chat=chat, reply_to=copy)
    await bot.settle(sent)
    got = talent.last_message
    await bot.press(talent, DONE_BUTTON)
    return sent["message"]["message_id"], got


def _follows_the_ticket_answer(
    staff_chat: EmulatedChat, mark: int, first: int, newest: int
) -> BotMessage:
    """Rizky's follow-up reached staff under his first (ticket) answer, not the newest one,
    its header naming that question; the follow-up as staff read it."""
    header, reply = staff_chat.messages_since(mark)
    assert header.reply_to_message_id == first != newest
    replying = shown(Text.SUPPORT_HEADER_REPLYING_TO, question="bang tiket pesawat ditanggung ga?")
    assert replying in header.text
    assert (reply.text, reply.reply_to_message_id) == (
        "kalau bagasi tambahan juga ditanggung?",
        header.message_id,
    )
    return reply


async def test_a_reply_to_an_older_answer_goes_under_that_answer_saying_its_question(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    rizky = bot.user(first_name="Rizky")
    long = (
        "Ditanggung sebagian: tiket pesawat pulang pergi dari Jakarta ditanggung panitia, tapi"
        " bagasi tambahan kalau ada kamu tanggung sendiri ya."
    )
    first, older = await answered(bot, staff_chat, rizky, "bang tiket pesawat ditanggung ga?", long)
    newest, got = await answered(bot, staff_chat, rizky, "visa gimana bang?", "Visa urus sendiri.")
    # A new question (/tanya) after an answer is answered as a question.
    assert got.text.startswith(shown(Text.SUPPORT_ANSWER_HEADING, question="visa gimana bang?"))

    [invite] = await bot.press(rizky, REPLY_BUTTON, message=older)
    assert invite.text == shown(
        Text.SUPPORT_REPLY_INVITE, question="bang tiket pesawat ditanggung ga?"
    )
    mark = staff_chat.mark()
    await bot.send(rizky, "kalau bagasi tambahan juga ditanggung?")
    # Under the answer whose button was pressed, not the newest one, saying which question.
    reply = _follows_the_ticket_answer(staff_chat, mark, first, newest)

    # The workspace's Questions tab says the same above the reply: which answer, which question.
    async with workspace(bot, ADMIN_ID) as client:
        [waiting] = (await client.ok("questions"))["talents"]
    [question] = waiting["questions"]
    said = CONTENT.text(
        Text.WS_QUESTION_REPLIES,
        "id",
        # Cut at a whole word, as headings are (a staff review s56: "… Kami kabari lagi k…").
        answer="Ditanggung sebagian: tiket pesawat pulang pergi dari Jakarta ditanggung panitia,"
        " tapi bagasi…",
        question="bang tiket pesawat ditanggung ga?",
    )
    assert (question["text"], question["follows"]) == (
        "kalau bagasi tambahan juga ditanggung?",
        plain_text(said),
    )

    # Staff's answer to it is the team's reply to that message, not an answer to a question
    # (a staff review: "Jawaban … untuk pertanyaanmu “kalau bagasi…”").
    await bot.settle(staff_member(bot, staff_chat).send("Ya, sampai 20 kg.", chat=staff_chat,
                                                        reply_to=reply))  # fmt: skip
    heading = shown(Text.SUPPORT_REPLY_HEADING, message="kalau bagasi tambahan juga ditanggung?")
    assert rizky.last_message.text == f"{heading}\n\nYa, sampai 20 kg."
    assert heading.startswith("💬 Balasan tim kami untuk pesanmu “")
    # "Balas tim kami" under it: replying to the team's reply to that message.
    [invite] = await bot.press(rizky, REPLY_BUTTON, message=rizky.last_message)
    assert invite.text == shown(
        Text.SUPPORT_REPLY_INVITE_REPLY, message="kalau bagasi tambahan juga ditanggung?"
    )


async def test_after_the_answer_to_that_reply_a_message_typed_goes_under_the_newest(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """The button's answer holds for that reply only: after staff answer it, what the talent
    types next replies to that newest answer, as without the button."""
    rizky = bot.user(first_name="Rizky")
    _, older = await answered(bot, staff_chat, rizky, "tiket ditanggung ga?", "Sebagian.")
    await answered(bot, staff_chat, rizky, "visa gimana?", "Urus sendiri.")
    await bot.press(rizky, REPLY_BUTTON, message=older)
    mark = staff_chat.mark()
    await bot.send(rizky, "bagasi juga?")
    _, copy = staff_chat.messages_since(mark)
    newest = staff_member(bot, staff_chat).send("Bagasi tidak.", chat=staff_chat, reply_to=copy)
    await bot.settle(newest)
    mark = staff_chat.mark()
    await bot.send(rizky, "oke, satu lagi: hotel gimana?")
    header, typed = staff_chat.messages_since(mark)
    assert header.reply_to_message_id == newest["message"]["message_id"]
    assert shown(Text.SUPPORT_HEADER_REPLYING) in header.text
    async with workspace(bot, ADMIN_ID) as client:
        [waiting] = (await client.ok("questions"))["talents"]
    assert "follows" not in waiting["questions"][-1]
    # Answered: the team's reply to that message, typed after an answer (not a question).
    await bot.settle(staff_member(bot, staff_chat).send("Hotel ditanggung.", chat=staff_chat,
                                                        reply_to=typed))  # fmt: skip
    heading = shown(Text.SUPPORT_REPLY_HEADING, message="oke, satu lagi: hotel gimana?")
    assert rizky.last_message.text == f"{heading}\n\nHotel ditanggung."


async def test_reply_to_our_team_under_a_message_says_it_replies_to_a_message(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """ "Balas tim kami" under "💬 Pesan dari tim kami" (a follow-up when nothing of theirs
    waits): the talent replies to the team's message, not to an answer (a staff review)."""
    rizky = bot.user(first_name="Rizky")
    first, _ = await answered(bot, staff_chat, rizky, "tiket ditanggung ga?", "Sebagian.")
    mark = rizky.mark()
    staff = staff_member(bot, staff_chat)
    await bot.settle(staff.send("Satu lagi: rekaman live ya.", chat=staff_chat, reply_to=first))
    [message] = rizky.messages_since(mark)
    assert message.text.startswith(shown(Text.SUPPORT_ANSWER_HEADING_NONE) + "\n\n")
    [invite] = await bot.press(rizky, REPLY_BUTTON, message=message)
    assert invite.text == shown(Text.SUPPORT_REPLY_INVITE_MESSAGE)
    assert "Kamu membalas pesan tim kami." in invite.text


async def test_after_done_a_telegram_reply_to_a_staff_answer_goes_to_the_team(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """After "Selesai bertanya", plain messages are the bot's (a talents' review s59, H2), but
    one sent as Telegram's reply to a staff answer is an explicit reply to the team: it goes
    to staff under that answer, as "💬 Balas tim kami" under it would send it (polish s59)."""
    rizky = bot.user(first_name="Rizky")
    first, older = await answered(
        bot, staff_chat, rizky, "bang tiket pesawat ditanggung ga?", "Sebagian, pesawat PP saja."
    )
    newest, _ = await answered(bot, staff_chat, rizky, "visa gimana bang?", "Visa urus sendiri.")
    mark = staff_chat.mark()
    [faq] = await bot.send(rizky, "kak ada open call gak?")  # not a reply: the bot's
    assert faq.text.split("\n")[0] == CONTENT.faq["open_call_now"].question.id
    assert staff_chat.messages_since(mark) == []

    sent = rizky.send("kalau bagasi tambahan juga ditanggung?", reply_to=older)
    await bot.settle(sent)
    # Under the answer replied to (not the newest), saying which question it followed.
    _follows_the_ticket_answer(staff_chat, mark, first, newest)
    assert rizky.reaction_on(sent["message"]["message_id"]) == RELAYED
    assert rizky.last_message.text.startswith(ACK)
    assert rizky.last_message.button_texts == [DONE_BUTTON]

    # Done again: a reply to a message of the bot's own (its FAQ answer) stays with the bot.
    await bot.press(rizky, DONE_BUTTON)
    mark = staff_chat.mark()
    again = rizky.send("kalau open call film kapan?", reply_to=faq)
    await bot.settle(again)
    assert staff_chat.messages_since(mark) == []
    assert rizky.reaction_on(again["message"]["message_id"]) is None
