"""The workspace's statistics: the /stats figures its charts draw, from one snapshot.

The same numbers as /stats (funnel counts, sectors, provinces, stages, leads per day, days to
first contact), but the per-lead parts come from one pass over `lead_search`, the table the
workspace already keeps per submitted lead, instead of the answers and the pipeline apart:
the first read at 50,000 leads is what a staff member waits for when opening the tab.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.content import Content
from bot.leads.pipeline_stats import PipelineStats, stats_from, stats_window
from bot.leads.stats import Tally, ranked
from bot.store import Store
from bot.store.leads import Counts
from bot.store.pipeline import PipelineNumbers
from bot.store.workspace import breakdown


@dataclass(frozen=True, slots=True)
class DeskStats:
    """What the workspace's statistics tab shows, computed at one moment."""

    counts: Counts
    sectors: Tally
    provinces: Tally  # every province with leads (stats.top_places: what is shown)
    flow: PipelineStats


async def compute(store: Store, content: Content, now: datetime, staff: Iterable[int]) -> DeskStats:
    """Read the workspace's statistics from one snapshot; `now` fixes the 30 days; `staff`
    (ADMIN_IDS) are not counted as talents."""
    first_day, since, contacted = stats_window(content, now)
    numbers = PipelineNumbers()
    sectors: dict[object, int] = {}
    provinces: dict[object, int] = {}
    async with store.db.snapshot() as view:
        counts = await store.leads.counts(view, staff)
        for stage, sector, province, n in await breakdown(view):
            if stage is not None:  # a lead always has one; /stats counts only those
                key = (stage, sector)
                numbers.per_stage_sector[key] = numbers.per_stage_sector.get(key, 0) + n
            if sector is not None:
                sectors[sector] = sectors.get(sector, 0) + n
            if province is not None:
                provinces[province] = provinces.get(province, 0) + n
        await store.pipeline.closed_duplicates_apart(view, numbers)
        # Closed duplicates count in no sector or province either (as /stats says).
        for _stage, sector, province, n in await breakdown(view, closed=True):
            if sector is not None:
                sectors[sector] = sectors.get(sector, 0) - n
            if province is not None:
                provinces[province] = provinces.get(province, 0) - n
        await store.pipeline.contact_and_days(view, contacted, since, numbers)
    return DeskStats(
        counts=counts,
        sectors=ranked({key: n for key, n in sectors.items() if n > 0}),
        provinces=ranked({key: n for key, n in provinces.items() if n > 0}),
        flow=stats_from(numbers, content, first_day),
    )
