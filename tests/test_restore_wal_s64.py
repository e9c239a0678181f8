"""The documented move to a new server, "restore, doctor, start" (docs/operations.md), ends
with every database check passed (a staff review s64, L9): the restore left its copy in
rollback-journal mode, so doctor said "✘ Database WAL mode" until the bot's first start, and
an operator told to start only on all ✔ stopped there."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.ops.doctor import database_checks
from tests.processes import clean_env, run_cli
from tests.restores import two_leads_and_a_backup


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_a_database_restored_on_a_new_server_passes_doctors_database_checks(
    make_bot: Callable[..., Any], database: Path, tmp_path: Path
) -> None:
    backed_up = await two_leads_and_a_backup(make_bot, database, tmp_path)
    await backed_up.bot.stop()
    signature = backed_up.backup.with_name(backed_up.backup.name + ".sig")
    signed = (digest(backed_up.backup), digest(signature))
    new = tmp_path / "new-server"
    new.mkdir()
    shutil.copy2(tmp_path / "erasure.key", new / "erasure.key")  # it checks the signature
    env = clean_env(new, BOT_TOKEN="1:x")

    code, out, err = await run_cli(new, env, "restore", str(backed_up.backup))
    assert code == 0, err
    assert "The backup's signature was checked." in out
    # One whole file, in WAL mode as the bot keeps it: nothing beside it to move with it.
    assert sorted(path.name for path in new.iterdir()) == ["bot.db", "bot.db.lock", "erasure.key"]
    checks = {check.name: check for check in database_checks(new / "bot.db")}
    assert checks["Database WAL mode"].ok, checks["Database WAL mode"]
    assert [check.name for check in checks.values() if not check.ok] == []
    # Both leads in it; the backup and its signature as they were signed.
    with sqlite3.connect(f"file:{new / 'bot.db'}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT reference FROM applications WHERE status = 'submitted'")
        assert sorted(row[0] for row in rows) == ["KOC-000001", "KOC-000002"]
    assert (digest(backed_up.backup), digest(signature)) == signed

    # The same backup restores again over it: the signature still holds.
    code, out, err = await run_cli(new, env, "restore", str(backed_up.backup))
    assert code == 0, err
    assert all(check.ok for check in database_checks(new / "bot.db"))
