"""The lead pipeline through the real bot: stages, talent updates, notes, assignment, /status."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bot.content import Content
from bot.emulator import EmulatedUser
from bot.leads.pipeline import message_for
from bot.store.pipeline import LeadState
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, apply
from tests.subscribers import wait_until

SECOND_ADMIN = 9002


def t(key: Text, language: str = "id", **values: Any) -> str:
    """A text as the bot would say it (HTML tags kept)."""
    return CONTENT.text(key, language, **values)


def label(stage: str, language: str = "id") -> str:
    """A stage's button label."""
    return CONTENT.stages[stage].label.get(language)


def admin_of(staff_chat: Any) -> EmulatedUser:
    admin: EmulatedUser = staff_chat.members[ADMIN_ID]
    return admin


def rows(database: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Read the bot's database from outside, as an auditor would."""
    with sqlite3.connect(database) as connection:
        found = connection.execute(sql, params).fetchall()
    connection.close()
    return found


async def audit(bot: Harness, reference: str | None = None) -> list[tuple[Any, ...]]:
    """(actor, via, action, lead) of every audit entry, oldest first."""
    return await asyncio.to_thread(
        rows,
        bot.database,
        "SELECT actor_id, via, action, lead_ref FROM audit_log"
        " WHERE ? IS NULL OR lead_ref = ? ORDER BY id",
        (reference, reference),
    )


def expected_message(stage: str, reference: str, name: str, language: str = "id") -> str:
    """Exactly what the talent should receive (visible text)."""
    state = LeadState(
        application_id=1,
        reference=reference,
        user_id=1,
        submitted_at="",
        language=language,
        name=name,
        blocked=False,
        stage="baru",
        version=0,
        assignee_id=None,
        stage_changed_at="",
        transfer_korea=True,
    )
    message = message_for(CONTENT, stage, state)
    assert message is not None
    return message.text


def visible(html_text: str) -> str:
    from bot.leads.export import plain_text

    return plain_text(html_text)


@pytest.fixture
async def sari(bot: Harness) -> EmulatedUser:
    """A musician with one submitted application, KOC-000001."""
    talent = bot.user(first_name="Sari", username="sari_id")
    assert await apply(bot, talent, MUSICIAN) == "KOC-000001"
    return talent


async def test_a_new_lead_starts_at_the_first_stage_and_shows_its_pipeline(
    bot: Harness, staff_chat: Any, sari: EmulatedUser
) -> None:
    admin = admin_of(staff_chat)
    (page,) = await bot.send(admin, "/lead KOC-000001")
    assert f"Tahap: {label('baru')}" in page.text
    assert "Ditangani: belum ada" in page.text
    assert "Kabar ke talenta: 0 terkirim" in page.text
    assert "belum ada catatan" in page.text
    assert "pendaftaran dikirim" in page.text
    stages = [CONTENT.stages[key].label.get("id") for key in CONTENT.stages]
    assert page.button_texts == [
        t(Text.BTN_STAGE_CURRENT, label=stages[0]),
        *stages[1:],
        t(Text.BTN_NOTE),
        t(Text.BTN_ASSIGN_ME),
        t(Text.BTN_LEADS_LIST),
    ]
    assert await audit(bot) == [(ADMIN_ID, "telegram", "lead_viewed", "KOC-000001")]


async def test_stage_without_message_is_saved_at_once_and_one_with_message_is_previewed(
    bot: Harness, staff_chat: Any, sari: EmulatedUser
) -> None:
    admin = admin_of(staff_chat)
    await bot.send(admin, "/start")
    await bot.send(admin, "/lead KOC-000001")
    before = len(sari.messages)
    await bot.press(admin, label("ditinjau"))
    page = admin.last_message
    assert f"Tahap: {label('ditinjau')}" in page.text
    assert t(Text.BTN_STAGE_CURRENT, label=label("ditinjau")) in page.button_texts
    assert len(sari.messages) == before  # no message for "In review"

    replies = await bot.press(admin, label("shortlist"))
    intro, preview = replies[-2:]
    assert "KOC-000001 → Shortlist" in intro.text
    assert "bahasa Indonesia" in intro.text
    wanted = expected_message("shortlist", "KOC-000001", "Sari Dewi Lestari")
    assert preview.html == wanted  # exactly what the talent will receive
    state = await bot.store.pipeline.state(1)
    assert state is not None and state.stage == "ditinjau"  # nothing saved before the choice
    assert len(sari.messages) == before

    mark, talent_mark = admin.mark(), sari.mark()
    await bot.press(admin, t(Text.BTN_SEND_UPDATE))
    assert admin.last_message.text.startswith("✅ KOC-000001 sekarang di tahap Shortlist.")
    [update] = await sari.wait_for_messages(talent_mark)
    assert update.html == wanted
    report = await admin.wait_for_messages(mark, count=2)
    assert report[-1].text == visible(
        t(Text.UPDATE_REPORT_SENT, reference="KOC-000001", stage="Shortlist")
    )
    (page,) = await bot.send(admin, "/lead KOC-000001")
    assert "Kabar ke talenta: 1 terkirim" in page.text
    assert "Admin: Ditinjau → Shortlist (kabar dikirim)" in page.text
    assert "Admin: Baru → Ditinjau" in page.text
    actions = [action for _, _, action, _ in await audit(bot, "KOC-000001")]
    assert actions == ["lead_viewed", "stage_changed", "stage_changed", "lead_viewed"]


async def test_dont_notify_saves_the_stage_and_sends_nothing(
    bot: Harness, staff_chat: Any, sari: EmulatedUser
) -> None:
    admin = admin_of(staff_chat)
    await bot.send(admin, "/lead KOC-000001")
    before = len(sari.messages)
    await bot.press(admin, label("selesai"))
    await bot.press(admin, t(Text.BTN_NO_UPDATE))
    assert admin.last_message.text == visible(
        t(Text.PIPELINE_SAVED, reference="KOC-000001", stage=label("selesai"))
    )
    await asyncio.sleep(1.0)  # the worker would have sent by now
    assert len(sari.messages) == before
    state = await bot.store.pipeline.state(1)
    assert state is not None and state.stage == "selesai"


async def test_status_shows_talent_labels_in_their_language(
    bot: Harness, staff_chat: Any, content: Content
) -> None:
    budi = bot.user(first_name="Budi", language_code="en")
    (nothing,) = await bot.send(budi, "/status")
    assert nothing.text == visible(t(Text.STATUS_NONE, "en"))
    await apply(bot, budi, FILMMAKER, language="en")
    (listed,) = await bot.send(budi, "/status")
    assert "KOC-000001 · sent" in listed.text
    assert content.stages["baru"].talent_label.en in listed.text
    await bot.send(budi, "/menu")
    assert t(Text.BTN_STATUS, "en") in budi.last_message.button_texts
    admin = admin_of(staff_chat)
    await bot.send(admin, "/catatan KOC-000001 secret internal remark")
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, t(Text.BTN_ASSIGN_ME))
    (listed,) = await bot.send(budi, "/status")
    assert "secret" not in listed.text and "Admin" not in listed.text
