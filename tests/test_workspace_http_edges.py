"""HTTP as clients other than the page speak it (an attacker's review, session 57): a HEAD on the
one-time export link (M4) and a body that is not the gzip it claims on a kept-alive
connection (L7)."""

from __future__ import annotations

import asyncio

from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded
from tests.subscribers import WAIT_TIMEOUT
from tests.workspace import workspace


async def _raw(host: str, port: int, request: str) -> tuple[str, bytes]:
    """One request on a connection of its own: the answer's head and every byte after it."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(request.encode())
        await writer.drain()
        async with asyncio.timeout(WAIT_TIMEOUT):  # a generous bound, not a timing assertion
            answer = await reader.read()  # Connection: close: up to the server's close
    finally:
        writer.close()
    head, _, rest = answer.partition(b"\r\n\r\n")
    return head.decode(), rest


async def test_a_head_request_leaves_the_export_link_for_its_download(bot: Harness) -> None:
    """A proxy, a link checker or a download manager looking first used the link up, and
    its answer carried the whole file (which HEAD must not)."""
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    async with workspace(bot, ADMIN_ID) as client:
        ready = await client.ok("export", {"format": "csv"})
        link = f"/staff/{ready['path']}"
        host, port = client.http.host, client.http.port
        assert port is not None
        head = f"HEAD {link} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        looked, body = await _raw(host, port, head)
        assert looked.startswith("HTTP/1.1 200")
        assert f'filename="{ready["name"]}"' in looked
        assert body == b""  # the headers only
        fetched = await client.http.get(link)
        assert fetched.status == 200
        data = await fetched.read()
        assert "Sari Dewi Lestari" in data.decode("utf-8-sig")
        assert f"Content-Length: {len(data)}" in looked.splitlines()
        assert (await client.http.get(link)).status == 404  # once, all the same
        used, body = await _raw(host, port, head)
        assert used.startswith("HTTP/1.1 404") and body == b""


async def test_a_body_that_is_not_its_gzip_closes_the_connection(bot: Harness) -> None:
    """The next request on the same kept-alive connection was never answered."""
    async with workspace(bot, ADMIN_ID) as client:
        signed = {"Authorization": f"tma {client.data}"}
        broken = await client.http.post(
            "/staff/api/session", data=b"not gzip", headers={**signed, "Content-Encoding": "gzip"}
        )
        assert broken.status == 400
        assert (await broken.json())["detail"] == "body could not be read"
        assert broken.headers["Connection"] == "close"
        async with asyncio.timeout(WAIT_TIMEOUT):  # a generous bound, not a timing assertion
            status, _ = await client.call("session")
        assert status == 200
