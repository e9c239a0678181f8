"""The Announcements tab in a real browser (headless Chromium): the list of announcements
running, scheduled and ended, and a stop asked once; an announcement's markup stays text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.texts import Text
from tests.browser import PHONE, chromium, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.subscribers import add_subscribers, queue_text
from tests.test_workspace_broadcasts import audit, said
from tests.test_workspace_browser import t

IN_TWO_DAYS = (datetime.now(UTC) + timedelta(days=2)).isoformat(timespec="microseconds")
MARKUP = "Info <img src=x onerror=alert(1)> &lt;script&gt;alert(2)&lt;/script&gt;"


async def test_staff_see_a_scheduled_announcement_and_stop_it_once_sure(
    bot: Harness, tmp_path: Path, screens: Path
) -> None:
    await add_subscribers(bot.store, bot.emulator, 2)
    broadcast_id, _ = await queue_text(bot.store, MARKUP, send_at=IN_TWO_DAYS)
    async with served(bot) as base, chromium(tmp_path / "profile") as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.get_by_role("button", name=t(Text.WS_TAB_BROADCASTS)).click()
        item = page.locator(f".broadcasts.active li[data-id='{broadcast_id}']")
        await item.wait_for()
        # What recipients read, as text: an escaped tag shows as typed, a tag never runs.
        assert await item.locator(".excerpt").inner_text() == "Info <script>alert(2)</script>"
        assert await page.locator("main img, main script").count() == 0
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await seen.shot(screens, "broadcasts-list-phone-light")
        # Asked once: No keeps it.
        await item.get_by_role("button", name=t(Text.WS_BROADCAST_STOP)).click()
        dialog = page.locator("dialog")
        await dialog.get_by_role("button", name=said(Text.BTN_BROADCAST_KEEP)).click()
        assert await bot.store.broadcasts.status(broadcast_id) == "queued"
        await item.get_by_role("button", name=t(Text.WS_BROADCAST_STOP)).click()
        await dialog.get_by_role("button", name=said(Text.BTN_BROADCAST_STOP_YES)).click()
        await page.locator(
            "#toast", has_text=said(Text.BROADCAST_STOPPED, id=broadcast_id)
        ).wait_for()
        ended = page.locator(f".broadcasts.ended li[data-id='{broadcast_id}']")
        await ended.wait_for()
        assert await page.locator(".broadcasts.active").count() == 0
        assert await ended.get_by_role("button").count() == 0  # nothing left to stop
    assert await bot.store.broadcasts.status(broadcast_id) == "cancelled"
    assert [actor for actor, _ in await audit(bot, "broadcast_cancelled")] == [ADMIN_ID]
    assert seen.alerts == [] and seen.errors == []
