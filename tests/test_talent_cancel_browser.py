"""A lead its talent cancelled, on the workspace's lead page in a real browser (headless
Chromium): said first, above everything staff act on, and no stage button moves it (a talents'
review s59, H1: staff must not contact a talent who cancelled, and must see why the lead went)."""

from __future__ import annotations

from pathlib import Path

from bot.leads import cancelling
from bot.leads.export import wib_text
from bot.texts import Text
from tests.browser import Chromium, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded, shown
from tests.test_pipeline import label, rows


async def test_a_lead_the_talent_cancelled_says_so_and_offers_no_stage(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    done = await cancelling.cancel(bot.store, CONTENT, 7001, 1)
    assert done.outcome == "cancelled"
    ((at,),) = rows(bot.database, "SELECT talent_withdrawn_at FROM lead_pipeline")
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/1")
        warning = page.locator(".lead-head .warning.withdrawn")
        await warning.wait_for()
        assert await warning.text_content() == shown(Text.RECORDS_WITHDRAWN, time=wib_text(at))
        stage = page.locator(".lead-head .stage-now strong")
        assert await stage.text_content() == shown(
            Text.RECORDS_STAGE_WITHDRAWN, stage=label("selesai")
        )
        buttons = page.locator(".stage-buttons button")
        assert await buttons.count() == len(CONTENT.stages)
        for index in range(await buttons.count()):
            assert await buttons.nth(index).is_disabled()
        # In the history, as its own entry (not "answers changed"), by the talent.
        entry = page.locator("li.change.talent_withdrawal")
        assert await entry.inner_text() == (
            f"{wib_text(at)} · {shown(Text.RECORDS_HISTORY_TALENT)}\n"
            f"{shown(Text.WS_HISTORY_TALENT_WITHDREW)}"
        )
        await seen.shot(screens, "lead-cancelled-by-talent")
