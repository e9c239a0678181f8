"""Posts the staff notices the store keeps (bot/store/notices.py) in the staff chat.

An erasure or a withdrawal tells staff which lead references to clean up outside the bot
(group messages, exports, what went to KOCCA); a restore tells them what it held back and
how to send it. Each notice is written with what it reports, posted here (at start-up and
within a second of being written), then deleted: a crash or a restart loses none.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from telegram import Bot, ReplyParameters
from telegram.error import TelegramError

from bot.content import Content, Markup, other_language
from bot.rounds import Rounds
from bot.services import Services
from bot.store.notices import StaffNotice
from bot.store.restores import LIST_AT_MOST
from bot.texts import Text
from bot.transport.failures import explain

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5
RETRY_SECONDS = 60.0  # after Telegram refused a notice: the staff chat may be misconfigured

_CLEAN_UP = {
    "erased": Text.PRIVACY_STAFF_ERASED,
    "withdrawn": Text.PRIVACY_STAFF_WITHDRAWN,
    "erased_again": Text.PRIVACY_STAFF_ERASED_AGAIN,
    "withdrawn_again": Text.PRIVACY_STAFF_WITHDRAWN_AGAIN,
}
# Under each notice, its gist in the other language: the staff chat is shared by staff who read
# Indonesian and staff who read English (s60).
_GLOSSES = {
    "erased": Text.PRIVACY_STAFF_ERASED_GLOSS,
    "withdrawn": Text.PRIVACY_STAFF_WITHDRAWN_GLOSS,
    "erased_again": Text.PRIVACY_STAFF_ERASED_AGAIN_GLOSS,
    "withdrawn_again": Text.PRIVACY_STAFF_WITHDRAWN_AGAIN_GLOSS,
    "restored": Text.RESTORE_HELD_GLOSS,
    "lost_work": Text.RESTORE_LOST_GLOSS,
}


def render(notice: StaffNotice, content: Content, language: str) -> str:
    """The notice's text for the staff chat, its gist in the other language under it."""
    gloss = content.text(_GLOSSES[notice.kind], other_language(language))
    detail = notice.detail
    if notice.kind == "restored":
        return f"{_restored(detail, content, language)}\n{gloss}"
    if notice.kind == "lost_work":
        return f"{_lost_work(detail, content, language)}\n{gloss}"
    lines = []
    references: list[str] = detail.get("references", [])
    if references:
        listed = Markup(", ".join(f"<code>{html.escape(ref)}</code>" for ref in references))
        lines.append(content.text(Text.PRIVACY_CLEAN_UP_REFERENCES, language, references=listed))
    if detail.get("relayed"):
        lines.append(content.text(Text.PRIVACY_CLEAN_UP_RELAYED, language, count=detail["relayed"]))
    text = content.text(_CLEAN_UP[notice.kind], language, clean_up=Markup("\n".join(lines)))
    return f"{text}\n{gloss}\n\n{content.text(Text.PRIVACY_CLEAN_UP_FOOTER, language)}"


def _restored(detail: dict[str, Any], content: Content, language: str) -> str:
    lines = []
    if detail.get("talent_updates"):
        lines.append(
            content.text(Text.RESTORE_HELD_UPDATES, language, count=detail["talent_updates"])
        )
    for broadcast in detail.get("broadcasts", []):
        lines.append(
            content.text(
                Text.RESTORE_HELD_BROADCAST, language, id=broadcast["id"], count=broadcast["left"]
            )
        )
    if detail.get("reminders"):
        lines.append(content.text(Text.RESTORE_HELD_REMINDERS, language, count=detail["reminders"]))
    if not lines:
        lines.append(content.text(Text.RESTORE_HELD_NOTHING, language))
    return content.text(
        Text.RESTORE_HELD, language, backup=detail.get("backup", "?"), held=Markup("\n".join(lines))
    )


def _lost_work(detail: dict[str, Any], content: Content, language: str) -> str:
    """Staff work made after the backup that the restored database lacks: which leads to
    check and redo (references only), and how many other changes."""
    lines = []
    references: list[str] = detail.get("references", [])
    if references:
        shown = references[:LIST_AT_MOST]
        listed = ", ".join(f"<code>{html.escape(ref)}</code>" for ref in shown)
        if len(references) > len(shown):
            more = len(references) - len(shown)
            listed += " " + content.text(Text.RESTORE_LOST_MORE, language, count=more)
        lines.append(content.text(Text.RESTORE_LOST_LEADS, language, references=Markup(listed)))
    if detail.get("other"):
        lines.append(content.text(Text.RESTORE_LOST_OTHER, language, count=detail["other"]))
    return "\n\n".join(lines)


class NoticePoster:
    """Background task: post each stored staff notice once, in order."""

    def __init__(self, bot: Bot, services: Services) -> None:
        self._bot = bot
        self._services = services
        self._failing = False
        self.rounds = services.rounds.setdefault("staff_notices", Rounds())

    async def run(self) -> None:
        """Post what is waiting until cancelled."""
        while True:
            self.rounds.begin()
            try:
                if await self.post_waiting():
                    self.rounds.idle()  # everything written before the round is posted
                    delay = POLL_SECONDS
                else:
                    delay = RETRY_SECONDS
            except Exception:  # the task must outlive a database hiccup
                log.exception("Staff notices: error; trying again shortly")
                delay = RETRY_SECONDS
            await self.rounds.rest(delay)

    async def post_waiting(self) -> bool:
        """Post every waiting notice; False if Telegram refused one (it is kept)."""
        store = self._services.store.notices
        settings = self._services.settings
        for notice in await store.pending():
            chat_id = settings.staff_chat_id
            if chat_id is None:
                # Nobody to tell: the log is the only place left (references, no names).
                log.warning(
                    "No STAFF_CHAT_ID: staff notice %r not posted: %s", notice.kind, notice.detail
                )
                await store.posted(notice.id)
                continue
            text = render(notice, self._services.content, settings.default_language)
            try:
                await self._bot.send_message(
                    chat_id, text, reply_parameters=_replying(notice, chat_id)
                )
            except TelegramError as error:
                if not self._failing:
                    log.warning("Could not post a staff notice (%s); trying again", explain(error))
                self._failing = True
                return False
            self._failing = False
            await store.posted(notice.id)
        return True


def _replying(notice: StaffNotice, chat_id: int) -> ReplyParameters | None:
    """Reply to the talent's first relayed question, so staff find the thread to clean up."""
    first = notice.detail.get("first_relayed")
    if not first or first[0] != chat_id:
        return None
    return ReplyParameters(message_id=int(first[1]), allow_sending_without_reply=True)
