"""A lead its talent cancelled, where staff skim and act on many leads at once (polish s59,
after withdraw59): the /leads rows, the workspace's list rows and board cards mark it as the
lead page does, 📞 Log a contact is not offered on it (an older page's button logs nothing and
says why), and a bulk move names it apart instead of counting it as "already there".

Staff skimming a list for someone to call must not call a talent who cancelled."""

from __future__ import annotations

from typing import Any

from bot.leads import cancelling
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT
from tests.test_pipeline import admin_of, label, rows, t, visible
from tests.test_pipeline_review import _talents
from tests.workspace import workspace

AGREED = {"processing": True, "transfer_korea": True}
MARKED = visible(t(Text.RECORDS_STAGE_WITHDRAWN, stage=label("selesai")))


def _notes(bot: Harness) -> int:
    ((count,),) = rows(bot.database, "SELECT COUNT(*) FROM lead_notes")
    return int(count)


def _row_of(text: str, reference: str) -> str:
    """The /leads row (its lines) of one lead."""
    (row,) = [part for part in text.split("\n\n") if reference in part]
    return row


async def test_staff_lists_mark_a_cancelled_lead_and_offer_no_contact(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    rina, _budi = await _talents(bot, ("id", AGREED), ("id", AGREED))
    (old_page,) = await bot.send(admin, "/lead KOC-000001")  # open before she cancelled
    assert t(Text.BTN_CONTACTED) in old_page.button_texts
    done = await cancelling.cancel(bot.store, CONTENT, rina.id, 1)
    assert done.outcome == "cancelled"

    # /leads: her row says she cancelled it, the other lead's only its stage.
    (listed,) = await bot.send(admin, "/leads")
    assert MARKED in _row_of(listed.text, "KOC-000001")
    assert "🚫" not in _row_of(listed.text, "KOC-000002")

    # Her lead's page offers no 📞 Log a contact (notes stay); the other lead's does.
    (page,) = await bot.send(admin, "/lead KOC-000001")
    assert t(Text.BTN_CONTACTED) not in page.button_texts
    assert t(Text.BTN_NOTES, count=0) in page.button_texts
    (other,) = await bot.send(admin, "/lead KOC-000002")
    assert t(Text.BTN_CONTACTED) in other.button_texts
    # The older page's 📞: refused, said why, no note asked for, nothing recorded.
    mark = admin.mark()
    await bot.press(admin, t(Text.BTN_CONTACTED), message=old_page)
    refused = visible(t(Text.RECORDS_CONTACTED_WITHDRAWN, reference="KOC-000001"))
    assert admin.find(refused, since=mark)
    assert bot.store.pipeline.prompt_for(ADMIN_ID) is None
    assert _notes(bot) == 0

    async with workspace(bot, ADMIN_ID) as client:
        table = await client.ok("leads")
        by_reference = {row["reference"]: row for row in table["rows"]}
        assert by_reference["KOC-000001"]["withdrawn"] is True
        assert by_reference["KOC-000001"]["stage_label"] == MARKED
        assert by_reference["KOC-000002"]["withdrawn"] is False
        assert by_reference["KOC-000002"]["stage_label"] == label("baru")
        board = await client.ok("board", {"filter": {}})
        cards = {card["reference"]: card for column in board["columns"] for card in column["cards"]}
        assert cards["KOC-000001"]["withdrawn"] is True
        assert cards["KOC-000001"]["stage_label"] == MARKED
        # The workspace's 📞 (an older page's) is refused the same way.
        lead = await client.ok("lead", {"id": 1})
        contacted = await client.ok(
            "contacted", {"id": 1, "version": lead["version"], "note": "WA 12 Jan"}
        )
        assert contacted == {"outcome": "refused", "text": refused}
    assert _notes(bot) == 0


async def test_a_bulk_move_names_the_cancelled_leads_it_leaves(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    rina, _budi, sari = await _talents(bot, ("id", AGREED), ("id", AGREED), ("id", AGREED))
    for talent, application in ((rina, 1), (sari, 3)):
        assert (await cancelling.cancel(bot.store, CONTENT, talent.id, application)).outcome == (
            "cancelled"
        )
    line = visible(t(Text.BULK_SKIPPED_WITHDRAWN, count=2, which="KOC-000001, KOC-000003"))

    # The chat's Move all: the preview and the result each say it on a line of its own, and
    # "already there" does not count them.
    await bot.send(admin, "/leads bebas")  # a filtered list (unassigned) offers Move all
    # Its button counts the one lead it can move, not the two cancelled (s60), as it leaves
    # out those closed as a duplicate.
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=1))
    mark = admin.mark()
    await bot.press(admin, label("ditinjau"))
    (preview,) = admin.find("→ Ditinjau", since=mark)
    assert line in preview.text.splitlines()
    assert visible(t(Text.BULK_PREVIEW_ALREADY, count=2)) not in preview.text
    await bot.press(admin, t(Text.BTN_BULK_CONFIRM))
    (done,) = admin.find("✅ Pindah massal", since=mark)
    assert line in done.text.splitlines()
    assert "karena sudah di tahap itu" not in done.text

    # The workspace's selection: the same.
    async with workspace(bot, ADMIN_ID) as client:
        planned = await client.ok("bulk-preview", {"ids": [1, 2, 3], "stage": "dihubungi"})
        assert line in planned["summary"].splitlines()
        moved = await client.ok(
            "bulk-move", {"batch": planned["batch"], "stage": "dihubungi", "notify": False}
        )
        assert moved["moved"] == 1
        assert line in moved["text"].splitlines()
        assert "karena sudah di tahap itu" not in moved["text"]
    stages = dict(
        rows(
            bot.database,
            "SELECT a.reference, p.stage FROM applications a"
            " JOIN lead_pipeline p ON p.application_id = a.id",
        )
    )
    assert stages == {"KOC-000001": "selesai", "KOC-000002": "dihubungi", "KOC-000003": "selesai"}


async def test_leads_canceled_lists_only_the_registrations_their_talent_cancelled(
    bot: Harness, staff_chat: Any
) -> None:
    """s60: a cancelled registration was marked in the lists but could not be listed apart;
    `/leads dibatalkan` (or canceled, cancelled) lists them, combined with the other filters,
    and /leads' help says so."""
    admin = admin_of(staff_chat)
    rina, _budi = await _talents(bot, ("id", AGREED), ("id", AGREED))
    assert (await cancelling.cancel(bot.store, CONTENT, rina.id, 1)).outcome == "cancelled"
    for words in ("dibatalkan", "canceled", "Cancelled", "batal musik"):
        (listed,) = await bot.send(admin, f"/leads {words}")
        assert "KOC-000001" in listed.text and "KOC-000002" not in listed.text, words
        assert MARKED in _row_of(listed.text, "KOC-000001")
        assert t(Text.FILTER_CANCELLED) in listed.text.split("\n")[0], words  # said as a filter
        # None of them can move: no Move all (it would only say so).
        assert not [b for b in listed.button_texts if b.startswith("🔀")], words
    # With a stage she is not at: nobody.
    (listed,) = await bot.send(admin, "/leads baru dibatalkan")
    assert "KOC-000001" not in listed.text and "KOC-000002" not in listed.text
    # The list without it still shows both.
    (listed,) = await bot.send(admin, "/leads")
    assert "KOC-000001" in listed.text and "KOC-000002" in listed.text
    # A word not understood: the help lists the filter, in Indonesian and in English.
    (refused,) = await bot.send(admin, "/leads xyzzy")
    assert "• dibatalkan (atau canceled): hanya pendaftaran yang dibatalkan" in refused.text
    # The workspace: the same filter on its list.
    async with workspace(bot, ADMIN_ID) as client:
        table = await client.ok("leads", {"filter": {"cancelled": "yes"}})
        assert [row["reference"] for row in table["rows"]] == ["KOC-000001"]
        table = await client.ok("leads", {"filter": {}})
        assert {row["reference"] for row in table["rows"]} == {"KOC-000001", "KOC-000002"}
