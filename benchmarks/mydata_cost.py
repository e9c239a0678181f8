"""One talent's cost: an hour at the flood limit, then their copy (/dataku).

    python benchmarks/mydata_cost.py [--minutes 60] [--size 4096] [--code DIR]

A talent sends messages at the default flood limit (20 in 10 s, so 7,200 an hour) for
`--minutes`, each `--size` characters of 3-byte text (Hangul), and the bot answers each with a
short reply; both are written through the bot's own store calls, as the running bot logs them
(so a log text budget applies where the code has one). Then, in a fresh process, the copy is
made as /dataku makes it, while a ticker runs on the event loop every 10 ms: the longest the
loop was held up (beside the same ticker's longest over 2 s with nothing to do, which is what
a busy machine adds), the growth of the process's peak memory, the time taken, the file size.

`--code DIR` runs another checkout of the bot (e.g. the code before a change, unpacked with
`git archive <commit> | tar -x -C DIR`): both kinds of /dataku are supported.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TALENT = 5_839_204_117
PER_HOUR = 7_200  # 20 messages in 10 s
REPLY = "Maaf, aku belum mengerti. Pilih salah satu tombol di bawah, ya."
TICK = 0.01


def use_code(folder: str | None) -> None:
    """Import the bot from `folder` (another checkout), else from this one."""
    sys.path.insert(0, str(Path(folder).resolve()) if folder else str(ROOT))
    os.environ.setdefault("PTB_TIMEDELTA", "true")


def settings(database: Path) -> Any:
    from pydantic import SecretStr

    from bot.settings import Settings

    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        bot_token=SecretStr("1:benchmark"),
        database_path=database,
        controller_name="Benchmark",
        controller_contact="benchmark@example.com",
    )


async def fill(database: Path, messages: int, size: int) -> None:
    """The talent's messages and the bot's replies, logged as the bot logs them."""
    from bot.privacy import open_store
    from bot.store import LogEntry, Profile

    store = await open_store(settings(database))
    profile = Profile(TALENT, "Sarinah", "Wulandari", "sarinah_music", "id")
    text = "가" * size

    async def one(n: int) -> None:
        entry = LogEntry(TALENT, TALENT, "in", "text", f"{n:05d}{text}"[:size], n + 1, n + 1)
        await store.record_incoming(profile, "id", entry)
        await store.log.add(LogEntry(TALENT, TALENT, "out", "text", REPLY, None, n + 100_000))

    try:
        for start in range(0, messages, 50):  # 50 at a time: commits shared, as in the bot
            await asyncio.gather(*(one(n) for n in range(start, min(start + 50, messages))))
    finally:
        await store.close()


def log_text_bytes(database: Path) -> tuple[int, int]:
    """Rows and bytes of text of the talent's conversation log."""
    import sqlite3

    with sqlite3.connect(database) as db:
        rows, size = db.execute(
            "SELECT COUNT(*), COALESCE(SUM(LENGTH(CAST(text AS BLOB))), 0)"
            " FROM conversation_log WHERE chat_id = ?",
            (TALENT,),
        ).fetchone()
    return int(rows), int(size)


async def copy(database: Path) -> None:
    """Make the copy as /dataku does; print the figures (the child process)."""
    from bot.content import load_content
    from bot.privacy import open_store

    config = settings(database)
    store = await open_store(config)
    content = load_content(config.content_dir)
    stalls: list[float] = []

    async def ticker() -> None:
        loop = asyncio.get_running_loop()
        while True:
            before = loop.time()
            await asyncio.sleep(TICK)
            stalls.append(loop.time() - before - TICK)

    make = copy_maker()  # imported before the ticker starts: the running bot has it loaded
    baseline = rss_kb()
    ticking = asyncio.create_task(ticker())
    await asyncio.sleep(2.0)  # the same ticker with nothing else to do: what the machine adds
    idle, stalls[:] = max(stalls), []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        size, files = await make(store, content, Path(folder))
        took = time.perf_counter() - started
    ticking.cancel()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    await store.close()
    print(f"  copy: {took:.2f} s, {files} file(s), {size / 1e6:.1f} MB")
    stalls.sort()
    print(
        f"  event loop: longest hold-up {stalls[-1] * 1000:.0f} ms,"
        f" p99 {stalls[int(len(stalls) * 0.99)] * 1000:.0f} ms"
        f" (with nothing to do, the same ticker: longest {idle * 1000:.0f} ms)"
    )
    grew, start = (peak - baseline) / 1024, baseline / 1024
    print(f"  memory: peak grew by {grew:.0f} MB (from {start:.0f} MB)")


def copy_maker() -> Any:
    """/dataku's way of making the copy in the code under test: (bytes, files) it made."""
    try:
        streamed: Any = importlib.import_module("bot.my_data")
    except ImportError:  # the code before: the copy made whole, in memory, on the loop
        whole: Any = importlib.import_module("bot.privacy")

        async def in_memory(store: Any, content: Any, folder: Path) -> tuple[int, int]:
            made = await whole.my_data(store, content, TALENT, "id", "Benchmark")
            return len(made.document), 1

        return in_memory

    async def written(store: Any, content: Any, folder: Path) -> tuple[int, int]:
        made = await streamed.write_copy(store, content, TALENT, "id", "Benchmark", folder)
        return sum(file.stat().st_size for file in made.files), len(made.files)

    return written


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--size", type=int, default=4096)
    parser.add_argument("--code", help="another checkout of the bot to run")
    parser.add_argument("--copy", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    use_code(args.code)
    if args.copy:
        asyncio.run(copy(args.copy))
        return
    messages = round(PER_HOUR * args.minutes / 60)
    print(f"Machine: {platform.processor() or platform.machine()}, Python {sys.version.split()[0]}")
    print(f"Code: {args.code or ROOT}")
    print(f"{messages} messages of {args.size} characters (3 bytes each), each answered")
    with tempfile.TemporaryDirectory(prefix="bench-mydata-") as name:
        database = Path(name) / "k.db"
        started = time.perf_counter()
        asyncio.run(fill(database, messages, args.size))
        rows, text = log_text_bytes(database)
        total = sum(p.stat().st_size for p in database.parent.glob("k.db*"))
        print(f"  logged in {time.perf_counter() - started:.0f} s: {rows} log rows")
        print(f"  log text {text / 1e6:.1f} MB, database files {total / 1e6:.1f} MB")
        command = [sys.executable, __file__, "--copy", str(database)]
        if args.code:
            command += ["--code", args.code]
        subprocess.run(command, check=True)  # noqa: S603 - this script, with its own arguments


if __name__ == "__main__":
    main()
