"""A "today" filter for the day's new leads (session 50; a staff review: the Baru chip lost
the leads moved on the same day): `/leads hari ini` (or `today`) in the chat, and the
workspace's 📅 chip, list the leads submitted since midnight WIB, at any stage."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.leads.lead_filters import parse_filter, start_of_today
from bot.store.audit import Actor
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT
from tests.test_desk_moves import a_draft_then_two_leads
from tests.test_pipeline import admin_of, label, rows, t
from tests.test_staff import set_submitted
from tests.workspace import workspace


def test_today_is_one_filter_word_in_either_language() -> None:
    for words in (["hari", "ini"], ["Hari", "Ini"], ["hariini"], ["today"]):
        assert parse_filter(words, CONTENT).today, words
    chosen = parse_filter(["shortlist", "hari", "ini", "musik"], CONTENT)
    assert (chosen.stage, chosen.sector, chosen.today) == ("shortlist", "music", True)
    assert parse_filter(chosen.code().split(","), CONTENT) == chosen  # in a button's data
    # Midnight WIB (UTC+7) in UTC: 17:00 the day before.
    assert start_of_today(datetime(2026, 3, 1, 16, 59, tzinfo=UTC)).startswith("2026-02-28T17")
    assert start_of_today(datetime(2026, 3, 1, 17, 0, tzinfo=UTC)).startswith("2026-03-01T17")


async def test_today_lists_the_days_new_leads_at_any_stage(bot: Harness, staff_chat: Any) -> None:
    await a_draft_then_two_leads(bot)  # Sari KOC-000001, Budi KOC-000002: both today
    yesterday = datetime.fromisoformat(start_of_today()) - timedelta(minutes=1)
    moment = yesterday.isoformat(timespec="microseconds")
    await set_submitted(bot.database, "KOC-000001", moment)
    # The workspace's own table of leads too (a submission time never changes but here).
    await asyncio.to_thread(
        rows, bot.database, "UPDATE lead_search SET submitted_at = ? WHERE application_id = 2",
        (moment,),
    )  # fmt: skip
    # Budi's lead moved on already: not in Baru any more, still one of today's.
    await bot.store.pipeline.move(3, None, "ditinjau", Actor.cli(), None, None)
    admin = admin_of(staff_chat)
    (listed,) = await bot.send(admin, "/leads hari ini")
    assert listed.button_texts[0] == "📄 KOC-000002" and "📄 KOC-000001" not in listed.button_texts
    assert "KOC-000001 · " not in listed.text  # named only as the one Budi's may duplicate
    assert t(Text.FILTER_TODAY) in listed.text.splitlines()[0]  # the title says so
    assert t(Text.BTN_BULK_MOVE, count=1) in listed.button_texts
    (baru,) = await bot.send(admin, "/leads baru today")
    assert t(Text.LEADS_FILTERED_EMPTY, filter=f"{label('baru')} · masuk hari ini") in baru.text
    (usage,) = await bot.send(admin, "/leads harini")
    assert "hariini" in usage.text and "hari ini (atau today)" in usage.text

    async with workspace(bot, ADMIN_ID) as client:
        listing = await client.ok("leads", {"filter": {"today": "yes"}})
        assert [row["reference"] for row in listing["rows"]] == ["KOC-000002"]
        assert listing["total"] == 1
        ready = await client.ok("export", {"format": "csv", "filter": {"today": "yes"}})
        assert ready["count"] == 1
        status, _ = await client.call("leads", {"filter": {"today": "no"}})
        assert status == 400
