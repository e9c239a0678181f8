"""Stage moves as a new staff member met them (review s48): what a move says names the lead by
its own reference, never by its application id (drafts take ids too)."""

from __future__ import annotations

import json
from typing import Any

from bot.emulator import EmulatedUser
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import FILMMAKER, MUSICIAN, apply, consent
from tests.test_pipeline import label, rows, t, visible
from tests.workspace import workspace

SAME_PHONE = "+62 812-3456-7890"


def said(key: Text, **values: Any) -> str:
    """A text as the workspace says it (Telegram HTML dropped)."""
    return visible(t(key, **values))


async def a_draft_then_two_leads(bot: Harness) -> tuple[EmulatedUser, EmulatedUser]:
    """Joko stops mid-form (his draft takes application id 1); Sari (KOC-000001, id 2) and
    Budi, another account with Sari's phone (KOC-000002, id 3), register."""
    joko = bot.user(first_name="Joko")
    await bot.send(joko, "/daftar")
    await consent(bot, joko)
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    budi = bot.user(first_name="Budi")
    assert await apply(bot, budi, {**FILMMAKER, "phone": SAME_PHONE}) == "KOC-000002"
    submitted = "SELECT id, reference FROM applications WHERE status = 'submitted' ORDER BY id"
    assert rows(bot.database, submitted) == [(2, "KOC-000001"), (3, "KOC-000002")]
    return sari, budi


def refusals(bot: Harness, reference: str) -> list[dict[str, Any]]:
    found = rows(
        bot.database,
        "SELECT detail FROM audit_log WHERE action = 'stage_change_refused' AND lead_ref = ?"
        " ORDER BY id",
        (reference,),
    )
    return [json.loads(detail) for (detail,) in found]


async def test_the_workspace_names_the_moved_lead_by_its_reference_not_its_id(
    bot: Harness,
) -> None:
    await a_draft_then_two_leads(bot)
    async with workspace(bot, ADMIN_ID) as client:
        # Ditinjau has no talent message: saved at once, and said so.
        saved = await client.ok("preview", {"id": 2, "stage": "ditinjau", "version": 0})
        assert saved["outcome"] == "saved"
        assert saved["text"] == said(
            Text.PIPELINE_SAVED, reference="KOC-000001", stage=label("ditinjau")
        )
        assert "KOC-000002" not in saved["text"]
        stale = await client.ok("preview", {"id": 2, "stage": "baru", "version": 0})
        assert stale["outcome"] == "conflict" and "KOC-000001" in stale["text"]
        shortlist = await client.ok("preview", {"id": 3, "stage": "shortlist", "version": 0})
        assert shortlist["outcome"] == "preview"
        moved = await client.ok(
            "move", {"id": 3, "stage": "shortlist", "version": 0, "notify": False}
        )
        assert moved["outcome"] == "saved" and moved["text"].startswith("✅ KOC-000002 ")
        reopened = await client.ok("reopen-duplicate", {"id": 3})  # not closed: "same"
        assert reopened["text"] == said(Text.RECORDS_DUPLICATE_REOPENED, reference="KOC-000002")
