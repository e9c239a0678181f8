"""Dates at the calendar's edge (year 1, year 9999) are refused as bad dates, never crash.

A WIB midnight of 0001-01-01 is before year 1 in UTC, and the day after 9999-12-31 does not
exist: every place staff type a date accepts only the years 2000 to 2100 (bot/parsing.py) and
answers anything else with its usual "bad date" reply: a 400 in the workspace, the export
usage in Telegram, exit status 2 with one line on the command line.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.leads.export import FilterError, parse_day
from bot.outreach.broadcast import parse_wib
from bot.outreach.when import moment_like, typed_moment
from bot.parsing import iso_day
from bot.store import Store
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded
from tests.processes import clean_env, run_cli
from tests.workspace import workspace


def test_only_plausible_years_are_read_as_dates() -> None:
    assert parse_day("31-01-2026") == date(2026, 1, 31)
    assert iso_day("2100-12-31") == date(2100, 12, 31)
    assert parse_wib("2000-01-01 00:00") == "1999-12-31T17:00:00.000000+00:00"
    for day in ("01-01-0001", "0001-01-01", "9999-12-31", "31.12.2101", "1999-12-31"):
        with pytest.raises(FilterError) as refused:
            parse_day(day)
        assert refused.value.kind == "date"
    assert iso_day("0001-01-01") is None and iso_day("9999-12-31") is None
    assert parse_wib("0001-01-01 00:00") is None and parse_wib("9999-12-31 23:59") is None


def test_staff_write_a_broadcast_time_the_day_first_or_iso() -> None:
    at_nine = "2026-01-31T02:00:00.000000+00:00"  # 09:00 WIB
    for written in ("2026-01-31 09:00", "31-01-2026 09.00", "31/01/2026 9:00", "31.01.2026  09.00"):
        assert parse_wib(written) == at_nine, written
    for wrong in (
        "31-01-2026",
        "09.00",
        "31-01-2026 24.00",
        "31-01-2026 09.60",
        "32-01-2026 09.00",
        "31-01-26 09.00",
    ):
        assert parse_wib(wrong) is None, wrong


def test_staff_write_a_broadcast_time_in_their_own_words() -> None:
    # A staff review s61 (L3): "besok jam 9 pagi" and "8/12 09:00" were refused.
    today = date(2026, 12, 7)  # a Monday
    read = {
        "besok jam 9 pagi": "2026-12-08 09:00",
        "Besok, pukul 9.30 WIB": "2026-12-08 09:30",
        "besok 09.00": "2026-12-08 09:00",
        "hari ini 21:30": "2026-12-07 21:30",
        "lusa 9": "2026-12-09 09:00",
        "lusa jam 2 siang": "2026-12-09 14:00",
        "besok jam 4 sore": "2026-12-08 16:00",
        "besok jam 7 malam": "2026-12-08 19:00",
        "besok 19.00 malam": "2026-12-08 19:00",
        "today 9pm": "2026-12-07 21:00",
        "tomorrow 12 am": "2026-12-08 00:00",
        "8/12 09:00": "2026-12-08 09:00",
        "8-12 jam 9": "2026-12-08 09:00",
        "6/12 09:00": "2026-12-06 09:00",  # yesterday: read, then refused as past
        "2/1 10.00": "2027-01-02 10:00",  # January, typed in December
        "31-01-2026 09.00 pagi": "2026-01-31 09:00",
        # The final review s61, L2: the part of the day first, a full stop, a dotted day.
        "besok pagi jam 9": "2026-12-08 09:00",
        "besok 9 pagi.": "2026-12-08 09:00",
        "lusa sore pukul 4.30": "2026-12-09 16:30",
        "8.12 09.00": "2026-12-08 09:00",
    }
    for typed, moment in read.items():
        found = typed_moment(typed, today)
        assert found is not None and found.strftime("%Y-%m-%d %H:%M") == moment, typed
    for unclear in (
        "besok",
        "besok pagi",
        "09.00",
        "besok jam 2 malam",  # 02.00 or 14.00?
        "besok jam 12 malam",
        "besok 24.00",
        "besok jam 9.75",
        "kamis 09.00",
        "31/2 09.00",
        "besok siang jam 9 pagi",
    ):
        assert typed_moment(unclear, today) is None, unclear
    # "No such day" for a day and time the calendar lacks; "the form" for the rest.
    assert moment_like("31/2 09.00") and moment_like("31-02-2027 10.00")
    assert not moment_like("besok pagi") and not moment_like("besok jam 2 malam")
    assert moment_like("besok 24.00") and moment_like("besok 24:00")  # past the clock


@pytest.mark.parametrize(
    ("path", "chosen"),
    [
        ("leads", {"from": "0001-01-01"}),
        ("leads", {"to": "9999-12-31"}),
        ("board", {"to": "9999-12-31"}),
    ],
)
async def test_workspace_refuses_a_date_out_of_range_with_a_400(
    bot: Harness, path: str, chosen: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    async with workspace(bot, ADMIN_ID) as client:
        with caplog.at_level(logging.INFO):
            status, answer = await client.call(path, {"filter": chosen})
    detail = f"{next(iter(chosen))} must be a date like 2026-01-31 (2000 to 2100)"
    assert (status, answer) == (400, {"error": "bad_request", "detail": detail})
    assert "Traceback" not in caplog.text


async def test_export_since_year_one_is_refused_as_a_bad_date(
    bot: Harness, staff_chat: Any
) -> None:
    admin = staff_chat.members[ADMIN_ID]
    await bot.send(admin, "/start")
    (reply,) = await bot.send(admin, "/export since 01-01-0001")
    assert reply.text.startswith(CONTENT.text(Text.EXPORT_BAD_DATE, "id", word="01-01-0001"))


async def test_command_line_dates_out_of_range_are_one_line_and_status_2(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    store = await Store.open(tmp_path / "bot.db")  # the database, as the bot's start makes it
    await store.close()
    text = tmp_path / "news.html"
    text.write_text("<b>MU:CON</b> news", encoding="utf-8")
    output = str(tmp_path / "out.csv")
    runs = [
        ("export", "--format", "csv", "--output", output, "--since", "0001-01-01"),
        ("audit", "--since", "0001-01-01"),
        ("broadcast", "--text-file", str(text), "--at", "0001-01-01 00:00", "--yes"),
        ("check-content", "--today", "9999-12-31"),
    ]
    answers = await asyncio.gather(*(run_cli(tmp_path, env, *args) for args in runs))
    for args, (code, out, err) in zip(runs, answers, strict=True):
        assert (code, out) == (2, ""), (args, err)
        assert "Traceback" not in err, (args, err)
        said = err.strip().splitlines()[-1]  # after argparse's usage lines, if any
        assert "2000 to 2100" in said and ("0001-01-01" in said or "9999-12-31" in said), said
