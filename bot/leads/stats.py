"""The numbers staff ask for: the funnel, who applies, from where, and when (in WIB)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.content import Content, Markup
from bot.leads import intake
from bot.leads.export import WIB, start_of_day_utc, to_wib
from bot.outreach import reminders
from bot.settings import Settings
from bot.store import ReminderCounts, Store
from bot.store.leads import Counts
from bot.texts import Text

DAYS = 14
TOP_PROVINCES = 5
TOP_SOURCES = 10

Tally = list[tuple[str, int]]  # (answer value, leads), most first


@dataclass(frozen=True, slots=True)
class Stats:
    """Everything /stats shows, computed at one moment."""

    at: datetime  # WIB
    counts: Counts
    sectors: Tally
    music_roles: Tally
    film_roles: Tally
    provinces: Tally
    days: list[tuple[date, int]]  # the last 14 WIB dates, oldest first
    sources: list[tuple[str | None, int, int]]  # source, people, leads
    reminders: ReminderCounts


async def compute(store: Store, now: datetime) -> Stats:
    """Read the statistics from the store; `now` fixes the 14-day window."""
    leads = store.leads
    today = now.astimezone(WIB).date()
    first_day = today - timedelta(days=DAYS - 1)
    per_day = {first_day + timedelta(days=offset): 0 for offset in range(DAYS)}
    async with leads.submitted_times(start_of_day_utc(first_day)) as times:
        async for moment in times:
            day = to_wib(moment).date()
            if day in per_day:
                per_day[day] += 1
    return Stats(
        at=now.astimezone(WIB),
        counts=await leads.counts(),
        sectors=_ranked(await leads.answer_counts("sector")),
        music_roles=_ranked(await leads.answer_counts("music_role")),
        film_roles=_ranked(await leads.answer_counts("film_role")),
        provinces=_ranked(await leads.answer_counts("province"))[:TOP_PROVINCES],
        days=sorted(per_day.items()),
        sources=await leads.sources(),
        reminders=await reminders.counts(store, now),
    )


def _ranked(counts: dict[object, int]) -> Tally:
    return sorted(((str(value), count) for value, count in counts.items()), key=_most_first)


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def report(stats: Stats, content: Content, language: str, settings: Settings) -> str:
    """The statistics as a short Telegram HTML message, readable on a phone."""

    def lines(tally: Tally, question_key: str) -> Markup:
        question = content.questions.get(question_key)
        labelled = [
            (intake.display(question, content, value, language) if question else value, count)
            for value, count in tally
        ]
        items = [
            content.text(Text.STATS_LINE, language, label=label, count=count)
            for label, count in sorted(labelled, key=_most_first)
        ]
        return Markup("\n".join(items) or content.text(Text.STATS_NONE, language))

    days = "\n".join(
        content.text(Text.STATS_LINE, language, label=day.strftime("%d/%m"), count=count)
        for day, count in stats.days
    )
    sources = [
        content.text(
            Text.STATS_SOURCE_LINE,
            language,
            source=source or content.text(Text.STATS_NO_SOURCE, language),
            users=users,
            leads=leads,
        )
        for source, users, leads in stats.sources[:TOP_SOURCES]
    ]
    rest = stats.sources[TOP_SOURCES:]
    if rest:
        sources.append(
            content.text(
                Text.STATS_OTHER_SOURCES,
                language,
                sources=len(rest),
                users=sum(users for _, users, _ in rest),
                leads=sum(leads for _, _, leads in rest),
            )
        )
    counts = stats.counts
    main = content.text(
        Text.STATS_REPORT,
        language,
        time=stats.at.strftime("%Y-%m-%d %H:%M"),
        started=counts.started,
        consented=counts.consented,
        drafts=counts.drafts,
        submitted=counts.submitted,
        sectors=lines(stats.sectors, "sector"),
        music_roles=lines(stats.music_roles, "music_role"),
        film_roles=lines(stats.film_roles, "film_role"),
        provinces=lines(stats.provinces, "province"),
        days=Markup(days),
        sources=Markup("\n".join(sources) or content.text(Text.STATS_NONE, language)),
        subscribers=counts.subscribers,
        blocked=counts.blocked,
    )
    return f"{main}\n\n{reminders.stats_section(stats.reminders, settings, content, language)}"
