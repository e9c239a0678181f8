"""Gets updates from Telegram durably and hands them to the Application.

python-telegram-bot's Updater acknowledges an update before any handler runs,
and retries forever a batch it cannot parse. Here every update is committed to
the inbox first, acknowledged only after that (the next getUpdates offset),
parsed one by one, processed in order per user and concurrently across users,
and marked done. Whatever was stored but not done is processed at start-up.

When the database cannot be written (disk full, read-only, I/O error), nothing is
acknowledged that was not stored: the batch in hand is retried with backoff (Telegram keeps
the rest), and updates already stored wait, in order, to be processed again once writing
works; the runner never gives up on them while it runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.error import Conflict, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData
from telegram.request._requestparameter import RequestParameter

from bot.store import LogEntry, Store, StoredUpdate
from bot.store.health import MAX_BACKOFF as MAX_STORAGE_BACKOFF
from bot.store.health import is_storage_error
from bot.transport import json_codec
from bot.transport.flood import TalentInput, Verdict, dropped_entry, talent_input
from bot.transport.sequencer import KeyedSequencer
from bot.transport.updates import malformed, sequence_key

log = logging.getLogger(__name__)

POLL_TIMEOUT = 25  # seconds Telegram holds a getUpdates call open
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
MAX_BACKOFF = 30.0
MAX_DELIVERY_ATTEMPTS = 10  # about a quarter of an hour of Telegram outage

Background = Callable[[], Coroutine[Any, Any, None]]


class Runner:
    """Owns the life of one bot process: start, feed updates, stop."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        store: Store,
        updates_request: BaseRequest,
        *,
        poll_timeout: int = POLL_TIMEOUT,
    ) -> None:
        self.application = application
        self.store = store
        self._updates_request = updates_request
        self._poll_timeout = poll_timeout
        self._sequencer: KeyedSequencer[StoredUpdate] = KeyedSequencer(self._process)
        self._poll_task: asyncio.Task[None] | None = None
        self._stopped = asyncio.Event()
        self._fed = asyncio.Condition()
        self.highest_fed = 0
        self.first_poll = asyncio.Event()
        self._background: list[Background] = []
        self._background_tasks: list[asyncio.Task[None]] = []
        # Updates fed in this process, as parsed from getUpdates: no second json.loads.
        self._parsed: dict[int, dict[str, Any]] = {}
        # Flood control's verdicts on updates not stored yet (kept while the disk is full).
        self._judged: dict[int, TalentInput | None] = {}
        # How many erasures this process had made when each update in hand was stored (those
        # stored before it started: none). See _process.
        self._erasures_before: dict[int, int] = {}

    def add_background(self, factory: Background) -> None:
        """Run a long-lived coroutine (e.g. the broadcast worker) from start() until stop()."""
        self._background.append(factory)

    async def start(self, *, polling: bool = True) -> None:
        """Initialise the application, replay stored updates, then start polling."""
        await self._updates_request.initialize()
        await self.application.initialize()
        if self.application.post_init is not None:
            await self.application.post_init(self.application)
        await self.application.start()
        pending = await self.store.inbox.pending()
        if pending:
            log.info(
                "Replaying %d stored update(s) not processed before the last stop", len(pending)
            )
        for stored in pending:
            self._sequencer.submit(stored.sequence_key, stored)
        if polling:
            # A webhook left over from webhook mode would make every getUpdates fail.
            await self.application.bot.delete_webhook()
            self._poll_task = asyncio.create_task(self._poll(), name="runner:poll")
        self._background_tasks = [
            asyncio.create_task(factory(), name=f"runner:{factory.__qualname__}")
            for factory in self._background
        ]

    async def feed(self, raw_updates: list[Any]) -> list[StoredUpdate]:
        """Store new updates (committed), then queue them; return those that were new.

        Flood control judges each talent's input here, before it is parsed: what it drops is
        stored as processed, without content, and never queued.
        """
        batch: list[StoredUpdate] = []
        dropped: list[tuple[StoredUpdate, LogEntry]] = []
        for raw in raw_updates:
            update_id = raw.get("update_id") if isinstance(raw, dict) else None
            if not isinstance(update_id, int):
                log.warning("Skipping an update without a numeric update_id")
                continue
            # Judged once per update: a batch retried while the disk is full counts once.
            if update_id not in self._judged:
                self._judged[update_id] = self._flooded(update_id, raw)
            flooded = self._judged[update_id]
            if flooded is not None:
                key = sequence_key(raw)
                dropped.append(
                    (StoredUpdate(update_id, "{}", key), dropped_entry(update_id, flooded))
                )
                continue
            payload = json_codec.dumps(raw).decode()
            batch.append(StoredUpdate(update_id, payload, sequence_key(raw)))
        erasures = self.store.privacy.erasures
        new = await self.store.inbox.add_new(batch, dropped)
        for item in [*batch, *(stored for stored, _ in dropped)]:
            self._judged.pop(item.update_id, None)
        raw_by_id = {raw.get("update_id"): raw for raw in raw_updates if isinstance(raw, dict)}
        for stored in new:
            self._parsed[stored.update_id] = raw_by_id[stored.update_id]
            self._erasures_before[stored.update_id] = erasures
            self._sequencer.submit(stored.sequence_key, stored)
        ids = [item.update_id for item in batch] + [item.update_id for item, _ in dropped]
        if ids:
            async with self._fed:
                self.highest_fed = max(self.highest_fed, *ids)
                self._fed.notify_all()
        return new

    def _flooded(self, update_id: int, raw: Any) -> TalentInput | None:
        """The talent input to drop unprocessed (flood control), or None to process it.

        The first input over the limit is processed, only for the polite notice
        (handlers/flood.py): its id goes to `flood_notices`.
        """
        services = self.application.bot_data["services"]
        talent = talent_input(raw)
        if talent is None or services.settings.is_admin(talent.user_id):
            return None
        verdict = services.flood.check(talent.user_id)
        if verdict is Verdict.DROP_AND_WARN:
            services.flood_notices.add(update_id)
        return talent if verdict is Verdict.DROP else None

    async def wait_idle(self) -> None:
        """Return when every stored update has been processed."""
        await self._sequencer.wait_idle()

    async def settle(self, update_id: int) -> None:
        """Return once the update with this id (and all before it) has been processed."""
        async with self._fed:
            await self._fed.wait_for(lambda: self.highest_fed >= update_id)
        await self._sequencer.wait_idle()

    async def stop(self, *, grace: float = 20.0) -> None:
        """Stop taking updates, finish those in hand (up to `grace` seconds), shut down."""
        if self._stopped.is_set():
            return
        self._stopped.set()
        if self._poll_task is not None:
            self._poll_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poll_task
        for task in self._background_tasks:
            task.cancel()  # a background task may finish what it has in hand before it ends
        await asyncio.gather(*self._background_tasks, return_exceptions=True)
        if not self.store.db.health.writable:
            grace = 0.0  # nothing can be finished: what is stored is replayed at next start
        try:
            async with asyncio.timeout(grace):  # unlike wait_for(…, 0), done at once if idle
                await self._sequencer.wait_idle()
        except TimeoutError:
            log.warning("Stopping with updates still in hand; they are replayed at next start")
            await self._sequencer.cancel()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()
        await self._updates_request.shutdown()
        await self.store.close()

    async def _poll(self) -> None:
        """Long-poll getUpdates; the offset acknowledges only what is already stored."""
        offset: int | None = None
        backoff = 1.0
        while True:
            params: dict[str, Any] = {
                "timeout": self._poll_timeout,
                "allowed_updates": ALLOWED_UPDATES,
            }
            if offset is not None:
                params["offset"] = offset
            try:
                result = await self._updates_request.post(
                    url=f"{self.application.bot.base_url}/getUpdates",
                    request_data=RequestData(
                        [RequestParameter.from_input(key, value) for key, value in params.items()]
                    ),
                    read_timeout=self._poll_timeout + 10,
                )
            except RetryAfter as error:
                await asyncio.sleep(_seconds(error.retry_after))
                continue
            except TimedOut:
                continue
            except InvalidToken:
                log.critical("Telegram rejected the bot token; stopping the update loop")
                return
            except Conflict:
                log.error("Another process or a webhook is taking this bot's updates; retrying")
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
                continue
            except NetworkError as error:
                log.warning("getUpdates failed (%s); retrying in %.0f s", error, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
                continue
            backoff = 1.0
            self.first_poll.set()
            updates = result if isinstance(result, list) else []
            await self._feed_until_stored(updates)
            ids = [raw["update_id"] for raw in updates if isinstance(raw.get("update_id"), int)]
            if ids:
                offset = max(ids) + 1

    async def _feed_until_stored(self, updates: list[Any]) -> None:
        """Store a batch, waiting out a database that cannot be written (nothing is acked)."""

        async def store() -> None:
            await self.feed(updates)

        await self._until_stored(store)

    async def _until_stored(self, write: Callable[[], Coroutine[Any, Any, None]]) -> None:
        """Run a store write, retrying with backoff while the database cannot be written."""
        health = self.store.db.health
        backoff = 1.0
        while True:
            try:
                await write()
            except Exception as error:
                if not is_storage_error(error):
                    raise
            else:
                if backoff > 1.0:
                    health.retried()
                return
            await health.wait_back(backoff)
            backoff = min(backoff * 2, MAX_STORAGE_BACKOFF)

    async def _process(self, stored: StoredUpdate) -> None:
        """Parse one stored update, run the handlers, mark it done."""
        raw = self._parsed.pop(stored.update_id, None)
        erasures = self._erasures_before.pop(stored.update_id, 0)
        try:
            if raw is None:  # stored before the last stop
                raw = json_codec.loads(stored.payload)
            update = Update.de_json(raw, self.application.bot)
            problem = malformed(update)
        except Exception as error:  # any malformed update: keep it, log it, move on
            problem = f"{type(error).__name__}: {error}"
        if problem is not None:
            log.warning(
                "Update %d could not be used (%s); kept in the inbox and skipped",
                stored.update_id,
                problem,
            )
            await self._until_stored(
                lambda: self.store.inbox.finish(stored.update_id, "unparseable")
            )
            return
        services = self.application.bot_data["services"]
        undelivered: set[int] = services.undelivered
        unstored: set[int] = services.unstored
        attempt = 0
        storage_backoff = 1.0
        while attempt < MAX_DELIVERY_ATTEMPTS:
            await self.application.process_update(update)
            self._forget(update)
            if stored.update_id in unstored:
                # The database could not be written: nothing was accepted or said (the handler
                # stopped at its first failed write); run it again once writing works.
                unstored.discard(stored.update_id)
                undelivered.discard(stored.update_id)
                await self.store.db.health.wait_back(storage_backoff)
                storage_backoff = min(storage_backoff * 2, MAX_STORAGE_BACKOFF)
                continue
            if storage_backoff > 1.0:
                self.store.db.health.retried()
            if stored.update_id not in undelivered:
                # Handled: only the mark is left; never run the handler (and reply) twice for it.
                await self._until_stored(lambda: self.store.inbox.finish(stored.update_id))
                if self.store.privacy.erasures != erasures:
                    # An erasure ran while this update was stored and not done: it could not
                    # empty the update's stored copy (pending), which may quote the erased
                    # talent. Emptied now; the old page goes from the database files too.
                    await self.store.db.scrub()
                return
            undelivered.discard(stored.update_id)
            # Handlers are idempotent: a second run re-sends the reply without storing twice.
            await asyncio.sleep(min(MAX_BACKOFF * 4, 2.0 * 2**attempt))
            attempt += 1
        log.error(
            "Update %d still undelivered after %d attempts; kept for the next start",
            stored.update_id,
            MAX_DELIVERY_ATTEMPTS,
        )

    def _forget(self, update: Update) -> None:
        """Drop what python-telegram-bot kept for this update's user and chat.

        Without persistence, the Application still adds every user and chat id to sets meant
        for the next persistence flush, which never comes, and a handler touching user_data
        or chat_data would leave an entry behind. State belongs in SQLite: handlers do not use
        user_data or chat_data, and anything put there is gone once the update is handled.
        """
        application = self.application
        if update.effective_user is not None:
            application.drop_user_data(update.effective_user.id)
        if update.effective_chat is not None:
            application.drop_chat_data(update.effective_chat.id)
        if application.persistence is None:
            application._user_ids_to_be_updated_in_persistence.clear()
            application._chat_ids_to_be_updated_in_persistence.clear()
            application._user_ids_to_be_deleted_in_persistence.clear()
            application._chat_ids_to_be_deleted_in_persistence.clear()


def _seconds(value: Any) -> float:
    """retry_after may be an int or a timedelta depending on library settings."""
    if hasattr(value, "total_seconds"):
        return float(value.total_seconds())
    return float(value)
