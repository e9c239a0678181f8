"""/privasi, /dataku and /hapusdata: the notice, consents, a copy of the data, erasure."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction

from bot import commands, temp_folders
from bot.backing_out import backs_out
from bot.content import LANGUAGES, Content, Markup
from bot.data_copy import moment_text
from bot.leads import cancelling
from bot.leads.export import to_wib
from bot.leads.records import missing_lead_text
from bot.my_data import CopyWait, write_copy
from bot.settings import Forwarding
from bot.store import Consent
from bot.store.conversation import LogEntry
from bot.store.db import ago
from bot.texts import Text
from bot.wib import WIB
from handlers import talent_status
from handlers.common import BotContext, answer_query, controller_values, reply, show
from handlers.registration_views import VIEW
from handlers.views import MENU, PRIVACY, back_row, button

log = logging.getLogger(__name__)

PREFIX = "pv:"
CONSENTS = "pv:consents"
MY_DATA = "pv:data"
DELETE = "pv:delete"
DELETE_YES = "pv:delete:yes"  # + ":" + the unix time it was asked: an old button asks again
DELETE_YES_PATTERN = rf"^{DELETE_YES}(:\d{{1,12}})?$"  # without a time: from before it had one
# A "yes" that erases or withdraws is honoured only this long after it was asked.
FRESH_SECONDS = 15 * 60
DELETE_NO = "pv:delete:no"
TOGGLE = "pv:t:"  # + consent kind + ":1" (give) or ":0" (withdraw): a replay sets, never flips
# Withdrawing consent to processing deletes registrations: ":0" only asks, these act.
WITHDRAW_YES = f"{TOGGLE}processing:0:yes"  # + ":" + the unix time it was asked, as DELETE_YES
WITHDRAW_NO = f"{TOGGLE}processing:0:no"
REMINDERS = "pv:rm:"  # + "1" (on) or "0" (off): registration reminders, set the same way
TOGGLEABLE = ("processing", "transfer_korea", "announcements")
KIND_TEXT = {
    "processing": Text.CONSENT_KIND_PROCESSING,
    "transfer_korea": Text.CONSENT_KIND_TRANSFER,
    "announcements": Text.CONSENT_KIND_ANNOUNCEMENTS,
    "guardian": Text.CONSENT_KIND_GUARDIAN,
}


async def notice(update: Update, context: BotContext) -> None:
    """The privacy notice, with the talent's rights one tap away."""
    language = context.language(update)
    rows = [
        [button(context.text(Text.BTN_MY_CONSENTS), CONSENTS)],
        [
            button(context.text(Text.BTN_MY_DATA), MY_DATA),
            button(context.text(Text.BTN_DELETE_DATA), DELETE),
        ],
        back_row(context.content, language, MENU),
    ]
    content, facts = context.content, context.services.settings.privacy_facts()
    text = content.privacy_text(content.privacy.notice, language, facts)
    await show(update, text, InlineKeyboardMarkup(rows))


async def consents(update: Update, context: BotContext) -> None:
    """Each consent's current state, with a button to withdraw or give it."""
    user = update.effective_user
    if user is None:
        return
    stored = await context.services.store.applications.consents(user.id)
    forwarding = context.services.settings.forwarding()
    lines = []
    buttons: list[list[InlineKeyboardButton]] = []
    for kind, key in KIND_TEXT.items():
        consent = stored.get(kind)
        if kind == "guardian" and consent is None:
            continue  # asked of minors only: a line about it would puzzle everyone else
        if kind == "transfer_korea" and consent is None and forwarding is None:
            continue  # nothing is passed on here, and nothing was ever asked
        if consent is None:
            state = context.text(Text.CONSENT_NONE)
        else:
            date = _day(context, consent.created_at)
            given = Text.CONSENT_GIVEN if consent.granted else Text.CONSENT_WITHDRAWN
            state = context.text(given, date=date)
        named = consent_name(context.content, context.language(update), kind, consent, forwarding)
        lines.append(context.text(Text.CONSENT_LINE, kind=Markup(named), state=state))
        if kind == "transfer_korea" and forwarding is None and not (consent and consent.granted):
            continue  # a forwarding consent can be withdrawn here, given only with FORWARD_TO
        if kind in TOGGLEABLE and consent is not None:
            label = Text.BTN_WITHDRAW if consent.granted else Text.BTN_GRANT
            target = "0" if consent.granted else "1"
            data = f"{TOGGLE}{kind}:{target}"
            buttons.append([button(context.text(label, kind=context.text(key)), data)])
    preference = await context.services.store.reminders.preference(user.id)
    if preference.enabled:
        state = context.text(Text.REMINDER_PREFERENCE_ON)
        switch = button(context.text(Text.BTN_REMINDERS_OFF), f"{REMINDERS}0")
    else:
        date = _day(context, preference.changed_at) if preference.changed_at else ""
        state = context.text(Text.REMINDER_PREFERENCE_OFF, date=date)
        switch = button(context.text(Text.BTN_REMINDERS_ON), f"{REMINDERS}1")
    preference_line = context.text(Text.REMINDER_PREFERENCE_LINE, state=state)
    buttons.append([switch])
    buttons.append(back_row(context.content, context.language(update), PRIVACY))
    text = context.text(
        Text.CONSENTS_SCREEN, lines=Markup("\n".join(lines)), preferences=Markup(preference_line)
    )
    await show(update, text, InlineKeyboardMarkup(buttons))


def consent_name(
    content: Content,
    language: str,
    kind: str,
    consent: Consent | None,
    forwarding: Forwarding | None,
) -> str:
    """A consent as the talent reads it; forwarding names whom it was given for (as recorded,
    so an earlier consent keeps its wording), or whom it would be given for now."""
    if kind != "transfer_korea":
        return content.text(KIND_TEXT[kind], language)
    recipient, abroad = None, False
    if consent is not None:
        recipient, abroad = consent.recipient, consent.abroad
    elif forwarding is not None:
        recipient, abroad = forwarding.recipient, forwarding.abroad
    if not recipient:
        return content.text(Text.CONSENT_KIND_TRANSFER, language)
    key = Text.CONSENT_KIND_TRANSFER_ABROAD if abroad else Text.CONSENT_KIND_TRANSFER_TO
    return content.text(key, language, recipient=recipient)


def _day(context: BotContext, moment: str) -> str:
    """A stored time as the talent's date: 1 Desember 2026 (in WIB)."""
    return context.content.date_text(to_wib(moment).date(), context.language())


async def toggle_consent(update: Update, context: BotContext) -> None:
    """Withdraw or give one consent; it takes effect at once (withdrawing the consent to
    processing deletes registrations, so that one is confirmed first, like /hapusdata)."""
    query = update.callback_query
    user = update.effective_user
    if query is None or user is None:
        return
    kind, _, target = (query.data or "").removeprefix(TOGGLE).partition(":")
    target, _, answer = target.partition(":")
    applications = context.services.store.applications
    current = (await applications.consents(user.id)).get(kind)
    if kind not in TOGGLEABLE or current is None or target not in ("0", "1"):
        await answer_query(update, context.text(Text.BUTTON_EXPIRED), alert=True)
        return
    confirmed, _, asked = answer.partition(":")  # "yes" + ":" + the time it was asked
    if kind == "processing" and target == "0" and confirmed != "yes":
        await _withdrawal_question(update, context, kept=answer == "no")
        return
    if confirmed == "yes" and not current.granted:  # an old confirmation: already withdrawn
        await consents(update, context)
        return
    if confirmed == "yes" and not _asked_lately(asked):
        # A stale button (asked long ago, registered since): withdraw only when asked now.
        await _withdrawal_question(update, context, kept=False, again=True)
        return
    granted = target == "1"
    version = context.content.privacy.version
    forwarding = context.services.settings.forwarding()
    recipient = None
    if kind == "transfer_korea":
        # Given for the recipient named now; withdrawn from the one it was given for.
        if granted and forwarding is None:
            await answer_query(update, context.text(Text.BUTTON_EXPIRED), alert=True)
            return
        if granted and forwarding is not None:
            recipient = (forwarding.recipient, forwarding.abroad)
        elif current.recipient:
            recipient = (current.recipient, current.abroad)
    if kind == "announcements":  # the subscription flag and its consent change together
        await context.services.store.broadcasts.set_subscription(
            user.id, granted, version, context.language(update)
        )
    else:
        await applications.record_consent(
            user.id, kind, granted, version, context.language(update), recipient=recipient
        )
    if kind == "processing" and not granted:
        count = await context.services.store.privacy.withdraw_processing(user.id)
        await _forget_typed(context)  # their questions went too
        context.services.pages_sent.forget(user.id)  # which answer they were sent last
        context.services.store.questions.forget(user.id)  # that they said "Not this" lately
        log.info(
            "User %d withdrew consent to processing; %d application(s) deleted", user.id, count
        )
        await answer_query(update)
        await reply(update, context.text(Text.PROCESSING_WITHDRAWN, count=count))
        return
    await answer_query(update, context.text(Text.CONSENT_UPDATED))
    await consents(update, context)


async def _withdrawal_question(
    update: Update, context: BotContext, *, kept: bool, again: bool = False
) -> None:
    """Ask before withdrawing consent to processing: what goes, and a way back unchanged
    (`again`: a press of an old question)."""
    language = context.language(update)
    if kept:  # "No, keep it": nothing was recorded, nothing is deleted
        markup = InlineKeyboardMarkup([back_row(context.content, language, CONSENTS)])
        await show(update, context.text(Text.WITHDRAW_KEPT), markup)
        return
    rows = [
        [button(context.text(Text.BTN_CONFIRM_WITHDRAW), _asked_now(WITHDRAW_YES))],
        [button(context.text(Text.BTN_KEEP_DATA), WITHDRAW_NO)],
    ]
    text = context.text(Text.WITHDRAW_CONFIRM)
    if again:
        text = f"{context.text(Text.WITHDRAW_ASKED_AGAIN)}\n\n{text}"
    await show(update, text, InlineKeyboardMarkup(rows))


async def toggle_reminders(update: Update, context: BotContext) -> None:
    """Turn registration reminders off or on; it takes effect at once."""
    query = update.callback_query
    user = update.effective_user
    if query is None or user is None:
        return
    target = (query.data or "").removeprefix(REMINDERS)
    if target not in ("0", "1"):
        await answer_query(update, context.text(Text.BUTTON_EXPIRED), alert=True)
        return
    await context.services.store.reminders.set_enabled(user.id, target == "1")
    await answer_query(update, context.text(Text.CONSENT_UPDATED))
    await consents(update, context)


async def send_my_data(update: Update, context: BotContext) -> None:
    """/dataku: a JSON file of everything stored about the talent, and a short summary.

    Made off the event loop into a private temporary folder (bot/my_data.py), at most once
    every few minutes per talent; a repeat meanwhile is told the copy is being prepared.
    """
    user = update.effective_user
    chat = update.effective_chat
    if user is None or chat is None:
        return
    await answer_query(update)
    copies = context.services.copies
    waiting = copies.begin(user.id, await context.services.store.applications.changed(user.id))
    if waiting is not None:
        await reply(update, _copy_wait(context, update, waiting))
        return
    controller = context.services.settings.privacy_facts().controller
    try:
        await chat.send_action(ChatAction.UPLOAD_DOCUMENT)
        with temp_folders.folder("mydata") as folder:
            made = await write_copy(
                context.services.store,
                context.content,
                user.id,
                context.language(update),
                f"{controller.name} · {controller.contact}",
                Path(folder),
                update.update_id,
            )
            if made is None:
                copies.forget(user.id)
                await reply(update, context.text(Text.MYDATA_EMPTY))
                return
            if made.split:
                name = made.files[0].name.split(".zip", 1)[0]
                await reply(
                    update, context.text(Text.MYDATA_SPLIT, parts=len(made.files), name=name)
                )
            elif made.zipped:
                await reply(update, context.text(Text.MYDATA_ZIPPED))
            for file in made.files:
                with file.open("rb") as handle:
                    await chat.send_document(handle, filename=file.name)
    except BaseException:
        copies.forget(user.id)  # it did not reach them: they may ask again at once
        raise
    copies.sent(user.id)
    counts = made.counts
    # A registration's answers, to read as text in the chat and correct: a parent found the
    # file hard to read on a phone (a talents' review). Else nothing to correct with /daftar.
    # Only a registration still open: a cancelled one is read in the file, not updated (a
    # re-check s59, N2: its button said "deleted, or not yours").
    sent = await context.services.store.pipeline.registrations(user.id)  # newest first
    still = cancelling.still_open(sent)
    lead = still[0] if still else None
    next_step = (
        Text.MYDATA_NEXT_REGISTERED
        if lead is not None
        else Text.MYDATA_NEXT_CANCELLED
        if sent
        else Text.MYDATA_NEXT_UNREGISTERED
    )
    latest = max(sent, key=lambda item: item.withdrawn_at or "", default=None)
    if lead is None and latest is not None and cancelling.as_minor(latest.withdrawn_reason):
        next_step = Text.MYDATA_NEXT_CANCELLED_UNDER_18  # by the bot, for want of consent (s62)
    # "1 terkirim, 1 draf", not "2" (a talents' review: one sent and one just started).
    kinds = [
        context.text(key, count=count)
        for key, count in (
            (Text.MYDATA_SENT_COUNT, counts.get("applications_sent", 0)),
            (Text.MYDATA_DRAFT_COUNT, counts.get("applications_draft", 0)),
        )
        if count
    ]
    registrations = (
        context.text(
            Text.MYDATA_REGISTRATIONS,
            applications=", ".join(kinds),
            answers=counts.get("answers", 0),
        )
        if kinds
        else context.text(Text.MYDATA_NO_REGISTRATIONS)
    )
    cancelled = [item for item in sent if item.withdrawn_at is not None]
    # "1 terkirim, dengan 17 jawaban · 🚫 kamu batalkan: KOC-000001 pada …"; those the bot
    # cancelled (under 18, no guardian's consent) said apart, not "kamu batalkan" (s62, N2).
    for said, minor in ((Text.MYDATA_CANCELLED, False), (Text.MYDATA_CANCELLED_UNDER_18, True)):
        items = ", ".join(
            context.text(
                Text.MYDATA_CANCELLED_ITEM,
                reference=item.reference,
                date=context.content.date_text(
                    to_wib(item.withdrawn_at or "").date(), context.language(update)
                ),
            )
            for item in cancelled
            if cancelling.as_minor(item.withdrawn_reason) == minor
        )
        if items:
            shown = context.text(said, items=Markup(items))
            registrations = f"{registrations} · {shown}"
    summary = context.text(
        Text.MYDATA_SUMMARY,
        next=Markup(context.text(next_step)),
        registrations=Markup(registrations),
        consents=counts.get("consents", 0),
        messages=counts.get("conversation_log", 0),
        **controller_values(context),
    )
    # After an erasure the copy holds only what came since (this /dataku at least): said, so
    # "Telegram profile: stored · 1 message" does not read as an erasure that failed.
    erased = await context.services.store.privacy.was_erased(user.id)
    if erased:
        when = moment_text(context.content, context.language(update), erased[-1])
        summary = f"{summary}\n\n{context.text(Text.MYDATA_ERASED_BEFORE, when=when)}"
    # The kept "under 18" note is named too, not only in the file (a re-check s60, L4).
    declared = await context.services.store.applications.age_declaration(user.id)
    if declared is not None:
        when = moment_text(context.content, context.language(update), declared.declared_at)
        summary = f"{summary}\n\n{context.text(Text.MYDATA_AGE_DECLARATION_NOTE, when=when)}"
    see = context.text(Text.BTN_MYDATA_SEE_ANSWERS)
    markup = (
        None
        if lead is None
        else InlineKeyboardMarkup([[button(see, f"{VIEW}{lead.application_id}")]])
    )
    await reply(update, summary, markup)


def _copy_wait(context: BotContext, update: Update, waiting: CopyWait) -> str:
    """Why no copy now, in one state: being prepared, or sent just now and from when a new
    one may be asked (a talents' review: "sedang disiapkan atau baru saja dikirim")."""
    if waiting.sending:
        return context.text(Text.MYDATA_PREPARING)
    local = waiting.again.astimezone(WIB)
    hour, minute = f"{local.hour:02d}", f"{local.minute:02d}"
    return context.text(Text.MYDATA_SENT_LATELY, hour=hour, minute=minute)


async def missing_lead(context: BotContext, typed: str, reference: str | None) -> str:
    """Why a lead was not found: never given, a draft, or given and since deleted."""
    store, language = context.services.store, context.language()
    return await missing_lead_text(store, context.content, language, typed, reference)


async def ask_delete(update: Update, context: BotContext, *, again: bool = False) -> None:
    """/hapusdata: ask before erasing everything (`again`: a press of an old question)."""
    rows = [
        [button(context.text(Text.BTN_CONFIRM_DELETE), _asked_now(DELETE_YES))],
        [button(context.text(Text.BTN_KEEP_DATA), DELETE_NO)],
    ]
    text = context.text(Text.DELETE_CONFIRM)
    if again:
        text = f"{context.text(Text.DELETE_ASKED_AGAIN)}\n\n{text}"
    await show(update, text, InlineKeyboardMarkup(rows))


def _asked_now(data: str) -> str:
    """The data of a "yes" button with the time it is asked (for `_asked_lately`)."""
    return f"{data}:{int(time.time())}"


def _asked_lately(asked: str) -> bool:
    """Whether a "yes" whose data ended in `asked` (its unix time) was asked less than
    15 minutes ago: a button left in the chat is never honoured days later."""
    if not asked.isdigit() or len(asked) > 12:
        return False  # a button from before the question carried its time
    return 0 <= time.time() - int(asked) <= FRESH_SECONDS


async def delete_confirmed(update: Update, context: BotContext) -> None:
    """Erase the talent's data, confirm, then erase the confirmation from the log too."""
    user, query = update.effective_user, update.callback_query
    if user is None:
        return
    if query is None or not _asked_lately((query.data or "").removeprefix(f"{DELETE_YES}:")):
        # A stale button (days later, another conversation since): erase only when asked now.
        await ask_delete(update, context, again=True)
        return
    store = context.services.store
    told = await store.privacy.erase(user.id)
    text = await _done_text(context, user.id)
    if told and context.services.settings.staff_chat_id is not None:
        # Only when it is so: the staff chat gets the notice of copies outside the bot
        # (a talents' review: "Semua datamu sudah kami hapus" promised more than the bot did).
        text = f"{text}\n{context.text(Text.DELETE_DONE_COPIES)}"
    context.services.copies.forget(user.id)  # a copy asked for before is of data now gone
    context.services.pages_sent.forget(user.id)  # which answer they were sent last
    context.services.store.questions.forget(user.id)  # that they said "Not this" lately
    await _forget_typed(context)
    log.info("Erased all data of a user on request")  # no id: the erasure record has a hash
    await show(update, text, None)
    await store.privacy.forget_log(user.id)


async def _done_text(context: BotContext, user_id: int) -> str:
    """ "All your data is deleted", and how to register again: /daftar, or, while the day's
    limit holds (the registrations just deleted count for 24 hours), from when /daftar starts
    a new one, as its refusal will say then (update_limited)."""
    held = await talent_status.limited_until(context, user_id)
    if held is None:
        return context.text(Text.DELETE_DONE)
    limit, again = held
    when = context.content.moment_text(to_wib(again), context.language())
    return context.text(Text.DELETE_DONE_LIMITED, limit=limit, when=when)


async def delete_cancelled(update: Update, context: BotContext) -> None:
    """The talent changed their mind."""
    await show(update, context.text(Text.DELETE_KEPT), None)


async def typed_keep(update: Update, context: BotContext, text: str) -> bool:
    """ "eh jangan dulu deh", "ga jadi", "batal" typed right after /hapusdata's question (its
    talent's message before this one asked it, within FRESH_SECONDS): as its "Tidak jadi"
    button, nothing erased, said plainly (a talents' review: "Ada yang bisa kubantu?" left the
    talent unsure). True if it was that."""
    user = update.effective_user
    if user is None or not backs_out(text):
        return False  # most messages: no read of the store
    before = await context.services.store.log.before_latest_in(user.id)
    if (
        before is None
        or before[1] < ago(FRESH_SECONDS)
        or not _asks_to_delete(context.content, before[0])
    ):
        return False
    await reply(update, context.text(Text.DELETE_KEPT_TYPED))
    return True


def _asks_to_delete(content: Content, entry: LogEntry) -> bool:
    """Whether a talent's message asked to erase their data: /hapusdata (/deletemydata), or a
    press of the button that asks it (the log keeps a press as the label the talent read)."""
    text = (entry.text or "").strip()
    if entry.kind == "command":
        name = text.split(maxsplit=1)[0].removeprefix("/").split("@", 1)[0] if text else ""
        return name.casefold() in commands.DELETE_DATA.names
    if entry.kind != "button":
        return False
    labels = (Text.BTN_DELETE_DATA, Text.BTN_CONFIRM_DELETE)
    return any(text == content.text(key, language) for key in labels for language in LANGUAGES)


async def _forget_typed(context: BotContext) -> None:
    """What the free-question index holds of an erased talent's words goes: the corrections
    of words she typed, and her names in the wordings staff taught (masked in the database by
    the erasure; the index is built again from them)."""
    services = context.services
    services.live_content.matcher.forget_typed()
    await services.live_content.teach(services.store.taught.pairs)
