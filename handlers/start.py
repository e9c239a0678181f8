"""/start, /menu, /bahasa and /bantuan: the way into the bot."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from telegram import Update

from bot import commands
from bot.content import Markup
from bot.names import first_name
from bot.texts import Text
from handlers import command_menu, intake, views
from handlers.common import BotContext, controller_values, reply, show
from handlers.menu import main_menu

log = logging.getLogger(__name__)

_SOURCE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")  # Telegram's deep-link alphabet


async def start(update: Update, context: BotContext) -> None:
    """Greet the talent, record a deep-link source, show the main menu."""
    user = update.effective_user
    if user is None:
        return
    if context.args and len(context.args) == 1:  # a deep link carries exactly one word
        payload = context.args[0]
        if _SOURCE_PATTERN.match(payload):
            first = await context.services.store.users.record_source(user.id, payload)
            log.info("User %d arrived from source %s (first: %s)", user.id, payload, first)
    language = context.language(update)
    name = first_name(user.first_name)  # "Rina": as stage messages and reminders
    greeting = context.content.text(Text.GREETING, language, first_name=name)
    text, markup = main_menu(context, language)
    parts = [greeting, staff_hint(context, user.id, language), text]
    await reply(update, "\n\n".join(part for part in parts if part), markup)
    services = context.services
    if services.settings.is_admin(user.id) and user.id not in services.staff_menus:
        # An admin who opened the bot after it started has no staff menu yet.
        await command_menu.publish_staff_menu(context.bot, services, user.id)


async def menu(update: Update, context: BotContext) -> None:
    """Show the main menu (as a new message after a command, in place after a button)."""
    text, markup = main_menu(context, context.language(update))
    await show(update, text, markup)


async def help_command(update: Update, context: BotContext) -> None:
    """What the bot can do and its commands (and, for an admin, the staff commands)."""
    language = context.language(update)
    _text, markup = main_menu(context, language)
    user = update.effective_user
    parts = [
        context.text(Text.HELP, **controller_values(context)),
        staff_hint(context, user.id if user else None, language),
    ]
    await reply(update, "\n\n".join(part for part in parts if part), markup)


def staff_hint(context: BotContext, user_id: int | None, language: str) -> str:
    """The staff commands with what each does, for an admin; nothing for anyone else."""
    if not context.services.settings.is_admin(user_id):
        return ""
    content = context.content
    lines = [
        content.text(
            Text.STAFF_HINT_LINE,
            language,
            command=spec.name_for(language),
            description=content.text(spec.description, language),
        )
        for spec in commands.STAFF_COMMANDS
    ]
    if context.services.settings.workspace_url is not None:  # the buttons exist with WEB_URL
        menu = content.text(Text.WS_MENU_BUTTON, language)
        opener = content.text(Text.BTN_OPEN_WORKSPACE, language)
        lines.append(content.text(Text.STAFF_HINT_WORKSPACE, language, menu=menu, button=opener))
    return content.text(Text.STAFF_HINT, language, commands=Markup("\n".join(lines)))


async def language_menu(update: Update, context: BotContext) -> None:
    """Offer Bahasa Indonesia or English."""
    text, markup = views.language_picker(context.content, context.language(update))
    await show(update, text, markup)


async def set_language(update: Update, context: BotContext) -> None:
    """Store the chosen language and show the menu in it (mid-form: the open question)."""
    query = update.callback_query
    if query is None or query.data is None or update.effective_user is None:
        return
    language = query.data.removeprefix(views.LANGUAGE_SET)
    await context.services.store.users.set_language(update.effective_user.id, language)
    if context.talent is not None:  # spoken from now on, this reply included
        context.talent = replace(context.talent, language=language, language_chosen=True)
    if await intake.back_to_form(update, context, language):
        return  # mid-form: its open question, in the new language
    confirmation = context.content.text(Text.LANGUAGE_SET, language)
    text, markup = main_menu(context, language)
    await show(update, f"{confirmation}\n\n{text}", markup)
