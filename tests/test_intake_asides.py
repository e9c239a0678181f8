"""What a talent says beside an answer, or asks in the middle of the form (a talents' review,
session 58): a program asked about gets its line and the form's question again, a second
number in brackets is a remark, done and filler words are read, a role said beside a role
is said."""

from __future__ import annotations

from typing import Any

from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    answer,
    at_question,
    consent,
    draft_answers,
    label,
    listed,
    rendered,
    shown,
    where,
)


def _line(key: str, language: str = "id") -> str:
    """A program's line, as the form's summary of the programs gives it."""
    program = CONTENT.programs[key]
    return f"• {program.choice_label.get(language)}: {rendered(program.about.get(language))}"


async def _pending(bot: Harness, user_id: int) -> Any:
    draft = await bot.store.applications.draft_for(user_id)
    assert draft is not None
    return draft.pending


async def test_a_program_asked_about_mid_form_gets_its_line_and_the_question_again(
    bot: Harness,
) -> None:
    """M1: Sekar's "MU:CON itu apa nggih…? Bedanya dengan Musisi ke Korea apa?" got the whole
    MU:CON page (eight sections), and the form's question was far above it."""
    user = await at_question(bot, "programs_of_interest")
    typed = (
        "Nyuwun sewu, MU:CON itu apa nggih, apakah musik gamelan bisa tampil di sana? "
        "Bedanya dengan Musisi ke Korea apa?"
    )
    *answered, form = await bot.send(user, typed)
    said = "\n".join(reply.text for reply in answered)
    assert _line("mucon") in said
    assert _line("music_to_korea") in said  # named in the question too
    assert rendered(CONTENT.programs["mucon"].what.id) not in said  # not the whole page
    assert "/program" in said
    assert shown(Text.BTN_NOT_THIS) in answered[-1].button_texts
    # Below it, the form's question with its buttons, nothing ticked.
    assert form.text.startswith(shown(Text.INTAKE_BACK_TO_FORM))
    assert shown(Text.BTN_DONE) in form.button_texts
    assert await where(bot, user) == "programs_of_interest"
    assert await _pending(bot, user.id) in (None, [])


async def test_a_filmmakers_program_question_mid_form_gets_its_line(bot: Harness) -> None:
    """M1: Kadek's "Pelatihan HOI itu bisa daftar lewat sini?" got the whole HOI page."""
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    keys = list(FILMMAKER)
    for key in keys[: keys.index("programs_of_interest")]:
        await answer(bot, user, key, FILMMAKER[key])
    *answered, form = await bot.send(user, "Pelatihan HOI itu bisa daftar lewat sini?")
    said = "\n".join(reply.text for reply in answered)
    assert _line("training_center") in said
    assert rendered(CONTENT.programs["training_center"].what.id) not in said
    assert shown(Text.BTN_DONE) in form.button_texts
    assert await where(bot, user) == "programs_of_interest"


async def test_a_second_number_in_brackets_is_a_remark_not_a_question(bot: Harness) -> None:
    """M4: Nabila's "0857-1122-3344 (wa mama aku juga bisa 0812-9988-7766)" got "About this
    question?"; her own number, outside the brackets, is taken, the rest said as not kept."""
    user = await at_question(bot, "phone")
    [reply] = await bot.send(user, "0857-1122-3344 (wa mama aku juga bisa 0812-9988-7766)")
    remark = "wa mama aku juga bisa 0812-9988-7766"
    assert reply.text.startswith(shown(Text.INTAKE_PHONE_REMARK, remark=remark))
    assert (await draft_answers(bot, user))["phone"] == "+6285711223344"
    # Two numbers side by side are still asked about: which is the talent's is not said.
    user = await at_question(bot, "phone")
    [reply] = await bot.send(user, "0857-1122-3344, 0812-9988-7766")
    assert reply.text.startswith(shown(Text.INTAKE_TWO_PHONES))
    assert "phone" not in await draft_answers(bot, user)


async def test_a_remark_that_only_says_whatsapp_is_not_said_back(bot: Harness) -> None:
    """L11: "0812-2765-4410 (WA nggih)" was told the remark "WA nggih" was not saved."""
    user = await at_question(bot, "phone")
    [reply] = await bot.send(user, "0812-2765-4410 (WA nggih)")
    assert shown(Text.INTAKE_PHONE_REMARK, remark="WA nggih") not in reply.text
    assert "nggih" not in reply.text
    assert (await draft_answers(bot, user))["phone"] == "+6281227654410"


async def test_filler_after_an_item_is_not_part_of_it(bot: Harness) -> None:
    """L1: "…, dan bahasa Jawa tentu saja" offered "bahasa Jawa tentu" to add; and the note
    on what Lainnya holds said "Kucentang A dan B, dan C" (the ticked-with-other note reads
    with one "dan")."""
    user = await at_question(bot, "languages")
    [reply] = await bot.send(user, "Indonesia, Inggris (lumayan), dan bahasa Jawa tentu saja")
    assert "tentu" not in reply.text
    ticked = listed([label("languages", "indonesian"), label("languages", "english")])
    other = CONTENT.questions["languages_other"].label.id
    said = shown(Text.INTAKE_TICKED_WITH_OTHER, ticked=ticked, left="bahasa Jawa", other=other)
    assert reply.text.startswith(said)
    assert reply.text.split(".")[0].count(" dan ") == 1
    assert (await draft_answers(bot, user)).get("languages_other") == "bahasa Jawa"


async def test_done_words_typed_short_or_drawn_out_close_the_choice(bot: Harness) -> None:
    """L3: "dah" and "udahh 😆" were told to pick from the buttons, where "udah" closed it."""
    for typed in ("dah", "udahh 😆", "Udahhh"):
        user = await at_question(bot, "genres")
        await bot.send(user, "rock")
        await bot.send(user, typed)
        assert await where(bot, user) == "province", typed
        assert (await draft_answers(bot, user))["genres"] == ["rock"], typed


async def test_metal_is_rock_as_the_content_says(bot: Harness) -> None:
    """L2: "ROCK sama metal" ticked Rock only: the genres' words put metal under Rock, so
    nothing is left over to say."""
    user = await at_question(bot, "genres")
    [reply] = await bot.send(user, "ROCK sama metal")
    assert reply.text.startswith(shown(Text.INTAKE_TICKED, ticked=label("genres", "rock")))
    assert await _pending(bot, user.id) == ["rock"]


async def test_a_role_of_three_words_beside_the_role_is_said(bot: Harness) -> None:
    """L13: Nabila's "penyanyi sama dancer cover kpop kak" took Penyanyi/artis solo and
    dropped the dancing without a word."""
    user = await at_question(bot, "music_role")
    [reply] = await bot.send(user, "penyanyi sama dancer cover kpop kak")
    solo = label("music_role", "solo_artist")
    said = shown(Text.INTAKE_TAKEN_BESIDES, taken=solo, besides="Dancer cover kpop")
    assert reply.text.startswith(said)
    assert (await draft_answers(bot, user))["music_role"] == "solo_artist"


async def test_an_animator_at_the_film_role_is_lainnya_with_their_words(bot: Harness) -> None:
    """Hendra: "animator" at the film role was refused ("pilih Lainnya, lalu tulis sendiri")
    though no role fits it better than Lainnya with that word."""
    for typed in ("animator", "animasi"):
        user = await at_question(bot, "film_role", answers=FILMMAKER)
        [reply] = await bot.send(user, typed)
        other = label("film_role", "other_film_role")
        assert reply.text.startswith(shown(Text.INTAKE_OTHER_TAKEN, other=other, answer=typed))
        stored = await draft_answers(bot, user)
        assert stored["film_role"] == "other_film_role"
        assert stored["film_role_other"] == typed
