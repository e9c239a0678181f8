"""Keeping content true in the running bot: /reload (admins) and the weekly review reminder."""

from __future__ import annotations

import html
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from telegram import Bot, Update
from telegram.error import TelegramError

from bot.answers.checks import TaughtClash
from bot.answers.stats import title
from bot.content import Content, Markup, other_language
from bot.content_checks import due_for_review
from bot.content_live import reload_content
from bot.leads.retired_choices import Retired
from bot.message_parts import split_message
from bot.outreach.broadcast import WIB
from bot.services import Services
from bot.texts import Text
from handlers.common import BotContext, reply
from handlers.staff import staff_desk

log = logging.getLogger(__name__)

REVIEW_EVERY = timedelta(days=7)  # the staff chat hears about due pages at most this often


@staff_desk
async def reload_command(update: Update, context: BotContext) -> None:
    """Re-read content/: serve it if every check passes, else list its problems and keep the old."""
    user = update.effective_user
    services = context.services
    outcome = await reload_content(
        services.live_content,
        services.store,
        "command",
        user.id if user else None,
        context.language(),
    )
    if outcome.content is None:
        problems = "\n".join(f"• {html.escape(problem)}" for problem in outcome.problems)
        text = context.text(
            Text.RELOAD_REFUSED, count=len(outcome.problems), problems=Markup(problems)
        )
    else:
        text = context.text(
            Text.RELOAD_DONE,
            programs=len(outcome.content.programs),
            faq=len(outcome.content.faq),
            questions=len(outcome.content.questions),
        )
        text += _clashes(context, outcome.content, outcome.clashes)
        text += _retired(context, outcome.retired, services.settings.content_dir)
    await reply(update, text)


SHOWN_CLASHES = 10  # lines of taught wordings listed after /reload; the rest counted


def _clashes(context: BotContext, content: Content, clashes: list[TaughtClash]) -> str:
    """What the new content does to wordings staff taught: those another entry says too, and
    those whose entry is gone ("" when none)."""
    language = context.language()
    said = [clash for clash in clashes if clash.other is not None]
    gone = len(clashes) - len(said)
    text = ""
    if said:
        lines = [
            context.text(
                Text.RELOAD_TAUGHT_CLASH_LINE,
                text=clash.text,
                entry=title(content, clash.entry, language),
                other=title(content, clash.other or "", language),
            )
            for clash in said[:SHOWN_CLASHES]
        ]
        if len(said) > SHOWN_CLASHES:
            lines.append(context.text(Text.RELOAD_TAUGHT_MORE, count=len(said) - SHOWN_CLASHES))
        joined = Markup("\n".join(lines))
        text += "\n\n" + context.text(Text.RELOAD_TAUGHT_CLASHES, count=len(said), lines=joined)
    if gone:
        text += "\n\n" + context.text(Text.RELOAD_TAUGHT_GONE, count=gone)
    return text


def _retired(context: BotContext, retired: list[Retired], folder: Path) -> str:
    """The choices the new form no longer offers that leads or drafts hold ("" if none),
    with where to put them back: the content folder in use (CONTENT_DIR)."""
    if not retired:
        return ""
    lines = [
        context.text(
            Text.RELOAD_RETIRED_LINE,
            question=item.question,
            label=item.label,
            value=item.value,
            leads=item.leads,
            drafts=item.drafts,
        )
        for item in retired
    ]
    joined = Markup("\n".join(lines))
    return "\n\n" + context.text(Text.RELOAD_RETIRED, lines=joined, path=folder / "intake.yaml")


async def review_reminder(bot: Bot, services: Services, now: datetime) -> bool:
    """Tell the staff chat which pages are due for review, at most once a week; True if told.

    When it was last told is stored, so a restart does not repeat the reminder.
    """
    staff_chat = services.settings.staff_chat_id
    content = services.content
    due = due_for_review(content, now.astimezone(WIB).date())
    if staff_chat is None or not due:
        return False
    last = await services.store.content_log.last_review_reminder()
    if last is not None and now - datetime.fromisoformat(last) < REVIEW_EVERY:
        return False
    language = services.settings.default_language
    lines = [
        content.text(
            Text.REVIEW_DUE_LINE,
            language,
            title=page.title.get(language),
            where=page.where,
            date=content.date_text(page.as_of, language),
            days=page.age_days,
        )
        for page in due
    ]
    text = content.text(Text.REVIEW_DUE, language, pages=Markup("\n".join(lines)))
    # Its gist in the other language: the group is shared by staff of both (s60).
    text = f"{text}\n{content.text(Text.REVIEW_DUE_GLOSS, other_language(language))}"
    try:
        for part in split_message(text):
            await bot.send_message(staff_chat, part)
    except TelegramError as error:
        log.warning("Could not remind the staff chat of pages due for review: %s", error)
        return False
    await services.store.content_log.record_review_reminder(
        now.isoformat(), [page.where for page in due]
    )
    log.info("Reminded the staff chat of %d page(s) due for review", len(due))
    return True


async def review_job(context: BotContext) -> None:
    """The job queue's check (every few hours; the reminder itself goes out weekly)."""
    await review_reminder(context.bot, context.services, datetime.now(UTC))
