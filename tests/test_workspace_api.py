"""The staff workspace's API through aiohttp's test client, with init data signed in the test:
who gets in, what bad input gets, and every staff action with its audit entry."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import random
import re
import sqlite3
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest

from bot.emulator import EmulatedChat, EmulatedUser
from bot.leads import desk_stats
from bot.leads.export import plain_text
from bot.store import Store
from bot.store.workspace import SORTS
from bot.texts import Text
from bot.web import auth
from bot.web.listing import page_texts
from bot.web.server import static_files
from tests.browser import served
from tests.conftest import ADMIN_ID
from tests.harness import TEST_FORWARDING, Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, Seed, apply, realistic, seed, seeded
from tests.test_answers import a_week_of_questions
from tests.test_pipeline import SECOND_ADMIN, expected_message, rows, wait_sent
from tests.test_support import answer as answer_in_group
from tests.test_support import answer_words, relayed_question, staff_member
from tests.upgrades import made_before
from tests.workspace import Client, init_data, workspace

TOKEN = "123456:TEST-token_for-the-workspace"
STRANGER = 4242


# A listed question none of whose talents opened an entry offered.
NOBODY_CHOSE = {"chosen": None, "chosen_entry": None, "chosen_by": 0}


def telegram_signs(fields: dict[str, str], token: str) -> str:
    """Telegram's published algorithm, written here apart from the bot's code: the secret is
    HMAC-SHA256 of the token keyed with "WebAppData"; the hash, of the fields sorted by name,
    one `key=value` a line, keyed with that secret; the values URL-encoded in the query."""
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    lines = "\n".join(f"{key}={value}" for key, value in sorted(fields.items()))
    digest = hmac.new(secret, lines.encode(), hashlib.sha256).hexdigest()
    return urlencode({**fields, "hash": digest})


def test_init_data_is_checked_as_telegram_documents() -> None:
    now = 1_760_000_000
    user = json.dumps({"id": ADMIN_ID, "first_name": "Dewi 🎬", "language_code": "en"})
    fields = {"user": user, "auth_date": str(now), "query_id": "AAE&x=1", "signature": "abc"}
    raw = telegram_signs(fields, TOKEN)

    checked = auth.validate(raw, TOKEN, max_age=3600, now=now + 10)
    assert (checked.id, checked.first_name, checked.language_code) == (ADMIN_ID, "Dewi 🎬", "en")

    def cause(data: str, **options: Any) -> str:
        with pytest.raises(auth.AuthError) as refused:
            auth.validate(
                data, options.get("token", TOKEN), max_age=3600, now=options.get("at", now)
            )
        return refused.value.cause

    assert cause(telegram_signs(fields, "654321:another-bot")) == "signature"
    assert cause(raw + "&can_send_after=1") == "signature"  # a field added after signing
    assert cause(raw.replace(f"auth_date={now}&", "")) == "signature"  # a field removed
    assert cause(raw.replace("Dewi", "Budi")) == "signature"
    assert cause(raw + f"&auth_date={now}") == "malformed"  # the same field twice
    assert cause(raw, at=now + 3601) == "expired"
    assert cause(raw, at=now - 3600) == "expired"  # signed an hour ahead of our clock
    assert cause("") == "missing"
    assert cause("%%%=&&") == "malformed"
    assert cause("x" * 5000) == "malformed"
    assert auth.from_header("tma abc") == "abc" and auth.from_header("Bearer abc") == ""


async def test_refusals_are_short_say_nothing_of_talents_and_log_once_per_cause(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await seeded(bot.database, [Seed(7001, {**MUSICIAN, "full_name": "Rina Wulandari"})])
    token = bot.settings.token()
    now = int(time.time())
    good = init_data(token, ADMIN_ID)
    forged = good[:-4] + ("0000" if not good.endswith("0000") else "1111")
    other_bot = init_data("999:another-bot-token", ADMIN_ID)
    added = good + "&start_param=x"
    removed = "&".join(part for part in good.split("&") if not part.startswith("chat_type"))
    old = init_data(token, ADMIN_ID, auth_date=now - 3601)
    async with workspace(bot, ADMIN_ID) as client:
        assert (await client.ok("leads"))["total"] == 1
        with caplog.at_level(logging.INFO):
            refused = [
                await client.as_user(data).call("leads")
                for data in ("", forged, other_bot, added, removed, old, forged)
            ]
            stranger = await client.as_user(init_data(token, STRANGER)).call("leads")
            bot.settings.admin_ids = frozenset()  # taken out of ADMIN_IDS meanwhile
            removed_admin = await client.call("leads")
        plain = await client.http.post("/staff/api/leads", json={})
        assert plain.headers["Cache-Control"] == "no-store"
        assert (
            "frame-ancestors https://web.telegram.org" in plain.headers["Content-Security-Policy"]
        )
    assert refused == [(401, {"error": "unauthorized"})] * 7
    assert stranger == removed_admin == (403, {"error": "forbidden"})
    lines = [record.getMessage() for record in caplog.records if "Workspace refused" in record.msg]
    causes = [line.split("(")[1].split(")")[0] for line in lines]
    assert sorted(causes) == ["expired", "missing", "not_staff", "signature"]  # once a minute
    assert not any(part in caplog.text for part in (good, forged[-20:], "Rina"))


async def test_a_workspace_refusal_line_names_where_they_came_from_and_the_last_is_written(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """As the chat's refusal lines (the attack review s61, L1): a line named one address as
    "the latest" (a decoy's request at the start of each minute hid the attacker's ten), and
    the last minute's refusals were never written when no request came after them."""
    decoy, attacker = "127.0.0.2", "127.0.0.3"
    now = [1000.0]
    bot.runner.application.bot_data["services"].refusals.clock = lambda: now[0]
    jobs = bot.runner.application.job_queue
    assert jobs is not None
    (job,) = jobs.get_jobs_by_name("refusals")
    good = init_data(bot.settings.token(), ADMIN_ID)
    forged = good[:-4] + ("0000" if not good.endswith("0000") else "1111")
    stranger = init_data(bot.settings.token(), STRANGER)

    async def knock(source: str, data: str) -> int:
        connector = aiohttp.TCPConnector(local_addr=(source, 0))
        async with aiohttp.ClientSession(connector=connector) as session:
            headers = {"Authorization": f"tma {data}"}
            async with session.post(f"{base}/staff/api/leads", json={}, headers=headers) as got:
                return got.status

    async with served(bot) as base:
        with caplog.at_level(logging.WARNING):
            for _ in range(3):
                assert await knock(decoy, forged) == 401
                for _ in range(10):
                    assert await knock(attacker, forged) == 401
                assert await knock(attacker, stranger) == 403
                now[0] += 30
                await job.run(bot.runner.application)  # the minute is not over: nothing yet
                now[0] += 31
            await job.run(bot.runner.application)  # nothing comes after: the job writes it
            await job.run(bot.runner.application)  # once only
    line = "Workspace refused {} ({}) since the last report, from {}"
    both = f"addresses {attacker} x10, {decoy} x1"  # who was refused most first
    once = f"address {attacker} x1"
    lines = [
        r.getMessage() for r in caplog.records if r.getMessage().startswith("Workspace refused")
    ]
    assert lines == [
        line.format("1 request", "signature", f"address {decoy} x1"),
        line.format("1 request", "not_staff", once),
        *[
            line.format("11 requests", "signature", both),
            line.format("1 request", "not_staff", once),
        ]
        * 2,
        line.format("10 requests", "signature", f"address {attacker} x10"),
    ]


async def test_bad_input_gets_a_short_400_and_no_traceback(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    async with workspace(bot, ADMIN_ID) as client:
        headers = {"Authorization": f"tma {client.data}", "Content-Type": "application/json"}

        async def raw(body: bytes) -> tuple[int, Any]:
            response = await client.http.post("/staff/api/leads", data=body, headers=headers)
            return response.status, await response.json()

        with caplog.at_level(logging.INFO):
            assert await raw(b"{" * 10) == (400, {"error": "bad_request", "detail": "not JSON"})
            # Python's json reads these words as numbers; they are not JSON.
            for constant in (b"NaN", b"Infinity", b"-Infinity"):
                body = b'{"id": 1, "page": ' + constant + b"}"
                assert await raw(body) == (400, {"error": "bad_request", "detail": "not JSON"})
            assert (await raw(b"[" * 100_000 + b"]" * 100_000))[0] == 400
            big = json.dumps({"filter": {"q": "x" * 70_000}}).encode()
            assert await raw(big) == (400, {"error": "bad_request", "detail": "body too large"})
            assert (await raw(b"[1]"))[0] == 400
            assert (await raw(b'{"filter": {"q": "\\ud800"}}'))[0] == 400
            # A body that says it is gzipped and is not.
            gzipped = {**headers, "Content-Encoding": "gzip", "Connection": "close"}
            response = await client.http.post("/staff/api/leads", data=b"{}", headers=gzipped)
            assert response.status == 400 and response.headers["Cache-Control"] == "no-store"
            cases: list[tuple[str, Any]] = [
                ("leads", {"filter": {"colour": "red"}}),
                ("leads", {"filter": {"stage": "promoted"}}),
                ("leads", {"filter": {"sector": ["music"]}}),
                ("leads", {"filter": {"province": "atlantis"}}),
                ("leads", {"filter": {"from": "2026-02-30"}}),
                ("leads", {"filter": {"q": "x" * 101}}),
                ("leads", {"page": 0}),
                ("leads", {"page": 2}),  # one lead: one page
                ("leads", {"page": "1"}),
                ("leads", {"sort": {"by": "salary"}}),
                ("lead", {"id": "KOC-000001"}),
                ("bulk-preview", {"ids": [1, 1], "stage": "shortlist"}),
                ("bulk-preview", {"ids": list(range(1, 502)), "stage": "shortlist"}),
                ("export", {"format": "pdf"}),
                ("export", {"format": ["csv"]}),
                ("leads", {"filter": {"q": "\ud800"}}),  # a lone surrogate: no character
                ("note", {"id": 1, "text": "ok \udfff"}),
                # Staff text that would reach bot/telegram_html.py's parse_html.
                ("reply", {"id": 1, "text": "Halo \ud800 <b>ya</b>"}),
                ("broadcast-preview", {"text": "<b>Info</b> \udc00", "audience": "all"}),
            ]
            for action, body in cases:
                status, answer = await client.call(action, body)
                assert status == 400 and answer["error"] == "bad_request", (action, body, answer)
                assert len(answer["detail"]) < 60
            assert await client.call("no-such-action") == (404, {"error": "not_found"})
            assert await client.call("lead", {"id": 999}) == (404, {"error": "not_found"})
    assert "Traceback" not in caplog.text


async def test_search_filters_sort_and_counts_follow_the_index_through_edits_and_erasure(
    bot: Harness,
) -> None:
    rng = random.Random(7)
    talents = [
        Seed(7001, {**realistic(rng, "music"), "full_name": "Rina Wulandari", "city": "Bandung"}),
        Seed(
            7002, {**realistic(rng, "film"), "full_name": "Budi Santoso", "phone": "+6281299990000"}
        ),
        Seed(7003, {**realistic(rng, "music"), "full_name": "Agus Wulan", "email": "agus@band.id"}),
        Seed(7004, {**realistic(rng, "film"), "full_name": "Dewi Lestari"}),
    ]
    talents[0].answers["province"] = "jawa_barat"  # type: ignore[index]
    talents[3].answers["film_role"] = "other_film_role"  # type: ignore[index]
    talents[3].answers["film_role_other"] = "colorist & <i>DIT</i>"  # type: ignore[index]
    talents[3].answers["province"] = "dki_jakarta"  # type: ignore[index]
    await seeded(bot.database, talents)
    async with workspace(bot, ADMIN_ID) as client:

        async def names(**query: Any) -> list[str]:
            found = await client.ok("leads", query)
            return [row["name"] for row in found["rows"]]

        assert await names(filter={"q": "wulan"}, sort={"by": "name"}) == [
            "Agus Wulan",
            "Rina Wulandari",
        ]
        assert await names(filter={"q": "WULANDARI"}) == ["Rina Wulandari"]
        # "Lainnya" with what the talent said it is, as they typed it (the page shows text).
        [dewi] = (await client.ok("leads", {"filter": {"q": "Dewi Lestari"}}))["rows"]
        assert dewi["role"] == "Lainnya: colorist & <i>DIT</i>"
        assert await names(filter={"q": "COLORIST"}) == ["Dewi Lestari"]  # what "Lainnya" holds
        assert await names(filter={"q": "081299990000"}) == ["Budi Santoso"]  # as typed locally
        assert await names(filter={"q": "@band.id"}) == ["Agus Wulan"]
        assert await names(filter={"q": "koc-000004"}) == ["Dewi Lestari"]
        assert await names(filter={"q": "KOC-4"}) == ["Dewi Lestari"]  # short, as /lead reads it
        assert await names(filter={"q": "koc 2"}) == ["Budi Santoso"]
        assert await names(filter={"q": "100%"}) == []  # % is a character, not a wildcard
        assert await names(filter={"sector": "film"}, sort={"by": "name", "desc": True}) == [
            "Dewi Lestari",
            "Budi Santoso",
        ]
        assert await names(filter={"province": "jawa_barat", "sector": "music"}) == [
            "Rina Wulandari"
        ]
        assert await names(filter={"to": "2025-12-31"}) == []
        assert len(await names(filter={"from": "2026-01-15", "to": "2026-01-15"})) == 4
        moved = await client.ok("preview", {"id": 2, "stage": "ditinjau", "version": 0})
        assert moved["outcome"] == "saved"  # a stage without a message is saved at once
        listed = await client.ok("leads", {"filter": {"stage": "ditinjau"}})
        assert [row["name"] for row in listed["rows"]] == ["Budi Santoso"]
        assert listed["total"] == 1
        counts = {item["stage"]: item["count"] for item in listed["counts"]}
        assert counts["baru"] == 3 and counts["ditinjau"] == 1  # the stage filter aside
        await client.ok("assign", {"id": 3, "assignee": ADMIN_ID})
        assert await names(filter={"assigned": "me"}) == ["Agus Wulan"]
        assert len(await names(filter={"assigned": "none"})) == 3
        async with bot.store.db.transaction() as tx:  # an answer edited after submission
            await tx.execute(
                "UPDATE answers SET value = ? WHERE application_id = 4 AND question_key = ?",
                (json.dumps("Dewi Kartika"), "full_name"),
            )
        assert await names(filter={"q": "kartika"}) == ["Dewi Kartika"]
        await bot.store.privacy.erase(7001)  # Rina erases her data
        assert await names(filter={"q": "wulan"}) == ["Agus Wulan"]
        assert await client.call("lead", {"id": 1}) == (404, {"error": "not_found"})
    assert rows(bot.database, "SELECT * FROM lead_search WHERE search LIKE '%rina%'") == []
    audit = rows(
        bot.database,
        "SELECT action, lead_ref, detail FROM audit_log WHERE action IN"
        " ('lead_listed', 'leads_searched') ORDER BY id",
    )
    searched = [json.loads(detail) for action, _, detail in audit if action == "leads_searched"]
    assert searched[0] == {"from": "workspace", "found": 2, "length": 5}
    assert not any("wulan" in detail.lower() for _, _, detail in audit)
    listed_refs = {ref for action, ref, _ in audit if action == "lead_listed"}
    assert "KOC-000001" not in listed_refs  # erasure replaced it by the hash


async def test_leads_made_before_the_upgrade_are_found_by_what_lainnya_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upgrade remakes every lead's searched text, not only those changed after it."""
    database = tmp_path / "old.db"
    await made_before(database, monkeypatch, "lead_search_which_one")
    answers = {**realistic(random.Random(3), "music"), "full_name": "Sari Dewi"}
    answers |= {"music_role": "other_music_role", "music_role_other": "Pelatih vokal"}
    await asyncio.to_thread(seed, database, [Seed(901, answers)])
    store = await Store.open(database)
    await store.close()
    found = rows(database, "SELECT name FROM lead_search WHERE search LIKE '%pelatih vokal%'")
    assert found == [("Sari Dewi",)]


async def test_lead_page_note_assign_reply_and_move_with_one_update(bot: Harness) -> None:
    talent: EmulatedUser = bot.user(first_name="Sari", username="sari_id")
    reference = await apply(bot, talent, MUSICIAN)
    bot.settings.admin_ids = frozenset({ADMIN_ID, SECOND_ADMIN})
    async with workspace(bot, ADMIN_ID) as client:
        lead = await client.ok("lead", {"id": 1})
        assert lead["reference"] == reference and lead["name"] == MUSICIAN["full_name"]
        assert {"key": "email", "label": "Email", "value": "sari.dewi@example.com"} in [
            {**answer, "value": answer["value"].lower()} for answer in lead["answers"]
        ]
        processing = next(item for item in lead["consents"] if item["kind"] == "processing")
        assert processing["granted"] is True  # and when, as the chat writes it:
        assert re.fullmatch(r"\d{1,2} \w+ 20\d\d, \d\d\.\d\d", processing["at"])
        assert all(item["applies"] for item in lead["consents"])  # FORWARD_TO is set here
        # A deployment that passes nothing on: forwarding "does not apply", whether the talent
        # said yes while leads were passed on, or was never asked (not "not asked yet").
        bot.settings.forward_to = None
        lead = await client.ok("lead", {"id": 1})
        applies = {item["kind"]: item["applies"] for item in lead["consents"]}
        assert applies == {"processing": True, "transfer_korea": False, "announcements": True}
        async with bot.store.db.transaction() as tx:
            await tx.execute("DELETE FROM consents WHERE kind = 'transfer_korea'")
        lead = await client.ok("lead", {"id": 1})
        bot.settings.forward_to = TEST_FORWARDING.recipient
        applies = {item["kind"]: item["applies"] for item in lead["consents"]}
        assert applies == {"processing": True, "transfer_korea": False, "announcements": True}
        assert lead["log"]["lines"][-1]["from"] == "out"  # newest last
        # Her presses read as the buttons she saw, not as the bot's codes.
        pressed = [line["text"] for line in lead["log"]["lines"] if line["kind"] == "button"]
        assert pressed and not any(text.startswith(("i:", "pv:", "sub:")) for text in pressed)
        assert (await client.ok("note", {"id": 1, "text": "  "}))["outcome"] == "refused"
        invisible = "\u200b\u2060\ufeff "  # zero-width characters say nothing either
        assert (await client.ok("note", {"id": 1, "text": invisible}))["outcome"] == "refused"
        silent = await client.ok("reply", {"id": 1, "text": invisible})
        assert silent["outcome"] == "refused" and talent.messages_since(talent.mark()) == []
        status, _ = await client.call("reply", {"id": 1, "text": "🎤" * 2100})
        assert status == 400  # 2,100 characters, but 4,200 of Telegram's (UTF-16) units
        assert (await client.ok("note", {"id": 1, "text": "Suara bagus"}))["outcome"] == "saved"
        status, _ = await client.call("assign", {"id": 1, "assignee": STRANGER})
        assert status == 400  # only to an admin
        await client.ok("assign", {"id": 1, "assignee": SECOND_ADMIN})
        replied = await client.ok("reply", {"id": 1, "text": "Halo Sari, <b>terima kasih</b>!"})
        assert replied["outcome"] == "sent"
        assert answer_words(talent.last_message) == "Halo Sari, <b>terima kasih</b>!"
        mark = talent.mark()
        preview = await client.ok("preview", {"id": 1, "stage": "shortlist", "version": 0})
        assert preview["outcome"] == "preview"
        assert preview["message"]["html"] == expected_message(
            "shortlist", reference, MUSICIAN["full_name"]
        )
        assert talent.messages_since(mark) == []  # nothing saved or sent before the choice
        stale = await client.ok(
            "move", {"id": 1, "stage": "ditinjau", "version": 7, "notify": True}
        )
        assert stale["outcome"] == "conflict"
        moved = await client.ok(
            "move", {"id": 1, "stage": "shortlist", "version": 0, "notify": True}
        )
        assert moved["outcome"] == "saved" and moved["notified"]
        again = await client.ok(
            "move", {"id": 1, "stage": "shortlist", "version": 0, "notify": True}
        )
        assert again["outcome"] == "conflict"  # a second press changes nothing
        await wait_sent(bot, 1)
        updates = [m for m in talent.messages_since(mark) if reference in m.text]
        assert len(updates) == 1
        status, _ = await client.call(
            "move", {"id": 1, "stage": "x-y", "version": 1, "notify": False}
        )
        assert status == 400
        lead = await client.ok("lead", {"id": 1})
        assert lead["stage"] == "shortlist" and lead["assignee_id"] == SECOND_ADMIN
        assert lead["notes"][0]["text"] == "Suara bagus"
        assert lead["questions"][-1]["kind"] == "staff_answer"
    audit = rows(
        bot.database,
        "SELECT action, detail FROM audit_log WHERE lead_ref = ? ORDER BY id",
        (reference,),
    )
    from_workspace = [action for action, detail in audit if '"from": "workspace"' in detail]
    for action in (
        "lead_viewed",
        "note_added",
        "assigned",
        "talent_answered",
        "stage_previewed",  # the preview shows the talent's name: a view of the lead
        "stage_changed",
    ):
        assert action in from_workspace
    refused = [json.loads(detail) for action, detail in audit if action == "stage_change_refused"]
    assert {item["reason"] for item in refused} == {"changed_meanwhile", "unknown_stage"}


async def test_bulk_move_of_selected_leads_skips_those_changed_since_the_preview(
    bot: Harness,
) -> None:
    rng = random.Random(3)
    seeds = [Seed(7000 + n, realistic(rng), language="en" if n == 4 else "id") for n in range(1, 5)]
    await seeded(bot.database, seeds)
    async with workspace(bot, ADMIN_ID) as client:
        english = Client(client.http, init_data(bot.settings.token(), ADMIN_ID, language="en"))
        # How many updates go out in which language, a language no one gets left out, in both
        # languages of the staff text (a staff review: "…, 0 dalam bahasa Inggris").
        only_english = await english.ok("bulk-preview", {"ids": [4], "stage": "shortlist"})
        assert "registrant: 1 in English. Each" in only_english["summary"]
        assert "Indonesian" not in only_english["summary"]
        in_english = await english.ok("bulk-preview", {"ids": [1, 2, 3], "stage": "shortlist"})
        assert "registrant: 3 in Indonesian. Each" in in_english["summary"]
        assert "English" not in in_english["summary"]
        preview = await client.ok("bulk-preview", {"ids": [1, 2, 3], "stage": "shortlist"})
        assert [pair[0] for pair in preview["leads"]] == [1, 2, 3]
        assert "\n\n🌟 <b>Kabar baik, Talent!</b>" in preview["examples"][0]["html"]
        assert "3 pendaftar" in preview["summary"]
        assert "talenta: 3 dalam bahasa Indonesia. Setiap" in preview["summary"]
        assert "Inggris" not in preview["summary"]
        await client.ok("preview", {"id": 2, "stage": "ditinjau", "version": 0})  # meanwhile
        moved = await client.ok(
            "bulk-move", {"batch": preview["batch"], "stage": "shortlist", "notify": False}
        )
        assert moved["moved"] == 2 and moved["messages"] == 0
        stages = rows(bot.database, "SELECT application_id, stage FROM lead_pipeline ORDER BY 1")
        assert stages == [(1, "shortlist"), (2, "ditinjau"), (3, "shortlist"), (4, "baru")]
        board = await client.ok("board", {"filter": {}})
        columns = {column["stage"]: column for column in board["columns"]}
        assert [card["id"] for card in columns["shortlist"]["cards"]] == [3, 1]
        assert columns["ditinjau"]["count"] == 1 and columns["baru"]["count"] == 1
        stats = await client.ok("stats")
        assert {item["key"]: item["count"] for item in stats["funnel"]}["submitted"] == 4
        assert len(stats["days"]) == 30 and sum(item["count"] for item in stats["stages"]) == 4
        # When, as /stats writes it: "4 Desember 2026, 10.28".
        months = CONTENT.text(Text.MONTH_NAMES, "id").split()
        assert re.fullmatch(rf"\d{{1,2}} ({'|'.join(months)}) \d{{4}}, \d\d\.\d\d", stats["at"])


async def test_kept_statistics_forget_an_erased_talent_at_once(bot: Harness) -> None:
    rng = random.Random(4)
    await seeded(bot.database, [Seed(7000 + n, realistic(rng)) for n in range(1, 4)])
    async with workspace(bot, ADMIN_ID) as client:
        before = await client.ok("stats")  # kept a minute from now
        assert {item["key"]: item["count"] for item in before["funnel"]}["submitted"] == 3
        await bot.store.privacy.erase(7002)
        after = await client.ok("stats")
        assert {item["key"]: item["count"] for item in after["funnel"]}["submitted"] == 2
        assert sum(item["count"] for item in after["stages"]) == 2


async def test_the_stats_tab_shows_what_talents_asked_this_week_masked_without_staff(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    await a_week_of_questions(bot, bot.user(first_name="Sari"), bot.user(first_name="Budi"))
    admin: EmulatedUser = staff_chat.members[ADMIN_ID]
    await bot.send(admin, "cara bikin nasi goreng enak")  # staff trying the bot: not counted
    await bot.send(admin, "resep rendang padang dong")
    staff_asked = "SELECT COUNT(*) FROM free_questions WHERE user_id = ?"
    assert rows(bot.database, staff_asked, (ADMIN_ID,)) == [(2,)]  # recorded, as any question
    async with workspace(bot, ADMIN_ID) as client:
        asked = (await client.ok("stats"))["questions"]
    figures = {item["key"]: item["count"] for item in asked["figures"]}
    assert figures == {"answered": 2, "suggested": 1, "unanswered": 3}
    assert asked["not_this"] == 1
    assert asked["rejected"] == [  # "Not this", with the entry it was answered with
        {
            "question": "kapan open call film",
            "count": 1,
            "others": [],
            "more": False,
            **NOBODY_CHOSE,
            "answered": CONTENT.faq["open_call_now"].question.id,
            "now": None,  # the content still answers it so
            "now_entry": None,
        }
    ]
    assert asked["suggested"] == [  # the bot offered entries: not sure which was meant
        {
            "question": "film sama korea bisa daftar dimana",
            "count": 1,
            "others": [],
            "more": False,
            **NOBODY_CHOSE,
            "now": None,
            "now_entry": None,
        }
    ]
    assert asked["top"] == [  # /stats' list, its summaries masked
        {
            "question": "Cara bikin nasi goreng enak?",
            "count": 2,
            "others": [],
            "more": False,
            **NOBODY_CHOSE,
            "now": None,
            "now_entry": None,
        },
        {
            "question": "jual akun ml, hubungi <email> atau <number>",
            "count": 1,
            "others": [],
            "more": False,
            **NOBODY_CHOSE,
            "now": None,
            "now_entry": None,
        },
    ]
    assert "example.com" not in json.dumps(asked) and "9876" not in json.dumps(asked)


async def test_an_erased_talents_question_leaves_the_kept_stats_at_once(bot: Harness) -> None:
    sari, budi = bot.user(first_name="Sari"), bot.user(first_name="Budi")
    await bot.send(sari, "kak boleh minta resep rendang")
    await bot.send(budi, "Cara bikin nasi goreng enak?")
    async with workspace(bot, ADMIN_ID) as client:
        before = (await client.ok("stats"))["questions"]  # kept a minute from now
        assert [item["question"] for item in before["top"]] == [
            "Cara bikin nasi goreng enak?",
            "kak boleh minta resep rendang",
        ]
        await bot.send(sari, "/hapusdata")  # she erases everything, as talents do
        await bot.press(sari, "🗑 Ya, hapus semuanya")
        after = (await client.ok("stats"))["questions"]
    assert after["top"] == [
        {
            "question": "Cara bikin nasi goreng enak?",
            "count": 1,
            "others": [],
            "more": False,
            **NOBODY_CHOSE,
            "now": None,
            "now_entry": None,
        }
    ]
    assert {item["key"]: item["count"] for item in after["figures"]}["unanswered"] == 1


async def test_kept_statistics_show_the_workspaces_own_moves_at_once(bot: Harness) -> None:
    rng = random.Random(5)
    await seeded(bot.database, [Seed(7000 + n, realistic(rng)) for n in range(1, 4)])
    async with workspace(bot, ADMIN_ID) as client:

        async def per_stage() -> dict[str, int]:
            stats = await client.ok("stats")
            return {item["label"]: item["count"] for item in stats["stages"]}

        before = await per_stage()  # kept a minute from now
        assert before.get("Baru") == 3 and not before.get("Ditinjau")
        await client.ok("move", {"id": 1, "stage": "ditinjau", "version": 0, "notify": False})
        assert (await per_stage())["Ditinjau"] == 1  # not the kept figures
        preview = await client.ok("bulk-preview", {"ids": [2, 3], "stage": "shortlist"})
        await client.ok(
            "bulk-move", {"batch": preview["batch"], "stage": "shortlist", "notify": False}
        )
        after = await per_stage()
        assert after["Shortlist"] == 2 and after["Ditinjau"] == 1 and not after.get("Baru")
        # A staff move in the chat is not seen by the workspace: the kept figures say when
        # they were read ("Angka per …"), and are read again after a minute.


async def test_list_counts_are_kept_only_while_no_lead_changes_whoever_changes_it(
    bot: Harness,
) -> None:
    rng = random.Random(6)
    await seeded(bot.database, [Seed(7000 + n, realistic(rng, "music")) for n in range(1, 4)])
    async with workspace(bot, ADMIN_ID) as client:

        async def counts(**query: Any) -> dict[str, int]:
            listed = await client.ok("leads", query)
            return {item["stage"]: item["count"] for item in listed["counts"] if item["count"]}

        music = {"filter": {"sector": "music"}}
        assert await counts(**music) == {"baru": 3}
        assert await counts(**music, sort={"by": "name"}) == {"baru": 3}  # kept: nothing changed
        await client.ok("move", {"id": 1, "stage": "ditinjau", "version": 0, "notify": False})
        assert await counts(**music) == {"baru": 2, "ditinjau": 1}  # the workspace's own move
        await seeded(bot.database, [Seed(7004, realistic(rng, "music"))])  # a new submission
        assert await counts(**music) == {"baru": 3, "ditinjau": 1}
        with sqlite3.connect(bot.database) as other:  # another process (the CLI) moves one
            other.execute("UPDATE lead_pipeline SET stage = 'shortlist' WHERE application_id = 2")
        other.close()
        assert await counts(**music) == {"baru": 2, "ditinjau": 1, "shortlist": 1}
        async with bot.store.db.transaction() as tx:  # an answer corrected: no longer music
            await tx.execute(
                "UPDATE answers SET value = ? WHERE application_id = 3 AND question_key = ?",
                (json.dumps("film"), "sector"),
            )
        assert await counts(**music) == {"baru": 1, "ditinjau": 1, "shortlist": 1}
        name = rows(bot.database, "SELECT name FROM lead_search WHERE talent_id = 7001")[0][0]
        assert await counts(filter={"q": name}) == {"ditinjau": 1}
        await bot.store.privacy.erase(7001)  # the talent at Ditinjau erases their data
        # Kept counts are keyed by what was searched: the erased talent's name is not kept.
        assert client.served is not None and client.served._desk is not None
        assert not any(name.lower() in repr(key) for key in client.served._desk.reads._counts)
        assert await counts(**music) == {"baru": 1, "shortlist": 1}
        assert await counts() == {"baru": 2, "shortlist": 1}  # another filter, counted anew


async def test_a_failed_statistics_read_stops_the_other_and_closes_its_snapshot(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The lead figures fail while the week's questions hold a snapshot open: the tab gets its
    # error only once that read has stopped, and no reader is left open (an erasure's scrub
    # waits for readers of an older snapshot).
    from bot.answers import stats as question_stats

    held_open: list[bool] = []
    opened = asyncio.Event()

    async def slow(store: Any, *args: Any) -> Any:
        async with store.db.snapshot():
            held_open.append(True)
            opened.set()
            try:
                await asyncio.sleep(30)
            finally:
                held_open.remove(True)

    async def failing(*args: Any) -> Any:
        await opened.wait()
        raise RuntimeError("the lead figures failed")

    monkeypatch.setattr(question_stats, "compute", slow)
    monkeypatch.setattr(desk_stats, "compute", failing)
    async with workspace(bot, ADMIN_ID) as client:
        status, _ = await asyncio.wait_for(client.call("stats"), 10)
        assert status == 500 and held_open == []  # stopped before the answer went out


async def test_opening_the_page_reads_the_statistics_ahead_once(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(6)
    await seeded(bot.database, [Seed(7000 + n, realistic(rng)) for n in range(1, 4)])
    reads: list[int] = []
    started, release = asyncio.Event(), asyncio.Event()
    compute = desk_stats.compute

    async def held(*args: Any) -> Any:
        reads.append(len(reads))
        started.set()
        await release.wait()
        return await compute(*args)

    monkeypatch.setattr(desk_stats, "compute", held)
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("session")  # the page opens: the figures are read from now on
        await asyncio.wait_for(started.wait(), 30)
        # A talent is erased while that read is under way: it may count her, so the tab
        # (opened now, twice) waits for a read begun after the erasure, made once.
        await bot.store.privacy.erase(7002)
        release.set()
        first, again = await asyncio.gather(client.ok("stats"), client.ok("stats"))
        assert len(reads) == 2
        for figures in (first, again):
            assert {item["key"]: item["count"] for item in figures["funnel"]}["submitted"] == 2
        await client.ok("session")  # fresh figures kept: no read ahead
        assert len(reads) == 2


async def test_a_lead_view_that_cannot_be_recorded_shows_nothing_of_the_talent(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    talent: EmulatedUser = bot.user(first_name="Sari", username="sari_id")
    reference = await apply(bot, talent, MUSICIAN)
    async with workspace(bot, ADMIN_ID) as client:

        async def disk_full(*_: Any, **__: Any) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(bot.store.audit, "add", disk_full)
        status, body = await client.call("lead", {"id": 1})
        assert status == 503 and body == {"error": "unavailable"}
        monkeypatch.undo()
        assert (await client.ok("lead", {"id": 1}))["reference"] == reference
    viewed = rows(bot.database, "SELECT action FROM audit_log WHERE action = 'lead_viewed'")
    assert viewed == [("lead_viewed",)]  # the view that was shown, not the refused one


async def test_export_of_the_filter_is_fetched_once_by_its_token(bot: Harness) -> None:
    rng = random.Random(5)
    await seeded(
        bot.database,
        [
            Seed(7001, {**realistic(rng, "music"), "full_name": '=HYPERLINK("x")'}),
            Seed(7002, realistic(rng, "film")),
        ],
    )
    async with workspace(bot, ADMIN_ID) as client:
        ready = await client.ok("export", {"format": "csv", "filter": {"sector": "music"}})
        assert ready["count"] == 1 and ready["name"].endswith(".csv")
        fetched = await client.http.get(f"/staff/{ready['path']}")
        assert fetched.status == 200
        assert "attachment" in fetched.headers["Content-Disposition"]
        text = (await fetched.read()).decode("utf-8-sig")
        assert "'=HYPERLINK" in text and "KOC-000002" not in text
        assert (await client.http.get(f"/staff/{ready['path']}")).status == 404  # once
        empty = await client.ok("export", {"format": "xlsx", "filter": {"q": "nobody"}})
        assert empty == {"count": 0}
        # The list reads lead_search, the export the answers: the same filter, the same leads.
        for chosen in (
            {"sector": "film"},
            {"province": "jawa_barat"},
            {"program": "mucon"},
            {"q": "a", "assigned": "none"},
            {"from": "2026-01-15", "to": "2026-01-15", "stage": "baru"},
        ):
            listed = (await client.ok("leads", {"filter": chosen}))["total"]
            exported = await client.ok("export", {"format": "csv", "filter": chosen})
            assert listed == exported["count"], chosen
    (detail,) = rows(bot.database, "SELECT detail FROM audit_log WHERE action = 'export' LIMIT 1")
    assert json.loads(detail[0]) == {"format": "csv", "from": "workspace", "sector": "music"}


async def test_texts_and_page_need_no_sign_in_and_name_nobody(bot: Harness) -> None:
    async with workspace(bot, ADMIN_ID) as client:
        texts = await (await client.http.get("/staff/texts.json")).json()
        assert texts["id"]["tab_board"] == bot.runner.application.bot_data["services"].content.text(
            Text.WS_TAB_BOARD, "id"
        )
        assert texts["en"]["btn_send_update"] == "📨 Send update"
        page = await client.http.get("/staff/")
        assert page.status == 200 and page.headers["Cache-Control"] == "no-store"
        assert (await client.http.get("/staff", allow_redirects=False)).status == 301
        assert (await client.http.get("/staff/../../etc/passwd")).status == 404


async def test_session_lists_choices_in_the_admins_language(bot: Harness, staff_chat: Any) -> None:
    await bot.send(staff_chat.members[ADMIN_ID], "/start")  # the bot now knows the admin's name
    async with workspace(bot, ADMIN_ID) as client:
        english = Client(client.http, init_data(bot.settings.token(), ADMIN_ID, language="en"))
        session = await english.ok("session")
    assert session["language"] == "en"
    assert [stage["key"] for stage in session["stages"]][:2] == ["baru", "ditinjau"]
    assert session["stages"][0]["label"] == "New"
    assert {"value": "music", "label": "Music"} in session["sectors"]
    assert session["admins"] == [{"id": ADMIN_ID, "name": "Admin"}]


def test_the_page_is_small_and_every_word_it_shows_comes_from_content() -> None:
    files = static_files()
    assert sum(len(body) for body, _ in files.values()) <= 150 * 1024
    scripts = "\n".join(body.decode() for name, (body, _) in files.items() if name.endswith(".js"))
    used = set(re.findall(r"\bt\(\"([a-z_]+)\"", scripts))
    # Keys the page builds from a value: every value it builds them from.
    used |= {f"tab_{view}" for view in ("leads", "board", "questions", "stats", "broadcasts")}
    used |= {f"col_{column}" for column in SORTS}
    used |= {f"export_{kind}" for kind in ("csv", "xlsx")}
    used |= {f"stats_{key}" for key in ("started", "consented", "drafts", "submitted")}
    used |= {f"stats_{key}" for key in ("subscribers", "blocked")}
    used |= {f"stats_{key}" for key in ("answered", "suggested", "unanswered")}
    chosen = ("refused_forbidden", "refused_unauthorized", "error_network", "error_bad_request")
    used.add("refused_outside_telegram")
    used |= {*chosen, "consent_given", "consent_refused"}  # picked by a condition
    assert all(f'"{key}"' in scripts for key in chosen)
    texts = page_texts(CONTENT)
    assert used and used <= set(texts["id"]) and used <= set(texts["en"])
    assert "innerHTML" not in scripts and "eval(" not in scripts


def test_the_stats_tab_names_each_figure_in_the_words_of_stats() -> None:
    figures = ("started", "consented", "drafts", "submitted", "subscribers", "blocked")
    numbers = {key: 101 + n for n, key in enumerate(figures)}
    lists = ("sectors", "music_roles", "film_roles", "provinces", "days", "sources")
    for language in ("id", "en"):
        report = CONTENT.text(
            Text.STATS_REPORT, language, date="", time="", **numbers, **dict.fromkeys(lists, "")
        )
        for key, number in numbers.items():
            assert f"{CONTENT.text(Text(f'ws_stats_{key}'), language)}: {number}" in report
        for heading in (Text.WS_STATS_FUNNEL, Text.WS_STATS_NEWS):
            assert f"<b>{CONTENT.text(heading, language)}</b>" in report


def test_the_stats_tab_names_the_weeks_questions_in_the_words_of_stats() -> None:
    numbers = {"answered": 101, "suggested": 102, "unanswered": 103, "not_this": 104}
    for language in ("id", "en"):
        report = plain_text(CONTENT.text(Text.STATS_QUESTIONS, language, **numbers))
        heading, *lines = report.split("\n")
        assert CONTENT.text(Text.WS_STATS_QUESTIONS, language) == heading
        for key in ("answered", "suggested", "unanswered"):
            label = CONTENT.text(Text(f"ws_stats_{key}"), language)
            assert f"{label[0].lower()}{label[1:]}: {numbers[key]}" in report, key
        not_this = CONTENT.text(Text.WS_STATS_NOT_THIS, language, count=104)
        assert f"({not_this})" in lines[0]  # beside "answered directly", as in /stats
        top = plain_text(CONTENT.text(Text.STATS_QUESTIONS_TOP, language, lines="")).split("\n")
        assert top[0] == CONTENT.text(Text.WS_STATS_QUESTIONS_TOP, language)
        # The tab's hint and /stats' pointer to it name its button (/stats has its own hint,
        # on ask: phrasings, for a deployment without the workspace).
        button = f"“{CONTENT.text(Text.WS_TEACH_OPEN, language)}”"
        assert button in CONTENT.text(Text.WS_STATS_QUESTIONS_HINT, language)
        teach = CONTENT.text(Text.STATS_QUESTIONS_TEACH, language)
        assert button in teach and CONTENT.text(Text.WS_TAB_STATS, language) in teach
        line = CONTENT.text(Text.STATS_QUESTIONS_LINE, language, count=7, question="Q")
        assert line == f"{CONTENT.text(Text.WS_STATS_QUESTION_TIMES, language, count=7)}: Q"
        now = CONTENT.text(Text.STATS_QUESTIONS_NOW, language, entry="E")
        assert now == CONTENT.text(Text.WS_STATS_QUESTION_NOW, language, entry="E")


async def test_the_session_marks_a_stage_no_lead_can_enter_and_the_server_still_refuses(
    bot: Harness,
) -> None:
    """FORWARD_TO unset: the stage that passes leads on is closed to every lead, and the page
    is told so up front (its line comes with the texts); a move there is refused all the same.
    With FORWARD_TO set, every stage is open."""
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    forwarding = [key for key, stage in CONTENT.stages.items() if stage.consent]
    assert forwarding == ["diteruskan"]
    async with workspace(bot, ADMIN_ID) as client:
        opened = await client.ok("session")
        bot.settings.forward_to = None
        try:
            closed = await client.ok("session")
            version = (await client.ok("lead", {"id": 1}))["version"]
            move = {"id": 1, "stage": "diteruskan", "version": version}
            refused = await client.ok("preview", move)
            saved = await client.ok("move", {**move, "notify": False})
            planned = await client.ok("bulk-preview", {"ids": [1], "stage": "diteruskan"})
        finally:
            bot.settings.forward_to = TEST_FORWARDING.recipient
    assert [stage["key"] for stage in opened["stages"] if stage["closed"]] == []
    assert [stage["key"] for stage in closed["stages"] if stage["closed"]] == forwarding
    # Nothing else of a stage changes with it.
    assert [{**stage, "closed": False} for stage in closed["stages"]] == opened["stages"]
    label = CONTENT.stages["diteruskan"].label.id
    for answer in (refused, saved):
        assert answer["outcome"] == "no_consent"
        assert answer["text"] == plain_text(
            CONTENT.text(Text.PIPELINE_FORWARDING_OFF, "id", reference="KOC-000001", stage=label)
        )
    assert not planned["movable"]
    assert (
        plain_text(CONTENT.text(Text.BULK_PREVIEW_FORWARDING_OFF, "id", stage=label))
        in planned["summary"]
    )
    assert rows(bot.database, "SELECT stage FROM lead_pipeline") == [("baru",)]
    refusals = rows(
        bot.database,
        "SELECT json_extract(detail, '$.reason') FROM audit_log"
        " WHERE action = 'stage_change_refused'",
    )
    assert refusals == [("forwarding_off",)] * 2
    texts = page_texts(CONTENT)
    for language in ("id", "en"):
        line = texts[language]["pipeline_warning_forwarding_off"]
        assert line == CONTENT.text(Text.PIPELINE_WARNING_FORWARDING_OFF, language)
        assert "{stages}" in line


async def test_an_export_written_while_a_talent_is_erased_never_keeps_them(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The erasure drops every export waiting to be fetched; one still being written then
    # was not among them, and would have been kept (with the erased talent) for minutes.
    from bot.leads import export

    await seeded(bot.database, [Seed(7001, MUSICIAN), Seed(7002, realistic(random.Random(3)))])
    written = export.write_exports
    erased: list[int] = []

    async def erased_meanwhile(*args: Any, **kwargs: Any) -> Any:
        done = await written(*args, **kwargs)
        if not erased:  # the first file holds her; she is erased before it is kept
            erased.append(7001)
            await bot.store.privacy.erase(7001)
        return done

    monkeypatch.setattr(export, "write_exports", erased_meanwhile)
    async with workspace(bot, ADMIN_ID) as client:
        ready = await client.ok("export", {"format": "csv"})
        assert erased and ready["count"] == 1
        fetched = await client.http.get(f"/staff/{ready['path']}")
        assert fetched.status == 200
        text = (await fetched.read()).decode("utf-8-sig")
        assert "KOC-000002" in text and "KOC-000001" not in text


async def test_a_board_search_is_recorded_even_when_it_finds_nothing(bot: Harness) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("board", {"filter": {"q": "081299990000"}})  # is this phone a lead?
    audit = rows(bot.database, "SELECT action, detail FROM audit_log WHERE action != 'session'")
    assert [(action, json.loads(detail)) for action, detail in audit] == [
        ("leads_searched", {"from": "workspace", "found": 0, "length": 12})
    ]


async def test_a_workspace_reply_is_noted_under_the_question_in_the_staff_chat(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari", last_name="Dewi")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN)])
    question = await relayed_question(bot, staff_chat, sari, "Kapan ada kabar, kak?")
    mark = staff_chat.mark()
    async with workspace(bot, ADMIN_ID) as client:
        replied = await client.ok("reply", {"id": 1, "text": "Minggu depan ya, <Sari>!"})
    assert (
        replied["outcome"] == "sent"
        and answer_words(sari.last_message) == "Minggu depan ya, <Sari>!"
    )
    # Colleagues see that it is answered, and what was said, under the question itself.
    (note,) = staff_chat.messages_since(mark)
    assert note.reply_to_message_id == question.message_id
    assert (
        note.text == "✅ Admin sudah menjawab Sari Dewi lewat ruang kerja:\n"
        "Admin answered Sari Dewi from the workspace.\n\nMinggu depan ya, <Sari>!"
    )
    # A reply to the note reaches the talent, as a reply to the question does.
    await answer_in_group(
        bot, staff_member(bot, staff_chat), staff_chat, "Tambahan: cek email ya.", note
    )
    assert answer_words(sari.last_message) == "Tambahan: cek email ya."
    assert staff_chat.last_message.text == "✅ Terkirim ke Sari Dewi\nSent to Sari Dewi."


async def test_a_download_link_works_once_and_then_says_so_in_words(bot: Harness) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    async with workspace(bot, ADMIN_ID) as client:
        ready = await client.ok("export", {"format": "csv"})
        first = await client.http.get(f"/staff/{ready['path']}")
        assert first.status == 200 and MUSICIAN["full_name"] in await first.text()
        again = await client.http.get(f"/staff/{ready['path']}")
        said = await again.text()
    assert again.status == 404 and again.content_type == "text/plain"
    assert again.headers["Cache-Control"] == "no-store"
    assert "sudah terpakai" in said and "has been used" in said and "5 minutes" in said
    assert "{" not in said  # words, not JSON


async def test_the_lead_page_says_before_a_press_who_is_under_18_and_which_stage_a_refusal_closes(
    bot: Harness,
) -> None:
    """A staff review: the workspace showed neither; a refused forwarding was only learnt on
    the click, and a minor's profile went to Forwarded in two clicks without a word."""
    budi, dewi = bot.user(first_name="Budi"), bot.user(first_name="Dewi")
    await seeded(
        bot.database,
        [
            Seed(budi.id, {**MUSICIAN, "age_range": "under_18"}, first_name="Budi"),
            Seed(dewi.id, FILMMAKER, consents={"processing": True, "transfer_korea": False}),
        ],
    )
    await bot.send(budi, "/start")
    minor = CONTENT.text(Text.PIPELINE_WARNING_MINOR, "id")
    async with workspace(bot, ADMIN_ID) as client:
        young = await client.ok("lead", {"id": 1})
        assert young["minor"] == minor and young["closed_stages"] == []
        refusing = await client.ok("lead", {"id": 2})
        assert refusing["minor"] is None and refusing["closed_stages"] == ["diteruskan"]
        assert refusing["closed_text"] == CONTENT.text(
            Text.PIPELINE_WARNING_CONSENT,
            "id",
            stages=CONTENT.stages["diteruskan"].label.id,
            recipient=TEST_FORWARDING.recipient,
        )
        # The preview of a message to the minor says it above the message.
        previewed = await client.ok("preview", {"id": 1, "stage": "shortlist", "version": 0})
        assert previewed["outcome"] == "preview"
        assert plain_text(minor) in previewed["intro"]
        # Nothing closes a stage when nothing is passed on: the session says so for all.
        bot.settings.forward_to = None
        try:
            assert (await client.ok("lead", {"id": 2}))["closed_stages"] == []
        finally:
            bot.settings.forward_to = TEST_FORWARDING.recipient
    # /lead in the chat says it too.
    admin = bot.emulator.user(ADMIN_ID, first_name="Admin")
    await bot.send(admin, "/lead KOC-000001")
    assert plain_text(minor) in admin.last_message.text
