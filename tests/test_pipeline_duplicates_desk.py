"""Loose ends around a lead closed as a duplicate (session 50): exports read it as the screens
do, /stats and its chart count it apart, Move all offers only what it can move, a forged
workspace call cannot close a lead as its own duplicate, and a stale group button says why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.leads import chart
from bot.leads.chart import ChartData
from bot.store.audit import Actor
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import FILMMAKER, apply, as_records, read_csv
from tests.test_desk_moves import SAME_PHONE, a_draft_then_two_leads, refusals, said
from tests.test_pipeline import admin_of, audit, label, rows, t
from tests.test_staff import _kocca_bot, documents
from tests.workspace import workspace

CLOSED_BARU = f"{label('baru')} · 🔁 ditutup (duplikat)"


async def test_a_stage_export_leaves_a_closed_duplicate_out_and_the_whole_export_says_so(
    bot: Harness, staff_chat: Any, tmp_path: Path
) -> None:
    await a_draft_then_two_leads(bot)  # Sari KOC-000001 (id 2), Budi KOC-000002 (id 3)
    assert await bot.store.duplicates.close_duplicate(3, 2, Actor.cli()) == "saved"
    admin = admin_of(staff_chat)
    left_out = t(Text.EXPORT_CLOSED_LEFT_OUT, count=1)
    assert left_out.startswith("🔁 Tidak ikut diekspor: 1 pendaftar")

    # /export baru: Sari's lead only, and a line saying what was left out and how to get it.
    replies = await bot.send(admin, "/export baru")
    (record,) = as_records(read_csv(documents(replies)["csv"]))
    assert (record["Referensi"], record["Tahap"]) == ("KOC-000001", label("baru"))
    assert replies[-1].text == left_out
    # Only closed duplicates at the stage: no file, and the same line.
    (empty,) = await bot.send(admin, "/export film baru")
    assert empty.text == f"{t(Text.EXPORT_EMPTY)}\n{left_out}"
    # The whole export lists it, its stage read as the screens read it; nothing said.
    replies = await bot.send(admin, "/export")
    records = {row["Referensi"]: row for row in as_records(read_csv(documents(replies)["csv"]))}
    assert records["KOC-000002"]["Tahap"] == CLOSED_BARU
    assert records["KOC-000001"]["Tahap"] == label("baru")
    assert all(reply.document is not None for reply in replies)

    # The workspace's export of the Baru chip: the same.
    async with workspace(bot, ADMIN_ID) as client:
        ready = await client.ok("export", {"format": "csv", "filter": {"stage": "baru"}})
        assert (ready["count"], ready["left_out"]) == (
            1,
            said(Text.EXPORT_CLOSED_LEFT_OUT, count=1),
        )
        ready = await client.ok("export", {"format": "csv"})
        assert ready["count"] == 2 and "left_out" not in ready

    # The command line: `--stage baru` writes Sari's lead and says what it left out.
    output = tmp_path / "baru.csv"
    printed = await _kocca_bot(
        bot.database, tmp_path, "export", "--format", "csv", "--output", str(output),
        "--stage", "baru",
    )  # fmt: skip
    assert printed.startswith("Wrote 1 lead to ")
    assert "Left out 1 lead at this stage closed as a duplicate" in printed
    (record,) = as_records(read_csv(output.read_bytes()))
    assert record["Referensi"] == "KOC-000001"


async def test_stats_chart_notes_closed_duplicates_and_time_to_contact_leaves_them_out(
    bot: Harness, staff_chat: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    await a_draft_then_two_leads(bot)
    # Both contacted the same day, then Budi's lead closed as a duplicate of Sari's.
    for lead in (2, 3):
        await bot.store.pipeline.move(lead, None, "dihubungi", Actor.cli(), None, None)
    assert await bot.store.duplicates.close_duplicate(3, 2, Actor.cli()) == "saved"
    drawn: list[ChartData] = []
    draw = chart.draw

    async def drawing(data: ChartData) -> bytes | None:
        drawn.append(data)
        return await draw(data)  # still drawn: the note does not break the picture

    monkeypatch.setattr(chart, "draw", drawing)
    text, picture = await bot.send(admin_of(staff_chat), "/stats")
    lines = text.text.splitlines()
    contact = lines[lines.index("Waktu sampai dihubungi") + 1]
    assert contact == said(Text.STATS_CONTACT_SAME_DAY, count=1)  # Sari's lead only
    apart = said(Text.STATS_CLOSED_DUPLICATES, count=1)
    assert apart in lines
    (data,) = drawn
    assert data.stages_note == apart  # under the bars, as under the stage lines
    assert dict(data.stages)[label("dihubungi")] == 1
    assert picture.photo is not None and picture.photo.startswith(b"\x89PNG")
    # The workspace's Stats tab: the same median.
    async with workspace(bot, ADMIN_ID) as client:
        figures = await client.ok("stats")
    assert said(Text.STATS_CONTACT_SAME_DAY, count=1) in str(figures)


def section(text: str, heading: str) -> list[str]:
    """The lines of one part of /stats, under its heading up to the blank line."""
    lines = text.splitlines()
    start = lines.index(heading) + 1
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return lines[start:end]


async def test_stats_count_a_closed_duplicate_in_no_line_and_say_so_by_the_submitted_count(
    bot: Harness, staff_chat: Any
) -> None:
    await a_draft_then_two_leads(bot)  # Sari (music, Jawa Barat); Budi (film, DI Yogyakarta)
    assert await bot.store.duplicates.close_duplicate(3, 2, Actor.cli()) == "saved"
    text, _picture = await bot.send(admin_of(staff_chat), "/stats")
    # The funnel no longer widens at its end: one lead, and the closed one said beside it.
    note = said(Text.STATS_SUBMITTED_DUPLICATES, count=1)
    assert note == "(+1 duplikat ditutup, tidak ikut dihitung di bawah)"
    assert f"Pendaftaran terkirim: 1 {note}" in section(text.text, "Corong")
    # Budi's field, role, place, day and source count nowhere, as no stage counts him.
    assert section(text.text, "Bidang") == ["• Musik: 1"]
    assert section(text.text, "Peran di film") == [t(Text.STATS_NONE)]
    (place,) = section(text.text, "5 tempat tinggal teratas (provinsi, atau luar Indonesia)")
    assert place == "• Jawa Barat: 1"
    (day, _others) = section(text.text, "Pendaftar per hari, 14 hari terakhir (WIB)")
    assert day.endswith(": 1")
    # Joko, Sari and Budi came without a source (the admin is staff): one lead between them.
    assert section(text.text, "Per sumber (orang → pendaftar)") == ["• (tanpa sumber): 3 → 1"]
    assert said(Text.STATS_CLOSED_DUPLICATES, count=1) in text.text.splitlines()

    # The workspace's Stats tab: the same figures, the same words under the count.
    async with workspace(bot, ADMIN_ID) as client:
        figures = await client.ok("stats")
    assert {item["key"]: item["count"] for item in figures["funnel"]}["submitted"] == 1
    assert figures["funnel_notes"] == {"submitted": note}
    assert [item["count"] for item in figures["sectors"]] == [1]
    assert [item["label"] for item in figures["provinces"]] == ["Jawa Barat"]
    assert sum(item["count"] for item in figures["days"]) == 1


async def test_a_closed_duplicate_names_the_lead_it_duplicates_in_search_and_on_cards(
    bot: Harness, staff_chat: Any
) -> None:
    await a_draft_then_two_leads(bot)  # Sari Dewi Lestari KOC-000001; Budi KOC-000002
    assert await bot.store.duplicates.close_duplicate(3, 2, Actor.cli()) == "saved"
    named = said(Text.RECORDS_LIST_CLOSED_NAMED, reference="KOC-000001", name="Sari Dewi Lestari")
    assert named == "🔁 ditutup sebagai duplikat dari KOC-000001 (Sari Dewi Lestari)"
    admin = admin_of(staff_chat)
    # /lead with words that find both (their shared phone): a list, as /leads writes it.
    (found,) = await bot.send(admin, "/lead 0812 3456 7801")
    budi = found.text[found.text.index("KOC-000002") :]
    assert named in budi.splitlines()[:4]
    (listed,) = await bot.send(admin, "/leads")
    assert named in listed.text

    # The workspace's list and board: the same line on Budi's card, none on Sari's.
    async with workspace(bot, ADMIN_ID) as client:
        listing = await client.ok("leads", {"filter": {"q": "KOC"}})
        board = await client.ok("board", {"filter": {}})
    rows = {row["reference"]: row["closed_of"] for row in listing["rows"]}
    # With the other lead's reference and id, to open it (the page links it: a list does too).
    other = {"text": named, "reference": "KOC-000001", "id": 2}
    assert rows == {"KOC-000001": None, "KOC-000002": other}
    cards = {card["reference"]: card for column in board["columns"] for card in column["cards"]}
    assert cards["KOC-000002"]["closed_of"] == other and cards["KOC-000001"]["closed_of"] is None


async def test_a_stage_lists_what_it_counts_and_exports_and_its_closed_duplicates_on_asking(
    bot: Harness,
) -> None:
    await a_draft_then_two_leads(bot)  # Sari KOC-000001 (id 2), Budi KOC-000002 (id 3)
    assert await bot.store.duplicates.close_duplicate(3, 2, Actor.cli()) == "saved"
    async with workspace(bot, ADMIN_ID) as client:

        async def listed(where: dict[str, str]) -> tuple[list[str], int, int]:
            found = await client.ok("leads", {"filter": where})
            rows = [row["reference"] for row in found["rows"]]
            return rows, found["total"], found.get("left_out", 0)

        names: list[str] = []

        async def exported(where: dict[str, str]) -> tuple[int, str | None]:
            ready = await client.ok("export", {"format": "csv", "filter": where})
            names.append(ready["name"])
            return ready["count"], ready.get("left_out")

        # The Baru chip counts one lead (and the closed one apart): it lists that one, as its
        # export holds it, and says how many closed duplicates it leaves out of both.
        baru = {"stage": "baru"}
        assert await listed(baru) == (["KOC-000001"], 1, 1)
        assert await exported(baru) == (1, said(Text.EXPORT_CLOSED_LEFT_OUT, count=1))
        # Asked for, they are listed alone, and exported alone.
        closed = {"stage": "baru", "duplicates": "closed"}
        assert await listed(closed) == (["KOC-000002"], 1, 0)
        assert await exported(closed) == (1, None)
        # Its file is named apart from the stage's (an attacker's review: both had one name).
        assert names[0].startswith("kocca-pendaftar-baru-2")
        assert names[1].startswith("kocca-pendaftar-baru-duplikat-2")
        assert await listed({"duplicates": "closed"}) == (["KOC-000002"], 1, 0)
        # All stages list both, as the whole export does.
        assert await listed({}) == (["KOC-000002", "KOC-000001"], 2, 0)
        assert await exported({}) == (2, None)
        # Another stage has none to leave out; a value the page never sends is refused.
        assert await listed({"stage": "ditinjau"}) == ([], 0, 0)
        status, _ = await client.call("leads", {"filter": {"duplicates": "yes"}})
        assert status == 400


async def test_move_all_is_offered_only_for_the_leads_it_can_move(
    bot: Harness, staff_chat: Any
) -> None:
    await a_draft_then_two_leads(bot)  # both in Baru; Budi's is the film one
    admin = admin_of(staff_chat)
    (before,) = await bot.send(admin, "/leads baru film")
    assert t(Text.BTN_BULK_MOVE, count=1) in before.button_texts
    assert await bot.store.duplicates.close_duplicate(3, 2, Actor.cli()) == "saved"
    # Sari's lead and Budi's closed duplicate: Move all offers Sari's alone.
    (listed,) = await bot.send(admin, "/leads baru")
    assert t(Text.BTN_BULK_MOVE, count=1) in listed.button_texts
    (choose,) = await bot.press(admin, t(Text.BTN_BULK_MOVE, count=1))
    assert choose.text.startswith("🔀 Pindahkan 1 pendaftar")
    # Only the closed duplicate on the list: no Move all at all.
    (film,) = await bot.send(admin, "/leads baru film duplikat")
    assert "KOC-000002" in film.text
    assert not [text for text in film.button_texts if text.startswith("🔀")]
    # The button of that list from before the close, pressed now: nothing to move.
    data = before.callback_data[before.button_texts.index(t(Text.BTN_BULK_MOVE, count=1))]
    (stale,) = await bot.act(admin, admin.press_raw, before.message_id, data)
    assert stale.text.startswith(said(Text.BULK_NOTHING, filter="")[:30])


async def test_a_forged_call_closing_a_lead_as_its_own_duplicate_is_refused_clearly(
    bot: Harness,
) -> None:
    await a_draft_then_two_leads(bot)
    async with workspace(bot, ADMIN_ID) as client:
        version = (await client.ok("lead", {"id": 3}))["version"]
        status, answer = await client.call(
            "close-duplicate", {"id": 3, "other": 3, "version": version}
        )
        assert status == 400 and answer["error"] == "bad_request"
        assert answer["said"] == said(Text.RECORDS_DUPLICATE_SELF, reference="KOC-000002")
        assert answer["said"].startswith("KOC-000002 tidak bisa ditutup sebagai duplikat diri")
        lead = await client.ok("lead", {"id": 3})
        assert not lead["duplicates"]["closed"] and lead["version"] == version
    actions = [entry[2] for entry in await audit(bot, "KOC-000002")]
    assert actions[-2:] == ["duplicate_refused", "lead_viewed"]


async def test_a_stale_group_button_on_a_closed_duplicate_says_of_which_lead_it_is_one(
    bot: Harness, staff_chat: Any
) -> None:
    await a_draft_then_two_leads(bot)
    admin = admin_of(staff_chat)
    mark = staff_chat.mark()
    await bot.act(admin, admin.send, "/lead KOC-000002", chat=staff_chat)
    (page,) = staff_chat.messages_since(mark)  # the group's page, before the close
    assert await bot.store.duplicates.close_duplicate(3, 2, Actor.cli()) == "saved"
    mark = staff_chat.mark()
    await bot.act(admin, admin.press, label("ditinjau"), chat=staff_chat)
    (refused,) = staff_chat.messages_since(mark)
    assert refused.text == said(
        Text.PIPELINE_CLOSED_DUPLICATE,
        reference="KOC-000002",
        other="KOC-000001",
        stage=label("baru"),
    )
    assert "ditutup sebagai duplikat dari KOC-000001" in refused.text
    assert page.message_id == refused.message_id  # the old page, replaced by why
    reasons = [(item["reason"], item["from"]) for item in refusals(bot, "KOC-000002")]
    assert reasons == [("closed_duplicate", "staff_chat")]
    # The workspace says the same to a page of before the close.
    async with workspace(bot, ADMIN_ID) as client:
        moved = await client.ok(
            "move", {"id": 3, "stage": "ditinjau", "version": 0, "notify": False}
        )
    assert moved["outcome"] == "closed_duplicate" and "dari KOC-000001" in moved["text"]


async def test_a_forged_close_of_a_pair_the_desk_does_not_mark_is_refused_clearly(
    bot: Harness, staff_chat: Any
) -> None:
    await a_draft_then_two_leads(bot)  # Sari KOC-000001 (id 2), Budi KOC-000002 (id 3)
    dewi = bot.user(first_name="Dewi")
    other = {**FILMMAKER, "full_name": "Dewi", "email": "dewi@contoh.id", "phone": "0813 1111 2222"}
    assert await apply(bot, dewi, other) == "KOC-000003"  # shares nothing with Sari's
    refused = said(Text.RECORDS_DUPLICATE_UNMARKED, reference="KOC-000003", other="KOC-000001")
    async with workspace(bot, ADMIN_ID) as client:
        marks = (await client.ok("lead", {"id": 4}))["duplicates"]["marks"]
        assert marks == []  # the page offers no close for this pair
        version = (await client.ok("lead", {"id": 4}))["version"]
        status, answer = await client.call(
            "close-duplicate", {"id": 4, "other": 2, "version": version}
        )
        assert status == 400 and answer["error"] == "bad_request"
        assert answer["said"] == refused
        assert answer["said"].startswith("KOC-000003 dan KOC-000001 tidak punya akun Telegram")
        lead = await client.ok("lead", {"id": 4})
        assert not lead["duplicates"]["closed"] and lead["version"] == version
    actions = [entry[2] for entry in await audit(bot, "KOC-000003")]
    assert actions[-2:] == ["duplicate_refused", "lead_viewed"]
    found = rows(
        bot.database,
        "SELECT detail FROM audit_log WHERE action = 'duplicate_refused' AND lead_ref = ?",
        ("KOC-000003",),
    )
    assert [json.loads(detail)["reason"] for (detail,) in found] == ["unmarked"]

    # A forged chat button says the same, and nothing is closed.
    admin = admin_of(staff_chat)
    (page,) = await bot.send(admin, "/lead KOC-000003")
    (answer_in_chat,) = await bot.act(admin, admin.press_raw, page.message_id, "rc:dc:4:2:0")
    assert answer_in_chat.text == t(
        Text.RECORDS_DUPLICATE_UNMARKED, reference="KOC-000003", other="KOC-000001"
    )
    assert rows(
        bot.database, "SELECT duplicate_of FROM lead_pipeline WHERE application_id = 4"
    ) == [(None,)]
    # The pair the desk marks (Budi shares Sari's phone) still closes.
    assert await bot.store.duplicates.close_duplicate(3, 2, Actor.cli()) == "saved"


async def test_a_lead_closed_as_a_duplicate_after_a_move_alls_preview_is_named_as_one(
    bot: Harness, staff_chat: Any
) -> None:
    await a_draft_then_two_leads(bot)  # Sari KOC-000001 (id 2), Budi KOC-000002 (id 3)
    admin = admin_of(staff_chat)
    which = said(Text.BULK_CLOSED_ONE, reference="KOC-000002", other="KOC-000001")
    skipped = said(Text.BULK_SKIPPED_DUPLICATES, count=1, which=which).strip()
    assert skipped.endswith("ditutup sebagai duplikat: KOC-000002 (duplikat dari KOC-000001).")
    elsewhere = "diubah di tempat lain"

    # Chat: Move all previewed with both, Budi's closed as a duplicate before the confirm.
    await bot.send(admin, "/leads baru")
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=2))
    mark = admin.mark()
    await bot.press(admin, label("ditinjau"))
    assert await bot.store.duplicates.close_duplicate(3, 2, Actor.cli()) == "saved"
    await bot.press(admin, t(Text.BTN_BULK_CONFIRM))
    (done,) = admin.find("✅ Pindah massal", since=mark)
    assert "1 pendaftar sekarang di tahap Ditinjau" in done.text
    assert skipped in done.text and elsewhere not in done.text

    # The workspace's selection, the same way round.
    assert await bot.store.duplicates.reopen_duplicate(3, Actor.cli()) == "saved"
    async with workspace(bot, ADMIN_ID) as client:
        planned = await client.ok("bulk-preview", {"ids": [2, 3], "stage": "shortlist"})
        assert await bot.store.duplicates.close_duplicate(3, 2, Actor.cli()) == "saved"
        moved = await client.ok(
            "bulk-move", {"batch": planned["batch"], "stage": "shortlist", "notify": False}
        )
    assert moved["moved"] == 1
    assert skipped in moved["text"] and elsewhere not in moved["text"]


async def test_closing_a_lead_closed_meanwhile_says_of_which_lead_it_is_a_duplicate(
    bot: Harness,
) -> None:
    await a_draft_then_two_leads(bot)  # Sari KOC-000001 (id 2), Budi KOC-000002 (id 3)
    dewi = bot.user(first_name="Dewi")
    dewis = {**FILMMAKER, "full_name": "Dewi", "email": "dewi@contoh.id", "phone": SAME_PHONE}
    assert await apply(bot, dewi, dewis) == "KOC-000003"  # Sari's phone, as Budi's
    async with workspace(bot, ADMIN_ID) as client:
        lead = await client.ok("lead", {"id": 4})
        offered = {mark["reference"] for mark in lead["duplicates"]["marks"]}
        assert offered == {"KOC-000001", "KOC-000002"}
        version = lead["version"]
        # Another admin closes it as Sari's duplicate; this page then presses Budi's.
        assert await bot.store.duplicates.close_duplicate(4, 2, Actor.cli()) == "saved"
        answer = await client.ok("close-duplicate", {"id": 4, "other": 3, "version": version})
        assert answer["outcome"] == "closed"
        assert answer["text"] == said(
            Text.RECORDS_DUPLICATE_CLOSED_ALREADY, reference="KOC-000003", other="KOC-000001"
        )
        assert "diubah di tempat lain" not in answer["text"]
        # Sari's, pressed on that old page: it is already closed as hers.
        same = await client.ok("close-duplicate", {"id": 4, "other": 2, "version": version})
        assert same["outcome"] == "same"
        assert same["text"] == said(
            Text.RECORDS_DUPLICATE_SAME, reference="KOC-000003", other="KOC-000001"
        )
    assert (await bot.store.duplicates.duplicate_links(4)).closed_of_reference == "KOC-000001"
    found = rows(
        bot.database,
        "SELECT detail FROM audit_log WHERE action = 'duplicate_refused' AND lead_ref = ?",
        ("KOC-000003",),
    )
    assert [json.loads(detail)["reason"] for (detail,) in found] == ["closed"]
