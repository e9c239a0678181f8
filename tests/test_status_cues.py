"""The one look before the questions /status answers (`may_ask_status`): it never passes over
a message one of them would take, or the talent asking it would get a page instead of what
the bot knows of their data or their question to the team."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.answers.text import (
    about_old_data,
    about_own_data,
    asks_after_reply,
    asks_to_register_again,
    asks_whats_kept,
    asks_whats_left,
    may_ask_status,
    regrets_erasure,
)

CHECKS = (
    about_own_data,
    about_old_data,
    asks_to_register_again,
    asks_whats_left,
    asks_whats_kept,
    regrets_erasure,
    asks_after_reply,
)
QUESTIONS = Path(__file__).parent / "data" / "questions.yaml"
# One of each, as talents wrote them in reviews (the checks' own examples).
ASKED = (
    "Data saya masih ada ga?",
    "emailku masih disimpan?",
    "Tim kalian masih nyimpen data lamaku ga?",
    "registrasi KOC-000012 gimana?",
    "Kalau daftar lagi hrs isi dari awal ya?",
    "jadi yang tersisa apa aja?",
    "kak sekarang data kita yang masih kesimpen apa aja? 🥺",
    "what do you still have",
    "eh jangan dihapus",
    "yah kehapus ya? bisa dibalikin ga min",
    "bring my data back",
    "udah dibales blm kak",
    "Any reply yet?",
    "Have you heard back about my question?",
    "Hi, any update on my question?",
)


def test_every_status_question_passes_the_first_look() -> None:
    """Each example is one of the questions, and passes; so does every message of the
    labelled set (and its capitals) that any of the seven checks takes."""
    for text in ASKED:
        assert any(check(text) for check in CHECKS), text
        assert may_ask_status(text), text
    labelled = [item["q"] for item in yaml.safe_load(QUESTIONS.read_text("utf-8"))["questions"]]
    taken = [
        text
        for text in labelled + [text.upper() for text in labelled]
        if any(check(text) for check in CHECKS)
    ]
    assert taken  # the set has some
    assert [text for text in taken if not may_ask_status(text)] == []


def test_most_questions_are_passed_over() -> None:
    """A question about a program or how to register has none of their words: not read for
    them."""
    for text in ("kapan MU:CON 2026?", "gmn cara kirim showreel", "can I perform in Korea?"):
        assert not may_ask_status(text), text
