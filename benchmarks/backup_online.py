"""What an online backup costs the running bot: commit latency with and without one.

    python benchmarks/backup_online.py [--leads 50000]

Builds a database of that many realistic leads (as benchmarks/export_leads.py does), then
commits small transactions through the bot's own store (`bot/store/db.py`, group commit,
synchronous=FULL) at a steady pace, first alone, then while `kocca-bot backup`'s copy
(`bot/ops/backup.take_backup`, in a thread as the daily backup runs it) copies the file,
and prints commit latency (p50, p99, max) in both phases and the backup's size and time.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.leads

from _driver import machine, percentile
from export_leads import talents

from bot.ops.backup import take_backup
from bot.store import LogEntry, Store
from tests.leads import seed

PACE = 0.002  # seconds between commits: about 500 a second, more than the bot's busiest hour


async def commits(store: Store, until: asyncio.Future[Any] | float) -> list[float]:
    """Commit one small row at a time until `until` (a time or a finished future)."""
    latencies: list[float] = []
    loop = asyncio.get_running_loop()
    while True:
        if isinstance(until, float) and loop.time() >= until:
            return latencies
        if isinstance(until, asyncio.Future) and until.done():
            return latencies
        started = time.perf_counter()
        await store.log.add(LogEntry(1, 1, "out", "text", "benchmark line"))
        latencies.append(time.perf_counter() - started)
        await asyncio.sleep(PACE)


def report(name: str, latencies: list[float]) -> None:
    """One line of figures, in milliseconds."""
    ms = [value * 1000 for value in latencies]
    print(
        f"{name:<22} {len(ms):>6} commits  p50 {statistics.median(ms):6.2f} ms"
        f"  p99 {percentile(ms, 0.99):6.2f} ms  max {max(ms):7.2f} ms"
    )


async def run(leads: int) -> None:
    """Build the database, then measure both phases."""
    with tempfile.TemporaryDirectory(prefix="kocca-bench-") as folder_name:
        folder = Path(folder_name)
        database = folder / "kocca.db"
        await (await Store.open(database)).close()
        await asyncio.to_thread(seed, database, talents(leads, datetime.now(UTC)))
        store = await Store.open(database)
        try:
            loop = asyncio.get_running_loop()
            alone = await commits(store, loop.time() + 5.0)
            copying = asyncio.ensure_future(
                asyncio.to_thread(take_backup, database, folder / "copy.db", b"k" * 32)
            )
            during = await commits(store, copying)
            result = copying.result()
        finally:
            await store.close()
        print(f"{machine()}; {leads} leads, database {database.stat().st_size / 1e6:.0f} MB")
        report("commits alone", alone)
        report("commits during backup", during)
        print(result.summary())


def main() -> None:
    """Parse the arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leads", type=int, default=50_000)
    args = parser.parse_args()
    asyncio.run(run(args.leads))


if __name__ == "__main__":
    main()
