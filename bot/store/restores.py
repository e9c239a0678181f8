"""What a restored database must not do on its own: send what was queued when it was copied.

A backup holds messages queued at the time (stage messages to talents, announcements, their
recipients). The database it replaces may have sent them since; sending them again from the
restored copy would repeat them, so `kocca-bot restore` holds them here, in the copy, before
it is put in place, and leaves a staff notice saying what was held and how to send it.
"""

from __future__ import annotations

from typing import Any

from bot.store.db import Database, utc_now
from bot.store.notices import StaffNotices

HELD = "held: the database was restored from a backup"

# Audit actions whose work lives in what a restore replaces (the lead, its notes, history,
# answers, the questions answered): made after the backup, they are not in the restored
# copy, though their entries are carried over (a staff review s60, M3).
LEAD_WORK = (
    "stage_changed",
    "contacted_undone",
    "note_added",
    "note_edited",
    "note_deleted",
    "assigned",
    "answer_edited",
    "closed_as_duplicate",
    "duplicate_linked",
    "duplicate_reopened",
    "not_duplicate",
    "not_duplicate_undone",
    "update_resent",
    "talent_answered",
    "talent_answer_held",
    "talent_answer_corrected",
    "question_closed",
)
# The same for work on no lead: announcements and wordings taught to the bot.
OTHER_WORK = (
    "broadcast_queued",
    "broadcast_rescheduled",
    "broadcast_cancelled",
    "phrasing_taught",
    "phrasing_removed",
)
LIST_AT_MOST = 40  # references named in the staff notice; the rest counted


class Restores:
    """Holds what a restored copy had queued (run on the copy, before it is put in place)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def hold_queued(self, backup: str, reminders_carried: int) -> dict[str, object]:
        """Hold every queued message; queue a staff notice of what was held. Returns it.

        Stage messages become 'uncertain' (their batch report offers «Send again», as after a
        crash); announcements still queued or sending are cancelled, with the recipients not
        yet reached marked 'skipped'.
        """
        now = utc_now()
        async with self._db.transaction() as tx:
            # A bulk move cut short is reported with what it moved, as after a crash.
            await tx.execute(
                "UPDATE pipeline_batches SET status = 'confirmed' WHERE status = 'moving'"
            )
            updates = await tx.execute_rowcount(
                "UPDATE talent_updates SET status = 'uncertain', error = ?"
                " WHERE status IN ('pending', 'sending')",
                (HELD,),
            )
            rows = await tx.fetch_all(
                "SELECT b.id, b.total, (SELECT COUNT(*) FROM broadcast_recipients r"
                "   WHERE r.broadcast_id = b.id AND r.status IN ('pending', 'sending')) AS left,"
                " (SELECT COUNT(*) FROM broadcast_recipients r WHERE r.broadcast_id = b.id)"
                "   AS recipients"
                " FROM broadcasts b WHERE b.status IN ('queued', 'sending') ORDER BY b.id"
            )
            broadcasts = [
                {"id": row["id"], "left": row["left"] if row["recipients"] else row["total"]}
                for row in rows
            ]
            await tx.execute(
                "UPDATE broadcast_recipients SET status = 'skipped', error = ?"
                " WHERE status IN ('pending', 'sending') AND broadcast_id IN"
                " (SELECT id FROM broadcasts WHERE status IN ('queued', 'sending'))",
                (HELD,),
            )
            await tx.execute(
                "UPDATE broadcasts SET status = 'cancelled', updated_at = ?"
                " WHERE status IN ('queued', 'sending')",
                (now,),
            )
            detail: dict[str, object] = {
                "backup": backup,
                "talent_updates": updates,
                "broadcasts": broadcasts,
                "reminders": reminders_carried,
            }
            await StaffNotices.add(tx, "restored", detail)
        return detail

    async def lost_work(self, carried_after: int) -> dict[str, Any]:
        """The staff work made after the backup that the copy lacks, as the audit entries
        carried over (those after `carried_after`) name it: the references of the leads it
        touched that the copy has (run after the carried erasures are applied: an erased
        lead is not named), and how many changes touched no lead. A staff notice says so
        (references only), so staff can redo it. Returns what it says."""
        work = ", ".join("?" for _ in LEAD_WORK)
        other = ", ".join("?" for _ in OTHER_WORK)
        async with self._db.transaction() as tx:
            rows = await tx.fetch_all(
                "SELECT DISTINCT a.lead_ref FROM audit_log a"  # noqa: S608 - placeholders only
                " JOIN applications p ON p.reference = a.lead_ref AND p.status = 'submitted'"
                f" WHERE a.id > ? AND a.action IN ({work}) ORDER BY a.lead_ref",
                (carried_after, *LEAD_WORK),
            )
            counted = await tx.fetch_one(
                "SELECT COUNT(*) AS other FROM audit_log"  # noqa: S608 - placeholders only
                f" WHERE id > ? AND action IN ({other})",
                (carried_after, *OTHER_WORK),
            )
            references = [str(row["lead_ref"]) for row in rows]
            others = 0 if counted is None else int(counted["other"])
            detail: dict[str, Any] = {"references": references, "other": others}
            if references or others:
                await StaffNotices.add(tx, "lost_work", detail)
        return detail
