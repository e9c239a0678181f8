"""What an attacker found in the form's readings of session 55 (findings 1 to 7, 10, 12): a
send typed before the review was seen, text at the programs taken as the rest of the works, "aja"
and "bukan" anywhere, and names cut inside sentences."""

from __future__ import annotations

import pytest

from bot.content_checks import SELECTED_MARK
from bot.emulator import EmulatedUser
from bot.texts import Text
from tests.harness import Harness
from tests.leads import at_question, draft_answers, label, seen, shown, where


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


async def _ticked(bot: Harness, user: EmulatedUser) -> list[str]:
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None
    return list(draft.pending or [])


async def _tick(bot: Harness, user: EmulatedUser, key: str, wanted: list[str]) -> None:
    """Press the question's buttons until exactly `wanted` is ticked."""
    for value in {*wanted, *await _ticked(bot, user)}:
        now = await _ticked(bot, user)
        if (value in wanted) != (value in now):
            mark = SELECTED_MARK if value in now else ""
            await bot.press(user, mark + label(key, value))
    assert sorted(await _ticked(bot, user)) == sorted(wanted)


_ID, _EN = "indonesian", "english"
_BOTH = [_ID, _EN]
_INGGRIS, _INDONESIA = "Bahasa Inggris", "Bahasa Indonesia"
_TICKED = shown(Text.INTAKE_TICKED, ticked=_INGGRIS)
_ONLY = shown(Text.INTAKE_TICKED_ONLY, ticked=_INGGRIS, unticked=_INDONESIA)
_UNTICKED = shown(Text.INTAKE_UNTICKED, unticked=_INGGRIS)


@pytest.fixture
async def at_languages(bot: Harness) -> EmulatedUser:
    return await at_question(bot, "languages")


@pytest.mark.parametrize(
    ("ticked", "typed", "after", "said"),
    [
        # An attacker's inputs: "cuma", "hanya", "bukan cuma", "jangan lupa" in a sentence
        # untick nothing (nor is "Tapi cuma" offered as a language to add).
        ([_ID], "Inggris, tapi cuma sedikit", _BOTH, _TICKED),
        ([_ID], "Inggris juga bisa walau hanya sedikit", _BOTH, _TICKED),
        ([_ID], "Bukan cuma Indonesia, aku juga bisa Inggris", [_ID], None),
        (_BOTH, "jangan lupa inggris ya kak", _BOTH, None),
        (_BOTH, "bukan hanya inggris", _BOTH, None),
        (_BOTH, "aku cuma lancar inggris", _BOTH, _TICKED),
        # Nothing but the choice and its word: only it (what was unticked said), or not it.
        (_BOTH, "Inggris aja", [_EN], _ONLY),
        (_BOTH, "cuma bahasa inggris kak", [_EN], _ONLY),
        (
            [_ID],
            "hanya indonesia dan inggris",
            _BOTH,
            shown(Text.INTAKE_TICKED, ticked=f"{_INDONESIA}, {_INGGRIS}"),
        ),
        (_BOTH, "bukan inggris", [_ID], _UNTICKED),
        (_BOTH, "inggris ga jadi", [_ID], _UNTICKED),
        (_BOTH, "ga jadi inggris kak", [_ID], _UNTICKED),
    ],
)
async def test_only_and_not_change_the_ticks_only_when_the_message_says_nothing_else(
    bot: Harness,
    at_languages: EmulatedUser,
    ticked: list[str],
    typed: str,
    after: list[str],
    said: str | None,
) -> None:
    """Finding 7: "cuma"/"hanya" anywhere cleared the other ticks ("Inggris, tapi cuma
    sedikit" unticked Indonesian), and "bukan cuma X", "jangan lupa X" unticked X."""
    user = at_languages
    await _tick(bot, user, "languages", ticked)
    [reply] = await bot.send(user, typed)
    assert sorted(await _ticked(bot, user)) == sorted(after), typed
    assert await where(bot, user) == "languages"
    if said is None:  # nothing read from it: the buttons, as before
        assert shown(Text.INTAKE_USE_BUTTONS_MULTI_OR_OTHER, other="Lainnya") in reply.text
    else:
        assert reply.text.startswith(said), reply.text
