"""Under 18 and "Belum ada persetujuan" (no guardian's consent yet), and what else the talent
still had on a consent no guardian gave (a talents' review s62, after H1's fix).

An update's "no" cancelled the registration updated, but the talent kept getting program news,
their other registrations sent with an adult age stayed open and unmarked, and the lead's
history said only "talenta membatalkan pendaftaran ini sendiri". Now each of those registrations
is cancelled and marked too (said before the press), news stops as /berhenti stops it (said in
the same reply, with /langganan once a guardian agrees), staff hear all of it, and the history
says why. A new form's "no" stops news the same way.
"""

from __future__ import annotations

from typing import Any

from bot.emulator import EmulatedUser
from bot.leads.export import wib_words
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, answer, apply, consent, label, shown, where
from tests.test_pipeline import rows, t, visible
from tests.test_records_staff import question_label

UNDER_18 = label("age_range", "under_18")


async def _subscribed(bot: Harness, talent: EmulatedUser) -> None:
    (said,) = await bot.send(talent, "/langganan")
    assert said.text == shown(Text.SUBSCRIBED)


async def _news_on(bot: Harness, talent: EmulatedUser) -> bool:
    user = await bot.store.users.get(talent.id)
    return user is not None and user.subscribed


async def test_no_guardian_consent_in_an_update_cancels_every_adult_registration_and_news(
    bot: Harness, staff_chat: Any
) -> None:
    kevin = bot.user(first_name="Kevin")
    await _subscribed(bot, kevin)
    assert await apply(bot, kevin, MUSICIAN) == "KOC-000001"
    assert await apply(bot, kevin, FILMMAKER) == "KOC-000002"
    # His mother corrects the music one's age: /daftar → Perbarui KOC-000001 → Usia.
    await bot.send(kevin, "/daftar")
    await bot.press(kevin, t(Text.BTN_UPDATE_ONE, reference="KOC-000001"))
    await bot.press(kevin, t(Text.BTN_EDIT))
    await bot.press(kevin, question_label("age_range"))
    (guardian,) = await bot.press(kevin, UNDER_18)
    assert await where(bot, kevin) == "guardian"
    # Before the press: that the film one goes too.
    also = shown(Text.INTAKE_GUARDIAN_UPDATE_NOTE_OTHERS, references="KOC-000002")
    assert guardian.text.endswith(also)

    mark = staff_chat.mark()
    (told,) = await bot.press(kevin, t(Text.BTN_GUARDIAN_NO))
    withdrawn = shown(Text.INTAKE_GUARDIAN_WITHDRAWN, reference="KOC-000001")
    others = shown(Text.INTAKE_GUARDIAN_WITHDRAWN_OTHERS, references="KOC-000002")
    news = shown(Text.INTAKE_GUARDIAN_NEWS_STOPPED)
    assert told.text == f"{withdrawn}\n\n{others}\n\n{news}"

    # Stored: both closed, cancelled and marked; news off, as /berhenti records it.
    stored = rows(
        bot.database,
        "SELECT a.reference, p.stage, p.talent_withdrawn_at IS NOT NULL,"
        " a.said_under_18_at IS NOT NULL FROM applications a"
        " JOIN lead_pipeline p ON p.application_id = a.id ORDER BY a.id",
    )
    assert stored == [("KOC-000001", "selesai", 1, 1), ("KOC-000002", "selesai", 1, 1)]
    assert not await _news_on(bot, kevin)
    assert (await bot.store.applications.consents(kevin.id))["announcements"].granted is False

    # Staff hear the cancel with everything it did, in both languages.
    (alert,) = staff_chat.find("KOC-000001", since=mark)
    lines = visible(alert.text).split("\n")
    assert lines[-4:] == [
        visible(t(Text.CANCEL_STAFF_ALERT_UNDER_18_OTHERS, references="KOC-000002")),
        CONTENT.text(Text.CANCEL_STAFF_ALERT_UNDER_18_OTHERS, "en", references="KOC-000002"),
        visible(t(Text.CANCEL_STAFF_ALERT_UNDER_18_NEWS)),
        CONTENT.text(Text.CANCEL_STAFF_ALERT_UNDER_18_NEWS, "en"),
    ]

    # Each lead's history says why, in the chat.
    admin = bot.emulator.user(ADMIN_ID)
    when = rows(bot.database, "SELECT talent_withdrawn_at FROM lead_pipeline ORDER BY 1")
    for reference, (at,) in zip(("KOC-000001", "KOC-000002"), when, strict=True):
        page = "\n".join(item.text for item in await bot.send(admin, f"/lead {reference}"))
        why = t(Text.RECORDS_HISTORY_TALENT_WITHDREW_UNDER_18, time=wib_words(CONTENT, at, "id"))
        assert visible(why) in page
        assert "talenta membatalkan pendaftaran ini sendiri" not in page

    # Program news no longer reaches him.
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
