"""What /leads shows: the filter staff type ("shortlist musik saya", "baru duplikat"), its
callback and stored form, and the store's LeadFilter it stands for.

Words are read in any order, a stage by its key or its label in either language; a word that
is no filter word is a FilterError naming the filter word probably meant (filter_words).
Pure of Telegram: /leads, Move all, the daily digest and the workspace read filters here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.content import Content
from bot.leads import filter_words
from bot.leads.export import SECTOR_ALIASES, WIB, start_of_day_utc
from bot.leads.records import stage_words
from bot.store.leads import LeadFilter

MINE = ("mine", "saya")
UNASSIGNED = ("unassigned", "bebas")
WAITING_WORDS = ("waiting", "menunggu")
TODAY_WORDS = ("hariini", "today")  # "hari ini" typed as two words reads as one
DUPLICATE_WORDS = ("duplicates", "duplikat")  # only the leads closed as a duplicate
# Only the registrations their talent cancelled (marked 🚫 in the lists), either spelling.
CANCELLED_WORDS = ("canceled", "cancelled", "dibatalkan", "batal")
# The filter words as Indonesian staff type them (the stored and callback form is English).
TYPED_ID = {
    "music": "musik",
    "mine": "saya",
    "unassigned": "bebas",
    "waiting": "menunggu",
    "today": "hari ini",
    "duplicates": "duplikat",
    "canceled": "dibatalkan",
}


class FilterError(ValueError):
    """Words /leads does not understand; the message names the first one, as typed.
    `suggestion` is the filter word one or two typos from it; `by_name` says it is no filter
    word at all, so perhaps a person's name or reference (found with /lead)."""

    def __init__(self, word: str, suggestion: str | None = None, *, by_name: bool = False):
        super().__init__(word)
        self.word = word
        self.suggestion = suggestion
        self.by_name = by_name


@dataclass(frozen=True, slots=True)
class PipelineFilter:
    """What /leads shows: a stage, a sector, mine or unassigned, combined."""

    stage: str | None = None
    sector: str | None = None  # "music" or "film"
    mine: bool = False
    unassigned: bool = False
    waiting: bool = False  # longer in their stage than LEAD_WAIT_DAYS (bot/leads/waiting.py)
    today: bool = False  # submitted today (WIB): the day's new leads, whatever their stage
    # Only the leads closed as a duplicate, which a stage's list leaves out (as the workspace's
    # stage chip, its export and /stats count them in no stage).
    duplicates: bool = False
    cancelled: bool = False  # only the registrations their talent cancelled themselves

    @property
    def empty(self) -> bool:
        """Whether nothing narrows the list."""
        return self == PipelineFilter()

    def lead_filter(
        self, admin_id: int | None, cutoffs: dict[str, str] | None = None
    ) -> LeadFilter:
        """The store's filter; "mine" means assigned to this admin. A waiting filter without
        `cutoffs` (bot/leads/waiting.py) matches nothing rather than every lead; "today" is
        the WIB day it is read on (a page turned after midnight shows the new day's). A stage
        lists what it counts: not its leads closed as a duplicate, unless only they are asked
        for (a review: /leads baru listed them, the workspace's Baru chip did not)."""
        closed = True if self.duplicates else (False if self.stage else None)
        return LeadFilter(
            sector=self.sector,
            stage=self.stage,
            assignee_id=admin_id if self.mine else None,
            unassigned=self.unassigned,
            waiting=json.dumps(cutoffs or {}) if self.waiting else None,
            since=start_of_today() if self.today else None,
            closed_duplicate=closed,
            withdrawn=True if self.cancelled else None,
        )

    def code(self) -> str:
        """The filter in callback data: "shortlist,music,mine"."""
        return self.words().replace(" ", ",")

    def words(self) -> str:
        """The filter as staff would type it (also its stored and callback form)."""
        parts = [self.stage or "", self.sector or "", "mine" if self.mine else ""]
        if self.unassigned:
            parts[2] = "unassigned"
        if self.waiting:
            parts.append("waiting")
        if self.today:
            parts.append("today")
        if self.duplicates:
            parts.append("duplicates")
        if self.cancelled:
            parts.append("canceled")
        return " ".join(part for part in parts if part)

    def typed(self, language: str) -> str:
        """The filter as staff would type it in their language: "baru duplikat" in
        Indonesian (a review: an Indonesian footer said "/leads baru duplicates")."""
        words = self.words()
        if language != "id":
            return words
        return " ".join(TYPED_ID.get(word, word) for word in words.split())


def start_of_today(now: datetime | None = None) -> str:
    """Midnight of today in WIB, as a stored ISO UTC time."""
    return start_of_day_utc((now or datetime.now(UTC)).astimezone(WIB).date())


def _today_joined(words: Sequence[str]) -> list[str]:
    """ "hari ini" (two words, any case) as the one filter word "hariini"."""
    joined: list[str] = []
    for word in words:
        if word.lower() == "ini" and joined and joined[-1].lower() == "hari":
            joined[-1] = "hariini"
        else:
            joined.append(word)
    return joined


def parse_filter(words: Sequence[str], content: Content) -> PipelineFilter:
    """`/leads shortlist musik mine`, in any order; a stage by its key or its label in either
    language ("Diteruskan ke KOCCA", "Shortlisted"), any case; FilterError for a word it
    cannot read."""
    stage = sector = None
    mine = unassigned = waiting = today = duplicates = cancelled = False
    for typed in stage_words(content, _today_joined(words)):
        word = typed.lower()
        if word in content.stages and stage is None:
            stage = word
        elif word in WAITING_WORDS:
            waiting = True
        elif word in TODAY_WORDS:
            today = True
        elif word in DUPLICATE_WORDS:
            duplicates = True
        elif word in CANCELLED_WORDS:
            cancelled = True
        elif word in SECTOR_ALIASES and sector is None:
            sector = SECTOR_ALIASES[word]
        elif word in MINE and not unassigned:
            mine = True
        elif word in UNASSIGNED and not mine:
            unassigned = True
        else:
            known = filter_vocabulary(content)
            suggestion = filter_words.meant(word, known)
            # A capitalised word close to a filter word may be a name ("Mina", "mine"):
            # both hints then; "shortlis" gets only the filter meant.
            by_name = word not in known and (suggestion is None or typed[:1].isupper())
            raise FilterError(typed, suggestion, by_name=by_name)
    return PipelineFilter(stage, sector, mine, unassigned, waiting, today, duplicates, cancelled)


def filter_vocabulary(content: Content) -> list[str]:
    """Every word /leads takes: stages (keys and labels), sectors, mine, unassigned, waiting,
    today, duplicates, canceled."""
    words = [*filter_words.stage_names(content), *SECTOR_ALIASES, *MINE, *UNASSIGNED]
    return [*words, *WAITING_WORDS, *TODAY_WORDS, *DUPLICATE_WORDS, *CANCELLED_WORDS]


def parse_code(code: str, content: Content) -> PipelineFilter:
    """A filter back from callback data (FilterError if the content changed meanwhile)."""
    return parse_filter([word for word in code.split(",") if word], content)
