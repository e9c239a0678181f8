"""Questions typed in the middle of the form, at the step they are about (a talents' review,
s51): answered from the step's own choices, never ticked as choices, and said one way."""

from __future__ import annotations

from typing import Any

import pytest

from bot.leads.change_wish import asks_about_the_choice
from bot.store.db import ago
from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    answer,
    apply,
    at_question,
    consent,
    copy_label,
    data_copy,
    label,
    listed,
    opening,
    rendered,
    section,
    shown,
    where,
)


async def _pending(bot: Harness, user_id: int) -> Any:
    draft = await bot.store.applications.draft_for(user_id)
    assert draft is not None
    return draft.pending


async def _stored(bot: Harness, user_id: int) -> dict[str, Any]:
    draft = await bot.store.applications.draft_for(user_id)
    assert draft is not None
    return await bot.store.applications.answers(draft.id)


async def _filmmaker_at(bot: Harness, key: str, language: str = "id") -> Any:
    """A new filmmaker who has consented and answered up to `key` (as `at_question` does
    for a musician)."""
    user = bot.user(language_code=language)
    await bot.send(user, "/daftar" if language == "id" else "/register")
    await consent(bot, user, language=language)
    keys = list(FILMMAKER)
    for earlier in keys[: keys.index(key)]:
        await answer(bot, user, earlier, FILMMAKER[earlier], language)
    assert await where(bot, user) == key
    return user


def _line(key: str, language: str) -> str:
    """The line on a program the form gives: its button's name, its page's `about` (what
    kind of thing it is, its status, how a talent gets in)."""
    program = CONTENT.programs[key]
    return f"• {program.choice_label.get(language)}: {rendered(program.about.get(language))}"


def _said_of(reply: str, key: str, language: str) -> str:
    """What a summary says of one program: its line, without the bullet and name."""
    name = f"• {CONTENT.programs[key].choice_label.get(language)}: "
    [line] = [line for line in reply.split("\n") if line.startswith(name)]
    return line.removeprefix(name)


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", "what's the difference between these two?"),  # got the KOFIC film page
        ("en", "which one should I pick"),
        ("id", "bedanya apa kak"),
        ("id", "yang mana yg cocok buat aku?"),
        # A field's or a place's word names no one program (read loosely, s52).
        ("id", "program musik mana yang cocok"),
        ("en", "which music program suits me"),
        # One by its button's name, the other folded ("mucon", "mu con"): both (s54).
        ("id", "Bedanya musisi ke korea sama mucon apa ya kak?"),
        ("en", "difference between mu con and music talent to korea"),
    ],
)
async def test_a_question_about_the_programs_gets_a_line_on_each_from_its_page(
    bot: Harness, language: str, typed: str
) -> None:
    user = await at_question(bot, "programs_of_interest", language)
    replies = await bot.send(user, typed)
    [reply] = replies  # no page from the matcher above the form
    for key in ("music_to_korea", "mucon"):  # the musician's two programs
        assert _line(key, language) in reply.text
    for film in CONTENT.programs_in("film"):  # nothing of the other field
        assert film.title.get(language) not in reply.text
        assert film.choice_label.get(language) not in reply.text
    assert await where(bot, user) == "programs_of_interest"
    assert await _pending(bot, user.id) == []  # nothing ticked


# What tells the programs apart, as a talent should read it in the summary (the talents'
# review, s52: "what's the difference between these two?" got the first sentence of each
# page, which did not say it): what kind of thing each is, and whether this form is the way in.
_APART = {
    "id": {
        "music_to_korea": ("16 Januari 2026", "belum terkonfirmasi", "Daftarkan minatmu di sini"),
        "mucon": ("Pameran musik tahunan", "seleksi KOCCA sendiri", "bukan lewat bot ini"),
        "coproduction": ("16 Januari 2026", "belum terkonfirmasi", "Daftarkan minatmu di sini"),
        "bcww": ("Pasar konten siaran", "situs resmi BCWW", "bukan lewat bot ini"),
        "kofic_incentive": ("Pengembalian dana tunai", "bukan KOCCA", "Tidak diurus lewat bot"),
        "biff_apm": ("Pasar proyek film", "langsung ke BIFF", "bukan lewat bot ini"),
        "biff_acf": ("pengembangan skenario", "fiksi", "(panduan 2022)", "bukan lewat bot ini"),
        "training_center": ("House of Indonesiana", "belum terkonfirmasi", "penyelenggaranya"),
    },
    "en": {
        "music_to_korea": ("16 January 2026", "No program", "Register your interest here"),
        "mucon": ("annual music fair", "KOCCA's own call", "not through this bot"),
        "coproduction": ("16 January 2026", "no program", "Register your interest here"),
        "bcww": ("broadcast content market", "official BCWW site", "not through this bot"),
        "kofic_incentive": ("cash rebate", "not KOCCA", "Not handled through this bot"),
        "biff_apm": ("project market", "straight to BIFF", "not through this bot"),
        "biff_acf": ("script development", "fiction", "(2022 guidelines)", "not through this"),
        "training_center": ("content training", "not confirmed", "through its organizers"),
    },
}


@pytest.mark.parametrize(
    ("field", "language", "typed"),
    [
        ("music", "id", "apa bedanya?"),
        ("music", "en", "what's the difference between these two?"),
        ("music", "id", "mana yang bisa langsung daftar?"),
        ("film", "id", "bedanya apa kak"),
        ("film", "en", "which one should I pick"),
    ],
)
async def test_the_summary_tells_what_each_program_is_and_how_a_talent_gets_in(
    bot: Harness, field: str, language: str, typed: str
) -> None:
    """Each program's `about` line, in the talent's language: the music talks are an aim
    voiced on 16 January 2026 registered here, MU:CON an annual fair with KOCCA's own call;
    film's talks, markets, incentive, fund and training each say theirs."""
    if field == "music":
        user = await at_question(bot, "programs_of_interest", language)
    else:
        user = await _filmmaker_at(bot, "programs_of_interest", language)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(opening(Text.INTAKE_CHOICES_PROGRAMS, language) + "\n")
    for program in CONTENT.programs_in(field):
        said = _said_of(reply.text, program.key, language)
        assert said == rendered(program.about.get(language))
        for words in _APART[language][program.key]:
            assert words in said, (program.key, words)
    assert await _pending(bot, user.id) == []  # nothing ticked


async def test_a_question_naming_one_program_gets_its_line(bot: Harness) -> None:
    user = await at_question(bot, "programs_of_interest")
    [reply] = await bot.send(user, "MU:CON itu apa sih")
    assert _line("mucon", "id") in reply.text
    assert _line("music_to_korea", "id") not in reply.text
    assert await _pending(bot, user.id) == []


async def test_a_direct_answer_from_the_other_field_is_only_offered_mid_form(
    bot: Harness,
) -> None:
    """A film page is not given as the answer to a musician in the form; it may be opened
    from the closest entries. A filmmaker gets it as the answer."""
    kofic = CONTENT.programs["kofic_incentive"].title.en
    asked = "what is the KOFIC location incentive?"
    musician = await at_question(bot, "notable_works", "en")
    close, form = await bot.send(musician, asked)
    assert close.text == shown(Text.ASK_IN_FORM_SUGGESTED, "en")
    assert kofic in close.button_texts
    assert form.text.startswith(shown(Text.INTAKE_ASKED_BACK_TO_FORM, "en"))
    filmmaker = await _filmmaker_at(bot, "notable_works", "en")
    line, _ = await bot.send(filmmaker, asked)
    assert _line("kofic_incentive", "en") in line.text  # its line, mid-form (s58)


@pytest.mark.parametrize(
    ("language", "typed", "named"),
    [
        # Sekar had ticked Traditional/ethnic and Electronic; "Other" was ticked too.
        (
            "en",
            "does gamelan count as traditional/ethnic or should I choose other",
            "Traditional/ethnic",
        ),
        # Kevin: "✅ Kucentang Pop, Gaya K-pop".
        ("id", "kak cover kpop itu masuk gaya kpop atau pop", "Pop atau Gaya K-pop"),
        ("id", "metal masuk rock ga", "Rock"),
        ("en", "is rap hip-hop or rnb", "Hip-hop or RnB"),
        # Hendra (s52): "Pop atau Keroncong atau Tradisional/etnik", without the limit.
        (
            "id",
            "Apakah keroncong termasuk tradisional atau pop? Mohon petunjuknya.",
            "Pop, Keroncong, atau Tradisional/etnik",
        ),
    ],
)
async def test_a_question_at_a_multiple_choice_is_answered_and_ticks_nothing(
    bot: Harness, language: str, typed: str, named: str
) -> None:
    user = await at_question(bot, "genres", language)
    await bot.press(user, label("genres", "traditional", language))
    await bot.press(user, label("genres", "electronic", language))
    [reply] = await bot.send(user, typed)
    other = label("genres", "other", language)
    # How many may be ticked comes from the question (max_choices), said after the choices.
    up_to = shown(Text.INTAKE_CHOICES_UP_TO, language, max=CONTENT.questions["genres"].max_choices)
    said = shown(
        Text.INTAKE_CHOICES_NAMED_OR_OTHER, language, named=named, other=other, limit=f" {up_to}"
    )
    assert reply.text.startswith(said)
    assert await _pending(bot, user.id) == ["traditional", "electronic"]


@pytest.mark.parametrize(
    ("typed", "ticked"),
    [("pop, rock", ["pop", "rock"]), ("pop dan jazz", ["pop", "jazz"])],
)
async def test_typed_choices_in_a_plain_list_are_still_ticked(
    bot: Harness, typed: str, ticked: list[str]
) -> None:
    user = await at_question(bot, "genres")
    [reply] = await bot.send(user, typed)
    labels = listed(label("genres", value) for value in ticked)
    assert reply.text.startswith(shown(Text.INTAKE_TICKED, ticked=labels))
    assert await _pending(bot, user.id) == ticked


@pytest.mark.parametrize(
    ("typed", "left"),
    [("Indonesia, jawa, inggris dikit2", "Jawa"), ("Indo, sunda, inggris dikit", "Sunda")],
)
async def test_a_typed_word_no_choice_names_is_ticked_as_other(
    bot: Harness, typed: str, left: str
) -> None:
    """Rani (s54): "jawa" went without a word; Dimas, Ibu Sari (s55): told to press Lainnya
    and type "Sunda" again. Lainnya ticked with the word as what it is, and said so; it is
    not asked after Done."""
    user = await at_question(bot, "languages")
    [reply] = await bot.send(user, typed)
    ticked = listed([label("languages", "indonesian"), label("languages", "english")])
    other = CONTENT.questions["languages_other"].label.id
    said = shown(Text.INTAKE_TICKED_WITH_OTHER, ticked=ticked, left=left, other=other)
    assert reply.text.startswith(said)
    assert await _pending(bot, user.id) == ["indonesian", "english", "other"]
    await bot.press(user, CONTENT.text(Text.BTN_DONE, "id"))
    stored = await _stored(bot, user.id)
    assert stored["languages"] == ["indonesian", "english", "other"]
    assert stored["languages_other"] == left
    assert await where(bot, user) == "email"


async def test_a_typed_item_no_choice_names_is_said_with_how_to_add_it(bot: Harness) -> None:
    """Rani and Arif (s54): an item dropped without a word. One of more than a word may be a
    phrase ("blm tau"): said, with how to add it, and nothing stored for Lainnya."""
    user = await at_question(bot, "languages")
    [reply] = await bot.send(user, "Indonesia, inggris, blm tau")
    ticked = listed([label("languages", "indonesian"), label("languages", "english")])
    other = label("languages", "other")
    said = shown(Text.INTAKE_TICKED_LEFT_OTHER, ticked=ticked, left="Blm tau", other=other)
    assert reply.text.startswith(said)
    assert await _pending(bot, user.id) == ["indonesian", "english"]
    assert "languages_other" not in await _stored(bot, user.id)
    arif = await at_question(bot, "genres", "en")
    await bot.press(arif, label("genres", "other", "en"))
    [reply] = await bot.send(arif, "Electronic, house, sm hiphop")
    ticked = listed([label("genres", "hip_hop", "en"), label("genres", "electronic", "en")], "en")
    genres_other = CONTENT.questions["genres_other"].label.en
    said = shown(
        Text.INTAKE_TICKED_WITH_OTHER, "en", ticked=ticked, left="House", other=genres_other
    )
    assert reply.text.startswith(said)
    assert (await _stored(bot, arif.id))["genres_other"] == "House"
    # "&" inside a word is part of it (a second attacker's review: "R, B" said as not ticked).
    soul = await at_question(bot, "genres", "en")
    [reply] = await bot.send(soul, "R&B, soul")
    assert "R, B" not in reply.text and "Soul" in reply.text
    # A list naming only choices says only what it ticked.
    plain = await at_question(bot, "genres")
    [reply] = await bot.send(plain, "Pop sama indie, kadang keroncong jg")
    assert reply.text.split(". ")[1].startswith("Kalau sudah lengkap")


async def test_another_question_at_a_choice_is_read_as_a_question(bot: Harness) -> None:
    """Without a "?" and naming no choice to pick between, it goes to the FAQ, as a text
    step's question does; nothing is ticked or taken."""
    user = await at_question(bot, "genres")
    answered, form = await bot.send(user, "apakah pop bisa ikut MU:CON")
    assert _line("mucon", "id") in answered.text  # its line, not its page (s58)
    assert form.text.startswith(shown(Text.INTAKE_BACK_TO_FORM))
    assert await _pending(bot, user.id) == []
    role = await at_question(bot, "music_role")
    await bot.send(role, "apakah penyanyi solo bisa ikut MU:CON")
    assert await where(bot, role) == "music_role"
    assert "music_role" not in await _stored(bot, role.id)


@pytest.mark.parametrize(
    ("language", "typed"), [("en", "what's MU:CON?"), ("id", "mucon apa?"), ("id", "mucon kapan?")]
)
async def test_a_short_question_at_buttons_is_offered_its_entry_above_the_form(
    bot: Harness, language: str, typed: str
) -> None:
    """Two words that ask, where buttons are the answer (the sector, the consent): the entry
    it names offered above the form (a walk-through of session 54: "what's MU:CON?" was only
    told to pause and ask), never answered outright on so few words (an attacker: "how
    long?" got when a registrant hears back). Nothing is taken as the step's answer."""
    mucon = CONTENT.programs["mucon"].title.get(language)
    user = await at_question(bot, "sector", language)
    offered, form = await bot.send(user, typed)
    assert offered.text == shown(Text.ASK_IN_FORM_SUGGESTED, language)
    assert offered.button_texts[0] == mucon
    assert form.text.startswith(shown(Text.INTAKE_BACK_TO_FORM, language))
    assert await where(bot, user) == "sector"
    assert "sector" not in await _stored(bot, user.id)
    [page] = await bot.press(user, mucon)
    assert page.text.split("\n")[0] == mucon
    newcomer = bot.user(language_code=language)
    await bot.send(newcomer, "/daftar" if language == "id" else "/register")
    offered, consent_again = await bot.send(newcomer, typed)
    assert offered.button_texts[0] == mucon
    assert CONTENT.text(Text.BTN_AGREE, language) in consent_again.button_texts
    draft = await bot.store.applications.draft_for(newcomer.id)
    assert draft is not None and draft.stage == "consent_processing"  # nothing agreed


@pytest.mark.parametrize(("key", "typed"), [("sector", "how long?"), ("music_role", "solo apa?")])
async def test_a_vague_short_question_at_buttons_gets_no_page(
    bot: Harness, key: str, typed: str
) -> None:
    """An attacker's review: "how long?" at the field got "Registered: when will I hear
    back?", "solo apa?" at the role the music talks' whole page."""
    user = await at_question(bot, key, "en" if typed.startswith("how") else "id")
    replies = await bot.send(user, typed)
    titles = {p.title.id for p in CONTENT.programs.values()} | {
        p.title.en for p in CONTENT.programs.values()
    }
    questions = {f.question.id for f in CONTENT.faq.values()} | {
        f.question.en for f in CONTENT.faq.values()
    }
    for reply in replies:
        assert reply.text.split("\n")[0] not in titles | questions
    assert await where(bot, user) == key
    assert key not in await _stored(bot, user.id)


@pytest.mark.parametrize(("key", "typed"), [("languages", "Inggris?"), ("sector", "Film?")])
async def test_a_short_unsure_choice_at_buttons_is_not_sent_to_the_faq(
    bot: Harness, key: str, typed: str
) -> None:
    """No word that asks: the talent's try at the answer, told to use the buttons."""
    user = await at_question(bot, key)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_A_QUESTION_BUTTONS))
    recorded = await bot.store.db.fetch_value(
        "SELECT COUNT(*) FROM free_questions WHERE user_id = ?", (user.id,)
    )
    assert recorded == 0  # not matched, so not a free question on staff's list
    assert await where(bot, user) == key


async def test_which_choice_for_one_the_list_lacks_points_to_lainnya(bot: Harness) -> None:
    """Kevin, a K-pop cover dancer, got every program instead; Lainnya is what works."""
    genres = await at_question(bot, "genres")
    [reply] = await bot.send(genres, "genre campursari masuk mana?")
    assert reply.text.startswith(shown(Text.INTAKE_CHOICES_OTHER, other="Lainnya"))
    # Only which one, naming none: the one that fits, or Lainnya (nothing of the programs).
    [reply] = await bot.send(genres, "bedanya apa aja kak")
    assert reply.text.startswith(shown(Text.INTAKE_CHOICES_PICK, other="Lainnya"))
    assert await _pending(bot, genres.id) == []
    user = await at_question(bot, "music_role")
    replies = await bot.send(user, "kalo dancer masuk yg mana kak?")
    [reply] = replies
    assert reply.text.startswith(shown(Text.INTAKE_CHOICES_OTHER, other="Lainnya"))
    assert CONTENT.faq["programs_overview"].question.id not in reply.text
    await bot.press(user, label("music_role", "other_music_role"))
    assert await where(bot, user) == "music_role_other"
    await bot.send(user, "dancer & vocal (kpop cover)")
    assert (await _stored(bot, user.id))["music_role_other"] == "dancer & vocal (kpop cover)"


async def test_a_choice_question_without_lainnya_says_to_pick_the_closest(bot: Harness) -> None:
    user = await at_question(bot, "sector")
    [reply] = await bot.send(user, "video klip masuk musik atau film?")
    said = shown(Text.INTAKE_CHOICES_NAMED, named="Musik atau Film", limit="")
    assert reply.text.startswith(said)
    [reply] = await bot.send(user, "bedanya apa kak")
    assert reply.text.startswith(shown(Text.INTAKE_CHOICES_CLOSEST))
    assert await where(bot, user) == "sector"
    assert "sector" not in await _stored(bot, user.id)


async def test_a_question_with_close_entries_at_a_text_step_says_one_thing(
    bot: Harness,
) -> None:
    """Sekar got "one of these might answer it; your registration waits below" and then
    "that looks like a question … press Pause, then type your question"."""
    user = await at_question(bot, "stage_name", "en")
    close, form = await bot.send(
        user, "what if I perform under a collective name but compose alone?"
    )
    assert close.text == shown(Text.ASK_IN_FORM_SUGGESTED, "en")
    assert form.text.startswith(shown(Text.INTAKE_ASKED_BACK_TO_FORM, "en"))
    assert shown(Text.INTAKE_A_QUESTION, "en") not in form.text
    assert await where(bot, user) == "stage_name"


@pytest.mark.parametrize(
    ("key", "typed", "kept"),
    [
        ("stage_name", "The Open Call Band?", "The Open Call Band?"),
        ("experience_years", "sekitar 5 tahun lebih?", 5),
    ],
)
async def test_an_answer_read_as_a_question_is_taken_when_sent_once_more(
    bot: Harness, key: str, typed: str, kept: Any
) -> None:
    """ "Kalau itu memang jawabanmu, kirim sekali lagi, ya": the same text again, once the
    note could be read, is the answer; another text is read afresh, and a copy arriving at
    once (a weak connection) is no answer."""
    user = await at_question(bot, key)
    [refused] = await bot.send(user, typed)
    assert refused.text.startswith(shown(Text.INTAKE_A_QUESTION))
    await _read_for_a_while(bot, user.id)
    [again] = await bot.send(user, f"{typed[:-1]} ya?")  # another text: read as one again
    assert again.text.startswith(shown(Text.INTAKE_A_QUESTION))
    assert await where(bot, user) == key
    await _read_for_a_while(bot, user.id)
    await bot.send(user, f"{typed[:-1]} ya?")  # that one, once more: the answer
    assert await where(bot, user) != key
    assert key in await _stored(bot, user.id)
    other = await at_question(bot, key)
    await bot.send(other, typed)
    [copy] = await bot.send(other, typed)  # at once: a copy
    assert copy.text.startswith(shown(Text.INTAKE_A_QUESTION))
    assert key not in await _stored(bot, other.id)
    await _read_for_a_while(bot, other.id)
    await bot.send(other, typed)
    assert (await _stored(bot, other.id))[key] == kept


@pytest.mark.parametrize(
    ("language", "key", "typed"),
    [
        ("id", "full_name", "makasih kak"),  # was stored as the name "makasih"
        ("id", "stage_name", "oke siap"),
        ("en", "city", "Ok thanks"),  # as a phone writes a sentence
        ("id", "full_name", "halo kak"),  # a hello, back after a pause: greeted back
        # A band, not "I'll carry on later" (an attacker's review of session 44): sent once
        # more, it is the stage name, never thrown away as "later" nor taken as the pause.
        ("id", "stage_name", "Nanti Lanjut"),
    ],
)
async def test_okay_or_thanks_at_a_name_is_no_answer_unless_sent_once_more(
    bot: Harness, language: str, key: str, typed: str
) -> None:
    """A walk-through (session 54): "makasih kak" at the full name became the name. Okay or
    thanks where a name or a city goes is asked back; sent once more, it is the answer."""
    user = await at_question(bot, key, language)
    [refused] = await bot.send(user, typed)
    said = {
        "halo kak": shown(
            Text.INTAKE_GREETED_AT_TEXT,
            language,
            greeting=CONTENT.text(Text.INTAKE_GREETING_HELLO, language),
        ),
        "Nanti Lanjut": shown(Text.INTAKE_LATER, language),
    }.get(typed, shown(Text.INTAKE_CHATTER_AT_TEXT, language))
    assert refused.text.startswith(said)
    assert rendered(CONTENT.questions[key].prompt.get(language)) in refused.text  # asked again
    assert await where(bot, user) == key
    assert key not in await _stored(bot, user.id)
    await _read_for_a_while(bot, user.id)
    await bot.send(user, typed)
    stored = (await _stored(bot, user.id))[key]  # theirs to decide: "Nanti Lanjut", a band
    assert stored.split()[0] == typed.split()[0]
    assert await where(bot, user) != key


@pytest.mark.parametrize("typed", ["Makasih", "Oke", "OK SIAP", "Terima Kasih"])
async def test_okay_or_thanks_written_with_capitals_is_asked_back_too(
    bot: Harness, typed: str
) -> None:
    """A phone capitalises the first letter (an attacker's review: "Makasih" and "Oke" were
    stored as the name at once)."""
    user = await at_question(bot, "full_name")
    [refused] = await bot.send(user, typed)
    assert refused.text.startswith(shown(Text.INTAKE_CHATTER_AT_TEXT))
    assert "full_name" not in await _stored(bot, user.id)


async def test_the_note_to_send_once_more_is_forgotten_after_a_pause(bot: Harness) -> None:
    """An attacker's review: "makasih" asked back, then Pause, then /daftar, then "makasih"
    became the name without a word."""
    user = await at_question(bot, "full_name")
    await bot.send(user, "makasih")
    await bot.press(user, shown(Text.BTN_PAUSE))
    await _read_for_a_while(bot, user.id)
    await bot.send(user, "/daftar")
    await _read_for_a_while(bot, user.id)  # not a copy sent at once: the talent typed it
    [refused] = await bot.send(user, "makasih")
    assert refused.text.startswith(shown(Text.INTAKE_CHATTER_AT_TEXT))
    assert "full_name" not in await _stored(bot, user.id)


async def _read_for_a_while(bot: Harness, user_id: int) -> None:
    """The form's last step as if taken 20 seconds ago: the talent has read it."""
    async with bot.store.db.transaction() as tx:
        await tx.execute(
            "UPDATE applications SET updated_at = ? WHERE user_id = ?", (ago(20), user_id)
        )


async def test_the_copy_of_their_data_keeps_the_bots_note_on_a_refused_text_to_itself(
    bot: Harness,
) -> None:
    """An attacker's review: /dataku showed "Pilihan yang belum selesai: asked:fa5174e4…", the
    digest the draft keeps of a text refused as a question. It is the bot's note, no choice."""
    user = await at_question(bot, "stage_name")
    [refused] = await bot.send(user, "The Open Call Band?")
    assert refused.text.startswith(shown(Text.INTAKE_A_QUESTION))
    assert str(await _pending(bot, user.id)).startswith("asked:")
    mark = user.mark()
    await bot.send(user, "/dataku")
    document = next(m for m in user.messages_since(mark) if m.document is not None)
    assert document.document is not None
    [draft] = section(data_copy(document.document[1]), Text.MYDATA_SECTION_REGISTRATIONS)
    assert copy_label(Text.MYDATA_FIELD_PENDING) not in draft
    assert "asked:" not in str(draft)


def _about(key: str, value: str, language: str = "id") -> str:
    """A choice's line for "what's the difference?": its label and its `about`."""
    [choice] = [choice for choice in CONTENT.questions[key].choices or [] if choice.value == value]
    assert choice.about is not None
    return f"• {choice.label.get(language)}: {choice.about.get(language)}"


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("id", "bedanya apa solo sama grup"),  # Rina (s52): got "…paling pas, ya: Band/grup."
        ("id", "perbedaan penyanyi dan band apa kak"),
        ("en", "what's the difference between solo and a group?"),
    ],
)
async def test_a_difference_between_choices_gets_a_line_on_each(
    bot: Harness, language: str, typed: str
) -> None:
    user = await at_question(bot, "music_role", language)
    [reply] = await bot.send(user, typed)
    solo = _about("music_role", "solo_artist", language)
    group = _about("music_role", "band_group", language)
    lines = f"{solo}\n{group}"
    assert reply.text.startswith(
        shown(Text.INTAKE_CHOICES_DIFFERENCE, language, lines=lines, limit="")
    )
    assert await where(bot, user) == "music_role"
    assert "music_role" not in await _stored(bot, user.id)


async def test_a_choice_word_with_a_typo_is_read_in_a_question(bot: Harness) -> None:
    """Fajar (s52): "drumer masuk yg mana bang" was told Lainnya; "drummer" was not."""
    user = await at_question(bot, "music_role")
    [reply] = await bot.send(user, "drumer masuk yg mana bang")
    named = label("music_role", "instrumentalist")
    said = shown(Text.INTAKE_CHOICES_NAMED_OR_OTHER, named=named, other="Lainnya", limit="")
    assert reply.text.startswith(said)
    assert await where(bot, user) == "music_role"


async def test_a_question_on_what_one_program_takes_is_not_answered_by_its_summary(
    bot: Harness,
) -> None:
    """Sinta (s52), a documentary producer: "does BIFF ACF accept documentaries?" got only
    ACF's summary line ("program pendanaan…"); its page says the fund is for fiction. (Its
    line now says so too, and a program page answered mid-form is given as its line, s58.)"""
    user = await _filmmaker_at(bot, "programs_of_interest")
    replies = await bot.send(user, "Apakah BIFF ACF menerima dokumenter?")
    said = "\n".join(reply.text for reply in replies)
    assert "fiksi" in said
    assert await where(bot, user) == "programs_of_interest"
    assert await _pending(bot, user.id) == []
    # What tells them apart, or what one is, is still the summary.
    [reply] = await bot.send(user, "ACF itu apa?")
    assert _line("biff_acf", "id") in reply.text


@pytest.mark.parametrize("typed", ["ini jadi dobel?", "bedanya perbarui sama pendaftaran baru apa"])
async def test_a_question_at_the_update_or_new_choice_keeps_the_choice(
    bot: Harness, typed: str
) -> None:
    """Fajar (s52): "ini jadi dobel?" under the choice got "no answer", the choice gone."""
    user = bot.user()
    reference = await apply(bot, user, MUSICIAN)
    await bot.send(user, "/daftar")
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.UPDATE_CHOOSE_EXPLAINED))
    assert reference in reply.text  # the registration it is about, listed again
    buttons = reply.button_texts
    assert shown(Text.BTN_UPDATE_REGISTRATION) in buttons
    assert shown(Text.BTN_NEW_REGISTRATION) in buttons
    assert await bot.store.applications.draft_for(user.id) is None  # nothing begun
    # A wish to change an answer gets the choice, without what the two do.
    [choice] = await bot.send(user, "can I update my phone number?")
    assert shown(Text.BTN_UPDATE_REGISTRATION) in choice.button_texts
    assert shown(Text.UPDATE_CHOOSE_EXPLAINED) not in choice.text


async def test_a_role_asked_at_the_age_says_it_comes_later(bot: Harness) -> None:
    """Rina (s52): "dancer masuk mana" at the age got "pick the closest one"."""
    user = await at_question(bot, "age_range")
    [reply] = await bot.send(user, "dancer masuk mana")
    assert reply.text.startswith(shown(Text.INTAKE_CHOICES_ASKED_LATER))
    assert await where(bot, user) == "age_range"
    assert "age_range" not in await _stored(bot, user.id)


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("id", "gamelan semar pegulingan dipadu elektronik, itu masuk genre apa?"),
        ("en", "gamelan with electronic beats, which genre is that?"),
    ],
)
async def test_genres_named_at_the_field_are_pointed_to(
    bot: Harness, language: str, typed: str
) -> None:
    """Putu (s60, L10): a genre question at Pertanyaan 1 got only "pick the closest one".
    The genres it names are pointed to, after Musik (they are asked only of musicians)."""
    user = await at_question(bot, "sector", language)
    [reply] = await bot.send(user, typed)
    genres = [label("genres", value, language) for value in ("electronic", "traditional")]
    named = shown(Text.INTAKE_LIST_AND, language, some=genres[0], last=genres[1])
    here = label("sector", "music", language)
    later = CONTENT.questions["genres"].label.get(language)
    expected = shown(Text.INTAKE_CHOICES_LATER_HERE, language, here=here, later=later, named=named)
    assert reply.text.startswith(expected)
    assert await where(bot, user) == "sector"  # nothing taken: Musik is still to press
    # Past the field, as a musician: that genres come later, and which.
    await answer(bot, user, "sector", "music", language)
    [reply] = await bot.send(user, typed)
    expected = shown(Text.INTAKE_CHOICES_LATER, language, later=later, named=named)
    assert reply.text.startswith(expected)
    assert await where(bot, user) == "age_range"
    assert "age_range" not in await _stored(bot, user.id)


async def test_genres_are_not_pointed_to_a_filmmaker(bot: Harness) -> None:
    """The genres are asked of musicians only: a filmmaker is not sent to them."""
    user = await _filmmaker_at(bot, "age_range")
    [reply] = await bot.send(user, "gamelan dipadu elektronik, itu masuk genre apa?")
    assert label("genres", "electronic") not in reply.text
    assert await where(bot, user) == "age_range"


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("id", "kalo tiktok boleh ga"),
        ("id", "bisa pakai link instagram?"),
        ("en", "is tiktok ok?"),
        # Makassar particles, and what they have not after the "?" (a talents' review, s52b).
        ("id", "soundcloud bisa ji kah kak? sa blm ada spotify"),
        ("id", "tiktok boleh ga kak? aku ga punya yt"),
    ],
)
async def test_whether_a_kind_of_link_will_do_is_answered(
    bot: Harness, language: str, typed: str
) -> None:
    """Rina (s52): "kalo tiktok boleh ga" at the link got "that is not a web link"."""
    user = await at_question(bot, "portfolio_url", language)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_LINK_ANY, language))
    assert await where(bot, user) == "portfolio_url"
    assert "portfolio_url" not in await _stored(bot, user.id)
    # Without a link is not "any link will do".
    [*_, without] = await bot.send(user, "bisa tanpa link?")
    assert shown(Text.INTAKE_LINK_ANY, language) not in without.text
    await bot.send(user, "https://www.tiktok.com/@rinaa.kpop")  # and the link is then taken
    stored = await _stored(bot, user.id)
    assert stored["portfolio_url"] == "https://www.tiktok.com/@rinaa.kpop"


async def test_whether_a_language_known_a_little_may_be_ticked_is_answered(
    bot: Harness,
) -> None:
    """Rina (s52): "korea aku baru dikit bisa centang ga" got "pick from the buttons"."""
    user = await at_question(bot, "languages")
    [reply] = await bot.send(user, "korea aku baru dikit bisa centang ga")
    korean = label("languages", "korean")
    said = shown(Text.INTAKE_CHOICES_MAY_TICK, named=korean, other=label("languages", "other"))
    assert reply.text.startswith(said)
    assert await _pending(bot, user.id) == []  # nothing ticked
    # Nadia (s52b), right after: the same answer, never "for example Korean".
    [again] = await bot.send(
        user, "aku cuma bisa baca hangul sm dikit2 ngomong, itu termasuk bisa ga?"
    )
    assert again.text.startswith(said)
    assert await _pending(bot, user.id) == []


async def test_whether_it_goes_under_other_is_not_answered_with_other_as_the_example(
    bot: Harness,
) -> None:
    """Yogi (s52b): "for example Other. If none fits, choose Other", circular."""
    user = await at_question(bot, "languages")
    [reply] = await bot.send(user, "bahasa makassar masuk lainnya ji?")
    other = label("languages", "other")
    assert reply.text.startswith(shown(Text.INTAKE_CHOICES_OTHER, other=other))
    assert "misalnya" not in reply.text.split("\n")[0]
    assert await _pending(bot, user.id) == []


@pytest.mark.parametrize(
    ("typed", "about_the_choice"),
    [
        ("ini jadi dobel?", True),
        ("ini jadi dobel dong?", True),
        ("kalau daftar dua kali gimana?", True),
        ("can I register twice?", True),
        ("bedanya perbarui sama pendaftaran baru apa", True),
        # An attacker's review: "twice" alone had these shown the choice, never answered.
        ("kapan pengumuman tahap kedua?", False),
        ("boleh kirim demo kedua?", False),
        ("double check ya kak, linknya udah masuk?", False),
        ("ada dua lagu yang mau aku kirim", False),
    ],
)
def test_only_registering_twice_is_read_as_asking_about_the_choice(
    typed: str, about_the_choice: bool
) -> None:
    assert asks_about_the_choice(typed) is about_the_choice


async def test_a_registered_talents_question_with_twice_in_it_is_answered_as_any(
    bot: Harness,
) -> None:
    """An attacker's review: "kapan pengumuman tahap kedua?" got the update-or-new screen."""
    user = bot.user()
    await apply(bot, user, MUSICIAN)
    [reply, *_] = await bot.send(user, "kapan pengumuman tahap kedua?")
    assert not reply.text.startswith(shown(Text.UPDATE_CHOOSE_EXPLAINED))
    assert shown(Text.BTN_NEW_REGISTRATION) not in reply.button_texts


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [
        ("music", "sa nge rap jg bikin beat, pilih dua bisa ji?", Text.INTAKE_ROLE_ONE),
        ("music", "aku dua-duanya", Text.INTAKE_ROLE_ONE),
        (
            "film",
            "Saya produser sekaligus sutradara untuk beberapa judul. Mana yang sebaiknya saya"
            " pilih?",
            Text.INTAKE_ROLE_ONE,
        ),
        ("music", "kalo aku sama tim dance ku (5 org) pilih band/grup ga?", Text.INTAKE_ROLE_TEAM),
        # Ibu Sari (s55): an answer naming two roles, however long, got suggestions.
        (
            "film",
            "Saya sutradara sekaligus produser untuk film-film saya sendiri. Jenis karya saya"
            " dokumenter, dan sudah aktif sekitar 18 tahun.",
            Text.INTAKE_ROLE_ONE,
        ),
        (
            "film",
            "Saya sutradara dan produser untuk film-film saya sendiri, jenis karya saya"
            " dokumenter dan sudah aktif sekitar 18 tahun lamanya.",
            Text.INTAKE_ROLE_ONE,
        ),
    ],
)
async def test_more_than_one_role_or_a_team_is_told_what_the_form_offers(
    bot: Harness, field: str, typed: str, said: Text
) -> None:
    """Yogi, Ibu Lestari, Nadia (s52b): suggestions, or "for example Director or Producer"."""
    key = f"{field}_role"
    user = await (at_question(bot, key) if field == "music" else _filmmaker_at(bot, key))
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(said))
    assert CONTENT.questions["message"].label.id in reply.text  # where the rest goes
    assert await where(bot, user) == key
    assert key not in await _stored(bot, user.id)


async def test_which_program_suits_a_documentary_gets_the_pages_answer_not_the_summary(
    bot: Harness,
) -> None:
    """Ibu Lestari (s52b): six summary lines, none of them on documentary."""
    user = await _filmmaker_at(bot, "programs_of_interest")
    replies = await bot.send(user, "Program mana yang paling sesuai untuk film dokumenter?")
    said = "\n".join(reply.text for reply in replies)
    assert shown(Text.INTAKE_CHOICES_PROGRAMS).split("\n")[0] not in said
    opening = shown(Text.INTAKE_PROGRAMS_KIND, kind="dokumenter", programs="").split("\n")[0]
    assert replies[0].text.startswith(opening)
    assert "Makassar" in replies[0].text  # the HOI centre in Makassar is for documentary
    assert "fiksi" in replies[0].text  # ACF's guidelines (2022): fiction
    assert await where(bot, user) == "programs_of_interest"
    assert await _pending(bot, user.id) == []  # nothing ticked


async def test_programs_then_a_question_tick_the_programs_and_ask_the_faq(bot: Harness) -> None:
    """Ibu Sari (s55): suggestions came, nothing was ticked, and she typed the programs
    again. Ticked and said below what the FAQ shows for the question."""
    user = await _filmmaker_at(bot, "programs_of_interest")
    typed = (
        "Koproduksi film dan BIFF Asian Project Market. Apakah BIFF ACF juga menerima proyek"
        " dokumenter?"
    )
    [asked, form] = await bot.send(user, typed)
    ticked = listed(
        [label("programs_of_interest", "coproduction"), label("programs_of_interest", "biff_apm")]
    )
    assert asked.button_texts  # the FAQ's entries, to read
    assert not asked.text.startswith(shown(Text.INTAKE_TICKED, ticked=ticked))
    assert form.text.startswith(shown(Text.INTAKE_TICKED, ticked=ticked))
    assert await _pending(bot, user.id) == ["coproduction", "biff_apm"]
    assert await where(bot, user) == "programs_of_interest"
    # A question the FAQ has nothing for: how to ask the team, below the ticks.
    other = await _filmmaker_at(bot, "programs_of_interest")
    [form] = await bot.send(other, "BIFF APM. Apakah zorblax flibber wobbel?")
    ticked = label("programs_of_interest", "biff_apm")
    assert form.text.startswith(shown(Text.INTAKE_TICKED, ticked=ticked))
    assert shown(Text.INTAKE_ASKED_BESIDE) in form.text
    assert await _pending(bot, other.id) == ["biff_apm"]


@pytest.mark.parametrize(
    ("typed", "kind"),
    [("yg buat dancer yg mana kak", "dancer"), ("yg mana cocok buat rapper kak?", "rapper")],
)
async def test_which_program_suits_a_role_no_page_names_says_so(
    bot: Harness, typed: str, kind: str
) -> None:
    """Nadia, Yogi (s52b): the summary, as if it answered; neither music page names them."""
    user = await at_question(bot, "programs_of_interest")
    [reply] = await bot.send(user, typed)
    opening = shown(Text.INTAKE_PROGRAMS_NOT_SAID, kind=kind, programs="").split("\n")[0]
    assert reply.text.startswith(opening)
    assert await where(bot, user) == "programs_of_interest"
    assert await _pending(bot, user.id) == []


@pytest.mark.parametrize("name", ["Film Salah", "Lihat Aku Sebentar"])
async def test_a_stage_name_read_as_something_else_is_stored_when_sent_once_more(
    bot: Harness, name: str
) -> None:
    """An attacker's review: a music talent's stage name "Film Salah" (read as "wrong, it's
    film") or the band "Lihat Aku Sebentar" ("a moment") could only be skipped. Said as
    before, with "send it once more"; the same text once more is the answer, a copy at once
    is not."""
    user = await at_question(bot, "stage_name")
    [first] = await bot.send(user, name)
    assert shown(Text.INTAKE_SEND_AGAIN) in first.text
    [copy] = await bot.send(user, name)  # at once: a copy, not the answer
    assert shown(Text.INTAKE_SEND_AGAIN) in copy.text
    assert "stage_name" not in await _stored(bot, user.id)
    await _read_for_a_while(bot, user.id)
    await bot.send(user, name)
    assert (await _stored(bot, user.id))["stage_name"] == name
    assert await where(bot, user) == "music_role"


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("MU:CON kapan diadakan?", "id"),
        ("MU:CON itu tanggal berapa kak?", "id"),
        ("when is MU:CON held?", "en"),
    ],
)
async def test_a_when_question_on_a_program_mid_form_gets_its_dates(
    bot: Harness, typed: str, language: str
) -> None:
    """Re-check s58 M4: "MU:CON kapan diadakan?" at the programs question got the program's
    one line, with no date (outside the form its page says when). Its dates are given below
    its line, and the form's question comes back."""
    user = await at_question(bot, "programs_of_interest", language)
    answered, form = await bot.send(user, typed)
    assert _line("mucon", language) in answered.text
    assert rendered(CONTENT.programs["mucon"].timing.get(language)) in answered.text
    assert form.text.startswith(shown(Text.INTAKE_BACK_TO_FORM, language))
    assert await where(bot, user) == "programs_of_interest"
    # What it is, asked, is still its line alone.
    other = await at_question(bot, "programs_of_interest", language)
    replies = await bot.send(other, "MU:CON itu apa?" if language == "id" else "what is MU:CON?")
    said = "\n".join(reply.text for reply in replies)
    assert _line("mucon", language) in said
    assert rendered(CONTENT.programs["mucon"].timing.get(language)) not in said


@pytest.mark.parametrize(
    ("step", "typed", "program", "when"),
    [
        ("full_name", "ACF itu apa sih", "biff_acf", False),
        ("full_name", "mucon dmn kak", "mucon", True),
        ("full_name", "BCWW kapan?", "bcww", True),
        ("city", "APM kapan?", "biff_apm", True),
        ("full_name", "kapan MU:CON?", "mucon", True),
    ],
)
async def test_a_question_naming_a_program_at_a_text_step_is_answered_not_stored(
    bot: Harness, step: str, typed: str, program: str, when: bool
) -> None:
    """Final review s58: "ACF itu apa sih" at the full name was stored as the name, and
    "BCWW kapan?" got only "that looks like a question", no answer. The program's line (its
    dates when asked when or where) comes above the form's question; nothing is stored, not
    even when the same text is sent once more."""
    user = await at_question(bot, step)
    before = await _stored(bot, user.id)
    answered, form = await bot.send(user, typed)
    assert _line(program, "id") in answered.text
    timing = rendered(CONTENT.programs[program].timing.id)
    assert (timing in answered.text) is when
    assert form.text.startswith(shown(Text.INTAKE_BACK_TO_FORM))
    assert await where(bot, user) == step
    await bot.send(user, typed)
    assert await _stored(bot, user.id) == before
    assert await where(bot, user) == step


@pytest.mark.parametrize("name", ["Apa Kabar Band", "Rina Apa", "ACF Band"])
async def test_a_name_with_an_asking_word_or_a_program_alone_is_stored(
    bot: Harness, name: str
) -> None:
    """A name holding "Apa", or a program's short name with no word that asks, is a name."""
    user = await at_question(bot, "full_name")
    await bot.send(user, name)
    assert (await _stored(bot, user.id))["full_name"] == name
