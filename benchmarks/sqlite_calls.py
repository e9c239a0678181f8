"""What one SQLite statement costs through aiosqlite, against sqlite3 on the calling thread.

    python benchmarks/sqlite_calls.py [--calls 20000]

The figure behind bot/store/db.py's design: every aiosqlite call is a round trip to the
connection's worker thread. Prints wall and CPU time per `SELECT ?` both ways.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sqlite3
import time

import aiosqlite


def cpu_seconds() -> float:
    """User + system CPU time of this process (all threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def through_aiosqlite(calls: int) -> tuple[float, float]:
    """Microseconds of wall and CPU time per statement through aiosqlite."""
    async with aiosqlite.connect(":memory:") as connection:
        wall, cpu = time.perf_counter(), cpu_seconds()
        for number in range(calls):
            await connection.execute_fetchall("SELECT ?", (number,))
        return (time.perf_counter() - wall) / calls * 1e6, (cpu_seconds() - cpu) / calls * 1e6


def on_this_thread(calls: int) -> tuple[float, float]:
    """Microseconds of wall and CPU time per statement with sqlite3 directly."""
    connection = sqlite3.connect(":memory:")
    wall, cpu = time.perf_counter(), cpu_seconds()
    for number in range(calls):
        connection.execute("SELECT ?", (number,)).fetchall()
    figures = (time.perf_counter() - wall) / calls * 1e6, (cpu_seconds() - cpu) / calls * 1e6
    connection.close()
    return figures


def main() -> None:
    """Parse the options and print both figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=20_000, help="statements per way")
    args = parser.parse_args()
    wall, cpu = asyncio.run(through_aiosqlite(args.calls))
    print(f"aiosqlite:          {wall:7.1f} µs wall, {cpu:7.1f} µs CPU per statement")
    wall, cpu = on_this_thread(args.calls)
    print(f"sqlite3 (same thread): {wall:4.1f} µs wall, {cpu:7.1f} µs CPU per statement")


if __name__ == "__main__":
    main()
