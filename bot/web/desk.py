"""What every workspace request works with: who asks, in which language, and the bot's parts.

The workspace reads through the store and acts through the same core functions as the staff
desk in Telegram (bot/leads/stage_changes.py, bot/support.py); it never goes through handlers.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from telegram import Bot

from bot.content import Content
from bot.leads import form_order, pipeline_stages, waiting
from bot.leads.export import plain_text, wib_text
from bot.services import Services
from bot.store import Store
from bot.store.audit import Actor
from bot.store.health import is_storage_error
from bot.store.workspace import LeadRow, WorkspaceReads
from bot.texts import Text
from bot.web import inputs
from bot.web.kept_stats import KeptStats


class LeadGone(LookupError):
    """No such submitted lead: never was, or erased (the page says so, nothing else)."""


class TalentGone(LeadGone):
    """No talent who asked staff a question: never did, or erased (said as a lead gone is)."""


@dataclass(frozen=True, slots=True)
class Viewer:
    """The admin behind a request (checked against ADMIN_IDS at this request)."""

    user_id: int
    language: str  # "id" or "en", from their Telegram app
    name: str = ""  # their Telegram first name, as Telegram signed it

    @property
    def actor(self) -> Actor:
        """How the audit log records them: a Telegram user, in the workspace."""
        return Actor.workspace(self.user_id)


@dataclass(slots=True)
class _Turns:
    """The replies to one talent under way or waiting their turn (Desk.replying_to)."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    queued: int = 0


@dataclass(slots=True)
class Desk:
    """The running bot's services, its Bot API client and the workspace's own reader."""

    services: Services
    bot: Bot
    reads: WorkspaceReads
    # The statistics, kept a minute per language and read ahead (bot/web/kept_stats.py).
    stats: KeptStats = field(default_factory=KeptStats)
    # One teaching (or removal) at a time, its checks and save together (bot/web/teach.py).
    teaching: asyncio.Lock = field(default_factory=asyncio.Lock)
    # The staff names kept in the store this run (bot/store/workspace.WorkspaceNames).
    named: dict[int, str] = field(default_factory=dict)
    # Replies to a talent's waiting question, one at a time per talent (`replying_to`).
    replies: dict[int, _Turns] = field(default_factory=dict)

    @asynccontextmanager
    async def replying_to(self, user_id: int) -> AsyncIterator[None]:
        """One reply to this talent's waiting question at a time, its check that the question
        still waits and its sending together: of two at once (two staff members, a double tap)
        the second finds it answered (an attacker's review, s58: the talent got both)."""
        turns = self.replies.setdefault(user_id, _Turns())
        turns.queued += 1
        try:
            async with turns.lock:
                yield
        finally:
            turns.queued -= 1
            if not turns.queued:
                del self.replies[user_id]

    @property
    def store(self) -> Store:
        """The bot's store (writes, and the reads the core functions make)."""
        return self.services.store

    @property
    def content(self) -> Content:
        """The content served now (a reload shows at the next request)."""
        return self.services.content

    def query(self, viewer: Viewer, raw: Any) -> inputs.Query:
        """The page's filter, checked; "waiting" gets its limits (LEAD_WAIT_DAYS) as of now,
        so the list, the board and the export all see the same waiting leads."""
        query = inputs.query(raw, self.content, viewer.user_id)
        if not query.waiting:
            return query
        limits = waiting.cutoffs(self.services.settings, self.content, datetime.now(UTC))
        return replace(query, where=replace(query.where, waiting=json.dumps(limits)))

    async def names(self, user_ids: set[int]) -> dict[int, str]:
        """These people's first names as the page shows them: "Sari", and "Sari (1001)" only
        where two of them, or one and another staff member, share that name."""
        everyone = user_ids | set(self.services.settings.admin_ids)
        found = await self.reads.names(everyone)
        shared = Counter(name for user_id, name in found.items() if name != str(user_id))
        return {
            user_id: f"{name} ({user_id})" if shared[name] > 1 else name
            for user_id, name in found.items()
            if user_id in user_ids
        }

    async def seen(self, viewer: Viewer) -> None:
        """Keep the name Telegram signed for this staff member (once per name and run; a
        store that cannot write now is tried again at their next request, the request
        itself goes on)."""
        if not viewer.name or self.named.get(viewer.user_id) == viewer.name:
            return
        try:
            await self.store.workspace_names.seen(viewer.user_id, viewer.name)
        except Exception as error:
            if not is_storage_error(error):
                raise
            return
        self.named[viewer.user_id] = viewer.name

    async def unreachable(self, viewer: Viewer) -> str | None:
        """Why the reports of this staff member's actions cannot reach their private chat
        with the bot (stage updates, bulk moves, announcements report there), with what to
        do, as plain text; None when they can. Only a private chat makes someone a user
        (handlers/common.record_incoming), and a user is marked as having blocked the bot by
        Telegram's "kicked" and by a message or report Telegram refused with a 403."""
        user = await self.store.users.get(viewer.user_id)
        if user is not None and not user.blocked:
            return None
        try:
            handle = f"@{self.bot.username}"
        except RuntimeError:  # a bot never initialised (no getMe): no name to give
            handle = "bot"
        return self.say(Text.WS_UNREACHABLE, viewer.language, bot=handle)

    def say(self, key: Text, language: str, **values: Any) -> str:
        """A bot text as plain text for the page (Telegram HTML tags dropped)."""
        return plain_text(self.content.text(key, language, **values))


@dataclass(slots=True)
class Labels:
    """Answer codes as staff read them, in one language (each map built once per request)."""

    content: Content
    language: str
    _maps: dict[str, dict[str, str]] = field(default_factory=dict)

    def _choices(self, question_key: str) -> dict[str, str]:
        if question_key not in self._maps:
            question = self.content.questions.get(question_key)
            offered = (question.choices or []) if question else []
            self._maps[question_key] = {
                choice.value: choice.label.get(self.language) for choice in offered
            }
        return self._maps[question_key]

    def stage(
        self, key: str, closed_duplicate: bool = False, withdrawn: bool = False, minor: bool = False
    ) -> str:
        """A stage's label ("❓ key" for one content no longer has); a lead's closed as a
        duplicate says so: "Baru · 🔁 ditutup (duplikat)", one its talent cancelled too:
        "Tidak dilanjutkan · 🚫 dibatalkan oleh talenta", and why one the bot cancelled
        (`minor`: under 18, no guardian's consent)."""
        return pipeline_stages.stage_shown(
            self.content, key, self.language, closed_duplicate, withdrawn=withdrawn, minor=minor
        )

    def choice(self, question_key: str, value: str | None) -> str | None:
        """A choice answer's label ("(pilihan lama: dj)" if content no longer offers it)."""
        if value is None:
            return None
        found = self._choices(question_key).get(value)
        return found or form_order.retired(self.content, self.language, value)

    def role(self, value: str | None, other: str | None = None) -> str | None:
        """A music or film role's label; "Lainnya: colorist" with what the talent said it
        is (a staff review: the table said only "Lainnya")."""
        if value is None:
            return None
        label = self._choices("music_role").get(value) or self.choice("film_role", value)
        return f"{label}: {other}" if other else label

    def province(self, value: str | None) -> str | None:
        """A province's name."""
        if value is None:
            return None
        question = self.content.questions.get("province")
        return (
            form_order.display(question, self.content, value, self.language) if question else value
        )

    def program(self, key: str) -> str:
        """A program as the questionnaire offers it."""
        found = self.content.programs.get(key)
        return found.choice_label.get(self.language) if found else key


def row_json(
    row: LeadRow, labels: Labels, names: dict[int, str], minor: bool = False
) -> dict[str, Any]:
    """One lead of the table or the board, labelled for the page (`minor`: cancelled by the
    bot, under 18 without a guardian's consent: its stage says so)."""
    return {
        "id": row.application_id,
        "reference": row.reference,
        "name": row.name,
        "stage_name": row.stage_name,
        "sector": labels.choice("sector", row.sector),
        "role": labels.role(row.role, row.role_other),
        "province": labels.province(row.province),
        "stage": row.stage,
        "stage_label": labels.stage(row.stage, row.closed_duplicate, row.withdrawn, minor),
        "closed_duplicate": row.closed_duplicate,
        "withdrawn": row.withdrawn,  # cancelled by its talent: the card warns, moves nothing
        "version": row.version,
        "assignee": None if row.assignee_id is None else names.get(row.assignee_id),
        "submitted": wib_text(row.submitted_at),
        "activity": wib_text(row.last_activity),
    }
