"""What the bot does with every labelled free question, written down to compare two versions.

    PYTHONPATH=CHECKOUT python benchmarks/free_text_replies.py OUT.json
    diff <(python -m json.tool A.json) <(python -m json.tool B.json)

For each question of tests/data/questions.yaml: the matcher's match (ranked entries, fits,
what it read), the verdict (`decide`) and its `summary`; then the real bot, driven through
the Bot API emulator as the free-text benchmark drives it (talents sending /start and then
questions, each waiting for the reply), writes down every reply (text, HTML, buttons, reply
target), every recorded free question and every conversation log line (times and the
`update_id`s the emulator numbers left out). A change meant to make the hot path cheaper
must leave this file as it was. Benchmarks only: no test runs it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.answers.desk import thresholds  # noqa: E402
from bot.answers.matcher import Matcher  # noqa: E402
from bot.answers.text import summary  # noqa: E402
from bot.answers.verdict import decide  # noqa: E402
from bot.content import load_content  # noqa: E402
from bot.emulator import BotAPIEmulator  # noqa: E402
from bot.settings import PACKAGED_CONTENT_DIR  # noqa: E402
from bot.store.db import Database  # noqa: E402
from tests.harness import Harness, make_settings  # noqa: E402

QUESTIONS = ROOT / "tests" / "data" / "questions.yaml"
PER_TALENT = 5  # questions each talent asks after /start, as the benchmark's talents do
NAMES = ("Sari", "Budi", "Dewi", "Rizky", "Ayu")
LANGUAGES = ("id", "en", None)


def _plain(value: Any) -> Any:
    """A value as JSON keeps it (tuples as lists, numbers rounded as they are stored)."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, str | int | bool) or value is None:
        return value
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return repr(value)


def matched(texts: list[str]) -> list[dict[str, Any]]:
    """Each text's match, verdict and summary, on the packaged content."""
    content = load_content(PACKAGED_CONTENT_DIR)
    matcher = Matcher.build(content)
    needed = thresholds(make_settings(Path("unused.db"), BotAPIEmulator()))
    found = []
    for text in texts:
        match = matcher.match(text, ("Sari",))
        found.append(
            {
                "q": text,
                "match": _plain(match),
                "verdict": _plain(decide(match, needed)),
                "summary": summary(text, ("Sari",)),
            }
        )
    return found


def _rows(database: Path, table: str, order: str) -> list[dict[str, Any]]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        db.row_factory = sqlite3.Row
        rows = db.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()  # noqa: S608 - ours
    return [
        {key: row[key] for key in row.keys() if not key.endswith("_at") and key != "update_id"}  # noqa: SIM118 - sqlite3.Row
        for row in rows
    ]


async def replied(texts: list[str]) -> dict[str, Any]:
    """Every reply the bot sends, and what it stores, to talents asking these texts."""
    folder = Path(tempfile.mkdtemp(prefix="free-text-replies-"))
    try:
        database = folder / "kocca.db"
        await (await Database.open(database)).close()
        emulator = BotAPIEmulator()
        bot = Harness(emulator, database)
        await bot.start()
        replies = []
        try:
            for start in range(0, len(texts), PER_TALENT):
                number = start // PER_TALENT
                talent = bot.user(
                    first_name=NAMES[number % len(NAMES)],
                    language_code=LANGUAGES[number % len(LANGUAGES)],
                )
                await bot.send(talent, "/start")
                for text in texts[start : start + PER_TALENT]:
                    sent = await bot.send(talent, text)
                    replies.append(
                        {
                            "q": text,
                            "replies": [
                                {
                                    "text": message.text,
                                    "html": message.html,
                                    "buttons": [
                                        [[b.text, b.callback_data, b.url] for b in row]
                                        for row in message.buttons
                                    ],
                                    "reply_to": message.reply_to_message_id,
                                    "edited": message.edited,
                                }
                                for message in sent
                            ],
                        }
                    )
        finally:
            await bot.stop()
        return {
            "replies": replies,
            "free_questions": _rows(database, "free_questions", "id"),
            "conversation_log": _rows(database, "conversation_log", "id"),
            "users": _rows(database, "users", "user_id"),
            "log_text_days": _rows(database, "log_text_days", "user_id, day"),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    """Write the matches and the bot's replies to the file named."""
    texts = [str(item["q"]) for item in yaml.safe_load(QUESTIONS.read_text())["questions"]]
    out = {"matched": matched(texts), **asyncio.run(replied(texts))}
    Path(sys.argv[1]).write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True))
    print(f"{len(texts)} questions, {len(out['replies'])} replied, written to {sys.argv[1]}")


if __name__ == "__main__":
    main()
