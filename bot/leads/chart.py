"""The /stats chart: leads per day over 30 days and leads per stage, as one PNG.

Drawn by matplotlib (Agg, no display) in a child process (`python -m bot.leads.chart`):
drawing and importing matplotlib take a second of CPU that would otherwise hold the event
loop (and the GIL) while talents wait for replies; the child also returns its memory.
matplotlib's settings and font cache go to a private temporary folder of the bot's process
(0700, removed when it exits): nothing is left next to the database or in a home folder.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 60.0
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True, slots=True)
class ChartData:
    """Everything the picture shows, already labelled in the reader's language."""

    days_title: str
    days: list[tuple[str, int]]  # the day as read on the axis ("18 Nov"), leads that day
    stages_title: str
    stages: list[tuple[str, int]]  # stage label, leads at that stage now (pipeline order)
    # Under the stage bars: the leads closed as a duplicate, in none of them ("" if none), as
    # /stats says it under its stage lines.
    stages_note: str = ""


def render(data: ChartData) -> bytes:
    """The PNG (runs in the child process: imports matplotlib)."""
    import io

    buffer = io.BytesIO()
    figure(data).savefig(buffer, format="png")
    return buffer.getvalue()


def figure(data: ChartData) -> Any:
    """The picture as a matplotlib Figure (imports matplotlib)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 7), dpi=110, layout="constrained")
    days_axes, stages_axes = figure.subplots(2, 1, height_ratios=(1, 1))
    labels = [day for day, _ in data.days]
    counts = [count for _, count in data.days]
    days_axes.bar(range(len(counts)), counts, color="#2a6f97")
    days_axes.set_title(data.days_title, loc="left")
    days_axes.set_xticks(range(0, len(labels), 3), labels[::3], rotation=45, ha="right")
    # Counts from 0 in whole leads: with no lead in 30 days matplotlib centred the axis on 0
    # and ticked -0.04 … 0.04 (integer ticks need two integers in view).
    days_axes.set_ylim(0, max([1, *counts]) * 1.05)
    days_axes.yaxis.get_major_locator().set_params(integer=True)
    days_axes.spines[["top", "right"]].set_visible(False)

    names = [_printable(name) for name, _ in data.stages]
    values = [count for _, count in data.stages]
    positions = range(len(values))
    stages_axes.barh(positions, values, color="#61a5c2")
    stages_axes.set_yticks(positions, names)
    stages_axes.invert_yaxis()  # the first stage on top, as a funnel reads
    for position, value in zip(positions, values, strict=True):
        stages_axes.annotate(
            str(value), (value, position), xytext=(4, 0), textcoords="offset points", va="center"
        )
    stages_axes.set_title(data.stages_title, loc="left")
    if data.stages_note:
        stages_axes.set_xlabel(_printable(data.stages_note), loc="left", color="#555555")
    stages_axes.set_xlim(0, max([1, *values]) * 1.05)  # from 0 too, also with no lead at all
    stages_axes.xaxis.get_major_locator().set_params(integer=True)
    stages_axes.spines[["top", "right"]].set_visible(False)
    return figure


def _printable(text: str) -> str:
    """Drop emoji and other symbols the bundled font has no glyph for."""
    return "".join(char for char in text if ord(char) < 0x2000).strip()


@functools.cache
def _config_folder() -> tempfile.TemporaryDirectory[str]:
    """One per bot process, so matplotlib builds its font cache once (about 0.7 s)."""
    return tempfile.TemporaryDirectory(prefix="kocca-matplotlib-")


def config_folder() -> Path:
    """Where the drawing child keeps matplotlib's settings and font cache (MPLCONFIGDIR)."""
    return Path(_config_folder().name)


async def draw(data: ChartData) -> bytes | None:
    """Draw in a child process; None (logged) if it fails or takes too long."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.leads.chart",
        str(config_folder()),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        async with asyncio.timeout(TIMEOUT_SECONDS):
            png, errors = await process.communicate(json.dumps(asdict(data)).encode())
    except TimeoutError:
        process.kill()
        await process.wait()
        log.warning("The stats chart took longer than %.0f s; sent without it", TIMEOUT_SECONDS)
        return None
    if process.returncode != 0 or not png.startswith(PNG_SIGNATURE):
        last = errors.decode(errors="replace").strip().splitlines()[-1:] or [""]
        log.warning("The stats chart could not be drawn (%s)", last[0])
        return None
    return png


def main(arguments: list[str]) -> int:
    """Child process: chart data (JSON) on stdin, PNG on stdout."""
    import os

    # matplotlib keeps its font cache here (the parent's private temporary folder).
    Path(arguments[0]).mkdir(mode=0o700, parents=True, exist_ok=True)
    os.environ["MPLCONFIGDIR"] = arguments[0]
    raw: dict[str, Any] = json.load(sys.stdin)
    data = ChartData(
        days_title=raw["days_title"],
        days=[(str(day), int(count)) for day, count in raw["days"]],
        stages_title=raw["stages_title"],
        stages=[(str(name), int(count)) for name, count in raw["stages"]],
        stages_note=str(raw.get("stages_note", "")),
    )
    sys.stdout.buffer.write(render(data))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
