"""How many new registrations one account may send in a day (an attacker's review, session 57:
a script on one Telegram account sent registration after registration, each with a full staff
alert, about 4,000 a day within the flood limit). Updating a registration is never limited."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.store import Store
from bot.store.db import ago

WINDOW = timedelta(hours=24)


async def new_again_at(store: Store, user_id: int, per_day: int) -> str | None:
    """When the talent may start a new registration (a stored time), having sent `per_day` in
    the last 24 hours; None: now."""
    sent = await store.applications.submitted_since(user_id, ago(int(WINDOW.total_seconds())))
    if len(sent) < per_day:
        return None
    # Once the oldest of the last `per_day` leaves the window, fewer than `per_day` are in it.
    freed = datetime.fromisoformat(sent[len(sent) - per_day]) + WINDOW
    return freed.isoformat(timespec="microseconds")
