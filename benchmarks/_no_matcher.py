"""Runs `python -m bot run` with the free-question matcher switched off: benchmarks only.

    python benchmarks/_no_matcher.py

Free text outside a form gets the fallback line and the menu (`fallback.unknown_text`), as
before the matcher (in the language the talent writes in, as the full bot answers it), and
a question after /tanya goes to staff without an answer first; everything else is the full
bot. `interactive.py` runs it as the bot "no-matcher", to measure what the matcher costs on
the hot path (issue 23: within 5 %).
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from telegram import Update

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handlers import answers, fallback  # noqa: E402
from handlers.common import BotContext  # noqa: E402


async def _no_answer_first(update: Update, context: BotContext, text: str | None = None) -> bool:
    """Nothing answered before the relay (`answer_before_relay`'s signature: "/tanya
    QUESTION" passes the question)."""
    return False


async def _fallback(update: Update, context: BotContext, *, paused: bool = False) -> None:
    """The fallback, in the language the talent writes in, as the full bot follows it: that
    is no work of the matcher's (`free_text`'s signature: `paused` is not read)."""
    await answers.follow_written_language(update, context)
    await fallback.unknown_text(update, context)


def main() -> None:
    """Switch the matcher's two call sites off, then run the bot as `python -m bot run`."""
    answers.free_text = _fallback
    answers.answer_before_relay = _no_answer_first
    sys.argv = ["bot", "run"]
    runpy.run_module("bot", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
