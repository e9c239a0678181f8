"""The one error handler: log first, then tell the talent and (rate-limited) the staff chat."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, TelegramError

from bot.texts import Text
from handlers.common import BotContext

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log the exception with the update id, apologise, alert staff at most once a minute."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("Error while handling update %s", update_id, exc_info=context.error)
    if not isinstance(update, Update):
        return
    chat = update.effective_chat
    if chat is not None and chat.type == "private" and not isinstance(context.error, Forbidden):
        try:
            await chat.send_message(context.text(Text.ERROR_APOLOGY))
        except TelegramError as error:
            log.warning("Could not send the apology for update %s: %s", update_id, error)
    staff_chat = context.services.settings.staff_chat_id
    if staff_chat is None or not context.services.error_alerts.allow():
        return
    alert = context.content.text(
        Text.STAFF_ERROR_ALERT,
        context.services.settings.default_language,
        update_id=str(update_id),
        error=type(context.error).__name__,
    )
    try:
        await context.bot.send_message(staff_chat, alert)
    except TelegramError as error:
        log.warning("Could not alert the staff chat: %s", error)
