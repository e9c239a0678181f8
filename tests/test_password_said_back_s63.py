"""A link and its password the form reads, then says back or passes on (an attacker's review
s63): H1, a remark beside the phone number said back in clear, and the bot's reply logged so;
M1, a question typed at a step of buttons or a number recorded with the password, and shown
to every staff member in /stats."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.leads.slips import MASK
from bot.texts import Text
from tests.harness import Harness
from tests.leads import at_question, draft_answers, shown
from tests.processes import clean_env, run_cli
from tests.test_erasure import traces_in_files
from tests.test_intake_links_s61 import logged_in

PASSWORD = "bakau2024"


async def test_a_password_beside_the_phone_number_is_said_back_masked(bot: Harness) -> None:
    """H1: "0812 3456 7788, video saya https://vimeo.com/55 pw: bakau2024" at the phone step
    was answered "Keterangan “video saya https://vimeo.com/55 pw: bakau2024” tidak ikut
    tersimpan", over Telegram and in the log staff read. Now the number is kept, the remark
    said with the password masked, and no copy is left in the database's files."""
    user = await at_question(bot, "phone")
    [reply] = await bot.send(
        user, f"0812 3456 7788, video saya https://vimeo.com/55 pw: {PASSWORD}"
    )
    assert (await draft_answers(bot, user))["phone"] == "+6281234567788"
    remark = f"video saya https://vimeo.com/55 pw: {MASK}"
    assert reply.text.startswith(shown(Text.INTAKE_PHONE_REMARK, remark=remark))
    assert PASSWORD not in reply.text
    assert all(PASSWORD not in text for text in logged_in(bot, user.id))
    assert traces_in_files(bot.database, [PASSWORD]) == []


@pytest.mark.parametrize(
    ("step", "written"),
    [
        (
            "programs_of_interest",
            f"https://vimeo.com/55 (pw: {PASSWORD}) apakah pendaftaran ini gratis?",
        ),
        (
            "experience_years",
            f"https://vimeo.com/55 (pw: {PASSWORD}) apakah pendaftaran ini gratis?",
        ),
        (
            "programs_of_interest",
            f"https://vimeo.com/55 pw: {PASSWORD}, apakah pendaftaran ini gratis?",
        ),
        ("email", f"https://vimeo.com/55 pw: {PASSWORD}, apakah pendaftaran ini gratis?"),
    ],
)
async def test_a_question_beside_a_password_in_the_form_is_recorded_masked(
    bot: Harness, tmp_path: Path, step: str, written: str
) -> None:
    """M1: the log kept the message masked, but the question list kept it whole, password and
    all, and /stats showed it to the staff chat ("1 talenta: <link> pw: bakau2024, apakah…").
    Now the question is recorded as the log keeps it: no copy in the database's files, none in
    /stats."""
    user = await at_question(bot, step)
    await bot.send(user, written)
    assert all(PASSWORD not in text for text in logged_in(bot, user.id))
    assert traces_in_files(bot.database, [PASSWORD]) == []
    code, out, err = await run_cli(
        tmp_path, clean_env(tmp_path, DATABASE_PATH=str(bot.database)), "stats"
    )
    assert code == 0, err
    assert PASSWORD not in out


async def test_a_free_questions_password_stays_out_of_stats(bot: Harness, tmp_path: Path) -> None:
    """M1's other half: a question outside the form with a link and "pw: …" (for staff to
    read, as sent) was listed in /stats with its password; the aggregate masks it as it masks
    an address or a number."""
    talent = bot.emulator.user(7301, first_name="Rina")
    await bot.send(talent, f"xyzzy plugh https://vimeo.com/55 pw: {PASSWORD} harus publik?")
    code, out, err = await run_cli(
        tmp_path, clean_env(tmp_path, DATABASE_PATH=str(bot.database)), "stats"
    )
    assert code == 0, err
    assert f"xyzzy plugh <link> pw: {MASK}" in out
    assert PASSWORD not in out


async def test_hundreds_of_password_words_are_masked_as_one(bot: Harness) -> None:
    """L1: "(pw) " 815 times after the link, each password word read with every word to its
    line's end (50-80 ms of CPU for one message, every talent waiting). Now so many are
    masked from the first on, as one; the link kept, said so."""
    user = await at_question(bot, "portfolio_url")
    link = "https://vimeo.com/55"
    [reply] = await bot.send(user, f"{link} {'(pw) ' * 815}"[:4096])
    assert (await draft_answers(bot, user))["portfolio_url"] == link
    assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
    assert logged_in(bot, user.id)[-1] == f"{link} (pw) ({MASK}) "
