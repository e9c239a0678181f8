"""An update that corrects a sent registration's age to under 18 (a talents' review s62: Kevin,
16, registered as 18-24; his mother corrects the age in /daftar → Perbarui).

H1: "Belum ada persetujuan" at the guardian's consent said "Jawaban formulir ini sudah kami
hapus", while KOC-000001 stayed as sent, an adult's, and staff heard nothing. Now the talent
is told before pressing what it does, the registration is cancelled as a talent's cancel
cancels it, marked with when the account said under 18, and staff are told why.

L7: with the guardian's consent given, the staff alert said "Usia: 18-24 → Di bawah 18" and
nothing of the consent: it says the consents now, the guardian's among them.
"""

from __future__ import annotations

from typing import Any

from bot.content import Markup
from bot.emulator import EmulatedUser
from bot.leads.export import wib_words
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, label, rendered, shown, where
from tests.test_pipeline import label as stage_label
from tests.test_pipeline import rows, t, visible
from tests.test_records_staff import question_label

AGE = MUSICIAN["age_range"]  # an adult's
ADULT = label("age_range", AGE)
UNDER_18 = label("age_range", "under_18")


async def _age_corrected_to_under_18(bot: Harness, kevin: EmulatedUser) -> Any:
    """Kevin's sent registration (an adult's age), then /daftar → Perbarui → Ubah jawaban → Usia →
    Di bawah 18: the guardian's consent, as shown."""
    assert await apply(bot, kevin, MUSICIAN) == "KOC-000001"
    return await under_18_in_update(bot, kevin, t(Text.BTN_UPDATE_REGISTRATION))


async def under_18_in_update(bot: Harness, talent: EmulatedUser, update: str) -> Any:
    """/daftar → `update` (the button of the sent registration to update) → Ubah jawaban →
    Usia → Di bawah 18: the guardian's consent, as shown."""
    await bot.send(talent, "/daftar")
    await bot.press(talent, update)
    await bot.press(talent, t(Text.BTN_EDIT))
    await bot.press(talent, question_label("age_range"))
    (guardian,) = await bot.press(talent, UNDER_18)
    assert await where(bot, talent) == "guardian"
    return guardian


async def test_no_guardian_consent_in_an_update_cancels_the_sent_registration_and_tells_staff(
    bot: Harness, staff_chat: Any
) -> None:
    kevin = bot.user(first_name="Kevin")
    guardian = await _age_corrected_to_under_18(bot, kevin)
    # Said before the press: what "Belum ada persetujuan" does to the sent one.
    note = shown(
        Text.INTAKE_GUARDIAN_UPDATE_NOTE, button=t(Text.BTN_GUARDIAN_NO), reference="KOC-000001"
    )
    assert guardian.text == f"{rendered(CONTENT.privacy.guardian_notice.id)}\n\n{note}"

    mark = staff_chat.mark()
    (told,) = await bot.press(kevin, t(Text.BTN_GUARDIAN_NO))
    # The talent is told what became of KOC-000001, not that "this form's answers" went.
    assert told.text == shown(Text.INTAKE_GUARDIAN_WITHDRAWN, reference="KOC-000001")
    assert told.text != shown(Text.INTAKE_GUARDIAN_DECLINED)

    # Stored: the lead closed and cancelled by the talent, the update's draft gone, the
    # guardian's "no" kept, and the lead marked with when the account said under 18.
    ((stage, withdrawn, said_at, age),) = rows(
        bot.database,
        "SELECT p.stage, p.talent_withdrawn_at, a.said_under_18_at, w.value"
        " FROM applications a JOIN lead_pipeline p ON p.application_id = a.id"
        " JOIN answers w ON w.application_id = a.id AND w.question_key = 'age_range'"
        " WHERE a.reference = 'KOC-000001'",
    )
    assert (stage, withdrawn is not None) == ("selesai", True)
    declared = await bot.store.applications.age_declaration(kevin.id)
    assert declared is not None and said_at == declared.declared_at
    assert age == f'"{AGE}"'  # the under-18 age is not stored without the consent
    assert await bot.store.applications.draft_for(kevin.id) is None
    consents = await bot.store.applications.consents(kevin.id)
    assert consents["guardian"].granted is False

    # Staff hear it as a cancel the bot made (not the talent's own: a review s63, L1), with
    # why and the age the lead still says, in both languages.
    (alert,) = staff_chat.find("KOC-000001", since=mark)
    header = t(
        Text.CANCEL_STAFF_ALERT_MINOR,
        reference="KOC-000001",
        name="Kevin",
        user_id=str(kevin.id),
        stage=stage_label("selesai"),
        gloss=Markup(t(Text.CANCEL_STAFF_ALERT_MINOR_GLOSS, "en")),
    )
    assert alert.text.startswith("🚫 KOC-000001 dibatalkan otomatis karena talentanya (Kevin")
    assert "sendiri" not in alert.text and "by the registrant" not in alert.text
    why = t(Text.CANCEL_STAFF_ALERT_UNDER_18, age=ADULT)
    why_en = CONTENT.text(Text.CANCEL_STAFF_ALERT_UNDER_18, "en", age=label("age_range", AGE, "en"))
    assert alert.text == visible(f"{header}\n{why}\n{why_en}")

    # The lead says it where staff act on it: cancelled, and said under 18.
    admin = bot.emulator.user(ADMIN_ID)
    page = "\n".join(message.text for message in await bot.send(admin, "/lead KOC-000001"))
    assert shown(Text.LEAD_SAID_UNDER_18, time=wib_words(CONTENT, said_at, "id")) in page
    assert "🚫" in page

    # /status says it is cancelled; /daftar offers its answers again, the age asked anew.
    (status,) = await bot.send(kevin, "/status")
    assert t(Text.BTN_CANCEL_REGISTRATION) not in status.button_texts
    await bot.send(kevin, "/daftar")
    (asked,) = await bot.press(kevin, t(Text.BTN_REUSE_ANSWERS))
    assert asked.text.startswith(shown(Text.INTAKE_REUSED_AGE, reference="KOC-000001"))
    assert await where(bot, kevin) == "age_range"


async def test_a_guardians_consent_given_in_an_update_is_in_the_staff_alert(
    bot: Harness, staff_chat: Any
) -> None:
    kevin = bot.user(first_name="Kevin")
    await _age_corrected_to_under_18(bot, kevin)
    await bot.press(kevin, t(Text.BTN_GUARDIAN_YES))
    assert await where(bot, kevin) == "review"
    mark = staff_chat.mark()
    (saved,) = await bot.press(kevin, t(Text.BTN_UPDATE_SAVE))
    assert saved.text.startswith("✅ Perubahanmu sudah tersimpan di pendaftaran KOC-000001")
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None and lead.answers["age_range"] == "under_18"

    (alert,) = staff_chat.messages_since(mark)
    assert f"{question_label('age_range')}: {ADULT} → {UNDER_18}" in alert.text
    guardian = shown(Text.LEAD_CONSENT_YES, label=t(Text.LEAD_CONSENT_GUARDIAN))
    consents = alert.text.split("\n")[-1]
    assert consents.startswith(visible(t(Text.LEAD_ALERT_CONSENTS, consents="")))
    assert guardian in consents
    assert shown(Text.LEAD_CONSENT_YES, label=t(Text.EXPORT_COL_CONSENT_PROCESSING)) in consents

    # Another answer changed later: no consents line (the age did not change).
    await bot.send(kevin, "/daftar")
    await bot.press(kevin, t(Text.BTN_UPDATE_REGISTRATION))
    await bot.press(kevin, t(Text.BTN_EDIT))
    await bot.press(kevin, question_label("phone"))
    await bot.send(kevin, "0813 1111 2222")
    mark = staff_chat.mark()
    await bot.press(kevin, t(Text.BTN_UPDATE_SAVE))
    (alert,) = staff_chat.messages_since(mark)
    assert "+6281311112222" in alert.text
    assert guardian not in alert.text
