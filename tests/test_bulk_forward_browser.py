"""A bulk move to the forwarding stage from the workspace with a lead whose talent did not agree
to the forwarding (an attacker's review, session 57, H2): the server moved the others and
queued their messages, then failed on its report (500), so the page said nothing had happened
and never named what it refused. It reports what it moved and what it left, as Telegram's Move
all does."""

from __future__ import annotations

from typing import Any

from bot.texts import Text
from tests.browser import Chromium, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import TEST_FORWARDING, Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, Seed, seeded, shown
from tests.test_pipeline import rows
from tests.workspace import workspace

_NO_TRANSFER = {"processing": True, "transfer_korea": False}
_STAGE = "diteruskan"


def t(key: Text, **values: Any) -> str:
    return CONTENT.text(key, "id", **values)


async def test_a_mixed_selection_moves_the_consenting_lead_and_says_which_stayed(
    bot: Harness, chromium: Chromium
) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN), Seed(7002, FILMMAKER, consents=_NO_TRANSFER)])
    label = CONTENT.stages[_STAGE].label.id
    refused = shown(
        Text.BULK_SKIPPED_NO_CONSENT, stage=label, recipient=TEST_FORWARDING.recipient, count=1
    ).strip()
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID))
        for reference in ("KOC-000001", "KOC-000002"):
            await page.get_by_label(t(Text.WS_SELECT_ROW, reference=reference), exact=True).check()
        await page.get_by_role("button", name=t(Text.WS_MOVE_SELECTED)).click()
        await page.locator("dialog .stage-buttons button", has_text=label).click()
        await page.get_by_role("button", name=t(Text.BTN_BULK_SEND)).click()
        toast = page.locator("#toast[data-kind=info]", has_text="Pindah massal #1")
        await toast.wait_for()
        said = await toast.inner_text()
    assert "1 pendaftar sekarang di tahap" in said and "1 kabar masuk antrean" in said
    assert refused in said
    stages = rows(bot.database, "SELECT application_id, stage FROM lead_pipeline ORDER BY 1")
    assert stages == [(1, _STAGE), (2, "baru")]
    assert seen.alerts == [] and seen.errors == []


async def test_without_forward_to_the_report_says_it_is_not_set(
    make_bot: Any, staff_chat: Any
) -> None:
    """The page stops it before asking; a client that asks anyway gets the report, not 500."""
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), forward_to=None, forward_abroad=False
    )
    await seeded(bot.database, [Seed(7001, MUSICIAN), Seed(7002, FILMMAKER)])
    label = CONTENT.stages[_STAGE].label.id
    async with workspace(bot, ADMIN_ID) as client:
        preview = await client.ok("bulk-preview", {"ids": [1, 2], "stage": _STAGE})
        status, done = await client.call(
            "bulk-move", {"batch": preview["batch"], "stage": _STAGE, "notify": True}
        )
    assert status == 200, done
    assert done["moved"] == 0
    assert shown(Text.BULK_SKIPPED_FORWARDING_OFF, stage=label, count=2).strip() in done["text"]
    stages = rows(bot.database, "SELECT application_id, stage FROM lead_pipeline ORDER BY 1")
    assert stages == [(1, "baru"), (2, "baru")]
