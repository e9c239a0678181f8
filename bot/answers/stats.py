"""/stats and `kocca-bot stats`: what talents asked the bot this week, and what it could not
answer (as masked summaries: e-mail addresses, phone numbers, long digit runs, @handles and
links are masked; a name a talent typed is not, as nothing tells names reliably from words)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from bot.answers.text import masked_again
from bot.content import Content, Markup
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


def report(week: Week, content: Content, language: str) -> str:
    """The questions section of the statistics."""
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
    lines = "\n".join(
        content.text(Text.STATS_QUESTIONS_LINE, language, count=count, question=question)
        for question, count in week.top_unanswered
    )
    top = content.text(Text.STATS_QUESTIONS_TOP, language, lines=Markup(lines))
    return f"{text}\n\n{top}"
