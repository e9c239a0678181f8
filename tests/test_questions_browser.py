"""The Questions tab in headless Chromium, on a phone (360 px) and a desktop: a staff member
sees from the main view that a talent who never registered is waiting for an answer, opens the
tab, reads the question (as text, whatever it holds) and answers it there; the talent gets the
answer from the bot and the question leaves the list. A talent with a lead links to their
page."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from playwright.async_api import BrowserContext, Locator, Page, Route

from bot.emulator import EmulatedChat, EmulatedUser
from bot.leads.export import plain_text
from bot.texts import Text
from tests.browser import DESKTOP, PHONE, Chromium, Watched, drawn, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded
from tests.test_support import answer as answer_in_group
from tests.test_support import answer_words, ask, relayed_question, staff_member
from tests.test_workspace_browser import every_look
from tests.workspace import workspace

SCRIPTED = '<img src=x onerror="alert(1)"> apakah tiket pesawat ditanggung?'


def t(key: Text, **values: object) -> str:
    return CONTENT.text(key, "id", **values)


async def in_reach(page: Page, width: float) -> None:
    """Every tab in reach on a phone, by the names the bot's messages use (review s50 L2):
    one row, and the Questions tab, tapped, in sight with its count (the row scrolls sideways
    when the five do not fit)."""
    tops = await page.evaluate(
        "[...document.querySelectorAll('.tab')].map((tab) => tab.getBoundingClientRect().top)"
    )
    assert len(set(tops)) == 1, tops
    questions = page.locator(".tab[data-view=questions]")
    await questions.dispatch_event("click")  # a tap: no scrolling done for it by the test
    box = await questions.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, box


async def answer_one(
    page: Page, talent: EmulatedUser, question: str, words: str, earlier: tuple[str, ...] = ()
) -> None:
    """The badge says someone waits; the tab shows them without a lead (and the exchange
    before a follow-up, `earlier`); the reply goes."""
    badge = page.locator("#questions-count")
    await badge.wait_for()
    assert await badge.inner_text() == "1"
    assert await badge.get_attribute("aria-label") == t(Text.WS_QUESTIONS_COUNT, count=1)
    await page.locator(".tab[data-view=questions]").click()
    card = page.locator(".card.question", has_text=talent.first_name)
    await card.wait_for()
    assert await page.locator("h1.questions-title").inner_text() == t(Text.WS_QUESTIONS_TITLE)
    assert await card.locator("h2").inner_text() == talent.first_name
    language = t(Text.WS_QUESTION_LANGUAGE, name="Indonesia")  # which language to answer in
    no_lead = f"{t(Text.WS_QUESTION_NO_LEAD)} · id {talent.id} · {language}"
    assert await card.locator(".no-lead").inner_text() == no_lead
    assert await card.locator(".log:not(.earlier) .words").all_inner_texts() == [question]
    assert tuple(await card.locator(".log.earlier .words").all_inner_texts()) == earlier
    # Said by her, by name: she has not registered, so she is no "registrant".
    (said_by,) = await card.locator(".log:not(.earlier) .meta").all_inner_texts()
    assert said_by.startswith(f"{talent.first_name} · ")
    box = card.get_by_role("textbox", name=t(Text.WS_QUESTION_REPLY_TO, name=talent.first_name))
    await box.fill(words)
    # Above the box, the heading she gets it under (review s55: staff could not see it).
    foreseen = await card.locator(".reply-heading").inner_text()
    await card.get_by_role("button", name=t(Text.WS_REPLY_SEND)).click()
    toast = page.locator("#toast:not([hidden])")
    await toast.wait_for()
    assert await toast.inner_text() == t(Text.WS_REPLY_SENT, name=talent.first_name)
    heading = talent.last_message.text.removesuffix(words).removesuffix("\n\n")
    assert foreseen == plain_text(t(Text.WS_REPLY_HEADING_SHOWN, heading=heading))
    await card.wait_for(state="detached")
    await page.locator("main .state", has_text=t(Text.WS_QUESTIONS_WAITING_NONE)).wait_for()
    await badge.wait_for(state="hidden")
    assert answer_words(talent.last_message) == words


async def test_a_question_from_a_talent_without_a_lead_is_seen_and_answered(
    bot: Harness, staff_chat: EmulatedChat, chromium: Chromium, screens: Path | None
) -> None:
    sari = bot.user(first_name="Sari")
    # A mother who registered her son: the lead is in his name.
    raka = {**MUSICIAN, "full_name": "<i>Raka</i> Pratama"}
    await seeded(bot.database, [Seed(sari.id, raka, first_name="Sari")])
    mia, james = bot.user(first_name="Mia"), bot.user(first_name="James")
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID))
        for size, viewport, talent, question in (
            ("phone", PHONE, mia, SCRIPTED),
            ("desktop", DESKTOP, james, "Bisa minta surat untuk visa?"),
        ):
            await ask(bot, talent, question)
            await page.set_viewport_size(viewport)  # type: ignore[arg-type]
            await page.locator(".tab[data-view=leads]").click()  # the main view
            await page.locator("tbody tr", has_text=raka["full_name"]).wait_for()
            await page.locator(".tab[data-view=questions]").click()
            await page.locator(".card.question", has_text=talent.first_name).wait_for()
            await page.evaluate("document.getElementById('toast').hidden = true")
            await seen.shot(screens, f"questions-{size}")
            await page.locator(".tab[data-view=leads]").click()
            await answer_one(page, talent, question, f"Halo {talent.first_name}, kami cek dulu.")
            await seen.shot(screens, f"questions-answered-{size}")
            # Every tab is in reach on a phone.
            await in_reach(page, viewport["width"])
            await page.locator(".tab[data-view=leads]").dispatch_event("click")
        # Nor on the narrowest phones, with the count showing (a reviewer's 320 px).
        await ask(bot, james, "Satu lagi?")
        await page.set_viewport_size({"width": 320, "height": 640})
        await page.locator(".tab[data-view=leads]").click()  # the count read again
        await page.locator("#questions-count", has_text="1").wait_for()
        await in_reach(page, 320)
        assert await page.locator("#questions-count").is_visible()
        await seen.shot(screens, "tabs-320")
        await page.locator(".tab[data-view=leads]").dispatch_event("click")
        before = ("Bisa minta surat untuk visa?", "Halo James, kami cek dulu.")  # a follow-up
        await answer_one(page, james, "Satu lagi?", "Tidak, kak.", before)
        # A talent with a lead: their reference opens the lead page; Back comes back here.
        await ask(bot, sari, "Kapan hasil seleksi?")
        await page.locator(".tab[data-view=leads]").click()
        await page.locator("#questions-count", has_text="1").wait_for()
        await page.locator(".tab[data-view=questions]").click()
        card = page.locator(".card.question", has_text="Sari")
        language = t(Text.WS_QUESTION_LANGUAGE, name="Indonesia")
        # Headed by the registered name (as typed, as text) and the reference; her Telegram
        # name, whom the reply goes to, under it (a staff review s59, L4).
        assert await card.locator("h2").inner_text() == "<i>Raka</i> Pratama KOC-000001"
        telegram = t(Text.WS_QUESTION_TELEGRAM, name="Sari")
        assert await card.locator(".telegram").inner_text() == f"{telegram} · {language}"
        await card.locator("h2 a", has_text="KOC-000001").click()
        await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
        # Whose account it came from, at the top of his lead.
        filled_by = t(Text.WS_LEAD_OTHER_NAME, name="Sari")  # Raka is an adult
        assert await page.locator(".lead-head .filled-by").inner_text() == filled_by
        # Above the lead page's reply box too, the heading her answer would go under.
        heading = plain_text(t(Text.SUPPORT_ANSWER_HEADING, question="Kapan hasil seleksi?"))
        foreseen = plain_text(t(Text.WS_REPLY_HEADING_SHOWN, heading=heading))
        assert await page.locator(".reply-heading").inner_text() == foreseen
        await page.get_by_role("button", name=t(Text.WS_BACK)).click()
        await card.wait_for()
        assert not seen.errors and not seen.alerts
    assert answer_words(mia.last_message) == "Halo Mia, kami cek dulu."
    if screens is not None:
        print(f"Questions screenshots: {screens}")


async def test_the_count_comes_by_itself_while_staff_read_a_lead(
    bot: Harness, staff_chat: EmulatedChat, chromium: Chromium
) -> None:
    sari = bot.user(first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    mia = bot.user(first_name="Mia")
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.clock.install()  # the page's timers, moved on by the test
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.locator("table.leads tbody tr").first.click()  # reading Sari's lead
        await page.locator(".stage-now").wait_for()
        badge = page.locator("#questions-count")
        assert await badge.is_hidden()
        await ask(bot, mia, "Halo, ada yang bisa bantu?")
        await page.clock.run_for(59_000)
        assert await badge.is_hidden()  # read once a minute, not on every question
        await page.clock.run_for(2_000)
        await badge.wait_for()
        assert await badge.inner_text() == "1"
        assert seen.errors == []


@asynccontextmanager
async def mia_asked(
    bot: Harness, chromium: Chromium
) -> AsyncIterator[tuple[EmulatedUser, Watched, Locator, Locator]]:
    """Mia has asked the team a question; the admin's page shows her card on the Questions
    tab: Mia, the page, her card and its reply box."""
    mia = bot.user(first_name="Mia")
    await ask(bot, mia, "Apakah tiket pesawat ditanggung?")
    async with served(bot) as base, chromium.context() as context:
        seen, card, box = await mias_card(bot, base, context)
        yield mia, seen, card, box


async def mias_card(
    bot: Harness, base: str, context: BrowserContext
) -> tuple[Watched, Locator, Locator]:
    """The admin's page on the Questions tab: Mia's card and its reply box."""
    seen = await watched(context)
    await seen.page.goto(page_url(base, bot, ADMIN_ID))
    await seen.page.locator(".tab[data-view=questions]").click()
    card = seen.page.locator(".card.question", has_text="Mia")
    return seen, card, card.get_by_role("textbox", name=t(Text.WS_QUESTION_REPLY_TO, name="Mia"))


async def test_a_holding_reply_keeps_the_question_on_the_tab(
    bot: Harness, staff_chat: EmulatedChat, chromium: Chromium, screens: Path | None
) -> None:
    async with mia_asked(bot, chromium) as (mia, seen, card, box):
        page = seen.page
        hold = card.get_by_role("checkbox", name=t(Text.WS_REPLY_HOLDING))
        await box.fill("Kami cek dulu ya, kak.")
        await hold.check()
        await card.get_by_role("button", name=t(Text.WS_REPLY_SEND)).click()
        toast = page.locator("#toast:not([hidden])")
        await toast.wait_for()
        assert await toast.inner_text() == t(Text.WS_REPLY_SENT_HOLDING, name=mia.first_name)
        # Sent, and still listed: the holding reply under the question, by whom, marked.
        held = card.locator("li.kind-staff_answer", has_text="Kami cek dulu ya, kak.")
        await held.wait_for()
        assert answer_words(mia.last_message) == "Kami cek dulu ya, kak."
        meta = await held.locator(".meta").inner_text()
        assert meta.startswith(f"{t(Text.WS_STAFF_ANSWER)} · Admin · ")
        tag = held.locator(".tag.holding")
        assert await tag.inner_text() == t(Text.WS_REPLY_HOLDING_TAG)
        # Readable on the bubble: not in the bubble's own colour.
        assert await tag.evaluate(
            "(tag) => getComputedStyle(tag).color"
            " !== getComputedStyle(tag.closest('li')).backgroundColor"
        )
        assert await page.locator("#questions-count").inner_text() == "1"
        assert not await hold.is_checked()  # the next reply is a full one unless ticked again
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await seen.shot(screens, "questions-holding-phone")
        # The full answer takes her off the list.
        await box.fill("Ya, ditanggung.")
        await card.get_by_role("button", name=t(Text.WS_REPLY_SEND)).click()
        await card.wait_for(state="detached")
        assert answer_words(mia.last_message) == "Ya, ditanggung."
        assert not seen.errors and not seen.alerts


async def test_a_reply_a_colleague_beat_keeps_its_text_to_copy(
    bot: Harness, staff_chat: EmulatedChat, chromium: Chromium, screens: Path | None
) -> None:
    for name in ("Adi", "Bayu", "Citra", "Dodi", "Eka"):  # waiting longer: listed above her
        await ask(bot, bot.user(first_name=name), f"Halo, saya {name}, kapan ada kabar?")
    mia = bot.user(first_name="Mia")
    mark = staff_chat.mark()
    await ask(bot, mia, "Apakah tiket pesawat ditanggung?")
    question = staff_chat.messages_since(mark)[-1]
    async with served(bot) as base, chromium.context() as context:
        seen, card, box = await mias_card(bot, base, context)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        draft = "Halo Mia, <b>tiket</b> ditanggung untuk program tertentu saja."
        await box.fill(draft)  # at the foot of a long list
        # Meanwhile a colleague answers her in the staff group.
        admin = staff_chat.members[ADMIN_ID]
        await bot.act(admin, admin.send, "Belum tentu, kak.", chat=staff_chat, reply_to=question)
        await card.get_by_role("button", name=t(Text.WS_REPLY_SEND)).click()
        await page.locator("#toast:not([hidden])", has_text=t(Text.WS_QUESTION_GONE)).wait_for()
        await card.wait_for(state="detached")  # she no longer waits
        kept = page.get_by_role("textbox", name=t(Text.WS_QUESTION_UNSENT, name="Mia"))
        assert await kept.input_value() == draft  # as typed, as text
        # Kept above the list, and brought into sight there: not out of view, seeming lost.
        # Its label too, below the sticky tabs rather than under them.
        in_sight = "(box) => { const r = box.getBoundingClientRect();"
        in_sight += " const tabs = document.querySelector('header.top').getBoundingClientRect();"
        in_sight += " return r.top >= tabs.bottom && r.bottom <= window.innerHeight; }"
        label = page.locator(".unsent .meta", has_text="Mia")
        assert await kept.evaluate(in_sight) and await label.evaluate(in_sight)
        await seen.shot(screens, "questions-unsent-phone")
        assert answer_words(mia.last_message) == "Belum tentu, kak."  # only the colleague's answer
        # Later, a changed list shown from the bar stays where staff read: not pulled back
        # to the reply refused a while ago (kept above the list all the same).
        await ask(bot, bot.user(first_name="Gita"), "Halo, kapan pengumumannya?")
        await page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
        bar = page.locator(".fresh")
        await bar.wait_for()
        await bar.get_by_role("button", name=t(Text.WS_QUESTIONS_FRESH_SHOW)).click()
        await page.locator(".card.question", has_text="Gita").wait_for()
        assert await kept.input_value() == draft
        assert not await kept.evaluate(in_sight)
        assert not seen.errors and not seen.alerts


async def test_a_draft_stays_when_staff_look_at_another_tab_and_come_back(
    bot: Harness, staff_chat: EmulatedChat, chromium: Chromium
) -> None:
    async with mia_asked(bot, chromium) as (mia, seen, card, box):
        page = seen.page
        # Not registered: her Telegram id tells her from another Mia, as in the staff group.
        no_lead = card.locator(".no-lead")
        language = t(Text.WS_QUESTION_LANGUAGE, name="Indonesia")
        expected = f"{t(Text.WS_QUESTION_NO_LEAD)} · id {mia.id} · {language}"
        assert await no_lead.inner_text() == expected
        await box.fill("Halo Mia, kami cek dulu soal tiket.")
        await page.locator(".tab[data-view=stats]").click()  # a look at the figures
        await page.locator(".tab[data-view=questions]").click()
        await card.wait_for()
        assert await box.input_value() == "Halo Mia, kami cek dulu soal tiket."
        await card.get_by_role("button", name=t(Text.WS_REPLY_SEND)).click()
        await card.wait_for(state="detached")  # sent: she no longer waits
        await ask(bot, mia, "Satu lagi: visa?")  # she asks again: an empty box for the answer
        await page.locator(".tab[data-view=stats]").click()
        await page.locator(".tab[data-view=questions]").click()
        await card.wait_for()
        assert await box.input_value() == ""
        assert not seen.errors and not seen.alerts


async def test_a_slow_tab_left_at_once_does_not_draw_over_the_next(
    bot: Harness, staff_chat: EmulatedChat, chromium: Chromium
) -> None:
    # The Stats tab computes its figures; clicked and left for Questions before they came,
    # it drew over the Questions tab (the tab marked "Questions", the figures shown: a test
    # under load caught it).
    async with mia_asked(bot, chromium) as (_mia, seen, card, _box):
        page = seen.page

        async def slowly(route: Route) -> None:
            await asyncio.sleep(1.5)
            await route.continue_()

        await page.route("**/api/stats", slowly)
        async with page.expect_response("**/api/stats") as figures:
            await page.locator(".tab[data-view=stats]").click()
            await page.locator(".tab[data-view=questions]").click()
            await card.wait_for()
        # The figures have come, and are drawn where they are drawn (2.5 s after the click
        # was taken for that: on busy cores they came later, and nothing was checked).
        await (await figures.value).finished()
        await drawn(page)
        assert await card.is_visible()
        assert await page.locator(".chart-box").count() == 0
        assert not seen.errors and not seen.alerts


async def test_a_message_after_an_answer_first_shows_the_question_it_follows(
    bot: Harness, staff_chat: EmulatedChat, chromium: Chromium, screens: Path | None
) -> None:
    """After /tanya the bot answered first; the talent's next message waits on the tab with
    what it follows (her words as text, markup and all), which a staff member needs to read
    "terus kalau…" at all."""
    dewi = bot.user(first_name="Dewi")
    await bot.send(dewi, "/tanya gmn cara kirim showreel")  # answered first
    await bot.send(dewi, "kalau filenya 3GB gimana kak?")
    rina = bot.user(first_name="Rina")
    asked = "<b>kak ada open call gak?</b>"
    await bot.send(rina, f"/tanya {asked}")  # answered first: nothing goes to staff yet
    await bot.send(rina, "terus kalau saya tinggal di luar jakarta gimana kak?")  # goes on
    gita = bot.user(first_name="Gita")
    await ask(bot, gita, "Bisa minta surat untuk visa?")  # asked staff straight away
    template = CONTENT.messages[Text.WS_QUESTION_FOLLOWS].get("id")
    faq = CONTENT.messages[Text.SUPPORT_ENTRY_FAQ].get("id")  # the entry, and where to read it
    entry = faq.format(title=CONTENT.faq["open_call_now"].question.id)
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.locator(".tab[data-view=questions]").click()
        card = page.locator(".card.question", has_text="Rina")
        await card.wait_for()
        # In the message it is about, above its words.
        bubble = card.locator(".log:not(.earlier) .line")
        follows = bubble.locator(".follows")
        assert await follows.inner_text() == template.format(question=asked, entry=entry)
        assert await follows.locator("b").count() == 0  # her words, never markup
        assert await bubble.locator(".words").all_inner_texts() == [
            "terus kalau saya tinggal di luar jakarta gimana kak?"
        ]
        first = page.locator(".card.question").first  # waiting longest: at the top
        showreel = faq.format(title=CONTENT.faq["showreel_links"].question.id)
        assert await first.locator(".follows").inner_text() == template.format(
            question="gmn cara kirim showreel", entry=showreel
        )
        other = page.locator(".card.question", has_text="Gita")
        assert await other.locator(".follows").count() == 0  # it follows nothing
        await every_look(seen, screens, "questions-follows")  # phone, desktop; light, dark
        assert not seen.errors and not seen.alerts


async def test_a_follow_up_shows_the_earlier_holding_reply_marked_as_one(
    bot: Harness, staff_chat: EmulatedChat, chromium: Chromium, screens: Path | None
) -> None:
    sari = bot.user(first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    question = await relayed_question(bot, staff_chat, sari, "Kapan ada kabar, kak?")
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("reply", {"id": 1, "text": "Sedang kami cek ya.", "holding": True})
        await answer_in_group(
            bot, staff_member(bot, staff_chat), staff_chat, "Minggu depan.", question
        )
        await client.ok("reply", {"id": 1, "text": "Satu lagi: siapkan showreel."})
    await ask(bot, sari, "Boleh bawa kucing ke Seoul?")
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.locator(".tab[data-view=questions]").click()
        card = page.locator(".card.question", has_text="Sari")
        earlier = card.locator(".log.earlier li")
        await earlier.first.wait_for()
        # Sebelumnya: her question, the holding reply (marked, as the thread marks it), the
        # answer and the follow-up (a review: the follow-up pushed the holding reply out).
        words = await card.locator(".log.earlier .words").all_inner_texts()
        assert words == [
            "Kapan ada kabar, kak?",
            "Sedang kami cek ya.",
            "Minggu depan.",
            "Satu lagi: siapkan showreel.",
        ]
        held = card.locator(".log.earlier li", has_text="Sedang kami cek ya.")
        assert await held.locator(".tag.holding").inner_text() == t(Text.WS_REPLY_HOLDING_TAG)
        await held.scroll_into_view_if_needed()
        await seen.shot(screens, "questions-earlier-holding-phone")
        assert not seen.errors and not seen.alerts
