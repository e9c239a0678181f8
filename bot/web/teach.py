"""The Stats tab's teaching: staff tell the bot which FAQ entry or program page answers a
question talents asked (in the listed wording, which staff may edit), and see and remove what
was taught. A taught phrasing is matched as the entry's `ask:` phrasings are (bot/answers),
from the next message on: the index is built again at once, and at every start-up and reload.

Only masked words are kept: the listed question is a masked summary, and what staff type is
masked again (an e-mail address, a phone number, a long digit run, a link or a handle).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.answers import stats as question_stats
from bot.answers.checks import meaning, said_by
from bot.answers.desk import entry, thresholds
from bot.answers.text import masked_again
from bot.answers.verdict import Outcome, decide
from bot.leads.export import WIB
from bot.store.taught import MOST, Refused, Taught
from bot.texts import Text
from bot.web import inputs
from bot.web.desk import Desk, Viewer

MAX_CHARACTERS = 200  # a question's wording; a listed summary is shorter


async def teach(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Keep a wording for an entry and index it; say what the bot answers the listed
    question with now (it may still be unsure, or answer with another entry)."""
    live, language = desk.services.live_content, viewer.language
    ref = inputs.words(body, "entry", 100)
    text = " ".join(masked_again(inputs.words(body, "text", MAX_CHARACTERS)).split())
    # The listed question it was taught from (the page sends it), else the wording itself.
    source = inputs.words(body, "question", MAX_CHARACTERS) if "question" in body else ""
    question = " ".join(source.split()) or text
    if entry(live.current, ref) is None:
        return _refused(desk, viewer, Text.WS_TEACH_ENTRY_GONE)
    if not meaning(text):
        return _refused(desk, viewer, Text.WS_TEACH_NO_WORDS)
    others = said_by(live.current, await desk.store.taught.pairs(), text) - {ref}
    if others:
        other = question_stats.title(live.current, min(others), language)
        return _refused(desk, viewer, Text.WS_TEACH_CLASH, entry=other)
    added = await desk.store.taught.add(viewer.actor, ref, text, viewer.name)
    if added is Refused.ALREADY:
        return _refused(desk, viewer, Text.WS_TEACH_ALREADY)
    if added is Refused.FULL:
        return _refused(desk, viewer, Text.WS_TEACH_FULL, count=MOST)
    matcher = await live.teach(desk.store.taught.pairs)
    verdict = decide(matcher.match(question), thresholds(desk.services.settings))
    named = question_stats.title(live.current, ref, language)
    if verdict.outcome is Outcome.ANSWERED and verdict.entry == ref:
        said = desk.say(Text.WS_TEACH_SAVED, language, question=question, entry=named)
    elif verdict.outcome is Outcome.ANSWERED and verdict.entry is not None:
        other = question_stats.title(live.current, verdict.entry, language)
        said = desk.say(Text.WS_TEACH_SAVED_OTHER, language, question=question, entry=other)
    else:
        said = desk.say(Text.WS_TEACH_SAVED_UNSURE, language, question=question)
    return {"outcome": "taught", "text": said}


async def forget(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Remove a taught wording and index the rest."""
    live, language = desk.services.live_content, viewer.language
    removed = await desk.store.taught.remove(viewer.actor, inputs.integer(body.get("id"), "id"))
    if removed is None:
        return _refused(desk, viewer, Text.WS_TAUGHT_GONE)
    await live.teach(desk.store.taught.pairs)
    named = question_stats.title(live.current, removed.entry, language)
    said = desk.say(Text.WS_TAUGHT_REMOVED, language, question=removed.text, entry=named)
    return {"outcome": "removed", "text": said}


async def listed(desk: Desk, viewer: Viewer) -> dict[str, Any]:
    """What the Stats tab's teaching needs: the entries to choose from (FAQ questions and
    program titles, as talents see them named) and every taught wording, newest first."""
    content, language = desk.services.live_content.current, viewer.language
    taught = await desk.store.taught.all()
    return {
        "faq": [
            {"entry": f"faq:{key}", "title": item.question.get(language)}
            for key, item in content.faq.items()
        ],
        "programs": [
            {"entry": f"program:{key}", "title": program.title.get(language)}
            for key, program in content.programs.items()
        ],
        "taught": [_taught(desk, viewer, item) for item in taught],
    }


def _taught(desk: Desk, viewer: Viewer, item: Taught) -> dict[str, Any]:
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
        "by": by,
    }


def _refused(desk: Desk, viewer: Viewer, key: Text, **values: Any) -> dict[str, Any]:
    return {"outcome": "refused", "text": desk.say(key, viewer.language, **values)}
