"""Whether a bot is running on a database: a lock the running bot holds on a file beside it.

`flock` locks belong to the open file, and the kernel drops them when the process ends in
any way, `kill -9` and power cuts included: a stale lock file never says "running". The pid
written into the file is only for the message; the lock is what counts.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from bot.private_files import PRIVATE_FILE, private_folder


class DatabaseInUse(Exception):
    """Another process holds the database's run lock."""

    def __init__(self, path: Path, pid: int | None) -> None:
        holder = f"process {pid}" if pid else "another process"
        super().__init__(f"{holder} is running the bot (or a restore) on {path}")
        self.pid = pid


def lock_path(database: Path) -> Path:
    """kocca.db -> kocca.db.lock"""
    return database.with_name(database.name + ".lock")


class RunLock:
    """Held for the life of `kocca-bot run` and for the length of a restore."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path(database)
        self._descriptor: int | None = None

    def acquire(self) -> RunLock:
        """Take the lock or raise DatabaseInUse at once (never waits)."""
        private_folder(self.path.parent)
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_pid(descriptor)
            os.close(descriptor)
            raise DatabaseInUse(self.database, pid) from None
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode())
        self._descriptor = descriptor
        return self

    def release(self) -> None:
        """Drop the lock (also dropped by the kernel when the process ends)."""
        if self._descriptor is not None:
            descriptor, self._descriptor = self._descriptor, None
            os.close(descriptor)

    def __enter__(self) -> RunLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def running_pid(database: Path) -> int | None:
    """The pid of the bot running on this database (0 if unknown), or None if none runs."""
    path = lock_path(database)
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read_pid(descriptor) or 0
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        return None
    finally:
        os.close(descriptor)


def _read_pid(descriptor: int) -> int | None:
    with contextlib.suppress(OSError, ValueError):
        return int(os.pread(descriptor, 32, 0).decode().strip() or 0) or None
    return None
