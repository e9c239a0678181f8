"""The erasure key: the secret of the erasure and withdrawal records, and of backup signatures.

Kept apart from bot/privacy.py so that `kocca-bot backup` (which signs with it) starts
without loading the content and the data-copy code.
"""

from __future__ import annotations

import logging
import os
import secrets

from bot.private_files import create_private
from bot.settings import MIN_ERASURE_KEY, Settings, SettingsError
from bot.store.privacy import key_check, read_key_check

log = logging.getLogger(__name__)

KEY_HELP = "see docs/operations.md, 'The erasure key'"


def erasure_key(settings: Settings, *, create: bool = True) -> bytes:
    """The secret key of the erasure records: ERASURE_KEY, else the key file beside the data.

    On first start (no setting, no file) a random key is written to the file, readable only
    by the bot's account, if `create`. Without the same key, a restored backup's erasure
    records cannot be matched: the key belongs with the backups (docs/operations.md).
    """
    if settings.erasure_key is not None:
        return settings.erasure_key.get_secret_value().strip().encode()
    path = settings.erasure_key_file
    if not create and not path.exists():
        raise SettingsError(
            f"Configuration error: the erasure key file {path} is missing, and this database's"
            " erasure records were made with it: copy it back from where the backups' key is"
            f" kept, or set ERASURE_KEY ({KEY_HELP})"
        )
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


def backup_key(settings: Settings) -> tuple[bytes | None, str | None]:
    """The erasure key to sign a backup with (bot/ops/signing.py), or why there is none.

    Never made here: a backup of a database whose key is missing or wrong is still taken
    (a copy matters most when something is broken), unsigned and said to be.
    """
    try:
        key = erasure_key(settings, create=False)
    except SettingsError:
        return None, f"the erasure key ({key_source(settings)}) is missing"
    expected, keyed = read_key_check(settings.database_path)
    if keyed and expected is not None and key_check(key) != expected:
        return None, (
            f"the erasure key ({key_source(settings)}) is not the key this database's"
            f" erasure/withdrawal records ({keyed}) were made with"
        )
    return key, None


def key_source(settings: Settings) -> str:
    """Where the erasure key comes from, for messages (never the key itself)."""
    return "ERASURE_KEY" if settings.erasure_key is not None else str(settings.erasure_key_file)
