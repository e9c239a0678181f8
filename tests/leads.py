"""Walks the real questionnaire through the emulator, as a talent would, answer by answer."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import random
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import yaml
from openpyxl.utils.escape import unescape

from bot.content import Content, load_content
from bot.emulator import EmulatedUser
from bot.emulator.entities import parse_html
from bot.leads.export import neutralise
from bot.leads.form_order import choices, visible_questions
from bot.settings import PACKAGED_CONTENT_DIR
from bot.store.db import ago
from bot.texts import Text
from tests.harness import TEST_FORWARDING, Harness

CONTENT = load_content(PACKAGED_CONTENT_DIR)


def edit_content(folder: Path, name: str, change: Callable[[Any], None]) -> None:
    """Change one YAML file of a content folder, as staff would in an editor."""
    path = folder / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def remove_entry(folder: Path, ref: str) -> None:
    """Remove an FAQ entry (faq:<key>) or program page (program:<key>) from a content folder,
    and every `see_also:` and program `faq:` list naming it, as check-content asks staff to."""
    kind, _, key = ref.partition(":")

    def change(data: Any) -> None:
        listed = "items" if "items" in data else "programs"
        if listed == ("items" if kind == "faq" else "programs"):
            data[listed] = [page for page in data[listed] if page["key"] != key]
        for page in data[listed]:
            if "see_also" in page:
                page["see_also"] = [named for named in page["see_also"] if named != ref]
            if kind == "faq" and "faq" in page:
                page["faq"] = [named for named in page["faq"] if named != key]

    edit_content(folder, "faq.yaml", change)
    edit_content(folder, "programs.yaml", change)


def rendered(markup: str) -> str:
    """Telegram HTML as the talent reads it."""
    return parse_html(markup)[0]


def shown(key: Text, language: str = "id", **values: Any) -> str:
    """A message from content/ as the talent reads it (Telegram HTML rendered to text).

    Tests compare with this rather than with words of their own, so rewording a text in
    content/ does not break them.
    """
    return rendered(CONTENT.text(key, language, **values))


def group_sent(name: str, count: int = 0) -> str:
    """The staff group's "✅ Terkirim ke …" note, with its line in English (a re-check s59,
    M1); `count`: the talent's other messages still waiting."""
    key, gloss = (
        (Text.SUPPORT_DELIVERED_OTHERS, Text.SUPPORT_DELIVERED_OTHERS_GLOSS)
        if count
        else (Text.SUPPORT_DELIVERED, Text.SUPPORT_DELIVERED_GLOSS)
    )
    values = {"name": name, "count": str(count)} if count else {"name": name}
    return rendered(f"{CONTENT.text(key, 'id', **values)}\n{CONTENT.text(gloss, 'en', **values)}")


def group_note(key: Text, **values: Any) -> str:
    """A note in the staff group (Indonesian by default) with its line in English under it
    (`key`'s "_gloss" text), as staff of either language read it (s60)."""
    gloss = Text(f"{key.value}_gloss")
    return rendered(f"{CONTENT.text(key, 'id', **values)}\n{CONTENT.text(gloss, 'en', **values)}")


def listed(items: Iterable[str], language: str = "id") -> str:
    """Items as a note says them: "A dan B", "A, B, dan C"; "A and B", "A, B and C"."""
    *some, last = items
    if not some:
        return last
    joining = {"id": "dan", "en": "and"}[language]
    comma = "," if language == "id" and len(some) > 1 else ""
    return f"{', '.join(some)}{comma} {joining} {last}"


def opening(key: Text, language: str = "id", **values: Any) -> str:
    """The first line of a message as shown (only its own placeholders need values)."""
    first_line = CONTENT.messages[key].get(language).split("\n", 1)[0]
    return rendered(first_line.format(**values))


MUSICIAN: dict[str, Any] = {
    "sector": "music",
    "age_range": "age_25_34",
    "full_name": "Sari Dewi Lestari",
    "stage_name": "Sari & The Monsoons",
    "music_role": "band_group",
    "genres": ["pop", "dangdut"],
    "province": "jawa_barat",
    "city": "Bandung",
    "experience_years": 6,
    "portfolio_url": "https://youtube.com/@sarimonsoons",
    "other_links": "https://open.spotify.com/artist/123\nhttps://instagram.com/sarimonsoons",
    "notable_works": "Album 'Hujan di Braga' (2024); tur 12 kota",
    "programs_of_interest": ["mucon"],
    "languages": ["indonesian", "english"],
    "email": "Sari.Dewi@Example.COM",
    "phone": "0812-3456-7801",
    "message": "Kami ingin tampil di Seoul 🎶",
}

FILMMAKER: dict[str, Any] = {
    "sector": "film",
    "age_range": "age_35_44",
    "full_name": "Budi Santoso",
    "company_name": "Rumah Film Nusantara",
    "film_role": "director",
    "film_formats": ["feature", "documentary"],
    "province": "di_yogyakarta",
    "city": "Yogyakarta",
    "experience_years": 12,
    "portfolio_url": "vimeo.com/budisantoso/showreel",
    "other_links": None,
    "notable_works": "“Sekala” (2022), dokumenter tentang 안녕하세요 Seoul",
    "programs_of_interest": ["coproduction", "biff_apm"],
    "languages": ["indonesian", "english", "korean"],
    "email": "budi@rumahfilm.id",
    "phone": "+62 21 5551234",
    "message": None,
}

# What the store holds after normalisation, where it differs from what was typed.
STORED = {
    "email": {"Sari.Dewi@Example.COM": "sari.dewi@example.com"},
    "phone": {"0812-3456-7801": "+6281234567801", "+62 21 5551234": "+62215551234"},
    "portfolio_url": {"vimeo.com/budisantoso/showreel": "https://vimeo.com/budisantoso/showreel"},
}


def stored_value(key: str, value: Any) -> Any:
    """The value the bot should store for what the walker typed."""
    return STORED.get(key, {}).get(value, value) if isinstance(value, str) else value


def label(key: str, value: str, language: str = "id", content: Content = CONTENT) -> str:
    """The button label of a choice (or province) value."""
    if key == "province":
        return content.provinces[value].label.get(language)
    question = content.questions[key]
    for choice_value, choice_label in choices(question, content, {}):
        if choice_value == value:
            return choice_label.get(language)
    raise KeyError(f"{key} has no choice {value}")


async def where(bot: Harness, user: EmulatedUser) -> str | None:
    """The stage of the talent's open application, or the key of the question shown."""
    draft = await bot.store.applications.draft_for(user.id)
    if draft is None:
        return None
    return draft.current_key if draft.stage == "question" else draft.stage


async def answer(
    bot: Harness, user: EmulatedUser, key: str, value: Any, language: str = "id"
) -> None:
    """Answer the question on screen the way a talent would: type, press, toggle, skip."""
    question = CONTENT.questions[key]
    skip = CONTENT.text(Text.BTN_SKIP, language)
    done = CONTENT.text(Text.BTN_DONE, language)
    if value is None:
        await bot.press(user, skip)
    elif question.type == "single_choice":
        await bot.press(user, label(key, value, language))
    elif question.type == "multi_choice":
        for item in value:
            await bot.press(user, label(key, item, language))
        await bot.press(user, done)
    else:
        await bot.send(user, str(value))


async def consent(
    bot: Harness, user: EmulatedUser, *, korea: bool = True, language: str = "id"
) -> None:
    """Agree to processing and answer the forwarding question (asked with FORWARD_TO set)."""
    await bot.press(user, CONTENT.text(Text.BTN_AGREE, language))
    if await where(bot, user) == "consent_transfer":
        await bot.press(user, CONTENT.text(Text.BTN_YES if korea else Text.BTN_NO, language))


async def at_question(
    bot: Harness, key: str, language: str = "id", answers: dict[str, Any] | None = None
) -> EmulatedUser:
    """A new talent who has consented and answered the musician's questions (or `answers`)
    up to `key`."""
    user = bot.user(language_code=language)
    await bot.send(user, "/daftar" if language == "id" else "/register")
    await consent(bot, user, language=language)
    for question_key, value in (answers or MUSICIAN).items():  # in questionnaire order
        if question_key == key:
            break
        await answer(bot, user, question_key, value, language)
    assert await where(bot, user) == key
    return user


async def editing(bot: Harness, key: str) -> EmulatedUser:
    """A new talent who has answered the musician's questions and, from the review, opened
    `key`'s answer to change it."""
    user = bot.user()
    await bot.send(user, "/daftar")
    await consent(bot, user)
    await fill(bot, user, MUSICIAN)
    await bot.press(user, CONTENT.text(Text.BTN_EDIT, "id"))
    await bot.press(user, CONTENT.questions[key].label.id)
    return user


async def fill(
    bot: Harness, user: EmulatedUser, answers: dict[str, Any], language: str = "id"
) -> None:
    """Answer questions until the review screen (or until the walker has no answer)."""
    for _ in range(60):
        key = await where(bot, user)
        if key is None or key not in CONTENT.questions:
            return
        if key not in answers:
            raise AssertionError(f"the bot asked {key!r}, which the test has no answer for")
        await answer(bot, user, key, answers[key], language)
    raise AssertionError("the questionnaire did not end")


async def apply(
    bot: Harness,
    user: EmulatedUser,
    answers: dict[str, Any],
    *,
    language: str = "id",
    korea: bool = True,
) -> str:
    """A whole registration: /daftar, consent, every answer, review, submit; the reference."""
    await bot.send(user, "/daftar" if language == "id" else "/register")
    new = CONTENT.text(Text.BTN_NEW_REGISTRATION, language)
    if await where(bot, user) is None and new in user.last_message.button_texts:
        await bot.press(user, new)  # submitted before: a second registration, not an update
    fresh = CONTENT.text(Text.BTN_REUSE_FRESH, language)
    if await where(bot, user) is None and fresh in user.last_message.button_texts:
        await bot.press(user, fresh)  # cancelled one before: not from its answers
    if await where(bot, user) == "consent_processing":
        await consent(bot, user, korea=korea, language=language)
    await fill(bot, user, answers, language)
    assert await where(bot, user) == "review", user.last_message.text
    await bot.press(user, CONTENT.text(Text.BTN_SUBMIT, language))
    text = next((m.text for m in reversed(user.messages) if "KOC-" in m.text), "")
    assert text, user.last_message.text
    return "KOC-" + text.split("KOC-", 1)[1][:6]


# --- Bulk leads for statistics, paging and the export benchmark -------------------------------
# Walking the questionnaire takes ~40 updates per lead; tests that need many leads (and the
# 50,000-lead benchmark) write the rows directly, shaped exactly as the bot stores them.


EVERY_CONSENT = {"processing": True, "transfer_korea": True}


@dataclass
class Seed:
    """One talent as stored: a user row, and an application unless `answers` is None."""

    user_id: int
    answers: dict[str, Any] | None = None
    submitted_at: str | None = "2026-01-15T03:00:00.000000+00:00"  # None: still a draft
    first_name: str = "Talent"
    username: str | None = None
    source: str | None = None
    language: str = "id"
    consents: dict[str, bool] = field(default_factory=lambda: dict(EVERY_CONSENT))
    subscribed: bool = False
    blocked: bool = False


def seed(database: Path, talents: Iterable[Seed], *, batch: int = 5000) -> list[str]:
    """Insert talents (streamed, in batches); return the references of the submitted leads."""
    connection = sqlite3.connect(database)
    references: list[str] = []
    try:
        next_id = connection.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM applications")
        application_id = int(next_id.fetchone()[0])
        rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in _SEED_SQL}
        for talent in talents:
            references += _seed_rows(talent, application_id, rows)
            if talent.answers is not None:
                application_id += 1
            if len(rows["users"]) >= batch:
                _flush(connection, rows)
        _flush(connection, rows)
    finally:
        connection.close()
    return references


async def seeded(database: Path, talents: Iterable[Seed]) -> list[str]:
    """`seed` from a running test: in a thread, so the bot's own transactions can finish."""
    return await asyncio.to_thread(seed, database, list(talents))


_SEED_SQL = {
    "users": "INSERT INTO users (user_id, first_name, username, telegram_language, language,"
    " source, subscribed, blocked, created_at, updated_at, last_seen_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "applications": "INSERT INTO applications (id, user_id, status, active, stage, language,"
    " reference, created_at, updated_at, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "answers": "INSERT INTO answers (application_id, question_key, value, answered_at)"
    " VALUES (?, ?, ?, ?)",
    "consents": "INSERT INTO consents (user_id, application_id, kind, granted, notice_version,"
    " language, created_at, recipient, abroad) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
}


def _seed_rows(
    talent: Seed, application_id: int, rows: dict[str, list[tuple[Any, ...]]]
) -> list[str]:
    at = talent.submitted_at or "2026-01-15T02:00:00.000000+00:00"
    rows["users"].append(
        (
            talent.user_id,
            talent.first_name,
            talent.username,
            talent.language,
            talent.language,
            talent.source,
            int(talent.subscribed),
            int(talent.blocked),
            at,
            at,
            at,
        )
    )
    for kind, granted in talent.consents.items():
        # A forwarding consent names whom it was given for: the test bots' FORWARD_TO.
        forwarding = kind == "transfer_korea"
        rows["consents"].append(
            (
                talent.user_id,
                None,
                kind,
                int(granted),
                CONTENT.privacy.version,
                talent.language,
                at,
                TEST_FORWARDING.recipient if forwarding else None,
                int(TEST_FORWARDING.abroad) if forwarding else None,
            )
        )
    if talent.answers is None:
        return []
    submitted = talent.submitted_at is not None
    reference = f"KOC-{application_id:06d}" if submitted else None
    rows["applications"].append(
        (
            application_id,
            talent.user_id,
            "submitted" if submitted else "draft",
            0 if submitted else 1,
            "submitted" if submitted else "question",
            talent.language,
            reference,
            at,
            at,
            talent.submitted_at,
        )
    )
    for key, value in talent.answers.items():
        stored = None if value is None else json.dumps(stored_value(key, value))
        rows["answers"].append((application_id, key, stored, at))
    return [reference] if reference else []


# A database from before consents named their recipient (a test of an old database).
_OLD_CONSENTS = "INSERT INTO consents (user_id, application_id, kind, granted, notice_version,"
_OLD_CONSENTS += " language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"


def _flush(connection: sqlite3.Connection, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    columns = {row[1] for row in connection.execute("PRAGMA table_info(consents)")}
    with connection:  # one transaction per batch
        for table, sql in _SEED_SQL.items():
            if table == "consents" and "recipient" not in columns:
                connection.executemany(_OLD_CONSENTS, [row[:7] for row in rows[table]])
            else:
                connection.executemany(sql, rows[table])
            rows[table].clear()


def realistic(rng: random.Random, sector: str | None = None) -> dict[str, Any]:
    """A plausible, valid set of answers, as the questionnaire would have stored them."""
    answers: dict[str, Any] = {"sector": sector or rng.choice(["music", "film"])}
    first = rng.choice(["Sari", "Budi", "Rina", "Agus", "Dewi", "Putu", "Wayan", "Intan"])
    last = rng.choice(["Lestari", "Santoso", "Pratiwi", "Wijaya", "Siregar", "Nasution"])
    texts = {
        "full_name": f"{first} {last}",
        "stage_name": rng.choice([None, f"{first} & Kawan", "The Monsoons"]),
        "company_name": rng.choice([None, "Rumah Film Nusantara", "Studio Kopi"]),
        "city": rng.choice(["Bandung", "Kabupaten Sleman", "Denpasar", "Medan"]),
        "experience_years": rng.randint(0, 30),
        "portfolio_url": f"https://youtube.com/@{first.lower()}{rng.randint(1, 999)}",
        "other_links": rng.choice([None, "https://instagram.com/x\nhttps://tiktok.com/@x"]),
        "notable_works": rng.choice([None, 'Festival Film Indonesia 2024, "Hujan" (nominasi)']),
        "email": f"{first.lower()}.{rng.randint(1, 99999)}@example.com",
        "phone": f"+62812{rng.randint(10000000, 99999999)}",
        "message": rng.choice([None, "Siap ke Seoul tahun depan 🎬", "Terima kasih!"]),
    }
    for question in visible_questions(CONTENT, answers):
        if question.key in answers:
            continue
        if question.key in texts:
            answers[question.key] = texts[question.key]
        elif question.type == "province":
            answers[question.key] = rng.choice(list(CONTENT.provinces))
        else:
            options = [value for value, _ in choices(question, CONTENT, answers)]
            if question.type == "single_choice":
                options = [value for value in options if value != "under_18"]
                answers[question.key] = rng.choice(options)
            else:
                answers[question.key] = rng.sample(options, min(len(options), rng.randint(1, 3)))
    return answers


# --- Reading exports back, as a spreadsheet would ---------------------------------------------


def read_csv(data: bytes) -> list[list[str]]:
    """The rows of an exported CSV (which must start with a UTF-8 BOM)."""
    assert data.startswith(b"\xef\xbb\xbf"), "the CSV has no UTF-8 BOM"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# The XLSX columns that may hold numbers, and those that may hold times (written out here,
# not taken from the code under test); every other cell must be text.
XLSX_NUMBERS = frozenset({"Tahun aktif", "Kabar terkirim ke talenta"})
XLSX_TIMES = frozenset({"Waktu kirim (WIB)", "Tahap terakhir diubah (WIB)"})
XLSX_TIME_FORMAT = "yyyy-mm-dd hh:mm"


def read_xlsx(data: bytes) -> list[list[str]]:
    """The rows of an exported XLSX as a spreadsheet shows them. A cell is never a formula:
    a number only in a number column, a time (shown yyyy-mm-dd hh:mm) only in a time column,
    and every other cell text; a text that starts like a formula is marked quote-prefix, so
    editing it later keeps it text."""
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows: list[list[str]] = []
    for row in sheet.iter_rows():
        cells = []
        for column, cell in enumerate(row):
            title = rows[0][column] if rows else None
            where = (cell.coordinate, title, cell.value)
            if cell.value is None:
                text = ""
            elif isinstance(cell.value, datetime):
                assert title in XLSX_TIMES and cell.number_format == XLSX_TIME_FORMAT, where
                text = cell.value.strftime("%Y-%m-%d %H:%M")
            elif cell.data_type == "n":
                assert title in XLSX_NUMBERS, where
                text = str(cell.value)
            else:
                assert cell.data_type == "s", where
                # XlsxWriter writes "\r" and other control characters as OOXML escapes
                # (_x000D_), which Excel and LibreOffice decode; openpyxl leaves inline
                # strings undecoded.
                text = unescape(str(cell.value))
                assert cell.quotePrefix == (neutralise(text) != text), (cell.coordinate, text)
            cells.append(text)
        rows.append(cells)
    return rows


def as_in_csv(rows: list[list[str]]) -> list[list[str]]:
    """XLSX rows as the CSV holds them: the CSV adds a visible quote where the XLSX needs none."""
    return [[neutralise(cell) for cell in row] for row in rows]


def as_records(rows: list[list[str]]) -> list[dict[str, str]]:
    """Rows keyed by the header row."""
    headers = rows[0]
    return [dict(zip(headers, row, strict=True)) for row in rows[1:]]


# --- A talent's copy of their data (/dataku) ------------------------------------------------


def data_copy(payload: bytes) -> dict[str, Any]:
    """The /dataku file as a talent's JSON viewer reads it."""
    copy: dict[str, Any] = json.loads(payload)
    return copy


def section(copy: dict[str, Any], key: Text, language: str = "id") -> Any:
    """One section of the copy, found by its heading in content/."""
    return copy[CONTENT.text(key, language)]


def copy_label(key: Text, language: str = "id") -> str:
    """A label of the copy, from content/."""
    return CONTENT.text(key, language)


async def seen(bot: Harness, user: EmulatedUser, seconds: int = 30) -> None:
    """The form's current screen reached the talent `seconds` ago (its draft's last step was
    then): a text now was typed after reading it, not sent with the one before."""
    async with bot.store.db.transaction() as tx:
        await tx.execute(
            "UPDATE applications SET updated_at = ? WHERE user_id = ?", (ago(seconds), user.id)
        )


async def draft_answers(bot: Harness, user: EmulatedUser) -> dict[str, Any]:
    """The answers stored so far in the talent's open form."""
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None
    return await bot.store.applications.answers(draft.id)
