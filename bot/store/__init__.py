"""The only package that speaks SQL. Handlers and the core call these methods."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot.store.applications import Applications, Change, Consent, ConsentNeed, Draft
from bot.store.audit import Audit
from bot.store.broadcasts import Broadcast, Broadcasts, Recipient, Tally, Version
from bot.store.cancellations import Cancellations
from bot.store.content_log import ContentLog
from bot.store.conversation import ConversationLog, LogEntry
from bot.store.db import Database, Transaction, utc_now
from bot.store.duplicates import Duplicates
from bot.store.inbox import StoredUpdate, UpdateInbox
from bot.store.leads import Lead, LeadFilter, Leads
from bot.store.notices import StaffNotice, StaffNotices
from bot.store.operations import BackupRecord, Operations
from bot.store.pipeline import Pipeline
from bot.store.privacy import Privacy
from bot.store.questions import FreeQuestions
from bot.store.records import Records
from bot.store.reminders import DueDraft, DueTimes, Preference, ReminderCounts, Reminders
from bot.store.restores import Restores
from bot.store.staff_notes import StaffNotes
from bot.store.support import SupportRelay
from bot.store.talent_updates import TalentUpdates
from bot.store.taught import TaughtPhrasings
from bot.store.users import Profile, User, Users
from bot.store.waiting import Waiting
from bot.store.workspace import WorkspaceButtons, WorkspaceNames

__all__ = [
    "Applications",
    "BackupRecord",
    "Broadcast",
    "Broadcasts",
    "Change",
    "Consent",
    "ConsentNeed",
    "ContentLog",
    "ConversationLog",
    "Database",
    "Draft",
    "DueDraft",
    "DueTimes",
    "FreeQuestions",
    "Lead",
    "LeadFilter",
    "Leads",
    "LogEntry",
    "Operations",
    "Preference",
    "Profile",
    "Recipient",
    "ReminderCounts",
    "Reminders",
    "Restores",
    "StaffNotice",
    "StaffNotices",
    "Store",
    "StoredUpdate",
    "Tally",
    "Transaction",
    "UpdateInbox",
    "User",
    "Users",
    "Version",
    "utc_now",
]


class Store:
    """Every table of the bot behind one object, opened once per process."""

    def __init__(
        self,
        db: Database,
        erasure_key: bytes | None = None,
        log_text_per_day: int | None = None,
    ) -> None:
        self.db = db
        self.users = Users(db)
        # Without the key (CLI commands that never erase) erasure records cannot be made.
        self.privacy = Privacy(db, erasure_key)
        self.log = ConversationLog(db, log_text_per_day, self.privacy.erased_since)
        self.inbox = UpdateInbox(db)
        self.applications = Applications(db)
        self.support = SupportRelay(db)
        self.leads = Leads(db)
        self.broadcasts = Broadcasts(db)
        self.ops = Operations(db)
        self.pipeline = Pipeline(db)
        self.talent_updates = TalentUpdates(db)
        self.audit = Audit(db)
        self.reminders = Reminders(db)
        self.content_log = ContentLog(db)
        self.notices = StaffNotices(db)
        self.restores = Restores(db)
        self.workspace_buttons = WorkspaceButtons(db)
        self.workspace_names = WorkspaceNames(db)
        self.records = Records(db)
        self.duplicates = Duplicates(db)
        self.staff_notes = StaffNotes(db)
        self.waiting = Waiting(db)
        self.questions = FreeQuestions(db, self.log)
        self.taught = TaughtPhrasings(db)
        self.cancellations = Cancellations(db)

    @classmethod
    async def open(
        cls,
        path: Path | str,
        *,
        erasure_key: bytes | None = None,
        log_text_per_day: int | None = None,
        upgrade: bool = True,
    ) -> Store:
        """Open the database file, applying pending migrations; `upgrade=False` refuses a
        database an older release made instead (the commands beside the bot: Database.open)."""
        database = await Database.open(path, upgrade=upgrade)
        return cls(database, erasure_key, log_text_per_day)

    async def close(self) -> None:
        """Close the database connection."""
        await self.db.close()

    async def mask_incoming(
        self, chat_id: int, update_id: int, rewrite: Callable[[str], str]
    ) -> None:
        """Rewrite a talent's message as logged and as its update is stored (a password the
        form refused: kept nowhere), then empty the WAL of the old pages (secure_delete
        zeroed them in the file), as an erasure does."""
        async with self.db.transaction() as tx:
            await ConversationLog.rewrite_in(tx, chat_id, update_id, rewrite)
            await UpdateInbox.rewrite_text(tx, update_id, rewrite)
        await self.db.scrub()

    async def record_incoming(
        self, profile: Profile | None, initial_language: str, entry: LogEntry | None
    ) -> User | None:
        """Refresh the sender's profile and log the incoming message, in one commit."""
        async with self.db.transaction() as tx:
            user = await Users.upsert(tx, profile, initial_language) if profile else None
            if entry is not None:
                await self.log.keep(tx, entry)
        return user
