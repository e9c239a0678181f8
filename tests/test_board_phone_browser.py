"""The Board tab on a phone, in a real browser (headless Chromium). A staff review s59 (M3):
at 60 leads the columns stacked on a 360 px phone, "New" showed 30 cards (~130 px each), and
"In review" began ~4,300 px down; nothing jumped to a column or collapsed one. Now each
stacked column shows its first cards, and stage chips with their counts show one column
alone; a desktop's board is as it was, every column side by side with all its cards."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from bot.texts import Text
from tests.browser import PHONE, Chromium, Watched, dismiss_toast, opened, served
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, Seed, realistic, seeded
from tests.test_workspace_browser import t

LAPTOP = {"width": 1366, "height": 800}
STAGES = {"baru": 44, "ditinjau": 5, "shortlist": 4, "selesai": 3}  # 56 leads
SHORTLISTED = [f"Shortlisted Talent {n}" for n in range(1, 5)]


async def _seed_board(bot: Harness) -> None:
    rng = random.Random(59)
    talents = []
    for stage, count in STAGES.items():
        for n in range(count):
            answers = realistic(rng)
            if stage == "shortlist":
                answers["full_name"] = SHORTLISTED[n]
            talents.append((stage, answers))
    await seeded(bot.database, [Seed(8000 + n, a) for n, (_, a) in enumerate(talents)])
    with sqlite3.connect(bot.database) as db:
        for application_id, (stage, _) in enumerate(talents, 1):
            db.execute(
                "UPDATE lead_pipeline SET stage = ? WHERE application_id = ?",
                (stage, application_id),
            )


def label(stage: str) -> str:
    return CONTENT.stages[stage].label.id


async def _shown(seen: Watched, selector: str) -> list[dict[str, float]]:
    """The boxes of the elements shown (not hidden by a rule) that match, page-relative."""
    boxes: list[dict[str, float]] = await seen.page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
          .filter((element) => element.getClientRects().length)
          .map((element) => {
            const box = element.getBoundingClientRect();
            return { top: box.top + scrollY, bottom: box.bottom + scrollY, left: box.left };
          })""",
        selector,
    )
    return boxes


async def test_a_phone_reaches_any_column_of_a_long_board_with_one_tap(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    await _seed_board(bot)
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID, PHONE)
        page = seen.page
        await page.emulate_media(color_scheme="dark")
        await page.locator("table.leads").wait_for()
        await page.get_by_role("button", name=t(Text.WS_TAB_BOARD)).click()
        await page.locator(".board-card").first.wait_for()
        # Stacked, each column shows its first three cards, then the way to the others.
        for stage, count in STAGES.items():
            cards = await _shown(seen, f".column[data-stage={stage}] .board-card")
            assert len(cards) == min(count, 3), stage
        whole = page.locator(".column[data-stage=baru] .whole-column")
        assert await whole.inner_text() == t(Text.WS_BOARD_WHOLE_COLUMN, count=27)  # 30 on it
        # The list's way ("+14 lagi di daftar") waits for the whole column.
        assert await _shown(seen, ".column[data-stage=baru] .in-list") == []
        columns = await _shown(seen, ".column[data-stage=shortlist]")
        assert columns[0]["top"] < 2000, columns  # was ~4,500 px down
        await seen.shot(screens, "board-phone-360-dark")

        # The stage chips, with their counts, in the first screen: one tap, Shortlist alone.
        chip = page.locator(".board-stages .chip", has_text=f"{label('shortlist')} · 4")
        box = await chip.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"]
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]  # not behind a fade
        await chip.click()
        assert await chip.get_attribute("aria-pressed") == "true"
        cards = await _shown(seen, ".board-card")
        assert len(cards) == 4 and all(card["bottom"] <= PHONE["height"] for card in cards[:1])
        names = await page.locator(".board-card .name").evaluate_all(
            "(names) => names.filter((name) => name.getClientRects().length)"
            ".map((name) => name.textContent)"
        )
        assert sorted(names) == SHORTLISTED
        assert await _shown(seen, ".column[data-stage=baru]") == []
        await seen.shot(screens, "board-phone-360-shortlist-dark")

        # A card moved from there: the board is drawn again, Shortlist still chosen.
        picker = page.locator(".column[data-stage=shortlist] .board-card select").first
        await picker.select_option("ditinjau")  # no message at Ditinjau: saved at once
        await page.locator(
            ".board-stages .chip[aria-pressed=true]", has_text=f"{label('shortlist')} · 3"
        ).wait_for()
        assert len(await _shown(seen, ".board-card")) == 3
        await dismiss_toast(page)

        # All stages again, then the New column's "+27 more" shows it alone, all 30 cards.
        await page.locator(".board-stages .chip[data-stage='']").click()
        assert len(await _shown(seen, ".column[data-stage=baru] .board-card")) == 3
        await whole.click()
        assert len(await _shown(seen, ".board-card")) == 30
        more = page.locator(".column[data-stage=baru] .in-list")
        assert await more.inner_text() == t(Text.WS_BOARD_MORE, count=14)
        pressed = page.locator(".board-stages .chip[aria-pressed=true]")
        assert await pressed.inner_text() == f"{label('baru')} · 44"

        # A laptop: as before, every column side by side with all its cards, no chips, even
        # with a column chosen on the phone.
        await page.emulate_media(color_scheme="light")
        await page.set_viewport_size(LAPTOP)  # type: ignore[arg-type]
        await page.evaluate("window.scrollTo(0, 0)")
        assert await _shown(seen, ".board-stages") == []
        assert await _shown(seen, ".whole-column") == []
        tops = [column["top"] for column in await _shown(seen, ".column")]
        assert len(tops) == len(CONTENT.stages) and len(set(tops)) == 1  # one row
        assert len(await _shown(seen, ".column[data-stage=baru] .board-card")) == 30
        assert len(await _shown(seen, ".column[data-stage=ditinjau] .board-card")) == 6
        await seen.shot(screens, "board-desktop-1366-light")
    assert seen.alerts == [] and seen.errors == []
