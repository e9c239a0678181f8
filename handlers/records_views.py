"""How a clean record looks to staff in Telegram: contact links, duplicates and their
buttons on the lead page, answer corrections, notes in full, handing over, history lines."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.content import Content, Markup, Question
from bot.leads import form_order, records
from bot.leads.export import wib_words
from bot.leads.records import answer_text, change_line
from bot.store.audit import Actor
from bot.store.cancellations import TALENT_WITHDRAWAL, UNDER_18
from bot.store.duplicates import DuplicateMark
from bot.store.pipeline import LeadState
from bot.store.records import LeadChange
from bot.store.staff_notes import StaffNote
from bot.store.waiting import WaitingLead
from bot.texts import Text
from handlers.pipeline_views import who
from handlers.staff_views import Screen
from handlers.views import button, pairs

# Callback data of these staff buttons (every press is checked with staff_desk).
PREFIX = "rc:"
CONTACTED = "rc:ct:"  # rc:ct:<application>:<version>
CONTACTED_UNDO = "rc:cu:"  # rc:cu:<application>: Cancel under the prompt, undoing the move
EDIT = "rc:ea:"  # rc:ea:<application>: which answer
EDIT_QUESTION = "rc:eq:"  # rc:eq:<application>:<question key>
EDIT_VALUE = "rc:ev:"  # rc:ev:<application>:<choice value> (the question is in the prompt)
EDIT_CLEAR = "rc:ec:"  # rc:ec:<application>
ASSIGN = "rc:as:"  # rc:as:<application>: to whom
ASSIGN_TO = "rc:at:"  # rc:at:<application>:<admin id, 0: nobody>:<assignee shown, 0: nobody>
NOTES = "rc:nl:"  # rc:nl:<application>
NOTE_OPEN = "rc:nv:"  # rc:nv:<note>
NOTE_EDIT = "rc:ne:"  # rc:ne:<note>
NOTE_DELETE = "rc:nd:"  # rc:nd:<note>: asks first
NOTE_DELETE_YES = "rc:ny:"  # rc:ny:<note>
CLOSE_DUPLICATE = "rc:dc:"  # rc:dc:<application>:<other application>:<version>
ASK_CLOSE_DUPLICATE = "rc:dq:"  # the same, asked first with what differs
REOPEN = "rc:dr:"  # rc:dr:<application>
NOT_DUPLICATE = "rc:dn:"  # rc:dn:<application>:<other application>: two people
MARK_AGAIN = "rc:du:"  # rc:du:<application>:<other application>: takes that back
NOTE_PREVIEW = 120  # characters of a note in the list (opened, it shows in full)
SHOWN_DUPLICATE_BUTTONS = 3


def lead_section(
    content: Content,
    language: str,
    contact: records.Contact,
    found: records.Duplicates,
    names: dict[int, str],
) -> str:
    """Contact links, possible duplicates, "closed as duplicate" links and the leads said to be
    another person (by whom, when), for the lead page."""
    lines = []
    reach = []
    if contact.whatsapp and contact.phone:
        reach.append(
            content.text(
                Text.RECORDS_CONTACT_PHONE, language, link=contact.whatsapp, phone=contact.phone
            )
        )
    if contact.mailto and contact.email:
        reach.append(
            content.text(
                Text.RECORDS_CONTACT_EMAIL, language, link=contact.mailto, email=contact.email
            )
        )
    if reach:
        lines.append(" · ".join(reach))
    links = found.links
    if links.closed and links.closed_of_reference:
        lines.append(
            content.text(
                Text.RECORDS_CLOSED_DUPLICATE, language, reference=links.closed_of_reference
            )
        )
    elif links.closed:
        lines.append(content.text(Text.RECORDS_CLOSED_DUPLICATE_GONE, language))
    if links.closed_here:
        references = ", ".join(reference for _, reference in links.closed_here)
        lines.append(content.text(Text.RECORDS_DUPLICATES_HERE, language, references=references))
    lines += [
        content.text(
            Text.RECORDS_WARNING, language, text=Markup(records.mark_text(content, language, mark))
        )
        for mark in found.marks
    ]
    lines += [
        content.text(
            Text.RECORDS_NOT_DUPLICATE_LINE,
            language,
            reference=item.other_reference,
            author=who(content, language, item.actor, names),
            time=wib_words(content, item.created_at, language),
        )
        for item in found.dismissed
    ]
    return "\n".join(lines)


def lead_rows(
    content: Content,
    language: str,
    state: LeadState,
    found: records.Duplicates,
    notes_total: int,
) -> list[list[InlineKeyboardButton]]:
    """Contacted, Edit answer, Assign to…, Notes, and the duplicate buttons: close as a
    duplicate (the later lead), not a duplicate (either lead), mark again. No Contacted on a
    lead its talent cancelled: nobody is to contact them about it (notes stay)."""
    app = state.application_id
    contacted = button(
        content.text(Text.BTN_CONTACTED, language), f"{CONTACTED}{app}:{state.version}"
    )
    rows = [
        [
            *([] if state.withdrawn_at else [contacted]),
            button(content.text(Text.BTN_EDIT_ANSWER, language), f"{EDIT}{app}"),
        ],
        [
            button(content.text(Text.BTN_ASSIGN_OTHER, language), f"{ASSIGN}{app}"),
            button(content.text(Text.BTN_NOTES, language, count=notes_total), f"{NOTES}{app}"),
        ],
    ]
    if found.links.closed:
        rows.append([button(content.text(Text.BTN_REOPEN, language), f"{REOPEN}{app}")])
    else:
        # Only the lead submitted later is closed as a duplicate: never the original.
        closable = [mark for mark in found.marks if mark.earlier]
        for mark in closable[:SHOWN_DUPLICATE_BUTTONS]:
            label = content.text(Text.BTN_CLOSE_DUPLICATE, language, reference=mark.other_reference)
            data = f"{ASK_CLOSE_DUPLICATE}{app}:{mark.other_id}:{state.version}"
            rows.append([button(label, data)])
    for mark in found.marks[:SHOWN_DUPLICATE_BUTTONS]:
        label = content.text(Text.BTN_NOT_DUPLICATE, language, reference=mark.other_reference)
        rows.append([button(label, f"{NOT_DUPLICATE}{app}:{mark.other_id}")])
    for item in found.dismissed[:SHOWN_DUPLICATE_BUTTONS]:
        # One pair: as what it marks, under the line naming it; several: which one.
        label = (
            content.text(Text.BTN_MARK_AGAIN_POSSIBLE, language)
            if len(found.dismissed) == 1
            else content.text(Text.BTN_MARK_AGAIN, language, reference=item.other_reference)
        )
        rows.append([button(label, f"{MARK_AGAIN}{app}:{item.other_id}")])
    return rows


def back_to_lead(
    content: Content, language: str, reference: str, application_id: int
) -> InlineKeyboardButton:
    """Open the lead's page again."""
    label = content.text(Text.BTN_BACK_TO_LEAD, language, reference=reference)
    return button(label, f"st:o:{application_id}")


# ----- answers --------------------------------------------------------------------------------


def edit_choose(
    content: Content, language: str, reference: str, application_id: int, answers: dict[str, Any]
) -> Screen:
    """One button per question staff may correct on this lead."""
    buttons = [
        button(question.label.get(language), f"{EDIT_QUESTION}{application_id}:{question.key}")
        for question in records.editable_questions(content, answers)
    ]
    rows = [*pairs(buttons), [back_to_lead(content, language, reference, application_id)]]
    text = content.text(Text.RECORDS_EDIT_CHOOSE, language, reference=reference)
    return text, InlineKeyboardMarkup(rows)


def edit_prompt(
    content: Content,
    language: str,
    reference: str,
    application_id: int,
    question: Question,
    answers: dict[str, Any],
    matches: list[str] | None = None,
) -> tuple[str, list[list[InlineKeyboardButton]]]:
    """What to send to correct one answer, with the choices as buttons where there are."""
    key = question.key
    current = answer_text(content, language, key, answers.get(key), key in answers)
    hint = ""
    choice_buttons: list[InlineKeyboardButton] = []
    if question.type == "multi_choice":
        hint = content.text(Text.RECORDS_EDIT_HINT_MULTI, language)
    elif question.type == "single_choice" or matches:
        hint = content.text(Text.RECORDS_EDIT_HINT_CHOICE, language)
        offered = (
            [(value, content.provinces[value].label) for value in matches]
            if matches
            else form_order.choices(question, content, answers)
        )
        choice_buttons = [
            button(label.get(language), f"{EDIT_VALUE}{application_id}:{value}")
            for value, label in offered
        ]
    text = content.text(
        Text.RECORDS_EDIT_PROMPT,
        language,
        question=question.label.get(language),
        reference=reference,
        current=current,
        hint=hint,
    )
    # What the talent typed after "Lainnya" goes with it: said before a press saves.
    for typed in records.typed_follow_ups(content, language, question, answers):
        text += f"\n{typed.words}"
    rows = pairs(choice_buttons)
    if not question.required:
        clear = content.text(Text.BTN_CLEAR_ANSWER, language)
        rows.append([button(clear, f"{EDIT_CLEAR}{application_id}")])
    rows.append([button(content.text(Text.BTN_CANCEL, language), "pl:nx")])
    return text, rows


# ----- notes ----------------------------------------------------------------------------------


def notes_list(
    content: Content,
    language: str,
    reference: str,
    application_id: int,
    notes: list[StaffNote],
    names: dict[int, str],
) -> Screen:
    """Every note shortened, newest first, each with a button to open it in full."""
    back = [back_to_lead(content, language, reference, application_id)]
    if not notes:
        text = content.text(Text.RECORDS_NOTES_NONE, language, reference=reference)
        return text, InlineKeyboardMarkup([back])
    lines = []
    buttons = []
    for number, note in enumerate(notes, 1):
        shortened = note.text if len(note.text) <= NOTE_PREVIEW else note.text[:NOTE_PREVIEW] + "…"
        lines.append(
            content.text(
                Text.RECORDS_NOTE_LINE,
                language,
                number=number,
                time=wib_words(content, note.created_at, language),
                author=_author(content, language, note, names),
                text=shortened,
            )
        )
        label = content.text(Text.BTN_NOTE_OPEN, language, number=number)
        buttons.append(button(label, f"{NOTE_OPEN}{note.id}"))
    text = content.text(
        Text.RECORDS_NOTES_LIST,
        language,
        reference=reference,
        count=len(notes),
        notes=Markup("\n".join(lines)),
    )
    rows = [buttons[index : index + 4] for index in range(0, len(buttons), 4)]
    return text, InlineKeyboardMarkup([*rows, back])


def note_full(
    content: Content, language: str, note: StaffNote, names: dict[int, str], viewer: int
) -> Screen:
    """One note in full; its author may edit or delete it."""
    edited = ""
    if note.edited_at:
        edited = content.text(
            Text.RECORDS_NOTE_EDITED_MARK,
            language,
            time=wib_words(content, note.edited_at, language),
        )
    text = content.text(
        Text.RECORDS_NOTE_FULL,
        language,
        reference=note.reference,
        time=wib_words(content, note.created_at, language),
        author=_author(content, language, note, names),
        edited=edited,
        text=note.text,
    )
    rows = []
    if note.author_id == viewer and note.via == "telegram":
        rows.append(
            [
                button(content.text(Text.BTN_NOTE_EDIT, language), f"{NOTE_EDIT}{note.id}"),
                button(content.text(Text.BTN_NOTE_DELETE, language), f"{NOTE_DELETE}{note.id}"),
            ]
        )
    label = content.text(Text.BTN_NOTES, language, count="…")
    rows.append([button(label, f"{NOTES}{note.application_id}")])
    return text, InlineKeyboardMarkup(rows)


def _author(content: Content, language: str, note: StaffNote, names: dict[int, str]) -> str:
    return who(content, language, Actor(note.via, note.author_id), names)


def delete_confirm(content: Content, language: str, note: StaffNote) -> Screen:
    """Are you sure? The text will be gone."""
    rows = [
        [
            button(
                content.text(Text.BTN_NOTE_DELETE_CONFIRM, language), f"{NOTE_DELETE_YES}{note.id}"
            ),
            button(content.text(Text.BTN_CANCEL, language), f"{NOTE_OPEN}{note.id}"),
        ]
    ]
    return content.text(Text.RECORDS_NOTE_DELETE_CONFIRM, language), InlineKeyboardMarkup(rows)


# ----- assigning ------------------------------------------------------------------------------


def assign_choose(
    content: Content,
    language: str,
    state: LeadState,
    admins: list[int],
    names: dict[int, str],
) -> Screen:
    """One button per admin (by name), and Nobody, under who handles the lead now; each
    carries that one (0: nobody), what the pick is checked against."""
    app, now = state.application_id, state.assignee_id
    buttons = [
        button(names.get(admin, str(admin)), f"{ASSIGN_TO}{app}:{admin}:{now or 0}")
        for admin in admins
    ]
    nobody = button(
        content.text(Text.BTN_ASSIGN_NOBODY, language), f"{ASSIGN_TO}{app}:0:{now or 0}"
    )
    back = back_to_lead(content, language, state.reference, app)
    rows = [*pairs(buttons), [nobody], [back]]
    handled = (
        content.text(Text.PIPELINE_NOBODY, language) if now is None else names.get(now, str(now))
    )
    text = "\n".join(
        (
            content.text(Text.RECORDS_ASSIGN_CHOOSE, language, reference=state.reference),
            content.text(Text.RECORDS_ASSIGN_NOW, language, name=handled),
        )
    )
    return text, InlineKeyboardMarkup(rows)


# ----- history and lists ----------------------------------------------------------------------


def history_line(content: Content, language: str, change: LeadChange, names: dict[int, str]) -> str:
    """One answer change or duplicate link, as the lead's history shows it."""
    time = wib_words(content, change.created_at, language)
    if change.kind == "talent_update":
        lines = "\n".join(
            change_line(content, language, item, talent=False) for item in change.changes
        )
        return content.text(
            Text.RECORDS_HISTORY_TALENT_UPDATE, language, time=time, changes=Markup(lines)
        )
    if change.kind == TALENT_WITHDRAWAL:
        minor = change.reason == UNDER_18  # said under 18, no guardian's consent (s62)
        said = Text.RECORDS_HISTORY_TALENT_WITHDREW_UNDER_18 if minor else None
        return content.text(said or Text.RECORDS_HISTORY_TALENT_WITHDREW, language, time=time)
    author = who(content, language, change.actor, names)
    if change.kind == "answer_edit":
        lines = "\n".join(
            change_line(content, language, item, talent=False) for item in change.changes
        )
        return content.text(
            Text.RECORDS_HISTORY_ANSWER_EDIT,
            language,
            time=time,
            author=author,
            changes=Markup(lines),
        )
    if change.kind in _WITH_OTHER:
        other = change.other_reference or content.text(Text.RECORDS_GONE_REFERENCE, language)
        return content.text(
            _WITH_OTHER[change.kind], language, time=time, author=author, reference=other
        )
    return content.text(Text.RECORDS_HISTORY_REOPENED, language, time=time, author=author)


# A history entry naming the other lead of a pair: closed as its duplicate, said to be
# another person, marked as its possible duplicate again.
_WITH_OTHER = {
    "duplicate": Text.RECORDS_HISTORY_DUPLICATE,
    "not_duplicate": Text.RECORDS_HISTORY_NOT_DUPLICATE,
    "marked_again": Text.RECORDS_HISTORY_MARKED_AGAIN,
}


def waiting_line(content: Content, language: str, item: WaitingLead, days: int) -> str:
    """Under a lead in the waiting list: how long in which stage."""
    stage = content.stages.get(item.stage)
    label = stage.label.get(language) if stage else item.stage
    return content.text(Text.RECORDS_WAITING_DAYS, language, days=days, stage=label)


def marks_lines(content: Content, language: str, marks: list[DuplicateMark]) -> list[str]:
    """Under a lead in a list: the earlier leads it may duplicate, and the later leads that
    may duplicate it."""
    lines = []
    for key, earlier in ((Text.RECORDS_LIST_DUPLICATES, True), (Text.RECORDS_LIST_LATER, False)):
        references = [mark.other_reference for mark in marks if mark.earlier == earlier]
        if references:
            lines.append(content.text(key, language, references=", ".join(references)))
    return lines
