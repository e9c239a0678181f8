"""What a restore costs when it applies erasures and withdrawals, and what a start costs after.

    python benchmarks/restore_records.py [--talents 50000] [--erased 100] [--withdrawn 100]

Seeds a database of TALENTS talents with a submitted lead each (plain SQL, for speed), copies
it as "the backup", then records in the current database that ERASED talents asked for
erasure and WITHDRAWN withdrew consent to processing since (their keyed records, as the bot
makes them). Times `kocca-bot restore`'s work (bot.ops.restore.restore: copy, migrations,
carrying and applying the records, holding the queue, checks), then a start-up's re-apply
step on the restored database, which finds nothing left to apply.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _driver import machine

from bot.erasure_key import erasure_key
from bot.ops.backup import take_backup
from bot.ops.restore import restore
from bot.privacy import open_store, reapply_erasures
from bot.settings import Settings
from bot.store import Store, utc_now
from bot.store.privacy import subject_hash

FIRST_ID = 5_000_000_000  # realistic Telegram ids


def seed(database: Path, talents: int) -> None:
    """Talents with one submitted lead each, inserted in one transaction."""
    now = utc_now()
    with sqlite3.connect(database) as db:
        db.executemany(
            "INSERT INTO users (user_id, first_name, created_at, updated_at, last_seen_at)"
            " VALUES (?, 'Talenta', ?, ?, ?)",
            ((FIRST_ID + index, now, now, now) for index in range(talents)),
        )
        db.executemany(
            "INSERT INTO applications (user_id, status, stage, language, reference, created_at,"
            " updated_at, submitted_at) VALUES (?, 'submitted', 'review', 'id', ?, ?, ?, ?)",
            ((FIRST_ID + index, f"KOC-{index + 1:06d}", now, now, now) for index in range(talents)),
        )


def record_requests(database: Path, key: bytes, erased: int, withdrawn: int) -> None:
    """Keyed records of requests made after the backup, as the bot writes them."""
    later = utc_now()
    with sqlite3.connect(database) as db:
        db.executemany(
            "INSERT INTO erasures (subject_hash, erased_at, keyed) VALUES (?, ?, 1)",
            ((subject_hash(FIRST_ID + index, key), later) for index in range(erased)),
        )
        db.executemany(
            "INSERT INTO withdrawals (subject_hash, withdrawn_at) VALUES (?, ?)",
            ((subject_hash(FIRST_ID + erased + index, key), later) for index in range(withdrawn)),
        )


async def benchmark(talents: int, erased: int, withdrawn: int) -> None:
    """Seed, restore, start; print the times."""
    print(f"Machine: {machine()}\n")
    with tempfile.TemporaryDirectory(prefix="bench-restore-") as folder:
        database = Path(folder) / "kocca.db"
        settings = Settings(_env_file=None, database_path=database)  # type: ignore[call-arg]
        await (await open_store(settings)).close()  # schema, key and its check value
        key = erasure_key(settings, create=False)
        seed(database, talents)
        backup = Path(folder) / "backup.db"
        take_backup(database, backup, key)  # as `kocca-bot backup` does (signed)
        await asyncio.sleep(0.01)  # the requests come after the backup
        record_requests(database, key, erased, withdrawn)

        started = time.perf_counter()
        result = await asyncio.to_thread(restore, settings, backup)
        restored = time.perf_counter() - started
        print(f"{talents:,} talents, {erased} erased and {withdrawn} withdrawn since the backup")
        print(f"restore: {restored:.2f} s ({result.erased_again} erased again,")
        print(f"  {result.withdrawn_again} withdrawals applied again)")

        store = await open_store(settings)
        try:
            started = time.perf_counter()
            erased_again, withdrawn_again = await reapply_erasures(store)
            elapsed = (time.perf_counter() - started) * 1000
        finally:
            await store.close()
        print(
            f"next start's re-apply step: {elapsed:.1f} ms"
            f" ({erased_again + withdrawn_again} left to apply)"
        )
        check = await Store.open(database)
        leads = await check.db.fetch_value("SELECT COUNT(*) FROM applications")
        await check.close()
        assert leads == talents - erased - withdrawn, leads


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--talents", type=int, default=50_000)
    parser.add_argument("--erased", type=int, default=100)
    parser.add_argument("--withdrawn", type=int, default=100)
    args = parser.parse_args()
    asyncio.run(benchmark(args.talents, args.erased, args.withdrawn))


if __name__ == "__main__":
    main()
