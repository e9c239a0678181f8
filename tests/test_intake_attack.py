"""What an attacker found in the form's readings of session 55 (findings 1 to 7, 10 and 12): a send
typed before the review was seen, text at the programs taken as the rest of the works, "aja"
and "bukan" anywhere, and names cut inside sentences."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import at_question, draft_answers, seen, shown, where


async def test_a_send_typed_before_the_review_was_seen_shows_the_review_again(
    bot: Harness,
) -> None:
    """Finding 6: "Kirim kang" twice at once at the last question stored "Kirim kang" as the
    note and sent the registration under a review the talent never saw."""
    user = await at_question(bot, "message")
    await bot.send(user, "Kirim kang")  # at the optional note: Skip, never a note
    assert await where(bot, user) == "review"
    assert (await draft_answers(bot, user)).get("message") is None
    [again] = await bot.send(user, "Kirim kang")  # the second, sent with the first
    assert again.text.startswith(shown(Text.INTAKE_REVIEW_FIRST))
    assert await where(bot, user) == "review"
    await seen(bot, user)  # read, then typed: sends
    await bot.send(user, "kirim")
    assert await where(bot, user) is None
    assert any("KOC-" in message.text for message in user.messages[-3:])
    # A note, then "Send" sent with it: the note is kept, nothing sent.
    user = await at_question(bot, "message")
    await bot.send(user, "Semoga lolos kak")
    [again] = await bot.send(user, "Send")
    assert again.text.startswith(shown(Text.INTAKE_REVIEW_FIRST))
    assert (await draft_answers(bot, user))["message"] == "Semoga lolos kak"
    # "oke kirim" at another optional text is its Skip too.
    user = await at_question(bot, "stage_name")
    await bot.send(user, "oke kirim")
    assert await where(bot, user) == "music_role"
    assert (await draft_answers(bot, user)).get("stage_name") is None
