"""A registration the bot cancelled (an update said under 18, then "Belum ada persetujuan"),
as staff see it (a review s63: Wulan reading KOC-000004).

L2: the workspace's history put "talenta" as the one who cancelled it, the chat's /lead named
nobody: both now say it is the bot's cancel ("dibatalkan otomatis"), with no author.
M2: /leads dibatalkan lists both kinds of cancel; its header and the /leads help said "only the
registrations their talent cancelled themselves".
"""

from __future__ import annotations

from bot.emulator import EmulatedUser
from bot.leads.export import plain_text
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, apply
from tests.test_pipeline import t
from tests.test_update_under_18_s62 import under_18_in_update
from tests.workspace import init_data, workspace


async def _cancelled_by_the_bot(bot: Harness, talent: EmulatedUser) -> None:
    """`talent` sends a registration as an adult, then updates the age to under 18 and
    answers that there is no guardian's consent: the bot cancels it."""
    assert await apply(bot, talent, MUSICIAN) == "KOC-000001"
    await under_18_in_update(bot, talent, t(Text.BTN_UPDATE_REGISTRATION))
    await bot.press(talent, t(Text.BTN_GUARDIAN_NO))


async def test_the_history_names_the_bots_cancel_as_the_bots_in_the_chat_and_the_workspace(
    bot: Harness,
) -> None:
    await _cancelled_by_the_bot(bot, bot.user(first_name="Nadia"))
    admin = bot.emulator.user(ADMIN_ID)
    page = "\n".join(item.text for item in await bot.send(admin, "/lead KOC-000001"))
    (line,) = [line for line in page.split("\n") if "di bawah 18 tahun dan belum ada" in line]
    assert " · dibatalkan otomatis: talentanya menyatakan usianya di bawah 18 tahun" in line
    assert "talenta membatalkan" not in page

    for language, robot in (("id", "Dibatalkan otomatis:"), ("en", "Canceled automatically:")):
        async with workspace(bot, ADMIN_ID) as client:
            viewer = client.as_user(init_data(bot.settings.token(), ADMIN_ID, language=language))
            lead = await viewer.ok("lead", {"id": 1})
        (change,) = [item for item in lead["changes"] if item["kind"] == "talent_withdrawal"]
        # No author: not "talenta" / "the registrant" (the page shows "time · by").
        assert change["by"] is None, change
        assert change["why"] == "history_talent_withdrew_under_18"
        shown = plain_text(CONTENT.text(Text.WS_HISTORY_TALENT_WITHDREW_UNDER_18, language))
        assert shown.startswith(f"🚫 {robot}")
        assert change["text"].split(" · ", 1)[1].lower().startswith(robot.lower())


async def test_leads_dibatalkan_says_it_lists_both_kinds_of_cancel(bot: Harness) -> None:
    await _cancelled_by_the_bot(bot, bot.user(first_name="Nadia"))
    bagas = bot.user(first_name="Bagas")
    assert await apply(bot, bagas, FILMMAKER) == "KOC-000002"
    await bot.send(bagas, "/status")
    await bot.press(bagas, t(Text.BTN_CANCEL_REGISTRATION))
    await bot.press(bagas, t(Text.BTN_CANCEL_YES))
    admin = bot.emulator.user(ADMIN_ID)
    (listed, *_) = await bot.send(admin, "/leads dibatalkan")
    assert "KOC-000001" in listed.text and "KOC-000002" in listed.text  # both kinds
    header = listed.text.split("\n")[0]
    assert "talenta" not in header, header  # not "dibatalkan talenta": the bot cancelled one
    help_text = "\n".join(item.text for item in await bot.send(admin, "/leads xyzzy"))
    (said,) = [line for line in help_text.split("\n") if line.startswith("• dibatalkan")]
    assert "sendiri" not in said or "otomatis" in said, said
    assert "di bawah 18" in said, said
