"""What an attacker found in the form's readings of session 55 (findings 1 to 7, 10, 12): a
send typed before the review was seen, text at the programs taken as the rest of the works, "aja"
and "bukan" anywhere, and names cut inside sentences."""

from __future__ import annotations

import re

import pytest

from bot.content_checks import SELECTED_MARK
from bot.emulator import EmulatedUser
from bot.leads import asked_questions, field_checks
from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, at_question, draft_answers, label, seen, shown, where


async def test_a_send_typed_before_the_review_was_seen_shows_the_review_again(
    bot: Harness,
) -> None:
    """Finding 6: "Kirim kang" twice at once at the last question stored "Kirim kang" as the
    note and sent the registration under a review the talent never saw."""
    user = await at_question(bot, "message")
    skipped = await bot.send(user, "Kirim kang")  # at the optional note: Skip, never a note
    assert await where(bot, user) == "review"
    # ...and said (a second attacker's finding 10: a band called "Send" saw nothing).
    note = CONTENT.questions["message"].label.id
    assert any(m.text.startswith(shown(Text.INTAKE_SEND_SKIPS, field=note)) for m in skipped)
    assert (await draft_answers(bot, user)).get("message") is None
    [again] = await bot.send(user, "Kirim kang")  # the second, sent with the first
    assert again.text.startswith(shown(Text.INTAKE_REVIEW_FIRST))
    assert await where(bot, user) == "review"
    await seen(bot, user)  # read, then typed: sends
    await bot.send(user, "kirim")
    assert await where(bot, user) is None
    assert any("KOC-" in message.text for message in user.messages[-3:])
    # A note, then "Send" sent with it: the note is kept, nothing sent.
    user = await at_question(bot, "message")
    await bot.send(user, "Semoga lolos kak")
    [again] = await bot.send(user, "Send")
    assert again.text.startswith(shown(Text.INTAKE_REVIEW_FIRST))
    assert (await draft_answers(bot, user))["message"] == "Semoga lolos kak"
    # "oke kirim" at another optional text is its Skip too.
    user = await at_question(bot, "stage_name")
    [told] = await bot.send(user, "oke kirim")
    assert await where(bot, user) == "music_role"
    stage = CONTENT.questions["stage_name"].label.id
    assert told.text.startswith(shown(Text.INTAKE_SEND_SKIPS, field=stage))
    assert (await draft_answers(bot, user)).get("stage_name") is None


async def _ticked(bot: Harness, user: EmulatedUser) -> list[str]:
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None
    return list(draft.pending or [])


async def _tick(bot: Harness, user: EmulatedUser, key: str, wanted: list[str]) -> None:
    """Press the question's buttons until exactly `wanted` is ticked."""
    for value in {*wanted, *await _ticked(bot, user)}:
        now = await _ticked(bot, user)
        if (value in wanted) != (value in now):
            mark = SELECTED_MARK if value in now else ""
            await bot.press(user, mark + label(key, value))
    assert sorted(await _ticked(bot, user)) == sorted(wanted)


_ID, _EN = "indonesian", "english"
_BOTH = [_ID, _EN]
_INGGRIS, _INDONESIA = "Bahasa Inggris", "Bahasa Indonesia"
_TICKED = shown(Text.INTAKE_TICKED, ticked=_INGGRIS)
_ONLY = shown(Text.INTAKE_TICKED_ONLY, ticked=_INGGRIS, unticked=_INDONESIA)
_UNTICKED = shown(Text.INTAKE_UNTICKED, unticked=_INGGRIS)


_TICKS: list[tuple[list[str], str, list[str], str | None]] = [
    # An attacker's inputs: "cuma", "hanya", "bukan cuma", "jangan lupa" in a sentence
    # untick nothing (nor is "Tapi cuma" offered as a language to add).
    ([_ID], "Inggris, tapi cuma sedikit", _BOTH, _TICKED),
    ([_ID], "Inggris juga bisa walau hanya sedikit", _BOTH, _TICKED),
    ([_ID], "Bukan cuma Indonesia, aku juga bisa Inggris", [_ID], None),
    (_BOTH, "jangan lupa inggris ya kak", _BOTH, None),
    (_BOTH, "bukan hanya inggris", _BOTH, None),
    (_BOTH, "aku cuma lancar inggris", _BOTH, _TICKED),
    # Nothing but the choice and its word: only it (what was unticked said), or not it.
    (_BOTH, "Inggris aja", [_EN], _ONLY),
    (_BOTH, "cuma bahasa inggris kak", [_EN], _ONLY),
    (
        [_ID],
        "hanya indonesia dan inggris",
        _BOTH,
        shown(Text.INTAKE_TICKED, ticked=f"{_INDONESIA} dan {_INGGRIS}"),
    ),
    (_BOTH, "bukan inggris", [_ID], _UNTICKED),
    (_BOTH, "inggris ga jadi", [_ID], _UNTICKED),
    (_BOTH, "ga jadi inggris kak", [_ID], _UNTICKED),
    # A second attacker's finding 7: a language named here is the answer, never a wish to
    # be spoken to in it.
    (_BOTH, "Bukan, Inggris aja", _BOTH, None),
    (
        _BOTH,
        "Inggris aja? Indonesia juga",
        _BOTH,
        shown(
            Text.INTAKE_CHOICES_NAMED_OR_OTHER,
            named=f"{_INDONESIA} atau {_INGGRIS}",
            limit="",
            other="Lainnya",
        ),
    ),
    (_BOTH, "bukan inggris, indonesia aja", [_ID], _UNTICKED),
]


async def test_only_and_not_change_the_ticks_only_when_the_message_says_nothing_else(
    bot: Harness,
) -> None:
    """Finding 7: "cuma"/"hanya" anywhere cleared the other ticks ("Inggris, tapi cuma
    sedikit" unticked Indonesian), and "bukan cuma X", "jangan lupa X" unticked X."""
    user = await at_question(bot, "languages")
    buttons = shown(Text.INTAKE_USE_BUTTONS_MULTI_OR_OTHER, other="Lainnya")
    for ticked, typed, after, said in _TICKS:
        await _tick(bot, user, "languages", ticked)
        [reply] = await bot.send(user, typed)
        assert sorted(await _ticked(bot, user)) == sorted(after), (typed, reply.text)
        assert await where(bot, user) == "languages"
        # Nothing read from it: the buttons, as before.
        assert reply.text.startswith(said) if said else buttons in reply.text, (typed, reply.text)


_UNSURE = None  # asked back (intake_name_unsure), nothing stored
# (question, typed, stored, whether a cut is said); findings 1 to 4, 12, and what form2 cut.
_NAMES: list[tuple[str, str, str | None, bool]] = [
    # 1: an abbreviation's or an initial's dot does not end the name.
    ("full_name", "Halo kak, nama saya Muh. Rizki Pratama", "Muh. Rizki Pratama", True),
    ("full_name", "Perkenalkan, nama saya Dr. Budi Santoso", "Dr. Budi Santoso", True),
    ("full_name", "Halo kak, nama saya Sari R. Dewi", "Sari R. Dewi", True),
    ("stage_name", "Band ku bernama St. Loco", "St. Loco", True),
    # A dot before a capitalised word may end the name or not: asked; before one that
    # starts a sentence it ends it (a second attacker's finding 6).
    ("full_name", "Halo kak, nama saya Sari. Rahmawati", _UNSURE, False),
    ("full_name", "Halo kak, nama saya Sari. Saya dari Bandung", "Sari", True),
    # 2: "Kang" is a name; only "kang" addresses the bot.
    ("stage_name", "Daniel Kang", "Daniel Kang", False),
    ("full_name", "Sari Kang", "Sari Kang", False),
    ("stage_name", "Jun Kang", "Jun Kang", False),
    ("stage_name", "Solo, nama panggungnya DJ Kang", "DJ Kang", True),
    # Anything cut is said back (a final review s63, M3: laughter was cut without a word).
    ("stage_name", "Senja di Dago kang", "Senja di Dago", True),
    ("city", "Ds. Kang", "Ds. Kang", False),
    # 3: at the full name, a stage name's, a band's, another person's name is not it.
    ("full_name", "Saya Sari Rahmawati, nama panggung saya Sasa", _UNSURE, False),
    ("full_name", "Budi Santoso, band saya namanya Senja", _UNSURE, False),
    ("full_name", "Budi Santoso (di band namanya Ucok)", _UNSURE, False),
    ("full_name", "Ratna, anak dari bapak bernama Joko", _UNSURE, False),
    ("full_name", "Nama panggung saya Sasa", _UNSURE, False),
    ("stage_name", "dulu namanya Senja, sekarang Fajar", _UNSURE, False),
    # 4: a name in lower case or a saying after "bernama"/"namanya" is the band's own.
    ("stage_name", "anak bernama senja", "anak bernama senja", False),
    ("stage_name", "namanya juga usaha", "namanya juga usaha", False),
    ("stage_name", "Namanya Juga Usaha band", "Namanya Juga Usaha band", False),
    ("stage_name", "Bernama Senja kang", "Bernama Senja", True),
    ("stage_name", "sanggar seni bernama kita", "sanggar seni bernama kita", False),
    ("stage_name", "orkes bernama cinta", "orkes bernama cinta", False),
    # Still cut, and said.
    ("full_name", "nama saya Rina", "Rina", True),
    ("full_name", "nama lengkap saya sesuai KTP Sari Rahmawati", "Sari Rahmawati", True),
    (
        "full_name",
        "Sebagaimana saya sebutkan, nama lengkap saya Sari Rahmawati.",
        "Sari Rahmawati",
        True,
    ),
    ("full_name", "halo kak nama saya sari rahmawati", "sari rahmawati", True),
    ("stage_name", "Band kita namanya Senja di Dago kang", "Senja di Dago", True),
    ("stage_name", "Nama produsernya JKO beats", "JKO beats", True),
    ("stage_name", "Anak Bernama Senja", "Anak Bernama Senja", False),
    # A second attacker's finding 2: a word addressing the reader, or one about the talent,
    # before the talent's own lead-in is no other person ("kakak", "teman", "ibu").
    ("full_name", "Halo kakak, nama saya Sari Rahmawati", "Sari Rahmawati", True),
    ("full_name", "Selamat pagi teman-teman, nama saya Budi Santoso", "Budi Santoso", True),
    ("full_name", "Hai temen, nama aku Budi", "Budi", True),
    ("full_name", "Saya ibu rumah tangga, nama saya Sari", "Sari", True),
    ("stage_name", "Halo kakak, band kami bernama Senja", "Senja", True),
    # A person word owning the lead-in is another person still.
    ("stage_name", "Ratna, anak dari bapak bernama Joko", _UNSURE, False),
    ("stage_name", "Aku main bareng anak saya namanya Ucok", _UNSURE, False),
    # Finding 3: only "Kang" keeps its capital; "Kak", "Kakak", "KAK" address the reader.
    ("full_name", "Sari Rahmawati Kak", "Sari Rahmawati", True),
    ("full_name", "Budi Santoso Kakak", "Budi Santoso", True),
    ("full_name", "Sari Rahmawati KAK", "Sari Rahmawati", True),
    ("city", "Bandung Kak", "Bandung", True),
    ("stage_name", "nama panggung aku DJ Kak", "DJ", True),
    ("stage_name", "Daniel Kang", "Daniel Kang", False),
    # Findings 4 and 9: a second lead-in or a particle after the first is not the name.
    ("stage_name", "nama band kami bernama Senja", "Senja", True),
    ("stage_name", "Nama band kita namanya Senja", "Senja", True),
    ("full_name", "namaku ya Sari", "Sari", True),
    ("full_name", "halo kak, namaku ya Sari Rahmawati", "Sari Rahmawati", True),
    ("stage_name", "nama band kami Namanya Juga Usaha", "Namanya Juga Usaha", True),
    # Finding 6: a dot before a word that starts a sentence ends the name, in any case and
    # at the message's start too; an abbreviation's dot before a name does not.
    ("full_name", "nama saya ANA. Dari Bandung", "ANA", True),
    ("full_name", "Nama saya SRI. Asal Solo", "SRI", True),
    ("full_name", "nama saya Sari M. Saya dari Bandung", "Sari M", True),
    ("full_name", "Halo kak, nama saya Sari M. Saya dari Bandung", "Sari M", True),
    ("full_name", "nama saya Ana. dari Bandung", "Ana", True),
    ("full_name", "Halo, nama saya Budi. i'm from Bandung", "Budi", True),
    ("stage_name", "nama band saya Senja. Kami dari Bandung", "Senja", True),
    ("full_name", "nama saya Muh. Rizki Pratama", "Muh. Rizki Pratama", True),
    ("full_name", "nama saya Ir. H. Joko Widodo", "Ir. H. Joko Widodo", True),
    ("full_name", "Halo kak, nama saya Dr. I Made Sudarma", "Dr. I Made Sudarma", True),
    ("full_name", "nama saya Dr. I Made Sudarma. I live in Bali", "Dr. I Made Sudarma", True),
    # Finding 5: a stage name's lead-in after the talent's own wins at the stage name; at
    # the full name the own name is taken up to its end.
    ("stage_name", "nama asli saya Sari, nama panggung saya Sasa", "Sasa", True),
    ("stage_name", "Nama saya Sari, nama panggung Sasa", "Sasa", True),
    ("stage_name", "nama saya Sari, band saya bernama Senja", "Senja", True),
    ("full_name", "Nama saya Sari, nama panggung Sasa", "Sari", True),
    ("full_name", "nama saya Sari nama panggung Sasa", _UNSURE, False),
    ("stage_name", "nama saya Budi, anak saya namanya Ucok", _UNSURE, False),
]


async def test_a_name_in_a_sentence_is_cut_only_where_sure_and_the_cut_is_said(
    bot: Harness,
) -> None:
    """Findings 1 to 4: "nama saya Muh. Rizki Pratama" stored "Muh", "Daniel Kang"
    "Daniel", "Budi Santoso, band saya namanya Senja" (full name) "Senja", "namanya juga
    usaha" "juga usaha", each without a word to the talent."""
    back = CONTENT.text(Text.BTN_BACK, "id")
    users = {key: await at_question(bot, key) for key in ("full_name", "stage_name", "city")}
    for key, typed, stored, cut in _NAMES:
        user = users[key]
        before = (await draft_answers(bot, user)).get(key)  # the one before, or none
        [reply] = await bot.send(user, typed)
        if stored is None:
            assert reply.text.startswith(shown(Text.INTAKE_NAME_UNSURE)), typed
            assert await where(bot, user) == key
            assert (await draft_answers(bot, user)).get(key) == before, typed
            continue
        assert (await draft_answers(bot, user))[key] == stored, typed
        taken = shown(Text.INTAKE_TAKEN, taken=stored)
        assert reply.text.startswith(taken) == cut, (typed, reply.text)
        await bot.press(user, back)
        assert await where(bot, user) == key
    # Asked back, the same text sent again (once read) is kept whole, as typed.
    user = users["full_name"]
    typed = "Budi Santoso, band saya namanya Senja"
    await bot.send(user, typed)
    await seen(bot, user)
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["full_name"] == typed
    # A production house's abbreviation too.
    user = await at_question(bot, "company_name", answers=FILMMAKER)
    await bot.send(user, "Rumah produksinya bernama PT. Lontara Docs")
    assert (await draft_answers(bot, user))["company_name"] == "PT. Lontara Docs"


_KO = "korean"
_KOREA = "Bahasa Korea"
_ALL3 = [_ID, _EN, _KO]
# (question, ticked, typed, ticked after, the reply's start or None for the buttons); a second
# attacker's finding 1: the comma was folded away, so the names after it were unticked too.
_TAKEN_BACK: list[tuple[str, list[str], str, list[str], str | None]] = [
    (
        "languages",
        _ALL3,
        "bukan korea, inggris",
        _BOTH,
        shown(Text.INTAKE_UNTICKED, unticked=_KOREA),
    ),
    (
        "languages",
        _BOTH,
        "Bukan Indonesia kak, Inggris",
        [_EN],
        shown(Text.INTAKE_UNTICKED, unticked=_INDONESIA),
    ),
    ("languages", _BOTH, "Bukan, Inggris", _BOTH, None),
    ("languages", [_EN], "No, English", [_EN], None),
    (
        "languages",
        _ALL3,
        "ga jadi korea, inggris sama indonesia",
        _BOTH,
        shown(Text.INTAKE_UNTICKED, unticked=_KOREA),
    ),
    ("languages", _BOTH, "not korean, english and indonesian", _BOTH, None),
    (
        "languages",
        [_ID, _KO],
        "bukan korea, inggris",
        _BOTH,
        shown(Text.INTAKE_TICKED_ONLY, ticked=_INGGRIS, unticked=_KOREA),
    ),
    (
        "languages",
        _ALL3,
        "korea ga jadi tapi inggris",
        _BOTH,
        shown(Text.INTAKE_UNTICKED, unticked=_KOREA),
    ),
    ("languages", _ALL3, "bukan korea, aku cuma bisa inggris", _ALL3, None),
    (
        "genres",
        ["pop", "rock", "jazz"],
        "bukan jazz kak, rock",
        ["pop", "rock"],
        shown(Text.INTAKE_UNTICKED, unticked="Jazz"),
    ),
    (
        "programs_of_interest",
        ["mucon", "music_to_korea"],
        "bukan mucon, musisi ke korea",
        ["music_to_korea"],
        shown(Text.INTAKE_UNTICKED, unticked="MU:CON"),
    ),
]


async def test_a_taking_back_ends_at_the_first_comma_or_but(bot: Harness) -> None:
    """A second attacker's finding 1: "bukan korea, inggris" unticked English too, and "Bukan,
    Inggris" unticked English."""
    users = {key: await at_question(bot, key) for key, *_ in _TAKEN_BACK}
    other = shown(Text.INTAKE_USE_BUTTONS_MULTI_OR_OTHER, other="Lainnya")
    for key, ticked, typed, after, said in _TAKEN_BACK:
        user = users[key]
        await _tick(bot, user, key, ticked)
        [reply] = await bot.send(user, typed)
        assert sorted(await _ticked(bot, user)) == sorted(after), (typed, reply.text)
        assert await where(bot, user) == key
        assert reply.text.startswith(said) if said else other in reply.text, (typed, reply.text)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (asked_questions._ASKED, "?" * 2000),  # ends in marks
        (asked_questions._ASKED_WITHIN, "?" * 2000 + " kak"),  # marks, then words
        (field_checks._ADDRESS_IN, "a" * 2000 + "@b"),  # a long piece before an "@"
    ],
)
def test_the_forms_question_and_address_readings_start_once_per_run(
    pattern: re.Pattern[str], text: str
) -> None:
    """An attacker's review (s58): "?" * 4,095 and a letter at the stage name held the event
    loop for over a second, 4,096 dashes at the email for 0.1 s: these patterns began again
    at every character of a long run and read it to its end each time. Now a reading begins
    at one place of a run only, so a message is read in proportion to its length."""
    begins = sum(1 for at in range(len(text)) if pattern.match(text, at) is not None)
    assert begins == 1
    assert pattern.search(text) is not None  # still found
