"""A free question as stored: once per update, its offers as JSON, its time as ISO 8601 UTC."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.store import Database
from bot.store.conversation import ConversationLog, LogEntry
from bot.store.db import stamp, utc_now
from bot.store.questions import Asked, FreeQuestions

ASKED = Asked(
    user_id=7,
    update_id=1001,
    message_id=5,
    language="id",
    via="chat",
    text='kak "open call" kapan? é',
    summary='kak "open call" kapan? é',
    outcome="answered",
    entry="faq:open_call",
    offered=("program:coproduction", "faq:fees"),
    confidence=0.91234,
)


@pytest.fixture
async def db(database: Path) -> AsyncIterator[Database]:
    opened = await Database.open(database)
    async with opened.transaction() as tx:
        await tx.execute(
            "INSERT INTO users (user_id, created_at, updated_at, last_seen_at) VALUES (7, ?, ?, ?)",
            (utc_now(), utc_now(), utc_now()),
        )
    yield opened
    await opened.close()


async def test_a_replayed_update_keeps_the_question_recorded_the_first_time(db: Database) -> None:
    questions = FreeQuestions(db, ConversationLog(db))
    first = await questions.record(ASKED)
    again = await questions.record(replace(ASKED, text="something else", outcome="unanswered"))
    other = await questions.record(replace(ASKED, update_id=1002, offered=()))
    assert again == first and other != first
    rows = await db.fetch_all(
        "SELECT id, text, outcome, offered, confidence FROM free_questions ORDER BY id"
    )
    assert [row["id"] for row in rows] == [first, other]
    assert rows[0]["text"] == ASKED.text and rows[0]["outcome"] == "answered"
    # The offers are stored as json.dumps writes them, so /dataku shows them unchanged.
    assert rows[0]["offered"] == json.dumps(["program:coproduction", "faq:fees"])
    assert rows[1]["offered"] == "[]"
    assert rows[0]["confidence"] == 0.912


async def test_a_questions_text_counts_against_the_talents_daily_text_budget(
    db: Database,
) -> None:
    # LOG_TEXT_PER_DAY bounds what is kept of one talent's day, free questions included: a
    # flood of long messages keeps only their masked summaries once the day's text is spent.
    log = ConversationLog(db, text_per_day=100)
    questions = FreeQuestions(db, log)
    await log.add(LogEntry(7, 7, "in", "text", "x" * 60, 1000))  # 60 of the day's 100
    kept = await questions.record(replace(ASKED, text="y" * 30, summary="y" * 30))
    over = await questions.record(replace(ASKED, update_id=1002, text="z" * 30, summary="z…"))
    texts = [question.text for i in (kept, over) if (question := questions.get(i, 7))]
    assert texts == ["y" * 30, ""]
    recorded = questions.get(over, 7)
    assert recorded is not None and recorded.summary == "z…"
    # "Lengths only" (LOG_TEXT_PER_DAY=0) keeps no question's text at all.
    none_kept = FreeQuestions(db, ConversationLog(db, text_per_day=0))
    question = questions.get(await none_kept.record(replace(ASKED, update_id=1003)), 7)
    assert question is not None and question.text == "" and question.summary == ASKED.summary


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 12, 4, 2, 33, 45, 123456, tzinfo=UTC),
        datetime(2026, 12, 4, 2, 33, 45, 0, tzinfo=UTC),  # whole second: still six digits
        datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
        datetime(2027, 1, 1, 0, 0, 0, 1, tzinfo=UTC),  # the next second, in the next year
        datetime(2028, 2, 29, 12, 0, 0, 500000, tzinfo=UTC),
    ],
)
def test_stamps_are_what_datetime_isoformat_writes(moment: datetime) -> None:
    nanoseconds = (moment - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1) * 1000
    expected = moment.isoformat(timespec="microseconds")
    assert stamp(nanoseconds) == expected
    assert stamp(nanoseconds + 999) == expected  # below a microsecond: rounded down
    assert datetime.fromisoformat(utc_now()).tzinfo == UTC
