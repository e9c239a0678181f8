"""/daftar (/apply) and everything typed or pressed while a talent fills in an application."""

from __future__ import annotations

import logging
from dataclasses import replace

from telegram import InlineKeyboardMarkup, Update

from bot.answers.text import chatter, wants_to_register
from bot.content import Markup, other_language
from bot.leads import answer_outcomes, asked_questions, form_order, records, slips, stage_changes
from bot.leads.asked_questions import asks_in_note
from bot.leads.cancel_wish import registers_again, wants_to_undo
from bot.leads.change_wish import asks_about_the_choice, carried, wants_to_change
from bot.leads.export import wib_words
from bot.leads.intake_flow import IntakeFlow
from bot.leads.intake_screens import (
    GUARDIAN_WITHDRAWN,
    MENU,
    SECTOR,
    SENT_BEFORE,
    Screen,
    parse_press,
)
from bot.parsing import small_int
from bot.store.broadcasts import ANNOUNCEMENTS
from bot.store.cancellations import UNDER_18
from bot.texts import Text
from handlers import answers, fallback, records_alerts, support, talent_cancel
from handlers.broadcast import offer_subscription
from handlers.common import BotContext, answer_query, reply, sender_name, show
from handlers.intake_views import DISCARD_ASKED_UNSENT, render, summary
from handlers.menu import main_menu
from handlers.pipeline_views import open_button
from handlers.records_views import marks_lines
from handlers.registration_views import NEW, NEW_OR_REUSE, REUSE, UPDATE, VIEW
from handlers.staff_views import consent_lines
from handlers.views import APPLY, APPLY_PROGRAM, STATUS, button

log = logging.getLogger(__name__)


def _flow(context: BotContext) -> IntakeFlow:
    settings = context.services.settings
    store, content = context.services.store, context.content
    forwarding = settings.forwarding()
    return IntakeFlow(
        store,
        content,
        forwarding,
        chatter=chatter,
        wish=wants_to_register,
        new_per_day=settings.registrations_per_day,
    )


async def apply_command(update: Update, context: BotContext) -> None:
    """Start or resume an application."""
    user = update.effective_user
    if user is None:
        return
    fresh = await context.services.store.applications.draft_for(user.id) is None
    screen = await _flow(context).begin(user.id, context.language(update), update.update_id)
    if fresh:
        screen = await talent_cancel.new_after_cancel(context, user.id, screen)
    await _present(update, context, screen, edit=False)


async def apply_button(update: Update, context: BotContext) -> None:
    """The menu's Apply button, or a program page's "Apply for this"."""
    query = update.callback_query
    if query is None or update.effective_user is None:
        return
    program = (query.data or "").removeprefix(APPLY_PROGRAM) if query.data != APPLY else None
    user_id = update.effective_user.id
    fresh = await context.services.store.applications.draft_for(user_id) is None
    screen = await _flow(context).begin(
        user_id, context.language(update), update.update_id, program
    )
    if fresh:
        screen = await talent_cancel.new_after_cancel(context, user_id, screen)
    await _present(update, context, screen, edit=False)


async def undo_wished(update: Update, context: BotContext, user_id: int, typed: str) -> bool:
    """ "Apakah pembatalan ini dapat saya urungkan?" from a talent who cancelled a
    registration (a talents' review s60, M6: "no answer"): that a cancel is not undone, above
    what /daftar shows now (most often the offer to begin from the cancelled one's answers).
    "aku mau daftar lagi", "i want to register again": what /daftar shows, alone (a talents'
    review s62, L8: told the cancel can't be undone though they never asked; typed after
    /tanya as well). False, for the matcher, if it is not that wish or they cancelled none."""
    if not wants_to_undo(typed):
        return False  # most messages: no read of the store
    registrations = await context.services.store.pipeline.registrations(user_id)
    cancelled = [item for item in registrations if item.withdrawn_at is not None]
    if not cancelled:
        return False
    if registers_again(typed):
        await support.leave_ask_mode(update, context)  # as /daftar typed after /tanya would
        await apply_command(update, context)
        return True
    # The last one cancelled by the bot (under 18, no guardian's consent): not "any time".
    latest = max(cancelled, key=lambda item: item.withdrawn_at or "")
    minor = latest.withdrawn_reason == UNDER_18
    not_undone = Text.CANCEL_NOT_UNDONE_UNDER_18 if minor else Text.CANCEL_NOT_UNDONE
    screen = await _flow(context).begin(user_id, context.language(update), update.update_id)
    if screen.note is None:
        screen = replace(screen, note=not_undone)
    else:  # its own note (the day's limit, a form resumed): the line first
        await reply(update, context.text(not_undone))
    await _present(update, context, screen, edit=False)
    return True


async def registration_button(update: Update, context: BotContext) -> None:
    """Under /daftar, for a talent who has submitted: update a registration, or a new one
    (and under /dataku's summary: see and update the answers)."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None:
        return
    data, flow, language = query.data or "", _flow(context), context.language(update)
    viewing = data.startswith(VIEW)
    if data.startswith(UPDATE) or viewing:
        lead, _, wish = data.removeprefix(VIEW if viewing else UPDATE).partition(":")
        lead_id = small_int(lead)
        if lead_id is None:
            await fallback.stale_button(update, context)
            return
        if await talent_cancel.cancelled_pressed(update, context, user.id, lead_id):
            return  # cancelled: said so, when, and where its answers are
        carried = await _carried(context, user.id, small_int(wish) if wish else None)
        screen = await flow.begin_update(user.id, language, update.update_id, lead_id, carried)
    elif data.startswith(REUSE):
        # After a cancel, "Pakai jawaban lama": a new one from its answers, to the review.
        lead_id = small_int(data.removeprefix(REUSE))
        if lead_id is None:
            await fallback.stale_button(update, context)
            return
        screen = await flow.begin_reused(user.id, language, update.update_id, lead_id)
    else:
        # "Pendaftaran baru" (offered the cancelled one's answers, if any), or "Mulai dari
        # awal" (from scratch; so is "Pendaftaran baru" under a choice sent before session 61).
        scratch = data.startswith(NEW)
        program = data.removeprefix(NEW if scratch else NEW_OR_REUSE).removeprefix(":") or None
        fresh = await context.services.store.applications.draft_for(user.id) is None
        screen = await flow.begin(
            user.id, language, update.update_id, program, fresh=True, scratch=scratch
        )
        if fresh:  # after a cancel, "Mulai dari awal": said that the cancelled one stays so
            screen = await talent_cancel.new_after_cancel(context, user.id, screen)
    await _present(update, context, screen, edit=not viewing)


async def cancel_command(update: Update, context: BotContext) -> None:
    """Pause the application; the answers stay for /daftar to resume."""
    user = update.effective_user
    if user is None:
        return
    screen = await _flow(context).pause(user.id, update.update_id)
    if screen is None:  # nothing to pause: how to cancel a sent one, if there is one
        await talent_cancel.nothing_to_pause(update, context, user.id)
        return
    await _present(update, context, screen, edit=False)


async def ask_done(update: Update, context: BotContext) -> None:
    """Done asking the team: back to the form's open question if the talent left one for
    /tanya (the menu there would let their next words become its answer unseen), else the
    menu."""
    user = update.effective_user
    draft = await _flow(context).active_draft(user.id) if user is not None else None
    await support.done(update, context, menu_after=draft is None)
    if draft is not None:
        screen = await _flow(context).current(draft, note=Text.INTAKE_BACK_TO_FORM)
        await _present(update, context, screen, edit=False)


async def back_to_form(update: Update, context: BotContext, language: str) -> bool:
    """A language chosen (/bahasa) mid-form: the open question again, in it, not the main
    menu (a talents' review: twice a talent had to find /daftar himself). False if no form
    is open."""
    user = update.effective_user
    flow = _flow(context)
    draft = await flow.active_draft(user.id) if user is not None else None
    if draft is None:
        return False
    screen = await flow.current(draft, note=Text.INTAKE_LANGUAGE_SWITCHED)
    await _present(update, context, replace(screen, language=language), edit=True)
    return True


async def flow_button(update: Update, context: BotContext) -> None:
    """A button inside the questionnaire."""
    query = update.callback_query
    if query is None or update.effective_user is None:
        return
    press = parse_press(query.data or "")
    if press is None:
        await fallback.stale_button(update, context)
        return
    user_id = update.effective_user.id
    screen = await _flow(context).press(user_id, press, update.update_id)
    if screen.kind == SENT_BEFORE:
        await _sent_before(update, context, user_id, screen)
        return
    await _present(update, context, screen, edit=True)


async def _sent_before(update: Update, context: BotContext, user_id: int, screen: Screen) -> None:
    """A button of a registration already sent (its old summary's "🚀 Kirim pendaftaran"): the
    summary left as it is, the press answered, and where it stands said below (a talents'
    review s63, M3: the summary became "…sudah tidak berlaku", read as an invalid
    registration); one the talent cancelled: that it was, as under /dataku."""
    lead = screen.draft
    if lead is not None and await talent_cancel.cancelled_pressed(
        update, context, user_id, lead.id
    ):
        return
    await answer_query(update, context.text(Text.INTAKE_SENT_BEFORE_TOAST))
    status = button(context.text(Text.BTN_STATUS), STATUS)
    said = context.text(Text.INTAKE_SENT_BEFORE, reference=screen.reference or "")
    await reply(update, said, InlineKeyboardMarkup([[status]]))


async def private_message(update: Update, context: BotContext) -> None:
    """Any message in private chat: an answer if an application is open, else the fallback."""
    user = update.effective_user
    message = update.message
    if user is None or message is None:
        return
    typed = answers.text_of(message)
    if await support.asking(user.id, context, message):  # one read for most messages
        if typed is not None and wants_to_register(typed):
            # "sekarang saya mau daftarkan band kami" went to staff with only a 👌 (a talents'
            # review): the form, as /daftar typed then would; staff still read it (an
            # attacker's review: "untuk anak saya, mau daftar" answered what they asked).
            await support.relay_and_leave(update, context)
            await apply_command(update, context)
            return
        if typed is not None and await undo_wished(update, context, user.id, typed):
            return  # "bisa diurungkan pembatalannya?" after /tanya: not relayed, as the cancel
        if typed is not None and await talent_cancel.wished(update, context, user.id, typed):
            # "kak aku ga jadi ikut deh, cancel aja pendaftarannya ya" after /tanya went to
            # staff with only a 👌 (a re-check s59, N1): the confirmation, as /status offers it;
            # not relayed, and ask mode stays for what the talent asks next.
            return
        if typed is not None and await support.typed_done(update, context, typed):
            await ask_done(update, context)  # "udh bro", "itu aja": as the button
            return
        if await answers.answer_before_relay(update, context):
            return  # after /tanya, a question the FAQ answers: the answer first
        if await answers.thanked(update, context):
            return  # thanks after staff answered: no new question for them
        if await support.relay_question(update, context):
            return  # in ask mode: for staff, even while an application is open
    flow = _flow(context)
    kept = await context.services.store.applications.draft_for(user.id)  # paused or not
    draft = kept if kept is not None and kept.active else None
    if draft is None:
        if typed is not None and wants_to_register(typed) and not answers.taught(context, typed):
            await apply_command(update, context)  # "mau daftar": the form, not the FAQ on it
        elif typed is not None and await _asks_about_the_choice(context, user.id, typed):
            # "ini jadi dobel?" under the update-or-new choice: what each does, and the choice
            # again (a talents' review: "no answer", and its buttons were gone).
            screen = await flow.begin(user.id, context.language(update), update.update_id)
            explained = (
                replace(screen, note=Text.UPDATE_CHOOSE_EXPLAINED)
                if screen.kind == "choose"
                else screen  # "limited": its note says why there is no new one
            )
            await _present(update, context, explained, edit=False)
        elif typed is not None and await _wants_to_change(context, user.id, typed):
            # "mau ganti kota": update, or a new one; a new number or email in it is offered
            # after Update (a talents' review: it had to be typed again), read again then.
            screen = await flow.begin(user.id, context.language(update), update.update_id)
            if carried(context.content, typed) is not None:
                screen = replace(screen, carried_from=message.message_id)
            await _present(update, context, screen, edit=False)
        elif typed is not None:
            # A question in the talent's words; a paused form is said beside "no answer".
            context.draft_held = kept is not None  # read above: its menus need not again
            await answers.free_text(update, context, paused=kept is not None)
        else:
            await fallback.unknown_text(update, context)
        return
    if message.text is None:
        screen = await flow.not_text(draft)
    else:
        language = context.language(update)
        screen = await flow.text(draft, message.text, update.update_id, message.date, language)
        if screen.language is not None and context.talent is not None:  # stored: spoken now
            context.talent = replace(context.talent, language=screen.language, language_chosen=True)
        # A program asked about by name at a name ("BCWW kapan?"): its line, however short.
        about = (
            asked_questions.programs_asked(context.content, message.text)
            if screen.question is not None
            and screen.question.type == "short_text"
            and screen.error is not None
            and screen.error.reason is Text.INTAKE_A_QUESTION
            else ()
        )
        asked = (
            bool(about)
            or screen.asking is not None
            or asked_questions.asked_instead(screen.error, screen.note, message.text)
        )
        strict = asked_questions.could_be_its_answer(screen.question)
        shown = None
        if asked:  # matched and recorded up to the "?", not what follows ("saya Rahmat, …")
            # Its password masked, as the form masks the message where it is kept (an
            # attacker's review s63, M1: the question list and /stats kept it in clear).
            part = slips.password_masked(screen.asking or asked_questions.asking_part(message.text))
            sector = screen.answers.get(SECTOR)
            field = sector if isinstance(sector, str) else None
            shown = await answers.answer_in_form(
                update,
                context,
                strict=strict,
                asked=part,
                field=field,
                offer_only=asked_questions.few_words(part) and not about,
                named=about
                or asked_questions.programs_named(
                    screen.question, context.content, screen.answers, part
                ),
                about=bool(about),
            )
        if screen.asking is not None:
            # Choices ticked from the same message: said below whatever the FAQ showed; with
            # nothing from it, how to ask the team (the ticks stay).
            if shown is None:
                screen = replace(screen, error=answer_outcomes.Rejected(Text.INTAKE_ASKED_BESIDE))
        elif shown == "answered":
            # Answered above (a talents' review: "ini gratis kan?" was only told to pause
            # first); below, the form's question again, its "that looks like a question" moot.
            screen = replace(screen, error=None, note=Text.INTAKE_BACK_TO_FORM)
        elif shown == "suggested" and screen.error is not None:
            # Entries to read above, "your registration waits below": not "press Pause to
            # ask" after them too (a talents' review); an answer with a "?" goes once more.
            again = screen.error.reason is Text.INTAKE_A_QUESTION
            note = Text.INTAKE_ASKED_BACK_TO_FORM if again else Text.INTAKE_BACK_TO_FORM
            screen = replace(screen, error=None, note=note)
    await _present(update, context, screen, edit=False)


async def _wants_to_change(context: BotContext, user_id: int, typed: str) -> bool:
    """Whether a registered talent asks to change what they sent (as staff did not teach)."""
    if not wants_to_change(typed) or answers.taught(context, typed):
        return False  # most messages: no read of the store
    return await _registered(context, user_id)


async def _carried(
    context: BotContext, user_id: int, message_id: int | None
) -> tuple[str, str] | None:
    """The new phone number or email the talent's wish to change (message `message_id`)
    carries, read again from the conversation log; None without one (or once it is gone)."""
    if message_id is None:
        return None
    text = await context.services.store.log.text_in(user_id, message_id)
    return None if text is None else carried(context.content, text)


async def _asks_about_the_choice(context: BotContext, user_id: int, typed: str) -> bool:
    """Whether a registered talent asks what updating or registering anew does."""
    if not asks_about_the_choice(typed) or answers.taught(context, typed):
        return False  # most messages: no read of the store
    return await _registered(context, user_id)


async def _registered(context: BotContext, user_id: int) -> bool:
    """Whether the talent has sent a registration and has no form open or paused."""
    applications = context.services.store.applications
    if await applications.draft_for(user_id) is not None:
        return False  # /daftar would resume that paused form (an attacker's review)
    return await applications.submitted_count(user_id) > 0


async def _present(update: Update, context: BotContext, screen: Screen, *, edit: bool) -> None:
    """Show a flow screen, and tell the staff chat about a new lead."""
    language = context.language(update)
    if screen.kind == MENU:  # "menu" typed mid-form: as /menu (the form stays open)
        await _menu(update, context, screen, language)
        return
    if screen.kind == "discard_asked" and screen.draft is not None:
        applications = context.services.store.applications
        if await applications.submitted_count(screen.draft.user_id) == 0:
            screen = replace(screen, kind=DISCARD_ASKED_UNSENT)  # nothing sent to stay as it is
    facts = context.services.settings.privacy_facts()
    text, markup = render(screen, context.content, language, facts)
    if edit and screen.kind not in ("submitted", "updated"):
        await show(update, text, markup)
    else:
        await answer_query(update)
        await reply(update, text, markup)
    if screen.kind == "submitted":
        await offer_subscription(update, context)
        await _notify_staff(update, context, screen)
    elif screen.kind == "updated":
        await records_alerts.notify_update(update, context, screen)
    elif screen.kind == GUARDIAN_WITHDRAWN:
        await talent_cancel.withdrawn_as_minor(update, context, screen)


async def _menu(update: Update, context: BotContext, screen: Screen, language: str) -> None:
    """The main menu, as /menu shows it, below the screen's note if it has one."""
    menu, markup = main_menu(context, language)
    if screen.note is not None:
        menu = f"{context.text(screen.note, **screen.note_values)}\n\n{menu}"
    await reply(update, menu, markup)


async def _notify_staff(update: Update, context: BotContext, screen: Screen) -> None:
    """A summary of a new lead in the staff chat (without one: admins' private chats)."""
    user = update.effective_user
    lead = screen.draft
    if user is None or lead is None:
        return
    applications = context.services.store.applications
    if await applications.staff_notified(lead.id):
        return  # a replayed submit: the staff chat already has it
    language = context.services.settings.default_language
    content = context.content
    text = content.text(
        Text.STAFF_NEW_LEAD,
        language,
        reference=screen.reference or "",
        name=sender_name(update),
        username=f" @{user.username}" if user.username else "",
        user_id=str(user.id),
        # Named as every staff screen names it ("Inggris"), not its code (a desk review).
        talent_language=stage_changes.language_name(content, language, context.language(update)),
        # The gist in the other language: the group is shared by staff who read Indonesian
        # and staff who read English (a staff review s59, M1).
        gloss=Markup(
            content.text(
                Text.STAFF_NEW_LEAD_GLOSS,
                other := other_language(language),
                talent_language=stage_changes.language_name(
                    content, other, context.language(update)
                ),
            )
        ),
        summary=Markup(summary(content, screen.answers, language)),
    )
    # The consents as they stand (a talent who refused forwarding cannot be moved to the
    # forwarding stage), and a button to open the lead: checked as staff on press.
    given = await applications.consents(user.id)
    granted: dict[str, bool | None] = {kind: c.granted for kind, c in given.items()}
    forwards = context.services.settings.forwarding() is not None
    # Program news is offered right after this (offer_subscription): not "never asked".
    minor = form_order.minor(content, screen.answers)
    asked_next = frozenset({ANNOUNCEMENTS})
    consents = consent_lines(
        content, language, granted, forwards=forwards, minor=minor, asked_next=asked_next
    )
    text += "\n\n" + content.text(
        Text.LEAD_ALERT_CONSENTS, language, consents=Markup(" · ".join(consents))
    )
    if lead.said_under_18_at is not None:  # an earlier form said under 18 (a review s60, H1)
        when = wib_words(content, lead.said_under_18_at, language)
        text += "\n" + content.text(Text.LEAD_SAID_UNDER_18, language, time=when)
    if asks_in_note(screen.answers):  # the talent was pointed to /tanya; staff see it asked
        text += "\n" + content.text(Text.STAFF_NEW_LEAD_NOTE_ASKS, language)
    # Possibly the same talent as an earlier lead, in the lists' words (a new staff member's
    # review: the group's alert alone, and a colleague contacts the talent twice).
    marks = (await records.page_marks(context.services.store, [lead.id])).get(lead.id, [])
    text += "".join("\n" + line for line in marks_lines(content, language, marks))
    text += await talent_cancel.reused_line(context, user.id, lead, language)
    opener = open_button(content, language, screen.reference or "", lead.id, anew=True)
    chats = await records_alerts.alert_chats(context)
    if await records_alerts.send_alert(context, chats, text, opener):
        await applications.mark_staff_notified(lead.id)
