"""Where the focus goes in the lead page, in a real browser (headless Chromium), with the keyboard
(a staff review s62, after the workspace's keyboard fixes): the stage message's dialog put it on
"📨 Kirim kabar", so Enter sent the talent a message; after "Kirim balasan" or "Tambah catatan"
it fell to the top of the page. Now the dialog opens on Batal, and the focus stays in the box
just used, empty for the next one."""

from __future__ import annotations

from pathlib import Path

from bot.texts import Text
from tests.browser import DESKTOP, Chromium, opened, served
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded
from tests.test_pipeline import rows
from tests.test_workspace_keyboard_browser import focused


def t(key: Text, **values: str) -> str:
    return CONTENT.text(key, "id", **values)


async def test_the_stage_message_opens_on_cancel_and_a_sent_note_keeps_the_focus(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    bot.emulator.user(7001, first_name="Sari").started = True  # she wrote to the bot
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID, DESKTOP)
        page = seen.page
        await page.get_by_label(t(Text.WS_OPEN_LEAD, reference="KOC-000001")).click()
        await page.locator(".lead-head h1", has_text="KOC-000001").wait_for()

        # A stage pressed: the preview opens with the focus on Batal; Enter sends nothing.
        await page.locator(".stage-buttons button", has_text="Shortlist").click()
        dialog = page.locator("dialog")
        await dialog.locator("h2").wait_for()
        assert await focused(page) == t(Text.BTN_CANCEL)
        await seen.shot(screens, "focus-preview-cancel-desktop-light")
        await page.keyboard.press("Enter")
        await dialog.wait_for(state="detached")
        assert rows(bot.database, "SELECT stage FROM lead_pipeline") == [("baru",)]
        assert rows(bot.database, "SELECT COUNT(*) FROM talent_updates") == [(0,)]

        # A note written, Tab to "Tambah catatan", Enter: saved, the focus in the note box.
        box = page.get_by_label(t(Text.WS_NOTE_PLACEHOLDER))
        await box.fill("Sudah ditelepon, minta portofolio baru")
        await box.focus()
        await page.keyboard.press("Tab")
        assert await focused(page) == t(Text.WS_NOTE_ADD)
        await page.keyboard.press("Enter")
        await page.get_by_text("Sudah ditelepon, minta portofolio baru").wait_for()
        assert await focused(page) == t(Text.WS_NOTE_PLACEHOLDER)
        assert await box.input_value() == ""

        # A reply the same way: sent, the focus in the reply box.
        reply = page.get_by_label(t(Text.WS_REPLY_PLACEHOLDER))
        await reply.fill("Halo Sari, portofolionya sudah kami terima 🙏")
        await reply.focus()
        await page.keyboard.press("Tab")
        assert await focused(page) == t(Text.WS_REPLY_SEND)
        await page.keyboard.press("Enter")
        await page.locator("ol.log li.kind-staff_answer").first.wait_for()
        assert await focused(page) == t(Text.WS_REPLY_PLACEHOLDER)
        await seen.shot(screens, "focus-after-reply-desktop-light")
    await bot.caught_up()
    sari = bot.emulator.user(7001)
    assert sari.find("portofolionya sudah kami terima")
