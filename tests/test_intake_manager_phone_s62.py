"""A manager registering an artist or a group (a talents' review s61, L7, Bu Ratna): said at
the name ("Ratna Handayani (manajer)"), the phone step's "more than one number" no longer
suggests "nomor manajermu" to the manager herself, but the artist's own number."""

from __future__ import annotations

import pytest

from bot.emulator import EmulatedUser
from bot.texts import Text
from tests.harness import Harness
from tests.leads import MUSICIAN, answer, at_question, draft_answers, shown, where

TWO_NUMBERS = "0812 3456 7801 / 0813 3000 4455"


async def to_the_phone(bot: Harness, user: EmulatedUser, after: str, language: str) -> None:
    """The musician's answers after `after` up to the phone."""
    keys = list(MUSICIAN)
    for key in keys[keys.index(after) + 1 : keys.index("phone")]:
        await answer(bot, user, key, MUSICIAN[key], language)
    assert await where(bot, user) == "phone"


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(
    ("said", "then"),
    [
        ("Ratna Handayani (manajer)", "Galih Prasetyo"),  # asked back whose name, then given
        ("Saya Ratna Handayani, manajer. Yang kami daftarkan Orkes Bengawan Sari.", "Galih"),
        ("Galih Prasetyo, saya manajernya", None),  # the artist's name kept at once
    ],
)
async def test_a_manager_is_asked_for_the_artists_own_number_not_their_manager(
    bot: Harness, language: str, said: str, then: str | None
) -> None:
    """L7: Bu Ratna, who said at the name she is the group's manager, sent two numbers at
    the phone and was told another one, "misalnya nomor manajermu", could go in the last
    question. Now the hint names the artist's own number, in both languages."""
    user = await at_question(bot, "full_name", language)
    await bot.send(user, said)
    if then is not None:
        assert await where(bot, user) == "full_name"
        await bot.send(user, then)
    assert await where(bot, user) == "stage_name"
    await to_the_phone(bot, user, "full_name", language)
    [reply] = await bot.send(user, TWO_NUMBERS)
    assert reply.text.startswith(shown(Text.INTAKE_TWO_PHONES_MANAGER, language))
    assert "phone" not in await draft_answers(bot, user)


async def test_a_groups_manager_said_at_the_stage_name_is_asked_for_the_artists_number(
    bot: Harness,
) -> None:
    """The same said at the band's name ("Orkes Bengawan Sari (manajer)": the name kept, the
    role pointed to the note): the phone's hint names the artist's number. A talent who gave
    their own name (a group's leader too: "(ketua)") is told as before that another number,
    say their manager's, can go in the last question."""
    leader = await at_question(bot, "full_name")
    await bot.send(leader, "Sari Dewi Lestari (ketua)")
    await to_the_phone(bot, leader, "full_name", "id")
    [reply] = await bot.send(leader, TWO_NUMBERS)
    assert reply.text.startswith(shown(Text.INTAKE_TWO_PHONES))
    user = await at_question(bot, "stage_name")
    await bot.send(user, "Orkes Bengawan Sari (manajer)")
    assert (await draft_answers(bot, user))["stage_name"] == "Orkes Bengawan Sari"
    await to_the_phone(bot, user, "stage_name", "id")
    [reply] = await bot.send(user, TWO_NUMBERS)
    assert reply.text.startswith(shown(Text.INTAKE_TWO_PHONES_MANAGER))
