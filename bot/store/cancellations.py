"""A talent cancelling one of their submitted registrations themselves (/status, "Batalkan
pendaftaran ini"; a talents' review s59, H1: the only way out was withdrawing consent, which
deletes everything).

The lead stays on record for staff, closed: moved to the closed stage the caller names,
marked `lead_pipeline.talent_withdrawn_at` (no stage moves it again: bot/store/pipeline.py
refuses), its unsent stage messages dropped, an update draft of it discarded, and an audit
entry naming the talent as who did it (which the lead's history shows), all in one
transaction. Its answers stay, as the privacy notice says of a submitted registration (until
consent is withdrawn or the data erased); the registration still counts for the day's limit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from bot.store.applications import REGISTERED_FOR, registered_for
from bot.store.audit import TELEGRAM, Actor, Audit
from bot.store.broadcasts import Broadcasts
from bot.store.db import Database, Row, Transaction, utc_now
from bot.store.records import TALENT

TALENT_WITHDRAWAL = "talent_withdrawal"  # its kind in a lead's history (LeadChange.kind)
TALENT_WITHDRAWAL_ACTION = "withdrawn_by_talent"  # its audit action
# Its reason in the audit entry when the talent said under 18 with no guardian's consent yet
# (the lead's history says so: a talents' review s62, it read only "talenta membatalkan").
UNDER_18 = "under_18_no_guardian"

# A cancelled lead's reason, read with it (a column of a query on applications a and
# lead_pipeline p): its cancel's audit entry, through the lead_ref index, read only for a lead
# cancelled (a re-check s62, N2: every screen after an under-18 cancel said "you cancelled").
WITHDRAWN_REASON = (
    "CASE WHEN p.talent_withdrawn_at IS NULL THEN NULL ELSE"  # noqa: S608 - constants
    " (SELECT json_extract(w.detail, '$.reason') FROM audit_log w"
    f" WHERE w.lead_ref = a.reference AND w.action = '{TALENT_WITHDRAWAL_ACTION}'"
    " ORDER BY w.id DESC LIMIT 1) END AS withdrawn_reason"
)

_OWN_LEADS = (
    "SELECT a.id, a.reference, p.stage, p.assignee_id, p.talent_withdrawn_at,"  # noqa: S608 - constants
    f" {REGISTERED_FOR}, {WITHDRAWN_REASON}"
    " FROM applications a JOIN lead_pipeline p ON p.application_id = a.id"
    " WHERE a.user_id = ? AND a.status = 'submitted'"
)
_OWN_LEAD = _OWN_LEADS + " AND a.id = ?"


@dataclass(frozen=True, slots=True)
class OwnLead:
    """One of a talent's submitted registrations, as its cancelling names it."""

    application_id: int
    reference: str
    stage: str
    assignee_id: int | None
    registered_for: str | None
    withdrawn_at: str | None  # when the talent cancelled it (None: still open)
    # Why, when it was not the talent's own wish (UNDER_18); None for their own cancel.
    reason: str | None = None

    @classmethod
    def from_row(cls, row: Row) -> OwnLead:
        """Build from an _OWN_LEAD row."""
        return cls(
            int(row["id"]),
            str(row["reference"]),
            str(row["stage"]),
            row["assignee_id"],
            registered_for(row),
            row["talent_withdrawn_at"],
            row["withdrawn_reason"],
        )


@dataclass(frozen=True, slots=True)
class Cancelled:
    """What became of a talent's cancelling: done now, done before, or no such lead of theirs
    (erased, or not theirs: a forged button)."""

    outcome: Literal["cancelled", "already", "gone"]
    lead: OwnLead | None = None


class Cancellations:
    """lead_pipeline.talent_withdrawn_at and the records written with it."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def own_lead(self, user_id: int, application_id: int) -> OwnLead | None:
        """The talent's submitted registration by id, or None if it is not theirs (or gone)."""
        row = await self._db.fetch_one(_OWN_LEAD, (user_id, application_id))
        return None if row is None else OwnLead.from_row(row)

    async def open_leads(self, user_id: int) -> list[OwnLead]:
        """The talent's submitted registrations not cancelled, oldest first."""
        rows = await self._db.fetch_all(
            _OWN_LEADS + " AND p.talent_withdrawn_at IS NULL ORDER BY a.id", (user_id,)
        )
        return [OwnLead.from_row(row) for row in rows]

    async def latest_cancelled(self, user_id: int) -> OwnLead | None:
        """The registration the talent cancelled last, whose kept answers a new one may begin
        from; None if they cancelled none (or an erasure took them)."""
        rows = await self._db.fetch_all(
            _OWN_LEADS + " AND p.talent_withdrawn_at IS NOT NULL", (user_id,)
        )
        newest = max(rows, key=lambda row: (row["talent_withdrawn_at"], row["id"]), default=None)
        return None if newest is None else OwnLead.from_row(newest)

    async def kept_answers(
        self, user_id: int, application_id: int
    ) -> tuple[OwnLead, dict[str, Any]] | None:
        """A registration the talent cancelled, and its answers as they stand (a staff
        correction included); None if it is not theirs, not cancelled, or gone."""
        row = await self._db.fetch_one(_OWN_LEAD, (user_id, application_id))
        if row is None or row["talent_withdrawn_at"] is None:
            return None
        rows = await self._db.fetch_all(
            "SELECT question_key, value FROM answers WHERE application_id = ?", (application_id,)
        )
        answers = {
            item["question_key"]: None if item["value"] is None else json.loads(item["value"])
            for item in rows
        }
        return OwnLead.from_row(row), answers

    async def cancel(
        self,
        user_id: int,
        application_id: int,
        closed_stage: str | None,
        *,
        said_under_18_at: str | None = None,
    ) -> Cancelled:
        """Close the talent's lead at `closed_stage` (None: where it is), marked as cancelled
        by them; pending, failed or uncertain stage messages of it are superseded, never sent,
        and so is one marked 'sending' that still waits for its send slot (after a 429, for
        Telegram's retry_after): `TalentUpdates.still_sending` sees it right before the
        request. One whose request is already out is recorded as sent when it is answered.
        `said_under_18_at`: cancelled because the talent said, updating it, that they are
        under 18 (and no guardian's consent yet): the lead carries the age declaration's mark
        (applications.said_under_18_at, as a form with an adult age after one does)."""
        async with self._db.transaction() as tx:
            return await _cancel_in(tx, user_id, application_id, closed_stage, said_under_18_at)

    async def cancel_as_minor(
        self,
        user_id: int,
        application_id: int | None,
        closed_stage: str | None,
        said_under_18_at: str | None,
        news: tuple[str, str],
    ) -> tuple[Cancelled, bool]:
        """The talent said under 18, with no guardian's consent yet: the lead whose update
        said it (None: a new form's, no lead) cancelled as `cancel` does, its history saying
        why (UNDER_18), and program news stopped as /berhenti stops it (`news`: the notice
        version and language of its consent record), all in one transaction. Only that lead:
        the account's other registrations may be other people's (a parent registers herself
        and her son: a review s62, H2). Returns the cancelling ("gone" for None), and whether
        news was on (and is stopped now)."""
        async with self._db.transaction() as tx:
            done = Cancelled("gone")
            if application_id is not None:
                done = await _cancel_in(
                    tx, user_id, application_id, closed_stage, said_under_18_at, UNDER_18
                )
            user = await tx.fetch_one("SELECT subscribed FROM users WHERE user_id = ?", (user_id,))
            subscribed = user is not None and bool(user["subscribed"])
            if subscribed:
                await Broadcasts.set_subscription_in(tx, user_id, False, *news)
        return done, subscribed


async def _cancel_in(
    tx: Transaction,
    user_id: int,
    application_id: int,
    closed_stage: str | None,
    said_under_18_at: str | None,
    reason: str | None = None,
) -> Cancelled:
    """`Cancellations.cancel` inside a transaction (`reason`: why, for the lead's history)."""
    row = await tx.fetch_one(_OWN_LEAD, (user_id, application_id))
    if row is None:
        return Cancelled("gone")
    lead = OwnLead.from_row(row)
    if lead.withdrawn_at is not None:
        return Cancelled("already", lead)
    now = utc_now()
    to_stage = closed_stage or lead.stage
    await tx.execute(
        "UPDATE lead_pipeline SET stage = ?, version = version + 1, stage_changed_at = ?,"
        " talent_withdrawn_at = ? WHERE application_id = ?",
        (to_stage, now, now, application_id),
    )
    if said_under_18_at is not None:
        await tx.execute(
            "UPDATE applications SET said_under_18_at = ? WHERE id = ?",
            (said_under_18_at, application_id),
        )
    dropped = await tx.execute_rowcount(
        "UPDATE talent_updates SET status = 'superseded' WHERE application_id = ?"
        " AND status IN ('pending', 'sending', 'uncertain', 'failed')",
        (application_id,),
    )
    # "Perbarui pendaftaranku" opened on it: nothing left to update.
    await tx.execute(
        "DELETE FROM applications WHERE user_id = ? AND status = 'draft' AND amends = ?",
        (user_id, application_id),
    )
    await _record(tx, lead, to_stage, now, dropped, reason)
    return Cancelled("cancelled", OwnLead(*_fields(lead, to_stage, now)))


def _fields(
    lead: OwnLead, stage: str, at: str
) -> tuple[int, str, str, int | None, str | None, str]:
    return (lead.application_id, lead.reference, stage, lead.assignee_id, lead.registered_for, at)


async def _record(
    tx: Transaction, lead: OwnLead, to_stage: str, now: str, dropped: int, reason: str | None
) -> None:
    """The audit entry, naming the talent as who did it ("by": never their Telegram id: the
    audit keeps actor ids through an erasure, lead references it replaces). The lead's
    history reads it there (bot/store/records.py), as it reads "not a duplicate"."""
    await Audit.add_in(
        tx,
        Actor(TELEGRAM),
        TALENT_WITHDRAWAL_ACTION,
        lead.reference,
        by=TALENT,
        before=lead.stage,
        after=to_stage,
        superseded=dropped,
        **({} if reason is None else {"reason": reason}),
    )
