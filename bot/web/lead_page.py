"""One lead in the workspace: answers, consents with dates, stage and history, notes, assignee,
the talent's conversation with the bot and their questions to staff. Viewing it is recorded.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from bot.data_copy import kind_label
from bot.leads import cancelling, form_order, pipeline_stages, stage_changes
from bot.leads.asked_questions import asks_in_note
from bot.leads.export import consent_applies, plain_text, wib_text, wib_words
from bot.leads.records import telegram_name as account_name
from bot.store.conversation import size_over_budget
from bot.store.leads import CONSENT_KINDS, GUARDIAN_CONSENT, Lead
from bot.store.pipeline import HistoryItem, LeadState
from bot.store.support import NOTE_KEY, QuestionClose
from bot.store.workspace import LogLine
from bot.texts import Text
from bot.transport.updates import STAFF_ARGUMENTS, STAFF_TEXT
from bot.web import actions, inputs, records
from bot.web.desk import Desk, Labels, LeadGone, Viewer

log = logging.getLogger(__name__)

SHOWN_HISTORY = 50
LOG_PAGE = 40
SHOWN_QUESTIONS = 30
_CONSENT_LABELS = {
    "processing": Text.EXPORT_COL_CONSENT_PROCESSING,
    "transfer_korea": Text.EXPORT_COL_CONSENT_TRANSFER,
    "announcements": Text.EXPORT_COL_CONSENT_ANNOUNCEMENTS,
    "guardian": Text.LEAD_CONSENT_GUARDIAN,
}


def log_line(line: LogLine, labels: Labels) -> dict[str, Any]:
    return {
        "id": line.id,
        "from": line.direction,
        "kind": line.kind,
        "text": _readable(line.text, labels, line.kind),
        "at": wib_text(line.created_at),
        "by": _answerer(line, labels),
        "holding": line.keeps_waiting,
        # A staff answer's heading as the talent got it in the same message (a staff review
        # s55: the words alone); None where it came as a message of its own, its own line.
        "heading": line.heading,
    }


def _answerer(line: LogLine, labels: Labels) -> str | None:
    """Who wrote a staff answer, as its line kept it: their name (their id if Telegram gave
    none), or the staff group's admin who posts as the group; None for an older answer."""
    by = line.answered_by
    if by is None:
        return None
    if by.anonymous:
        return labels.content.text(Text.WS_ANSWERED_ANONYMOUS, labels.language)
    return by.name or str(by.user_id)


def _readable(text: str | None, labels: Labels, kind: str) -> str:
    """The log's markers for what it does not keep of an admin's messages, in words; a line
    without text as its kind, in words too (never the log's own code for it)."""
    say = labels.content.text
    if text is None:
        label = kind_label(labels.content, labels.language, kind)
        return say(Text.WS_LOG_NO_TEXT, labels.language, kind=label)
    if text == STAFF_TEXT:
        return say(Text.WS_LOG_STAFF_TEXT, labels.language)
    size = size_over_budget(text)
    if size is not None:  # past the talent's daily text budget (LOG_TEXT_PER_DAY)
        return say(Text.WS_LOG_OVER_BUDGET, labels.language, count=size)
    if text.endswith(f" {STAFF_ARGUMENTS}"):
        command = text.removesuffix(f" {STAFF_ARGUMENTS}")
        return f"{command} {say(Text.WS_LOG_STAFF_ARGUMENTS, labels.language)}"
    return text


# The talent's message did not (surely) reach them: not delivered, maybe not, or not sent as
# the stage changed again. Marked apart from "sent" on the page (the s58 re-check: both were
# small blue text, easy to skim past).
_NOT_REACHED = frozenset(
    {
        Text.PIPELINE_HISTORY_UNDELIVERED,
        Text.PIPELINE_HISTORY_UNCERTAIN,
        Text.PIPELINE_HISTORY_SUPERSEDED,
    }
)


def _history(item: HistoryItem, labels: Labels, names: dict[int, str]) -> dict[str, Any]:
    before: str | None
    after: str | None
    if item.kind == "stage":
        before = labels.stage(item.from_value or "")
        after = labels.stage(item.to_value or "")
    else:
        before, after = (
            None if value is None else names.get(int(value), value)
            for value in (item.from_value, item.to_value)
        )
    told = stage_changes.told(labels.content, item)
    return {
        "kind": item.kind,
        "before": before,
        "after": after,
        "by": None if item.actor.user_id is None else names.get(item.actor.user_id),
        "via": item.actor.via,
        # What became of the talent's message, or why there was none: /lead's words.
        "told": None if told is None else plain_text(labels.content.text(told, labels.language)),
        "not_reached": told in _NOT_REACHED,
        "at": wib_text(item.created_at),
    }


async def lead(desk: Desk, viewer: Viewer, key: int | str) -> dict[str, Any]:
    """Everything about one lead, by application id or reference (KOC-000046: what the page's
    address holds); recorded as viewed (from the workspace) before it is sent."""
    store = desk.store
    found = await (store.leads.by_reference(key) if isinstance(key, str) else store.leads.get(key))
    state = None if found is None else await store.pipeline.state(found.application_id)
    if found is None or state is None:
        raise LeadGone(key)
    # The record's commit waits for the disk: let it do so while the page is read, and send
    # nothing before it is on disk.
    recorded = asyncio.create_task(store.audit.add(viewer.actor, "lead_viewed", state.reference))
    try:
        page = await _page(desk, viewer, found, state)
    except BaseException:
        # The page's own failure (or the request's cancellation) is what the caller must see.
        try:
            await recorded
        except Exception:
            log.warning("The record of a lead view failed too", exc_info=True)
        raise
    await recorded
    return page


async def _page(desk: Desk, viewer: Viewer, found: Lead, state: LeadState) -> dict[str, Any]:
    """The lead page's content."""
    store, content, language = desk.store, desk.content, viewer.language
    application_id = state.application_id
    labels = Labels(content, language)
    history, history_total = await store.pipeline.history(application_id, SHOWN_HISTORY)
    people = {state.assignee_id}
    people |= {item.actor.user_id for item in history}
    people |= {int(item.to_value) for item in history if item.kind == "assign" and item.to_value}
    people |= {int(v) for item in history if item.kind == "assign" and (v := item.from_value)}
    names = await desk.names({person for person in people if person is not None})
    answers = [
        {
            "key": question.key,
            "label": question.label.get(language),
            "value": form_order.display(question, content, found.answers[question.key], language),
        }
        for question in form_order.visible_questions(content, found.answers)
        if question.key in found.answers
    ]
    given = await desk.reads.consents(found.user_id)
    forwards = desk.services.settings.forwarding() is not None
    latest = {record.kind: record for record in given}
    consents = [
        {
            "kind": kind,
            "label": desk.say(_CONSENT_LABELS[kind], language),
            "granted": None if kind not in latest else latest[kind].granted,
            "at": (
                None
                if kind not in latest
                else wib_words(content, latest[kind].created_at, language)
            ),
            # Never asked because this deployment passes nothing on (FORWARD_TO unset).
            "applies": consent_applies(kind, forwards),
        }
        for kind in CONSENT_KINDS
        # An adult is never asked (a "yes" from a draft they changed since is not theirs).
        if kind != GUARDIAN_CONSENT or form_order.minor(content, found.answers)
    ]
    # When they wrote the newest thing of theirs that waits, read before the page's lines: its
    # ✔️ marks only what it shows (a staff review s64, H1).
    seen = await store.support.waiting_said(found.user_id)
    lines, more = await desk.reads.log_page(found.user_id, None, LOG_PAGE)
    updates = await store.pipeline.update_counts(application_id)
    telegram_name = account_name(found)
    # Registered in another name: said at the top, where the name is (a staff review: the
    # WhatsApp link read as the child's own number). A parent or guardian only for a lead
    # under 18; an adult's Telegram name is often a nickname (a staff review: "Rina2").
    forwarding = desk.services.settings.forwarding()
    # Closed to every lead when nothing is passed on: the session's stages say that already.
    closed = [
        key
        for key in content.stages
        if forwarding is not None and pipeline_stages.lacks_consent(content, key, state, forwarding)
    ]
    # The form's note to the team asks something, unanswered since (as /lead marks it).
    note_asks = await store.support.note_waits(application_id)
    # Cancelled by the bot (under 18, no guardian's consent), not its talent: said (s62, N2).
    minor_cancel = await cancelling.cancelled_as_minor(store, state)
    filled_by = None
    if pipeline_stages.in_another_name(found.first_name, state.full_name):
        key = (
            Text.WS_LEAD_FILLED_BY
            if form_order.minor(content, found.answers)
            else Text.WS_LEAD_OTHER_NAME
        )
        filled_by = desk.say(key, language, name=telegram_name or "—")
    return {
        "id": application_id,
        "reference": state.reference,
        "name": state.full_name,
        "version": state.version,
        "stage": state.stage,
        "stage_label": pipeline_stages.stage_shown(
            content,
            state.stage,
            language,
            state.closed_duplicate,
            withdrawn=state.withdrawn_at is not None,
            minor=minor_cancel,
        ),
        # Cancelled by the talent: said first, as /lead says it; the store refuses a move.
        "withdrawn": (
            None
            if state.withdrawn_at is None
            else plain_text(
                desk.say(
                    Text.RECORDS_WITHDRAWN_UNDER_18 if minor_cancel else Text.RECORDS_WITHDRAWN,
                    language,
                    time=wib_text(state.withdrawn_at),
                )
            )
        ),
        "assignee_id": state.assignee_id,
        "assignee": None if state.assignee_id is None else names.get(state.assignee_id),
        "submitted": wib_text(state.submitted_at),
        "blocked": state.blocked,
        "filled_by": filled_by,
        # An earlier form of this account said under 18 (a talents' review s60, H1): as /lead.
        "said_under_18": (
            None
            if state.said_under_18_at is None
            else desk.say(
                Text.LEAD_SAID_UNDER_18,
                language,
                time=wib_words(content, state.said_under_18_at, language),
            )
        ),
        # Begun from the kept answers of a registration its talent cancelled (migration 0052):
        # that lead, as the staff alert's ♻️ line names it.
        "reused_from": await _reused_from(desk, found),
        # Said where staff act on the lead, as /lead says it (a staff review: a minor's
        # profile was forwarded in two clicks without a word).
        "minor": (
            desk.say(Text.PIPELINE_WARNING_MINOR, language)
            if form_order.minor(content, found.answers)
            else None
        ),
        # Stages this talent's consents close (forwarding they refused), said before a press
        # as /lead says it; the store refuses the move all the same.
        "closed_stages": closed,
        "closed_text": (
            desk.say(
                Text.PIPELINE_WARNING_CONSENT,
                language,
                stages=", ".join(labels.stage(key) for key in closed),
                recipient=forwarding.recipient,
            )
            if closed and forwarding is not None
            else None
        ),
        "talent": {
            "telegram_name": telegram_name,
            "username": found.username,
            "user_id": found.user_id,
            "language": stage_changes.language_name(desk.content, language, state.language),
            "source": found.source,
        },
        "answers": answers,
        "consents": consents,
        "history": [_history(item, labels, names) for item in history],
        "history_total": history_total,
        **await records.lead_parts(desk, viewer, found, state),
        "updates": updates,
        "log": {"lines": [log_line(line, labels) for line in lines], "more": more},
        "questions": _questions(
            await desk.reads.questions(found.user_id, SHOWN_QUESTIONS),
            found,
            labels,
            note_asks,
            await store.support.closes(found.user_id),
        ),
        # The reply's "balasan sementara" tick is offered only while a question waits; said at
        # the top too, as /lead says it.
        "question_waiting": await store.support.question_waiting(found.user_id),
        "note_asks": note_asks,
        "question_seen": seen,
        "reply_heading": await actions.reply_heading(desk, viewer, found.user_id),
    }


async def _reused_from(desk: Desk, found: Lead) -> dict[str, Any] | None:
    """The cancelled lead whose kept answers this one began from: its id and reference (the
    page names it, a link to it); None for a lead begun afresh, or when that one is gone."""
    draft = await desk.store.applications.get(found.application_id)
    if draft is None or draft.reuses is None:
        return None
    old = await desk.store.cancellations.own_lead(found.user_id, draft.reuses)
    return None if old is None else {"id": old.application_id, "reference": old.reference}


def _questions(
    lines: list[LogLine],
    found: Lead,
    labels: Labels,
    waiting: bool,
    closes: list[QuestionClose],
) -> list[dict[str, Any]]:
    """The talent's questions to the team and the answers, newest last, with the form's note
    to the team in its place when it asks something (a staff re-check s57, N1: the top line
    said a question waited and this box said "no questions yet"); `waiting`: not answered
    since they sent it. Each time staff marked their questions done without a reply (who, and
    when) in its place too (a staff review s64, M1), from the first line shown on."""
    timed = [(line.created_at, log_line(line, labels)) for line in lines]
    submitted = found.submitted_at
    if submitted is not None and asks_in_note(found.answers):
        note = note_line(str(found.answers[NOTE_KEY]), submitted, waiting=waiting)
        timed.append((submitted, note))
    first = min((at for at, _ in timed), default="")
    timed += [(at.closed_at, _closed_line(at, labels)) for at in closes if at.closed_at > first]
    return [shown for _, shown in sorted(timed, key=lambda pair: pair[0])]


def _closed_line(done: QuestionClose, labels: Labels) -> dict[str, Any]:
    """A mark "done without a reply" as a line among the questions (lead.js `logLine`)."""
    by = done.by or (None if done.by_id is None else str(done.by_id))
    return {
        "id": None,
        "from": "out",
        "kind": "question_closed",
        "text": plain_text(labels.content.text(Text.WS_QUESTION_CLOSED_LINE, labels.language)),
        "at": wib_text(done.closed_at),
        "by": by,
        "holding": False,
        "heading": None,
    }


def note_line(text: str, submitted: str, *, waiting: bool) -> dict[str, Any]:
    """The form's note to the team as a line among the talent's questions (lead.js `logLine`
    names it as the note in the form), sent when its lead was `submitted` (as stored)."""
    return {
        "id": None,
        "from": "in",
        "kind": "form_note",
        "text": text,
        "at": wib_text(submitted),
        "by": None,
        "holding": False,
        "heading": None,
        "waiting": waiting,
    }


async def older_log(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """An older page of the talent's conversation (recorded as a view of the lead)."""
    application_id = inputs.lead_id(body)
    before = inputs.integer(body.get("before"), "before")
    state = await desk.store.pipeline.state(application_id)
    if state is None:
        raise LeadGone(application_id)
    await desk.store.audit.add(
        viewer.actor, "lead_viewed", state.reference, part="conversation", before=before
    )
    lines, more = await desk.reads.log_page(state.user_id, before, LOG_PAGE)
    labels = Labels(desk.content, viewer.language)
    return {"lines": [log_line(line, labels) for line in lines], "more": more}
