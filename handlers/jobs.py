"""Background jobs of the running bot."""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.alerts import REFUSAL_LOG_INTERVAL
from bot.privacy import format_purge, purge
from handlers import content_admin
from handlers.common import BotApplication, BotContext

log = logging.getLogger(__name__)

DAILY = timedelta(days=1)
REVIEW_CHECK = timedelta(hours=6)  # how often to look; the staff chat hears at most weekly


async def retention(context: BotContext) -> None:
    """Delete what is past its retention period (conversation log, old drafts)."""
    deleted = await purge(context.services.store, context.services.settings)
    log.info("Retention: %s", format_purge(deleted))


async def refusals(context: BotContext) -> None:
    """Log the refusals held back in a minute that is over (bot/alerts.py, Refusals): a
    burst of forged presses is reported though no press comes after it."""
    context.services.refusals.flush()


def schedule(application: BotApplication) -> None:
    """Start the background jobs (the daily ones first a minute after start-up)."""
    if application.job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    application.job_queue.run_repeating(retention, interval=DAILY, first=60, name="retention")
    application.job_queue.run_repeating(
        content_admin.review_job, interval=REVIEW_CHECK, first=300, name="content_review"
    )
    # Each minute: a refusal's minute is over at most a minute before its line.
    minute = timedelta(seconds=REFUSAL_LOG_INTERVAL)
    application.job_queue.run_repeating(refusals, interval=minute, first=minute, name="refusals")
