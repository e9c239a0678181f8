"""The workspace (headless Chromium) of a staff member the bot cannot write to privately
(they opened it from a link and never started the bot's chat): a notice above the
tabs says their reports cannot reach them and what to do, and a stage update sent from a lead
page says its report cannot come, instead of "I'll report in our Telegram chat" (s65)."""

from __future__ import annotations

from pathlib import Path

from bot.texts import Text
from tests.browser import PHONE, Chromium, dismiss_toast, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, apply, shown
from tests.test_pipeline import label, wait_sent


async def test_the_page_says_reports_cannot_reach_a_staff_member_without_a_private_chat(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    notice = shown(Text.WS_UNREACHABLE, bot=f"@{bot.runner.application.bot.username}")
    admin = bot.emulator.user(ADMIN_ID)  # in the staff group only
    async with served(bot, started=False) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/1")
        banner = page.get_by_text(notice, exact=True)
        await banner.wait_for()
        # Above the sticky tabs, not in them: it scrolls away with the page on a phone.
        assert await banner.evaluate("(b) => b.nextElementSibling.matches('header.top')")
        await seen.shot(screens, "unreachable-notice-phone-light")
        await page.locator(".stage-buttons button", has_text=label("shortlist")).click()
        await page.get_by_role("button", name=shown(Text.BTN_SEND_UPDATE), exact=True).click()
        unreported = shown(
            Text.WS_SAVED_UNREPORTED, reference="KOC-000001", stage=label("shortlist")
        )
        await page.get_by_text(unreported, exact=True).wait_for()
        await wait_sent(bot, 1)
        assert admin.messages == []  # no report came, as the page said
        await dismiss_toast(page)

        # Started the bot's chat, and the page loaded again: no notice, a report promised.
        await bot.send(admin, "/start")
        await page.reload()
        await page.locator(".stage-buttons button", has_text=label("selesai")).click()
        await page.get_by_role("button", name=shown(Text.BTN_SEND_UPDATE), exact=True).click()
        promised = shown(Text.WS_SAVED_NOTIFYING, reference="KOC-000001", stage=label("selesai"))
        await page.get_by_text(promised, exact=True).wait_for()
        assert await page.get_by_text(notice, exact=True).count() == 0
        assert seen.alerts == [] and seen.errors == []
