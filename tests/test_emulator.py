"""The Bot API emulator, driven by a real python-telegram-bot Bot as the bot would use it."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    MessageEntity,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)

from bot.emulator import BotAPIEmulator, EmulatedUser, EmulatorEvent

TOKEN = "123456:TEST-TOKEN"


@pytest.fixture(autouse=True)
def _timedelta_durations(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without it PTB warns while building RetryAfter, and warnings are errors here.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
async def emulator() -> AsyncIterator[BotAPIEmulator]:
    emu = BotAPIEmulator()
    yield emu
    await emu.aclose()
    assert emu.internal_errors == []


@pytest.fixture
async def bot(emulator: BotAPIEmulator) -> AsyncIterator[Bot]:
    tg = Bot(TOKEN, request=emulator.request(), get_updates_request=emulator.request())
    async with tg:
        yield tg


def keyboard(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d)] for t, d in pairs])


async def started_user(emulator: BotAPIEmulator, bot: Bot, **kwargs: Any) -> EmulatedUser:
    """A user who has written /start, with that update already consumed."""
    user = emulator.user(**kwargs)
    user.send("/start")
    updates = await bot.get_updates()
    await bot.get_updates(offset=updates[-1].update_id + 1)
    return user


async def test_user_text_arrives_and_offset_confirms(emulator: BotAPIEmulator, bot: Bot) -> None:
    user = emulator.user(first_name="Sari", username="sari_music")
    user.send("/start@kocca_talent_bot promo")
    user.send("halo")
    updates = await bot.get_updates()
    assert [u.message.text for u in updates if u.message] == [
        "/start@kocca_talent_bot promo",
        "halo",
    ]
    first = updates[0].message
    assert first is not None
    assert first.from_user is not None
    assert first.chat.type == "private"
    assert first.chat.id == user.id == 1001
    assert first.from_user.username == "sari_music"
    assert first.entities == (MessageEntity("bot_command", 0, len("/start@kocca_talent_bot")),)
    assert emulator.pending_updates == 2

    again = await bot.get_updates(offset=updates[0].update_id + 1)
    assert [u.update_id for u in again] == [updates[1].update_id]
    assert emulator.acknowledged_up_to == updates[0].update_id
    assert await bot.get_updates(offset=updates[1].update_id + 1) == ()
    assert emulator.pending_updates == 0
    await emulator.wait_until_fetched(timeout=0.1)


async def test_keyboard_press_and_callback_answer(emulator: BotAPIEmulator, bot: Bot) -> None:
    user = await started_user(emulator, bot)
    sent = await bot.send_message(
        user.id,
        "<b>Halo</b> &amp; <i>selamat</i> datang",
        parse_mode="HTML",
        reply_markup=keyboard(("Musik", "track:music"), ("Film", "track:film")),
    )
    assert sent.text == "Halo & selamat datang"
    assert [e.type for e in sent.entities] == ["bold", "italic"]
    seen = user.last_message
    assert seen.text == "Halo & selamat datang"
    assert seen.html == "<b>Halo</b> &amp; <i>selamat</i> datang"
    assert seen.button_texts == ["Musik", "Film"]
    assert seen.buttons[1][0].callback_data == "track:film"

    user.press("Film")
    (update,) = await bot.get_updates()
    query = update.callback_query
    assert query is not None
    assert query.data == "track:film"
    assert query.from_user.id == user.id
    assert isinstance(query.message, Message)
    assert query.message.message_id == sent.message_id
    assert await query.answer("Pilihan disimpan", show_alert=True)
    assert user.callback_answers[-1].text == "Pilihan disimpan"
    assert user.callback_answers[-1].show_alert
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await query.answer()
    with pytest.raises(AssertionError, match=r"(?i)Musik"):
        user.press("Teater")


async def test_edit_and_delete_change_what_the_user_sees(
    emulator: BotAPIEmulator, bot: Bot
) -> None:
    user = await started_user(emulator, bot)
    events: list[EmulatorEvent] = []
    unsubscribe = emulator.subscribe(events.append)
    sent = await bot.send_message(user.id, "Langkah 1", reply_markup=keyboard(("Lanjut", "n")))
    mark = user.mark()
    await sent.edit_text("Langkah 2", reply_markup=keyboard(("Lanjut", "n")))
    assert user.last_text == "Langkah 2"
    assert user.last_message.edited
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await sent.edit_text("Langkah 2", reply_markup=keyboard(("Lanjut", "n")))
    await sent.edit_text("Langkah 2")  # dropping the keyboard is a change
    assert user.last_message.buttons == []
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=user.id, message_id=999)
    assert [m.text for m in user.messages_since(mark)] == ["Langkah 2"]
    await sent.delete()
    assert user.messages == []
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await sent.delete()
    unsubscribe()
    assert [e.kind for e in events] == ["message", "edit", "edit", "delete"]


async def test_a_reaction_on_a_users_message_is_shown_and_checked_as_telegram_does(
    emulator: BotAPIEmulator, bot: Bot
) -> None:
    user = await started_user(emulator, bot)
    events: list[EmulatorEvent] = []
    unsubscribe = emulator.subscribe(events.append)
    message_id = user.send("tolong diteruskan ya")["message"]["message_id"]
    assert await bot.set_message_reaction(user.id, message_id, "👌")
    assert user.reaction_on(message_id) == "👌"
    # Telegram's own list of reactions only, one at a time for a bot.
    with pytest.raises(BadRequest, match=r"(?i)reaction_invalid"):
        await bot.set_message_reaction(user.id, message_id, "✅")
    with pytest.raises(BadRequest, match=r"(?i)reactions_too_many"):
        await bot.set_message_reaction(user.id, message_id, ["👌", "👍"])
    with pytest.raises(BadRequest, match=r"(?i)message to react not found"):
        await bot.set_message_reaction(user.id, 999, "👌")
    assert user.reaction_on(message_id) == "👌"  # a refused one changes nothing
    await bot.set_message_reaction(user.id, message_id)  # none: taken off
    assert user.reaction_on(message_id) is None
    unsubscribe()
    reactions = [(e.kind, e.message_id, e.reaction) for e in events if e.kind == "reaction"]
    assert reactions == [("reaction", message_id, "👌"), ("reaction", message_id, "")]


async def test_html_validation_and_length_limits(emulator: BotAPIEmulator, bot: Bot) -> None:
    user = await started_user(emulator, bot)
    for bad in ("<b>unclosed", "<b>x</i>", "<foo>x</foo>", "a < b"):
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
            await bot.send_message(user.id, bad, parse_mode="HTML")
    html = (
        '<a href="https://kocca.kr">KOCCA</a> <tg-spoiler>s</tg-spoiler> '
        '<span class="tg-spoiler">t</span> <blockquote expandable>q</blockquote> '
        '<pre><code class="language-python">x = 1</code></pre> &lt;3 &quot;ok&quot;'
    )
    sent = await bot.send_message(user.id, html, parse_mode="HTML")
    assert sent.text == 'KOCCA s t q x = 1 <3 "ok"'
    types = [(e.type, e.url or e.language) for e in sent.entities]
    assert types == [
        ("text_link", "https://kocca.kr/"),
        ("spoiler", None),
        ("spoiler", None),
        ("expandable_blockquote", None),
        ("pre", "python"),
    ]
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(user.id, "  ")
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(user.id, "x" * 4097)
    await bot.send_message(user.id, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(user.id, "hi", reply_markup=keyboard(("A", "d" * 65)))
    with pytest.raises(BadRequest, match=r"(?i)message caption is too long"):
        await bot.send_photo(user.id, b"\xff\xd8jpeg", caption="c" * 1025)


async def test_blocked_deactivated_and_unknown_chats(emulator: BotAPIEmulator, bot: Bot) -> None:
    user = await started_user(emulator, bot)
    user.block()
    (update,) = await bot.get_updates()
    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "kicked"
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_message(user.id, "hi")
    user.unblock()
    await bot.send_message(user.id, "welcome back")
    user.deactivate()
    with pytest.raises(Forbidden, match=r"(?i)user is deactivated"):
        await bot.send_message(user.id, "hi")
    stranger = emulator.user()
    with pytest.raises(Forbidden, match=r"(?i)can't initiate conversation"):
        await bot.send_message(stranger.id, "hi")
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(424242, "hi")
    wrong = Bot("999:WRONG", request=emulator.request())
    with pytest.raises(InvalidToken):
        await wrong.get_me()


async def test_injected_failures_map_to_ptb_exceptions(emulator: BotAPIEmulator, bot: Bot) -> None:
    user = await started_user(emulator, bot)
    emulator.fail_next("sendMessage", status=429, retry_after=7)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(user.id, "hi")
    assert caught.value.retry_after == dtm.timedelta(seconds=7)
    emulator.fail_next("sendMessage")
    with pytest.raises(NetworkError, match=r"(?i)Internal Server Error"):
        await bot.send_message(user.id, "hi")
    assert [c.status for c in emulator.calls_to("sendMessage")] == [429, 500]
    assert user.messages == []

    emulator.delay("sendMessage", 0.2, times=1)
    with pytest.raises(TimedOut):
        await bot.send_message(user.id, "slow", read_timeout=0.05)
    assert user.messages == []
    emulator.delay("sendMessage", 0.2, times=1, effect_first=True)
    with pytest.raises(TimedOut):
        await bot.send_message(user.id, "slow but delivered", read_timeout=0.05)
    assert user.last_text == "slow but delivered"
    await bot.send_message(user.id, "fast again")


async def test_unknown_method_fails_loudly(emulator: BotAPIEmulator, bot: Bot) -> None:
    with pytest.raises(InvalidToken, match=r"(?i)not emulated"):
        await bot.send_dice(1001)
    assert [c.method for c in emulator.unknown_calls] == ["sendDice"]
    assert emulator.unknown_calls[0].status == 404


async def test_global_rate_limit(emulator: BotAPIEmulator, bot: Bot) -> None:
    users = [emulator.user() for _ in range(31)]
    for user in users:
        user.send("/start")
    emulator.set_rate_limits(global_per_second=30)
    emulator.clock = lambda: 1000.0  # every send falls in the same second, however slow the run
    results = await asyncio.gather(
        *(bot.send_message(u.id, "Pengumuman") for u in users), return_exceptions=True
    )
    assert sum(isinstance(r, Message) for r in results) == 30
    limited = [r for r in results if isinstance(r, RetryAfter)]
    assert len(limited) == 1
    assert limited[0].retry_after == dtm.timedelta(seconds=1)
    assert emulator.rate_limited_count == 1
    assert sum(len(u.messages) for u in users) == 30


async def test_per_chat_limit(emulator: BotAPIEmulator, bot: Bot) -> None:
    user = await started_user(emulator, bot)
    emulator.set_rate_limits(per_chat_per_second=1)
    await bot.send_message(user.id, "one")
    with pytest.raises(RetryAfter):
        await bot.send_message(user.id, "two")


async def test_documents_and_files(emulator: BotAPIEmulator, bot: Bot) -> None:
    user = await started_user(emulator, bot)
    sent = await bot.send_document(user.id, b"Nama,Email\n", filename="leads.csv", caption="Ekspor")
    assert user.last_message.document == ("leads.csv", b"Nama,Email\n", "text/csv")
    assert user.last_message.text == "Ekspor"
    assert user.last_message.kind == "document"
    assert sent.document is not None
    file = await bot.get_file(sent.document.file_id)
    assert bytes(await file.download_as_bytearray()) == b"Nama,Email\n"

    user.send_document("cv.pdf", b"%PDF-1.4 cv", caption="CV saya")
    (update,) = await bot.get_updates()
    assert update.message is not None
    assert update.message.document is not None
    incoming = await update.message.document.get_file()
    assert bytes(await incoming.download_as_bytearray()) == b"%PDF-1.4 cv"
    await bot.send_document(user.id, update.message.document.file_id)
    assert user.last_message.document == ("cv.pdf", b"%PDF-1.4 cv", "application/pdf")


async def test_copy_user_photo_into_staff_group(emulator: BotAPIEmulator, bot: Bot) -> None:
    user = await started_user(emulator, bot)
    staff = emulator.user(first_name="Budi")
    group = emulator.group(title="Staff")
    emulator.add_bot_to_group(group, by=staff)
    updates = await bot.get_updates(allowed_updates=Update.ALL_TYPES)
    assert updates[0].my_chat_member is not None
    assert updates[0].my_chat_member.new_chat_member.status == "member"
    assert updates[1].message is not None
    assert updates[1].message.new_chat_members
    user.send_photo(caption="Portofolio", content=b"\xff\xd8photo-bytes")
    update = (await bot.get_updates(offset=updates[-1].update_id + 1))[-1]
    assert update.message is not None
    assert update.message.photo
    copied = await bot.copy_message(group.id, user.id, update.message.message_id)
    seen = group.last_message
    assert seen.message_id == copied.message_id
    assert seen.kind == "photo"
    assert seen.photo == b"\xff\xd8photo-bytes"
    assert seen.text == "Portofolio"
    forwarded = await bot.forward_message(group.id, user.id, update.message.message_id)
    assert forwarded.forward_origin is not None
    with pytest.raises(Forbidden, match=r"(?i)not a member"):
        await bot.send_message(emulator.group().id, "hi")


async def test_forum_topics(emulator: BotAPIEmulator, bot: Bot) -> None:
    staff = emulator.user(first_name="Budi")
    forum = emulator.group(title="Desk", forum=True)
    emulator.add_bot_to_group(forum, by=staff, admin=True)
    topic = await bot.create_forum_topic(forum.id, "Lead #1")
    await bot.send_message(forum.id, "Lead baru", message_thread_id=topic.message_thread_id)
    assert [m.text for m in forum.thread_messages(topic.message_thread_id)] == ["Lead baru"]
    staff.send("balas", chat=forum, thread_id=topic.message_thread_id)
    message = (await bot.get_updates())[-1].message
    assert message is not None
    assert message.is_topic_message
    assert message.message_thread_id == topic.message_thread_id
    with pytest.raises(BadRequest, match=r"(?i)message thread not found"):
        await bot.send_message(forum.id, "x", message_thread_id=9999)


async def test_commands_menu_and_chat_info(emulator: BotAPIEmulator, bot: Bot) -> None:
    await bot.set_my_commands([BotCommand("start", "Mulai")])
    await bot.set_my_commands([BotCommand("start", "Start")], language_code="en")
    assert [c.description for c in await bot.get_my_commands(language_code="en")] == ["Start"]
    assert emulator.commands_for() == [{"command": "start", "description": "Mulai"}]
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand("Start", "x")])
    await bot.delete_my_commands(language_code="en")
    assert emulator.commands_for(language_code="en") == []
    assert await bot.set_chat_menu_button()
    user = emulator.user()
    chat = await bot.get_chat(user.id)
    assert chat.first_name == "Sari"
    assert chat.type == "private"
    me = await bot.get_me()
    assert me.username == "kocca_talent_bot"


async def test_long_poll_returns_when_an_update_arrives(emulator: BotAPIEmulator, bot: Bot) -> None:
    user = emulator.user()
    # A long poll of a minute, held open by the emulator until something arrives.
    poll = asyncio.create_task(bot.get_updates(timeout=60, read_timeout=90))
    await emulator.updates.wait_changed(10)  # the poll has reached the emulator
    assert not poll.done()
    user.send("halo")
    updates = await asyncio.wait_for(poll, 30)  # far less than the poll's own minute
    assert [update.message.text for update in updates if update.message] == ["halo"]
    await emulator.wait_until_fetched(timeout=0.1)


async def test_raw_updates_and_allowed_updates(emulator: BotAPIEmulator, bot: Bot) -> None:
    raw = emulator.inject_raw_update({"message": {"garbage": True}})
    assert raw["update_id"] == 1
    assert (await bot.get_updates(offset=2)) == ()
    await bot.get_updates(allowed_updates=["callback_query"])
    emulator.user().send("filtered out")
    assert emulator.pending_updates == 0


async def test_webhook_delivery_and_conflict(emulator: BotAPIEmulator, bot: Bot) -> None:
    received: list[tuple[str | None, dict[str, Any]]] = []
    statuses = [500, 200]

    async def hook(request: web.Request) -> web.Response:
        received.append(
            (request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json())
        )
        return web.Response(status=statuses.pop(0) if statuses else 200)

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        await bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token="s3cret")
        with pytest.raises(Conflict):
            await bot.get_updates()
        emulator.user().send("via webhook")
        await emulator.wait_until_fetched(timeout=3)
        assert [r[0] for r in received] == ["s3cret", "s3cret"]
        assert received[-1][1]["message"]["text"] == "via webhook"
        info = await bot.get_webhook_info()
        assert (
            info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"
        )
        assert info.pending_update_count == 0
        await bot.delete_webhook()
    finally:
        await runner.cleanup()


async def test_application_end_to_end(emulator: BotAPIEmulator) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(
            "Pilih bidang:", reply_markup=keyboard(("Musik", "music"))
        )

    async def chosen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("Oke")
        await query.edit_message_text(f"Bidang: {query.data}")

    app = (
        Application.builder()
        .token(TOKEN)
        .request(emulator.request())
        .get_updates_request(emulator.request())
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(chosen))
    user = emulator.user()
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=5))
        mark = user.mark()
        user.send("/start")
        (menu,) = await user.wait_for_messages(mark)
        assert menu.button_texts == ["Musik"]
        user.press("Musik")
        await emulator.wait_until(
            lambda: user.last_text == "Bidang: music", 2, "the edit after the press"
        )
        assert user.callback_answers[-1].text == "Oke"
        await app.updater.stop()
        await app.stop()
    assert emulator.pending_updates == 0


async def test_over_http_with_the_default_request(emulator: BotAPIEmulator) -> None:
    url = await emulator.serve()
    assert url.startswith("http://127.0.0.1:")
    assert url.endswith("/bot")
    user = emulator.user()
    async with Bot(TOKEN, base_url=url, base_file_url=emulator.base_file_url) as tg:
        user.send("/start")
        (update,) = await tg.get_updates()
        assert update.message is not None
        assert update.message.text == "/start"
        await tg.send_message(
            user.id, "<b>Hai</b>", parse_mode="HTML", reply_markup=keyboard(("A", "a"))
        )
        assert user.last_message.text == "Hai"
        assert user.last_message.button_texts == ["A"]
        sent = await tg.send_document(user.id, b"bytes", filename="a.txt")
        assert user.last_message.document == ("a.txt", b"bytes", "text/plain")
        assert sent.document is not None
        file = await tg.get_file(sent.document.file_id)
        assert bytes(await file.download_as_bytearray()) == b"bytes"
        emulator.fail_next("sendMessage", status=429, retry_after=3)
        with pytest.raises(RetryAfter):
            await tg.send_message(user.id, "x")
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
            await tg.send_message(user.id, "<b>x", parse_mode="HTML")
    await emulator.stop_serving()


async def test_every_user_update_parses(emulator: BotAPIEmulator, bot: Bot) -> None:
    user = await started_user(emulator, bot, username="sari")
    sent = await bot.send_message(user.id, "Pilih", reply_markup=keyboard(("A", "a")))
    user.send("balasan", reply_to=user.last_message)
    user.send_photo("foto")
    user.send_document()
    user.send_voice(duration=4)
    user.send_sticker()
    user.send_contact("+6281234567801", "Sari")
    user.send_location(-6.2, 106.8)
    user.send_poll("Genre?", ["Pop", "Jazz"])
    user.edit(1, "/start lagi")
    user.inline_query("musik")
    user.press_raw(sent.message_id, "stale:data")
    updates = await bot.get_updates()
    assert len(updates) == 11
    reply, photo, doc, voice, sticker, contact, location, poll = (u.message for u in updates[:8])
    assert reply is not None
    assert reply.reply_to_message is not None
    assert reply.reply_to_message.message_id == sent.message_id
    assert photo is not None
    assert photo.caption == "foto"
    assert photo.photo[-1].width == 800
    assert doc is not None
    assert doc.document is not None
    assert doc.document.file_name == "file.pdf"
    assert voice is not None
    assert voice.voice is not None
    assert voice.voice.duration == dtm.timedelta(seconds=4)
    assert sticker is not None
    assert sticker.sticker is not None
    assert contact is not None
    assert contact.contact is not None
    assert contact.contact.user_id == user.id
    assert location is not None
    assert location.location is not None
    assert poll is not None
    assert poll.poll is not None
    assert [o.text for o in poll.poll.options] == ["Pop", "Jazz"]
    edited = updates[8].edited_message
    assert edited is not None
    assert edited.text == "/start lagi"
    assert edited.edit_date is not None
    assert updates[9].inline_query is not None
    assert updates[9].inline_query.query == "musik"
    assert updates[10].callback_query is not None
    assert updates[10].callback_query.data == "stale:data"


async def test_utf16_offsets_reply_keyboard_and_second_poller(
    emulator: BotAPIEmulator, bot: Bot
) -> None:
    user = await started_user(emulator, bot)
    sent = await bot.send_message(user.id, "🎵 <b>Musik</b> 🎬", parse_mode="HTML")
    assert sent.entities[0].offset == 3
    assert sent.text_html == "🎵 <b>Musik</b> 🎬"
    await bot.send_message(
        user.id,
        "Bagikan kontak",
        reply_markup=ReplyKeyboardMarkup(
            [[KeyboardButton("Kirim kontak", request_contact=True)]], one_time_keyboard=True
        ),
    )
    shown = user.keyboard
    assert shown == [["Kirim kontak"]]
    user.send_contact("+628123", "Sari")
    assert user.keyboard is None

    pending = await bot.get_updates()
    await bot.get_updates(offset=pending[-1].update_id + 1)
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.02)
    second = asyncio.create_task(bot.get_updates(timeout=5))
    with pytest.raises(Conflict, match=r"(?i)terminated by other getUpdates"):
        await first
    second.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await second
