"""What Bang Togar, a producer who writes formally and sends several messages in a row, sent
in a talents' review (session 65): profile links as a second message after the links (F2),
and a second role after the role was taken (F4)."""

from __future__ import annotations

from bot.emulator import EmulatedUser
from bot.leads.form_order import choices
from bot.store.db import ago
from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    at_question,
    draft_answers,
    editing,
    seen,
    shown,
    where,
)

IMDB = "https://www.imdb.com/name/nm1234567/"


async def _minutes_on(bot: Harness, user: EmulatedUser) -> None:
    """Three minutes since the screen and the answers before it."""
    await seen(bot, user, 180)
    async with bot.store.db.transaction() as tx:
        await tx.execute(
            "UPDATE answers SET answered_at = ? WHERE application_id IN"
            " (SELECT id FROM applications WHERE user_id = ?)",
            (ago(180), user.id),
        )


async def test_profile_links_sent_right_after_the_links_are_added_to_them(bot: Harness) -> None:
    """F2: "IMDb saya: …", then "Instagram: instagram.com/tobasinema" as a second message, and
    the Instagram link was stored as his proudest work, "IMDb saya: " kept before the IMDb
    link. Now the label is left out, the profile is added to the links and said, and the
    works are still asked; a link to a work sent so is the works, as before."""
    togar = await at_question(bot, "other_links", answers=FILMMAKER)
    await bot.send(togar, f"IMDb saya: {IMDB}")
    assert await where(bot, togar) == "notable_works"
    [told] = await bot.send(togar, "Instagram: instagram.com/tobasinema")
    links = CONTENT.questions["other_links"].label.id
    added = shown(Text.INTAKE_LINKS_ADDED, field=links, links="https://instagram.com/tobasinema")
    assert told.text.startswith(added)
    assert CONTENT.questions["notable_works"].prompt.id in told.text
    stored = await draft_answers(bot, togar)
    assert stored["other_links"].split("\n") == [IMDB, "https://instagram.com/tobasinema"]
    assert "notable_works" not in stored
    await bot.send(togar, "https://youtu.be/tanotubu2019")  # his film: the works
    stored = await draft_answers(bot, togar)
    assert stored["notable_works"] == "https://youtu.be/tanotubu2019"
    assert stored["other_links"].split("\n") == [IMDB, "https://instagram.com/tobasinema"]


async def test_a_profile_link_sent_right_after_the_links_changed_at_the_review_is_added(
    bot: Harness,
) -> None:
    """F2: after Ubah jawaban → Tautan lain, his second link got "👆 Di sini pakai tombol" at
    the review and was lost. Now it is added to the links, said, and the review shown."""
    togar = await editing(bot, "other_links")
    await bot.send(togar, f"IMDb saya: {IMDB}")
    assert await where(bot, togar) == "review"
    [told] = await bot.send(togar, "Instagram: instagram.com/tobasinema")
    links = CONTENT.questions["other_links"].label.id
    added = shown(
        Text.INTAKE_LINKS_ADDED_REVIEW, field=links, links="https://instagram.com/tobasinema"
    )
    assert told.text.startswith(added)
    assert await where(bot, togar) == "review"
    stored = await draft_answers(bot, togar)
    assert stored["other_links"].split("\n") == [IMDB, "https://instagram.com/tobasinema"]


async def test_a_second_role_sent_after_the_role_is_told_where_it_goes(bot: Harness) -> None:
    """F4: "Produser" taken, then "Mohon maaf, saya juga penulis skenario." and "Apakah bisa
    pilih dua peran?" arrived at the formats: "pilih dari tombol…", then "Tekan ⏸ Jeda dulu",
    and never where a second role goes. The form keeps one main role; now both are told so,
    with the role kept and the last question named for the others, in either language;
    nothing is ticked and the role stays."""
    producer = {**FILMMAKER, "film_role": "film_producer"}
    roles = dict(choices(CONTENT.questions["film_role"], CONTENT, {}))
    for language in ("id", "en"):
        togar = await at_question(bot, "film_formats", language, answers=producer)
        typed = (
            "Mohon maaf, saya juga penulis skenario."
            if language == "id"
            else ("Sorry, I'm also a screenwriter.")
        )
        [told] = await bot.send(togar, typed)
        role, other = roles["film_producer"].get(language), roles["screenwriter"].get(language)
        kept = shown(Text.INTAKE_ROLE_KEPT_OTHER, language, role=role, other=other)
        assert told.text.startswith(kept), told.text
        asked = "Apakah bisa pilih dua peran?" if language == "id" else "Can I pick two roles?"
        [told] = await bot.send(togar, asked)
        assert told.text.startswith(shown(Text.INTAKE_ROLE_KEPT, language, role=role))
        assert CONTENT.questions["message"].label.get(language) in told.text
        assert await where(bot, togar) == "film_formats"
        stored = await draft_answers(bot, togar)
        assert stored["film_role"] == "film_producer"
        assert "film_formats" not in stored


async def test_a_profile_link_later_at_the_works_is_asked_back(bot: Harness) -> None:
    """F2: a profile link sent at the works, minutes after the links, was stored as the
    proudest work without a word. Now it is asked back, with where it belongs, and the same
    text once more is the answer; a link to a work is the works at once, as before."""
    togar = await at_question(bot, "other_links", answers=FILMMAKER)
    await bot.send(togar, f"IMDb saya: {IMDB}")
    await _minutes_on(bot, togar)  # no second part of the links
    [told] = await bot.send(togar, "Instagram: instagram.com/tobasinema")
    links = CONTENT.questions["other_links"].label.id
    assert shown(Text.INTAKE_PROFILE_LINK_HERE, field=links) in told.text
    assert await where(bot, togar) == "notable_works"
    assert "notable_works" not in await draft_answers(bot, togar)
    await seen(bot, togar)  # read, then sent once more: the answer
    await bot.send(togar, "Instagram: instagram.com/tobasinema")
    stored = await draft_answers(bot, togar)
    assert stored["notable_works"] == "Instagram: instagram.com/tobasinema"
    assert stored["other_links"] == IMDB
    film = await at_question(bot, "other_links", answers=FILMMAKER)
    await bot.send(film, f"IMDb saya: {IMDB}")
    await _minutes_on(bot, film)
    await bot.send(film, "https://youtu.be/tanotubu2019")
    assert (await draft_answers(bot, film))["notable_works"] == "https://youtu.be/tanotubu2019"


async def test_a_profile_link_sent_on_to_a_question_of_buttons_is_added_to_the_links(
    bot: Harness,
) -> None:
    """A newcomers' review s65, F1: Dimas sent five messages at the works (Spotify, YouTube,
    TikTok, "EP Hutan Kota 2023", SoundCloud); the last reached the programs (buttons) and
    got only "pilih dari tombol": in no answer, while he believed staff had it. Now it is
    added to the links and said, the programs still asked; minutes later, it is told where
    it belongs, nothing stored."""
    dimas = await at_question(bot, "portfolio_url")
    for text in (
        "https://open.spotify.com/artist/1rImbaSuara00000000000",
        "https://www.youtube.com/@rimbasuara",
        "tiktok.com/@rimbasuara.official",
        "EP Hutan Kota 2023",
    ):
        await bot.send(dimas, text)
    assert await where(bot, dimas) == "programs_of_interest"
    [told] = await bot.send(dimas, "https://soundcloud.com/rimbasuara")
    links = CONTENT.questions["other_links"].label.id
    added = shown(
        Text.INTAKE_LINKS_ADDED_AT_BUTTONS, field=links, links="https://soundcloud.com/rimbasuara"
    )
    assert told.text.startswith(added), told.text
    assert CONTENT.questions["programs_of_interest"].prompt.id in told.text
    assert await where(bot, dimas) == "programs_of_interest"
    stored = await draft_answers(bot, dimas)
    assert stored["other_links"].split("\n") == [
        "https://www.youtube.com/@rimbasuara",
        "https://tiktok.com/@rimbasuara.official",
        "https://soundcloud.com/rimbasuara",
    ]
    assert stored["notable_works"] == "EP Hutan Kota 2023"
    later = await at_question(bot, "programs_of_interest", "en")
    await _minutes_on(bot, later)
    [told] = await bot.send(later, "https://soundcloud.com/rimbasuara")
    links = CONTENT.questions["other_links"].label.en
    assert shown(Text.INTAKE_PROFILE_LINK_AT_BUTTONS, "en", field=links) in told.text
    assert await where(bot, later) == "programs_of_interest"
    assert "soundcloud" not in (await draft_answers(bot, later))["other_links"]


def _with_other_role(answers: dict[str, object], key: str, value: str) -> dict[str, object]:
    """The answers with "Lainnya" as the role, its own words asked right after it."""
    given: dict[str, object] = {}
    for question_key, answer in answers.items():
        given[question_key] = answer
        if question_key == key:
            given[key] = value
            given[f"{key}_other"] = None
    return given


async def test_a_role_in_its_own_words_after_lainnya_is_stored(bot: Harness) -> None:
    """A review s65: at "Peranmu apa tepatnya?" after Lainnya, "Asisten sutradara" was told
    every time that the form keeps one main role, Lainnya, and that Sutradara goes in the
    note to the team; nothing was stored. There the text is the role: it is stored, and the
    form moves on, for a filmmaker and a musician alike."""
    sent = [
        ("film_role", "other_film_role", FILMMAKER, "Asisten sutradara", "film_formats"),
        ("film_role", "other_film_role", FILMMAKER, "Penata kamera drone", "film_formats"),
        ("music_role", "other_music_role", MUSICIAN, "Guru vokal & penyanyi", "genres"),
        ("music_role", "other_music_role", MUSICIAN, "Arranger dan penulis lagu", "genres"),
    ]
    for key, value, answers, typed, then in sent:
        bima = await at_question(bot, f"{key}_other", answers=_with_other_role(answers, key, value))
        [told] = await bot.send(bima, typed)
        assert CONTENT.questions[then].prompt.id in told.text, told.text
        stored = await draft_answers(bot, bima)
        assert stored[f"{key}_other"] == typed
        assert stored[key] == value


async def test_an_assistant_director_at_the_formats_is_no_director(bot: Harness) -> None:
    """A review s65: after Penulis skenario, "Asisten sutradara" at the formats was told
    "Peranmu sebagai Sutradara bisa kamu tulis…": an assistant director read as a Director.
    A role named with Lainnya's words is no second role of those buttons; a role named
    alone still is."""
    writer = {**FILMMAKER, "film_role": "screenwriter"}
    roles = dict(choices(CONTENT.questions["film_role"], CONTENT, {}))
    bima = await at_question(bot, "film_formats", answers=writer)
    [told] = await bot.send(bima, "Asisten sutradara")
    kept = shown(
        Text.INTAKE_ROLE_KEPT_OTHER,
        role=roles["screenwriter"].id,
        other=roles["director"].id,
    )
    assert not told.text.startswith(kept), told.text
    [told] = await bot.send(bima, "Saya juga sutradara")
    assert told.text.startswith(kept), told.text
    stored = await draft_answers(bot, bima)
    assert stored["film_role"] == "screenwriter"


async def test_a_facebook_video_right_after_the_links_is_the_works(bot: Harness) -> None:
    """A review s65: Rara's proudest work, a concert video on Facebook sent right after the
    links, was moved to "Tautan lain" as a profile. A Facebook video, post or photo is a
    work: stored as the works, the links as they were; a Facebook page still is a profile."""
    videos = [
        "https://www.facebook.com/watch?v=1234567890",
        "https://www.facebook.com/watch/?v=1234567890",
        "https://www.facebook.com/story.php?story_fbid=123&id=456",
        "https://www.facebook.com/photo.php?fbid=123",
    ]
    for video in videos:
        rara = await at_question(bot, "other_links")
        await bot.send(rara, "instagram.com/rarasekar")
        assert await where(bot, rara) == "notable_works"
        await bot.send(rara, video)
        stored = await draft_answers(bot, rara)
        assert stored["notable_works"] == video
        assert stored["other_links"] == "https://instagram.com/rarasekar"
    rara = await at_question(bot, "other_links")
    await bot.send(rara, "instagram.com/rarasekar")
    await bot.send(rara, "https://www.facebook.com/rarasekar")
    assert await where(bot, rara) == "notable_works"
    stored = await draft_answers(bot, rara)
    assert stored["other_links"].split("\n")[-1] == "https://www.facebook.com/rarasekar"
