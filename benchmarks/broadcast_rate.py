"""Broadcast throughput: many subscribers, the emulator over real HTTP, Telegram's limit enforced.

The bot runs as in production (its default HTTPXRequest, BOT_API_URL pointing at
the emulator served on loopback) with the emulator refusing more than 30 sends
in any second with 429, as Telegram does. Reports the sustained rate, the 429s
and whether anyone got the announcement twice.

    python benchmarks/broadcast_rate.py                 # 5,000 subscribers, ~3 minutes
    python benchmarks/broadcast_rate.py --subscribers 500

Exit status 0 when the targets are met: at least 98 % of the rate asked for
(BROADCAST_RATE, default 26/s) sustained, no duplicates, nobody missed, fewer
than 1 % of sends answered 429.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("PTB_TIMEDELTA", "true")  # as `kocca-bot` does: no deprecation warnings

from pydantic import SecretStr

from bot.app import create_runner
from bot.emulator import BotAPIEmulator
from bot.settings import DEMO_CONTROLLER, Settings
from bot.store import Broadcasts, Profile, Store, Users, Version, utc_now

TARGET_SHARE_OF_RATE = 0.98  # sustained rate / BROADCAST_RATE
TARGET_429_SHARE = 0.01
TELEGRAM_LIMIT = 30


async def add_subscribers(store: Store, emulator: BotAPIEmulator, count: int) -> set[int]:
    """Talents who started the bot and subscribed, stored in one commit."""
    ids = set()
    async with store.db.transaction() as tx:
        for index in range(count):
            talent = emulator.user(first_name=f"Talent {index}", language_code="id")
            talent.started = True
            await Users.upsert(tx, Profile(talent.id, talent.first_name, None, None, "id"), "id")
            await Broadcasts.set_subscription_in(tx, talent.id, True, "benchmark", "id")
            ids.add(talent.id)
    return ids


async def run(subscribers: int, rate: float) -> bool:
    """One broadcast to `subscribers` talents; print the figures; True if targets are met."""
    emulator = BotAPIEmulator()
    url = await emulator.serve()
    emulator.set_rate_limits(global_per_second=TELEGRAM_LIMIT)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            bot_token=SecretStr(emulator.token),
            bot_api_url=url,
            database_path=Path(folder) / "benchmark.db",
            broadcast_rate=rate,
            controller_name=DEMO_CONTROLLER.name,
            controller_contact=DEMO_CONTROLLER.contact,
        )
        runner = await create_runner(settings)  # the bot's default Bot API client, on loopback
        await runner.start()
        try:
            talents = await add_subscribers(runner.store, emulator, subscribers)
            queueing = time.perf_counter()
            broadcast_id, frozen = await runner.store.broadcasts.create_queued(
                Version("text", "<b>Open call</b>: benchmark announcement"),
                None,
                "all",
                None,
                "all",
                utc_now(),
                None,
            )
            queueing = time.perf_counter() - queueing
            print(
                f"Queued broadcast #{broadcast_id} for {frozen} subscribers at {rate}/s"
                f" (one transaction, on the event loop: {queueing * 1000:.0f} ms) ..."
            )
            started = time.monotonic()
            while True:
                broadcast = await runner.store.broadcasts.get(broadcast_id)
                if broadcast is not None and broadcast.finished_at is not None:
                    break
                await asyncio.sleep(0.5)
            elapsed = time.monotonic() - started
            tally = await runner.store.broadcasts.tally(broadcast_id)
        finally:
            await runner.stop()
            await emulator.aclose()

    to_talents = [
        call for call in emulator.calls_to("sendMessage") if int(call.params["chat_id"]) in talents
    ]
    delivered = [call for call in to_talents if call.ok]
    refused = [call for call in to_talents if call.status == 429]
    per_chat = Counter(int(call.params["chat_id"]) for call in delivered)
    duplicates = sum(1 for times in per_chat.values() if times > 1)
    missed = len(talents - set(per_chat))
    span = delivered[-1].at - delivered[0].at if len(delivered) > 1 else float("nan")
    sustained = (len(delivered) - 1) / span
    share_429 = len(refused) / max(1, len(to_talents))

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"subscribers: {subscribers}; delivered: {len(delivered)} ({tally.sent} recorded sent)")
    print(f"sustained rate: {sustained:.2f} messages/s (first to last delivery, {span:.1f} s)")
    print(f"wall time from queueing to the final report: {elapsed:.1f} s")
    print(f"429 answers: {len(refused)} ({share_429:.2%} of {len(to_talents)} sends)")
    print(f"duplicates: {duplicates}; missed: {missed}")
    met = sustained >= rate * TARGET_SHARE_OF_RATE and duplicates == 0 and missed == 0
    met = met and share_429 < TARGET_429_SHARE
    print("targets met" if met else "TARGETS NOT MET")
    return met


def main() -> int:
    """Parse the arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--subscribers", type=int, default=5000)
    parser.add_argument("--rate", type=float, default=26.0, help="BROADCAST_RATE (default 26)")
    args = parser.parse_args()
    return 0 if asyncio.run(run(args.subscribers, args.rate)) else 1


if __name__ == "__main__":
    sys.exit(main())
