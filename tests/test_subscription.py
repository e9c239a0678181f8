"""Talents opt in and out of announcements: commands, menu toggle, post-application offer."""

from __future__ import annotations

from typing import Any

import pytest

from bot.content import Content
from bot.emulator import EmulatedUser
from bot.outreach.news_wish import news_wish
from bot.store.db import ago
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, opening, shown
from tests.subscribers import complete_answers

TURN_ON = CONTENT.text(Text.BTN_SUBSCRIBE_ON, "id")
TURN_OFF = CONTENT.text(Text.BTN_SUBSCRIBE_OFF, "id")


async def _subscribed(bot: Harness, talent: EmulatedUser) -> bool:
    user = await bot.store.users.get(talent.id)
    assert user is not None
    return user.subscribed


async def _consents(bot: Harness, talent: EmulatedUser) -> list[tuple[Any, ...]]:
    rows = await bot.store.db.fetch_all(
        "SELECT granted, notice_version, language FROM consents"
        " WHERE user_id = ? AND kind = 'announcements' ORDER BY id",
        (talent.id,),
    )
    return [tuple(row) for row in rows]


async def test_commands_turn_announcements_on_and_off_in_one_line(
    bot: Harness, content: Content
) -> None:
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/start")
    assert TURN_ON in sari.last_message.button_texts

    (confirmation,) = await bot.send(sari, "/langganan")
    assert confirmation.text.startswith("🔔 Siap!")
    assert "\n" not in confirmation.text
    assert await _subscribed(bot, sari)

    (confirmation,) = await bot.send(sari, "/berhenti")
    assert confirmation.text.startswith("🔕 Oke")
    assert not await _subscribed(bot, sari)

    version = content.privacy.version
    assert await _consents(bot, sari) == [(1, version, "id"), (0, version, "id")]
    (menu,) = await bot.send(sari, "/menu")
    assert TURN_ON in menu.button_texts


async def test_english_aliases_and_stop_work(bot: Harness) -> None:
    john = bot.user(first_name="John", language_code="en")
    (confirmation,) = await bot.send(john, "/subscribe")
    assert confirmation.text.startswith("🔔 Done!")
    assert await _subscribed(bot, john)
    (confirmation,) = await bot.send(john, "/stop")
    assert confirmation.text == shown(Text.UNSUBSCRIBED, "en")
    assert not await _subscribed(bot, john)
    await bot.send(john, "/subscribe")
    await bot.send(john, "/unsubscribe")
    assert not await _subscribed(bot, john)
    assert [row[0] for row in await _consents(bot, john)] == [1, 0, 1, 0]


async def test_menu_toggle_switches_and_shows_the_new_state(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/start")
    await bot.press(sari, TURN_ON)
    menu = sari.last_message
    assert menu.text.startswith("🔔 Siap!")
    assert TURN_OFF in menu.button_texts
    assert TURN_ON not in menu.button_texts
    assert await _subscribed(bot, sari)

    await bot.press(sari, TURN_OFF)
    assert sari.last_message.text.startswith("🔕 Oke")
    assert TURN_ON in sari.last_message.button_texts
    assert not await _subscribed(bot, sari)
    assert [row[0] for row in await _consents(bot, sari)] == [1, 0]


async def _submit_through_the_bot(
    bot: Harness, talent: EmulatedUser, content: Content
) -> list[Any]:
    """An application ready for review, then the talent presses Submit."""
    await bot.send(talent, "/start")
    draft = await bot.store.applications.create(
        talent.id, "id", "review", answers=complete_answers(content, sector="music")
    )
    anchor = talent.last_message.message_id
    return await bot.act(talent, talent.press_raw, anchor, f"i:{draft.id}:{draft.step}:ok")


async def test_offer_after_an_application_yes_subscribes(make_bot: Any, content: Content) -> None:
    bot: Harness = await make_bot()  # no staff chat: this is about what the talent sees
    sari = bot.user(first_name="Sari")
    submitted, offer = await _submit_through_the_bot(bot, sari, content)
    assert submitted.text.startswith(opening(Text.INTAKE_SUBMITTED, reference="KOC-000001"))
    assert offer.text == shown(Text.SUBSCRIBE_OFFER)
    yes, no = content.text(Text.BTN_YES, "id"), content.text(Text.BTN_NO, "id")
    assert offer.button_texts == [yes, no]

    await bot.press(sari, yes)
    assert sari.last_message.text.startswith("🔔 Siap!")
    assert await _subscribed(bot, sari)
    assert [row[0] for row in await _consents(bot, sari)] == [1]

    # A second application: already subscribed, so no offer this time.
    replies = await _submit_through_the_bot(bot, sari, content)
    assert len(replies) == 1
    assert "pendaftaranmu sudah kami terima" in replies[0].text


async def test_offer_after_an_application_no_is_recorded(make_bot: Any, content: Content) -> None:
    bot: Harness = await make_bot()
    dewi = bot.user(first_name="Dewi")
    await _submit_through_the_bot(bot, dewi, content)
    await bot.press(dewi, content.text(Text.BTN_NO, "id"))
    assert dewi.last_message.text == shown(Text.SUBSCRIBE_DECLINED)
    assert not await _subscribed(bot, dewi)
    assert [row[0] for row in await _consents(bot, dewi)] == [0]
    # A clear no typed is the No button: it switches nothing on (a talents' review s56, M6:
    # "No thanks" had to be pressed again). A question after it is answered first.
    for typed in (
        "ga usah kak",
        "tidak",
        "mboten, matur nuwun",
        "No thanks. Ada open call sekarang?",
    ):
        talent = bot.user(first_name="Rina")
        await _submit_through_the_bot(bot, talent, content)
        replies = await bot.send(talent, typed)
        assert replies[-1].text == shown(Text.SUBSCRIBE_DECLINED), typed
        assert replies[-1].button_texts == []
        assert [row[0] for row in await _consents(bot, talent)] == [0]
        assert not await _subscribed(bot, talent)
    assert replies[0].text.split("\n")[0] == content.faq["open_call_now"].question.get("id")
    # A no taken back, or with a wish for news all the same, is no clear no: nothing recorded,
    # the offer again to press (an attacker's review s56: stored as declined).
    for typed in ("No. Wait, yes please", "nggak, tapi kabari kalau ada program musik ya"):
        talent = bot.user(first_name="Ratna")
        await _submit_through_the_bot(bot, talent, content)
        replies = await bot.send(talent, typed)
        assert replies[-1].text.endswith(shown(Text.SUBSCRIBE_OFFER)), typed
        assert await _consents(bot, talent) == [], typed


@pytest.mark.parametrize(
    "typed",
    [
        "Ya, saya bersedia. Terima kasih.",
        "ya",
        "👍",
        # A second talents' review: a yes in more words got "Ada yang bisa kubantu?".
        "yesss mau bgt 🙌🔔",
        "boleh kak, silakan dikirim infonya",
        "gas",
        "🙌",
        "mau bgt",
        # The talents' review of session 55 (H5): "Boleh kang" got the greeting menu.
        "Boleh kang",
        # An okay as the first message under the offer (H5: "sip" got "Siap!").
        "sip",
        "oke kak",
        # Session 58's talents' review (M9): a Javanese yes got "Aku belum yakin maksudmu".
        "nggih, boleh, saya mau dikabari",
        # The s58 re-check (L5): in krama and Sundanese with a verb, "no answer" and the menu
        # came first.
        "inggih, kula purun",
        "muhun, hoyong",
    ],
)
async def test_a_typed_answer_to_the_offer_brings_the_offer_back_to_press(
    make_bot: Any, content: Content, typed: str
) -> None:
    # A talents' review: three talents typed yes to the offer; they got the programs page,
    # "Ada yang bisa kubantu?" or "Siap!", and none was subscribed, though each thought so.
    bot: Harness = await make_bot()
    ratna = bot.user(first_name="Ratna")
    await _submit_through_the_bot(bot, ratna, content)
    [again] = await bot.send(ratna, typed)
    assert again.text == f"{shown(Text.SUBSCRIBE_OFFER_PRESS)}\n\n{shown(Text.SUBSCRIBE_OFFER)}"
    yes, no = content.text(Text.BTN_YES, "id"), content.text(Text.BTN_NO, "id")
    assert again.button_texts == [yes, no]
    # An okay under the offer shown again is read as the first was (session 55's talents'
    # review: a second "sip" there got "Siap!"), however many come.
    for okay in ("sip", "oke kak"):
        [still] = await bot.send(ratna, okay)
        assert (still.text, still.button_texts) == (again.text, [yes, no]), (typed, okay)
    assert not await _subscribed(bot, ratna)  # typing subscribes no one
    assert await _consents(bot, ratna) == []
    await bot.press(ratna, yes, message=again)
    assert await _subscribed(bot, ratna)
    # Answered: a "ya" now is no answer to it (the usual reply, not the offer again).
    [later] = await bot.send(ratna, "ya")
    assert shown(Text.SUBSCRIBE_OFFER) not in later.text


async def test_a_yes_to_the_offer_with_a_question_gets_the_answer_and_the_offer(
    make_bot: Any, content: Content
) -> None:
    # A talents' review: "Boleh, silakan dikirimkan kabarnya. Apakah bisa juga lewat WA?" got
    # an FAQ page and his status, and the offer never came back: he believed he was on the
    # list. The question is answered, and the offer follows, at the bottom, to press.
    bot: Harness = await make_bot()
    harsono = bot.user(first_name="Harsono")
    await _submit_through_the_bot(bot, harsono, content)
    replies = await bot.send(harsono, "Iya boleh kak. Ada open call sekarang?")
    assert len(replies) == 2
    answer, again = replies
    assert answer.text.split("\n")[0] == content.faq["open_call_now"].question.get("id")
    assert again.text == f"{shown(Text.SUBSCRIBE_OFFER_PRESS)}\n\n{shown(Text.SUBSCRIBE_OFFER)}"
    replies = await bot.send(
        harsono, "Boleh, silakan dikirimkan kabarnya. Apakah bisa juga lewat WA?"
    )
    assert replies[-1].text == again.text
    assert len(replies) == 2 and shown(Text.SUBSCRIBE_OFFER) not in replies[0].text
    asked = await bot.store.db.fetch_all(
        "SELECT text FROM free_questions WHERE user_id = ? ORDER BY id", (harsono.id,)
    )
    # What is recorded is what was asked, not the yes before it.
    assert [row["text"] for row in asked][-1] == "Apakah bisa juga lewat WA?"
    assert not await _subscribed(bot, harsono)  # typing subscribes no one
    assert await _consents(bot, harsono) == []


@pytest.mark.parametrize(
    ("typed", "wish"),
    [
        ("kak aku mau stop info programnya dulu ya, lagi ujian sekolah 😅", "off"),
        ("berhenti langganan", "off"),
        ("eh maksudnya aku mau dapet info program 🔔 gimana caranya?", "on"),
        ("can I get program news here?", "on"),
    ],
)
async def test_asking_for_program_news_or_to_stop_it_in_words_shows_the_button(
    bot: Harness, typed: str, wish: str
) -> None:
    # A talents' review: "stop info program", "berhenti langganan" and "mau dapet info program"
    # got "Aku belum yakin maksudmu" or the FAQ on how news is sent, with no button and no
    # word on whether they were subscribed. One line and the button; typing changes nothing.
    putu = bot.user(first_name="Putu", language_code="en" if typed.startswith("can") else "id")
    language = "en" if typed.startswith("can") else "id"
    if wish == "off":
        await bot.send(putu, "/langganan")
    [reply] = await bot.send(putu, typed)
    key, press = (
        (Text.NEWS_WISH_OFF, Text.BTN_SUBSCRIBE_OFF)
        if wish == "off"
        else (Text.NEWS_WISH_ON, Text.BTN_SUBSCRIBE_ON)
    )
    assert reply.text == shown(key, language)
    assert reply.button_texts == [CONTENT.text(press, language)]
    assert await _subscribed(bot, putu) == (wish == "off")  # not changed by typing
    await bot.press(putu, CONTENT.text(press, language), message=reply)
    assert await _subscribed(bot, putu) == (wish == "on")
    # Asked again when it is so already: said, with nothing to press.
    [again] = await bot.send(putu, typed)
    already = Text.NEWS_ALREADY_OFF if wish == "off" else Text.NEWS_ALREADY_ON
    assert again.text == shown(already, language) and again.button_texts == []


@pytest.mark.parametrize(
    ("typed", "wish"),
    [
        ("ga mau dapet info program lagi", "off"),
        ("gak usah kirimin info program lagi", "off"),
        ("batal langganan", "off"),
        ("bisa dikabarin aja ga kalo ada program baru? biar ga ketinggalan 🔔", "on"),
        ("Bagaimana info program dikirim?", None),
        ("terima kasih atas info programnya", None),
        ("aku dapat info program ini dari teman", None),
        ("info program batal?", None),
        ("kapan dapat kabar hasilnya?", None),
        ("stop", None),
        # An attacker's review: none of these is a wish to stop (the 🔕 button came).
        ("aku udah subscribe tapi ga dapet info program", None),
        ("jangan stop kirim info program ya", None),
        ("tolong jangan unsubscribe aku", None),
        # A talents' review s59, M6: plain words to stop the news, Indonesian and English.
        ("kak udah ga usah kirim info program lagi ya, notifnya kebanyakan 🙏", "off"),
        ("jangan kirim info lagi", "off"),
        ("gausah kirim kabar lagi", "off"),
        ("stop sending me updates", "off"),
        ("unsubscribe", "off"),
        ("no more news please", "off"),
        ("I don't want to get updates anymore", "off"),
        ("info program dikirim lewat apa?", None),
        ("jangan lupa kirim info lagi ya", None),
        ("jangan kirim info hasil seleksi lewat email ya", None),
        ("kalau ga dapet info gimana?", None),
        ("no more questions", None),
        # "dari" the bot's side says whose news, not another matter (polish s59, talk59's note).
        ("gak mau kabar dari kalian lagi", "off"),
        ("ga mau dapet info dari kalian lagi", "off"),
        ("ga mau dapet info dari bot ini lagi", "off"),
        ("I don't want updates from you anymore", "off"),
        ("info programnya dari mana?", None),
        ("kalian dapet info dari mana?", None),
        ("ga mau dapet kabar hasil seleksi dari kalian", None),
    ],
)
def test_a_news_wish_is_read_from_its_words(typed: str, wish: str | None) -> None:
    assert news_wish(typed) == wish


async def test_plain_words_to_stop_the_news_offer_the_stop_button(bot: Harness) -> None:
    # A talents' review s59, M6: Grace, subscribed, wrote that the news came too often and got
    # the FAQ on how news is sent, with no way to stop it there.
    grace = bot.user(first_name="Grace")
    await bot.send(grace, "/langganan")
    [reply] = await bot.send(
        grace, "kak udah ga usah kirim info program lagi ya, notifnya kebanyakan 🙏"
    )
    assert reply.text == shown(Text.NEWS_WISH_OFF)
    assert reply.button_texts == [TURN_OFF]
    await bot.press(grace, TURN_OFF, message=reply)
    assert not await _subscribed(bot, grace)
    # In English, and from a talent not subscribed: told so, nothing to press.
    tom = bot.user(first_name="Tom", language_code="en")
    await bot.send(tom, "/subscribe")
    [reply] = await bot.send(tom, "stop sending me updates")
    assert reply.button_texts == [CONTENT.text(Text.BTN_SUBSCRIBE_OFF, "en")]
    [told] = await bot.send(grace, "jangan kirim info lagi")
    assert told.text == shown(Text.NEWS_ALREADY_OFF) and told.button_texts == []
    # A question about the news is still answered from the FAQ.
    replies = await bot.send(grace, "info program dikirim lewat apa?")
    assert all(not reply.text.startswith(("🔔 Mau", "🔕 Mau")) for reply in replies)


async def test_no_more_news_from_you_offers_the_stop_button(bot: Harness) -> None:
    # talk59's note: "dari" marked these as about something else, so they got no button.
    wulan = bot.user(first_name="Wulan")
    await bot.send(wulan, "/langganan")
    for typed in ("gak mau kabar dari kalian lagi", "ga mau dapet info dari kalian lagi"):
        [reply] = await bot.send(wulan, typed)
        assert reply.text == shown(Text.NEWS_WISH_OFF), typed
        assert reply.button_texts == [TURN_OFF], typed
    assert await _subscribed(bot, wulan)  # typing changes nothing
    # Where the news comes from is a question, for the FAQ.
    replies = await bot.send(wulan, "info programnya dari mana?")
    assert all(not reply.text.startswith(("🔔 Mau", "🔕 Mau")) for reply in replies)
    await bot.press(wulan, TURN_OFF)
    assert not await _subscribed(bot, wulan)


async def test_questions_about_program_news_are_still_answered_from_the_faq(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    for typed in ("Bagaimana info program dikirim?", "terima kasih atas info programnya"):
        replies = await bot.send(sari, typed)
        assert all(not reply.text.startswith(("🔔 Mau", "🔕 Mau")) for reply in replies), typed


async def test_thanks_or_an_okay_after_registering_do_not_bring_the_offer_back(
    make_bot: Any, content: Content
) -> None:
    # An attacker's review: "ok", "siap kak", 🙏 brought the whole offer back, every time.
    # Only an okay right under the offer answers it (a talents' review: "sip" got "Siap!");
    # after any other message, an okay is small talk again.
    bot: Harness = await make_bot()
    dewi = bot.user(first_name="Dewi")
    await _submit_through_the_bot(bot, dewi, content)
    await bot.send(dewi, "🙏")
    for typed in ("ok", "siap kak", "🙏", "oke makasih kak", "sudah", "lanjut", "sip"):
        replies = await bot.send(dewi, typed)
        assert all(shown(Text.SUBSCRIBE_OFFER) not in reply.text for reply in replies), typed
    # A day after registering, a "ya" answers something else.
    async with bot.store.db.transaction() as tx:
        await tx.execute(
            "UPDATE applications SET submitted_at = ? WHERE user_id = ?", (ago(25 * 3600), dewi.id)
        )
    [later] = await bot.send(dewi, "ya")
    assert shown(Text.SUBSCRIBE_OFFER) not in later.text


async def test_a_yes_from_a_talent_never_offered_news_is_no_answer_to_an_offer(
    bot: Harness,
) -> None:
    budi = bot.user(first_name="Budi")
    await bot.send(budi, "/start")
    [reply] = await bot.send(budi, "ya, saya bersedia")
    assert shown(Text.SUBSCRIBE_OFFER) not in reply.text
    assert not await _subscribed(bot, budi)


async def test_blocking_and_unblocking_the_bot_is_remembered(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/langganan")
    await bot.settle(sari.block())
    user = await bot.store.users.get(sari.id)
    assert user is not None
    assert user.blocked
    assert user.subscribed
    await bot.settle(sari.unblock())
    user = await bot.store.users.get(sari.id)
    assert user is not None
    assert not user.blocked


async def test_groups_still_get_the_private_chat_pointer(bot: Harness) -> None:
    admin = bot.emulator.user(ADMIN_ID)
    group = bot.emulator.group(title="Komunitas Film")
    mark = group.mark()
    bot.emulator.add_bot_to_group(group, by=admin)
    await bot.settle(bot.emulator.updates.pending[-1])
    (pointer,) = group.messages_since(mark)
    assert "chat pribadi" in pointer.text


async def test_commands_are_published_and_in_the_help(bot: Harness) -> None:
    indonesian = {command["command"] for command in bot.emulator.commands_for(language_code="id")}
    english = {command["command"] for command in bot.emulator.commands_for(language_code="en")}
    assert {"langganan", "berhenti"} <= indonesian
    assert {"subscribe", "unsubscribe"} <= english
    assert "broadcast" not in indonesian | english
    (help_id,) = await bot.send(bot.user(first_name="Sari"), "/bantuan")
    assert "/langganan" in help_id.text
    assert "/berhenti" in help_id.text
    (help_en,) = await bot.send(bot.user(first_name="John", language_code="en"), "/help")
    assert "/subscribe" in help_en.text
    assert "/unsubscribe" in help_en.text


# What a talent types to reach the FAQ answer "Is there an open call now?", in each language.
OPEN_CALL_QUESTIONS = {"id": "kak ada open call gak?", "en": "hey, any open call right now?"}
SUBSCRIBE_COMMANDS = {"id": ("/langganan", "/berhenti"), "en": ("/subscribe", "/unsubscribe")}


async def _program_page(bot: Harness, talent: EmulatedUser, key: str, language: str) -> str:
    """A program page as the talent reads it, opened through /program and its section."""
    program = CONTENT.programs[key]
    await bot.send(talent, "/program" if language == "id" else "/programs")
    await bot.press(talent, CONTENT.sections[program.section].title.get(language))
    (page,) = await bot.press(talent, program.title.get(language))
    assert page.text.startswith(program.title.get(language))
    return page.text


async def _open_call_answers(bot: Harness, talent: EmulatedUser, language: str) -> list[str]:
    """The open_call_now answer, typed as a free question and opened from /faq."""
    item = CONTENT.faq["open_call_now"]
    (typed,) = await bot.send(talent, OPEN_CALL_QUESTIONS[language])
    await bot.send(talent, "/faq")
    (opened,) = await bot.press(talent, item.question.get(language))
    for answer in (typed, opened):
        assert answer.text.split("\n")[0] == item.question.get(language)
    return [typed.text, opened.text]


@pytest.mark.parametrize("language", ["id", "en"])
async def test_only_talents_not_subscribed_are_invited_to_subscribe(
    bot: Harness, language: str
) -> None:
    invitation, subscribed = (
        shown(Text.SUBSCRIBE_HINT, language),
        shown(Text.SUBSCRIBED_HINT, language),
    )
    subscribe, unsubscribe = SUBSCRIBE_COMMANDS[language]
    talent = bot.user(first_name="Sari", language_code=language)
    flagged = ("coproduction", "music_to_korea")

    def pages_invite(texts: list[str]) -> None:
        for text in texts:
            assert invitation in text and subscribed not in text, text

    def pages_say_subscribed(texts: list[str]) -> None:
        for text in texts:
            assert subscribed in text and invitation not in text, text
            assert subscribe not in text, text

    pages = [await _program_page(bot, talent, key, language) for key in flagged]
    pages_invite([*pages, *await _open_call_answers(bot, talent, language)])
    # The invitation closes "What you can do", above the sources.
    assert pages[0].rsplit("\n\n", 1)[0].endswith(invitation)
    # A page without `subscribe_hint` has no line either way.
    other = await _program_page(bot, talent, "training_center", language)
    assert invitation not in other and subscribed not in other

    await bot.send(talent, subscribe)
    pages = [await _program_page(bot, talent, key, language) for key in flagged]
    pages_say_subscribed([*pages, *await _open_call_answers(bot, talent, language)])
    assert unsubscribe in subscribed
    other = await _program_page(bot, talent, "training_center", language)
    assert invitation not in other and subscribed not in other

    # Another talent, not subscribed, still gets the invitation on the same pages.
    pages_invite(
        await _open_call_answers(bot, bot.user(first_name="Dewi", language_code=language), language)
    )

    await bot.send(talent, unsubscribe)
    pages_invite(await _open_call_answers(bot, talent, language))
    pages_invite([await _program_page(bot, talent, "music_to_korea", language)])
