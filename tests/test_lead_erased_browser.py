"""A lead erased while its page is open in the workspace (headless Chromium): whatever staff
press next on it (reply, note, assign, log a contact, edit an answer, a stage) says what a stage
move says, that the lead no longer exists or was erased at the talent's request, never "server
error, try again"; and none of the talent's data stays on the screen."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from playwright.async_api import Page

from bot.texts import Text
from tests.browser import Chromium, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded, shown
from tests.test_pipeline import rows

FIRST = 7001
Erase = Callable[[], Awaitable[None]]


def t(key: Text, language: str = "id", **values: Any) -> str:
    return CONTENT.text(key, language, **values)


def talent(number: int) -> dict[str, Any]:
    """A musician of her own: a name, phone and email no other lead has."""
    return {
        **MUSICIAN,
        "full_name": f"Wulan Sekar {'ABCDEF'[number]}",
        "email": f"wulan{number}@example.id",
        "phone": f"0813-5555-010{number}",
    }


async def reply(page: Page, erase: Erase) -> None:
    await page.get_by_placeholder(t(Text.WS_REPLY_PLACEHOLDER)).fill("Halo, kami sudah baca.")
    await erase()
    await page.get_by_role("button", name=t(Text.WS_REPLY_SEND)).click()


async def note(page: Page, erase: Erase) -> None:
    await page.get_by_placeholder(t(Text.WS_NOTE_PLACEHOLDER)).fill("Telepon besok pagi.")
    await erase()
    await page.get_by_role("button", name=t(Text.WS_NOTE_ADD)).click()


async def assign(page: Page, erase: Erase) -> None:
    await erase()
    await page.get_by_role("button", name=t(Text.WS_ASSIGN_ME)).click()


async def contact(page: Page, erase: Erase) -> None:
    await page.get_by_role("button", name=shown(Text.BTN_CONTACTED)).first.click()
    dialog = page.locator("dialog")
    await dialog.get_by_role("textbox").fill("Sudah ditelepon.")
    await erase()  # while the dialog is open
    await dialog.get_by_role("button", name=shown(Text.BTN_CONTACTED)).click()


async def edit(page: Page, erase: Erase) -> None:
    label = CONTENT.questions["city"].label.get("id")
    await page.get_by_role("button", name=t(Text.WS_EDIT_ANSWER, question=label)).click()
    dialog = page.locator("dialog")
    await dialog.get_by_role("textbox").fill("Cimahi")
    await erase()
    await dialog.get_by_role("button", name=t(Text.WS_SAVE), exact=True).click()


async def stage(page: Page, erase: Erase) -> None:
    """As it already was: the words every other action now says too."""
    await erase()
    label = CONTENT.stages["ditinjau"].label.get("id")
    await page.locator(".stage-buttons button", has_text=label).click()


async def test_every_action_on_an_erased_lead_says_so_and_leaves_nothing_of_it(
    bot: Harness, chromium: Chromium
) -> None:
    actions = [reply, note, assign, contact, edit, stage]
    people = [FIRST + number for number in range(len(actions))]
    await seeded(
        bot.database,
        [Seed(user, talent(number), first_name="Wulan") for number, user in enumerate(people)],
    )
    gone, server = t(Text.WS_LEAD_GONE), t(Text.WS_ERROR_SERVER)
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID))
        for number, (user, action) in enumerate(zip(people, actions, strict=True)):
            answers = talent(number)
            await page.locator("tbody tr", has_text=answers["full_name"]).click()
            head = page.locator(".lead-head .name", has_text=answers["full_name"])
            await head.wait_for()
            phone = await page.locator(".contact a").first.inner_text()
            private = [answers["full_name"], phone, answers["email"].lower(), "Bandung"]
            before = await page.inner_text("main")
            assert all(value in before for value in private), (private, before)

            async def erase(user: int = user) -> None:
                """Her talent erases their data (/hapusdata, then yes), as talents do in the
                chat; any toast so far is cleared, so only what the next press says shows."""
                person = bot.emulator.user(user, first_name="Wulan")
                await bot.send(person, "/hapusdata")
                await bot.press(person, shown(Text.BTN_CONFIRM_DELETE))
                await page.evaluate("document.getElementById('toast').hidden = true")

            await action(page, erase)
            toast = page.locator("#toast")
            await page.locator("#toast:not([hidden])").wait_for()
            assert await toast.inner_text() == gone, action.__name__
            assert await toast.get_attribute("data-kind") == "warning", action.__name__
            # The page becomes those same words and a way back: nothing of the talent left.
            await page.locator("main .state", has_text=gone).wait_for()
            await head.wait_for(state="detached")
            shown_now = await page.inner_text("main")
            assert server not in shown_now
            assert not [value for value in private if value in shown_now], action.__name__
            assert await page.locator("main textarea, main .contact, dialog").count() == 0
            await page.get_by_role("button", name=t(Text.WS_BACK)).click()
            await page.locator("tbody tr", has_text=answers["full_name"]).wait_for(state="detached")
        assert not seen.errors and not seen.alerts
    # Nothing was stored for an erased talent, nor sent to them.
    assert rows(bot.database, "SELECT COUNT(*) FROM lead_notes") == [(0,)]
    assert rows(bot.database, "SELECT COUNT(*) FROM applications") == [(0,)]
    for user in people:
        said = [message.text for message in bot.emulator.user(user).messages]
        assert not any("kami sudah baca" in text for text in said)
