"""The top five places of residence, in /stats and on the Stats tab (headless Chromium): a
sixth place as big as the fifth is counted under them ("+1 lainnya (1 pendaftar)"), and both
put places with as many leads in the order of their names (a staff review s57, L6: Sulawesi
Selatan was dropped unsaid, and "Di luar Indonesia" came before Jawa Timur in the chat, last
in the workspace)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.texts import Text
from tests.browser import Chromium, opened, served
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded, shown
from tests.test_pipeline import admin_of

PLACES = [
    "jawa_barat",
    "jawa_barat",
    "jawa_timur",
    "outside_indonesia",
    "sulawesi_selatan",
    "dki_jakarta",
    "bali",
]
SHOWN = ["Jawa Barat", "Bali", "Di luar Indonesia", "DKI Jakarta", "Jawa Timur"]


async def test_stats_and_the_stats_tab_show_the_same_top_places_and_count_the_rest(
    bot: Harness, staff_chat: Any, chromium: Chromium, screens: Path | None
) -> None:
    await seeded(
        bot.database,
        [
            Seed(7000 + n, {**MUSICIAN, "province": place, "phone": f"08131111000{n}"})
            for n, place in enumerate(PLACES)
        ],
    )
    more = shown(Text.STATS_PLACES_MORE, count=1, leads=1)
    assert more == "+1 lainnya (1 pendaftar)"
    text, _chart = await bot.send(admin_of(staff_chat), "/stats")
    lines = text.text.splitlines()
    heading = next(n for n, line in enumerate(lines) if line.startswith("5 tempat tinggal"))
    assert lines[heading + 1 : heading + 7] == [
        "• Jawa Barat: 2",
        *(f"• {label}: 1" for label in SHOWN[1:]),
        more,
    ]

    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID)
        page = seen.page
        await page.get_by_role("button", name=CONTENT.text(Text.WS_TAB_STATS, "id")).click()
        places = page.locator(".card", has_text=CONTENT.text(Text.WS_STATS_PROVINCES, "id"))
        await places.locator(".places-more", has_text=more).wait_for()
        assert await places.locator(".bars .label").all_inner_texts() == SHOWN
        await places.scroll_into_view_if_needed()
        for scheme in ("light", "dark"):
            await page.emulate_media(color_scheme=scheme)
            await seen.shot(screens, f"stats-places-phone-{scheme}")
        assert seen.alerts == [] and seen.errors == []
