"""What the talents' review of session 63 typed and pressed around the form, read as meant:
a command's word without its slash at a name (H1), a wish to start over (M2), an old button
of a registration already sent (M3), a long answer's second half at the review and a
synopsis at the link (M5)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    at_question,
    draft_answers,
    fill,
    shown,
    where,
)


async def _paused(bot: Harness, user: Any) -> bool:
    draft = await bot.store.applications.draft_for(user.id)
    return draft is not None and not draft.active


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("full_name", "batal"),
        ("full_name", "Batalkan"),
        ("full_name", "keluar"),
        ("full_name", "stop"),
        ("stage_name", "cancel"),
        ("stage_name", "ga jadi"),
        ("city", "batal aja kak"),
    ],
)
async def test_a_cancel_word_typed_alone_pauses_as_batal_does(
    bot: Harness, key: str, typed: str
) -> None:
    """H1: "batal" at "Siapa nama lengkapmu?" was stored as the full name (a lead named
    "batal" for staff). Now it pauses the form as /batal does, with its discard button, and
    nothing is stored."""
    user = await at_question(bot, key)
    [reply] = await bot.send(user, typed)
    assert shown(Text.INTAKE_CANCELLED) in reply.text
    assert CONTENT.text(Text.BTN_DISCARD_DRAFT, "id") in reply.button_texts
    assert await _paused(bot, user)
    assert key not in await draft_answers(bot, user)


@pytest.mark.parametrize(("key", "typed"), [("stage_name", "menu"), ("full_name", "menu utama")])
async def test_menu_typed_alone_shows_the_menu_as_slash_menu_does(
    bot: Harness, key: str, typed: str
) -> None:
    """H1: "menu" at the stage name was stored as the stage name. Now the main menu, as /menu
    shows it (with "Continue registration"), and nothing is stored."""
    user = await at_question(bot, key)
    [reply] = await bot.send(user, typed)
    assert CONTENT.text(Text.BTN_APPLY_RESUME, "id") in reply.button_texts
    assert key not in await draft_answers(bot, user)
    assert await where(bot, user) == key  # the form stays open, as after /menu


async def test_such_a_word_in_quotes_is_the_name(bot: Harness) -> None:
    """H1's other side: a band really called "Stop" is told how to give it (in quotes), and
    in quotes it is kept."""
    user = await at_question(bot, "stage_name")
    [reply] = await bot.send(user, "Stop")
    assert "“Stop”" in reply.text
    await bot.send(user, "/daftar")
    await bot.send(user, "“Stop”")
    assert "Stop" in (await draft_answers(bot, user))["stage_name"]


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("eh wait 😅 aku mau ulang dari awal aja deh, restart form nya bisa ga?", "id"),
        ("mau mulai dari awal lagi", "id"),
        ("can i start over pls 🙏", "en"),
    ],
)
async def test_a_wish_to_start_over_offers_the_discard(
    bot: Harness, typed: str, language: str
) -> None:
    """M2: mid-form "mau ulang dari awal" got a wrong FAQ entry ("Sudah daftar, kapan
    dihubungi?") and nothing named the way to start over. Now the form is paused and its
    discard asked; once thrown away, /daftar begins at the first question, and the line says
    nothing of updating a registration the talent does not have."""
    user = await at_question(bot, "music_role", language=language)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_START_OVER, language))
    sure = CONTENT.text(Text.BTN_DISCARD_SURE, language)
    assert sure in reply.button_texts
    [gone] = await bot.press(user, sure)
    assert gone.text == shown(Text.INTAKE_DRAFT_DISCARDED_UNSENT, language)
    assert await bot.store.applications.draft_for(user.id) is None
    await bot.send(user, "/daftar" if language == "id" else "/register")
    assert await where(bot, user) == "sector"


async def test_an_old_submit_button_keeps_the_summary_and_says_it_is_sent(bot: Harness) -> None:
    """M3: the old "🚀 Kirim pendaftaran" pressed after sending replaced the summary with
    "…sudah selesai atau sudah tidak berlaku" (read as an invalid registration), no next step.
    Now the press is answered, the summary stays, and a new message says it is sent, with its
    reference and a status button."""
    user = await at_question(bot, "sector", answers=FILMMAKER)
    await fill(bot, user, FILMMAKER)
    review = user.last_message
    submit = CONTENT.text(Text.BTN_SUBMIT, "id")
    await bot.press(user, submit, message=review)
    reference = (await bot.store.records.leads_of(user.id))[0].reference
    replies = await bot.press(user, submit, message=review)
    assert [m.message_id for m in replies] != [review.message_id]  # not edited
    [said] = replies
    assert said.text == shown(Text.INTAKE_SENT_BEFORE, reference=reference)
    assert CONTENT.text(Text.BTN_STATUS, "id") in said.button_texts
    assert user.callback_answers[-1].text == shown(Text.INTAKE_SENT_BEFORE_TOAST)
    assert shown(Text.INTAKE_GONE) not in said.text


async def test_the_second_half_of_a_note_at_the_review_is_offered_and_added(
    bot: Harness,
) -> None:
    """M5: a note sent as two messages lost its second half at the review ("👆 Di sini pakai
    tombol"). Now it is offered; its button joins it to the note, on a line of its own."""
    user = await at_question(bot, "sector")
    first = "Kami ingin tampil di Seoul tahun depan."
    await fill(bot, user, {**MUSICIAN, "message": first})
    rest = "Demo lengkapnya menyusul lewat email ya kak, sekalian rider teknis dan daftar personel."
    [offer] = await bot.send(user, rest)
    field = CONTENT.questions["message"].label.id
    assert offer.text.startswith(shown(Text.INTAKE_REST_OFFERED, field=field))
    assert (await draft_answers(bot, user))["message"] == first
    [added] = await bot.press(user, CONTENT.text(Text.BTN_ADD_REST, "id"))
    assert added.text.startswith(shown(Text.INTAKE_REST_ADDED, field=field))
    assert (await draft_answers(bot, user))["message"] == f"{first}\n{rest}"
    assert await where(bot, user) == "review"


async def test_a_short_remark_after_a_short_note_is_not_offered(bot: Harness) -> None:
    """M5's other side: "email sudah benar, ga ada yang salah" after a short note is about the
    review, not the note's rest: nothing offered (a final review s58)."""
    user = await at_question(bot, "sector")
    await fill(bot, user, MUSICIAN)
    [reply] = await bot.send(user, "email sudah benar, ga ada yang salah")
    assert CONTENT.text(Text.BTN_ADD_REST, "id") not in reply.button_texts


async def test_a_second_half_too_long_together_is_said_as_not_saved(bot: Harness) -> None:
    """M5: the reviewer's synopsis (769 + 458 characters, the note's limit 1,000): the second
    half is said as not saved, with the length together and how to change the note."""
    user = await at_question(bot, "sector")
    first = ("Sinopsis. " + "Bagindo mencari anaknya di Busan. " * 22).strip()
    await fill(bot, user, {**MUSICIAN, "message": first})
    rest = ("Film ini berbicara tentang merantau. " * 12).strip()
    [said] = await bot.send(user, rest)
    field = CONTENT.questions["message"].label.id
    length = len(first) + 1 + len(rest)
    refused = shown(Text.INTAKE_REST_TOO_LONG, field=field, length=length, limit=1_000)
    assert said.text.startswith(refused)
    assert (await draft_answers(bot, user))["message"] == first


async def test_a_long_text_with_no_link_at_the_link_asks_for_a_link(bot: Harness) -> None:
    """M5: a 1,228-character synopsis at the work's link got "maksimal 500. Bisa
    dipersingkat?"; no shortening makes it a link. Now: a link is asked for here, and the
    story may go in the last question."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    synopsis = ("Sinopsis film kami tentang merantau ke Busan. " * 14).strip()
    [said] = await bot.send(user, synopsis)
    other = CONTENT.questions["message"].label.id
    asked = shown(Text.INTAKE_NO_LINK_LONG_REST, length=len(synopsis), other=other)
    assert said.text.startswith(asked)
    assert "portfolio_url" not in await draft_answers(bot, user)
