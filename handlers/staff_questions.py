"""✔️ Mark done (no reply) under a talent's question in the staff group (a staff review s64,
M1): a question answered outside the bot (by phone) leaves the workspace's Questions tab, the
lead page's notice and the digest's count without a message to the talent. The workspace's
card and lead page have the same button (bot/web/questions.py `close`); both record
`question_closed` in the audit log and post the same note under the question.
"""

from __future__ import annotations

import logging
import re

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError

from bot import support
from bot.content import Content
from bot.leads import export
from bot.parsing import telegram_id
from bot.store.audit import Actor
from bot.support import clipped
from bot.texts import Text
from handlers.common import BotContext, answer_query
from handlers.guard import staff_only
from handlers.staff import ALERT_LIMIT

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
    note under their question says who did it. Only what the header's burst showed: if the
    talent wrote again since (a newer header), nothing is marked and the presser is told to
    read it first (a staff review s64, H1). Pressed again, or after a colleague answered or
    marked them (a stale button), an alert says who did, and the button goes; while a
    colleague's answer to them is being sent, an alert says who answers (M1)."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or not _PRESS.match(query.data or ""):
        return
    talent_id = telegram_id((query.data or "").removeprefix(CLOSE))
    mine = context.language(update)  # what only the presser sees, in their language
    say = context.content.text
    if not talent_id:  # forged: no Telegram id (0, or past what SQLite keeps)
        log.info("Forged done button: %r", query.data)
        await answer_query(update, say(Text.BUTTON_EXPIRED, mine), alert=True)
        return
    store = context.services.store
    message = query.message
    seen = (
        await store.support.burst_said(message.chat.id, message.message_id, talent_id)
        if isinstance(message, Message)
        else ""
    )
    reference = await store.applications.latest_reference(talent_id)
    done = await store.support.close_questions(
        talent_id, Actor.staff_chat(user.id), user.first_name, reference, seen
    )
    if done.gone:
        await _alert(update, say(Text.SUPPORT_QUESTIONS_CLOSE_GONE, mine))
        await _without_button(query)
        return
    talent = await store.users.get(talent_id)
    name = support.display_name(talent) if talent else str(talent_id)
    if done.newer:  # their newer header has its own button: this one stays for its burst
        await _alert(update, say(Text.SUPPORT_QUESTIONS_WROTE_AGAIN, mine, name=name))
        return
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
        await _alert(update, said)
        await _without_button(query)
        return
    await answer_query(update, say(Text.SUPPORT_QUESTIONS_CLOSED_TOAST, mine))
    settings = context.services.settings
    answerer = support.Answerer(
        user.id, user.first_name, settings.staff_chat_id, settings.default_language
    )
    await support.tell_closed(context.bot, store, context.content, talent_id, answerer)
    await _without_button(query)


async def _alert(update: Update, said: str) -> None:
    """An alert's words as Telegram shows them: plain text (names as written, "Rani & Band",
    not their HTML), within what an alert holds."""
    await answer_query(update, clipped(export.plain_text(said), ALERT_LIMIT), alert=True)


async def _without_button(query: CallbackQuery) -> None:
    """The pressed message's buttons but the one pressed (the lead's Open stays; so does a
    real ✔️ under a press that was forged)."""
    message = query.message
    if not isinstance(message, Message) or message.reply_markup is None:
        return
    rows = [
        [item for item in row if item.callback_data != query.data]
        for row in message.reply_markup.inline_keyboard
    ]
    kept = [row for row in rows if row]
    try:
        await message.edit_reply_markup(InlineKeyboardMarkup(kept) if kept else None)
    except TelegramError as error:  # marked all the same; only the button stays
        log.info("Could not take the done button off: %s", error)
