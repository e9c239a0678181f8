"""Clean records on the workspace's pages (headless Chromium): two sisters sharing a phone are
said not to be duplicates from a lead page, and the red mark goes from the page, the list and
the board, muted on the page with who said so; ↩️ Mark again brings it back (a staff review
s57, M3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.async_api import Page

from bot.store.audit import Actor
from bot.texts import Text
from tests.browser import Chromium, dismiss_toast, opened, served
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, Seed, seeded, shown


def t(key: Text, language: str = "id", **values: Any) -> str:
    return CONTENT.text(key, language, **values)


async def looks(page: Page, screens: Path | None, name: str) -> None:
    """The Duplikat section on a phone, light and dark (`--workspace-screens`)."""
    if screens is None:
        return
    await page.locator(".duplicates").scroll_into_view_if_needed()
    await page.emulate_media(color_scheme="dark")
    await page.screenshot(path=screens / f"{name}-phone-dark.png")
    await page.emulate_media(color_scheme="light")
    await page.screenshot(path=screens / f"{name}-phone-light.png")


async def test_not_a_duplicate_on_a_lead_page_clears_the_mark_on_page_list_and_board(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    await seeded(
        bot.database,
        [
            Seed(7001, {**MUSICIAN, "full_name": "Dewi Senja"}),
            Seed(7002, {**FILMMAKER, "full_name": "Putri Senja", "phone": MUSICIAN["phone"]}),
        ],
    )
    two_people = shown(Text.BTN_NOT_DUPLICATE, reference="KOC-000001")
    again = shown(Text.BTN_MARK_AGAIN, reference="KOC-000001")
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID)
        page = seen.page
        marks = page.locator(".notice.mark")
        await marks.nth(1).wait_for()  # on both rows of the list
        putri = page.locator(".card, tbody tr", has_text="Putri Senja").first
        await putri.locator("td.col-name, .open").first.click()
        await page.locator(".duplicates .notice.mark", has_text="KOC-000001").wait_for()
        await looks(page, screens, "not-duplicate-before")

        await page.get_by_role("button", name=two_people).click()
        dismissed = page.locator(".duplicates .dismissed", has_text="Bukan duplikat KOC-000001")
        await dismissed.wait_for()
        assert await page.locator(".duplicates .notice.mark").count() == 0
        close = shown(Text.BTN_CLOSE_DUPLICATE, reference="KOC-000001")
        assert await page.get_by_role("button", name=close).count() == 0
        # Who said so, muted (not the red of a mark); the reference opens Dewi's lead.
        assert "(ditandai " in await dismissed.inner_text()
        assert await dismissed.locator("a.lead-link", has_text="KOC-000001").count() == 1
        await dismiss_toast(page)
        await looks(page, screens, "not-duplicate-after")

        # The list and the board: no mark on either lead.
        await page.locator("#tabs button").first.click()
        await page.locator("text=Dewi Senja").first.wait_for()
        assert await marks.count() == 0
        await page.locator("#tabs button").nth(1).click()
        await page.locator(".board-card").nth(1).wait_for()
        assert await marks.count() == 0

        # ↩️ Mark again, from Dewi's page this time: the mark is back.
        await page.locator(".board-card", has_text="Dewi Senja").locator(".open").click()
        back = shown(Text.BTN_MARK_AGAIN, reference="KOC-000002")
        await page.get_by_role("button", name=back).click()
        await page.locator(".duplicates .notice.mark", has_text="KOC-000002").wait_for()
        assert await page.get_by_role("button", name=again).count() == 0
        assert seen.alerts == [] and seen.errors == []


async def test_a_board_card_says_who_handles_the_lead(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    """A staff review s57, L7: Budi, handled by a colleague, looked on the board like the
    leads nobody handles; the list's column said it."""
    await seeded(
        bot.database,
        [
            Seed(7001, {**MUSICIAN, "full_name": "Dewi Senja"}),
            Seed(7002, {**FILMMAKER, "full_name": "Budi Santoso"}),
        ],
    )
    assert await bot.store.pipeline.assign(2, Actor.cli(), ADMIN_ID) is not None
    handled = shown(Text.WS_BOARD_ASSIGNEE, name="Admin")
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID)
        page = seen.page
        await page.locator("#tabs button").nth(1).click()
        budi = page.locator(".board-card", has_text="Budi Santoso")
        await budi.locator(".assignee", has_text=handled).wait_for()
        dewi = page.locator(".board-card", has_text="Dewi Senja")
        assert await dewi.locator(".assignee").count() == 0  # nobody handles Dewi's yet
        await budi.scroll_into_view_if_needed()
        for scheme in ("light", "dark"):
            await page.emulate_media(color_scheme=scheme)
            await seen.shot(screens, f"board-assignee-phone-{scheme}")
        assert seen.alerts == [] and seen.errors == []
