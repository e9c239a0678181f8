"""/stats as staff read it: numbers right, read off the talents' way, written as people write."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.leads import desk_stats, pipeline_stats, stats
from bot.leads.export import WIB
from bot.store import Store
from bot.store.audit import Actor
from bot.store.leads import (
    _ANSWER_COUNTS,
    _CLOSED_ANSWER_COUNTS,
    _CLOSED_COUNT,
    _CLOSED_PER_WIB_DAY,
    _CLOSED_SOURCES,
    _COUNTS,
)
from bot.store.pipeline import _CLOSED_DUPLICATES
from bot.store.workspace import CLOSED_FIGURES, FIGURES
from tests.harness import Harness, shared_reads
from tests.leads import CONTENT, Seed, seeded
from tests.processes import clean_env, run_cli
from tests.test_staff import admin_of

DELAYS = "30s,90m,48h,14d"  # one of each unit the reminder line can show


def _header(language: str, moments: list[datetime]) -> set[str]:
    """The header line at any of these moments (the minute may turn while the bot answers)."""
    words = {"id": "per {date}, pukul {time} WIB", "en": "as of {date}, {time} WIB"}[language]
    return {
        words.format(
            date=CONTENT.date_text(at.date(), language), time=CONTENT.clock_text(at, language)
        )
        for at in (moment.astimezone(WIB) for moment in moments)
    }


async def test_stats_write_dates_in_words_decimals_and_delays_as_each_language_does(
    make_bot: Any, staff_chat: Any, database: Path, tmp_path: Path
) -> None:
    bot: Harness = await make_bot(
        admin_ids=frozenset({admin_of(staff_chat).id}), reminder_delays=DELAYS
    )
    now = datetime.now(UTC)
    submitted = now - timedelta(hours=36)
    music = {"sector": "music", "music_role": "producer", "province": "bali", "full_name": "M"}
    await seeded(database, [Seed(301, music, submitted.isoformat(timespec="microseconds"))])
    await bot.store.pipeline.move(1, None, "dihubungi", Actor.cli(), None, None)
    day = submitted.astimezone(WIB).date()

    text, _chart = await bot.send(admin_of(staff_chat), "/stats")
    lines = text.text.splitlines()
    assert lines[1] in _header("id", [now, now + timedelta(minutes=1)])
    assert f"• {CONTENT.date_text(day, 'id')}: 1" in lines  # "• 30 November 2026: 1"
    assert "Aktif: 30 detik, 90 menit, 48 jam, 14 hari setelah aktivitas terakhir" in text.text
    assert "median 1,5 hari setelah mendaftar (1 pendaftar)" in lines
    # Contacted within the day: "less than a day" (a new staff member read "0,0 hari" as a
    # mistake).
    same_day = "median kurang dari sehari setelah mendaftar (1 pendaftar)"
    assert pipeline_stats.contact_time(CONTENT, "id", 0.02, 1) == same_day
    # The admin who asked has a chat with the bot too, but is staff, not a talent.
    assert "Orang yang mulai chat: 1" in lines

    env = clean_env(tmp_path, BOT_TOKEN="1:x", DATABASE_PATH=str(database))
    env["REMINDER_DELAYS"] = DELAYS
    code, out, err = await run_cli(tmp_path, env, "stats", "--language", "en")
    assert code == 0, err
    assert err == ""  # the matcher's library says nothing at its own debug level
    lines = out.splitlines()
    assert lines[1] in _header("en", [now, datetime.now(UTC)])
    assert f"• {CONTENT.date_text(day, 'en')}: 1" in lines
    assert "On: 30 s, 90 min, 48 h, 14 d after the last activity" in out
    assert "median 1.5 days after registering (1 lead)" in lines


async def test_stats_count_submitted_answers_only_and_read_them_from_a_snapshot(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = await Store.open(database)  # the store as the bot opens it, without its workers
    now = datetime.now(UTC)
    at = (now - timedelta(days=1)).isoformat(timespec="microseconds")
    music = {"sector": "music", "full_name": "M"}
    film = {"sector": "film", "full_name": "F"}
    await seeded(
        database,
        [
            Seed(401, {**music, "music_role": "producer", "province": "bali"}, at),
            Seed(402, {**music, "music_role": "producer", "province": "bali"}, at),
            Seed(403, {**music, "music_role": "band_group", "province": None}, at),  # skipped
            Seed(404, {**film, "film_role": "director", "province": "dki_jakarta"}, at),
            Seed(405, {**film, "film_role": "director", "province": "bali"}, None),  # a draft
            Seed(406, {**music, "music_role": "producer", "province": "papua"}, None),  # draft
            Seed(407, {"sector": None, "full_name": "S"}, at),  # sector skipped
            Seed(408, {"full_name": "N"}, at, source="team"),  # never asked; staff (below)
        ],
    )
    reads = shared_reads(store, monkeypatch)
    try:
        numbers = await stats.compute(store, now, staff={408})
        flow = await pipeline_stats.compute_stats(store, CONTENT, now)
    finally:
        await store.close()

    assert reads == []  # nothing queued on the reader talents' replies need
    assert numbers.sectors == [("music", 3), ("film", 1)]
    assert numbers.music_roles == [("producer", 2), ("band_group", 1)]
    assert numbers.film_roles == [("director", 1)]
    assert numbers.provinces == [("bali", 2), ("dki_jakarta", 1)]
    assert (numbers.counts.submitted, numbers.counts.drafts) == (6, 2)
    yesterday = (now - timedelta(days=1)).astimezone(WIB).date()
    assert dict(numbers.days)[yesterday] == 6 and sum(n for _, n in numbers.days) == 6
    # 408 is staff: a lead as any other, not a talent who came from a source (a source only
    # staff came with is not listed).
    assert numbers.sources == [(None, 7, 5)] and numbers.counts.started == 7
    # Every submitted lead is at a stage, with a sector or without one.
    assert dict(flow.per_stage)["baru"] == 6 and sum(n for _, n in flow.per_stage) == 6
    assert {sector: dict(stages)["baru"] for sector, stages in flow.per_sector.items()} == {
        "film": 1,
        "music": 3,
    }


async def test_the_workspace_shows_the_same_figures_as_stats_after_edits_moves_and_erasure(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = await Store.open(database, erasure_key=b"test-erasure-key-" * 2)
    now = datetime.now(UTC)
    at = (now - timedelta(days=2)).isoformat(timespec="microseconds")
    music = {"sector": "music", "full_name": "M", "music_role": "producer"}
    film = {"sector": "film", "full_name": "F", "film_role": "director"}
    await seeded(
        database,
        [
            Seed(501, {**music, "province": "bali"}, at),
            Seed(502, {**music, "province": "papua"}, at),
            Seed(503, {**film, "province": "bali", "phone": "+6281234567801"}, at),
            # The same phone as 503's: a possible duplicate of it, closed as one below.
            Seed(504, {**film, "province": "aceh", "phone": "+6281234567801"}, at),
            Seed(505, {**film, "province": "bali"}, None),  # a draft counts in neither
            Seed(506, {"sector": None, "full_name": "S", "province": None}, at),
            Seed(507, {**music, "province": "aceh"}, at),  # erased below
        ],
    )
    staff = Actor.cli()
    await store.pipeline.move(1, None, "dihubungi", staff, None, None)
    await store.pipeline.move(3, None, "shortlist", staff, None, None)
    edited = await store.records.edit_answer(2, "sector", '"music"', True, "film", staff)
    assert edited.outcome == "saved"
    await store.privacy.erase(507)
    # Closed as a duplicate: counted apart, in no stage (review s49), the same in both.
    assert await store.duplicates.close_duplicate(4, 3, staff) == "saved"
    reads = shared_reads(store, monkeypatch)
    try:
        numbers = await stats.compute(store, now, staff={501})
        flow = await pipeline_stats.compute_stats(store, CONTENT, now)
        desk = await desk_stats.compute(store, CONTENT, now, staff={501})
    finally:
        await store.close()

    assert reads == []  # nothing queued on the reader talents' replies need
    # 504, closed as a duplicate, counts in no field or place, as in no stage (review s50).
    assert desk.sectors == numbers.sectors == [("film", 2), ("music", 1)]
    assert desk.provinces == numbers.provinces == [("bali", 2), ("papua", 1)]
    assert desk.counts == numbers.counts
    assert (desk.counts.submitted, desk.counts.duplicates) == (4, 1)
    assert sum(n for _, n in numbers.days) == sum(n for _, n in flow.days) == 4
    # Said beside the count, which stays written as the language groups it.
    many = replace(numbers.counts, submitted=49_500, duplicates=1_500)
    assert stats.submitted_text(many, CONTENT, "id") == (
        "49.500 (+1.500 duplikat ditutup, tidak ikut dihitung di bawah)"
    )
    assert stats.submitted_text(many, CONTENT, "en") == (
        "49,500 (+1,500 closed as duplicates, not counted below either)"
    )
    assert numbers.sources == [(None, 5, 3)]  # 502, 503, 506: 501 is staff, 504 closed
    assert desk.flow == flow
    assert dict(flow.per_stage) == {
        **{key: 0 for key in CONTENT.stages},
        "baru": 2,
        "dihubungi": 1,
        "shortlist": 1,
    }
    assert flow.duplicates == 1 and dict(flow.per_sector["film"])["baru"] == 1
    assert flow.contacted == 2  # "dihubungi" and "shortlist" count as a first contact


async def test_the_answer_counts_are_read_from_their_own_index(database: Path) -> None:
    await (await Store.open(database)).close()  # the schema, by the store's own migrations
    with sqlite3.connect(database) as db:
        plan = " ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + _ANSWER_COUNTS))
    # Not a row per lead and question: the partial index holds the four questions' answers.
    assert "COVERING INDEX answers_stats" in plan


async def test_the_closed_duplicates_taken_off_are_read_from_their_partial_index(
    database: Path,
) -> None:
    await (await Store.open(database)).close()
    queries: list[tuple[str, tuple[str, ...] | dict[str, str]]] = [
        (_CLOSED_COUNT, ()),
        (_CLOSED_ANSWER_COUNTS, ()),
        (_CLOSED_PER_WIB_DAY, ("2026-01-01",)),
        (_CLOSED_SOURCES, {"staff": "[]"}),
        (CLOSED_FIGURES, ()),
        (_CLOSED_DUPLICATES, ()),
    ]
    with sqlite3.connect(database) as db:
        for sql, params in queries:
            plan = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, params)]
            # A few rows first, each looked up: never a walk over every lead (40 ms at 50,000).
            assert "COVERING INDEX lead_pipeline_closed" in plan[0], (sql, plan)
    db.close()


async def test_the_workspace_figures_are_read_from_their_own_index(database: Path) -> None:
    await (await Store.open(database)).close()
    with sqlite3.connect(database) as db:
        plan = " ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + FIGURES))
    # Not a pass over every lead's row and a sort: the index holds the three columns in order.
    assert "COVERING INDEX lead_search_figures" in plan and "TEMP B-TREE" not in plan


async def test_consented_counts_each_talent_by_their_newest_processing_consent(
    database: Path,
) -> None:
    store = await Store.open(database)
    await store.close()
    # (talent, kind, granted) in the order given: the table is append-only.
    history = [
        (1, "processing", 1),  # granted: counted
        (2, "processing", 1),
        (2, "processing", 0),  # granted, then withdrawn: not counted
        (3, "processing", 0),
        (3, "processing", 1),  # declined, then granted: counted
        (4, "processing", 0),  # declined only
        (5, "announcements", 1),  # another consent only
        (5, "processing", 1),
        (5, "announcements", 0),  # a later consent of another kind does not matter
        (6, "processing", 1),  # an admin who tried the form: staff, not a talent
    ]
    with sqlite3.connect(database) as db:
        for user_id in range(1, 7):
            db.execute(
                "INSERT INTO users (user_id, first_name, language, created_at, updated_at,"
                " last_seen_at) VALUES (?, 'T', 'id', '2026-01-01', '2026-01-01', '2026-01-01')",
                (user_id,),
            )
        db.executemany(
            "INSERT INTO consents (user_id, kind, granted, notice_version, language, created_at)"
            " VALUES (?, ?, ?, 'v1', 'id', '2026-01-01')",
            history,
        )
        plan = " ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + _COUNTS))
    db.close()
    store = await Store.open(database)
    try:
        counts = await store.leads.counts(store.db, staff={6})
    finally:
        await store.close()
    assert counts.started == 5 and counts.consented == 3
    # One pass over the processing consents, not a look-up per consent.
    assert "INDEX consents_processing" in plan


async def test_days_to_first_contact_are_the_median_of_each_leads_first_contact(
    database: Path,
) -> None:
    await (await Store.open(database)).close()
    submitted = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
    at = submitted.isoformat(timespec="microseconds")
    await seeded(database, [Seed(600 + n, {"full_name": f"T{n}"}, at) for n in range(6)])

    def after(days: float) -> str:
        return (submitted + timedelta(days=days)).isoformat(timespec="microseconds")

    # (lead, to stage, days after submission): the first move to a contact stage counts.
    moves = [
        (1, "dihubungi", 1),
        (1, "shortlist", 9),  # a later contact stage: still 1 day for this lead
        (2, "ditinjau", 0.5),  # reviewed is not contact
        (2, "shortlist", 2),
        (3, "dihubungi", 4),
        (4, "dihubungi", 10),
        (5, "dihubungi", -0.2),  # a clock ahead: never below 0
        (6, "ditinjau", 1),  # never contacted
    ]
    with sqlite3.connect(database) as db:
        db.executemany(
            "INSERT INTO lead_history (application_id, kind, from_value, to_value, via,"
            " created_at) VALUES (?, 'stage', 'baru', ?, 'cli', ?)",
            [(lead, stage, after(days)) for lead, stage, days in moves],
        )
    db.close()
    store = await Store.open(database)
    try:
        five = await store.pipeline.statistics(["dihubungi", "shortlist", "diteruskan"], at)
        four = await store.pipeline.statistics(["dihubungi"], at)  # leads 1, 3, 4, 5
        none = await store.pipeline.statistics(["diteruskan"], at)
    finally:
        await store.close()
    # Five contacted leads: 0, 1, 2, 4 and 10 days; the median is the middle one.
    assert five.contacted == 5
    assert five.median_days_to_contact == pytest.approx(2.0)
    # Four: 0, 1, 4, 10 days; the median is the mean of the middle two, as people count it.
    assert four.contacted == 4 and four.median_days_to_contact == pytest.approx(2.5)
    assert none.contacted == 0 and none.median_days_to_contact is None
