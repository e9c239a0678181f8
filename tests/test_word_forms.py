"""A typed word with letters held down, read as the short replies' word lists hold it."""

from __future__ import annotations

import re

from bot.leads.cancel_wish import wants_to_cancel
from bot.leads.register_wish import wants_to_go_on
from bot.word_forms import CaseBlind, listed_form

LISTED = frozenset({"yes", "oke", "ga", "banget", "jadi"})


def test_letters_held_down_are_read_twice_then_once() -> None:
    assert listed_form("oke", LISTED) == "oke"
    assert listed_form("okeee", LISTED) == "oke"
    assert listed_form("yesss", LISTED) == "yes"
    assert listed_form("gaaa", LISTED) == "ga"
    assert listed_form("bangettt", LISTED) == "banget"
    assert listed_form("jadiii", LISTED) == "jadi"
    assert listed_form("hapus", LISTED) is None
    assert listed_form("okeey", LISTED) is None


def test_a_case_blind_search_finds_what_ignoring_case_finds() -> None:
    # The short replies' prechecks: a talent typing in capitals, or with a keyboard's dotless i
    # or long s, is read as an ignore-case search reads them (the lower-case shortcut: ASCII).
    pattern = r"batal|cancel|jadi|sido|jd\b"
    blind, ignoring = CaseBlind(pattern), re.compile(pattern, re.IGNORECASE)
    for text in (
        "BATALIN pendaftaranku",
        "Ga JaDi ikut",
        "JD",
        "jdx",
        "jad\u0131",
        "\u017fido",
        "halo",
    ):
        assert blind.found_in(text) == (ignoring.search(text) is not None), text
    assert wants_to_cancel("BATALIN PENDAFTARANKU KAK")
    assert wants_to_go_on("LANJUT YA KAK")
