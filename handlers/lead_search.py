"""/lead with a name, email, phone or city instead of a reference: the leads it finds.

One match opens that lead's page; several are listed, newest first, like /leads; none says
what can be searched. The search is the workspace's (lead_search), recorded as it is there.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update

from bot.content import Markup
from bot.leads import cancelling, records
from bot.store import Lead, LeadFilter
from bot.store.leads import MAX_SEARCH
from bot.texts import Text
from handlers.common import BotContext, reply
from handlers.records_views import marks_lines
from handlers.staff import actor, workspace_url
from handlers.staff_views import PAGE_SIZE, lead_list


async def found(
    update: Update,
    context: BotContext,
    typed: str,
    open_lead: Callable[[Lead], Awaitable[None]],
) -> bool:
    """Answer /lead WORDS with the leads they find (one: `open_lead` shows its page); False
    if there is nothing to search."""
    words = " ".join(typed.split())[:MAX_SEARCH]
    pattern = records.search_pattern_for(context.content, words)
    if pattern is None:
        return False
    store, language = context.services.store, context.language(update)
    where = LeadFilter(search=pattern)
    total = await store.leads.total(where)
    shown = await store.leads.page(0, PAGE_SIZE, where)
    # Who searched what is not recorded (the words may be a talent's number), only that
    # they searched and what they were shown, before anything is shown.
    single = total == 1 and len(shown) == 1
    refs = [] if single else [lead.reference for lead in shown if lead.reference]
    await store.audit.listed(actor(update), refs, search_length=len(words), found=total)
    if single:
        await open_lead(shown[0])  # its page is recorded as viewed
        return True
    places = records.places_said(context.content, language, words)
    if not shown:
        await reply(
            update, "\n\n".join([context.text(Text.LEAD_SEARCH_NONE, words=words), *places])
        )
        return True
    # Built (and the words escaped) here, so not escaped again inside the list's title.
    described = Markup(context.text(Text.LEAD_SEARCH_FILTER, words=words))
    # Under each lead, what /leads says under it: closed as a duplicate of which lead, or the
    # leads it may duplicate (a review: the search list named neither).
    ids = [lead.application_id for lead in shown]
    closed = await records.page_closed(store, ids)
    extra = {
        application_id: [records.closed_line(context.content, language, other)]
        for application_id, other in closed.items()
    }
    for application_id, marks in (await records.page_marks(store, ids)).items():
        lines = marks_lines(context.content, language, marks)
        extra.setdefault(application_id, []).extend(lines)
    text, markup = lead_list(
        context.content,
        language,
        shown,
        0,
        len(shown),
        described=described,
        closed=set(closed),
        minors=await cancelling.minor_cancels_among(store, shown),
        extra=extra,
        workspace=workspace_url(update, context),  # as under /leads (a review: none here)
    )
    if total > len(shown):
        text += "\n\n" + context.text(Text.LEAD_SEARCH_MORE, total=total, shown=len(shown))
    text = "\n\n".join([text, *places])
    await reply(update, text, markup)
    return True
