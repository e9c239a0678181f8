"""The lead pipeline at scale: /leads shortlist, /lead and /stats with its chart on 50,000 leads,
while talents keep talking to the bot.

    python benchmarks/pipeline.py [--leads 50000] [--talents 10] [--rounds 5]

Builds a database of realistic submitted leads (a tenth shortlisted, a fifth contacted, with
stage history), runs the real bot (`python -m bot run`) in a subprocess against the emulator
served on loopback, and times, as the admin sees them: `/leads shortlist` (first page), a
lead's page, and `/stats` (the text, then the chart PNG drawn in a child process). Meanwhile
`--talents` talents each send /status in a loop; their reply latency is reported on its own
(baseline), while the staff commands run, and for the questions asked while the /stats text,
then its chart, was being made. Figures go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._driver import (
    ADMIN_ID,
    full_bot,
    machine,
    median,
    percentile,
    served_emulator,
)
from benchmarks.export_leads import talents
from bot.emulator import BotAPIEmulator, EmulatedUser, EmulatorEvent
from bot.store import Store
from tests.leads import Seed, seed

TIMEOUT = 120.0


def with_talent_ids(seeds: Iterator[Seed], first_ids: list[int]) -> Iterator[Seed]:
    """The first leads belong to the talents the driver plays (so /status has something)."""
    for index, item in enumerate(seeds):
        if index < len(first_ids):
            item.user_id = first_ids[index]
        yield item


def spread_stages(database: Path, rng: random.Random) -> None:
    """A tenth of the leads shortlisted, a fifth contacted, each move with its history row."""
    now = datetime.now(UTC)
    with sqlite3.connect(database) as db:
        ids = [row[0] for row in db.execute("SELECT id FROM applications ORDER BY id")]
        moves, history = [], []
        for application_id in ids:
            roll = rng.random()
            stage = "shortlist" if roll < 0.1 else "dihubungi" if roll < 0.3 else None
            if stage is None:
                continue
            at = (now - timedelta(hours=rng.randint(1, 2000))).isoformat(timespec="microseconds")
            moves.append((stage, at, application_id))
            history.append((application_id, "baru", stage, ADMIN_ID, at))
        db.executemany(
            "UPDATE lead_pipeline SET stage = ?, version = 1, stage_changed_at = ?"
            " WHERE application_id = ?",
            moves,
        )
        db.executemany(
            "INSERT INTO lead_history (application_id, kind, from_value, to_value, actor_id, via,"
            " created_at) VALUES (?, 'stage', ?, ?, ?, 'telegram', ?)",
            history,
        )
    db.close()


class Chat:
    """Times from an update to the bot's messages in one chat."""

    def __init__(self, emulator: BotAPIEmulator) -> None:
        self._waiters: dict[int, tuple[int, list[float], asyncio.Event]] = {}
        emulator.subscribe(self._on_event)

    def _on_event(self, event: EmulatorEvent) -> None:
        if event.kind not in ("message", "edit"):
            return
        waiter = self._waiters.get(event.chat_id)
        if waiter is None:
            return
        count, times, done = waiter
        times.append(time.perf_counter())
        if len(times) >= count:
            done.set()

    async def ask(self, user: EmulatedUser, text: str, replies: int = 1) -> list[float]:
        """Send a text; seconds until each of the first `replies` messages of the bot."""
        times: list[float] = []
        done = asyncio.Event()
        self._waiters[user.id] = (replies, times, done)
        start = time.perf_counter()
        user.send(text)
        try:
            await asyncio.wait_for(done.wait(), TIMEOUT)
        finally:
            self._waiters.pop(user.id, None)
        return [moment - start for moment in times[:replies]]


async def talk(
    chat: Chat,
    users: list[EmulatedUser],
    stop: asyncio.Event,
    asked: list[tuple[float, float]] | None = None,
) -> list[float]:
    """Each talent asks /status again as soon as answered, until told to stop.

    `asked`, if given, receives (moment asked, seconds to the reply) of every question."""

    async def one(user: EmulatedUser) -> list[float]:
        latencies = []
        while not stop.is_set():
            moment = time.perf_counter()
            latencies += await chat.ask(user, "/status")
            if asked is not None:
                asked.append((moment, latencies[-1]))
        return latencies

    found = await asyncio.gather(*(one(user) for user in users))
    return [latency for latencies in found for latency in latencies]


def summary(latencies: list[float]) -> str:
    if not latencies:
        return "no replies"
    return (
        f"{len(latencies)} replies, p50 {median(latencies) * 1000:.0f} ms,"
        f" p99 {percentile(latencies, 0.99) * 1000:.0f} ms,"
        f" max {max(latencies) * 1000:.0f} ms"
    )


async def run(leads: int, talent_count: int, rounds: int) -> None:
    emulator, url = await served_emulator()
    users = [emulator.user(first_name=f"Talenta {n}") for n in range(talent_count)]
    for user in users:
        user.started = True
    admin = emulator.users[ADMIN_ID]
    admin.started = True
    with tempfile.TemporaryDirectory(prefix="kocca-pipeline-") as folder_name:
        folder = Path(folder_name)
        database = folder / "kocca.db"
        await (await Store.open(database)).close()
        start = time.perf_counter()
        rows = with_talent_ids(talents(leads, datetime.now(UTC)), [user.id for user in users])
        seed(database, rows)
        spread_stages(database, random.Random(14))
        print(f"{leads} leads written in {time.perf_counter() - start:.1f} s")
        bot = full_bot(emulator, url, folder)
        await bot.start(emulator)
        chat = Chat(emulator)
        try:
            await chat.ask(admin, "/start")
            stop = asyncio.Event()
            load = asyncio.create_task(talk(chat, users, stop))
            await asyncio.sleep(5)
            stop.set()
            baseline = await load
            print(f"talents' /status alone ({talent_count} talents): {summary(baseline)}")

            stop = asyncio.Event()
            asked: list[tuple[float, float]] = []
            load = asyncio.create_task(talk(chat, users, stop, asked))
            timings: dict[str, list[float]] = {"leads": [], "lead": [], "text": [], "chart": []}
            phases: dict[str, list[tuple[float, float]]] = {"text": [], "chart": []}
            for _ in range(rounds):
                timings["leads"] += await chat.ask(admin, "/leads shortlist")
                timings["lead"] += await chat.ask(admin, "/lead KOC-000042")
                start = time.perf_counter()
                text, chart = await chat.ask(admin, "/stats", replies=2)
                timings["text"].append(text)
                timings["chart"].append(chart)
                phases["text"].append((start, start + text))
                phases["chart"].append((start + text, start + chart))
            stop.set()
            during = await load
            for name, label in (
                ("leads", "/leads shortlist (first page)"),
                ("lead", "/lead KOC-000042 (its page)"),
                ("text", "/stats text"),
                ("chart", "/stats chart PNG"),
            ):
                values = timings[name]
                print(
                    f"{label:32} median {median(values):.2f} s, max {max(values):.2f} s"
                    f" ({len(values)} runs)"
                )
            print(f"talents' /status meanwhile: {summary(during)}")
            for phase, label in (("text", "the /stats text"), ("chart", "the /stats chart")):
                inside = [
                    latency
                    for moment, latency in asked
                    if any(begin <= moment < end for begin, end in phases[phase])
                ]
                print(f"  asked while {label} was made: {summary(inside)}")
        finally:
            await bot.stop()
            await emulator.stop_serving()
    print(machine())


def main() -> None:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leads", type=int, default=50_000, help="how many leads (default 50000)")
    parser.add_argument("--talents", type=int, default=10, help="talents talking meanwhile")
    parser.add_argument("--rounds", type=int, default=5, help="times each staff command runs")
    args = parser.parse_args()
    asyncio.run(run(args.leads, args.talents, args.rounds))


if __name__ == "__main__":
    main()
