"""Stored times as staff read them, in Western Indonesian Time (WIB).

Light on purpose: `kocca-bot status` runs from cron and shows times with `wib_text`, without
loading the content, the exports or the bot (tests/test_cli_startup.py).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")
MINUTE = "%Y-%m-%d %H:%M"  # a time to the minute, sortable: 2026-01-15 14:03


def to_wib(moment: str) -> datetime:
    """A stored ISO UTC time in Western Indonesian Time."""
    return datetime.fromisoformat(moment).astimezone(WIB)


def wib_text(moment: str | None) -> str:
    """A stored time as staff read it: 2026-01-15 14:03 (WIB)."""
    return "" if moment is None else to_wib(moment).strftime(MINUTE)
