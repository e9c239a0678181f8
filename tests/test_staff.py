"""The staff desk through the real bot: /export, /stats, /leads, /lead, and who may use them."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import random
import re
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot import commands
from bot.alerts import Burst, Refusals
from bot.emulator import BotMessage, EmulatedUser
from bot.leads import export
from bot.store import Store
from bot.store.audit import Actor
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import TEST_FORWARDING, Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    Seed,
    apply,
    as_in_csv,
    as_records,
    consent,
    label,
    opening,
    read_csv,
    read_xlsx,
    realistic,
    rendered,
    seeded,
    shown,
)
from tests.processes import call_cli, run_cli
from tests.test_pipeline import two_staff

WIB = ZoneInfo("Asia/Jakarta")
DASH = "\N{EN DASH}"  # in age ranges, program titles and page ranges
STAFF_COMMANDS = ["/export", "/export musik", "/stats", "/leads", "/lead KOC-000001"]

# The export's columns: the questions' labels (content/intake.yaml), in questionnaire order.
COLUMN = {question.key: question.label.id for question in CONTENT.intake.questions}
# The lead pipeline's columns (tests/test_pipeline.py fills them in).
PIPELINE_HEADERS = [
    "Tahap",
    "Ditangani (nama, ID)",
    "Tahap terakhir diubah (WIB)",
    "Catatan staf (terbaru dulu)",
    "Kabar terkirim ke talenta",
    "Kemungkinan duplikat",
]
HEADERS = [
    "Referensi",
    "Waktu kirim (WIB)",
    *COLUMN.values(),
    "ID Telegram",
    "Username Telegram",
    "Bahasa chat",
    "Sumber",
    "Setuju pemrosesan data",
    "Setuju penerusan data",
    "Setuju info program",
    "Setuju orang tua/wali (di bawah 18)",
    *PIPELINE_HEADERS,
]


def admin_of(staff_chat: Any) -> EmulatedUser:
    """The admin the fixtures put in the staff group."""
    admin: EmulatedUser = staff_chat.members[ADMIN_ID]
    return admin


async def set_submitted(database: Path, reference: str, moment: str) -> None:
    """Test data setup: move a lead's submission time."""

    def update() -> None:
        with sqlite3.connect(database) as connection:
            connection.execute(
                "UPDATE applications SET submitted_at = ? WHERE reference = ?", (moment, reference)
            )
        connection.close()

    await asyncio.to_thread(update)


def documents(messages: list[BotMessage]) -> dict[str, bytes]:
    """The files among the bot's messages, by extension."""
    found = {}
    for message in messages:
        if message.document is not None:
            name, data, _ = message.document
            found[name.rsplit(".", 1)[-1]] = data
    return found


async def export_records(
    bot: Harness, admin: EmulatedUser, command: str = "/export"
) -> list[dict[str, str]]:
    """Run an export as the admin; check CSV and XLSX agree; return the rows."""
    files = documents(await bot.send(admin, command))
    assert sorted(files) == ["csv", "xlsx"]
    rows = read_csv(files["csv"])
    assert as_in_csv(read_xlsx(files["xlsx"])) == rows
    assert rows[0][:2] == HEADERS[:2]
    return as_records(rows)


@pytest.fixture
async def two_leads(bot: Harness) -> tuple[EmulatedUser, EmulatedUser]:
    """A musician (who came from an Instagram link) and a filmmaker who said no to Korea."""
    sari = bot.user(first_name="Sari", username="sari_id")
    await bot.send(sari, "/start ig_promo")
    assert await apply(bot, sari, MUSICIAN) == "KOC-000001"
    budi = bot.user(first_name="Budi", last_name="S.")
    assert await apply(bot, budi, FILMMAKER, korea=False) == "KOC-000002"
    # 23:59 and 00:00 WIB on either side of midnight, 11 January 2026
    await set_submitted(bot.database, "KOC-000001", "2026-01-10T16:59:00.000000+00:00")
    await set_submitted(bot.database, "KOC-000002", "2026-01-10T17:00:00.000000+00:00")
    return sari, budi


async def test_admin_gets_csv_and_xlsx_with_every_answer_in_its_column(
    bot: Harness, staff_chat: Any, two_leads: tuple[EmulatedUser, EmulatedUser]
) -> None:
    sari, budi = two_leads
    admin = admin_of(staff_chat)
    replies = await bot.send(admin, "/export")
    assert [message.kind for message in replies] == ["document", "document"]
    names = [message.document[0] for message in replies if message.document]
    assert names[0].startswith("kocca-pendaftar-") and names[0].endswith(".csv")
    assert names[1].startswith("kocca-pendaftar-") and names[1].endswith(".xlsx")
    assert replies[0].text.startswith("📄 2 pendaftar · dibuat ")
    files = documents(replies)
    rows = read_csv(files["csv"])
    assert rows[0] == HEADERS
    assert as_in_csv(read_xlsx(files["xlsx"])) == rows
    musician, filmmaker = as_records(rows)
    for record in (musician, filmmaker):  # untouched leads: at the first stage, nothing else
        pipeline = [record.pop(header) for header in PIPELINE_HEADERS]
        assert pipeline[:2] == ["Baru", ""] and pipeline[3:] == ["", "0", ""]
        # Neither chose "Lainnya": its "which one?" columns are empty.
        others = [key for key in COLUMN if key.endswith("_other")]
        assert [record.pop(COLUMN[key]) for key in others] == [""] * 5
    assert musician == {
        "Referensi": "KOC-000001",
        "Waktu kirim (WIB)": "2026-01-10 23:59",
        COLUMN["sector"]: "Musik",
        COLUMN["full_name"]: "Sari Dewi Lestari",
        COLUMN["stage_name"]: "Sari & The Monsoons",
        COLUMN["company_name"]: "",
        COLUMN["music_role"]: "Band/grup",
        COLUMN["film_role"]: "",
        COLUMN["genres"]: "Pop, Dangdut/koplo",
        COLUMN["film_formats"]: "",
        COLUMN["province"]: "Jawa Barat",
        COLUMN["city"]: "Bandung",
        COLUMN["experience_years"]: "6",
        COLUMN["portfolio_url"]: "https://youtube.com/@sarimonsoons",
        COLUMN[
            "other_links"
        ]: "https://open.spotify.com/artist/123\nhttps://instagram.com/sarimonsoons",
        COLUMN["notable_works"]: "Album 'Hujan di Braga' (2024); tur 12 kota",
        COLUMN["programs_of_interest"]: CONTENT.programs["mucon"].choice_label.id,
        COLUMN["languages"]: "Bahasa Indonesia, Bahasa Inggris",
        COLUMN["age_range"]: f"25{DASH}34",
        COLUMN["email"]: "sari.dewi@example.com",
        COLUMN["phone"]: "'+6281234567801",
        COLUMN["message"]: "Kami ingin tampil di Seoul 🎶",
        "ID Telegram": str(sari.id),
        "Username Telegram": "sari_id",
        "Bahasa chat": "Indonesia",  # as the screens name it, not its code
        "Sumber": "ig_promo",
        "Setuju pemrosesan data": "ya",
        "Setuju penerusan data": "ya",
        "Setuju info program": "",
        "Setuju orang tua/wali (di bawah 18)": "",  # adults are never asked
    }
    assert filmmaker == {
        "Referensi": "KOC-000002",
        "Waktu kirim (WIB)": "2026-01-11 00:00",
        COLUMN["sector"]: "Film",
        COLUMN["full_name"]: "Budi Santoso",
        COLUMN["stage_name"]: "",
        COLUMN["company_name"]: "Rumah Film Nusantara",
        COLUMN["music_role"]: "",
        COLUMN["film_role"]: "Sutradara",
        COLUMN["genres"]: "",
        COLUMN["film_formats"]: "Film panjang, Dokumenter",
        COLUMN["province"]: "DI Yogyakarta",
        COLUMN["city"]: "Yogyakarta",
        COLUMN["experience_years"]: "12",
        COLUMN["portfolio_url"]: "https://vimeo.com/budisantoso/showreel",
        COLUMN["other_links"]: "",
        COLUMN["notable_works"]: "“Sekala” (2022), dokumenter tentang 안녕하세요 Seoul",
        COLUMN["programs_of_interest"]: ", ".join(
            CONTENT.programs[key].choice_label.id for key in ("coproduction", "biff_apm")
        ),
        COLUMN["languages"]: "Bahasa Indonesia, Bahasa Inggris, Bahasa Korea",
        COLUMN["age_range"]: f"35{DASH}44",
        COLUMN["email"]: "budi@rumahfilm.id",
        COLUMN["phone"]: "'+62215551234",
        COLUMN["message"]: "",
        "ID Telegram": str(budi.id),
        "Username Telegram": "",
        "Bahasa chat": "Indonesia",  # as the screens name it, not its code
        "Sumber": "",
        "Setuju pemrosesan data": "ya",
        "Setuju penerusan data": "tidak",
        "Setuju info program": "",
        "Setuju orang tua/wali (di bawah 18)": "",  # adults are never asked
    }


async def test_export_filters_by_sector_date_and_drafts(
    bot: Harness, staff_chat: Any, two_leads: tuple[EmulatedUser, EmulatedUser]
) -> None:
    admin = admin_of(staff_chat)
    drafter = bot.user(first_name="Rina")
    await bot.send(drafter, "/daftar")
    await consent(bot, drafter)
    await bot.press(drafter, label("sector", "film"))
    await bot.press(drafter, label("age_range", "age_18_24"))
    await bot.send(drafter, "Rina Pratiwi")

    def references(records: list[dict[str, str]]) -> list[str]:
        return [record["Referensi"] for record in records]

    assert references(await export_records(bot, admin, "/export musik")) == ["KOC-000001"]
    assert references(await export_records(bot, admin, "/export music")) == ["KOC-000001"]
    assert references(await export_records(bot, admin, "/export film")) == ["KOC-000002"]
    since = await export_records(bot, admin, "/export since 2026-01-11")
    assert references(since) == ["KOC-000002"]  # 00:00 WIB on the 11th is in, 23:59 is not
    both = await export_records(bot, admin, "/export since 2026-01-10")
    assert references(both) == ["KOC-000001", "KOC-000002"]

    with_drafts = await export_records(bot, admin, "/export drafts")
    assert list(with_drafts[0])[:4] == [
        "Referensi",
        "Waktu kirim (WIB)",
        "Status",
        COLUMN["sector"],
    ]
    assert [(row["Referensi"], row["Status"]) for row in with_drafts] == [
        ("KOC-000001", "terkirim"),
        ("KOC-000002", "terkirim"),
        ("", "draf"),
    ]
    draft = with_drafts[2]
    assert (draft[COLUMN["sector"]], draft[COLUMN["full_name"]], draft["Waktu kirim (WIB)"]) == (
        "Film",
        "Rina Pratiwi",
        "",
    )
    # The audit log says what each export held and in which files (a new staff member's
    # review: only "drafts=False").
    with sqlite3.connect(bot.database) as db:
        [last] = db.execute(
            "SELECT detail FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1"
        ).fetchall()
    assert json.loads(last[0]) == {
        "format": "csv,xlsx",
        "sector": None,
        "stage": None,
        "since": None,
        "drafts": True,
    }
    film_drafts = await export_records(bot, admin, "/export film drafts")
    assert [row[COLUMN["full_name"]] for row in film_drafts] == ["Budi Santoso", "Rina Pratiwi"]
    # The caption counts leads and unfinished forms apart, each with its own noun.
    captions = {message.text for message in admin.messages if message.document is not None}
    drafts = "draf (pendaftaran belum selesai)"
    assert any(c and c.startswith(f"📄 1 pendaftar dan 1 {drafts}") for c in captions)
    assert any(c and c.startswith(f"📄 2 pendaftar dan 1 {drafts}") for c in captions)
    assert any(c and c.startswith("📄 1 pendaftar · dibuat") for c in captions)  # no drafts asked

    replies = await bot.send(admin, "/export since 2030-01-01")
    assert [message.text for message in replies] == [
        "Belum ada pendaftar yang cocok dengan pilihan ini, jadi tidak ada file yang dikirim."
    ]
    # Dates as Indonesians write them, day first, work as well as the ISO form.
    day_first = await export_records(bot, admin, "/export since 10-01-2026")
    assert references(day_first) == ["KOC-000001", "KOC-000002"]
    # What was not understood is named, before the examples.
    for typed, key, word in [
        ("/export teater", Text.EXPORT_UNKNOWN_WORD, "teater"),
        ("/export since kemarin", Text.EXPORT_BAD_DATE, "kemarin"),
        ("/export film sejak", Text.EXPORT_NO_DATE, "sejak"),
    ]:
        replies = await bot.send(admin, typed)
        assert documents(replies) == {}
        lines = replies[0].text.split("\n")
        assert lines[0] == shown(key, word=word)
        assert lines[1] == opening(Text.EXPORT_USAGE)
        assert shown(Text.EXPORT_UNKNOWN_OPTION) not in replies[0].text  # said once


async def test_a_filtered_exports_caption_says_which_leads_these_are(
    make_bot: Any, staff_chat: Any
) -> None:
    """A staff review s57, L10: `/export musik shortlist` said only "📄 3 pendaftar · dibuat
    …"; forwarded to a colleague, nothing said what the three were (only the file name)."""
    bot, indonesian, english = await two_staff(make_bot, staff_chat, "en")
    await apply(bot, bot.user(first_name="Sari"), MUSICIAN)
    await bot.store.pipeline.move(1, None, "shortlist", Actor.cli(), None, None)

    def captions(replies: list[BotMessage]) -> set[str | None]:
        return {message.text for message in replies if message.document is not None}

    def names(replies: list[BotMessage]) -> list[str]:
        """The files' names without their time (…-2026-01-15-1403.csv)."""
        return [
            re.sub(r"\d{4}-\d\d-\d\d-\d{4}\.(csv|xlsx)$", "", m.document[0])
            for m in replies
            if m.document
        ]

    replies = await bot.send(indonesian, "/export musik shortlist sejak 2026-01-01")
    [caption] = captions(replies)
    assert caption is not None and caption.startswith("📄 1 pendaftar · dibuat ")
    chosen = "Musik · Shortlist · sejak 1 Januari 2026"
    assert caption.splitlines()[1] == shown(Text.EXPORT_CAPTION_FILTER, filter=chosen)
    # The file names say it too, in the export's language (s60).
    assert names(replies) == ["kocca-pendaftar-musik-shortlist-sejak-2026-01-01-"] * 2
    replies = await bot.send(english, "/export music shortlisted since 2026-01-01 drafts")
    [caption] = captions(replies)
    assert caption is not None
    assert caption.splitlines()[1] == shown(
        Text.EXPORT_CAPTION_FILTER, "en", filter="Music · Shortlisted · since 1 January 2026"
    )
    english_name = "kocca-leads-music-shortlisted-since-2026-01-01-with-drafts-"
    assert names(replies) == [english_name, english_name]
    [caption] = captions(await bot.send(indonesian, "/export"))
    assert caption is not None and "\n" not in caption  # every lead: nothing to say


async def test_export_help_speaks_the_staff_members_language_and_suggests_the_option_meant(
    make_bot: Any, staff_chat: Any
) -> None:
    bot, indonesian, english = await two_staff(make_bot, staff_chat, "en")
    # Each language's own option words (the other's work too, but the help names them).
    own = {"id": {"sejak", "draf"}, "en": {"since", "drafts"}}
    for staff, language, other in ((indonesian, "id", "en"), (english, "en", "id")):
        for typed, meant in [("filmm", "film"), ("sejek", "sejak"), ("drafs", "draf")]:
            [refusal] = await bot.send(staff, f"/export {typed}")
            lines = refusal.text.split("\n")
            # The word as /leads quotes it, then the option one or two typos from it.
            assert lines[0] == shown(Text.EXPORT_UNKNOWN_WORD, language, word=typed)
            assert f"“{typed}”" in lines[0]
            assert lines[1] == shown(Text.FILTER_MEANT, language, word=meant)
            assert lines[2] == opening(Text.EXPORT_USAGE, language)
        examples = [line for line in lines if line.startswith("/export")]
        words = {word for line in examples for word in line.split()}
        assert own[language] <= words and not own[other] & words, examples
        for example in examples:  # every example given works as written
            command = example.split(" — ")[0].split(" atau ")[0].split(" or ")[0]
            replies = await bot.send(staff, command)
            assert opening(Text.EXPORT_USAGE, language) not in replies[0].text, command
    [refusal] = await bot.send(english, "/export teater")  # nothing close: no suggestion
    assert refusal.text.split("\n")[1] == opening(Text.EXPORT_USAGE, "en")


def as_unknown(unknown: str, typed: str) -> str:
    """What a command the bot does not know gets (`unknown`: the reply to one near no
    command), for this one: a staff command typed by anyone else is one of them, naming the
    talents' command it is close to ("/stats": "Maksudmu /status?"), as any other would."""
    meant = commands.closest(typed.split()[0][1:])
    if meant is None:
        return unknown
    said, menu = unknown.split("\n\n", 1)
    about = CONTENT.text(meant.description, "id")
    pointer = shown(Text.UNKNOWN_COMMAND_MEANT, command=meant.indonesian, about=about)
    return f"{said}\n{pointer}\n\n{menu}"


async def test_non_staff_get_no_file_and_no_hint(
    bot: Harness,
    staff_chat: Any,
    two_leads: tuple[EmulatedUser, EmulatedUser],
    caplog: pytest.LogCaptureFixture,
) -> None:
    sari, _ = two_leads
    stranger = bot.user(first_name="Eko")
    unknown = await bot.send(stranger, "/tidakada")
    for command in STAFF_COMMANDS:
        replies = await bot.send(stranger, command)
        said = as_unknown(unknown[0].text, command)
        assert [(m.text, m.buttons) for m in replies] == [(said, unknown[0].buttons)]

    # Forged staff buttons, pressed on a message the stranger really has.
    for data in ("st:o:1", "st:o:2:0", "st:l:0", "st:l:1"):
        replies = await bot.act(stranger, stranger.press_raw, unknown[0].message_id, data)
        assert [m.text for m in replies] == [unknown[0].text.split("\n\n", 1)[1]]
    assert {answer.text for answer in stranger.callback_answers} == {
        "Tombol ini sudah tidak berlaku. Ini menu terbarunya."
    }

    # In the staff group, a member who is not staff gets silence.
    staff_chat.add_member(sari)
    mark = staff_chat.mark()
    for command in STAFF_COMMANDS:
        await bot.act(sari, sari.send, command, chat=staff_chat)
    assert staff_chat.messages_since(mark) == []

    assert bot.emulator.calls_to("sendDocument") == []
    everything = "\n".join(m.text for m in [*stranger.messages, *sari.messages])
    assert "KOC-000002" not in everything and "Budi" not in everything
    refused = [r for r in caplog.records if r.getMessage().startswith("Refused staff action")]
    # One line per staff handler within the minute, for the first knock (the stranger's);
    # sari's and the stranger's later attempts are counted for the next line.
    handlers = [r.args[0] for r in refused if isinstance(r.args, tuple)]
    assert len(refused) == len(handlers) == len(set(handlers)) >= 4
    assert all(
        r.getMessage().endswith(f"1 time since the last report, by user {stranger.id} x1")
        for r in refused
    )
    assert all(r.levelno == logging.WARNING for r in refused)


async def test_forged_staff_buttons_change_nothing_and_are_logged_once_a_minute(
    bot: Harness,
    staff_chat: Any,
    two_leads: tuple[EmulatedUser, EmulatedUser],
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A talent in private and a group member who is not staff press forged copies of the
    # /lead buttons as fast as they may: a WARNING each was about 17 MB of log a day each
    # (and an INFO line each for the stale button answer), as was data the bot never made.
    sari, _ = two_leads
    member = bot.user(first_name="Mina")
    staff_chat.add_member(member)
    alert = staff_chat.messages_since(0)[-1]
    (menu,) = await bot.send(sari, "/start")
    now = [1000.0]
    bot.runner.application.bot_data["services"].refusals.clock = lambda: now[0]
    answered, mark, group = len(sari.callback_answers), sari.mark(), staff_chat.mark()
    staff = "Refused staff action pipeline_button for non-staff users {} since the last report, by"
    stale = "Stale or unknown button data: {} since the last report, from user {} x{}"
    with caplog.at_level(logging.INFO):
        # Each minute's first press is logged, with what was held back since the last line
        # and who pressed, those who pressed most first (the member, first after the line).
        for refused, by, forged in (
            ("1 time", f"user {sari.id} x1", (1, "1 press")),
            ("30 times", f"users {member.id} x15, {sari.id} x15", (5, "5 presses")),
        ):
            caplog.clear()
            for _ in range(5):
                for data in ("pl:s:1:shortlist:0", "pl:a:1:1", "pl:n:1"):
                    await bot.act(sari, sari.press_raw, menu.message_id, data)
                    await bot.act(member, member.press_raw, alert.message_id, data, chat=staff_chat)
                await bot.act(sari, sari.press_raw, menu.message_id, "zz:never-made")
            lines = [r for r in caplog.records if r.name.startswith(("handlers", "bot"))]
            assert [(r.levelno, r.getMessage()) for r in lines] == [
                (logging.WARNING, f"{staff.format(refused)} {by}"),
                (logging.INFO, stale.format(forged[1], sari.id, forged[0])),
            ]
            now[0] += 60
    state = await bot.store.pipeline.state(1)
    assert state is not None and (state.stage, state.assignee_id) == ("baru", None)
    assert bot.store.pipeline.prompt_for(sari.id) is None
    assert bot.store.pipeline.prompt_for(member.id) is None
    # Each press answered: sari's 40 with a toast and the menu, the member's 30 with a toast.
    assert len(sari.callback_answers) - answered == 40 and len(member.callback_answers) == 30
    assert {a.text for a in sari.callback_answers[answered:]} == {
        CONTENT.text(Text.STALE_BUTTON, "id")
    }
    assert {a.text for a in member.callback_answers} == {CONTENT.text(Text.BUTTON_EXPIRED, "id")}
    menus = sari.messages_since(mark)  # the menu again, with its buttons; no lead
    assert len(menus) == 40 and {m.buttons == menu.buttons for m in menus} == {True}
    assert all(menu.text.endswith(m.text) for m in menus)
    assert staff_chat.messages_since(group) == []  # nothing posted to the whole group


async def test_a_refusal_line_names_who_pressed_and_the_last_burst_is_not_lost(
    bot: Harness, staff_chat: Any, two_leads: tuple[EmulatedUser, EmulatedUser], caplog: Any
) -> None:
    # A decoy presses a forged staff button at the start of each minute, the attacker ten
    # times right after: each line named the decoy as "the latest", the attacker never, and
    # the last minute's ten presses were never logged (the attack review s61, L1).
    decoy, attacker = bot.user(first_name="Dani"), bot.user(first_name="Raka")
    (decoy_menu,) = await bot.send(decoy, "/start")
    (attacker_menu,) = await bot.send(attacker, "/start")
    now = [1000.0]
    bot.runner.application.bot_data["services"].refusals.clock = lambda: now[0]
    jobs = bot.runner.application.job_queue
    assert jobs is not None
    (job,) = jobs.get_jobs_by_name("refusals")
    forged = "pl:s:1:shortlist:0"
    with caplog.at_level(logging.WARNING):
        for _ in range(4):
            await bot.act(decoy, decoy.press_raw, decoy_menu.message_id, forged)
            for _ in range(10):
                await bot.act(attacker, attacker.press_raw, attacker_menu.message_id, forged)
            now[0] += 30
            await job.run(bot.runner.application)  # the minute is not over: nothing yet
            now[0] += 31
        # Nothing comes after the last burst: the job writes it, once its minute is over.
        await job.run(bot.runner.application)
        await job.run(bot.runner.application)  # and once only
    line = "Refused staff action pipeline_button for non-staff users {} since the last report, by"
    both = f"users {attacker.id} x10, {decoy.id} x1"  # who pressed most first
    assert [r.getMessage() for r in caplog.records if r.name == "handlers.guard"] == [
        f"{line.format('1 time')} user {decoy.id} x1",
        *[f"{line.format('11 times')} {both}"] * 3,
        f"{line.format('10 times')} user {attacker.id} x10",
    ]
    state = await bot.store.pipeline.state(1)
    assert state is not None and state.stage == "baru"


def test_a_refusal_line_names_five_refusers_and_counts_the_others() -> None:
    refusals, now, lines = Refusals(), [0.0], list[Burst]()
    refusals.clock = lambda: now[0]
    for user, times in ((1, 1), (2, 1), (3, 4), (4, 2), (5, 2), (6, 3), (7, 1), (8, 2)):
        for _ in range(times):
            refusals.refused("staff:pipeline_button", user, lines.append)
    now[0] += 60
    refusals.flush()
    assert [(burst.count, burst.refusers("user")) for burst in lines] == [
        (1, "user 1 x1"),
        (15, "users 3 x4, 6 x3, 4 x2, 5 x2, 8 x2 and 2 others"),
    ]


def test_a_refusal_line_names_the_heaviest_refuser_after_a_thousand_decoys() -> None:
    """s62: one request from each of a thousand addresses (an IPv6 range) filled the tally, and
    the address then refused 5,000 times was never named; now it leads the line, its count
    exact (what it inherited from the decoy it replaced is not counted as its own)."""
    refusals, now, lines = Refusals(), [0.0], list[Burst]()
    refusals.clock = lambda: now[0]
    refusals.refused("workspace:signature", "2001:db8::ffff", lines.append)  # written at once
    for decoy in range(1_000):
        refusals.refused("workspace:signature", f"2001:db8::{decoy:x}", lines.append)
    for _ in range(5_000):
        refusals.refused("workspace:signature", "203.0.113.66", lines.append)
    now[0] += 60
    refusals.flush()
    assert lines[-1].count == 6_000
    assert lines[-1].by[0] == ("203.0.113.66", 5_000)
    assert lines[-1].refusers("address", "addresses").endswith("and more than 995 others")


async def test_staff_commands_stay_out_of_other_groups(
    bot: Harness,
    staff_chat: Any,
    two_leads: tuple[EmulatedUser, EmulatedUser],
    caplog: pytest.LogCaptureFixture,
) -> None:
    admin = admin_of(staff_chat)
    sari, _ = two_leads
    community = bot.emulator.group(-1009999, title="Komunitas film")
    community.add_member(admin)
    community.add_member(sari)
    bot.emulator.add_bot_to_group(community, by=sari)
    await bot.act(sari, sari.send, "hi", chat=community)
    mark = community.mark()
    for user in (admin, sari):
        for command in STAFF_COMMANDS:
            await bot.act(user, user.send, command, chat=community)
    assert community.messages_since(mark) == []
    assert bot.emulator.calls_to("sendDocument") == []
    ignored = [r for r in caplog.records if r.getMessage().startswith("Ignored staff action")]
    assert len(ignored) == len(STAFF_COMMANDS)


async def test_empty_admin_ids_means_nobody_is_staff(make_bot: Any) -> None:
    bot: Harness = await make_bot()
    would_be = bot.emulator.user(ADMIN_ID, first_name="Admin")
    unknown = await bot.send(would_be, "/tidakada")
    for command in STAFF_COMMANDS:
        replies = await bot.send(would_be, command)
        assert [m.text for m in replies] == [as_unknown(unknown[0].text, command)]
    assert bot.emulator.calls_to("sendDocument") == []


async def test_staff_work_in_the_staff_group(
    bot: Harness, staff_chat: Any, two_leads: tuple[EmulatedUser, EmulatedUser]
) -> None:
    admin = admin_of(staff_chat)
    mark = staff_chat.mark()
    await bot.act(admin, admin.send, "/export film", chat=staff_chat)
    sent = staff_chat.messages_since(mark)
    files = documents(sent)
    assert [record["Referensi"] for record in as_records(read_csv(files["csv"]))] == ["KOC-000002"]
    await bot.act(admin, admin.send, "/leads", chat=staff_chat)
    listing = staff_chat.last_message
    assert listing.text.startswith(f"📋 Pendaftar terbaru · 1{DASH}2 dari 2")
    await bot.act(admin, admin.press, "📄 KOC-000001", chat=staff_chat)
    assert staff_chat.last_message.text.startswith(
        "📄 KOC-000001 · dikirim 10 Januari 2026, 23.59 WIB"
    )


async def test_formula_triggers_from_talents_are_neutralised_in_both_files(
    bot: Harness, staff_chat: Any
) -> None:
    hostile = {
        **MUSICIAN,
        "full_name": '=HYPERLINK("https://evil.example","klik")',
        "stage_name": "+SUM(1,2)",
        "city": "-2+Kalisat",
        "notable_works": "@SUM(A1:A9)",
        "other_links": "https://example.com\n=1+1",
        "message": '=cmd|" /C calc"!A0, "kutip", baris\nbaru 😀 안녕하세요',
        "email": "=1+1@example.com",
    }
    talent = bot.user(first_name="Mallory")
    await bot.send(talent, "/start -evil_source")
    await apply(bot, talent, hostile)
    (row,) = await export_records(bot, admin_of(staff_chat))
    assert row[COLUMN["full_name"]] == '\'=HYPERLINK("https://evil.example","klik")'
    assert row["Nama panggung/band"] == "'+SUM(1,2)"
    assert row["Kota/kabupaten"] == "'-2+Kalisat"
    assert row["Karya penting"] == "'@SUM(A1:A9)"
    assert row["Tautan lain"] == "https://example.com\n'=1+1"  # a line may become a row
    assert row["Pesan untuk tim kami"] == '\'=cmd|" /C calc"!A0, "kutip", baris\nbaru 😀 안녕하세요'
    assert row["Email"] == "'=1+1@example.com"
    assert row["HP/WhatsApp"] == "'+6281234567801"
    assert row["Sumber"] == "'-evil_source"
    # The XLSX shows every cell as typed, no quote to see: a string cell never runs, and the
    # formula-like ones are marked quote-prefix (read_xlsx checks) so editing keeps them text.
    files = documents(await bot.send(admin_of(staff_chat), "/export"))
    (shown,) = as_records(read_xlsx(files["xlsx"]))
    assert shown["HP/WhatsApp"] == "+6281234567801"
    assert shown[COLUMN["full_name"]] == hostile["full_name"]
    assert shown["Tautan lain"] == hostile["other_links"]
    assert shown["Sumber"] == "-evil_source"


def _env(database: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("BOT_TOKEN", "ADMIN_IDS")}
    env["DATABASE_PATH"] = str(database)
    env["FORWARD_TO"] = TEST_FORWARDING.recipient  # the deployment the test bot runs as
    env["FORWARD_ABROAD"] = str(TEST_FORWARDING.abroad).lower()
    return env


async def _kocca_bot(database: Path, cwd: Path, *args: str, status: int = 0) -> str:
    """Run `python -m bot ...` as its own process against the database (a bot runs in the
    test's loop: `run_cli`); return its output."""
    code, out, err = await run_cli(cwd, _env(database), *args)
    assert code == status, err
    return out + err


def _kocca_bot_here(database: Path, cwd: Path, *args: str, status: int = 0) -> str:
    """`_kocca_bot` in this process (`call_cli`, the loop paused meanwhile): where no bot runs
    in the test's loop, or for a command refused before it opens the database."""
    code, out, err = call_cli(cwd, _env(database), *args)
    assert code == status, err
    return out + err


async def test_command_line_export_writes_what_the_bot_sends(
    bot: Harness, staff_chat: Any, two_leads: tuple[EmulatedUser, EmulatedUser], tmp_path: Path
) -> None:
    admin = admin_of(staff_chat)
    for words, flags in [
        ("", []),
        ("film", ["--sector", "film"]),
        (
            "musik since 2026-01-10 drafts",
            ["--sector", "musik", "--since", "2026-01-10", "--drafts"],
        ),
    ]:
        sent = documents(await bot.send(admin, f"/export {words}".strip()))
        for kind in ("csv", "xlsx"):
            output = tmp_path / f"cli.{kind}"
            printed = await _kocca_bot(
                bot.database,
                tmp_path,
                "export",
                "--format",
                kind,
                "--output",
                str(output),
                "--force",
                *flags,
            )
            assert printed.startswith("Wrote ")
            if kind == "csv":
                assert output.read_bytes() == sent["csv"]
            else:
                assert read_xlsx(output.read_bytes()) == read_xlsx(sent["xlsx"])
    # The bot kept working while the command line read its database.
    assert (await bot.send(admin, "/leads"))[0].text.startswith("📋 Pendaftar terbaru")


async def test_command_line_export_into_a_folder_names_the_file_in_its_language(
    bot: Harness, two_leads: tuple[EmulatedUser, EmulatedUser], tmp_path: Path
) -> None:
    """`--output FOLDER` writes the file there, named as /export names it, in --language: an
    English export is not kocca-pendaftar-…-sejak-… (s60)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    flags = ["--sector", "music", "--since", "2026-01-10", "--drafts"]
    for language, named in (
        ("en", "kocca-leads-music-since-2026-01-10-with-drafts-"),
        ("id", "kocca-pendaftar-musik-sejak-2026-01-10-dengan-draf-"),
    ):
        printed = await _kocca_bot(
            bot.database,
            tmp_path,
            *("export", "--format", "csv", "--output", str(folder), "--language", language),
            *flags,
        )
        [written] = [path for path in folder.iterdir() if path.name.startswith(named)]
        assert re.fullmatch(rf"{named}\d{{4}}-\d\d-\d\d-\d{{4}}\.csv", written.name)
        assert printed.strip().endswith(f" to {written}")
        assert written.name.isascii()
        assert oct(written.stat().st_mode & 0o777) == "0o600"
    assert len(list(folder.iterdir())) == 2


async def test_command_line_needs_an_existing_database_and_speaks_english_on_request(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "nowhere.db"
    printed = _kocca_bot_here(missing, tmp_path, "stats", status=2)
    assert printed.strip() == f"No database at {missing}: check DATABASE_PATH."
    assert not missing.exists()
    await (await Store.open(missing)).close()
    printed = _kocca_bot_here(missing, tmp_path, "stats", "--language", "en")
    assert "Funnel\nPeople who started a chat: 0\n" in printed and "• none yet" in printed
    output = tmp_path / "leads.csv"
    printed = _kocca_bot_here(
        missing, tmp_path, "export", "--format", "csv", "--output", str(output)
    )
    assert printed.strip() == f"Wrote 0 leads to {output}"
    assert read_csv(output.read_bytes()) == [HEADERS]


async def test_command_line_export_does_not_write_through_a_symlink(tmp_path: Path) -> None:
    """--output naming a symlink (even with --force) gets one line and exit 2, no traceback;
    neither the link nor the file it points at is touched, and nothing is audited."""
    database = tmp_path / "kocca.db"
    await (await Store.open(database)).close()
    target = tmp_path / "target.txt"
    target.write_text("untouched", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "nowhere.csv")
    for output in (link, dangling):
        for force in ([], ["--force"]):
            printed = _kocca_bot_here(
                database,
                tmp_path,
                "export",
                "--format",
                "csv",
                "--output",
                str(output),
                *force,
                status=2,
            )
            assert printed.strip() == (
                f"kocca-bot export: {output} is a symbolic link; it does not write through"
                " one: give the real file's path or another --output"
            )
    assert target.read_text(encoding="utf-8") == "untouched"
    assert link.is_symlink() and dangling.is_symlink()
    assert not (tmp_path / "nowhere.csv").exists()
    store = await Store.open(database)
    try:
        assert await store.db.fetch_value("SELECT COUNT(*) FROM audit_log") == 0
    finally:
        await store.close()


def _wib(days_ago: int, hour: int, now: datetime) -> str:
    """An ISO UTC time at a WIB hour, some days before today (WIB)."""
    day = now.astimezone(WIB).date() - timedelta(days=days_ago)
    moment = datetime(day.year, day.month, day.day, hour, tzinfo=WIB)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


async def test_statistics_match_a_known_set_of_talents(
    bot: Harness, staff_chat: Any, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    music = {"sector": "music", "full_name": "M"}
    film = {"sector": "film", "full_name": "F"}
    no = {"processing": False}
    await seeded(
        bot.database,
        [
            Seed(
                101,
                {**music, "music_role": "band_group", "province": "jawa_barat"},
                _wib(0, 9, now),
                source="ig",
                subscribed=True,
            ),
            Seed(
                102,
                {**music, "music_role": "producer", "province": "jawa_barat"},
                _wib(0, 0, now),
                source="ig",
            ),  # 00:00 WIB today is still today
            Seed(
                103,
                {**music, "music_role": "producer", "province": "bali"},
                _wib(1, 23, now),
                subscribed=True,
            ),
            Seed(
                104,
                {**film, "film_role": "director", "province": "dki_jakarta"},
                _wib(13, 12, now),
                source="fb",
            ),
            Seed(
                105,
                {**film, "film_role": "film_producer", "province": "jawa_barat"},
                _wib(14, 12, now),
            ),  # 15 days ago: outside the 14-day window
            Seed(106, {**film}, None),  # a draft
            Seed(107, source="ig", consents={}, blocked=True),  # started, never consented
            Seed(108, consents=no),  # declined
            Seed(109, consents={}, subscribed=True),
            Seed(110, consents={}, subscribed=True, blocked=True),
        ],
    )
    # An admin trying the free questions is staff, not a talent asking.
    await bot.send(admin_of(staff_chat), "kak ada open call sekarang?")
    replies = await bot.send(admin_of(staff_chat), "/stats")
    assert [reply.kind for reply in replies] == ["text", "photo"]
    assert replies[1].photo is not None
    text = replies[0].text
    today = now.astimezone(WIB).date()
    # Only the days someone registered, then the rest in one line.
    days = [
        *(
            f"• {CONTENT.date_text(today - timedelta(days=back), 'id')}: {count}"
            for back, count in ((13, 1), (1, 1), (0, 2))
        ),
        "• hari lain: 0",
    ]
    # 10 talents; the admin, a Telegram user of the bot too, is staff: not counted.
    expected = [
        "Corong",
        "Orang yang mulai chat: 10",
        "Orang yang setuju pemrosesan data: 6",
        "Draf yang sedang diisi: 1",
        "Pendaftaran terkirim: 5",
        "",
        "Bidang",
        "• Musik: 3",
        "• Film: 2",
        "",
        "Peran di musik",
        "• Produser: 2",
        "• Band/grup: 1",
        "",
        "Peran di film",
        "• Produser: 1",
        "• Sutradara: 1",
        "",
        "5 tempat tinggal teratas (provinsi, atau luar Indonesia)",
        "• Jawa Barat: 3",
        "• Bali: 1",
        "• DKI Jakarta: 1",
        "",
        "Pendaftar per hari, 14 hari terakhir (WIB)",
        *days,
        "",
        "Per sumber (orang → pendaftar)",
        "• (tanpa sumber): 6 → 2",
        "• ig: 3 → 2",
        "• fb: 1 → 1",
        "",
        "Info program",
        "Berlangganan: 3",
        "Memblokir bot: 2",
        "",
        "Pengingat pendaftaran",
        f"Aktif: 24 jam, 72 jam setelah aktivitas terakhir · jam tenang 21.00{DASH}08.00 WIB",
        "Terkirim: 0 (7 hari terakhir: 0)",
        "Selesai ≤ 7 hari setelah pengingat: 0 dari 0 pendaftaran yang diingatkan",
        "",
        "Pendaftar per tahap",
        "• Baru: 5",
        "• Ditinjau: 0",
        "• Dihubungi: 0",
        "• Shortlist: 0",
        "• Diteruskan: 0",
        "• Tidak dilanjutkan: 0",
        "",
        "Waktu sampai dihubungi",
        "belum ada yang dihubungi",
        "",
        "Tahap per bidang",
        "• Film: Baru 2",
        "• Musik: Baru 3",
        "",
        "Pertanyaan ke bot, 7 hari terakhir",
        "• dijawab langsung: 0 (“Bukan ini”: 0)",
        "• diberi pilihan: 0",
        "• bot belum punya jawaban: 0",
    ]
    lines = text.splitlines()
    assert lines[0] == "📊 Statistik Talent Desk"
    asked = [(now + timedelta(minutes=later)).astimezone(WIB) for later in (0, 1)]
    assert lines[1] in {  # the minute may turn while the bot answers
        f"per {CONTENT.date_text(at.date(), 'id')}, pukul {at:%H.%M} WIB" for at in asked
    }
    assert lines[3:] == expected
    # The command line reads ADMIN_IDS from the same settings as the bot.
    code, out, err = await run_cli(
        tmp_path, {**_env(bot.database), "ADMIN_IDS": str(ADMIN_ID)}, "stats"
    )
    assert code == 0, err
    assert out.splitlines()[3:] == expected


async def test_lead_list_pages_and_opens_a_lead(bot: Harness, staff_chat: Any) -> None:
    rng = random.Random(5)
    talents = [
        Seed(
            200 + number,
            {**realistic(rng, "music"), "full_name": f"Talenta {number}"},
            f"2026-01-{number:02d}T03:00:00.000000+00:00",
            username=f"talenta{number}",
        )
        for number in range(1, 11)
    ]
    talents[2].answers = {**MUSICIAN, "full_name": "Talenta 3"}
    talents[2].consents = {"processing": True, "transfer_korea": False, "announcements": True}
    talents[3].answers = {
        **MUSICIAN,
        "full_name": "Talenta 4",
        "music_role": "other_music_role",
        "music_role_other": "pelatih vokal",
    }
    references = await seeded(bot.database, talents)
    assert references[0] == "KOC-000001" and references[-1] == "KOC-000010"
    admin = admin_of(staff_chat)

    (first,) = await bot.send(admin, "/leads")
    assert first.text.startswith(
        f"📋 Pendaftar terbaru · 1{DASH}8 dari 10\n\nKOC-000010 · Talenta 10\n"
    )
    assert (
        "KOC-000003 · Talenta 3\nMusik · Band/grup · 3 Januari 2026, 10.00 WIB\n"
        "🏷 Baru · 👤 belum ada" in (first.text)
    )
    assert "KOC-000002" not in first.text
    # "Lainnya" with what the talent said it is (a staff review: only "Lainnya").
    assert "Talenta 4\nMusik · Lainnya: pelatih vokal · 4 Januari 2026" in first.text
    assert first.button_texts == [f"📄 KOC-{n:06d}" for n in range(10, 2, -1)] + ["Berikutnya ▶️"]

    await bot.press(admin, "Berikutnya ▶️")
    second = admin.last_message
    assert second.message_id == first.message_id  # edited in place
    assert second.text.startswith(
        f"📋 Pendaftar terbaru · 9{DASH}10 dari 10\n\nKOC-000002 · Talenta 2"
    )
    assert second.button_texts == ["📄 KOC-000002", "📄 KOC-000001", "◀️ Sebelumnya"]
    await bot.press(admin, "◀️ Sebelumnya")
    await bot.press(admin, "📄 KOC-000003")
    page = admin.last_message.text
    assert page.startswith(
        f"📄 KOC-000003 · dikirim 3 Januari 2026, 10.00 WIB\n\n{COLUMN['sector']}: Musik\n"
    )
    for line in [
        "Nama lengkap: Talenta 3",
        "Nama panggung/band: Sari & The Monsoons",
        "Genre: Pop, Dangdut/koplo",
        "Tautan lain: https://open.spotify.com/artist/123\nhttps://instagram.com/sarimonsoons",
        "Email: sari.dewi@example.com",
        "HP/WhatsApp: +6281234567801",
        "Pesan untuk tim kami: Kami ingin tampil di Seoul 🎶",
        "Talent · @talenta3 · id 203",
        "Bahasa chat: Indonesia · Sumber: —",  # not "id" (review s50 L3)
        "✅ Setuju pemrosesan data\n❌ Setuju penerusan data\n✅ Setuju info program",
    ]:
        assert line in page
    assert admin.last_message.button_texts[-1] == "📋 Daftar pendaftar"
    assert 'href="tg://user?id=203"' in (admin.last_message.html or "")
    await bot.press(admin, "📋 Daftar pendaftar")
    assert admin.last_message.text.startswith(f"📋 Pendaftar terbaru · 1{DASH}8 dari 10")


async def test_lead_by_reference(bot: Harness, staff_chat: Any) -> None:
    admin = admin_of(staff_chat)
    assert [m.text for m in await bot.send(admin, "/leads")] == [
        "Belum ada pendaftaran yang terkirim."
    ]
    await seeded(
        bot.database, [Seed(301, {**MUSICIAN, "full_name": "Dewi"}), Seed(302, dict(FILMMAKER))]
    )
    for typed in ("KOC-000002", "koc-2", "2"):
        (page,) = await bot.send(admin, f"/lead {typed}")
        assert page.text.startswith("📄 KOC-000002 · dikirim 15 Januari 2026, 10.00 WIB")
        assert "Nama lengkap: Budi Santoso" in page.text
    (missing,) = await bot.send(admin, "/lead KOC-000777")  # never given: said plainly
    assert missing.text == shown(Text.RECORDS_NUMBER_NEVER_GIVEN, reference="KOC-000777")
    (odd,) = await bot.send(admin, "/lead <b>x</b>")  # searched as words: shown as typed
    assert odd.text.startswith("Tidak ada pendaftar yang cocok dengan <b>x</b>.")
    (usage,) = await bot.send(admin, "/lead")
    assert usage.text == shown(Text.LEAD_USAGE)
    await bot.act(admin, admin.press_raw, usage.message_id, "st:o:99")
    assert admin.last_message.text == shown(
        Text.PIPELINE_GONE, reference=shown(Text.RECORDS_THIS_LEAD)
    )


async def test_a_lead_page_says_a_talent_has_no_username(bot: Harness, staff_chat: Any) -> None:
    """Review s49: "Kontak Telegram: Sari · — · id …", the lone "—" unexplained."""
    admin = admin_of(staff_chat)
    # Sari has no Telegram username, Budi has one.
    await seeded(
        bot.database, [Seed(301, dict(MUSICIAN)), Seed(302, dict(FILMMAKER), username="budi_film")]
    )
    (page,) = await bot.send(admin, "/lead KOC-000001")
    contact = page.text.split("Kontak Telegram\n", 1)[1].splitlines()[0]
    assert " · tanpa username · id " in contact and "—" not in contact
    (page,) = await bot.send(admin, "/lead KOC-000002")
    assert " · @budi_film · id " in page.text


async def test_an_admins_typo_of_a_staff_command_is_named(bot: Harness, staff_chat: Any) -> None:
    """Review s49: an admin's "/stat" got the talents' answer and menu, not "/stats?"."""
    admin = admin_of(staff_chat)
    (answer,) = await bot.send(admin, "/stat")
    meant = shown(Text.UNKNOWN_COMMAND_MEANT, command="stats", about=shown(Text.COMMAND_STATS))
    assert answer.text == shown(Text.UNKNOWN_COMMAND) + "\n" + meant
    assert answer.button_texts == []  # not the talents' menu
    (answer,) = await bot.send(admin, "/leds")
    assert "/leads?" in answer.text
    # A talents' command is still named to an admin, with the menu as before.
    (answer,) = await bot.send(admin, "/hapus")
    assert "/hapusdata?" in answer.text and answer.button_texts
    # A talent's "/stat" gets the talents' fallback: no staff command named.
    talent = bot.user(first_name="Rani")
    (answer,) = await bot.send(talent, "/stat")
    assert "/stats" not in answer.text and answer.button_texts


async def test_an_admins_typo_of_a_staff_command_is_named_in_the_staff_group_too(
    bot: Harness, staff_chat: Any
) -> None:
    """Review s50: "/stat" in the staff group got no reply at all."""
    admin = admin_of(staff_chat)

    async def in_group(user: EmulatedUser, typed: str) -> list[BotMessage]:
        mark = staff_chat.mark()
        await bot.act(user, user.send, typed, chat=staff_chat)
        said: list[BotMessage] = staff_chat.messages_since(mark)
        return said

    (answer,) = await in_group(admin, "/stat")
    meant = shown(Text.UNKNOWN_COMMAND_MEANT, command="stats", about=shown(Text.COMMAND_STATS))
    # Worded for the group (desk s50): no menu there, and /bantuan is the private chat's.
    assert answer.text == shown(Text.UNKNOWN_COMMAND_GROUP) + "\n" + meant
    assert "menu" not in answer.text and "chat pribadi" in answer.text
    assert answer.button_texts == []  # not the talents' menu
    (answer,) = await in_group(admin, "/leds@kocca_talent_bot")
    assert "/leads?" in answer.text
    # Nothing else is answered in the shared room: another bot's command, a command the bot
    # has but not in groups, a word near no staff command, someone not staff.
    for typed in ("/stat@another_bot", "/broadcast", "/tanya", "/hapus", "/zzzzzz"):
        assert await in_group(admin, typed) == [], typed
    member = bot.user(first_name="Rani")
    staff_chat.add_member(member)
    assert await in_group(member, "/stat") == []


async def test_big_exports_are_zipped_and_split(
    bot: Harness, staff_chat: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(7)
    await seeded(bot.database, [Seed(400 + n, realistic(rng)) for n in range(40)])
    admin = admin_of(staff_chat)
    monkeypatch.setattr(export, "UPLOAD_LIMIT", 2000)
    replies = await bot.send(admin, "/export")
    notes = [m.text for m in replies if m.document is None]
    assert len(notes) == 2
    assert notes[0].startswith("File kocca-pendaftar-") and "jadi kubagi menjadi" in notes[0]
    parts = [m.document for m in replies if m.document is not None]
    csv_parts = [part for part in parts if ".csv.zip." in part[0]]
    assert [name.rsplit(".", 1)[1] for name, _, _ in csv_parts] == [
        f"{n:03d}" for n in range(1, len(csv_parts) + 1)
    ]
    assert all(len(data) <= 2000 for _, data, _ in parts)
    joined = b"".join(data for _, data, _ in csv_parts)
    with zipfile.ZipFile(io.BytesIO(joined)) as archive:
        (member,) = archive.infolist()
        assert member.compress_type == zipfile.ZIP_DEFLATED
        rows = read_csv(archive.read(member))
    assert len(rows) == 41 and rows[0] == HEADERS


STAFF_MENU = {"export", "stats", "leads", "lead", "broadcast", "reload"}


def _menu(bot: Harness, chat_id: int | None, language: str = "") -> set[str]:
    """The commands Telegram would list for that chat (None: everyone) and language."""
    scope = None if chat_id is None else {"type": "chat", "chat_id": chat_id}
    return {command["command"] for command in bot.emulator.commands_for(scope, language)}


async def _until(condition: Any) -> None:
    """Wait (up to 5 s) for something the bot does in the background after start-up."""
    for _ in range(500):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the bot did not get there")


async def test_admins_see_the_staff_commands_in_their_menu_and_talents_do_not(
    bot: Harness,
) -> None:
    await _until(lambda: _menu(bot, ADMIN_ID) >= STAFF_MENU)  # their chat was known at start
    assert _menu(bot, ADMIN_ID, "en") >= STAFF_MENU
    assert {"daftar", "tanya", "dataku"} <= _menu(bot, ADMIN_ID)  # and everything talents have
    assert {"register", "ask", "mydata"} <= _menu(bot, ADMIN_ID, "en")
    for language in ("", "id", "en"):
        assert _menu(bot, None, language)  # talents have a menu ...
        assert not STAFF_MENU & _menu(bot, None, language)  # ... without the staff desk


async def test_an_admin_who_opens_the_bot_later_gets_the_staff_menu_at_start(
    make_bot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    newcomer_id = 4242
    bot: Harness = await make_bot(admin_ids=frozenset({newcomer_id}))
    assert not any(record.levelno >= logging.WARNING for record in caplog.records)
    assert _menu(bot, newcomer_id) == set()  # Telegram had no chat with them yet
    newcomer = bot.emulator.user(newcomer_id, first_name="Dewi")
    [greeting] = await bot.send(newcomer, "/start")
    assert greeting.text.startswith("Halo, Dewi!")
    assert _menu(bot, newcomer_id) >= STAFF_MENU
    talent = bot.user()
    await bot.send(talent, "/start")
    assert _menu(bot, talent.id) == set()  # a talent's /start sets no menu of their own


@pytest.mark.parametrize(
    ("status", "description"),
    [(429, "Too Many Requests: retry after 1"), (403, "Forbidden: bot was blocked by the user")],
)
async def test_a_refused_staff_menu_does_not_repeat_the_greeting_or_block_the_admin(
    make_bot: Any, status: int, description: str
) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({4242}))
    admin = bot.emulator.user(4242, first_name="Dewi")
    retry_after = 1 if status == 429 else None
    bot.emulator.fail_next(
        "setMyCommands", status=status, description=description, retry_after=retry_after
    )
    await bot.send(admin, "/start")
    await bot.runner.wait_idle()
    assert len([m for m in admin.messages if m.text.startswith("Halo, Dewi!")]) == 1
    stored = await bot.store.users.get(4242)
    assert stored is not None and not stored.blocked
    await bot.send(admin, "/start")  # the next /start tries again, and this time it works
    assert _menu(bot, 4242) >= STAFF_MENU


async def test_a_refused_menu_at_start_up_does_not_stop_the_bot(
    emulator: Any, make_bot: Any
) -> None:
    emulator.fail_next("setMyCommands", status=429, retry_after=1, times=10)
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}))
    sari = bot.user()
    [greeting] = await bot.send(sari, "/start")
    assert greeting.text.startswith("Halo, Sari!")


@pytest.mark.parametrize("language", ["id", "en"])
async def test_an_admin_sees_the_staff_commands_under_start_and_help_talents_never(
    make_bot: Any, language: str
) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({4242}))
    admin = bot.user(user_id=4242, first_name="Staf", language_code=language)
    talent = bot.user(language_code=language)
    heading = rendered(CONTENT.messages[Text.STAFF_HINT].get(language).split("\n")[0])
    lines = [
        shown(
            Text.STAFF_HINT_LINE,
            language,
            command=spec.name_for(language),
            description=CONTENT.text(spec.description, language),
        )
        for spec in commands.STAFF_COMMANDS
    ]
    for command in ("/start", "/bantuan"):
        [for_admin] = await bot.send(admin, command)
        assert heading in for_admin.text
        for line in lines:  # every staff command, with what it does, in the admin's language
            assert line in for_admin.text
        assert "🗂" not in for_admin.text  # no workspace without WEB_URL: no line about it
        [for_talent] = await bot.send(talent, command)
        assert heading not in for_talent.text
        assert not any(line in for_talent.text for line in lines)
