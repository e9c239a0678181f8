"""The staff desk: /export, /stats and the daily digest on demand under it (the lead list
and pages are in handlers/pipeline.py).

Staff only (checked by user id on every command and press), and only in a private chat
with the bot or in the staff group: lead data never goes to any other chat.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from datetime import UTC, datetime
from pathlib import Path

from telegram import InlineKeyboardMarkup, InputFile, Update
from telegram.constants import ChatAction
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, filters

from bot import commands, temp_folders
from bot.answers import stats as question_stats
from bot.answers.desk import thresholds
from bot.leads import (
    chart,
    digest,
    export,
    filter_words,
    pipeline_stages,
    pipeline_stats,
    records,
    stats,
)
from bot.leads.export import ExportRequest, FilterError
from bot.leads.waiting import stored_time
from bot.store.audit import Actor
from bot.texts import Text
from handlers.common import BotContext, answer_query, reply
from handlers.guard import Callback, staff_only
from handlers.staff_views import DIGEST
from handlers.views import button

log = logging.getLogger(__name__)


ALERT_LIMIT = 200  # characters of a callback query's answer Telegram accepts


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


def actor(update: Update) -> Actor:
    """The staff member behind a staff action (staff_desk let only a known user through);
    in the staff group (the one group staff_desk serves) recorded as done there, as answers
    there are ("from": "staff_chat"): every member sees what is done in it."""
    user = update.effective_user
    assert user is not None, "staff_desk lets only a known user through"
    chat = update.effective_chat
    if chat is not None and chat.type != "private":
        return Actor.staff_chat(user.id)
    return Actor.staff(user.id)


def workspace_url(update: Update, context: BotContext) -> str | None:
    """The staff workspace's URL for a button, where Telegram allows one (a private chat)."""
    chat = update.effective_chat
    if chat is None or chat.type != "private":
        return None
    return context.services.settings.workspace_url


async def expired(update: Update, context: BotContext) -> None:
    """A stale or forged staff button: a short notice, nothing changes."""
    query = update.callback_query
    log.info("Stale or forged staff button: %r", query.data if query else None)
    await answer_query(update, context.text(Text.BUTTON_EXPIRED), alert=True)


async def closed_alert(update: Update, context: BotContext, stage: str) -> None:
    """A stage closed to this lead (🔒, or a consent it lacks), refused: why, in an alert over
    the page or picker, which stays (a lead page, Move all's stages; the workspace greys the
    button out and says the same under it). A reason too long for an alert (a long FORWARD_TO
    name) comes under it."""
    label = pipeline_stages.stage_label(context.content, stage, context.language(update))
    forwarding = context.services.settings.forwarding()
    if forwarding is None:
        why = context.text(Text.PIPELINE_CLOSED_ALERT, stage=label)
    else:
        why = context.text(
            Text.PIPELINE_WARNING_CONSENT, stages=label, recipient=forwarding.recipient
        )
    if len(export.plain_text(why)) <= ALERT_LIMIT:
        await answer_query(update, export.plain_text(why), alert=True)
        return
    await answer_query(update)
    await reply(update, why)


@staff_desk
async def export_command(update: Update, context: BotContext) -> None:
    """Send the leads as a CSV and an XLSX file."""
    chat = update.effective_chat
    if chat is None:
        return
    try:
        words = records.stage_words(context.content, context.args or [])  # labels too
        request = ExportRequest.parse(words, context.content.stages)
    except FilterError as error:
        await reply(update, _export_refusal(context, error))
        return
    user = update.effective_user
    services = context.services
    # Recorded before any data leaves: who exported what, in which files (UU PDP Pasal 31).
    formats = ",".join(export.FORMATS)
    actor = Actor.staff(user.id if user else 0)
    await services.store.audit.add(actor, "export", None, format=formats, **request.describe())
    await chat.send_action(ChatAction.UPLOAD_DOCUMENT)
    now = datetime.now(UTC)
    with temp_folders.folder("export") as folder:
        paths: dict[export.Format, Path] = {
            kind: Path(folder) / request.file_name(kind, now, context.content, context.language())
            for kind in export.FORMATS
        }
        written = await export.write_exports(
            services.store,
            services.content,
            request.filter,
            paths,
            forwards=services.settings.forwarding() is not None,
            language=context.language(),  # headers and labels as their chat reads
        )
        log.info("Staff %s exported %d row(s)", user.id if user else None, written.rows)
        left_out = context.text(Text.EXPORT_CLOSED_LEFT_OUT, count=written.closed_left_out)
        if written.rows == 0:
            empty = context.text(Text.EXPORT_EMPTY)
            await reply(update, f"{empty}\n{left_out}" if written.closed_left_out else empty)
            return
        time = export.wib_words(services.content, now.isoformat(), context.language())
        caption = (
            context.text(
                Text.EXPORT_CAPTION_DRAFTS, leads=written.leads, drafts=written.drafts, time=time
            )
            if request.drafts
            else context.text(Text.EXPORT_CAPTION, count=written.leads, time=time)
        )
        chosen = request.words(services.content, context.language())
        if chosen:  # which leads these are, when not all of them
            caption += "\n" + context.text(Text.EXPORT_CAPTION_FILTER, filter=chosen)
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
        if written.closed_left_out:
            await reply(update, left_out)


def _export_refusal(context: BotContext, error: FilterError) -> str:
    """Which word was not understood (or not a date), said once, then the examples."""
    stages = pipeline_stages.stage_list(context.content, context.language())
    usage = context.text(Text.EXPORT_USAGE_STAGES, stages=stages)
    problem = context.text(Text.EXPORT_UNKNOWN_OPTION)
    if error.word is not None:
        key = {
            "word": Text.EXPORT_UNKNOWN_WORD,
            "date": Text.EXPORT_BAD_DATE,
            "no_date": Text.EXPORT_NO_DATE,
        }[error.kind]
        problem = context.text(key, word=error.word)
    meant = filter_words.unknown_word_hint(
        context.content, context.language(), error.word or "", error.suggestion
    )
    lines = [problem, meant, context.text(Text.EXPORT_USAGE), usage]
    return "\n".join(line for line in lines if line)


@staff_desk
async def stats_command(update: Update, context: BotContext) -> None:
    """The funnel, who applies and the pipeline; then the chart (drawn in a child process)."""
    services, language = context.services, context.language(update)
    now = datetime.now(UTC)
    numbers = await stats.compute(services.store, now, services.settings.admin_ids)
    flow = await pipeline_stats.compute_stats(services.store, services.content, now)
    asked = await question_stats.compute(services.store, now, services.settings.admin_ids)
    report = stats.report(numbers, context.content, language, services.settings)
    report += f"\n\n{pipeline_stats.stats_report(flow, context.content, language)}"
    live, needed = services.live_content, thresholds(services.settings)
    answers_now = question_stats.answers_now(live.current, live.matcher, needed)
    workspace = services.settings.workspace_url is not None
    asked_report = question_stats.report(
        asked, context.content, language, answers_now, workspace=workspace
    )
    ask = InlineKeyboardMarkup([[button(context.text(Text.BTN_DIGEST_ASK), DIGEST)]])
    await reply(update, f"{report}\n\n{asked_report}", ask)
    chat = update.effective_chat
    if chat is None:
        return
    drawn = pipeline_stats.chart_data(flow, context.content, language)
    if not any(count for _, count in [*drawn.days, *drawn.stages]):
        await reply(update, context.text(Text.STATS_CHART_EMPTY))  # empty axes read as broken
        return
    await chat.send_action(ChatAction.UPLOAD_PHOTO)
    png = await chart.draw(drawn)
    if png is None:
        await reply(update, context.text(Text.STATS_CHART_FAILED))
        return
    caption = context.text(Text.STATS_CHART_CAPTION)
    await chat.send_photo(InputFile(png, filename="kocca-stats.png"), caption=caption)


@staff_desk
async def digest_button(update: Update, context: BotContext) -> None:
    """📰 Daily digest under /stats: the digest as it stands now, in the chat where it was
    pressed (the staff chat's form in the staff group, the presser's own in a private chat).
    It claims no day: the daily one still goes at DIGEST_TIME."""
    user, services = update.effective_user, context.services
    if user is None:
        return
    await answer_query(update)
    made = await digest.as_it_stands(services, services.clock())
    # Recorded before it is shown, as the lists it sums up are: its figures as it shows them
    # (leads waiting too long in their stage, talents waiting for the team's answer).
    await services.store.audit.add(
        actor(update),
        "digest_viewed",
        None,
        since=stored_time(made.since),
        new=made.numbers.new,
        overdue=made.waiting_total,
        asking=made.asking,
    )
    private = update.effective_chat is not None and update.effective_chat.type == "private"
    names = await records.staff_names(services.store, made.numbers.per_admin)
    language = context.language(update)
    text, markup = digest.render(
        made, context.content, language, names, user.id if private else None, asked=True
    )
    await reply(update, text, markup)


def handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """The staff desk's handlers, for `handlers.register` (in any chat: `staff_desk` decides)."""
    new_messages = filters.UpdateType.MESSAGE  # an edited "/export" must not export again
    return [
        CommandHandler(commands.EXPORT.names, export_command, filters=new_messages),
        CommandHandler(commands.STATS.names, stats_command, filters=new_messages),
        CallbackQueryHandler(digest_button, pattern=f"^{DIGEST}$"),
    ]
