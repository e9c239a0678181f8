"""Staff keep records clean in Telegram: contacted in one step, answers corrected, notes
opened, edited and deleted, leads handed to another admin, duplicates closed or reopened,
and the waiting list. Thin: the rules live in bot/leads/records.py and the store.

Every press is checked with `staff_desk` (others get nothing) and audited by the core.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from bot.content import Content
from bot.leads import cancelling, pipeline_stages, records, stage_changes, waiting
from bot.leads.lead_filters import FilterError, PipelineFilter, parse_code
from bot.parsing import small_int, telegram_id
from bot.store import Lead, Store
from bot.store.pipeline import LeadState, Prompt
from bot.store.records import LeadChange
from bot.texts import Text
from handlers import pipeline as desk
from handlers import records_alerts, records_answers, records_notes
from handlers import records_views as views
from handlers.common import BotContext, answer_query, reply, show
from handlers.pipeline_views import SHOWN_HISTORY, open_button
from handlers.staff import actor, expired, staff_desk
from handlers.staff_views import PAGE_SIZE
from handlers.views import button

log = logging.getLogger(__name__)


# ----- the lead page and lists -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LeadExtras:
    """What this module adds to a lead's page."""

    text: str
    rows: list[list[InlineKeyboardButton]]
    changes: list[LeadChange]
    changes_total: int
    people: set[int | None] = field(default_factory=set)

    def history(self, content: Content, language: str, names: dict[int, str]) -> list[Any]:
        """(time, line) of each answer change or duplicate link, for the history."""
        return [
            (change.created_at, views.history_line(content, language, change, names))
            for change in self.changes
        ]


async def lead_extras(
    store: Store, content: Content, language: str, lead: Lead, state: LeadState, notes_total: int
) -> LeadExtras:
    """Contact links, duplicates, their buttons, and answer changes for the history."""
    found = await records.duplicates(store, lead.application_id)
    changes, total = await records.changes(store, lead.application_id, SHOWN_HISTORY)
    names = await records.staff_names(store, {item.actor.user_id for item in found.dismissed})
    contact = records.contact(content, lead.answers)
    return LeadExtras(
        text=views.lead_section(content, language, contact, found, names),
        rows=views.lead_rows(content, language, state, found, notes_total),
        changes=changes,
        changes_total=total,
        people={change.actor.user_id for change in changes},
    )


async def add_marks(
    context: BotContext, shown: list[Lead], extra: dict[int, list[str]]
) -> set[int]:
    """Under each listed lead: closed as a duplicate of which, or the leads it may duplicate;
    the leads closed as a duplicate."""
    store, language = context.services.store, context.language()
    ids = [lead.application_id for lead in shown]
    closed = await records.page_closed(store, ids)
    for application_id, other in closed.items():
        line = records.closed_line(context.content, language, other)
        extra.setdefault(application_id, []).append(line)
    for application_id, found in (await records.page_marks(store, ids)).items():
        lines = views.marks_lines(context.content, language, found)
        extra.setdefault(application_id, []).extend(lines)
    return set(closed)


async def waiting_list(
    update: Update, context: BotContext, chosen: PipelineFilter, page: int
) -> tuple[list[Lead], int, dict[int, list[str]]]:
    """A page of waiting leads, longest in their stage first, with how long each waits."""
    services, user = context.services, update.effective_user
    now = datetime.now(UTC)

    async def read(number: int) -> tuple[list[Any], int]:
        return await waiting.waiting_page(
            services.store,
            context.content,
            services.settings,
            chosen,
            user.id if user else None,
            number * PAGE_SIZE,
            PAGE_SIZE,
            now,
        )

    found, total = await read(max(page, 0))
    if not found and total:  # past the end (leads moved meanwhile): the last page
        found, total = await read((total - 1) // PAGE_SIZE)
    language = context.language()
    extra = {
        lead.application_id: [
            views.waiting_line(context.content, language, item, waiting.waiting_days(item, now))
        ]
        for lead, item in found
    }
    return [lead for lead, _ in found], total, extra


# ----- buttons -----------------------------------------------------------------------------------


@staff_desk
async def records_button(update: Update, context: BotContext) -> None:
    """Every rc: button (forged or stale data answered kindly)."""
    query = update.callback_query
    if query is None:
        return
    data = query.data or ""
    action, _, rest = data.removeprefix(views.PREFIX).partition(":")
    if action == "dl":  # a list the daily digest opens, as a new message
        try:
            chosen = parse_code(rest, context.content)
        except FilterError:
            chosen = PipelineFilter()
        await desk.show_list(update, context, chosen, 0, anew=True)
        return
    args = rest.split(":")
    number = small_int(args[0])
    if number is None:
        await expired(update, context)
        return
    second = args[1] if len(args) > 1 else ""
    if action == "ct" and small_int(second) is not None:
        await _contacted(update, context, number, int(second))
    elif action == "cu":
        await _contacted_undo(update, context, number)
    elif action == "ea":
        await records_answers.edit_choose(update, context, number)
    elif action == "eq" and second:
        await records_answers.edit_question(update, context, number, second)
    elif action == "ev" and second:
        await records_answers.edit_choice(update, context, number, second)
    elif action == "ec":
        await records_answers.edit_clear(update, context, number)
    elif action == "as":
        await _assign_choose(update, context, number)
    elif action == "at" and telegram_id(second) is not None:
        seen = telegram_id(args[2]) if len(args) > 2 else None  # older buttons: nobody
        await _assign_to(update, context, number, telegram_id(second) or None, seen or None)
    elif action == "nl":
        await records_notes.notes(update, context, number)
    elif action == "nv":
        await records_notes.note_open(update, context, number)
    elif action == "ne":
        await records_notes.note_edit(update, context, number)
    elif action == "nd":
        await records_notes.note_delete(update, context, number, confirmed=False)
    elif action == "ny":
        await records_notes.note_delete(update, context, number, confirmed=True)
    elif action in ("dc", "dq") and _pair_at(args):
        close = _close_duplicate if action == "dc" else _ask_close_duplicate
        await close(update, context, number, int(second), int(args[2]))
    elif action == "dr":
        await _reopen(update, context, number)
    elif action in ("dn", "du") and len(args) == 2 and small_int(second):
        await _not_duplicate(update, context, number, int(second), undo=action == "du")
    else:
        await expired(update, context)


def _pair_at(args: list[str]) -> bool:
    """Whether a duplicate button's data holds the other lead and a version (0 is one)."""
    return len(args) == 3 and bool(small_int(args[1])) and small_int(args[2]) is not None


# ----- contact in one step -----------------------------------------------------------------------


async def _contacted(
    update: Update, context: BotContext, application_id: int, version: int
) -> None:
    """📞 Log a contact: a one-line note is asked for; a lead before the contacted stage
    moves to it first (Cancel then moves it back). A lead at or past that stage, or closed
    as a duplicate, stays where it is: the button never moves a lead backwards."""
    content, store = context.content, context.services.store
    stage = records.contacted_stage(content)
    if stage is None:
        await answer_query(update)
        await reply(update, context.text(Text.RECORDS_NO_CONTACT_STAGE))
        return
    state = await store.pipeline.state(application_id)
    if state is None:
        await records_answers.gone(update, context)
        return
    language = context.language()
    if state.withdrawn_at:  # an older page's button: its talent (or the bot) cancelled it since
        await answer_query(update)
        minor = await cancelling.cancelled_as_minor(store, state)  # under 18 (s62, N2)
        said = Text.RECORDS_CONTACTED_WITHDRAWN_UNDER_18 if minor else None
        await reply(
            update,
            context.text(said or Text.RECORDS_CONTACTED_WITHDRAWN, reference=state.reference),
        )
        return
    if not records.moves_forward(content, state, stage):
        label = pipeline_stages.stage_label(content, state.stage, language)
        # Closed as a duplicate: says why its stage stays (a review: it read as redundant).
        closed = state.closed_duplicate
        stays = Text.RECORDS_CONTACTED_CLOSED if closed else Text.RECORDS_CONTACTED_STAYS
        text = context.text(stays, reference=state.reference, stage=label)
        await records_answers.ask_text(update, context, text, application_id, "note")
        return
    move = await stage_changes.change_stage(
        store,
        content,
        application_id,
        stage,
        actor=actor(update),
        notify=False,  # contact is staff's own step; a stage message goes only when asked for
        expected_version=version,
        forwarding=context.services.settings.forwarding(),
    )
    if move.outcome != "saved" or move.state is None:
        reference = move.state.reference if move.state else context.text(Text.RECORDS_THIS_LEAD)
        await desk.report_move(update, context, reference, stage, move)
        return
    text = context.text(
        Text.RECORDS_CONTACTED_PROMPT,
        reference=move.state.reference,
        stage=pipeline_stages.stage_label(content, stage, language),
        before=pipeline_stages.stage_label(content, state.stage, language),
    )
    cancel = [[button(context.text(Text.BTN_CANCEL), f"{views.CONTACTED_UNDO}{application_id}")]]
    # The prompt keeps the stage before and the version after the move, for Cancel to undo it.
    await records_answers.ask_text(
        update,
        context,
        text,
        application_id,
        "note",
        argument=state.stage,
        expected=str(move.state.version),
        rows=cancel,
    )


async def _contacted_undo(update: Update, context: BotContext, application_id: int) -> None:
    """Cancel under the prompt right after 📞 moved a lead: no note, and the lead goes back
    to its stage before, unless something changed it since (its version)."""
    store, content, user = context.services.store, context.content, update.effective_user
    prompt = store.pipeline.prompt_for(user.id) if user else None
    if prompt is None or prompt.application_id != application_id or prompt.argument is None:
        await expired(update, context)  # a note saved, or another prompt since
        return
    await store.pipeline.clear_prompt(prompt.admin_id)
    before, version = prompt.argument, small_int(prompt.expected or "")
    state = await store.pipeline.state(application_id)
    if state is None:
        await records_answers.gone(update, context)
        return
    language = context.language()
    if version is None or state.version != version or before not in content.stages:
        label = pipeline_stages.stage_label(content, state.stage, language)
        text = context.text(Text.RECORDS_CONTACTED_KEPT, reference=state.reference, stage=label)
        await show(update, text, _opener(context, state.reference, application_id))
        return
    move = await stage_changes.change_stage(
        store,
        content,
        application_id,
        before,
        actor=actor(update),
        notify=False,
        expected_version=version,
        forwarding=context.services.settings.forwarding(),
    )
    if move.outcome != "saved" or move.state is None:
        await desk.report_move(update, context, state.reference, before, move)
        return
    await store.audit.add(actor(update), "contacted_undone", state.reference, stage=before)
    label = pipeline_stages.stage_label(content, before, language)
    text = context.text(Text.RECORDS_CONTACTED_UNDONE, reference=state.reference, stage=label)
    await show(update, text, _opener(context, state.reference, application_id))


def _opener(context: BotContext, reference: str, application_id: int) -> InlineKeyboardMarkup:
    """A button opening the lead again."""
    opener = open_button(context.content, context.language(), reference, application_id)
    return InlineKeyboardMarkup([[opener]])


async def prompted_text(update: Update, context: BotContext, prompt: Prompt, text: str) -> bool:
    """An admin's text after an answer or note-edit prompt; True once it is dealt with."""
    store = context.services.store
    if prompt.purpose == records_answers.NOTE_EDIT:
        return await records_notes.save_note_text(
            update, context, small_int(prompt.argument or "") or 0, text
        )
    lead = await store.leads.get(prompt.application_id)
    question = context.content.questions.get(prompt.argument or "")
    if lead is None or question is None or prompt.purpose != records_answers.ANSWER:
        await reply(update, context.text(Text.RECORDS_EDIT_GONE))
        return True
    outcome = records.check_answer(context.content, question, lead.answers, text)
    return await records_answers.take(update, context, prompt, question, lead, outcome)


# ----- handing over ------------------------------------------------------------------------------


async def _assign_choose(update: Update, context: BotContext, application_id: int) -> None:
    """Assign to…: one button per admin and Nobody, under who handles the lead now (each
    button carries that, so a colleague taking it meanwhile is not overruled unsaid)."""
    store, settings = context.services.store, context.services.settings
    state = await store.pipeline.state(application_id)
    if state is None:
        await records_answers.gone(update, context)
        return
    admins = sorted(settings.admin_ids)
    names = await records.staff_names(store, {*admins, state.assignee_id})
    await show(
        update, *views.assign_choose(context.content, context.language(), state, admins, names)
    )


async def _assign_to(
    update: Update, context: BotContext, application_id: int, admin: int | None, seen: int | None
) -> None:
    store, settings = context.services.store, context.services.settings
    who = actor(update)
    try:
        assigned = await records.assign(store, application_id, who, admin, settings.admin_ids, seen)
    except records.AssignError:
        await answer_query(update, context.text(Text.RECORDS_NOT_ADMIN), alert=True)
        return
    if assigned is None:
        await records_answers.gone(update, context)
        return
    state = assigned.state
    names = await records.staff_names(store, {admin, state.assignee_id})
    if assigned.refused:  # recorded; the choice again, under who has it now: one more press
        said = records.assign_refusal(
            context.content, context.language(), assigned, admin, who.user_id, names
        )
        await answer_query(update, said, alert=True)
        await _assign_choose(update, context, application_id)
        return
    if admin is None:
        toast = context.text(Text.RECORDS_UNASSIGNED, reference=state.reference)
    else:
        toast = context.text(Text.RECORDS_ASSIGNED_TO, reference=state.reference, name=names[admin])
    await answer_query(update, toast)
    # The page shows the whole lead: its view is the assignment's own audit entry, or, when
    # nothing changed (and so nothing was recorded), a view of its own.
    await desk.open_lead(update, context, application_id, viewed=not assigned.changed)


# ----- duplicates --------------------------------------------------------------------------------


async def _ask_close_duplicate(
    update: Update, context: BotContext, application_id: int, other: int, version: int
) -> None:
    """Closing a lead as a duplicate, asked first: both references, and what the later one
    says differently (a staff review: closed on one tap, its new email and program unseen)."""
    store = context.services.store
    language = context.language(update)
    lead = await store.leads.get(application_id)
    if lead is not None and lead.closed_duplicate:  # an old page's button: says why not
        await _close_duplicate(update, context, application_id, other, version)
        return
    other_reference = await store.records.reference_of(other)
    found = None
    if lead is not None and lead.reference is not None and other_reference is not None:
        found = await records.before_closing(
            store, context.content, language, lead, other, actor(update)
        )
    if lead is None or lead.reference is None or other_reference is None or found is None:
        await records_answers.gone(update, context)
        return
    this = lead.reference
    lines = [
        f"🔁 {context.text(Text.WS_DUPLICATE_CONFIRM, reference=this, other=other_reference)}",
        context.text(Text.WS_DUPLICATE_CONFIRM_INTRO, reference=this),
        "",
    ]
    if found.accounts:  # two Telegram accounts: what closing stops on the closed one's
        lines.extend((found.accounts, ""))
    if found.differences:
        said = context.text(
            Text.WS_DUPLICATE_CONFIRM_DIFFERS, reference=this, other=other_reference
        )
        lines.append(said)
        lines.extend(
            context.text(
                Text.RECORDS_DUPLICATE_DIFFERENCE,
                label=item.label,
                this=item.this,
                reference=this,
                other=item.other,
                other_reference=other_reference,
            )
            for item in found.differences
        )
    else:
        lines.append(context.text(Text.WS_DUPLICATE_ALIKE, other=other_reference))
    yes = context.text(Text.WS_DUPLICATE_CONFIRM_YES)
    markup = InlineKeyboardMarkup(
        [
            [button(yes, f"{views.CLOSE_DUPLICATE}{application_id}:{other}:{version}")],
            [views.back_to_lead(context.content, language, this, application_id)],
        ]
    )
    await answer_query(update)
    await reply(update, "\n".join(lines), markup)


async def _close_duplicate(
    update: Update, context: BotContext, application_id: int, other: int, version: int
) -> None:
    store = context.services.store
    outcome = await records.close_duplicate(store, application_id, other, actor(update), version)
    this = await store.records.reference_of(application_id) or context.text(Text.RECORDS_THIS_LEAD)
    that = await records.outcome_other(
        store, context.content, context.language(update), outcome, application_id, other
    )
    if outcome == "saved":
        await answer_query(
            update, context.text(Text.RECORDS_DUPLICATE_CLOSED, reference=this, other=that)
        )
        await desk.open_lead(update, context, application_id, viewed=False)
        return
    if outcome == "gone":
        await records_answers.gone(update, context)
        return
    key = records.DUPLICATE_OUTCOME_TEXTS[outcome]
    markup = InlineKeyboardMarkup(
        [[open_button(context.content, context.language(), this, application_id)]]
    )
    await answer_query(update)
    await reply(update, context.text(key, reference=this, other=that), markup)


async def _reopen(update: Update, context: BotContext, application_id: int) -> None:
    store = context.services.store
    outcome = await records.reopen_duplicate(store, application_id, actor(update))
    if outcome == "gone":
        await records_answers.gone(update, context)
        return
    reference = await store.records.reference_of(application_id) or ""
    await answer_query(update, context.text(Text.RECORDS_DUPLICATE_REOPENED, reference=reference))
    await desk.open_lead(update, context, application_id, viewed=False)


async def _not_duplicate(
    update: Update, context: BotContext, application_id: int, other: int, *, undo: bool
) -> None:
    """✋ Not a duplicate (two people: the pair's mark goes from both leads), or ↩️ Mark
    again; audited. The page is shown again, as after closing."""
    store, language = context.services.store, context.language(update)
    outcome, said = await records.not_duplicate(
        store, context.content, language, application_id, other, actor(update), undo=undo
    )
    if outcome == "gone":
        await records_answers.gone(update, context)
        return
    if outcome in ("saved", "same"):  # saved: its audit entry stands for this view too
        await answer_query(update, said)
        await desk.open_lead(update, context, application_id, viewed=outcome == "same")
        return
    this = await store.records.reference_of(application_id) or ""
    markup = InlineKeyboardMarkup([[open_button(context.content, language, this, application_id)]])
    await answer_query(update)
    await reply(update, said, markup)


def handlers() -> list[CallbackQueryHandler[BotContext, None]]:
    """This module's buttons, for `handlers.register` (staff_desk decides where they work)."""
    return [
        CallbackQueryHandler(records_alerts.mute_button, pattern=f"^{records_alerts.MUTE}[01]$"),
        CallbackQueryHandler(records_button, pattern=f"^{views.PREFIX}"),
    ]
