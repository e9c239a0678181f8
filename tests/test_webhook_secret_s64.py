"""WEBHOOK_SECRET outside what Telegram takes as a webhook's secret token (1-256 characters of
A-Z, a-z, 0-9, _ and -) is refused at start-up with one clear line (a staff review s64): before,
"bad secret!" passed the settings, the bot went on to getMe, and only setWebhook would have
refused it, after a start that looked fine. The line never repeats the secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import load_settings
from tests.test_foundation import _refused

SAID = (
    "Configuration error: WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -"
    " only (what Telegram accepts; no spaces or other signs): make one with openssl rand -hex 32"
)


@pytest.mark.parametrize(
    "secret",
    ["bad secret!", "rahasia/Desk+2026", "kata-sandi-é", "x" * 257],
    ids=["space and sign", "slash and plus", "accent", "257 characters"],
)
def test_a_webhook_secret_telegram_would_refuse_stops_the_start(
    tmp_path: Path, secret: str
) -> None:
    lines = _refused(tmp_path, WEBHOOK_URL="https://bot.example.id/telegram", WEBHOOK_SECRET=secret)
    assert lines == [SAID]
    assert secret not in "\n".join(lines)


def test_what_openssl_makes_and_the_longest_telegram_takes_are_accepted() -> None:
    for secret in ("3f9c0a1b" * 8, "Desk_Talenta-2026", "A" * 256):
        settings = load_settings(
            bot_token="1:x", webhook_url="https://bot.example.id/telegram", webhook_secret=secret
        )
        assert settings.webhook_secret is not None
        assert settings.webhook_secret.get_secret_value() == secret
