"""rev-attack finding 2: `kocca-bot stats` prints talents' words with their terminal codes.

A talent's unanswered free question is kept as a "masked summary" (bot/answers/text.py,
`summary`) that keeps control characters; `kocca-bot stats` (bot/cli_staff.py) prints the ten
most asked ones as they are, so a talent can clear the operator's screen, retitle the window
or write OSC 8/52 sequences. `kocca-bot chat` and `kocca-bot audit` escape them; stats does not.
"""

from __future__ import annotations

from pathlib import Path

from tests.harness import Harness
from tests.processes import clean_env, run_cli

ESCAPES = "\x1b]0;PWNED\x07\x1b[2J"


async def test_finding_2_stats_shows_terminal_codes_escaped(bot: Harness, tmp_path: Path) -> None:
    talent = bot.emulator.user(7001, first_name="Rina")
    await bot.send(talent, f"{ESCAPES} xyzzy plugh qwerty")
    env = clean_env(tmp_path, DATABASE_PATH=str(bot.database))
    code, out, err = await run_cli(tmp_path, env, "stats")
    assert code == 0, err
    assert "xyzzy plugh qwerty" in out  # the question is listed among the unanswered
    assert "\x1b" not in out and "\x07" not in out, repr(out[-200:])
