"""Replies sent without parsing Telegram's answer make the same requests as the library's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from telegram import (
    CallbackGame,
    CopyTextButton,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LoginUrl,
    SwitchInlineQueryChosenChat,
    WebAppInfo,
)
from telegram.error import BadRequest, Forbidden

from bot.emulator import BotAPIEmulator
from bot.transport.sending import (
    CallbackKeyboard,
    FixedKeyboard,
    edit_text,
    markup_json,
    send_text,
)
from tests.harness import Harness

KEYBOARD = InlineKeyboardMarkup(
    [
        [InlineKeyboardButton("📋 Program", callback_data="programs")],
        [
            InlineKeyboardButton("Bahasa", callback_data="lang"),
            InlineKeyboardButton("KOCCA", url="https://www.kocca.kr/en/main.do"),
        ],
    ]
)


@pytest.mark.parametrize(
    "markup",
    [
        KEYBOARD,
        InlineKeyboardMarkup([]),
        InlineKeyboardMarkup(
            [
                [InlineKeyboardButton("Buka", web_app=WebAppInfo("https://example.org/app"))],
                [InlineKeyboardButton("Salin", copy_text=CopyTextButton("KOC-000042"))],
                [InlineKeyboardButton("Masuk", login_url=LoginUrl("https://example.org/login"))],
                [InlineKeyboardButton("Main", callback_game=CallbackGame())],
                [InlineKeyboardButton("Bayar", pay=True)],
                [
                    InlineKeyboardButton(
                        "Bagikan",
                        switch_inline_query_chosen_chat=SwitchInlineQueryChosenChat(
                            "halo", allow_user_chats=True
                        ),
                    )
                ],
                [InlineKeyboardButton("Cari", switch_inline_query_current_chat="")],
            ]
        ),
        InlineKeyboardMarkup(
            [[InlineKeyboardButton("x", callback_data="y", api_kwargs={"future": 1})]]
        ),
        ForceReply(selective=False),
    ],
)
def test_a_keyboard_is_serialised_as_to_dict_does(markup: Any) -> None:
    """Every kind of button, nested objects, extra API fields and other markups alike."""
    assert markup_json(markup) == markup.to_dict()


def test_a_fixed_keyboard_is_the_keyboard_it_was_made_from() -> None:
    """Serialised once, the same JSON every time, and a copy for anyone who asks for one."""
    fixed = FixedKeyboard(KEYBOARD.inline_keyboard)
    assert fixed == KEYBOARD
    assert markup_json(fixed) == markup_json(fixed) == KEYBOARD.to_dict()
    copied = fixed.to_dict()
    copied["inline_keyboard"].clear()
    assert markup_json(fixed) == KEYBOARD.to_dict()


def test_a_callback_keyboard_is_what_the_library_s_buttons_make() -> None:
    rows = [[("Bukan ini", "qa:7:x")], [("Apa itu KOCCA?", "qa:7:f:kocca"), ("Menu", "menu")]]
    made = InlineKeyboardMarkup(
        [[InlineKeyboardButton(text, callback_data=data) for text, data in row] for row in rows]
    )
    assert markup_json(CallbackKeyboard(rows)) == made.to_dict()


async def test_replies_and_edits_are_the_library_s_own_requests(tmp_path: Path) -> None:
    """The same parameters reach Telegram (HTML, no link preview, the keyboard), and the
    conversation log records the fast reply as it records the library's."""
    emulator = BotAPIEmulator()
    harness = await Harness(emulator, tmp_path / "bot.db").start()
    try:
        talent = harness.user(first_name="Sari")
        await harness.send(talent, "/start")
        bot = harness.runner.application.bot
        text = "Halo <b>Sari</b> &amp; tim 🎶 https://www.kocca.kr"

        library = await bot.send_message(talent.id, text, reply_markup=KEYBOARD)
        ours = await send_text(bot, talent.id, text, KEYBOARD)
        sent = [call for call in emulator.calls if call.method == "sendMessage"][-2:]
        assert sent[0].params == sent[1].params
        assert sent[1].params["parse_mode"] == "HTML"
        assert ours["message_id"] == library.message_id + 1
        (shown,) = talent.messages[-1:]
        assert shown.text == "Halo Sari & tim 🎶 https://www.kocca.kr"
        assert [button.text for row in shown.buttons for button in row] == [
            "📋 Program",
            "Bahasa",
            "KOCCA",
        ]

        await bot.edit_message_text("Diubah <i>1</i>", talent.id, library.message_id)
        await edit_text(bot, talent.id, ours["message_id"], "Diubah <i>1</i>")
        edits = [call for call in emulator.calls if call.method == "editMessageText"][-2:]
        assert {**edits[0].params, "message_id": 0} == {**edits[1].params, "message_id": 0}

        logged = (await harness.store.log.for_chat(talent.id))[-4:]
        assert [(entry.kind, entry.text) for entry in logged] == [
            ("text", shown.text),
            ("text", shown.text),
            ("edit", "Diubah 1"),
            ("edit", "Diubah 1"),
        ]
    finally:
        await harness.stop()


async def test_telegram_s_refusals_raise_as_they_do_for_the_library(tmp_path: Path) -> None:
    """A blocked bot is Forbidden, an edit that changes nothing is a BadRequest."""
    emulator = BotAPIEmulator()
    harness = await Harness(emulator, tmp_path / "bot.db").start()
    try:
        talent = harness.user(first_name="Sari")
        await harness.send(talent, "/start")
        bot = harness.runner.application.bot
        sent = await send_text(bot, talent.id, "Halo")
        with pytest.raises(BadRequest, match="not modified"):
            await edit_text(bot, talent.id, sent["message_id"], "Halo")
        talent.block()
        with pytest.raises(Forbidden):
            await send_text(bot, talent.id, "Halo lagi")
    finally:
        await harness.stop()
