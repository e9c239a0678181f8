"""Content a talent can trust: every page walked in both languages, and the checks that keep
content finished, dated, readable on a phone and about registering interest, never applying."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.commands import ASK, PUBLIC_COMMANDS
from bot.content import ContentError, load_content
from bot.content_checks import row_limit
from bot.emulator import BotMessage, EmulatedUser, EmulatorEvent
from bot.leads.answer_outcomes import Accepted, Rejected
from bot.leads.field_checks import check_text
from bot.placeholders import placeholder_in
from bot.settings import DEMO_CONTROLLER, PACKAGED_CONTENT_DIR
from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    answer,
    apply,
    consent,
    edit_content,
    label,
    opening,
    rendered,
    where,
)

# What a talent must never read: they register interest, they do not apply.
APPLY_WORDING = re.compile(
    r"\b(appl(y|ies|ied|ying)|applications?|applicants?|lamar(an)?|melamar|pelamar)\b",
    re.IGNORECASE,
)
# Commands that work but are listed nowhere (old habits, links): a text never teaches them.
HIDDEN_ALIAS = re.compile(
    r"(?<![\w/])/(" + "|".join(a for c in PUBLIC_COMMANDS for a in c.aliases) + r")\b"
)


class Screens:
    """Every message a talent is shown in one chat, each version of an edited one too."""

    def __init__(self, talent: EmulatedUser) -> None:
        self.talent = talent
        self.shown: list[BotMessage] = []

    def __call__(self, event: EmulatorEvent) -> None:
        message = event.message
        if message is not None and message.chat_id == self.talent.id and event.kind != "delete":
            self.shown.append(message)


async def _walk_everything(bot: Harness, language: str) -> Screens:
    """As a talent: menu, help, every program page, every FAQ answer, privacy, consents,
    language, both questionnaires to the thank-you, a copy of the data, pause and delete."""
    talent = bot.user(first_name="Rina", language_code=language)
    screens = Screens(talent)
    unsubscribe = bot.emulator.subscribe(screens)

    def button(key: Text, **values: Any) -> str:
        return CONTENT.text(key, language, **values)

    try:
        for command in ("/start", "/menu", "/bantuan", "/program", "/faq", "/privasi"):
            await bot.send(talent, command)
        # In the talent's own language: writing the other one switches the bot to it.
        await bot.send(
            talent, "halo, ada yang bisa bantu?" if language == "id" else "hello, can you help?"
        )
        await bot.send(talent, "/perintahaneh")
        [start] = await bot.send(talent, "/start")
        await bot.press(talent, button(Text.BTN_LANGUAGE), message=start)
        await bot.press(talent, button(Text.BTN_BACK), message=start)
        await bot.press(talent, button(Text.BTN_PROGRAMS), message=start)
        for section in CONTENT.sections.values():
            await bot.press(talent, section.title.get(language), message=start)
            for program in CONTENT.programs_in(section.key):
                await bot.press(talent, program.title.get(language), message=start)
                await bot.press(talent, button(Text.BTN_BACK), message=start)
            await bot.press(talent, button(Text.BTN_BACK), message=start)
        await bot.press(talent, button(Text.BTN_BACK), message=start)
        await bot.press(talent, button(Text.BTN_FAQ), message=start)
        for item in CONTENT.faq.values():
            await bot.press(talent, item.question.get(language), message=start)
            await bot.press(talent, button(Text.BTN_BACK), message=start)

        await apply(bot, talent, MUSICIAN, language=language)
        await bot.press(talent, button(Text.BTN_YES))  # program news after the thank-you
        await apply(bot, talent, FILMMAKER, language=language)
        await bot.send(talent, "/daftar")
        await bot.press(talent, label("sector", "film", language))
        await bot.press(talent, button(Text.BTN_PAUSE))
        await bot.send(talent, "/batal")
        [notice] = await bot.send(talent, "/privasi")
        await bot.press(talent, button(Text.BTN_MY_CONSENTS), message=notice)
        await bot.send(talent, "/dataku")
        await bot.send(talent, "/berhenti")
        await bot.send(talent, "/hapusdata")
        await bot.press(talent, button(Text.BTN_KEEP_DATA))
    finally:
        unsubscribe()
    return screens


@pytest.mark.parametrize("language", ["id", "en"])
async def test_every_page_speaks_of_registering_interest_and_is_finished(
    bot: Harness, language: str
) -> None:
    screens = await _walk_everything(bot, language)
    texts = {message.text for message in screens.shown}
    assert len(texts) > 60, "the walk should have shown every kind of page"
    # The walk saw every program page and every FAQ answer, in this language.
    for program in CONTENT.programs.values():
        assert any(text.startswith(program.title.get(language)) for text in texts)
    for item in CONTENT.faq.values():
        assert any(text.startswith(item.question.get(language)) for text in texts)
    for message in screens.shown:
        for text in (message.text, *message.button_texts):
            assert not APPLY_WORDING.search(text), f"{APPLY_WORDING.search(text)!r} in {text!r}"
            assert placeholder_in(text) is None, text
            assert not re.search(r"\{\w+\}", text), f"an unfilled {{field}} in {text!r}"
            assert not HIDDEN_ALIAS.search(text), f"a hidden alias in {text!r}"
        for row in message.buttons:  # every row as laid out fits a phone held upright
            for cell in row:
                assert len(cell.text) <= row_limit(len(row)), (cell.text, len(row))
    # Who is responsible for the data is named, from the settings, where the talent looks.
    named = [text for text in texts if DEMO_CONTROLLER.name in text]
    for beginning in (
        opening(Text.HELP, language),  # /bantuan
        opening(Text.MYDATA_SUMMARY, language),  # /dataku
        rendered(CONTENT.privacy.notice.get(language).split("\n")[0]),  # /privasi
        rendered(CONTENT.privacy.consent_intro.get(language).split("\n")[0]),  # before consent
    ):
        assert any(beginning in text for text in named), beginning
    assert any(DEMO_CONTROLLER.contact in text for text in named)


def test_talent_facing_content_never_says_apply() -> None:
    """Every text of the pages, FAQ, privacy notice and questionnaire, in both languages.

    `ask:` phrasings are left out: they are how talents write ("how do I apply"), matched
    against free questions and never shown."""
    for name in ("programs.yaml", "faq.yaml", "privacy.yaml", "intake.yaml"):
        source = (PACKAGED_CONTENT_DIR / name).read_text(encoding="utf-8")
        for text in _shown_texts(yaml.safe_load(source)):
            assert not APPLY_WORDING.search(text), f"{name}: {text.strip()}"


def _shown_texts(data: Any) -> Iterator[str]:
    """Every string of a content file but its `ask:` phrasings."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key != "ask":
                yield from _shown_texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _shown_texts(value)
    elif isinstance(data, str):
        yield data


# Nothing public says KOCCA calls will be announced through this bot (content-facts.md):
# a page may invite talents to register interest, never promise that a call will come.
PROMISED_CALLS = re.compile(
    r"(akan mengabari|will let you know|keep you posted|kalau ada (panggilan|open call)"
    r"|if (a|an|any) (new )?(call|open call|intake) (opens|comes up)|when kocca opens)",
    re.IGNORECASE,
)


def test_no_text_promises_a_call_or_that_staff_will_announce_one() -> None:
    from bot.content import translations

    for name in sorted(path.name for path in PACKAGED_CONTENT_DIR.glob("*.yaml")):
        data = yaml.safe_load((PACKAGED_CONTENT_DIR / name).read_text(encoding="utf-8"))
        for path, pair in translations(data, ""):
            for text in pair.values():
                assert not PROMISED_CALLS.search(str(text)), f"{name}: {path}: {text}"
    docs = Path(__file__).resolve().parent.parent / "docs"
    announcements = (docs / "announcements.md").read_text(encoding="utf-8")
    assert not PROMISED_CALLS.search(announcements)


@pytest.mark.parametrize("language", ["id", "en"])
async def test_a_message_the_bot_cannot_answer_points_to_asking_the_team(
    bot: Harness, language: str
) -> None:
    talent = bot.user(language_code=language)
    asked = {"id": "cara bikin nasi goreng enak", "en": "how to cook fried rice"}
    [reply] = await bot.send(talent, asked[language])
    assert reply.text.startswith(rendered(CONTENT.text(Text.ASK_NOTHING, language)))
    assert f"/{ASK.name_for(language)}" in reply.text.split("\n")[0]  # /tanya, /ask


def test_dates_read_as_people_write_them() -> None:
    day = date(2026, 1, 16)
    assert rendered(CONTENT.as_of_line(day, "id")).endswith("Info per 16 Januari 2026")
    assert rendered(CONTENT.as_of_line(day, "en")).endswith("As of 16 January 2026")


@pytest.mark.parametrize(
    ("typed", "province"),
    [
        ("Jabar", "jawa_barat"),
        ("jateng", "jawa_tengah"),
        ("JATIM", "jawa_timur"),
        ("DIY", "di_yogyakarta"),
        ("Jogja", "di_yogyakarta"),
        ("Yogyakarta", "di_yogyakarta"),
        ("NTT", "nusa_tenggara_timur"),
        ("ntb", "nusa_tenggara_barat"),
        ("DKI", "dki_jakarta"),
        ("Jakarta", "dki_jakarta"),
        ("jaksel", "dki_jakarta"),  # the five cities of Jakarta, as people say them
        ("Jakarta Timur", "dki_jakarta"),
        ("Sulsel", "sulawesi_selatan"),
        ("Kaltim", "kalimantan_timur"),
        ("Kepri", "kepulauan_riau"),
        ("Babel", "bangka_belitung"),
        ("West Java", "jawa_barat"),
        ("luar negeri", "outside_indonesia"),
        # Abroad, by country, and a region with its country (a talents' review).
        ("Australia", "outside_indonesia"),
        ("Victoria, Australia", "outside_indonesia"),
        ("Tokyo, Jepang", "outside_indonesia"),
        ("Sleman, DIY", "di_yogyakarta"),
        ("Jakarta, Indonesia", "dki_jakarta"),
        ("Bali, a", "bali"),  # a letter is no part of a name (it offered all 38)
        ("Malang, Jawa Timur", "jawa_timur"),
        ("Provinsi Jabar", "jawa_barat"),
        ("Jawa Barat", "jawa_barat"),
    ],
)
def test_common_province_abbreviations_are_understood(typed: str, province: str) -> None:
    outcome = check_text(CONTENT.questions["province"], CONTENT, {}, typed)
    assert isinstance(outcome, Accepted) and outcome.value == province
    if typed in ("Sleman, DIY", "Malang, Jawa Timur"):  # with a city of it: the city too
        assert outcome.city == typed.split(",")[0]


@pytest.mark.parametrize("typed", ["US", "a", "NT"])
def test_a_letter_or_two_is_no_part_of_a_province_name(typed: str) -> None:
    # "US" offered NTB and NTT ("Nusa"), "a" all 38: asked again instead.
    outcome = check_text(CONTENT.questions["province"], CONTENT, {}, typed)
    assert outcome == Rejected(Text.INTAKE_PROVINCE_NOT_FOUND)


@pytest.mark.parametrize("typed", ["Indonesia", "indo", "Papua, Indonesia, ", ",,,"])
def test_indonesia_itself_is_no_province_and_no_abroad(typed: str) -> None:
    # "Indonesia" and "indo" were taken as "Di luar Indonesia" (its label has the word).
    outcome = check_text(CONTENT.questions["province"], CONTENT, {}, typed)
    assert outcome != Accepted("outside_indonesia")


async def test_an_abbreviated_province_is_stored_in_full(bot: Harness) -> None:
    sari = bot.user()
    await apply(bot, sari, {**MUSICIAN, "province": "NTT", "city": "Kupang"})
    row = await bot.store.db.fetch_one(
        "SELECT a.value FROM answers a JOIN applications p ON p.id = a.application_id"
        " WHERE p.user_id = ? AND a.question_key = 'province'",
        (sari.id,),
    )
    assert row is not None and row["value"] == '"nusa_tenggara_timur"'


async def test_a_page_that_is_not_a_program_is_no_choice_in_the_form(
    make_bot: Any, content_folder: Path
) -> None:
    """A page of background information (interest: none) is read, never registered for."""

    def programs(data: Any) -> None:
        for program in data["programs"]:
            if program["key"] == "training_center":
                program["interest"] = "none"

    edit_content(content_folder, "programs.yaml", programs)
    bot: Harness = await make_bot(content_dir=content_folder)
    edited = load_content(content_folder)
    page = edited.programs["training_center"]
    sari = bot.user()
    await bot.send(sari, "/program")
    await bot.press(sari, edited.sections[page.section].title.id)
    [shown_page] = await bot.press(sari, page.title.id)
    assert CONTENT.text(Text.BTN_APPLY_PROGRAM, "id") not in shown_page.button_texts
    await bot.send(sari, "/daftar")
    await consent(bot, sari)
    for key, value in FILMMAKER.items():  # in questionnaire order, up to the programs
        if key == "programs_of_interest":
            break
        await answer(bot, sari, key, value)
    assert await where(bot, sari) == "programs_of_interest"
    offered = sari.last_message.button_texts
    assert page.choice_label.id not in offered
    assert edited.programs["coproduction"].choice_label.id in offered
    # An old "register for this program" button of such a page starts without presetting it.
    other = bot.user()
    [start] = await bot.send(other, "/start")
    await bot.act(other, other.press_raw, start.message_id, "apply:training_center")
    await consent(bot, other)
    draft = await bot.store.applications.draft_for(other.id)
    assert draft is not None and await bot.store.applications.answers(draft.id) == {}


def test_general_facts_about_kocca_are_an_faq_answer_linked_from_the_pages() -> None:
    """Sections are film and music: KOCCA's Jakarta center, which is neither and no program,
    is a question in the FAQ, one button away from the pages it concerns."""
    assert "kocca_jakarta" in CONTENT.faq
    titles = [program.title.id for program in CONTENT.programs.values()]
    assert not any("KOCCA" in title and "Jakarta" in title for title in titles)
    linked = [p.key for p in CONTENT.programs.values() if "kocca_jakarta" in p.faq]
    assert {"music_to_korea", "training_center"} <= set(linked)
    # The training center is under Film (its recorded courses: animation, documentary); the
    # page no longer explains the bot's own filing to talents (language review row 23).
    training = CONTENT.programs["training_center"]
    assert training.section == "film"
    assert "animasi" in training.offers.id and "dokumenter" in training.offers.id


# --- check-content: each new check fails on bad content ----------------------------------------


def _problems(content_folder: Path, today: date | None = None) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_content(content_folder, today)
    return raised.value.problems


def test_placeholders_are_refused_wherever_they_hide(content_folder: Path) -> None:
    def privacy(data: Any) -> None:
        data["notice"]["id"] += "\nAlamat: [perlu dikonfirmasi staf]"

    def faq(data: Any) -> None:
        data["items"][0]["answer"]["en"] += " TBD"

    def messages(data: Any) -> None:
        data["greeting"]["id"] = "TODO: sapaan"

    def intake(data: Any) -> None:
        data["questions"][0]["choices"][0]["label"]["en"] = "[to be confirmed]"

    for name, change in (
        ("privacy.yaml", privacy),
        ("faq.yaml", faq),
        ("messages.yaml", messages),
        ("intake.yaml", intake),
    ):
        edit_content(content_folder, name, change)
    problems = "\n".join(_problems(content_folder))
    assert "privacy.yaml: notice.id: unfinished text '[perlu dikonfirmasi staf]'" in problems
    assert "faq.yaml: items[what_is_kocca].answer.en: unfinished text 'TBD'" in problems
    assert "messages.yaml: greeting.id: unfinished text 'TODO'" in problems
    assert "intake.yaml: questions[sector].choices[music].label.en: unfinished text" in problems


def test_pages_that_state_facts_need_an_as_of(content_folder: Path) -> None:
    def programs(data: Any) -> None:
        del data["programs"][0]["as_of"]

    def faq(data: Any) -> None:
        del data["items"][0]["as_of"]  # what_is_kocca states facts

    edit_content(content_folder, "programs.yaml", programs)
    edit_content(content_folder, "faq.yaml", faq)
    problems = "\n".join(_problems(content_folder))
    assert "programs.yaml: programs[coproduction].as_of: Field required" in problems
    assert "faq.yaml: items[what_is_kocca]: Value error, an answer that states facts" in problems


def test_every_program_needs_one_short_about_line_in_both_languages(
    content_folder: Path,
) -> None:
    """`about` is the form's line on a program ("apa bedanya?"): on every page, in both
    languages, one line of at most ABOUT_LIMIT characters as shown, held to the checks every
    other text gets (HTML, wording)."""

    def worded(data: Any) -> None:
        page = next(page for page in data["programs"] if page["key"] == "biff_acf")
        page["about"]["en"] = "For a talent with a fiction feature."

    edit_content(content_folder, "programs.yaml", worded)
    [problem] = _problems(content_folder)  # the wording rules run once the rest is valid
    assert problem.startswith("programs.yaml: programs[biff_acf].about.en: 'a talent': ")

    def programs(data: Any) -> None:
        pages = {page["key"]: page for page in data["programs"]}
        del pages["coproduction"]["about"]
        del pages["bcww"]["about"]["en"]
        pages["mucon"]["about"]["id"] = "Pameran musik tahunan di Seoul. " * 6
        pages["music_to_korea"]["about"]["en"] = "Talks on 16 January 2026.\nRegister here."
        pages["biff_apm"]["about"]["en"] = "Projects & partners meet here."
        pages["kofic_incentive"]["about"]["id"] = "  "  # "• KOFIC: " and nothing (a review)
        pages["biff_acf"]["about"]["id"] = "Dana skenario.\u2028Panduan 2022."  # a line break

    edit_content(content_folder, "programs.yaml", programs)
    problems = "\n".join(_problems(content_folder))
    assert "programs.yaml: programs[coproduction].about: Field required" in problems
    assert "programs.yaml: programs[bcww].about.en: Field required" in problems
    assert (
        "programs.yaml: programs[mucon].about: Value error, id: 192 characters,"
        " one line of at most 160"
    ) in problems
    assert (
        "programs.yaml: programs[music_to_korea].about: Value error, en: more than one line"
    ) in problems
    assert "programs.yaml: programs[kofic_incentive].about: Value error, id: empty" in problems
    assert "programs.yaml: programs[biff_acf].about: Value error, id: more than one line" in (
        problems
    )
    assert "programs.yaml: programs[biff_apm].about.en: a bare '&' must be written &amp;" in (
        problems
    )


def test_an_as_of_in_the_future_is_a_typing_mistake(content_folder: Path) -> None:
    def programs(data: Any) -> None:
        data["programs"][1]["as_of"] = date(2027, 11, 30)  # 2027 for 2026

    edit_content(content_folder, "programs.yaml", programs)
    problems = _problems(content_folder, date(2026, 12, 3))
    assert problems == ["programs.yaml: programs[bcww].as_of: 2027-11-30 is in the future"]
    assert load_content(content_folder, date(2027, 11, 30)).programs["bcww"].as_of == date(
        2027, 11, 30
    )


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("2026-13-01", "month value is outside expected range of 1-12"),
        ("2026-02-30", "day value is outside expected range"),
    ],
)
def test_an_impossible_date_is_listed_like_any_other_problem(
    content_folder: Path,
    typed: str,
    why: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bot.cli import main

    path = content_folder / "programs.yaml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"as_of: (\S+)", text)
    assert first is not None
    path.write_text(text.replace(first.group(0), f"as_of: {typed}", 1), encoding="utf-8")
    [problem] = _problems(content_folder)
    assert problem.startswith("programs.yaml: programs[coproduction].as_of: ")
    assert why in problem

    monkeypatch.setenv("CONTENT_DIR", str(content_folder))
    assert main(["check-content"]) == 2
    printed = capsys.readouterr()
    assert problem in printed.err
    assert "Traceback" not in printed.err


def test_old_pages_are_a_warning_not_an_error(content_folder: Path) -> None:
    from bot.content_checks import review_warnings

    content = load_content(content_folder, date(2026, 12, 3))
    assert review_warnings(content, date(2026, 12, 3)) == []
    later = review_warnings(content, date(2027, 4, 1))  # 119 days: only the 90-day page
    assert later == [
        "programs.yaml: programs[kofic_incentive]: as_of 2026-12-03 is 119 days old"
        " (review after 90): check its facts and update as_of"
    ]
    everything = review_warnings(content, date(2027, 7, 1))
    dated = [p for p in CONTENT.programs.values()] + [
        item for item in CONTENT.faq.values() if item.as_of is not None
    ]
    assert len(everything) == len(dated)


def test_buttons_are_held_to_the_width_of_their_row(content_folder: Path) -> None:
    def messages(data: Any) -> None:
        data["btn_agree"]["id"] = "✅ Ya, saya setuju dengan semuanya"  # beside "Tidak setuju"
        data["btn_programs"]["en"] = "🎬🎵 Every program and opportunity we know of"  # alone
        data["consent_kind_transfer"]["id"] = "Pengiriman data ke KOCCA di Korea"

    def programs(data: Any) -> None:
        del data["programs"][0]["short_title"]  # the long title would be a form button

    def intake(data: Any) -> None:
        data["provinces"][0]["label"]["id"] = "Nanggroe Aceh Darussalam (NAD)"

    edit_content(content_folder, "messages.yaml", messages)
    edit_content(content_folder, "programs.yaml", programs)
    edit_content(content_folder, "intake.yaml", intake)
    problems = "\n".join(_problems(content_folder))
    assert "messages: btn_agree.id: '✅ Ya, saya setuju dengan semuanya' is 33 characters;" in (
        problems
    )
    assert "a button in this row fits 24" in problems
    assert "messages: btn_programs.en:" in problems and "fits 40" in problems
    # {kind} is filled in: the longest kind decides whether the withdraw button fits.
    assert "messages: btn_withdraw.id: 'Tarik persetujuan: Pengiriman data ke KOCCA" in problems
    assert "programs.yaml: programs[coproduction].title (add a short_title).id:" in problems
    assert "intake.yaml: provinces[aceh].label.id:" in problems


def test_texts_name_the_commands_people_see_in_their_language(content_folder: Path) -> None:
    """A hidden alias (/apply) works but is in no menu: no text may teach it; nor may an
    English text name an Indonesian command, or any text a command the bot lacks."""

    def messages(data: Any) -> None:
        data["unknown_text"]["en"] = "Type /apply to register or /help for more."
        data["unknown_text"]["id"] = "Ketik /register atau /tanyaa untuk bertanya."

    def stages(data: Any) -> None:
        data["stages"][-1]["message"]["en"] += " Type /stop to end program news."

    edit_content(content_folder, "messages.yaml", messages)
    edit_content(content_folder, "stages.yaml", stages)
    problems = _problems(content_folder)
    last = list(CONTENT.stages)[-1]
    assert sorted(problems) == sorted(
        [
            "messages.yaml: unknown_text.en: /apply is a hidden alias (in no menu):"
            " write /register",
            "messages.yaml: unknown_text.id: /register is the English name: write /daftar",
            "messages.yaml: unknown_text.id: /tanyaa is not a command of the bot",
            f"stages.yaml: stages[{last}].message.en: /stop is a hidden alias (in no menu):"
            " write /unsubscribe",
        ]
    )


def test_program_news_is_offered_by_the_hint_flag_never_in_a_page_text(
    content_folder: Path,
) -> None:
    """The view invites only talents who are not subscribed: a page that invites in its own
    words would invite subscribers too. The FAQ entry that explains the commands keeps them."""

    def programs(data: Any) -> None:
        page = next(item for item in data["programs"] if item["key"] == "training_center")
        page["how"]["id"] += "\nMau menerima info program? Ketik /langganan."

    def faq(data: Any) -> None:
        item = next(item for item in data["items"] if item["key"] == "open_call_now")
        item["answer"]["en"] += "\nType /subscribe for program news."
        announcements = next(item for item in data["items"] if item["key"] == "announcements")
        assert "/langganan" in announcements["answer"]["id"]  # no hint there: it stays valid

    edit_content(content_folder, "programs.yaml", programs)
    edit_content(content_folder, "faq.yaml", faq)
    hint = "program news is offered by `subscribe_hint: true` (only to talents not subscribed"
    assert _problems(content_folder) == [
        f"programs.yaml: programs[training_center].how.id: names /langganan: {hint} yet),"
        " not in the text",
        f"faq.yaml: items[open_call_now].answer.en: names /subscribe: {hint} yet), not in the text",
    ]


def test_a_typed_province_name_leads_to_one_province_only(content_folder: Path) -> None:
    def intake(data: Any) -> None:
        data["provinces"][0]["aliases"] = ["Jabar"]  # already Jawa Barat's

    edit_content(content_folder, "intake.yaml", intake)
    assert _problems(content_folder) == [
        "intake.yaml: provinces[jawa_barat]: 'jabar' also names aceh"
    ]


def test_privacy_texts_may_only_use_the_fields_the_bot_fills_in(content_folder: Path) -> None:
    def privacy(data: Any) -> None:
        data["notice"]["id"] = data["notice"]["id"].replace("{controller}", "{operator}")
        data["notice"]["en"] = data["notice"]["en"].replace("{controller}", "{operator}")

    edit_content(content_folder, "privacy.yaml", privacy)
    [problem] = _problems(content_folder)
    assert problem.startswith("privacy.yaml: notice: {operator} is not filled in here")


def test_a_registered_line_is_a_line_of_the_answer_that_registers(content_folder: Path) -> None:
    """`registered_line` stands in, for a registered talent, for one line of the answer, and
    changes its register button: a line not in the answer, or an entry without that button,
    would show a registered talent the invitation still (re-check review s59, N8)."""

    def faq(data: Any) -> None:
        item = next(item for item in data["items"] if item["key"] == "open_call_now")
        item["registered_line"]["id"] = "Daftarkan minatmu lewat /daftar."
        other = next(item for item in data["items"] if item["key"] == "announcements")
        other["registered_line"] = {"id": other["answer"]["id"], "en": other["answer"]["en"]}

    edit_content(content_folder, "faq.yaml", faq)
    problems = _problems(content_folder)
    assert any("open_call_now" in line and "registered_line.id" in line for line in problems)
    assert any("announcements" in line and "action: register" in line for line in problems)
