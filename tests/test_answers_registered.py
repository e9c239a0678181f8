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
