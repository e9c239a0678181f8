"""Staff correct an answer in Telegram: which question, the answer now, the correction
validated like the form and saved only if nobody changed it meanwhile (bot/leads/records.py)."""

from __future__ import annotations

import json
from collections.abc import Callable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.content import Question
from bot.leads import answer_outcomes, records
from bot.leads.records import answer_text
from bot.store import Lead
from bot.store.pipeline import Prompt
from bot.texts import Text
from handlers import records_views as views
from handlers.common import BotContext, answer_query, reply, show
from handlers.pipeline_views import open_button
from handlers.staff import actor, expired
from handlers.views import button

ANSWER = "answer"  # staff_prompts.purpose: the admin's next text corrects an answer
NOTE_EDIT = "note_edit"  # ... replaces a note's text


async def ask_text(
    update: Update,
    context: BotContext,
    text: str,
    application_id: int,
    purpose: str,
    *,
    argument: str | None = None,
    expected: str | None = None,
    rows: list[list[InlineKeyboardButton]] | None = None,
    in_group: str | None = None,
) -> None:
    """Ask for the admin's next text in this chat (in a group: a reply to this prompt, which
    it says: a forced reply cannot go with buttons, and Cancel and the choices must show);
    `in_group`: the prompt's own group wording, which leads with the reply."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return
    await answer_query(update)
    if chat.type != "private" and in_group is not None:
        text = in_group
    elif chat.type != "private":
        text = f"{text}\n\n{context.text(Text.RECORDS_REPLY_HINT)}"
    cancel = [[button(context.text(Text.BTN_CANCEL), "pl:nx")]]
    markup = InlineKeyboardMarkup(rows if rows is not None else cancel)
    prompt = await chat.send_message(text, reply_markup=markup)
    store = context.services.store
    if purpose == "note" and argument is None:
        await store.pipeline.set_prompt(user.id, chat.id, prompt.message_id, application_id)
    else:
        await store.records.set_prompt(
            user.id, chat.id, prompt.message_id, application_id, purpose, argument, expected
        )


async def gone(update: Update, context: BotContext) -> None:
    await show(
        update, context.text(Text.PIPELINE_GONE, reference=context.text(Text.RECORDS_THIS_LEAD))
    )


async def edit_choose(update: Update, context: BotContext, application_id: int) -> None:
    lead = await context.services.store.leads.get(application_id)
    if lead is None or lead.reference is None:
        await gone(update, context)
        return
    language = context.language()
    await show(
        update,
        *views.edit_choose(context.content, language, lead.reference, application_id, lead.answers),
    )


async def edit_question(update: Update, context: BotContext, application_id: int, key: str) -> None:
    """Show the answer now and wait for the correction (the answer as seen is kept, so a
    correction made by someone else meanwhile is not overwritten)."""
    store, content = context.services.store, context.content
    lead = await store.leads.get(application_id)
    if lead is None or lead.reference is None:
        await gone(update, context)
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
    await ask_text(
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


async def edit_choice(update: Update, context: BotContext, application_id: int, value: str) -> None:
    """A choice pressed under the answer prompt."""
    content = context.content
    await _pressed(
        update,
        context,
        application_id,
        lambda question, lead: records.check_choice(content, question, lead.answers, value),
    )


async def edit_clear(update: Update, context: BotContext, application_id: int) -> None:
    """🧹 Clear the answer (optional questions only)."""
    await _pressed(
        update, context, application_id, lambda question, lead: answer_outcomes.Accepted(None)
    )


async def _pressed(
    update: Update,
    context: BotContext,
    application_id: int,
    decide: Callable[[Question, Lead], answer_outcomes.Outcome],
) -> None:
    """A button under the answer prompt: the correction it stands for, taken like a text."""
    prompt = _prompt(context, update, application_id)
    lead = await context.services.store.leads.get(application_id)
    question = context.content.questions.get(prompt.argument or "") if prompt else None
    if prompt is None or question is None:
        await expired(update, context)
        return
    if lead is None:
        await gone(update, context)
        return
    await answer_query(update)
    if await take(update, context, prompt, question, lead, decide(question, lead)):
        await context.services.store.pipeline.clear_prompt(prompt.admin_id)


async def take(
    update: Update,
    context: BotContext,
    prompt: Prompt,
    question: Question,
    lead: Lead,
    outcome: answer_outcomes.Outcome,
) -> bool:
    """Save a validated correction; explain a refusal (the prompt stays for another try)."""
    content, language = context.content, context.language()
    reference = lead.reference or ""
    if isinstance(outcome, answer_outcomes.Rejected):
        await reply(update, context.text(outcome.reason, **outcome.values))
        return False
    if isinstance(outcome, answer_outcomes.Matches):  # several provinces: pick one
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
