"""Clean records on the workspace's pages (headless Chromium): two sisters sharing a phone are
said not to be duplicates from a lead page, and the red mark goes from the page, the list and
the board, muted on the page with who said so; ↩️ Mark again brings it back (a staff review
s57, M3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page

from bot.store.audit import Actor
from bot.texts import Text
from bot.web import records as web_records
from tests.browser import Chromium, dismiss_toast, opened, served
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, Seed, seeded, shown

HISTORY = CONTENT.text(Text.WS_LEAD_HISTORY, "id")


def t(key: Text, language: str = "id", **values: Any) -> str:
    return CONTENT.text(key, language, **values)


async def looks(page: Page, screens: Path | None, name: str, part: str = ".duplicates") -> None:
    """The Duplikat section (or another part) on a phone, light and dark
    (`--workspace-screens`)."""
    if screens is None:
        return
    await page.locator(part).scroll_into_view_if_needed()
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
    again = shown(Text.BTN_MARK_AGAIN_POSSIBLE)
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
        # Nothing left to deal with: no Duplikat card heads the page any more; the decision
        # is in the history, by whom, muted, with what ↩️ marks again said (a staff re-check
        # s57, N7: a "Duplikat" card stayed first, and "Tandai lagi KOC-000001" said not as
        # what).
        history = page.locator("section.card", has=page.get_by_role("heading", name=HISTORY))
        decided = history.locator("li.change.not_duplicate")
        await decided.wait_for()
        assert await page.locator(".duplicates").count() == 0
        assert (await decided.locator(".meta").inner_text()).endswith(" · Admin")
        assert (await decided.inner_text()).splitlines()[1:] == [
            shown(Text.WS_HISTORY_NOT_DUPLICATE, reference="KOC-000001"),
            again,
        ]
        close = shown(Text.BTN_CLOSE_DUPLICATE, reference="KOC-000001")
        assert await page.get_by_role("button", name=close).count() == 0
        await dismiss_toast(page)
        await looks(page, screens, "not-duplicate-after", "li.change.not_duplicate")

        # The list and the board: no mark on either lead.
        await page.locator("#tabs button").first.click()
        await page.locator("text=Dewi Senja").first.wait_for()
        assert await marks.count() == 0
        await page.locator("#tabs button").nth(1).click()
        await page.locator(".board-card").nth(1).wait_for()
        assert await marks.count() == 0

        # ↩️ Mark again, from Dewi's page this time: the mark is back.
        await page.locator(".board-card", has_text="Dewi Senja").locator(".open").click()
        await history.locator("li.change.not_duplicate").get_by_role("button", name=again).click()
        await page.locator(".duplicates .notice.mark", has_text="KOC-000002").wait_for()
        assert await page.get_by_role("button", name=again).count() == 0
        marked = shown(Text.WS_HISTORY_MARKED_AGAIN, reference="KOC-000002")
        assert marked in await history.locator("li.change.marked_again").inner_text()
        assert seen.alerts == [] and seen.errors == []


async def test_a_pair_said_two_people_long_ago_is_still_offered_to_mark_again(
    bot: Harness, chromium: Chromium, screens: Path | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The history shows the newest entries only: a "not a duplicate" too old to be among them
    is said, muted, at the top of the history, with its ↩️ Mark again (a staff re-check s57,
    N7)."""
    monkeypatch.setattr(web_records, "SHOWN_CHANGES", 1)
    await seeded(
        bot.database,
        [
            Seed(7001, {**MUSICIAN, "full_name": "Dewi Senja"}),
            Seed(7002, {**FILMMAKER, "full_name": "Putri Senja", "phone": MUSICIAN["phone"]}),
        ],
    )
    sari = Actor.workspace(ADMIN_ID)
    assert await bot.store.duplicates.dismiss(2, 1, sari) == "saved"
    edited = await bot.store.records.edit_answer(
        2, "city", json.dumps(FILMMAKER["city"]), True, "Sleman", sari
    )
    assert edited.outcome == "saved"
    again = shown(Text.BTN_MARK_AGAIN_POSSIBLE)
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID)
        page = seen.page
        await page.locator("tbody tr", has_text="Putri Senja").locator("td.col-name").click()
        history = page.locator("section.card", has=page.get_by_role("heading", name=HISTORY))
        older = history.locator(".dismissed")
        await older.wait_for()
        assert await history.locator("li.change.not_duplicate").count() == 0
        said, button = [line for line in (await older.inner_text()).splitlines() if line]
        line = shown(
            Text.RECORDS_NOT_DUPLICATE_LINE, reference="KOC-000001", author="Admin", time="TIME"
        )
        assert said.startswith(line.partition("TIME")[0]) and button == again
        await older.get_by_role("button", name=again).click()
        await page.locator(".duplicates .notice.mark", has_text="KOC-000001").wait_for()
        assert await history.locator(".dismissed").count() == 0
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
