"""What staff do in the workspace, through the same core functions as in Telegram.

A stage change is previewed (the exact message, in the talent's language) and saved only
with "Send update" or "Don't notify"; the consent gate, the compare-and-set on the lead's
version, the one-message-at-most rule and the audit entry all live in bot/leads/stage_changes.py,
bot/leads/bulk_moves.py and bot/store/pipeline.py. Replies go out as the staff group's relayed
answers do.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any, NoReturn

from bot import support
from bot.leads import bulk_moves, cancelling, pipeline_stages, stage_changes
from bot.leads.export import plain_text
from bot.leads.stage_changes import NoteError
from bot.outreach.audience import languages_in_words
from bot.store import utc_now
from bot.store.pipeline import NOTE_LIMIT, LeadState, Move
from bot.terminal_text import blank
from bot.texts import Text
from bot.web import inputs
from bot.web.desk import Desk, LeadGone, Viewer

log = logging.getLogger(__name__)

REPLY_LIMIT = 4000  # characters: one Telegram message (4,096) with room for escaping
SEEN_LIMIT = 40  # a stored time, as `seen` carries it back


async def _state(desk: Desk, application_id: int) -> LeadState:
    state = await desk.store.pipeline.state(application_id)
    if state is None:
        raise LeadGone(application_id)
    return state


async def note(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Keep an internal note (checked as /catatan checks it)."""
    application_id = inputs.lead_id(body)
    text = inputs.words(body, "text", NOTE_LIMIT * 4)
    try:
        kept = stage_changes.check_note(text)
    except NoteError:
        length = len(text.strip())
        if length:
            detail = desk.content.text(
                Text.WS_NOTE_TOO_LONG, viewer.language, length=length, limit=NOTE_LIMIT
            )
        else:
            detail = desk.content.text(Text.WS_NOTE_EMPTY, viewer.language)
        return {"outcome": "refused", "text": detail}
    saved = await desk.store.pipeline.add_note(application_id, viewer.actor, kept)
    if saved is None:
        raise LeadGone(application_id)
    return {"outcome": "saved", "text": desk.content.text(Text.WS_NOTE_SAVED, viewer.language)}


async def _unknown_stage(desk: Desk, viewer: Viewer, application_id: int, stage: str) -> NoReturn:
    """A stage content does not have: refused and recorded, as a forged Telegram button is."""
    wanted = pipeline_stages.clean_key(stage)
    await desk.store.pipeline.refuse(application_id, viewer.actor, "unknown_stage", wanted=wanted)
    raise inputs.BadInput("unknown stage")


async def report(
    desk: Desk, viewer: Viewer, application_id: int, stage: str, move: Move, *, quiet: bool = False
) -> dict[str, Any]:
    """What became of a stage change, in the words Telegram uses (`quiet`: saved with Don't
    notify); a lead that is not there (erased meanwhile) is a 404, as for every other request
    about it."""
    if move.outcome == "gone":
        raise LeadGone(application_id)
    language, content = viewer.language, desk.content
    # The delivery is reported in the admin's chat with the bot (report_chat_id), when the
    # bot can write there; else the page says no report will come.
    notifying = Text.WS_SAVED_NOTIFYING
    if move.update_id and await desk.unreachable(viewer) is not None:
        notifying = Text.WS_SAVED_UNREPORTED
    key = {
        "saved": stage_changes.saved_text(move, notifying, quiet=quiet),
        "conflict": Text.PIPELINE_CONFLICT,
        "same": Text.PIPELINE_ALREADY_THERE,
        "no_consent": Text.PIPELINE_NO_CONSENT_TRANSFER,
        "closed_duplicate": Text.PIPELINE_CLOSED_DUPLICATE,
        "withdrawn": Text.PIPELINE_WITHDRAWN,
    }[move.outcome]
    # Cancelled by the bot (under 18, no guardian's consent), not its talent (s62, N2).
    withdrawn = move.outcome == "withdrawn" and move.state is not None
    if withdrawn and move.state and await cancelling.cancelled_as_minor(desk.store, move.state):
        key = Text.PIPELINE_WITHDRAWN_UNDER_18
    shown = stage if move.outcome == "no_consent" or move.state is None else move.state.stage
    label = pipeline_stages.stage_label(content, shown, language)
    values = {}
    if move.outcome == "closed_duplicate":  # as in Telegram: of which lead
        values["other"] = pipeline_stages.closed_of(content, language, move.state)
    if move.outcome == "no_consent":  # as in Telegram: why, naming the recipient if there is one
        forwarding = desk.services.settings.forwarding()
        if forwarding is None:
            key = Text.PIPELINE_FORWARDING_OFF
        else:
            values["recipient"] = forwarding.recipient
    # The lead's own reference: references are given at submission, so an application id
    # (drafts take ids too) is never one.
    lead = move.state.reference if move.state is not None else None
    ref = lead or desk.say(Text.RECORDS_THIS_LEAD, language)
    text = desk.say(key, language, reference=ref, stage=label, **values)
    return {
        "outcome": move.outcome,
        "text": text,
        "stage": None if move.state is None else move.state.stage,
        "version": None if move.state is None else move.state.version,
        "notified": move.update_id is not None,
    }


async def preview(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """A stage chosen: the talent's message to confirm, or the change saved at once when the
    stage has none (as in Telegram), or why it cannot be (changed meanwhile, no consent)."""
    content, language = desk.content, viewer.language
    application_id = inputs.lead_id(body)
    stage = inputs.stage_key(body)
    version = inputs.integer(body.get("version"), "version", 0)
    if stage not in content.stages:
        await _unknown_stage(desk, viewer, application_id, stage)
    state = await _state(desk, application_id)
    if state.version == version and state.stage == stage:
        return await report(desk, viewer, application_id, stage, Move("same", state))
    current = state if state.version == version else None
    message = None
    forwarding = desk.services.settings.forwarding()
    if current is not None and not pipeline_stages.lacks_consent(
        content, stage, current, forwarding
    ):
        message = pipeline_stages.message_for(content, stage, current, forwarding)
    if current is None or message is None or current.closed_duplicate or current.withdrawn_at:
        # Saved at once, or refused by the store, which records why (a lead closed as a
        # duplicate is refused there: no preview of a message it will not get).
        move = await stage_changes.change_stage(
            desk.store,
            content,
            application_id,
            stage,
            actor=viewer.actor,
            notify=False,
            expected_version=version,
            forwarding=forwarding,
        )
        return await report(desk, viewer, application_id, stage, move)
    # The message names the talent: recorded as a view of the lead, as a Move all's examples.
    await desk.store.audit.add(viewer.actor, "stage_previewed", current.reference, stage=stage)
    intro = await stage_changes.lead_preview_intro(desk.store, content, language, current, stage)
    shown: dict[str, Any] = {
        "outcome": "preview",
        "intro": plain_text(intro),
        "message": {"language": message.language, "html": message.text},
        "stage": stage,
        "version": current.version,
    }
    # The same in the workspace's language when the talent reads another (never sent).
    translation = pipeline_stages.translation_for(content, stage, current, forwarding, language)
    if translation is not None:
        label = desk.say(Text.PIPELINE_PREVIEW_TRANSLATION, language)
        shown["translation"] = {"language": language, "html": translation.text, "label": label}
    return shown


async def move(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Send update / Don't notify under a preview: only now is the stage saved."""
    application_id = inputs.lead_id(body)
    stage = inputs.stage_key(body)
    version = inputs.integer(body.get("version"), "version", 0)
    notify = inputs.flag(body.get("notify"), "notify")
    if stage not in desk.content.stages:
        await _unknown_stage(desk, viewer, application_id, stage)
    await _state(desk, application_id)  # a draft or an id never given: 404, nothing recorded
    result = await stage_changes.change_stage(
        desk.store,
        desk.content,
        application_id,
        stage,
        actor=viewer.actor,
        notify=notify,
        expected_version=version,
        report_chat_id=viewer.user_id,  # delivery problems go to the admin's private chat
        forwarding=desk.services.settings.forwarding(),
    )
    return await report(desk, viewer, application_id, stage, result, quiet=not notify)


async def bulk_preview(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """The selected leads → a stage: what Telegram's Move all shows before its confirm."""
    content, language = desk.content, viewer.language
    ids = inputs.selection(body.get("ids"))
    stage = inputs.stage_key(body)
    if stage not in content.stages:
        raise inputs.BadInput("unknown stage")
    leads = await desk.store.pipeline.chosen(ids)
    # ⏭ pressed: the selection's leads at an outcome stage left where they are, as in chat.
    without_outcomes = "skip_outcomes" in body and inputs.flag(
        body.get("skip_outcomes"), "skip_outcomes"
    )
    if without_outcomes:
        leads = [lead for lead in leads if not bulk_moves.at_outcome(content, lead, stage)]
    forwarding = desk.services.settings.forwarding()
    told = await desk.store.pipeline.told([lead.application_id for lead in leads])
    waiting = await desk.store.support.questions_waiting({lead.user_id for lead in leads})
    minors = await cancelling.minor_cancels_of(desk.store, leads)  # by the bot (s62, N2)
    preview = bulk_moves.bulk_preview(content, stage, leads, forwarding, told, waiting, minors)
    label = pipeline_stages.stage_label(content, stage, language)
    selection = desk.content.text(Text.WS_BULK_SELECTION, language)
    if without_outcomes:
        selection += ", " + desk.content.text(Text.BULK_WITHOUT_OUTCOMES, language)
    if not preview.eligible:
        info = desk.say(Text.BULK_NONE_ELIGIBLE, language)
    elif not preview.examples:
        info = desk.say(Text.BULK_ALL_TOLD if preview.told else Text.BULK_NO_MESSAGE, language)
    else:
        shown = [
            desk.say(
                Text.BULK_EXAMPLE,
                language,
                talent_language=stage_changes.talent_language(content, language, lead.language),
                reference=lead.reference,
            )
            for lead, _ in preview.examples
        ]
        info = desk.say(
            Text.BULK_MESSAGE_INFO,
            language,
            counts=languages_in_words(
                content, language, len(preview.to_tell) - preview.english, preview.english
            ),
            examples=desk.say(Text.BULK_EXAMPLES_JOIN, language).join(shown),
        )
    summary = desk.say(
        Text.BULK_PREVIEW,
        language,
        count=len(leads),
        filter=selection,
        stage=label,
        skipped=bulk_moves.preview_skipped(content, language, preview, stage, forwarding),
        message_info=info,
    )
    # Kept as Telegram's Move all keeps its preview: confirming moves these leads, each only
    # if still at the version shown, and only within PREVIEW_LIFETIME.
    store = desk.store.pipeline
    words = desk.content.text(Text.WS_BULK_SELECTION, "en")
    batch_id = await store.start_bulk(viewer.actor, viewer.user_id, words)
    await store.choose_bulk_stage(batch_id, stage, leads)
    # The example messages name their talents: recorded as views of those leads.
    await desk.store.audit.add_each(
        viewer.actor,
        "bulk_previewed",
        [lead.reference for lead, _ in preview.examples],
        batch=batch_id,
        stage=stage,
        selected=len(ids),
    )
    planned: dict[str, Any] = {
        "batch": batch_id,
        "summary": summary,
        "movable": len(preview.eligible),
        # ⏭ Skip those at an outcome: how many it would leave (0: not offered).
        "outcomes": preview.skippable,
        "examples": [
            {"language": message.language, "reference": lead.reference, "html": message.text}
            for lead, message in preview.examples
        ],
        "leads": [[lead.application_id, lead.version] for lead in leads],
        "stage": stage,
    }
    # The first example in the workspace's language when none is in it (never sent).
    examples = preview.examples
    translation = bulk_moves.example_translation(content, stage, examples, forwarding, language)
    if translation is not None:
        label = desk.say(Text.PIPELINE_PREVIEW_TRANSLATION, language)
        planned["translation"] = {"language": language, "html": translation.text, "label": label}
    return planned


async def bulk_move(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Confirmed: move the leads of this admin's stored preview still as it showed them (others
    are skipped), once; a preview older than PREVIEW_LIFETIME moves nothing, as in Telegram."""
    content, language = desk.content, viewer.language
    batch_id = inputs.integer(body.get("batch"), "batch")
    stage = inputs.stage_key(body)
    notify = inputs.flag(body.get("notify"), "notify")
    if stage not in content.stages:
        raise inputs.BadInput("unknown stage")
    store = desk.store
    words = desk.content.text(Text.WS_BULK_SELECTION, "en")
    started = await bulk_moves.start_bulk_move(
        store, batch_id, stage, actor=viewer.actor, notify=notify, filter_words=words
    )
    if not isinstance(started, bulk_moves.BulkStart):
        minutes = int(bulk_moves.PREVIEW_LIFETIME.total_seconds() // 60)
        if started == "expired":
            text = desk.say(Text.WS_BULK_EXPIRED, language, minutes=minutes)
        else:
            text = desk.say(Text.WS_BULK_GONE, language)
        return {"outcome": started, "text": text}
    number = started.number
    forwarding = desk.services.settings.forwarding()
    result = await bulk_moves.bulk_move(
        store,
        content,
        batch_id,
        started.preview,
        stage,
        actor=viewer.actor,
        notify=notify,
        forwarding=forwarding,
    )
    log.info(
        "Bulk move %d from the workspace: %d lead(s) to %s, %d message(s)",
        number,
        result.moved,
        stage,
        result.messages,
    )
    label = pipeline_stages.stage_label(content, stage, language)
    skipped = plain_text(bulk_moves.skipped_changed(content, language, result))
    if result.duplicates:  # left closed, as the preview said
        skipped += bulk_moves.skipped_duplicates(content, language, result)
    skipped += bulk_moves.skipped_withdrawn(
        content, language, result.withdrawn, result.withdrawn_minor
    )
    if result.no_consent and forwarding is None:  # as Telegram's Move all says it
        skipped += desk.say(
            Text.BULK_SKIPPED_FORWARDING_OFF, language, count=result.no_consent, stage=label
        )
    elif result.no_consent and forwarding is not None:
        skipped += desk.say(
            Text.BULK_SKIPPED_NO_CONSENT,
            language,
            count=result.no_consent,
            stage=label,
            recipient=forwarding.recipient,
        )
    if result.told:
        skipped += desk.say(Text.BULK_SKIPPED_TOLD, language, count=result.told)
    text = desk.say(
        Text.BULK_DONE,
        language,
        id=number,
        moved=result.moved,
        stage=label,
        messages=result.messages,
        skipped=skipped,
    )
    # Its delivery report goes to the admin's private chat (start_bulk): said when it cannot.
    if result.messages and await desk.unreachable(viewer) is not None:
        text += "\n" + desk.say(Text.WS_BULK_UNREPORTED, language)
    return {"outcome": "saved", "text": text, "moved": result.moved, "messages": result.messages}


async def reply(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Reply to talent on a lead's page."""
    application_id = inputs.lead_id(body)

    async def talent() -> tuple[int, str | None, str]:
        state = await _state(desk, application_id)
        # The name the page's heading shows (the form's), else their Telegram name.
        return (
            state.user_id,
            state.reference,
            state.full_name or await telegram_name(desk, state.user_id),
        )

    return await answer(desk, viewer, body, talent)


async def reply_heading(desk: Desk, viewer: Viewer, user_id: int) -> str:
    """The heading a reply to the talent is sent under now, as they will read it, said for the
    page above the reply box (a staff review s55: it quoted their stray "3", unforeseen): made
    as `support.answer_talent` makes it, in the talent's language, over their waiting message
    that asks (`support.answering`)."""
    store = desk.store
    talent = await store.users.get(user_id)
    language = talent.language if talent else desk.services.settings.default_language
    asked = (await support.answering(store, desk.content, user_id)).asked
    heading = await support.answer_heading(store, desk.content, user_id, asked, language)
    shown = support.heading_text(heading)
    return desk.say(Text.WS_REPLY_HEADING_SHOWN, viewer.language, heading=shown)


async def seen_in(desk: Desk, body: dict[str, Any], user_id: int) -> str:
    """When the talent wrote the newest thing the page or card showed (`body`'s `seen`, a
    stored time: a Questions card's `seen`, a lead page's `question_seen`). A page drawn
    before it was sent (open since before session 65) is taken to have shown only the
    oldest thing of theirs that waits: what they wrote after it is never answered unseen."""
    if "seen" in body:
        return inputs.words(body, "seen", SEEN_LIMIT)
    return min(await desk.store.support.waiting_times(user_id), default="")


async def telegram_name(desk: Desk, user_id: int) -> str:
    """A talent's Telegram name as staff see it (a Questions card's heading)."""
    found = await desk.store.users.get(user_id)
    return support.display_name(found) if found else f"id {user_id}"


async def answer(
    desk: Desk,
    viewer: Viewer,
    body: dict[str, Any],
    talent: Callable[[], Awaitable[tuple[int, str | None, str]]],
) -> dict[str, Any]:
    """Staff's words (`body`'s text) to a talent (`talent`: their Telegram id, lead reference
    and name as the page shows it, or why there is none to answer), from the bot, as a
    relayed staff answer is;
    recorded in the audit log whatever became of it (about their lead, or them if they have
    none). `body`'s holding: a holding reply, after which their questions still wait; its
    `seen` (`seen_in`): what they wrote after the page showed it stays waiting, and the
    result says so. A lead page's reply and the Questions tab's both come here."""
    text = inputs.words(body, "text", REPLY_LIMIT).strip()
    holding = inputs.flag(body.get("holding", False), "holding")
    if len(text.encode("utf-16-le")) > 2 * REPLY_LIMIT:  # as Telegram and the page count
        raise inputs.BadInput(f"text must be at most {REPLY_LIMIT} UTF-16 units")
    language = viewer.language
    if blank(text):
        return {"outcome": "refused", "text": desk.content.text(Text.WS_REPLY_EMPTY, language)}
    user_id, lead_reference, name = await talent()
    seen = await seen_in(desk, body, user_id)
    # A holding reply keeps waiting questions listed; with none waiting it is a plain reply
    # (a staff review: the toast said a question stayed listed, and none did).
    unheld = holding and not await desk.store.support.question_waiting(user_id)
    holding = holding and not unheld
    settings = desk.services.settings
    answerer = support.Answerer(
        viewer.user_id, viewer.name, settings.staff_chat_id, settings.default_language
    )
    since = utc_now()  # a talent erased after this is not named in the entry
    delivery, still = await support.answer_talent(
        desk.bot, desk.store, desk.content, user_id, text, answerer, holding=holding, seen=seen
    )
    await desk.store.audit.about_talent(
        viewer.actor,
        "talent_answered",
        (user_id, lead_reference),
        since,
        length=len(text),
        outcome=delivery.value,
        **({"holding": True} if holding else {}),
    )
    sent = Text.WS_REPLY_SENT_HOLDING if holding else Text.WS_REPLY_SENT
    key = {
        support.Delivery.SENT: Text.WS_REPLY_SENT_UNHELD if unheld else sent,
        support.Delivery.BLOCKED: Text.WS_REPLY_BLOCKED,
        support.Delivery.FAILED: Text.WS_REPLY_FAILED,
        support.Delivery.ANSWERED: Text.WS_REPLY_ALREADY_ANSWERED,
    }[delivery]
    if still:  # they wrote again after the page showed their question: that still waits
        key = Text.WS_REPLY_SENT_WROTE_AGAIN
    # Who was answered, by name (a staff review s55: "Balasan terkirim ke talenta." named
    # nobody, and on the Questions tab their card is gone by then); as plain text.
    return {"outcome": delivery.value, "text": desk.say(key, language, name=name, count=still)}
