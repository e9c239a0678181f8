"""What every handler needs, built once per process and passed explicitly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.alerts import AlertThrottle, Refusals
from bot.answers.pages_sent import PagesSent
from bot.content import Content
from bot.content_live import LiveContent
from bot.my_data import CopyRequests
from bot.rounds import Rounds
from bot.settings import Settings
from bot.store import Store
from bot.transport.flood import FloodGuard


@dataclass(frozen=True, slots=True)
class Services:
    """Settings, the store and the content of one running bot."""

    settings: Settings
    store: Store
    live_content: LiveContent  # replaced whole by a reload (SIGHUP, /reload)
    error_alerts: AlertThrottle = field(default_factory=AlertThrottle)
    # Staff commands and buttons refused to others, stale or forged button data: logged once
    # a minute per cause (anyone can press forged data as fast as the flood limit allows).
    refusals: Refusals = field(default_factory=Refusals)
    # Updates whose reply could not reach Telegram; the runner processes them again later.
    undelivered: set[int] = field(default_factory=set)
    # Updates whose handling stopped because the database could not be written: run again.
    unstored: set[int] = field(default_factory=set)
    flood: FloodGuard = field(default_factory=FloodGuard)
    # Updates over the flood limit processed only to tell the talent to slow down.
    flood_notices: set[int] = field(default_factory=set)
    # Admins whose command menu this process has set (see handlers/command_menu.py).
    staff_menus: set[int] = field(default_factory=set)
    # Talents who asked for their copy (/dataku) lately: one every few minutes each.
    copies: CopyRequests = field(default_factory=CopyRequests)
    # The background senders' rounds, by name (bot/rounds.py): who waits sees them catch up.
    rounds: dict[str, Rounds] = field(default_factory=dict)
    # The page each talent was last answered with (a follow-up on it points back to it).
    pages_sent: PagesSent = field(default_factory=PagesSent)
    # The time the background workers go by, and the digest staff ask for (tests set it).
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))

    def __post_init__(self) -> None:
        self.flood.limit = self.settings.flood_limit
        self.flood.seconds = self.settings.flood_window_seconds

    @property
    def content(self) -> Content:
        """The content served now: read it per update, never keep it across a reload."""
        return self.live_content.current

    def language_for(self, telegram_language: str | None) -> str:
        """Indonesian for Indonesian-speaking Telegram users, English for the others."""
        if not telegram_language:
            return self.settings.default_language
        return "id" if telegram_language.lower().startswith("id") else "en"
