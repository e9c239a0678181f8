"""Data-subject rights: a copy of everything stored, erasure, retention. No Telegram here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.settings import Settings
from bot.store import Store

INBOX_RETENTION = timedelta(days=2)  # processed updates are kept only to drop duplicates


@dataclass(frozen=True, slots=True)
class MyData:
    """The copy a talent receives: the JSON file and the counts for a readable summary."""

    document: bytes
    counts: dict[str, int]


async def my_data(store: Store, user_id: int, notice_version: str) -> MyData:
    """Everything stored about one talent, as a JSON document."""
    tables = await store.privacy.gather(user_id)
    document = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "telegram_user_id": user_id,
        "privacy_notice_version": notice_version,
        "data": tables,
    }
    payload = json.dumps(document, ensure_ascii=False, indent=2, default=str).encode("utf-8")
    return MyData(payload, {table: len(rows) for table, rows in tables.items()})


def cutoffs(settings: Settings, now: datetime | None = None) -> tuple[str, str, str]:
    """ISO times before which log lines, drafts and processed updates are deleted."""
    now = now or datetime.now(UTC)

    def before(delta: timedelta) -> str:
        return (now - delta).isoformat(timespec="microseconds")

    return (
        before(timedelta(days=settings.log_retention_days)),
        before(timedelta(days=settings.draft_retention_days)),
        before(INBOX_RETENTION),
    )


async def purge(store: Store, settings: Settings, now: datetime | None = None) -> dict[str, int]:
    """Apply the retention periods once; how many rows of each kind were deleted."""
    return await store.privacy.purge(*cutoffs(settings, now))


def format_purge(deleted: dict[str, int]) -> str:
    """One line for the CLI and the log."""
    return (
        f"Deleted {deleted['conversation_log']} conversation-log entries,"
        f" {deleted['drafts']} unfinished applications,"
        f" {deleted['update_inbox']} processed updates."
    )
