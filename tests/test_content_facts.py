"""What the fact check of 2026-12-03 found, held: the content states facts the way
docs/sources.md lists them (issue 24, "Facts")."""

from __future__ import annotations

import re

from bot.settings import PACKAGED_CONTENT_DIR
from bot.texts import Text
from tests.leads import CONTENT

SOURCES = (PACKAGED_CONTENT_DIR.parent / "docs" / "sources.md").read_text(encoding="utf-8")


def _page(key: str, language: str) -> str:
    program = CONTENT.programs[key]
    fields = (program.what, program.who, program.offers, program.timing, program.how)
    return "\n".join(field.get(language) for field in fields)


def test_pages_the_bot_is_not_a_way_into_say_so_and_offer_no_button() -> None:
    own_way_in = {"bcww", "kofic_incentive", "biff_apm", "biff_acf", "training_center", "mucon"}
    for key in own_way_in:
        program = CONTENT.programs[key]
        assert program.interest == "form", key  # a choice in the form, no button on the page
        assert "bukan jalur" in program.how.id or "tidak diurus lewat bot ini" in program.how.id
        assert "not a way" in program.how.en or "not handled through this bot" in program.how.en
    buttons = {key for key, program in CONTENT.programs.items() if program.interest == "page"}
    assert buttons == {"coproduction", "music_to_korea"}
    # The button registers interest; it never signs anyone up "for this program".
    for language in ("id", "en"):
        label = CONTENT.text(Text.BTN_APPLY_PROGRAM, language).lower()
        assert "minat" in label or "interest" in label
        assert "program" not in label


def test_directions_of_cooperation_are_titled_as_such() -> None:
    for key in ("coproduction", "music_to_korea"):
        title = CONTENT.programs[key].title
        assert title.id.startswith("Arah kerja sama:"), title.id
        assert title.en.startswith("Talks on"), title.en


def test_not_found_is_never_said_as_there_is_none() -> None:
    texts = [_page("coproduction", "id"), CONTENT.faq["film_funding"].answer.id]
    texts += [_page("coproduction", "en"), CONTENT.faq["film_funding"].answer.en]
    for text in texts:
        assert not re.search(r"\bBelum ada dana\b|\bThere is no KOCCA\b", text), text
        assert re.search(r"belum menemukan|have not found", text), text
        assert re.search(r"dicek \d{1,2} \w+ 2026|checked \d{1,2} \w+ 2026", text), text


def test_the_wrong_and_outdated_facts_are_gone() -> None:
    bcww = _page("bcww", "id")
    assert "Busan" in bcww and "2009" in bcww and "2010" not in bcww
    assert "di Seoul yang diadakan sejak 2001" not in bcww
    training = _page("training_center", "id")
    assert "House of Indonesiana" in training and "Makassar" in training
    assert "Sasaran utamanya" in training  # 16 to 30 is a target group, not an age rule
    mucon = _page("mucon", "id")
    assert "mucon.kr" in mucon and "setiap tahun" in mucon
    assert CONTENT.programs["mucon"].title.id != "MU:CON Seoul"
    assert "2023" in CONTENT.programs["biff_apm"].who.id  # the rules' year
    assert "2022" in CONTENT.programs["biff_acf"].who.id
    for language in ("id", "en"):
        meeting = CONTENT.faq["jan_2026_meeting"].answer.get(language)
        assert "menargetkan koproduksi" not in meeting and "aims for co-production" not in meeting
        assert re.search(r"estetika visual|visual aesthetics", meeting)
        kocca = CONTENT.faq["what_is_kocca"].answer.get(language)
        assert "2023" in kocca and "2025" in kocca  # each centre figure with its year
        # Talents ask whether it is a K-pop agency: the answer says so, from "government agency".
        assert re.search(r"bukan agensi K-pop|not a K-pop agency", kocca)
        # Asked "is it a scam?", who_runs says what the bot never asks for.
        runs = CONTENT.faq["who_runs"].answer.get(language)
        assert re.search(
            r"tidak pernah meminta transfer uang|never asks for a money transfer", runs
        )
        jakarta = CONTENT.faq["kocca_jakarta"].answer.get(language)
        assert "newgbnews" in jakarta  # the opening's source, not the plan's
        assert "pemutaran film" not in jakarta


def test_section_intros_state_no_dated_facts() -> None:
    for section in CONTENT.sections.values():
        for language in ("id", "en"):
            intro = section.intro.get(language)
            assert not re.search(r"\b(19|20)\d\d\b", intro), intro


def test_every_program_source_is_in_docs_sources() -> None:
    """The facts live with the content: every page's sources are listed there, and every
    page was checked on the day docs/sources.md says."""
    dates = {program.as_of for program in CONTENT.programs.values()}
    dates |= {item.as_of for item in CONTENT.faq.values() if item.as_of is not None}
    for day in dates:
        assert f"{day.day} {CONTENT.date_text(day, 'en').split()[1]} {day.year}" in SOURCES
    for program in CONTENT.programs.values():
        assert f"`{program.key}`" in SOURCES, program.key
        if program.source_url:
            domain = re.sub(r"^https?://(www\.)?", "", program.source_url).split("/")[0]
            assert domain in SOURCES, domain
