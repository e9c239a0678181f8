"""Free questions in private chat, answered from the FAQ and program pages (bot/answers)."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import timedelta
from typing import Literal

from telegram import InlineKeyboardMarkup, Message, Update, User

from bot.answers.desk import AnswerDesk, Question, entry, thresholds
from bot.answers.language import named_language, other_script, written_in
from bot.answers.pages_sent import PageSent
from bot.answers.text import (
    about_old_data,
    about_own_data,
    acknowledges,
    asks_after_reply,
    asks_for_menu,
    asks_something,
    asks_to_register_again,
    asks_what_this_is,
    asks_whats_kept,
    asks_whats_left,
    may_ask_status,
    names_kocca,
    nothing_written,
    only_emoji,
    only_links,
    only_thanks,
    operator_names_kocca,
    regrets_erasure,
    says_not_this,
    send_or_cancel,
    thanks_said,
    words,
)
from bot.answers.verdict import Outcome, Thresholds, Verdict
from bot.answers.words import BACK_AGAIN
from bot.content import Content, FaqItem, Program
from bot.leads import asked_questions
from bot.leads.cancel_wish import wants_to_cancel, wants_to_undo
from bot.leads.form_greetings import greeting_back
from bot.leads.intent_words import looks_it_up, says_later
from bot.leads.register_wish import wants_to_go_on, wants_to_register_said_more
from bot.names import first_name
from bot.outreach.news_wish import news_wish
from bot.store.conversation import LogEntry
from bot.store.questions import Recorded
from bot.support import just_answered
from bot.texts import Text
from bot.transport.sending import CallbackKeyboard, Keyboard
from handlers import (
    broadcast,
    intake_views,
    menu,
    privacy,
    programs_registered,
    support,
    talent_cancel,
    talent_status,
    views,
)
from handlers.common import BotContext, answer_query, operator_name, reply, show
from handlers.fallback import stale_button

# Buttons of an answer carry the recorded question: qa:<id>:<action>. Actions: x "not this"
# (y: under an answer given in the middle of the form),
# t "ask our team", s "send it to the team", c "don't send it", w "write another question",
# k "that answers it", f:<key> / p:<key> open an FAQ entry or a program page.
QA = "qa:"
PATTERN = r"^qa:\d{1,12}:(x|y|t|s|c|k|w|[fp]:[a-z0-9_]{1,24})$"
_PRESS = re.compile(PATTERN)
WHO_RUNS = "faq:who_runs"  # the page on who runs the bot (content/faq.yaml)
ASK_HUMAN = "faq:ask_human"  # the page on asking a real person
QUOTE_LIMIT = 500  # characters of the talent's question shown back before it goes to staff
CONFIRM_TYPED_FOR = 10 * 60  # seconds: "iya" typed after the confirmation shows it again
NOT_THIS_TYPED_FOR = 10 * 60  # seconds: "bukan ini" typed after an answer, as its button
# A direct answer with the page sent as the answer just before, this long ago at most, points
# back to it in a line (a talents' review s60: "kapan MU:CON 2026?", then "boleh daftar tampil
# di MU:CON lewat sini?" got the whole page twice, back to back).
SHOWN_FOR = 10 * 60  # seconds
GIVEN_WITHIN = 20  # of the talent's latest messages, what a 🙏 in emoji alone may thank for


def _desk(context: BotContext) -> AnswerDesk:
    live = context.services.live_content
    return AnswerDesk(context.services.store, live.current, live.matcher)


def taught(context: BotContext, text: str) -> bool:
    """Whether staff taught this wording an entry (see AnswerDesk.taught)."""
    return _desk(context).taught(text)


def text_of(message: Message) -> str | None:
    """What a message says in words: its text, or a sticker's emoji when that is an okay or
    thanks (a 👍 sticker says what typing 👍 does); None for other stickers and media."""
    if message.text is not None:
        return message.text
    emoji = message.sticker.emoji if message.sticker is not None else None
    return emoji if emoji and acknowledges(emoji) else None


def _question(update: Update, context: BotContext, text: str | None = None) -> Question | None:
    """The message as a free question (`text`: the part of it that asks, if not all)."""
    message, user = update.message, update.effective_user
    asked = text if text is not None or message is None else text_of(message)
    if message is None or asked is None or user is None:
        return None
    language = context.language(update)
    names = _names(user)
    return Question(user.id, update.update_id, message.message_id, language, asked, names)


def _names(user: User | None) -> tuple[str, ...]:
    """The talent's names on Telegram: in a question, who asks rather than what."""
    if user is None:
        return ()
    # Not the username: its words are often real ones ("visa_dimas"), which would stop
    # counting against entries for this talent (the off-topic guard).
    return tuple(name for name in (user.first_name, user.last_name) if name)


async def free_text(update: Update, context: BotContext, *, paused: bool = False) -> None:
    """A message outside any form: answer it, offer what is close, or say nothing fits
    (`paused`: the talent has a paused registration, said beside an offer or "no answer")."""
    followed = await follow_written_language(update, context)
    question = _question(update, context)
    if question is None or await _typed_confirmation(update, context, question):
        return
    if followed is not None and _asks_for_language(context, question, followed):
        return  # "Ok saya pakai bahasa Indonesia aja ya": followed, and said so, already
    if await privacy.typed_keep(update, context, question.text):
        return  # "eh jangan dulu deh" to /hapusdata's question: nothing erased, said so
    offered = await broadcast.typed_to_offer(update, context, question.text)
    if offered is None:
        await _free_reply(update, context, question, paused)
        return
    # "yesss mau bgt 🙌" to program news: its buttons again, to press, below the answer to
    # what the message asks after the yes ("Boleh. Apakah bisa juga lewat WA?"). A clear no
    # ("No thanks", "ga usah kak") is the No button: it switches nothing on.
    if offered.rest:
        await _free_reply(update, context, replace(question, text=offered.rest), paused)
    if offered.no:
        await broadcast.decline_typed(update, context)
    else:
        await broadcast.offer_again(update, context)


async def _free_reply(
    update: Update, context: BotContext, question: Question, paused: bool = False
) -> None:
    """The reply to a free message (or to what it says after a yes to the program-news offer):
    a wish said in words, then the matcher's answer."""
    if await _typed_wish(update, context, question):
        return
    if asks_for_menu(question.text):  # "menu", "menu utama": the menu alone, no "no answer"
        text, markup = menu.main_menu(context, question.language)
        await reply(update, text, markup)
        return
    if only_links(question.text):  # shared work: where links count, not "no answer"
        _, markup = menu.main_menu(context, question.language)
        await reply(update, context.text(Text.ASK_LINKS_OUTSIDE_FORM), markup)
        return
    if says_not_this(question.text):  # "bukan ini" typed under an answer: as its button
        latest = context.services.store.questions.answered_lately(
            question.user_id, NOT_THIS_TYPED_FOR
        )
        if latest is not None:
            await _not_this(update, context, question.language, latest, in_form=False)
            return
    if await _status_asked(update, context, question):
        return
    needed = thresholds(context.services.settings)
    answer = await _desk(context).ask(question, needed, paused=paused)
    verdict, question_id, language = answer.verdict, answer.question_id, question.language
    if question_id is not None and verdict.outcome is not Outcome.ANSWERED:
        context.services.pages_sent.forget(question.user_id)  # another reply since the page
    answered = _answer(context, language, verdict.entry) if verdict.entry else None
    if verdict.outcome is Outcome.GREETING or (
        verdict.outcome is Outcome.THANKS and not await _given_before(context, question)
    ):
        user = update.effective_user
        name = first_name(user.first_name) if user else ""
        _, markup = menu.main_menu(context, language)
        timed = greeting_back(question.text)  # "SELAMAT SORE": "Selamat sore" back
        back = verdict.outcome is Outcome.GREETING and _says_back(question.text)
        if timed is not None and timed is not Text.INTAKE_GREETING_HELLO:
            greeting = context.text(timed)
            key = Text.ASK_GREETING_BACK_TIMED if back else Text.ASK_GREETING_TIMED
            text = context.text(key, greeting=greeting, first_name=name)
        else:
            key = Text.ASK_GREETING_BACK if back else Text.ASK_GREETING
            text = context.text(key, first_name=name)
        await reply(update, text, markup)
    elif verdict.outcome is Outcome.THANKS:
        await _welcome(update, context, question.text)
    elif verdict.outcome in (Outcome.NUDGE, Outcome.DOUBT):
        _, markup = menu.main_menu(context, language)
        await reply(update, context.text(_nothing_asked(verdict.outcome, question.text)), markup)
    elif verdict.outcome is Outcome.UNANSWERED or question_id is None:
        await _nothing(update, context, language, question_id, paused, question.text)
    elif verdict.outcome is Outcome.SUGGESTED:
        if await _confirm_as_well(update, context, question_id):
            return
        rows = _entry_rows(context, language, question_id, verdict.others)
        one = len(verdict.others) == 1  # "one of these?" with one button reads oddly
        text = context.text(Text.ASK_NOT_SURE_ONE if one else Text.ASK_NOT_SURE)
        text = f"{text}{_paused_form_note(context, paused)}"
        await reply(update, text, _with_team(context, language, question_id, rows))
    elif answered is None:  # a reload removed the entry in between
        await _nothing(update, context, language, question_id, paused)
    else:
        ref = verdict.entry or ""
        found = entry(context.content, ref)
        registered = await _registered(context, question.user_id, found)
        rows = _action_rows(context, language, ref, registered=bool(registered))
        if ref != ASK_HUMAN:  # asking for a person is no question to pass on: /tanya's invitation
            rows = _carrying(rows, question_id)
        answered = await talent_status.with_status(
            context, question.user_id, language, found, answered, registered
        )
        answered = _program_registered(context, language, found, answered, registered)
        page_now = answered
        above = _page_above(context, question, ref, page_now)
        if above is not None:  # the page just sent says it all: pointed to, not sent again
            shown = _entry_button(context.content, language, ref)
            if shown is not None:
                rows.append([(context.text(Text.BTN_SHOW_AGAIN), f"{QA}{question_id}:{shown[1]}")])
        rows.append([(context.text(Text.BTN_NOT_THIS), f"{QA}{question_id}:x")])
        rows += _entry_rows(context, language, question_id, verdict.others)
        official_no = (
            verdict.entry == WHO_RUNS
            and names_kocca(question.text)
            and not operator_names_kocca(operator_name(context))
        )  # "is this the official KOCCA bot?": no, above who runs it
        if above is not None:
            answered = context.text(Text.ASK_SEE_ABOVE_MORE if official_no else Text.ASK_SEE_ABOVE)
        if official_no:
            answered = f"{context.text(Text.ASK_OFFICIAL_KOCCA_NO)}\n\n{answered}"
        if set(verdict.also) & set(verdict.others):  # one question of several answered
            answered = f"{answered}\n\n{context.text(Text.ASK_OTHER_PARTS)}"
        sent = await reply(update, answered, CallbackKeyboard(rows), reply_to=above)
        if above is None and sent is not None:  # sent whole: a follow-up on it points here
            page = PageSent(ref, language, hash(page_now), sent, context.services.clock())
            context.services.pages_sent.sent(question.user_id, page)


def _page_above(context: BotContext, question: Question, ref: str, page: str) -> int | None:
    """The id of the bot's message that sent this page whole, reading as it does now (`page`:
    its status line, its program-news line, the content served now), if it was the last
    answer this talent got, within SHOWN_FOR seconds (a talents' review s60: "kapan MU:CON
    2026?", then "boleh daftar tampil di MU:CON lewat sini?" got the whole page twice, back to
    back); None otherwise. Or an earlier page, to a message written before it was sent (a
    burst: a talents' review s64, L4; message ids of a chat count up on both sides). Kept in
    memory by this process: no read of the database."""
    services = context.services
    for at, last in enumerate(reversed(services.pages_sent.recent(question.user_id))):
        if at and (question.message_id is None or question.message_id > last.message_id):
            return None  # not the last page, and the talent had it when writing
        if last.entry != ref or last.language != question.language or last.page != hash(page):
            continue
        if services.clock() - last.at > timedelta(seconds=SHOWN_FOR):
            return None
        return last.message_id
    return None


async def _status_asked(update: Update, context: BotContext, question: Question) -> bool:
    """What /status would say, to a question it answers (a word check first: most messages
    read nothing). About the talent's own data ("Data saya masih ada ga?") from one whose
    data was erased, with nothing registered since: that it was, and when (a talents'
    review: the FAQ's "Datamu dipakai untuk …" read as if the bot still held it). Whether
    the team answered ("Sudah ada balasan?") from one who asked them: the line on their
    questions, waiting since … or answered (a talents' review: the language page); from one
    who never asked them, /status itself (their registration's stage, or none). True if it
    was that."""
    text, user_id, language = question.text, question.user_id, question.language
    if not may_ask_status(text):
        return False  # most messages: none of the words these questions need
    line = None
    asked = about_own_data(text) or about_old_data(text) or asks_to_register_again(text)
    if asked or asks_whats_left(text) or asks_whats_kept(text) or regrets_erasure(text):
        line = await talent_status.after_erasure(context, user_id, language, text)
    if line is None and asks_after_reply(text):
        line = await talent_status.questions_line(context, user_id, language)
        if not line:  # none sent: said, then what /status says (their registration, or none)
            ask = context.services.settings.staff_chat_id is not None
            none = Text.STATUS_QUESTIONS_NONE_ASK if ask else Text.STATUS_QUESTIONS_NONE
            text, markup = await talent_status.status_screen(context, user_id, language)
            await reply(update, f"{context.text(none)}\n\n{text}", markup)
            return True
    if line is None:
        return False
    _, markup = menu.main_menu(context, language)
    await reply(update, line, markup)
    return True


async def _typed_wish(update: Update, context: BotContext, question: Question) -> bool:
    """A wish in words the bot acts on rather than answers (each a word check before any
    read): program news on or off, registering or going on with a paused registration, an
    okay while the team has the talent's question. Not a wording staff taught an entry.
    True if it was one."""
    text = question.text
    news = news_wish(text)
    if news is not None and not taught(context, text):
        await broadcast.news_choice(update, context, news)
        return True
    if await _later_with_paused_form(update, context, question):
        return True
    if await _undo_wished(update, context, question):
        return True
    # "batalin pendaftaranku": before a wish to register, whose words ("daftar") it shares.
    # The word check first: `taught` is a second match of the message, too dear for each one.
    if (
        wants_to_cancel(text)
        and not taught(context, text)
        and await talent_cancel.wished(update, context, question.user_id, text)
    ):
        return True
    if await _wants_to_register(update, context, question):
        return True
    return await support.acknowledged(update, context, text)


async def _undo_wished(update: Update, context: BotContext, question: Question) -> bool:
    """ "Apakah pembatalan ini dapat saya urungkan?" from a talent who cancelled: /daftar's
    offer to begin from those answers, below a line that a cancel is not undone; "i want to
    register again, im 16 and my mom said ok": the offer alone (handlers.intake.undo_wished,
    which ask mode reaches too). True if it was that."""
    if not wants_to_undo(question.text) or taught(context, question.text):
        return False  # the word check first, as for the cancel
    # handlers.intake sends free text here, so it is imported when needed, not at the top.
    from handlers.intake import undo_wished

    return await undo_wished(update, context, question.user_id, question.text)


async def _later_with_paused_form(update: Update, context: BotContext, question: Question) -> bool:
    """ "Nanti saya lanjutkan, mau cari link Spotify-nya dulu" with a paused registration: a
    short line that the answers are kept and /daftar goes on, as the form's own reply to it
    says (a talents' review: the page on sending work). True if it was that."""
    text = question.text
    if not menu.resumes(context):  # most talents: known from this update's routing
        return False
    if not (says_later(text) or looks_it_up(text)):
        return False
    _, markup = menu.main_menu(context, question.language)
    await reply(update, context.text(Text.ASK_LATER_PAUSED), markup)
    return True


async def _wants_to_register(update: Update, context: BotContext, question: Question) -> bool:
    """ "haii mau daftar dong, aku filmmaker dari jakarta": /daftar's start (or its choice
    to update, when registered); "lanjut ya" with a paused registration: that form resumed,
    as /daftar resumes it (a talents' review: the open-call FAQ, "no answer", "Sudah daftar,
    kapan dihubungi?"). True if it was that."""
    text = question.text
    if wants_to_register_said_more(text):
        wish = True
    elif wants_to_go_on(text):
        draft = await context.services.store.applications.draft_for(question.user_id)
        wish = draft is not None  # a paused one: free text comes here only with no open form
    else:
        return False  # most messages: no read of the store
    if not wish or taught(context, text):
        return False
    # handlers.intake sends free text here, so it is imported when needed, not at the top.
    from handlers.intake import apply_command

    await apply_command(update, context)
    return True


def _asks_for_language(context: BotContext, question: Question, followed: str) -> bool:
    """Whether a message asks for the language the bot has just followed it into, and no
    more: the language FAQ page would only repeat what the notice of the switch said (a
    talents' review s58: "Ok saya pakai bahasa Indonesia aja ya, lebih enak" got both), also
    when the language it is not good at comes after it ("Can we speak English please? My
    Indonesian is not good"). One that names the other language first ("ganti ke english
    dong", written in Indonesian) still gets the page and its buttons."""
    if named_language(question.text) != followed:
        return False
    verdict = _desk(context).verdict(
        question.text, thresholds(context.services.settings), question.names
    )
    found = entry(context.content, verdict.entry) if verdict.entry is not None else None
    return (
        verdict.outcome is Outcome.ANSWERED
        and isinstance(found, FaqItem)
        and found.action == "language"
    )


async def follow_written_language(update: Update, context: BotContext) -> str | None:
    """A talent who never chose a language and writes clearly in the other one is answered in
    it from now on, and told how to go back. Followed, not chosen: one who then writes the
    other language again, clearly, and not right after a message clearly in the one followed,
    is followed back (a talents' review: switched to English, a talent wrote Indonesian for
    many messages and read English), once: a talent who writes both is not switched back and
    forth, told each time. Returns the language followed into, if the message switched it."""
    talent, message = context.talent, update.message
    text = text_of(message) if message is not None else None
    if talent is None or talent.language_chosen or talent.language_settled or text is None:
        return None  # chosen, or followed back once already: it stays
    if talent.user_id in context.services.settings.admin_ids:
        return None  # staff's desk keeps the language they have (an attacker's review)
    written = written_in(text)
    if written is None or written == talent.language:
        return None
    store = context.services.store
    if talent.language_followed:  # back again: not right after one in the language followed
        before = await store.log.before_latest_in(talent.user_id)
        if before is not None and written_in(before[0].text or "") == talent.language:
            return None  # a talent who mixes the two stays put
    back = talent.language_followed
    await store.users.follow_language(talent.user_id, written, back=back)
    context.talent = replace(
        talent, language=written, language_followed=True, language_settled=back
    )
    await reply(update, context.text(Text.LANGUAGE_FOLLOWED))
    return written


async def _typed_confirmation(update: Update, context: BotContext, question: Question) -> bool:
    """ "iya, kirim" or "batal" typed while "Tanya tim kami"'s confirmation (shown in the last
    few minutes) waits for its button: the confirmation again, at the bottom, to press (a
    talents' review: "iya" got "Siap!" and the talent thought it was sent). Never sent or
    cancelled by typing: an attacker showed an "iya" meant for something else sending an old
    question. True if it was that."""
    if not send_or_cancel(question.text):
        return False  # most messages: no read of the store
    store = context.services.store.questions
    pending = store.awaiting_confirmation(question.user_id, CONFIRM_TYPED_FOR)
    if pending is None:
        return False
    await _confirm(update, context, question.language, pending)
    return True


def _nothing_asked(outcome: Outcome, text: str) -> Text:
    """The reply to a message that asks nothing yet: asking back, asking what this is, or
    only starting ("mau tanya", "hmm")."""
    if outcome is Outcome.DOUBT:
        return Text.ASK_DOUBT
    return Text.ASK_INTRO if asks_what_this_is(text) else Text.ASK_NUDGE


async def _given_before(context: BotContext, question: Question) -> bool:
    """Whether small talk may thank for something: said in words, an okay, or 🙏 in emoji
    alone once the talent has typed or pressed something the bot answered. Before that,
    only /start or a sticker, it greets ("🙏🙏🎤🎶": a talents' review s57, L7, got
    "Sama-sama!" when nothing had been given)."""
    if not only_emoji(question.text) or not thanks_said(question.text):
        return True  # "makasih kak", "oke 🙏", 👍: as said
    latest = await context.services.store.log.latest_in(question.user_id, GIVEN_WITHIN)
    return any(_may_have_got(entry) for entry in latest[1:])  # [0]: this message itself


def _may_have_got(entry: LogEntry) -> bool:
    """Whether the bot may have given something for a message of the talent's: a button
    pressed, words typed, a command other than /start; not a sticker, a photo or emoji."""
    said = entry.text or ""
    if entry.kind == "command":
        return not said.startswith("/start")
    return entry.kind == "button" or (entry.kind == "text" and not only_emoji(said))


async def _welcome(update: Update, context: BotContext, text: str) -> None:
    """The reply to small talk that thanks ("Sama-sama!") or says okay ("Siap!")."""
    await reply(update, context.text(Text.ASK_THANKS if thanks_said(text) else Text.ASK_OKAY))


async def ask_command(update: Update, context: BotContext) -> None:
    """/tanya: the invitation to ask; /tanya QUESTION on one line: the question at once, as
    if typed after the invitation (answered first if the bot is sure, else sent to staff)."""
    message = update.message
    typed = _after_command(message.text) if message is not None and message.text else ""
    if nothing_written(typed) or not support.questions_open(context):  # "/tanya ??" too
        await support.ask(update, context)
        return
    await support.start_asking(update, context)
    if await answer_before_relay(update, context, typed):
        return
    if not await support.relay_question(update, context):
        await support.ask(update, context)  # not relayed (unknown sender): invite instead


def _after_command(text: str) -> str:
    """What follows a command, on its line or the next ("/tanya@bot  kak, bayar?" -> "kak,
    bayar?")."""
    parts = text.strip().split(maxsplit=1)
    return parts[1].strip() if len(parts) == 2 else ""


async def answer_before_relay(update: Update, context: BotContext, text: str | None = None) -> bool:
    """After /tanya, a question the bot can answer with high confidence: the answer first,
    with "That answers it" and "Send to the team anyway". True if it was shown. `text`: the
    question, when the message holds more (/tanya QUESTION)."""
    question = _question(update, context, text)
    if question is None or not support.questions_open(context):
        return False
    session = await context.services.store.support.session(question.user_id)
    if not session.asking or session.last_relayed_at is not None:
        return False  # not asking, or already talking with staff: never stand in between
    # "oke kak" to the bot's answer: no question for staff (what comes next still goes),
    # unless one of theirs waits for staff (then they read it with the rest).
    if (
        just_answered(session)
        and acknowledges(question.text)
        and not await context.services.store.support.question_waiting(question.user_id)
    ):
        await _welcome(update, context, question.text)
        return True
    needed = thresholds(context.services.settings, relay=True)
    sure = await _sure_answer(context, question, needed, "ask")
    if sure is None:
        return False
    verdict, answered, question_id = sure
    language = question.language
    await support.note_answered_first(update, context, question_id)
    text = f"{answered}\n\n{context.text(Text.ASK_ANSWER_FIRST)}"
    register = _action_rows(context, language, verdict.entry, asking=True)
    rows = [[views.button(label, data) for label, data in row] for row in register]
    rows += [
        [views.button(context.text(Text.BTN_ANSWERED), f"{QA}{question_id}:k")],
        [views.button(context.text(Text.BTN_SEND_ANYWAY), f"{QA}{question_id}:s")],
    ]
    await reply(update, text, InlineKeyboardMarkup(rows))
    return True


async def answer_in_form(
    update: Update,
    context: BotContext,
    *,
    strict: bool,
    asked: str | None = None,
    field: str | None = None,
    offer_only: bool = False,
    named: tuple[str, ...] = (),
    about: bool = False,
) -> Literal["answered", "suggested"] | None:
    """A question typed at a form step instead of its answer (the form refused it as one):
    its answer, when the bot is sure, with "Not this"; else the closest entries, if any; the
    form's question follows. What was shown, if anything. `strict`: the message may be the
    step's answer typed unsure, so it must have a word that asks; `asked`: the part of the
    message that asks, matched and recorded instead of all of it; `field`: the talent's
    (music or film): a program page of the other field is offered, never the answer;
    `offer_only`: entries are offered, none answered (a question of two words); `named`:
    the programs the message names, said in short beside a program page answered; `about`:
    the message asks about those programs by name ("BCWW kapan?"), their lines answer it."""
    question = _question(update, context, asked)
    if question is None or (strict and not about and not asks_something(question.text)):
        return None
    needed = thresholds(context.services.settings)
    if about and named:
        verdict = Verdict(Outcome.ANSWERED, f"program:{named[0]}")
    else:
        verdict = _desk(context).considered(question, needed)
        if offer_only or _other_field(context, verdict, field):
            verdict = _desk(context).offered(question, verdict, needed)
    if verdict.outcome is Outcome.SUGGESTED and verdict.others:
        return "suggested" if await _suggested_in_form(update, context, question, verdict) else None
    sure = await _sure_answer(context, question, needed, "chat", verdict)
    if sure is None:
        return None
    verdict, answered, question_id = sure
    found = entry(context.content, verdict.entry) if verdict.entry else None
    if isinstance(found, Program):
        # A program's line, not its whole page, as "apa bedanya APM dan ACF?" gets (a talents'
        # review: "MU:CON itu apa nggih…?" got eight sections and the form's question was
        # far above): the others the message names too ("Bedanya dengan Musisi ke Korea?").
        keys = dict.fromkeys((found.key, *named))
        # Asked when or where ("MU:CON kapan diadakan?"): its dates too (a re-check s58).
        when = asked_questions.asks_when(question.text)
        lines = intake_views.program_lines(context.content, question.language, keys, when=when)
        answered = context.text(Text.ASK_IN_FORM_PROGRAM, programs=lines)
    # No "Register interest" or other action under it: the talent is registering already.
    rows = [[(context.text(Text.BTN_NOT_THIS), f"{QA}{question_id}:y")]]
    await reply(update, answered, CallbackKeyboard(rows))
    return "answered"


def _other_field(context: BotContext, verdict: Verdict, field: str | None) -> bool:
    """Whether the answer is a program page of the other field: never given directly (a
    talents' review: a musician's question in the form got the KOFIC film incentive), but
    offered with the other close entries instead."""
    found = entry(context.content, verdict.entry) if field and verdict.entry else None
    return isinstance(found, Program) and found.section != field


async def _suggested_in_form(
    update: Update, context: BotContext, question: Question, verdict: Verdict
) -> bool:
    """A question typed in the form the bot is not sure of: the closest entries as buttons,
    recorded as a free question (a talents' review: four questions typed mid-form were only
    told to pause and type them again); the form still says how to send an answer that ends
    in "?" or to pause. Without Ask our team: it would take what the talent types next for
    the form to staff."""
    question_id = (await _desk(context).record(question, verdict, "chat")).question_id
    rows = (
        []
        if question_id is None
        else _entry_rows(context, question.language, question_id, verdict.others)
    )
    if not rows:
        return False
    await reply(update, context.text(Text.ASK_IN_FORM_SUGGESTED), CallbackKeyboard(rows))
    return True


async def _sure_answer(
    context: BotContext,
    question: Question,
    needed: Thresholds,
    via: str,
    verdict: Verdict | None = None,
) -> tuple[Verdict, str, int] | None:
    """A direct answer to the question and its page, recorded before any reply; None when
    the bot is not that sure (nothing is recorded then). `verdict`: if already considered."""
    desk = _desk(context)
    verdict = verdict or desk.considered(question, needed)
    answered = _answer(context, question.language, verdict.entry) if verdict.entry else None
    if verdict.outcome is not Outcome.ANSWERED or answered is None:
        return None
    question_id = (await desk.record(question, verdict, via)).question_id
    return None if question_id is None else (verdict, answered, question_id)


async def thanked(update: Update, context: BotContext) -> bool:
    """In ask mode, a message that only thanks while nothing of the talent's waits for staff
    ("oke makasih kak" after their answer): "you're welcome" from the bot, and it does not go
    on (it opened a new question on staff's list). Ask mode stays: what the talent sends next
    (the link staff asked for) still goes to staff. True if it was that."""
    question = _question(update, context)
    if question is None or not only_thanks(question.text):
        return False
    if await context.services.store.support.question_waiting(question.user_id):
        return False  # thanks with a question still open: staff see it with the rest
    await reply(update, context.text(Text.ASK_THANKS))
    return True


async def button(update: Update, context: BotContext) -> None:
    """A button under an answer, a suggestion list or the confirmation."""
    query, user = update.callback_query, update.effective_user
    data = query.data if query is not None and query.data else ""
    if user is None or not _PRESS.match(data):
        await stale_button(update, context)
        return
    _, number, action = data.split(":", 2)
    question = context.services.store.questions.get(int(number), user.id)
    if question is None:  # another talent's, or erased since
        await stale_button(update, context)
        return
    language = context.language(update)
    if action in ("x", "y"):
        await _not_this(update, context, language, question, in_form=action == "y")
    elif action == "t":
        await _confirm(update, context, language, question)
    elif action == "s":
        await _send(update, context, language, question)
    elif action == "k":
        await support.leave_ask_mode(update, context)
        await support.answer_enough(update, context)
        text, markup = menu.main_menu(context, language)
        await answer_query(update)
        await reply(update, f"{context.text(Text.ASK_GLAD)}\n\n{text}", markup)
    elif action == "c":  # the confirmation cancelled: say that nothing went (or that it had)
        await _cancelled(update, context, language, question)
    elif action == "w":  # another question instead: this one is no longer to confirm
        await context.services.store.questions.not_confirming(question.id, question.user_id)
        await support.ask(update, context)
    else:
        await _open(update, context, language, question, action)


async def _not_this(
    update: Update, context: BotContext, language: str, question: Recorded, *, in_form: bool
) -> None:
    """The answer was not what the talent asked: the other close entries instead (`in_form`:
    only those, with no "Ask our team" or menu: the form waits below)."""
    store = context.services.store
    await store.questions.not_this(question.id, question.user_id)
    context.services.pages_sent.forget(question.user_id)  # not pointed to again
    needed = thresholds(context.services.settings)
    names = _names(update.effective_user)
    asked = question.text or question.summary  # the text over the day's budget: its summary
    others = _desk(context).others_than(asked, question.entry, needed, names)
    rows = _entry_rows(context, language, question.id, others)
    if in_form:
        key = Text.ASK_NOT_THIS if others else Text.ASK_NOT_THIS_IN_FORM
        await show(update, context.text(key), CallbackKeyboard(rows) if rows else None)
        return
    if others:
        key = Text.ASK_NOT_THIS
    elif support.questions_open(context):
        key = Text.ASK_NOT_THIS_TEAM
    else:
        key = Text.ASK_NOT_THIS_CLOSED
    await show(update, context.text(key), _with_team(context, language, question.id, rows))


async def _confirm(
    update: Update,
    context: BotContext,
    language: str,
    question: Recorded,
    earlier: Recorded | None = None,
) -> None:
    """ "Ask our team": the talent's own words, sent only when they confirm (`earlier`: a
    question whose confirmation still waits above, not sent)."""
    if not support.questions_open(context):
        await support.ask(update, context)  # says questions are closed
        return
    if question.sent_to_staff:
        await show(update, context.text(Text.ASK_ALREADY_SENT))
        return
    quoted = _quoted(question)
    # Shown now: "iya, kirim" typed instead of pressing Send shows it again (_typed_confirmation).
    await context.services.store.questions.confirming(question.id, question.user_id)
    rows = [
        [views.button(context.text(Text.BTN_ASK_SEND), f"{QA}{question.id}:s")],
        # /tanya's invitation: another question, in ask mode with its Done button.
        [views.button(context.text(Text.BTN_ASK_OTHER), f"{QA}{question.id}:w")],
        [views.button(context.text(Text.BTN_CANCEL), f"{QA}{question.id}:c")],
    ]
    # The values are escaped by content.text: the talent's markup is shown, never applied.
    text = context.text(Text.ASK_CONFIRM, question=quoted)
    if earlier is not None:
        text += "\n\n" + context.text(Text.ASK_CONFIRM_EARLIER_WAITS, question=_quoted(earlier))
    await show(update, text, InlineKeyboardMarkup(rows))


def _quoted(question: Recorded) -> str:
    """A question's words as the confirmation shows them (the text over the day's budget: its
    summary), up to QUOTE_LIMIT characters."""
    quoted = question.text.strip() or question.summary
    return quoted if len(quoted) <= QUOTE_LIMIT else quoted[: QUOTE_LIMIT - 1] + "…"


async def _cancelled(
    update: Update, context: BotContext, language: str, question: Recorded
) -> None:
    """The confirmation cancelled: say that nothing went, or that it had already gone."""
    await context.services.store.questions.not_confirming(question.id, question.user_id)
    said = context.text(Text.ASK_ALREADY_SENT if question.sent_to_staff else Text.ASK_NOT_SENT)
    text, markup = menu.main_menu(context, language)
    await show(update, f"{said}\n\n{text}", markup)


async def _send(update: Update, context: BotContext, language: str, question: Recorded) -> None:
    """The talent confirmed (or chose "send anyway"): their message goes to staff, once."""
    store = context.services.store
    if not support.questions_open(context) or question.message_id is None:
        await support.ask(update, context)
        return
    await answer_query(update)
    if not await store.questions.sent_to_staff(question.id, question.user_id):
        await reply(update, context.text(Text.ASK_ALREADY_SENT))
        return
    if not await support.relay_earlier(update, context, question.message_id, question.id):
        await store.questions.unsent(question.id, question.user_id)


async def _open(
    update: Update, context: BotContext, language: str, question: Recorded, action: str
) -> None:
    """One of the offered entries, as its page shows it; or, if a reload removed it, say so."""
    kind, key = action.split(":", 1)
    ref = f"{'faq' if kind == 'f' else 'program'}:{key}"
    found = entry(context.content, ref)
    if found is None:
        text, markup = menu.main_menu(context, language)
        await show(update, f"{context.text(Text.ASK_ENTRY_GONE)}\n\n{text}", markup)
        return
    await context.services.store.questions.opened(question.id, question.user_id, ref)
    subscribed, resume = views.is_subscribed(context.talent), menu.resumes(context)
    registered = await _registered(context, question.user_id, found)
    if isinstance(found, FaqItem):
        operator = operator_name(context)
        page = views.faq_answer(
            context.content,
            language,
            key,
            subscribed=subscribed,
            operator=operator,
            resume=resume,
            registered=bool(registered),
        )
    else:
        page = views.program_page(
            context.content, language, found, subscribed=subscribed, resume=resume
        )
        if registered:  # its register button: their status, as the line says
            made = _actions(context.content, language, ref, False, resume, True)
            page = (page[0], programs_registered.status_button(page[1], found, made[0]))
    text = await talent_status.with_status(
        context, question.user_id, language, found, page[0], registered
    )
    text = _program_registered(context, language, found, text, registered)
    # A message of its own: the answer or the choice it was opened from stays above it (a
    # talent's review: "Back" led to the FAQ list and the answer was gone).
    await answer_query(update)
    sent = await reply(update, text, _carried(page[1], question.id))
    if sent is not None:  # the page now above: a follow-up on it points here
        opened = PageSent(ref, language, hash(text), sent, context.services.clock())
        context.services.pages_sent.sent(question.user_id, opened)


async def _nothing(
    update: Update,
    context: BotContext,
    language: str,
    question_id: int | None,
    paused: bool = False,
    asked: str = "",
) -> None:
    """Nothing fits: say so, with the menu; when staff take questions, its "Ask our team"
    carries the message (a long, real question is not typed again), confirmed before it goes.
    `asked` mostly in a script the bot does not read: which languages it reads instead."""
    text, markup = menu.main_menu(context, language)
    text = f"{_paused_form_note(context, paused).lstrip()}\n\n{text}".lstrip()
    foreign = other_script(asked)
    if not support.questions_open(context):
        said = Text.ASK_OTHER_SCRIPT_CLOSED if foreign else Text.ASK_NOTHING_CLOSED
        await reply(update, f"{context.text(said)}\n\n{text}", markup)
        return
    if question_id is not None and await _confirm_as_well(update, context, question_id):
        return
    keyboard: Keyboard = markup
    if question_id is not None:
        ask = f"{QA}{question_id}:t"
        keyboard = CallbackKeyboard(
            [(b.text, ask if b.callback_data == views.ASK else str(b.callback_data)) for b in row]
            for row in markup.inline_keyboard
        )
    said = Text.ASK_OTHER_SCRIPT if foreign else Text.ASK_NOTHING
    await reply(update, f"{context.text(said)}\n\n{text}", keyboard)


def _paused_form_note(context: BotContext, paused: bool) -> str:
    """To a talent whose registration is paused, a paragraph saying so: what was typed may be
    its answer (the workspace's review: a paused talent's answers were listed as questions,
    and she heard only "no answer"; a second attacker's: "Rani Band Jakarta" got entries
    without it); "" otherwise."""
    return f"\n\n{context.text(Text.ASK_NOTHING_PAUSED_FORM)}" if paused else ""


async def _confirm_as_well(update: Update, context: BotContext, question_id: int) -> bool:
    """A message the bot has no sure answer for, typed while "Tanya tim kami"'s confirmation
    of an earlier one waits (a talents' review: a man typed his real question there, read "no
    answer" and the menu, and believed the team had it): the confirmation for this one
    too, saying the earlier one waits above. True if it was shown."""
    user = update.effective_user
    if user is None:
        return False
    store = context.services.store.questions
    pending = store.awaiting_confirmation(user.id, CONFIRM_TYPED_FOR)
    asked = store.get(question_id, user.id) if pending is not None else None
    if pending is None or asked is None or pending.id == question_id:
        return False
    # That one stays to confirm, above: a detail typed under it must not replace it.
    await _confirm(update, context, context.language(update), asked, earlier=pending)
    return True


def _answer(context: BotContext, language: str, ref: str) -> str | None:
    """An entry's answer as its page shows it: the question or title as the first, bold line,
    and its "Info per …" line (None if the content served now no longer has the entry); a
    page with `subscribe_hint` as this talent should read it."""
    subscribed = views.is_subscribed(context.talent)
    return _page_text(context.content, language, ref, subscribed, operator_name(context))


async def _registered(
    context: BotContext, user_id: int, found: FaqItem | Program | None
) -> list[str]:
    """The references of the talent's sent registrations not cancelled, for a page whose
    closing line invites registering: an FAQ answer's `registered_line`
    (talent_status.registered_for), a program page's register button when it does not resume
    an unfinished form (programs_registered.references); [] for any other page (nothing read:
    most answers)."""
    if not isinstance(found, Program):
        return await talent_status.registered_for(context, user_id, found)
    return await programs_registered.references(context, user_id, found)


def _program_registered(
    context: BotContext,
    language: str,
    found: FaqItem | Program | None,
    page: str,
    references: list[str],
) -> str:
    """A program page to a talent with a sent registration (`references`: `_registered`):
    says they are registered, as /program's page does (programs_registered)."""
    if not isinstance(found, Program):
        return page
    return programs_registered.registered_line(context, language, found, page, references)


def _says_back(text: str) -> bool:
    """Whether a greeting says the talent is back ("halo kak, aku kembali lagi", "Hi, I am
    back", "udah lama gak ke sini"): BACK_AGAIN's words side by side, as small_talk reads them
    (read only for a greeting)."""
    found = words(text)
    return any(
        tuple(found[at : at + length]) in BACK_AGAIN
        for at in range(len(found))
        for length in _BACK_LENGTHS
    )


_BACK_LENGTHS = tuple(sorted({len(phrase) for phrase in BACK_AGAIN}))


@functools.lru_cache(maxsize=512)  # a few contents' worth: a reload makes a new one
def _page_text(
    content: Content, language: str, ref: str, subscribed: bool, operator: str
) -> str | None:
    """An entry's page text, made once per content served, language, entry and whether the
    reader gets program news (it changes only the line of pages with `subscribe_hint`): most
    free questions are answered with one of a few dozen pages, and making one took as long as
    matching the question (docs/performance.md)."""
    found = entry(content, ref)
    if found is None:
        return None
    if isinstance(found, FaqItem):
        page = views.faq_answer(
            content, language, found.key, subscribed=subscribed, operator=operator
        )
        return page[0]
    return views.program_page(content, language, found, subscribed=subscribed)[0]


# Buttons made for one message (they carry the recorded question's number): made as JSON.
Button = tuple[str, str]  # label, data
Row = list[Button]


def _action_rows(
    context: BotContext,
    language: str,
    ref: str | None,
    *,
    asking: bool = False,
    registered: bool = False,
) -> list[Row]:
    """The button an answer's text points to: a program page's "Register interest", an FAQ
    answer's action (not "Ask our team" to a talent asking already: `asking`); "Continue
    registration" to one with an unfinished registration (it resumes it); their status to a
    registered talent, under an answer whose `registered_line` says so (`registered`)."""
    if not ref:
        return []
    resume = menu.resumes(context)
    made = _actions(context.content, language, ref, asking, resume, registered)
    return [[action] for action in made]


@functools.lru_cache(maxsize=512)  # as _page_text: a reload makes a new content
def _actions(
    content: Content, language: str, ref: str, asking: bool, resume: bool, registered: bool
) -> tuple[Button, ...]:
    """`_action_rows`' buttons, made once per content served, language, entry, whether the
    talent is asking already, whether Apply resumes and whether the talent is registered (they
    carry no question's number)."""
    found = entry(content, ref)
    if isinstance(found, FaqItem):
        actions = views.faq_action(content, language, found, resume=resume, registered=registered)
        return tuple(action for action in actions if not (asking and action[1] == views.ASK))
    if not isinstance(found, Program):
        return ()
    if registered and not resume and found.interest == "page":  # as `_program_registered`
        return ((content.text(Text.BTN_STATUS, language), views.STATUS),)
    register = views.register_button(content, language, found, resume=resume)
    return () if register is None else (register,)


def _entry_rows(
    context: BotContext, language: str, question_id: int, refs: tuple[str, ...]
) -> list[Row]:
    """One button per entry, labelled with its question or title."""
    rows = []
    for ref in refs:
        made = _entry_button(context.content, language, ref)
        if made is not None:
            label, action = made
            rows.append([(label, f"{QA}{question_id}:{action}")])
    return rows


@functools.lru_cache(maxsize=512)  # as _page_text: a reload makes a new content
def _entry_button(content: Content, language: str, ref: str) -> tuple[str, str] | None:
    """An entry's button label (its question or title) and its action after the question's
    number ("f:<key>", "p:<key>"), made once per content served, language and entry; None if
    the content no longer has the entry."""
    found = entry(content, ref)
    if found is None:
        return None
    if isinstance(found, FaqItem):
        return found.question.get(language), f"f:{found.key}"
    return found.title.get(language), f"p:{found.key}"


def _carrying(rows: list[Row], question_id: int) -> list[Row]:
    """The rows with "Ask our team" carrying the question they answer: pressed, it shows the
    talent's words to confirm before they go, as under "no answer" (a talents' review s63,
    L6: the button under an answer opened /tanya's empty invitation, and a long question had
    to be pasted again)."""
    ask = f"{QA}{question_id}:t"
    return [[(label, ask if data == views.ASK else data) for label, data in row] for row in rows]


def _carried(markup: InlineKeyboardMarkup, question_id: int) -> InlineKeyboardMarkup:
    """An entry's page's keyboard with its "Ask our team" carrying the question it was opened
    from (`_carrying`); its other buttons (a link to the official site) as they are."""
    ask = f"{QA}{question_id}:t"
    if not any(key.callback_data == views.ASK for row in markup.inline_keyboard for key in row):
        return markup
    return InlineKeyboardMarkup(
        [
            [views.button(key.text, ask) if key.callback_data == views.ASK else key for key in row]
            for row in markup.inline_keyboard
        ]
    )


def _with_team(
    context: BotContext, language: str, question_id: int, rows: list[Row]
) -> CallbackKeyboard:
    """The rows, then "Ask our team" (only when staff take questions) and the menu."""
    if support.questions_open(context):
        rows = [*rows, [(context.text(Text.BTN_ASK), f"{QA}{question_id}:t")]]
    return CallbackKeyboard([*rows, [(context.text(Text.BTN_MENU), views.MENU)]])
