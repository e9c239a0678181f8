"""`kocca-bot export` and `kocca-bot stats`: the staff desk on the server's command line.

Both open the SQLite file themselves, so they work while the bot is running (WAL mode).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import logging
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cli_settings import no_database, settings_for
from bot.terminal_text import printable

# Registering the commands imports nothing heavy (start-up time of the command line): the
# handlers import the exporter, the statistics and the matcher when their command runs. The
# choices below are the exporter's (export.FORMATS, sorted(export.SECTOR_ALIASES)), written
# out for that; tests/test_cli_startup.py checks that they agree.
FORMATS = ("csv", "xlsx")
SECTORS = ("film", "music", "musik")

if TYPE_CHECKING:
    from bot.answers.matcher import Matcher
    from bot.content import Content
    from bot.leads import export
    from bot.leads.export import ExportRequest
    from bot.settings import Settings

EXIT_USAGE = 2


def add_staff_commands(commands: Any) -> None:
    """Add `export` and `stats` to the `kocca-bot` subcommands."""
    exporter = commands.add_parser(
        "export",
        help="write the leads to a CSV or XLSX file (the same file /export sends)",
        description=(
            "Write submitted leads to a spreadsheet file: one row per lead, one column per"
            " question of content/intake.yaml, headers and labels in --language, times in"
            " WIB. Cells that"
            " a spreadsheet would run as a formula start with a ' (see docs/staff-guide.md)."
            " Reads DATABASE_PATH; safe to run while the bot is running."
        ),
    )
    exporter.add_argument("--format", choices=FORMATS, required=True, help="file type")
    exporter.add_argument(
        "--output",
        type=Path,
        required=True,
        help="file to write (must not exist, see --force), or a folder to write it in, named"
        " as /export names it in --language (kocca-leads-music-…-2026-01-15-1403.csv)",
    )
    exporter.add_argument(
        "--force", action="store_true", help="overwrite the --output file if it exists"
    )
    exporter.add_argument("--sector", choices=SECTORS, help="only musicians or filmmakers")
    exporter.add_argument(
        "--since",
        type=_day,
        metavar="DATE",
        help="only leads sent on or after this WIB date (2026-01-31 or 31-01-2026)",
    )
    exporter.add_argument(
        "--stage",
        help="only leads at this pipeline stage (its key or label in content/stages.yaml)",
    )
    exporter.add_argument(
        "--drafts",
        action="store_true",
        help="also include unsubmitted forms (adds a Status column)",
    )
    exporter.add_argument(
        "--language",
        choices=("id", "en"),
        help="language of the headers and labels (default: DEFAULT_LANGUAGE)",
    )
    exporter.set_defaults(handler=_export_command)

    stats_parser = commands.add_parser(
        "stats",
        help="print the statistics /stats shows",
        description=(
            "Print the funnel, leads by sector, role, province, day (last 14 days, WIB) and"
            " source, the announcement audience, and the lead pipeline (leads per stage, median"
            " days to first contact, stages by sector). Reads DATABASE_PATH; safe to run while"
            " the bot is running."
        ),
    )
    stats_parser.add_argument(
        "--language",
        choices=("id", "en"),
        help="language of the labels (default: DEFAULT_LANGUAGE)",
    )
    stats_parser.set_defaults(handler=_stats_command)


def _day(text: str) -> date:
    from bot.leads.export import FilterError, parse_day

    try:
        return parse_day(text)
    except FilterError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def prepare(args: argparse.Namespace) -> tuple[Settings, Content] | None:
    """Settings and content, or None (with a message) when there is no database to read."""
    from bot.ask_off import for_deployment
    from bot.content import load_content
    from bot.logs import setup_logging

    settings = settings_for(args)
    setup_logging(logging.WARNING)
    content = for_deployment(load_content(settings.content_dir), settings)
    if no_database(settings, args):
        return None
    return settings, content


def _export_command(args: argparse.Namespace) -> int:
    """`kocca-bot export`."""
    from bot.leads import records
    from bot.leads.export import ExportRequest

    prepared = prepare(args)
    if prepared is None:
        return EXIT_USAGE
    settings, content = prepared
    if args.stage is not None:  # a key, or a label in either language, any case
        args.stage = records.find_stage(content, args.stage) or args.stage
    if args.stage is not None and args.stage not in content.stages:
        known = ", ".join(content.stages)
        print(
            f"kocca-bot export: unknown stage {args.stage!r}; use one of {known}", file=sys.stderr
        )
        return EXIT_USAGE
    request = ExportRequest.of(args.sector, args.since, args.drafts, args.stage)
    language = args.language or settings.default_language
    if args.output.is_dir() and not args.output.is_symlink():  # named as /export names it
        now = datetime.now(UTC)
        args.output = args.output / request.file_name(args.format, now, content, language)
    if args.output.is_symlink():  # even with --force: opening it refuses (O_NOFOLLOW)
        print(
            f"kocca-bot export: {args.output} is a symbolic link; it does not write through"
            " one: give the real file's path or another --output",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.output.exists() and not args.force:
        print(
            f"kocca-bot export: {args.output} already exists; choose another --output,"
            " or add --force to overwrite it",
            file=sys.stderr,
        )
        return EXIT_USAGE
    written = asyncio.run(_export(settings, content, request, args.format, args.output, language))
    leads = f"{written.leads} lead" + ("" if written.leads == 1 else "s")
    drafts = f" and {written.drafts} draft" + ("" if written.drafts == 1 else "s")
    print(f"Wrote {leads}{drafts if request.drafts else ''} to {args.output}")
    if written.closed_left_out:  # counted in no stage, as /stats counts them
        left = written.closed_left_out
        print(
            f"Left out {left} lead{'' if left == 1 else 's'} at this stage closed as a duplicate"
            " (counted in no stage); export without --stage to include them"
        )
    return 0


async def _export(
    settings: Settings,
    content: Content,
    request: ExportRequest,
    kind: export.Format,
    path: Path,
    language: str,
) -> export.Written:
    from bot.leads import export
    from bot.store import Store
    from bot.store.audit import Actor

    store = await Store.open(settings.database_path, upgrade=False)
    try:
        await store.audit.add(Actor.cli(), "export", None, **request.describe(), file=path.name)
        forwards = settings.forwarding() is not None
        return await export.write_exports(
            store, content, request.filter, {kind: path}, forwards=forwards, language=language
        )
    finally:
        await store.close()


def _stats_command(args: argparse.Namespace) -> int:
    """`kocca-bot stats`."""
    from bot.leads import export

    prepared = prepare(args)
    if prepared is None:
        return EXIT_USAGE
    settings, content = prepared
    language = args.language or settings.default_language
    # Talents' own words are in it (unanswered questions): their control codes shown escaped.
    report = export.plain_text(asyncio.run(_report(settings, content, language)))
    print(printable(report, keep_newlines=True))
    return 0


async def _report(settings: Settings, content: Content, language: str) -> str:
    from bot.answers import stats as question_stats
    from bot.answers.desk import thresholds
    from bot.leads import pipeline_stats, stats
    from bot.store import Store

    store = await Store.open(settings.database_path, upgrade=False)
    now = datetime.now(UTC)
    try:
        numbers = await stats.compute(store, now, settings.admin_ids)
        flow = await pipeline_stats.compute_stats(store, content, now)
        asked = await question_stats.compute(store, now, settings.admin_ids)
        taught = await store.taught.pairs()
    finally:
        await store.close()
    report = stats.report(numbers, content, language, settings)
    report += f"\n\n{pipeline_stats.stats_report(flow, content, language)}"
    needed = thresholds(settings)

    @functools.cache
    def matcher() -> Matcher:
        from bot.answers.matcher import Matcher  # numpy and bm25s: only with a question listed

        return Matcher.build(content, taught)

    def answers_now(text: str) -> str | None:
        return question_stats.answer_now(text, content, matcher(), needed)

    return f"{report}\n\n{question_stats.report(asked, content, language, answers_now)}"
