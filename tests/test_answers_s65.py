"""Session 65: who reads a talent's messages, and registering more than once, asked in the
talent's own words, through the emulator. "who can read my messages?" got the program-news
page, "who sees my data" who runs the bot, and "kak boleh daftar dua kali?" or "can I register
for both film and music?" "Siapa bisa daftar?", which says nothing of a second registration."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, where

MY_DATA = CONTENT.faq["my_data"]
AGAIN = CONTENT.faq["register_again"]
APPLY = CONTENT.text(Text.BTN_APPLY, "id")
# The buttons /daftar shows a talent who has sent a registration: the page names them as they are.
NEW = {lang: CONTENT.text(Text.BTN_NEW_REGISTRATION, lang) for lang in ("id", "en")}
UPDATE = {lang: CONTENT.text(Text.BTN_UPDATE_REGISTRATION, lang) for lang in ("id", "en")}


def title(reply_text: str) -> str:
    """The first line of a reply: the entry's question."""
    return reply_text.split("\n")[0]


async def test_who_reads_the_messages_gets_the_data_page_which_says_so(bot: Harness) -> None:
    """The data page answers who reads the messages and who sees the data, and says the
    messages in this chat are read by the team and travel through Telegram (privacy.yaml)."""
    for typed in (
        "siapa yang baca chat aku?",
        "chat ini dibaca orang ga?",
        "siapa yg bisa liat data aku",
    ):
        [answer] = await bot.send(bot.user(first_name="Sekar"), typed)
        assert title(answer.text) == MY_DATA.question.id, typed
        assert "Yang membacanya tim kami, termasuk pesan-pesanmu di chat ini" in answer.text
        assert "Semua pesanmu dengan bot ini dikirim lewat Telegram" in answer.text
    # "is someone reading my messages?" is not here: it gets the line on the talent's questions
    # to the team, as "did anyone read my question?" does (test_free_questions_s64.py, H2).
    for typed in ("who can read my messages?", "who sees my data"):
        [answer] = await bot.send(bot.user(first_name="Jess", language_code="en"), typed)
        assert title(answer.text) == MY_DATA.question.en, typed
        assert "Our team reads it, your messages in this chat included" in answer.text
        assert "Everything you write here travels through Telegram" in answer.text


async def test_registering_twice_is_answered_with_what_daftar_does(bot: Harness) -> None:
    """Asked before registering: one field a registration, a second one with /daftar's
    its New registration button, an update that doubles nothing, and the register button."""
    [answer] = await bot.send(bot.user(first_name="Bayu"), "kak boleh daftar dua kali?")
    assert title(answer.text) == AGAIN.question.id
    assert "Satu pendaftaran untuk satu bidang, Musik atau Film" in answer.text
    assert f"ketik /daftar lagi, lalu pilih {NEW['id']}" in answer.text
    assert f"Ketik /daftar lalu pilih {UPDATE['id']}: datanya diganti" in answer.text
    assert APPLY in answer.button_texts
    for typed in ("can I register for both film and music?", "can I register twice?"):
        [answer] = await bot.send(bot.user(first_name="Grace", language_code="en"), typed)
        assert title(answer.text) == AGAIN.question.en, typed
        assert "One registration covers one field, Music or Film" in answer.text
        assert f"type /register again and choose {NEW['en']}" in answer.text
        assert f"Type /register and choose {UPDATE['en']}: the details are replaced" in answer.text
        assert CONTENT.text(Text.BTN_APPLY, "en") in answer.button_texts


async def test_a_registered_talent_asking_to_register_again_gets_the_page_then_the_choice(
    bot: Harness,
) -> None:
    """From a talent who has sent one: the page, and its button opens the choice it names;
    its New registration button begins a second registration at its first question."""
    dimas = bot.user(first_name="Dimas")
    await apply(bot, dimas, MUSICIAN)
    [answer] = await bot.send(dimas, "udah daftar, mau daftar lagi buat band lain bisa?")
    assert title(answer.text) == AGAIN.question.id
    [choice] = await bot.press(dimas, APPLY)
    assert NEW["id"] in choice.button_texts
    assert UPDATE["id"] in choice.button_texts
    await bot.press(dimas, NEW["id"])
    assert await where(bot, dimas) == "sector"
