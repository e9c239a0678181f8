"""Hard crashes: `kill -9` of a real bot process at the worst moments loses nothing."""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import BotAPIEmulator, EmulatedUser
from bot.texts import Text
from tests.leads import CONTENT, MUSICIAN, label, stored_value
from tests.processes import BotProcess


async def test_update_acknowledged_but_not_answered_is_answered_after_restart(
    served: tuple[BotAPIEmulator, str], tmp_path: Path
) -> None:
    emulator, url = served
    bot = BotProcess(emulator, url, tmp_path)
    await bot.start()
    sari = emulator.user(first_name="Sari")
    emulator.delay("sendMessage", 60, chat_id=sari.id)  # the reply hangs in the network
    update = sari.send("/start")
    # The offset of the bot's next getUpdates acknowledges the update.
    await _until(lambda: emulator.acknowledged_up_to >= update["update_id"])
    await bot.kill()  # Telegram was told the update arrived; no reply was sent
    assert sari.messages == []
    emulator.delay("sendMessage", 0, chat_id=sari.id)
    mark = sari.mark()
    await bot.start()
    [greeting] = await sari.wait_for_messages(mark, timeout=30)
    assert greeting.text.startswith("Halo, Sari!")
    await bot.wait_done(update["update_id"])
    assert await bot.stop() == 0
    incoming = bot.query(
        "SELECT text FROM conversation_log WHERE update_id = ? AND direction = 'in'",
        (update["update_id"],),
    )
    assert incoming == [("/start",)]


async def _until(condition: Callable[[], bool]) -> None:
    """Poll a condition that no event announces (another process's progress)."""
    async with asyncio.timeout(30):
        while not condition():  # noqa: ASYNC110 - nothing to wait on but time
            await asyncio.sleep(0.01)


def _actions(user: EmulatedUser, key: str, value: Any) -> list[Callable[[], dict[str, Any]]]:
    """The talent's actions answering one question; each must be settled before the next."""
    question = CONTENT.questions[key]
    if value is None:
        return [lambda: user.press(CONTENT.text(Text.BTN_SKIP, "id"))]
    if question.type == "single_choice":
        return [lambda: user.press(label(key, value))]
    if question.type == "multi_choice":
        toggles = [lambda item=item: user.press(label(key, item)) for item in value]
        return [*toggles, lambda: user.press(CONTENT.text(Text.BTN_DONE, "id"))]
    return [lambda: user.send(str(value))]


async def test_kill_at_random_moments_during_an_application_loses_no_answer(
    served: tuple[BotAPIEmulator, str], tmp_path: Path
) -> None:
    """About one step in three killed, at a random moment of it. One seed: a second one only
    drew other moments of the same steps, at the cost of a dozen more bot start-ups."""
    emulator, url = served
    seed = 7
    rng = random.Random(seed)
    bot = BotProcess(emulator, url, tmp_path)
    await bot.start()
    sari = emulator.user(first_name="Sari")
    kills = 0

    async def step(updates: list[dict[str, Any]]) -> None:
        nonlocal kills
        if rng.random() < 0.35:
            await asyncio.sleep(rng.uniform(0, 0.12))
            await bot.kill()
            kills += 1
            await bot.start()
        await bot.wait_done(updates[-1]["update_id"])

    def where() -> str | None:
        rows = bot.query(
            "SELECT stage, current_key FROM applications WHERE user_id = ? AND status = 'draft'",
            (sari.id,),
        )
        if not rows:
            return None
        stage, key = rows[0]
        return str(key) if stage == "question" else str(stage)

    await step([sari.send("/daftar")])
    await step([sari.press(CONTENT.text(Text.BTN_AGREE, "id"))])
    await step([sari.press(CONTENT.text(Text.BTN_YES, "id"))])
    for _ in range(40):
        key = where()
        if key == "review":
            break
        assert key in MUSICIAN, f"unexpected step {key!r} (seed {seed})"
        for action in _actions(sari, key, MUSICIAN[key]):
            await step([action()])
    else:
        pytest.fail(f"the questionnaire never reached the review (seed {seed})")
    await step([sari.press(CONTENT.text(Text.BTN_SUBMIT, "id"))])
    assert await bot.stop() == 0
    leads = bot.query("SELECT id, reference FROM applications WHERE status = 'submitted'")
    assert len(leads) == 1, f"seed {seed}"
    assert bot.query("SELECT COUNT(*) FROM applications WHERE status = 'draft'") == [(0,)]
    answers = {
        key: None if value is None else json.loads(value)
        for key, value in bot.query(
            "SELECT question_key, value FROM answers WHERE application_id = ?", (leads[0][0],)
        )
    }
    assert answers == {key: stored_value(key, value) for key, value in MUSICIAN.items()}
    assert kills >= 5, f"the test should kill the bot often (seed {seed})"
    duplicates = bot.query(
        "SELECT update_id FROM conversation_log WHERE direction = 'in'"
        " GROUP BY update_id HAVING COUNT(*) > 1"
    )
    assert duplicates == []


async def test_sigterm_finishes_the_update_in_hand_then_exits(
    served: tuple[BotAPIEmulator, str], tmp_path: Path
) -> None:
    emulator, url = served
    bot = BotProcess(emulator, url, tmp_path)
    await bot.start()
    sari = emulator.user(first_name="Sari")
    emulator.delay("sendMessage", 1.0, times=1, chat_id=sari.id)  # the reply is on its way
    mark = sari.mark()
    update = sari.send("/start")
    await _until(lambda: emulator.acknowledged_up_to >= update["update_id"])
    assert await bot.stop() == 0  # SIGTERM while the reply is in flight
    [greeting] = sari.messages_since(mark)
    assert greeting.text.startswith("Halo, Sari!")
    assert bot.query(
        "SELECT status FROM update_inbox WHERE update_id = ?", (update["update_id"],)
    ) == [("done",)]
