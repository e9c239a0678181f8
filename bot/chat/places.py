"""Where a chat keeps its database, the files the bot sends, and its log."""

from __future__ import annotations

import contextlib
import logging
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.logs import setup_logging
from bot.private_files import private_file, private_folder


@dataclass(frozen=True, slots=True)
class Places:
    """The chat's files; `scratch` (a temporary folder) is deleted when the chat ends."""

    database: Path
    files: Path
    log: Path
    scratch: Path

    def kept(self, path: Path) -> bool:
        """Whether `path` outlives the chat (it is not in the temporary folder)."""
        return not path.is_relative_to(self.scratch)


@contextlib.contextmanager
def chat_places(database: Path | None, files: Path | None) -> Iterator[Places]:
    """Beside `database` when there is one (`NAME-files/`, `NAME-chat.log`), else in a
    temporary folder; `files` wherever the person asked."""
    with tempfile.TemporaryDirectory(prefix="kocca-chat-") as folder:
        scratch = Path(folder)
        if database is None:
            places = Places(scratch / "chat.db", scratch / "files", scratch / "chat.log", scratch)
        else:
            places = Places(
                database,
                database.with_name(f"{database.stem}-files"),
                database.with_name(f"{database.stem}-chat.log"),
                scratch,
            )
        if files is not None:
            places = Places(places.database, files, places.log, scratch)
        private_folder(places.files)
        yield places


@contextlib.contextmanager
def logging_to(path: Path, level: int, secrets: Iterable[str]) -> Iterator[None]:
    """Log lines go to `path` (appended, 0600) instead of between the messages; the logging
    set up before (stderr, or a test's capture) comes back afterwards."""
    root = logging.getLogger()
    handlers, previous_level = list(root.handlers), root.level
    with private_file(path).open("a", encoding="utf-8") as stream:
        setup_logging(level, secrets, stream=stream)
        try:
            yield
        finally:
            for handler in list(root.handlers):
                root.removeHandler(handler)
            for handler in handlers:
                root.addHandler(handler)
            root.setLevel(previous_level)
