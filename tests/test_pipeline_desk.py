"""The pipeline around the staff desk: exports, statistics, announcements, /dataku, the CLI,
migrating old leads, and check-content's view of content/stages.yaml."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.content import ContentError, load_content
from bot.outreach.audience import AudienceError, parse_audience
from bot.settings import PACKAGED_CONTENT_DIR
from bot.store import Store
from bot.store.audit import Actor
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    MUSICIAN,
    Seed,
    apply,
    as_records,
    consent,
    copy_label,
    data_copy,
    fill,
    read_csv,
    realistic,
    section,
    seed,
    shown,
)
from tests.leads import label as choice_label
from tests.subscribers import add_subscribers, submit_application, wait_until
from tests.test_pipeline import admin_of, audit, label, t, wait_sent
from tests.test_records_staff import open_correction
from tests.test_staff import _kocca_bot, _kocca_bot_here, export_records
from tests.upgrades import made_before
from tests.workspace import workspace


async def test_export_has_stage_assignee_notes_and_updates_and_filters_by_stage(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    await apply(bot, bot.user(first_name="Budi"), {**MUSICIAN, "full_name": "Budi"})
    await bot.send(admin, '/catatan KOC-000001 =HYPERLINK("x") pertama')
    await bot.send(admin, "/catatan KOC-000001 kedua")
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, t(Text.BTN_ASSIGN_ME))
    await bot.press(admin, label("shortlist"))
    await bot.press(admin, t(Text.BTN_SEND_UPDATE))
    await wait_sent(bot, 1)
    replies = await bot.send(admin, "/export shortlist")
    files = {m.document[0].rsplit(".", 1)[-1]: m.document[1] for m in replies if m.document}
    assert replies[0].document is not None and "-shortlist-" in replies[0].document[0]
    (record,) = as_records(read_csv(files["csv"]))
    assert record["Referensi"] == "KOC-000001"
    assert record["Tahap"] == "Shortlist"
    assert record["Ditangani (nama, ID)"] == f"Admin ({ADMIN_ID})"  # name and id
    assert record["Kabar terkirim ke talenta"] == "1"
    first, second = record["Catatan staf (terbaru dulu)"].split("\n")
    assert first.endswith(f"· Admin ({ADMIN_ID}): kedua")
    assert second.endswith(f'· Admin ({ADMIN_ID}): =HYPERLINK("x") pertama')
    assert (
        record["Tahap terakhir diubah (WIB)"][:4]
        == "20" + record["Tahap terakhir diubah (WIB)"][2:4]
    )
    (usage,) = await bot.send(admin, "/export tahap-palsu")
    assert "baru, ditinjau" in usage.text
    logged = await audit(bot)
    exports = [entry for entry in logged if entry[2] == "export"]
    assert exports == [(ADMIN_ID, "telegram", "export", None)]


async def test_stats_show_the_pipeline_and_time_to_first_contact(
    bot: Harness, staff_chat: Any
) -> None:
    rng = __import__("random").Random(3)
    seed_rows = [Seed(700 + n, realistic(rng, "film" if n % 2 else "music")) for n in range(4)]
    await asyncio.to_thread(seed, bot.database, seed_rows)
    store = bot.store
    await store.pipeline.move(1, None, "dihubungi", Actor.cli(), None, None)
    await store.pipeline.move(2, None, "shortlist", Actor.cli(), None, None)
    await store.pipeline.move(2, None, "selesai", Actor.cli(), None, None)
    (text, chart) = await bot.send(admin_of(staff_chat), "/stats")
    assert chart.kind == "photo" and chart.photo is not None
    assert chart.photo.startswith(b"\x89PNG")
    assert chart.text == t(Text.STATS_CHART_CAPTION)
    assert [p.name for p in bot.database.parent.iterdir() if "matplotlib" in p.name] == []
    lines = text.text.splitlines()
    start = lines.index("Pendaftar per tahap")
    assert lines[start + 1 : start + 7] == [
        "• Baru: 2",
        "• Ditinjau: 0",
        "• Dihubungi: 1",
        "• Shortlist: 0",
        "• Diteruskan: 0",
        "• Tidak dilanjutkan: 1",
    ]
    contact = lines[lines.index("Waktu sampai dihubungi") + 1]
    assert contact.startswith("median ") and contact.endswith(
        "hari setelah mendaftar (2 pendaftar)"
    )
    assert "• Musik: Baru 1 · Dihubungi 1" in lines
    assert "• Film: Baru 1 · Tidak dilanjutkan 1" in lines


async def test_stats_before_anyone_registered_say_so_instead_of_an_empty_chart(
    bot: Harness, staff_chat: Any
) -> None:
    """A new deployment's first /stats: no chart of empty axes (-0.04 to 0.04, read as
    broken, a talent review found), but a line saying when it comes."""
    (text, instead) = await bot.send(admin_of(staff_chat), "/stats")
    assert "Corong" in text.text
    assert instead.kind == "text" and instead.text == t(Text.STATS_CHART_EMPTY)


async def test_announcement_audience_per_stage(bot: Harness, staff_chat: Any) -> None:
    talents = await add_subscribers(bot.store, bot.emulator, 3)
    for talent in talents[:2]:
        await submit_application(bot.store, CONTENT, talent.id, sector="music")
    await bot.store.pipeline.move(1, None, "shortlist", Actor.cli(), None, None)
    audience = parse_audience("stage=shortlist", CONTENT)
    assert await bot.store.broadcasts.audience_count(audience.kind, audience.value) == 1
    with pytest.raises(AudienceError, match="unknown stage"):
        parse_audience("stage=ghost", CONTENT)
    admin = admin_of(staff_chat)
    await bot.send(admin, "/broadcast")
    await bot.send(admin, "Kabar untuk yang masuk shortlist")
    await bot.press(admin, t(Text.BTN_BROADCAST_SAME))
    await bot.press(admin, t(Text.BTN_AUDIENCE_STAGE))
    await bot.press(admin, t(Text.BTN_AUDIENCE_VALUE, label="Shortlist", count=1))
    assert t(Text.BROADCAST_CONFIRM, count=1, audience="Shortlist", split="") == (
        admin.last_message.html
    )
    await bot.press(admin, t(Text.BTN_BROADCAST_SEND))
    actions = [(action, lead) for _, _, action, lead in await audit(bot)]
    assert ("broadcast_queued", None) in actions


async def test_my_data_has_stages_and_updates_but_no_staff_notes(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    await bot.send(admin, "/catatan KOC-000001 catatan internal rahasia")
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, label("shortlist"))
    await bot.press(admin, t(Text.BTN_SEND_UPDATE))
    await wait_sent(bot, 1)
    mark = sari.mark()
    await bot.send(sari, "/dataku")
    document = sari.messages_since(mark)[0].document
    assert document is not None
    copy = data_copy(document[1])
    [registration] = section(copy, Text.MYDATA_SECTION_REGISTRATIONS)
    assert registration[copy_label(Text.MYDATA_FIELD_REFERENCE)] == "KOC-000001"
    shortlist = CONTENT.stages["shortlist"].talent_label.id  # as /status says it
    assert registration[copy_label(Text.MYDATA_FIELD_CURRENT_STAGE)] == shortlist
    history = registration[copy_label(Text.MYDATA_FIELD_STAGE_HISTORY)]
    assert [change[copy_label(Text.MYDATA_FIELD_TO_STAGE)] for change in history] == [shortlist]
    [update] = section(copy, Text.MYDATA_SECTION_UPDATES)
    assert update[copy_label(Text.MYDATA_FIELD_STATUS)] == copy_label(Text.MYDATA_DELIVERY_SENT)
    assert "masuk daftar pendek" in update[copy_label(Text.MYDATA_FIELD_MESSAGE)]
    text = document[1].decode()
    assert "rahasia" not in text and str(ADMIN_ID) not in text
    # The copy does not claim to be everything: it says the notes are left out, and how to ask.
    summary = sari.messages_since(mark)[-1].text or ""
    assert "Catatan internal tim kami" in summary and "hubungi penanggung jawab" in summary
    assert "salinan semua data" not in summary


async def test_command_line_moves_notes_and_prints_the_audit_log(
    bot: Harness, staff_chat: Any, tmp_path: Path
) -> None:
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    before = len(sari.messages)
    out = await _kocca_bot(
        bot.database,
        tmp_path,
        "lead",
        "KOC-000001",
        "--stage",
        "shortlist",
        "--notify",
        "--note",
        "Dari skrip",
    )
    assert "KOC-000001 moved to Shortlist; the talent update is queued" in out
    assert "note kept" in out

    async def delivered() -> bool:
        return len(sari.messages) > before

    await wait_until(delivered)  # the running bot sends what the command line queued
    assert "masuk daftar pendek" in sari.messages[-1].text
    out = await _kocca_bot(bot.database, tmp_path, "lead", "KOC-000001")
    (page,) = await bot.send(admin_of(staff_chat), "/lead KOC-000001")
    # The page staff read in Telegram, word for word, in DEFAULT_LANGUAGE (id): the
    # talent's answers, the stage, the note, the history.
    assert out.rstrip("\n") == page.text
    assert "Sari" in out and "Shortlist" in out and "Dari skrip" in out
    # Refused before the database is opened: in this process, the bot's loop paused meanwhile
    # (nothing waits for its write lock).
    _kocca_bot_here(bot.database, tmp_path, "lead", "KOC-000001", "--stage", "ghost", status=2)
    _kocca_bot_here(bot.database, tmp_path, "lead", "KOC-000001", "--note", "x" * 2001, status=2)
    await _kocca_bot(bot.database, tmp_path, "lead", "KOC-000777", "--stage", "baru", status=1)

    text = await _kocca_bot(bot.database, tmp_path, "audit", "--lead", "KOC-1")
    lines = text.splitlines()
    assert len(lines) == 4
    for line, who, action in zip(
        lines,
        ["cli", "cli", "cli", f"admin Admin ({ADMIN_ID})"],  # staff by name, with the id
        ["stage_changed", "note_added", "lead_viewed", "lead_viewed"],
        strict=True,
    ):
        assert f" WIB  {who} " in line and f" {action} " in line and "KOC-000001" in line
    assert "after=shortlist batch=1 before=baru message=sent notified=True" in lines[0]
    # Only what was changed (a new staff member's review: views were most of the lines).
    changes = await _kocca_bot(bot.database, tmp_path, "audit", "--lead", "KOC-1", "--changes")
    assert changes.splitlines() == lines[:2]
    printed = await _kocca_bot(
        bot.database, tmp_path, "audit", "--format", "csv", "--admin", str(ADMIN_ID)
    )
    rows = read_csv(b"\xef\xbb\xbf" + printed.encode())
    assert rows[0] == [
        "time_wib",
        "time_utc",
        "actor",
        "actor_id",
        "actor_name",
        "via",
        "action",
        "lead",
        "detail",
    ]
    assert [row[2:7] for row in rows[1:]] == [
        ["admin", str(ADMIN_ID), "Admin", "telegram", "lead_viewed"]
    ]
    empty = await _kocca_bot(bot.database, tmp_path, "audit", "--since", "2099-01-01")
    assert empty == ""


async def test_leads_submitted_before_the_pipeline_start_at_the_first_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "old.db"
    await made_before(database, monkeypatch, "lead_pipeline")  # from before the pipeline
    await asyncio.to_thread(seed, database, [Seed(801, realistic(__import__("random").Random(9)))])
    store = await Store.open(database)
    try:
        state = await store.pipeline.state(1)
        assert state is not None and state.stage == "baru" and state.version == 0
    finally:
        await store.close()


def _content_with(tmp_path: Path, stages: list[dict[str, Any]]) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(PACKAGED_CONTENT_DIR, folder, ignore=shutil.ignore_patterns("*.py", "__*"))
    (folder / "stages.yaml").write_text(yaml.safe_dump({"stages": stages}), encoding="utf-8")
    return folder


def test_check_content_validates_stages(tmp_path: Path) -> None:
    good = yaml.safe_load((PACKAGED_CONTENT_DIR / "stages.yaml").read_text(encoding="utf-8"))
    stages = good["stages"]
    twice = [stages[0], {**stages[1], "key": "baru"}]
    with pytest.raises(ContentError) as raised:
        load_content(_content_with(tmp_path / "1", twice))
    assert "stages.yaml: stages: Value error, stage keys must be unique: baru used twice" in (
        raised.value.problems
    )
    untranslated = [*stages[:4], {**stages[4], "label": {"id": "Diteruskan"}}]
    with pytest.raises(ContentError) as raised:
        load_content(_content_with(tmp_path / "4", untranslated))
    assert "stages.yaml: stages[diteruskan].label.en: Field required" in raised.value.problems
    fixed = [{**stage} for stage in stages]
    fixed[0]["key"] = "mine"
    fixed[3]["message"] = {"id": "Halo {nama}", "en": "Hi {nama}"}
    with pytest.raises(ContentError) as raised:
        load_content(_content_with(tmp_path / "2", fixed))
    problems = "\n".join(raised.value.problems)
    assert "stages[mine]: key 'mine' is a /leads or /export filter word" in problems
    assert "stages[shortlist].message.id: unknown placeholder(s) ['nama']" in problems
    # /leads baru duplikat, /leads menunggu, /export sejak …: a stage keyed so would be read
    # as the filter instead (a helper's note).
    for word in ("duplikat", "menunggu", "today", "sejak"):
        taken = [{**stages[0], "key": word}, *stages[1:]]
        with pytest.raises(ContentError) as raised:
            load_content(_content_with(tmp_path / word, taken))
        assert f"stages[{word}]: key '{word}' is a /leads or /export filter word" in "\n".join(
            raised.value.problems
        )
    renamed = [{**stage} for stage in stages]
    renamed[0]["label"] = {"id": "Masuk", "en": "Incoming"}
    content = load_content(_content_with(tmp_path / "3", list(reversed(renamed))))
    assert content.first_stage.key == "selesai"
    assert content.stages["baru"].label.en == "Incoming"


async def test_a_minors_lead_shows_the_guardians_consent_to_staff(
    bot: Harness, staff_chat: Any
) -> None:
    # A new staff member's review: a minor's lead showed only the other consents, so staff
    # could not see that the talent said a parent or guardian agreed (UU PDP Pasal 25).
    admin = admin_of(staff_chat)
    minor, adult = bot.user(first_name="Dimas"), bot.user(first_name="Sari")
    await bot.send(minor, "/daftar")
    await consent(bot, minor)
    await fill(bot, minor, {**MUSICIAN, "age_range": "under_18"})
    await bot.press(minor, CONTENT.text(Text.BTN_GUARDIAN_YES, "id"))
    await fill(bot, minor, {**MUSICIAN, "age_range": "under_18"})
    await bot.press(minor, CONTENT.text(Text.BTN_SUBMIT, "id"))
    await apply(bot, adult, MUSICIAN)
    guardian = shown(Text.LEAD_CONSENT_YES, label=CONTENT.text(Text.LEAD_CONSENT_GUARDIAN, "id"))
    [page] = await bot.send(admin, "/lead KOC-000001")
    assert guardian in page.text.splitlines()
    [adults] = await bot.send(admin, "/lead KOC-000002")
    label_only = CONTENT.text(Text.LEAD_CONSENT_GUARDIAN, "id")
    assert label_only not in adults.text  # an adult is never asked: no line at all
    async with workspace(bot, admin.id) as client:
        minors = await client.ok("lead", {"id": 1})
        adults_page = await client.ok("lead", {"id": 2})
    [given] = [item for item in minors["consents"] if item["kind"] == "guardian"]
    assert (given["label"], given["granted"]) == (label_only, True)
    assert "guardian" not in [item["kind"] for item in adults_page["consents"]]

    # An attacker's review: by the lead's age, not by a consent row. A talent who chose
    # "under 18", agreed for a guardian, then went back to 25-34 is an adult: no line.
    rina = bot.user(first_name="Rina")
    await bot.send(rina, "/daftar")
    await consent(bot, rina)
    await fill(bot, rina, {**MUSICIAN, "age_range": "under_18"})
    await bot.press(rina, CONTENT.text(Text.BTN_GUARDIAN_YES, "id"))
    await bot.press(rina, CONTENT.text(Text.BTN_BACK, "id"))
    await fill(bot, rina, MUSICIAN)
    await bot.press(rina, CONTENT.text(Text.BTN_SUBMIT, "id"))
    [rinas] = await bot.send(admin, "/lead KOC-000003")
    assert choice_label("age_range", "age_25_34") in rinas.text
    assert label_only not in rinas.text
    # An adult's age corrected by staff to under 18: the line says it was never asked.
    await open_correction(bot, admin, "age_range", "KOC-000002")
    await bot.press(admin, choice_label("age_range", "under_18"))
    [corrected] = await bot.send(admin, "/lead KOC-000002")
    unasked = shown(Text.LEAD_CONSENT_UNASKED, label=label_only)
    assert unasked in corrected.text.splitlines()
    # The export says the same in a column of its own (a staff review: the sheet staff
    # pass on had no trace of it): agreed, empty for an adult, not asked.
    column = CONTENT.text(Text.EXPORT_COL_CONSENT_GUARDIAN, "id")
    exported = {row["Referensi"]: row[column] for row in await export_records(bot, admin)}
    assert exported == {"KOC-000001": "ya", "KOC-000002": "belum ditanya", "KOC-000003": ""}
