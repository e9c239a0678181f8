"""The workspace's Announcements tab through its API: what /broadcast lists and stops, at a
desk, through the same core as the chat (the stop recorded with the workspace as its place)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.leads.export import plain_text, wib_words
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT
from tests.subscribers import add_subscribers, queue_text, wait_delivered
from tests.workspace import init_data, workspace

STRANGER = 4242
IN_TWO_DAYS = (datetime.now(UTC) + timedelta(days=2)).isoformat(timespec="microseconds")


def said(key: Text, language: str = "id", **values: Any) -> str:
    """A bot text as the page shows it (plain text)."""
    return plain_text(CONTENT.text(key, language, **values))


async def audit(bot: Harness, action: str) -> list[tuple[int, dict[str, Any]]]:
    """(actor, detail) of the audit entries of one action, oldest first."""
    rows = await bot.store.db.fetch_all(
        "SELECT actor_id, detail FROM audit_log WHERE action = ? ORDER BY id", (action,)
    )
    return [(row["actor_id"], json.loads(row["detail"])) for row in rows]


async def test_only_staff_see_or_stop_announcements(bot: Harness) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    broadcast_id, _ = await queue_text(bot.store, "Info", send_at=IN_TWO_DAYS)
    async with workspace(bot, ADMIN_ID) as client:
        stranger = client.as_user(init_data(bot.settings.token(), STRANGER))
        nobody = client.as_user("")
        for action, body in (("broadcasts", {}), ("broadcast-stop", {"id": broadcast_id})):
            assert await stranger.call(action, body) == (403, {"error": "forbidden"})
            assert await nobody.call(action, body) == (401, {"error": "unauthorized"})
        status, answer = await client.call("broadcast-stop", {"id": "1; DROP"})
        assert (status, answer["error"]) == (400, "bad_request")
    assert await bot.store.broadcasts.status(broadcast_id) == "queued"
    assert await audit(bot, "broadcast_cancelled") == []


async def test_the_list_says_what_runs_is_scheduled_and_ended_as_the_chat_does(
    bot: Harness,
) -> None:
    await add_subscribers(bot.store, bot.emulator, 2)
    await add_subscribers(bot.store, bot.emulator, 1, language="en")
    done_id, _ = await queue_text(bot.store, "<b>Sudah</b> lewat &amp; selesai")
    await wait_delivered(bot.store, done_id)
    later_id, _ = await queue_text(
        bot.store, "Open call <b>MU:CON</b>", english="Open call", send_at=IN_TWO_DAYS,
        audience=("language", "en"),
    )  # fmt: skip
    async with workspace(bot, ADMIN_ID) as client:
        listed = await client.ok("broadcasts")
        english = client.as_user(init_data(bot.settings.token(), ADMIN_ID, language="en"))
        in_english = await english.ok("broadcasts")
    [later] = listed["active"]
    when = wib_words(CONTENT, IN_TWO_DAYS, "id")
    assert later["id"] == later_id and later["scheduled"] is True
    assert later["line"] == said(Text.BROADCAST_ITEM_SCHEDULED, id=later_id, when=when, total=1)
    assert later["audience"] == said(Text.WS_BROADCAST_AUDIENCE, audience="🇬🇧 English")
    assert later["excerpt"] == "Open call MU:CON"  # as text: the tags dropped
    item = said(Text.BROADCAST_ITEM_SCHEDULED, id=later_id, when=when, total=1)
    assert later["confirm"] == said(Text.BROADCAST_STOP_CONFIRM, item=item)
    [done] = listed["ended"]
    assert done["id"] == done_id and done["status"] == "done"
    assert done["line"] == said(
        Text.BROADCAST_REPORT, id=done_id, total=3, sent=3, failed=0, blocked=0, skipped=0
    )
    assert done["excerpt"] == "Sudah lewat & selesai"
    assert "confirm" not in done
    [later_en] = in_english["active"]
    assert later_en["audience"] == said(Text.WS_BROADCAST_AUDIENCE, "en", audience="🇬🇧 English")
    finished = f"✅ Announcement #{done_id} finished\nSent: 3 of 3"
    assert in_english["ended"][0]["line"].startswith(finished)


async def test_a_stop_goes_through_the_chats_cancel_and_is_recorded_from_the_workspace(
    bot: Harness,
) -> None:
    await add_subscribers(bot.store, bot.emulator, 2)
    broadcast_id, _ = await queue_text(bot.store, "Info", send_at=IN_TWO_DAYS)
    async with workspace(bot, ADMIN_ID) as client:
        stopped = await client.ok("broadcast-stop", {"id": broadcast_id})
        again = await client.ok("broadcast-stop", {"id": broadcast_id})  # a second click
        never = await client.ok("broadcast-stop", {"id": 999})
        listed = await client.ok("broadcasts")
    assert stopped == {"outcome": "stopped", "text": said(Text.BROADCAST_STOPPED, id=broadcast_id)}
    ended = said(Text.BROADCAST_ALREADY_ENDED, id=broadcast_id)
    assert again == {"outcome": "ended", "text": ended}
    assert never["outcome"] == "ended"
    assert await bot.store.broadcasts.status(broadcast_id) == "cancelled"
    assert await audit(bot, "broadcast_cancelled") == [
        (ADMIN_ID, {"broadcast": broadcast_id, "from": "workspace"})
    ]
    assert listed["active"] == []
    [shown] = listed["ended"]
    assert shown["line"] == said(
        Text.BROADCAST_REPORT_CANCELLED,
        id=broadcast_id,
        total=2,
        sent=0,
        remaining=2,
        blocked=0,
        failed=0,
        skipped=0,
    )
    assert bot.emulator.calls_to("sendMessage") == [] or all(
        call.params["chat_id"] == ADMIN_ID for call in bot.emulator.calls_to("sendMessage")
    )  # nothing went to a talent
