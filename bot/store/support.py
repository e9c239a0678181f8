"""Talents' questions to staff: ask-mode sessions, relayed messages and forum topics."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from bot.store.audit import Actor, Audit
from bot.store.conversation import size_over_budget
from bot.store.db import Database, Row, Transaction, ago, utc_now
from bot.store.users import Users

Result = TypeVar("Result")


# Questions waiting for an answer: the talent's messages relayed to staff after their last
# staff answer (from the staff group or the workspace: either writes a `staff_answer` line in
# their conversation as it reaches them) that was not a holding reply (`keeps_waiting`: sent
# from the workspace as "still owes a full answer") nor one that answered only some messages
# (`answered_only`: a reply in the staff group to one question while another waits), and that
# no such answer named; whose line (their words) the log still holds. An erased talent has no
# rows left; a withdrawal and the log's retention take the lines.
_FULL_ANSWER = """
    s.chat_id = r.user_id AND s.kind = 'staff_answer' AND s.keeps_waiting = 0
    AND s.answered_only IS NULL"""
_ANSWERED_BY_NAME = """EXISTS (SELECT 1 FROM conversation_log p, json_each(p.answered_only) j
    WHERE p.chat_id = r.user_id AND p.kind = 'staff_answer' AND p.keeps_waiting = 0
    AND p.answered_only IS NOT NULL AND j.value = r.talent_message_id)"""
# Nor was it marked done without a reply (migration 0054: answered by phone) since.
_CLOSED_AFTER = """(SELECT MAX(c.closed_at) FROM question_closes c WHERE c.user_id = """
WAITING_FROM = (
    "\nFROM relayed_messages r"  # noqa: S608 - this module's constants only
    + """
JOIN conversation_log l ON l.chat_id = r.user_id AND l.direction = 'in'
    AND l.message_id = r.talent_message_id
JOIN users u ON u.user_id = r.user_id
WHERE r.kind = 'question' AND r.created_at > COALESCE((SELECT s.created_at
    FROM conversation_log s WHERE"""
    + _FULL_ANSWER
    + """ ORDER BY s.id DESC LIMIT 1), '')
    AND r.created_at > COALESCE("""
    + _CLOSED_AFTER
    + """r.user_id), '')
    AND NOT """
    + _ANSWERED_BY_NAME
    + "\n"
)
IS_WAITING = "SELECT 1" + WAITING_FROM + "AND r.user_id = ? LIMIT 1"
ANY_WAITING = (
    "SELECT DISTINCT r.user_id"  # noqa: S608 - constants, the ids bound as one JSON list
    + WAITING_FROM
    + "AND r.user_id IN (SELECT value FROM json_each(?))"
)
# A question in the form's note to the team that waits (a staff re-check s58: the lead page
# said it waited, the Questions tab and the daily digest knew nothing of it): a submitted lead
# whose note (NOTE_KEY, the form's last answer) asks something (bot.store.note_words, by its
# marks or words, as bot.leads.asked_questions.asks_in_note reads it), and no staff answer that
# was not a holding reply has reached the talent since it was submitted. The lead page, /lead,
# the Questions tab, its count, the digest and the answer's heading all read it from here.
NOTE_KEY = "message"
_NOTE_ASKS = "note_asks(json_extract(n.value, '$'))"
NOTE_WAITING_FROM = (
    "\nFROM applications a"  # noqa: S608 - this module's constants only
    + "\nJOIN answers n ON n.application_id = a.id AND n.question_key = '"
    + NOTE_KEY
    + """'
JOIN users u ON u.user_id = a.user_id
WHERE a.status = 'submitted' AND a.submitted_at IS NOT NULL
    AND CASE WHEN json_valid(n.value) AND json_type(n.value) = 'text' THEN """
    + _NOTE_ASKS
    + """ ELSE 0 END
    AND NOT EXISTS (SELECT 1 FROM conversation_log s WHERE s.chat_id = a.user_id
        AND s.kind = 'staff_answer' AND s.keeps_waiting = 0 AND s.created_at > a.submitted_at)
    AND NOT EXISTS (SELECT 1 FROM question_closes c WHERE c.user_id = a.user_id
        AND c.closed_at > a.submitted_at)
"""
)
# Talents something of theirs waits for: a relayed question, or their form note's question.
# `since`: when it reached staff (a note: when its lead was submitted).
ALL_WAITING = (
    "SELECT r.user_id, r.created_at AS since"
    + WAITING_FROM
    + "UNION ALL SELECT a.user_id, a.submitted_at AS since"
    + NOTE_WAITING_FROM
)
_WAITING_SINCE = (
    "SELECT COUNT(DISTINCT w.user_id) AS talents, MIN(w.since) AS oldest"  # noqa: S608
    + " FROM ("
    + ALL_WAITING
    + ") w"
)
# The talent's own view (/status): their messages that wait, when each was relayed and its
# words (the talent's view leaves out thanks after an answer: bot.support.still_asks).
WAITING_LINES = (
    "SELECT r.created_at, l.text" + WAITING_FROM + "AND r.user_id = ? ORDER BY r.created_at"
)
# ... and how many a staff answer (not a holding reply) answered.
ANSWERED_COUNT = (
    "\nSELECT COUNT(*)"  # noqa: S608 - this module's constants only
    + """ FROM relayed_messages r WHERE r.user_id = ? AND r.kind = 'question'
AND (r.created_at <= COALESCE((SELECT s.created_at FROM conversation_log s WHERE"""
    + _FULL_ANSWER
    + """ ORDER BY s.id DESC LIMIT 1), '') OR """
    + _ANSWERED_BY_NAME
    + ")\n"
)
# How many of their messages wait besides some (a JSON list of their message ids): those a
# reply in the staff group to one message leaves waiting (bot/support.py `answering`).
WAITING_BESIDES = (
    "SELECT COUNT(DISTINCT r.talent_message_id)"  # noqa: S608 - constants, ids bound as JSON
    + WAITING_FROM
    + "AND r.user_id = ? AND r.talent_message_id NOT IN (SELECT value FROM json_each(?))"
)
# Their messages a burst's header stands for (the header replied to in the staff group): those
# relayed after it, before the talent's next header in that chat.
_BURST = """
SELECT q.talent_message_id FROM relayed_messages h
JOIN relayed_messages q ON q.user_id = h.user_id AND q.staff_chat_id = h.staff_chat_id
    AND q.kind = 'question' AND q.id > h.id
    AND NOT EXISTS (SELECT 1 FROM relayed_messages n WHERE n.user_id = h.user_id
        AND n.staff_chat_id = h.staff_chat_id AND n.kind = 'header' AND n.id > h.id
        AND n.id < q.id)
WHERE h.staff_chat_id = ? AND h.staff_message_id = ? AND h.kind = 'header'
"""
BURST = _BURST + "ORDER BY q.id\n"
# When the talent wrote the newest message of that burst (their log line's time, '' if none):
# what a press under its header saw (`close_questions`' `seen`).
_BURST_SAID = (
    "SELECT COALESCE(MAX(l.created_at), '') FROM conversation_log l"  # noqa: S608 - constants
    " WHERE l.chat_id = ? AND l.direction = 'in' AND l.message_id IN (" + _BURST + ")"
)
# When the talent wrote each thing of theirs that waits (a relayed question: its log line's
# time; their form note's question: when its lead was submitted), as a page or button shows.
_WAITING_SAID = (
    "SELECT l.created_at AS said"
    + WAITING_FROM
    + "AND r.user_id = ?1 UNION ALL SELECT a.submitted_at"
    + NOTE_WAITING_FROM
    + "AND a.user_id = ?1"
)
# Their newest messages that wait, with their words when the log keeps them as text (a staff
# answer is named after one of them: bot/support.py `answering`).
WAITING_MESSAGES = (
    "SELECT r.talent_message_id, l.kind, l.text"
    + WAITING_FROM
    + "AND r.user_id = ? ORDER BY r.id DESC, l.id LIMIT ?"
)

# Their relayed questions' message ids that wait now.
_WAITING_IDS = "SELECT DISTINCT r.talent_message_id" + WAITING_FROM + "AND r.user_id = ?"
# ... each with when the talent wrote it (its newest log line: an edit counts as written then).
_WAITING_WRITTEN = (
    "SELECT r.talent_message_id, MAX(l.created_at) AS said"
    + WAITING_FROM
    + "AND r.user_id = ? GROUP BY r.talent_message_id"
)
# A staff answer's claim on their relayed questions (migration 0049): those of some message ids
# (a JSON list) as found, and then those still free taken (the rows changed say which).
_CLAIMS = (
    "SELECT talent_message_id, claimed_at, claimed_by FROM relayed_messages"
    " WHERE user_id = ? AND kind = 'question'"
    " AND talent_message_id IN (SELECT value FROM json_each(?))"
)
_CLAIM = (
    "UPDATE relayed_messages SET claimed_at = ?, claimed_by = ? WHERE user_id = ?"
    " AND kind = 'question' AND claimed_at IS NULL"
    " AND talent_message_id IN (SELECT value FROM json_each(?)) RETURNING talent_message_id"
)
_UNCLAIM = (
    "UPDATE relayed_messages SET claimed_at = NULL, claimed_by = NULL WHERE user_id = ?"
    " AND kind = 'question' AND talent_message_id IN (SELECT value FROM json_each(?))"
)
# ... and of those that still wait, claimed before a moment (an answer that never went).
_UNCLAIM_STALE = _UNCLAIM + " AND claimed_at < ?"
CLAIM_HOLDS = 300  # seconds: far longer than a send's tries take
# ... and of those that wait again (a staff answer became a holding reply).
_UNCLAIM_WAITING = (
    "UPDATE relayed_messages SET claimed_at = NULL, claimed_by = NULL WHERE user_id = ?"  # noqa: S608 - constants
    " AND kind = 'question' AND talent_message_id IN (" + _WAITING_IDS + ")"
)


@dataclass(frozen=True, slots=True)
class Claim:
    """What a staff answer claimed before it is sent: the talent's message ids it took (`ids`),
    or, `taken`, that the questions it was chosen for were all taken by another answer (then
    nothing is claimed, and nothing is to be sent)."""

    ids: tuple[int, ...] = ()
    taken: bool = False


class Holding(StrEnum):
    """What became of marking a staff answer as a holding reply."""

    MARKED = "marked"
    GONE = "gone"  # not in the log any more: erased, or past the retention
    NOTHING_WAITS = "nothing_waits"  # it answered no question: nothing would stay listed


@dataclass(frozen=True, slots=True)
class Closed:
    """What became of marking a talent's waiting questions done without a reply: `done`, now;
    else nothing waited any more, and `by` says who answered (`answered`) or marked them done
    last (their name, their id if Telegram gave none, None if nobody did); `gone`: the talent
    erased their data."""

    done: bool
    by: str | None = None
    answered: bool = False
    gone: bool = False
    # Nothing was marked: the talent wrote again after what the press saw (a staff review
    # s64, H1: an old button closed a newer question nobody read).
    newer: bool = False


@dataclass(frozen=True, slots=True)
class QuestionClose:
    """A time staff marked the talent's waiting questions done without replying."""

    closed_at: str
    by_id: int | None
    by: str | None


# Who last took the talent's questions off the list: a full staff answer, or a mark.
_LAST_DONE = """
SELECT closed_at AS at, closed_by AS name, closed_by_id AS by_id, 0 AS answered
    FROM question_closes WHERE user_id = ?1
UNION ALL SELECT created_at, answered_by, answered_by_id, 1 FROM conversation_log
    WHERE chat_id = ?1 AND direction = 'out' AND kind = 'staff_answer' AND keeps_waiting = 0
ORDER BY at DESC LIMIT 1
"""


@dataclass(frozen=True, slots=True)
class Session:
    """A talent's ask mode, the current burst in the staff chat, and the rate window."""

    user_id: int
    asking: bool = False
    last_relayed_at: str | None = None
    header_message_id: int | None = None
    thread_id: int | None = None
    window_started_at: str | None = None
    window_count: int = 0
    window_noticed: bool = False
    answered_first_id: int | None = None  # see migration 0035_answered_first
    answered_first_at: str | None = None
    # "Balas tim kami" pressed under this staff answer (the talent's message id of it), to
    # their question `reply_question_id`: see migration 0041_support_reply_to_an_answer.
    reply_answer_id: int | None = None
    reply_question_id: int | None = None

    @classmethod
    def from_row(cls, row: Row) -> Session:
        """Build from a support_sessions row."""
        return cls(
            user_id=row["user_id"],
            asking=bool(row["asking"]),
            last_relayed_at=row["last_relayed_at"],
            header_message_id=row["header_message_id"],
            thread_id=row["thread_id"],
            window_started_at=row["window_started_at"],
            window_count=row["window_count"],
            window_noticed=bool(row["window_noticed"]),
            answered_first_id=row["answered_first_id"],
            answered_first_at=row["answered_first_at"],
            reply_answer_id=row["reply_answer_id"],
            reply_question_id=row["reply_question_id"],
        )


@dataclass(frozen=True, slots=True)
class OwnQuestions:
    """A talent's messages to staff, as /status tells them: those after the last staff answer
    (when each reached staff, and its words as the log holds them), how many were answered."""

    waiting: tuple[tuple[str, str | None], ...]
    answered: int


@dataclass(frozen=True, slots=True)
class SentAnswer:
    """A staff answer as it reached a talent: when, and its heading in the same message."""

    sent_at: str
    heading: str | None


@dataclass(frozen=True, slots=True)
class Relayed:
    """What a message in the staff chat stands for: a talent, and their message if any."""

    user_id: int
    kind: str  # header, question, answer, or edit (a talent's edit of a question, shown)
    talent_message_id: int | None


@dataclass(frozen=True, slots=True)
class Reply:
    """A talent's reply to one staff answer ("Balas tim kami" under it): the talent's message
    ids of that answer and of their question it answered (None if not known)."""

    answer_id: int
    question_id: int | None


_SAVE_SESSION = (
    "INSERT INTO support_sessions (user_id, asking, last_relayed_at, header_message_id,"
    " thread_id, window_started_at, window_count, window_noticed, answered_first_id,"
    " answered_first_at, reply_answer_id, reply_question_id, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT(user_id) DO UPDATE SET asking = excluded.asking,"
    " last_relayed_at = excluded.last_relayed_at,"
    " header_message_id = excluded.header_message_id, thread_id = excluded.thread_id,"
    " window_started_at = excluded.window_started_at, window_count = excluded.window_count,"
    " window_noticed = excluded.window_noticed,"
    " answered_first_id = excluded.answered_first_id,"
    " answered_first_at = excluded.answered_first_at,"
    " reply_answer_id = excluded.reply_answer_id,"
    " reply_question_id = excluded.reply_question_id, updated_at = excluded.updated_at"
)

# Only for a talent still known: one erased while their message was on its way leaves no row
# (and no foreign-key error for the caller, whose message did go out).
_RECORD = (
    "INSERT INTO relayed_messages (staff_chat_id, staff_message_id, user_id, kind,"
    " talent_message_id, created_at, follows_question_id, reply_answer_id, reply_question_id)"
    " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9"
    " WHERE EXISTS (SELECT 1 FROM users WHERE user_id = ?3)"
    " ON CONFLICT(staff_chat_id, staff_message_id) DO NOTHING"
)


class SupportRelay:
    """The support_sessions, relayed_messages and support_topics tables."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def session(self, user_id: int) -> Session:
        """The talent's session (a fresh one, not asking, if none is stored)."""
        rows = self._db.lookup("SELECT * FROM support_sessions WHERE user_id = ?", (user_id,))
        return Session.from_row(rows[0]) if rows else Session(user_id)

    async def change(
        self, user_id: int, decide: Callable[[Session], tuple[Result, Session]]
    ) -> Result:
        """Read the session, let `decide` return a result and the new session, store it."""
        async with self._db.transaction() as tx:
            result, new = decide(await _read(tx, user_id))
            await _save(tx, new)
        return result

    async def change_if_known(self, user_id: int, decide: Callable[[Session], Session]) -> bool:
        """`change`, only while the talent is known (not erased meanwhile); whether it was."""
        async with self._db.transaction() as tx:
            if await tx.fetch_one("SELECT 1 FROM users WHERE user_id = ?", (user_id,)) is None:
                return False
            await _save(tx, decide(await _read(tx, user_id)))
        return True

    async def stop_asking(self, user_id: int) -> bool:
        """Leave ask mode; True if the talent was in it."""
        rows = self._db.lookup("SELECT asking FROM support_sessions WHERE user_id = ?", (user_id,))
        if not (rows and rows[0]["asking"]):
            return False
        async with self._db.transaction() as tx:
            changed = await tx.execute_rowcount(
                "UPDATE support_sessions SET asking = 0, updated_at = ?"
                " WHERE user_id = ? AND asking = 1",
                (utc_now(), user_id),
            )
        return changed == 1

    async def record(
        self,
        staff_chat_id: int,
        staff_message_id: int,
        user_id: int,
        kind: str,
        talent_message_id: int | None,
        follows: int | None = None,
        replies: Reply | None = None,
    ) -> None:
        """Remember what a staff-chat message stands for (`follows`: a copied question's
        header quoted this question the bot answered first; `replies`: it opens a reply to
        that staff answer)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                _RECORD,
                (
                    staff_chat_id,
                    staff_message_id,
                    user_id,
                    kind,
                    talent_message_id,
                    utc_now(),
                    follows,
                    None if replies is None else replies.answer_id,
                    None if replies is None else replies.question_id,
                ),
            )

    async def record_answer(
        self,
        staff_chat_id: int,
        staff_message_id: int,
        user_id: int,
        copy_id: int,
        since: str,
        audit: tuple[Actor, str | None, dict[str, Any]],
    ) -> bool:
        """A staff answer reached the talent as their message `copy_id` (its line in the
        talent's log is written as it is sent, bot/transport/outgoing.py `logged_as`):
        remember it and record it in the audit log (`audit`: who answered, the talent's lead
        reference, the entry's detail), in one transaction, unless the talent erased their
        data while it was on its way (`since`: when the copy was requested; the answer is
        still audited, without the erased lead's reference). Whether it was recorded."""
        actor, lead_ref, detail = audit
        async with self._db.transaction() as tx:
            if not await Users.known_since(tx, user_id, since):
                await Audit.add_in(tx, actor, "talent_answered", None, **detail)
                return False
            about = await Audit.about_in(tx, user_id, lead_ref)
            await Audit.add_in(tx, actor, "talent_answered", about, **detail)
            await tx.execute(
                _RECORD,
                (
                    staff_chat_id,
                    staff_message_id,
                    user_id,
                    "answer",
                    copy_id,
                    utc_now(),
                    None,  # an answer follows no question of the bot's
                    None,
                    None,
                ),
            )
        return True

    async def relayed(self, staff_chat_id: int, staff_message_id: int) -> Relayed | None:
        """What a staff-chat message stands for, if the bot relayed or delivered it."""
        row = await self._db.fetch_one(
            "SELECT user_id, kind, talent_message_id FROM relayed_messages"
            " WHERE staff_chat_id = ? AND staff_message_id = ?",
            (staff_chat_id, staff_message_id),
        )
        if row is None:
            return None
        return Relayed(row["user_id"], row["kind"], row["talent_message_id"])

    async def mark_holding(
        self, user_id: int, message_id: int, actor: Actor, lead_ref: str | None
    ) -> Holding:
        """A staff answer the talent got (their chat's `message_id`) becomes a holding reply,
        audited in the same transaction. GONE if the log no longer has it (erased, or past the
        log's retention); NOTHING_WAITS, and nothing changed, if no question of theirs would
        wait after it (it answered none: a holding mark would keep nothing listed). Marking
        it again changes nothing and is not audited twice."""
        marked = (
            "UPDATE conversation_log SET keeps_waiting = ? WHERE chat_id = ?"
            " AND message_id = ? AND direction = 'out' AND kind = 'staff_answer'"
        )
        async with self._db.transaction() as tx:
            found = await tx.fetch_one(
                "SELECT keeps_waiting FROM conversation_log WHERE chat_id = ? AND message_id = ?"
                " AND direction = 'out' AND kind = 'staff_answer'",
                (user_id, message_id),
            )
            if found is None:
                return Holding.GONE
            if not found["keeps_waiting"]:
                await tx.execute(marked, (1, user_id, message_id))
                if await tx.fetch_one(IS_WAITING, (user_id,)) is None:
                    await tx.execute(marked, (0, user_id, message_id))
                    return Holding.NOTHING_WAITS
                # What waits again may be answered again: its claims go (see `claim`).
                await tx.execute(_UNCLAIM_WAITING, (user_id, user_id))
                about = await Audit.about_in(tx, user_id, lead_ref)
                await Audit.add_in(tx, actor, "talent_answer_held", about, holding=True)
        return Holding.MARKED

    async def close_questions(
        self, user_id: int, actor: Actor, name: str | None, lead_ref: str | None, seen: str
    ) -> Closed:
        """Mark everything of the talent's that waits for a staff answer (relayed questions,
        their form note's question) done without a reply (answered by phone): nothing is sent
        to them; audited in the same transaction (`question_closed`: who, about their lead or
        them, how many things waited; no question text). What they write later waits anew.
        `seen`: when they wrote the newest thing the press saw (a page, a card, a header's
        burst: `waiting_said`, `burst_said`). Nothing changes, and the result says why, if
        nothing of what it saw waits any more (who answered or closed it), if they wrote
        again since (`newer`: read first; a staff review s64, H1), or if a colleague's answer
        is being sent to it now (who: as a workspace reply, of two at once one goes, M1)."""
        async with self._db.transaction() as tx:
            if await tx.fetch_one("SELECT 1 FROM users WHERE user_id = ?", (user_id,)) is None:
                return Closed(done=False, gone=True)
            said = [str(row["said"]) for row in await tx.fetch_all(_WAITING_SAID, (user_id,))]
            if all(at > seen for at in said):  # nothing it saw waits any more
                last = await tx.fetch_one(_LAST_DONE, (user_id,))
                if last is None:
                    return Closed(done=False, newer=bool(said))
                by = last["name"] or (None if last["by_id"] is None else str(last["by_id"]))
                return Closed(done=False, by=by, answered=bool(last["answered"]))
            if any(at > seen for at in said):
                return Closed(done=False, newer=True)
            sending = await _sending(tx, user_id)
            if sending is not None:
                return Closed(done=False, by=sending or None, answered=True)
            await tx.execute(
                "INSERT INTO question_closes (user_id, closed_at, closed_by_id, closed_by)"
                " VALUES (?, ?, ?, ?)",
                (user_id, utc_now(), actor.user_id, name or None),
            )
            about = await Audit.about_in(tx, user_id, lead_ref)
            await Audit.add_in(tx, actor, "question_closed", about, waited=len(said))
        return Closed(done=True)

    async def close_noted(self, user_id: int, staff_chat_id: int, staff_message_id: int) -> None:
        """The staff-chat note of the talent's newest close (an erasure's notice counts it)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE question_closes SET staff_chat_id = ?, staff_message_id = ?"
                " WHERE id = (SELECT MAX(id) FROM question_closes WHERE user_id = ?)",
                (staff_chat_id, staff_message_id, user_id),
            )

    async def waiting_said(self, user_id: int) -> str:
        """When the talent wrote the newest thing of theirs that waits ('' if none): what a
        page drawn now shows (`close_questions`' `seen`)."""
        return max(await self.waiting_times(user_id), default="")

    async def waiting_times(self, user_id: int) -> list[str]:
        """When the talent wrote each thing of theirs that waits (see `waiting_said`)."""
        rows = await self._db.fetch_all(_WAITING_SAID, (user_id,))
        return [str(row["said"]) for row in rows]

    async def burst_said(self, staff_chat_id: int, header_message_id: int, user_id: int) -> str:
        """When the talent wrote the newest message under this header of theirs in the staff
        chat ('' if none, or not their header): what a press under it saw."""
        value = await self._db.fetch_value(_BURST_SAID, (user_id, staff_chat_id, header_message_id))
        return str(value or "")

    async def closes(self, user_id: int) -> list[QuestionClose]:
        """When staff marked the talent's questions done without a reply, oldest first."""
        rows = await self._db.fetch_all(
            "SELECT closed_at, closed_by_id, closed_by FROM question_closes WHERE user_id = ?"
            " ORDER BY closed_at",
            (user_id,),
        )
        return [
            QuestionClose(row["closed_at"], row["closed_by_id"], row["closed_by"]) for row in rows
        ]

    async def claim(
        self,
        user_id: int,
        by: int | None,
        chosen: Collection[int] | None = None,
        only: Collection[int] | None = None,
    ) -> Claim:
        """Claim the talent's relayed questions a staff answer by `by` (a staff member's
        Telegram id; None: an anonymous admin) answers, before it is sent: those `only` names
        (their message ids; None: all that wait now) and those it was `chosen` for (replied to
        in the staff group, or what a workspace page showed; None: all that wait now). If
        every question it was chosen for is claimed already by another answer (another staff
        member's, or any anonymous admin's), `taken`, and nothing is claimed: the talent got,
        or is getting, that answer (the s58 close: a staff-group reply and a workspace reply
        to one question both went). One transaction: of two at once, the second finds the
        first's claim. Their own earlier answer does not stop a staff member adding to it."""
        async with self._db.transaction() as tx:
            rows = await tx.fetch_all(_WAITING_IDS, (user_id,))
            waiting = {int(row["talent_message_id"]) for row in rows}
            # A claim on a question that still waits long after is an answer that never went
            # (the bot stopped while sending it): it holds nothing any more.
            await tx.execute(
                _UNCLAIM_STALE, (user_id, json.dumps(sorted(waiting)), ago(CLAIM_HOLDS))
            )
            picked = waiting if chosen is None else set(chosen)
            wanted = (waiting if only is None else set(only)) | picked
            found = await tx.fetch_all(_CLAIMS, (user_id, json.dumps(sorted(wanted))))
            mine = [row for row in found if row["talent_message_id"] in picked]
            if mine and all(_claimed_by_another(row, by) for row in mine):
                return Claim(taken=True)
            # Only those still free: what the conditional UPDATE changed is what it took.
            took = await tx.fetch_all(_CLAIM, (utc_now(), by, user_id, json.dumps(sorted(wanted))))
        return Claim(tuple(sorted({int(row["talent_message_id"]) for row in took})))

    async def unclaim(self, user_id: int, claim: Claim) -> None:
        """An answer that claimed questions could not be delivered: they may be answered."""
        if not claim.ids:
            return
        async with self._db.transaction() as tx:
            await tx.execute(_UNCLAIM, (user_id, json.dumps(list(claim.ids))))

    async def latest_question(
        self, staff_chat_id: int, user_id: int, asked: int | None = None
    ) -> int | None:
        """The staff-chat message of the talent's newest relayed question (or its header);
        `asked` (their message id): of that message, relayed as a question."""
        value = await self._db.fetch_value(
            "SELECT staff_message_id FROM relayed_messages WHERE user_id = ?"
            " AND staff_chat_id = ? AND kind IN ('header', 'question')"
            " AND (?3 IS NULL OR (kind = 'question' AND talent_message_id = ?3))"
            " ORDER BY id DESC LIMIT 1",
            (user_id, staff_chat_id, asked),
        )
        return None if value is None else int(value)

    async def waiting_messages(self, user_id: int, limit: int) -> list[tuple[int, str | None]]:
        """The talent's newest messages waiting for an answer (at most `limit`), newest first:
        their own message id, and their words (None for media, or words the log no longer
        keeps: past the day's text budget)."""
        rows = await self._db.fetch_all(WAITING_MESSAGES, (user_id, limit))
        found: dict[int, str | None] = {}
        for row in rows:  # an edited message has a line of each kind: the text's words
            text = row["text"] if row["kind"] in ("text", "command") else None
            if text is not None and size_over_budget(str(text)) is not None:
                text = None
            if found.get(int(row["talent_message_id"])) is None:
                found[int(row["talent_message_id"])] = text
        return list(found.items())

    async def waiting_written(self, user_id: int, seen: str) -> dict[int, bool]:
        """The talent's messages that wait (their ids), each with whether they wrote it after
        `seen` (when they wrote the newest thing a page or card showed: `waiting_said`)."""
        rows = await self._db.fetch_all(_WAITING_WRITTEN, (user_id,))
        return {int(row["talent_message_id"]): str(row["said"]) > seen for row in rows}

    async def waiting_besides(self, user_id: int, answered: Collection[int]) -> int:
        """How many of the talent's messages wait for an answer besides `answered` (their
        message ids)."""
        ids = json.dumps(sorted(set(answered)))
        return int(await self._db.fetch_value(WAITING_BESIDES, (user_id, ids)) or 0)

    async def burst(self, staff_chat_id: int, header_message_id: int) -> list[int]:
        """The talent's message ids a burst's header in the staff chat stands for: the messages
        relayed under it, oldest first (none for a message that is no header)."""
        rows = await self._db.fetch_all(BURST, (staff_chat_id, header_message_id))
        return [int(row["talent_message_id"]) for row in rows]

    async def own_questions(self, user_id: int) -> OwnQuestions:
        """What the talent reads of their messages to staff on /status: those that wait, and
        how many were answered (never by whom)."""
        rows = await self._db.fetch_all(WAITING_LINES, (user_id,))
        answered = await self._db.fetch_value(ANSWERED_COUNT, (user_id,))
        waiting = tuple((str(row["created_at"]), row["text"]) for row in rows)
        return OwnQuestions(waiting, int(answered or 0))

    async def newest_answer(self, staff_chat_id: int, user_id: int) -> int | None:
        """The staff-chat message of the newest staff answer to the talent (see
        `answer_in_staff_chat`)."""
        newest = await self._db.fetch_value(
            "SELECT talent_message_id FROM relayed_messages WHERE staff_chat_id = ?"
            " AND user_id = ? AND kind = 'answer' ORDER BY id DESC LIMIT 1",
            (staff_chat_id, user_id),
        )
        return (
            None
            if newest is None
            else await self.answer_in_staff_chat(staff_chat_id, user_id, int(newest))
        )

    async def answer_in_staff_chat(
        self, staff_chat_id: int, user_id: int, answer_id: int
    ) -> int | None:
        """The staff-chat message of the staff answer the talent got as their message
        `answer_id`: staff's own words (a reply in the group), else the note telling of a
        workspace answer (None if the staff chat has neither)."""
        value = await self._db.fetch_value(
            "SELECT staff_message_id FROM relayed_messages WHERE staff_chat_id = ?"
            " AND user_id = ? AND kind = 'answer' AND talent_message_id = ? ORDER BY id LIMIT 1",
            (staff_chat_id, user_id, answer_id),
        )
        return None if value is None else int(value)

    async def replies(self, user_id: int, log_ids: Collection[int]) -> dict[int, Reply]:
        """Of these lines of the talent's log (their messages to staff), the ones that opened
        a reply to a staff answer ("Balas tim kami" under it), by line id."""
        rows = await self._db.fetch_all(
            "SELECT l.id, r.reply_answer_id, r.reply_question_id FROM relayed_messages r"
            " JOIN conversation_log l ON l.chat_id = r.user_id AND l.direction = 'in'"
            " AND l.message_id = r.talent_message_id WHERE r.user_id = ? AND r.kind = 'question'"
            " AND r.reply_answer_id IS NOT NULL AND l.id IN (SELECT value FROM json_each(?))",
            (user_id, json.dumps(sorted(set(log_ids)))),
        )
        return {
            int(row["id"]): Reply(int(row["reply_answer_id"]), row["reply_question_id"])
            for row in rows
        }

    async def newest_answer_id(self, user_id: int) -> int | None:
        """The talent's own message id of the newest staff answer they got (None if none)."""
        value = await self._db.fetch_value(
            "SELECT talent_message_id FROM relayed_messages WHERE user_id = ?"
            " AND kind = 'answer' ORDER BY id DESC LIMIT 1",
            (user_id,),
        )
        return None if value is None else int(value)

    async def is_reply(self, user_id: int, talent_message_id: int) -> bool:
        """Whether the talent's message `talent_message_id` went to staff in a reply to a
        staff answer (its burst's header was recorded as opening one), not as a question."""
        value = await self._db.fetch_value(
            "SELECT h.reply_answer_id FROM relayed_messages q"
            " JOIN relayed_messages h ON h.id = (SELECT MAX(b.id) FROM relayed_messages b"
            " WHERE b.user_id = q.user_id AND b.kind = 'header' AND b.id < q.id)"
            " WHERE q.user_id = ? AND q.kind = 'question' AND q.talent_message_id = ?"
            " AND h.reply_answer_id IS NOT NULL ORDER BY q.id DESC LIMIT 1",
            (user_id, talent_message_id),
        )
        return value is not None

    async def answer_words(self, user_id: int, answer_id: int) -> str | None:
        """What a staff answer the talent got as their message `answer_id` said, as their log
        keeps it (None if it no longer does)."""
        value = await self._db.fetch_value(
            "SELECT text FROM conversation_log WHERE chat_id = ? AND direction = 'out'"
            " AND kind = 'staff_answer' AND message_id = ? ORDER BY id DESC LIMIT 1",
            (user_id, answer_id),
        )
        return None if value is None else str(value)

    async def is_answer(self, user_id: int, message_id: int) -> bool:
        """Whether the talent's message `message_id` is a staff answer they got (from the
        staff chat or the workspace), as their log keeps it."""
        value = await self._db.fetch_value(
            "SELECT 1 FROM conversation_log WHERE chat_id = ? AND direction = 'out'"
            " AND kind = 'staff_answer' AND message_id = ? LIMIT 1",
            (user_id, message_id),
        )
        return value is not None

    async def question_before_answer(self, user_id: int, answer_id: int) -> int | None:
        """The talent's own message id of their newest question relayed before the staff
        answer they got as their message `answer_id` (None if that answer is not known)."""
        value = await self._db.fetch_value(
            "SELECT q.talent_message_id FROM relayed_messages q WHERE q.user_id = ?1"
            " AND q.kind = 'question' AND q.created_at <= (SELECT MIN(a.created_at)"
            " FROM relayed_messages a WHERE a.user_id = ?1 AND a.kind = 'answer'"
            " AND a.talent_message_id = ?2) ORDER BY q.id DESC LIMIT 1",
            (user_id, answer_id),
        )
        return None if value is None else int(value)

    async def note_waits(self, application_id: int) -> bool:
        """Whether this lead's note to the team asks something and no staff answer (not a
        holding reply) has reached the talent since it was submitted (see NOTE_WAITING_FROM)."""
        value = await self._db.fetch_value(
            "SELECT 1" + NOTE_WAITING_FROM + "AND a.id = ? LIMIT 1", (application_id,)
        )
        return value is not None

    async def waiting_since(self) -> tuple[int, str | None]:
        """How many talents wait for a staff answer (a relayed question, or their form note's
        question: ALL_WAITING), and since when the oldest of those waits (as stored; None when
        none waits)."""
        row = await self._db.fetch_one(_WAITING_SINCE)
        if row is None or not row["talents"]:
            return 0, None
        return int(row["talents"]), str(row["oldest"])

    async def question_waiting(self, user_id: int) -> bool:
        """Whether a question of this talent waits for a staff answer (see WAITING_FROM)."""
        return await self._db.fetch_value(IS_WAITING, (user_id,)) is not None

    async def questions_waiting(self, user_ids: Collection[int]) -> set[int]:
        """Which of these talents have a question waiting for a staff answer (as
        question_waiting, for a bulk move's preview: one query, however many)."""
        if not user_ids:
            return set()
        rows = await self._db.fetch_all(ANY_WAITING, (json.dumps(sorted(set(user_ids))),))
        return {int(row["user_id"]) for row in rows}

    async def was_relayed(self, user_id: int, talent_message_id: int) -> bool:
        """Whether this message of the talent already reached the staff chat."""
        value = await self._db.fetch_value(
            "SELECT 1 FROM relayed_messages WHERE user_id = ? AND talent_message_id = ?"
            " AND kind = 'question'",
            (user_id, talent_message_id),
        )
        return value is not None

    async def sent_answer(self, user_id: int, answer_id: int) -> SentAnswer | None:
        """How a staff answer reached the talent as their message `answer_id`, as their log
        keeps it: when, and the heading sent with its words in the same message (None when
        it came alone, under a heading of its own); None if the log no longer keeps it."""
        row = await self._db.fetch_one(
            "SELECT created_at, heading FROM conversation_log WHERE chat_id = ?"
            " AND direction = 'out' AND kind = 'staff_answer' AND message_id = ?"
            " ORDER BY id DESC LIMIT 1",
            (user_id, answer_id),
        )
        if row is None:
            return None
        return SentAnswer(str(row["created_at"]), row["heading"])

    async def relayed_copy(self, user_id: int, talent_message_id: int) -> tuple[int, int] | None:
        """Where this message of the talent was relayed: the staff chat and its copy there."""
        row = await self._db.fetch_one(
            "SELECT staff_chat_id, staff_message_id FROM relayed_messages WHERE user_id = ?"
            " AND talent_message_id = ? AND kind = 'question' ORDER BY id DESC LIMIT 1",
            (user_id, talent_message_id),
        )
        return None if row is None else (int(row["staff_chat_id"]), int(row["staff_message_id"]))

    async def topic_for(self, staff_chat_id: int, user_id: int) -> int | None:
        """The forum topic of a talent in the staff chat."""
        value = await self._db.fetch_value(
            "SELECT thread_id FROM support_topics WHERE staff_chat_id = ? AND user_id = ?",
            (staff_chat_id, user_id),
        )
        return None if value is None else int(value)

    async def talent_in_topic(self, staff_chat_id: int, thread_id: int) -> int | None:
        """The talent a forum topic of the staff chat belongs to."""
        value = await self._db.fetch_value(
            "SELECT user_id FROM support_topics WHERE staff_chat_id = ? AND thread_id = ?",
            (staff_chat_id, thread_id),
        )
        return None if value is None else int(value)

    @staticmethod
    async def keep_erased_in(tx: Transaction, user_id: int) -> None:
        """Before an erasure: note its staff-chat messages and topic, by their ids only, so a
        staff reply to one is told nothing was sent (see `erased_relay`)."""
        now = utc_now()
        await tx.execute(
            "INSERT OR IGNORE INTO erased_relays (staff_chat_id, kind, number, erased_at)"
            " SELECT staff_chat_id, 'message', staff_message_id, ? FROM relayed_messages"
            " WHERE user_id = ?",
            (now, user_id),
        )
        await tx.execute(
            "INSERT OR IGNORE INTO erased_relays (staff_chat_id, kind, number, erased_at)"
            " SELECT staff_chat_id, 'topic', thread_id, ? FROM support_topics WHERE user_id = ?",
            (now, user_id),
        )

    async def erased_relay(
        self, staff_chat_id: int, reply_to: int | None, thread_id: int | None
    ) -> bool:
        """Whether a staff message replies to, or is in the topic of, a talent who erased
        their data."""
        found = await self._db.fetch_value(
            "SELECT 1 FROM erased_relays WHERE staff_chat_id = ? AND ("
            "(kind = 'message' AND number = ?) OR (kind = 'topic' AND number = ?)) LIMIT 1",
            (staff_chat_id, reply_to, thread_id),
        )
        return found is not None

    async def save_topic(self, staff_chat_id: int, user_id: int, thread_id: int) -> None:
        """Remember the talent's forum topic (replacing a lost one)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO support_topics (staff_chat_id, user_id, thread_id, created_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT(staff_chat_id, user_id) DO UPDATE SET"
                " thread_id = excluded.thread_id, created_at = excluded.created_at",
                (staff_chat_id, user_id, thread_id, utc_now()),
            )

    async def forget_topic(self, staff_chat_id: int, user_id: int) -> None:
        """Drop a topic that no longer exists, so the next question opens a new one."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "DELETE FROM support_topics WHERE staff_chat_id = ? AND user_id = ?",
                (staff_chat_id, user_id),
            )


async def _sending(tx: Transaction, user_id: int) -> str | None:
    """A staff answer's claim (`SupportRelay.claim`, not stale) on a question of the talent's
    that waits: it is being sent now. Who: their name as the bot knows it ("" if none); None
    if no answer is on its way."""
    rows = await tx.fetch_all(_WAITING_IDS, (user_id,))
    waiting = json.dumps(sorted(int(row["talent_message_id"]) for row in rows))
    fresh = ago(CLAIM_HOLDS)
    for row in await tx.fetch_all(_CLAIMS, (user_id, waiting)):
        if row["claimed_at"] is None or row["claimed_at"] < fresh:
            continue
        by = row["claimed_by"]
        name = None if by is None else await tx.fetch_one(_STAFF_NAME, (by,))
        return str(name["name"] or by) if name is not None else ""
    return None


_STAFF_NAME = """SELECT COALESCE(
    (SELECT NULLIF(first_name, '') FROM workspace_names WHERE user_id = ?1),
    (SELECT NULLIF(first_name, '') FROM users WHERE user_id = ?1)) AS name"""


async def _read(tx: Transaction, user_id: int) -> Session:
    """The talent's session, in a transaction (a fresh one if none is stored)."""
    row = await tx.fetch_one("SELECT * FROM support_sessions WHERE user_id = ?", (user_id,))
    return Session(user_id) if row is None else Session.from_row(row)


async def _save(tx: Transaction, session: Session) -> None:
    await tx.execute(
        _SAVE_SESSION,
        (
            session.user_id,
            int(session.asking),
            session.last_relayed_at,
            session.header_message_id,
            session.thread_id,
            session.window_started_at,
            session.window_count,
            int(session.window_noticed),
            session.answered_first_id,
            session.answered_first_at,
            session.reply_answer_id,
            session.reply_question_id,
            utc_now(),
        ),
    )


def _claimed_by_another(row: Row, by: int | None) -> bool:
    """Whether a relayed question is claimed by an answer not of `by`'s (an anonymous admin's
    is nobody's: two cannot be told apart)."""
    return row["claimed_at"] is not None and (by is None or row["claimed_by"] != by)
