"""The workspace's lead page (headless Chromium): "👤 Saya tangani" pressed on a page that
showed nobody, after a colleague took the lead in the chat, is refused in a warning that says
who has it; the page reloads to show her, and one more press takes it over (a staff review
s63, H1: the lead changed hands without a word)."""

from __future__ import annotations

from bot.store.audit import TELEGRAM, Actor
from bot.texts import Text
from tests.browser import Chromium, dismiss_toast, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded, shown
from tests.test_pipeline import SECOND_ADMIN


async def test_assign_to_me_from_a_page_that_showed_nobody_says_who_took_the_lead(
    bot: Harness, chromium: Chromium
) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN), Seed(SECOND_ADMIN, None, first_name="Dewi")])
    bot.settings.admin_ids = frozenset({ADMIN_ID, SECOND_ADMIN})
    assign_me = shown(Text.WS_ASSIGN_ME)
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/1")
        handled = page.locator(".assignee-now strong")
        await handled.filter(has_text=shown(Text.WS_ASSIGN_NOBODY)).wait_for()
        # Dewi takes the lead in the chat meanwhile; this page still says nobody has it.
        await bot.store.pipeline.assign(1, Actor(TELEGRAM, SECOND_ADMIN), SECOND_ADMIN, None)
        await page.get_by_role("button", name=assign_me).click()
        taken = shown(Text.RECORDS_ASSIGN_TAKEN, reference="KOC-000001", name="Dewi")
        await page.locator("#toast[data-kind=warning]", has_text=taken).wait_for()
        await handled.filter(has_text="Dewi").wait_for()  # reloaded: who has it now
        state = await bot.store.pipeline.state(1)
        assert state is not None and state.assignee_id == SECOND_ADMIN
        await dismiss_toast(page)
        # One more press, now that the page shows her: taken over on purpose.
        await page.get_by_role("button", name=assign_me).click()
        done = shown(Text.RECORDS_ASSIGNED_TO, reference="KOC-000001", name="Admin")
        await page.locator("#toast[data-kind=info]", has_text=done).wait_for()
        await handled.filter(has_text="Admin").wait_for()
        state = await bot.store.pipeline.state(1)
        assert state is not None and state.assignee_id == ADMIN_ID
        assert seen.alerts == [] and seen.errors == []
