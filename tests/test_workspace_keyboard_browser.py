"""The workspace with the keyboard only, in a real browser (headless Chromium), as Bu Sari works
it (a staff review s62): a lead opens from its row with Enter (H1), arrow keys on a select only
show a choice and Enter makes it (M1), and the focus stays where she was after a redraw (M2),
with a ring that shows it in both schemes."""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import BrowserContext, Page

from bot.texts import Text
from tests.browser import DESKTOP, Chromium, Watched, opened, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded
from tests.test_pipeline import rows

# Every request the page makes, in the order it makes them (fetch is called as an event is
# handled): a select that acts on an arrow key would show here at once.
SPY = """() => {
  window.requests = [];
  const original = window.fetch;
  window.fetch = (address, ...rest) => {
    window.requests.push(String(address));
    return original(address, ...rest);
  };
}"""


def t(key: Text, **values: str) -> str:
    return CONTENT.text(key, "id", **values)


async def focused(page: Page) -> str:
    """The focused control as a screen reader names it (its label, else its words)."""
    name: str = await page.evaluate(
        """() => {
          const control = document.activeElement;
          if (!control || control === document.body) return "<body>";
          return control.getAttribute("aria-label") || control.textContent.trim();
        }"""
    )
    return name


async def requests(page: Page) -> list[str]:
    made: list[str] = await page.evaluate("window.requests")
    return made


async def desk(bot: Harness, context: BrowserContext, base: str) -> Watched:
    """Three leads (KOC-000001..3, all Baru), the list open on a desktop."""
    await seeded(bot.database, [Seed(7000 + n, MUSICIAN) for n in range(1, 4)])
    seen = await opened(context, base, bot, ADMIN_ID, DESKTOP)
    await seen.page.get_by_label(t(Text.WS_SELECT_ROW, reference="KOC-000003")).wait_for()
    return seen


async def test_a_lead_opens_from_its_row_with_enter_and_back_leads_to_the_same_row(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    """H1: the row's check box was the only stop in a row; Enter on it did nothing."""
    async with served(bot) as base, chromium.context() as context:
        seen = await desk(bot, context, base)
        page = seen.page
        await page.get_by_label(t(Text.WS_SELECT_ROW, reference="KOC-000002")).focus()
        await page.keyboard.press("Tab")
        assert await focused(page) == t(Text.WS_OPEN_LEAD, reference="KOC-000002")
        await seen.shot(screens, "keyboard-row-link-desktop-light")
        await page.keyboard.press("Enter")
        head = page.locator(".lead-head h1", has_text="KOC-000002")
        await head.wait_for()
        # The lead's heading has the focus (not <body>): the next Tab goes on down the page.
        assert (await focused(page)).startswith("KOC-000002")
        await seen.shot(screens, "keyboard-lead-opened-desktop-light")
        await page.keyboard.press("Shift+Tab")
        assert await focused(page) == t(Text.WS_BACK)
        await page.keyboard.press("Enter")
        await page.get_by_label(t(Text.WS_SELECT_ROW, reference="KOC-000002")).wait_for()
        assert await focused(page) == t(Text.WS_OPEN_LEAD, reference="KOC-000002")
    assert seen.alerts == [] and seen.errors == []


async def test_the_focus_stays_on_the_chip_and_the_check_box_pressed(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    """M2: after a chip or a check box the list was drawn again and the focus fell to <body>:
    the next Tab started from the search box at the top."""
    async with served(bot) as base, chromium.context() as context:
        seen = await desk(bot, context, base)
        page = seen.page
        await page.locator(".chips .chip", has_text="Baru ·").focus()
        await page.keyboard.press("Enter")
        await page.locator(".chips .chip[aria-pressed=true]", has_text="Baru ·").wait_for()
        assert (await focused(page)).startswith("Baru ·")
        for scheme in ("light", "dark"):
            await page.emulate_media(color_scheme=scheme)
            await seen.shot(screens, f"keyboard-chip-desktop-{scheme}")
        await page.emulate_media(color_scheme="light")
        await page.keyboard.press("Tab")
        assert (await focused(page)).startswith("Ditinjau ·")

        box = page.get_by_label(t(Text.WS_SELECT_ROW, reference="KOC-000001"))
        await box.focus()
        await page.keyboard.press("Space")
        await page.locator(".selection", has_text=t(Text.WS_SELECTED, count="1")).wait_for()
        assert await box.is_checked()
        assert await focused(page) == t(Text.WS_SELECT_ROW, reference="KOC-000001")
        await page.keyboard.press("Tab")
        assert await focused(page) == t(Text.WS_OPEN_LEAD, reference="KOC-000001")
        # A ring that shows it, in the text's colour, in both schemes.
        for mode in ("light", "dark"):
            await page.emulate_media(color_scheme=mode)
            ring = await page.evaluate(
                """() => {
                  const style = getComputedStyle(document.activeElement);
                  return [style.outlineStyle, style.outlineWidth, style.outlineColor,
                    getComputedStyle(document.body).color];
                }"""
            )
            assert ring[:2] == ["solid", "2px"] and ring[2] == ring[3]
            await seen.shot(screens, f"keyboard-selected-desktop-{mode}")
    assert seen.alerts == [] and seen.errors == []


async def test_arrow_keys_on_a_card_show_a_stage_and_enter_moves_the_lead(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    """M1: one ArrowDown on a card's stage list moved the lead at once (a move, a digest line,
    and at Shortlist a dialog with "Kirim kabar" focused)."""
    async with served(bot) as base, chromium.context() as context:
        seen = await desk(bot, context, base)
        page = seen.page
        await page.get_by_role("button", name=t(Text.WS_TAB_BOARD)).click()
        name = t(Text.WS_BOARD_MOVE, reference="KOC-000001")
        picker = page.get_by_label(name)
        await picker.focus()
        await page.evaluate(SPY)
        await page.keyboard.press("ArrowDown")
        assert await picker.input_value() == "ditinjau"  # shown, nothing asked of the bot
        assert await requests(page) == []
        await page.keyboard.press("Escape")
        assert await picker.input_value() == "baru"
        for _ in range(2):
            await page.keyboard.press("ArrowDown")
        await page.keyboard.press("Tab")  # leaving it puts back the stage in force
        assert await picker.input_value() == "baru"
        assert await requests(page) == []
        await page.keyboard.press("Shift+Tab")
        await page.keyboard.press("ArrowDown")
        await page.keyboard.press("Enter")
        await page.locator("#toast", has_text="KOC-000001").wait_for()
        moved = page.locator(".column[data-stage=ditinjau]").get_by_label(name)
        await moved.wait_for()
        assert await focused(page) == name  # on the card, in its new column
        await seen.shot(screens, "keyboard-board-moved-desktop-light")
    stages = rows(
        bot.database,
        "SELECT a.reference, p.stage FROM lead_pipeline p JOIN applications a"
        " ON a.id = p.application_id ORDER BY a.reference",
    )
    assert stages == [("KOC-000001", "ditinjau"), ("KOC-000002", "baru"), ("KOC-000003", "baru")]
    assert seen.alerts == [] and seen.errors == []


async def test_arrow_keys_on_assign_to_hand_the_lead_over_only_on_enter(
    bot: Harness, chromium: Chromium
) -> None:
    """M1: one ArrowDown on "Serahkan ke" handed the lead to the next colleague at once."""
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID).replace("#", "#lead/KOC-000001&"))
        picker = page.get_by_label(t(Text.WS_ASSIGN_TO), exact=True)
        await picker.focus()
        await page.evaluate(SPY)
        await page.keyboard.press("ArrowDown")
        assert await picker.input_value() == str(ADMIN_ID)
        assert await requests(page) == []
        await page.keyboard.press("Enter")
        await page.locator(".assignee-now strong", has_text="Admin").wait_for()
        assert await focused(page) == t(Text.WS_ASSIGN_TO)  # still on the select
    assignee = rows(bot.database, "SELECT assignee_id FROM lead_pipeline")
    assert assignee == [(ADMIN_ID,)]
    assert seen.alerts == [] and seen.errors == []
