"""Assigning is checked against what the presser saw, as a stage move is (a staff review s63,
H1): a stale "👤 Saya tangani" or a pick from an older page no longer takes a lead from a
colleague without a word, a stale "👤 Lepas" no longer takes it off them; each refusal says
who has the lead, is in the audit, and one more press takes it over deliberately. In the chat
(/lead's buttons, Assign to…) and the workspace; also a release's history line, and a bulk
move's report naming the leads it skipped (L4)."""

from __future__ import annotations

import json
from typing import Any

from bot.emulator import EmulatedUser
from bot.leads.stage_changes import change_stage
from bot.store.audit import Actor
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT
from tests.test_pipeline import SECOND_ADMIN, _seed_talents, rows, t, two_admins
from tests.test_workspace_records import said
from tests.workspace import init_data, workspace

__all__ = ["two_admins"]  # the fixture, used by name

REFERENCE = "KOC-000001"


def refusals(bot: Harness) -> list[dict[str, Any]]:
    """The refused assignments' audit details, oldest first (each about KOC-000001)."""
    found = rows(
        bot.database,
        "SELECT lead_ref, detail FROM audit_log WHERE action = 'assign_refused' ORDER BY id",
    )
    assert {lead for lead, _ in found} <= {REFERENCE}
    return [json.loads(detail) for _, detail in found]


async def assignee(bot: Harness) -> int | None:
    state = await bot.store.pipeline.state(1)
    assert state is not None
    return state.assignee_id


async def test_a_stale_assign_to_me_or_unassign_in_the_chat_is_refused_with_who_has_it(
    two_admins: tuple[Harness, EmulatedUser, EmulatedUser],
) -> None:
    bot, admin, dewi = two_admins
    await _seed_talents(bot, 1)
    (admin_page,) = await bot.send(admin, f"/lead {REFERENCE}")
    assert "Ditangani: belum ada" in admin_page.text
    (dewi_page,) = await bot.send(dewi, f"/lead {REFERENCE}")
    await bot.press(dewi, t(Text.BTN_ASSIGN_ME), message=dewi_page)
    assert await assignee(bot) == SECOND_ADMIN

    # Admin's page still says nobody: his "Saya tangani" is refused, saying who has it.
    (again,) = await bot.press(admin, t(Text.BTN_ASSIGN_ME), message=admin_page)
    answer = admin.callback_answers[-1]
    assert answer.show_alert
    assert answer.text == t(Text.RECORDS_ASSIGN_TAKEN, reference=REFERENCE, name="Dewi")
    assert await assignee(bot) == SECOND_ADMIN
    assert "Ditangani: Dewi" in again.text  # the page shows who has it now
    assert refusals(bot) == [
        {
            "current": SECOND_ADMIN,
            "reason": "changed_meanwhile",
            "seen": None,
            "wanted": ADMIN_ID,
        }
    ]
    # One more press, on the page that now shows Dewi: taken over, on purpose.
    await bot.press(admin, t(Text.BTN_ASSIGN_ME), message=admin_page)
    assert await assignee(bot) == ADMIN_ID

    # Dewi's page still offers "Lepas": it no longer takes the lead off Admin.
    assert t(Text.BTN_UNASSIGN) in dewi.last_message.button_texts
    (hers,) = await bot.press(dewi, t(Text.BTN_UNASSIGN), message=dewi_page)
    answer = dewi.callback_answers[-1]
    assert answer.show_alert
    assert answer.text == t(Text.RECORDS_UNASSIGN_TAKEN, reference=REFERENCE, name="Admin")
    assert await assignee(bot) == ADMIN_ID
    assert "Ditangani: Admin" in hers.text and t(Text.BTN_ASSIGN_ME) in hers.button_texts
    assert [item["reason"] for item in refusals(bot)] == ["changed_meanwhile"] * 2
    assert refusals(bot)[-1]["wanted"] is None and refusals(bot)[-1]["seen"] == SECOND_ADMIN

    # His own Lepas still releases it; the history says so, not "ditangani oleh belum ada".
    (released,) = await bot.press(admin, t(Text.BTN_UNASSIGN), message=admin_page)
    assert await assignee(bot) is None
    assert ": melepas lead ini" in released.text
    assert "ditangani oleh belum ada" not in released.text
    assert ": melepas lead ini dari" not in released.text  # his own


async def test_assign_to_from_an_older_choice_is_refused_and_the_choice_shows_who_has_it(
    two_admins: tuple[Harness, EmulatedUser, EmulatedUser],
) -> None:
    bot, admin, dewi = two_admins
    await _seed_talents(bot, 1)
    await bot.send(admin, f"/lead {REFERENCE}")
    (choice,) = await bot.press(admin, t(Text.BTN_ASSIGN_OTHER))
    assert t(Text.RECORDS_ASSIGN_NOW, name="belum ada") in choice.text
    # Meanwhile Dewi takes the lead; Admin, still on the choice, hands it to himself.
    await bot.send(dewi, f"/lead {REFERENCE}")
    await bot.press(dewi, t(Text.BTN_ASSIGN_ME))
    (shown_again,) = await bot.press(admin, "Admin", message=choice)
    told = t(Text.RECORDS_ASSIGN_TAKEN, reference=REFERENCE, name="Dewi")
    assert admin.callback_answers[-1].text == told
    assert await assignee(bot) == SECOND_ADMIN
    assert t(Text.RECORDS_ASSIGN_NOW, name="Dewi") in shown_again.text
    # "Nobody" from the choice that now shows Dewi: she is taken off on purpose; the history
    # names whom the lead was taken from.
    (page,) = await bot.press(admin, t(Text.BTN_ASSIGN_NOBODY), message=choice)
    assert await assignee(bot) is None
    assert ": melepas lead ini dari Dewi" in page.text
    assert [item["wanted"] for item in refusals(bot)] == [ADMIN_ID]


async def test_the_workspace_refuses_an_assignment_from_a_page_that_showed_someone_else(
    bot: Harness,
) -> None:
    await _seed_talents(bot, 1)
    bot.settings.admin_ids = frozenset({ADMIN_ID, SECOND_ADMIN})
    async with workspace(bot, ADMIN_ID) as client:
        dewi = client.as_user(init_data(bot.settings.token(), SECOND_ADMIN, first_name="Dewi"))
        await dewi.ok("session")
        taken = await dewi.ok("assign", {"id": 1, "assignee": SECOND_ADMIN, "was": None})
        assert taken["outcome"] == "saved"
        # Admin's page said nobody handles it: his "Saya tangani" is refused.
        refused = await client.ok("assign", {"id": 1, "assignee": ADMIN_ID, "was": None})
        assert refused == {
            "outcome": "conflict",
            "text": said(Text.RECORDS_ASSIGN_TAKEN, reference=REFERENCE, name="Dewi"),
        }
        assert await assignee(bot) == SECOND_ADMIN
        # Nor does a release, or a hand-over to someone else, from that page go through.
        released = await client.ok("assign", {"id": 1, "assignee": None, "was": None})
        assert released["text"] == said(
            Text.RECORDS_UNASSIGN_TAKEN, reference=REFERENCE, name="Dewi"
        )
        given = await dewi.ok("assign", {"id": 1, "assignee": ADMIN_ID, "was": ADMIN_ID})
        assert given["text"] == said(
            Text.RECORDS_ASSIGN_GIVEN, reference=REFERENCE, name="Dewi", wanted="Admin"
        )
        assert await assignee(bot) == SECOND_ADMIN
        # From the page reloaded (it shows Dewi): taken over with one more press.
        again = await client.ok("assign", {"id": 1, "assignee": ADMIN_ID, "was": SECOND_ADMIN})
        assert again["outcome"] == "saved" and await assignee(bot) == ADMIN_ID
    audit = refusals(bot)
    assert [item["from"] for item in audit] == ["workspace"] * 3
    assert [(item["seen"], item["wanted"]) for item in audit] == [
        (None, ADMIN_ID),
        (None, None),
        (ADMIN_ID, ADMIN_ID),
    ]


async def test_a_bulk_move_names_the_leads_it_skipped_as_changed(bot: Harness) -> None:
    """Twelve of fourteen previewed leads change meanwhile: the report names ten and says how
    many more; the audit has each one's refusal, with the bulk move's batch."""
    await _seed_talents(bot, 14)
    async with workspace(bot, ADMIN_ID) as client:
        preview = await client.ok("bulk-preview", {"ids": list(range(1, 15)), "stage": "ditinjau"})
        for number in range(3, 15):  # another admin, meanwhile
            await change_stage(
                bot.store,
                CONTENT,
                number,
                "shortlist",
                actor=Actor.cli(),
                notify=False,
                forwarding=None,
            )
        moved = await client.ok(
            "bulk-move", {"batch": preview["batch"], "stage": "ditinjau", "notify": False}
        )
    assert moved["moved"] == 2
    named = ", ".join(f"KOC-{number:06d}" for number in range(3, 13))
    which = f" ({named} {t(Text.BULK_NAMED_MORE, count=2)})"
    assert said(Text.BULK_SKIPPED, changed=12, already=0, which=which) in moved["text"]
    assert "KOC-000012 dan 2 lainnya), 0 karena" in moved["text"]
    found = rows(
        bot.database,
        "SELECT lead_ref, detail FROM audit_log WHERE action = 'stage_change_refused' ORDER BY id",
    )
    assert [lead for lead, _ in found] == [f"KOC-{number:06d}" for number in range(3, 15)]
    details = [json.loads(detail) for _, detail in found]
    assert {(item["reason"], item["batch"]) for item in details} == {
        ("changed_meanwhile", preview["batch"])
    }
