"""What the re-check of session 60 found in small things: an okay said "in that case" outside
the form, a number alone as a full name, the /dataku summary silent on the kept under-18
note."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import at_question, draft_answers, shown, where


async def test_an_okay_in_that_case_is_an_okay(bot: Harness) -> None:
    """L1: "oke lah kalo gitu" got "Maaf, aku belum punya jawaban untuk itu…" (a question
    with no answer); it gets what "ok" gets. A question after "kalau gitu" is still one."""
    rina = bot.user(first_name="Rina")
    for okay in ("oke lah kalo gitu", "yaudah kalau gitu kak", "oke lah"):
        [reply] = await bot.send(rina, okay)
        assert reply.text == shown(Text.ASK_OKAY), okay
    [asked] = await bot.send(rina, "kalau gitu perlu bisa bahasa Korea ga?")
    assert asked.text != shown(Text.ASK_OKAY)


async def test_a_number_alone_is_no_full_name(bot: Harness) -> None:
    """L2: a bare "4" (a button's number typed one step late) was kept as the full name,
    "Nama lengkap: 4" on the review. Digits alone are asked in letters, however often sent."""
    wayan = await at_question(bot, "full_name")
    for typed in ("4", "12", "123", "12", "0812 3456"):
        [asked] = await bot.send(wayan, typed)
        assert asked.text.startswith(shown(Text.INTAKE_SYMBOLS_ONLY)), typed
        assert await where(bot, wayan) == "full_name"
    assert "full_name" not in await draft_answers(bot, wayan)
    await bot.send(wayan, "I Wayan Sudarsana 2")
    assert (await draft_answers(bot, wayan))["full_name"] == "I Wayan Sudarsana 2"
