"""One chat session: the real bot on the emulator, the person's private chat, the talents
they make up (/as-talent) and, for an admin, a simulated staff group; the run lock when the
database is a kept one."""

from __future__ import annotations

import contextlib
import secrets
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from pydantic import SecretStr

from bot.app import create_runner
from bot.chat.guard import TALENT_IDS, check_database, talent_id
from bot.chat.keys import AS_STAFF, AS_TALENT, STILL_WORKING_AFTER, Keys
from bot.chat.places import Places, chat_places, logging_to
from bot.chat.screen import Screen
from bot.content import Content
from bot.emulator import BotAPIEmulator, EmulatedChat, EmulatedUser, EmulatorEvent
from bot.ops.runlock import RunLock
from bot.settings import DEMO_CONTROLLER, Settings, written_duration
from bot.store import Store
from bot.terminal_text import count_of

GROUP_TITLE = "Staff group (simulated)"
# Your first name when --name is not given: never a talent's, so that your chat, the lead
# history and the workspace's assignees are not mistaken for those of a talent made up with
# /as-talent (a new staff coordinator's review s58, L7: "Sari" was both).
STAFF_NAME = "Staf (kamu)"  # an admin
TALENT_NAME = "Kamu"  # anyone else: a talent trying the bot


async def chat(
    settings: Settings,
    *,
    database: Path | None,
    first_name: str | None,
    telegram_language: str,
    user_id: int,
    real_talents: bool = False,
    files: Path | None = None,
    patience: float = STILL_WORKING_AFTER,
    read_line: Callable[[], str] | None = None,
    out: TextIO | None = None,
    content: Content | None = None,
) -> int:
    """Run the bot on the emulator and relay the terminal to one person's private chat (and,
    for an admin, to a simulated staff group).

    With `database`, the run lock is held as by `kocca-bot run` (DatabaseInUse while a bot
    runs on it; a restore or a bot started meanwhile refuses). A database holding other
    users is refused (ChatRefused) unless `real_talents`; then nothing queued for them is
    sent (no background workers), and none of their waiting updates may be in the inbox.
    `content`: content/ as loaded and checked already (else it is loaded here). `first_name`:
    None for STAFF_NAME (an admin) or TALENT_NAME.
    """
    if first_name is None:
        first_name = STAFF_NAME if settings.is_admin(user_id) else TALENT_NAME
    person = Person(user_id, first_name, telegram_language)
    with contextlib.ExitStack() as held:
        workers = True
        if database is not None:
            held.enter_context(RunLock(database))
            workers = await check_database(database, user_id, real_talents=real_talents)
        places = held.enter_context(chat_places(database, files))
        with logging_to(places.log, settings.log_level_number, []):
            # Standard output as it is now, not as it was when this module was imported.
            terminal = Terminal(read_line, out or sys.stdout, patience)
            await _session(settings, places, person, terminal, workers, content)
    return 0


@dataclass(frozen=True, slots=True)
class Person:
    """Who sits at the keyboard, as Telegram would describe them."""

    id: int
    first_name: str
    language: str


@dataclass(frozen=True, slots=True)
class Terminal:
    """Where lines come from, where the chat is printed, and how long the bot
    may think before the chat says it is still working."""

    read_line: Callable[[], str] | None
    out: TextIO
    patience: float


async def _session(
    settings: Settings,
    places: Places,
    person: Person,
    terminal: Terminal,
    workers: bool,
    content: Content | None,
) -> None:
    """One chat: the emulator, the bot, the person at the keyboard."""
    # A token of its own each chat: the workspace's sign-in is keyed with it, and the tests'
    # well-known token would let anyone on this machine sign in as the admin.
    emulator = BotAPIEmulator(token=f"123456:{secrets.token_urlsafe(32)}")
    admin = settings.is_admin(person.id)
    # An admin without WEB_URL gets the staff workspace on loopback (bot/web/local.py).
    listening = None
    if admin and settings.web_url is None:
        from bot.web.local import loopback_socket

        listening = loopback_socket(settings.web_port)
    try:
        await _talk(settings, places, person, terminal, workers, emulator, listening, content)
    finally:
        if listening is not None:
            listening.close()  # served and closed already, or never served


async def _talk(
    settings: Settings,
    places: Places,
    person: Person,
    terminal: Terminal,
    workers: bool,
    emulator: BotAPIEmulator,
    listening: socket.socket | None,
    content: Content | None,
) -> None:
    """The chat itself, the workspace on `listening` (a bound loopback socket) for an admin."""
    admin = settings.is_admin(person.id)
    # The workspace's address, as the admin's menu button opens it.
    local_url = None if listening is None else "http://{}:{}".format(*listening.getsockname())
    # A new group id each session: a kept database's relayed questions name earlier groups.
    group = emulator.group(-(10**12 + int(time.time())), title=GROUP_TITLE) if admin else None
    settings = settings.model_copy(
        update={
            "web_url": local_url or settings.web_url,
            "bot_token": SecretStr(emulator.token),
            "database_path": places.database,
            "webhook_url": None,
            # Lead alerts and questions go to the simulated group; without it, nowhere.
            "staff_chat_id": None if group is None else group.id,
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
        content=content,
    )
    # Telegram's update ids only grow; the database remembers those it has seen.
    emulator.updates.continue_after(await runner.store.inbox.highest_id())
    user = emulator.user(person.id, first_name=person.first_name, language_code=person.language)
    # You wrote to the bot in an earlier chat on this database: what it sends you as it starts
    # (an announcement's progress report) arrives, as in Telegram (it was refused: "bot can't
    # initiate conversation", a new operator's review s58, L6).
    user.started = await runner.store.users.get(person.id) is not None
    joined = None if group is None else _join(emulator, group, user)
    screen = Screen(terminal.out, person.id, None if group is None else group.id, places.files)
    screen.people[user.id] = user.first_name
    # The talents made up in earlier chats on this database: what the bot sends them arrives.
    for known in await runner.store.users.within(TALENT_IDS):
        talent = emulator.user(
            known.user_id, first_name=known.first_name, language_code=known.telegram_language
        )
        talent.started = True  # they wrote to the bot before
        screen.people[talent.id] = talent.first_name
    # Message ids, like update ids, go on from those of earlier chats (a question relayed
    # then is matched to its message by id: a new message must not take it).
    highest = await runner.store.log.highest_message_ids()
    for chat_id, message_id in highest.items():
        if chat_id in emulator.users:  # you and the talents of earlier chats
            emulator.users[chat_id].continue_after(message_id)

    def made_up(name: str, language: str) -> EmulatedUser:
        """The talent with this first name: a Telegram user of its own, never an admin."""
        found = emulator.user(talent_id(name), first_name=name, language_code=language)
        screen.people[found.id] = found.first_name
        return found

    # What the bot sends as it starts (a restore's notice, an announcement still queued) is
    # shown after the introduction, not above it (a new operator's review s58, L6).
    early: list[EmulatorEvent] = []
    unsubscribe = emulator.subscribe(early.append)
    await runner.start()
    try:
        if joined is not None:
            await runner.settle(joined)
        async with contextlib.AsyncExitStack() as stack:
            link = None
            if listening is not None:
                from bot.web.local import serve_locally

                workspace = serve_locally(runner, listening, person.id, person.first_name,
                                          person.language)  # fmt: skip
                link = await stack.enter_async_context(workspace)
            screen.say(_introduction(settings, places, link, admin, sending=workers))
            unsubscribe()
            for event in early:
                screen(event)
            unsubscribe = emulator.subscribe(screen)
            keys = Keys(
                screen,
                user,
                group,
                runner.settle,
                terminal.patience,
                talent=made_up,
                workspace=link,
                earlier_chats=places.kept(places.database),
            )
            await keys.converse(terminal.read_line)
            left = await _still_queued(runner.store, places, workers)
            if left:
                screen.say(left)
    finally:
        unsubscribe()
        await runner.stop()


def _join(emulator: BotAPIEmulator, group: EmulatedChat, user: EmulatedUser) -> int:
    """The admin adds the bot to the staff group, as in Telegram; the last update's id."""
    emulator.add_bot_to_group(group, by=user, admin=True)
    return int(emulator.updates.pending[-1]["update_id"])


async def _still_queued(store: Store, places: Places, sending: bool) -> str | None:
    """What the chat says as it ends about announcements and stage messages not sent yet (a
    new operator's review s58, L6: an announcement queued just before /quit went out, unsaid,
    at the next chat; a staff review s65, 2: so did a stage message, after "hasilnya
    kulaporkan di sini")."""
    broadcasts = store.broadcasts
    # One being sent whose last recipient was dealt with is only posting its report.
    announcements = sum(
        [
            one.status == "queued" or (await broadcasts.tally(one.id)).remaining > 0
            for one in await broadcasts.active()
        ]
    )
    stage_messages = await store.talent_updates.count_pending()
    counted = [
        count_of(number, noun)
        for number, noun in ((announcements, "announcement"), (stage_messages, "stage message"))
        if number
    ]
    if not counted:
        return None
    one = announcements + stage_messages == 1
    what, them = f"{' and '.join(counted)} {'is' if one else 'are'}", "it" if one else "them"
    if not sending:  # --allow-real-talents: the real bot's queue is left alone
        return f"{what} still queued for the real bot (sending is off in this chat)."
    if not places.kept(places.database):
        return (
            f"{what} still queued, and deleted with this chat's throw-away database"
            " (--database FILE keeps one)."
        )
    scheduled = ", a scheduled one at its time" if announcements else ""
    return (
        f"{what} still queued: the bot sends {them} when it runs on {places.database} again"
        f" (kocca-bot chat --database, or kocca-bot run){scheduled}."
    )


def _introduction(
    settings: Settings, places: Places, link: str | None, admin: bool, *, sending: bool
) -> str:
    """What the chat prints once before the first message: where things are, what to type."""
    ends = "deleted when the chat ends"
    files = f"Files the bot sends are saved in {places.files}"
    if not places.kept(places.files):
        files += f" ({ends}; --files DIR keeps them)"
    log = f"Log: {places.log}" + ("" if places.kept(places.log) else f" ({ends})")
    lines = [
        "Chatting with the bot offline: nothing reaches Telegram.",
        f"  {files}",
        f"  {log}",
    ]
    if link is not None:
        lasting = written_duration(settings.web_auth_max_age)
        lines.append(f"  Staff workspace (this link works for {lasting}): {link}")
    elif admin:  # WEB_URL is set (a staff review s57, L4: the workspace went missing unsaid)
        lines.append(
            "  Staff workspace: not started offline because WEB_URL is set (unset it to try it"
            " here)."
        )
    if admin:
        lines.append(
            f'  {GROUP_TITLE}: lead alerts and /tanya questions show under "staff group #N";'
            f" answer one with {AS_STAFF} reply N TEXT"
        )
    if not sending:  # --allow-real-talents: the real bot's queue is left alone
        lines.append(
            "  Sending is off: announcements, stage messages and reminders stay queued for the"
            " real bot, so no delivery report comes here (the bot's replies may still promise one)."
        )
    lines.append(
        f"  Other talents: {AS_TALENT} NAME types as the talent NAME (its own Telegram user, no"
        f" admin; {AS_TALENT} NAME en for English); what the bot sends them shows under"
        f' "bot → NAME"; {AS_TALENT} alone goes back to you; /block as one: they block the bot.'
    )
    lines.append(
        "Type a message, a number to press a button ('2 sends the number 2 as a message),"
        " /quit to leave."
    )
    return "\n".join(lines)
