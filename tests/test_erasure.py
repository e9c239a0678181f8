"""Erased means erased: no trace of the talent in any table or in any database file.

The searches are generic on purpose: every column of every table (tables added later
included) and the raw bytes of the database, its -wal and its -shm, read while the bot runs.
"""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import EmulatedChat, EmulatedUser
from bot.emulator.faults import Hold
from bot.store.db import JOURNAL_SIZE_LIMIT
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import SETTLE_TIMEOUT, Harness
from tests.leads import CONTENT, MUSICIAN, apply, shown
from tests.subscribers import queue_text, wait_delivered
from tests.test_support import answer_words

TALENT_ID = 5_839_204_117  # a realistic Telegram id: long enough that a match is no accident
QUESTION = "Apakah band Sarinah boleh ikut kurasi tahun ini?"
STAFF_ANSWER = "Halo Sarinah, silakan daftar lewat /daftar dulu ya."
FREE_QUESTION = "Sarinah mau tanya, ada open call buat band Monsoons?"
# What identifies her, as stored and as typed (the log keeps what was typed).
TRACES = [
    str(TALENT_ID),
    "Sarinah",
    "Wulandari",
    "sarinah_music",
    "Sari Dewi Lestari",
    "sari.dewi@example.com",
    "Sari.Dewi@Example.COM",
    "+6281234567801",
    "0812-3456-7801",
    "Hujan di Braga",
    "sarimonsoons",
    "Kurasi",  # in QUESTION, with another case: the search is case-insensitive
    "Jl. Braga Nomor 12",  # notes staff typed about her lead (after Note, and by /catatan)
    "honor tinggi sekali",
]
NOTE_BY_BUTTON = "Sari Dewi Lestari pindah ke Jl. Braga Nomor 12"
NOTE_BY_COMMAND = "/catatan KOC-000001 Minta honor tinggi sekali"


def database_files(database: Path) -> list[Path]:
    """The database and the files SQLite keeps beside it."""
    return [database.with_name(database.name + suffix) for suffix in ("", "-wal", "-shm")]


def traces_in_tables(database: Path, traces: list[str]) -> list[str]:
    """Every (table, column, trace) where a trace occurs as a substring, in any table."""
    found = []
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        tables = [
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        for table in tables:
            cursor = db.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the schema
            columns = [column[0] for column in cursor.description]
            for row in cursor:
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, bytes):
                        value = value.decode("utf-8", "replace")
                    text = str(value).casefold()
                    found += [f"{table}.{column}: {t}" for t in traces if t.casefold() in text]
    return found


def traces_in_files(database: Path, traces: list[str]) -> list[str]:
    """Every (file, trace) where a trace occurs in the raw bytes of a database file."""
    found = []
    for path in database_files(database):
        if not path.exists():
            continue
        data = path.read_bytes().lower()
        for trace in traces:
            if trace.lower().encode() in data:
                found.append(f"{path.name}: {trace}")
    return found


async def talent_with_everything(bot: Harness, staff_chat: EmulatedChat) -> EmulatedUser:
    """A talent who applied, subscribed, asked staff and got an answer and an announcement."""
    sari = bot.user(
        user_id=TALENT_ID, first_name="Sarinah", last_name="Wulandari", username="sarinah_music"
    )
    await bot.send(sari, "/start ig_jan26")
    await apply(bot, sari, MUSICIAN)
    await bot.send(sari, "/langganan")
    await bot.send(sari, FREE_QUESTION)  # answered by the bot, and recorded
    mark = staff_chat.mark()
    await bot.send(sari, "/tanya")
    await bot.send(sari, QUESTION)
    copy = staff_chat.messages_since(mark)[-1]
    admin = bot.emulator.user(ADMIN_ID)
    await bot.act(admin, admin.send, STAFF_ANSWER, chat=staff_chat, reply_to=copy)
    assert answer_words(sari.last_message) == STAFF_ANSWER
    # Another reply quoting her, which the library cannot read: kept whole in the inbox as
    # "unparseable", her question and name inside another user's update.
    broken = bot.emulator.inject_raw_update(
        {
            "message": {
                "message_id": "x",
                "date": "today",
                "chat": staff_chat.chat_dict(),
                "from": admin.as_dict(),
                "text": "oke",
                "reply_to_message": copy.raw,
            }
        }
    )
    await bot.settle(broken)
    assert await bot.store.inbox.status(broken["update_id"]) == "unparseable"
    await bot.send(admin, "/lead KOC-000001")  # staff read her lead in their private chat
    await bot.press(admin, shown(Text.BTN_NOTE))
    await bot.send(admin, NOTE_BY_BUTTON)
    await bot.send(admin, NOTE_BY_COMMAND)
    notes, _ = await bot.store.pipeline.notes(1, 10)
    assert len(notes) == 2
    broadcast, _ = await queue_text(bot.store, "Info program untuk semua talenta")
    await wait_delivered(bot.store, broadcast)
    await bot.send(sari, "/dataku")
    # Her data is where the search looks: a search that finds nothing proves nothing.
    found = {place.split(": ", 1)[1] for place in traces_in_tables(bot.database, TRACES)}
    assert found == set(TRACES)
    return sari


async def erase(bot: Harness, talent: EmulatedUser) -> None:
    """/hapusdata, confirmed."""
    await bot.send(talent, "/hapusdata")
    [done] = await bot.press(talent, "🗑 Ya, hapus semuanya")
    assert done.text.startswith("✅ Semua datamu sudah kami hapus dari bot ini.")


async def test_erasure_leaves_no_trace_in_any_table_or_database_file(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    budi = bot.user(first_name="Budiman")
    await bot.send(budi, "/start")
    sari = await talent_with_everything(bot, staff_chat)
    await erase(bot, sari)
    # Read right away, while the bot runs: the WAL is where a deleted row lives on.
    assert traces_in_tables(bot.database, TRACES) == []
    assert traces_in_files(bot.database, TRACES) == []
    # The other talent is untouched.
    assert traces_in_tables(bot.database, ["Budiman", str(budi.id)])
    # The admin's own log says what they did, not what they typed.
    log = await bot.store.log.for_chat(ADMIN_ID)
    typed = {entry.text for entry in log if entry.direction == "in" and entry.kind != "button"}
    assert typed == {
        "/lead [arguments not logged]",
        "[staff message: not logged]",
        "/catatan [arguments not logged]",
    }
    # Her later messages are stored again, as a new user's.
    [greeting] = await bot.send(sari, "/start")
    assert greeting.text.startswith("Halo, Sarinah!")


async def test_retention_purge_leaves_no_copy_in_the_database_files(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    budi = bot.user(first_name="Budiman")
    await bot.send(budi, "/start")
    await bot.send(budi, "Pesan lama dengan nomor 0899-1111-2222")
    old = (datetime.now(UTC) - timedelta(days=400)).isoformat()
    async with bot.store.db.transaction() as tx:
        await tx.execute("UPDATE conversation_log SET created_at = ?", (old,))
        await tx.execute("UPDATE free_questions SET asked_at = ?", (old,))  # the bot's reply
    deleted = await _purge(bot)
    assert deleted["conversation_log"] >= 2
    assert traces_in_files(bot.database, ["0899-1111-2222"]) == []


async def _purge(bot: Harness) -> Any:
    from bot.privacy import purge

    return await purge(bot.store, bot.settings)


async def test_the_database_is_told_to_zero_deleted_rows_and_to_keep_the_wal_small(
    bot: Harness,
) -> None:
    # The SQLite build may zero deleted rows by default, or not: the bot says so itself.
    writer = bot.store.db._writer
    assert writer.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert writer.execute("PRAGMA journal_size_limit").fetchone()[0] == JOURNAL_SIZE_LIMIT


# What identifies her in the sends that are in flight when she erases (the staff answer and
# the stage message name her; the announcement and the copy's log line carry her id).
IN_FLIGHT_TRACES = [str(TALENT_ID), "Sarinah", "Wulandari", "sarinah_music", "Sari Dewi Lestari"]


async def test_sends_in_flight_during_an_erasure_write_nothing_back(
    bot: Harness, staff_chat: EmulatedChat, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stage message, an announcement and a staff answer are on their way to her (their
    HTTP round trip held by the emulator) when she erases: what the bot records about a send
    once Telegram answers must not bring her back, in a table or in the database files."""
    sari = bot.user(
        user_id=TALENT_ID, first_name="Sarinah", last_name="Wulandari", username="sarinah_music"
    )
    await bot.send(sari, "/start")
    await apply(bot, sari, MUSICIAN)
    await bot.send(sari, "/langganan")
    mark = staff_chat.mark()
    await bot.send(sari, "/tanya")
    await bot.send(sari, QUESTION)
    question = staff_chat.messages_since(mark)[-1]
    admin = bot.emulator.user(ADMIN_ID)
    stage_recorded = asyncio.Event()
    mark_sent = bot.store.talent_updates.mark_sent

    async def recorded(update_id: int, message_id: int) -> None:
        await mark_sent(update_id, message_id)
        stage_recorded.set()  # Telegram's answer was handled, log line included

    monkeypatch.setattr(bot.store.talent_updates, "mark_sent", recorded)
    erased = asyncio.Event()
    forget_log = bot.store.privacy.forget_log

    async def forgotten(user_id: int) -> None:
        await forget_log(user_id)
        erased.set()  # the erasure's last step: its own confirmation leaves the log too

    monkeypatch.setattr(bot.store.privacy, "forget_log", forgotten)

    # Every attempt is held (the bot's read timeout retries a call that takes too long).
    stage = hold(bot, "sendMessage", "KOC-000001")  # the stage message names her lead
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, shown_stage("shortlist"))
    await bot.press(admin, shown(Text.BTN_SEND_UPDATE))
    await wait_held(stage)
    announcement = hold(bot, "sendMessage", ANNOUNCEMENT)
    broadcast, _ = await queue_text(bot.store, ANNOUNCEMENT)
    await wait_held(announcement)
    answer = hold(bot, "sendMessage", STAFF_ANSWER)  # under its heading
    admin.send(STAFF_ANSWER, chat=staff_chat, reply_to=question)
    await wait_held(answer)
    assert traces_in_tables(bot.database, IN_FLIGHT_TRACES)  # a search that can find her

    # She erases while the staff answer is being handled: wait for her screens, not for
    # every update before hers to be done.
    mark = sari.mark()
    sari.send("/hapusdata")
    await sari.wait_for_messages(mark, timeout=SETTLE_TIMEOUT)
    mark = sari.mark()
    confirmed = sari.press("🗑 Ya, hapus semuanya")
    [done] = await sari.wait_for_messages(mark, timeout=SETTLE_TIMEOUT)
    assert done.text.startswith("✅ Semua datamu sudah kami hapus dari bot ini.")
    await asyncio.wait_for(erased.wait(), SETTLE_TIMEOUT)
    for held in (stage, announcement, answer):
        held.release()
    await bot.settle(confirmed)  # and the staff answer before it
    await wait_delivered(bot.store, broadcast)
    await asyncio.wait_for(stage_recorded.wait(), SETTLE_TIMEOUT)
    assert traces_in_tables(bot.database, IN_FLIGHT_TRACES) == []
    assert traces_in_files(bot.database, IN_FLIGHT_TRACES) == []


ANNOUNCEMENT = "Info program untuk semua talenta"


def hold(bot: Harness, method: str, containing: str | None = None) -> Hold:
    """Hold one send to her, and its retries, until released."""
    return bot.emulator.hold(method, chat_id=TALENT_ID, containing=containing, times=10)


def shown_stage(key: str) -> str:
    """A stage's button label."""
    return CONTENT.stages[key].label.get("id")


async def wait_held(hold: Hold) -> None:
    """Wait until a send reached the emulator's hold."""
    await asyncio.wait_for(hold.arrived.wait(), SETTLE_TIMEOUT)
