"""Alerts about the bot's own health in the staff chat: a full disk, a failed backup."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import Bot
from telegram.error import TelegramError

from bot.content import other_language
from bot.services import Services
from bot.texts import Text

log = logging.getLogger(__name__)

# Under each alert, its gist in the other language: the staff chat is shared by staff who read
# Indonesian and staff who read English (s60).
_GLOSSES = {
    Text.OPS_BACKUP_FAILED: Text.OPS_BACKUP_FAILED_GLOSS,
    Text.OPS_STORAGE_DOWN: Text.OPS_STORAGE_DOWN_GLOSS,
    Text.OPS_STORAGE_BACK: Text.OPS_STORAGE_BACK_GLOSS,
}


class StaffAlerts:
    """Posts operations alerts in the staff chat, in the staff's default language."""

    def __init__(self, bot: Bot, services: Services) -> None:
        self._bot = bot
        self._services = services
        self._tasks: set[asyncio.Task[None]] = set()

    async def send(self, key: Text, **values: Any) -> None:
        """Post one alert; a Telegram failure is logged, never raised."""
        chat = self._services.settings.staff_chat_id
        if chat is None:
            return
        content, language = self._services.content, self._services.settings.default_language
        text = content.text(key, language, **values)
        gloss = _GLOSSES.get(key)
        if gloss is not None:
            text = f"{text}\n{content.text(gloss, other_language(language), **values)}"
        try:
            await self._bot.send_message(chat, text)
        except TelegramError as error:
            log.warning("Could not alert the staff chat: %s", error)

    async def backup_failed(self, reason: str) -> None:
        """The daily backup failed: once per failed attempt (once a day at most)."""
        await self.send(Text.OPS_BACKUP_FAILED, error=reason)

    def storage_changed(self, event: str, seconds: float) -> None:
        """The database stopped (or started again) accepting writes: one alert each way."""
        if event == "down":
            reason = self._services.store.db.health.reason
            self._spawn(self.send(Text.OPS_STORAGE_DOWN, error=reason))
        else:
            self._spawn(self.send(Text.OPS_STORAGE_BACK, minutes=str(max(1, round(seconds / 60)))))

    def _spawn(self, coroutine: Any) -> None:
        task = asyncio.get_running_loop().create_task(coroutine, name="staff-alert")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
