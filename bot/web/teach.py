"""The Stats tab's teaching: staff tell the bot which FAQ entry or program page answers a
question talents asked (in the listed wording, which staff may edit), and see and remove what
was taught. A taught phrasing is matched as the entry's `ask:` phrasings are (bot/answers),
from the next message on: the index is built again at once, and at every start-up and reload.

Only masked words are kept: the listed question is a masked summary, and what staff type is
masked again (an e-mail address, a phone number, a long digit run, a link or a handle); the
masks themselves and a cut word are left out. A talent's names in it are masked when she
erases her data (bot/store/taught.py). One teaching at a time: two staff members teaching the
same words to two entries at once would give a question two answers.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

from bot.answers import stats as question_stats
from bot.answers.checks import meaning, said_by, taught_clashes
from bot.answers.desk import entry, thresholds
from bot.answers.text import ELLIPSIS, SUMMARY_LIMIT, masked_again, taught_key_of
from bot.answers.verdict import Outcome, decide
from bot.content import FaqItem
from bot.leads.export import WIB, plain_text
from bot.store import utc_now
from bot.store.taught import MOST, Refused, Taught
from bot.terminal_text import INVISIBLE, without_controls
from bot.texts import Text
from bot.web import inputs
from bot.web.desk import Desk, Viewer

MAX_CHARACTERS = SUMMARY_LIMIT  # a wording, as long as a listed question
QUESTION_CHARACTERS = 200  # the listed question it was taught from, sent back by the page
PREVIEW_CHARACTERS = 200  # of an entry's answer, shown in the dialog when it is chosen


async def teach(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Keep a wording for an entry (in place of a taught one it would clash with, if staff
    chose to move it: `replace`) and index it; say what the bot answers the listed question
    with now (it may still be unsure, or answer with another entry)."""
    ref = inputs.words(body, "entry", 100)
    typed = " ".join(inputs.words(body, "text", QUESTION_CHARACTERS).split())
    text = wording(typed)
    source = inputs.words(body, "question", QUESTION_CHARACTERS) if "question" in body else ""
    question = " ".join(source.split()) or text
    replace = inputs.integer(body["replace"], "replace") if "replace" in body else None
    since = utc_now()  # a staff member erased after this is not named on the wording
    async with desk.teaching:
        if len(typed) > MAX_CHARACTERS:  # masked_again would cut it: say so instead
            return _refused(desk, viewer, Text.WS_TEACH_TOO_LONG, limit=MAX_CHARACTERS)
        return await _teach(desk, viewer, ref, text, question, replace, since)


async def _teach(
    desk: Desk, viewer: Viewer, ref: str, text: str, question: str, replace: int | None, since: str
) -> dict[str, Any]:
    live, language = desk.services.live_content, viewer.language
    content = live.current
    if entry(content, ref) is None:
        return _refused(desk, viewer, Text.WS_TEACH_ENTRY_GONE)
    wanted = taught_key_of(text)  # as the matcher reads it said exactly
    if all(word.isdigit() for word in meaning(text)):  # no words, or a number alone
        return _refused(desk, viewer, Text.WS_TEACH_NO_WORDS)
    if question.endswith(ELLIPSIS) and text == wording(question):
        # The listed question was cut, and sent as it was: its start is often a greeting
        # and a name ("Selamat sore kak, saya Rina dari…"), and the question itself is gone.
        return _refused(desk, viewer, Text.WS_TEACH_CUT)
    owners = said_by(content, text)
    if ref in owners:  # the entry says so already: its question, title or an ask: phrasing
        return _refused(desk, viewer, Text.WS_TEACH_ALREADY)
    if owners:
        other = question_stats.title(content, min(owners), language)
        return _refused(desk, viewer, Text.WS_TEACH_CLASH_CONTENT, entry=other)
    kept = await desk.store.taught.all()
    if replace is not None and not any(
        taught.id == replace and taught_key_of(taught.text) == wanted for taught in kept
    ):  # only the wording this one clashes with moves (not one edited since, nor another)
        return _refused(desk, viewer, Text.WS_TAUGHT_GONE)
    for taught in kept:
        # The same words as the matcher reads them (a negation before the last one counts).
        if taught.id == replace or taught_key_of(taught.text) != wanted:
            continue
        if entry(content, taught.entry) is None:
            continue  # a wording of an entry a reload removed is not matched any more
        if taught.entry == ref:
            return _refused(desk, viewer, Text.WS_TEACH_ALREADY)
        other = question_stats.title(content, taught.entry, language)
        target = question_stats.title(content, ref, language)
        clash = desk.say(
            Text.WS_TEACH_CLASH_TAUGHT, language, text=taught.text, entry=other, target=target
        )
        return {"outcome": "clash", "text": clash, "replace": taught.id}
    erased = await desk.store.privacy.erased_after(viewer.user_id, since)
    added = await desk.store.taught.add(
        viewer.actor, ref, text, _name(viewer.name), replacing=replace, unsigned=erased
    )
    if added is Refused.ALREADY:
        return _refused(desk, viewer, Text.WS_TEACH_ALREADY)
    if added is Refused.FULL:
        return _refused(desk, viewer, Text.WS_TEACH_FULL, count=MOST)
    if added is Refused.GONE:
        return _refused(desk, viewer, Text.WS_TAUGHT_GONE)
    matcher = await live.teach(desk.store.taught.pairs)
    if replace is not None:
        await desk.store.db.scrub()  # the words moved leave no copy behind
    verdict = decide(matcher.match(question), thresholds(desk.services.settings))
    named = question_stats.title(content, ref, language)
    if verdict.outcome is Outcome.ANSWERED and verdict.entry == ref:
        said = desk.say(Text.WS_TEACH_SAVED, language, wording=text, entry=named)
        return {"outcome": "taught", "text": said}
    if verdict.outcome is Outcome.ANSWERED and verdict.entry is not None:
        other = question_stats.title(content, verdict.entry, language)
        said = desk.say(
            Text.WS_TEACH_SAVED_OTHER,
            language,
            wording=text,
            entry=named,
            question=question,
            other=other,
        )
    else:
        said = desk.say(
            Text.WS_TEACH_SAVED_UNSURE, language, wording=text, entry=named, question=question
        )
        if verdict.others:  # what it offers now: the words to teach are what sets them apart
            offers = " · ".join(question_stats.title(content, r, language) for r in verdict.others)
            said += " " + desk.say(Text.WS_TEACH_OFFERS, language, entries=offers)
    return {"outcome": "unsure", "text": said, "id": added.id}


async def forget(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Remove a taught wording and index the rest."""
    language = viewer.language
    taught_id = inputs.integer(body.get("id"), "id")
    async with desk.teaching:
        removed = await desk.store.taught.remove(viewer.actor, taught_id)
        if removed is None:
            return _refused(desk, viewer, Text.WS_TAUGHT_GONE)
        live = desk.services.live_content
        await live.teach(desk.store.taught.pairs)
    # Its words leave no copy in the database files; outside the lock, as a long read (an
    # export, a backup) can hold the scrub for seconds, and teaching need not wait for it.
    await desk.store.db.scrub()
    named = question_stats.title(live.current, removed.entry, language)
    said = desk.say(Text.WS_TAUGHT_REMOVED, language, question=removed.text, entry=named)
    return {"outcome": "removed", "text": said}


def wording(typed: str) -> str:
    """What is kept of a wording staff sent: masked as a listed question is, without the
    masks (<name>, <number>…: nothing to match) and without a word a listed question's cut
    left half ("apakah saya bis…"), on one line."""
    return question_stats.unmasked(masked_again(" ".join(typed.split())))


async def listed(desk: Desk, viewer: Viewer) -> dict[str, Any]:
    """What the Stats tab's teaching needs: the entries to choose from (FAQ questions and
    program titles, as talents see them named, each with the start of its answer) and every
    taught wording, newest first."""
    content, language = desk.services.live_content.current, viewer.language

    def choice(ref: str) -> dict[str, Any]:
        found = entry(content, ref)
        assert found is not None  # listed from the content itself
        if isinstance(found, FaqItem):
            title, answer = found.question.get(language), found.answer.get(language)
        else:
            title, answer = found.title.get(language), found.what.get(language)
        lines = (" ".join(line.split()) for line in plain_text(answer).splitlines())
        preview = "\n".join(line for line in lines if line)  # its bullets on lines of their own
        if len(preview) > PREVIEW_CHARACTERS:
            cut = preview[: PREVIEW_CHARACTERS - 1].rsplit(" ", 1)[0]
            preview = cut.rstrip(" .,;:") + ELLIPSIS
        return {"entry": ref, "title": title, "preview": preview}

    taught = await desk.store.taught.all()
    # The stems of every phrasing and wording: off the event loop.
    notes = await asyncio.to_thread(_notes, desk, viewer, taught)
    return {
        "faq": [choice(f"faq:{key}") for key in content.faq],
        "programs": [choice(f"program:{key}") for key in content.programs],
        # Those the content now says too first: each wants a decision (newest first otherwise).
        "taught": [
            _taught(desk, viewer, item, notes.get(item.id))
            for item in sorted(taught, key=lambda item: item.id not in notes)
        ],
    }


def _notes(desk: Desk, viewer: Viewer, taught: list[Taught]) -> dict[int, str]:
    """Taught wordings another entry's question or phrasing says too, since a /reload (the
    bot hesitates between the two), by id, each with what to do."""
    content, language = desk.services.live_content.current, viewer.language
    pairs = ((item.entry, item.text) for item in taught)
    clashes = {(clash.entry, clash.text): clash.other for clash in taught_clashes(content, pairs)}
    notes: dict[int, str] = {}
    for item in taught:
        other = clashes.get((item.entry, item.text))
        if other is not None:  # None as well for a gone entry: its name says so
            title = question_stats.title(content, other, language)
            notes[item.id] = desk.say(Text.WS_TAUGHT_CLASH, language, entry=title)
    return notes


def _taught(desk: Desk, viewer: Viewer, item: Taught, note: str | None) -> dict[str, Any]:
    content, language = desk.services.live_content.current, viewer.language
    when = content.moment_text(datetime.fromisoformat(item.taught_at).astimezone(WIB), language)
    if item.taught_by is None:
        by = desk.say(Text.WS_TAUGHT_BY_ERASED, language, when=when)
    else:
        by = desk.say(Text.WS_TAUGHT_BY, language, name=item.taught_by, when=when)
    return {
        "id": item.id,
        "text": item.text,
        "entry": question_stats.title(content, item.entry, language),
        "entry_ref": item.entry,
        "by": by,
        "note": note,  # another entry says it too, since a /reload
    }


def _name(name: str) -> str:
    """A staff member's name as the taught list shows it: no control, format or direction
    characters (one reversing the rest of the line)."""
    return without_controls(name).translate(INVISIBLE).strip()


def _refused(desk: Desk, viewer: Viewer, key: Text, **values: Any) -> dict[str, Any]:
    return {"outcome": "refused", "text": desk.say(key, viewer.language, **values)}
