"""A talent cancels a registration they sent (a talents' review s59, H1: "batalin
pendaftaranku" got "not sure", /batal said only that no form was being filled in, and the only
way out was withdrawing consent, which deletes everything).

Cancelled means: the lead is closed (Tidak dilanjutkan) and marked as cancelled by the talent,
staff are told and see it on the lead, no stage moves it again and no stage message reaches
the talent; /status says so, and /daftar starts a new registration as usual.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.content import Markup
from bot.emulator import EmulatedChat
from bot.leads.cancel_wish import wants_to_cancel
from bot.leads.export import to_wib, wib_text, wib_words
from bot.leads.stage_changes import change_stage
from bot.store import Store
from bot.store.audit import Actor
from bot.texts import Text
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    Seed,
    apply,
    copy_label,
    data_copy,
    read_csv,
    realistic,
    section,
    seeded,
    where,
)
from tests.processes import clean_env, run_cli
from tests.subscribers import wait_until
from tests.test_pipeline import admin_of, label, rows, t, visible
from tests.test_pipeline_review import _status, _talents
from tests.test_privacy_ops import _stage_message
from tests.workspace import workspace

AGREED = {"processing": True, "transfer_korea": True}


def _stage_and_mark(bot: Harness, reference: str) -> tuple[str, bool]:
    ((stage, withdrawn),) = rows(
        bot.database,
        "SELECT p.stage, p.talent_withdrawn_at IS NOT NULL FROM lead_pipeline p"
        " JOIN applications a ON a.id = p.application_id WHERE a.reference = ?",
        (reference,),
    )
    return str(stage), bool(withdrawn)


async def test_a_talent_cancels_a_sent_registration_from_status(
    bot: Harness, staff_chat: Any
) -> None:
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    (status,) = await bot.send(sari, "/status")
    assert t(Text.BTN_CANCEL_REGISTRATION) in status.button_texts
    # Asked first, with the number and whom it is for; "No" changes nothing.
    (asked,) = await bot.press(sari, t(Text.BTN_CANCEL_REGISTRATION))
    assert asked.text == visible(
        t(Text.CANCEL_CONFIRM, reference="KOC-000001", name=MUSICIAN["stage_name"])
    )
    assert asked.button_texts == [t(Text.BTN_CANCEL_YES), t(Text.BTN_CANCEL_NO)]
    (kept,) = await bot.press(sari, t(Text.BTN_CANCEL_NO))
    assert kept.text == visible(t(Text.CANCEL_KEPT, reference="KOC-000001"))
    assert _stage_and_mark(bot, "KOC-000001") == ("baru", False)

    (older,) = await bot.send(sari, "/status")  # left in the chat
    (status,) = await bot.send(sari, "/status")
    await bot.press(sari, t(Text.BTN_CANCEL_REGISTRATION), message=status)
    mark = staff_chat.mark()
    (done,) = await bot.press(sari, t(Text.BTN_CANCEL_YES))
    assert done.text.startswith(visible(t(Text.CANCEL_DONE, reference="KOC-000001")))
    assert visible(t(Text.CANCEL_DONE_ASKING)) not in done.text  # she never asked the team
    assert _stage_and_mark(bot, "KOC-000001") == ("selesai", True)
    # Staff hear of it, with the lead's button.
    (told,) = staff_chat.find("KOC-000001", since=mark)
    assert told.text == visible(
        t(
            Text.CANCEL_STAFF_ALERT,
            reference="KOC-000001",
            name="Sari",
            user_id=str(sari.id),
            stage=label("selesai"),
            gloss=Markup(t(Text.CANCEL_STAFF_ALERT_GLOSS, "en")),
        )
    )
    # The audit and the lead's history name the talent as who did it.
    ((actor, detail),) = rows(
        bot.database,
        "SELECT actor_id, detail FROM audit_log WHERE action = 'withdrawn_by_talent'"
        " AND lead_ref = 'KOC-000001'",
    )
    # Never the talent's Telegram id as the actor: the audit keeps actor ids through an erasure.
    assert actor is None
    assert json.loads(detail) == {
        "by": "talent",
        "before": "baru",
        "after": "selesai",
        "superseded": 0,
    }
    # An old "Batalkan" pressed again changes nothing more, and says so.
    (again,) = await bot.press(sari, t(Text.BTN_CANCEL_REGISTRATION), message=older)
    assert again.text == visible(t(Text.CANCEL_ALREADY, reference="KOC-000001"))

    # /status says it was cancelled by the talent, and when; it offers no cancelling of it.
    (status,) = await bot.send(sari, "/status")
    ((at,),) = rows(bot.database, "SELECT talent_withdrawn_at FROM lead_pipeline")
    day = CONTENT.date_text(to_wib(at).date(), "id")
    assert visible(t(Text.STATUS_CANCELLED, date=day)) in status.text
    assert t(Text.BTN_CANCEL_REGISTRATION) not in status.button_texts
    assert CONTENT.stages["selesai"].talent_label.get("id") not in status.text
    # Nothing will come of it, so no news is promised under it.
    assert status.text.startswith(visible(t(Text.STATUS_LIST_CANCELLED, items="")).strip())
    assert visible(t(Text.STATUS_LIST, items="")).split("\n")[-1] not in status.text
    # Her /dataku copy says so too, and keeps the answers, as the question said.
    replies = await bot.send(sari, "/dataku")
    document = next(reply.document for reply in replies if reply.document)
    [registration] = section(data_copy(document[1]), Text.MYDATA_SECTION_REGISTRATIONS)
    assert copy_label(Text.MYDATA_FIELD_CANCELLED) in registration
    assert registration[copy_label(Text.MYDATA_FIELD_ANSWERS)]
    # /daftar starts a new registration: no "update" of the cancelled one offered.
    await bot.send(sari, "/daftar")
    assert t(Text.BTN_UPDATE_REGISTRATION) not in sari.last_message.button_texts
    await bot.press(sari, t(Text.BTN_REUSE_FRESH))
    assert await where(bot, sari) is not None
    draft = await bot.store.applications.draft_for(sari.id)
    assert draft is not None and draft.amends is None


async def test_batal_after_sending_points_to_cancelling(bot: Harness) -> None:
    budi = bot.user(first_name="Budi")
    (nothing,) = await bot.send(budi, "/batal")
    assert nothing.text == t(Text.INTAKE_NOTHING_TO_CANCEL)  # never registered: as before
    assert await apply(bot, budi, FILMMAKER) == "KOC-000001"
    (pointer,) = await bot.send(budi, "/batal")
    assert pointer.text == visible(t(Text.INTAKE_NOTHING_TO_CANCEL_SENT))
    assert pointer.button_texts == [t(Text.BTN_CANCEL_REGISTRATION)]
    (asked,) = await bot.press(budi, t(Text.BTN_CANCEL_REGISTRATION))
    assert asked.text == visible(
        t(Text.CANCEL_CONFIRM, reference="KOC-000001", name=FILMMAKER["full_name"])
    )
    await bot.press(budi, t(Text.BTN_CANCEL_YES))
    (none,) = await bot.send(budi, "/batal")  # every one cancelled: said so, not "no form"
    assert none.text == t(Text.CANCEL_NONE_OPEN)


async def test_a_wish_to_cancel_in_words_is_offered_the_cancelling(bot: Harness) -> None:
    dimas, grace = await _talents(bot, ("id", AGREED), ("en", AGREED))
    (dimas_lead,) = await bot.store.pipeline.registrations(dimas.id)
    (grace_lead,) = await bot.store.pipeline.registrations(grace.id)
    for said in ("batalin pendaftaranku", "cak aku gak sido wes, batalno pendaftaranku ae 🙏"):
        (asked,) = await bot.send(dimas, said)
        assert asked.text == visible(
            t(Text.CANCEL_CONFIRM, reference="KOC-000001", name=dimas_lead.registered_for)
        ), said
    # (after the word that the bot follows her English)
    *_, asked = await bot.send(grace, "I want to cancel my registration")
    assert asked.text == visible(
        t(Text.CANCEL_CONFIRM, "en", reference="KOC-000002", name=grace_lead.registered_for)
    )
    assert asked.button_texts == [t(Text.BTN_CANCEL_YES, "en"), t(Text.BTN_CANCEL_NO, "en")]
    await bot.press(grace, t(Text.BTN_CANCEL_YES, "en"))
    (none,) = await bot.send(grace, "withdraw my application")
    assert none.text == visible(t(Text.CANCEL_NONE_OPEN, "en"))
    # Nothing was cancelled by being offered.
    assert _stage_and_mark(bot, "KOC-000001") == ("baru", False)


async def test_a_talent_with_two_registrations_chooses_which_to_cancel(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    await apply(bot, sari, {**MUSICIAN, "stage_name": "Sari Solo"})
    (choice,) = await bot.send(sari, "mau cancel pendaftaran")
    assert choice.text == t(Text.CANCEL_CHOOSE)
    assert choice.button_texts == [
        t(Text.BTN_CANCEL_ONE, reference="KOC-000002"),
        t(Text.BTN_CANCEL_ONE, reference="KOC-000001"),
    ]
    await bot.press(sari, t(Text.BTN_CANCEL_ONE, reference="KOC-000002"))
    await bot.press(sari, t(Text.BTN_CANCEL_YES))
    assert _stage_and_mark(bot, "KOC-000002") == ("selesai", True)
    assert _stage_and_mark(bot, "KOC-000001") == ("baru", False)
    # The one left is still open: offered alone, and /daftar offers to update it only.
    (status,) = await bot.send(sari, "/status")
    assert status.button_texts[0] == t(Text.BTN_CANCEL_REGISTRATION)
    await bot.send(sari, "/daftar")
    assert t(Text.BTN_UPDATE_REGISTRATION) in sari.last_message.button_texts


async def test_staff_see_a_cancelled_lead_and_no_stage_moves_it(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    (rina,) = await _talents(bot, ("id", AGREED))
    (old_page,) = await bot.send(admin, "/lead KOC-000001")
    await bot.send(rina, "/status")
    await bot.press(rina, t(Text.BTN_CANCEL_REGISTRATION))
    await bot.press(rina, t(Text.BTN_CANCEL_YES))
    talent_saw = len(rina.messages)

    (page,) = await bot.send(admin, "/lead KOC-000001")
    ((at,),) = rows(bot.database, "SELECT talent_withdrawn_at FROM lead_pipeline")
    when = wib_words(CONTENT, at, "id")
    assert visible(t(Text.RECORDS_WITHDRAWN, time=when)) in page.text
    assert visible(t(Text.RECORDS_STAGE_WITHDRAWN, stage=label("selesai"))) in page.text
    assert visible(t(Text.RECORDS_HISTORY_TALENT_WITHDREW, time=when)) in page.text
    assert label("shortlist") not in page.button_texts  # no stage buttons
    # An older page's stage button: refused, said why, nothing sent.
    mark = admin.mark()
    await bot.press(admin, label("shortlist"), message=old_page)
    refusal = t(Text.PIPELINE_WITHDRAWN, reference="KOC-000001", stage=label("selesai"))
    assert admin.find(visible(refusal), since=mark)
    assert _stage_and_mark(bot, "KOC-000001") == ("selesai", True)

    async with workspace(bot, ADMIN_ID) as client:
        lead = await client.ok("lead", {"id": 1})
        assert lead["withdrawn"] == visible(t(Text.RECORDS_WITHDRAWN, time=wib_text(at)))
        assert lead["stage_label"] == visible(
            t(Text.RECORDS_STAGE_WITHDRAWN, stage=label("selesai"))
        )
        (change,) = [item for item in lead["changes"] if item["kind"] == "talent_withdrawal"]
        assert change["text"] == t(Text.RECORDS_HISTORY_TALENT_WITHDREW, time=wib_text(at))
        moved = await client.ok(
            "move", {"id": 1, "stage": "shortlist", "version": lead["version"], "notify": True}
        )
        assert moved["outcome"] == "withdrawn"
        assert moved["text"] == visible(refusal)
    await bot.caught_up()
    assert _stage_and_mark(bot, "KOC-000001") == ("selesai", True)
    assert len(rina.messages) == talent_saw  # no stage message reached her
    # The export says so beside the contact details (one exported list is not a way round it).
    replies = await bot.send(admin, "/export")
    csv_file = next(r.document for r in replies if r.document and r.document[0].endswith(".csv"))
    _, lead = read_csv(csv_file[1])
    assert visible(t(Text.RECORDS_STAGE_WITHDRAWN, stage=label("selesai"))) in lead


async def test_a_stage_message_not_sent_yet_is_dropped_when_the_talent_cancels(
    tmp_path: Path,
) -> None:
    database = tmp_path / "kocca.db"
    store = await Store.open(database)
    try:
        await store.pipeline.configure(CONTENT.first_stage.key)
        await seeded(
            database,
            [Seed(7001, {**realistic(random.Random(1), "music"), "full_name": "Rina"})],
        )
        moved = await change_stage(
            store, CONTENT, 1, "shortlist", actor=Actor.cli(), notify=True, forwarding=None
        )
        assert moved.outcome == "saved" and moved.update_id is not None
        done = await store.cancellations.cancel(7001, 1, "selesai")
        assert done.outcome == "cancelled"
        queued = await store.talent_updates.get(moved.update_id)
        assert queued is not None and queued.status == "superseded"
        assert not await store.talent_updates.mark_sending(moved.update_id)
        # Not the talent's lead: nothing happens (a forged button).
        assert (await store.cancellations.cancel(7002, 1, "selesai")).outcome == "gone"
    finally:
        await store.close()


def test_the_wish_to_cancel_is_read_conservatively() -> None:
    for said in (
        "batalin pendaftaranku",
        "cak aku gak sido wes, batalno pendaftaranku ae 🙏",
        "mau cancel pendaftaran",
        "aku gak jadi ikut",
        "I want to cancel my registration",
        "withdraw my application",
    ):
        assert wants_to_cancel(said), said
    for said in (
        "batal",  # /hapusdata's "no" and the like: not this
        "cara batal jeda form?",
        "kalau batal ikut kena denda?",
        "jangan batalin pendaftaranku",
        "ga jadi batal daftar",
        "mau daftar",
        "aku jadi ikut",
    ):
        assert not wants_to_cancel(said), said


async def test_a_restore_of_an_older_backup_keeps_the_cancelling(
    make_bot: Callable[..., Any], staff_chat: EmulatedChat, database: Path, tmp_path: Path
) -> None:
    # The final review s59, M2: the backup was taken before Sari cancelled, and restoring it
    # brought her lead back open (staff could move it, and the stage message reached her).
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    env = clean_env(
        tmp_path, BOT_TOKEN="1:x", DATABASE_PATH=str(database), STAFF_CHAT_ID=str(STAFF_CHAT_ID)
    )
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    await bot.stop()
    # A stage message queued while no bot runs: the backup holds it unsent.
    code, out, err = await run_cli(
        tmp_path, env, "lead", "KOC-000001", "--stage", "shortlist", "--notify"
    )
    assert code == 0, out + err
    backup = tmp_path / "monday.db"
    code, _, err = await run_cli(tmp_path, env, "backup", "--output", str(backup))
    assert code == 0, err
    await bot.start()
    shortlisted = _stage_message("shortlist", "KOC-000001")

    def heard() -> int:
        return sum(shortlisted in message.text for message in sari.messages)

    async def told() -> bool:
        return heard() == 1

    await wait_until(told)
    await bot.send(sari, "/status")
    await bot.press(sari, t(Text.BTN_CANCEL_REGISTRATION))
    await bot.press(sari, t(Text.BTN_CANCEL_YES))
    await bot.stop()

    code, out, err = await run_cli(tmp_path, env, "restore", str(backup))
    assert code == 0, err
    assert "Carried over 1 cancellation made by talents since the backup" in out
    assert "Held, not sent: 0 stage messages" in out  # dropped, not offered to send again
    assert _stage_and_mark(bot, "KOC-000001") == ("selesai", True)

    mark = staff_chat.mark()
    await bot.start()
    (status,) = await bot.send(sari, "/status")
    assert t(Text.BTN_CANCEL_REGISTRATION) not in status.button_texts
    moved = await change_stage(
        bot.store, CONTENT, 1, "shortlist", actor=Actor.cli(), notify=True, forwarding=None
    )
    assert moved.outcome == "withdrawn"
    await bot.caught_up()
    assert heard() == 1  # the message the backup held never goes again
    assert _stage_and_mark(bot, "KOC-000001") == ("selesai", True)
    # Staff hear the held message may have gone out, with no «Send again» for it.
    reports = staff_chat.find("KOC-000001", since=mark)
    assert reports and not any(report.buttons for report in reports)


async def test_a_stage_message_waiting_out_a_flood_wait_is_dropped_when_the_talent_cancels(
    bot: Harness,
) -> None:
    # The final review s59, L1: a message marked 'sending' waits for its send slot, and after
    # a 429 every bulk send waits out Telegram's retry_after. Cancelling meanwhile must stop it.
    budi, sari = await _talents(bot, ("id", AGREED), ("id", AGREED))
    bot.emulator.fail_next("sendMessage", status=429, retry_after=5, chat_id=budi.id)
    first = await change_stage(
        bot.store, CONTENT, 1, "shortlist", actor=Actor.cli(), notify=True, forwarding=None
    )
    assert first.update_id is not None

    async def refused() -> bool:
        calls = bot.emulator.calls_to("sendMessage")
        return any(call.status == 429 for call in calls) and (
            await _status(bot, first.update_id or 0) == "pending"
        )

    await wait_until(refused)  # bulk sends now wait out the 5 s
    moved = await change_stage(
        bot.store, CONTENT, 2, "shortlist", actor=Actor.cli(), notify=True, forwarding=None
    )
    assert moved.update_id is not None

    async def waiting() -> bool:
        return await _status(bot, moved.update_id or 0) == "sending"

    await wait_until(waiting)  # marked, waiting for its slot
    await bot.send(sari, "/status")
    await bot.press(sari, t(Text.BTN_CANCEL_REGISTRATION))
    assert await _status(bot, moved.update_id) == "sending"  # still waiting when she cancels
    (done,) = await bot.press(sari, t(Text.BTN_CANCEL_YES))
    assert done.text.startswith(visible(t(Text.CANCEL_DONE, reference="KOC-000002")))
    assert await _status(bot, moved.update_id) == "superseded"
    heard = len(sari.messages)

    async def budi_told() -> bool:
        return await _status(bot, first.update_id or 0) == "sent"

    await wait_until(budi_told)  # the wait is over: the slots came
    await bot.caught_up()
    assert len(sari.messages) == heard  # nothing reached her after she cancelled
    assert await _status(bot, moved.update_id) == "superseded"
    assert _stage_and_mark(bot, "KOC-000002") == ("selesai", True)


async def test_a_wish_to_cancel_in_ask_mode_is_offered_the_cancelling_not_relayed(
    bot: Harness, staff_chat: Any
) -> None:
    # A re-check s59, N1: after /tanya the wish went to staff with only a 👌, nothing was
    # cancelled, and it waited among the questions.
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    await bot.send(sari, "/tanya")
    await bot.send(sari, "Kak, MU:CON ada batas umur ga? aku 33")
    relayed = len(rows(bot.database, "SELECT id FROM relayed_messages"))
    mark = staff_chat.mark()
    (asked,) = await bot.send(sari, "kak aku ga jadi ikut deh, cancel aja pendaftarannya ya")
    assert asked.text == visible(
        t(Text.CANCEL_CONFIRM, reference="KOC-000001", name=MUSICIAN["stage_name"])
    )
    assert staff_chat.messages_since(mark) == []  # not relayed
    assert len(rows(bot.database, "SELECT id FROM relayed_messages")) == relayed
    (done,) = await bot.press(sari, t(Text.BTN_CANCEL_YES))
    assert _stage_and_mark(bot, "KOC-000001") == ("selesai", True)
    # Pressing the button ended her conversation with the team, and says so (a last review
    # s59: it ended unsaid): her next "oke makasih" stays with the bot, not relayed under a
    # cancelled registration (session 59's last review feared it would be).
    assert visible(t(Text.CANCEL_DONE_ASKING)) in done.text
    mark = staff_chat.mark()
    await bot.send(sari, "oke makasih kak")
    assert staff_chat.messages_since(mark) == []


async def test_staff_are_told_a_cancelled_talents_questions_may_still_be_answered(
    bot: Harness, staff_chat: Any
) -> None:
    # A re-check s59, N3: "Jangan hubungi talenta" beside her waiting question, so nobody
    # answered it; M1: the alert in the shared group was in Indonesian only.
    admin = admin_of(staff_chat)
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    await bot.send(sari, "/tanya")
    await bot.send(sari, "Kak, MU:CON ada batas umur ga? aku 33")
    mark = staff_chat.mark()
    await bot.send(sari, "/status")  # her talk with the team goes on (support_still_asking)
    await bot.press(sari, t(Text.BTN_CANCEL_REGISTRATION))
    (done,) = await bot.press(sari, t(Text.BTN_CANCEL_YES))
    assert visible(t(Text.CANCEL_DONE_ASKING)) in done.text  # it ends here, and says so
    (told,) = staff_chat.find("KOC-000001", since=mark)
    assert "pertanyaannya ke tim tetap boleh dijawab" in told.text
    assert "their questions to the team may still be answered" in told.text  # for English readers
    (page,) = await bot.send(admin, "/lead KOC-000001")
    assert "pertanyaannya ke tim tetap boleh dijawab" in page.text
    async with workspace(bot, ADMIN_ID) as client:
        lead = await client.ok("lead", {"id": 1})
        assert "pertanyaannya ke tim tetap boleh dijawab" in lead["withdrawn"]


async def test_my_data_says_a_registration_was_cancelled_and_offers_no_update_of_it(
    bot: Harness,
) -> None:
    # A re-check s59, N2: /dataku's summary said nothing of the cancel, and its "📝 Lihat &
    # perbarui jawabanku" answered "sudah dihapus, atau bukan milikmu" (both false).
    sari, dimas = bot.user(first_name="Sari"), bot.user(first_name="Dimas")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    assert await apply(bot, dimas, FILMMAKER) == "KOC-000002"
    summary = (await bot.send(sari, "/dataku"))[-1]  # before she cancels: the button
    assert t(Text.BTN_MYDATA_SEE_ANSWERS) in summary.button_texts
    for talent in (sari, dimas):
        await bot.send(talent, "/status")
        await bot.press(talent, t(Text.BTN_CANCEL_REGISTRATION))
        await bot.press(talent, t(Text.BTN_CANCEL_YES))
    rows_at = dict(
        rows(
            bot.database,
            "SELECT a.reference, p.talent_withdrawn_at FROM lead_pipeline p"
            " JOIN applications a ON a.id = p.application_id",
        )
    )
    day = CONTENT.date_text(to_wib(rows_at["KOC-000001"]).date(), "id")
    # The old button: that she cancelled it, when, and where its answers are; nothing opened.
    (said,) = await bot.press(sari, t(Text.BTN_MYDATA_SEE_ANSWERS), message=summary)
    assert said.text == visible(t(Text.UPDATE_CANCELLED, reference="KOC-000001", date=day))
    assert t(Text.UPDATE_GONE) not in said.text
    assert await where(bot, sari) is None
    # /dataku after the cancel: said in the summary, and no button to update it.
    summary = (await bot.send(dimas, "/dataku"))[-1]
    day = CONTENT.date_text(to_wib(rows_at["KOC-000002"]).date(), "id")
    item = t(Text.MYDATA_CANCELLED_ITEM, reference="KOC-000002", date=day)
    assert visible(t(Text.MYDATA_CANCELLED, items=Markup(item))) in summary.text
    assert visible(t(Text.MYDATA_NEXT_CANCELLED)) in summary.text
    assert t(Text.BTN_MYDATA_SEE_ANSWERS) not in summary.button_texts


async def test_after_cancelling_status_and_daftar_show_the_way_back(bot: Harness) -> None:
    # A re-check s59, N5: /status offered only ⬅️ Kembali, and /daftar said nothing of the
    # cancelled registration.
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    await bot.send(sari, "/status")
    await bot.press(sari, t(Text.BTN_CANCEL_REGISTRATION))
    await bot.press(sari, t(Text.BTN_CANCEL_YES))
    (status,) = await bot.send(sari, "/status")
    assert visible(t(Text.STATUS_REGISTER_AGAIN)) in status.text
    assert status.button_texts[0] == t(Text.BTN_APPLY)
    # The button begins from her kept answers, or afresh (tests/test_registering_again.py).
    (offer,) = await bot.press(sari, t(Text.BTN_APPLY), message=status)
    assert offer.button_texts == [t(Text.BTN_REUSE_ANSWERS), t(Text.BTN_REUSE_FRESH)]
    (first,) = await bot.press(sari, t(Text.BTN_REUSE_FRESH), message=offer)
    assert visible(t(Text.INTAKE_NEW_AFTER_CANCEL, references="KOC-000001")) in first.text
    assert await where(bot, sari) is not None  # the new form's first question
    # /daftar typed says it too.
    dimas = bot.user(first_name="Dimas")
    assert await apply(bot, dimas, FILMMAKER) == "KOC-000002"
    await bot.send(dimas, "batalin pendaftaranku")
    await bot.press(dimas, t(Text.BTN_CANCEL_YES))
    await bot.send(dimas, "/daftar")
    (first,) = await bot.press(dimas, t(Text.BTN_REUSE_FRESH))
    assert visible(t(Text.INTAKE_NEW_AFTER_CANCEL, references="KOC-000002")) in first.text


async def test_the_audit_command_names_the_talent_as_who_cancelled(
    bot: Harness, tmp_path: Path
) -> None:
    # The staff review s60, M1: `kocca-bot audit` said "anonymous admin" (a hidden admin of
    # the staff group) for the talent's own cancellation, and the CSV named nobody: the record
    # of processing said a staff member closed the lead.
    andi = bot.user(first_name="Andi")
    assert await apply(bot, andi, MUSICIAN) == "KOC-000001"
    await bot.send(andi, "/status")
    await bot.press(andi, t(Text.BTN_CANCEL_REGISTRATION))
    await bot.press(andi, t(Text.BTN_CANCEL_YES))
    assert _stage_and_mark(bot, "KOC-000001") == ("selesai", True)
    env = clean_env(tmp_path, BOT_TOKEN="1:x", DATABASE_PATH=str(bot.database))
    code, out, err = await run_cli(tmp_path, env, "audit", "--changes", "--lead", "KOC-000001")
    assert code == 0, err
    (line,) = [line for line in out.splitlines() if " withdrawn_by_talent " in line]
    assert " WIB  talent " in line and "anonymous" not in line and "admin" not in line
    assert "by=talent" in line
    code, out, err = await run_cli(
        tmp_path, env, "audit", "--lead", "KOC-000001", "--format", "csv"
    )
    assert code == 0, err
    header, *entries = read_csv(b"\xef\xbb\xbf" + out.encode())
    (cancelled,) = [row for row in entries if row[header.index("action")] == "withdrawn_by_talent"]
    assert cancelled[header.index("actor")] == "talent"
    assert cancelled[header.index("actor_id")] == ""  # never the talent's Telegram id
