"""A "[" or "]" in an answer (an attacker's review, session 57, H1): urlsplit refused the word as a
link's host ("Invalid IPv6 URL") and every text question answered with the apology, again at
each resend. A word that is no link is just not a link: the answer goes through the checks."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import at_question, draft_answers, shown, where

# What talents write: an anti-spam address, a year in brackets, a bracketed handle, a lone "[".
_KEPT = [
    ("full_name", "Sari [Dewi] Lestari", "stage_name"),
    ("stage_name", "Sari [The Monsoons]", "music_role"),
    ("city", "Bandung [Jawa Barat]", "experience_years"),
    ("other_links", "IG:[sari.music]", "notable_works"),
    ("notable_works", "Album[2024] tur 12 kota", "programs_of_interest"),
    ("message", "Album[2024] semoga lolos", "review"),
]
_REFUSED = [
    ("portfolio_url", "[", Text.INTAKE_BAD_URL),
    ("portfolio_url", "]", Text.INTAKE_BAD_URL),
    ("email", "sari.music[at]gmail.com", Text.INTAKE_BAD_EMAIL),
    ("email", "a@[1.2.3.4]", Text.INTAKE_BAD_EMAIL),
]


async def test_a_bracketed_word_is_kept_as_typed_and_the_form_goes_on(bot: Harness) -> None:
    apology = shown(Text.ERROR_APOLOGY)
    for key, text, following in _KEPT:
        user = await at_question(bot, key)
        replies = await bot.send(user, text)
        assert all(apology not in reply.text for reply in replies), (key, text)
        assert await where(bot, user) == following, (key, text, replies[-1].text)
        assert (await draft_answers(bot, user))[key] == text


async def test_a_bracketed_word_at_a_link_or_an_address_gets_the_usual_hint(
    bot: Harness,
) -> None:
    for key, text, hint in _REFUSED:
        user = await at_question(bot, key)
        [reply] = await bot.send(user, text)
        assert reply.text.startswith(shown(hint)), (key, text, reply.text)
        assert await where(bot, user) == key
