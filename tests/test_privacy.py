"""Privacy and data rights: notice, consents, a copy of my data, erasure, retention, logs."""

from __future__ import annotations

import json
import logging
import re
import shutil
import sqlite3
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from bot.answers.text import about_own_data
from bot.ask_off import without_ask
from bot.content import Content, Markup
from bot.data_copy import moment_text, readable_copy
from bot.leads.form_order import display
from bot.settings import DEMO_CONTROLLER, Settings
from bot.store.privacy import subject_hash
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import TEST_FORWARDING, Harness, every_value
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    answer,
    apply,
    copy_label,
    data_copy,
    label,
    opening,
    read_csv,
    section,
    shown,
    stored_value,
)
from tests.processes import run_cli

PROJECT = Path(__file__).resolve().parent.parent


async def test_notice_in_both_languages_with_the_rights_one_tap_away(
    bot: Harness, content: Content
) -> None:
    for language, command in (("id", "/privasi"), ("en", "/privacy")):
        talent = bot.user(language_code=language)
        [notice] = await bot.send(talent, command)
        first_line = content.privacy.notice.get(language).split("\n")[0]
        assert notice.text.startswith(first_line.replace("<b>", "").replace("</b>", ""))
        assert "KOCCA" in notice.text
        # Who is responsible comes from the settings, never from content/.
        assert DEMO_CONTROLLER.name in notice.text and DEMO_CONTROLLER.contact in notice.text
        expected = [
            content.text(key, language)
            for key in (Text.BTN_MY_CONSENTS, Text.BTN_MY_DATA, Text.BTN_DELETE_DATA)
        ]
        assert notice.button_texts[:3] == expected


async def test_the_notice_states_the_retention_the_bot_applies(make_bot: Any) -> None:
    """Staff may shorten retention in the settings; the notice then says so, never 365/90."""
    bot: Harness = await make_bot(log_retention_days=30, draft_retention_days=14)
    for language, command, unit in (("id", "/privasi", "hari"), ("en", "/privacy", "days")):
        [notice] = await bot.send(bot.user(language_code=language), command)
        assert f"30 {unit}" in notice.text and f"14 {unit}" in notice.text
        assert f"365 {unit}" not in notice.text and f"90 {unit}" not in notice.text
    sari = bot.user()
    await bot.send(sari, "/daftar")  # the summary before consent states them too
    assert "14 hari" in sari.last_message.text and "30 hari" in sari.last_message.text


async def test_what_is_told_before_consent_and_in_the_notice_matches_what_is_kept(
    bot: Harness,
) -> None:
    """UU PDP Pasal 20-22: purpose, legal basis and rights before consent; the notice lists
    what the bot keeps, including the conversation from the first message."""
    sari = bot.user()
    await bot.send(sari, "/daftar")
    summary = sari.last_message.text or ""
    assert "Dasar hukum" in summary and "Pasal 20" in summary
    assert "statistik gabungan" in summary and "Perbarui pendaftaranku" in summary
    assert "sejak pesan pertama" in summary
    [notice] = await bot.send(sari, "/privasi")
    for kept in ("sebelum kamu mendaftar", "catatan tim", "Tautan yang kamu pakai", "Mengingatkan"):
        assert kept in notice.text
    # "tarik persetujuan kapan saja" says how (a talents' review, L11): the command and the
    # button it names are the ones that show the consents to withdraw.
    my_consents = CONTENT.text(Text.BTN_MY_CONSENTS, "id")
    named = my_consents.split(" ", 1)[1]  # the label without its emoji
    assert f"tarik persetujuan kapan saja (/privasi, lalu {named})" in summary
    [consents] = await bot.press(sari, my_consents)
    heading = shown(Text.CONSENTS_SCREEN, lines="", preferences="").split("\n")[0]
    assert consents.text.startswith(heading)
    john = bot.user(language_code="en")
    await bot.send(john, "/daftar")
    named = CONTENT.text(Text.BTN_MY_CONSENTS, "en").split(" ", 1)[1]
    assert f"withdraw consent any time (/privacy, then {named})" in (john.last_message.text or "")


async def test_consents_are_recorded_and_can_be_withdrawn(bot: Harness) -> None:
    sari = bot.user()
    await apply(bot, sari, MUSICIAN, korea=True)
    my_consents = CONTENT.text(Text.BTN_MY_CONSENTS, "id")
    processing = CONTENT.text(Text.CONSENT_KIND_PROCESSING, "id")
    transfer_kind = CONTENT.text(Text.CONSENT_KIND_TRANSFER, "id")  # its buttons
    # Its line names whom the consent was given for (FORWARD_TO, outside Indonesia here).
    forwarding = shown(Text.CONSENT_KIND_TRANSFER_ABROAD, recipient=TEST_FORWARDING.recipient)
    news = CONTENT.text(Text.CONSENT_KIND_ANNOUNCEMENTS, "id")
    given = shown(Text.CONSENT_GIVEN, date="").split("(")[0].strip()
    withdrawn = shown(Text.CONSENT_WITHDRAWN, date="").split("(")[0].strip()
    await bot.send(sari, "/privasi")
    await bot.press(sari, my_consents)
    screen = sari.last_message.text
    assert f"{processing}: {given}" in screen
    # When, as people write a date ("1 Desember 2026", the day in Jakarta), not 2026-12-01.
    today = CONTENT.date_text(datetime.now(ZoneInfo("Asia/Jakarta")).date(), "id")
    assert f"{processing}: {shown(Text.CONSENT_GIVEN, date=today)}" in screen
    assert f"{forwarding}: {given}" in screen
    await bot.press(sari, CONTENT.text(Text.BTN_WITHDRAW, "id", kind=transfer_kind))
    consents = await bot.store.applications.consents(sari.id)
    transfer = consents["transfer_korea"]
    assert not transfer.granted and transfer.language == "id" and transfer.notice_version
    assert f"{forwarding}: {withdrawn}" in sari.last_message.text
    await bot.press(sari, CONTENT.text(Text.BTN_GRANT, "id", kind=transfer_kind))
    assert (await bot.store.applications.consents(sari.id))["transfer_korea"].granted
    history = await bot.store.db.fetch_all(
        "SELECT granted FROM consents WHERE user_id = ? AND kind = 'transfer_korea' ORDER BY id",
        (sari.id,),
    )
    assert [row["granted"] for row in history] == [1, 0, 1]
    # Announcements: withdrawing takes effect at once (no longer a subscriber).
    await bot.send(sari, "/langganan")
    assert (await bot.store.users.get(sari.id)).subscribed  # type: ignore[union-attr]
    await bot.send(sari, "/privasi")
    await bot.press(sari, my_consents)
    await bot.press(sari, CONTENT.text(Text.BTN_WITHDRAW, "id", kind=news))
    user = await bot.store.users.get(sari.id)
    assert user is not None and not user.subscribed
    assert not (await bot.store.applications.consents(sari.id))["announcements"].granted


async def test_withdrawing_consent_to_processing_asks_first_then_removes_applications(
    bot: Harness,
) -> None:
    sari, budi = bot.user(), bot.user(first_name="Budi")
    await apply(bot, sari, MUSICIAN)
    await apply(bot, budi, FILMMAKER)
    new = CONTENT.text(Text.BTN_NEW_REGISTRATION, "id")
    await bot.send(sari, "/daftar")  # an unfinished registration too: it goes as well
    await bot.press(sari, new)
    await answer(bot, sari, "sector", "film")
    await bot.send(budi, "/daftar")  # Budi's unfinished one stays: he withdrew nothing
    await bot.press(budi, new)
    await answer(bot, budi, "sector", "music")
    await bot.send(sari, "/privasi")
    await bot.press(sari, CONTENT.text(Text.BTN_MY_CONSENTS, "id"))
    processing = CONTENT.text(Text.CONSENT_KIND_PROCESSING, "id")
    withdraw = CONTENT.text(Text.BTN_WITHDRAW, "id", kind=processing)

    async def state() -> tuple[list[int], bool, int]:
        owners = await bot.store.db.fetch_all("SELECT user_id FROM applications ORDER BY id")
        granted = (await bot.store.applications.consents(sari.id))["processing"].granted
        log = await bot.store.db.fetch_value(
            "SELECT COUNT(*) FROM conversation_log WHERE chat_id = ?", (sari.id,)
        )
        return [row["user_id"] for row in owners], granted, int(log)

    # The first press only asks, saying what would be deleted; "No, keep it" changes nothing.
    before = await state()
    [question] = await bot.press(sari, withdraw)
    assert question.text == shown(Text.WITHDRAW_CONFIRM)
    assert question.button_texts == [
        CONTENT.text(Text.BTN_CONFIRM_WITHDRAW, "id"),
        CONTENT.text(Text.BTN_KEEP_DATA, "id"),
    ]
    [kept] = await bot.press(sari, CONTENT.text(Text.BTN_KEEP_DATA, "id"))
    assert kept.text == shown(Text.WITHDRAW_KEPT)
    owners, granted, _ = await state()
    assert (owners, granted) == (before[0], True) and owners.count(sari.id) == 2
    # Asked again and confirmed: every registration of hers goes, unfinished ones too.
    await bot.press(sari, CONTENT.text(Text.BTN_BACK, "id"))
    await bot.press(sari, withdraw)
    [reply] = await bot.press(sari, CONTENT.text(Text.BTN_CONFIRM_WITHDRAW, "id"))
    assert reply.text == shown(Text.PROCESSING_WITHDRAWN, count=2)
    owners, granted, _ = await state()
    assert owners == [budi.id, budi.id] and not granted
    # An old confirmation pressed again withdraws nothing twice: it shows the consents.
    [screen] = await bot.press(sari, CONTENT.text(Text.BTN_CONFIRM_WITHDRAW, "id"))
    assert screen.text.startswith(opening(Text.CONSENTS_SCREEN))


async def test_after_withdrawing_consent_the_bot_says_what_it_keeps_from_then_on(
    bot: Harness,
) -> None:
    # A talents' review s59, L14: "tidak ada lagi yang diproses", yet the confirmation itself,
    # the next /status and its reply, and a later question were stored at once. What is kept
    # from then on is said, and /dataku shows exactly that; the same after /hapusdata.
    dimas = bot.user(first_name="Dimas")
    await apply(bot, dimas, MUSICIAN)
    await bot.send(dimas, "/privasi")
    await bot.press(dimas, CONTENT.text(Text.BTN_MY_CONSENTS, "id"))
    processing = CONTENT.text(Text.CONSENT_KIND_PROCESSING, "id")
    await bot.press(dimas, CONTENT.text(Text.BTN_WITHDRAW, "id", kind=processing))
    [done] = await bot.press(dimas, CONTENT.text(Text.BTN_CONFIRM_WITHDRAW, "id"))
    assert "tidak ada lagi yang diproses" not in done.text
    assert "Percakapanmu dengan bot mulai sekarang" in done.text and "/dataku" in done.text
    await bot.send(dimas, "/status")
    replies = await bot.send(dimas, "/dataku")
    copy = json.dumps(data_copy(next(m.document[1] for m in replies if m.document)))
    assert "/status" in copy
    rini = bot.user(first_name="Rini", language_code="en")
    await bot.send(rini, "/deletemydata")
    [erased] = await bot.press(rini, CONTENT.text(Text.BTN_CONFIRM_DELETE, "en"))
    assert "Your conversation with the bot from now on is kept" in erased.text


async def test_my_data_holds_every_kind_of_record_and_nothing_about_others(
    bot: Harness, staff_chat: Any
) -> None:
    sari = bot.user(first_name="Sari", username="sari_id")
    budi = bot.user(first_name="Budiman", username="budiman_film")
    await bot.send(sari, "/start ig_jan26")
    await apply(bot, sari, MUSICIAN)
    await apply(bot, budi, {**FILMMAKER, "email": "budiman@rumahfilm.id"})
    await bot.send(sari, "/tanya")
    await bot.send(sari, "Kapan MU:CON dibuka?")
    mark = sari.mark()
    await bot.send(sari, "/dataku")
    document, summary = sari.messages_since(mark)
    assert document.document is not None
    name, payload, _ = document.document
    assert name == f"kocca-talent-desk-data-{sari.id}.json"
    copy = data_copy(payload)
    about = section(copy, Text.MYDATA_SECTION_ABOUT)
    assert about[copy_label(Text.MYDATA_FIELD_TELEGRAM_ID)] == sari.id
    assert DEMO_CONTROLLER.name in about[copy_label(Text.MYDATA_FIELD_CONTROLLER)]
    profile = section(copy, Text.MYDATA_SECTION_PROFILE)
    assert profile[copy_label(Text.MYDATA_FIELD_FIRST_NAME)] == "Sari"
    assert profile[copy_label(Text.MYDATA_FIELD_USERNAME)] == "sari_id"
    [source] = section(copy, Text.MYDATA_SECTION_SOURCES)
    assert source[copy_label(Text.MYDATA_FIELD_SOURCE)] == "ig_jan26"
    [registration] = section(copy, Text.MYDATA_SECTION_REGISTRATIONS)
    assert registration[copy_label(Text.MYDATA_FIELD_REFERENCE)] == "KOC-000001"
    # Every answer under its question's label, as the talent chose it; the stored value
    # beside it only where it differs (choices, the province).
    answers = {
        row[copy_label(Text.MYDATA_FIELD_QUESTION)]: row
        for row in registration[copy_label(Text.MYDATA_FIELD_ANSWERS)]
    }
    assert len(answers) == len(MUSICIAN)
    for key, value in MUSICIAN.items():
        question = CONTENT.questions[key]
        row = answers[question.label.id]
        stored = stored_value(key, value)
        assert row[copy_label(Text.MYDATA_FIELD_ANSWER)] == display(question, CONTENT, stored, "id")
        assert row.get(copy_label(Text.MYDATA_FIELD_STORED), stored) == stored
    sector = answers[CONTENT.questions["sector"].label.id]
    assert sector[copy_label(Text.MYDATA_FIELD_ANSWER)] == label("sector", "music")
    assert sector[copy_label(Text.MYDATA_FIELD_STORED)] == "music"
    consents = section(copy, Text.MYDATA_SECTION_CONSENTS)
    kinds = {row[copy_label(Text.MYDATA_FIELD_CONSENT)] for row in consents}
    forwarding = shown(Text.CONSENT_KIND_TRANSFER_ABROAD, recipient=TEST_FORWARDING.recipient)
    assert kinds >= {shown(Text.CONSENT_KIND_PROCESSING), forwarding}
    conversation = section(copy, Text.MYDATA_SECTION_CONVERSATION)
    asked = {
        copy_label(Text.MYDATA_FIELD_FROM): copy_label(Text.MYDATA_FROM_YOU),
        copy_label(Text.MYDATA_FIELD_KIND): copy_label(Text.MYDATA_KIND_TEXT),
        copy_label(Text.MYDATA_FIELD_MESSAGE): "Kapan MU:CON dibuka?",
    }
    assert any(asked.items() <= row.items() for row in conversation)
    questions = section(copy, Text.MYDATA_SECTION_QUESTIONS)
    relayed = questions[copy_label(Text.MYDATA_FIELD_RELAYED)]
    relayed_kinds = [row[copy_label(Text.MYDATA_FIELD_KIND)] for row in relayed]
    assert relayed_kinds == [
        copy_label(Text.MYDATA_RELAYED_HEADER),
        copy_label(Text.MYDATA_RELAYED_QUESTION),
    ]
    # Processed updates keep no content: counted in a sentence, never listed empty.
    processing = section(copy, Text.MYDATA_SECTION_PROCESSING)
    assert list(processing) == [copy_label(Text.MYDATA_FIELD_PROCESSED)]
    # Readable: times as people write them, no database field names, no empty payloads.
    text = payload.decode()
    for noise in ('"step"', '"last_update_id"', '"payload"', '"update_id"', "+00:00", "{}"):
        assert noise not in text, noise
    assert CONTENT.text(Text.MONTH_NAMES, "id").split()[datetime.now(UTC).month - 1] in text
    for foreign in ("Budiman", "budiman_film", "budiman@rumahfilm.id", f"user:{budi.id}"):
        assert foreign not in text
    # Budi's id as a value (a number inside a timestamp is not his id); Sari's is there.
    assert sari.id in _numbers(copy)
    assert budi.id not in _numbers(copy)
    assert "Pendaftaran: 1 terkirim, dengan 17 jawaban" in summary.text


async def test_my_data_is_complete_and_in_the_talents_language(bot: Harness) -> None:
    """Every record gather() finds is in the copy, in English for an English talent; a
    record of a kind the copy does not lay out yet still appears, under its own name."""
    john = bot.user(first_name="John", language_code="en")
    await apply(bot, john, FILMMAKER, language="en")
    tables = await bot.store.privacy.gather(john.id)
    tables["future_records"] = [{"user_id": john.id, "note": "kept as stored"}]
    tables["users"][0]["nickname"] = "Johnny"  # a column a later migration adds
    copy = readable_copy(
        tables,
        CONTENT,
        "en",
        user_id=john.id,
        notice_version=CONTENT.privacy.version,
        controller="Controller · contact",
        processed_days=2,
        made_at=datetime.now(UTC),
    )
    assert section(copy, Text.MYDATA_SECTION_PROFILE, "en")["nickname"] == "Johnny"
    other = section(copy, Text.MYDATA_SECTION_OTHER, "en")
    assert other == {"future_records": [{"user_id": john.id, "note": "kept as stored"}]}
    [registration] = section(copy, Text.MYDATA_SECTION_REGISTRATIONS, "en")
    answers = registration[copy_label(Text.MYDATA_FIELD_ANSWERS, "en")]
    assert len(answers) == len(tables["answers"]) == len(FILMMAKER)
    questions = {row[copy_label(Text.MYDATA_FIELD_QUESTION, "en")] for row in answers}
    assert questions == {CONTENT.questions[key].label.en for key in FILMMAKER}
    # One entry per stored record; every value the talent gave (or was sent) is there as such
    # (coded values, such as a consent's kind, are there as their labels).
    assert len(section(copy, Text.MYDATA_SECTION_CONSENTS, "en")) == len(tables["consents"])
    conversation = section(copy, Text.MYDATA_SECTION_CONVERSATION, "en")
    assert len(conversation) == len(tables["conversation_log"])
    text = json.dumps(copy, ensure_ascii=False)
    personal = ("first_name", "username", "source", "text", "value", "reference", "error")
    for rows in tables.values():
        for row in rows:
            for column in personal:
                value = row.get(column)
                if isinstance(value, str):
                    assert json.dumps(value, ensure_ascii=False)[1:-1] in text, (column, value)


def _numbers(value: Any) -> set[int]:
    """Every integer anywhere in a JSON document, including JSON kept as text inside it."""
    if isinstance(value, bool):
        return set()
    if isinstance(value, int):
        return {value}
    if isinstance(value, dict):
        return set().union(*(_numbers(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_numbers(item) for item in value))
    if isinstance(value, str) and value[:1] in "{[":
        try:
            return _numbers(json.loads(value))
        except ValueError:
            return set()
    return set()


DONE_AND_COPIES = f"{shown(Text.DELETE_DONE)}\n{shown(Text.DELETE_DONE_COPIES)}"


async def test_erasure_leaves_nothing_but_a_hash_and_spares_others(
    bot: Harness, staff_chat: Any
) -> None:
    sari = bot.user(first_name="Sarinah", username="sarinah_music")
    budi = bot.user(first_name="Budiman")
    await bot.send(sari, "/start ig_jan26")
    await apply(bot, sari, MUSICIAN)
    await apply(bot, budi, FILMMAKER)
    await bot.send(sari, "/tanya")
    await bot.send(sari, "Halo tim!")
    budi_rows = await bot.store.privacy.gather(budi.id)
    await bot.send(sari, "/hapusdata")
    assert sari.last_message.text.startswith("🗑 Hapus semua datamu?")
    [done] = await bot.press(sari, "🗑 Ya, hapus semuanya")
    # "…dari bot ini", and the staff chat's notice of copies outside it said, as it is so
    # (a talents' review s56: "Semua datamu sudah kami hapus" promised more).
    assert done.text == DONE_AND_COPIES
    await bot.runner.wait_idle()
    values = every_value(bot.database)
    sari_data = [
        "Sarinah",
        "sarinah_music",
        "sari.dewi@example.com",
        "+6281234567801",
        "Sari Dewi Lestari",
        "Hujan di Braga",
        "Halo tim!",
        "ig_jan26",
    ]
    for secret in sari_data:
        assert not any(secret in value for value in values), secret
    assert not any(value == str(sari.id) for value in values)
    assert await bot.store.privacy.was_erased(sari.id)
    assert subject_hash(sari.id, bot.store.privacy.key) in values
    assert await bot.store.privacy.gather(budi.id) == budi_rows
    # Staff exports no longer list her; the other talent is still there.
    admin = bot.user(user_id=ADMIN_ID, first_name="Admin")
    replies = await bot.send(admin, "/export")
    csv_file = next(
        reply.document for reply in replies if reply.document and reply.document[0].endswith(".csv")
    )
    rows = read_csv(csv_file[1])
    assert len(rows) == 2  # the header and Budi's lead
    assert not any("Sari Dewi Lestari" in cell for row in rows for cell in row)
    assert any("Budi Santoso" in cell for cell in rows[1])
    # The talent can start again as a new user.
    [greeting] = await bot.send(sari, "/start")
    assert greeting.text.startswith("Halo, Sarinah!")
    user = await bot.store.users.get(sari.id)
    assert user is not None and user.source is None


async def test_a_copy_asked_for_before_erasure_does_not_say_it_is_on_its_way(
    bot: Harness,
) -> None:
    """/dataku, /hapusdata, /dataku: the second answer is about what is held now, not "your
    copy is being prepared" (a second talents' review: it suggested the data still existed)."""
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    await bot.send(sari, "/dataku")
    await bot.send(sari, "/hapusdata")
    await bot.press(sari, "🗑 Ya, hapus semuanya")
    replies = await bot.send(sari, "/dataku")
    assert not any(reply.text.startswith(shown(Text.MYDATA_PREPARING)) for reply in replies)
    copy = next(reply.document for reply in replies if reply.document)
    assert "Sari Dewi Lestari" not in copy[1].decode()  # only what she said since
    # A talents' review: "Telegram profile: stored · 1 message" read as an erasure that failed.
    [erased_at] = await bot.store.privacy.was_erased(sari.id)
    when = moment_text(CONTENT, "id", erased_at)
    assert replies[-1].text.endswith(shown(Text.MYDATA_ERASED_BEFORE, when=when))
    # "Pendaftaran: 0, dengan 0 jawaban" read oddly (a talents' review, s54).
    assert "• Pendaftaran: belum ada\n" in replies[-1].text
    # With no registration left, nothing points to correcting one (a later review).
    assert shown(Text.MYDATA_NEXT_UNREGISTERED) in replies[-1].text
    assert "Perbarui pendaftaranku" not in replies[-1].text
    other = bot.user(first_name="Budi")  # never erased: no such line
    budi = await bot.send(other, "/dataku")
    assert all(shown(Text.MYDATA_ERASED_BEFORE, when=when)[:12] not in m.text for m in budi)
    # A registered talent is told how to correct it, and reads the answers in the chat with
    # one press (a parent found the file hard to read on a phone): a new message, the
    # summary stays; no button without a registration.
    assert all(not m.buttons for m in budi)
    cici = bot.user(first_name="Cici")
    await apply(bot, cici, MUSICIAN)
    [*_, summary] = await bot.send(cici, "/dataku")
    assert shown(Text.MYDATA_NEXT_REGISTERED) in summary.text
    see = shown(Text.BTN_MYDATA_SEE_ANSWERS)
    assert summary.button_texts == [see]
    [answers] = await bot.press(cici, see, message=summary)
    assert not answers.edited and answers.message_id != summary.message_id
    assert MUSICIAN["full_name"] in answers.text and "sari.dewi@example.com" in answers.text
    assert cici.messages[-2].text == summary.text  # the copy's summary is left as it was
    # Another talent's lead number, forged into the button, opens nothing, and what it says
    # accuses nobody of an erasure (an attacker's review).
    dodi = bot.user(first_name="Dodi")
    [start] = await bot.send(dodi, "/start")
    lead_id = see_data(summary)
    [gone] = await bot.act(dodi, dodi.press_raw, start.message_id, lead_id)
    assert gone.text == shown(Text.UPDATE_GONE)
    assert MUSICIAN["full_name"] not in gone.text


async def test_keeping_data_when_asked_changes_nothing(bot: Harness) -> None:
    sari = bot.user()
    await apply(bot, sari, MUSICIAN)
    await bot.send(sari, "/hapusdata")
    [kept] = await bot.press(sari, "Tidak jadi")
    assert kept.text == "Oke, tidak jadi. Datamu tetap tersimpan."
    assert await bot.store.applications.latest_reference(sari.id) == "KOC-000001"


@pytest.mark.parametrize(
    "typed",
    # The last (an attacker's review) asks to erase: the reply is true for it as well.
    ["eh jangan dulu deh", "ga jadi", "batal", "gak jadi hapus kak", "yakin hapus, jangan nanti"],
)
async def test_backing_out_of_hapusdata_in_words_says_nothing_was_erased(
    bot: Harness, typed: str
) -> None:
    # A talents' review: "eh jangan dulu deh" under /hapusdata's question got "Ada yang bisa
    # kubantu?" and the menu; nothing said the data was kept. As the "Tidak jadi" button.
    fajar = bot.user()
    await apply(bot, fajar, MUSICIAN)
    await bot.send(fajar, "/hapusdata")
    [kept] = await bot.send(fajar, typed)
    assert kept.text == shown(Text.DELETE_KEPT_TYPED)
    assert shown(Text.BTN_CONFIRM_DELETE) in kept.text  # its button stays, and says so
    assert await bot.store.applications.latest_reference(fajar.id) == "KOC-000001"
    # From the privacy page's button too; not once something else was said in between.
    await bot.send(fajar, "/privasi")
    await bot.press(fajar, shown(Text.BTN_DELETE_DATA))
    [kept] = await bot.send(fajar, typed)
    assert kept.text == shown(Text.DELETE_KEPT_TYPED)
    await bot.send(fajar, "/hapusdata")
    await bot.send(fajar, "halo")
    [other] = await bot.send(fajar, typed)
    assert other.text != shown(Text.DELETE_KEPT_TYPED)


async def test_backing_out_in_words_long_after_hapusdata_is_no_answer_to_it(bot: Harness) -> None:
    sari = bot.user()
    await bot.send(sari, "/hapusdata")
    async with bot.store.db.transaction() as tx:
        await tx.execute(
            "UPDATE conversation_log SET created_at = ? WHERE chat_id = ?",
            ("2020-01-01T00:00:00.000000+00:00", sari.id),
        )
    [reply] = await bot.send(sari, "ga jadi")
    assert reply.text != shown(Text.DELETE_KEPT_TYPED)


def kept_after_erasure(language: str, when: str | None, *, sent: bool) -> str:
    """The answer to "is my data still kept?" after an erasure, nothing registered since."""
    kept = [Text.ERASED_KEPT_SINCE, Text.ERASED_KEPT_RECORD]
    kept += [Text.ERASED_KEPT_SENT] if sent else []
    lines = Markup("\n".join(CONTENT.text(key, language) for key in kept))
    return shown(Text.ERASED_KEPT, language, when=when, kept=lines)


async def test_status_after_an_erasure_says_the_data_was_erased(bot: Harness) -> None:
    # A talents' review: after /hapusdata, /status said "Kamu belum mengirim pendaftaran",
    # and the goodbye "Terima kasih sudah mampir".
    fajar = bot.user()
    await apply(bot, fajar, MUSICIAN)
    await bot.send(fajar, "/hapusdata")
    [done] = await bot.press(fajar, shown(Text.BTN_CONFIRM_DELETE))
    assert "mampir" not in done.text
    [status] = await bot.send(fajar, "/status")
    [erased_at] = await bot.store.privacy.was_erased(fajar.id)
    when = moment_text(CONTENT, "id", erased_at)
    assert status.text == shown(Text.STATUS_ERASED, when=when)
    # Asked in words, the same (a talents' review, M8: the FAQ's "Datamu dipakai untuk
    # meninjau pendaftaranmu…" read as if the bot still held her data); in English too.
    # Since s58 (M3), what is still kept, as /dataku says: not "nothing".
    for asked in ("Data saya masih ada ga?", "emailku masih disimpan kak?"):
        [said] = await bot.send(fajar, asked)
        assert said.text == kept_after_erasure("id", when, sent=True)
    # Registering again starts from scratch, with a new number; the old number is no longer
    # used (a talents' review s56, M8 and L8: "not sure", and no word on the number).
    [said] = await bot.send(fajar, "Kalau daftar lagi hrs isi dari awal ya?")
    assert said.text == shown(Text.ERASED_REGISTER_AGAIN, when=when)
    [said] = await bot.send(fajar, "Nomor KOC-000001 ku masih berlaku?")
    erased = shown(Text.STATUS_ERASED, when=when)
    assert said.text == f"{erased}\n{shown(Text.ERASED_OLD_NUMBER)}"
    await bot.send(fajar, "/bahasa")
    await bot.press(fajar, CONTENT.text(Text.BTN_LANGUAGE_EN, "id"))
    for asked in ("Do you still have my email?", "What data do you keep about me?"):
        [said] = await bot.send(fajar, asked)
        when_en = moment_text(CONTENT, "en", erased_at)
        assert said.text == kept_after_erasure("en", when_en, sent=True)
    # Registered again (a new number): asked about the old data or the old number, that it
    # went; asked about the new one, not.
    await bot.send(fajar, "/bahasa")
    await bot.press(fajar, CONTENT.text(Text.BTN_LANGUAGE_ID, "en"))
    assert await apply(bot, fajar, MUSICIAN) == "KOC-000002"
    for asked in (
        "Tim kalian masih nyimpen data lamaku ga? Yg KOC-000001",
        "Data lamaku masih ada?",
    ):
        [said] = await bot.send(fajar, asked)
        assert said.text == shown(Text.ERASED_OLD_DATA, when=when), asked
    [said] = await bot.send(fajar, "Nomor KOC-000002 ku masih berlaku?")
    assert said.text != shown(Text.ERASED_OLD_DATA, when=when)
    never = bot.user()
    [status] = await bot.send(never, "/status")
    assert status.text == shown(Text.STATUS_NONE)
    [faq] = await bot.send(never, "Data saya masih ada ga?")  # never erased: the FAQ's answer
    assert "No registration" not in faq.text and "Semua datamu sudah kami hapus" not in faq.text


async def test_a_regret_right_after_an_erasure_is_told_the_data_cannot_be_restored(
    bot: Harness,
) -> None:
    """A talents' review s61, M8: right after /hapusdata, "eh jangan dihapus" got "🤔 Aku
    belum yakin maksudmu" and "yah kehapus ya? bisa dibalikin ga min" the data page and a
    KOFIC incentive button. One honest line: gone, not to be restored; /daftar to register
    again, answers typed again. In English too."""
    for language, regrets in (
        ("id", ("eh jangan dihapus", "yah kehapus ya? bisa dibalikin ga min")),
        ("en", ("oh no, can I undo that", "please don't delete it")),
    ):
        dimas = bot.user(language_code=language)
        await apply(bot, dimas, MUSICIAN, language=language)
        await bot.send(dimas, "/hapusdata" if language == "id" else "/deletemydata")
        await bot.press(dimas, shown(Text.BTN_CONFIRM_DELETE, language))
        [erased_at] = await bot.store.privacy.was_erased(dimas.id)
        when = moment_text(CONTENT, language, erased_at)
        for regret in regrets:
            [said] = await bot.send(dimas, regret)
            assert said.text == shown(Text.ERASED_REGRET, language, when=when), regret
            assert "/daftar" in said.text or "/register" in said.text
    # Not a regret: going back to the menu is not getting the data back.
    [said] = await bot.send(dimas, "how do I get back to the menu?")
    assert said.text != shown(Text.ERASED_REGRET, "en", when=when)


FINAL = {"id": "tidak bisa dikembalikan", "en": "can't be restored"}  # erased_regret's words


async def test_after_an_erasure_only_a_regret_about_it_soon_after_is_told_it_is_final(
    bot: Harness,
) -> None:
    """A recheck review s61, M2: after /hapusdata, any message with "kembali" got "Datamu
    sudah kami hapus … tidak bisa dikembalikan", for as long as nothing was registered: Dimas's
    KOFIC question ("dananya kembali berapa persen?") had no KOFIC page, his goodbye ("nanti
    saya kembali lagi") was told his data was gone. Only a wish to undo the erasure gets it,
    and only within a day of it; other messages are answered as before."""
    kofic = CONTENT.programs["kofic_incentive"].title
    for language, regrets, others in (
        (
            "id",
            ("kembalikan data saya", "bisa dibalikin ga min", "eh jangan dihapus"),
            ("insentif lokasi KOFIC itu dananya kembali berapa persen?",),
        ),
        (
            "en",
            ("bring my data back", "can I undo that"),
            ("does the KOFIC location incentive pay money back? how much?",),
        ),
    ):
        dimas = bot.user(first_name="Dimas", language_code=language)
        await apply(bot, dimas, MUSICIAN, language=language)
        await bot.send(dimas, "/hapusdata" if language == "id" else "/deletemydata")
        await bot.press(dimas, shown(Text.BTN_CONFIRM_DELETE, language))
        [erased_at] = await bot.store.privacy.was_erased(dimas.id)
        regret = shown(Text.ERASED_REGRET, language, when=moment_text(CONTENT, language, erased_at))
        for question in others:
            [said, *_] = await bot.send(dimas, question)
            assert said.text.split("\n")[0] == kofic.get(language), question
        goodbye = (
            "oke makasih, nanti saya kembali lagi" if language == "id" else "thanks, I'll be back"
        )
        [said] = await bot.send(dimas, goodbye)
        assert FINAL[language] not in said.text, goodbye
        for wish in regrets:
            [said] = await bot.send(dimas, wish)
            assert said.text == regret, wish
        # A day and more on, the same words are read as any message.
        async with bot.store.db.transaction() as tx:
            await tx.execute(
                "UPDATE erasures SET erased_at = ? WHERE subject_hash = ?",
                ("2026-01-01T00:00:00.000000+00:00", bot.store.privacy.subject_hash(dimas.id)),
            )
        for wish in regrets:
            replies = await bot.send(dimas, wish)
            assert all(FINAL[language] not in m.text for m in replies), wish


async def test_asked_after_an_erasure_what_is_kept_the_answer_is_what_dataku_shows(
    bot: Harness,
) -> None:
    """A talents' review s58, M3: after /hapusdata, "min, data saya masih ada yang tersimpan
    ga?" got "Tidak ada pendaftaran yang tersimpan. Semua datamu sudah kami hapus…" while
    /dataku right after showed the Telegram profile and the messages since, and the erasure
    left its coded record (and, for up to 2 days, the registrations' send times)."""
    hendra = bot.user(first_name="Hendra")
    await apply(bot, hendra, FILMMAKER)
    await bot.send(hendra, "/hapusdata")
    await bot.press(hendra, shown(Text.BTN_CONFIRM_DELETE))
    [erased_at] = await bot.store.privacy.was_erased(hendra.id)
    when = moment_text(CONTENT, "id", erased_at)
    await bot.send(hendra, "oke makasih min")
    [said] = await bot.send(hendra, "min, data saya masih ada yang tersimpan ga?")
    assert said.text == kept_after_erasure("id", when, sent=True)
    assert not said.text.startswith(shown(Text.STATUS_ERASED, when=when))
    # The follow-up on what is left (s58: "🤔 Aku belum yakin maksudmu"), bare or with data
    # words; "tersisa" about anything else is not about their data.
    for follow_up in ("jadi yang tersisa apa aja?", "sisanya apa?", "data saya yang tersisa?"):
        [said] = await bot.send(hendra, follow_up)
        assert said.text == kept_after_erasure("id", when, sent=True), follow_up
    for other in ("kuota tersisa berapa?", "slot yang tersisa apa aja?"):
        [said] = await bot.send(hendra, other)
        assert said.text != kept_after_erasure("id", when, sent=True), other
    # /dataku right after: the profile and those messages, as the answer said.
    replies = await bot.send(hendra, "/dataku")
    copy = data_copy(next(m.document[1] for m in replies if m.document))
    assert section(copy, Text.MYDATA_SECTION_PROFILE)
    assert "min, data saya masih ada yang tersimpan ga?" in json.dumps(copy, ensure_ascii=False)
    # Registered nothing in the day before the erasure: no send times are kept with the code.
    rini = bot.user(first_name="Rini", language_code="en")
    await bot.send(rini, "/deletemydata")
    await bot.press(rini, CONTENT.text(Text.BTN_CONFIRM_DELETE, "en"))
    [erased_at] = await bot.store.privacy.was_erased(rini.id)
    [said] = await bot.send(rini, "Do you still keep my data?")
    when = moment_text(CONTENT, "en", erased_at)
    assert said.text == kept_after_erasure("en", when, sent=False)
    [said] = await bot.send(rini, "so what's left?")
    assert said.text == kept_after_erasure("en", when, sent=False)
    # In other words (a talents' review s59, M8: "not sure"), and still nothing else.
    for asked in ("what do you still have", "what data is left?"):
        [said] = await bot.send(rini, asked)
        assert said.text == kept_after_erasure("en", when, sent=False), asked


async def test_asked_in_other_words_after_an_erasure_what_is_kept(bot: Harness) -> None:
    # A talents' review s59, M8: Tiara & Sasa erased their data and asked what was still kept;
    # "kak sekarang data kita yang masih kesimpen apa aja? 🥺" got "🤔 Aku belum yakin".
    duo = bot.user(first_name="Tiara")
    await bot.send(duo, "/hapusdata")
    await bot.press(duo, shown(Text.BTN_CONFIRM_DELETE))
    [erased_at] = await bot.store.privacy.was_erased(duo.id)
    when = moment_text(CONTENT, "id", erased_at)
    for asked in (
        "kak sekarang data kita yang masih kesimpen apa aja? 🥺",
        "apa aja yang masih disimpan?",
        "yang masih tersimpan apa aja kak",
        "masih ada data kami?",
        "sisa data apa?",
    ):
        [said] = await bot.send(duo, asked)
        assert said.text == kept_after_erasure("id", when, sent=False), asked
    for other in ("apa masih ada program musik?", "ada apa?"):
        replies = await bot.send(duo, other)
        assert all(r.text != kept_after_erasure("id", when, sent=False) for r in replies), other


@pytest.mark.parametrize(
    ("typed", "about_data"),
    [
        ("Data saya masih ada ga?", True),
        ("Dataku dipakai untuk apa?", True),
        ("nomor hp sy masih ada?", True),
        ("Do you still have my email?", True),
        # An address or a number named, not asked about; the team's, not theirs.
        ("Baik, terima kasih… akan saya kirimkan lewat email besok.", False),
        ("email KOCCA apa?", False),
        ("saya mau daftar", False),
        # What registering needs, not what is kept (an attacker's review).
        ("Data diri saya apa saja yang dibutuhkan untuk daftar?", False),
        ("Kak aku mau tanya soal visa, data paspor ku perlu disimpan dimana?", False),
    ],
)
def test_a_question_about_ones_own_data_is_told_from_one_naming_an_address(
    typed: str, about_data: bool
) -> None:
    assert about_own_data(typed) is about_data


async def test_an_old_yes_button_asks_again_and_erases_nothing(bot: Harness) -> None:
    """A "Ya, hapus semuanya" left in the chat (pressed 16 minutes later, or one from before
    the button carried the time it was asked) asks again with fresh buttons; only a press
    of the question asked now erases."""
    sari = bot.user()
    await apply(bot, sari, MUSICIAN)
    [asked] = await bot.send(sari, "/hapusdata")
    yes, no = asked.callback_data
    assert no == "pv:delete:no" and yes.startswith("pv:delete:yes:")
    asked_at = int(yes.rsplit(":", 1)[1])
    assert abs(asked_at - time.time()) < 60
    for stale in (f"pv:delete:yes:{asked_at - 16 * 60}", "pv:delete:yes"):
        [asked] = await bot.send(sari, "/hapusdata")  # each on a dialog of its own
        got = await bot.act(sari, sari.press_raw, asked.message_id, stale)
        [again] = got
        assert again.text.startswith(shown(Text.DELETE_ASKED_AGAIN))
        assert shown(Text.DELETE_CONFIRM) in again.text
        fresh, _ = again.callback_data
        assert fresh.startswith("pv:delete:yes:") and fresh != stale
        assert await bot.store.applications.latest_reference(sari.id) == "KOC-000001"
        assert not await bot.store.privacy.was_erased(sari.id)
    [done] = await bot.press(sari, shown(Text.BTN_CONFIRM_DELETE))
    assert done.text == DONE_AND_COPIES
    assert await bot.store.privacy.was_erased(sari.id)
    # Nothing outside the bot to delete (never registered nor asked the team): no such line.
    budi = bot.user()
    await bot.send(budi, "/hapusdata")
    [done] = await bot.press(budi, shown(Text.BTN_CONFIRM_DELETE))
    assert done.text == shown(Text.DELETE_DONE)


async def test_an_old_withdraw_button_asks_again_and_keeps_a_later_registration(
    bot: Harness,
) -> None:
    """Withdrawing consent to processing asked, not pressed; later a new registration; the
    old "Ya, tarik dan hapus" (16 minutes later, or one from before the button carried its
    time) asks again and deletes nothing; only a press of the question asked now withdraws."""
    sari = bot.user()
    processing = CONTENT.text(Text.CONSENT_KIND_PROCESSING, "id")

    async def ask() -> Any:
        await bot.send(sari, "/privasi")  # each on a dialog of its own
        await bot.press(sari, CONTENT.text(Text.BTN_MY_CONSENTS, "id"))
        [asked] = await bot.press(sari, CONTENT.text(Text.BTN_WITHDRAW, "id", kind=processing))
        return asked

    async def registrations() -> int:
        count = await bot.store.db.fetch_value(
            "SELECT COUNT(*) FROM applications WHERE user_id = ?", (sari.id,)
        )
        return int(count)

    await apply(bot, sari, MUSICIAN)
    asked = await ask()
    yes, no = asked.callback_data
    assert no == "pv:t:processing:0:no" and yes.startswith("pv:t:processing:0:yes:")
    asked_at = int(yes.rsplit(":", 1)[1])
    assert abs(asked_at - time.time()) < 60
    assert await apply(bot, sari, FILMMAKER) == "KOC-000002"  # registered since
    assert await registrations() == 2
    stale = [(asked, f"pv:t:processing:0:yes:{asked_at - 16 * 60}")]
    stale.append((await ask(), "pv:t:processing:0:yes"))  # from before it carried a time
    for question, data in stale:
        [again] = await bot.act(sari, sari.press_raw, question.message_id, data)
        assert again.text.startswith(shown(Text.WITHDRAW_ASKED_AGAIN))
        assert shown(Text.WITHDRAW_CONFIRM) in again.text
        fresh, _ = again.callback_data
        assert fresh.startswith("pv:t:processing:0:yes:") and fresh != data
        assert await registrations() == 2
        assert (await bot.store.applications.consents(sari.id))["processing"].granted
    [done] = await bot.press(sari, shown(Text.BTN_CONFIRM_WITHDRAW))
    assert done.text == shown(Text.PROCESSING_WITHDRAWN, count=2)
    assert await registrations() == 0
    assert not (await bot.store.applications.consents(sari.id))["processing"].granted


async def test_purge_removes_exactly_what_is_old_enough(bot: Harness) -> None:
    sari, budi = bot.user(), bot.user(first_name="Budi")
    await apply(bot, sari, MUSICIAN)
    await bot.send(budi, "/daftar")  # a draft
    await bot.send(sari, "/menu")
    await bot.stop()
    now = datetime.now(UTC)

    def ago(days: float) -> str:
        return (now - timedelta(days=days)).isoformat()

    with sqlite3.connect(bot.database) as db:
        ids = [row[0] for row in db.execute("SELECT id FROM conversation_log ORDER BY id")]
        old, fresh = ids[:4], ids[4:]
        db.executemany(
            "UPDATE conversation_log SET created_at = ? WHERE id = ?",
            [(ago(400), old[0]), (ago(366), old[1]), (ago(365.1), old[2]), (ago(365.5), old[3])]
            + [(ago(364), entry) for entry in fresh[:1]],
        )
        db.execute("UPDATE applications SET updated_at = ? WHERE status = 'draft'", (ago(91),))
        db.execute("UPDATE applications SET updated_at = ? WHERE status = 'submitted'", (ago(500),))
    env = {"PATH": "/usr/bin:/bin", "DATABASE_PATH": str(bot.database)}
    code, out, err = await run_cli(bot.database.parent, env, "purge")
    assert code == 0, err
    assert out.startswith("Deleted 4 conversation-log entries, 1 unfinished applications")
    with sqlite3.connect(bot.database) as db:
        remaining = {row[0] for row in db.execute("SELECT id FROM conversation_log")}
        statuses = [row[0] for row in db.execute("SELECT status FROM applications")]
    assert remaining == set(fresh)
    assert statuses == ["submitted"]  # a submitted lead is not a draft


async def test_changed_notice_version_asks_for_consent_again(make_bot: Any, tmp_path: Path) -> None:
    bot: Harness = await make_bot()
    sari = bot.user()
    await apply(bot, sari, MUSICIAN)
    await bot.stop()
    folder = tmp_path / "content"
    shutil.copytree(PROJECT / "content", folder)
    privacy = yaml.safe_load((folder / "privacy.yaml").read_text())
    privacy["version"] = "2027-01-01"
    (folder / "privacy.yaml").write_text(yaml.safe_dump(privacy, allow_unicode=True))
    bot2: Harness = await make_bot(content_dir=folder)
    [choice] = await bot2.send(sari, "/daftar")  # submitted before: update, or a new one
    [consent] = await bot2.press(sari, choice.button_texts[-1])  # a new registration
    assert consent.text.startswith("Sebelum mulai")
    assert consent.button_texts == [
        CONTENT.text(Text.BTN_AGREE, "id"),
        CONTENT.text(Text.BTN_DECLINE, "id"),
    ]


async def test_no_contact_details_or_answers_in_the_logs(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    logged = "\n".join(
        record.getMessage() for record in caplog.records if record.levelno >= logging.INFO
    )
    for secret in (
        "sari.dewi@example.com",
        "Sari.Dewi@Example.COM",
        "+6281234567801",
        "0812-3456-7801",
        "Sari Dewi Lestari",
        "Hujan di Braga",
        "Bandung",
    ):
        assert secret not in logged


def test_what_dataku_leaves_out_is_said_also_where_asking_is_off() -> None:
    """Without a staff chat every pointer to /tanya is taken out of the texts (bot/ask_off.py);
    the notice's /dataku line and the copy's word on the team's notes must stay."""
    content = without_ask(CONTENT)
    for language, command in (("id", "/dataku"), ("en", "/mydata")):
        notice = content.privacy.notice.get(language)
        assert command in notice and ("catatan internal" in notice or "internal notes" in notice)
        copy = content.text(
            Text.MYDATA_SUMMARY,
            language,
            next="",
            registrations="1",
            consents=1,
            messages=1,
            controller_name="X",
            controller_contact="x@example.invalid",
        )
        assert "Catatan internal tim kami" in copy or "internal notes" in copy
        about = content.text(Text.MYDATA_ABOUT, language)
        assert "catatan internal" in about or "internal notes" in about


def see_data(summary: Any) -> str:
    """The callback data of /dataku's "See and update my answers" button."""
    [[button]] = summary.buttons
    data: str = button.callback_data
    return data


@pytest.mark.parametrize("forward_to", [None, "KOCCA, Korea Selatan"])
def test_the_privacy_texts_name_a_team_once_whatever_the_operator_is_called(
    forward_to: str | None,
) -> None:
    """A staff review (s50): "tim Tim Talent Desk Uji" in the summary, for an operator whose
    name starts with "Tim"; an operator is named as it is, without a word put before it."""
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        controller_name="Tim Talent Desk Uji",
        controller_contact="desk@example.org",
        forward_to=forward_to,
    )
    facts = settings.privacy_facts()
    privacy = CONTENT.privacy
    for language in ("id", "en"):
        for text in (privacy.consent_intro, privacy.notice):
            said = CONTENT.privacy_text(text, language, facts)
            assert "Tim Talent Desk Uji" in said
            assert not re.search(r"(?i)\b(tim|team at) Tim\b", said)
        for item in privacy.consents:
            for asked in (item.question, item.question_abroad):
                if asked is not None:
                    said = CONTENT.privacy_text(asked, language, facts)
                    assert not re.search(r"(?i)\b(tim|team at) Tim\b", said)


async def test_a_message_edited_into_a_command_runs_nothing(bot: Harness) -> None:
    """An attacker's review (s58): an old message edited to "/hapusdata" brought the erasure
    prompt again (and "/daftar" would start the form), while an edited message of words is
    answered by nothing. An edit runs no command; a command sent new still does."""
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/start")
    typed = sari.send("halo kak")["message"]["message_id"]
    await bot.settle(sari.send("/start"))
    mark = sari.mark()
    for command in ("/hapusdata", "/daftar", "/start", "/tidakada"):
        await bot.settle(sari.edit(typed, command))
    assert sari.messages_since(mark) == []
    assert await bot.store.applications.draft_for(sari.id) is None
    edits = "SELECT COUNT(*) FROM conversation_log WHERE chat_id = ? AND kind = 'edit'"
    with closing(sqlite3.connect(bot.database)) as database:
        assert database.execute(edits, (sari.id,)).fetchone() == (4,)  # kept, as edits are
    await bot.send(sari, "/hapusdata")
    assert sari.last_message.text.startswith("🗑 Hapus semua datamu?")
