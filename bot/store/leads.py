"""Leads as staff read them: streamed for exports, paged for /leads, counted for /stats."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from bot.store.applications import parse_reference
from bot.store.db import Database, Params, Reader, Row
from bot.store.folding import UNFOLDED_LEADS, fold
from bot.terminal_text import without_controls

GUARDIAN_CONSENT = "guardian"  # asked only of a talent under 18
CONSENT_KINDS = ("processing", "transfer_korea", "announcements", GUARDIAN_CONSENT)


@dataclass(frozen=True, slots=True)
class LeadFilter:
    """Which applications a staff export, listing, board or bulk move covers."""

    sector: str | None = None  # the `sector` answer: "music" or "film"
    since: str | None = None  # ISO UTC lower bound on the submitted (for drafts: created) time
    drafts: bool = False  # include applications still being filled in
    stage: str | None = None  # the pipeline stage key
    assignee_id: int | None = None  # assigned to this admin
    unassigned: bool = False  # assigned to nobody
    until: str | None = None  # ISO UTC upper bound (excluded), as `since`
    province: str | None = None  # the `province` answer (its code)
    program: str | None = None  # a program key among the `programs_of_interest` answers
    # LIKE patterns over lead_search.search (name, stage name, email, phone, city, what
    # "Lainnya" holds, reference) as a JSON list, each already folded and escaped with
    # "\\"; a lead matches when every one does (see `search_pattern`). A province's words are
    # [pattern, code]: the lead is from that province, or has those words. A sector's word is
    # {"sector": code}: the lead is of that sector. Words naming a stage or an answer's choice
    # are {"like": pattern, "any": [[question key or "stage", value], ...]}: the lead is at
    # that stage or gave one of those answers, or has those words (ChoiceWord).
    search: str | None = None
    # Waiting leads only: {stage: ISO UTC time} (JSON); a lead waits if it entered its stage
    # before its stage's time and is not closed as a duplicate ("{}": none waits).
    waiting: str | None = None
    # Closed as a duplicate: None either way, False only those that are not (a stage's export:
    # such a lead is counted in no stage), True only those that are.
    closed_duplicate: bool | None = None
    # Cancelled by their talent (lead_pipeline.talent_withdrawn_at): None either way, True only
    # those that are, False only those that are not.
    withdrawn: bool | None = None

    @property
    def params(self) -> tuple[object, ...]:
        """The values of _MATCHING's placeholders, in order."""
        return (int(self.drafts), *self.filter_params)

    @property
    def filter_params(self) -> tuple[object, ...]:
        """The values of FILTERS' placeholders, in order."""
        sector = None if self.sector is None else json.dumps(self.sector)
        # The first word's LIKE alone, then the others' only on the rows it finds: a JSON
        # list read per row cost four times as much (50,000 leads: 14 → 62 ms).
        first, others = None, None
        if self.search is not None:
            # A province's words ([pattern, code]) and a sector's ({"sector": code}) are among
            # the others: the first is a plain pattern, "%" (any lead) when there is none.
            items = json.loads(self.search)
            plain = [item for item in items if isinstance(item, str)]
            first = plain[0] if plain else "%"
            rest = [item for item in items if item is not first]
            others = json.dumps(rest, ensure_ascii=False)
        closed = None if self.closed_duplicate is None else int(self.closed_duplicate)
        withdrawn = None if self.withdrawn is None else int(self.withdrawn)
        province = None if self.province is None else json.dumps(self.province)
        return (
            self.since,
            self.since,
            self.until,
            self.until,
            sector,
            sector,
            self.stage,
            self.stage,
            self.assignee_id,
            self.assignee_id,
            int(self.unassigned),
            province,
            province,
            self.program,
            self.program,
            first,
            first,
            others,
            self.waiting,
            self.waiting,
            closed,
            closed,
            withdrawn,
            withdrawn,
        )


MAX_SEARCH = 100  # characters of a lead search (the workspace's, /lead's)
MAX_SEARCH_WORDS = 8  # words of it looked for; more say nothing a name and a city do not
# "Budi, Kupang", "budi;kupang": punctuation between words is not part of them.
_BETWEEN_WORDS = re.compile("[\\s,;:!?()\\[\\]{}\"'\u201c\u201d\u2018\u2019]+")


_PHONE_SEPARATORS = re.compile(r"[\s\-.()]")
_PHONE_TYPED = re.compile(r"\+?\d{5,}")


@dataclass(frozen=True, slots=True)
class SectorWord:
    """A word of a search read as a field of work ("film", "musik"): only the leads of that
    sector are found (LeadFilter.search holds it as {"sector": code})."""

    typed: str
    code: str


@dataclass(frozen=True, slots=True)
class ChoiceWord:
    """Words of a search read as a stage or as a choice of an answer: "shortlist", "penyanyi"
    (a role), "dokumenter" (a film format), "MU:CON" (a program). The leads at that stage or
    with that answer are found, and those whose searched text holds the words, as ever (a
    staff review s57: each of these found nobody)."""

    typed: str
    choices: tuple[tuple[str, str], ...]  # (question key, or "stage"; the value)


Choices = Mapping[str, tuple[tuple[str, str], ...]]


def search_words(text: str) -> str:
    """Text as a search reads it to name something: folded, its words split as typed words are
    ("MU:CON" -> "mu con"), so a choice's label is known whichever way it is typed."""
    return " ".join(word for word in _BETWEEN_WORDS.split(fold(text)) if word)


def search_pattern(
    words: str,
    places: Mapping[str, str] | None = None,
    sectors: Mapping[str, str] | None = None,
    choices: Choices | None = None,
) -> str | None:
    """What staff typed as LIKE patterns for lead_search (LeadFilter.search: a JSON list),
    one per word, so that "Dewi Bandung" finds Dewi from Bandung whatever the order (a staff
    review: only one unbroken phrase was found): every letter folded as the index holds them
    (bot/store/folding.py: "ÉLISE" finds "élise"), %, _ and \\ taken literally. A phone number or
    a short reference ("KOC-2", "koc 12") is one pattern, as /lead reads it. `places`: a
    province's names, folded, to its code (bot/leads/records.search_places): words naming one
    ("jawa barat", "Jabar") find the leads from it, or with those words, as [pattern, code].
    `sectors`: a field of work's names, folded, to its code (bot/leads/records.search_sectors):
    a word naming one ("film bali") finds only the leads of that sector, as {"sector": code}.
    `choices`: a stage's or an answer's choice's names, as `search_words` reads them, to what
    they stand for (bot/leads/records.search_choices): a ChoiceWord."""
    items = _searched(words, places or {}, sectors or {}, choices or {})
    if items is None:
        return None
    return json.dumps([_pattern(item) for item in items], ensure_ascii=False)


def _pattern(item: Searched) -> str | list[str] | dict[str, Any]:
    if isinstance(item, SectorWord):
        return {"sector": item.code}
    if isinstance(item, ChoiceWord):
        return {
            "like": _like(search_words(item.typed)),
            "any": [list(choice) for choice in item.choices],
        }
    if isinstance(item, tuple):
        return [_like(item[0]), item[1]]
    return _like(item)


def places_read(words: str, places: Mapping[str, str]) -> list[tuple[str, str]]:
    """The runs of words a search reads as a province's name (`search_pattern`), as typed,
    with the province's code: the lists say so (a review: "korea" read as abroad, unsaid)."""
    return [item for item in _searched(words, places, {}, {}) or [] if isinstance(item, tuple)]


def sectors_read(
    words: str, places: Mapping[str, str], sectors: Mapping[str, str], choices: Choices
) -> list[SectorWord | ChoiceWord]:
    """The words a search reads as a field of work, a stage or an answer's choice
    (`search_pattern`), in the order typed: the lists say so."""
    found = _searched(words, places, sectors, choices) or []
    return [item for item in found if isinstance(item, SectorWord | ChoiceWord)]


Searched = str | tuple[str, str] | SectorWord | ChoiceWord


def _searched(
    words: str, places: Mapping[str, str], sectors: Mapping[str, str], choices: Choices
) -> list[Searched] | None:
    """What a search looks for: words, (words, code) for a province named, a SectorWord for a
    field of work named, a ChoiceWord for a stage or a choice named; None when nothing is
    typed."""
    # Control characters are no one's text: a NUL ended SQLite's pattern there, so "\x00"
    # matched every lead (an attacker's review).
    text = " ".join(without_controls(words).split())
    if not text:
        return None
    # A phone number as WhatsApp and the form's example write it ("0812 3456 7890",
    # "+62 812-3456-7890") is searched as the digits the index holds (a staff review).
    number = _PHONE_SEPARATORS.sub("", text)
    reference = parse_reference(text, bare=False)
    if _PHONE_TYPED.fullmatch(number):
        return [number]
    if reference is not None:
        return [reference]
    typed = _phone_joined([word for word in _BETWEEN_WORDS.split(text) if word])
    items = _places_named(list(dict.fromkeys(typed)), places, choices, text)[:MAX_SEARCH_WORDS]
    if not items:
        return [text]  # only punctuation: looked for as typed
    return [
        SectorWord(item, sectors[fold(item)])
        if isinstance(item, str) and fold(item) in sectors
        else item
        for item in items
    ]


_LONGEST_PLACE = 4  # words of a province's longest name ("Daerah Istimewa Yogyakarta" and so)


def _places_named(
    words: list[str], places: Mapping[str, str], choices: Choices, text: str
) -> list[str | tuple[str, str] | ChoiceWord]:
    """The words, with each run of them that names a province (the longest first) as one
    (its words, its code), and each that names a stage or a choice as a ChoiceWord (with
    the words as `text` has them: "MU:CON", not "MU CON")."""
    items: list[str | tuple[str, str] | ChoiceWord] = []
    start = 0
    while start < len(words):
        for length in range(min(_LONGEST_PLACE, len(words) - start), 0, -1):
            phrase = " ".join(words[start : start + length])
            code = places.get(fold(phrase))
            named = choices.get(search_words(phrase))
            if code is not None:
                items.append((phrase, code))
            elif named:
                items.append(ChoiceWord(_as_typed(text, words[start : start + length]), named))
            else:
                continue
            start += length
            break
        else:
            items.append(words[start])
            start += 1
    return items


def _as_typed(text: str, words: list[str]) -> str:
    """A run of search words as they stand in what was typed, the punctuation between them
    kept ("MU:CON"); joined by spaces if they are not side by side there."""
    found = re.search(_BETWEEN_WORDS.pattern.join(re.escape(word) for word in words), text)
    return found.group() if found else " ".join(words)


# A piece of a number: its characters, a digit among them. Its first digit is matched by the one
# `\d` (no digit before it), so a word is read once: with `[\d\-.()]*` before it, "1" * 4,096
# then "!" was tried from each digit (0.1 s).
_PHONE_PIECE = re.compile(r"\+?[\-.()]*\d[\d\-.()]*")
_PHONE_REGION = "ID"  # a number typed without a country code is Indonesian (as the form's)
_LONGEST_PHONE = 15  # digits of the longest number E.164 allows


def _phone_joined(words: list[str]) -> list[str]:
    """The words, with a phone number typed among them ("budi +62 812-3456-7890", "budi 0812
    3456 7890") as one word of its digits, as a phone typed alone is searched (a review: its
    pieces never matched the number the index holds). Number pieces are joined only as far as
    they make a phone number, the longest: a year or a second number beside it stays a word
    of its own ("eka 0812 3456 7890 2024" was one number of 16 digits, found nobody)."""
    joined: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if word and _PHONE_PIECE.fullmatch(word):
            run.append(word)
            continue
        joined.extend(_numbers(run))
        run = []
        if word:
            joined.append(word)
    return joined


def _numbers(pieces: list[str]) -> list[str]:
    """Number pieces typed side by side as words: the most of them in a row that make a phone
    number as one word of its digits, then the pieces before and after it alike; a piece in
    none as itself (its digits, if it is a number of 5 or more)."""
    found = max(
        (
            (end - start, -start, start, end)
            for start in range(len(pieces))
            for end in range(start + 2, len(pieces) + 1)
            if _is_phone(_PHONE_SEPARATORS.sub("", "".join(pieces[start:end])))
        ),
        default=None,
    )
    if found is None:
        alone = [_PHONE_SEPARATORS.sub("", piece) for piece in pieces]
        return [a if _PHONE_TYPED.fullmatch(a) else p for a, p in zip(alone, pieces, strict=True)]
    start, end = found[2:]
    number = _PHONE_SEPARATORS.sub("", "".join(pieces[start:end]))
    return [*_numbers(pieces[:start]), number, *_numbers(pieces[end:])]


def _is_phone(number: str) -> bool:
    """Whether `number` (digits, perhaps after a "+") is a phone number that can be dialled."""
    import phonenumbers  # only a search with number pieces needs it (start-up)

    if len(number.lstrip("+")) > _LONGEST_PHONE or not _PHONE_TYPED.fullmatch(number):
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(number, _PHONE_REGION))
    except phonenumbers.NumberParseException:
        return False


def _like(text: str) -> str:
    """One LIKE pattern: the text anywhere, folded as the index is, taken literally."""
    escaped = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True, slots=True)
class LeadNote:
    """A staff note as exports show it."""

    created_at: str
    author_id: int | None
    text: str


@dataclass(frozen=True, slots=True)
class Lead:
    """One application with its talent, answers and current consents."""

    application_id: int
    reference: str | None
    status: str
    submitted_at: str | None
    created_at: str
    language: str
    user_id: int
    first_name: str
    last_name: str | None
    username: str | None
    source: str | None
    consents: dict[str, bool]  # current state per kind; a kind never asked is absent
    answers: dict[str, Any] = field(default_factory=dict)  # a skipped question maps to None
    stage: str | None = None  # pipeline stage key (None for a draft)
    assignee_id: int | None = None
    stage_changed_at: str | None = None
    notes: tuple[LeadNote, ...] = ()  # newest first
    updates_sent: int = 0  # talent messages delivered about this lead
    closed_duplicate: bool = False  # closed as a duplicate of another lead: in no stage
    withdrawn: bool = False  # cancelled by its talent (bot/store/cancellations.py)


@dataclass(frozen=True, slots=True)
class Counts:
    """The funnel and audience numbers of /stats."""

    started: int
    consented: int
    drafts: int
    submitted: int  # submitted leads, not counting those closed as a duplicate
    subscribers: int
    blocked: int
    duplicates: int = 0  # submitted leads closed as a duplicate: in no other count of /stats


@dataclass(frozen=True, slots=True)
class Funnel:
    """What the funnel part of /stats is computed from, read from one snapshot."""

    counts: Counts
    answers: dict[str, dict[Any, int]]  # question key -> answer value -> submitted leads
    per_day: dict[str, int]  # WIB date (YYYY-MM-DD) -> leads submitted that day
    sources: list[tuple[str | None, int, int]]  # source, people, leads; most people first


# One row per application with its talent; consents: the newest row of each kind is the
# current state (the table is append-only).
_LEADS = """
SELECT a.id, a.reference, a.status, a.submitted_at, a.created_at, a.language, a.user_id,
    u.first_name, u.last_name, u.username, u.source,
    (SELECT c.granted FROM consents c WHERE c.user_id = a.user_id AND c.kind = 'processing'
        ORDER BY c.id DESC LIMIT 1) AS consent_processing,
    (SELECT c.granted FROM consents c WHERE c.user_id = a.user_id AND c.kind = 'transfer_korea'
        ORDER BY c.id DESC LIMIT 1) AS consent_transfer_korea,
    (SELECT c.granted FROM consents c WHERE c.user_id = a.user_id AND c.kind = 'announcements'
        ORDER BY c.id DESC LIMIT 1) AS consent_announcements,
    (SELECT c.granted FROM consents c WHERE c.user_id = a.user_id AND c.kind = 'guardian'
        ORDER BY c.id DESC LIMIT 1) AS consent_guardian,
    p.stage, p.assignee_id, p.stage_changed_at,
    p.duplicate_closed_at IS NOT NULL AS closed_duplicate,
    p.talent_withdrawn_at IS NOT NULL AS withdrawn,
    (SELECT json_group_array(json_array(n.created_at, n.author_id, n.text)) FROM
        (SELECT created_at, author_id, text FROM lead_notes WHERE application_id = a.id
            ORDER BY id DESC) n) AS notes,
    (SELECT COUNT(*) FROM talent_updates t WHERE t.application_id = a.id
        AND t.status = 'sent') AS updates_sent
FROM applications a
JOIN users u ON u.user_id = a.user_id
LEFT JOIN lead_pipeline p ON p.application_id = a.id
"""
_ANSWERS = """
SELECT ans.application_id, ans.question_key, ans.value
FROM answers ans
JOIN applications a ON a.id = ans.application_id
LEFT JOIN lead_pipeline p ON p.application_id = a.id
"""
# A lead of lead_search x at a stage or with an answer's choice, one of c.value's
# [question key or "stage", value] (a ChoiceWord): its stage, or the answer holding the value
# (a choice's value is a JSON string, alone or in a list).
CHOSEN = """json_extract(c.value, '$[0]') = 'stage' AND x.stage = json_extract(c.value, '$[1]')
    OR EXISTS (SELECT 1 FROM answers s WHERE s.application_id = x.application_id
        AND s.question_key = json_extract(c.value, '$[0]')
        AND instr(s.value, json_quote(json_extract(c.value, '$[1]'))) > 0)"""
# Dates, sector, stage, assignee, province, program, search, waiting and closed as a
# duplicate; the export's, the list's, the board's and the bulk move's conditions all end
# with these.
FILTERS = (
    """
    AND (? IS NULL OR COALESCE(a.submitted_at, a.created_at) >= ?)
    AND (? IS NULL OR COALESCE(a.submitted_at, a.created_at) < ?)
    AND (? IS NULL OR EXISTS (SELECT 1 FROM answers s WHERE s.application_id = a.id
        AND s.question_key = 'sector' AND s.value = ?))
    AND (? IS NULL OR p.stage = ?)
    AND (? IS NULL OR p.assignee_id = ?)
    AND (? = 0 OR p.assignee_id IS NULL)
    AND (? IS NULL OR EXISTS (SELECT 1 FROM answers s WHERE s.application_id = a.id
        AND s.question_key = 'province' AND s.value = ?))
    AND (? IS NULL OR EXISTS (SELECT 1 FROM answers s, json_each(s.value) j
        WHERE s.application_id = a.id AND s.question_key = 'programs_of_interest'
        AND j.value = ?))
    AND (? IS NULL OR a.id IN (SELECT x.application_id FROM lead_search x
        WHERE x.search LIKE ? ESCAPE '\\' AND NOT EXISTS (SELECT 1 FROM json_each(?) w
            WHERE w.type = 'text' AND x.search NOT LIKE w.value ESCAPE '\\'
            OR w.type = 'array' AND x.province IS NOT json_extract(w.value, '$[1]')
                AND x.search NOT LIKE json_extract(w.value, '$[0]') ESCAPE '\\'
            OR w.type = 'object' AND json_extract(w.value, '$.like') IS NULL
                AND x.sector IS NOT json_extract(w.value, '$.sector')
            OR w.type = 'object' AND x.search NOT LIKE json_extract(w.value, '$.like') ESCAPE '\\'
                AND NOT EXISTS (SELECT 1 FROM json_each(w.value, '$.any') c WHERE """  # noqa: S608 - constants
    + CHOSEN
    + """))))
    AND (? IS NULL OR (p.duplicate_closed_at IS NULL AND p.stage_changed_at <
        (SELECT w.value FROM json_each(?) w WHERE w.key = p.stage)))
    AND (? IS NULL OR (p.duplicate_closed_at IS NOT NULL) = ?)
    AND (? IS NULL OR (p.talent_withdrawn_at IS NOT NULL) = ?)
"""
)
# CASE rather than OR: SQLite then reads applications in id order and streams the rows,
# instead of sorting the whole result before the first one.
_MATCHING = (
    """
WHERE (CASE a.status WHEN 'submitted' THEN 1 WHEN 'draft' THEN ? ELSE 0 END) = 1
    AND a.amends IS NULL
"""
    + FILTERS
)
# The list walks the submitted leads newest first by index and stops at the page's end.
# Constant strings only, joined: every value goes through a ? placeholder.
_PAGE = "".join(
    (
        "\nWHERE a.id IN (SELECT a.id FROM applications a",
        " LEFT JOIN lead_pipeline p ON p.application_id = a.id WHERE a.status = 'submitted'",
        FILTERS,
        " ORDER BY a.submitted_at DESC, a.id DESC LIMIT ? OFFSET ?)",
    )
)
_COUNT = "".join(
    (
        "SELECT COUNT(*) FROM applications a",
        " LEFT JOIN lead_pipeline p ON p.application_id = a.id WHERE a.status = 'submitted'",
        FILTERS,
    )
)
_ONE = " WHERE a.id = ? AND a.status = 'submitted'"
_BY_REFERENCE = " WHERE a.reference = ? AND a.status = 'submitted'"
_MANY = " WHERE a.id IN (SELECT value FROM json_each(?)) AND a.status = 'submitted'"


class Leads:
    """Read-only views of applications for staff; the bot's writes stay in Applications."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @asynccontextmanager
    async def stream(self, where: LeadFilter) -> AsyncIterator[AsyncIterator[Lead]]:
        """Every matching lead in reference order, read in batches off the event loop.

        Leads and answers come as two ordered streams merged by application id (one joined
        query would look the consents up again for every answer), both from one snapshot: a
        lead submitted or erased meanwhile is either there with all its answers or not at all.
        """
        params = where.params
        # Constant strings only; every value goes through a ? placeholder.
        leads_sql = _LEADS + _MATCHING + " ORDER BY a.id"
        answers_sql = _ANSWERS + _MATCHING + " ORDER BY ans.application_id"
        async with (
            self._db.snapshot() as view,
            view.stream(leads_sql, params) as leads,
            view.stream(answers_sql, params, batch=2000) as answers,
        ):
            yield _merged(leads, answers)

    async def refold_search(self) -> list[str]:
        """Make again, as the bot folds, the searched text of the leads a connection without
        its fold wrote (bot/store/folding.unfolded); their references (the writer's lower()
        is the bot's fold, so the view makes them folded)."""
        async with self._db.transaction() as tx:
            rows = await tx.fetch_all(UNFOLDED_LEADS)
            ids = json.dumps([int(row["application_id"]) for row in rows])
            await tx.execute(
                "DELETE FROM lead_search WHERE application_id IN (SELECT value FROM json_each(?))",
                (ids,),
            )
            await tx.execute(
                "INSERT INTO lead_search SELECT * FROM lead_search_source"
                " WHERE application_id IN (SELECT value FROM json_each(?))",
                (ids,),
            )
        return sorted(str(row["reference"]) for row in rows)

    async def total(self, where: LeadFilter | None = None) -> int:
        """How many leads have been submitted (and match the filter)."""
        value = await self._db.fetch_value(_COUNT, (where or LeadFilter()).filter_params)
        return int(value or 0)

    async def page(self, offset: int, limit: int, where: LeadFilter | None = None) -> list[Lead]:
        """Submitted leads (matching the filter), newest first."""
        found = await self._fetch(_PAGE, (*(where or LeadFilter()).filter_params, limit, offset))
        return sorted(
            found, key=lambda lead: (lead.submitted_at or "", lead.application_id), reverse=True
        )

    async def get(self, application_id: int) -> Lead | None:
        """One submitted lead by application id."""
        found = await self._fetch(_ONE, (application_id,))
        return found[0] if found else None

    async def many(self, application_ids: list[int]) -> list[Lead]:
        """Submitted leads by id, in the order given (gone ones left out)."""
        found = {
            lead.application_id: lead
            for lead in await self._fetch(_MANY, (json.dumps(application_ids),))
        }
        return [found[lead_id] for lead_id in application_ids if lead_id in found]

    async def by_reference(self, reference: str) -> Lead | None:
        """One submitted lead by its reference code (KOC-000123)."""
        found = await self._fetch(_BY_REFERENCE, (reference,))
        return found[0] if found else None

    async def _fetch(self, where_sql: str, params: Params) -> list[Lead]:
        """A few leads with their answers (for screens, not exports)."""
        leads = [_lead(row) for row in await self._db.fetch_all(_LEADS + where_sql, params)]
        by_id = {lead.application_id: lead for lead in leads}
        for row in await self._db.fetch_all(_ANSWERS + where_sql, params):
            _add_answer(by_id[row["application_id"]], row)
        return leads

    async def counts(self, view: Reader, staff: Iterable[int]) -> Counts:
        """The funnel's counts: talents who started, consented, drafts, leads, audience
        (`staff`: the ids not counted as talents)."""
        return await self._counts(view, await _staff_rows(view, staff))

    async def _counts(self, view: Reader, staff: list[Row]) -> Counts:
        row = await view.fetch_one(_COUNTS)
        assert row is not None  # an aggregate query always returns one row
        duplicates = int(await view.fetch_value(_CLOSED_COUNT) or 0)
        return Counts(
            started=int(row["started"]) - len(staff),
            consented=int(row["consented"]) - sum(int(one["consented"]) for one in staff),
            drafts=int(row["drafts"]),
            submitted=int(row["submitted"]) - duplicates,
            subscribers=int(row["subscribers"]) - sum(int(one["subscriber"]) for one in staff),
            blocked=int(row["blocked"]) - sum(int(one["blocked"]) for one in staff),
            duplicates=duplicates,
        )

    async def funnel(self, view: Reader, since: str, staff: Iterable[int]) -> Funnel:
        """The funnel numbers of /stats, read where the caller says (a snapshot of its own,
        so that these reads, about half a second at 50,000 leads, never queue in front of
        talents' replies on the shared reader)."""
        staff = sorted(staff)
        staff_rows = await _staff_rows(view, staff)
        counts = await self._counts(view, staff_rows)
        answers: dict[str, dict[Any, int]] = {key: {} for key in STATS_QUESTIONS}
        # A lead closed as a duplicate is its talent's other lead: counted in none of these
        # (as in no stage), so its answers, day and source are taken off again (a few rows,
        # from the partial index lead_pipeline_closed; the big counts stay as they were).
        for query, sign in ((_ANSWER_COUNTS, 1), (_CLOSED_ANSWER_COUNTS, -1)):
            for row in await view.fetch_all(query):
                tally = answers[row["question_key"]]
                value = json.loads(row["value"])
                for item in value if isinstance(value, list) else [value]:
                    tally[item] = tally.get(item, 0) + sign * int(row["leads"])
        for tally in answers.values():
            for item in [item for item, count in tally.items() if count <= 0]:
                del tally[item]
        per_day = {
            str(row["day"]): int(row["leads"])
            for row in await view.fetch_all(_PER_WIB_DAY, (since,))
        }
        subtract(per_day, await closed_per_day(view, since))
        sources = {
            row["source"]: (int(row["users"]), int(row["leads"] or 0))
            for row in await view.fetch_all(_SOURCES)
        }
        for one in staff_rows:
            users, leads = sources[one["source"]]
            sources[one["source"]] = (users - 1, leads - int(one["leads"]))
        for row in await view.fetch_all(_CLOSED_SOURCES, {"staff": json.dumps(staff)}):
            users, leads = sources[row["source"]]
            sources[row["source"]] = (users, leads - int(row["leads"]))
        ranked = sorted(
            ((source, users, leads) for source, (users, leads) in sources.items() if users),
            key=lambda item: (-item[1], item[0] is not None, item[0] or ""),
        )
        return Funnel(counts, answers, per_day, ranked)


async def closed_per_day(view: Reader, since: str) -> dict[str, int]:
    """Submitted leads closed as a duplicate per WIB date since a moment (to take off the
    leads per day: /stats' days and its chart count them nowhere, as no stage does)."""
    rows = await view.fetch_all(_CLOSED_PER_WIB_DAY, (since,))
    return {str(row["day"]): int(row["leads"]) for row in rows}


def subtract(counts: dict[str, int], taken: dict[str, int]) -> None:
    """Take `taken` off `counts` in place, dropping what reaches nothing."""
    for key, n in taken.items():
        left = counts.get(key, 0) - n
        if left > 0:
            counts[key] = left
        else:
            counts.pop(key, None)


async def _staff_rows(view: Reader, staff: Iterable[int]) -> list[Row]:
    """What the staff's own rows add to the funnel's counts (subtracted: a look-up by id for
    each admin, where leaving them out of the scans cost every scan a test per row)."""
    return await view.fetch_all(_STAFF, staff_parameter(staff))


def staff_parameter(staff: Iterable[int]) -> dict[str, str]:
    """The `:staff` of _STAFF and TALENTS: the ids (ADMIN_IDS) as a JSON array."""
    return {"staff": json.dumps(sorted(staff))}


# The questions /stats counts the answers of. The partial index answers_stats (migration
# 0017_indexes_for_stats_and_status) holds exactly these, and _ANSWER_COUNTS names them
# literally: SQLite uses a partial index only for a query whose WHERE repeats its own.
STATS_QUESTIONS = ("sector", "music_role", "film_role", "province")
_ANSWER_COUNTS = """
SELECT question_key, value, COUNT(*) AS leads FROM answers
WHERE question_key IN ('sector', 'music_role', 'film_role', 'province') AND value IS NOT NULL
    AND application_id IN (SELECT id FROM applications WHERE status = 'submitted')
GROUP BY question_key, value
"""
# Consented: the newest processing consent of each talent is a grant (the table is
# append-only): SQLite takes a bare column of a MAX() group from the row with the maximum,
# here read in one pass over the partial index consents_processing (0029; its WHERE
# repeated). Users are counted in one pass.
_COUNTS = """
SELECT COUNT(*) AS started,
    COALESCE(SUM(subscribed = 1 AND blocked = 0), 0) AS subscribers,
    COALESCE(SUM(blocked = 1), 0) AS blocked,
    (SELECT COALESCE(SUM(granted = 1), 0) FROM (SELECT granted, MAX(id) FROM consents
        WHERE kind = 'processing' GROUP BY user_id)) AS consented,
    (SELECT COUNT(*) FROM applications WHERE status = 'draft' AND amends IS NULL) AS drafts,
    (SELECT COUNT(*) FROM applications WHERE status = 'submitted') AS submitted
FROM users
"""
# The funnel counts talents: what staff's own rows (ADMIN_IDS, the JSON array `:staff`) add
# to the people counts and the sources is taken off (an admin who tried the bot is not a
# talent); a lead staff submitted to try the form stays a lead, as the lead list shows it.
# Their newest processing consent is read as _COUNTS reads everyone's.
_STAFF = """
SELECT u.source, u.subscribed = 1 AND u.blocked = 0 AS subscriber, u.blocked = 1 AS blocked,
    COALESCE((SELECT c.granted FROM consents c WHERE c.user_id = u.user_id
        AND c.kind = 'processing' ORDER BY c.id DESC LIMIT 1), 0) = 1 AS consented,
    (SELECT COUNT(*) FROM applications a WHERE a.user_id = u.user_id
        AND a.status = 'submitted') AS leads
FROM users u WHERE u.user_id IN (SELECT value FROM json_each(:staff))
"""
# The talents /stats counts ("People who started a chat"): every user less staff's own rows
# (`:staff`, as above); `kocca-bot backup` and `restore` give the same number (a new operator's
# review s58, L5: "6 talents" against /stats' 5, the sixth the admin).
TALENTS = f"""
SELECT (SELECT COUNT(*) FROM users) - (SELECT COUNT(*) FROM ({_STAFF}))
"""  # noqa: S608 - constant SQL, no input
# Leads per WIB date (WIB is UTC+7 all year), from the submission-time index.
_PER_WIB_DAY = """
SELECT date(submitted_at, '+7 hours') AS day, COUNT(*) AS leads FROM applications
WHERE status = 'submitted' AND submitted_at >= ? GROUP BY day
"""
# Submitted leads closed as a duplicate, from the partial index lead_pipeline_closed (a few
# rows): /stats counts them apart, and takes them off every other count with these. CROSS JOIN
# keeps that index the outer loop: left to itself SQLite walked every submitted application
# (40 ms at 50,000 leads, against 0.5 ms).
_CLOSED = """
SELECT p.application_id FROM lead_pipeline p CROSS JOIN applications a ON a.id = p.application_id
WHERE p.duplicate_closed_at IS NOT NULL AND a.status = 'submitted'
"""
_CLOSED_COUNT = f"SELECT COUNT(*) FROM ({_CLOSED})"  # noqa: S608 - constant SQL, no input
# The leads /stats counts: submitted, less those closed as a duplicate (counted apart there);
# `kocca-bot backup` and `restore` give the same number (s58: backup counted them as leads).
LEADS = f"""
SELECT (SELECT COUNT(*) FROM applications WHERE status = 'submitted') - ({_CLOSED_COUNT})
"""  # noqa: S608 - constant SQL, no input
_CLOSED_ANSWER_COUNTS = f"""
SELECT s.question_key, s.value, COUNT(*) AS leads
FROM ({_CLOSED}) c CROSS JOIN answers s ON s.application_id = c.application_id
WHERE s.question_key IN ('sector', 'music_role', 'film_role', 'province') AND s.value IS NOT NULL
GROUP BY s.question_key, s.value
"""  # noqa: S608 - constant SQL, no input
_CLOSED_PER_WIB_DAY = """
SELECT date(a.submitted_at, '+7 hours') AS day, COUNT(*) AS leads
FROM lead_pipeline p CROSS JOIN applications a ON a.id = p.application_id
WHERE p.duplicate_closed_at IS NOT NULL AND a.status = 'submitted' AND a.submitted_at >= ?
GROUP BY day
"""
# Per source of their talent, staff's own left out (_STAFF takes their leads off already).
_CLOSED_SOURCES = """
SELECT u.source, COUNT(*) AS leads
FROM lead_pipeline p CROSS JOIN applications a ON a.id = p.application_id
    CROSS JOIN users u ON u.user_id = a.user_id
WHERE p.duplicate_closed_at IS NOT NULL AND a.status = 'submitted'
    AND u.user_id NOT IN (SELECT value FROM json_each(:staff))
GROUP BY u.source
"""
# Per first deep-link source: people who came with it, and their submitted leads.
_SOURCES = """
SELECT source, COUNT(*) AS users, SUM(leads) AS leads FROM (
    SELECT u.source, (SELECT COUNT(*) FROM applications a
        WHERE a.user_id = u.user_id AND a.status = 'submitted') AS leads
    FROM users u)
GROUP BY source ORDER BY users DESC, source
"""


async def _merged(leads: AsyncIterator[Row], answers: AsyncIterator[Row]) -> AsyncIterator[Lead]:
    """Attach each answer to its lead; both streams are ordered by application id."""
    pending: Row | None = None
    async for row in leads:
        lead = _lead(row)
        while True:
            if pending is None:
                pending = await anext(answers, None)
                if pending is None:
                    break
            if pending["application_id"] > lead.application_id:
                break
            if pending["application_id"] == lead.application_id:
                _add_answer(lead, pending)
            pending = None
        yield lead


def _add_answer(lead: Lead, row: Row) -> None:
    value = row["value"]
    lead.answers[row["question_key"]] = None if value is None else json.loads(value)


def _lead(row: Row) -> Lead:
    consents = {
        kind: bool(row[f"consent_{kind}"])
        for kind in CONSENT_KINDS
        if row[f"consent_{kind}"] is not None
    }
    return Lead(
        application_id=row["id"],
        reference=row["reference"],
        status=row["status"],
        submitted_at=row["submitted_at"],
        created_at=row["created_at"],
        language=row["language"],
        user_id=row["user_id"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        username=row["username"],
        source=row["source"],
        consents=consents,
        stage=row["stage"],
        assignee_id=row["assignee_id"],
        stage_changed_at=row["stage_changed_at"],
        notes=tuple(LeadNote(*note) for note in json.loads(row["notes"] or "[]")),
        updates_sent=int(row["updates_sent"] or 0),
        closed_duplicate=bool(row["closed_duplicate"]),
        withdrawn=bool(row["withdrawn"]),
    )
