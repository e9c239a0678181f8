"""The staff workspace on a big desk: its API over HTTP on 50,000 leads and 200,000 lines of
conversation log, while talents keep talking to the bot.

    python benchmarks/workspace.py [--leads 50000] [--log-lines 200000] [--questions 20000]
                                   [--talents 10] [--rounds 20] [--pause 0]

Builds the database as benchmarks/pipeline.py does (plus the log lines, and free questions
asked over the last seven days, which the statistics count and list), runs the real bot
(`python -m bot run`, polling, WEB_URL on loopback) in a subprocess against the emulator, and
times, as an admin's page calls them: the list (first page, newest first; page 100; sorted by
name), a search by part of a name, the board (its columns and counts), a lead with its
conversation, the statistics, back to back, or `--pause` seconds apart (a desk's pace: a few
staff each clicking every few seconds is a call every second or two). Meanwhile `--talents`
talents each send /status in a loop throughout; each round of the workspace's calls is followed
by a quiet spell as long, and the talents' reply latency is reported for the replies asked for
during the rounds and for those asked in the quiet spells (the baseline). Then, if Debian's
chromium is there, the first screen of the page in headless Chromium. Figures go to
docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp

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
from benchmarks.pipeline import Chat, spread_stages, summary, talk, with_talent_ids
from bot.store import Store
from bot.web import auth
from bot.web.server import static_files
from tests.harness import free_port
from tests.leads import seed

LOG_WORDS = ["Halo", "mau tanya", "program musik", "terima kasih", "KOCCA", "Seoul", "film"]


def add_log(database: Path, lines: int, leads: int, rng: random.Random) -> None:
    """Conversation log lines spread over the talents (more for the lead the benchmark opens)."""
    now = datetime.now(UTC)
    rows = []
    for number in range(lines):
        user_id = 10_000_000 + (41 if number % 100 == 0 else rng.randrange(leads))
        at = (now - timedelta(minutes=lines - number)).isoformat(timespec="microseconds")
        text = " ".join(rng.choices(LOG_WORDS, k=rng.randint(1, 8)))
        rows.append((user_id, user_id, rng.choice(["in", "out"]), "text", text, at))
    with sqlite3.connect(database) as db:
        db.executemany(
            "INSERT INTO conversation_log (chat_id, user_id, direction, kind, text, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
    db.close()


async def timed(action: Callable[[], Awaitable[Any]], times: list[float]) -> Any:
    start = time.perf_counter()
    result = await action()
    times.append(time.perf_counter() - start)
    return result


def asked_within(
    asked: list[tuple[float, float]], spells: list[tuple[float, float]]
) -> list[float]:
    """The latencies of the replies asked for within these spells of time."""
    return [latency for moment, latency in asked if any(a <= moment < b for a, b in spells)]


def line(label: str, values: list[float]) -> str:
    p50, p95 = median(values) * 1000, percentile(values, 0.95) * 1000
    return (
        f"{label:38} p50 {p50:6.0f} ms, p95 {p95:6.0f} ms, max {max(values) * 1000:6.0f} ms"
        f" ({len(values)} runs)"
    )


async def first_screen(url: str, runs: int) -> list[float] | None:
    """Seconds from opening the page to its lead table, in headless Chromium (fresh profile)."""
    chromium = Path("/usr/bin/chromium")
    if not await asyncio.to_thread(chromium.exists):
        return None
    from playwright.async_api import async_playwright

    from tests.browser import FLAGS

    seconds = []
    async with async_playwright() as driver:
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as profile:
                context = await driver.chromium.launch_persistent_context(
                    profile, executable_path=str(chromium), headless=True, args=FLAGS
                )
                await context.route("https://telegram.org/**", lambda route: route.abort())
                page = await context.new_page()
                start = time.perf_counter()
                await page.goto(url)
                await page.locator("table.leads tbody tr").first.wait_for(timeout=60_000)
                seconds.append(time.perf_counter() - start)
                await context.close()
    return seconds


async def run(
    leads: int,
    log_lines: int,
    questions: int,
    talent_count: int,
    rounds: int,
    kept: Path | None,
    pause: float,
) -> None:
    emulator, url = await served_emulator()
    users = [emulator.user(first_name=f"Talenta {n}") for n in range(talent_count)]
    for user in users:
        user.started = True
    admin = emulator.users[ADMIN_ID]
    admin.started = True
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="kocca-workspace-") as folder_name:
        folder = Path(folder_name) if kept is None else kept
        database = folder / "kocca.db"
        if kept is None or not database.exists():
            folder.mkdir(parents=True, exist_ok=True)
            await (await Store.open(database)).close()
            start = time.perf_counter()
            ids = [user.id for user in users]
            seed(database, with_talent_ids(talents(leads, datetime.now(UTC)), ids))
            spread_stages(database, random.Random(14))
            add_log(database, log_lines, leads, random.Random(15))
            add_questions(database, questions, leads, random.Random(16))
            took = time.perf_counter() - start
            print(
                f"{leads} leads, {log_lines} log lines and {questions} free questions"
                f" written in {took:.0f} s"
            )
        else:  # the bot remembers the update ids it saw: Telegram's only grow
            with sqlite3.connect(database) as db:
                seen = db.execute("SELECT COALESCE(MAX(update_id), 0) FROM update_inbox")
                emulator.updates.continue_after(int(seen.fetchone()[0]))
            db.close()
        bot = full_bot(emulator, url, folder)
        bot.env.update(WEB_URL=f"http://127.0.0.1:{port}", WEB_PORT=str(port))
        await bot.start(emulator)
        chat = Chat(emulator)
        data = auth.sign(
            auth.user_fields(ADMIN_ID, "Admin", "id", int(time.time())), emulator.token
        )
        base = f"http://127.0.0.1:{port}/staff/"
        headers = {"Authorization": f"tma {data}"}
        try:
            await chat.ask(admin, "/start")
            # One stream of talents throughout; each workspace round is followed by a quiet
            # spell as long, and a reply counts as "during" or "alone" by when it was asked,
            # so that both samples come from the same minutes of the run (a database that
            # grows, a WAL checkpoint, a neighbour's load fall on both alike).
            asked: list[tuple[float, float]] = []
            busy: list[tuple[float, float]] = []
            quiet: list[tuple[float, float]] = []
            stop = asyncio.Event()
            load = asyncio.create_task(talk(chat, users, stop, asked))
            await asyncio.sleep(3)  # warming up: not counted

            timings: dict[str, list[float]] = {}
            async with aiohttp.ClientSession(base_url=base, headers=headers) as http:

                async def api(name: str, action: str, body: dict[str, Any]) -> Any:
                    async def call() -> Any:
                        async with http.post(f"api/{action}", json=body) as response:
                            assert response.status == 200, (action, response.status)
                            return await response.json()

                    result = await timed(call, timings.setdefault(name, []))
                    await asyncio.sleep(pause)
                    return result

                await api("session", "session", {})  # the page opens: statistics read ahead
                # The statistics tab clicked at once: the worst wait, for that read to end.
                await api("stats, clicked as the page opens", "stats", {})
                for round_number in range(rounds):
                    started = time.perf_counter()
                    await api("list, first page", "leads", {})
                    await api("list, page 100", "leads", {"page": min(100, leads // 25)})
                    await api("list sorted by name", "leads", {"sort": {"by": "name"}})
                    await api("list of one stage", "leads", {"filter": {"stage": "shortlist"}})
                    await api(
                        "search (part of a name)",
                        "leads",
                        {"filter": {"q": ["santo", "wula", "lestari", "rina"][round_number % 4]}},
                    )
                    await api(
                        "waiting leads, longest first", "leads", {"filter": {"waiting": "yes"}}
                    )
                    await api("board (columns and counts)", "board", {})
                    await api("lead with its conversation", "lead", {"id": 42})
                    await api("stats, kept a minute", "stats", {})
                    ended = time.perf_counter()
                    busy.append((started, ended))
                    await asyncio.sleep(ended - started)
                    quiet.append((ended, time.perf_counter()))
                    # This process is Telegram here (the emulator keeps every message) and the
                    # talents: its collector's full passes over all it kept paused the replies
                    # of the bot 0.3-1.5 s (gc.callbacks). What it kept is never collected.
                    gc.freeze()
                stop.set()
                await load
            baseline = asked_within(asked, quiet)
            during = asked_within(asked, busy)
            for name, values in timings.items():
                if name != "session":
                    print(line(name, values))
            alone = summary(baseline)
            print(f"talents' /status alone, between rounds ({len(users)} talents): {alone}")
            print(f"talents' /status meanwhile (calls {pause} s apart): {summary(during)}")
            ratio = percentile(during, 0.99) / percentile(baseline, 0.99)
            print(f"  talents' p99 during / alone: {ratio:.2f}")
            size = sum(len(body) for body, _ in static_files().values())
            print(f"page files: {size / 1024:.1f} KB uncompressed ({len(static_files())} files)")
            link = f"{base}#tgWebAppData={quote(data, safe='')}"
            seconds = await first_screen(link, 5)
            if seconds is not None:
                print(line("first screen in headless Chromium", seconds))
        finally:
            await bot.stop()
            await emulator.stop_serving()
    print(machine())


QUESTION_WORDS = [
    "kak",
    "resep",
    "rendang",
    "nasi",
    "goreng",
    "jadwal",
    "kereta",
    "bola",
    "harga",
    "tiket",
    "konser",
    "cara",
    "upload",
    "lagu",
    "spotify",
    "visa",
]


def add_questions(database: Path, questions: int, leads: int, rng: random.Random) -> None:
    """Free questions of the last seven days, half answered, a fifth suggested, the rest
    unanswered (of a few thousand different wordings, for /stats' list)."""
    now = datetime.now(UTC)
    outcomes = ["answered"] * 5 + ["suggested"] * 2 + ["unanswered"] * 3
    rows = []
    for number in range(questions):
        user_id = 10_000_000 + rng.randrange(leads)
        at = (now - timedelta(seconds=rng.uniform(0, 7 * 86_400))).isoformat()
        text = " ".join(rng.choices(QUESTION_WORDS[:12], k=3) + rng.choices(QUESTION_WORDS, k=1))
        outcome = rng.choice(outcomes)
        entry = "faq:open_call_now" if outcome == "answered" else None
        rows.append((user_id, 2_000_000_000 + number, at, text, text, outcome, entry))
    with sqlite3.connect(database) as db:
        db.executemany(
            "INSERT INTO free_questions (user_id, update_id, asked_at, language, via, text,"
            " summary, outcome, entry, confidence) VALUES (?, ?, ?, 'id', 'chat', ?, ?, ?, ?, 0.5)",
            rows,
        )
    db.close()


def main() -> None:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leads", type=int, default=50_000, help="how many leads (50000)")
    parser.add_argument("--log-lines", type=int, default=200_000, help="log lines (200000)")
    parser.add_argument(
        "--questions", type=int, default=20_000, help="free questions this week (20000)"
    )
    parser.add_argument("--talents", type=int, default=10, help="talents talking meanwhile")
    parser.add_argument("--rounds", type=int, default=20, help="times each request runs")
    parser.add_argument(
        "--keep", type=Path, help="folder for the database: built once, used again next time"
    )
    parser.add_argument(
        "--pause", type=float, default=0.0, help="seconds between the workspace's calls (0)"
    )
    args = parser.parse_args()
    asyncio.run(
        run(
            args.leads,
            args.log_lines,
            args.questions,
            args.talents,
            args.rounds,
            args.keep,
            args.pause,
        )
    )


if __name__ == "__main__":
    main()
