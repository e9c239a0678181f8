"""The Announcements tab in a real browser (headless Chromium): the list of announcements
running, scheduled and ended, and a stop asked once; an announcement's markup stays text."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from playwright.async_api import BrowserContext

from bot.leads.export import wib_words
from bot.texts import Text
from tests.browser import DESKTOP, PHONE, Chromium, Watched, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT
from tests.subscribers import add_subscribers, queue_text, wait_delivered
from tests.test_workspace_broadcasts import audit, said
from tests.test_workspace_browser import hidden_by_the_toast, t

IN_TWO_DAYS = (datetime.now(UTC) + timedelta(days=2)).isoformat(timespec="microseconds")
MARKUP = "Info <img src=x onerror=alert(1)> &lt;script&gt;alert(2)&lt;/script&gt;"
IN_TWO_DAYS_WIB = (datetime.now(UTC) + timedelta(days=2, hours=7)).strftime("%d-%m-%Y %H.%M")
# Typed HTML as the chat takes it; an escaped tag is text recipients read, never markup.
ANNOUNCEMENT = 'Open call <b>MU:CON</b> — &lt;img src=x onerror=alert(1)&gt; R&D <a href="https://mucon.kr">info</a>'
IN_ENGLISH = "Open call in Seoul"


async def on_the_tab(context: BrowserContext, base: str, bot: Harness) -> Watched:
    """The workspace opened by the admin, on the Announcements tab."""
    seen = await watched(context)
    await seen.page.goto(page_url(base, bot, ADMIN_ID))
    await seen.page.get_by_role("button", name=t(Text.WS_TAB_BROADCASTS)).click()
    return seen


async def test_staff_see_a_scheduled_announcement_and_stop_it_once_sure(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    await add_subscribers(bot.store, bot.emulator, 2)
    broadcast_id, _ = await queue_text(bot.store, MARKUP, send_at=IN_TWO_DAYS)
    async with served(bot) as base, chromium.context() as context:
        seen = await on_the_tab(context, base, bot)
        page = seen.page
        item = page.locator(f".broadcasts.active li[data-id='{broadcast_id}']")
        await item.wait_for()
        # What recipients read, as text: an escaped tag shows as typed, a tag never runs.
        assert await item.locator(".excerpt").inner_text() == "Info <script>alert(2)</script>"
        assert await page.locator("main img, main script").count() == 0
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await seen.shot(screens, "broadcasts-list-phone-light")
        # Asked once: No keeps it.
        await item.get_by_role("button", name=t(Text.WS_BROADCAST_STOP)).click()
        dialog = page.locator("dialog")
        await dialog.get_by_role("button", name=said(Text.BTN_BROADCAST_KEEP)).click()
        assert await bot.store.broadcasts.status(broadcast_id) == "queued"
        await item.get_by_role("button", name=t(Text.WS_BROADCAST_STOP)).click()
        await dialog.get_by_role("button", name=said(Text.BTN_BROADCAST_STOP_YES)).click()
        await page.locator(
            "#toast", has_text=said(Text.BROADCAST_STOPPED, id=broadcast_id)
        ).wait_for()
        ended = page.locator(f".broadcasts.ended li[data-id='{broadcast_id}']")
        await ended.wait_for()
        assert await page.locator(".broadcasts.active").count() == 0
        assert await ended.get_by_role("button").count() == 0  # nothing left to stop
    assert await bot.store.broadcasts.status(broadcast_id) == "cancelled"
    assert [actor for actor, _ in await audit(bot, "broadcast_cancelled")] == [ADMIN_ID]
    assert seen.alerts == [] and seen.errors == []


async def test_staff_write_preview_schedule_and_stop_an_announcement(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    await add_subscribers(bot.store, bot.emulator, 2)
    await add_subscribers(bot.store, bot.emulator, 1, language="en")
    admin = bot.emulator.user(ADMIN_ID)
    await bot.send(admin, "/start")
    async with served(bot) as base, chromium.context() as context:
        seen = await on_the_tab(context, base, bot)
        page = seen.page
        writer = page.locator(".broadcast-writer")
        await writer.wait_for()
        # HTML Telegram would refuse: said under the text, nothing previewed.
        await writer.locator("#broadcast-text").fill("Open call <b>MU:CON")
        await writer.get_by_role("button", name=t(Text.WS_BROADCAST_PREVIEW)).click()
        refusal = writer.locator("[data-field=text] [role=alert]")
        main = t(Text.WS_BROADCAST_VERSION_MAIN)
        await refusal.filter(has_text=f"{main}: ").wait_for()
        assert "tag <b> tidak pernah ditutup" in await refusal.inner_text()  # our words
        assert await writer.locator(".broadcast-preview").is_hidden()
        await writer.locator("#broadcast-text").fill(ANNOUNCEMENT)
        await writer.locator("#broadcast-text_en").fill(IN_ENGLISH)
        await writer.locator("#broadcast-audience").select_option("all")
        # The time box shows only for "at a time" (its grey example read as a time set).
        assert await writer.locator("#broadcast-at").is_hidden()
        await writer.get_by_label(t(Text.WS_BROADCAST_LATER), exact=True).check()
        await writer.locator("#broadcast-at").fill(IN_TWO_DAYS_WIB)
        await writer.get_by_role("button", name=t(Text.WS_BROADCAST_PREVIEW)).click()
        preview = writer.locator(".broadcast-preview")
        await preview.wait_for()
        assert await refusal.is_hidden()
        bubbles = preview.locator(".bubble")
        assert await bubbles.count() == 2
        assert await bubbles.first.locator("b").inner_text() == "MU:CON"
        assert await bubbles.first.locator("a").get_attribute("href") == "https://mucon.kr"
        first = await bubbles.first.inner_text()
        assert first.startswith("Open call MU:CON — <img src=x onerror=alert(1)> R&D")
        recipients = t(
            Text.WS_BROADCAST_RECIPIENTS, count=3, audience=t(Text.BROADCAST_AUDIENCE_ALL)
        )
        await preview.locator(".summary", has_text=recipients).wait_for()
        assert await page.locator("main img, main script").count() == 0
        await seen.shot(screens, "broadcast-preview-desktop-light")
        # A preview in the staff member's own chat, as recipients get it.
        mark = bot.emulator.chat(ADMIN_ID).mark()
        await preview.get_by_role("button", name=t(Text.WS_BROADCAST_SEND_ME)).click()
        await page.locator("#toast", has_text=t(Text.WS_BROADCAST_SENT_ME)).wait_for()
        tried = bot.emulator.chat(ADMIN_ID).messages_since(mark)
        assert [message.text.split("\n")[0] for message in tried] == [
            said(Text.BROADCAST_PREVIEW_INTRO),
            first.split("\n")[0],
            said(Text.BROADCAST_PREVIEW_ENGLISH),
            IN_ENGLISH,
        ]
        # Scheduled: in the list with Stop; a second click has nothing left to press.
        schedule = preview.get_by_role("button", name=said(Text.BTN_BROADCAST_SCHEDULE))
        await schedule.click()
        item = page.locator(".broadcasts.active li")
        await item.wait_for()  # the list drawn again, the new one in it
        broadcast_id = int(await item.get_attribute("data-id") or 0)
        queued = await bot.store.broadcasts.get(broadcast_id)
        assert queued is not None and (queued.status, queued.total) == ("queued", 3)
        when = wib_words(CONTENT, queued.send_at, "id")
        scheduled = t(Text.WS_BROADCAST_SCHEDULED, id=broadcast_id, when=when, count=3)
        await page.locator("#toast", has_text=scheduled).wait_for()
        assert queued.english is not None and queued.english.body == IN_ENGLISH
        # How it starts in each language (review s57: the English text was not shown).
        indonesian, english = await item.locator(".excerpt").all_inner_texts()
        assert indonesian.startswith("Open call MU:CON") and english == IN_ENGLISH
        assert await writer.locator("#broadcast-text").input_value() == ""  # ready for the next
        await item.get_by_role("button", name=t(Text.WS_BROADCAST_STOP)).click()
        await (
            page.locator("dialog")
            .get_by_role("button", name=said(Text.BTN_BROADCAST_STOP_YES))
            .click()
        )
        await page.locator(f".broadcasts.ended li[data-id='{broadcast_id}']").wait_for()
    assert await bot.store.broadcasts.status(broadcast_id) == "cancelled"
    [(actor, entry)] = await audit(bot, "broadcast_queued")
    assert (actor, entry["from"], entry["recipients"]) == (ADMIN_ID, "workspace", 3)
    assert [actor for actor, _ in await audit(bot, "broadcast_cancelled")] == [ADMIN_ID]
    assert seen.alerts == [] and seen.errors == []


async def test_the_tab_shows_an_announcement_going_out_without_a_reload(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    """While one is sending, the list is read again by itself: "0 dari 3" becomes the report
    and its Cancel goes (a staff review saw "0 of 4" for a minute after all were delivered);
    a Cancel pressed on the stale row says how it went, as a notice. On a desktop and on a
    phone, where the one just sent is brought into sight (review s55: Send is at the writer's
    foot, the list at the top of the tab, out of sight)."""
    await add_subscribers(bot.store, bot.emulator, 3)
    await bot.send(bot.emulator.user(ADMIN_ID), "/start")
    sent: list[int] = []
    async with served(bot) as base, chromium.context() as context:
        seen = await on_the_tab(context, base, bot)
        page = seen.page
        for size, name in ((DESKTOP, "desktop"), (PHONE, "phone")):
            await page.set_viewport_size(size)  # type: ignore[arg-type]
            words = f"{IN_ENGLISH} ({name})"
            writer = page.locator(".broadcast-writer")
            await writer.locator("#broadcast-text").fill(words)
            await writer.get_by_role("button", name=t(Text.WS_BROADCAST_PREVIEW)).click()
            preview = writer.locator(".broadcast-preview")
            # The preview names the button as it reads.
            button = said(Text.BTN_BROADCAST_SEND)
            goes = t(Text.WS_BROADCAST_GOES_NOW, button=button)
            await preview.locator(".summary", has_text=goes).wait_for()
            assert f"menekan {button}." in goes
            held = bot.emulator.hold("sendMessage", containing=words, times=3)
            await preview.get_by_role("button", name=button).click()
            item = page.locator(".broadcasts.active li")
            await item.wait_for()
            broadcast_id = int(await item.get_attribute("data-id") or 0)
            sent.append(broadcast_id)
            sending = said(Text.BROADCAST_ITEM_SENDING, id=broadcast_id, sent=0, total=3)
            assert await item.locator(".summary").inner_text() == sending
            await asyncio.wait_for(held.arrived.wait(), 15)
            # In sight, whole, below the tabs and under no toast.
            place = await item.bounding_box()
            tabs = await page.locator(".top").bounding_box()
            assert place is not None and tabs is not None
            assert tabs["y"] + tabs["height"] <= place["y"]
            assert place["y"] + place["height"] <= size["height"]
            assert await hidden_by_the_toast(page) == []
            await seen.shot(screens, f"broadcast-sending-{name}-light")
            # Cancel asked while it is still going out; it ends before staff answer.
            await item.get_by_role("button", name=t(Text.WS_BROADCAST_STOP)).click()
            held.release()
            tally = await wait_delivered(bot.store, broadcast_id)
            assert tally.sent == 3
            # The list behind the dialog catches up by itself: no reload, no click.
            ended = page.locator(f".broadcasts.ended li[data-id='{broadcast_id}']")
            await ended.wait_for()
            assert await page.locator(".broadcasts.active").count() == 0
            report = said(Text.BROADCAST_REPORT, "id", id=broadcast_id, **tally.figures())
            headline, figures = report.split("\n", 1)  # only the headline bold (review s57)
            assert await ended.locator(".summary").inner_text() == headline
            assert await ended.locator(".report").inner_text() == figures
            assert await ended.get_by_role("button").count() == 0
            # Ended, it stays in sight where it was, at the top of the live list with its
            # result (review s55: on a phone it left for "Baru selesai", below the writer).
            kept = page.locator(f".broadcasts.just-ended li[data-id='{broadcast_id}']")
            assert await kept.locator(".summary").inner_text() == headline
            assert await kept.locator(".report").inner_text() == figures
            place = await kept.bounding_box()
            assert place is not None and tabs["y"] + tabs["height"] <= place["y"]
            assert place["y"] + place["height"] <= size["height"]
            await seen.shot(screens, f"broadcast-sent-live-{name}")
            await (
                page.locator("dialog")
                .get_by_role("button", name=said(Text.BTN_BROADCAST_STOP_YES))
                .click()
            )
            finished = t(Text.WS_BROADCAST_STOP_FINISHED, id=broadcast_id, sent=3, total=3)
            notice = page.locator("#toast", has_text=finished)
            await notice.wait_for()
            assert await notice.get_attribute("data-kind") == "info"  # not a red error
            await notice.click()  # tapped away, as staff may
            assert await kept.count() == 1  # still there after the stop asked
            await seen.shot(screens, f"broadcast-kept-{name}")
        # Until staff move on: the tab opened again lists it under "Baru selesai" only.
        await page.locator(".tab[data-view=leads]").click()
        await page.locator(".tab[data-view=broadcasts]").click()
        await page.locator(f".broadcasts.ended li[data-id='{sent[-1]}']").wait_for()
        assert await page.locator(".broadcasts.just-ended").count() == 0
    assert [await bot.store.broadcasts.status(one) for one in sent] == ["done", "done"]
    assert await audit(bot, "broadcast_cancelled") == []
    assert seen.alerts == [] and seen.errors == []


async def test_an_ended_announcement_shows_its_report_plainly_and_both_languages(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    """A staff review s57, L8: the "Baru selesai" card set all five report lines bold and
    showed only the Indonesian text, so staff could not check what English subscribers got."""
    await add_subscribers(bot.store, bot.emulator, 2)
    broadcast_id, _ = await queue_text(bot.store, ANNOUNCEMENT, english=IN_ENGLISH)
    tally = await wait_delivered(bot.store, broadcast_id)
    async with served(bot) as base, chromium.context() as context:
        seen = await on_the_tab(context, base, bot)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        item = page.locator(f".broadcasts.ended li[data-id='{broadcast_id}']")
        await item.wait_for()
        report = said(Text.BROADCAST_REPORT, "id", id=broadcast_id, **tally.figures())
        headline, figures = report.split("\n", 1)
        assert await item.locator(".summary").inner_text() == headline
        assert await item.locator(".report").inner_text() == figures
        weight = "(element) => getComputedStyle(element).fontWeight"
        assert int(await item.locator(".summary").evaluate(weight)) >= 600
        assert int(await item.locator(".report").evaluate(weight)) == 400
        assert await item.locator(".version").all_inner_texts() == [
            t(Text.WS_BROADCAST_VERSION_MAIN),
            t(Text.WS_BROADCAST_VERSION_EN),
        ]
        excerpts = await item.locator(".excerpt").all_inner_texts()
        assert excerpts[0].startswith("Open call MU:CON") and excerpts[1] == IN_ENGLISH
        await item.scroll_into_view_if_needed()
        for scheme in ("light", "dark"):
            await page.emulate_media(color_scheme=scheme)
            await seen.shot(screens, f"broadcast-ended-phone-{scheme}")
        assert seen.alerts == [] and seen.errors == []
