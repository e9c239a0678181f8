"""The content the running bot serves, and reloading it without a restart.

A reload reads content/ again and passes it through every check of `load_content`; only
content without problems replaces what the bot serves, whole, between two updates. Invalid
content is refused with the list of its problems, and the bot keeps the previous content.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bot.answers.checks import TaughtClash, taught_clashes
from bot.answers.matcher import Matcher, words_said
from bot.content import Content, ContentError, load_content
from bot.leads import retired_choices
from bot.leads.retired_choices import Retired
from bot.store import Store

log = logging.getLogger(__name__)

Trigger = Literal["signal", "command"]
Taught = Callable[[], Awaitable[Iterable[tuple[str, str]]]]  # the taught phrasings, as stored


class LiveContent:
    """Holds the current content and its free-question index; `current` is what every
    handler reads."""

    def __init__(
        self,
        content: Content,
        folder: Path,
        serve: Callable[[Content], Content] | None = None,
        taught: Iterable[tuple[str, str]] = (),
    ) -> None:
        self._serve = serve or (lambda loaded: loaded)  # the deployment's view of content/
        self._content = self._serve(content)
        self._taught = tuple(taught)  # (entry, text) staff taught the bot (bot/web/teach.py)
        self._matcher = Matcher.build(self._content, self._taught)
        self._words = words_said(self._content)
        self.folder = folder
        self._lock = asyncio.Lock()  # SIGHUP and /reload at once: one after the other

    @property
    def current(self) -> Content:
        """The content served now."""
        return self._content

    @property
    def words(self) -> frozenset[str]:
        """Every word the content's FAQ entries and program pages say (lower case)."""
        return self._words

    @property
    def matcher(self) -> Matcher:
        """The index of the content served now (free questions, bot/answers)."""
        return self._matcher

    @property
    def taught(self) -> tuple[tuple[str, str], ...]:
        """The taught phrasings indexed now, as (entry, text)."""
        return self._taught

    async def reload(self, taught: Taught | None = None) -> Content:
        """Read the folder again (and the taught phrasings, if given where from: an index
        built without some, its build having failed, is put right); raise ContentError
        (keeping the current content) if invalid."""
        async with self._lock:
            content = await asyncio.to_thread(load_content, self.folder)
            served = self._serve(content)
            served.retired = retired_choices.labels(self._content, served)
            pairs = self._taught if taught is None else tuple(await taught())
            matcher, words = await asyncio.to_thread(_indexed, served, pairs)
            # All at once, between updates.
            self._content, self._matcher, self._taught = served, matcher, pairs
            self._words = words
            return served

    async def teach(self, taught: Taught) -> Matcher:
        """Index the content served now again with the taught phrasings (all of them, read
        once this index is the next to be built, so that two staff members teaching at once
        both count): a phrasing taught or removed counts from the next message."""
        async with self._lock:
            pairs = tuple(await taught())
            if pairs == self._taught:
                return self._matcher  # an erasure that masked no name: nothing to build
            matcher = await asyncio.to_thread(Matcher.build, self._content, pairs)
            self._taught, self._matcher = pairs, matcher
            return matcher


def _indexed(content: Content, taught: Iterable[tuple[str, str]]) -> tuple[Matcher, frozenset[str]]:
    """The index of new content and the words it says, off the event loop."""
    return Matcher.build(content, taught), words_said(content)


@dataclass(frozen=True, slots=True)
class Reloaded:
    """The outcome of a reload: the new content, or the problems that kept the old one."""

    content: Content | None
    problems: list[str] = field(default_factory=list)
    clashes: list[TaughtClash] = field(default_factory=list)  # taught wordings it unsettles
    retired: list[Retired] = field(default_factory=list)  # removed choices forms still hold


async def reload_content(
    live: LiveContent,
    store: Store,
    trigger: Trigger,
    staff_id: int | None = None,
    language: str = "id",
) -> Reloaded:
    """Reload content/, log and record the outcome (SIGHUP on the server, or /reload)."""
    before = live.current
    try:
        content = await live.reload(store.taught.pairs)
    except ContentError as error:
        log.error(
            "Content reload (%s) refused; still serving the previous content. %d problem(s):\n%s",
            trigger,
            len(error.problems),
            "\n".join(f"  {problem}" for problem in error.problems),
        )
        await store.content_log.record_reload(trigger, staff_id, error.problems)
        return Reloaded(None, error.problems)
    log.info(
        "Content reloaded (%s) from %s: %d programs, %d FAQ entries, %d questions",
        trigger,
        live.folder,
        len(content.programs),
        len(content.faq),
        len(content.questions),
    )
    # New leads enter at the first stage of the content now served.
    await store.pipeline.configure(content.first_stage.key)
    await store.content_log.record_reload(trigger, staff_id, [])
    clashes = await asyncio.to_thread(taught_clashes, content, live.taught)
    if clashes:  # counted, not quoted: a wording may hold a talent's word
        log.warning(
            "%d taught wording(s) clash with the reloaded content or lost their entry",
            len(clashes),
        )
    retired = await _retired(store, before, content, language)
    if retired:  # counted: a stored answer is a talent's
        log.warning(
            "%d choice(s) the reloaded form no longer offers are held by %d lead(s) and"
            " %d draft(s)",
            len(retired),
            sum(item.leads for item in retired),
            sum(item.drafts for item in retired),
        )
    return Reloaded(content, clashes=clashes, retired=retired)


async def _retired(store: Store, before: Content, after: Content, language: str) -> list[Retired]:
    """The choices the new content removed that stored leads or drafts still hold (each with
    its last label, as the reload kept it in `after.retired`)."""
    gone = retired_choices.removed(before, after)
    if not gone:
        return []
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for key, value, status, forms in await store.applications.holding(list(gone)):
        if value in gone.get(key, ()):
            counts.setdefault((key, value), {})[status] = forms
    found = []
    for key, values in gone.items():
        for value in values:
            held = counts.get((key, value), {})
            if held.get("submitted", 0) or held.get("draft", 0):
                found.append(
                    Retired(
                        question=after.questions[key].label.get(language),
                        value=value,
                        label=after.retired[key, value].get(language),
                        leads=held.get("submitted", 0),
                        drafts=held.get("draft", 0),
                    )
                )
    return found


def reload_on_hangup(loop: asyncio.AbstractEventLoop, live: LiveContent, store: Store) -> None:
    """`kill -HUP <pid>` reloads content/ (the outcome goes to the log)."""
    running: set[asyncio.Task[Reloaded]] = set()  # keeps each task alive until it ends

    def finished(task: asyncio.Task[Reloaded]) -> None:
        running.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("Content reload on SIGHUP failed", exc_info=task.exception())

    def hangup() -> None:
        task = loop.create_task(reload_content(live, store, "signal"))
        running.add(task)
        task.add_done_callback(finished)

    loop.add_signal_handler(signal.SIGHUP, hangup)
