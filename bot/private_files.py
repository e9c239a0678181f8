"""Files and folders only the bot's own user may read: 0600 and 0700, whatever the umask.

The database, its -wal and -shm, backups and exports hold talents' personal data; a usual
umask (022) would make them readable by every account on the server. Everything the bot
writes goes through these helpers. A folder that already exists is left as its owner set it
(it may be shared on purpose, e.g. a home directory); a file the bot writes is always 0600.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO, Any

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def private_folder(folder: Path) -> Path:
    """Create `folder` and any missing parents with mode 0700; return it."""
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process made it meanwhile
            path.mkdir(mode=PRIVATE_FOLDER)
        os.chmod(path, PRIVATE_FOLDER)  # mkdir's mode is narrowed further by an odd umask
    return folder


def private_file(path: Path) -> Path:
    """Make sure `path` exists with mode 0600: created empty if missing, else tightened.

    For files another library then opens by name (SQLite, xlsxwriter, zipfile): opening an
    existing file keeps its mode, and SQLite gives -wal and -shm the mode of the database.
    """
    private_folder(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, PRIVATE_FILE)
    try:
        os.fchmod(descriptor, PRIVATE_FILE)
    finally:
        os.close(descriptor)
    return path


def open_private(path: Path, mode: str = "wb", **options: Any) -> IO[Any]:
    """Open `path` for writing from the start (truncated), mode 0600; like `open()` otherwise."""
    if not mode.startswith("w"):
        raise ValueError("open_private only writes: use mode 'w' or 'wb'")
    private_folder(path.parent)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW
    descriptor = os.open(path, flags, PRIVATE_FILE)
    try:
        os.fchmod(descriptor, PRIVATE_FILE)  # an existing file keeps its old mode otherwise
        return os.fdopen(descriptor, mode, **options)
    except BaseException:
        os.close(descriptor)
        raise


def tighten(path: Path) -> None:
    """Make an existing file 0600 (no-op when it does not exist)."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, PRIVATE_FILE)


def create_private(path: Path) -> int:
    """Create a new, empty file with mode 0600 and return its descriptor.

    Raises FileExistsError when the file exists: never writes over a file by accident (a
    backup, the erasure key).
    """
    private_folder(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, PRIVATE_FILE)
    os.fchmod(descriptor, PRIVATE_FILE)
    return descriptor


def sync_folder(folder: Path) -> None:
    """Make a rename or a new file in this folder survive a power cut."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
