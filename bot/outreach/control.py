"""What staff do to an announcement once it is queued: the same from Telegram and from the
command line, and on record in the audit log either way."""

from __future__ import annotations

import logging

from bot.store import Store
from bot.store.audit import Actor

log = logging.getLogger(__name__)


async def cancel_broadcast(store: Store, actor: Actor, broadcast_id: int) -> bool:
    """Stop a scheduled or running announcement (the worker stops within a second); False if
    it had already ended, and then nothing is recorded."""
    if not await store.broadcasts.cancel(broadcast_id):
        return False
    log.info("Broadcast %d cancelled by staff", broadcast_id)
    await store.audit.add(actor, "broadcast_cancelled", None, broadcast=broadcast_id)
    return True
