"""Session 63's talents' review (M1, M6, M7, M8, M9, L1, L2, L3, L6), through the emulator:
wishes to register said with "dari awal" or what is registered, crew and technicians, the
reply to a registration supposed, "menu" typed alone, whether one has registered,
registering without a manager, media that are no photo, and the "Ask our team" button under
an answer."""

from __future__ import annotations

from bot.emulator import EmulatedChat
from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, shown, where

WHO_CAN_APPLY = CONTENT.faq["who_can_apply"]
AFTER_REGISTERING = CONTENT.faq["after_registering"]
FOR_AN_ARTIST = CONTENT.faq["for_an_artist"]
FILM_FUNDING = CONTENT.faq["film_funding"]


def title(text: str) -> str:
    """The first line of a reply: the page's question or title."""
    return text.split("\n")[0]


def role(key: str, value: str, language: str) -> str:
    """A role question's choice as the form labels it."""
    choices = CONTENT.questions[key].choices or []
    return next(c.label.get(language) for c in choices if c.value == value)


async def test_a_wish_to_register_from_the_start_or_naming_the_project_starts_the_form(
    bot: Harness,
) -> None:
    """M1, M6: "mau daftar dari awal" got who_runs, "daftar lagi dari awal" "see above",
    "Kami ingin mendaftarkan proyek film kami." "not sure": each starts the form, as "aku mau
    daftar" does."""
    sari = bot.user(first_name="Sari")
    [consent] = await bot.send(sari, "aku mau daftar")
    assert await where(bot, sari) == "consent_processing"
    for typed in (
        "mau daftar dari awal",
        "daftar lagi dari awal",
        "oke skrg daftar lagi dari awal yaa 😁",
        "Kami ingin mendaftarkan proyek film kami.",
    ):
        talent = bot.user(first_name="Rizal")
        [reply] = await bot.send(talent, typed)
        assert reply.text == consent.text, typed
        assert await where(bot, talent) == "consent_processing", typed
    # A question about it is still answered, not the form.
    dimas = bot.user(first_name="Dimas")
    await bot.send(dimas, "kalau daftar lagi harus dari awal?")
    assert await where(bot, dimas) is None


async def test_crew_and_technicians_are_told_they_can_register_and_which_role(
    bot: Harness,
) -> None:
    """M7: "can a sound engineer register?" got "no answer", "are technicians included or
    only performers?" "not sure": who can register, saying crew can, with the form's own role
    labels to pick."""
    for language, typed in (
        ("en", "can a sound engineer register?"),
        ("en", "are technicians included or only performers?"),
        ("id", "kru di balik layar kayak sound engineer bisa daftar juga?"),
    ):
        made = bot.user(first_name="Made", language_code=language)
        replies = await bot.send(made, typed)
        answer = replies[-1]
        assert title(answer.text) == WHO_CAN_APPLY.question.get(language), typed
        for key, value in (
            ("film_role", "sound_designer"),
            ("film_role", "editor"),
            ("film_role", "cinematographer"),
            ("music_role", "producer"),
            ("music_role", "other_music_role"),
        ):
            assert role(key, value, language) in answer.text, (typed, value)


async def test_how_long_after_registering_supposed_is_the_page_on_it(bot: Harness) -> None:
    """M8: "kalau saya daftar, berapa lama baru ada yang balas?" got "none of your questions
    reached our team": the page on what happens after registering."""
    yohana = bot.user(first_name="Yohana")
    for typed in (
        "kalau saya daftar, berapa lama baru ada yang balas?",
        "kalo sa daftar, brapa lama baru ada yang balas?",
    ):
        [answer] = await bot.send(yohana, typed)
        assert title(answer.text) == AFTER_REGISTERING.question.id, typed
        assert shown(Text.STATUS_QUESTIONS_NONE_ASK) not in answer.text
        await bot.send(yohana, "/menu")  # the page not just above: sent whole again
    # Asking whether the team answered still gets that line.
    [line] = await bot.send(yohana, "Sudah ada balasan dari tim?")
    assert line.text.startswith(shown(Text.STATUS_QUESTIONS_NONE_ASK))


async def test_menu_typed_alone_is_the_menu_with_no_apology(bot: Harness) -> None:
    """M9: "menu" typed outside a form got "Maaf, aku belum punya jawaban untuk itu" and an
    offer to pass it to the team: the menu, as /menu shows it."""
    euis = bot.user(first_name="Euis")
    [menu] = await bot.send(euis, "/menu")
    for typed in ("menu", "Menu utama", "main menu", "start", "mulai", "menu dong kak"):
        [reply] = await bot.send(euis, typed)
        assert reply.text == menu.text, typed
        assert reply.button_texts == menu.button_texts, typed
    # A question about a menu is no call for it.
    [other] = await bot.send(euis, "menu program apa saja yang ada buat musisi?")
    assert other.text != menu.text


async def test_whether_one_has_registered_gets_ones_status(bot: Harness) -> None:
    """L1: "saya sudah daftar atau belum?" got the eight paragraphs of who can register:
    the page after registering, with the talent's own status."""
    yohana = bot.user(first_name="Yohana")
    reference = await apply(bot, yohana, MUSICIAN)
    [status] = await bot.send(yohana, "/status")
    for typed in ("saya sudah daftar atau belum?", "sa su daftar ka belum?"):
        await bot.send(yohana, "/menu")
        [answer] = await bot.send(yohana, typed)
        assert title(answer.text) == AFTER_REGISTERING.question.id, typed
        assert answer.text.endswith(status.text) and reference in answer.text, typed


async def test_needing_a_manager_is_answered_no(bot: Harness) -> None:
    """L2: "apakah saya perlu manajer untuk daftar?" got the managers' page, which never said
    a talent can register without one: it says so now."""
    yohana = bot.user(first_name="Yohana")
    [answer] = await bot.send(yohana, "apakah saya perlu manajer untuk daftar?")
    assert title(answer.text) == FOR_AN_ARTIST.question.id
    assert "manajer tidak wajib" in answer.text
    tom = bot.user(first_name="Tom", language_code="en")
    [answer] = await bot.send(tom, "do I need a manager to register?")
    assert title(answer.text) == FOR_AN_ARTIST.question.en
    assert "a manager isn't required" in answer.text


async def test_a_location_or_contact_is_not_called_a_photo_and_the_menu_comes_once(
    bot: Harness,
) -> None:
    """L3: a location and a contact card got "aku belum bisa membaca stiker, foto, file, atau
    pesan suara", and five media in a row five full menus."""
    euis = bot.user(first_name="Euis")
    [located] = await bot.act(euis, euis.send_location, -6.9, 107.6)
    assert located.text.startswith(shown(Text.UNKNOWN_LOCATION))
    assert "stiker" not in located.text and "foto" not in located.text
    assert CONTENT.text(Text.BTN_PROGRAMS, "id") in located.button_texts  # the menu, once
    [again] = await bot.act(euis, euis.send_photo, "foto")
    assert again.text == shown(Text.UNKNOWN_AGAIN) and again.button_texts == []
    [again] = await bot.act(euis, euis.send_contact, "+6281234567801", "Euis")
    assert again.text == shown(Text.UNKNOWN_AGAIN)
    await bot.send(euis, "halo")  # words in between: the next one is told in full again
    [card] = await bot.act(euis, euis.send_contact, "+6281234567801", "Euis")
    assert card.text.startswith(shown(Text.UNKNOWN_CONTACT))
    assert "stiker" not in card.text
    assert CONTENT.text(Text.BTN_PROGRAMS, "id") in card.button_texts


async def test_ask_our_team_under_an_answer_carries_the_question(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """L6: "💬 Tanya tim kami" under an answer to a talent's question (or under a page opened
    from its suggestions) opened /tanya's empty invitation, and Pak Rizal pasted his paragraph
    again: it carries the question, to confirm before it goes."""
    ask_team = CONTENT.text(Text.BTN_ASK, "id")
    rizal = bot.user(first_name="Rizal")
    asked = "ada dana film dari kocca?"
    [answer] = await bot.send(rizal, asked)
    assert title(answer.text) == FILM_FUNDING.question.id
    mark = staff_chat.mark()
    [confirm] = await bot.press(rizal, ask_team, message=answer)
    assert confirm.text == shown(Text.ASK_CONFIRM, question=asked)
    assert staff_chat.messages_since(mark) == []  # nothing sent before the confirmation
    await bot.press(rizal, CONTENT.text(Text.BTN_CANCEL, "id"), message=confirm)
    # From the suggestions of a long question: the page opened carries it too.
    long = (
        "Kami sedang menyiapkan film panjang. 1) Berapa besar dana yang bisa didapat?"
        " 2) Berapa persen porsi koproduksi? 3) Apakah KOFIC bisa? 4) Busan bagaimana?"
    )
    putri = bot.user(first_name="Putri")
    [suggested] = await bot.send(putri, long)
    assert FILM_FUNDING.question.id in suggested.button_texts
    [page] = await bot.press(putri, FILM_FUNDING.question.id, message=suggested)
    [confirm] = await bot.press(putri, ask_team, message=page)
    assert confirm.text == shown(Text.ASK_CONFIRM, question=long)
    await bot.press(putri, CONTENT.text(Text.BTN_ASK_SEND, "id"), message=confirm)
    assert staff_chat.last_message.text == long
