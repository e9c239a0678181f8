"""Reminders for unfinished registrations, through the real bot and the emulator.

Short delays (REMINDER_DELAYS=2s,4s) and a clock the tests can move: quiet hours are
entered and left by moving the reminder worker's clock, never by waiting for them. The
harness's `caught_up()` tells a test that the worker has been round since something changed
and found nothing to send (to show that it sent nothing).
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import BotAPIEmulator, EmulatedUser
from bot.leads import form_order
from bot.outreach import pacing
from bot.outreach import reminders as worker
from bot.outreach.broadcast import WIB
from bot.outreach.reminders import CONTINUE, due_times, questions_left, quiet_until
from bot.settings import QuietHours, Settings, SettingsError, load_settings
from bot.store import Store
from bot.store.db import ago
from bot.texts import Text
from handlers import privacy
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    MUSICIAN,
    answer,
    apply,
    consent,
    copy_label,
    data_copy,
    section,
    shown,
    where,
)
from tests.processes import BotProcess
from tests.subscribers import wait_until

DELAYS = "2s,4s"
FIRST_DELAY = timedelta(seconds=2)  # DELAYS' first, and every test's own
SHORT = {"reminder_delays": DELAYS, "quiet_hours": ""}


@pytest.fixture(autouse=True)
def _prompt_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker looks for due reminders every second; tests need not wait that long."""
    monkeypatch.setattr(worker, "POLL_SECONDS", 0.05)


class TestClock:
    """The real time moved by an offset the test sets."""

    __test__ = False  # not a test class

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


@pytest.fixture
def clock() -> TestClock:
    """The reminder worker's clock."""
    return TestClock()


def reminder_calls(emulator: BotAPIEmulator, chat_id: int) -> list[Any]:
    """Reminders Telegram accepted for one chat (recognised by their Continue button)."""
    return [
        call
        for call in emulator.calls_to("sendMessage")
        if call.ok and call.params.get("chat_id") == chat_id and _is_reminder(call)
    ]


async def wait_for_reminders(bot: Harness, talent: EmulatedUser, count: int) -> list[Any]:
    """Wait until the talent has had `count` reminders; return them."""

    async def enough() -> bool:
        if len(reminder_calls(bot.emulator, talent.id)) < count:
            return False
        recorded = await bot.store.db.fetch_value(
            "SELECT COUNT(*) FROM reminders WHERE user_id = ? AND status = 'sent'", (talent.id,)
        )
        return int(recorded) >= count  # and the bot has recorded Telegram's answer

    await wait_until(enough)
    return reminder_calls(bot.emulator, talent.id)


async def start_registration(bot: Harness, talent: EmulatedUser) -> None:
    """/daftar, consent, and the first question answered."""
    await bot.send(talent, "/daftar")
    await consent(bot, talent)
    await answer(bot, talent, "sector", "music")


async def reminded(
    make_bot: Any, clock: TestClock | None = None, **settings: Any
) -> tuple[Harness, EmulatedUser]:
    """A bot with short delays, and a talent who started a registration and was reminded: the
    clock is moved past the first delay rather than waited for (the wait itself is
    test_one_reminder_after_each_delay_counted_from_the_last_activity's)."""
    values = {**SHORT, **settings}
    clock = clock or TestClock()
    bot: Harness = await make_bot(clock=clock, **values)
    sari = bot.user(first_name="Sari")
    await start_registration(bot, sari)
    clock.offset += FIRST_DELAY
    await wait_for_reminders(bot, sari, 1)
    return bot, sari


async def rows(bot: Harness, user_id: int) -> list[tuple[int, str]]:
    """The talent's reminders as stored: (number, status)."""
    found = await bot.store.db.fetch_all(
        "SELECT number, status FROM reminders WHERE user_id = ? ORDER BY number", (user_id,)
    )
    return [(row["number"], row["status"]) for row in found]


async def nothing_due_ever(bot: Harness, delays: str = DELAYS) -> bool:
    """Whether, a day from now, the store would still find no reminder due for anyone."""
    later = datetime.now(UTC) + timedelta(days=1)
    settings = Settings(_env_file=None, reminder_delays=delays)  # type: ignore[call-arg, arg-type]
    times = due_times(settings.reminder_delays, later)
    return await bot.store.reminders.due(times, 10) == []


async def last_activity(bot: Harness, user_id: int) -> datetime:
    """The talent's last activity as the reminder worker counts it."""
    value = await bot.store.db.fetch_value(
        "SELECT MAX(p.updated_at, u.last_seen_at) FROM applications p"
        " JOIN users u ON u.user_id = p.user_id WHERE p.user_id = ? AND p.status = 'draft'",
        (user_id,),
    )
    return datetime.fromisoformat(value)


async def sent_at(bot: Harness, user_id: int, number: int) -> datetime:
    value = await bot.store.db.fetch_value(
        "SELECT sent_at FROM reminders WHERE user_id = ? AND number = ?", (user_id, number)
    )
    return datetime.fromisoformat(value)


async def until(condition: Callable[[], bool], timeout: float = 60.0) -> None:  # noqa: ASYNC109
    """Poll a condition no event announces (another process's database, the emulator)."""
    async with asyncio.timeout(timeout):
        while not condition():  # noqa: ASYNC110 - nothing to wait on but time
            await asyncio.sleep(0.05)


def say(key: Text, language: str = "id", **values: Any) -> str:
    return CONTENT.text(key, language, **values)


# ----- the reminder itself -------------------------------------------------------------------


async def test_one_reminder_after_each_delay_counted_from_the_last_activity(
    make_bot: Any, clock: TestClock
) -> None:
    bot: Harness = await make_bot(clock=clock, **SHORT)
    sari = bot.user(first_name="Sari")
    await start_registration(bot, sari)
    await asyncio.sleep(1.0)  # a pause, then more activity: the clock starts again
    key = await where(bot, sari)
    assert key is not None
    assert key == form_order.next_question(CONTENT, {"sector": "music"}).key  # type: ignore[union-attr]
    await answer(bot, sari, key, MUSICIAN[key])
    active = await last_activity(bot, sari.id)

    (first,) = await wait_for_reminders(bot, sari, 1)
    assert await sent_at(bot, sari.id, 1) >= active + timedelta(seconds=2)
    draft = await bot.store.applications.draft_for(sari.id)
    assert draft is not None
    left = questions_left(CONTENT, await bot.store.applications.answers(draft.id))
    assert left > 1
    message = sari.messages[-1]
    assert message.message_id == first.result["message_id"]
    assert message.text.startswith("👋 Hai, Sari! Pendaftaranmu belum selesai")  # EYD V
    assert say(Text.REMINDER_PROGRESS_MANY, left=left) in message.text  # "tinggal N pertanyaan"
    assert message.button_texts == [
        say(Text.BTN_REMINDER_CONTINUE),
        say(Text.BTN_REMINDER_LATER),
        say(Text.BTN_REMINDER_STOP),
    ]
    assert "🗓" not in message.text  # the retention note is for the last reminder

    first_two = await wait_for_reminders(bot, sari, 2)
    assert await sent_at(bot, sari.id, 2) >= active + timedelta(seconds=4)
    last = sari.messages[-1]
    assert last.message_id == first_two[1].result["message_id"]
    deleted = (
        datetime.fromisoformat(await _updated_at(bot, draft.id)) + timedelta(days=90)
    ).astimezone(WIB)
    # The date as people write it ("1 Maret 2027"), never 01/03/2027 (03/01 to an American).
    day = CONTENT.date_text(deleted.date(), "id")
    assert say(Text.REMINDER_RETENTION, days=90, date=day) in last.text
    assert CONTENT.text(Text.MONTH_NAMES, "id").split()[deleted.month - 1] in last.text
    assert await rows(bot, sari.id) == [(1, "sent"), (2, "sent")]
    assert await nothing_due_ever(bot)  # each reminder once: none is left to send


async def _updated_at(bot: Harness, application_id: int) -> str:
    return str(
        await bot.store.db.fetch_value(
            "SELECT updated_at FROM applications WHERE id = ?", (application_id,)
        )
    )


async def test_english_talent_gets_an_english_reminder(make_bot: Any, clock: TestClock) -> None:
    bot: Harness = await make_bot(clock=clock, reminder_delays="2s", quiet_hours="")
    john = bot.user(first_name="John", language_code="en")
    await bot.send(john, "/register")
    await consent(bot, john, language="en")
    await answer(bot, john, "sector", "film", language="en")
    clock.offset += FIRST_DELAY
    await wait_for_reminders(bot, john, 1)
    message = john.messages[-1]
    assert message.text.startswith("👋 Hi, John! Your registration isn't finished yet")
    assert message.button_texts == [
        say(Text.BTN_REMINDER_CONTINUE, "en"),
        say(Text.BTN_REMINDER_LATER, "en"),
        say(Text.BTN_REMINDER_STOP, "en"),
    ]
    assert "🗓" in message.text  # with one delay, the first reminder is the last
    draft = await bot.store.applications.draft_for(john.id)
    assert draft is not None
    deleted = datetime.fromisoformat(await _updated_at(bot, draft.id)) + timedelta(days=90)
    day = CONTENT.date_text(deleted.astimezone(WIB).date(), "en")  # "1 March 2027"
    assert say(Text.REMINDER_RETENTION, "en", days=90, date=day) in message.text


async def test_continue_shows_exactly_the_question_where_they_stopped(
    make_bot: Any, clock: TestClock
) -> None:
    bot: Harness = await make_bot(clock=clock, **SHORT)
    sari = bot.user(first_name="Sari")
    await start_registration(bot, sari)
    key = await where(bot, sari)
    assert key is not None
    await answer(bot, sari, key, MUSICIAN[key])
    stopped_at = await where(bot, sari)
    assert stopped_at in CONTENT.questions
    await bot.send(sari, "/batal")  # "save & exit": the draft is paused, and still unfinished
    draft = await bot.store.applications.draft_for(sari.id)
    assert draft is not None
    assert not draft.active

    clock.offset += FIRST_DELAY
    await wait_for_reminders(bot, sari, 1)
    (question,) = await bot.press(sari, say(Text.BTN_REMINDER_CONTINUE))
    prompt = CONTENT.questions[stopped_at].prompt.get("id")
    assert prompt in question.text
    assert question.text.startswith(say(Text.INTAKE_RESUMED))
    resumed = await bot.store.applications.draft_for(sari.id)
    assert resumed is not None
    assert resumed.active
    assert resumed.current_key == stopped_at
    await answer(bot, sari, stopped_at, MUSICIAN[stopped_at])  # and the answer is taken
    assert await where(bot, sari) != stopped_at
    answers = await bot.store.applications.answers(draft.id)
    assert stopped_at in answers


async def test_continue_on_a_finished_registration_says_so(make_bot: Any) -> None:
    bot, sari = await reminded(make_bot, reminder_delays="2s")
    (reminder,) = reminder_calls(bot.emulator, sari.id)
    draft = await bot.store.applications.draft_for(sari.id)
    assert draft is not None
    await apply(bot, sari, MUSICIAN)  # /daftar resumes the draft and finishes it
    mark = sari.mark()
    await bot.act(sari, sari.press_raw, reminder.result["message_id"], f"{CONTINUE}{draft.id}")
    assert sari.messages_since(mark) == []
    assert sari.callback_answers[-1].text == say(Text.INTAKE_GONE)
    assert sari.callback_answers[-1].show_alert
    assert await bot.store.applications.draft_for(sari.id) is None  # no new draft was opened


async def test_later_ends_reminders_for_this_registration_only(
    make_bot: Any, clock: TestClock
) -> None:
    bot, sari = await reminded(make_bot, clock)
    (edited,) = await bot.press(sari, say(Text.BTN_REMINDER_LATER))
    assert edited.edited
    assert edited.text == say(Text.REMINDER_LATER_DONE)
    assert edited.buttons == []
    assert await nothing_due_ever(bot)
    clock.offset = timedelta(seconds=10)  # past the second delay
    await bot.caught_up()
    assert len(reminder_calls(bot.emulator, sari.id)) == 1
    assert await rows(bot, sari.id) == [(1, "sent")]
    # The answers stay: /daftar, the next day, resumes the same registration.
    async with bot.store.db.transaction() as tx:
        await tx.execute(
            "UPDATE applications SET updated_at = ? WHERE user_id = ?", (ago(86_400), sari.id)
        )
    (resumed,) = await bot.send(sari, "/daftar")
    assert resumed.text.startswith(say(Text.INTAKE_RESUMED))
    # "Later" was about that registration: the talent still gets reminders in general.
    assert (await bot.store.reminders.preference(sari.id)).enabled


async def test_stop_reminders_is_a_preference_shown_changeable_and_in_my_data(
    make_bot: Any, clock: TestClock
) -> None:
    bot, sari = await reminded(make_bot, clock)
    (edited,) = await bot.press(sari, say(Text.BTN_REMINDER_STOP))
    assert edited.text == shown(Text.REMINDER_STOPPED)
    assert edited.buttons == []
    assert await nothing_due_ever(bot)

    await bot.send(sari, "/privasi")
    (screen,) = await bot.press(sari, say(Text.BTN_MY_CONSENTS))
    off_day = CONTENT.date_text(datetime.now(WIB).date(), "id")
    off = say(Text.REMINDER_PREFERENCE_OFF, date=off_day)
    assert say(Text.REMINDER_PREFERENCE_LINE, state=off) in screen.text
    assert say(Text.BTN_REMINDERS_ON) in screen.button_texts

    mark = sari.mark()
    await bot.send(sari, "/dataku")
    document = next(m for m in sari.messages_since(mark) if m.document is not None)
    assert document.document is not None
    reminders = section(data_copy(document.document[1]), Text.MYDATA_SECTION_REMINDERS)
    assert reminders[copy_label(Text.MYDATA_FIELD_REMINDERS_ENABLED)] == copy_label(Text.MYDATA_NO)
    assert reminders[copy_label(Text.MYDATA_FIELD_CHANGED)].startswith(off_day)
    sent = [
        (row[copy_label(Text.MYDATA_FIELD_NUMBER)], row[copy_label(Text.MYDATA_FIELD_STATUS)])
        for row in reminders[copy_label(Text.MYDATA_FIELD_REMINDERS_SENT)]
    ]
    assert sent == [(1, copy_label(Text.MYDATA_DELIVERY_SENT))]

    await bot.send(sari, "/privasi")
    await bot.press(sari, say(Text.BTN_MY_CONSENTS))
    (screen,) = await bot.press(sari, say(Text.BTN_REMINDERS_ON))
    on = say(Text.REMINDER_PREFERENCE_ON)
    assert say(Text.REMINDER_PREFERENCE_LINE, state=on) in screen.text
    assert say(Text.BTN_REMINDERS_OFF) in screen.button_texts
    assert (await bot.store.reminders.preference(sari.id)).enabled
    # Turned on again: the second reminder comes, its delay counted from this last activity.
    await wait_for_reminders(bot, sari, 2)
    assert await rows(bot, sari.id) == [(1, "sent"), (2, "sent")]


async def test_finished_opted_out_withdrawn_erased_blocked_and_stale_talents_get_none(
    make_bot: Any, clock: TestClock
) -> None:
    bot: Harness = await make_bot(clock=clock, **SHORT)
    finished = bot.user(first_name="Finished")
    await apply(bot, finished, MUSICIAN)

    opted_out = bot.user(first_name="OptedOut")  # "for ever", before any reminder
    await start_registration(bot, opted_out)
    await bot.send(opted_out, "/privasi")
    await bot.press(opted_out, say(Text.BTN_MY_CONSENTS))
    await bot.press(opted_out, say(Text.BTN_REMINDERS_OFF))

    withdrawn = bot.user(first_name="Withdrawn")
    await start_registration(bot, withdrawn)
    await bot.send(withdrawn, "/privasi")
    await bot.press(withdrawn, say(Text.BTN_MY_CONSENTS))
    await bot.press(withdrawn, callback_data=f"{privacy.TOGGLE}processing:0")
    await bot.press(withdrawn, say(Text.BTN_CONFIRM_WITHDRAW))  # confirmed

    erased = bot.user(first_name="Erased")
    await start_registration(bot, erased)
    await bot.send(erased, "/hapusdata")
    await bot.press(erased, CONTENT.text(Text.BTN_CONFIRM_DELETE, "id"))

    blocked = bot.user(first_name="Blocked")
    await start_registration(bot, blocked)
    await bot.settle(blocked.block())

    no_answer = bot.user(first_name="NoAnswer")  # consent given, nothing answered yet
    await bot.send(no_answer, "/daftar")
    await consent(bot, no_answer)

    from_program = bot.user(first_name="FromProgram")  # the program's Apply button presets
    (menu,) = await bot.send(from_program, "/start")
    await bot.act(from_program, from_program.press_raw, menu.message_id, "apply:mucon")
    await consent(bot, from_program)
    assert await where(bot, from_program) in CONTENT.questions

    declined = bot.user(first_name="Declined")
    await bot.send(declined, "/daftar")
    await bot.press(declined, say(Text.BTN_DECLINE))

    stale = bot.user(first_name="Stale")  # a draft untouched for a week past the last delay
    await asyncio.to_thread(
        seed_drafts, bot.database, [stale], datetime.now(UTC) - timedelta(seconds=4, days=7)
    )

    # An answered draft on record whose owner's latest word on processing is "no" (the bot
    # deletes drafts on a withdrawal; rows from elsewhere, e.g. an old backup, may not have).
    unconsented = bot.user(first_name="Unconsented")
    await asyncio.to_thread(
        seed_drafts, bot.database, [unconsented], datetime.now(UTC) - timedelta(minutes=1)
    )
    await asyncio.to_thread(refuse_processing, bot.database, unconsented)

    control = bot.user(first_name="Control")  # the last to act: reminded last
    await start_registration(bot, control)
    for reminder in (1, 2):  # past each delay in turn, for everyone above too
        clock.offset += FIRST_DELAY
        await wait_for_reminders(bot, control, reminder)
    await bot.caught_up()
    others = [
        *(finished, opted_out, withdrawn, erased, blocked),
        *(no_answer, from_program, declined, stale, unconsented),
    ]
    assert {talent.first_name: reminder_calls(bot.emulator, talent.id) for talent in others} == {
        talent.first_name: [] for talent in others
    }
    assert await nothing_due_ever(bot)


async def test_a_talent_gone_without_a_word_is_marked_unreachable(
    make_bot: Any, clock: TestClock
) -> None:
    bot: Harness = await make_bot(clock=clock, **SHORT)
    gone = bot.user(first_name="Gone")
    await start_registration(bot, gone)
    gone.deactivate()  # the bot hears nothing: Telegram answers 403
    clock.offset += FIRST_DELAY

    async def recorded() -> bool:
        return await rows(bot, gone.id) == [(1, "blocked")]

    await wait_until(recorded)
    user = await bot.store.users.get(gone.id)
    assert user is not None
    assert user.blocked
    assert await nothing_due_ever(bot)  # nothing more for them


async def test_hapusdata_stops_reminders_at_once(make_bot: Any, clock: TestClock) -> None:
    bot, sari = await reminded(make_bot, clock)
    await bot.send(sari, "/hapusdata")
    await bot.press(sari, CONTENT.text(Text.BTN_CONFIRM_DELETE, "id"))
    for table in ("reminders", "reminder_preferences", "applications"):
        count = await bot.store.db.fetch_value(
            f"SELECT COUNT(*) FROM {table} WHERE user_id = ?",  # noqa: S608 - fixed names
            (sari.id,),
        )
        assert count == 0, table
    clock.offset = timedelta(seconds=10)  # past the second delay
    await bot.caught_up()
    assert len(reminder_calls(bot.emulator, sari.id)) == 1


@pytest.mark.parametrize("stop", ["erase", "stop_reminders", "withdraw"])
async def test_a_reminder_refused_with_429_is_not_sent_after_the_talent_stopped_it(
    make_bot: Any, clock: TestClock, caplog: pytest.LogCaptureFixture, stop: str
) -> None:
    """Reminder 2 is claimed, and Telegram answers 429 only once the talent has erased their
    data, pressed "Stop reminders" or withdrawn consent: the worker must not send it after
    the wait. (The second delay is long: reminder 2 comes when the clock is moved.)"""
    bot, sari = await reminded(make_bot, clock, reminder_delays="2s,1h")
    await bot.send(sari, "/privasi")  # her ways to stop, on screen before the hold
    await bot.press(sari, say(Text.BTN_MY_CONSENTS))
    refused = bot.emulator.hold(
        "sendMessage", chat_id=sari.id, containing=CONTINUE, times=10, status=429
    )
    clock.offset = timedelta(hours=2)
    await asyncio.wait_for(refused.arrived.wait(), 30)
    if stop == "erase":
        await bot.send(sari, "/hapusdata")
        await bot.press(sari, CONTENT.text(Text.BTN_CONFIRM_DELETE, "id"))
    elif stop == "stop_reminders":
        await bot.press(sari, say(Text.BTN_REMINDER_STOP))  # on reminder 1
    else:
        await bot.press(sari, callback_data=f"{privacy.TOGGLE}processing:0")  # asks first
        await bot.press(sari, say(Text.BTN_CONFIRM_WITHDRAW))
    caplog.set_level(logging.INFO, logger=worker.__name__)
    refused.release()

    async def decided() -> bool:
        dropped = any("not sent" in record.getMessage() for record in caplog.records)
        return dropped or len(reminder_calls(bot.emulator, sari.id)) > 1

    await wait_until(decided)
    assert len(reminder_calls(bot.emulator, sari.id)) == 1  # reminder 1 only
    expected = [(1, "sent"), (2, "skipped")] if stop == "stop_reminders" else []
    assert await rows(bot, sari.id) == expected


async def test_stats_show_reminders_sent_and_registrations_finished_after_one(
    make_bot: Any, staff_chat: Any, clock: TestClock
) -> None:
    later = datetime.now(WIB) + timedelta(hours=2)  # quiet hours that are not now
    hours = f"{later:%H:%M}-{later + timedelta(hours=1):%H:%M}"
    bot: Harness = await make_bot(
        clock=clock, admin_ids=frozenset({ADMIN_ID}), reminder_delays="2s", quiet_hours=hours
    )
    finisher = bot.user(first_name="Finisher")
    idle = bot.user(first_name="Idle")
    await start_registration(bot, finisher)
    await start_registration(bot, idle)
    clock.offset += FIRST_DELAY
    await wait_for_reminders(bot, finisher, 1)
    await wait_for_reminders(bot, idle, 1)
    await bot.press(finisher, say(Text.BTN_REMINDER_CONTINUE))
    await apply(bot, finisher, MUSICIAN)

    eyd = hours.replace(":", ".").replace("-", "\N{EN DASH}")
    report, chart = await bot.send(bot.emulator.user(ADMIN_ID), "/stats")
    assert chart.kind == "photo"  # the pipeline's chart follows the text
    lines = report.text.splitlines()
    section = lines[lines.index("Pengingat pendaftaran") : lines.index("Pendaftar per tahap") - 1]
    assert section == [
        "Pengingat pendaftaran",
        # EYD times with a period and an en dash, whatever QUIET_HOURS wrote
        f"Aktif: 2 detik setelah aktivitas terakhir · jam tenang {eyd} WIB",
        "Terkirim: 2 (7 hari terakhir: 2)",
        "Selesai ≤ 7 hari setelah pengingat: 1 dari 2 pendaftaran yang diingatkan",
    ]


def test_settings_refuse_delays_and_quiet_hours_that_make_no_sense() -> None:
    def problem(**values: str) -> str:
        with pytest.raises(SettingsError) as caught:
            load_settings(_env_file=None, **values)
        return str(caught.value)

    assert problem(reminder_delays="72h,24h").startswith("Configuration error: REMINDER_DELAYS")
    assert "'2 days' is not a duration" in problem(reminder_delays="2 days")
    assert problem(quiet_hours="21-8").startswith("Configuration error: QUIET_HOURS")
    assert "same time" in problem(quiet_hours="08:00-08:00")
    settings = load_settings(_env_file=None, reminder_delays=" 90m, 1d ", quiet_hours="")
    assert settings.reminder_delays == (timedelta(minutes=90), timedelta(days=1))
    assert settings.quiet_hours is None
    assert load_settings(_env_file=None, reminder_delays="").reminder_delays == ()


# ----- quiet hours -----------------------------------------------------------------------------


def test_quiet_hours_run_past_midnight_and_end_at_their_end() -> None:
    night = QuietHours(time(21), time(8))

    def at(hour: int, minute: int = 0, day: int = 1) -> datetime:
        return datetime(2026, 12, day, hour, minute, tzinfo=WIB)

    assert quiet_until(at(20, 59), night) is None
    assert quiet_until(at(21), night) == at(8, day=2)
    assert quiet_until(at(23, 30), night) == at(8, day=2)
    assert quiet_until(at(3), night) == at(8)
    assert quiet_until(at(8), night) is None
    assert quiet_until(at(3).astimezone(UTC), night) == at(8)  # whatever zone `now` is in
    lunch = QuietHours(time(12), time(13))
    assert quiet_until(at(12, 30), lunch) == at(13)
    assert quiet_until(at(13), lunch) is None
    assert quiet_until(at(3), None) is None


def quiet_now(clock: TestClock, minutes: int = 60) -> str:
    """A QUIET_HOURS value that holds the clock's current time and ends `minutes` later."""
    now = clock().astimezone(WIB)
    start = now - timedelta(minutes=1)
    end = now + timedelta(minutes=minutes)
    return f"{start:%H:%M}-{end:%H:%M}"


def quiet_end(clock: TestClock, hours: str) -> datetime:
    """When those quiet hours end, by the clock."""
    ends = Settings(_env_file=None, quiet_hours=hours).quiet_hours  # type: ignore[call-arg, arg-type]
    until = quiet_until(clock(), ends)
    assert until is not None
    return until


async def test_reminders_due_in_quiet_hours_go_when_they_end(
    make_bot: Any, clock: TestClock
) -> None:
    hours = quiet_now(clock)
    bot: Harness = await make_bot(clock=clock, reminder_delays=DELAYS, quiet_hours=hours)
    sari = bot.user(first_name="Sari")
    await start_registration(bot, sari)
    clock.offset = timedelta(seconds=5)  # both reminders are due, but it is quiet
    await bot.caught_up()
    assert reminder_calls(bot.emulator, sari.id) == []
    assert await rows(bot, sari.id) == []

    end = quiet_end(clock, hours)
    clock.offset += end - clock() + timedelta(seconds=1)  # one second after the end
    await wait_for_reminders(bot, sari, 1)
    # Both came due while it was quiet: one reminder, the later one, not two at once.
    assert await rows(bot, sari.id) == [(1, "skipped"), (2, "sent")]
    await bot.caught_up()
    assert len(reminder_calls(bot.emulator, sari.id)) == 1


# ----- exactly once ----------------------------------------------------------------------------


def seed_drafts(database: Path, talents: list[EmulatedUser], at: datetime) -> None:
    """Unfinished registrations (consent given, the sector answered), last active at `at`."""
    moment = at.astimezone(UTC).isoformat(timespec="microseconds")
    following = form_order.next_question(CONTENT, {"sector": "music"})
    assert following is not None
    with sqlite3.connect(database) as db:
        for index, talent in enumerate(talents):
            talent.started = True
            db.execute(
                "INSERT INTO users (user_id, first_name, language, created_at, updated_at,"
                " last_seen_at) VALUES (?, ?, 'id', ?, ?, ?)",
                (talent.id, talent.first_name, moment, moment, moment),
            )
            db.execute(
                "INSERT INTO consents (user_id, kind, granted, notice_version, language,"
                " created_at) VALUES (?, 'processing', 1, ?, 'id', ?)",
                (talent.id, CONTENT.privacy.version, moment),
            )
            application = db.execute(
                "INSERT INTO applications (user_id, stage, current_key, language, created_at,"
                " updated_at) VALUES (?, 'question', ?, 'id', ?, ?)",
                (talent.id, following.key, moment, moment),
            ).lastrowid
            db.execute(
                "INSERT INTO answers (application_id, question_key, value, update_id,"
                " answered_at) VALUES (?, 'sector', '\"music\"', ?, ?)",
                (application, 1_000_000 + index, moment),
            )
    db.close()


def refuse_processing(database: Path, talent: EmulatedUser) -> None:
    """Record the talent's consent to processing as withdrawn, leaving their drafts."""
    with sqlite3.connect(database) as db:
        db.execute(
            "INSERT INTO consents (user_id, kind, granted, notice_version, language,"
            " created_at) VALUES (?, 'processing', 0, ?, 'id', ?)",
            (talent.id, CONTENT.privacy.version, datetime.now(UTC).isoformat()),
        )
    db.close()


def talents(emulator: BotAPIEmulator, count: int) -> list[EmulatedUser]:
    return [emulator.user(first_name=f"Talent {index}") for index in range(count)]


def per_chat(emulator: BotAPIEmulator, chats: list[EmulatedUser]) -> Counter[int]:
    """How many reminders each talent received (one pass over the emulator's calls)."""
    wanted = {talent.id for talent in chats}
    received = Counter(dict.fromkeys(wanted, 0))
    for call in emulator.calls_to("sendMessage"):
        chat_id = call.params.get("chat_id")
        if call.ok and chat_id in wanted and _is_reminder(call):
            received[chat_id] += 1
    return received


def _is_reminder(call: Any) -> bool:
    return CONTINUE in json.dumps(call.params.get("reply_markup") or {})


async def test_a_restart_in_the_middle_sends_no_reminder_twice(
    make_bot: Any, emulator: BotAPIEmulator, database: Path
) -> None:
    await (await Store.open(database)).close()  # the tables
    waiting = talents(emulator, 40)
    await asyncio.to_thread(
        seed_drafts, database, waiting, datetime.now(UTC) - timedelta(minutes=5)
    )
    bot: Harness = await make_bot(broadcast_rate=10.0, **SHORT)

    async def some_sent() -> bool:
        return sum(per_chat(emulator, waiting).values()) >= 10

    await wait_until(some_sent)
    await bot.stop()  # cancels the worker while reminders are in flight or waiting
    before = sum(per_chat(emulator, waiting).values())
    assert 10 <= before < 40

    await bot.start()

    async def all_sent() -> bool:
        count = await bot.store.db.fetch_value(
            "SELECT COUNT(*) FROM reminders WHERE status = 'sent'"
        )
        return int(count) == 40

    await wait_until(all_sent)
    assert per_chat(emulator, waiting) == Counter({talent.id: 1 for talent in waiting})
    # Last active five minutes ago: both reminders were due; each talent got only the later one.
    statuses = await bot.store.db.fetch_all(
        "SELECT number, status, COUNT(*) AS n FROM reminders GROUP BY number, status"
    )
    assert {(row["number"], row["status"]): row["n"] for row in statuses} == {
        (1, "skipped"): 40,
        (2, "sent"): 40,
    }


async def test_kill_9_in_the_middle_sends_no_reminder_twice(
    served: tuple[BotAPIEmulator, str], tmp_path: Path
) -> None:
    emulator, url = served
    # 15 a second: the kill lands after the first five, long before the thirtieth (at 5 a
    # second the same kill came after a wait of 4 s more for the rest).
    bot = BotProcess(
        emulator, url, tmp_path, REMINDER_DELAYS=DELAYS, QUIET_HOURS="", BROADCAST_RATE="15"
    )
    await (await Store.open(bot.database)).close()
    waiting = talents(emulator, 30)
    await asyncio.to_thread(
        seed_drafts, bot.database, waiting, datetime.now(UTC) - timedelta(minutes=5)
    )
    await bot.start()
    await until(lambda: sum(per_chat(emulator, waiting).values()) >= 5)
    await bot.kill()
    received_before = per_chat(emulator, waiting)
    assert sum(received_before.values()) < 30
    # Claimed when the process died: their requests were in flight or not yet made.
    caught = {
        user_id
        for (user_id,) in bot.query("SELECT user_id FROM reminders WHERE status = 'sending'")
    }
    assert len(caught) <= pacing.IN_FLIGHT

    await bot.start()

    def settled() -> bool:
        sent = bot.query("SELECT COUNT(*) FROM reminders WHERE status = 'sent'")
        return bool(sent[0][0] == 30 - len(caught))

    await until(settled)
    assert await bot.stop() == 0
    received = per_chat(emulator, waiting)
    assert max(received.values()) == 1  # nobody got a reminder twice
    sent = {
        user_id for (user_id,) in bot.query("SELECT user_id FROM reminders WHERE status = 'sent'")
    }
    assert all(received[user_id] == 1 for user_id in sent)
    # Those caught by the kill were never sent again: each has what it got before the kill.
    still = {
        user_id
        for (user_id,) in bot.query("SELECT user_id FROM reminders WHERE status = 'sending'")
    }
    assert still == caught
    assert all(received[user_id] == received_before[user_id] for user_id in caught)
    assert sent | caught == {talent.id for talent in waiting}


# ----- volume -------------------------------------------------------------------------------


# Reminders due at once: several of Telegram's one-second windows at 26 a second, and more
# than three times what it takes in one (200, ~8 s, proved no more).
COUNT = 100


async def test_100_due_reminders_go_at_the_budgets_pace_while_talents_are_answered(
    make_bot: Any, emulator: BotAPIEmulator, database: Path, clock: TestClock
) -> None:
    """100 reminders held by quiet hours go when they end, within Telegram's 30/s (~4 s).

    Enough for the budget to pace them over several of Telegram's one-second windows with a
    talent's exchange in the middle; the volume itself is benchmarks/broadcast_rate.py's."""
    emulator.set_rate_limits(global_per_second=30)
    await (await Store.open(database)).close()
    waiting = talents(emulator, COUNT)
    await asyncio.to_thread(
        seed_drafts, database, waiting, datetime.now(UTC) - timedelta(minutes=5)
    )
    hours = quiet_now(clock)
    bot: Harness = await make_bot(clock=clock, reminder_delays=DELAYS, quiet_hours=hours)
    ids = {talent.id for talent in waiting}

    def received() -> int:  # cheap enough to ask often: the seeded talents get nothing else
        calls = emulator.calls_to("sendMessage")
        return sum(1 for call in calls if call.ok and call.params.get("chat_id") in ids)

    await bot.caught_up()
    assert received() == 0  # quiet hours

    clock.offset += quiet_end(clock, hours) - clock()
    await until(lambda: received() >= COUNT // 10)
    sari = bot.user(first_name="Sari")
    (greeting,) = await bot.send(sari, "/start")
    assert greeting.text.startswith("Halo, Sari!")
    await start_registration(bot, sari)  # a whole exchange, answered while reminders go out
    # Answered mid-way: replies queued behind the reminders would come ~3 s later.
    assert received() < COUNT

    # 100 at 26 a second: about 4 s.
    await until(lambda: received() == COUNT, timeout=120)
    assert per_chat(emulator, waiting) == Counter(dict.fromkeys(ids, 1))
    assert emulator.rate_limited_count == 0  # never over Telegram's limit, replies included
