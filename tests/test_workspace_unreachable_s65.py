"""A staff member whose private chat the bot cannot write to (never started it, opening the
workspace from a link; or blocked the bot) is told so by the workspace,
with what to do, instead of being promised reports in that chat that never come (s65)."""

from __future__ import annotations

from typing import Any

from bot.emulator import EmulatedUser
from bot.leads.export import plain_text
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply
from tests.subscribers import add_subscribers
from tests.test_pipeline import label, wait_sent
from tests.test_workspace_broadcasts import written
from tests.workspace import workspace


def said(key: Text, **values: Any) -> str:
    """A text as the workspace says it (plain text, in the test admin's Indonesian)."""
    return plain_text(CONTENT.text(key, "id", **values))


def notice(bot: Harness) -> str:
    """What the page says at its top, naming the bot by its @username."""
    return said(Text.WS_UNREACHABLE, bot=f"@{bot.runner.application.bot.username}")


async def a_lead(bot: Harness) -> EmulatedUser:
    """Sari registers: KOC-000001, application id 1."""
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    return sari


async def moved(client: Any, stage: str) -> dict[str, Any]:
    """The lead moved to a stage with a message, Send update pressed."""
    lead = await client.ok("lead", {"id": 1})
    body = {"id": 1, "stage": stage, "version": lead["version"]}
    assert (await client.ok("preview", body))["outcome"] == "preview"
    answer: dict[str, Any] = await client.ok("move", {**body, "notify": True})
    return answer


async def test_a_staff_member_who_never_started_the_bot_is_told_and_promised_no_report(
    bot: Harness,
) -> None:
    sari = await a_lead(bot)
    admin = bot.emulator.user(ADMIN_ID)  # in the staff group only: no private chat
    async with workspace(bot, ADMIN_ID) as client:
        assert (await client.ok("session"))["unreachable"] == notice(bot)
        done = await moved(client, "shortlist")
        assert done["text"] == said(
            Text.WS_SAVED_UNREPORTED, reference="KOC-000001", stage=label("shortlist")
        )
        await wait_sent(bot, 1)
        assert sari.last_message is not None  # the talent got their update all the same
        assert admin.messages == []  # ... and the report could not reach the admin
        # Started: the notice goes, and the report is promised and comes.
        await bot.send(admin, "/start")
        assert (await client.ok("session"))["unreachable"] is None
        mark = admin.mark()
        done = await moved(client, "selesai")
        assert done["text"] == said(
            Text.WS_SAVED_NOTIFYING, reference="KOC-000001", stage=label("selesai")
        )
        await wait_sent(bot, 1, count=2)
        assert "KOC-000001" in admin.messages_since(mark)[-1].text


async def test_a_staff_member_who_blocked_the_bot_is_told_at_each_report_it_would_send(
    bot: Harness,
) -> None:
    await a_lead(bot)
    await add_subscribers(bot.store, bot.emulator, 2)
    admin = bot.emulator.user(ADMIN_ID)
    await bot.send(admin, "/start")
    await bot.settle(admin.block())
    async with workspace(bot, ADMIN_ID) as client:
        assert (await client.ok("session"))["unreachable"] == notice(bot)
        planned = await client.ok("bulk-preview", {"ids": [1], "stage": "shortlist"})
        done = await client.ok(
            "bulk-move", {"batch": planned["batch"], "stage": "shortlist", "notify": True}
        )
        assert done["messages"] == 1
        assert done["text"].endswith("\n" + said(Text.WS_BULK_UNREPORTED))
        # An announcement: the preview to their own chat is refused by Telegram for that
        # reason, said as such (not "fix the message"); queued, no progress is promised.
        shown = await client.ok("broadcast-preview", written())
        tried = await client.ok("broadcast-try", {"id": shown["id"]})
        assert tried == {"outcome": "refused", "text": notice(bot)}
        sent = await client.ok("broadcast-send", {"id": shown["id"], "written": shown["written"]})
        queued = said(Text.WS_BROADCAST_QUEUED_HERE, id=shown["id"], count=2)
        assert sent["text"] == f"{queued} {said(Text.WS_BROADCAST_UNREPORTED)}"
        # Unblocked: promised again.
        await bot.settle(admin.unblock())
        assert (await client.ok("session"))["unreachable"] is None


async def test_a_report_telegram_refuses_tells_the_workspace_next_time(bot: Harness) -> None:
    """The bot missed Telegram's word of the block (no update): the refused report itself
    marks the staff member, and the page says so from then on."""
    await a_lead(bot)
    admin = bot.emulator.user(ADMIN_ID)
    await bot.send(admin, "/start")
    admin.blocked = True  # sends to them now fail with 403; the bot was not told
    async with workspace(bot, ADMIN_ID) as client:
        assert (await client.ok("session"))["unreachable"] is None
        await moved(client, "shortlist")
        await wait_sent(bot, 1)
        assert (await client.ok("session"))["unreachable"] == notice(bot)
        done = await moved(client, "selesai")
        assert done["text"] == said(
            Text.WS_SAVED_UNREPORTED, reference="KOC-000001", stage=label("selesai")
        )
