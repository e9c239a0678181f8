"""The workspace's Questions tab on a big year: how long its count and its list take.

    python benchmarks/questions_waiting.py [--talents 10000] [--log-lines 100]

Seeds a fresh database (all migrations) with talents who each had one question relayed to
staff and `--log-lines` lines of conversation, four in five of them answered by staff since,
then times the two queries the tab runs (bot/store/workspace.py `_WAITING_COUNT`, on every
tab change, and `_WAITING`, when the tab opens), best of three, and prints SQLite's plan.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from bot.store import Store, workspace

ANSWERED = 0.8  # share of talents a staff member answered after their question
SHOWN: dict[str, int] = {"talents": 50, "each": 10}  # as the tab reads them (bot/web/questions.py)


def seed(path: Path, talents: int, log_lines: int) -> None:
    """Talents, their conversations, and one relayed question each."""
    rng = random.Random(1)
    stamp = "2026-11-{:02d}T00:00:{:02d}.000000+00:00"
    db = sqlite3.connect(path)
    with db:
        line = 0
        for user in range(1, talents + 1):
            now = stamp.format(1, 0)
            db.execute(
                "INSERT INTO users (user_id, first_name, created_at, updated_at, last_seen_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (user, f"Talent {user}", now, now, now),
            )
            answered = rng.random() < ANSWERED
            rows = []
            for number in range(log_lines):
                line += 1
                kind, direction = "text", "in" if number % 2 == 0 else "out"
                if answered and number == log_lines - 1:
                    kind, direction = "staff_answer", "out"
                when = stamp.format(1 + number % 28, number % 60)
                rows.append((line, user, user, direction, kind, "halo kak", number + 1, when))
            db.executemany(
                "INSERT INTO conversation_log (id, chat_id, user_id, direction, kind, text,"
                " message_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            asked = rng.randrange(0, log_lines, 2) + 1  # one of the talent's own messages
            db.execute(
                "INSERT INTO relayed_messages (staff_chat_id, staff_message_id, user_id, kind,"
                " talent_message_id, created_at) VALUES (-100, ?, ?, 'question', ?, ?)",
                (user, user, asked, stamp.format(15, 0)),
            )
        db.execute("ANALYZE")
    db.close()


def timed(path: Path, sql: str, params: tuple[()] | dict[str, int | str]) -> float:
    """Best of three, in milliseconds."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        db.execute(sql, params).fetchall()
        best = min(best, time.perf_counter() - start)
    db.close()
    return best * 1000


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--talents", type=int, default=10_000, help="talents who asked staff")
    parser.add_argument("--log-lines", type=int, default=100, help="conversation lines each")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "questions.db"
        store = await Store.open(path)  # every migration, as the bot's
        await store.close()
        seed(path, args.talents, args.log_lines)
        count = timed(path, workspace._WAITING_COUNT, ())
        talents = timed(path, workspace._WAITING_TALENTS, {"talents": SHOWN["talents"]})
        chosen = json.dumps(list(range(1, SHOWN["talents"] + 1)))
        listing = talents + timed(path, workspace._WAITING, {**SHOWN, "talents": chosen})
        print(f"{args.talents} talents, {args.log_lines} log lines each:")
        print(f"  count of talents waiting: {count:.1f} ms")
        print(f"  list of the {SHOWN['talents']} talents waiting longest: {listing:.1f} ms")
        db = sqlite3.connect(path)
        for row in db.execute("EXPLAIN QUERY PLAN " + workspace._WAITING_COUNT):
            print(f"  plan: {row[3]}")
        db.close()


if __name__ == "__main__":
    asyncio.run(main())
