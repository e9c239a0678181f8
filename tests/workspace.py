"""The staff workspace in tests: init data signed as Telegram signs it, and an HTTP client."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.web import auth
from bot.web.server import Workspace
from tests.harness import Harness


def init_data(
    token: str,
    user_id: int,
    *,
    language: str | None = "id",
    auth_date: int | None = None,
    first_name: str = "Admin",
) -> str:
    """What Telegram hands the page of a user who opened the workspace from the menu."""
    when = int(time.time()) if auth_date is None else auth_date
    return auth.sign(auth.user_fields(user_id, first_name, language, when), token)


class Client:
    """The workspace's API as the page calls it, as one Telegram user."""

    def __init__(
        self,
        http: TestClient[web.Request, web.Application],
        data: str,
        served: Workspace | None = None,
    ) -> None:
        self.http = http
        self.data = data
        self.served = served  # the workspace behind it, for what only memory holds

    async def call(self, action: str, body: Any = None, **headers: str) -> tuple[int, Any]:
        """POST /staff/api/<action>: the status and the JSON answer."""
        sent = {"Authorization": f"tma {self.data}", **headers}
        response = await self.http.post(f"/staff/api/{action}", json=body or {}, headers=sent)
        return response.status, await response.json()

    async def ok(self, action: str, body: Any = None) -> Any:
        """A call that must succeed; its JSON answer."""
        status, answer = await self.call(action, body)
        assert status == 200, (status, answer)
        return answer

    def as_user(self, data: str) -> Client:
        """The same server, as someone else."""
        return Client(self.http, data, self.served)


@asynccontextmanager
async def workspace(bot: Harness, user_id: int, **options: Any) -> AsyncIterator[Client]:
    """The running bot's workspace on a test server; a client signed in as `user_id`."""
    services = bot.runner.application.bot_data["services"]
    served = Workspace(services, bot.runner.application.bot, **options)
    await served.start()
    app = web.Application()
    served.mount(app)
    http: TestClient[web.Request, web.Application] = TestClient(TestServer(app))
    await http.start_server()
    try:
        yield Client(http, init_data(bot.settings.token(), user_id), served)
    finally:
        await http.close()
        await served.stop()
