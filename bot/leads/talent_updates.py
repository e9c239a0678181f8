"""Delivers the messages stage changes queue for talents, and tells staff how it went.

Like announcements, these go through the bot's shared `SendBudget` as bulk sends
(bot/outreach/pacing.py), so a bulk move of hundreds of leads stays
under Telegram's 30 messages a second and never delays a reply to a talent.

Once at most: a message is marked 'sending' in a commit before it waits for its send slot
and makes its request. After a crash, one still 'sending' (at most pacing.IN_FLIGHT) may
or may not have reached the talent; it becomes 'uncertain' and staff are asked whether to
send it again (a button), instead of the talent maybe hearing it twice.
A 403 marks the talent as having blocked the bot; the stage stays saved.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.leads.pipeline_stages import needed_consent, stage_label
from bot.outreach.audience import counts_in_words
from bot.outreach.pacing import BulkSends, report_refused, unreachable
from bot.outreach.send_budget import BROADCAST, SendBudget, retry_seconds
from bot.rounds import Rounds
from bot.services import Services
from bot.store.restores import HELD
from bot.store.talent_updates import NO_CONSENT, Batch, TalentUpdate
from bot.texts import Text
from bot.transport.failures import describe
from bot.transport.retrying import unless_withdrawn

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5  # how often the worker looks for queued messages
MAX_ATTEMPTS = 3  # timeouts and server errors; a 429 waits and does not count
BACKOFF_SECONDS = 1.0
BATCH = 200
AGAIN = "pl:again:"  # + talent update id: staff send an uncertain or failed message again
_REPORTS = {
    "sent": Text.UPDATE_REPORT_SENT,
    "blocked": Text.UPDATE_REPORT_BLOCKED,
    "failed": Text.UPDATE_REPORT_FAILED,
    "uncertain": Text.UPDATE_REPORT_UNCERTAIN,
    "superseded": Text.UPDATE_REPORT_SUPERSEDED,
}
# A bulk move's report: each status's count, those that are zero left out.
_BULK_REPORTS = {
    "sent": Text.BULK_REPORT_SENT,
    "blocked": Text.BULK_REPORT_BLOCKED,
    "failed": Text.BULK_REPORT_FAILED,
    "uncertain": Text.BULK_REPORT_UNCERTAIN,
    "superseded": Text.BULK_REPORT_SUPERSEDED,
}
_RESENDABLE = ("failed", "uncertain")
_MOST_BUTTONS = 10  # a bulk report offers at most this many "send again" buttons


class TalentUpdateWorker:
    """Sends queued talent messages at the budget's pace and reports each batch once."""

    def __init__(self, services: Services, bot: ExtBot[Any]) -> None:
        self._services = services
        self._store = services.store.talent_updates
        self._bot = bot
        self._sends = BulkSends(bot, services.settings.broadcast_rate, "talent update")
        # Without the shared limiter (a bot built elsewhere) there is nothing to mark.
        shared = isinstance(bot.rate_limiter, SendBudget)
        self._limit_args = BROADCAST if shared else None
        self._active: set[int] = set()  # update ids with a delivery under way
        self.rounds = services.rounds.setdefault("talent_updates", Rounds())

    async def run(self) -> None:
        """Deliver and report until cancelled; then let requests already made finish."""
        try:
            await self._recover()
            while True:
                self.rounds.begin()
                # Nothing under way when the round began, nothing new started: every message
                # queued before it has its outcome, and the reports below are the last ones.
                busy = bool(self._active)
                try:
                    started = await self._dispatch()
                    await self._report_finished()
                except Exception:  # the worker must outlive a bad row or a database hiccup
                    log.exception("Talent update worker error; trying again shortly")
                    started, busy = 0, True
                if not started and not busy:
                    self.rounds.idle()
                if not started:
                    await self.rounds.rest(POLL_SECONDS)
        except asyncio.CancelledError:
            await self._sends.drain()
            raise

    async def _recover(self) -> None:
        """Messages in flight when the process died: staff decide whether to send again."""
        interrupted = await self._store.mark_interrupted()
        if interrupted:
            log.warning(
                "%d talent update(s) were being sent when the bot stopped; staff will be asked",
                len(interrupted),
            )
        in_use = await self._services.store.pipeline.stages_in_use()
        unknown = sorted(set(in_use) - set(self._services.content.stages))
        for key in unknown:  # staff removed or renamed a stage key that leads are still in
            log.warning(
                "%d lead(s) are at stage %r, which content/stages.yaml no longer has",
                in_use[key],
                key,
            )

    async def _dispatch(self) -> int:
        """Start a delivery for each queued message not already under way; how many."""
        started = 0
        after = 0
        while batch := await self._store.due(after, BATCH):
            for update in batch:
                after = update.id
                if update.id in self._active:
                    continue
                await self._sends.reserve()
                self._active.add(update.id)
                self._sends.start(self._deliver(update))
                started += 1
        return started

    async def _deliver(self, update: TalentUpdate) -> None:
        """Send one message, retrying what may succeed later; record the outcome."""
        store = self._store
        failures = 0
        # A stage that needs a consent (Forwarded says "as you agreed"): checked in
        # the commit before each request, so a consent withdrawn meanwhile stops the message.
        consent = needed_consent(
            self._services.content, update.stage, self._services.settings.forwarding()
        )
        try:
            while True:
                # Marked before the slot, so the request follows the slot at once: a commit
                # between them would let sends bunch beyond Telegram's 30 a second.
                if not await store.mark_sending(update.id, consent):
                    if consent is not None and await store.hold_without_consent(update.id, consent):
                        log.info("Talent update %d held back: consent withdrawn", update.id)
                    return  # superseded by a later stage change, or the lead was erased
                if not await self._sends.slot():
                    await store.mark_pending(update.id)  # stopping: no request was made
                    return
                if not await store.still_sending(update.id):
                    return  # erased, or cancelled by the talent, while it waited for its slot
                try:
                    # A server error's retries stop once the stage changed again meanwhile.
                    with unless_withdrawn(lambda: store.still_current(update.id)):
                        message = await self._bot.send_message(
                            update.user_id, update.text, rate_limit_args=self._limit_args
                        )
                except RetryAfter as error:
                    await store.mark_pending(update.id)  # refused: nothing reached the talent
                    seconds = retry_seconds(error)
                    self._sends.budget.pause(seconds)
                    await asyncio.sleep(seconds)  # waiting as 'pending': a crash loses nothing
                    continue
                except (Forbidden, BadRequest) as error:  # final (BadRequest is a NetworkError)
                    status = "blocked" if unreachable(error) else "failed"
                    await store.mark_failed(update.id, status, describe(error))
                except NetworkError as error:  # timeouts and server errors may pass
                    failures += 1
                    if failures < MAX_ATTEMPTS:
                        await store.mark_pending(update.id)
                        await asyncio.sleep(BACKOFF_SECONDS * 2 ** (failures - 1))
                        continue
                    await store.mark_failed(update.id, "failed", describe(error))
                except TelegramError as error:
                    await store.mark_failed(update.id, "failed", describe(error))
                else:
                    await store.mark_sent(update.id, message.message_id)
                return
        finally:
            self._active.discard(update.id)
            self._sends.release()

    # ----- reports to staff ----------------------------------------------------------------------

    async def _report_finished(self) -> None:
        """Tell staff once how each finished batch went."""
        for batch in await self._store.finished_batches():
            chat_id = batch.report_chat_id or self._services.settings.staff_chat_id
            if chat_id is not None and batch.tally:  # a batch without messages: nothing to say
                try:
                    await self._report(batch, chat_id)
                except TelegramError as error:
                    log.warning("Could not report talent updates of batch %d: %s", batch.id, error)
                    await report_refused(self._services.store.users, chat_id, error)
            await self._store.mark_reported(batch.id)

    async def _report(self, batch: Batch, chat_id: int) -> None:
        content = self._services.content
        language = await self._staff_language(batch.created_by)
        stage = stage_label(content, batch.to_stage or "", language)
        resend = [
            item
            for item in await self._store.batch_updates(batch.id, _RESENDABLE)
            if item.error != NO_CONSENT  # sending it again would be refused
        ]
        buttons = [
            [
                InlineKeyboardButton(
                    content.text(Text.BTN_SEND_AGAIN, language, reference=item.reference or ""),
                    callback_data=f"{AGAIN}{item.id}",
                )
            ]
            for item in resend[:_MOST_BUTTONS]
        ]
        markup = InlineKeyboardMarkup(buttons) if buttons else None
        if batch.bulk:
            tally = batch.tally
            counts = [(key, tally.get(status, 0)) for status, key in _BULK_REPORTS.items()]
            text = content.text(
                Text.BULK_REPORT,
                language,
                id=batch.number or batch.id,
                stage=stage,
                counts=counts_in_words(content, language, counts),
            )
        else:
            update = (await self._store.batch_updates(batch.id, tuple(_REPORTS)))[0]
            held = update.error == HELD  # by a restore, not cut short by a crash
            key = Text.UPDATE_REPORT_HELD if held else _REPORTS[update.status]
            if update.status == "failed" and update.error == NO_CONSENT:
                key = Text.UPDATE_REPORT_NO_CONSENT
            text = content.text(
                key,
                language,
                reference=update.reference or "",
                stage=stage_label(content, update.stage, language),
                error=update.error or "",
            )
        await self._bot.send_message(chat_id, text, reply_markup=markup)

    async def _staff_language(self, admin_id: int | None) -> str:
        if admin_id is not None:
            user = await self._services.store.users.get(admin_id)
            if user is not None:
                return user.language
        return self._services.settings.default_language
