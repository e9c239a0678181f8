"""Runs a bot under cProfile, measuring only between two signals from the benchmark.

    python benchmarks/_profiled.py OUT.prof -m bot run
    python benchmarks/_profiled.py OUT.prof benchmarks/interactive.py --serve aiogram-echo

SIGUSR1 starts measuring (what came before, start-up and warm-up, is not counted);
SIGUSR2 stops and writes the statistics to OUT.prof (read them with `python -m pstats`).
cProfile sees the main thread only: the event loop, where the bot spends its CPU time. It
counts that thread's CPU time, not wall time: waiting (for the network, or for a busy machine
to give the process a core back) is not charged to whatever happened to be running.
"""

from __future__ import annotations

import cProfile
import runpy
import signal
import sys
import time
from types import FrameType


def main() -> None:
    """Set the signal handlers, then run the module or script as `python` would."""
    out, *command = sys.argv[1:]
    profiler = cProfile.Profile(time.thread_time)

    def begin(signum: int, frame: FrameType | None) -> None:
        profiler.enable()

    def end(signum: int, frame: FrameType | None) -> None:
        profiler.disable()
        profiler.dump_stats(out)

    signal.signal(signal.SIGUSR1, begin)
    signal.signal(signal.SIGUSR2, end)
    run_as_python(command)


def run_as_python(command: list[str]) -> None:
    """Run `-m MODULE ARGS…` or `SCRIPT ARGS…` in this process, as `python` would."""
    if command[0] == "-m":
        sys.argv = [command[1], *command[2:]]
        runpy.run_module(command[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = command
        runpy.run_path(command[0], run_name="__main__")


if __name__ == "__main__":
    main()
