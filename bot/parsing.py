"""Reading numbers out of callback data and commands that anyone can forge."""

from __future__ import annotations

import re

_SMALL = re.compile(r"[0-9]{1,9}")  # ASCII digits only: "²".isdigit() is True, int("²") fails


def small_int(text: str) -> int | None:
    """A non-negative number of at most nine ASCII digits, or None."""
    return int(text) if _SMALL.fullmatch(text) else None
