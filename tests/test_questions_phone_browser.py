"""The Questions tab on a phone, in a real browser (headless Chromium). A staff review s59
(L4): a nine-line explanation came before the first question on every visit, and each card
was headed by the Telegram name ("Andi0") with the registered name small, while the Leads tab
shows registered names only. Now the explanation is open the first time, then folded to one
line (as staff leave it, kept in this browser), and a card of a talent with a registration is
headed by the registered name and its reference, the Telegram name under it."""

from __future__ import annotations

from pathlib import Path

from bot.texts import Text
from tests.browser import PHONE, Chromium, opened, served
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded
from tests.test_support import ask
from tests.test_workspace_browser import t

LAPTOP = {"width": 1366, "height": 800}
XSS_NAME = '<img src=x onerror="alert(5)"> Kirana'


async def test_a_phone_sees_the_first_question_at_once_headed_by_the_registered_name(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    andi = bot.user(first_name="Andi0")
    kirana = bot.user(first_name="Kirana3")
    mia = bot.user(first_name="Mia")
    await seeded(
        bot.database,
        [
            Seed(andi.id, {**MUSICIAN, "full_name": "Andi Saputra"}, first_name="Andi0"),
            Seed(kirana.id, {**MUSICIAN, "full_name": XSS_NAME}, first_name="Kirana3"),
        ],
    )
    await ask(bot, andi, "Kak, audisinya kapan ya?")
    await ask(bot, kirana, "Studio rekamannya ada parkir motor?")
    await ask(bot, mia, "Boleh bawa adik waktu sesi foto?")
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID, PHONE)
        page = seen.page
        await page.emulate_media(color_scheme="dark")
        await page.locator("table.leads").wait_for()
        questions = page.locator(".tab[data-view=questions]")
        leads = page.locator(".tab[data-view=leads]")
        intro = page.locator("details.questions-intro")
        explained = intro.locator("p", has_text=t(Text.WS_QUESTIONS_INTRO))
        # The first visit: the explanation is open.
        await questions.click()
        await page.locator(".card.question").first.wait_for()
        assert await explained.is_visible()
        # From the next visit, one line; the first card's heading and question in sight.
        await leads.click()
        await page.locator("table.leads").wait_for()
        await questions.click()
        await page.locator(".card.question").first.wait_for()
        assert not await explained.is_visible()
        assert await intro.locator("summary").inner_text() == t(Text.WS_QUESTIONS_INTRO_SUMMARY)
        cards = page.locator(".card.question")
        first = await cards.first.locator(".log li").first.bounding_box()
        assert first is not None and first["y"] + first["height"] <= PHONE["height"]
        # Each card headed by the registered name and reference, the Telegram name under it.
        language = t(Text.WS_QUESTION_LANGUAGE, name="Indonesia")
        assert await cards.nth(0).locator("h2").inner_text() == "Andi Saputra KOC-000001"
        telegram = t(Text.WS_QUESTION_TELEGRAM, name="Andi0")
        assert await cards.nth(0).locator(".telegram").inner_text() == f"{telegram} · {language}"
        # A name that tries to be markup is shown as typed, as text (no image, no script).
        assert await cards.nth(1).locator("h2").inner_text() == f"{XSS_NAME} KOC-000002"
        assert await cards.nth(1).locator("h2 img").count() == 0
        telegram = t(Text.WS_QUESTION_TELEGRAM, name="Kirana3")
        assert await cards.nth(1).locator(".telegram").inner_text() == f"{telegram} · {language}"
        # Not registered: the Telegram name heads the card, as before.
        assert await cards.nth(2).locator("h2").inner_text() == "Mia"
        assert await cards.nth(2).locator(".no-lead").is_visible()
        await seen.shot(screens, "questions-phone-360-dark")

        # Opened again by a tap, it stays open on the next visit; folded again, it stays so.
        await intro.locator("summary").click()
        assert await explained.is_visible()
        await leads.click()
        await questions.click()
        await page.locator(".card.question").first.wait_for()
        assert await explained.is_visible()
        await intro.locator("summary").click()
        assert not await explained.is_visible()
        await page.reload()
        await page.locator("table.leads").wait_for()
        await questions.click()
        await page.locator(".card.question").first.wait_for()
        assert not await explained.is_visible()
        # The reference in the heading opens the lead (by its reference, in the address).
        await cards.nth(0).locator("h2 a", has_text="KOC-000001").click()
        await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
        assert page.url.endswith("#lead/KOC-000001")

        await page.emulate_media(color_scheme="light")
        await page.set_viewport_size(LAPTOP)  # type: ignore[arg-type]
        await questions.click()
        await page.locator(".card.question").first.wait_for()
        await seen.shot(screens, "questions-desktop-1366-light")
    assert seen.alerts == [] and seen.errors == []
