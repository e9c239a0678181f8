"""An account that said in a form it was under 18 and picks an adult age in a new one (a
talents' review s60, H1: Sari, 17, pressed "Belum ada persetujuan", typed /daftar, picked
18-24 and was accepted; the staff alert said "Usia: 18-24" and nothing else). Asked once,
kindly; confirmed, the lead carries a mark staff see in the alert, on /lead and on the
workspace's lead page; what is kept for it goes with /hapusdata, a withdrawal and the
retention job, and is in /dataku. And a bare "4" at the age (L1): asked back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.data_copy import moment_text
from bot.emulator import EmulatedChat, EmulatedUser
from bot.leads.export import wib_words
from bot.privacy import purge
from bot.texts import Text
from tests.browser import PHONE, Chromium, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    MUSICIAN,
    answer,
    consent,
    copy_label,
    data_copy,
    fill,
    label,
    opening,
    rendered,
    section,
    shown,
    where,
)
from tests.processes import clean_env, run_cli

ADULT = label("age_range", "age_18_24")


def t(key: Text, **values: Any) -> str:
    return CONTENT.text(key, "id", **values)


async def _declined_as_a_minor(bot: Harness, sari: EmulatedUser) -> None:
    """Sari's first form: music, under 18, then no guardian's consent yet (the draft goes)."""
    await bot.send(sari, "/daftar")
    await consent(bot, sari)
    await fill(bot, sari, {**MUSICIAN, "age_range": "under_18"})
    assert await where(bot, sari) == "guardian"
    [declined] = await bot.press(sari, t(Text.BTN_GUARDIAN_NO))
    assert declined.text == shown(Text.INTAKE_GUARDIAN_DECLINED)


async def _new_form_at_the_age(bot: Harness, sari: EmulatedUser, age: str) -> Any:
    """/daftar again, the field, then an age pressed: what the bot says to it."""
    await bot.send(sari, "/daftar")
    if await where(bot, sari) == "consent_processing":
        await consent(bot, sari)
    await answer(bot, sari, "sector", "music")
    [reply] = await bot.press(sari, label("age_range", age))
    return reply


async def _said_at(bot: Harness, sari: EmulatedUser) -> str:
    """When the store says Sari's earlier form said under 18."""
    declared = await bot.store.applications.age_declaration(sari.id)
    assert declared is not None
    return declared.declared_at


async def _submit_rest(bot: Harness, sari: EmulatedUser, age: str = "age_18_24") -> None:
    await fill(bot, sari, {**MUSICIAN, "age_range": age})
    assert await where(bot, sari) == "review"
    await bot.press(sari, t(Text.BTN_SUBMIT))


async def test_an_adult_age_after_declining_the_guardian_is_asked_once_and_marked_for_staff(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    await _declined_as_a_minor(bot, sari)
    asked = await _new_form_at_the_age(bot, sari, "age_18_24")
    # Asked, not taken: the age waits for her answer, nothing is stored as her age yet.
    assert asked.text == shown(Text.INTAKE_AGE_CHECK, age=ADULT)
    assert asked.button_texts[:2] == [
        t(Text.BTN_AGE_CHECK_ADULT, age=ADULT),
        t(Text.BTN_AGE_CHECK_UNDER_18),
    ]
    assert await where(bot, sari) == "age_check"
    draft = await bot.store.applications.draft_for(sari.id)
    assert draft is not None
    assert "age_range" not in await bot.store.applications.answers(draft.id)
    # A typed "iya" is no answer here: the buttons, again.
    [typed] = await bot.send(sari, "iya kak")
    assert typed.text.startswith(shown(Text.INTAKE_USE_BUTTONS))
    await bot.press(sari, t(Text.BTN_AGE_CHECK_ADULT, age=ADULT))
    assert await where(bot, sari) == "full_name"
    said_at = await _said_at(bot, sari)
    await _submit_rest(bot, sari)
    mark = shown(Text.LEAD_SAID_UNDER_18, time=wib_words(CONTENT, said_at, "id"))
    alert = staff_chat.last_message.text
    assert alert.startswith(opening(Text.STAFF_NEW_LEAD, reference="KOC-000001"))
    assert mark in alert
    # /lead says it where staff act on the lead, as the under-18 warning is said.
    admin = bot.emulator.user(ADMIN_ID)
    page = await bot.send(admin, "/lead KOC-000001")
    assert any(mark in message.text for message in page)
    # A later form of hers with an adult age is not asked again, and marked all the same.
    await bot.send(sari, "/daftar")
    await bot.press(sari, t(Text.BTN_NEW_REGISTRATION))
    if await where(bot, sari) == "consent_processing":
        await consent(bot, sari)
    await answer(bot, sari, "sector", "film")
    await bot.press(sari, label("age_range", "age_25_34"))
    assert await where(bot, sari) != "age_check"
    second = await bot.store.applications.draft_for(sari.id)
    assert second is not None and second.said_under_18_at == said_at


async def test_still_under_18_goes_to_the_guardians_consent(bot: Harness) -> None:
    sari = bot.user()
    await _declined_as_a_minor(bot, sari)
    await _new_form_at_the_age(bot, sari, "age_18_24")
    [guardian] = await bot.press(sari, t(Text.BTN_AGE_CHECK_UNDER_18))
    assert await where(bot, sari) == "guardian"
    assert guardian.text == rendered(CONTENT.privacy.guardian_notice.id)
    # ⬅️ Back from the check goes to the age, nothing marked.
    other = bot.user()
    await _declined_as_a_minor(bot, other)
    await _new_form_at_the_age(bot, other, "age_25_34")
    await bot.press(other, t(Text.BTN_BACK))
    assert await where(bot, other) == "age_range"
    draft = await bot.store.applications.draft_for(other.id)
    assert draft is not None and draft.said_under_18_at is None


async def test_a_first_form_is_not_asked_and_the_same_forms_back_is_marked_not_asked(
    bot: Harness,
) -> None:
    """No earlier form: an adult age is taken at once. In the same form, "under 18", then
    ⬅️ Back and an adult age is not asked (Back is there for a mistap), but marked: nothing
    stored tells a mistap from a typed "17" kept over a pause (a re-check s60, M1)."""
    budi = bot.user()
    await bot.send(budi, "/daftar")
    await consent(bot, budi)
    await fill(bot, budi, {**MUSICIAN, "age_range": "under_18"})
    await bot.press(budi, t(Text.BTN_BACK))
    assert await where(bot, budi) == "age_range"
    await bot.press(budi, ADULT)
    assert await where(bot, budi) == "full_name"
    draft = await bot.store.applications.draft_for(budi.id)
    assert draft is not None and draft.said_under_18_at == await _said_at(bot, budi)
    first = bot.user()
    await bot.send(first, "/daftar")
    await consent(bot, first)
    await fill(bot, first, MUSICIAN)
    assert await where(bot, first) == "review"
    draft = await bot.store.applications.draft_for(first.id)
    assert draft is not None and draft.said_under_18_at is None


async def test_a_typed_17_kept_over_a_pause_then_back_to_an_adult_age_is_marked(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """Dina typed "17", paused at the guardian's consent to ask her parents, came back with
    /daftar, pressed ⬅️ Back and picked 18-24: no question, and staff saw "Usia: 18-24"
    with no sign (a re-check s60, M1). Not asked (it is her own form), marked for staff."""
    dina = bot.user(first_name="Dina")
    await bot.send(dina, "/daftar")
    await consent(bot, dina)
    await answer(bot, dina, "sector", "music")
    await bot.send(dina, "17")
    assert await where(bot, dina) == "guardian"
    said_at = await _said_at(bot, dina)
    await bot.press(dina, t(Text.BTN_PAUSE))
    await bot.send(dina, "/daftar")
    assert await where(bot, dina) == "guardian"
    await bot.press(dina, t(Text.BTN_BACK))
    [next_question] = await bot.press(dina, ADULT)
    assert await where(bot, dina) == "full_name", next_question.text
    await _submit_rest(bot, dina)
    mark = shown(Text.LEAD_SAID_UNDER_18, time=wib_words(CONTENT, said_at, "id"))
    alert = staff_chat.last_message.text
    assert alert.startswith(opening(Text.STAFF_NEW_LEAD, reference="KOC-000001"))
    assert mark in alert
    # Not a confirmation asked in a new form: her next new form still asks it once.
    declared = await bot.store.applications.age_declaration(dina.id)
    assert declared is not None and declared.adult_confirmed_at is None


async def test_the_earlier_under_18_is_in_the_copy_and_goes_with_erasure_withdrawal_and_age(
    bot: Harness,
) -> None:
    sari = bot.user(first_name="Sari")
    await _declined_as_a_minor(bot, sari)
    said_at = await _said_at(bot, sari)
    await bot.send(sari, "/dataku")
    document = next(m for m in reversed(sari.messages) if m.document is not None)
    assert document.document is not None
    # The chat's summary names it too, not only the file (a re-check s60, L4).
    summary = sari.messages[-1].text
    assert summary.startswith(opening(Text.MYDATA_SUMMARY))
    when = moment_text(CONTENT, "id", said_at)
    assert shown(Text.MYDATA_AGE_DECLARATION_NOTE, when=when) in summary
    [kept] = section(data_copy(document.document[1]), Text.MYDATA_SECTION_AGE_DECLARATION)
    assert copy_label(Text.MYDATA_FIELD_DECLARED_UNDER_18) in kept
    assert kept[copy_label(Text.MYDATA_FIELD_NOTE)] == t(Text.MYDATA_AGE_DECLARATION_KEPT)
    assert said_at
    # /hapusdata: gone with her.
    await bot.send(sari, "/hapusdata")
    await bot.press(sari, t(Text.BTN_CONFIRM_DELETE))
    await bot.runner.wait_idle()
    assert await bot.store.applications.age_declaration(sari.id) is None
    # A withdrawal of consent: gone with her forms.
    dimas = bot.user()
    await _declined_as_a_minor(bot, dimas)
    assert await bot.store.applications.age_declaration(dimas.id) is not None
    await bot.store.privacy.withdraw_processing(dimas.id)
    assert await bot.store.applications.age_declaration(dimas.id) is None
    # The retention job: kept as long as the conversation log that holds the same press.
    putu = bot.user()
    await _declined_as_a_minor(bot, putu)
    now = datetime.now(UTC)
    await purge(bot.store, bot.settings, now)
    assert await bot.store.applications.age_declaration(putu.id) is not None
    later = now + timedelta(days=bot.settings.log_retention_days + 1)
    await purge(bot.store, bot.settings, later)
    assert await bot.store.applications.age_declaration(putu.id) is None


async def test_a_bare_small_number_at_the_age_is_asked_back(bot: Harness) -> None:
    """Putu typed "4" meaning the 4th button (35-44); it was read as 4 years old and the
    guardian's consent opened (a talents' review s60, L1)."""
    putu = bot.user()
    await bot.send(putu, "/daftar")
    await consent(bot, putu)
    await answer(bot, putu, "sector", "music")
    [asked] = await bot.send(putu, "4")
    choice = label("age_range", "age_35_44")
    assert asked.text.startswith(shown(Text.INTAKE_AGE_OR_POSITION, number=4, choice=choice))
    assert choice in asked.button_texts
    assert await where(bot, putu) == "age_range"
    # With its word it is an age, as it was ("8 THN": 8); past the buttons too ("8").
    [guardian] = await bot.send(putu, "4 tahun")
    assert await where(bot, putu) == "guardian"
    await bot.press(putu, t(Text.BTN_BACK))
    await bot.send(putu, "8")
    assert await where(bot, putu) == "guardian"
    assert guardian.text


async def test_the_workspace_lead_page_shows_the_mark(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    sari = bot.user(first_name="Sari")
    await _declined_as_a_minor(bot, sari)
    await _new_form_at_the_age(bot, sari, "age_18_24")
    await bot.press(sari, t(Text.BTN_AGE_CHECK_ADULT, age=ADULT))
    said_at = await _said_at(bot, sari)
    await _submit_rest(bot, sari)
    budi = bot.user(first_name="Budi")
    await bot.send(budi, "/daftar")
    await consent(bot, budi)
    await _submit_rest(bot, budi, "age_25_34")
    mark = shown(Text.LEAD_SAID_UNDER_18, time=wib_words(CONTENT, said_at, "id"))
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        lead = await bot.store.db.fetch_value(
            "SELECT id FROM applications WHERE reference = 'KOC-000001'"
        )
        await page.goto(page_url(base, bot, ADMIN_ID) + f"&lead/{lead}")
        notice = page.locator(".lead-head .notice.said-under-18")
        await notice.wait_for()
        assert await notice.inner_text() == mark
        await seen.shot(screens, "lead-said-under-18-360-light")
        other = await bot.store.db.fetch_value(
            "SELECT id FROM applications WHERE reference = 'KOC-000002'"
        )
        await page.goto(page_url(base, bot, ADMIN_ID) + f"&lead/{other}")
        await page.reload()
        await page.locator(".lead-head .reference", has_text="KOC-000002").wait_for()
        assert await page.locator(".notice.said-under-18").count() == 0


async def test_a_restore_of_an_older_backup_keeps_the_under_18_answer(
    make_bot: Any, database: Path, tmp_path: Path
) -> None:
    # The final review s60, L1: said under 18 after the backup, the answer was gone after a
    # restore, and an adult age in her next form was neither asked about nor marked.
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}))
    env = clean_env(tmp_path, BOT_TOKEN="1:x", DATABASE_PATH=str(database))
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/start")  # her account is in the backup
    backup = tmp_path / "monday.db"
    code, _, err = await run_cli(tmp_path, env, "backup", "--output", str(backup))
    assert code == 0, err
    await _declined_as_a_minor(bot, sari)
    await bot.stop()
    code, _, err = await run_cli(tmp_path, env, "restore", str(backup))
    assert code == 0, err
    await bot.start()
    asked = await _new_form_at_the_age(bot, sari, "age_18_24")
    assert asked.text == shown(Text.INTAKE_AGE_CHECK, age=ADULT)
