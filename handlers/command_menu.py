"""Telegram's command menus: the talents' one, and each admin's with the staff desk added.

A menu is a convenience: when Telegram refuses one (flood limit, an outage, an admin who
never opened the bot), it is logged and the bot goes on without it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import (
    Bot,
    BotCommand,
    BotCommandScope,
    BotCommandScopeChat,
    MenuButtonDefault,
    MenuButtonWebApp,
    WebAppInfo,
)
from telegram.error import BadRequest, TelegramError

from bot import commands
from bot.commands import Command
from bot.services import Services
from bot.texts import Text
from handlers.common import BotApplication

log = logging.getLogger(__name__)

LANGUAGES = ("id", "en")


async def publish(application: BotApplication) -> None:
    """Register everyone's menu at start-up (the admins' follow in the background)."""
    services: Services = application.bot_data["services"]
    try:
        await _set(application.bot, services, commands.PUBLIC_COMMANDS, None)
    except TelegramError as error:
        log.warning("The command menu could not be set (%s); the bot runs without it", error)


async def publish_staff_menus(bot: Bot, services: Services) -> None:
    """Give every admin whose chat Telegram knows the staff menu (once, at start-up), and
    take the workspace's menu button back from chats that should no longer have it."""
    await _take_back_workspace_buttons(bot, services)
    for admin_id in sorted(services.settings.admin_ids):
        await publish_staff_menu(bot, services, admin_id)


async def publish_staff_menu(bot: Bot, services: Services, admin_id: int) -> bool:
    """Add the staff commands to one admin's menu; False if Telegram would not take it."""
    listed = [*commands.PUBLIC_COMMANDS, *commands.STAFF_COMMANDS]
    try:
        await _set(bot, services, listed, BotCommandScopeChat(admin_id))
    except BadRequest as error:  # "chat not found": they have not opened the bot yet
        log.info(
            "Staff menu for admin %d not set (%s); it will be at their /start", admin_id, error
        )
        return False
    except TelegramError as error:
        log.warning("Staff menu for admin %d not set (%s)", admin_id, error)
        return False
    services.staff_menus.add(admin_id)
    await _workspace_button(bot, services, admin_id)
    return True


async def _workspace_button(bot: Bot, services: Services, admin_id: int) -> None:
    """With WEB_URL set, the admin's menu button opens the staff workspace (a Mini App)."""
    url = services.settings.workspace_url
    if url is None:
        return
    known = await services.store.users.get(admin_id)
    language = known.language if known else services.settings.default_language
    button = MenuButtonWebApp(
        services.content.text(Text.WS_MENU_BUTTON, language), web_app=WebAppInfo(url)
    )
    try:
        await bot.set_chat_menu_button(chat_id=admin_id, menu_button=button)
    except TelegramError as error:
        log.warning("Workspace menu button for admin %d not set (%s)", admin_id, error)
        return
    await services.store.workspace_buttons.given(admin_id)


async def _take_back_workspace_buttons(bot: Bot, services: Services) -> None:
    """The default menu button again for an id no longer in ADMIN_IDS (all, without WEB_URL)."""
    settings = services.settings
    for chat_id in sorted(await services.store.workspace_buttons.chats()):
        if settings.workspace_url is not None and settings.is_admin(chat_id):
            continue
        try:
            await bot.set_chat_menu_button(chat_id=chat_id, menu_button=MenuButtonDefault())
        except BadRequest as error:  # the chat is gone: so is its button
            log.info("Workspace menu button of chat %d not reset (%s)", chat_id, error)
        except TelegramError as error:
            log.warning("Workspace menu button of chat %d not reset (%s)", chat_id, error)
            continue  # tried again at the next start
        await services.store.workspace_buttons.taken_back(chat_id)
        log.info("Took the workspace menu button back from chat %d", chat_id)


async def _set(
    bot: Bot, services: Services, specs: Sequence[Command], scope: BotCommandScope | None
) -> None:
    """One menu in Indonesian and English; the default language also for any other."""
    if services.settings.staff_chat_id is None:  # /tanya is closed: the menu leaves it out
        specs = [spec for spec in specs if spec is not commands.ASK]
    for language in LANGUAGES:
        listed = [
            BotCommand(spec.name_for(language), services.content.text(spec.description, language))
            for spec in specs
        ]
        await bot.set_my_commands(listed, scope=scope, language_code=language)
        if language == services.settings.default_language:
            await bot.set_my_commands(listed, scope=scope)
