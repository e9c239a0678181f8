"""Temporary folders that hold talents' data for a moment (exports, /dataku copies).

Each is named for the process that made it (kocca-export-p1234-…) and deleted when done; a
process killed with -9 cannot do that, so the next start removes the folders of processes
that no longer run (`remove_leftovers`). A folder of a process still running (another bot on
the same machine) is left alone.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

KINDS = ("export", "mydata", "workspace")
_NAMED = re.compile(rf"kocca-(?:{'|'.join(KINDS)})-p([0-9]{{1,9}})-")


def prefix(kind: str) -> str:
    """The name a temporary folder of this kind starts with, in this process."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of temporary folder: {kind}")
    return f"kocca-{kind}-p{os.getpid()}-"


def folder(kind: str) -> tempfile.TemporaryDirectory[str]:
    """A new private (0700) temporary folder of this kind, deleted when the block ends."""
    return tempfile.TemporaryDirectory(prefix=prefix(kind))


def remove_leftovers(where: Path | None = None) -> int:
    """Delete the temporary folders left by bot processes that no longer run; how many."""
    removed = 0
    for path in Path(where or tempfile.gettempdir()).glob("kocca-*-p*-*"):
        named = _NAMED.match(path.name)
        if named is None or path.is_symlink() or not path.is_dir() or _running(int(named[1])):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed += 1
    return removed


def _running(pid: int) -> bool:
    if pid <= 0:
        return True  # not a process id (0 would ask about our own group): leave it alone
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True
