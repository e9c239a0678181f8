"""The workspace's Announcements tab through its API: what /broadcast lists and stops, at a
desk, through the same core as the chat (the stop recorded with the workspace as its place)."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.leads.export import plain_text, wib_words
from bot.outreach.broadcast import example_wib
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT
from tests.subscribers import add_subscribers, queue_text, wait_delivered
from tests.test_desk_moves import a_draft_then_two_leads
from tests.workspace import init_data, workspace

STRANGER = 4242
IN_TWO_DAYS = (datetime.now(UTC) + timedelta(days=2)).isoformat(timespec="microseconds")


def said(key: Text, language: str = "id", **values: Any) -> str:
    """A bot text as the page shows it (plain text)."""
    return plain_text(CONTENT.text(key, language, **values))


async def audit(bot: Harness, action: str) -> list[tuple[int, dict[str, Any]]]:
    """(actor, detail) of the audit entries of one action, oldest first."""
    rows = await bot.store.db.fetch_all(
        "SELECT actor_id, detail FROM audit_log WHERE action = ? ORDER BY id", (action,)
    )
    return [(row["actor_id"], json.loads(row["detail"])) for row in rows]


async def test_only_staff_see_or_stop_announcements(bot: Harness) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    broadcast_id, _ = await queue_text(bot.store, "Info", send_at=IN_TWO_DAYS)
    async with workspace(bot, ADMIN_ID) as client:
        stranger = client.as_user(init_data(bot.settings.token(), STRANGER))
        nobody = client.as_user("")
        for action, body in (("broadcasts", {}), ("broadcast-stop", {"id": broadcast_id})):
            assert await stranger.call(action, body) == (403, {"error": "forbidden"})
            assert await nobody.call(action, body) == (401, {"error": "unauthorized"})
        status, answer = await client.call("broadcast-stop", {"id": "1; DROP"})
        assert (status, answer["error"]) == (400, "bad_request")
    assert await bot.store.broadcasts.status(broadcast_id) == "queued"
    assert await audit(bot, "broadcast_cancelled") == []


async def test_the_list_says_what_runs_is_scheduled_and_ended_as_the_chat_does(
    bot: Harness,
) -> None:
    await add_subscribers(bot.store, bot.emulator, 2)
    await add_subscribers(bot.store, bot.emulator, 1, language="en")
    done_id, _ = await queue_text(bot.store, "<b>Sudah</b> lewat &amp; selesai")
    await wait_delivered(bot.store, done_id)
    later_id, _ = await queue_text(
        bot.store, "Open call <b>MU:CON</b>", english="Open call", send_at=IN_TWO_DAYS,
        audience=("language", "en"),
    )  # fmt: skip
    async with workspace(bot, ADMIN_ID) as client:
        listed = await client.ok("broadcasts")
        english = client.as_user(init_data(bot.settings.token(), ADMIN_ID, language="en"))
        in_english = await english.ok("broadcasts")
    [later] = listed["active"]
    when = wib_words(CONTENT, IN_TWO_DAYS, "id")
    assert later["id"] == later_id and later["scheduled"] is True
    assert later["line"] == said(Text.BROADCAST_ITEM_SCHEDULED, id=later_id, when=when, total=1)
    assert later["audience"] == said(Text.WS_BROADCAST_AUDIENCE, audience="🇬🇧 English")
    assert later["excerpt"] == "Open call MU:CON"  # as text: the tags dropped
    item = said(Text.BROADCAST_ITEM_SCHEDULED, id=later_id, when=when, total=1)
    assert later["confirm"] == said(Text.BROADCAST_STOP_CONFIRM, item=item)
    [done] = listed["ended"]
    assert done["id"] == done_id and done["status"] == "done"
    assert done["line"] == said(
        Text.BROADCAST_REPORT, id=done_id, total=3, sent=3, failed=0, blocked=0, skipped=0
    )
    assert done["excerpt"] == "Sudah lewat & selesai"
    assert "confirm" not in done
    [later_en] = in_english["active"]
    assert later_en["audience"] == said(Text.WS_BROADCAST_AUDIENCE, "en", audience="🇬🇧 English")
    finished = f"✅ Announcement #{done_id} finished\nSent: 3 of 3"
    assert in_english["ended"][0]["line"].startswith(finished)


async def test_a_long_announcements_excerpt_is_cut_between_whole_characters(
    bot: Harness,
) -> None:
    """The list's excerpt of a long announcement ends in "…" after whole characters as people
    see them: never half of a family emoji or a flag (an attacker's review, s55)."""
    await add_subscribers(bot.store, bot.emulator, 1)
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # 👨‍👩‍👧: five code points
    text = "a" * 157 + family + " dan 🇮🇩 lagi"  # the cut by code points fell inside it
    await queue_text(bot.store, text, send_at=IN_TWO_DAYS)
    async with workspace(bot, ADMIN_ID) as client:
        [listed] = (await client.ok("broadcasts"))["active"]
    excerpt = listed["excerpt"]
    assert excerpt.endswith("…") and excerpt.startswith("a" * 157)
    assert excerpt[157:-1] in ("", family)  # the emoji whole or not at all


async def test_a_stop_goes_through_the_chats_cancel_and_is_recorded_from_the_workspace(
    bot: Harness,
) -> None:
    await add_subscribers(bot.store, bot.emulator, 2)
    broadcast_id, _ = await queue_text(bot.store, "Info", send_at=IN_TWO_DAYS)
    async with workspace(bot, ADMIN_ID) as client:
        stopped = await client.ok("broadcast-stop", {"id": broadcast_id})
        again = await client.ok("broadcast-stop", {"id": broadcast_id})  # a second click
        never = await client.ok("broadcast-stop", {"id": 999})
        listed = await client.ok("broadcasts")
    assert stopped == {"outcome": "stopped", "text": said(Text.BROADCAST_STOPPED, id=broadcast_id)}
    ended = said(Text.BROADCAST_ALREADY_ENDED, id=broadcast_id)
    assert again == {"outcome": "ended", "text": ended}
    assert never["outcome"] == "ended"
    assert await bot.store.broadcasts.status(broadcast_id) == "cancelled"
    assert await audit(bot, "broadcast_cancelled") == [
        (ADMIN_ID, {"broadcast": broadcast_id, "from": "workspace"})
    ]
    assert listed["active"] == []
    [shown] = listed["ended"]
    assert shown["line"] == said(
        Text.BROADCAST_REPORT_CANCELLED,
        id=broadcast_id,
        total=2,
        sent=0,
        remaining=2,
        blocked=0,
        failed=0,
        skipped=0,
    )
    assert bot.emulator.calls_to("sendMessage") == [] or all(
        call.params["chat_id"] == ADMIN_ID for call in bot.emulator.calls_to("sendMessage")
    )  # nothing went to a talent


# ----- writing one ------------------------------------------------------------------------------

IN_TWO_DAYS_WIB = (datetime.now(UTC) + timedelta(days=2, hours=7)).strftime("%d-%m-%Y %H.%M")
FOOTER_ID = CONTENT.text(Text.ANNOUNCEMENT_FOOTER, "id")
FOOTER_EN = CONTENT.text(Text.ANNOUNCEMENT_FOOTER, "en")


def written(text: str = "Open call <b>MU:CON</b> R&D", **fields: Any) -> dict[str, Any]:
    """What the page sends for an announcement."""
    return {"text": text, "text_en": "", "audience": "all", "at": "", **fields}


async def queued_rows(bot: Harness) -> list[tuple[int, str, int]]:
    rows = await bot.store.db.fetch_all(
        "SELECT id, status, total FROM broadcasts WHERE status != 'composing'"
        " AND queued_at IS NOT NULL ORDER BY id"
    )
    return [(row["id"], row["status"], row["total"]) for row in rows]


async def test_only_staff_write_preview_or_send(bot: Harness) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    async with workspace(bot, ADMIN_ID) as client:
        draft = await client.ok("broadcast-preview", written())
        stranger = client.as_user(init_data(bot.settings.token(), STRANGER))
        nobody = client.as_user("")
        for action, body in (
            ("broadcast-preview", written()),
            ("broadcast-try", {"id": draft["id"]}),
            ("broadcast-send", {"id": draft["id"]}),
        ):
            assert await stranger.call(action, body) == (403, {"error": "forbidden"})
            assert await nobody.call(action, body) == (401, {"error": "unauthorized"})
        # Anything but the choices offered is a 400.
        for bad in ({"audience": "everyone"}, {"audience": "sector=jazz"}, {"text": 12}):
            status, answer = await client.call("broadcast-preview", written(**bad))
            assert (status, answer["error"]) == (400, "bad_request"), bad
    assert await queued_rows(bot) == []
    assert await audit(bot, "broadcast_queued") == []


async def test_an_announcement_is_previewed_then_queued_once_as_the_chat_queues_it(
    bot: Harness,
) -> None:
    talents = await add_subscribers(bot.store, bot.emulator, 2)
    english = await add_subscribers(bot.store, bot.emulator, 1, language="en")
    admin = bot.emulator.user(ADMIN_ID)
    await bot.send(admin, "/start")
    async with workspace(bot, ADMIN_ID) as client:
        listed = await client.ok("broadcasts")
        assert listed["audiences"][0] == {
            "value": "all",
            "label": said(Text.BTN_AUDIENCE_ALL, count=3),
        }
        languages = next(
            choice for choice in listed["audiences"][1:]
            if choice["group"] == said(Text.BTN_AUDIENCE_LANGUAGE)
        )  # fmt: skip
        assert {option["value"] for option in languages["options"]} == {
            "language=id",
            "language=en",
        }
        shown = await client.ok(
            "broadcast-preview", written(text_en="Open call <i>MU:CON</i> in Seoul")
        )
        assert shown["outcome"] == "preview" and shown["scheduled"] is False
        main, in_english = shown["versions"]
        assert main["html"] == f"Open call <b>MU:CON</b> R&amp;D\n\n{FOOTER_ID}"
        assert in_english["html"] == f"Open call <i>MU:CON</i> in Seoul\n\n{FOOTER_EN}"
        # Without the English version, its readers are told to get the main one.
        only_main = await client.ok("broadcast-preview", written())
        assert only_main["summary"].split("\n")[1] == said(
            Text.BROADCAST_CONFIRM_NO_ENGLISH, english=1
        )
        shown = await client.ok(
            "broadcast-preview", written(text_en="Open call <i>MU:CON</i> in Seoul")
        )
        summary = shown["summary"].split("\n")
        assert summary[0] == said(
            Text.WS_BROADCAST_RECIPIENTS, count=3, audience=said(Text.BROADCAST_AUDIENCE_ALL)
        )
        assert summary[1] == said(Text.BROADCAST_CONFIRM_SPLIT, main=2, english=1)
        # Sent to the staff member's own chat, exactly as recipients get it.
        mark = bot.emulator.chat(ADMIN_ID).mark()
        tried = await client.ok("broadcast-try", {"id": shown["id"]})
        assert tried == {"outcome": "sent", "text": said(Text.WS_BROADCAST_SENT_ME)}
        got = bot.emulator.chat(ADMIN_ID).messages_since(mark)
        assert [message.html for message in got] == [
            CONTENT.text(Text.BROADCAST_PREVIEW_INTRO, "id"),  # not taken for the real one
            main["html"],
            CONTENT.text(Text.BROADCAST_PREVIEW_ENGLISH, "id"),
            in_english["html"],
        ]
        assert await queued_rows(bot) == []  # a preview queues nothing
        body = {"id": shown["id"], "written": shown["written"]}
        sent = await client.ok("broadcast-send", body)
        again = await client.ok("broadcast-send", body)
    assert sent == {
        "outcome": "queued",
        "id": shown["id"],
        "text": said(Text.WS_BROADCAST_QUEUED, id=shown["id"], count=3),
    }
    assert again == {
        "outcome": "already",
        "text": said(Text.WS_BROADCAST_ALREADY_QUEUED, id=shown["id"]),
    }
    tally = await wait_delivered(bot.store, shown["id"])
    assert tally.sent == 3
    for talent in talents:
        assert bot.emulator.chat(talent.id).last_message.html == main["html"]
    assert bot.emulator.chat(english[0].id).last_message.html == in_english["html"]
    [(actor, detail)] = await audit(bot, "broadcast_queued")
    assert actor == ADMIN_ID
    assert detail["from"] == "workspace" and detail["broadcast"] == shown["id"]
    assert (detail["audience"], detail["recipients"]) == ("all", 3)


async def test_a_double_click_queues_once(bot: Harness) -> None:
    await add_subscribers(bot.store, bot.emulator, 2)
    async with workspace(bot, ADMIN_ID) as client:
        shown = await client.ok("broadcast-preview", written(at=IN_TWO_DAYS_WIB))
        assert shown["scheduled"] is True
        body = {"id": shown["id"], "written": shown["written"]}
        first, second = await asyncio.gather(
            client.ok("broadcast-send", body), client.ok("broadcast-send", body)
        )
        listed = await client.ok("broadcasts")
    assert sorted([first["outcome"], second["outcome"]]) == ["already", "queued"]
    assert await queued_rows(bot) == [(shown["id"], "queued", 2)]
    assert len(await audit(bot, "broadcast_queued")) == 1
    [item] = listed["active"]
    assert item["id"] == shown["id"] and item["scheduled"] is True
    frozen = await bot.store.db.fetch_value(
        "SELECT COUNT(*) FROM broadcast_recipients WHERE broadcast_id = ?", (shown["id"],)
    )
    assert frozen == 2


async def test_what_telegram_would_refuse_is_refused_with_the_reason(bot: Harness) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    async with workspace(bot, ADMIN_ID) as client:

        async def refused(**fields: Any) -> tuple[str, str]:
            answer = await client.ok("broadcast-preview", written(**fields))
            assert answer["outcome"] == "refused", answer
            return answer["field"], answer["text"]

        main = said(Text.WS_BROADCAST_VERSION_MAIN)
        assert await refused(text="   ") == ("text", said(Text.WS_BROADCAST_EMPTY_TEXT))
        field, text = await refused(text="Info <b>tebal tanpa tutup")
        assert (field, text) == (
            "text",
            said(
                Text.WS_BROADCAST_BAD_HTML,
                version=main,
                problem="tag <b> tidak pernah ditutup: tambahkan </b>",
            ),
        )
        # A real broken tag, refused in our words (not "Unmatched end tag at byte offset 8").
        field, text = await refused(text="<b>tebal</i>")
        problem = 'tag penutup </i> di "<b>tebal</i>" tidak cocok dengan tag yang dibuka'
        assert (field, text) == (
            "text",
            said(Text.WS_BROADCAST_BAD_HTML, version=main, problem=problem),
        )
        field, text = await refused(text_en="Info <div>x</div>")
        assert field == "text_en" and text.startswith(said(Text.WS_BROADCAST_VERSION_EN))
        field, text = await refused(text="a" * 4100)
        # Counted with the longest unsubscribe line its readers may get (the English one,
        # without an English version: a staff review s60, M2), not only the Indonesian one.
        too_long = said(Text.WS_BROADCAST_TOO_LONG, version=main, length=4200, limit=4096)
        assert (field, text) == ("text", too_long)
        # Text without tags goes out as typed: "<3" and "&" are not markup.
        plain = await client.ok("broadcast-preview", written(text="Kami <3 kalian, R&D 5 < 6"))
        assert plain["versions"][0]["html"].startswith("Kami &lt;3 kalian, R&amp;D 5 &lt; 6")
        # Beside typed tags, a "<" that starts no tag is text too, as in chat (a review:
        # "usia <25 tahun" under a <b> title was refused with "Unsupported start tag").
        tagged = await client.ok(
            "broadcast-preview", written(text="<b>Open call</b>\nMusisi usia <25 tahun dibuka")
        )
        assert tagged["outcome"] != "refused", tagged
        assert tagged["versions"][0]["html"].startswith(
            "<b>Open call</b>\nMusisi usia &lt;25 tahun dibuka"
        )
        # What Telegram drops (control characters, bidi overrides) is not in the preview.
        stripped = await client.ok("broadcast-preview", written(text="a\x00b \u202eevil\x07"))
        assert stripped["versions"][0]["html"].startswith("ab evil\n")
    assert await queued_rows(bot) == []


async def test_an_empty_audience_and_a_past_time_are_refused_in_the_chats_words(
    bot: Harness,
) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    async with workspace(bot, ADMIN_ID) as client:
        empty = await client.ok("broadcast-preview", written(audience="language=en"))
        assert empty == {
            "outcome": "refused",
            "field": "audience",
            "text": said(Text.BROADCAST_EMPTY_AUDIENCE),
        }
        past = await client.ok("broadcast-preview", written(at="01-01-2020 09.00"))
        when, example = "1 Januari 2020, 09.00", example_wib("id")  # said back, as in the chat
        refused = said(Text.BROADCAST_PAST_TIME, when=when, example=example)
        assert (past["field"], past["text"]) == ("at", refused)
        nonsense = await client.ok("broadcast-preview", written(at="besok pagi"))
        assert nonsense["text"].startswith(said(Text.BROADCAST_BAD_TIME, example="X")[:20])
        no_day = await client.ok("broadcast-preview", written(at="31-02-2027 09.00"))
        assert no_day["text"].startswith(said(Text.BROADCAST_NO_SUCH_TIME, example="X")[:20])
        # A time that passed between the preview and Send is refused at Send too.
        shown = await client.ok("broadcast-preview", written(at=IN_TWO_DAYS_WIB))
        body = {"id": shown["id"], "written": shown["written"]}
        async with bot.store.db.transaction() as tx:
            await tx.execute(
                "UPDATE broadcasts SET send_at = '2020-01-01T02:00:00.000000+00:00' WHERE id = ?",
                (shown["id"],),
            )
        late = await client.ok("broadcast-send", body)
        assert (late["outcome"], late["field"]) == ("refused", "at")
        async with bot.store.db.transaction() as tx:
            await tx.execute(
                "UPDATE broadcasts SET send_at = ? WHERE id = ?", (IN_TWO_DAYS, shown["id"])
            )
        # Subscribers who left since the preview: refused, not queued to nobody.
        async with bot.store.db.transaction() as tx:
            await tx.execute("UPDATE users SET subscribed = 0")
        gone = await client.ok("broadcast-send", body)
        assert (gone["outcome"], gone["field"]) == ("refused", "audience")
    assert await queued_rows(bot) == []


async def test_a_preview_telegram_refuses_is_said_and_a_replaced_draft_is_not_sent(
    bot: Harness,
) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    async with workspace(bot, ADMIN_ID) as client:  # the admin never started the bot
        first = await client.ok("broadcast-preview", written())
        tried = await client.ok("broadcast-try", {"id": first["id"]})
        # Refused for their chat, not the text: said with what to do (s65; it said "fix it").
        handle = f"@{bot.runner.application.bot.username}"
        assert tried == {"outcome": "refused", "text": said(Text.WS_UNREACHABLE, bot=handle)}
        # Previewed again (another window, say): the same draft, and id, written anew; Send
        # under the first preview would send words it did not show, so it is refused.
        second = await client.ok("broadcast-preview", written(text="Versi baru"))
        assert second["id"] == first["id"] and second["written"] != first["written"]
        old = await client.ok("broadcast-send", {"id": first["id"], "written": first["written"]})
        assert old == {"outcome": "gone", "text": said(Text.WS_BROADCAST_DRAFT_GONE)}
        # ... also when the new preview lands between Send's check and its queueing (an
        # attacker's review): the queueing itself asks for the writing previewed.
        stale = await bot.store.broadcasts.queue(
            first["id"], "workspace", "all", None, IN_TWO_DAYS, written=first["written"]
        )
        assert stale is None
        other = client.as_user(init_data(bot.settings.token(), 1001))
        bot.settings.admin_ids = frozenset({ADMIN_ID, 1001})
        mine = {"id": second["id"], "written": second["written"]}
        theirs = await other.ok("broadcast-send", mine)
        assert theirs["outcome"] == "gone"  # not their draft
    assert await queued_rows(bot) == []


async def test_previews_use_up_no_ids_and_send_keeps_the_previewed_time(bot: Harness) -> None:
    """An attacker's review: each preview made a new draft (the first announcement sent was
    #14 after 13 previews), and Send read the time again from its request (a draft previewed
    for two days ahead went out at once with an empty time)."""
    await add_subscribers(bot.store, bot.emulator, 2)
    async with workspace(bot, ADMIN_ID) as client:
        ids = {
            (await client.ok("broadcast-preview", written(text=f"Versi {n}", at=IN_TWO_DAYS_WIB)))[
                "id"
            ]
            for n in range(5)
        }
        shown = await client.ok("broadcast-preview", written(at=IN_TWO_DAYS_WIB))
        forged = {"id": shown["id"], "written": shown["written"], "at": ""}
        sent = await client.ok("broadcast-send", forged)
    assert ids == {shown["id"]} == {1}
    assert sent["outcome"] == "queued"
    assert sent["text"].startswith(said(Text.WS_BROADCAST_SCHEDULED, id=1, when="X", count=2)[:20])
    rows = await bot.store.db.fetch_all("SELECT id, status, send_at FROM broadcasts")
    assert [(row["id"], row["status"]) for row in rows] == [(1, "queued")]
    assert rows[0]["send_at"] > datetime.now(UTC).isoformat()  # still two days ahead


async def test_a_preview_to_me_when_telegram_is_busy_says_try_again(bot: Harness) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    admin = bot.emulator.user(ADMIN_ID)
    await bot.send(admin, "/start")
    async with workspace(bot, ADMIN_ID) as client:
        shown = await client.ok("broadcast-preview", written())
        bot.emulator.fail_next("sendMessage", status=502, times=10, chat_id=ADMIN_ID)
        tried = await client.ok("broadcast-try", {"id": shown["id"]})
    assert tried["outcome"] == "refused"
    assert tried["text"].startswith(said(Text.WS_BROADCAST_TRY_LATER, error="X")[:25])
    assert await queued_rows(bot) == []


async def test_a_talent_with_two_accounts_closed_as_duplicates_gets_an_announcement_once(
    bot: Harness,
) -> None:
    """Sari and Budi, her second account (same phone): both subscribed, each counted while the
    two leads are only marked; once Budi's lead is closed as a duplicate of Sari's, an
    announcement counts and reaches Sari's account only (a staff review s55: twice)."""
    sari, budi = await a_draft_then_two_leads(bot)
    for talent in (sari, budi):
        await bot.send(talent, "/langganan")
    await bot.send(bot.emulator.user(ADMIN_ID), "/start")
    everyone = {"value": "all", "label": said(Text.BTN_AUDIENCE_ALL, count=2)}
    async with workspace(bot, ADMIN_ID) as client:
        assert (await client.ok("broadcasts"))["audiences"][0] == everyone
        lead = await client.ok("lead", {"id": 3})
        closing = {"id": 3, "other": 2, "version": lead["version"]}
        assert (await client.ok("close-duplicate", closing))["outcome"] == "saved"
        audiences = (await client.ok("broadcasts"))["audiences"]
        assert audiences[0] == {**everyone, "label": said(Text.BTN_AUDIENCE_ALL, count=1)}
        # A group's count on its button too (both accounts write Indonesian).
        [indonesian] = [
            option
            for choice in audiences[1:]
            for option in choice.get("options", [])
            if option["value"] == "language=id"
        ]
        assert indonesian["label"].endswith("(1)"), indonesian
        shown = await client.ok("broadcast-preview", written("Open call MU:CON"))
        assert shown["summary"].split("\n")[:2] == [
            said(Text.WS_BROADCAST_RECIPIENTS, count=1, audience=said(Text.BROADCAST_AUDIENCE_ALL)),
            # said why one fewer than /stats counts (a staff review s55: nothing said so)
            said(Text.BROADCAST_LEFT_OUT_DUPLICATES, count=1),
        ]
        marks = {talent.id: talent.mark() for talent in (sari, budi)}
        await client.ok("broadcast-send", {"id": shown["id"], "written": shown["written"]})
    tally = await wait_delivered(bot.store, shown["id"])
    assert (tally.sent, tally.total) == (1, 1)
    got = {
        talent.first_name: [m.text for m in talent.messages_since(marks[talent.id])]
        for talent in (sari, budi)
    }
    assert len(got["Sari"]) == 1 and got["Sari"][0].startswith("Open call MU:CON")
    assert got["Budi"] == []
    # The chat's /broadcast preview says it too, under its count.
    admin = bot.emulator.user(ADMIN_ID)
    await bot.send(admin, "/broadcast")
    await bot.act(admin, bot.emulator.user_message, admin, admin, text="Info")
    (asked,) = await bot.press(admin, said(Text.BTN_BROADCAST_SAME))
    # The audience question says why its count is one fewer than /stats's, in the same words
    # (a staff review s55: "Pelanggan aktif saat ini: 9" while /stats said 10).
    assert asked.text.split("\n")[-2:] == [
        said(Text.BROADCAST_ASK_AUDIENCE, count=1).split("\n")[-1],
        said(Text.BROADCAST_LEFT_OUT_DUPLICATES, count=1),
    ]
    *_, confirm = await bot.press(admin, said(Text.BTN_AUDIENCE_ALL, count=1))
    all_said = said(Text.BROADCAST_AUDIENCE_ALL)
    count, _, left_out, *_ = confirm.text.split("\n")
    heading = said(Text.BROADCAST_CONFIRM, count=1, audience=all_said, split="")
    assert count == heading.split("\n")[0]
    assert left_out == said(Text.BROADCAST_LEFT_OUT_DUPLICATES, count=1)
    # Budi's /status says where his program news goes, not that it comes to this chat (a staff
    # review s56: "Info program aktif" on the account every announcement now leaves out); once
    # Sari's account stops it, announcements reach Budi again, and his /status says so.
    (status,) = await bot.send(budi, "/status")
    assert said(Text.STATUS_NEWS_ELSEWHERE, reference="KOC-000001") in status.text
    assert said(Text.STATUS_NEWS_ON) not in status.text
    await bot.send(sari, "/berhenti")
    (status,) = await bot.send(budi, "/status")
    assert said(Text.STATUS_NEWS_ON) in status.text
    assert await bot.store.broadcasts.audience_left_out("all", None) == 0
