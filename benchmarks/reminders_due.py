"""What the reminder worker's look for due reminders costs with many unfinished registrations.

Builds a temporary database with that many drafts, last active at random over the past 80
days (four in five already reminded twice), then times the query the worker runs every
POLL_SECONDS (bot/outreach/reminders.py). It runs on aiosqlite's thread, not the event loop.

    python benchmarks/reminders_due.py                  # 50,000 drafts
    python benchmarks/reminders_due.py --drafts 5000
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python benchmarks/<name>.py` from anywhere
    sys.path.insert(0, str(ROOT))

from bot.outreach.reminders import POLL_SECONDS, due_times  # noqa: E402
from bot.store import Store  # noqa: E402

DELAYS = (timedelta(hours=24), timedelta(hours=72))


def seed(path: Path, drafts: int, now: datetime) -> None:
    """Drafts with consent and one answer, as the questionnaire stores them."""
    rng = random.Random(15)
    with sqlite3.connect(path) as db:
        for index in range(drafts):
            at = (now - timedelta(hours=rng.uniform(0, 80 * 24))).isoformat(timespec="microseconds")
            user_id = 10_000 + index
            db.execute(
                "INSERT INTO users (user_id, first_name, language, created_at, updated_at,"
                " last_seen_at) VALUES (?, 'Talent', 'id', ?, ?, ?)",
                (user_id, at, at, at),
            )
            db.execute(
                "INSERT INTO consents (user_id, kind, granted, notice_version, language,"
                " created_at) VALUES (?, 'processing', 1, 'benchmark', 'id', ?)",
                (user_id, at),
            )
            application = db.execute(
                "INSERT INTO applications (user_id, stage, current_key, language, created_at,"
                " updated_at) VALUES (?, 'question', 'full_name', 'id', ?, ?)",
                (user_id, at, at),
            ).lastrowid
            db.execute(
                "INSERT INTO answers (application_id, question_key, value, update_id,"
                " answered_at) VALUES (?, 'sector', '\"music\"', ?, ?)",
                (application, index, at),
            )
            if rng.random() < 0.8:
                for number in (1, 2):
                    db.execute(
                        "INSERT INTO reminders (application_id, number, user_id, status,"
                        " created_at) VALUES (?, ?, ?, 'sent', ?)",
                        (application, number, user_id, at),
                    )
    db.close()


async def run(drafts: int, rounds: int) -> None:
    """Seed, then time the due query a few times."""
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "benchmark.db"
        await (await Store.open(path)).close()
        seed(path, drafts, now)
        store = await Store.open(path)
        try:
            times = []
            found = 0
            for _ in range(rounds):
                started = time.perf_counter()
                found = len(await store.reminders.due(due_times(DELAYS, now), 200))
                times.append(time.perf_counter() - started)
        finally:
            await store.close()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(
        f"{drafts} drafts: the due query took median {statistics.median(times) * 1000:.0f} ms"
        f" (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}) over {rounds} runs,"
        f" {found} due in the first batch; the worker runs it every {POLL_SECONDS:.0f} s"
    )


def main() -> None:
    """Parse the arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--drafts", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(run(args.drafts, args.rounds))


if __name__ == "__main__":
    main()
