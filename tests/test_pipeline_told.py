"""A talent is never sent the same stage message twice without staff seeing it first, and the
history says whether the talent was told (new-staff review, December 2026).

Citra was shortlisted with the message, moved back to Ditinjau, then "Pindahkan semua" to
Shortlist sent her "🌟 Kabar baik…" again: the previews now say so, Move all moves her without it.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from bot.leads.export import wib_words
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, copy_label, data_copy, section
from tests.test_pipeline import admin_of, history_told, label, rows, t, visible, wait_sent
from tests.test_pipeline_review import _talents
from tests.workspace import workspace


def _messages(bot: Harness, reference: str) -> list[str]:
    """What each stage change of a lead recorded in the audit log about its talent message:
    sent, withheld (staff chose Tanpa kabar) or none (nothing to send), oldest first."""
    found = rows(
        bot.database,
        "SELECT detail FROM audit_log WHERE action = 'stage_changed' AND lead_ref = ? ORDER BY id",
        (reference,),
    )
    return [json.loads(detail)["message"] for (detail,) in found]


AGREED = {"processing": True, "transfer_korea": True}


async def _move_all_preview(
    bot: Harness, admin: Any, listing: str, stage: str, title: str
) -> tuple[Any, Any]:
    """Move all three leads a listing shows to a stage: the mark before, and the preview."""
    await bot.send(admin, listing)
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=3))
    mark = admin.mark()
    await bot.press(admin, label(stage))
    (preview,) = admin.find(f"→ {title}", since=mark)
    return mark, preview


async def _told_at(bot: Harness, application_id: int, stage: str) -> str:
    """When the talent was last sent this stage's message, as the preview writes it."""
    ((at,),) = await asyncio.to_thread(
        rows,
        bot.database,
        "SELECT MAX(created_at) FROM lead_history WHERE application_id = ? AND kind = 'stage'"
        " AND to_value = ? AND notified = 1",
        (application_id, stage),
    )
    return wib_words(CONTENT, at, "id")


async def test_move_all_never_sends_a_talent_the_same_stage_message_twice(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    await bot.send(admin, "/start")
    ani, budi, citra = await _talents(bot, *[("id", AGREED)] * 3)
    await bot.send(admin, "/lead KOC-000003")  # Citra: shortlisted, and told
    await bot.press(admin, label("shortlist"))
    await bot.press(admin, t(Text.BTN_SEND_UPDATE))
    await wait_sent(bot, 3)
    await bot.send(admin, "/lead KOC-000003")
    await bot.press(admin, label("ditinjau"))  # back, without a message (none to send)
    told = citra.mark()

    # One lead: the preview says she already got this stage's message, and when.
    mark = admin.mark()
    await bot.press(admin, label("shortlist"))
    (intro,) = admin.find("KOC-000003 → Shortlist", since=mark)
    when = await _told_at(bot, 3, "shortlist")
    assert visible(t(Text.PIPELINE_WARNING_TOLD_BEFORE, time=when)) in intro.text

    # Move all: she is moved, without the message; the preview and the report say so.
    mark, preview = await _move_all_preview(bot, admin, "/leads musik", "shortlist", "Shortlist")
    assert visible(t(Text.BULK_PREVIEW_TOLD, count=1)) in preview.text
    # A language no one gets is left out (a staff review: "…, 0 dalam bahasa Inggris").
    assert "talenta: 2 dalam bahasa Indonesia. Setiap" in preview.text
    assert "Inggris" not in preview.text
    await bot.press(admin, t(Text.BTN_BULK_SEND))
    (done,) = admin.find("✅ Pindah massal", since=mark)
    assert "3 pendaftar sekarang di tahap Shortlist; 2 kabar" in done.text
    assert visible(t(Text.BULK_SKIPPED_TOLD, count=1)) in done.text
    await wait_sent(bot, 1)
    await wait_sent(bot, 2)
    assert [len(talent.messages) for talent in (ani, budi)] == [1, 1]
    assert citra.messages_since(told) == []  # not "🌟 Kabar baik…" a second time
    state = await bot.store.pipeline.state(3)
    assert state is not None and state.stage == "shortlist"
    # Her history says this move did not tell her, and why: she had got it before (staff
    # chose Move and send updates: not "Tanpa kabar", session 50).
    (page,) = await bot.send(admin, "/lead KOC-000003")
    assert (
        "Admin: Ditinjau → Shortlist" + history_told(Text.PIPELINE_HISTORY_TOLD_BEFORE) in page.text
    )
    assert "Admin: Shortlist → Ditinjau\n" in page.text  # a stage without a message: no word
    assert _messages(bot, "KOC-000003")[-2:] == ["none", "none"]  # nothing was to be sent

    # Move all back to an earlier stage: her /status goes back, and the preview says so.
    _, preview = await _move_all_preview(bot, admin, "/leads shortlist", "ditinjau", "Ditinjau")
    back = t(
        Text.BULK_PREVIEW_BACK_QUIET,
        count=3,
        told=label("shortlist"),
        stage=label("ditinjau"),
        status=CONTENT.stages["ditinjau"].talent_label.get("id"),
    )
    assert visible(back) in preview.text.splitlines()


async def test_the_preview_warns_that_a_move_back_changes_the_talents_status(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    await bot.send(admin, "/start")
    await _talents(bot, ("id", AGREED))
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, label("diteruskan"))
    await bot.press(admin, t(Text.BTN_SEND_UPDATE))
    await wait_sent(bot, 1)
    await bot.send(admin, "/lead KOC-000001")
    mark = admin.mark()
    await bot.press(admin, label("shortlist"))
    (intro,) = admin.find("KOC-000001 → Shortlist", since=mark)
    status = CONTENT.stages["shortlist"].talent_label.get("id")
    back = t(
        Text.PIPELINE_WARNING_STATUS_BACK,
        told=label("diteruskan"),
        stage=label("shortlist"),
        status=status,
    )
    assert visible(back) in intro.text
    assert visible(t(Text.PIPELINE_WARNING_TOLD_BEFORE, time="x")).split("(")[0] not in intro.text


async def test_a_closed_lead_taken_to_shortlist_names_what_it_was_told_and_what_it_gets_now(
    bot: Harness, staff_chat: Any
) -> None:
    """Review s49: Agus was closed (and told "belum kami lanjutkan"); taking him to Shortlist,
    the preview said his /status "akan kembali ke" Shortlist, where he never was, and Move all
    called Closed "tahap yang lebih lanjut", ending with ": 1"."""
    admin = admin_of(staff_chat)
    await bot.send(admin, "/start")
    await _talents(bot, ("id", AGREED))
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, label("selesai"))
    await bot.press(admin, t(Text.BTN_SEND_UPDATE))
    await wait_sent(bot, 1)
    status = CONTENT.stages["shortlist"].talent_label.get("id")

    # One lead.
    await bot.send(admin, "/lead KOC-000001")
    mark = admin.mark()
    await bot.press(admin, label("shortlist"))
    (intro,) = admin.find("KOC-000001 → Shortlist", since=mark)
    line = (
        f"↩️ Kabar terakhir yang diterima talenta ini: tahap {label('selesai')}. Dengan Kirim"
        f" kabar, sekarang mereka menerima kabar tahap {label('shortlist')} di bawah, dan"
        f" /status-nya menjadi “{status}”."
    )
    assert line in intro.text.splitlines()
    assert "kembali" not in intro.text

    # Move all, in the chat and in the workspace.
    # What they get now, then one line per stage they were told last (review s50 M4).
    said = (
        f"↩️ Kabar terakhir yang diterima talentanya (dengan Pindahkan & kirim kabar, mereka"
        f" menerima kabar tahap {label('shortlist')}, dan /status mereka menjadi “{status}”):"
        f"\n• {label('selesai')}: 1"
    )
    await bot.send(admin, "/leads selesai")
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=1))
    mark = admin.mark()
    await bot.press(admin, label("shortlist"))
    (preview,) = admin.find("→ Shortlist", since=mark)
    assert f"\n{said}\n" in preview.text
    assert "lebih lanjut" not in preview.text and ": 1." not in preview.text
    assert "kembali" not in preview.text  # he never was at Shortlist (review s49)
    async with workspace(bot, ADMIN_ID) as client:
        planned = await client.ok("bulk-preview", {"ids": [1], "stage": "shortlist"})
        assert f"\n{said}\n" in planned["summary"]


async def test_a_lead_told_shortlist_then_closed_and_moved_back_is_said_to_get_nothing_again(
    bot: Harness, staff_chat: Any
) -> None:
    """A desk review: Budi, told Shortlist then Closed, moved back to Shortlist with Move all:
    the preview said "Shortlist has no update", though it has one he already got."""
    admin = admin_of(staff_chat)
    await bot.send(admin, "/start")
    await _talents(bot, ("id", AGREED))
    for stage in ("shortlist", "selesai"):
        await bot.send(admin, "/lead KOC-000001")
        await bot.press(admin, label(stage))
        await bot.press(admin, t(Text.BTN_SEND_UPDATE))
        await wait_sent(bot, 1)
    values: dict[str, Any] = {
        "count": 1,
        "told": label("selesai"),
        "stage": label("shortlist"),
        "status": CONTENT.stages["shortlist"].talent_label.get("id"),
    }
    await bot.send(admin, "/leads selesai")
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=1))
    mark = admin.mark()
    await bot.press(admin, label("shortlist"))
    (preview,) = admin.find("→ Shortlist", since=mark)
    lines = preview.text.splitlines()
    assert visible(t(Text.BULK_PREVIEW_BACK_TOLD, **values)) in lines
    assert visible(t(Text.BULK_PREVIEW_BACK_QUIET, **values)) not in lines
    assert visible(t(Text.BULK_PREVIEW_BACK, **values)) not in lines


async def test_dont_notify_is_confirmed_and_kept_in_the_history(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    (rina,) = await _talents(bot, ("id", AGREED))
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, label("dihubungi"))
    await bot.press(admin, label("selesai"))
    await bot.press(admin, t(Text.BTN_NO_UPDATE))
    assert admin.last_message.text == visible(
        t(Text.PIPELINE_SAVED_QUIET, reference="KOC-000001", stage=label("selesai"))
    )
    (page,) = await bot.send(admin, "/lead KOC-000001")
    # Recorded as staff's choice, not as a stage without a message (session 50).
    quiet = f"Admin: {label('dihubungi')} → {label('selesai')}" + history_told(
        Text.PIPELINE_HISTORY_WITHHELD
    )
    assert quiet in page.text
    assert f"Admin: Baru → {label('dihubungi')}\n" in page.text  # no message: no word
    assert _messages(bot, "KOC-000001") == ["none", "withheld"]
    await bot.caught_up()
    assert rina.messages == []
    # Her /dataku says she was told of neither (a withheld move is not one she was told of).
    await bot.send(rina, "/dataku")
    document = rina.messages[0].document
    assert document is not None
    [registration] = section(data_copy(document[1]), Text.MYDATA_SECTION_REGISTRATIONS)
    history = registration[copy_label(Text.MYDATA_FIELD_STAGE_HISTORY)]
    no = copy_label(Text.MYDATA_NO)
    assert [change[copy_label(Text.MYDATA_FIELD_TOLD)] for change in history] == [no, no]

    async with workspace(bot, ADMIN_ID) as client:
        lead = await client.ok("lead", {"id": 1})
        # The workspace's history says it as /lead does (a stage without a message: no word).
        assert [(item["after"], item["told"]) for item in lead["history"]] == [
            (label("selesai"), t(Text.PIPELINE_HISTORY_WITHHELD)),
            (label("dihubungi"), None),
        ]
        moved = await client.ok(
            "move", {"id": 1, "stage": "shortlist", "version": 2, "notify": False}
        )
        assert moved["text"] == visible(
            t(Text.PIPELINE_SAVED_QUIET, reference="KOC-000001", stage=label("shortlist"))
        )


async def test_the_workspace_previews_say_who_already_got_the_message(bot: Harness) -> None:
    ani, budi = await _talents(bot, *[("id", AGREED)] * 2)
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("move", {"id": 2, "stage": "shortlist", "version": 0, "notify": True})
        await wait_sent(bot, 2)
        await client.ok("preview", {"id": 2, "stage": "ditinjau", "version": 1})
        preview = await client.ok("preview", {"id": 2, "stage": "shortlist", "version": 2})
        when = await _told_at(bot, 2, "shortlist")
        assert visible(t(Text.PIPELINE_WARNING_TOLD_BEFORE, time=when)) in preview["intro"]
        planned = await client.ok("bulk-preview", {"ids": [1, 2], "stage": "shortlist"})
        assert visible(t(Text.BULK_PREVIEW_TOLD, count=1)) in planned["summary"]
        assert [example["reference"] for example in planned["examples"]] == ["KOC-000001"]
        moved = await client.ok(
            "bulk-move", {"batch": planned["batch"], "stage": "shortlist", "notify": True}
        )
        assert moved["moved"] == 2 and moved["messages"] == 1
        assert visible(t(Text.BULK_SKIPPED_TOLD, count=1)) in moved["text"]
    await wait_sent(bot, 1)
    await bot.caught_up()
    assert len(ani.messages) == 1 and len(budi.messages) == 1


async def test_a_refused_move_does_not_blame_another_person(bot: Harness, staff_chat: Any) -> None:
    """The same admin, in two places (two pages of the lead, or the workspace)."""
    admin = admin_of(staff_chat)
    await _talents(bot, ("id", AGREED))
    (old_page,) = await bot.send(admin, "/lead KOC-000001")
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, label("ditinjau"))
    mark = admin.mark()
    await bot.press(admin, label("dihubungi"), message=old_page)
    (refused,) = [message.text for message in admin.find("⚠️", since=mark)]
    assert refused == visible(
        t(Text.PIPELINE_CONFLICT, reference="KOC-000001", stage=label("ditinjau"))
    )
    assert "staf lain" not in refused and "di tempat lain" in refused
    assert "another staff member" not in t(Text.PIPELINE_CONFLICT, "en")
