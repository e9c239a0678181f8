"""Names typed as a talent says them (a talents' review, session 63): a stage name introduced
in Papuan, Kupang or mixed English ("sa pu nama panggung Mace Yoya", "stage name aku D-Mas
wkwk", M4), an academic title's dot and an emoji after a full name (L5)."""

from __future__ import annotations

from typing import Any

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, at_question, draft_answers, fill, shown, where

BACK = CONTENT.text(Text.BTN_BACK, "id")


async def test_a_stage_name_introduced_in_a_sentence_is_the_name_said_back(
    bot: Harness, staff_chat: Any
) -> None:
    """M4: "sa pu nama panggung Mace Yoya" was kept as "panggung Mace Yoya" (in the summary,
    the staff alert and /status), "stage name aku D-Mas wkwk" and "nama panggungku Mace Yoya"
    whole. The introduction and the laughter after the name are cut, and what is kept is said,
    as at the full name."""
    user = await at_question(bot, "full_name")
    # A stage name's introduction at the full name is still asked back, nothing stored.
    [asked] = await bot.send(user, "sa pu nama panggung Mace Yoya")
    assert asked.text.startswith(shown(Text.INTAKE_NAME_UNSURE))
    assert "full_name" not in await draft_answers(bot, user)
    await bot.send(user, "Yohana Wenda")
    assert await where(bot, user) == "stage_name"
    for typed, name in (
        ("beta pung nama panggung Mace Yoya", "Mace Yoya"),
        ("nama panggungku Mace Yoya", "Mace Yoya"),
        ("nama panggung saya Mace Yoya hehe", "Mace Yoya"),
        ("stage name aku D-Mas wkwk", "D-Mas"),
        ("my stage name is D-Mas lol", "D-Mas"),
    ):
        [said] = await bot.send(user, typed)
        assert said.text.startswith(shown(Text.INTAKE_TAKEN, taken=name)), typed
        assert (await draft_answers(bot, user))["stage_name"] == name, typed
        await bot.press(user, BACK)
        assert await where(bot, user) == "stage_name"
    # The name alone with laughter after it: the laughter is no part of it either.
    await bot.send(user, "D-Mas wkwkwk")
    assert (await draft_answers(bot, user))["stage_name"] == "D-Mas"
    await bot.press(user, BACK)
    [said] = await bot.send(user, "sa pu nama panggung Mace Yoya")
    assert said.text.startswith(shown(Text.INTAKE_TAKEN, taken="Mace Yoya"))
    # Sent: the summary and staff read the stage name, not "panggung Mace Yoya".
    await fill(bot, user, MUSICIAN)
    assert "Mace Yoya" in user.last_message.text
    assert "panggung Mace Yoya" not in user.last_message.text
    await bot.press(user, CONTENT.text(Text.BTN_SUBMIT, "id"))
    alert = staff_chat.last_message.text
    assert "Mace Yoya" in alert and "panggung Mace Yoya" not in alert


async def test_a_full_name_keeps_its_title_dot_and_drops_an_emoji(bot: Harness) -> None:
    """L5: "Rizal Syahputra, S.Sn." was stored without the title's last dot, and "Dimas
    Anggara Putra 😎" with the emoji, which staff saw. The title keeps its dot; the emoji is
    left out, and the name kept is said."""
    user = await at_question(bot, "full_name")
    for typed in ("Rizal Syahputra, S.Sn.", "Rizal Syahputra, M.Sn.", "Dr. Rizal Syahputra, S.E."):
        await bot.send(user, typed)
        assert (await draft_answers(bot, user))["full_name"] == typed
        await bot.press(user, BACK)
    [said] = await bot.send(user, "Dimas Anggara Putra 😎")
    assert said.text.startswith(shown(Text.INTAKE_TAKEN, taken="Dimas Anggara Putra"))
    assert (await draft_answers(bot, user))["full_name"] == "Dimas Anggara Putra"
    await bot.press(user, BACK)
    # A sentence's own full stop still goes.
    await bot.send(user, "Cut Nyak Meutia.")
    assert (await draft_answers(bot, user))["full_name"] == "Cut Nyak Meutia"
