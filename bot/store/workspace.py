"""The staff workspace's reads: the lead table, counts per stage, the board, a lead's log.

Read through a connection of the workspace's own (`Database.side_reader`), so that a desk
browsing 50,000 leads never holds up the reads of talents' replies. Filters are the store's
`LeadFilter` (the same conditions as exports, /leads and Move all); sort keys come from
the `lead_search` table that triggers keep in step (migration 0019_lead_search).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Literal

from bot.store.applications import LATEST_LEAD
from bot.store.conversation import AnsweredBy
from bot.store.db import Database, Reader, Row, utc_now
from bot.store.leads import CHOSEN, LeadFilter
from bot.store.support import ALL_WAITING, NOTE_WAITING_FROM, WAITING_FROM

Sort = Literal[
    "reference",
    "name",
    "stage_name",
    "sector",
    "role",
    "province",
    "stage",
    "assignee",
    "submitted",
    "activity",
]
# Constant ORDER BY clauses, chosen by key (never built from input); the id breaks ties.
# "stage" orders by the stage's place in ",baru,ditinjau,…," (bound as a parameter).
_ORDER: dict[str, str] = {
    "reference": "x.application_id",
    "name": "x.name COLLATE NOCASE",
    "stage_name": "x.stage_name COLLATE NOCASE",
    "sector": "x.sector",
    "role": "x.role",
    "province": "x.province",
    "stage": "instr(?, ',' || x.stage || ',')",
    "assignee": "x.assignee_id",
    "submitted": "x.submitted_at",
    "activity": "(SELECT u.last_seen_at FROM users u WHERE u.user_id = x.talent_id)",
}
SORTS: tuple[str, ...] = tuple(_ORDER)

_ROWS = """
SELECT x.*, a.reference, u.last_seen_at, p.version,
    p.duplicate_closed_at IS NOT NULL AS closed_duplicate,
    p.talent_withdrawn_at IS NOT NULL AS withdrawn,
    (SELECT json_extract(o.value, '$') FROM answers o WHERE o.application_id = x.application_id
        AND o.question_key IN ('music_role_other', 'film_role_other')) AS role_other
FROM lead_search x
JOIN applications a ON a.id = x.application_id
JOIN users u ON u.user_id = x.talent_id
JOIN lead_pipeline p ON p.application_id = x.application_id
WHERE x.application_id IN (SELECT value FROM json_each(?))
"""


def conditions(where: LeadFilter) -> tuple[str, tuple[object, ...]]:
    """The filter as a WHERE over lead_search: only the conditions in use, so that SQLite can
    take an index for them (constant strings; every value is bound). The same filters as the
    store's FILTERS, on the columns lead_search keeps of the same answers."""
    parts: list[str] = []
    values: list[object] = []
    for column, value in (
        ("x.submitted_at >= ?", where.since),
        ("x.submitted_at < ?", where.until),
        ("x.sector = ?", where.sector),
        ("x.stage = ?", where.stage),
        ("x.assignee_id = ?", where.assignee_id),
        ("x.province = ?", where.province),
        ("instr(x.programs, ?) > 0", None if where.program is None else f'"{where.program}"'),
    ):
        if value is not None:
            parts.append(column)
            values.append(value)
    for pattern in [] if where.search is None else json.loads(where.search):
        if isinstance(pattern, dict) and "like" in pattern:  # a stage's or a choice's words
            parts.append(_CHOSEN_OR_WORDS)  # ("shortlist", "penyanyi"): those, or the words
            values += [pattern["like"], json.dumps(pattern["any"])]
            continue
        if isinstance(pattern, dict):  # a sector's word ("film"): of that sector only
            parts.append("x.sector = ?")
            values.append(pattern["sector"])
            continue
        if isinstance(pattern, list):  # a province's words: from it, or with them
            parts.append("(x.province = ? OR x.search LIKE ? ESCAPE '\\')")
            values += [pattern[1], pattern[0]]
            continue
        parts.append("x.search LIKE ? ESCAPE '\\'")  # every word of the search
        values.append(pattern)
    if where.unassigned:
        parts.append("x.assignee_id IS NULL")
    if where.closed_duplicate is not None:  # a stage's list as its export: with or without
        parts.append(_CLOSED_ONLY if where.closed_duplicate else f"NOT {_CLOSED_ONLY}")
    if where.withdrawn is not None:  # cancelled by their talent, or not
        parts.append(_WITHDRAWN_ONLY if where.withdrawn else f"NOT {_WITHDRAWN_ONLY}")
    return (" WHERE " + " AND ".join(parts) if parts else ""), tuple(values)


_CHOSEN_OR_WORDS = (
    "(x.search LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM json_each(?) c WHERE "  # noqa: S608 - constants
    + CHOSEN
    + "))"
)
# Closed as a duplicate: a look-up by the lead's key (LeadFilter.closed_duplicate).
_CLOSED_ONLY = (
    "EXISTS (SELECT 1 FROM lead_pipeline p WHERE p.application_id = x.application_id"
    " AND p.duplicate_closed_at IS NOT NULL)"
)

# Cancelled by the talent: a look-up by the lead's key (LeadFilter.withdrawn).
_WITHDRAWN_ONLY = (
    "EXISTS (SELECT 1 FROM lead_pipeline p WHERE p.application_id = x.application_id"
    " AND p.talent_withdrawn_at IS NOT NULL)"
)


_CHANGES = "SELECT n FROM lead_search_changes WHERE id = 1"
_CLOSED_PER_STAGE = (
    "SELECT x.stage, COUNT(*) AS n FROM lead_pipeline p"
    " JOIN lead_search x ON x.application_id = p.application_id"
    " WHERE p.duplicate_closed_at IS NOT NULL"
)
KEPT_COUNTS = 64  # filters whose counts per stage are kept (a desk uses a handful at a time)

# A line as the workspace shows it: with a staff answer's writer and whether it was a holding
# reply (migration 0032), and the heading it reached the talent with (0043).
_LINE = (
    "l.id, l.direction, l.kind, l.text, l.created_at,"
    " l.answered_by_id, l.answered_by, l.keeps_waiting, l.heading"
)
_LOG_PAGE = (
    "SELECT "  # noqa: S608 - this module's constants only
    + _LINE
    + " FROM conversation_log l WHERE chat_id = ? AND (? IS NULL OR id < ?)"
    " ORDER BY id DESC LIMIT ?"
)
# A talent's staff answers after a log id that left their questions waiting, newest first:
# holding replies, and replies to one question while another waited (answered_only, 0047).
_HELD = (
    "SELECT "  # noqa: S608 - this module's constants only
    + _LINE
    + " FROM conversation_log l WHERE chat_id = ? AND id > ? AND kind = 'staff_answer'"
    " AND (keeps_waiting = 1 OR answered_only IS NOT NULL) ORDER BY id DESC LIMIT ?"
)
# A talent's questions relayed to staff, and the answers staff sent back (their words).
_QUESTIONS = (
    "SELECT "  # noqa: S608 - this module's constants only
    + _LINE
    + """ FROM conversation_log l
WHERE l.chat_id = ? AND (l.kind = 'staff_answer' OR (l.direction = 'in' AND l.message_id IN
    (SELECT r.talent_message_id FROM relayed_messages r
        WHERE r.user_id = ? AND r.kind = 'question')))
ORDER BY l.id DESC LIMIT ?
"""
)
# The talents who have waited longest first (at most :talents: a queue, served in order),
# then the newest waiting questions of each (at most :each): one talent's hundred questions
# do not push the others off the tab. A question in a form's note waits from its lead's
# submission (bot/store/support.py ALL_WAITING).
_WAITING_TALENTS = (
    "SELECT w.user_id, MIN(w.since) AS first FROM ("  # noqa: S608 - constants only
    + ALL_WAITING
    + ") w GROUP BY w.user_id ORDER BY first, w.user_id LIMIT :talents"
)
# The questions in their forms' notes that wait (see NOTE_WAITING_FROM), oldest first.
_NOTES_WAITING = (
    "SELECT a.user_id, a.id AS application_id, a.submitted_at,"  # noqa: S608 - constants only
    " json_extract(n.value, '$') AS note, u.first_name, u.last_name, u.blocked, u.language"
    + NOTE_WAITING_FROM
    + "AND a.user_id IN (SELECT value FROM json_each(:talents)) ORDER BY a.submitted_at, a.id"
)
_WAITING = (
    "SELECT * FROM ("  # noqa: S608 - this module's constants only
    "SELECT " + _LINE + ", r.user_id,"
    " u.first_name, u.last_name, u.blocked, u.language, MAX(r.follows_question_id) AS follows,"
    " MAX(r.talent_message_id) AS relayed_id,"
    " ROW_NUMBER() OVER (PARTITION BY r.user_id ORDER BY l.id DESC) AS nth"
    + WAITING_FROM
    + "AND r.user_id IN (SELECT value FROM json_each(:talents)) GROUP BY l.id)"
    " WHERE nth <= :each ORDER BY id"
)
_WAITING_COUNT = "SELECT COUNT(DISTINCT w.user_id) FROM (" + ALL_WAITING + ") w"  # noqa: S608
_CONSENTS = """
SELECT kind, granted, created_at FROM consents WHERE user_id = ? ORDER BY id
"""


@dataclass(frozen=True, slots=True)
class LeadRow:
    """One line of the lead table (or one card of the board)."""

    application_id: int
    reference: str
    name: str
    stage_name: str | None
    sector: str | None
    role: str | None
    province: str | None
    stage: str
    version: int
    assignee_id: int | None
    submitted_at: str
    last_activity: str | None
    role_other: str | None = None  # what a talent who chose "Lainnya" said it is
    closed_duplicate: bool = False  # closed as a duplicate of another lead
    withdrawn: bool = False  # cancelled by its talent: not to be contacted (cancellations.py)


@dataclass(frozen=True, slots=True)
class LogLine:
    """One line of a talent's conversation with the bot."""

    id: int
    direction: str  # "in" from the talent, "out" from the bot
    kind: str
    text: str | None
    created_at: str
    answered_by: AnsweredBy | None = None  # a staff answer's writer, when the log kept it
    keeps_waiting: bool = False  # a holding staff answer
    heading: str | None = None  # a staff answer's heading, sent in the same message


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """One consent a talent gave or withdrew, when."""

    kind: str
    granted: bool
    created_at: str


@dataclass(frozen=True, slots=True)
class WaitingTalent:
    """A talent whose questions to staff (or the question in their form's note) wait for an
    answer, and their latest lead if any."""

    user_id: int
    first_name: str | None
    last_name: str | None
    blocked: bool
    questions: list[LogLine]  # newest last
    application_id: int | None = None
    reference: str | None = None
    lead_name: str | None = None  # the name registered in that lead (a parent: her child's)
    # Waiting questions (log line ids) sent after the bot answered a question first, or which
    # are that question sent anyway: that question's id, and the message's.
    follows: dict[int, tuple[int, int]] = field(default_factory=dict)
    language: str = "id"  # the talent's: staff answer in it
    # Questions in the notes to the team of their forms that wait (see NOTE_WAITING_FROM).
    notes: list[WaitingNote] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class WaitingNote:
    """A question in the note to the team of a talent's form, waiting for a staff answer: the
    note as written, its lead, and when that was submitted (as stored)."""

    application_id: int
    text: str
    submitted_at: str


def _row(row: Row) -> LeadRow:
    return LeadRow(
        application_id=row["application_id"],
        reference=row["reference"],
        name=row["name"],
        stage_name=row["stage_name"],
        sector=row["sector"],
        role=row["role"],
        province=row["province"],
        stage=row["stage"],
        version=row["version"],
        assignee_id=row["assignee_id"],
        submitted_at=row["submitted_at"],
        last_activity=row["last_seen_at"],
        role_other=row["role_other"],
        closed_duplicate=bool(row["closed_duplicate"]),
        withdrawn=bool(row["withdrawn"]),
    )


def _waiting_talent(row: Row) -> WaitingTalent:
    return WaitingTalent(
        int(row["user_id"]),
        row["first_name"],
        row["last_name"],
        bool(row["blocked"]),
        [],
        language=row["language"],
    )


def _line(row: Row) -> LogLine:
    by = row["answered_by_id"]
    return LogLine(
        row["id"],
        row["direction"],
        row["kind"],
        row["text"],
        row["created_at"],
        None if by is None else AnsweredBy(int(by), row["answered_by"]),
        bool(row["keeps_waiting"]),
        row["heading"],
    )


class WorkspaceReads:
    """The workspace's queries, on the reader it is given (its own connection)."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader
        # Counts per stage by filter, with the lead_search_changes counter they were read at.
        self._counts: dict[tuple[str, tuple[object, ...]], tuple[int, dict[str, int]]] = {}

    def forget_counts(self) -> None:
        """Keep no counts per stage read so far (a talent was erased: a search kept as a
        key may be their name, phone or email)."""
        self._counts.clear()

    async def page(
        self,
        where: LeadFilter,
        sort: str,
        descending: bool,
        offset: int,
        limit: int,
        stage_order: list[str],
    ) -> list[LeadRow]:
        """One page of the lead table, sorted by a key of SORTS (ValueError for another)."""
        order = _ORDER.get(sort)
        if order is None:
            raise ValueError(sort)
        direction = " DESC" if descending else ""
        clause, values = conditions(where)
        if sort == "stage":
            values = (*values, f",{','.join(stage_order)},")
        # Constant strings only: the clauses come from conditions() and _ORDER.
        ordered = (" ORDER BY ", order, direction, ", x.application_id", direction)
        # A search matches few rows: one pass over the table, then a small sort, costs the
        # same whatever it finds; walking an index in order would look up every row when
        # nothing matches (0.3 s at 50,000 leads).
        table = " FROM lead_search x NOT INDEXED" if where.search else " FROM lead_search x"
        sql = "".join(("SELECT x.application_id", table, clause, *ordered))
        found = await self._reader.fetch_all(sql + " LIMIT ? OFFSET ?", (*values, limit, offset))
        return await self.rows([int(row[0]) for row in found])

    async def rows(self, ids: list[int]) -> list[LeadRow]:
        """These leads as lines of the table, in this order (a lead gone meanwhile left out)."""
        rows = {
            row["application_id"]: _row(row)
            for row in await self._reader.fetch_all(_ROWS, (json.dumps(ids),))
        }
        return [rows[application_id] for application_id in ids if application_id in rows]

    async def per_stage(self, where: LeadFilter) -> dict[str, int]:
        """How many leads the filter matches in each stage (its own stage condition aside)."""
        clause, values = conditions(replace(where, stage=None))
        # Kept while no lead changed: a page turn, another sort or the board counts nothing
        # again. The counter is read first, so counts kept under it are never older than it.
        changes = int(await self._reader.fetch_value(_CHANGES))
        key = (clause, values)
        kept = self._counts.get(key)
        if kept is not None and kept[0] == changes:
            self._counts[key] = self._counts.pop(key)  # used last: dropped last
            return dict(kept[1])
        # Without conditions the stage index holds every count; with some, one pass over the
        # table beats looking each row up from that index (0.4 s at 50,000 leads).
        table = " FROM lead_search x NOT INDEXED" if clause else " FROM lead_search x"
        sql = "".join(("SELECT x.stage, COUNT(*) AS n", table, clause, " GROUP BY x.stage"))
        rows = await self._reader.fetch_all(sql, values)
        counts = {row["stage"]: int(row["n"]) for row in rows if row["stage"] is not None}
        if len(self._counts) >= KEPT_COUNTS:
            del self._counts[next(iter(self._counts))]  # the filter used longest ago
        self._counts.pop(key, None)
        self._counts[key] = (changes, counts)
        return dict(counts)

    async def closed_per_stage(self, where: LeadFilter) -> dict[str, int]:
        """How many of the leads per_stage counts are closed as a duplicate, per stage: from
        the partial index lead_pipeline_closed (a few rows), never kept."""
        clause, values = conditions(replace(where, stage=None))
        also = clause.replace(" WHERE ", " AND ", 1)  # constant strings, as conditions() made
        sql = "".join((_CLOSED_PER_STAGE, also, " GROUP BY x.stage"))
        rows = await self._reader.fetch_all(sql, values)
        return {row["stage"]: int(row["n"]) for row in rows if row["stage"] is not None}

    async def column(self, where: LeadFilter, stage: str, limit: int) -> list[LeadRow]:
        """The newest leads of one stage that the filter matches (a column of the board)."""
        return await self.page(replace(where, stage=stage), "submitted", True, 0, limit, [])

    async def log_page(
        self, user_id: int, before: int | None, limit: int
    ) -> tuple[list[LogLine], bool]:
        """The talent's conversation before a log id (newest last), and whether more is older."""
        rows = await self._reader.fetch_all(_LOG_PAGE, (user_id, before, before, limit + 1))
        lines = [_line(row) for row in rows[:limit]]
        return lines[::-1], len(rows) > limit

    async def questions(self, user_id: int, limit: int) -> list[LogLine]:
        """The talent's latest questions to staff and staff's answers, newest last."""
        rows = await self._reader.fetch_all(_QUESTIONS, (user_id, user_id, limit))
        return [_line(row) for row in rows][::-1]

    async def held_replies(self, user_id: int, after: int, limit: int) -> list[LogLine]:
        """The talent's newest staff answers after a log id that left questions of theirs
        waiting (holding replies, replies to another question), oldest first."""
        rows = await self._reader.fetch_all(_HELD, (user_id, after, limit))
        return [_line(row) for row in rows][::-1]

    async def waiting_questions(self, talents: int, each: int) -> list[WaitingTalent]:
        """Talents with questions waiting for a staff answer, the one waiting longest first
        (at most `talents`, each with their newest `each` questions and latest lead)."""
        longest = await self._reader.fetch_all(_WAITING_TALENTS, {"talents": talents})
        order = [int(row["user_id"]) for row in longest]
        found: dict[int, WaitingTalent] = {}
        params = {"talents": json.dumps(order), "each": each}
        for row in await self._reader.fetch_all(_WAITING, params):
            user_id = int(row["user_id"])
            if user_id not in found:
                found[user_id] = _waiting_talent(row)
            found[user_id].questions.append(_line(row))  # oldest first
            if row["follows"] is not None:
                found[user_id].follows[int(row["id"])] = (row["follows"], row["relayed_id"])
        for row in await self._reader.fetch_all(_NOTES_WAITING, {"talents": params["talents"]}):
            user_id = int(row["user_id"])
            if user_id not in found:  # only their form's note asks
                found[user_id] = _waiting_talent(row)
            note = WaitingNote(int(row["application_id"]), str(row["note"]), row["submitted_at"])
            found[user_id].notes.append(note)
        waiting = []
        for talent in (found[user_id] for user_id in order if user_id in found):
            lead = await self._reader.fetch_one(LATEST_LEAD, (talent.user_id,))
            if lead is not None:
                name = await self._reader.fetch_value(
                    "SELECT name FROM lead_search WHERE application_id = ?", (lead["id"],)
                )
                talent = replace(
                    talent,
                    application_id=lead["id"],
                    reference=lead["reference"],
                    lead_name=None if name is None else str(name),
                )
            waiting.append(talent)
        return waiting

    async def waiting_count(self) -> int:
        """How many talents have questions waiting for a staff answer."""
        return int(await self._reader.fetch_value(_WAITING_COUNT))

    async def consents(self, user_id: int) -> list[ConsentRecord]:
        """Every consent the talent gave or withdrew, oldest first."""
        rows = await self._reader.fetch_all(_CONSENTS, (user_id,))
        return [ConsentRecord(row["kind"], bool(row["granted"]), row["created_at"]) for row in rows]

    async def names(self, user_ids: set[int]) -> dict[int, str]:
        """Telegram first names of these users (staff), as the bot knows them: from their
        messages to the bot, else from their opening the workspace, else the id."""
        found: dict[int, str] = {}
        for user_id in sorted(user_ids):
            value = await self._reader.fetch_value(_NAME, (user_id, user_id))
            found[user_id] = str(value or user_id)
        return found


_NAME = """
SELECT COALESCE(
    (SELECT NULLIF(first_name, '') FROM users WHERE user_id = ?),
    (SELECT NULLIF(first_name, '') FROM workspace_names WHERE user_id = ?))
"""


class WorkspaceNames:
    """Staff members' first names as Telegram signed them in the workspace's init data."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def first_name(self, user_id: int) -> str:
        """The name this staff member last opened the workspace under; "" if never."""
        value = await self._db.fetch_value(
            "SELECT first_name FROM workspace_names WHERE user_id = ?", (user_id,)
        )
        return str(value or "")

    async def seen(self, user_id: int, first_name: str) -> None:
        """This staff member opened the workspace under this name."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO workspace_names (user_id, first_name, seen_at) VALUES (?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE"
                " SET first_name = excluded.first_name, seen_at = excluded.seen_at",
                (user_id, first_name, utc_now()),
            )


class WorkspaceButtons:
    """The admin chats whose menu button opens the workspace (to take it back later)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def chats(self) -> set[int]:
        """Every chat given the button and not yet taken back."""
        rows = await self._db.fetch_all("SELECT chat_id FROM workspace_buttons")
        return {int(row["chat_id"]) for row in rows}

    async def given(self, chat_id: int) -> None:
        """This chat's menu button now opens the workspace."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO workspace_buttons (chat_id, set_at) VALUES (?, ?)"
                " ON CONFLICT (chat_id) DO UPDATE SET set_at = excluded.set_at",
                (chat_id, utc_now()),
            )

    async def taken_back(self, chat_id: int) -> None:
        """This chat's menu button is the default again."""
        async with self._db.transaction() as tx:
            await tx.execute("DELETE FROM workspace_buttons WHERE chat_id = ?", (chat_id,))


FIGURES = """
SELECT stage, sector, province, COUNT(*) AS n FROM lead_search GROUP BY stage, sector, province
"""


# The same for the leads closed as a duplicate alone: from the partial index
# lead_pipeline_closed (a few rows; CROSS JOIN keeps it the outer loop), each looked up in
# lead_search.
CLOSED_FIGURES = """
SELECT x.stage, x.sector, x.province, COUNT(*) AS n
FROM lead_pipeline p CROSS JOIN lead_search x ON x.application_id = p.application_id
WHERE p.duplicate_closed_at IS NOT NULL
GROUP BY x.stage, x.sector, x.province
"""


async def breakdown(
    view: Reader, closed: bool = False
) -> list[tuple[str | None, str | None, str | None, int]]:
    """Submitted leads per (stage, sector, province), for the workspace's charts: read from
    the index lead_search_figures alone (the /stats queries read the answers and the pipeline
    apart, several times as long at 50,000 leads). `closed`: only those closed as a duplicate
    (counted in none of the charts, as in no stage: taken off again)."""
    rows = await view.fetch_all(CLOSED_FIGURES if closed else FIGURES)
    return [(row["stage"], row["sector"], row["province"], int(row["n"])) for row in rows]
