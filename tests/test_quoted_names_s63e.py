"""A name given in quotes, as the bot asks for one that is a command's word, is stored without
them (a final review s63, L1: "“Stop”" was stored as '“Stop”', which staff saw in the lead,
the list and the export). The quotes only say "I mean the word"; the name kept is said back.
Quotes around part of a name stay as typed."""

from __future__ import annotations

import pytest

from tests.harness import Harness
from tests.leads import at_question, draft_answers
from tests.test_laughter_names_s63e import kept_and_said_back


@pytest.mark.parametrize(
    ("key", "typed", "kept"),
    [
        ("stage_name", "“Stop”", "Stop"),
        ("full_name", '"Batal"', "Batal"),
        ("stage_name", "'Menu'", "Menu"),
        ("stage_name", "« Keluar »", "Keluar"),
        ("stage_name", "“Go Home”", "Go Home"),
    ],
)
async def test_a_quoted_name_is_stored_without_its_quotes_and_said_back(
    bot: Harness, key: str, typed: str, kept: str
) -> None:
    await kept_and_said_back(bot, key, typed, kept)


async def test_the_bot_s_own_hint_then_the_quoted_name(bot: Harness) -> None:
    """As the bot says: "Stop" pauses, with the hint; "“Stop”" after /daftar is the name."""
    user = await at_question(bot, "stage_name")
    [paused, *_] = await bot.send(user, "Stop")
    assert "“Stop”" in paused.text
    await bot.send(user, "/daftar")
    await bot.send(user, "“Stop”")
    assert (await draft_answers(bot, user))["stage_name"] == "Stop"


@pytest.mark.parametrize("typed", ['"Beranda" band', "Jum'at Band", "D'Masiv"])
async def test_quotes_inside_a_name_stay(bot: Harness, typed: str) -> None:
    user = await at_question(bot, "stage_name")
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["stage_name"] == typed
