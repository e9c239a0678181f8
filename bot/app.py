"""Wires settings, store, content and handlers into a runnable bot."""

from __future__ import annotations

from functools import partial
from typing import Any

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import ApplicationBuilder, ContextTypes, Defaults
from telegram.request import BaseRequest

from bot.ask_off import for_deployment
from bot.content import Content, load_content
from bot.content_live import LiveContent
from bot.leads.digest import DigestWorker
from bot.leads.field_checks import load_validators
from bot.leads.talent_updates import TalentUpdateWorker
from bot.leads.waiting import check_limits
from bot.logs import remember_secrets
from bot.ops.alerts import StaffAlerts
from bot.ops.backup import DailyBackup
from bot.ops.kept import KeptDatabases
from bot.ops.notices import NoticePoster
from bot.outreach.broadcast import BroadcastWorker
from bot.outreach.reminders import Clock, ReminderWorker, utc_clock
from bot.outreach.send_budget import SendBudget
from bot.privacy import open_store, reapply_erasures
from bot.services import Services
from bot.settings import Settings
from bot.transport.aiohttp_request import AiohttpRequest
from bot.transport.outgoing import RecordingRequest
from bot.transport.retrying import RetryingRequest
from bot.transport.runner import Runner


def default_request(pool_size: int = 64) -> BaseRequest:
    """The HTTP client for Bot API calls: aiohttp, which costs far less CPU than httpx."""
    return AiohttpRequest(connection_pool_size=pool_size, read_timeout=15.0, write_timeout=30.0)


def build_application(
    services: Services,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
) -> Any:
    """The python-telegram-bot Application with every handler registered.

    `updates_request` is the runner's: without it the builder makes an HTTPXRequest of its
    own for getUpdates, which the runner never uses but start-up pays for.
    """
    # Imported here so that the core does not depend on handlers at import time.
    from handlers import command_menu, register
    from handlers.common import BotContext

    retrying = RetryingRequest(request or default_request())
    recording = RecordingRequest(
        retrying,
        services.store.log,
        services.settings.admin_ids,
        sent=services.pages_sent.message_sent,
    )
    application = (
        ApplicationBuilder()
        .token(services.settings.token())
        .base_url(services.settings.bot_api_url)
        .request(recording)
        .get_updates_request(updates_request or default_request(pool_size=1))
        .updater(None)
        .context_types(ContextTypes(context=BotContext))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .post_init(command_menu.publish)
        .rate_limiter(SendBudget(services.settings.broadcast_rate))
        .build()
    )
    application.bot_data["services"] = services
    register(application)
    return application


async def create_runner(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
    content: Content | None = None,
    poll_timeout: int | None = None,
    clock: Clock = utc_clock,
    workers: bool = True,
) -> Runner:
    """Load content, open the store, build the application; the runner owns them all.

    `clock` is the time the reminder and digest workers go by (tests move it through quiet
    hours), and the digest staff ask for under /stats.
    `workers=False` runs no background sender (announcements, stage messages, reminders,
    staff notices, daily backups): `kocca-bot chat` on a copy of a real database answers
    the person at the keyboard and sends nothing queued for anyone else.
    """
    settings.controller()  # no talent may see a privacy notice without who is responsible
    remember_secrets(settings.secrets())  # masked wherever text is shown (bot/logs.py)
    content = content or load_content(settings.content_dir)
    check_limits(settings, content)  # LEAD_WAIT_DAYS names stages content has
    load_validators()  # before any talent's answer needs them, not during it
    store = await open_store(settings)  # the erasure key, checked against the database
    await reapply_erasures(store)  # a restored backup must not bring an erased talent back
    await store.pipeline.configure(content.first_stage.key)
    taught = await store.taught.pairs()
    serve = partial(for_deployment, settings=settings)
    live = LiveContent(content, settings.content_dir, serve, taught)
    store.privacy.content_words = lambda: live.words  # kept in taught wordings at erasure
    services = Services(settings=settings, store=store, live_content=live, clock=clock)
    updates = updates_request or default_request(pool_size=1)
    application = build_application(services, request, updates)
    kwargs = {"poll_timeout": poll_timeout} if poll_timeout is not None else {}
    runner = Runner(application, store, updates, **kwargs)
    alerts = StaffAlerts(application.bot, services)
    # A database a restore replaced: later erasures reach it too, and it goes after BACKUP_KEEP
    # days (also for `chat` on a real database: an erasure made there must reach it as well).
    kept = KeptDatabases(store, settings.backup_keep)
    store.privacy.after_erasure.append(kept.erasure_made)
    runner.add_background(kept.run)
    store.db.health.subscribe(alerts.storage_changed)
    if workers:
        runner.add_background(BroadcastWorker(services, application.bot).run)
        if settings.backup_dir is not None:
            daily = DailyBackup(
                store,
                settings.backup_dir,
                settings.backup_keep,
                alerts.backup_failed,
                staff=settings.admin_ids,
            )
            runner.add_background(daily.run)
        runner.add_background(TalentUpdateWorker(services, application.bot).run)
        runner.add_background(ReminderWorker(services, application.bot, clock).run)
        runner.add_background(DigestWorker(services, application.bot, clock).run)
        runner.add_background(NoticePoster(application.bot, services).run)

    async def publish_staff_menus() -> None:
        """Admins' menus: a few Bot API calls each, after polling has started."""
        from handlers.command_menu import publish_staff_menus as publish

        await publish(application.bot, services)

    runner.add_background(publish_staff_menus)
    return runner
