"""A returning talent with a second band (review s65 newstaff, 2), through the emulator:
"boleh daftar lagi?" and "boleh daftar lagi buat band satunya?" got the long "Siapa bisa
daftar?" page, not "Boleh kirim pendaftaran kedua?"; at the update-or-new choice after /daftar,
whose line named only another field, "yg buat band satunya kak" got "not sure" and the choice
scrolled away."""

from __future__ import annotations

import pytest

from bot.leads.change_wish import asks_about_the_choice
from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, shown, where

AGAIN = CONTENT.faq["register_again"]
WHO = CONTENT.faq["who_can_apply"]


def title(reply_text: str) -> str:
    """The first line of a reply: the entry's question."""
    return reply_text.split("\n")[0]


async def test_asking_to_register_again_gets_the_second_registration_page(bot: Harness) -> None:
    """In both languages, before and after registering; "kami berdua" (two people) still gets
    who may register."""
    [answer] = await bot.send(bot.user(first_name="Bayu"), "boleh daftar lagi?")
    assert title(answer.text) == AGAIN.question.id
    grace = bot.user(first_name="Grace", language_code="en")
    [answer] = await bot.send(grace, "can I register again for my other band?")
    assert title(answer.text) == AGAIN.question.en
    dimas = bot.user(first_name="Dimas")
    await apply(bot, dimas, MUSICIAN)
    [answer] = await bot.send(dimas, "boleh daftar lagi buat band satunya?")
    assert title(answer.text) == AGAIN.question.id
    assert "mendaftarkan band atau artis lain" in answer.text
    [answer] = await bot.send(bot.user(first_name="Sekar"), "kak kami berdua mau daftar bisa?")
    assert title(answer.text) == WHO.question.id


async def test_another_band_at_the_update_or_new_choice_keeps_the_choice(bot: Harness) -> None:
    """The choice names another band or artist; "yg buat band satunya kak" typed under it
    shows it again, its note saying a new registration is for another band, and "New
    registration" begins one."""
    dimas = bot.user(first_name="Dimas")
    reference = await apply(bot, dimas, MUSICIAN)
    [choice] = await bot.send(dimas, "/daftar")
    assert "band atau artis lain" in choice.text
    [reply] = await bot.send(dimas, "yg buat band satunya kak")
    assert reply.text.startswith(shown(Text.UPDATE_CHOOSE_EXPLAINED))
    assert "band atau artis lain" in reply.text
    assert reference in reply.text
    assert await bot.store.applications.draft_for(dimas.id) is None  # nothing begun yet
    await bot.press(dimas, shown(Text.BTN_NEW_REGISTRATION))
    assert await where(bot, dimas) == "sector"


@pytest.mark.parametrize(
    ("typed", "about_the_choice"),
    [
        ("yg buat band satunya kak", True),
        ("for my other band", True),
        ("buat artis lain kak", True),
        # With a word of registering: the register-again page answers it.
        ("boleh daftar lagi buat band satunya?", False),
        # A question about other acts, not a second registration.
        ("band lain yang ikut mucon siapa aja?", False),
    ],
)
def test_another_act_is_read_as_the_choice_only_when_nothing_else_is_asked(
    typed: str, about_the_choice: bool
) -> None:
    assert asks_about_the_choice(typed) is about_the_choice
