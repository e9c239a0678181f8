"""The main menu as this talent should see it."""

from __future__ import annotations

from handlers import views
from handlers.common import BotContext


def main_menu(
    context: BotContext, language: str, *, subscribed: bool | None = None
) -> views.Screen:
    """Announcements on or off by the stored choice; "Ask our team" only with a staff chat."""
    if subscribed is None:
        subscribed = views.is_subscribed(context.talent)
    ask = context.services.settings.staff_chat_id is not None
    return views.main_menu(context.content, language, subscribed=subscribed, ask=ask)
