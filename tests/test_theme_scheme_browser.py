"""The browser's own controls (checkboxes, the date picker's icon, selects, scrollbars) follow
Telegram's theme, not the phone's, in a real browser (headless Chromium). A staff review s61,
L1: Telegram's night mode on a phone whose system theme is light showed every lead's selection
checkbox as a bright white square on the dark cards, and the calendar icon dark on dark."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from tests.browser import Chromium, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded
from tests.test_lead_marks_browser import ANDROID_DARK, PHONE
from tests.test_workspace_browser import TELEGRAM_SCRIPT

# Telegram Android's day theme, as it passes it.
ANDROID_DAY = {
    "bg_color": "#ffffff",
    "secondary_bg_color": "#f0f0f0",
    "text_color": "#222222",
    "hint_color": "#a8a8a8",
    "link_color": "#2678b6",
    "button_color": "#50a8eb",
    "button_text_color": "#ffffff",
}
PALETTES = {"dark": ANDROID_DARK, "light": ANDROID_DAY}


def inside_telegram(scheme: str) -> str:
    """Telegram's script (reduced, tests/test_workspace_browser.py) in this scheme."""
    theme = json.dumps(PALETTES[scheme])
    return TELEGRAM_SCRIPT.replace(
        'themeParams: {}, colorScheme: "light"', f'themeParams: {theme}, colorScheme: "{scheme}"'
    )


@pytest.mark.parametrize(
    ("system", "telegram", "how"),
    [
        ("light", "dark", "script"),  # the review's phone
        ("light", "dark", "fragment"),  # Telegram's script not loaded: its theme in the URL
        ("dark", "light", "script"),
        ("dark", "light", "fragment"),
    ],
)
async def test_the_browsers_controls_take_telegrams_scheme_not_the_phones(
    bot: Harness, chromium: Chromium, system: str, telegram: str, how: str
) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await page.emulate_media(color_scheme=system)  # type: ignore[arg-type]
        url = page_url(base, bot, ADMIN_ID)
        if how == "script":
            await page.add_init_script(inside_telegram(telegram))
        else:
            url += "&tgWebAppThemeParams=" + quote(json.dumps(PALETTES[telegram]), safe="")
        await page.goto(url)
        checkbox = page.locator("td.pick input[type=checkbox]").first
        await checkbox.wait_for()
        schemes = [
            await page.evaluate("getComputedStyle(document.documentElement).colorScheme"),
            await checkbox.evaluate("(box) => getComputedStyle(box).colorScheme"),
        ]
        # The filter panel's date fields (their calendar icon) too.
        await page.locator("details.more > summary").click()
        date = page.locator("input[type=date]").first
        await date.wait_for()
        schemes.append(await date.evaluate("(field) => getComputedStyle(field).colorScheme"))
    assert schemes == [telegram] * 3
    assert seen.alerts == [] and seen.errors == []


async def test_without_a_telegram_theme_the_controls_follow_the_phone(
    bot: Harness, chromium: Chromium
) -> None:
    """Opened with no theme from Telegram (its script not loaded, no theme in the URL): the
    page keeps following the system's light or dark."""
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID))
        checkbox = page.locator("td.pick input[type=checkbox]").first
        await checkbox.wait_for()
        scheme = await checkbox.evaluate("(box) => getComputedStyle(box).colorScheme")
    assert scheme == "light dark"
    assert seen.alerts == [] and seen.errors == []
