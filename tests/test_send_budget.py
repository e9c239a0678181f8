"""The shared send budget, on a controllable clock: Telegram's window, replies first, 429s.

Every time here is the budget's own clock, advanced by the test (and by the budget's
waits), so the figures are exact and nothing depends on how busy the machine is.
"""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.outreach.send_budget import BROADCAST, SendBudget
from bot.settings import Settings

RATE = 29.0  # the default BROADCAST_RATE
CAP = 29


class FakeClock:
    """A clock that moves only when told to, or when the budget waits on it."""

    def __init__(self) -> None:
        self.time = 1000.0
        self.waits: list[float] = []

    def now(self) -> float:
        return self.time

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.time += seconds
        await asyncio.sleep(0)  # let other tasks run, as a real wait would


def busiest_second(stamps: list[float]) -> int:
    """The most sends in any one-second window (each window ending at a send)."""
    return max((in_window_ending(stamps, moment) for moment in stamps), default=0)


def in_window_ending(stamps: list[float], moment: float) -> int:
    """Sends in the second (moment - 1, moment]."""
    return sum(1 for stamp in stamps if stamp <= moment < stamp + 1.0)


async def test_bulk_sends_alone_go_at_the_configured_pace() -> None:
    clock = FakeClock()
    budget = SendBudget(RATE, clock)
    start = clock.time
    sent = []
    for _ in range(290):
        await budget.acquire()
        sent.append(clock.time)
    assert sent[0] == start  # nothing sent before: the first goes at once
    assert busiest_second(sent) == CAP
    # 290 sends at 29 a second, evenly spaced (the second one may catch up half a slot).
    assert 288 / RATE <= sent[-1] - start <= 289 / RATE


async def test_replies_and_bulk_sends_share_the_window_and_replies_never_wait() -> None:
    """Random bursts of replies during a run: no bulk send ever goes into a full second."""
    rng = random.Random(15)
    clock = FakeClock()
    budget = SendBudget(RATE, clock)
    replies: list[float] = []
    bulk: list[float] = []
    for _ in range(600):
        for _ in range(rng.choice([0, 0, 0, 1, 2, 5, 12])):
            clock.time += rng.uniform(0, 0.05)
            waits = len(clock.waits)
            budget.take_now()
            assert len(clock.waits) == waits  # a reply is never held back
            replies.append(clock.time)
        await budget.acquire()
        bulk.append(clock.time)
    everything = replies + bulk
    # A bulk send only ever goes into a second with room left in it, and leaves as many
    # places free as there were replies in that second (replies count twice).
    for moment in bulk:
        answered = in_window_ending(replies, moment)
        assert in_window_ending(everything, moment) + answered <= CAP
    assert len(replies) > 1000  # the replies did crowd the window


async def test_with_a_reply_a_second_no_second_holds_more_than_30() -> None:
    """At the default rate of 29, a reply a second on top of a full-speed run stays within 30."""
    rng = random.Random(30)
    clock = FakeClock()
    budget = SendBudget(RATE, clock)
    stamps: list[float] = []
    next_reply = clock.time + rng.uniform(0, 1)
    for _ in range(900):
        if clock.time >= next_reply:
            budget.take_now()
            stamps.append(clock.time)
            next_reply += 1.0 + rng.uniform(0, 0.2)
        await budget.acquire()
        stamps.append(clock.time)
    assert busiest_second(stamps) <= 30


async def test_at_the_default_rate_three_replies_at_once_on_a_full_run_stay_within_30() -> None:
    """A talent who writes mid-run may get three messages in a few milliseconds."""
    rng = random.Random(3)
    clock = FakeClock()
    budget = SendBudget(Settings.model_fields["broadcast_rate"].default, clock)
    stamps: list[float] = []
    next_exchange = clock.time + rng.uniform(0, 1)
    for _ in range(900):
        if clock.time >= next_exchange:
            for _ in range(3):
                budget.take_now()
                stamps.append(clock.time)
            next_exchange += rng.uniform(0.3, 1.5)
        await budget.acquire()
        stamps.append(clock.time)
    assert busiest_second(stamps) <= 30


async def test_800_replies_then_send_now_the_first_bulk_send_goes_within_a_second() -> None:
    """The issue's case: the old budget made the broadcast pay back every reply (~20 s)."""
    clock = FakeClock()
    budget = SendBudget(RATE, clock)
    replies = []
    for index in range(800):  # 800 replies over 7 seconds
        clock.time = 1000.0 + index * 7.0 / 800
        budget.take_now()
        replies.append(clock.time)
    send_now = clock.time
    await budget.acquire()
    first = clock.time
    assert first - send_now <= 1.0
    # Exactly when the window has room for it, replies counting twice: 14 replies (28) leave
    # room for one more send, so it goes as the 15th newest reply leaves the window.
    assert first == pytest.approx(replies[-15] + 1.0)
    for _ in range(CAP * 3):
        await budget.acquire()
    assert clock.time - send_now < 1.0 + 3.0  # then the run goes on at full speed


async def test_replies_go_at_once_through_process_request_even_in_a_full_second() -> None:
    clock = FakeClock()
    budget = SendBudget(RATE, clock)
    for _ in range(CAP):
        await budget.acquire()
    full_at = clock.time
    sent_at = []

    async def send(*_: Any, **__: Any) -> bool:
        sent_at.append(clock.time)
        return True

    for _ in range(50):
        assert await budget.process_request(send, (), {}, "sendMessage", {}, None) is True
    assert sent_at == [full_at] * 50
    # The replies used the window: the next bulk send waits for them to leave it.
    await budget.acquire()
    assert clock.time == pytest.approx(full_at + 1.0)


async def test_bulk_requests_pass_through_process_request_uncounted_twice() -> None:
    """A bulk send took its slot in acquire(); its request is not counted a second time."""
    clock = FakeClock()
    budget = SendBudget(RATE, clock)

    async def send(*_: Any, **__: Any) -> bool:
        return True

    for _ in range(CAP - 1):
        await budget.acquire()
        await budget.process_request(send, (), {}, "sendMessage", {}, BROADCAST)
    moment = clock.time
    await budget.acquire()  # the 29th fits in the same second: the requests were not counted
    assert clock.time - moment == pytest.approx(1 / RATE)


async def test_a_429_pauses_bulk_sends_only() -> None:
    clock = FakeClock()
    budget = SendBudget(RATE, clock)
    budget.pause(5.0)
    paused_at = clock.time
    replied = []

    async def send(*_: Any, **__: Any) -> bool:
        replied.append(clock.time)
        return True

    await budget.process_request(send, (), {}, "sendMessage", {}, None)
    assert replied == [paused_at]  # the reply did not wait for the pause
    await budget.acquire()
    assert clock.time == pytest.approx(paused_at + 5.0)


async def test_a_reply_that_hits_429_holds_bulk_sends_back_and_is_sent_again() -> None:
    clock = FakeClock()
    budget = SendBudget(RATE, clock)
    calls = []

    async def flooded_once(*_: Any, **__: Any) -> bool:
        calls.append(clock.time)
        if len(calls) == 1:
            raise RetryAfter(timedelta(seconds=3))
        return True

    start = clock.time
    assert await budget.process_request(flooded_once, (), {}, "sendMessage", {}, None) is True
    assert calls == [start, start + 3.0]
    bulk = asyncio.create_task(budget.acquire())
    await bulk
    assert clock.time >= start + 3.0


async def test_uncounted_methods_never_touch_the_budget() -> None:
    clock = FakeClock()
    budget = SendBudget(RATE, clock)

    async def answer(*_: Any, **__: Any) -> bool:
        return True

    for _ in range(100):
        await budget.process_request(answer, (), {}, "answerCallbackQuery", {}, None)
    await budget.acquire()
    assert clock.waits == []
