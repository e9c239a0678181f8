"""What five talents typed at the form's readers in a review (session 56), read as they meant
it: a link sent as a second message, plurals of a choice, programs in their own words, a
button's words typed, a language still being learnt, a button's symbol typed."""

from __future__ import annotations

from bot.emulator import EmulatedUser
from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    answer,
    at_question,
    draft_answers,
    label,
    listed,
    seen,
    shown,
    where,
)


async def test_a_link_sent_right_after_the_links_is_added_to_them(bot: Harness) -> None:
    """H1: Putu's "Sama youtube.com/@sekaadigital", sent right after "IG @arsana.gamelan" at
    the other links, was stored as his notable works. Now it is added to the links, said, and
    the works still asked; words that are not only links are the works, as before; later, a
    link is the works too."""
    user = await at_question(bot, "other_links")
    links = CONTENT.questions["other_links"].label.id
    await bot.send(user, "IG @arsana.gamelan")
    assert await where(bot, user) == "notable_works"
    [told] = await bot.send(user, "Sama youtube.com/@sekaadigital")
    # With "https://", as the work's link (s61, L6).
    added = shown(Text.INTAKE_LINKS_ADDED, field=links, links="https://youtube.com/@sekaadigital")
    assert told.text.startswith(added)
    assert CONTENT.questions["notable_works"].prompt.id in told.text
    assert await where(bot, user) == "notable_works"
    stored = await draft_answers(bot, user)
    assert stored["other_links"].split("\n") == [
        "https://www.instagram.com/arsana.gamelan",
        "https://youtube.com/@sekaadigital",
    ]
    assert "notable_works" not in stored
    await bot.send(user, "and tiktok @arsana.gamelan")  # one more, still soon
    assert (await draft_answers(bot, user))["other_links"].split("\n")[-1] == (
        "https://www.tiktok.com/@arsana.gamelan"
    )
    await bot.send(user, "Album Kabut Lembang 2023 youtube.com/watch?v=abc")  # the works
    assert (await draft_answers(bot, user))["notable_works"] == (
        "Album Kabut Lembang 2023 youtube.com/watch?v=abc"
    )
    later = await at_question(bot, "other_links")
    await answer(bot, later, "other_links", "ig @sari.music")
    await seen(bot, later, 180)  # three minutes on: the works' answer
    await bot.send(later, "youtube.com/watch?v=abc")
    stored = await draft_answers(bot, later)
    assert stored["notable_works"] == "youtube.com/watch?v=abc"
    assert stored["other_links"] == "https://www.instagram.com/sari.music"


async def _ticked(bot: Harness, user: EmulatedUser) -> list[str]:
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None
    return list(draft.pending or [])


async def test_plurals_and_doubled_words_of_a_choice_tick_it(bot: Harness) -> None:
    """H3: Rina's "Feature films and documentaries" ticked Feature film and told her to
    type "Documentaries" under Other, with a Documentary button on screen. A plural (-s,
    -ies) or a doubled word ("film-film", "lagu2") of a choice's name ticks it."""
    rina = await at_question(bot, "film_formats", "en", answers=FILMMAKER)
    [told] = await bot.send(rina, "Feature films and documentaries")
    ticked = listed(
        [label("film_formats", "feature", "en"), label("film_formats", "documentary", "en")], "en"
    )
    assert told.text.startswith(shown(Text.INTAKE_TICKED, "en", ticked=ticked))
    assert await _ticked(bot, rina) == ["feature", "documentary"]
    assert "film_formats_other" not in await draft_answers(bot, rina)
    dimas = await at_question(bot, "film_formats", answers=FILMMAKER)
    [told] = await bot.send(dimas, "film-film pendek sama dokumenter2")
    ticked = listed([label("film_formats", "short"), label("film_formats", "documentary")])
    assert told.text.startswith(shown(Text.INTAKE_TICKED, ticked=ticked))
    assert await _ticked(bot, dimas) == ["short", "documentary"]


async def test_programs_typed_in_talents_words_are_ticked(bot: Harness) -> None:
    """M2: at the programs, "Dua2nya" (Putu), "Co-production and the BIFF project market",
    "co-production, APM" (Rina) and "Yg ke Korea kak" (Fajar, with one "ke Korea" button)
    were told to use the buttons. Each ticks what it names (`words` in programs.yaml)."""
    for typed, answers, language, ticked in (
        ("Dua2nya", MUSICIAN, "id", ["music_to_korea", "mucon"]),
        ("Yg ke Korea kak", MUSICIAN, "id", ["music_to_korea"]),
        (
            "Co-production and the BIFF project market",
            FILMMAKER,
            "en",
            ["coproduction", "biff_apm"],
        ),
        ("co-production, APM", FILMMAKER, "en", ["coproduction", "biff_apm"]),
        ("coproduction", FILMMAKER, "id", ["coproduction"]),
    ):
        user = await at_question(bot, "programs_of_interest", language, answers=answers)
        [told] = await bot.send(user, typed)
        labels = listed(
            (label("programs_of_interest", value, language) for value in ticked), language
        )
        assert told.text.startswith(shown(Text.INTAKE_TICKED, language, ticked=labels)), typed
        assert await _ticked(bot, user) == ticked, typed


async def test_a_buttons_own_words_typed_are_that_button(bot: Harness) -> None:
    """M3: Andre's typed "Selesai memilih" was refused at the programs and the languages
    ("Selesai" worked). A button's label typed, whatever its case and emoji, is that button
    (Done, Back, Keep, Pause); "Done choosing" closes as "Done" does."""
    user = await at_question(bot, "programs_of_interest")
    await bot.press(user, label("programs_of_interest", "mucon"))
    await bot.send(user, "Selesai memilih")
    assert await where(bot, user) == "languages"
    assert (await draft_answers(bot, user))["programs_of_interest"] == ["mucon"]
    await bot.press(user, label("languages", "indonesian"))
    await bot.send(user, "✔️ selesai MEMILIH")
    assert await where(bot, user) == "email"
    assert (await draft_answers(bot, user))["languages"] == ["indonesian"]
    await bot.send(user, "Kembali")
    assert await where(bot, user) == "languages"
    await bot.send(user, "⬅️ kembali")
    assert await where(bot, user) == "programs_of_interest"
    rina = await at_question(bot, "languages", "en", answers=FILMMAKER)
    await bot.press(rina, label("languages", "english", "en"))
    await bot.send(rina, "Done choosing")
    assert await where(bot, rina) == "email"
    assert (await draft_answers(bot, rina))["languages"] == ["english"]
    await bot.send(rina, "rina@example.com")
    await bot.send(rina, "back")
    assert await where(bot, rina) == "email"
    await bot.send(rina, "Keep this answer")
    assert await where(bot, rina) == "phone"
    assert (await draft_answers(bot, rina))["email"] == "rina@example.com"


async def test_a_symbol_alone_at_a_text_is_no_answer_and_the_pause_symbol_pauses(
    bot: Harness,
) -> None:
    """M12: Andre's "⏸" (as on the "⏸ Jeda dulu" button) was stored as his city. A button's
    symbol alone, or its label typed, is that button; other symbols alone are no answer,
    however often sent."""
    user = await at_question(bot, "city")
    for typed in ("✨", "✨", "-", "..."):
        [told] = await bot.send(user, typed)
        assert told.text.startswith(shown(Text.INTAKE_SYMBOLS_ONLY)), typed
        assert await where(bot, user) == "city"
        assert "city" not in await draft_answers(bot, user)
    for typed in ("⏸", "⏸️ Jeda dulu"):
        [paused] = await bot.send(user, typed)
        assert paused.text.startswith(shown(Text.INTAKE_CANCELLED).split("\n")[0]), typed
        draft = await bot.store.applications.draft_for(user.id)
        assert draft is not None and not draft.active
        assert "city" not in await draft_answers(bot, user)
        await bot.send(user, "/daftar")
        assert await where(bot, user) == "city"
    await bot.send(user, "서울")  # letters of any script are an answer
    assert (await draft_answers(bot, user))["city"] == "서울"


async def test_a_language_still_being_learnt_is_not_ticked_and_that_is_said(
    bot: Harness,
) -> None:
    """M11: Fajar's "Indonesia, inggris dikit, korea lg belajar" ticked Korean as a working
    language. One being learnt is not ticked, and that is said; "dikit" still ticks."""
    user = await at_question(bot, "languages")
    [told] = await bot.send(user, "Indonesia, inggris dikit, korea lg belajar")
    ticked = listed(label("languages", value) for value in ("indonesian", "english"))
    assert told.text.startswith(shown(Text.INTAKE_TICKED, ticked=ticked))
    korean = label("languages", "korean")
    assert shown(Text.INTAKE_STILL_LEARNING, learning=korean) in told.text
    assert await _ticked(bot, user) == ["indonesian", "english"]
    [told] = await bot.send(user, "korea masih belajar")  # alone: nothing ticked, said
    assert told.text.startswith(shown(Text.INTAKE_STILL_LEARNING, learning=korean))
    assert await _ticked(bot, user) == ["indonesian", "english"]
    rina = await at_question(bot, "languages", "en", answers=FILMMAKER)
    await bot.send(rina, "Indonesian, English, Korean (learning)")
    assert await _ticked(bot, rina) == ["indonesian", "english"]


async def test_a_choice_misspelt_beside_others_is_asked_about_not_sent_to_other(
    bot: Harness,
) -> None:
    """H3, its other half: a leftover word that is a form of a choice on screen is never
    Lainnya's ("Feature films, documentery" stored "Documentery" as another format, since a
    plain word beside choices ticks Other): asked about, nothing stored for Other."""
    rina = await at_question(bot, "film_formats", "en", answers=FILMMAKER)
    [told] = await bot.send(rina, "Feature films, documentery")
    feature = label("film_formats", "feature", "en")
    near = label("film_formats", "documentary", "en")
    assert told.text.startswith(shown(Text.INTAKE_TICKED_NEAR, "en", ticked=feature, near=near))
    assert await _ticked(bot, rina) == ["feature"]
    assert "film_formats_other" not in await draft_answers(bot, rina)
