"""Leads that wait too long in their stage (LEAD_WAIT_DAYS), longest first.

Pure of Telegram: `/leads waiting`, the daily digest and the staff workspace's filter call
`waiting_page`; the limits come from the settings, the stages from content.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.content import Content
from bot.leads.lead_filters import PipelineFilter
from bot.settings import Settings, SettingsError
from bot.store import Lead, Store
from bot.store.leads import LeadFilter
from bot.store.waiting import WaitingLead


def check_limits(settings: Settings, content: Content) -> None:
    """LEAD_WAIT_DAYS names only stages of content/stages.yaml (SettingsError otherwise)."""
    unknown = sorted(set(settings.lead_wait_days) - set(content.stages))
    if unknown:
        raise SettingsError(
            f"Configuration error: LEAD_WAIT_DAYS names {', '.join(unknown)}, which"
            f" content/stages.yaml does not have (stages: {', '.join(content.stages)})"
        )


def stored_time(moment: datetime) -> str:
    """A moment in the stored form (ISO UTC with microseconds), for comparisons in SQL."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def cutoffs(settings: Settings, content: Content, now: datetime) -> dict[str, str]:
    """Per stage with a limit, in content order: a lead that entered it before this waits."""
    limits = settings.lead_wait_days
    return {
        key: stored_time(now - timedelta(days=limits[key]))
        for key in content.stages
        if key in limits
    }


def waiting_days(lead: WaitingLead, now: datetime) -> int:
    """Whole days the lead has been in its stage."""
    return max(0, (now - datetime.fromisoformat(lead.since)).days)


async def waiting_leads(
    store: Store,
    content: Content,
    settings: Settings,
    where: LeadFilter,
    offset: int,
    limit: int,
    now: datetime,
) -> tuple[list[WaitingLead], int]:
    """One page of the waiting leads a store filter matches (its stage narrows the stages),
    longest in their stage first, and how many wait."""
    limits = cutoffs(settings, content, now)
    if where.stage is not None:
        limits = {key: at for key, at in limits.items() if key == where.stage}
    return await store.waiting.page(limits, replace(where, stage=None, waiting=None), offset, limit)


async def waiting_counts(
    store: Store, content: Content, settings: Settings, where: LeadFilter, now: datetime
) -> dict[str, int]:
    """How many leads the filter matches wait in each stage (its own stage aside)."""
    limits = cutoffs(settings, content, now)
    return await store.waiting.counts(limits, replace(where, stage=None, waiting=None))


async def waiting_page(
    store: Store,
    content: Content,
    settings: Settings,
    chosen: PipelineFilter,
    admin_id: int | None,
    offset: int,
    limit: int,
    now: datetime,
) -> tuple[list[tuple[Lead, WaitingLead]], int]:
    """One page of waiting leads matching the filter's other words, longest first, and how
    many wait."""
    others = PipelineFilter(
        chosen.stage, chosen.sector, chosen.mine, chosen.unassigned, today=chosen.today
    )
    where = others.lead_filter(admin_id)
    waiting, total = await waiting_leads(store, content, settings, where, offset, limit, now)
    leads = {
        lead.application_id: lead
        for lead in await store.leads.many([item.application_id for item in waiting])
    }
    return [
        (leads[item.application_id], item) for item in waiting if item.application_id in leads
    ], total
