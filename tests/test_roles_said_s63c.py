"""A role typed at the role question as a talent says it (a talents' review, session 63, L4):
"aku dancer sih actually, cover kpop 💃", the FAQ's own example, was refused."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, at_question, draft_answers, label, shown, where

BACK = CONTENT.text(Text.BTN_BACK, "id")


async def test_a_role_no_button_names_said_in_a_sentence_is_lainnya_with_that_role(
    bot: Harness,
) -> None:
    """L4: "aku dancer sih actually, cover kpop 💃" at the role question got "pick a button",
    though the FAQ tells a dancer to pick Lainnya and write "dancer, cover K-pop", and
    "sound enginer (recording, mixing)" was taken as Lainnya. It is Lainnya, with the role
    without the chat around it, said (undone with Back); a sentence naming a listed role
    picks that role."""
    user = await at_question(bot, "music_role")
    other = label("music_role", "other_music_role")
    [said] = await bot.send(user, "aku dancer sih actually, cover kpop 💃")
    assert said.text.startswith(
        shown(Text.INTAKE_OTHER_TAKEN, other=other, answer="dancer, cover kpop")
    )
    stored = await draft_answers(bot, user)
    assert stored["music_role"] == "other_music_role"
    assert stored["music_role_other"] == "dancer, cover kpop"
    assert await where(bot, user) == "genres"
    await bot.press(user, BACK)  # to "which one?", skippable, then to the role
    await bot.press(user, BACK)
    assert await where(bot, user) == "music_role"
    for typed, role in (
        ("aku vokalis sih actually 🎤", "solo_artist"),
        ("gue drummer wkwk", "instrumentalist"),
    ):
        [said] = await bot.send(user, typed)
        assert said.text.startswith(shown(Text.INTAKE_TAKEN, taken=label("music_role", role)))
        assert (await draft_answers(bot, user))["music_role"] == role, typed
        await bot.press(user, BACK)
    # In English too, as "sound enginer (recording, mixing)" already was.
    english = await at_question(bot, "music_role", "en")
    other_en = label("music_role", "other_music_role", "en")
    [said] = await bot.send(english, "I'm a dancer lol, mostly k-pop covers 💃")
    answer = "dancer, mostly k-pop covers"
    assert said.text.startswith(shown(Text.INTAKE_OTHER_TAKEN, "en", other=other_en, answer=answer))
    assert (await draft_answers(bot, english))["music_role_other"] == answer
    # A question about dancers, with no "?", is no role: nothing stored, a button asked for.
    asking = await at_question(bot, "music_role")
    for typed in ("dancer bisa daftar ga", "penari termasuk ga"):
        await bot.send(asking, typed)
        assert await where(bot, asking) == "music_role", typed
        assert "music_role_other" not in await draft_answers(bot, asking), typed
