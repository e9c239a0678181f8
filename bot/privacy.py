"""Data-subject rights: a copy of everything stored, erasure, retention. No Telegram here."""

from __future__ import annotations

import json
import logging
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.content import Content
from bot.data_copy import readable_copy
from bot.private_files import create_private
from bot.settings import MIN_ERASURE_KEY, Settings, SettingsError
from bot.store import Store

log = logging.getLogger(__name__)

INBOX_RETENTION = timedelta(days=2)  # processed updates are kept only to drop duplicates


@dataclass(frozen=True, slots=True)
class MyData:
    """The copy a talent receives: the JSON file and the counts for a readable summary."""

    document: bytes
    counts: dict[str, int]


async def my_data(
    store: Store,
    content: Content,
    user_id: int,
    language: str,
    controller: str,
    request_update: int | None = None,
) -> MyData:
    """Everything stored about one talent, as a JSON document they can read (data_copy);
    `request_update` is the update asking for it."""
    tables = await store.privacy.gather(user_id)
    document = readable_copy(
        tables,
        content,
        language,
        user_id=user_id,
        notice_version=content.privacy.version,
        controller=controller,
        processed_days=INBOX_RETENTION.days,
        made_at=datetime.now(UTC),
        request_update=request_update,
    )
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


def erasure_key(settings: Settings) -> bytes:
    """The secret key of the erasure records: ERASURE_KEY, else the key file beside the data.

    On first start (no setting, no file) a random key is written to the file, readable only
    by the bot's account. Without the same key, a restored backup's erasure records cannot be
    matched: the key belongs with the backups (docs/operations.md).
    """
    if settings.erasure_key is not None:
        return settings.erasure_key.get_secret_value().strip().encode()
    path = settings.erasure_key_file
    try:
        descriptor = create_private(path)
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
        if len(key) < MIN_ERASURE_KEY:
            raise SettingsError(
                f"Configuration error: the erasure key file {path} is damaged"
                f" (fewer than {MIN_ERASURE_KEY} characters); restore it from the backup"
            ) from None
        return key.encode()
    key = secrets.token_hex(32)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(key + "\n")
        file.flush()
        os.fsync(file.fileno())
    log.info("Generated a new erasure key in %s (keep it with the backups)", path)
    return key.encode()


async def reapply_erasures(store: Store) -> int:
    """At start-up: seal old records with the key, then erase again any talent who asked.

    A database restored from a backup can hold talents who asked for erasure after the backup
    was taken; `kocca-bot restore` carries the newer erasure records over, and this erases
    those talents again (once: a start without carried records costs one indexed query). A
    talent who came back after the erasure (a newer first contact) is a new user and stays.
    Returns how many talents were erased again.
    """
    sealed = await store.privacy.seal_unkeyed_records()
    if sealed:
        log.info("Sealed %d erasure record(s) from before the erasure key", sealed)
    erased = await store.privacy.erase_again()
    if erased:
        log.warning(
            "Erased again %d talent(s) who had asked for erasure after this database's copy"
            " was made (a restored backup)",
            erased,
        )
    return erased
