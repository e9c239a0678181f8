"""The workspace's search box in a real browser (headless Chromium): a program's name typed
with its colon ("MU:CON") finds the leads that chose it and says how it was read; a search that
finds nobody says what the search looks in, as /lead does, and opens the Filter panel on a tap
(a staff review s57, M5: "Tidak ada pendaftar yang cocok." and nothing more)."""

from __future__ import annotations

from pathlib import Path

from bot.texts import Text
from tests.browser import Chromium, opened, served
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import shown
from tests.test_lead_search import a_desk_of_four, read_as


async def test_search_reads_a_programs_name_and_an_empty_search_points_to_filter(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    await a_desk_of_four(bot)
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID)
        page = seen.page
        rows = page.locator("table.leads tbody tr")
        await rows.nth(3).wait_for()
        search = page.get_by_role("searchbox")

        await search.fill("MU:CON")
        said = page.locator(".search-places p", has_text=read_as("MU:CON", "program MU:CON"))
        await said.wait_for()
        await page.locator("table.leads tbody tr").nth(2).wait_for()
        assert await rows.count() == 3
        assert "Budi Santoso" not in await page.locator("table.leads").inner_text()
        # The search in force is said with the filters, and goes with a tap (a staff re-check
        # s57, N2: nothing but the box said a search still narrowed the list).
        chosen = page.locator(".chosen-filters")
        searched = f"{shown(Text.WS_FILTER_SEARCH)}: MU:CON"
        words = " ".join((await chosen.inner_text()).split())
        assert words == f"{shown(Text.WS_FILTERS_ON)} {searched} ✕"

        await search.fill("keroncong dewi")
        nobody = page.locator(".search-none")
        await nobody.wait_for()
        text = await nobody.inner_text()
        assert shown(Text.LEAD_SEARCH_NONE, words="keroncong dewi") in text
        assert shown(Text.WS_SEARCH_FILTERS_HINT) in text
        searched = f"{shown(Text.WS_FILTER_SEARCH)}: keroncong dewi"
        await chosen.get_by_role("button", name=searched).wait_for()
        panel = page.locator(".filters details.more")
        assert not await panel.evaluate("(details) => details.open")
        for scheme in ("light", "dark"):
            await page.emulate_media(color_scheme=scheme)
            if screens:
                await page.screenshot(path=screens / f"search-none-phone-{scheme}.png")
        await page.emulate_media(color_scheme="light")
        await nobody.get_by_role("button", name=shown(Text.WS_SEARCH_OPEN_FILTERS)).click()
        await page.locator(".filters details.more[open]").wait_for()
        # The words that found nobody are cleared: a field chosen now finds its leads.
        await rows.nth(3).wait_for()
        assert await search.input_value() == ""
        assert await chosen.count() == 0
        sector = page.get_by_role("combobox", name=shown(Text.WS_FILTER_SECTOR))
        await sector.select_option(value="music")
        await page.locator(".chosen-filters").wait_for()
        await rows.nth(3).wait_for(state="detached")
        assert await rows.count() == 3
        assert "Budi Santoso" not in await page.locator("table.leads").inner_text()
        for shade in ("light", "dark"):
            await page.emulate_media(color_scheme=shade)
            if screens:
                await page.screenshot(path=screens / f"search-cleared-filter-phone-{shade}.png")
        await page.emulate_media(color_scheme="light")

        # A search's ✕ takes it away, the field chosen stays.
        await search.fill("Maya")
        await rows.nth(1).wait_for(state="detached")
        await chosen.get_by_role("button", name=f"{shown(Text.WS_FILTER_SEARCH)}: Maya").click()
        await rows.nth(2).wait_for()
        assert await search.input_value() == ""
        assert await rows.count() == 3
        assert seen.alerts == [] and seen.errors == []
