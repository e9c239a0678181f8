"""The staff review s63, MEDIUM 2, through the emulator: /stats and the Stats tab say "✅ now
answered" only when what talents typed is now answered directly, matched again as typed (kept
in free_questions.text, never sent to the page), not as its masked summary."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.emulator import EmulatedChat
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, shown
from tests.test_answers import CHART_WAIT
from tests.workspace import workspace

CONTACTS = CONTENT.faq["contacts_sources"]


async def test_stats_say_now_answered_only_for_what_talents_typed(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """Staff review s63, MEDIUM 2: "apakah nomor 0813-9999-1234 itu nomor resmi kantor kocca
    jakarta?" got suggestions, yet /stats and the Stats tab said "✅ now answered" (its masked
    summary, matched, was the contacts page's): matched again as typed, it is not."""
    asked = "apakah nomor 0813-9999-1234 itu nomor resmi kantor kocca jakarta?"
    for name in ("Tono", "Tono2"):
        talent = bot.user(first_name=name)
        [reply] = await bot.send(talent, asked)
        assert reply.text.startswith(shown(Text.ASK_NOT_SURE))  # still only suggestions
    admin = staff_chat.members[ADMIN_ID]
    mark = admin.mark()
    update = admin.send("/stats")
    # The chart after the text is drawn by a child process: seconds on a busy machine.
    await asyncio.wait_for(bot.runner.settle(update["update_id"]), CHART_WAIT)
    report = "\n".join(reply.text for reply in admin.messages_since(mark))
    summary = "apakah nomor <number> itu nomor resmi kantor kocca jakarta?"
    line = shown(Text.STATS_QUESTIONS_LINE, count=2, question=summary)
    assert line in report
    now = shown(Text.STATS_QUESTIONS_NOW, entry=CONTACTS.question.id)
    assert f"{line} {now}" not in report
    async with workspace(bot, ADMIN_ID) as client:
        stats: dict[str, Any] = await client.ok("stats")
    [item] = [i for i in stats["questions"]["suggested"] if i["question"] == summary]
    assert item["now"] is None
    assert "0813" not in str(stats) and "typed" not in item  # what was typed stays here
