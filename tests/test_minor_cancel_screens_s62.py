"""After the bot cancelled a registration because the talent said under 18 with no guardian's
consent yet (an update's "Belum ada persetujuan"), the later screens say so (a re-check s62,
N2: the reuse offer said "sudah kamu batalkan", ask mode and the undo wish "Pembatalan tidak bisa
diurungkan… kapan saja", /status "Kamu batalkan pada…" and "Berubah pikiran?", though the talent
never asked to cancel). A talent's own cancel keeps its words (tests/test_registering_again.py).
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.emulator import BotMessage, EmulatedUser
from bot.texts import Text
from bot.wib import to_wib
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, label, shown, where
from tests.test_pipeline import rows, t, visible


async def _withdrawn_as_minor(bot: Harness, kevin: EmulatedUser, language: str) -> BotMessage:
    """KOC-000001 sent with an adult age; updated to under 18, "Belum ada persetujuan". The
    /dataku summary shown before it is returned (its "Lihat & perbarui jawabanku" button)."""
    assert await apply(bot, kevin, MUSICIAN, language=language) == "KOC-000001"
    summary = (await bot.send(kevin, "/dataku" if language == "id" else "/mydata"))[-1]
    assert t(Text.BTN_MYDATA_SEE_ANSWERS, language) in summary.button_texts
    await bot.send(kevin, "/daftar" if language == "id" else "/register")
    await bot.press(kevin, t(Text.BTN_UPDATE_REGISTRATION, language))
    await bot.press(kevin, t(Text.BTN_EDIT, language))
    await bot.press(kevin, CONTENT.questions["age_range"].label.get(language))
    await bot.press(kevin, label("age_range", "under_18", language))
    assert await where(bot, kevin) == "guardian"
    (told,) = await bot.press(kevin, t(Text.BTN_GUARDIAN_NO, language))
    assert told.text == shown(Text.INTAKE_GUARDIAN_WITHDRAWN, language, reference="KOC-000001")
    return summary


# What the talent types, in each language: to register again, and to undo the cancel.
AGAIN = {"id": "aku mau daftar lagi", "en": "i want to register again, im 16 and my mom said ok"}
UNDO = {"id": "apakah pembatalan ini dapat saya urungkan?", "en": "can I undo the cancel"}


def _offer(language: str) -> str:
    return visible(t(Text.INTAKE_REUSE_OFFER_UNDER_18, language, reference="KOC-000001"))


@pytest.mark.parametrize("language", ["id", "en"])
async def test_after_an_under_18_cancel_the_offer_and_status_give_the_reason(
    bot: Harness, staff_chat: Any, language: str
) -> None:
    kevin = bot.user(first_name="Kevin", language_code=language)
    summary = await _withdrawn_as_minor(bot, kevin, language)

    # "aku mau daftar lagi": the offer, saying why it was cancelled, not "you cancelled it".
    *_, offer = await bot.send(kevin, AGAIN[language])
    assert offer.text == _offer(language)
    assert offer.button_texts == [
        t(Text.BTN_REUSE_ANSWERS, language),
        t(Text.BTN_REUSE_FRESH, language),
    ]

    # After /tanya too, and not relayed to staff.
    await bot.send(kevin, "/tanya" if language == "id" else "/ask")
    mark = staff_chat.mark()
    *_, offer = await bot.send(kevin, AGAIN[language])
    assert offer.text == _offer(language)
    assert staff_chat.messages_since(mark) == []

    # Asked whether the cancel can be undone: not "any time", but once a guardian agrees.
    *_, said = await bot.send(kevin, UNDO[language])
    assert said.text == f"{visible(t(Text.CANCEL_NOT_UNDONE_UNDER_18, language))}\n\n" + _offer(
        language
    )

    # /status: cancelled for want of consent, and the way back once a guardian agrees.
    (status,) = await bot.send(kevin, "/status")
    ((at,),) = rows(bot.database, "SELECT talent_withdrawn_at FROM lead_pipeline")
    day = CONTENT.date_text(to_wib(at).date(), language)
    assert visible(t(Text.STATUS_CANCELLED_UNDER_18, language, date=day)) in status.text
    assert visible(t(Text.STATUS_CANCELLED, language, date=day)) not in status.text
    assert status.text.endswith(visible(t(Text.STATUS_REGISTER_AGAIN_UNDER_18, language)))
    assert t(Text.BTN_APPLY, language) in status.button_texts

    # /dataku's button from before: cancelled for want of consent, and when; nothing opened.
    see = t(Text.BTN_MYDATA_SEE_ANSWERS, language)
    (pressed,) = await bot.press(kevin, see, message=summary)
    updated = t(Text.UPDATE_CANCELLED_UNDER_18, language, reference="KOC-000001", date=day)
    assert pressed.text == visible(updated)
    assert await where(bot, kevin) is None

    # The offer's answers: the age is asked again, as it says.
    await bot.send(kevin, "/daftar" if language == "id" else "/register")
    await bot.press(kevin, t(Text.BTN_REUSE_ANSWERS, language))
    assert await where(bot, kevin) == "age_range"
