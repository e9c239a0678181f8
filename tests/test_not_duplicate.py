"""Two different people marked as possible duplicates (a staff review s57, M3: Putri registered
with her sister Dewi's phone, and a red "mungkin duplikat" stayed for ever on both leads, the
lists, the board and the export): "✋ Bukan duplikat" on either lead takes the pair's mark off
everywhere, audited on both leads; "↩️ Tandai lagi" takes it back; a close of that pair from
an older page is refused; a crafted call on an unmarked pair changes nothing."""

from __future__ import annotations

import json
from typing import Any

from bot.emulator import EmulatedUser
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import FILMMAKER, MUSICIAN, as_records, read_csv, shown
from tests.leads import apply as register
from tests.test_pipeline import admin_of, rows, t
from tests.test_staff import documents
from tests.workspace import workspace

PUTRI = {**FILMMAKER, "full_name": "Putri Senja", "phone": MUSICIAN["phone"]}
RINA = {**FILMMAKER, "full_name": "Rina Wulandari", "email": "rina@rumahfilm.id"}
MARK_ON_PUTRI = "⚠️ mungkin duplikat dari KOC-000001: nomor HP sama"
MARK_ON_DEWI = "⚠️ punya kemungkinan duplikat: KOC-000002, dikirim kemudian (nomor HP sama)"


def audited(bot: Harness, action_part: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(action, lead, detail) of the audit entries whose action holds these words."""
    found = rows(
        bot.database,
        "SELECT action, lead_ref, detail FROM audit_log WHERE instr(action, ?) > 0 ORDER BY id",
        (action_part,),
    )
    return [(action, lead, json.loads(detail or "{}")) for action, lead, detail in found]


def said_in_history(page: str, key: Text, other: str) -> bool:
    """Whether a lead page's history has the entry, by the admin (as the chat names them)."""
    entry = shown(key, time="TIME", author="AUTHOR", reference=other)
    before, _, after = entry.partition("TIME")
    when, _, what = after.partition("AUTHOR")
    return any(
        line.startswith(before) and line.endswith(what) and when in line
        for line in page.splitlines()
    )


async def sisters(bot: Harness) -> EmulatedUser:
    """Dewi (KOC-000001) and her sister Putri (KOC-000002, another account, Dewi's phone)."""
    dewi = bot.user(first_name="Dewi")
    assert await register(bot, dewi, MUSICIAN) == "KOC-000001"
    assert await register(bot, bot.user(first_name="Putri"), PUTRI) == "KOC-000002"
    return dewi


async def test_not_a_duplicate_in_the_chat_clears_the_pairs_mark_everywhere_and_back(
    bot: Harness, staff_chat: Any
) -> None:
    await sisters(bot)
    admin = admin_of(staff_chat)
    (page,) = await bot.send(admin, "/lead KOC-000002")
    assert MARK_ON_PUTRI in page.text
    close = t(Text.BTN_CLOSE_DUPLICATE, reference="KOC-000001")
    # Offered on both leads of the pair, the original too (it has no close button).
    two_people = t(Text.BTN_NOT_DUPLICATE, reference="KOC-000001")
    assert two_people in page.button_texts
    (first,) = await bot.send(admin, "/lead KOC-000001")
    assert t(Text.BTN_NOT_DUPLICATE, reference="KOC-000002") in first.button_texts
    # A colleague had started closing Putri's lead as Dewi's duplicate: asked, not yet sure.
    await bot.send(admin, "/lead KOC-000002")
    (asked,) = await bot.press(admin, close)

    await bot.send(admin, "/lead KOC-000002")
    (page,) = await bot.press(admin, two_people)
    assert admin.callback_answers[-1].text == shown(
        Text.RECORDS_NOT_DUPLICATE_SAVED, reference="KOC-000002", other="KOC-000001"
    )
    # The page says who said so, in a plain line, and the red mark and its buttons are gone.
    assert "⚠️" not in page.text
    assert "✋ Bukan duplikat KOC-000001, orang yang berbeda (ditandai " in page.text
    assert close not in page.button_texts and two_people not in page.button_texts
    # Its button says as what it marks again (a staff re-check s57, N7), and the decision is
    # in the history of both leads, by whom, where a colleague looks for it.
    again = t(Text.BTN_MARK_AGAIN_POSSIBLE)
    assert again in page.button_texts
    assert said_in_history(page.text, Text.RECORDS_HISTORY_NOT_DUPLICATE, "KOC-000001")
    (first,) = await bot.send(admin, "/lead KOC-000001")
    assert MARK_ON_DEWI not in first.text and "⚠️" not in first.text
    assert "✋ Bukan duplikat KOC-000002" in first.text
    assert said_in_history(first.text, Text.RECORDS_HISTORY_NOT_DUPLICATE, "KOC-000002")
    (listed,) = await bot.send(admin, "/leads")
    assert "duplikat" not in listed.text
    replies = await bot.send(admin, "/export")
    records = {row["Referensi"]: row for row in as_records(read_csv(documents(replies)["csv"]))}
    assert records["KOC-000001"]["Kemungkinan duplikat"] == ""
    assert records["KOC-000002"]["Kemungkinan duplikat"] == ""
    # On both leads' record, by whom.
    said = [(action, lead, detail.get("other")) for action, lead, detail in audited(bot, "not_")]
    assert said == [
        ("not_duplicate", "KOC-000002", "KOC-000001"),
        ("not_duplicate", "KOC-000001", "KOC-000002"),
    ]
    assert rows(bot.database, "SELECT actor_id FROM audit_log WHERE action = 'not_duplicate'") == [
        (ADMIN_ID,),
        (ADMIN_ID,),
    ]

    # The colleague's "Ya, tutup" from before: refused, saying why; nothing closed.
    (refused,) = await bot.press(admin, t(Text.WS_DUPLICATE_CONFIRM_YES), message=asked)
    assert refused.text == shown(
        Text.RECORDS_DUPLICATE_DISMISSED, reference="KOC-000002", other="KOC-000001"
    )
    assert not (await bot.store.duplicates.duplicate_links(2)).closed
    assert ("duplicate_refused", "KOC-000002", {"reason": "dismissed"}) in audited(bot, "dup")

    # ↩️ Mark again: the mark is back on both, audited on both.
    await bot.send(admin, "/lead KOC-000002")
    (page,) = await bot.press(admin, again)
    assert admin.callback_answers[-1].text == shown(
        Text.RECORDS_MARKED_AGAIN, reference="KOC-000002", other="KOC-000001"
    )
    assert MARK_ON_PUTRI in page.text and two_people in page.button_texts
    assert said_in_history(page.text, Text.RECORDS_HISTORY_MARKED_AGAIN, "KOC-000001")
    assert said_in_history(page.text, Text.RECORDS_HISTORY_NOT_DUPLICATE, "KOC-000001")
    (listed,) = await bot.send(admin, "/leads")
    assert "⚠️ mungkin duplikat dari KOC-000001" in listed.text
    undone = [(action, lead) for action, lead, _ in audited(bot, "undone")]
    assert undone == [
        ("not_duplicate_undone", "KOC-000002"),
        ("not_duplicate_undone", "KOC-000001"),
    ]


async def test_not_a_duplicate_in_the_workspace_and_what_a_crafted_call_gets(
    bot: Harness,
) -> None:
    await sisters(bot)
    assert await register(bot, bot.user(first_name="Rina"), RINA) == "KOC-000003"
    async with workspace(bot, ADMIN_ID) as client:
        done = await client.ok("not-duplicate", {"id": 1, "other": 2})
        assert done == {
            "outcome": "saved",
            "text": shown(
                Text.RECORDS_NOT_DUPLICATE_SAVED, reference="KOC-000001", other="KOC-000002"
            ),
        }
        listed = await client.ok("leads")
        assert [row["duplicates"] for row in listed["rows"]] == [[], [], []]
        board = await client.ok("board", {"filter": {}})
        assert all(not card["duplicates"] for col in board["columns"] for card in col["cards"])
        lead = await client.ok("lead", {"id": 2})
        assert lead["duplicates"]["marks"] == []
        [item] = lead["duplicates"]["dismissed"]
        assert (item["id"], item["reference"]) == (1, "KOC-000001")
        assert item["text"].startswith(
            "✋ Bukan duplikat KOC-000001, orang yang berbeda (ditandai "
        )
        again = await client.ok("not-duplicate", {"id": 2, "other": 1})
        assert again["outcome"] == "same"
        # A pair that shares nothing, the lead itself, an erased one: nothing changes.
        unmarked = await client.ok("not-duplicate", {"id": 3, "other": 1})
        assert unmarked == {
            "outcome": "unmarked",
            "text": shown(
                Text.RECORDS_NOT_DUPLICATE_UNMARKED, reference="KOC-000003", other="KOC-000001"
            ),
        }
        assert (await client.ok("not-duplicate", {"id": 3, "other": 3}))["outcome"] == "self"
        gone = await client.call("not-duplicate", {"id": 99, "other": 1})
        assert gone == (404, {"error": "not_found"})
        back = await client.ok("not-duplicate", {"id": 2, "other": 1, "undo": True})
        assert back["outcome"] == "saved"
        lead = await client.ok("lead", {"id": 2})
        assert [mark["reference"] for mark in lead["duplicates"]["marks"]] == ["KOC-000001"]
        assert lead["duplicates"]["dismissed"] == []
    refused = [(lead, detail) for action, lead, detail in audited(bot, "refused")]
    assert refused == [
        ("KOC-000003", {"from": "workspace", "reason": "unmarked"}),
        ("KOC-000003", {"from": "workspace", "reason": "self"}),
        (None, {"from": "workspace", "reason": "gone"}),
    ]
    actions = [(action, lead) for action, lead, _ in audited(bot, "not_duplicate")]
    assert actions[:2] == [("not_duplicate", "KOC-000001"), ("not_duplicate", "KOC-000002")]
    assert actions[-2:] == [
        ("not_duplicate_undone", "KOC-000002"),
        ("not_duplicate_undone", "KOC-000001"),
    ]


async def test_a_pair_said_to_be_two_people_goes_with_an_erased_lead(
    bot: Harness, staff_chat: Any
) -> None:
    dewi = await sisters(bot)
    admin = admin_of(staff_chat)
    await bot.send(admin, "/lead KOC-000001")
    await bot.press(admin, t(Text.BTN_NOT_DUPLICATE, reference="KOC-000002"))
    assert rows(bot.database, "SELECT lead_id, other_id FROM duplicate_dismissals") == [(1, 2)]
    await bot.send(dewi, "/hapusdata")
    await bot.press(dewi, t(Text.BTN_CONFIRM_DELETE))
    assert rows(bot.database, "SELECT * FROM duplicate_dismissals") == []
    (page,) = await bot.send(admin, "/lead KOC-000002")
    assert "Bukan duplikat" not in page.text and "KOC-000001" not in page.text
    # The decision stays in Putri's history, naming no erased lead.
    gone = shown(Text.RECORDS_GONE_REFERENCE)
    assert said_in_history(page.text, Text.RECORDS_HISTORY_NOT_DUPLICATE, gone)
