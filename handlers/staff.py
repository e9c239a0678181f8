"""The staff desk: /export, /stats, /leads, /lead and their buttons.

Staff only (checked by user id on every command and press), and only in a private chat
with the bot or in the staff group: lead data never goes to any other chat.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, filters

from bot import commands
from bot.leads import export, stats
from bot.leads.export import ExportRequest, FilterError
from bot.parsing import small_int
from bot.store.applications import REFERENCE_FORMAT
from bot.texts import Text
from handlers.common import BotContext, answer_query, reply, show
from handlers.guard import Callback, staff_only
from handlers.staff_views import LIST, OPEN, PAGE_SIZE, lead_list, lead_page

log = logging.getLogger(__name__)

_REFERENCE = re.compile(r"(?:KOC-?)?0*(\d{1,9})")


def staff_desk(callback: Callback) -> Callback:
    """Staff only, and only where lead data may be shown: private chat or the staff group."""

    @functools.wraps(callback)
    async def placed(update: Update, context: BotContext) -> None:
        chat = update.effective_chat
        staff_chat = context.services.settings.staff_chat_id
        if chat is not None and (chat.type == "private" or chat.id == staff_chat):
            await callback(update, context)
            return
        log.warning(
            "Ignored staff action %s in chat %s (not private, not the staff group)",
            callback.__name__,
            None if chat is None else chat.id,
        )
        await answer_query(update)

    return staff_only(placed)


@staff_desk
async def export_command(update: Update, context: BotContext) -> None:
    """Send the leads as a CSV and an XLSX file."""
    chat = update.effective_chat
    if chat is None:
        return
    try:
        request = ExportRequest.parse(context.args or [])
    except FilterError:
        await reply(update, context.text(Text.EXPORT_USAGE))
        return
    await chat.send_action(ChatAction.UPLOAD_DOCUMENT)
    now = datetime.now(UTC)
    services = context.services
    with tempfile.TemporaryDirectory(prefix="kocca-export-") as folder:
        paths: dict[export.Format, Path] = {
            kind: Path(folder) / request.file_name(kind, now) for kind in export.FORMATS
        }
        count = await export.write_exports(services.store, services.content, request.filter, paths)
        user = update.effective_user
        log.info("Staff %s exported %d lead(s)", user.id if user else None, count)
        if count == 0:
            await reply(update, context.text(Text.EXPORT_EMPTY))
            return
        caption = context.text(
            Text.EXPORT_CAPTION, count=count, time=export.wib_text(now.isoformat())
        )
        for path in paths.values():
            upload = await asyncio.to_thread(export.pack_for_upload, path, export.UPLOAD_LIMIT)
            if upload.split:
                text = context.text(Text.EXPORT_SPLIT, name=path.name, parts=len(upload.files))
                await reply(update, text)
            elif upload.zipped:
                await reply(update, context.text(Text.EXPORT_ZIPPED, name=path.name))
            for file in upload.files:
                with file.open("rb") as handle:
                    await chat.send_document(handle, filename=file.name, caption=caption)


@staff_desk
async def stats_command(update: Update, context: BotContext) -> None:
    """The funnel and who applies, in one short message."""
    numbers = await stats.compute(context.services.store, datetime.now(UTC))
    text = stats.report(
        numbers, context.content, context.language(update), context.services.settings
    )
    await reply(update, text)


async def _show_list(update: Update, context: BotContext, page: int) -> None:
    leads = context.services.store.leads
    total = await leads.total()
    last_page = max(0, (total - 1) // PAGE_SIZE)
    page = min(max(page, 0), last_page)
    shown = await leads.page(page * PAGE_SIZE, PAGE_SIZE)
    text, markup = lead_list(context.content, context.language(update), shown, page, total)
    await show(update, text, markup)


@staff_desk
async def leads_command(update: Update, context: BotContext) -> None:
    """The latest submitted leads, a page at a time."""
    await _show_list(update, context, 0)


@staff_desk
async def leads_button(update: Update, context: BotContext) -> None:
    """Another page of the lead list."""
    data = update.callback_query.data if update.callback_query else None
    page = (data or "").removeprefix(LIST)
    await _show_list(update, context, small_int(page) or 0)


@staff_desk
async def lead_button(update: Update, context: BotContext) -> None:
    """Open one lead from the list."""
    data = update.callback_query.data if update.callback_query else None
    parts = (data or "").removeprefix(OPEN).split(":")
    numbers = [number for part in parts if (number := small_int(part)) is not None]
    lead = await context.services.store.leads.get(numbers[0]) if numbers else None
    if lead is None:
        reference = REFERENCE_FORMAT.format(numbers[0]) if numbers else "?"
        await show(update, context.text(Text.LEAD_NOT_FOUND, reference=reference))
        return
    back = numbers[1] if len(numbers) > 1 else 0
    text, markup = lead_page(context.content, context.language(update), lead, back)
    await show(update, text, markup)


@staff_desk
async def lead_command(update: Update, context: BotContext) -> None:
    """/lead KOC-000123: open one lead by its reference."""
    if not context.args:
        await reply(update, context.text(Text.LEAD_USAGE))
        return
    typed = " ".join(context.args)
    match = _REFERENCE.fullmatch(typed.strip().upper())
    lead = None
    if match is not None:
        lead = await context.services.store.leads.by_reference(
            REFERENCE_FORMAT.format(int(match[1]))
        )
    if lead is None:
        await reply(update, context.text(Text.LEAD_NOT_FOUND, reference=typed))
        return
    text, markup = lead_page(context.content, context.language(update), lead)
    await reply(update, text, markup)


def handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """The staff desk's handlers, for `handlers.register` (in any chat: `staff_desk` decides)."""
    new_messages = filters.UpdateType.MESSAGE  # an edited "/export" must not export again
    return [
        CommandHandler(commands.EXPORT.names, export_command, filters=new_messages),
        CommandHandler(commands.STATS.names, stats_command, filters=new_messages),
        CommandHandler(commands.LEADS.names, leads_command, filters=new_messages),
        CommandHandler(commands.LEAD.names, lead_command, filters=new_messages),
        CallbackQueryHandler(leads_button, pattern=f"^{LIST}"),
        CallbackQueryHandler(lead_button, pattern=f"^{OPEN}"),
    ]
