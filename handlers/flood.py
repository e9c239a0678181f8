"""Slows down a talent who sends many messages a second, with one polite notice."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.texts import Text
from bot.transport.flood import Verdict
from handlers.common import BotContext, reply

log = logging.getLogger(__name__)


async def throttle(update: Update, context: BotContext) -> None:
    """Drop updates over a talent's rate (logged already); warn once per flood."""
    user = update.effective_user
    chat = update.effective_chat
    if user is None or chat is None or chat.type != "private":
        return
    if context.services.settings.is_admin(user.id):
        return
    verdict = context.services.flood.check(user.id)
    if verdict is Verdict.ALLOW:
        return
    if verdict is Verdict.DROP_AND_WARN:
        log.info("User %d is flooding; dropping updates for a few seconds", user.id)
        await reply(update, context.text(Text.FLOOD_NOTICE))
    raise ApplicationHandlerStop
