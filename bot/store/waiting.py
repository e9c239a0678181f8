"""Leads waiting too long in their stage, the daily digest's numbers, and admins' choices.

A lead "waits" when it has been in a stage longer than that stage's limit (LEAD_WAIT_DAYS);
a lead closed as a duplicate never waits. Each stage is read through the index
lead_pipeline_waiting (stage, time it entered the stage), so the longest-waiting come first
without sorting every lead. The reads run in a snapshot of their own: a digest over 50,000
leads never holds up the reads of talents' replies.
"""

from __future__ import annotations

import heapq
import json
from dataclasses import dataclass, field

from bot.store.db import Database, Snapshot, utc_now
from bot.store.leads import FILTERS, LeadFilter
from bot.store.talent_updates import REACHED

# Submitted, not closed as a duplicate, in stage ? since before ? (then the list's filters).
_WAITING = "".join(
    (
        "SELECT p.application_id, a.reference, p.stage, p.stage_changed_at, p.assignee_id",
        " FROM lead_pipeline p JOIN applications a ON a.id = p.application_id",
        " WHERE p.stage = ? AND p.stage_changed_at < ? AND p.duplicate_closed_at IS NULL",
        " AND a.status = 'submitted'",
        FILTERS,
        " ORDER BY p.stage_changed_at, p.application_id LIMIT ?",
    )
)
_WAITING_COUNT = "".join(
    (
        "SELECT COUNT(*) FROM lead_pipeline p JOIN applications a ON a.id = p.application_id",
        " WHERE p.stage = ? AND p.stage_changed_at < ? AND p.duplicate_closed_at IS NULL",
        " AND a.status = 'submitted'",
        FILTERS,
    )
)
# Without other filters, counts read the partial index lead_pipeline_waiting alone (a
# lead_pipeline row exists only for a submitted lead; an erased lead's goes with it).
_WAITING_COUNT_ALL = (
    "SELECT COUNT(*) FROM lead_pipeline p"
    " WHERE p.stage = ? AND p.stage_changed_at < ? AND p.duplicate_closed_at IS NULL"
)
_WAITING_PER_ADMIN = (
    "SELECT p.assignee_id, COUNT(*) AS n FROM lead_pipeline p"
    " WHERE p.stage = ? AND p.stage_changed_at < ? AND p.duplicate_closed_at IS NULL"
    " AND p.assignee_id IS NOT NULL GROUP BY p.assignee_id"
)
_SECTOR = (
    "(SELECT s.value FROM answers s WHERE s.application_id = a.id AND s.question_key = 'sector')"
)
_NEW = (
    f"SELECT {_SECTOR} AS sector, COUNT(*) AS n FROM applications a"  # noqa: S608 - constants
    " WHERE a.status = 'submitted' AND a.submitted_at >= ? AND a.submitted_at < ?"
    " GROUP BY sector"
)
# Those of them closed as a duplicate, through the partial index lead_pipeline_closed (a few
# rows): taken off the new, as /stats counts them in no line but their own.
_NEW_CLOSED = (
    f"SELECT {_SECTOR} AS sector, COUNT(*) AS n FROM lead_pipeline p"  # noqa: S608 - constants
    " CROSS JOIN applications a ON a.id = p.application_id AND a.status = 'submitted'"
    " WHERE p.duplicate_closed_at IS NOT NULL AND a.submitted_at >= ? AND a.submitted_at < ?"
    " GROUP BY sector"
)
# The week's moves through lead_history_created (`+h.kind`: not through the index on kinds,
# which holds every move ever made; CROSS JOIN: from the week's moves to their leads).
_MOVED = (
    f"SELECT {_SECTOR} AS sector, COUNT(*) AS n,"  # noqa: S608 - constants
    " SUM(h.to_value = ?) AS closed FROM lead_history h"
    " CROSS JOIN applications a ON a.id = h.application_id AND a.status = 'submitted'"
    " WHERE +h.kind = 'stage' AND h.created_at >= ? AND h.created_at < ? GROUP BY sector"
)
_DUPLICATES_CLOSED = (
    f"SELECT {_SECTOR} AS sector, COUNT(*) AS n FROM lead_pipeline p"  # noqa: S608 - constants
    " CROSS JOIN applications a ON a.id = p.application_id AND a.status = 'submitted'"
    " WHERE p.duplicate_closed_at >= ? AND p.duplicate_closed_at < ? GROUP BY sector"
)
# Leads their talent cancelled in the week (/status: bot/store/cancellations.py closes them
# without a lead_history row; no stage moves them again, so stage_changed_at is when): closed,
# as /stats counts them, unless already closed before (their last move was to the closed
# stage, counted then) or closed as a duplicate (counted by the query above). A lead_pipeline
# scan, once a week: cancellations are few and have no index of their own.
_WITHDRAWN = (
    f"SELECT {_SECTOR} AS sector, COUNT(*) AS n FROM lead_pipeline p"  # noqa: S608 - constants
    " CROSS JOIN applications a ON a.id = p.application_id AND a.status = 'submitted'"
    " WHERE p.talent_withdrawn_at >= ? AND p.talent_withdrawn_at < ?"
    " AND p.duplicate_closed_at IS NULL"
    " AND (SELECT h.to_value FROM lead_history h WHERE h.application_id = p.application_id"
    " AND h.kind = 'stage' ORDER BY h.id DESC LIMIT 1) IS NOT ?"
    " GROUP BY sector"
)
# Leads first contacted in the week: days from submission to their first move to a stage
# that counts as contact (ever: a lead contacted before the week is not counted again). Not
# a lead closed as a duplicate, as /stats' median leaves it out: its talent's contact is the
# kept lead's. A move whose stage message did not reach the talent is no contact (REACHED).
_FIRST_CONTACT = f"""
SELECT {_SECTOR} AS sector, julianday(first) - julianday(a.submitted_at) AS days
FROM (SELECT h.application_id, MIN(h.created_at) AS first FROM lead_history h
    WHERE h.kind = 'stage' AND h.to_value IN (SELECT value FROM json_each(?)){REACHED}
        AND h.application_id IN (SELECT application_id FROM lead_history
            WHERE created_at >= ? AND created_at < ? AND kind = 'stage'
                AND to_value IN (SELECT value FROM json_each(?)))
    GROUP BY h.application_id) f
JOIN applications a ON a.id = f.application_id AND a.status = 'submitted'
WHERE f.first >= ? AND f.first < ? AND NOT EXISTS (SELECT 1 FROM lead_pipeline p
    WHERE p.application_id = a.id AND p.duplicate_closed_at IS NOT NULL)
"""  # noqa: S608 - constants only


@dataclass(frozen=True, slots=True)
class WaitingLead:
    """A lead past its stage's limit."""

    application_id: int
    reference: str
    stage: str
    since: str  # when it entered the stage (ISO UTC)
    assignee_id: int | None


@dataclass(frozen=True, slots=True)
class StageWaiting:
    """One stage: how many leads wait in it, and the longest-waiting few."""

    stage: str
    count: int
    longest: list[WaitingLead]


@dataclass(slots=True)
class SectorWeek:
    """One sector's week."""

    new: int = 0
    moved: int = 0
    closed: int = 0
    contact_days: list[float] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DigestNumbers:
    """What a digest is made of, read from one snapshot."""

    new: int  # leads submitted since the last digest, not those closed as a duplicate
    waiting: list[StageWaiting]  # per stage, in the order given
    per_admin: dict[int, int]  # assignee -> their waiting leads
    week: dict[str | None, SectorWeek] | None  # per sector (None: no sector answer)
    new_duplicates: int = 0  # submitted since the last digest, closed as a duplicate


class Waiting:
    """Waiting leads, the digest's numbers and runs, admins' alert preference."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def page(
        self, cutoffs: dict[str, str], where: LeadFilter, offset: int, limit: int
    ) -> tuple[list[WaitingLead], int]:
        """One page of waiting leads (longest in their stage first), and how many wait."""
        async with self._db.snapshot() as view:
            return await _page(view, cutoffs, where, offset, limit)

    async def counts(self, cutoffs: dict[str, str], where: LeadFilter) -> dict[str, int]:
        """How many leads wait in each stage of `cutoffs` (matching the filter)."""
        async with self._db.snapshot() as view:
            return {
                stage: await _count(view, stage, cutoff, where) for stage, cutoff in cutoffs.items()
            }

    async def digest_numbers(
        self,
        cutoffs: dict[str, str],
        since: str,
        until: str,
        week: tuple[str, str] | None,
        closed_stage: str | None,
        contacted: list[str],
        longest: int = 3,
    ) -> DigestNumbers:
        """New since `since`, waiting per stage with the `longest` few, per admin; and with
        `week` (start, end), the week's new, moved, closed and days to first contact."""
        async with self._db.snapshot() as view:
            new = await view.fetch_all(_NEW, (since, until))
            closed = await view.fetch_all(_NEW_CLOSED, (since, until))
            stages: list[StageWaiting] = []
            per_admin: dict[int, int] = {}
            for stage, cutoff in cutoffs.items():
                leads, count = await _page(view, {stage: cutoff}, LeadFilter(), 0, longest)
                stages.append(StageWaiting(stage, count, leads))
                for row in await view.fetch_all(_WAITING_PER_ADMIN, (stage, cutoff)):
                    admin = int(row["assignee_id"])
                    per_admin[admin] = per_admin.get(admin, 0) + int(row["n"])
            weekly = None
            if week is not None:
                weekly = await _week(view, week, closed_stage, contacted)
        duplicates = sum(int(row["n"]) for row in closed)
        return DigestNumbers(
            new=sum(int(row["n"]) for row in new) - duplicates,
            waiting=stages,
            per_admin=per_admin,
            week=weekly,
            new_duplicates=duplicates,
        )

    # ----- one digest a day ------------------------------------------------------------------

    async def claim_day(self, day: str) -> bool:
        """Take the digest of this WIB day (once, also across restarts); False if taken."""
        async with self._db.transaction() as tx:
            inserted = await tx.execute_rowcount(
                "INSERT OR IGNORE INTO digest_runs (day, started_at) VALUES (?, ?)",
                (day, utc_now()),
            )
        return inserted == 1

    async def mark_sent(self, day: str) -> None:
        """The day's digest went out (or there was nothing to say: sent stays 0)."""
        async with self._db.transaction() as tx:
            await tx.execute("UPDATE digest_runs SET sent = 1 WHERE day = ?", (day,))

    async def last_sent(self, before_day: str) -> tuple[str | None, str | None]:
        """When the latest digest sent before this day was made (ISO UTC), and the first day
        one was claimed. A claimed day that sent nothing (nothing to say, or every send
        failed) is no "last digest": what it would have said was never read."""
        row = await self._db.fetch_one(
            "SELECT MAX(CASE WHEN sent = 1 THEN started_at END) AS sent_at,"
            " MIN(day) AS first_day FROM digest_runs WHERE day < ?",
            (before_day,),
        )
        if row is None:
            return None, None
        sent_at, first_day = row["sent_at"], row["first_day"]
        return (
            None if sent_at is None else str(sent_at),
            None if first_day is None else str(first_day),
        )

    async def ran(self, day: str) -> bool:
        """Whether this day's digest was made."""
        value = await self._db.fetch_value("SELECT 1 FROM digest_runs WHERE day = ?", (day,))
        return value is not None

    # ----- admins' new-lead alerts -------------------------------------------------------------

    async def alerts_muted(self) -> set[int]:
        """Admins who muted new-lead alerts in their private chat."""
        rows = await self._db.fetch_all(
            "SELECT admin_id FROM staff_preferences WHERE lead_alerts = 0"
        )
        return {int(row["admin_id"]) for row in rows}

    async def set_alerts(self, admin_id: int, on: bool) -> None:
        """Keep an admin's choice (a replayed press sets the same again)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO staff_preferences (admin_id, lead_alerts, changed_at)"
                " VALUES (?, ?, ?) ON CONFLICT(admin_id) DO UPDATE SET"
                " lead_alerts = excluded.lead_alerts, changed_at = excluded.changed_at",
                (admin_id, int(on), utc_now()),
            )


async def _page(
    view: Snapshot, cutoffs: dict[str, str], where: LeadFilter, offset: int, limit: int
) -> tuple[list[WaitingLead], int]:
    """Each stage's longest-waiting leads through the index, merged oldest first."""
    runs: list[list[WaitingLead]] = []
    total = 0
    for stage, cutoff in cutoffs.items():
        total += await _count(view, stage, cutoff, where)
        rows = await view.fetch_all(_WAITING, (stage, cutoff, *where.filter_params, offset + limit))
        runs.append(
            [
                WaitingLead(
                    int(row["application_id"]),
                    str(row["reference"]),
                    str(row["stage"]),
                    str(row["stage_changed_at"]),
                    row["assignee_id"],
                )
                for row in rows
            ]
        )
    merged = list(heapq.merge(*runs, key=lambda lead: (lead.since, lead.application_id)))
    return merged[offset : offset + limit], total


async def _count(view: Snapshot, stage: str, cutoff: str, where: LeadFilter) -> int:
    """How many leads wait in one stage (matching the filter)."""
    if where == LeadFilter():
        return int(await view.fetch_value(_WAITING_COUNT_ALL, (stage, cutoff)) or 0)
    params = (stage, cutoff, *where.filter_params)
    return int(await view.fetch_value(_WAITING_COUNT, params) or 0)


async def _week(
    view: Snapshot, week: tuple[str, str], closed_stage: str | None, contacted: list[str]
) -> dict[str | None, SectorWeek]:
    start, end = week
    sectors: dict[str | None, SectorWeek] = {}

    def of(row_sector: str | None) -> SectorWeek:
        key = None if row_sector is None else json.loads(row_sector)
        return sectors.setdefault(key, SectorWeek())

    for row in await view.fetch_all(_NEW, (start, end)):
        of(row["sector"]).new += int(row["n"])
    for row in await view.fetch_all(_NEW_CLOSED, (start, end)):
        of(row["sector"]).new -= int(row["n"])
    for row in await view.fetch_all(_MOVED, (closed_stage, start, end)):
        sector = of(row["sector"])
        sector.moved += int(row["n"])
        sector.closed += int(row["closed"] or 0)
    for row in await view.fetch_all(_DUPLICATES_CLOSED, (start, end)):
        of(row["sector"]).closed += int(row["n"])
    if closed_stage is not None:
        for row in await view.fetch_all(_WITHDRAWN, (start, end, closed_stage)):
            of(row["sector"]).closed += int(row["n"])
    stages = json.dumps(contacted)
    for row in await view.fetch_all(_FIRST_CONTACT, (stages, start, end, stages, start, end)):
        if row["days"] is not None:
            of(row["sector"]).contact_days.append(max(0.0, float(row["days"])))
    return sectors
