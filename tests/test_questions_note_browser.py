"""A question written only in the form's note to the team, on the workspace's Questions tab in
headless Chromium (a staff re-check s58: the lead page said it waited, and the tab, its count
and the daily digest knew nothing of it): listed as the lead page shows it, answered there,
and gone from the tab and the lead page alike once answered."""

from __future__ import annotations

from pathlib import Path

from bot.emulator import EmulatedChat
from bot.leads.export import plain_text
from bot.texts import Text
from tests.browser import PHONE, Chromium, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, Seed, seeded
from tests.test_support import answer_words, ask

SARAH, BUDI = 7201, 7202
NOTE = "Kami band dari Bali. Siapa yang bisa kami hubungi?"


def t(key: Text, **values: object) -> str:
    return CONTENT.text(key, "id", **values)


async def test_a_question_only_in_the_forms_note_is_on_the_questions_tab_until_answered(
    bot: Harness, staff_chat: EmulatedChat, chromium: Chromium, screens: Path | None
) -> None:
    await seeded(
        bot.database,
        [
            Seed(
                SARAH,
                {**MUSICIAN, "full_name": "Sarah Wijaya", "message": NOTE},
                first_name="Sarah",
            ),
            Seed(BUDI, FILMMAKER, first_name="Budi"),
        ],
    )
    sarah = bot.emulator.user(SARAH, first_name="Sarah")
    sarah.started = True  # she wrote to the bot
    await ask(bot, bot.emulator.user(BUDI, first_name="Budi"), "Audisinya online?")
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await page.goto(page_url(base, bot, ADMIN_ID))
        badge = page.locator("#questions-count")
        await badge.wait_for()
        assert await badge.inner_text() == "2"  # Budi's /tanya question, and Sarah's note
        await page.locator(".tab[data-view=questions]").click()
        card = page.locator(".card.question", has_text="Sarah")
        await card.wait_for()
        # The tab's intro says questions in a form's note are listed too (the s58 re-check:
        # it named /tanya and "Tanya tim kami" only).
        intro = t(Text.WS_QUESTIONS_INTRO)
        assert intro in await page.locator("p.hint").all_inner_texts()
        assert t(Text.WS_LEAD_NOTE_QUESTION).lower() in intro
        assert CONTENT.text(Text.WS_LEAD_NOTE_QUESTION, "en").lower() in CONTENT.text(
            Text.WS_QUESTIONS_INTRO, "en"
        )
        assert (await card.locator("h2").inner_text()).endswith("KOC-000001")
        # Her note, as her lead page's Questions box shows it: named as the form's note,
        # waiting, in her words.
        note = card.locator(".log:not(.earlier) li.kind-form_note")
        meta = await note.locator(".meta").inner_text()
        assert meta.startswith(f"{t(Text.WS_LEAD_NOTE_QUESTION)} · ")
        assert await note.locator(".tag.waiting").inner_text() == t(Text.WS_LEAD_NOTE_WAITING_TAG)
        assert await card.locator(".log .words").all_inner_texts() == [NOTE]
        # No "holding reply" tick: with only her note waiting, a reply answers it.
        assert await card.locator(".holding").count() == 0
        await seen.shot(screens, "questions-form-note-360")
        words = "Hubungi kami lewat bot ini saja, kak."
        foreseen = await card.locator(".reply-heading").inner_text()
        await card.get_by_role("textbox").fill(words)
        await card.get_by_role("button", name=t(Text.WS_REPLY_SEND)).click()
        toast = page.locator("#toast:not([hidden])")
        await toast.wait_for()
        assert await toast.inner_text() == t(Text.WS_REPLY_SENT, name="Sarah")
        await card.wait_for(state="detached")
        await page.locator("#questions-count", has_text="1").wait_for()  # Budi still waits
        assert answer_words(sarah.last_message) == words
        heading = sarah.last_message.text.removesuffix(words).removesuffix("\n\n")
        assert foreseen == plain_text(t(Text.WS_REPLY_HEADING_SHOWN, heading=heading))
        # Her lead page no longer says she waits either.
        await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/1")
        await page.reload()  # the lead page drawn anew, not only its fragment changed
        await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
        assert await page.locator(".lead-head .notice.asked").count() == 0
        assert not seen.errors and not seen.alerts
