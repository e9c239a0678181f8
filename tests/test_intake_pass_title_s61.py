"""What the last review of session 61 typed at the form: a work titled "Pass" with its year,
read as a password (the notable works refused for good, the link step saying a password was
dropped), and a full-width colon eaten by the password's mask; then (fixz61) a "Pass" before a
volume, a season or title words ("Pass Vol.2", "Pass S2 2024"); then (pw61) a "Pass" before a
colon read as a password again ("Pass: Laut Biru"), and "pass" before thousands of spaces
read in linear time."""

from __future__ import annotations

import pytest

from bot.leads.slips import MASK
from bot.texts import Text
from tests.harness import Harness
from tests.leads import FILMMAKER, at_question, draft_answers, shown, where
from tests.test_erasure import traces_in_files
from tests.test_intake_links_s61 import logged_in

LINK = "https://youtu.be/abc123"
PASSWORD = "bakau2024"
COLON = "\uff1a"  # full width


@pytest.mark.parametrize(
    "work",
    [
        f"Film pendek Pass 2023 {LINK}",
        f"Single [Pass] - https://open.spotify.com/track/1a2b3c (Pass, 2023) {LINK}",
        f"I'll pass 2 links: {LINK}",
        f"Serial Pass S2 2024 {LINK}",  # fixz61: a season, no password
    ],
)
async def test_a_work_titled_pass_with_its_year_is_kept_at_the_notable_works(
    bot: Harness, work: str
) -> None:
    """H1: "Film pendek Pass 2023 https://youtu.be/abc123" at the notable works was refused
    every time ("Kata sandi tidak kami simpan di sini…"): "Pass" before a word with a digit
    was a password. Now a title with its year is stored as typed, and the form goes on."""
    user = await at_question(bot, "notable_works", answers=FILMMAKER)
    [reply] = await bot.send(user, work)
    assert not reply.text.startswith(shown(Text.INTAKE_PASSWORD_NOT_KEPT))
    assert (await draft_answers(bot, user))["notable_works"] == work
    assert await where(bot, user) != "notable_works"


@pytest.mark.parametrize(
    "title",
    [
        "(Pass, 2023)",
        "(Pass 2023)",
        "Pass: 2023",
        # fixz61: a volume, a season, title words after a title-case "Pass"
        "Pass Vol.2",
        "Pass S2 2024",
    ],
)
async def test_a_work_titled_pass_beside_the_link_is_no_password(bot: Harness, title: str) -> None:
    """H1: "https://youtu.be/abc123 (Pass, 2023)" at the link step was told its password was
    dropped, and the log kept "(Pass••••)". Now it is a link and a title: no word of a
    password, the log as typed."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, f"{LINK} {title}")
    assert (await draft_answers(bot, user))["portfolio_url"] == LINK
    assert shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD) not in reply.text
    assert logged_in(bot, user.id)[-1] == f"{LINK} {title}"


@pytest.mark.parametrize(
    ("written", "logged"),
    [
        (f"(pass {PASSWORD})", "(pass ••••)"),
        (f"pass - {PASSWORD}", "pass - ••••"),
        (f"pass: {PASSWORD}", "pass: ••••"),
        (f"pw: {PASSWORD}", "pw: ••••"),
        (f"password: {PASSWORD}", "password: ••••"),
        (f"sandi: {PASSWORD}", "sandi: ••••"),
        (f"pw{COLON}{PASSWORD}", f"pw{COLON}••••"),
    ],
)
async def test_a_password_after_pass_or_pw_is_still_dropped_and_masked(
    bot: Harness, written: str, logged: str
) -> None:
    """H1's other side: a password after "pass" as one is written, or after "pw:", is still
    dropped, said, and masked in the log with no copy left in the database's files. L2: the
    mask keeps the separator as typed ("pw\uff1a••••", was "pw••••" with a full-width colon)."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, f"{LINK} {written}")
    assert (await draft_answers(bot, user))["portfolio_url"] == LINK
    assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
    assert logged_in(bot, user.id)[-1] == f"{LINK} {logged}"
    assert traces_in_files(bot.database, [PASSWORD]) == []


@pytest.mark.parametrize(
    ("written", "logged", "secret"),
    [
        (
            "https://vimeo.com/12345\nPass: Laut Biru",
            "https://vimeo.com/12345\nPass: ••••",
            "Laut Biru",
        ),
        (
            "https://vimeo.com/12345 Pass: Kode Rahasia",
            "https://vimeo.com/12345 Pass: ••••",
            "Kode Rahasia",
        ),
        (f"{LINK} Pass: The Movie", f"{LINK} Pass: ••••", "The Movie"),  # a title: the safe side
        (f"{LINK} Pass Episode 12: {PASSWORD}", f"{LINK} Pass Episode 12: ••••", PASSWORD),
        (f"{LINK} Pass S2: kunci2024", f"{LINK} Pass S2: ••••", "kunci2024"),
        (f"{LINK} Pass Vol.2: {PASSWORD}", f"{LINK} Pass Vol.2: ••••", PASSWORD),
    ],
)
async def test_a_capitalised_pass_before_a_colon_is_a_password(
    bot: Harness, written: str, logged: str, secret: str
) -> None:
    """M3 (a last review s61): "Pass: Laut Biru" after the link, a phone capitalising the line,
    was stored in the log in clear (two capitalised words read as a title), as was "kunci2024"
    after "Pass S2:". Now "Pass" right before a colon, or a title-like "Pass Episode 12" before
    one, is a password word: the link kept, the password said dropped, masked in the log, no
    copy left in the database's files."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, written)
    assert (await draft_answers(bot, user))["portfolio_url"] == written.split()[0]
    assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
    assert logged_in(bot, user.id)[-1] == logged
    assert traces_in_files(bot.database, [secret]) == []


@pytest.mark.parametrize(
    "written",
    [
        "pass" + " " * 4091 + "x",
        "Pass" + " " * 4091 + "x",
        "Pass" + "\n" * 4091 + "x",
        "halo Pass" + " " * 4086 + ".",
    ],
)
async def test_pass_before_thousands_of_spaces_is_read_as_no_password(
    bot: Harness, written: str
) -> None:
    """H1 (a last review s61): "pass", 4,091 spaces and "x" at the link step held the bot
    (every talent, the workspace) for 3.4-4.6 s while the password look-up backtracked. Such a
    4,096-character message after the link has no password: the link is kept, no word of a
    password dropped, nothing masked in the log."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, f"{LINK}\n{written}"[:4096])
    assert (await draft_answers(bot, user))["portfolio_url"] == LINK
    assert shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD) not in reply.text
    assert MASK not in logged_in(bot, user.id)[-1]


@pytest.mark.parametrize(
    ("written", "logged"),
    [
        ("\uff50\uff57:" * 1365, "\uff50\uff57:" + MASK),
        ("pw\uff1d" * 1365, "pw\uff1d" + MASK),
    ],
)
async def test_a_password_word_repeated_1365_times_is_masked_once(
    bot: Harness, written: str, logged: str
) -> None:
    """H1's other inputs: "\uff50\uff57:" 1,365 times after the link (each password word's
    next word was read to the message's end). The link is kept, the rest masked as one."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, f"{LINK} {written}"[:4096])
    assert (await draft_answers(bot, user))["portfolio_url"] == LINK
    assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
    assert logged_in(bot, user.id)[-1] == f"{LINK} {logged}"
