"""The talents' review of session 62, left over by the form's fixers: words beside the work's
link said as not stored (L1), an email typed at a question of buttons before its own (L10)."""

from __future__ import annotations

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import MUSICIAN, at_question, draft_answers, editing, shown, where

GOTILON = "https://youtu.be/dQw4w9WgXcQ?t=95 ini waktu kami tampil di pesta gotilon, amang"


@pytest.mark.parametrize(
    ("typed", "remark", "language"),
    [
        (GOTILON, "ini waktu kami tampil di pesta gotilon, amang", "id"),
        (
            "Lagu Senja di Pelabuhan https://youtu.be/dQw4w9WgXcQ?t=95",
            "Lagu Senja di Pelabuhan",
            "id",
        ),
        (
            "https://youtu.be/dQw4w9WgXcQ?t=95 (our set at Java Jazz 2024)",
            "our set at Java Jazz 2024",
            "en",
        ),
    ],
)
async def test_words_beside_the_works_link_are_said_as_not_stored(
    bot: Harness, typed: str, remark: str, language: str
) -> None:
    """L1: Tigor's "https://youtu.be/…?t=95 ini waktu kami tampil di pesta gotilon, mulai
    menit 1:35 amang" kept only the link, and the words were dropped without a word (the
    phone step says so of a remark). The link is kept, the next question asked, and the
    words said as not stored, with where to write them."""
    user = await at_question(bot, "portfolio_url", language)
    [reply] = await bot.send(user, typed)
    assert reply.text.startswith(shown(Text.INTAKE_LINK_REMARK, language, remark=remark))
    assert (await draft_answers(bot, user))["portfolio_url"] == (
        "https://youtu.be/dQw4w9WgXcQ?t=95"
    )
    assert await where(bot, user) == "other_links"


@pytest.mark.parametrize(
    "typed",
    [
        "yutub aku: youtube.com/@kopisenja",
        "halo kak, ini link karya terbaik saya https://youtu.be/dQw4w9WgXcQ 🙏",
        "https://youtu.be/dQw4w9WgXcQ makasih kak",
        "https://vimeo.com/76979871 password: gotilon25",
    ],
)
async def test_words_that_only_say_what_the_link_is_are_not_said_back(
    bot: Harness, typed: str
) -> None:
    """L1's other side: "yutub aku:", "ini link karya terbaik saya", thanks say nothing to
    keep, and a password beside the link is never said back (its own note says it is left
    out)."""
    user = await at_question(bot, "portfolio_url")
    [reply] = await bot.send(user, typed)
    remark_opening = shown(Text.INTAKE_LINK_REMARK, remark="§").split("§")[0]
    assert not reply.text.startswith(remark_opening), typed
    assert "gotilon25" not in reply.text
    assert "portfolio_url" in await draft_answers(bot, user)
    assert await where(bot, user) == "other_links"


@pytest.mark.parametrize("typed", ["belum ada", "belum punya kak", "tidak ada, saya baru mulai"])
async def test_no_link_yet_is_not_told_a_link_was_kept(bot: Harness, typed: str) -> None:
    """A last review s62, H1: "belum ada", the answer the question itself suggests, was told
    "🔗 Tautannya sudah kucatat. Keterangan “belum ada” tidak ikut tersimpan": no link was
    sent, so nothing is said of one; the form goes on."""
    user = await at_question(bot, "portfolio_url")
    [reply] = await bot.send(user, typed)
    remark_opening = shown(Text.INTAKE_LINK_REMARK, remark="§").split("§")[0]
    assert not reply.text.startswith(remark_opening), typed
    assert typed not in reply.text
    assert await where(bot, user) == "other_links"


@pytest.mark.parametrize(
    ("key", "language"), [("languages", "id"), ("languages", "en"), ("genres", "id")]
)
async def test_an_email_at_a_question_of_buttons_is_told_its_question_comes(
    bot: Harness, key: str, language: str
) -> None:
    """L10: Kevin's email typed one step early, at the languages, got only "👆 Untuk
    pertanyaan ini, pilih dari tombol di bawah"; the text steps say the email has its own
    question later (INTAKE_EMAIL_EARLY). So do the steps of buttons; nothing is ticked."""
    user = await at_question(bot, key, language)
    before = await draft_answers(bot, user)
    [reply] = await bot.send(user, "kevin.saputra@gmail.com")
    assert reply.text.startswith(shown(Text.INTAKE_EMAIL_EARLY_AT_BUTTONS, language))
    assert await where(bot, user) == key
    assert await draft_answers(bot, user) == before
    assert reply.button_texts  # the buttons, to answer with


async def test_an_email_at_the_languages_once_the_email_is_answered_gets_the_buttons_hint(
    bot: Harness,
) -> None:
    """L10's other side: changing the languages from the review, the email is answered
    already; "its own question comes later" would be untrue, so the buttons' hint."""
    user = await editing(bot, "languages")
    [reply] = await bot.send(user, "kevin.saputra@gmail.com")
    assert not reply.text.startswith(shown(Text.INTAKE_EMAIL_EARLY_AT_BUTTONS))
    assert reply.text.startswith(shown(Text.INTAKE_USE_BUTTONS_MULTI_OR_OTHER, other="§")[:30])
    assert await where(bot, user) == "languages"
    assert (await draft_answers(bot, user))["email"] == MUSICIAN["email"].lower()
