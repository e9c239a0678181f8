"""Slows down a talent who sends many messages a second, with one polite notice."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.texts import Text
from handlers.common import BotContext, reply

log = logging.getLogger(__name__)


async def throttle(update: Update, context: BotContext) -> None:
    """The first update over a talent's rate: say why it goes unanswered, and stop there.

    Flood control judged it on arrival (bot/transport/flood.py); later ones in the same
    flood were dropped there and never reach the handlers.
    """
    notices = context.services.flood_notices
    if update.update_id not in notices:
        return
    user = update.effective_user
    log.info("User %s is flooding; dropping updates for a few seconds", user and user.id)
    await reply(update, context.text(Text.FLOOD_NOTICE))
    notices.discard(update.update_id)  # after the reply: a retried update warns again
    raise ApplicationHandlerStop
