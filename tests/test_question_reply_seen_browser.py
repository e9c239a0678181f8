"""A reply from a Questions card, or a lead page's reply box, drawn before the talent wrote
again, in a real browser (headless Chromium; an attacker's review s65, 1): it answers the two
questions the card showed, under the newer of them; the page says her newest question still
waits, and the card drawn again shows it."""

from __future__ import annotations

from playwright.async_api import Locator, Page

from bot.emulator import EmulatedUser
from bot.texts import Text
from tests.browser import PHONE, Chromium, opened, served
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded
from tests.test_answered_question import heading
from tests.test_question_reply_seen import CONSENT, FIRST
from tests.test_support import ask
from tests.test_workspace_browser import t

WHERE = "kak, pengumumannya lewat mana?"
EMAIL = "boleh kirim formulirnya via email?"


async def sent(page: Page, place: Locator, named: tuple[str, str], talent: EmulatedUser) -> None:
    """Kirim pressed in `place`: the page says one newer message of `named` (their name as
    the page names them) still waits, and the talent got the reply under `named`'s question."""
    name, question = named
    await place.get_by_role("button", name=t(Text.WS_REPLY_SEND), exact=True).click()
    said = t(Text.WS_REPLY_SENT_WROTE_AGAIN, name=name, count=1)
    await page.get_by_text(said, exact=True).wait_for()
    assert talent.last_message.text.startswith(
        heading(Text.SUPPORT_ANSWER_HEADING, question=question)
    )


async def test_a_reply_from_a_card_drawn_before_she_wrote_again_leaves_her_new_question(
    bot: Harness, chromium: Chromium
) -> None:
    sari = bot.user(first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, {**MUSICIAN, "full_name": "Sari Dewi"})])
    await ask(bot, sari, FIRST, WHERE)
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID, PHONE)
        page = seen.page
        tab = page.locator(".tab[data-view=questions]")
        await tab.click()
        card = page.locator(".card.question", has_text="Sari Dewi")
        await card.wait_for()
        await bot.settle(sari.send(CONSENT))  # the card has not seen it
        box = card.get_by_role("textbox", name=t(Text.WS_QUESTION_REPLY_TO, name="Sari"))
        await box.fill("Pengumuman tanggal 20 ya")
        await sent(page, card, ("Sari", WHERE), sari)
        # Drawn again after the reply: her consent question, still waiting, and the badge.
        await card.locator(".log:not(.earlier) .words", has_text=CONSENT).wait_for()
        assert "1" in await tab.inner_text()

        # Her lead page, drawn now; she writes again before its reply box is sent.
        await ask(bot, sari, EMAIL)
        await card.locator("a.reference").click()
        reply = page.get_by_placeholder(t(Text.WS_REPLY_PLACEHOLDER), exact=True)
        await reply.wait_for()
        await ask(bot, sari, "kak, izinnya pakai formulir apa?")
        await reply.fill("Perlu izin orang tua, kak.")
        await sent(page, page.locator("main"), ("Sari Dewi", EMAIL), sari)
        assert "1" in await tab.inner_text()
    assert seen.alerts == [] and seen.errors == []
