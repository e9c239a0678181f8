"""A takeover's history line says from whom (a review s63, L4: Wulan took KOC-000001 from
Dewi, and /lead's Riwayat read only "Wulan: ditangani oleh Wulan", while the guide says the
history records the hand-over)."""

from __future__ import annotations

from bot.emulator import EmulatedUser
from bot.texts import Text
from tests.harness import Harness
from tests.test_pipeline import _seed_talents, t, two_admins

REFERENCE = "KOC-000001"
__all__ = ["two_admins"]  # the fixture


def history(page: str) -> list[str]:
    return [line for line in page.split("\n") if line.startswith("• ")]


async def test_a_takeover_and_a_hand_over_say_whom_the_lead_was_taken_from(
    two_admins: tuple[Harness, EmulatedUser, EmulatedUser],
) -> None:
    bot, admin, dewi = two_admins
    await _seed_talents(bot, 1)
    await bot.send(dewi, f"/lead {REFERENCE}")
    (taken,) = await bot.press(dewi, t(Text.BTN_ASSIGN_ME))
    assert any(line.endswith("· Dewi: ditangani oleh Dewi") for line in history(taken.text))

    # Admin opens the lead (it shows Dewi) and takes it over.
    await bot.send(admin, f"/lead {REFERENCE}")
    (page,) = await bot.press(admin, t(Text.BTN_ASSIGN_ME))
    lines = history(page.text)
    assert any(line.endswith("· Admin: mengambil alih lead ini dari Dewi") for line in lines)
    assert not any(line.endswith("· Admin: ditangani oleh Admin") for line in lines)

    # Admin hands it back to Dewi through "Serahkan ke…": whom from, too.
    await bot.press(admin, t(Text.BTN_ASSIGN_OTHER), message=page)
    (page,) = await bot.press(admin, "Dewi")
    lines = history(page.text)
    assert any(line.endswith("· Admin: ditangani oleh Dewi (sebelumnya Admin)") for line in lines)
