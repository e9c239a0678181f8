"""A likely typo in an email address at the intake: asked about, never stored unseen."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.emulator.client import EmulatedUser
from bot.logs import OWN_LOGGERS
from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    MUSICIAN,
    answer,
    at_question,
    copy_label,
    data_copy,
    section,
    shown,
    where,
)
from tests.leads import apply as register_lead
from tests.test_pipeline import admin_of, t
from tests.test_records_staff import open_correction

TYPO = "dewi@gmial.com"
MEANT = "dewi@gmail.com"


async def _stored(bot: Harness, user: EmulatedUser) -> dict[str, Any]:
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None
    return await bot.store.applications.answers(draft.id)


def _use(address: str, language: str = "id") -> str:
    return CONTENT.text(Text.BTN_EMAIL_SUGGESTED, language, address=address)


def _keep(address: str, language: str = "id") -> str:
    return CONTENT.text(Text.BTN_EMAIL_AS_TYPED, language, address=address)


def _asked(language: str = "id") -> str:
    return shown(Text.INTAKE_EMAIL_SUGGESTION, language, suggested=MEANT, typed=TYPO)


@pytest.mark.parametrize("language", ["id", "en"])
async def test_a_typo_in_the_domain_is_asked_about_not_stored(
    bot: Harness, language: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    user = await at_question(bot, "email", language)
    [reply] = await bot.send(user, TYPO)
    assert _asked(language) in reply.text
    assert CONTENT.questions["email"].prompt.get(language) in reply.text  # still the question
    assert {_use(MEANT, language), _keep(TYPO, language)} <= set(reply.button_texts)
    assert _use(MEANT, "id") == "✅ dewi@gmail.com"
    assert all(len(data.encode()) <= 64 and "@" not in data for data in reply.callback_data)
    assert await where(bot, user) == "email"
    assert "email" not in await _stored(bot, user)
    # The bot's own log lines name talents by id: the address is in none of them.
    own = [r.getMessage() for r in caplog.records if r.name.split(".")[0] in OWN_LOGGERS]
    assert not [line for line in own if TYPO in line or MEANT in line]


async def test_a_typo_in_an_address_in_a_sentence_is_asked_about(bot: Harness) -> None:
    # The one address of a sentence is taken, then checked like one typed alone.
    user = await at_question(bot, "email")
    [reply] = await bot.send(user, f"email saya {TYPO} kak")
    assert _asked() in reply.text
    assert _use(MEANT) in reply.button_texts
    assert "email" not in await _stored(bot, user)


async def test_the_suggested_address_is_stored_and_the_form_goes_on(bot: Harness) -> None:
    user = await at_question(bot, "email")
    await bot.send(user, TYPO)
    await bot.restart()  # the suggestion waits in SQLite, not in memory
    [reply] = await bot.press(user, _use(MEANT))
    assert (await _stored(bot, user))["email"] == MEANT
    assert await where(bot, user) == "phone"
    assert CONTENT.questions["phone"].prompt.id in reply.text
    assert _asked() not in reply.text


async def test_keep_stores_the_address_as_typed(bot: Harness) -> None:
    user = await at_question(bot, "email", "en")
    await bot.send(user, TYPO)
    [reply] = await bot.press(user, _keep(TYPO, "en"))
    assert (await _stored(bot, user))["email"] == TYPO
    assert await where(bot, user) == "phone"
    assert CONTENT.questions["phone"].prompt.en in reply.text


async def test_typing_another_address_at_the_suggestion_is_a_fresh_answer(bot: Harness) -> None:
    user = await at_question(bot, "email")
    [asked] = await bot.send(user, TYPO)
    [reply] = await bot.send(user, "Dewi.Lestari@Gmail.com")
    assert _asked() not in reply.text
    assert (await _stored(bot, user))["email"] == "dewi.lestari@gmail.com"
    assert await where(bot, user) == "phone"
    # The old suggestion's buttons are stale now: the stored address stays.
    keep = next(b.callback_data for row in asked.buttons for b in row if b.text == _keep(TYPO))
    assert keep is not None
    [stale] = await bot.act(user, user.press_raw, asked.message_id, keep)
    assert stale.text.startswith(shown(Text.INTAKE_STALE))
    assert (await _stored(bot, user))["email"] == "dewi.lestari@gmail.com"
    assert await where(bot, user) == "phone"


async def test_a_right_address_is_stored_without_asking(bot: Harness) -> None:
    user = await at_question(bot, "email")
    [reply] = await bot.send(user, "Dewi@Gmail.com")
    assert _use(MEANT) not in reply.button_texts
    assert shown(Text.INTAKE_EMAIL_SUGGESTION, suggested=MEANT, typed=MEANT) not in reply.text
    assert (await _stored(bot, user))["email"] == MEANT
    assert await where(bot, user) == "phone"
    await answer(bot, user, "phone", MUSICIAN["phone"])
    await bot.press(user, t(Text.BTN_BACK))  # back at the email: no suggestion is left over
    await bot.press(user, t(Text.BTN_BACK))
    [again] = await bot.send(user, "dewi@ymail.com")  # a real provider, not a gmail typo
    assert "gmail" not in again.text
    assert (await _stored(bot, user))["email"] == "dewi@ymail.com"


async def test_stale_and_forged_suggestion_buttons_store_nothing(bot: Harness) -> None:
    user = await at_question(bot, "email")
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None
    screen = user.last_message
    # No suggestion kept: a forged "use the suggestion" at the current step.
    forged = f"i:{draft.id}:{draft.step}:ms"
    [reply] = await bot.act(user, user.press_raw, screen.message_id, forged)
    assert reply.text.startswith(shown(Text.INTAKE_STALE))
    assert "email" not in await _stored(bot, user)
    # Another talent's suggestion button: theirs is gone for this one.
    [asked] = await bot.send(user, TYPO)
    use = next(b.callback_data for row in asked.buttons for b in row if b.text == _use(MEANT))
    assert use is not None
    other = await at_question(bot, "email")
    [theirs] = await bot.act(other, other.press_raw, other.last_message.message_id, use)
    assert theirs.text == shown(Text.INTAKE_GONE)
    assert "email" not in await _stored(bot, other)
    # A payload that is not the bot's at all.
    await bot.act(user, user.press_raw, asked.message_id, "i:x:y:ms")
    assert user.callback_answers[-1].text == shown(Text.STALE_BUTTON)
    assert "email" not in await _stored(bot, user)
    assert await where(bot, user) == "email"
    # The talent's own button still works after all that.
    await bot.press(user, _use(MEANT))
    assert (await _stored(bot, user))["email"] == MEANT


async def test_staff_correcting_an_address_store_it_as_typed(bot: Harness, staff_chat: Any) -> None:
    admin = admin_of(staff_chat)
    sari = bot.user(first_name="Sari")
    await register_lead(bot, sari, MUSICIAN)
    await open_correction(bot, admin, "email")
    await bot.send(admin, TYPO)
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None and lead.answers["email"] == TYPO


async def test_staff_correcting_read_an_address_in_a_sentence_like_the_form(
    bot: Harness, staff_chat: Any
) -> None:
    # The correction checks an answer as the form does: the one address is kept, two asked.
    admin = admin_of(staff_chat)
    sari = bot.user(first_name="Sari")
    await register_lead(bot, sari, MUSICIAN)
    await open_correction(bot, admin, "email")
    [refused] = await bot.send(admin, "sari@gmail.com atau sari.kerja@yahoo.com")
    assert refused.text == shown(Text.INTAKE_TWO_EMAILS)
    await bot.send(admin, "email baru: sari.kerja@yahoo.com")
    lead = await bot.store.leads.by_reference("KOC-000001")
    assert lead is not None and lead.answers["email"] == "sari.kerja@yahoo.com"


async def test_my_data_shows_the_address_asked_about_in_words(bot: Harness) -> None:
    """/dataku while the suggestion waits: both addresses under their labels, not the stored
    form of the draft (attacker's review: a Python dict was shown)."""
    user = await at_question(bot, "email")
    await bot.send(user, TYPO)
    mark = user.mark()
    await bot.send(user, "/dataku")
    document = next(m for m in user.messages_since(mark) if m.document is not None)
    assert document.document is not None
    [draft] = section(data_copy(document.document[1]), Text.MYDATA_SECTION_REGISTRATIONS)
    assert draft[copy_label(Text.MYDATA_FIELD_PENDING)] == {
        copy_label(Text.MYDATA_FIELD_EMAIL_TYPED): TYPO,
        copy_label(Text.MYDATA_FIELD_EMAIL_SUGGESTED): MEANT,
    }
