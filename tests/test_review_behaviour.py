"""What the language review (2026-12-03) and the newcomer try-out (issue 27) found beyond
wording, walked through the real bot: /dataku without null, islands offering their
provinces, "7 tahun" and "belum ada" accepted, the guardian line only where it applies, a
full Telegram name greeted by its first word, /status naming an unfinished form, no pointer
to /tanya when it is off, and the history and preview staff read about talent updates."""

from __future__ import annotations

import re
from typing import Any

from bot.emulator import EmulatedUser
from bot.leads.answer_outcomes import NONE_YET
from bot.store.audit import Actor
from bot.store.pipeline import HistoryItem
from bot.texts import Text
from handlers import pipeline_views
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    MUSICIAN,
    answer,
    apply,
    consent,
    data_copy,
    label,
    opening,
    rendered,
    shown,
    where,
)

_ASK = re.compile(r"(?<![\w/])/(?:tanya|ask)\b")


async def _start(bot: Harness, user: EmulatedUser, *keys: str) -> None:
    """/daftar, consent, then the musician's answers to these questions."""
    await bot.send(user, "/daftar")
    await consent(bot, user)
    for key in keys:
        await answer(bot, user, key, MUSICIAN[key])


async def test_my_data_never_shows_null_none_or_raw_json_words(bot: Harness) -> None:
    """No last name, no username, a skipped answer, choices half picked in a paused form."""
    rina = bot.user(first_name="Rina")
    await _start(bot, rina, "sector", "age_range", "full_name")
    await answer(bot, rina, "stage_name", None)  # skipped
    await answer(bot, rina, "music_role", MUSICIAN["music_role"])
    await bot.press(rina, label("genres", "jazz"))
    await bot.press(rina, CONTENT.text(Text.BTN_PAUSE, "id"))
    mark = rina.mark()
    await bot.send(rina, "/dataku")
    document, _summary = rina.messages_since(mark)
    assert document.document is not None
    payload = document.document[1].decode()
    # JSON's own words for nothing and for flags, and Python's, never reach the talent.
    assert not re.search(r'(?<!")\b(?:null|true|false)\b', payload), payload
    assert '"None"' not in payload and "None" not in payload
    copy = data_copy(document.document[1])
    profile = copy[CONTENT.text(Text.MYDATA_SECTION_PROFILE, "id")]
    assert profile[CONTENT.text(Text.MYDATA_FIELD_LAST_NAME, "id")] == "—"
    [registration] = copy[CONTENT.text(Text.MYDATA_SECTION_REGISTRATIONS, "id")]
    # The choice being picked reads as its label, not as stored JSON (["jazz"]).
    assert registration[CONTENT.text(Text.MYDATA_FIELD_PENDING, "id")] == label("genres", "jazz")
    skipped = {
        row[CONTENT.text(Text.MYDATA_FIELD_QUESTION, "id")]: row
        for row in registration[CONTENT.text(Text.MYDATA_FIELD_ANSWERS, "id")]
    }[CONTENT.questions["stage_name"].label.id]
    assert skipped[CONTENT.text(Text.MYDATA_FIELD_ANSWER, "id")] == "—"
    assert CONTENT.text(Text.MYDATA_FIELD_STORED, "id") not in skipped


async def test_an_island_typed_for_the_province_offers_the_provinces_on_it(bot: Harness) -> None:
    rina = bot.user()
    await _start(bot, rina, "sector", "age_range", "full_name", "stage_name", "music_role")
    await answer(bot, rina, "genres", ["pop"])
    assert await where(bot, rina) == "province"
    for typed, island in (("Sumatra", "Sumatera"), ("papua", "Papua"), ("Jawa", "Jawa")):
        [reply] = await bot.send(rina, typed)
        assert shown(Text.INTAKE_PROVINCE_MATCHES) in reply.text
        provinces = next(item for item in CONTENT.intake.islands if island in item.names)
        labels = [CONTENT.provinces[value].label.id for value in provinces.provinces]
        assert [b for b in reply.button_texts if b in labels] == labels, typed
    assert "Papua Tengah" in labels or "Jawa Timur" in labels
    await bot.press(rina, "DI Yogyakarta")  # from the last list: Jawa
    assert await where(bot, rina) == "city"
    draft = await bot.store.applications.draft_for(rina.id)
    assert draft is not None
    assert (await bot.store.applications.answers(draft.id))["province"] == "di_yogyakarta"


async def test_years_with_their_unit_and_no_portfolio_yet_are_accepted(
    bot: Harness, staff_chat: Any
) -> None:
    """A newcomer types "7 tahun" and has no work online yet: they can still finish, and
    staff read the answer plainly."""
    rina = bot.user(first_name="Rina")
    await bot.send(rina, "/daftar")
    await consent(bot, rina)
    for key, value in MUSICIAN.items():
        if key == "experience_years":
            await bot.send(rina, "7 tahun")
        elif key == "portfolio_url":
            await bot.send(rina, "Belum ada")
        else:
            await answer(bot, rina, key, value)
    assert await where(bot, rina) == "review"
    draft = await bot.store.applications.draft_for(rina.id)
    assert draft is not None
    stored = await bot.store.applications.answers(draft.id)
    assert stored["experience_years"] == 7
    assert stored["portfolio_url"] == NONE_YET
    none_label = CONTENT.questions["portfolio_url"].none_label
    assert none_label is not None
    assert f"{CONTENT.questions['portfolio_url'].label.id}: {none_label.id}" in (
        rina.last_message.text
    )
    await bot.press(rina, CONTENT.text(Text.BTN_SUBMIT, "id"))
    alert = next(m for m in reversed(staff_chat.messages) if "KOC-000001" in m.text)
    assert none_label.id in alert.text and NONE_YET not in alert.text


async def test_the_guardian_line_shows_only_where_a_guardian_was_asked(bot: Harness) -> None:
    guardian = CONTENT.text(Text.CONSENT_KIND_GUARDIAN, "id")
    adult, minor = bot.user(), bot.user()
    await _start(bot, adult, "sector", "age_range")
    await bot.send(adult, "/privasi")
    [screen] = await bot.press(adult, CONTENT.text(Text.BTN_MY_CONSENTS, "id"))
    assert guardian not in screen.text
    assert CONTENT.text(Text.CONSENT_KIND_PROCESSING, "id") in screen.text
    await bot.send(minor, "/daftar")
    await consent(bot, minor)
    await answer(bot, minor, "sector", "music")
    await answer(bot, minor, "age_range", "under_18")
    await bot.press(minor, CONTENT.text(Text.BTN_GUARDIAN_YES, "id"))
    await bot.send(minor, "/privasi")
    [screen] = await bot.press(minor, CONTENT.text(Text.BTN_MY_CONSENTS, "id"))
    assert guardian in screen.text


async def test_a_full_telegram_name_is_greeted_by_its_first_word(bot: Harness) -> None:
    """As stage messages and reminders greet her: "Halo, Rina!", never her full legal name."""
    rina = bot.user(first_name="Rina Ayu Pratiwi")
    [start] = await bot.send(rina, "/start")
    assert start.text.startswith(shown(Text.GREETING, first_name="Rina"))
    assert "Pratiwi" not in start.text
    [hello] = await bot.send(rina, "halo kak")
    assert hello.text == shown(Text.ASK_GREETING, first_name="Rina")


async def test_status_names_an_unfinished_form_with_a_way_back_to_it(bot: Harness) -> None:
    rina = bot.user()
    await _start(bot, rina, "sector", "age_range")
    await bot.send(rina, "/batal")
    [status] = await bot.send(rina, "/status")
    assert status.text == shown(Text.STATUS_UNFINISHED)
    [resumed] = await bot.press(rina, CONTENT.text(Text.BTN_REMINDER_CONTINUE, "id"))
    assert resumed.text.startswith(shown(Text.INTAKE_RESUMED))
    budi = bot.user(first_name="Budi")
    reference = await apply(bot, budi, MUSICIAN)
    await bot.send(budi, "/daftar")  # a second registration, left halfway
    await bot.press(budi, CONTENT.text(Text.BTN_NEW_REGISTRATION, "id"))
    [status] = await bot.send(budi, "/status")
    assert reference in status.text and status.text.endswith(shown(Text.STATUS_UNFINISHED))
    await bot.send(bot.user(), "/status")  # nothing at all: the usual line
    assert bot.emulator.user(budi.id + 1).last_message.text == shown(Text.STATUS_NONE)


async def test_with_asking_off_no_reply_points_talents_to_tanya(make_bot: Any) -> None:
    bot: Harness = await make_bot()  # no STAFF_CHAT_ID: /tanya is closed
    rina = bot.user()
    replies = [
        *await bot.send(rina, "/start"),
        *await bot.send(rina, "Halo, aku mau tanya soal MU:CON"),  # unknown text
        *await bot.send(rina, "/bantuan"),
        *await bot.send(rina, "/faq"),
    ]
    kocca = CONTENT.faq["kocca_jakarta"].question.id
    replies += await bot.press(rina, kocca)
    replies += await bot.send(rina, "/privasi")
    await apply(bot, rina, MUSICIAN)
    replies += await bot.send(rina, "/dataku")
    for reply in replies:
        assert not _ASK.search(reply.text), reply.text
    listed = {c["command"] for c in bot.emulator.commands_for(language_code="id")}
    assert "daftar" in listed and "tanya" not in listed  # nor in Telegram's command menu
    assert CONTENT.faq["ask_human"].question.id not in replies[3].button_texts
    assert "/daftar" in replies[2].text  # the rest of the help is still there


async def test_history_says_queued_until_delivered_and_the_preview_names_status(
    bot: Harness, staff_chat: Any
) -> None:
    def line(delivery: str | None, language: str) -> str:
        item = HistoryItem(
            "stage",
            "ditinjau",
            "shortlist",
            Actor("telegram", ADMIN_ID),
            True,
            "2026-12-03T11:58:00+00:00",
            delivery,
        )
        return pipeline_views._history_line(CONTENT, language, item, {ADMIN_ID: "Admin"})

    assert line("pending", "en").endswith("(update queued)")
    assert line("sending", "id").endswith(
        f"({rendered(CONTENT.text(Text.PIPELINE_HISTORY_QUEUED, 'id'))})"
    )
    assert line("sent", "en").endswith("(update sent)")
    assert line("blocked", "en").endswith("(update not delivered)")
    # The preview tells staff that "Don't notify" still shows the new stage in /status.
    await apply(bot, bot.user(), MUSICIAN)
    admin = staff_chat.members[ADMIN_ID]
    await bot.send(admin, "/lead KOC-000001")
    shortlist = CONTENT.stages["shortlist"].label.id
    intro, _preview = (await bot.press(admin, shortlist))[-2:]
    assert intro.text.startswith(
        opening(Text.PIPELINE_PREVIEW_INTRO, reference="KOC-000001", stage=shortlist)
    )
    no_update = CONTENT.text(Text.BTN_NO_UPDATE, "id")
    # Said as a choice of theirs, with the button's own words (a review: "Dengan Tanpa kabar").
    assert (
        f"Kalau kamu pilih {no_update}, pesan ini tidak dikirim, tapi talenta tetap bisa melihat"
        " tahap barunya di /status." in intro.text
    )
