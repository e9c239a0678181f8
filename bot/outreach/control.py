"""What staff do to an announcement once it is queued: the same from Telegram and from the
command line, and on record in the audit log either way."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.content import Content
from bot.leads.export import wib_words
from bot.outreach.audience import AudienceError, parse_audience
from bot.store import Broadcast, Store, utc_now
from bot.store.audit import Actor
from bot.texts import Text

log = logging.getLogger(__name__)

# An unanswered "Reschedule" press: after this long, a typed time is no longer taken for it
# (the admin may have forgotten it, and a time typed days later means something else).
PROMPT_MINUTES = 30


def scheduled(item: Broadcast) -> bool:
    """Queued for a time still to come (not yet taken up by the worker)."""
    return item.status == "queued" and item.send_at is not None and item.send_at > utc_now()


async def describe(store: Store, content: Content, item: Broadcast, language: str) -> str:
    """One line of the list of running and scheduled announcements: how far a running one is,
    or when a scheduled one goes out (the chat's /broadcast and the workspace's list)."""
    if scheduled(item) and item.send_at is not None:
        when = wib_words(content, item.send_at, language)
        return content.text(
            Text.BROADCAST_ITEM_SCHEDULED, language, id=item.id, when=when, total=item.total
        )
    tally = await store.broadcasts.tally(item.id)
    return content.text(
        Text.BROADCAST_ITEM_SENDING, language, id=item.id, sent=tally.sent, total=item.total
    )


async def queue_broadcast(
    store: Store,
    content: Content,
    actor: Actor,
    draft: Broadcast,
    step: str,
    send_at: str,
    *,
    written: str | None = None,
) -> int | None:
    """Freeze a composed draft's recipients and queue it for `send_at`, on record; None if it
    moved on meanwhile (no longer at `step`: queued already, dropped) and nothing is recorded.
    The chat's Send and Schedule and the workspace's come here."""
    try:
        chosen = parse_audience(draft.audience, content)
    except AudienceError:
        return None
    count = await store.broadcasts.queue(
        draft.id, step, chosen.kind, chosen.value, send_at, written=written
    )
    if count is not None:
        log.info("Broadcast %d queued for %d recipient(s) at %s", draft.id, count, send_at)
        await store.audit.add(
            actor,
            "broadcast_queued",
            None,
            broadcast=draft.id,
            audience=str(chosen),
            recipients=count,
            send_at=send_at,
        )
    return count


async def cancel_broadcast(store: Store, actor: Actor, broadcast_id: int) -> bool:
    """Stop a scheduled or running announcement (the worker stops within a second); False if
    it had already ended, and then nothing is recorded."""
    if not await store.broadcasts.cancel(broadcast_id):
        return False
    log.info("Broadcast %d cancelled by staff", broadcast_id)
    await store.audit.add(actor, "broadcast_cancelled", None, broadcast=broadcast_id)
    return True


async def reschedule_broadcast(store: Store, actor: Actor, broadcast_id: int, send_at: str) -> bool:
    """Give a scheduled announcement a new (future) time; False if it no longer waits for its
    time (started, ended or cancelled meanwhile), and then nothing is recorded."""
    before = await store.broadcasts.get(broadcast_id)
    if before is None or not await store.broadcasts.reschedule(broadcast_id, send_at):
        return False
    log.info("Broadcast %d rescheduled by staff", broadcast_id)
    await store.audit.add(
        actor,
        "broadcast_rescheduled",
        None,
        broadcast=broadcast_id,
        was=before.send_at,
        now=send_at,
    )
    return True


def prompt_expired(asked_at: str, now: str | None = None) -> bool:
    """Whether a "Reschedule" press is too old for a typed time to answer it."""
    moment = datetime.fromisoformat(now or utc_now())
    return moment - datetime.fromisoformat(asked_at) > timedelta(minutes=PROMPT_MINUTES)
