"""A lead reference (KOC-…) and a broadcast id (on staff buttons) are given once: never again
after an erasure, nor after a restore."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from bot.ops.restore import restore
from bot.settings import Settings
from bot.store import Store
from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, apply

T = TypeVar("T")


async def test_erasing_the_newest_lead_does_not_hand_its_reference_to_the_next(
    bot: Harness,
) -> None:
    sari, budi, citra = bot.user(), bot.user(first_name="Budi"), bot.user(first_name="Citra")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    assert await apply(bot, budi, FILMMAKER) == "KOC-000002"
    await bot.send(budi, "/hapusdata")
    await bot.press(budi, CONTENT.text(Text.BTN_CONFIRM_DELETE, "id"))
    assert await bot.store.leads.by_reference("KOC-000002") is None  # erased
    # Staff may still have KOC-000002 in an export: the next talent gets a new number.
    assert await apply(bot, citra, MUSICIAN) == "KOC-000003"


async def test_a_restore_does_not_reissue_references_given_after_the_backup(
    tmp_path: Path,
) -> None:
    database, backup = tmp_path / "kocca.db", tmp_path / "backup.db"
    await _drafts(database, 3)  # ids 1-3, then the backup
    shutil.copy(database, backup)
    await _drafts(database, 4)  # ids 4-7 after it: their numbers may be in staff's hands
    settings = Settings(_env_file=None, database_path=database)  # type: ignore[call-arg]
    # The CLI's, blocking; a plain copy of the file has no signature.
    await asyncio.to_thread(restore, settings, backup, unsigned=True)
    assert await _drafts(database, 1) == [8]


async def test_a_restore_does_not_reissue_lead_numbers_given_after_the_backup(
    tmp_path: Path,
) -> None:
    """Lead numbers are given at submission (drafts use none): a restore carries the highest
    number given, as it carries the highest application id."""
    database, backup = tmp_path / "kocca.db", tmp_path / "backup.db"
    assert await _created(database, 2, _submitted) == ["KOC-000001", "KOC-000002"]
    await _drafts(database, 3)  # forms never sent: no number used
    shutil.copy(database, backup)
    assert await _created(database, 2, _submitted) == ["KOC-000003", "KOC-000004"]
    settings = Settings(_env_file=None, database_path=database)  # type: ignore[call-arg]
    await asyncio.to_thread(restore, settings, backup, unsigned=True)
    assert await _created(database, 1, _submitted) == ["KOC-000005"]


async def test_a_restore_does_not_reissue_broadcast_ids_given_after_the_backup(
    tmp_path: Path,
) -> None:
    database, backup = tmp_path / "kocca.db", tmp_path / "backup.db"
    assert await _broadcasts(database, 2) == [1, 2]  # then the backup
    shutil.copy(database, backup)
    # Broadcasts 3-4 after it: staff hold their "Send" and "Cancel" buttons, which must not
    # act on a new announcement once the backup is back.
    assert await _broadcasts(database, 2) == [3, 4]
    settings = Settings(_env_file=None, database_path=database)  # type: ignore[call-arg]
    await asyncio.to_thread(restore, settings, backup, unsigned=True)
    assert await _broadcasts(database, 1) == [5]


async def _broadcasts(database: Path, count: int) -> list[int]:
    """Start composing announcements, one admin each, as /broadcast does; their ids."""
    return await _created(database, count, _broadcast)


async def _drafts(database: Path, count: int) -> list[int]:
    """Open drafts for new users, as the bot does; their application ids."""
    return await _created(database, count, _draft)


async def _created(database: Path, count: int, create: Callable[[Store], Awaitable[T]]) -> list[T]:
    """Create `count` rows with the bot's own store, closed after; their ids."""
    store = await Store.open(database)
    try:
        return [await create(store) for _ in range(count)]
    finally:
        await store.close()


async def _broadcast(store: Store) -> int:
    admin = 100 + int(await store.db.fetch_value("SELECT COUNT(*) FROM broadcasts"))
    return (await store.broadcasts.start_composing(admin, "kind")).id


async def _submitted(store: Store) -> str:
    """A new user's registration, sent: its reference."""
    draft = await store.applications.get(await _draft(store))
    assert draft is not None
    reference = await store.applications.submit(draft)
    assert reference is not None
    return reference


async def _draft(store: Store) -> int:
    user_id = 1 + int(await store.db.fetch_value("SELECT COUNT(*) FROM users"))
    async with store.db.transaction() as tx:
        await tx.execute(
            "INSERT INTO users (user_id, created_at, updated_at, last_seen_at)"
            " VALUES (?, '2026-01-01', '2026-01-01', '2026-01-01')",
            (user_id,),
        )
    return (await store.applications.create(user_id, "id", "question")).id
