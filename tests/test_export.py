"""Exports as files: formula-safe cells, exact round trips, filters, packing for Telegram."""

from __future__ import annotations

import asyncio
import csv
import io
import random
import shutil
import sqlite3
import zipfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content import Content, load_content
from bot.leads.export import (
    ExportRequest,
    FilterError,
    neutralise,
    pack_for_upload,
    start_of_day_utc,
    wib_text,
    write_exports,
)
from bot.settings import PACKAGED_CONTENT_DIR
from bot.store import LeadFilter, Store
from bot.store.db import Snapshot
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    XLSX_TIME_FORMAT,
    Seed,
    as_in_csv,
    as_records,
    read_csv,
    read_xlsx,
    seed,
)

ORDINARY = [
    'She said "halo", then left',
    "satu, dua; tiga",
    "baris satu\nbaris dua\r\nbaris tiga",
    "Terima kasih 🙏🎬🎶",
    "안녕하세요, 한국에서 만나요",
    "Saya dari Kabupaten Sleman, D.I. Yogyakarta — siap berkarya!",
    "50% = setengah",
    "'sudah dikutip",
    "trailing space ",
    "tur 12 kota, 3 negara; 2024\tlive",
    "a-b, c+d; e=f, g@h",
    "1,5 juta; 10%",
]
# Written out here, not taken from the code under test: what makes a spreadsheet run a cell.
TRIGGERS = ["=", "+", "-", "@"]
FULLWIDTH_TRIGGERS = ["\uff1d", "\uff0b", "\uff0d", "\uff20"]  # fullwidth = + - @
# Invisible (or blank) characters a spreadsheet may drop before it looks at the first one.
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u00a0", " "]
SEPARATORS = [",", ";", "\t"]
# Fields that spreadsheets run as a formula once split on `,`, `;` or a tab.
HOSTILE = [
    "=1+1",
    "+SUM(1,2)",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\n=1+1",
    "\r\n-1",
    "Band;=1+1;",
    "Band,=1+1,",
    "Band\t=1+1",
    "Band; =1+1",
    "Band;\u200b=1+1",
    "https://example.com\n=1+1",
    '=cmd|" /C calc"!A0',
    '"quoted";=HYPERLINK("https://evil.example","klik")',
    "\uff1dSUM(1,2)",
    "\uff0b1",
    "\uff0d1",
    "\uff20SUM(A1)",
    "\u200b=1+1",
    "\ufeff\u200d+1",
    "\u00a0=1+1",
    " =1+1",
    "x;\uff1d1+1",
    "x,\u2060@A1",
]


@pytest.fixture
async def store(database: Path) -> AsyncIterator[Store]:
    """An empty, migrated store on a temporary file (with a key: a test erases in it)."""
    opened = await Store.open(database, erasure_key=b"test-erasure-key-" * 2)
    yield opened
    await opened.close()


async def export_both(
    store: Store, content: Content, folder: Path, request: ExportRequest | None = None
) -> list[list[str]]:
    """Write CSV and XLSX; check they hold the same cells; return the CSV rows."""
    request = request or ExportRequest()
    paths = {"csv": folder / "leads.csv", "xlsx": folder / "leads.xlsx"}
    written = await write_exports(store, content, request.filter, paths)  # type: ignore[arg-type]
    rows = read_csv(paths["csv"].read_bytes())
    assert as_in_csv(read_xlsx(paths["xlsx"].read_bytes())) == rows
    assert written.rows == len(rows) - 1
    return rows


@pytest.mark.parametrize("trigger", [*TRIGGERS, *FULLWIDTH_TRIGGERS, "\t", "\r", "\n"])
def test_each_trigger_gets_a_quote_and_nothing_else_changes(trigger: str) -> None:
    assert neutralise(f"{trigger}1+1") == f"'{trigger}1+1"
    assert neutralise(f"a{trigger}b") == f"a{trigger}b"


@pytest.mark.parametrize("trigger", [*TRIGGERS, *FULLWIDTH_TRIGGERS])
@pytest.mark.parametrize("separator", [*SEPARATORS, "\n", "\r"])
def test_a_trigger_after_a_separator_gets_a_quote_after_the_separator(
    trigger: str, separator: str
) -> None:
    assert neutralise(f"Band{separator}{trigger}1+1") == f"Band{separator}'{trigger}1+1"


@pytest.mark.parametrize("invisible", INVISIBLE)
@pytest.mark.parametrize("trigger", [*TRIGGERS, *FULLWIDTH_TRIGGERS])
def test_invisible_characters_before_a_trigger_do_not_hide_it(invisible: str, trigger: str) -> None:
    assert neutralise(f"{invisible}{trigger}1") == f"'{invisible}{trigger}1"
    assert (
        neutralise(f"a;{invisible}{invisible}{trigger}1") == f"a;'{invisible}{invisible}{trigger}1"
    )
    assert neutralise(f"a{invisible}b") == f"a{invisible}b"


def runs_as_formula(cell: str) -> bool:
    """Whether a spreadsheet could take this cell for a formula."""
    stripped = cell.lstrip("".join(INVISIBLE) + "\t\r\n")
    return stripped.startswith(tuple(TRIGGERS + FULLWIDTH_TRIGGERS))


def csv_cells(data: bytes, separator: str) -> list[str]:
    """Every cell of a CSV as a spreadsheet set to this separator would split it.

    Non-strict parsing, as spreadsheets do: after a closing quote, text up to the next
    separator belongs to the same cell, and a quote inside an unquoted cell is kept.
    """
    text = data.decode("utf-8-sig")
    return [
        cell
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=False)
        for cell in row
    ]


def test_ordinary_text_is_left_alone() -> None:
    for text in [*ORDINARY, "", "0812", "62812", "https://x.id"]:
        assert neutralise(text) == text


async def test_every_trigger_in_every_kind_of_answer_is_neutralised_in_both_files(
    store: Store, database: Path, tmp_path: Path
) -> None:
    # Stored values that start with a trigger, for every question type (choice values the
    # content does not know are shown as old choices), and in the talent's Telegram details.
    talents = []
    for number, trigger in enumerate([*TRIGGERS, "\t", "\r", "\n"], start=1):
        answers: dict[str, Any] = {}
        for question in CONTENT.intake.questions:
            value = f"{trigger}SUM(1,{number})"
            if question.type == "multi_choice":
                answers[question.key] = [value, "zz"]
            elif question.type == "number":
                answers[question.key] = -number if trigger == "-" else value
            else:
                answers[question.key] = value
        talents.append(
            Seed(number, answers, username=f"{trigger}user", source=f"{trigger}src", language="id")
        )
    seed(database, talents)
    rows = await export_both(store, CONTENT, tmp_path)
    questions = CONTENT.intake.questions
    for row, (number, trigger) in zip(
        as_records(rows), enumerate([*TRIGGERS, "\t", "\r", "\n"], start=1), strict=True
    ):
        for question in questions:
            cell = row[question.label.id]
            value = f"{trigger}SUM(1,{number})"
            if question.type in ("single_choice", "multi_choice"):
                # A choice the content does not offer reads as an old choice, which starts
                # with a bracket: nothing to neutralise, and the value is still all there.
                old = f"(pilihan lama: {value})"
                expected = old + (", (pilihan lama: zz)" if question.type == "multi_choice" else "")
                assert cell == expected, (question.key, cell)
                continue
            assert cell.startswith("'" + trigger), (question.key, cell)
            if question.type == "number" and trigger == "-":
                assert cell == f"'-{number}"
            else:
                assert cell == f"'{trigger}SUM(1,{number})"
        assert row["Username Telegram"] == f"'{trigger}user"
        assert row["Sumber"] == f"'{trigger}src"
    for cells in rows:
        for cell in cells:
            assert not runs_as_formula(cell), cell


async def test_no_cell_runs_as_a_formula_whatever_separator_the_spreadsheet_uses(
    store: Store, database: Path, tmp_path: Path
) -> None:
    texts = ["full_name", "stage_name", "city", "notable_works", "other_links", "message"]
    talents = [
        Seed(number, {**MUSICIAN, **dict.fromkeys(texts, text)}, username=f"u{number}")
        for number, text in enumerate(HOSTILE, start=1)
    ]
    seed(database, talents)
    paths = {"csv": tmp_path / "leads.csv", "xlsx": tmp_path / "leads.xlsx"}
    await write_exports(store, CONTENT, LeadFilter(), paths)  # type: ignore[arg-type]
    data = paths["csv"].read_bytes()
    for separator in [",", ";", "\t"]:
        hostile = [cell for cell in csv_cells(data, separator) if runs_as_formula(cell)]
        assert hostile == [], separator
    # Read as a CSV (commas), every field is quoted and each answer is whole, quotes aside.
    lines = data.decode("utf-8-sig").split("\r\n")
    assert all(line.startswith('"') and line.endswith('"') for line in lines if line)
    records = as_records(read_csv(data))
    labels = [CONTENT.questions[key].label.id for key in texts]
    for record, text in zip(records, HOSTILE, strict=True):
        for label in labels:
            assert record[label] != text and record[label].replace("'", "") == text.replace("'", "")


async def test_ordinary_text_round_trips_exactly(
    store: Store, database: Path, tmp_path: Path
) -> None:
    texts = ["full_name", "stage_name", "city", "notable_works", "other_links", "message"]
    talents = [
        Seed(number, {**MUSICIAN, **dict.fromkeys(texts, text)})
        for number, text in enumerate(ORDINARY, start=1)
    ]
    seed(database, talents)
    records = as_records(await export_both(store, CONTENT, tmp_path))
    labels = [CONTENT.questions[key].label.id for key in texts]
    for record, text in zip(records, ORDINARY, strict=True):
        assert [record[label] for label in labels] == [text] * len(texts)


async def test_labels_staff_write_with_a_trigger_are_neutralised_too(
    store: Store, database: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "content"
    shutil.copytree(PACKAGED_CONTENT_DIR, folder)
    intake = yaml.safe_load((folder / "intake.yaml").read_text(encoding="utf-8"))
    questions = {question["key"]: question for question in intake["questions"]}
    questions["full_name"]["label"]["id"] = "@Nama"
    questions["sector"]["choices"][0]["label"]["id"] = "=Musik"
    questions["genres"]["choices"][0]["label"]["id"] = "+Pop"
    intake["provinces"][0]["label"]["id"] = "-Aceh"
    (folder / "intake.yaml").write_text(yaml.safe_dump(intake, allow_unicode=True), "utf-8")
    content = load_content(folder)
    seed(database, [Seed(1, {**MUSICIAN, "province": "aceh", "genres": ["pop", "jazz"]})])
    rows = await export_both(store, content, tmp_path)
    assert "'@Nama" in rows[0]
    (record,) = as_records(rows)
    column = {key: content.questions[key].label.id for key in ("sector", "genres", "province")}
    assert record[column["sector"]] == "'=Musik"
    assert record[column["genres"]] == "'+Pop, Jazz"
    assert record[column["province"]] == "'-Aceh"


safe_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from([*TRIGGERS, *FULLWIDTH_TRIGGERS, *INVISIBLE[:-1], *SEPARATORS, "\n"]),
    max_size=40,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(safe_text, min_size=1, max_size=5))
async def test_any_text_reads_back_as_its_neutralised_self(
    values: list[str],
    tmp_path_factory: pytest.TempPathFactory,
    _migrated: Path,  # noqa: PT019 - conftest's session-wide template, used for its value
) -> None:
    folder = tmp_path_factory.mktemp("roundtrip")
    database = folder / "kocca.db"
    # A copy of the empty database the bot made (conftest's `database`, which is made once
    # per test, not per example): migrating a new file was half of each example's time.
    shutil.copyfile(_migrated, database)
    store = await Store.open(database)
    try:
        seed(database, [Seed(n, {"full_name": v}) for n, v in enumerate(values, start=1)])
        rows = await export_both(store, CONTENT, folder)
    finally:
        await store.close()
    cells = [record["Nama lengkap"] for record in as_records(rows)]
    # Nothing but protective quotes is added, and nothing is lost.
    assert [cell.replace("'", "") for cell in cells] == [v.replace("'", "") for v in values]
    data = (folder / "leads.csv").read_bytes()
    for separator in [",", ";", "\t"]:
        assert not any(runs_as_formula(cell) for cell in csv_cells(data, separator)), separator


async def test_columns_are_every_question_in_order_for_both_sectors(
    store: Store, database: Path, tmp_path: Path
) -> None:
    other = {**MUSICIAN, "music_role": "other_music_role", "music_role_other": "pelatih vokal"}
    seed(database, [Seed(1, other), Seed(2, dict(FILMMAKER))])
    headers, *rows = await export_both(store, CONTENT, tmp_path)
    labels = [question.label.id for question in CONTENT.intake.questions]
    assert headers[2 : 2 + len(labels)] == labels
    assert {"Peran (musik)", "Peran (film)", "Genre", "Format film"} <= set(headers)
    # "Lainnya" and what the talent said it is, side by side.
    musician = dict(zip(headers, rows[0], strict=True))
    assert musician["Peran (musik)"] == "Lainnya"
    assert musician["Peran lain (musik)"] == "pelatih vokal"
    assert headers.index("Peran lain (musik)") == headers.index("Peran (musik)") + 1


async def test_xlsx_holds_numbers_and_times_as_such_and_ids_and_phones_as_text(
    store: Store, database: Path, tmp_path: Path
) -> None:
    long_id = 1234567890123456789  # more digits than a spreadsheet number keeps
    seed(
        database,
        [
            Seed(long_id, MUSICIAN, submitted_at="2026-12-04T23:06:42.123456+00:00"),
            Seed(2, {**FILMMAKER, "experience_years": 2.5, "phone": "081234567801"}),
        ],
    )
    with sqlite3.connect(database) as connection:
        connection.execute(
            "UPDATE lead_pipeline SET stage_changed_at = '2026-12-06T01:30:59.999999+00:00'"
            " WHERE application_id = 1"
        )
    connection.close()
    await export_both(store, CONTENT, tmp_path)  # the CSV's text is the XLSX's, as shown
    sheet = openpyxl.load_workbook(tmp_path / "leads.xlsx").active
    headers = [cell.value for cell in sheet[1]]
    musician, filmmaker = (
        {
            title: (cell.data_type, cell.value, cell.number_format)
            for title, cell in zip(headers, row, strict=True)
        }
        for row in sheet.iter_rows(min_row=2)
    )
    years, phone = (CONTENT.questions[key].label.id for key in ("experience_years", "phone"))
    columns = [
        years,
        "Kabar terkirim ke talenta",
        "Waktu kirim (WIB)",
        "Tahap terakhir diubah (WIB)",
        phone,
        "ID Telegram",
    ]
    assert [musician[title][:2] for title in columns] == [
        ("n", 6),
        ("n", 0),
        ("d", datetime(2026, 12, 5, 6, 6)),  # WIB, to the minute shown
        ("d", datetime(2026, 12, 6, 8, 30)),
        ("s", "+6281234567801"),
        ("s", str(long_id)),
    ]
    assert [musician[title][2] for title in columns[2:4]] == [XLSX_TIME_FORMAT] * 2
    assert [filmmaker[title][:2] for title in (years, phone, "ID Telegram")] == [
        ("n", 2.5),
        ("s", "081234567801"),  # the leading 0 kept
        ("s", "2"),
    ]


async def test_empty_export_still_has_its_header_row(store: Store, tmp_path: Path) -> None:
    rows = await export_both(store, CONTENT, tmp_path)
    assert len(rows) == 1 and rows[0][0] == "Referensi"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ([], ExportRequest()),
        (["musik"], ExportRequest("music")),
        (["MUSIC"], ExportRequest("music")),
        (["film", "drafts"], ExportRequest("film", drafts=True)),
        (["since", "2026-01-01"], ExportRequest(since=date(2026, 1, 1))),
        (["drafts", "sejak", "2026-02-03", "film"], ExportRequest("film", date(2026, 2, 3), True)),
        (["sejak", "03-02-2026"], ExportRequest(since=date(2026, 2, 3))),
        (["since", "3/2/2026"], ExportRequest(since=date(2026, 2, 3))),
    ],
)
def test_export_words(words: list[str], expected: ExportRequest) -> None:
    assert ExportRequest.parse(words) == expected


@pytest.mark.parametrize(
    "words",
    [["teater"], ["since"], ["since", "kemarin"], ["since", "2026-13-01"], ["musik", "film"]],
)
def test_export_words_that_make_no_sense(words: list[str]) -> None:
    with pytest.raises(FilterError):
        ExportRequest.parse(words)


@pytest.mark.parametrize(
    ("words", "word", "kind"),
    [
        (["film", "teater"], "teater", "word"),
        (["since", "31-02-2026"], "31-02-2026", "date"),
        (["musik", "sejak"], "sejak", "no_date"),
    ],
)
def test_export_names_the_word_it_did_not_understand(
    words: list[str], word: str, kind: str
) -> None:
    with pytest.raises(FilterError) as raised:
        ExportRequest.parse(words)
    assert (raised.value.word, raised.value.kind) == (word, kind)


def test_dates_are_western_indonesian_time() -> None:
    assert start_of_day_utc(date(2026, 1, 11)) == "2026-01-10T17:00:00.000000+00:00"
    assert wib_text("2026-01-10T17:00:00.000000+00:00") == "2026-01-11 00:00"
    assert wib_text(None) == ""
    request = ExportRequest("music", date(2026, 1, 1), True)
    assert request.filter.since == "2025-12-31T17:00:00.000000+00:00"
    assert request.filter.sector == "music" and request.filter.drafts


def test_small_files_go_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    path.write_bytes(b"x" * 100)
    upload = pack_for_upload(path, limit=100)
    assert upload.files == [path] and not upload.zipped and not upload.split


def test_big_files_are_zipped(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    path.write_bytes(b"Referensi,Nama\n" * 1000)
    upload = pack_for_upload(path, limit=1000)
    assert upload.zipped and not upload.split
    (archive,) = upload.files
    assert archive.name == "leads.csv.zip" and archive.stat().st_size <= 1000
    with zipfile.ZipFile(archive) as packed:
        assert packed.read("leads.csv") == path.read_bytes()
        assert packed.getinfo("leads.csv").compress_type == zipfile.ZIP_DEFLATED


def test_files_too_big_even_zipped_are_split_into_parts(tmp_path: Path) -> None:
    path = tmp_path / "leads.xlsx"
    content = random.Random(1).randbytes(10_000)  # random bytes do not compress
    path.write_bytes(content)
    upload = pack_for_upload(path, limit=3000)
    assert upload.zipped and upload.split
    assert [part.name for part in upload.files] == [
        f"leads.xlsx.zip.{n:03d}" for n in range(1, len(upload.files) + 1)
    ]
    assert all(part.stat().st_size <= 3000 for part in upload.files)
    assert not (tmp_path / "leads.xlsx.zip").exists()
    joined = b"".join(part.read_bytes() for part in upload.files)
    with zipfile.ZipFile(io.BytesIO(joined)) as packed:
        assert packed.read("leads.xlsx") == content


async def test_an_erasure_during_an_export_leaves_no_lead_without_its_answers(
    store: Store, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    references = seed(database, [Seed(user_id=100 + index, answers=MUSICIAN) for index in range(3)])
    opened = 0
    original = Snapshot.stream
    erased = asyncio.Event()  # the erasure is committed (emptying the WAL comes after)
    store.privacy.on_erasure.append(erased.set)
    erasing: list[asyncio.Task[bool]] = []

    @asynccontextmanager
    async def erase_between_the_queries(
        self: Snapshot, sql: str, params: Any = (), batch: int = 500
    ) -> AsyncIterator[AsyncIterator[Any]]:
        nonlocal opened
        async with original(self, sql, params, batch) as rows:
            opened += 1
            if opened == 1:  # the leads query has started, the answers query not yet
                # /hapusdata, mid-export, committed before the answers are read. Emptying
                # the WAL then waits for this export's read to end, as beside a staff export
                # (awaited whole here, it waited out the 10 s busy timeout instead).
                erasing.append(asyncio.create_task(store.privacy.erase(100)))
                await asyncio.wait_for(erased.wait(), 30)
            yield rows

    monkeypatch.setattr(Snapshot, "stream", erase_between_the_queries)
    async with store.leads.stream(LeadFilter()) as leads:
        exported = [lead async for lead in leads]
    await erasing[0]
    assert opened == 2
    assert [lead.reference for lead in exported] == references  # as when the export began
    assert all(lead.answers["full_name"] == MUSICIAN["full_name"] for lead in exported)
    monkeypatch.undo()
    async with store.leads.stream(LeadFilter()) as leads:
        assert [lead.user_id async for lead in leads] == [101, 102]  # the next export: gone
