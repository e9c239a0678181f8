"""Review findings on the lead pipeline (A1, A3, A8, A10, A11, S1, S7, S8, S10, S13, S14).

Each test drives the real bot (or the real `kocca-bot` command) the way the reviewers did.
"""

from __future__ import annotations

import asyncio
import random
import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

from bot.emulator import EmulatedUser
from bot.leads import pipeline_stats
from bot.leads.export import WIB
from bot.leads.pipeline_stats import PipelineStats
from bot.leads.stage_changes import change_stage
from bot.ops.restore import restore
from bot.ops.runlock import RunLock
from bot.settings import PACKAGED_CONTENT_DIR, Settings
from bot.store import Store
from bot.store.audit import Actor
from bot.texts import Text
from tests import test_pipeline
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import TEST_FORWARDING, Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, Seed, apply, realistic, seeded
from tests.subscribers import wait_until
from tests.test_pipeline import (
    _seed_talents,
    admin_of,
    audit,
    expected_message,
    label,
    rows,
    t,
    visible,
    wait_sent,
)
from tests.test_staff import _kocca_bot, _kocca_bot_here

NO_TRANSFER = {"processing": True, "transfer_korea": False}


async def _talents(bot: Harness, *profiles: tuple[str, dict[str, bool]]) -> list[EmulatedUser]:
    """Talents with a submitted lead each: (chat language, consents), KOC-000001 onwards."""
    return await _seed_talents(bot, len(profiles), first_id=7000, profiles=profiles)


async def _audit_rows(bot: Harness) -> list[tuple[Any, ...]]:
    """(action, lead, detail) of every audit entry, oldest first."""
    return await asyncio.to_thread(
        rows, bot.database, "SELECT action, lead_ref, detail FROM audit_log ORDER BY id"
    )


async def _status(bot: Harness, update_id: int) -> str:
    found = await asyncio.to_thread(
        rows, bot.database, "SELECT status FROM talent_updates WHERE id = ?", (update_id,)
    )
    return str(found[0][0]) if found else "gone"


two_admins = test_pipeline.two_admins  # the fixture: two admins who both said /start


# ----- A3 = S1: a stage that needs a consent ------------------------------------------------


async def test_a_lead_without_transfer_consent_is_never_forwarded_to_kocca(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN, korea=False) == "KOC-000001"
    told = len(sari.messages)
    (page,) = await bot.send(admin, "/lead KOC-000001")
    assert (
        visible(
            t(
                Text.PIPELINE_WARNING_CONSENT,
                stages=label("diteruskan"),
                recipient=TEST_FORWARDING.recipient,
            )
        )
        in page.text
    )  # the page says which stage is closed, and why
    # No preview, no "Send update" to press: an alert with the page's (and the workspace's)
    # reason, and the page stays as it was.
    closed = t(Text.BTN_STAGE_CLOSED, label=label("diteruskan"))  # marked, as the workspace
    assert closed in page.button_texts  # greys it out for this lead
    assert await bot.press(admin, closed) == []
    alert = admin.callback_answers[-1]
    assert alert.show_alert and alert.text == visible(
        t(
            Text.PIPELINE_WARNING_CONSENT,
            stages=label("diteruskan"),
            recipient=TEST_FORWARDING.recipient,
        )
    )
    assert admin.last_message == page
    state = await bot.store.pipeline.state(1)
    assert state is not None and state.stage == "baru"
    # A forged confirm (the preview's button) is refused by the store, in its transaction.
    await bot.act(admin, admin.press_raw, page.message_id, "pl:c:1:diteruskan:0:1")
    assert admin.last_message.text == visible(
        t(
            Text.PIPELINE_NO_CONSENT_TRANSFER,
            reference="KOC-000001",
            stage=label("diteruskan"),
            recipient=TEST_FORWARDING.recipient,
        )
    )
    await bot.caught_up()  # anything queued has been sent by now
    assert len(sari.messages) == told
    state = await bot.store.pipeline.state(1)
    assert state is not None and state.stage == "baru"
    refusals = [
        detail
        for action, lead, detail in await _audit_rows(bot)
        if action == "stage_change_refused" and lead == "KOC-000001"
    ]
    assert len(refusals) == 2 and all('"reason": "no_consent"' in d for d in refusals)
    assert all('"consent": "transfer_korea"' in d for d in refusals)


async def test_consent_withdrawn_after_the_preview_refuses_the_move(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN, korea=True)
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, label("diteruskan"))  # the preview: consent was given then
    await bot.send(sari, "/privasi")
    await bot.press(sari, callback_data="pv:consents")
    await bot.press(sari, callback_data="pv:t:transfer_korea:0")
    told = len(sari.messages)
    await bot.press(admin, t(Text.BTN_SEND_UPDATE))
    assert admin.last_message.text == visible(
        t(
            Text.PIPELINE_NO_CONSENT_TRANSFER,
            reference="KOC-000001",
            stage=label("diteruskan"),
            recipient=TEST_FORWARDING.recipient,
        )
    )
    await bot.caught_up()
    assert len(sari.messages) == told  # never "as you agreed" to someone who withdrew
    state = await bot.store.pipeline.state(1)
    assert state is not None and state.stage == "baru"


async def test_consent_withdrawn_after_saving_holds_the_message_back(
    make_bot: Any, staff_chat: Any
) -> None:
    """Saved while consent stood; withdrawn before the send: the talent gets nothing."""
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    (talent,) = await _talents(bot, ("id", {"processing": True, "transfer_korea": True}))
    await bot.stop()
    store = await Store.open(bot.database)
    move = await change_stage(
        store, CONTENT, 1, "diteruskan", actor=Actor.cli(), notify=True, forwarding=TEST_FORWARDING
    )
    assert move.outcome == "saved" and move.update_id is not None
    async with store.db.transaction() as tx:  # what /privasi records when it is withdrawn
        await tx.execute(
            "INSERT INTO consents (user_id, kind, granted, notice_version, language,"
            " created_at) VALUES (?, 'transfer_korea', 0, 'v', 'id', '2026-12-01')",
            (talent.id,),
        )
    await store.close()
    mark = staff_chat.mark()
    await bot.start()
    held = visible(
        t(Text.UPDATE_REPORT_NO_CONSENT, reference="KOC-000001", stage=label("diteruskan"))
    )
    report = await staff_chat.wait_for_message(lambda m: m.text == held, since=mark)
    assert report.button_texts == []  # nothing to send again
    await bot.caught_up()
    assert talent.messages == []
    assert await _status(bot, move.update_id) == "failed"


async def test_move_all_skips_leads_without_the_stages_consent_and_shows_each_language(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    await bot.send(admin, "/start")
    agreed = {"processing": True, "transfer_korea": True}
    ani, budi, citra, dodi = await _talents(
        bot, ("id", agreed), ("id", NO_TRANSFER), ("en", agreed), ("id", agreed)
    )
    # A single move with a message first: its batch must not make the bulk move "#2".
    await bot.send(admin, "/lead KOC-000004")
    await bot.press(admin, label("shortlist"))
    await bot.press(admin, t(Text.BTN_SEND_UPDATE))
    await wait_sent(bot, 4)

    await bot.send(admin, "/leads baru")
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=3))
    mark = admin.mark()
    await bot.press(admin, label("diteruskan"))
    preview, example_id, example_en = admin.messages_since(mark)[-3:]
    assert (
        visible(
            t(
                Text.BULK_PREVIEW_NO_CONSENT,
                count=1,
                stage=label("diteruskan"),
                recipient=TEST_FORWARDING.recipient,
            )
        )
        in preview.text
    )  # how many are skipped, and why
    assert "1 dalam bahasa Indonesia, 1 dalam bahasa Inggris" in preview.text
    assert "bahasa Indonesia (untuk KOC-000001), lalu bahasa Inggris (untuk KOC-000003)" in (
        preview.text
    )
    assert example_id.html == expected_message("diteruskan", "KOC-000001", "Talenta0")
    assert example_en.html == expected_message("diteruskan", "KOC-000003", "Talenta2", "en")
    assert example_id.button_texts == [] and t(Text.BTN_BULK_SEND) in example_en.button_texts
    viewed = [lead for action, lead, _ in await _audit_rows(bot) if action == "bulk_previewed"]
    assert viewed == ["KOC-000001", "KOC-000003"]  # the examples name their talents

    marks = {talent.id: talent.mark() for talent in (ani, budi, citra)}
    mark = admin.mark()
    await bot.press(admin, t(Text.BTN_BULK_SEND), message=example_en)
    (done,) = [m.text for m in admin.find("✅ Pindah massal", since=mark)]
    assert done.startswith("✅ Pindah massal #1:")  # the first bulk move, whatever ids say
    assert f"2 pendaftar sekarang di tahap {label('diteruskan')}; 2 kabar" in done
    skipped = t(
        Text.BULK_SKIPPED_NO_CONSENT,
        count=1,
        stage=label("diteruskan"),
        recipient=TEST_FORWARDING.recipient,
    )
    assert visible(skipped) in done

    async def delivered() -> bool:
        return all(len(talent.messages_since(marks[talent.id])) == 1 for talent in (ani, citra))

    await wait_until(delivered)
    await bot.caught_up()
    assert budi.messages_since(marks[budi.id]) == []  # refused transfer: no message at all
    assert [m.html for m in citra.messages_since(marks[citra.id])] == [
        expected_message("diteruskan", "KOC-000003", "Talenta2", "en")
    ]
    state = await bot.store.pipeline.state(2)
    assert state is not None and state.stage == "baru"
    assert len(dodi.messages) == 1  # at Shortlist already: not part of the move
    refusals = [
        (lead, detail)
        for action, lead, detail in await _audit_rows(bot)
        if action == "stage_change_refused"
    ]
    assert [lead for lead, _ in refusals] == ["KOC-000002"]
    assert '"reason": "no_consent"' in refusals[0][1]
    assert admin.find("📨 Pindah massal #1 ", since=mark)  # the worker has caught up


async def test_move_all_leaves_leads_already_at_the_stage_alone(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    await bot.send(admin, "/start")
    agreed = {"processing": True, "transfer_korea": True}
    ani, budi, citra = await _talents(bot, *[("id", agreed)] * 3)
    await bot.send(admin, "/lead KOC-000003")  # Citra is shortlisted first, and told
    await bot.press(admin, label("shortlist"))
    await bot.press(admin, t(Text.BTN_SEND_UPDATE))
    await wait_sent(bot, 3)
    told = citra.mark()
    history_before, _ = await bot.store.pipeline.history(3, 10)

    await bot.send(admin, "/leads musik")  # all three, whatever their stage
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=3))
    mark = admin.mark()
    await bot.press(admin, label("shortlist"))
    (preview,) = admin.find("→ Shortlist", since=mark)
    assert "Sudah di tahap itu, jadi dilewati: 1." in preview.text
    await bot.press(admin, t(Text.BTN_BULK_SEND))
    (done,) = admin.find("✅ Pindah massal", since=mark)
    assert "2 pendaftar sekarang di tahap Shortlist; 2 kabar" in done.text
    assert visible(t(Text.BULK_SKIPPED, changed=0, already=1, which="")) in done.text
    await bot.caught_up()
    assert [len(talent.messages) for talent in (ani, budi)] == [1, 1]
    assert citra.messages_since(told) == []  # not told "shortlisted" a second time
    history_after, _ = await bot.store.pipeline.history(3, 10)
    assert history_after == history_before  # and not moved again
    moves = [lead for action, lead, _ in await _audit_rows(bot) if action == "stage_changed"]
    assert sorted(moves) == ["KOC-000001", "KOC-000002", "KOC-000003"]


async def test_command_line_refuses_a_stage_without_its_consent_and_speaks_plainly(
    bot: Harness, staff_chat: Any, tmp_path: Path
) -> None:
    sari, budi = bot.user(first_name="Sari"), bot.user(first_name="Budi")
    await apply(bot, sari, MUSICIAN, korea=False)
    await apply(bot, budi, FILMMAKER, korea=True)
    told = len(sari.messages)
    refused = await _kocca_bot(
        bot.database, tmp_path, "lead", "KOC-1", "--stage", "diteruskan", "--notify", status=1
    )
    assert f"KOC-000001 cannot be moved to {label('diteruskan')}: the talent has not" in refused
    assert TEST_FORWARDING.recipient in refused
    assert "transfer_korea" in refused
    await _kocca_bot(bot.database, tmp_path, "lead", "KOC-1", "--stage", "diteruskan", status=1)
    state = await bot.store.pipeline.state(1)
    assert state is not None and state.stage == "baru"
    refusals = [
        (lead, detail)
        for action, lead, detail in await _audit_rows(bot)
        if action == "stage_change_refused"
    ]
    assert len(refusals) == 2 and all(lead == "KOC-000001" for lead, _ in refusals)

    # --notify without --stage is an error, not silence. Refused before the database is
    # opened: in this process, the bot's loop paused meanwhile (nothing waits for its lock).
    usage = _kocca_bot_here(bot.database, tmp_path, "lead", "KOC-2", "--notify", status=2)
    assert "--stage" in usage
    # "queued for the running bot" only when one runs (the run lock says so).
    queued = await _kocca_bot(
        bot.database, tmp_path, "lead", "KOC-2", "--stage", "shortlist", "--notify"
    )
    assert "no bot is running on this database, so it will be sent when the bot starts" in queued
    with RunLock(bot.database):
        queued = await _kocca_bot(
            bot.database, tmp_path, "lead", "KOC-2", "--stage", "diteruskan", "--notify"
        )
    assert "the running bot sends it now" in queued
    assert label("diteruskan") in queued  # stage labels in DEFAULT_LANGUAGE (id)
    await bot.caught_up()
    assert len(sari.messages) == told


# ----- A1, A8: "Send again" --------------------------------------------------------------------


async def _failed_update(bot: Harness, admin: EmulatedUser, talent: EmulatedUser, ref: str) -> Any:
    """Move the lead to Shortlist with its message, which Telegram refuses: the report."""
    bot.emulator.fail_next(
        "sendMessage",
        status=400,
        description="Bad Request: message text is empty",
        chat_id=talent.id,
    )
    await bot.send(admin, f"/lead {ref}")
    await bot.press(admin, label("shortlist"))
    mark = admin.mark()
    await bot.press(admin, t(Text.BTN_SEND_UPDATE))

    def report() -> list[Any]:
        return [
            m
            for m in admin.messages_since(mark)
            if any(data.startswith("pl:again:") for data in m.callback_data)
        ]

    async def reported() -> bool:
        return bool(report())

    await wait_until(reported)
    return report()[-1]


async def test_an_old_send_again_button_never_acts_on_another_talents_update(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    await bot.send(admin, "/start")
    sari, budi = bot.user(first_name="Sari"), bot.user(first_name="Budi")
    await apply(bot, sari, MUSICIAN)
    report = await _failed_update(bot, admin, sari, "KOC-000001")
    assert report.callback_data == ["pl:again:1"]
    await bot.send(sari, "/hapusdata")
    # Her update (the newest) is deleted.
    await bot.press(sari, CONTENT.text(Text.BTN_CONFIRM_DELETE, "id"))
    await apply(bot, budi, FILMMAKER)
    budis = await _failed_update(bot, admin, budi, "KOC-000002")
    assert budis.callback_data == ["pl:again:2"]  # never id 1 again
    mark = budi.mark()
    await bot.press(admin, report.button_texts[0], message=report)  # Sari's old button
    assert bot.emulator.calls_to("answerCallbackQuery")[-1].params.get("text") == t(
        Text.BUTTON_EXPIRED
    )
    await bot.caught_up()
    assert budi.messages_since(mark) == []
    assert await _status(bot, 2) == "failed"


async def test_send_again_never_delivers_an_update_the_lead_has_moved_past(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    await bot.send(admin, "/start")
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    report = await _failed_update(bot, admin, sari, "KOC-000001")
    mark = sari.mark()
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, label("selesai"))
    await bot.press(admin, t(Text.BTN_SEND_UPDATE))
    await wait_sent(bot, 1)
    (answer,) = await bot.press(admin, report.button_texts[0], message=report)
    assert answer.text == visible(
        t(Text.UPDATE_OUTDATED, reference="KOC-000001", stage=label("selesai"))
    )
    await bot.caught_up()
    assert [m.html for m in sari.messages_since(mark)] == [
        expected_message("selesai", "KOC-000001", "Sari")
    ]
    assert await _status(bot, 1) == "superseded"


async def test_a_restore_does_not_reissue_update_and_bulk_move_ids(tmp_path: Path) -> None:
    database, backup = tmp_path / "kocca.db", tmp_path / "backup.db"
    store = await Store.open(database)
    await store.close()
    await seeded(database, [Seed(100 + n, realistic(random.Random(n), "film")) for n in range(3)])
    await _moves(database, [1])  # update 1, batch 1, then the backup
    shutil.copy(database, backup)
    await _moves(database, [2, 3])  # updates 2-3 after it: their buttons are in staff's hands
    settings = Settings(_env_file=None, database_path=database)  # type: ignore[call-arg]
    # The CLI's, blocking; a plain copy of the file has no signature.
    await asyncio.to_thread(restore, settings, backup, unsigned=True)
    assert await _moves(database, [2]) == [(4, 4)]


async def _moves(database: Path, leads: list[int]) -> list[tuple[int | None, int | None]]:
    """Move leads to Selesai with their message, from the command line; (update, batch) ids."""
    store = await Store.open(database)
    try:
        found = []
        for lead in leads:
            move = await change_stage(
                store,
                CONTENT,
                lead,
                "selesai",
                actor=Actor.cli(),
                notify=True,
                forwarding=TEST_FORWARDING,
            )
            found.append((move.update_id, move.batch_id))
        return found
    finally:
        await store.close()


# ----- A10, A11: the audit log ------------------------------------------------------------------


async def test_a_forged_stage_press_on_an_erased_lead_keeps_its_reference_out_of_the_log(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    (page,) = await bot.send(admin, "/lead KOC-000001")
    await bot.send(sari, "/hapusdata")
    await bot.press(sari, CONTENT.text(Text.BTN_CONFIRM_DELETE, "id"))
    await bot.act(admin, admin.press_raw, page.message_id, "pl:s:1:ghost:0")
    assert admin.last_message.text == visible(t(Text.PIPELINE_UNKNOWN_STAGE, stage="ghost"))
    logged = await _audit_rows(bot)
    assert logged[-1][:2] == ("stage_change_refused", None)
    assert all(lead != "KOC-000001" for _, lead, _ in logged)


async def test_audit_text_cannot_be_forged_with_control_characters(
    bot: Harness, staff_chat: Any, tmp_path: Path
) -> None:
    admin = admin_of(staff_chat)
    await apply(bot, bot.user(first_name="Sari"), MUSICIAN)
    (page,) = await bot.send(admin, "/lead KOC-000001")
    forged = "x\n2026-12-01 WIB admin 1\x1b[2J" + "y" * 20  # callback data: 64 bytes at most
    await bot.act(admin, admin.press_raw, page.message_id, f"pl:s:1:{forged}:0")
    assert "\x1b" not in admin.last_message.text and "y" * 20 not in admin.last_message.text
    *_, (_, _, detail) = await _audit_rows(bot)
    assert "\\n" not in detail and "\\u001b" not in detail and "y" * 20 not in detail
    # Whatever a value holds (a value from elsewhere, or an older entry), text output keeps
    # one line per entry, with control characters shown escaped.
    await bot.store.audit.add(Actor.cli(), "export", None, filter="a\nb\x1b[31m\u202ec")
    text = await _kocca_bot(bot.database, tmp_path, "audit")
    lines = text.splitlines()
    assert len(lines) == len(await _audit_rows(bot))
    assert "filter=a\\nb\\x1b[31m\\u202ec" in lines[-1]
    assert "\x1b" not in text and "\u202e" not in text


async def test_lists_previews_and_command_line_views_are_recorded(
    bot: Harness, staff_chat: Any, tmp_path: Path
) -> None:
    admin = admin_of(staff_chat)
    await _talents(bot, *[("id", {"processing": True, "transfer_korea": True})] * 10)
    await bot.send(admin, "/leads baru")
    listed = [(lead, detail) for action, lead, detail in await _audit_rows(bot)]
    assert [lead for lead, _ in listed] == [f"KOC-{n:06d}" for n in range(10, 2, -1)]
    assert all('"filter": "baru"' in detail and '"page": 1' in detail for _, detail in listed)
    await bot.press(admin, t(Text.BTN_NEXT_PAGE))
    actions = await _audit_rows(bot)
    assert [lead for _, lead, _ in actions[8:]] == ["KOC-000002", "KOC-000001"]
    await _kocca_bot(bot.database, tmp_path, "lead", "KOC-5")
    assert (await audit(bot))[-1] == (None, "cli", "lead_viewed", "KOC-000005")


async def test_only_the_admin_who_started_a_bulk_move_may_cancel_it(
    two_admins: tuple[Harness, EmulatedUser, EmulatedUser],
) -> None:
    bot, first, second = two_admins
    await _talents(bot, ("id", {"processing": True, "transfer_korea": True}))
    await bot.send(first, "/leads baru")
    (choose,) = await bot.press(first, t(Text.BTN_BULK_MOVE, count=1))
    (mine,) = await bot.send(second, "/start")
    await bot.act(second, second.press_raw, mine.message_id, "pl:bx:1")
    assert bot.emulator.calls_to("answerCallbackQuery")[-1].params.get("text") == t(
        Text.BUTTON_EXPIRED
    )
    found = await bot.store.pipeline.bulk(1)
    assert found is not None and found[3] == "composing"
    await bot.press(first, label("ditinjau"), message=choose)
    await bot.press(first, t(Text.BTN_BULK_CONFIRM))
    state = await bot.store.pipeline.state(1)
    assert state is not None and state.stage == "ditinjau"


# ----- S10: the new-lead alert -------------------------------------------------------------------


async def test_new_lead_alert_names_consents_and_opens_the_lead_for_staff_only(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    member = bot.user(first_name="Anggota")
    staff_chat.add_member(member)
    budi = bot.user(first_name="Budi", username=None)
    await apply(bot, budi, FILMMAKER, korea=False)
    alert = staff_chat.last_message
    assert alert.text.startswith("🆕 Pendaftar baru KOC-000001")
    assert f"Budi · id {budi.id}" in alert.text  # no double space without a username
    consents = [
        t(Text.LEAD_CONSENT_YES, label=t(Text.EXPORT_COL_CONSENT_PROCESSING)),
        t(Text.LEAD_CONSENT_NO, label=t(Text.EXPORT_COL_CONSENT_TRANSFER)),
        # Offered right after the application: not read as "never asked".
        t(Text.LEAD_CONSENT_OFFERED_NEXT, label=t(Text.EXPORT_COL_CONSENT_ANNOUNCEMENTS)),
    ]
    assert all(line in alert.text for line in consents), alert.text
    opener = t(Text.BTN_OPEN_LEAD, reference="KOC-000001")
    assert alert.button_texts == [opener]
    mark = staff_chat.mark()
    await bot.act(member, member.press, opener, message=alert, chat=staff_chat)
    assert staff_chat.messages_since(mark) == []  # not staff: nothing
    assert await audit(bot) == []
    await bot.act(admin, admin.press, opener, message=alert, chat=staff_chat)
    (page,) = staff_chat.messages_since(mark)
    assert f"Tahap: {label('baru')}" in page.text and page.message_id != alert.message_id
    (still,) = [m for m in staff_chat.messages if m.message_id == alert.message_id]
    assert still.text == alert.text and not still.edited  # the alert stays as it was
    assert await audit(bot) == [(ADMIN_ID, "telegram", "lead_viewed", "KOC-000001")]


# ----- S7, S8, S13: words and dates (S14's chart folder: test_pipeline_desk, /stats) ------


def test_pipeline_texts_tell_talents_the_listed_english_commands() -> None:
    """/apply works but menus and help say /register: texts say what talents see listed."""
    owned = [
        *yaml.safe_load((PACKAGED_CONTENT_DIR / "messages_pipeline.yaml").read_text()).values(),
        *(stage.message.model_dump() for stage in CONTENT.stages.values() if stage.message),
    ]
    english = [text["en"] for text in owned]
    assert not [text for text in english if "/apply" in text]
    assert "/register" in CONTENT.stages["selesai"].message.en  # type: ignore[union-attr]


async def test_status_and_chart_write_dates_day_first_in_words(
    bot: Harness, staff_chat: Any
) -> None:
    sari = bot.user(first_name="Sari", language_code="en")
    await apply(bot, sari, MUSICIAN, language="en")
    (listed,) = await bot.send(sari, "/status")
    today = datetime.now(UTC).astimezone(WIB).date()
    assert f"submitted {CONTENT.date_text(today, 'en')}" in listed.text  # "1 December 2026"
    assert today.isoformat() not in listed.text
    stats = PipelineStats([], {}, None, 0, [("2026-11-18", 2), ("2026-12-01", 1)])
    days = pipeline_stats.chart_data(stats, CONTENT, "id").days
    assert days == [("18 Nov", 2), ("1 Des", 1)]
    assert pipeline_stats.chart_data(stats, CONTENT, "en").days[1] == ("1 Dec", 1)
    assert pipeline_stats.short_day(CONTENT, date(2027, 2, 11), "en") == "11 Feb"  # never 02/11
