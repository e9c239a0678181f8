"""The workspace's bulk move keeps its preview as Telegram's Move all does: confirming refers
to the stored preview (never to leads the page lists), moves it once, only for the admin who
made it, and not after 30 minutes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded
from tests.test_pipeline import SECOND_ADMIN, rows
from tests.workspace import init_data, workspace


def _stages(bot: Harness) -> list[tuple[Any, ...]]:
    return rows(bot.database, "SELECT application_id, stage FROM lead_pipeline ORDER BY 1")


async def test_a_bulk_move_confirms_its_stored_preview_once_and_within_30_minutes(
    make_bot: Any,
) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID, SECOND_ADMIN}))
    await seeded(bot.database, [Seed(7000 + n, MUSICIAN) for n in range(1, 4)])
    async with workspace(bot, ADMIN_ID) as client:
        other = client.as_user(init_data(bot.settings.token(), SECOND_ADMIN))
        quiet = {"stage": "shortlist", "notify": False}
        # The page's list of leads is not what moves: only a stored preview is.
        status, answer = await client.call("bulk-move", {"leads": [[3, 0]], **quiet})
        assert (status, answer["error"]) == (400, "bad_request")

        late = await client.ok("bulk-preview", {"ids": [1], "stage": "shortlist"})
        forgotten = (datetime.now(UTC) - timedelta(minutes=31)).isoformat()
        async with bot.store.db.transaction() as tx:  # confirmed 31 minutes later
            await tx.execute(
                "UPDATE pipeline_batches SET previewed_at = ? WHERE id = ?",
                (forgotten, late["batch"]),
            )
        expired = CONTENT.text(Text.WS_BULK_EXPIRED, "id", minutes=30)
        answer = await client.ok("bulk-move", {"batch": late["batch"], **quiet})
        assert answer == {"outcome": "expired", "text": expired}
        gone = {"outcome": "gone", "text": CONTENT.text(Text.WS_BULK_GONE, "id")}
        assert await client.ok("bulk-move", {"batch": late["batch"], **quiet}) == gone

        mine = await client.ok("bulk-preview", {"ids": [2, 3], "stage": "shortlist"})
        assert await other.ok("bulk-move", {"batch": mine["batch"], **quiet}) == gone
        assert _stages(bot) == [(1, "baru"), (2, "baru"), (3, "baru")]
        moved = await client.ok("bulk-move", {"batch": mine["batch"], **quiet})
        assert (moved["outcome"], moved["moved"]) == ("saved", 2)
        assert await client.ok("bulk-move", {"batch": mine["batch"], **quiet}) == gone
    assert _stages(bot) == [(1, "baru"), (2, "shortlist"), (3, "shortlist")]
    confirmed = rows(bot.database, "SELECT COUNT(*) FROM audit_log WHERE action = 'bulk_move'")
    assert confirmed == [(1,)]
