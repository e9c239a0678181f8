"""Clean records at scale: duplicate marks, /leads waiting and the daily digest on 50,000
leads, while talents keep talking to the bot.

    python benchmarks/records.py [--leads 50000] [--talents 10] [--rounds 5]

Builds a database of realistic submitted leads (stages spread as in benchmarks/pipeline.py,
one lead in fifty sharing its phone number with another, one talent in a hundred with two
leads), then:

1. times the core functions the bot, the command line and the staff workspace call, on the
   database directly: the duplicate marks of one lead (500 leads picked at random), of one
   list page (8 leads), the first page of waiting leads, a Monday digest (numbers and text);
2. runs the real bot (`python -m bot run`) in a subprocess against the emulator on loopback,
   as benchmarks/pipeline.py does: `--talents` talents send /status in a loop, alone
   (baseline), then while the admin runs `/leads waiting` and `/lead` (with its marks), then
   while this process makes Monday digests on the same database file.

Figures go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._driver import ADMIN_ID, full_bot, machine, median, percentile, served_emulator
from benchmarks.export_leads import talents
from benchmarks.pipeline import Chat, spread_stages, summary, talk, with_talent_ids
from bot.content import load_content
from bot.content_live import LiveContent
from bot.leads import digest, records
from bot.leads.lead_filters import PipelineFilter
from bot.leads.waiting import waiting_page
from bot.services import Services
from bot.settings import PACKAGED_CONTENT_DIR, Settings
from bot.store import Store
from tests.leads import seed


def make_duplicates(database: Path, rng: random.Random) -> tuple[int, int]:
    """One lead in fifty takes another's phone; one talent in a hundred gets a second lead's
    user id. Returns (phones shared, accounts shared)."""
    with sqlite3.connect(database) as db:
        ids = [row[0] for row in db.execute("SELECT id FROM applications ORDER BY id")]
        phones = dict(
            db.execute("SELECT application_id, value FROM answers WHERE question_key = 'phone'")
        )
        shared = []
        for application_id in rng.sample(ids, len(ids) // 50):
            other = rng.choice(ids)
            if other != application_id and other in phones:
                shared.append((phones[other], application_id))
        db.executemany(
            "UPDATE answers SET value = ? WHERE application_id = ? AND question_key = 'phone'",
            shared,
        )
        accounts = []
        for application_id in rng.sample(ids, len(ids) // 100):
            other = rng.choice(ids)
            accounts.append((other, application_id))
        db.executemany(
            "UPDATE applications SET user_id = (SELECT user_id FROM applications WHERE id = ?)"
            " WHERE id = ?",
            accounts,
        )
    db.close()
    return len(shared), len(accounts)


def timed_summary(values: list[float]) -> str:
    return (
        f"median {statistics.median(values) * 1000:.1f} ms,"
        f" p99 {percentile(values, 0.99) * 1000:.1f} ms, max {max(values) * 1000:.1f} ms"
        f" ({len(values)} runs)"
    )


def last_monday() -> datetime:
    """A Monday at 10:00 WIB (the digest with its week)."""
    today = datetime.now(UTC).date()
    monday = today - timedelta(days=today.weekday())
    return datetime(monday.year, monday.month, monday.day, 3, tzinfo=UTC)


async def core_timings(database: Path, rounds: int) -> Services:
    """The core functions on the database directly; returns the services used."""
    settings = Settings(_env_file=None, database_path=database)  # type: ignore[call-arg]
    content = load_content(PACKAGED_CONTENT_DIR)
    store = await Store.open(database)
    services = Services(settings, store, LiveContent(content, PACKAGED_CONTENT_DIR))
    ids = [
        int(row["id"])
        for row in await store.db.fetch_all(
            "SELECT id FROM applications WHERE status = 'submitted'"
        )
    ]
    rng = random.Random(25)
    marks, pages = [], []
    found = 0
    for application_id in rng.sample(ids, 500):
        start = time.perf_counter()
        result = await records.duplicates(store, application_id)
        marks.append(time.perf_counter() - start)
        found += bool(result.marks)
    for _ in range(100):
        page = rng.sample(ids, 8)
        start = time.perf_counter()
        await records.page_marks(store, page)
        pages.append(time.perf_counter() - start)
    print(f"duplicate marks of one lead (lead page):  {timed_summary(marks)}; {found} had some")
    print(f"duplicate marks of a list page (8 leads): {timed_summary(pages)}")
    now = datetime.now(UTC)
    waiting, total = [], 0
    for _ in range(rounds):
        start = time.perf_counter()
        _, total = await waiting_page(
            store, content, settings, PipelineFilter(waiting=True), ADMIN_ID, 0, 8, now
        )
        waiting.append(time.perf_counter() - start)
    print(f"waiting leads, first page ({total} wait): {timed_summary(waiting)}")
    monday = last_monday()
    digests = []
    text = ""
    for _ in range(rounds):
        start = time.perf_counter()
        made = await digest.compute(services, monday.date(), monday)
        text, _ = digest.render(made, content, "id", {}, None)
        digests.append(time.perf_counter() - start)
    print(f"Monday digest, numbers and text:          {timed_summary(digests)}")
    print("  " + text.replace("\n", "\n  ")[:1200])
    start = time.perf_counter()
    cells = await records.export_marks(store, content, "id")
    print(
        f"duplicate column of an export (once):     {time.perf_counter() - start:.2f} s,"
        f" {len(cells)} leads marked"
    )
    return services


async def run(leads: int, talent_count: int, rounds: int) -> None:
    emulator, url = await served_emulator()
    users = [emulator.user(first_name=f"Talenta {n}") for n in range(talent_count)]
    for user in users:
        user.started = True
    admin = emulator.users[ADMIN_ID]
    admin.started = True
    with tempfile.TemporaryDirectory(prefix="kocca-records-") as folder_name:
        folder = Path(folder_name)
        database = folder / "kocca.db"
        await (await Store.open(database)).close()
        start = time.perf_counter()
        rows = with_talent_ids(talents(leads, datetime.now(UTC)), [user.id for user in users])
        seed(database, rows)
        rng = random.Random(25)
        spread_stages(database, rng)
        phones, accounts = make_duplicates(database, rng)
        print(
            f"{leads} leads written in {time.perf_counter() - start:.1f} s"
            f" ({phones} share a phone, {accounts} an account)"
        )
        services = await core_timings(database, rounds)
        bot = full_bot(emulator, url, folder)
        await bot.start(emulator)
        chat = Chat(emulator)
        try:
            await chat.ask(admin, "/start")
            stop = asyncio.Event()
            load = asyncio.create_task(talk(chat, users, stop))
            await asyncio.sleep(5)
            stop.set()
            print(f"talents' /status alone ({talent_count} talents): {summary(await load)}")

            stop = asyncio.Event()
            load = asyncio.create_task(talk(chat, users, stop))
            timings: dict[str, list[float]] = {"waiting": [], "lead": []}
            for _ in range(rounds):
                timings["waiting"] += await chat.ask(admin, "/leads waiting")
                timings["lead"] += await chat.ask(admin, "/lead KOC-000042")
            stop.set()
            during = await load
            for name, label in (
                ("waiting", "/leads waiting (first page)"),
                ("lead", "/lead KOC-000042 (page, marks)"),
            ):
                values = timings[name]
                print(
                    f"{label:32} median {median(values):.2f} s, max {max(values):.2f} s"
                    f" ({len(values)} runs)"
                )
            print(f"talents' /status meanwhile: {summary(during)}")

            stop = asyncio.Event()
            load = asyncio.create_task(talk(chat, users, stop))
            monday = last_monday()
            made = []
            for _ in range(rounds):
                begin = time.perf_counter()
                await digest.compute(services, monday.date(), monday)
                made.append(time.perf_counter() - begin)
            stop.set()
            print(
                f"digests made by another process meanwhile: median {median(made):.2f} s;"
                f" talents' /status: {summary(await load)}"
            )
        finally:
            await services.store.close()
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
