"""A talent's walk through the questionnaire, recorded once in-process, replayed over HTTP.

Recorded with the test harness and `tests/leads.py` (so it follows the real content) as a
list of steps, each drawing exactly one visible reply from the bot. Tests of real bot
processes and the benchmarks replay the steps against the emulator served on loopback.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.emulator import BotAPIEmulator, EmulatedUser


@dataclass(frozen=True, slots=True)
class Step:
    """One thing a talent does: type a text, or press the inline button with this label."""

    kind: str  # "send" or "press"
    value: str


async def record_walk(answers: dict[str, Any]) -> list[Step]:
    """The steps of /start and a whole application with these answers, as the bot asks them."""
    from tests import leads
    from tests.harness import Harness

    steps: list[Step] = []

    class RecordingHarness(Harness):
        async def act(self, user: EmulatedUser, action: Any, *args: Any, **kwargs: Any) -> Any:
            shown = await super().act(user, action, *args, **kwargs)
            # The submit draws two messages (thanks, then the announcements offer); the first
            # one is the reply a replay waits for.
            if not shown or kwargs:
                raise RuntimeError(f"step {action.__name__}{args} drew no reply")
            steps.append(Step(action.__name__, str(args[0])))
            return shown

    emulator = BotAPIEmulator()
    with tempfile.TemporaryDirectory() as folder:
        harness = RecordingHarness(emulator, Path(folder) / "walk.db")
        await harness.start()
        try:
            user = harness.user(first_name="Sari")
            await harness.send(user, "/start")
            await leads.apply(harness, user, answers)
        finally:
            await harness.stop()
    return steps


async def talent_walks() -> list[list[Step]]:
    """The two recorded walks: a musician's and a filmmaker's application."""
    from tests import leads

    return [await record_walk(leads.MUSICIAN), await record_walk(leads.FILMMAKER)]


async def replay(user: EmulatedUser, steps: list[Step], timeout: float = 30.0) -> None:  # noqa: ASYNC109
    """The talent takes every step, each once the bot has answered the one before."""
    for step in steps:
        mark = user.mark()
        if step.kind == "send":
            user.send(step.value)
        else:
            user.press(step.value)
        await user.wait_for_messages(mark, timeout=timeout)
