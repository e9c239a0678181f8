"""Talents' free questions: what was asked, what the bot answered, what the talent did next."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from json.encoder import encode_basestring_ascii

from bot.store.conversation import ConversationLog
from bot.store.db import Database, Reader, Row, ago, utc_now

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Asked:
    """One free question as it is recorded."""

    user_id: int
    update_id: int
    message_id: int | None
    language: str
    via: str  # "chat": typed outside any flow; "ask": typed after /tanya
    text: str  # kept within the talent's daily text budget (LOG_TEXT_PER_DAY), else ""
    summary: str  # masked and shortened: the only form aggregates show
    outcome: str  # answered, suggested, unanswered
    entry: str | None  # faq:<key> or program:<key> answered
    offered: tuple[str, ...]  # the other entries shown as buttons
    confidence: float
    # Typed while the talent's registration was paused, and taken by the bot as a possible
    # answer for it (no entry answered it): recorded for its buttons, never counted or listed.
    form_answer: bool = False


@dataclass(frozen=True, slots=True)
class Recorded:
    """A recorded question, as its buttons need it."""

    id: int
    user_id: int
    message_id: int | None
    text: str  # "" if it was over the talent's daily text budget
    summary: str
    entry: str | None
    offered: tuple[str, ...]
    sent_to_staff: bool


@dataclass(frozen=True, slots=True)
class Wording:
    """One way a question was written (case and the ending's punctuation aside), and who
    wrote it that way."""

    summary: str
    entry: str | None  # a rejected answer's entry; None for an unanswered question
    talents: frozenset[int]
    # (talent, entry) for each of its questions whose talent opened an entry offered: a
    # suggestion, or another entry after "Not this".
    opened: tuple[tuple[int, str], ...] = ()
    # What talents typed, as kept (within their daily text budget; a few, their start only):
    # unmasked, for matching again whether the content answers it now, never shown.
    typed: tuple[str, ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class Listed:
    """A question in staff's lists: its wording most talents used, how many talents asked it
    in any of its wordings, and its other wordings (most asked first)."""

    question: str
    count: int
    entry: str | None = None  # for a rejected answer: the entry the bot answered with
    others: tuple[str, ...] = ()  # the most asked of them (a few)
    wordings: int = 1  # all of them, this one too
    chosen: str | None = None  # the entry offered that the most talents who asked it opened
    chosen_by: int = 0  # how many of them
    typed: tuple[str, ...] = field(default=(), repr=False)  # `Wording.typed`: never shown


class Listing(StrEnum):
    """The questions staff's lists are made of."""

    UNANSWERED = "unanswered"
    SUGGESTED = "suggested"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Week:
    """Free questions since a moment: how each was answered, and the most asked unanswered."""

    answered: int
    suggested: int
    unanswered: int
    not_this: int  # answers the talent said were not what they asked
    top_unanswered: list[Listed] = field(default_factory=list)
    # Questions the bot offered entries for, not sure which one was meant.
    top_suggested: list[Listed] = field(default_factory=list)
    # Direct answers talents said were not what they asked.
    top_not_this: list[Listed] = field(default_factory=list)
    # How many more questions each list leaves out (asked by as many talents or fewer).
    more: dict[Listing, int] = field(default_factory=dict)
    # The first of those, the most asked first, for staff who ask to see them (a few hundred
    # at most: beyond them each was asked by a talent or two).
    further: dict[Listing, list[Listed]] = field(default_factory=dict)


_LISTED = {  # each kind's condition: constants only, put into the lists' SQL
    Listing.UNANSWERED: "outcome = 'unanswered'",
    Listing.SUGGESTED: "outcome = 'suggested'",
    Listing.REJECTED: "not_this_at IS NOT NULL",
}

# The questions staff's figures and lists are read from: a week's, talents' only (ADMIN_IDS
# trying the bot are not counted), and not a paused form's answer (`Asked.form_answer`).
_COUNTED = (
    "asked_at >= :since AND user_id NOT IN (SELECT value FROM json_each(:staff))"
    " AND form_answer = 0"
)

_COLUMNS = "id, user_id, message_id, text, summary, entry, offered, sent_to_staff_at"

# Of each wording in staff's lists, the texts talents typed read to match again (`Wording`):
# a few, and no more of each than the matcher reads (bot/answers/text.py MAX_CHARACTERS).
TYPED_READ = 5
TYPED_LENGTH = 1000
NOT_THIS_KEPT = 10_000  # talents `SaidNotThis` keeps, the longest ago dropped first


class SaidNotThis:
    """The talents who said "Not this" lately, and when they last did (a stored time), kept
    by this process, so that `FreeQuestions.rejected_lately` (asked on every direct answer)
    reads the table only for them. It never knows less than the table: loaded from it before
    its first use (a restart changes nothing), told of each press before it is written; a
    talent who is not in it has no "Not this" since the moment asked. Bounded: a talent
    dropped (the longest ago first, or past the window asked) moves `horizon` up to their
    time, and a window reaching back to it is read from the table whoever asks."""

    def __init__(self, most: int = NOT_THIS_KEPT) -> None:
        self._at: OrderedDict[int, str] = OrderedDict()  # the longest ago first
        self._most = most
        self.loaded = False
        self.horizon = ""  # presses up to this time may be missing ("": none is)

    def said(self, user_id: int, at: str) -> None:
        """The talent said "Not this" at that time."""
        self._at[user_id] = max(at, self._at.get(user_id, ""))
        self._at.move_to_end(user_id)
        if len(self._at) > self._most:
            self._dropped(self._at.popitem(last=False)[1])

    def since(self, user_id: int, moment: str) -> bool:
        """Whether the talent may have said "Not this" at or after that time."""
        while self._at:  # the front ones said it before the window: dropped
            first = next(iter(self._at.values()))
            if first >= moment:
                break
            self._dropped(self._at.popitem(last=False)[1])
        return moment <= self.horizon or self._at.get(user_id, "") >= moment

    def forget(self, user_id: int) -> None:
        """The talent's questions went (erasure, withdrawn consent)."""
        self._at.pop(user_id, None)

    def _dropped(self, at: str) -> None:
        self.horizon = max(self.horizon, at)


def _json_list(items: tuple[str, ...]) -> str:
    """`json.dumps(list(items))` for strings, the same text, without making an encoder for
    each call (a third of an insert's own cost; this runs for every free question)."""
    return f"[{', '.join(map(encode_basestring_ascii, items))}]"


class FreeQuestions:
    """The free_questions table."""

    def __init__(self, db: Database, log: ConversationLog) -> None:
        self._db = db
        self._log = log  # whose daily text budget a question's text counts against
        self.said_not_this = SaidNotThis()

    async def record(self, asked: Asked) -> int:
        """Store a question before the bot answers it; its id (the same for a replayed update).
        Its text counts against the talent's daily budget, as the log's do: beyond it, only
        the masked summary is kept (a flood of long messages stores no more than the log)."""
        async with self._db.transaction() as tx:
            kept = await self._log.counted(tx, asked.user_id, asked.text)
            question_id = await tx.insert(
                "INSERT INTO free_questions (user_id, update_id, message_id, asked_at, language,"
                " via, text, summary, outcome, entry, offered, confidence, form_answer)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (user_id, update_id) DO NOTHING",
                (
                    asked.user_id,
                    asked.update_id,
                    asked.message_id,
                    utc_now(),
                    asked.language,
                    asked.via,
                    asked.text if kept else "",
                    asked.summary,
                    asked.outcome,
                    asked.entry,
                    _json_list(asked.offered),
                    round(asked.confidence, 3),
                    int(asked.form_answer),
                ),
            )
            if question_id is None:  # a replayed update: recorded the first time round
                row = await tx.fetch_one(
                    "SELECT id FROM free_questions WHERE user_id = ? AND update_id = ?",
                    (asked.user_id, asked.update_id),
                )
                assert row is not None  # there from the first time round
                question_id = int(row["id"])
        return question_id

    def get(self, question_id: int, user_id: int) -> Recorded | None:
        """One of this talent's questions (None for another talent's, or an erased one)."""
        rows = self._db.lookup(
            f"SELECT {_COLUMNS} FROM free_questions WHERE id = ? AND user_id = ?",  # noqa: S608
            (question_id, user_id),
        )
        return _recorded(rows[0]) if rows else None

    def rejected_lately(self, user_id: int, entry: str, seconds: int) -> list[str]:
        """The questions whose answer with this entry the talent said "Not this" to in the
        last `seconds`, as recorded (a sync read of their few rows, on the loop thread, only
        for a talent who said "Not this" since: nearly none, `SaidNotThis`)."""
        since = ago(seconds)
        said = self.said_not_this
        if not said.loaded:  # the first look of this process: who said it in the window
            try:
                rows = self._db.lookup(
                    "SELECT user_id, MAX(not_this_at) AS at FROM free_questions"
                    " WHERE not_this_at >= ? GROUP BY user_id ORDER BY at",
                    (since,),
                )
            except sqlite3.Error as error:  # loaded only once read (the final review s61, L1)
                log.warning("Who said 'Not this' lately not read (%s); reading it next time", error)
                return []  # answered as to anyone, this once
            for row in rows:
                said.said(int(row["user_id"]), str(row["at"]))
            said.horizon = max(said.horizon, since)  # earlier ones were not read
            said.loaded = True
        if not said.since(user_id, since):
            return []
        rows = self._db.lookup(
            "SELECT text FROM free_questions"
            " WHERE user_id = ? AND entry = ? AND not_this_at >= ? ORDER BY id DESC LIMIT 5",
            (user_id, entry, since),
        )
        return [str(row["text"]) for row in rows]

    async def confirming(self, question_id: int, user_id: int) -> None:
        """ "Tanya tim kami"'s confirmation of this question is shown now."""
        await self._set(question_id, user_id, "confirm_shown_at = ?", utc_now())

    async def not_confirming(self, question_id: int, user_id: int) -> None:
        """The confirmation was cancelled, or another question chosen instead: a typed "iya"
        no longer shows it again."""
        await self._set(question_id, user_id, "confirm_shown_at = ?", None)

    def awaiting_confirmation(self, user_id: int, seconds: int) -> Recorded | None:
        """The talent's question whose confirmation was shown in the last `seconds` and which
        has not gone to staff (a sync read of their few rows, on the loop thread)."""
        since = ago(seconds)
        rows = self._db.lookup(
            f"SELECT {_COLUMNS} FROM free_questions"  # noqa: S608 - fixed column list
            " WHERE user_id = ? AND confirm_shown_at >= ? AND sent_to_staff_at IS NULL"
            " ORDER BY confirm_shown_at DESC LIMIT 1",
            (user_id, since),
        )
        return _recorded(rows[0]) if rows else None

    def answered_lately(self, user_id: int, seconds: int) -> Recorded | None:
        """The talent's latest question, if it was answered directly in the last `seconds`
        and not yet said to be not it (a sync read of their few rows, on the loop thread)."""
        rows = self._db.lookup(
            f"SELECT {_COLUMNS}, outcome, not_this_at FROM free_questions"  # noqa: S608 - fixed column list
            " WHERE user_id = ? AND asked_at >= ? ORDER BY id DESC LIMIT 1",
            (user_id, ago(seconds)),
        )
        if not rows or rows[0]["outcome"] != "answered" or rows[0]["not_this_at"] is not None:
            return None
        return _recorded(rows[0])

    async def not_this(self, question_id: int, user_id: int) -> None:
        """The talent said the answer was not what they asked (the first time counts)."""
        now = utc_now()
        self.said_not_this.said(user_id, now)  # before the write: never less than the table
        await self._set(question_id, user_id, "not_this_at = COALESCE(not_this_at, ?)", now)

    def forget(self, user_id: int) -> None:
        """The talent's questions were deleted (erasure, consent withdrawn): no longer kept
        in memory as having said "Not this"."""
        self.said_not_this.forget(user_id)

    async def opened(self, question_id: int, user_id: int, entry: str) -> None:
        """The talent opened one of the entries offered."""
        await self._set(question_id, user_id, "opened = ?", entry)

    async def sent_to_staff(self, question_id: int, user_id: int) -> bool:
        """Mark the question as sent to staff; False if it already was (a second press)."""
        async with self._db.transaction() as tx:
            changed = await tx.execute_rowcount(
                "UPDATE free_questions SET sent_to_staff_at = ?"
                " WHERE id = ? AND user_id = ? AND sent_to_staff_at IS NULL",
                (utc_now(), question_id, user_id),
            )
        return changed > 0

    async def unsent(self, question_id: int, user_id: int) -> None:
        """The question could not reach staff after all: it may be sent again."""
        await self._set(question_id, user_id, "sent_to_staff_at = ?", None)

    async def _set(self, question_id: int, user_id: int, assignment: str, value: object) -> None:
        async with self._db.transaction() as tx:
            await tx.execute(
                f"UPDATE free_questions SET {assignment} WHERE id = ? AND user_id = ?",  # noqa: S608
                (value, question_id, user_id),
            )

    @staticmethod
    async def week(view: Reader, since: str, staff: Iterable[int]) -> Week:
        """How the questions talents asked since a moment (UTC ISO) were answered, read from a
        snapshot; `staff` (ADMIN_IDS) trying the bot are not counted."""
        outcomes = await view.fetch_all(
            "SELECT outcome, COUNT(*) AS n, SUM(not_this_at IS NOT NULL) AS not_this"  # noqa: S608 - _COUNTED is a constant
            f" FROM free_questions WHERE {_COUNTED} GROUP BY outcome",
            _since(since, staff),
        )
        counts = {row["outcome"]: row["n"] for row in outcomes}
        return Week(
            answered=counts.get("answered", 0),
            suggested=counts.get("suggested", 0),
            unanswered=counts.get("unanswered", 0),
            not_this=sum(int(row["not_this"]) for row in outcomes),
        )

    @staticmethod
    async def wordings(
        view: Reader, since: str, staff: Iterable[int], listed: Listing, *, most: int, each: int
    ) -> list[Wording]:
        """The wordings of one `listed` kind of question since a moment (unanswered; given
        suggestions; answered and rejected with "Not this", with the entry answered), by the
        talents who wrote them: the `most` asked, from each talent's `each` newest. A wording
        is its masked summary, case and the ending's "?!." aside."""
        # Counted by talents, so that one talent typing it again (or a text sent over and
        # over) does not top the list; and no more than `each` of anyone's, so that one
        # talent sending hundreds of different texts does not crowd out the others' (among
        # wordings as many talents asked, the newest are read first).
        which = _LISTED[listed]
        rows = await view.fetch_all(
            "WITH asked AS (SELECT id, user_id, summary, entry, opened, text,"  # noqa: S608 - `which` is one of _LISTED's constants, _COUNTED one
            " ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY id DESC) AS nth"
            f" FROM free_questions WHERE {_COUNTED} AND {which})"
            " SELECT MIN(summary) AS summary, entry,"
            " json_group_array(DISTINCT user_id) AS talents,"
            " json_group_array(json_array(user_id, opened)) FILTER (WHERE opened IS NOT NULL)"
            " AS opened, json_group_array(DISTINCT substr(text, 1, :typed_length))"
            " FILTER (WHERE text != '') AS typed FROM asked WHERE nth <= :each"
            " GROUP BY lower(trim(summary, ' ?!.')), entry"
            " ORDER BY COUNT(DISTINCT user_id) DESC, MAX(id) DESC LIMIT :most",
            {**_since(since, staff), "most": most, "each": each, "typed_length": TYPED_LENGTH},
        )
        return [
            Wording(
                row["summary"],
                row["entry"],
                frozenset(json.loads(row["talents"])),
                tuple((int(who), str(ref)) for who, ref in json.loads(row["opened"])),
                tuple(str(text) for text in json.loads(row["typed"])[:TYPED_READ]),
            )
            for row in rows
        ]


def _since(since: str, staff: Iterable[int]) -> dict[str, object]:
    return {"since": since, "staff": json.dumps(sorted(staff))}


def _recorded(row: Row) -> Recorded:
    return Recorded(
        int(row["id"]),
        int(row["user_id"]),
        row["message_id"],
        row["text"],
        row["summary"],
        row["entry"],
        tuple(json.loads(row["offered"])),
        row["sent_to_staff_at"] is not None,
    )
