"""`kocca-bot doctor`: passes on a good setup, and fails on each broken setting with its fix."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from pydantic import SecretStr

from bot.emulator import BotAPIEmulator
from bot.ops import doctor
from bot.ops.doctor import Check, run_checks
from bot.settings import DEMO_CONTROLLER, PACKAGED_CONTENT_DIR, Settings
from bot.store import Store
from bot.store import db as db_module
from bot.store.migrations import MIGRATIONS
from bot.web import auth
from tests.processes import call_cli_beside, clean_env, run_cli_process
from tests.upgrades import OLD_RELEASE_AT, migrations_applied, old_release_database

ADMIN_ID = 9001
STAFF_CHAT_ID = -1001234567890
TOKEN = "777000:CRASH-TEST-TOKEN-abcdefghijklmnop"  # conftest.served
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def world(served: tuple[BotAPIEmulator, str]) -> tuple[BotAPIEmulator, str]:
    """Telegram as a good setup has it: a staff group with the bot, an admin who started it."""
    emulator, url = served
    staff = emulator.group(STAFF_CHAT_ID, title="KOCCA staff")
    admin = emulator.user(ADMIN_ID, first_name="Admin")
    emulator.add_bot_to_group(staff, by=admin)
    admin.send("/start")
    return emulator, url


@pytest.fixture
async def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A deployment folder with a database the bot has run on, the working directory (where
    the bot reads .env)."""
    await (await Store.open(tmp_path / "bot.db")).close()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _env(url: str, folder: Path, **values: str) -> dict[str, str]:
    return clean_env(
        folder,
        **{
            "BOT_TOKEN": TOKEN,
            "BOT_API_URL": url,
            "ADMIN_IDS": str(ADMIN_ID),
            "STAFF_CHAT_ID": str(STAFF_CHAT_ID),
            "BACKUP_DIR": str(folder / "backups"),
            **values,
        },
    )


async def test_a_good_setup_passes_every_check(
    world: tuple[BotAPIEmulator, str], folder: Path
) -> None:
    _, url = world
    code, out, err = await call_cli_beside(folder, _env(url, folder), "doctor")
    assert code == 0, out + err
    assert "✘" not in out
    for name in ("Token", "Webhook", "Staff chat", f"Admin {ADMIN_ID}", "Database integrity"):
        assert f"✔ {name}" in out
    assert "Database WAL mode: on" in out
    assert f"✔ Database schema: at {MIGRATIONS[-1][0]}, this release's\n" in out
    assert "Clock: within" in out


async def test_a_wrong_token_fails_through_the_command_line(
    world: tuple[BotAPIEmulator, str], folder: Path
) -> None:
    _, url = world
    env = _env(url, folder, BOT_TOKEN="777000:WRONG-TOKEN-abcdefghijklmnopqrstu")
    # A process: in this one, the connection doctor leaves open on a refused token is
    # reported when collected (a one-shot command's exit closes it).
    code, out, _ = await run_cli_process(folder, env, "doctor")
    assert code == 1
    assert "✘ Token: Telegram rejects BOT_TOKEN" in out
    assert "fix: copy the token again from @BotFather" in out
    assert "WRONG-TOKEN" not in out  # the secret is never printed


def _settings(url: str, folder: Path, **values: Any) -> Settings:
    base: dict[str, Any] = {
        "bot_token": SecretStr(TOKEN),
        "bot_api_url": url,
        "admin_ids": frozenset({ADMIN_ID}),
        "staff_chat_id": STAFF_CHAT_ID,
        "database_path": folder / "bot.db",
        "backup_dir": folder / "backups",
        "controller_name": DEMO_CONTROLLER.name,
        "controller_contact": DEMO_CONTROLLER.contact,
    }
    return Settings(_env_file=None, **{**base, **values})  # type: ignore[call-arg]


def _failures(checks: list[Check]) -> dict[str, Check]:
    return {check.name: check for check in checks if not check.ok}


async def _break_webhook(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    await emulator.handle("setWebhook", {"url": "http://127.0.0.1:9/stale"})
    return {}


async def _webhook_without_tls(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    return {"webhook_url": "http://bot.example.id/hook", "webhook_secret": SecretStr("s3cret")}


async def _unknown_staff_chat(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    return {"staff_chat_id": -1009999999999}


async def _bot_left_staff_chat(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    emulator.groups[STAFF_CHAT_ID].bot_status = "left"
    return {}


async def _bot_muted(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    emulator.groups[STAFF_CHAT_ID].bot_status = "restricted"
    return {}


async def _forum_without_topics_right(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    forum = emulator.group(-1005555555555, title="Staff forum", forum=True)
    admin = emulator.users[ADMIN_ID]
    emulator.add_bot_to_group(forum, by=admin, admin=True)
    forum.bot_can_manage_topics = False
    return {"staff_chat_id": forum.id}


async def _admin_never_started(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    emulator.user(9002, first_name="New admin")
    return {"admin_ids": frozenset({ADMIN_ID, 9002})}


async def _no_admins(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    return {"admin_ids": frozenset()}


async def _corrupt_database(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    database = folder / "bot.db"
    data = bytearray(database.read_bytes())
    data[4096 : 4096 * 3] = b"\xff" * (4096 * 2)  # the pages after the header
    database.write_bytes(bytes(data))
    return {}


async def _not_wal(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    with sqlite3.connect(folder / "bot.db") as db:
        db.execute("PRAGMA journal_mode=DELETE")
    return {}


async def _audit_trigger_dropped(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    with sqlite3.connect(folder / "bot.db") as db:
        db.execute("DROP TRIGGER audit_log_no_rewrite")
    return {}


async def _broken_content(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    content = folder / "content"
    shutil.copytree(PACKAGED_CONTENT_DIR, content, ignore=shutil.ignore_patterns("*.py"))
    text = (content / "messages.yaml").read_text()
    (content / "messages.yaml").write_text(text.replace("  en: ", "  xx: ", 1))
    return {"content_dir": content}


async def _env_readable_by_others(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    (folder / ".env").write_text(f"BOT_TOKEN={TOKEN}\n")
    (folder / ".env").chmod(0o644)
    return {}


async def _backups_off(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    return {"backup_dir": None}


async def _backup_folder_is_a_file(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    (folder / "backups").write_text("not a folder")
    return {}


async def _backup_folder_name_too_long(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    return {"backup_dir": folder / ("b" * 300) / "daily"}  # longer than any file system allows


async def _last_backup_failed(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    with sqlite3.connect(folder / "bot.db") as db:
        db.execute(
            "INSERT INTO backups (kind, started_at, finished_at, ok, path, error)"
            " VALUES ('daily', '2026-12-01T03:00:00', '2026-12-01T03:00:01', 0, 'x', 'No space')"
        )
    return {}


async def _no_controller(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    return {"controller_name": None}


async def _clock_off(emulator: BotAPIEmulator, folder: Path) -> dict[str, Any]:
    emulator.clock_offset = 600.0
    return {}


BROKEN: dict[str, tuple[Callable[..., Any], str, str]] = {
    "stale webhook": (_break_webhook, "Webhook", "so polling gets none"),
    "webhook without TLS": (_webhook_without_tls, "Webhook", "must be https"),
    "unknown staff chat": (_unknown_staff_chat, "Staff chat", "does not let the bot see"),
    "bot left the staff chat": (_bot_left_staff_chat, "Staff chat", "not a member"),
    "bot may not post": (_bot_muted, "Staff chat posting", "may not send messages"),
    "forum without Manage topics": (_forum_without_topics_right, "Staff chat topics", "forum"),
    "admin never started the bot": (_admin_never_started, "Admin 9002", "cannot write"),
    "no admins": (_no_admins, "Admins", "ADMIN_IDS is empty"),
    "corrupt database": (_corrupt_database, "Database integrity", ""),
    "database not in WAL mode": (_not_wal, "Database WAL mode", "journal mode is delete"),
    "audit trigger dropped": (_audit_trigger_dropped, "Audit log", "audit_log_no_rewrite"),
    "broken content": (_broken_content, "Content", "messages.yaml: greeting.en: missing"),
    ".env readable by others": (_env_readable_by_others, "Settings file", "mode 0644"),
    "backups off": (_backups_off, "Backups", "daily backups are off"),
    "backup folder is a file": (_backup_folder_is_a_file, "Backups", "not a folder"),
    "backup folder name too long": (_backup_folder_name_too_long, "Backups", "name too long"),
    "last backup failed": (_last_backup_failed, "Backups", "No space"),
    "no data controller": (_no_controller, "Data controller", "CONTROLLER_NAME must be set"),
    "clock ten minutes off": (_clock_off, "Clock", "s off Telegram's"),
}


@pytest.mark.parametrize("broken", list(BROKEN))
async def test_each_broken_setting_fails_alone_with_a_fix(
    world: tuple[BotAPIEmulator, str], folder: Path, broken: str
) -> None:
    emulator, url = world
    breaks, name, found = BROKEN[broken]
    overrides = await breaks(emulator, folder)
    checks = await run_checks(_settings(url, folder, **overrides))
    failures = _failures(checks)
    assert list(failures) == [name], [check.line() for check in failures.values()]
    assert found in failures[name].found
    assert failures[name].fix


async def test_a_group_id_without_its_minus_is_pointed_out(
    world: tuple[BotAPIEmulator, str], folder: Path
) -> None:
    """STAFF_CHAT_ID=1001234567890: the group's id pasted without its minus sign."""
    emulator, url = world
    checks = await run_checks(_settings(url, folder, staff_chat_id=-STAFF_CHAT_ID))
    staff = _failures(checks)["Staff chat"]
    assert staff.found.endswith("; 1001234567890 looks like a group's id without its minus sign")
    assert staff.fix == (
        "if the staff chat is a group, set STAFF_CHAT_ID=-1001234567890 (a group's id is negative)"
    )
    # A positive id is a private chat's, which is legal: one Telegram knows passes, unremarked.
    person = emulator.user(1_009_876_543_210, first_name="Koordinator")
    person.send("/start")
    checks = await run_checks(_settings(url, folder, staff_chat_id=person.id))
    assert "Staff chat" not in _failures(checks)
    assert not any("minus sign" in check.found for check in checks)


@pytest.mark.parametrize(
    ("lines", "found"),
    [
        (
            "BOT_TOKEN=\nADMIN_IDS=1001\n",
            "; none of its secrets has a value yet, but any written there would be readable too",
        ),
        ("BOT_TOKEN=\nerasure_key=" + "k" * 64 + "\n", " and holds ERASURE_KEY"),
        (
            f"BOT_TOKEN={TOKEN}\nWEBHOOK_SECRET='s3cret'\n",
            " and holds BOT_TOKEN and WEBHOOK_SECRET",
        ),
    ],
    ids=["empty token line", "erasure key only", "token and webhook secret"],
)
def test_a_readable_settings_file_is_said_to_hold_only_the_secrets_it_has(
    tmp_path: Path, lines: str, found: str
) -> None:
    """An empty `BOT_TOKEN=` line holds no token: the check says what really is there."""
    env_file = tmp_path / ".env"
    env_file.write_text(lines)
    env_file.chmod(0o644)
    check = doctor.env_file_check(env_file)
    assert not check.ok and check.fix == f"chmod 600 {env_file}"
    assert check.found == f"{env_file} is readable by others (mode 0644){found}"


async def test_too_little_free_disk_fails(
    world: tuple[BotAPIEmulator, str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, url = world
    # The free space of this machine's disk is what it is: ask for more than any disk has.
    monkeypatch.setattr(doctor, "MIN_FREE_BYTES", 2**62)
    failures = _failures(await run_checks(_settings(url, folder)))
    assert list(failures) == ["Free disk"]
    assert failures["Free disk"].fix.startswith("free space on the disk")


async def test_doctor_prints_no_token_in_any_form_and_no_terminal_codes(
    served: tuple[BotAPIEmulator, str], folder: Path
) -> None:
    """A staff group named with terminal codes, an error body quoting the token encoded."""
    emulator, url = served
    staff = emulator.group(STAFF_CHAT_ID, title="KOCCA staff\x1b]0;owned\x07\x1b[2J\x9b")
    admin = emulator.user(ADMIN_ID, first_name="Admin")
    emulator.add_bot_to_group(staff, by=admin)
    encoded = quote(TOKEN, safe="")
    half = TOKEN.split(":")[1]
    emulator.fail_next(
        "sendChatAction",
        status=403,
        description=f"Forbidden: proxy /bot{encoded}/sendChatAction ({half})",
        chat_id=ADMIN_ID,
    )
    printed = "\n".join(check.line() for check in await run_checks(_settings(url, folder)))
    assert f"✘ Admin {ADMIN_ID}: the bot cannot write to this admin" in printed
    for form in (TOKEN, encoded, half):
        assert form not in printed, form
    assert "KOCCA staff\\x1b]0;owned\\x07\\x1b[2J\\x9b" in printed  # shown, not obeyed
    assert not any(ord(char) < 32 and char != "\n" for char in printed)


async def test_repair_search_refuses_a_file_that_is_not_the_bots_and_leaves_it_as_it_was(
    world: tuple[BotAPIEmulator, str], folder: Path
) -> None:
    # An attacker's review: DATABASE_PATH at another program's SQLite file, and
    # --repair-search wrote the bot's schema into it (then every database check passed).
    _, url = world
    foreign = folder / "notes.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
        db.execute("INSERT INTO notes VALUES ('keep me')")
    db.close()
    before = foreign.read_bytes(), foreign.stat().st_mode
    env = _env(url, folder, DATABASE_PATH=str(foreign))
    code, out, err = await call_cli_beside(folder, env, "doctor", "--repair-search")
    assert code == 1
    assert out.startswith(
        f"✘ Lead search repair: not repaired: {foreign}: it is not the bot's database"
    ), out + err
    assert "fix: check DATABASE_PATH" in out
    assert "✘ Database WAL mode: journal mode is delete" in out  # the checks still run
    assert (foreign.read_bytes(), foreign.stat().st_mode) == before
    assert not foreign.with_name("notes.db-wal").exists()


async def test_repair_search_refuses_a_database_of_another_version(
    world: tuple[BotAPIEmulator, str], folder: Path
) -> None:
    # A bot of an older release runs on it: the command must not migrate it under that bot.
    _, url = world
    with sqlite3.connect(folder / "bot.db") as db:
        db.execute("DELETE FROM schema_migrations WHERE version = ?", (len(MIGRATIONS),))
    db.close()
    code, out, err = await call_cli_beside(folder, _env(url, folder), "doctor", "--repair-search")
    assert code == 1
    assert "✘ Lead search repair: not repaired: " in out, out + err
    with sqlite3.connect(folder / "bot.db") as db:
        versions = db.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0]
    db.close()
    assert versions == len(MIGRATIONS) - 1


async def test_repair_search_on_a_locked_database_says_so_and_still_checks(
    world: tuple[BotAPIEmulator, str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process holding the write lock (a backup, a bulk move): a traceback after 12 s,
    # and no check printed (an attacker's review).
    _, url = world
    # The command waits this long for the lock before it gives up: 0.2 s here, not 10 s (it
    # runs in this process, so the wait can be shortened; giving up is the same either way).
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(folder / "bot.db", isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("UPDATE schema_migrations SET name = name")
        code, out, err = await call_cli_beside(
            folder, _env(url, folder), "doctor", "--repair-search"
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1
    assert out.startswith(
        "✘ Lead search repair: could not repair: database is locked; try again"
    ), out + err
    assert "Traceback" not in out + err
    assert "✔ Database integrity: ok" in out
    assert "✔ Lead search: every lead can be found" in out


async def test_repair_search_on_a_file_of_another_account_says_so(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Run as another user than the bot's: opening the database to write is refused by the
    # system (root, which runs these tests, is never refused, so the refusal is made here).
    def refused(path: Path) -> Path:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("bot.store.db.private_file", refused)
    check = await doctor.repair_search(folder / "bot.db")
    assert check.line() == (
        f"✘ Lead search repair: could not repair: [Errno 13] Permission denied: "
        f"'{folder / 'bot.db'}'\n    fix: run it as the bot's account (the owner of the"
        " database file)"
    )


async def test_changing_the_token_as_operations_says_and_doctor_confirms_it(
    world: tuple[BotAPIEmulator, str], folder: Path
) -> None:
    # A staff/operator review s61 (M2): rotating the token was documented nowhere. The steps of
    # docs/operations.md, tried: BotFather's /revoke, the new token in .env, doctor.
    guide = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    steps = guide.split("## Changing the bot token\n", 1)[1].split("\n## ", 1)[0]
    for step in ("/revoke", "BOT_TOKEN=", "0600", "WEBHOOK_SECRET", "kocca-bot doctor"):
        assert step in steps
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/operations.md#changing-the-bot-token)" in readme
    emulator, url = world
    env = _env(url, folder)
    del env["BOT_TOKEN"]  # read from .env, as on a server

    def env_file(token: str) -> None:
        (folder / ".env").write_text(f"BOT_TOKEN={token}\n", encoding="utf-8")
        (folder / ".env").chmod(0o600)

    env_file(TOKEN)
    old_page = auth.sign(auth.user_fields(ADMIN_ID, "Admin", "id", 1_800_000_000), TOKEN)
    new_token = "777000:NEW-TOKEN-AFTER-REVOKE-zyxwvutsrq"
    emulator.token = new_token  # /revoke: the old token stops working at once
    # A process: the connection doctor leaves open on a refused token (as above).
    code, out, _ = await run_cli_process(folder, env, "doctor")
    assert code == 1
    assert "✘ Token: Telegram rejects BOT_TOKEN" in out
    assert "CRASH-TEST-TOKEN" not in out
    env_file(new_token)
    code, out, err = await call_cli_beside(folder, env, "doctor")
    assert code == 0, out + err
    assert "✔ Token: the bot is @kocca_talent_bot (id 123456)" in out
    assert "✔ Settings file: .env is private (mode 0600)" in out
    assert "NEW-TOKEN" not in out + err
    # A workspace page opened before: refused with the new token, as the steps say.
    with pytest.raises(auth.AuthError):
        auth.validate(old_page, new_token, max_age=3600, now=1_800_000_010)
    auth.validate(old_page, TOKEN, max_age=3600, now=1_800_000_010)  # it was a good one


async def test_an_older_releases_database_is_named_with_the_upgrade_the_next_start_makes(
    world: tuple[BotAPIEmulator, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The staff's review s62, M4: "Lead search: no leads yet" on a database holding a lead,
    # and not a word of the 44 migrations the next start would apply to it.
    _, url = world
    database = tmp_path / "old.db"
    await old_release_database(database, monkeypatch)
    monkeypatch.chdir(tmp_path)
    env = _env(url, tmp_path, DATABASE_PATH=str(database))
    code, out, err = await call_cli_beside(tmp_path, env, "doctor")
    assert code == 0, out + err  # a warning: upgrading is what the next start is for
    assert (
        f"! Database schema: at {OLD_RELEASE_AT}, this release makes {MIGRATIONS[-1][0]}:"
        " the next start upgrades it\n"
        f"    fix: stop the old bot, back it up (kocca-bot backup --database {database}), then"
        " start this release (docs/operations.md, 'Upgrading')\n"
    ) in out
    assert (
        "✔ Lead search: not checked: 1 lead in an older release's tables; check again after"
        " the next start (the upgrade)\n"
    ) in out
    assert "no leads yet" not in out
    assert migrations_applied(database) == 9  # doctor changes nothing


async def test_a_database_of_a_newer_release_is_not_called_this_releases(
    world: tuple[BotAPIEmulator, str], folder: Path
) -> None:
    _, url = world
    newer = f"{len(MIGRATIONS) + 1:04d}_from_a_newer_release"
    with sqlite3.connect(folder / "bot.db") as db:
        db.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, '')",
            (len(MIGRATIONS) + 1, newer),
        )
    db.close()
    code, out, err = await call_cli_beside(folder, _env(url, folder), "doctor")
    assert code == 0, out + err  # a warning
    assert (
        f"! Database schema: at {newer}, made by a newer release (this one makes"
        f" {MIGRATIONS[-1][0]})\n    fix: run the release that made it, or restore a backup"
        " this release made (docs/operations.md, 'Restore')\n"
    ) in out, out + err


async def test_doctor_help_says_what_each_mark_means(tmp_path: Path) -> None:
    """The help names the "!" doctor prints ("! Kept databases: …", which passes), not only
    ✔ and ✘ (a staff review s65, finding 6)."""
    code, out, _ = await call_cli_beside(tmp_path, clean_env(tmp_path), "doctor", "--help")
    assert code == 0
    said = " ".join(out.split())
    assert "One line per check: ✔ passed; ! passed, with something to do" in said
    assert "✘ failed, with its fix" in said
    assert "(a warning passes)" in said
