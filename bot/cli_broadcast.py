"""`kocca-bot broadcast`: queue an announcement from the server; the running bot delivers it."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cli_settings import no_database, settings_for
from bot.parsing import FIRST_YEAR, LAST_YEAR
from bot.terminal_text import count_of

# Registering the command imports nothing heavy (start-up time of the command line): the
# content, the audiences and the store are imported by the functions that use them.
if TYPE_CHECKING:
    from bot.outreach.audience import Audience
    from bot.settings import Settings
    from bot.store import Version

EXIT_USAGE = 2
EXIT_NOT_QUEUED = 1


def register(commands: Any) -> None:
    """Add the `broadcast` subcommand to the `kocca-bot` parser."""
    parser = commands.add_parser(
        "broadcast",
        help="queue an announcement to subscribers; the running bot delivers it",
        description=(
            "Queue an announcement for the talents who subscribed to announcements (and have"
            " not blocked the bot). The text file holds Telegram HTML (<b>, <i>, <a href>;"
            " write & as &amp;). The recipient list is fixed now; the running bot (`kocca-bot"
            " run`) sends it at about BROADCAST_RATE messages a second and reports progress"
            " in the staff chat. Prints the number of recipients and asks before queueing."
            " --list shows the announcements waiting or being sent; --cancel N stops one."
        ),
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--text-file", type=Path, help="the announcement, in Telegram HTML")
    action.add_argument(
        "--list", action="store_true", help="list the scheduled and running announcements"
    )
    action.add_argument(
        "--cancel", type=int, metavar="N", help="cancel the scheduled or running announcement #N"
    )
    parser.add_argument(
        "--english-file",
        type=Path,
        help="an English version for subscribers who use the bot in English",
    )
    parser.add_argument(
        "--audience",
        default="all",
        help=(
            "all (default), sector=music|film (musik works too), language=id|en,"
            " province=<value or name, e.g. jawa_barat>, source=<deep-link source>,"
            " or stage=<pipeline stage, e.g. shortlist>"
        ),
    )
    parser.add_argument(
        "--at",
        metavar='"YYYY-MM-DD HH:MM"',
        help='send at this time, WIB; the day first works too: "31-01-2026 09.00", and'
        ' "besok 09.00", "8/12 jam 9 pagi" (docs/announcements.md; default: now)',
    )
    parser.add_argument("--yes", action="store_true", help="queue without asking")
    parser.set_defaults(handler=_broadcast_command)


def _broadcast_command(args: argparse.Namespace) -> int:
    """Check everything, show the count, confirm, queue (or list, or cancel)."""
    from bot.content import load_content
    from bot.outreach.audience import describe, parse_audience
    from bot.outreach.broadcast import format_wib

    settings = settings_for(args)
    if no_database(settings, args):
        return EXIT_USAGE
    if args.list:
        return asyncio.run(_list(settings))
    if args.cancel is not None:
        return asyncio.run(_cancel(settings, args.cancel))
    content = load_content(settings.content_dir)
    try:
        main = _version(args.text_file)  # AudienceError is a ValueError too
        english = _version(args.english_file) if args.english_file else None
        audience = parse_audience(args.audience, content)
        send_at = _send_at(args.at)
    except (ValueError, OSError) as error:
        print(f"kocca-bot broadcast: {error}", file=sys.stderr)
        return EXIT_USAGE
    recipients = asyncio.run(_count(settings, audience))
    when = "now" if args.at is None else f"at {format_wib(send_at)} WIB"
    print(
        f"{count_of(recipients, 'subscriber')} would receive this announcement"
        f" ({describe(audience, content)}), {when}."
    )
    if recipients == 0:
        print("Nothing to send; not queued.")
        return EXIT_NOT_QUEUED
    if not args.yes:
        try:
            answer = input("Queue it? [y/N] ")
        except EOFError:  # cron, ssh without a terminal: nobody answered
            print(
                "\nkocca-bot broadcast: nobody answered (standard input is empty or not a"
                " terminal); not queued. Add --yes to queue without asking.",
                file=sys.stderr,
            )
            return EXIT_USAGE
        if answer.strip().lower() not in ("y", "yes"):
            print("Not queued.")
            return EXIT_NOT_QUEUED
    broadcast_id, frozen = asyncio.run(_queue(settings, main, english, audience, send_at))
    print(
        f"Queued announcement #{broadcast_id} for {count_of(frozen, 'recipient')}, {when}."
        f" {_who_delivers(settings)} Cancel it with `kocca-bot broadcast --cancel"
        f" {broadcast_id}` or /broadcast in the bot."
    )
    return 0


def _who_delivers(settings: Settings) -> str:
    """Whether a bot will deliver what was queued: an operator queueing on a database no bot
    runs on would otherwise wait for nothing."""
    from bot.ops.runlock import running_pid

    if running_pid(settings.database_path) is not None:
        return "The running bot delivers it."
    return "No bot is running on this database: it goes out once the bot starts."


async def _list(settings: Settings) -> int:
    """`kocca-bot broadcast --list`: what is waiting or being sent, soonest first."""
    from bot.outreach.broadcast import format_wib
    from bot.store import Store, utc_now

    store = await Store.open(settings.database_path, upgrade=False)
    try:
        active = await store.broadcasts.active()
        if not active:
            print("No announcement is scheduled or being sent.")
        for item in active:
            if item.status == "queued" and item.send_at is not None and item.send_at > utc_now():
                state = f"scheduled for {format_wib(item.send_at)} WIB"
            else:
                tally = await store.broadcasts.tally(item.id)
                state = f"sending: {tally.sent} of {item.total} sent"
            recipients = count_of(item.total, "recipient")
            print(f"#{item.id}  {state}; audience {item.audience}, {recipients}")
        if active:
            print(_who_delivers(settings))
    finally:
        await store.close()
    return 0


async def _cancel(settings: Settings, broadcast_id: int) -> int:
    """`kocca-bot broadcast --cancel N`: stop one; the running bot stops within a second."""
    from bot.outreach.control import cancel_broadcast
    from bot.store import Store
    from bot.store.audit import Actor

    store = await Store.open(settings.database_path, upgrade=False)
    try:
        if await cancel_broadcast(store, Actor.cli(), broadcast_id):
            print(f"Announcement #{broadcast_id} cancelled: nothing more of it is sent.")
            return 0
        status = await store.broadcasts.status(broadcast_id)
    finally:
        await store.close()
    if status is None:
        print(f"There is no announcement #{broadcast_id}.", file=sys.stderr)
    else:
        ended = f"Announcement #{broadcast_id} is not scheduled or running ({status})."
        print(ended, file=sys.stderr)
    return EXIT_NOT_QUEUED


def _version(path: Path) -> Version:
    """A text file as one version of the announcement; its HTML must be Telegram's."""
    from bot.content import html_error
    from bot.store import Version

    text = path.read_text(encoding="utf-8").strip()
    if not text:
        raise ValueError(f"{path} is empty")
    problem = html_error(text)
    if problem:
        raise ValueError(f"{path}: {problem}")
    return Version("text", text)


def _send_at(at: str | None) -> str:
    """The stored UTC time to send at: now, or a future WIB time."""
    from bot.outreach.broadcast import parse_wib
    from bot.store import utc_now

    if at is None:
        return utc_now()
    send_at = parse_wib(at)
    if send_at is None:
        raise ValueError(
            f'--at {at!r}: write the WIB time as "2026-01-31 09:00", "31-01-2026 09.00"'
            ' or "besok 09.00"'
            f" (from {FIRST_YEAR} to {LAST_YEAR})"
        )
    if send_at <= utc_now():
        raise ValueError(f"--at {at!r} is in the past")
    return send_at


async def _count(settings: Settings, audience: Audience) -> int:
    from bot.outreach.audience import count
    from bot.store import Store

    store = await Store.open(settings.database_path, upgrade=False)
    try:
        return await count(store.broadcasts, audience)
    finally:
        await store.close()


async def _queue(
    settings: Settings,
    main: Version,
    english: Version | None,
    audience: Audience,
    send_at: str,
) -> tuple[int, int]:
    from bot.store import Store
    from bot.store.audit import Actor

    store = await Store.open(settings.database_path, upgrade=False)
    try:
        broadcast_id, total = await store.broadcasts.create_queued(
            main,
            english,
            audience.kind,
            audience.value,
            str(audience),
            send_at,
            settings.staff_chat_id,
        )
        await store.audit.add(
            Actor.cli(),
            "broadcast_queued",
            None,
            broadcast=broadcast_id,
            audience=str(audience),
            recipients=total,
            send_at=send_at,
        )
        return broadcast_id, total
    finally:
        await store.close()
