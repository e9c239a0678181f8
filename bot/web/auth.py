"""Telegram Mini App init data: checked exactly as Telegram documents it, and signed for tests.

Telegram passes the page a query string (`initData`) with the user, `auth_date` and `hash`,
an HMAC-SHA256 of the other fields sorted by name, one `key=value` a line, keyed with
HMAC-SHA256("WebAppData", bot token). The page sends it back as `Authorization: tma <data>`.
About thirty lines of the standard library, tested against the published algorithm: the
libraries that do it (init-data-py, telegram-webapp-auth) would add a dependency for no
less code here, and one of them decodes values twice.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, urlencode

Cause = Literal["missing", "malformed", "signature", "expired", "not_staff"]
SCHEME = "tma"  # Authorization: tma <init data>, the Mini Apps convention
MAX_INIT_DATA = 4096  # bytes; Telegram's are well under 1 KB
MAX_FIELDS = 32
FUTURE_SKEW = 300  # seconds an auth_date may lie ahead of our clock (clocks drift)


class AuthError(Exception):
    """Why a request may not use the workspace (never shown or logged with the data)."""

    def __init__(self, cause: Cause) -> None:
        super().__init__(cause)
        self.cause: Cause = cause


@dataclass(frozen=True, slots=True)
class WebUser:
    """The Telegram user Telegram vouches for."""

    id: int
    first_name: str
    language_code: str | None
    auth_date: int


def _secret(token: str) -> bytes:
    return hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()


def _check_string(fields: Mapping[str, str]) -> bytes:
    return "\n".join(f"{key}={fields[key]}" for key in sorted(fields)).encode()


def parse(raw: str) -> dict[str, str]:
    """The fields of init data, each once (a repeated field is refused: which would count?)."""
    if not raw:
        raise AuthError("missing")
    # Telegram sends it URL-encoded, so ASCII; aiohttp hands other header bytes over as
    # lone surrogates, which no encoding accepts.
    if not raw.isascii() or len(raw) > MAX_INIT_DATA:
        raise AuthError("malformed")
    try:
        pairs = parse_qsl(
            raw, keep_blank_values=True, strict_parsing=True, max_num_fields=MAX_FIELDS
        )
    except ValueError:
        raise AuthError("malformed") from None
    fields = dict(pairs)
    if len(fields) != len(pairs):
        raise AuthError("malformed")
    return fields


def validate(raw: str, token: str, *, max_age: float, now: float) -> WebUser:
    """The user of signed init data no older than `max_age` seconds; AuthError otherwise."""
    fields = parse(raw)
    given = fields.pop("hash", "")
    expected = hmac.new(_secret(token), _check_string(fields), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode(), given.encode("utf-8", "replace")):
        raise AuthError("signature")
    try:
        auth_date = int(fields["auth_date"])
        user = json.loads(fields["user"])
        user_id = user["id"]
    except (KeyError, ValueError, TypeError):
        raise AuthError("malformed") from None
    if not isinstance(user_id, int) or isinstance(user_id, bool):
        raise AuthError("malformed")
    if now - auth_date > max_age or auth_date - now > FUTURE_SKEW:
        raise AuthError("expired")
    language = user.get("language_code")
    return WebUser(
        id=user_id,
        first_name=str(user.get("first_name") or ""),
        language_code=language if isinstance(language, str) else None,
        auth_date=auth_date,
    )


def from_header(value: str | None) -> str:
    """The init data of an `Authorization: tma <data>` header ("" when there is none)."""
    if not value:
        return ""
    scheme, _, data = value.partition(" ")
    return data.strip() if scheme.lower() == SCHEME else ""


def sign(fields: Mapping[str, str], token: str) -> str:
    """Init data as Telegram would make it for these fields (`kocca-bot chat`, tests)."""
    digest = hmac.new(_secret(token), _check_string(fields), hashlib.sha256).hexdigest()
    return urlencode({**fields, "hash": digest})


def user_fields(
    user_id: int, first_name: str, language_code: str | None, auth_date: int
) -> dict[str, str]:
    """The fields Telegram sends for a user who opened the Mini App from a menu button."""
    user: dict[str, object] = {"id": user_id, "first_name": first_name}
    if language_code:
        user["language_code"] = language_code
    return {
        "user": json.dumps(user, ensure_ascii=False, separators=(",", ":")),
        "chat_instance": "0",
        "chat_type": "sender",
        "auth_date": str(auth_date),
    }
