"""The numbers staff ask for: the funnel, who applies, from where, and when (in WIB).

Read on a connection of their own, from one snapshot (`Database.snapshot`): at 50,000 leads
these reads take about half a second, and on the bot's shared reader they would queue in
front of the small reads every talent's reply needs (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.content import Content, Markup
from bot.leads import form_order
from bot.leads.export import WIB, start_of_day_utc
from bot.settings import Settings
from bot.store import ReminderCounts, Store
from bot.store.leads import Counts
from bot.texts import Text, grouped

DAYS = 14
TOP_PROVINCES = 5
TOP_SOURCES = 10
RECENT_DAYS = 7  # reminders sent in the last week

Tally = list[tuple[str, int]]  # (answer value, leads), most first


@dataclass(frozen=True, slots=True)
class Stats:
    """Everything /stats shows, computed at one moment."""

    at: datetime  # WIB
    counts: Counts
    sectors: Tally
    music_roles: Tally
    film_roles: Tally
    provinces: Tally  # every province with leads (top_places shows the first TOP_PROVINCES)
    days: list[tuple[date, int]]  # the last 14 WIB dates, oldest first
    sources: list[tuple[str | None, int, int]]  # source, people, leads
    reminders: ReminderCounts


async def compute(store: Store, now: datetime, staff: Iterable[int]) -> Stats:
    """Read the statistics from one snapshot of the store; `now` fixes the windows; `staff`
    (ADMIN_IDS) are not counted as talents."""
    today = now.astimezone(WIB).date()
    first_day = today - timedelta(days=DAYS - 1)
    reminded_since = (today - timedelta(days=RECENT_DAYS - 1)).isoformat()
    async with store.db.snapshot() as view:
        funnel = await store.leads.funnel(view, start_of_day_utc(first_day), staff)
        reminders = await store.reminders.counts(reminded_since, view)
    answers = funnel.answers
    days = [first_day + timedelta(days=offset) for offset in range(DAYS)]
    return Stats(
        at=now.astimezone(WIB),
        counts=funnel.counts,
        sectors=ranked(answers["sector"]),
        music_roles=ranked(answers["music_role"]),
        film_roles=ranked(answers["film_role"]),
        provinces=ranked(answers["province"]),
        days=[(day, funnel.per_day.get(day.isoformat(), 0)) for day in days],
        sources=funnel.sources,
        reminders=reminders,
    )


def ranked(counts: dict[object, int]) -> Tally:
    """Answer values with their counts, most first (ties by value)."""
    return sorted(((str(value), count) for value, count in counts.items()), key=_most_first)


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


@dataclass(frozen=True, slots=True)
class TopPlaces:
    """The places of residence /stats and the Stats tab show, and those they leave out."""

    shown: list[tuple[str, int]]  # (label, leads): the most first, ties by label
    more: int  # places left out
    more_leads: int  # their leads

    def more_line(self, content: Content, language: str) -> str | None:
        """ "+1 lainnya (1 pendaftar)" under the places, when some are left out."""
        if not self.more:
            return None
        return content.text(
            Text.STATS_PLACES_MORE, language, count=self.more, leads=self.more_leads
        )


def top_places(content: Content, language: str, provinces: Tally) -> TopPlaces:
    """The TOP_PROVINCES places with the most leads, ties in the order of their labels, and
    how many are left out: one reading for /stats and the Stats tab (a staff review s57: a
    sixth place with as many leads as the fifth was dropped unsaid, and the two ordered ties
    differently)."""
    question = content.questions.get("province")
    labelled = sorted(
        (
            (form_order.display(question, content, value, language) if question else value, n)
            for value, n in provinces
        ),
        key=lambda item: (-item[1], item[0].casefold(), item[0]),
    )
    rest = labelled[TOP_PROVINCES:]
    return TopPlaces(labelled[:TOP_PROVINCES], len(rest), sum(n for _, n in rest))


def report(stats: Stats, content: Content, language: str, settings: Settings) -> str:
    """The statistics as a short Telegram HTML message, readable on a phone."""

    def lines(tally: Tally, question_key: str) -> Markup:
        question = content.questions.get(question_key)
        labelled = [
            (form_order.display(question, content, value, language) if question else value, count)
            for value, count in tally
        ]
        items = [
            content.text(Text.STATS_LINE, language, label=label, count=count)
            for label, count in sorted(labelled, key=_most_first)
        ]
        return Markup("\n".join(items) or content.text(Text.STATS_NONE, language))

    # Only the days someone registered (a phone screen of fourteen zeros said little).
    busy = [
        content.text(Text.STATS_LINE, language, label=content.date_text(day, language), count=n)
        for day, n in stats.days
        if n
    ]
    if len(busy) < len(stats.days):
        busy.append(content.text(Text.STATS_DAYS_OTHERS if busy else Text.STATS_NONE, language))
    days = "\n".join(busy)
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
        date=content.date_text(stats.at.date(), language),
        time=content.clock_text(stats.at, language),
        started=counts.started,
        consented=counts.consented,
        drafts=counts.drafts,
        submitted=submitted_text(counts, content, language),
        sectors=lines(stats.sectors, "sector"),
        music_roles=lines(stats.music_roles, "music_role"),
        film_roles=lines(stats.film_roles, "film_role"),
        provinces=_places(content, language, stats.provinces),
        days=Markup(days),
        sources=Markup("\n".join(sources) or content.text(Text.STATS_NONE, language)),
        subscribers=counts.subscribers,
        blocked=counts.blocked,
    )
    return f"{main}\n\n{_reminders_section(stats.reminders, settings, content, language)}"


def _places(content: Content, language: str, provinces: Tally) -> Markup:
    places = top_places(content, language, provinces)
    items = [
        content.text(Text.STATS_LINE, language, label=label, count=count)
        for label, count in places.shown
    ]
    more = places.more_line(content, language)
    if more:
        items.append(more)
    return Markup("\n".join(items) or content.text(Text.STATS_NONE, language))


def submitted_text(counts: Counts, content: Content, language: str) -> Markup | int:
    """ "4 (+1 duplikat ditutup, …)": leads closed as a duplicate count in no line of /stats
    (as in no stage), said where the leads are counted."""
    if not counts.duplicates:
        return counts.submitted  # an int: written grouped (50.000) by the text itself
    note = content.text(Text.STATS_SUBMITTED_DUPLICATES, language, count=counts.duplicates)
    return Markup(f"{grouped(counts.submitted, language)} {note}")  # the note: escaped text


def _reminders_section(
    numbers: ReminderCounts, settings: Settings, content: Content, language: str
) -> str:
    """The registration reminders: how they are set, how many went out, what came of them."""
    if settings.reminder_delays:
        delays = ", ".join(
            duration_text(delay, content, language) for delay in settings.reminder_delays
        )
        hours = settings.quiet_hours
        quiet = (
            content.text(
                Text.STATS_REMINDERS_QUIET,
                language,
                start=content.clock_text(hours.start, language),
                end=content.clock_text(hours.end, language),
            )
            if hours
            else content.text(Text.STATS_REMINDERS_NO_QUIET, language)
        )
        state = content.text(Text.STATS_REMINDERS_ON, language, delays=delays, quiet=Markup(quiet))
    else:
        state = content.text(Text.STATS_REMINDERS_OFF, language)
    return content.text(
        Text.STATS_REMINDERS,
        language,
        state=Markup(state),
        sent=numbers.sent,
        recent=numbers.sent_recent,
        finished=numbers.finished,
        reminded=numbers.reminded,
    )


_UNITS = ((Text.STATS_DURATION_HOURS, 3600), (Text.STATS_DURATION_MINUTES, 60))


def duration_text(delay: timedelta, content: Content, language: str) -> str:
    """A delay as staff read it: "72 jam", "14 hari" ("72 h", "14 d"), as REMINDER_DELAYS
    states it (72h stays 72 hours; whole weeks and more are told in days)."""
    seconds = int(delay.total_seconds())
    if seconds % 86400 == 0 and seconds >= 7 * 86400:
        return content.text(Text.STATS_DURATION_DAYS, language, n=seconds // 86400)
    for key, size in _UNITS:
        if seconds % size == 0:
            return content.text(key, language, n=seconds // size)
    return content.text(Text.STATS_DURATION_SECONDS, language, n=seconds)


def decimal_text(value: float, content: Content, language: str, places: int = 1) -> str:
    """A number with decimals as the reader writes it: 0,5 in Indonesian, 0.5 in English."""
    return f"{value:.{places}f}".replace(".", content.text(Text.STATS_DECIMAL_POINT, language))
