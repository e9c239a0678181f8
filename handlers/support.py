"""/tanya (/ask): talents' questions go to the staff chat; staff replies come back to them."""

from __future__ import annotations

import functools
import html
import logging
import math
import re
from dataclasses import dataclass, replace
from typing import Any

from telegram import (
    InlineKeyboardMarkup,
    MaybeInaccessibleMessage,
    Message,
    MessageEntity,
    MessageId,
    ReplyParameters,
    Update,
)
from telegram.constants import MessageEntityType
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.commands import keeps_talking
from bot.content import LANGUAGES, other_language
from bot.leads.slips import types_label
from bot.store import User, utc_now
from bot.store.audit import Actor
from bot.store.conversation import AnsweredBy
from bot.store.support import Reply
from bot.support import (
    Admission,
    SupportDesk,
    Verdict,
    acknowledgement,
    answer_heading,
    answered_first,
    answering,
    ask_again_markup,
    display_name,
    done_asking,
    fits_with_heading,
    header,
    heading_first,
    heading_text,
    question_after_command,
    question_entities,
    quoted_question,
    reply_in_form_hint,
    thanks_only,
    topic_name,
)
from bot.texts import Text
from bot.transport.failures import explain
from bot.transport.outgoing import logged_as
from bot.transport.updates import message_summary
from handlers import menu, staff_questions, support_holding, views
from handlers.common import BotContext, answer_query, reply, show
from handlers.pipeline_views import open_button

log = logging.getLogger(__name__)

# Lines of a talent's log looked back through for a staff answer that "udah" may answer.
ASKED_WITHIN = 10

# Formatting a staff answer keeps exactly when written again as HTML under its heading
# (python-telegram-bot's text_html); a link's address, a code block's language or a custom
# emoji are not escaped there (an attacker's review: Telegram refused the answer), so an
# answer with them is copied as it is, under a heading of its own.
REWRITABLE = frozenset(
    {
        MessageEntityType.BOLD,
        MessageEntityType.ITALIC,
        MessageEntityType.UNDERLINE,
        MessageEntityType.STRIKETHROUGH,
        MessageEntityType.SPOILER,
        MessageEntityType.CODE,
        MessageEntityType.BLOCKQUOTE,
        MessageEntityType.EXPANDABLE_BLOCKQUOTE,
        MessageEntityType.URL,
        MessageEntityType.EMAIL,
        MessageEntityType.PHONE_NUMBER,
        MessageEntityType.MENTION,
        MessageEntityType.HASHTAG,
        MessageEntityType.CASHTAG,
        MessageEntityType.BOT_COMMAND,
    }
)


@dataclass(frozen=True, slots=True)
class _Sent:
    """A talent's message for staff: its chat and id; of "/tanya QUESTION", the question on
    its line and its formatting (only that goes, and the log keeps only that)."""

    chat_id: int
    message_id: int
    words: str | None = None
    entities: tuple[MessageEntity, ...] = ()

    @classmethod
    def of(cls, message: Message) -> _Sent:
        """The message as it came (the question alone if it is "/tanya QUESTION")."""
        words = question_after_command(message.text)
        if words is None or message.text is None:
            return cls(message.chat_id, message.message_id)
        entities = question_entities(message.text, words, message.entities)
        return cls(message.chat_id, message.message_id, words, entities)


def questions_open(context: BotContext) -> bool:
    """Whether talents can ask staff at all: only with a staff chat to ask in."""
    return context.services.settings.staff_chat_id is not None


async def asking(user_id: int, context: BotContext, message: Message | None = None) -> bool:
    """Whether the talent is in ask mode (after /tanya), so their messages may go to staff.
    Out of it (after "Selesai bertanya"), a `message` sent as a Telegram reply to a staff
    answer is an explicit reply to the team: ask mode opens as "💬 Balas tim kami" under that
    answer opens it, and the message goes to staff (plain messages stay with the bot)."""
    if not questions_open(context):
        return False
    desk = _desk(context)
    if await desk.asking(user_id):
        return True
    replied = None if message is None else message.reply_to_message
    if replied is None or not await context.services.store.support.is_answer(
        user_id, replied.message_id
    ):
        return False
    to = await _replied_answer(context, user_id, replied)
    await desk.open(user_id, replying=True, to=to)
    log.debug("User %d replied to a staff answer: ask mode again", user_id)
    return True


def _desk(context: BotContext) -> SupportDesk:
    return SupportDesk(context.services.store)


def _done_markup(context: BotContext) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[views.button(context.text(Text.BTN_ASK_DONE), views.ASK_DONE)]])


async def ask(update: Update, context: BotContext) -> None:
    """/tanya and the Ask button: invite the question, or say questions are closed."""
    user = update.effective_user
    if user is None:
        return
    if not questions_open(context):
        rows = [
            [views.button(context.text(Text.BTN_FAQ), views.FAQ)],
            [views.button(context.text(Text.BTN_MENU), views.MENU)],
        ]
        text, markup = context.text(Text.SUPPORT_CLOSED), InlineKeyboardMarkup(rows)
    else:
        query = update.callback_query
        replying = query is not None and query.data == views.ASK_AGAIN
        pressed = None if query is None or not replying else query.message
        to = None if pressed is None else await _replied_answer(context, user.id, pressed)
        await _desk(context).open(user.id, replying=replying, to=to)
        text, markup = context.text(Text.SUPPORT_INVITE), _done_markup(context)
        if to is not None and pressed is not None and _under_message(context, pressed):
            text = context.text(Text.SUPPORT_REPLY_INVITE_MESSAGE)
        elif to is not None:
            text = await _reply_invite(context, user.id, to.question_id)
    query = update.callback_query
    if query is not None and query.data == views.ASK_AGAIN:
        await answer_query(update)
        await reply(update, text, markup)  # the button sits under a staff answer: keep it
    else:
        await show(update, text, markup)


async def _replied_answer(
    context: BotContext, user_id: int, pressed: MaybeInaccessibleMessage
) -> Reply:
    """ "Balas tim kami" pressed under this staff answer (its button is on the answer itself,
    so any such button, however old, says which): the answer, and their question it
    answered: the one it replies to if Telegram says so, else the newest one relayed before
    it (theirs was deleted, or the answer is too old for Telegram to show)."""
    replied = pressed.reply_to_message if isinstance(pressed, Message) else None
    asked = None if replied is None else replied.message_id
    if asked is None:
        store = context.services.store
        asked = await store.support.question_before_answer(user_id, pressed.message_id)
    return Reply(pressed.message_id, asked)


def _under_message(context: BotContext, pressed: MaybeInaccessibleMessage) -> bool:
    """Whether "Balas tim kami" was pressed under a message from the team that answers no
    question of theirs ("💬 Pesan dari tim kami" at its start), in either language."""
    shown = pressed.text if isinstance(pressed, Message) else None
    if not shown:
        return False
    for language in LANGUAGES:
        heading = context.content.text(Text.SUPPORT_ANSWER_HEADING_NONE, language)
        if shown.startswith(html.unescape(re.sub(r"<[^>]+>", "", heading))):
            return True
    return False


async def _reply_invite(context: BotContext, user_id: int, asked: int | None) -> str:
    """ "Balas tim kami" under a staff answer to their question `asked`: they reply to the
    team's answer about that question, quoted shortened (it read as starting over: a
    talents' review)."""
    store = context.services.store
    question = await quoted_question(store, user_id, asked)
    if not question:
        return context.text(Text.SUPPORT_REPLY_INVITE_PLAIN)
    if asked is not None and await store.support.is_reply(user_id, asked):  # not a question
        return context.text(Text.SUPPORT_REPLY_INVITE_REPLY, message=question)
    return context.text(Text.SUPPORT_REPLY_INVITE, question=question)


async def start_asking(update: Update, context: BotContext) -> None:
    """Ask mode on, without the invitation: the question came with the command."""
    user = update.effective_user
    if user is not None and questions_open(context):
        await _desk(context).open(user.id)


async def done(update: Update, context: BotContext, *, menu_after: bool = True) -> None:
    """The Done button: leave ask mode and show the menu (or only say so, when the talent
    goes back to an open form instead)."""
    user = update.effective_user
    if user is None:
        return
    desk = _desk(context)
    await desk.close(user.id)
    await desk.answer_enough(user.id)
    # A question of theirs waits for staff: said plainly, not "if you sent one" (a review);
    # a closing typed that went to staff first ("udah kak itu aja"): that it went.
    store = context.services.store
    typed = update.message
    key = Text.SUPPORT_DONE
    if typed is not None and await store.support.was_relayed(user.id, typed.message_id):
        key = Text.SUPPORT_DONE_PASSED
    elif await store.support.question_waiting(user.id):
        key = Text.SUPPORT_DONE_SENT
    done_text = context.text(key)
    if not menu_after:
        await show(update, done_text)
        return
    text, markup = menu.main_menu(context, context.language(update))
    await show(update, f"{done_text}\n\n{text}", markup)


async def typed_done(update: Update, context: BotContext, text: str) -> bool:
    """In ask mode, "udh bro", "done", "itu aja": the Done button typed, not a question for
    staff (a talents' review s57, L8: "udh bro" went to staff and /status counted it). When the
    team's answer they reply to asks something ("Sudah kirim linknya, kak?"), a yes in it
    answers that: "udah" or "done" alone goes to staff and ask mode stays open; a closing with
    it ("udah kak itu aja", "sudah, makasih") goes to staff, then ask mode closes (an
    attacker's review s57, L4: "udah kak itu aja" never reached staff). True if it is the Done
    button (the caller presses it)."""
    labels = [context.content.text(Text.BTN_ASK_DONE, language) for language in ("id", "en")]
    if any(types_label(text, label) for label in labels):
        return True  # "Selesai bertanya", "Done asking": the button's own words (a re-check)
    said = done_asking(text)
    user = update.effective_user
    if said is None or user is None:
        return False  # most messages: no read of the store
    if said == "done" or not await _team_asked(context, user.id):
        return True  # nothing in it answers the team
    if said == "maybe":
        return False  # their answer: it goes to staff as any message
    return await _passed_on(update, context)


async def _team_asked(context: BotContext, user_id: int) -> bool:
    """Whether what the talent writes now answers a question of the team's: their latest
    answer asks something (`_staff_asked`), or "Balas tim kami" was just pressed under one
    that does (an older answer, the newest asking nothing)."""
    if await _staff_asked(context, user_id):
        return True
    store = context.services.store
    session = await store.support.session(user_id)
    pressed = session.reply_answer_id  # kept until what they send next opens its burst
    if pressed is None:
        return False
    return "?" in (await store.support.answer_words(user_id, pressed) or "")


async def _passed_on(update: Update, context: BotContext) -> bool:
    """A closing that answers the team ("udah kak itu aja"): to staff, as any message, without
    "I keep passing your messages on" (ask mode closes next). Whether it went (or had gone,
    an update replayed); False over the rate limit, or if the staff chat could not be
    reached: then it is read as any message of theirs is (held and said, or tried again)."""
    user, message = update.effective_user, update.message
    if user is None or message is None or not questions_open(context):
        return False
    desk = _desk(context)
    if not await desk.within_limit(user.id):
        return False
    admission = await desk.admit(user.id, message.message_id)
    if admission.verdict is Verdict.DUPLICATE:
        return True
    talent = context.talent or await context.services.store.users.get(user.id)
    if admission.verdict is not Verdict.RELAY or talent is None:
        return False
    return await _relay(update, context, talent, _Sent.of(message), admission)


async def _staff_asked(context: BotContext, user_id: int) -> bool:
    """Whether the team's latest answer asks the talent something ("Sudah isi formulirnya?")
    they have not written back to yet: a staff answer among the chat's last lines, with a
    question mark, and no words typed since but the message now read."""
    latest = await context.services.store.log.latest(user_id, ASKED_WITHIN)
    for entry in latest[1:]:  # [0]: the message now read
        if entry.kind == "staff_answer":
            return "?" in (entry.text or "")
        if entry.direction == "in" and entry.kind == "text":
            return False  # written back since
    return False


async def acknowledged(update: Update, context: BotContext, text: str) -> bool:
    """Outside ask mode, an okay, thanks or "ditunggu" ("oke bang ditunggu" after "Selesai
    bertanya") while a question of the talent's waits for staff: that the answer comes in this
    chat (a talents' review: it got "no answer, ask our team", who had the question already);
    "ditunggu" with nothing waiting (after a staff answer): an okay. True if it was that."""
    said = acknowledgement(text)
    user = update.effective_user
    if said is None or user is None:
        return False  # most messages: no read of the store
    if await context.services.store.support.question_waiting(user.id):
        key = Text.ASK_WAITING_THANKS if said == "thanks" else Text.ASK_WAITING_OKAY
    elif said == "waiting":
        key = Text.ASK_OKAY
    else:
        return False  # an okay or thanks: the bot's small talk answers it
    await reply(update, context.text(key))
    return True


async def note_answered_first(update: Update, context: BotContext, question_id: int) -> None:
    """The bot answered the talent's question after /tanya: if what they send next goes to
    staff, its header quotes that question."""
    user = update.effective_user
    if user is not None:
        await _desk(context).answered_first(user.id, question_id)


async def answer_enough(update: Update, context: BotContext) -> None:
    """ "That answers it" under the bot's answer: nothing later is read as following it."""
    user = update.effective_user
    if user is not None:
        await _desk(context).answer_enough(user.id)


async def leave_ask_mode(update: Update, context: BotContext) -> None:
    """Any command, or any button but ask mode's own, ends ask mode (runs before it); /status
    does not end a conversation with the team under way (something already went to staff, or
    staff answered): `still_asking` says so under it."""
    user, message = update.effective_user, update.message
    if user is None:
        return
    desk = _desk(context)
    if message is not None and keeps_talking(message.text) and await desk.talking(user.id):
        return
    if await desk.close(user.id):
        log.debug("User %d left ask mode", user.id)


async def still_asking(update: Update, context: BotContext) -> None:
    """After /status (runs after it), in a conversation with the team it kept: that what the
    talent types next still goes to the team, with the button to stop (a talents' review s58,
    M2: nothing said so, and a question for the bot went to staff)."""
    user, message = update.effective_user, update.message
    if user is None or message is None or not keeps_talking(message.text):
        return
    if questions_open(context) and await _desk(context).talking(user.id):
        await reply(update, context.text(Text.SUPPORT_STILL_ASKING), _done_markup(context))


async def relay_question(update: Update, context: BotContext) -> bool:
    """Relay a private message to staff if its sender is in ask mode; True if it was taken."""
    staff_chat = context.services.settings.staff_chat_id
    user = update.effective_user
    message = update.message
    if staff_chat is None or user is None or message is None:
        return False
    desk = _desk(context)
    admission = await desk.admit(user.id, message.message_id)
    if admission.verdict is Verdict.NOT_ASKING:
        return False
    if admission.verdict is Verdict.NOTICE:
        log.info("Held back messages of user %d over the question rate limit", user.id)
        await reply(update, context.text(Text.SUPPORT_RATE_LIMITED), _done_markup(context))
    elif admission.verdict is Verdict.HOLD:
        await _told_held(update, context, user.id, admission)
    if admission.verdict is not Verdict.RELAY:
        return True
    talent = context.talent or await context.services.store.users.get(user.id)
    if talent is None:
        return False
    copied = await _relay(update, context, talent, _Sent.of(message), admission)
    if copied and admission.new_burst:
        thanked = admission.replying and thanks_only(message.text)
        key = Text.SUPPORT_ACK_THANKS if thanked else Text.SUPPORT_ACK
        await reply(update, context.text(key), _done_markup(context))
    return True


async def _told_held(
    update: Update, context: BotContext, user_id: int, admission: Admission
) -> None:
    """A message held back after the rate limit's notice: when to send it again (a talents'
    review s58, M2: silence), unless the bot's last words in the chat already say exactly that
    (sent within the same second: an album of photos, a burst pasted at once)."""
    seconds = max(1, math.ceil(admission.wait.total_seconds()))
    text = context.text(Text.SUPPORT_RATE_HELD, seconds=seconds)
    latest = await context.services.store.log.latest(user_id, ASKED_WITHIN)
    said = next((entry.text for entry in latest if entry.direction == "out"), None)
    if said == text:
        log.info("Held back another message of user %d; told so this second", user_id)
        return
    log.info("Held back another message of user %d over the question rate limit", user_id)
    await reply(update, text)


async def relay_and_leave(update: Update, context: BotContext) -> None:
    """A message in ask mode that ends it (a wish to register: "untuk anak saya, mau
    daftar"): staff read it as any other (it may answer what they asked), without "I keep
    passing your messages on"; then ask mode ends, as a command would end it."""
    user, message = update.effective_user, update.message
    if context.services.settings.staff_chat_id is not None and user and message:
        admission = await _desk(context).admit(user.id, message.message_id)
        talent = context.talent or await context.services.store.users.get(user.id)
        if admission.verdict is Verdict.RELAY and talent is not None:
            await _relay(update, context, talent, _Sent.of(message), admission)
    await leave_ask_mode(update, context)


async def relay_earlier(
    update: Update, context: BotContext, message_id: int, answered: int | None = None
) -> bool:
    """Relay a message the talent sent earlier, now confirmed for staff ("Ask our team" under
    the bot's guesses): ask mode on, then as if they had typed it now. `answered`: its free
    question, which the bot answered ("Send to the team anyway"): the header says so. False
    if it could not reach the staff chat (the talent is told)."""
    staff_chat = context.services.settings.staff_chat_id
    user, chat = update.effective_user, update.effective_chat
    if staff_chat is None or user is None or chat is None:
        return False
    desk = _desk(context)
    await desk.open(user.id)
    admission = await desk.admit(user.id, message_id)
    if admission.new_burst:  # it is the question answered first, or came before it
        admission = replace(admission, follows=answered)
    if admission.verdict in (Verdict.NOTICE, Verdict.HOLD):
        await reply(update, context.text(Text.SUPPORT_RATE_LIMITED), _done_markup(context))
        return False
    talent = context.talent or await context.services.store.users.get(user.id)
    if talent is None:
        return False
    relay = admission.verdict is Verdict.RELAY  # else already relayed (a replayed press)
    if relay:
        # "/tanya QUESTION" answered first, then sent anyway: staff read the question alone.
        logged = await context.services.store.log.command_text(chat.id, message_id)
        # (Its formatting is not kept: the log keeps only its words.)
        sent = _Sent(chat.id, message_id, question_after_command(logged))
        if not await _relay(update, context, talent, sent, admission):
            return False
    await reply(update, context.text(Text.SUPPORT_ACK), _done_markup(context))
    return True


async def _relay(
    update: Update,
    context: BotContext,
    talent: User,
    sent: _Sent,
    admission: Admission,
) -> bool:
    """Copy one message to the staff chat (see `_Sent`); on failure tell the talent, and the
    next message opens a new burst. Whether it went."""
    staff_chat = context.services.settings.staff_chat_id
    assert staff_chat is not None  # only called with questions open
    from_chat, message_id, words = sent.chat_id, sent.message_id, sent.words
    try:
        await _copy_to_staff(context, staff_chat, talent, sent, admission)
    except TelegramError as error:
        log.warning(
            "Could not relay a message of user %d to the staff chat: %s", talent.user_id, error
        )
        await _desk(context).restart_burst(talent.user_id)
        await reply(update, context.text(Text.SUPPORT_RELAY_FAILED), _done_markup(context))
        return False
    # An admin's log keeps no words of theirs ("[arguments not logged]"): left so.
    if words is not None and not context.services.settings.is_admin(talent.user_id):
        await context.services.store.log.keep_question_only(from_chat, message_id, words)
    await _mark_relayed(context, from_chat, message_id)
    return True


async def _mark_relayed(context: BotContext, chat_id: int, message_id: int) -> None:
    """A reaction on the talent's message that went to the team: only the burst's first one
    is acknowledged in words, and silence after the next ones read as being ignored."""
    try:
        await context.bot.set_message_reaction(
            chat_id, message_id, context.text(Text.SUPPORT_RELAYED_MARK)
        )
    except TelegramError as error:  # reactions turned off, the message deleted: no harm
        log.info("Could not mark a relayed message of chat %d: %s", chat_id, error)


async def _copy_to_staff(
    context: BotContext,
    staff_chat: int,
    talent: User,
    sent: _Sent,
    admission: Admission,
) -> None:
    """Copy the message into the staff chat (after a header, if it opens a burst); of a
    command with a question on its line, the question alone."""
    header_id, thread = admission.header_message_id, admission.thread_id
    follows = admission.follows if admission.new_burst else None
    if admission.new_burst or header_id is None:
        try:
            header_id, thread = await _open_burst(context, staff_chat, talent, sent, admission)
        except BadRequest as error:
            if "thread" not in str(error).lower():
                raise
            # Staff deleted the talent's topic: open a new one.
            log.info("Topic of user %d is gone (%s); opening a new one", talent.user_id, error)
            await context.services.store.support.forget_topic(staff_chat, talent.user_id)
            header_id, thread = await _open_burst(context, staff_chat, talent, sent, admission)
    replying = ReplyParameters(header_id, allow_sending_without_reply=True)
    copy: MessageId | Message
    if sent.words is not None:  # as they formatted it: not through HTML
        send = functools.partial(
            context.bot.send_message,
            staff_chat,
            sent.words,
            parse_mode=None,
            message_thread_id=thread,
            reply_parameters=replying,
        )
        try:
            copy = await send(entities=sent.entities)
        except BadRequest as error:
            if not sent.entities:
                raise
            # Telegram refused a format of theirs as shifted past the command (an attacker's
            # review): their words still reach staff, plain, rather than never.
            log.warning("Question of user %d sent plain: %s", talent.user_id, error)
            copy = await send()
    else:
        copy = await context.bot.copy_message(
            staff_chat,
            from_chat_id=sent.chat_id,
            message_id=sent.message_id,
            message_thread_id=thread,
            reply_parameters=replying,
        )
    replies = admission.replies if admission.new_burst else None
    await context.services.store.support.record(
        staff_chat, copy.message_id, talent.user_id, "question", sent.message_id, follows, replies
    )


async def _open_burst(
    context: BotContext,
    staff_chat: int,
    talent: User,
    sent: _Sent,
    admission: Admission,
) -> tuple[int, int | None]:
    """Post the header (in the talent's topic if the staff chat is a forum); its `follows`:
    the question answered first that the message follows, quoted in it; `replying`: the
    header goes as a reply to the staff answer "Balas tim kami" was pressed under (saying
    which question of theirs it answered), else to staff's newest answer: the thread the
    talent replies in."""
    message_id = sent.message_id
    follows = admission.follows if admission.new_burst else None
    store = context.services.store
    thread = await store.support.topic_for(staff_chat, talent.user_id)
    if thread is None and (await context.bot.get_chat(staff_chat)).is_forum:
        topic = await context.bot.create_forum_topic(staff_chat, topic_name(talent))
        thread = topic.message_thread_id
        await store.support.save_topic(staff_chat, talent.user_id, thread)
        log.info("Opened staff topic %d for user %d", thread, talent.user_id)
    lead = await store.applications.latest_lead(talent.user_id)
    reference = None if lead is None else lead[1]
    language = context.services.settings.default_language
    earlier = answered_first(store, context.content, talent.user_id, follows, language, message_id)
    in_topic = thread is not None
    under, replied = await _replied_in_staff_chat(context, staff_chat, talent, admission)
    replying = admission.replying and under is not None
    text = header(
        context.content,
        language,
        talent,
        reference,
        in_topic=in_topic,
        follows=earlier,
        replying=replying,
        replied=replied,
    )
    # Their lead, one press away (below the header, which stays), as under a new-lead alert;
    # and ✔️ Mark done (no reply), for a question answered by phone (a staff review s64, M1).
    done = staff_questions.button(context.content, language, talent.user_id)
    opener = InlineKeyboardMarkup(
        [[done]]
        if lead is None
        else [[open_button(context.content, language, lead[1], lead[0], anew=True)], [done]]
    )
    posted = await context.bot.send_message(
        staff_chat,
        text,
        message_thread_id=thread,
        reply_markup=opener,
        reply_parameters=(
            ReplyParameters(under, allow_sending_without_reply=True)
            if replying and under is not None
            else None
        ),
    )
    # A reply's header says so in the store too: the answer to it is the team's reply to their
    # message, not an answer to a question (bot/support.py answer_heading).
    opens = admission.replies
    if admission.replying and opens is None:  # typed after an answer: the newest
        newest = await store.support.newest_answer_id(talent.user_id)
        opens = None if newest is None else Reply(newest, None)
    await store.support.record(
        staff_chat, posted.message_id, talent.user_id, "header", message_id, replies=opens
    )
    await _desk(context).start_burst(talent.user_id, posted.message_id, thread)
    return posted.message_id, thread


async def _replied_in_staff_chat(
    context: BotContext, staff_chat: int, talent: User, admission: Admission
) -> tuple[int | None, str]:
    """Where a reply to a staff answer goes in the staff chat, and the question it is about:
    under the answer "Balas tim kami" was pressed under, quoting their question it answered;
    else (typed after an answer, or that answer is not in the staff chat) under the newest."""
    if not admission.replying:
        return None, ""
    store = context.services.store
    pressed = admission.replies
    if pressed is not None:
        under = await store.support.answer_in_staff_chat(
            staff_chat, talent.user_id, pressed.answer_id
        )
        if under is not None:
            return under, await quoted_question(store, talent.user_id, pressed.question_id)
    return await store.support.newest_answer(staff_chat, talent.user_id), ""


def rewritable(message: Message) -> bool:
    """Whether a staff message's formatting is kept written again as HTML (REWRITABLE)."""
    return all(entity.type in REWRITABLE for entity in message.entities)


def together_with(message: Message, heading: str) -> bool:
    """Whether a staff message goes to the talent in one message with its heading (Telegram
    HTML): text, its formatting kept (`rewritable`), that fits; else it is copied as it is."""
    return (
        message.text is not None
        and rewritable(message)
        and fits_with_heading(heading, message.text)
    )


async def send_under(
    context: BotContext,
    message: Message,
    user_id: int,
    heading: str,
    replying: ReplyParameters | None,
    markup: InlineKeyboardMarkup,
    *,
    together: bool,
) -> MessageId | Message:
    """A staff message to the talent: under its heading in one message (`together`:
    `together_with`), else copied as it is (its heading sent alone before it: `heading_first`)."""
    if together:
        return await context.bot.send_message(
            user_id,
            f"{heading}\n\n{message.text_html}",
            reply_parameters=replying,
            reply_markup=markup,
        )
    return await context.bot.copy_message(
        user_id,
        from_chat_id=message.chat_id,
        message_id=message.message_id,
        reply_parameters=replying,
        reply_markup=markup,
    )


def _from_staff(message: Message, staff_chat: int) -> bool:
    """A person in the staff chat (or an anonymous admin of it), not a bot or a channel."""
    if message.is_automatic_forward:
        return False
    if message.sender_chat is not None:
        return message.sender_chat.id == staff_chat
    return message.from_user is not None and not message.from_user.is_bot


def _may_answer(message: Message, context: BotContext) -> bool:
    """Whether this staff-chat message may reach a talent in the bot's name.

    Every member of the staff group sees lead alerts and questions; only admins answer unless
    STAFF_REPLY_ANYONE says otherwise. An anonymous group admin cannot be told apart from
    the others, so counts as a member.
    """
    settings = context.services.settings
    if settings.staff_reply_anyone:
        return True
    sender = message.from_user
    return message.sender_chat is None and sender is not None and settings.is_admin(sender.id)


async def staff_message(update: Update, context: BotContext) -> None:
    """A staff-chat message: a reply to a relayed question (or one in a talent's topic)."""
    staff_chat = context.services.settings.staff_chat_id
    message = update.message
    if staff_chat is None or message is None or not _from_staff(message, staff_chat):
        return
    store = context.services.store
    reply_to = message.reply_to_message.message_id if message.reply_to_message else None
    thread = message.message_thread_id if message.is_topic_message else None
    target = await _desk(context).addressee(staff_chat, reply_to, thread)
    if target is None:
        if _may_answer(message, context) and await store.support.erased_relay(
            staff_chat, reply_to, thread
        ):
            log.info("Staff chat message %d answers an erased talent: not sent", message.message_id)
            await _mark(context, message, Text.SUPPORT_TALENT_ERASED)
            return
        log.debug("Staff chat message %d answers no relayed question", message.message_id)
        return
    if await store.support.relayed(staff_chat, message.message_id) is not None:
        return  # delivered before a restart; this is the replayed update
    talent = await store.users.get(target.user_id)
    name = display_name(talent) if talent else f"id {target.user_id}"
    if not _may_answer(message, context):
        log.info(
            "Staff chat message %d not relayed: its sender is not in ADMIN_IDS",
            message.message_id,
        )
        await _mark(context, message, Text.SUPPORT_REPLY_ADMINS_ONLY, name=name)
        return
    language = talent.language if talent else context.services.settings.default_language
    actor = _answerer(message)
    # The entry names their lead, or them when they have none.
    reference = await store.applications.latest_reference(target.user_id)
    about = (target.user_id, reference)
    summary = message_summary(message)
    detail: dict[str, Any] = {"length": len(summary or "")}
    if actor.user_id is None:
        detail["sender"] = "anonymous_admin"
    since = utc_now()  # a talent erased after this gets no record of the answer
    # A holding mark keeps waiting questions listed: offered only when some wait now.
    waited = await store.support.question_waiting(target.user_id)
    # It starts by naming itself the team's answer to their message, and goes under it: the
    # one replied to (the question before their "makasih kak" replied to), or the one of a
    # burst that says something (a reply to its header; none of several), or (a reply in
    # their topic, or to a "Terkirim" note) their newest that asks (bot/support.py
    # `answering`). A reply to one message or burst leaves their other messages that say
    # something waiting; staff are told how many.
    asking = target.kind in ("question", "header")
    replied = target.talent_message_id if asking else None
    header_id = reply_to if target.kind == "header" else None
    burst = () if header_id is None else await store.support.burst(staff_chat, header_id)
    answers = await answering(store, context.content, target.user_id, replied, burst)
    asked = answers.asked
    heading = await answer_heading(
        store, context.content, target.user_id, asked, language, quoted=answers.quoted
    )
    # A note: under the answer it names; a header of several questions: under none of them.
    under = (asked if answers.quoted else None) if asking else target.talent_message_id
    replying = (
        ReplyParameters(under, allow_sending_without_reply=True) if under is not None else None
    )
    # Claimed before it goes: a reply to a question (or a burst) a colleague's answer took
    # first, from the workspace or here, goes nowhere (the talent would get two answers).
    chosen = tuple(burst) or ((replied,) if replied is not None else ())
    claim = await store.support.claim(target.user_id, actor.user_id, chosen, answers.only)
    if claim.taken:
        await store.audit.about_talent(
            actor, "talent_answered", about, since, **detail, outcome="already_answered"
        )
        await _mark(context, message, Text.SUPPORT_ALREADY_ANSWERED, name=name)
        return
    markup = ask_again_markup(context.content, language)
    together = together_with(message, heading)
    try:
        # Media, too long, or formatting only a copy keeps: the heading goes first, alone.
        async with heading_first(
            context.bot, target.user_id, heading, replying, alone=not together
        ):
            # The answer's line in the talent's log: a staff answer, with its words and writer,
            # and the heading it came under in the same message (the lead page shows it).
            with logged_as(
                "staff_answer",
                summary,
                _signed(message, actor, staff_chat),
                heading=heading_text(heading) if together else None,
                answered_only=answers.only,
            ):
                copy = await send_under(
                    context, message, target.user_id, heading, replying, markup, together=together
                )
    except Forbidden as error:
        log.info("User %d cannot be reached (%s); marked as blocked", target.user_id, error)
        await store.users.set_blocked(target.user_id, True)
        await store.support.unclaim(target.user_id, claim)
        await store.audit.about_talent(
            actor, "talent_answered", about, since, **detail, outcome="blocked"
        )
        await _mark(context, message, Text.SUPPORT_BLOCKED, name=name)
        return
    except TelegramError as error:
        log.warning("Could not deliver a staff answer to user %d: %s", target.user_id, error)
        await store.support.unclaim(target.user_id, claim)
        await store.audit.about_talent(
            actor, "talent_answered", about, since, **detail, outcome="failed"
        )
        await _mark(context, message, Text.SUPPORT_UNDELIVERED, name=name, error=explain(error))
        return
    audited = (actor, reference, {**detail, "outcome": "sent"})
    recorded = await store.support.record_answer(
        staff_chat, message.message_id, target.user_id, copy.message_id, since, audited
    )
    if recorded and await _desk(context).answered_by_staff(target.user_id):  # a form is open
        await reply_in_form_hint(context.bot, context.content, target.user_id, language)
    # If it only said "we'll check", one press keeps the question on the Questions tab.
    hold = (
        support_holding.button(
            context.content,
            context.services.settings.default_language,
            target.user_id,
            copy.message_id,
        )
        if waited
        else None
    )
    if answers.still:
        still = str(answers.still)
        posted = await _mark(
            context, message, Text.SUPPORT_DELIVERED_OTHERS, hold, name=name, count=still
        )
    else:
        posted = await _mark(context, message, Text.SUPPORT_DELIVERED, hold, name=name)
    if recorded and posted is not None:
        # A reply to "✅ Terkirim ke Sari" reaches Sari too, as one to the workspace's note
        # does (a new staff member's review: it went nowhere, without a word).
        await store.support.record(
            staff_chat, posted.message_id, target.user_id, "answer", copy.message_id
        )


def _answerer(message: Message) -> Actor:
    """Who answers from the staff chat, as the audit log names them: the member's user id,
    or none for an anonymous admin (Telegram shows the group, not the person)."""
    sender = message.from_user
    if message.sender_chat is not None or sender is None or sender.is_bot:
        return Actor.staff_chat(None)
    return Actor.staff_chat(sender.id)


def _signed(message: Message, actor: Actor, staff_chat: int) -> AnsweredBy:
    """Who wrote the answer, as its line in the talent's log keeps it: the member and their
    first name, or the staff group for an anonymous admin."""
    if actor.user_id is None or message.from_user is None:
        return AnsweredBy(staff_chat, None)
    return AnsweredBy(actor.user_id, message.from_user.first_name or None)


# The "✅ Terkirim" and "⛔ Tidak terkirim" notes in the staff group, shared by staff who read
# Indonesian and staff who read English: a line in the other language under them.
_GLOSSES = {
    Text.SUPPORT_DELIVERED: Text.SUPPORT_DELIVERED_GLOSS,
    Text.SUPPORT_DELIVERED_OTHERS: Text.SUPPORT_DELIVERED_OTHERS_GLOSS,
    Text.SUPPORT_TALENT_ERASED: Text.SUPPORT_TALENT_ERASED_GLOSS,
    Text.SUPPORT_REPLY_ADMINS_ONLY: Text.SUPPORT_REPLY_ADMINS_ONLY_GLOSS,
    Text.SUPPORT_ALREADY_ANSWERED: Text.SUPPORT_ALREADY_ANSWERED_GLOSS,
    Text.SUPPORT_BLOCKED: Text.SUPPORT_BLOCKED_GLOSS,
    Text.SUPPORT_UNDELIVERED: Text.SUPPORT_UNDELIVERED_GLOSS,
    Text.SUPPORT_EDIT_DELIVERED: Text.SUPPORT_EDIT_DELIVERED_GLOSS,
    Text.SUPPORT_EDIT_SENT_AGAIN: Text.SUPPORT_EDIT_SENT_AGAIN_GLOSS,
    Text.SUPPORT_EDIT_TOO_LONG: Text.SUPPORT_EDIT_TOO_LONG_GLOSS,
    Text.SUPPORT_EDIT_UNDELIVERED: Text.SUPPORT_EDIT_UNDELIVERED_GLOSS,
}


async def _mark(
    context: BotContext,
    message: Message,
    key: Text,
    markup: InlineKeyboardMarkup | None = None,
    **values: str,
) -> Message | None:
    """A short reply to the staff message saying what became of it (`markup`: its button);
    the reply, if it was posted."""
    language = context.services.settings.default_language
    text = context.content.text(key, language, **values)
    gloss = _GLOSSES.get(key)
    if gloss is not None:  # the gist in the other language (a re-check s59, M1)
        text = f"{text}\n{context.content.text(gloss, other_language(language), **values)}"
    try:
        return await context.bot.send_message(
            message.chat_id,
            text,
            message_thread_id=message.message_thread_id if message.is_topic_message else None,
            reply_parameters=ReplyParameters(message.message_id, allow_sending_without_reply=True),
            reply_markup=markup,
        )
    except TelegramError as error:
        log.warning("Could not confirm in the staff chat: %s", error)
        return None
