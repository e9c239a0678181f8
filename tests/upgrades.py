"""A database as an older version of the bot made it, to test an upgrade from it."""

from __future__ import annotations

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
