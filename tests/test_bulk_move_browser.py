"""The workspace's bulk move in a real browser (headless Chromium): rows selected, a stage
chosen, the preview confirmed; the page confirms the stored preview, and the leads move."""

from __future__ import annotations

from pathlib import Path

from bot.texts import Text
from tests.browser import chromium, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded
from tests.test_pipeline import rows


def t(key: Text, **values: str) -> str:
    return CONTENT.text(key, "id", **values)


async def test_selected_rows_move_through_the_stored_preview(bot: Harness, tmp_path: Path) -> None:
    await seeded(bot.database, [Seed(7000 + n, MUSICIAN) for n in range(1, 4)])
    async with served(bot) as base, chromium(tmp_path / "profile") as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID))
        for reference in ("KOC-000001", "KOC-000003"):
            await page.get_by_label(t(Text.WS_SELECT_ROW, reference=reference)).check()
        await page.get_by_role("button", name=t(Text.WS_MOVE_SELECTED)).click()
        await page.locator("dialog .stage-buttons button", has_text="Shortlist").click()
        await page.get_by_role("button", name=t(Text.BTN_BULK_QUIET)).click()
        await page.locator("#toast[data-kind=info]", has_text="Pindah massal #1").wait_for()
    stages = rows(bot.database, "SELECT application_id, stage FROM lead_pipeline ORDER BY 1")
    assert stages == [(1, "shortlist"), (2, "baru"), (3, "shortlist")]
    assert seen.alerts == [] and seen.errors == []
