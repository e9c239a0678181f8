"""The workspace's bulk move in a real browser (headless Chromium): rows selected, a stage
chosen, the preview confirmed; the page confirms the stored preview, and the leads move."""

from __future__ import annotations

from pathlib import Path

from bot.leads import stage_changes
from bot.store.audit import Actor
from bot.texts import Text
from tests.browser import Chromium, opened, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded
from tests.test_pipeline import rows, visible


def t(key: Text, **values: str) -> str:
    return CONTENT.text(key, "id", **values)


async def test_selected_rows_move_through_the_stored_preview(
    bot: Harness, chromium: Chromium
) -> None:
    await seeded(bot.database, [Seed(7000 + n, MUSICIAN) for n in range(1, 4)])
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID))
        for reference in ("KOC-000001", "KOC-000003"):
            await page.get_by_label(t(Text.WS_SELECT_ROW, reference=reference), exact=True).check()
        await page.get_by_role("button", name=t(Text.WS_MOVE_SELECTED)).click()
        await page.locator("dialog .stage-buttons button", has_text="Shortlist").click()
        await page.get_by_role("button", name=t(Text.BTN_BULK_QUIET)).click()
        await page.locator("#toast[data-kind=info]", has_text="Pindah massal #1").wait_for()
    stages = rows(bot.database, "SELECT application_id, stage FROM lead_pipeline ORDER BY 1")
    assert stages == [(1, "shortlist"), (2, "baru"), (3, "shortlist")]
    assert seen.alerts == [] and seen.errors == []


async def test_a_selection_with_leads_at_an_outcome_can_leave_them_where_they_are(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    """Staff review s50 M4: the preview lists the leads' stages one a line, and ⏭ previews the
    others only, so those Tidak dilanjutkan stay where they are."""
    await seeded(bot.database, [Seed(7000 + n, MUSICIAN) for n in range(1, 4)])
    for lead in (2, 3):
        move = await stage_changes.change_stage(
            bot.store, CONTENT, lead, "selesai", actor=Actor.cli(), notify=False, forwarding=None
        )
        assert move.outcome == "saved"
    skip = t(Text.BTN_BULK_SKIP_OUTCOMES, count="2")
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size({"width": 400, "height": 860})
        await page.goto(page_url(base, bot, ADMIN_ID))
        for reference in ("KOC-000001", "KOC-000002", "KOC-000003"):
            await page.get_by_label(t(Text.WS_SELECT_ROW, reference=reference), exact=True).check()
        await page.get_by_role("button", name=t(Text.WS_MOVE_SELECTED)).click()
        await page.locator("dialog .stage-buttons button", has_text="Ditinjau").click()
        button = page.get_by_role("button", name=skip)
        await button.wait_for()
        intro = await page.locator("dialog .intro").inner_text()
        assert "• Tidak dilanjutkan: 2 (tahap akhir)" in intro.splitlines()
        assert "• Baru: 1" in intro.splitlines()
        await seen.shot(screens, "bulk-outcomes-preview-400-light")
        await button.click()
        await page.locator("dialog .intro", has_text="tanpa yang di tahap akhir").wait_for()
        assert await page.get_by_role("button", name=skip).count() == 0
        title = await page.locator("dialog h2").inner_text()
        assert title == t(Text.WS_BULK_TITLE, count="1")  # the one it moves, not the 3 ticked
        await seen.shot(screens, "bulk-outcomes-skipped-400-light")
        await page.get_by_role("button", name=t(Text.BTN_BULK_CONFIRM)).click()
        await page.locator("#toast[data-kind=info]", has_text="Pindah massal #").wait_for()
    stages = rows(bot.database, "SELECT application_id, stage FROM lead_pipeline ORDER BY 1")
    assert stages == [(1, "ditinjau"), (2, "selesai"), (3, "selesai")]
    assert seen.alerts == [] and seen.errors == []


async def test_the_preview_says_how_many_move_and_how_many_are_skipped(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    """Staff review s57, L2: three ticked, one already in Shortlist: the preview said only
    "Sudah di tahap itu, jadi dilewati: 1", and how many move (2) came in the toast after."""
    await seeded(bot.database, [Seed(7000 + n, MUSICIAN) for n in range(1, 4)])
    move = await stage_changes.change_stage(
        bot.store, CONTENT, 3, "shortlist", actor=Actor.cli(), notify=False, forwarding=None
    )
    assert move.outcome == "saved"
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID)
        page = seen.page
        for reference in ("KOC-000001", "KOC-000002", "KOC-000003"):
            await page.get_by_label(t(Text.WS_SELECT_ROW, reference=reference), exact=True).check()
        await page.get_by_role("button", name=t(Text.WS_MOVE_SELECTED)).click()
        await page.locator("dialog .stage-buttons button", has_text="Shortlist").click()
        intro = page.locator("dialog .intro")
        await intro.wait_for()
        lines = (await intro.inner_text()).splitlines()
        counts = visible(t(Text.BULK_PREVIEW_COUNTS, moving="2", skipped="1"))
        assert counts == "➡️ 2 akan dipindahkan, 1 dilewati."
        assert lines[1] == counts  # right under "3 pendaftar (pilihanmu) → Shortlist"
        assert visible(t(Text.BULK_PREVIEW_ALREADY, count="1")) in lines
        for scheme in ("light", "dark"):
            await page.emulate_media(color_scheme=scheme)
            await seen.shot(screens, f"bulk-counts-preview-phone-{scheme}")
        await page.get_by_role("button", name=t(Text.BTN_BULK_QUIET)).click()
        await page.locator("#toast[data-kind=info]", has_text="Pindah massal #").wait_for()
    stages = rows(bot.database, "SELECT stage FROM lead_pipeline ORDER BY application_id")
    assert stages == [("shortlist",), ("shortlist",), ("shortlist",)]
    assert seen.alerts == [] and seen.errors == []
