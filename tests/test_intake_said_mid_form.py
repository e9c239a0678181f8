"""What a talent says in the middle of the form that a talents' review (session 59) found
misread: "I'll continue later" in plain words, a greeting, "ubah" at the review, a typed age
(said back as other typed answers are), and Back from the guardian's consent reached from
the review's list of answers."""

from __future__ import annotations

import pytest

from bot.emulator import EmulatedUser
from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    MUSICIAN,
    apply,
    at_question,
    consent,
    draft_answers,
    fill,
    label,
    rendered,
    seen,
    shown,
    where,
)


@pytest.mark.parametrize(
    ("key", "typed", "language"),
    [
        # Harun at the links (Tautan lain): "Di sini cukup tautan atau nama akunmu…".
        ("other_links", "Maaf, saya lanjutkan nanti saja. Ada rapat.", "id"),
        ("full_name", "nanti aja ya kak, aku lanjut besok", "id"),
        ("genres", "Saya Tanya Dulu Ke Mamanya… Nanti Saya Lanjutkan Lagi.", "id"),
        ("city", "I'll finish this tomorrow", "en"),
        ("notable_works", "sorry, I have a meeting, will continue later", "en"),
        # Where no text is the answer, the bare words are enough.
        ("email", "nanti saja", "id"),
        ("portfolio_url", "continue later", "en"),
        # A talents' review (s60): "another time" and "maybe later" said the button was needed.
        ("age_range", "lain kali aja", "id"),
        ("email", "nanti aja deh", "id"),
        ("genres", "ntar aja", "id"),
        ("email", "Maybe later!", "en"),
        ("full_name", "lain kali aja ya kak, lagi di jalan", "id"),
    ],
)
async def test_i_will_continue_later_in_plain_words_pauses_the_form(
    bot: Harness, key: str, typed: str, language: str
) -> None:
    user = await at_question(bot, key, language)
    before = await draft_answers(bot, user)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_CANCELLED, language))
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None and not draft.active  # paused, as ⏸ does
    assert await draft_answers(bot, user) == before  # nothing stored from it
    await bot.send(user, "/daftar" if language == "id" else "/register")
    assert await where(bot, user) == key  # on from where the talent stopped


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("stage_name", "Nanti Saja"),  # a band?
        ("stage_name", "Lanjut Nanti"),
        ("notable_works", "Besok Lanjut"),
        ("stage_name", "Lain Kali Aja"),
        ("stage_name", "Maybe Later"),
    ],
)
async def test_the_bare_words_where_a_name_goes_are_asked_back_and_kept_sent_again(
    bot: Harness, key: str, typed: str
) -> None:
    user = await at_question(bot, key)
    [asked] = await bot.send(user, typed)
    assert asked.text.startswith(shown(Text.INTAKE_LATER))
    assert shown(Text.INTAKE_SEND_AGAIN) in asked.text
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None and draft.active  # not paused
    assert key not in await draft_answers(bot, user)
    await seen(bot, user)
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))[key] == typed


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("stage_name", "Nanti Malam"),
        ("notable_works", "Nanti Kita Cerita Tentang Hari Ini (2020)"),
        ("message", "Nanti kami lanjutkan kolaborasinya dengan musisi Korea"),
        ("message", "Film pendek Senja (2022). Sisanya nanti saya lanjutkan."),
    ],
)
async def test_later_as_content_is_the_answer(bot: Harness, key: str, typed: str) -> None:
    user = await at_question(bot, key)
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))[key] == typed
    assert await where(bot, user) != key


@pytest.mark.parametrize(
    ("key", "typed", "language", "greeting"),
    [
        # Harun at the links: "Siap! 😊 Pertanyaan ini masih menunggu jawabanmu."
        ("other_links", "SELAMAT SORE", "id", Text.INTAKE_GREETING_AFTERNOON),
        ("sector", "selamat pagi kak 🙏", "id", Text.INTAKE_GREETING_MORNING),
        ("genres", "Selamat malam", "en", Text.INTAKE_GREETING_EVENING),
        ("notable_works", "good morning!", "en", Text.INTAKE_GREETING_MORNING),
        ("email", "halo kak", "id", Text.INTAKE_GREETING_HELLO),
        # A salam is returned (a talents' review s62, L4: "Halo" to "Assalamualaikum").
        ("sector", "Assalamu'alaikum wr. wb.", "id", Text.INTAKE_GREETING_SALAM),
        ("genres", "Assalamualaikum", "en", Text.INTAKE_GREETING_SALAM),
    ],
)
async def test_a_greeting_mid_form_is_greeted_back_at_its_time_of_day(
    bot: Harness, key: str, typed: str, language: str, greeting: Text
) -> None:
    user = await at_question(bot, key, language)
    before = await draft_answers(bot, user)
    [reply] = await bot.send(user, typed)
    said = CONTENT.text(greeting, language)
    assert reply.text.startswith(shown(Text.INTAKE_GREETED, language, greeting=said))
    prompt = rendered(CONTENT.questions[key].prompt.get(language)).split("\n")[0]
    assert prompt in reply.text  # the question below, as it was
    assert await where(bot, user) == key
    assert await draft_answers(bot, user) == before


async def test_a_greeting_where_a_name_goes_is_greeted_and_kept_if_sent_again(
    bot: Harness,
) -> None:
    user = await at_question(bot, "stage_name")
    [reply] = await bot.send(user, "Selamat Siang")
    said = CONTENT.text(Text.INTAKE_GREETING_MIDDAY, "id")
    assert reply.text.startswith(shown(Text.INTAKE_GREETED_AT_TEXT, greeting=said))
    assert "stage_name" not in await draft_answers(bot, user)
    await seen(bot, user)
    await bot.send(user, "Selamat Siang")  # a band's name after all
    assert (await draft_answers(bot, user))["stage_name"] == "Selamat Siang"


async def _at_review(bot: Harness, language: str = "id") -> EmulatedUser:
    user = bot.user(language_code=language)
    await bot.send(user, "/daftar")
    await consent(bot, user)
    await fill(bot, user, MUSICIAN)
    assert await where(bot, user) == "review"
    return user


@pytest.mark.parametrize("typed", ["ubah", "Edit", "ganti", "change", "mau ubah kak", "edit dong"])
async def test_ubah_typed_at_the_review_opens_the_list_of_answers(bot: Harness, typed: str) -> None:
    user = await _at_review(bot)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_EDIT_PROMPT))
    assert await where(bot, user) == "edit_list"


@pytest.mark.parametrize("typed", ["jangan diubah", "ubah?", "ga usah ganti"])
async def test_a_near_ubah_at_the_review_does_not_open_the_list(bot: Harness, typed: str) -> None:
    user = await _at_review(bot)
    await bot.send(user, typed)
    assert await where(bot, user) == "review"


@pytest.mark.parametrize(
    ("typed", "value"),
    [("34", "age_25_34"), ("umurku 22 cak", "age_18_24"), ("40 tahun", "age_35_44")],
)
async def test_a_typed_age_is_said_back_as_other_typed_answers_are(
    bot: Harness, typed: str, value: str
) -> None:
    user = await at_question(bot, "age_range")
    [reply] = await bot.send(user, typed)
    taken = label("age_range", value)
    assert reply.text.startswith(shown(Text.INTAKE_TAKEN, taken=taken))
    assert (await draft_answers(bot, user))["age_range"] == value


async def test_back_from_the_guardian_reached_from_the_review_returns_to_that_edit(
    bot: Harness,
) -> None:
    """Sasa: [Ubah jawaban] [Usia], "8": the parent-consent step, whose Back showed the
    form's "Pertanyaan 2 dari 17 … ↪️ Pakai jawaban ini"; the answer then stood as under 18,
    and "Kembali ke ringkasan" or "Pakai jawaban ini" kept it without the guardian's consent."""
    user = await _at_review(bot)
    await bot.press(user, CONTENT.text(Text.BTN_EDIT, "id"))
    age = CONTENT.questions["age_range"]
    await bot.press(user, age.label.id)
    [guardian] = await bot.send(user, "8")
    assert guardian.text.endswith(rendered(CONTENT.privacy.guardian_notice.id))
    [back] = await bot.press(user, CONTENT.text(Text.BTN_BACK, "id"))
    heading = CONTENT.text(
        Text.INTAKE_QUESTION_EDITING, "id", label=age.label.id, prompt=age.prompt.id
    )
    assert back.text.startswith(rendered(heading).split("\n")[0])
    assert CONTENT.text(Text.BTN_TO_REVIEW, "id") in back.button_texts
    assert CONTENT.text(Text.BTN_KEEP, "id") not in back.button_texts
    current = shown(Text.INTAKE_CURRENT_ANSWER, answer=label("age_range", "age_25_34"))
    assert current in back.text  # the answer as it was, not the age waiting for consent
    await bot.press(user, CONTENT.text(Text.BTN_TO_REVIEW, "id"))
    assert await where(bot, user) == "review"
    assert (await draft_answers(bot, user))["age_range"] == "age_25_34"


async def test_back_from_the_guardian_keeps_no_under_18_age_without_the_consent(
    bot: Harness,
) -> None:
    minor = await at_question(bot, "age_range")
    await bot.press(minor, label("age_range", "under_18"))
    assert await where(bot, minor) == "guardian"
    [back] = await bot.press(minor, CONTENT.text(Text.BTN_BACK, "id"))
    assert CONTENT.text(Text.BTN_KEEP, "id") not in back.button_texts  # nothing to keep
    assert "age_range" not in await draft_answers(bot, minor)
    await bot.press(minor, label("age_range", "under_18"))
    await bot.press(minor, CONTENT.text(Text.BTN_GUARDIAN_YES, "id"))
    assert (await draft_answers(bot, minor))["age_range"] == "under_18"
    assert await where(bot, minor) == "full_name"


async def _sent_phone(bot: Harness, reference: str) -> object:
    row = await bot.store.db.fetch_one(
        "SELECT id FROM applications WHERE reference = ? AND status = 'submitted'", (reference,)
    )
    assert row is not None
    return (await bot.store.applications.answers(row["id"]))["phone"]


@pytest.mark.parametrize("yes", ["button", "iya kak"])
async def test_a_new_number_in_a_wish_to_change_is_offered_after_update(
    bot: Harness, yes: str
) -> None:
    """Tiara & Sasa, after sending: "kak mau ganti contact person jadi sasa ya, nomor wa nya
    juga ganti ke 0813 9988 7766 🙏" got Update / New, and the number had to be typed again
    under Ubah jawaban → HP/WhatsApp. After Update it is offered at that question; stored
    only with a yes, then saved as any change is."""
    user = bot.user()
    reference = await apply(bot, user, MUSICIAN)
    wish = "kak mau ganti contact person jadi sasa ya, nomor wa nya juga ganti ke 0813 9988 7766 🙏"
    [choose] = await bot.send(user, wish)
    update = CONTENT.text(Text.BTN_UPDATE_REGISTRATION, "id")
    assert update in choose.button_texts
    [offer] = await bot.press(user, update)
    field = CONTENT.questions["phone"].label.id
    assert shown(Text.INTAKE_CARRIED_OFFER, value="+6281399887766", field=field) in offer.text
    assert await where(bot, user) == "phone"
    assert (await draft_answers(bot, user))["phone"] == "+6281234567801"  # not before a yes
    assert await _sent_phone(bot, reference) == "+6281234567801"
    if yes == "button":
        await bot.press(user, CONTENT.text(Text.BTN_USE_CARRIED, "id", value="+6281399887766"))
    else:
        await bot.send(user, yes)
    assert await where(bot, user) == "review"
    assert (await draft_answers(bot, user))["phone"] == "+6281399887766"
    await bot.press(user, CONTENT.text(Text.BTN_UPDATE_SAVE, "id"))
    assert await _sent_phone(bot, reference) == "+6281399887766"


async def test_another_number_typed_at_the_offer_is_the_answer_and_none_without_one(
    bot: Harness,
) -> None:
    user = bot.user()
    await apply(bot, user, MUSICIAN)
    await bot.send(user, "nomor wa saya ganti ke 0813 9988 7766 ya kak")
    await bot.press(user, CONTENT.text(Text.BTN_UPDATE_REGISTRATION, "id"))
    await bot.send(user, "eh salah, 0813 1111 2222")
    assert (await draft_answers(bot, user))["phone"] == "+6281311112222"
    other = bot.user()
    await apply(bot, other, MUSICIAN)
    await bot.send(other, "mau ganti nomor wa kak")  # nothing carried: the review as before
    [review] = await bot.press(other, CONTENT.text(Text.BTN_UPDATE_REGISTRATION, "id"))
    assert await where(bot, other) == "review"
    assert CONTENT.text(Text.BTN_UPDATE_SAVE, "id") in review.button_texts
