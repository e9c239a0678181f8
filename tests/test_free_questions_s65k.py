"""Session 65's new talents (review F3, F6) asked in their own words and missed, through the
emulator: a band question ending in "ya" switched the chat to English and got "What should I
prepare?"; "dangdut koplo" got "not sure" though "Siapa bisa daftar?" names dangdut; a trailer
sent after registering got the K-pop page offered; a Sundanese greeting with the talent's name
was offered to staff as a question; "pendaftaran kedua" and "daftar ulang" got "Siapa bisa
daftar?", which says nothing of a second registration."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT

WHO = CONTENT.faq["who_can_apply"]
SEND_WORK = CONTENT.faq["showreel_links"]
AGAIN = CONTENT.faq["register_again"]


def title(reply_text: str) -> str:
    """The first line of a reply: the entry's question."""
    return reply_text.split("\n")[0]


async def test_a_band_asking_in_mixed_words_keeps_its_language_and_is_offered_who_may_register(
    bot: Harness,
) -> None:
    """ "btw can we submit as a band ya?" from an Indonesian account: "ya" is Indonesian, so
    the message is mixed and the chat stays Indonesian; "Siapa bisa daftar?" (bands register
    too) is offered first, no longer the preparation page as the answer."""
    replies = await bot.send(bot.user(first_name="Nadia"), "btw can we submit as a band ya?")
    assert not any(CONTENT.text(Text.LANGUAGE_FOLLOWED, "en") in r.text for r in replies)
    [offer] = replies
    assert offer.text.startswith(CONTENT.text(Text.ASK_NOT_SURE, "id"))
    assert offer.button_texts[0] == WHO.question.id


async def test_a_genre_and_a_trailer_after_registering_get_their_pages(bot: Harness) -> None:
    """Dangdut koplo gets "Siapa bisa daftar?" (it names dangdut); another trailer after
    registering gets the page on sending work, which says how to add a link once registered."""
    [answer] = await bot.send(
        bot.user(first_name="Wulan"), "sy nyanyi dangdut koplo itu masuk gk kak"
    )
    assert title(answer.text) == WHO.question.id
    assert "dari pop, dangdut, dan rap" in answer.text
    [answer] = await bot.send(
        bot.user(first_name="Togar"), "Apakah saya bisa melampirkan trailer lain setelah mendaftar?"
    )
    assert title(answer.text) == SEND_WORK.question.id
    assert "Sudah terdaftar? Ketik /daftar lalu pilih" in answer.text
    grace = bot.user(first_name="Grace", language_code="en")
    [answer] = await bot.send(grace, "Can I attach another trailer after registering?")
    assert title(answer.text) == SEND_WORK.question.en
    assert "Already registered? Type /register and choose" in answer.text


async def test_registering_again_in_short_words_gets_its_page(bot: Harness) -> None:
    """ "pendaftaran kedua bisa?" and "boleh daftar ulang?" get the register-again page."""
    for typed in ("pendaftaran kedua bisa?", "boleh daftar ulang?"):
        [answer] = await bot.send(bot.user(first_name="Bayu"), typed)
        assert title(answer.text) == AGAIN.question.id, typed
        assert "Satu pendaftaran untuk satu bidang" in answer.text


async def test_a_sundanese_greeting_with_the_talents_name_is_a_greeting(bot: Harness) -> None:
    """ "punten kang, abdi Ferdi ti Bandung" says hello, who and where from: greeted back, not
    "no answer" with an offer to send it to staff; "sampurasun" greets as "punten" does. A
    name said beside a question still asks it."""
    for typed in (
        "punten kang, abdi Ferdi ti Bandung",
        "sampurasun kang",
        "halo kak, saya Dimas",
        "halo kak, saya Ira dari Medan",  # a short name is no typo of "kira"
    ):
        [answer] = await bot.send(bot.user(first_name="Ferdi"), typed)
        assert answer.text.startswith("Halo, Ferdi! 👋 Ada yang bisa kubantu?"), typed
        assert "belum punya jawaban" not in answer.text, typed
    [answer] = await bot.send(bot.user(first_name="Ferdi"), "punten kang, abdi Ferdi, gratis teu?")
    assert title(answer.text) == WHO.question.id
    jess = bot.user(first_name="Jess", language_code="en")
    [answer] = await bot.send(jess, "hi, I'm Jess from Bali")
    assert answer.text.startswith("Hi, Jess! 👋 How can I help?")
