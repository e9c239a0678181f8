"""✔️ Tandai selesai (tanpa membalas) in a real browser (headless Chromium, phone size; a staff
review s64, M1): Tika phoned Eko, so she marks his question done on its card; the card and the
tab's badge go, Eko gets nothing, and his lead page says who marked it. Sari's question is
marked done from her lead page's notice."""

from __future__ import annotations

from pathlib import Path

from bot.texts import Text
from tests.browser import PHONE, Chromium, opened, page_url, served
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded
from tests.test_support import ask
from tests.test_workspace_browser import t


async def test_a_question_answered_by_phone_is_marked_done_on_its_card_and_on_a_lead_page(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    eko, sari = bot.user(first_name="Eko"), bot.user(first_name="Sari")
    await seeded(
        bot.database,
        [
            Seed(eko.id, {**MUSICIAN, "full_name": "Eko Prasetyo"}, first_name="Eko"),
            Seed(sari.id, {**MUSICIAN, "full_name": "Sari Dewi"}, first_name="Sari"),
        ],
    )
    await ask(bot, eko, "Apakah saya harus punya manajer? Bisa hubungi saya di 081299998888")
    await ask(bot, sari, "Kak, audisinya kapan ya?")
    done = t(Text.WS_QUESTION_CLOSE)
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID, PHONE)
        page = seen.page
        await page.locator("table.leads").wait_for()
        tab = page.locator(".tab[data-view=questions]")
        await tab.click()
        cards = page.locator(".card.question")
        await cards.first.wait_for()
        assert await cards.count() == 2
        assert "2" in await tab.inner_text()
        await seen.shot(screens, "question-close-phone")
        mark = eko.mark()
        eko_card = page.locator(".card.question", has_text="Eko Prasetyo")
        # Set apart from Send on a phone, and asked first: Cancel marks nothing (s64, L4).
        send_box = await eko_card.locator(".writer").bounding_box()
        close_box = await eko_card.get_by_role("button", name=done).bounding_box()
        assert send_box is not None and close_box is not None
        assert close_box["y"] - (send_box["y"] + send_box["height"]) >= 12
        await eko_card.get_by_role("button", name=done).click()
        await page.locator("dialog").get_by_role("button", name=t(Text.BTN_CANCEL)).click()
        await page.locator("dialog").wait_for(state="detached")
        assert await cards.count() == 2 and "2" in await tab.inner_text()
        await eko_card.get_by_role("button", name=done).click()
        await page.locator("dialog .close-confirm").click()  # asked first (s64, L4)
        await page.get_by_text(t(Text.WS_QUESTION_CLOSED, name="Eko")).wait_for()
        await page.locator(".card.question", has_text="Eko Prasetyo").wait_for(state="detached")
        assert await cards.count() == 1
        assert "Sari Dewi" in await cards.first.inner_text()
        assert "2" not in await tab.inner_text() and "1" in await tab.inner_text()
        assert eko.messages_since(mark) == []
        await seen.shot(screens, "question-closed-phone")

        # Sari's lead page, from her card: marked done from the notice at the top.
        await cards.first.locator("a.reference").click()
        notice = page.locator(".notice.asked")
        await notice.wait_for()
        assert t(Text.WS_LEAD_QUESTION_WAITING) in await notice.inner_text()
        await notice.get_by_role("button", name=done).click()
        await page.locator("dialog .close-confirm").click()
        await page.get_by_text(t(Text.WS_QUESTION_CLOSED, name="Sari")).wait_for()
        await notice.wait_for(state="detached")
        await page.locator("li.kind-question_closed").wait_for()
        await page.wait_for_function(
            "!/\\d/.test(document.querySelector('.tab[data-view=questions]').innerText)"
        )

        # Eko's lead page: no "belum dijawab" notice; who marked it, among his questions.
        await page.goto("about:blank")
        await page.goto(page_url(base, bot, ADMIN_ID).replace("#", "#lead/KOC-000001&"))
        await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
        closed = page.locator("li.kind-question_closed")
        await closed.wait_for()
        assert await page.locator(".notice.asked").count() == 0
        assert t(Text.WS_QUESTION_CLOSED_LINE) in await closed.inner_text()
        assert "Admin" in await closed.locator(".meta").inner_text()
    assert seen.alerts == [] and seen.errors == []
