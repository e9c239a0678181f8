"""The daily digest: what came in, what waits too long, and on Mondays the week.

At DIGEST_TIME (WIB) on working days (Monday to Friday), to the staff chat, or without one
to each admin's private chat: new leads since the last digest (those closed as a duplicate
counted apart, as /stats counts them), leads waiting too long per
stage with the three longest, talents waiting for a team answer and since when (where to
answer them), "yours waiting" per admin, buttons that open those lists;
Monday's adds the past week per sector (new, moved, closed, median days to first contact).

Once per day, also across restarts: the day is claimed in the database before anything is
sent (a crash at that instant loses that day's digest, it never sends it twice). A day with
nothing to say sends nothing.

Staff may also ask for it (under /stats): the same numbers as they stand now, "new" counted
from the latest digest sent (today's once it went), headed with that moment; asking claims
no day, and a digest with nothing to say says so.
"""

from __future__ import annotations

import asyncio
import logging
import statistics
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import TelegramError
from telegram.ext import ExtBot

from bot.content import Content, other_language
from bot.leads import records
from bot.leads.export import WIB
from bot.leads.lead_filters import PipelineFilter
from bot.leads.pipeline_stages import stage_label
from bot.leads.stats import decimal_text
from bot.leads.waiting import cutoffs, stored_time, waiting_days
from bot.outreach.reminders import Clock
from bot.outreach.send_budget import BROADCAST
from bot.services import Services
from bot.settings import Settings
from bot.store.waiting import DigestNumbers, SectorWeek
from bot.texts import Text

log = logging.getLogger(__name__)

POLL_SECONDS = 30.0  # how often the worker looks at the clock (the digest is daily)
LONGEST = 3
MONDAY = 0
WORKING_DAYS = range(0, 5)  # Monday to Friday
LIST = "rc:dl:"  # a lead list as a new message (handlers/records.py): rc:dl:<filter code>


def due_day(settings: Settings, now: datetime) -> date | None:
    """The WIB day whose digest is due at `now` (a working day, at or after DIGEST_TIME)."""
    if settings.digest_time is None:
        return None
    local = now.astimezone(WIB)
    if local.weekday() not in WORKING_DAYS or local.time() < settings.digest_time:
        return None
    return local.date()


def previous_digest(settings: Settings, day: date) -> datetime:
    """When the digest of the working day before `day` was due (the first digest's "since")."""
    before = day - timedelta(days=1)
    while before.weekday() not in WORKING_DAYS:
        before -= timedelta(days=1)
    moment = settings.digest_time or datetime.min.time()
    return datetime.combine(before, moment, tzinfo=WIB)


def count_text(number: int, content: Content, language: str) -> str:
    """A count as the reader writes it: 32.411 in Indonesian, 32,411 in English."""
    return f"{number:,}".replace(",", content.text(Text.RECORDS_THOUSANDS_SEPARATOR, language))


@dataclass(frozen=True, slots=True)
class Digest:
    """The numbers of one day's digest, and what it is about."""

    day: date
    now: datetime
    numbers: DigestNumbers
    limits: dict[str, int]  # stage -> days (LEAD_WAIT_DAYS, in content order)
    week: tuple[datetime, datetime] | None
    since: datetime  # what "new" counts from
    after_digest: bool  # `since` is when a digest that went was made (else when one was due)
    daily: time | None  # DIGEST_TIME (None: the daily digest is off)
    # Talents whose questions wait for the team, and since when the oldest of them waits (a
    # new staff member's review s57, M4: a question could wait days unseen).
    asking: int = 0
    asking_since: datetime | None = None

    @property
    def waiting_total(self) -> int:
        """Leads waiting too long, every stage together."""
        return sum(stage.count for stage in self.numbers.waiting)

    @property
    def worth_sending(self) -> bool:
        """Whether there is anything to say."""
        week = self.numbers.week or {}
        moved = any(item.new or item.moved or item.closed for item in week.values())
        return self.numbers.new > 0 or self.waiting_total > 0 or moved or self.asking > 0


async def compute(services: Services, day: date, now: datetime, *, asked: bool = False) -> Digest:
    """Read the digest's numbers (in a snapshot of their own). The day's digest counts new
    leads from the last one sent before it; one `asked` for, from the latest sent (the day's
    too). A day that sent nothing is skipped: a failed send would otherwise lose its leads."""
    settings, content = services.settings, services.content
    waiting = services.store.waiting
    last, first = await waiting.last_sent((day + timedelta(days=1) if asked else day).isoformat())
    # None sent yet: from when the one before the first day claimed was due.
    since = last or stored_time(previous_digest(settings, date.fromisoformat(first or str(day))))
    week = None
    if day.weekday() == MONDAY:
        week = (now - timedelta(days=7), now)
    contacted = [key for key, stage in content.stages.items() if stage.contacted]
    numbers = await waiting.digest_numbers(
        cutoffs(settings, content, now),
        since,
        stored_time(now),
        (stored_time(week[0]), stored_time(week[1])) if week else None,
        records.closed_stage(content),
        contacted,
        LONGEST,
    )
    limits = {
        key: settings.lead_wait_days[key]
        for key in content.stages
        if key in settings.lead_wait_days
    }
    since_moment = datetime.fromisoformat(since)
    asking, oldest = await services.store.support.waiting_since()
    return Digest(
        day,
        now,
        numbers,
        limits,
        week,
        since_moment,
        last is not None,
        settings.digest_time,
        asking,
        None if oldest is None else datetime.fromisoformat(oldest),
    )


async def as_it_stands(services: Services, now: datetime) -> Digest:
    """The digest as it stands at `now`, for staff who ask: today's (WIB) numbers, the week
    on a Monday; no day is claimed, so the daily one still goes at DIGEST_TIME."""
    return await compute(services, now.astimezone(WIB).date(), now, asked=True)


def render(
    digest: Digest,
    content: Content,
    language: str,
    names: dict[int, str],
    admin: int | None = None,
    asked: bool = False,
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The digest for the staff chat (every admin's count) or one admin's private chat; one
    `asked` for is headed with the moment "new" counts from, and says when it has nothing."""

    def say(key: Text, **values: Any) -> str:
        return content.text(key, language, **values)

    def number(value: int) -> str:
        return count_text(value, content, language)

    numbers = digest.numbers
    # Asked for, "new" counts from the moment its heading gives.
    new = say(Text.DIGEST_ASKED_NEW if asked else Text.DIGEST_NEW, count=number(numbers.new))
    if numbers.new_duplicates:  # counted in no line, said as /stats says it
        apart = say(Text.STATS_SUBMITTED_DUPLICATES, count=number(numbers.new_duplicates))
        new = f"{new} {apart}"
    parts = [say(Text.DIGEST_HEADER, date=content.date_text(digest.day, language)), new]
    if admin is None and not asked:  # the staff group, shared by staff of both languages (s60)
        parts[0] += "\n" + content.text(Text.DIGEST_HEADER_GLOSS, other_language(language))
    if asked:
        parts[0] = _asked_heading(digest, content, language)
        if not digest.worth_sending:
            return f"{parts[0]}\n\n{say(Text.DIGEST_ASKED_NOTHING)}", None
    waiting_lines = []
    for stage in numbers.waiting:
        if not stage.count:
            continue
        longest = ", ".join(
            say(
                Text.DIGEST_LONGEST_ITEM,
                reference=lead.reference,
                days=waiting_days(lead, digest.now),
            )
            for lead in stage.longest
        )
        waiting_lines.append(
            say(
                Text.DIGEST_WAITING_STAGE,
                stage=stage_label(content, stage.stage, language),
                limit=digest.limits.get(stage.stage, 0),
                count=number(stage.count),
                longest=longest,
            )
        )
    if waiting_lines:
        parts.append("\n".join([say(Text.DIGEST_WAITING_TITLE), *waiting_lines]))
    if digest.asking and digest.asking_since is not None:
        since = content.moment_text(digest.asking_since.astimezone(WIB), language)
        parts.append(say(Text.DIGEST_QUESTIONS, count=number(digest.asking), since=since))
    if admin is not None:
        parts.append(say(Text.DIGEST_YOURS, count=number(numbers.per_admin.get(admin, 0))))
    elif numbers.per_admin:
        items = " · ".join(
            say(Text.DIGEST_ADMIN_ITEM, name=names.get(who, str(who)), count=number(count))
            for who, count in sorted(numbers.per_admin.items(), key=lambda item: -item[1])
        )
        parts.append(say(Text.DIGEST_PER_ADMIN, items=items))
    if numbers.week is not None and digest.week is not None:
        parts.append(_week(digest, numbers.week, content, language))
    return "\n\n".join(parts), _buttons(digest, content, language, admin)


def _asked_heading(digest: Digest, content: Content, language: str) -> str:
    """The moment, what "new" counts from, and whether the daily digest still comes."""

    def moment(value: datetime) -> str:
        return content.moment_text(value.astimezone(WIB), language)

    since = Text.DIGEST_ASKED_SINCE if digest.after_digest else Text.DIGEST_ASKED_SINCE_NONE
    daily = digest.daily
    lines = [
        content.text(Text.DIGEST_ASKED_HEADER, language, moment=moment(digest.now)),
        content.text(since, language, moment=moment(digest.since)),
        content.text(Text.DIGEST_ASKED_OFF, language)
        if daily is None
        else content.text(
            Text.DIGEST_ASKED_DAILY, language, time=content.clock_text(daily, language)
        ),
    ]
    return "\n".join(lines)


def _week(
    digest: Digest, week: dict[str | None, SectorWeek], content: Content, language: str
) -> str:
    start, end = digest.week or (digest.now, digest.now)
    sector = content.questions.get("sector")
    labels = {c.value: c.label.get(language) for c in (sector.choices or [])} if sector else {}
    total = SectorWeek()
    for item in week.values():
        total.new += item.new
        total.moved += item.moved
        total.closed += item.closed
        total.contact_days += item.contact_days
    rows: list[tuple[str, SectorWeek]] = [(content.text(Text.DIGEST_WEEK_ALL, language), total)]
    for key in sorted(week, key=lambda value: (value is None, str(value))):
        name = (
            labels.get(key, str(key))
            if key is not None
            else content.text(Text.DIGEST_WEEK_NO_SECTOR, language)
        )
        rows.append((name, week[key]))
    lines = [
        content.text(
            Text.DIGEST_WEEK_TITLE,
            language,
            start=content.date_text(start.astimezone(WIB).date(), language),
            end=content.date_text(end.astimezone(WIB).date(), language),
        )
    ]
    for name, item in rows:
        if item.contact_days and statistics.median(item.contact_days) < 1:
            contact = content.text(Text.DIGEST_WEEK_CONTACT_SAME_DAY, language)  # not "0,0 hari"
        elif item.contact_days:
            median = decimal_text(statistics.median(item.contact_days), content, language)
            contact = content.text(Text.DIGEST_WEEK_CONTACT, language, days=median)
        else:
            contact = content.text(Text.DIGEST_WEEK_NO_CONTACT, language)
        lines.append(
            content.text(
                Text.DIGEST_WEEK_LINE,
                language,
                sector=name,
                new=count_text(item.new, content, language),
                moved=count_text(item.moved, content, language),
                closed=count_text(item.closed, content, language),
                contact=contact,
            )
        )
    return "\n".join(lines)


def _buttons(
    digest: Digest, content: Content, language: str, admin: int | None
) -> InlineKeyboardMarkup:
    def opens(label: str, chosen: PipelineFilter) -> InlineKeyboardButton:
        code = chosen.code()
        return InlineKeyboardButton(label, callback_data=f"{LIST}{code}")

    rows = []
    if digest.waiting_total:
        total = count_text(digest.waiting_total, content, language)
        label = content.text(Text.BTN_DIGEST_WAITING, language, count=total)
        rows.append([opens(label, PipelineFilter(waiting=True))])
        stages = [
            opens(
                content.text(
                    Text.BTN_DIGEST_STAGE,
                    language,
                    stage=stage_label(content, stage.stage, language),
                    count=count_text(stage.count, content, language),
                ),
                PipelineFilter(stage=stage.stage, waiting=True),
            )
            for stage in digest.numbers.waiting
            if stage.count
        ]
        rows += [stages[index : index + 2] for index in range(0, len(stages), 2)]
    mine = digest.numbers.per_admin.get(admin, 0) if admin is not None else 0
    if mine:
        label = content.text(
            Text.BTN_DIGEST_MINE, language, count=count_text(mine, content, language)
        )
        rows.append([opens(label, PipelineFilter(mine=True, waiting=True))])
    rows.append([opens(content.text(Text.BTN_DIGEST_NEW, language), PipelineFilter())])
    return InlineKeyboardMarkup(rows)


class DigestWorker:
    """Sends the day's digest once, at DIGEST_TIME on working days."""

    def __init__(self, services: Services, bot: ExtBot[Any], clock: Clock) -> None:
        self._services = services
        self._bot = bot
        self._clock = clock

    async def run(self) -> None:
        """Look at the clock until cancelled."""
        settings = self._services.settings
        if settings.digest_time is None:
            log.info("The daily digest is off (DIGEST_TIME is empty)")
            return
        if not settings.admin_ids and settings.staff_chat_id is None:
            return  # nobody to tell
        while True:
            try:
                await self.run_once()
            except Exception:  # the worker must outlive a database hiccup or a bad row
                log.exception("Digest worker error; trying again shortly")
            await asyncio.sleep(POLL_SECONDS)

    async def run_once(self) -> bool:
        """Send today's digest if it is due and not yet made; whether one was sent."""
        now = self._clock()
        day = due_day(self._services.settings, now)
        waiting = self._services.store.waiting
        if day is None or await waiting.ran(day.isoformat()):
            return False
        digest = await compute(self._services, day, now)
        if not await waiting.claim_day(day.isoformat()):
            return False  # another process took it
        if not digest.worth_sending:
            log.info("Digest of %s: nothing to say", day)
            return False
        sent = await self._send(digest)
        if sent:
            await waiting.mark_sent(day.isoformat())
        log.info("Digest of %s sent to %d chat(s)", day, sent)
        return sent > 0

    async def _send(self, digest: Digest) -> int:
        services = self._services
        settings, content = services.settings, services.content
        language = settings.default_language
        names = await records.staff_names(services.store, digest.numbers.per_admin)
        if settings.staff_chat_id is not None:
            chats: list[tuple[int, int | None]] = [(settings.staff_chat_id, None)]
        else:
            chats = [(admin, admin) for admin in sorted(settings.admin_ids)]
        sent = 0
        for chat, admin in chats:
            text, markup = render(digest, content, language, names, admin)
            try:
                await self._bot.send_message(
                    chat, text, reply_markup=markup, rate_limit_args=BROADCAST
                )
            except TelegramError as error:  # an admin who never opened the bot, say
                log.warning("Could not send the digest to chat %s: %s", chat, error)
                continue
            sent += 1
        return sent
