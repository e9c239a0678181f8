"""`kocca-bot chat` with more than one talent: /as-talent NAME types as a made-up talent of its
own (not the admin), what the bot sends to a chat not shown is printed under its name, and a
kept database with the chat's talents opens again, while one with a foreign user is refused."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from bot.chat.guard import TALENT_IDS, talent_id
from bot.leads.pipeline_stages import stage_label
from bot.store import Store
from bot.texts import Text
from tests.leads import CONTENT, MUSICIAN, Seed, opening, seed, shown
from tests.processes import call_cli, clean_env, start_cli
from tests.test_chat_tryout import ADMIN, APPLICATION, Terminal

DEWI = talent_id("Dewi")
# The questionnaire as Dewi answers it: her own full name.
AS_DEWI = ["Dewi Lestari" if line == "Sari Dewi" else line for line in APPLICATION]


def _rows(database: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(database) as connection:
        return connection.execute(sql, params).fetchall()


async def test_a_second_talent_registers_and_gets_a_stage_message(tmp_path: Path) -> None:
    database = tmp_path / "mine.db"
    env = clean_env(tmp_path, **ADMIN)
    terminal = Terminal(await start_cli(tmp_path, env, "chat", "--database", str(database)))
    try:
        await terminal.read_until("/as-talent NAME")  # the introduction says how
        await terminal.read_until("/quit to leave")
        terminal.type("/as-talent Dewi")
        switched = rf"═══ Dewi's chat ═+\nYou type as Dewi now \(Telegram id {DEWI},"
        await terminal.read_until(switched)
        terminal.type("/start")
        await terminal.read_until(r"─── bot ─+\nHalo, Dewi!")
        for line in AS_DEWI:
            terminal.type(line)
        await terminal.read_until(re.escape(opening(Text.STAFF_NEW_LEAD, reference="KOC-000001")))
        terminal.type("/as-me")
        # Your own name is no talent's (a new staff coordinator's review s58, L7: "Sari", the
        # default, was also a talent made up with /as-talent Sari).
        you = r"Staf \(kamu\)"
        await terminal.read_until(rf"═══ {you}'s chat ═+\nYou type as yourself, {you}, again\.")
        # The admin moves Dewi's lead to a stage with a message, while your chat is shown.
        terminal.type("/lead KOC-000001")
        shortlist = stage_label(CONTENT, "shortlist", "id")
        stage = await terminal.read_until(rf"\[(\d+)\] {re.escape(shortlist)}")
        terminal.type(stage.group(1))
        send = await terminal.read_until(rf"\[(\d+)\] {re.escape(shown(Text.BTN_SEND_UPDATE))}")
        terminal.type(send.group(1))
        await terminal.read_until(r"═══ bot → Dewi ═+\n🌟 Kabar baik, Dewi!")
        terminal.type("/lead KOC-000001")  # typed as yourself again
        new = re.escape(stage_label(CONTENT, "baru", "id"))
        await terminal.read_until(rf"· {you}: {new} → {re.escape(shortlist)}")  # the history
        terminal.type("/start")
        await terminal.read_until(r"─── bot ─+\nHalo, Staf!")
        code, err = await terminal.quit()
    finally:
        await terminal.end()
    assert code == 0, err

    assert DEWI in TALENT_IDS
    users = _rows(database, "SELECT user_id, first_name FROM users ORDER BY user_id")
    assert users == [(1001, "Staf (kamu)"), (DEWI, "Dewi")]
    assert _rows(database, "SELECT user_id FROM applications") == [(DEWI,)]
    # Dewi is no admin: her words are logged as a talent's, under her own id.
    said = [text for (text,) in _rows(
        database, "SELECT text FROM conversation_log WHERE user_id = ? AND direction = 'in'", DEWI
    )]  # fmt: skip
    assert "/start" in said and "Dewi Lestari" in said
    yours = _rows(database, "SELECT text FROM conversation_log WHERE user_id = 1001")
    assert ("Dewi Lestari",) not in yours

    # The same database again: Dewi is the chat's own, not refused; the same name finds her.
    lines = b"/as-talent dewi\n/status\n/quit"
    args = ("chat", "--database", str(database))
    code, out, err = call_cli(tmp_path, clean_env(tmp_path, **ADMIN), *args, stdin=lines)
    assert code == 0, out + err
    assert f"Telegram id {DEWI}," in out
    assert CONTENT.stages["shortlist"].talent_label.get("id") in out

    # A foreign user (a real talent, perhaps): refused as before.
    seed(database, [Seed(user_id=5_000_000, answers=MUSICIAN)])
    code, out, err = call_cli(tmp_path, clean_env(tmp_path, **ADMIN), *args, stdin=lines)
    assert code != 0
    assert "holds 1 other user" in err and "--allow-real-talents" in err


async def test_what_the_bot_sends_at_start_comes_after_the_introduction(tmp_path: Path) -> None:
    """A new operator's review s58, L6: an announcement still queued at /quit went out, unsaid,
    at the next chat on the database, printed above the introduction, and its progress report
    to the admin was refused ("bot can't initiate conversation")."""
    database = tmp_path / "kept.db"
    args = ("chat", "--database", str(database))
    lines = [
        "/as-talent Ani", "/start", "/langganan", "/as-me", "/broadcast",
        "Info MU:CON 2027: pendaftaran minat dibuka.", "2", "1", "2", "2099-01-01 09:00", "/quit",
    ]  # fmt: skip
    env = clean_env(tmp_path, **ADMIN)
    code, out, err = call_cli(tmp_path, env, *args, stdin="\n".join(lines).encode())
    assert code == 0, out + err
    assert "🕘 Pengumuman #1 dijadwalkan 1 Januari 2099, 09.00 WIB" in out
    said = f"1 announcement is still queued: the bot sends it when it runs on {database} again"
    assert out.rstrip().split("\n")[-1].startswith(said)
    _rows(database, "UPDATE broadcasts SET send_at = '2000-01-01T00:00:00+00:00'")  # due now

    terminal = Terminal(await start_cli(tmp_path, env, *args))
    try:
        await terminal.read_until(r"═══ bot → Ani ═+\nInfo MU:CON 2027: pendaftaran minat dibuka")
        await terminal.read_until(r"─── bot ─+\n✅ Pengumuman #1 selesai\nTerkirim: 1 dari 1")
        code, err = await terminal.quit()
    finally:
        await terminal.end()
    assert code == 0, err
    assert terminal.seen.startswith("Chatting with the bot offline")
    assert "still queued" not in terminal.seen
    log = (tmp_path / "kept-chat.log").read_text(encoding="utf-8")
    assert "Could not post progress" not in log


async def test_a_stage_message_still_queued_at_quit_is_said(tmp_path: Path) -> None:
    """A staff review s65 (2): after "Kabar untuk talenta masuk antrean kirim; hasilnya
    kulaporkan di sini", /quit ended with no word while the message was still queued, so a new
    staff member believed the talent had the news. Here sending is off (a real talent is in the
    database), so the message stays queued for certain, and the chat says so as it ends."""
    database = tmp_path / "real.db"
    await (await Store.open(database)).close()  # the tables
    (reference,) = seed(database, [Seed(user_id=5_000_000, answers=MUSICIAN, first_name="Rara")])
    args = ("chat", "--database", str(database), "--allow-real-talents")
    terminal = Terminal(await start_cli(tmp_path, clean_env(tmp_path, **ADMIN), *args))
    try:
        await terminal.read_until("/quit to leave")
        terminal.type(f"/lead {reference}")
        shortlist = stage_label(CONTENT, "shortlist", "id")
        stage = await terminal.read_until(rf"\[(\d+)\] {re.escape(shortlist)}")
        terminal.type(stage.group(1))
        send = await terminal.read_until(rf"\[(\d+)\] {re.escape(shown(Text.BTN_SEND_UPDATE))}")
        terminal.type(send.group(1))
        queued = shown(Text.PIPELINE_SAVED_NOTIFYING, reference=reference, stage=shortlist)
        await terminal.read_until(re.escape(queued))
        terminal.type("/quit")
        out, err = await terminal.process.communicate()
    finally:
        await terminal.end()
    assert terminal.process.returncode == 0, err.decode()
    said = "1 stage message is still queued for the real bot (sending is off in this chat)."
    assert out.decode().rstrip().endswith(said)
    assert _rows(database, "SELECT status FROM talent_updates") == [("pending",)]


def test_a_talent_who_blocked_the_bot_can_be_played(tmp_path: Path) -> None:
    """A staff review s61 (L4): "what happens with a talent who blocked the bot?" could not be
    tried in the chat. /block as a talent: the bot's answer to her fails as Telegram's 403,
    and staff are told, as they would be."""
    database = tmp_path / "blocked.db"
    lines = [
        "/block",  # as yourself: said what it is for
        "/as-talent Ani", "/start", "/tanya", "Kapan pendaftaran MU:CON dibuka?", "/block",
        "halo",  # a blocked talent cannot write
        "/as-me", "/as-staff-group reply 3 Halo Ani, dibuka Maret.",
        "/as-talent Ani", "/unblock", "/start", "/quit",
    ]  # fmt: skip
    args = ("chat", "--database", str(database))
    env = clean_env(tmp_path, **ADMIN)
    code, out, err = call_cli(tmp_path, env, *args, stdin="\n".join(lines).encode())
    assert code == 0, out + err
    assert "/block and /unblock act as a talent: type as one first (/as-talent NAME)." in out
    assert "Ani blocked the bot: what it sends Ani now fails as Telegram's 403" in out
    assert "Ani has blocked the bot, so cannot write to it" in out
    assert "⛔ Tidak terkirim — Ani memblokir bot" in out  # staff see it, as in Telegram
    assert "Ani unblocked the bot" in out
    assert out.count("Halo, Ani!") == 2  # unblocked, /start reaches her again
    ani = talent_id("Ani")
    said = _rows(database, "SELECT text FROM conversation_log WHERE user_id = ?", ani)
    assert ("halo",) not in said
