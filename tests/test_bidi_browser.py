"""Talents' names and words in the workspace stand apart from the text around them (an
attacker's review s60, L2): a name holding a right-to-left override, kept from before the bot
dropped such marks as it takes names in, or one in a right-to-left script, cannot turn around
the reference or the time shown after it. Checked in headless Chromium by where the
characters are drawn."""

from __future__ import annotations

import asyncio

from playwright.async_api import Locator

from tests.browser import DESKTOP, Chromium, opened, served
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded
from tests.test_pipeline import rows
from tests.test_support import ask

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: what follows it is drawn right to left


async def drawn_in_order(element: Locator, text: str) -> bool:
    """Whether `text`, found in one of the element's text nodes, is drawn left to right: its
    first character left of its last one (an override reverses them)."""
    found: bool | None = await element.evaluate(
        """(element, text) => {
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(text);
            if (at < 0) continue;
            const left = (index) => {
              const range = document.createRange();
              range.setStart(node, index);
              range.setEnd(node, index + 1);
              return range.getBoundingClientRect().left;
            };
            return left(at) < left(at + text.length - 1);
          }
          return null;
        }""",
        text,
    )
    assert found is not None, f"{text!r} is not in the element"
    return found


async def test_a_name_with_a_direction_override_cannot_reverse_what_follows_it(
    bot: Harness, chromium: Chromium
) -> None:
    await seeded(bot.database, [Seed(7001, {**MUSICIAN, "full_name": f"Sari Dewi{RLO}"})])
    talent = bot.user(user_id=7001, first_name="Sari")
    await ask(bot, talent, "Kapan pendaftaran MU:CON dibuka?")
    # Her Telegram name as stored before the bot dropped such marks from names.
    await asyncio.to_thread(
        rows, bot.database, "UPDATE users SET first_name = ? WHERE user_id = 7001", (f"Sari{RLO}",)
    )
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID, DESKTOP)
        page = seen.page
        await page.locator(".tab[data-view=questions]").click()
        card = page.locator(".card.question", has_text="KOC-000001")
        await card.wait_for()
        # The heading: her registered name, then her reference, which reads KOC-000001.
        name = card.locator("h2 .name")
        assert await name.inner_text() == f"Sari Dewi{RLO}"
        assert await name.evaluate("(name) => getComputedStyle(name).unicodeBidi") == "isolate"
        assert await drawn_in_order(card.locator("h2"), "KOC-000001")
        # Her question's line: her Telegram name, then the time it came.
        meta = card.locator(".log:not(.earlier) .meta")
        said = await meta.inner_text()
        assert said.startswith(f"Sari{RLO} · ")
        assert await drawn_in_order(meta, said.split(" · ")[-1])
        # The lead's page: her answers after their labels, as she wrote them.
        await card.locator("a.reference").click()
        head = page.locator(".lead-head .name")
        await head.wait_for()
        assert await head.evaluate("(name) => getComputedStyle(name).unicodeBidi") == "isolate"
        words = page.locator(".answers .words").first
        assert await words.evaluate("(words) => getComputedStyle(words).unicodeBidi") == "isolate"
    assert seen.alerts == [] and seen.errors == []
