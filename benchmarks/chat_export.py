"""`/export` of 50,000 leads in `kocca-bot chat`: the chat says it is still working, waits
as long as it takes, and saves both files.

    python benchmarks/chat_export.py [--leads 50000]

Seeds a temporary database with that many realistic submitted leads (as
`export_leads.py` does), then runs `python -m bot chat --database … --allow-real-talents`
as admin 1001 with `/export`, `/start` and `/quit` typed in. Prints, from the moment the chat
is ready, when "still working…" showed, when each file was saved, when the next reply came,
then the exit status and the files' sizes; fails (exit 1) if the chat did not save both files
or ended badly.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.leads

from export_leads import talents

from bot.settings import DEMO_CONTROLLER
from bot.store import Store
from tests.leads import seed

SAVED = re.compile(r"\[file: (.+)\]")


async def run(leads: int) -> int:
    """Seed, chat, report; the exit status for the shell."""
    with tempfile.TemporaryDirectory(prefix="kocca-bench-") as folder_name:
        folder = Path(folder_name)
        database = folder / "kocca.db"
        await (await Store.open(database)).close()
        started = time.perf_counter()
        seed(database, talents(leads, datetime.now(UTC)))
        print(f"{leads} leads written in {time.perf_counter() - started:.1f} s")
        env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
        env.update(
            ADMIN_IDS="1001",
            CONTROLLER_NAME=DEMO_CONTROLLER.name,
            CONTROLLER_CONTACT=DEMO_CONTROLLER.contact,
            PTB_TIMEDELTA="true",
        )
        chat = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "chat", "--database", str(database),
            "--allow-real-talents", cwd=folder, env=env, stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert chat.stdin is not None
        assert chat.stdout is not None
        assert chat.stderr is not None
        chat.stdin.write(b"/export\n/start\n/quit\n")
        files: list[Path] = []
        typed = time.perf_counter()
        async for raw in chat.stdout:
            line = raw.decode().rstrip("\n")
            at = time.perf_counter() - typed
            if line.startswith("Type a message"):  # the bot is up: /export is read now
                typed = time.perf_counter()
                print("the chat started; /export")
            elif line.startswith("still working"):
                print(f"{at:6.1f} s  {line}")
            elif found := SAVED.search(line):
                files.append(Path(found.group(1)))
                print(f"{at:6.1f} s  saved {files[-1].name}")
            elif line.startswith("Halo,"):
                print(f"{at:6.1f} s  the next reply (/start)")
        code = await chat.wait()
        errors = (await chat.stderr.read()).decode()
        print(f"exit status {code}{'; stderr: ' + errors if errors else ''}")
        for path in files:
            print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB")
        return 0 if code == 0 and len(files) >= 2 else 1


def main() -> None:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leads", type=int, default=50_000, help="how many leads (default 50000)")
    args = parser.parse_args()
    sys.exit(asyncio.run(run(args.leads)))


if __name__ == "__main__":
    main()
