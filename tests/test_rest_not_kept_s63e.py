"""The rest of an answer added at the review only as the talent wrote it (a final review s63,
M2): a message the conversation log keeps only as its length (over the day's text budget) or
no longer keeps (past retention) is never joined to the answer as "[text over the daily log
limit: …]". She is told it could not be added, and how to change that answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.texts import Text
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, at_question, draft_answers, fill, shown, where

FIRST = "Kami ingin tampil di Seoul tahun depan."
REST = "Demo lengkapnya menyusul lewat email ya kak, sekalian rider teknis dan daftar personel."
FIELD = CONTENT.questions["message"].label.id


async def test_a_rest_the_log_keeps_only_as_its_length_is_not_offered_nor_added(
    make_bot: Callable[..., Any], staff_chat: Any
) -> None:
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID, log_text_per_day=0
    )
    user = await at_question(bot, "sector")
    await fill(bot, user, {**MUSICIAN, "message": FIRST})
    [reply] = await bot.send(user, REST)
    assert CONTENT.text(Text.BTN_ADD_REST, "id") not in reply.button_texts
    assert shown(Text.INTAKE_REST_NOT_KEPT, field=FIELD) in reply.text
    assert shown(Text.INTAKE_REST_ADDED, field=FIELD) not in reply.text
    assert (await draft_answers(bot, user))["message"] == FIRST
    assert await where(bot, user) == "review"


async def test_a_rest_gone_from_the_log_before_the_press_is_said_not_added(
    bot: Harness,
) -> None:
    user = await at_question(bot, "sector")
    await fill(bot, user, {**MUSICIAN, "message": FIRST})
    [offer] = await bot.send(user, REST)
    assert offer.text.startswith(shown(Text.INTAKE_REST_OFFERED, field=FIELD))
    # The retention job runs between the offer and the press: the log keeps no text of it.
    await bot.store.privacy.purge("9999-12-31", "0000-01-01", "0000-01-01")
    [after] = await bot.press(user, CONTENT.text(Text.BTN_ADD_REST, "id"))
    assert shown(Text.INTAKE_REST_NOT_KEPT, field=FIELD) in after.text
    assert shown(Text.INTAKE_REST_ADDED, field=FIELD) not in after.text
    assert CONTENT.text(Text.BTN_ADD_REST, "id") not in after.button_texts
    assert (await draft_answers(bot, user))["message"] == FIRST
    assert await where(bot, user) == "review"
