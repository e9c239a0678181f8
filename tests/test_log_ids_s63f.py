"""A talent's Telegram id stays out of the bot's log at INFO when they turn program news on or
off (a review s63, L6: "User 4504141723012719 left announcements" stayed in the journal after
`kocca-bot erase`, while the database kept only a keyed hash of the id)."""

from __future__ import annotations

import logging

import pytest

from tests.harness import Harness


async def test_turning_news_on_or_off_logs_no_telegram_id(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    yohana = bot.user(first_name="Yohana")
    await bot.send(yohana, "/langganan")
    await bot.send(yohana, "/berhenti")
    assert await bot.store.broadcasts.audience_count("all", None) == 0
    said = [record.getMessage() for record in caplog.records if record.levelno >= logging.INFO]
    assert "A talent turned announcements on" in said
    assert "A talent turned announcements off" in said
    assert [line for line in said if str(yohana.id) in line] == []
