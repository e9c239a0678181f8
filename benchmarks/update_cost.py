"""What one update costs each bot, measured so that other load on the machine does not matter.

    python benchmarks/update_cost.py [--talents 200] [--texts 5]
        [--bots full,no-matcher,aiogram-echo]
    python benchmarks/update_cost.py --callgrind [--talents 20] [--keep DIR]
    python benchmarks/update_cost.py --callgrind --pieces --keep DIR [--bots full,no-matcher]
    python benchmarks/update_cost.py --profile /tmp/prof --bots full
    python benchmarks/update_cost.py --sample /tmp/prof --bots full   # needs py-spy on PATH

A fixed replay (`interactive.py`'s workloads, free text by default: /start and `--texts`
messages per talent, every talent at once, each waiting for the bot's reply) against each bot
in a subprocess, after a warm-up. Per update it reports the bot process's CPU time, which a
busy machine changes little; with `--callgrind`, the instructions the bot process executed
under valgrind's callgrind, which do not depend on the machine's load at all (valgrind runs
the bot about 50 times slower: use fewer talents); with `--profile DIR`, a cProfile of the bot
over the measured part only (`DIR/<bot>.prof`, read with `python -m pstats`); with
`--sample DIR`, py-spy's samples of the bot's stacks over the measured part (`DIR/<bot>.txt`,
one stack and its count a line). cProfile adds the same cost to every call, so it overstates
code made of many small calls; sampling does not. With `--callgrind --pieces --keep DIR`, the
functions listed in `benchmarks/_pieces.py` are counted apart (inclusive instructions of each
`piece_<name>`: `callgrind_annotate --inclusive=yes DIR/<bot>.callgrind.<pid>.1 | grep piece_`);
the pieces add their own calls, so take totals from a run without them.

Background work of the full bot (the announcement and reminder workers look for due work
every few seconds) counts too; it is small against the updates.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _driver import (
    BotProcess,
    Replies,
    Step,
    cpu_seconds,
    load_average,
    machine,
    median,
    served_emulator,
    talent_walks,
    walk,
)
from interactive import FULL_BOTS, bot_process, echo_steps, free_text_walks

from bot.emulator import BotAPIEmulator

PROFILER = Path(__file__).resolve().parent / "_profiled.py"
PIECES = Path(__file__).resolve().parent / "_pieces.py"
VALGRIND_SLOWDOWN = 100.0  # timeouts under valgrind are this many times longer


class Meter:
    """Starts and stops one measure of a bot process: CPU time, callgrind, or cProfile."""

    def __init__(self, mode: str, bot: BotProcess, out: Path) -> None:
        self.mode, self.bot, self.out = mode, bot, out
        self._cpu = 0.0
        self._sampler: subprocess.Popen[bytes] | None = None

    @staticmethod
    def wrap(mode: str, bot: BotProcess, out: Path) -> None:
        """Put the bot's command under valgrind or the profiler."""
        if mode == "callgrind":
            bot.argv = [
                "valgrind",
                "--tool=callgrind",
                "--dump-instr=no",
                f"--callgrind-out-file={out}.%p",
                *bot.argv,
            ]
            bot.start_timeout *= VALGRIND_SLOWDOWN
        elif mode == "profile":
            bot.argv = [bot.argv[0], str(PROFILER), str(out), *bot.argv[1:]]

    def begin(self) -> None:
        """Forget what start-up and warm-up cost; measure from now."""
        if self.mode == "callgrind":
            _callgrind_control("--zero", self.bot.pid)
        elif self.mode == "profile":
            os.kill(self.bot.pid, signal.SIGUSR1)
        elif self.mode == "sample":
            spy = shutil.which("py-spy") or "py-spy"
            self._sampler = subprocess.Popen(  # noqa: S603 - py-spy, on this bot's own process
                [
                    *(spy, "record", "--pid", str(self.bot.pid), "--rate", "250"),
                    *("--nonblocking", "--format", "raw", "--output", str(self.out)),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        self._cpu = cpu_seconds(self.bot.pid)

    def end(self) -> float:
        """The measure since `begin`: CPU seconds, or instructions under callgrind."""
        cpu = cpu_seconds(self.bot.pid) - self._cpu
        if self.mode == "callgrind":
            _callgrind_control("--dump", self.bot.pid)
            return _instructions(self.out, self.bot.pid)
        if self.mode == "profile":
            os.kill(self.bot.pid, signal.SIGUSR2)
        if self._sampler is not None:
            self._sampler.send_signal(signal.SIGINT)  # py-spy writes its file and exits
            self._sampler.wait()
        return cpu


def _callgrind_control(option: str, pid: int) -> None:
    """Ask the callgrind in this process to zero or dump its counters (through vgdb)."""
    control = shutil.which("callgrind_control") or "callgrind_control"
    subprocess.run([control, option, str(pid)], check=True, capture_output=True)  # noqa: S603


def _instructions(out: Path, pid: int) -> float:
    """Instructions counted in the newest callgrind dump of this process."""
    dumps = sorted(out.parent.glob(f"{out.name}.{pid}.*"), key=lambda path: path.stat().st_mtime)
    if not dumps:
        raise RuntimeError("callgrind wrote no dump")
    text = dumps[-1].read_text(errors="replace")
    found = re.search(r"^(?:summary|totals): (\d+)", text, re.MULTILINE)
    if found is None:
        raise RuntimeError(f"no instruction count in {dumps[-1]}")
    return float(found.group(1))


async def replay(
    emulator: BotAPIEmulator, replies: Replies, walks: list[list[Step]], talents: int
) -> int:
    """Every talent walks at once, each waiting for the bot's replies; returns the updates."""
    users = [emulator.user(first_name=f"Talenta {index}") for index in range(talents)]
    results = await asyncio.gather(
        *(walk(replies, user, walks[index % len(walks)]) for index, user in enumerate(users))
    )
    return sum(len(latencies) for latencies in results)


async def measure_bot(
    name: str, emulator: BotAPIEmulator, url: str, walks: list[list[Step]], args: argparse.Namespace
) -> tuple[float, int, float]:
    """One bot: start, warm up, replay; its measure, the updates, and the seconds taken."""
    mode = "callgrind" if args.callgrind else "profile" if args.profile else "cpu"
    mode = "sample" if args.sample else mode
    slow = VALGRIND_SLOWDOWN if mode == "callgrind" else 1.0
    replies = Replies(emulator, timeout=60.0 * slow)
    if name not in FULL_BOTS:
        walks = [echo_steps(steps) for steps in walks]
    with tempfile.TemporaryDirectory(prefix=f"cost-{name}-") as folder:
        bot = bot_process(name, emulator, url, Path(folder), args.baseline)
        if args.pieces:
            bot.argv = [bot.argv[0], str(PIECES), *bot.argv[1:]]
        profile_dir = Path(args.profile or args.sample or folder)
        profile_dir.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 - before the bot runs
        suffix = {"profile": ".prof", "sample": ".txt"}.get(mode)
        kept = Path(args.keep or folder)
        out = profile_dir / f"{name}{suffix}" if suffix else kept / f"{name}.callgrind"
        Meter.wrap(mode, bot, out)
        meter = Meter(mode, bot, out)
        emulator.updates.drop_pending()
        await bot.start(emulator)
        try:
            await replay(emulator, replies, walks, args.warmup)
            meter.begin()
            started = time.perf_counter()
            updates = await replay(emulator, replies, walks, args.talents)
            seconds = time.perf_counter() - started
            measured = meter.end()
        except BaseException:
            print(bot.tail(), file=sys.stderr)
            raise
        finally:
            await bot.stop()
    return measured, updates, seconds


async def benchmark(args: argparse.Namespace) -> None:
    """Measure every requested bot on the same replay; print the comparison."""
    intake = args.workload == "intake"
    walks = await talent_walks() if intake else free_text_walks(args.texts)
    emulator, url = await served_emulator()
    unit = "instructions/update" if args.callgrind else "CPU ms/update"
    print(f"Machine: {machine()}; load average {load_average()}")
    print(f"{args.talents} talents at once, {args.workload}, after {args.warmup} warm-up talents\n")
    print(f"{'bot':<18} {unit:>20} {'updates':>8} {'seconds':>8}")
    figures: dict[str, list[float]] = {}
    try:
        for name in args.bots:
            measured, updates, seconds = await measure_bot(name, emulator, url, walks, args)
            per_update = measured / updates if args.callgrind else measured / updates * 1000
            figures.setdefault(name, []).append(per_update)
            shown = f"{per_update:,.0f}" if args.callgrind else f"{per_update:.3f}"
            print(f"{name:<18} {shown:>20} {updates:>8} {seconds:>8.1f}", flush=True)
    finally:
        await emulator.aclose()
    if "full" in figures:
        full = median(figures["full"])
        for name, values in figures.items():
            if name != "full":
                print(f"full / {name}: {full / median(values):.2f} (medians)")
    if args.profile or args.sample:
        print(
            f"profiles in {args.profile or args.sample}/<bot>.{'prof' if args.profile else 'txt'}"
        )
    print(f"load average at the end: {load_average()}")


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workload", choices=("intake", "free-text"), default="free-text")
    parser.add_argument("--texts", type=int, default=5, help="free texts per talent")
    parser.add_argument("--talents", type=int, default=200, help="talents at once (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="talents walked before measuring")
    parser.add_argument(
        "--bots",
        default="full,no-matcher,aiogram-echo",
        help="comma-separated; a name given twice is measured twice (interleaved)",
    )
    parser.add_argument(
        "--baseline", type=Path, metavar="CHECKOUT", help="also the full bot of that checkout"
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--callgrind", action="store_true", help="count instructions (valgrind)")
    group.add_argument("--profile", metavar="DIR", help="write a cProfile of each bot to DIR")
    parser.add_argument(
        "--keep", metavar="DIR", help="with --callgrind: keep the dumps (callgrind_annotate)"
    )
    parser.add_argument(
        "--pieces",
        action="store_true",
        help="with --callgrind: count chosen functions apart (benchmarks/_pieces.py; gcc)",
    )
    group.add_argument("--sample", metavar="DIR", help="write py-spy samples of each bot to DIR")
    args = parser.parse_args()
    args.bots = [name.strip() for name in args.bots.split(",") if name.strip()]
    if args.baseline is not None:
        args.bots.insert(1, "baseline")
    asyncio.run(benchmark(args))


if __name__ == "__main__":
    main()
