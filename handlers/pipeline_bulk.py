"""Move all: every lead of a filtered /leads list to one stage, previewed, then confirmed.

The bulk move is a pipeline_batches row while staff prepare it (its filter stored, so the
buttons carry only its id); confirming starts it once, whoever presses twice.
"""

from __future__ import annotations

import logging

from telegram import Update

from bot.leads import pipeline
from bot.leads.pipeline import FilterError, PipelineFilter, parse_code
from bot.store.pipeline import LeadState
from bot.texts import Text
from handlers import pipeline_views as views
from handlers.common import BotContext, answer_query, reply, show
from handlers.staff import actor, expired

log = logging.getLogger(__name__)


async def start(update: Update, context: BotContext, code: str) -> None:
    """Move all: choose the stage for every lead of the filtered list."""
    try:
        chosen = parse_code(code, context.content)
    except FilterError:
        chosen = PipelineFilter()
    chat = update.effective_chat
    if chosen.empty or chat is None:
        await expired(update, context)
        return
    who = actor(update)
    language = context.language(update)
    described = views.describe(context.content, language, chosen)
    count = await context.services.store.leads.total(chosen.lead_filter(who.user_id))
    if count == 0:
        await show(update, context.text(Text.BULK_NOTHING, filter=described))
        return
    batch_id = await context.services.store.pipeline.start_bulk(who, chat.id, code)
    text = context.text(Text.BULK_CHOOSE_STAGE, count=count, filter=described)
    await show(update, text, views.bulk_stages(context.content, language, batch_id))


async def _prepared(
    update: Update, context: BotContext, batch_id: int
) -> tuple[PipelineFilter, list[LeadState], str | None] | None:
    """The bulk move's filter, its leads now, its stage; None unless this admin prepares it."""
    found = await context.services.store.pipeline.bulk(batch_id)
    user = update.effective_user
    if found is None or user is None:
        return None
    code, created_by, to_stage, status = found
    if created_by != user.id or status != "composing":
        return None
    try:
        chosen = parse_code(code, context.content)
    except FilterError:
        return None
    leads = await context.services.store.pipeline.matching(chosen.lead_filter(created_by))
    return chosen, leads, to_stage


async def choose_stage(update: Update, context: BotContext, batch_id: int, stage: str) -> None:
    """The stage chosen: preview the count and the talent message, then confirm."""
    content, language = context.content, context.language(update)
    prepared = await _prepared(update, context, batch_id)
    if prepared is None:
        await expired(update, context)
        return
    if stage not in content.stages:
        await answer_query(update)
        await reply(update, context.text(Text.PIPELINE_UNKNOWN_STAGE, stage=stage))
        return
    chosen, leads, _ = prepared
    await context.services.store.pipeline.choose_bulk_stage(batch_id, stage)
    movable = [lead for lead in leads if lead.stage != stage]
    described = views.describe(content, language, chosen)
    if not movable:
        await show(update, context.text(Text.BULK_NOTHING, filter=described))
        return
    sample = pipeline.message_for(content, stage, movable[0])
    if sample is None:
        info = context.text(Text.BULK_NO_MESSAGE)
    else:
        english = sum(1 for lead in movable if lead.language == "en")
        info = context.text(
            Text.BULK_MESSAGE_INFO,
            id_count=len(movable) - english,
            en_count=english,
            reference=movable[0].reference,
        )
    text = context.text(
        Text.BULK_PREVIEW,
        count=len(leads),
        filter=described,
        stage=pipeline.stage_label(content, stage, language),
        already=len(leads) - len(movable),
        message_info=info,
    )
    buttons = views.bulk_confirm_buttons(content, language, batch_id, has_message=bool(sample))
    if sample is None:
        await show(update, text, buttons)
        return
    await show(update, text)
    await reply(update, sample.text, buttons)


async def confirm(update: Update, context: BotContext, batch_id: int, *, notify: bool) -> None:
    """Confirmed: move every lead the filter matches now (once, whoever presses twice)."""
    content, language = context.content, context.language(update)
    prepared = await _prepared(update, context, batch_id)
    chosen, leads, stage = prepared or (PipelineFilter(), [], None)
    if stage is None:
        await expired(update, context)
        return
    store = context.services.store
    who = actor(update)
    started = await store.pipeline.confirm_bulk(
        batch_id, stage, who, filter=chosen.words(), stage=stage, leads=len(leads), notify=notify
    )
    if not started:
        await expired(update, context)
        return
    await answer_query(update)
    result = await pipeline.bulk_move(
        store, content, batch_id, leads, stage, actor=who, notify=notify
    )
    log.info(
        "Bulk move %d: %d lead(s) to %s, %d message(s)",
        batch_id,
        result.moved,
        stage,
        result.messages,
    )
    skipped = ""
    if result.changed or result.already:
        skipped = context.text(Text.BULK_SKIPPED, changed=result.changed, already=result.already)
    text = context.text(
        Text.BULK_DONE,
        id=batch_id,
        moved=result.moved,
        stage=pipeline.stage_label(content, stage, language),
        messages=result.messages,
        skipped=skipped,
    )
    await show(update, text)
