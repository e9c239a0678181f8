"""The application questionnaire, walked through the real bot."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.content import ContentError, load_content
from bot.emulator import EmulatedUser
from bot.leads import form_order
from bot.leads.answer_outcomes import NONE_YET
from bot.leads.form_order import choices
from bot.leads.sentence_names import stage_name_in
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
    data_copy,
    edit_content,
    fill,
    label,
    listed,
    opening,
    rendered,
    shown,
    stored_value,
    where,
)


def _button(key: Text, language: str = "id") -> str:
    return CONTENT.text(key, language)


async def _answers(bot: Harness, reference: str) -> dict[str, Any]:
    row = await bot.store.db.fetch_one(
        "SELECT id, status FROM applications WHERE reference = ?", (reference,)
    )
    assert row is not None and row["status"] == "submitted"
    return await bot.store.applications.answers(row["id"])


async def _stored(bot: Harness, user_id: int) -> dict[str, Any]:
    draft = await bot.store.applications.draft_for(user_id)
    assert draft is not None
    return await bot.store.applications.answers(draft.id)


@pytest.mark.parametrize("talent", [MUSICIAN, FILMMAKER], ids=["musician", "filmmaker"])
async def test_complete_application_stores_every_answer(
    bot: Harness, staff_chat: Any, talent: dict[str, Any]
) -> None:
    user = bot.user(first_name="Sari", username="sari_id")
    reference = await apply(bot, user, talent)
    assert reference == "KOC-000001"
    stored = await _answers(bot, reference)
    assert stored == {key: stored_value(key, value) for key, value in talent.items()}
    thanks, offer = (message.text for message in user.messages[-2:])
    assert thanks.startswith(opening(Text.INTAKE_SUBMITTED, reference="KOC-000001"))
    assert offer == shown(Text.SUBSCRIBE_OFFER)
    assert "KOC-000001" in thanks
    alert = staff_chat.last_message.text
    assert alert.startswith(opening(Text.STAFF_NEW_LEAD, reference="KOC-000001"))
    assert "@sari_id" in alert and str(user.id) in alert
    assert talent["full_name"] in alert
    # The chat language named as on every staff screen, not as its code.
    assert f"bahasa {CONTENT.text(Text.PIPELINE_LANGUAGE_NAME_ID, 'id')}" in alert


async def test_a_question_in_the_note_to_the_team_is_told_where_it_goes(
    bot: Harness, staff_chat: Any
) -> None:
    """A talents' review: a question typed as the last answer was filed with the lead, and
    she waited. The thanks say staff read it there, and how to be sure of an answer; the
    staff's alert says it asks (a new staff member's review: closed with it unanswered)."""
    asks = {**MUSICIAN, "message": "kami 32 orang, kalau ke Korea biaya tiket siapa yang tanggung?"}
    rina, sari = bot.user(first_name="Rina"), bot.user(first_name="Sari")
    await apply(bot, rina, asks)
    thanks = next(m.text for m in rina.messages if "KOC-000001" in m.text)
    assert thanks.endswith(shown(Text.INTAKE_SUBMITTED_NOTE_ASKS))
    assert staff_chat.last_message.text.endswith(shown(Text.STAFF_NEW_LEAD_NOTE_ASKS))
    await apply(bot, sari, MUSICIAN)  # "Kami ingin tampil di Seoul": nothing asked
    assert all(shown(Text.INTAKE_SUBMITTED_NOTE_ASKS) not in m.text for m in sari.messages)
    assert shown(Text.STAFF_NEW_LEAD_NOTE_ASKS) not in staff_chat.last_message.text


async def test_review_summary_shows_every_answer_in_the_talents_language(bot: Harness) -> None:
    user = bot.user(language_code="en")
    await bot.send(user, "/apply")  # the old English name still works beside /register
    await consent(bot, user, language="en")
    await fill(bot, user, MUSICIAN, language="en")
    review = user.last_message.text
    assert review.startswith(opening(Text.INTAKE_REVIEW, "en", summary=""))
    assert "Sari Dewi Lestari" in review and label("music_role", "band_group", "en") in review
    assert "+6281234567801" in review and "sari.dewi@example.com" in review
    assert "Jawa Barat" in review and "Pop, Dangdut" in review


@pytest.mark.parametrize(
    ("key", "bad", "explanation", "values"),
    [
        ("email", "sari at example", Text.INTAKE_BAD_EMAIL, {}),
        ("email", "sari@", Text.INTAKE_BAD_EMAIL, {}),
        ("phone", "12345", Text.INTAKE_BAD_PHONE, {}),
        ("phone", "nomor saya rahasia", Text.INTAKE_BAD_PHONE, {}),
        # Two: which one is for the talent to say, not for the form to pick.
        ("email", "sari@gmail.com atau sari.kerja@yahoo.com", Text.INTAKE_TWO_EMAILS, {}),
        (
            "phone",
            "Nomor WhatsApp saya 0271-712345, kalau HP 0813 2999 1234",
            Text.INTAKE_TWO_PHONES,
            {},
        ),
        ("portfolio_url", "ftp://files.example.com/reel.mp4", Text.INTAKE_BAD_URL, {}),
        ("portfolio_url", "javascript:alert(1)", Text.INTAKE_BAD_URL, {}),
        ("portfolio_url", "my channel", Text.INTAKE_BAD_URL, {}),
        # Where the work is, named without its link: its link is asked for (below).
        ("portfolio_url", "my youtube channel", Text.INTAKE_LINK_FOR_IT, {}),
        # An address or a bare handle is no link ("https://@naddie.sings" was stored).
        ("portfolio_url", "naddie@gmail.com", Text.INTAKE_BAD_URL, {}),
        ("portfolio_url", "@naddie.sings", Text.INTAKE_BAD_URL, {}),
        # (Links with a password beside them are kept without it: test_intake_review_s60, s61.)
        ("experience_years", "banyak", Text.INTAKE_BAD_NUMBER, {"min": 0, "max": 60}),
        ("experience_years", "tujuh puluh", Text.INTAKE_BAD_NUMBER, {"min": 0, "max": 60}),
        ("experience_years", "75", Text.INTAKE_BAD_NUMBER, {"min": 0, "max": 60}),
        ("full_name", "x" * 101, Text.INTAKE_TOO_LONG, {"length": 101, "limit": 100}),
        # Where the rest may go, when the last question is ahead (a talents' review).
        (
            "notable_works",
            "y" * 5000,
            Text.INTAKE_TOO_LONG_REST,
            {"length": 5000, "limit": 1000, "other": "Pesan untuk tim kami"},
        ),
        # A question typed mid-form is not a name or a company (staff review: "berapa honor
        # manggung di Seoul kak?" became a production house); one the bot can answer is
        # answered (below).
        ("stage_name", "berapa honor manggung di Seoul kak?", Text.INTAKE_A_QUESTION, {}),
        ("stage_name", "honor manggung di Seoul berapa ya kak?🙏", Text.INTAKE_A_QUESTION, {}),
        # ... nor works or links, when it is one short line.
        ("notable_works", "maksudnya karya yang mana kak?", Text.INTAKE_STEP_ASKED, {}),
        # ... nor a number, a link, a province or a choice (a talent's review: "that is not a
        # link" is no answer to "boleh link soundcloud?").
        ("experience_years", "eh kak nanti dihubungin lewat apa ya?", Text.INTAKE_A_QUESTION, {}),
        ("province", "di jawa ada provinsi apa aja?", Text.INTAKE_STEP_ASKED, {}),
        # At a choice there is nothing to "send once more": its buttons are the answer.
        ("genres", "boleh pilih lebih dari satu?", Text.INTAKE_A_QUESTION_BUTTONS, {}),
        # An answer the talent is unsure of is no question for the FAQ (an attacker's review:
        # "5 tahun?" got BIFF's fund, "Jakarta?" the office in Jakarta): send it again.
        ("experience_years", "5 tahun ya kak?", Text.INTAKE_A_QUESTION, {}),
        ("city", "Jakarta Selatan?", Text.INTAKE_A_QUESTION, {}),
        ("languages", "Inggris?", Text.INTAKE_A_QUESTION_BUTTONS, {}),
        ("stage_name", "Kenapa Korea?", Text.INTAKE_A_QUESTION, {}),
        # ... nor, at a name, a title or a text, one with no word that asks (a second
        # attacker: "The Open Call Band?" got the open-call answer).
        ("stage_name", "The Open Call Band?", Text.INTAKE_A_QUESTION, {}),
        # A question with more after it is still one, at a name or a number (a talents'
        # review: it became the stage name).
        (
            "stage_name",
            "emang harus nama asli ya? gw biasa pake nama panggung",
            Text.INTAKE_STEP_ASKED,
            {},
        ),
        # A question naming what is asked ("nama", "karya", "provinsi") is about it: its
        # help, not the FAQ (a talents' review: unrelated entries came above the form).
        ("full_name", "nama asli atau nama panggung?", Text.INTAKE_STEP_ASKED, {}),
        ("email", "emailnya boleh email kantor?", Text.INTAKE_STEP_ASKED, {}),
        ("phone", "nomor wa atau nomor telpon?", Text.INTAKE_STEP_ASKED, {}),
        ("notable_works", "Tampil di MU:CON 2023?", Text.INTAKE_A_QUESTION, {}),
        ("experience_years", "3-5 tahun", Text.INTAKE_BAD_NUMBER, {"min": 0, "max": 60}),
        # Only years are taken from a sentence, never a question's number (attacker's review).
        ("experience_years", "baru 6 bulan", Text.INTAKE_BAD_NUMBER, {"min": 0, "max": 60}),
        ("experience_years", "6 bulanan", Text.INTAKE_BAD_NUMBER, {"min": 0, "max": 60}),
        ("experience_years", "kalau baru 6 bulan gimana kak?", Text.INTAKE_A_QUESTION, {}),
        ("province", "Atlantis", Text.INTAKE_PROVINCE_NOT_FOUND, {}),
        ("sector", "televisi", Text.INTAKE_USE_BUTTONS, {}),
        ("age_range", "dua puluh", Text.INTAKE_USE_BUTTONS, {}),
        # A multiple choice says "pick one or more", never "salah satu" (one). ("gambus", a
        # genre no button names, is now "Lainnya" with it: test_small_fixes_s64.)
        ("genres", "campur", Text.INTAKE_USE_BUTTONS_MULTI_OR_OTHER, {"other": "Lainnya"}),
        # Other links hold links, handles or a platform's name, not chat (a talents' review:
        # "udah masuk belum kang" was stored as a link).
        ("other_links", "udah masuk belum kang", Text.INTAKE_NO_LINK, {}),
        ("other_links", "Kupang", Text.INTAKE_NO_LINK, {}),
        ("other_links", "udah masuk belum kang ig", Text.INTAKE_NO_LINK, {}),  # no name after
    ],
)
async def test_invalid_answer_is_explained_and_the_question_asked_again(
    bot: Harness, key: str, bad: str, explanation: Text, values: dict[str, Any]
) -> None:
    user = await at_question(bot, key)
    assert await where(bot, user) == key
    before = await _stored(bot, user.id)
    # A question may get the entries closest to it first (below); the form then only goes
    # on (a talents' review: "press Pause to ask" after them was a second, other thing).
    *above, reply = await bot.send(user, bad)
    assert [m.text for m in above] in ([], [shown(Text.ASK_IN_FORM_SUGGESTED)])
    if not above:
        assert reply.text.startswith(shown(explanation, **values))
    elif explanation is Text.INTAKE_A_QUESTION:
        assert reply.text.startswith(shown(Text.INTAKE_ASKED_BACK_TO_FORM))
    else:
        assert reply.text.startswith(shown(Text.INTAKE_BACK_TO_FORM))
    assert CONTENT.questions[key].prompt.id.split("\n")[0][:25] in reply.text
    assert await where(bot, user) == key
    assert await _stored(bot, user.id) == before


@pytest.mark.parametrize(
    ("key", "typed", "said", "language"),
    [
        # A talents' review: "ini wajib ga?" at the stage name got the production-house
        # answer, and "kalo ga punya nama panggung gmn" (no "?") was stored as the stage name.
        ("stage_name", "ini wajib ga?", Text.INTAKE_STEP_SKIPPABLE, "id"),
        ("stage_name", "kalo ga punya nama panggung gmn", Text.INTAKE_STEP_SKIPPABLE, "id"),
        ("stage_name", "boleh dikosongin kak", Text.INTAKE_STEP_SKIPPABLE, "id"),
        ("notable_works", "kalau belum ada karya gimana kak", Text.INTAKE_STEP_SKIPPABLE, "id"),
        ("other_links", "is this required?", Text.INTAKE_STEP_SKIPPABLE, "en"),
        # Required, with "not yet" as an answer: how to say it, not "that is no link".
        ("portfolio_url", "kalo ga punya showreel gmn", Text.INTAKE_STEP_NONE_YET, "id"),
        ("portfolio_url", "what if I don't have a portfolio", Text.INTAKE_STEP_NONE_YET, "en"),
        # May it come later: the same (a talents' review: "Apakah boleh menyusul?" was told
        # to send it again without the question mark), also when a long text ends with it.
        ("portfolio_url", "Apakah boleh menyusul?", Text.INTAKE_STEP_NONE_YET, "id"),
        ("portfolio_url", "boleh nyusul linknya?", Text.INTAKE_STEP_NONE_YET, "id"),
        ("portfolio_url", "can I send it later?", Text.INTAKE_STEP_NONE_YET, "en"),
        (
            "portfolio_url",
            "Mohon maaf, saya tidak punya Spotify. Ada rekaman saya di YouTube yang diunggah"
            " cucu saya, tetapi saya belum tahu alamatnya. Apakah boleh menyusul?",
            Text.INTAKE_STEP_NONE_YET,
            "id",
        ),
        ("other_links", "boleh nyusul?", Text.INTAKE_STEP_SKIPPABLE, "id"),
        ("stage_name", "can I send it later?", Text.INTAKE_STEP_SKIPPABLE, "en"),
        # Required: it is needed, at a text as at a choice.
        ("email", "email wajib diisi ya?", Text.INTAKE_STEP_NEEDED, "id"),
        # Without one: what to do instead (a talents' review s64, H3; test_form_s64).
        ("email", "kalau ga punya email gimana", Text.INTAKE_EMAIL_NONE, "id"),
        ("city", "kota wajib diisi?", Text.INTAKE_STEP_NEEDED, "id"),
        ("genres", "ini wajib ga", Text.INTAKE_STEP_NEEDED, "id"),
        # Makassar particles between the words that ask (a talents' review, s52b).
        ("phone", "wa ku 0852-4xxx ji, harus ka isi kah?", Text.INTAKE_STEP_NEEDED, "id"),
        # Why it is asked: what the answers are for, as the privacy notice says.
        ("phone", "kenapa harus kasih nomor hp?", Text.INTAKE_STEP_WHY, "id"),
        ("phone", "buat apa nomor wa saya", Text.INTAKE_STEP_WHY, "id"),
        ("full_name", "kenapa harus isi nama lengkap", Text.INTAKE_STEP_WHY, "id"),
        ("email", "why do you need my email?", Text.INTAKE_STEP_WHY, "en"),
        # Said only to ask, with no "?" at an optional question (an attacker's review: they
        # were stored as the stage name).
        ("stage_name", "boleh ga diisi", Text.INTAKE_STEP_SKIPPABLE, "id"),
        ("stage_name", "Bolehkah dikosongkan", Text.INTAKE_STEP_SKIPPABLE, "id"),
        ("stage_name", "is this required", Text.INTAKE_STEP_SKIPPABLE, "en"),
        ("stage_name", "what if I don't have one", Text.INTAKE_STEP_SKIPPABLE, "en"),
        ("stage_name", "nama panggung itu apa ya", Text.INTAKE_STEP_ASKED, "id"),
        # Naming what is asked: its help below, not an FAQ entry above (the contact entry
        # was answered for "nomor wa atau nomor telpon?" at the phone).
        ("phone", "nomor wa atau nomor telpon?", Text.INTAKE_STEP_ASKED, "id"),
        ("email", "can I use my office email?", Text.INTAKE_STEP_ASKED, "en"),
    ],
)
async def test_a_question_about_the_form_question_is_answered_by_the_form(
    bot: Harness, key: str, typed: str, said: Text, language: str
) -> None:
    user = await at_question(bot, key, language)
    before = await _stored(bot, user.id)
    [reply] = await bot.send(user, typed)  # no FAQ entry above it
    assert reply.text.startswith(shown(said, language))
    assert CONTENT.questions[key].prompt.get(language).split("\n")[0][:25] in reply.text
    assert await where(bot, user) == key
    assert await _stored(bot, user.id) == before  # nothing taken as the answer
    with sqlite3.connect(f"file:{bot.database}?mode=ro", uri=True) as db:
        asked = db.execute("SELECT COUNT(*) FROM free_questions WHERE user_id = ?", (user.id,))
        assert asked.fetchone()[0] == 0  # not a question for the FAQ's figures either


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        # Names and titles that read like those questions are answers.
        ("stage_name", "Wajib Militer"),
        ("stage_name", "Kalau Tidak Ada Kamu"),
        ("stage_name", "Boleh Menyusul"),  # no "?" nor another asking word: a band's name
        ("notable_works", "Single 'Kenapa Harus Kamu' (2023), 'Kalau Tak Ada Cinta'"),
        # An attacker's review: these were refused, and the links told to type "belum ada".
        ("full_name", "Muhammad Wajib"),
        ("city", "Kota Wajib"),
        ("portfolio_url", "https://www.instagram.com/wajib.militer/"),
        ("portfolio_url", "https://soundcloud.com/kalau-ga-ada-cinta"),
        ("email", "wajib.santoso@gmail.com"),
        ("phone", "nomor wa saya 0812-3456-7801?"),  # an unsure "?" after a valid number
    ],
)
async def test_an_answer_that_reads_like_a_question_about_the_form_is_taken(
    bot: Harness, key: str, typed: str
) -> None:
    user = await at_question(bot, key)
    await bot.send(user, typed)
    stored = (await _stored(bot, user.id)).get(key)
    if CONTENT.questions[key].type in ("short_text", "long_text"):
        assert stored == typed
    else:  # links, addresses and numbers are stored in their normal form
        assert stored is not None and stored not in ("none_yet", "")
    assert await where(bot, user) != key


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        # A talents' review: the whole sentence was stored as the stage name.
        ("Biasanya saya tampil dengan nama Ratna Solo di panggung", "id"),
        ("kalau manggung aku pakai nama 'Ratna Solo' kak", "id"),
        ("I usually perform under the name Ratna Solo on stage", "en"),
    ],
)
async def test_a_stage_name_said_in_a_sentence_is_asked_back(
    bot: Harness, typed: str, language: str
) -> None:
    user = await at_question(bot, "stage_name", language)
    [asked] = await bot.send(user, typed)
    assert shown(Text.INTAKE_STAGE_NAME_FOUND, language, name="Ratna Solo") in asked.text
    assert "stage_name" not in await _stored(bot, user.id)  # nothing taken before it is said
    assert await where(bot, user) == "stage_name"
    await bot.press(user, _button(Text.BTN_STAGE_NAME_FOUND, language).format(name="Ratna Solo"))
    assert (await _stored(bot, user.id))["stage_name"] == "Ratna Solo"
    assert await where(bot, user) == "music_role"


async def test_a_stage_name_asked_back_may_be_kept_as_typed_or_typed_again(
    bot: Harness,
) -> None:
    user = await at_question(bot, "stage_name")
    await bot.send(user, "Tampil Dengan Nama Samaran")  # a band's name, read as a sentence
    await bot.press(user, _button(Text.BTN_STAGE_NAME_AS_TYPED))
    assert (await _stored(bot, user.id))["stage_name"] == "Tampil Dengan Nama Samaran"
    other = await at_question(bot, "stage_name")
    await bot.send(other, "Biasanya saya tampil dengan nama Ratna Solo di panggung")
    await bot.send(other, "Ratna Solo & Kawan-kawan")  # typed instead of pressing
    assert (await _stored(bot, other.id))["stage_name"] == "Ratna Solo & Kawan-kawan"


@pytest.mark.parametrize(
    "typed",
    # An attacker's review: each was asked back as a "name" ("instrumen utama", "pembuka",
    # "tersebut", "&amp").
    [
        "aku pakai gitar sebagai instrumen utama",
        "tampil sebagai pembuka di Java Jazz",
        "saya menggunakan nama tersebut",
        "dikenal sebagai &amp; Co",
    ],
)
def test_words_after_sebagai_that_are_no_name_are_not_asked_back(typed: str) -> None:
    assert stage_name_in(CONTENT.questions["stage_name"], typed) is None
    assert stage_name_in(CONTENT.questions["stage_name"], "dikenal sebagai Ratna Solo") == (
        "Ratna Solo"
    )


def test_not_yet_as_the_step_answer_says_is_taken() -> None:
    # The step's answer quotes what to type when there is nothing online yet.
    portfolio = CONTENT.questions["portfolio_url"]
    for language, word in (("id", "belum ada"), ("en", "not yet")):
        assert f"“{word}”" in shown(Text.INTAKE_STEP_NONE_YET, language)
        assert word in portfolio.none_answers


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        # A talents' review: "Belum ada, nanti …" was refused as "not a link"; only the bare
        # "Belum ada" was taken.
        ("Belum ada, nanti saya susulkan setelah bertanya kepada cucu saya", "id"),
        ("belum ada kak, nanti menyusul", "id"),
        ("belum ada, boleh nyusul kan?", "id"),  # said already: not told to type it
        ("Not yet, will send later", "en"),
    ],
)
async def test_a_none_answer_with_more_after_it_is_that_answer(
    bot: Harness, typed: str, language: str
) -> None:
    user = await at_question(bot, "portfolio_url", language)
    await bot.send(user, typed)
    assert (await _stored(bot, user.id))["portfolio_url"] == NONE_YET
    assert await where(bot, user) == "other_links"


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        # A talents' review: stored as "not yet", though the work is on YouTube.
        ("tidak punya Spotify tapi ada di YouTube channel Ratna Solo", "id"),
        ("belum punya link, tapi bisa dicari di youtube: Ratna Solo", "id"),
        ("ada di YouTube channel Ratna Solo", "id"),  # was "not a web link, for example…"
        ("Not on Spotify yet, but I have a YouTube channel", "en"),
    ],
)
async def test_work_said_to_be_somewhere_without_its_link_is_asked_for_the_link(
    bot: Harness, typed: str, language: str
) -> None:
    user = await at_question(bot, "portfolio_url", language)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_LINK_FOR_IT, language))
    assert "portfolio_url" not in await _stored(bot, user.id)
    assert await where(bot, user) == "portfolio_url"
    # The way on is said: the link, or "belum ada" when there is nothing to open.
    await bot.send(user, "youtube.com/@ratnasolo")
    assert (await _stored(bot, user.id))["portfolio_url"] == "https://youtube.com/@ratnasolo"


@pytest.mark.parametrize(
    "typed",
    [
        "belum ada di spotify",
        "Belum ada tapi nanti menyusul",
        "belum ada, tapi di youtube juga belum",
    ],
)
async def test_nothing_online_said_around_a_platform_is_not_yet(bot: Harness, typed: str) -> None:
    user = await at_question(bot, "portfolio_url")
    await bot.send(user, typed)
    assert (await _stored(bot, user.id))["portfolio_url"] == NONE_YET


async def test_a_none_answer_beside_a_link_keeps_the_link(bot: Harness) -> None:
    user = await at_question(bot, "portfolio_url")
    await bot.send(user, "belum ada di spotify, ini yutub: youtube.com/@ratnasolo")
    assert (await _stored(bot, user.id))["portfolio_url"] == "https://youtube.com/@ratnasolo"


@pytest.mark.parametrize(
    ("key", "typed", "said"),
    [
        # Two talents' reviews: "bntr ya ntar lanjut" got "write a number" (at a name it would
        # have been the name); a guardian's "nanti saya lanjutkan" got "pick a button".
        ("full_name", "bntr ya ntar lanjut", Text.INTAKE_LATER),
        ("experience_years", "bntr ya ntar lanjut", Text.INTAKE_LATER),
        # "…Nanti Saya Lanjutkan Lagi.", "I'll finish this tomorrow": the pause itself now
        # (tests/test_intake_said_mid_form.py).
        ("genres", "Saya Tanya Dulu Ke Mamanya… Bentar Ya Nanti Lanjut.", Text.INTAKE_LATER),
        ("city", "bentar ya kak, nanti aku lanjut", Text.INTAKE_LATER),
        # A second talents' review: Javanese, and stopping for now (at a free text only when
        # that is all it says: "nanti kami ingin lanjut kolaborasi" is an answer, below).
        ("notable_works", "waduh kesel, sesuk tek terusna ya", Text.INTAKE_LATER),
        ("genres", "lho kok lanjut? nyong arep leren disit", Text.INTAKE_LATER),
        # An attacker's review: a guardian's wish to register was stored as the child's name.
        ("full_name", "saya mau daftarkan keponakan saya", Text.INTAKE_REGISTERING_NOW),
        ("stage_name", "mau daftar", Text.INTAKE_REGISTERING_NOW),
        # A talents' review: "sip makasih 🙏" to a staff reply was stored as the talent's
        # notable works. It is not taken; the question stays, with how to skip it.
        ("notable_works", "sip makasih 🙏", Text.INTAKE_CHATTER),
        ("other_links", "oke kak", Text.INTAKE_CHATTER),
        ("message", "makasih ya", Text.INTAKE_CHATTER),
    ],
)
async def test_chat_at_a_question_is_no_answer(
    bot: Harness, key: str, typed: str, said: Text
) -> None:
    user = await at_question(bot, key)
    before = await _stored(bot, user.id)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(said))
    assert CONTENT.questions[key].prompt.id.split("\n")[0][:25] in reply.text
    assert await where(bot, user) == key
    assert await _stored(bot, user.id) == before


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("message", "Nanti kami ingin lanjut kolaborasi dengan musisi Korea"),
        ("notable_works", "Album 'Makasih Ibu' (2023)"),  # works with thanks in them
    ],
)
async def test_later_or_thanks_within_a_long_answer_is_the_answer(
    bot: Harness, key: str, typed: str
) -> None:
    user = await at_question(bot, key)
    await bot.send(user, typed)
    assert await where(bot, user) != key
    assert (await _stored(bot, user.id))[key] == typed


@pytest.mark.parametrize(
    ("key", "asked", "entry"),
    [
        ("full_name", "kak ada open call gak?", "faq:open_call_now"),
        ("full_name", "kak ini gratis kan?\u200b", "faq:who_can_apply"),
        ("other_links", "harus link youtube ya?", "faq:showreel_links"),
        (
            "portfolio_url",
            "kalo lagunya cuma ada di soundcloud boleh gak kak?",
            "faq:showreel_links",
        ),
        ("sector", "Mohon maaf, apa yang dimaksud dengan BIFF APM?", "program:biff_apm"),
        ("experience_years", "harus minimal 3 tahun ya?", "faq:who_can_apply"),
    ],
)
async def test_a_question_typed_instead_of_an_answer_is_answered_and_asked_again(
    bot: Harness, key: str, asked: str, entry: str
) -> None:
    # A talents' review: the question was only told to pause the form first.
    user = await at_question(bot, key)
    before = await _stored(bot, user.id)
    answer, form = await bot.send(user, asked)
    kind, name = entry.split(":")
    if kind == "faq":
        assert answer.text.split("\n")[0] == CONTENT.faq[name].question.id
    else:  # a program: its line, not its whole page (a talents' review, s58)
        assert answer.text.startswith(opening(Text.ASK_IN_FORM_PROGRAM))
        assert f"• {CONTENT.programs[name].choice_label.id}: " in answer.text
    assert form.text.startswith(shown(Text.INTAKE_BACK_TO_FORM))
    assert CONTENT.questions[key].prompt.id.split("\n")[0][:25] in form.text
    assert await where(bot, user) == key
    assert await _stored(bot, user.id) == before


async def test_a_question_typed_in_the_form_the_bot_is_not_sure_of_gets_the_closest_entries(
    bot: Harness,
) -> None:
    # A talents' review: four questions typed mid-form were only told to pause and type them
    # again. The closest entries come first, to open without leaving the form; the form still
    # says how to send an answer with a "?" (once more); staff see the question.
    user = await at_question(bot, "portfolio_url")
    asked = (
        "Nyuwun sewu, menawi video kula nyinden wonten YouTube nanging dipun unggah kalih"
        " dalang, saged dipun kirim?"
    )
    close, form = await bot.send(user, asked)
    assert close.text == shown(Text.ASK_IN_FORM_SUGGESTED)
    showreels = CONTENT.faq["showreel_links"].question.id
    assert showreels in close.button_texts
    assert CONTENT.text(Text.BTN_ASK, "id") not in close.button_texts  # not to staff from here
    assert form.text.startswith(shown(Text.INTAKE_ASKED_BACK_TO_FORM))
    [page] = await bot.press(user, showreels, message=close)
    assert page.text.split("\n")[0] == showreels
    assert await where(bot, user) == "portfolio_url"  # the form waits for the link
    await bot.send(user, "https://youtube.com/watch?v=sinden1")
    assert await where(bot, user) != "portfolio_url"
    with sqlite3.connect(bot.database) as db:
        row = db.execute(
            "SELECT text, outcome, opened FROM free_questions WHERE user_id = ?", (user.id,)
        ).fetchone()
    assert row == (asked, "suggested", "faq:showreel_links")


THIS_YEAR = datetime.now(ZoneInfo("Asia/Jakarta")).year


@pytest.mark.parametrize(
    ("key", "typed", "kept"),
    [
        ("sector", "musik kak", "music"),  # a choice typed with chat words around it
        ("music_role", "band aku kak", "band_group"),
        ("age_range", "umur aku 22", "age_18_24"),  # a number in the choice's range
        ("experience_years", "udh 4 thn an", 4),  # the one number said
        ("experience_years", "around 6 years", 6),
        ("portfolio_url", "yutub aku: youtube.com/@kopisenja", "https://youtube.com/@kopisenja"),
        ("portfolio_url", "ini ya (https://vimeo.com/123456)!", "https://vimeo.com/123456"),
        ("portfolio_url", "youtu.be/x lagu Sandi Sandoro", "https://youtu.be/x"),  # a name
        # A handle with its platform named: the profile's link (a talent's review).
        (
            "portfolio_url",
            "tiktok aku aja ya @naddie.sings",
            "https://www.tiktok.com/@naddie.sings",
        ),
        ("city", "Bandung, kak!", "Bandung"),  # a chat particle is not part of the city
        ("stage_name", "Ya Ya", "Ya Ya"),  # ... unless it is all there is
        # A name said as a sentence: the name (a guardian's "Nama Keponakan Saya …" was
        # stored whole in a talents' review); the sentence's start alone ("nama saya") is
        # no name at all, and asked again (test_an_introduction_without_the_name_is_no_name).
        ("full_name", "Nama Keponakan Saya Marthen Ndun", "Marthen Ndun"),
        ("full_name", "nama saya Rina Pratiwi ya kak", "Rina Pratiwi"),
        ("full_name", "my name is Jess Tan", "Jess Tan"),
        ("full_name", "Namira Putri", "Namira Putri"),
        ("stage_name", "nama panggung: Sari Monsoon", "Sari Monsoon"),
        ("stage_name", "Nama Band Kami", "Nama Band Kami"),
        # ... only with a pronoun, a relative, "adalah" or a colon (an attacker's review):
        ("full_name", "Nama Besar Putra", "Nama Besar Putra"),
        ("stage_name", "Nama Samaran", "Nama Samaran"),
        ("full_name", "Nama Putri saya Ayu Lestari", "Ayu Lestari"),
        ("full_name", "Nama keponakan: Marthen Ndun", "Marthen Ndun"),
        ("experience_years", "wis 30 taun", 30),  # Javanese, as a talents' review typed it
        # "About that many years" (a talents' review: "2 tahunan" was "write a number only").
        ("experience_years", "2 tahunan", 2),
        ("experience_years", "5 taunan", 5),
        ("experience_years", "10 thn an", 10),
        ("experience_years", "6 taonan lah", 6),  # Betawi, as a talents' review (s52) typed it
        ("experience_years", "udah 4 taon", 4),
        ("experience_years", "dari taon 2015", THIS_YEAR - 2015),
        # Written in words, as a formal talent writes them (a talents' review: refused).
        ("experience_years", "Sekitar dua puluh tahun", 20),
        ("experience_years", "dua puluh lima", 25),
        ("experience_years", "tujuh belas tahun", 17),
        ("experience_years", "sebelas", 11),
        ("experience_years", "enam", 6),
        ("experience_years", "about twenty-five years", 25),
        # The year they started (a talents' review: "sejak 2019" was "write a number only").
        ("experience_years", "sejak 2019", THIS_YEAR - 2019),
        ("experience_years", "since 2015, on and off", THIS_YEAR - 2015),
        ("experience_years", "dari tahun 2010 kak", THIS_YEAR - 2010),
        # A new staff member's review: a handle at "other links" became a link by hand only.
        (
            "other_links",
            "ig aku @rina.pratiwi_music\nhttps://open.spotify.com/artist/1\nsoundcloud aku rina",
            "https://www.instagram.com/rina.pratiwi_music\nhttps://open.spotify.com/artist/1"
            "\nsoundcloud aku rina",
        ),
        # Indonesia's code typed without "+": not a national number that begins 62.
        ("phone", "62 21 7654 321", "+62217654321"),
        ("phone", "62812 3456 7801", "+6281234567801"),
        ("phone", "0812-3456-7801", "+6281234567801"),
        # A talents' review: an address or a number in a sentence was "not right".
        ("email", "Email saya ratna.keroncong@yahoo.co.id", "ratna.keroncong@yahoo.co.id"),
        ("email", "email ku ucok88@gmail.com bang", "ucok88@gmail.com"),
        ("email", "email ku ucokgitar@gmail.com, hp 0812-6012-3456 bang", "ucokgitar@gmail.com"),
        ("phone", "Nomor WA saya 0813 2999 1234", "+6281329991234"),
        ("phone", "wa 0812 3456 7801 / 0812-3456-7801", "+6281234567801"),  # the same one
    ],
)
async def test_a_typed_answer_with_words_around_it_is_taken(
    bot: Harness, key: str, typed: str, kept: str
) -> None:
    user = await at_question(bot, key)
    await bot.send(user, typed)
    assert await where(bot, user) != key  # on to the next question
    assert (await _stored(bot, user.id))[key] == kept


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        # The note to the team welcomes questions: staff read it and answer.
        ("message", "Apakah ada biaya untuk ikut programnya?"),
        # Works described at length may end in a song's title with "?".
        (
            "notable_works",
            "Single kami diputar di radio se-Jawa Barat, dan yang paling kami"
            " banggakan: konser tunggal 2025 dengan lagu 'Kenapa Harus Pergi?'",
        ),
        ("notable_works", "Film pendek 'Siapa?' (2024)\nFestival Film Pelajar, nominasi?"),
        ("notable_works", 'Lagu "Kenapa?"'),  # a title in quotes
        ("other_links", "https://www.instagram.com/sari/?"),  # a share link
    ],
)
async def test_an_answer_ending_in_a_question_mark_is_kept_where_it_can_be_one(
    bot: Harness, key: str, typed: str
) -> None:
    user = await at_question(bot, key)
    await bot.send(user, typed)
    assert await where(bot, user) != key
    assert (await _stored(bot, user.id))[key] == typed


@pytest.mark.parametrize(
    ("talent", "key", "own", "other"),
    [
        (MUSICIAN, "portfolio_url", "Spotify", "showreel"),
        (FILMMAKER, "portfolio_url", "showreel", "Spotify"),
        (MUSICIAN, "other_links", "SoundCloud", "IMDb"),
        (FILMMAKER, "other_links", "IMDb", "SoundCloud"),
        (MUSICIAN, "notable_works", "album", "festival"),
        (FILMMAKER, "notable_works", "festival", "lagu"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
async def test_examples_come_from_the_talents_own_field(
    bot: Harness, talent: dict[str, Any], key: str, own: str, other: str
) -> None:
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    for question_key, value in talent.items():  # in questionnaire order
        if await where(bot, user) == key:
            break
        if await where(bot, user) == question_key:
            await answer(bot, user, question_key, value)
    assert await where(bot, user) == key
    shown_now = user.last_message.text
    assert own in shown_now and other not in shown_now


async def test_media_sticker_and_voice_to_a_text_question_are_refused(bot: Harness) -> None:
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    await answer(bot, user, "sector", "film")
    await answer(bot, user, "age_range", "age_18_24")
    for action in (user.send_photo, user.send_sticker, user.send_voice):
        [reply] = await bot.act(user, action)
        assert reply.text.startswith(shown(Text.INTAKE_MEDIA))
        assert await where(bot, user) == "full_name"
    assert await _stored(bot, user.id) == {"sector": "film", "age_range": "age_18_24"}


async def _at_province(bot: Harness, user: EmulatedUser) -> None:
    """A musician's form, answered up to the province question."""
    await bot.send(user, "/daftar")
    await consent(bot, user)
    for key in ("sector", "age_range", "full_name", "stage_name", "music_role", "genres"):
        await answer(bot, user, key, MUSICIAN[key])


async def test_province_can_be_searched_or_paged(bot: Harness) -> None:
    user = bot.user()
    await _at_province(bot, user)
    assert await where(bot, user) == "province"
    screen = user.last_message
    next_page = _button(Text.BTN_NEXT_PAGE)
    assert len(screen.buttons) <= 7 and next_page in screen.button_texts
    await bot.press(user, next_page)
    assert "Jawa Barat" in user.last_message.button_texts
    [reply] = await bot.send(user, "sulawesi")
    assert shown(Text.INTAKE_PROVINCE_MATCHES) in reply.text
    assert set(reply.button_texts) >= {"Sulawesi Utara", "Sulawesi Tengah", "Sulawesi Selatan"}
    await bot.press(user, "Sulawesi Tengah")
    assert (await _stored(bot, user.id))["province"] == "sulawesi_tengah"
    assert await where(bot, user) == "city"


async def test_a_city_typed_with_its_province_is_kept_and_not_asked_again(bot: Harness) -> None:
    """ "Kupang, NTT" at the province question answers both (a talents' review); a city of
    another province is not taken as the city."""
    user = bot.user()
    await _at_province(bot, user)
    assert await where(bot, user) == "province"
    await bot.send(user, "kupang, NTT")
    stored = await _stored(bot, user.id)
    assert stored["province"] == "nusa_tenggara_timur" and stored["city"] == "Kupang"
    assert await where(bot, user) not in ("province", "city")
    other = bot.user()
    await _at_province(bot, other)
    await bot.send(other, "Bandung, Jawa Tengah")  # Bandung is not in Jawa Tengah: asked
    assert (await _stored(bot, other.id))["province"] == "jawa_tengah"
    assert await where(bot, other) == "city"


async def test_multi_choice_toggles_and_enforces_limits(bot: Harness) -> None:
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    for key in ("sector", "age_range", "full_name", "stage_name", "music_role"):
        await answer(bot, user, key, MUSICIAN[key])
    assert await where(bot, user) == "genres"
    done = _button(Text.BTN_DONE)
    await bot.press(user, done)
    assert shown(Text.INTAKE_TOO_FEW_CHOICES, min=1) in user.last_message.text
    # "Lainnya" for a genre the list does not name.
    for genre in ("pop", "rock", "other"):
        await bot.press(user, label("genres", genre))
    assert {"✅ Pop", "✅ Lainnya"} <= set(user.last_message.button_texts)
    # A fourth choice is refused the moment it is pressed, not later at "Done".
    [refused] = await bot.press(user, label("genres", "dangdut"))
    assert refused.text.startswith(shown(Text.INTAKE_TOO_MANY_CHOICES, max=3))
    assert "✅ " + label("genres", "dangdut") not in refused.button_texts
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None and draft.pending == ["pop", "rock", "other"]
    await bot.press(user, "✅ Rock")  # untoggle, then the fourth fits
    await bot.press(user, label("genres", "dangdut"))
    await bot.press(user, done)
    assert (await _stored(bot, user.id))["genres"] == ["pop", "other", "dangdut"]


async def test_back_keeps_the_answer_for_editing_and_skip_only_when_optional(bot: Harness) -> None:
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    skip, back = _button(Text.BTN_SKIP), _button(Text.BTN_BACK)
    await answer(bot, user, "sector", "music")
    await answer(bot, user, "age_range", "age_18_24")
    assert skip not in user.last_message.button_texts  # full_name is required
    await answer(bot, user, "full_name", "Sari")
    assert skip in user.last_message.button_texts  # stage_name is optional
    await bot.press(user, back)
    screen = user.last_message.text
    assert CONTENT.questions["full_name"].prompt.id in screen
    assert shown(Text.INTAKE_CURRENT_ANSWER, answer="Sari") in screen
    assert _button(Text.BTN_KEEP) in user.last_message.button_texts
    await bot.send(user, "Sari Dewi")
    assert await where(bot, user) == "stage_name"
    await bot.press(user, skip)
    assert (await _stored(bot, user.id)) == {
        "sector": "music",
        "age_range": "age_18_24",
        "full_name": "Sari Dewi",
        "stage_name": None,
    }
    await bot.press(user, back)
    # Skipped: nothing to keep (a talents' review, s52: "Jawabanmu sekarang: —" offered "↪️
    # Pakai jawaban ini"); Skip goes on as it did.
    assert await where(bot, user) == "stage_name"
    assert _button(Text.BTN_KEEP) not in user.last_message.button_texts
    await bot.press(user, skip)
    assert await where(bot, user) == "music_role"


async def _at_summary(bot: Harness) -> EmulatedUser:
    """A musician who has answered every question and sees the summary."""
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    await fill(bot, user, MUSICIAN)
    return user


async def _edit(bot: Harness, user: EmulatedUser, key: str) -> None:
    """From the summary, open one answer to change it."""
    await bot.press(user, _button(Text.BTN_EDIT))
    await bot.press(user, CONTENT.questions[key].label.id)


async def test_text_typed_at_the_review_points_to_the_summary_above(bot: Harness) -> None:
    """A talents' review: anything typed at the review showed the whole summary again, twenty
    lines on a phone. It gets a short pointer with the same buttons, which still work."""
    user = await _at_summary(bot)
    review = user.last_message
    [again] = await bot.send(user, "oke sudah")
    # "Here", not "for this question": the review asks none (a talents' review, s54).
    assert again.text == "\n\n".join(
        [shown(Text.INTAKE_USE_BUTTONS_HERE), shown(Text.INTAKE_REVIEW_ABOVE)]
    )
    assert MUSICIAN["full_name"] not in again.text
    assert again.button_texts == review.button_texts
    await bot.press(user, _button(Text.BTN_SUBMIT), message=again)
    assert await where(bot, user) is None  # submitted


async def test_edit_from_summary_returns_to_summary(bot: Harness) -> None:
    user = await _at_summary(bot)
    await _edit(bot, user, "city")
    assert await where(bot, user) == "city"
    assert _button(Text.BTN_TO_REVIEW) in user.last_message.button_texts
    [review] = await bot.send(user, "Cimahi")
    assert review.text.startswith(opening(Text.INTAKE_REVIEW, summary=""))
    assert "Cimahi" in review.text
    assert await where(bot, user) == "review"


async def test_a_province_changed_away_from_the_city_asks_the_city_again(bot: Harness) -> None:
    """Bandung is in Jawa Barat: changing the province to Jawa Timur from the summary asks the
    city again, saying why, instead of keeping a city of another province (a second talents'
    review: Bekasi stayed under DKI Jakarta). A city the bot does not place is kept."""
    user = await _at_summary(bot)
    await _edit(bot, user, "province")
    [asked] = await bot.send(user, "jatim")
    assert await where(bot, user) == "city"
    assert asked.text.startswith(shown(Text.INTAKE_CITY_AGAIN))
    assert "city" not in await _stored(bot, user.id)
    [review] = await bot.send(user, "Surabaya")
    assert await where(bot, user) == "review" and "Surabaya" in review.text
    # Back to Jawa Barat with a city the bot does not know: kept as it is.
    await _edit(bot, user, "city")
    await bot.send(user, "Desa Sukamaju")
    await _edit(bot, user, "province")
    await bot.send(user, "jabar")
    assert await where(bot, user) == "review"
    assert (await _stored(bot, user.id))["city"] == "Desa Sukamaju"


async def test_changing_the_sector_from_the_summary_asks_the_new_questions(bot: Harness) -> None:
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    await fill(bot, user, MUSICIAN)
    await bot.press(user, _button(Text.BTN_EDIT))
    await bot.press(user, CONTENT.questions["sector"].label.id)
    await bot.press(user, label("sector", "film"))
    assert await where(bot, user) == "company_name"
    await fill(bot, user, FILMMAKER)
    assert await where(bot, user) == "review"
    await bot.press(user, _button(Text.BTN_SUBMIT))
    row = await bot.store.db.fetch_one("SELECT id FROM applications WHERE status = 'submitted'")
    assert row is not None
    stored = await bot.store.applications.answers(row["id"])
    assert "genres" not in stored and "music_role" not in stored  # musician-only answers dropped
    assert stored["film_role"] == "director"


async def test_lainnya_asks_which_one_and_staff_see_the_answer(bot: Harness) -> None:
    """ "Lainnya" alone told staff nothing (a talents' review): a role, genre or language picked
    as "Other" is followed by "which one?", optional, kept beside the choice; a choice changed
    away from "Other" drops it."""
    talent = {
        **MUSICIAN,
        "music_role": "other_music_role",
        "music_role_other": "pelatih vokal",
        "genres": ["pop", "other"],
        "genres_other": None,  # skipped: it is optional
        "languages": ["indonesian", "other"],
        "languages_other": "Jawa, Jepang",
    }
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    for key in ("sector", "age_range", "full_name", "stage_name", "music_role"):
        await answer(bot, user, key, talent[key])
    assert await where(bot, user) == "music_role_other"
    assert CONTENT.questions["music_role_other"].prompt.id in user.last_message.text
    assert _button(Text.BTN_SKIP) in user.last_message.button_texts
    await fill(bot, user, talent)
    review = user.last_message.text
    assert "pelatih vokal" in review and "Jawa, Jepang" in review
    assert CONTENT.questions["music_role_other"].label.id in review
    stored = await _stored(bot, user.id)
    assert stored["music_role_other"] == "pelatih vokal"
    assert stored["genres_other"] is None and stored["languages_other"] == "Jawa, Jepang"
    # The role changed to one the list names: "which one?" no longer applies and goes.
    await _edit(bot, user, "music_role")
    await bot.press(user, label("music_role", "producer"))
    assert await where(bot, user) == "review"
    stored = await _stored(bot, user.id)
    assert stored["music_role"] == "producer" and "music_role_other" not in stored
    assert "pelatih vokal" not in user.last_message.text
    # A role typed at the role question, where no button fits and nothing names "Lainnya"
    # either: the bot says to pick "Lainnya" and type it there, rather than only "use the
    # buttons" ("pelatih vokal", which "Lainnya"'s words name, is taken as it: see
    # tests/test_intake_typed.py).
    await _edit(bot, user, "music_role")
    [hint] = await bot.send(user, "koreografer")
    assert hint.text.startswith(shown(Text.INTAKE_USE_BUTTONS_OR_OTHER, other="Lainnya"))
    assert await where(bot, user) == "music_role"
    await bot.press(user, label("music_role", "other_music_role"))
    await bot.send(user, "pelatih vokal")
    assert (await _stored(bot, user.id))["music_role_other"] == "pelatih vokal"
    # A musician who picks nothing as "Other" is never asked.
    other = bot.user()
    await bot.send(other, "/daftar")
    await consent(bot, other)
    await fill(bot, other, MUSICIAN)
    assert await where(bot, other) == "review"


@pytest.mark.parametrize("talent", [MUSICIAN, FILMMAKER], ids=["musician", "filmmaker"])
async def test_the_question_count_stays_the_same_when_lainnya_adds_a_question(
    bot: Harness, talent: dict[str, Any]
) -> None:
    """A talents' review: "Pertanyaan 5 dari 17", then "6 dari 18" after "Lainnya", read as
    an error. A "which one?" after "Lainnya" is part of its question: its number, marked."""
    others = {
        "music_role": "other_music_role",
        "music_role_other": "pelatih vokal",
        "genres": ["pop", "other"],
        "genres_other": "gambus",
        "film_role": "other_film_role",
        "film_role_other": "pengarah casting",
        "film_formats": ["short", "other"],
        "film_formats_other": "video musik",
        "languages": ["indonesian", "other"],
        "languages_other": "Jawa",
    }
    walked = {**talent, **others}  # only what is asked is answered
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    total = len(form_order.expected_questions(CONTENT, {}))
    seen: list[tuple[str, int]] = []
    while (key := await where(bot, user)) in CONTENT.questions:
        parent = form_order.follow_up_of(CONTENT, CONTENT.questions[key])
        number = len(seen) + 1 if parent is None else dict(seen)[parent.key]
        header = Text.INTAKE_QUESTION if parent is None else Text.INTAKE_QUESTION_FOLLOW_UP
        assert user.last_message.text.startswith(opening(header, number=number, total=total))
        if parent is None:
            seen.append((key, number))
        await answer(bot, user, key, walked[key])
    assert len(seen) == total  # every question counted was asked, and no other
    assert {"music_role_other", "film_role_other"} & set(await _stored(bot, user.id))


async def test_daftar_mid_form_goes_on_and_welcomes_back_only_after_a_while(bot: Harness) -> None:
    """Typing /daftar while still in the form is not a return: "welcome back" comes only to
    someone who paused or has been away half an hour."""
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    await answer(bot, user, "sector", MUSICIAN["sector"])
    [again] = await bot.send(user, "/daftar")
    assert again.text.startswith(shown(Text.INTAKE_BACK_TO_FORM))
    assert shown(Text.INTAKE_RESUMED) not in again.text
    assert await where(bot, user) == "age_range"
    async with bot.store.db.transaction() as tx:  # away for 31 minutes, form left open
        await tx.execute(
            "UPDATE applications SET updated_at = ? WHERE user_id = ?", (ago(31 * 60), user.id)
        )
    [back] = await bot.send(user, "/daftar")
    assert back.text.startswith(shown(Text.INTAKE_RESUMED))
    assert await where(bot, user) == "age_range"


@pytest.mark.parametrize(
    ("key", "previous", "language"),
    [
        # A talents' review, on a weak connection: each copy filled the next question.
        ("stage_name", "full_name", "id"),
        ("other_links", "portfolio_url", "id"),
        ("message", "phone", "id"),  # "0812-…" again, though "+62812…" was stored
        ("message", "phone", "en"),
    ],
)
async def test_a_message_sent_twice_does_not_fill_the_next_question(
    bot: Harness, key: str, previous: str, language: str
) -> None:
    user = await at_question(bot, key, language)
    before = await _stored(bot, user.id)
    [reply] = await bot.send(user, str(MUSICIAN[previous]))
    assert reply.text.startswith(shown(Text.INTAKE_SENT_TWICE, language))
    assert CONTENT.questions[key].prompt.get(language).split("\n")[0][:25] in reply.text
    assert await where(bot, user) == key
    assert await _stored(bot, user.id) == before


async def test_a_different_text_or_a_later_one_is_the_answer(bot: Harness) -> None:
    user = await at_question(bot, "stage_name")
    await bot.send(user, "Sari & The Monsoons")  # never dropped: another text
    assert (await _stored(bot, user.id))["stage_name"] == "Sari & The Monsoons"
    other = await at_question(bot, "stage_name")
    async with bot.store.db.transaction() as tx:  # the name answered three minutes ago
        await tx.execute(
            "UPDATE applications SET updated_at = ? WHERE user_id = ?", (ago(3 * 60), other.id)
        )
    await bot.send(other, MUSICIAN["full_name"])  # typed on purpose: the same as the name
    assert (await _stored(bot, other.id))["stage_name"] == MUSICIAN["full_name"]


async def test_a_stage_name_that_is_the_full_name_typed_after_the_question_is_the_answer(
    bot: Harness,
) -> None:
    """A talents' review: a stage name that really is the full name, typed within two
    minutes of the name, got the "sent twice" note. A copy is sent before the question can
    reach the talent; this one was typed 20 seconds after it was sent."""
    user = await at_question(bot, "stage_name")
    async with bot.store.db.transaction() as tx:  # the stage name asked 20 seconds ago
        await tx.execute(
            "UPDATE applications SET updated_at = ? WHERE user_id = ?", (ago(20), user.id)
        )
    [reply] = await bot.send(user, MUSICIAN["full_name"])
    assert shown(Text.INTAKE_SENT_TWICE) not in reply.text
    assert (await _stored(bot, user.id))["stage_name"] == MUSICIAN["full_name"]
    assert await where(bot, user) == "music_role"


async def test_a_text_sent_again_after_the_sent_twice_note_is_the_answer(bot: Harness) -> None:
    """The note invites the talent to send it once more if it is this question's answer too:
    sent again, however soon, it is taken."""
    user = await at_question(bot, "stage_name")
    [note] = await bot.send(user, MUSICIAN["full_name"])  # at once: read as a copy
    assert note.text.startswith(shown(Text.INTAKE_SENT_TWICE))
    assert "stage_name" not in await _stored(bot, user.id)
    await bot.send(user, MUSICIAN["full_name"])
    assert (await _stored(bot, user.id))["stage_name"] == MUSICIAN["full_name"]
    assert await where(bot, user) == "music_role"


async def test_stopping_before_any_answer_keeps_nothing_and_says_so(bot: Harness) -> None:
    """A talents' review: /cancel at the consent said "paused, not canceled: your answers are
    saved", though nothing was (and /mydata then showed no registration). Before any answer
    the draft goes, and the bot says nothing is kept; /dataku agrees."""
    maya = bot.user(first_name="Maya")
    await bot.send(maya, "/daftar")
    assert await where(bot, maya) == "consent_processing"
    [stopped] = await bot.send(maya, "/batal")
    assert stopped.text == shown(Text.INTAKE_STOPPED_EMPTY)
    assert await bot.store.applications.draft_for(maya.id) is None
    # Agreed, but nothing answered yet: ⏸ at the first question the same.
    await bot.send(maya, "/daftar")
    await consent(bot, maya)
    [stopped] = await bot.press(maya, _button(Text.BTN_PAUSE))
    assert stopped.text == shown(Text.INTAKE_STOPPED_EMPTY)
    assert stopped.button_texts == []  # no draft to throw away
    mark = maya.mark()
    await bot.send(maya, "/dataku")
    copy = next(m.document for m in maya.messages_since(mark) if m.document is not None)
    assert _button(Text.MYDATA_SECTION_REGISTRATIONS) not in data_copy(copy[1])  # none held
    # One answer given: paused, kept, as before.
    await bot.send(maya, "/daftar")
    await answer(bot, maya, "sector", MUSICIAN["sector"])
    [paused] = await bot.send(maya, "/batal")
    assert paused.text == shown(Text.INTAKE_CANCELLED)
    assert set(await _stored(bot, maya.id)) == {"sector"}


async def test_cancel_keeps_the_draft_and_daftar_resumes_exactly_there(bot: Harness) -> None:
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    for key in ("sector", "age_range", "full_name", "stage_name"):
        await answer(bot, user, key, MUSICIAN[key])
    await bot.press(user, _button(Text.BTN_PAUSE))
    assert user.last_message.text == shown(Text.INTAKE_CANCELLED)
    [reply] = await bot.send(user, "Apa kabar?")  # not taken as an answer: a greeting
    assert reply.text == shown(Text.ASK_GREETING, first_name=user.first_name)
    [resumed] = await bot.send(user, "/daftar")
    assert resumed.text.startswith(shown(Text.INTAKE_RESUMED))
    assert await where(bot, user) == "music_role"
    assert set(await _stored(bot, user.id)) == {"sector", "age_range", "full_name", "stage_name"}
    [paused] = await bot.send(user, "/batal")
    assert paused.text == shown(Text.INTAKE_CANCELLED)
    [nothing] = await bot.send(user, "/batal")
    assert nothing.text == shown(Text.INTAKE_NOTHING_TO_CANCEL)


async def test_restart_mid_application_resumes_at_the_right_question(bot: Harness) -> None:
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    for key in ("sector", "age_range", "full_name", "stage_name", "music_role"):
        await answer(bot, user, key, MUSICIAN[key])
    await bot.restart()
    # The next message is the answer to the question the talent was shown before the restart.
    await bot.press(user, label("genres", "pop"))
    await bot.press(user, _button(Text.BTN_DONE))
    assert await where(bot, user) == "province"
    stored = await _stored(bot, user.id)
    assert stored["genres"] == ["pop"] and stored["music_role"] == "band_group"
    await bot.send(user, "Bali")
    assert (await _stored(bot, user.id))["province"] == "bali"


async def test_a_replayed_submit_after_a_crash_stores_nothing_twice(
    bot: Harness, staff_chat: Any
) -> None:
    """The bot handled the submit but died before marking it done: it is replayed at start."""
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    await fill(bot, user, MUSICIAN)
    submit = user.press(_button(Text.BTN_SUBMIT))
    await bot.settle(submit)
    await bot.stop()
    with sqlite3.connect(bot.database) as db:  # as if the process died before marking it done
        db.execute(
            "UPDATE update_inbox SET status = 'pending', payload = ? WHERE update_id = ?",
            (json.dumps(submit), submit["update_id"]),
        )
    mark = user.mark()
    await bot.start()
    await bot.runner.wait_idle()
    rows = await bot.store.db.fetch_all("SELECT reference FROM applications")
    assert [row["reference"] for row in rows] == ["KOC-000001"]
    assert await bot.store.inbox.status(submit["update_id"]) == "done"
    # The talent sees the thank-you (again: the first may never have arrived); staff once.
    assert any("KOC-000001" in message.text for message in user.messages_since(mark))
    heading = opening(Text.STAFF_NEW_LEAD, reference="KOC-000001")
    alerts = [m for m in staff_chat.messages if m.text.startswith(heading)]
    assert len(alerts) == 1


async def test_stale_button_from_an_older_question_changes_nothing(bot: Harness) -> None:
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    sector_question = user.last_message
    film_label = label("sector", "film")
    film = next(
        b.callback_data for row in sector_question.buttons for b in row if b.text == film_label
    )
    assert film is not None
    await answer(bot, user, "sector", "music")
    await answer(bot, user, "age_range", "age_18_24")
    await answer(bot, user, "full_name", "Sari")
    [screen] = await bot.act(user, user.press_raw, sector_question.message_id, film)
    assert screen.text.startswith(shown(Text.INTAKE_STALE))
    assert CONTENT.questions["stage_name"].prompt.id in screen.text  # the current question
    assert await where(bot, user) == "stage_name"
    assert (await _stored(bot, user.id))["sector"] == "music"


async def test_declining_consent_stores_only_the_refusal(bot: Harness) -> None:
    user = bot.user()
    await bot.send(user, "/daftar")
    [declined] = await bot.press(user, _button(Text.BTN_DECLINE))
    assert declined.text == shown(Text.INTAKE_DECLINED)
    assert await bot.store.db.fetch_value("SELECT COUNT(*) FROM applications") == 0
    assert await bot.store.db.fetch_value("SELECT COUNT(*) FROM answers") == 0
    consents = await bot.store.applications.consents(user.id)
    assert consents["processing"].granted is False
    assert consents["processing"].notice_version == CONTENT.privacy.version
    assert consents["processing"].language == "id"


async def test_consent_is_recorded_and_not_asked_again_for_the_same_notice(bot: Harness) -> None:
    user = bot.user()
    first = await apply(bot, user, MUSICIAN, korea=False)
    consents = await bot.store.applications.consents(user.id)
    assert consents["processing"].granted and not consents["transfer_korea"].granted
    second = await apply(bot, user, FILMMAKER)
    assert (first, second) == ("KOC-000001", "KOC-000002")
    history = await bot.store.db.fetch_all(
        "SELECT kind FROM consents WHERE user_id = ? AND kind = 'processing'", (user.id,)
    )
    assert len(history) == 1  # the second application did not ask again


async def test_the_consent_asked_again_after_a_typed_message_leaves_out_the_notice(
    bot: Harness,
) -> None:
    # Two talents' reviews: the dozen lines of privacy notice came again after every message
    # typed at the consent screen. Again, only the question and a pointer to the notice.
    user = bot.user()
    [first] = await bot.send(user, "/daftar")
    question = rendered(CONTENT.privacy.consent("processing").question.id)
    assert question in first.text and len(first.text.splitlines()) > 8
    [again] = await bot.send(user, "grup calung kami")
    assert again.text.startswith(shown(Text.INTAKE_USE_BUTTONS))
    assert again.text.endswith(shown(Text.INTAKE_CONSENT_AGAIN, question=question))
    assert CONTENT.text(Text.BTN_AGREE, "id") in again.button_texts
    assert len(again.text.splitlines()) < 6
    await bot.press(user, CONTENT.text(Text.BTN_AGREE, "id"), message=again)
    assert await where(bot, user) != "consent_processing"  # its buttons work as the first one


async def test_an_age_typed_under_18_asks_for_a_guardian_as_the_button_does(
    bot: Harness,
) -> None:
    minor = await at_question(bot, "age_range")
    await bot.send(minor, "16 tahun kak")
    assert await where(bot, minor) == "guardian"
    assert minor.last_message.text == rendered(CONTENT.privacy.guardian_notice.id)


@pytest.mark.parametrize(
    ("typed", "language", "said"),
    [
        # A talents' review: "ini wajib ga?" got the FAQ's production-house entry, and "kenapa
        # harus izin orang tua?" the FAQ's page for parents; neither said why or whether.
        ("ini wajib ga?", "id", Text.INTAKE_GUARDIAN_NEEDED),
        ("kenapa harus izin orang tua?", "id", Text.INTAKE_GUARDIAN_WHY),
        ("kalau ortu belum setuju gimana", "id", Text.INTAKE_GUARDIAN_NEEDED),
        ("harus ya kak", "id", Text.INTAKE_GUARDIAN_NEEDED),
        ("Why do I need my parents' permission?", "en", Text.INTAKE_GUARDIAN_WHY),
        ("Is this required?", "en", Text.INTAKE_GUARDIAN_NEEDED),
    ],
)
async def test_the_guardian_screen_answers_questions_about_itself(
    bot: Harness, typed: str, language: str, said: Text
) -> None:
    minor = await at_question(bot, "age_range", language)
    await bot.press(minor, label("age_range", "under_18", language))
    assert await where(bot, minor) == "guardian"
    [reply] = await bot.send(minor, typed)  # one message: the answer above the screen
    assert reply.text.startswith(shown(said, language))
    notice = CONTENT.privacy.guardian_notice.get(language)
    assert reply.text.endswith(rendered(notice))
    assert _button(Text.BTN_GUARDIAN_YES, language) in reply.button_texts
    assert await where(bot, minor) == "guardian"
    assert await _stored(bot, minor.id) == {"sector": "music"}  # the age waits for the consent


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("saya sudah 25 tahun, salah pilih umur", "id"),
        ("saya bukan anak kecil, ga perlu izin", "id"),
        ("I'm an adult, wrong age", "en"),
    ],
)
async def test_an_adult_who_picked_under_18_by_mistake_goes_back_to_the_age(
    bot: Harness, typed: str, language: str
) -> None:
    # An attacker's review: told a parent's consent is required, with no way back to the age.
    user = await at_question(bot, "age_range", language)
    await bot.press(user, label("age_range", "under_18", language))
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_GUARDIAN_ADULT, language))
    assert _button(Text.BTN_BACK, language) in reply.button_texts
    await bot.press(user, _button(Text.BTN_BACK, language), message=reply)
    assert await where(bot, user) == "age_range"
    await bot.press(user, label("age_range", "age_25_34", language))
    assert await where(bot, user) == "full_name"  # no guardian asked
    assert (await _stored(bot, user.id))["age_range"] == "age_25_34"
    assert "guardian" not in await bot.store.applications.consents(user.id)


async def test_under_18_needs_a_guardians_consent(bot: Harness) -> None:
    minor = bot.user()
    await bot.send(minor, "/daftar")
    await consent(bot, minor)
    await fill(bot, minor, {**MUSICIAN, "age_range": "under_18"})
    assert await where(bot, minor) == "guardian"
    # Asked right after the field: nothing about the minor is stored yet but that; the age
    # waits with the draft for the guardian's consent (Back could keep it stored without).
    assert await _stored(bot, minor.id) == {"sector": "music"}
    assert minor.last_message.text == rendered(CONTENT.privacy.guardian_notice.id)
    [name_asked] = await bot.press(minor, _button(Text.BTN_GUARDIAN_YES))
    assert await where(bot, minor) == "full_name"
    # A parent may be the one typing: the name's help says whose name goes here.
    [for_minors] = CONTENT.questions["full_name"].help_variants
    assert rendered(for_minors.text.id) in name_asked.text
    adults = CONTENT.questions["full_name"].help
    assert adults is not None and rendered(adults.id) not in name_asked.text
    consents = await bot.store.applications.consents(minor.id)
    assert consents["guardian"].granted
    assert (await _stored(bot, minor.id))["age_range"] == "under_18"
    await fill(bot, minor, {**MUSICIAN, "age_range": "under_18"})
    assert await where(bot, minor) == "review"

    other = bot.user()
    await bot.send(other, "/daftar")
    await consent(bot, other)
    await fill(bot, other, {**MUSICIAN, "age_range": "under_18"})
    [reply] = await bot.press(other, _button(Text.BTN_GUARDIAN_NO))
    assert reply.text == shown(Text.INTAKE_GUARDIAN_DECLINED)
    assert await bot.store.applications.draft_for(other.id) is None
    assert (
        await bot.store.db.fetch_value(
            "SELECT COUNT(*) FROM answers a JOIN applications p ON p.id = a.application_id"
            " WHERE p.user_id = ?",
            (other.id,),
        )
        == 0
    )  # no name, no contact: the minor was stopped before giving them


async def test_apply_from_a_program_page_asks_the_programs_with_it_ticked(bot: Harness) -> None:
    """The page's field is filled in; its program is ticked at the programs question, which is
    still asked (a talents' review: answered unasked, the form went from "Pertanyaan 12 dari
    17" to "14 dari 17", and MU:CON could not be added)."""
    user = bot.user()
    await bot.send(user, "/program")
    await bot.press(user, CONTENT.sections["music"].title.id)
    await bot.press(user, CONTENT.programs["music_to_korea"].title.id)  # interest: page
    await bot.press(user, _button(Text.BTN_APPLY_PROGRAM))
    await consent(bot, user)
    assert await _stored(bot, user.id) == {"sector": "music"}
    assert await where(bot, user) == "age_range"
    while (key := await where(bot, user)) != "programs_of_interest":
        before = user.last_message.text
        await answer(bot, user, str(key), MUSICIAN[str(key)])
    assert before.startswith(opening(Text.INTAKE_QUESTION, number=12, total=17))
    asked = user.last_message
    assert asked.text.startswith(opening(Text.INTAKE_QUESTION, number=13, total=17))
    page = label("programs_of_interest", "music_to_korea")
    assert f"✅ {page}" in asked.button_texts
    await bot.press(user, label("programs_of_interest", "mucon"))  # another one added
    await bot.press(user, _button(Text.BTN_DONE))
    stored = await _stored(bot, user.id)
    assert stored["programs_of_interest"] == ["music_to_korea", "mucon"]
    assert user.last_message.text.startswith(opening(Text.INTAKE_QUESTION, number=14, total=17))


async def test_everything_answered_is_in_the_conversation_log(bot: Harness) -> None:
    user = bot.user()
    await apply(bot, user, FILMMAKER)
    log = await bot.store.log.for_chat(user.id)
    incoming = [entry.text for entry in log if entry.direction == "in"]
    assert "Budi Santoso" in incoming and "/daftar" in incoming
    # Presses are kept as the labels the talent read ("Film", "Kirim pendaftaran"), so the
    # workspace and /dataku show them, not the bot's button codes.
    pressed = [entry.text for entry in log if entry.kind == "button"]
    assert CONTENT.questions["sector"].choices is not None
    film = next(c for c in CONTENT.questions["sector"].choices if c.value == "film")
    assert film.label.id in pressed
    assert not any(text and text.startswith("i:") for text in pressed)
    outgoing = [entry.text or "" for entry in log if entry.direction == "out"]
    assert any("KOC-000001" in text for text in outgoing)
    assert all(text.strip() for text in outgoing)  # every outgoing entry has its text
    # Every message the talent received is in the log (no reply goes unrecorded).
    sent = [call for call in bot.emulator.calls_to("sendMessage") if call.ok]
    texts = [call.result["text"] for call in sent if call.params.get("chat_id") == user.id]
    assert texts and all(text in outgoing for text in texts)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Spotify: Sari & The Monsoons", "Spotify: Sari & The Monsoons"),
        ("fb Rina Pratiwi Official", "fb Rina Pratiwi Official"),
        ("gak ada", None),  # as the Skip button
        ("Tidak ada.", None),
    ],
)
async def test_other_links_keep_a_profile_named_without_its_address(
    bot: Harness, typed: str, kept: str | None
) -> None:
    user = await at_question(bot, "other_links")
    await bot.send(user, typed)
    assert await where(bot, user) == "notable_works"
    assert (await _stored(bot, user.id))["other_links"] == kept


@pytest.mark.parametrize("typed", ["skip", "Lewati aja", "skip dulu."])
async def test_skip_typed_at_an_optional_question_skips_it(bot: Harness, typed: str) -> None:
    """As the Skip button does (the new talent review: "skip" was stored as a stage name)."""
    user = await at_question(bot, "stage_name")
    await bot.send(user, typed)
    assert await where(bot, user) != "stage_name"
    assert (await _stored(bot, user.id)).get("stage_name") is None


async def test_skip_typed_at_a_required_question_is_an_answer_attempt(bot: Harness) -> None:
    user = await at_question(bot, "full_name")
    await bot.send(user, "skip")
    assert (await _stored(bot, user.id)).get("full_name") == "skip"  # a name, as far as it knows


async def _at_film_question(bot: Harness, key: str) -> EmulatedUser:
    """A new filmmaker who has answered up to `key`."""
    return await at_question(bot, key, answers=FILMMAKER)


@pytest.mark.parametrize(
    ("key", "typed", "value", "then"),
    [
        # A review of talents typing at choice questions: each was refused and the whole
        # question printed again. A text naming one choice is that choice, as pressing it.
        ("sector", "musik, rebana qasidah", "music", "age_range"),
        ("music_role", "grup rebana", "band_group", "genres"),
        ("music_role", "rapper", "solo_artist", "genres"),
        ("music_role", "pianis", "instrumentalist", "genres"),
        ("music_role", "Lainnya kak", "other_music_role", "music_role_other"),
    ],
)
async def test_a_typed_text_naming_one_choice_is_taken_as_that_choice(
    bot: Harness, key: str, typed: str, value: str, then: str
) -> None:
    user = await at_question(bot, key)
    [reply] = await bot.send(user, typed)
    assert (await _stored(bot, user.id))[key] == value
    assert await where(bot, user) == then
    # Said, so a wrong reading is seen and undone with Back (an attacker's review).
    if typed != "Lainnya kak":
        taken = dict(choices(CONTENT.questions[key], CONTENT, {}))[value].id
        assert reply.text.startswith(shown(Text.INTAKE_TAKEN, taken=taken))


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        # Two roles named: the main one (s56); a question, a "bukan", a role beside "band":
        # asked to press.
        ("penyanyi dan penulis lagu", Text.INTAKE_ROLE_ONE),
        ("pilih penyanyi atau penulis lagu?", Text.INTAKE_A_QUESTION_BUTTONS),
        ("bukan band, solo", Text.INTAKE_USE_BUTTONS_OR_OTHER),
        ("manajer band", Text.INTAKE_USE_BUTTONS_OR_OTHER),
        # ("pelatih vokal", which names only what "Lainnya" covers, is Lainnya with the text
        # kept: tests/test_intake_typed.py.)
        # An attacker's review: other ways to say "not", and what one was or looks for.
        ("bkn band", Text.INTAKE_USE_BUTTONS_OR_OTHER),
        ("kagak band", Text.INTAKE_USE_BUTTONS_OR_OTHER),
        ("I'm never in a band", Text.INTAKE_USE_BUTTONS_OR_OTHER),
        ("dulu band sekarang sendiri", Text.INTAKE_USE_BUTTONS_OR_OTHER),
        ("saya lagi cari band", Text.INTAKE_USE_BUTTONS_OR_OTHER),
    ],
)
async def test_a_typed_choice_is_never_guessed(bot: Harness, typed: str, said: Text) -> None:
    user = await at_question(bot, "music_role")
    replies = await bot.send(user, typed)
    if said is Text.INTAKE_USE_BUTTONS_OR_OTHER:
        assert replies[-1].text.startswith(shown(said, other="Lainnya"))
    elif said is Text.INTAKE_ROLE_ONE:
        assert replies[-1].text.startswith(shown(said))
    else:  # a question mid-form: the form's own way with one (the FAQ may answer it)
        assert all(
            not m.text.startswith(shown(Text.INTAKE_USE_BUTTONS_OR_OTHER, other="Lainnya"))
            for m in replies
        )
    assert await where(bot, user) == "music_role"
    assert "music_role" not in await _stored(bot, user.id)


async def test_typed_choices_are_ticked_at_a_multiple_choice(bot: Harness) -> None:
    """A review: "Bahasa Indonesia" typed at the languages was refused, though it is the
    button's label. Choices named are ticked, as pressing them; the talent presses Done."""
    user = await at_question(bot, "languages")
    [reply] = await bot.send(user, "Bahasa Indonesia")
    assert reply.text.startswith(shown(Text.INTAKE_TICKED, ticked="Bahasa Indonesia"))
    assert "✅ Bahasa Indonesia" in reply.button_texts
    assert await where(bot, user) == "languages"
    [reply] = await bot.send(user, "sama inggris dan korea")
    ticked = listed([label("languages", "english"), label("languages", "korean")])
    assert reply.text.startswith(shown(Text.INTAKE_TICKED, ticked=ticked))
    await bot.press(user, _button(Text.BTN_DONE))
    stored = await _stored(bot, user.id)
    assert stored["languages"] == ["indonesian", "english", "korean"]
    # Past the question's maximum nothing is ticked; a question ticks nothing.
    film = await _at_film_question(bot, "film_formats")
    [reply] = await bot.send(film, "film panjang")
    assert reply.text.startswith(shown(Text.INTAKE_TICKED, ticked="Film panjang"))
    [refused] = await bot.send(film, "dokumenter, animasi, serial")
    assert refused.text.startswith(shown(Text.INTAKE_TOO_MANY_CHOICES, max=3))
    await bot.send(film, "film pendek termasuk?")
    draft = await bot.store.applications.draft_for(film.id)
    assert draft is not None and draft.pending == ["feature"]


async def test_text_typed_with_lainnya_ticked_is_what_lainnya_is(bot: Harness) -> None:
    """A review: a talent ticked "Lainnya", typed her language and got "pilih Lainnya, lalu
    tulis sendiri", three times. The text is kept as the "which one?" answer, which is then
    not asked; "ok" points at Done while "Lainnya" waits for its words (without it, "ok"
    is Done: test_short_replies_are_read_as_their_long_forms); a field with no "Lainnya"
    never names one."""
    user = await at_question(bot, "languages")
    await bot.press(user, label("languages", "indonesian"))
    await bot.press(user, label("languages", "other"))
    # An okay or a link is no language (an attacker's review); "udah", "lanjut", "tidak ada"
    # close the choice (test_saying_done_with_something_ticked_is_done).
    for typed in ("ok", "sip kak", "oke deh"):
        [hint] = await bot.send(user, typed)
        assert hint.text.startswith(shown(Text.INTAKE_PRESS_DONE)), typed
    await bot.send(user, "https://youtu.be/abc")
    assert "languages_other" not in await _stored(bot, user.id)
    [kept] = await bot.send(user, "Jawa")
    assert kept.text.startswith(shown(Text.INTAKE_OTHER_KEPT, other="Lainnya", answer="Jawa"))
    assert await where(bot, user) == "languages"
    await bot.press(user, _button(Text.BTN_DONE))
    stored = await _stored(bot, user.id)
    assert stored["languages"] == ["indonesian", "other"] and stored["languages_other"] == "Jawa"
    assert await where(bot, user) == "email"  # "which other languages?" is answered
    # The field has only Musik and Film: the hint names no "Lainnya".
    other = await at_question(bot, "sector")
    [refused] = await bot.send(other, "televisi")
    assert refused.text.startswith(shown(Text.INTAKE_USE_BUTTONS))
    assert shown(Text.INTAKE_USE_BUTTONS_OR_OTHER, other="Musik") not in refused.text


def test_check_content_refuses_about_words_without_a_help_to_point_to(
    content_folder: Path,
) -> None:
    # The form answers a question naming its subject with "the hint is below": there must be.
    def without_help(data: Any) -> None:
        [email] = [item for item in data["questions"] if item["key"] == "email"]
        del email["help"]

    edit_content(content_folder, "intake.yaml", without_help)
    with pytest.raises(ContentError) as refused:
        load_content(content_folder)
    assert "about: needs a help text" in str(refused.value)


async def test_checking_first_or_a_wrong_pick_at_a_text_question_stores_nothing(
    bot: Harness,
) -> None:
    """A talents' review: "Sebentar, saya cek dulu nama resmi PT kami di akta." was stored as
    the production house, and "Eh salah kak, harusnya musik bukan film" too, the form going
    on to the film roles (Bidang was four Backs away). Looking something up keeps the
    question; a wrong pick offers the question it was made at; a name stays a name."""
    hendra = await _at_film_question(bot, "company_name")
    for typed in (
        "Sebentar, saya cek dulu nama resmi PT kami di akta.",
        "bentar ya kak aku cari dulu",
        "wait, let me check",
    ):
        [reply] = await bot.send(hendra, typed)
        assert reply.text.startswith(shown(Text.INTAKE_LATER)), typed
        assert await where(bot, hendra) == "company_name"
        assert "company_name" not in await _stored(bot, hendra.id)
    field, music = CONTENT.questions["sector"].label.id, label("sector", "music")
    change = CONTENT.text(Text.BTN_CHANGE_EARLIER, "id", field=field)
    [offer] = await bot.send(hendra, "Eh salah kak, harusnya musik bukan film")
    assert offer.text.startswith(shown(Text.INTAKE_PICKED_WRONG, field=field, choice=music))
    assert change in offer.button_texts
    assert await where(bot, hendra) == "company_name"
    assert "company_name" not in await _stored(bot, hendra.id)
    await bot.send(hendra, "Sebentar Films")  # a name: taken
    assert (await _stored(bot, hendra.id))["company_name"] == "Sebentar Films"
    # At the film role, in English: the field offered; pressed, Bidang; Musik, the music
    # questions, the film answers gone.
    assert await where(bot, hendra) == "film_role"
    [offer] = await bot.send(hendra, "wrong one, I meant music")
    assert offer.text.startswith(shown(Text.INTAKE_PICKED_WRONG, field=field, choice=music))
    await bot.press(hendra, change)
    assert await where(bot, hendra) == "sector"
    await bot.press(hendra, music)
    assert await where(bot, hendra) == "stage_name"
    stored = await _stored(bot, hendra.id)
    assert stored["sector"] == "music" and "company_name" not in stored


async def test_a_correction_of_an_earlier_answer_by_its_subject_offers_that_question(
    bot: Harness,
) -> None:
    """A talents' review: "Maaf, usia saya salah. Seharusnya 35-44." at the city was stored
    as the city and the age kept; a formal one was refused as too long; "tadi sa salah tulis,
    sa belum punya rumah produksi" at the role was refused as not a button. The question
    named is offered, nothing is stored; pressed, it is asked, and the form goes on."""
    dewi = await at_question(bot, "city")  # a musician, age 25-34
    age, older = CONTENT.questions["age_range"].label.id, label("age_range", "age_35_44")
    change = CONTENT.text(Text.BTN_CHANGE_EARLIER, "id", field=age)
    for typed in (
        "Maaf, usia saya salah. Seharusnya 35-44.",
        "usia saya salah, harusnya 35\u201344",  # the en dash of the button
        "Mohon maaf, saya ingin mengubah jawaban usia saya. Usia saya ternyata masuk kelompok"
        " 35 sampai 44 tahun.",
    ):
        [offer] = await bot.send(dewi, typed)
        assert offer.text.startswith(
            shown(Text.INTAKE_PICKED_WRONG, field=age, choice=older)
        ) or offer.text.startswith(shown(Text.INTAKE_CHANGE_EARLIER, field=age)), typed
        assert change in offer.button_texts, typed
        assert await where(bot, dewi) == "city"
        assert "city" not in await _stored(bot, dewi.id)
    await bot.press(dewi, change)
    assert await where(bot, dewi) == "age_range"
    await bot.press(dewi, older)
    assert (await _stored(bot, dewi.id))["age_range"] == "age_35_44"
    assert await where(bot, dewi) == "city"  # where she was
    await bot.send(dewi, "Kota Bandung")  # the city's own subject: the answer
    assert (await _stored(bot, dewi.id))["city"] == "Kota Bandung"
    # A text answer named: offered without a choice.
    yohanis = await _at_film_question(bot, "film_role")
    company = CONTENT.questions["company_name"].label.id
    [offer] = await bot.send(
        yohanis, "eh maaf kaka, tadi sa salah tulis. Sa belum punya rumah produksi"
    )
    assert offer.text.startswith(shown(Text.INTAKE_CHANGE_EARLIER, field=company))
    assert CONTENT.text(Text.BTN_CHANGE_EARLIER, "id", field=company) in offer.button_texts
    assert (await _stored(bot, yohanis.id))["company_name"] == "Rumah Film Nusantara"
    assert "film_role" not in await _stored(bot, yohanis.id)


async def test_checking_first_at_a_long_text_question_stores_nothing(bot: Harness) -> None:
    """A second attacker's review: "wait, I'm checking" was stored as the notable works and
    "hold on, let me find it" as the message to the team ("I'm": "i" and "m")."""
    user = await at_question(bot, "notable_works", "en")
    for typed in ("wait, I'm checking", "hold on, let me find it"):
        [reply] = await bot.send(user, typed)
        assert reply.text.startswith(shown(Text.INTAKE_LATER, "en")), typed
        assert await where(bot, user) == "notable_works"
        assert "notable_works" not in await _stored(bot, user.id)


async def test_an_introduction_without_the_name_is_no_name(bot: Harness) -> None:
    """A talents' review: "Nama saya", then "Dewi Anggraini", stored "Nama saya" as the full
    name and the name as the stage name. An introduction alone is asked again, with a line
    asking for the name itself; the next message is the name."""
    dewi = await at_question(bot, "full_name")
    for typed in ("Nama saya", "my name is", "nama lengkap saya:", "Nama saya kak"):
        [again] = await bot.send(dewi, typed)
        assert again.text.startswith(shown(Text.INTAKE_NAME_ITSELF)), typed
        assert CONTENT.questions["full_name"].prompt.id in rendered(again.text)
        assert await where(bot, dewi) == "full_name"
        assert "full_name" not in await _stored(bot, dewi.id)
    await bot.send(dewi, "Dewi Anggraini")
    assert (await _stored(bot, dewi.id))["full_name"] == "Dewi Anggraini"
    [again] = await bot.send(dewi, "nama panggung saya")
    assert again.text.startswith(shown(Text.INTAKE_NAME_ITSELF))
    await bot.send(dewi, "Dewi Senja")
    assert (await _stored(bot, dewi.id))["stage_name"] == "Dewi Senja"


async def test_saying_done_with_something_ticked_is_done(bot: Harness) -> None:
    """A talents' review: "Udah itu aja" at the genres and "Sudah." at the formats were only
    told to press Done. With something ticked they are Done; with nothing, as before."""
    rani = await at_question(bot, "genres")
    [refused] = await bot.send(rani, "Udah itu aja")  # nothing ticked yet
    assert not refused.text.startswith(shown(Text.INTAKE_PRESS_DONE))
    assert await where(bot, rani) == "genres"
    await bot.press(rani, label("genres", "pop"))
    await bot.send(rani, "Udah itu aja")
    assert (await _stored(bot, rani.id))["genres"] == ["pop"]
    while (key := await where(bot, rani)) not in (None, "programs_of_interest"):
        await answer(bot, rani, str(key), MUSICIAN[str(key)])
    assert key == "programs_of_interest"
    await bot.press(rani, label("programs_of_interest", MUSICIAN["programs_of_interest"][0]))
    await bot.send(rani, "that's all")
    assert await where(bot, rani) == "languages"
    await bot.press(rani, label("languages", "indonesian"))
    await bot.press(rani, label("languages", "other"))
    await bot.send(rani, "tidak ada")  # "nothing else": Done, then which other one
    assert await where(bot, rani) == "languages_other"
    assert "languages_other" not in await _stored(bot, rani.id)
    hendra = await _at_film_question(bot, "film_formats")
    await bot.press(hendra, label("film_formats", "feature"))
    await bot.send(hendra, "Sudah.")
    assert (await _stored(bot, hendra.id))["film_formats"] == ["feature"]
    assert await where(bot, hendra) != "film_formats"
    # Ibu Sari (s55): the choices and "Itu saja" in one message: ticked, then Done, said.
    await bot.press(hendra, CONTENT.text(Text.BTN_BACK, "id"))
    assert await where(bot, hendra) == "film_formats"
    await bot.press(hendra, "✅ " + label("film_formats", "feature"))  # unticked: typed below
    typed = "Dokumenter panjang dan sesekali film pendek. Itu saja."
    [reply] = await bot.send(hendra, typed)
    formats = ["feature", "short", "documentary"]
    assert (await _stored(bot, hendra.id))["film_formats"] == formats
    assert await where(bot, hendra) != "film_formats"
    ticked = listed(label("film_formats", value) for value in formats)
    assert reply.text.startswith(shown(Text.INTAKE_TAKEN, taken=ticked))
    for closing in ("Indonesia, inggris. itu aja", "Indonesia, inggris, sudah itu saja"):
        lina = await at_question(bot, "languages")
        await bot.send(lina, closing)
        assert (await _stored(bot, lina.id))["languages"] == ["indonesian", "english"]
        assert await where(bot, lina) == "email"


async def test_the_summaries_leave_out_lainnya_when_the_line_after_says_what_it_is(
    bot: Harness, staff_chat: Any
) -> None:
    """A talents' review: "Bahasa: Bahasa Indonesia, Bahasa Inggris, Lainnya" above "Bahasa
    lain: Jawa". The review and the staff's alert list the languages without it; ticked
    alone, "Lainnya" stays (a line of nothing would say less)."""
    user = await at_question(bot, "languages")
    picked = {"languages": ["indonesian", "english", "other"], "languages_other": "Jawa"}
    await fill(bot, user, {**MUSICIAN, **picked})
    line = shown(Text.SUMMARY_LINE, label="Bahasa", value="Bahasa Indonesia, Bahasa Inggris")
    other = shown(Text.SUMMARY_LINE, label="Bahasa lain", value="Jawa")
    assert f"{line}\n{other}" in user.last_message.text
    await bot.press(user, _button(Text.BTN_SUBMIT))
    assert f"{line}\n{other}" in staff_chat.last_message.text
    alone = await at_question(bot, "languages")
    await fill(bot, alone, {**MUSICIAN, "languages": ["other"], "languages_other": "Jawa"})
    line = shown(Text.SUMMARY_LINE, label="Bahasa", value="Lainnya")
    assert f"{line}\n{other}" in alone.last_message.text


async def test_just_after_sending_when_to_hear_back_says_nothing_of_an_unfinished_form(
    bot: Harness,
) -> None:
    """A talents' review: "Kira2 kapan ya kak aku dapet kabarnya?" right after sending got
    "Formulirnya belum selesai diisi? Ketik /daftar untuk melanjutkan…". The answer's status
    names a paused form, only to a talent who has one."""
    entry = CONTENT.faq["after_registering"]
    assert entry.status_line is not None
    unfinished = rendered(entry.status_line.id)
    sari = bot.user()
    reference = await apply(bot, sari, MUSICIAN)
    [reply] = await bot.send(sari, "Kira2 kapan ya kak aku dapet kabarnya?")
    assert reply.text.startswith(entry.question.id) and reference in reply.text
    assert unfinished not in reply.text
    assert shown(Text.STATUS_UNFINISHED) not in reply.text
    await bot.send(sari, "/daftar")  # a second registration, paused halfway
    await bot.press(sari, _button(Text.BTN_NEW_REGISTRATION))
    await answer(bot, sari, "sector", "film")
    await answer(bot, sari, "age_range", "age_25_34")
    await bot.send(sari, "/batal")
    [reply] = await bot.send(sari, "Kira2 kapan ya kak aku dapet kabarnya?")
    assert reply.text.endswith(shown(Text.STATUS_UNFINISHED)) and reference in reply.text
    assert unfinished not in reply.text  # said once, by the status


@pytest.mark.parametrize("way", ["edit_list", "slip"])
async def test_the_field_changed_from_the_review_asks_what_it_needs_then_the_review(
    bot: Harness, way: str
) -> None:
    """An attacker's review: ✏️ Ubah Bidang from the review (or after "salah, harusnya musik"
    typed at an answer changed from it) dropped the talent into the numbered form. The
    field's own questions are asked as changes, then the review comes back; the other
    answers stay, the film programs go (they are asked again, among music's)."""
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    await fill(bot, user, FILMMAKER)
    assert await where(bot, user) == "review"
    await bot.press(user, _button(Text.BTN_EDIT))
    if way == "edit_list":
        await bot.press(user, CONTENT.questions["sector"].label.id)
    else:
        await bot.press(user, CONTENT.questions["company_name"].label.id)
        await bot.send(user, "Eh salah kak, harusnya musik bukan film")
        await bot.press(user, CONTENT.text(Text.BTN_CHANGE_EARLIER, "id", field="Bidang"))
    assert await where(bot, user) == "sector"
    await bot.press(user, label("sector", "music"))
    for key in ("stage_name", "music_role", "genres", "programs_of_interest"):
        assert await where(bot, user) == key
        heading = CONTENT.questions[key].label.id
        shown_as = opening(Text.INTAKE_QUESTION_EDITING, label=heading)
        assert user.last_message.text.startswith(shown_as), user.last_message.text
        await answer(bot, user, key, MUSICIAN[key])
    assert await where(bot, user) == "review"
    stored = await _stored(bot, user.id)
    assert stored["sector"] == "music" and stored["programs_of_interest"] == ["mucon"]
    assert stored["province"] == "di_yogyakarta" and stored["email"] == "budi@rumahfilm.id"
    assert not {"company_name", "film_role", "film_formats"} & set(stored)
