"""A talent who comes back ("halo kak, aku kembali lagi", "Hi, I am back"), and thanks that go on
to ask ("makasih, nanti saya kembali lagi. sekarang ada?"): left over from session 61."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.emulator import EmulatedChat
from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, at_question, shown

NOT_THIS = CONTENT.text(Text.BTN_NOT_THIS, "id")


def outcomes(database: Path, user_id: int) -> list[str]:
    """How the talent's recorded free questions were answered, oldest first."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT outcome FROM free_questions WHERE user_id = ? ORDER BY id", (user_id,)
        ).fetchall()
    return [outcome for (outcome,) in rows]


async def test_a_talent_back_again_is_greeted_in_either_language(bot: Harness) -> None:
    """ "halo kak, aku kembali lagi" got "no answer", "Hi, I am back" the page on hearing back
    after registering, "hello again" a nudge, "udah lama gak ke sini" a guess at the data
    page. Each is greeted, with the menu, and is no question for staff's lists."""
    sari = bot.user(first_name="Sari")
    for back in (
        "halo kak, aku kembali lagi",
        "aku balik lagi nih",
        "saya datang lagi",
        "udah lama gak ke sini",
        "balik lagi nih kak 😁",
    ):
        [reply] = await bot.send(sari, back)
        assert reply.text == shown(Text.ASK_GREETING_BACK, first_name="Sari"), back
        assert CONTENT.text(Text.BTN_PROGRAMS, "id") in reply.button_texts, back  # the menu
        assert NOT_THIS not in reply.button_texts, back
    [timed] = await bot.send(sari, "Selamat siang, saya kembali lagi")
    siang = CONTENT.text(Text.INTAKE_GREETING_MIDDAY, "id")
    assert timed.text == shown(Text.ASK_GREETING_BACK_TIMED, greeting=siang, first_name="Sari")
    grace = bot.user(first_name="Grace", language_code="en")
    for back in ("Hi, I am back", "I'm back!", "hello again", "hey, it's me again"):
        [reply] = await bot.send(grace, back)
        assert reply.text == shown(Text.ASK_GREETING_BACK, "en", first_name="Grace"), back
        assert CONTENT.text(Text.BTN_PROGRAMS, "en") in reply.button_texts, back
    assert outcomes(bot.database, sari.id) == []
    assert outcomes(bot.database, grace.id) == []
    # What is no hello stays as it was: coming back later says goodbye ("Siap!"), and asking
    # on after it is read ("ada kabar?" asks for news, "apa kabar" greets).
    [goodbye] = await bot.send(sari, "nanti saya kembali lagi")
    assert goodbye.text == shown(Text.ASK_OKAY)
    [news] = await bot.send(sari, "kembali lagi kak, ada kabar?")
    assert news.text != shown(Text.ASK_GREETING_BACK, first_name="Sari")
    [hello] = await bot.send(sari, "halo kak")  # a hello alone: no "welcome back"
    assert hello.text == shown(Text.ASK_GREETING, first_name="Sari")
    [asked] = await bot.send(grace, "I'm back, any update on my registration?")
    assert asked.text != shown(Text.ASK_GREETING_BACK, "en", first_name="Grace")


async def test_a_returning_talent_has_their_registration_one_tap_away(bot: Harness) -> None:
    """A talent back with a registration sent is greeted with the menu that holds its
    status, one tap away; one back to a paused form is offered to go on with it."""
    dimas = bot.user(first_name="Dimas")
    reference = await apply(bot, dimas, MUSICIAN)
    [hello] = await bot.send(dimas, "halo kak, aku kembali lagi")
    assert hello.text == shown(Text.ASK_GREETING_BACK, first_name="Dimas")
    status = CONTENT.text(Text.BTN_STATUS, "id")
    assert status in hello.button_texts
    [page] = await bot.press(dimas, status, message=hello)
    assert reference in page.text
    putu = await at_question(bot, "music_role")
    await bot.press(putu, CONTENT.text(Text.BTN_PAUSE, "id"))
    [again] = await bot.send(putu, "aku balik lagi nih")
    assert again.text.startswith(shown(Text.ASK_GREETING_BACK, first_name=putu.first_name))
    assert CONTENT.text(Text.BTN_APPLY_RESUME, "id") in again.button_texts


async def test_thanks_that_go_on_to_ask_are_not_only_thanked(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """ "makasih, nanti saya kembali lagi. sekarang ada?" got only "Sama-sama!": the question
    after the goodbye was swallowed. The bot says honestly it has no answer, with "Ask our
    team" to pass it on, and staff see it among the unanswered. Thanks that only close
    ("makasih, nanti aku kabari ya?") are still thanked."""
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "MU:CON itu apa?")  # something given: thanks are thanks, no hello
    ask_team = CONTENT.text(Text.BTN_ASK, "id")
    for asked in ("makasih, nanti saya kembali lagi. sekarang ada?", "terima kasih. sudah ada?"):
        [reply] = await bot.send(sari, asked)
        assert reply.text != shown(Text.ASK_THANKS), asked
        assert reply.text.startswith(shown(Text.ASK_NOTHING)), asked
        assert ask_team in reply.button_texts, asked
    assert outcomes(bot.database, sari.id) == ["answered", "unanswered", "unanswered"]
    for thanks in ("makasih, nanti aku kabari ya?", "makasih kak?"):
        [reply] = await bot.send(sari, thanks)
        assert reply.text == shown(Text.ASK_THANKS), thanks


async def test_thanks_that_check_it_is_clear_close_the_chat(bot: Harness) -> None:
    """ "makasih kak, udah jelas?" got the House of Indonesiana page as an answer (its
    "kelas"), "thanks, clear now?" "no answer": thanks that say or check it is clear now are
    a closing, thanked, and no question for staff's lists. Saying it is not clear yet is no
    thanks."""
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "MU:CON itu apa?")  # something given: thanks are thanks, no hello
    for closing in (
        "makasih kak, udah jelas?",
        "oke kak makasih, sudah jelas ya?",
        "terima kasih, sudah jelas sekali?",
        "makasih. udah jelas kan?",
        "makasih, udah ngerti kok?",
    ):
        [reply] = await bot.send(sari, closing)
        assert reply.text == shown(Text.ASK_THANKS), closing
    grace = bot.user(first_name="Grace", language_code="en")
    await bot.send(grace, "What is MU:CON?")
    for closing in ("thanks, clear now?", "thanks, all clear?", "thanks, it's clear now"):
        [reply] = await bot.send(grace, closing)
        assert reply.text == shown(Text.ASK_THANKS, "en"), closing
    assert outcomes(bot.database, sari.id) == ["answered"]
    assert outcomes(bot.database, grace.id) == ["answered"]
    [unclear] = await bot.send(sari, "makasih, tapi belum jelas?")
    assert unclear.text != shown(Text.ASK_THANKS)
