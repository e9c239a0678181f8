"""Headless Chromium (Debian's, driven by Playwright) on the staff workspace.

Nothing is downloaded: Playwright starts /usr/bin/chromium once per test process (the
`chromium` fixture, tests/conftest.py), and each test opens a new browser context in it
(`chromium.context()`): no cookie, storage or cache of another test, as a fresh profile had.
Every request to telegram.org is refused, so the page runs as it does when Telegram's script
cannot load (init data from the URL fragment). What a page's scripts do wrong is collected:
an alert() (the XSS check) and any uncaught error.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.async_api import Browser, BrowserContext, Page, Playwright, async_playwright
from playwright.async_api import Error as PlaywrightError

from bot.store.users import Profile
from bot.web.server import Workspace, WorkspaceServer
from tests.harness import Harness, free_port
from tests.workspace import init_data

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 360, "height": 740}
WAIT_MS = 15_000  # generous: the suite runs on 2 busy cores


@dataclass
class Watched:
    """A page and what went wrong in it."""

    page: Page
    alerts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    async def shot(self, folder: Path | None, name: str) -> None:
        """A screenshot of what the window shows, in `folder` (`--workspace-screens`; none
        without it)."""
        if folder is not None:
            await self.page.screenshot(path=folder / f"{name}.png")


async def dismiss_toast(page: Page) -> None:
    """Tap the toast away if one shows, as staff may (it would go by itself after 6-10 s)."""
    shown = page.locator("#toast:not([hidden])")
    if await shown.count():
        await shown.click()
    await page.locator("#toast").wait_for(state="hidden")


async def drawn(page: Page, frames: int = 2) -> None:
    """Let the page draw `frames` frames: what it does in requestAnimationFrame after a change
    is done then (the toast placed again as the page is redrawn under it, or scrolled; dom.js).
    Call it once the change itself is seen: a fixed wait raced the redraw on busy cores."""
    await page.evaluate(
        """(frames) => new Promise((done) => {
          const next = (left) => (left ? requestAnimationFrame(() => next(left - 1)) : done());
          next(frames);
        })""",
        frames,
    )


def need_chromium() -> None:
    """Skip when Debian's chromium is missing (`.ci/run` installs it, so CI always has it)."""
    if not CHROMIUM.exists() or shutil.which("chromium") is None:
        pytest.skip("chromium is not installed (apt-get install chromium chromium-driver)")


class Chromium:
    """One headless Chromium, and Playwright's driver, for a whole test process: starting both
    took nearly 2 s of every browser test. Launched on first use, and again if it went away (a
    crash in an earlier test); `close` ends both at the end of the session."""

    def __init__(self) -> None:
        self.driver: Playwright | None = None
        self.browser: Browser | None = None
        self.tasks: set[asyncio.Task[Any]] = set()  # the driver's: not a test's to cancel

    async def running(self) -> Browser:
        """The browser, launched now if it is not running."""
        if self.browser is None or not self.browser.is_connected():
            await self.close()
            before = asyncio.all_tasks()
            self.driver = await async_playwright().start()
            self.browser = await self.driver.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=FLAGS
            )
            self.tasks = asyncio.all_tasks() - before
        return self.browser

    @asynccontextmanager
    async def context(self) -> AsyncIterator[BrowserContext]:
        """A new browser context (its own cookies, storage and cache, as a fresh profile):
        a desktop window, telegram.org unreachable. Closed after, whatever happened in it."""
        options: dict[str, Any] = {"viewport": DESKTOP}
        try:
            context = await (await self.running()).new_context(**options)
        except PlaywrightError:  # its driver went away with an earlier test, unseen: anew
            await self.close()
            context = await (await self.running()).new_context(**options)
        try:
            context.set_default_timeout(WAIT_MS)
            await context.route("https://telegram.org/**", lambda route: route.abort())
            yield context
        finally:
            with suppress(PlaywrightError):  # the browser itself may have gone with the test
                await context.close()

    async def close_contexts(self) -> None:
        """Close any context a test left open (a helper that failed before closing its own)."""
        if self.browser is not None and self.browser.is_connected():
            for context in self.browser.contexts:
                with suppress(PlaywrightError):
                    await context.close()

    async def close(self) -> None:
        """Close the browser and stop the driver (its Node process), if they run."""
        browser, driver = self.browser, self.driver
        self.browser = self.driver = None
        if browser is not None:
            with suppress(PlaywrightError):
                await browser.close()
        if driver is not None:
            with suppress(PlaywrightError):
                await driver.stop()


def cancel_left(loop: asyncio.AbstractEventLoop, before: set[asyncio.Task[Any]]) -> None:
    """Cancel the tasks a test left running on the shared loop (not started before it), and
    let them end, as closing a test's own loop did."""
    left = asyncio.all_tasks(loop) - before
    for task in left:
        task.cancel()
    if left:
        loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))


async def watched(context: BrowserContext) -> Watched:
    """A new page whose alerts and uncaught errors are recorded (alerts dismissed)."""
    page = await context.new_page()
    seen = Watched(page)

    async def on_dialog(dialog: Any) -> None:
        seen.alerts.append(dialog.message)
        await dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    return seen


@asynccontextmanager
async def served(bot: Harness, *, started: bool = True) -> AsyncIterator[str]:
    """The bot's workspace on a loopback port, as in polling mode; its base URL. `started`:
    each admin has started the bot's chat, where the workspace's menu button is (named as
    `page_url` signs them in), else the page says its reports cannot reach them."""
    services = bot.runner.application.bot_data["services"]
    for admin in bot.settings.admin_ids if started else ():
        if await services.store.users.get(admin) is None:
            await services.store.record_incoming(
                Profile(admin, "Admin", None, None, "id"), "id", None
            )
    workspace = Workspace(services, bot.runner.application.bot)
    port = free_port()
    server = WorkspaceServer(workspace, "127.0.0.1", port)
    await workspace.start()
    await server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await server.stop()
        await workspace.stop()


async def opened(
    context: BrowserContext, base: str, bot: Harness, user_id: int, size: dict[str, int] = PHONE
) -> Watched:
    """A new watched page of the workspace, signed in as `user_id`, at this size (a phone's
    unless said)."""
    seen = await watched(context)
    await seen.page.set_viewport_size(size)  # type: ignore[arg-type]
    await seen.page.goto(page_url(base, bot, user_id))
    return seen


def page_url(
    base: str, bot: Harness, user_id: int, language: str = "id", auth_date: int | None = None
) -> str:
    """/staff/ with init data in the fragment, as Telegram passes it (signed at auth_date,
    else now)."""
    signed = init_data(bot.settings.token(), user_id, language=language, auth_date=auth_date)
    data = quote(signed, safe="")
    return f"{base}/staff/#tgWebAppData={data}&tgWebAppVersion=8.0"


async def in_colour(element: Any, variable: str) -> bool:
    """Whether an element's words are in one of the page's colours ("--hint", "--danger")."""
    same: bool = await element.evaluate(
        """(element, variable) => {
          const probe = document.createElement("span");
          probe.style.color = `var(${variable})`;
          element.parentElement.append(probe);
          const wanted = getComputedStyle(probe).color;
          probe.remove();
          return getComputedStyle(element).color === wanted;
        }""",
        variable,
    )
    return same
