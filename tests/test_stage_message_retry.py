"""A stage message refused while staff change the stage again is never sent after all.

The message is already marked 'sending' when the stage changes, so the move cannot drop it;
Telegram's 429 (or a server error) then puts it back in the queue, and it must not go out
when it is picked again, nor by the transport's own retry: it says a stage that is over.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.emulator import EmulatedUser
from bot.texts import Text
from tests.harness import Harness
from tests.leads import MUSICIAN, apply
from tests.subscribers import wait_until
from tests.test_pipeline import admin_of, label, t, visible

SHORTLIST_WORDS = "masuk daftar pendek"  # only in the Shortlist message


@pytest.fixture
async def sari(bot: Harness) -> EmulatedUser:
    """A musician with one submitted application, KOC-000001."""
    talent = bot.user(first_name="Sari")
    assert await apply(bot, talent, MUSICIAN) == "KOC-000001"
    return talent


async def _move(bot: Harness, admin: EmulatedUser, stage: str) -> None:
    """Staff move KOC-000001 from its page, sending the stage's message if it has one."""
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, label(stage))
    if t(Text.BTN_SEND_UPDATE) in admin.last_message.button_texts:
        await bot.press(admin, t(Text.BTN_SEND_UPDATE))


async def _status(bot: Harness, update_id: int) -> str:
    found = await bot.store.db.fetch_value(
        "SELECT status FROM talent_updates WHERE id = ?", (update_id,)
    )
    return str(found)


@pytest.mark.parametrize("refusal", [429, 502])
@pytest.mark.parametrize(
    "moves",
    [("selesai",), ("ditinjau",), ("ditinjau", "shortlist")],
    ids=["to-a-stage-with-a-message", "to-a-stage-without", "away-and-back"],
)
async def test_a_message_refused_while_the_stage_changed_again_is_never_sent(
    bot: Harness, staff_chat: Any, sari: EmulatedUser, refusal: int, moves: tuple[str, ...]
) -> None:
    admin = admin_of(staff_chat)
    await bot.send(admin, "/start")
    # The Shortlist message's request is under way (marked 'sending') until released.
    held = bot.emulator.hold(
        "sendMessage", chat_id=sari.id, containing=SHORTLIST_WORDS, status=refusal, retry_after=1
    )
    talent_mark = sari.mark()
    await _move(bot, admin, "shortlist")
    await held.arrived.wait()
    first = await bot.store.db.fetch_value("SELECT MAX(id) FROM talent_updates")
    assert await _status(bot, first) == "sending"

    for stage in moves:  # meanwhile staff move the lead on
        await _move(bot, admin, stage)
    mark = admin.mark()
    # Telegram refuses it: nothing reached the talent. After a 429 the message goes back in
    # the queue; after a server error the transport's own retry would be a new request.
    held.release()

    async def settled() -> bool:
        return await _status(bot, first) not in ("pending", "sending")

    await wait_until(settled)
    await bot.caught_up()
    assert await _status(bot, first) == "superseded"
    final = moves[-1]
    received = [message.text for message in sari.messages_since(talent_mark)]
    if final == "shortlist":  # back at Shortlist: its new message, once
        assert sum(SHORTLIST_WORDS in text for text in received) == 1
    else:
        assert not any(SHORTLIST_WORDS in text for text in received)
    superseded = visible(
        t(Text.UPDATE_REPORT_SUPERSEDED, reference="KOC-000001", stage=label("shortlist"))
    )
    assert admin.find(superseded, since=mark)
