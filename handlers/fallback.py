"""Answers for whatever no other handler took: never silence, never a crash."""

from __future__ import annotations

import logging

from telegram import Update

from bot.texts import Text
from handlers import menu
from handlers.common import BotContext, answer_query, reply

log = logging.getLogger(__name__)


async def unknown_text(update: Update, context: BotContext) -> None:
    """Text the bot did not expect: a short pointer and the menu."""
    text, markup = menu.main_menu(context, context.language(update))
    await reply(update, f"{context.text(Text.UNKNOWN_TEXT)}\n\n{text}", markup)


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command the bot does not have (staff commands look the same to talents)."""
    text, markup = menu.main_menu(context, context.language(update))
    await reply(update, f"{context.text(Text.UNKNOWN_COMMAND)}\n\n{text}", markup)


async def stale_button(update: Update, context: BotContext) -> None:
    """A button from an old message, or data the bot never made."""
    query = update.callback_query
    if query is None:
        return
    log.info("Stale or unknown button data from user %s", query.from_user.id)
    await answer_query(update, context.text(Text.STALE_BUTTON), alert=True)
    text, markup = menu.main_menu(context, context.language(update))
    await reply(update, text, markup)


async def bot_added_to_group(update: Update, context: BotContext) -> None:
    """Added to a group other than the staff chat: say in one line it works in private chat."""
    change = update.my_chat_member
    if change is None or change.chat.type == "private":
        return
    if change.chat.id == context.services.settings.staff_chat_id:
        return
    if change.new_chat_member.status in ("member", "administrator"):
        await reply(update, context.text(Text.GROUP_ONLY_PRIVATE))
