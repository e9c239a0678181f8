"""The pure parts of clean records (issue 25): settings, stage words, contact links,
answer corrections, the digest's day; and lead numbers on an upgraded database."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import Any

import pytest

from bot.leads import answer_outcomes, records
from bot.leads.digest import due_day, previous_digest
from bot.leads.export import WIB
from bot.leads.lead_filters import FilterError, parse_filter
from bot.settings import Settings, SettingsError, load_settings
from bot.store import Store
from bot.texts import Text
from tests.leads import CONTENT


def settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def test_lead_wait_days_and_digest_time_settings() -> None:
    default = settings()
    assert default.lead_wait_days == {"baru": 3, "ditinjau": 7, "dihubungi": 14}
    assert default.digest_time == time(9)
    chosen = settings(lead_wait_days="Baru=2, shortlist=30", digest_time="07:30")
    assert chosen.lead_wait_days == {"baru": 2, "shortlist": 30}
    assert chosen.digest_time == time(7, 30)
    off = settings(lead_wait_days="", digest_time="")
    assert (off.lead_wait_days, off.digest_time) == ({}, None)
    with pytest.raises(SettingsError, match="LEAD_WAIT_DAYS"):
        load_settings(_env_file=None, lead_wait_days="baru=three")
    with pytest.raises(SettingsError, match="DIGEST_TIME"):
        load_settings(_env_file=None, digest_time="25:00")


def test_stage_words_in_both_languages_and_any_case() -> None:
    assert records.find_stage(CONTENT, "SHORTLISTED") == "shortlist"
    assert records.find_stage(CONTENT, "tidak  dilanjutkan") == "selesai"
    assert records.find_stage(CONTENT, "closed") == "selesai"
    assert records.find_stage(CONTENT, "ghost") is None
    chosen = parse_filter(["Tidak", "DILANJUTKAN", "Musik", "menunggu"], CONTENT)
    assert (chosen.stage, chosen.sector, chosen.waiting) == ("selesai", "music", True)
    assert parse_filter(["In", "review"], CONTENT).stage == "ditinjau"
    with pytest.raises(FilterError):
        parse_filter(["forwarded", "to"], CONTENT)


def test_contact_links() -> None:
    found = records.contact(CONTENT, {"phone": "+6281234567801", "email": "a@b.id"})
    assert found.whatsapp == "https://wa.me/6281234567801"
    assert found.mailto == "mailto:a@b.id"
    assert records.contact(CONTENT, {"phone": None}).whatsapp is None


def test_corrections_are_validated_like_the_form() -> None:
    genres = CONTENT.questions["genres"]
    answers = {"sector": "music"}
    outcome = records.check_answer(CONTENT, genres, answers, "Pop, Jazz , pop")
    assert outcome == answer_outcomes.Accepted(["pop", "jazz"])
    refused = records.check_answer(CONTENT, genres, answers, "Pop, Opera Batak")
    assert refused == answer_outcomes.Rejected(Text.RECORDS_EDIT_MULTI_HINT)
    email = CONTENT.questions["email"]
    assert records.check_answer(CONTENT, email, answers, "X@Y.ID") == answer_outcomes.Accepted(
        "x@y.id"
    )
    with pytest.raises(records.EditError):
        records.editable(CONTENT, answers, "sector")  # decides which questions are asked
    with pytest.raises(records.EditError):
        records.editable(CONTENT, answers, "film_role")  # not asked of a musician


def test_the_digest_day() -> None:
    on = settings(digest_time="09:00")
    monday = datetime(2026, 11, 30, 9, 0, tzinfo=WIB)
    assert due_day(on, monday) == monday.date()
    assert due_day(on, monday.replace(hour=8, minute=59)) is None
    assert due_day(on, datetime(2026, 11, 29, 12, tzinfo=WIB)) is None  # a Sunday
    assert due_day(settings(digest_time=""), monday) is None
    assert previous_digest(on, monday.date()) == datetime(2026, 11, 27, 9, tzinfo=WIB)


async def test_numbers_of_an_upgraded_database(tmp_path: Path) -> None:
    """Before references were given at submission, drafts used numbers: a number up to the
    old highest is a draft if one holds it, else unknown (never called erased for sure)."""
    store = await Store.open(tmp_path / "kocca.db")
    try:
        async with store.db.transaction() as tx:
            await tx.execute(
                "INSERT INTO users (user_id, created_at, updated_at, last_seen_at)"
                " VALUES (7, 'x', 'x', 'x')"
            )
        draft = await store.applications.create(7, "id", "question")
        async with store.db.transaction() as tx:
            await tx.execute("UPDATE lead_numbers SET last = 9, legacy_last = 9")
        info = await store.records.number_info(f"KOC-{draft.id:06d}")
        assert info is not None and info.draft and info.legacy
        gap = await store.records.number_info("KOC-000008")
        assert gap is not None and not gap.draft and not gap.given and gap.legacy
        assert await store.records.number_info("KOC-000010") is None  # never given
    finally:
        await store.close()
