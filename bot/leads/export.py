"""Leads -> CSV and XLSX for staff spreadsheets: streamed, formula-safe, in the language of
the staff member who asked (Indonesian unless theirs is English).

`Sheet` decides, by what each column is, which cells are numbers (an answer to a number
question, the count of updates sent) and which are times (a WIB `datetime`); every other
cell is text, the phone number and the Telegram id included, however much they look like
numbers. The files only write what they get (`cell_text` for the CSV).

A CSV cell is only text: one that starts like a formula gets a visible `'` (`neutralise`).
An XLSX text cell is written as a string, which a spreadsheet never runs, so it keeps its
exact text; one that starts like a formula is also marked "quote prefix" (what typing a `'`
in Excel does, and invisible), so editing it later does not turn it into a formula either.
Numbers and times are XLSX numbers (a time with a yyyy-mm-dd hh:mm format), which sort,
filter and add up as such and never run either.

Pure of Telegram: the bot's /export and `kocca-bot export` both call `write_exports`.
"""

from __future__ import annotations

import asyncio
import csv
import html
import math
import re
import unicodedata
import zipfile
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal

from bot.content import Content, Question
from bot.leads import cancelling, filter_words, form_order, records
from bot.parsing import FIRST_YEAR, LAST_YEAR, written_day
from bot.private_files import open_private, private_file
from bot.store import Store
from bot.store.leads import GUARDIAN_CONSENT, Lead, LeadFilter
from bot.texts import Text

# WIB, to_wib and wib_text are also this module's, for its callers (bot, workspace, CLI).
from bot.wib import MINUTE
from bot.wib import WIB as WIB
from bot.wib import to_wib as to_wib
from bot.wib import wib_text as wib_text

# Headers and labels in the language of who asked: their Telegram language in /export, the
# workspace's; the command line's --language (a staff review s59: an English reader got
# "Tidak dilanjutkan" where her chat said "Closed"). Indonesian when none is given.
EXPORT_LANGUAGE = "id"
# Telegram's upload limit for bots is 50 MB; stay under it with room for the request itself.
UPLOAD_LIMIT = 50 * 1000 * 1000
# A cell starting with one of these runs as a formula in Excel or LibreOffice (OWASP), the
# fullwidth and small forms included (an Asian-locale spreadsheet reads them as = + - @).
_TRIGGERS = "=+\\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b"
# Where a spreadsheet may start a new cell: the CSV separators of every locale (`,`, `;` in
# Indonesian Excel, tab), and line breaks (once a `;`-split has lost track of the quotes).
_CELL_STARTS = ",;\t\r\n"
# What a spreadsheet may skip before it looks at the first character: blanks, and invisible
# format characters (zero-width, joiners, direction marks, BOM, soft hyphen, fillers).
_SKIPPED = (
    "\\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
)
_FORMULA_AHEAD = re.compile(f"(^|[{_CELL_STARTS}])(?=[{_SKIPPED}]*[{_TRIGGERS}])")
_CONTROL_FIRST = re.compile("^(?=[\t\r\n])")
# A cell of an export as `Sheet` fills it: text ("" when empty), a number, or a time in WIB
# (naive, to the minute, as wib_text shows it).
Cell = str | int | float | datetime
_XLSX_TIME = "yyyy-mm-dd hh:mm"  # the same, as a spreadsheet shows a time cell
_TIME_WIDTH = 17  # a column wide enough for "2026-01-15 14:03" (not ########)
_EXACT = 2**53  # a bigger whole number would be rounded in a spreadsheet (a double)
_YIELD_EVERY = 100  # leads written between two chances for other updates to run
_BLOCK = 1024 * 1024  # copy split archives a megabyte at a time
SECTOR_ALIASES = {"musik": "music", "music": "music", "film": "film"}
SINCE_WORDS = ("sejak", "since")
DRAFT_WORDS = ("draf", "drafts", "draft")
Format = Literal["csv", "xlsx"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx")

_CHOICE_TYPES = ("single_choice", "multi_choice", "province")
FORWARDING_CONSENT = "transfer_korea"  # asked only where FORWARD_TO is set


def consent_applies(kind: str, forwards: bool) -> bool:
    """Whether a consent's state means something: where the deployment passes nothing on
    (`forwards` False) the forwarding consent does not apply, never asked or (a lead from when
    leads were passed on, or from before FORWARD_TO was a setting) given for another recipient:
    a "yes" there would read as consent to something the talent was never asked (ops L3, s62)."""
    return kind != FORWARDING_CONSENT or forwards


_CONSENT_HEADERS = {
    "processing": Text.EXPORT_COL_CONSENT_PROCESSING,
    "transfer_korea": Text.EXPORT_COL_CONSENT_TRANSFER,
    "announcements": Text.EXPORT_COL_CONSENT_ANNOUNCEMENTS,
}


_PIPELINE_HEADERS = (
    Text.EXPORT_COL_STAGE,
    Text.EXPORT_COL_ASSIGNEE,
    Text.EXPORT_COL_STAGE_CHANGED,
    Text.EXPORT_COL_NOTES,
    Text.EXPORT_COL_UPDATES_SENT,
)


class FilterError(ValueError):
    """Export options that make no sense; the message says which. `word` is what staff
    typed that could not be read (None when no single word was wrong) and `kind` how: not an
    option, not a date, or a date missing after it; `suggestion` the option one or two typos
    from a word that is none."""

    def __init__(
        self,
        message: str,
        word: str | None = None,
        kind: Literal["word", "date", "no_date"] = "word",
        suggestion: str | None = None,
    ) -> None:
        super().__init__(message)
        self.word = word
        self.kind = kind
        self.suggestion = suggestion


def neutralise(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula, whatever it splits on.

    A `'` goes before a formula trigger at the start of the text and after every separator
    or line break (invisible characters in between do not hide the trigger), and before a
    leading tab or line break; nothing else changes.
    """
    return _CONTROL_FIRST.sub("'", _FORMULA_AHEAD.sub("\\1'", text), count=1)


def plain_text(markup: str) -> str:
    """Telegram HTML as plain text: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def wib_cell(moment: str | None) -> datetime | str:
    """A stored time as an export's time cell (empty when there is none)."""
    if moment is None:
        return ""
    return to_wib(moment).replace(tzinfo=None, second=0, microsecond=0)


def cell_text(cell: Cell) -> str:
    """A cell as text, as the CSV holds it (before `neutralise`): a time as wib_text writes
    it, a number as the bot shows it (8, 2.5)."""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, datetime):
        return cell.strftime(MINUTE)
    return str(cell)


def wib_words(content: Content, moment: str | None, language: str) -> str:
    """A stored time as staff read it in the bot: 15 Januari 2026, 14.03 (WIB; files and the
    command line keep wib_text's sortable form)."""
    return "" if moment is None else content.moment_text(to_wib(moment), language)


def start_of_day_utc(day: date) -> str:
    """Midnight of a WIB date, as a stored ISO UTC time (for comparisons in SQL)."""
    midnight = datetime.combine(day, time.min, tzinfo=WIB).astimezone(UTC)
    return midnight.isoformat(timespec="microseconds")


def parse_day(text: str) -> date:
    """A date written 2026-01-31 or 31-01-2026 (also 31/01/2026, 31.01.2026), in the years
    staff may ask about (a year outside them is refused like any other bad date)."""
    day = written_day(text)
    if day is not None:
        return day
    raise FilterError(
        f"{text!r} is not a date like 31-01-2026 or 2026-01-31 (from {FIRST_YEAR} to {LAST_YEAR})",
        text,
        "date",
    )


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What staff asked for: a sector, a first day (WIB), drafts or not."""

    sector: str | None = None  # "music" or "film"
    since: date | None = None
    drafts: bool = False
    stage: str | None = None  # a pipeline stage key
    # Only the leads closed as a duplicate (the workspace's "duplicates": "closed"): said in
    # the file's name, or it had the ordinary export's (an attacker's review).
    closed_duplicates: bool = False

    @classmethod
    def of(
        cls,
        sector: str | None = None,
        since: date | None = None,
        drafts: bool = False,
        stage: str | None = None,
    ) -> ExportRequest:
        """From staff's words: musik, music or film."""
        value = None
        if sector is not None:
            value = SECTOR_ALIASES.get(sector.lower())
            if value is None:
                raise FilterError(f"{sector!r} is not a sector: use musik or film", sector)
        return cls(value, since, drafts, stage)

    @classmethod
    def parse(cls, words: Sequence[str], stages: Collection[str] = ()) -> ExportRequest:
        """`/export musik since 2026-01-01 drafts shortlist`, in any order."""
        sector: str | None = None
        since: date | None = None
        drafts = False
        stage: str | None = None
        queue = [word.lower() for word in words]
        while queue:
            word = queue.pop(0)
            if word in SECTOR_ALIASES and sector is None:
                sector = word
            elif word in stages and stage is None:
                stage = word
            elif word in SINCE_WORDS and since is None:
                if not queue:
                    raise FilterError(f"{word!r} needs a date after it", word, "no_date")
                since = parse_day(queue.pop(0))
            elif word in DRAFT_WORDS:
                drafts = True
            else:
                known = [*SECTOR_ALIASES, *stages, *SINCE_WORDS, *DRAFT_WORDS]
                suggestion = filter_words.meant(word, known)
                raise FilterError(f"{word!r} is not an export option", word, "word", suggestion)
        return cls.of(sector, since, drafts, stage)

    @property
    def filter(self) -> LeadFilter:
        """The store's filter for these leads."""
        since = None if self.since is None else start_of_day_utc(self.since)
        return LeadFilter(sector=self.sector, since=since, drafts=self.drafts, stage=self.stage)

    def describe(self) -> dict[str, str | bool | None]:
        """The filters, as the audit log records them."""
        since = None if self.since is None else self.since.isoformat()
        return {"sector": self.sector, "stage": self.stage, "since": since, "drafts": self.drafts}

    def words(self, content: Content, language: str) -> str:
        """The filters as staff read them under the files: "Musik · Shortlist · sejak 1
        Januari 2026" ("" for the whole export; drafts are in the count already). A file
        forwarded to a colleague then says what its leads are (a staff review s57)."""
        parts = []
        question = content.questions.get("sector")
        if self.sector is not None:
            parts.append(
                form_order.display(question, content, self.sector, language)
                if question
                else self.sector
            )
        if self.stage is not None:
            stage = content.stages.get(self.stage)
            parts.append(stage.label.get(language) if stage else self.stage)
        if self.since is not None:
            day = content.date_text(self.since, language)
            parts.append(content.text(Text.EXPORT_FILTER_SINCE, language, date=day))
        return " · ".join(parts)

    def file_name(self, kind: Format, now: datetime, content: Content, language: str) -> str:
        """The file's name in the export's language (times in WIB):
        kocca-pendaftar-musik-sejak-2026-01-01-2026-01-15-1403.csv,
        kocca-leads-music-since-2026-01-01-2026-01-15-1403.csv; a stage's closed duplicates
        apart: kocca-leads-new-duplicates-2026-01-15-1403.csv. ASCII, no personal data."""
        parts = [content.text(Text.EXPORT_FILE_LEADS, language)]
        question = content.questions.get("sector")
        if self.sector is not None:
            parts.append(
                form_order.display(question, content, self.sector, language)
                if question
                else self.sector
            )
        if self.stage is not None:
            stage = content.stages.get(self.stage)
            parts.append(stage.label.get(language) if stage else self.stage)
        if self.closed_duplicates:
            parts.append(content.text(Text.EXPORT_FILE_DUPLICATES, language))
        if self.since is not None:
            parts.append(
                content.text(Text.EXPORT_FILTER_SINCE, language, date=self.since.isoformat())
            )
        if self.drafts:
            parts.append(content.text(Text.EXPORT_FILE_DRAFTS, language))
        parts.append(now.astimezone(WIB).strftime("%Y-%m-%d-%H%M"))
        return "-".join(filter(None, map(_file_word, parts))) + f".{kind}"


def _file_word(words: str) -> str:
    """Words as a part of a file name: ASCII letters and digits, lower case, "-" between
    ("Tidak dilanjutkan" → "tidak-dilanjutkan", "🎵 Musik" → "musik")."""
    ascii_only = unicodedata.normalize("NFKD", plain_text(words)).encode("ascii", "ignore")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_only.decode().lower()))


@dataclass(frozen=True, slots=True)
class Sheet:
    """The columns of an export and how one lead fills them."""

    content: Content
    drafts: bool
    # Staff names by id ("Rina (123)" in the cells), and per lead its possible duplicates.
    names: dict[int, str] = field(default_factory=dict)
    duplicates: dict[int, str] = field(default_factory=dict)
    forwards: bool = True  # whether this deployment passes leads on (FORWARD_TO set)
    language: str = EXPORT_LANGUAGE  # of the headers and of every label in the cells
    # Labels shown for each choice answer met so far (the same few come back in every row).
    labels: dict[tuple[str, Any], str] = field(default_factory=dict, init=False, repr=False)
    # Leads the bot cancelled (under 18, no guardian's consent), as met: their stage says why.
    minor_cancels: set[int] = field(default_factory=set, init=False, repr=False)

    def _display(self, question: Question, value: Any) -> str:
        """An answer as staff read it; labels of choices are looked up once per export."""
        if question.type not in _CHOICE_TYPES:
            return form_order.display(question, self.content, value, self.language)
        key = (question.key, tuple(value) if isinstance(value, list) else value)
        shown = self.labels.get(key)
        if shown is None:
            shown = self.labels[key] = form_order.display(
                question, self.content, value, self.language
            )
        return shown

    def _say(self, key: Text, **values: Any) -> str:
        return plain_text(self.content.text(key, self.language, **values))

    def headers(self) -> list[str]:
        """Column titles, in the sheet's language, in questionnaire order."""
        say = self._say
        titles = [say(Text.EXPORT_COL_REFERENCE), say(Text.EXPORT_COL_SUBMITTED)]
        if self.drafts:
            titles.append(say(Text.EXPORT_COL_STATUS))
        titles += [q.label.get(self.language) for q in self.content.intake.questions]
        titles += [
            say(Text.EXPORT_COL_TELEGRAM_ID),
            say(Text.EXPORT_COL_USERNAME),
            say(Text.EXPORT_COL_LANGUAGE),
            say(Text.EXPORT_COL_SOURCE),
        ]
        titles += [say(key) for key in _CONSENT_HEADERS.values()]
        titles.append(say(Text.EXPORT_COL_CONSENT_GUARDIAN))
        titles += [say(key) for key in _PIPELINE_HEADERS]
        titles.append(say(Text.EXPORT_COL_DUPLICATES))
        return titles

    def cells(self, lead: Lead) -> list[Cell]:
        """One lead as a row of cells: text (each file makes it formula-safe its own way),
        numbers in the number columns, times in the time columns."""
        content, say = self.content, self._say
        row: list[Cell] = [lead.reference or "", wib_cell(lead.submitted_at)]
        if self.drafts:
            draft = lead.status == "draft"
            row.append(say(Text.EXPORT_STATUS_DRAFT if draft else Text.EXPORT_STATUS_SUBMITTED))
        for question in content.intake.questions:
            value = lead.answers.get(question.key)
            if value is None:
                row.append("")
            elif question.type == "number" and _is_number(value):
                row.append(value)  # as stored: 8 or 2.5 (not "tidak tahu" or a stray text)
            else:
                row.append(self._display(question, value))
        # The chat language as the screens name it ("Inggris"), not its code (review s50 L3).
        spoken = self._say(
            Text.PIPELINE_LANGUAGE_NAME_EN
            if lead.language == "en"
            else Text.PIPELINE_LANGUAGE_NAME_ID
        )
        row += [str(lead.user_id), lead.username or "", spoken, lead.source or ""]
        for kind in _CONSENT_HEADERS:
            granted = lead.consents.get(kind)
            if not consent_applies(kind, self.forwards):
                row.append(say(Text.CONSENT_NOT_APPLICABLE))  # never asked: nothing passed on
            else:
                row.append(
                    "" if granted is None else say(Text.EXPORT_YES if granted else Text.EXPORT_NO)
                )
        row.append(self._guardian(lead))
        row += self._pipeline(lead)
        row.append(self.duplicates.get(lead.application_id, ""))
        return row

    def _guardian(self, lead: Lead) -> str:
        """A minor's guardian consent, by the lead's age as /lead shows it: empty for an
        adult (never asked), "belum ditanya" for a minor who never said."""
        if not form_order.minor(self.content, lead.answers):
            return ""
        granted = lead.consents.get(GUARDIAN_CONSENT)
        if granted is None:
            return self._say(Text.EXPORT_NOT_ASKED)
        return self._say(Text.EXPORT_YES if granted else Text.EXPORT_NO)

    def _pipeline(self, lead: Lead) -> list[Cell]:
        """Stage, assignee id, last stage change, notes (newest first), updates delivered."""
        if lead.stage is None:  # a draft has not entered the pipeline
            return ["", "", "", "", ""]
        found = self.content.stages.get(lead.stage)
        stage = found.label.get(self.language) if found else lead.stage
        if lead.closed_duplicate:  # as the screens say it: "Baru · 🔁 ditutup (duplikat)"
            stage = self._say(Text.RECORDS_STAGE_CLOSED_DUPLICATE, stage=stage)
        if lead.withdrawn:  # not to be contacted: "Tidak dilanjutkan · 🚫 dibatalkan oleh talenta"
            minor = lead.application_id in self.minor_cancels  # or why the bot cancelled it
            key = Text.RECORDS_STAGE_WITHDRAWN_UNDER_18 if minor else Text.RECORDS_STAGE_WITHDRAWN
            stage = self._say(key, stage=stage)
        notes = "\n".join(
            f"{wib_text(note.created_at)} · {self._who(note.author_id)}: {note.text}"
            for note in lead.notes
        )
        assignee = "" if lead.assignee_id is None else self._who(lead.assignee_id)
        changed = wib_cell(lead.stage_changed_at)
        return [stage, assignee, changed, notes, lead.updates_sent]

    def _who(self, user_id: int | None) -> str:
        """A staff member as "Rina (123456)"; the command line as CLI."""
        return "CLI" if user_id is None else records.name_with_id(self.names, user_id)


def _is_number(value: Any) -> bool:
    """Whether a stored answer is a number a spreadsheet holds exactly (True is not one)."""
    if type(value) is int:
        return abs(value) <= _EXACT
    return type(value) is float and math.isfinite(value)


class _CsvFile:
    """CSV in UTF-8 with a BOM, so Excel shows Indonesian and Korean text right."""

    def __init__(self, path: Path, headers: list[str], sheet_name: str) -> None:
        self._file = open_private(path, "w", encoding="utf-8-sig", newline="")
        # Every field quoted: a spreadsheet splitting on `;` or a tab still sees one cell.
        self._writer = csv.writer(self._file, quoting=csv.QUOTE_ALL)
        self._writer.writerow([neutralise(title) for title in headers])

    def add(self, row: list[Cell]) -> None:
        """Append one row, every cell neutralised: a CSV has no other way to say "text"."""
        self._writer.writerow([neutralise(cell_text(cell)) for cell in row])

    async def close(self, count: int) -> None:
        """Finish the file."""
        self._file.close()


class _XlsxFile:
    """XLSX written row by row in constant memory; text cells are strings, never a formula;
    numbers and times are numbers."""

    def __init__(self, path: Path, headers: list[str], sheet_name: str) -> None:
        # Imported here: `kocca-bot status` and `audit` use this module's helpers, not XLSX.
        import xlsxwriter

        # xlsxwriter opens the file by name: made 0600 first, it keeps that mode.
        self._book = xlsxwriter.Workbook(str(private_file(path)), {"constant_memory": True})
        self._sheet = self._book.add_worksheet(sheet_name[:31])
        bold = self._book.add_format({"bold": True})
        bold_quoted = self._book.add_format({"bold": True, "quote_prefix": True})
        self._quoted = self._book.add_format({"quote_prefix": True})
        self._time = self._book.add_format({"num_format": _XLSX_TIME})
        self._timed: set[int] = set()  # columns widened for a time
        self._widths = [min(max(len(title) + 2, 14), 40) for title in headers]
        for column, (title, width) in enumerate(zip(headers, self._widths, strict=True)):
            self._sheet.set_column(column, column, width)
            style = bold_quoted if _looks_like_formula(title) else bold
            self._sheet.write_string(0, column, title, style)
        self._sheet.freeze_panes(1, 0)
        self._row = 0
        self._width = len(headers)

    def add(self, row: list[Cell]) -> None:
        """Append one row as Sheet typed it. write_string keeps a text cell text (no
        formula, number or link), shown exactly as stored: a phone number +62… needs no
        visible quote."""
        self._row += 1
        sheet = self._sheet
        for column, cell in enumerate(row):
            if isinstance(cell, str):
                if not cell:  # an empty cell stays blank, as an empty string would
                    continue
                if _looks_like_formula(cell):
                    sheet.write_string(self._row, column, cell, self._quoted)
                else:
                    sheet.write_string(self._row, column, cell)
            elif isinstance(cell, datetime):
                if column not in self._timed:  # wide enough for the time
                    self._timed.add(column)
                    sheet.set_column(column, column, max(self._widths[column], _TIME_WIDTH))
                sheet.write_datetime(self._row, column, cell, self._time)
            else:
                sheet.write_number(self._row, column, cell)

    async def close(self, count: int) -> None:
        """Add the header filter and assemble the workbook."""
        self._sheet.autofilter(0, 0, count, self._width - 1)
        # Assembling a big workbook takes a while: keep the event loop free meanwhile.
        await asyncio.to_thread(self._book.close)


def _looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet could read this text as a formula once someone edits it."""
    return neutralise(text) != text


_WRITERS: dict[Format, type[_CsvFile | _XlsxFile]] = {"csv": _CsvFile, "xlsx": _XlsxFile}


@dataclass(frozen=True, slots=True)
class Written:
    """How many rows an export wrote: submitted leads and unfinished forms (drafts) apart;
    and how many leads closed as a duplicate a stage's export left out."""

    leads: int
    drafts: int
    closed_left_out: int = 0

    @property
    def rows(self) -> int:
        """Every row written."""
        return self.leads + self.drafts


async def write_exports(
    store: Store,
    content: Content,
    where: LeadFilter,
    paths: Mapping[Format, Path],
    *,
    forwards: bool = True,
    language: str = EXPORT_LANGUAGE,
) -> Written:
    """Write the matching leads to one file per format, in one pass; say how many
    (`forwards`: whether this deployment passes leads on, settings.forwarding(); `language`:
    of the sheet's name, its headers and labels).

    A lead closed as a duplicate is counted in no stage (/stats, the chips, the board), so an
    export of a stage leaves it out, and says how many it left (the whole export lists it, and
    a filter asking for those closed as a duplicate exports them, as the workspace lists them).
    """
    left_out = 0
    if where.stage is not None and where.closed_duplicate is None:  # not asked for either way
        left_out = await store.leads.total(replace(where, closed_duplicate=True))
        where = replace(where, closed_duplicate=False)
    names = await records.staff_names(store, await store.staff_notes.staff_in_leads())
    marks = await records.export_marks(store, content, language)
    sheet = Sheet(content, where.drafts, names, marks, forwards, language)
    headers = sheet.headers()
    name = plain_text(content.text(Text.EXPORT_SHEET_NAME, language))
    files = [_WRITERS[kind](path, headers, name) for kind, path in paths.items()]
    count = drafts = 0
    try:
        async with store.leads.stream(where) as leads:
            async for lead in leads:
                if lead.withdrawn:  # why: one read per cancelled lead (a re-check s62, N2)
                    sheet.minor_cancels.update(await cancelling.minor_cancels_among(store, [lead]))
                row = sheet.cells(lead)
                for file in files:
                    file.add(row)
                count += 1
                drafts += lead.status == "draft"
                if count % _YIELD_EVERY == 0:
                    await asyncio.sleep(0)  # let the bot answer others between rows
    finally:
        for file in files:
            await file.close(count)
    return Written(count - drafts, drafts, left_out)


@dataclass(frozen=True, slots=True)
class Upload:
    """The files to send for one export file, and how it was packed."""

    files: list[Path]
    zipped: bool

    @property
    def split(self) -> bool:
        """Whether the ZIP had to be cut into numbered parts."""
        return len(self.files) > 1


def pack_for_upload(path: Path, limit: int = UPLOAD_LIMIT) -> Upload:
    """The file itself if it fits; else a ZIP; else the ZIP cut into parts of `limit` bytes."""
    if path.stat().st_size <= limit:
        return Upload([path], zipped=False)
    archive = private_file(path.with_name(path.name + ".zip"))
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as packed:
        packed.write(path, arcname=path.name)
    return split_for_upload(archive, limit)


def split_for_upload(archive: Path, limit: int = UPLOAD_LIMIT) -> Upload:
    """A ZIP as it goes to Telegram: itself if it fits, else cut into parts of `limit` bytes
    (.001, .002, …) that, joined again, give the ZIP back (7-Zip or `cat`)."""
    if archive.stat().st_size <= limit:
        return Upload([archive], zipped=True)
    parts: list[Path] = []
    with archive.open("rb") as source:
        while True:
            part = archive.with_name(f"{archive.name}.{len(parts) + 1:03d}")
            with open_private(part) as target:
                written = _copy(source, target, limit)
            if written == 0:
                part.unlink()
                break
            parts.append(part)
    archive.unlink()
    return Upload(parts, zipped=True)


def _copy(source: BinaryIO, target: IO[bytes], limit: int) -> int:
    """Copy up to `limit` bytes, a block at a time; return how many were copied."""
    written = 0
    while written < limit and (block := source.read(min(limit - written, _BLOCK))):
        target.write(block)
        written += len(block)
    return written
