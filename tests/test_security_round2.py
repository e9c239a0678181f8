"""Issue 26 findings on the staff desk: every view of a lead is audited (7), and Move all acts
only on the leads it previewed (2).

Each test drives the real bot the way the reviewers did.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.leads.stage_changes import change_stage
from bot.store.audit import Actor
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT
from tests.test_pipeline import _seed_talents, admin_of, audit, label, t


async def test_every_page_of_a_lead_is_audited_an_unassign_of_nobody_included(
    bot: Harness, staff_chat: Any
) -> None:
    """A stale Unassign (the lead was already handed back) changes nothing, yet shows the
    whole lead: that view is recorded like any other."""
    admin = admin_of(staff_chat)
    await _seed_talents(bot, 1)
    (page,) = await bot.send(admin, "/lead KOC-000001")
    await bot.act(admin, admin.press_raw, page.message_id, "pl:a:1:0")  # Unassign
    shown = admin.last_message  # the page again (unchanged, so Telegram keeps it as it was)
    assert "KOC-000001" in shown.text and t(Text.BTN_ASSIGN_ME) in shown.button_texts
    assert await audit(bot) == [(ADMIN_ID, "telegram", "lead_viewed", "KOC-000001")] * 2
    # An assignment that changes something is recorded as such, and covers the page it shows.
    await bot.act(admin, admin.press_raw, page.message_id, "pl:a:1:1")
    assert [action for _, _, action, _ in await audit(bot)][2:] == ["assigned"]


async def test_move_all_moves_and_messages_only_the_leads_it_previewed(
    bot: Harness, staff_chat: Any
) -> None:
    """Between the preview and the confirmation another admin moves one lead and a new lead
    arrives: neither is moved or messaged; the report counts the one that changed."""
    admin = admin_of(staff_chat)
    await bot.send(admin, "/start")
    talents = await _seed_talents(bot, 3)
    await bot.send(admin, "/leads musik")
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=3))
    replies = await bot.press(admin, label("selesai"))
    assert "3 pendaftar (Musik) → " in replies[-2].text
    moved = await change_stage(
        bot.store, CONTENT, 1, "ditinjau", actor=Actor.cli(), notify=False, forwarding=None
    )
    assert moved.outcome == "saved"  # another admin, meanwhile
    [late] = await _seed_talents(bot, 1, first_id=6000)  # KOC-000004 arrives meanwhile
    mark = admin.mark()
    await bot.press(admin, t(Text.BTN_BULK_SEND))
    done = admin.last_message.text
    assert "2 pendaftar sekarang di tahap" in done
    # "Dilewati: 1 karena … (KOC-000001)": the changed one named (review s63, L4)
    assert t(Text.BULK_SKIPPED, changed=1, already=0, which=" (KOC-000001)") in done
    await admin.wait_for_messages(mark, count=2, timeout=60)  # the delivery report
    states = [await bot.store.pipeline.state(number) for number in (1, 2, 3, 4)]
    assert [state.stage if state else None for state in states] == [
        "ditinjau",
        "selesai",
        "selesai",
        "baru",
    ]
    assert [len(talent.messages) for talent in [*talents, late]] == [0, 1, 1, 0]


async def test_a_move_all_preview_left_for_over_30_minutes_moves_nothing(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    await bot.send(admin, "/start")
    talents = await _seed_talents(bot, 2)
    await bot.send(admin, "/leads musik")
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=2))
    await bot.press(admin, label("selesai"))
    forgotten = (datetime.now(UTC) - timedelta(minutes=31)).isoformat()
    async with bot.store.db.transaction() as tx:  # pressed 31 minutes later
        await tx.execute("UPDATE pipeline_batches SET previewed_at = ?", (forgotten,))
    await bot.press(admin, t(Text.BTN_BULK_SEND))
    assert admin.last_message.text == t(Text.BULK_PREVIEW_EXPIRED, minutes=30)
    states = [await bot.store.pipeline.state(number) for number in (1, 2)]
    assert [state.stage if state else None for state in states] == ["baru", "baru"]
    # Pressed again: the move was dropped, nothing moves later either.
    await bot.act(admin, admin.press_raw, admin.last_message.message_id, "pl:bc:1:1")
    assert [len(talent.messages) for talent in talents] == [0, 0]
    assert await bot.store.pipeline.bulk(1) == ("music", ADMIN_ID, "selesai", "cancelled")
