"""Talents' questions to staff: ask mode, burst and rate-limit decisions, the staff header.

A burst is a run of messages from one talent with no pause longer than BURST_GAP. Each
burst opens with one header in the staff chat (who is asking) and one acknowledgement to
the talent; the burst's messages are copied as replies to that header. Separately, a
talent may have at most RATE_LIMIT messages relayed per RATE_WINDOW; beyond that the
messages stay with the bot: the talent is told why once per window, and for each message
after that, when to send it again. All of it is stored,
so a restart changes nothing.
"""

from __future__ import annotations

import contextlib
import html
import logging
import re
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Literal

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MessageEntity,
    ReplyParameters,
)
from telegram.constants import MessageEntityType
from telegram.error import Forbidden, TelegramError

from bot.answers.desk import entry
from bot.answers.stats import title
from bot.answers.text import (
    asks_after_reply,
    asks_something,
    chatter,
    content_words,
    thanks_asking_nothing,
)
from bot.answers.text import words as message_words
from bot.answers.words import NEWS_OF, REPLYING
from bot.commands import ASK
from bot.content import LANGUAGES, Content, Markup, other_language
from bot.leads.asked_questions import note_question
from bot.leads.intent_words import closes_choice
from bot.leads.slips import types_label
from bot.store import Store, User
from bot.store.conversation import AnsweredBy
from bot.store.support import Claim, OwnQuestions, Relayed, Reply, Session
from bot.store.workspace import WaitingTalent
from bot.telegram_html import MOST_IN_ONE_CHARACTER, utf16_len
from bot.terminal_text import CHARACTER, without_hidden
from bot.texts import Text
from bot.transport.outgoing import logged_as
from bot.transport.updates import STAFF_ARGUMENTS, STAFF_TEXT
from bot.word_forms import listed_form

log = logging.getLogger(__name__)

ASK_AGAIN = "ask:again"  # under a staff answer: opens ask mode, keeps the answer
RATE_LIMIT = 5  # messages relayed per talent and window
RATE_WINDOW = timedelta(seconds=30)
BURST_GAP = timedelta(minutes=10)
# A talent in ask mode who has not talked with staff for this long is no longer asking: what
# they type next is for the bot again (an attacker's review: a question weeks after a staff
# answer went to staff with no FAQ answer first). Long enough to answer staff the next day.
ASK_MODE_IDLE = timedelta(days=1)
TOPIC_NAME_LIMIT = 128  # Telegram's limit for a forum topic name
TOPIC_NAME_PART = 100  # room for the talent's name, so that the id always fits
# Characters of a workspace answer repeated in the staff chat: within one message (4,096
# UTF-16 units) whatever they are; the whole answer is in the talent's conversation.
STAFF_NOTE_EXCERPT = 1500
FOLLOWS_EXCERPT = 300  # characters of a question answered first, quoted in a header
ANSWERED_EXCERPT = 60  # characters of the talent's question quoted above a staff answer
MESSAGE_LIMIT = 4096  # UTF-16 units of one Telegram message, as shown


class Verdict(StrEnum):
    """What to do with one message a talent sends."""

    RELAY = "relay"  # copy it to the staff chat
    NOTICE = "notice"  # over the limit: keep it, tell the talent why (once per window)
    HOLD = "hold"  # over the limit, the talent told why: tell them when to send it again
    NOT_ASKING = "not_asking"  # not in ask mode: the message is for someone else
    DUPLICATE = "duplicate"  # already relayed (an update replayed after a crash)


@dataclass(frozen=True, slots=True)
class Admission:
    """The verdict on one message, and where in the staff chat it goes if relayed."""

    verdict: Verdict
    new_burst: bool = False  # send a header to staff and an acknowledgement to the talent
    header_message_id: int | None = None
    thread_id: int | None = None
    # A new burst's header quotes this question, which the bot answered first just before:
    # the message it opens with was sent after that answer.
    follows: int | None = None
    # A new burst that replies to a staff answer ("Balas tim kami", or typed after one): its
    # header goes under that answer in the staff chat, the same thread.
    replying: bool = False
    # ... the answer "Balas tim kami" was pressed under, and the question it answered (else
    # the newest answer: the talent typed after it).
    replies: Reply | None = None
    # Held back (NOTICE, HOLD): how long until the rate window ends and a message goes again.
    wait: timedelta = timedelta(0)


def enter(session: Session, *, replying_at: str | None = None, to: Reply | None = None) -> Session:
    """Ask mode on; the next message opens a new burst (the rate window carries on).
    `replying_at` (now, as stored) to a staff answer ("Reply to our team"): the talent is talking
    with staff, and the bot answers nothing first (a link staff asked for is no question for
    the FAQ), nor is anything it answered before quoted; `to`: the answer the button was
    pressed under (else their newest). Otherwise a question the bot answered first is kept:
    what the talent sends next still came after it."""
    if replying_at is None:
        return replace(
            session,
            asking=True,
            last_relayed_at=None,
            header_message_id=None,
            reply_answer_id=None,
            reply_question_id=None,
        )
    return replace(
        session,
        asking=True,
        last_relayed_at=session.last_relayed_at or replying_at,
        header_message_id=None,
        answered_first_id=None,
        answered_first_at=None,
        reply_answer_id=None if to is None else to.answer_id,
        reply_question_id=None if to is None else to.question_id,
    )


def admit(session: Session, now: datetime) -> tuple[Admission, Session]:
    """Decide about one message from the talent, and the session after it."""
    if not session.asking:
        return Admission(Verdict.NOT_ASKING), session
    window_start = _parse(session.window_started_at)
    if window_start is None or not window_start <= now < window_start + RATE_WINDOW:
        started, count, noticed = now, 1, False
    else:
        started, count, noticed = window_start, session.window_count + 1, session.window_noticed
    if count > RATE_LIMIT:
        verdict = Verdict.HOLD if noticed else Verdict.NOTICE
        held = Admission(verdict, wait=started + RATE_WINDOW - now)
        return held, replace(session, window_count=count, window_noticed=True)
    last = _parse(session.last_relayed_at)
    new_burst = last is None or session.header_message_id is None or now - last >= BURST_GAP
    # Talking with staff (see `enter`) with no burst under way: after their answer.
    replying = new_burst and session.header_message_id is None and last is not None
    pressed = session.reply_answer_id
    admission = Admission(
        Verdict.RELAY,
        new_burst=new_burst,
        header_message_id=None if new_burst else session.header_message_id,
        thread_id=None if new_burst else session.thread_id,
        follows=_followed(session, now) if new_burst else None,
        replying=replying,
        replies=(
            Reply(pressed, session.reply_question_id) if replying and pressed is not None else None
        ),
    )
    return admission, replace(
        session,
        last_relayed_at=now.isoformat(timespec="microseconds"),
        window_started_at=started.isoformat(timespec="microseconds"),
        window_count=count,
        window_noticed=noticed,
    )


def _followed(session: Session, now: datetime) -> int | None:
    """The question the bot answered first that a message sent now follows: answered within
    the burst gap (a message days later is about something else)."""
    answered = _parse(session.answered_first_at)
    if session.answered_first_id is None or answered is None or now - answered >= BURST_GAP:
        return None
    return session.answered_first_id


def still_waiting(own: OwnQuestions) -> list[str]:
    """When each of the talent's messages that wait for staff's answer reached staff, as the
    talent is told it (/status): after a staff answer, thanks that ask nothing ("Baik, terima
    kasih… akan saya kirimkan lewat email besok.") wait for nothing (a talents' review: /status
    said "masih menunggu jawaban"); staff still read them in their chat."""
    return [when for when, text in own.waiting if not (own.answered and thanks_only(text))]


def thanks_only(text: str | None) -> bool:
    """Whether a message is only thanks or an okay that asks nothing: under a staff answer it
    is passed on without "the answer will come in this chat" (a talents' review)."""
    return text is not None and thanks_asking_nothing(text)


def just_answered(session: Session, now: datetime | None = None) -> bool:
    """Whether the bot answered a question of the talent's first within the burst gap, with
    nothing of theirs relayed since: an okay now acknowledges that answer."""
    return session.last_relayed_at is None and _followed(session, now or _now()) is not None


def idle(session: Session, now: datetime | None = None) -> bool:
    """Whether ask mode has lapsed: nothing relayed or answered for ASK_MODE_IDLE."""
    last = _parse(session.last_relayed_at)
    return last is not None and (now or _now()) - last >= ASK_MODE_IDLE


def _parse(stamp: str | None) -> datetime | None:
    return None if stamp is None else datetime.fromisoformat(stamp)


def _now() -> datetime:
    return datetime.now(UTC)


# An okay, a thanks or "ditunggu" after asking the team ("oke bang ditunggu"): no question.
_SAID_LONGEST = 80  # characters
_SAID_WORD = re.compile(r"[^\W\d_]+")
_OKAY = frozenset(
    "oke ok okay okey okeh okei sip siap siip baik noted ya iya yaa yup yoi mantap"  # noqa: SIM905 -- a word list reads best as words
    " sure alright".split()
)
_WAITING = frozenset("ditunggu tunggu nunggu menunggu tungguin wait waiting".split())  # noqa: SIM905 -- a word list reads best as words
_THANKING = frozenset(
    "makasih makasi terima kasih thanks thank thx ty nuhun matur nuwun tengkyu".split()  # noqa: SIM905 -- a word list reads best as words
)
_SAID_AROUND = frozenset(
    "kak kakak bang min mas mbak pak bu ya deh dong nya jawabannya kabarnya infonya kabar"  # noqa: SIM905 -- a word list reads best as words
    " kang teh neng bro sis gan om tante bapak ibu bli"  # how a talent calls staff
    " jawaban aku saya sy gw gue i ll will the for your answer you sih nih aja saja banget"
    " banyak much a lot so ok kalau gitu begitu sabar kok".split()
)

_SAID_KNOWN = _OKAY | _WAITING | _THANKING | _SAID_AROUND


def acknowledgement(text: str) -> Literal["okay", "waiting", "thanks"] | None:
    """What a short message only says: thanks, "I'll wait" ("oke bang ditunggu"), or okay;
    None for anything more (a question, a detail for staff). Pure words."""
    if len(text) > _SAID_LONGEST or "?" in text:
        return None
    found = []
    for word in _SAID_WORD.finditer(text):  # word by word: most messages end at the first
        known = _said(word[0].casefold())
        if known is None:
            return None  # most messages: their first word
        found.append(known)
    if not _THANKING.isdisjoint(found):
        return "thanks"
    if not _WAITING.isdisjoint(found):
        return "waiting"
    return "okay" if not _OKAY.isdisjoint(found) else None


def _said(word: str) -> str | None:
    """The word as the lists hold it ("okeee" as "oke"), or None if they do not."""
    return listed_form(word, _SAID_KNOWN)


# In ask mode, saying one is done asking ("udh bro", "udah", "done", "itu aja"): the "Selesai
# bertanya" button typed (a talents' review s57, L8: "udh bro" went to staff as a question).
# A word of it is also "yes, already" ("udah", "done", "selesai" to "Sudah kirim linknya?"):
# it may answer what staff just asked, alone or in a closing ("udah kak itu aja", "sudah,
# makasih": an attacker's review s57, L4); a phrase of it without one ("itu aja") never does.
_DONE = frozenset(
    "udah udh sudah sdh dah uda udahan sudahan done selesai cukup kelar beres finished"  # noqa: SIM905 -- a word list reads best as words
    " enough".split()
)
# "itu aja", "segitu dulu", "that's it", "that's all", "nothing else", "gak jadi" (never mind:
# a staff re-check s57, relayed and listed as waiting): done, said in a phrase.
_DONE_SAID = re.compile(
    r"\b(?:(?:itu|segitu|gitu|ini)\s+(?:aja|saja|doang|dulu)|that'?s\s+(?:it|all)"
    r"|that\s+is\s+all|nothing\s+else|no\s+more\s+questions?"
    r"|(?:ga|gak|gk|nggak|ngga|enggak|tidak|tdk)\s+jadi|never\s*mind)\b"
)
_DONE_AROUND = (
    _SAID_AROUND
    | _OKAY
    | _THANKING
    | frozenset(
        "dulu ok lah pertanyaannya pertanyaan nanyanya tanya nanya question questions".split()  # noqa: SIM905 -- a word list reads best as words
    )
)


def done_asking(text: str) -> Literal["done", "answers", "maybe"] | None:
    """Whether a short message in ask mode only says the talent is done asking: "done" in a
    phrase without a yes ("itu aja kak, makasih", "that's all, thanks"); "answers" with a
    yes in a closing ("udah kak itu aja", "sudah, makasih", "done, thanks"), which may also
    answer "Sudah kirim linknya?" and then closes after going to staff; "maybe" with a word of
    it alone ("udh bro", "done", "cukup kak"), which may answer it and leaves ask mode open;
    None for anything more. Pure words."""
    if len(text) > _SAID_LONGEST or "?" in text:
        return None
    folded = text.casefold().replace("\u2019", "'")  # a curly apostrophe, as phones type it
    phrased = _DONE_SAID.search(folded) is not None
    found = []
    for word in _SAID_WORD.findall(_DONE_SAID.sub(" ", folded)):
        known = listed_form(word, _DONE | _DONE_AROUND)
        if known is None:
            return None  # most messages: their first word
        found.append(known)
    yes = not _DONE.isdisjoint(found)
    if phrased or (yes and not _THANKING.isdisjoint(found)):
        return "answers" if yes else "done"
    return "maybe" if yes else None


class SupportDesk:
    """Ask-mode sessions and bursts of one talent, on top of the store."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = _now) -> None:
        self._store = store
        self._clock = clock

    async def open(self, user_id: int, *, replying: bool = False, to: Reply | None = None) -> None:
        """Put the talent in ask mode (`replying` to a staff answer, `to` the one pressed
        under: see `enter`)."""
        now = self._clock().isoformat(timespec="microseconds") if replying else None
        await self._store.support.change(
            user_id, lambda session: (None, enter(session, replying_at=now, to=to))
        )

    async def asking(self, user_id: int) -> bool:
        """Whether the talent is in ask mode; one that lapsed (ASK_MODE_IDLE without staff)
        ends here, so what they type is for the bot again."""
        session = await self._store.support.session(user_id)
        if session.asking and idle(session, self._clock()):
            await self.close(user_id)
            return False
        return session.asking

    async def answered_by_staff(self, user_id: int) -> bool:
        """A staff answer reached the talent: in ask mode, what they type next (for
        ASK_MODE_IDLE) goes back to staff, as "Reply to our team" would send it (a follow-up
        right after the answer is natural). A talent out of ask mode (who pressed "Done
        asking", was told their next messages no longer go to the team, or moved on with a
        command) stays out: only "Reply to our team" under the answer, or /tanya, opens it
        again (a talents' review s59, H2: "mucon iku tiap taun ta?" after Done went to staff
        with only a 👌, though the bot answers it). A form open: True, and the talent is to be
        told to press the button to reply (its answers are no message for staff)."""
        draft = await self._store.applications.draft_for(user_id)
        if draft is not None and draft.active:
            return True
        now = self._clock().isoformat(timespec="microseconds")

        def replying(session: Session) -> Session:
            if not session.asking:
                return session  # left ask mode: the answer's button opens it again
            # Talking with staff since now: ASK_MODE_IDLE counts from the answer.
            return replace(enter(session, replying_at=now), last_relayed_at=now)

        # Not for a talent who erased their data while the answer was on its way.
        await self._store.support.change_if_known(user_id, replying)
        return False

    async def answer_enough(self, user_id: int) -> None:
        """The talent said the bot's answer was enough, or is done asking: what they send
        later follows no answer of the bot's."""

        def forget(session: Session) -> tuple[None, Session]:
            return None, replace(session, answered_first_id=None, answered_first_at=None)

        await self._store.support.change(user_id, forget)

    async def talking(self, user_id: int) -> bool:
        """In ask mode with a conversation under way: a message went to staff, or staff
        answered (not only /tanya pressed)."""
        session = await self._store.support.session(user_id)
        return session.asking and session.last_relayed_at is not None

    async def within_limit(self, user_id: int) -> bool:
        """Whether a message of the talent's sent now would be relayed (in ask mode, under the
        rate limit), without counting it."""
        session = await self._store.support.session(user_id)
        return admit(session, self._clock())[0].verdict is Verdict.RELAY

    async def close(self, user_id: int) -> bool:
        """Take the talent out of ask mode; True if they were in it."""
        return await self._store.support.stop_asking(user_id)

    async def admit(self, user_id: int, message_id: int) -> Admission:
        """The verdict on one message of the talent, counted against their limit."""
        session = await self._store.support.session(user_id)
        if not session.asking:
            return Admission(Verdict.NOT_ASKING)
        if await self._store.support.was_relayed(user_id, message_id):
            return Admission(Verdict.DUPLICATE)
        now = self._clock()
        return await self._store.support.change(user_id, lambda current: admit(current, now))

    async def start_burst(
        self, user_id: int, header_message_id: int, thread_id: int | None
    ) -> None:
        """Remember the header the rest of the burst replies to (it quoted the question
        answered first, if any, and went under the answer replied to: no later header does)."""
        await self._store.support.change(
            user_id,
            lambda session: (
                None,
                replace(
                    session,
                    header_message_id=header_message_id,
                    thread_id=thread_id,
                    answered_first_id=None,
                    answered_first_at=None,
                    reply_answer_id=None,
                    reply_question_id=None,
                ),
            ),
        )

    async def answered_first(self, user_id: int, question_id: int) -> None:
        """The bot answered this question of the talent's after /tanya, before anything of
        theirs went to staff: a message of theirs that goes next is read with it."""

        now = self._clock().isoformat(timespec="microseconds")

        def note(session: Session) -> tuple[None, Session]:
            if not session.asking or session.last_relayed_at is not None:
                return None, session
            return None, replace(session, answered_first_id=question_id, answered_first_at=now)

        await self._store.support.change(user_id, note)

    async def restart_burst(self, user_id: int) -> None:
        """The staff chat could not be reached: the next message opens a new burst."""
        await self._store.support.change(
            user_id, lambda session: (None, replace(session, header_message_id=None))
        )

    async def addressee(
        self, staff_chat_id: int, reply_to: int | None, thread_id: int | None
    ) -> Relayed | None:
        """Which talent a staff message answers: by the message it replies to, or its topic."""
        support = self._store.support
        if reply_to is not None:
            found = await support.relayed(staff_chat_id, reply_to)
            if found is not None and found.kind == "edit":  # a talent's edit, shown again
                return Relayed(found.user_id, "question", found.talent_message_id)
            if found is not None:
                return found
        if thread_id is not None:
            user_id = await support.talent_in_topic(staff_chat_id, thread_id)
            if user_id is not None:
                return Relayed(user_id, "topic", None)
        return None


def shortened(text: str, limit: int) -> str:
    """A talent's words on one line, without marks that would turn the sentence around them
    or hide in it (a zero-width or direction mark; an emoji keeps its own joiners), at most
    `limit` characters as people count them ("…" when cut, never inside one)."""
    return clipped(" ".join(without_hidden(text).split()), limit, strip=True)


# A character of thousands of code points is cut (telegram_html.MOST_IN_ONE_CHARACTER), and a
# quote is never longer than four UTF-16 units per character it counts, nor than 3,000 (a cut
# by code points gave at most that, inside a message of 4,096): else staff's answer under it
# could never be sent.
_MOST_UNITS_EACH = 4
_MOST_UNITS = 3000


def clipped(text: str, limit: int, *, strip: bool = False) -> str:
    """At most `limit` characters of the text as people count them (grapheme clusters), with
    "…" when cut: never between a letter and its accent, nor inside an emoji; `strip`: no
    space before the "…". Bounded in UTF-16 units too (see _MOST_UNITS)."""
    found = CHARACTER.findall(text)
    characters = [character[:MOST_IN_ONE_CHARACTER] for character in found]
    budget = min(_MOST_UNITS_EACH * limit, _MOST_UNITS)
    whole = "".join(characters)
    squashed = any(len(character) > MOST_IN_ONE_CHARACTER for character in found)  # a cut too: "…"
    if len(characters) <= limit and utf16_len(whole) <= budget and not squashed:
        return whole
    kept: list[str] = []
    used = utf16_len("…")
    for character in characters[: limit - 1]:
        used += utf16_len(character)
        if used > budget:
            break
        kept.append(character)
    cut = "".join(kept)
    return (cut.rstrip() if strip else cut) + "…"


async def answer_heading(
    store: Store,
    content: Content,
    user_id: int,
    asked: int | None,
    language: str,
    *,
    quoted: bool = True,
) -> str:
    """The line a staff answer starts with (a talent reading it a day later could not tell it
    was the team's answer): the team's answer to their question `asked` (their message id),
    quoted shortened as text, or the team's reply to it when it is their reply to the team or
    asks nothing (a detail, a link, a photo: `asked_in`); without the quote when it is not
    text or no longer kept, or not `quoted` (one of several it answers); a message from the
    team when no question of theirs is at hand, or when `asked` only said thanks, okay or
    hello; their form note's question when only it waits (`_note_heading`)."""
    if asked is None:  # nothing of theirs waits: their form note's question, if unanswered
        return await _note_heading(store, content, user_id, language)
    words = await asked_words(store, user_id, asked)
    said = said_weight(words or None, _done_labels(content))
    question = quote_of(words) if words and said > NOTHING_SAID and quoted else ""
    # What waits is their reply to the team ("Balas tim kami", or typed after an answer),
    # not a question: so said (a staff review: "pertanyaanmu" quoted their "thanks").
    replied = await store.support.is_reply(user_id, asked)
    if said == NOTHING_SAID and not replied:  # only "makasih kak": no question is answered
        return content.text(Text.SUPPORT_ANSWER_HEADING_NONE, language)
    # Nor is a detail they sent (a link, their stage name, a photo, "3"): the team's reply to
    # their message (a staff re-check s58: "pertanyaanmu" quoted their portfolio link).
    if replied or not (
        asked_in(words, said) or (not words and await _staff_tried(store, user_id, asked))
    ):
        if not question:
            return content.text(Text.SUPPORT_REPLY_HEADING_PLAIN, language)
        return content.text(Text.SUPPORT_REPLY_HEADING, language, message=question)
    if not question:
        return content.text(Text.SUPPORT_ANSWER_HEADING_PLAIN, language)
    return content.text(Text.SUPPORT_ANSWER_HEADING, language, question=question)


async def _staff_tried(store: Store, user_id: int, asked: int) -> bool:
    """Whether `asked` is the text of an admin trying /tanya, whose words the log keeps not
    (`asked_words` gives ""): their question as far as a heading can tell, not a detail."""
    return await store.log.talent_words(user_id, asked) in (STAFF_TEXT, STAFF_ARGUMENTS)


def asked_in(words: str, said: int) -> bool:
    """Whether a waiting message (`words`, "" when it has none to read: a photo, a voice
    message; `said`: its `said_weight`) asks something, so that a staff answer answers their
    question: with a "?" or a word that asks; a nudge only so ("kapan ada kabar kak?", not
    "3")."""
    if said >= CUED:
        return True
    return (
        said == NUDGE
        and bool(words)
        and ("?" in words or "\uff1f" in words or asks_something(words))
    )


async def _note_heading(store: Store, content: Content, user_id: int, language: str) -> str:
    """The heading when no message of theirs waits: the team's answer to the question in
    their form's note to the team (their latest lead's), while no staff answer has reached
    them since they sent it, named as the question in their registration form (a staff
    re-check s57, N1; s58: not as one they asked with /tanya); else a message from the team."""
    latest = await store.applications.latest_lead(user_id)
    if latest is not None and await store.support.note_waits(latest[0]):
        lead = await store.leads.get(latest[0])
        question = "" if lead is None else note_question(lead.answers)
        if question:
            quoted = quote_of(question)
            return content.text(Text.SUPPORT_NOTE_ANSWER_HEADING, language, question=quoted)
    return content.text(Text.SUPPORT_ANSWER_HEADING_NONE, language)


async def asked_words(store: Store, user_id: int, asked: int | None) -> str:
    """The words of the talent's message `asked` (their message id) as a heading quotes them
    (the question of "/tanya QUESTION"); "" when it is not text, no longer kept, or an
    admin's."""
    words = None if asked is None else await store.log.talent_words(user_id, asked)
    after = question_after_command(words)  # "/tanya QUESTION" kept whole: the question
    if after is not None:
        words = after
    # An admin trying /tanya: the log keeps no words of theirs, only that it kept none.
    unkept = (STAFF_TEXT, STAFF_ARGUMENTS)
    return words if words and words not in unkept else ""


async def quoted_question(store: Store, user_id: int, asked: int | None) -> str:
    """The talent's question `asked` (their message id) as quoted to them or to staff: on one
    line, shortened; "" when it is not text, no longer kept, or an admin's."""
    words = await asked_words(store, user_id, asked)
    return quote_of(words) if words else ""


# How much a waiting message says, for which one a staff answer is named after (a new staff
# member's review, H1: the answer came under "pertanyaanmu “makasih kak”", "“done”", "“kapan
# ada kabar kak?”" while the question sat above them). In order, each more than the one before.
NOTHING_SAID = 0  # thanks, an okay, "ditunggu", hello, a sign-off ("udah itu aja", "done")
NUDGE = 1  # asks for news of their question ("kapan ada kabar kak?"), or names nothing ("3")
SAID = 2  # says something (a detail, a link, a photo or a voice message: no words to read)
CUED = 3  # has a word that asks ("apa", "bisa", "how"), without a "?"
ASKED = 4  # asks, with a "?"
# Their newest waiting messages read to choose (a talent's hundredth message is no question).
WAITING_READ = 50
_TOPIC = re.compile(r"[^\W\d_]")  # a word that names something has a letter
_SENT = re.compile(r"https?:|www\.|@|\d{4,}")  # a link, an address, a number: something sent
_NEWS_WORDS = NEWS_OF | REPLYING


def said_weight(text: str | None, done: Sequence[str] = ()) -> int:
    """How much a talent's waiting message says (NOTHING_SAID … ASKED), by the bot's readers of
    small talk (bot/answers/text.py) and of a closing (the form's "udah itu aja": `closes_choice`);
    `done`: the labels of "✔️ Selesai bertanya", typed. None: no words to read (media)."""
    if text is None:
        return SAID
    text = question_after_command(text) or text
    if (
        thanks_asking_nothing(text)
        or chatter(text)
        or acknowledgement(text) is not None
        or closes_choice(text)
        or any(types_label(text, label) for label in done)
    ):
        return NOTHING_SAID
    topic = [word for word in content_words(message_words(text)) if _TOPIC.search(word)]
    if asks_after_reply(text) or not (set(topic) - _NEWS_WORDS or _SENT.search(text)):
        return NUDGE
    if "?" in text or "\uff1f" in text:
        return ASKED
    return CUED if asks_something(text) else SAID


def _done_labels(content: Content) -> list[str]:
    return [content.text(Text.BTN_ASK_DONE, language) for language in LANGUAGES]


@dataclass(frozen=True, slots=True)
class Answering:
    """What a staff answer answers: the talent's message its heading names and it goes under
    (None when nothing of theirs waits; not `quoted`: one of several it answers, which the
    heading names none of, nor goes under); `only`: the waiting messages it answers when
    others of theirs stay waiting (None: all of them), and how many stay (`still`)."""

    asked: int | None
    only: tuple[int, ...] | None = None
    still: int = 0
    quoted: bool = True


async def answering(
    store: Store,
    content: Content,
    user_id: int,
    replied: int | None = None,
    burst: Sequence[int] = (),
    seen: str | None = None,
) -> Answering:
    """What a staff answer to the talent answers. As a whole (from the workspace, in their
    topic): their newest waiting message that says most (`said_weight`): the newest that asks
    with a "?", else one with a word that asks, else the newest that says something; thanks,
    okays, sign-offs and greetings only when nothing else waits (the heading then quotes
    none); it answers all of them.

    A reply in the staff group to their message `replied` answers that message: staff chose
    it, and the answer is never moved onto another question (an attacker's review s57, H1:
    a reply to "Mohon info syarat usia" went out as the answer to the Spotify question below
    it). Only when it is small talk (thanks, an okay, a sign-off, a nudge: "makasih kak" under
    the question, replied to as the newest) is it their newest message before it that says
    something (message ids go up as they were sent). `burst`: the messages a burst's header
    stands for, replied to: it answers them all, named after the one of them that says
    something, and when several do, after none (staff chose none of them). It answers that
    message (or burst) and their small talk, which waits for no answer of its own; every other
    message of theirs that says something (a question, a request without "?", a detail, a
    photo, a voice message, words no longer kept) stays waiting, and `still` says how many
    (the same review, H2: a voice note and a question without "?" had stopped waiting,
    unsaid).

    `seen` (a workspace answer: when the talent wrote the newest thing the page or card
    showed): what they wrote after it that says something is not answered, and stays waiting
    (an attacker's review s65, 1: a reply from a card drawn earlier went out under their newer
    question, about parental consent, and took it off every list unread)."""
    waiting = await store.support.waiting_messages(user_id, WAITING_READ)
    done = _done_labels(content)
    weights = {message: said_weight(text, done) for message, text in waiting}
    if replied is None and not burst:
        return await _as_seen(store, user_id, weights, seen)
    quoted = True
    if burst:
        kept = [message for message in burst if message in weights]
        asked = max(reversed(kept), key=weights.__getitem__) if kept else burst[0]
        quoted = sum(weights[message] >= SAID for message in kept) <= 1
        answered = {asked, *kept} | _small_talk(weights)
    else:
        assert replied is not None
        if replied not in weights:  # answered already, or among their oldest: its own words
            words = await asked_words(store, user_id, replied)
            weights[replied] = said_weight(words or None, done)
        asked, answered = _replied(weights, replied)
    still = await store.support.waiting_besides(user_id, answered)
    if not still:
        return Answering(asked, quoted=quoted)
    return Answering(asked, tuple(sorted(answered, reverse=True)), still, quoted)


async def _as_seen(
    store: Store, user_id: int, weights: dict[int, int], seen: str | None
) -> Answering:
    """What a workspace answer answers (`answering`, without `replied` or `burst`): all that
    waits, named after the newest that says most (`weights`, newest first), but nothing they
    wrote after `seen` that says something (it stays waiting: `only`, `still`)."""
    written = {} if seen is None else await store.support.waiting_written(user_id, seen)
    unseen = {message for message, after in written.items() if after} - _small_talk(weights)
    shown = {message: said for message, said in weights.items() if message not in unseen}
    # max keeps the first of equals: the newest, as they come newest first.
    most = max(shown, key=shown.__getitem__) if shown else None
    if not unseen:
        return Answering(most)
    return Answering(most, tuple(sorted(set(written) - unseen, reverse=True)), len(unseen))


def _small_talk(weights: dict[int, int]) -> set[int]:
    """Of the talent's messages (their ids, with `said_weight`), their small talk (thanks, an
    okay, a sign-off, a nudge), which waits for no answer of its own."""
    return {message for message, said in weights.items() if said < SAID}


def _replied(weights: dict[int, int], replied: int) -> tuple[int, set[int]]:
    """Of the talent's messages (their ids, with `said_weight`), what a reply to `replied`
    answers: the message its heading names (`replied`, or when that is small talk, their
    newest before it that says something), and the messages it answers: that one, and their
    small talk, which waits for no answer of its own."""
    asked = replied
    if weights[replied] < SAID:
        before = [message for message, said in weights.items() if said >= SAID]
        asked = max((message for message in before if message < replied), default=replied)
    return asked, {asked, replied} | _small_talk(weights)


def quote_of(words: str, limit: int = ANSWERED_EXCERPT) -> str:
    """A talent's question as a heading quotes it: on one line, at most `limit` characters,
    and when cut, cut before the word it fell in ("…masih bisa ikut…", not "…ikut progra…":
    a staff review); a staff answer quoted above a reply to it alike."""
    cut = shortened(words, limit)
    if not cut.endswith("…"):
        return cut
    body = cut[:-1].rstrip()
    whole = shortened(words, len(words) + 1)
    inside = whole.startswith(body) and whole[len(body) : len(body) + 1].strip() != ""
    kept = body.rsplit(" ", 1)[0].rstrip() if inside and " " in body else body
    return f"{kept}…" if len(kept) >= limit // 2 else cut


def heading_text(heading: str) -> str:
    """A heading (Telegram HTML) as the talent reads it: its text, without the markup."""
    return html.unescape(re.sub(r"<[^>]+>", "", heading))


def fits_with_heading(heading: str, text: str) -> bool:
    """Whether the heading (Telegram HTML), a blank line and `text` (as shown) fit in one
    message; else the heading goes as a message of its own before it."""
    shown = heading_text(heading) + "\n\n" + text
    return len(shown.encode("utf-16-le")) // 2 <= MESSAGE_LIMIT


@contextlib.asynccontextmanager
async def heading_first(
    bot: Bot, user_id: int, heading: str, replying: ReplyParameters | None, *, alone: bool
) -> AsyncIterator[None]:
    """With `alone`, the heading goes as a message of its own before the answer sent in the
    block (media, or too long for one message), and is deleted if that answer then fails: no
    heading is left without its answer (a resend brings both)."""
    sent = await bot.send_message(user_id, heading, reply_parameters=replying) if alone else None
    try:
        yield
    except TelegramError:
        if sent is not None:
            with contextlib.suppress(TelegramError):
                await bot.delete_message(user_id, sent.message_id)
        raise


# The ask command as typed, /tanya or /ask, to this bot or to any ("/tanya@KoccaBot").
_ASK_COMMAND = re.compile(rf"/(?:{'|'.join(ASK.names)})(?:@\w+)?", re.IGNORECASE)


def question_after_command(text: str | None) -> str | None:
    """The question typed on the ask command's line, or on the next ("/tanya apa itu MU:CON?"
    -> "apa itu MU:CON?"); None for a message that is not that command: "/ kuda terbang" or
    "//kuda" in ask mode are the talent's words, kept whole (an attacker's review: their first
    word was cut off, and "/" alone left nothing to send)."""
    if not text:
        return None
    parts = text.strip().split(maxsplit=1)
    if not parts or _ASK_COMMAND.fullmatch(parts[0]) is None:
        return None
    return parts[1].strip() if len(parts) == 2 else ""


def question_entities(
    text: str, question: str, entities: Sequence[MessageEntity]
) -> tuple[MessageEntity, ...]:
    """The formatting of the question typed on the ask command's line (`question`, as
    `question_after_command` found it in `text`): the message's entities within it, shifted
    to start with it, in UTF-16 units as Telegram counts; the command's own left out. A hidden
    link stays one, its address shown by Telegram before it opens, as in a copied message (an
    attacker's review: "/tanya" on one line lost a portfolio link and any bold)."""
    end = len(text.rstrip())
    start = end - len(question)
    if not question or text[start:end] != question:
        return ()
    first, last = utf16_len(text[:start]), utf16_len(text[:end])
    kept = []
    for entity in entities:
        begin, finish = max(entity.offset, first), min(entity.offset + entity.length, last)
        if entity.type != MessageEntityType.BOT_COMMAND and finish > begin:
            shifted = {**entity.to_dict(), "offset": begin - first, "length": finish - begin}
            kept.append(MessageEntity.de_json(shifted, None))
    return tuple(kept)


def display_name(talent: User | WaitingTalent) -> str:
    """The talent's name as staff see it."""
    name = " ".join(part for part in (talent.first_name, talent.last_name) if part).strip()
    return name or f"id {talent.user_id}"


def topic_name(talent: User) -> str:
    """The name of the talent's forum topic: their name and id (two Saris stay apart)."""
    return f"{display_name(talent)[:TOPIC_NAME_PART]} · {talent.user_id}"[:TOPIC_NAME_LIMIT]


def header(
    content: Content,
    language: str,
    talent: User,
    reference: str | None,
    *,
    in_topic: bool,
    follows: Followed | None = None,
    replying: bool = False,
    replied: str = "",
) -> str:
    """The staff-chat header of a burst: who asks, their language, id and lead; `follows`:
    the question the bot answered first and the entry it answered with, which the burst's
    first message follows; `replying` to the staff answer it goes under, `replied` the
    talent's question that answer answered (shortened), if known."""
    hint = Text.SUPPORT_HINT_TOPIC if in_topic else Text.SUPPORT_HINT_REPLY
    earlier = ""
    if follows is not None:
        said = Text.SUPPORT_HEADER_SENT_ANYWAY if follows.itself else Text.SUPPORT_HEADER_FOLLOWS
        line = content.text(said, language, question=follows.question, entry=follows.entry)
        earlier = f"{line}\n"
    elif replying and replied:  # under the staff answer it replies to, about that question
        line = content.text(Text.SUPPORT_HEADER_REPLYING_TO, language, question=replied)
        earlier = f"{line}\n"
    elif replying:
        earlier = f"{content.text(Text.SUPPORT_HEADER_REPLYING, language)}\n"
    heading = content.text(
        Text.SUPPORT_HEADER,
        language,
        name=display_name(talent),
        username=f" @{talent.username}" if talent.username else "",  # no space left when none
        user_id=str(talent.user_id),
        follows=Markup(earlier),
        **_header_facts(content, talent, reference, hint, language),
    )
    # The key facts and what to do in the other language: the group is shared by staff who
    # read Indonesian and staff who read English (a staff review s59, M1).
    other = other_language(language)
    facts = _header_facts(content, talent, reference, hint, other)
    gloss = content.text(Text.SUPPORT_HEADER_GLOSS, other, **facts)
    return f"{heading}\n{gloss}"


def _header_facts(
    content: Content, talent: User, reference: str | None, hint: Text, language: str
) -> dict[str, str]:
    """What a header says of a talent in a language: their chat language, as every staff
    screen names it ("bahasa Inggris", never the code: review s50 L3), their lead, and how to
    answer."""
    if reference:
        lead = content.text(Text.SUPPORT_HEADER_LEAD, language, reference=reference)
    else:
        lead = content.text(Text.SUPPORT_HEADER_NO_LEAD, language)
    return {
        "talent_language": content.text(
            Text.PIPELINE_LANGUAGE_NAME_EN
            if talent.language == "en"
            else Text.PIPELINE_LANGUAGE_NAME_ID,
            language,
        ),
        "lead": Markup(lead),
        "hint": Markup(content.text(hint, language)),
    }


@dataclass(frozen=True, slots=True)
class Followed:
    """What the bot answered before a message reached staff: a question of the talent's (on
    one line, shortened) and the entry it answered with; `itself`: the message is that
    question, sent to the team anyway."""

    question: str
    entry: Markup  # named_entry's
    itself: bool


def answered_first(
    store: Store,
    content: Content,
    user_id: int,
    question_id: int | None,
    language: str,
    message_id: int | None,
) -> Followed | None:
    """What the bot answered before the talent's message `message_id` reached staff, as staff
    are shown it (None if nothing, or if it is gone: the talent erased their data, the
    retention of free questions)."""
    asked = None if question_id is None else store.questions.get(question_id, user_id)
    if asked is None or asked.entry is None:
        return None
    # Over the day's text budget only the masked summary was kept. On one line, and no
    # direction mark of theirs turns the staff's sentence around it.
    text = shortened(asked.text or asked.summary, FOLLOWS_EXCERPT)
    itself = asked.message_id is not None and asked.message_id == message_id
    return Followed(text, named_entry(content, asked.entry, language), itself)


def named_entry(content: Content, ref: str, language: str) -> Markup:
    """An entry as staff are told the bot answered with it, saying where to read it: "jawaban
    FAQ “…”" (/faq) or "halaman program “…”" (/program)."""
    if entry(content, ref) is None:  # a reload removed it since: neither, only that
        return Markup(content.text(Text.STATS_ENTRY_GONE, language))
    said = Text.SUPPORT_ENTRY_PROGRAM if ref.startswith("program:") else Text.SUPPORT_ENTRY_FAQ
    return Markup(content.text(said, language, title=title(content, ref, language)))


async def reply_in_form_hint(bot: Bot, content: Content, user_id: int, language: str) -> None:
    """Under a staff answer that came while the talent's form is open: what they type goes to
    the form, the button to the team (an attacker's review: a link staff asked for was taken
    by the form, and staff never got it)."""
    try:
        await bot.send_message(user_id, content.text(Text.SUPPORT_REPLY_IN_FORM, language))
    except TelegramError as error:  # the answer arrived; only the hint is missing
        log.info("Could not send the reply hint to user %d: %s", user_id, error)


def ask_again_markup(content: Content, language: str) -> InlineKeyboardMarkup:
    """The button under every staff answer a talent gets: ask another question."""
    label = content.text(Text.BTN_ASK_REPLY, language)
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=ASK_AGAIN)]])


class Delivery(StrEnum):
    """What became of staff's words to a talent."""

    SENT = "sent"
    BLOCKED = "blocked"  # the talent blocked the bot (now marked so)
    FAILED = "failed"  # Telegram could not be reached or refused; nothing was sent
    # Another staff answer (from the staff group) took the question at the same moment: nothing
    # was sent, so the talent gets one answer.
    ANSWERED = "already_answered"


@dataclass(frozen=True, slots=True)
class Answerer:
    """Who answers a talent from the workspace, and the staff chat to tell (if any)."""

    user_id: int
    name: str  # their Telegram first name as Telegram signed it ("" if none)
    staff_chat_id: int | None
    language: str  # the staff chat's (DEFAULT_LANGUAGE), and a talent's the bot never met

    @property
    def shown(self) -> str:
        """Their name as the staff chat reads it (their id if Telegram gave none)."""
        return self.name or str(self.user_id)


async def answer_talent(
    bot: Bot,
    store: Store,
    content: Content,
    user_id: int,
    text: str,
    answerer: Answerer,
    *,
    holding: bool = False,
    seen: str | None = None,
) -> tuple[Delivery, int]:
    """Staff's words to a talent, from the bot (the workspace's Reply to talent): sent as the
    staff group's relayed answers are, with Ask again under them, the words logged as a staff
    answer in the talent's conversation (signed by who wrote it; `holding`: a holding reply,
    after which the talent's questions still wait); a talent who blocked the bot is marked
    blocked. The staff chat hears of it under the talent's last question, so nobody answers it
    twice (or, for a holding reply, so everyone knows a full answer is still owed). `seen`:
    when the talent wrote the newest thing the page showed (`answering`): what they wrote
    after it stays waiting; with the delivery, how many of their messages that is."""
    talent = await store.users.get(user_id)
    language = talent.language if talent else answerer.language
    signed = AnsweredBy(answerer.user_id, answerer.name or None)
    # As a reply to their question that waits, as an answer from the staff group is: the
    # talent sees what is answered (nothing is quoted if they deleted it, or if none waits: a
    # follow-up from a lead page quotes no question answered weeks ago); their newest that asks,
    # not the "makasih kak" after it (`answering`).
    answers = await answering(store, content, user_id, seen=seen)
    asked = answers.asked
    replying = None if asked is None else ReplyParameters(asked, allow_sending_without_reply=True)
    heading = await answer_heading(store, content, user_id, asked, language)
    words = html.escape(text, quote=False)
    together = fits_with_heading(heading, text)
    # It answers the questions that wait: claimed first, unless a holding reply (they wait on).
    only = None if holding else answers.only
    claim = Claim() if holding else await store.support.claim(user_id, answerer.user_id, only, only)
    if claim.taken:
        return Delivery.ANSWERED, 0
    try:
        # Its line in the log: the words, as staff wrote them, who wrote them, and the heading
        # they came under in the same message (the lead page shows it).
        async with heading_first(bot, user_id, heading, replying, alone=not together):
            with logged_as(
                "staff_answer",
                text,
                signed,
                keeps_waiting=holding,
                heading=heading_text(heading) if together else None,
                answered_only=only,
            ):
                sent = await bot.send_message(
                    user_id,
                    f"{heading}\n\n{words}" if together else words,
                    reply_parameters=replying,
                    reply_markup=ask_again_markup(content, language),
                )
    except Forbidden as error:
        log.info("User %d cannot be reached (%s); marked as blocked", user_id, error)
        await store.users.set_blocked(user_id, True)
        await store.support.unclaim(user_id, claim)
        return Delivery.BLOCKED, 0
    except TelegramError as error:
        log.warning("Could not deliver a staff answer to user %d: %s", user_id, error)
        await store.support.unclaim(user_id, claim)
        return Delivery.FAILED, 0
    if await SupportDesk(store).answered_by_staff(user_id):
        await reply_in_form_hint(bot, content, user_id, language)
    if talent is not None:
        note = Text.SUPPORT_HELD_IN_WORKSPACE if holding else Text.SUPPORT_ANSWERED_IN_WORKSPACE
        # Under what it answered when a newer message of theirs stays waiting (s65, 1).
        under = answers.asked if answers.still and not holding else None
        sent_ids = (sent.message_id, under)
        await _tell_staff_chat(bot, store, content, talent, (note, text), answerer, sent_ids)
    return Delivery.SENT, 0 if holding else answers.still


# The notes of a workspace answer in the staff group, shared by staff who read Indonesian and
# staff who read English: a line in the other language under their first line (session 59).
_NOTE_GLOSSES = {
    Text.SUPPORT_ANSWERED_IN_WORKSPACE: Text.SUPPORT_ANSWERED_IN_WORKSPACE_GLOSS,
    Text.SUPPORT_HELD_IN_WORKSPACE: Text.SUPPORT_HELD_IN_WORKSPACE_GLOSS,
}


async def _tell_staff_chat(
    bot: Bot,
    store: Store,
    content: Content,
    talent: User,
    said: tuple[Text, str],
    answerer: Answerer,
    sent_ids: tuple[int, int | None],
) -> None:
    """A note under the talent's last question in the staff chat (`said`: its text key and
    staff's words; `sent_ids`: the answer's message id, and the talent's message it answered
    when it goes under that instead): who answered, and what. A reply to the note reaches the
    talent, as a reply to their question does."""
    key, text = said
    chat_id = answerer.staff_chat_id
    if chat_id is None:
        return
    sent_id, asked = sent_ids
    question = await store.support.latest_question(chat_id, talent.user_id, asked)
    if question is None and asked is not None:  # not relayed as a question: their last
        question = await store.support.latest_question(chat_id, talent.user_id)
    if question is None:
        return  # they never asked the staff chat anything: nothing there to close
    who = {"staff": answerer.shown, "name": display_name(talent)}
    gloss = content.text(_NOTE_GLOSSES[key], other_language(answerer.language), **who)
    note = content.text(
        key, answerer.language, **who, gloss=Markup(gloss), text=clipped(text, STAFF_NOTE_EXCERPT)
    )
    try:
        posted = await bot.send_message(
            chat_id,
            note,
            message_thread_id=await store.support.topic_for(chat_id, talent.user_id),
            reply_parameters=ReplyParameters(question, allow_sending_without_reply=True),
        )
    except TelegramError as error:  # the talent has the answer; only the note is missing
        log.warning("Could not tell the staff chat of a workspace answer: %s", error)
        return
    await store.support.record(chat_id, posted.message_id, talent.user_id, "answer", sent_id)


async def tell_closed(
    bot: Bot, store: Store, content: Content, user_id: int, answerer: Answerer
) -> None:
    """A note under the talent's last question in the staff chat: `answerer` marked their
    questions done without a reply (answered by phone; a staff review s64, M1), so nobody
    answers them again. In the staff chat's language, with a gloss in the other."""
    chat_id = answerer.staff_chat_id
    talent = await store.users.get(user_id)
    if chat_id is None or talent is None:
        return
    question = await store.support.latest_question(chat_id, user_id)
    if question is None:
        return  # they never asked the staff chat anything (only their form's note asked)
    who = {"staff": answerer.shown, "name": display_name(talent)}
    gloss = content.text(
        Text.SUPPORT_QUESTIONS_CLOSED_GLOSS, other_language(answerer.language), **who
    )
    note = content.text(
        Text.SUPPORT_QUESTIONS_CLOSED, answerer.language, **who, gloss=Markup(gloss)
    )
    try:
        posted = await bot.send_message(
            chat_id,
            note,
            message_thread_id=await store.support.topic_for(chat_id, user_id),
            reply_parameters=ReplyParameters(question, allow_sending_without_reply=True),
        )
    except TelegramError as error:  # closed all the same; only the note is missing
        log.warning("Could not tell the staff chat of questions marked done: %s", error)
        return
    # It names them: an erasure's notice counts it among what staff delete (s64, L1).
    await store.support.close_noted(user_id, chat_id, posted.message_id)
