"""Small pieces every handler relies on."""

from __future__ import annotations

from bot.content import MESSAGE_LIMIT
from bot.message_parts import split_message


def test_long_texts_are_split_at_paragraphs_within_telegrams_limit() -> None:
    paragraphs = [f"Paragraf {n}: " + "kata " * 300 for n in range(12)]
    text = "\n\n".join(paragraphs)
    parts = split_message(text)
    assert len(parts) > 1
    assert all(len(part) <= MESSAGE_LIMIT for part in parts)
    assert all(part.startswith("Paragraf") for part in parts)
    assert " ".join(" ".join(parts).split()) == " ".join(text.split())


def test_a_text_without_breaks_is_still_split() -> None:
    parts = split_message("x" * 10_000)
    assert [len(part) for part in parts] == [4096, 4096, 1808]


def test_a_short_text_is_one_part() -> None:
    assert split_message("Halo!") == ["Halo!"]
