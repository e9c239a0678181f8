"""The workspace's lead history says what became of the talent's message, as /lead does, in a
real browser (headless Chromium). Review s58 H1: a coordinator who chose Shortlist with
📨 Kirim kabar and corrected it a second later read "kabar dikirim ke talenta" on the lead page,
while the message was never sent and /lead said so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import EmulatedUser
from bot.leads.stage_changes import change_stage
from bot.store.audit import Actor
from bot.texts import Text
from tests.browser import Chromium, Watched, page_url, served, watched
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import TEST_FORWARDING, Harness
from tests.leads import CONTENT
from tests.subscribers import wait_until
from tests.test_pipeline import (
    _seed_talents,
    admin_of,
    expected_message,
    history_told,
    label,
    t,
    visible,
    wait_sent,
)
from tests.test_workspace_browser import wait_text

CLOSED = "selesai"  # Tidak dilanjutkan: a stage with its own message, as Shortlist has
AHEAD = 6  # pacing.IN_FLIGHT: the messages of other leads under way, which a seventh waits for


@pytest.fixture
async def patient(
    make_bot: Callable[..., Any], staff_chat: Any, monkeypatch: pytest.MonkeyPatch
) -> Harness:
    """The bot of `bot`, waiting for Telegram's answer however long it is held (not giving up
    on it after the harness's 2 s and sending again), so held messages stay under way."""
    monkeypatch.setattr(Harness, "read_timeout", None)
    harness: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    return harness


async def _tag(seen: Watched, before: str, after: str, language: str = "id") -> str:
    """The tag of the lead page's history entry for the move from one stage to another."""
    moved = f"{label(before, language)} → {label(after, language)}"
    entry = seen.page.locator("li", has_text=moved)
    return await entry.locator(".tag").inner_text()


async def _look(seen: Watched, before: str, after: str, language: str = "id") -> tuple[str, str]:
    """How that entry's tag looks: its class and its colour."""
    moved = f"{label(before, language)} → {label(after, language)}"
    tag = seen.page.locator("li", has_text=moved).locator(".tag")
    looks = await tag.evaluate("tag => [tag.className, getComputedStyle(tag).color]")
    return looks[0], looks[1]


async def _move(seen: Watched, stage: str) -> None:
    """A stage button on the lead page, then 📨 Kirim kabar under the preview."""
    page = seen.page
    await page.locator(".stage-buttons button", has_text=label(stage)).click()
    await page.locator("dialog .bubble").wait_for()
    await page.get_by_role("button", name=t(Text.BTN_SEND_UPDATE)).click()
    await wait_text(seen, ".stage-now", label(stage))


async def _chat_history(bot: Harness, admin: EmulatedUser, reference: str) -> str:
    (page,) = await bot.send(admin, f"/lead {reference}")
    return page.text


async def test_a_stage_changed_again_at_once_is_not_told_on_the_lead_page(
    patient: Harness, staff_chat: Any, chromium: Chromium, screens: Path | None
) -> None:
    bot = patient
    admin = admin_of(staff_chat)
    await bot.send(admin, "/start")
    ani, *others = await _seed_talents(bot, 1 + AHEAD)  # Ani: KOC-000001, application 1
    # Messages to six other talents are under way (held in Telegram's answer), so Ani's
    # waits in the queue: the coordinator corrects her outcome before it is sent.
    holds = [bot.emulator.hold("sendMessage", chat_id=other.id) for other in others]
    for application_id in range(2, 2 + AHEAD):
        move = await change_stage(
            bot.store,
            CONTENT,
            application_id,
            CLOSED,
            actor=Actor.cli(),
            notify=True,
            forwarding=TEST_FORWARDING,
        )
        assert move.update_id is not None
    for hold in holds:
        await hold.arrived.wait()
    mark = ani.mark()
    try:
        async with served(bot) as base, chromium.context() as context:
            seen = await watched(context)
            page = seen.page
            await page.goto(page_url(base, bot, ADMIN_ID) + "&lead/1")
            await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
            await _move(seen, "shortlist")  # the wrong outcome…
            await _move(seen, CLOSED)  # … corrected a second later
            await page.reload()
            await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
            # Not "the talent was told": what /lead says, the first dropped, the second queued.
            assert await _tag(seen, "baru", "shortlist") == t(Text.PIPELINE_HISTORY_SUPERSEDED)
            assert await _tag(seen, "shortlist", CLOSED) == t(Text.PIPELINE_HISTORY_QUEUED)
            chat = await _chat_history(bot, admin, "KOC-000001")
            for before, after, outcome in (
                ("baru", "shortlist", Text.PIPELINE_HISTORY_SUPERSEDED),
                ("shortlist", CLOSED, Text.PIPELINE_HISTORY_QUEUED),
            ):
                moved = f"{label(before)} → {label(after)}"
                assert visible(moved + history_told(outcome)) in chat

            for hold in holds:
                hold.release()
            await wait_sent(bot, 1)
            await page.reload()
            await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
            # Delivered: now, and only now, the page says she got it; the dropped one stays so.
            assert await _tag(seen, "shortlist", CLOSED) == t(Text.PIPELINE_HISTORY_SENT)
            assert await _tag(seen, "baru", "shortlist") == t(Text.PIPELINE_HISTORY_SUPERSEDED)
            # The one never sent does not look like the one sent (the s58 re-check: both were
            # small blue text): marked apart, in another colour.
            dropped = await _look(seen, "baru", "shortlist")
            sent_looks = await _look(seen, "shortlist", CLOSED)
            assert (dropped[0], sent_looks[0]) == ("tag not-reached", "tag")
            assert dropped[1] != sent_looks[1]
            if screens is not None:
                await page.locator("li", has_text=label(CLOSED)).last.scroll_into_view_if_needed()
                await page.set_viewport_size({"width": 390, "height": 700})
                await seen.shot(screens, "lead-history-not-reached-390")
                await page.emulate_media(color_scheme="dark")
                await seen.shot(screens, "lead-history-not-reached-390-dark")
            chat = await _chat_history(bot, admin, "KOC-000001")
            sent = f"{label('shortlist')} → {label(CLOSED)}" + history_told(
                Text.PIPELINE_HISTORY_SENT
            )
            assert visible(sent) in chat
    finally:  # a failed step must not leave the bot waiting for Telegram at its stop
        for hold in holds:
            hold.release()
    assert seen.alerts == [] and seen.errors == []
    # She got one message, the right one: never the Shortlist news.
    assert [m.html for m in ani.messages_since(mark)] == [
        expected_message(CLOSED, "KOC-000001", ani.first_name)
    ]


async def test_a_failed_or_blocked_message_reads_the_same_on_the_lead_page_and_in_lead(
    bot: Harness, staff_chat: Any, chromium: Chromium
) -> None:
    admin = admin_of(staff_chat)
    await bot.send(admin, "/start")
    refused, gone = await _seed_talents(bot, 2)  # KOC-000001, KOC-000002
    bot.emulator.fail_next(
        "sendMessage",
        status=400,
        description="Bad Request: message is too long",
        chat_id=refused.id,
    )
    gone.block()
    for application_id in (1, 2):
        await change_stage(
            bot.store,
            CONTENT,
            application_id,
            "shortlist",
            actor=Actor.cli(),
            notify=True,
            forwarding=TEST_FORWARDING,
        )

    async def finished() -> bool:
        counts = [await bot.store.pipeline.update_counts(n) for n in (1, 2)]
        return counts == [{"failed": 1}, {"blocked": 1}]

    await wait_until(finished)
    await bot.caught_up()
    undelivered = history_told(Text.PIPELINE_HISTORY_UNDELIVERED)
    async with served(bot) as base, chromium.context() as context:
        # Each in a staff member's language (the second's page in English).
        for application_id, reference, language in (
            (1, "KOC-000001", "id"),
            (2, "KOC-000002", "en"),
        ):
            chat = await _chat_history(bot, admin, reference)
            assert visible(f"{label('baru')} → {label('shortlist')}" + undelivered) in chat
            seen = await watched(context)  # a page of its own: the app keeps no fragment
            address = page_url(base, bot, ADMIN_ID, language=language)
            await seen.page.goto(f"{address}&lead/{application_id}")
            await seen.page.locator(".lead-head .reference", has_text=reference).wait_for()
            tag = await _tag(seen, "baru", "shortlist", language)
            assert tag == t(Text.PIPELINE_HISTORY_UNDELIVERED, language)
            assert (await _look(seen, "baru", "shortlist", language))[0] == "tag not-reached"
            assert seen.alerts == [] and seen.errors == []
