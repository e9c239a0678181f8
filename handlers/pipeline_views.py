"""How the pipeline looks in Telegram: a lead's stage, notes and history; previews; /status."""

from __future__ import annotations

from dataclasses import dataclass, field

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.content import Content, Markup
from bot.leads import pipeline_stages, stage_changes
from bot.leads.export import to_wib, wib_words
from bot.leads.lead_filters import PipelineFilter
from bot.settings import Forwarding
from bot.store import Lead
from bot.store.audit import Actor
from bot.store.cancellations import UNDER_18
from bot.store.pipeline import HistoryItem, LeadState, Note, Registration
from bot.texts import Text
from handlers.staff_views import Screen, callback, lead_page, workspace_button
from handlers.views import APPLY, MENU, back_row, button, pairs

SHOWN_NOTES = 5
SHOWN_HISTORY = 8
NOTE_PREVIEW = 300  # characters of a note shown on the lead's page (the export has all)
# Callback data of the pipeline's staff buttons (every press is checked with staff_desk).
STAGE = "pl:s:"  # pl:s:<application>:<stage>:<version>
CONFIRM = "pl:c:"  # pl:c:<application>:<stage>:<version>:<1 send update | 0 don't>
NOTE = "pl:n:"  # pl:n:<application>
NOTE_CANCEL = "pl:nx"
ASSIGN = "pl:a:"  # pl:a:<application>:<1 to me:<assignee shown, 0 nobody> | 0 unassign me>
BULK_STAGE = "pl:bs:"  # pl:bs:<batch>:<stage>
BULK_CONFIRM = "pl:bc:"  # pl:bc:<batch>:<1 send updates | 0 don't>
BULK_CANCEL = "pl:bx:"  # pl:bx:<batch>
BULK_SKIP_OUTCOMES = "pl:bk:"  # pl:bk:<batch>: preview again without the leads at an outcome
OPEN_ANEW = "pl:o:"  # pl:o:<application>: the lead's page as a new message (new-lead alert)


@dataclass(frozen=True, slots=True)
class LeadDetails:
    """What the lead's page shows besides its answers."""

    state: LeadState
    notes: list[Note]
    notes_total: int
    history: list[HistoryItem]
    history_total: int
    updates: dict[str, int]  # talent messages by status
    names: dict[int, str]  # staff user id -> name
    forwarding: Forwarding | None  # whom leads are passed on to (FORWARD_TO), if anyone
    # Answer changes and duplicate links (handlers/records_views.py): (time, line), and how
    # many there are; merged into the history by time.
    changes: list[tuple[str, str]] = field(default_factory=list)
    changes_total: int = 0
    extra_text: str = ""  # contact links and duplicates, above the stage
    extra_rows: list[list[InlineKeyboardButton]] = field(default_factory=list)
    question_waiting: bool = False  # a question of theirs to the team waits for an answer
    # The form's note to the team asks something, and no staff answer reached them since.
    note_unanswered: bool = False
    minor: bool = False  # under 18: registered with a parent's or guardian's consent
    # Cancelled by the bot: under 18, no guardian's consent yet (not by its talent; s62, N2).
    cancelled_as_minor: bool = False


def describe(content: Content, language: str, chosen: PipelineFilter) -> str:
    """A filter in words: "Shortlist · Musik · ditangani saya"."""
    parts = []
    if chosen.stage:
        parts.append(pipeline_stages.stage_label(content, chosen.stage, language))
    if chosen.sector:
        question = content.questions.get("sector")
        labels = (
            {c.value: c.label.get(language) for c in (question.choices or [])} if question else {}
        )
        parts.append(labels.get(chosen.sector, chosen.sector))
    if chosen.mine:
        parts.append(content.text(Text.FILTER_MINE, language))
    if chosen.unassigned:
        parts.append(content.text(Text.FILTER_UNASSIGNED, language))
    if chosen.waiting:
        parts.append(content.text(Text.FILTER_WAITING, language))
    if chosen.today:
        parts.append(content.text(Text.FILTER_TODAY, language))
    if chosen.duplicates:
        parts.append(content.text(Text.FILTER_DUPLICATES, language))
    if chosen.cancelled:
        parts.append(content.text(Text.FILTER_CANCELLED, language))
    return " · ".join(parts)


def who(content: Content, language: str, actor: Actor, names: dict[int, str]) -> str:
    """A staff member's name, or "command line"."""
    if actor.user_id is None:
        return content.text(Text.PIPELINE_CLI, language)
    return names.get(actor.user_id, str(actor.user_id))


def lead_screen(
    content: Content,
    language: str,
    lead: Lead,
    details: LeadDetails,
    viewer_id: int,
    back_page: int = 0,
    code: str = "",
    workspace: str | None = None,
) -> Screen:
    """The lead as today, then its stage, assignee, notes and history, with the buttons (and
    one opening it in the staff workspace, given the workspace's URL, in a private chat)."""
    forwards = details.forwarding is not None
    base, _ = lead_page(
        content,
        language,
        lead,
        back_page,
        code,
        forwards=forwards,
        note_unanswered=details.note_unanswered,
    )
    extra = f"{details.extra_text}\n\n" if details.extra_text else ""
    text = f"{base}\n\n{extra}{_pipeline_section(content, language, details)}"
    state = details.state
    stage_buttons = []
    # A lead closed as a duplicate is reopened one way only (↩️ Reopen, handlers/records.py),
    # so it shows no stage buttons (a stage would reopen it too); nor does one its talent
    # cancelled (closed for good: the store refuses a move).
    closed = details.state.closed_duplicate or details.state.withdrawn_at is not None
    for key, item in [] if closed else content.stages.items():
        label = item.label.get(language)
        if key == state.stage:
            label = content.text(Text.BTN_STAGE_CURRENT, language, label=label)
        elif pipeline_stages.lacks_consent(content, key, state, details.forwarding):
            # Closed to this lead (FORWARD_TO unset, or a consent the talent has not given):
            # marked as the workspace greys it out; pressing it says why (the store refuses).
            label = content.text(Text.BTN_STAGE_CLOSED, language, label=label)
        data = f"{STAGE}{state.application_id}:{key}:{state.version}"
        stage_buttons.append(button(label, data))
    mine = state.assignee_id == viewer_id
    # Assign to me carries who this page shows handling the lead (0: nobody), so that a
    # colleague taking it meanwhile is not overruled without a word (handlers/pipeline.py).
    assign = button(
        content.text(Text.BTN_UNASSIGN if mine else Text.BTN_ASSIGN_ME, language),
        f"{ASSIGN}{state.application_id}:" + ("0" if mine else f"1:{state.assignee_id or 0}"),
    )
    rows = [
        *pairs(stage_buttons),
        [button(content.text(Text.BTN_NOTE, language), f"{NOTE}{state.application_id}"), assign],
        *details.extra_rows,
        [
            button(
                content.text(Text.BTN_LEADS_LIST, language),
                callback("st:l:", back_page, code=code),
            )
        ],
    ]
    if workspace is not None:
        # The lead in the URL's fragment by its reference, as the page's address says it (not
        # its id: "#lead/53" read as KOC-000053): never sent to a server, nor in any log.
        url = f"{workspace}#lead/{state.reference}"
        rows.append([workspace_button(content, language, url)])
    return text, InlineKeyboardMarkup(rows)


def _closed_stages(
    content: Content, language: str, state: LeadState, forwarding: Forwarding | None
) -> str:
    """Why some stages are closed to this lead: nothing is passed on in this deployment, or
    the talent has not agreed to forwarding (to this recipient)."""
    closed = [
        item.label.get(language)
        for key, item in content.stages.items()
        if pipeline_stages.lacks_consent(content, key, state, forwarding)
    ]
    if not closed:
        return ""
    stages = ", ".join(closed)
    if forwarding is None:
        return "\n" + content.text(Text.PIPELINE_WARNING_FORWARDING_OFF, language, stages=stages)
    return "\n" + content.text(
        Text.PIPELINE_WARNING_CONSENT, language, stages=stages, recipient=forwarding.recipient
    )


def _pipeline_section(content: Content, language: str, details: LeadDetails) -> str:
    state, names = details.state, details.names
    assignee = (
        names.get(state.assignee_id, str(state.assignee_id))
        if state.assignee_id is not None
        else content.text(Text.PIPELINE_NOBODY, language)
    )
    updates = content.text(Text.PIPELINE_UPDATES, language, sent=details.updates.get("sent", 0))
    waiting = details.updates.get("pending", 0) + details.updates.get("sending", 0)
    if waiting:
        updates += content.text(Text.PIPELINE_UPDATES_WAITING, language, waiting=waiting)
    failed = sum(details.updates.get(key, 0) for key in ("failed", "blocked", "uncertain"))
    if failed:
        updates += content.text(Text.PIPELINE_UPDATES_FAILED, language, failed=failed)
    warnings = ""
    if state.withdrawn_at is not None:  # first: nobody contacts a talent who cancelled
        when = wib_words(content, state.withdrawn_at, language)
        said = Text.RECORDS_WITHDRAWN_UNDER_18 if details.cancelled_as_minor else None
        warnings += "\n" + content.text(said or Text.RECORDS_WITHDRAWN, language, time=when)
    if details.minor:
        warnings += "\n" + content.text(Text.PIPELINE_WARNING_MINOR, language)
    if state.said_under_18_at is not None:  # an earlier form said under 18 (a review s60, H1)
        when = wib_words(content, state.said_under_18_at, language)
        warnings += "\n" + content.text(Text.LEAD_SAID_UNDER_18, language, time=when)
    if details.question_waiting:
        warnings += "\n" + content.text(Text.PIPELINE_QUESTION_WAITING, language)
    if state.blocked:
        warnings += "\n" + content.text(Text.PIPELINE_WARNING_BLOCKED, language)
    warnings += _closed_stages(content, language, state, details.forwarding)
    notes = [
        content.text(
            Text.PIPELINE_NOTE_LINE,
            language,
            time=wib_words(content, note.created_at, language),
            author=who(content, language, note.author, names),
            text=_shorten(note.text),
        )
        for note in details.notes
    ]
    if details.notes_total > len(details.notes):
        more = details.notes_total - len(details.notes)
        notes.append(content.text(Text.PIPELINE_MORE, language, count=more))
    timed = [
        (item.created_at, _history_line(content, language, item, names)) for item in details.history
    ]
    timed = sorted([*timed, *details.changes], reverse=True)[:SHOWN_HISTORY]
    history = [line for _, line in timed]
    total = details.history_total + details.changes_total
    if total > len(history):
        more = total - len(history)
        history.append(content.text(Text.PIPELINE_MORE, language, count=more))
    else:
        submitted = wib_words(content, state.submitted_at, language)
        history.append(content.text(Text.PIPELINE_HISTORY_SUBMITTED, language, time=submitted))
    return content.text(
        Text.PIPELINE_SECTION,
        language,
        stage=pipeline_stages.stage_shown(
            content,
            state.stage,
            language,
            state.closed_duplicate,
            withdrawn=state.withdrawn_at is not None,
            minor=details.cancelled_as_minor,
        ),
        since=wib_words(content, state.stage_changed_at, language),
        assignee=assignee,
        updates=updates,
        warnings=warnings,
        notes_total=details.notes_total,
        notes=Markup("\n".join(notes) or content.text(Text.PIPELINE_NO_NOTES, language)),
        history=Markup("\n".join(history)),
    )


def _history_line(content: Content, language: str, item: HistoryItem, names: dict[int, str]) -> str:
    time = wib_words(content, item.created_at, language)
    author = who(content, language, item.actor, names)
    if item.kind == "assign":
        return _assign_line(content, language, item, names, time=time, author=author)
    outcome = stage_changes.told(content, item)
    told = (
        ""
        if outcome is None
        else content.text(
            Text.PIPELINE_HISTORY_OUTCOME, language, outcome=content.text(outcome, language)
        )
    )
    return content.text(
        Text.PIPELINE_HISTORY_STAGE,
        language,
        time=time,
        author=author,
        before=pipeline_stages.stage_label(content, item.from_value or "", language),
        after=pipeline_stages.stage_label(content, item.to_value or "", language),
        told=told,
    )


def _assign_line(
    content: Content,
    language: str,
    item: HistoryItem,
    names: dict[int, str],
    *,
    time: str,
    author: str,
) -> str:
    """Who handles it now, and from whom when someone else had it (a review s63, L4: a
    takeover said only "ditangani oleh Wulan"); a release, never "ditangani oleh belum ada"."""
    before = names.get(int(item.from_value), item.from_value) if item.from_value else ""
    if item.to_value:
        assignee = names.get(int(item.to_value), item.to_value)
        key = Text.PIPELINE_HISTORY_ASSIGN
        if item.from_value not in (None, item.to_value):
            mine = item.to_value == str(item.actor.user_id)
            key = Text.PIPELINE_HISTORY_TAKEOVER if mine else Text.PIPELINE_HISTORY_ASSIGN_FROM
        return content.text(
            key, language, time=time, author=author, assignee=assignee, before=before
        )
    own = item.from_value in (None, str(item.actor.user_id))
    key = Text.PIPELINE_HISTORY_UNASSIGN if own else Text.PIPELINE_HISTORY_UNASSIGN_OTHER
    return content.text(key, language, time=time, author=author, before=before)


def _shorten(text: str) -> str:
    return text if len(text) <= NOTE_PREVIEW else text[: NOTE_PREVIEW - 1] + "…"


def preview_buttons(
    content: Content, language: str, state: LeadState, to_stage: str
) -> InlineKeyboardMarkup:
    """Send update / Don't notify / Cancel under the preview."""
    data = f"{CONFIRM}{state.application_id}:{to_stage}:{state.version}"
    return InlineKeyboardMarkup(
        [
            [
                button(content.text(Text.BTN_SEND_UPDATE, language), f"{data}:1"),
                button(content.text(Text.BTN_NO_UPDATE, language), f"{data}:0"),
            ],
            [open_button(content, language, state.reference, state.application_id)],
        ]
    )


def open_button(
    content: Content, language: str, reference: str, application_id: int, *, anew: bool = False
) -> InlineKeyboardButton:
    """Open (again) one lead's page: in place of the pressed message, or `anew` below it."""
    label = content.text(Text.BTN_OPEN_LEAD, language, reference=reference)
    return button(label, f"{OPEN_ANEW}{application_id}" if anew else f"st:o:{application_id}")


def bulk_stages(
    content: Content, language: str, batch_id: int, forwarding: Forwarding | None
) -> InlineKeyboardMarkup:
    """One button per stage (🔒 on a stage closed to every lead, FORWARD_TO unset, as on a
    lead page; its preview then says why nothing moves), and Cancel."""
    buttons = []
    for key, item in content.stages.items():
        label = item.label.get(language)
        if pipeline_stages.closed_to_every_lead(content, key, forwarding):
            label = content.text(Text.BTN_STAGE_CLOSED, language, label=label)
        buttons.append(button(label, f"{BULK_STAGE}{batch_id}:{key}"))
    cancel = button(content.text(Text.BTN_CANCEL, language), f"{BULK_CANCEL}{batch_id}")
    return InlineKeyboardMarkup([*pairs(buttons), [cancel]])


def bulk_cancel_only(content: Content, language: str, batch_id: int) -> InlineKeyboardMarkup:
    """Nothing to confirm (no lead may be moved): only Cancel."""
    cancel = button(content.text(Text.BTN_CANCEL, language), f"{BULK_CANCEL}{batch_id}")
    return InlineKeyboardMarkup([[cancel]])


def bulk_confirm_buttons(
    content: Content, language: str, batch_id: int, *, has_message: bool, outcomes: int = 0
) -> InlineKeyboardMarkup:
    """Move with updates / without, or just Move; ⏭ skip the `outcomes` leads at an outcome
    (when some are); and Cancel."""
    cancel = button(content.text(Text.BTN_CANCEL, language), f"{BULK_CANCEL}{batch_id}")
    skip = button(
        content.text(Text.BTN_BULK_SKIP_OUTCOMES, language, count=outcomes),
        f"{BULK_SKIP_OUTCOMES}{batch_id}",
    )
    if has_message:
        first = [
            button(content.text(Text.BTN_BULK_SEND, language), f"{BULK_CONFIRM}{batch_id}:1"),
            button(content.text(Text.BTN_BULK_QUIET, language), f"{BULK_CONFIRM}{batch_id}:0"),
        ]
    else:
        first = [
            button(content.text(Text.BTN_BULK_CONFIRM, language), f"{BULK_CONFIRM}{batch_id}:0")
        ]
    return InlineKeyboardMarkup([first, *([[skip]] if outcomes else []), [cancel]])


def status_screen(
    content: Content,
    language: str,
    registrations: list[Registration],
    unfinished: bool = False,
    after: str = "",
    cancel_rows: list[list[InlineKeyboardButton]] | None = None,
) -> tuple[str, InlineKeyboardMarkup]:
    """The talent's registrations with their stage in words meant for them, then `after`
    (lines on them), and last, above its button, a word on an unfinished (paused) form."""
    rows = [back_row(content, language, MENU)]
    paused = ""
    # One "Batalkan" per registration still open (a talents' review s59, H1), above the rest.
    rows[:0] = cancel_rows or []
    if unfinished:
        rows.insert(0, [button(content.text(Text.BTN_REMINDER_CONTINUE, language), APPLY)])
        paused = content.text(Text.STATUS_UNFINISHED, language)
    markup = InlineKeyboardMarkup(rows)
    if not registrations:
        return paused or content.text(Text.STATUS_NONE, language), markup
    items = [
        content.text(
            Text.STATUS_ITEM,
            language,
            reference=item.reference,
            name=item.registered_for or "—",
            date=content.date_text(to_wib(item.submitted_at).date(), language),
            stage=_talent_stage(content, language, item),
        )
        for item in registrations
    ]
    # Every one cancelled by the talent: no news will come of them, so none is promised.
    cancelled = all(item.withdrawn_at is not None for item in registrations)
    listed = Text.STATUS_LIST_CANCELLED if cancelled else Text.STATUS_LIST
    text = content.text(listed, language, items=Markup("\n\n".join(items)))
    again = ""
    if cancelled and not unfinished:  # the way back (a re-check s59, N5: only ⬅️ Kembali)
        latest = max(registrations, key=lambda item: item.withdrawn_at or "")
        minor = latest.withdrawn_reason == UNDER_18  # once a guardian agrees (s62, N2)
        again_key = Text.STATUS_REGISTER_AGAIN_UNDER_18 if minor else Text.STATUS_REGISTER_AGAIN
        again = content.text(again_key, language)
        rows.insert(0, [button(content.text(Text.BTN_APPLY, language), APPLY)])
        markup = InlineKeyboardMarkup(rows)
    return "\n\n".join(part for part in (text, after, again, paused) if part), markup


def _talent_stage(content: Content, language: str, item: Registration) -> str:
    """A registration's stage as its talent reads it; one they cancelled, said so, and when."""
    if item.withdrawn_at is None:
        return pipeline_stages.talent_label(content, item.stage, language)
    day = content.date_text(to_wib(item.withdrawn_at).date(), language)
    minor = item.withdrawn_reason == UNDER_18  # by the bot: no guardian's consent (s62, N2)
    return content.text(
        Text.STATUS_CANCELLED_UNDER_18 if minor else Text.STATUS_CANCELLED, language, date=day
    )
