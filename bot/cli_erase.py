"""`kocca-bot erase`: a talent's erasure made by the operator, for a request that reached the
team outside the bot (an e-mail to the controller's contact; a talent who lost the Telegram
account they registered from).

It is the talent's own /hapusdata on the server: the same function of the store
(`Privacy.erase`: every table, deleted rows zeroed, the WAL emptied, a keyed record of the
erasure kept so a restored backup erases them again, the staff notice of the references to
clean up), then the kept databases a restore left beside the database, as the running bot's
after-erasure hook does. Refused while a bot runs on the database: the running bot holds what
it has read about the talent in memory (exports waiting in the workspace, statistics, the
free-question index) and clears it only on its own erasures; the command takes the run lock,
as `restore` does, so no bot starts meanwhile.

Registering the command imports nothing heavy (start-up time of the command line); the store,
the content and the matcher's word list are imported when it runs.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.content import Content
    from bot.settings import Settings
    from bot.store import Store

EXIT_NOT_DONE = 1
EXIT_USAGE = 2
AUDIT_ACTION = "talent_erased"
STAFF_ACTION = "staff_erased"  # an id in ADMIN_IDS (or the staff chat's), erased on purpose
STAFF_FLAG = "--staff-member"
YES = ("y", "yes", "ya")
# Said when the database cannot be read (bot/cli_unreadable.py): before the erasure's commit,
# and after it (what follows it: the WAL emptied, kept databases, the audit log entry).
NOTHING_ERASED = "Nothing was erased."
ERASED_THEN_FAILED = (
    "The talent IS erased (that was saved), but what follows did not finish: the WAL emptied,"
    " kept databases, the audit log entry."
)


def register(commands: Any) -> None:
    """Add `erase` to the `kocca-bot` subcommands."""
    erase = commands.add_parser(
        "erase",
        help="erase everything stored about a talent, as their own /hapusdata does",
        description=(
            "Erase everything the bot stores about one talent, exactly as their own /hapusdata"
            " does: every registration of their Telegram account (not only the one named),"
            " their conversation, consents, questions and subscriptions; the deleted rows are"
            " zeroed and the database's WAL emptied, so no copy stays in the database files;"
            " databases a restore kept beside it are erased in too. Only a keyed hash of the"
            " Telegram id and the time are kept, so that restoring an older backup erases"
            " them again. For a request that reached the team outside the bot (e-mail, a"
            " talent who lost the account they registered from): check who asks first"
            " (docs/staff-guide.md, 'Requests for a copy or erasure'). A talent who can"
            " still use the bot does it themselves with /hapusdata. Asks for confirmation"
            " unless --yes. Refused while the bot runs on the database: stop it, erase, start"
            " it again. The staff chat is told which references to clean up outside the bot"
            " when the bot next starts (as after /hapusdata), and the erasure is recorded in"
            " the audit log (talent_erased, by cli, with who ran it). Prints references and"
            " counts only, never a name. An id in ADMIN_IDS (or the staff chat's) is a staff"
            f" member, not a talent: refused unless {STAFF_FLAG} (a copied 'Ditangani' or note"
            " author's id would otherwise erase a colleague's account, name and signature),"
            f" and recorded as {STAFF_ACTION}. Exit status: 0 erased, 1 not erased (no such"
            " talent, a staff member without the flag, not confirmed, a bot running), 2 a"
            " wrong argument or setting."
        ),
    )
    erase.add_argument(
        "reference",
        nargs="?",
        help="a registration of the talent, e.g. KOC-000123 (their whole account is erased)",
    )
    erase.add_argument(
        "--user-id",
        type=_user_id,
        metavar="ID",
        help=(
            "the talent's Telegram user id instead of a reference (one who never registered,"
            " only asked the team a question)"
        ),
    )
    erase.add_argument(
        "--yes", action="store_true", help="erase without asking for confirmation (for scripts)"
    )
    erase.add_argument(
        STAFF_FLAG,
        action="store_true",
        help=(
            "the id is a staff member's (in ADMIN_IDS, or the staff chat's) and is to be erased"
            " all the same, e.g. a former colleague's own request; without it such an id is"
            " refused, as it is most often copied by mistake from /lead ('Ditangani', a note's"
            " author). Recorded in the audit log as staff_erased, not talent_erased"
        ),
    )
    erase.add_argument(
        "--by",
        metavar="NAME",
        help=(
            "who is erasing, for the audit log (default: the login name, the one before sudo"
            " when run with sudo)"
        ),
    )
    erase.set_defaults(handler=_erase_command, unreadable_note=NOTHING_ERASED)


def _user_id(text: str) -> int:
    if not text.isdigit() or int(text) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a Telegram user id like 5839204117")
    return int(text)


@dataclass
class _Found:
    """The talent to erase: their Telegram id, how they were named, their registrations."""

    user_id: int
    named: str  # "the talent of KOC-000123", or "Telegram user 5839204117"
    references: list[str] = field(default_factory=list)
    staff: str | None = None  # "in ADMIN_IDS": a staff member's id, not a talent's


def _erase_command(args: argparse.Namespace) -> int:
    """`kocca-bot erase`."""
    from bot.cli_staff import prepare
    from bot.store.applications import parse_reference

    if (args.reference is None) == (args.user_id is None):
        print(
            "kocca-bot erase: give a reference (KOC-000123) or --user-id ID, one of the two",
            file=sys.stderr,
        )
        return EXIT_USAGE
    reference = None
    if args.reference is not None:
        reference = parse_reference(args.reference, bare=False)
        if reference is None:
            print(
                f"kocca-bot erase: {args.reference!r} is not a reference like KOC-000123"
                " (a Telegram user id goes with --user-id)",
                file=sys.stderr,
            )
            return EXIT_USAGE
    prepared = prepare(args)
    if prepared is None:
        return EXIT_USAGE
    settings, content = prepared
    return _locked(settings, content, reference, args)


def _locked(
    settings: Settings, content: Content, reference: str | None, args: argparse.Namespace
) -> int:
    """The erasure under the database's run lock: refused while a bot runs on it, and no bot
    starts before it is done."""
    from bot.cli_unreadable import in_use_line
    from bot.ops.runlock import DatabaseInUse, RunLock

    try:
        lock = RunLock(settings.database_path).acquire()
    except DatabaseInUse as error:
        why = (
            "the running bot keeps what it read about talents in memory and clears it only on"
            " its own erasures"
        )
        print(in_use_line("Not erased", error, "erase", why), file=sys.stderr)
        return EXIT_NOT_DONE
    try:
        return asyncio.run(_erase(settings, content, reference, args))
    finally:
        lock.release()


async def _erase(
    settings: Settings, content: Content, reference: str | None, args: argparse.Namespace
) -> int:
    from bot.privacy import use_checked_key
    from bot.store import Store
    from bot.store.audit import Actor

    store = await Store.open(settings.database_path, upgrade=False)
    try:
        await use_checked_key(store, settings)  # refused with another key: records must match
        found = await _find(store, reference, args.user_id)
        if found is None:
            return EXIT_NOT_DONE
        found.staff = _staff_role(settings, found.user_id)
        if found.staff is not None and not args.staff_member:
            print(
                f"Not erased: {found.named} is a staff member ({found.staff}), not a talent."
                " Check the id: the one in /lead's 'Ditangani' or a note's author is a"
                " colleague's. To erase a staff member's own data all the same, add"
                f" {STAFF_FLAG} (and take them out of ADMIN_IDS if they left the team).",
                file=sys.stderr,
            )
            return EXIT_NOT_DONE
        if not args.yes and not _confirmed(found):
            print("Not erased: not confirmed (answer yes, or add --yes).", file=sys.stderr)
            return EXIT_NOT_DONE
        from bot.answers.matcher import words_said

        words = words_said(content)
        store.privacy.content_words = lambda: words  # as the bot: names kept where a word
        # Once the erasure is committed, a database that cannot be read is no longer "nothing
        # was erased" (the listener runs right after the commit).
        store.privacy.on_erasure.append(
            lambda: setattr(args, "unreadable_note", ERASED_THEN_FAILED)
        )
        told = await store.privacy.erase(found.user_id)
        kept = await _erase_in_kept(store, settings.backup_keep)
        record = store.privacy.subject_hash(found.user_id)
        by = args.by or os.environ.get("SUDO_USER") or _login()
        await store.audit.add(
            Actor.cli(),
            AUDIT_ACTION if found.staff is None else STAFF_ACTION,
            record,
            run_by=by,
            registrations=len(found.references),
            kept_databases=kept,
            # As the output says it (a review s63, L5: "staff_told=True" beside "tell the
            # team yourself"): with no staff chat the notice reaches only the bot's log.
            staff_told=told and settings.staff_chat_id is not None,
            staff_notice=_notice(settings, told=told),
        )
    finally:
        await store.close()
    _report(settings, found, told=told, kept=kept, record=record)
    return 0


def _login() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        return None


async def _find(store: Store, reference: str | None, user_id: int | None) -> _Found | None:
    """The talent a reference or a Telegram id names, or None (said why)."""
    if reference is not None:
        lead = await store.leads.by_reference(reference)
        if lead is None:
            print(
                f"Not erased: no registration {reference} (never submitted, or its talent is"
                " erased already).",
                file=sys.stderr,
            )
            return None
        user_id, named = lead.user_id, f"the talent of {reference}"
    else:
        assert user_id is not None
        named = f"Telegram user {user_id}"
        if await store.users.get(user_id) is None:
            erased = await store.privacy.was_erased(user_id)
            when = f" (erased on {_wib(erased[-1])} WIB)" if erased else ""
            print(
                f"Not erased: nothing is stored about {named}{when}: they never wrote to the"
                " bot, or were erased since and did not come back.",
                file=sys.stderr,
            )
            return None
    registrations = await store.pipeline.registrations(user_id)
    return _Found(user_id, named, sorted(item.reference for item in registrations))


def _staff_role(settings: Settings, user_id: int) -> str | None:
    """Why an id is a staff member's ("in ADMIN_IDS", "the staff chat's id"), or None."""
    if user_id in settings.admin_ids:
        return "in ADMIN_IDS"
    if settings.staff_chat_id is not None and user_id == settings.staff_chat_id:
        return "the staff chat's id"
    return None


def _who(found: _Found) -> str:
    """Whom the erasure is about, a staff member said as one."""
    if found.staff is None:
        return found.named
    return f"{found.named}, a staff member ({found.staff}),"


def _confirmed(found: _Found) -> bool:
    """Asked on the terminal; anything but yes (or no answer at all) keeps the data."""
    print(
        f"Erase everything stored about {_who(found)} ({_registrations(found)}), as their"
        " own /hapusdata does? This cannot be undone. [yes/no] ",
        end="",
        flush=True,
    )
    answer = sys.stdin.readline()
    if not answer.endswith("\n"):
        print()  # no answer (end of input): the message below on a line of its own
    return answer.strip().casefold() in YES


def _registrations(found: _Found) -> str:
    if not found.references:
        return "no registration"
    count = len(found.references)
    listed = ", ".join(found.references)
    return f"{count} registration{'' if count == 1 else 's'}: {listed}"


async def _erase_in_kept(store: Store, keep_days: int) -> int:
    """Apply the erasure to the databases a restore kept beside this one, as the running bot
    does after each erasure (and delete those past BACKUP_KEEP days, as it does at its
    start); how many there were. A failure is logged: the bot tries again at its next start."""
    from bot.ops.kept import KeptDatabases, kept_databases

    count = len(kept_databases(store.db.path))
    if count:
        await KeptDatabases(store, keep_days).once()
    return count


def _wib(moment: str) -> str:
    from bot.wib import wib_text

    return wib_text(moment)


def _notice(settings: Settings, *, told: bool) -> str:
    """What became of the staff notice, for the audit: "queued" for the staff chat (posted when
    the bot next starts), "operator" (no staff chat: the operator was asked to tell the team),
    or "none" (nothing outside the bot to clean up)."""
    if not told:
        return "none"
    return "queued" if settings.staff_chat_id is not None else "operator"


def _report(settings: Settings, found: _Found, *, told: bool, kept: int, record: str) -> None:
    """What was done, in references and counts only."""
    lines = [
        f"Erased {_who(found)} ({_registrations(found)}): everything the bot stored about"
        " them, as their own /hapusdata does; no copy is left in the database or its WAL.",
    ]
    if kept:
        lines.append(
            f"Erased in {kept} kept database{'' if kept == 1 else 's'} beside it too (from"
            " restores)."
        )
    if told and settings.staff_chat_id is not None:
        lines.append(
            "The staff chat is told which references to clean up outside the bot (exports,"
            " group messages, what was passed on) when the bot next starts."
        )
    elif told:
        lines.append(
            "No staff chat (STAFF_CHAT_ID is not set): tell the team yourself which references"
            " to clean up outside the bot (exports, messages, what was passed on)."
        )
    if found.staff is not None:
        lines.append(
            "The leads they handled keep their id as the assignee, their notes and answers"
            " no name: reassign those leads (/lead, 👥 Serahkan ke…). Take them out of"
            " ADMIN_IDS if they left the team."
        )
    action = AUDIT_ACTION if found.staff is None else STAFF_ACTION
    lines.append(
        f"Recorded in the audit log as {action}: kocca-bot audit --lead {record}."
        " Backups made before now still hold the talent: restoring one erases them again."
    )
    print("\n".join(lines))
