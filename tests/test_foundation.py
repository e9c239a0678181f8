"""The walking skeleton: start-up, greeting, conversation log, settings, migrations, CLI."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import BotAPIEmulator
from bot.settings import PACKAGED_CONTENT_DIR
from bot.store import Database, Store
from bot.store.migrations import MIGRATIONS
from tests.harness import Harness
from tests.processes import call_cli, run_cli, spawn


async def test_greets_indonesian_talent_by_first_name_in_indonesian(bot: Harness) -> None:
    sari = bot.user(first_name="Sari", language_code="id")
    replies = await bot.send(sari, "/start")
    assert len(replies) == 1
    assert replies[0].text.startswith("Halo, Sari!")
    assert "Program & peluang" in replies[0].button_texts[0]


async def test_greets_english_speaking_talent_in_english(bot: Harness) -> None:
    john = bot.user(first_name="John", language_code="en")
    replies = await bot.send(john, "/start")
    assert replies[0].text.startswith("Hi, John!")
    assert "Programs & opportunities" in replies[0].button_texts[0]


async def test_user_without_telegram_language_gets_the_default_language(
    make_bot: Any,
) -> None:
    bot: Harness = await make_bot(default_language="en")
    anon = bot.user(first_name="Anon", language_code=None)
    replies = await bot.send(anon, "/start")
    assert replies[0].text.startswith("Hi, Anon!")


async def test_first_names_are_escaped_not_parsed_as_html(bot: Harness) -> None:
    tricky = bot.user(first_name="<b>Rina&Co</b> Pratiwi")  # greeted by the first word
    replies = await bot.send(tricky, "/start")
    assert replies[0].text.startswith("Halo, <b>Rina&Co</b>!")


async def test_conversation_log_holds_incoming_and_outgoing_messages(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    update = sari.send("/start")
    await bot.settle(update)
    log = await bot.store.log.for_chat(sari.id)
    assert [(entry.direction, entry.kind) for entry in log] == [("in", "command"), ("out", "text")]
    assert log[0].text == "/start"
    assert log[0].update_id == update["update_id"]
    assert log[1].text is not None and log[1].text.startswith("Halo, Sari!")
    user = await bot.store.users.get(sari.id)
    assert user is not None and user.first_name == "Sari" and user.language == "id"


async def test_commands_are_registered_in_both_languages(bot: Harness) -> None:
    indonesian = {command["command"] for command in bot.emulator.commands_for(language_code="id")}
    english = {command["command"] for command in bot.emulator.commands_for(language_code="en")}
    assert {"start", "daftar", "program", "bahasa", "privasi", "bantuan"} <= indonesian
    assert {"start", "register", "programs", "language", "privacy", "help"} <= english
    assert "apply" not in english  # talents register interest; /apply still works, unlisted


async def test_shutdown_finishes_and_closes_the_database(make_bot: Any) -> None:
    bot: Harness = await make_bot()
    store = bot.store
    await asyncio.wait_for(bot.stop(), timeout=10)
    with pytest.raises(ValueError, match="no active connection"):
        await store.users.get(1)


async def test_restart_keeps_users_and_log(make_bot: Any) -> None:
    bot: Harness = await make_bot()
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/start")
    await bot.restart()
    await bot.send(sari, "/menu")
    log = await bot.store.log.for_chat(sari.id)
    assert [entry.text for entry in log if entry.direction == "in"] == ["/start", "/menu"]


async def test_an_up_to_date_database_opens_while_another_process_holds_the_write_lock(
    database: Path, tmp_path: Path
) -> None:
    """An export or `stats` run while the bot writes a long transaction (a bulk move, a
    backup) reads at once: opening an up-to-date database takes no write lock. A file that
    still needs its migrations does wait for the lock, and says so when it never comes."""
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("UPDATE schema_migrations SET name = name")
        store = await Store.open(database)
        try:
            versions = await store.db.fetch_all("SELECT version FROM schema_migrations")
            assert len(versions) == len(MIGRATIONS)
        finally:
            await store.close()

        older = tmp_path / "older.db"
        shutil.copyfile(database, older)
        with sqlite3.connect(older) as db:
            db.execute("DELETE FROM schema_migrations WHERE version = ?", (len(MIGRATIONS),))
        db.close()
        other = sqlite3.connect(older, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr("bot.store.db.BUSY_TIMEOUT_MS", 100)
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    await Database.open(older)
        finally:
            other.execute("ROLLBACK")
            other.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


async def test_database_from_an_older_version_opens_cleanly(tmp_path: Path) -> None:
    database = tmp_path / "older.db"
    db = await Database.open(database, migrate=False)
    async with db.transaction() as tx:
        await tx.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL)"
        )
        for statement in MIGRATIONS[0][1].split(";"):
            if statement.strip():
                await tx.execute(statement)
        await tx.execute(
            "INSERT INTO schema_migrations VALUES (1, ?, '2026-01-16T00:00:00+00:00')",
            (MIGRATIONS[0][0],),
        )
        await tx.execute(
            "INSERT INTO users (user_id, first_name, language, created_at, updated_at,"
            " last_seen_at) VALUES (42, 'Dewi', 'id', 'x', 'x', 'x')"
        )
    await db.close()

    store = await Store.open(database)
    try:
        user = await store.users.get(42)
        assert user is not None and user.first_name == "Dewi"
        versions = await store.db.fetch_all("SELECT version FROM schema_migrations")
        assert [row["version"] for row in versions] == list(range(1, len(MIGRATIONS) + 1))
    finally:
        await store.close()


def _env(tmp_path: Path, **values: str) -> dict[str, str]:
    """A clean environment for a `kocca-bot` command, run from an empty folder."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.isupper()
        or key in ("PATH", "HOME", "LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR", "VIRTUAL_ENV")
    }
    env["DATABASE_PATH"] = str(tmp_path / "cli.db")
    env.update(values)
    return env


async def _kocca_bot(
    tmp_path: Path, *args: str, stdin: bytes | None = None, **env: str
) -> tuple[int, str, str]:
    """`kocca-bot ARGS` as its own process, for a test whose loop runs a bot (`run_cli`)."""
    return await run_cli(tmp_path, _env(tmp_path, **env), *args, stdin=stdin or b"")


def _kocca_bot_here(
    tmp_path: Path, *args: str, stdin: bytes | None = None, **env: str
) -> tuple[int, str, str]:
    """`kocca-bot ARGS` in this process (`call_cli`, the loop paused meanwhile): where no bot
    runs in the test's loop, or for a command refused before it opens the database."""
    return call_cli(tmp_path, _env(tmp_path, **env), *args, stdin=stdin or b"")


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("ADMIN_IDS", "12,abc", "ADMIN_IDS must be comma-separated numeric Telegram user ids"),
        ("DEFAULT_LANGUAGE", "fr", "DEFAULT_LANGUAGE must be id or en"),
        (
            "DATABASE_PATH",
            "/etc/hostname/kocca.db",
            "DATABASE_PATH must be a file path in a writable folder",
        ),
        ("STAFF_CHAT_ID", "staff", "STAFF_CHAT_ID must be a numeric chat id"),
    ],
)
def test_bad_setting_ends_with_one_clear_line(
    tmp_path: Path, variable: str, value: str, expected: str
) -> None:
    lines = _refused(tmp_path, **{variable: value})
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"Configuration error: {expected}")


def _refused(tmp_path: Path, **settings: str) -> list[str]:
    """The lines `kocca-bot run` prints when it refuses these settings (exit status 2)."""
    env = {"BOT_TOKEN": "1:x", **settings}
    code, _out, err = _kocca_bot_here(tmp_path, "run", **env)  # type: ignore[arg-type]
    assert code == 2, err
    assert "Traceback" not in err
    return err.strip().splitlines()


WEB_URL_BARE = (
    "Configuration error: WEB_URL must be the bare address https://host[:port], with no path"
    " (not {path}): the workspace is served at WEB_URL/staff/"
)


@pytest.mark.parametrize(
    ("variable", "value", "line"),
    [
        (
            "LOG_LEVEL",
            "verbose",
            "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL (not verbose)",
        ),
        (
            "WEB_URL",
            "http://bot.example.org",
            "WEB_URL must be an https:// address (http:// only on this machine: 127.0.0.1 or"
            " localhost)",
        ),
        (
            "WEB_AUTH_MAX_AGE",
            "30d",
            "WEB_AUTH_MAX_AGE must be a duration between 1m and 7d such as 1h (units s, m, h, d)"
            " (not 30d)",
        ),
        ("DEFAULT_LANGUAGE", "fr", "DEFAULT_LANGUAGE must be id or en (not fr)"),
        (
            "ADMIN_IDS",
            "1001,-1001234567890",
            "ADMIN_IDS must be comma-separated numeric Telegram user ids, e.g. 12345,67890"
            " (-1001234567890 is a group's or channel's id, not a person's: user ids are"
            " positive; the staff group's id goes in STAFF_CHAT_ID)",
        ),
    ],
)
def test_a_bad_setting_is_said_in_one_clean_sentence(
    tmp_path: Path, variable: str, value: str, line: str
) -> None:
    """Each rule said once, in the bot's words (not "must be must be", not pydantic's)."""
    assert _refused(tmp_path, **{variable: value}) == [f"Configuration error: {line}"]


@pytest.mark.parametrize("value", ["https://bot.example.org/?", "https://bot.example.org/#"])
def test_a_web_url_ending_in_an_empty_query_is_refused_as_a_query(
    tmp_path: Path, value: str
) -> None:
    """ "…/?" is refused for its "?", not as a path "/" (a re-check: "(not /)" confused, as a
    trailing "/" alone is accepted)."""
    assert _refused(tmp_path, WEB_URL=value) == [
        "Configuration error: WEB_URL must be the bare address https://host[:port], with no"
        " query, fragment or user name"
    ]


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ("https://bot.example.org/staff", "/staff"),  # "the workspace's URL", pasted
        ("https://bot.example.org/staff/", "/staff"),
        ("https://example.org/kocca", "/kocca"),
    ],
)
def test_a_web_url_with_a_path_is_refused(tmp_path: Path, value: str, path: str) -> None:
    """The workspace is served at /staff/ of WEB_URL, with no prefix: WEB_URL=…/staff would
    have made the admins' menu button open …/staff/staff/, a page that does not exist."""
    assert _refused(tmp_path, WEB_URL=value) == [WEB_URL_BARE.format(path=path)]


def test_a_database_folder_that_cannot_be_made_is_one_line_not_a_traceback(
    tmp_path: Path,
) -> None:
    """A folder name longer than the file system allows, and /proc, where even root (whom
    every folder lets write) can make nothing: refused as settings (exit 2), not a crash at
    the first write that systemd would restart every 10 s."""
    long_name = tmp_path / ("x" * 300)
    assert _refused(tmp_path, DATABASE_PATH=str(long_name / "kocca.db")) == [
        "Configuration error: DATABASE_PATH must be a file path in a writable folder"
        f" (folder {long_name} cannot be made: File name too long)"
    ]
    lines = _refused(tmp_path, DATABASE_PATH="/proc/kocca/kocca.db")
    assert len(lines) == 1, lines
    assert lines[0].startswith(
        "Configuration error: DATABASE_PATH must be a file path in a writable folder"
        " (folder /proc/kocca "
    )
    assert not Path("/proc/kocca").exists()


def test_run_without_token_explains_how_to_get_one(tmp_path: Path) -> None:
    code, _, err = _kocca_bot_here(tmp_path, "run")
    assert code == 2
    assert "@BotFather" in err and "config.example.env" in err and "kocca-bot chat" in err


def test_run_without_who_is_responsible_for_the_data_is_refused(tmp_path: Path) -> None:
    code, _out, err = _kocca_bot_here(tmp_path, "run", BOT_TOKEN="1:x")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "CONTROLLER_NAME and CONTROLLER_CONTACT must be set" in lines[0]
    code, _, err = _kocca_bot_here(
        tmp_path, "run", BOT_TOKEN="1:x", CONTROLLER_NAME="PT Contoh", CONTROLLER_CONTACT=" "
    )
    assert code == 2 and "CONTROLLER_CONTACT must be set" in err
    assert "CONTROLLER_NAME" not in err.split("must be set")[0]
    code, _, err = _kocca_bot_here(
        tmp_path,
        "run",
        BOT_TOKEN="1:x",
        CONTROLLER_NAME="[perlu dikonfirmasi staf]",
        CONTROLLER_CONTACT="privasi@contoh.id",
    )
    assert code == 2 and "CONTROLLER_NAME still holds the placeholder" in err
    assert not (tmp_path / "cli.db").exists()  # refused before opening anything


def test_webhook_without_secret_is_refused(tmp_path: Path) -> None:
    code, _, err = _kocca_bot_here(
        tmp_path, "run", BOT_TOKEN="1:x", WEBHOOK_URL="https://bot.example.org/hook"
    )
    assert code == 2
    assert "WEBHOOK_SECRET is required" in err


async def test_run_against_a_bot_api_server_over_http(tmp_path: Path) -> None:
    """`kocca-bot run` as a real process, pointed at the emulator over HTTP on loopback."""
    emulator = BotAPIEmulator(token="424242:REAL-LOOKING-SECRET-TOKEN-abcdefghij")
    url = await emulator.serve()
    process = await spawn(
        tmp_path,
        _env(
            tmp_path,
            BOT_TOKEN=emulator.token,
            BOT_API_URL=url,
            LOG_LEVEL="DEBUG",
            CONTROLLER_NAME="PT Contoh Kreatif",
            CONTROLLER_CONTACT="privasi@contoh.id",
        ),
        "run",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        sari = emulator.user(first_name="Sari")
        mark = sari.mark()
        sari.send("/start")
        replies = await sari.wait_for_messages(mark, timeout=30)
        assert replies[0].text.startswith("Halo, Sari!")
    finally:
        process.send_signal(signal.SIGTERM)
        _, err_bytes = await asyncio.wait_for(process.communicate(), timeout=30)
        await emulator.stop_serving()
    err = err_bytes.decode()
    assert process.returncode == 0, err
    assert emulator.token not in err
    assert "REAL-LOOKING-SECRET" not in err
    with sqlite3.connect(tmp_path / "cli.db") as db:
        rows = db.execute(
            "SELECT direction, text FROM conversation_log WHERE chat_id = ? ORDER BY id", (sari.id,)
        ).fetchall()
    assert rows[0] == ("in", "/start")
    assert rows[1][0] == "out" and rows[1][1].startswith("Halo, Sari!")


def test_chat_command_shows_the_greeting(tmp_path: Path) -> None:
    code, out, err = _kocca_bot_here(tmp_path, "chat", stdin=b"/start\n1\n/quit\n")
    assert code == 0, err
    assert "Halo, Kamu!" in out  # no --name: a name no talent has
    assert "[1]" in out
    assert "Program & peluang" in out


def test_chat_command_walks_through_a_whole_application(tmp_path: Path) -> None:
    """A person typing answers and button numbers, as `kocca-bot chat` invites them to."""
    lines = [
        "/daftar", "1", "1", "Musik", "3", "Sari Dewi", "2", "Band / grup", "1", "14",
        "Jabar", "Bandung", "6", "youtube.com/@sari", "2", "2", "1", "3",
        "1", "5", "sari@example.com", "0812 3456 7801", "2", "1", "/quit",
    ]  # fmt: skip
    code, out, err = _kocca_bot_here(tmp_path, "chat", stdin="\n".join(lines).encode())
    assert code == 0, err
    assert "Cek lagi jawabanmu" in out
    assert "HP/WhatsApp: +6281234567801" in out
    assert "Provinsi: Jawa Barat" in out and "Tautan karya: https://youtube.com/@sari" in out
    assert "Nomor referensimu: KOC-000001" in out


def test_chat_with_a_kept_database_resumes_where_the_talent_left(tmp_path: Path) -> None:
    database = str(tmp_path / "kept.db")
    first = ["/daftar", "1", "1", "Musik", "/quit"]
    code, out, err = _kocca_bot_here(
        tmp_path, "chat", "--database", database, stdin="\n".join(first).encode()
    )
    assert code == 0, err
    assert "Pertanyaan 2 dari 17\nBerapa usiamu sekarang?" in out
    code, out, err = _kocca_bot_here(
        tmp_path, "chat", "--database", database, stdin=b"/daftar\n/quit\n"
    )
    assert code == 0, err
    # A new session on the same file, moments later: back at the same question, not ignored.
    assert "Kita lanjutkan pendaftaranmu" in out
    assert "Pertanyaan 2 dari 17\nBerapa usiamu sekarang?" in out
    # Its messages are numbered after the first session's, as Telegram would: a question
    # relayed then is found by its message id, which no new message may take.
    with sqlite3.connect(database) as db:
        typed = (
            "SELECT message_id FROM conversation_log WHERE direction = 'in' AND kind != 'button'"
        )
        ids = [row[0] for row in db.execute(typed)]
    assert len(ids) == 3 and len(set(ids)) == len(ids)  # /daftar, "Musik"; /daftar again


def test_check_content_accepts_the_packaged_content(tmp_path: Path) -> None:
    code, out, _ = _kocca_bot_here(tmp_path, "check-content")
    assert code == 0
    assert out.startswith(f"{PACKAGED_CONTENT_DIR} is valid: ")
    # A copy being edited is named as the folder checked (a reviewer wondered which it was).
    copy = tmp_path / "content-copy"
    shutil.copytree(PACKAGED_CONTENT_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__*"))
    code, out, _ = _kocca_bot_here(tmp_path, "check-content", "--content-dir", str(copy))
    assert code == 0 and out.startswith(f"{copy} is valid: ")
