"""Start-up time of the bot's processes: `run` until it polls, and a few one-shot commands.

    python benchmarks/startup.py [--repeat 5] [--leads 200] [--code DIR]

`run`: from spawning `python -m bot run` against the Bot API emulator served on loopback
until its deleteWebhook request arrives at the emulator (made just before the first
getUpdates: the sign the bot polls), on a fresh database (every migration runs) and on a kept
one (a restart); the bot is stopped with SIGTERM after each start. Commands: wall time from
spawning `python -m bot COMMAND` to its exit, on a small database (--leads submitted leads,
the bot has run on it) and with no bot running: `status` (exit status 1: no bot running),
`stats`, `audit`, `export` to a CSV file in a temporary folder, `lead --help`, `--help`
(the interpreter and the parser alone) and `chat` (on a throw-away database: /start typed,
then the end of its input). Each is timed --repeat times, the rounds interleaved
so that a busy spell of the machine falls on all of them; median and range (min-max) of
the wall time, and the median CPU time (user + system) of the process: for `run`, what it
had used when it polled; far steadier than the wall time on a machine others use.

`--code DIR` times another checkout of the bot with this virtual environment (e.g. the code
before a change, unpacked with `git archive <commit> | tar -x -C DIR`); the benchmark itself
(the emulator, the database it seeds) is this checkout's.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _driver import (
    base_env,
    cpu_seconds,
    full_bot,
    load_average,
    machine,
    median,
    served_emulator,
)
from export_leads import talents

from bot.emulator import BotAPIEmulator
from bot.store import Store
from tests.leads import seed

ROOT = Path(__file__).resolve().parent.parent
READY = "deleteWebhook"


class Timing(NamedTuple):
    """One start: wall seconds, and the process's CPU seconds (user + system) by then."""

    wall: float
    cpu: float


# Command line, expected exit status. `{folder}`: the round's temporary folder.
COMMANDS: dict[str, tuple[list[str], int]] = {
    "status": (["status"], 1),
    "stats": (["stats"], 0),
    "audit": (["audit"], 0),
    "export": (["export", "--format", "csv", "--output", "{folder}/leads.csv"], 0),
    "lead --help": (["lead", "--help"], 0),
    "--help": (["--help"], 0),
    "chat": (["chat"], 0),
}
# What is typed into a command: `chat` (a throw-away database) answers /start, then ends.
TYPED = {"chat": b"/start\n"}


async def start_bot(emulator: BotAPIEmulator, url: str, folder: Path, code: Path | None) -> Timing:
    """Start `python -m bot run` on the database in `folder`; seconds until it polls."""
    bot = full_bot(emulator, url, folder, code)
    try:
        seconds = await bot.start(emulator, ready=READY)
        cpu = cpu_seconds(bot.pid)
    except BaseException:
        print(bot.tail(), file=sys.stderr)
        raise
    finally:
        status = await bot.stop()
    if status != 0:
        raise RuntimeError(f"the bot exited with status {status}:\n{bot.tail()}")
    return Timing(seconds, cpu)


async def run_command(
    database: Path, argv: list[str], expected: int, code: Path | None, typed: bytes = b""
) -> Timing:
    """`python -m bot ARGV` on `database` (no BOT_TOKEN); seconds from spawn to exit."""
    with tempfile.TemporaryDirectory(prefix="bench-startup-cmd-") as folder:
        env = base_env(DATABASE_PATH=str(database))
        if code is not None:
            env["PYTHONPATH"] = str(code)
        argv = [part.format(folder=folder) for part in argv]
        used = children_cpu()
        spawned = time.perf_counter()
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            *argv,
            cwd=folder,
            env=env,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        _, err = await process.communicate(typed)
        seconds = time.perf_counter() - spawned
        cpu = children_cpu() - used  # no other child of this process runs meanwhile
    if process.returncode != expected:
        raise RuntimeError(
            f"`kocca-bot {' '.join(argv)}` exited with {process.returncode}, not {expected}:\n"
            f"{err.decode(errors='replace')}"
        )
    return Timing(seconds, cpu)


def children_cpu() -> float:
    """User + system CPU seconds of this process's children that have exited and been reaped."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def line(name: str, timings: list[Timing]) -> str:
    """One row: the median and the range of the wall time, and the median CPU, in seconds."""
    wall = [timing.wall for timing in timings]
    cpu = median([timing.cpu for timing in timings])
    return (
        f"{name:<22} wall median {median(wall):5.2f} s  range {min(wall):.2f}-{max(wall):.2f} s"
        f"   CPU median {cpu:5.2f} s"
    )


async def benchmark(repeat: int, leads: int, code: Path | None) -> None:
    """Time each start `repeat` times; print every figure, then the summary."""
    emulator, url = await served_emulator()
    print(f"Machine: {machine()}; load average {load_average()}")
    print(f"Code: {code or ROOT}\n")
    figures: dict[str, list[Timing]] = {"run, fresh database": [], "run, kept database": []}
    figures.update({name: [] for name in COMMANDS})
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as temporary:
        kept = Path(temporary) / "kept"
        kept.mkdir()
        await (await Store.open(kept / "kocca.db")).close()  # the tables
        seed(kept / "kocca.db", talents(leads, datetime.now(UTC)))
        await start_bot(emulator, url, kept, code)  # the bot has run on it once (not timed)
        for round_ in range(repeat):
            fresh = Path(temporary) / f"fresh-{round_}"
            fresh.mkdir()
            figures["run, fresh database"].append(await start_bot(emulator, url, fresh, code))
            figures["run, kept database"].append(await start_bot(emulator, url, kept, code))
            for name, (argv, expected) in COMMANDS.items():
                figures[name].append(
                    await run_command(kept / "kocca.db", argv, expected, code, TYPED.get(name, b""))
                )
            done = ", ".join(f"{name} {times[-1].wall:.2f}" for name, times in figures.items())
            print(f"round {round_ + 1}: {done}", flush=True)
    await emulator.aclose()
    print(f"\n{repeat} round(s); `run` until {READY}, commands until they exit; {leads} leads")
    for name, times in figures.items():
        print(line(name, times))
    print(f"load average after: {load_average()}")


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 2)[2],
    )
    parser.add_argument(
        "--repeat", type=int, default=5, metavar="N", help="rounds to time (default 5)"
    )
    parser.add_argument(
        "--leads",
        type=int,
        default=200,
        metavar="N",
        help="submitted leads in the kept database the commands read (default 200)",
    )
    parser.add_argument(
        "--code",
        type=Path,
        metavar="DIR",
        help="another checkout of the bot to time (default: this one)",
    )
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.leads < 0:
        parser.error("--leads must not be negative")
    code = None if args.code is None else args.code.resolve()
    asyncio.run(benchmark(args.repeat, args.leads, code))


if __name__ == "__main__":
    main()
