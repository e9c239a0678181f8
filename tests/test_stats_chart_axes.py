"""The /stats chart's axes count whole leads from 0 (desk s50: with no lead in the last 30
days the day axis was ticked -0.04 … 0.04)."""

from __future__ import annotations

from typing import Any

from bot.leads import chart
from bot.leads.chart import ChartData


def _ticks(data: ChartData) -> tuple[list[float], list[float]]:
    figure: Any = chart.figure(data)
    figure.canvas.draw()  # the ticks as drawn
    days_axes, stages_axes = figure.axes
    low, high = days_axes.get_ylim()
    days = [tick for tick in days_axes.get_yticks() if low <= tick <= high]
    low, high = stages_axes.get_xlim()
    stages = [tick for tick in stages_axes.get_xticks() if low <= tick <= high]
    return days, stages


def _data(days: list[int], stages: list[int]) -> ChartData:
    return ChartData(
        days_title="Pendaftar per hari",
        days=[(f"{day + 1} Des", count) for day, count in enumerate(days)],
        stages_title="Per tahap",
        stages=[(f"Tahap {n}", count) for n, count in enumerate(stages)],
    )


def test_no_lead_in_thirty_days_gives_whole_ticks_from_zero() -> None:
    days, stages = _ticks(_data([0] * 30, [0, 0, 0]))
    for ticks in (days, stages):
        assert ticks and min(ticks) == 0
        assert all(tick >= 0 and tick == int(tick) for tick in ticks), ticks


def test_a_few_leads_still_count_from_zero_in_whole_leads() -> None:
    days, stages = _ticks(_data([0] * 28 + [1, 3], [4, 1, 0]))
    assert min(days) == 0 and max(days) >= 3
    assert min(stages) == 0 and max(stages) >= 4
    assert all(tick == int(tick) for tick in days + stages)
    assert chart.render(_data([0] * 30, [0, 0])).startswith(chart.PNG_SIGNATURE)
