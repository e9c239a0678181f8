"""What a restored database must not do on its own: send what was queued when it was copied.

A backup holds messages queued at the time (stage messages to talents, announcements, their
recipients). The database it replaces may have sent them since; sending them again from the
restored copy would repeat them, so `kocca-bot restore` holds them here, in the copy, before
it is put in place, and leaves a staff notice saying what was held and how to send it.
"""

from __future__ import annotations

from bot.store.db import Database, utc_now
from bot.store.notices import StaffNotices

HELD = "held: the database was restored from a backup"


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
