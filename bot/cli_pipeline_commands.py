"""The arguments of `kocca-bot lead` and `kocca-bot audit`; their handlers are in
bot/cli_pipeline.py.

Apart from the handlers so that registering the two commands imports nothing heavy (start-up
time of the command line): bot/cli_pipeline.py, with the pipeline, the store and the
exporter's helpers, is imported when one of them runs.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any


def register(commands: Any) -> None:
    """Add `lead` and `audit` to the `kocca-bot` subcommands."""
    lead = commands.add_parser(
        "lead",
        help="print a lead as staff see it, or move it, note it (for scripts)",
        description=(
            "Print a lead as staff see it in Telegram (the talent's answers and contacts, stage,"
            " assignee, notes, history), or move it to a stage (--stage), and/or keep"
            " a note on it (--note). With --notify, the stage's message from content/stages.yaml"
            " is queued for the talent; the bot sends it (at once if it is running, otherwise"
            " when it next starts) and reports in the staff chat. Without --notify nothing is"
            " sent. A stage that needs a consent the talent has not given (Forwarded needs their"
            " consent to forwarding to FORWARD_TO) is refused, and with FORWARD_TO unset no"
            " lead can be moved there. Every change, and every look at a lead, is"
            " recorded in the audit log as done from the command line."
        ),
    )
    lead.add_argument("reference", help="the lead's reference, e.g. KOC-000123")
    lead.add_argument(
        "--stage", help="move the lead to this stage (its key or label in stages.yaml, any case)"
    )
    lead.add_argument(
        "--notify",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="with --stage: send the stage's message to the talent (default: --no-notify)",
    )
    lead.add_argument("--note", help="keep this note on the lead (at most 2,000 characters)")
    lead.add_argument(
        "--language",
        choices=("id", "en"),
        help="language of the printed page (default: DEFAULT_LANGUAGE)",
    )
    lead.set_defaults(handler=_lead_command)

    audit = commands.add_parser(
        "audit",
        help="print the record of staff actions (UU PDP Pasal 31)",
        description=(
            "Print the audit log: who (a staff member by name and Telegram id, the command"
            " line, or the talent cancelling their own registration) did what (stage"
            " change, note, assignment, export with its filters, broadcast queued or"
            " cancelled, lead viewed, ...) on which lead, and when. A lead whose talent asked"
            " for erasure shows the erasure hash instead of its reference. Most lines say who"
            " saw which leads (listed, viewed, searched); --changes shows only what staff"
            " changed or sent. Content reloads are shown among the entries at their time"
            " (content_reloaded or content_reload_refused with its problems: /reload by a"
            " staff member, or the server's SIGHUP), except with --lead."
        ),
    )
    audit.add_argument(
        "--since",
        type=_day,
        metavar="DATE",
        help="from this WIB date on (2026-01-31 or 31-01-2026)",
    )
    audit.add_argument("--admin", type=int, metavar="ID", help="only this staff member's actions")
    audit.add_argument(
        "--lead",
        metavar="KOC-…",
        help="only actions on this lead (talent:<telegram id> for a talent without one)",
    )
    audit.add_argument(
        "--changes",
        action="store_true",
        help=(
            "only what staff changed or sent: leave out leads and questions listed, leads"
            " viewed or searched, stage messages previewed and digests asked for (recorded,"
            " as who saw whose data, but most of the lines)"
        ),
    )
    audit.add_argument(
        "--format", choices=("text", "csv"), default="text", help="text (default) or csv"
    )
    audit.set_defaults(handler=_audit_command)


def _day(text: str) -> date:
    from bot.leads.export import FilterError, parse_day

    try:
        return parse_day(text)
    except FilterError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _lead_command(args: argparse.Namespace) -> int:
    from bot.cli_pipeline import lead_command

    return lead_command(args)


def _audit_command(args: argparse.Namespace) -> int:
    from bot.cli_pipeline import audit_command

    return audit_command(args)
