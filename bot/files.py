"""Files and folders the bot creates are private to the account it runs as (0600 / 0700)."""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(folder: Path) -> Path:
    """Create the folder (and missing parents) as 0700; an existing folder is left as it is."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            continue  # made meanwhile by another process
        os.chmod(path, FOLDER_MODE)  # mkdir's mode is filtered by the umask
    return folder


def create_private(path: Path) -> int:
    """Create a new, empty file readable only by this account; return its descriptor.

    Raises FileExistsError when the file exists: callers never write over a file by accident.
    """
    private_folder(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.fchmod(descriptor, FILE_MODE)  # the umask may have taken bits away, never added
    return descriptor


def sync_folder(folder: Path) -> None:
    """Make a rename or a new file in this folder survive a power cut."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
