"""Delivers announcements: one worker, broadcasts one after another, retries, resume.

The worker sends at the pace of the bot's shared `SendBudget` (bot/outreach/send_budget.py),
with a few requests in flight so HTTP latency does not lower the rate. A 429
pauses the broadcast only; timeouts and server errors are retried three times;
403 and "chat not found" mark the talent unreachable.

Exactly once, as far as Telegram allows: a recipient is marked 'sending' in a
commit before its request and 'sent' after it. A stop lets requests already made
finish. After a crash, the broadcast resumes with the recipients still 'pending'
or 'sending'; only the 'sending' ones (at most pacing.IN_FLIGHT, those in flight at the
crash) may get the message twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from telegram import Message
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.content import LANGUAGES, MESSAGE_LIMIT, Content
from bot.outreach.pacing import BulkSends, report_refused, unreachable
from bot.outreach.send_budget import BROADCAST, SendBudget, retry_seconds
from bot.outreach.when import moment_like, typed_moment
from bot.rounds import Rounds
from bot.services import Services
from bot.store import Broadcast, Recipient, Tally, Version, utc_now
from bot.store.health import is_storage_error
from bot.telegram_html import parse_html, tag_problem, utf16_len
from bot.texts import Text
from bot.transport.failures import describe

log = logging.getLogger(__name__)

UNREACHABLE = "unsubscribed or blocked"  # why a recipient was skipped

POLL_SECONDS = 1.0  # how often the worker looks for due broadcasts
PROGRESS_SECONDS = 3.0  # how often the staff's progress message is edited
MAX_ATTEMPTS = 3  # for timeouts and server errors; 429s wait and do not count
BACKOFF_SECONDS = 1.0
BATCH = 200
CAPTION_LIMIT = 1024  # UTF-16 units of a photo's caption Telegram takes (MESSAGE_LIMIT: a text)
# What Telegram answers a text or caption over its limit (the preview says it the same way).
TOO_LONG = "Message is too long"
TOO_LONG_CAPTION = "Message caption is too long"


def footer_language(reader_language: str, default_language: str) -> str:
    """The language of the unsubscribe line under an announcement: the reader's own. It is
    the bot's text, not the staff's, so a reader of English gets it in English under the one
    text staff wrote for everyone too (a staff review s60, M2: they got the Indonesian line)."""
    return reader_language if reader_language in LANGUAGES else default_language


def preview_language(broadcast: Broadcast, version: Version, default_language: str) -> str:
    """The language of a version's unsubscribe line in a preview: that of its readers, the
    default language's for the main version (readers of English see theirs under it too,
    which the preview's note says)."""
    return "en" if version is broadcast.english else default_language


def too_long(content: Content, broadcast: Broadcast, version: Version, default: str) -> bool:
    """Whether a version with the unsubscribe line of one of its readers' languages is longer
    than Telegram takes (the lines differ in length; the preview shows one of them)."""
    limit = CAPTION_LIMIT if version.kind == "photo" else MESSAGE_LIMIT
    for reader in LANGUAGES:
        if broadcast.version_for(reader) is not version:
            continue
        footer = content.text(Text.ANNOUNCEMENT_FOOTER, footer_language(reader, default))
        if utf16_len(parse_html(announcement_text(version, footer))[0]) > limit:
            return True
    return False


def announcement_text(version: Version, footer: str) -> str:
    """A version's text (or caption) as recipients get it: the body, then the footer."""
    return f"{version.body}\n\n{footer}" if version.body else footer


async def send_announcement(
    bot: ExtBot[Any], chat_id: int, version: Version, footer: str, *, broadcast: bool = False
) -> Message:
    """Send one version of an announcement, exactly as recipients see it (previews too)."""
    body = announcement_text(version, footer)
    limit_args = BROADCAST if broadcast and isinstance(bot.rate_limiter, SendBudget) else None
    if version.kind == "photo":
        assert version.photo is not None
        return await bot.send_photo(
            chat_id, version.photo, caption=body, rate_limit_args=limit_args
        )
    return await bot.send_message(chat_id, body, rate_limit_args=limit_args)


async def send_preview(
    bot: ExtBot[Any],
    content: Content,
    draft: Broadcast,
    chat_id: int,
    *,
    language: str,
    default_language: str,
    introduced: bool = False,
) -> None:
    """Each version of a draft to one chat (a staff member's), exactly as recipients get it,
    footer included, the English one introduced in `language`; Telegram's BadRequest if it
    refuses one. The chat's preview and the workspace's (`introduced`: first says it is a
    preview, which the chat's screen above it does; a staff review took it for the real one)."""
    if introduced:
        await bot.send_message(chat_id, content.text(Text.BROADCAST_PREVIEW_INTRO, language))
    for intro, version in ((None, draft.main), (Text.BROADCAST_PREVIEW_ENGLISH, draft.english)):
        if version is None:
            continue
        if intro is not None:
            await bot.send_message(chat_id, content.text(intro, language))
        footer_in = preview_language(draft, version, default_language)
        footer = content.text(Text.ANNOUNCEMENT_FOOTER, footer_in)
        if too_long(content, draft, version, default_language):  # for some of its readers
            raise BadRequest(TOO_LONG_CAPTION if version.kind == "photo" else TOO_LONG)
        await send_announcement(bot, chat_id, version, footer)


class BroadcastWorker:
    """Finds due broadcasts and delivers them one after another."""

    def __init__(self, services: Services, bot: ExtBot[Any]) -> None:
        self._services = services
        self._store = services.store.broadcasts
        self._bot = bot
        self._sends = BulkSends(bot, services.settings.broadcast_rate, "broadcast")
        self.rounds = services.rounds.setdefault("broadcasts", Rounds())

    async def run(self) -> None:
        """Deliver due broadcasts until cancelled; then let requests already made finish."""
        try:
            while True:
                self.rounds.begin()
                try:
                    broadcast = await self._store.due(utc_now())
                    if broadcast is not None:
                        await self.deliver(broadcast)
                        continue
                    self.rounds.idle()
                except Exception as error:  # the worker must outlive a bad row or a hiccup
                    if not is_storage_error(error):  # a full disk is logged once, by the store
                        log.exception("Broadcast worker error; trying again shortly")
                await self.rounds.rest(POLL_SECONDS)
        except asyncio.CancelledError:
            await self._sends.drain()
            raise

    async def deliver(self, broadcast: Broadcast) -> None:
        """Send a broadcast to every recipient still pending, then report."""
        await self._store.mark_started(broadcast.id)
        log.info("Delivering broadcast %d to %d recipient(s)", broadcast.id, broadcast.total)
        language = await self._staff_language(broadcast)
        progress = asyncio.create_task(self._show_progress(broadcast, language))
        try:
            cancelled = await self._dispatch(broadcast)
            await self._sends.finish()
        finally:
            progress.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await progress
        tally = await self._store.tally(broadcast.id)
        log.info(
            "Broadcast %d %s: %d sent, %d failed, %d blocked, %d skipped, %d not sent",
            broadcast.id,
            "cancelled" if cancelled else "done",
            tally.sent,
            tally.failed,
            tally.blocked,
            tally.skipped,
            tally.remaining,
        )
        await self._report(broadcast, tally, language, cancelled=cancelled)
        await self._store.finish(broadcast.id)  # after the report: a crash repeats only that

    async def _dispatch(self, broadcast: Broadcast) -> bool:
        """Start one delivery per recipient at the budget's pace; True if it was cancelled."""
        loop = asyncio.get_running_loop()
        checked = float("-inf")
        after = 0
        while batch := await self._store.recipients(broadcast.id, after, BATCH):
            for recipient in batch:
                after = recipient.user_id
                if loop.time() - checked >= 1.0:
                    checked = loop.time()
                    if await self._store.status(broadcast.id) == "cancelled":
                        return True
                if not recipient.reachable:
                    await self._store.mark_outcome(
                        broadcast.id, recipient.user_id, "skipped", UNREACHABLE
                    )
                    continue
                await self._sends.reserve()
                self._sends.start(self._deliver_one(broadcast, recipient))
        return False

    async def _deliver_one(self, broadcast: Broadcast, recipient: Recipient) -> None:
        """Send to one recipient, retrying what may succeed later; record the outcome."""
        store, user_id = self._store, recipient.user_id
        version = broadcast.version_for(recipient.language)
        footer = self._services.content.text(
            Text.ANNOUNCEMENT_FOOTER,
            footer_language(recipient.language, self._services.settings.default_language),
        )
        failures = 0
        try:
            while True:
                await store.mark_sending(broadcast.id, user_id)
                if not await self._sends.slot():  # stopping: no request was made
                    await store.mark_pending(broadcast.id, user_id)
                    return
                if not await store.still_reachable(broadcast.id, user_id):
                    # Unsubscribed, blocked or erased while waiting (a 429 included): "stop"
                    # stops what has not gone yet.
                    await store.mark_outcome(broadcast.id, user_id, "skipped", UNREACHABLE)
                    return
                try:
                    message = await send_announcement(
                        self._bot, user_id, version, footer, broadcast=True
                    )
                except RetryAfter as error:
                    self._sends.budget.pause(retry_seconds(error))
                    continue
                except (Forbidden, BadRequest) as error:  # final (BadRequest is a NetworkError)
                    if unreachable(error):
                        await store.mark_blocked(broadcast.id, user_id, describe(error))
                    else:
                        await store.mark_outcome(broadcast.id, user_id, "failed", describe(error))
                except NetworkError as error:  # timeouts and server errors may pass
                    failures += 1
                    if failures < MAX_ATTEMPTS:
                        await asyncio.sleep(BACKOFF_SECONDS * 2 ** (failures - 1))
                        continue
                    await store.mark_outcome(broadcast.id, user_id, "failed", describe(error))
                except TelegramError as error:
                    await store.mark_outcome(broadcast.id, user_id, "failed", describe(error))
                else:
                    await store.mark_sent(broadcast.id, user_id, message.message_id)
                return
        finally:
            self._sends.release()

    # ----- what staff see --------------------------------------------------------------------

    async def _staff_language(self, broadcast: Broadcast) -> str:
        """The language of the staff member who composed it, else the default."""
        if broadcast.created_by is not None:
            user = await self._services.store.users.get(broadcast.created_by)
            if user is not None:
                return user.language
        return self._services.settings.default_language

    async def _show_progress(self, broadcast: Broadcast, language: str) -> None:
        """Keep one progress message up to date while the broadcast runs."""
        if broadcast.report_chat_id is None:
            return
        message_id = broadcast.progress_message_id
        shown = ""
        while True:
            tally = await self._store.tally(broadcast.id)
            text = self.progress_text(broadcast.id, tally, language)
            if text != shown:
                message_id = await self._show(broadcast, message_id, text)
                shown = text
            await asyncio.sleep(PROGRESS_SECONDS)

    def progress_text(self, broadcast_id: int, tally: Tally, language: str) -> str:
        """Sent, failed, remaining and the time left at the configured rate."""
        seconds = round(tally.remaining / self._services.settings.broadcast_rate)
        return self._services.content.text(
            Text.BROADCAST_PROGRESS,
            language,
            id=broadcast_id,
            sent=tally.sent,
            failed=tally.failed + tally.blocked + tally.skipped,
            remaining=tally.remaining,
            eta=f"{seconds // 60}:{seconds % 60:02d}",
        )

    async def _show(self, broadcast: Broadcast, message_id: int | None, text: str) -> int | None:
        """Edit the progress message, or post it (again, if it is gone)."""
        chat_id = broadcast.report_chat_id
        assert chat_id is not None
        try:
            if message_id is not None:
                await self._bot.edit_message_text(text, chat_id, message_id)
                return message_id
        except BadRequest as error:
            if "not modified" in error.message.lower():
                return message_id
            log.info("Progress message of broadcast %d is gone; posting it anew", broadcast.id)
        except TelegramError as error:
            log.warning("Could not update progress of broadcast %d: %s", broadcast.id, error)
            return message_id
        try:
            sent = await self._bot.send_message(chat_id, text)
        except TelegramError as error:
            log.warning("Could not post progress of broadcast %d: %s", broadcast.id, error)
            await report_refused(self._services.store.users, chat_id, error)
            return message_id
        await self._store.set_progress_message(broadcast.id, sent.message_id)
        return sent.message_id

    async def _report(
        self, broadcast: Broadcast, tally: Tally, language: str, *, cancelled: bool
    ) -> None:
        """The final report: a last edit of the progress message, then a message of its own."""
        chat_id = broadcast.report_chat_id
        if chat_id is None:
            return
        current = await self._store.get(broadcast.id)
        message_id = current.progress_message_id if current else None
        await self._show(broadcast, message_id, self.progress_text(broadcast.id, tally, language))
        key = Text.BROADCAST_REPORT_CANCELLED if cancelled else Text.BROADCAST_REPORT
        text = self._services.content.text(key, language, id=broadcast.id, **tally.figures())
        try:
            await self._bot.send_message(chat_id, text)
        except TelegramError as error:
            log.warning("Could not send the report of broadcast %d: %s", broadcast.id, error)
            await report_refused(self._services.store.users, chat_id, error)


# ----- scheduling times, as staff write them ---------------------------------------------------

# Asia/Jakarta is UTC+7 all year (no daylight saving since 1964): a fixed offset needs no tzdata.
WIB = timezone(timedelta(hours=7), "WIB")
TIME_FORMAT = "%Y-%m-%d %H:%M"


def parse_wib(text: str, now: datetime | None = None) -> str | None:
    """A time in WIB as staff write it ("2026-01-31 09:00", "31-01-2026 09.00", "besok jam 9
    pagi", "8/12 09:00": bot/outreach/when.py, `now` the moment "besok" is counted from) as a
    stored UTC time, or None if it is not one (or not in the years staff may ask about)."""
    today = (now or datetime.now(UTC)).astimezone(WIB).date()
    local = typed_moment(text, today)
    if local is None:
        return None
    return local.replace(tzinfo=WIB).astimezone(UTC).isoformat(timespec="microseconds")


def example_wib(language: str, now: datetime | None = None) -> str:
    """A time to show as an example of what to type: tomorrow at 09:00 WIB, always ahead;
    the day first with EYD's 09.00 in Indonesian, as the bot writes times back."""
    tomorrow = (now or datetime.now(UTC)).astimezone(WIB) + timedelta(days=1)
    return tomorrow.strftime("%d-%m-%Y 09.00" if language == "id" else "%Y-%m-%d 09:00")


def format_wib(stored: str) -> str:
    """A stored UTC time as staff read it: "YYYY-MM-DD HH:MM" in WIB."""
    return datetime.fromisoformat(stored).astimezone(WIB).strftime(TIME_FORMAT)


_TAG_PROBLEMS = {
    "unknown": Text.BROADCAST_TAG_UNKNOWN,
    "unmatched": Text.BROADCAST_TAG_UNMATCHED,
    "unclosed": Text.BROADCAST_TAG_UNCLOSED,
    "character": Text.BROADCAST_TAG_CHARACTER,
    "broken": Text.BROADCAST_TAG_BROKEN,
}


def tag_refusal(content: Content, body: str, language: str) -> str | None:
    """Why Telegram would refuse the tags of an announcement (`body` as bot/telegram_html.py
    `typed_markup` gives it, in chat and in the workspace alike), as plain text in our words
    (no "byte offset"), for the chat's and the workspace's "not accepted" messages; None when
    Telegram takes it."""
    problem = tag_problem(body)
    if problem is None:
        return None
    worded = content.text(_TAG_PROBLEMS[problem.kind], language, tag=problem.tag, near=problem.near)
    return html.unescape(worded)


def time_refused(content: Content, typed: str, send_at: str | None, language: str) -> str:
    """Why a typed WIB time (read by parse_wib as `send_at`) cannot be used: no such date or
    time, not a time at all, or past."""
    example = example_wib(language)
    if send_at is not None:  # said back, so a misread day shows ("6/12" typed on the 7th)
        when = content.moment_text(datetime.fromisoformat(send_at).astimezone(WIB), language)
        return content.text(Text.BROADCAST_PAST_TIME, language, when=when, example=example)
    key = Text.BROADCAST_NO_SUCH_TIME if moment_like(typed) else Text.BROADCAST_BAD_TIME
    return content.text(key, language, example=example)
