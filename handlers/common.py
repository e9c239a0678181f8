"""What every handler shares: the typed context, the talent's language, safe replies."""

from __future__ import annotations

import logging
from typing import Any, cast

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import Application, CallbackContext, ExtBot

from bot.content import Content
from bot.message_parts import split_message
from bot.services import Services
from bot.store import User
from bot.texts import Text
from bot.transport.flood import dropped_entry, talent_input
from bot.transport.sending import Keyboard, edit_text, send_text
from bot.transport.updates import incoming_entry, sender_profile

log = logging.getLogger(__name__)


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The callback context, with the process's services and the sender as stored.

    user_data and chat_data are emptied after every update (bot/transport/runner.py):
    state is in SQLite.
    """

    talent: User | None = None
    # Whether the sender has an unfinished (open or paused) registration, when this update's
    # routing read it already (handlers/intake.private_message); None: not read yet. Every
    # free-text reply's menu asks it (handlers/menu.resumes): one read, not two.
    draft_held: bool | None = None

    @property
    def services(self) -> Services:
        """Settings, store and content of this bot."""
        return cast(Services, self.application.bot_data["services"])

    @property
    def content(self) -> Content:
        """The validated content/ folder."""
        return self.services.content

    def language(self, update: Update | None = None) -> str:
        """The language to answer in: the stored choice, else Telegram's, else the default."""
        if self.talent is not None:
            return self.talent.language
        user = update.effective_user if update else None
        return self.services.language_for(user.language_code if user else None)

    def text(self, key: Text, **values: Any) -> str:
        """A message from content/ in the sender's language."""
        return self.content.text(key, self.language(), **values)


BotApplication = Application[Any, BotContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any]


async def record_incoming(update: Update, context: BotContext) -> None:
    """Store the sender's profile and log the update (runs before every other handler).

    Only private chats make someone a user of the bot: a group member is not a talent. What
    admins type is logged without its content (notes about talents, broadcast drafts).
    """
    chat = update.effective_chat
    profile = sender_profile(update) if chat is not None and chat.type == "private" else None
    language = context.services.language_for(profile.telegram_language if profile else None)
    sender = update.effective_user
    staff = sender is not None and sender.id in context.services.settings.admin_ids
    entry = incoming_entry(update, staff=staff)
    if update.update_id in context.services.flood_notices:  # over the flood limit: no content
        flooded = talent_input(update.to_dict())
        entry = None if flooded is None else dropped_entry(update.update_id, flooded)
    # What this update sends the talent is its answer (a message from elsewhere forgets the
    # page "see above" points to: bot/answers/pages_sent.py).
    context.services.pages_sent.answering(profile.user_id if profile is not None else None)
    context.talent = await context.services.store.record_incoming(profile, language, entry)
    if profile is not None and not _typed_text(update):
        # A button, a command, anything but typed words: what it brings comes below the page
        # last answered, which "see above" would no longer point to (the last review s60).
        context.services.pages_sent.forget(profile.user_id)


def _typed_text(update: Update) -> bool:
    """Whether the update is words typed in a message, not a command."""
    message = update.message
    return message is not None and message.text is not None and not message.text.startswith("/")


def sender_name(update: Update) -> str:
    """The sender's Telegram name for staff to read, as the store keeps it (sender_profile):
    nothing in it hides or turns around the alert it is shown in; "—" when nothing is left."""
    profile = sender_profile(update)
    if profile is None:
        return "—"
    return " ".join(part for part in (profile.first_name, profile.last_name) if part) or "—"


def operator_name(context: BotContext) -> str:
    """Who runs the bot (CONTROLLER_NAME), for texts that name them. Read as set: the bot
    does not start without it (create_runner checks `controller()`), and this runs for every
    free question answered, where `controller()`'s checks would run again and again."""
    return context.services.settings.controller_name or ""


def controller_values(context: BotContext) -> dict[str, str]:
    """Who is responsible for talents' data, for texts that name them (from the settings)."""
    controller = context.services.settings.controller()
    return {"controller_name": controller.name, "controller_contact": controller.contact}


async def reply(
    update: Update, text: str, markup: Keyboard | None = None, *, reply_to: int | None = None
) -> int | None:
    """Send a new message to the update's chat; long texts go out in several parts (the first
    as a reply to the chat's message `reply_to`, if given). The first part's message id.

    Telegram's answer is not parsed into a `Message` (bot/transport/sending.py): no handler
    needs it, and parsing it was a large part of a reply's CPU time.
    """
    chat = update.effective_chat
    if chat is None:
        return None
    first = None
    parts = split_message(text)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        replying = reply_to if index == 0 else None
        sent = await send_text(
            chat.get_bot(), chat.id, part, markup if last else None, reply_to=replying
        )
        if index == 0:
            found = sent.get("message_id") if isinstance(sent, dict) else None
            first = found if isinstance(found, int) else None
    return first


async def answer_query(update: Update, text: str | None = None, *, alert: bool = False) -> None:
    """Stop the button's spinner; a query too old to answer (a replay) is not an error."""
    query = update.callback_query
    if query is None:
        return
    try:
        await query.answer(text, show_alert=alert)
    except BadRequest as error:
        log.info("Could not answer callback query of update %s: %s", update.update_id, error)


async def show(
    update: Update, text: str, markup: Keyboard | None = None, *, answered: bool = False
) -> None:
    """Show a screen: edit the pressed button's message in place, or send a new one.

    `answered`: the caller answered the button's query already (a toast): a query is answered
    once, and a second answer only fails ("query is too old", a new operator's review s58, L6).
    """
    query = update.callback_query
    if not answered:
        await answer_query(update)
    if query is None or query.message is None or len(split_message(text)) > 1:
        await reply(update, text, markup)
        return
    message = query.message
    try:
        await edit_text(query.get_bot(), message.chat.id, message.message_id, text, markup)
    except BadRequest as error:
        if "not modified" in str(error).lower():
            return
        # The message is gone or too old to edit: show the screen as a new message.
        log.info("Could not edit message %s (%s); sending anew", query.message.message_id, error)
        await reply(update, text, markup)
