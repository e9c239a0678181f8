"""A flood neither fills the disk nor holds up the others: dropped messages leave a short trace."""

from __future__ import annotations

from typing import Any

from bot.content import Content
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness

LIMIT = 5
LONG = 4000  # characters per flooding message


async def test_dropped_messages_keep_only_a_short_record_and_are_never_processed(
    make_bot: Any, content: Content
) -> None:
    bot: Harness = await make_bot(flood_limit=LIMIT, flood_window_seconds=60)
    spammer, other = bot.user(first_name="Spam"), bot.user(first_name="Other")
    updates = [spammer.send(f"{n:04d} " + "x" * (LONG - 5)) for n in range(200)]
    other_update = other.send("/start")
    await bot.settle(updates[-1])
    await bot.settle(other_update)
    assert other.last_message.text.startswith("Halo, Other!")
    notice = content.text(Text.FLOOD_NOTICE, "id")
    said = [message.text for message in spammer.messages]
    assert said.count(notice) == 1 and len(said) == LIMIT + 1  # five answers, one notice

    log = await bot.store.log.for_chat(spammer.id)
    incoming = [entry for entry in log if entry.direction == "in"]
    assert len(incoming) == 200  # every message leaves a trace
    kept = [entry for entry in incoming if entry.kind != "dropped"]
    dropped = [entry for entry in incoming if entry.kind == "dropped"]
    assert [entry.text[:4] for entry in kept if entry.text] == [
        "0000",
        "0001",
        "0002",
        "0003",
        "0004",
    ]
    assert len(dropped) == 200 - LIMIT
    for entry in dropped:
        assert entry.text == f"[message dropped by flood control: {LONG} characters]"
        assert entry.message_id is not None and entry.update_id is not None
    stored = await bot.store.db.fetch_value(
        "SELECT SUM(LENGTH(text)) FROM conversation_log WHERE chat_id = ?", (spammer.id,)
    )
    assert stored < LIMIT * LONG + 200 * 60

    # The inbox keeps no content once an update is processed, and the dropped ones were
    # stored as processed on arrival: never queued, parsed or handled.
    rows = await bot.store.db.fetch_all(
        "SELECT payload, status, received_at, finished_at FROM update_inbox WHERE sequence_key = ?",
        (f"user:{spammer.id}",),
    )
    assert len(rows) == 200
    assert {(row["payload"], row["status"]) for row in rows} == {("{}", "done")}
    on_arrival = [row for row in rows if row["finished_at"] == row["received_at"]]
    assert len(on_arrival) == 200 - LIMIT - 1


async def test_admins_are_never_flood_controlled(make_bot: Any) -> None:
    bot: Harness = await make_bot(flood_limit=2, admin_ids=frozenset({ADMIN_ID}))
    admin = bot.user(user_id=ADMIN_ID, first_name="Admin")
    updates = [admin.send("/start") for _ in range(6)]
    await bot.settle(updates[-1])
    assert len([m for m in admin.messages if m.text.startswith("Halo")]) == 6


async def test_log_text_beyond_a_talents_daily_budget_keeps_only_its_length(
    make_bot: Any,
) -> None:
    """Within the flood limit, long messages fill the log: past LOG_TEXT_PER_DAY characters
    a talent's day keeps only what each message was and how long (in and out alike)."""
    bot: Harness = await make_bot(log_text_per_day=10_000)
    talker, other = bot.user(first_name="Talker"), bot.user(first_name="Other")
    for n in range(5):
        await bot.send(talker, f"{n:04d} " + "ä" * (LONG - 5))  # 4,000 characters each
    await bot.send(other, "Halo, " + "o" * 3000)
    log = await bot.store.log.for_chat(talker.id)
    said = [entry.text or "" for entry in log if entry.direction == "in"]
    assert [text[:4] for text in said[:2]] == ["0000", "0001"]  # 8,000 of the 10,000
    assert said[2:] == ["[text over the daily log limit: 4000 characters]"] * 3
    replies = [entry.text or "" for entry in log if entry.direction == "out"]
    assert len(replies) == 5  # the bot's answers are logged too, and count
    texts = [entry.text or "" for entry in log]
    assert sum(len(text) for text in texts if "daily log limit" not in text) <= 10_000
    # The budget is each talent's own.
    assert (await bot.store.log.for_chat(other.id))[0].text == "Halo, " + "o" * 3000
