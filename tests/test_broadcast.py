"""Staff announcements: compose, audiences, preview, delivery exactly once, restarts, CLI."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.content import Content
from bot.emulator import EmulatedUser
from bot.leads.export import wib_words
from bot.outreach import broadcast as worker
from bot.outreach.audience import AudienceError, count, parse_audience
from bot.outreach.broadcast import WIB, format_wib, parse_wib
from bot.store import Broadcasts, Profile, Users
from bot.texts import Text
from bot.transport import retrying
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import SETTLE_TIMEOUT, Harness
from tests.leads import CONTENT, shown
from tests.subscribers import (
    add_subscribers,
    deliveries,
    queue_text,
    submit_application,
    wait_delivered,
    wait_until,
)
from tests.test_foundation import _kocca_bot, _kocca_bot_here

FOOTER_ID = shown(Text.ANNOUNCEMENT_FOOTER, "id")
FOOTER_EN = shown(Text.ANNOUNCEMENT_FOOTER, "en")


@pytest.fixture(autouse=True)
def _prompt_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker looks for due broadcasts every second; tests need not wait that long."""
    monkeypatch.setattr(worker, "POLL_SECONDS", 0.05)


def _admin(bot: Harness) -> EmulatedUser:
    return bot.emulator.user(ADMIN_ID)


async def _compose_text(bot: Harness, admin: EmulatedUser, text: str, **fields: Any) -> None:
    """/broadcast, then the announcement as the admin's message (entities make it formatted)."""
    (ask,) = await bot.send(admin, "/broadcast")
    assert ask.text.startswith("📣 Pengumuman baru")
    (english,) = await bot.act(admin, bot.emulator.user_message, admin, admin, text=text, **fields)
    assert english.text.startswith("Tambahkan versi bahasa Inggris")
    assert english.button_texts == ["🇬🇧 Tambah versi Inggris", "Sama untuk semua", "✖️ Batal"]


async def test_admin_composes_previews_and_sends_to_subscribers_only(bot: Harness) -> None:
    talents = await add_subscribers(bot.store, bot.emulator, 3)
    bystander = (await add_subscribers(bot.store, bot.emulator, 1, subscribed=False))[0]
    admin = _admin(bot)
    await _compose_text(
        bot,
        admin,
        "Open call MU:CON 2026 is open",
        entities=[
            {"type": "bold", "offset": 0, "length": 9},
            {"type": "text_link", "offset": 10, "length": 6, "url": "https://example.org/mucon"},
        ],
    )
    await bot.press(admin, "Sama untuk semua")
    audience = admin.last_message
    assert "Pelanggan aktif saat ini: 3" in audience.text
    assert audience.button_texts[0] == "👥 Semua pelanggan (3)"

    intro, preview, confirm = await bot.press(admin, "👥 Semua pelanggan (3)")
    assert intro.text.startswith("👀 Pratinjau")
    assert preview.html is not None
    assert preview.html.startswith(
        '<b>Open call</b> <a href="https://example.org/mucon">MU:CON</a> 2026 is open'
    )
    assert FOOTER_ID in preview.text
    assert confirm.text.startswith("Penerima: 3 (semua pelanggan)")
    assert confirm.button_texts == ["🚀 Kirim sekarang", "🕘 Jadwalkan", "✖️ Batal"]

    # Delivery may post its progress message before this reply: look for the reply itself.
    replies = await bot.press(admin, "🚀 Kirim sekarang")
    queued = "✅ Pengumuman #1 masuk antrean untuk 3 penerima"
    assert [m for m in replies if m.text.startswith(queued)]
    tally = await wait_delivered(bot.store, 1)
    assert tally.sent == 3
    assert tally.remaining == 0

    sent = deliveries(bot.emulator)
    for talent in talents:
        assert sent[talent.id] == 1
        (message,) = talent.messages
        assert message.html == preview.html
    assert sent[bystander.id] == 0
    (report,) = [m.text for m in admin.messages if m.text.startswith("✅ Pengumuman #1 selesai")]
    assert "Terkirim: 3 dari 3" in report
    progress = [m for m in admin.messages if m.text.startswith("📤 Pengumuman #1")]
    assert len(progress) == 1
    assert "Terkirim: 3" in progress[0].text
    rows = await bot.store.db.fetch_all(
        "SELECT status, attempts, message_id FROM broadcast_recipients WHERE broadcast_id = 1"
    )
    assert {(row["status"], row["attempts"]) for row in rows} == {("sent", 1)}
    assert all(row["message_id"] for row in rows)


async def test_without_an_english_version_the_preview_says_who_gets_the_main_one(
    bot: Harness,
) -> None:
    """A staff review: English readers got the Indonesian text and nothing said so."""
    await add_subscribers(bot.store, bot.emulator, 2, language="id")
    await add_subscribers(bot.store, bot.emulator, 1, language="en")
    admin = _admin(bot)
    await _compose_text(bot, admin, "Open call MU:CON 2026 dibuka")
    await bot.press(admin, "Sama untuk semua")
    *_, confirm = await bot.press(admin, "👥 Semua pelanggan (3)")
    assert shown(Text.BROADCAST_CONFIRM_NO_ENGLISH, english=1) in confirm.text


async def test_one_text_for_everyone_ends_with_each_readers_own_unsubscribe_line(
    bot: Harness,
) -> None:
    """A staff review s60, M2: "Same for everyone" gave English subscribers the Indonesian
    line "Kamu menerima ini karena berlangganan … /berhenti". The line is the bot's, not the
    staff's text: each reader gets it in their language, the text itself as written."""
    indonesians = await add_subscribers(bot.store, bot.emulator, 2, language="id")
    (kevin,) = await add_subscribers(bot.store, bot.emulator, 1, language="en")
    admin = _admin(bot)
    text = "MU:CON 2026 showcase applications are open until 31 January."
    await _compose_text(bot, admin, text)
    await bot.press(admin, "Sama untuk semua")
    _intro, preview, confirm = await bot.press(admin, "👥 Semua pelanggan (3)")
    assert preview.text == f"{text}\n\n{FOOTER_ID}"
    # The note says who reads English gets the one text, and the line in their language.
    assert shown(Text.BROADCAST_CONFIRM_NO_ENGLISH, english=1) in confirm.text
    await bot.press(admin, "🚀 Kirim sekarang")
    await wait_delivered(bot.store, 1)
    assert [m.text for m in kevin.messages] == [f"{text}\n\n{FOOTER_EN}"]
    for talent in indonesians:
        assert [m.text for m in talent.messages] == [f"{text}\n\n{FOOTER_ID}"]


async def test_a_text_too_long_with_the_english_unsubscribe_line_is_refused_at_the_preview(
    bot: Harness,
) -> None:
    """The English line is longer than the Indonesian one: a text that fits with the line the
    preview shows, but not with the one English readers get, would fail for each of them."""
    await add_subscribers(bot.store, bot.emulator, 1, language="en")
    admin = _admin(bot)
    room = 4096 - len("\n\n")
    assert len(FOOTER_EN) > len(FOOTER_ID)
    text = "x" * (room - len(FOOTER_ID))  # fits exactly with the Indonesian line
    await _compose_text(bot, admin, text)
    await bot.press(admin, "Sama untuk semua")
    replies = await bot.press(admin, "👥 Semua pelanggan (1)")
    assert any(m.text.startswith("Telegram menolak pesan ini") for m in replies)
    assert not any(m.text.startswith("Penerima:") for m in replies)
    assert await bot.store.broadcasts.active() == []


async def test_english_version_goes_to_english_speaking_subscribers(bot: Harness) -> None:
    indonesians = await add_subscribers(bot.store, bot.emulator, 2, language="id")
    (english_speaker,) = await add_subscribers(bot.store, bot.emulator, 1, language="en")
    admin = _admin(bot)
    await _compose_text(bot, admin, "Pendaftaran dibuka")
    await bot.press(admin, "🇬🇧 Tambah versi Inggris")
    assert admin.last_message.text.startswith("Kirim versi bahasa Inggrisnya")
    await bot.send(admin, "Applications are open")
    assert "Pelanggan aktif saat ini: 3" in admin.last_message.text

    _intro, main, english_intro, english, confirm = await bot.press(admin, "👥 Semua pelanggan (3)")
    assert main.text.startswith("Pendaftaran dibuka")
    assert FOOTER_ID in main.text
    assert english_intro.text.startswith("👀 Versi bahasa Inggris")
    assert english.text.startswith("Applications are open")
    assert FOOTER_EN in english.text
    assert shown(Text.BROADCAST_CONFIRM_SPLIT, main=2, english=1) in confirm.text

    await bot.press(admin, "🚀 Kirim sekarang")
    await wait_delivered(bot.store, 1)
    assert [m.text for m in english_speaker.messages] == [english.text]
    for talent in indonesians:
        assert [m.text for m in talent.messages] == [main.text]


async def test_photo_with_caption_is_broadcast_as_a_photo(bot: Harness) -> None:
    talents = await add_subscribers(bot.store, bot.emulator, 2)
    admin = _admin(bot)
    await bot.send(admin, "/broadcast")
    await bot.act(admin, admin.send_photo, caption="Poster MU:CON")
    await bot.press(admin, "Sama untuk semua")
    _, preview, _ = await bot.press(admin, "👥 Semua pelanggan (2)")
    assert preview.kind == "photo"
    assert preview.photo
    assert preview.text.startswith("Poster MU:CON")
    assert FOOTER_ID in preview.text
    await bot.press(admin, "🚀 Kirim sekarang")
    await wait_delivered(bot.store, 1)
    for talent in talents:
        (message,) = talent.messages
        assert message.kind == "photo"
        assert message.photo == preview.photo
        assert message.text == preview.text
    assert sum(deliveries(bot.emulator, "sendPhoto").values()) == 3  # preview + two talents


async def test_a_draft_survives_a_restart(bot: Harness) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    admin = _admin(bot)
    await _compose_text(bot, admin, "Disimpan di basis data")
    await bot.restart()
    await bot.press(admin, "Sama untuk semua")
    assert "Pelanggan aktif saat ini: 1" in admin.last_message.text
    *_, confirm = await bot.press(admin, "👥 Semua pelanggan (1)")
    assert confirm.text.startswith("Penerima: 1")


async def test_unsupported_content_and_discarding_a_draft(bot: Harness) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    admin = _admin(bot)
    await bot.send(admin, "/broadcast")
    (refusal,) = await bot.act(admin, admin.send_document)
    assert refusal.text.startswith("Aku hanya bisa menyiarkan teks")
    await bot.send(admin, "Halo semua")
    await bot.press(admin, "✖️ Batal")
    assert admin.last_message.text.startswith("Pengumuman dibatalkan")
    assert await bot.store.broadcasts.status(1) == "cancelled"
    # Not composing any more: the admin's text is an ordinary message again.
    (ordinary,) = await bot.send(admin, "Halo lagi")
    assert ordinary.text == shown(Text.ASK_GREETING, first_name=admin.first_name)


async def test_audiences_by_sector_language_province_and_source(
    bot: Harness, content: Content
) -> None:
    store = bot.store
    music = await add_subscribers(store, bot.emulator, 2, language="id")
    film = await add_subscribers(store, bot.emulator, 1, language="en")
    unsorted = await add_subscribers(store, bot.emulator, 1)
    for talent in music:
        await submit_application(store, content, talent.id, sector="music", province="bali")
    await submit_application(store, content, film[0].id, sector="film", province="jawa_barat")
    # The latest application decides: this talent moved from film to music.
    await submit_application(store, content, unsorted[0].id, sector="film", province="aceh")
    await submit_application(store, content, unsorted[0].id, sector="music", province="aceh")
    await store.users.record_source(film[0].id, "instagram")

    async def size(text: str) -> int:
        return await count(store.broadcasts, parse_audience(text, content))

    assert await size("all") == 4
    assert await size("sector=music") == 3
    assert await size("sector=musik") == 3
    assert await size("sector=film") == 1
    assert await size("language=en") == 1
    assert await size("language=id") == 3
    assert await size("province=bali") == 2
    assert await size("province=Jawa Barat") == 1
    assert await size("source=instagram") == 1
    for bad in ("sector=dance", "language=fr", "province=atlantis", "everyone", "source=a b"):
        with pytest.raises(AudienceError):
            parse_audience(bad, content)

    admin = _admin(bot)
    await _compose_text(bot, admin, "Khusus musisi")
    await bot.press(admin, "Sama untuk semua")
    await bot.press(admin, "🎬🎵 Per sektor")
    assert admin.last_message.button_texts[:2] == ["Musik (3)", "Film (1)"]
    *_, confirm = await bot.press(admin, "Musik (3)")
    assert confirm.text.startswith("Penerima: 3 (Musik)")
    await bot.press(admin, "🚀 Kirim sekarang")
    await wait_delivered(store, 1)
    assert deliveries(bot.emulator)[film[0].id] == 0
    assert all(deliveries(bot.emulator)[t.id] == 1 for t in [*music, *unsorted])


async def test_audience_buttons_by_province_language_and_source(
    bot: Harness, content: Content
) -> None:
    talents = await add_subscribers(bot.store, bot.emulator, 2)
    await submit_application(bot.store, content, talents[0].id, province="jawa_barat")
    await bot.store.users.record_source(talents[1].id, "kocca_expo")
    admin = _admin(bot)
    await _compose_text(bot, admin, "Tes")
    await bot.press(admin, "Sama untuk semua")
    await bot.press(admin, "📍 Per provinsi")
    assert admin.last_message.button_texts == ["Jawa Barat (1)", "⬅️ Kembali", "✖️ Batal"]
    await bot.press(admin, "⬅️ Kembali")
    await bot.press(admin, "🔗 Per sumber (tautan)")
    assert admin.last_message.button_texts[0] == "kocca_expo (1)"
    await bot.press(admin, "⬅️ Kembali")
    await bot.press(admin, "🌐 Per bahasa")
    *_, confirm = await bot.press(admin, "🇮🇩 Bahasa Indonesia (2)")
    assert confirm.text.startswith("Penerima: 2 (🇮🇩 Bahasa Indonesia)")


async def test_non_admin_cannot_broadcast(bot: Harness) -> None:
    await add_subscribers(bot.store, bot.emulator, 2)
    admin = _admin(bot)
    await _compose_text(bot, admin, "Rahasia staf")
    await bot.press(admin, "Sama untuk semua")
    *_, confirm = await bot.press(admin, "👥 Semua pelanggan (2)")

    mallory = bot.user(first_name="Mallory")
    (answer,) = await bot.send(mallory, "/broadcast")
    assert answer.text.startswith(shown(Text.UNKNOWN_COMMAND))
    anchor = answer.message_id
    for forged in ("bc:send:1", "bc:new", "bc:stop:1", "bc:aud:1:all"):
        await bot.act(mallory, mallory.press_raw, anchor, forged)
        assert (
            mallory.callback_answers[-1].text
            == "Tombol ini sudah tidak berlaku. Ini menu terbarunya."
        )
    assert await bot.store.broadcasts.status(1) == "composing"
    assert await bot.store.broadcasts.active() == []
    assert confirm.button_texts[0] == "🚀 Kirim sekarang"


async def test_blocked_users_are_marked_and_skipped_next_time(bot: Harness) -> None:
    store, emulator = bot.store, bot.emulator
    fine, blocker, gone = await add_subscribers(store, emulator, 3)
    ghost = 777_777  # stored, but a chat Telegram does not know: 400 chat not found
    async with store.db.transaction() as tx:
        await Users.upsert(tx, Profile(ghost, "Ghost", None, None, "id"), "id")
        await Broadcasts.set_subscription_in(tx, ghost, True, "test", "id")
    await bot.send(blocker, "/start")
    await bot.settle(blocker.block())  # the bot hears of it: never queued
    gone.deactivate()  # the bot hears nothing: Telegram answers 403

    first, recipients = await queue_text(store, "Pengumuman pertama")
    assert recipients == 3
    tally = await wait_delivered(store, first)
    assert (tally.sent, tally.blocked) == (1, 2)
    for user_id in (gone.id, ghost):
        user = await store.users.get(user_id)
        assert user is not None
        assert user.blocked
    blocked = await store.users.get(blocker.id)
    assert blocked is not None
    assert blocked.blocked

    second, recipients = await queue_text(store, "Pengumuman kedua")
    assert recipients == 1
    await wait_delivered(store, second)
    assert [m.text.split("\n")[0] for m in fine.messages] == [
        "Pengumuman pertama",
        "Pengumuman kedua",
    ]
    calls = [int(call.params["chat_id"]) for call in emulator.calls_to("sendMessage")]
    assert calls.count(gone.id) == 1
    assert calls.count(ghost) == 1
    assert calls.count(blocker.id) == 1  # only the reply to /start, before blocking


async def test_flood_control_makes_that_recipient_wait_and_succeed(bot: Harness) -> None:
    talents = await add_subscribers(bot.store, bot.emulator, 3)
    victim = talents[1]
    bot.emulator.fail_next("sendMessage", status=429, retry_after=1, chat_id=victim.id)
    broadcast_id, _ = await queue_text(bot.store, "Info MU:CON")
    tally = await wait_delivered(bot.store, broadcast_id)
    assert tally.sent == 3
    to_victim = [
        c for c in bot.emulator.calls_to("sendMessage") if c.params["chat_id"] == victim.id
    ]
    assert [call.status for call in to_victim] == [429, 200]
    assert to_victim[1].at - to_victim[0].at >= 1.0  # waited for retry_after before retrying
    attempts = await bot.store.db.fetch_value(
        "SELECT attempts FROM broadcast_recipients WHERE user_id = ?", (victim.id,)
    )
    assert attempts == 2
    assert len(victim.messages) == 1


async def test_server_errors_are_retried_a_bounded_number_of_times(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker, "BACKOFF_SECONDS", 0.01)
    monkeypatch.setattr(retrying, "BASE_DELAY", 0.01)
    lucky, unlucky = await add_subscribers(bot.store, bot.emulator, 2)
    bot.emulator.fail_next("sendMessage", status=502, chat_id=lucky.id)
    bot.emulator.fail_next("sendMessage", status=500, times=100, chat_id=unlucky.id)
    broadcast_id, _ = await queue_text(bot.store, "Info")
    tally = await wait_delivered(bot.store, broadcast_id)
    assert (tally.sent, tally.failed) == (1, 1)
    rows = await bot.store.db.fetch_all(
        "SELECT user_id, status, attempts FROM broadcast_recipients ORDER BY user_id"
    )
    # A brief 5xx is absorbed by the HTTP layer's own retries within the first attempt;
    # a lasting one fails after 3 worker attempts of 4 HTTP tries each, then stops.
    assert [tuple(row) for row in rows] == [(lucky.id, "sent", 1), (unlucky.id, "failed", 3)]
    unlucky_calls = [
        call
        for call in bot.emulator.calls_to("sendMessage")
        if call.params.get("chat_id") == unlucky.id
    ]
    assert len(unlucky_calls) == 12
    assert len(lucky.messages) == 1
    assert unlucky.messages == []


async def test_restart_in_the_middle_resumes_without_duplicates_or_gaps(make_bot: Any) -> None:
    bot: Harness = await make_bot(broadcast_rate=25.0)
    talents = await add_subscribers(bot.store, bot.emulator, 60)
    broadcast_id, _ = await queue_text(bot.store, "Sekali saja")

    async def some_sent() -> bool:
        return sum(deliveries(bot.emulator).values()) >= 10

    await wait_until(some_sent)
    await bot.stop()  # cancels the worker while requests are in flight
    before = deliveries(bot.emulator)
    assert 10 <= sum(before.values()) < 60

    await bot.start()  # a new Application on the same database file
    tally = await wait_delivered(bot.store, broadcast_id)
    assert tally.sent == 60
    after = deliveries(bot.emulator)
    assert {talent.id: after[talent.id] for talent in talents} == {t.id: 1 for t in talents}


async def test_a_recipient_caught_mid_request_is_the_only_one_sent_again(make_bot: Any) -> None:
    """A crash between 'sending' and 'sent': that recipient is sent again, nobody is skipped."""
    bot: Harness = await make_bot()
    talents = await add_subscribers(bot.store, bot.emulator, 3)
    await bot.stop()
    from bot.store import Store

    store = await Store.open(bot.database)
    broadcast_id, _ = await queue_text(store, "Tetap sampai")
    await store.broadcasts.mark_started(broadcast_id)
    await store.broadcasts.mark_sending(broadcast_id, talents[0].id)  # the process died here
    await store.close()

    await bot.start()
    tally = await wait_delivered(bot.store, broadcast_id)
    assert tally.sent == 3
    assert all(len(talent.messages) == 1 for talent in talents)


async def test_scheduled_broadcast_goes_out_at_its_time_not_before(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker's clock is the test's: an hour passes when the test says so.
    clock = [datetime.now(UTC)]
    monkeypatch.setattr(worker, "utc_now", lambda: clock[0].isoformat(timespec="microseconds"))
    looked, delivered_at = asyncio.Event(), []
    due = bot.store.broadcasts.due

    async def watched_due(now: str) -> Any:
        found = await due(now)
        if found is not None:
            delivered_at.append(now)
        looked.set()
        return found

    monkeypatch.setattr(bot.store.broadcasts, "due", watched_due)
    (talent,) = await add_subscribers(bot.store, bot.emulator, 1)
    send_at = (clock[0] + timedelta(hours=1)).isoformat(timespec="microseconds")
    broadcast_id, _ = await queue_text(bot.store, "Nanti", send_at=send_at, report_chat_id=ADMIN_ID)

    admin = _admin(bot)
    (listing,) = await bot.send(admin, "/broadcast")
    when = wib_words(CONTENT, send_at, "id")  # 4 Desember 2026, 09.00
    assert f"#{broadcast_id} — terjadwal {when} WIB, 1 penerima" in listing.text
    assert listing.button_texts == [
        f"👁 Lihat #{broadcast_id}",
        f"✖️ Batalkan #{broadcast_id}",
        "✏️ Pengumuman baru",
    ]
    for _ in range(2):  # the worker has looked for due broadcasts since it was queued
        looked.clear()
        await asyncio.wait_for(looked.wait(), SETTLE_TIMEOUT)
    assert talent.messages == []
    assert await bot.store.broadcasts.status(broadcast_id) == "queued"

    clock[0] += timedelta(hours=1)
    await wait_delivered(bot.store, broadcast_id)
    assert delivered_at and min(delivered_at) >= send_at  # taken up only once it was due
    assert [m.text.split("\n")[0] for m in talent.messages] == ["Nanti"]


async def test_schedule_in_chat_then_cancel_it(bot: Harness) -> None:
    (talent,) = await add_subscribers(bot.store, bot.emulator, 1)
    admin = _admin(bot)
    await _compose_text(bot, admin, "Untuk besok")
    await bot.press(admin, "Sama untuk semua")
    await bot.press(admin, "👥 Semua pelanggan (1)")
    await bot.press(admin, "🕘 Jadwalkan")
    assert admin.last_message.text.startswith("Kapan dikirim?")
    (bad,) = await bot.send(admin, "besok pagi")
    assert bad.text.startswith("Formatnya belum pas")
    (past,) = await bot.send(admin, "2020-01-01 09:00")
    assert past.text.startswith("Waktu itu sudah lewat")
    day = (datetime.now(WIB) + timedelta(days=1)).date()
    # Typed the way the bot writes it back: the day first, 09.00 as EYD writes times.
    tomorrow = day.strftime("%d-%m-%Y") + " 09.00"
    (scheduled,) = await bot.send(admin, tomorrow)
    when = f"{CONTENT.date_text(day, 'id')}, 09.00"  # as EYD writes it
    assert scheduled.text.startswith(f"🕘 Pengumuman #1 dijadwalkan {when} WIB untuk 1")
    stored = await bot.store.broadcasts.get(1)
    assert stored is not None
    assert stored.send_at == parse_wib(tomorrow) == parse_wib(day.isoformat() + " 09:00")
    assert stored.send_at is not None
    assert stored.send_at.endswith("02:00:00.000000+00:00")

    (listing,) = await bot.send(admin, "/broadcast")
    assert "#1 — terjadwal" in listing.text
    await bot.press(admin, "✖️ Batalkan #1")
    assert await bot.store.broadcasts.status(1) == "queued"  # asked first
    await bot.press(admin, "✖️ Ya, batalkan")
    assert admin.last_message.text.startswith("⏹ Pengumuman #1 dibatalkan")
    assert await bot.store.broadcasts.status(1) == "cancelled"
    await bot.act(admin, admin.press_raw, listing.message_id, "bc:stop:1")  # pressed again
    assert admin.last_message.text.startswith("Pengumuman #1 sudah selesai atau sudah dibatalkan")
    recorded = await bot.store.db.fetch_all(
        "SELECT actor_id, via, action, detail FROM audit_log WHERE action LIKE 'broadcast_%'"
        " ORDER BY id"
    )
    assert [(r["actor_id"], r["via"], r["action"]) for r in recorded] == [
        (ADMIN_ID, "telegram", "broadcast_queued"),
        (ADMIN_ID, "telegram", "broadcast_cancelled"),  # once: the second press changed nothing
    ]
    assert '"broadcast": 1' in recorded[1]["detail"]
    # With nothing running, /broadcast goes straight to a new announcement.
    (ask,) = await bot.send(admin, "/broadcast")
    assert ask.text.startswith("📣 Pengumuman baru")
    assert talent.messages == []


async def test_cancel_a_running_broadcast(make_bot: Any, staff_chat: Any) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), broadcast_rate=10.0)
    talents = await add_subscribers(bot.store, bot.emulator, 40)
    # Telegram stalls on every talent after the third until the test lets it go: the
    # broadcast is surely still running when the admin cancels it, however slow the machine.
    stalls = [bot.emulator.hold("sendMessage", chat_id=t.id, times=10) for t in talents[3:]]
    broadcast_id, _ = await queue_text(bot.store, "Dihentikan", report_chat_id=ADMIN_ID)

    async def some_sent() -> bool:
        return (await bot.store.broadcasts.tally(broadcast_id)).sent >= 3

    await wait_until(some_sent)
    admin = _admin(bot)
    (listing,) = await bot.send(admin, "/broadcast")
    assert f"#{broadcast_id} — sedang dikirim" in listing.text
    await bot.press(admin, f"✖️ Batalkan #{broadcast_id}")
    await bot.press(admin, "✖️ Ya, batalkan")
    for stall in stalls:
        stall.release()
    tally = await wait_delivered(bot.store, broadcast_id)
    assert await bot.store.broadcasts.status(broadcast_id) == "cancelled"
    assert tally.remaining > 0
    report = admin.last_message.text
    assert report.startswith(f"⏹ Pengumuman #{broadcast_id} dibatalkan")
    assert f"Tidak dikirim: {tally.remaining}" in report
    sent = deliveries(bot.emulator)
    assert sum(sent[talent.id] for talent in talents) == tally.sent  # nothing went out after


async def test_cli_queues_a_broadcast_the_running_bot_delivers(
    bot: Harness, tmp_path: Path
) -> None:
    english = await add_subscribers(bot.store, bot.emulator, 2, language="en")
    indonesians = await add_subscribers(bot.store, bot.emulator, 1, language="id")
    text = tmp_path / "announcement.html"
    text.write_text("<b>MU:CON</b> open call &amp; showcase", encoding="utf-8")
    env = {"DATABASE_PATH": str(bot.database), "STAFF_CHAT_ID": str(STAFF_CHAT_ID)}

    async def kocca_bot(*args: str, answer: bytes = b"") -> tuple[int, str, str]:
        return await _kocca_bot(tmp_path, "broadcast", *args, stdin=answer, **env)

    # Refused before the database is opened: in this process, the bot's loop paused meanwhile
    # (nothing waits for its write lock).
    code, out, err = _kocca_bot_here(
        tmp_path, "broadcast", "--text-file", str(text), "--audience", "mars=1", stdin=b"", **env
    )
    assert code == 2
    assert "unknown audience" in err
    code, out, _ = await kocca_bot("--text-file", str(text), answer=b"n\n")
    assert code == 1
    assert "3 subscribers would receive" in out
    assert "Not queued." in out
    code, out, err = await kocca_bot("--text-file", str(text))  # from cron: nobody answers
    assert code == 2 and "Traceback" not in err
    assert "Add --yes to queue without asking." in err
    assert await bot.store.broadcasts.active() == []

    code, out, err = await kocca_bot("--text-file", str(text), "--audience", "language=en", "--yes")
    assert code == 0, err
    assert "2 subscribers would receive this announcement (language 🇬🇧 English)" in out
    assert "Queued announcement #1 for 2 recipients" in out
    # The test's bot runs in this process, without the run lock of `kocca-bot run`.
    assert "No bot is running on this database: it goes out once the bot starts." in out
    await wait_delivered(bot.store, 1)
    for talent in english:
        (message,) = talent.messages
        assert message.html is not None
        assert message.html.startswith("<b>MU:CON</b> open call &amp; showcase")
    assert indonesians[0].messages == []
    assert any(
        m.text.startswith("✅ Pengumuman #1 selesai")
        for m in bot.emulator.groups[STAFF_CHAT_ID].messages
    )


async def test_cli_refuses_a_text_telegram_would_refuse_and_queues_nothing(
    bot: Harness, tmp_path: Path
) -> None:
    """A bare "<" ("<3", "<5jt") would make every recipient's send fail with HTTP 400."""
    await add_subscribers(bot.store, bot.emulator, 2)
    text = tmp_path / "announcement.html"
    text.write_text("<b>Open call</b> untuk band <3 orang, honor <5jt", encoding="utf-8")
    env = {"DATABASE_PATH": str(bot.database), "STAFF_CHAT_ID": str(STAFF_CHAT_ID)}
    # Refused before the database is opened: in this process, the bot's loop paused meanwhile.
    code, out, err = _kocca_bot_here(
        tmp_path, "broadcast", "--text-file", str(text), "--yes", stdin=b"", **env
    )
    assert code != 0 and "Queued" not in out
    [line] = err.strip().splitlines()
    assert f"{text}: Telegram would refuse '<3 orang, honor '" in line
    assert "write < as &lt;" in line
    assert await bot.store.broadcasts.active() == []
    assert await bot.store.broadcasts.status(1) is None


async def test_talents_get_answers_while_a_broadcast_runs_at_full_speed(bot: Harness) -> None:
    """150 subscribers at Telegram's limit (~6 s): replies are not stuck behind it.

    Five times what Telegram takes in a second, so the pace is held over several of its
    one-second windows, with a reply in the middle (300, ~12 s, proved no more)."""
    bot.emulator.set_rate_limits(global_per_second=30)
    await bot.send(_admin(bot), "/start")  # progress reports go to the admin's chat
    talents = await add_subscribers(bot.store, bot.emulator, 150)
    broadcast_id, _ = await queue_text(bot.store, "Untuk semua", report_chat_id=ADMIN_ID)
    blockers, talents = talents[60:65], talents[:60] + talents[65:]

    async def under_way() -> bool:
        return (await bot.store.broadcasts.tally(broadcast_id)).sent >= 30

    await wait_until(under_way)
    # Five block the bot while it runs, before their turn: Telegram answers 403 (or, had the
    # worker heard of the block before reaching them, they are skipped). They get nothing.
    for blocker in blockers:
        blocker.block()
    sari = bot.user(first_name="Sari")
    (greeting,) = await bot.send(sari, "/start")
    assert greeting.text.startswith("Halo, Sari!")
    assert (await bot.store.broadcasts.tally(broadcast_id)).remaining > 0  # answered mid-way

    tally = await wait_delivered(bot.store, broadcast_id)
    assert tally.sent == 145
    assert tally.blocked + tally.skipped == 5
    sent = deliveries(bot.emulator)
    assert all(sent[talent.id] == 1 for talent in talents)
    assert all(sent[blocker.id] == 0 for blocker in blockers)
    for blocker in blockers:
        user = await bot.store.users.get(blocker.id)
        assert user is not None
        assert user.blocked
    assert bot.emulator.rate_limited_count == 0
    edits = [c for c in bot.emulator.calls_to("editMessageText") if c.params["chat_id"] == ADMIN_ID]
    assert edits, "the progress message is edited while the broadcast runs"
    assert _admin(bot).last_message.text.startswith(f"✅ Pengumuman #{broadcast_id} selesai")


async def _to_the_time(bot: Harness, admin: EmulatedUser, text: str) -> list[Any]:
    """A new announcement to every subscriber, up to "Kapan dikirim?" (past those listed)."""
    await bot.send(admin, "/broadcast")
    if admin.last_message.button_texts[-1] == "✏️ Pengumuman baru":
        await bot.press(admin, "✏️ Pengumuman baru")
    await bot.act(admin, bot.emulator.user_message, admin, admin, text=text)
    await bot.press(admin, "Sama untuk semua")
    await bot.press(admin, "👥 Semua pelanggan (1)")
    return await bot.press(admin, "🕘 Jadwalkan")


async def test_staff_schedule_with_besok_jam_9_pagi_or_day_and_month_and_hear_it_back(
    bot: Harness,
) -> None:
    # A staff review s61 (L3): "besok jam 9 pagi" and "8/12 09:00" were refused.
    (talent,) = await add_subscribers(bot.store, bot.emulator, 1)
    admin = _admin(bot)
    for number, typed, day, clock in (
        (1, "besok jam 9 pagi", 1, "09.00"),
        (2, "{d}/{m} 14.30", 3, "14.30"),
        (3, "Lusa, jam 7 malam", 2, "19.00"),
        # The final review s61, L2: the part of the day first; a dotted day, a full stop.
        (4, "besok pagi jam 9", 1, "09.00"),
        (5, "{d}.{m} 16.00.", 3, "16.00"),
    ):
        (ask,) = await _to_the_time(bot, admin, f"Pengumuman {number}")
        assert "besok jam 9 pagi" in ask.text  # the forms it takes, said
        when = (datetime.now(WIB) + timedelta(days=day)).date()
        (scheduled,) = await bot.send(admin, typed.format(d=when.day, m=when.month))
        # Said back in full, so a misread shows before anything is sent.
        said = f"{CONTENT.date_text(when, 'id')}, {clock}"
        assert scheduled.text.startswith(f"🕘 Pengumuman #{number} dijadwalkan {said} WIB")
        stored = await bot.store.broadcasts.get(number)
        assert stored is not None and stored.send_at is not None
        assert format_wib(stored.send_at) == f"{when.isoformat()} {clock.replace('.', ':')}"
    # A time already past today: refused, kindly, saying which time it read.
    await _to_the_time(bot, admin, "Terlambat")
    (past,) = await bot.send(admin, "hari ini jam 00.00")
    today = CONTENT.date_text(datetime.now(WIB).date(), "id")
    assert past.text.startswith(f"Waktu itu sudah lewat: {today}, 00.00 WIB.")
    (unclear,) = await bot.send(admin, "besok jam 2 malam")  # 02.00 or 14.00: not guessed
    assert unclear.text.startswith("Formatnya belum pas")
    assert await bot.store.broadcasts.status(6) == "composing"  # nothing scheduled
    assert talent.messages == []


def test_wib_times_round_trip() -> None:
    stored = parse_wib("2026-12-01 09:00")
    assert stored == "2026-12-01T02:00:00.000000+00:00"
    assert format_wib(stored) == "2026-12-01 09:00"
    assert parse_wib("01-12-2026 09.00") == stored  # the day first, as Indonesians write it


@pytest.mark.parametrize("stop", ["/berhenti", "/hapusdata"])
async def test_an_announcement_refused_with_429_is_not_sent_after_the_talent_stopped(
    bot: Harness, stop: str
) -> None:
    """Telegram answers 429 only once the talent has unsubscribed or erased their data: the
    announcement, not sent yet, must not go after the wait."""
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/start")
    await bot.send(sari, "/langganan")
    text = "Info program: pendaftaran MU:CON dibuka"
    refused = bot.emulator.hold(
        "sendMessage", chat_id=sari.id, containing=text, times=10, status=429
    )
    broadcast, _ = await queue_text(bot.store, text)
    await asyncio.wait_for(refused.arrived.wait(), SETTLE_TIMEOUT)
    await bot.send(sari, stop)
    if stop == "/hapusdata":
        await bot.press(sari, "🗑 Ya, hapus semuanya")
    refused.release()
    tally = await wait_delivered(bot.store, broadcast)
    assert [m.text for m in sari.messages if text in m.text] == []
    assert tally.sent == 0
