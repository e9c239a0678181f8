"""What the talents' review of session 64 typed at the form, read as they meant it: no email
at all, a yes-or-no question at the programs right after a long answer, Makassar's particles,
a Javanese "karo" among genres, a stage name said of the stage, a remark in brackets."""

from __future__ import annotations

from typing import Any

import pytest

from bot.content import Content
from bot.emulator import EmulatedUser
from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    at_question,
    draft_answers,
    label,
    seen,
    shown,
    where,
)
from tests.subscribers import complete_answers


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("TIDAK PUNYA EMAIL", "id"),
        ("SAYA TIDAK PUNYA EMAIL PAK", "id"),
        ("belum punya email", "id"),
        ("SAYA TIDAK PUNYA EMAIL BAGAIMANA?", "id"),
        ("nda ada email kak", "id"),
        ("I don't have an email", "en"),
    ],
)
async def test_no_email_gets_a_way_on_and_is_never_stored(
    bot: Harness, typed: str, language: str
) -> None:
    """H3: Pak Hasan, 61, has WhatsApp but no email; "TIDAK PUNYA EMAIL" got "that address
    is not right" and the same question, again and again. Now he is told what to do: an
    address of someone who passes messages on (said whose in the note), or /tanya. The
    sentence is no address: never stored, however often sent."""
    user = await at_question(bot, "email", language=language)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_EMAIL_NONE, language)), reply.text
    assert ("/tanya" if language == "id" else "/ask") in reply.text
    assert await where(bot, user) == "email"
    await seen(bot, user)
    await bot.send(user, typed)
    assert await where(bot, user) == "email"
    assert "email" not in await draft_answers(bot, user)
    await bot.send(user, "hasan.anak@gmail.com")  # his son's, as the note will say
    assert (await draft_answers(bot, user))["email"] == "hasan.anak@gmail.com"
    assert await where(bot, user) == "phone"


async def test_a_yes_or_no_question_right_after_a_long_answer_is_answered(
    bot: Harness,
) -> None:
    """M6: "JADI KERONCONG BOLEH ATAU TIDAK" at the programs, soon after the notable works,
    was called "the rest of your Karya penting answer" (press Back, rewrite it). A question
    goes to the answers mid-form, nothing ticked or stored, the works' answer kept."""
    user = await at_question(bot, "notable_works")
    await bot.send(user, "JUARA 1 BINTANG RADIO RRI 1998")
    assert await where(bot, user) == "programs_of_interest"
    works = CONTENT.questions["notable_works"].label.id
    for typed in ("JADI KERONCONG BOLEH ATAU TIDAK", "keroncong bisa apa nggak kak"):
        replies = await bot.send(user, typed)
        said = "\n".join(reply.text for reply in replies)
        assert shown(Text.INTAKE_NOT_ADDED, field=works) not in said, typed
        assert replies[-1].text.startswith(shown(Text.INTAKE_BACK_TO_FORM)), said
        assert await where(bot, user) == "programs_of_interest"
        draft = await bot.store.applications.draft_for(user.id)
        assert draft is not None and not draft.pending
        answers = await draft_answers(bot, user)
        assert answers["notable_works"] == "JUARA 1 BINTANG RADIO RRI 1998"


@pytest.mark.parametrize("typed", ["selesai mi", "sudah mi", "Udah mi kak"])
async def test_makassar_done_closes_a_multiple_choice(bot: Harness, typed: str) -> None:
    """L3: Andi's "selesai mi" and "sudah mi" after ticking got "pick from the buttons";
    Rara's "wes mas" closed the same choice. Makassar's particles are chat, as "kak" is."""
    user = await at_question(bot, "genres")
    await bot.press(user, label("genres", "pop"))
    await bot.send(user, typed)
    assert await where(bot, user) == "province"
    assert (await draft_answers(bot, user))["genres"] == ["pop"]


async def _offered_news(bot: Harness, content: Content) -> EmulatedUser:
    """A talent who has just sent a registration, the program-news offer the last message."""
    talent = bot.user(first_name="Andi")
    await bot.send(talent, "/start")
    draft = await bot.store.applications.create(
        talent.id, "id", "review", answers=complete_answers(content, sector="film")
    )
    anchor = talent.last_message.message_id
    await bot.act(talent, talent.press_raw, anchor, f"i:{draft.id}:{draft.step}:ok")
    assert talent.last_message.text == shown(Text.SUBSCRIBE_OFFER)
    return talent


@pytest.mark.parametrize(
    "typed", ["nda usah kak", "nda usah mi kak", "tidak usah mi", "ndak usah kak info programnya"]
)
async def test_makassar_no_to_the_news_offer_is_a_no(
    make_bot: Any, content: Content, typed: str
) -> None:
    """L3: "nda usah kak" under the news offer got "Ada yang bisa kubantu?" and the offer
    stayed unanswered, where "nggak usah kak" is the No button. Now it is too: declined,
    recorded, nothing switched on."""
    bot: Harness = await make_bot()
    talent = await _offered_news(bot, content)
    replies = await bot.send(talent, typed)
    assert replies[-1].text == shown(Text.SUBSCRIBE_DECLINED), typed
    user = await bot.store.users.get(talent.id)
    assert user is not None and not user.subscribed
    rows = await bot.store.db.fetch_all(
        "SELECT granted FROM consents WHERE user_id = ? AND kind = 'announcements'",
        (talent.id,),
    )
    assert [row[0] for row in rows] == [0]


async def test_a_genre_joined_with_javanese_karo_is_said_not_dropped(bot: Harness) -> None:
    """L7: Rara's "pop karo folk jawa mas, kadang keroncong" ticked Pop and Keroncong, and
    "folk jawa" was dropped without a word. "karo" joins two items as "dan" does: the one no
    button names is said, with how to add it; "gendang karo" stays one item."""
    user = await at_question(bot, "genres")
    [reply] = await bot.send(user, "pop karo folk jawa mas, kadang keroncong")
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None and draft.pending == ["pop", "keroncong"]
    assert "Folk jawa" in reply.text
    assert "mas" not in reply.text.split("Folk jawa", 1)[1].split()[0]
    user = await at_question(bot, "genres")
    [reply] = await bot.send(user, "pop, gendang karo")
    assert "Gendang karo" in reply.text


async def test_a_stage_name_said_of_the_stage_is_asked_back(bot: Harness) -> None:
    """L8: "nek panggung aku pake Rara Sekar mas" (Javanese: on stage I use Rara Sekar) was
    stored whole as the stage name, and staff read the sentence. Now "Rara Sekar?" is asked,
    as for "tampil dengan nama …", and pressing it keeps the name alone."""
    user = await at_question(bot, "stage_name")
    [reply] = await bot.send(user, "nek panggung aku pake Rara Sekar mas")
    assert shown(Text.INTAKE_STAGE_NAME_FOUND, name="Rara Sekar") in reply.text
    assert "stage_name" not in await draft_answers(bot, user)
    await bot.press(user, reply.button_texts[0])
    assert (await draft_answers(bot, user))["stage_name"] == "Rara Sekar"


async def test_a_chat_remark_in_brackets_is_no_part_of_the_company(bot: Harness) -> None:
    """L8: "Kolektif Pa'rasangang Films (indie ji kak)" was stored with the aside. Words said
    to the bot in brackets (a particle, "kak") are a remark: the name kept alone, and said
    back; a place in brackets stays ("Lontara Docs (Makassar)")."""
    user = await at_question(bot, "company_name", answers=FILMMAKER)
    [reply] = await bot.send(user, "Kolektif Pa'rasangang Films (indie ji kak)")
    assert (await draft_answers(bot, user))["company_name"] == "Kolektif Pa'rasangang Films"
    assert "Kolektif Pa'rasangang Films" in reply.text
    user = await at_question(bot, "company_name", answers=FILMMAKER)
    await bot.send(user, "Lontara Docs (Makassar)")
    assert (await draft_answers(bot, user))["company_name"] == "Lontara Docs (Makassar)"
