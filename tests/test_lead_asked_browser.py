"""A lead page on a phone (headless Chromium, 360 px) says at its top that the talent waits for
the team, as /lead says it in the chat, with a button down to the reply box (a new staff
member's review s57, M2: the waiting question sat 3,000 px down the page, and a question in
the form's note to the team was marked nowhere but in the one-off alert)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.leads.export import plain_text
from bot.texts import Text
from tests.browser import PHONE, Chromium, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, Seed, seeded
from tests.test_support import ask

BUDI, SARAH = 7101, 7102
ASKED_IN_NOTE = "Siapa yang bisa kami hubungi?"


def t(key: Text, **values: Any) -> str:
    return CONTENT.text(key, "id", **values)


async def test_the_top_of_a_lead_page_says_a_question_waits_and_jumps_to_the_reply(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    note = f"Kami band dari Bali. {ASKED_IN_NOTE}"
    await seeded(
        bot.database,
        [
            Seed(BUDI, FILMMAKER, first_name="Budi"),
            Seed(SARAH, {**MUSICIAN, "full_name": "Sarah Wijaya", "message": note}),
        ],
    )
    await ask(
        bot,
        bot.emulator.user(BUDI, first_name="Budi"),
        "Kalau pindah ke Jakarta, perlu daftar ulang?",
    )
    bot.emulator.user(SARAH, first_name="Sarah").started = True  # she wrote to the bot
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/1")
        asked = page.locator(".lead-head .notice.asked")
        await asked.wait_for()
        assert await lines(asked) == [
            t(Text.WS_LEAD_QUESTION_WAITING),
            # Side by side: the jump, and ✔️ Mark done (no reply) (a staff review s64, M1).
            t(Text.WS_LEAD_JUMP_REPLY) + t(Text.WS_QUESTION_CLOSE),
        ]
        box = await asked.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"]  # seen at once
        # Program news offered and not answered: not "never asked".
        consents = await page.locator(".consent").all_inner_texts()
        news = t(Text.EXPORT_COL_CONSENT_ANNOUNCEMENTS)
        assert any(line.endswith(f"{news}: {t(Text.WS_CONSENT_UNASKED)}") for line in consents)
        assert t(Text.WS_CONSENT_UNASKED) == "belum dijawab"
        for scheme in ("light", "dark"):
            await page.emulate_media(color_scheme=scheme)
            await seen.shot(screens, f"lead-question-waiting-360-{scheme}")
        await page.emulate_media(color_scheme="light")

        reply = page.get_by_placeholder(t(Text.WS_REPLY_PLACEHOLDER))
        assert not await reply.is_visible() or not await in_view(reply)
        await asked.get_by_role("button", name=t(Text.WS_LEAD_JUMP_REPLY)).click()
        await page.wait_for_function("document.activeElement.tagName === 'TEXTAREA'")
        assert await in_view(reply)
        assert await reply.evaluate("(box) => box === document.activeElement")
        await seen.shot(screens, "lead-question-waiting-jumped-360-light")

        # Sarah asked only in her form's note: marked so, until the team answers her.
        await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/2")
        await page.reload()  # the address changed only after its "#": opened anew
        await page.locator(".lead-head .name", has_text="Sarah Wijaya").wait_for()
        asked = page.locator(".lead-head .notice.asked")
        jump_or_close = t(Text.WS_LEAD_JUMP_REPLY) + t(Text.WS_QUESTION_CLOSE)
        assert await lines(asked) == [t(Text.WS_LEAD_NOTE_ASKS), jump_or_close]
        await seen.shot(screens, "lead-note-asks-360-light")
        # The button lands on her note as the question that waits, never on "no questions
        # yet", and the reply's heading quotes its question (a staff re-check s57, N1).
        await asked.get_by_role("button", name=t(Text.WS_LEAD_JUMP_REPLY)).click()
        await page.wait_for_function("document.activeElement.tagName === 'TEXTAREA'")
        questions = page.locator("section.card", has=page.locator(".reply-heading"))
        note_line = questions.locator("li.kind-form_note")
        meta = await note_line.locator(".meta").inner_text()
        assert meta.startswith(f"{t(Text.WS_LEAD_NOTE_QUESTION)} · ")
        assert await note_line.locator(".tag.waiting").inner_text() == t(
            Text.WS_LEAD_NOTE_WAITING_TAG
        )
        assert await note_line.locator(".words").inner_text() == note
        assert await questions.get_by_text(t(Text.WS_QUESTIONS_NONE)).count() == 0
        heading = plain_text(
            CONTENT.text(Text.SUPPORT_NOTE_ANSWER_HEADING, "id", question="…" + ASKED_IN_NOTE)
        )
        shown_heading = t(Text.WS_REPLY_HEADING_SHOWN, heading=heading)
        assert await questions.locator(".reply-heading").inner_text() == shown_heading
        for shade in ("light", "dark"):
            await page.emulate_media(color_scheme=shade)
            await seen.shot(screens, f"lead-note-question-360-{shade}")
        await page.emulate_media(color_scheme="light")
        await reply.fill("Hubungi kami lewat bot ini saja, kak.")
        await page.get_by_role("button", name=t(Text.WS_REPLY_SEND)).click()
        await page.locator(".lead-head .notice.asked").wait_for(state="detached")
        # Answered: her note stays in the box above the answer, no longer tagged as waiting.
        await questions.locator("li.kind-staff_answer").wait_for()
        assert await questions.locator("li.kind-form_note .tag.waiting").count() == 0
        assert (
            await questions.locator("li.kind-staff_answer .answer-heading").inner_text()
        ) == heading
        assert seen.errors == [] and seen.alerts == []


async def in_view(element: Any) -> bool:
    """Whether the element is inside the window (not scrolled off)."""
    inside: bool = await element.evaluate(
        """(node) => { const box = node.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight; }"""
    )
    return inside


async def lines(element: Any) -> list[str]:
    """The element's words, line by line (no blank lines between its paragraphs)."""
    return [line for line in (await element.inner_text()).splitlines() if line.strip()]
