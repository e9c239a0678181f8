"""Staff notes in Telegram: every note of a lead, one opened in full, edited or deleted by
its author (bot/store/staff_notes.py keeps the rules and the audit)."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot.leads import records
from bot.texts import Text
from handlers import pipeline as desk
from handlers import records_views as views
from handlers.common import BotContext, answer_query, reply, show
from handlers.records_answers import NOTE_EDIT, ask_text, gone
from handlers.staff import actor
from handlers.views import button


async def notes(update: Update, context: BotContext, application_id: int) -> None:
    store = context.services.store
    reference = await store.records.reference_of(application_id)
    if reference is None:
        await gone(update, context)
        return
    notes = await store.staff_notes.notes_of(application_id)
    names = await records.staff_names(store, {note.author_id for note in notes})
    await show(
        update,
        *views.notes_list(
            context.content, context.language(), reference, application_id, notes, names
        ),
    )


async def note_open(update: Update, context: BotContext, note_id: int) -> None:
    store = context.services.store
    note = await store.staff_notes.note(note_id)
    if note is None:
        await answer_query(update, context.text(Text.RECORDS_NOTE_GONE), alert=True)
        return
    names = await records.staff_names(store, {note.author_id})
    viewer = actor(update).user_id or 0
    await show(update, *views.note_full(context.content, context.language(), note, names, viewer))


async def note_edit(update: Update, context: BotContext, note_id: int) -> None:
    note = await context.services.store.staff_notes.note(note_id)
    if note is None:
        await answer_query(update, context.text(Text.RECORDS_NOTE_GONE), alert=True)
        return
    who = actor(update)
    if note.author_id != who.user_id or note.via != who.via:
        await answer_query(update, context.text(Text.RECORDS_NOTE_NOT_YOURS), alert=True)
        return
    text = context.text(Text.RECORDS_NOTE_EDIT_PROMPT, text=note.text)
    await ask_text(update, context, text, note.application_id, NOTE_EDIT, argument=str(note_id))


async def save_note_text(update: Update, context: BotContext, note_id: int, text: str) -> bool:
    """The new text of a note: checked like a new note, then kept (only by its author)."""
    checked = await desk.checked_note(update, context, text)
    if checked is None:
        return False
    store = context.services.store
    note = await store.staff_notes.note(note_id)
    outcome = await records.edit_note(store, note_id, actor(update), checked)
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


async def note_delete(
    update: Update, context: BotContext, note_id: int, *, confirmed: bool
) -> None:
    store = context.services.store
    note = await store.staff_notes.note(note_id)
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
    await notes(update, context, note.application_id)
