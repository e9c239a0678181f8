"""The Questions tab stays current, in headless Chromium: while staff answer there, a new
talent's question, a new question of a talent listed, or a colleague's answer is found by the
page's own checks (when the page comes back into view, and every minute) and offered in a bar
above the list, never redrawn under the staff member's fingers; "Show" draws the new list with
every reply typed kept (one to a talent a colleague answered meanwhile above the list, to
copy). Leaving the tab stops the checks. What a check reads (the API's `questions-count` with
a mark) changes exactly when the list would, names nobody and writes no audit entry. A toast
never blocks work: a tap or Escape dismisses it, and the last card's buttons can be scrolled
above it."""

from __future__ import annotations

import asyncio
import hashlib
import json
from pathlib import Path

from playwright.async_api import Page, Request

from bot.emulator import EmulatedChat
from bot.texts import Text
from tests.browser import Chromium, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT
from tests.test_support import answer as answer_in_group
from tests.test_support import answer_words, ask, relayed_question, staff_member
from tests.test_workspace_questions import audited
from tests.workspace import workspace

CHECKS = "/staff/api/questions-count"


def t(key: Text, **values: object) -> str:
    return CONTENT.text(key, "id", **values)


def checked(request: Request) -> bool:
    return request.url.endswith(CHECKS)


async def back_in_view(page: Page) -> Request:
    """The page comes back into view (Telegram brought back, another browser tab left): the
    request that makes."""
    async with page.expect_request(checked) as made:
        await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    return await made.value


async def test_a_check_sees_the_list_change_exactly_when_it_does(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia, james = bot.user(first_name="Mia"), bot.user(first_name="James")
    mias_question = await relayed_question(bot, staff_chat, mia, "Apakah tiket ditanggung?")
    async with workspace(bot, ADMIN_ID) as client:
        shown: list[list[str]] = []  # who each list read named

        async def listed() -> str:
            """The list read (as the tab draws it); its mark."""
            answer = await client.ok("questions")
            shown.append([talent["name"] for talent in answer["talents"]])
            return str(answer["mark"])

        async def check() -> str:
            """What the page reads to check, every minute: the count and the mark only."""
            answer = await client.ok("questions-count", {"mark": True})
            assert set(answer) == {"total", "mark"}
            return str(answer["mark"])

        entries = len(audited(bot, "questions_listed"))
        drawn = await listed()
        assert await check() == drawn  # nothing changed: the same mark, again and again
        assert await check() == drawn
        await ask(bot, james, "Bisa minta surat visa?")  # a new talent
        assert await check() != drawn
        drawn = await listed()
        assert await check() == drawn
        # A new message of a talent listed (small talk: a colleague's reply to her question
        # answers it too, while any message that says something would stay listed).
        await ask(bot, mia, "Oke kak, ditunggu ya.")
        assert await check() != drawn
        drawn = await listed()
        holding = {"talent": james.id, "text": "Kami cek dulu, kak.", "holding": True}
        assert (await client.ok("questions-reply", holding))["outcome"] == "sent"
        assert await check() != drawn  # a holding reply: James stays, with it under his question
        drawn = await listed()
        colleague = staff_member(bot, staff_chat)
        await answer_in_group(bot, colleague, staff_chat, "Belum tentu.", mias_question)
        assert await check() != drawn  # answered by a colleague
        drawn = await listed()
        assert shown[-1] == ["James"]
        assert await check() == drawn
        # Checks name nobody on record: only the lists read are, one entry per talent shown.
        named = sum(len(names) for names in shown)
        assert len(audited(bot, "questions_listed")) == entries + named
        # The count alone (every tab, every minute) answers as before; a mark asked for wrongly
        # is refused.
        assert await client.ok("questions-count") == {"total": 1}
        assert (await client.call("questions-count", {"mark": 1}))[0] == 400
        # Keyed: who waits and the log's ids (small, in order) do not make the mark again,
        # so it cannot be tried offline to learn who waits without the listing's entry.
        [listed_james] = (await client.ok("questions"))["talents"]
        lines = listed_james["questions"]
        asked = [line["id"] for line in lines if line["from"] == "in"]
        held = [line["id"] for line in lines if line["holding"]]
        plain = json.dumps([1, [[james.id, asked, held]]], separators=(",", ":")).encode()
        assert asked and held and hashlib.sha256(plain).hexdigest()[:20] != drawn


async def test_new_questions_are_offered_above_the_list_and_typed_replies_survive_show(
    bot: Harness, staff_chat: EmulatedChat, chromium: Chromium, screens: Path | None
) -> None:
    mia, james = bot.user(first_name="Mia"), bot.user(first_name="James")
    await ask(bot, mia, "Apakah tiket pesawat ditanggung?")
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.clock.install()  # the page's minute, moved on by the test
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.locator(".tab[data-view=questions]").click()
        cards = page.locator(".card.question")
        mias = cards.filter(has_text="Mia")
        box = mias.get_by_role("textbox", name=t(Text.WS_QUESTION_REPLY_TO, name="Mia"))
        hold = mias.get_by_role("checkbox", name=t(Text.WS_REPLY_HOLDING))
        draft = "Halo Mia, tiket <b>ditanggung</b> untuk"
        await box.fill(draft)
        await hold.check()
        await box.focus()  # still typing
        # Meanwhile James asks for the first time, and Mia asks again.
        jamess_question = await relayed_question(bot, staff_chat, james, "Bisa minta surat visa?")
        await ask(bot, mia, "Oh ya, visanya juga?")
        bar = page.locator(".fresh")
        assert await bar.is_hidden()
        listed_before = len(audited(bot, "questions_listed"))
        check = await back_in_view(page)
        assert json.loads(check.post_data or "{}") == {"mark": True}
        await bar.wait_for()
        assert await bar.locator("span").inner_text() == t(Text.WS_QUESTIONS_FRESH)
        await page.locator("#questions-count", has_text="2").wait_for()
        # Nothing redrawn under her fingers: the one card, her words, the caret still in it.
        assert await cards.count() == 1
        assert await box.input_value() == draft
        assert await box.evaluate("(box) => box === document.activeElement")
        assert len(audited(bot, "questions_listed")) == listed_before  # a check lists nobody
        await seen.shot(screens, "questions-fresh-bar")
        await bar.get_by_role("button", name=t(Text.WS_QUESTIONS_FRESH_SHOW)).click()
        jamess = cards.filter(has_text="James")
        await jamess.wait_for()
        assert await mias.locator(".log:not(.earlier) .words").all_inner_texts() == [
            "Apakah tiket pesawat ditanggung?",
            "Oh ya, visanya juga?",
        ]
        assert await box.input_value() == draft and await hold.is_checked()
        assert await bar.is_hidden()
        assert [await card.locator("h2").inner_text() for card in await cards.all()] == [
            "Mia",
            "James",
        ]
        # A colleague answers James in the staff group while she types to him; the page's
        # minute comes round.
        to_james = "Halo James, suratnya kami kirim"
        jamess_box = jamess.get_by_role("textbox", name=t(Text.WS_QUESTION_REPLY_TO, name="James"))
        await jamess_box.fill(to_james)
        colleague = staff_member(bot, staff_chat)
        await answer_in_group(bot, colleague, staff_chat, "Bisa, kak.", jamess_question)
        await page.clock.run_for(61_000)
        await bar.wait_for()
        assert await jamess_box.input_value() == to_james  # still there until she asks
        await bar.get_by_role("button", name=t(Text.WS_QUESTIONS_FRESH_SHOW)).click()
        await jamess.wait_for(state="detached")
        # What she typed to him is above the list, to copy; her reply to Mia is where it was.
        kept = page.get_by_role("textbox", name=t(Text.WS_QUESTION_UNSENT, name="James"))
        assert await kept.input_value() == to_james
        assert await box.input_value() == draft
        assert answer_words(james.last_message) == "Bisa, kak."  # only the colleague's answer
        # Leaving the tab stops the checks: only the tab's count is read again.
        await page.locator(".tab[data-view=stats]").click()
        await page.locator(".tab[data-view=stats][aria-current=true]").wait_for()
        await ask(bot, james, "Satu lagi?")
        check = await back_in_view(page)
        assert json.loads(check.post_data or "{}") == {}
        await page.locator("#questions-count", has_text="2").wait_for()
        # Back on the tab: drawn as it is now, her reply to Mia still typed.
        await page.locator(".tab[data-view=questions]").click()
        await jamess.wait_for()
        assert await box.input_value() == draft
        assert await bar.is_hidden()
        assert not seen.errors and not seen.alerts


async def test_a_toast_is_dismissed_with_a_tap_and_never_hides_the_last_card_buttons(
    bot: Harness, staff_chat: EmulatedChat, chromium: Chromium, screens: Path | None
) -> None:
    mia, james = bot.user(first_name="Mia"), bot.user(first_name="James")
    mias_question = await relayed_question(bot, staff_chat, mia, "Apakah tiket ditanggung?")
    await ask(bot, james, "Bisa minta surat visa?")
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size({"width": 320, "height": 640})  # a small phone
        await page.clock.install()  # the toast's own timer moves only when the test says
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.locator(".tab[data-view=questions]").click()
        mias = page.locator(".card.question", has_text="Mia")
        box = mias.get_by_role("textbox", name=t(Text.WS_QUESTION_REPLY_TO, name="Mia"))
        await box.fill("Halo Mia, ditanggung.")
        # A colleague answered her first: the long warning that says so, in a tall toast.
        await answer_in_group(
            bot, staff_member(bot, staff_chat), staff_chat, "Belum tentu.", mias_question
        )
        await mias.get_by_role("button", name=t(Text.WS_REPLY_SEND)).click()
        toast = page.locator("#toast")
        await page.locator("#toast:not([hidden])").wait_for()
        assert await toast.inner_text() == t(Text.WS_QUESTION_GONE)  # readable, whole
        await mias.wait_for(state="detached")
        # The last card's button scrolled as far as it goes: clear of the toast (placed again
        # as the page scrolls under it), pressable.
        jamess = page.locator(".card.question", has_text="James")
        send = jamess.get_by_role("button", name=t(Text.WS_REPLY_SEND))
        # The toast is placed again a frame after the page changes (Mia's card went, the list
        # came back from the server) or scrolls: let that frame run, scroll to the end again,
        # then look at the button and the toast in one go; on a loaded machine the list may
        # come back after the first look (a suite run saw it), so look again until the page
        # has settled, for a few seconds at most.
        for _ in range(40):
            await page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
            await page.clock.run_for(100)
            seen_now = await send.evaluate(
                "(send) => { const box = send.getBoundingClientRect();"
                " const over = document.getElementById('toast').getBoundingClientRect();"
                " return { clear: over.bottom <= box.top || box.bottom <= over.top,"
                " pressable: document.elementFromPoint(box.x + box.width / 2,"
                " box.y + box.height / 2) === send }; }"
            )
            if seen_now == {"clear": True, "pressable": True}:
                break
            await asyncio.sleep(0.1)
        assert seen_now == {"clear": True, "pressable": True}, seen_now
        await seen.shot(screens, "toast-room-phone")
        # Still there after the six seconds an outcome shows (a warning says more).
        await page.clock.run_for(7_000)
        assert await toast.is_visible()
        # A tap takes it away at once (no waiting for its timer).
        await page.evaluate("window.scrollTo(0, 0)")
        await toast.click()
        assert await toast.is_hidden()
        # So does Escape, for an outcome.
        jamess_box = jamess.get_by_role("textbox", name=t(Text.WS_QUESTION_REPLY_TO, name="James"))
        await jamess_box.fill("Bisa, kak.")
        await send.click()
        sent = t(Text.WS_REPLY_SENT, name="James")
        await page.locator("#toast:not([hidden])", has_text=sent).wait_for()
        await page.keyboard.press("Escape")
        assert await toast.is_hidden()
        assert answer_words(james.last_message) == "Bisa, kak."
        assert not seen.errors and not seen.alerts
