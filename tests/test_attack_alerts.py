"""rev-attack finding 4: a registration with every answer at its allowed length gets no
new-lead alert: the alert is longer than one Telegram message.

handlers/intake.py `_notify_staff` builds one text of every answer and
handlers/records_alerts.py `send_alert` sends it as one message (no split_message): Telegram
answers "message is too long", a warning is logged, the lead is never marked as notified and
no alert is ever sent. In real Telegram, where the limit counts UTF-16 units, answers with
emoji reach it sooner (the emulator counts code points: bot/emulator/methods_send.py).
"""

from __future__ import annotations

from typing import Any

from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply


async def test_finding_4_the_longest_allowed_registration_still_alerts_staff(
    bot: Harness, staff_chat: Any
) -> None:
    genres = [choice.value for choice in CONTENT.questions["genres"].choices or []]
    languages = [choice.value for choice in CONTENT.questions["languages"].choices or []]
    programs = [p.key for p in CONTENT.interest_programs() if p.section == "music"]
    answers = {
        **MUSICIAN,
        "full_name": "N" * 100,
        "stage_name": "S" * 100,
        "city": "C" * 60,
        "genres": genres[:3],
        "languages": languages,
        "programs_of_interest": programs,
        "portfolio_url": "https://example.com/" + "a" * 480,
        "other_links": "L" * 500,
        "notable_works": "W" * 1000,
        "message": "M" * 1000,
        "email": "a" * 60 + "@" + "b" * 60 + ".com",
    }
    talent = bot.emulator.user(7777, first_name="F" * 64, last_name="L" * 64, username="u" * 32)
    mark = staff_chat.mark()
    reference = await apply(bot, talent, answers)
    alerts = [m for m in staff_chat.messages_since(mark) if reference in m.text]
    assert alerts, f"no new-lead alert for {reference}"  # seen: none, "Message is too long"
