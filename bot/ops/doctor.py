"""`kocca-bot doctor`: a pre-flight check of a deployment, one line per check with its fix.

It asks Telegram what it knows (getMe, getWebhookInfo, getChat, getChatMember,
sendChatAction) and looks at the server (database file, disk, content, backup folder,
clock). It changes nothing: no message is posted, no file is created (`--repair-search`
makes again the searched text of leads written without the bot's letter folding, first, on
the bot's own database at this version's migrations only: `repair_search`).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import aiohttp
from telegram import Bot, ChatMemberAdministrator
from telegram.constants import ChatAction, ChatMemberStatus
from telegram.error import InvalidToken, TelegramError
from telegram.request import BaseRequest

from bot.content import ContentError, load_content
from bot.erasure_key import erasure_key, key_source
from bot.logs import mask_secrets, remember_secrets
from bot.ops.backup import OLDER_LEADS
from bot.ops.kept import KeptDatabase, damage, damaged_copies, kept_databases
from bot.settings import ENV_FILE, Settings, SettingsError
from bot.store import schema
from bot.store.db import (
    Database,
    DatabaseUnreadable,
    is_behind,
    latest_migration,
    schema_at,
)
from bot.store.folding import not_repairable, unfolded
from bot.store.leads import Leads
from bot.store.migrations import MIGRATIONS
from bot.store.privacy import key_check, read_key_check
from bot.terminal_text import count_of, printable

MIN_FREE_BYTES = 200 * 1024 * 1024  # below this, a busy day can fill the disk
MAX_CLOCK_SKEW = 60.0  # seconds between this server and Telegram
WEBHOOK_PORTS = {443, 80, 88, 8443}  # the only ports Telegram posts to
WEBHOOK_ERROR_RECENT = 3600  # seconds: an older delivery error is history
CONTENT_PROBLEMS_SHOWN = 5  # the rest are one `check-content` away
SUPERGROUP_ID_DIGITS = 13  # -1001234567890: 100, then ten digits


@dataclass(frozen=True, slots=True)
class Check:
    """One check: what, whether it passed, what was found, how to fix it."""

    name: str
    ok: bool
    found: str
    fix: str = ""
    warning: bool = False  # passed (the exit status stays 0), with something to do

    def line(self) -> str:
        """✔, ! (a warning) or ✘, the finding, and the fix on a warning or a failure.

        Findings quote Telegram (an error's text, the staff group's title): the token is
        masked in any form, and terminal codes are shown escaped, never obeyed.
        """
        mark = "✘" if not self.ok else "!" if self.warning else "✔"
        text = f"{mark} {self.name}: {printable(mask_secrets(self.found))}"
        if self.ok and not self.warning:
            return text
        return f"{text}\n    fix: {printable(mask_secrets(self.fix))}"


def passed(name: str, found: str) -> Check:
    """A check that passed."""
    return Check(name, True, found)


def failed(name: str, found: str, fix: str) -> Check:
    """A check that failed, with its one-line fix."""
    return Check(name, False, found, fix)


def warned(name: str, found: str, fix: str) -> Check:
    """A check that passed with something to do: its one-line fix."""
    return Check(name, True, found, fix, warning=True)


async def run_checks(settings: Settings, request: BaseRequest | None = None) -> list[Check]:
    """Every check, in the order an operator fixes things."""
    remember_secrets(settings.secrets())
    checks = await telegram_checks(settings, request)
    checks += database_checks(settings.database_path)
    checks.append(erasure_key_check(settings))
    checks.append(controller_check(settings))
    checks.append(content_check(settings))
    checks.append(forwarding_check(settings))
    checks.append(env_file_check())
    checks.append(backup_check(settings))
    checks.append(kept_check(settings))
    checks.append(await clock_check(settings))
    checks.append(time_zone_check())
    return checks


async def telegram_checks(settings: Settings, request: BaseRequest | None) -> list[Check]:
    """The token, the webhook, the staff chat and the admins, as Telegram sees them.

    When the token cannot be checked, the checks that need it are listed as not run (✘),
    so the count of checks never shrinks without saying so.
    """
    if settings.bot_token is None:
        token = failed("Token", "BOT_TOKEN is not set", "put the token from @BotFather in .env")
        return [token, *_not_checked(settings, "needs BOT_TOKEN")]
    bot = Bot(settings.token(), base_url=settings.bot_api_url, request=request)
    try:
        await bot.initialize()  # getMe
    except InvalidToken as error:
        if not _from_the_bot_api(error):  # something else answers at that address
            token = _unreachable("a server answers there, but not as the Bot API")
            return [token, *_not_checked(settings, "needs the Bot API")]
        token = failed(  # Telegram's own answer: this token is not valid
            "Token",
            "Telegram rejects BOT_TOKEN",
            "copy the token again from @BotFather (/mybots → API Token) into .env",
        )
        return [token, *_not_checked(settings, "needs a working token")]
    except TelegramError as error:  # NetworkError, TimedOut, an unreadable answer
        token = _unreachable(type(error).__name__)
        return [token, *_not_checked(settings, "needs the Bot API")]
    try:
        checks = [passed("Token", f"the bot is @{bot.username} (id {bot.id})")]
        checks.append(await _webhook(bot, settings))
        checks += await _staff_chat(bot, settings)
        checks += await _admins(bot, settings)
    finally:
        await bot.shutdown()
    return checks


def _from_the_bot_api(error: InvalidToken) -> bool:
    """Whether a rejected token was the Bot API's own answer (its JSON), not a page of
    something else at BOT_API_URL (python-telegram-bot chains the parsing failure)."""
    cause: BaseException | None = error.__cause__
    while isinstance(cause, InvalidToken):  # Bot.initialize wraps getMe's own error
        cause = cause.__cause__
    return cause is None


def _unreachable(why: str) -> Check:
    return failed(
        "Token",
        f"the Bot API cannot be reached at BOT_API_URL ({why}); the token was not checked",
        "check BOT_API_URL (normally https://api.telegram.org/bot), the server's internet"
        " access and DNS",
    )


def _not_checked(settings: Settings, reason: str) -> list[Check]:
    """The Telegram checks that could not run, each as a failure naming why."""
    names = ["Webhook", "Staff chat"]
    names += [f"Admin {admin}" for admin in sorted(settings.admin_ids)] or ["Admins"]
    return [failed(name, f"not checked ({reason})", "fix the token check first") for name in names]


async def _webhook(bot: Bot, settings: Settings) -> Check:
    name = "Webhook"
    info = await bot.get_webhook_info()
    if not settings.webhook_url:
        if info.url:
            return failed(
                name,
                f"Telegram posts updates to a webhook at {_host(info.url)}, so polling gets none",
                "stop the other deployment using this token, or set WEBHOOK_URL to use it;"
                " `kocca-bot run` in polling mode removes a stale webhook when it starts",
            )
        return passed(name, "none set: long polling")
    parts = urlsplit(settings.webhook_url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if parts.scheme != "https" or port not in WEBHOOK_PORTS:
        return failed(
            name,
            f"WEBHOOK_URL must be https on port 443, 80, 88 or 8443 (is {parts.scheme}, {port})",
            "put the bot behind a reverse proxy with TLS (docs/operations.md) and use its URL",
        )
    if info.url and info.url != settings.webhook_url:
        return failed(
            name,
            f"Telegram posts to {_host(info.url)}, not to WEBHOOK_URL",
            "start the bot (it sets WEBHOOK_URL), or stop the other deployment using this token",
        )
    recent = info.last_error_date and time.time() - info.last_error_date.timestamp() < (
        WEBHOOK_ERROR_RECENT
    )
    if recent:
        return failed(
            name,
            f"Telegram could not deliver recently: {info.last_error_message}",
            "check the reverse proxy, its TLS certificate and that the bot listens on"
            " WEBHOOK_LISTEN:WEBHOOK_PORT",
        )
    found = "set to WEBHOOK_URL" if info.url else "not set yet: the bot sets it when it starts"
    return passed(name, f"{found}; {count_of(info.pending_update_count, 'update')} pending")


async def _staff_chat(bot: Bot, settings: Settings) -> list[Check]:
    name = "Staff chat"
    chat_id = settings.staff_chat_id
    if chat_id is None:
        return [
            failed(
                name,
                "STAFF_CHAT_ID is not set: no lead alerts, questions or health alerts reach staff",
                "add the bot to the staff group and set STAFF_CHAT_ID to the group's id",
            )
        ]
    try:
        chat = await bot.get_chat(chat_id)
        member = await bot.get_chat_member(chat_id, bot.id)
    except TelegramError as error:
        found = f"Telegram does not let the bot see chat {chat_id} ({error.message})"
        fix = "add the bot to the staff group and check STAFF_CHAT_ID (supergroups: -100…)"
        if _group_id_without_its_minus(chat_id):
            found += f"; {chat_id} looks like a group's id without its minus sign"
            fix = (
                f"if the staff chat is a group, set STAFF_CHAT_ID=-{chat_id}"
                " (a group's id is negative)"
            )
        return [failed(name, found, fix)]
    title = f"“{chat.title}”"
    status = member.status
    if status in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED):
        return [
            failed(name, f"the bot is not a member of {title}", "add the bot to the staff group")
        ]
    checks = [passed(name, f"the bot is {status} of {title}")]
    can_post = getattr(member, "can_send_messages", True)
    if status == ChatMemberStatus.MEMBER and chat.permissions is not None:
        can_post = bool(chat.permissions.can_send_messages)
    if status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER):
        can_post = True
    checks.append(
        passed("Staff chat posting", "the bot can post there")
        if can_post
        else failed(
            "Staff chat posting",
            f"the bot may not send messages in {title}",
            "allow members to send messages, or make the bot an admin",
        )
    )
    if chat.is_forum:
        topics = status == ChatMemberStatus.OWNER or (
            isinstance(member, ChatMemberAdministrator) and bool(member.can_manage_topics)
        )
        checks.append(
            passed("Staff chat topics", "forum: the bot is admin with Manage topics")
            if topics
            else failed(
                "Staff chat topics",
                f"{title} is a forum, but the bot cannot open topics for talents' questions",
                "make the bot an admin of the group with the Manage topics right",
            )
        )
    return checks


def _group_id_without_its_minus(chat_id: int) -> bool:
    """A positive id shaped as a supergroup's (-100 and ten digits) with its minus lost.

    A positive id is a private chat's, which is legal: only said when Telegram does not know
    the chat either."""
    return chat_id > 0 and len(str(chat_id)) == SUPERGROUP_ID_DIGITS and str(chat_id)[:3] == "100"


async def _admins(bot: Bot, settings: Settings) -> list[Check]:
    if not settings.admin_ids:
        return [
            failed(
                "Admins",
                "ADMIN_IDS is empty: nobody can export leads or broadcast",
                "put staff's Telegram user ids in ADMIN_IDS (ask @userinfobot for yours)",
            )
        ]
    checks = []
    for admin in sorted(settings.admin_ids):
        name = f"Admin {admin}"
        try:
            # Shows "typing…" for a moment at most; the only way to ask without posting.
            await bot.send_chat_action(admin, ChatAction.TYPING)
        except TelegramError as error:
            checks.append(
                failed(
                    name,
                    f"the bot cannot write to this admin ({error.message})",
                    f"user {admin} opens the bot in Telegram and presses Start",
                )
            )
        else:
            checks.append(passed(name, "has started the bot"))
    return checks


def database_checks(path: Path) -> list[Check]:
    """The database file: writable, intact, room on the disk, WAL mode."""
    folder = path.parent
    if not path.exists():
        existing = folder
        while not existing.exists():
            existing = existing.parent
        if os.access(existing, os.W_OK | os.X_OK):
            return [passed("Database", f"{path} does not exist yet: created at first start")]
        return [
            failed(
                "Database",
                f"{path} does not exist and {existing} is not writable",
                f"create {folder} writable by the bot's account, or set DATABASE_PATH",
            )
        ]
    checks = []
    writable = os.access(path, os.R_OK | os.W_OK) and os.access(folder, os.W_OK | os.X_OK)
    checks.append(
        passed("Database writable", str(path))
        if writable
        else failed(
            "Database writable",
            f"{path} or its folder is not writable by this account",
            f"chown the folder and file to the bot's account (chmod 700 {folder}, 600 {path})",
        )
    )
    checks += _database_contents(path)
    usage = shutil.disk_usage(folder)
    needed = max(MIN_FREE_BYTES, 2 * path.stat().st_size)
    free = f"{usage.free / 1024**3:.1f} GB free of {usage.total / 1024**3:.1f} GB"
    checks.append(
        passed("Free disk", free)
        if usage.free >= needed
        else failed(
            "Free disk",
            f"only {usage.free / 1024**2:.0f} MB free (needs {needed / 1024**2:.0f} MB)",
            "free space on the disk (old backups, logs) or move the data to a larger disk",
        )
    )
    return checks


def _database_contents(path: Path) -> list[Check]:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
            at = schema_at(connection)
            audit = _audit_log(connection)
            search = _lead_search(connection, at)
        finally:
            connection.close()
    except sqlite3.Error as error:
        return [
            failed(
                "Database integrity",
                f"SQLite cannot read {path}: {error}",
                "restore the last good backup: kocca-bot restore FILE (docs/operations.md)",
            )
        ]
    except (
        schema.SchemaMismatch
    ) as error:  # a crafted migrations table (an attacker's review s63, L2)
        return [
            failed(
                "Database schema",
                f"{path}: {error}",
                "check the file is this bot's database; else restore the last good backup:"
                " kocca-bot restore FILE (docs/operations.md)",
            )
        ]
    integrity = (
        passed("Database integrity", "ok")
        if verdict == ["ok"]
        else failed(
            "Database integrity",
            "; ".join(verdict[:3]),
            "stop the bot and restore the last good backup (docs/operations.md)",
        )
    )
    wal = (
        passed("Database WAL mode", "on")
        if mode == "wal"
        else failed(
            "Database WAL mode",
            f"journal mode is {mode}: exports and backups would hold up the bot",
            "start the bot once (it turns WAL on), or: sqlite3 FILE 'PRAGMA journal_mode=WAL'",
        )
    )
    return [integrity, wal, _schema(path, at), audit, search]


def _schema(path: Path, at: tuple[int, str] | None) -> Check:
    """Which release's migrations the database is at, and what the next start does to it:
    nothing, or the upgrade to this release's (a warning: back it up first)."""
    name = "Database schema"
    latest = latest_migration()
    if at is None:
        return passed(name, f"not made yet: the first start makes this release's ({latest})")
    if at[0] > len(MIGRATIONS):
        return Check(
            name,
            True,
            f"at {at[1]}, made by a newer release (this one makes {latest})",
            "run the release that made it, or restore a backup this release made"
            " (docs/operations.md, 'Restore')",
            warning=True,
        )
    if not is_behind(at):
        return passed(name, f"at {at[1]}, this release's")
    return Check(
        name,
        True,
        f"at {at[1]}, this release makes {latest}: the next start upgrades it",
        f"stop the old bot, back it up (kocca-bot backup --database {path}), then start this"
        " release (docs/operations.md, 'Upgrading')",
        warning=True,
    )


def _audit_log(connection: sqlite3.Connection) -> Check:
    """The audit log's append-only triggers are those the migrations make (the bot refuses
    to start otherwise)."""
    try:
        version = connection.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0]
    except sqlite3.Error:
        version = 0  # never opened by the bot: it makes them at its first start
    wrong = schema.audit_problems(schema.read(connection), version)
    if not wrong:
        return passed("Audit log", "append-only (its triggers are the bot's)")
    return failed(
        "Audit log",
        f"not append-only any more: {'; '.join(wrong)}; the bot refuses to start",
        "stop the bot and restore the last good backup (docs/operations.md, 'Restore')",
    )


LEADS_NAMED = 5  # references a failed lead search check names; the rest are counted


def _lead_search(connection: sqlite3.Connection, at: tuple[int, str] | None) -> Check:
    """Every lead's searched text is folded as the bot folds it: a row written without its
    fold (the sqlite3 shell, a script) is not found by its letters beyond ASCII."""
    name = "Lead search"
    if at is None:
        return passed(name, "no leads yet")  # never opened by the bot: no lead_search yet
    try:
        references = unfolded(connection)
    except sqlite3.Error as error:
        if not is_behind(at):
            return failed(
                name,
                f"cannot be read: {error}",
                "run kocca-bot doctor again; if it stays, restore the last good backup"
                " (docs/operations.md, 'Restore')",
            )
        # An older release's database: no lead search yet, or not this release's.
        leads = connection.execute(OLDER_LEADS).fetchone()[0]
        return passed(
            name,
            f"not checked: {count_of(leads, 'lead')} in an older release's tables; check again"
            " after the next start (the upgrade)",
        )
    if not references:
        return passed(name, "every lead can be found by the letters of its name")
    named = ", ".join(references[:LEADS_NAMED])
    more = len(references) - LEADS_NAMED
    if more > 0:
        named += f" and {more} more"
    return failed(
        name,
        f"{count_of(len(references), 'lead')} written without the bot's letter folding (the"
        f" sqlite3 shell or a script?) cannot be found by letters such as É or Ñ: {named}",
        "kocca-bot doctor --repair-search (makes their searched text again; safe while the"
        " bot runs)",
    )


REPAIR = "Lead search repair"


async def repair_search(path: Path) -> Check:
    """`--repair-search`: the searched text of the leads written without the bot's fold made
    again (Leads.refold_search), in one short write transaction beside the running bot.

    Only on the bot's own database at this version's migrations, opened without migrating
    (a foreign file got the bot's schema, an older one was migrated under its bot: an
    attacker's review); a database another process keeps locked is a failed check, not a
    traceback, and the checks still run."""
    try:
        refused = not_repairable(path)
        if refused is not None:
            return failed(
                REPAIR,
                f"not repaired: {path}: {refused}",
                "check DATABASE_PATH; on the bot's database, start this version of the bot"
                " once (it applies its migrations), then repair",
            )
        try:
            database = await Database.open(path, migrate=False)
        except DatabaseUnreadable as error:
            if isinstance(error.__cause__, OSError):  # the system refused the file: said below
                raise error.__cause__ from None
            raise
        try:
            repaired = await Leads(database).refold_search()
        finally:
            await database.close()
    except sqlite3.Error as error:
        return failed(
            REPAIR,
            f"could not repair: {error}; try again",
            "run it again in a moment (a backup, an export or another command was writing)",
        )
    except OSError as error:  # the file or its folder not the account's (not seen as root)
        return failed(
            REPAIR,
            f"could not repair: {error}",
            "run it as the bot's account (the owner of the database file)",
        )
    named = ", ".join(repaired) or "none needed it"
    return passed(REPAIR, f"made again for {count_of(len(repaired), 'lead')}: {named}")


def erasure_key_check(settings: Settings) -> Check:
    """The erasure key is there and is the one the database's keyed records were made with.

    Without it, erasure and withdrawal records never match again: a restored backup would
    bring back talents who asked to be erased. Read only: no key is made here.
    """
    name = "Erasure key"
    source = key_source(settings)
    expected, keyed = read_key_check(settings.database_path)
    try:
        key = erasure_key(settings, create=False)
    except SettingsError as error:
        if not keyed and not settings.erasure_key_file.exists():
            return passed(name, f"none yet: {source} is made at first start (keep it safe)")
        return failed(
            name,
            str(error).removeprefix("Configuration error: ").split(":")[0],
            "copy erasure.key back from where the backups' key is kept (or set ERASURE_KEY);"
            " never let the bot make a new one for this database",
        )
    if expected is None:
        return passed(name, f"{source}; this database records its check value at next start")
    if key_check(key) == expected:
        return passed(name, f"{source} matches this database's {count_of(keyed, 'keyed record')}")
    if not keyed:
        return passed(name, f"{source} is new; no record depends on the old one")
    return failed(
        name,
        f"{source} is not the key this database's"
        f" erasure/withdrawal records ({keyed}) were made with: the bot refuses to"
        " start",
        "put back the original key (from the password manager or the old server), never a"
        " new one (docs/operations.md, 'The erasure key')",
    )


def controller_check(settings: Settings) -> Check:
    """Who is responsible for talents' data is set (`kocca-bot run` refuses to start without)."""
    try:
        controller = settings.controller()
    except SettingsError as error:
        return failed(
            "Data controller",
            str(error).removeprefix("Configuration error: ").split(":")[0],
            "set CONTROLLER_NAME and CONTROLLER_CONTACT in .env (see config.example.env)",
        )
    return passed("Data controller", controller.name)


def content_check(settings: Settings) -> Check:
    """The content loads as the bot would load it at start-up."""
    try:
        content = load_content(settings.content_dir)
    except ContentError as error:
        shown = "".join(f"\n    {problem}" for problem in error.problems[:CONTENT_PROBLEMS_SHOWN])
        more = len(error.problems) - CONTENT_PROBLEMS_SHOWN
        if more > 0:
            shown += f"\n    … and {more} more"
        return failed(
            "Content",
            f"{count_of(len(error.problems), 'problem')} in {settings.content_dir}:{shown}",
            "run `kocca-bot check-content` for the list and correct the YAML files",
        )
    size = f"{len(content.messages)} messages, {len(content.questions)} questions"
    return passed("Content", size)


def forwarding_check(settings: Settings) -> Check:
    """Whom leads are passed on to (FORWARD_TO), said plainly; unset is a valid choice, and
    then the stages that pass leads on refuse every lead: the check says so and why."""
    name = "Forwarding"
    forwarding = settings.forwarding()
    if forwarding is not None:
        where = "outside Indonesia (UU PDP Pasal 56)" if forwarding.abroad else "in Indonesia"
        return passed(
            name,
            f"leads go to {forwarding.recipient}, {where}, only for talents who agree"
            " (FORWARD_TO, FORWARD_ABROAD)",
        )
    try:
        stages = [
            stage.label.en
            for stage in load_content(settings.content_dir).stages.values()
            if stage.consent == "transfer_korea"
        ]
    except ContentError:
        stages = []  # the content check reports it
    refused = (
        f"; stage {', '.join(stages)} refuses every lead (the stage that passes leads on)"
        if stages
        else ""
    )
    return passed(
        name,
        "off: FORWARD_TO is not set, so leads are not passed on and no talent is asked to agree"
        f"{refused}. Set FORWARD_TO (and FORWARD_ABROAD) only if leads do go to a recipient",
    )


def env_file_check(path: Path = ENV_FILE) -> Check:
    """The .env file, which holds the token, is readable by its owner only."""
    name = "Settings file"
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        return passed(name, f"no {path}: settings come from the environment")
    if mode & 0o077:
        held = secrets_in(path)
        if held is None:
            holds = ""  # unreadable to this account: nothing said about what is in it
        elif held:
            holds = f" and holds {' and '.join(held)}"
        else:
            holds = (
                "; none of its secrets has a value yet, but any written there would be readable too"
            )
        return failed(
            name, f"{path} is readable by others (mode {mode:04o}){holds}", f"chmod 600 {path}"
        )
    return passed(name, f"{path} is private (mode {mode:04o})")


ENV_SECRETS = ("BOT_TOKEN", "WEBHOOK_SECRET", "ERASURE_KEY")


def secrets_in(path: Path) -> list[str] | None:
    """The secret settings a .env file gives a value to (an empty `BOT_TOKEN=` line holds
    none), in ENV_SECRETS order; None when this account cannot read it."""
    from dotenv import dotenv_values  # pydantic-settings' own .env reader

    try:
        values = dotenv_values(path, encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    given = {key.upper() for key, value in values.items() if value and value.strip()}
    return [secret for secret in ENV_SECRETS if secret in given]


def backup_check(settings: Settings) -> Check:
    """BACKUP_DIR is set, writable, and the last daily backup did not fail."""
    name = "Backups"
    folder = settings.backup_dir
    if folder is None:
        return failed(
            name,
            "daily backups are off (BACKUP_DIR is empty)",
            "set BACKUP_DIR (default data/backups); keep copies off the server too",
        )
    existing = folder
    try:
        while not existing.exists():
            existing = existing.parent
    except OSError as error:  # a name too long, a path the system refuses to look up
        return failed(
            name,
            f"{folder} cannot be used: {error.strerror or error}",
            "set BACKUP_DIR to a folder path the system accepts (default data/backups)",
        )
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        return failed(
            name,
            f"{existing} is not a folder the bot can write to",
            f"create {folder} writable by the bot's account (chmod 700)",
        )
    last = _last_daily_backup(settings.database_path)
    if last is not None and not last[0]:
        return failed(
            name,
            f"the last daily backup failed: {last[1]}",
            "fix the cause, then run `kocca-bot backup` to check",
        )
    when = f"last daily backup {last[1]}" if last else "no daily backup yet"
    return passed(name, f"{folder}, keeping {settings.backup_keep}; {when}")


def kept_check(settings: Settings, now: datetime | None = None) -> Check:
    """The databases a restore replaced (bot/ops/kept.py): each named with its age."""
    name = "Kept databases"
    kept = kept_databases(settings.database_path)
    uncleanable = _uncleanable(settings.database_path, kept)
    if uncleanable:
        return failed(
            name,
            "; ".join(f"{path.name} cannot be read ({reason})" for path, reason in uncleanable)
            + ": no erasure can be applied to it, so it still holds talents' data that"
            " erasures made since never reached",
            "once nothing more is needed from it, delete it: rm "
            + " ".join(f"{path}*" for path, _ in uncleanable),
        )
    if not kept:
        return passed(name, "none (a restore keeps the database it replaces until checked)")
    now = now or datetime.now(UTC)
    keep = settings.backup_keep
    listed = ", ".join(
        f"{item.path.name} (restored {count_of(item.age_days(now), 'day')} ago, deleted in"
        f" {count_of(max(keep - item.age_days(now), 0), 'day')})"
        for item in kept
    )
    return warned(
        name,
        f"{listed}: each holds every talent as they were before its restore; later erasures"
        " are applied to it, and the bot deletes it BACKUP_KEEP days after the restore",
        "once you have checked the restore, delete it: rm "
        + " ".join(str(item.path) for item in kept),
    )


def _uncleanable(database: Path, kept: list[KeptDatabase]) -> list[tuple[Path, str]]:
    """The damaged databases a restore moved aside, and the kept ones that cannot be read
    whole (each opened read-only): what no erasure can clean, with why (a new staff review
    s64, M1: "later erasures are applied to it" was said of one that could not be opened)."""
    found = [
        (item.path, damage(item.path) or "named damaged by a restore")
        for item in damaged_copies(database)
    ]
    for item in kept:
        if (reason := damage(item.path)) is not None:
            found.append((item.path, reason))
    return found


def _last_daily_backup(database: Path) -> tuple[bool, str] | None:
    if not database.exists():
        return None
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            row = connection.execute(
                "SELECT ok, finished_at, error FROM backups WHERE kind = 'daily'"
                " ORDER BY finished_at DESC LIMIT 1"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None  # a database from before backups were recorded
    if row is None:
        return None
    return (True, str(row[1])) if row[0] else (False, str(row[2]))


ClockSource = Callable[[str], Awaitable[datetime | None]]


async def server_date(url: str) -> datetime | None:
    """The Date header of the Bot API server's answer (Telegram's clock)."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}/"
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(timeout=timeout) as session, session.head(origin) as answer:
        header = answer.headers.get("Date")
    return None if header is None else parsedate_to_datetime(header)


async def clock_check(settings: Settings, source: ClockSource = server_date) -> Check:
    """This server's clock against Telegram's (schedules and retention depend on it)."""
    name = "Clock"
    try:
        theirs = await source(settings.bot_api_url)
    except (aiohttp.ClientError, TimeoutError, ValueError) as error:
        return failed(
            name,
            f"could not read the Bot API server's time ({type(error).__name__})",
            "check the server's internet access",
        )
    if theirs is None:
        return failed(name, "the Bot API server sent no time", "check BOT_API_URL")
    skew = datetime.now(UTC).timestamp() - theirs.timestamp()
    if abs(skew) > MAX_CLOCK_SKEW:
        return failed(
            name,
            f"this server's clock is {skew:+.0f} s off Telegram's",
            "turn on time synchronisation: timedatectl set-ntp true",
        )
    return passed(name, f"within {max(1, round(abs(skew)))} s of Telegram's")


def time_zone_check() -> Check:
    """WIB (Asia/Jakarta) is known, for schedules and exports."""
    try:
        wib = datetime.now(ZoneInfo("Asia/Jakarta"))
    except ZoneInfoNotFoundError:
        return failed(
            "Time zone",
            "the time zone database lacks Asia/Jakarta (WIB)",
            "install tzdata: apt install tzdata (or pip install tzdata)",
        )
    local = datetime.now().astimezone().tzname()
    return passed("Time zone", f"WIB now {wib:%Y-%m-%d %H:%M}; the server's own zone is {local}")


def _host(url: str) -> str:
    """Only the host of a URL: the path may hold a secret."""
    return urlsplit(url).netloc or "?"
