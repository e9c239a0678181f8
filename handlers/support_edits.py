"""Edits in the question relay (an attacker's review s65, finding 2: both were dropped without a
word). A staff member edits, in the staff group, an answer that reached a talent (to take a
private phone number out): the talent's copy is edited too when Telegram allows (sent as
text; a bot may change its own messages at any age: the 48 hours in Telegram's docs are for
business messages), else the new version goes under it as "✏️ Koreksi dari tim kami";
the talent's log and the audit log keep it, and staff are told which happened, or why
nothing did. A talent edits a message of theirs that went to the team: staff read the new
version as a reply to the old one, and the talent is told it went. Any other edit is
skipped on purpose (an edited command runs nothing, handlers/__init__.py), and logged.
"""

from __future__ import annotations

import html
import logging

from telegram import Message, ReplyParameters, Update
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.store import utc_now
from bot.store.support import Relayed
from bot.support import (
    ask_again_markup,
    display_name,
    fits_with_heading,
    heading_first,
    heading_text,
)
from bot.texts import Text
from bot.transport.failures import explain
from bot.transport.outgoing import logged_as
from bot.transport.updates import message_summary
from handlers.common import BotContext, reply
from handlers.support import (
    _answerer,
    _from_staff,
    _mark,
    _may_answer,
    _signed,
    rewritable,
    send_under,
    together_with,
)

log = logging.getLogger(__name__)

# What became of an edit (the audit log's `outcome`), and what staff are told.
EDITED, SENT_AGAIN, TOO_LONG = "edited", "sent_again", "too_long"
_SAID = {
    EDITED: Text.SUPPORT_EDIT_DELIVERED,
    SENT_AGAIN: Text.SUPPORT_EDIT_SENT_AGAIN,
    TOO_LONG: Text.SUPPORT_EDIT_TOO_LONG,
}


async def staff_edit(update: Update, context: BotContext) -> None:
    """A staff-chat message edited: if it is an answer a talent got, the edit goes to them."""
    staff_chat = context.services.settings.staff_chat_id
    message = update.edited_message
    if staff_chat is None or message is None or not _from_staff(message, staff_chat):
        return
    store = context.services.store
    found = await store.support.relayed(staff_chat, message.message_id)
    if found is None or found.kind != "answer" or found.talent_message_id is None:
        if found is None and await store.support.erased_relay(staff_chat, message.message_id, None):
            log.info(
                "Staff chat message %d edited; its talent erased their data", message.message_id
            )
            await _mark(context, message, Text.SUPPORT_TALENT_ERASED)
            return
        log.info("Staff chat message %d edited; it reached no talent: skipped", message.message_id)
        return
    talent = await store.users.get(found.user_id)
    name = display_name(talent) if talent else f"id {found.user_id}"
    actor = _answerer(message)
    reference = await store.applications.latest_reference(found.user_id)
    about = (found.user_id, reference)
    since = utc_now()
    detail = {"length": len(message_summary(message) or "")}

    async def told(outcome: str, key: Text, **values: str) -> None:
        """The audit log's entry, and the note under the edited message in the group."""
        await store.audit.about_talent(
            actor, "talent_answer_corrected", about, since, **detail, outcome=outcome
        )
        await _mark(context, message, key, None, name=name, **values)

    if not _may_answer(message, context):
        log.info("Staff chat message %d edited; its sender is not in ADMIN_IDS", message.message_id)
        await told("not_admin", Text.SUPPORT_REPLY_ADMINS_ONLY)
        return
    try:
        outcome = await _pass_on(context, message, found)
    except Forbidden as error:
        log.info("User %d cannot be reached (%s); marked as blocked", found.user_id, error)
        await store.users.set_blocked(found.user_id, True)
        await told("blocked", Text.SUPPORT_BLOCKED)
        return
    except TelegramError as error:
        log.warning("Could not pass a staff edit on to user %d: %s", found.user_id, error)
        await told("failed", Text.SUPPORT_EDIT_UNDELIVERED, error=explain(error))
        return
    log.info("Staff edit of an answer to user %d passed on (%s)", found.user_id, outcome)
    await told(outcome, _SAID[outcome])


async def _pass_on(context: BotContext, message: Message, found: Relayed) -> str:
    """The edit to the talent: their copy edited ("edited"), or the new version sent under it
    as a correction: too old or not text ("sent_again"), or too long to fit with the heading
    in one message ("too_long"; a newcomers' review s65, F6: staff were told it was too old).
    Each is a line of kind `edit` in their log, with the new words and who wrote them."""
    store = context.services.store
    user_id, copy_id = found.user_id, found.talent_message_id
    assert copy_id is not None  # an answer's row names the talent's copy
    talent = await store.users.get(user_id)
    language = talent.language if talent else context.services.settings.default_language
    markup = ask_again_markup(context.content, language)
    sent = await store.support.sent_answer(user_id, copy_id)
    signed = _signed(message, _answerer(message), message.chat_id)
    summary = message_summary(message)
    outcome = SENT_AGAIN
    if sent is not None and message.text is not None:
        heading = sent.heading
        with logged_as("edit", summary, signed, heading=heading):
            try:
                if heading is None:  # it came as a copy, under a heading of its own
                    await context.bot.edit_message_text(
                        message.text,
                        chat_id=user_id,
                        message_id=copy_id,
                        entities=message.entities,
                        parse_mode=None,
                        reply_markup=markup,
                    )
                    return EDITED
                # Sent as the heading and its words in one message: written again the same way
                # (the heading as the log keeps it: its words, without its bold).
                fits = fits_with_heading(html.escape(heading), message.text)
                if rewritable(message) and fits:
                    await context.bot.edit_message_text(
                        f"{html.escape(heading)}\n\n{message.text_html}",
                        chat_id=user_id,
                        message_id=copy_id,
                        reply_markup=markup,
                    )
                    return EDITED
                if not fits:  # too long with the heading: Telegram would refuse it
                    outcome = TOO_LONG
            except BadRequest as error:
                if "not modified" in str(error).lower():
                    return EDITED  # the same words again (an update replayed): nothing to change
                log.info(
                    "Could not edit a staff answer to user %d (%s): sent again", user_id, error
                )
    await _correction(context, message, user_id, copy_id, language)
    return outcome


async def _correction(
    context: BotContext, message: Message, user_id: int, copy_id: int, language: str
) -> None:
    """The new version under the answer it corrects, with a heading that says so."""
    heading = context.content.text(Text.SUPPORT_ANSWER_CORRECTION_HEADING, language)
    replying = ReplyParameters(copy_id, allow_sending_without_reply=True)
    markup = ask_again_markup(context.content, language)
    signed = _signed(message, _answerer(message), message.chat_id)
    together = together_with(message, heading)
    async with heading_first(context.bot, user_id, heading, replying, alone=not together):
        # Its heading on its line only when in the same message (else it has a line of its own).
        within = heading_text(heading) if together else None
        with logged_as("edit", message_summary(message), signed, heading=within):
            copy = await send_under(
                context, message, user_id, heading, replying, markup, together=together
            )
    log.debug("Correction to user %d sent as message %d", user_id, copy.message_id)


async def talent_edit(update: Update, context: BotContext) -> None:
    """A talent edited a message of theirs in the private chat: if it went to the team, the
    new version goes to the staff group under the old one, and they are told; else skipped
    (nothing was passed on, and an edited command runs nothing)."""
    staff_chat = context.services.settings.staff_chat_id
    user, message = update.effective_user, update.edited_message
    if user is None or message is None:
        return
    store = context.services.store
    copied = await store.support.relayed_copy(user.id, message.message_id)
    if staff_chat is None or copied is None or copied[0] != staff_chat:
        log.info("User %d edited a message that did not go to the team: skipped", user.id)
        return
    talent = context.talent or await store.users.get(user.id)
    name = display_name(talent) if talent else f"id {user.id}"
    language = context.services.settings.default_language
    said = context.content.text(Text.SUPPORT_TALENT_EDITED, language, name=name)
    thread = await store.support.topic_for(staff_chat, user.id)
    under = ReplyParameters(copied[1], allow_sending_without_reply=True)
    try:
        posted = await _new_version(context, message, staff_chat, thread, under, said)
    except TelegramError as error:
        log.warning("Could not pass an edit of user %d on to the staff chat: %s", user.id, error)
        await reply(update, context.text(Text.SUPPORT_EDIT_RELAY_FAILED))
        return
    # A staff reply to the new version answers their message as a reply to the old one does
    # (bot/support.py `addressee`), and it waits, or not, as the old one does: it is no new
    # question.
    await store.support.record(staff_chat, posted, user.id, "edit", message.message_id)
    log.info("Edit of a relayed message of user %d passed on to the staff chat", user.id)
    await reply(update, context.text(Text.SUPPORT_EDIT_PASSED))


async def _new_version(
    context: BotContext,
    message: Message,
    staff_chat: int,
    thread: int | None,
    under: ReplyParameters,
    said: str,
) -> int:
    """The talent's edited message in the staff chat, under the note `said`: its words in the
    same message, or (media, too long) a copy after it. The id of the message that holds it."""
    if message.text is not None and fits_with_heading(said, message.text):
        text = f"{said}\n\n{html.escape(message.text)}"
        posted = await context.bot.send_message(
            staff_chat, text, message_thread_id=thread, reply_parameters=under
        )
        return posted.message_id
    await context.bot.send_message(
        staff_chat, said, message_thread_id=thread, reply_parameters=under
    )
    copy = await context.bot.copy_message(
        staff_chat,
        from_chat_id=message.chat_id,
        message_id=message.message_id,
        message_thread_id=thread,
        reply_parameters=under,
    )
    return copy.message_id
