"""The workspace's "move" answers a lead that is not there (a draft, an id never given, a lead
erased since its preview) with 404, as preview, lead, note, assign and reply do: it never calls
a draft "erased at the talent's request" under a reference it never had, nor records a refused
stage change for it."""

from __future__ import annotations

from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded
from tests.test_pipeline import rows
from tests.workspace import workspace

NOT_FOUND = (404, {"error": "not_found"})


async def test_moving_a_lead_that_is_not_there_is_not_found(bot: Harness) -> None:
    talent = bot.emulator.user(7001, first_name="Sari")
    await seeded(
        bot.database,
        [
            Seed(7001, MUSICIAN, first_name="Sari"),
            Seed(7002, {**MUSICIAN, "full_name": "Draf"}, submitted_at=None),
        ],
    )
    async with workspace(bot, ADMIN_ID) as client:
        for application_id in (2, 99):  # a draft; an id never given
            body = {"id": application_id, "stage": "ditinjau", "version": 0}
            assert await client.call("preview", body) == NOT_FOUND
            assert await client.call("move", {**body, "notify": False}) == NOT_FOUND
        # A lead erased between its preview and the admin's choice.
        body = {"id": 1, "stage": "shortlist", "version": 0}
        assert (await client.ok("preview", body))["outcome"] == "preview"
        await bot.send(talent, "/hapusdata")
        await bot.press(talent, talent.last_message.button_texts[0])  # yes, erase everything
        assert await client.call("move", {**body, "notify": True}) == NOT_FOUND
    refused = rows(bot.database, "SELECT 1 FROM audit_log WHERE action = 'stage_change_refused'")
    assert refused == []
