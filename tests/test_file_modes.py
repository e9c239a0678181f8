"""Files the bot writes are readable by its own user only, whatever the umask.

Real processes under the usual umask (022, which makes open() create world-readable files):
the running bot's database and the files SQLite keeps beside it, and `kocca-bot export`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.content import load_content
from bot.emulator import BotAPIEmulator
from bot.settings import PACKAGED_CONTENT_DIR
from bot.store import Store
from tests.processes import BotProcess, clean_env, run_cli
from tests.subscribers import submit_application

PROCESS_TIMEOUT = 60.0


def mode(path: Path) -> int:
    """The permission bits of a file or folder."""
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most servers run with; the bot processes started here inherit it."""
    old = os.umask(0o022)
    yield
    os.umask(old)


async def test_the_database_and_its_folder_are_private_while_the_bot_runs(
    tmp_path: Path,
) -> None:
    emulator = BotAPIEmulator()
    home = tmp_path / "srv"
    home.mkdir(mode=0o755)
    database = home / "data" / "live" / "kocca.db"
    bot = BotProcess(emulator, await emulator.serve(), home, DATABASE_PATH=str(database))
    try:
        await bot.start()
        sari = emulator.user()
        mark = sari.mark()
        sari.send("/start")
        await sari.wait_for_messages(mark, timeout=PROCESS_TIMEOUT)
        files = [database.with_name(database.name + end) for end in ("", "-wal", "-shm")]
        assert {path.name: mode(path) for path in files} == dict.fromkeys(
            ["kocca.db", "kocca.db-wal", "kocca.db-shm"], 0o600
        )
        assert mode(database.parent) == 0o700 and mode(database.parent.parent) == 0o700
        assert mode(home) == 0o755  # a folder the bot did not create keeps its mode
    finally:
        await bot.stop()
        await emulator.stop_serving()


async def test_an_old_world_readable_database_is_made_private(tmp_path: Path) -> None:
    database = tmp_path / "kocca.db"
    database.touch(mode=0o644)
    database.chmod(0o644)
    store = await Store.open(database)
    await store.close()
    assert mode(database) == 0o600


async def test_command_line_exports_are_private(tmp_path: Path) -> None:
    database = tmp_path / "kocca.db"
    store = await Store.open(database)
    content = load_content(PACKAGED_CONTENT_DIR)
    async with store.db.transaction() as tx:
        await tx.execute(
            "INSERT INTO users (user_id, first_name, created_at, updated_at, last_seen_at)"
            " VALUES (1, 'Sari', 'x', 'x', 'x')"
        )
    await submit_application(store, content, 1, sector="music")
    await store.close()
    old_xlsx = tmp_path / "leads.xlsx"
    old_xlsx.write_bytes(b"an older export, world-readable")
    assert mode(old_xlsx) == 0o644
    targets = {"csv": tmp_path / "exports" / "leads.csv", "xlsx": old_xlsx}
    for kind, path in targets.items():
        code, out, err = await run_cli(
            tmp_path,
            clean_env(tmp_path, DATABASE_PATH=str(database)),
            "export",
            "--format",
            kind,
            "--output",
            str(path),
            "--force",  # the XLSX replaces an older export
        )
        assert code == 0, err
        assert out.startswith("Wrote 1 lead to")
        assert mode(path) == 0o600, kind
    assert mode(tmp_path / "exports") == 0o700
