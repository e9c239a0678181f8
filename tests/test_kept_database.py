"""The database a restore replaces is kept as a safety net, and held like a backup: erasures
made afterwards reach it, it goes BACKUP_KEEP days after the restore, and `restore` and
`doctor` say so (an attacker's review s59, M3: a talent erased after a restore, or one the
restore dropped, stayed in it in clear text with no end)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.ops.kept import kept_path
from bot.texts import Text
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, apply
from tests.processes import run_cli
from tests.restores import BackedUp, two_leads_and_a_backup

ERASED = [b"Sari Dewi Lestari", b"sari.dewi@example.com", b"Citra Kirana Putri"]
OFFSITE = "offsite"  # the folder of the backup, beside the data folder's files
WAIT = 60.0  # seconds: a bound on a wait, never a measurement


def _holding(folder: Path, words: list[bytes]) -> list[str]:
    """Every file of the data folder `folder` (the database, its WAL, the kept database and its
    side files, the backups folder) that holds one of `words`, byte for byte; not the backup
    the test restored, kept elsewhere (`OFFSITE`): erasure never reaches a backup."""
    return sorted(
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file()
        and OFFSITE not in path.relative_to(folder).parts
        and any(word in path.read_bytes() for word in words)
    )


async def _erase(bot: Harness, talent: Any) -> None:
    await bot.send(talent, "/hapusdata")
    [done] = await bot.press(talent, CONTENT.text(Text.BTN_CONFIRM_DELETE, "id"))
    assert done.text.startswith("✅ Semua datamu sudah kami hapus dari bot ini.")


async def _restored_with_citra_after_the_backup(
    make_bot: Callable[..., Any], database: Path, tmp_path: Path
) -> tuple[BackedUp, Any, str]:
    """Sari and Budi apply, a backup (kept off the data folder), Citra applies, a restore."""
    offsite = tmp_path / OFFSITE
    offsite.mkdir()
    backed_up = await two_leads_and_a_backup(make_bot, database, offsite)
    citra = backed_up.bot.user(first_name="Citrawati")
    await apply(backed_up.bot, citra, {**FILMMAKER, "full_name": "Citra Kirana Putri"})
    await backed_up.bot.stop()
    code, out, err = await backed_up.cli("restore", str(backed_up.backup))
    assert code == 0, err
    return backed_up, citra, out


async def test_erasures_after_a_restore_reach_the_kept_database(
    make_bot: Callable[..., Any], database: Path, tmp_path: Path
) -> None:
    backed_up, citra, out = await _restored_with_citra_after_the_backup(
        make_bot, database, tmp_path
    )
    [kept] = database.parent.glob("kocca.before-restore-*.db")
    # The operator is told what the kept database is, how long it stays and what to do.
    assert f"The previous database is kept as {kept}" in out
    assert "erasures and withdrawals of consent made from now on are applied to it too" in out
    assert "deletes it 14 days after this restore (BACKUP_KEEP)" in out
    assert f"delete it: rm {kept}" in out
    code, doctor, _ = await run_cli(backed_up.folder, {**backed_up.env, "BOT_TOKEN": ""}, "doctor")
    assert f"! Kept databases: {kept.name} (restored 0 days ago, deleted in 14 days)" in doctor
    assert f"fix: once you have checked the restore, delete it: rm {kept}" in doctor
    assert "✘ Kept databases" not in doctor

    bot = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    await _erase(bot, backed_up.sari)  # in both databases
    # When she is told it is done, it is: in every file of the data folder.
    assert _holding(tmp_path, ERASED[:2]) == []
    await _erase(bot, citra)  # the restore dropped her: only the kept database knows her
    assert _holding(tmp_path, ERASED) == []
    await bot.stop()
    assert _holding(tmp_path, ERASED) == []
    # The kept database is still whole for everyone else, and still a database of this bot.
    assert _holding(tmp_path, [b"Budi Santoso"]) == sorted([kept.name, database.name])
    code, _, err = await backed_up.cli("restore", "--unsigned", str(kept))
    assert code == 0, err


async def test_a_kept_database_goes_backup_keep_days_after_its_restore(
    make_bot: Callable[..., Any], database: Path, tmp_path: Path
) -> None:
    backed_up, _, _ = await _restored_with_citra_after_the_backup(make_bot, database, tmp_path)
    [kept] = database.parent.glob("kocca.before-restore-*.db")
    now = datetime.now(UTC)
    old = kept_path(database, now - timedelta(days=3, hours=1))
    os.replace(kept, old)
    young = kept_path(database, now - timedelta(days=1))
    young.write_bytes(old.read_bytes())
    env = {**backed_up.env, "BOT_TOKEN": "", "BACKUP_KEEP": "3"}
    _, doctor, _ = await run_cli(backed_up.folder, env, "doctor")
    assert f"{old.name} (restored 3 days ago, deleted in 0 days)" in doctor
    assert f"{young.name} (restored 1 day ago, deleted in 2 days)" in doctor

    bot = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID, backup_keep=3
    )
    async with asyncio.timeout(WAIT):
        while old.exists():  # noqa: ASYNC110 - the bot deletes it at start, nothing to wait on
            await asyncio.sleep(0.05)
    await bot.stop()
    assert sorted(database.parent.glob("kocca.before-restore-*")) == [young]
