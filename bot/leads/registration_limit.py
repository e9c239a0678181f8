"""How many new registrations one account may send in a day (an attacker's review, session 57:
a script on one Telegram account sent registration after registration, each with a full staff
alert, about 4,000 a day within the flood limit). Updating a registration is never limited.

Those an erasure or a withdrawal of consent deleted still count (the attacker's review 2, M1:
/hapusdata made room for three more, round after round): their times are kept for the day,
under the erasure's keyed hash of the Telegram id (bot/store/privacy.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.store import Store
from bot.store.db import ago
from bot.store.privacy import SENT_COUNTED

WINDOW = timedelta(seconds=SENT_COUNTED)


async def new_again_at(store: Store, user_id: int, per_day: int) -> str | None:
    """When the talent may start a new registration (a stored time), having sent `per_day` in
    the last 24 hours; None: now."""
    since = ago(SENT_COUNTED)
    kept = await store.applications.submitted_since(user_id, since)
    erased = await store.privacy.sent_before_erasure(user_id, since)
    sent = sorted({*kept, *erased})  # a restored backup may hold one of them again
    if len(sent) < per_day:
        return None
    # Once the oldest of the last `per_day` leaves the window, fewer than `per_day` are in it.
    freed = datetime.fromisoformat(sent[len(sent) - per_day]) + WINDOW
    return freed.isoformat(timespec="microseconds")
