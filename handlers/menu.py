"""The main menu as this talent should see it."""

from __future__ import annotations

from handlers import views
from handlers.common import BotContext


def main_menu(
    context: BotContext, language: str, *, subscribed: bool | None = None
) -> views.Screen:
    """Announcements on or off by the stored choice; "Ask our team" only with a staff chat;
    "My registration status" once the talent has submitted an application; "Continue
    registration" instead of "Register interest" while one is unfinished (open or paused)."""
    if subscribed is None:
        subscribed = views.is_subscribed(context.talent)
    ask = context.services.settings.staff_chat_id is not None
    talent = context.talent
    store = context.services.store
    status = talent is not None and store.pipeline.has_submitted(talent.user_id)
    paused = resumes(context)
    return views.main_menu(
        context.content, language, subscribed=subscribed, ask=ask, status=status, paused=paused
    )


def resumes(context: BotContext) -> bool:
    """Whether the talent has an unfinished registration (open or paused), which every Apply
    button resumes: the menu's, an FAQ answer's and a program page's say so."""
    talent = context.talent
    if talent is None:
        return False
    if context.draft_held is None:
        context.draft_held = context.services.store.applications.has_draft(talent.user_id)
    return context.draft_held
