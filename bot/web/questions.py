"""The workspace's Questions tab: talents' questions to the team waiting for an answer, with or
without a lead, and the reply to each.

"Waiting" is read from what is stored (bot/store/support.py `WAITING_FROM`): a question
relayed to staff after the talent's last staff answer, from the staff group or the workspace,
that was not a holding reply nor a reply in the group to another message of theirs; and a
question in the note to the team of their form, with no staff answer since they sent it
(`NOTE_WAITING_FROM`, as the lead page marks it and the daily digest counts it). The reply
is a lead page's reply (bot/web/actions.py `answer`): from the bot, logged as a staff answer
(so the question stops waiting, unless it is marked as a holding reply: then it stays, with the
holding reply under it), noted in the staff group under the question, and recorded in the
audit log. It only goes to a talent whose question waits.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from typing import Any

from bot import support
from bot.leads.stage_changes import language_name
from bot.store import support as support_store
from bot.store import utc_now
from bot.store.workspace import LogLine, WaitingTalent
from bot.support import answered_first, display_name, quote_of, quoted_question
from bot.texts import Text
from bot.web import actions, inputs
from bot.web.desk import Desk, Labels, TalentGone, Viewer
from bot.web.lead_page import log_line, note_line

SHOWN_TALENTS = 50
SHOWN_EACH = 10  # a talent's newest waiting questions shown (the staff group has them all)
EARLIER_ANSWERS = 2  # before them: the last messages answered, and up to 2 answers after them
EARLIER_ASKED = 3  # those messages: the last run of them (a question, its context), at most 3
EARLIER_HELD = 3  # holding replies read with them (each shown with the answers after it)
REPLIED_EXCERPT = 100  # characters of a staff answer quoted above a reply to it
# Keys the mark: without it, Telegram ids and log ids (small, in order) could be tried against
# it offline to learn who waits, bypassing the listing's audit entry. A restart changes every
# mark, so an open page offers its list anew once.
_MARK_KEY = secrets.token_bytes(32)


async def waiting(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Talents whose questions wait for an answer, the one waiting longest first; recorded in
    the audit log before it is returned (one entry per talent: their lead, or them if they
    have none). `mark` says what is listed, for the page's checks (see `count`)."""
    since = utc_now()  # a talent erased after this is not named in the entries
    talents, held, total = await _listed(desk)
    await desk.store.audit.about_talents(
        viewer.actor,
        "questions_listed",
        [(talent.user_id, talent.reference) for talent in talents],
        since,
        shown=len(talents),
        waiting=total,
    )
    labels = Labels(desk.content, viewer.language)
    earlier = {}  # a follow-up makes sense with what was asked and answered before it
    shown = {}  # the waiting questions, and holding replies sent since the first of them
    replied = {}  # which staff answer those that opened a reply to one reply to
    headings = {}  # what a reply goes under, as the talent will read it
    for talent in talents:
        lines = sorted([*talent.questions, *held[talent.user_id]], key=lambda line: line.id)
        wanted = EARLIER_ASKED + 2 * EARLIER_ANSWERS + EARLIER_HELD + len(lines)
        before = await desk.reads.questions(talent.user_id, wanted)
        earlier[talent.user_id] = _exchange([line for line in before if _before(line, talent)])
        shown[talent.user_id] = lines
        replied[talent.user_id] = await _replies(desk, viewer, talent)
        headings[talent.user_id] = await actions.reply_heading(desk, viewer, talent.user_id)
    return {
        "total": total,
        "more": max(total - len(talents), 0),
        "mark": _mark(talents, held, total),
        "talents": [
            {
                "user_id": talent.user_id,
                "name": display_name(talent),
                "blocked": talent.blocked,
                "language": talent.language,  # the code: the language to answer in
                "language_name": language_name(desk.content, viewer.language, talent.language),
                "lead": (
                    None
                    if talent.application_id is None
                    else {
                        "id": talent.application_id,
                        "reference": talent.reference,
                        # The card's heading: the name staff know from the Leads tab (a staff
                        # review s59, L4: cards headed by Telegram names, "Andi0").
                        "name": talent.lead_name,
                    }
                ),
                "reply_heading": headings[talent.user_id],
                # When they wrote the newest thing the card shows: ✔️ marks only that (H1).
                "seen": max(
                    [line.created_at for line in talent.questions]
                    + [note.submitted_at for note in talent.notes],
                    default="",
                ),
                # A holding reply keeps relayed questions listed; a form note's question alone
                # has none to keep (bot/web/actions.py `answer` sends it as a full answer).
                "holdable": bool(talent.questions),
                "earlier": [log_line(line, labels) for line in earlier[talent.user_id]],
                "questions": _with_notes(
                    talent,
                    shown[talent.user_id],
                    [
                        _with_follows(
                            desk,
                            viewer,
                            talent,
                            log_line(line, labels),
                            (line.id, replied[talent.user_id].get(line.id)),
                        )
                        for line in shown[talent.user_id]
                    ],
                ),
            }
            for talent in talents
        ],
    }


def _before(line: LogLine, talent: WaitingTalent) -> bool:
    """Whether a line of the talent's questions and answers came before all that waits of
    theirs (their first waiting question, and the submission of a form whose note waits)."""
    if talent.questions and line.id >= talent.questions[0].id:
        return False
    return all(line.created_at <= note.submitted_at for note in talent.notes)


def _with_notes(
    talent: WaitingTalent, lines: list[LogLine], shown: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The waiting lines as shown, with each waiting question of their forms' notes in its
    place in time (as the lead page's Questions box shows it: bot/web/lead_page.py)."""
    for note in sorted(talent.notes, key=lambda note: note.submitted_at, reverse=True):
        at = sum(1 for line in lines if line.created_at <= note.submitted_at)
        shown.insert(at, note_line(note.text, note.submitted_at, waiting=True))
    return shown


async def _listed(
    desk: Desk,
) -> tuple[list[WaitingTalent], dict[int, list[LogLine]], int]:
    """What the tab lists: the talents (longest waiting first) with their newest waiting
    questions, the holding replies sent since the first of them, and how many talents wait."""
    talents = await desk.reads.waiting_questions(SHOWN_TALENTS, SHOWN_EACH)
    total = await desk.reads.waiting_count()
    held = {
        talent.user_id: (
            await desk.reads.held_replies(talent.user_id, talent.questions[0].id, SHOWN_EACH)
            if talent.questions
            else []  # only a form note's question: a holding reply would have answered it
        )
        for talent in talents
    }
    return talents, held, total


def _mark(talents: list[WaitingTalent], held: dict[int, list[LogLine]], total: int) -> str:
    """What is listed, in a word the page compares (never reads): the talents listed, their
    questions' and holding replies' log ids, and how many wait. Another word after a new
    talent or question, an answer or a holding reply (from a colleague too); ids only, so it
    names nobody, and is keyed (_MARK_KEY)."""
    listed = [
        [
            talent.user_id,
            [line.id for line in talent.questions],
            [line.id for line in held[talent.user_id]],
            [note.application_id for note in talent.notes],
        ]
        for talent in talents
    ]
    said = json.dumps([total, listed], separators=(",", ":")).encode()
    return hmac.new(_MARK_KEY, said, hashlib.sha256).hexdigest()[:20]


async def _replies(desk: Desk, viewer: Viewer, talent: WaitingTalent) -> dict[int, str]:
    """Of the talent's waiting messages, those that opened a reply to a staff answer ("Balas
    tim kami" pressed under it, which may be older than the exchange shown before them), by
    log line id: which answer, quoted, about which question of theirs (the staff group's
    header goes under that answer and says the same)."""
    store = desk.store
    said = {}
    ids = [line.id for line in talent.questions]
    for line_id, reply in (await store.support.replies(talent.user_id, ids)).items():
        words = await store.support.answer_words(talent.user_id, reply.answer_id)
        if not words:  # the answer is no longer in their log
            continue
        answer = quote_of(words, REPLIED_EXCERPT)  # cut at a whole word (review s56)
        question = await quoted_question(store, talent.user_id, reply.question_id)
        key = Text.WS_QUESTION_REPLIES if question else Text.WS_QUESTION_REPLIES_PLAIN
        said[line_id] = desk.say(key, viewer.language, answer=answer, question=question)
    return said


def _with_follows(
    desk: Desk,
    viewer: Viewer,
    talent: WaitingTalent,
    shown: dict[str, Any],
    line: tuple[int, str | None],
) -> dict[str, Any]:
    """A waiting message as the page shows it (`line`: its log id, and the staff answer it
    replies to, said, if it opened a reply to one), with the question the bot answered first
    that it was sent after, if any (the staff group's header says the same)."""
    line_id, replies = line
    if replies is not None:
        shown["follows"] = replies
    question_id, message_id = talent.follows.get(line_id, (None, None))
    language = viewer.language
    found = answered_first(
        desk.store, desk.content, talent.user_id, question_id, language, message_id
    )
    if found is not None:
        said = Text.WS_QUESTION_SENT_ANYWAY if found.itself else Text.WS_QUESTION_FOLLOWS
        shown["follows"] = desk.say(said, language, question=found.question, entry=found.entry)
    return shown


def _exchange(before: list[LogLine]) -> list[LogLine]:
    """Of the lines before a talent's waiting questions, the last messages answered (their
    last run, as one answer answers them all) and the answers after them (the newest full
    ones, a follow-up among them, with every holding reply sent since): never answers alone,
    nor one message of several."""
    asked = [index for index, line in enumerate(before) if line.kind != "staff_answer"]
    if not asked:
        return _answers(before)
    last = first = asked[-1]
    while (
        first > 0 and before[first - 1].kind != "staff_answer" and last - first + 1 < EARLIER_ASKED
    ):
        first -= 1
    return [*before[first : last + 1], *_answers(before[last + 1 :])]


def _answers(lines: list[LogLine]) -> list[LogLine]:
    """Staff's answers after the messages they answered: the newest EARLIER_ANSWERS full ones
    and the holding replies among them or before them ("Sedang kami cek…"), in order, as
    the lead page's thread shows them (a review: a follow-up pushed the holding reply out)."""
    full = [index for index, line in enumerate(lines) if not line.keeps_waiting]
    kept = set(full[-EARLIER_ANSWERS:])
    return [line for index, line in enumerate(lines) if line.keeps_waiting or index in kept]


async def count(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """How many talents wait for an answer (the tab's badge; it names nobody). With
    `"mark": true` (the Questions tab, checking while it is shown), also the listed mark (see
    `waiting`): the page compares it with the list it drew and offers the new one, without
    reading (and auditing) the whole list every minute."""
    if "mark" in body and inputs.flag(body["mark"], "mark"):
        talents, held, total = await _listed(desk)
        return {"total": total, "mark": _mark(talents, held, total)}
    return {"total": await desk.reads.waiting_count()}


async def reply(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Reply to a talent whose question waits: by their Telegram id, only while a question of
    theirs waits for a staff answer (else a 404, as for a lead gone: answered meanwhile, by a
    colleague in the group or here, or erased; the page says so and reloads the list), nor
    while a colleague's answer in the staff group takes it (`support.answer_talent` claims the
    questions first: then audited as `already_answered`). A refused reply is audited too
    (`not_waiting`), as other refused actions are. Only what the card showed is answered
    (`seen`): if none of it waits any more, nothing is sent, though they wrote again since."""
    user_id = inputs.integer(body.get("talent"), "talent")
    since = utc_now()

    async def talent() -> tuple[int, str | None, str]:
        reference = await desk.store.applications.latest_reference(user_id)
        # Only while what the card showed waits (a relayed question, or their form note's
        # question): not to one a colleague has just answered.
        seen = await actions.seen_in(desk, body, user_id)
        if not any(at <= seen for at in await desk.store.support.waiting_times(user_id)):
            about = (user_id, reference)
            audit = desk.store.audit
            await audit.about_talent(
                viewer.actor, "talent_answered", about, since, outcome="not_waiting"
            )
            raise TalentGone(user_id)  # answered meanwhile (by a colleague), or erased
        return user_id, reference, await actions.telegram_name(desk, user_id)

    async with desk.replying_to(user_id):
        done = await actions.answer(desk, viewer, body, talent)
    if done["outcome"] == support.Delivery.ANSWERED:  # by the staff group, as it was sent
        raise TalentGone(user_id)  # as for one answered before: the page says so, reloads
    return done


async def close(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Mark a talent's waiting questions done without replying (staff answered by phone): by
    their Telegram id; nothing is sent to them, they leave the tab, its count, the lead page's
    notice and the digest's count, and the audit log records `question_closed` (a staff review
    s64, M1). One at a time with a reply to them (`Desk.replying_to`): of a reply and a mark at
    once, the second finds nothing waiting and says who answered or closed it (a colleague on
    a stale page); a talent erased meanwhile is a 404, as for a reply. `seen` (the card's or
    page's): when the talent wrote the newest thing it showed; if they wrote again since,
    nothing is marked (`wrote_again`: read it first; a staff review s64, H1)."""
    user_id = inputs.integer(body.get("talent"), "talent")
    seen = inputs.words(body, "seen", actions.SEEN_LIMIT)  # what the card or page showed (H1)
    language = viewer.language
    async with desk.replying_to(user_id):
        reference = await desk.store.applications.latest_reference(user_id)
        name = await actions.telegram_name(desk, user_id)
        done = await desk.store.support.close_questions(
            user_id, viewer.actor, viewer.name, reference, seen
        )
    if done.gone:
        raise TalentGone(user_id)
    if done.newer:
        said = desk.say(Text.WS_QUESTION_WROTE_AGAIN, language, name=name)
        return {"outcome": "wrote_again", "text": said}
    if done.done:  # the staff group hears of it under their question: nobody answers again
        settings = desk.services.settings
        answerer = support.Answerer(
            viewer.user_id, viewer.name, settings.staff_chat_id, settings.default_language
        )
        await support.tell_closed(desk.bot, desk.store, desk.content, user_id, answerer)
        return {"outcome": "closed", "text": desk.say(Text.WS_QUESTION_CLOSED, language, name=name)}
    return {"outcome": "not_waiting", "text": closed_before(desk, language, name, done)}


def closed_before(desk: Desk, language: str, name: str, done: support_store.Closed) -> str:
    """Why nothing was closed: who answered the talent's questions or marked them done."""
    if done.by is None:
        return desk.say(Text.WS_QUESTION_NOT_WAITING, language, name=name)
    key = Text.WS_QUESTION_ANSWERED_BY if done.answered else Text.WS_QUESTION_CLOSED_BY
    return desk.say(key, language, name=name, by=done.by)
