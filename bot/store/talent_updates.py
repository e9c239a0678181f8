"""Talent messages queued by stage changes: delivered once, as broadcasts are.

A message is committed with its stage change ('pending'), marked 'sending' in a commit
before its request and 'sent' after it. One found 'sending' at start-up was in flight when
the process died: it may or may not have arrived, so it is marked 'uncertain' and staff are
asked whether to send it again, rather than the talent maybe getting it twice.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from bot.store.applications import ConsentNeed
from bot.store.audit import Actor, Audit
from bot.store.db import Database, Row, Transaction, utc_now

FINAL = ("sent", "failed", "blocked", "superseded", "uncertain")
NO_CONSENT = "no_consent"  # the error of a message held back: the stage's consent is gone
# Whether the talent's latest choice on a consent is "granted" for the recipient this deployment
# passes leads on to (bound: kind, kind, recipient, abroad); a NULL kind (the stage needs none)
# always passes, a NULL recipient (nothing is passed on) never does.
_CONSENT_HOLDS = (
    " AND (? IS NULL OR EXISTS (SELECT 1 FROM consents c WHERE c.id = (SELECT MAX(l.id)"
    " FROM consents l WHERE l.user_id = talent_updates.user_id AND l.kind = ?)"
    " AND c.granted = 1 AND c.recipient = ? AND (c.abroad = 1 OR ? = 0)))"
)

# Whether the lead has not changed stage since the message was queued: a stage change stamps
# lead_pipeline.stage_changed_at and its message's created_at with the same time (store/
# pipeline.py _apply), and any later change stamps a later one, even back to the same stage.
_STAGE_UNCHANGED = (
    " EXISTS (SELECT 1 FROM lead_pipeline p WHERE p.application_id = talent_updates.application_id"
    " AND p.stage = talent_updates.stage AND p.stage_changed_at = talent_updates.created_at)"
)


def _holds(consent: ConsentNeed | None) -> tuple[str | None, str | None, str | None, int]:
    """_CONSENT_HOLDS' values."""
    if consent is None:
        return None, None, None, 0
    kind, recipient, abroad = consent.params
    return kind, kind, recipient, abroad


# A stage move (lead_history `h`) that counts as a contact with the talent: unless a stage
# message it queued has not reached them (still queued, blocked, failed, uncertain, or
# superseded by a later move; a staff review s64, M3: a talent who had blocked the bot was
# counted as contacted). A move without a message (📞 Catat kontak, a stage without one,
# "Tanpa kabar") is staff's word that they were in touch. /stats and the digest read it.
REACHED = (
    " AND NOT EXISTS (SELECT 1 FROM talent_updates t WHERE t.batch_id = h.batch_id"
    " AND t.application_id = h.application_id AND t.status <> 'sent')"
)
# What an undelivered message's audit entry names: its batch, stage, lead and who moved it.
_UNDELIVERED = """
SELECT t.user_id, t.batch_id, t.stage, a.reference, b.created_by FROM talent_updates t
JOIN applications a ON a.id = t.application_id
JOIN pipeline_batches b ON b.id = t.batch_id
WHERE t.id = ?
"""


async def _audit_undelivered(tx: Transaction, update_id: int, reason: str) -> None:
    """`talent_update_failed` in the audit log once a stage message's failure is known (a
    staff review s64, M3: `stage_changed` says only notified=True, as it was queued): its
    batch, stage and why (`blocked`, `failed`, `no_consent`); no words of the message nor
    Telegram's error (its report to staff and the lead page have them). Recorded as the move's
    (by whoever made it), about the lead."""
    row = await tx.fetch_one(_UNDELIVERED, (update_id,))
    if row is None:  # erased meanwhile: nothing to name
        return
    by = row["created_by"]
    actor = Actor.cli() if by is None else Actor.staff(int(by))
    about = await Audit.about_in(tx, int(row["user_id"]), row["reference"])
    await Audit.add_in(
        tx,
        actor,
        "talent_update_failed",
        about,
        batch=row["batch_id"],
        stage=row["stage"],
        reason=reason,
    )


@dataclass(frozen=True, slots=True)
class TalentUpdate:
    """One message to one talent about their lead."""

    id: int
    batch_id: int
    application_id: int
    reference: str | None
    user_id: int
    stage: str
    language: str
    text: str
    status: str
    error: str | None

    @classmethod
    def from_row(cls, row: Row) -> TalentUpdate:
        """Build from a talent_updates row joined with its reference."""
        return cls(
            id=row["id"],
            batch_id=row["batch_id"],
            application_id=row["application_id"],
            reference=row["reference"],
            user_id=row["user_id"],
            stage=row["stage"],
            language=row["language"],
            text=row["text"],
            status=row["status"],
            error=row["error"],
        )


@dataclass(frozen=True, slots=True)
class Batch:
    """Messages queued together (one stage change, or one bulk move) and who hears back."""

    id: int
    created_by: int | None
    report_chat_id: int | None
    to_stage: str | None
    bulk: bool
    number: int | None  # a bulk move's number for staff (#1, #2, …)
    tally: dict[str, int]


_UPDATE = (
    "SELECT t.*, a.reference FROM talent_updates t"
    " LEFT JOIN applications a ON a.id = t.application_id"
)


class TalentUpdates:
    """The talent_updates table and the reports of pipeline_batches."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def due(self, after: int, limit: int) -> list[TalentUpdate]:
        """Pending messages, oldest first."""
        rows = await self._db.fetch_all(
            _UPDATE + " WHERE t.status = 'pending' AND t.id > ? ORDER BY t.id LIMIT ?",
            (after, limit),
        )
        return [TalentUpdate.from_row(row) for row in rows]

    async def count_pending(self) -> int:
        """Messages queued and not yet taken up by the sender."""
        row = await self._db.fetch_one(
            "SELECT COUNT(*) AS n FROM talent_updates WHERE status = 'pending'"
        )
        return 0 if row is None else int(row["n"])

    async def get(self, update_id: int) -> TalentUpdate | None:
        """One message by id."""
        row = await self._db.fetch_one(_UPDATE + " WHERE t.id = ?", (update_id,))
        return None if row is None else TalentUpdate.from_row(row)

    async def mark_sending(self, update_id: int, consent: ConsentNeed | None = None) -> bool:
        """Committed before the request; False if it is no longer pending (superseded, gone)
        or the consent its stage needs was withdrawn meanwhile.

        A message put back in the queue after a refused request (a 429, a network error) was
        'sending' when staff may have changed the stage again, which supersedes only messages
        not under way: it is superseded here instead, whichever way the stage went since."""
        async with self._db.transaction() as tx:
            if await tx.execute_rowcount(
                "UPDATE talent_updates SET status = 'superseded'"  # noqa: S608 - constant SQL
                " WHERE id = ? AND status = 'pending' AND NOT" + _STAGE_UNCHANGED,
                (update_id,),
            ):
                return False
            return (
                await tx.execute_rowcount(
                    "UPDATE talent_updates SET status = 'sending', attempts = attempts + 1"  # noqa: S608 - constant SQL
                    " WHERE id = ? AND status = 'pending'" + _CONSENT_HOLDS,
                    (update_id, *_holds(consent)),
                )
                == 1
            )

    async def still_sending(self, update_id: int) -> bool:
        """Whether a message marked 'sending' is still there right before its request (the
        talent may have erased their data, or cancelled the registration, during the wait for
        the send budget: bot/store/cancellations.py supersedes it). Read on the
        loop's thread (indexed): nothing runs between the check and the request."""
        return bool(
            self._db.lookup(
                "SELECT 1 FROM talent_updates WHERE id = ? AND status = 'sending'", (update_id,)
            )
        )

    async def still_current(self, update_id: int) -> bool:
        """Whether a message under way still says the lead's stage (and still exists), before
        its request is repeated after a server error."""
        return (
            await self._db.fetch_one(
                "SELECT 1 FROM talent_updates"  # noqa: S608 - constant SQL
                " WHERE id = ? AND status = 'sending' AND" + _STAGE_UNCHANGED,
                (update_id,),
            )
            is not None
        )

    async def hold_without_consent(self, update_id: int, consent: ConsentNeed) -> bool:
        """A pending message whose stage needs a consent the talent no longer gives: never
        sent ('failed', reported to staff, audited); False if that is not why it was not
        sent."""
        async with self._db.transaction() as tx:
            held = await tx.execute_rowcount(
                "UPDATE talent_updates SET status = 'failed', error = ?"  # noqa: S608 - constant
                " WHERE id = ? AND status = 'pending'"
                " AND NOT (1" + _CONSENT_HOLDS + ")",
                (NO_CONSENT, update_id, *_holds(consent)),
            )
            if held == 1:
                await _audit_undelivered(tx, update_id, NO_CONSENT)
        return held == 1

    async def mark_pending(self, update_id: int) -> None:
        """No request went out after all (stopping, or Telegram said to wait)."""
        await self._set(
            "UPDATE talent_updates SET status = 'pending' WHERE id = ? AND status = 'sending'",
            (update_id,),
        )

    async def mark_sent(self, update_id: int, message_id: int) -> None:
        """Telegram accepted the message."""
        await self._set(
            "UPDATE talent_updates SET status = 'sent', message_id = ?, sent_at = ?,"
            " error = NULL WHERE id = ?",
            (message_id, utc_now(), update_id),
        )

    async def mark_failed(self, update_id: int, status: str, error: str) -> None:
        """'failed' or 'blocked', with Telegram's reason."""
        async with self._db.transaction() as tx:
            row = await tx.fetch_one(
                "SELECT user_id FROM talent_updates WHERE id = ?", (update_id,)
            )
            await tx.execute(
                "UPDATE talent_updates SET status = ?, error = ? WHERE id = ?",
                (status, error[:500], update_id),
            )
            if status == "blocked" and row is not None:
                await tx.execute(
                    "UPDATE users SET blocked = 1, updated_at = ? WHERE user_id = ?",
                    (utc_now(), row["user_id"]),
                )
            await _audit_undelivered(tx, update_id, status)

    async def mark_interrupted(self) -> list[TalentUpdate]:
        """At start-up: messages in flight when the process died become 'uncertain'.

        A bulk move cut short is reported with the leads it had moved.
        """
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE pipeline_batches SET status = 'confirmed' WHERE status = 'moving'"
            )
            rows = await tx.fetch_all(_UPDATE + " WHERE t.status = 'sending'")
            await tx.execute(
                "UPDATE talent_updates SET status = 'uncertain',"
                " error = 'the bot stopped while sending' WHERE status = 'sending'"
            )
        return [TalentUpdate.from_row(row) for row in rows]

    async def send_again(self, update_id: int, consent: ConsentNeed | None = None) -> bool:
        """Staff chose to send an uncertain or failed message again: only while it still
        says the lead's current stage (and the consent that stage needs is given)."""
        return await self._set(
            "UPDATE talent_updates SET status = 'pending', error = NULL"  # noqa: S608 - constant SQL
            " WHERE id = ? AND status IN ('uncertain', 'failed') AND stage ="
            " (SELECT p.stage FROM lead_pipeline p"
            "  WHERE p.application_id = talent_updates.application_id)" + _CONSENT_HOLDS,
            (update_id, *_holds(consent)),
        )

    async def _set(self, sql: str, params: tuple[object, ...]) -> bool:
        async with self._db.transaction() as tx:
            return await tx.execute_rowcount(sql, params) == 1

    # ----- reports -----------------------------------------------------------------------------

    async def finished_batches(self) -> list[Batch]:
        """Batches with messages all dealt with and not yet reported."""
        rows = await self._db.fetch_all(
            "SELECT b.id, b.created_by, b.report_chat_id, b.to_stage, b.filter, b.number FROM"
            " pipeline_batches b WHERE b.status = 'confirmed' AND b.reported_at IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM talent_updates t WHERE t.batch_id = b.id"
            "   AND t.status IN ('pending', 'sending'))"
            " ORDER BY b.id LIMIT 20"
        )
        batches = []
        for row in rows:
            counts = await self._db.fetch_all(
                "SELECT status, COUNT(*) AS n FROM talent_updates WHERE batch_id = ?"
                " GROUP BY status",
                (row["id"],),
            )
            batches.append(
                Batch(
                    id=row["id"],
                    created_by=row["created_by"],
                    report_chat_id=row["report_chat_id"],
                    to_stage=row["to_stage"],
                    bulk=row["filter"] is not None,
                    number=row["number"],
                    tally={count["status"]: int(count["n"]) for count in counts},
                )
            )
        return batches

    async def batch_updates(self, batch_id: int, statuses: tuple[str, ...]) -> list[TalentUpdate]:
        """A batch's messages in some statuses (to name the leads in a report)."""
        rows = await self._db.fetch_all(
            "SELECT t.*, a.reference FROM talent_updates t"
            " LEFT JOIN applications a ON a.id = t.application_id WHERE t.batch_id = ?"
            " AND t.status IN (SELECT value FROM json_each(?)) ORDER BY t.id",
            (batch_id, json.dumps(statuses)),
        )
        return [TalentUpdate.from_row(row) for row in rows]

    async def mark_reported(self, batch_id: int) -> None:
        """Staff were told how the batch went (the report is not repeated)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE pipeline_batches SET status = 'reported', reported_at = ? WHERE id = ?",
                (utc_now(), batch_id),
            )

    async def reopen(self, batch_id: int) -> None:
        """A message of a reported batch is sent again: report the batch again after."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE pipeline_batches SET status = 'confirmed', reported_at = NULL WHERE id = ?",
                (batch_id,),
            )


# At a restore (the replaced database attached as `current`), per table of the old one.
_CARRY_FROM_ROWS = {
    "talent_updates": "UPDATE main.id_high_water SET last = MAX(last,"
    " COALESCE((SELECT MAX(id) FROM current.talent_updates), 0)) WHERE name = 'talent_updates'",
    "pipeline_batches": "UPDATE main.id_high_water SET last = MAX(last,"
    " COALESCE((SELECT MAX(id) FROM current.pipeline_batches), 0))"
    " WHERE name = 'pipeline_batches'",
    "id_high_water": "UPDATE main.id_high_water SET last = MAX(last, COALESCE((SELECT c.last"
    " FROM current.id_high_water c WHERE c.name = main.id_high_water.name), 0))",
}


def carry_high_water(connection: sqlite3.Connection) -> None:
    """At a restore: ids of the database being replaced (attached as `current`) that staff
    buttons may hold ("Send again", bulk moves) are not given again by the restored one."""
    restored = {row[0] for row in connection.execute("SELECT name FROM main.sqlite_master")}
    if "id_high_water" not in restored:
        return  # a backup from before the table: its migration starts from its own rows
    replaced = {row[0] for row in connection.execute("SELECT name FROM current.sqlite_master")}
    for table, sql in _CARRY_FROM_ROWS.items():
        if table in replaced:
            connection.execute(sql)
