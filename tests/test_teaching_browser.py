"""Teaching the bot on the Stats tab, in a real browser (headless Chromium): a question talents
asked is taught to an entry in a dialog, a refusal is said in the dialog with what was chosen
and typed kept, the question is marked answered, a talent asking so is answered, and a taught
wording is removed; a talent's markup stays text throughout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.async_api import Page

from bot.emulator import EmulatedChat
from bot.texts import Text
from tests.browser import PHONE, Chromium, dismiss_toast, page_url, served, watched
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import CONTENT, edit_content, rendered, shown
from tests.test_pipeline import rows
from tests.test_teaching import AFTER, AGAIN, ASKED, FALLBACK
from tests.test_workspace_browser import t
from tests.workspace import workspace

UNSURE = "film sama korea bisa daftar dimana"
COPRODUCTION = CONTENT.programs["coproduction"].title.id
MARKUP = "<b>kalau</b> gagal seleksi <img src=x onerror=alert(1)> bagaimana"


async def test_staff_teach_a_question_in_the_stats_tab_and_a_talent_is_answered(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    sari, budi, dewi = (bot.user(first_name=name) for name in ("Sari", "Budi", "Dewi"))
    await bot.send(sari, ASKED)
    await bot.send(dewi, MARKUP)
    [unsure] = await bot.send(dewi, UNSURE)  # offered entries: she opens one
    await bot.press(dewi, COPRODUCTION, message=unsure)
    for number, topic in enumerate(("zorblat", "quimbex", "frandol", "vestrik", "plonkar",
                                    "murdaxe", "telvorn", "grisbane", "hopwick", "jundrel",
                                    "kestrova", "lumbrix", "nodwey", "oxtrim")):  # fmt: skip
        await bot.send(bot.user(first_name=f"T{number}"), f"resep {topic} gimana")
    [(unanswered,)] = rows(
        bot.database, "SELECT COUNT(*) FROM free_questions WHERE outcome = 'unanswered'"
    )
    assert unanswered > 10  # more than the list shows
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.get_by_role("button", name=t(Text.WS_TAB_STATS)).click()
        # Ten are listed; the others are counted under the list, not left out unsaid.
        more = t(Text.WS_STATS_QUESTIONS_MORE, count=unanswered - 10)
        await page.locator(".questions-more", has_text=more).wait_for()
        line = page.locator(".asked li", has_text=ASKED)
        await line.get_by_role("button", name=t(Text.WS_TEACH_OPEN)).click()
        dialog = page.locator("dialog")
        assert await dialog.locator(".question").inner_text() == f"“{ASKED}”"
        assert await dialog.locator("input.teach-wording").input_value() == ASKED
        entry = dialog.locator("select.teach-entry")
        await entry.select_option("faq:after_registering")
        # The start of the chosen answer shows, as talents will read it, to choose by.
        preview = rendered(AFTER.answer.id).split("\n")[0][:50]
        await dialog.locator(".teach-preview", has_text=preview).wait_for()
        if screens is not None:
            await dialog.screenshot(path=screens / "teach-dialog-phone-light.png")
        # Taught with no entry chosen: asked to choose, the wording kept.
        await entry.select_option("")
        await dialog.get_by_role("button", name=t(Text.WS_TEACH_SAVE)).click()
        await dialog.locator("[role=alert]", has_text=t(Text.WS_TEACH_PICK)).wait_for()
        await dialog.locator("input.teach-wording").fill("gimana ya kak")
        await dialog.locator("select.teach-entry").select_option("faq:after_registering")
        await dialog.get_by_role("button", name=t(Text.WS_TEACH_SAVE)).click()
        # Only chat words: refused in the dialog, the entry still chosen.
        no_words = shown(Text.WS_TEACH_NO_WORDS)
        await dialog.locator("[role=alert]", has_text=no_words.split("(")[0]).wait_for()
        assert await dialog.locator("select.teach-entry").input_value() == ("faq:after_registering")
        await seen.shot(screens, "teach-refused-phone-light")
        await dialog.locator("input.teach-wording").fill(ASKED)
        await dialog.get_by_role("button", name=t(Text.WS_TEACH_SAVE)).click()
        taught = shown(Text.WS_TEACH_SAVED, wording=ASKED, entry=AFTER.question.id)
        await page.locator("#toast", has_text=taught).wait_for()
        assert await page.locator("dialog").count() == 0
        # The question is marked answered now, and listed under what was taught.
        now = t(Text.WS_STATS_QUESTION_NOW, entry=AFTER.question.id)
        await page.locator(".asked li", has_text=ASKED).locator(".now", has_text=now).wait_for()
        # Answered now: no second "Ajari bot" under it (review s49), but "Ganti jawabannya".
        asked = page.locator(".asked li", has_text=ASKED)
        assert await asked.get_by_role("button", name=t(Text.WS_TEACH_OPEN)).count() == 0
        assert await asked.get_by_role("button", name=t(Text.WS_TEACH_CHANGE)).count() == 1
        item = page.locator(".taught li")
        await item.locator(".question", has_text=f"“{ASKED}” → {AFTER.question.id}").wait_for()
        by = t(Text.WS_TAUGHT_BY, name="Admin", when="")
        assert (await item.locator(".meta").inner_text()).startswith(by.removesuffix(",  WIB"))
        await dismiss_toast(page)
        await page.locator(".taught").scroll_into_view_if_needed()
        await seen.shot(screens, "teach-taught-phone-light")
        [answer] = await bot.send(budi, AGAIN)
        assert answer.text.split("\n")[0] == AFTER.question.id

        # Dewi's question, markup and all, is text in the list and in the dialog.
        line = page.locator(".asked li", has_text="gagal seleksi")
        assert MARKUP in await line.locator(".question").inner_text()
        await line.get_by_role("button", name=t(Text.WS_TEACH_OPEN)).click()
        assert MARKUP in await page.locator("dialog .question").inner_text()
        await page.locator("dialog").get_by_role("button", name=t(Text.WS_TEACH_CANCEL)).click()
        assert await page.locator("main img, dialog img, main script").count() == 0

        # Taught again for another entry, by mistake: the dialog offers to move it there.
        line = page.locator(".asked li", has_text=ASKED)
        await line.get_by_role("button", name=t(Text.WS_TEACH_CHANGE)).click()
        entry = page.locator("dialog select.teach-entry")
        assert await entry.input_value() == "faq:after_registering"  # what answers it now
        # Titled as its button said (a desk review: still "Ajari bot").
        assert await dialog.locator("h2").text_content() == t(Text.WS_TEACH_CHANGE)
        await entry.select_option("faq:who_can_apply")
        await dialog.get_by_role("button", name=t(Text.WS_TEACH_SAVE)).click()
        who = CONTENT.faq["who_can_apply"].question.id
        clash = shown(Text.WS_TEACH_CLASH_TAUGHT, text=ASKED, entry=AFTER.question.id, target=who)
        await dialog.locator("[role=alert]", has_text=clash).wait_for()
        await alert_in_sight(page)  # on a phone, above the buttons at the dialog's foot
        await dialog.get_by_role("button", name=t(Text.WS_TEACH_MOVE)).click()
        await item.locator(".question", has_text=f"“{ASKED}” → {who}").wait_for()
        assert await item.count() == 1  # moved, not taught twice

        # A wording that leaves the question unsure is said in the dialog, and undone there.
        line = page.locator(".asked li", has_text=UNSURE)
        await line.get_by_role("button", name=t(Text.WS_TEACH_OPEN)).click()
        await dialog.locator("input.teach-wording").fill("kalau gagal seleksi bagaimana")
        await dialog.get_by_role("button", name=t(Text.WS_TEACH_SAVE)).click()
        unsure_text = shown(
            Text.WS_TEACH_SAVED_UNSURE,
            wording="kalau gagal seleksi bagaimana",
            entry=CONTENT.programs["coproduction"].title.id,  # offered first: chosen at start
            question=UNSURE,
        )
        await dialog.locator("[role=alert]", has_text=unsure_text).wait_for()
        await alert_in_sight(page)
        wording = dialog.locator("input.teach-wording")
        assert await wording.input_value() == "kalau gagal seleksi bagaimana"  # kept to edit
        await dialog.get_by_role("button", name=t(Text.WS_TEACH_UNDO)).click()
        await page.locator("#toast", has_text=t(Text.WS_TEACH_UNDONE)).wait_for()
        assert await item.count() == 1

        # Removed, once confirmed: the talent's next question so gets "nothing close" again.
        await item.get_by_role("button", name=t(Text.WS_TAUGHT_REMOVE)).click()
        confirm = t(Text.WS_TAUGHT_CONFIRM, text=ASKED, entry=who)
        await dialog.locator("p", has_text=confirm).wait_for()
        await dialog.get_by_role("button", name=t(Text.WS_TAUGHT_REMOVE)).click()
        removed = shown(Text.WS_TAUGHT_REMOVED, question=ASKED, entry=who)
        await page.locator("#toast", has_text=removed).wait_for()
        await page.locator(".card", has_text=t(Text.WS_TAUGHT_NONE)).wait_for()
        [answer] = await bot.send(budi, AGAIN)
        assert answer.text.startswith(FALLBACK)

        # A question the bot offered entries for names the one talents opened, and the
        # dialog starts with it chosen.
        line = page.locator(".asked li", has_text=UNSURE)
        chosen = t(Text.WS_STATS_QUESTION_CHOSEN, count=1, entry=COPRODUCTION)
        await line.locator(".chosen", has_text=chosen).wait_for()
        await line.get_by_role("button", name=t(Text.WS_TEACH_OPEN)).click()
        entry = page.locator("dialog select.teach-entry")
        assert await entry.input_value() == "program:coproduction"
        await page.locator("dialog").get_by_role("button", name=t(Text.WS_TEACH_CANCEL)).click()

        # Words filled into a text stay as typed, braces and all (a wording "{entry}" in the
        # Remove confirmation, a name "{count}"): the page's texts are filled in one pass.
        filled = await page.evaluate(
            """async () => {
              const dom = await import("./dom.js");
              dom.useTexts({ confirm: "Hapus “{text}” dari {entry}? ({count:kali|kali})" });
              return dom.t("confirm", { text: "{entry} {count}", entry: "FAQ", count: 2 });
            }"""
        )
        assert filled == "Hapus “{entry} {count}” dari FAQ? (kali)"
    assert seen.alerts == [] and seen.errors == []


async def alert_in_sight(page: Page) -> None:
    """The dialog's message is on screen, not under the buttons kept at the dialog's foot."""
    alert = await page.locator("dialog [role=alert]").bounding_box()
    buttons = await page.locator("dialog .actions").last.bounding_box()
    assert alert is not None and buttons is not None
    assert alert["y"] >= 0 and alert["y"] + alert["height"] <= buttons["y"], (alert, buttons)


async def test_a_taught_wording_the_content_now_says_too_is_marked_in_the_list(
    make_bot: Any, staff_chat: EmulatedChat, content_folder: Path, chromium: Chromium
) -> None:
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID, content_dir=content_folder
    )
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("teach", {"entry": "faq:after_registering", "text": ASKED})

    def say_it_too(data: Any) -> None:
        [who] = [item for item in data["items"] if item["key"] == "who_can_apply"]
        who["ask"]["id"].append("giliran saya kapan")

    edit_content(content_folder, "faq.yaml", say_it_too)
    await bot.send(staff_chat.members[ADMIN_ID], "/reload")
    async with served(bot) as base, chromium.context() as context:
        page = (await watched(context)).page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.get_by_role("button", name=t(Text.WS_TAB_STATS)).click()
        item = page.locator(".taught li", has_text=ASKED)
        note = t(Text.WS_TAUGHT_CLASH, entry=CONTENT.faq["who_can_apply"].question.id)
        await item.locator(".taught-note", has_text=note).wait_for()
        # Removing it is one press away, next to the note.
        await item.get_by_role("button", name=t(Text.WS_TAUGHT_REMOVE)).wait_for()
