"""Stage moves as a new staff member met them (review s48): a lead closed as a duplicate is
moved by no stage, whoever sends it (Reopen is the one way back); what a move says names the
lead by its own reference, never by its application id (drafts take ids too); and a bulk
move's preview says whose talent still waits for an answer, in the chat and the workspace."""

from __future__ import annotations

import json
from typing import Any

from bot.emulator import EmulatedUser
from bot.leads import stage_changes
from bot.store.audit import Actor
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, apply, consent, shown
from tests.test_pipeline import admin_of, label, rows, t, visible
from tests.test_support import relayed_question
from tests.workspace import workspace

SAME_PHONE = "+62 812-3456-7801"


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


async def test_a_closed_duplicate_is_moved_by_no_stage_in_the_workspace(bot: Harness) -> None:
    _, budi = await a_draft_then_two_leads(bot)
    async with workspace(bot, ADMIN_ID) as client:
        lead = await client.ok("lead", {"id": 3})
        closing = {"id": 3, "other": 2, "version": lead["version"]}
        assert (await client.ok("close-duplicate", closing))["outcome"] == "saved"
        lead = await client.ok("lead", {"id": 3})
        assert lead["duplicates"]["closed"] is True
        version = lead["version"]
        refused = said(
            Text.PIPELINE_CLOSED_DUPLICATE,
            reference="KOC-000002",
            other="KOC-000001",
            stage=label("baru"),
        )
        heard = len(budi.messages)
        # A stage without a message (saved at once), one with a message (no preview of a
        # message it will not get), and the Send update of a page opened before: refused.
        for stage in ("ditinjau", "shortlist"):
            answer = await client.ok("preview", {"id": 3, "stage": stage, "version": version})
            assert answer["outcome"] == "closed_duplicate", stage
            assert answer["text"] == refused
            assert answer["stage"] == "baru" and answer["version"] == version
        sent = {"id": 3, "stage": "shortlist", "version": version, "notify": True}
        assert (await client.ok("move", sent))["text"] == refused
        lead = await client.ok("lead", {"id": 3})
        assert lead["duplicates"]["closed"] is True and lead["stage"] == "baru"
        assert lead["version"] == version and lead["history"] == []
        assert "↩️ Buka lagi" in refused  # what to do instead

        # A bulk move skips it and says so, before and after.
        planned = await client.ok("bulk-preview", {"ids": [2, 3], "stage": "ditinjau"})
        assert said(Text.BULK_PREVIEW_DUPLICATES, count=1) in planned["summary"]
        done = await client.ok(
            "bulk-move", {"batch": planned["batch"], "stage": "ditinjau", "notify": False}
        )
        assert done["moved"] == 1
        which = said(Text.BULK_CLOSED_ONE, reference="KOC-000002", other="KOC-000001")
        skipped = said(Text.BULK_SKIPPED_DUPLICATES, count=1, which=which)
        assert skipped.strip() in done["text"]
        assert (await client.ok("lead", {"id": 3}))["duplicates"]["closed"] is True

        # Reopened, it moves again.
        await client.ok("reopen-duplicate", {"id": 3})
        version = (await client.ok("lead", {"id": 3}))["version"]
        moved = await client.ok("preview", {"id": 3, "stage": "ditinjau", "version": version})
        assert moved["outcome"] == "saved"
    assert len(budi.messages) == heard
    assert rows(bot.database, "SELECT * FROM talent_updates") == []
    reasons = [
        (item["reason"], item["wanted"], item["from"]) for item in refusals(bot, "KOC-000002")
    ]
    assert reasons == [
        ("closed_duplicate", stage, "workspace") for stage in ("ditinjau", "shortlist", "shortlist")
    ]


async def test_a_closed_duplicate_is_moved_by_no_chat_button_nor_the_command_line(
    bot: Harness, staff_chat: Any
) -> None:
    await a_draft_then_two_leads(bot)
    admin = admin_of(staff_chat)
    assert await bot.store.duplicates.close_duplicate(3, 2, Actor.cli()) == "saved"
    state = await bot.store.pipeline.state(3)
    assert state is not None and state.closed_duplicate
    (page,) = await bot.send(admin, "/lead KOC-000002")
    assert label("ditinjau") not in page.button_texts  # as before: Reopen is the way back
    refused = shown(
        Text.PIPELINE_CLOSED_DUPLICATE,
        reference="KOC-000002",
        other="KOC-000001",
        stage=label("baru"),
    )
    # A button of this lead's page at its current version (an old page of another chat, a
    # forged press): a stage with a message is not previewed, one without is not saved, and
    # a preview's Send update does not send.
    for stage, data in (
        ("shortlist", f"pl:s:3:shortlist:{state.version}"),
        ("ditinjau", f"pl:s:3:ditinjau:{state.version}"),
        ("send update", f"pl:c:3:shortlist:{state.version}:1"),
    ):
        (page,) = await bot.send(admin, "/lead KOC-000002")
        (answer,) = await bot.act(admin, admin.press_raw, page.message_id, data)
        assert answer.text == refused, stage
    state = await bot.store.pipeline.state(3)
    assert state is not None and state.closed_duplicate and state.stage == "baru"
    assert rows(bot.database, "SELECT * FROM talent_updates") == []
    # `kocca-bot lead --stage` goes through the same core.
    move = await stage_changes.change_stage(
        bot.store, CONTENT, 3, "ditinjau", actor=Actor.cli(), notify=False, forwarding=None
    )
    assert move.outcome == "closed_duplicate"
    state = await bot.store.pipeline.state(3)
    assert state is not None and state.closed_duplicate and state.stage == "baru"
    reasons = [(item["reason"], item["wanted"]) for item in refusals(bot, "KOC-000002")]
    assert reasons == [
        ("closed_duplicate", "shortlist"),
        ("closed_duplicate", "ditinjau"),
        ("closed_duplicate", "shortlist"),
        ("closed_duplicate", "ditinjau"),
    ]


async def test_a_bulk_preview_names_the_leads_whose_talent_waits_for_an_answer(
    bot: Harness, staff_chat: Any
) -> None:
    sari, _ = await a_draft_then_two_leads(bot)
    await relayed_question(bot, staff_chat, sari, "Kak, biaya bagasinya ditanggung juga?")
    waits = said(Text.BULK_PREVIEW_WAITING, count=1, references="KOC-000001")
    # Natural Indonesian: what to do first, and why (a staff review found it stiff).
    assert waits.endswith(
        "Sebaiknya jawab dulu pertanyaannya (di tab Pertanyaan atau grup staf), supaya kabar"
        " ini tidak sampai lebih dulu daripada jawabannya."
    )
    admin = admin_of(staff_chat)
    # The chat's Move all.
    await bot.send(admin, "/leads baru")
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=2))
    mark = admin.mark()
    await bot.press(admin, label("selesai"))
    preview = admin.messages_since(mark)[0]
    assert waits in preview.text.splitlines()
    # The workspace's Move to stage… of the ticked leads.
    async with workspace(bot, ADMIN_ID) as client:
        planned = await client.ok("bulk-preview", {"ids": [2, 3], "stage": "selesai"})
        assert waits in planned["summary"].splitlines()
        # Only Budi's lead: nobody waits, no line.
        planned = await client.ok("bulk-preview", {"ids": [3], "stage": "selesai"})
        assert "💬" not in planned["summary"]
        # A stage without an update for the talent (Ditinjau): no "so this update does not
        # arrive before the answer" above "This stage has no update" (a staff review s59, L1).
        planned = await client.ok("bulk-preview", {"ids": [2, 3], "stage": "ditinjau"})
        assert t(Text.BULK_NO_MESSAGE) in planned["summary"]
        assert "💬" not in planned["summary"]
    # Nor in the chat's Move all.
    await bot.send(admin, "/leads baru")
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=2))
    mark = admin.mark()
    await bot.press(admin, label("ditinjau"))
    preview = admin.messages_since(mark)[0]
    assert t(Text.BULK_NO_MESSAGE) in preview.text
    assert "💬" not in preview.text
