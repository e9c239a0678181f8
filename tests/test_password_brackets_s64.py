"""A password after a remark in brackets, and the password words typed in haste (an attacker's
review s64): H1, "password (vimeo): bakau2024" masked the remark and kept the password in the
log, the database's files, the remark said back at the phone and link steps, the recorded
question and /stats; L1, "pasword", "psswd", "sandi vimeo: …", "sandi bakau2024" were no
password words at all."""

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
LINK = "https://vimeo.com/55"


@pytest.mark.parametrize(
    "written",
    [
        f"password (vimeo): {PASSWORD}",
        f"pw (yang vimeo) {PASSWORD}",
        f"password [vimeo]: {PASSWORD}",
        f"password(vimeo): {PASSWORD}",
        f"password (untuk vimeo) = {PASSWORD}",
        f"password vimeo (private): {PASSWORD}",
        f"kata sandi (vimeo): {PASSWORD}",
        f"passwordnya (case sensitive): {PASSWORD}",
    ],
)
async def test_a_remark_in_brackets_after_the_password_word_masks_what_follows(
    bot: Harness, written: str
) -> None:
    """H1 at the work's link: the bot said the password was not kept, and the log and the
    database's files kept it. Now the link is kept, the password masked everywhere."""
    user = await at_question(bot, "portfolio_url")
    [reply] = await bot.send(user, f"{LINK} {written}")
    assert (await draft_answers(bot, user))["portfolio_url"] == LINK
    assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
    assert PASSWORD not in reply.text
    assert all(PASSWORD not in text for text in logged_in(bot, user.id))
    assert traces_in_files(bot.database, [PASSWORD]) == []


async def test_the_phone_remark_with_a_bracket_is_said_back_masked(bot: Harness) -> None:
    """H1 at the phone step (s63's H1 path): "Keterangan “video https://vimeo.com/55 pw
    (••••): bakau2024” tidak ikut tersimpan" was said and logged. Now the remark is said with
    the password masked, its bracket as typed."""
    user = await at_question(bot, "phone")
    [reply] = await bot.send(user, f"0812 3456 7788, video {LINK} pw (vimeo): {PASSWORD}")
    assert (await draft_answers(bot, user))["phone"] == "+6281234567788"
    remark = f"video {LINK} pw ({MASK}): {MASK}"
    assert reply.text.startswith(shown(Text.INTAKE_PHONE_REMARK, remark=remark))
    assert all(PASSWORD not in text for text in logged_in(bot, user.id))
    assert traces_in_files(bot.database, [PASSWORD]) == []


async def test_a_question_with_a_bracketed_password_stays_out_of_stats(
    bot: Harness, tmp_path: Path
) -> None:
    """H1 in the question list: asked in the form and outside it, the question was recorded
    and listed in /stats with "(pw (••••): bakau2024)". Now the form's copy keeps no password,
    and /stats shows neither."""
    user = await at_question(bot, "experience_years")
    await bot.send(user, f"{LINK} (pw (vimeo): {PASSWORD}) apakah pendaftaran ini gratis?")
    assert all(PASSWORD not in text for text in logged_in(bot, user.id))
    assert traces_in_files(bot.database, [PASSWORD]) == []
    # Outside the form the message is kept as sent, for staff to read; the aggregate masks it.
    talent = bot.emulator.user(7301, first_name="Rina")
    await bot.send(talent, f"xyzzy plugh {LINK} password (vimeo): {PASSWORD} harus publik?")
    code, out, err = await run_cli(
        tmp_path, clean_env(tmp_path, DATABASE_PATH=str(bot.database)), "stats"
    )
    assert code == 0, err
    assert "xyzzy plugh <link> password" in out  # the question is listed, masked
    assert PASSWORD not in out


@pytest.mark.parametrize(
    "written",
    [
        f"pasword: {PASSWORD}",
        f"pasword {PASSWORD}",
        f"paswordnya {PASSWORD}",
        f"passwrd: {PASSWORD}",
        f"psswd: {PASSWORD}",
        f"sandi vimeo: {PASSWORD}",
        f"pass vimeo: {PASSWORD}",
        f"sandi {PASSWORD}",
    ],
)
async def test_a_password_word_typed_in_haste_is_one(bot: Harness, written: str) -> None:
    """L1: "pasword" (one s), "psswd", "sandi vimeo: …" beside the number were said back in
    clear ("Keterangan “video https://vimeo.com/55 pasword: bakau2024” tidak ikut tersimpan")
    and kept in the log and the database's files. Now each is a password word."""
    user = await at_question(bot, "phone")
    [reply] = await bot.send(user, f"0812 3456 7788, video {LINK} {written}")
    assert (await draft_answers(bot, user))["phone"] == "+6281234567788"
    assert PASSWORD not in reply.text
    assert MASK in reply.text
    assert all(PASSWORD not in text for text in logged_in(bot, user.id))
    assert traces_in_files(bot.database, [PASSWORD]) == []


async def test_pasword_beside_the_link_is_not_said_back(bot: Harness) -> None:
    """L1 at the link: "Keterangan “pasword: bakau2024” tidak ikut tersimpan". Now the link is
    kept without its password, as after "password: …"."""
    user = await at_question(bot, "portfolio_url")
    [reply] = await bot.send(user, f"{LINK} pasword: {PASSWORD}")
    assert (await draft_answers(bot, user))["portfolio_url"] == LINK
    assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
    assert all(PASSWORD not in text for text in logged_in(bot, user.id))
    assert traces_in_files(bot.database, [PASSWORD]) == []
