"""Start-up time: from spawning `python -m bot run` to its first getUpdates call.

    python benchmarks/startup.py [--runs 7]

Each run spawns the bot against the emulator served on loopback and times the moment the
first getUpdates request arrives at the emulator (not when it is answered: a long poll is
answered late). The first run opens a new database (migrations); the others reuse it, as a
restart does. The process is stopped with SIGTERM after each run.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _driver import add_staff_chat, full_bot, machine, median

from bot.emulator import BotAPIEmulator


async def benchmark(runs: int) -> None:
    """Start the bot `runs` times on one database file; print each time and the median."""
    emulator = BotAPIEmulator()
    emulator.record_calls = False
    add_staff_chat(emulator)
    url = await emulator.serve()
    print(f"Machine: {machine()}\n")
    times = []
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        for run in range(runs):
            bot = full_bot(emulator, url, Path(folder))
            try:
                seconds = await bot.start(emulator)
            except BaseException:
                print(bot.tail(), file=sys.stderr)
                raise
            finally:
                status = await bot.stop()
            if status != 0:
                raise RuntimeError(f"the bot exited with status {status}:\n{bot.tail()}")
            what = "new database" if run == 0 else "restart"
            print(f"run {run + 1}: {seconds * 1000:6.0f} ms  ({what})", flush=True)
            times.append(seconds)
    await emulator.aclose()
    restarts = times[1:] or times
    print(f"\nmedian of {len(restarts)} restart(s): {median(restarts) * 1000:.0f} ms")
    print(f"first start, new database: {times[0] * 1000:.0f} ms")


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="starts to time (default 7)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    asyncio.run(benchmark(args.runs))


if __name__ == "__main__":
    main()
