"""The pipeline part of /stats: leads per stage and sector, the time to first contact, leads
per day over CHART_DAYS, as text and as the chart's data.

The counting is the store's (Pipeline.statistics); this orders it as content does and says
it in the reader's language, for /stats, `kocca-bot stats` and the workspace.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.content import Content, Markup
from bot.leads.chart import ChartData
from bot.leads.export import WIB, plain_text, start_of_day_utc
from bot.leads.pipeline_stages import stage_label
from bot.leads.stats import decimal_text
from bot.store import Store
from bot.store.pipeline import PipelineNumbers
from bot.texts import Text

CHART_DAYS = 30


@dataclass(frozen=True, slots=True)
class PipelineStats:
    """The pipeline part of /stats."""

    per_stage: list[tuple[str, int]]  # content order, then stages no longer in content
    per_sector: dict[str, list[tuple[str, int]]]  # sector -> counts in the same order
    median_days_to_contact: float | None
    contacted: int  # leads that reached a "contacted" stage
    days: list[tuple[str, int]]  # the last 30 WIB dates (YYYY-MM-DD), oldest first
    duplicates: int = 0  # closed as a duplicate: in none of per_stage, per_sector


def stats_window(content: Content, now: datetime) -> tuple[date, str, list[str]]:
    """The first WIB day the charts show, its start in UTC, and the stages that count as a
    first contact."""
    first_day = now.astimezone(WIB).date() - timedelta(days=CHART_DAYS - 1)
    contacted = [item.key for item in content.stages.values() if item.contacted]
    return first_day, start_of_day_utc(first_day), contacted


async def compute_stats(store: Store, content: Content, now: datetime) -> PipelineStats:
    """Counts per stage and sector, time to first contact, leads per day."""
    first_day, since, contacted = stats_window(content, now)
    numbers = await store.pipeline.statistics(contacted, since)
    return stats_from(numbers, content, first_day)


def stats_from(numbers: PipelineNumbers, content: Content, first_day: date) -> PipelineStats:
    """The pipeline part of /stats from its numbers: stages in content order, then any no
    longer in content; the 30 days from `first_day`."""
    counts = numbers.per_stage_sector
    order = list(content.stages)
    order += sorted({key for key, _ in counts} - set(order))
    per_stage = [(key, sum(n for (s, _), n in counts.items() if s == key)) for key in order]
    sectors = sorted({sector for _, sector in counts if sector is not None})
    per_sector = {
        sector: [(key, counts.get((key, sector), 0)) for key in order] for sector in sectors
    }
    days = [(first_day + timedelta(days=offset)).isoformat() for offset in range(CHART_DAYS)]
    return PipelineStats(
        per_stage=per_stage,
        per_sector=per_sector,
        median_days_to_contact=numbers.median_days_to_contact,
        contacted=numbers.contacted,
        days=[(day, numbers.per_day.get(day, 0)) for day in days],
        duplicates=numbers.duplicates,
    )


def stats_report(stats: PipelineStats, content: Content, language: str) -> str:
    """The pipeline lines of /stats (and `kocca-bot stats`)."""

    def counts(pairs: list[tuple[str, int]]) -> str:
        return " · ".join(f"{stage_label(content, key, language)} {n}" for key, n in pairs if n)

    stages = "\n".join(
        content.text(
            Text.STATS_LINE, language, label=stage_label(content, key, language), count=count
        )
        for key, count in stats.per_stage
    )
    if stats.duplicates:
        apart = content.text(Text.STATS_CLOSED_DUPLICATES, language, count=stats.duplicates)
        stages = f"{stages}\n{apart}"
    question = content.questions.get("sector")
    sector_labels = (
        {c.value: c.label.get(language) for c in (question.choices or [])} if question else {}
    )
    sectors = "\n".join(
        content.text(
            Text.STATS_SECTOR_STAGES,
            language,
            sector=sector_labels.get(sector, sector),
            stages=counts(pairs) or "0",
        )
        for sector, pairs in stats.per_sector.items()
    )
    contact = contact_time(content, language, stats.median_days_to_contact, stats.contacted)
    return content.text(
        Text.STATS_PIPELINE,
        language,
        stages=Markup(stages),
        contact=contact,
        sectors=Markup(sectors or content.text(Text.STATS_NONE, language)),
    )


def duplicates_line(content: Content, language: str, count: int) -> str:
    """ "Ditutup sebagai duplikat: 1" under the stages (/stats and the workspace): closed
    duplicates keep their stage for ↩️ Reopen, but no longer count in it."""
    return plain_text(content.text(Text.STATS_CLOSED_DUPLICATES, language, count=count))


def chart_data(stats: PipelineStats, content: Content, language: str) -> ChartData:
    """What the /stats picture shows, labelled in the reader's language."""
    return ChartData(
        days_title=content.text(Text.CHART_DAYS_TITLE, language),
        days=[(short_day(content, date.fromisoformat(day), language), n) for day, n in stats.days],
        stages_title=content.text(Text.CHART_STAGES_TITLE, language),
        stages=[(stage_label(content, key, language), n) for key, n in stats.per_stage],
        # Closed duplicates are in no bar: said under them, as the text says it.
        stages_note=duplicates_line(content, language, stats.duplicates)
        if stats.duplicates
        else "",
    )


def short_day(content: Content, day: date, language: str) -> str:
    """A day on a chart axis, day first as in content's dates: "18 Nov", "1 Des"."""
    months = content.text(Text.MONTH_NAMES, language).split()
    return f"{day.day} {months[day.month - 1][:3]}"


def contact_time(content: Content, language: str, median: float | None, count: int) -> str:
    """The median time from registering to first contact, as staff read it: "less than a
    day" under one (a new staff member read "0,0 hari" as a mistake)."""
    if median is None:
        return content.text(Text.STATS_CONTACT_NONE, language)
    if median < 1:
        return content.text(Text.STATS_CONTACT_SAME_DAY, language, count=count)
    days = decimal_text(median, content, language)
    return content.text(Text.STATS_CONTACT_MEDIAN, language, days=days, count=count)
