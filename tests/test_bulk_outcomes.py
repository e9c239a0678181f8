"""Move all and leads at an outcome (staff review s50 M4): a list holding leads already
Diteruskan or Tidak dilanjutkan would take them back to an earlier stage in one tap, and the
preview said so in one hard sentence. The preview now lists where the leads are, one line per
stage, and offers ⏭ to leave those at an outcome where they are, in chat and workspace."""

from __future__ import annotations

from typing import Any

from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT
from tests.test_pipeline import admin_of, label, rows, t, visible, wait_sent
from tests.test_pipeline_review import _talents
from tests.workspace import workspace

AGREED = {"processing": True, "transfer_korea": True}


async def _three_leads(bot: Harness, admin: Any) -> None:
    """KOC-000001 stays Baru; KOC-000002 is forwarded, KOC-000003 closed, each told so."""
    await bot.send(admin, "/start")
    await _talents(bot, ("id", AGREED), ("id", AGREED), ("id", AGREED))
    for number, stage in ((2, "diteruskan"), (3, "selesai")):
        await bot.send(admin, f"/lead KOC-00000{number}")
        await bot.press(admin, label(stage))
        await bot.press(admin, t(Text.BTN_SEND_UPDATE))
        await wait_sent(bot, number)


def stages_of(bot: Harness) -> dict[str, str]:
    found = rows(
        bot.database,
        "SELECT a.reference, p.stage FROM applications a"
        " JOIN lead_pipeline p ON p.application_id = a.id ORDER BY a.id",
    )
    return {str(reference): str(stage) for reference, stage in found}


async def test_move_all_lists_stages_one_a_line_and_can_leave_outcomes_where_they_are(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    await _three_leads(bot, admin)
    status = CONTENT.stages["ditinjau"].talent_label.get("id")
    skip = t(Text.BTN_BULK_SKIP_OUTCOMES, count=2)

    await bot.send(admin, "/leads bebas")  # a filtered list: the default one included
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=3))
    mark = admin.mark()
    await bot.press(admin, label("ditinjau"))
    (preview,) = admin.find("→ Ditinjau", since=mark)
    lines = preview.text.splitlines()
    assert lines[1:9] == [
        "Sekarang di tahap:",
        f"• {label('baru')}: 1",
        f"• {label('diteruskan')}: 1 (tahap akhir)",
        f"• {label('selesai')}: 1 (tahap akhir)",
        visible(t(Text.BULK_PREVIEW_OUTCOMES, count=2, stage=label("ditinjau"))),
        visible(t(Text.BULK_PREVIEW_BACK_QUIET, status=status)),
        f"• {label('diteruskan')}: 1",
        f"• {label('selesai')}: 1",
    ]
    assert lines[5].startswith("🏁 Ada 2 yang sudah di tahap akhir")
    assert "Diteruskan, Tidak dilanjutkan" not in preview.text  # no stages run together
    assert preview.text.count("tidak punya kabar") <= 1
    assert skip in preview.button_texts and t(Text.BTN_BULK_CONFIRM) in preview.button_texts

    # ⏭: the preview again without them; then ✅ moves the one at Baru only.
    mark = admin.mark()
    await bot.press(admin, skip)
    (again,) = admin.find("→ Ditinjau", since=mark)
    assert again.text.startswith("🔀 1 pendaftar (")
    assert t(Text.BULK_WITHOUT_OUTCOMES) in again.text.splitlines()[0]
    assert "🏁" not in again.text and "Sekarang di tahap" not in again.text
    assert skip not in again.button_texts
    await bot.press(admin, t(Text.BTN_BULK_CONFIRM))
    (done,) = admin.find("✅ Pindah massal", since=mark)
    assert "1 pendaftar sekarang di tahap Ditinjau" in done.text
    assert stages_of(bot) == {
        "KOC-000001": "ditinjau",
        "KOC-000002": "diteruskan",
        "KOC-000003": "selesai",
    }

    # The workspace's selection: the same lines, and the same choice.
    async with workspace(bot, ADMIN_ID) as client:
        planned = await client.ok("bulk-preview", {"ids": [1, 2, 3], "stage": "dihubungi"})
        assert planned["outcomes"] == 2 and planned["movable"] == 3
        summary = planned["summary"].splitlines()
        assert f"• {label('diteruskan')}: 1 (tahap akhir)" in summary
        assert f"• {label('ditinjau')}: 1" in summary
        kept = await client.ok(
            "bulk-preview", {"ids": [1, 2, 3], "stage": "dihubungi", "skip_outcomes": True}
        )
        assert kept["outcomes"] == 0 and kept["movable"] == 1
        assert kept["leads"] == [[1, planned["leads"][0][1]]]
        moved = await client.ok(
            "bulk-move", {"batch": kept["batch"], "stage": "dihubungi", "notify": False}
        )
        assert moved["moved"] == 1
        refused, _ = await client.call(
            "bulk-preview", {"ids": [1], "stage": "baru", "skip_outcomes": "yes"}
        )
        assert refused == 400
    assert stages_of(bot)["KOC-000002"] == "diteruskan"
    assert stages_of(bot)["KOC-000001"] == "dihubungi"


async def test_a_list_of_outcomes_only_offers_no_skip(bot: Harness, staff_chat: Any) -> None:
    admin = admin_of(staff_chat)
    await _three_leads(bot, admin)
    await bot.send(admin, "/leads selesai")
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=1))
    mark = admin.mark()
    await bot.press(admin, label("ditinjau"))
    (preview,) = admin.find("→ Ditinjau", since=mark)
    assert visible(t(Text.BULK_PREVIEW_OUTCOMES_ALL, stage=label("ditinjau"))) in (
        preview.text.splitlines()
    )
    assert not [text for text in preview.button_texts if text.startswith("⏭")]
