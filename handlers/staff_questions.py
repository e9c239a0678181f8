"""✔️ Mark done (no reply) under a talent's question in the staff group (a staff review s64,
M1): a question answered outside the bot (by phone) leaves the workspace's Questions tab, the
lead page's notice and the digest's count without a message to the talent. The workspace's
card and lead page have the same button (bot/web/questions.py `close`); both record
`question_closed` in the audit log and post the same note under the question.
"""

from __future__ import annotations

import logging
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError

from bot import support
from bot.content import Content
from bot.store.audit import Actor
from bot.texts import Text
from handlers.common import BotContext, answer_query
from handlers.guard import staff_only

log = logging.getLogger(__name__)

CLOSE = "qdone:"  # qdone:<talent's Telegram id>
PATTERN = rf"^{CLOSE}\d{{1,20}}$"
_PRESS = re.compile(PATTERN)


def button(content: Content, language: str, user_id: int) -> InlineKeyboardButton:
    """The button under a talent's question header in the staff group."""
    return InlineKeyboardButton(
        content.text(Text.BTN_QUESTION_CLOSE, language), callback_data=f"{CLOSE}{user_id}"
    )


@staff_only
async def close(update: Update, context: BotContext) -> None:
    """✔️ pressed: the talent's waiting questions are marked done, nothing is sent to them; a
    note under their question says who did it. Pressed again, or after a colleague answered or
    marked them (a stale button), an alert says who did, and the button goes."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or not _PRESS.match(query.data or ""):
        return
    talent_id = int((query.data or "").removeprefix(CLOSE))
    store = context.services.store
    reference = await store.applications.latest_reference(talent_id)
    done = await store.support.close_questions(
        talent_id, Actor.staff_chat(user.id), user.first_name, reference
    )
    mine = context.language(update)  # what only the presser sees, in their language
    say = context.content.text
    if done.gone:
        await answer_query(update, say(Text.SUPPORT_QUESTIONS_CLOSE_GONE, mine), alert=True)
        await _without_button(query.message)
        return
    talent = await store.users.get(talent_id)
    name = support.display_name(talent) if talent else str(talent_id)
    if not done.done:
        if done.by is None:
            said = say(Text.SUPPORT_QUESTIONS_NONE_WAITING, mine, name=name)
        else:
            key = (
                Text.SUPPORT_QUESTIONS_ANSWERED_BY
                if done.answered
                else Text.SUPPORT_QUESTIONS_CLOSED_BY
            )
            said = say(key, mine, name=name, by=done.by)
        await answer_query(update, said, alert=True)
        await _without_button(query.message)
        return
    await answer_query(update, say(Text.SUPPORT_QUESTIONS_CLOSED_TOAST, mine))
    settings = context.services.settings
    answerer = support.Answerer(
        user.id, user.first_name, settings.staff_chat_id, settings.default_language
    )
    await support.tell_closed(context.bot, store, context.content, talent_id, answerer)
    await _without_button(query.message)


async def _without_button(message: object) -> None:
    """The pressed message's buttons but this one (the lead's Open stays)."""
    if not isinstance(message, Message) or message.reply_markup is None:
        return
    rows = [
        [
            item
            for item in row
            if not (isinstance(item.callback_data, str) and item.callback_data.startswith(CLOSE))
        ]
        for row in message.reply_markup.inline_keyboard
    ]
    kept = [row for row in rows if row]
    try:
        await message.edit_reply_markup(InlineKeyboardMarkup(kept) if kept else None)
    except TelegramError as error:  # marked all the same; only the button stays
        log.info("Could not take the done button off: %s", error)
