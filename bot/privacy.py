"""Data-subject rights: a copy of everything stored, erasure, retention. No Telegram here."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from bot.erasure_key import KEY_HELP, erasure_key, key_source
from bot.settings import Settings, SettingsError
from bot.store import Store
from bot.store.privacy import SENT_COUNTED, key_check
from bot.terminal_text import count_of

log = logging.getLogger(__name__)

INBOX_RETENTION = timedelta(days=2)  # processed updates are kept only to drop duplicates


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
    now = now or datetime.now(UTC)
    counted = (now - timedelta(seconds=SENT_COUNTED)).isoformat(timespec="microseconds")
    return await store.privacy.purge(*cutoffs(settings, now), sent_before=counted)


def format_purge(deleted: dict[str, int]) -> str:
    """One line for the CLI and the log."""
    return (
        f"Deleted {deleted['conversation_log']} conversation-log entries,"
        f" {deleted['drafts']} unfinished applications,"
        f" {deleted['update_inbox']} processed updates."
    )


async def open_store(settings: Settings) -> Store:
    """Open the bot's database with its erasure key, refusing a key its records don't match.

    A lost key file must not be silently replaced by a new key: the database's erasure and
    withdrawal records would stop matching, and a restored backup could bring back talents
    who asked to be erased. So the database keeps the key's check value (`key_check`),
    recorded at first use; a key that does not match it refuses to start (SettingsError,
    one line) as long as keyed records exist. A new key is only made for a database that
    has no keyed records.
    """
    store = await Store.open(settings.database_path, log_text_per_day=settings.log_text_per_day)
    try:
        await use_checked_key(store, settings)
    except BaseException:
        await store.close()
        raise
    return store


async def use_checked_key(store: Store, settings: Settings) -> None:
    """Give the store its erasure key after checking it against the database."""
    privacy = store.privacy
    expected = await privacy.key_check()
    keyed = await privacy.keyed_records()
    key = erasure_key(settings, create=keyed == 0)  # a new key loses nothing only then
    check = key_check(key)
    if expected is not None and check != expected:
        if keyed:
            raise SettingsError(
                f"Configuration error: the erasure key ({key_source(settings)}) is not the key"
                f" this database's erasure/withdrawal records ({keyed}) were made with:"
                " put back"
                f" the original key, never a new one ({KEY_HELP})"
            )
        log.warning("The erasure key changed; this database has no keyed records yet: accepted")
    if check != expected:
        await privacy.set_key_check(check)
    privacy.use_key(key)


async def reapply_erasures(store: Store) -> tuple[int, int]:
    """Seal old records with the key, then apply again erasures and withdrawals a restore
    carried over.

    A database restored from a backup can hold talents who asked for erasure, or withdrew
    their consent to processing, after the backup was taken; `kocca-bot restore` carries
    the newer keyed records over and applies them at its end, and the bot does so again at
    start-up for a database restored otherwise (once: a start without carried records costs
    two indexed queries). A talent who came back after the erasure (a newer first contact)
    is a new user and stays. Returns how many talents were erased again, and how many had
    their applications deleted again.
    """
    sealed = await store.privacy.seal_unkeyed_records()
    if sealed:
        log.info("Sealed %s from before the erasure key", count_of(sealed, "erasure record"))
    erased = await store.privacy.erase_again()
    if erased:
        log.warning(
            "Erased again %s: %s asked for erasure after this database's copy was made (a"
            " restored backup)",
            count_of(erased, "talent"),
            "they" if erased > 1 else "the talent",
        )
    withdrawn = await store.privacy.withdraw_again()
    if withdrawn:
        log.warning(
            "Deleted again the applications of %s: %s withdrew consent to processing after"
            " this database's copy was made (a restored backup)",
            count_of(withdrawn, "talent"),
            "they" if withdrawn > 1 else "the talent",
        )
    return erased, withdrawn
