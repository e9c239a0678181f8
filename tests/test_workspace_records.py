"""One talent, one living record in the staff workspace (issue 25 there): duplicate marks and
closing one as a duplicate, the waiting filter, contact links and Contacted in one step,
answers corrected, assigning by name, notes edited and deleted, and the talent's own updates
in the history — each through the API with init data signed in the test, each audited as
its Telegram twin is."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.content import Markup
from bot.leads.export import plain_text
from bot.leads.records import mark_text
from bot.store.duplicates import DuplicateMark
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, Seed, apply, seeded
from tests.test_pipeline import SECOND_ADMIN, rows
from tests.workspace import init_data, workspace

NEW_PHONE_STORED = "+6281311112222"
THIRD_ADMIN = 9003


def said(key: Text, language: str = "id", **values: Any) -> str:
    """A bot text as the workspace shows it (plain text)."""
    return plain_text(CONTENT.text(key, language, **values))


def audited(bot: Harness, reference: str) -> list[tuple[str, dict[str, Any]]]:
    """(action, detail) of the lead's audit entries, oldest first."""
    found = rows(
        bot.database,
        "SELECT action, detail FROM audit_log WHERE lead_ref = ? ORDER BY id",
        (reference,),
    )
    return [(action, json.loads(detail or "{}")) for action, detail in found]


def ago(days: float) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="microseconds")


async def test_the_lead_submitted_later_is_the_possible_duplicate(bot: Harness) -> None:
    """Older means submitted first (time, then id), not the lower id: KOC-000001, a draft
    sent a day after KOC-000002 with its phone, is the possible duplicate."""
    await seeded(
        bot.database,
        [
            Seed(7001, {**MUSICIAN, "phone": "+6281234567801"}, "2026-01-16T03:00:00+00:00"),
            Seed(7002, {**FILMMAKER, "phone": "+6281234567801"}),  # sent on 15 January
        ],
    )
    newer = said(Text.RECORDS_WARNING, text="mungkin duplikat dari KOC-000002: nomor HP sama")
    older = said(
        Text.RECORDS_WARNING,
        text="punya kemungkinan duplikat: KOC-000001, dikirim kemudian (nomor HP sama)",
    )
    async with workspace(bot, ADMIN_ID) as client:
        listed = await client.ok("leads")
        marks = {
            row["reference"]: [(m["text"], m["closable"]) for m in row["duplicates"]]
            for row in listed["rows"]
        }
        assert marks == {"KOC-000001": [(newer, True)], "KOC-000002": [(older, False)]}
        for this, other, text, closable in ((1, 2, newer, True), (2, 1, older, False)):
            lead = await client.ok("lead", {"id": this})
            [mark] = lead["duplicates"]["marks"]
            differs = mark.pop("differences", None)
            accounts = mark.pop("accounts", None)  # two Telegram accounts: said on closing
            assert mark == {
                "id": other,
                "reference": f"KOC-00000{other}",
                "text": text,
                "closable": closable,
            }
            # The lead that may be closed says what it gives differently, before a close
            # (review s54): the email, not the phone they share; the original says nothing.
            if closable:
                email = CONTENT.questions["email"].label.id
                [item] = [item for item in differs if item["label"] == email]
                assert item == {
                    "label": email,
                    "this": MUSICIAN["email"].lower(),
                    "other": FILMMAKER["email"].lower(),
                }
                phone = CONTENT.questions["phone"].label.id
                assert phone not in [item["label"] for item in differs]
                assert accounts == said(
                    Text.WS_DUPLICATE_TWO_ACCOUNTS,
                    reference="KOC-000001",
                    name="Talent",
                    other="KOC-000002",
                    other_name="Talent",
                )
            else:
                assert differs is None and accounts is None
        # The older lead closed as a duplicate of the newer one, by a crafted call: refused.
        older_lead = await client.ok("lead", {"id": 2})
        crafted = {"id": 2, "other": 1, "version": older_lead["version"]}
        refused = await client.ok("close-duplicate", crafted)
        assert refused == {
            "outcome": "other_later",
            "text": said(
                Text.RECORDS_DUPLICATE_OTHER_LATER, reference="KOC-000002", other="KOC-000001"
            ),
        }
        assert (await client.ok("lead", {"id": 2}))["duplicates"]["closed"] is False
    refusal = ("duplicate_refused", {"from": "workspace", "reason": "other_later"})
    assert refusal in audited(bot, "KOC-000002")


async def test_duplicates_are_marked_closed_silently_linked_and_reopened(bot: Harness) -> None:
    await seeded(
        bot.database,
        [
            Seed(7001, {**MUSICIAN, "phone": "+6281234567801"}),
            Seed(7002, {**FILMMAKER, "phone": "+6281234567801"}),  # another account, same phone
            Seed(7003, {**FILMMAKER, "email": "lain@example.com"}),
        ],
    )
    phone = DuplicateMark(1, "KOC-000001", ("phone",), earlier=True)
    expected = said(Text.RECORDS_WARNING, text=Markup(mark_text(CONTENT, "id", phone)))
    assert expected == "⚠️ mungkin duplikat dari KOC-000001: nomor HP sama"  # the chat's words
    async with workspace(bot, ADMIN_ID) as client:
        listed = await client.ok("leads")
        marks = {row["reference"]: [m["text"] for m in row["duplicates"]] for row in listed["rows"]}
        assert marks["KOC-000002"] == [expected]
        assert marks["KOC-000003"] == []
        board = await client.ok("board", {"filter": {}})
        cards = {card["reference"]: card for column in board["columns"] for card in column["cards"]}
        assert [m["reference"] for m in cards["KOC-000001"]["duplicates"]] == ["KOC-000002"]
        assert not cards["KOC-000001"]["duplicates"][0]["closable"]  # the original stays

        lead = await client.ok("lead", {"id": 2})
        assert [(m["id"], m["text"]) for m in lead["duplicates"]["marks"]] == [(1, expected)]
        closing = {"id": 2, "other": 1, "version": lead["version"]}
        closed = await client.ok("close-duplicate", closing)
        assert closed == {
            "outcome": "saved",
            "text": said(Text.RECORDS_DUPLICATE_CLOSED, reference="KOC-000002", other="KOC-000001"),
        }
        again = await client.ok("close-duplicate", closing)  # the page's old button
        assert again == {  # why, not "changed elsewhere… Buka lagi" (a desk review)
            "outcome": "same",
            "text": said(Text.RECORDS_DUPLICATE_SAME, reference="KOC-000002", other="KOC-000001"),
        }
        itself = await client.ok("close-duplicate", {"id": 1, "other": 2, "version": 0})
        assert itself["outcome"] == "other_closed"  # keep one: not both closed
        lead = await client.ok("lead", {"id": 2})
        assert lead["duplicates"]["closed"] is True and lead["duplicates"]["marks"] == []
        assert "KOC-000001" in lead["duplicates"]["closed_text"]
        assert [change["kind"] for change in lead["changes"]] == ["duplicate"]
        kept = await client.ok("lead", {"id": 1})
        assert "KOC-000002" in kept["duplicates"]["here_text"]
        assert kept["duplicates"]["marks"] == []  # a pair dealt with is no longer marked
        gone = await client.call("close-duplicate", {"id": 99, "other": 1, "version": 0})
        assert gone == (404, {"error": "not_found"})

        reopened = await client.ok("reopen-duplicate", {"id": 2})
        assert reopened["outcome"] == "saved"
        lead = await client.ok("lead", {"id": 2})
        assert lead["duplicates"]["closed"] is False
        assert [m["reference"] for m in lead["duplicates"]["marks"]] == ["KOC-000001"]
    # The talent is told nothing: no message was queued about either lead.
    assert rows(bot.database, "SELECT * FROM talent_updates") == []
    actions = [(action, detail.get("from")) for action, detail in audited(bot, "KOC-000002")]
    for action in ("closed_as_duplicate", "duplicate_reopened"):
        assert (action, "workspace") in actions
    # The old button found it closed as that very lead's duplicate: nothing refused.
    assert ("duplicate_refused", "workspace") not in actions
    assert ("duplicate_linked", {"duplicate": "KOC-000002", "from": "workspace"}) in audited(
        bot, "KOC-000001"
    )


async def test_the_waiting_filter_lists_the_longest_waiting_first_with_their_days(
    bot: Harness,
) -> None:
    await seeded(
        bot.database,
        [
            Seed(7001, {**MUSICIAN, "full_name": "Lima Hari"}, ago(5.2)),
            Seed(7002, {**FILMMAKER, "full_name": "Sepuluh Hari"}, ago(10.2)),
            Seed(7003, {**MUSICIAN, "full_name": "Sehari"}, ago(1.2)),  # Baru waits 3 days
            Seed(7004, {**FILMMAKER, "full_name": "Dipindah"}, ago(20.2)),
        ],
    )
    waiting = {"waiting": "yes"}
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("preview", {"id": 4, "stage": "ditinjau", "version": 0})  # moved now
        listed = await client.ok("leads", {"filter": waiting, "sort": {"by": "name"}})
        baru = CONTENT.stages["baru"].label.id
        assert [(row["name"], row["waiting"]) for row in listed["rows"]] == [
            ("Sepuluh Hari", said(Text.RECORDS_WAITING_DAYS, days=10, stage=baru)),
            ("Lima Hari", said(Text.RECORDS_WAITING_DAYS, days=5, stage=baru)),
        ]
        assert listed["total"] == 2 and listed["waiting"] is True
        counts = {item["stage"]: item["count"] for item in listed["counts"]}
        assert counts["baru"] == 2 and counts["ditinjau"] == 0
        film = await client.ok("leads", {"filter": {**waiting, "sector": "film"}})
        assert [row["name"] for row in film["rows"]] == ["Sepuluh Hari"]
        board = await client.ok("board", {"filter": waiting})
        columns = {column["stage"]: column for column in board["columns"]}
        assert [card["id"] for card in columns["baru"]["cards"]] == [2, 1]
        assert columns["ditinjau"]["cards"] == []
        exported = await client.ok("export", {"format": "csv", "filter": waiting})
        assert exported["count"] == 2
        everyone = await client.ok("leads")
        assert everyone["total"] == 4 and {row["waiting"] for row in everyone["rows"]} == {None}
        lead = await client.ok("lead", {"id": 2})
        assert lead["waiting"] == said(Text.RECORDS_WAITING_DAYS, days=10, stage=baru)
        assert (await client.ok("lead", {"id": 3}))["waiting"] is None
        status, answer = await client.call("leads", {"filter": {"waiting": "no"}})
        assert status == 400 and answer["detail"] == "unknown waiting"
    (detail,) = rows(
        bot.database, "SELECT detail FROM audit_log WHERE action = 'lead_listed' LIMIT 1"
    )[0]
    assert json.loads(detail)["filter"] == waiting


async def test_contact_links_contacted_with_a_note_and_the_talents_update_in_history(
    bot: Harness,
) -> None:
    sari = bot.user(first_name="Sari")
    reference = await apply(bot, sari, MUSICIAN)
    odd = "a+b@x.id?cc=evil@x.id&body=<b>"  # stored before the form checked emails so well
    await seeded(bot.database, [Seed(7002, {**FILMMAKER, "email": odd})])
    async with workspace(bot, ADMIN_ID) as client:
        lead = await client.ok("lead", {"id": 1})
        assert lead["contact"] == {
            "phone": "+6281234567801",
            "whatsapp": "https://wa.me/6281234567801",
            "email": "sari.dewi@example.com",
            "mailto": "mailto:sari.dewi@example.com",
        }
        other = (await client.ok("lead", {"id": 2}))["contact"]
        assert other["email"] == odd  # shown as the talent wrote it, as text
        assert other["mailto"] == "mailto:a+b@x.id%3Fcc%3Devil@x.id%26body%3D%3Cb%3E"

        assert lead["contacted_moves"] is True  # at Baru: the prompt says it moves
        too_long = await client.ok("contacted", {"id": 1, "version": 0, "note": "x" * 2001})
        assert too_long["outcome"] == "refused"
        stale = await client.ok("contacted", {"id": 1, "version": 5, "note": "WA 12/1"})
        assert stale["outcome"] == "conflict"
        done = await client.ok(
            "contacted", {"id": 1, "version": 0, "note": "WA 12/1, tertarik MU:CON"}
        )
        assert done["outcome"] == "saved" and done["notified"] is False
        lead = await client.ok("lead", {"id": 1})
        assert lead["stage"] == "dihubungi"
        assert [note["text"] for note in lead["notes"]] == ["WA 12/1, tertarik MU:CON"]
        # Further on (Shortlist), a contact keeps the stage and only keeps the note.
        await client.ok("move", {"id": 1, "stage": "shortlist", "version": 1, "notify": False})
        # There the note is the contact's only record: none is refused, nothing is kept.
        for empty in ("", "   "):
            bare = await client.ok("contacted", {"id": 1, "version": 2, "note": empty})
            assert bare["outcome"] == "refused"
            assert bare["text"] == said(Text.WS_CONTACTED_NOTE_NEEDED, stage="Shortlist")
        # Invisible characters alone are no note either (an attacker's review: "too long").
        for invisible in ("\u200b", "\u3164", "\u2800"):
            bare = await client.ok("contacted", {"id": 1, "version": 2, "note": invisible})
            assert bare["outcome"] == "refused"
            assert bare["text"] == said(Text.WS_NOTE_EMPTY)
        assert len((await client.ok("lead", {"id": 1}))["notes"]) == 1
        again = await client.ok("contacted", {"id": 1, "version": 2, "note": "Telepon lagi"})
        assert again["outcome"] == "saved" and again["stage"] == "shortlist"
        assert again["text"].startswith(
            said(Text.WS_CONTACTED_STAYS, reference="KOC-000001", stage="Shortlist")
        )
        lead = await client.ok("lead", {"id": 1})
        assert lead["stage"] == "shortlist"
        assert lead["contacted_moves"] is False  # the prompt says it stays, before the click

        # The talent updates their phone with /daftar: the history shows old and new.
        await bot.send(sari, "/daftar")
        await bot.press(sari, CONTENT.text(Text.BTN_UPDATE_REGISTRATION, "id"))
        await bot.press(sari, CONTENT.text(Text.BTN_EDIT, "id"))
        await bot.press(sari, CONTENT.questions["phone"].label.id)
        await bot.send(sari, "0813 1111 2222")
        await bot.press(sari, CONTENT.text(Text.BTN_UPDATE_SAVE, "id"))
        lead = await client.ok("lead", {"id": 1})
    (change,) = lead["changes"]
    assert change["kind"] == "talent_update"
    assert change["by"] == said(Text.RECORDS_HISTORY_TALENT)
    assert change["answers"] == [
        {
            "label": CONTENT.questions["phone"].label.id,
            "before": "+6281234567801",
            "after": NEW_PHONE_STORED,
        }
    ]
    assert "talenta memperbarui jawabannya" in change["text"]
    assert f"+6281234567801 → {NEW_PHONE_STORED}" in change["text"]
    assert lead["contact"]["whatsapp"] == "https://wa.me/6281311112222"
    # The move went without a message to the talent; both steps are audited.
    assert rows(bot.database, "SELECT * FROM talent_updates") == []
    actions = {action: detail for action, detail in audited(bot, reference)}
    assert actions["stage_changed"]["from"] == "workspace"
    assert actions["note_added"]["from"] == "workspace"


async def test_staff_correct_an_answer_validated_like_the_form_and_audited(bot: Harness) -> None:
    await seeded(bot.database, [Seed(7001, {**MUSICIAN, "email": "sari@example.com"})])
    async with workspace(bot, ADMIN_ID) as client:
        lead = await client.ok("lead", {"id": 1})
        editable = lead["editable"]
        assert "sector" not in editable  # it decides which questions are asked
        email = editable["email"]
        assert email["kind"] == "text" and email["text"] == "sari@example.com"

        async def edit(key: str, seen: dict[str, Any], **change: Any) -> dict[str, Any]:
            answer: dict[str, Any] = await client.ok(
                "edit-answer", {"id": 1, "key": key, "seen": seen, **change}
            )
            return answer

        refused = await edit("email", email["seen"], text="bukan email")
        assert refused["outcome"] == "refused"
        assert refused["text"] == said(Text.INTAKE_BAD_EMAIL)
        saved = await edit("email", email["seen"], text="Sari.Baru@Example.COM")
        assert saved["outcome"] == "saved"
        assert "sari@example.com → sari.baru@example.com" in saved["text"]
        # Someone else's page, opened before that correction: refused, nothing overwritten.
        late = await edit("email", email["seen"], text="lain@example.com")
        assert late["outcome"] == "conflict"
        assert "sari.baru@example.com" in late["text"]

        genres = editable["genres"]
        assert genres["kind"] == "multi" and genres["value"] == ["pop", "dangdut"]
        assert {"value": "jazz", "label": "jazz"} in [
            {**choice, "label": choice["label"].lower()} for choice in genres["choices"]
        ]
        assert (await edit("genres", genres["seen"], values=["unknown"]))["outcome"] == "refused"
        assert (await edit("genres", genres["seen"], values=["jazz"]))["outcome"] == "saved"
        province = editable["province"]
        assert (await edit("province", province["seen"], choice="atlantis"))["outcome"] == "refused"
        assert (await edit("province", province["seen"], choice="bali"))["outcome"] == "saved"
        required = await edit("city", editable["city"]["seen"], clear=True)
        assert required["text"] == said(Text.RECORDS_EDIT_REQUIRED)
        deciding = await edit("sector", {"had": True, "value": "music"}, choice="film")
        assert deciding["text"] == said(Text.RECORDS_EDIT_DECIDING)

        lead = await client.ok("lead", {"id": 1})
        answers = {
            change["answers"][0]["label"]: change["answers"][0] for change in lead["changes"]
        }
        assert answers["Email"]["before"] == "sari@example.com"
        assert answers["Email"]["after"] == "sari.baru@example.com"
        assert {change["kind"] for change in lead["changes"]} == {"answer_edit"}
        status, _ = await client.call("edit-answer", {"id": 1, "key": "email", "seen": []})
        assert status == 400
    stored = rows(
        bot.database,
        "SELECT question_key, value FROM answers WHERE application_id = 1"
        " AND question_key IN ('email', 'genres', 'province', 'city') ORDER BY 1",
    )
    assert stored == [
        ("city", json.dumps(MUSICIAN["city"])),
        ("email", '"sari.baru@example.com"'),
        ("genres", '["jazz"]'),
        ("province", '"bali"'),
    ]
    entries = audited(bot, "KOC-000001")
    edited = [detail for action, detail in entries if action == "answer_edited"]
    assert [detail["question"] for detail in edited] == ["email", "genres", "province"]
    assert all(detail["from"] == "workspace" for detail in edited)
    refusals = [detail for action, detail in entries if action == "answer_edit_refused"]
    assert refusals[0]["reason"] == "changed_meanwhile"
    assert not any("sari.baru" in json.dumps(detail) for _, detail in entries)  # values: history
    assert rows(bot.database, "SELECT * FROM talent_updates") == []


async def test_unticking_lainnya_says_first_that_the_typed_genre_goes_too(bot: Harness) -> None:
    """A staff review: Genre → untick Lainnya, tick Tradisional/etnik → Simpan made "Genre lain:
    Angklung fusion → (belum ada)" without a word. The page now has what to say before saving
    (records.js asks "Tetap simpan?"), and the history says "(dihapus)"."""
    typed = {**MUSICIAN, "genres": ["pop", "other"], "genres_other": "Angklung fusion"}
    await seeded(bot.database, [Seed(7001, typed)])
    async with workspace(bot, ADMIN_ID) as client:
        genres = (await client.ok("lead", {"id": 1}))["editable"]["genres"]
        warning = (
            "⚠️ Menghapus Lainnya juga menghapus “Genre lain: Angklung fusion” yang ditulis talenta."
        )
        assert genres["drops"] == [{"keeps": ["other"], "text": warning}]
        assert (await client.ok("lead", {"id": 1}))["editable"]["city"]["drops"] == []
        saved = await client.ok(
            "edit-answer",
            {"id": 1, "key": "genres", "seen": genres["seen"], "values": ["traditional"]},
        )
        assert saved["outcome"] == "saved"
        lead = await client.ok("lead", {"id": 1})
    assert "genres" in lead["editable"] and lead["editable"]["genres"]["drops"] == []
    [change] = lead["changes"]
    dropped = {item["label"]: item for item in change["answers"]}["Genre lain"]
    assert dropped == {
        "label": "Genre lain",
        "before": "Angklung fusion",
        "after": said(Text.RECORDS_REMOVED_ANSWER),
    }
    assert "Angklung fusion → (dihapus)" in change["text"]


async def test_assign_by_name_and_notes_edited_or_deleted_only_by_their_author(
    bot: Harness,
) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN), Seed(SECOND_ADMIN, None, first_name="Dewi")])
    bot.settings.admin_ids = frozenset({ADMIN_ID, SECOND_ADMIN, THIRD_ADMIN})
    async with workspace(bot, ADMIN_ID) as client:
        # ADMIN_ID never wrote to the bot: named as Telegram signed the workspace's init data
        # (a staff review s55 read "ditangani 9001"); THIRD_ADMIN has not been seen at all.
        session = await client.ok("session")
        assert session["admins"] == [
            {"id": ADMIN_ID, "name": "Admin"},
            {"id": SECOND_ADMIN, "name": "Dewi"},
            {"id": THIRD_ADMIN, "name": str(THIRD_ADMIN)},
        ]
        mine = await client.ok("assign", {"id": 1, "assignee": ADMIN_ID})
        assert mine["text"] == said(Text.RECORDS_ASSIGNED_TO, reference="KOC-000001", name="Admin")
        assert [row["assignee"] for row in (await client.ok("leads"))["rows"]] == ["Admin"]
        # The chat's lead page knows that name too, not only the workspace.
        staff = bot.user(user_id=SECOND_ADMIN, first_name="Dewi")
        (page,) = await bot.send(staff, "/lead KOC-000001")
        assert "Ditangani: Admin" in page.text and str(ADMIN_ID) not in page.text
        given = await client.ok("assign", {"id": 1, "assignee": SECOND_ADMIN})
        assert given["text"] == said(Text.RECORDS_ASSIGNED_TO, reference="KOC-000001", name="Dewi")
        assert (await client.ok("lead", {"id": 1}))["assignee"] == "Dewi"
        # A second Dewi opens the workspace: from then on the two are told apart by id.
        await client.as_user(init_data(bot.settings.token(), THIRD_ADMIN, first_name="Dewi")).ok(
            "session"
        )
        assert (await client.ok("lead", {"id": 1}))["assignee"] == f"Dewi ({SECOND_ADMIN})"
        names = {admin["id"]: admin["name"] for admin in (await client.ok("session"))["admins"]}
        assert names == {
            ADMIN_ID: "Admin",
            SECOND_ADMIN: f"Dewi ({SECOND_ADMIN})",
            THIRD_ADMIN: f"Dewi ({THIRD_ADMIN})",
        }
        assert rows(bot.database, "SELECT user_id, first_name FROM workspace_names") == [
            (ADMIN_ID, "Admin"),
            (THIRD_ADMIN, "Dewi"),
        ]
        nobody = await client.ok("assign", {"id": 1, "assignee": None})
        assert nobody["text"] == said(Text.RECORDS_UNASSIGNED, reference="KOC-000001")
        assert (await client.call("assign", {"id": 1, "assignee": 4242}))[0] == 400

        long_note = "Suara bagus. " + "Detail. " * 100
        await client.ok("note", {"id": 1, "text": long_note})
        (note,) = (await client.ok("lead", {"id": 1}))["notes"]
        assert note["text"] == long_note.strip() and note["mine"] is True  # in full
        dewi = client.as_user(init_data(bot.settings.token(), SECOND_ADMIN))
        (seen_by_dewi,) = (await dewi.ok("lead", {"id": 1}))["notes"]
        assert seen_by_dewi["mine"] is False
        refused = await dewi.ok("note-edit", {"note": note["id"], "text": "Punyaku sekarang"})
        assert refused == {"outcome": "not_yours", "text": said(Text.RECORDS_NOTE_NOT_YOURS)}
        assert (await dewi.ok("note-delete", {"note": note["id"]}))["outcome"] == "not_yours"
        empty = await client.ok("note-edit", {"note": note["id"], "text": "   "})
        assert empty["outcome"] == "refused"
        edited = await client.ok("note-edit", {"note": note["id"], "text": "Vokal kuat"})
        assert edited["text"] == said(Text.RECORDS_NOTE_EDITED, reference="KOC-000001")
        (note,) = (await client.ok("lead", {"id": 1}))["notes"]
        assert note["text"] == "Vokal kuat" and note["edited"]
        deleted = await client.ok("note-delete", {"note": note["id"]})
        assert deleted["text"] == said(Text.RECORDS_NOTE_DELETED, reference="KOC-000001")
        assert (await client.ok("lead", {"id": 1}))["notes"] == []
        again = await client.ok("note-delete", {"note": note["id"]})
        assert again["outcome"] == "gone"
    assert rows(bot.database, "SELECT * FROM lead_notes") == []
    entries = audited(bot, "KOC-000001")
    actions = [(action, detail.get("from")) for action, detail in entries]
    for action in ("assigned", "note_edit_refused", "note_delete_refused"):
        assert (action, "workspace") in actions
    assert ("note_edited", "workspace") in actions and ("note_deleted", "workspace") in actions
    assert not any("Vokal" in json.dumps(detail) for _, detail in entries)
