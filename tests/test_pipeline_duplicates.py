"""A lead closed as a duplicate, as a new staff member read it (review s49): it keeps its stage
for ↩️ Reopen, but it no longer reads or counts as waiting there. /stats, the workspace's
chips, board and Stats tab count it apart; lists and the lead page say "Baru · 🔁 ditutup
(duplikat)"; and a Move all that skips it says how many and why."""

from __future__ import annotations

from typing import Any

from bot.store.audit import Actor
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.test_desk_moves import a_draft_then_two_leads, said
from tests.test_pipeline import admin_of, label, t
from tests.workspace import workspace

CLOSED_BARU = f"{label('baru')} · 🔁 ditutup (duplikat)"


async def test_a_closed_duplicate_is_counted_apart_and_its_stage_says_so(
    bot: Harness, staff_chat: Any
) -> None:
    await a_draft_then_two_leads(bot)  # Sari KOC-000001 (id 2), Budi KOC-000002 (id 3)
    assert await bot.store.duplicates.close_duplicate(3, 2, Actor.cli()) == "saved"
    admin = admin_of(staff_chat)

    # /stats: one lead in Baru (Sari's), the duplicate on a line of its own.
    text, _chart = await bot.send(admin, "/stats")
    lines = text.text.splitlines()
    assert f"• {label('baru')}: 1" in lines
    apart = said(Text.STATS_CLOSED_DUPLICATES, count=1)
    assert apart in lines and lines.index(apart) == lines.index(f"• {label('selesai')}: 0") + 1
    assert "tidak dihitung di tahapnya" in apart
    # "Tahap per bidang" leaves it out too: Budi's film lead is in no stage there.
    assert f"• Film: {label('baru')} 1" not in lines

    # /leads baru lists what Baru counts: Sari's alone, and says it leaves out one closed
    # duplicate, with the words that list it (a review: the chat listed it, the workspace's
    # Baru chip did not); those words list it, its stage saying it is closed.
    (listed,) = await bot.send(admin, "/leads baru")
    assert f"🏷 {label('baru')} · 👤 " in listed.text and "KOC-000002" not in listed.text
    assert "· 1\u20131 dari 1\n" in listed.text
    left_out = said(Text.LEADS_CLOSED_LEFT_OUT, count=1, words="baru duplikat")
    assert listed.text.endswith("\n\n" + left_out)  # the word in Indonesian, as typed
    (film,) = await bot.send(admin, "/leads film unassigned baru")
    assert film.text.endswith("Lihat: /leads baru film bebas duplikat")
    (closed,) = await bot.send(admin, "/leads baru duplikat")
    assert f"🏷 {CLOSED_BARU} · 👤 " in closed.text and "📄 KOC-000001" not in closed.button_texts
    assert "Baru · ditutup sebagai duplikat · 1\u20131 dari 1" in closed.text
    # No Move all: it would count Sari's lead, which this list does not show (a review:
    # "Pindahkan semua (1)", then nothing moved); /leads duplikat neither.
    bulk = t(Text.BTN_BULK_MOVE, count=0).split("(")[0]
    assert not [text for text in closed.button_texts if text.startswith(bulk)]
    (only,) = await bot.send(admin, "/leads duplikat")
    assert "1\u20131 dari 1" in only.text and "📄 KOC-000001" not in only.button_texts
    assert not [text for text in only.button_texts if text.startswith(bulk)]
    # All stages list both, as the workspace's "Semua tahap" does.
    (everyone,) = await bot.send(admin, "/leads")
    assert "KOC-000001" in everyone.text and f"🏷 {CLOSED_BARU} · 👤 " in everyone.text
    # /lead by a name that finds both: the same.
    (found,) = await bot.send(admin, "/lead KOC")
    assert f"🏷 {CLOSED_BARU} · 👤 " in found.text
    # The lead's page.
    (page,) = await bot.send(admin, "/lead KOC-000002")
    assert f"Tahap: {CLOSED_BARU} · sejak " in page.text
    (page,) = await bot.send(admin, "/lead KOC-000001")
    assert f"Tahap: {label('baru')} · sejak " in page.text

    async with workspace(bot, ADMIN_ID) as client:
        listing = await client.ok("leads", {"filter": {}})
        baru = next(item for item in listing["counts"] if item["stage"] == "baru")
        assert (baru["count"], baru["duplicates"]) == (1, 1)
        assert listing["total"] == 2  # both listed
        chip = await client.ok("leads", {"filter": {"stage": "baru"}})
        assert (chip["total"], chip["left_out"]) == (1, 1)  # as /leads baru says
        stages = {row["reference"]: row["stage_label"] for row in listing["rows"]}
        assert stages == {"KOC-000001": label("baru"), "KOC-000002": CLOSED_BARU}
        board = await client.ok("board", {"filter": {}})
        column = next(item for item in board["columns"] if item["stage"] == "baru")
        assert (column["count"], column["duplicates"], len(column["cards"])) == (1, 1, 2)
        lead = await client.ok("lead", {"id": 3})
        assert lead["stage_label"] == CLOSED_BARU and lead["stage"] == "baru"
        figures = await client.ok("stats")
        assert figures["duplicates"] == apart
        assert {item["label"]: item["count"] for item in figures["stages"]}[label("baru")] == 1

        # Reopened, it is in Baru again everywhere.
        await client.ok("reopen-duplicate", {"id": 3})
        listing = await client.ok("leads", {"filter": {}})
        baru = next(item for item in listing["counts"] if item["stage"] == "baru")
        assert (baru["count"], baru["duplicates"]) == (2, 0)
        assert (await client.ok("lead", {"id": 3}))["stage_label"] == label("baru")
        assert (await client.ok("stats"))["duplicates"] is None
    text, _chart = await bot.send(admin, "/stats")
    assert f"• {label('baru')}: 2" in text.text.splitlines()
    assert "🔁" not in text.text
    assert t(Text.WS_COUNT_DUPLICATES, count=1) == "+ 🔁 1 duplikat"


async def test_move_all_of_closed_duplicates_only_says_how_many_were_skipped_and_why(
    bot: Harness, staff_chat: Any
) -> None:
    await a_draft_then_two_leads(bot)
    assert await bot.store.duplicates.close_duplicate(3, 2, Actor.cli()) == "saved"
    await bot.store.pipeline.move(2, None, "ditinjau", Actor.cli(), None, None)  # Sari
    admin = admin_of(staff_chat)
    skipped = t(Text.BULK_PREVIEW_DUPLICATES, count=1)
    assert skipped == (
        "🔁 Ada 1 yang dilewati: ditutup sebagai duplikat; ↩️ Buka lagi dulu kalau mau"
        " memindahkannya."
    )
    # The chat's Move all of the unassigned leads: Sari's, at Ditinjau already, and Budi's
    # closed duplicate (counted apart: the button offers the one it can move).
    await bot.send(admin, "/leads bebas")
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=1))
    mark = admin.mark()
    await bot.press(admin, label("ditinjau"))
    (preview,) = admin.messages_since(mark)
    lines = preview.text.splitlines()
    assert skipped in lines and said(Text.BULK_NONE_ELIGIBLE) in lines
    assert "perlu dipindahkan" not in preview.text
    assert preview.button_texts == [said(Text.BTN_CANCEL)]  # nothing to confirm
    # The workspace's Move to stage… of the ticked lead.
    async with workspace(bot, ADMIN_ID) as client:
        planned = await client.ok("bulk-preview", {"ids": [3], "stage": "ditinjau"})
        assert planned["movable"] == 0
        lines = planned["summary"].splitlines()
        assert skipped in lines and said(Text.BULK_NONE_ELIGIBLE) in lines
        # With a lead that moves, the same line, and the report after says it too.
        planned = await client.ok("bulk-preview", {"ids": [2, 3], "stage": "shortlist"})
        assert skipped in planned["summary"].splitlines()
        done = await client.ok(
            "bulk-move", {"batch": planned["batch"], "stage": "shortlist", "notify": False}
        )
        assert done["moved"] == 1 and "Ada 1 yang dilewati karena ditutup" in done["text"]
    state = await bot.store.pipeline.state(3)
    assert state is not None and state.stage == "baru" and state.closed_duplicate


async def test_a_new_leads_alert_says_it_may_duplicate_an_earlier_lead(
    bot: Harness, staff_chat: Any
) -> None:
    """A new staff member's review: the staff group's alert for a second registration with
    the same phone said nothing, while /leads and the lead page did, and a colleague working
    from the group could contact the talent twice. The alert says it as the lists do."""
    mark = staff_chat.mark()
    await a_draft_then_two_leads(bot)  # Budi's KOC-000002 has Sari's phone
    alerts = [m.text for m in staff_chat.messages_since(mark) if "KOC-00000" in m.text]
    first = next(text for text in alerts if "KOC-000001" in text.split("\n")[0])
    second = next(text for text in alerts if "KOC-000002" in text.split("\n")[0])
    assert said(Text.RECORDS_LIST_DUPLICATES, references="KOC-000001") in second
    assert "⚠️" not in first
