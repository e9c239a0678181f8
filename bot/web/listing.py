"""The workspace's lists: its texts and choices, the lead table, the board, the statistics.

Every list that shows talents' names is recorded in the audit log before it is returned, one
entry per lead as /leads does; a search is recorded by its length, never its words.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from bot.answers import stats as question_stats
from bot.answers.desk import thresholds
from bot.content import Content
from bot.leads import cancelling, desk_stats, form_order, pipeline_stages, pipeline_stats, waiting
from bot.leads import records as lead_records
from bot.leads import stats as lead_stats
from bot.leads.export import WIB, plain_text
from bot.store.questions import Listed, Listing, Week
from bot.store.waiting import WaitingLead
from bot.store.workspace import LeadRow
from bot.texts import Text
from bot.web import inputs, records, teach
from bot.web.desk import Desk, Labels, Viewer, row_json

# The Stats tab's lists of questions, as the page names them.
LISTS = {
    "top": Listing.UNANSWERED,
    "suggested": Listing.SUGGESTED,
    "rejected": Listing.REJECTED,
}
MORE_STEP = 40  # questions of a list shown on each "Show more", past the ten

# Bot texts the page shows as they are in Telegram ("exactly as in Telegram"), as plain text.
TELEGRAM_TEXTS = (
    Text.BTN_SEND_UPDATE,
    Text.BTN_NO_UPDATE,
    Text.BTN_CANCEL,
    Text.BTN_BULK_SEND,
    Text.BTN_BULK_QUIET,
    Text.BTN_BULK_CONFIRM,
    Text.BTN_BULK_SKIP_OUTCOMES,
    Text.PIPELINE_WARNING_BLOCKED,
    Text.PIPELINE_WARNING_FORWARDING_OFF,
    Text.BTN_CLOSE_DUPLICATE,
    Text.BTN_REOPEN,
    Text.BTN_NOT_DUPLICATE,
    Text.BTN_MARK_AGAIN_POSSIBLE,
    Text.BTN_CONTACTED,
    Text.BTN_CLEAR_ANSWER,
    Text.BTN_NOTE_EDIT,
    Text.BTN_NOTE_DELETE,
    Text.BTN_NOTE_DELETE_CONFIRM,
    Text.RECORDS_NOTE_DELETE_CONFIRM,
    Text.BTN_UNASSIGN,
    Text.BTN_ASSIGN_NOBODY,
    Text.BTN_BROADCAST_STOP_YES,
    Text.BTN_BROADCAST_KEEP,
    Text.BTN_BROADCAST_SEND,
    Text.BTN_BROADCAST_SCHEDULE,
    Text.BROADCAST_PREVIEW_INTRO,
)


def page_texts(content: Content) -> dict[str, dict[str, str]]:
    """Every word of the page, in both languages: the workspace's texts (without their "ws_")
    and the Telegram ones it shares. Public: nothing in them is about anyone."""
    keys = [key for key in Text if key.value.startswith("ws_")]
    texts: dict[str, dict[str, str]] = {}
    for language in ("id", "en"):
        shown = {key.value.removeprefix("ws_"): content.text(key, language) for key in keys}
        shown |= {key.value: plain_text(content.text(key, language)) for key in TELEGRAM_TEXTS}
        texts[language] = shown
    return texts


async def session(desk: Desk, viewer: Viewer) -> dict[str, Any]:
    """Who is signed in, in which language, and the choices the filters offer."""
    content, language = desk.content, viewer.language
    labels = Labels(content, language)
    desk.stats.read_ahead(language, lambda: _statistics(desk, viewer))
    settings = desk.services.settings
    admins = await desk.names(set(settings.admin_ids))
    forwarding = settings.forwarding()
    return {
        "viewer": {"id": viewer.user_id, "name": admins.get(viewer.user_id, "")},
        "language": language,
        "page_size": inputs.PAGE_SIZE,
        "stages": [
            {
                "key": key,
                "label": stage.label.get(language),
                "message": stage.message is not None,
                "consent": stage.consent,
                "contacted": stage.contacted,
                # No lead can be moved there (FORWARD_TO unset): the page says so up front;
                # the server refuses such a move anyway.
                "closed": pipeline_stages.closed_to_every_lead(content, key, forwarding),
            }
            for key, stage in content.stages.items()
        ],
        "sectors": _options(inputs.choices(content, "sector"), labels, "sector"),
        "provinces": [
            {"value": value, "label": province.label.get(language)}
            for value, province in content.provinces.items()
        ],
        "programs": [{"value": key, "label": labels.program(key)} for key in content.programs],
        "admins": [{"id": user_id, "name": name} for user_id, name in sorted(admins.items())],
        # Why the reports of their actions cannot reach their chat, and what to do (or None).
        "unreachable": await desk.unreachable(viewer),
    }


def _options(values: dict[str, str], labels: Labels, question_key: str) -> list[dict[str, Any]]:
    return [{"value": value, "label": labels.choice(question_key, value)} for value in values]


async def leads(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """One page of the lead table, with the counts per stage of the same filter; waiting
    leads (the "waiting" filter) longest in their stage first, whatever the sort."""
    query = desk.query(viewer, body.get("filter"))
    by, descending = inputs.sort(body.get("sort"))
    page = inputs.page(body.get("page"))
    now = datetime.now(UTC)
    settings = desk.services.settings
    closed: dict[str, int] = {}  # a waiting lead is never a closed duplicate
    if query.waiting:
        counts = await waiting.waiting_counts(desk.store, desk.content, settings, query.where, now)
    else:
        counts = await desk.reads.per_stage(query.where)
        closed = await desk.reads.closed_per_stage(query.where)
    stage = query.where.stage
    total = counts.get(stage, 0) if stage else sum(counts.values())
    listed = query.where
    left_out = 0
    if query.where.closed_duplicate:  # only those closed as a duplicate, on asking
        total = closed.get(stage, 0) if stage else sum(closed.values())
    elif stage and not query.waiting:
        # A stage lists what it counts and exports: not the leads closed as a duplicate
        # (in no stage), said under the list with a way to see them (a review: the chip
        # listed them while its export left them out).
        left_out = closed.get(stage, 0)
        total -= left_out
        listed = replace(query.where, closed_duplicate=False)
    pages = max(1, -(-total // inputs.PAGE_SIZE))
    if page > pages:
        raise inputs.BadInput("page out of range")
    offset = (page - 1) * inputs.PAGE_SIZE
    waits: list[WaitingLead] = []
    if query.waiting:
        waits, total = await waiting.waiting_leads(
            desk.store, desk.content, settings, query.where, offset, inputs.PAGE_SIZE, now
        )
        rows = await desk.reads.rows([item.application_id for item in waits])
    else:
        rows = await desk.reads.page(
            listed, by, descending, offset, inputs.PAGE_SIZE, list(desk.content.stages)
        )
    await desk.store.audit.listed(
        viewer.actor,
        [row.reference for row in rows],
        search_length=query.search_length,
        found=total,
        filter=query.described,
        page=page,
        sort=by,
    )
    labels = Labels(desk.content, viewer.language)
    return {
        "rows": await _rows(desk, viewer, labels, rows, waits, now),
        "total": total,
        "page": page,
        "pages": pages,
        "counts": _counts(desk, labels, counts, closed),
        "waiting": query.waiting,
        "left_out": left_out,  # a stage's leads closed as a duplicate, not listed
        # Words of the search read as a province ("jabar"), a field ("film"), a stage or an
        # answer's choice ("shortlist", "penyanyi"): said.
        "places": [
            plain_text(line)
            for line in lead_records.places_said(desk.content, viewer.language, query.words)
        ],
        # A search that finds nobody: what it looks in, as /lead says it (a staff review s57:
        # "Tidak ada pendaftar yang cocok." and nothing more); the page adds the Filter's way.
        "search_none": desk.say(Text.LEAD_SEARCH_NONE, viewer.language, words=query.words)
        if total == 0 and query.words.strip()
        else None,
    }


async def _rows(
    desk: Desk,
    viewer: Viewer,
    labels: Labels,
    rows: list[LeadRow],
    waits: list[WaitingLead],
    now: datetime,
) -> list[dict[str, Any]]:
    """Lines of the table (or cards), each with its possible duplicates, and how long it
    has waited in its stage when it is a waiting lead."""
    names = await desk.names({row.assignee_id for row in rows if row.assignee_id})
    marks = await records.list_marks(desk, viewer, [row.application_id for row in rows])
    closed = await records.list_closed(desk, viewer, [row.application_id for row in rows])
    cancelled = [row.application_id for row in rows if row.withdrawn]
    minors = await cancelling.minor_cancels_by_id(desk.store, cancelled)  # by the bot (s62)
    days = {
        item.application_id: desk.say(
            Text.RECORDS_WAITING_DAYS,
            viewer.language,
            days=waiting.waiting_days(item, now),
            stage=labels.stage(item.stage),
        )
        for item in waits
    }
    return [
        {
            **row_json(row, labels, names, row.application_id in minors),
            "duplicates": marks.get(row.application_id, []),
            "closed_of": closed.get(row.application_id),  # closed as a duplicate of which
            "waiting": days.get(row.application_id),
        }
        for row in rows
    ]


def _counts(
    desk: Desk, labels: Labels, counts: dict[str, int], closed: dict[str, int]
) -> list[dict[str, Any]]:
    """Leads per stage in content order (then stages content no longer has): `count` those
    in it, `duplicates` those closed as a duplicate that keep it (listed under it, counted
    apart, as /stats does)."""
    order = list(desk.content.stages)
    order += sorted(set(counts) - set(order))
    return [
        {
            "stage": key,
            "label": labels.stage(key),
            "count": counts.get(key, 0) - closed.get(key, 0),
            "duplicates": closed.get(key, 0),
        }
        for key in order
    ]


async def board(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """One column per stage with its newest leads of the filter (the list has the rest);
    with the "waiting" filter, its longest-waiting leads."""
    query = desk.query(viewer, body.get("filter"))
    now = datetime.now(UTC)
    settings = desk.services.settings
    closed: dict[str, int] = {}
    if query.waiting:
        counts = await waiting.waiting_counts(desk.store, desk.content, settings, query.where, now)
    else:
        counts = await desk.reads.per_stage(query.where)
        closed = await desk.reads.closed_per_stage(query.where)
    labels = Labels(desk.content, viewer.language)
    stages = [item["stage"] for item in _counts(desk, labels, counts, closed)]
    if query.where.stage:
        stages = [query.where.stage]
    columns: list[tuple[str, list[LeadRow]]] = []
    waits: list[WaitingLead] = []
    for key in stages:
        rows: list[LeadRow] = []
        if counts.get(key) and query.waiting:
            found, _ = await waiting.waiting_leads(
                desk.store,
                desk.content,
                settings,
                replace(query.where, stage=key),
                0,
                inputs.BOARD_CARDS,
                now,
            )
            waits += found
            rows = await desk.reads.rows([item.application_id for item in found])
        elif counts.get(key):
            rows = await desk.reads.column(query.where, key, inputs.BOARD_CARDS)
        columns.append((key, rows))
    shown = [row for _, rows in columns for row in rows]
    await desk.store.audit.listed(
        viewer.actor,
        [row.reference for row in shown],
        search_length=query.search_length,
        found=sum(counts.get(key, 0) for key in stages),
        filter=query.described,
        board=True,
    )
    cards = iter(await _rows(desk, viewer, labels, shown, waits, now))
    return {
        "columns": [
            {
                "stage": key,
                "label": labels.stage(key),
                "count": counts.get(key, 0) - closed.get(key, 0),
                "duplicates": closed.get(key, 0),  # listed in it, counted apart
                "cards": [next(cards) for _ in rows],
            }
            for key, rows in columns
        ]
    }


async def statistics(desk: Desk, viewer: Viewer) -> dict[str, Any]:
    """The /stats figures for the page's charts (it draws them; no image goes over the wire),
    kept a minute and read ahead when the page opens (bot/web/kept_stats.py)."""
    figures = await desk.stats.get(viewer.language, lambda: _statistics(desk, viewer))
    shown = _live(desk, viewer)
    asked = figures["questions"]
    questions = {**asked, **{which: [shown(item) for item in asked[which]] for which in LISTS}}
    # What was taught is read at each visit, not kept: a colleague's change shows at once.
    page = {key: value for key, value in figures.items() if key != "further"}  # on asking
    return {**page, "questions": questions, "teaching": await teach.listed(desk, viewer)}


async def further(desk: Desk, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """One of the Stats tab's lists of questions longer than its ten: its first `count` (at
    most MOST_LISTED), from the same kept figures as the tab, so that a question is neither
    shown twice nor skipped; and how many are still left out. Masked summaries, as the ten."""
    which = body.get("list")
    if not isinstance(which, str) or which not in LISTS:  # a list or an object: no key
        raise inputs.BadInput(f"list must be one of {', '.join(LISTS)}")
    count = inputs.integer(body.get("count"), "count", 1, question_stats.MOST_LISTED)
    figures = await desk.stats.get(viewer.language, lambda: _statistics(desk, viewer))
    asked = figures["questions"]
    listed = [*asked[which], *figures["further"][which]][:count]
    live = _live(desk, viewer)
    left_out = len(asked[which]) + asked["left_out"][which] - len(listed)
    return {"items": [live(item) for item in listed], "left_out": left_out}


def _live(desk: Desk, viewer: Viewer) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A kept listed question as the page shows it, with what answers it now and the entry
    talents opened, named: which listed question the content answers now is not kept, so
    that after a /reload it shows at once."""
    live, language = desk.services.live_content, viewer.language
    needed = thresholds(desk.services.settings)
    answers_now = question_stats.answers_now(live.current, live.matcher, needed)

    def named(ref: str | None) -> str | None:
        return None if ref is None else question_stats.title(live.current, ref, language)

    def shown(item: dict[str, Any]) -> dict[str, Any]:
        answering = question_stats.newly_answered(
            answers_now, item["question"], item.get("entry"), item["typed"]
        )
        listed = {
            "question": item["question"],
            "count": item["count"],
            "others": item["others"],
            "more": item["more"],
            "now": named(answering),
            "now_entry": answering,
            "chosen": named(item["chosen"]),
            "chosen_entry": item["chosen"],
            "chosen_by": item["chosen_by"],
        }
        if "entry" in item:  # a rejected answer: the entry it was answered with
            listed["answered"] = named(item["entry"])
        return listed

    return shown


async def _statistics(desk: Desk, viewer: Viewer) -> dict[str, Any]:
    content, language = desk.content, viewer.language
    now = datetime.now(UTC)
    staff = desk.services.settings.admin_ids
    # Each reads from a snapshot of its own, in a thread of its own: side by side. A task
    # group, so that when one fails the other is stopped and its snapshot closed before the
    # error goes on (gather would leave it running, holding a reader an erasure waits for).
    async with asyncio.TaskGroup() as reads:
        lead_figures = reads.create_task(desk_stats.compute(desk.store, content, now, staff))
        questions = reads.create_task(question_stats.compute(desk.store, now, staff))
    figures, asked = lead_figures.result(), questions.result()  # summaries masked again
    flow, counts = figures.flow, figures.counts
    places = lead_stats.top_places(content, language, figures.provinces)
    chart = pipeline_stats.chart_data(flow, content, language)
    median = flow.median_days_to_contact
    contact = plain_text(pipeline_stats.contact_time(content, language, median, flow.contacted))
    question = content.questions.get("sector")
    return {
        "funnel": [
            {"key": "started", "count": counts.started},
            {"key": "consented", "count": counts.consented},
            {"key": "drafts", "count": counts.drafts},
            {"key": "submitted", "count": counts.submitted},
        ],
        # Closed duplicates: in no figure of the tab, as in no stage; said under "submitted".
        "funnel_notes": {
            "submitted": plain_text(
                content.text(Text.STATS_SUBMITTED_DUPLICATES, language, count=counts.duplicates)
            )
        }
        if counts.duplicates
        else {},
        "news": [  # /stats' "Program news"
            {"key": "subscribers", "count": counts.subscribers},
            {"key": "blocked", "count": counts.blocked},
        ],
        "questions": _questions(asked),
        "further": _further(asked),  # not sent with the tab: on asking (`further`)
        "days": [{"label": label, "count": n} for label, n in chart.days],
        "stages": [{"label": label, "count": n} for label, n in chart.stages],
        # Closed as a duplicate: in no stage's bar, said under them as /stats says it.
        "duplicates": pipeline_stats.duplicates_line(content, language, flow.duplicates)
        if flow.duplicates
        else None,
        "sectors": [
            {
                "label": form_order.display(question, content, value, language)
                if question
                else value,
                "count": n,
            }
            for value, n in figures.sectors
        ],
        # The top places, ties by label, and the others counted (as /stats says them).
        "provinces": [{"label": label, "count": n} for label, n in places.shown],
        "provinces_more": plain_text(more)
        if (more := places.more_line(content, language))
        else None,
        "contact": contact,
        "at": content.moment_text(now.astimezone(WIB), language),  # as /stats writes it
    }


def _listed(item: Listed, rejected: bool = False) -> dict[str, Any]:
    # The other wordings named (a few), and whether there are more than those.
    more = item.wordings - 1 > len(item.others)
    listed = {
        "question": item.question,
        "count": item.count,
        "others": list(item.others),
        "more": more,
        "chosen": item.chosen,  # an entry's reference, named at each read
        "chosen_by": item.chosen_by,
        # What talents typed, unmasked: kept here (in memory, a minute, dropped on an
        # erasure) only to match again for "now answered" (`_live`), never sent to the page.
        "typed": item.typed,
    }
    if rejected:  # the entry's reference it was answered with, named at each read
        listed["entry"] = item.entry
    return listed


def _further(week: Week) -> dict[str, list[dict[str, Any]]]:
    """The questions past each list's ten, as far as staff can ask to see them."""
    return {
        which: [
            _listed(item, listing is Listing.REJECTED) for item in week.further.get(listing, [])
        ]
        for which, listing in LISTS.items()
    }


def _questions(week: Week) -> dict[str, Any]:
    """/stats' "Questions this week": the masked summaries go out as text, the page shows them
    as text (bot/web/static/stats.js)."""
    top = [_listed(item) for item in week.top_unanswered]
    suggested = [_listed(item) for item in week.top_suggested]
    rejected = [_listed(item, rejected=True) for item in week.top_not_this]
    return {
        "figures": [
            {"key": "answered", "count": week.answered},
            {"key": "suggested", "count": week.suggested},
            {"key": "unanswered", "count": week.unanswered},
        ],
        "not_this": week.not_this,
        "top": top,
        "suggested": suggested,
        "rejected": rejected,  # each with its entry's reference, named at each read
        # How many more each list leaves out, so that none is left out unsaid; staff see
        # them `step` at a time, up to `most` per list (`further`).
        "left_out": {which: week.more.get(listing, 0) for which, listing in LISTS.items()},
        "step": MORE_STEP,
        "most": question_stats.MOST_LISTED,
    }
