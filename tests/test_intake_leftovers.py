"""An attacker's findings in the form's readers (session 56): what a typed list leaves over
("wkwk", "makasih") is never stored as "Lainnya", a link at the works is the works, a typed
button's label at a free-text question is said, misspelt short choices are asked about."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    MUSICIAN,
    at_question,
    consent,
    draft_answers,
    editing,
    fill,
    label,
    listed,
    seen,
    shown,
    where,
)


async def _pending(bot: Harness, user_id: int) -> list[str]:
    draft = await bot.store.applications.draft_for(user_id)
    assert draft is not None
    return list(draft.pending or [])


async def test_chat_and_thanks_after_the_choices_are_never_lainnya(bot: Harness) -> None:
    """H1: "Pop, rock, wkwk" stored "Genre lain: Wkwk"; "Pop dan rock, makasih kak. Itu saja"
    reached staff as "Genre lain: Makasih", unsaid. Chat, thanks and laughter are left out;
    a word of who the talent is ("pelajar") is said as not ticked, never stored; a real word
    for Lainnya with "Itu saja" is said in the "Kucatat"."""
    ticked = listed([label("genres", "pop"), label("genres", "rock")])
    for typed in (
        "Pop, rock, wkwk",
        "Pop, rock, hehe",
        "Pop dan rock, thanks",
        "Pop, rock, dsb",
        # A second attacker (s56): chat and "and so on" beyond the first lists.
        "Pop, rock, gaes",
        "Pop, rock, thx",
        "Pop, rock, dan lain-lain",
        "Pop, rock, and more",
    ):
        user = await at_question(bot, "genres")
        [reply] = await bot.send(user, typed)
        assert reply.text.startswith(shown(Text.INTAKE_TICKED, ticked=ticked)), typed
        assert await _pending(bot, user.id) == ["pop", "rock"], typed
    user = await at_question(bot, "genres")
    [reply] = await bot.send(user, "Pop dan rock, makasih kak. Itu saja")
    assert reply.text.startswith(shown(Text.INTAKE_TAKEN, taken=ticked))
    stored = await draft_answers(bot, user)
    assert stored["genres"] == ["pop", "rock"]
    assert "genres_other" not in stored
    for typed in ("Pop, rock, semua", "Pop, rock, banyak"):
        user = await at_question(bot, "genres")
        [reply] = await bot.send(user, typed)
        assert "genres_other" not in await draft_answers(bot, user), typed
        assert await _pending(bot, user.id) == ["pop", "rock"], typed
    user = await at_question(bot, "languages")
    [reply] = await bot.send(user, "Indonesia, inggris, pelajar")
    languages = listed([label("languages", "indonesian"), label("languages", "english")])
    said = shown(
        Text.INTAKE_TICKED_LEFT_OTHER,
        ticked=languages,
        left="Pelajar",
        other=label("languages", "other"),
    )
    assert reply.text.startswith(said)
    assert "languages_other" not in await draft_answers(bot, user)
    # A plausible word still fills Lainnya, and with "Itu saja" it is said.
    user = await at_question(bot, "genres")
    [reply] = await bot.send(user, "Indie, rock, shoegaze. Itu saja")
    other = label("genres", "other")
    taken = listed([label("genres", "indie"), label("genres", "rock"), f"{other} (Shoegaze)"])
    assert reply.text.startswith(shown(Text.INTAKE_TAKEN, taken=taken))
    assert (await draft_answers(bot, user))["genres_other"] == "Shoegaze"
    assert await where(bot, user) != "genres"


async def test_a_link_at_the_works_is_the_works_unless_added_right_after_the_links(
    bot: Harness,
) -> None:
    """H2: the proudest work pasted right after the links, a link sent at the works after
    Back, and one sent while editing the works from the summary (the window counted from the
    draft's last press) went to Tautan lain, the works keeping their old value. The window
    is from the links' own answer, going on through the form only; and a link alone, with no
    word of adding ("sama", "and", "+"), is the works."""
    user = await at_question(bot, "other_links")
    await bot.send(user, "ig @sekaa.bali")
    assert await where(bot, user) == "notable_works"
    await bot.send(user, "youtube.com/watch?v=best999")
    stored = await draft_answers(bot, user)
    assert stored["notable_works"] == "youtube.com/watch?v=best999"
    assert stored["other_links"] == "https://www.instagram.com/sekaa.bali"
    back = await at_question(bot, "other_links")
    await bot.send(back, "ig @sekaa.bali")
    await bot.send(back, "Album Kabut 2023")  # the works, then Back to them
    await bot.press(back, CONTENT.text(Text.BTN_BACK, "id"))
    assert await where(bot, back) == "notable_works"
    await bot.send(back, "Sama youtube.com/watch?v=best999")
    stored = await draft_answers(bot, back)
    assert stored["notable_works"] == "Sama youtube.com/watch?v=best999"
    assert stored["other_links"] == "https://www.instagram.com/sekaa.bali"
    editing = bot.user()
    await bot.send(editing, "/daftar")
    await consent(bot, editing)
    await fill(bot, editing, MUSICIAN)  # the links answered moments ago
    await bot.press(editing, CONTENT.text(Text.BTN_EDIT, "id"))
    await bot.press(editing, CONTENT.questions["notable_works"].label.id)
    [reply] = await bot.send(editing, "Sama https://youtu.be/karyaterbaik")
    assert (
        shown(
            Text.INTAKE_LINKS_ADDED,
            field=CONTENT.questions["other_links"].label.id,
            links="https://youtu.be/karyaterbaik",
        )
        not in reply.text
    )
    stored = await draft_answers(bot, editing)
    assert stored["notable_works"] == "Sama https://youtu.be/karyaterbaik"
    assert stored["other_links"] == MUSICIAN["other_links"]


async def test_a_button_word_typed_at_a_name_is_asked_back_not_done(bot: Harness) -> None:
    """M1: a band called "Kembali" went back without a word ("Lewati" skipped), and while
    editing "Kembali" was stored. At a text question a button's words without its emoji are
    asked back, nothing done or stored; sent again, they are the answer; with the emoji
    ("⬅️ Kembali") it is the button."""
    asked = shown(Text.INTAKE_TYPED_BUTTON)
    user = await at_question(bot, "stage_name")
    for typed in ("Kembali", "Jeda dulu"):
        [reply] = await bot.send(user, typed)
        assert reply.text.startswith(asked), typed
        assert shown(Text.INTAKE_SEND_AGAIN) in reply.text
        assert await where(bot, user) == "stage_name"
        assert "stage_name" not in await draft_answers(bot, user)
    await seen(bot, user)
    await bot.send(user, "Jeda dulu")  # sent again: the band's name
    assert (await draft_answers(bot, user))["stage_name"] == "Jeda dulu"
    back = await at_question(bot, "stage_name")
    await bot.send(back, "⬅️ kembali")
    assert await where(bot, back) == "full_name"
    changing = await editing(bot, "stage_name")
    [reply] = await bot.send(changing, "Kembali")
    assert reply.text.startswith(asked)
    assert (await draft_answers(bot, changing))["stage_name"] == MUSICIAN["stage_name"]


async def test_short_misspelt_choices_are_asked_about_not_lainnya(bot: Harness) -> None:
    """M2: "rok", "Jazzz", "Keroncongan" filled Genre lain; long misspellings were asked
    about. A short one, a letter typed twice, or an ending added is asked about too."""
    for typed, ticked, near in (
        ("Pop, rok", ["pop"], "rock"),
        ("Pop, Rock, Jazzz", ["pop", "rock"], "jazz"),
        ("Pop, Rock, Keroncongan", ["pop", "rock"], "keroncong"),
    ):
        user = await at_question(bot, "genres")
        [reply] = await bot.send(user, typed)
        said = shown(
            Text.INTAKE_TICKED_NEAR,
            ticked=listed(label("genres", value) for value in ticked),
            near=label("genres", near),
        )
        assert reply.text.startswith(said), typed
        assert await _pending(bot, user.id) == ticked, typed
        assert "genres_other" not in await draft_answers(bot, user), typed


async def test_only_a_role_beside_the_role_gets_the_note(bot: Harness) -> None:
    """M3: "Aku penyanyi sama adikku" got "Adikku bisa kamu tulis…", "sering manggung" too;
    "Saya band n solo" stored Band/grup. Only a role gets the note; two roles, "n" joining
    them, get the one-role hint and nothing is stored."""
    solo = label("music_role", "solo_artist")
    for typed in ("Aku penyanyi sama adikku", "Saya penyanyi dan sering manggung"):
        user = await at_question(bot, "music_role")
        [reply] = await bot.send(user, typed)
        assert reply.text.startswith(shown(Text.INTAKE_TAKEN, taken=solo)), typed
        assert (await draft_answers(bot, user))["music_role"] == "solo_artist"
    user = await at_question(bot, "music_role")
    [reply] = await bot.send(user, "Aku penyanyi sama penari")
    assert reply.text.startswith(shown(Text.INTAKE_TAKEN_BESIDES, taken=solo, besides="Penari"))
    user = await at_question(bot, "music_role")
    [reply] = await bot.send(user, "Saya band n solo")
    assert reply.text.startswith(shown(Text.INTAKE_ROLE_ONE))
    assert await where(bot, user) == "music_role"
    assert "music_role" not in await draft_answers(bot, user)


async def test_genres_then_a_question_about_genres_tick_and_ask_the_faq(bot: Harness) -> None:
    """M4: "Pop dan rock. Apakah genre religi juga bisa?" ticked nothing and got "Pilih yang
    paling pas…". The genres are ticked and said below the FAQ's answer to the question."""
    user = await at_question(bot, "genres")
    replies = await bot.send(user, "Pop dan rock. Apakah genre religi juga bisa?")
    ticked = listed([label("genres", "pop"), label("genres", "rock")])
    assert replies[-1].text.startswith(shown(Text.INTAKE_TICKED, ticked=ticked))
    assert len(replies) == 2 and not replies[0].text.startswith(
        shown(Text.INTAKE_TICKED, ticked=ticked)
    )
    assert await _pending(bot, user.id) == ["pop", "rock"]
    assert await where(bot, user) == "genres"


async def test_a_program_named_beside_a_place_word_ticks_only_that_program(bot: Harness) -> None:
    """M5: "mau ke Korea buat MU:CON" ticked Musisi ke Korea and MU:CON (held in Seoul).
    A program named itself takes it; "yg ke Korea" alone still ticks Musisi ke Korea."""
    user = await at_question(bot, "programs_of_interest")
    [reply] = await bot.send(user, "mau ke Korea buat MU:CON")
    mucon = label("programs_of_interest", "mucon")
    assert reply.text.startswith(shown(Text.INTAKE_TICKED, ticked=mucon))
    assert await _pending(bot, user.id) == ["mucon"]
    alone = await at_question(bot, "programs_of_interest")
    await bot.send(alone, "Yg ke Korea kak")
    assert await _pending(bot, alone.id) == ["music_to_korea"]
    # Listed beside it, both (a second attacker's review: only MU:CON was ticked).
    for typed in ("ke Korea dan MU:CON", "mau ikut yang ke Korea sama MU:CON"):
        both = await at_question(bot, "programs_of_interest")
        await bot.send(both, typed)
        assert sorted(await _pending(bot, both.id)) == ["mucon", "music_to_korea"], typed


async def test_a_remark_after_a_comma_is_cut_from_the_name_and_said(bot: Harness) -> None:
    """L4: "Nama artis saya Galih Prasetyo, saya manajernya" stored ", saya manajernya" in
    the name. A remark after a comma starting with saya/aku/I'm is cut, as a bracketed one
    is, and the name kept is said."""
    for typed, kept in (
        ("Nama artis saya Galih Prasetyo, saya manajernya", "Galih Prasetyo"),
        ("Nama anak saya Putri Ayu, saya ibunya", "Putri Ayu"),
    ):
        user = await at_question(bot, "full_name")
        [reply] = await bot.send(user, typed)
        assert reply.text.startswith(shown(Text.INTAKE_TAKEN, taken=kept)), typed
        assert (await draft_answers(bot, user))["full_name"] == kept


async def test_symbols_at_a_name_and_a_learning_note_with_itu_saja(bot: Harness) -> None:
    """L1: "!!!" and "🎬" at the stage name got "Siap! 😊…"; they are asked in letters,
    never stored. L3: "Indonesia, korea lagi belajar. Itu saja" lost why Korean was not
    ticked; it is said with what was noted."""
    user = await at_question(bot, "stage_name")
    for typed in ("!!!", "🎬"):
        [reply] = await bot.send(user, typed)
        assert reply.text.startswith(shown(Text.INTAKE_SYMBOLS_ONLY)), typed
        assert await where(bot, user) == "stage_name"
    user = await at_question(bot, "languages")
    [reply] = await bot.send(user, "Indonesia, korea lagi belajar. Itu saja")
    indonesian = label("languages", "indonesian")
    assert reply.text.startswith(shown(Text.INTAKE_TAKEN, taken=indonesian))
    korean = label("languages", "korean")
    assert shown(Text.INTAKE_STILL_LEARNING, learning=korean) in reply.text
    assert (await draft_answers(bot, user))["languages"] == ["indonesian"]
