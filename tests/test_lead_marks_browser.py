"""The top of a lead page, and the list around it, in a real browser (headless Chromium), in
Telegram's light and dark themes, on a phone and a desktop (a review s61):

- "⚠ Sebelumnya memilih usia di bawah 18 …" showed small and grey, as a note, while the
  duplicate mark below it was red: now it reads as a warning in the mark's red, and every such
  red reads at 4.5:1 or better on a dark theme too (Telegram Desktop's night theme: 3.4:1);
- a lead begun from the kept answers of a registration its talent cancelled names that lead,
  as the staff alert's ♻️ line does, in the staff member's language;
- at 390 px with the Filter panel open, the pager's words broke mid-phrase, the selection bar
  left a gap under the tabs where the list showed through, and between 561 and 700 px
  "Pengumuman" broke into two lines.
"""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from playwright.async_api import Page

from bot.emulator import EmulatedUser
from bot.texts import Text
from tests.browser import DESKTOP, Chromium, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, Seed, apply, realistic, seeded

PHONE = {"width": 390, "height": 844}
# Theme parameters as Telegram passes them: its Android app's and Telegram Desktop's night themes.
ANDROID_DARK = {
    "bg_color": "#212d3b",
    "section_bg_color": "#1d2733",
    "secondary_bg_color": "#151e27",
    "text_color": "#ffffff",
    "hint_color": "#7d8b99",
    "link_color": "#5eabe1",
    "button_color": "#50a8eb",
    "button_text_color": "#ffffff",
    "accent_text_color": "#64b5ef",
    "destructive_text_color": "#ee686f",
    "section_separator_color": "#0d1218",
}
DESKTOP_NIGHT = {
    "bg_color": "#17212b",
    "section_bg_color": "#17212b",
    "secondary_bg_color": "#232e3c",
    "text_color": "#f5f5f5",
    "hint_color": "#708499",
    "link_color": "#6ab3f3",
    "button_color": "#5288c1",
    "button_text_color": "#ffffff",
    "accent_text_color": "#6ab2f2",
    "destructive_text_color": "#ec3942",
}
THEMES: dict[str, dict[str, str] | None] = {
    "light": None,
    "android-dark": ANDROID_DARK,
    "desktop-night": DESKTOP_NIGHT,
}
SAID_AT = "2026-11-02T03:00:00.000000+00:00"


def t(key: Text, language: str = "id", **values: Any) -> str:
    return CONTENT.text(key, language, **values)


async def themed(page: Page, url: str, theme: dict[str, str] | None) -> None:
    """Open the workspace at `url` in a theme as Telegram gives it (None: its light default)."""
    await page.emulate_media(color_scheme="light" if theme is None else "dark")
    if theme is not None:
        url += "&tgWebAppThemeParams=" + quote(json.dumps(theme), safe="")
    await page.goto("about:blank")  # a new fragment alone is not a new start
    await page.goto(url)


# What a reader sees of an element's words: their colour (as rgb, whatever way the style gave
# it), size, and contrast with the first opaque background behind them.
LOOKS = """(element) => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const paint = canvas.getContext("2d", { willReadFrequently: true });
  const rgba = (colour) => {
    paint.clearRect(0, 0, 1, 1);
    paint.fillStyle = colour;
    paint.fillRect(0, 0, 1, 1);
    return [...paint.getImageData(0, 0, 1, 1).data];
  };
  const light = ([r, g, b]) => [r, g, b].map((c) => c / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  let back = null;
  for (let node = element; node && !back; node = node.parentElement) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour[3] === 255) back = colour;
  }
  const words = rgba(getComputedStyle(element).color);
  const [high, low] = [light(words), light(back)].sort((a, b) => b - a);
  const box = element.getBoundingClientRect();
  return { colour: words.join(","), size: parseFloat(getComputedStyle(element).fontSize),
    contrast: (high + 0.05) / (low + 0.05), left: box.left, right: box.right };
}"""


async def test_said_under_18_reads_as_a_warning_like_the_duplicate_mark(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    # Two leads with one phone (a possible duplicate); the later one's account said under 18.
    await seeded(
        bot.database,
        [
            Seed(7301, {**MUSICIAN, "full_name": "Dewi Senja"}),
            Seed(7302, {**FILMMAKER, "full_name": "Putri Senja", "phone": MUSICIAN["phone"]}),
        ],
    )
    with sqlite3.connect(bot.database) as db:
        db.execute("UPDATE applications SET said_under_18_at = ? WHERE id = 2", (SAID_AT,))
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        for size_name, size in (("390", PHONE), ("desktop", DESKTOP)):
            await page.set_viewport_size(size)  # type: ignore[arg-type]
            for name, theme in THEMES.items():
                await themed(page, page_url(base, bot, ADMIN_ID) + "&lead/2", theme)
                said = page.locator(".lead-head .notice.said-under-18")
                mark = page.locator(".duplicates .notice.mark")
                await mark.wait_for()
                looks = await said.evaluate(LOOKS)
                marked = await mark.evaluate(LOOKS)
                where = f"{size_name} {name}"
                # In the duplicate mark's red, no smaller, readable on its background.
                assert looks["colour"] == marked["colour"], (where, looks, marked)
                assert looks["size"] >= marked["size"], (where, looks, marked)
                assert looks["contrast"] >= 4.5, (where, looks)
                assert marked["contrast"] >= 4.5, (where, marked)
                assert looks["left"] >= 0 and looks["right"] <= size["width"], (where, looks)
                await seen.shot(screens, f"lead-said-under-18-{size_name}-{name}")
        assert not seen.errors and not seen.alerts


async def _cancel(bot: Harness, talent: EmulatedUser) -> None:
    await bot.send(talent, "/status")
    await bot.press(talent, t(Text.BTN_CANCEL_REGISTRATION))
    await bot.press(talent, t(Text.BTN_CANCEL_YES))


async def test_a_lead_begun_from_a_cancelled_ones_answers_names_it(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    await _cancel(bot, sari)
    await bot.send(sari, "/daftar")
    await bot.press(sari, t(Text.BTN_REUSE_ANSWERS))
    await bot.press(sari, t(Text.BTN_SUBMIT))
    dimas = bot.user(first_name="Dimas")
    assert await apply(bot, dimas, FILMMAKER) == "KOC-000003"  # begun afresh
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await themed(page, page_url(base, bot, ADMIN_ID) + "&lead/KOC-000002", None)
        reused = page.locator(".lead-head .notice.reused")
        await reused.wait_for()
        assert await reused.inner_text() == t(Text.WS_LEAD_REUSED, reference="KOC-000001")
        await seen.shot(screens, "lead-reused-390-light")
        await themed(page, page_url(base, bot, ADMIN_ID) + "&lead/KOC-000002", ANDROID_DARK)
        await reused.wait_for()
        await seen.shot(screens, "lead-reused-390-android-dark")
        # Its reference opens the cancelled lead, which says nothing of the kind.
        await reused.get_by_role("link").first.click()
        await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
        await page.locator(".lead-head .withdrawn").wait_for()
        assert await reused.count() == 0
        # Nor does a lead begun afresh.
        await themed(page, page_url(base, bot, ADMIN_ID) + "&lead/KOC-000003", None)
        await page.locator(".lead-head .reference", has_text="KOC-000003").wait_for()
        assert await reused.count() == 0
        # A staff member whose Telegram is in English reads it in English.
        english = page_url(base, bot, ADMIN_ID, language="en") + "&lead/KOC-000002"
        await themed(page, english, None)
        await reused.wait_for()
        assert await reused.inner_text() == t(Text.WS_LEAD_REUSED, "en", reference="KOC-000001")
        assert not seen.errors and not seen.alerts


async def _lines(page: Page, selector: str) -> list[int]:
    """How many lines each element matching `selector` takes."""
    lines: list[int] = await page.locator(selector).evaluate_all(
        """(elements) => elements.map((element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          const tops = new Set([...range.getClientRects()].map((box) => Math.round(box.top)));
          return tops.size;
        })"""
    )
    return lines


async def test_the_list_and_board_on_a_phone_in_the_dark_with_the_filters_open(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    rng = random.Random(61)
    await seeded(bot.database, [Seed(7400 + n, realistic(rng)) for n in range(30)])
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await themed(page, page_url(base, bot, ADMIN_ID), DESKTOP_NIGHT)
        await page.locator("table.leads").wait_for()
        await page.locator(".filters details.more summary").click()
        await page.locator(".filters details.more[open] select").first.wait_for()
        await seen.shot(screens, "list-filters-open-390-dark")
        # The pager: its words on one line each, all within the screen.
        pager = page.locator(".pager")
        await pager.scroll_into_view_if_needed()
        assert await _lines(page, ".pager > *") == [1, 1, 1]
        boxes = await page.locator(".pager > *").evaluate_all(
            "(parts) => parts.map((part) => part.getBoundingClientRect())"
            ".map((box) => [box.left, box.right])"
        )
        assert all(left >= 0 and right <= PHONE["width"] for left, right in boxes), boxes
        await seen.shot(screens, "list-pager-390-dark")
        # Two leads picked, scrolled down: the selection bar stands right under the tabs.
        await page.locator("td.pick input").nth(0).check()
        await page.locator("td.pick input").nth(1).check()
        bar = page.locator(".selection")
        await bar.wait_for()
        await page.evaluate("window.scrollTo(0, 1500)")
        gap = await page.evaluate(
            """() => document.querySelector(".selection").getBoundingClientRect().top
              - document.querySelector(".top").getBoundingClientRect().bottom"""
        )
        assert abs(gap) < 1, gap
        await seen.shot(screens, "list-selection-390-dark")
        # The board, the panel still open: nothing wider than the screen.
        await page.get_by_role("button", name=t(Text.WS_TAB_BOARD)).click()
        await page.locator(".board-card").first.wait_for()
        assert await page.locator(".filters details.more[open]").count() == 1
        wide = await page.evaluate("document.documentElement.scrollWidth")
        assert wide <= PHONE["width"], wide
        await seen.shot(screens, "board-filters-open-390-dark")
        # Held sideways (600 px): each tab's name on one line.
        await page.set_viewport_size({"width": 600, "height": 390})
        assert await _lines(page, ".tab .tab-name") == [1] * 5
        await seen.shot(screens, "board-600-dark")
        assert not seen.errors and not seen.alerts
