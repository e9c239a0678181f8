"""Answers for whatever no other handler took: never silence, never a crash."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden

from bot import commands
from bot.alerts import Burst
from bot.terminal_text import count_of
from bot.texts import Text
from bot.transport.updates import message_kind
from handlers import menu
from handlers.common import BotContext, answer_query, reply

log = logging.getLogger(__name__)


# What the bot says to a message it can't read outside a form, by kind (bot/transport/updates.py
# message_kind): a sticker, a photo, a file or a voice note the default (UNKNOWN_TEXT names
# them); a location or a contact card not called one of those (a talents' review s63, L3).
_SAID_TO: dict[str, Text] = {
    "location": Text.UNKNOWN_LOCATION,
    "venue": Text.UNKNOWN_LOCATION,
    "contact": Text.UNKNOWN_CONTACT,
    "poll": Text.UNKNOWN_MESSAGE,
    "dice": Text.UNKNOWN_MESSAGE,
    "other": Text.UNKNOWN_MESSAGE,
}
# Log kinds of what a talent sends that are read: words, commands, buttons, edits.
_READ_KINDS = frozenset(("text", "command", "button", "edit", "membership"))
_BEFORE = 3  # the talent's latest messages read for the one before this


async def unknown_text(update: Update, context: BotContext) -> None:
    """A message the bot can't read (a sticker, a photo, a location, …: typed text is
    answered by handlers/answers.py): what it can't read, a pointer and the menu; right
    after another such message, one short line (a talents' review s63, L3: five photos and a
    voice note got five menus)."""
    message, user = update.message, update.effective_user
    kind = message_kind(message) if message is not None and message.text is None else "text"
    if kind != "text" and user is not None and await _unread_before(context, user.id, update):
        await reply(update, context.text(Text.UNKNOWN_AGAIN))
        return
    text, markup = menu.main_menu(context, context.language(update))
    said = _SAID_TO.get(kind, Text.UNKNOWN_TEXT)
    await reply(update, f"{context.text(said)}\n\n{text}", markup)


async def _unread_before(context: BotContext, user_id: int, update: Update) -> bool:
    """Whether the talent's message before this one was one the bot can't read either (a
    photo of an album, a voice note after a sticker): read from the log, where each
    message is written before it is handled."""
    latest = await context.services.store.log.latest_in(user_id, _BEFORE)
    before = [entry for entry in latest if (entry.update_id or 0) < update.update_id]
    return bool(before) and before[0].kind not in _READ_KINDS


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command the bot does not have (staff commands look the same to talents), and the
    one it likely meant, by name (a talents' review: "/hapus" got only the menu). An admin's
    is matched against the staff commands first, and one meant is named without the talents'
    menu (a staff review: "/stat" got the talent menu, not "/stats?")."""
    language = context.language(update)
    text, markup = menu.main_menu(context, language)
    said = context.text(Text.UNKNOWN_COMMAND)
    typed = update.message.text if update.message and update.message.text else ""
    word = typed.split(maxsplit=1)[0][1:].partition("@")[0] if typed else ""
    user = update.effective_user
    staff = user is not None and context.services.settings.is_admin(user.id)
    meant_staff = commands.closest(word, commands.STAFF_COMMANDS) if staff else None
    meant = meant_staff or commands.closest(word)
    if meant is not None:
        said += "\n" + _meant(context, language, meant)
    if meant_staff is not None:
        await reply(update, said)
        return
    await reply(update, f"{said}\n\n{text}", markup)


def _meant(context: BotContext, language: str, meant: commands.Command) -> str:
    """ "Maksudmu /stats? …" with what the command does."""
    name, description = meant.name_for(language), context.text(meant.description)
    return context.text(Text.UNKNOWN_COMMAND_MEANT, command=name, about=description)


async def staff_group_command(update: Update, context: BotContext) -> None:
    """A command in the staff group that no handler took. An admin who mistyped a staff
    command there ("/stat") gets the hint their private chat gives (a desk review: the group
    got no reply at all), without the talents' menu. Anything else stays unanswered, the
    group being a shared room: someone not staff, a command for another bot, a command the
    bot has but not in groups (/broadcast, the talents'), a word near no staff command."""
    message, user = update.message, update.effective_user
    if message is None or not message.text or user is None:
        return
    if not context.services.settings.is_admin(user.id):
        return
    word, _, addressed = message.text.split(maxsplit=1)[0][1:].partition("@")
    if addressed and addressed.lower() != (context.bot.username or "").lower():
        return
    if word.lower() in commands.ALL_NAMES:
        return
    meant = commands.closest(word, commands.GROUP_STAFF_COMMANDS)
    if meant is None:
        return
    language = context.language(update)
    said = context.text(Text.UNKNOWN_COMMAND_GROUP)  # no "pick from the menu": none here
    await reply(update, f"{said}\n{_meant(context, language, meant)}")


async def stale_button(update: Update, context: BotContext) -> None:
    """A button from an old message, or data the bot never made. In a group (the staff
    group: talents' buttons stop at handlers/scope.py) a short notice only, as staff_only
    and staff.expired give there: the talents' menu would be posted to the whole group (an
    attacker's forged st:dg…, hold:… and bc:… presses did)."""
    query = update.callback_query
    if query is None:
        return
    # Anyone can press forged data: one line a minute, with a count and who pressed.
    context.services.refusals.refused("stale_button", query.from_user.id, _stale_pressed)
    await expired_button(update, context)


def _stale_pressed(burst: Burst) -> None:
    log.info(
        "Stale or unknown button data: %s since the last report, from %s",
        count_of(burst.count, "press", "presses"),
        burst.refusers("user"),
    )


async def expired_button(update: Update, context: BotContext) -> None:
    """stale_button's answer, not logged: for callers that log the press themselves."""
    if update.callback_query is None:
        return
    chat = update.effective_chat
    if chat is None or chat.type != "private":
        await answer_query(update, context.text(Text.BUTTON_EXPIRED), alert=True)
        return
    await answer_query(update, context.text(Text.STALE_BUTTON), alert=True)
    text, markup = menu.main_menu(context, context.language(update))
    await reply(update, text, markup)


async def bot_added_to_group(update: Update, context: BotContext) -> None:
    """Added to a group other than the staff chat: say in one line it works in private chat,
    and tell the admin who added it the group's chat id (how a staff group is set up)."""
    change = update.my_chat_member
    if change is None or change.chat.type == "private":
        return
    settings = context.services.settings
    if change.chat.id == settings.staff_chat_id:
        return
    if change.new_chat_member.status not in ("member", "administrator"):
        return
    await reply(update, context.text(Text.GROUP_ONLY_PRIVATE))
    adder = change.from_user
    if not settings.is_admin(adder.id):
        return
    language = context.services.language_for(adder.language_code)
    tip = context.content.text(
        Text.GROUP_ID_FOR_ADMIN, language, title=change.chat.title or "", chat_id=change.chat.id
    )
    try:
        await context.bot.send_message(adder.id, tip)
    except Forbidden:  # the admin never started the bot in private: the group line is enough
        log.info("Could not tell admin %s the id of a new group", adder.id)
