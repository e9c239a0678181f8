"""`kocca-bot chat`: a person talks to the real bot in a terminal, through the emulator."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO

from pydantic import SecretStr

from bot.app import create_runner
from bot.emulator import BotAPIEmulator, BotMessage, EmulatedUser, EmulatorEvent
from bot.ops.runlock import RunLock
from bot.settings import DEMO_CONTROLLER, Settings
from bot.store import Store
from bot.terminal_text import printable

QUIT = {"/quit", "/exit"}
RULE = "─" * 60


class Printer:
    """Prints what the bot shows in one chat, numbering the buttons of its latest keyboard."""

    def __init__(self, chat_id: int, out: TextIO) -> None:
        self.chat_id = chat_id
        self.out = out
        self.buttons: dict[int, tuple[int, str]] = {}  # number -> (message id, button label)

    def __call__(self, event: EmulatorEvent) -> None:
        message = event.message
        if message is None or message.chat_id != self.chat_id or event.kind == "delete":
            return
        self.show(message, edited=event.kind == "edit")

    def show(self, message: BotMessage, *, edited: bool) -> None:
        """Print one message and its buttons."""
        header = "bot (edited)" if edited else "bot"
        lines = [f"{RULE[:3]} {header} {RULE[: 56 - len(header)]}", message.text]
        if message.document is not None:
            name, content, _ = message.document
            lines.append(f"[file: {name}, {len(content)} bytes]")
        if message.buttons:
            self.buttons = {}
            number = 0
            for row in message.buttons:
                cells = []
                for button in row:
                    number += 1
                    self.buttons[number] = (message.message_id, button.text)
                    suffix = f" → {button.url}" if button.url else ""
                    cells.append(f"[{number}] {button.text}{suffix}")
                lines.append("   ".join(cells))
        # A talent's name in a greeting may hold terminal codes: shown, never obeyed.
        print(printable("\n".join(lines), keep_newlines=True), file=self.out, flush=True)


class ChatRefused(Exception):
    """The database given to `kocca-bot chat` holds other people's data: not without a flag."""


async def chat(
    settings: Settings,
    *,
    database: Path | None,
    first_name: str,
    telegram_language: str,
    user_id: int,
    real_talents: bool = False,
    read_line: Callable[[], str] | None = None,
    out: TextIO = sys.stdout,
) -> int:
    """Run the bot on the emulator and relay the terminal to one talent's private chat.

    With `database`, the run lock is held as by `kocca-bot run` (DatabaseInUse while a bot
    runs on it; a restore or a bot started meanwhile refuses). A database holding other
    users is refused (ChatRefused) unless `real_talents`; then nothing queued for them is
    sent (no background workers), and none of their waiting updates may be in the inbox.
    """
    if database is None:
        return await _chat(settings, None, first_name, telegram_language, user_id, read_line, out)
    with RunLock(database):
        workers = await _check_database(database, user_id, real_talents=real_talents)
        return await _chat(
            settings, database, first_name, telegram_language, user_id, read_line, out, workers
        )


async def _check_database(database: Path, user_id: int, *, real_talents: bool) -> bool:
    """Whether the bot's background workers may run on this database (ChatRefused if not)."""
    if not await asyncio.to_thread(database.exists):
        return True
    store = await Store.open(database)
    try:
        others = await store.users.others(user_id)
        waiting = (await store.ops.status_facts()).waiting
    finally:
        await store.close()
    if not others:
        return True
    if not real_talents:
        raise ChatRefused(
            f"{database} holds {others} other user(s), real talents perhaps: the chat would"
            " answer, and send what is queued for them, as the bot. Try a copy (kocca-bot"
            " backup --output copy.db), or add --allow-real-talents to look at it on purpose"
            " (then nothing queued is sent)."
        )
    if waiting:
        raise ChatRefused(
            f"{database} has {waiting} update(s) from Telegram waiting for the real bot:"
            " start it (kocca-bot run) to answer them first."
        )
    return False


async def _chat(
    settings: Settings,
    database: Path | None,
    first_name: str,
    telegram_language: str,
    user_id: int,
    read_line: Callable[[], str] | None,
    out: TextIO,
    workers: bool = True,
) -> int:
    emulator = BotAPIEmulator()
    # An admin without WEB_URL gets the staff workspace on loopback (bot/web/local.py).
    web_port = None
    if settings.is_admin(user_id) and settings.web_url is None:
        from bot.web.local import LOOPBACK, loopback_port

        web_port = loopback_port(settings.web_port)
    with tempfile.TemporaryDirectory(prefix="kocca-chat-") as scratch:
        settings = settings.model_copy(
            update={
                "web_url": f"http://{LOOPBACK}:{web_port}" if web_port else settings.web_url,
                "bot_token": SecretStr(emulator.token),
                "database_path": database or Path(scratch) / "chat.db",
                "webhook_url": None,
                # One person at a keyboard (or a script piping lines): nobody to protect.
                "flood_limit": 1_000_000,
                "backup_dir": None,  # a try-out, not the deployment: no daily backups
                # Offline, nobody's data is at stake: an obviously fake controller will do.
                "controller_name": settings.controller_name or DEMO_CONTROLLER.name,
                "controller_contact": settings.controller_contact or DEMO_CONTROLLER.contact,
            }
        )
        runner = await create_runner(
            settings,
            request=emulator.request(),
            updates_request=emulator.request(),
            poll_timeout=1,
            workers=workers,
        )
        # Telegram's update ids only grow; the database remembers those it has seen.
        emulator.updates.continue_after(await runner.store.inbox.highest_id())
        await runner.start()
        talent = emulator.user(user_id, first_name=first_name, language_code=telegram_language)
        printer = Printer(talent.id, out)
        unsubscribe = emulator.subscribe(printer)
        try:
            async with contextlib.AsyncExitStack() as stack:
                if web_port is not None:
                    from bot.web.local import serve_locally

                    workspace = serve_locally(
                        runner, web_port, user_id, first_name, telegram_language
                    )
                    url = await stack.enter_async_context(workspace)
                    hours = settings.web_auth_max_age.total_seconds() / 3600
                    print(
                        f"Staff workspace (this link works for {hours:g} h): {url}",
                        file=out,
                        flush=True,
                    )
                print(
                    "Chatting with the bot offline. Type a message, a number to press a button,"
                    " /quit to leave.",
                    file=out,
                    flush=True,  # a script reading the other end of a pipe waits for this line
                )
                await _converse(runner.settle, talent, printer, read_line or _read_stdin, out)
        finally:
            unsubscribe()
            await runner.stop()
    return 0


async def _converse(
    settle: Callable[[int], Awaitable[None]],
    talent: EmulatedUser,
    printer: Printer,
    read_line: Callable[[], str],
    out: TextIO,
) -> None:
    """Read lines until /quit or the end of input; wait for the bot after each."""
    while True:
        try:
            line = await asyncio.to_thread(read_line)
        except EOFError:
            return
        line = line.strip()
        if not line:
            continue
        if line in QUIT:
            return
        if line.isdigit() and int(line) in printer.buttons:
            message_id, label = printer.buttons[int(line)]
            message = next(m for m in talent.messages if m.message_id == message_id)
            update = talent.press(label, message=message)
        else:
            update = talent.send(line)
        await asyncio.wait_for(settle(update["update_id"]), timeout=30)


def _read_stdin() -> str:
    """One line from the terminal; EOFError at the end of input."""
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line
