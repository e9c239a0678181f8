"""Staff keep records clean (issue 25): duplicates marked and closed, answers corrected,
notes opened in full, edited and deleted, leads handed to another admin, contact in one
step, stage words in both languages, lead numbers given in order."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.emulator import EmulatedUser
from bot.leads.export import wib_words
from bot.store.audit import Actor
from bot.texts import Text
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    as_records,
    read_csv,
    shown,
)
from tests.leads import apply as register
from tests.test_pipeline import SECOND_ADMIN, admin_of, audit, rows, t, two_staff
from tests.test_pipeline import label as stage_button
from tests.test_staff import _kocca_bot
from tests.test_support import ask

# Closing Budi's KOC-000002 as a duplicate of Sari's KOC-000001 (two Telegram accounts): what
# the confirmation says that stops on Budi's account.
BUDI_NOT_SARI = shown(
    Text.WS_DUPLICATE_TWO_ACCOUNTS,
    reference="KOC-000002",
    name="Budi",
    other="KOC-000001",
    other_name="Sari",
)


def question_label(key: str) -> str:
    return CONTENT.questions[key].label.id


async def open_correction(
    bot: Harness, admin: EmulatedUser, key: str, reference: str = "KOC-000001"
) -> None:
    """A staff member opens a lead and chooses to correct one of its answers."""
    await bot.send(admin, f"/lead {reference}")
    await bot.press(admin, t(Text.BTN_EDIT_ANSWER))
    await bot.press(admin, question_label(key))


async def test_duplicates_are_marked_closed_linked_and_reopened(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    sari = bot.user(first_name="Sari")
    await register(bot, sari, MUSICIAN)  # KOC-000001
    budi = bot.user(first_name="Budi")  # another account, the same phone
    await register(bot, budi, {**FILMMAKER, "phone": "+62 812-3456-7801"})  # KOC-000002
    await register(bot, sari, {**FILMMAKER, "email": "lain@example.com"})  # KOC-000003
    (page,) = await bot.send(admin, "/lead KOC-000002")
    assert "⚠️ mungkin duplikat dari KOC-000001: nomor HP sama" in page.text
    (page,) = await bot.send(admin, "/lead KOC-000001")  # the first: sent before the others
    assert "⚠️ punya kemungkinan duplikat: KOC-000002, dikirim kemudian (nomor HP sama)" in (
        page.text
    )
    assert "punya kemungkinan duplikat: KOC-000003, dikirim kemudian (akun Telegram sama)" in (
        page.text
    )
    assert "mungkin duplikat dari" not in page.text
    assert not [b for b in page.button_texts if b.startswith("🔁")]  # never closes the original
    (listed,) = await bot.send(admin, "/leads")
    assert "⚠️ mungkin duplikat dari KOC-000001" in listed.text
    assert "⚠️ punya kemungkinan duplikat: KOC-000002, KOC-000003" in listed.text

    # Close KOC-000002 as a duplicate of KOC-000001: linked both ways, the talent not told.
    (page,) = await bot.send(admin, "/lead KOC-000002")
    close = t(Text.BTN_CLOSE_DUPLICATE, reference="KOC-000001")
    data = next(b.callback_data for row in page.buttons for b in row if b.text == close)
    heard = len(budi.messages)
    # Asked first, with what the later lead says differently (a staff review: closed on one
    # tap, its other answers unseen); reading them is a view of KOC-000001.
    (asked,) = await bot.press(admin, t(Text.BTN_CLOSE_DUPLICATE, reference="KOC-000001"))
    assert shown(Text.WS_DUPLICATE_CONFIRM, reference="KOC-000002", other="KOC-000001") in (
        asked.text
    )
    assert "• Bidang: Film (KOC-000002) · Musik (KOC-000001)" in asked.text
    # Budi's account is not Sari's: what closing stops there is said first (a staff review
    # s56: that account's announcements stopped unannounced, the talent's old phone lost).
    assert BUDI_NOT_SARI in asked.text
    assert "akun Budi tidak lagi menerima info program" in asked.text
    assert not (await bot.store.duplicates.duplicate_links(2)).closed  # nothing closed yet
    assert ("lead_viewed", "KOC-000001") in [entry[2:4] for entry in await audit(bot)]
    (closed,) = await bot.press(admin, t(Text.WS_DUPLICATE_CONFIRM_YES))
    assert shown(Text.RECORDS_CLOSED_DUPLICATE, reference="KOC-000001") in closed.text
    assert t(Text.BTN_REOPEN) in closed.button_texts and len(budi.messages) == heard
    assert stage_button("ditinjau") not in closed.button_texts  # one way to reopen it
    (kept,) = await bot.send(admin, "/lead KOC-000001")
    assert "🔁 KOC-000002 ditutup sebagai duplikat pendaftar ini" in kept.text
    # Sari's own second lead (the same account): no word about accounts.
    await bot.send(admin, "/lead KOC-000003")
    (asked,) = await bot.press(admin, t(Text.BTN_CLOSE_DUPLICATE, reference="KOC-000001"))
    assert "• Email:" in asked.text and "akun Telegram berbeda" not in asked.text
    actions = [entry[2:] for entry in await audit(bot) if "duplicate" in entry[2]]
    assert actions == [("closed_as_duplicate", "KOC-000002"), ("duplicate_linked", "KOC-000001")]
    # An old button of the page from before the close changes nothing twice, and says why:
    # it is closed as that lead's duplicate already (not "changed elsewhere… Buka lagi").
    (stale,) = await bot.act(admin, admin.press_raw, page.message_id, str(data))
    assert stale.text == shown(
        Text.RECORDS_DUPLICATE_SAME, reference="KOC-000002", other="KOC-000001"
    )

    # The export says what the lead pages say.
    replies = await bot.send(admin, "/export")
    records = {
        record["Referensi"]: record
        for record in as_records(read_csv(next(m.document[1] for m in replies if m.document)))
    }
    assert records["KOC-000002"]["Kemungkinan duplikat"] == (
        "ditutup sebagai duplikat dari KOC-000001"
    )
    assert records["KOC-000001"]["Kemungkinan duplikat"] == (
        "KOC-000002 ditutup sebagai duplikat pendaftar ini;"
        " punya kemungkinan duplikat: KOC-000003, dikirim kemudian (akun Telegram sama)"
    )
    assert records["KOC-000003"]["Kemungkinan duplikat"] == (
        "mungkin duplikat dari KOC-000001: akun Telegram sama"
    )

    # Lists mark it; Move all leaves it closed, and says so.
    for words in ("", " bebas"):
        (listed,) = await bot.send(admin, f"/leads{words}")
        named = shown(
            Text.RECORDS_LIST_CLOSED_NAMED, reference="KOC-000001", name=MUSICIAN["full_name"]
        )
        assert named in listed.text
    # Its button counts the two leads it can move (session 50: it said 3).
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=2))
    mark = admin.mark()
    await bot.press(admin, stage_button("ditinjau"))
    (preview,) = admin.find("→ Ditinjau", since=mark)
    assert shown(Text.BULK_PREVIEW_DUPLICATES, count=1) in preview.text
    # How many move, first (a staff review s57: only the skipped were counted).
    assert preview.text.splitlines()[1] == shown(Text.BULK_PREVIEW_COUNTS, moving=2, skipped=1)
    assert "Sudah di tahap itu" not in preview.text  # none is: no line saying "0"
    await bot.press(admin, t(Text.BTN_BULK_CONFIRM))
    (done,) = admin.find("✅ Pindah massal", since=mark)
    assert "2 pendaftar sekarang di tahap Ditinjau" in done.text
    which = shown(Text.BULK_CLOSED_ONE, reference="KOC-000002", other="KOC-000001")
    assert shown(Text.BULK_SKIPPED_DUPLICATES, count=1, which=which).strip() in done.text
    # 📞 on it asks for a note but does not reopen it.
    await bot.send(admin, "/lead KOC-000002")
    (prompt,) = await bot.press(admin, t(Text.BTN_CONTACTED))
    # Saying why its stage stays (a review: "tetap di tahap Baru; tahapnya tidak diubah").
    assert prompt.text == shown(Text.RECORDS_CONTACTED_CLOSED, reference="KOC-000002", stage="Baru")
    assert prompt.text.startswith(
        "📞 KOC-000002 ditutup sebagai duplikat, jadi tahapnya tetap Baru."
    )
    await bot.press(admin, t(Text.BTN_CANCEL))
    links = await bot.store.duplicates.duplicate_links(2)
    assert links.closed and links.closed_of_reference == "KOC-000001"

    # Reopen, close again; then the kept lead's talent erases: the duplicate stays closed.
    await bot.send(admin, "/lead KOC-000002")
    (reopened,) = await bot.press(admin, t(Text.BTN_REOPEN))
    assert "Ditutup sebagai duplikat" not in reopened.text
    await bot.press(admin, t(Text.BTN_CLOSE_DUPLICATE, reference="KOC-000001"))
    await bot.press(admin, t(Text.WS_DUPLICATE_CONFIRM_YES))
    await bot.send(sari, "/hapusdata")
    await bot.press(sari, t(Text.BTN_CONFIRM_DELETE))
    (orphan,) = await bot.send(admin, "/lead KOC-000002")
    assert "Ditutup sebagai duplikat; pendaftar satunya sudah dihapus" in orphan.text
    assert "KOC-000001" not in orphan.text  # nothing of the erased lead is left on it
    (reopened,) = await bot.press(admin, t(Text.BTN_REOPEN))
    assert "Ditutup sebagai duplikat" not in reopened.text
    assert stage_button("ditinjau") in reopened.button_texts


async def test_the_lead_sent_later_is_the_possible_duplicate(bot: Harness, staff_chat: Any) -> None:
    """Citra (KOC-000003) gave Sari's phone (KOC-000001): Citra's lead is the possible
    duplicate, with the button closing it; Sari's says it has one, and offers no button that
    would close the original in favour of the newer lead."""
    admin = admin_of(staff_chat)
    await register(bot, bot.user(first_name="Sari"), MUSICIAN)  # KOC-000001
    await register(bot, bot.user(first_name="Budi"), FILMMAKER)  # KOC-000002
    citra = bot.user(first_name="Citra")
    await register(bot, citra, {**FILMMAKER, "phone": MUSICIAN["phone"]})  # KOC-000003
    close_newer = t(Text.BTN_CLOSE_DUPLICATE, reference="KOC-000001")
    close_original = t(Text.BTN_CLOSE_DUPLICATE, reference="KOC-000003")

    (newer,) = await bot.send(admin, "/lead KOC-000003")
    assert "⚠️ mungkin duplikat dari KOC-000001: nomor HP sama" in newer.text
    assert close_newer in newer.button_texts
    (original,) = await bot.send(admin, "/lead KOC-000001")
    assert "⚠️ punya kemungkinan duplikat: KOC-000003, dikirim kemudian (nomor HP sama)" in (
        original.text
    )
    assert "mungkin duplikat dari" not in original.text
    assert close_original not in original.button_texts
    (listed,) = await bot.send(admin, "/leads")
    assert "⚠️ mungkin duplikat dari KOC-000001" in listed.text
    assert "⚠️ punya kemungkinan duplikat: KOC-000003" in listed.text
    assert "mungkin duplikat dari KOC-000003" not in listed.text
    # An old or crafted button closing the original as a duplicate of the newer lead is
    # refused: the lead submitted first is the one kept.
    [[version]] = rows(bot.database, "SELECT version FROM lead_pipeline WHERE application_id = 1")
    old_page = InlineKeyboardMarkup(  # as pages before the marks pointed the right way had it
        [[InlineKeyboardButton(close_original, callback_data=f"rc:dc:1:3:{version}")]]
    )
    await bot.runner.application.bot.send_message(admin.id, "KOC-000001", reply_markup=old_page)
    (refused,) = await bot.press(admin, close_original)
    assert shown(
        Text.RECORDS_DUPLICATE_OTHER_LATER, reference="KOC-000001", other="KOC-000003"
    ) in (refused.text)
    assert rows(
        bot.database, "SELECT duplicate_of FROM lead_pipeline WHERE application_id = 1"
    ) == [(None,)]
    await bot.send(admin, "/lead KOC-000003")
    await bot.press(admin, close_newer)
    (closed,) = await bot.press(admin, t(Text.WS_DUPLICATE_CONFIRM_YES))
    assert shown(Text.RECORDS_CLOSED_DUPLICATE, reference="KOC-000001") in closed.text
    (kept,) = await bot.send(admin, "/lead KOC-000001")
    assert "🔁 KOC-000003 ditutup sebagai duplikat pendaftar ini" in kept.text


async def test_a_role_corrected_away_from_lainnya_drops_what_it_was(
    bot: Harness, staff_chat: Any
) -> None:
    """A role, genre or language followed by its "which one?" can still be corrected (the
    sector, which decides whole questions, cannot); away from "Lainnya", the talent's
    "which one?" answer goes in the same change, kept in the lead's history."""
    admin = admin_of(staff_chat)
    sari = bot.user(first_name="Sari")
    other = {**MUSICIAN, "music_role": "other_music_role", "music_role_other": "pelatih vokal"}
    await register(bot, sari, other)
    [found] = await bot.send(admin, "/lead Pelatih Vokal")  # staff search what "Lainnya" holds
    assert "KOC-000001" in found.text
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, t(Text.BTN_EDIT_ANSWER))
    (prompt,) = await bot.press(admin, question_label("music_role"))
    # Said before a press saves (a staff review: the typed text went without a word).
    assert "⚠️ Menghapus Lainnya juga menghapus “Peran lain (musik): pelatih vokal”" in prompt.text
    await bot.press(admin, "Produser")
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None and lead.answers["music_role"] == "producer"
    assert "music_role_other" not in lead.answers
    [none] = await bot.send(admin, "/lead pelatih vokal")  # the answer dropped, not found
    assert none.text == shown(Text.LEAD_SEARCH_NONE, words="pelatih vokal")
    (page,) = await bot.send(admin, "/lead KOC-000001")
    assert "pelatih vokal → (dihapus)" in page.text  # what it was stays in the history


async def test_staff_correct_an_answer_validated_like_the_form(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    sari = bot.user(first_name="Sari")
    await register(bot, sari, MUSICIAN)
    heard = len(sari.messages)
    await bot.send(admin, "/lead KOC-000001")
    (choose,) = await bot.press(admin, t(Text.BTN_EDIT_ANSWER))
    assert question_label("email") in choose.button_texts
    assert question_label("sector") not in choose.button_texts  # it decides other questions
    (prompt,) = await bot.press(admin, question_label("email"))
    assert "Sekarang: sari.dewi@example.com" in prompt.text
    (refused,) = await bot.send(admin, "bukan email")
    assert refused.text == shown(Text.INTAKE_BAD_EMAIL)
    (saved,) = await bot.send(admin, "Sari.Baru@Example.com")
    assert saved.text == shown(
        Text.RECORDS_EDIT_SAVED,
        question=question_label("email"),
        reference="KOC-000001",
        before="sari.dewi@example.com",
        after="sari.baru@example.com",
    )
    assert len(sari.messages) == heard  # the talent is not messaged
    # A choice by its button.
    await open_correction(bot, admin, "music_role")
    await bot.press(admin, "Penyanyi/artis solo")
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None and lead.answers["email"] == "sari.baru@example.com"
    assert lead.answers["music_role"] == "solo_artist"
    (page,) = await bot.send(admin, "/lead KOC-000001")
    assert "Admin mengubah jawaban" in page.text
    assert "sari.dewi@example.com → sari.baru@example.com" in page.text
    # The audit log names the question, never the values (it outlives an erasure).
    edits = await asyncio.to_thread(
        rows, bot.database, "SELECT detail FROM audit_log WHERE action = 'answer_edited'"
    )
    assert len(edits) == 2 and "sari" not in str(edits) and '"question": "email"' in edits[0][0]


async def test_two_staff_correcting_one_answer_the_second_is_told(
    make_bot: Any, staff_chat: Any
) -> None:
    bot, first, second = await two_staff(make_bot, staff_chat)
    await register(bot, bot.user(first_name="Sari"), MUSICIAN)
    for admin in (first, second):
        await open_correction(bot, admin, "city")
    await bot.send(first, "Cimahi")
    (told,) = await bot.send(second, "Garut")
    assert told.text == shown(
        Text.RECORDS_EDIT_CONFLICT,
        question=question_label("city"),
        reference="KOC-000001",
        current="Cimahi",
    )
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None and lead.answers["city"] == "Cimahi"
    assert [entry[2] for entry in await audit(bot) if "answer_edit" in entry[2]] == [
        "answer_edited",
        "answer_edit_refused",
    ]

    # Hand the lead to the other admin by name; exports and the audit name them with the id.
    await bot.send(first, "/lead KOC-000001")
    (choose,) = await bot.press(first, t(Text.BTN_ASSIGN_OTHER))
    assert choose.button_texts[:2] == ["Admin", "Dewi"]
    (page,) = await bot.press(first, "Dewi")
    assert "Ditangani: Dewi" in page.text
    replies = await bot.send(first, "/export")
    (record,) = as_records(read_csv(next(m.document[1] for m in replies if m.document)))
    assert record["Ditangani (nama, ID)"] == f"Dewi ({SECOND_ADMIN})"


async def test_notes_open_in_full_and_only_their_author_edits_or_deletes_them(
    make_bot: Any, staff_chat: Any, tmp_path: Path
) -> None:
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID, SECOND_ADMIN}), staff_chat_id=STAFF_CHAT_ID
    )
    admin = admin_of(staff_chat)
    dewi = bot.emulator.user(SECOND_ADMIN, first_name="Dewi")
    await register(bot, bot.user(first_name="Sari"), MUSICIAN)
    long_note = "Rahasia-panjang " + "x" * 1500
    await bot.send(admin, f"/catatan KOC-000001 {long_note}")
    await bot.send(admin, "/lead KOC-000001")
    (listed,) = await bot.press(admin, t(Text.BTN_NOTES, count=1))
    assert long_note not in listed.text  # shortened in the list
    (full,) = await bot.press(admin, t(Text.BTN_NOTE_OPEN, number=1))
    assert long_note in full.text
    # Another admin reads it but may not change it.
    await bot.send(dewi, "/lead KOC-000001")
    await bot.press(dewi, t(Text.BTN_NOTES, count=1))
    (theirs,) = await bot.press(dewi, t(Text.BTN_NOTE_OPEN, number=1))
    assert long_note in theirs.text and t(Text.BTN_NOTE_EDIT) not in theirs.button_texts
    ((note_id,),) = await asyncio.to_thread(rows, bot.database, "SELECT id FROM lead_notes")
    forged = await bot.act(dewi, dewi.press_raw, theirs.message_id, f"rc:ny:{note_id}")
    assert forged == []  # refused with a notice on the button (and audited), nothing deleted
    assert await asyncio.to_thread(rows, bot.database, "SELECT id FROM lead_notes") == [(note_id,)]
    # The author edits it, then deletes it: its text is gone from the database files.
    await bot.press(admin, t(Text.BTN_NOTE_EDIT), message=full)
    (edited,) = await bot.send(admin, "Sudah ditelepon")
    assert edited.text == shown(Text.RECORDS_NOTE_EDITED, reference="KOC-000001")
    (asked,) = await bot.press(admin, t(Text.BTN_NOTE_DELETE), message=full)
    assert asked.text == shown(Text.RECORDS_NOTE_DELETE_CONFIRM)
    (after,) = await bot.press(admin, t(Text.BTN_NOTE_DELETE_CONFIRM))
    assert after.text == shown(Text.RECORDS_NOTES_NONE, reference="KOC-000001")
    actions = [entry[2] for entry in await audit(bot, "KOC-000001") if "note" in entry[2]]
    assert actions == ["note_added", "note_delete_refused", "note_edited", "note_deleted"]
    for data in await asyncio.to_thread(_database_bytes, bot.database):
        assert b"Rahasia-panjang" not in data and b"Sudah ditelepon" not in data


def _database_bytes(database: Path) -> list[bytes]:
    """The database file and its write-ahead log, as bytes on disk."""
    files = [database, Path(f"{database}-wal")]
    return [path.read_bytes() for path in files if path.exists()]


async def test_contact_links_and_contacted_in_one_step(bot: Harness, staff_chat: Any) -> None:
    admin = admin_of(staff_chat)
    await register(bot, bot.user(first_name="Sari"), MUSICIAN)
    (page,) = await bot.send(admin, "/lead KOC-000001")
    assert page.html is not None
    assert '<a href="https://wa.me/6281234567801">+6281234567801</a>' in page.html
    assert '<a href="mailto:sari.dewi@example.com">sari.dewi@example.com</a>' in page.html
    (prompt,) = await bot.press(admin, t(Text.BTN_CONTACTED))
    assert prompt.text == shown(
        Text.RECORDS_CONTACTED_PROMPT, reference="KOC-000001", stage="Dihubungi", before="Baru"
    )
    await bot.send(admin, "WA 12-01, tertarik MU:CON")
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None and lead.stage == "dihubungi"
    assert [note.text for note in lead.notes] == ["WA 12-01, tertarik MU:CON"]


async def test_contacted_only_moves_forward_and_cancel_undoes_its_move(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    await register(bot, bot.user(first_name="Sari"), MUSICIAN)
    # Cancel right after the move: back at its stage, no note, on record.
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, t(Text.BTN_CONTACTED))
    (undone,) = await bot.press(admin, t(Text.BTN_CANCEL))
    assert undone.text == shown(Text.RECORDS_CONTACTED_UNDONE, reference="KOC-000001", stage="Baru")
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None and lead.stage == "baru" and not lead.notes
    assert [entry[2] for entry in await audit(bot, "KOC-000001")][-2:] == [
        "stage_changed",
        "contacted_undone",
    ]
    # Changed by someone else before Cancel: the change stands.
    await bot.send(admin, "/lead KOC-000001")
    (prompt,) = await bot.press(admin, t(Text.BTN_CONTACTED))
    await bot.store.pipeline.move(1, None, "ditinjau", Actor.cli(), None, None)
    (kept,) = await bot.press(admin, t(Text.BTN_CANCEL), message=prompt)
    assert kept.text == shown(Text.RECORDS_CONTACTED_KEPT, reference="KOC-000001", stage="Ditinjau")
    # Shortlisted: the button never moves it back; the note alone is asked for.
    await bot.store.pipeline.move(1, None, "shortlist", Actor.cli(), None, None)
    (page,) = await bot.send(admin, "/lead KOC-000001")
    (prompt,) = await bot.press(admin, t(Text.BTN_CONTACTED))
    assert prompt.text == shown(
        Text.RECORDS_CONTACTED_STAYS, reference="KOC-000001", stage="Shortlist"
    )
    await bot.send(admin, "Telepon ulang minggu depan")
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None and lead.stage == "shortlist"
    assert [note.text for note in lead.notes] == ["Telepon ulang minggu depan"]
    # Cancel there only cancels the note: nothing to undo.
    await bot.press(admin, t(Text.BTN_CONTACTED), message=page)
    (cancelled,) = await bot.press(admin, t(Text.BTN_CANCEL))
    assert cancelled.text == shown(Text.PIPELINE_NOTE_CANCELLED)
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None and lead.stage == "shortlist"


async def test_contacted_in_the_staff_group_has_cancel_and_asks_for_a_reply(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    await register(bot, bot.user(first_name="Sari"), MUSICIAN)
    await bot.act(admin, admin.send, "/lead KOC-000001", chat=staff_chat)
    await bot.act(admin, admin.press, t(Text.BTN_CONTACTED), chat=staff_chat)
    prompt = staff_chat.last_message
    assert shown(Text.RECORDS_REPLY_HINT) in prompt.text
    assert prompt.button_texts == [t(Text.BTN_CANCEL)]
    await bot.act(admin, admin.send, "obrolan biasa di grup", chat=staff_chat)
    assert (await bot.store.pipeline.notes(1, 5))[1] == 0
    await bot.act(admin, admin.send, "WA 12-01", chat=staff_chat, reply_to=prompt)
    notes, total = await bot.store.pipeline.notes(1, 5)
    assert total == 1 and notes[0].text == "WA 12-01"


async def test_stage_words_in_either_language_and_any_case(
    bot: Harness, staff_chat: Any, tmp_path: Path
) -> None:
    admin = admin_of(staff_chat)
    await register(bot, bot.user(first_name="Sari"), MUSICIAN)
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, stage_button("ditinjau"))
    for words in ("ditinjau", "In REVIEW", "Ditinjau musik"):
        (listed,) = await bot.send(admin, f"/leads {words}")
        assert "KOC-000001" in listed.text, words
    (none,) = await bot.send(admin, "/leads shortlisted")
    assert "KOC-000001" not in none.text and "Shortlist" in none.text
    (empty,) = await bot.send(admin, "/export Shortlisted")  # a stage word, not a usage error
    assert empty.text == shown(Text.EXPORT_EMPTY)
    out = await _kocca_bot(
        bot.database, tmp_path, "lead", "KOC-000001", "--stage", "tidak DILANJUTKAN"
    )
    assert "KOC-000001 moved to Tidak dilanjutkan" in out
    # A stored time in an entry's details reads in WIB, like the entry's own time.
    stored = "2026-12-05T02:00:00.000000+00:00"
    await bot.store.audit.add(Actor.cli(), "reminder_scheduled", "KOC-000001", send_at=stored)
    out = await _kocca_bot(bot.database, tmp_path, "audit", "--lead", "KOC-000001")
    assert f"Admin ({ADMIN_ID})" in out  # the name with the id, where only ids were
    assert "send_at=2026-12-05 09:00 WIB" in out and stored not in out


async def test_references_are_given_at_submission_in_order(bot: Harness, staff_chat: Any) -> None:
    admin = admin_of(staff_chat)
    slow, quick = bot.user(first_name="Slow"), bot.user(first_name="Quick")
    await bot.send(slow, "/daftar")  # a form started first, finished last
    assert await register(bot, quick, MUSICIAN) == "KOC-000001"
    assert await register(bot, slow, FILMMAKER) == "KOC-000002"
    (never,) = await bot.send(admin, "/lead KOC-000003")
    assert never.text == shown(Text.RECORDS_NUMBER_NEVER_GIVEN, reference="KOC-000003")
    await bot.send(quick, "/hapusdata")
    await bot.press(quick, t(Text.BTN_CONFIRM_DELETE))
    (erased,) = await bot.send(admin, "/lead KOC-000001")
    assert erased.text == shown(Text.LEAD_ERASED, reference="KOC-000001")
    assert await register(bot, bot.user(first_name="Next"), MUSICIAN) == "KOC-000003"


async def test_buttons_read_apart_and_forwarding_that_does_not_apply_says_so(
    make_bot: Any, staff_chat: Any
) -> None:
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID, SECOND_ADMIN}),
        staff_chat_id=STAFF_CHAT_ID,
        forward_to=None,
        forward_abroad=False,
    )
    dewi = bot.emulator.user(SECOND_ADMIN, first_name="Dewi", language_code="en")
    await register(bot, bot.user(first_name="Sari"), MUSICIAN)
    alert = staff_chat.last_message  # the new-lead alert in the staff group
    transfer = t(Text.EXPORT_COL_CONSENT_TRANSFER)
    assert shown(Text.LEAD_CONSENT_NOT_APPLICABLE, label=transfer) in alert.text
    (page,) = await bot.send(dewi, "/lead KOC-000001")
    labels = page.button_texts
    assert len(labels) == len(set(labels))  # no two buttons read the same
    assert {t(Text.BTN_CONTACTED, "en"), stage_button("dihubungi", "en")} <= set(labels)
    assert t(Text.BTN_NOTE, "en") != t(Text.BTN_NOTES, "en", count=0)
    english = t(Text.EXPORT_COL_CONSENT_TRANSFER, "en")
    assert shown(Text.LEAD_CONSENT_NOT_APPLICABLE, "en", label=english) in page.text
    replies = await bot.send(dewi, "/export")
    (record,) = as_records(read_csv(next(m.document[1] for m in replies if m.document)))
    assert record[english] == t(Text.CONSENT_NOT_APPLICABLE, "en")  # her export is English
    # Times read the same everywhere, and every history line is a bullet.
    await bot.send(dewi, "/note KOC-000001 Called her")
    await bot.press(dewi, t(Text.BTN_EDIT_ANSWER, "en"), message=page)
    await bot.press(dewi, CONTENT.questions["city"].label.en)
    await bot.send(dewi, "Cimahi")
    (page,) = await bot.send(dewi, "/lead KOC-000001")
    (change,), _ = await bot.store.records.changes(1, 5)
    edited = wib_words(CONTENT, change.created_at, "en")
    assert f"• {edited} · Dewi edited an answer:" in page.text
    notes, _ = await bot.store.pipeline.notes(1, 5)
    written = wib_words(CONTENT, notes[0].created_at, "en")
    (listed,) = await bot.press(dewi, t(Text.BTN_NOTES, "en", count=1))
    assert f"1. {written} · Dewi: Called her" in listed.text


async def test_a_forwarding_yes_from_before_forwarding_was_turned_off_does_not_apply(
    make_bot: Any, staff_chat: Any
) -> None:
    # Given while leads were passed on; the deployment then stopped passing them on.
    staff = {"admin_ids": frozenset({ADMIN_ID}), "staff_chat_id": STAFF_CHAT_ID}
    before: Harness = await make_bot(**staff)
    sari = before.user(first_name="Sari")
    await register(before, sari, MUSICIAN)
    assert (await before.store.applications.consents(sari.id))["transfer_korea"].granted
    await before.stop()
    bot: Harness = await make_bot(**staff, forward_to=None, forward_abroad=False)
    admin = bot.emulator.user(ADMIN_ID)
    transfer = t(Text.EXPORT_COL_CONSENT_TRANSFER)
    (page,) = await bot.send(admin, "/lead KOC-000001")
    assert shown(Text.LEAD_CONSENT_NOT_APPLICABLE, label=transfer) in page.text
    replies = await bot.send(admin, "/export")
    (record,) = as_records(read_csv(next(m.document[1] for m in replies if m.document)))
    assert record[transfer] == t(Text.CONSENT_NOT_APPLICABLE)


async def test_a_question_names_the_talents_open_lead_not_a_closed_duplicate(
    bot: Harness, staff_chat: Any
) -> None:
    sari = bot.user(first_name="Sari")
    await register(bot, sari, MUSICIAN)  # KOC-000001
    await register(bot, sari, {**FILMMAKER, "email": "lain@example.com"})  # KOC-000002
    assert await bot.store.duplicates.close_duplicate(2, 1, Actor.cli()) == "saved"
    mark = staff_chat.mark()
    await ask(bot, sari, "Kapan pengumumannya?")
    header = staff_chat.messages_since(mark)[0]
    assert shown(Text.SUPPORT_HEADER_LEAD, reference="KOC-000001") in header.text


async def test_staff_store_what_they_type_where_a_talent_would_be_asked_again(
    bot: Harness, staff_chat: Any
) -> None:
    """The talent's slips ("?" at the end, a password beside the link) are the talent's form's
    concern: a film called "Mau Ke Mana?" is stored as staff type it (attacker's review)."""
    admin = admin_of(staff_chat)
    await register(bot, bot.user(first_name="Sari"), MUSICIAN)
    for key, typed, kept in (
        ("notable_works", "Film pendek: Mau Ke Mana?", "Film pendek: Mau Ke Mana?"),
        (
            "portfolio_url",
            "open.spotify.com/artist/1 kata sandi: x",
            "https://open.spotify.com/artist/1",
        ),
    ):
        await open_correction(bot, admin, key)
        await bot.send(admin, typed)
        lead = await bot.store.leads.by_reference("KOC-000001")
        assert lead is not None and lead.answers[key] == kept, key
