"""Long pages (a lead with every answer at its longest) arrive whole and as valid HTML."""

from __future__ import annotations

from typing import Any

import pytest

from bot.content import MESSAGE_LIMIT
from bot.emulator import EmulatedChat
from bot.message_parts import split_message
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded


def words(text: str) -> list[str]:
    """The words of a text, whatever the line breaks between them."""
    return text.split()


def filled(length: int, unit: str) -> str:
    """`unit` repeated up to `length` characters."""
    return (unit * (length // len(unit) + 1))[:length].strip()


# Every free-text answer at the length the questionnaire allows, full of what HTML escapes.
AMPERSANDS = {
    "full_name": filled(100, "A&B<C>&&"),
    "stage_name": filled(100, "Rock&<Roll>"),
    "city": filled(60, "K&<>"),
    "other_links": filled(500, "https://x.id/?a=1&b=<2>&c=&&&"),
    "notable_works": filled(1000, "Karya&<karya>&&&<<<>>>"),
    "message": filled(1000, "Tolong&<terima>&&&&kasih "),
}


async def test_a_lead_page_full_of_html_characters_arrives_whole_in_valid_parts(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    answers: dict[str, Any] = {**MUSICIAN, **AMPERSANDS}
    await seeded(bot.database, [Seed(4242, answers, first_name="Sari & <Co>")])
    admin = bot.user(user_id=ADMIN_ID, first_name="Admin")
    parts = await bot.send(admin, "/lead KOC-000001")
    # The emulator parses each part's HTML as Telegram does: a broken entity is a 400.
    # The page shows under 4,096 characters twice over at most, whatever its markup's length.
    assert len(parts) <= 2, [len(part.text) for part in parts]
    assert all(len(part.text) <= MESSAGE_LIMIT for part in parts)
    assert parts[0].text.startswith("📄 KOC-000001")
    shown = words("\n".join(part.text for part in parts))
    for answer in AMPERSANDS.values():
        joined = " ".join(shown)
        assert " ".join(words(answer)) in joined, answer[:30]
    assert parts[-1].button_texts  # the back button is on the last part


@pytest.mark.parametrize("tag", ["b", "i", 'a href="https://x.id/?a=1&amp;b=2"'])
def test_a_tag_across_a_cut_is_closed_and_reopened(tag: str) -> None:
    name = tag.split()[0]
    markup = f"Awal <{tag}>{'kata &amp; &lt;kata&gt; ' * 40}</{name}> akhir"
    parts = split_message(markup, limit=100)
    assert len(parts) > 5
    for part in parts:
        assert part.count(f"<{name}") == part.count(f"</{name}>") <= 1
    middle = parts[2]
    assert middle.startswith(f"<{tag}>") and middle.endswith(f"</{name}>")
    assert "&amp;" in middle and "&lt;kata&gt;" in middle


def test_emoji_count_twice_and_blank_text_is_no_message() -> None:
    emoji = split_message("🎶" * 3000)  # two UTF-16 code units each
    assert [len(part) for part in emoji] == [2048, 952]
    assert split_message("  \n ") == []
