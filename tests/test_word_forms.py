"""A typed word with letters held down, read as the short replies' word lists hold it."""

from __future__ import annotations

from bot.word_forms import listed_form

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
