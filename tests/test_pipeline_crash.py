"""kill -9 of a real bot process between saving a stage and sending its talent message."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import BotAPIEmulator, EmulatedUser
from bot.leads.export import plain_text
from bot.texts import Text
from tests.leads import CONTENT, Seed, realistic, seed
from tests.processes import BotProcess

ADMIN_ID = 9001
SHORTLIST = CONTENT.stages["shortlist"].label.get("id")


@pytest.fixture
async def started() -> AsyncIterator[list[BotProcess]]:
    """Bot processes of the test; one left running by a failed assertion is killed."""
    processes: list[BotProcess] = []
    yield processes
    for process in processes:
        if process.process is not None:
            await process.kill()


async def _until(condition: Callable[[], bool]) -> None:
    """Poll a condition that no event announces (another process's progress)."""
    async with asyncio.timeout(30):
        while not condition():  # noqa: ASYNC110 - nothing to wait on but time
            await asyncio.sleep(0.02)


async def _ready(
    served: tuple[BotAPIEmulator, str], tmp_path: Path, started: list[BotProcess]
) -> tuple[BotProcess, EmulatedUser, EmulatedUser]:
    """A bot process with one admin and one lead, KOC-000001, whose talent talked to it."""
    emulator, url = served
    bot = BotProcess(emulator, url, tmp_path, ADMIN_IDS=str(ADMIN_ID))
    started.append(bot)
    await bot.start()
    talent = emulator.user(first_name="Sari")
    talent.started = True
    answers = {**realistic(random.Random(1), "music"), "full_name": "Sari Lestari"}
    await asyncio.to_thread(seed, bot.database, [Seed(talent.id, answers, first_name="Sari")])
    admin = emulator.user(ADMIN_ID, first_name="Admin")
    await bot.wait_done(admin.send("/lead KOC-000001")["update_id"])
    await bot.wait_done(admin.press(SHORTLIST)["update_id"])  # the preview
    return bot, admin, talent


def _status(bot: BotProcess) -> str | None:
    found = bot.query("SELECT status FROM talent_updates")
    return str(found[0][0]) if found else None


def _stage(bot: BotProcess) -> str:
    return str(bot.query("SELECT stage FROM lead_pipeline WHERE application_id = 1")[0][0])


async def test_killed_before_the_message_went_out_it_is_sent_once_after_restart(
    served: tuple[BotAPIEmulator, str], tmp_path: Path, started: list[BotProcess]
) -> None:
    emulator, _ = served
    bot, admin, talent = await _ready(served, tmp_path, started)
    # Telegram refuses the first try with a 30 s flood wait: the message is saved, not sent.
    emulator.fail_next("sendMessage", status=429, retry_after=30, chat_id=talent.id)
    await bot.wait_done(admin.press(CONTENT.text(Text.BTN_SEND_UPDATE, "id"))["update_id"])

    def refused() -> bool:
        calls = emulator.calls_to("sendMessage")
        return any(str(call.params["chat_id"]) == str(talent.id) for call in calls)

    await _until(lambda: refused() and _status(bot) == "pending")
    assert _stage(bot) == "shortlist" and talent.messages == []
    await bot.kill()

    mark = admin.mark()
    await bot.start()
    [update] = await talent.wait_for_messages(0, timeout=30)
    assert "masuk daftar pendek" in update.text
    [report] = await admin.wait_for_messages(mark, timeout=30)
    assert report.text == plain_text(
        CONTENT.text(Text.UPDATE_REPORT_SENT, "id", reference="KOC-000001", stage=SHORTLIST)
    )
    assert await bot.stop() == 0
    assert len(talent.messages) == 1
    assert _status(bot) == "sent"


async def test_killed_mid_request_staff_are_told_and_may_send_it_again(
    served: tuple[BotAPIEmulator, str], tmp_path: Path, started: list[BotProcess]
) -> None:
    emulator, _ = served
    bot, admin, talent = await _ready(served, tmp_path, started)
    emulator.delay("sendMessage", 60, chat_id=talent.id)  # the request hangs in the network
    await bot.wait_done(admin.press(CONTENT.text(Text.BTN_SEND_UPDATE, "id"))["update_id"])
    await _until(lambda: _status(bot) == "sending")
    await bot.kill()  # nobody knows whether Telegram delivered it
    emulator.delay("sendMessage", 0, chat_id=talent.id)

    mark = admin.mark()
    await bot.start()
    [warning] = await admin.wait_for_messages(mark, timeout=30)
    assert warning.text == plain_text(
        CONTENT.text(Text.UPDATE_REPORT_UNCERTAIN, "id", reference="KOC-000001", stage=SHORTLIST)
    )
    assert talent.messages == []  # not sent twice on its own
    again = CONTENT.text(Text.BTN_SEND_AGAIN, "id", reference="KOC-000001")
    mark = admin.mark()
    await bot.wait_done(admin.press(again)["update_id"])
    [update] = await talent.wait_for_messages(0, timeout=30)
    assert "masuk daftar pendek" in update.text
    await admin.wait_for_message("📨 Kabar untuk KOC-000001", since=mark, timeout=30)  # "sent"
    assert await bot.stop() == 0
    assert len(talent.messages) == 1
    audit: list[Any] = bot.query("SELECT via, action FROM audit_log WHERE action != 'lead_viewed'")
    assert audit == [("telegram", "stage_changed"), ("telegram", "update_resent")]
