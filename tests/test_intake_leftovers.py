"""An attacker's findings in the form's readers (session 56): what a typed list leaves over
("wkwk", "makasih") is never stored as "Lainnya", a link at the works is the works, a typed
button's label at a free-text question is said, misspelt short choices are asked about."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    at_question,
    draft_answers,
    label,
    shown,
    where,
)


async def _pending(bot: Harness, user_id: int) -> list[str]:
    draft = await bot.store.applications.draft_for(user_id)
    assert draft is not None
    return list(draft.pending or [])


async def test_chat_and_thanks_after_the_choices_are_never_lainnya(bot: Harness) -> None:
    """H1: "Pop, rock, wkwk" stored "Genre lain: Wkwk"; "Pop dan rock, makasih kak. Itu saja"
    reached staff as "Genre lain: Makasih", unsaid. Chat, thanks and laughter are left out;
    a word of who the talent is ("pelajar") is said as not ticked, never stored; a real word
    for Lainnya with "Itu saja" is said in the "Kucatat"."""
    ticked = f"{label('genres', 'pop')}, {label('genres', 'rock')}"
    for typed in ("Pop, rock, wkwk", "Pop, rock, hehe", "Pop dan rock, thanks", "Pop, rock, dsb"):
        user = await at_question(bot, "genres")
        [reply] = await bot.send(user, typed)
        assert reply.text.startswith(shown(Text.INTAKE_TICKED, ticked=ticked)), typed
        assert await _pending(bot, user.id) == ["pop", "rock"], typed
    user = await at_question(bot, "genres")
    [reply] = await bot.send(user, "Pop dan rock, makasih kak. Itu saja")
    assert reply.text.startswith(shown(Text.INTAKE_TAKEN, taken=ticked))
    stored = await draft_answers(bot, user)
    assert stored["genres"] == ["pop", "rock"]
    assert "genres_other" not in stored
    for typed in ("Pop, rock, semua", "Pop, rock, banyak"):
        user = await at_question(bot, "genres")
        [reply] = await bot.send(user, typed)
        assert "genres_other" not in await draft_answers(bot, user), typed
        assert await _pending(bot, user.id) == ["pop", "rock"], typed
    user = await at_question(bot, "languages")
    [reply] = await bot.send(user, "Indonesia, inggris, pelajar")
    languages = f"{label('languages', 'indonesian')}, {label('languages', 'english')}"
    said = shown(
        Text.INTAKE_TICKED_LEFT_OTHER,
        ticked=languages,
        left="Pelajar",
        other=label("languages", "other"),
    )
    assert reply.text.startswith(said)
    assert "languages_other" not in await draft_answers(bot, user)
    # A plausible word still fills Lainnya, and with "Itu saja" it is said.
    user = await at_question(bot, "genres")
    [reply] = await bot.send(user, "Indie, rock, shoegaze. Itu saja")
    other = label("genres", "other")
    taken = f"{label('genres', 'indie')}, {label('genres', 'rock')}, {other} (Shoegaze)"
    assert reply.text.startswith(shown(Text.INTAKE_TAKEN, taken=taken))
    assert (await draft_answers(bot, user))["genres_other"] == "Shoegaze"
    assert await where(bot, user) != "genres"
