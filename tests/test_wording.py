"""The words of the language review (2026-12-03), without a bot: check-content's language
checks, counts and times as each language writes them, every message rendered with real
values, and what talents read when /tanya is off."""

from __future__ import annotations

import re
import shutil
import string
from collections.abc import Callable, Iterator
from datetime import datetime, time
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from bot import content_wording as wording
from bot.ask_off import strip_ask, without_ask
from bot.content import Content, ContentError, load_content, translations
from bot.leads.pipeline_stages import message_for
from bot.settings import PACKAGED_CONTENT_DIR, Forwarding
from bot.store.pipeline import LeadState
from bot.texts import IDENTIFIERS, Text, TextFormatter
from tests.leads import CONTENT, edit_content, rendered


def _filled(language: str, template: str, **values: Any) -> str:
    return TextFormatter(language).format(template, **values)


def test_counts_agree_with_their_noun_and_are_grouped_as_each_language_writes_them() -> None:
    assert _filled("en", "{n} {n:lead|leads}", n=1) == "1 lead"
    assert _filled("en", "{n} {n:lead|leads}", n=2) == "2 leads"
    assert _filled("en", "{n} {n:lead|leads}", n=0) == "0 leads"
    assert _filled("en", "{n} {n:lead|leads}", n=1005) == "1,005 leads"
    assert _filled("id", "{n} pendaftar", n=1005) == "1.005 pendaftar"  # EYD: 1.005
    assert _filled("en", "{n:lead|leads}", n="1") == "lead"  # a count the code made text
    # Numbers that name something are written as they are: #1005, a Telegram id.
    assert {"id", "user_id"} <= IDENTIFIERS
    assert _filled("id", "#{id} · {user_id}", id=1005, user_id=123456789) == "#1005 · 123456789"
    with pytest.raises(ValueError, match="plural form"):
        _filled("en", "{n:>5}", n=1)
    # Through content: the staff caption of an export of one lead.
    caption = CONTENT.text(Text.EXPORT_CAPTION, "en", count=1, time="3 December 2026, 18:58")
    assert caption.startswith("📄 1 lead · ")
    assert CONTENT.text(Text.EXPORT_CAPTION, "id", count=1005, time="").startswith("📄 1.005 ")


def test_times_are_written_with_a_period_in_indonesian() -> None:
    moment = datetime(2026, 12, 3, 18, 58)
    assert CONTENT.clock_text(moment, "id") == "18.58"
    assert CONTENT.clock_text(time(9, 5), "en") == "09:05"
    assert CONTENT.moment_text(moment, "id") == "3 Desember 2026, 18.58"
    assert CONTENT.moment_text(moment, "en") == "3 December 2026, 18:58"


@pytest.mark.parametrize(
    ("check", "bad", "good"),
    [
        (wording.salutation_commas, "📨 Halo {name},\nProfilmu…", "📨 Halo, {name}!\nProfilmu…"),
        (wording.salutation_commas, "Hai Rina, apa kabar?", "Hai, Rina! Apa kabar?"),
        (
            wording.lowercase_after_salutation,
            "📨 Hi {name},\nwe have forwarded your profile.",
            "📨 Hi {name},\nWe've forwarded your profile.",
        ),
        (
            wording.number_starts,
            "✅ Ditarik. {count} pendaftaranmu sudah kami hapus.",
            "✅ Ditarik. Pendaftaranmu ({count}) sudah kami hapus.",
        ),
        (wording.number_starts, "Sudah. 3 orang menunggu.", "Sudah. Ada 3 orang menunggu."),
        (wording.colon_times, "per 3 Desember, pukul 18:58 WIB", "per 3 Desember, pukul 18.58 WIB"),
        (wording.colon_times, "jam tenang 21:00 WIB", "jam tenang 21.00\N{EN DASH}08.00 WIB"),
        (wording.british_spellings, "It was cancelled.", "It was canceled."),
        (wording.british_spellings, "Not a judgement; e-mails", "Not a judgment; emails"),
        (wording.british_spellings, "Our centre", "Busan Cinema Centre and KOCCA's center"),
        (
            partial(wording.for_this_program, language="en"),
            "📝 Register for this program",
            "📝 Register interest in this program",
        ),
        (
            partial(wording.for_this_program, language="id"),
            "📝 Daftar untuk program ini",
            "📝 Daftarkan minat untuk program ini",
        ),
        (wording.plural_specs, "{count} {count:leads}", "{count} {count:lead|leads}"),
        (wording.aku_passives, "Perintah itu tidak aku kenal.", "Aku belum kenal perintah itu."),
        (wording.aku_passives, "Ada yang bisa aku bantu?", "Ada yang bisa kubantu?"),
        (wording.aku_passives, "jadi aku bagi jadi 3 bagian", "jadi aku ingin membaginya"),
        (
            wording.countable_talent,
            "This talent has blocked the bot. Updated by the talent.",
            "This person has blocked the bot: Talent Desk, music talent, our talent pool.",
        ),
        (wording.countable_talent, "only admins can answer talents", "only admins can answer"),
        (wording.anonymous, "Yang tersisa hanya catatan anonim.", "Catatan berkode (bukan nama)."),
        (wording.anonymous, "Only an anonymous note remains.", "Only a coded record remains."),
        # Two names for one record (the s58 re-check): "without a name" reads as anonymous.
        (wording.anonymous, "Yang tersisa hanya catatan tanpa nama.", "Statistik tanpa nama."),
        (wording.anonymous, "Only a nameless record remains.", "A coded record (not your name)."),
    ],
)
def test_each_language_check_catches_its_slip_and_passes_the_fix(
    check: Callable[[str], list[str]], bad: str, good: str
) -> None:
    assert check(bad), bad
    assert check(good) == [], good


@pytest.mark.parametrize(
    "fine",
    [
        "Sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.",  # an abbreviation
        "1. Setuju pemrosesan data.",  # a list's own numbering
        "(paling banyak 2.000 karakter). Tulis lagi.",  # a number inside a sentence
        "{n} hari",  # a fragment, not a sentence
        "{reference} sudah di tahap <b>{stage}</b>.",  # a reference, not a count
        "Tulis seperti ini: <code>2026-12-01 09:00</code> (WIB).",  # typed input
    ],
)
def test_indonesian_checks_leave_correct_text_alone(fine: str) -> None:
    for check in (wording.number_starts, wording.colon_times, wording.salutation_commas):
        assert check(fine) == [], (check.__name__, fine)


def test_check_content_names_each_slip_with_its_file_and_key(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(PACKAGED_CONTENT_DIR, folder)

    def slips(data: dict[str, Any]) -> None:
        data["delete_done"]["en"] = "✅ Your data is gone; the request was cancelled."
        data["btn_apply"]["en"] = "📝 Apply for this program"
        data["support_done"]["id"] = "👍 Oke. 2 sesi ditutup pukul 18:58."
        data["unknown_command"]["id"] = "Perintah itu tidak aku kenal."
        data["delete_confirm"]["en"] = "Only an anonymous note remains."
        data["support_blocked"]["en"] = "⛔ Not sent: this talent ({name}) has blocked the bot."
        # A reaction Telegram refuses: every message passed on would go unmarked.
        data["support_relayed_mark"]["en"] = "✅"
        # One it allows, that the acknowledgement names only inside another emoji (❤‍🔥).
        data["support_relayed_mark"]["id"] = "❤"
        data["support_ack"]["id"] = data["support_ack"]["id"].replace("👌", "❤\u200d🔥")

    def reminder(data: dict[str, Any]) -> None:
        data["reminder_text"]["id"] = "👋 Hai {name}, pendaftaranmu belum selesai — {progress}."

    edit_content(folder, "messages.yaml", slips)
    edit_content(folder, "messages_reminders.yaml", reminder)
    with pytest.raises(ContentError) as refused:
        load_content(folder)
    problems = "\n".join(refused.value.problems)
    assert "messages_reminders.yaml: reminder_text.id: write a comma" in problems
    assert "delete_done.en: 'cancelled' is British spelling" in problems
    assert "btn_apply.en: 'Apply for this program' reads as applying" in problems
    assert "support_done.id: a sentence starts with a number" in problems
    assert "support_done.id: 'pukul 18:58'" in problems
    assert "unknown_command.id: 'tidak aku kenal': attach the pronoun" in problems
    assert "delete_confirm.en: 'anonymous': the erasure record is pseudonymous" in problems
    assert "support_blocked.en: 'this talent': “talent” is not a countable person" in problems
    assert "support_relayed_mark.en: '✅' is not a reaction Telegram lets a bot set" in problems
    assert "support_relayed_mark.id: support_ack.id must name it (❤)" in problems


# ----- every message with real values ------------------------------------------------------

# Realistic values for the placeholders that are not counts.
_VALUES: dict[str, Any] = {
    "name": "Rina",
    "first_name": "Rina",
    "reference": "KOC-000123",
    "references": "KOC-000123, KOC-000124",
    "date": "3 Desember 2026",
    "time": "18.58",
    "when": "3 Desember 2026, 09.00",
    "stage": "Shortlist",
    "id": 1005,
    "user_id": 123456789,
    "update_id": 987654321,
}
_PLURAL_NOUNS = re.compile(
    r"\b1 (?:leads|registrations|recipients|messages|answers|updates|problems|days|records|"
    r"reminders|programs|questions|registrants|choices|subscribers|talents)\b"
)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _rendered_with(count: int) -> Iterator[tuple[str, str, bool, str]]:
    for key, pair in CONTENT.messages.items():
        names = _placeholders(pair.id)
        values = {
            name: count if name in wording.COUNT_PLACEHOLDERS else _VALUES.get(name, "Rina")
            for name in names
        }
        counted = bool(names & wording.COUNT_PLACEHOLDERS)
        for language in ("id", "en"):
            yield (
                f"{key.value}.{language}",
                language,
                counted,
                CONTENT.text(key, language, **values),
            )


_AGAIN_IN_AGAIN = re.compile(r"\blagi\s+\S+\s+(?:detik|menit|jam|hari)\s+lagi\b", re.I)


@pytest.mark.parametrize("count", [1, 2, 1005])
def test_every_message_renders_with_real_values_in_both_languages(count: int) -> None:
    for where, language, counted, text in _rendered_with(count):
        assert "{" not in text and "}" not in text, where
        assert "(s)" not in text and "(nya)" not in text, where  # no programmer's plurals
        if language == "en":
            assert not _PLURAL_NOUNS.search(text), (where, text)
        else:  # "Kirim lagi 30 detik lagi": "lagi" twice round a wait (the s58 re-check)
            assert not _AGAIN_IN_AGAIN.search(text), (where, text)
        if count == 1005 and counted:  # EYD's 1.005, US English's 1,005
            assert ("1.005" if language == "id" else "1,005") in text, (where, text)


def test_stage_messages_and_reminders_read_right_with_a_real_name() -> None:
    """Rendered as talents get them: the name in place, the salutation with its comma, and
    the line after it with a capital."""
    for stage in CONTENT.stages.values():
        for language in ("id", "en"):
            lead = _lead(language, "Rina")
            message = message_for(CONTENT, stage.key, lead, FORWARDING)
            if message is None:
                continue
            text = rendered(message.text)
            assert "{" not in text and "KOC-000123" in text
            checks = [wording.lowercase_after_salutation]
            if language == "id":
                checks += [wording.salutation_commas]
            for check in checks:
                assert check(text) == [], (stage.key, language, text)
    for language in ("id", "en"):
        progress = CONTENT.text(Text.REMINDER_PROGRESS_MANY, language, left=3)
        text = CONTENT.text(Text.REMINDER_TEXT, language, name="Rina", progress=progress)
        assert text.startswith("👋 Hai, Rina! " if language == "id" else "👋 Hi, Rina! ")
        assert wording.salutation_commas(text) == [] and "{" not in text


FORWARDING = Forwarding("KOCCA Indonesia (Jakarta)", abroad=False)


def _lead(language: str, name: str) -> LeadState:
    return LeadState(
        application_id=1,
        reference="KOC-000123",
        user_id=1,
        submitted_at="",
        language=language,
        first_name=name,
        full_name=f"{name} Ayu Pratiwi",
        blocked=False,
        stage="baru",
        version=0,
        assignee_id=None,
        stage_changed_at="",
        transfer=None,
    )


# ----- /tanya off ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "without"),
    [
        (
            "Ada yang perlu diperbaiki? Isi ulang lewat /daftar, atau kabari kami lewat /tanya."
            " Mau menghapus semuanya? Ketik /hapusdata.",
            "Ada yang perlu diperbaiki? Isi ulang lewat /daftar. Mau menghapus semuanya?"
            " Ketik /hapusdata.",
        ),
        ("{controller_contact}, or through /ask in this bot.", "{controller_contact}."),
        (
            "Line one.\nQuestions for our team? Use /ask.\n<i>Sources: x</i>",
            "Line one.\n<i>Sources: x</i>",
        ),
        (
            "<b>Help</b>\n/menu — Main menu\n/ask — Ask our team\n/help — This",
            "<b>Help</b>\n/menu — Main menu\n/help — This",
        ),
        (
            "Maaf. Pilih dari menu, ya. Kalau mau bertanya, ketik /tanya lalu tulis.",
            "Maaf. Pilih dari menu, ya.",
        ),
        ("Nothing about asking here.", "Nothing about asking here."),
    ],
)
def test_a_pointer_to_tanya_goes_and_the_rest_of_the_text_stays(text: str, without: str) -> None:
    assert strip_ask(text) == without


def test_with_asking_off_no_talent_text_points_to_tanya() -> None:
    served = without_ask(CONTENT)
    for where, text in _every_text(served):
        assert not re.search(r"(?<![\w/])/(?:tanya|ask)\b", text), (where, text)
    # The FAQ answer about asking a person is not listed; pages no longer link it.
    assert "ask_human" in CONTENT.faq and "ask_human" not in served.faq
    for program in served.programs.values():
        assert set(program.faq) <= set(served.faq)
    # What is left still reads whole: help keeps every other command.
    help_id = served.text(Text.HELP, "id", controller_name="X", controller_contact="Y")
    assert "/daftar" in help_id and "/hapusdata" in help_id


def test_english_goes_on_in_lower_case_after_a_colon_inside_a_sentence() -> None:
    # The s58 re-check: "what we found is training: The Content Professional Training
    # Center ..." (other_fields). A colon ending a line, or a label before it, is left alone.
    for where, text in _every_text(CONTENT):
        if where.endswith(".en"):
            assert not re.search(r"[a-z]: (?:The|A|An) \w", text), (where, text)


def _every_text(content: Content) -> Iterator[tuple[str, str]]:
    for key, message in content.messages.items():
        if key in (Text.COMMAND_ASK, Text.SUPPORT_INVITE):
            continue  # shown only while asking is open
        for language in ("id", "en"):
            yield f"{key.value}.{language}", message.get(language)
    models = {
        "programs": [program.model_dump() for program in content.programs.values()],
        "faq": [item.model_dump() for item in content.faq.values()],
        "privacy": content.privacy.model_dump(),
        "intake": content.intake.model_dump(),
        "stages": [stage.model_dump() for stage in content.stages.values()],
    }
    for name, data in models.items():
        for path, pair in translations(data, name):
            for language, text in pair.items():
                if isinstance(text, str):  # `ask:` phrasings are lists, matched, never shown
                    yield f"{path}.{language}", text


@pytest.mark.parametrize("language", ["id", "en"])
def test_one_figure_has_one_name_in_stats_chart_workspace_and_export(language: str) -> None:
    """/stats, its chart, the workspace's Stats tab, its lead page and the export name the
    same figure the same way; the days differ (14 in the text, 30 in the chart and the
    workspace) and each says how many, in the same words."""

    def raw(key: Text) -> str:
        return CONTENT.messages[key].get(language)

    def said(key: Text) -> str:
        return CONTENT.text(key, language)

    report, pipeline = raw(Text.STATS_REPORT), raw(Text.STATS_PIPELINE)
    for key in (Text.WS_STATS_SECTORS, Text.WS_STATS_PROVINCES):
        assert f"<b>{said(key)}</b>\n" in report
    assert said(Text.WS_STATS_STAGES) == said(Text.CHART_STAGES_TITLE)
    assert pipeline.startswith(f"<b>{said(Text.WS_STATS_STAGES)}</b>\n")
    contact = raw(Text.WS_STATS_CONTACT).split(":")[0]
    assert f"<b>{contact}</b>\n" in pipeline
    days = said(Text.WS_STATS_DAYS)
    assert days == said(Text.CHART_DAYS_TITLE) and "30" in days
    assert days.replace("30", "14") in report  # "Pendaftar per hari, 14 hari terakhir (WIB)"
    caption = said(Text.STATS_CHART_CAPTION)
    assert days in caption and said(Text.WS_STATS_STAGES).lower() in caption.lower()
    handled = said(Text.WS_COL_ASSIGNEE)
    assert said(Text.WS_FILTER_ASSIGNED) == said(Text.WS_LEAD_ASSIGNEE) == handled
    # The cell is "Rina (123456)": the header says both are there (a staff review s59, L5).
    name = "nama" if language == "id" else "name"
    assert said(Text.EXPORT_COL_ASSIGNEE) == f"{handled} ({name}, ID)"
