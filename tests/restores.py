"""Two talents with a lead each and a backup taken then: what restore tests start from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.emulator import EmulatedUser
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import FILMMAKER, MUSICIAN, apply, read_csv
from tests.processes import clean_env, run_cli


@dataclass
class BackedUp:
    """A running bot, its command-line environment, Sari (KOC-000001), Budi (KOC-000002)."""

    bot: Harness
    env: dict[str, str]
    sari: EmulatedUser
    budi: EmulatedUser
    backup: Path
    folder: Path

    async def cli(self, *args: str) -> tuple[int, str, str]:
        """`kocca-bot ARGS` on the bot's database (`run_cli`)."""
        return await run_cli(self.folder, self.env, *args)

    async def exported(self) -> list[list[str]]:
        """The rows `kocca-bot export --format csv` writes now."""
        path = self.folder / "leads.csv"
        code, _, err = await self.cli("export", "--format", "csv", "--output", str(path), "--force")
        assert code == 0, err
        return read_csv(path.read_bytes())


async def two_leads_and_a_backup(
    make_bot: Callable[..., Any], database: Path, folder: Path
) -> BackedUp:
    """Sari and Budi apply, then `kocca-bot backup --output monday.db` copies the database."""
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    env = clean_env(folder, BOT_TOKEN="1:x", DATABASE_PATH=str(database))
    sari = bot.user(first_name="Sarinah")
    budi = bot.user(first_name="Budiman")
    await bot.send(sari, "/start")
    await apply(bot, sari, MUSICIAN)
    await apply(bot, budi, FILMMAKER)
    backed_up = BackedUp(bot, env, sari, budi, folder / "monday.db", folder)
    code, _, err = await backed_up.cli("backup", "--output", str(backed_up.backup))
    assert code == 0, err
    return backed_up


def only_budi(rows: list[list[str]]) -> bool:
    """An export holding Budi's lead and nobody else's (the header row, then his)."""
    return len(rows) == 2 and any("Budi Santoso" in cell for cell in rows[1])
