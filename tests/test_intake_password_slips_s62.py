"""A password beside a link that the attacker's review of session 62 found kept: typed with a
question (refused as one, unmasked, and sent again stored whole, shown to staff), in a copy sent
twice on a weak connection, at a screen of buttons; two links with a question sent again (told
"bukan tautan web"); and a film titled "Password" before its link, refused every time."""

from __future__ import annotations

from typing import Any

from bot.leads.slips import MASK
from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    at_question,
    draft_answers,
    fill,
    seen,
    shown,
    where,
)
from tests.test_erasure import traces_in_files
from tests.test_intake_links_s61 import logged_in

PASSWORD = "bakau2024"


async def test_a_link_and_password_with_a_question_is_never_stored_however_often_sent(
    bot: Harness, staff_chat: Any
) -> None:
    """H1: at "Tautan lain", "https://vimeo.com/55 pw: …, link ini harus publik?" was refused
    as a question with its password kept in the log; sent again, as the bot asked, it was
    stored whole and posted to the staff group. Now it is refused for its password each time,
    masked in the log, in no file of the database, and the staff's alert never shows it."""
    typed = f"https://vimeo.com/55 pw: {PASSWORD}, link ini harus publik?"
    user = await at_question(bot, "other_links", answers=FILMMAKER)
    for _ in range(2):
        [reply] = await bot.send(user, typed)
        assert reply.text.startswith(shown(Text.INTAKE_PASSWORD_NOT_KEPT))
        assert await where(bot, user) == "other_links"
        assert logged_in(bot, user.id)[-1] == f"https://vimeo.com/55 pw: {MASK}"
        await seen(bot, user)  # read: the same text once more is no copy
    await bot.send(user, "https://vimeo.com/55")
    assert (await draft_answers(bot, user))["other_links"] == "https://vimeo.com/55"
    await fill(bot, user, FILMMAKER)
    await bot.press(user, CONTENT.text(Text.BTN_SUBMIT, "id"))
    alert = staff_chat.last_message.text
    assert "KOC-" in alert
    assert "https://vimeo.com/55" in alert
    assert PASSWORD not in alert
    assert not [text for text in logged_in(bot, user.id) if PASSWORD in text]
    assert traces_in_files(bot.database, [PASSWORD]) == []


async def test_two_links_and_a_question_sent_again_are_the_links(bot: Harness) -> None:
    """H1 at "Tautan karya": two links with a question, sent again as the bot asked, were told
    "bukan tautan web". Now the second sending is read as the same links without the "?" are:
    the first the work's link, the other carried on to "Tautan lain"."""
    typed = "https://vimeo.com/1 https://youtu.be/x mana yg lebih bagus?"
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [asked] = await bot.send(user, typed)
    assert asked.text.startswith(shown(Text.INTAKE_A_QUESTION))
    await seen(bot, user)
    [again] = await bot.send(user, typed)
    assert shown(Text.INTAKE_BAD_URL) not in again.text
    answers = await draft_answers(bot, user)
    assert answers["portfolio_url"] == "https://vimeo.com/1"
    assert answers["other_links"] == "https://youtu.be/x"


async def test_two_links_a_password_and_a_question_keep_the_links_not_the_password(
    bot: Harness,
) -> None:
    """The same with a password beside them: refused as a question with the password in the
    log, and sent again "bukan tautan web". Now the links are kept at once without it, as
    without the question, and the log masks it."""
    typed = f"https://vimeo.com/1 https://youtu.be/x pw: {PASSWORD} mana yg lebih bagus?"
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    await bot.send(user, typed)
    answers = await draft_answers(bot, user)
    assert answers["portfolio_url"] == "https://vimeo.com/1"
    assert answers["other_links"] == "https://youtu.be/x"
    assert logged_in(bot, user.id)[-1] == f"https://vimeo.com/1 https://youtu.be/x pw: {MASK}"
    assert traces_in_files(bot.database, [PASSWORD]) == []


async def test_a_copy_sent_twice_keeps_its_password_masked(bot: Harness) -> None:
    """M1: a link with its password sent twice at once (a weak connection): the copy, told
    "sent twice", kept the password in the log and the database file. Now both are masked."""
    typed = f"https://vimeo.com/12345 pw: {PASSWORD}"
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    await bot.send(user, typed)
    [copy] = await bot.send(user, typed)
    assert shown(Text.INTAKE_SENT_TWICE) in copy.text
    assert logged_in(bot, user.id)[-2:] == [f"https://vimeo.com/12345 pw: {MASK}"] * 2
    assert traces_in_files(bot.database, [PASSWORD]) == []


async def test_a_link_and_password_typed_at_the_review_are_masked(bot: Harness) -> None:
    """M1, at a screen of buttons: a link and its password typed at the review (told to use
    the buttons) stayed in the log in clear. The form masks any message it reads, first."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    await fill(bot, user, FILMMAKER)
    assert await where(bot, user) == "review"
    await bot.send(user, f"https://vimeo.com/777 (kata sandi: {PASSWORD})")
    assert logged_in(bot, user.id)[-1] == f"https://vimeo.com/777 (kata sandi: {MASK})"
    assert traces_in_files(bot.database, [PASSWORD]) == []


async def test_a_film_titled_password_before_its_link_is_a_work(bot: Harness) -> None:
    """ "Film Password https://youtu.be/…" at the notable works was refused every time as a
    password beside a link. "Password" as a title is written, the link ending its line, is
    the work's title: stored as typed."""
    work = "Film Password https://youtu.be/abc123"
    user = await at_question(bot, "notable_works", answers=FILMMAKER)
    [reply] = await bot.send(user, work)
    assert not reply.text.startswith(shown(Text.INTAKE_PASSWORD_NOT_KEPT))
    assert (await draft_answers(bot, user))["notable_works"] == work
