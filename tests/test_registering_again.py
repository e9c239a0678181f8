"""Registering again after a cancel (a talents' review s60, M6: /daftar after cancelling had all
17 answers typed again, though the bot keeps them, and "Mohon maaf, apakah pembatalan ini dapat
saya urungkan? Ternyata kami masih berminat." got "no answer").

/daftar (or the wish in words) offers to begin a new registration from the cancelled one's
answers: the review comes next, and sending makes a NEW lead, the cancelled one staying
cancelled. No consent is taken from it: an age under 18 is asked again, and with it the
guardian's consent; a processing consent that no longer stands is asked first. Staff are told
where the answers came from. The day's limit holds, and after /hapusdata nothing is offered.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from typing import Any

import pytest

from bot.emulator import EmulatedUser
from bot.leads.cancel_wish import registers_again, wants_to_cancel, wants_to_undo
from bot.store.audit import Actor
from bot.texts import Text
from bot.wib import to_wib
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, apply, consent, fill, label, shown, where
from tests.test_pipeline import rows, t, visible


async def _cancel(bot: Harness, talent: EmulatedUser, language: str = "id") -> None:
    await bot.send(talent, "/status")
    await bot.press(talent, t(Text.BTN_CANCEL_REGISTRATION, language))
    await bot.press(talent, t(Text.BTN_CANCEL_YES, language))


def _cancelled(bot: Harness, reference: str) -> bool:
    ((withdrawn,),) = rows(
        bot.database,
        "SELECT p.talent_withdrawn_at IS NOT NULL FROM lead_pipeline p"
        " JOIN applications a ON a.id = p.application_id WHERE a.reference = ?",
        (reference,),
    )
    return bool(withdrawn)


def _answers(bot: Harness, reference: str) -> dict[str, Any]:
    return dict(
        rows(
            bot.database,
            "SELECT s.question_key, s.value FROM answers s"
            " JOIN applications a ON a.id = s.application_id WHERE a.reference = ?",
            (reference,),
        )
    )


def _offer(reference: str, language: str = "id") -> str:
    return visible(t(Text.INTAKE_REUSE_OFFER, language, reference=reference))


async def test_after_a_cancel_daftar_begins_a_new_lead_from_the_kept_answers(
    bot: Harness, staff_chat: Any
) -> None:
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    await _cancel(bot, sari)
    (offer,) = await bot.send(sari, "/daftar")
    assert offer.text == _offer("KOC-000001")
    assert offer.button_texts == [t(Text.BTN_REUSE_ANSWERS), t(Text.BTN_REUSE_FRESH)]
    assert await where(bot, sari) is None  # nothing begun before she chooses
    # Her answers, straight to the review (her consent stands: not asked again).
    (review,) = await bot.press(sari, t(Text.BTN_REUSE_ANSWERS))
    assert await where(bot, sari) == "review"
    assert review.text.startswith(visible(t(Text.INTAKE_REUSED_REVIEW, reference="KOC-000001")))
    assert MUSICIAN["full_name"] in review.text and "Bandung" in review.text
    assert t(Text.BTN_EDIT) in review.button_texts  # the edit list works as on any review
    # Changing one answer there goes back to the review, as on any new registration.
    await bot.press(sari, t(Text.BTN_EDIT))
    await bot.press(sari, CONTENT.questions["city"].label.get("id"))
    await bot.send(sari, "Cimahi")
    assert await where(bot, sari) == "review"
    mark = staff_chat.mark()
    await bot.press(sari, t(Text.BTN_SUBMIT))
    assert "KOC-000002" in sari.messages[-2].text or "KOC-000002" in sari.last_message.text
    # A new lead with the same answers (the city as changed); the cancelled one stays so.
    old, new = _answers(bot, "KOC-000001"), _answers(bot, "KOC-000002")
    assert {**old, "city": '"Cimahi"'} == new
    assert _cancelled(bot, "KOC-000001") and not _cancelled(bot, "KOC-000002")
    # Staff are told where its answers came from, in both languages.
    (alert,) = staff_chat.find("KOC-000002", since=mark)
    said = visible(t(Text.STAFF_NEW_LEAD_REUSED, "id", reference="KOC-000001"))
    gloss = visible(t(Text.STAFF_NEW_LEAD_REUSED, "en", reference="KOC-000001"))
    assert f"{said}\n{gloss}" in alert.text
    # A registration begun afresh carries no such line.
    dimas = bot.user(first_name="Dimas")
    mark = staff_chat.mark()
    assert await apply(bot, dimas, FILMMAKER) == "KOC-000003"
    (alert,) = staff_chat.find("KOC-000003", since=mark)
    assert said.split("<")[0].strip() not in alert.text


async def test_start_from_scratch_after_a_cancel_is_the_form_as_before(bot: Harness) -> None:
    grace = bot.user(first_name="Grace", language_code="en")
    assert await apply(bot, grace, FILMMAKER, language="en") == "KOC-000001"
    await _cancel(bot, grace, "en")
    (offer,) = await bot.send(grace, "/register")
    assert offer.text == _offer("KOC-000001", "en")
    (first,) = await bot.press(grace, t(Text.BTN_REUSE_FRESH, "en"))
    assert visible(t(Text.INTAKE_NEW_AFTER_CANCEL, "en", references="KOC-000001")) in first.text
    assert await where(bot, grace) == "sector"
    draft = await bot.store.applications.draft_for(grace.id)
    assert draft is not None and draft.reuses is None
    assert await bot.store.applications.answers(draft.id) == {}


@pytest.mark.parametrize("language", ["id", "en"])
async def test_with_one_open_a_new_registration_is_offered_the_cancelled_ones_answers(
    bot: Harness, language: str
) -> None:
    # A desk review s61: with KOC-000002 open and KOC-000001 cancelled, /daftar offered only
    # "update, or a new one", and "new" went to the first question: the kept answers of
    # KOC-000001 were never offered. "New" offers them now, as /daftar does with none open.
    sari = bot.user(first_name="Sari", language_code=language)
    assert await apply(bot, sari, MUSICIAN, language=language) == "KOC-000001"
    await _cancel(bot, sari, language)
    assert await apply(bot, sari, FILMMAKER, language=language) == "KOC-000002"
    (choice,) = await bot.send(sari, "/daftar" if language == "id" else "/register")
    assert choice.button_texts == [
        t(Text.BTN_UPDATE_REGISTRATION, language),
        t(Text.BTN_NEW_REGISTRATION, language),
    ]
    (offer,) = await bot.press(sari, t(Text.BTN_NEW_REGISTRATION, language))
    assert offer.text == _offer("KOC-000001", language)
    assert offer.button_texts == [
        t(Text.BTN_REUSE_ANSWERS, language),
        t(Text.BTN_REUSE_FRESH, language),
    ]
    assert await where(bot, sari) is None  # nothing begun before she chooses
    (review,) = await bot.press(sari, t(Text.BTN_REUSE_ANSWERS, language))
    assert await where(bot, sari) == "review"
    reused = t(Text.INTAKE_REUSED_REVIEW, language, reference="KOC-000001")
    assert review.text.startswith(visible(reused))
    await bot.press(sari, t(Text.BTN_SUBMIT, language))
    assert _answers(bot, "KOC-000003") == _answers(bot, "KOC-000001")
    assert _cancelled(bot, "KOC-000001") and not _cancelled(bot, "KOC-000002")


async def _minor_registration(bot: Harness, talent: EmulatedUser) -> str:
    """A musician under 18, with the guardian's consent, sent."""
    await bot.send(talent, "/daftar")
    await consent(bot, talent)
    await bot.press(talent, label("sector", "music"))
    await bot.press(talent, label("age_range", "under_18"))
    assert await where(bot, talent) == "guardian"
    await bot.press(talent, t(Text.BTN_GUARDIAN_YES))
    await fill(bot, talent, MUSICIAN)
    await bot.press(talent, t(Text.BTN_SUBMIT))
    return "KOC-000001"


def _guardian_consents(bot: Harness, user_id: int) -> list[tuple[Any, ...]]:
    return rows(
        bot.database,
        "SELECT application_id, granted FROM consents WHERE user_id = ? AND kind = 'guardian'"
        " ORDER BY id",
        (user_id,),
    )


async def test_no_consent_is_taken_from_the_cancelled_registration(bot: Harness) -> None:
    # Under 18: the guardian's consent was for that registration; the age is asked again.
    nadia = bot.user(first_name="Nadia")
    await _minor_registration(bot, nadia)
    await _cancel(bot, nadia)
    await bot.send(nadia, "/daftar")
    (age,) = await bot.press(nadia, t(Text.BTN_REUSE_ANSWERS))
    assert await where(bot, nadia) == "age_range"
    assert age.text.startswith(visible(t(Text.INTAKE_REUSED_AGE, reference="KOC-000001")))
    draft = await bot.store.applications.draft_for(nadia.id)
    assert draft is not None
    assert "age_range" not in await bot.store.applications.answers(draft.id)
    await bot.press(nadia, label("age_range", "under_18"))
    assert await where(bot, nadia) == "guardian"  # asked for this registration
    (review,) = await bot.press(nadia, t(Text.BTN_GUARDIAN_YES))
    assert await where(bot, nadia) == "review"
    assert review.text.startswith(visible(t(Text.INTAKE_REUSED_REVIEW, reference="KOC-000001")))
    await bot.press(nadia, t(Text.BTN_SUBMIT))
    assert [row[0] for row in _guardian_consents(bot, nadia.id)] == [1, draft.id]
    assert _answers(bot, "KOC-000002")["age_range"] == '"under_18"'

    # A processing consent that no longer stands (a new privacy notice) is asked first.
    budi = bot.user(first_name="Budi")
    assert await apply(bot, budi, FILMMAKER) == "KOC-000003"
    await _cancel(bot, budi)
    with sqlite3.connect(bot.database) as database:
        database.execute("UPDATE consents SET notice_version = 'old' WHERE user_id = ?", (budi.id,))
    database.close()
    await bot.send(budi, "/daftar")
    await bot.press(budi, t(Text.BTN_REUSE_ANSWERS))
    assert await where(bot, budi) == "consent_processing"
    await consent(bot, budi)
    assert await where(bot, budi) == "review"
    assert budi.last_message.text.startswith(
        visible(t(Text.INTAKE_REUSED_REVIEW, reference="KOC-000003"))
    )


UNDO_WISHES = [
    ("id", "Mohon maaf, apakah pembatalan ini dapat saya urungkan? Ternyata kami masih berminat."),
    ("id", "bisa dibatalin pembatalannya?"),
    ("id", "ternyata masih berminat"),
    ("id", "tolong aktifkan lagi pendaftaranku"),
    ("en", "can I undo the cancel"),
    ("en", "I changed my mind, please reactivate my registration"),
]


# A talents' review s62, L8: "i want to register again, im 16 and my mom said ok" began
# "🙏 A cancellation can't be undone…", though Kevin never asked to undo it: a wish to register
# again gets the offer alone.
REGISTER_AGAIN_WISHES = [
    ("en", "i want to register again, im 16 and my mom said ok"),
    ("id", "aku mau daftar lagi"),
    ("id", "kak daftar ulang dong"),
]


@pytest.mark.parametrize(
    ("language", "said", "undo"),
    [*((*wish, True) for wish in UNDO_WISHES), *((*wish, False) for wish in REGISTER_AGAIN_WISHES)],
)
async def test_a_wish_to_undo_the_cancel_leads_to_the_offer(
    bot: Harness, language: str, said: str, undo: bool
) -> None:
    fajar = bot.user(first_name="Fajar", language_code=language)
    assert await apply(bot, fajar, FILMMAKER, language=language) == "KOC-000001"
    await _cancel(bot, fajar, language)
    *_, offer = await bot.send(fajar, said)
    not_undone = f"{visible(t(Text.CANCEL_NOT_UNDONE, language))}\n\n" if undo else ""
    assert offer.text == f"{not_undone}{_offer('KOC-000001', language)}"
    assert offer.button_texts[0] == t(Text.BTN_REUSE_ANSWERS, language)
    assert _cancelled(bot, "KOC-000001")  # never reopened by it
    await bot.press(fajar, t(Text.BTN_REUSE_ANSWERS, language))
    assert await where(bot, fajar) == "review"


# After /tanya as well: "aku mau daftar lagi" got "🙏 A cancellation can't be undone…" there
# (after62's report, s62), though the free-text path gave the offer alone.
@pytest.mark.parametrize(
    ("said", "undo"),
    [("apakah pembatalan ini dapat saya urungkan?", True), ("aku mau daftar lagi", False)],
)
async def test_an_undo_wish_in_ask_mode_is_answered_not_relayed(
    bot: Harness, staff_chat: Any, said: str, undo: bool
) -> None:
    fajar = bot.user(first_name="Fajar")
    await apply(bot, fajar, FILMMAKER)
    await _cancel(bot, fajar)
    await bot.send(fajar, "/tanya")
    mark = staff_chat.mark()
    *_, offer = await bot.send(fajar, said)
    not_undone = f"{visible(t(Text.CANCEL_NOT_UNDONE))}\n\n" if undo else ""
    assert offer.text == f"{not_undone}{_offer('KOC-000001')}"
    assert staff_chat.messages_since(mark) == []
    # Asking to register again ends the conversation with the team, as /daftar would: what
    # Fajar types next is not for staff; asking whether a cancel can be undone does not.
    await bot.send(fajar, "kalau mau ganti email gimana?")
    assert bool(staff_chat.messages_since(mark)) == undo
    await bot.press(fajar, t(Text.BTN_REUSE_ANSWERS), message=offer)
    assert await where(bot, fajar) == "review"


def test_the_wish_to_undo_a_cancel_is_read_as_such() -> None:
    for said in (*(wish for _, wish in UNDO_WISHES), "ga jadi batal daftar"):
        assert wants_to_undo(said), said
        assert not wants_to_cancel(said), said
        assert not registers_again(said), said  # the line that a cancel is not undone
    for said in (*(wish for _, wish in REGISTER_AGAIN_WISHES), "daftar ulang dong"):
        assert wants_to_undo(said), said
        assert registers_again(said), said
    for said in (
        "batalin pendaftaranku",
        "I want to cancel my registration",
        "apakah pendaftaran bisa dibatalkan?",
        "berapa biaya pembatalan?",
        "mau daftar",
        "kapan MU:CON 2026?",
    ):
        assert not wants_to_undo(said), said


async def test_the_days_limit_and_an_erasure_hold(bot: Harness) -> None:
    # REGISTRATIONS_PER_DAY (3): an offer left in the chat makes no fourth one that day.
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    await _cancel(bot, sari)
    (offer,) = await bot.send(sari, "/daftar")  # left in the chat
    (again,) = await bot.send(sari, "/daftar")
    await bot.press(sari, t(Text.BTN_REUSE_FRESH), message=again)
    await fill(bot, sari, MUSICIAN)
    await bot.press(sari, t(Text.BTN_SUBMIT))
    await apply(bot, sari, MUSICIAN)
    [(first_sent,)] = rows(bot.database, "SELECT min(submitted_at) FROM applications")
    when = CONTENT.moment_text(to_wib(first_sent) + timedelta(hours=24), "id")
    (pressed,) = await bot.press(sari, t(Text.BTN_REUSE_ANSWERS), message=offer)
    assert pressed.text.startswith(shown(Text.UPDATE_LIMITED, limit=3, when=when))
    assert await where(bot, sari) is None
    assert rows(
        bot.database, "SELECT count(*) FROM applications WHERE user_id = ?", (sari.id,)
    ) == [(3,)]

    # After /hapusdata nothing is kept, so nothing is offered, and an old offer finds nothing.
    rina = bot.user(first_name="Rina")
    await apply(bot, rina, FILMMAKER)
    await _cancel(bot, rina)
    (offer,) = await bot.send(rina, "/daftar")
    assert offer.text == _offer("KOC-000004")
    await bot.send(rina, "/hapusdata")
    await bot.press(rina, t(Text.BTN_CONFIRM_DELETE))
    (gone,) = await bot.press(rina, t(Text.BTN_REUSE_ANSWERS), message=offer)
    assert gone.text == visible(t(Text.REUSE_GONE))
    assert await where(bot, rina) is None
    *_, said = await bot.send(rina, "aku mau daftar lagi")
    assert visible(t(Text.CANCEL_NOT_UNDONE)) not in said.text
    assert t(Text.BTN_REUSE_ANSWERS) not in said.button_texts
    (first,) = await bot.send(rina, "/daftar")
    assert t(Text.BTN_REUSE_ANSWERS) not in first.button_texts
    assert await where(bot, rina) == "consent_processing"


async def test_a_reused_adult_age_after_saying_under_18_is_asked_again(bot: Harness) -> None:
    # The final review s60: sent as an adult and cancelled, then "under 18" in a new form and
    # the guardian declined; "Pakai jawaban lama" took the adult age with no ask and no mark.
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    await _cancel(bot, sari)
    await bot.send(sari, "/daftar")
    await bot.press(sari, t(Text.BTN_REUSE_FRESH))
    await bot.press(sari, label("sector", "music"))
    await bot.press(sari, label("age_range", "under_18"))
    assert await where(bot, sari) == "guardian"
    await bot.press(sari, t(Text.BTN_GUARDIAN_NO))
    await bot.send(sari, "/daftar")
    (age,) = await bot.press(sari, t(Text.BTN_REUSE_ANSWERS))
    # The age is asked again, as for a minor's reused answers; an adult age is then checked.
    assert await where(bot, sari) == "age_range"
    assert age.text.startswith(visible(t(Text.INTAKE_REUSED_AGE, reference="KOC-000001")))
    await bot.press(sari, label("age_range", MUSICIAN["age_range"]))
    assert await where(bot, sari) == "age_check"


async def test_a_lead_marked_said_under_18_keeps_the_mark_when_reused(bot: Harness) -> None:
    # The re-check s60, H1: KOC-000001 carried "earlier chose under 18"; cancelled and reused,
    # KOC-000002 (the lead staff work) lost it, the adult age copied without a word.
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/daftar")
    await consent(bot, sari)
    await fill(bot, sari, {**MUSICIAN, "age_range": "under_18"})
    await bot.press(sari, t(Text.BTN_GUARDIAN_NO))
    await bot.send(sari, "/daftar")
    await bot.press(sari, label("sector", "music"))
    await bot.press(sari, label("age_range", MUSICIAN["age_range"]))
    assert await where(bot, sari) == "age_check"
    await bot.press(
        sari, t(Text.BTN_AGE_CHECK_ADULT, age=label("age_range", MUSICIAN["age_range"]))
    )
    await fill(bot, sari, MUSICIAN)
    await bot.press(sari, t(Text.BTN_SUBMIT))
    await _cancel(bot, sari)
    await bot.send(sari, "/daftar")
    await bot.press(sari, t(Text.BTN_REUSE_ANSWERS))
    assert await where(bot, sari) == "age_range"  # asked, then marked without asking again
    await bot.press(sari, label("age_range", MUSICIAN["age_range"]))
    assert await where(bot, sari) == "review"
    await bot.press(sari, t(Text.BTN_SUBMIT))
    marked = rows(
        bot.database,
        "SELECT reference, said_under_18_at IS NOT NULL FROM applications"
        " WHERE reference IS NOT NULL ORDER BY id",
    )
    assert marked == [("KOC-000001", 1), ("KOC-000002", 1)]


def _marked(references: str, language: str = "id") -> str:
    """A staff alert's "possibly a duplicate of <references>" line."""
    return visible(t(Text.RECORDS_LIST_DUPLICATES, language, references=references))


async def test_a_lead_begun_from_a_cancelled_one_is_not_marked_its_duplicate(
    bot: Harness, staff_chat: Any
) -> None:
    # A desk review s61: "♻️ answers taken from KOC-000002" sat next to "possibly a duplicate
    # of KOC-000002": registering again is not registering twice. A real duplicate (another
    # account's lead with the same email and phone) is still marked.
    budi = bot.user(first_name="Budi")
    assert await apply(bot, budi, MUSICIAN) == "KOC-000001"  # the same email and phone
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000002"
    await _cancel(bot, sari)
    await bot.send(sari, "/daftar")
    await bot.press(sari, t(Text.BTN_REUSE_ANSWERS))
    mark = staff_chat.mark()
    await bot.press(sari, t(Text.BTN_SUBMIT))
    (alert,) = staff_chat.find("KOC-000003", since=mark)
    assert visible(t(Text.STAFF_NEW_LEAD_REUSED, "id", reference="KOC-000002")) in alert.text
    assert f"\n{_marked('KOC-000001')}\n" in alert.text  # not "KOC-000001, KOC-000002"
    # Nor on either lead's page, nor in the desk's lists and exports.
    marks = await bot.store.duplicates.duplicate_marks([2, 3])
    assert [mark.other_reference for mark in marks[3]] == ["KOC-000001"]
    assert [mark.other_reference for mark in marks[2]] == ["KOC-000001"]
    groups = await bot.store.duplicates.duplicate_groups()
    assert [mark.other_reference for mark in groups[3]] == ["KOC-000001"]
    # So it cannot be closed as one (an old page's button, a crafted call).
    staff = Actor.staff_chat(ADMIN_ID)
    assert await bot.store.duplicates.close_duplicate(3, 2, staff) == "unmarked"
    assert await bot.store.duplicates.close_duplicate(3, 1, staff) == "saved"
