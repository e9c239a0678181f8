"""The one error handler: log first, then tell the talent and (rate-limited) the staff chat."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.content import other_language
from bot.store.health import is_storage_error
from bot.texts import Text
from handlers.common import BotContext

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log the exception with the update id, apologise, alert staff at most once a minute."""
    update_id = update.update_id if isinstance(update, Update) else None
    if update_id is not None and is_storage_error(context.error):
        # Disk full or read-only: logged once by the store; the runner runs the update again
        # when writing works. No apology: the talent gets the real answer then.
        context.services.unstored.add(update_id)
        raise ApplicationHandlerStop
    if update_id is not None and _telegram_unreachable(context.error):
        # Nothing can be said to the talent now; the runner handles the update again later.
        log.warning("Update %s could not be answered (%s); will retry", update_id, context.error)
        context.services.undelivered.add(update_id)
        return
    if isinstance(update, Update) and _talent_unreachable(context.error):
        # Blocked, deactivated or unknown chat: nothing more can be sent; not a bug.
        chat = update.effective_chat
        log.info(
            "Chat %s is unreachable (%s); marked as blocked",
            chat.id if chat else None,
            context.error,
        )
        if chat is not None and chat.type == "private":
            await context.services.store.users.set_blocked(chat.id, True)
        return
    log.error("Error while handling update %s", update_id, exc_info=context.error)
    if not isinstance(update, Update):
        return
    chat = update.effective_chat
    if chat is not None and chat.type == "private" and not isinstance(context.error, Forbidden):
        try:
            await chat.send_message(
                context.content.text(Text.ERROR_APOLOGY, context.language(update))
            )
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
    # Its gist in the other language: the group is shared by staff of both (s60).
    language = other_language(context.services.settings.default_language)
    alert = f"{alert}\n{context.content.text(Text.STAFF_ERROR_ALERT_GLOSS, language)}"
    try:
        await context.bot.send_message(staff_chat, alert)
    except TelegramError as error:
        log.warning("Could not alert the staff chat: %s", error)


def _telegram_unreachable(error: object) -> bool:
    """Telegram is down or flooding us: a retry later may succeed, an apology would not."""
    if isinstance(error, RetryAfter):
        return True
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


def _talent_unreachable(error: object) -> bool:
    """Telegram says this chat cannot receive messages from the bot."""
    if isinstance(error, Forbidden):
        return True
    return isinstance(error, BadRequest) and "chat not found" in str(error).lower()
