"""`kocca-bot lead` and `kocca-bot audit`: the pipeline and its record on the command line.

Both open the SQLite file themselves (safe while the bot runs). A talent message queued by
`kocca-bot lead --notify` is delivered by the bot (at once if it runs, else when it starts),
which reports in the staff chat. Their arguments are in bot/cli_pipeline_commands.py, which
imports this module only when one of the two commands runs; the pipeline (with the bot's
statistics and python-telegram-bot behind it) is imported by `lead` alone.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import re
import sys
from typing import Any

from bot.cli_staff import prepare
from bot.content import Content
from bot.leads import export, records
from bot.ops.runlock import running_pid
from bot.settings import Forwarding, Settings
from bot.store import Store
from bot.store.applications import parse_reference
from bot.store.audit import CLI, STAFF_CHAT, Actor, AuditEntry, AuditQuery
from bot.store.pipeline import Move
from bot.store.records import TALENT
from bot.telegram_html import parse_html
from bot.terminal_text import printable

EXIT_USAGE = 2
EXIT_NOT_DONE = 1
AUDIT_COLUMNS = [
    "time_wib",
    "time_utc",
    "actor",
    "actor_id",
    "actor_name",
    "via",
    "action",
    "lead",
    "detail",
]


def lead_command(args: argparse.Namespace) -> int:
    """`kocca-bot lead`."""
    from bot.leads import stage_changes
    from bot.leads.stage_changes import NoteError

    prepared = prepare(args)
    reference = parse_reference(args.reference)
    if prepared is None or reference is None:
        if reference is None:
            print(f"{args.reference!r} is not a reference like KOC-000123", file=sys.stderr)
        return EXIT_USAGE
    settings, content = prepared
    if args.notify and args.stage is None:
        print("--notify sends a stage's message: say which stage with --stage", file=sys.stderr)
        return EXIT_USAGE
    if args.stage is not None:  # a key, or a label in either language, any case
        args.stage = records.find_stage(content, args.stage) or args.stage
    if args.stage is not None and args.stage not in content.stages:
        known = ", ".join(content.stages)
        print(f"Unknown stage {args.stage!r}: use one of {known}", file=sys.stderr)
        return EXIT_USAGE
    if args.note is not None:
        try:
            args.note = stage_changes.check_note(args.note)
        except NoteError as error:
            print(f"The note cannot be kept: {error}", file=sys.stderr)
            return EXIT_USAGE
    return asyncio.run(_lead(settings, content, reference, args))


async def _lead(settings: Settings, content: Content, reference: str, args: Any) -> int:
    from bot.leads import stage_changes
    from bot.leads.pipeline_stages import StageError

    language = args.language or settings.default_language
    store = await Store.open(settings.database_path, upgrade=False)
    try:
        lead = await store.leads.by_reference(reference)
        if lead is None:
            print(f"No lead {reference} (never submitted, or erased).", file=sys.stderr)
            return EXIT_NOT_DONE
        actor = Actor.cli()
        if args.stage is not None:
            try:
                move = await stage_changes.change_stage(
                    store,
                    content,
                    lead.application_id,
                    args.stage,
                    actor=actor,
                    notify=bool(args.notify),
                    forwarding=settings.forwarding(),
                    report_chat_id=settings.staff_chat_id,
                )
            except StageError:  # checked above; content cannot change in between
                return EXIT_USAGE
            bot_runs = running_pid(settings.database_path) is not None
            said = _moved(
                content,
                language,
                reference,
                args.stage,
                move,
                bot_runs=bot_runs,
                forwarding=settings.forwarding(),
            )
            if move.outcome in ("gone", "no_consent", "closed_duplicate", "withdrawn"):
                print(said, file=sys.stderr)
                return EXIT_NOT_DONE
            print(said)
        if args.note is not None:
            note = await store.pipeline.add_note(lead.application_id, actor, args.note)
            print(f"{reference}: note kept." if note else f"{reference}: erased meanwhile.")
        state = await store.pipeline.state(lead.application_id)
        if state is not None and args.stage is None and args.note is None:
            await store.audit.add(actor, "lead_viewed", state.reference)  # before it is shown
            # The page staff read in Telegram, as text: the same words, from the same code.
            from handlers.pipeline import lead_page_text  # wiring, like app.py: not at import

            page = await lead_page_text(store, content, settings, language, lead)
            if page is not None:
                print(printable(parse_html(page)[0], keep_newlines=True))
    finally:
        await store.close()
    return 0


def _moved(
    content: Content,
    language: str,
    reference: str,
    stage: str,
    move: Move,
    *,
    bot_runs: bool,
    forwarding: Forwarding | None,
) -> str:
    """One line saying what became of the move."""
    from bot.leads import pipeline_stages

    label = pipeline_stages.stage_label(content, stage, language)
    if move.outcome == "gone":
        return f"{reference} was erased meanwhile; nothing saved."
    if move.outcome == "same":
        return f"{reference} is already at {label}; nothing changed."
    if move.outcome == "closed_duplicate":
        kept = move.state.closed_of if move.state and move.state.closed_of else "a deleted lead"
        return (
            f"{reference} is closed as a duplicate of {kept}: its stage was not changed and"
            " nothing was sent. Reopen it first (↩️ Reopen on its page in Telegram or the"
            " workspace)."
        )
    if move.outcome == "withdrawn":
        return (
            f"{reference} was canceled by the registrant themselves: its stage was not changed"
            " and nothing was sent. Don't contact them about this registration."
        )
    if move.outcome == "no_consent" and forwarding is None:
        return (
            f"{reference} cannot be moved to {label}: this bot passes no leads on (FORWARD_TO"
            " is not set; see docs/staff-guide.md). Nothing saved, nothing sent."
        )
    if move.outcome == "no_consent" and forwarding is not None:
        return (
            f"{reference} cannot be moved to {label}: the talent has not agreed to their data"
            f" being forwarded to {forwarding.recipient} (transfer_korea). Nothing saved,"
            " nothing sent."
        )
    if move.update_id is not None:
        when = (
            "the running bot sends it now"
            if bot_runs
            else "no bot is running on this database, so it will be sent when the bot starts"
        )
        return f"{reference} moved to {label}; the talent update is queued ({when})."
    has_message = content.stages[stage].message is not None
    hint = " (no update sent; --notify sends the stage's message)" if has_message else ""
    return f"{reference} moved to {label}.{hint}"


def audit_command(args: argparse.Namespace) -> int:
    """`kocca-bot audit`."""
    prepared = prepare(args)
    if prepared is None:
        return EXIT_USAGE
    settings, _ = prepared
    lead = None
    if args.lead is not None:
        lead = parse_reference(args.lead) or args.lead  # an erasure hash works too
    since = None if args.since is None else export.start_of_day_utc(args.since)
    query = AuditQuery(since, args.admin, lead, changes_only=args.changes)
    return asyncio.run(_audit(settings, query, args.format))


async def _audit(settings: Settings, query: AuditQuery, kind: str) -> int:
    store = await Store.open(settings.database_path, upgrade=False)
    writer = csv.writer(sys.stdout) if kind == "csv" else None
    if writer is not None:
        writer.writerow(AUDIT_COLUMNS)
    names: dict[int, str] = {}

    async def show(entry: AuditEntry) -> None:
        await _learn_names(store, entry, names)
        if writer is not None:
            writer.writerow([export.neutralise(cell) for cell in _cells(entry, names)])
        else:
            print(_line(entry, names))

    try:
        # Content reloads (/reload, SIGHUP) are kept in a table of their own: shown among
        # the entries at their time, about no lead (a staff review s60, L4).
        reloads = [] if query.lead_ref is not None else await _reloads(store, query)
        async with store.audit.read(query) as entries:
            async for entry in entries:
                while reloads and reloads[0].created_at <= entry.created_at:
                    await show(reloads.pop(0))
                await show(entry)
        for reload in reloads:
            await show(reload)
    finally:
        await store.close()
    return 0


RELOADED = "content_reloaded"
RELOAD_REFUSED = "content_reload_refused"
SERVER = "server"  # a reload asked on the server (SIGHUP: systemctl reload)


async def _reloads(store: Store, query: AuditQuery) -> list[AuditEntry]:
    """The content reloads the query covers, as entries: by the staff member who sent
    /reload, or the server (SIGHUP); refused ones with how many problems and the first."""
    found = await store.content_log.reloads_since(query.since, query.admin_id)
    entries = []
    for reload in found:
        actor = Actor.staff(reload.staff_id) if reload.staff_id is not None else Actor(SERVER)
        detail: dict[str, Any] = {"trigger": reload.trigger}
        if not reload.accepted:
            first = reload.problems[0] if reload.problems else None
            detail.update(problems=len(reload.problems), first=first)
        action = RELOADED if reload.accepted else RELOAD_REFUSED
        entries.append(AuditEntry(0, reload.at, actor, action, None, detail))
    return entries


# Details that hold a staff member's id (an assignment's before and after; a refused one's
# wanted assignee, the one its page showed, and the one who has the lead now).
_STAFF_DETAILS = {
    "assigned": ("before", "after"),
    "assign_refused": ("wanted", "seen", "current"),
}


async def _learn_names(store: Store, entry: AuditEntry, names: dict[int, str]) -> None:
    """The staff named by an entry (the bot knows their Telegram first name), once each."""
    ids = [
        entry.actor.user_id,
        *(entry.detail.get(key) for key in _STAFF_DETAILS.get(entry.action, ())),
    ]
    unknown = {user_id for user_id in ids if isinstance(user_id, int) and user_id not in names}
    if unknown:
        names.update(await records.staff_names(store, unknown))


def _named(entry: AuditEntry, names: dict[int, str]) -> dict[str, Any]:
    """The entry's details with staff ids as "Rina (123456)"."""
    detail = dict(entry.detail)
    for key in _STAFF_DETAILS.get(entry.action, ()):
        if isinstance(detail.get(key), int):
            detail[key] = records.name_with_id(names, detail[key])
    return detail


def _cells(entry: AuditEntry, names: dict[int, str]) -> list[str]:
    actor = "" if entry.actor.user_id is None else str(entry.actor.user_id)
    name = "" if entry.actor.user_id is None else names.get(entry.actor.user_id, "")
    detail = json.dumps(_named(entry, names), ensure_ascii=False, sort_keys=True)
    return [
        export.wib_text(entry.created_at),
        entry.created_at,
        _role(entry),
        actor,
        name,
        entry.actor.via,
        entry.action,
        entry.lead_ref or "",
        detail,
    ]


# A time as the store keeps it (ISO, UTC): 2026-12-05T02:00:00.000000+00:00.
_STORED_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00")


def _shown(value: Any) -> Any:
    """A detail for people: a stored time in WIB like the line's own (CSV keeps it as is)."""
    if isinstance(value, str) and _STORED_TIME.fullmatch(value):
        return f"{export.wib_text(value)} WIB"
    return value


# What any member of the staff group may do there (STAFF_REPLY_ANYONE): answer a talent.
_ANYONE_IN_GROUP = frozenset({"talent_answered", "talent_answer_held", "talent_answer_corrected"})


def _role(entry: AuditEntry) -> str:
    """Who acted, as a kind: `admin` or `staff` (a person, named beside it), `cli` (the
    server's command line), `anonymous admin` (an admin of the staff group hidden as the
    group: no user id), `talent` (the registrant themselves, cancelling their registration:
    recorded without their Telegram id, which the log keeps through an erasure)."""
    if entry.actor.user_id is not None:
        # In the staff group any member may answer with STAFF_REPLY_ANYONE: not "admin" there;
        # what only admins do there (stage moves, notes) is still an admin's.
        group_answer = entry.action in _ANYONE_IN_GROUP
        return "staff" if entry.detail.get("from") == STAFF_CHAT and group_answer else "admin"
    if entry.actor.via == CLI:
        return "cli"
    if entry.actor.via == SERVER:
        return "server"
    if entry.detail.get("by") == TALENT:
        return "talent"
    return "anonymous admin"  # Telegram without a user id: the staff group's hidden admin


def _line(entry: AuditEntry, names: dict[int, str]) -> str:
    """One entry for people: time (WIB), who (kind, and name and id for a person), what,
    which lead, details.

    Values may come from staff buttons' callback data: control characters are shown
    escaped, so no entry can fake a line break, a second entry, or terminal codes.
    """
    user_id = entry.actor.user_id
    who = _role(entry)
    if user_id is not None:
        who = f"{who} {records.name_with_id(names, user_id)}"
    details = " ".join(
        f"{key}={_shown(value)}" for key, value in _named(entry, names).items() if value is not None
    )
    lead = entry.lead_ref or "-"
    line = (
        f"{export.wib_text(entry.created_at)} WIB  {who:<16} {entry.action:<22} {lead}  {details}"
    )
    return printable(line)
