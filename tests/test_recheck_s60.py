"""What the re-check of session 60 found in small things: an okay said "in that case" outside
the form, a number alone as a full name, the /dataku summary silent on the kept under-18
note."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import shown


async def test_an_okay_in_that_case_is_an_okay(bot: Harness) -> None:
    """L1: "oke lah kalo gitu" got "Maaf, aku belum punya jawaban untuk itu…" (a question
    with no answer); it gets what "ok" gets. A question after "kalau gitu" is still one."""
    rina = bot.user(first_name="Rina")
    for okay in ("oke lah kalo gitu", "yaudah kalau gitu kak", "oke lah"):
        [reply] = await bot.send(rina, okay)
        assert reply.text == shown(Text.ASK_OKAY), okay
    [asked] = await bot.send(rina, "kalau gitu perlu bisa bahasa Korea ga?")
    assert asked.text != shown(Text.ASK_OKAY)
