"""One account sent registration after registration, each with a full alert in the staff group
(an attacker's review, session 57, M5: about 4,000 a day within the flood limit). After
REGISTRATIONS_PER_DAY new registrations in 24 hours the talent is told when a new one can
start, and can still update the ones sent."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.data_copy import moment_text
from bot.privacy import purge
from bot.store.db import ago
from bot.texts import Text
from bot.wib import to_wib
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, apply, opening, shown, where
from tests.restores import two_leads_and_a_backup
from tests.test_pipeline import rows

_LIMIT = 3  # REGISTRATIONS_PER_DAY's default


def _again(bot: Harness, language: str) -> str:
    """A day after the first of the day's registrations, as the talent reads it."""
    [(first,)] = rows(bot.database, "SELECT submitted_at FROM applications WHERE id = 1")
    return CONTENT.moment_text(to_wib(first) + timedelta(hours=24), language)


def _again_for(sent: list[tuple[str]], language: str = "id") -> str:
    """A day after the first of these registration times, as the talent reads it."""
    return CONTENT.moment_text(to_wib(min(sent)[0]) + timedelta(hours=24), language)


def _alerts(staff_chat: Any, mark: Any) -> int:
    return sum("KOC-" in m.text for m in staff_chat.messages_since(mark))


async def test_after_the_days_registrations_only_an_update_is_offered(
    bot: Harness, staff_chat: Any
) -> None:
    sari = bot.user(first_name="Sari")
    mark = staff_chat.mark()
    sent = [await apply(bot, sari, MUSICIAN) for _ in range(_LIMIT)]
    assert sent == ["KOC-000001", "KOC-000002", "KOC-000003"]
    assert _alerts(staff_chat, mark) == _LIMIT
    told = shown(Text.UPDATE_LIMITED, limit=_LIMIT, when=_again(bot, "id"))
    [limited] = await bot.send(sari, "/daftar")
    assert limited.text.startswith(told)
    new = CONTENT.text(Text.BTN_NEW_REGISTRATION, "id")
    assert new not in limited.button_texts
    updates = [CONTENT.text(Text.BTN_UPDATE_ONE, "id", reference=ref) for ref in sent]
    assert set(updates) <= set(limited.button_texts)
    # The button of an earlier "update or new" choice, or its data forged: no new form either.
    await bot.act(sari, sari.press_raw, limited.message_id, "rg:n")
    assert sari.last_message.text.startswith(told)
    assert await where(bot, sari) is None
    count = rows(bot.database, "SELECT count(*) FROM applications WHERE user_id = ?", (sari.id,))
    assert count == [(_LIMIT,)]
    # Updating one is never limited.
    await bot.press(sari, updates[0], message=limited)
    assert await where(bot, sari) == "review"
    assert _alerts(staff_chat, mark) == _LIMIT


async def test_a_registration_older_than_a_day_leaves_room_for_a_new_one(
    bot: Harness, staff_chat: Any
) -> None:
    budi = bot.user(first_name="Budi", language_code="en")
    for _ in range(_LIMIT):
        await apply(bot, budi, FILMMAKER, language="en")
    [limited] = await bot.send(budi, "/register")
    told = shown(Text.UPDATE_LIMITED, "en", limit=_LIMIT, when=_again(bot, "en"))
    assert limited.text.startswith(told)
    # The first was sent a day and a minute ago.
    with sqlite3.connect(bot.database) as database:
        earlier = ago(24 * 3600 + 60)
        database.execute("UPDATE applications SET submitted_at = ? WHERE id = 1", (earlier,))
    database.close()
    assert await apply(bot, budi, FILMMAKER, language="en") == "KOC-000004"


def _new_leads(staff_chat: Any, mark: Any) -> int:
    """New-lead alerts only (the notice of an erasure names the references too)."""
    alert = opening(Text.STAFF_NEW_LEAD, reference="KOC-")
    return sum(m.text.startswith(alert) for m in staff_chat.messages_since(mark))


async def _erase(bot: Harness, talent: Any) -> None:
    """/hapusdata after the day's registrations: the goodbye says from when /daftar starts
    a new one (a day after the first of them)."""
    sent = rows(
        bot.database, "SELECT submitted_at FROM applications WHERE user_id = ?", (talent.id,)
    )
    await bot.send(talent, "/hapusdata")
    await bot.press(talent, CONTENT.text(Text.BTN_CONFIRM_DELETE, "id"))
    done = shown(Text.DELETE_DONE_LIMITED, limit=_LIMIT, when=_again_for(sent))
    assert talent.last_message.text.startswith(done)


async def _withdraw(bot: Harness, talent: Any) -> None:
    processing = CONTENT.text(Text.CONSENT_KIND_PROCESSING, "id")
    await bot.send(talent, "/privasi")
    await bot.press(talent, CONTENT.text(Text.BTN_MY_CONSENTS, "id"))
    await bot.press(talent, CONTENT.text(Text.BTN_WITHDRAW, "id", kind=processing))
    await bot.press(talent, CONTENT.text(Text.BTN_CONFIRM_WITHDRAW, "id"))
    assert rows(bot.database, "SELECT count(*) FROM applications") == [(0,)]


@pytest.mark.parametrize("leave", [_erase, _withdraw], ids=["erased", "withdrawn"])
async def test_erasing_or_withdrawing_consent_makes_no_room_for_more_in_the_day(
    bot: Harness, staff_chat: Any, leave: Callable[[Harness, Any], Awaitable[None]]
) -> None:
    """The attacker's review 2, M1: /hapusdata (or withdrawing consent), then three new
    registrations with their staff alerts, round after round. The day's registrations still
    count, kept only as times under the erasure's keyed hash of the Telegram id."""
    rina = bot.user(first_name="Rina")
    mark = staff_chat.mark()
    for _ in range(_LIMIT):
        await apply(bot, rina, MUSICIAN)
    told = shown(Text.UPDATE_LIMITED, limit=_LIMIT, when=_again(bot, "id"))
    await leave(bot, rina)
    [limited] = await bot.send(rina, "/daftar")
    assert limited.text == told  # nothing left to update: no buttons either
    assert limited.button_texts == []
    assert await where(bot, rina) is None
    assert _new_leads(staff_chat, mark) == _LIMIT
    kept = rows(bot.database, "SELECT * FROM registrations_sent")
    assert len(kept) == _LIMIT and all(len(row) == 2 for row in kept)  # a hash and a time
    assert str(rina.id) not in repr(kept)
    # The retention job deletes them once they no longer count: a new one can start.
    with sqlite3.connect(bot.database) as database:
        database.execute("UPDATE registrations_sent SET sent_at = ?", (ago(24 * 3600 + 60),))
    database.close()
    await purge(bot.store, bot.settings)
    assert rows(bot.database, "SELECT count(*) FROM registrations_sent") == [(0,)]
    assert await apply(bot, rina, MUSICIAN) == "KOC-000004"
    assert _new_leads(staff_chat, mark) == _LIMIT + 1


async def test_a_restored_backup_makes_no_room_for_more_in_the_day(
    make_bot: Callable[..., Any], database: Path, tmp_path: Path
) -> None:
    """`kocca-bot restore` puts back a backup taken before the day's registrations: those of
    an account that erased its data since, and those the backup lacks altogether (kept in the
    replaced database only), still count; restoring made room for three more each before."""
    backed_up = await two_leads_and_a_backup(make_bot, database, tmp_path)
    bot = backed_up.bot
    rina, dewi = bot.user(first_name="Rina"), bot.user(first_name="Dewi")
    for _ in range(_LIMIT):
        await apply(bot, rina, MUSICIAN)
        await apply(bot, dewi, FILMMAKER)
    sql = "SELECT submitted_at FROM applications WHERE user_id = ?"
    rina_sent, dewi_sent = rows(database, sql, (rina.id,)), rows(database, sql, (dewi.id,))
    await _erase(bot, rina)
    await bot.stop()

    code, out, err = await backed_up.cli("restore", str(backed_up.backup))
    assert code == 0, err
    assert (
        f"Carried over the send times of {2 * _LIMIT} registrations that the backup lacks or"
        " an erasure kept" in out
    )
    assert "and 3 leads of the replaced database are not in the backup" in out  # Dewi's
    await bot.start()
    for talent, sent in ((rina, rina_sent), (dewi, dewi_sent)):
        [limited] = await bot.send(talent, "/daftar")
        assert limited.text == shown(Text.UPDATE_LIMITED, limit=_LIMIT, when=_again_for(sent))
        assert await where(bot, talent) is None
    kept = repr(rows(database, "SELECT * FROM registrations_sent"))
    assert str(rina.id) not in kept and str(dewi.id) not in kept  # a hash and a time only


@pytest.mark.parametrize("language", ["id", "en"])
async def test_after_an_erasure_the_talent_is_told_from_when_they_can_register_again(
    bot: Harness, language: str
) -> None:
    """/hapusdata's goodbye said "to register again, type /daftar" while the day's limit
    still held, and /daftar then refused: the goodbye, /status and the answer to "daftar lagi
    dari awal?" say from when instead, the very time /daftar's refusal gives."""
    rina = bot.user(first_name="Rina", language_code=language)
    for _ in range(_LIMIT):
        await apply(bot, rina, MUSICIAN, language=language)
    when = _again(bot, language)  # a day after her first registration, WIB
    await bot.send(rina, "/hapusdata" if language == "id" else "/deletemydata")
    [done] = await bot.press(rina, CONTENT.text(Text.BTN_CONFIRM_DELETE, language))
    told = shown(Text.DELETE_DONE_LIMITED, language, limit=_LIMIT, when=when)
    assert done.text.split("\n")[0] == told

    [erased_at] = await bot.store.privacy.was_erased(rina.id)
    erased = moment_text(CONTENT, language, erased_at)
    [first] = rows(bot.database, "SELECT MIN(sent_at) FROM registrations_sent")
    again = moment_text(CONTENT, language, (to_wib(first[0]) + timedelta(hours=24)).isoformat())
    status = shown(Text.STATUS_ERASED_LIMITED, language, when=erased, limit=_LIMIT, again=again)
    [said] = await bot.send(rina, "/status")
    assert said.text == status
    asked = "Kalau daftar lagi hrs isi dari awal ya?"
    if language == "en":
        asked = "If I register again do I start from scratch?"
    [said] = await bot.send(rina, asked)
    assert said.text == shown(
        Text.ERASED_REGISTER_AGAIN_LIMITED, language, when=erased, limit=_LIMIT, again=again
    )

    # /daftar refuses as said, until that time.
    [limited] = await bot.send(rina, "/daftar" if language == "id" else "/register")
    assert limited.text == shown(Text.UPDATE_LIMITED, language, limit=_LIMIT, when=when)
    assert await where(bot, rina) is None


async def test_after_an_erasure_within_the_limit_the_talent_is_told_to_type_daftar(
    bot: Harness,
) -> None:
    """One registration of the day erased: room is left, so the simple line stays true."""
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    await bot.send(sari, "/hapusdata")
    [done] = await bot.press(sari, CONTENT.text(Text.BTN_CONFIRM_DELETE, "id"))
    assert done.text.split("\n")[0] == shown(Text.DELETE_DONE)
    [erased_at] = await bot.store.privacy.was_erased(sari.id)
    [said] = await bot.send(sari, "/status")
    assert said.text == shown(Text.STATUS_ERASED, when=moment_text(CONTENT, "id", erased_at))
    await bot.send(sari, "/daftar")
    assert await where(bot, sari) is not None  # a new form: consent first


async def test_after_a_withdrawal_status_says_from_when_the_talent_can_register_again(
    bot: Harness,
) -> None:
    """/status after withdrawing consent to processing said "Ketik /daftar" while the day's
    limit still held, and /daftar then refused: it says from when, as after an erasure."""
    rina = bot.user(first_name="Rina")
    for _ in range(_LIMIT):
        await apply(bot, rina, MUSICIAN)
    await _withdraw(bot, rina)
    withdrawn = (await bot.store.applications.consents(rina.id))["processing"]
    [first] = rows(bot.database, "SELECT MIN(sent_at) FROM registrations_sent")
    again = moment_text(CONTENT, "id", (to_wib(first[0]) + timedelta(hours=24)).isoformat())
    when = moment_text(CONTENT, "id", withdrawn.created_at)
    [said] = await bot.send(rina, "/status")
    assert said.text == shown(Text.STATUS_WITHDRAWN_LIMITED, when=when, limit=_LIMIT, again=again)
    [limited] = await bot.send(rina, "/daftar")  # refused as said, until that time
    assert limited.text == shown(Text.UPDATE_LIMITED, limit=_LIMIT, when=_again_for([first]))

    # A day later (s58: "Kamu belum mengirim pendaftaran", as if she never had): the
    # withdrawal and when, without the limit, as /daftar works again.
    with sqlite3.connect(bot.database) as database:
        database.execute("UPDATE registrations_sent SET sent_at = ?", (ago(24 * 3600 + 60),))
    database.close()
    await purge(bot.store, bot.settings)
    [said] = await bot.send(rina, "/status")
    assert said.text == shown(Text.STATUS_WITHDRAWN, when=when)

    # One registration of the day withdrawn: room is left, so no limit is said either.
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    await _withdraw(bot, sari)
    [said] = await bot.send(sari, "/status")
    when = moment_text(CONTENT, "id", (await _processing(bot, sari)).created_at)
    assert said.text == shown(Text.STATUS_WITHDRAWN, when=when)

    # Declining consent on one's first form is no withdrawal: nothing was registered.
    dewi = bot.user(first_name="Dewi")
    await bot.send(dewi, "/daftar")
    await bot.press(dewi, CONTENT.text(Text.BTN_DECLINE, "id"))
    assert (await _processing(bot, dewi)).granted is False
    [said] = await bot.send(dewi, "/status")
    assert said.text == shown(Text.STATUS_NONE)


async def _processing(bot: Harness, talent: Any) -> Any:
    """The talent's latest choice on consent to processing."""
    return (await bot.store.applications.consents(talent.id))["processing"]
