"""Headless Chromium (Debian's, driven by Playwright) on the staff workspace.

Nothing is downloaded: Playwright starts /usr/bin/chromium with a fresh profile, and every
request to telegram.org is refused, so the page runs as it does when Telegram's script
cannot load (init data from the URL fragment). What a page's scripts do wrong is collected:
an alert() (the XSS check) and any uncaught error.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.async_api import BrowserContext, Page, async_playwright

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


def need_chromium() -> None:
    """Skip when Debian's chromium is missing (`.ci/run` installs it, so CI always has it)."""
    if not CHROMIUM.exists() or shutil.which("chromium") is None:
        pytest.skip("chromium is not installed (apt-get install chromium chromium-driver)")


@asynccontextmanager
async def chromium(profile: Path) -> AsyncIterator[BrowserContext]:
    """A headless Chromium with a fresh profile; telegram.org unreachable."""
    need_chromium()
    async with async_playwright() as driver:
        context = await driver.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport=DESKTOP,  # type: ignore[arg-type]
        )
        context.set_default_timeout(WAIT_MS)
        await context.route("https://telegram.org/**", lambda route: route.abort())
        try:
            yield context
        finally:
            await context.close()


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
async def served(bot: Harness) -> AsyncIterator[str]:
    """The bot's workspace on a loopback port, as in polling mode; its base URL."""
    services = bot.runner.application.bot_data["services"]
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


def page_url(
    base: str, bot: Harness, user_id: int, language: str = "id", auth_date: int | None = None
) -> str:
    """/staff/ with init data in the fragment, as Telegram passes it (signed at auth_date,
    else now)."""
    signed = init_data(bot.settings.token(), user_id, language=language, auth_date=auth_date)
    data = quote(signed, safe="")
    return f"{base}/staff/#tgWebAppData={data}&tgWebAppVersion=8.0"
