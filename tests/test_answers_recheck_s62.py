"""The recheck of session 62's reviews (H3 in English, N3, L3): a mother writing in English
from her son's account, a registered account asking about registering someone else, a lone
"choir", through the emulator."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, shown

PARENTS = CONTENT.faq["parents"]
AFTER_REGISTERING = CONTENT.faq["after_registering"]


def title(reply_text: str) -> str:
    """The first line of a reply: the page's question or title."""
    return reply_text.split("\n")[0]


async def test_a_mother_writing_in_english_gets_the_parents_page(bot: Harness) -> None:
    """H3, in English: "Hello, I'm Kevin's mother. He is only 16, not 18. Please cancel his
    registration." from her son's registered account got "Registered: when will I hear
    back?", which says nothing of his age or her consent. "Mother", "mom", "dad" say a
    parent writes, as "ibunya" does: the parents' page, with how to correct or cancel."""
    kevin = bot.user(first_name="Kevin", language_code="en")
    await apply(bot, kevin, MUSICIAN, language="en")
    [answer] = await bot.send(
        kevin, "Hello, I'm Kevin's mother. He is only 16, not 18. Please cancel his registration."
    )
    assert title(answer.text) == PARENTS.question.en
    assert "type /status and press 🚫 Cancel" in answer.text
    assert "choose Update my registration to correct the age" in answer.text
    assert CONTENT.text(Text.BTN_ASK, "en") in answer.button_texts
    mom = bot.user(first_name="Kevin", language_code="en")  # an account of its own
    [answer] = await bot.send(mom, "I'm his mom, he's 15, he registered without my consent")
    assert title(answer.text) == PARENTS.question.en
    # A talent's own cancel is still "when will I hear back?", which says how.
    [own] = await bot.send(bot.user(language_code="en"), "please cancel my registration")
    assert title(own.text) == AFTER_REGISTERING.question.en


async def test_a_registered_account_asking_about_another_is_told_how_to_register_them(
    bot: Harness,
) -> None:
    """N3: a registered account asking about registering someone else ("anak saya umurnya 15
    tahun, bisa daftar?") read only "Kamu sudah terdaftar (KOC-…)" where the page had said
    "Mau mulai? Ketik /daftar": the way to register the child was gone. The line still says
    the talent is registered, and how to register another person."""
    kevin = bot.user(first_name="Kevin")
    reference = await apply(bot, kevin, MUSICIAN)
    [answer] = await bot.send(kevin, "anak saya umurnya 15 tahun, bisa daftar?")
    assert reference in answer.text
    new = CONTENT.text(Text.BTN_NEW_REGISTRATION, "id")
    assert f"Ketik /daftar lalu pilih {new}" in answer.text
    grace = bot.user(first_name="Grace", language_code="en")
    reference = await apply(bot, grace, MUSICIAN, language="en")
    [answer] = await bot.send(grace, "Who can register, and is it free?")
    assert reference in answer.text
    assert f"Type /register and choose {CONTENT.text(Text.BTN_NEW_REGISTRATION, 'en')}" in (
        answer.text
    )
    # Which is what /daftar offers a registered account.
    [offer] = await bot.send(kevin, "/daftar")
    assert new in offer.button_texts


async def test_a_lone_choir_is_offered_who_can_register(bot: Harness) -> None:
    """L3: "choir" alone (or "drummer") got "Maaf, aku belum punya jawaban": a role with
    nothing asked is offered "Siapa bisa daftar?", not answered with it (it may be meant
    otherwise). "paduan suara apa itu?" asks what a choir is, which no page answers."""
    who = CONTENT.faq["who_can_apply"].question.id
    for typed in ("choir", "drummer?"):
        [offer] = await bot.send(bot.user(first_name="Tigor"), typed)
        assert offer.text == CONTENT.text(Text.ASK_NOT_SURE_ONE, "id"), typed
        assert who in offer.button_texts, typed
    [nothing] = await bot.send(bot.user(first_name="Tigor"), "paduan suara apa itu?")
    assert nothing.text.startswith(shown(Text.ASK_NOTHING))
    assert who not in nothing.button_texts
