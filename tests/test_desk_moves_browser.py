"""Stage moves on the workspace's lead page in a real browser (headless Chromium), as a new
staff member met them (review s48): the toast after a move names the lead moved, by its own
reference (a draft took application id 1); a lead closed as a duplicate offers no stage move,
only the hint to reopen it first; reopened, it moves again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.async_api import Route

from bot.leads import stage_changes
from bot.store.audit import Actor
from bot.texts import Text
from tests.browser import DESKTOP, Chromium, drawn, in_colour, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import TEST_FORWARDING, Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, Seed, apply, seeded, shown
from tests.test_desk_moves import SAME_PHONE, a_draft_then_two_leads
from tests.test_pipeline import label, rows
from tests.test_records_staff import BUDI_NOT_SARI
from tests.test_workspace_browser import hidden_by_the_toast

# An element's text against the first background behind it that is not transparent, as WCAG
# computes a contrast ratio (its opacity, and its parents', dims the text: counted too).
CONTRAST = """(element) => {
  const parts = (colour) => colour.match(/[\\d.]+/g).map(Number);
  const light = ([r, g, b]) => [r, g, b].map((value) => {
    const v = value / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  let back = [255, 255, 255];
  let alpha = 1;
  for (let node = element; node; node = node.parentElement) {
    alpha *= Number(getComputedStyle(node).opacity);
  }
  for (let node = element; node; node = node.parentElement) {
    const found = parts(getComputedStyle(node).backgroundColor);
    if (found.length < 4 || found[3] > 0) { back = found; break; }
  }
  const fore = parts(getComputedStyle(element).color).slice(0, 3)
    .map((value, i) => value * alpha + back[i] * (1 - alpha));
  const [high, low] = [light(fore), light(back)].sort((a, b) => b - a);
  return (high + 0.05) / (low + 0.05);
}"""


def t(key: Text, **values: Any) -> str:
    return CONTENT.text(key, "id", **values)


async def at_360(seen: Any, screens: Path | None, name: str) -> None:
    """Screenshots at 360 px, light and dark (`--workspace-screens`), then 400 px again."""
    if screens is None:
        return
    page = seen.page
    await page.set_viewport_size({"width": 360, "height": 740})
    for scheme in ("light", "dark"):
        await page.emulate_media(color_scheme=scheme)
        await seen.shot(screens, f"{name}-360-{scheme}")
    await page.emulate_media(color_scheme="light")
    await page.set_viewport_size({"width": 400, "height": 860})


async def muted(shown: Any) -> bool:
    """Whether an element's words are in the page's muted colour (--hint), as hints are."""
    return await in_colour(shown, "--hint")


async def redrawn_in(page: Any, stage: str) -> None:
    """The lead's page drawn again in its new stage (a move's toast comes first, the page after
    it), and the toast placed again over what it shows now (a fixed 100 ms raced the redraw)."""
    current = page.locator(".stage-buttons button[aria-current=true]", has_text=label(stage))
    await current.wait_for()
    await drawn(page)


async def still_under_the_finger(page: Any, screens: Path | None, seen: Any) -> None:
    """The stage buttons scrolled just under the tabs (review s55: the toast then went under the
    tabs, pushed the page down ~200 px and it stayed there, so the next quick tap landed on the
    Kontak card): a press leaves the buttons where they are on the screen, while its toast
    shows and after it goes, and the toast covers none of them."""
    await page.keyboard.press("Escape")  # the last toast gone
    await page.locator("#toast").wait_for(state="hidden")
    buttons = page.locator(".stage-buttons button")
    await page.evaluate(
        """() => scrollBy(0, document.querySelector(".stage-buttons").getBoundingClientRect()
          .top - document.querySelector(".top").getBoundingClientRect().bottom - 12)"""
    )
    reviewed = buttons.filter(has_text=label("ditinjau"))
    where = "(b) => Math.round(b.getBoundingClientRect().top)"
    before = await reviewed.evaluate(where)
    await buttons.filter(has_text=label("baru")).click()
    said = shown(Text.PIPELINE_SAVED, reference="KOC-000001", stage=label("baru"))
    await page.locator("#toast[data-kind=info]", has_text=said).wait_for()
    await redrawn_in(page, "baru")
    await seen.shot(screens, "toast-move-stage-buttons-top-light")
    during = await reviewed.evaluate(where)
    assert await hidden_by_the_toast(page) == []
    await page.keyboard.press("Escape")
    await page.locator("#toast").wait_for(state="hidden")
    after = await reviewed.evaluate(where)
    assert abs(during - before) <= 3 and abs(after - before) <= 3, (before, during, after)
    # and a second quick tap lands on the stage meant
    await reviewed.click()
    said = shown(Text.PIPELINE_SAVED, reference="KOC-000001", stage=label("ditinjau"))
    await page.locator("#toast[data-kind=info]", has_text=said).wait_for()


async def test_a_moves_toast_names_the_lead_and_a_closed_duplicate_offers_no_stage(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    await a_draft_then_two_leads(bot)  # KOC-000001 is application 2, KOC-000002 is 3
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/2")
        await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
        # On a phone, "← Kembali" scrolled under the tabs, the page's heading just below them:
        # the toast lies over no button and not over that heading (review s55: it did).
        await page.set_viewport_size({"width": 400, "height": 740})
        await page.evaluate(
            """() => scrollBy(0, document.querySelector(".lead-head h1").getBoundingClientRect()
              .top - document.querySelector(".top").getBoundingClientRect().bottom - 4)"""
        )
        await page.locator(".stage-buttons button", has_text=label("ditinjau")).click()
        toast = page.locator("#toast[data-kind=info]")
        await toast.wait_for()
        said = shown(Text.PIPELINE_SAVED, reference="KOC-000001", stage=label("ditinjau"))
        assert await toast.text_content() == said  # not "KOC-000002", its application id
        await redrawn_in(page, "ditinjau")
        await seen.shot(screens, "toast-move-scrolled-400-light")
        assert await hidden_by_the_toast(page) == []
        assert await page.locator(".lead-head h1").is_visible()
        await still_under_the_finger(page, screens, seen)
        await page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]

        await page.goto("about:blank")  # a new load: a changed fragment alone is not one
        await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/3")
        await page.locator(".lead-head .reference", has_text="KOC-000002").wait_for()
        # What it gives differently from KOC-000001 is said before anyone closes it (review
        # s54: a new email and program were closed away unseen) ...
        email = CONTENT.questions["email"].label.id
        differs = await page.locator(".duplicates .differs").inner_text()
        assert differs.startswith(t(Text.WS_DUPLICATE_DIFFERS, other="KOC-000001", fields="")[:-1])
        assert email in differs and CONTENT.questions["phone"].label.id not in differs
        # ... and the other lead's reference opens it, on the page and on the list's card
        # (not the card's own lead).
        await page.locator(".duplicates .notice.mark a", has_text="KOC-000001").click()
        await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
        await page.locator(".tab[data-view=leads]").click()
        card = page.locator("tbody tr", has_text="KOC-000002")
        await card.locator(".notice.mark a", has_text="KOC-000001").click()
        await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
        await page.goto("about:blank")
        await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/3")
        close = shown(Text.BTN_CLOSE_DUPLICATE, reference="KOC-000001")
        await page.get_by_role("button", name=close).click()
        # Closing asks first, naming both, with each answer that differs on the two.
        ask = page.locator("dialog")
        heading = t(Text.WS_DUPLICATE_CONFIRM, reference="KOC-000002", other="KOC-000001")
        await ask.locator("h2", has_text=heading).wait_for()
        emails = ask.locator("dd", has_text=f"KOC-000002: {FILMMAKER['email']}")
        assert f"KOC-000001: {MUSICIAN['email'].lower()}" in await emails.inner_text()
        # Budi's account is not Sari's: the dialog says what closing stops on it (review s56:
        # that account's announcements stopped, the page never said so).
        assert await ask.locator(".warning.accounts").text_content() == BUDI_NOT_SARI
        await seen.shot(screens, "lead-close-duplicate-ask-light")
        await page.set_viewport_size({"width": 360, "height": 780})
        await seen.shot(screens, "lead-close-duplicate-ask-360-light")
        await page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
        state = await bot.store.pipeline.state(3)
        assert state is not None and not state.closed_duplicate  # not before the answer
        await ask.get_by_role("button", name=t(Text.WS_DUPLICATE_CONFIRM_YES)).click()
        hint = page.locator(".stage-buttons + .hint.closed-duplicate")
        await hint.wait_for()
        assert await hint.text_content() == t(Text.WS_LEAD_MOVE_DUPLICATE)
        buttons = page.locator(".stage-buttons button")
        assert await buttons.count() == len(CONTENT.stages)
        for index in range(await buttons.count()):  # greyed, each saying why
            assert await buttons.nth(index).is_disabled()
            assert await buttons.nth(index).get_attribute("aria-describedby") == (
                "stages-duplicate"
            )
        # Its stage says it is closed (review s49: "Tahap: Baru" above the Duplikat box).
        closed = f"{label('baru')} · 🔁 ditutup (duplikat)"
        await page.locator(".stage-now strong", has_text=closed).wait_for()
        # Its history says so as the other entries do: when and who, then what happened.
        entry = page.locator(".change.duplicate")
        assert (await entry.locator(".meta").inner_text()).endswith(" · Admin")
        said = t(Text.WS_HISTORY_DUPLICATE, reference="KOC-000001")
        assert (await entry.inner_text()).endswith(said)
        await page.set_viewport_size({"width": 400, "height": 860})
        await seen.shot(screens, "lead-closed-duplicate-400-light")
        # The list counts it apart from Baru, and names its stage so.
        await page.goto("about:blank")
        await page.goto(page_url(base, bot, ADMIN_ID))
        chip = f"{label('baru')} · 0 {t(Text.WS_COUNT_DUPLICATES, count=1)}"
        await page.locator(".chips .chip", has_text=chip).wait_for()
        await page.locator("td.col-stage", has_text=closed).wait_for()
        named = shown(
            Text.RECORDS_LIST_CLOSED_NAMED, reference="KOC-000001", name="Sari Dewi Lestari"
        )
        await page.locator(".closed-of", has_text=named).wait_for()
        # In the muted colour: a duplicate closed is dealt with, no warning (review s55: red).
        assert await muted(page.locator(".closed-of"))
        await seen.shot(screens, "leads-closed-duplicate-400-light")
        await at_360(seen, screens, "leads-closed-duplicate")
        # Its reference there opens that lead, as on the lead page (review s55: plain text).
        await page.locator(".closed-of a", has_text="KOC-000001").click()
        await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
        await page.locator(".tab[data-view=leads]").click()
        # Its stage's chip lists what it counts and exports: not the closed duplicate, said
        # under it with a way to list it (review s50: the chip listed it, its export did not).
        await page.locator(".chips .chip", has_text=chip).click()
        left_out = page.locator(".hint.closed-left-out")
        await left_out.wait_for()
        assert await left_out.text_content() == (
            f"{t(Text.WS_CLOSED_LEFT_OUT, count=1)} {t(Text.WS_CLOSED_SHOW)}"
        )
        assert await page.locator("td.col-stage", has_text=closed).count() == 0
        await seen.shot(screens, "leads-stage-closed-left-out-400-light")
        await left_out.get_by_role("button", name=t(Text.WS_CLOSED_SHOW)).click()
        await page.locator(".hint.closed-only").wait_for()
        await page.locator("td.col-stage", has_text=closed).wait_for()
        await seen.shot(screens, "leads-stage-closed-only-400-light")
        await page.get_by_role("button", name=t(Text.WS_CLOSED_BACK)).click()
        await left_out.wait_for()
        await page.get_by_role("button", name=t(Text.WS_TAB_STATS)).click()
        # Counted in no figure: said under the count of registrations (review s50).
        note = shown(Text.STATS_SUBMITTED_DUPLICATES, count=1)
        await page.locator(".numbers dd.hint", has_text=note).wait_for()
        await seen.shot(screens, "stats-funnel-closed-duplicate-400-light")
        apart = shown(Text.STATS_CLOSED_DUPLICATES, count=1)
        await page.locator(".card .hint.duplicates", has_text=apart).scroll_into_view_if_needed()
        await seen.shot(screens, "stats-closed-duplicate-400-light")
        # On the board its card says so and offers no stage (a desk review: unmarked, and
        # its menu looked active).
        await page.get_by_role("button", name=t(Text.WS_TAB_BOARD)).click()
        card = page.locator(".board-card", has_text="KOC-000002")
        await card.locator(".closed-duplicate", has_text=closed).wait_for()
        # And of which lead, as the chat's lists say it (review s50: the card named none).
        named = shown(
            Text.RECORDS_LIST_CLOSED_NAMED, reference="KOC-000001", name="Sari Dewi Lestari"
        )
        await card.locator(".closed-of", has_text=named).wait_for()
        assert await muted(card.locator(".closed-of"))
        assert await muted(card.locator(".closed-duplicate"))
        await card.scroll_into_view_if_needed()
        await at_360(seen, screens, "board-closed-duplicate")
        assert await card.locator("select").is_disabled()
        assert await card.get_attribute("draggable") == "false"
        other = page.locator(".board-card[data-id='2']")  # Budi's card names KOC-000001 too
        assert await other.locator("select").is_enabled()
        await seen.shot(screens, "board-closed-duplicate-400-light")
        await card.locator(".closed-of a", has_text="KOC-000001").click()
        await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
        await page.goto("about:blank")
        await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/3")
        await page.locator(".lead-head .reference", has_text="KOC-000002").wait_for()

        await page.get_by_role("button", name=shown(Text.BTN_REOPEN)).click()
        await hint.wait_for(state="detached")
        ditinjau = page.locator(".stage-buttons button", has_text=label("ditinjau"))
        assert await ditinjau.is_enabled()
        await page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
        await ditinjau.click()
        await page.locator("#toast[data-kind=info]", has_text="KOC-000002").wait_for()
        await redrawn_in(page, "ditinjau")
        await seen.shot(screens, "toast-move-desktop-light")
        assert await hidden_by_the_toast(page) == []  # on a desktop too
    stages = rows(bot.database, "SELECT application_id, stage FROM lead_pipeline ORDER BY 1")
    assert stages == [(2, "ditinjau"), (3, "ditinjau")]
    assert seen.alerts == [] and seen.errors == []


async def test_a_minors_lead_says_so_and_a_refused_forwarding_greys_its_stage_before_a_press(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    """A staff review (s50): neither showed on the lead page; the refusal came on the click."""
    await seeded(
        bot.database,
        [
            Seed(
                7001,
                {**MUSICIAN, "age_range": "under_18"},
                consents={"processing": True, "transfer_korea": False},
            )
        ],
    )
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/1")
        minor = page.locator(".lead-head .notice.minor")
        await minor.wait_for()
        assert await minor.text_content() == t(Text.PIPELINE_WARNING_MINOR)
        warning = page.locator("#stages-consent")
        assert await warning.text_content() == t(
            Text.PIPELINE_WARNING_CONSENT,
            stages=label("diteruskan"),
            recipient=TEST_FORWARDING.recipient,
        )
        forwarded = page.locator(".stage-buttons button", has_text=label("diteruskan"))
        assert await forwarded.is_disabled()
        assert await forwarded.get_attribute("aria-describedby") == "stages-consent"
        review = page.locator(".stage-buttons button", has_text=label("ditinjau"))
        assert await review.is_enabled() and await review.get_attribute("aria-describedby") is None
        await page.set_viewport_size({"width": 400, "height": 860})
        await seen.shot(screens, "lead-minor-refused-forwarding-400-light")
        # Dark (a staff review, s54): the lead's own stage button was white on light blue,
        # 2.2:1, and the under-18 note small muted grey, easy to skim past.
        await page.emulate_media(color_scheme="dark")
        current = page.locator(".stage-buttons button[aria-current=true]")
        assert await current.evaluate(CONTRAST) >= 4.5
        assert await minor.evaluate(CONTRAST) >= 4.5
        assert await minor.evaluate(
            """(note) => getComputedStyle(note).color === getComputedStyle(document.body).color
              && parseFloat(getComputedStyle(note).fontSize) >= 14"""
        )
        await seen.shot(screens, "lead-minor-refused-forwarding-400-dark")
    assert seen.alerts == [] and seen.errors == []


async def test_a_forged_close_as_its_own_duplicate_is_refused_in_words_the_page_shows(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    """Review s50: the server said an odd "already closed" to such a call; now a 400 with a
    clear refusal, which the page shows as it is (not its general "could not be processed")."""
    await a_draft_then_two_leads(bot)

    async def forged(route: Route) -> None:  # the button's call, sent for the lead itself
        body = json.loads(route.request.post_data or "{}")
        await route.continue_(post_data=json.dumps({**body, "other": body["id"]}))

    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.route("**/api/close-duplicate", forged)
        await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/3")
        await page.locator(".lead-head .reference", has_text="KOC-000002").wait_for()
        close = shown(Text.BTN_CLOSE_DUPLICATE, reference="KOC-000001")
        await page.get_by_role("button", name=close).click()
        await page.get_by_role("button", name=t(Text.WS_DUPLICATE_CONFIRM_YES)).click()
        refused = shown(Text.RECORDS_DUPLICATE_SELF, reference="KOC-000002")
        await page.locator("#toast[data-kind=error]", has_text=refused).wait_for()
        await seen.shot(screens, "lead-duplicate-self-refused-400-light")
        assert await page.get_by_role("button", name=close).is_visible()  # nothing changed
    state = await bot.store.pipeline.state(3)
    assert state is not None and not state.closed_duplicate


async def test_the_history_says_whether_staff_chose_tanpa_kabar(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    """Review s49: "Tanpa kabar" and a stage without a message read the same."""
    await a_draft_then_two_leads(bot)
    for stage in ("dihubungi", "shortlist"):  # no message; then one, withheld
        move = await stage_changes.change_stage(
            bot.store, CONTENT, 2, stage, actor=Actor.cli(), notify=False, forwarding=None
        )
        assert move.outcome == "saved"
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/2")
        await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
        withheld = page.locator("li", has_text=label("shortlist")).locator(".tag")
        await withheld.wait_for()
        assert await withheld.inner_text() == t(Text.PIPELINE_HISTORY_WITHHELD)
        quiet = page.locator("li", has_text=f"{label('baru')} → {label('dihubungi')}")
        assert await quiet.locator(".tag").count() == 0  # no message: no word
        await withheld.scroll_into_view_if_needed()
        await seen.shot(screens, "lead-history-withheld-400-light")
    assert seen.errors == []


async def test_closing_a_lead_another_admin_closed_names_the_lead_it_duplicates(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    """Desk s50: a close on a page from before another admin closed the lead said "changed
    elsewhere… Buka lagi" (the reopen button's words) without why; now it names the lead it
    is a duplicate of, and the page shows it closed."""
    await a_draft_then_two_leads(bot)  # Sari KOC-000001 (id 2), Budi KOC-000002 (id 3)
    dewi = bot.user(first_name="Dewi")
    dewis = {**MUSICIAN, "full_name": "Dewi", "email": "dewi@contoh.id", "phone": SAME_PHONE}
    assert await apply(bot, dewi, dewis) == "KOC-000003"
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size({"width": 400, "height": 860})
        await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/4")
        await page.locator(".lead-head .reference", has_text="KOC-000003").wait_for()
        assert await bot.store.duplicates.close_duplicate(4, 2, Actor.cli()) == "saved"
        close = shown(Text.BTN_CLOSE_DUPLICATE, reference="KOC-000002")
        await page.get_by_role("button", name=close).click()
        await page.get_by_role("button", name=t(Text.WS_DUPLICATE_CONFIRM_YES)).click()
        why = shown(
            Text.RECORDS_DUPLICATE_CLOSED_ALREADY, reference="KOC-000003", other="KOC-000001"
        )
        await page.locator("#toast[data-kind=warning]", has_text=why).wait_for()
        # The page is read again: closed, with the lead it duplicates, and Reopen.
        closed = shown(Text.RECORDS_CLOSED_DUPLICATE, reference="KOC-000001")
        await page.locator(".duplicates .words", has_text=closed).wait_for()
        await page.get_by_role("button", name=t(Text.BTN_REOPEN)).wait_for()
        await seen.shot(screens, "lead-duplicate-closed-meanwhile-400-light")
    assert seen.alerts == [] and seen.errors == []
