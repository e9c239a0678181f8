"""Operations commands that must not hurt a live deployment: `kocca-bot chat` on a real
database, `doctor` with a wrong address or no token, `run` without network, `export` over
an existing file. Each through the real command line."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.emulator import EmulatedChat
from bot.ops.runlock import running_pid
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness, free_port
from tests.leads import MUSICIAN, apply
from tests.processes import call_cli, clean_env, run_cli_process, start_cli

TIMEOUT = 60.0


def _chat(
    folder: Path, env: dict[str, str], *args: str, stdin: bytes = b"/quit\n"
) -> tuple[int, str, str]:
    """`kocca-bot chat ARGS` with lines typed on its standard input."""
    return call_cli(folder, env, "chat", *args, stdin=stdin)


def _rows(database: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database) as db:
        return db.execute(sql, params).fetchall()


async def test_chat_on_a_real_database_takes_the_lock_and_sends_nothing_queued(
    make_bot: Callable[..., Any], staff_chat: EmulatedChat, database: Path, tmp_path: Path
) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    env = clean_env(tmp_path, DATABASE_PATH=str(database), STAFF_CHAT_ID=str(STAFF_CHAT_ID))
    sari = bot.user(user_id=5_839_204_117, first_name="Sarinah")  # not the chat's own id
    await apply(bot, sari, MUSICIAN)
    await bot.stop()
    code, out, err = call_cli(
        tmp_path, env, "lead", "KOC-000001", "--stage", "shortlist", "--notify"
    )
    assert code == 0, out + err
    backup = tmp_path / "copy.db"
    code, _, err = call_cli(tmp_path, env, "backup", "--output", str(backup))
    assert code == 0, err

    for refused in (database, backup):  # a copy holds the same talents: refused the same way
        code, _, err = _chat(tmp_path, env, "--database", str(refused), stdin=b"/start\n")
        assert code == 2
        said = " ".join(err.split())
        assert f"{refused} holds 1 other user," in said
        assert "A copy of this database holds the same users and is refused the same way" in said
        assert "add --allow-real-talents" in said and "with sending off" in said
        assert "To try sending too, chat on a database of your own" in said
    # Asked for explicitly: it runs, holding the run lock, and sends nothing queued.
    chat = await start_cli(
        tmp_path, env, "chat", "--database", str(database), "--allow-real-talents"
    )
    assert chat.stdout is not None
    try:
        first = await asyncio.wait_for(chat.stdout.readline(), TIMEOUT)
        assert first.startswith(b"Chatting with the bot offline")
        assert running_pid(database) == chat.pid
        code, _, err = call_cli(tmp_path, env, "restore", str(backup))
        assert code == 1 and "Not restored: " in err and "systemctl stop kocca-bot" in err
    finally:
        chat_out, chat_err = await asyncio.wait_for(chat.communicate(b"/start\n/quit\n"), TIMEOUT)
    assert chat.returncode == 0, chat_err.decode()
    assert "Halo, Kamu!" in chat_out.decode()  # not an admin: no ADMIN_IDS
    assert "Sending is off: announcements, stage messages and reminders stay queued" in " ".join(
        chat_out.decode().split()
    )
    assert _rows(database, "SELECT status FROM talent_updates") == [("pending",)]
    assert _rows(database, "SELECT blocked FROM users WHERE user_id = ?", (sari.id,)) == [(0,)]
    assert running_pid(database) is None

    code, out, _ = call_cli(tmp_path, env, "chat", "--help")
    assert "Refused while a bot runs on it" in " ".join(out.split())
    assert "--allow-real-talents" in out


async def test_export_does_not_overwrite_a_file_unless_forced(
    make_bot: Callable[..., Any], database: Path, tmp_path: Path
) -> None:
    bot: Harness = await make_bot()
    await apply(bot, bot.user(first_name="Sarinah"), MUSICIAN)
    await bot.stop()
    env = clean_env(tmp_path, DATABASE_PATH=str(database))
    target = tmp_path / "leads.csv"
    target.write_text("the spreadsheet staff worked on all week")
    code, _, err = call_cli(tmp_path, env, "export", "--format", "csv", "--output", str(target))
    assert code == 2 and "already exists" in err and "--force" in err
    assert target.read_text() == "the spreadsheet staff worked on all week"
    code, out, err = call_cli(
        tmp_path, env, "export", "--format", "csv", "--output", str(target), "--force"
    )
    assert code == 0, err
    assert "Wrote 1 lead to" in out
    assert "Sari Dewi Lestari" in target.read_text(encoding="utf-8-sig")


async def test_doctor_with_a_wrong_api_url_says_so_without_a_traceback(tmp_path: Path) -> None:
    # Something answers there, but it is not the Bot API (a web server's 404), then nothing.
    from aiohttp import web

    app = web.Application()
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    try:
        for url in (f"http://127.0.0.1:{port}/bot", f"http://127.0.0.1:{free_port()}/bot"):
            env = clean_env(
                tmp_path, BOT_TOKEN="777000:GOOD-TOKEN-abcdefghijklmnop", BOT_API_URL=url
            )
            code, out, err = await run_cli_process(tmp_path, env, "doctor")
            assert code == 1
            assert "Traceback" not in out + err
            assert "rejects BOT_TOKEN" not in out
            assert "✘ Token: the Bot API cannot be reached at BOT_API_URL" in out, out
            assert "fix: check BOT_API_URL" in out
            assert "GOOD-TOKEN" not in out + err
    finally:
        await runner.cleanup()


def test_run_help_names_its_exit_statuses(tmp_path: Path) -> None:
    """What the systemd unit relies on (RestartPreventExitStatus=2), said where an operator
    looks first."""
    code, out, _ = call_cli(tmp_path, clean_env(tmp_path), "run", "--help")
    assert code == 0
    said = " ".join(out.split())
    assert "The log goes to stderr." in said
    assert "2 when a setting, content/ or the database's schema is wrong" in said
    assert "1 otherwise, e.g. the Bot API cannot be reached at start" in said
    assert "run lock" in said


def test_run_without_network_shows_bot_api_url_as_set(tmp_path: Path) -> None:
    """The default shown whole, "/bot" included, and not told it should be itself (a staff
    review s65, finding 5: "(https://api.telegram.org); check BOT_API_URL (normally
    https://api.telegram.org/bot)" read as a wrong setting); a password in it never shown."""
    from telegram.error import NetworkError

    from bot.cli import unreachable_at_start
    from bot.settings import Settings

    down = NetworkError("httpx.ConnectError: [Errno -3] Temporary failure in name resolution")
    default = Settings(_env_file=None, database_path=tmp_path / "bot.db")  # type: ignore[call-arg]
    said = unreachable_at_start(default, down)
    assert said.startswith(
        "the Bot API cannot be reached at BOT_API_URL (https://api.telegram.org/bot); check"
        " BOT_API_URL and this server's network and DNS, or run `kocca-bot doctor`."
    ), said
    assert "normally" not in said
    proxied = default.model_copy(update={"bot_api_url": "https://kocca:s3cret@proxy.id:8443/bot"})
    said = unreachable_at_start(proxied, down)
    assert said.startswith(
        "the Bot API cannot be reached at BOT_API_URL (https://proxy.id:8443/bot); check"
        " BOT_API_URL (normally https://api.telegram.org/bot) and"
    ), said
    assert "s3cret" not in said


def test_chat_help_writes_its_options_as_the_other_commands_do(tmp_path: Path) -> None:
    code, out, _ = call_cli(tmp_path, clean_env(tmp_path), "chat", "--help")
    assert code == 0
    said = " ".join(out.split())
    assert "--database FILE" in said  # as every other command writes it
    assert "--telegram-language {id,en}" in said  # the choices, as --language elsewhere


async def test_doctor_without_a_token_lists_the_checks_it_could_not_run(tmp_path: Path) -> None:
    env = clean_env(tmp_path, BOT_API_URL=f"http://127.0.0.1:{free_port()}/bot")
    code, out, err = call_cli(tmp_path, env, "doctor")
    assert code == 1, err
    assert "✘ Token: BOT_TOKEN is not set" in out
    for name in ("Webhook", "Staff chat", "Admins"):
        assert f"✘ {name}: not checked (needs BOT_TOKEN)" in out, name
    assert "Traceback" not in out + err


async def test_run_without_network_fails_cleanly(tmp_path: Path) -> None:
    port = free_port()
    env = clean_env(
        tmp_path,
        BOT_TOKEN="777000:GOOD-TOKEN-abcdefghijklmnop",
        BOT_API_URL=f"http://127.0.0.1:{port}/bot",
    )
    code, _, err = await run_cli_process(tmp_path, env, "run")
    assert code == 1  # not 2: systemd starts it again, and the network may be back by then
    # What journalctl shows last says what to look at in the operator's terms, before the
    # library's own words.
    last = err.strip().splitlines()[-1]
    said = last.split("Could not start: ", 1)[1]
    assert said.startswith(
        f"the Bot API cannot be reached at BOT_API_URL (http://127.0.0.1:{port}/bot); check"
        " BOT_API_URL (normally https://api.telegram.org/bot) and this server's network and"
        " DNS, or run `kocca-bot doctor`. Exit status 1: a systemd service is started again."
        " Cause: network: "
    ), last
    assert "Unclosed client session" not in err
    assert "Stopping with updates still in hand" not in err
    assert "Traceback" not in err
