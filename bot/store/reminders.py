"""Reminders for unfinished registrations: who is due, each reminder claimed once, preferences.

A reminder is one row per (application, number): number 1 after the first delay of
REMINDER_DELAYS, 2 after the second, and so on. The row is committed as 'sending' before
the request to Telegram, and a 'sending' row is never sent again: each reminder goes at
most once, across restarts and kill -9. Rows go with their application (submitted,
deleted by retention, withdrawal or erasure) and with their user (erasure).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.store.db import Database, Reader, Row, Transaction, utc_now

# The drafts a reminder may be sent for, with the time of the talent's last activity (their
# last step in the questionnaire, or any message or button since) and the number of the
# last reminder recorded. Cheap conditions first, in a materialised step, so the costlier
# checks run only for the few drafts whose next reminder is due:
# - a draft last changed before :oldest is too old for any reminder;
# - :cutoffs is a JSON list: the latest activity time that makes reminder 1, 2, ... due now;
# - "at least one question answered": an answer stored by another update than the one that
#   opened the draft (a program's Apply button presets the sector and the programme with
#   that update, before the talent has answered anything).
# The talent still wants reminders: not turned off for good, consent to processing given.
_WANTED = """NOT EXISTS (SELECT 1 FROM reminder_preferences f
            WHERE f.user_id = {user} AND f.enabled = 0)
        AND (SELECT c.granted FROM consents c WHERE c.user_id = {user}
            AND c.kind = 'processing' ORDER BY c.id DESC LIMIT 1) = 1"""
_DUE = """
    WITH waiting AS MATERIALIZED (
        SELECT p.id AS application_id, p.user_id, p.program_key, p.updated_at, u.language,
            u.first_name, MAX(p.updated_at, u.last_seen_at) AS active_at,
            COALESCE((SELECT MAX(r.number) FROM reminders r WHERE r.application_id = p.id), 0)
                AS done
        FROM applications p JOIN users u ON u.user_id = p.user_id
        WHERE p.status = 'draft' AND p.updated_at BETWEEN :oldest AND :first
            AND u.last_seen_at <= :first
            AND p.reminders_off_at IS NULL AND u.blocked = 0 AND p.amends IS NULL {only}
    )
    SELECT * FROM waiting w
    WHERE w.done < json_array_length(:cutoffs)
        AND w.active_at <= json_extract(:cutoffs, '$[' || w.done || ']')
        AND {wanted}
        AND CASE WHEN w.program_key IS NULL
            THEN EXISTS (SELECT 1 FROM answers a WHERE a.application_id = w.application_id)
            ELSE (SELECT MIN(IFNULL(a.update_id, -1)) != MAX(IFNULL(a.update_id, -1))
                FROM answers a WHERE a.application_id = w.application_id) END
"""
# A claimed reminder, just before its request: the talent has not finished, pressed Later or
# Stop, withdrawn consent, erased their data (the row would be gone) or blocked the bot since.
_STILL_WANTED = """
    SELECT 1 FROM reminders r JOIN applications p ON p.id = r.application_id
        JOIN users u ON u.user_id = p.user_id
    WHERE r.application_id = ? AND r.number = ? AND r.status = 'sending'
        AND p.status = 'draft' AND p.reminders_off_at IS NULL AND u.blocked = 0
        AND """ + _WANTED.format(user="u.user_id")  # noqa: S608 - constant SQL
_WANTED_W = _WANTED.format(user="w.user_id")
_DUE_ALL = (
    _DUE.format(only="", wanted=_WANTED_W) + " ORDER BY w.active_at, w.application_id LIMIT :limit"
)
_DUE_ONE = _DUE.format(only="AND p.id = :application_id", wanted=_WANTED_W)


@dataclass(frozen=True, slots=True)
class DueTimes:
    """Which last-activity times make a reminder due now (all in the stored UTC form)."""

    cutoffs: list[str]  # reminder n is due if the last activity is at or before cutoffs[n - 1]
    oldest: str  # no reminder at all for activity before this


@dataclass(frozen=True, slots=True)
class DueDraft:
    """An unfinished registration whose next reminder is due."""

    application_id: int
    user_id: int
    language: str
    first_name: str
    updated_at: str  # the draft's last change: retention counts from it
    active_at: str  # the talent's last activity: reminders count from it
    done: int  # the number of the last reminder recorded (sent or not), 0 if none

    @classmethod
    def from_row(cls, row: Row) -> DueDraft:
        """Build from a row of the due query."""
        return cls(
            application_id=row["application_id"],
            user_id=row["user_id"],
            language=row["language"],
            first_name=row["first_name"],
            updated_at=row["updated_at"],
            active_at=row["active_at"],
            done=row["done"],
        )


@dataclass(frozen=True, slots=True)
class Preference:
    """Whether a talent gets reminders, and since when (None: never changed, so yes)."""

    enabled: bool
    changed_at: str | None


@dataclass(frozen=True, slots=True)
class ReminderCounts:
    """What /stats shows about reminders."""

    sent: int  # ever (a count per day, kept when the drafts themselves are deleted)
    sent_recent: int  # since the given day
    reminded: int  # stored registrations that got at least one reminder
    finished: int  # of those, submitted within FINISH_DAYS of a reminder


FINISH_DAYS = 7


class Reminders:
    """The reminders, reminder_preferences and reminder_days tables."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def due(self, times: DueTimes, limit: int) -> list[DueDraft]:
        """Registrations whose next reminder is due, longest inactive first."""
        rows = await self._db.fetch_all(_DUE_ALL, {**_params(times), "limit": limit})
        return [DueDraft.from_row(row) for row in rows]

    async def claim(self, draft: DueDraft, number: int, times: DueTimes) -> bool:
        """Record reminder `number` as being sent, if the draft still qualifies right now.

        Checked again in the same transaction as the record, so a talent who finished,
        pressed Later or Stop, withdrew consent or erased their data since the due query
        gets nothing. Reminders before `number` that came due unsent (the bot was stopped,
        or quiet hours) are recorded as skipped: one reminder at a time, never a burst.
        """
        params = {**_params(times), "application_id": draft.application_id}
        now = utc_now()
        async with self._db.transaction() as tx:
            row = await tx.fetch_one(_DUE_ONE, params)
            if row is None or row["done"] != draft.done:
                return False
            for skipped in range(draft.done + 1, number):
                await _insert(tx, draft, skipped, "skipped", now)
            await _insert(tx, draft, number, "sending", now)
        return True

    async def still_wanted(self, application_id: int, number: int) -> bool:
        """Whether a claimed reminder may still go, checked right before its request (after a
        wait for the send budget or a 429, the talent may have stopped it meanwhile).

        Read on the loop's thread (an indexed look-up): nothing runs between this check and
        the request being made.
        """
        return bool(self._db.lookup(_STILL_WANTED, (application_id, number)))

    async def drop_claim(self, application_id: int, number: int) -> None:
        """The talent stopped a claimed reminder before it went: recorded as skipped (if the
        registration is still there), never sent."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE reminders SET status = 'skipped', error = 'stopped before it was sent'"
                " WHERE application_id = ? AND number = ? AND status = 'sending'",
                (application_id, number),
            )

    async def unclaim(self, application_id: int, number: int) -> None:
        """No request was made after all (the bot is stopping): it may be sent later."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "DELETE FROM reminders WHERE application_id = ? AND number = ?"
                " AND status = 'sending'",
                (application_id, number),
            )

    async def mark_sent(
        self, application_id: int, number: int, message_id: int, questions_left: int, day: str
    ) -> None:
        """Telegram accepted the reminder; it counts in the day's tally."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE reminders SET status = 'sent', message_id = ?, questions_left = ?,"
                " sent_at = ? WHERE application_id = ? AND number = ?",
                (message_id, questions_left, utc_now(), application_id, number),
            )
            await tx.execute(
                "INSERT INTO reminder_days (day, sent) VALUES (?, 1)"
                " ON CONFLICT(day) DO UPDATE SET sent = sent + 1",
                (day,),
            )

    async def mark_failed(self, application_id: int, number: int, error: str) -> None:
        """Telegram refused it for another reason than a block: not tried again."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE reminders SET status = 'failed', error = ?"
                " WHERE application_id = ? AND number = ?",
                (error[:500], application_id, number),
            )

    async def mark_blocked(
        self, application_id: int, number: int, user_id: int, error: str
    ) -> None:
        """The talent blocked the bot or is gone: marked unreachable, nothing more is sent."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE reminders SET status = 'blocked', error = ?"
                " WHERE application_id = ? AND number = ?",
                (error[:500], application_id, number),
            )
            await tx.execute(
                "UPDATE users SET blocked = 1, updated_at = ? WHERE user_id = ?",
                (utc_now(), user_id),
            )

    async def later(self, application_id: int, user_id: int) -> bool:
        """ "Later": no more reminders for this registration. False if it is not their draft."""
        async with self._db.transaction() as tx:
            changed = await tx.execute_rowcount(
                "UPDATE applications SET reminders_off_at = COALESCE(reminders_off_at, ?)"
                " WHERE id = ? AND user_id = ? AND status = 'draft'",
                (utc_now(), application_id, user_id),
            )
        return changed == 1

    async def set_enabled(self, user_id: int, enabled: bool) -> None:
        """The talent's own choice: reminders for any registration, or none."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO reminder_preferences (user_id, enabled, changed_at) VALUES (?, ?, ?)"
                " ON CONFLICT(user_id) DO UPDATE SET enabled = excluded.enabled,"
                " changed_at = excluded.changed_at WHERE enabled != excluded.enabled",
                (user_id, int(enabled), utc_now()),
            )

    async def preference(self, user_id: int) -> Preference:
        """The talent's choice; reminders are on until they turn them off."""
        row = await self._db.fetch_one(
            "SELECT enabled, changed_at FROM reminder_preferences WHERE user_id = ?", (user_id,)
        )
        if row is None:
            return Preference(True, None)
        return Preference(bool(row["enabled"]), row["changed_at"])

    async def counts(self, since_day: str, view: Reader) -> ReminderCounts:
        """Reminders sent (ever, and since a day), and registrations finished after one."""
        sent = await view.fetch_one(
            "SELECT COALESCE(SUM(sent), 0) AS total,"
            " COALESCE(SUM(CASE WHEN day >= ? THEN sent END), 0) AS recent FROM reminder_days",
            (since_day,),
        )
        reached = await view.fetch_one(
            "SELECT COUNT(*) AS reminded, COALESCE(SUM(p.status = 'submitted' AND EXISTS ("
            "  SELECT 1 FROM reminders r WHERE r.application_id = p.id AND r.status = 'sent'"
            "  AND r.sent_at <= p.submitted_at"
            "  AND julianday(p.submitted_at) - julianday(r.sent_at) <= ?)), 0) AS finished"
            " FROM applications p WHERE EXISTS (SELECT 1 FROM reminders r"
            " WHERE r.application_id = p.id AND r.status = 'sent')",
            (FINISH_DAYS,),
        )
        assert sent is not None  # an aggregate always gives a row
        assert reached is not None
        return ReminderCounts(
            sent["total"], sent["recent"], reached["reminded"], reached["finished"]
        )


def _params(times: DueTimes) -> dict[str, object]:
    return {"cutoffs": json.dumps(times.cutoffs), "first": times.cutoffs[0], "oldest": times.oldest}


async def _insert(tx: Transaction, draft: DueDraft, number: int, status: str, now: str) -> None:
    await tx.execute(
        "INSERT INTO reminders (application_id, number, user_id, status, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (draft.application_id, number, draft.user_id, status, now),
    )
