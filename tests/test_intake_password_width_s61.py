"""A password typed beside a link in forms the last fixer of session 61 left unread: its word
in full-width or styled letters ("\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44: …"; the
form's text is not folded to Unicode's compatibility form before it is read for a password),
and a password that looks like a link ("pw: https://bakau2024.com")."""

from __future__ import annotations

import pytest

from bot.texts import Text
from tests.harness import Harness
from tests.leads import FILMMAKER, at_question, draft_answers, shown
from tests.test_erasure import traces_in_files
from tests.test_intake_links_s61 import logged_in

LINK = "https://vimeo.com/923456789"
PASSWORD = "bakau2024"


@pytest.mark.parametrize(
    "word",
    [
        "\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44:",  # full width, "password:"
        "\uff30\uff37\uff1a",  # full width, "PW" and its colon
        "\U0001d429\U0001d430:",  # bold, "pw:"
        "\uff2b\uff21\uff34\uff21 \uff33\uff21\uff2e\uff24\uff29",  # full width, "KATA SANDI"
    ],
)
async def test_a_password_word_in_full_width_letters_is_read_and_masked(
    bot: Harness, word: str
) -> None:
    """A link and "\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44: bakau2024" was not read
    as a password: nothing said of it, the log kept it. Now the link is kept, the talent told
    the password is not, the log has it masked with the word as typed, and no copy is left in the
    database's files."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, f"{LINK} {word} {PASSWORD}")
    assert (await draft_answers(bot, user))["portfolio_url"] == LINK
    assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
    assert logged_in(bot, user.id)[-1] == f"{LINK} {word} ••••"
    assert traces_in_files(bot.database, [PASSWORD]) == []


@pytest.mark.parametrize(
    "password", [f"https://{PASSWORD}.com", f"{PASSWORD}.com", f"https://{PASSWORD}.com/"]
)
async def test_a_password_that_looks_like_a_link_is_no_link(bot: Harness, password: str) -> None:
    """A link and "pw: https://bakau2024.com": the password was carried on to
    the other links as one more link, and logged as typed. Now what follows "pw:" is the
    password even if link-shaped: the link alone kept, nothing carried on, the talent told the
    password is not kept, the log masked, no copy in the database's files."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, f"{LINK} pw: {password}")
    answers = await draft_answers(bot, user)
    assert answers["portfolio_url"] == LINK
    assert PASSWORD not in repr(answers)
    assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
    assert logged_in(bot, user.id)[-1] == f"{LINK} pw: ••••"
    assert traces_in_files(bot.database, [PASSWORD]) == []
