"""Reminders for unfinished registrations: when they are due, what they say, the worker.

A talent who gave consent to processing, answered at least one question and has not
submitted gets reminder 1 once REMINDER_DELAYS' first delay has passed since their last
activity, reminder 2 after the second, and so on; anything they do restarts the clock.
Each reminder of a registration goes at most once: it is recorded as being sent in a
commit before the request, and never sent again after a restart or a kill -9 (a crash can
lose the few reminders claimed and not yet sent, it never repeats one). Whether the talent
still wants it is checked again right before each request (after the wait for the send
budget or a 429), so a stop takes effect for every reminder not yet sent. If several came
due at once (the bot was stopped, or quiet hours), only the latest is sent; a draft left
unchanged for a week past the last delay gets none.

None is sent during QUIET_HOURS (Asia/Jakarta); those due then go when they end, at the
pace of the shared send budget, after replies to talents. A talent stops them for one
registration ("Later"), for good ("Stop reminders", a preference in /privasi), by
finishing, by withdrawing consent or by erasing their data; a talent who blocked the bot
is marked unreachable and gets nothing more.

"Paused for ever", as the issue puts it, does not exist in the questionnaire itself:
"⏸ Save & exit" (/batal) keeps the draft for /daftar and says so, so a paused draft is
still unfinished and is reminded. A registration is closed to reminders only by the
talent's own answer to one: "Later" (this registration) or "Stop reminders" (all).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.content import Content, Markup
from bot.leads import form_order
from bot.names import first_name
from bot.outreach.broadcast import WIB
from bot.outreach.pacing import BulkSends, unreachable
from bot.outreach.send_budget import BROADCAST, retry_seconds
from bot.rounds import Rounds
from bot.services import Services
from bot.settings import QuietHours, Settings
from bot.store import DueDraft, DueTimes
from bot.texts import Text
from bot.transport.failures import describe

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]  # the current time, timezone-aware

POLL_SECONDS = 5.0  # how often the worker looks for due reminders (delays are hours)
BATCH = 200
# A draft left unchanged this much longer than the last delay gets no reminder at all: drafts
# that were already old when reminders were turned on, or missed during a long outage.
GIVE_UP_AFTER = timedelta(days=7)

# Callback data of the reminder's buttons (handlers/reminders.py answers them).
CONTINUE = "rm:go:"  # + application id
LATER = "rm:later:"  # + application id
STOP = "rm:stop"


def utc_clock() -> datetime:
    """The real time."""
    return datetime.now(UTC)


def quiet_until(moment: datetime, hours: QuietHours | None) -> datetime | None:
    """When the quiet hours around `moment` end, or None if it is not in quiet hours."""
    if hours is None:
        return None
    local = moment.astimezone(WIB)
    now = local.time()
    if hours.start < hours.end:
        inside = hours.start <= now < hours.end
    else:  # the range runs past midnight
        inside = now >= hours.start or now < hours.end
    if not inside:
        return None
    day = local.date() if now < hours.end else local.date() + timedelta(days=1)
    return datetime.combine(day, hours.end, tzinfo=WIB)


def due_times(delays: tuple[timedelta, ...], now: datetime) -> DueTimes:
    """The last-activity times that make each reminder due now, in the stored form."""

    def stored(moment: datetime) -> str:
        return moment.astimezone(UTC).isoformat(timespec="microseconds")

    return DueTimes(
        [stored(now - delay) for delay in delays], stored(now - delays[-1] - GIVE_UP_AFTER)
    )


def due_number(draft: DueDraft, times: DueTimes) -> int:
    """The latest reminder due for this draft now (earlier unsent ones are skipped)."""
    return max(number for number, limit in enumerate(times.cutoffs, 1) if draft.active_at <= limit)


def questions_left(content: Content, answers: dict[str, Any]) -> int:
    """Questions still to answer, counted as the questionnaire's "question N of M" does."""
    return sum(1 for q in form_order.expected_questions(content, answers) if q.key not in answers)


def deleted_after(settings: Settings, draft: DueDraft, now: datetime) -> datetime | None:
    """When retention deletes this draft if nothing changes; None if that is within a day.

    The daily retention job deletes drafts unchanged for DRAFT_RETENTION_DAYS, so the
    draft is kept until this moment and deleted at the job's first run after it.
    """
    moment = datetime.fromisoformat(draft.updated_at) + timedelta(
        days=settings.draft_retention_days
    )
    return moment if moment - now > timedelta(days=1) else None


def reminder_message(
    services: Services, draft: DueDraft, number: int, left: int, now: datetime
) -> tuple[str, InlineKeyboardMarkup]:
    """The reminder's text and buttons, in the talent's language."""
    content, language = services.content, draft.language
    if left == 0:
        progress = content.text(Text.REMINDER_PROGRESS_NONE, language)
    elif left == 1:
        progress = content.text(Text.REMINDER_PROGRESS_ONE, language)
    else:
        progress = content.text(Text.REMINDER_PROGRESS_MANY, language, left=left)
    parts = [
        content.text(
            Text.REMINDER_TEXT,
            language,
            name=first_name(draft.first_name),
            progress=Markup(progress),
        )
    ]
    last = number == len(services.settings.reminder_delays)
    deletion = deleted_after(services.settings, draft, now) if last else None
    if deletion is not None:
        parts.append(
            content.text(
                Text.REMINDER_RETENTION,
                language,
                days=services.settings.draft_retention_days,
                date=content.date_text(deletion.astimezone(WIB).date(), language),
            )
        )
    application = draft.application_id
    rows = [
        [button(content, language, Text.BTN_REMINDER_CONTINUE, f"{CONTINUE}{application}")],
        [
            button(content, language, Text.BTN_REMINDER_LATER, f"{LATER}{application}"),
            button(content, language, Text.BTN_REMINDER_STOP, STOP),
        ],
    ]
    return "\n\n".join(parts), InlineKeyboardMarkup(rows)


def button(content: Content, language: str, key: Text, data: str) -> InlineKeyboardButton:
    """An inline button labelled from content/."""
    return InlineKeyboardButton(content.text(key, language), callback_data=data)


class ReminderWorker:
    """Finds due reminders and sends them at the shared budget's pace."""

    def __init__(self, services: Services, bot: ExtBot[Any], clock: Clock = utc_clock) -> None:
        self._services = services
        self._settings = services.settings
        self._store = services.store.reminders
        self._bot = bot
        self._clock = clock
        # At most pacing.IN_FLIGHT reminders are claimed and not yet answered by Telegram.
        self._sends = BulkSends(bot, self._settings.broadcast_rate, "reminder")
        self.rounds = Rounds()
        if self._settings.reminder_delays:  # off: no rounds for anyone to wait for
            services.rounds.setdefault("reminders", self.rounds)

    async def run(self) -> None:
        """Send due reminders until cancelled; then let requests already made finish."""
        if not self._settings.reminder_delays:
            log.info("Reminders are off (REMINDER_DELAYS is empty)")
            return
        try:
            while True:
                self.rounds.begin()
                busy = self._sends.busy  # reminders claimed in an earlier round, still sending
                try:
                    if await self.dispatch_due():
                        continue
                    if not busy:
                        self.rounds.idle()
                except Exception:  # the worker must outlive a bad row or a database hiccup
                    log.exception("Reminder worker error; trying again shortly")
                await self.rounds.rest(POLL_SECONDS)
        except asyncio.CancelledError:
            await self._sends.drain()
            raise

    async def dispatch_due(self) -> bool:
        """Claim and start sending one batch of due reminders; False if none was claimed."""
        now = self._clock()
        if quiet_until(now, self._settings.quiet_hours) is not None:
            return False
        delays = self._settings.reminder_delays
        batch = await self._store.due(due_times(delays, now), BATCH)
        claimed = 0
        for draft in batch:
            await self._sends.reserve()
            now = self._clock()
            if quiet_until(now, self._settings.quiet_hours) is not None:
                self._sends.release()
                break  # quiet hours began meanwhile: the rest waits for their end
            times = due_times(delays, now)
            number = due_number(draft, times)
            if not await self._claim(draft, number, times):
                self._sends.release()
                continue
            claimed += 1
            self._sends.start(self._deliver(draft, number))
        if claimed:
            log.info("Sending %d due reminder(s)", claimed)
        return claimed > 0

    async def _claim(self, draft: DueDraft, number: int, times: DueTimes) -> bool:
        """Record the reminder as being sent; a stop meanwhile undoes the record."""
        claiming = asyncio.ensure_future(self._store.claim(draft, number, times))
        try:
            return await asyncio.shield(claiming)
        except asyncio.CancelledError:
            # The commit goes on without us: if it claimed the reminder, no task will send
            # it, so give it back for the next start (else it would never be sent).
            await asyncio.wait([claiming])
            if not claiming.cancelled() and claiming.exception() is None and claiming.result():
                await self._store.unclaim(draft.application_id, number)
            raise

    async def _deliver(self, draft: DueDraft, number: int) -> None:
        """Send one claimed reminder when the budget allows; record what Telegram said."""
        store, application_id = self._store, draft.application_id
        try:
            while True:
                if not await self._sends.slot():  # stopping: no request was made
                    await store.unclaim(application_id, number)
                    return
                answers = await self._services.store.applications.answers(application_id)
                left = questions_left(self._services.content, answers)
                text, markup = reminder_message(self._services, draft, number, left, self._clock())
                # Checked again right before each request: after the claim, the wait for the
                # budget or a 429, the talent may have erased their data, pressed Stop or
                # Later, withdrawn consent or finished. "Stop" stops what has not gone yet.
                if not await store.still_wanted(application_id, number):
                    await store.drop_claim(application_id, number)
                    log.info(
                        "Reminder %d of application %d not sent: stopped meanwhile",
                        number,
                        application_id,
                    )
                    return
                try:
                    message = await self._bot.send_message(
                        draft.user_id, text, reply_markup=markup, rate_limit_args=BROADCAST
                    )
                except RetryAfter as error:  # refused, so not delivered: wait and try again
                    self._sends.budget.pause(retry_seconds(error))
                    continue
                except TelegramError as error:  # the HTTP layer already retried timeouts, 5xx
                    if unreachable(error):
                        await store.mark_blocked(
                            application_id, number, draft.user_id, describe(error)
                        )
                    else:
                        await store.mark_failed(application_id, number, describe(error))
                except Exception as error:  # a bug must not stop the others: recorded, logged
                    log.exception("Reminder %d of application %d failed", number, application_id)
                    await store.mark_failed(application_id, number, describe(error))
                else:
                    day = self._clock().astimezone(WIB).date().isoformat()
                    await store.mark_sent(application_id, number, message.message_id, left, day)
                return
        finally:
            self._sends.release()
