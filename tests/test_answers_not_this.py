"""After "Bukan ini / Not this", the same question asked again soon is not given that answer
back: across a restart too, and never after an erasure or a withdrawal (the bot keeps in
memory who said it lately, bot/store/questions.py `SaidNotThis`, and reads the table only
for them)."""

from __future__ import annotations

import sqlite3

import pytest

from bot.answers.desk import REJECTED_FOR
from bot.emulator import EmulatedUser
from bot.store import questions as questions_module
from bot.store.db import ago
from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, shown
from tests.test_answers import questions
from tests.test_erasure import erase

JAKARTA = CONTENT.faq["kocca_jakarta"].question.id
NOT_THIS = shown(Text.BTN_NOT_THIS)
ASK_TEAM = CONTENT.text(Text.BTN_ASK, "id")
ASKED = "kocca ada di jakarta?"
ASKED_AGAIN = "kantor kocca di jakarta dimana?"  # the same question, in other words


async def said_not_this(bot: Harness, talent: EmulatedUser) -> None:
    """The talent asks, gets the Jakarta answer, and says it is not what they asked."""
    [answer] = await bot.send(talent, ASKED)
    assert answer.text.split("\n")[0] == JAKARTA
    [changed] = await bot.press(talent, NOT_THIS, message=answer)
    assert changed.text == shown(Text.ASK_NOT_THIS)


async def not_given_again(bot: Harness, talent: EmulatedUser) -> None:
    """Asked again in other words: the other entries that fit, not the rejected answer."""
    [again] = await bot.send(talent, ASKED_AGAIN)
    assert again.text == shown(Text.ASK_NOT_SURE)
    assert JAKARTA not in again.button_texts and ASK_TEAM in again.button_texts
    assert questions(bot.database, talent.id)[-1]["outcome"] == "suggested"


async def answered_again(bot: Harness, talent: EmulatedUser) -> None:
    """Asked again in other words: the answer itself, as to anyone."""
    [again] = await bot.send(talent, ASKED_AGAIN)
    assert again.text.split("\n")[0] == JAKARTA
    assert questions(bot.database, talent.id)[-1]["outcome"] == "answered"


def kept_in_memory(bot: Harness, talent: EmulatedUser) -> bool:
    """Whether the running bot holds the talent as having said "Not this" in the window."""
    said = bot.store.questions.said_not_this
    return said.since(talent.id, ago(REJECTED_FOR)) and said.horizon < ago(REJECTED_FOR)


async def test_not_this_still_holds_after_a_restart(bot: Harness) -> None:
    tom, rina = bot.user(first_name="Tom"), bot.user(first_name="Rina")
    await said_not_this(bot, tom)
    await bot.restart()
    await not_given_again(bot, tom)
    await answered_again(bot, rina)  # another talent is answered as before
    await not_given_again(bot, tom)  # and Tom still is not, asking once more


async def test_not_this_still_holds_after_a_first_read_that_failed_once(
    bot: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The final review s61, L1: the memory was marked read before its first read, so one
    storage error at that read left it empty until the next restart, and Tom was given the
    answer he had said "Not this" to. Now the question that met the error is answered as to
    anyone, the error logged, and the next one reads the table again."""
    tom, rina = bot.user(first_name="Tom"), bot.user(first_name="Rina")
    await said_not_this(bot, tom)
    await bot.restart()
    real = bot.store.db.lookup
    failed: list[str] = []

    def once_failing(sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        if not failed and "MAX(not_this_at)" in sql:  # the memory's first read
            failed.append(sql)
            raise sqlite3.OperationalError("disk I/O error")
        return real(sql, params)

    monkeypatch.setattr(bot.store.db, "lookup", once_failing)
    await answered_again(bot, rina)  # the storage error: answered, as to anyone
    await not_given_again(bot, tom)  # the next question read the table again
    assert failed and "Not this' lately not read (disk I/O error)" in caplog.text


async def test_not_this_said_before_the_window_does_not_hold_after_a_restart(
    bot: Harness,
) -> None:
    tom = bot.user(first_name="Tom")
    await said_not_this(bot, tom)
    await bot.stop()
    with sqlite3.connect(bot.database) as db:  # said it longer ago than the window
        db.execute("UPDATE free_questions SET not_this_at = ?", (ago(REJECTED_FOR + 60),))
    await bot.start()
    await answered_again(bot, tom)


async def test_not_this_no_longer_holds_once_the_window_is_over(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    tom = bot.user(first_name="Tom")
    await said_not_this(bot, tom)
    await not_given_again(bot, tom)
    assert kept_in_memory(bot, tom)
    later = REJECTED_FOR + 60  # the questions' reads see the clock this much further on
    monkeypatch.setattr(questions_module, "ago", lambda seconds: ago(seconds - later))
    await answered_again(bot, tom)


async def test_an_erasure_forgets_that_the_talent_said_not_this(bot: Harness) -> None:
    tom = bot.user(first_name="Tom")
    await said_not_this(bot, tom)
    assert kept_in_memory(bot, tom)
    await erase(bot, tom)
    assert not kept_in_memory(bot, tom)  # nothing of theirs kept, in memory either
    await bot.send(tom, "/start")
    await answered_again(bot, tom)  # a new start: answered as anyone
    await bot.restart()
    await answered_again(bot, tom)


async def test_a_withdrawal_forgets_that_the_talent_said_not_this(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    await said_not_this(bot, sari)
    assert kept_in_memory(bot, sari)
    await bot.send(sari, "/privasi")
    await bot.press(sari, CONTENT.text(Text.BTN_MY_CONSENTS, "id"))
    processing = CONTENT.text(Text.CONSENT_KIND_PROCESSING, "id")
    await bot.press(sari, CONTENT.text(Text.BTN_WITHDRAW, "id", kind=processing))
    await bot.press(sari, CONTENT.text(Text.BTN_CONFIRM_WITHDRAW, "id"))
    assert questions(bot.database, sari.id) == []  # her questions went with it
    assert not kept_in_memory(bot, sari)
    await answered_again(bot, sari)


def test_who_said_not_this_is_kept_bounded_and_never_less_than_the_table() -> None:
    """Dropped to keep memory small, a talent may be missing: then every talent is read for
    a window reaching back to when the dropped one said it, none for a later window."""
    said = questions_module.SaidNotThis(most=2)
    moments = [f"2026-12-07T10:0{n}:00.000000+00:00" for n in range(4)]
    for user_id, moment in zip((1, 2, 3), moments, strict=False):
        said.said(user_id, moment)
    assert said.horizon == moments[0]  # talent 1 dropped
    assert said.since(1, moments[0]) and said.since(99, moments[0])  # may have: read
    assert not said.since(99, moments[1]) and said.since(2, moments[1])
    said.forget(2)
    assert not said.since(2, moments[1]) and said.since(3, moments[2])
    assert not said.since(3, moments[3])  # said it before that window
    assert said.horizon == moments[2]  # dropped as past the window asked
