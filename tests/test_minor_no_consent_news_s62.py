"""Under 18 and "Belum ada persetujuan" (no guardian's consent yet), and what else the talent
still had on a consent no guardian gave (a talents' review s62, after H1's fix).

An update's "no" cancelled the registration updated, but the talent kept getting program news
and the lead's history said only "talenta membatalkan pendaftaran ini sendiri". Now news stops
as /berhenti stops it (said in the same reply, with /langganan once a guardian agrees) and the
history says why. The account's other registrations stay open: one account may register
several people (a review s62, H2: Ibu Ratna's own, 35-44, was cancelled as a minor's when she
corrected her son's age); the talent is told so before and after the press, and staff are told
to check whose they are (M2: their assignees too, without a staff chat). A new form's "no"
stops news the same way.
"""

from __future__ import annotations

from typing import Any

from bot.emulator import EmulatedUser
from bot.leads.export import wib_words
from bot.store.audit import TELEGRAM, Actor
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, answer, apply, consent, shown, where
from tests.test_pipeline import rows, t, visible
from tests.test_update_under_18_s62 import under_18_in_update


async def _subscribed(bot: Harness, talent: EmulatedUser) -> None:
    (said,) = await bot.send(talent, "/langganan")
    assert said.text == shown(Text.SUBSCRIBED)


async def _news_on(bot: Harness, talent: EmulatedUser) -> bool:
    user = await bot.store.users.get(talent.id)
    return user is not None and user.subscribed


async def _dimas_under_18(bot: Harness, ratna: EmulatedUser) -> Any:
    """Ibu Ratna registers herself (film, 35-44) and her son Dimas (music, an adult's age by
    mistake) from her own account, as the form invites, then corrects Dimas's age: /daftar →
    Perbarui KOC-000002 → Usia → Di bawah 18. The guardian's consent, as shown."""
    ratna_lead = {**FILMMAKER, "full_name": "Ratna Handayani"}
    assert await apply(bot, ratna, ratna_lead) == "KOC-000001"
    assert await apply(bot, ratna, {**MUSICIAN, "full_name": "Dimas Pratama"}) == "KOC-000002"
    return await under_18_in_update(bot, ratna, t(Text.BTN_UPDATE_ONE, reference="KOC-000002"))


async def test_no_guardian_consent_in_an_update_cancels_that_registration_only_and_news(
    bot: Harness, staff_chat: Any
) -> None:
    ratna = bot.user(first_name="Ratna")
    await _subscribed(bot, ratna)
    guardian = await _dimas_under_18(bot, ratna)
    # Before the press: her own registration is not cancelled with Dimas's (a review s62, H2).
    also = shown(Text.INTAKE_GUARDIAN_UPDATE_NOTE_OTHERS, references="KOC-000001")
    assert guardian.text.endswith(also)
    assert "(KOC-000001) tidak ikut dibatalkan" in guardian.text

    mark = staff_chat.mark()
    (told,) = await bot.press(ratna, t(Text.BTN_GUARDIAN_NO))
    withdrawn = shown(Text.INTAKE_GUARDIAN_WITHDRAWN, reference="KOC-000002")
    others = shown(Text.INTAKE_GUARDIAN_WITHDRAWN_OTHERS, references="KOC-000001")
    news = shown(Text.INTAKE_GUARDIAN_NEWS_STOPPED)
    assert told.text == f"{withdrawn}\n\n{others}\n\n{news}"
    assert "(KOC-000001) tetap berjalan" in told.text
    assert "sudah kami batalkan" not in told.text.replace(withdrawn, "")

    # Stored: Dimas's closed, cancelled and marked as a minor's; hers open and unmarked;
    # news off, as /berhenti records it (the account said a minor uses it).
    stored = rows(
        bot.database,
        "SELECT a.reference, p.stage, p.talent_withdrawn_at IS NOT NULL,"
        " a.said_under_18_at IS NOT NULL FROM applications a"
        " JOIN lead_pipeline p ON p.application_id = a.id ORDER BY a.id",
    )
    assert stored == [("KOC-000001", "baru", 0, 0), ("KOC-000002", "selesai", 1, 1)]
    assert not await _news_on(bot, ratna)
    assert (await bot.store.applications.consents(ratna.id))["announcements"].granted is False

    # Staff hear the cancel, that her other one is still open (whose to check), and the news.
    (alert,) = staff_chat.find("KOC-000002", since=mark)
    lines = visible(alert.text).split("\n")
    assert lines[-4:] == [
        visible(t(Text.CANCEL_STAFF_ALERT_UNDER_18_OTHERS, references="KOC-000001")),
        CONTENT.text(Text.CANCEL_STAFF_ALERT_UNDER_18_OTHERS, "en", references="KOC-000001"),
        visible(t(Text.CANCEL_STAFF_ALERT_UNDER_18_NEWS)),
        CONTENT.text(Text.CANCEL_STAFF_ALERT_UNDER_18_NEWS, "en"),
    ]
    assert "KOC-000001. Itu tidak dibatalkan; cek milik siapa" in lines[-4]

    # Dimas's history says why; hers says nothing of a cancel.
    admin = bot.emulator.user(ADMIN_ID)
    ((at,),) = rows(bot.database, "SELECT MAX(talent_withdrawn_at) FROM lead_pipeline")
    page = "\n".join(item.text for item in await bot.send(admin, "/lead KOC-000002"))
    why = t(Text.RECORDS_HISTORY_TALENT_WITHDREW_UNDER_18, time=wib_words(CONTENT, at, "id"))
    assert visible(why) in page
    assert "talenta membatalkan pendaftaran ini sendiri" not in page
    page = "\n".join(item.text for item in await bot.send(admin, "/lead KOC-000001"))
    assert "🚫" not in page and "di bawah 18 tahun" not in page

    # Hers is still hers to cancel in /status, as the reply says.
    (status,) = await bot.send(ratna, "/status")
    assert t(Text.BTN_CANCEL_REGISTRATION) in status.button_texts

    # Program news no longer reaches the account.
    assert await bot.store.broadcasts.audience_count("all", None) == 0

    # A talent's own cancel keeps its words in the history.
    sari = bot.user(first_name="Sari")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000003"
    await bot.send(sari, "/status")
    await bot.press(sari, t(Text.BTN_CANCEL_REGISTRATION))
    await bot.press(sari, t(Text.BTN_CANCEL_YES))
    page = "\n".join(item.text for item in await bot.send(admin, "/lead KOC-000003"))
    assert "talenta membatalkan pendaftaran ini sendiri" in page
    assert "di bawah 18 tahun" not in page


async def test_no_guardian_consent_in_a_first_form_stops_program_news(bot: Harness) -> None:
    rani = bot.user(first_name="Rani")
    await _subscribed(bot, rani)  # from the menu's news, before registering
    await bot.send(rani, "/daftar")
    await consent(bot, rani)
    await answer(bot, rani, "sector", "music")
    await answer(bot, rani, "age_range", "under_18")
    assert await where(bot, rani) == "guardian"
    (told,) = await bot.press(rani, t(Text.BTN_GUARDIAN_NO))
    declined = shown(Text.INTAKE_GUARDIAN_DECLINED)
    assert told.text == f"{declined}\n\n{shown(Text.INTAKE_GUARDIAN_NEWS_STOPPED)}"
    assert not await _news_on(bot, rani)
    # Back once a guardian agrees: /langganan, as the reply says.
    await _subscribed(bot, rani)
    assert await _news_on(bot, rani)

    # Without news, nothing is said of it.
    dina = bot.user(first_name="Dina")
    await bot.send(dina, "/daftar")
    await consent(bot, dina)
    await answer(bot, dina, "sector", "film")
    await answer(bot, dina, "age_range", "under_18")
    (told,) = await bot.press(dina, t(Text.BTN_GUARDIAN_NO))
    assert told.text == declined


async def test_without_a_staff_chat_the_other_registrations_assignee_hears_it_too(
    make_bot: Any,
) -> None:
    """A review s62, M2: with no staff chat the alert went to the updated lead's assignee
    alone; the one assigned Ibu Ratna's own registration, which it names, heard nothing."""
    bot: Harness = await make_bot(admin_ids=frozenset({9001, 9002}), staff_chat_id=None)
    dimas_staff = bot.emulator.user(9001, first_name="Agus")
    ratna_staff = bot.emulator.user(9002, first_name="Wulan")
    dimas_staff.started = ratna_staff.started = True
    ratna = bot.user(first_name="Ratna")
    await _subscribed(bot, ratna)
    await _dimas_under_18(bot, ratna)
    await bot.store.pipeline.assign(1, Actor(TELEGRAM, 9001), 9002)  # hers
    await bot.store.pipeline.assign(2, Actor(TELEGRAM, 9001), 9001)  # Dimas's
    marks = dimas_staff.mark(), ratna_staff.mark()
    await bot.press(ratna, t(Text.BTN_GUARDIAN_NO))
    others = visible(t(Text.CANCEL_STAFF_ALERT_UNDER_18_OTHERS, references="KOC-000001"))
    for staff, mark in zip((dimas_staff, ratna_staff), marks, strict=True):
        (alert,) = staff.find("KOC-000002", since=mark)
        assert others in visible(alert.text).split("\n")
