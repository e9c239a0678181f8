"""Resident memory of the bot after 100 and after 5,000 talents completed an application.

    python benchmarks/memory.py [--talents 5000] [--first 100] [--concurrency 50]

Runs `python -m bot run` in a subprocess against the emulator served on loopback; talents
(half musicians, half filmmakers) walk the whole questionnaire, `--concurrency` at a time.
At each checkpoint every talent in flight has finished and the bot is idle; the bot's VmRSS
(from /proc/<pid>/status) is read then. The figure that matters is the growth between the
first checkpoint and the last: per-talent state kept in memory would show there.
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

from _driver import (
    Replies,
    Step,
    cpu_seconds,
    forget,
    full_bot,
    machine,
    rss_kb,
    served_emulator,
    talent_walks,
    walk,
)

from bot.emulator import BotAPIEmulator, EmulatedUser

SETTLE = 1.0  # seconds of quiet before reading memory: replies logged, updates marked done


async def walk_many(
    emulator: BotAPIEmulator,
    replies: Replies,
    walks: list[list[Step]],
    first: int,
    count: int,
    concurrency: int,
) -> tuple[int, list[EmulatedUser]]:
    """Talents number first .. first+count-1 apply, `concurrency` at a time.

    Returns the number of updates and the talents, to be forgotten once the bot is idle (the
    bot still sends them the announcements offer after the thank-you).
    """
    queue = iter(range(first, first + count))
    updates = 0
    finished: list[EmulatedUser] = []

    async def worker() -> None:
        nonlocal updates
        for index in queue:
            user = emulator.user(first_name=f"Talenta {index}", language_code="id")
            latencies = await walk(replies, user, walks[index % len(walks)])
            if "KOC-" not in user.last_message.text:
                raise RuntimeError(f"talent {index} did not get a reference number")
            updates += len(latencies)
            finished.append(user)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return updates, finished


async def benchmark(args: argparse.Namespace) -> None:
    """Measure resident memory at each checkpoint."""
    walks = await talent_walks()
    emulator, url = await served_emulator()
    replies = Replies(emulator)
    checkpoints = sorted(
        {args.first, *range(1000, args.talents, 1000), args.talents} - {0}, key=int
    )
    print(f"Machine: {machine()}")
    print(f"{args.talents} talents, {args.concurrency} at a time\n")
    print(f"{'talents':>8} {'VmRSS MB':>9} {'updates/s':>10} {'CPU ms/upd':>11}")
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as folder:
        bot = full_bot(emulator, url, Path(folder))
        await bot.start(emulator)
        try:
            before = rss_kb(bot.pid)
            print(f"{0:>8} {before / 1024:>9.1f}", flush=True)
            done, figures = 0, {}
            for checkpoint in checkpoints:
                started, cpu = time.perf_counter(), cpu_seconds(bot.pid)
                updates, finished = await walk_many(
                    emulator, replies, walks, done, checkpoint - done, args.concurrency
                )
                seconds, cpu = time.perf_counter() - started, cpu_seconds(bot.pid) - cpu
                done = checkpoint
                await asyncio.sleep(SETTLE)
                figures[checkpoint] = rss_kb(bot.pid)
                for user in finished:  # keeps the driver small; the bot is done with them
                    forget(emulator, user)
                print(
                    f"{checkpoint:>8} {figures[checkpoint] / 1024:>9.1f}"
                    f" {updates / seconds:>10.0f} {cpu / updates * 1000:>11.2f}",
                    flush=True,
                )
            size = (Path(folder) / "kocca.db").stat().st_size
            blocked = _blocked(Path(folder) / "kocca.db")
        except BaseException:
            print(bot.tail(), file=sys.stderr)
            raise
        finally:
            await bot.stop()
            await emulator.aclose()
    growth = (figures[checkpoints[-1]] - figures[checkpoints[0]]) / 1024
    print(
        f"\ngrowth from {checkpoints[0]} to {checkpoints[-1]} talents: {growth:+.1f} MB"
        f" ({growth * 1024 / (checkpoints[-1] - checkpoints[0]):+.2f} kB per talent);"
        f" database file {size / 1024 / 1024:.1f} MB (WAL not counted)"
    )
    # A talent the bot could not reach would mean the run measured an error path.
    print(f"talents the bot found unreachable: {blocked}")


def _blocked(database: Path) -> int:
    with sqlite3.connect(database) as db:
        return int(db.execute("SELECT COUNT(*) FROM users WHERE blocked = 1").fetchone()[0])


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--talents", type=int, default=5000, help="talents in all")
    parser.add_argument("--first", type=int, default=100, help="the first checkpoint")
    parser.add_argument("--concurrency", type=int, default=50, help="talents at once")
    args = parser.parse_args()
    if not 0 < args.first <= args.talents:
        parser.error("--first must be between 1 and --talents")
    asyncio.run(benchmark(args))


if __name__ == "__main__":
    main()
