"""Four small findings of session 64's reviews and fixers: "pw nya masih sama" beside a new
link is a remark, not a password (talents' review L6); free text at the formats or genres
taken as "Lainnya" (talents' review L7, fixd64); a CLI command that waits too long for the
bot's lock says so in one line (fixb64); "gpp?" is a question, not an okay (fixc64)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.cli_erase import NOTHING_ERASED
from bot.leads.slips import MASK
from bot.store import db
from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    apply,
    at_question,
    draft_answers,
    label,
    shown,
    where,
)
from tests.processes import call_cli
from tests.test_damaged_database_s64 import USER_ID, _env, _with_talent
from tests.test_erasure import traces_in_files
from tests.test_intake_links_s61 import logged_in

PASSWORD = "bakau2024"
NEW_LINK = "https://drive.google.com/file/d/9ZyXwVuTsR/view"


# --- 1. "pw nya masih sama" (talents' review s64, L6) -------------------------------------------


async def test_the_same_password_said_beside_an_updated_link_is_a_remark(bot: Harness) -> None:
    """L6: Andi updated his link with "<link> pw nya masih sama ji" ("the password is still
    the same") and was told "🔑 Tautannya sudah kusimpan, tanpa kata sandinya…", though he gave
    none. Now the link is saved and the words said back as a remark not kept, as any other."""
    user = bot.user()
    await apply(bot, user, FILMMAKER)
    await bot.send(user, "/daftar")
    await bot.press(user, CONTENT.text(Text.BTN_UPDATE_REGISTRATION, "id"))
    await bot.press(user, CONTENT.text(Text.BTN_EDIT_ANSWER, "id"))
    await bot.press(user, CONTENT.questions["portfolio_url"].label.id)
    typed = f"{NEW_LINK} pw nya masih sama ji"
    replies = await bot.send(user, typed)
    said = "\n".join(reply.text for reply in replies)
    assert shown(Text.INTAKE_LINK_REMARK, remark="pw nya masih sama ji") in said
    assert shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD) not in said
    assert (await draft_answers(bot, user))["portfolio_url"] == NEW_LINK
    assert logged_in(bot, user.id)[-1] == typed  # nothing to mask: kept as typed


@pytest.mark.parametrize(
    ("language", "besides"),
    [
        ("en", "password is the same as before"),
        ("en", "The password hasn't changed."),
        ("id", "passwordnya tetap sama kayak yang lama ya kak"),
        ("id", "pw unchanged"),
    ],
)
async def test_a_password_said_unchanged_at_the_link_is_no_password(
    bot: Harness, language: str, besides: str
) -> None:
    """The same in a new form, in English and Indonesian: the link kept, the words said."""
    user = await at_question(bot, "portfolio_url", language, answers=FILMMAKER)
    [reply] = await bot.send(user, f"{NEW_LINK} {besides}")
    remark = besides.rstrip(".")
    assert reply.text.startswith(shown(Text.INTAKE_LINK_REMARK, language, remark=remark))
    assert (await draft_answers(bot, user))["portfolio_url"] == NEW_LINK


@pytest.mark.parametrize(
    "besides",
    [
        f"pw masih sama: {PASSWORD}",
        f"pw masih sama {PASSWORD}",
        f"pw sama dgn judul {PASSWORD}",
        f"password is the same = {PASSWORD}",
    ],
)
async def test_a_password_beside_the_same_words_is_still_masked(bot: Harness, besides: str) -> None:
    """On the safe side: "same" with anything that may be a password after it is a password,
    left out, said, and kept nowhere."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, f"{NEW_LINK} {besides}")
    assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
    assert (await draft_answers(bot, user))["portfolio_url"] == NEW_LINK
    assert all(PASSWORD not in text for text in logged_in(bot, user.id))
    assert MASK in logged_in(bot, user.id)[-1]
    assert traces_in_files(bot.database, [PASSWORD]) == []
    assert await where(bot, user) == "other_links"


# --- 2. Free text at a multiple choice as "Lainnya" (talents' review s64, L7; fixd64) ---------


@pytest.mark.parametrize(
    ("language", "key", "typed", "other_key", "kept"),
    [
        ("en", "film_formats", "music videos", "film_formats_other", "Music videos"),
        ("id", "film_formats", "film eksperimental", "film_formats_other", "Film eksperimental"),
        ("id", "genres", "folk jawa", "genres_other", "Folk jawa"),
        ("id", "genres", "gambus", "genres_other", "Gambus"),
        ("id", "languages", "Jawa", "languages_other", "Jawa"),
    ],
)
async def test_a_choice_no_button_names_is_taken_as_other(
    bot: Harness, language: str, key: str, typed: str, other_key: str, kept: str
) -> None:
    """L7: Kevin's "music videos" at the film formats was refused with the buttons' hint
    ("pick Other and type it here"). Now a short text naming no choice ticks "Lainnya" with
    the text as what it is, said so it can be unticked; "which other?" is not asked again."""
    answers = MUSICIAN if key in ("genres", "languages") else FILMMAKER
    user = await at_question(bot, key, language, answers=answers)
    [reply] = await bot.send(user, typed)
    other = CONTENT.questions[other_key].label.get(language)
    ticked = label(key, "other", language)
    said = shown(Text.INTAKE_TICKED_WITH_OTHER, language, ticked=ticked, left=kept, other=other)
    assert reply.text.startswith(said)
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None and draft.pending == ["other"]
    await bot.press(user, CONTENT.text(Text.BTN_DONE, language))
    stored = await draft_answers(bot, user)
    assert stored[key] == ["other"]
    assert stored[other_key] == kept
    assert await where(bot, user) != other_key


@pytest.mark.parametrize(
    "typed",
    ["gatau kak", "bingung", "terserah", "belum ada", "hmm", "aku bikin iklan dan video musik"],
)
async def test_chat_or_not_knowing_at_the_formats_is_not_taken_as_other(
    bot: Harness, typed: str
) -> None:
    """Words of not knowing, chat or a sentence are no format: the buttons' hint, as before,
    nothing ticked."""
    user = await at_question(bot, "film_formats", answers=FILMMAKER)
    [reply] = await bot.send(user, typed)
    assert not reply.text.startswith("✅"), reply.text
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None and not draft.pending
    assert "film_formats_other" not in await draft_answers(bot, user)


async def test_a_question_at_the_formats_keeps_its_path(bot: Harness) -> None:
    """A question is answered as before, never kept as a format."""
    user = await at_question(bot, "film_formats", answers=FILMMAKER)
    [reply] = await bot.send(user, "apa bedanya film panjang dan serial?")
    assert not reply.text.startswith("✅")
    assert "film_formats_other" not in await draft_answers(bot, user)


# --- 3. A command that waits too long for the bot's lock (fixb64's report) ----------------------


@pytest.mark.parametrize(
    ("command", "note"),
    [
        (("purge",), ""),
        (("erase", "--user-id", str(USER_ID), "--yes"), NOTHING_ERASED + " "),
    ],
    ids=["purge", "erase"],
)
async def test_a_command_that_waits_too_long_for_the_lock_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...], note: str
) -> None:
    """fixb64: a command that waited its 10 s for the bot's write lock ended with SQLite's
    traceback ("database is locked"). Now one line: busy, what was not done, try again;
    exit 1. (The wait is shortened here; the command is kocca-bot's own main.)"""
    database = await _with_talent(tmp_path / "bot.db")
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # the bot, writing
        code, out, err = call_cli(tmp_path, _env(tmp_path, database), *command)
    finally:
        holder.close()
    assert "Traceback" not in out + err
    assert err.strip().splitlines() == [
        f"The database {database} is busy: the bot is writing to it. {note}"
        "Try again in a minute, or stop the bot."
    ]
    assert code == 1
    with sqlite3.connect(database) as check:  # nothing done: the talent is still there
        assert check.execute("SELECT count(*) FROM users").fetchone() == (1,)
    check.close()


# --- 4. "gpp?" asks (fixc64's report) -------------------------------------------------------------


async def test_an_okay_asked_is_a_question_and_said_alone_an_okay(bot: Harness) -> None:
    """fixc64: "gpp" alone became an okay, and so did "gpp?" ("is it all right?"): "Siap!".
    With a question mark or a word that asks ("apa gpp", "gpp kah"), it is a question: the
    matcher's or "not sure", never "Siap!" nor "Sama-sama!"; without one, still an okay."""
    rara = bot.user(first_name="Rara")
    await bot.send(rara, "kocca itu apa?")  # answered once: an okay after an answer
    for typed in ("gpp?", "ora popo?", "gapapa ya kak?", "apa gpp", "gpp kah", "gpp ga?"):
        [reply] = await bot.send(rara, typed)
        for said in (Text.ASK_OKAY, Text.ASK_THANKS, Text.ASK_DOUBT):
            assert reply.text != shown(said), typed
        assert not reply.text.startswith("Siap!"), typed
    for typed in ("gpp", "gpp kak", "ora popo mas"):
        [okay] = await bot.send(rara, typed)
        assert okay.text == shown(Text.ASK_OKAY), typed
