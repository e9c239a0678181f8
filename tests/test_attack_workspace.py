"""rev-attack finding 5: the workspace's "move" tells an admin that a draft (or an id that
never was a lead) was erased at the talent's request, under a reference it never had.

bot/web/actions.py `move` passes any id to pipeline.change_stage, whose "gone" outcome
`_report` words as PIPELINE_GONE with lead_page.reference(id): "KOC-000002 sudah tidak ada:
datanya dihapus atas permintaan talenta". `preview`, `lead`, `note`, `assign` and `reply`
answer the same id with 404; `move` answers 200, and records a refused stage change.
"""

from __future__ import annotations

from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded
from tests.workspace import workspace


async def test_finding_5_moving_a_draft_is_not_found_as_previewing_it_is(bot: Harness) -> None:
    await seeded(
        bot.database,
        [Seed(7001, MUSICIAN), Seed(7002, {**MUSICIAN, "full_name": "Draf"}, submitted_at=None)],
    )
    async with workspace(bot, ADMIN_ID) as client:
        body = {"id": 2, "stage": "ditinjau", "version": 0}
        assert await client.call("preview", body) == (404, {"error": "not_found"})
        status, answer = await client.call("move", {**body, "notify": False})
    # seen: 200 {"outcome": "gone", "text": "KOC-000002 sudah tidak ada: datanya dihapus atas
    # permintaan talenta. ..."}: no talent asked, and KOC-000002 was never given
    assert (status, answer) == (404, {"error": "not_found"})
