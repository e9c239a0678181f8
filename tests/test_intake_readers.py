"""The form's name, link, stage-name and e-mail readers, as five talents typed at them in a
review (session 56): a manager's "Nama artis saya …", a video password after the link, a
solo name beside a collective's, a comma for the e-mail's dot."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, at_question, draft_answers, shown, where


async def test_a_name_said_with_whose_it_is_is_the_name(bot: Harness) -> None:
    """H2: at the full name, whose hint invites filling in for someone else, a manager's
    "Nama artis saya Galih Prasetyo" was stored whole. Whose name it is is cut like "nama
    saya", and said ("✅ Kucatat: Galih Prasetyo")."""
    user = await at_question(bot, "full_name")
    back = CONTENT.text(Text.BTN_BACK, "id")
    for typed in (
        "Nama artis saya Galih Prasetyo",
        "nama artisnya Galih Prasetyo",
        "Nama lengkap artis saya Galih Prasetyo",
        "nama klien saya Galih Prasetyo",
        "nama anak saya Galih Prasetyo",
        "her name is Galih Prasetyo",
        "my artist's name is Galih Prasetyo",
        "nama lengkapnya Galih Prasetyo",
        "Saya manajernya, nama artis saya Galih Prasetyo",
    ):
        [said] = await bot.send(user, typed)
        assert "Kucatat: Galih Prasetyo." in said.text and typed not in said.text, typed
        assert (await draft_answers(bot, user))["full_name"] == "Galih Prasetyo", typed
        await bot.press(user, back)
        assert await where(bot, user) == "full_name"
    # Two people's names in one message: which one the form is for is asked, nothing stored.
    stored = (await draft_answers(bot, user))["full_name"]
    [asked] = await bot.send(user, "Nama saya Wulan, nama artis saya Galih Prasetyo")
    assert asked.text.startswith(shown(Text.INTAKE_NAME_UNSURE))
    assert (await draft_answers(bot, user))["full_name"] == stored
