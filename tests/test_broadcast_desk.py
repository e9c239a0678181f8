"""Announcements once queued (view, reschedule, cancel asked once), and what staff type:
HTML tags honoured as formatting or refused, examples of times that lie ahead."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.leads.export import wib_words
from bot.outreach.broadcast import example_wib, format_wib, parse_wib
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, shown
from tests.subscribers import add_subscribers, queue_text, submit_application

IN_TWO_DAYS = (datetime.now(UTC) + timedelta(days=2)).isoformat(timespec="microseconds")


async def _audit(bot: Harness, action: str) -> list[tuple[int, str]]:
    """(actor, detail) of the audit entries of one action, oldest first."""
    rows = await bot.store.db.fetch_all(
        "SELECT actor_id, detail FROM audit_log WHERE action = ? ORDER BY id", (action,)
    )
    return [(row["actor_id"], row["detail"]) for row in rows]


async def _write(bot: Harness, sql: str, params: tuple[Any, ...]) -> None:
    async with bot.store.db.transaction() as tx:
        await tx.execute(sql, params)


async def _compose(bot: Harness, text: str, **fields: Any) -> list[Any]:
    """/broadcast, then the admin's message; what the bot answered to the message."""
    admin = bot.emulator.user(ADMIN_ID)
    await bot.send(admin, "/broadcast")
    return await bot.act(admin, bot.emulator.user_message, admin, admin, text=text, **fields)


async def _preview_html(bot: Harness) -> str:
    admin = bot.emulator.user(ADMIN_ID)
    await bot.press(admin, shown(Text.BTN_BROADCAST_SAME))
    [_, preview, _] = await bot.press(admin, shown(Text.BTN_AUDIENCE_ALL, count=1))
    assert preview.html is not None
    return preview.html


async def test_html_typed_by_staff_is_sent_as_formatting(bot: Harness) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    [asked] = await _compose(bot, 'Open call <b>MU:CON</b> R&D <a href="https://mucon.kr">info</a>')
    assert shown(Text.BTN_BROADCAST_SAME) in asked.button_texts  # accepted
    html = await _preview_html(bot)
    # Exactly as the talents will get it: bold and a link, no literal tags, & made valid.
    assert html.startswith('Open call <b>MU:CON</b> R&amp;D <a href="https://mucon.kr">info</a>')


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("<b>Open call</b> <script>x</script>", "tidak mengenal tag <script>"),
        ("<b>Open call tahun ini", "tag <b> tidak pernah ditutup: tambahkan </b>"),
        ("<b>Info</b> &#57311; baru", "kode karakter"),  # crashed: "ada gangguan"
        ("<a href=https://mucon.kr>info</a>", 'tag di "<a href=https://mucon'),
        # A full-width colon in the address: "ada gangguan" before (a review's fuzz).
        # The whole tag is quoted, so staff see the colon at fault (it was cut at "https:/"),
        # from its own line (the heading above was quoted: an attacker's review).
        (
            'Daftar <a href="https://kocca\uff1akr">di sini</a>',
            'tag di "Daftar <a href="https://kocca\uff1akr">"',
        ),
        (
            '<b>Open call</b>\n<a href="https://kocca\uff1akr/daftar">di sini</a>',
            'tag di "<a href="https://kocca\uff1akr/daftar">"',
        ),
        # A right-to-left override in the quote would turn the rest of the line around.
        ("\u202eInfo <blink>baru</blink>", 'di "Info <blink>baru'),
        # In our words, not Telegram's ("Unmatched end tag at byte offset 8…", a review).
        ("<b>tebal</i>", 'tag penutup </i> di "<b>tebal</i>" tidak cocok'),
    ],
)
async def test_html_telegram_would_refuse_is_refused_with_the_reason(
    bot: Harness, typed: str, why: str
) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    [refused] = await _compose(bot, typed)
    assert refused.text.startswith(shown(Text.BROADCAST_BAD_HTML, problem="…").split("(")[0])
    assert why in refused.text
    assert "byte offset" not in refused.text and "Telegram would" not in refused.text
    # The draft still waits for the announcement: a good one goes on.
    admin = bot.emulator.user(ADMIN_ID)
    [asked] = await bot.send(admin, "<b>Open call</b> tahun ini")
    assert shown(Text.BTN_BROADCAST_SAME) in asked.button_texts


FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # one emoji, 7 code points
FLAGS = "\U0001f1ee\U0001f1e9\U0001f1f0\U0001f1f7" * 3 + "\U0001f1ee\U0001f1e9"  # ID KR ... ID


async def test_a_refusals_quote_is_cut_between_characters_tags_and_references(
    bot: Harness,
) -> None:
    """An attacker's review: the quote around a refused tag started or stopped inside an
    emoji (a flag's half, a family's ZWJ sequence) or a reference ("amp;Jerry", "&#12"), and
    stopped at a ">" inside an attribute's quotes. Typed one after another to one draft."""
    await add_subscribers(bot.store, bot.emulator, 1)
    await _compose(bot, "Pengumuman")
    admin = bot.emulator.user(ADMIN_ID)
    await bot.send(admin, "/broadcast")
    for typed, near in [
        (f"{FLAGS} <blink>x</blink>", f"{FLAGS} <blink>x</blink>"),
        (f"<blink>{FAMILY * 3}", f"<blink>{FAMILY * 3}"),
        ("Tom&Jerry! <blink>x</blink>", "Tom&Jerry! <blink>x</blink>"),
        ("Info <blink>baru &#128512; ya", "Info <blink>baru \U0001f600 ya"),
        (
            'Daftar <a href="https://kocca\uff1akr/?a=1>2">di sini</a>',
            'Daftar <a href="https://kocca\uff1akr/?a=1>2">',
        ),
    ]:
        [refused] = await bot.send(admin, typed)
        assert f'di "{near}"' in refused.text, typed


async def test_a_lone_lt_beside_typed_tags_is_sent_as_text(bot: Harness) -> None:
    """ "usia <25 tahun" under a typed <b> title: the "<" starts no tag, so it goes out as
    text, as the workspace sends the same text (a review: refused in one, taken in the other)."""
    await add_subscribers(bot.store, bot.emulator, 1)
    typed = "<b>Open call MU:CON</b>\nMusisi usia <25 tahun, band <5 orang, a < b"
    [asked] = await _compose(bot, typed)
    assert shown(Text.BTN_BROADCAST_SAME) in asked.button_texts  # accepted
    html = await _preview_html(bot)
    assert html.startswith(
        "<b>Open call MU:CON</b>\nMusisi usia &lt;25 tahun, band &lt;5 orang, a &lt; b"
    )


async def test_typed_tags_mixed_with_the_apps_formatting_are_refused(bot: Harness) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    bold = [{"type": "bold", "offset": 0, "length": 4}]
    [refused] = await _compose(bot, "Open <i>call</i>", entities=bold)
    assert refused.text == shown(Text.BROADCAST_MIXED_FORMATTING)


async def test_the_schedule_example_is_a_time_still_ahead(bot: Harness) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    await _compose(bot, "Pendaftaran dibuka")
    await _preview_html(bot)
    admin = bot.emulator.user(ADMIN_ID)
    [ask] = await bot.press(admin, shown(Text.BTN_BROADCAST_SCHEDULE))
    example = example_wib("id")  # the day first, 09.00: as the bot writes times back
    assert re.fullmatch(r"\d\d-\d\d-20\d\d 09\.00", example)
    assert ask.text == shown(Text.BROADCAST_ASK_TIME, example=example)
    stored = parse_wib(example)
    assert stored is not None and stored > datetime.now(UTC).isoformat()
    [bad] = await bot.send(admin, "besok pagi")
    assert bad.text == shown(Text.BROADCAST_BAD_TIME, example=example)
    [no_such_day] = await bot.send(admin, "31-02-2027 10.00")
    assert no_such_day.text == shown(Text.BROADCAST_NO_SUCH_TIME, example=example)
    [no_such_hour] = await bot.send(admin, "2027-01-05 25:00")
    assert no_such_hour.text == shown(Text.BROADCAST_NO_SUCH_TIME, example=example)
    [past_the_clock] = await bot.send(admin, "besok 24.00")  # the final review s61, L2
    assert past_the_clock.text == shown(Text.BROADCAST_NO_SUCH_TIME, example=example)


async def test_a_scheduled_announcement_is_viewed_and_rescheduled(bot: Harness) -> None:
    [talent] = await add_subscribers(bot.store, bot.emulator, 1)
    broadcast_id, _ = await queue_text(bot.store, "<b>MU:CON</b> 2026", send_at=IN_TWO_DAYS)
    admin = bot.emulator.user(ADMIN_ID)
    [listing] = await bot.send(admin, "/broadcast")
    view = shown(Text.BTN_BROADCAST_VIEW, id=broadcast_id)
    assert listing.button_texts[:2] == [view, shown(Text.BTN_BROADCAST_STOP, id=broadcast_id)]

    [announcement, details] = await bot.press(admin, view)
    assert announcement.html is not None and announcement.html.startswith("<b>MU:CON</b> 2026")
    assert wib_words(CONTENT, IN_TWO_DAYS, "id") in details.text  # 5 Desember 2026, 09.00
    assert details.button_texts[:2] == [
        shown(Text.BTN_BROADCAST_RESCHEDULE),
        shown(Text.BTN_BROADCAST_STOP, id=broadcast_id),
    ]
    # A staff review s61 (L2): how to fix a typo in it, said where it is looked at.
    assert details.text.endswith(shown(Text.BROADCAST_VIEW_FIX_TEXT, id=broadcast_id))
    [ask] = await bot.press(admin, shown(Text.BTN_BROADCAST_RESCHEDULE))
    assert ask.text.startswith(f"Pengumuman #{broadcast_id} sekarang dijadwalkan")

    later = (datetime.now(UTC) + timedelta(days=5)).astimezone(UTC)
    typed = format_wib(later.isoformat())
    [done] = await bot.send(admin, typed)
    item = await bot.store.broadcasts.get(broadcast_id)
    assert item is not None and item.status == "queued"
    assert item.send_at is not None and format_wib(item.send_at) == typed
    when = wib_words(CONTENT, item.send_at, "id")  # as EYD writes it: 8 Desember 2026, 23.36
    assert done.text == shown(Text.BROADCAST_RESCHEDULED, id=broadcast_id, when=when)
    [(actor, detail)] = await _audit(bot, "broadcast_rescheduled")
    assert actor == ADMIN_ID
    assert json.loads(detail) == {
        "broadcast": broadcast_id,
        "was": IN_TWO_DAYS,
        "now": item.send_at,
    }
    # The next message the admin types is a message again, not another new time.
    assert await bot.store.broadcasts.time_asked(ADMIN_ID) is None
    assert talent.messages == []


async def test_a_reschedule_press_expires(bot: Harness) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    broadcast_id, _ = await queue_text(bot.store, "Info", send_at=IN_TWO_DAYS)
    admin = bot.emulator.user(ADMIN_ID)
    await bot.send(admin, "/broadcast")
    await bot.press(admin, shown(Text.BTN_BROADCAST_VIEW, id=broadcast_id))
    await bot.press(admin, shown(Text.BTN_BROADCAST_RESCHEDULE))
    old = (datetime.now(UTC) - timedelta(minutes=31)).isoformat(timespec="microseconds")
    await _write(bot, "UPDATE broadcast_prompts SET created_at = ?", (old,))
    await bot.send(admin, format_wib((datetime.now(UTC) + timedelta(days=9)).isoformat()))
    item = await bot.store.broadcasts.get(broadcast_id)
    assert item is not None and item.send_at == IN_TWO_DAYS  # the old press did not act


async def test_cancelling_asks_once_and_no_keeps_it(bot: Harness) -> None:
    await add_subscribers(bot.store, bot.emulator, 1)
    broadcast_id, _ = await queue_text(bot.store, "Info", send_at=IN_TWO_DAYS)
    admin = bot.emulator.user(ADMIN_ID)
    await bot.send(admin, "/broadcast")
    [question] = await bot.press(admin, shown(Text.BTN_BROADCAST_STOP, id=broadcast_id))
    assert question.button_texts == [
        shown(Text.BTN_BROADCAST_STOP_YES),
        shown(Text.BTN_BROADCAST_KEEP),
    ]
    await bot.press(admin, shown(Text.BTN_BROADCAST_KEEP))
    assert await bot.store.broadcasts.status(broadcast_id) == "queued"
    assert await _audit(bot, "broadcast_cancelled") == []

    await bot.press(admin, shown(Text.BTN_BROADCAST_STOP, id=broadcast_id))
    [stopped] = await bot.press(admin, shown(Text.BTN_BROADCAST_STOP_YES))
    assert stopped.text == shown(Text.BROADCAST_STOPPED, id=broadcast_id)
    assert await bot.store.broadcasts.status(broadcast_id) == "cancelled"
    cancelled = await _audit(bot, "broadcast_cancelled")
    assert [(actor, json.loads(detail)) for actor, detail in cancelled] == [
        (ADMIN_ID, {"broadcast": broadcast_id})
    ]


async def test_a_lead_closed_as_a_duplicate_is_in_no_stage_audience(bot: Harness) -> None:
    # A desk review: "Dihubungi (1)" was offered and sent to a talent whose only lead was
    # closed as a duplicate, which every figure counts apart from its stage.
    talents = await add_subscribers(bot.store, bot.emulator, 2)
    for talent in talents:
        await submit_application(bot.store, CONTENT, talent.id)
    stage = list(CONTENT.stages)[1]
    await _write(bot, "UPDATE lead_pipeline SET stage = ?", (stage,))
    await _write(
        bot,
        "UPDATE lead_pipeline SET duplicate_closed_at = '2026-12-06T00:00:00Z' WHERE"
        " application_id IN (SELECT id FROM applications WHERE user_id = ?)",
        (talents[1].id,),
    )
    assert await bot.store.broadcasts.audience_count("stage", stage) == 1
    assert await bot.store.broadcasts.audience_values("stage") == [(stage, 1)]


async def test_audience_stages_are_offered_in_pipeline_order(bot: Harness) -> None:
    talents = await add_subscribers(bot.store, bot.emulator, 4)
    for talent in talents:
        await submit_application(bot.store, CONTENT, talent.id)
    stages = list(CONTENT.stages)
    # More talents at a later stage than an earlier one: counts must not decide the order.
    for talent, stage in zip(talents, [stages[-1], stages[-1], stages[-1], stages[0]], strict=True):
        await _write(
            bot,
            "UPDATE lead_pipeline SET stage = ? WHERE application_id IN"
            " (SELECT id FROM applications WHERE user_id = ?)",
            (stage, talent.id),
        )
    await _compose(bot, "Info")
    admin = bot.emulator.user(ADMIN_ID)
    await bot.press(admin, shown(Text.BTN_BROADCAST_SAME))
    [values] = await bot.press(admin, shown(Text.BTN_AUDIENCE_STAGE))
    names = [CONTENT.stages[key].label.id for key in (stages[0], stages[-1])]
    assert [text.split(" (")[0] for text in values.button_texts[:2]] == names
