"""Flood: one talent sends thousands of long messages; what is stored, and who waits.

    python benchmarks/flood.py [--messages 3000] [--size 4000] [--probes 20]

The bot runs as deployed (`python -m bot run`, default flood control: 20 messages in 10 s) in
a subprocess, against the emulator served on loopback. A flooding talent queues `--messages`
messages of `--size` characters at once; meanwhile another talent sends `/start` every 0.1 s
(`--probes` times) and each reply is timed, from the update being queued to the reply. After
the flood: the database files' size, what the conversation log and the update inbox hold
for the flooding talent, and how long the bot took to get through the flood.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _driver import (
    BotProcess,
    Replies,
    add_staff_chat,
    base_env,
    cpu_seconds,
    machine,
    median,
    percentile,
)

from bot.emulator import BotAPIEmulator

PROBE_GAP = 0.1  # seconds between two probes of the other talent


def flooded_bot(emulator: BotAPIEmulator, url: str, folder: Path) -> BotProcess:
    """`python -m bot run` with the default flood control."""
    env = base_env(BOT_TOKEN=emulator.token, BOT_API_URL=url, DATABASE_PATH=str(folder / "k.db"))
    return BotProcess([sys.executable, "-m", "bot", "run"], env, folder)


async def benchmark(messages: int, size: int, probes: int) -> None:
    """Flood the bot once and report."""
    emulator = BotAPIEmulator()
    emulator.record_calls = False
    add_staff_chat(emulator)
    url = await emulator.serve()
    print(f"Machine: {machine()}")
    print(f"Flood: {messages} messages of {size} characters from one talent\n")
    with tempfile.TemporaryDirectory(prefix="bench-flood-") as name:
        folder = Path(name)
        bot = flooded_bot(emulator, url, folder)
        await bot.start(emulator)
        try:
            flooder, other = emulator.user(first_name="Flood"), emulator.user(first_name="Other")
            replies = Replies(emulator)
            await replies.act(other.id, lambda: other.send("/start"))  # warm up
            cpu_before = cpu_seconds(bot.pid)
            started = time.perf_counter()
            last = 0
            for number in range(messages):
                last = flooder.send(f"{number:06d} " + "x" * (size - 7))["update_id"]
            latencies = []
            for _ in range(probes):
                latencies.append(await replies.act(other.id, lambda: other.send("/start")))
                await asyncio.sleep(PROBE_GAP)
            through = await _wait_processed(folder / "k.db", last)
            elapsed = time.perf_counter() - started
            cpu = cpu_seconds(bot.pid) - cpu_before
        finally:
            status = await bot.stop()
        if status != 0:
            raise RuntimeError(f"the bot exited with status {status}:\n{bot.tail()}")
        files = _sizes(folder)
        stored = _stored(folder / "k.db", flooder.id)
    await emulator.aclose()
    print(f"other talent's reply during the flood: median {median(latencies) * 1000:.0f} ms,")
    print(f"  p99 {percentile(latencies, 0.99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
    print(f"flood processed in {through:.1f} s after the probes ({elapsed:.1f} s in all)")
    print(f"bot CPU during the flood: {cpu:.1f} s")
    print("database files after the stop: " + ", ".join(f"{n} {b / 1e6:.1f} MB" for n, b in files))
    print(
        f"conversation log of the flooding talent: {stored['log_rows']} rows,"
        f" {stored['log_bytes'] / 1e6:.2f} MB of text"
    )
    print(f"update inbox: {stored['inbox_bytes'] / 1e6:.2f} MB of payload kept")


async def _wait_processed(database: Path, update_id: int) -> float:
    """Seconds until the last update of the flood is marked processed (read from outside)."""
    started = time.perf_counter()
    while True:
        with contextlib.closing(sqlite3.connect(database, timeout=10)) as db:
            row = db.execute(
                "SELECT status FROM update_inbox WHERE update_id = ?", (update_id,)
            ).fetchone()
        if row is not None and row[0] == "done":
            return time.perf_counter() - started
        await asyncio.sleep(0.05)


def _sizes(folder: Path) -> list[tuple[str, int]]:
    """Each database file and its size."""
    return [(path.name, path.stat().st_size) for path in sorted(folder.glob("k.db*"))]


def _stored(database: Path, user_id: int) -> dict[str, int]:
    with contextlib.closing(sqlite3.connect(database)) as db:
        log_rows, log_bytes = db.execute(
            "SELECT COUNT(*), COALESCE(SUM(LENGTH(text)), 0) FROM conversation_log"
            " WHERE chat_id = ?",
            (user_id,),
        ).fetchone()
        (inbox_bytes,) = db.execute(
            "SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM update_inbox"
        ).fetchone()
    return {"log_rows": log_rows, "log_bytes": log_bytes, "inbox_bytes": inbox_bytes}


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=3000, help="messages in the flood")
    parser.add_argument("--size", type=int, default=4000, help="characters per message")
    parser.add_argument("--probes", type=int, default=20, help="replies of the other talent")
    args = parser.parse_args()
    asyncio.run(benchmark(args.messages, args.size, args.probes))


if __name__ == "__main__":
    main()
