"""The lead pipeline in Telegram: /leads with filters, /lead, stages, notes, bulk moves, /status.

Staff actions are checked with `staff_desk` on every command and press (others get nothing)
and recorded in the audit log by the core; the logic lives in bot/leads/ (lead_filters.py,
pipeline_stages.py, stage_changes.py, bulk_moves.py).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ApplicationHandlerStop, BaseHandler, CallbackQueryHandler, CommandHandler
from telegram.ext import filters as tg_filters

from bot import commands
from bot.content import Content
from bot.leads import (
    cancelling,
    filter_words,
    form_order,
    lead_filters,
    pipeline_stages,
    records,
    stage_changes,
)
from bot.leads.digest import LIST as DIGEST_LIST
from bot.leads.export import SECTOR_ALIASES as SECTORS
from bot.leads.export import plain_text
from bot.leads.lead_filters import FilterError, PipelineFilter, parse_code
from bot.leads.pipeline_stages import StageError
from bot.leads.stage_changes import NoteError
from bot.parsing import small_int, telegram_id
from bot.settings import Settings
from bot.store import Lead, Store
from bot.store.applications import parse_reference
from bot.store.pipeline import NOTE_LIMIT, LeadState, Move
from bot.texts import Text
from handlers import lead_search, pipeline_bulk, privacy, records_answers, talent_status
from handlers import pipeline_views as views
from handlers import records as records_desk
from handlers.common import BotContext, answer_query, reply, show
from handlers.pipeline_views import LeadDetails
from handlers.staff import actor, closed_alert, expired, staff_desk, workspace_url
from handlers.staff_views import CALLBACK_LIMIT, LIST, OPEN, PAGE_SIZE, lead_list
from handlers.views import STATUS, button

log = logging.getLogger(__name__)

PROMPT_LIFETIME = timedelta(minutes=30)  # a Note press older than this no longer takes text
PREFIX = "pl:"


async def _names(context: BotContext, ids: set[int | None]) -> dict[int, str]:
    """Staff members' names as the bot knows them (their Telegram first name)."""
    return await records.staff_names(context.services.store, ids)


async def _reference(context: BotContext, application_id: int) -> str:
    """A lead's reference (references are given at submission, not derived from the id);
    "This lead" for one that is gone (erased: its number is no longer known)."""
    found = await context.services.store.records.reference_of(application_id)
    return found or context.text(Text.RECORDS_THIS_LEAD)


# ----- the list --------------------------------------------------------------------------------


async def _show_list(
    update: Update, context: BotContext, chosen: PipelineFilter, page: int, *, anew: bool = False
) -> None:
    leads = context.services.store.leads
    user = update.effective_user
    extra: dict[int, list[str]] = {}
    movable = 0  # no Move all of the waiting list
    left_out = 0  # a stage's leads closed as a duplicate, not listed
    if chosen.waiting and chosen.duplicates:  # a lead closed as a duplicate never waits
        shown: list[Lead] = []
        total = 0
    elif chosen.waiting:  # longest in their stage first (bot/leads/waiting.py)
        shown, total, extra = await records_desk.waiting_list(update, context, chosen, page)
        page = min(max(page, 0), max(0, (total - 1) // PAGE_SIZE))
    else:
        where = chosen.lead_filter(user.id if user else None)
        total = await leads.total(where)
        page = min(max(page, 0), max(0, (total - 1) // PAGE_SIZE))
        shown = await leads.page(page * PAGE_SIZE, PAGE_SIZE, where)
        # Move all offers the leads it can move, of those listed: not those closed as a
        # duplicate nor those their talent cancelled (a list of only them offers none,
        # rather than counting the others).
        if total and not where.closed_duplicate and not where.withdrawn:
            movable = await leads.total(replace(where, closed_duplicate=False, withdrawn=False))
        if where.closed_duplicate is False:  # a stage: what it leaves out, said under it
            left_out = await leads.total(replace(where, closed_duplicate=True))
    closed = await records_desk.add_marks(context, shown, extra)
    # Names and references are personal data: who saw which, recorded before showing.
    await context.services.store.audit.add_each(
        actor(update),
        "lead_listed",
        [lead.reference for lead in shown if lead.reference],
        filter=chosen.words(),
        page=page + 1,
    )
    language = context.language(update)
    text, markup = lead_list(
        context.content,
        language,
        shown,
        page,
        total,
        names=await _names(context, {lead.assignee_id for lead in shown}),
        described=views.describe(context.content, language, chosen),
        code=chosen.code(),
        workspace=workspace_url(update, context),
        extra=extra,
        closed=closed,
        movable=movable,
        minors=await cancelling.minor_cancels_among(context.services.store, shown),
    )
    if left_out:
        also = replace(chosen, duplicates=True).typed(language)
        text += "\n\n" + context.text(Text.LEADS_CLOSED_LEFT_OUT, count=left_out, words=also)
    if anew:  # below the message pressed (the daily digest), which stays
        await answer_query(update)
        await reply(update, text, markup)
        return
    await show(update, text, markup)


@staff_desk
async def leads_command(update: Update, context: BotContext) -> None:
    """/leads [stage] [musik|film] [mine|unassigned]: the latest leads, a page at a time."""
    try:
        chosen = lead_filters.parse_filter(context.args or [], context.content)
    except FilterError as error:
        await reply(update, _leads_refusal(context, error), _meant_markup(context, error))
        return
    await _show_list(update, context, chosen, 0)


def _meant_markup(context: BotContext, error: FilterError) -> InlineKeyboardMarkup | None:
    """Under "Did you mean “shortlist”?": a button that runs /leads with the word meant, as a
    new list below (a staff review s65: staff retyped it); none if that filter is no filter
    either, or too long for a button."""
    args = list(context.args or [])
    if error.suggestion is None or error.word not in args:
        return None
    args[args.index(error.word)] = error.suggestion
    try:
        meant = lead_filters.parse_filter(args, context.content)
    except FilterError:
        return None
    data = DIGEST_LIST + meant.code()
    if len(data.encode()) > CALLBACK_LIMIT:
        return None
    label = context.text(Text.BTN_FILTER_MEANT, words=meant.typed(context.language()))
    return InlineKeyboardMarkup([[button(label, data)]])


def _leads_refusal(context: BotContext, error: FilterError) -> str:
    """The word not understood, the filter meant (or /lead for a name), then the filters."""
    content, language = context.content, context.language()
    # /lead reads a field of work too ("/leads film bali": "/lead film bali", not "/lead
    # bali", the workspace's review); the other filter words it would read as a name.
    typed = [word for word in context.args or [] if word == error.word or word.lower() in SECTORS]
    hint = filter_words.unknown_word_hint(
        content, language, " ".join(typed) or error.word, error.suggestion, by_name=error.by_name
    )
    stages = pipeline_stages.stage_list(content, language)
    lines = [context.text(Text.LEADS_UNKNOWN_FILTER, word=error.word), hint]
    lines.append(context.text(Text.LEADS_USAGE, stages=stages))
    return "\n".join(line for line in lines if line)


@staff_desk
async def leads_button(update: Update, context: BotContext) -> None:
    """Another page of the (filtered) lead list."""
    data = update.callback_query.data if update.callback_query else None
    page, _, code = (data or "").removeprefix(LIST).partition(":")
    try:
        chosen = parse_code(code, context.content)
    except FilterError:
        chosen = PipelineFilter()
    await _show_list(update, context, chosen, small_int(page) or 0)


# ----- one lead --------------------------------------------------------------------------------


async def _lead_view(
    update: Update,
    context: BotContext,
    lead: Lead,
    *,
    back_page: int = 0,
    code: str = "",
    viewed: bool = True,
) -> tuple[str, InlineKeyboardMarkup | None] | None:
    """The lead's page; records that staff viewed it (before anything is shown).

    `viewed=False` only right after an action recorded in the audit log in its own entry
    (a stage saved, an assignment changed), which then stands for this view too: every page
    of a lead shown to staff is on record.
    """
    services, language = context.services, context.language(update)
    state = await services.store.pipeline.state(lead.application_id)
    if state is None:
        return None
    if viewed:
        await services.store.audit.add(actor(update), "lead_viewed", state.reference)
    details = await lead_details(
        services.store, context.content, services.settings, language, state, lead
    )
    return views.lead_screen(
        context.content,
        language,
        lead,
        details,
        actor(update).user_id or 0,
        back_page,
        code,
        workspace_url(update, context),
    )


async def lead_details(
    store: Store, content: Content, settings: Settings, language: str, state: LeadState, lead: Lead
) -> LeadDetails:
    """Everything the lead's page shows besides its answers (read, not audited)."""
    notes, notes_total = await store.pipeline.notes(lead.application_id, views.SHOWN_NOTES)
    history, history_total = await store.pipeline.history(lead.application_id, views.SHOWN_HISTORY)
    people = {state.assignee_id, *(note.author.user_id for note in notes)}
    people |= {item.actor.user_id for item in history}
    people |= {
        small_int(value or "")
        for item in history
        if item.kind == "assign"
        for value in (item.from_value, item.to_value)
    }
    extras = await records_desk.lead_extras(store, content, language, lead, state, notes_total)
    people |= extras.people
    names = await records.staff_names(store, people)
    return LeadDetails(
        state=state,
        notes=notes,
        notes_total=notes_total,
        history=history,
        history_total=history_total,
        updates=await store.pipeline.update_counts(lead.application_id),
        names=names,
        forwarding=settings.forwarding(),
        changes=extras.history(content, language, names),
        changes_total=extras.changes_total,
        extra_text=extras.text,
        extra_rows=extras.rows,
        question_waiting=await store.support.question_waiting(lead.user_id),
        # A question in the form's note (listed on the Questions tab too): until staff answer.
        note_unanswered=await store.support.note_waits(lead.application_id),
        minor=form_order.minor(content, lead.answers),
        cancelled_as_minor=await cancelling.cancelled_as_minor(store, state),
    )


async def lead_page_text(
    store: Store, content: Content, settings: Settings, language: str, lead: Lead
) -> str | None:
    """The lead's page as staff read it in Telegram (its HTML, without the buttons), for
    `kocca-bot lead`; None for a lead no longer in the pipeline."""
    state = await store.pipeline.state(lead.application_id)
    if state is None:
        return None
    details = await lead_details(store, content, settings, language, state, lead)
    text, _ = views.lead_screen(content, language, lead, details, 0)
    return text


async def _open(
    update: Update,
    context: BotContext,
    application_id: int,
    *,
    back_page: int = 0,
    code: str = "",
    viewed: bool = True,
    answered: bool = False,
) -> None:
    """Show a lead's page in place of the pressed message (or as a new one); `answered`: the
    button's query was answered already (a toast), as for show()."""
    lead = await context.services.store.leads.get(application_id)
    screen = None
    if lead is not None:
        screen = await _lead_view(
            update, context, lead, back_page=back_page, code=code, viewed=viewed
        )
    if screen is None:
        reference = await _reference(context, application_id)
        await show(update, context.text(Text.PIPELINE_GONE, reference=reference), answered=answered)
        return
    await show(update, *screen, answered=answered)


async def _open_new(update: Update, context: BotContext, application_id: int) -> None:
    """Open a lead as a new message (from the new-lead alert, which stays as it is)."""
    lead = await context.services.store.leads.get(application_id)
    screen = await _lead_view(update, context, lead) if lead is not None else None
    await answer_query(update)
    if screen is None:
        reference = await _reference(context, application_id)
        await reply(update, context.text(Text.PIPELINE_GONE, reference=reference))
        return
    await reply(update, *screen)


@staff_desk
async def lead_button(update: Update, context: BotContext) -> None:
    """Open one lead from the list (or from a report)."""
    data = update.callback_query.data if update.callback_query else None
    parts = (data or "").removeprefix(OPEN).split(":", 2)
    application_id = small_int(parts[0])
    if application_id is None:
        await show(update, context.text(Text.LEAD_NOT_FOUND, reference="?"))
        return
    back = small_int(parts[1]) if len(parts) > 1 else None
    code = parts[2] if len(parts) > 2 else ""
    await _open(update, context, application_id, back_page=back or 0, code=code)


@staff_desk
async def lead_command(update: Update, context: BotContext) -> None:
    """/lead KOC-000123: open one lead by its reference; /lead Sari: find leads by name,
    email, phone number or city."""
    if not context.args:
        await reply(update, context.text(Text.LEAD_USAGE))
        return
    typed = " ".join(context.args)
    reference = parse_reference(typed)

    async def open_lead(lead: Lead | None) -> None:
        screen = await _lead_view(update, context, lead) if lead is not None else None
        if screen is None:
            await reply(update, await privacy.missing_lead(context, typed, reference))
            return
        await reply(update, *screen)

    if reference is None and await lead_search.found(update, context, typed, open_lead):
        return  # a name, an email, a phone number: the leads it finds
    store = context.services.store
    await open_lead(await store.leads.by_reference(reference) if reference else None)


# ----- buttons of a lead's page, previews, bulk moves --------------------------------------


@staff_desk
async def pipeline_button(update: Update, context: BotContext) -> None:
    """Every pipeline button: pl:<action>:<arguments> (forged or stale data answered kindly)."""
    query = update.callback_query
    if query is None:
        return
    action, _, rest = (query.data or "").removeprefix(PREFIX).partition(":")
    args = rest.split(":")
    number = small_int(args[0]) if args else None
    if action == "b":
        await pipeline_bulk.start(update, context, rest)
    elif action == "nx":
        await _note_cancel(update, context)
    elif number is None:
        await expired(update, context)
    elif action == "s" and len(args) == 3 and small_int(args[2]) is not None:
        await _stage_press(update, context, number, args[1], int(args[2]))
    elif action == "c" and len(args) == 4 and small_int(args[2]) is not None:
        version = int(args[2])
        await _confirm_press(update, context, number, args[1], version, notify=args[3] == "1")
    elif action == "n":
        await _note_press(update, context, number)
    elif action == "a" and len(args) in (2, 3):
        seen = telegram_id(args[2]) if len(args) == 3 else None  # older buttons: nobody
        await _assign_press(update, context, number, to_me=args[1] == "1", seen=seen or None)
    elif action == "bs" and len(args) == 2:
        await pipeline_bulk.choose_stage(update, context, number, args[1])
    elif action == "bc" and len(args) == 2:
        await pipeline_bulk.confirm(update, context, number, notify=args[1] == "1")
    elif action == "bx":
        await pipeline_bulk.cancel(update, context, number)
    elif action == "bk":
        await pipeline_bulk.skip_outcomes(update, context, number)
    elif action == "o":
        await _open_new(update, context, number)
    elif action == "again":
        await _send_again(update, context, number)
    else:
        await expired(update, context)


async def _stage_press(
    update: Update, context: BotContext, application_id: int, stage: str, version: int
) -> None:
    """A stage button: a stage with a talent message is previewed first, others saved."""
    content, language = context.content, context.language(update)
    store = context.services.store
    reference = await _reference(context, application_id)
    if stage not in content.stages:
        await _unknown_stage(update, context, application_id, stage)
        return
    state = await store.pipeline.state(application_id)
    if state is not None and state.version == version and state.stage == stage:
        label = pipeline_stages.stage_label(content, stage, language)
        there = context.text(Text.PIPELINE_ALREADY_THERE, reference=reference, stage=label)
        await answer_query(update, there)  # the current stage: the page stays as it is
        return
    current = state if state is not None and state.version == version else None
    forwarding = context.services.settings.forwarding()
    message = None
    if current is not None and not pipeline_stages.lacks_consent(
        content, stage, current, forwarding
    ):
        message = pipeline_stages.message_for(content, stage, current, forwarding)
    if current is None or message is None or current.closed_duplicate or current.withdrawn_at:
        # Saved at once (a stage without a message), or refused by the store, which records
        # why in the audit log: erased, changed meanwhile, closed as a duplicate (an old
        # page's button: Reopen first), lacking the consent it needs.
        move = await stage_changes.change_stage(
            store,
            content,
            application_id,
            stage,
            actor=actor(update),
            notify=False,
            forwarding=forwarding,
            expected_version=version,
        )
        if move.outcome == "no_consent":
            await closed_alert(update, context, stage)
            return
        if move.outcome != "saved":
            await _report_move(update, context, reference, stage, move)
            return
        label = pipeline_stages.stage_label(content, stage, language)
        saved = context.text(Text.PIPELINE_SAVED, reference=reference, stage=label)
        await answer_query(update, plain_text(saved))
        await _open(update, context, application_id, viewed=False, answered=True)
        return
    intro = await stage_changes.lead_preview_intro(store, content, language, current, stage)
    await answer_query(update)
    await reply(update, intro)
    buttons = views.preview_buttons(content, language, current, stage)
    translation = pipeline_stages.translation_for(content, stage, current, forwarding, language)
    if translation is None:
        await reply(update, message.text, buttons)
        return
    # Under the exact text, the same in the staff member's language, said to be theirs only;
    # the choice comes last, under both.
    await reply(update, message.text)
    said = content.text(Text.PIPELINE_PREVIEW_TRANSLATION, language)
    await reply(update, f"{said}\n\n{translation.text}", buttons)


async def _confirm_press(
    update: Update,
    context: BotContext,
    application_id: int,
    stage: str,
    version: int,
    *,
    notify: bool,
) -> None:
    """Send update / Don't notify under a preview: only now is the stage saved."""
    chat = update.effective_chat
    reference = await _reference(context, application_id)
    try:
        move = await stage_changes.change_stage(
            context.services.store,
            context.content,
            application_id,
            stage,
            actor=actor(update),
            notify=notify,
            forwarding=context.services.settings.forwarding(),
            expected_version=version,
            report_chat_id=chat.id if chat else None,
        )
    except StageError:
        await _unknown_stage(update, context, application_id, stage)
        return
    await _report_move(update, context, reference, stage, move, quiet=not notify)


async def _unknown_stage(
    update: Update, context: BotContext, application_id: int, stage: str
) -> None:
    """A stage content no longer has (stale) or never had (forged): refused and recorded."""
    wanted = pipeline_stages.clean_key(stage)  # callback data: never echoed or logged as it came
    await context.services.store.pipeline.refuse(
        application_id, actor(update), "unknown_stage", wanted=wanted
    )
    await answer_query(update)
    await reply(update, context.text(Text.PIPELINE_UNKNOWN_STAGE, stage=wanted))


async def _report_move(
    update: Update,
    context: BotContext,
    reference: str,
    stage: str,
    move: Move,
    *,
    quiet: bool = False,
) -> None:
    """What became of a stage change, with a button to open the lead again (`quiet`: saved
    with Don't notify, which the confirmation says)."""
    content, language = context.content, context.language(update)
    current = move.state.stage if move.state else stage
    label = pipeline_stages.stage_label(content, current, language)
    forwarding = context.services.settings.forwarding()
    key = {
        "saved": stage_changes.saved_text(move, Text.PIPELINE_SAVED_NOTIFYING, quiet=quiet),
        "conflict": Text.PIPELINE_CONFLICT,
        "same": Text.PIPELINE_ALREADY_THERE,
        "gone": Text.PIPELINE_GONE,
        "no_consent": Text.PIPELINE_NO_CONSENT_TRANSFER,
        "closed_duplicate": Text.PIPELINE_CLOSED_DUPLICATE,
        "withdrawn": Text.PIPELINE_WITHDRAWN,
    }[move.outcome]
    store = context.services.store
    # Cancelled by the bot (under 18, no guardian's consent), not its talent (s62, N2).
    withdrawn = move.outcome == "withdrawn" and move.state is not None
    if withdrawn and move.state and await cancelling.cancelled_as_minor(store, move.state):
        key = Text.PIPELINE_WITHDRAWN_UNDER_18
    values = {}
    if move.outcome == "closed_duplicate":  # of which lead: say why, not only "reopen"
        values["other"] = pipeline_stages.closed_of(content, language, move.state)
    if move.outcome == "no_consent":  # the stage it was not moved to, not the current one
        label = pipeline_stages.stage_label(content, stage, language)
        if forwarding is None:
            key = Text.PIPELINE_FORWARDING_OFF
        else:
            values["recipient"] = forwarding.recipient
    text = context.text(key, reference=reference, stage=label, **values)
    markup = None
    if move.state is not None:
        button = views.open_button(content, language, reference, move.state.application_id)
        markup = InlineKeyboardMarkup([[button]])
    await show(update, text, markup)


# ----- notes -----------------------------------------------------------------------------------


async def _note_press(update: Update, context: BotContext, application_id: int) -> None:
    """Note: the admin's next text in this chat becomes the note."""
    chat, user = update.effective_chat, update.effective_user
    store = context.services.store
    state = await store.pipeline.state(application_id)
    if chat is None or user is None or state is None:
        reference = await _reference(context, application_id)
        await show(update, context.text(Text.PIPELINE_GONE, reference=reference))
        return
    text = context.text(Text.PIPELINE_NOTE_PROMPT, reference=state.reference)
    # In the staff group the note is a reply to this prompt, not any next message: said first.
    in_group = context.text(Text.PIPELINE_NOTE_PROMPT_GROUP, reference=state.reference)
    await records_answers.ask_text(update, context, text, application_id, "note", in_group=in_group)


async def _note_cancel(update: Update, context: BotContext) -> None:
    user = update.effective_user
    if user is not None:
        await context.services.store.pipeline.clear_prompt(user.id)
    await show(update, context.text(Text.PIPELINE_NOTE_CANCELLED))


async def note_input(update: Update, context: BotContext) -> None:
    """The text an admin sends after pressing Note; anything else passes on untouched."""
    user, message, chat = update.effective_user, update.message, update.effective_chat
    services = context.services
    if user is None or message is None or chat is None or not services.settings.is_admin(user.id):
        return
    store = services.store.pipeline
    prompt = store.prompt_for(user.id)
    if prompt is None or prompt.chat_id != chat.id:
        return
    if (message.text or "").startswith("/"):
        await store.clear_prompt(user.id)  # a command: the admin moved on
        name = message.text.split()[0][1:].split("@")[0].lower() if message.text else ""
        if name in commands.CANCEL.names:  # said to the prompt, not to a form
            await reply(update, context.text(Text.PIPELINE_NOTE_CANCELLED))
            raise ApplicationHandlerStop
        return
    asked = datetime.fromisoformat(prompt.created_at)
    if datetime.now(UTC) - asked > PROMPT_LIFETIME:
        await store.clear_prompt(user.id)
        return
    replied = message.reply_to_message
    if chat.type != "private" and (replied is None or replied.message_id != prompt.message_id):
        return  # in a group only a reply to the prompt is the note
    if message.text is None:
        await reply(update, context.text(Text.PIPELINE_NOTE_TEXT_ONLY))
        raise ApplicationHandlerStop
    if prompt.purpose != "note":  # an answer or a note's new text (handlers/records.py)
        if await records_desk.prompted_text(update, context, prompt, message.text):
            await store.clear_prompt(user.id)
        raise ApplicationHandlerStop
    if await _save_note(update, context, prompt.application_id, message.text):
        await store.clear_prompt(user.id)
    raise ApplicationHandlerStop


async def checked_note(update: Update, context: BotContext, text: str) -> str | None:
    """The note as it will be kept; None (the reason said) if it is empty or too long."""
    try:
        return stage_changes.check_note(text)
    except NoteError:
        length = len(text.strip())
        key = Text.PIPELINE_NOTE_TOO_LONG if length > NOTE_LIMIT else Text.PIPELINE_NOTE_USAGE
        await reply(update, context.text(key, length=length) if length else context.text(key))
        return None


async def _save_note(update: Update, context: BotContext, application_id: int, text: str) -> bool:
    """Keep the note and confirm; False (with the reason) if it cannot be kept."""
    reference = await _reference(context, application_id)
    checked = await checked_note(update, context, text)
    if checked is None:
        return False
    text = checked
    note = await context.services.store.pipeline.add_note(application_id, actor(update), text)
    if note is None:
        await reply(update, context.text(Text.PIPELINE_GONE, reference=reference))
        return True  # nothing left to take a note for
    button = views.open_button(context.content, context.language(update), reference, application_id)
    markup = InlineKeyboardMarkup([[button]])
    await reply(update, context.text(Text.PIPELINE_NOTE_SAVED, reference=reference), markup)
    return True


@staff_desk
async def note_command(update: Update, context: BotContext) -> None:
    """/catatan KOC-000123 text (/note): keep a note without pressing a button."""
    message = update.message
    words = (message.text or "").split(maxsplit=2) if message else []
    reference = parse_reference(words[1]) if len(words) > 1 else None
    if reference is None or len(words) < 3:
        usage = context.text(Text.PIPELINE_NOTE_USAGE)
        if reference is None and len(words) > 1:  # a name, perhaps: /lead finds it
            usage = context.text(Text.PIPELINE_NOTE_NOT_REFERENCE, word=words[1]) + "\n" + usage
        await reply(update, usage)
        return
    lead = await context.services.store.leads.by_reference(reference)
    if lead is None:
        await reply(update, await privacy.missing_lead(context, words[1], reference))
        return
    await _save_note(update, context, lead.application_id, words[2])


# ----- assignment ------------------------------------------------------------------------------


async def _assign_press(
    update: Update, context: BotContext, application_id: int, *, to_me: bool, seen: int | None
) -> None:
    """Assign to me, checked against who the page showed handling the lead (`seen`), or
    Unassign (shown only to the one who handles it): releases only the presser's own
    assignment. Either is refused, and the page shown again, when a colleague has it now."""
    who = actor(update)
    store = context.services.store
    wanted = who.user_id if to_me else None
    assigned = await store.pipeline.assign(
        application_id, who, wanted, seen if to_me else who.user_id
    )
    reference = await _reference(context, application_id)
    if assigned is None:
        await show(update, context.text(Text.PIPELINE_GONE, reference=reference))
        return
    if assigned.refused:  # recorded; the page again shows who has it, one press takes it over
        names = await records.staff_names(store, {assigned.state.assignee_id})
        language = context.language(update)
        said = records.assign_refusal(
            context.content, language, assigned, wanted, who.user_id, names
        )
        await answer_query(update, said, alert=True)
        await _open(update, context, application_id, viewed=False, answered=True)
        return
    key = Text.PIPELINE_ASSIGNED if to_me else Text.PIPELINE_UNASSIGNED
    await answer_query(update, context.text(key, reference=reference))
    # The page shows the whole lead: its view is audited, by the assignment's own entry if
    # there was one (a stale Unassign of a lead nobody handles records nothing else).
    await _open(update, context, application_id, viewed=not assigned.changed, answered=True)


async def _send_again(update: Update, context: BotContext, update_id: int) -> None:
    """Send an uncertain or failed talent message once more, if it still says the lead's
    current stage (a lead moved on since would get an outdated update)."""
    store, content = context.services.store, context.content
    queued = await store.talent_updates.get(update_id)
    if queued is None:
        await expired(update, context)
        return
    state = await store.pipeline.state(queued.application_id)
    forwarding = context.services.settings.forwarding()
    consent = pipeline_stages.needed_consent(content, queued.stage, forwarding)
    refusal = None
    values = {}
    if state is not None and state.stage != queued.stage:
        refusal = Text.UPDATE_OUTDATED
    elif state is not None and state.lacks(consent) and forwarding is None:
        refusal = Text.UPDATE_FORWARDING_OFF
    elif state is not None and state.lacks(consent) and forwarding is not None:
        refusal = Text.UPDATE_NO_CONSENT_TRANSFER
        values["recipient"] = forwarding.recipient
    if state is not None and refusal is not None:
        label = pipeline_stages.stage_label(content, state.stage, context.language(update))
        await answer_query(update)
        text = context.text(refusal, reference=state.reference, stage=label, **values)
        await reply(update, text)
        return
    if not await store.talent_updates.send_again(update_id, consent):
        await expired(update, context)  # sent, superseded or erased meanwhile
        return
    await store.talent_updates.reopen(queued.batch_id)
    await store.audit.add(actor(update), "update_resent", queued.reference, update=update_id)
    await answer_query(update)
    await reply(update, context.text(Text.UPDATE_QUEUED_AGAIN, reference=queued.reference or ""))


# ----- talents ---------------------------------------------------------------------------------


async def status(update: Update, context: BotContext) -> None:
    """/status: the talent's registrations with reference, date and stage (never notes)."""
    user = update.effective_user
    if user is None:
        return
    await show(
        update, *await talent_status.status_screen(context, user.id, context.language(update))
    )


# For the other staff buttons on a lead's page (handlers/records.py).
open_lead = _open
report_move = _report_move
show_list = _show_list


def handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """The pipeline's handlers, for `handlers.register` (staff_desk decides where they work)."""
    new_messages = tg_filters.UpdateType.MESSAGE
    private = tg_filters.ChatType.PRIVATE
    return [
        CommandHandler(commands.LEADS.names, leads_command, filters=new_messages),
        CommandHandler(commands.LEAD.names, lead_command, filters=new_messages),
        CommandHandler(commands.NOTE.names, note_command, filters=new_messages),
        CommandHandler(commands.STATUS.names, status, filters=private & new_messages),
        CallbackQueryHandler(leads_button, pattern=f"^{LIST}"),
        CallbackQueryHandler(lead_button, pattern=f"^{OPEN}"),
        CallbackQueryHandler(pipeline_button, pattern=f"^{PREFIX}"),
        CallbackQueryHandler(status, pattern=f"^{STATUS}$"),
    ]
