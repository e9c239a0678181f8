"""A talent keeps one living record: /daftar after submitting offers to update it; the lead
keeps its reference, stage, notes and assignee; staff see what changed (issue 25)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.emulator import EmulatedUser
from bot.leads import pipeline_stages
from bot.leads.export import to_wib
from bot.outreach.reminders import due_times
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    answer,
    apply,
    copy_label,
    data_copy,
    label,
    section,
    shown,
    where,
)
from tests.test_pipeline import admin_of, t, visible
from tests.test_pipeline import label as stage_button
from tests.test_records_staff import open_correction, question_label

NEW_PHONE = "0813 1111 2222"
NEW_PHONE_STORED = "+6281311112222"


async def applications_of(bot: Harness, talent: EmulatedUser) -> list[tuple[Any, ...]]:
    rows = await bot.store.db.fetch_all(
        "SELECT id, status, reference FROM applications WHERE user_id = ? ORDER BY id",
        (talent.id,),
    )
    return [tuple(row) for row in rows]


async def test_a_talent_updates_one_answer_and_the_lead_keeps_its_place(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    (status,) = await bot.send(sari, "/status")  # sent, never updated: no such line
    assert shown(Text.STATUS_UPDATED, reference="KOC-000001", date="")[:-1] not in status.text
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, t(Text.BTN_ASSIGN_ME))
    await bot.press(admin, stage_button("ditinjau"))
    await bot.send(admin, "/catatan KOC-000001 Sudah dicek")

    (choice,) = await bot.send(sari, "/daftar")
    assert "KOC-000001" in choice.text
    assert choice.button_texts == [t(Text.BTN_UPDATE_REGISTRATION), t(Text.BTN_NEW_REGISTRATION)]
    (review,) = await bot.press(sari, t(Text.BTN_UPDATE_REGISTRATION))
    assert review.text.startswith("✏️ Perbarui pendaftaran KOC-000001")
    assert "+6281234567801" in review.text  # the current answers, as they stand
    # Typed at the review instead of a button: where to look, with its reference (an
    # attacker's review: "Perbarui pendaftaran" lost it), not the 20-line summary again (a
    # talents' review).
    (again,) = await bot.send(sari, "udah bener semua kak")
    assert again.text.startswith(shown(Text.INTAKE_USE_BUTTONS_HERE))  # no question there
    assert shown(Text.UPDATE_REVIEW_ABOVE, reference="KOC-000001") in again.text
    assert "+6281234567801" not in again.text
    # Jump straight to one answer from the review screen, or name it (a talents' review s57:
    # "ganti nomor HP" was told to use the buttons).
    await bot.press(sari, t(Text.BTN_EDIT))
    (question,) = await bot.press(sari, question_label("phone"))
    assert shown(Text.INTAKE_CURRENT_ANSWER, answer="+6281234567801") in question.text
    await bot.press(sari, t(Text.BTN_TO_REVIEW))
    (question,) = await bot.send(sari, "ganti nomor HP")
    assert shown(Text.INTAKE_CURRENT_ANSWER, answer="+6281234567801") in question.text
    (back,) = await bot.send(sari, NEW_PHONE)
    assert await where(bot, sari) == "review" and NEW_PHONE_STORED in back.text
    # Nothing changed on the lead until the talent saves.
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None and lead.answers["phone"] == "+6281234567801"

    mark = staff_chat.mark()
    (saved,) = await bot.press(sari, t(Text.BTN_UPDATE_SAVE))
    assert saved.text.startswith("✅ Perubahanmu sudah tersimpan di pendaftaran KOC-000001")
    assert f"{question_label('phone')}: {NEW_PHONE_STORED}" in saved.text
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None and lead.answers["phone"] == NEW_PHONE_STORED
    assert (lead.stage, lead.assignee_id, len(lead.notes)) == ("ditinjau", ADMIN_ID, 1)
    assert [row[1:] for row in await applications_of(bot, sari)] == [("submitted", "KOC-000001")]

    # The staff chat hears which answer changed, before and after.
    (alert,) = staff_chat.messages_since(mark)
    assert alert.text.startswith("✏️ KOC-000001 diperbarui oleh talentanya")
    # The group is shared by staff who read English: its gist in English under the first line.
    english = "The registrant updated their answers. Press 📄 below to read the lead in your"
    assert alert.text.split("\n")[1] == f"{english} language."
    assert f"{question_label('phone')}: +6281234567801 → {NEW_PHONE_STORED}" in alert.text
    # The lead's history shows it; the talent sees their own change in /dataku.
    (page,) = await bot.send(admin, "/lead KOC-000001")
    assert "talenta memperbarui jawabannya" in page.text
    assert f"+6281234567801 → {NEW_PHONE_STORED}" in page.text
    replies = await bot.send(sari, "/dataku")
    copy = data_copy(next(m.document[1] for m in replies if m.document))
    (registration,) = section(copy, Text.MYDATA_SECTION_REGISTRATIONS)
    (change,) = registration[copy_label(Text.MYDATA_FIELD_ANSWER_CHANGES)]
    assert change[copy_label(Text.MYDATA_FIELD_TO_STAGE)] == NEW_PHONE_STORED
    assert change[copy_label(Text.MYDATA_FIELD_CHANGED_BY)] == copy_label(Text.MYDATA_BY_YOU)
    assert str(ADMIN_ID) not in str(change)
    # /status says when she updated it, and that program news is off and how to turn it on
    # (a talents' review: only "dikirim …" and the stage); once on, it says so instead.
    (status,) = await bot.send(sari, "/status")
    changed_at = await bot.store.db.fetch_value(
        "SELECT created_at FROM lead_changes WHERE kind = 'talent_update'"
    )
    day = CONTENT.date_text(to_wib(changed_at).date(), "id")
    assert shown(Text.STATUS_UPDATED, reference="KOC-000001", date=day) in status.text
    assert shown(Text.STATUS_NEWS_OFF) in status.text
    await bot.send(sari, "/langganan")
    (status,) = await bot.send(sari, "/status")
    assert shown(Text.STATUS_NEWS_ON) in status.text
    assert shown(Text.STATUS_NEWS_OFF) not in status.text


async def test_going_through_every_question_keeps_answers_with_one_tap(bot: Harness) -> None:
    budi = bot.user(first_name="Budi", language_code="en")
    await apply(bot, budi, FILMMAKER, language="en")
    await bot.send(budi, "/register")
    await bot.press(budi, t(Text.BTN_UPDATE_REGISTRATION, "en"))
    (first,) = await bot.press(budi, t(Text.BTN_UPDATE_WALK, "en"))
    assert await where(bot, budi) == "sector"
    assert shown(Text.INTAKE_CURRENT_ANSWER, "en", answer="Film") in first.text
    await bot.press(budi, t(Text.BTN_KEEP, "en"))  # the sector: kept with one tap
    assert await where(bot, budi) == "age_range"
    await bot.press(budi, t(Text.BTN_KEEP, "en"))
    assert await where(bot, budi) == "full_name"
    await bot.send(budi, "Budi Santoso Putra")  # one answer changed on the way
    assert await where(bot, budi) == "company_name"
    await bot.press(budi, t(Text.BTN_TO_REVIEW, "en"))  # the rest as they were
    (saved,) = await bot.press(budi, t(Text.BTN_UPDATE_SAVE, "en"))
    assert "Budi Santoso Putra" in saved.text and "Film" not in saved.text  # only what changed
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None and lead.answers["full_name"] == "Budi Santoso Putra"
    assert lead.answers["film_formats"] == ["feature", "documentary"]
    # Saving again without changes says so; a second registration is there when wanted.
    await bot.send(budi, "/register")
    await bot.press(budi, t(Text.BTN_UPDATE_REGISTRATION, "en"))
    (unchanged,) = await bot.press(budi, t(Text.BTN_UPDATE_SAVE, "en"))
    assert unchanged.text == shown(Text.UPDATE_UNCHANGED, "en", reference="KOC-000001")
    assert await apply(bot, budi, {**MUSICIAN, "full_name": "Budi"}, language="en") == "KOC-000002"


async def test_a_staff_correction_made_meanwhile_is_kept(bot: Harness, staff_chat: Any) -> None:
    """The talent changed the phone, staff corrected the email meanwhile: both stay."""
    admin = admin_of(staff_chat)
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    await bot.send(sari, "/daftar")
    await bot.press(sari, t(Text.BTN_UPDATE_REGISTRATION))
    await bot.press(sari, t(Text.BTN_EDIT))
    await bot.press(sari, question_label("phone"))
    await bot.send(sari, NEW_PHONE)
    # Staff correct the email while the talent's update is open.
    await open_correction(bot, admin, "email")
    await bot.send(admin, "sari@contoh.id")
    await bot.press(sari, t(Text.BTN_UPDATE_SAVE))
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None
    assert (lead.answers["phone"], lead.answers["email"]) == (NEW_PHONE_STORED, "sari@contoh.id")


async def test_an_update_cannot_outlive_an_erasure_nor_a_stage_move(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    await bot.send(sari, "/daftar")
    (review,) = await bot.press(sari, t(Text.BTN_UPDATE_REGISTRATION))
    # Staff move the lead while the talent updates it: both take effect, nothing is refused.
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, stage_button("ditinjau"))
    await bot.press(sari, t(Text.BTN_EDIT))
    await bot.press(sari, question_label("city"))
    await bot.send(sari, "Cimahi")
    await bot.press(sari, t(Text.BTN_UPDATE_SAVE))
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None and (lead.stage, lead.answers["city"]) == ("ditinjau", "Cimahi")

    # An update open when the talent erases their data goes with everything else.
    await bot.send(sari, "/daftar")
    (review,) = await bot.press(sari, t(Text.BTN_UPDATE_REGISTRATION))
    later = due_times((timedelta(hours=24),), datetime.now(UTC) + timedelta(days=1))
    assert await bot.store.reminders.due(later, 10) == []  # an open update is not reminded
    await bot.send(sari, "/hapusdata")
    await bot.press(sari, t(Text.BTN_CONFIRM_DELETE))
    (late,) = await bot.press(sari, t(Text.BTN_UPDATE_SAVE), message=review)
    assert late.text == shown(Text.INTAKE_GONE)
    assert await applications_of(bot, sari) == []
    assert await bot.store.leads.by_reference("KOC-000001") is None


async def test_texts_that_sent_talents_to_register_again_point_to_the_update() -> None:
    for language in ("id", "en"):
        command = "/daftar" if language == "id" else "/register"
        closed = CONTENT.stages["selesai"].message
        assert closed is not None
        texts = {
            "privacy": CONTENT.privacy.notice.get(language),
            "closed stage": closed.get(language),
        }
        update = visible(t(Text.BTN_UPDATE_REGISTRATION, language)).split(" ", 1)[1]
        for where_said, text in texts.items():
            assert command in text, where_said
            assert update in text, where_said


async def test_a_second_registration_started_by_mistake_can_be_thrown_away(bot: Harness) -> None:
    # A talents' review: a new registration started beside a sent one, then paused, could
    # only be finished or erased with everything else; /daftar resumed it ever after, and
    # "Update my registration" was never offered again.
    ucok = bot.user(first_name="Ucok")
    assert await apply(bot, ucok, MUSICIAN) == "KOC-000001"
    await bot.send(ucok, "/daftar")
    await bot.press(ucok, t(Text.BTN_NEW_REGISTRATION))
    await answer(bot, ucok, "sector", "film")  # before any answer, ⏸ keeps nothing to throw
    [paused] = await bot.press(ucok, t(Text.BTN_PAUSE))  # at its second question
    assert paused.text == shown(Text.INTAKE_CANCELLED)
    assert paused.button_texts == [t(Text.BTN_DISCARD_DRAFT)]
    [asked] = await bot.press(ucok, t(Text.BTN_DISCARD_DRAFT))
    assert asked.text == shown(Text.INTAKE_DISCARD_ASKED)
    # Not sure after all: still paused, nothing deleted.
    [kept] = await bot.press(ucok, t(Text.BTN_DISCARD_NOT))
    assert kept.text == shown(Text.INTAKE_CANCELLED)
    assert await bot.store.applications.draft_for(ucok.id) is not None
    await bot.press(ucok, t(Text.BTN_DISCARD_DRAFT))
    [gone] = await bot.press(ucok, t(Text.BTN_DISCARD_SURE), message=asked)
    assert gone.text == shown(Text.INTAKE_DRAFT_DISCARDED)
    assert await bot.store.applications.draft_for(ucok.id) is None
    assert await bot.store.applications.submitted_count(ucok.id) == 1  # the sent one stays
    [choice] = await bot.send(ucok, "/daftar")
    assert choice.button_texts == [t(Text.BTN_UPDATE_REGISTRATION), t(Text.BTN_NEW_REGISTRATION)]


async def test_a_registered_talent_asking_to_change_an_answer_gets_the_update_choice(
    bot: Harness,
) -> None:
    # A talents' review: "bang mau ganti kota dong…" got "I have no answer for that"; only a
    # second phrasing reached the FAQ line saying to type /daftar and press Update.
    dimas = bot.user(first_name="Dimas")
    assert await apply(bot, dimas, MUSICIAN) == "KOC-000001"
    for typed in (
        "bang mau ganti kota dong, skrg gw pindah ke gowa",
        "Apakah boleh saya menambahkan link YouTube?",
        "can I update my phone number?",
    ):
        [choice] = await bot.send(dimas, typed)
        assert "KOC-000001" in choice.text, typed
        assert choice.button_texts[0] == t(Text.BTN_UPDATE_REGISTRATION), typed
    [review] = await bot.press(dimas, t(Text.BTN_UPDATE_REGISTRATION))
    assert review.text.startswith("✏️ Perbarui pendaftaran KOC-000001")
    # Not a change of what was sent: the bot's language is its own setting.
    await bot.press(dimas, t(Text.BTN_UPDATE_DISCARD))
    [language] = await bot.send(dimas, "ganti bahasa dong")
    assert t(Text.BTN_UPDATE_REGISTRATION) not in language.button_texts
    # Nor a link elsewhere that is wrong, nor a second question (an attacker's review).
    for typed in (
        "Link pendaftaran BIFF salah kak, ga bisa dibuka",
        "Saya ingin mengubah data dan mau tanya jadwal MU:CON kapan?",
    ):
        replies = await bot.send(dimas, typed)
        assert all(t(Text.BTN_UPDATE_REGISTRATION) not in r.button_texts for r in replies), typed
    # With a new registration paused, /daftar would resume it: the wish is left to the FAQ.
    await bot.send(dimas, "/daftar")
    await bot.press(dimas, t(Text.BTN_NEW_REGISTRATION))
    await answer(bot, dimas, "sector", "film")  # before any answer, ⏸ keeps nothing to resume
    await bot.press(dimas, t(Text.BTN_PAUSE))
    replies = await bot.send(dimas, "email saya salah, mau ganti")
    assert all(t(Text.BTN_UPDATE_REGISTRATION) not in r.button_texts for r in replies)
    draft = await bot.store.applications.draft_for(dimas.id)
    assert draft is not None and not draft.active  # still paused, not resumed
    # Someone who never sent a registration has nothing to update: no such choice.
    budi = bot.user(first_name="Budi")
    await bot.send(budi, "/start")
    replies = await bot.send(budi, "mau ganti email")
    assert all(t(Text.BTN_UPDATE_REGISTRATION) not in reply.button_texts for reply in replies)


async def test_a_manager_with_two_bands_tells_their_registrations_apart(bot: Harness) -> None:
    """A talents' review s58, M7: Bonar registered his band and the band he manages; /status
    and the list under /daftar showed "KOC-000002 · dikirim 7 Desember 2026" and the same
    for KOC-000001. Beside each reference now: its stage or band name, else the full name."""
    bonar = bot.user(first_name="Bonar")
    assert await apply(bot, bonar, {**MUSICIAN, "stage_name": "Batak Thunder"}) == "KOC-000001"
    assert await apply(bot, bonar, {**MUSICIAN, "stage_name": "Toba <Riot> & Co"}) == "KOC-000002"
    named = {"KOC-000002": "Toba <Riot> & Co", "KOC-000001": "Batak Thunder"}  # newest first
    sent = {
        str(row["reference"]): CONTENT.date_text(to_wib(row["submitted_at"]).date(), "id")
        for row in await bot.store.db.fetch_all("SELECT reference, submitted_at FROM applications")
    }
    waiting = pipeline_stages.talent_label(CONTENT, "baru", "id")
    (status,) = await bot.send(bonar, "/status")
    items = [
        shown(Text.STATUS_ITEM, reference=ref, name=name, date=sent[ref], stage=waiting)
        for ref, name in named.items()
    ]
    assert "\n\n".join(items) in status.text
    (choice,) = await bot.send(bonar, "/daftar")
    music = label("sector", "music")
    listed = [
        shown(Text.UPDATE_CHOOSE_ITEM, reference=ref, name=name, sector=music, date=sent[ref])
        for ref, name in named.items()
    ]
    assert "\n".join(listed) in choice.text
    for name in named.values():  # as typed, HTML and all
        assert name in status.text and name in choice.text
    # No stage name given: the full name.
    budi = bot.user(first_name="Budi")
    assert await apply(bot, budi, FILMMAKER) == "KOC-000003"
    (status,) = await bot.send(budi, "/status")
    assert "KOC-000003 · Budi Santoso · " in status.text
