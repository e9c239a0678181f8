"""The workspace's Announcements tab: what /broadcast does in chat, at a desk.

The list is the chat's (running and scheduled announcements, in its words) with the last few
that ended and how they went; a stop goes through bot/outreach/control.py `cancel_broadcast`,
as the chat's and the command line's do, and is recorded in the audit log with the workspace
as where it came from. Nothing here queues, counts or stops on its own.
"""

from __future__ import annotations

from typing import Any

from bot.leads.export import plain_text, wib_words
from bot.outreach import audience as audiences
from bot.outreach.control import cancel_broadcast, describe, scheduled
from bot.store import Broadcast
from bot.texts import Text
from bot.web import inputs
from bot.web.desk import Desk, Viewer

ENDED_SHOWN = 5  # the last announcements that ended, under those running or scheduled
EXCERPT = 160  # characters of an announcement's text shown to tell it apart


def _excerpt(item: Broadcast) -> str:
    """The start of the announcement as plain text (its tags dropped)."""
    words = " ".join(plain_text(item.main.body).split()) if item.main else ""
    return words if len(words) <= EXCERPT else words[: EXCERPT - 1].rstrip() + "…"


async def _shown(desk: Desk, viewer: Viewer, item: Broadcast) -> dict[str, Any]:
    """One announcement of the list: its line in the chat's words, to whom, how it starts."""
    language, content = viewer.language, desk.content
    shown = {
        "id": item.id,
        "status": item.status,
        "scheduled": scheduled(item),
        "audience": desk.say(
            Text.WS_BROADCAST_AUDIENCE,
            language,
            audience=audiences.stored_in_words(item.audience, content, language),
        ),
        "excerpt": _excerpt(item),
        "english": item.english is not None,
    }
    if item.status in ("queued", "sending"):
        line = await describe(desk.store, content, item, language)
        shown["line"] = plain_text(line)
        shown["confirm"] = desk.say(Text.BROADCAST_STOP_CONFIRM, language, item=line)
        return shown
    tally = await desk.store.broadcasts.tally(item.id)
    # The chat's final report, as the worker sent it to whoever queued it.
    key = Text.BROADCAST_REPORT if item.status == "done" else Text.BROADCAST_REPORT_CANCELLED
    shown["line"] = desk.say(key, language, id=item.id, **tally.figures())
    if item.finished_at is not None:
        when = wib_words(content, item.finished_at, language)
        shown["ended"] = desk.say(Text.WS_BROADCAST_ENDED_AT, language, when=when)
    return shown


async def listed(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Announcements running or scheduled (soonest first), and the last few that ended."""
    broadcasts = desk.store.broadcasts
    active = [await _shown(desk, viewer, item) for item in await broadcasts.active()]
    ended = [await _shown(desk, viewer, item) for item in await broadcasts.ended(ENDED_SHOWN)]
    return {"active": active, "ended": ended}


async def stop(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Stop a running or scheduled announcement, as the chat's Cancel does; one that already
    ended (or never was) is said so, and nothing is recorded."""
    broadcast_id = inputs.integer(body.get("id"), "id")
    if await cancel_broadcast(desk.store, viewer.actor, broadcast_id):
        text = desk.say(Text.BROADCAST_STOPPED, viewer.language, id=broadcast_id)
        return {"outcome": "stopped", "text": text}
    text = desk.say(Text.BROADCAST_ALREADY_ENDED, viewer.language, id=broadcast_id)
    return {"outcome": "ended", "text": text}
