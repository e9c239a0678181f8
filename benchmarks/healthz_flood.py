"""Anyone may call GET /healthz: does a flood of it slow the talents down?

    python benchmarks/healthz_flood.py [--processed 400000] [--clients 64] [--seconds 20]

Builds a database whose update inbox holds `--processed` processed updates (months of a busy
bot; the inbox keeps processed updates for LOG_RETENTION_DAYS), runs the real bot
(`python -m bot run`) in webhook mode in a subprocess, with the emulator on loopback
delivering updates to it, and times the talents' `/status` replies: alone, then while
another process sends GET /healthz from `--clients` connections as fast as it is answered
(the attack of the review). Prints both, and how many /healthz requests were answered.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._driver import BotProcess, base_env, machine, served_emulator
from benchmarks.export_leads import talents
from benchmarks.pipeline import Chat, summary, talk, with_talent_ids
from bot.emulator import EmulatedUser
from bot.store import Store
from tests.harness import free_port
from tests.leads import seed

QUIET_SECONDS = 8.0
SECRET = "bench-Secret_1"  # the webhook secret of this throw-away bot


def fill_inbox(database: Path, processed: int) -> None:
    """Processed updates as the bot leaves them: status done, payload emptied."""
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    with sqlite3.connect(database) as db:
        db.executemany(
            "INSERT INTO update_inbox (update_id, payload, sequence_key, status, received_at,"
            " finished_at) VALUES (?, '{}', ?, 'done', ?, ?)",
            ((number, f"user:{number % 5000}", now, now) for number in range(1, processed + 1)),
        )
    db.close()


async def flood(url: str, clients: int, seconds: float) -> int:
    """GET the URL from `clients` connections until the time is up; return the answers."""
    stop = time.monotonic() + seconds
    answered = 0

    async def client(session: aiohttp.ClientSession) -> None:
        nonlocal answered
        while time.monotonic() < stop:
            async with session.get(url) as response:
                await response.read()
                answered += 1

    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*(client(session) for _ in range(clients)))
    return answered


async def measure(chat: Chat, users: list[EmulatedUser], seconds: float) -> list[float]:
    """The talents ask /status for this long; their reply times."""
    stop = asyncio.Event()
    load = asyncio.create_task(talk(chat, users, stop))
    await asyncio.sleep(seconds)
    stop.set()
    return await load


async def run(processed: int, talent_count: int, clients: int, seconds: float) -> None:
    emulator, url = await served_emulator()
    users = [emulator.user(first_name=f"Talenta {n}") for n in range(talent_count)]
    for user in users:
        user.started = True
    with tempfile.TemporaryDirectory(prefix="kocca-healthz-") as folder_name:
        folder = Path(folder_name)
        database = folder / "kocca.db"
        await (await Store.open(database)).close()
        seed(
            database,
            with_talent_ids(talents(talent_count, datetime.now(UTC)), [u.id for u in users]),
        )
        start = time.perf_counter()
        fill_inbox(database, processed)
        print(f"{processed} processed updates written in {time.perf_counter() - start:.1f} s")
        emulator.updates.continue_after(processed)  # Telegram's ids go on from the stored ones
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = base_env(
            BOT_TOKEN=emulator.token,
            BOT_API_URL=url,
            DATABASE_PATH=str(database),
            WEBHOOK_URL=f"{base}/telegram/hook",
            WEBHOOK_SECRET=SECRET,
            WEBHOOK_LISTEN="127.0.0.1",
            WEBHOOK_PORT=str(port),
            FLOOD_LIMIT="1000000",
        )
        bot = BotProcess([sys.executable, "-m", "bot", "run"], env, folder)
        await bot.start(emulator, ready="setWebhook")
        chat = Chat(emulator)
        try:
            await chat.ask(users[0], "/status")  # the first reply warms the bot up
            quiet = await measure(chat, users, QUIET_SECONDS)
            print(f"talents' /status alone ({talent_count} talents): {summary(quiet)}")
            flooding = asyncio.create_task(
                asyncio.to_thread(_flood_in_subprocess, f"{base}/healthz", clients, seconds + 2)
            )
            await asyncio.sleep(1.0)  # the flood is under way
            during = await measure(chat, users, seconds)
            answered = await flooding
            print(f"talents' /status during the flood: {summary(during)}")
            print(
                f"/healthz answered {answered} times in {seconds + 2:.0f} s"
                f" ({answered / (seconds + 2):.0f}/s, {clients} connections)"
            )
        finally:
            await bot.stop()
            await emulator.stop_serving()
    print(machine())


def _flood_in_subprocess(url: str, clients: int, seconds: float) -> int:
    """The flood from a process of its own, as an attacker's would be."""
    import subprocess

    done = subprocess.run(  # noqa: S603 - this interpreter running this file
        [sys.executable, __file__, "--flood", url, str(clients), str(seconds)],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip())


def main() -> None:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processed", type=int, default=400_000, help="processed updates")
    parser.add_argument("--talents", type=int, default=10, help="talents asking /status")
    parser.add_argument("--clients", type=int, default=64, help="flooding connections")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long the flood lasts")
    parser.add_argument(
        "--flood", nargs=3, metavar=("URL", "CLIENTS", "SECONDS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.flood:
        target, clients, seconds = args.flood
        print(asyncio.run(flood(target, int(clients), float(seconds))))
        return
    asyncio.run(run(args.processed, args.talents, args.clients, args.seconds))


if __name__ == "__main__":
    main()
