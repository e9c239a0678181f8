"""A database as an older version of the bot made it, to test an upgrade from it."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import pytest

from bot.store import Profile, Store, Users
from bot.store import db as db_module
from bot.store.migrations import MIGRATIONS


async def made_before(
    database: Path, monkeypatch: pytest.MonkeyPatch, named: str, talents: Iterable[int] = ()
) -> None:
    """Create `database` with the migrations listed before the first whose name holds `named`
    (versions are positions in the list, so later ones cannot be kept without it), with these
    talents in it; the next Store.open upgrades it with every migration."""
    first = next(i for i, (name, _) in enumerate(MIGRATIONS) if named in name)
    monkeypatch.setattr(db_module, "MIGRATIONS", MIGRATIONS[:first])
    store = await Store.open(database)
    try:
        for user_id in talents:
            async with store.db.transaction() as tx:
                await Users.upsert(tx, Profile(user_id, "Talent", None, None, "id"), "id")
    finally:
        await store.close()
    monkeypatch.setattr(db_module, "MIGRATIONS", MIGRATIONS)


# A release of November 2026 (commit 39c5e8cd) stopped at this migration: its database is what an
# operator upgrading from it has (the staff's review s62, M3 and M4).
OLD_RELEASE_AT = "0009_lead_staff_notified"
OLD_TALENT = 7001
OLD_LEAD = "KOC-000001"


async def old_release_database(database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Create `database` as that release left it (migrations up to OLD_RELEASE_AT), holding
    one talent and her lead, submitted there, written as that release wrote them."""
    await made_before(database, monkeypatch, "0010_reminders", talents=[OLD_TALENT])
    when = "2026-11-26T03:00:00.000000+00:00"
    with contextlib.closing(sqlite3.connect(database)) as db, db:
        db.execute(
            "INSERT INTO applications (id, user_id, status, active, stage, step, language,"
            " reference, created_at, updated_at, submitted_at)"
            " VALUES (1, ?, 'submitted', 0, 'submitted', 24, 'id', ?, ?, ?, ?)",
            (OLD_TALENT, OLD_LEAD, when, when, when),
        )
        answers = {"sector": "film", "full_name": "Hana Kusuma", "email": "hana.k@example.com"}
        db.executemany(
            "INSERT INTO answers (application_id, question_key, value, answered_at)"
            " VALUES (1, ?, ?, ?)",
            [(key, json.dumps(value), when) for key, value in answers.items()],
        )
        db.execute(
            "INSERT INTO consents (user_id, application_id, kind, granted, notice_version,"
            " language, created_at) VALUES (?, 1, 'processing', 1, '2026-11-26', 'id', ?)",
            (OLD_TALENT, when),
        )


def migrations_applied(database: Path) -> int:
    """How many migrations the file records (read only)."""
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        return int(db.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0])
