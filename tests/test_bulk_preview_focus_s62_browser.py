"""Where the focus goes in the workspace's bulk move preview, in a real browser (headless
Chromium), with the keyboard (review s62, M1): the preview opened on "📨 Pindahkan & kirim
kabar", so one Enter moved every selected lead and sent every talent the stage message. Now it
opens on Batal, as the single lead's dialog does; a deliberate choice still works by keyboard."""

from __future__ import annotations

from pathlib import Path

from bot.texts import Text
from tests.browser import DESKTOP, Chromium, opened, served
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, seeded
from tests.test_pipeline import rows
from tests.test_workspace_keyboard_browser import focused

TALENTS = (7001, 7002, 7003)


def t(key: Text, **values: str) -> str:
    return CONTENT.text(key, "id", **values)


async def test_the_bulk_preview_opens_on_cancel_and_enter_moves_and_sends_nothing(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    await seeded(bot.database, [Seed(user, MUSICIAN) for user in TALENTS])
    for user in TALENTS:
        bot.emulator.user(user).started = True  # each wrote to the bot: a message would reach them
    async with served(bot) as base, chromium.context() as context:
        seen = await opened(context, base, bot, ADMIN_ID, DESKTOP)
        page = seen.page
        dialog = page.locator("dialog")

        async def preview() -> None:
            """Tick KOC-000001 and KOC-000003, Pindahkan ke tahap… → Shortlist: the preview."""
            for reference in ("KOC-000001", "KOC-000003"):
                tick = page.get_by_label(t(Text.WS_SELECT_ROW, reference=reference), exact=True)
                await tick.check()
            await page.get_by_role("button", name=t(Text.WS_MOVE_SELECTED)).click()
            await dialog.locator(".stage-buttons button", has_text="Shortlist").click()
            await page.get_by_role("button", name=t(Text.BTN_BULK_SEND)).wait_for()

        # The preview opens with the focus on Batal: Enter closes it, nothing moved or sent.
        await preview()
        assert await focused(page) == t(Text.BTN_CANCEL)
        await seen.shot(screens, "bulk-preview-focus-cancel-desktop-light")
        await page.keyboard.press("Enter")
        await dialog.wait_for(state="detached")
        stages = rows(bot.database, "SELECT stage FROM lead_pipeline ORDER BY application_id")
        assert stages == [("baru",), ("baru",), ("baru",)]
        assert rows(bot.database, "SELECT COUNT(*) FROM talent_updates") == [(0,)]

        # Chosen on purpose by keyboard: Shift+Tab to "Pindahkan tanpa kabar", Enter: moved, quiet.
        await preview()
        await page.keyboard.press("Shift+Tab")
        assert await focused(page) == t(Text.BTN_BULK_QUIET)
        await page.keyboard.press("Enter")
        await page.locator("#toast[data-kind=info]", has_text="Pindah massal #").wait_for()
        stages = rows(bot.database, "SELECT stage FROM lead_pipeline ORDER BY application_id")
        assert stages == [("shortlist",), ("baru",), ("shortlist",)]
        assert rows(bot.database, "SELECT COUNT(*) FROM talent_updates") == [(0,)]
        assert seen.alerts == [] and seen.errors == []
    await bot.caught_up()
    for user in TALENTS:  # no talent was sent the stage message, nor anything else
        assert bot.emulator.user(user).messages == []
