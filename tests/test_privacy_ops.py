"""When a talent's data leaves the bot, staff hear what to clean up; a restore honours
withdrawals as it honours erasures, and sends nothing the backup had queued on its own."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.emulator import EmulatedChat, EmulatedUser
from bot.store import Store
from bot.texts import Text
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness, every_value
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    apply,
    opening,
    rendered,
    shown,
)
from tests.processes import clean_env, run_cli
from tests.restores import only_budi, two_leads_and_a_backup
from tests.subscribers import queue_text, wait_until

SARI_DATA = ["Sari Dewi Lestari", "sari.dewi@example.com", "+6281234567801"]


def _stage_message(stage: str, reference: str) -> str:
    """The line of a stage's message to the talent that names the lead, as shown."""
    message = CONTENT.stages[stage].message
    assert message is not None
    return rendered(message.get("id").split("\n")[1].format(reference=reference))


async def _withdraw(bot: Harness, talent: EmulatedUser, count: int = 1) -> None:
    await bot.send(talent, "/privasi")
    await bot.press(talent, CONTENT.text(Text.BTN_MY_CONSENTS, "id"))
    processing = CONTENT.text(Text.CONSENT_KIND_PROCESSING, "id")
    await bot.press(talent, CONTENT.text(Text.BTN_WITHDRAW, "id", kind=processing))
    [reply] = await bot.press(talent, CONTENT.text(Text.BTN_CONFIRM_WITHDRAW, "id"))
    assert reply.text == shown(Text.PROCESSING_WITHDRAWN, count=count)


async def test_staff_hear_which_references_to_clean_up_and_lead_says_erased(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    admin = bot.emulator.user(ADMIN_ID)
    sari = bot.user(first_name="Sarinah", username="sarinah_music")
    budi = bot.user(first_name="Budiman")
    await apply(bot, sari, MUSICIAN)  # KOC-000001
    await apply(bot, budi, FILMMAKER)  # KOC-000002
    await apply(bot, sari, MUSICIAN)  # KOC-000003: a second registration of hers
    # She asked staff a question: it was relayed to the staff group.
    mark = staff_chat.mark()
    await bot.send(sari, "/tanya")
    await bot.send(sari, "Kapan hasil kurasi diumumkan?")
    relayed = staff_chat.messages_since(mark)
    first_relayed = relayed[0]

    mark = staff_chat.mark()
    await bot.send(sari, "/hapusdata")
    await bot.press(sari, CONTENT.text(Text.BTN_CONFIRM_DELETE, "id"))
    [notice] = await staff_chat.wait_for_messages(mark)
    assert notice.text.startswith(opening(Text.PRIVACY_STAFF_ERASED))
    # Staff who read English learn what to do from the line under it (the group is shared).
    assert shown(Text.PRIVACY_STAFF_ERASED_GLOSS, "en") in notice.text
    assert "Delete its copies outside the bot too" in notice.text
    assert "KOC-000001" in notice.text and "KOC-000003" in notice.text
    assert "KOC-000002" not in notice.text
    # Her lead pages and reports also sit in each admin's private chat with the bot.
    assert "chat pribadi masing-masing dengan bot" in notice.text
    assert "halaman pendaftar (/lead) dan daftar /leads" in notice.text
    assert "<code>" not in notice.text  # the references are marked up, not shown as tags
    counted = shown(Text.PRIVACY_CLEAN_UP_RELAYED, count=len(relayed))
    assert counted in notice.text  # the relayed messages, counted
    # It answers her first relayed message, so staff find the thread to delete.
    assert notice.reply_to_message_id == first_relayed.message_id
    # No personal data in it: no name, username, Telegram id or answer.
    for trace in ["Sarinah", "sarinah_music", str(sari.id), *SARI_DATA]:
        assert trace not in notice.text

    async def forgotten() -> bool:  # posted once, then not kept
        return await bot.store.notices.pending() == []

    await wait_until(forgotten)

    # Staff looking her lead up learn it was erased, not that they mistyped.
    [gone] = await bot.send(admin, "/lead KOC-000001")
    assert gone.text == shown(Text.LEAD_ERASED, reference="KOC-000001")
    [typo] = await bot.send(admin, "/lead KOC-000099")  # never given: not called erased
    assert typo.text == shown(Text.RECORDS_NUMBER_NEVER_GIVEN, reference="KOC-000099")
    [note] = await bot.send(admin, "/catatan KOC-000003 masih ada?")
    assert note.text == shown(Text.LEAD_ERASED, reference="KOC-000003")

    # A withdrawal of consent tells staff too (her new registration goes).
    mark = staff_chat.mark()
    await apply(bot, budi, FILMMAKER)  # KOC-000004
    alerts = len(staff_chat.messages_since(mark))
    await _withdraw(bot, budi, 2)  # Budi's KOC-000002 and KOC-000004
    notices = await staff_chat.wait_for_messages(mark, alerts + 1)
    withdrawn = notices[-1].text
    assert withdrawn.startswith(opening(Text.PRIVACY_STAFF_WITHDRAWN))
    assert "KOC-000002" in withdrawn and "KOC-000004" in withdrawn
    assert "chat pribadi masing-masing dengan bot" in withdrawn
    assert "Budi" not in withdrawn and str(budi.id) not in withdrawn


async def test_a_talent_with_nothing_staff_hold_erases_quietly(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sarinah")
    await bot.send(sari, "/start")
    mark = staff_chat.mark()
    await bot.send(sari, "/hapusdata")
    await bot.press(sari, CONTENT.text(Text.BTN_CONFIRM_DELETE, "id"))
    await bot.runner.wait_idle()
    assert await bot.store.notices.pending() == []
    assert staff_chat.messages_since(mark) == []


async def test_withdrawal_survives_the_restore_of_an_older_backup(
    make_bot: Callable[..., Any], staff_chat: EmulatedChat, database: Path, tmp_path: Path
) -> None:
    backed_up = await two_leads_and_a_backup(make_bot, database, tmp_path)
    bot, sari = backed_up.bot, backed_up.sari
    await _withdraw(bot, sari)
    # Withdrawal stops processing: her answers go from the conversation log too.
    assert not any(secret in value for value in every_value(database) for secret in SARI_DATA)
    await bot.stop()

    code, out, err = await backed_up.cli("restore", str(backed_up.backup))
    assert code == 0, err
    assert (
        "1 withdrawal record newer" in out and "the applications of 1 talent deleted again" in out
    )
    # The restore applied it: the command line never sees her application again.
    values = every_value(database)
    assert not any(secret in value for value in values for secret in SARI_DATA)
    assert only_budi(await backed_up.exported())

    mark = staff_chat.mark()
    await bot.start()
    consent = (await bot.store.applications.consents(sari.id))["processing"]
    assert not consent.granted  # the withdrawn consent is recorded in the restored database
    notices = [message.text for message in await staff_chat.wait_for_messages(mark, 2)]
    [again] = [text for text in notices if "KOC-000001" in text]
    assert again.startswith(opening(Text.PRIVACY_STAFF_WITHDRAWN_AGAIN))
    # She applies again after all: a restart does not delete the new application.
    await bot.send(sari, "/privasi")
    await bot.press(sari, CONTENT.text(Text.BTN_MY_CONSENTS, "id"))
    processing = CONTENT.text(Text.CONSENT_KIND_PROCESSING, "id")
    await bot.press(sari, CONTENT.text(Text.BTN_GRANT, "id", kind=processing))
    reference = await apply(bot, sari, MUSICIAN)
    await bot.restart()
    assert await bot.store.leads.by_reference(reference) is not None


async def test_nothing_queued_in_a_backup_goes_out_after_a_restore(
    make_bot: Callable[..., Any], staff_chat: EmulatedChat, database: Path, tmp_path: Path
) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    env = clean_env(
        tmp_path,
        BOT_TOKEN="1:x",
        DATABASE_PATH=str(database),
        STAFF_CHAT_ID=str(STAFF_CHAT_ID),
    )
    sari = bot.user(first_name="Sarinah")
    await apply(bot, sari, MUSICIAN)
    await bot.send(sari, "/langganan")
    await bot.stop()
    # Queued while no bot runs: a stage message and an announcement.
    code, out, err = await run_cli(
        tmp_path, env, "lead", "KOC-000001", "--stage", "shortlist", "--notify"
    )
    assert code == 0, out + err
    store = await Store.open(database)
    try:
        broadcast, recipients = await queue_text(store, "Info program untuk semua talenta")
    finally:
        await store.close()
    assert recipients == 1
    backup = tmp_path / "monday.db"
    code, _, err = await run_cli(tmp_path, env, "backup", "--output", str(backup))
    assert code == 0, err

    # The bot sends both, then the database is restored from the backup that queued them.
    await bot.start()
    stage_text = _stage_message("shortlist", "KOC-000001")

    def heard() -> list[str]:
        return [m.text for m in sari.messages if stage_text in m.text]

    async def both_sent() -> bool:
        told = await bot.store.broadcasts.get(broadcast)
        return len(heard()) == 1 and told is not None and told.finished_at is not None

    await wait_until(both_sent)
    await bot.stop()
    code, out, err = await run_cli(tmp_path, env, "restore", str(backup))
    assert code == 0, err
    assert "Held, not sent: 1 stage message (now" in out and "1 announcement cancelled" in out
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT status FROM talent_updates").fetchall() == [("uncertain",)]
        assert db.execute("SELECT status FROM broadcasts").fetchall() == [("cancelled",)]

    received = len(sari.messages)
    mark = staff_chat.mark()
    await bot.start()
    # Staff hear what was held and how to send it; the talent hears nothing twice.
    messages = await staff_chat.wait_for_messages(mark, 2)
    [held] = [m for m in messages if m.text.startswith(opening(Text.RESTORE_HELD, backup="x")[:20])]
    assert "monday.db" in held.text
    assert held.text.endswith(shown(Text.RESTORE_HELD_GLOSS, "en"))  # for staff who read English
    assert shown(Text.RESTORE_HELD_BROADCAST, id=broadcast, count=1) in held.text
    [report] = [m for m in messages if m.buttons]  # the stage message: «Send again»
    shortlist = CONTENT.stages["shortlist"].label.get("id")
    assert report.text == shown(Text.UPDATE_REPORT_HELD, reference="KOC-000001", stage=shortlist)
    await bot.runner.wait_idle()
    assert len(sari.messages) == received
    # Staff decide it did not arrive: one press sends it.
    admin = bot.emulator.user(ADMIN_ID)
    again = CONTENT.text(Text.BTN_SEND_AGAIN, "id", reference="KOC-000001")
    await bot.act(admin, admin.press, again, message=report, chat=staff_chat)

    async def resent() -> bool:
        return len(heard()) == 2

    await wait_until(resent)
