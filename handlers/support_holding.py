"""A staff-group answer marked as a holding reply after it went: the talent's questions wait on.

Under the bot's "✅ Terkirim" confirmation of an answer given in the staff group: one press
makes that answer a holding reply, as the workspace's tick box does before sending (the talent
saw nothing different; their questions stay on the Questions tab and in /lead's notice).
"""

from __future__ import annotations

import logging
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError

from bot.content import Content
from bot.store.audit import Actor
from bot.store.support import Holding
from bot.texts import Text
from handlers.common import BotContext, answer_query
from handlers.guard import staff_only

log = logging.getLogger(__name__)

HOLD = "hold:"  # hold:<talent's Telegram id>:<the answer's message id in their chat>
PATTERN = rf"^{HOLD}\d{{1,20}}:\d{{1,12}}$"
_PRESS = re.compile(PATTERN)


def button(content: Content, language: str, user_id: int, message_id: int) -> InlineKeyboardMarkup:
    """The button under a delivered answer's confirmation."""
    label = content.text(Text.BTN_MARK_HOLDING, language)
    data = f"{HOLD}{user_id}:{message_id}"
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)]])


@staff_only
async def mark(update: Update, context: BotContext) -> None:
    """⏳ pressed: the answer becomes a holding reply; the confirmation says who marked it."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or not _PRESS.match(query.data or ""):
        return
    talent_id, message_id = map(int, (query.data or "").removeprefix(HOLD).split(":"))
    store = context.services.store
    reference = await store.applications.latest_reference(talent_id)
    marked = await store.support.mark_holding(
        talent_id, message_id, Actor.staff_chat(user.id), reference
    )
    language = context.services.settings.default_language
    # What only the presser sees (a toast, an alert) in their own language: the group is
    # shared by staff who read Indonesian and staff who read English (a staff review s59).
    mine = context.language(update)
    if marked is Holding.GONE:  # the talent erased their data, or the line is gone with age
        await answer_query(
            update, context.content.text(Text.SUPPORT_HOLDING_GONE, mine), alert=True
        )
        return
    if marked is Holding.NOTHING_WAITS:  # nothing would stay listed: say so, drop the button
        await answer_query(
            update, context.content.text(Text.SUPPORT_HOLDING_NOTHING, mine), alert=True
        )
        try:
            await query.edit_message_reply_markup(None)
        except TelegramError as error:
            log.info("Could not take the holding button off: %s", error)
        return
    await answer_query(update, context.content.text(Text.SUPPORT_MARKED_HOLDING_TOAST, mine))
    note = context.content.text(Text.SUPPORT_MARKED_HOLDING, language, staff=user.first_name)
    shown = query.message.text if isinstance(query.message, Message) else None
    try:
        await query.edit_message_text(f"{shown}\n\n{note}" if shown else note)
    except TelegramError as error:  # marked all the same; only the confirmation stays as it was
        log.info("Could not update the confirmation of a holding reply: %s", error)
