"""/stats and `kocca-bot stats`: what talents asked the bot this week, and what it could not
answer (as masked summaries: e-mail addresses, phone numbers, long digit runs, @handles and
links are masked; a name a talent typed is not, as nothing tells names reliably from words)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from bot.answers.desk import entry
from bot.answers.matcher import Matcher
from bot.answers.text import masked_again
from bot.answers.verdict import Outcome, Thresholds, decide
from bot.content import Content, FaqItem, Markup
from bot.store import Store
from bot.store.questions import FreeQuestions, Week
from bot.texts import Text

WEEK = timedelta(days=7)
TOP_UNANSWERED = 10


async def compute(store: Store, now: datetime, staff: Iterable[int]) -> Week:
    """The last seven days, read from a snapshot of their own (off the talents' reader);
    `staff` (ADMIN_IDS) trying the bot are not counted.

    The listed summaries are masked again with today's rules: one stored by an older version
    of the bot, whose rules missed some numbers or addresses ("WA081234567890", "sari @
    gmail.com"), must not show them now.
    """
    since = (now - WEEK).isoformat(timespec="microseconds")
    async with store.db.snapshot() as view:
        week = await FreeQuestions.week(view, since, TOP_UNANSWERED, staff)
    shown = [(masked_again(question), count) for question, count in week.top_unanswered]
    return replace(week, top_unanswered=shown)


def answered_now(
    week: Week, content: Content, matcher: Matcher, needed: Thresholds
) -> list[str | None]:
    """For each listed question, the entry the content served now answers it with directly,
    if any: what staff's new phrasings (and /reload) have answered since it was asked. Its
    masked summary is matched, as the list shows it."""
    return [answer_now(question, content, matcher, needed) for question, _ in week.top_unanswered]


def answer_now(question: str, content: Content, matcher: Matcher, needed: Thresholds) -> str | None:
    """The entry the content served now answers one listed question with directly, if any."""
    verdict = decide(matcher.match(question), needed)
    ref = verdict.entry if verdict.outcome is Outcome.ANSWERED else None
    return ref if ref is not None and entry(content, ref) is not None else None


def title(content: Content, ref: str, language: str) -> str:
    """An entry as talents see it named: the FAQ question, or the program page's title."""
    found = entry(content, ref)
    if found is None:
        return ref
    return (found.question if isinstance(found, FaqItem) else found.title).get(language)


def report(week: Week, content: Content, language: str, now: Sequence[str | None] = ()) -> str:
    """The questions section of the statistics; `now`: `answered_now` for the listed ones."""
    text = content.text(
        Text.STATS_QUESTIONS,
        language,
        answered=week.answered,
        suggested=week.suggested,
        unanswered=week.unanswered,
        not_this=week.not_this,
    )
    if not week.top_unanswered:
        return text
    refs = list(now) or [None] * len(week.top_unanswered)
    lines: list[str] = []
    for (question, count), ref in zip(week.top_unanswered, refs, strict=True):
        line = content.text(Text.STATS_QUESTIONS_LINE, language, count=count, question=question)
        if ref is not None:
            answer = title(content, ref, language)
            line += " " + content.text(Text.STATS_QUESTIONS_NOW, language, entry=answer)
        lines.append(line)
    top = content.text(Text.STATS_QUESTIONS_TOP, language, lines=Markup("\n".join(lines)))
    return f"{text}\n\n{top}"
