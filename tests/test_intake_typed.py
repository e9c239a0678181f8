"""What talents met at the form's questions in a review: what they typed, read as they meant
it, and a way on where there was none."""

from __future__ import annotations

from typing import Any

import pytest

from bot.emulator import EmulatedChat
from bot.leads.answer_outcomes import NONE_YET
from bot.leads.export import to_wib
from bot.store import utc_now
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
    fill,
    label,
    opening,
    rendered,
    shown,
    where,
)

NADIA = (
    "ini showreel aku 👉 https://vimeo.com/812345678?utm_source=ig&utm_medium=bio&fbclid=IwAR2xYz"
    " 🎬 sama film pendek terbaru https://youtu.be/nDfLm2024?si=Ab12Cd34Ef 🌙 dan ig aku"
    " https://www.instagram.com/nadia.frames?igsh=MWx0bXQ1 ✨"
)


async def _stored(bot: Harness, user_id: int) -> dict[str, Any]:
    draft = await bot.store.applications.draft_for(user_id)
    assert draft is not None
    return await bot.store.applications.answers(draft.id)


async def test_several_links_keep_the_first_and_carry_the_others_to_other_links(
    bot: Harness,
) -> None:
    """A talents' review: three links in one message were "not a web link"."""
    user = await at_question(bot, "portfolio_url")
    [reply] = await bot.send(user, NADIA)
    other = CONTENT.questions["other_links"].label.id
    assert reply.text.startswith(shown(Text.INTAKE_LINKS_CARRIED, count=2, other=other))
    stored = await _stored(bot, user.id)
    # Without the tracking parameters the links came with (utm_*, fbclid, si, igsh).
    assert stored["portfolio_url"] == "https://vimeo.com/812345678"
    assert stored["other_links"] == (
        "https://youtu.be/nDfLm2024\nhttps://www.instagram.com/nadia.frames"
    )
    assert await where(bot, user) == "notable_works"  # "Tautan lain" is answered
    # Back shows them there, to change.
    [back] = await bot.press(user, CONTENT.text(Text.BTN_BACK, "id"))
    assert await where(bot, user) == "other_links"
    assert "https://youtu.be/nDfLm2024" in back.text


TRACKED_WORK = "https://www.youtube.com/watch?v=nDfLm2024&feature=share&t=42&si=Ab12Cd34#menit"
TRACKED_OTHERS = (
    "ig: https://www.instagram.com/sari.music?igsh=MWx0bXQ1&utm_source=qr ✨\n"
    "https://open.spotify.com/artist/4xYz?si=abc123&nd=1\n"
    "facebook.com/sarimusik?fbclid=IwAR2xYz&gclid=Cj0K&ref=bookmarks"
)


async def test_tracking_parameters_are_dropped_from_links_before_they_are_stored(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A talents' review: links kept utm_*, fbclid, si and igsh, and staff saw them so. Every
    other parameter (YouTube's v= and t=, Spotify's nd=, ref=) and the fragment stay."""
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    await fill(
        bot, user, {**MUSICIAN, "portfolio_url": TRACKED_WORK, "other_links": TRACKED_OTHERS}
    )
    assert await where(bot, user) == "review"
    stored = await _stored(bot, user.id)
    work = "https://www.youtube.com/watch?v=nDfLm2024&t=42#menit"
    others = (
        "https://www.instagram.com/sari.music\n"  # "ig:" and "✨" only name it (s65, F2)
        "https://open.spotify.com/artist/4xYz?nd=1\n"
        "https://facebook.com/sarimusik?ref=bookmarks"  # with its scheme (s61, L6)
    )
    assert (stored["portfolio_url"], stored["other_links"]) == (work, others)
    review = user.last_message.text  # the talent's review screen shows the clean links
    assert work in review and "https://open.spotify.com/artist/4xYz?nd=1" in review
    for tracking in ("si=", "igsh", "utm_", "fbclid", "gclid", "feature=share"):
        assert tracking not in review, tracking
    # Staff see the clean links in the new-lead alert.
    mark = staff_chat.mark()
    await bot.press(user, CONTENT.text(Text.BTN_SUBMIT, "id"))
    alert = "\n".join(message.text for message in staff_chat.messages_since(mark))
    assert work in alert
    for tracking in ("si=", "igsh", "utm_", "fbclid", "gclid", "feature=share"):
        assert tracking not in alert, tracking


async def test_belum_ada_inside_a_sentence_at_the_work_link_is_not_yet(bot: Harness) -> None:
    """A talents' review (s49 M4, s50 M11): refused as "not a web link"."""
    user = await at_question(bot, "portfolio_url")
    typed = (
        "Mohon maaf, rekaman aransemen saya masih berupa kaset dan pita reel, belum ada di internet"
    )
    await bot.send(user, typed)
    assert (await _stored(bot, user.id))["portfolio_url"] == NONE_YET
    assert await where(bot, user) == "other_links"


async def test_a_sentence_without_a_link_or_not_yet_is_still_no_link(bot: Harness) -> None:
    user = await at_question(bot, "portfolio_url")
    [reply] = await bot.send(user, "rekaman saya masih berupa kaset dan pita reel")
    assert reply.text.startswith(shown(Text.INTAKE_BAD_URL))
    assert "portfolio_url" not in await _stored(bot, user.id)


async def test_a_filmmaker_too_gets_the_links_carried(bot: Harness) -> None:
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    for key, value in FILMMAKER.items():
        if key == "portfolio_url":
            break
        await answer(bot, user, key, value)
    await bot.send(user, "https://vimeo.com/1 dan https://vimeo.com/2 juga https://vimeo.com/1")
    stored = await _stored(bot, user.id)
    assert stored["portfolio_url"] == "https://vimeo.com/1"
    assert stored["other_links"] == "https://vimeo.com/2"  # each link once


async def _at_the_guardian(bot: Harness, language: str = "id") -> Any:
    minor = await at_question(bot, "age_range", language)
    await bot.press(minor, label("age_range", "under_18", language))
    assert await where(bot, minor) == "guardian"
    return minor


async def _typed_at_the_guardian(bot: Harness, typed: str, language: str = "id") -> Any:
    """The reply to `typed` at a minor's guardian consent: whatever it says, the form stays
    there and nothing more is stored (the press is the talent's to make)."""
    minor = await _at_the_guardian(bot, language)
    [reply] = await bot.send(minor, typed)
    assert await where(bot, minor) == "guardian"
    assert await _stored(bot, minor.id) == {"sector": "music"}  # the age waits for the consent
    return reply


async def test_the_guardian_screen_can_be_paused_to_ask_the_parents_first(bot: Harness) -> None:
    """A talents' review: a minor who had to ask his father first could only press "no
    consent yet" (which deleted his answers) or claim the consent."""
    minor = await _at_the_guardian(bot)
    pause = CONTENT.text(Text.BTN_PAUSE, "id")
    assert pause in minor.last_message.button_texts
    [paused] = await bot.press(minor, pause)
    assert paused.text == shown(Text.INTAKE_CANCELLED)
    draft = await bot.store.applications.draft_for(minor.id)
    assert draft is not None and not draft.active and draft.stage == "guardian"
    assert await _stored(bot, minor.id) == {"sector": "music"}  # the age waits for the consent
    [resumed] = await bot.send(minor, "/daftar")  # his father agreed: on from here
    assert resumed.text.endswith(rendered(CONTENT.privacy.guardian_notice.id))
    await bot.press(minor, CONTENT.text(Text.BTN_GUARDIAN_YES, "id"))
    assert await where(bot, minor) == "full_name"
    assert await _stored(bot, minor.id) == {"sector": "music", "age_range": "under_18"}


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("belum diizinin mama kak 😢", "id"),
        ("ga diizinin mama", "id"),
        ("tidak diizinkan ayah", "id"),
        ("mama belum kasih izin", "id"),
        ("belum diizinkan orang tua", "id"),
        ("ortu blm dibolehin kak", "id"),
        ("ga dapet izin dari mama", "id"),
        ("my mom has not allowed it", "en"),
    ],
)
async def test_a_parent_not_allowing_it_is_never_told_to_press_agree(
    bot: Harness, typed: str, language: str
) -> None:
    """Nabila (re-check s58, H1): "belum diizinin mama kak 😢" got "👇 Sip! … tekan ✅ Orang
    tua/wali setuju": a child who said "not allowed" invited to tick the parent's consent. Told
    instead that the consent is required, with the pause to ask them."""
    reply = await _typed_at_the_guardian(bot, typed, language)
    assert reply.text.startswith(shown(Text.INTAKE_GUARDIAN_NEEDED, language))
    assert not reply.text.startswith(shown(Text.INTAKE_GUARDIAN_BY_BUTTON, language))


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("bentar kak aku tanya bapak dulu ya, bapak lagi di pura 🙏", "id"),
        ("aku minta izin mama dulu", "id"),
        ("bentar ya kak", "id"),
        ("wait, I need to ask my mom first", "en"),
    ],
)
async def test_wait_i_will_ask_my_parents_is_offered_the_pause(
    bot: Harness, typed: str, language: str
) -> None:
    reply = await _typed_at_the_guardian(bot, typed, language)
    assert reply.text.startswith(shown(Text.INTAKE_GUARDIAN_ASK_FIRST, language))
    assert CONTENT.text(Text.BTN_PAUSE, language) in reply.button_texts


@pytest.mark.parametrize(
    ("typed", "language", "said"),
    [
        # Nadia (s52b): got only "pick one of the buttons below".
        (
            "mamah udh bolehin kok kak tp lg ga dirumah, aku pencet aja ya?",
            "id",
            Text.INTAKE_GUARDIAN_AGREED,
        ),
        ("my mum said yes, can I just press it?", "en", Text.INTAKE_GUARDIAN_AGREED),
        # Kezia's mother (s54) got "kalau orang tua atau walimu sudah setuju…", as if she were
        # the child: a parent is thanked.
        ("Saya mamanya, saya setuju.", "id", Text.INTAKE_GUARDIAN_PARENT_AGREES),
        ("I'm her mom, I agree", "en", Text.INTAKE_GUARDIAN_PARENT_AGREES),
        # Nabila (s58): said, not asked, as a typed "setuju" at the main consent.
        ("udh diizinin mama kok kak 😊", "id", Text.INTAKE_GUARDIAN_BY_BUTTON),
    ],
)
async def test_an_agreeing_parent_said_or_typing_is_answered(
    bot: Harness, typed: str, language: str, said: Text
) -> None:
    """The press stays the child's or parent's to make: nothing is taken from the text."""
    reply = await _typed_at_the_guardian(bot, typed, language)
    assert reply.text.startswith(shown(said, language))
    assert CONTENT.text(Text.BTN_GUARDIAN_YES, language) in reply.button_texts


async def test_a_long_answer_refused_says_the_rest_can_go_in_the_last_question(
    bot: Harness,
) -> None:
    """A talents' review: a 1,531-character bio got only "could you shorten it?"."""
    user = await at_question(bot, "notable_works")
    bio = ("Film pendek pertama saya, Senja di Kota Tua, diputar di festival. " * 23).strip()
    [reply] = await bot.send(user, bio)
    last = CONTENT.questions["message"].label.id
    said = shown(Text.INTAKE_TOO_LONG_REST, length=len(bio), limit=1000, other=last)
    assert reply.text.startswith(said)
    assert "1.5" in reply.text.split("\n")[0]  # as Indonesian writes it
    assert "notable_works" not in await _stored(bot, user.id)
    # At the last question itself, nowhere else to go: only "shorten it".
    await bot.send(user, "Senja di Kota Tua (2024)")
    for key in ("programs_of_interest", "languages", "email", "phone"):
        await answer(bot, user, key, MUSICIAN[key])
    assert await where(bot, user) == "message"
    [refused] = await bot.send(user, bio)
    assert refused.text.startswith(shown(Text.INTAKE_TOO_LONG, length=len(bio), limit=1000))


async def test_a_province_typed_with_a_typo_is_asked_back_with_its_button(bot: Harness) -> None:
    """A talents' review: "Jawa Tenggah" got "I can't find that province"."""
    user = await at_question(bot, "province")
    [reply] = await bot.send(user, "Jawa Tenggah")
    assert shown(Text.INTAKE_PROVINCE_GUESSED, province="Jawa Tengah") in reply.text
    assert label("province", "jawa_tengah") in reply.button_texts
    assert "province" not in await _stored(bot, user.id)  # asked, not taken
    await bot.press(user, label("province", "jawa_tengah"))
    assert (await _stored(bot, user.id))["province"] == "jawa_tengah"
    assert await where(bot, user) == "city"


async def test_a_name_close_to_no_province_is_still_not_found(bot: Harness) -> None:
    user = await at_question(bot, "province")
    [reply] = await bot.send(user, "Jawa Tenggara")  # as close to Jawa Tengah as to Jawa Timur
    assert reply.text.startswith(shown(Text.INTAKE_PROVINCE_NOT_FOUND))


@pytest.mark.parametrize(
    ("typed", "role", "kept"),
    [
        # A talents' review: neither was taken, though "drummer" was.
        ("main gamelan, gender wayang kak", "instrumentalist", None),
        (
            "sound engineer, mixing mastering",
            "other_music_role",
            "sound engineer, mixing mastering",
        ),
        ("pelatih vokal", "other_music_role", "pelatih vokal"),
    ],
)
async def test_role_words_are_read_and_a_lainnya_role_is_kept(
    bot: Harness, typed: str, role: str, kept: str | None
) -> None:
    user = await at_question(bot, "music_role")
    [reply] = await bot.send(user, typed)
    stored = await _stored(bot, user.id)
    assert stored["music_role"] == role
    assert stored.get("music_role_other") == kept
    assert await where(bot, user) == "genres"  # the "which one?" is answered already
    if kept is not None:
        assert reply.text.startswith(shown(Text.INTAKE_OTHER_TAKEN, other="Lainnya", answer=kept))


async def test_metal_is_rock(bot: Harness) -> None:
    user = await at_question(bot, "genres")
    await bot.send(user, "metal 🤘")
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None and draft.pending == ["rock"]


async def test_a_minor_is_asked_for_their_own_name_first(bot: Harness) -> None:
    """A talents' review: after a 17-year-old's consent, the name's help began "Kalau kamu
    mengisi untuk anak, keponakan, atau murid…", a line for someone else."""
    minor = await _at_the_guardian(bot)
    [name_asked] = await bot.press(minor, CONTENT.text(Text.BTN_GUARDIAN_YES, "id"))
    help_line = name_asked.text.split("\n")[2]  # under "Pertanyaan 3 dari 17" and the prompt
    assert help_line.startswith("Nama lengkapmu")
    assert "keponakan" not in name_asked.text and "murid" not in name_asked.text


async def test_one_answer_changed_from_the_review_is_asked_without_the_way_in(
    bot: Harness,
) -> None:
    """A talents' review: changing the link alone began "Sekarang bagian serunya: karyamu!"."""
    user = await at_question(bot, "message")
    await answer(bot, user, "message", MUSICIAN["message"])
    assert await where(bot, user) == "review"
    await bot.press(user, CONTENT.text(Text.BTN_EDIT, "id"))
    question = CONTENT.questions["portfolio_url"]
    [asked] = await bot.press(user, question.label.id)
    assert question.edit_prompt is not None
    assert rendered(question.edit_prompt.id) in asked.text
    assert "bagian serunya" not in asked.text
    # Which answer is changed, not "Pertanyaan 10 dari 17" (a talents' review).
    editing = shown(
        Text.INTAKE_QUESTION_EDITING,
        label=question.label.id,
        prompt=rendered(question.edit_prompt.id),
    )
    assert asked.text.startswith(editing)
    assert "dari 17" not in asked.text
    [review] = await bot.send(user, "https://youtube.com/@sarimonsoons2")
    assert await where(bot, user) == "review"  # saved: back to the review, as before
    assert "https://youtube.com/@sarimonsoons2" in review.text
    # A new question after a changed field (film instead of music) is part of the change,
    # not "Pertanyaan 4 dari 17" (an attacker's review: the numbered form, not the review).
    await bot.press(user, CONTENT.text(Text.BTN_EDIT, "id"))
    await bot.press(user, CONTENT.questions["sector"].label.id)
    [company] = await bot.press(user, label("sector", "film"))
    assert await where(bot, user) == "company_name"
    changing = opening(
        Text.INTAKE_QUESTION_EDITING, label=CONTENT.questions["company_name"].label.id
    )
    assert company.text.startswith(changing) and "dari 17" not in company.text
    # Walking the form, the prompt as it was.
    other = await at_question(bot, "portfolio_url")
    assert rendered(question.prompt.id) in other.last_message.text


async def test_a_second_registration_in_the_same_field_is_said_once_before_it_starts(
    bot: Harness,
) -> None:
    """A talents' review: /daftar → "Pendaftaran baru" → Musik, after a music registration,
    started a second one without a word ("ini jadi dobel dong?")."""
    user = bot.user()
    reference = await apply(bot, user, MUSICIAN)
    await bot.send(user, "/daftar")
    await bot.press(user, CONTENT.text(Text.BTN_NEW_REGISTRATION, "id"))
    if await where(bot, user) == "consent_processing":
        await consent(bot, user)
    assert await where(bot, user) == "sector"
    [asked] = await bot.press(user, label("sector", "music"))
    today = CONTENT.date_text(to_wib(utc_now()).date(), "id")
    said = shown(Text.INTAKE_SAME_FIELD, reference=reference, date=today)
    assert asked.text.startswith(said)
    assert await where(bot, user) == "age_range"  # and the form goes on
    # Said once: back at the field, the same one again, and on to the next question.
    await bot.press(user, CONTENT.text(Text.BTN_BACK, "id"))
    [again] = await bot.press(user, label("sector", "music"))
    assert said not in again.text
    await bot.press(user, label("age_range", "age_25_34"))
    assert said not in user.last_message.text
    # Another field: nothing to say.
    await bot.press(user, CONTENT.text(Text.BTN_BACK, "id"))
    await bot.press(user, CONTENT.text(Text.BTN_BACK, "id"))
    [film] = await bot.press(user, label("sector", "film"))
    assert reference not in film.text


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("mama ga ngebolehin", "id"),
        ("mama belum ngebolehin", "id"),
        ("ortu belum membolehkan", "id"),
        ("papa tidak membolehkan", "id"),
        ("mama udah bolehin tapi papa belum", "id"),
        ("papa ngizinin, mama belum", "id"),
        ("mama setuju tapi papa belum tau", "id"),
        ("papa boleh tapi mama belum", "id"),
        ("my parents haven't agreed yet", "en"),
        ("my mom hasn't allowed it", "en"),
        ("my dad hasn't approved yet", "en"),
    ],
)
async def test_a_parent_not_allowing_it_actively_or_one_parent_only_is_refused(
    bot: Harness, typed: str, language: str
) -> None:
    """Final review s58 H3: "mama ga ngebolehin", "my parents haven't agreed yet" and "papa boleh
    tapi mama belum" got "👇 Sip! … tekan ✅ Orang tua/wali setuju": a minor whose parent said
    no, or not yet, pushed to tick the consent. Told it is required, with the pause."""
    reply = await _typed_at_the_guardian(bot, typed, language)
    assert reply.text.startswith(shown(Text.INTAKE_GUARDIAN_NEEDED, language))
    assert CONTENT.text(Text.BTN_PAUSE, language) in reply.button_texts


@pytest.mark.parametrize(
    "typed", ["gak papa diizinin mama", "ga papa kok diizinin mama", "gapapa diizinin mama"]
)
async def test_it_is_fine_mum_allowed_it_is_no_refusal(bot: Harness, typed: str) -> None:
    """Final review s58 H4: "gak papa diizinin mama" (it's fine, mum allowed it) was told the
    consent is missing, while "gapapa diizinin mama" got "Sip!": "gak papa" is no "not"."""
    reply = await _typed_at_the_guardian(bot, typed, "id")
    assert reply.text.startswith(shown(Text.INTAKE_GUARDIAN_BY_BUTTON))
