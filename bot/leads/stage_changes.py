"""One lead's stage change: saved with its talent message (or without, said so), previewed
with its warnings, and the note staff keep on a lead.

Pure of Telegram: the staff desk's buttons, the workspace and `kocca-bot lead` all call
these functions. Talent messages are queued with the stage change (one transaction) and
delivered by bot/leads/talent_updates.py through the shared send budget.
"""

from __future__ import annotations

from bot.content import Content, Markup
from bot.leads import form_order
from bot.leads.export import wib_words
from bot.leads.pipeline_stages import (
    has_message,
    message_for,
    needed_consent,
    stage,
    stage_label,
    talent_label,
)
from bot.settings import Forwarding
from bot.store import Store
from bot.store.audit import Actor
from bot.store.pipeline import NOTE_LIMIT, HistoryItem, LeadState, Move
from bot.terminal_text import blank, without_controls
from bot.texts import Text


class NoteError(ValueError):
    """A note that cannot be kept (empty or too long)."""


async def change_stage(
    store: Store,
    content: Content,
    application_id: int,
    to_stage: str,
    *,
    actor: Actor,
    notify: bool,
    forwarding: Forwarding | None,
    expected_version: int | None = None,
    report_chat_id: int | None = None,
) -> Move:
    """Save a stage (with its talent message when `notify`), if nobody moved the lead since.

    A lead lacking the consent the stage needs is refused ("no_consent"), with or without
    `notify`: checked in the transaction that would save. So is every lead, for a stage that
    needs forwarding when FORWARD_TO is unset (`forwarding` None).
    """
    stage(content, to_stage)  # StageError before anything is written
    consent = needed_consent(content, to_stage, forwarding)
    lead = await store.pipeline.state(application_id)
    message = (
        message_for(content, to_stage, lead, forwarding) if notify and lead is not None else None
    )
    withheld = not notify and has_message(content, to_stage)  # Tanpa kabar, recorded so
    return await store.pipeline.move(
        application_id,
        expected_version,
        to_stage,
        actor,
        message,
        report_chat_id,
        consent,
        withheld=withheld,
    )


# What became of a stage change's message to the talent (talent_updates.status): queued
# until it is delivered.
_DELIVERY = {
    "pending": Text.PIPELINE_HISTORY_QUEUED,
    "sending": Text.PIPELINE_HISTORY_QUEUED,
    "sent": Text.PIPELINE_HISTORY_SENT,
    "failed": Text.PIPELINE_HISTORY_UNDELIVERED,
    "blocked": Text.PIPELINE_HISTORY_UNDELIVERED,
    "uncertain": Text.PIPELINE_HISTORY_UNCERTAIN,
    "superseded": Text.PIPELINE_HISTORY_SUPERSEDED,
}


def told(content: Content, item: HistoryItem) -> Text | None:
    """What a stage change in a lead's history says of the talent's message, in /lead and on
    the workspace's lead page alike: what became of it (queued, sent, not delivered, not sent
    because the stage changed again), or why there was none; None: nothing to say (a stage
    without a message, or an assignment)."""
    if item.kind != "stage":
        return None
    if item.notified:  # staff chose Send update: the message's own record says how it went
        return _DELIVERY.get(item.delivery or "", Text.PIPELINE_HISTORY_TOLD)
    if item.withheld:  # staff chose Tanpa kabar (recorded so since session 50)
        return Text.PIPELINE_HISTORY_WITHHELD
    if not has_message(content, item.to_value or ""):
        return None  # a stage without a message: no word
    if item.no_message:  # nothing to send: the talent had got this stage's message before
        return Text.PIPELINE_HISTORY_TOLD_BEFORE
    # An older row (before session 50), read by the stage's message now: saved without it.
    return Text.PIPELINE_HISTORY_NOT_TOLD


def saved_text(move: Move, notifying: Text, *, quiet: bool) -> Text:
    """What a saved stage change says: its message is on its way (`notifying`, the chat's or
    the workspace's words), it was saved with Don't notify (`quiet`), or just saved."""
    if move.update_id:
        return notifying
    return Text.PIPELINE_SAVED_QUIET if quiet else Text.PIPELINE_SAVED


def talent_language(content: Content, language: str, talent: str) -> str:
    """A talent's chat language in staff words: "bahasa Indonesia", "English"."""
    key = Text.PIPELINE_LANGUAGE_EN if talent == "en" else Text.PIPELINE_LANGUAGE_ID
    return content.text(key, language)


def language_name(content: Content, language: str, talent: str) -> str:
    """A talent's chat language as staff read it beside a label: "Indonesia", "Inggris"."""
    key = Text.PIPELINE_LANGUAGE_NAME_EN if talent == "en" else Text.PIPELINE_LANGUAGE_NAME_ID
    return content.text(key, language)


def told_later(content: Content, to_stage: str, told: dict[str, str]) -> str | None:
    """The furthest stage after `to_stage` (content order) whose message the talent got:
    moving back to `to_stage` changes their /status back. None if there is none."""
    order = list(content.stages)
    if to_stage not in order:
        return None
    later = [key for key in told if key in order and order.index(key) > order.index(to_stage)]
    return max(later, key=order.index) if later else None


def last_told(told: dict[str, str]) -> str | None:
    """The stage whose message the talent got most recently (`told`: stage -> when)."""
    return max(told, key=lambda key: told[key]) if told else None


def preview_warnings(
    content: Content,
    language: str,
    state: LeadState,
    to_stage: str,
    told: dict[str, str],
    *,
    waiting: bool = False,
    minor: bool = False,
) -> str:
    """The preview's warnings, each on a line of its own: the talent is under 18 (`minor`),
    blocked the bot, waits for an answer to a question (`waiting`: a new staff member closed
    a lead whose question was unanswered), already got this stage's message (and when), or
    was told of a later stage (`told`: Pipeline.told of this lead). Telegram HTML, each line
    a text of content."""
    warnings = ""
    if minor:
        warnings += "\n" + content.text(Text.PIPELINE_WARNING_MINOR, language)
    if state.blocked:
        warnings += "\n" + content.text(Text.PIPELINE_WARNING_BLOCKED, language)
    if waiting:
        warnings += "\n" + content.text(Text.PIPELINE_WARNING_QUESTION_WAITS, language)
    if to_stage in told:
        time = wib_words(content, told[to_stage], language)
        warnings += "\n" + content.text(Text.PIPELINE_WARNING_TOLD_BEFORE, language, time=time)
    later = told_later(content, to_stage, told)
    if later is not None:  # named plainly: what they were told last, what they get now
        warnings += "\n" + content.text(
            Text.PIPELINE_WARNING_STATUS_BACK,
            language,
            told=stage_label(content, last_told(told) or later, language),
            stage=stage_label(content, to_stage, language),
            status=talent_label(content, to_stage, language),
        )
    return warnings


def preview_intro(
    content: Content,
    language: str,
    state: LeadState,
    to_stage: str,
    told: dict[str, str] | None = None,
    *,
    waiting: bool = False,
    minor: bool = False,
) -> str:
    """Above the exact message the talent would get: what, in which language, warnings.

    (A lead lacking the stage's consent never gets this far: the stage is refused.)
    """
    warned = preview_warnings(
        content, language, state, to_stage, told or {}, waiting=waiting, minor=minor
    )
    warnings = Markup(warned)
    return content.text(
        Text.PIPELINE_PREVIEW_INTRO,
        language,
        reference=state.reference,
        stage=stage_label(content, to_stage, language),
        talent_language=talent_language(content, language, state.language),
        warnings=warnings,
    )


async def lead_preview_intro(
    store: Store, content: Content, language: str, state: LeadState, to_stage: str
) -> str:
    """preview_intro for one lead as the chat and the workspace show it, with what the store
    knows of it: what the talent was told, a question waiting, an age under 18."""
    told = (await store.pipeline.told([state.application_id])).get(state.application_id, {})
    waiting = await store.support.question_waiting(state.user_id)
    return preview_intro(
        content,
        language,
        state,
        to_stage,
        told,
        waiting=waiting,
        minor=await is_minor(store, content, state.application_id),
    )


async def is_minor(store: Store, content: Content, application_id: int) -> bool:
    """Whether the lead's answers say the talent is under 18 (as answered or corrected)."""
    lead = await store.leads.get(application_id)
    return lead is not None and form_order.minor(content, lead.answers)


def check_note(text: str) -> str:
    """The note as kept: without control characters (line breaks kept, as in a long answer),
    trimmed, not empty, at most 2,000 characters."""
    text = without_controls(text, keep_newlines=True).strip()
    if blank(text):  # also a note of only zero-width characters
        raise NoteError("empty")
    if len(text) > NOTE_LIMIT:
        raise NoteError(f"{len(text)} characters, the limit is {NOTE_LIMIT}")
    return text
