"""Staff keep records clean in Telegram: contacted in one step, answers corrected, notes
opened, edited and deleted, leads handed to another admin, duplicates closed or reopened,
and the waiting list. Thin: the rules live in bot/leads/records.py and the store.

Every press is checked with `staff_desk` (others get nothing) and audited by the core.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from telegram import ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from bot.content import Content, Question
from bot.leads import intake, pipeline, records, waiting
from bot.leads.pipeline import FilterError, NoteError, PipelineFilter, parse_code
from bot.parsing import small_int
from bot.store import Lead
from bot.store.pipeline import NOTE_LIMIT, LeadState, Prompt
from bot.store.records import LeadChange
from bot.texts import Text
from handlers import pipeline as desk
from handlers import records_alerts
from handlers import records_views as views
from handlers.common import BotContext, answer_query, reply, show
from handlers.pipeline_views import SHOWN_HISTORY, open_button
from handlers.registration_views import answer_text
from handlers.staff import actor, expired, staff_desk
from handlers.staff_views import PAGE_SIZE
from handlers.views import button

log = logging.getLogger(__name__)

ANSWER = "answer"  # staff_prompts.purpose: the admin's next text corrects an answer
NOTE_EDIT = "note_edit"  # ... replaces a note's text


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
    context: BotContext, lead: Lead, state: LeadState, notes_total: int
) -> LeadExtras:
    """Contact links, duplicates, their buttons, and answer changes for the history."""
    store, content, language = context.services.store, context.content, context.language()
    found = await records.duplicates(store, lead.application_id)
    changes, total = await records.changes(store, lead.application_id, SHOWN_HISTORY)
    return LeadExtras(
        text=views.lead_section(content, language, records.contact(content, lead.answers), found),
        rows=views.lead_rows(content, language, state, found, notes_total),
        changes=changes,
        changes_total=total,
        people={change.actor.user_id for change in changes},
    )


async def add_marks(context: BotContext, shown: list[Lead], extra: dict[int, list[str]]) -> None:
    """Under each listed lead: the leads it may duplicate."""
    marks = await records.page_marks(
        context.services.store, [lead.application_id for lead in shown]
    )
    for application_id, found in marks.items():
        references = [mark.other_reference for mark in found]
        line = views.marks_line(context.content, context.language(), references)
        extra.setdefault(application_id, []).append(line)


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
    elif action == "ea":
        await _edit_choose(update, context, number)
    elif action == "eq" and second:
        await _edit_question(update, context, number, second)
    elif action == "ev" and second:
        await _edit_choice(update, context, number, second)
    elif action == "ec":
        await _edit_clear(update, context, number)
    elif action == "as":
        await _assign_choose(update, context, number)
    elif action == "at" and small_int(second) is not None:
        await _assign_to(update, context, number, int(second) or None)
    elif action == "nl":
        await _notes(update, context, number)
    elif action == "nv":
        await _note_open(update, context, number)
    elif action == "ne":
        await _note_edit(update, context, number)
    elif action == "nd":
        await _note_delete(update, context, number, confirmed=False)
    elif action == "ny":
        await _note_delete(update, context, number, confirmed=True)
    elif action == "dc" and len(args) == 3 and small_int(second) and small_int(args[2]) is not None:
        await _close_duplicate(update, context, number, int(second), int(args[2]))
    elif action == "dr":
        await _reopen(update, context, number)
    else:
        await expired(update, context)


async def _ask_text(
    update: Update,
    context: BotContext,
    text: str,
    application_id: int,
    purpose: str,
    *,
    argument: str | None = None,
    expected: str | None = None,
    rows: list[list[InlineKeyboardButton]] | None = None,
) -> None:
    """Ask for the admin's next text in this chat (in a group: a reply to this prompt)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return
    await answer_query(update)
    if chat.type == "private":
        cancel = [[button(context.text(Text.BTN_CANCEL), "pl:nx")]]
        markup = InlineKeyboardMarkup(rows if rows is not None else cancel)
        prompt = await chat.send_message(text, reply_markup=markup)
    else:  # a reply keyboard cannot go with buttons: choices are typed there
        prompt = await chat.send_message(text, reply_markup=ForceReply(selective=False))
    store = context.services.store
    if purpose == "note":
        await store.pipeline.set_prompt(user.id, chat.id, prompt.message_id, application_id)
    else:
        await store.records.set_prompt(
            user.id, chat.id, prompt.message_id, application_id, purpose, argument, expected
        )


async def _gone(update: Update, context: BotContext) -> None:
    await show(
        update, context.text(Text.PIPELINE_GONE, reference=context.text(Text.RECORDS_THIS_LEAD))
    )


# ----- contact in one step -----------------------------------------------------------------------


async def _contacted(
    update: Update, context: BotContext, application_id: int, version: int
) -> None:
    """📞 Contacted: the lead moves to the contacted stage; a one-line note is asked for."""
    content, store = context.content, context.services.store
    stage = records.contacted_stage(content)
    if stage is None:
        await answer_query(update)
        await reply(update, context.text(Text.RECORDS_NO_CONTACT_STAGE))
        return
    move = await pipeline.change_stage(
        store,
        content,
        application_id,
        stage,
        actor=actor(update),
        notify=False,  # contact is staff's own step; a stage message goes only when asked for
        expected_version=version,
    )
    if move.outcome not in ("saved", "same") or move.state is None:
        reference = move.state.reference if move.state else context.text(Text.RECORDS_THIS_LEAD)
        await desk.report_move(update, context, reference, stage, move)
        return
    label = pipeline.stage_label(content, stage, context.language())
    text = context.text(Text.RECORDS_CONTACTED_PROMPT, reference=move.state.reference, stage=label)
    await _ask_text(update, context, text, application_id, "note")


# ----- correcting an answer ----------------------------------------------------------------------


async def _edit_choose(update: Update, context: BotContext, application_id: int) -> None:
    lead = await context.services.store.leads.get(application_id)
    if lead is None or lead.reference is None:
        await _gone(update, context)
        return
    language = context.language()
    await show(
        update,
        *views.edit_choose(context.content, language, lead.reference, application_id, lead.answers),
    )


async def _edit_question(
    update: Update, context: BotContext, application_id: int, key: str
) -> None:
    """Show the answer now and wait for the correction (the answer as seen is kept, so a
    correction made by someone else meanwhile is not overwritten)."""
    store, content = context.services.store, context.content
    lead = await store.leads.get(application_id)
    if lead is None or lead.reference is None:
        await _gone(update, context)
        return
    try:
        question = records.editable(content, lead.answers, key)
    except records.EditError as error:
        await answer_query(update)
        await reply(update, context.text(error.reason))
        return
    had, stored = await store.records.answer_as_stored(application_id, key)
    expected = json.dumps({"had": had, "value": stored})
    text, rows = views.edit_prompt(
        content, context.language(), lead.reference, application_id, question, lead.answers
    )
    await _ask_text(
        update, context, text, application_id, ANSWER, argument=key, expected=expected, rows=rows
    )


def _prompt(context: BotContext, update: Update, application_id: int) -> Prompt | None:
    """This admin's open answer prompt for this lead in this chat, if any."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return None
    prompt = context.services.store.pipeline.prompt_for(user.id)
    if prompt is None or prompt.purpose != ANSWER or prompt.chat_id != chat.id:
        return None
    return prompt if prompt.application_id == application_id else None


async def _edit_choice(
    update: Update, context: BotContext, application_id: int, value: str
) -> None:
    """A choice pressed under the answer prompt."""
    prompt = _prompt(context, update, application_id)
    lead = await context.services.store.leads.get(application_id)
    question = context.content.questions.get(prompt.argument or "") if prompt else None
    if prompt is None or question is None:
        await expired(update, context)
        return
    if lead is None:
        await _gone(update, context)
        return
    outcome = records.check_choice(context.content, question, lead.answers, value)
    await answer_query(update)
    if await _take(update, context, prompt, question, lead, outcome):
        await context.services.store.pipeline.clear_prompt(prompt.admin_id)


async def _edit_clear(update: Update, context: BotContext, application_id: int) -> None:
    """🧹 Clear the answer (optional questions only)."""
    prompt = _prompt(context, update, application_id)
    lead = await context.services.store.leads.get(application_id)
    question = context.content.questions.get(prompt.argument or "") if prompt else None
    if prompt is None or question is None:
        await expired(update, context)
        return
    if lead is None:
        await _gone(update, context)
        return
    await answer_query(update)
    if await _take(update, context, prompt, question, lead, intake.Accepted(None)):
        await context.services.store.pipeline.clear_prompt(prompt.admin_id)


async def prompted_text(update: Update, context: BotContext, prompt: Prompt, text: str) -> bool:
    """An admin's text after an answer or note-edit prompt; True once it is dealt with."""
    store = context.services.store
    if prompt.purpose == NOTE_EDIT:
        return await _save_note_text(update, context, small_int(prompt.argument or "") or 0, text)
    lead = await store.leads.get(prompt.application_id)
    question = context.content.questions.get(prompt.argument or "")
    if lead is None or question is None or prompt.purpose != ANSWER:
        await reply(update, context.text(Text.RECORDS_EDIT_GONE))
        return True
    outcome = records.check_answer(context.content, question, lead.answers, text)
    return await _take(update, context, prompt, question, lead, outcome)


async def _take(
    update: Update,
    context: BotContext,
    prompt: Prompt,
    question: Question,
    lead: Lead,
    outcome: intake.Outcome,
) -> bool:
    """Save a validated correction; explain a refusal (the prompt stays for another try)."""
    content, language = context.content, context.language()
    reference = lead.reference or ""
    if isinstance(outcome, intake.Rejected):
        await reply(update, context.text(outcome.reason, **outcome.values))
        return False
    if isinstance(outcome, intake.Matches):  # several provinces: pick one
        text, rows = views.edit_prompt(
            content,
            language,
            reference,
            lead.application_id,
            question,
            lead.answers,
            matches=outcome.values,
        )
        await reply(update, text, InlineKeyboardMarkup(rows))
        return False
    seen = json.loads(prompt.expected or "{}")
    try:
        result = await records.edit_answer(
            context.services.store,
            content,
            lead.application_id,
            question.key,
            seen.get("value"),
            bool(seen.get("had")),
            outcome.value,
            actor(update),
        )
    except records.EditError as error:
        await reply(update, context.text(error.reason))
        return False
    label = question.label.get(language)
    before = answer_text(
        content,
        language,
        question.key,
        lead.answers.get(question.key),
        question.key in lead.answers,
    )
    now = answer_text(content, language, question.key, result.current, result.has_current)
    opener = InlineKeyboardMarkup(
        [[open_button(content, language, reference, lead.application_id)]]
    )
    if result.outcome == "gone":
        await reply(update, context.text(Text.RECORDS_EDIT_GONE))
    elif result.outcome == "conflict":
        key = Text.RECORDS_EDIT_CONFLICT
        await reply(
            update, context.text(key, question=label, reference=reference, current=now), opener
        )
    elif result.outcome == "same":
        await reply(
            update,
            context.text(Text.RECORDS_EDIT_SAME, question=label, reference=reference),
            opener,
        )
    else:
        saved = context.text(
            Text.RECORDS_EDIT_SAVED, question=label, reference=reference, before=before, after=now
        )
        await reply(update, saved, opener)
    return True


# ----- notes -------------------------------------------------------------------------------------


async def _notes(update: Update, context: BotContext, application_id: int) -> None:
    store = context.services.store
    reference = await store.records.reference_of(application_id)
    if reference is None:
        await _gone(update, context)
        return
    notes = await store.records.notes_of(application_id)
    names = await records.staff_names(store, {note.author_id for note in notes})
    await show(
        update,
        *views.notes_list(
            context.content, context.language(), reference, application_id, notes, names
        ),
    )


async def _note_open(update: Update, context: BotContext, note_id: int) -> None:
    store = context.services.store
    note = await store.records.note(note_id)
    if note is None:
        await answer_query(update, context.text(Text.RECORDS_NOTE_GONE), alert=True)
        return
    names = await records.staff_names(store, {note.author_id})
    viewer = actor(update).user_id or 0
    await show(update, *views.note_full(context.content, context.language(), note, names, viewer))


async def _note_edit(update: Update, context: BotContext, note_id: int) -> None:
    note = await context.services.store.records.note(note_id)
    if note is None:
        await answer_query(update, context.text(Text.RECORDS_NOTE_GONE), alert=True)
        return
    who = actor(update)
    if note.author_id != who.user_id or note.via != who.via:
        await answer_query(update, context.text(Text.RECORDS_NOTE_NOT_YOURS), alert=True)
        return
    text = context.text(Text.RECORDS_NOTE_EDIT_PROMPT, text=note.text)
    await _ask_text(update, context, text, note.application_id, NOTE_EDIT, argument=str(note_id))


async def _save_note_text(update: Update, context: BotContext, note_id: int, text: str) -> bool:
    """The new text of a note: checked like a new note, then kept (only by its author)."""
    try:
        text = pipeline.check_note(text)
    except NoteError:
        length = len(text.strip())
        key = Text.PIPELINE_NOTE_TOO_LONG if length > NOTE_LIMIT else Text.PIPELINE_NOTE_USAGE
        await reply(update, context.text(key, length=length) if length else context.text(key))
        return False
    store = context.services.store
    note = await store.records.note(note_id)
    outcome = await records.edit_note(store, note_id, actor(update), text)
    if outcome == "gone" or note is None:
        await reply(update, context.text(Text.RECORDS_NOTE_GONE))
    elif outcome == "not_yours":
        await reply(update, context.text(Text.RECORDS_NOTE_NOT_YOURS))
    else:
        await reply(
            update,
            context.text(Text.RECORDS_NOTE_EDITED, reference=note.reference),
            InlineKeyboardMarkup(
                [
                    [
                        button(
                            context.text(Text.BTN_NOTES, count="…"),
                            f"{views.NOTES}{note.application_id}",
                        )
                    ]
                ]
            ),
        )
    return True


async def _note_delete(
    update: Update, context: BotContext, note_id: int, *, confirmed: bool
) -> None:
    store = context.services.store
    note = await store.records.note(note_id)
    if note is None:
        await answer_query(update, context.text(Text.RECORDS_NOTE_GONE), alert=True)
        return
    who = actor(update)
    mine = note.author_id == who.user_id and note.via == who.via
    if not confirmed and not mine:
        await answer_query(update, context.text(Text.RECORDS_NOTE_NOT_YOURS), alert=True)
        return
    if not confirmed:
        await show(update, *views.delete_confirm(context.content, context.language(), note))
        return
    outcome = await records.delete_note(store, note_id, who)  # checks (and audits) again
    if outcome != "saved":
        key = Text.RECORDS_NOTE_NOT_YOURS if outcome == "not_yours" else Text.RECORDS_NOTE_GONE
        await answer_query(update, context.text(key), alert=True)
        return
    await answer_query(update, context.text(Text.RECORDS_NOTE_DELETED, reference=note.reference))
    await _notes(update, context, note.application_id)


# ----- handing over ------------------------------------------------------------------------------


async def _assign_choose(update: Update, context: BotContext, application_id: int) -> None:
    store, settings = context.services.store, context.services.settings
    reference = await store.records.reference_of(application_id)
    if reference is None:
        await _gone(update, context)
        return
    admins = sorted(settings.admin_ids)
    names = await records.staff_names(store, admins)
    await show(
        update,
        *views.assign_choose(
            context.content, context.language(), reference, application_id, admins, names
        ),
    )


async def _assign_to(
    update: Update, context: BotContext, application_id: int, admin: int | None
) -> None:
    store, settings = context.services.store, context.services.settings
    try:
        state = await records.assign(
            store, application_id, actor(update), admin, settings.admin_ids
        )
    except records.AssignError:
        await answer_query(update, context.text(Text.RECORDS_NOT_ADMIN), alert=True)
        return
    if state is None:
        await _gone(update, context)
        return
    if admin is None:
        toast = context.text(Text.RECORDS_UNASSIGNED, reference=state.reference)
    else:
        names = await records.staff_names(store, {admin})
        toast = context.text(Text.RECORDS_ASSIGNED_TO, reference=state.reference, name=names[admin])
    await answer_query(update, toast)
    await desk.open_lead(update, context, application_id, viewed=False)


# ----- duplicates --------------------------------------------------------------------------------


async def _close_duplicate(
    update: Update, context: BotContext, application_id: int, other: int, version: int
) -> None:
    store = context.services.store
    outcome = await records.close_duplicate(store, application_id, other, actor(update), version)
    this = await store.records.reference_of(application_id) or context.text(Text.RECORDS_THIS_LEAD)
    that = await store.records.reference_of(other) or context.text(Text.RECORDS_THIS_LEAD)
    if outcome == "saved":
        await answer_query(
            update, context.text(Text.RECORDS_DUPLICATE_CLOSED, reference=this, other=that)
        )
        await desk.open_lead(update, context, application_id, viewed=False)
        return
    if outcome == "gone":
        await _gone(update, context)
        return
    key = {
        "same": Text.RECORDS_DUPLICATE_SAME,
        "other_gone": Text.RECORDS_DUPLICATE_OTHER_GONE,
        "other_closed": Text.RECORDS_DUPLICATE_OTHER_CLOSED,
        "conflict": Text.RECORDS_DUPLICATE_CONFLICT,
        "self": Text.RECORDS_DUPLICATE_SAME,
    }[outcome]
    markup = InlineKeyboardMarkup(
        [[open_button(context.content, context.language(), this, application_id)]]
    )
    await answer_query(update)
    await reply(update, context.text(key, reference=this, other=that), markup)


async def _reopen(update: Update, context: BotContext, application_id: int) -> None:
    store = context.services.store
    outcome = await records.reopen_duplicate(store, application_id, actor(update))
    if outcome == "gone":
        await _gone(update, context)
        return
    reference = await store.records.reference_of(application_id) or ""
    await answer_query(update, context.text(Text.RECORDS_DUPLICATE_REOPENED, reference=reference))
    await desk.open_lead(update, context, application_id, viewed=False)


def handlers() -> list[CallbackQueryHandler[BotContext, None]]:
    """This module's buttons, for `handlers.register` (staff_desk decides where they work)."""
    return [
        CallbackQueryHandler(records_alerts.mute_button, pattern=f"^{records_alerts.MUTE}[01]$"),
        CallbackQueryHandler(records_button, pattern=f"^{views.PREFIX}"),
    ]
