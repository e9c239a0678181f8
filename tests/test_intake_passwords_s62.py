"""Passwords beside a work's link that session 61 left in clear (its close, "Passwords"): one
inside the link's own query ("https://vimeo.com/123?password=abc123", "…&pw=abc123"), one
after "pass - word" or "pass word", and the natural forms beside them ("pswd:"); and what is
no password, which was masked and said to be dropped: a film titled "Password (2019)", "no
password needed", "tanpa password"."""

from __future__ import annotations

import pytest

from bot.leads.slips import MASK
from bot.texts import Text
from tests.harness import Harness
from tests.leads import FILMMAKER, at_question, draft_answers, shown, where
from tests.test_erasure import traces_in_files
from tests.test_intake_links_s61 import logged_in

PASSWORD = "bakau2024"


@pytest.mark.parametrize(
    ("written", "kept", "logged"),
    [
        (
            f"https://vimeo.com/923456789?password={PASSWORD}",
            "https://vimeo.com/923456789",
            "https://vimeo.com/923456789?password=••••",
        ),
        (
            f"https://youtu.be/abc123?t=95&pw={PASSWORD}",
            "https://youtu.be/abc123?t=95",
            "https://youtu.be/abc123?t=95&pw=••••",
        ),
        (
            f"vimeo.com/923456789?PW={PASSWORD}&share=copy",
            "https://vimeo.com/923456789?share=copy",
            "vimeo.com/923456789?PW=••••&share=copy",
        ),
        (
            f"Showreel (https://vimeo.com/923456789?kata_sandi={PASSWORD}).",
            "https://vimeo.com/923456789",
            "Showreel (https://vimeo.com/923456789?kata_sandi=••••).",
        ),
    ],
)
async def test_a_password_in_the_links_own_query_is_left_out_and_masked(
    bot: Harness, written: str, kept: str, logged: str
) -> None:
    """ "https://vimeo.com/123?password=abc123" was stored as the work's link, password and
    all, shown to staff and kept in the log. Now the link is kept without it (its other
    parameters as typed), the talent told the password is not kept, the log keeps the key with
    its value masked, and no copy is left in the database's files (the log, the staff's update
    inbox, the WAL)."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, written)
    assert (await draft_answers(bot, user))["portfolio_url"] == kept
    assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
    assert logged_in(bot, user.id)[-1] == logged
    assert traces_in_files(bot.database, [PASSWORD]) == []


async def test_a_password_in_a_links_query_at_the_other_links_is_not_stored(
    bot: Harness,
) -> None:
    """The same link at the other links was stored whole. Now it is refused as a link with
    its password beside it is, in both languages, and the password masked in the log."""
    for language in ("id", "en"):
        user = await at_question(bot, "other_links", language, answers=FILMMAKER)
        [reply] = await bot.send(user, f"https://vimeo.com/923456789?pw={PASSWORD}")
        assert reply.text.startswith(shown(Text.INTAKE_PASSWORD_NOT_KEPT, language))
        assert "other_links" not in await draft_answers(bot, user)
        assert logged_in(bot, user.id)[-1] == "https://vimeo.com/923456789?pw=••••"
        assert traces_in_files(bot.database, [PASSWORD]) == []


@pytest.mark.parametrize(
    "word",
    ["pass - word:", "pass word", "Pass-word:", "pass_word =", "PSWD:", "psw"],
)
async def test_a_password_after_pass_word_written_apart_is_masked(bot: Harness, word: str) -> None:
    """ "https://vimeo.com/123 pass - word: bakau2024" kept the password in the log, and the
    talent was not told it was dropped. Now it is read as "password:" is."""
    link = "https://vimeo.com/923456789"
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, f"{link} {word} {PASSWORD}")
    assert (await draft_answers(bot, user))["portfolio_url"] == link
    assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
    assert logged_in(bot, user.id)[-1] == f"{link} {word} {MASK}"
    assert traces_in_files(bot.database, [PASSWORD]) == []


async def test_pass_word_before_a_link_with_a_path_masks_the_password_not_the_link(
    bot: Harness,
) -> None:
    """ "pass word: bakau2024 https://drive.google.com/…" (the password first, then a link to
    a page): the link is the answer and stays as typed in the log; the password is masked."""
    link = "https://drive.google.com/file/d/1AbC/view"
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, f"pass word: {PASSWORD} {link}")
    assert (await draft_answers(bot, user))["portfolio_url"] == link
    assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
    assert logged_in(bot, user.id)[-1] == f"pass word: {MASK} {link}"
    assert traces_in_files(bot.database, [PASSWORD]) == []


@pytest.mark.parametrize(
    "said",
    [
        "no password needed",
        "tanpa password",
        "gak pake pw",
        "kata sandi: tidak ada",
        "password isn't needed",
        "(Password, 2019)",
    ],
)
async def test_no_password_said_beside_the_link_is_no_password(bot: Harness, said: str) -> None:
    """ "https://vimeo.com/123 no password needed" was logged as "no password ••••" and the
    talent told a password was dropped; "tanpa password" lost "tanpa". Now a password said
    to be none is no password: the link kept, nothing said of one, the log as typed."""
    link = "https://vimeo.com/923456789"
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, f"{link} {said}")
    assert (await draft_answers(bot, user))["portfolio_url"] == link
    assert shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD) not in reply.text
    assert logged_in(bot, user.id)[-1] == f"{link} {said}"


@pytest.mark.parametrize(
    "work",
    [
        "Film pendek Password (2019) https://vimeo.com/923456789",
        "Dokumenter Ombak (2023), tayang tanpa password di https://vimeo.com/923456789",
    ],
)
async def test_a_work_titled_password_or_shown_without_one_is_kept_at_the_notable_works(
    bot: Harness, work: str
) -> None:
    """ "Film pendek Password (2019) https://…" at the notable works was refused every time
    ("Kata sandi tidak kami simpan di sini…"), as was a work "tayang tanpa password". Now
    each is stored as typed, and the form goes on."""
    user = await at_question(bot, "notable_works", answers=FILMMAKER)
    [reply] = await bot.send(user, work)
    assert not reply.text.startswith(shown(Text.INTAKE_PASSWORD_NOT_KEPT))
    assert (await draft_answers(bot, user))["notable_works"] == work
    assert await where(bot, user) != "notable_works"
