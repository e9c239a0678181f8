"""How long the staff export takes at scale, and how much memory it needs.

    python benchmarks/export_leads.py [--leads 50000] [--stats-only] [--closed 500]

Creates a temporary database with that many realistic submitted leads (every question
answered as the questionnaire stores it), then times the CSV and the XLSX export, the two
together (what /export does), packing for Telegram's 50 MB limit, and /stats' text (three
times; `--stats-only` skips the exports). Peak memory
is the Python heap measured with tracemalloc in one more run of the two-file export
(tracemalloc slows Python down, so it is kept out of the timings).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import sqlite3
import statistics as numbers_of
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.leads

from bot.leads import stats
from bot.leads.export import ExportRequest, Format, pack_for_upload, write_exports
from bot.settings import Settings
from bot.store import Store
from tests.leads import CONTENT, Seed, realistic, seed

SOURCES = [None, None, "ig_promo", "fb_ads", "ekraf_web", "kocca_jakarta"]
STATS_ROUNDS = 3


def talents(count: int, now: datetime) -> Iterator[Seed]:
    """Realistic submitted leads over the last 90 days, made one at a time."""
    rng = random.Random(2026)
    for number in range(count):
        moment = now - timedelta(seconds=rng.randint(0, 90 * 24 * 3600))
        yield Seed(
            user_id=10_000_000 + number,
            answers=realistic(rng),
            submitted_at=moment.isoformat(timespec="microseconds"),
            first_name=rng.choice(["Sari", "Budi", "Rina", "Agus"]),
            username=rng.choice([None, f"talent{number}"]),
            source=rng.choice(SOURCES),
            consents={
                "processing": True,
                "transfer_korea": rng.random() < 0.8,
                "announcements": rng.random() < 0.5,
            },
            subscribed=rng.random() < 0.5,
        )


async def timed(action: Callable[[], Awaitable[Any]]) -> tuple[Any, float]:
    """Run once; return the result and the seconds it took."""
    start = time.perf_counter()
    result = await action()
    return result, time.perf_counter() - start


async def peak_memory(action: Callable[[], Awaitable[Any]]) -> float:
    """Run once under tracemalloc; return the peak Python heap in MB."""
    tracemalloc.start()
    try:
        await action()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def close_as_duplicates(database: Path, count: int) -> None:
    """Close every second one of the first 2 * `count` leads as a duplicate of the lead before
    it (as the desk stores it: /stats then counts those apart and takes them off every line)."""
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    with sqlite3.connect(database) as db:
        ids = [row[0] for row in db.execute("SELECT id FROM applications ORDER BY id")]
        db.executemany(
            "UPDATE lead_pipeline SET duplicate_of = ?, duplicate_closed_at = ?"
            " WHERE application_id = ?",
            [(lead - 1, now, lead) for lead in ids[1 : 2 * count : 2]],
        )
    db.close()


async def run(leads: int, exports: bool = True, closed: int = 0) -> None:
    """Build the database, export it, print the figures."""
    with tempfile.TemporaryDirectory(prefix="kocca-bench-") as folder_name:
        folder = Path(folder_name)
        database = folder / "kocca.db"
        await (await Store.open(database)).close()  # create the tables
        start = time.perf_counter()
        seed(database, talents(leads, datetime.now(UTC)))
        print(f"{leads} leads written in {time.perf_counter() - start:.1f} s")
        if closed:
            close_as_duplicates(database, closed)
            print(f"{closed} of them closed as a duplicate of the lead before each")
        print(f"database: {database.stat().st_size / 1e6:.1f} MB")

        store = await Store.open(database)
        try:
            if exports:
                await export_figures(store, folder)

            async def statistics() -> str:
                numbers = await stats.compute(store, datetime.now(UTC), ())
                settings = Settings(_env_file=None, database_path=database)  # type: ignore[call-arg]
                return stats.report(numbers, CONTENT, "id", settings)

            rounds = [(await timed(statistics))[1] for _ in range(STATS_ROUNDS)]
            print(
                f"/stats text (funnel, answers, sources, reminders) computed in"
                f" {numbers_of.median(rounds):.2f} s (median of {STATS_ROUNDS};"
                f" {', '.join(f'{value:.2f}' for value in rounds)})"
            )
        finally:
            await store.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the whole run (seeding included): {rss:.0f} MB")


async def export_figures(store: Store, folder: Path) -> None:
    """Time the CSV, the XLSX and both; the peak heap; packing for upload."""
    where = ExportRequest().filter
    choices: tuple[tuple[Format, ...], ...] = (("csv",), ("xlsx",), ("csv", "xlsx"))
    for kinds in choices:
        paths: dict[Format, Path] = {kind: folder / f"leads.{kind}" for kind in kinds}

        async def export(paths: dict[Format, Path] = paths) -> int:
            return (await write_exports(store, CONTENT, where, paths)).rows

        count, seconds = await timed(export)
        sizes = ", ".join(f"{p.suffix[1:]} {p.stat().st_size / 1e6:.1f} MB" for p in paths.values())
        print(f"{' + '.join(kinds):10} {count} rows in {seconds:5.1f} s ({sizes})")
    peak = await peak_memory(export)  # the last one: both files, as /export does
    print(f"peak Python heap while writing both files: {peak:.1f} MB")
    for kind in ("csv", "xlsx"):
        path = folder / f"leads.{kind}"
        size = path.stat().st_size
        start = time.perf_counter()
        upload = pack_for_upload(path)
        sent = sum(part.stat().st_size for part in upload.files)
        how = "split" if upload.split else "zipped" if upload.zipped else "as is"
        print(
            f"upload {kind}: {size / 1e6:.1f} MB -> {how}, {len(upload.files)} file(s),"
            f" {sent / 1e6:.1f} MB, in {time.perf_counter() - start:.1f} s"
        )


def main() -> None:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leads", type=int, default=50_000, help="how many leads (default 50000)")
    parser.add_argument(
        "--stats-only", action="store_true", help="time only /stats' text, not the exports"
    )
    parser.add_argument(
        "--closed",
        type=int,
        default=0,
        help="how many leads to close as a duplicate first (default 0)",
    )
    args = parser.parse_args()
    asyncio.run(run(args.leads, exports=not args.stats_only, closed=args.closed))


if __name__ == "__main__":
    main()
