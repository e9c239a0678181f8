"""Talent flows run in private chats only; in groups only staff buttons work."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.texts import Text
from handlers.common import BotContext, answer_query
from handlers.records_views import PREFIX as RECORDS
from handlers.staff_questions import CLOSE
from handlers.staff_views import DIGEST, LIST, OPEN, PIPELINE
from handlers.support_holding import HOLD

log = logging.getLogger(__name__)

# Buttons made in the staff group too. Not the announcements' (bc:): /broadcast works in a
# private chat only, so a bc: press in a group is forged (bc:new replaced the presser's draft
# and asked for the announcement in the group).
STAFF_BUTTONS = (LIST, OPEN, PIPELINE, RECORDS, HOLD, DIGEST, CLOSE)


async def private_buttons_only(update: Update, context: BotContext) -> None:
    """A talent's button pressed outside a private chat (or on an unknown message) stops here."""
    query = update.callback_query
    if query is None:
        return
    chat = update.effective_chat
    if chat is not None and chat.type == "private":
        return
    if (query.data or "").startswith(STAFF_BUTTONS):
        return  # staff buttons check the user id themselves
    log.info("Ignored a talent button outside a private chat (update %s)", update.update_id)
    await answer_query(update, context.text(Text.BUTTON_EXPIRED), alert=True)
    raise ApplicationHandlerStop
