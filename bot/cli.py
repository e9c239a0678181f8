"""The `kocca-bot` command (also `python -m bot`)."""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import signal
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

# Registering the commands imports nothing heavy: each handler imports what its command needs
# (the content, the settings, the store, python-telegram-bot), so that `kocca-bot --help`,
# `status` or `backup` do not load what only `run` or `chat` use (start-up time of the command
# line, docs/performance.md).
from bot import cli_broadcast, cli_erase, cli_pipeline_commands
from bot.cli_settings import (
    BESIDE_THE_BOT,
    NOT_UPGRADED,
    WITHOUT_DATABASE_OPTION,
    add_database_option,
    no_database,
    settings_for,
)
from bot.cli_staff import add_staff_commands
from bot.ops import cli as ops_cli
from bot.parsing import FIRST_YEAR, LAST_YEAR, iso_day
from bot.terminal_text import count_of

if TYPE_CHECKING:
    from bot.content import Content
    from bot.settings import Settings

log = logging.getLogger("bot")

EXIT_CONFIG = 2
EXIT_BROKEN_PIPE = 141  # what a shell reports for a tool ended by SIGPIPE

SETUP_HINT = (
    "BOT_TOKEN is not set: create a bot with @BotFather in Telegram and put its token in .env"
    " (see config.example.env), or try the bot offline with `kocca-bot chat`."
)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run one command; return the exit status."""
    # python-telegram-bot 22 warns on every 429 unless opted in to v23's timedelta values.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return EXIT_CONFIG
    try:
        status = int(args.handler(args))
        sys.stdout.flush()  # here, so that a reader who has gone is noticed inside the try
        return status
    except BrokenPipeError:
        return _reader_gone()
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        refused = _refused(error, args)
        if refused is None:
            raise
        return refused


def _refused(error: Exception, args: argparse.Namespace) -> int | None:
    """A problem with the settings, the database's schema or the content, told in plain words
    (exit status 2), or a database that cannot be read (bot/cli_unreadable.py); None for any
    other error."""
    # Not imported at the top (start-up time); whichever of them was raised is loaded already.
    from bot.cli_unreadable import refusal
    from bot.content import ContentError
    from bot.settings import SettingsError
    from bot.store.schema import SchemaMismatch

    if isinstance(error, (SettingsError, SchemaMismatch)):
        print(str(error), file=sys.stderr)
        return EXIT_CONFIG
    if isinstance(error, ContentError):
        print(f"content/ has {count_of(len(error.problems), 'problem')}:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_CONFIG
    return refusal(error, args)


def _reader_gone() -> int:
    """The reader of our output has gone (`kocca-bot audit | head`): stop quietly, as other
    command-line tools do, instead of a traceback about a broken pipe."""
    # What is still buffered for stdout cannot be written: point stdout at /dev/null so the
    # interpreter's own flush at exit does not complain again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_BROKEN_PIPE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kocca-bot",
        description=(
            "KOCCA Talent Desk: a Telegram bot that guides Indonesian musicians and filmmakers"
            " to KOCCA opportunities. Settings come from the environment and .env"
            " (see config.example.env)."
        ),
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    run = commands.add_parser(
        "run",
        help="run the bot (long polling, or webhook mode when WEBHOOK_URL is set)",
        description=(
            "Run the bot until SIGINT or SIGTERM. Needs BOT_TOKEN. Uses long polling unless"
            " WEBHOOK_URL is set."
        ),
    )
    run.set_defaults(handler=_run_command)
    run.epilog = (
        "Needs CONTROLLER_NAME and CONTROLLER_CONTACT (who is responsible for talents' data)."
        " SIGHUP reloads content/ without a restart; invalid content is refused and logged,"
        " and the bot keeps serving the previous content. The log goes to stderr. Exit"
        " status: 0 when stopped by a signal; 2 when a setting, content/ or the database's"
        " schema is wrong, or the database cannot be read (nothing to retry: the systemd"
        " unit's RestartPreventExitStatus=2 leaves it stopped); 1 otherwise, e.g. the Bot API"
        " cannot be reached at start (after retries) or another bot holds the database's run"
        " lock (systemd starts it again)."
    )

    chat = commands.add_parser(
        "chat",
        help="talk to the bot in this terminal, offline, through the local Bot API emulator",
        description=(
            "Talk to the bot in the terminal with no token and no network. The bot's messages"
            " are printed; inline buttons are numbered: type a number to press one ('2 sends"
            " the number 2 as a message), anything else is sent as a message. Files and photos"
            " the bot sends are saved to a folder and shown as [file: PATH] or [photo: PATH]; a"
            " button's toast as [toast: …]; log lines go to a file (its path is printed at the"
            " start); terminal codes in names and answers are shown escaped, never obeyed. /quit"
            " or Ctrl-D ends the chat. To"
            " try the staff side (/export, /stats, /leads, /broadcast, ...), make yourself an"
            " admin: `ADMIN_IDS=1001 kocca-bot chat` (1001 is the default --user-id). An admin"
            " also gets a simulated staff group in the same terminal: lead alerts and /tanya"
            ' questions show under "staff group #N"; type `/as-staff-group reply N TEXT` to'
            " answer one as staff, g1, g2, ... to press its buttons. `/as-talent NAME` types"
            " as another talent (a non-admin user of its own, made up on first use);"
            " `/as-talent` alone goes back to you. `/earlier` shows the message with buttons"
            " before the newest again (`/earlier 2` the one before that, …; `/earlier g` in"
            " the staff group): its buttons are then the ones a number presses, as when you"
            " scroll up in Telegram."
        ),
    )
    chat.add_argument(
        "--database",
        type=Path,
        metavar="FILE",
        help=(
            "SQLite file to use (default: a throw-away database deleted at the end). Refused"
            " while a bot runs on it, and, if it holds other users (real talents, or a copy"
            " of theirs), unless --allow-real-talents is given"
        ),
    )
    chat.add_argument(
        "--allow-real-talents",
        action="store_true",
        help=(
            "chat on a --database that holds other users on purpose, with sending off: the"
            " bot then sends nothing queued for them (no announcements, stage messages,"
            " reminders, staff notices or backups run). To try sending, chat on a database of"
            " your own (no --database, or a new file)"
        ),
    )
    chat.add_argument(
        "--files",
        type=Path,
        metavar="DIR",
        help=(
            "folder for the files and photos the bot sends, written readable by you only"
            " (default: NAME-files beside --database NAME.db, else a temporary folder"
            " deleted at the end)"
        ),
    )
    chat.add_argument(
        "--name",
        help=(
            'your first name as the bot sees it (default: "Staf (kamu)" for an admin, "Kamu"'
            " otherwise: no talent's name, so your chat and lead history stay apart from the"
            " talents you make up)"
        ),
    )
    chat.add_argument(
        "--telegram-language",
        default="id",
        choices=("id", "en"),
        help="the language your Telegram app reports (default: id)",
    )
    chat.add_argument("--user-id", type=int, default=1001, help="your Telegram user id")
    # For the tests: how many seconds a reply may take before "still working…" is printed.
    chat.add_argument("--patience", type=float, default=None, help=argparse.SUPPRESS)
    chat.set_defaults(handler=_chat_command)

    check = commands.add_parser(
        "check-content",
        help="validate the YAML files in content/ and list every problem",
        description=(
            "Validate content/ (or CONTENT_DIR, or --content-dir): missing translations,"
            " unknown keys, broken references, texts over Telegram's limits, buttons too wide"
            " for their row, unfinished texts ([perlu …], TODO, TBD), missing or future as_of"
            " dates. Exit status 2 with a list of problems; otherwise 0, with a warning for"
            " each page whose as_of is older than its review_after_days (default 180)."
        ),
    )
    check.add_argument("--content-dir", type=Path, help="folder to check instead of CONTENT_DIR")
    check.add_argument(
        "--today",
        type=_iso_day,
        help="judge as_of dates as on this day (YYYY-MM-DD; default: today)",
    )
    check.set_defaults(handler=_check_content_command)

    purge = commands.add_parser(
        "purge",
        help="delete conversation-log entries and unfinished applications past retention",
        description=(
            "Delete conversation-log entries older than LOG_RETENTION_DAYS (default 365) and"
            " unfinished applications not touched for DRAFT_RETENTION_DAYS (default 90), and"
            " forget processed updates older than two days. The running bot does the same"
            " once a day; this command is safe to run while it runs."
        ),
    )
    purge.add_argument("--log-days", type=int, help="override LOG_RETENTION_DAYS")
    purge.add_argument("--draft-days", type=int, help="override DRAFT_RETENTION_DAYS")
    purge.set_defaults(handler=_purge_command)
    add_staff_commands(commands)
    cli_broadcast.register(commands)
    ops_cli.register(commands)
    cli_pipeline_commands.register(commands)
    cli_erase.register(commands)
    for name, command in commands.choices.items():
        if name not in WITHOUT_DATABASE_OPTION:
            add_database_option(command)
        if name in BESIDE_THE_BOT:
            command.description = (command.description or "") + NOT_UPGRADED
    return parser


def _run_command(args: argparse.Namespace) -> int:
    """`kocca-bot run`."""
    from bot import temp_folders
    from bot.content import load_content
    from bot.logs import setup_logging
    from bot.ops.runlock import DatabaseInUse, RunLock

    settings = settings_for(args)
    if settings.bot_token is None:
        print(SETUP_HINT, file=sys.stderr)
        return EXIT_CONFIG
    settings.controller()  # a SettingsError names what is missing: exit 2
    setup_logging(settings.log_level_number, secrets=settings.secrets())
    content = load_content(settings.content_dir)
    try:
        # Held while the bot runs: `kocca-bot restore` refuses meanwhile, and so does a second
        # bot on the same database. The kernel drops it however the process ends.
        lock = RunLock(settings.database_path).acquire()
    except DatabaseInUse as error:
        log.critical("Not starting: %s", error)
        return 1
    removed = temp_folders.remove_leftovers()  # exports a killed bot could not delete
    if removed:
        log.info("Deleted %d temporary folder(s) left by a bot that was stopped", removed)
    try:
        return asyncio.run(_serve(settings, content))
    finally:
        lock.release()


async def _serve(settings: Settings, content: Content) -> int:
    """Run until a signal arrives, then shut down cleanly."""
    from telegram.error import InvalidToken, NetworkError

    from bot.app import create_runner
    from bot.content_live import reload_on_hangup
    from bot.transport.failures import explain

    runner = await create_runner(settings, content=content)
    services = runner.application.bot_data["services"]
    workspace = server = None
    if settings.web_url:
        from bot.web.server import Workspace, WorkspaceServer  # only with WEB_URL

        workspace = Workspace(services, runner.application.bot)
    webhook = None
    if settings.webhook_url:
        from bot.transport.webhook import WebhookServer  # aiohttp.web: only webhook mode needs it

        # One server in webhook mode: the webhook, /healthz and the workspace.
        webhook = WebhookServer(runner, settings, mount=workspace.mount if workspace else None)
    elif workspace is not None:
        server = WorkspaceServer(
            workspace,
            settings.web_listen,
            settings.web_port,
            max_connections=settings.max_connections,
        )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    reload_on_hangup(loop, services.live_content, services.store)

    async def stop_serving() -> None:
        if webhook is not None:
            await webhook.stop()
        if server is not None:
            await server.stop()
        if workspace is not None:
            await workspace.stop()

    try:
        await runner.start(polling=webhook is None)
        if workspace is not None:
            await workspace.start()
        if webhook is not None:
            await webhook.start()
        if server is not None:
            await server.start()
    except (InvalidToken, NetworkError, OSError) as error:
        if isinstance(error, NetworkError):  # TimedOut too; after the transport's retries
            log.critical("Could not start: %s", unreachable_at_start(settings, error))
        else:
            log.critical("Could not start: %s", explain(error))
        await stop_serving()
        await runner.stop(grace=0)
        # The Bot API client was opened for getMe, but the application never finished
        # initialising, so its own shutdown leaves the connection pool alone.
        await runner.application.bot.request.shutdown()
        return 1
    log.info("Bot @%s is running; Ctrl-C or SIGTERM stops it", runner.application.bot.username)
    # What start-up made (content, the matcher's index, the libraries) lives as long as the
    # process: out of the cyclic collector's full passes, which walked all of it again and
    # again under load (docs/performance.md, "Free text at 1,000 talents").
    gc.freeze()
    await stop.wait()
    log.info("Stopping: finishing the updates in hand")
    await stop_serving()
    await runner.stop()
    log.info("Stopped")
    return 0


def unreachable_at_start(settings: Settings, error: Exception) -> str:
    """Why `run` stops when getMe failed on the network after its retries, in the operator's
    terms (the first line journalctl shows on a server without internet or DNS); the
    library's own words only after, as the cause."""
    from urllib.parse import urlsplit

    from bot.settings import Settings
    from bot.transport.failures import explain

    # The setting as written, so an operator compares it with their .env (a staff review s65,
    # finding 5: the default shown without its /bot read as a wrong setting); never a password
    # in it (the token is not part of it: the library appends it).
    parts = urlsplit(settings.bot_api_url)
    server = f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    configured = server + parts.path
    default = Settings.model_fields["bot_api_url"].default
    normally = "" if configured == default else f" (normally {default})"
    return (
        f"the Bot API cannot be reached at BOT_API_URL ({configured}); check BOT_API_URL"
        f"{normally} and this server's network and DNS, or run `kocca-bot doctor`. Exit"
        f" status 1: a systemd service is started again. Cause: {explain(error)}"
    )


def _chat_command(args: argparse.Namespace) -> int:
    """`kocca-bot chat`."""
    from bot.chat import ChatRefused, chat
    from bot.chat.keys import STILL_WORKING_AFTER
    from bot.content import load_content
    from bot.logs import setup_logging
    from bot.ops.runlock import DatabaseInUse
    from bot.settings import load_settings

    settings = load_settings()
    setup_logging(logging.WARNING)
    content = load_content(settings.content_dir)  # fail early with the list of problems
    try:
        return asyncio.run(
            chat(
                settings,
                database=args.database,
                first_name=args.name,
                telegram_language=args.telegram_language,
                user_id=args.user_id,
                real_talents=args.allow_real_talents,
                files=args.files,
                patience=STILL_WORKING_AFTER if args.patience is None else args.patience,
                content=content,  # checked once, not again when the bot starts
            )
        )
    except DatabaseInUse as error:
        print(f"Not starting: {error}", file=sys.stderr)
        return 1
    except ChatRefused as error:
        print(f"kocca-bot chat: not starting: {error}", file=sys.stderr)
        return EXIT_CONFIG


def _purge_command(args: argparse.Namespace) -> int:
    """`kocca-bot purge`."""
    from bot.settings import settings_with_flags

    overrides: dict[str, int] = {}
    if args.log_days is not None:
        overrides["log_retention_days"] = args.log_days
    if args.draft_days is not None:
        overrides["draft_retention_days"] = args.draft_days
    flags = {"log_retention_days": "--log-days", "draft_retention_days": "--draft-days"}
    if args.database is not None:
        overrides["database_path"] = args.database
        flags["database_path"] = "--database"
    settings = settings_with_flags(overrides, flags)
    if no_database(settings, args):
        return EXIT_CONFIG
    return asyncio.run(_purge(settings))


async def _purge(settings: Settings) -> int:
    from bot.privacy import format_purge, purge
    from bot.store import Store

    store = await Store.open(settings.database_path, upgrade=False)
    try:
        print(format_purge(await purge(store, settings)))
    finally:
        await store.close()
    return 0


def _iso_day(text: str) -> date:
    """A YYYY-MM-DD date in the years staff may ask about (argparse says it in one line)."""
    day = iso_day(text)
    if day is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date like 2026-01-31 (from {FIRST_YEAR} to {LAST_YEAR})"
        )
    return day


def _check_content_command(args: argparse.Namespace) -> int:
    """`kocca-bot check-content`."""
    from bot.content import load_content
    from bot.content_checks import forwarding_notes, review_warnings
    from bot.settings import load_settings

    settings = load_settings()
    folder = args.content_dir or settings.content_dir
    today = args.today or date.today()
    content = load_content(folder, today)
    print(
        f"{folder} is valid: {len(content.messages)} messages, {len(content.programs)} programs,"
        f" {len(content.faq)} FAQ entries, {len(content.questions)} questions,"
        f" {len(content.stages)} pipeline stages, in id and en."
    )
    forwarding = settings.forwarding()
    if forwarding is None:
        print("Leads are not passed on (FORWARD_TO is not set): no forwarding consent is asked.")
    else:
        where = "outside Indonesia" if forwarding.abroad else "in Indonesia"
        print(f"Leads may be passed on to {forwarding.recipient} ({where}), with consent.")
    for note in forwarding_notes(content, forwarding):
        print(f"  note: {note}")
    warnings = review_warnings(content, today)
    if warnings:
        print(f"{count_of(len(warnings), 'page')} due for review:")
        for warning in warnings:
            print(f"  warning: {warning}")
    return 0
