"""Program pages and the FAQ: browsing what KOCCA offers."""

from __future__ import annotations

from telegram import Update

from bot.texts import Text
from handlers import menu, programs_registered, talent_status, views
from handlers.common import BotContext, operator_name, show
from handlers.fallback import stale_button


async def programs(update: Update, context: BotContext) -> None:
    """Film or music."""
    await show(update, *views.sections(context.content, context.language(update)))


async def section(update: Update, context: BotContext) -> None:
    """One section's programs."""
    key = _key(update, views.SECTION)
    if key not in context.content.sections:
        await stale_button(update, context)
        return
    await show(update, *views.section_page(context.content, context.language(update), key))


async def program(update: Update, context: BotContext) -> None:
    """One program's page."""
    found = context.content.programs.get(_key(update, views.PROGRAM))
    if found is None:
        await stale_button(update, context)
        return
    subscribed = views.is_subscribed(context.talent)
    language = context.language(update)
    text, markup = views.program_page(
        context.content, language, found, subscribed=subscribed, resume=menu.resumes(context)
    )
    user_id = update.effective_user.id if update.effective_user else None
    registered = await programs_registered.references(context, user_id, found)
    if registered:  # "Daftarkan minatmu…" to a registered talent: they are, and their status
        text = programs_registered.registered_line(context, language, found, text, registered)
        status = (context.content.text(Text.BTN_STATUS, language), views.STATUS)
        markup = programs_registered.status_button(markup, found, status)
    await show(update, text, markup)


async def faq(update: Update, context: BotContext) -> None:
    """The FAQ questions."""
    await show(update, *views.faq_list(context.content, context.language(update)))


async def faq_item(update: Update, context: BotContext) -> None:
    """One FAQ answer (Back leads to the program page it was opened from, if any)."""
    key, _, origin = _key(update, views.FAQ_ITEM).partition(views.FROM)
    if key not in context.content.faq:
        await stale_button(update, context)
        return
    subscribed = views.is_subscribed(context.talent)
    language = context.language(update)
    operator = operator_name(context)
    back = views.PROGRAM + origin if origin in context.content.programs else views.FAQ
    resume = menu.resumes(context)  # its register button resumes an unfinished form
    user_id = update.effective_user.id if update.effective_user else None
    item = context.content.faq[key]
    registered = await talent_status.registered_for(context, user_id, item)  # "sudah terdaftar"
    text, markup = views.faq_answer(
        context.content,
        language,
        key,
        subscribed=subscribed,
        operator=operator,
        back=back,
        resume=resume,
        registered=bool(registered),
    )
    text = await talent_status.with_status(context, user_id, language, item, text, registered)
    await show(update, text, markup)


def _key(update: Update, prefix: str) -> str:
    """The content key carried by a button's callback data."""
    query = update.callback_query
    data = query.data if query is not None and query.data else ""
    return data.removeprefix(prefix)
