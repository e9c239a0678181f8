"""Exports that hold talents' data never outlive their use: not their few minutes, not the
erasure of a talent in them, not a bot killed while writing them.

The workspace's exports not fetched go when their link expires (swept even when nobody uses
the workspace) and as soon as any talent is erased; the temporary folders of exports and
/dataku copies a killed bot left behind go at the next start (bot/temp_folders.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bot import temp_folders
from bot.web.downloads import LIFETIME
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded
from tests.subscribers import wait_until
from tests.workspace import workspace


def _exported(token: str) -> list[Path]:
    """The file behind a download token, found where Downloads writes it."""
    return list(Path(tempfile.gettempdir()).glob(f"kocca-workspace-*/{token}.csv"))


async def test_an_unfetched_export_goes_when_its_talent_is_erased(bot: Harness) -> None:
    talent = bot.emulator.user(7001, first_name="Zubaidah")
    await seeded(
        bot.database,
        [Seed(7001, {**MUSICIAN, "full_name": "Zubaidah Unik"}, first_name="Zubaidah")],
    )
    async with workspace(bot, ADMIN_ID) as client:
        ready = await client.ok("export", {"format": "csv"})
        token = ready["path"].rsplit("/", 1)[1]
        (written,) = _exported(token)
        assert "Zubaidah" in written.read_text("utf-8-sig")
        await bot.send(talent, "/hapusdata")
        await bot.press(talent, talent.last_message.button_texts[0])  # yes, erase everything
        assert await bot.store.leads.by_reference("KOC-000001") is None  # erased
        assert not written.exists()
        response = await client.http.get(f"/staff/{ready['path']}")
        assert response.status == 404


async def test_an_unfetched_export_goes_when_it_expires_with_nobody_asking(bot: Harness) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    now = [1000.0]
    async with workspace(bot, ADMIN_ID, monotonic=lambda: now[0], sweep_seconds=0.01) as client:
        ready = await client.ok("export", {"format": "csv"})
        (written,) = _exported(ready["path"].rsplit("/", 1)[1])
        now[0] += LIFETIME + 1

        async def deleted() -> bool:
            return not written.exists()

        await wait_until(deleted)  # no request made meanwhile: the sweep deleted it


def test_a_start_removes_the_folders_of_bots_no_longer_running(tmp_path: Path) -> None:
    ended = subprocess.Popen([sys.executable, "-c", ""])
    ended.wait()
    names = {
        "gone": [f"kocca-export-p{ended.pid}-abc", f"kocca-mydata-p{ended.pid}-d_e"],
        "kept": [
            f"kocca-workspace-p{os.getpid()}-xyz",  # a bot still running
            f"kocca-chat-p{ended.pid}-abc",  # not a kind that holds talents' data
            "kocca-export-abc123",  # not named for a process
            "kocca-export-p0-abc",
        ],
    }
    for name in names["gone"] + names["kept"]:
        (tmp_path / name).mkdir()
        (tmp_path / name / "leads.csv").write_text("Zubaidah", encoding="utf-8")
    assert temp_folders.remove_leftovers(tmp_path) == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(names["kept"])
    with temp_folders.folder("export") as made:
        assert Path(made).name.startswith(f"kocca-export-p{os.getpid()}-")
