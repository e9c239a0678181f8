"""Move all: every lead of a filtered /leads list to one stage, previewed, then confirmed.

The bulk move is a pipeline_batches row while staff prepare it (its filter stored, so the
buttons carry only its id); the preview keeps the leads it counted, each at its version then,
and confirming moves only those, once, whoever presses twice, within PREVIEW_LIFETIME.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from telegram import Update

from bot.leads import bulk_moves, cancelling, pipeline_stages, stage_changes
from bot.leads.lead_filters import FilterError, PipelineFilter, parse_code
from bot.outreach import audience
from bot.texts import Text
from handlers import pipeline_views as views
from handlers.common import BotContext, answer_query, reply, show
from handlers.staff import actor, closed_alert, expired

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
    # The leads it can move: a lead closed as a duplicate is moved by no stage (Reopen first).
    movable = replace(chosen.lead_filter(who.user_id), closed_duplicate=False)
    count = await context.services.store.leads.total(movable)
    if count == 0:
        await show(update, context.text(Text.BULK_NOTHING, filter=described))
        return
    batch_id = await context.services.store.pipeline.start_bulk(who, chat.id, code)
    text = context.text(Text.BULK_CHOOSE_STAGE, count=count, filter=described)
    forwarding = context.services.settings.forwarding()
    buttons = views.bulk_stages(context.content, language, batch_id, forwarding)
    await show(update, text, buttons)


async def _prepared(
    update: Update, context: BotContext, batch_id: int
) -> tuple[PipelineFilter, str | None] | None:
    """The bulk move's filter and stage; None unless this admin is preparing it."""
    found = await context.services.store.pipeline.bulk(batch_id)
    user = update.effective_user
    if found is None or user is None:
        return None
    code, created_by, to_stage, status = found
    if created_by != user.id or status != "composing":
        return None
    try:
        return parse_code(code, context.content), to_stage
    except FilterError:
        return None


async def choose_stage(
    update: Update,
    context: BotContext,
    batch_id: int,
    stage: str,
    *,
    without_outcomes: bool = False,
) -> None:
    """The stage chosen: preview the count and the talent message, then confirm
    (`without_outcomes`: the list's leads at an outcome stage left out, ⏭)."""
    content, language = context.content, context.language(update)
    prepared = await _prepared(update, context, batch_id)
    if prepared is None:
        await expired(update, context)
        return
    if stage not in content.stages:
        await answer_query(update)
        wanted = pipeline_stages.clean_key(stage)
        await reply(update, context.text(Text.PIPELINE_UNKNOWN_STAGE, stage=wanted))
        return
    if pipeline_stages.closed_to_every_lead(content, stage, context.services.settings.forwarding()):
        # 🔒 (FORWARD_TO unset): why in an alert, the stages kept to choose another (a staff
        # review s56: a dead end with only Cancel, as a lead page's 🔒 no longer is).
        await closed_alert(update, context, stage)
        return
    chosen, _ = prepared
    store = context.services.store.pipeline
    leads = await store.matching(chosen.lead_filter(actor(update).user_id))
    if without_outcomes:  # left where they are: neither counted nor moved
        leads = [lead for lead in leads if not bulk_moves.at_outcome(content, lead, stage)]
    # What the preview counts is what a confirmation may move, each lead at its version now.
    await store.choose_bulk_stage(batch_id, stage, leads)
    forwarding = context.services.settings.forwarding()
    told = await store.told([lead.application_id for lead in leads])
    support = context.services.store.support
    waiting = await support.questions_waiting({lead.user_id for lead in leads})
    # Those the bot cancelled (under 18, no guardian's consent): said apart (s62, N2).
    minors = await cancelling.minor_cancels_of(context.services.store, leads)
    preview = bulk_moves.bulk_preview(content, stage, leads, forwarding, told, waiting, minors)
    described = views.describe(content, language, chosen)
    if without_outcomes:
        described = f"{described}, {context.text(Text.BULK_WITHOUT_OUTCOMES)}"
    # None movable (closed duplicates, leads already there): the preview says how many were
    # skipped and why, with Cancel only, as for leads the stage's consent keeps.
    examples = preview.examples
    stage_label = pipeline_stages.stage_label(content, stage, language)
    if not preview.eligible:
        info = context.text(Text.BULK_NONE_ELIGIBLE)
    elif not examples:
        info = context.text(Text.BULK_ALL_TOLD if preview.told else Text.BULK_NO_MESSAGE)
    else:
        shown = [
            context.text(
                Text.BULK_EXAMPLE,
                talent_language=stage_changes.talent_language(content, language, lead.language),
                reference=lead.reference,
            )
            for lead, _ in examples
        ]
        counts = audience.languages_in_words(
            content, language, len(preview.to_tell) - preview.english, preview.english
        )
        info = context.text(
            Text.BULK_MESSAGE_INFO,
            counts=counts,
            examples=context.text(Text.BULK_EXAMPLES_JOIN).join(shown),
        )
    text = context.text(
        Text.BULK_PREVIEW,
        count=len(leads),
        filter=described,
        stage=stage_label,
        skipped=bulk_moves.preview_skipped(content, language, preview, stage, forwarding),
        message_info=info,
    )
    # The example messages name their talents: recorded as views of those leads.
    await context.services.store.audit.add_each(
        actor(update),
        "bulk_previewed",
        [lead.reference for lead, _ in examples],
        batch=batch_id,
        stage=stage,
    )
    if not preview.eligible:
        await show(update, text, views.bulk_cancel_only(content, language, batch_id))
        return
    buttons = views.bulk_confirm_buttons(
        content, language, batch_id, has_message=bool(examples), outcomes=preview.skippable
    )
    if not examples:
        await show(update, text, buttons)
        return
    await show(update, text)
    # Under the examples, the first in the staff member's language when none is in it, said
    # to be theirs only (as under one lead's preview); the choice comes last, under all.
    translation = bulk_moves.example_translation(content, stage, examples, forwarding, language)
    for index, (_, sample) in enumerate(examples):  # the buttons under the last message
        last = index == len(examples) - 1 and translation is None
        await reply(update, sample.text, buttons if last else None)
    if translation is not None:
        said = context.text(Text.PIPELINE_PREVIEW_TRANSLATION)
        await reply(update, f"{said}\n\n{translation.text}", buttons)


async def skip_outcomes(update: Update, context: BotContext, batch_id: int) -> None:
    """⏭ The preview again, for the same stage, without the list's leads at an outcome."""
    prepared = await _prepared(update, context, batch_id)
    if prepared is None or prepared[1] is None:
        await expired(update, context)
        return
    await choose_stage(update, context, batch_id, prepared[1], without_outcomes=True)


async def cancel(update: Update, context: BotContext, batch_id: int) -> None:
    """Cancel a bulk move being prepared: only the admin who started it may."""
    user = update.effective_user
    pipeline_store = context.services.store.pipeline
    if user is None or not await pipeline_store.cancel_bulk(batch_id, user.id):
        await expired(update, context)
        return
    await show(update, context.text(Text.BULK_CANCELLED))


async def confirm(update: Update, context: BotContext, batch_id: int, *, notify: bool) -> None:
    """Confirmed: move the leads the preview showed, those still as it showed them (once,
    whoever presses twice); a preview older than PREVIEW_LIFETIME is refused."""
    content, language = context.content, context.language(update)
    prepared = await _prepared(update, context, batch_id)
    chosen, stage = prepared or (PipelineFilter(), None)
    if stage is None:
        await expired(update, context)
        return
    store = context.services.store
    who = actor(update)
    started = await bulk_moves.start_bulk_move(
        store, batch_id, stage, actor=who, notify=notify, filter_words=chosen.words()
    )
    if started == "expired":
        minutes = int(bulk_moves.PREVIEW_LIFETIME.total_seconds() // 60)
        await show(update, context.text(Text.BULK_PREVIEW_EXPIRED, minutes=minutes))
        return
    if started == "gone":
        await expired(update, context)
        return
    await answer_query(update)
    forwarding = context.services.settings.forwarding()
    number = started.number
    result = await bulk_moves.bulk_move(
        store,
        content,
        batch_id,
        started.preview,
        stage,
        actor=who,
        notify=notify,
        forwarding=forwarding,
    )
    log.info(
        "Bulk move %d: %d lead(s) to %s, %d message(s), %d without the stage's consent",
        number,
        result.moved,
        stage,
        result.messages,
        result.no_consent,
    )
    stage_label = pipeline_stages.stage_label(content, stage, language)
    skipped = bulk_moves.skipped_changed(content, language, result)
    if result.duplicates:
        skipped += bulk_moves.skipped_duplicates(content, language, result)
    skipped += bulk_moves.skipped_withdrawn(
        content, language, result.withdrawn, result.withdrawn_minor
    )
    if result.told:
        skipped += context.text(Text.BULK_SKIPPED_TOLD, count=result.told)
    if result.no_consent and forwarding is None:
        skipped += context.text(
            Text.BULK_SKIPPED_FORWARDING_OFF, count=result.no_consent, stage=stage_label
        )
    elif result.no_consent and forwarding is not None:
        skipped += context.text(
            Text.BULK_SKIPPED_NO_CONSENT,
            count=result.no_consent,
            stage=stage_label,
            recipient=forwarding.recipient,
        )
    text = context.text(
        Text.BULK_DONE,
        id=number,
        moved=result.moved,
        stage=stage_label,
        messages=result.messages,
        skipped=skipped,
    )
    await show(update, text, answered=True)  # answered before the move, which may take a while
