"""A restore over a database that cannot be read (a new staff review s64, M1, L2, L3).

M1: the damaged file was kept as a "before-restore" database, which later erasures are said to
reach; none could (each only logged it), doctor said "later erasures are applied to it", and a
talent who erased was told all her data was gone while it still held her. Now it is moved
aside as damaged, restore says it holds data no erasure reaches and to delete it, and doctor
fails while it (or a kept database it cannot read) is there; the bot deletes it BACKUP_KEEP
days after the restore at the latest.
L2: restore said "Could not carry … unable to open database" eight times and "Carried over 0
audit entries": now one line, with SQLite's own reason.
L3: `kocca-bot backup` on it said "Backup failed" and "(not noted in the database: …)" with
exit 1: now the one line and exit status 2 of every command.

Every command runs as `kocca-bot` does (`run_cli`: run with PYTHONPATH=<checkout>).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.ops.kept import kept_path
from bot.store import Store
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.processes import clean_env, run_cli
from tests.restores import BackedUp, two_leads_and_a_backup

MALFORMED = "database disk image is malformed"
RESTORE = "restore the last good backup: kocca-bot restore FILE"
WAIT = 60.0  # seconds: a bound on a wait, never a measurement


def _damage(database: Path) -> None:
    """Every other page but the first overwritten, the side files gone (as a failing disk)."""
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    data = bytearray(database.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // size, 2):
        data[page * size : page * size + 64] = b"\xff" * 64
    database.write_bytes(bytes(data))


async def _restored_over_damage(
    make_bot: Callable[..., Any], database: Path, tmp_path: Path
) -> tuple[BackedUp, str, str]:
    backed_up = await two_leads_and_a_backup(make_bot, database, tmp_path)
    await backed_up.bot.stop()
    _damage(database)
    code, out, err = await backed_up.cli("restore", str(backed_up.backup))
    assert code == 0, err
    return backed_up, out, err


async def test_a_damaged_database_is_moved_aside_as_damaged_and_doctor_fails_until_it_goes(
    make_bot: Callable[..., Any], database: Path, tmp_path: Path
) -> None:
    backed_up, out, _ = await _restored_over_damage(make_bot, database, tmp_path)
    assert not list(database.parent.glob("kocca.before-restore-*"))  # no kept database
    [damaged] = database.parent.glob("kocca.damaged-*.db")
    # The operator is told plainly what it is, that no erasure reaches it, and what to do.
    assert f"The previous database cannot be read whole ({MALFORMED})" in out
    assert f"moved aside as {damaged}, not kept as a backup is" in out
    assert "talents' data that erasures made from now on will not reach" in out
    assert f"delete it: rm {damaged}*" in out
    assert "erasures and withdrawals of consent made from now on are applied to it" not in out

    env = {**backed_up.env, "BOT_TOKEN": ""}
    _, doctor, _ = await run_cli(backed_up.folder, env, "doctor")
    assert f"✘ Kept databases: {damaged.name} cannot be read ({MALFORMED})" in doctor
    assert f"delete it: rm {damaged}*" in doctor
    damaged.unlink()
    _, doctor, _ = await run_cli(backed_up.folder, env, "doctor")
    assert "✔ Kept databases: none" in doctor


async def test_restore_says_once_that_nothing_could_be_carried_and_why(
    make_bot: Callable[..., Any], database: Path, tmp_path: Path
) -> None:
    _, out, err = await _restored_over_damage(make_bot, database, tmp_path)
    said = out + err
    [line] = [line for line in said.splitlines() if "carried over" in line.casefold()]
    assert line.startswith("WARNING: nothing could be carried over from the previous database")
    assert f"it cannot be read ({MALFORMED})" in line
    assert "unable to open" not in said
    assert "Could not carry" not in said


async def test_the_bot_deletes_a_damaged_copy_backup_keep_days_after_the_restore(
    make_bot: Callable[..., Any], database: Path, tmp_path: Path
) -> None:
    await _restored_over_damage(make_bot, database, tmp_path)
    [damaged] = database.parent.glob("kocca.damaged-*.db")
    stamp = (datetime.now(UTC) - timedelta(days=3, hours=1)).strftime("%Y%m%dT%H%M%SZ")
    old = damaged.with_name(f"kocca.damaged-{stamp}.db")
    os.replace(damaged, old)
    bot = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID, backup_keep=3
    )
    async with asyncio.timeout(WAIT):
        while old.exists():  # noqa: ASYNC110 - the bot deletes it at start, nothing to wait on
            await asyncio.sleep(0.05)
    await bot.stop()


async def test_doctor_opens_each_kept_database_and_fails_on_one_it_cannot_read(
    tmp_path: Path,
) -> None:
    """A kept database that became unreadable (or was kept by an earlier release): doctor
    said "later erasures are applied to it"."""
    database = tmp_path / "kocca.db"
    await (await Store.open(database)).close()
    kept = kept_path(database, datetime.now(UTC) - timedelta(days=1))
    kept.write_bytes(database.read_bytes())
    _damage(kept)
    env = clean_env(tmp_path, BOT_TOKEN="", DATABASE_PATH=str(database), ADMIN_IDS="1001")
    _, doctor, _ = await run_cli(tmp_path, env, "doctor")
    assert f"✘ Kept databases: {kept.name} cannot be read ({MALFORMED})" in doctor
    assert "no erasure can be applied to it" in doctor


async def test_backup_of_a_damaged_database_is_refused_in_the_one_line(tmp_path: Path) -> None:
    database = tmp_path / "kocca.db"
    await (await Store.open(database)).close()
    _damage(database)
    env = clean_env(tmp_path, BOT_TOKEN="", DATABASE_PATH=str(database), ADMIN_IDS="1001")
    code, out, err = await run_cli(tmp_path, env, "backup", "--output", str(tmp_path / "b.db"))
    lines = [line for line in (out + err).splitlines() if line.strip()]
    assert code == 2, out + err
    assert len(lines) == 1, out + err
    assert lines[0].startswith(f"The database {database} cannot be read: {MALFORMED}.")
    assert RESTORE in lines[0]
    assert not (tmp_path / "b.db").exists()
