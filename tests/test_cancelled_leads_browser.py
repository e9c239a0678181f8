"""A lead its talent cancelled, in the workspace's list and board in a real browser (headless
Chromium): its stage says "🚫 dibatalkan oleh talenta" in the warning colour, its card offers
no stage, and its page no 📞 Log a contact (polish s59: the lead page said so, the list and
the board showed only "Tidak dilanjutkan", and staff skim those for someone to call)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.leads import cancelling
from bot.texts import Text
from tests.browser import DESKTOP, Chromium, in_colour, opened, served
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, Seed, seeded, shown
from tests.test_pipeline import label, t

MARKED = shown(Text.RECORDS_STAGE_WITHDRAWN, stage=label("selesai"))


async def danger(element: Any) -> bool:
    """Whether an element's words are in the page's warning colour (--warning-text: the
    theme's red, made readable on its background)."""
    return await in_colour(element, "--warning-text")


async def test_the_list_and_board_mark_a_cancelled_lead_and_its_page_offers_no_contact(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN), Seed(7002, FILMMAKER)])
    assert (await cancelling.cancel(bot.store, CONTENT, 7001, 1)).outcome == "cancelled"
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID, DESKTOP)
        page = seen.page
        # The list: her row's stage is marked, in red; the other row's is its stage alone.
        row = page.locator("tbody tr", has_text="KOC-000001")
        stage = row.locator("td.col-stage")
        await stage.wait_for()
        assert await stage.inner_text() == MARKED
        assert await danger(stage)
        other = page.locator("tbody tr", has_text="KOC-000002").locator("td.col-stage")
        assert await other.inner_text() == label("baru")
        assert not await danger(other)
        await seen.shot(screens, "leads-cancelled-by-talent-desktop")
        # The board: her card says so in red, and neither drags nor offers a stage.
        await page.get_by_role("button", name=t(Text.WS_TAB_BOARD)).click()
        card = page.locator(".board-card", has_text="KOC-000001")
        notice = card.locator(".notice.withdrawn")
        await notice.wait_for()
        assert await notice.inner_text() == MARKED
        assert await danger(notice)
        assert await card.get_attribute("draggable") == "false"
        assert await card.locator("select").is_disabled()
        free = page.locator(".board-card", has_text="KOC-000002")
        assert await free.locator(".notice.withdrawn").count() == 0
        assert await free.locator("select").is_enabled()
        await seen.shot(screens, "board-cancelled-by-talent-desktop")
        # Her lead's page: no 📞 Log a contact (the warning at its top says why); notes stay.
        await card.locator("button.open").click()
        await page.locator(".lead-head .warning.withdrawn").wait_for()
        assert await page.get_by_role("button", name=shown(Text.BTN_CONTACTED)).count() == 0
        await page.get_by_role("button", name=t(Text.WS_TAB_BOARD)).click()
        await free.locator("button.open").click()
        await page.locator(".lead-head .reference", has_text="KOC-000002").wait_for()
        await page.get_by_role("button", name=shown(Text.BTN_CONTACTED)).wait_for()


async def test_the_filter_panel_lists_only_the_cancelled_registrations_on_asking(
    bot: Harness, chromium: Chromium
) -> None:
    """s60: staff could see a cancelled registration marked, but not list them apart; the
    Filter panel's 🚫 box lists only those, says so above the list, and is one tap from off."""
    await seeded(bot.database, [Seed(7001, MUSICIAN), Seed(7002, FILMMAKER)])
    assert (await cancelling.cancel(bot.store, CONTENT, 7001, 1)).outcome == "cancelled"
    said = t(Text.WS_FILTER_CANCELLED)
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID, DESKTOP)
        page = seen.page
        rows = page.locator("tbody tr")
        await rows.filter(has_text="KOC-000002").wait_for()
        assert await rows.count() == 2
        await page.locator("details.more summary").click()
        await page.get_by_label(said, exact=True).check()
        await rows.filter(has_text="KOC-000002").wait_for(state="detached")
        assert await rows.count() == 1
        assert await rows.first.locator("td.col-stage").inner_text() == MARKED
        chosen = page.locator(".chosen-filters [data-filter=cancelled]")
        assert said in await chosen.inner_text()
        await chosen.click()  # one tap from off: both again
        await rows.filter(has_text="KOC-000002").wait_for()
        assert await rows.count() == 2
    assert seen.alerts == [] and seen.errors == []
