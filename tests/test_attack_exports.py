"""rev-attack finding 3: a workspace export nobody fetched outlives its 5 minutes and the
erasure of the talents in it.

bot/web/downloads.py expires files only when the next export is made or fetched (`_expire`
runs in `create` and `take`), and an erasure does not look there: the CSV with the erased
talent's answers stays in /tmp/kocca-workspace-*/ until the bot stops (for ever after a
kill -9: nothing cleans the folder at the next start).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded
from tests.workspace import workspace


def _exported(token: str) -> list[Path]:
    """The file behind a download token, found where Downloads writes it."""
    return list(Path(tempfile.gettempdir()).glob(f"kocca-workspace-*/{token}.csv"))


async def test_finding_3_an_unfetched_export_goes_when_it_expires_and_when_its_talent_is_erased(
    bot: Harness,
) -> None:
    talent = bot.emulator.user(7001, first_name="Zubaidah")
    await seeded(
        bot.database,
        [Seed(7001, {**MUSICIAN, "full_name": "Zubaidah Unik"}, first_name="Zubaidah")],
    )
    now = [1000.0]
    async with workspace(bot, ADMIN_ID, monotonic=lambda: now[0]) as client:
        ready = await client.ok("export", {"format": "csv"})
        token = ready["path"].rsplit("/", 1)[1]
        (written,) = _exported(token)
        now[0] += 3600.0  # an hour later: the link expired 55 minutes ago
        await bot.send(talent, "/hapusdata")
        await bot.press(talent, talent.last_message.button_texts[0])  # yes, erase everything
        assert await bot.store.leads.by_reference("KOC-000001") is None  # erased
        # seen: the file is still there, with the erased talent's name in it
        assert not written.exists() or "Zubaidah" not in written.read_text("utf-8-sig")
