"""What the workspace's page may ask for, checked: anything else is a 400 with a short reason.

Every value a request carries is checked against the content it names (stages, sectors,
provinces, programs) before it reaches the store. Unknown keys of a filter, and unknown sorts,
are refused, not ignored, so a page out of step with the bot says so instead of showing a list
it did not ask for. Other keys at the top of a request's body are ignored: each action reads
only the keys it knows, and the body is at most 64 KB (bot/web/server.MAX_BODY).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from bot.content import Content
from bot.leads import records
from bot.leads.export import start_of_day_utc
from bot.leads.lead_filters import start_of_today
from bot.parsing import FIRST_YEAR, LAST_YEAR, iso_day
from bot.store.applications import parse_reference
from bot.store.leads import MAX_SEARCH, LeadFilter
from bot.store.workspace import SORTS

PAGE_SIZE = 25
BOARD_CARDS = 30  # cards shown per board column; the list has the rest
MAX_SELECTED = 500  # leads in one bulk move from the page
MAX_PAGE = 1_000_000
FILTER_KEYS = frozenset(
    {
        "stage",
        "sector",
        "province",
        "program",
        "assigned",
        "from",
        "to",
        "q",
        "waiting",
        "today",
        "duplicates",
        "cancelled",
    }
)


class BadInput(ValueError):
    """A request the workspace cannot serve; the message is short and safe to return.
    `said`: what the page shows instead of its general "could not be processed", in the
    admin's language (a refusal staff can act on)."""

    def __init__(self, message: str, said: str | None = None) -> None:
        super().__init__(message)
        self.said = said


@dataclass(frozen=True, slots=True)
class Query:
    """A checked filter: the store's, what the audit log records, and the search's length."""

    where: LeadFilter
    described: dict[str, str]  # the filter without the search words (audit log)
    search_length: int
    waiting: bool = False  # only leads longer in their stage than LEAD_WAIT_DAYS allows
    words: str = ""  # the search as typed (never recorded): the list says what it read as a place


def body_object(body: Any) -> dict[str, Any]:
    """The JSON object a request must be."""
    if not isinstance(body, dict):
        raise BadInput("the body must be a JSON object")
    return body


def _text(value: Any, name: str, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise BadInput(f"{name} must be text of at most {limit} characters")
    return value


def _day(value: Any, name: str) -> date:
    day = iso_day(_text(value, name, 10))
    if day is None:
        raise BadInput(f"{name} must be a date like 2026-01-31 ({FIRST_YEAR} to {LAST_YEAR})")
    return day


def integer(value: Any, name: str, low: int = 1, high: int = 2**62) -> int:
    """A whole number in range (not a bool, not text)."""
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise BadInput(f"{name} must be a whole number from {low} to {high}")
    return value


def flag(value: Any, name: str) -> bool:
    """true or false."""
    if not isinstance(value, bool):
        raise BadInput(f"{name} must be true or false")
    return value


def choices(content: Content, question_key: str) -> dict[str, str]:
    """A question's choice values and their labels in Indonesian (to check values)."""
    question = content.questions.get(question_key)
    return (
        {choice.value: choice.label.id for choice in (question.choices or [])} if question else {}
    )


def query(raw: Any, content: Content, viewer_id: int) -> Query:
    """A filter from the page: stage, sector, province, program, assigned, from, to, q,
    waiting ("yes"; its limits come from the settings: see listing.checked_query), today
    ("yes": submitted since midnight WIB, read at each request) and duplicates ("closed":
    only the leads closed as a duplicate)."""
    if raw is None:
        raw = {}
    raw = body_object(raw)
    unknown = set(raw) - FILTER_KEYS
    if unknown:
        raise BadInput(f"unknown filter {sorted(unknown)[0][:20]!r}")
    values = {key: value for key, value in raw.items() if value not in (None, "")}
    checks: dict[str, Collection[str]] = {
        "stage": content.stages,
        "sector": choices(content, "sector"),
        "province": content.provinces,
        "program": content.programs,
        "assigned": ("me", "none"),
        "waiting": ("yes",),
        "today": ("yes",),
        "duplicates": ("closed",),
        "cancelled": ("yes",),
    }
    for key, known in checks.items():
        if key in values and (not isinstance(values[key], str) or values[key] not in known):
            raise BadInput(f"unknown {key}")
    since = until = None
    if "from" in values:
        since = start_of_day_utc(_day(values["from"], "from"))
    if "to" in values:
        until = start_of_day_utc(_day(values["to"], "to") + timedelta(days=1))
    if values.get("today") == "yes":  # with a "from" too: the later of the two
        since = max(since or "", start_of_today())
    words = _text(values.get("q", ""), "q", MAX_SEARCH)
    where = LeadFilter(
        sector=values.get("sector"),
        since=since,
        stage=values.get("stage"),
        assignee_id=viewer_id if values.get("assigned") == "me" else None,
        unassigned=values.get("assigned") == "none",
        until=until,
        province=values.get("province"),
        program=values.get("program"),
        search=records.search_pattern_for(content, words),
        # Only the leads closed as a duplicate ("closed"): those a stage's list and export
        # leave out, seen on asking (listing.leads).
        closed_duplicate=True if values.get("duplicates") == "closed" else None,
        # Only the registrations their talent cancelled (🚫 in the list), as /leads canceled.
        withdrawn=True if values.get("cancelled") == "yes" else None,
    )
    described = {key: str(value) for key, value in values.items() if key != "q"}
    return Query(where, described, len(words.strip()), values.get("waiting") == "yes", words)


def sort(raw: Any) -> tuple[str, bool]:
    """{"by": one of SORTS, "desc": bool}; newest first when absent."""
    if raw is None:
        return "submitted", True
    raw = body_object(raw)
    if set(raw) - {"by", "desc"}:
        raise BadInput("sort takes only by and desc")
    by = raw.get("by", "submitted")
    if by not in SORTS:
        raise BadInput("unknown sort")
    return by, flag(raw.get("desc", False), "desc")


def page(raw: Any) -> int:
    """A page number from 1."""
    return 1 if raw is None else integer(raw, "page", 1, MAX_PAGE)


def lead_id(body: dict[str, Any]) -> int:
    """The application id a lead request is about."""
    return integer(body.get("id"), "id")


def lead_key(body: dict[str, Any]) -> int | str:
    """The lead a page asks for: its reference (KOC-000046, as the address shows it since a
    staff review s59, L2: "#lead/53" was read as KOC-000053), or its application id (a link
    from before, the chat's button of an older message)."""
    if "reference" not in body:
        return lead_id(body)
    raw = body.get("reference")
    found = parse_reference(raw, bare=False) if isinstance(raw, str) and len(raw) <= 20 else None
    if found is None:
        raise BadInput("reference must be like KOC-000123")
    return found


def stage_key(body: dict[str, Any]) -> str:
    """A stage key as it came (the caller checks it against content, recording a refusal)."""
    return _text(body.get("stage"), "stage", 64)


def selection(raw: Any) -> list[int]:
    """Application ids chosen on the page (each once)."""
    if not isinstance(raw, list) or not 1 <= len(raw) <= MAX_SELECTED:
        raise BadInput(f"ids must be a list of 1 to {MAX_SELECTED} leads")
    ids = [integer(value, "ids") for value in raw]
    if len(set(ids)) != len(ids):
        raise BadInput("ids must not repeat")
    return ids


def words(body: dict[str, Any], name: str, limit: int) -> str:
    """Text staff typed (a note, a reply): checked for type and length only."""
    return _text(body.get(name), name, limit)
