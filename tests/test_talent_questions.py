"""What talents meet of their questions to the team: /status counts them, a staff answer says
what it answers, and "Balas tim kami" says what the talent replies to."""

from __future__ import annotations

from bot.emulator import EmulatedChat
from bot.leads.export import to_wib
from bot.leads.pipeline import short_day
from bot.store import utc_now
from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, shown
from tests.test_support import answer, relayed_question, staff_member


def today() -> str:
    """Today as /status names a day ("3 Des")."""
    return short_day(CONTENT, to_wib(utc_now()).date(), "id")


async def test_status_counts_the_talents_own_questions_to_the_team(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    rizky = bot.user(first_name="Rizky")
    budi = bot.user(first_name="Budi")
    [nothing] = await bot.send(rizky, "/status")
    assert nothing.text == shown(Text.STATUS_NONE)  # never asked: no word on questions

    question = await relayed_question(bot, staff_chat, rizky, "kak tiket MU:CON ditanggung?")
    [status] = await bot.send(rizky, "/status")
    waiting = shown(Text.STATUS_QUESTIONS_WAITING, count=1, since=today())
    assert status.text == f"{shown(Text.STATUS_NONE)}\n\n{waiting}"
    assert "tiket" not in status.text  # counted, never quoted
    # Another talent's question is not theirs.
    [other] = await bot.send(budi, "/status")
    assert other.text == shown(Text.STATUS_NONE)

    # Answered: counted as answered, and who answered is never named.
    staff = staff_member(bot, staff_chat)
    await answer(bot, staff, staff_chat, "Ditanggung sebagian, kak.", question)
    [status] = await bot.send(rizky, "/status")
    answered = shown(Text.STATUS_QUESTIONS_ANSWERED, count=1)
    assert status.text == f"{shown(Text.STATUS_NONE)}\n\n{answered}"
    assert staff.first_name not in status.text
