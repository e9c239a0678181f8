"""A talent cancelling a registration they sent: the buttons under /status and after /batal,
the wish in words, the confirmation, and the word to staff (bot/leads/cancelling.py)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.content import Markup, other_language
from bot.leads import cancelling, form_order, pipeline_stages
from bot.leads.cancel_wish import wants_to_cancel
from bot.leads.export import to_wib
from bot.leads.intake_screens import QUESTION, Screen
from bot.parsing import small_int
from bot.store import Draft
from bot.store.cancellations import OwnLead
from bot.store.pipeline import Registration
from bot.support import SupportDesk
from bot.texts import Text
from handlers import fallback, records_alerts
from handlers.common import BotContext, answer_query, reply, sender_name, show
from handlers.pipeline_views import open_button
from handlers.views import button

log = logging.getLogger(__name__)

PREFIX = "tc:"  # its buttons leave ask mode only once the registration is cancelled
ASK = f"{PREFIX}a:"  # tc:a:<application id>: the confirmation
YES = f"{PREFIX}y:"
NO = f"{PREFIX}n:"
PATTERN = r"^tc:[ayn]:[0-9]+$"


def cancel_rows(
    context: BotContext, language: str, registrations: list[Registration]
) -> list[list[InlineKeyboardButton]]:
    """A "Batalkan" button for each registration still open: "this registration" for one,
    its reference for several."""
    still = cancelling.still_open(registrations)
    content = context.content
    if len(still) == 1:
        label = content.text(Text.BTN_CANCEL_REGISTRATION, language)
        return [[button(label, f"{ASK}{still[0].application_id}")]]
    return [
        [
            button(
                content.text(Text.BTN_CANCEL_ONE, language, reference=item.reference),
                f"{ASK}{item.application_id}",
            )
        ]
        for item in still
    ]


async def nothing_to_pause(update: Update, context: BotContext, user_id: int) -> None:
    """/batal with no form open: to a talent with a sent registration still open, that there
    is nothing to pause and how to cancel one (a talents' review s59: "Saat ini tidak ada
    pendaftaran yang sedang kamu isi.", no next step); all cancelled: said so; else that line
    as before."""
    language = context.language(update)
    registrations = await context.services.store.pipeline.registrations(user_id)
    rows = cancel_rows(context, language, registrations)
    if not rows:  # none sent, or every one cancelled already (said so)
        none = Text.CANCEL_NONE_OPEN if registrations else Text.INTAKE_NOTHING_TO_CANCEL
        await reply(update, context.text(none))
        return
    await reply(
        update, context.text(Text.INTAKE_NOTHING_TO_CANCEL_SENT), InlineKeyboardMarkup(rows)
    )


async def wished(update: Update, context: BotContext, user_id: int, text: str) -> bool:
    """ "batalin pendaftaranku" from a talent who sent one: the confirmation (one still open)
    or the choice (several); all cancelled already: said so. False, for the matcher, if the
    message is not that wish or the talent never sent a registration."""
    if not wants_to_cancel(text):
        return False  # most messages: no read of the store
    registrations = await context.services.store.pipeline.registrations(user_id)
    if not registrations:
        return False
    language = context.language(update)
    still = cancelling.still_open(registrations)
    if not still:
        await reply(update, context.text(Text.CANCEL_NONE_OPEN))
    elif len(still) == 1:
        lead = await context.services.store.cancellations.own_lead(user_id, still[0].application_id)
        if lead is None:  # erased in between
            return False
        await reply(update, *_confirmation(context, language, lead))
    else:
        rows = cancel_rows(context, language, still)
        await reply(update, context.text(Text.CANCEL_CHOOSE), InlineKeyboardMarkup(rows))
    return True


def _confirmation(
    context: BotContext, language: str, lead: OwnLead
) -> tuple[str, InlineKeyboardMarkup]:
    content = context.content
    text = content.text(
        Text.CANCEL_CONFIRM, language, reference=lead.reference, name=lead.registered_for or "—"
    )
    markup = InlineKeyboardMarkup(
        [
            [
                button(content.text(Text.BTN_CANCEL_YES, language), f"{YES}{lead.application_id}"),
                button(content.text(Text.BTN_CANCEL_NO, language), f"{NO}{lead.application_id}"),
            ]
        ]
    )
    return text, markup


async def pressed(update: Update, context: BotContext) -> None:
    """Batalkan (the confirmation), Ya (cancelled, staff told) or Tidak (nothing changes)."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None:
        return
    data = query.data or ""
    application_id = small_int(data[len(ASK) :])
    store, language = context.services.store, context.language(update)
    lead = (
        None
        if application_id is None
        else await store.cancellations.own_lead(user.id, application_id)
    )
    if application_id is None or lead is None:  # not theirs, or erased since
        await fallback.stale_button(update, context)
        return
    if lead.withdrawn_at is not None:
        await show(update, _already(context, lead))
        return
    if data.startswith(ASK):
        await show(update, *_confirmation(context, language, lead))
    elif data.startswith(NO):
        await show(update, context.text(Text.CANCEL_KEPT, reference=lead.reference))
    else:
        await _cancel(update, context, user.id, application_id)


def _already(context: BotContext, lead: OwnLead) -> str:
    """An old cancel button pressed on a registration cancelled already: by the talent, or by
    the bot for want of a guardian's consent (a re-check s62, N2: "sudah kamu batalkan")."""
    key = Text.CANCEL_ALREADY_UNDER_18 if cancelling.as_minor(lead.reason) else Text.CANCEL_ALREADY
    return context.text(key, reference=lead.reference)


async def _cancel(update: Update, context: BotContext, user_id: int, application_id: int) -> None:
    """Cancelled (committed first), ask mode left as any other button leaves it, the talent
    told (and that their messages no longer go to the team, if they were in ask mode: a last
    review s59 had it end unsaid), then staff."""
    store, content = context.services.store, context.content
    done = await cancelling.cancel(store, content, user_id, application_id)
    asking = await SupportDesk(store).close(user_id)
    if done.outcome == "gone" or done.lead is None:
        await fallback.stale_button(update, context)
        return
    lead = done.lead
    if done.outcome == "already":
        await show(update, _already(context, lead))
        return
    text = context.text(Text.CANCEL_DONE, reference=lead.reference)
    if asking:
        text = f"{text}\n{context.text(Text.CANCEL_DONE_ASKING)}"
    talent = await store.users.get(user_id)
    if talent is not None and talent.subscribed:
        text = f"{text}\n{context.text(Text.CANCEL_DONE_NEWS)}"
    await show(update, text)
    await _tell_staff(update, context, lead)


async def withdrawn_as_minor(update: Update, context: BotContext, screen: Screen) -> None:
    """An update's "Belum ada persetujuan" cancelled the registration (cancelling.
    cancel_as_minor): staff hear it as any cancel, with why, and the age the lead still
    says (a talents' review s62, H1: they heard nothing); with the account's other open
    registrations sent as an adult's, left open, to check whose they are (a review s62, H2:
    one account may register several people), whose assignees hear it too without a staff
    chat (M2)."""
    user, lead = update.effective_user, screen.draft
    if user is None or lead is None:
        return
    store, content = context.services.store, context.content
    own = await store.cancellations.own_lead(user.id, lead.id)
    if own is None:  # erased in between: nothing to tell
        return
    language = context.services.settings.default_language
    answers = await store.applications.answers(lead.id)
    ages = [item for item in content.questions.values() if form_order.guardian_choice(item)]
    others = await cancelling.adult_open(store, content, user.id, but=lead.id)

    def why(language: str) -> str:  # with the age the lead still says (an adult's)
        said = [form_order.display(item, content, answers.get(item.key), language) for item in ages]
        return content.text(Text.CANCEL_STAFF_ALERT_UNDER_18, language, age=", ".join(said))

    # The account's other registrations, left open, and program news stopped (s62).
    references = ", ".join(item.reference for item in others)
    also = [Text.CANCEL_STAFF_ALERT_UNDER_18_OTHERS] if others else []
    also += [Text.CANCEL_STAFF_ALERT_UNDER_18_NEWS] if screen.news_stopped else []
    reason = f"\n{why(language)}\n<i>{why(other_language(language))}</i>"
    for key in also:
        said = content.text(key, language, references=references)
        gloss = content.text(key, other_language(language), references=references)
        reason += f"\n{said}\n<i>{gloss}</i>"
    assignees = [item.assignee_id for item in others]
    await _tell_staff(update, context, own, reason, assignees, minor=True)


async def _tell_staff(
    update: Update,
    context: BotContext,
    lead: OwnLead,
    reason: str = "",
    assignees: Sequence[int | None] = (),
    *,
    minor: bool = False,
) -> None:
    """ "KOC-000001 dibatalkan oleh talentanya sendiri" in the staff chat (or to the admins),
    with the lead's button (and `reason`, lines under it, when the talent did not ask to
    cancel in those words); `minor`: "dibatalkan otomatis", the bot cancelled it (under 18,
    no guardian's consent: a review s63, L1). Without a staff chat the lead's assignee hears
    it, and so do those of the other leads the alert names (`assignees`)."""
    user = update.effective_user
    chats: set[int] = set()
    for assignee in (lead.assignee_id, *assignees):
        chats.update(await records_alerts.alert_chats(context, assignee))
    language = context.services.settings.default_language
    content = context.content
    headline, gloss = (
        (Text.CANCEL_STAFF_ALERT_MINOR, Text.CANCEL_STAFF_ALERT_MINOR_GLOSS)
        if minor
        else (Text.CANCEL_STAFF_ALERT, Text.CANCEL_STAFF_ALERT_GLOSS)
    )
    text = content.text(
        headline,
        language,
        reference=lead.reference,
        name=sender_name(update),
        user_id=str(user.id) if user is not None else "—",
        stage=pipeline_stages.stage_label(content, lead.stage, language),
        # The gist in the other language: the group is shared by staff who read Indonesian
        # and staff who read English (a re-check s59, M1).
        gloss=Markup(content.text(gloss, other_language(language))),
    )
    text += reason
    opener = open_button(content, language, lead.reference, lead.application_id, anew=True)
    if not await records_alerts.send_alert(context, sorted(chats), text, opener):
        log.warning("No staff chat heard that a talent cancelled a registration")


async def cancelled_pressed(
    update: Update, context: BotContext, user_id: int, application_id: int
) -> bool:
    """ "📝 Lihat & perbarui jawabanku" (/dataku) or "Perbarui" on a registration the talent
    cancelled: that it was, when, and where its answers are (a re-check s59, N2: it said
    "deleted, or not yours"). False if it is not one they cancelled."""
    lead = await context.services.store.cancellations.own_lead(user_id, application_id)
    if lead is None or lead.withdrawn_at is None:
        return False
    language = context.language(update)
    day = context.content.date_text(to_wib(lead.withdrawn_at).date(), language)
    await answer_query(update)
    said = (
        Text.UPDATE_CANCELLED_UNDER_18
        if cancelling.as_minor(lead.reason)
        else Text.UPDATE_CANCELLED
    )
    await reply(update, context.text(said, reference=lead.reference, date=day))
    return True


async def new_after_cancel(context: BotContext, user_id: int, screen: Screen) -> Screen:
    """A new form's first question, to a talent whose registrations were all cancelled by
    them: one line that this is a new one and the cancelled one stays so (a re-check s59,
    N5: /daftar said nothing of it). Other screens as they are."""
    if screen.kind != QUESTION or screen.note is not None:
        return screen
    registrations = await context.services.store.pipeline.registrations(user_id)
    if not registrations or cancelling.still_open(registrations):
        return screen  # none sent, or one open (the update-or-new choice covers it)
    references = ", ".join(item.reference for item in registrations)
    return replace(
        screen, note=Text.INTAKE_NEW_AFTER_CANCEL, note_values={"references": references}
    )


async def reused_line(context: BotContext, user_id: int, lead: Draft, language: str) -> str:
    """Under a new lead's staff alert: that its answers came from one the talent cancelled,
    in the alert's language and, in italics, the other (the group is shared); "" for a lead
    begun afresh (or whose cancelled one is gone)."""
    old = (
        None
        if lead.reuses is None
        else await context.services.store.cancellations.own_lead(user_id, lead.reuses)
    )
    if old is None:
        return ""
    content = context.content
    # Cancelled by the bot (under 18, no guardian's consent): not "by the talent" (s62, N2).
    key = Text.STAFF_NEW_LEAD_REUSED
    if cancelling.as_minor(old.reason):
        key = Text.STAFF_NEW_LEAD_REUSED_UNDER_18
    said = content.text(key, language, reference=old.reference)
    gloss = content.text(key, other_language(language), reference=old.reference)
    return f"\n{said}\n<i>{gloss}</i>"
