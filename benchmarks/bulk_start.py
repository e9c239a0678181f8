"""How soon a broadcast starts after a burst of replies: 800 replies in ~7 s, then "send now".

The bot runs in this process as in production (its own HTTP client, BOT_API_URL pointing
at the emulator served on loopback). 800 talents send /start over about 7 seconds; once
the bot has answered them all, an announcement to 100 subscribers is queued to go now,
and the script reports how long it took until the first announcement reached the
emulator. That includes up to one second of the broadcast worker's polling.

    python benchmarks/bulk_start.py                 # 800 replies, 5 rounds
    python benchmarks/bulk_start.py --replies 400 --rounds 3

Exit status 0 when every round's first announcement went out within 2 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python benchmarks/<name>.py` from anywhere
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("PTB_TIMEDELTA", "true")  # as `kocca-bot` does: no deprecation warnings

from pydantic import SecretStr  # noqa: E402

from bot.app import create_runner  # noqa: E402
from bot.emulator import BotAPIEmulator  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.store import Broadcasts, Profile, Users, Version, utc_now  # noqa: E402

TARGET_SECONDS = 2.0
SUBSCRIBERS = 100


async def one_round(replies: int, seconds: float) -> tuple[float, float]:
    """One burst of replies then a broadcast; (burst duration, seconds to the first send)."""
    emulator = BotAPIEmulator()
    url = await emulator.serve()
    subscribers: set[int] = set()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            bot_token=SecretStr(emulator.token),
            bot_api_url=url,
            database_path=Path(folder) / "benchmark.db",
            flood_limit=10_000,
        )
        runner = await create_runner(settings)
        await runner.start()
        try:
            async with runner.store.db.transaction() as tx:
                for index in range(SUBSCRIBERS):
                    talent = emulator.user(first_name=f"Subscriber {index}")
                    talent.started = True
                    profile = Profile(talent.id, talent.first_name, None, None, "id")
                    await Users.upsert(tx, profile, "id")
                    await Broadcasts.set_subscription_in(tx, talent.id, True, "benchmark", "id")
                    subscribers.add(talent.id)

            talents = [emulator.user(first_name=f"Talent {index}") for index in range(replies)]
            started = time.monotonic()
            for index, talent in enumerate(talents):
                talent.send("/start")
                due = started + (index + 1) * seconds / replies
                await asyncio.sleep(max(0.0, due - time.monotonic()))
            while any(not talent.messages for talent in talents):  # noqa: ASYNC110 - polls the emulator
                await asyncio.sleep(0.01)
            burst = time.monotonic() - started

            queued = time.monotonic()
            await runner.store.broadcasts.create_queued(
                Version("text", "Pengumuman: benchmark"), None, "all", None, "all", utc_now(), None
            )
            first = None
            while first is None:
                await asyncio.sleep(0.005)
                sends = emulator.calls_to("sendMessage")
                first = next((c.at for c in sends if c.params.get("chat_id") in subscribers), None)
        finally:
            await runner.stop()
            await emulator.aclose()
    return burst, first - queued


async def run(replies: int, seconds: float, rounds: int) -> bool:
    """Several rounds; print each and a summary; True if every round met the target."""
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    delays = []
    for number in range(1, rounds + 1):
        burst, delay = await one_round(replies, seconds)
        delays.append(delay)
        print(
            f"round {number}: {replies} replies answered in {burst:.1f} s;"
            f" first announcement {delay:.2f} s after 'send now'"
        )
    print(
        f"first announcement after 'send now': median {statistics.median(delays):.2f} s,"
        f" max {max(delays):.2f} s (target < {TARGET_SECONDS:.0f} s)"
    )
    met = max(delays) < TARGET_SECONDS
    print("target met" if met else "TARGET NOT MET")
    return met


def main() -> int:
    """Parse the arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--replies", type=int, default=800)
    parser.add_argument("--seconds", type=float, default=7.0, help="length of the reply burst")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    return 0 if asyncio.run(run(args.replies, args.seconds, args.rounds)) else 1


if __name__ == "__main__":
    sys.exit(main())
