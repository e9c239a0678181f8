"""One talent, one clean record in the workspace: duplicates marked and closed, contact links
and "Contacted" in one step, answers corrected, notes edited or deleted, and the answer changes
in a lead's history.

Every rule lives in bot/leads/records.py and the store, shared with the staff desk in Telegram
(handlers/records*.py); the audit entries are theirs too. The words are Telegram's wherever
Telegram says the same thing, as plain text.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from bot.content import Markup, Question
from bot.leads import (
    answer_outcomes,
    cancelling,
    form_order,
    pipeline_stages,
    records,
    stage_changes,
    waiting,
)
from bot.leads.export import plain_text, wib_text
from bot.leads.stage_changes import NoteError
from bot.store import Lead
from bot.store.cancellations import TALENT_WITHDRAWAL, UNDER_18
from bot.store.duplicates import DuplicateMark
from bot.store.pipeline import NOTE_LIMIT, UNSEEN, LeadState, Unseen
from bot.store.records import LeadChange
from bot.store.staff_notes import StaffNote
from bot.store.waiting import WaitingLead
from bot.terminal_text import blank
from bot.texts import Text
from bot.web import inputs
from bot.web.actions import report
from bot.web.desk import Desk, LeadGone, Viewer

SHOWN_NOTES = 50
SHOWN_CHANGES = 50
MAX_ANSWER = 4000  # characters of a typed correction (the form's own limits check further)


# ----- duplicates ----------------------------------------------------------------------------


def mark_json(desk: Desk, language: str, mark: DuplicateMark) -> dict[str, Any]:
    """ "⚠️ mungkin duplikat dari KOC-000012: nomor HP sama", with the other lead's id."""
    text = records.mark_text(desk.content, language, mark)
    return {
        "id": mark.other_id,
        "reference": mark.other_reference,
        "text": desk.say(Text.RECORDS_WARNING, language, text=Markup(text)),
        # Only the lead submitted later may be closed as a duplicate of this one.
        "closable": mark.earlier,
    }


async def list_marks(desk: Desk, viewer: Viewer, ids: list[int]) -> dict[int, list[Any]]:
    """The possible duplicates of the leads of one list page or board."""
    found = await records.page_marks(desk.store, ids)
    return {
        lead: [mark_json(desk, viewer.language, mark) for mark in marks]
        for lead, marks in found.items()
    }


async def list_closed(desk: Desk, viewer: Viewer, ids: list[int]) -> dict[int, dict[str, Any]]:
    """Of the leads of one list page or board, those closed as a duplicate: "🔁 duplikat dari
    KOC-000012 · Sari (ditutup)", as the chat's lists say it, with the other lead's reference
    and id (None: erased) to open it, as the lead page's reference does."""
    found = await records.page_closed(desk.store, ids)
    return {
        lead: {
            "text": plain_text(records.closed_line(desk.content, viewer.language, other)),
            "reference": None if other is None else other.reference,
            "id": None if other is None else other.id,
        }
        for lead, other in found.items()
    }


async def _before_closing(
    desk: Desk, viewer: Viewer, lead: Lead, mark: DuplicateMark
) -> dict[str, Any]:
    """What the lead gives differently from the earlier one it may duplicate (a mark it may
    be closed on), and what closing stops when the two came from different Telegram accounts:
    said before closing. Reading the other lead's answers is a view of it."""
    found = await records.before_closing(
        desk.store, desk.content, viewer.language, lead, mark.other_id, viewer.actor
    )
    items = found.differences if found else []
    return {
        "differences": [{"label": it.label, "this": it.this, "other": it.other} for it in items],
        "accounts": plain_text(found.accounts) if found and found.accounts else None,
    }


async def duplicates(desk: Desk, viewer: Viewer, lead: Lead) -> dict[str, Any]:
    """What the lead page shows about duplicates: marks not dealt with (each that may close
    it with what differs), and the links."""
    language = viewer.language
    application_id = lead.application_id
    found = await records.duplicates(desk.store, application_id)
    links = found.links
    closed = None
    if links.closed and links.closed_of_reference:
        closed = desk.say(
            Text.RECORDS_CLOSED_DUPLICATE, language, reference=links.closed_of_reference
        )
    elif links.closed:
        closed = desk.say(Text.RECORDS_CLOSED_DUPLICATE_GONE, language)
    here = None
    if links.closed_here:
        references = ", ".join(item for _, item in links.closed_here)
        here = desk.say(Text.RECORDS_DUPLICATES_HERE, language, references=references)
    marks = []
    for mark in found.marks:
        shown = mark_json(desk, language, mark)
        if mark.earlier and not links.closed:  # it may be closed on this one
            shown.update(await _before_closing(desk, viewer, lead, mark))
        marks.append(shown)
    people = {item.actor.user_id for item in found.dismissed}
    names = await desk.names({person for person in people if person is not None})
    dismissed = [
        {
            "id": item.other_id,
            "reference": item.other_reference,
            "text": desk.say(
                Text.RECORDS_NOT_DUPLICATE_LINE,
                language,
                reference=item.other_reference,
                author=desk.say(Text.PIPELINE_CLI, language)
                if item.actor.user_id is None
                else names.get(item.actor.user_id, str(item.actor.user_id)),
                time=wib_text(item.created_at),
            ),
        }
        for item in found.dismissed
    ]
    return {
        "marks": marks,
        "dismissed": dismissed,  # said to be another person: no longer marked
        "closed": links.closed,
        "closed_of": links.closed_of,  # the lead's id, to open it (None: erased)
        "closed_of_reference": links.closed_of_reference,
        "here": [{"id": lead_id, "reference": ref} for lead_id, ref in links.closed_here],
        "closed_text": closed,
        "here_text": here,
    }


async def close_duplicate(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Close a lead as a duplicate of another: linked, audited, the talent not told."""
    application_id = inputs.lead_id(body)
    other = inputs.integer(body.get("other"), "other")
    version = inputs.integer(body.get("version"), "version", 0)
    store, language = desk.store, viewer.language
    outcome = await records.close_duplicate(store, application_id, other, viewer.actor, version)
    if outcome == "gone":
        raise LeadGone(application_id)
    # Its own reference (an application id is none: drafts take ids too), or "this lead".
    this = await store.records.reference_of(application_id) or desk.say(
        Text.RECORDS_THIS_LEAD, language
    )
    if outcome == "self":  # the page offers no such button: a forged or broken call
        said = desk.say(Text.RECORDS_DUPLICATE_SELF, language, reference=this)
        raise inputs.BadInput("a lead cannot be closed as a duplicate of itself", said)
    that = await records.outcome_other(
        store, desk.content, language, outcome, application_id, other
    )
    if outcome == "unmarked":  # no mark offers this pair: a forged or broken call
        said = desk.say(Text.RECORDS_DUPLICATE_UNMARKED, language, reference=this, other=that)
        raise inputs.BadInput("the two leads are not marked as possible duplicates", said)
    key = records.DUPLICATE_OUTCOME_TEXTS[outcome]
    return {"outcome": outcome, "text": desk.say(key, language, reference=this, other=that)}


async def reopen_duplicate(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Undo "closed as duplicate": back at its stage."""
    application_id = inputs.lead_id(body)
    outcome = await records.reopen_duplicate(desk.store, application_id, viewer.actor)
    if outcome == "gone":
        raise LeadGone(application_id)
    this = await desk.store.records.reference_of(application_id) or desk.say(
        Text.RECORDS_THIS_LEAD, viewer.language
    )
    text = desk.say(Text.RECORDS_DUPLICATE_REOPENED, viewer.language, reference=this)
    return {"outcome": "saved" if outcome == "same" else outcome, "text": text}


async def not_duplicate(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """✋ Not a duplicate: the two leads are two people, the pair's mark goes from both (or,
    `undo`, ↩️ Mark again); audited, as in the chat."""
    application_id = inputs.lead_id(body)
    other = inputs.integer(body.get("other"), "other")
    undo = inputs.flag(body.get("undo", False), "undo")
    outcome, text = await records.not_duplicate(
        desk.store, desk.content, viewer.language, application_id, other, viewer.actor, undo=undo
    )
    if outcome == "gone":
        raise LeadGone(application_id)
    return {"outcome": outcome, "text": plain_text(text)}


# ----- contact in one step -------------------------------------------------------------------


def contact(desk: Desk, lead: Lead) -> dict[str, str | None]:
    """The phone as a wa.me link and the email as a mailto: link (the page sets them as
    attributes, never as markup)."""
    found = records.contact(desk.content, lead.answers)
    return {
        "phone": found.phone,
        "whatsapp": found.whatsapp,
        "email": found.email,
        "mailto": found.mailto,
    }


async def contacted(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """📞 Contacted: to the contacted stage without a talent message, with a one-line note in
    the same step (as Telegram asks for one right after the move)."""
    content, language = desk.content, viewer.language
    application_id = inputs.lead_id(body)
    version = inputs.integer(body.get("version"), "version", 0)
    text = inputs.words(body, "note", NOTE_LIMIT * 4) if body.get("note") else ""
    note = None
    if text.strip():
        try:
            note = stage_changes.check_note(text)
        except NoteError:
            return {"outcome": "refused", "text": _note_refusal(desk, language, text)}
    stage = records.contacted_stage(content)
    if stage is None:
        return {"outcome": "refused", "text": desk.say(Text.RECORDS_NO_CONTACT_STAGE, language)}
    state = await desk.store.pipeline.state(application_id)
    if state is None:
        raise LeadGone(application_id)
    if state.withdrawn_at:  # its talent cancelled it (the page offers no 📞 then): as in Telegram
        minor = await cancelling.cancelled_as_minor(desk.store, state)  # or the bot (s62, N2)
        key = Text.RECORDS_CONTACTED_WITHDRAWN_UNDER_18 if minor else None
        said = desk.say(
            key or Text.RECORDS_CONTACTED_WITHDRAWN, language, reference=state.reference
        )
        return {"outcome": "refused", "text": said}
    if not records.moves_forward(content, state, stage):
        # As in Telegram: a contact never moves a lead backwards (nor reopens a duplicate).
        # The stage stays, so the note is the contact's only record: without one nothing
        # would be kept (a staff review: an empty note was taken and recorded nothing).
        label = pipeline_stages.stage_label(content, state.stage, language)
        if note is None:
            said = desk.say(Text.WS_CONTACTED_NOTE_NEEDED, language, stage=label)
            return {"outcome": "refused", "text": said}
        said = desk.say(Text.WS_CONTACTED_STAYS, language, reference=state.reference, stage=label)
        if await desk.store.pipeline.add_note(application_id, viewer.actor, note) is None:
            raise LeadGone(application_id)
        return {
            "outcome": "saved",
            "text": said + "\n" + content.text(Text.WS_NOTE_SAVED, language),
            "stage": state.stage,
            "version": state.version,
            "notified": False,
        }
    move = await stage_changes.change_stage(
        desk.store,
        content,
        application_id,
        stage,
        actor=viewer.actor,
        notify=False,  # contact is staff's own step, as in Telegram
        expected_version=version,
        forwarding=desk.services.settings.forwarding(),
    )
    result = await report(desk, viewer, application_id, stage, move)
    if move.outcome in ("saved", "same") and note is not None:
        if await desk.store.pipeline.add_note(application_id, viewer.actor, note) is None:
            raise LeadGone(application_id)
        result["text"] += "\n" + content.text(Text.WS_NOTE_SAVED, language)
        result["outcome"] = "saved"
    return result


# ----- answers -------------------------------------------------------------------------------


def editable(desk: Desk, viewer: Viewer, lead: Lead) -> dict[str, dict[str, Any]]:
    """Per question staff may correct on this lead: how the page asks for it."""
    content, language = desk.content, viewer.language
    shown: dict[str, dict[str, Any]] = {}
    for question in records.editable_questions(content, lead.answers):
        value = lead.answers.get(question.key)
        kind = "text"
        if question.type in ("single_choice", "multi_choice"):
            kind = "choice" if question.type == "single_choice" else "multi"
        elif question.type == "province":
            kind = "choice"
        offered = (
            [(key, province.label) for key, province in content.provinces.items()]
            if question.type == "province"
            else form_order.choices(question, content, lead.answers)
        )
        shown[question.key] = {
            "key": question.key,
            "kind": kind,
            "required": question.required,
            "choices": [{"value": key, "label": label.get(language)} for key, label in offered]
            if kind != "text"
            else [],
            "value": value if kind != "text" else None,
            "text": ""
            if kind != "text" or value is None
            else form_order.display(question, content, value, language),
            # What the page sends back: the answer as it was seen (a correction made by
            # someone else meanwhile is then refused, not overwritten).
            "seen": {"had": question.key in lead.answers, "value": value},
            "drops": _follow_ups(desk, viewer, lead, question) if kind != "text" else [],
        }
    return shown


def _follow_ups(desk: Desk, viewer: Viewer, lead: Lead, question: Question) -> list[dict[str, Any]]:
    """What a correction of this question may drop, said before saving (records.js)."""
    found = records.typed_follow_ups(desk.content, viewer.language, question, lead.answers)
    return [{"keeps": list(item.keeps), "text": plain_text(item.words)} for item in found]


def _outcome(desk: Desk, language: str, rejected: answer_outcomes.Rejected) -> dict[str, Any]:
    return {"outcome": "refused", "text": desk.say(rejected.reason, language, **rejected.values)}


async def edit_answer(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Correct one answer: validated like the form, saved only if it is still the answer the
    page showed; history and audit keep the old and new value; the talent is not messaged."""
    content, language = desk.content, viewer.language
    application_id = inputs.lead_id(body)
    key = inputs.words(body, "key", 64)
    seen = inputs.body_object(body.get("seen"))
    had = inputs.flag(seen.get("had"), "seen.had")
    lead = await desk.store.leads.get(application_id)
    if lead is None or lead.reference is None or lead.status != "submitted":
        raise LeadGone(application_id)
    try:
        question = records.editable(content, lead.answers, key)
    except records.EditError as error:
        return {"outcome": "refused", "text": desk.say(error.reason, language)}
    outcome: answer_outcomes.Outcome
    if body.get("clear") is True:
        outcome = answer_outcomes.Accepted(None)
    elif "values" in body:
        values = body["values"]
        if not isinstance(values, list) or not all(isinstance(item, str) for item in values):
            raise inputs.BadInput("values must be a list of choice values")
        outcome = records.check_values(content, question, lead.answers, values[:100])
    elif "choice" in body:
        choice = inputs.words(body, "choice", 200)
        outcome = records.check_choice(content, question, lead.answers, choice)
    else:
        outcome = records.check_answer(
            content, question, lead.answers, inputs.words(body, "text", MAX_ANSWER)
        )
    if isinstance(outcome, answer_outcomes.Rejected):
        return _outcome(desk, language, outcome)
    if isinstance(outcome, answer_outcomes.Matches):  # a typed province: the page offers a list
        return _outcome(desk, language, answer_outcomes.Rejected(Text.INTAKE_USE_BUTTONS))
    expected = await _expected(desk, application_id, key, had, seen.get("value"))
    try:
        result = await records.edit_answer(
            desk.store,
            content,
            application_id,
            key,
            expected,
            had,
            outcome.value,
            viewer.actor,
        )
    except records.EditError as error:
        return {"outcome": "refused", "text": desk.say(error.reason, language)}
    label = question.label.get(language)
    now = records.answer_text(content, language, key, result.current, result.has_current)
    ref = lead.reference
    if result.outcome == "gone":
        raise LeadGone(application_id)
    if result.outcome == "conflict":
        text = desk.say(
            Text.RECORDS_EDIT_CONFLICT, language, question=label, reference=ref, current=now
        )
    elif result.outcome == "same":
        text = desk.say(Text.RECORDS_EDIT_SAME, language, question=label, reference=ref)
    else:
        before = records.answer_text(
            content, language, key, lead.answers.get(key), key in lead.answers
        )
        text = desk.say(
            Text.RECORDS_EDIT_SAVED,
            language,
            question=label,
            reference=ref,
            before=before,
            after=now,
        )
    return {"outcome": result.outcome, "text": text}


async def _expected(desk: Desk, application_id: int, key: str, had: bool, value: Any) -> str | None:
    """The stored text the store compares with: the answer as stored now when it is still the
    value the page showed, else the page's value (which differs, so the store refuses and
    records the conflict as it does for Telegram)."""
    has_now, stored = await desk.store.records.answer_as_stored(application_id, key)
    if has_now and had and (None if stored is None else json.loads(stored)) == value:
        return stored
    return None if value is None else json.dumps(value)


# ----- notes ---------------------------------------------------------------------------------


def _note_refusal(desk: Desk, language: str, text: str) -> str:
    length = len(text.strip())
    if length and not blank(text):  # invisible characters alone say nothing: empty
        return desk.content.text(Text.WS_NOTE_TOO_LONG, language, length=length, limit=NOTE_LIMIT)
    return desk.content.text(Text.WS_NOTE_EMPTY, language)


def note_json(desk: Desk, viewer: Viewer, note: StaffNote, names: dict[int, str]) -> dict[str, Any]:
    """One note in full; its author (in Telegram or here: the same person) may change it."""
    edited = None
    if note.edited_at:
        edited = desk.say(
            Text.RECORDS_NOTE_EDITED_MARK, viewer.language, time=wib_text(note.edited_at)
        ).strip(" ·")
    return {
        "id": note.id,
        "by": names.get(note.author_id) if note.author_id else None,
        "text": note.text,
        "at": wib_text(note.created_at),
        "edited": edited,
        "mine": note.author_id == viewer.user_id and note.via == viewer.actor.via,
    }


async def edit_note(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """A note's new text, checked like a new note, kept only for its author (audited)."""
    note_id = inputs.integer(body.get("note"), "note")
    text = inputs.words(body, "text", NOTE_LIMIT * 4)
    language = viewer.language
    try:
        kept = stage_changes.check_note(text)
    except NoteError:
        return {"outcome": "refused", "text": _note_refusal(desk, language, text)}
    note = await desk.store.staff_notes.note(note_id)
    outcome = await records.edit_note(desk.store, note_id, viewer.actor, kept)
    return _note_outcome(desk, language, outcome, note, Text.RECORDS_NOTE_EDITED)


async def delete_note(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Delete one's own note: its text is gone (audited: that it was, by whom, when)."""
    note_id = inputs.integer(body.get("note"), "note")
    note = await desk.store.staff_notes.note(note_id)
    outcome = await records.delete_note(desk.store, note_id, viewer.actor)
    return _note_outcome(desk, viewer.language, outcome, note, Text.RECORDS_NOTE_DELETED)


def _note_outcome(
    desk: Desk, language: str, outcome: str, note: StaffNote | None, done: Text
) -> dict[str, Any]:
    if outcome == "saved" and note is not None:
        return {"outcome": "saved", "text": desk.say(done, language, reference=note.reference)}
    key = Text.RECORDS_NOTE_NOT_YOURS if outcome == "not_yours" else Text.RECORDS_NOTE_GONE
    return {"outcome": outcome if outcome != "saved" else "gone", "text": desk.say(key, language)}


# ----- assigning -----------------------------------------------------------------------------


async def assign(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Take the lead, give it to another admin by name, or to nobody (as Telegram's Assign
    to…: only someone in ADMIN_IDS now). `was`: who the page showed handling it (null:
    nobody); when a colleague has it now instead, refused ("conflict": the page reloads to
    show who, and one more press takes it over), as a stage move from an older page is."""
    application_id = inputs.lead_id(body)
    wanted = body.get("assignee")
    assignee = None if wanted is None else inputs.integer(wanted, "assignee")
    was = body.get("was", UNSEEN)  # an older page sends none: not checked
    seen: int | Unseen | None = was if was in (None, UNSEEN) else inputs.integer(was, "was")
    admins = desk.services.settings.admin_ids
    try:
        assigned = await records.assign(
            desk.store, application_id, viewer.actor, assignee, admins, seen
        )
    except records.AssignError:
        raise inputs.BadInput("assignee must be an admin") from None
    if assigned is None:
        raise LeadGone(application_id)
    state = assigned.state
    names = await desk.names({who for who in (assignee, state.assignee_id) if who is not None})
    if assigned.refused:
        said = records.assign_refusal(
            desk.content, viewer.language, assigned, assignee, viewer.user_id, names
        )
        return {"outcome": "conflict", "text": plain_text(said)}
    if assignee is None:
        text = desk.say(Text.RECORDS_UNASSIGNED, viewer.language, reference=state.reference)
    else:
        text = desk.say(
            Text.RECORDS_ASSIGNED_TO,
            viewer.language,
            reference=state.reference,
            name=names[assignee],
        )
    return {"outcome": "saved", "text": text}


# ----- the lead page -------------------------------------------------------------------------


def change_json(
    desk: Desk, viewer: Viewer, change: LeadChange, names: dict[int, str]
) -> dict[str, Any]:
    """One answer change or duplicate link for the history: the words Telegram's history
    uses, and each changed answer's old and new value."""
    content, language = desk.content, viewer.language
    time = wib_text(change.created_at)
    lines = Markup(
        "\n".join(
            records.change_line(content, language, item, talent=False) for item in change.changes
        )
    )
    minor = change.reason == UNDER_18  # cancelled as said under 18, no guardian's consent
    author: str | None = (
        desk.say(Text.RECORDS_HISTORY_TALENT, language)
        if change.kind in ("talent_update", TALENT_WITHDRAWAL) or change.actor.user_id is None
        else names.get(change.actor.user_id, str(change.actor.user_id))
    )
    if minor:  # the bot's cancel, not the talent's: no author, as in /lead (a review s63, L2)
        author = None
    other = change.other_reference or desk.say(Text.RECORDS_GONE_REFERENCE, language)
    key = {
        "talent_update": Text.RECORDS_HISTORY_TALENT_UPDATE,
        TALENT_WITHDRAWAL: Text.RECORDS_HISTORY_TALENT_WITHDREW,
        "answer_edit": Text.RECORDS_HISTORY_ANSWER_EDIT,
        "duplicate": Text.RECORDS_HISTORY_DUPLICATE,
        "not_duplicate": Text.RECORDS_HISTORY_NOT_DUPLICATE,
        "marked_again": Text.RECORDS_HISTORY_MARKED_AGAIN,
    }.get(change.kind, Text.RECORDS_HISTORY_REOPENED)
    if minor:
        key = Text.RECORDS_HISTORY_TALENT_WITHDREW_UNDER_18
    text = desk.say(key, language, time=time, author=author or "", changes=lines, reference=other)
    return {
        "kind": change.kind,
        "text": text,
        "by": author,
        "at": time,
        "sort": change.created_at,
        # The lead it was closed as a duplicate of (or reopened from), or said not to be one of.
        "reference": other,
        "other_id": change.other_id,
        # The workspace's words for it, when not its kind's own (records.js `change`).
        "why": "history_talent_withdrew_under_18" if minor else None,
        "answers": [
            {
                "label": records_label(desk, language, item.key),
                "before": records.answer_text(
                    content, language, item.key, item.before, item.had_before
                ),
                "after": records.after_text(content, language, item),
            }
            for item in change.changes
        ],
    }


def records_label(desk: Desk, language: str, key: str) -> str:
    """A question's label (its key when content no longer has it)."""
    question = desk.content.questions.get(key)
    return question.label.get(language) if question else key


async def lead_parts(desk: Desk, viewer: Viewer, lead: Lead, state: LeadState) -> dict[str, Any]:
    """What this module adds to the lead page."""
    store = desk.store
    application_id = lead.application_id
    changes, changes_total = await records.changes(store, application_id, SHOWN_CHANGES)
    notes = await store.staff_notes.notes_of(application_id)
    people = {change.actor.user_id for change in changes}
    people |= {note.author_id for note in notes[:SHOWN_NOTES]}
    names = await desk.names({person for person in people if person is not None})
    found = await duplicates(desk, viewer, lead)
    parts_closed = bool(found["closed"])
    return {
        "contact": contact(desk, lead),
        "duplicates": found,
        "changes": [change_json(desk, viewer, change, names) for change in changes],
        "changes_total": changes_total,
        "editable": editable(desk, viewer, lead),
        "notes": [note_json(desk, viewer, note, names) for note in notes[:SHOWN_NOTES]],
        "notes_total": len(notes),
        "waiting": _waiting(desk, viewer, state, closed=parts_closed),
        # Whether "📞 Log a contact" moves the lead to the contacted stage or leaves it where it
        # is (already there or beyond, or closed as a duplicate): its prompt says which.
        "contacted_moves": _contact_moves(desk, state),
    }


def _contact_moves(desk: Desk, state: LeadState) -> bool:
    stage = records.contacted_stage(desk.content)
    return stage is not None and records.moves_forward(desk.content, state, stage)


def _waiting(desk: Desk, viewer: Viewer, state: LeadState, *, closed: bool) -> str | None:
    """ "⏳ 9 hari di Baru" when the lead waits longer in its stage than LEAD_WAIT_DAYS."""
    now = datetime.now(UTC)
    cutoff = waiting.cutoffs(desk.services.settings, desk.content, now).get(state.stage)
    if closed or cutoff is None or state.stage_changed_at >= cutoff:
        return None
    item = WaitingLead(
        state.application_id, state.reference, state.stage, state.stage_changed_at, None
    )
    label = pipeline_stages.stage_label(desk.content, state.stage, viewer.language)
    days = waiting.waiting_days(item, now)
    return desk.say(Text.RECORDS_WAITING_DAYS, viewer.language, days=days, stage=label)
