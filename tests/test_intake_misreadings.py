"""Five small misreadings left in session 57's notes, read as the talent or staff meant them: a
"bro" before a "ya" at the city, a role corrected at the genres with a genre in the sentence,
a phone remark cut inside an emoji, ticked items listed with "dan"/"and", and "musisi" in a
lead search."""

from __future__ import annotations

import random
from typing import Any

import pytest

from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    MUSICIAN,
    Seed,
    at_question,
    draft_answers,
    label,
    realistic,
    seeded,
    shown,
    where,
)
from tests.test_pipeline import admin_of
from tests.workspace import workspace


async def ticked(bot: Harness, user: Any) -> list[str]:
    """What is ticked at the multiple choice shown, Done not pressed yet."""
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None
    return list(draft.pending or [])


@pytest.mark.parametrize(
    ("typed", "province", "city"),
    [
        # A re-check: stored as "makassar bro"; capitalised since (a review, s60).
        ("makassar bro ya", "sulawesi_selatan", "Makassar"),
        ("jakarta kak ya", "dki_jakarta", "Jakarta"),
        ("bandung ya bro", "jawa_barat", "Bandung"),
        ("makassar lah bro ya", "sulawesi_selatan", "Makassar"),
    ],
)
async def test_chat_words_after_the_city_are_not_kept_whatever_their_order(
    bot: Harness, typed: str, province: str, city: str
) -> None:
    user = await at_question(bot, "city", answers={**MUSICIAN, "province": province})
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["city"] == city


_FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # a family: 7 code points
_KOREA = "\U0001f1f0\U0001f1f7"  # 🇰🇷: two regional indicators


@pytest.mark.parametrize(
    ("remark", "said"),
    [
        # 66 code points, 24 characters as people see them: said whole, not cut in a family.
        (f"kakaotalk:jiyeonk{_FAMILY * 7}", f"kakaotalk:jiyeonk{_FAMILY * 7}"),
        # 60 characters and more: cut between two flags, never inside one.
        (f"line:jiyeonk{_KOREA * 60}", f"line:jiyeonk{_KOREA * 48}…"),
    ],
)
async def test_a_phone_remark_is_never_cut_inside_an_emoji(
    bot: Harness, remark: str, said: str
) -> None:
    """A re-check: the remark beside a phone number, said as not kept, was cut at 60 code
    points, inside a ZWJ sequence or a flag."""
    user = await at_question(bot, "phone")
    [reply] = await bot.send(user, f"0812 3456 7801 {remark}")
    assert (await draft_answers(bot, user))["phone"] == "+6281234567801"
    assert reply.text.startswith(shown(Text.INTAKE_PHONE_REMARK, remark=said))


async def test_a_role_corrected_at_the_genres_with_a_genre_in_it_is_offered_nothing_taken(
    bot: Harness,
) -> None:
    """A talents' review (H4), still refused at a re-check: "eh salah bro, kita grup hiphop
    bukan kru" at the genres, after "kru panggung" (Lainnya) at the role. The role's change is
    offered; nothing is stored nor ticked (the message is said not kept); pressed, the role
    is asked, and the genres come again."""
    kevin = await at_question(bot, "music_role")
    await bot.send(kevin, "kru panggung")
    assert (await draft_answers(bot, kevin))["music_role"] == "other_music_role"
    assert await where(bot, kevin) == "genres"
    role = CONTENT.questions["music_role"].label.id
    group = label("music_role", "band_group")
    change = CONTENT.text(Text.BTN_CHANGE_EARLIER, "id", field=role)
    [offer] = await bot.send(kevin, "eh salah bro, kita grup hiphop bukan kru")
    assert offer.text.startswith(shown(Text.INTAKE_PICKED_WRONG, field=role, choice=group))
    assert change in offer.button_texts
    assert await where(bot, kevin) == "genres"
    assert not await ticked(bot, kevin)  # hip-hop not ticked unasked
    assert (await draft_answers(bot, kevin))["music_role"] == "other_music_role"
    await bot.press(kevin, change)
    assert await where(bot, kevin) == "music_role"
    await bot.press(kevin, group)
    assert (await draft_answers(bot, kevin))["music_role"] == "band_group"
    assert await where(bot, kevin) == "genres"
    # "Salah satu" says "one of": no correction, the genres ticked as typed.
    rani = await at_question(bot, "genres", answers={**MUSICIAN, "music_role": "solo_artist"})
    await bot.send(rani, "pop, rock, salah satu band favoritku dewa")
    assert await ticked(bot, rani) == ["pop", "rock"]


async def test_a_search_for_musisi_or_filmmaker_finds_the_leads_of_that_field(
    bot: Harness, staff_chat: Any
) -> None:
    """A staff re-check: a lead search for "musisi" found nobody, where "musik" found the
    musicians; the words the form reads a field by name it in a search too."""
    rng = random.Random(58)
    await seeded(
        bot.database,
        [
            Seed(7801, {**realistic(rng, "music"), "full_name": "Putu Ayu"}),
            Seed(7802, {**realistic(rng, "film"), "full_name": "Jessica Tan"}),
        ],
    )
    admin = admin_of(staff_chat)
    [page] = await bot.send(admin, "/lead Musisi")  # one found: its page
    assert "KOC-000001" in page.text and "KOC-000002" not in page.text
    async with workspace(bot, ADMIN_ID) as client:
        found = await client.ok("leads", {"filter": {"q": "filmmaker"}})
    assert [row["reference"] for row in found["rows"]] == ["KOC-000002"]
    assert found["places"] == [shown(Text.LEAD_SEARCH_SECTOR, words="filmmaker", sector="Film")]


@pytest.mark.parametrize(
    ("language", "typed", "ticked"),
    [
        ("id", "pop, rock", "Pop dan Rock"),  # a re-check: "Pop, Rock"
        ("id", "pop, rock, jazz", "Pop, Rock, dan Jazz"),
        ("en", "pop, rock", "Pop and Rock"),
        ("en", "pop, rock, jazz", "Pop, Rock and Jazz"),
    ],
)
async def test_ticked_choices_are_listed_as_each_language_lists_them(
    bot: Harness, language: str, typed: str, ticked: str
) -> None:
    user = await at_question(bot, "genres", language)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_TICKED, language, ticked=ticked))
    # Unticked, the same: "bukan pop dan rock" takes both back.
    [reply] = await bot.send(user, "bukan pop dan rock" if language == "id" else "not pop and rock")
    unticked = "Pop dan Rock" if language == "id" else "Pop and Rock"
    assert reply.text.startswith(shown(Text.INTAKE_UNTICKED, language, unticked=unticked))
