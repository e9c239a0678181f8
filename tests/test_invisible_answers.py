"""Hangul fillers (U+3164, U+115F, U+1160) are letters no reader sees (an attacker's review,
session 57, L6): they passed as a full name or a city, and the lead had a name nobody could see
or search for. The form refuses them as it refuses an empty answer."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import at_question, draft_answers, shown, where

_INVISIBLE = [
    ("full_name", "\u3164\u3164"),
    ("stage_name", "\u3164"),
    ("city", "\u115f\u1160"),
    ("notable_works", "\u3164 \u1160"),
    ("message", "\u115f"),
]


async def test_an_answer_of_hangul_fillers_is_refused_as_empty(bot: Harness) -> None:
    for key, text in _INVISIBLE:
        user = await at_question(bot, key)
        [reply] = await bot.send(user, text)
        assert reply.text.startswith(shown(Text.INTAKE_EMPTY)), (key, reply.text)
        assert await where(bot, user) == key
        assert key not in await draft_answers(bot, user)
