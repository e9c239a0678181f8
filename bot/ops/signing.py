"""Signed backups: a restore takes only a file as the bot wrote it.

Each backup FILE gets FILE.sig beside it: an HMAC-SHA-256 of the file's bytes. The key is
derived from the erasure key (HMAC of the erasure key and a label of its own), so nothing
new has to be kept: the erasure key already travels with the backups (docs/operations.md),
and without it a backup's erasure records could not be matched anyway. Whoever can change
the off-site copy of a backup but has not got the key cannot make a signature that fits.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path
from typing import BinaryIO

from bot.private_files import create_private

SUFFIX = ".sig"
_LABEL = b"kocca-talent-desk:backup-signature:v1"
_FORMAT = "hmac-sha256"
_CHUNK = 1024 * 1024


class SignatureError(Exception):
    """A backup's signature is missing or does not fit; the message says what to do."""


class Unsigned(SignatureError):
    """The backup has no signature beside it."""


class BadSignature(SignatureError):
    """The backup was changed after it was signed, or signed with another key."""


def signing_key(erasure_key: bytes) -> bytes:
    """The key backups are signed with, derived from the erasure key."""
    return hmac.digest(erasure_key, _LABEL, "sha256")


def signature_path(backup: Path) -> Path:
    """Where a backup's signature is kept: FILE.sig."""
    return backup.with_name(backup.name + SUFFIX)


def sign(source: Path, backup: Path, key: bytes) -> Path:
    """Sign the bytes of `source` (the backup before it gets its name `backup`): write
    `backup`.sig, readable only by the bot's account. Returns the signature's path."""
    with open(source, "rb") as file:
        digest = _digest(file, key)
    path = signature_path(backup)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    with os.fdopen(create_private(partial), "w", encoding="ascii") as file:
        file.write(f"{_FORMAT} {digest}\n")
        file.flush()
        os.fsync(file.fileno())
    os.replace(partial, path)
    return path


def copy_verified(backup: Path, target: Path, key: bytes) -> None:
    """Copy a signed backup's bytes to `target` (which exists, empty) and check that what
    was copied is what was signed (Unsigned, BadSignature otherwise): nothing changed
    between the check and the copy."""
    path = signature_path(backup)
    try:
        kind, _, expected = path.read_text(encoding="ascii").strip().partition(" ")
    except FileNotFoundError:
        raise refuse_unsigned(backup) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BadSignature(f"the signature {path} cannot be read ({error})") from None
    mac = hmac.new(key, digestmod=hashlib.sha256)
    with open(backup, "rb") as source, open(target, "wb") as copy:
        while chunk := source.read(_CHUNK):
            mac.update(chunk)
            copy.write(chunk)
        copy.flush()
        os.fsync(copy.fileno())
    if kind != _FORMAT or not hmac.compare_digest(mac.hexdigest(), expected):
        raise BadSignature(
            f"{backup}: its signature does not match: the file was changed after it was"
            " signed, or signed with another erasure key. Restore another backup, or put back"
            " the erasure key it was made with (docs/operations.md, 'The erasure key')"
        )


def refuse_unsigned(backup: Path) -> Unsigned:
    """The refusal of a backup without a signature, saying what to do."""
    return Unsigned(
        f"{backup} has no signature ({signature_path(backup).name} is not beside it). Backups"
        " the bot makes (daily, and `kocca-bot backup`) are signed; for a file you trust that"
        " was made otherwise (a Litestream copy, a backup from before signing), add --unsigned"
    )


def remove_with_signature(backup: Path) -> None:
    """Delete a backup and its signature (the daily rotation)."""
    backup.unlink()
    signature_path(backup).unlink(missing_ok=True)


def _digest(file: BinaryIO, key: bytes) -> str:
    mac = hmac.new(key, digestmod=hashlib.sha256)
    while chunk := file.read(_CHUNK):
        mac.update(chunk)
    return mac.hexdigest()
