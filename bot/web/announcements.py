"""The workspace's Announcements tab: what /broadcast does in chat, at a desk.

The list is the chat's (running and scheduled announcements, in its words) with the last few
that ended and how they went; a stop goes through bot/outreach/control.py `cancel_broadcast`,
as the chat's and the command line's do, and is recorded in the audit log with the workspace
as where it came from.

Writing one: the texts are Telegram HTML typed by hand, read and checked as the chat reads and
checks typed HTML (bot/telegram_html.py `typed_markup`, bot/outreach/broadcast.py
`tag_refusal`); the audience is one of the groups the chat offers; the time is a WIB time as
the chat reads it (`parse_wib`). A preview stores the
announcement as the staff member's draft (as the chat's does: one draft each, wherever it was
started) at `STEP`; Send queues that draft through `queue_broadcast`, the chat's own, which
freezes the recipients and records `broadcast_queued`, once: the store queues a draft only
while it is one, so a second click finds it queued. Nothing here queues, counts or stops on
its own.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ExtBot

from bot.content import LANGUAGES
from bot.leads.export import plain_text, wib_words
from bot.outreach import audience as audiences
from bot.outreach.audience import EVERYONE, FILTERS, Audience, AudienceError, parse_audience
from bot.outreach.broadcast import (
    announcement_text,
    example_wib,
    footer_language,
    format_wib,
    parse_wib,
    preview_language,
    send_preview,
    tag_refusal,
    time_refused,
)
from bot.outreach.control import cancel_broadcast, describe, queue_broadcast, scheduled
from bot.outreach.pacing import unreachable
from bot.store import Broadcast, Version, utc_now
from bot.support import clipped
from bot.telegram_html import parse_html, typed_html, typed_markup, utf16_len
from bot.terminal_text import without_controls
from bot.texts import Text
from bot.transport.failures import explain
from bot.web import inputs
from bot.web.desk import Desk, Viewer

ENDED_SHOWN = 5  # the last announcements that ended, under those running or scheduled
EXCERPT = 160  # characters of an announcement's text shown to tell it apart
STEP = "workspace"  # a draft written whole in the workspace, previewed, waiting for Send
TYPED_LIMIT = 16_000  # characters typed for one version (tags included)
MESSAGE_LIMIT = 4096  # what Telegram shows of one message, in UTF-16 units, footer included


_BIDI_OVERRIDES = re.compile("[\u202a-\u202e]")


def _excerpt(version: Version | None) -> str:
    """The start of one version of the announcement as plain text (its tags dropped)."""
    words = " ".join(plain_text(version.body).split()) if version else ""
    return clipped(words, EXCERPT, strip=True)  # never inside an emoji (an attacker's review)


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
        "excerpt": _excerpt(item.main),
        "english": item.english is not None,
    }
    if item.english is not None:  # what English subscribers got, beside it (review s57)
        shown["excerpt_en"] = _excerpt(item.english)
    if item.status in ("queued", "sending"):
        line = await describe(desk.store, content, item, language)
        shown["line"] = plain_text(line)
        shown["confirm"] = desk.say(Text.BROADCAST_STOP_CONFIRM, language, item=line)
        # Under way (sending, or due and about to be taken up): the page reads the list again
        # every few seconds while one is, so "0 dari 4" becomes "4 dari 4" (a staff review);
        # a scheduled one is read again when it is due.
        shown["live"] = not shown["scheduled"]
        if shown["scheduled"] and item.send_at is not None:
            due = datetime.fromisoformat(item.send_at) - datetime.fromisoformat(utc_now())
            shown["due_in"] = max(int(due.total_seconds()) + 1, 1)
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
    return {
        "active": active,
        "ended": ended,
        "audiences": await _audiences(desk, viewer.language),
        "example": example_wib(viewer.language),
    }


async def _audiences(desk: Desk, language: str) -> list[dict[str, Any]]:
    """The audiences the chat offers, as choices: everyone, then each kind's groups present
    among subscribers, with their counts (a kind with none is left out, as the chat says)."""
    broadcasts, content = desk.store.broadcasts, desk.content
    total = await audiences.count(broadcasts, EVERYONE)
    choices: list[dict[str, Any]] = [
        {"value": str(EVERYONE), "label": desk.say(Text.BTN_AUDIENCE_ALL, language, count=total)}
    ]
    for kind, key in FILTERS:
        found = await audiences.groups(broadcasts, content, kind)
        if not found:
            continue
        options = []
        for value, count in found:
            name = audiences.label(kind, value, content, language)
            shown = desk.say(Text.BTN_AUDIENCE_VALUE, language, label=name, count=count)
            options.append({"value": str(Audience(kind, value)), "label": shown})
        choices.append({"group": desk.say(key, language), "options": options})
    return choices


async def stop(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Stop a running or scheduled announcement, as the chat's Cancel does; one that already
    ended (or never was) is said so, and nothing is recorded."""
    broadcast_id = inputs.integer(body.get("id"), "id")
    if await cancel_broadcast(desk.store, viewer.actor, broadcast_id):
        text = desk.say(Text.BROADCAST_STOPPED, viewer.language, id=broadcast_id)
        return {"outcome": "stopped", "text": text}
    item = await desk.store.broadcasts.get(broadcast_id)
    if item is not None and item.status == "done":  # finished meanwhile: how it went
        tally = await desk.store.broadcasts.tally(broadcast_id)
        text = desk.say(
            Text.WS_BROADCAST_STOP_FINISHED,
            viewer.language,
            id=broadcast_id,
            sent=tally.sent,
            total=item.total,
        )
        return {"outcome": "ended", "text": text}
    text = desk.say(Text.BROADCAST_ALREADY_ENDED, viewer.language, id=broadcast_id)
    return {"outcome": "ended", "text": text}


# ----- writing one ------------------------------------------------------------------------------


class Refused(Exception):
    """What staff wrote cannot be sent; `field` says where, the message says why."""

    def __init__(self, field: str, text: str) -> None:
        super().__init__(text)
        self.field = field
        self.text = text


def _version(
    desk: Desk, viewer: Viewer, typed: str, field: str, readers: tuple[str, ...]
) -> Version:
    """Typed text as Telegram HTML, as the chat takes a typed message: tags typed by hand are
    formatting (a bare & made &amp;), text without tags goes out as typed (escaped); refused
    with the chat's reasons, or when it is longer than one Telegram message with the
    unsubscribe line of any of its `readers`' languages."""
    language = viewer.language
    name = desk.say(
        Text.WS_BROADCAST_VERSION_EN if field == "text_en" else Text.WS_BROADCAST_VERSION_MAIN,
        language,
    )
    # What Telegram drops from a message anyway (control characters, bidi overrides), gone
    # before the preview, so it shows what recipients get (an attacker's review).
    typed = _BIDI_OVERRIDES.sub("", without_controls(typed, keep_newlines=True))
    body = typed_markup(typed) if typed_html(typed) else html.escape(typed, quote=False)
    problem = tag_refusal(desk.content, body, language)
    if problem is not None:
        refusal = desk.say(Text.WS_BROADCAST_BAD_HTML, language, version=name, problem=problem)
        raise Refused(field, refusal)
    version = Version("text", body)
    # The footer as footer_language picks it: each reader's own language.
    default = desk.services.settings.default_language
    footers = {
        desk.content.text(Text.ANNOUNCEMENT_FOOTER, footer_language(reader, default))
        for reader in readers
    }
    length = max(utf16_len(parse_html(announcement_text(version, footer))[0]) for footer in footers)
    if length > MESSAGE_LIMIT:
        refusal = desk.say(
            Text.WS_BROADCAST_TOO_LONG, language, version=name, length=length, limit=MESSAGE_LIMIT
        )
        raise Refused(field, refusal)
    return version


def _send_at(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> str | None:
    """The stored UTC time to send at (None: now), from a WIB time typed as the chat takes
    one; a past time, or one that is no time, refused in the chat's words."""
    typed = inputs.words(body, "at", 40).strip() if body.get("at") else ""
    if not typed:
        return None
    send_at = parse_wib(typed)
    if send_at is None or send_at <= utc_now():
        refusal = time_refused(desk.content, typed, send_at, viewer.language)
        raise Refused("at", plain_text(refusal))
    return send_at


def _audience(desk: Desk, body: dict[str, Any]) -> Audience:
    """One of the audiences offered (the page offers choices only: anything else is a 400)."""
    try:
        return parse_audience(inputs.words(body, "audience", 100), desk.content)
    except AudienceError:
        raise inputs.BadInput("unknown audience") from None


async def _count(desk: Desk, viewer: Viewer, chosen: Audience) -> int:
    """How many subscribers the audience holds now; none: refused in the chat's words."""
    count = await audiences.count(desk.store.broadcasts, chosen)
    if count == 0:
        raise Refused("audience", desk.say(Text.BROADCAST_EMPTY_AUDIENCE, viewer.language))
    return count


def _refused(error: Refused) -> dict[str, Any]:
    return {"outcome": "refused", "field": error.field, "text": error.text}


async def preview(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Checked texts, audience and time: each version as recipients get it, how many get
    which, when; kept as this staff member's draft, for Send."""
    language, content = viewer.language, desk.content
    try:
        typed = inputs.words(body, "text", TYPED_LIMIT)
        typed_en = inputs.words(body, "text_en", TYPED_LIMIT) if body.get("text_en") else ""
        if not typed.strip():
            raise Refused("text", desk.say(Text.WS_BROADCAST_EMPTY_TEXT, language))
        # The main version goes to every reader without a version of their own.
        main_readers = tuple(
            reader for reader in LANGUAGES if reader != "en" or not typed_en.strip()
        )
        main = _version(desk, viewer, typed.strip(), "text", main_readers)
        english = (
            _version(desk, viewer, typed_en.strip(), "text_en", ("en",))
            if typed_en.strip()
            else None
        )
        chosen = _audience(desk, body)
        send_at = _send_at(desk, viewer, body)
        count = await _count(desk, viewer, chosen)
    except Refused as refused:
        return _refused(refused)
    draft = await desk.store.broadcasts.write_draft(
        viewer.user_id, STEP, main, english, str(chosen), send_at
    )
    lines = [
        desk.say(
            Text.WS_BROADCAST_RECIPIENTS,
            language,
            count=count,
            audience=audiences.in_words(chosen, content, language),
        )
    ]
    left_out = await audiences.left_out(desk.store.broadcasts, chosen)
    if left_out:  # said (a staff review s55: /stats counted them, the preview one fewer)
        lines.append(desk.say(Text.BROADCAST_LEFT_OUT_DUPLICATES, language, count=left_out))
    reads = (await audiences.by_language(desk.store.broadcasts, chosen)).get("en", 0)
    if english is not None:
        lines.append(
            desk.say(Text.BROADCAST_CONFIRM_SPLIT, language, main=count - reads, english=reads)
        )
    elif reads:  # they get the main version (a staff review: nothing said so)
        lines.append(desk.say(Text.BROADCAST_CONFIRM_NO_ENGLISH, language, english=reads))
    if send_at is None:
        button = desk.say(Text.BTN_BROADCAST_SEND, language)  # named as it reads
        lines.append(desk.say(Text.WS_BROADCAST_GOES_NOW, language, button=button))
    else:
        when = wib_words(content, send_at, language)
        lines.append(desk.say(Text.WS_BROADCAST_GOES_AT, language, when=when))
    default = desk.services.settings.default_language
    versions = []
    # The draft's own versions: the footer's language follows which one it is.
    shown = (
        (Text.WS_BROADCAST_VERSION_MAIN, draft.main),
        (Text.WS_BROADCAST_VERSION_EN, draft.english),
    )
    for key, version in shown:
        if version is None:
            continue
        footer_in = preview_language(draft, version, default)
        footer = content.text(Text.ANNOUNCEMENT_FOOTER, footer_in)
        versions.append(
            {
                "title": desk.say(key, language),
                "language": footer_in,
                "html": announcement_text(version, footer),
            }
        )
    return {
        "outcome": "preview",
        "id": draft.id,
        # Which writing of the draft this is: Send sends it only if it is still this one (a
        # preview again, in another window, rewrites the same draft).
        "written": draft.updated_at,
        "summary": "\n".join(lines),
        "versions": versions,
        "scheduled": send_at is not None,
    }


async def _mine(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> Broadcast | None:
    """The draft a request names, if it is this staff member's."""
    item = await desk.store.broadcasts.get(inputs.integer(body.get("id"), "id"))
    return item if item is not None and item.created_by == viewer.user_id else None


def _gone(desk: Desk, viewer: Viewer, item: Broadcast | None) -> dict[str, Any]:
    """A draft no longer waiting: queued already (a second click), or replaced or dropped."""
    if item is not None and item.status in ("queued", "sending", "done"):
        text = desk.say(Text.WS_BROADCAST_ALREADY_QUEUED, viewer.language, id=item.id)
        return {"outcome": "already", "text": text}
    return {"outcome": "gone", "text": desk.say(Text.WS_BROADCAST_DRAFT_GONE, viewer.language)}


async def try_out(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """The previewed draft to the staff member's own Telegram chat, exactly as recipients get
    it (as the chat's preview); Telegram's refusal said in words."""
    item = await _mine(desk, viewer, body)
    if item is None or item.status == "cancelled" or item.main is None:
        return _gone(desk, viewer, None)
    bot = desk.bot
    assert isinstance(bot, ExtBot)  # the application's bot
    try:
        await send_preview(
            bot,
            desk.content,
            item,
            viewer.user_id,
            language=viewer.language,
            default_language=desk.services.settings.default_language,
            introduced=True,
        )
    except (BadRequest, Forbidden) as error:
        if unreachable(error):  # their chat, not the text: marked, and said with what to do
            await desk.store.users.set_blocked(viewer.user_id, True)
            said = await desk.unreachable(viewer)
            assert said is not None  # marked blocked, or never a user
            return {"outcome": "refused", "text": said}
        text = desk.say(Text.BROADCAST_REJECTED, viewer.language, error=explain(error))
        return {"outcome": "refused", "text": text}
    except TelegramError as error:  # busy or out of reach (a big announcement going out)
        text = desk.say(Text.WS_BROADCAST_TRY_LATER, viewer.language, error=explain(error))
        return {"outcome": "refused", "text": text}
    return {"outcome": "sent", "text": desk.say(Text.WS_BROADCAST_SENT_ME, viewer.language)}


async def send(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Send or Schedule under a preview: the draft queued through the chat's own queueing
    (recipients frozen, `broadcast_queued` recorded with the workspace), once."""
    language = viewer.language
    item = await _mine(desk, viewer, body)
    if item is None or item.status != "composing" or item.step != STEP:
        return _gone(desk, viewer, item)
    written = inputs.words(body, "written", 40)
    if written != item.updated_at:  # previewed again since
        return _gone(desk, viewer, None)
    try:
        # The time previewed (an attacker's review: Send read it again from its request).
        send_at = item.send_at
        if send_at is not None and send_at <= utc_now():
            refusal = time_refused(desk.content, format_wib(send_at), send_at, language)
            raise Refused("at", plain_text(refusal))
        await _count(desk, viewer, parse_audience(item.audience, desk.content))
    except Refused as refused:
        return _refused(refused)
    except AudienceError:  # content changed since the preview: that group is gone
        return _gone(desk, viewer, None)
    at = send_at or utc_now()
    count = await queue_broadcast(
        desk.store, desk.content, viewer.actor, item, STEP, at, written=written
    )
    if count is None:  # queued by a click a moment before this one
        return _gone(desk, viewer, await desk.store.broadcasts.get(item.id))
    # Progress and report go to the staff member's private chat (report_chat_id), when the
    # bot can write there.
    unreported = await desk.unreachable(viewer) is not None
    if send_at is None:
        key = Text.WS_BROADCAST_QUEUED_HERE if unreported else Text.WS_BROADCAST_QUEUED
        text = desk.say(key, language, id=item.id, count=count)
    else:
        when = wib_words(desk.content, send_at, language)
        text = desk.say(Text.WS_BROADCAST_SCHEDULED, language, id=item.id, when=when, count=count)
    if unreported:
        text += " " + desk.say(Text.WS_BROADCAST_UNREPORTED, language)
    return {"outcome": "queued", "id": item.id, "text": text}
