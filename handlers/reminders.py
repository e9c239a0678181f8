"""The buttons under a reminder: ▶️ Continue, Later, 🔕 Stop reminders."""

from __future__ import annotations

import logging

from telegram import Update

from bot.leads.intake_flow import IntakeFlow
from bot.outreach.reminders import CONTINUE, LATER
from bot.parsing import small_int
from bot.texts import Text
from handlers.common import BotContext, answer_query, reply, show
from handlers.intake_views import render

log = logging.getLogger(__name__)


async def continue_button(update: Update, context: BotContext) -> None:
    """Show the question the talent stopped at, as a new message under the reminder."""
    query = update.callback_query
    user = update.effective_user
    if query is None or user is None:
        return
    application_id = small_int((query.data or "").removeprefix(CONTINUE))
    store = context.services.store
    draft = await store.applications.draft_for(user.id)
    if draft is None or draft.id != application_id:
        await answer_query(update, context.text(Text.INTAKE_GONE), alert=True)
        return
    flow = IntakeFlow(store, context.content, context.services.settings.forwarding())
    screen = await flow.begin(user.id, context.language(update), update.update_id)
    facts = context.services.settings.privacy_facts()
    text, markup = render(screen, context.content, context.language(update), facts)
    await answer_query(update)
    await reply(update, text, markup)


async def later_button(update: Update, context: BotContext) -> None:
    """No more reminders for this registration; the answers stay for /daftar."""
    query = update.callback_query
    user = update.effective_user
    if query is None or user is None:
        return
    application_id = small_int((query.data or "").removeprefix(LATER))
    reminders = context.services.store.reminders
    if application_id is None or not await reminders.later(application_id, user.id):
        await answer_query(update, context.text(Text.INTAKE_GONE), alert=True)
        return
    log.info("Reminders off for application %d (Later)", application_id)
    await show(update, context.text(Text.REMINDER_LATER_DONE), None)


async def stop_button(update: Update, context: BotContext) -> None:
    """No more reminders for this talent, for any registration (changeable in /privasi)."""
    user = update.effective_user
    if user is None:
        return
    await context.services.store.reminders.set_enabled(user.id, False)
    await show(update, context.text(Text.REMINDER_STOPPED), None)
