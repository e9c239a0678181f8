"""A talent's own registrations: /status, and under the answer that says how to follow one."""

from __future__ import annotations

from bot.content import FaqItem, Program
from bot.data_copy import moment_text
from bot.texts import Text
from handlers import pipeline_views
from handlers.common import BotContext
from handlers.views import Screen


async def status_screen(context: BotContext, user_id: int, language: str) -> Screen:
    """Their registrations with reference, date and stage (never notes), and a paused form."""
    store = context.services.store
    registrations = await store.pipeline.registrations(user_id)
    unfinished = await store.applications.draft_for(user_id) is not None
    text, markup = pipeline_views.status_screen(
        context.content, language, registrations, unfinished
    )
    if registrations or unfinished:
        return text, markup
    # Nothing kept because they asked for erasure: said so, not "you haven't registered yet"
    # (a talents' review).
    erased = await store.privacy.was_erased(user_id)
    if erased:
        when = moment_text(context.content, language, erased[-1])
        text = context.content.text(Text.STATUS_ERASED, language, when=when)
    return text, markup


async def with_status(
    context: BotContext,
    user_id: int | None,
    language: str,
    item: FaqItem | Program | None,
    page: str,
) -> str:
    """An entry's page; an FAQ answer with `shows_status` followed by the reader's own
    status: who asks whether their registration arrived reads that it did, and its stage (a
    talents' review: the same general answer three times, "Formulirnya belum selesai
    diisi?" after sending)."""
    if not isinstance(item, FaqItem) or not item.shows_status or user_id is None:
        return page
    own, _ = await status_screen(context, user_id, language)
    return f"{page}\n\n{own}"
