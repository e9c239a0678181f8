"""A lead's address in the workspace names its reference, in a real browser (headless
Chromium). A staff review s59 (L2): opening KOC-000046 set the address to …/staff/#lead/53 (its
internal id), and staff read "53" as KOC-000053, another lead. Now the fragment is
#lead/KOC-000046; an older link by id (#lead/53) still opens its lead, and then says its
reference."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.browser import DESKTOP, PHONE, Chromium, opened, page_url, served
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded
from tests.workspace import workspace

NAMES = ["Rina Wulandari", "Budi Santoso", "Intan Siregar"]


async def _three_leads(bot: Harness) -> None:
    """Three leads whose references are not their ids: Intan's (id 3) is KOC-000001, Rina's
    (id 1) KOC-000003 (a draft or an erased lead in between makes the two part in real use)."""
    await seeded(
        bot.database,
        [Seed(7001 + n, {**MUSICIAN, "full_name": name}) for n, name in enumerate(NAMES)],
    )
    with sqlite3.connect(bot.database) as db:
        db.execute("UPDATE applications SET reference = 'KOC-999999' WHERE id = 1")
        db.execute("UPDATE applications SET reference = 'KOC-000001' WHERE id = 3")
        db.execute("UPDATE applications SET reference = 'KOC-000003' WHERE id = 1")


async def test_the_address_of_an_open_lead_is_its_reference(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    await _three_leads(bot)
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID, DESKTOP)
        page = seen.page
        await page.locator("tbody tr", has_text="Intan Siregar").locator("td.col-name").click()
        head = page.locator(".lead-head .reference", has_text="KOC-000001")
        await head.wait_for()
        assert page.url.endswith("/staff/#lead/KOC-000001")  # not #lead/3
        await page.reload()  # the address opens it again
        await head.wait_for()
        assert "Intan Siregar" in await page.locator(".lead-head h1").inner_text()
        # From the board too.
        await page.get_by_role("button", name="Papan").click()
        await page.locator(".board-card", has_text="Rina Wulandari").locator("button.open").click()
        await page.locator(".lead-head .reference", has_text="KOC-000003").wait_for()
        assert page.url.endswith("/staff/#lead/KOC-000003")
        await page.set_viewport_size({"width": 1366, "height": 800})
        await seen.shot(screens, "lead-address-1366-light")
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await page.emulate_media(color_scheme="dark")
        await seen.shot(screens, "lead-address-360-dark")
        await page.emulate_media(color_scheme="light")
        await page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]

        # A link from before, by id (#lead/3, the chat's button in an older message): its
        # lead opens, and the address then says its reference.
        await page.goto("about:blank")  # a new load, not a change of the fragment only
        await page.goto(page_url(base, bot, ADMIN_ID).replace("#", "#lead/3&"))
        await head.wait_for()
        await page.wait_for_function("location.hash === '#lead/KOC-000001'")
        # Typed by hand in small letters: the same lead.
        await page.goto("about:blank")
        await page.goto(page_url(base, bot, ADMIN_ID).replace("#", "#lead/koc-000003&"))
        await page.locator(".lead-head .reference", has_text="KOC-000003").wait_for()
        assert "Rina Wulandari" in await page.locator(".lead-head h1").inner_text()
        assert page.url.endswith("/staff/#lead/KOC-000003")
    assert seen.alerts == [] and seen.errors == []


async def test_the_lead_request_takes_a_reference_or_an_id(bot: Harness) -> None:
    await _three_leads(bot)
    async with workspace(bot, ADMIN_ID) as client:
        by_reference = await client.ok("lead", {"reference": "KOC-000001"})
        assert (by_reference["id"], by_reference["name"]) == (3, "Intan Siregar")
        by_id = await client.ok("lead", {"id": 3})
        assert by_id["reference"] == "KOC-000001"
        # Never a lead's by a bare number read as a reference, nor anything else.
        for wrong in ("3", "KOC-", "53 OR 1=1", 3, None, "KOC-" + "1" * 30):
            status, answer = await client.call("lead", {"reference": wrong})
            assert (status, answer["error"]) == (400, "bad_request"), wrong
        status, answer = await client.call("lead", {"reference": "KOC-000053"})
        assert (status, answer["error"]) == (404, "not_found")
