"""Reliability: faults from Telegram, errors in handlers, floods, order, webhooks, groups."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import aiohttp
import pytest

from bot.emulator import BotAPIEmulator
from bot.texts import Text
from bot.transport import retrying
from bot.transport.webhook import SECRET_HEADER
from tests.harness import SETTLE_TIMEOUT, Harness, webhook_bot
from tests.leads import CONTENT, answer, consent, where


async def test_server_errors_are_retried_and_the_talent_is_answered(bot: Harness) -> None:
    sari = bot.user()
    bot.emulator.fail_next("sendMessage", status=502, description="Bad Gateway", times=2)
    [reply] = await bot.send(sari, "/start")
    assert reply.text.startswith("Halo, Sari!")
    statuses = [call.status for call in bot.emulator.calls_to("sendMessage")]
    assert statuses == [502, 502, 200]


async def test_a_429_is_waited_out_for_that_chat_only(bot: Harness) -> None:
    sari, budi = bot.user(), bot.user(first_name="Budi")
    bot.emulator.fail_next("sendMessage", status=429, retry_after=1, chat_id=sari.id)
    # The retry waits for the test (every attempt, should a slow machine time one out).
    retry = bot.emulator.hold("sendMessage", chat_id=sari.id, times=10)
    mark = budi.mark()
    sari_update = sari.send("/start")
    budi.send("/start")
    [reply] = await budi.wait_for_messages(mark)
    assert reply.text.startswith("Halo, Budi!")
    await asyncio.wait_for(retry.arrived.wait(), SETTLE_TIMEOUT)
    assert sari.messages == [], "Sari's reply waits for retry_after; Budi's did not"
    retry.release()
    await bot.settle(sari_update)
    assert [message.text.split(",")[0] for message in sari.messages] == ["Halo"]
    statuses = [call.status for call in bot.emulator.calls_to("sendMessage") if _to(call, sari)]
    assert statuses == [429, 200]  # one refused, one retried after the wait


async def test_a_timeout_is_retried(bot: Harness) -> None:
    sari = bot.user()
    # Telegram never answers the first send: the bot's 2 s read timeout gives up on it.
    lost = bot.emulator.hold("sendMessage", chat_id=sari.id)
    [reply] = await bot.send(sari, "/start")
    assert reply.text.startswith("Halo, Sari!")
    assert lost.held == 1  # the first attempt reached Telegram and was abandoned
    assert len(sari.messages) == 1
    statuses = [call.status for call in bot.emulator.calls_to("sendMessage") if _to(call, sari)]
    assert statuses == [200]  # the retry is the one call answered
    lost.release()


def _to(call: Any, user: Any) -> bool:
    return bool(str(call.params.get("chat_id")) == str(user.id))


async def test_a_long_outage_keeps_the_answer_and_replies_when_telegram_is_back(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A call's retries 0.05, 0.1 and 0.2 s apart, not 0.5, 1 and 2 s: this test is about what
    # comes after the last one (the update handled again), not how long each waits.
    monkeypatch.setattr(retrying, "BASE_DELAY", 0.05)
    sari = bot.user()
    await bot.send(sari, "/daftar")
    await consent(bot, sari)
    await answer(bot, sari, "sector", "music")
    await answer(bot, sari, "age_range", "age_18_24")
    # More failures than one call's retries: the update is handled again once Telegram is back.
    bot.emulator.fail_next("sendMessage", status=500, times=5, chat_id=sari.id)
    [reply] = await bot.send(sari, "Sari Dewi")
    assert CONTENT.questions["stage_name"].prompt.id in reply.text
    draft = await bot.store.applications.draft_for(sari.id)
    assert draft is not None
    assert (await bot.store.applications.answers(draft.id))["full_name"] == "Sari Dewi"
    assert await where(bot, sari) == "stage_name"
    log = await bot.store.log.for_chat(sari.id)
    assert [entry.text for entry in log if entry.direction == "in"].count("Sari Dewi") == 1


async def test_an_error_in_a_handler_apologises_and_alerts_staff_once(
    bot: Harness, staff_chat: Any, caplog: pytest.LogCaptureFixture
) -> None:
    sari, budi = bot.user(), bot.user(first_name="Budi", language_code="en")
    bot.emulator.fail_next(
        "sendMessage", status=400, description="Bad Request: boom", chat_id=sari.id
    )
    [apology] = await bot.send(sari, "/start")
    assert apology.text.startswith("Maaf, ada gangguan di sisi kami")
    bot.emulator.fail_next(
        "sendMessage", status=400, description="Bad Request: boom", chat_id=budi.id
    )
    [apology] = await bot.send(budi, "/start")
    assert apology.text.startswith("Sorry, something went wrong on our side")
    alerts = [m for m in staff_chat.messages if m.text.startswith("⚠️")]
    assert len(alerts) == 1, "alerts to the staff chat are rate-limited"
    assert "BadRequest" in alerts[0].text
    # Staff who read English read its gist under it (the staff group is shared, s60).
    assert alerts[0].text.endswith(
        "\nThe bot failed to process an update; details are in the server log."
    )
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert all("Error while handling update" in r.getMessage() for r in errors)
    assert len(errors) == 2
    # The bot carries on.
    [reply] = await bot.send(sari, "/menu")
    assert reply.text == "Mau mulai dari mana?"


async def test_updates_from_one_user_are_handled_in_order(bot: Harness) -> None:
    sari = bot.user()
    await bot.send(sari, "/daftar")
    await consent(bot, sari)
    await answer(bot, sari, "sector", "music")
    await answer(bot, sari, "age_range", "age_18_24")
    # Answers typed quickly, before any reply arrives.
    updates = [sari.send(text) for text in ("Sari Dewi", "The Monsoons")]
    await bot.settle(updates[-1])
    draft = await bot.store.applications.draft_for(sari.id)
    assert draft is not None
    stored = await bot.store.applications.answers(draft.id)
    assert stored["full_name"] == "Sari Dewi" and stored["stage_name"] == "The Monsoons"
    assert await where(bot, sari) == "music_role"


async def test_one_slow_conversation_does_not_hold_up_the_others(bot: Harness) -> None:
    slow, quick = bot.user(first_name="Slow"), bot.user(first_name="Quick")
    stuck = bot.emulator.hold("sendMessage", chat_id=slow.id, times=10)  # and any retry
    mark = quick.mark()
    slow_update = slow.send("/start")
    await asyncio.wait_for(stuck.arrived.wait(), SETTLE_TIMEOUT)  # Slow's reply is in flight
    quick.send("/start")
    [reply] = await quick.wait_for_messages(mark)
    assert reply.text.startswith("Halo, Quick!")
    assert slow.messages == []
    stuck.release()
    await bot.settle(slow_update)
    assert slow.last_message.text.startswith("Halo, Slow!")


async def test_a_flooding_talent_is_slowed_with_one_notice(make_bot: Any) -> None:
    bot: Harness = await make_bot(flood_limit=5, flood_window_seconds=30)
    spammer, other = bot.user(first_name="Spam"), bot.user(first_name="Other")
    updates = [spammer.send(f"halo {n}") for n in range(12)]
    await bot.settle(updates[-1])
    texts = [message.text for message in spammer.messages]
    notices = [text for text in texts if text == CONTENT.text(Text.FLOOD_NOTICE, "id")]
    assert len(notices) == 1
    assert len(texts) == 6  # five answers, one notice
    [reply] = await bot.send(other, "/start")
    assert reply.text.startswith("Halo, Other!")
    log = await bot.store.log.for_chat(spammer.id)
    assert len([entry for entry in log if entry.direction == "in"]) == 12  # logged, not answered


async def test_groups_get_one_line_and_no_talent_flows(bot: Harness) -> None:
    owner = bot.user(first_name="Owner")
    group = bot.emulator.group(title="Komunitas Musik")
    group.add_member(owner)
    mark = group.mark()
    bot.emulator.add_bot_to_group(group, by=owner)
    update = owner.send("/start", chat=group)
    update_2 = owner.send("/daftar", chat=group)
    owner.send("halo bot", chat=group)
    await bot.settle(update)
    await bot.settle(update_2)
    await bot.runner.wait_idle()
    said = group.messages_since(mark)
    assert [message.text for message in said] == [
        "Halo! Aku hanya bisa dipakai lewat chat pribadi. Buka chat denganku, lalu ketik /start."
    ]
    assert await bot.store.applications.draft_for(owner.id) is None


async def test_webhook_mode_stores_and_answers_and_rejects_a_wrong_secret(
    emulator: BotAPIEmulator, database: Any
) -> None:
    async with webhook_bot(emulator, database) as (runner, base):
        sari = emulator.user()
        mark = sari.mark()
        sari.send("/start")
        [reply] = await sari.wait_for_messages(mark)
        assert reply.text.startswith("Halo, Sari!")
        forged = {
            "update_id": 999_999,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": sari.id, "type": "private"},
                "from": {"id": sari.id, "is_bot": False, "first_name": "X"},
                "text": "/start",
            },
        }
        async with aiohttp.ClientSession() as session:
            for headers in ({}, {SECRET_HEADER: "wrong"}):
                async with session.post(
                    f"{base}/telegram/hook", json=forged, headers=headers
                ) as response:
                    assert response.status == 403
        assert await runner.store.inbox.status(999_999) is None


async def test_an_update_the_library_cannot_parse_is_kept_and_skipped(bot: Harness) -> None:
    sari = bot.user()
    broken = bot.emulator.inject_raw_update(
        {"message": {"message_id": "one", "date": "today", "chat": {"id": "x"}, "text": 5}}
    )
    [reply] = await bot.send(sari, "/start")
    assert reply.text.startswith("Halo, Sari!")
    assert await bot.store.inbox.status(broken["update_id"]) == "unparseable"
    kept = await bot.store.db.fetch_value(
        "SELECT payload FROM update_inbox WHERE update_id = ?", (broken["update_id"],)
    )
    assert '"today"' in kept


async def test_talent_buttons_outside_a_private_chat_do_nothing(bot: Harness) -> None:
    owner = bot.user(first_name="Owner")
    group = bot.emulator.group(title="Komunitas")
    group.add_member(owner)
    bot.emulator.add_bot_to_group(group, by=owner)
    await bot.send(owner, "/start")
    [notice] = group.messages  # the one line the bot says when added
    erase = f"pv:delete:yes:{int(time.time())}"  # a fresh "Ya, hapus semuanya"
    for data in ("apply", "apply:mucon", "i:1:0:y", erase, "pv:delete:yes", "lang:en"):
        await bot.act(owner, owner.press_raw, notice.message_id, data, chat=group)
        assert owner.callback_answers[-1].text == "Tombol ini sudah tidak berlaku."
    assert await bot.store.applications.draft_for(owner.id) is None
    assert (await bot.store.users.get(owner.id)) is not None  # the private /start still counts
