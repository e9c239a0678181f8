"""An answer that invites registering, read by a talent already registered (re-check review
s59, N8): the open-call page told Dimas, registered, "daftarkan minatmu lewat /daftar" with
[📝 Daftarkan minat]."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, rendered, shown

OPEN_CALL = CONTENT.faq["open_call_now"]
OVERVIEW = CONTENT.faq["programs_overview"]


async def test_the_open_call_page_tells_a_registered_talent_they_are_registered(
    bot: Harness,
) -> None:
    dimas = bot.user(first_name="Dimas")
    reference = await apply(bot, dimas, MUSICIAN)
    [answer] = await bot.send(dimas, "ada open call sekarang kak?")
    assert answer.text.split("\n")[0] == OPEN_CALL.question.id
    assert OPEN_CALL.registered_line is not None
    assert rendered(OPEN_CALL.registered_line.id) not in answer.text
    assert shown(Text.FAQ_REGISTERED_LINE, references=reference) in answer.text
    assert "belum menemukan" in answer.text  # the page's facts, unchanged
    assert CONTENT.text(Text.BTN_APPLY, "id") not in answer.button_texts
    status = CONTENT.text(Text.BTN_STATUS, "id")
    assert status in answer.button_texts
    [page] = await bot.press(dimas, status)
    assert reference in page.text


async def test_the_open_call_page_still_invites_one_not_registered(bot: Harness) -> None:
    rina = bot.user(first_name="Rina")
    [answer] = await bot.send(rina, "ada open call sekarang kak?")
    assert answer.text.split("\n")[0] == OPEN_CALL.question.id
    assert OPEN_CALL.registered_line is not None
    assert rendered(OPEN_CALL.registered_line.id) in answer.text
    assert CONTENT.text(Text.BTN_APPLY, "id") in answer.button_texts
    assert CONTENT.text(Text.BTN_STATUS, "id") not in answer.button_texts


async def test_the_open_call_page_from_the_faq_list_says_so_too(bot: Harness) -> None:
    grace = bot.user(first_name="Grace", language_code="en")
    reference = await apply(bot, grace, MUSICIAN, language="en")
    await bot.send(grace, "/faq")
    [page] = await bot.press(grace, OPEN_CALL.question.en)
    assert shown(Text.FAQ_REGISTERED_LINE, "en", references=reference) in page.text
    assert CONTENT.text(Text.BTN_STATUS, "en") in page.button_texts
    assert CONTENT.text(Text.BTN_APPLY, "en") not in page.button_texts


async def test_the_programs_overview_tells_a_registered_talent_they_are_registered(
    bot: Harness,
) -> None:
    """The list of programs ended "Ada yang cocok? Daftarkan minatmu lewat /daftar" for a
    talent already registered too (misc59's note on N8)."""
    dimas = bot.user(first_name="Dimas")
    reference = await apply(bot, dimas, MUSICIAN)
    await bot.send(dimas, "/faq")
    [page] = await bot.press(dimas, OVERVIEW.question.id)
    assert OVERVIEW.registered_line is not None
    assert rendered(OVERVIEW.registered_line.id) not in page.text
    assert shown(Text.FAQ_REGISTERED_LINE, references=reference) in page.text
    assert CONTENT.text(Text.BTN_APPLY, "id") not in page.button_texts
    assert CONTENT.text(Text.BTN_STATUS, "id") in page.button_texts


WHO_CAN = CONTENT.faq["who_can_apply"]
MUSIC = CONTENT.programs["music_to_korea"]


async def test_who_can_register_and_a_program_page_fit_a_registered_talent(
    bot: Harness,
) -> None:
    """A talents' review s62, L9: Tigor and Ipul, registered, read "Mau mulai? Ketik /daftar"
    under "Siapa bisa daftar?" and "Daftarkan minatmu dengan tombol di bawah" on the music
    page, with [📝 Daftarkan minat]. They read that they are registered, and how to add a
    program, with their status as the button, in either language; a cancel brings the
    invitation back."""
    tigor = bot.user(first_name="Tigor")
    reference = await apply(bot, tigor, MUSICIAN)
    [who] = await bot.send(tigor, "siapa aja yang bisa daftar?")
    assert who.text.split("\n")[0] == WHO_CAN.question.id
    assert WHO_CAN.registered_line is not None
    assert rendered(WHO_CAN.registered_line.id) not in who.text
    assert shown(Text.FAQ_REGISTERED_LINE, references=reference) in who.text
    assert "gratis" in who.text  # the page's facts, unchanged
    assert CONTENT.text(Text.BTN_APPLY, "id") not in who.button_texts
    assert CONTENT.text(Text.BTN_STATUS, "id") in who.button_texts
    [page] = await bot.send(tigor, "musisi indonesia bisa manggung di korea?")
    assert page.text.split("\n")[0] == MUSIC.title.id
    assert rendered(MUSIC.how.id) not in page.text
    assert shown(Text.PROGRAM_REGISTERED_LINE, references=reference) in page.text
    assert CONTENT.text(Text.BTN_APPLY_PROGRAM, "id") not in page.button_texts
    status = CONTENT.text(Text.BTN_STATUS, "id")
    assert status in page.button_texts
    [own] = await bot.press(tigor, status, message=page)
    assert reference in own.text

    grace = bot.user(first_name="Grace", language_code="en")
    reference = await apply(bot, grace, MUSICIAN, language="en")
    [page] = await bot.send(grace, "can I perform in Korea?")
    assert page.text.split("\n")[0] == MUSIC.title.en
    assert rendered(MUSIC.how.en) not in page.text
    assert shown(Text.PROGRAM_REGISTERED_LINE, "en", references=reference) in page.text
    assert CONTENT.text(Text.BTN_STATUS, "en") in page.button_texts
    await bot.send(grace, "/status")
    await bot.press(grace, CONTENT.text(Text.BTN_CANCEL_REGISTRATION, "en"))
    await bot.press(grace, CONTENT.text(Text.BTN_CANCEL_YES, "en"))
    [page] = await bot.send(grace, "can I perform in Korea?")
    assert rendered(MUSIC.how.en) in page.text
    assert CONTENT.text(Text.BTN_APPLY_PROGRAM, "en") in page.button_texts


async def test_a_program_page_opened_from_the_programs_menu_fits_a_registered_talent(
    bot: Harness,
) -> None:
    """After62's report (s62): the music page opened from /program still said "Daftarkan
    minatmu dengan tombol di bawah" with [📝 Daftarkan minat] to a registered talent, though
    the same page as an answer said they were registered. It says so there too, with their
    status as the button; one not registered is still invited."""
    tigor = bot.user(first_name="Tigor")
    reference = await apply(bot, tigor, MUSICIAN)
    rina = bot.user(first_name="Rina")
    for talent, registered in ((tigor, True), (rina, False)):
        await bot.send(talent, "/program")
        await bot.press(talent, CONTENT.sections["music"].title.id)
        [page] = await bot.press(talent, MUSIC.title.id)
        assert page.text.split("\n")[0] == MUSIC.title.id
        told = shown(Text.PROGRAM_REGISTERED_LINE, references=reference)
        assert (told in page.text) is registered
        assert (rendered(MUSIC.how.id) in page.text) is not registered
        status = CONTENT.text(Text.BTN_STATUS, "id")
        assert (status in page.button_texts) is registered
        assert (CONTENT.text(Text.BTN_APPLY_PROGRAM, "id") in page.button_texts) is not registered
        assert CONTENT.text(Text.BTN_BACK, "id") in page.button_texts  # to the music programs
    [own] = await bot.press(tigor, CONTENT.text(Text.BTN_STATUS, "id"))
    assert reference in own.text


async def test_a_program_page_still_invites_one_not_registered(bot: Harness) -> None:
    rina = bot.user(first_name="Rina")
    [page] = await bot.send(rina, "musisi indonesia bisa manggung di korea?")
    assert page.text.split("\n")[0] == MUSIC.title.id
    assert rendered(MUSIC.how.id) in page.text
    assert CONTENT.text(Text.BTN_APPLY_PROGRAM, "id") in page.button_texts
    assert CONTENT.text(Text.BTN_STATUS, "id") not in page.button_texts
