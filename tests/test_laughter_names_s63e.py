"""A name that ends in a laughter-like word is kept whole (a final review s63, M3: "DJ Haha"
was stored as "DJ", "MC Lol" as "MC", "Siti Hihi" as "Siti", without a word). Laughter is cut
only where it cannot be part of the name: a "wkwk" run, after the name's introduction in a
sentence, after an emoji, in lower case after a capitalised name; and what is kept is always
said back when anything was cut."""

from __future__ import annotations

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import at_question, draft_answers, shown, where


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("stage_name", "DJ Haha"),
        ("stage_name", "MC Lol"),
        ("stage_name", "Kiki Hehe"),
        ("full_name", "Siti Hihi"),
        ("full_name", "Ahmad Lol"),
        ("full_name", "Dr. Ir. H. Bambang Hehe"),
        ("stage_name", "dj haha"),  # all in lower case: nothing says which word is chat
    ],
)
async def test_a_name_ending_in_a_laughter_like_word_is_kept_whole(
    bot: Harness, key: str, typed: str
) -> None:
    user = await at_question(bot, key)
    replies = await bot.send(user, typed)
    assert (await draft_answers(bot, user))[key] == typed
    assert not any(reply.text.startswith(shown(Text.INTAKE_TAKEN, taken="DJ")) for reply in replies)
    assert await where(bot, user) != key  # on to the next question


@pytest.mark.parametrize(
    ("key", "typed", "kept"),
    [
        ("stage_name", "D-Mas wkwkwk", "D-Mas"),
        ("stage_name", "DJ Haha wkwk", "DJ Haha"),
        ("stage_name", "Mace Yoya hehe", "Mace Yoya"),
        ("stage_name", "nama panggungku Kiki Hehe", "Kiki"),
        ("stage_name", "Siti 😂 Hihi", "Siti 😂"),
        ("full_name", "Siti Rahma lol", "Siti Rahma"),
        ("full_name", "Budi Santoso kak", "Budi Santoso"),
    ],
)
async def test_laughter_that_cannot_be_the_name_is_cut_and_the_name_said_back(
    bot: Harness, key: str, typed: str, kept: str
) -> None:
    await kept_and_said_back(bot, key, typed, kept)


async def kept_and_said_back(bot: Harness, key: str, typed: str, kept: str) -> None:
    """`typed` at the question `key` is stored as `kept`, said back ("✅ Kucatat: …"), and
    the form goes on."""
    user = await at_question(bot, key)
    [said, *_] = await bot.send(user, typed)
    assert (await draft_answers(bot, user))[key] == kept
    assert said.text.startswith(shown(Text.INTAKE_TAKEN, taken=kept)), said.text
    assert await where(bot, user) != key
