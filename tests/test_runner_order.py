"""The runner's order: an update is stored before Telegram is told it arrived, and only once."""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

import pytest

from bot.store import StoredUpdate
from tests.harness import SETTLE_TIMEOUT, Harness
from tests.leads import answer, consent, where


def _stored_ids(harness: Harness) -> set[int]:
    """Update ids committed to the inbox, read from the file as another process would."""
    with sqlite3.connect(harness.database) as connection:
        return {row[0] for row in connection.execute("SELECT update_id FROM update_inbox")}


async def test_no_offset_ever_acknowledges_an_update_that_is_not_stored(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    emulator = bot.emulator
    acknowledged_unstored: list[int] = []
    confirm = emulator.updates.confirm

    def checked_confirm(offset: int) -> None:
        """Telegram forgets updates below the offset: each of them must be stored by now."""
        if offset > 0:
            delivered = range(emulator.updates.acknowledged_up_to + 1, offset)
            stored = _stored_ids(bot)
            fetched = {u["update_id"] for u in emulator.updates.pending}
            acknowledged_unstored.extend(i for i in delivered if i in fetched and i not in stored)
        confirm(offset)

    monkeypatch.setattr(emulator.updates, "confirm", checked_confirm)

    # The store is paused while it writes the talent's update.
    inbox = bot.store.inbox
    add_new = inbox.add_new
    writing, go_on = asyncio.Event(), asyncio.Event()

    async def paused_add_new(updates: list[StoredUpdate], *more: Any) -> list[StoredUpdate]:
        if updates:
            writing.set()
            await go_on.wait()
        return await add_new(updates, *more)

    monkeypatch.setattr(inbox, "add_new", paused_add_new)
    sari = bot.user()
    update = sari.send("/start")
    await asyncio.wait_for(writing.wait(), SETTLE_TIMEOUT)
    # Let every other task run (the poll loop included) while the write is pending; the
    # transport is in-process, so a poll that does not wait for the store gets here.
    for _ in range(200):
        await asyncio.sleep(0)
    assert emulator.acknowledged_up_to < update["update_id"], "acknowledged before stored"
    assert sari.messages == []

    go_on.set()
    await bot.settle(update)
    assert sari.last_message.text.startswith("Halo, Sari!")
    second = sari.send("/menu")  # the next poll acknowledges /start, now stored
    await bot.settle(second)
    assert emulator.acknowledged_up_to >= update["update_id"]
    assert acknowledged_unstored == []


async def test_a_resent_update_is_processed_once(bot: Harness) -> None:
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    await answer(bot, user, "sector", "music")
    await answer(bot, user, "age_range", "age_18_24")
    update = user.send("Sari Dewi")
    await bot.settle(update)
    replies_before = len(user.messages)
    bot.emulator.inject_raw_update(dict(update))  # Telegram re-sends the very same update
    # Updates of one talent are handled in order: once the next one is handled, a duplicate
    # that was processed would have replied before it.
    after = user.send("The Monsoons")
    await bot.settle(after)
    new = user.messages[replies_before:]
    assert len(new) == 1, [message.text for message in new]
    assert await where(bot, user) == "music_role"
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None
    stored: dict[str, Any] = await bot.store.applications.answers(draft.id)
    assert stored["full_name"] == "Sari Dewi" and stored["stage_name"] == "The Monsoons"
