"""`kocca-bot broadcast`: queue an announcement from the server; the running bot delivers it."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from bot.cli_settings import settings_for
from bot.content import html_error, load_content
from bot.outreach.audience import Audience, count, describe, parse_audience
from bot.outreach.broadcast import format_wib, parse_wib
from bot.settings import Settings
from bot.store import Store, Version, utc_now
from bot.store.audit import Actor

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
        ),
    )
    parser.add_argument(
        "--text-file", type=Path, required=True, help="the announcement, in Telegram HTML"
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
        "--at", metavar='"YYYY-MM-DD HH:MM"', help="send at this time, WIB (default: now)"
    )
    parser.add_argument("--yes", action="store_true", help="queue without asking")
    parser.set_defaults(handler=_broadcast_command)


def _broadcast_command(args: argparse.Namespace) -> int:
    """Check everything, show the count, confirm, queue."""
    settings = settings_for(args)
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
        f"{recipients} subscriber(s) would receive this announcement"
        f" ({describe(audience, content)}), {when}."
    )
    if recipients == 0:
        print("Nothing to send; not queued.")
        return EXIT_NOT_QUEUED
    if not args.yes and input("Queue it? [y/N] ").strip().lower() not in ("y", "yes"):
        print("Not queued.")
        return EXIT_NOT_QUEUED
    broadcast_id, frozen = asyncio.run(_queue(settings, main, english, audience, send_at))
    print(
        f"Queued announcement #{broadcast_id} for {frozen} recipient(s), {when}."
        " The running bot delivers it; cancel it with /broadcast in the bot."
    )
    return 0


def _version(path: Path) -> Version:
    """A text file as one version of the announcement; its HTML must be Telegram's."""
    text = path.read_text(encoding="utf-8").strip()
    if not text:
        raise ValueError(f"{path} is empty")
    problem = html_error(text)
    if problem:
        raise ValueError(f"{path}: {problem}")
    return Version("text", text)


def _send_at(at: str | None) -> str:
    """The stored UTC time to send at: now, or a future WIB time."""
    if at is None:
        return utc_now()
    send_at = parse_wib(at)
    if send_at is None:
        raise ValueError(f'--at {at!r}: write the WIB time as "YYYY-MM-DD HH:MM"')
    if send_at <= utc_now():
        raise ValueError(f"--at {at!r} is in the past")
    return send_at


async def _count(settings: Settings, audience: Audience) -> int:
    store = await Store.open(settings.database_path)
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
    store = await Store.open(settings.database_path)
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
