"""Text that was never finished: "[perlu dikonfirmasi staf]", TODO, TBD. No talent may see it."""

from __future__ import annotations

import re

_PATTERNS = (
    # A bracketed note to staff: [perlu dikonfirmasi staf], [to be confirmed], [isi di sini]…
    re.compile(r"\[[^\]]*\b(perlu|to be|isi|fill|confirm|tbc|tbd|todo)\b[^\]]*\]", re.IGNORECASE),
    re.compile(r"\b(TODO|TBD|TBC|FIXME|XXX)\b"),
    re.compile(r"lorem ipsum", re.IGNORECASE),
)


def placeholder_in(text: str) -> str | None:
    """The first unfinished-text marker in `text`, or None."""
    for pattern in _PATTERNS:
        found = pattern.search(text)
        if found is not None:
            return found.group(0)
    return None
