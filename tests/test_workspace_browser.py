"""The staff workspace in a real browser (headless Chromium): a desk's walk from search to a
stage message the talent receives once, talents' names that try to run script, a stranger.

Each walk saves screenshots of the screens it passes (phone and desktop, light and dark) in
the test run's temporary folder: docs/staff-guide.md shows the best of them.
"""

from __future__ import annotations

import random
import re
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from playwright.async_api import Page, expect

from bot.emulator import EmulatedChat
from bot.leads.export import plain_text
from bot.store import LogEntry
from bot.store.audit import Actor
from bot.texts import Text
from tests.browser import (
    DESKTOP,
    PHONE,
    Chromium,
    Watched,
    dismiss_toast,
    drawn,
    page_url,
    served,
    watched,
)
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, apply, realistic, seeded, shown
from tests.test_answers import a_week_of_questions
from tests.test_pipeline import expected_message, rows, visible, wait_sent
from tests.test_support import ask

STRANGER = 4242
XSS_NAME = "<img src=x onerror=alert(1)>"
# Stage messages greet by the first word of the Telegram name: one word that is a tag too.
XSS_FIRST_NAME = "<img/src=x/onerror=alert(2)>"
SCRIPT_END = "</script><script>alert(2)</script>"
JS_LINK = "javascript:alert(3)"
QUOTE_BREAK = 'https://x.test/"><img src=x onerror=alert(4)>'  # a link that tries to end its tag
RTL_NAME = "\u202eanaS\u200b Rina\u200d"
XSS_EMAIL = "evil@x.id?cc=a@b.id&<img src=x onerror=alert(4)>"


def t(key: Text, language: str = "id", **values: Any) -> str:
    return CONTENT.text(key, language, **values)


def times(count: int) -> str:
    """How many talents asked a question, as the Stats tab writes it under the question."""
    return t(Text.WS_STATS_QUESTION_TIMES, count=count)


async def wait_text(seen: Watched, selector: str, text: str) -> None:
    """Until an element matching the selector shows this text."""
    await seen.page.locator(selector, has_text=text).first.wait_for()


async def every_look(seen: Watched, screens: Path | None, name: str) -> None:
    """The screen from its top, on a phone and a desktop, light and dark (no toast on it)."""
    page = seen.page
    await dismiss_toast(page)
    await page.evaluate("window.scrollTo(0, 0)")
    for scheme in ("light", "dark"):
        await page.emulate_media(color_scheme=scheme)
        for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            await page.set_viewport_size(viewport)  # type: ignore[arg-type]
            await seen.shot(screens, f"{name}-{size}-{scheme}")
    await page.emulate_media(color_scheme="light")
    await page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]


async def test_a_desk_walk_from_search_to_one_stage_message(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    talent = bot.user(first_name="Sari")
    reference = await apply(bot, talent, MUSICIAN)
    rng = random.Random(11)
    others = [realistic(rng) for _ in range(1, 30)]
    for answers in others:  # none the search below finds but hers ("Sari Dewi Lestari")
        if answers["full_name"] == "Dewi Lestari":
            answers["full_name"] = "Intan Siregar"
    await seeded(bot.database, [Seed(7000 + n, answers) for n, answers in enumerate(others, 1)])
    await a_week_of_questions(bot, talent, bot.user(first_name="Budi"))  # for Stats
    # A third talent asks one of its questions in other words, with markup: shown as text.
    other_wording = "nasi goreng enak, cara bikinnya <b>gimana</b>"
    await bot.send(bot.user(first_name="Dewi"), other_wording)
    with sqlite3.connect(bot.database) as db:  # as if asked before its phrasing was added
        db.execute(
            "UPDATE free_questions SET outcome = 'unanswered', entry = NULL WHERE text = ?",
            ("kak ada open call gak?",),
        )
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.locator("table.leads tbody tr").nth(20).wait_for()
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await shows_more_sideways(page, ".chips")  # the stage chips, clipped on a phone
        await page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
        # On a laptop every column is on screen, the last one (when last active) too: a
        # date may break before its time rather than push the table past the edge.
        edges = await page.evaluate(
            """() => [document.documentElement.clientWidth,
              ...[...document.querySelectorAll("table.leads th, table.leads td")].map(
                (cell) => cell.getBoundingClientRect().right)]"""
        )
        assert max(edges[1:]) <= edges[0], edges[:1] + sorted(edges[1:])[-3:]
        await every_look(seen, screens, "leads")

        # A province's alias in a search: the list says how it read it.
        await page.get_by_role("searchbox").fill("dewi jabar")
        read = t(Text.LEAD_SEARCH_PLACE, words="jabar", place="Jawa Barat")
        await wait_text(seen, ".search-places p", read)
        await every_look(seen, screens, "leads-search-place")
        await page.get_by_role("searchbox").fill("dewi les")  # a part of her name
        await page.locator("tbody tr", has_text=MUSICIAN["full_name"]).wait_for()
        await page.locator("tbody tr").nth(1).wait_for(state="detached")
        # Her row and no second one held on the list before it too ("dewi jabar"): the chip
        # naming the search says this one is drawn.
        await page.locator(".chosen-filters [data-filter=q]", has_text="dewi les").wait_for()
        # The stage chip in the row of counts: once pressed, "Tahap: Baru" comes with the
        # filters in use, a chip that names the stage too.
        await page.locator(".chips .chip", has_text=CONTENT.stages["baru"].label.id).click()
        await page.locator(".chips .chip[aria-pressed=true]", has_text="Baru").wait_for()
        assert await page.locator("tbody tr").count() == 1

        await page.locator("tbody tr td.col-name").click()
        await wait_text(seen, ".lead-head", reference)
        # Her history starts, as /lead's does, with the registration sent.
        await wait_text(seen, "li.submitted", t(Text.WS_HISTORY_SUBMITTED))
        await page.get_by_placeholder(t(Text.WS_NOTE_PLACEHOLDER)).fill("Vokal kuat, cek jadwal")
        await page.get_by_role("button", name=t(Text.WS_NOTE_ADD)).click()
        await wait_text(seen, ".notes li", "Vokal kuat, cek jadwal")
        # FORWARD_TO is set here: every stage can be chosen, and nothing says otherwise.
        assert await page.locator(".stage-buttons button:disabled").count() == 1  # her stage
        assert await page.locator(".closed-stages").count() == 0
        await every_look(seen, screens, "lead")

        mark = talent.mark()
        await page.locator(".stage-buttons button", has_text="Shortlist").click()
        bubble = page.locator("dialog .bubble")
        await bubble.wait_for()
        message = expected_message("shortlist", reference, MUSICIAN["full_name"])
        assert (await bubble.inner_text()).split() == _visible(message).split()
        assert talent.messages_since(mark) == []  # nothing goes before "Send update"
        await every_look(seen, screens, "preview")
        await page.get_by_role("button", name=t(Text.BTN_SEND_UPDATE)).click()
        await wait_text(seen, ".stage-now", "Shortlist")
        await wait_sent(bot, 1)
        got = [m for m in talent.messages_since(mark) if reference in m.text]
        assert len(got) == 1 and got[0].text == _visible(message)

        await page.get_by_role("button", name=t(Text.WS_TAB_BOARD)).click()
        await page.locator(".column[data-stage=shortlist] .board-card").wait_for()
        # A laptop's 1,280 px shows every column, the outcome last (a new staff member looked
        # for it behind the fade); narrower, the row scrolls and says so.
        await page.set_viewport_size({"width": 1280, "height": 800})
        await page.locator(".sideways:not([data-more-right]):has(> .board)").wait_for()
        assert await page.locator(".board").evaluate("(b) => b.scrollWidth <= b.clientWidth + 1")
        await page.set_viewport_size({"width": 1024, "height": 800})
        await shows_more_sideways(page, ".board")  # the last column half shown
        await page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
        await every_look(seen, screens, "board")
        await page.get_by_role("button", name=t(Text.WS_TAB_STATS)).click()
        await page.locator("svg.chart").wait_for()
        # The question the content answers now (staff added its phrasing) is marked so.
        open_call = CONTENT.faq["open_call_now"].question.id
        now_answered = t(Text.WS_STATS_QUESTION_NOW, entry=open_call)
        rejected_with = t(Text.WS_STATS_NOT_THIS_ANSWERED, entry=open_call)  # Budi's "Not this"
        for viewport in (DESKTOP, PHONE):
            await page.set_viewport_size(viewport)  # type: ignore[arg-type]
            await chart_fits(page)
            assert await questions_shown(page) == (
                {
                    t(Text.WS_STATS_ANSWERED): "1",
                    t(Text.WS_STATS_SUGGESTED): "1",
                    t(Text.WS_STATS_UNANSWERED): "5",
                },
                [
                    f"Cara bikin nasi goreng enak? {times(3)} {t(Text.WS_STATS_QUESTION_OTHERS)}"
                    f" “{other_wording}”",
                    f"jual akun ml, hubungi <email> atau <number> {times(1)}",
                    f"kak ada open call gak? {times(1)} {now_answered}",
                    f"film sama korea bisa daftar dimana {times(1)}",  # given suggestions
                    f"kapan open call film {times(1)} · {rejected_with}",
                ],
            )
            not_this = t(Text.WS_STATS_NOT_THIS, count=1)  # under "answered directly"
            await page.locator(".numbers div:first-child dd.hint", has_text=not_this).wait_for()
        for scheme in ("light", "dark"):  # the card further down, on a phone
            await page.emulate_media(color_scheme=scheme)
            await page.locator(".asked").last.scroll_into_view_if_needed()
            await seen.shot(screens, f"stats-questions-phone-{scheme}")
        await page.emulate_media(color_scheme="light")
        await page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
        await every_look(seen, screens, "stats")
    assert seen.alerts == [] and seen.errors == []
    if screens is not None:
        print(f"Workspace screenshots: {screens}")


async def shows_more_sideways(page: Page, row: str) -> None:
    """The row is clipped at the right, and its right edge fades (its left too once scrolled)."""
    frame = page.locator(f".sideways:has(> {row})")
    await page.locator(f".sideways[data-more-right]:has(> {row})").wait_for()
    assert await frame.evaluate("(f) => getComputedStyle(f, '::after').visibility") == "visible"
    assert await frame.evaluate("(f) => getComputedStyle(f, '::before').visibility") == "hidden"
    await page.locator(row).evaluate("(r) => r.scrollTo(r.scrollWidth, 0)")
    await page.locator(f".sideways[data-more-left]:not([data-more-right]):has(> {row})").wait_for()
    assert await frame.evaluate("(f) => getComputedStyle(f, '::after').visibility") == "hidden"
    await page.locator(row).evaluate("(r) => r.scrollTo(0, 0)")
    await page.locator(f".sideways:not([data-more-left]):has(> {row})").wait_for()


async def chart_fits(page: Page) -> None:
    """The leads-per-day chart spans its card, and its date labels are readable, apart and
    evenly spaced, the last day's among them."""
    await page.wait_for_function(
        "() => { const c = document.querySelector('svg.chart');"
        " return c && c.getBoundingClientRect().width === c.parentElement.clientWidth; }"
    )
    drawn = await page.locator("svg.chart").evaluate(
        """(chart) => {
          const card = chart.closest(".card");
          const style = getComputedStyle(card);
          const box = (element) => element.getBoundingClientRect();
          return {
            width: box(chart).width, left: box(chart).left, right: box(chart).right,
            inner: card.clientWidth - parseFloat(style.paddingLeft)
              - parseFloat(style.paddingRight),
            days: [...chart.querySelectorAll("rect title")].map((title) => title.textContent),
            labels: [...chart.querySelectorAll("text.day")].map((label) => ({
              text: label.textContent, left: box(label).left, right: box(label).right,
              height: box(label).height })),
          };
        }"""
    )
    assert drawn["width"] >= drawn["inner"] - 1
    labels = sorted(drawn["labels"], key=lambda label: label["left"])
    days = [title.rsplit(":", 1)[0] for title in drawn["days"]]
    assert len(labels) >= 2 and labels[-1]["text"] == days[-1]
    # Every Nth day, evenly: no date left out here and there.
    shown_days = [days.index(label["text"]) for label in labels]
    assert len({after - day for day, after in pairwise(shown_days)}) == 1, shown_days
    for label, after in pairwise(labels):
        assert label["right"] < after["left"], (label, after)
    for label in labels:
        assert label["height"] >= 11 and drawn["left"] <= label["left"]
        assert label["right"] <= drawn["right"] + 0.5


async def questions_shown(page: Page, language: str = "id") -> tuple[dict[str, str], list[str]]:
    """The "Questions this week" card's figures and most asked unanswered questions, as
    read; each whole inside the card (nothing cut off or running past its edge)."""
    card = page.locator(".card", has_text=t(Text.WS_STATS_QUESTIONS, language))
    await card.wait_for()
    fits = await card.evaluate(
        """(card) => [card, ...card.querySelectorAll("dl div, li")].every((part) =>
          part.scrollWidth <= part.clientWidth + 1
          && part.getBoundingClientRect().right <= card.getBoundingClientRect().right + 0.5)"""
    )
    assert fits
    figures = {
        await figure.locator("dt").inner_text(): await figure.locator("dd").first.inner_text()
        for figure in await card.locator("dl.numbers > div").all()
    }
    # Each question ends with its "Teach the bot" button; one the bot answers now (marked
    # "✅ kini dijawab") with "Change its answer" instead (review s49: not a second "Teach").
    teach, change = t(Text.WS_TEACH_OPEN, language), t(Text.WS_TEACH_CHANGE, language)
    answered_now = t(Text.WS_STATS_QUESTION_NOW, language, entry="").strip()
    top = [" ".join((await item.inner_text()).split()) for item in await card.locator("li").all()]
    pairs = [(item, change if answered_now in item else teach) for item in top]
    assert all(item.endswith(f" {button}") for item, button in pairs), top
    return figures, [item.removesuffix(f" {button}") for item, button in pairs]


def _visible(telegram_html: str) -> str:
    """A Telegram HTML message as the talent reads it."""
    from tests.leads import rendered

    return rendered(telegram_html)


async def test_names_that_try_to_run_script_stay_text_everywhere(
    bot: Harness, chromium: Chromium
) -> None:
    strange = {
        **MUSICIAN,
        "full_name": XSS_NAME,
        "stage_name": SCRIPT_END,
        "city": JS_LINK,
        "portfolio_url": JS_LINK,
        "other_links": (
            f"https://vimeo.com/123456\n{QUOTE_BREAK}\n(https://soundcloud.com/sari),"
            "\ninstagram.com/rina.senja 1.5/2"
        ),
        "email": XSS_EMAIL,
    }
    await seeded(
        bot.database,
        [
            Seed(7001, strange, first_name=XSS_FIRST_NAME),
            Seed(7002, {**MUSICIAN, "full_name": RTL_NAME}),
        ],
    )
    await bot.store.log.add(LogEntry(7001, 7001, "in", "text", f"{SCRIPT_END} {XSS_NAME}"))
    await bot.send(bot.user(first_name="Rina"), XSS_NAME)  # a free question nothing answers
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID))
        names = page.locator("tbody td.col-name")
        await names.nth(1).wait_for()
        assert sorted(await names.locator(".name").all_inner_texts()) == sorted(
            [XSS_NAME, RTL_NAME]
        )
        # The two share a phone number: each row says so, in the chat's words; the lead sent
        # second is the possible duplicate, the first one only has one.
        same_phone = t(Text.RECORDS_SAME_PHONE)
        await page.locator(".notice.mark", has_text=f"KOC-000001: {same_phone}").wait_for()
        later = f"duplikat: KOC-000002, dikirim kemudian ({same_phone})"
        await page.locator(".notice.mark", has_text=later).wait_for()
        await page.locator("tbody tr", has_text=XSS_NAME).locator("td.col-name").click()
        await page.locator(".lead-head .name", has_text=XSS_NAME).wait_for()
        await page.locator(".duplicates .notice.mark", has_text=later).wait_for()
        close = t(Text.BTN_CLOSE_DUPLICATE, reference="KOC-000002")
        assert await page.get_by_role("button", name=close).count() == 0  # the original stays
        body = await page.locator("main").inner_text()
        for shown in (SCRIPT_END, JS_LINK, f"{SCRIPT_END} {XSS_NAME}", XSS_EMAIL):
            assert shown in body
        # The email is the text of a mailto: link that adds no header; the phone a wa.me link.
        mail = page.locator(".contact a[href^='mailto:']")
        assert await mail.inner_text() == XSS_EMAIL
        assert "?" not in (await mail.get_attribute("href") or "")
        assert await page.locator(".contact a[href^='https://wa.me/']").count() == 1
        # A web address a talent gave opens from the page (a new staff member copied a
        # showreel's to watch it); "javascript:" stays text, and a quote ends no attribute.
        showreel = page.locator(".answers a[href='https://vimeo.com/123456']")
        assert await showreel.get_attribute("rel") == "noopener noreferrer"
        assert await page.locator("main a[href^='javascript']").count() == 0
        # The sentence's punctuation stays outside the link (an attacker's review).
        around = page.locator(".answers a[href='https://soundcloud.com/sari']")
        assert await around.inner_text() == "https://soundcloud.com/sari"
        # Typed without https:// it is a link too (https), as typed; "1.5/2" is no address.
        bare = page.locator(".answers a[href='https://instagram.com/rina.senja']")
        assert await bare.inner_text() == "instagram.com/rina.senja"
        assert await page.locator(".answers a", has_text="1.5/2").count() == 0
        assert await page.locator("main img").count() == 0
        assert QUOTE_BREAK in body
        # Correcting the city starts from its current value, as text.
        label = CONTENT.questions["city"].label.id
        await page.get_by_role("button", name=t(Text.WS_EDIT_ANSWER, question=label)).click()
        assert await page.locator("dialog textarea").input_value() == JS_LINK
        await page.get_by_role("button", name=t(Text.BTN_CANCEL)).click()
        # Contacted in one step: the stage and the note together.
        await page.get_by_role("button", name=t(Text.BTN_CONTACTED)).first.click()
        # "akan dipindahkan", not the informal "dipindah" (a staff review, s54).
        prompt = await page.locator("dialog p").first.inner_text()
        assert " akan dipindahkan ke " in prompt, prompt
        await page.locator("dialog input").fill("WA 12/1, tertarik MU:CON")
        await page.locator("dialog").get_by_role("button", name=t(Text.BTN_CONTACTED)).click()
        await wait_text(seen, ".stage-now", CONTENT.stages["dihubungi"].label.id)
        # Its own stage's button is marked current, and not greyed out as unavailable ones are.
        current = page.locator(".stage-buttons button[aria-current='true']")
        assert await current.inner_text() == CONTENT.stages["dihubungi"].label.id
        opacity = await current.evaluate("(button) => getComputedStyle(button).opacity")
        assert opacity == "1"
        await wait_text(seen, ".notes li", "WA 12/1, tertarik MU:CON")
        # A second contact, now at Dihubungi: the prompt says the lead stays where it is
        # before anything is pressed (the button never moves a lead back).
        reference = await page.locator(".lead-head .reference").inner_text()
        await page.get_by_role("button", name=t(Text.BTN_CONTACTED)).first.click()
        stays = t(
            Text.WS_CONTACTED_PROMPT_STAYS,
            reference=reference,
            stage=CONTENT.stages["dihubungi"].label.id,
        )
        assert await page.locator("dialog p").first.inner_text() == stays
        # The note is then the contact's only record: no press without one.
        press = page.locator("dialog").get_by_role("button", name=t(Text.BTN_CONTACTED))
        assert await press.is_disabled()
        await page.locator("dialog input").fill("   ")
        assert await press.is_disabled()
        await page.locator("dialog input").fill("Telepon, minta showreel baru")
        assert await press.is_enabled()
        await page.locator("dialog").get_by_role("button", name=t(Text.BTN_CANCEL)).click()
        await page.locator(".stage-buttons button", has_text="Shortlist").click()
        # The preview too (the talent's message greets them by their first name).
        await page.locator("dialog .bubble", has_text=XSS_FIRST_NAME).wait_for()
        await page.get_by_role("button", name=t(Text.BTN_CANCEL)).click()
        # A reply's toast names her as the page does: as text.
        her = bot.user(user_id=7001, first_name=XSS_FIRST_NAME)  # her Telegram chat, to reach
        await bot.send(her, "/start")
        await page.get_by_placeholder(t(Text.WS_REPLY_PLACEHOLDER)).fill("Halo!")
        await page.get_by_role("button", name=t(Text.WS_REPLY_SEND)).click()
        sent = plain_text(t(Text.WS_REPLY_SENT, name=XSS_NAME))
        assert XSS_NAME in sent
        await page.locator("#toast:not([hidden])", has_text=sent).wait_for()
        assert await page.locator("#toast img").count() == 0
        assert her.last_message.text.endswith("Halo!")
        # Opened from the table, the lead page keeps Pendaftar marked (none was, review s55).
        marked = page.locator(".tab[aria-current=true]")
        assert await marked.get_attribute("data-view") == "leads"
        await page.get_by_role("button", name=t(Text.WS_TAB_BOARD)).click()
        await page.locator(".board-card .name", has_text=XSS_NAME).wait_for()
        # Her toast went with her page: it does not stay over the next (review s55).
        assert await page.locator("#toast").is_hidden()
        await page.locator(".board-card", has_text=XSS_NAME).locator("button.open").click()
        await page.locator(".lead-head .name", has_text=XSS_NAME).wait_for()
        assert await marked.get_attribute("data-view") == "board"  # where Back goes
        await page.get_by_role("button", name=t(Text.WS_BACK)).first.click()
        await page.locator(".board-card .name", has_text=XSS_NAME).wait_for()
        assert await page.locator("main img, dialog img, main script").count() == 0
        assert await page.locator("a[href^='javascript']").count() == 0
        assert await page.evaluate("document.querySelectorAll('[onerror]').length") == 0
        # Her question among the week's unanswered in Stats: its summary shown as typed.
        await page.get_by_role("button", name=t(Text.WS_TAB_STATS)).click()
        _, top = await questions_shown(page)
        assert top == [f"{XSS_NAME} {times(1)}"]
        assert await page.locator("main img, main script").count() == 0
        assert await page.evaluate("document.querySelectorAll('[onerror]').length") == 0
    assert seen.alerts == [] and seen.errors == []


async def test_with_nothing_passed_on_the_forwarded_stage_is_closed_before_any_click(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    """FORWARD_TO unset: the lead page, the board and the bulk move say up front that no lead
    can enter the forwarding stage, in the chat's words; a card dropped there stays put and
    nothing is asked of the server."""
    bot.settings.forward_to = None
    today = datetime.now(UTC).isoformat(timespec="microseconds")  # new today, as in the guide
    first = Seed(7001, MUSICIAN, today, first_name="Sari")
    await seeded(bot.database, [first, Seed(7002, realistic(random.Random(5)))])
    label = CONTENT.stages["diteruskan"].label
    line = t(Text.PIPELINE_WARNING_FORWARDING_OFF, stages=label.get("id"))
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url.rsplit("/", 1)[-1]))
        await page.goto(page_url(base, bot, ADMIN_ID))
        sari = page.locator("tbody tr", has_text=MUSICIAN["full_name"])
        await sari.locator("td.col-name").click()
        await wait_text(seen, ".lead-head", "KOC-000001")
        closed = page.locator(".stage-buttons button", has_text=label.get("id"))
        assert await closed.is_disabled()
        assert await closed.get_attribute("aria-disabled") == "true"
        said = page.locator(".closed-stages")
        assert await said.count() == 1 and await said.is_visible()
        assert await said.inner_text() == line
        # In staff's words, not a setting's name (a staff review, s54: "FORWARD_TO belum
        # diatur" on every lead page); the refusal on a press still names it for the admin.
        assert "FORWARD_TO" not in line and "tidak dipakai" in line
        assert await closed.get_attribute("aria-describedby") == await said.get_attribute("id")
        shortlist = page.locator(".stage-buttons button", has_text="Shortlist")
        assert await shortlist.is_enabled()
        assert await shortlist.get_attribute("aria-disabled") is None
        await seen.shot(screens, "lead-forwarding-off-desktop")
        # As a new desk first sees a lead (FORWARD_TO unset by default): the staff guide's
        # picture of one lead on a phone (a staff review s57: it showed Diteruskan active).
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await seen.shot(screens, "lead-forwarding-off-phone-light")
        await page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]

        await page.get_by_role("button", name=t(Text.WS_TAB_BOARD)).click()
        column = page.locator(".column[data-stage=diteruskan]")
        await column.locator(".closed-stages", has_text=line).wait_for()
        assert await page.locator(".column.closed").count() == 1
        assert await column.get_attribute("class") == "column closed"
        picker = page.locator(".board-card select").first
        assert await picker.locator("option[value=diteruskan]").is_disabled()
        assert await picker.locator("option[value=shortlist]").is_enabled()
        await page.locator(".column[data-stage=baru] .board-card").first.drag_to(column)
        await page.locator("#toast", has_text=line).wait_for()
        assert await page.locator(".column[data-stage=baru] .board-card").count() == 2
        await seen.shot(screens, "board-forwarding-off-desktop")

        await page.get_by_role("button", name=t(Text.WS_TAB_LEADS)).click()
        await page.get_by_label(t(Text.WS_SELECT_ROW, reference="KOC-000002"), exact=True).check()
        await page.get_by_role("button", name=t(Text.WS_MOVE_SELECTED)).click()
        offered = page.locator("dialog .stage-buttons button", has_text=label.get("id"))
        assert await offered.is_disabled()
        await page.locator("dialog .closed-stages", has_text=line).wait_for()
        await page.locator("dialog").get_by_role("button", name=t(Text.BTN_CANCEL)).click()

        # In the viewer's language.
        seen_en = await watched(context)
        await seen_en.page.goto(page_url(base, bot, ADMIN_ID, language="en"))
        await seen_en.page.get_by_role("button", name=t(Text.WS_TAB_BOARD, "en")).click()
        english = t(Text.PIPELINE_WARNING_FORWARDING_OFF, "en", stages=label.get("en"))
        await wait_text(seen_en, ".column[data-stage=diteruskan] .closed-stages", english)
    assert seen_en.alerts == [] and seen_en.errors == []
    assert not {"preview", "move", "bulk-preview", "bulk-move"} & set(asked)
    assert rows(bot.database, "SELECT stage FROM lead_pipeline") == [("baru",), ("baru",)]
    assert rows(bot.database, "SELECT 1 FROM audit_log WHERE action LIKE 'stage_change%'") == []
    assert seen.alerts == [] and seen.errors == []


async def test_a_stranger_sees_a_refusal_and_no_talent_data(
    bot: Harness, chromium: Chromium
) -> None:
    await seeded(bot.database, [Seed(7001, {**MUSICIAN, "full_name": "Rina Wulandari"})])
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, STRANGER, language="en"))
        await page.locator(".refused").wait_for()
        text = await page.locator("body").inner_text()
        assert t(Text.WS_REFUSED_FORBIDDEN, "en") in text
        assert "Rina" not in text and "KOC-" not in text
        await page.goto(f"{base}/staff/")  # no init data at all (not opened from Telegram)
        await page.locator(".refused").wait_for()
        text = await page.locator("body").inner_text()
        assert t(Text.WS_REFUSED_OUTSIDE_TELEGRAM, "en") in text and "Rina" not in text
        # The stranger's refused data was not kept: reloaded, the page has none either.
        await page.reload()
        await wait_text(seen, ".refused p", t(Text.WS_REFUSED_OUTSIDE_TELEGRAM, "en"))
    assert seen.alerts == [] and seen.errors == []


async def test_a_reload_keeps_the_workspace_and_the_lead_open(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    """Review s50 L1: the page took its link out of the address bar, so a reload was a dead
    end blaming an expired link. The signed data is kept for the tab's life in session
    storage (never a cookie or the address), checked by the bot on every request."""
    await seeded(bot.database, [Seed(7001, {**MUSICIAN, "full_name": "Rina Wulandari"})])
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size({"width": 400, "height": 860})
        await page.goto(page_url(base, bot, ADMIN_ID, language="id"))
        await page.locator("table.leads").wait_for()
        assert "tgWebAppData" not in page.url  # out of the address bar, as before
        await page.reload()
        await page.locator("table.leads").wait_for()  # not "open it from Telegram"
        await page.get_by_text("Rina Wulandari").first.click()
        await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
        assert page.url.endswith("/staff/#lead/KOC-000001")  # its reference: no one's data
        await page.reload()
        await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
        await seen.shot(screens, "reload-lead-400-light")
        kept = await page.evaluate("sessionStorage.getItem('ws-init-data')")
        assert kept and f"%22id%22%3A{ADMIN_ID}" in kept
        assert await context.cookies() == [] and await page.evaluate("document.cookie") == ""
        assert "tgWebAppData" not in page.url and "hash" not in page.url
        # Another tab (its own session storage) has nothing to sign in with.
        other = await context.new_page()
        await other.goto(f"{base}/staff/")
        await other.locator(".refused").wait_for()
        # (in the browser's language: nothing of this tab's staff member is known there)
        assert t(Text.WS_REFUSED_OUTSIDE_TELEGRAM, "en") in await other.inner_text("body")
        await other.close()
        # Data the bot no longer takes (too old) is refused on every call and then forgotten.
        await page.goto("about:blank")
        await page.goto(page_url(base, bot, ADMIN_ID, auth_date=int(time.time()) - 7 * 86400))
        await wait_text(seen, ".refused p", t(Text.WS_REFUSED_UNAUTHORIZED, "id"))
        assert await page.evaluate("sessionStorage.getItem('ws-init-data')") is None
        await page.reload()
        await wait_text(seen, ".refused p", t(Text.WS_REFUSED_OUTSIDE_TELEGRAM, "id"))
    assert seen.alerts == [] and seen.errors == []


async def test_an_empty_desk_says_there_is_nothing_yet(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID, language="en"))
        await wait_text(seen, "main .state", t(Text.WS_LEADS_NONE, "en"))
        await page.get_by_role("searchbox").fill("rina")  # a search: then nothing matches,
        # and the page says what a search looks in, as /lead does (a staff review s57).
        searched = plain_text(t(Text.LEAD_SEARCH_NONE, "en", words="rina"))
        await wait_text(seen, "main .state.search-none", searched)
        await page.get_by_role("button", name=t(Text.WS_TAB_STATS, "en")).click()
        days = page.locator(".card", has_text=t(Text.WS_STATS_DAYS, "en"))
        await days.locator(".hint", has_text=t(Text.WS_STATS_NONE, "en")).wait_for()
        assert await page.locator("svg.chart").count() == 0
        asked = page.locator(".card", has_text=t(Text.WS_STATS_QUESTIONS, "en"))
        await asked.locator(".hint", has_text=t(Text.WS_STATS_QUESTIONS_NONE, "en")).wait_for()
        assert await asked.locator("dl, li").count() == 0  # a line, not empty figures
        await seen.shot(screens, "stats-empty-desktop-en")
    assert seen.alerts == [] and seen.errors == []


async def test_a_browser_test_starts_with_nothing_an_earlier_one_kept(
    bot: Harness, chromium: Chromium
) -> None:
    """One Chromium serves every browser test of a process (tests/conftest.py): each test's
    context starts without the cookies and storage another one left, as a profile of its own
    did. Here two contexts on the very same workspace address, one after the other."""
    async with served(bot) as base:
        async with chromium.context() as first:
            page = (await watched(first)).page
            await page.goto(page_url(base, bot, ADMIN_ID, language="en"))
            await page.locator("#tabs").wait_for()
            await first.add_cookies([{"name": "left", "value": "behind", "url": base}])
            await page.evaluate("localStorage.setItem('left', 'behind')")
            assert await page.evaluate("sessionStorage.getItem('ws-init-data')")
        async with chromium.context() as second:
            seen = await watched(second)
            await seen.page.goto(f"{base}/staff/")
            await wait_text(seen, ".refused p", t(Text.WS_REFUSED_OUTSIDE_TELEGRAM, "en"))
            assert await second.cookies() == []
            assert await seen.page.evaluate("document.cookie") == ""
            assert await seen.page.evaluate("localStorage.length") == 0
            assert await seen.page.evaluate("sessionStorage.length") == 0
    assert seen.alerts == [] and seen.errors == []


async def test_a_lead_says_who_handles_it_and_a_lapsed_session_keeps_the_reply(
    bot: Harness, staff_chat: EmulatedChat, chromium: Chromium, screens: Path | None
) -> None:
    """Who handles the lead in words, and letting go of it in the chat's words; consents as
    a status; the talent's questions on the left as in the conversation; and a session that
    lapses mid-reply: the page says to open it again from Telegram, and keeps the reply."""
    # The admin has not written to the bot: the workspace names them as Telegram signed its
    # init data, "Admin", not "9001" (a staff review s55).
    talent = bot.user(first_name="Sari")
    reference = await apply(bot, talent, MUSICIAN)
    await ask(bot, talent, "Apakah MU:CON terbuka untuk band indie?")
    signed = int(time.time()) - 300  # opened five minutes ago
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID, auth_date=signed))
        await page.locator("tbody tr td.col-name").first.click()
        await wait_text(seen, ".lead-head", reference)
        handled = t(Text.WS_LEAD_ASSIGNEE)
        now = page.locator(".lead-head .assignee-now")
        assert await now.inner_text() == f"{handled}: {t(Text.WS_ASSIGN_NOBODY)}"
        # Said once (the review saw it twice): the card with the buttons has its own title.
        assert (await page.inner_text("main")).count(await now.inner_text()) == 1
        assert await page.locator(".assignee-now").count() == 1
        await page.locator(".card h2", has_text=t(Text.WS_LEAD_ASSIGN)).wait_for()
        nobody = page.locator(".assign select option[value='']")
        assert await nobody.inner_text() == shown(Text.BTN_ASSIGN_NOBODY)
        unassign = page.get_by_role("button", name=shown(Text.BTN_UNASSIGN))
        assert await unassign.count() == 0  # nobody to let go of yet
        offered = await page.locator(".assign select option").all_inner_texts()
        assert offered == [shown(Text.BTN_ASSIGN_NOBODY), "Admin"]
        await page.get_by_role("button", name=t(Text.WS_ASSIGN_ME)).click()
        await wait_text(seen, ".lead-head .assignee-now", f"{handled}: Admin")
        toast = shown(Text.RECORDS_ASSIGNED_TO, reference=reference, name="Admin")
        await page.locator("#toast:not([hidden])", has_text=toast).wait_for()
        assert await page.get_by_role("button", name=t(Text.WS_ASSIGN_ME)).count() == 0
        await unassign.click()
        await wait_text(seen, ".lead-head .assignee-now", t(Text.WS_ASSIGN_NOBODY))
        assert CONTENT.text(Text.WS_ASSIGN_ME, "en") == CONTENT.text(Text.BTN_ASSIGN_ME, "en")

        # A consent given reads as a status in the text's colour, not as a link.
        given = page.locator(".consent.yes").first
        assert (await given.inner_text()).startswith("✅ ")
        colours = await given.evaluate(
            "(item) => [getComputedStyle(item.querySelector('.label')).color,"
            " getComputedStyle(document.body).color]"
        )
        assert colours[0] == colours[1]

        # The talent on the left, the desk's side (an answer, the bot) on the right.
        questions = page.locator(".card", has_text=t(Text.WS_LEAD_QUESTIONS)).locator("ol.log")
        await page.locator("#questions-count:not([hidden])", has_text="1").wait_for()
        await page.get_by_placeholder(t(Text.WS_REPLY_PLACEHOLDER)).fill("Bisa, daftar saja ya.")
        send = page.get_by_role("button", name=t(Text.WS_REPLY_SEND))
        # Sent on a phone from low on the screen, as a thumb does: the answer then comes where
        # the box was, and its toast names who got it and lies off it (a staff review s55:
        # "Balasan terkirim ke talenta." covered the answer's last lines).
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await send.evaluate("(b) => scrollBy(0, b.getBoundingClientRect().bottom - innerHeight)")
        await send.click()
        await questions.locator("li.kind-staff_answer", has_text="Bisa, daftar saja ya.").wait_for()
        sent = t(Text.WS_REPLY_SENT, name=MUSICIAN["full_name"])
        await page.locator("#toast:not([hidden])", has_text=sent).wait_for()
        await drawn(page)  # the toast placed again over the page drawn with the answer
        assert await hidden_by_the_toast(page, "li.kind-staff_answer") == []
        for scheme in ("light", "dark"):
            await page.emulate_media(color_scheme=scheme)
            await seen.shot(screens, f"lead-reply-sent-phone-{scheme}")
        await page.emulate_media(color_scheme="light")
        await page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
        # The Questions tab's count follows at once (a new staff member's review: it still
        # said 1 until the tab was changed).
        await page.locator("#questions-count[hidden]").wait_for(state="attached")
        conversation = page.locator(".card", has_text=t(Text.WS_LEAD_CONVERSATION))
        for log in (questions, conversation.locator("ol.log")):
            sides = await log.evaluate(
                """(list) => [...list.querySelectorAll("li.line")].map((line) => ({
                  from: line.classList.contains("in") ? "in" : "out",
                  left: line.getBoundingClientRect().left - list.getBoundingClientRect().left,
                  right: list.getBoundingClientRect().right - line.getBoundingClientRect().right,
                }))"""
            )
            assert {side["from"] for side in sides} == {"in", "out"}
            for side in sides:
                near = side["left"] if side["from"] == "in" else side["right"]
                assert near < 1 and side["left" if side["from"] == "out" else "right"] > 1, sides

        # The session lapses while a reply is being written.
        box = page.get_by_placeholder(t(Text.WS_REPLY_PLACEHOLDER))
        await box.fill("Jadwal audisi menyusul minggu depan.")
        bot.settings.web_auth_max_age = timedelta(minutes=1)
        await page.get_by_role("button", name=t(Text.WS_REPLY_SEND)).click()
        banner = page.locator("#refused[role=alert]")
        await banner.locator("p", has_text=t(Text.WS_REFUSED_UNAUTHORIZED)).wait_for()
        assert await banner.is_visible() and await page.locator("#tabs").is_hidden()
        assert await box.input_value() == "Jadwal audisi menyusul minggu depan."
        assert await page.locator("#toast[data-kind=error]").count() == 0  # not "went wrong"
        await page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        place = await banner.bounding_box()  # kept in sight, by the reply
        assert place is not None and 0 <= place["y"] < DESKTOP["height"] / 2
        await every_look(seen, screens, "lead-expired")
        # Any other call says the same, once: the page itself now.
        await page.get_by_role("button", name=t(Text.WS_BACK)).first.click()
        await wait_text(seen, "main .refused p", t(Text.WS_REFUSED_UNAUTHORIZED))
        assert await page.locator(".refused").count() == 1
        assert await page.locator("#tabs").is_hidden()
        assert not await page.get_by_role("button", name=t(Text.WS_TAB_BOARD)).is_visible()
    assert seen.alerts == [] and seen.errors == []


# Telegram's script as the page meets it inside Telegram, reduced to what the workspace calls;
# the links it is asked to open are kept for the test to read.
TELEGRAM_SCRIPT = """
window.opened = [];
const noop = () => {};
window.Telegram = { WebApp: {
  initData: "", themeParams: {}, colorScheme: "light", ready: noop, expand: noop, onEvent: noop,
  isVersionAtLeast: () => true,
  BackButton: { show: noop, hide: noop, onClick: noop },
  MainButton: { show: noop, hide: noop, setText: noop, onClick: noop, offClick: noop },
  openLink: (url) => window.opened.push(["openLink", url]),
  openTelegramLink: (url) => window.opened.push(["openTelegramLink", url]),
} };
"""


async def test_inside_telegram_a_talents_link_opens_through_telegram(
    bot: Harness, chromium: Chromium
) -> None:
    """Telegram asks Mini Apps to open other sites with openLink (a new tab may be blocked in
    its app, or replace the workspace), and t.me links with openTelegramLink."""
    links = "https://vimeo.com/123456\nhttps://t.me/sarimonsoons"
    await seeded(bot.database, [Seed(7001, {**MUSICIAN, "other_links": links})])
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.add_init_script(TELEGRAM_SCRIPT)
        pages = len(context.pages)
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.locator("tbody td.col-name").first.click()
        await page.locator(".answers a[href='https://vimeo.com/123456']").click()
        await page.locator(".answers a[href='https://t.me/sarimonsoons']").click()
        await page.locator(".contact a[href^='https://wa.me/']").click()
        opened = await page.evaluate("window.opened")
        assert opened == [
            ["openLink", "https://vimeo.com/123456"],
            ["openTelegramLink", "https://t.me/sarimonsoons"],
            ["openLink", "https://wa.me/6281234567801"],
        ]
        assert len(context.pages) == pages  # nothing opened beside the workspace
        assert await page.locator(".lead-head .name").inner_text() == MUSICIAN["full_name"]
    assert seen.alerts == [] and seen.errors == []


async def test_a_download_link_once_used_says_how_to_get_a_new_file(
    bot: Harness, chromium: Chromium
) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN), Seed(7002, realistic(random.Random(5)))])
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.get_by_role("button", name=t(Text.WS_EXPORT_CSV)).click()
        link = page.locator(".export-status a")
        await link.wait_for()
        name = await link.inner_text()
        async with page.expect_download() as started:
            await link.click()
        assert (await started.value).suggested_filename == name
        used = t(Text.WS_EXPORT_USED, name=name)
        await wait_text(seen, ".export-status", used)
        assert await page.locator(".export-status").inner_text() == used
        assert await link.count() == 0  # nothing left to click a second time
    assert seen.alerts == [] and seen.errors == []


async def test_an_export_file_is_named_in_the_workspaces_language(
    bot: Harness, chromium: Chromium
) -> None:
    """An English workspace's file was kocca-leads-baru-…: its name now reads as its headers
    do, kocca-leads-new-… in English, kocca-pendaftar-baru-… in Indonesian (s60)."""
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    new = CONTENT.stages["baru"].label
    for language, named in (("en", "kocca-leads-new-2"), ("id", "kocca-pendaftar-baru-2")):
        async with served(bot) as base, chromium.context() as context:
            seen = await watched(context)
            page = seen.page
            await page.goto(page_url(base, bot, ADMIN_ID, language=language))
            await page.locator(".chips .chip", has_text=new.get(language)).click()
            pressed = page.locator(".chips .chip[aria-pressed=true]", has_text=new.get(language))
            await pressed.wait_for()
            await page.get_by_role("button", name=t(Text.WS_EXPORT_CSV, language)).click()
            link = page.locator(".export-status a")
            await link.wait_for()
            name = await link.inner_text()
            assert name.startswith(named) and name.endswith(".csv"), name
            async with page.expect_download() as started:
                await link.click()
            assert (await started.value).suggested_filename == name
        assert seen.alerts == [] and seen.errors == []


async def test_a_stage_export_says_under_its_link_which_closed_duplicates_it_left_out(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    # The second shares the first's phone: a possible duplicate of it, closed as one.
    second = {**realistic(random.Random(5)), "phone": MUSICIAN["phone"]}
    await seeded(bot.database, [Seed(7001, MUSICIAN), Seed(7002, second)])
    assert await bot.store.duplicates.close_duplicate(2, 1, Actor.cli()) == "saved"
    left_out = visible(t(Text.EXPORT_CLOSED_LEFT_OUT, count=1))
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.locator(".chips .chip", has_text=CONTENT.stages["baru"].label.id).click()
        await page.locator(".chips .chip[aria-pressed=true]", has_text="Baru").wait_for()
        await page.get_by_role("button", name=t(Text.WS_EXPORT_CSV)).click()
        await page.locator(".export-status a").wait_for()
        assert await page.locator(".export-status .left-out").inner_text() == left_out
        await every_look(seen, screens, "export-left-out")
        # Every stage: both leads, nothing left out.
        await page.locator(".chips .chip", has_text=t(Text.WS_ALL_STAGES)).click()
        # The list drawn again first: an export asked from the list being replaced said it was
        # ready in a status line no longer on the page (a flake under load, session 64).
        pressed = page.locator(".chips .chip[aria-pressed=true]", has_text=t(Text.WS_ALL_STAGES))
        await pressed.wait_for()
        await page.get_by_role("button", name=t(Text.WS_EXPORT_CSV)).click()
        await wait_text(seen, ".export-status", t(Text.WS_EXPORT_READY, count=2))
        assert await page.locator(".export-status .left-out").count() == 0
    assert seen.alerts == [] and seen.errors == []


async def test_the_today_chip_lists_the_days_new_leads(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN), Seed(7002, realistic(random.Random(5)))])
    now = datetime.now(UTC).isoformat(timespec="microseconds")  # KOC-000002 came in today
    for update in (
        "UPDATE applications SET submitted_at = ? WHERE id = 2",
        "UPDATE lead_search SET submitted_at = ? WHERE application_id = 2",
    ):
        rows(bot.database, update, (now,))
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.locator("table.leads tbody tr").nth(1).wait_for()
        # On a phone the chip is in sight without scrolling the row (a staff review found it
        # 8th, past the edge), ...
        today = page.locator(".chips .chip", has_text=t(Text.WS_FILTER_TODAY))
        box = await today.bounding_box()
        assert box is not None and box["x"] + box["width"] <= PHONE["width"], box
        await today.click()
        await page.locator(".chip[aria-pressed=true]", has_text=t(Text.WS_FILTER_TODAY)).wait_for()
        await wait_text(seen, "table.leads tbody", "KOC-000002")
        assert await page.locator("table.leads tbody tr").count() == 1
        # ... it leaves the Filter panel closed, and uncounted (a staff review s56: "Filter (1)"
        # with nothing set inside); what is on is said, one tap from off.
        assert await page.locator("details.more").get_attribute("open") is None
        heading = page.locator("details.more summary")
        assert await heading.inner_text() == t(Text.WS_FILTERS)
        chosen = page.locator(".chosen-filters .chip", has_text=t(Text.WS_FILTER_TODAY))
        await chosen.wait_for()
        await every_look(seen, screens, "leads-today")
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        # A filter the panel holds is counted on it (waiting too long: its tick is inside).
        await page.locator(".chips .chip.waiting").click()
        await wait_text(seen, "details.more summary", f"{t(Text.WS_FILTERS)} (1)")
        await page.locator(".chips .chip.waiting").click()
        await heading.filter(has_text=re.compile(f"^{t(Text.WS_FILTERS)}$")).wait_for()
        await chosen.click()
        await page.locator("table.leads tbody tr").nth(1).wait_for()
        assert await page.locator(".chosen-filters").count() == 0
        # The board, which has no chips, says it too, and turns it off with one tap.
        await today.click()
        await chosen.wait_for()
        await page.locator(".tab[data-view=board]").click()
        await page.locator(".board-card").first.wait_for()
        assert await page.locator(".board-card").count() == 1
        await chosen.wait_for()
        await every_look(seen, screens, "board-today")
        await chosen.click()
        await page.locator(".board-card").nth(1).wait_for()
        assert await page.locator(".chosen-filters").count() == 0
    assert seen.alerts == [] and seen.errors == []


async def test_on_a_phone_words_stay_whole_and_every_choice_is_in_reach(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    rng = random.Random(11)
    await seeded(
        bot.database,
        [Seed(7001, MUSICIAN), *[Seed(7001 + n, realistic(rng)) for n in range(1, 30)]],
    )
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.locator("table.leads tbody tr").nth(20).wait_for()
        # A band is told from a solo artist on the card: the act's name and the role.
        acts = page.locator("tbody tr .act")
        assert await acts.count() >= 5 and await acts.first.is_visible()
        await page.get_by_role("searchbox").fill(MUSICIAN["full_name"])
        sari = page.locator("tbody tr", has_text=MUSICIAN["full_name"])
        await page.locator("tbody tr").nth(1).wait_for(state="detached")
        assert await sari.locator(".act").inner_text() == MUSICIAN["stage_name"]
        assert await sari.locator(".act").is_visible()
        role = sari.locator("td.col-role")
        assert await role.is_visible() and "Band" in await role.inner_text()
        # Last active is left off the card, unless the list is sorted by it (a staff review
        # s56: sorted by a value no card showed).
        active = sari.locator("td.col-activity")
        assert not await active.is_visible()
        await page.locator(".sorter select").select_option("activity")
        await active.wait_for()
        shown = await active.evaluate("(e) => getComputedStyle(e, '::before').content")
        assert t(Text.WS_COL_ACTIVITY) in shown
        await seen.shot(screens, "leads-sorted-activity-phone-light")
        await page.locator(".sorter select").select_option("submitted")
        await active.wait_for(state="hidden")

        # The waiting and cancelled filters: checkboxes of a checkbox's size, their words on
        # one or two lines.
        await page.locator(".filters summary").click()
        checks = page.locator(".grid .field.check")
        assert await checks.count() == 2
        for check in await checks.all():
            box = await check.locator("input").bounding_box()
            assert box is not None and box["width"] <= 24 and box["height"] <= 24
            lines = await check.locator("span").evaluate(
                "(s) => s.getBoundingClientRect().height"
                " / parseFloat(getComputedStyle(s).lineHeight)"
            )
            assert lines <= 2.2
        await seen.shot(screens, "filters-phone-light")
        await page.locator(".filters summary").click()
        await page.get_by_role("searchbox").fill("")
        await page.locator("table.leads tbody tr").nth(20).wait_for()

        # A bulk move of many: references whole, and Cancel in reach without scrolling.
        for row in range(12):
            await page.locator("tbody tr td.pick input").nth(row).check()
        await page.get_by_role("button", name=t(Text.WS_MOVE_SELECTED)).click()
        await page.locator("dialog .stage-buttons button", has_text="Shortlist").click()
        await page.locator("dialog .intro .reference-text").first.wait_for()
        await page.locator("dialog .bubble").first.wait_for()
        whole = await page.locator("dialog").evaluate(
            """(d) => [...d.querySelectorAll(".reference-text")]
              .every((r) => r.getClientRects().length === 1)"""
        )
        assert whole
        cancel = page.locator("dialog").get_by_role("button", name=t(Text.BTN_CANCEL))
        place = await cancel.bounding_box()
        assert place is not None and place["y"] + place["height"] <= PHONE["height"]
        await seen.shot(screens, "bulk-preview-phone-light")
        await cancel.click()

        # A toast spans the screen (with margins) instead of a narrow column of words.
        await page.get_by_role("searchbox").fill(MUSICIAN["full_name"])
        await page.locator("tbody tr").nth(1).wait_for(state="detached")
        await sari.locator("td.col-name").click()
        await page.locator(".stage-buttons button", has_text="Shortlist").click()
        await page.get_by_role("button", name=t(Text.BTN_SEND_UPDATE)).click()
        toast = page.locator("#toast")
        await toast.wait_for()
        # A move's toast comes first and the lead's page drawn in its new stage after it; the
        # toast is placed again over that in the next frame (dom.js). Checked before that frame,
        # it lay over what the redraw had just put under it (a flake under load, session 63).
        now = page.locator(".stage-buttons button[aria-current=true]", has_text="Shortlist")
        await now.wait_for()
        await drawn(page)
        size = await toast.bounding_box()
        assert size is not None and size["width"] >= PHONE["width"] - 2 * 16
        assert await hidden_by_the_toast(page) == []
        await seen.shot(screens, "toast-phone-light")

        # The board on a phone: no dragging there, so the hint names the card's menu.
        await page.get_by_role("button", name=t(Text.WS_TAB_BOARD)).click()
        await page.locator(".board-card").first.wait_for()
        touch = page.locator(".hint", has_text=t(Text.WS_BOARD_HINT_TOUCH))
        drag = page.locator(".hint", has_text=t(Text.WS_BOARD_HINT))
        assert await touch.is_visible() and not await drag.is_visible()
        await page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
        assert await drag.is_visible() and not await touch.is_visible()
    assert seen.alerts == [] and seen.errors == []


async def test_a_move_saved_without_its_message_says_the_talent_was_not_told(
    bot: Harness, chromium: Chromium
) -> None:
    """Don't notify on a stage that has a message: the lead's history marks the move."""
    talent = bot.user(first_name="Rina")
    reference = await apply(bot, talent, MUSICIAN)
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.locator("tbody tr td.col-name").first.click()
        await wait_text(seen, ".lead-head", reference)
        closed = CONTENT.stages["selesai"].label.id
        mark = talent.mark()
        await page.locator(".stage-buttons button", has_text=closed).click()
        await page.locator("dialog .bubble").wait_for()
        await page.get_by_role("button", name=t(Text.BTN_NO_UPDATE)).click()
        await wait_text(seen, ".stage-now", closed)
        # Recorded as staff's choice (session 50), not as a stage without a message.
        await wait_text(seen, "li .tag", t(Text.PIPELINE_HISTORY_WITHHELD))
    assert seen.alerts == [] and seen.errors == []
    await bot.caught_up()
    assert talent.messages_since(mark) == []


async def hidden_by_the_toast(page: Page, also: str = "") -> list[str]:
    """What the toast in sight lies over that staff press or type in, or a heading (nothing,
    ever: a staff review s55 found the page's heading under it), or what `also` selects. Only
    what would be in sight without it counts: not what lies behind the tabs (the toast in the
    header, the page moved down under it)."""
    found: list[str] = await page.evaluate(
        """(also) => {
          const box = document.getElementById("toast");
          if (box.hidden) return [];
          const a = box.getBoundingClientRect();
          const kept = "button, a[href], input, textarea, select, summary, h1, h2, h3"
            + (also ? `, ${also}` : "");
          const seenWithout = (c, r) => {
            const x = (Math.max(r.left, a.left) + Math.min(r.right, a.right)) / 2;
            const y = (Math.max(r.top, a.top) + Math.min(r.bottom, a.bottom)) / 2;
            box.style.visibility = "hidden";
            const hit = document.elementFromPoint(x, y);
            box.style.visibility = "";
            return hit !== null && (c === hit || c.contains(hit));
          };
          return [...document.querySelectorAll(kept)]
            .filter((c) => !box.contains(c))
            .filter((c) => {
              const r = c.getBoundingClientRect();
              return r.width && r.height && r.bottom > a.top && r.top < a.bottom
                && r.right > a.left && r.left < a.right && seenWithout(c, r);
            })
            .map((c) => c.textContent.trim() || c.getAttribute("aria-label") || c.tagName);
        }""",
        also,
    )
    return found


async def test_on_a_phone_tabs_fit_one_row_toasts_hide_no_button_and_lainnya_is_asked(
    bot: Harness, staff_chat: EmulatedChat, chromium: Chromium, screens: Path | None
) -> None:
    """A new staff member's review at 400 px: "Pengumuman" alone on a second row of tabs; a
    toast over the next card's "Kirim balasan" for seconds; unticking "Lainnya" dropped
    "Genre lain: Angklung fusion" without a word."""
    typed = {**MUSICIAN, "genres": ["pop", "other"], "genres_other": "Angklung fusion"}
    await seeded(bot.database, [Seed(7001, typed, first_name="Sari")])
    talents = [bot.user(first_name=name) for name in ("Dimas", "Rina", "Joko", "Wulan")]
    for talent in talents:
        await ask(bot, talent, f"Halo kak, saya {talent.first_name}. Tiket pesawat ditanggung?")
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size({"width": 400, "height": 740})
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.locator("#questions-count", has_text="4").wait_for()
        for width in (320, 360, 400):
            await page.set_viewport_size({"width": width, "height": 740})
            for scheme in ("light", "dark"):
                await page.emulate_media(color_scheme=scheme)
                await seen.shot(screens, f"tabs-{width}-{scheme}")
            places = await page.locator(".tab").evaluate_all(
                "(tabs) => tabs.map((tab) => [tab.getBoundingClientRect().top,"
                " tab.getBoundingClientRect().right])"
            )
            assert len({top for top, _ in places}) == 1, (width, places)  # one row
            # From 360 px all five in sight, off the edges (a staff review s55: at 390 px
            # "Pengumuman" touched the edge, at 360 px it was cut off); narrower, the row
            # scrolls sideways.
            if width >= 360:
                names = await page.locator(".tab .tab-name").evaluate_all(
                    "(names) => names.map((name) => [name.getBoundingClientRect().left,"
                    " name.getBoundingClientRect().right])"
                )
                assert names[0][0] >= 4 and names[-1][1] <= width - 4, (width, names)
        await page.emulate_media(color_scheme="light")
        # Every tab shows the name the bot's messages use (a staff review s50: "Tanya" and
        # "Siaran" on a phone, "tab Pertanyaan" and "Pengumuman" in the texts and the guide).
        names = await page.locator(".tab .tab-name").all_inner_texts()
        assert names == [
            t(key)
            for key in (
                Text.WS_TAB_LEADS,
                Text.WS_TAB_BOARD,
                Text.WS_TAB_QUESTIONS,
                Text.WS_TAB_STATS,
                Text.WS_TAB_BROADCASTS,
            )
        ]
        assert "tab Pertanyaan" in t(Text.PIPELINE_QUESTION_WAITING)
        widths = await page.locator(".tab .tab-name").evaluate_all(
            "(names) => names.map((name) => name.getBoundingClientRect().width)"
        )
        assert min(widths) > 20, widths  # those names, in sight (not a short one instead)
        # At 320 px the row scrolls: the tab chosen comes into sight.
        await page.set_viewport_size({"width": 320, "height": 740})
        broadcasts = page.get_by_role("button", name=t(Text.WS_TAB_BROADCASTS))
        await page.get_by_role("button", name=t(Text.WS_TAB_LEADS)).dispatch_event("click")
        await page.locator(".tabs").evaluate("(row) => { row.scrollLeft = 0; }")
        box = await broadcasts.bounding_box()
        assert box is not None and box["x"] + box["width"] > 321  # out of sight at first
        await broadcasts.dispatch_event("click")  # a tap: the page brings it into sight
        await page.locator(".broadcasts, .view h1, .view h2").first.wait_for()
        box = await broadcasts.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 320.5
        await seen.shot(screens, "tabs-320-broadcasts-light")
        await page.get_by_role("button", name=t(Text.WS_TAB_LEADS)).click()
        await page.set_viewport_size({"width": 400, "height": 740})

        # A reply from the Questions tab: its toast lies over no other card's button.
        await page.locator(".tab[data-view=questions]").click()
        cards = page.locator(".card.question")
        await cards.nth(3).wait_for()
        waiting = await cards.count()
        first = cards.first
        who = await first.locator("h2").inner_text()
        assert who == "Dimas"  # waiting longest
        await first.get_by_role("textbox").fill("Iya, ditanggung panitia.")
        await first.get_by_role("button", name=t(Text.WS_REPLY_SEND)).scroll_into_view_if_needed()
        await first.get_by_role("button", name=t(Text.WS_REPLY_SEND)).click()
        # Named: the card is gone by the time the toast shows (a staff review s55).
        sent = t(Text.WS_REPLY_SENT, name=who)
        await page.locator("#toast:not([hidden])", has_text=sent).wait_for()
        # The toast comes first, the list drawn again without his card after it: a fixed
        # 300 ms raced that redraw on busy cores.
        await expect(cards).to_have_count(waiting - 1)
        await drawn(page)
        assert await hidden_by_the_toast(page) == []
        await seen.shot(screens, "toast-reply-400-light")
        await page.locator("#toast").click()

        # ✏️ Genre: unticking Lainnya says first that "Genre lain" goes too.
        await page.locator(".tab[data-view=leads]").click()
        await page.locator("tbody tr td.col-name", has_text=MUSICIAN["full_name"]).click()
        edit = page.get_by_role("button", name=t(Text.WS_EDIT_ANSWER, question="Genre"), exact=True)
        warning = page.locator("dialog .warning.drops")
        for keep in (False, True):
            await edit.click()
            await page.locator("dialog label.check", has_text="Lainnya").locator("input").uncheck()
            await (
                page.locator("dialog label.check", has_text="Tradisional").locator("input").check()
            )
            await page.locator("dialog").get_by_role("button", name=t(Text.WS_SAVE)).click()
            await warning.wait_for()
            assert await warning.inner_text() == shown(
                Text.RECORDS_EDIT_DROPS,
                choice="Lainnya",
                label="Genre lain",
                text="Angklung fusion",
            )
            await seen.shot(screens, f"edit-drops-{'save' if keep else 'cancel'}-400-light")
            if not keep:
                await page.locator("dialog").get_by_role("button", name=t(Text.BTN_CANCEL)).click()
                await warning.wait_for(state="detached")
                stored = rows(
                    bot.database,
                    "SELECT value FROM answers WHERE question_key = 'genres_other'",
                )
                assert stored == [('"Angklung fusion"',)]  # nothing saved
                continue
            await (
                page.locator("dialog")
                .get_by_role("button", name=t(Text.WS_EDIT_DROPS_SAVE))
                .click()
            )
        await page.locator("#toast:not([hidden])").wait_for()
        await page.locator(".change", has_text="(dihapus)").wait_for()
        # Drawn as the other history entries: when and who on a muted line, what changed under
        # it, one answer a line (a staff review s56: Telegram's bullets in the body text).
        entry = page.locator(".change.answer_edit").first
        when_who = await entry.locator(":scope > .meta").inner_text()
        assert when_who.endswith(" · Admin") and "•" not in await entry.inner_text()
        dropped = t(
            Text.WS_HISTORY_ANSWER, label="Genre lain", before="Angklung fusion", after="(dihapus)"
        )
        assert dropped in await entry.locator(".answers li").all_inner_texts()
        assert t(Text.WS_HISTORY_ANSWERS) in await entry.inner_text()
        await drawn(page)  # the toast placed again over the page drawn with the change
        await seen.shot(screens, "toast-lead-400-light")
        # A ✏️ on every line: no lines of text only in sight to lie over, so it lies at the
        # bottom over some (it never moves the page, review s55), and never for good: the page
        # keeps room under its last card to scroll them above it.
        await page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")
        await drawn(page)  # scrolled, the toast is placed again in the next frame (dom.js)
        assert await hidden_by_the_toast(page) == []
        if screens:  # the history with the answer change, at 360 px
            await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
            await page.keyboard.press("Escape")
            await entry.scroll_into_view_if_needed()
            await seen.shot(screens, "lead-history-answers-360-light")
    assert rows(bot.database, "SELECT value FROM answers WHERE question_key = 'genres_other'") == []
    assert seen.alerts == [] and seen.errors == []
