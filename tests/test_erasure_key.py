"""Erasure records are keyed (HMAC), and an erasure survives the restore of an older backup."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from bot.emulator import BotAPIEmulator
from bot.settings import SettingsError, load_settings
from bot.store.privacy import subject_hash
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness, every_value
from tests.leads import MUSICIAN, apply, opening, read_csv
from tests.processes import call_cli, call_cli_beside, clean_env, run_cli
from tests.restores import only_budi, two_leads_and_a_backup

SARI_DATA = ["Sarinah", "sari.dewi@example.com", "+6281234567801", "Sari Dewi Lestari"]


def _unkeyed(user_id: int) -> str:
    """The erasure record as it was before the key: SHA-256 of a guessable text."""
    return hashlib.sha256(f"kocca-talent-desk:erasure:{user_id}".encode()).hexdigest()


async def _erase(bot: Harness, user: Any) -> None:
    await bot.send(user, "/hapusdata")
    [done] = await bot.press(user, "🗑 Ya, hapus semuanya")
    assert done.text.startswith("✅ Semua datamu sudah kami hapus dari bot ini.")
    await bot.runner.wait_idle()


async def test_the_key_is_generated_once_private_and_the_record_cannot_be_guessed(
    make_bot: Callable[..., Any], database: Path
) -> None:
    bot: Harness = await make_bot()
    key_file = database.parent / "erasure.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text().strip()
    assert len(key) == 64
    sari = bot.user(first_name="Sarinah")
    await bot.send(sari, "/start")
    await _erase(bot, sari)
    values = every_value(database)
    assert subject_hash(sari.id, key.encode()) in values
    # Trying every Telegram id against the old unkeyed hash finds nothing any more.
    assert _unkeyed(sari.id) not in values
    await bot.restart()
    assert key_file.read_text().strip() == key  # the same key after a restart
    assert await bot.store.privacy.was_erased(sari.id)


async def test_erasure_key_setting_is_used_and_checked(
    make_bot: Callable[..., Any], database: Path
) -> None:
    secret = "k" * 40
    bot: Harness = await make_bot(erasure_key=SecretStr(secret))
    assert not (database.parent / "erasure.key").exists()
    sari = bot.user(first_name="Sarinah")
    await bot.send(sari, "/start")
    await _erase(bot, sari)
    assert subject_hash(sari.id, secret.encode()) in every_value(database)
    with pytest.raises(SettingsError, match="ERASURE_KEY must be a secret of at least 32"):
        load_settings(_env_file=None, erasure_key="too-short")


async def test_records_from_before_the_key_are_sealed_and_still_match(
    make_bot: Callable[..., Any], database: Path
) -> None:
    bot: Harness = await make_bot()
    sari = bot.user(first_name="Sarinah")
    await bot.stop()
    # A database from before the key: the erasure stored as the plain hash.
    with sqlite3.connect(database) as db:
        db.execute(
            "INSERT INTO erasures (subject_hash, erased_at, keyed) VALUES (?, ?, 0)",
            (_unkeyed(sari.id), "2026-01-10T00:00:00.000000+00:00"),
        )
    await bot.start()
    values = every_value(database)
    assert _unkeyed(sari.id) not in values
    assert subject_hash(sari.id, bot.store.privacy.key) in values
    assert await bot.store.privacy.was_erased(sari.id) == ["2026-01-10T00:00:00.000000+00:00"]


async def test_erasure_survives_the_restore_of_an_older_backup(
    make_bot: Callable[..., Any], staff_chat: Any, database: Path, tmp_path: Path
) -> None:
    backed_up = await two_leads_and_a_backup(make_bot, database, tmp_path)
    bot, env, sari, backup = backed_up.bot, backed_up.env, backed_up.sari, backed_up.backup
    await _erase(bot, sari)
    await bot.stop()

    code, out, err = call_cli(tmp_path, env, "restore", str(backup))
    assert code == 0, err
    assert "Carried over 1 erasure record and" in out
    assert "1 talent erased again" in out
    # The restore itself erases her again: no command before the next start shows her.
    values = every_value(database)
    for secret in SARI_DATA:
        assert not any(secret in value for value in values), secret
    assert not any(value == str(sari.id) for value in values)
    assert only_budi(await backed_up.exported())
    code, out, err = call_cli(tmp_path, env, "lead", "KOC-000001")
    assert code != 0 and "Sari" not in out + err
    code, _, err = call_cli(tmp_path, env, "backup", "--output", str(tmp_path / "after.db"))
    assert code == 0, err
    assert not any("Sari Dewi Lestari" in value for value in every_value(tmp_path / "after.db"))

    mark = staff_chat.mark()
    await bot.start()
    assert await bot.store.privacy.was_erased(sari.id)
    # Staff hear which reference went again, with what to clean up, and no name.
    notices = [message.text for message in await staff_chat.wait_for_messages(mark, 2)]
    [again] = [text for text in notices if "KOC-000001" in text]
    assert again.startswith(opening(Text.PRIVACY_STAFF_ERASED_AGAIN))
    assert "KOC-000002" not in again and "Sari" not in again
    admin = bot.user(user_id=ADMIN_ID, first_name="Admin")
    replies = await bot.send(admin, "/export")
    csv_file = next(r.document for r in replies if r.document and r.document[0].endswith(".csv"))
    assert only_budi(read_csv(csv_file[1]))

    # She comes back later as a new user: a restart does not erase her again.
    [greeting] = await bot.send(sari, "/start")
    assert greeting.text.startswith("Halo, Sarinah!")
    await bot.restart()
    assert await bot.store.users.get(sari.id) is not None


async def test_a_lost_or_wrong_key_is_refused_everywhere_and_never_replaced(
    make_bot: Callable[..., Any],
    served: tuple[BotAPIEmulator, str],
    database: Path,
    tmp_path: Path,
) -> None:
    bot: Harness = await make_bot()
    sari = bot.user(first_name="Sarinah")
    await apply(bot, sari, MUSICIAN)
    backup = tmp_path / "monday.db"
    emulator, url = served
    env = clean_env(
        tmp_path, BOT_TOKEN=emulator.token, BOT_API_URL=url, DATABASE_PATH=str(database)
    )
    code, _, err = await run_cli(tmp_path, env, "backup", "--output", str(backup))
    assert code == 0, err
    await _erase(bot, sari)
    await bot.stop()
    key_file = database.parent / "erasure.key"
    kept = tmp_path / "password-manager.key"
    key_file.rename(kept)  # the server was moved without it

    code, out, err = call_cli(tmp_path, env, "run")
    assert code == 2, out + err
    [line] = err.strip().splitlines()  # one line, saying what to do
    assert "erasure key file" in line and "missing" in line and "copy it back" in line
    assert not key_file.exists()  # no new key was made in its place
    code, out, err = await call_cli_beside(tmp_path, env, "doctor")
    assert "✘ Erasure key: the erasure key file" in out
    assert "fix: copy erasure.key back" in out

    wrong = {**env, "ERASURE_KEY": "w" * 40}
    code, _, err = call_cli(tmp_path, wrong, "run")
    assert code == 2
    assert "is not the key this database's erasure/withdrawal records (1) were made with" in err
    code, _, err = call_cli(tmp_path, wrong, "restore", str(backup))
    assert code == 2 and "not restored" in err
    assert list(tmp_path.glob("kocca.before-restore-*")) == []  # noqa: ASYNC240 - test folder
    code, out, _ = await call_cli_beside(tmp_path, wrong, "doctor")
    assert "✘ Erasure key: ERASURE_KEY is not the key" in out
    assert "fix: put back the original key" in out

    kept.rename(key_file)  # put back
    code, out, _ = await call_cli_beside(tmp_path, env, "doctor")
    assert "✔ Erasure key:" in out and "matches this database's 1 keyed record" in out
    code, out, err = call_cli(tmp_path, env, "restore", str(backup))
    assert code == 0, err
    assert "1 talent erased again" in out
    await bot.start()
    assert await bot.store.privacy.was_erased(sari.id)
    assert not any("Sari Dewi Lestari" in value for value in every_value(database))
