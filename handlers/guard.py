"""Staff-only handlers: checked by user id on every command and every button press."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update

from bot.alerts import Burst
from bot.terminal_text import count_of
from handlers import fallback
from handlers.common import BotContext

log = logging.getLogger(__name__)

Callback = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


def staff_only(callback: Callback) -> Callback:
    """Run the handler for staff only; to anyone else it looks like an unknown command."""

    @functools.wraps(callback)
    async def guarded(update: Update, context: BotContext) -> None:
        user = update.effective_user
        user_id = user.id if user is not None else None
        if context.services.settings.is_admin(user_id):
            await callback(update, context)
            return
        # Anyone can forge a button: one line a minute, with a count and who pressed.
        context.services.refusals.refused(
            f"staff:{callback.__name__}", user_id, functools.partial(_refused, callback.__name__)
        )
        chat = update.effective_chat
        private = chat is not None and chat.type == "private"
        if update.callback_query is not None:
            await fallback.expired_button(update, context)  # in a group, a toast only
        elif private:
            await fallback.unknown_command(update, context)

    return guarded


def _refused(action: str, burst: Burst) -> None:
    log.warning(
        "Refused staff action %s for non-staff users %s since the last report, by %s",
        action,
        count_of(burst.count, "time"),
        burst.refusers("user"),
    )
