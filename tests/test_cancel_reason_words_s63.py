"""A registration the BOT cancelled (an update said under 18, then "Belum ada persetujuan") is
not said to be cancelled by its talent anywhere else either (s62's "Noticed, left alone" and a
re-check s62, N2): an old cancel button, the /dataku copy, the ♻️ line of a lead begun from it,
and on the staff side /lead, /leads, a stage move and 📞 refused, a bulk move, the export, and
the workspace's list, board, lead page and refusals. A talent's own cancel keeps its words
(tests/test_talent_cancel.py, tests/test_cancelled_leads_listed.py), here beside it.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.content import Markup
from bot.emulator import EmulatedUser
from bot.leads import cancelling
from bot.leads.export import to_wib, wib_text, wib_words
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    MUSICIAN,
    apply,
    copy_label,
    data_copy,
    label,
    read_csv,
    section,
    where,
)
from tests.test_pipeline import admin_of, rows, t, visible
from tests.test_pipeline import label as stage_label
from tests.test_pipeline_review import _talents
from tests.test_update_under_18_s62 import under_18_in_update
from tests.workspace import workspace

AGREED = {"processing": True, "transfer_korea": True}
CLOSED = stage_label("selesai")


def _own(language: str = "id") -> str:
    """A cancelled lead's stage, cancelled by its talent."""
    return visible(
        t(Text.RECORDS_STAGE_WITHDRAWN, language, stage=stage_label("selesai", language))
    )


def _minor(language: str = "id") -> str:
    """The same, cancelled by the bot: under 18, no guardian's consent."""
    said = t(
        Text.RECORDS_STAGE_WITHDRAWN_UNDER_18, language, stage=stage_label("selesai", language)
    )
    return visible(said)


async def _withdrawn_as_minor(bot: Harness, kevin: EmulatedUser, language: str) -> None:
    """/daftar → Perbarui → Usia → Di bawah 18 → "Belum ada persetujuan": the bot cancels it."""
    update = t(Text.BTN_UPDATE_REGISTRATION, language)
    if language == "id":
        await under_18_in_update(bot, kevin, update)
    else:
        await bot.send(kevin, "/register")
        await bot.press(kevin, update)
        await bot.press(kevin, t(Text.BTN_EDIT, language))
        await bot.press(kevin, CONTENT.questions["age_range"].label.get(language))
        await bot.press(kevin, label("age_range", "under_18", language))
        assert await where(bot, kevin) == "guardian"
    (told,) = await bot.press(kevin, t(Text.BTN_GUARDIAN_NO, language))
    assert "KOC-" in told.text


def _withdrawn_at(bot: Harness, reference: str) -> str:
    ((at,),) = rows(
        bot.database,
        "SELECT p.talent_withdrawn_at FROM lead_pipeline p"
        " JOIN applications a ON a.id = p.application_id WHERE a.reference = ?",
        (reference,),
    )
    return str(at)


@pytest.mark.parametrize("language", ["id", "en"])
async def test_the_talent_is_not_told_they_cancelled_what_the_bot_cancelled(
    bot: Harness, staff_chat: Any, language: str
) -> None:
    kevin = bot.user(first_name="Kevin", language_code=language)
    assert await apply(bot, kevin, MUSICIAN, language=language) == "KOC-000001"
    (before,) = await bot.send(kevin, "/status")  # its "Batalkan" button, pressed later
    assert t(Text.BTN_CANCEL_REGISTRATION, language) in before.button_texts
    await _withdrawn_as_minor(bot, kevin, language)

    # The old "Batalkan": already cancelled, and why; not "sudah kamu batalkan".
    (again,) = await bot.press(kevin, t(Text.BTN_CANCEL_REGISTRATION, language), message=before)
    assert again.text == visible(t(Text.CANCEL_ALREADY_UNDER_18, language, reference="KOC-000001"))
    assert again.text != visible(t(Text.CANCEL_ALREADY, language, reference="KOC-000001"))

    # /dataku: when it was cancelled, and why, not "Kamu batalkan pada"; its summary too.
    replies = await bot.send(kevin, "/dataku" if language == "id" else "/mydata")
    document = next(reply.document for reply in replies if reply.document)
    summary = next(reply.text for reply in replies if reply.text and "KOC-000001" in reply.text)
    day = CONTENT.date_text(to_wib(_withdrawn_at(bot, "KOC-000001")).date(), language)
    item = t(Text.MYDATA_CANCELLED_ITEM, language, reference="KOC-000001", date=day)
    said = t(Text.MYDATA_CANCELLED_UNDER_18, language, items=Markup(item))
    assert visible(said) in summary
    assert visible(t(Text.MYDATA_CANCELLED, language, items=Markup(item))) not in summary
    assert visible(t(Text.MYDATA_NEXT_CANCELLED_UNDER_18, language)) in summary
    registrations = section(data_copy(document[1]), Text.MYDATA_SECTION_REGISTRATIONS, language)
    (registration,) = registrations
    assert copy_label(Text.MYDATA_FIELD_CANCELLED_UNDER_18, language) in registration
    assert copy_label(Text.MYDATA_FIELD_CANCELLED, language) not in registration

    # A guardian agrees; a new lead from the kept answers: staff read why the old one was
    # cancelled, in both languages, not that its talent cancelled it.
    await bot.send(kevin, "/daftar" if language == "id" else "/register")
    await bot.press(kevin, t(Text.BTN_REUSE_ANSWERS, language))
    assert await where(bot, kevin) == "age_range"
    await bot.press(kevin, label("age_range", "under_18", language))
    await bot.press(kevin, t(Text.BTN_GUARDIAN_YES, language))
    assert await where(bot, kevin) == "review"
    mark = staff_chat.mark()
    await bot.press(kevin, t(Text.BTN_SUBMIT, language))
    (alert,) = staff_chat.find("KOC-000002", since=mark)
    said = visible(t(Text.STAFF_NEW_LEAD_REUSED_UNDER_18, "id", reference="KOC-000001"))
    gloss = visible(t(Text.STAFF_NEW_LEAD_REUSED_UNDER_18, "en", reference="KOC-000001"))
    assert f"{said}\n{gloss}" in alert.text
    own = visible(t(Text.STAFF_NEW_LEAD_REUSED, "id", reference="KOC-000001"))
    assert own not in alert.text


async def test_staff_read_why_the_bot_cancelled_it_and_a_talents_own_cancel_as_before(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)
    rina, _budi = await _talents(bot, ("id", AGREED), ("id", AGREED))
    kevin = bot.user(first_name="Kevin")
    assert await apply(bot, kevin, MUSICIAN) == "KOC-000003"
    (old_page,) = await bot.send(admin, "/lead KOC-000003")  # opened before the cancel
    assert (await cancelling.cancel(bot.store, CONTENT, rina.id, 1)).outcome == "cancelled"
    await _withdrawn_as_minor(bot, kevin, "id")
    own, minor = _own(), _minor()

    # /lead: cancelled on …, why, and not to be contacted; its stage says why too.
    (page,) = await bot.send(admin, "/lead KOC-000003")
    at = _withdrawn_at(bot, "KOC-000003")
    why = visible(t(Text.RECORDS_WITHDRAWN_UNDER_18, time=wib_words(CONTENT, at, "id")))
    assert why in page.text
    assert minor in page.text and own not in page.text
    (rinas,) = await bot.send(admin, "/lead KOC-000001")
    rina_at = wib_words(CONTENT, _withdrawn_at(bot, "KOC-000001"), "id")
    assert visible(t(Text.RECORDS_WITHDRAWN, time=rina_at)) in rinas.text
    assert own in rinas.text

    # The older page's 📞 and stage button: refused, saying why.
    mark = admin.mark()
    await bot.press(admin, t(Text.BTN_CONTACTED), message=old_page)
    contacted = visible(t(Text.RECORDS_CONTACTED_WITHDRAWN_UNDER_18, reference="KOC-000003"))
    assert admin.find(contacted, since=mark)
    mark = admin.mark()
    await bot.press(admin, stage_label("shortlist"), message=old_page)
    moved = t(Text.PIPELINE_WITHDRAWN_UNDER_18, reference="KOC-000003", stage=CLOSED)
    assert admin.find(visible(moved), since=mark)

    # /leads: each row says who cancelled it.
    (listed,) = await bot.send(admin, "/leads")
    (kevins,) = [part for part in listed.text.split("\n\n") if "KOC-000003" in part]
    (rinas_row,) = [part for part in listed.text.split("\n\n") if "KOC-000001" in part]
    assert minor in kevins and own not in kevins
    assert own in rinas_row and minor not in rinas_row

    # Move all: Rina's line as before, Kevin's apart with why, in the preview and the result.
    own_line = visible(t(Text.BULK_SKIPPED_WITHDRAWN, count=1, which="KOC-000001"))
    minor_line = visible(t(Text.BULK_SKIPPED_WITHDRAWN_UNDER_18, count=1, which="KOC-000003"))
    await bot.send(admin, "/leads bebas")
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=1))
    mark = admin.mark()
    await bot.press(admin, stage_label("ditinjau"))
    (preview,) = admin.find("→ Ditinjau", since=mark)
    assert own_line in preview.text.splitlines() and minor_line in preview.text.splitlines()
    await bot.press(admin, t(Text.BTN_BULK_CONFIRM))
    (done,) = admin.find("✅ Pindah massal", since=mark)
    assert own_line in done.text.splitlines() and minor_line in done.text.splitlines()

    # The export: each cancelled lead's stage as the screens say it.
    replies = await bot.send(admin, "/export")
    csv_file = next(r.document for r in replies if r.document and r.document[0].endswith(".csv"))
    _, *leads = read_csv(csv_file[1])
    by_reference = {row[0]: row for row in leads}
    assert minor in by_reference["KOC-000003"] and own not in by_reference["KOC-000003"]
    assert own in by_reference["KOC-000001"] and minor not in by_reference["KOC-000001"]


async def test_the_workspace_says_why_the_bot_cancelled_it(bot: Harness, staff_chat: Any) -> None:
    rina, _budi = await _talents(bot, ("id", AGREED), ("id", AGREED))
    kevin = bot.user(first_name="Kevin")
    assert await apply(bot, kevin, MUSICIAN) == "KOC-000003"
    assert (await cancelling.cancel(bot.store, CONTENT, rina.id, 1)).outcome == "cancelled"
    await _withdrawn_as_minor(bot, kevin, "id")
    own, minor = _own(), _minor()
    at = _withdrawn_at(bot, "KOC-000003")

    async with workspace(bot, ADMIN_ID) as client:
        # The list and the board.
        table = await client.ok("leads")
        stages = {row["reference"]: row["stage_label"] for row in table["rows"]}
        assert stages["KOC-000003"] == minor and stages["KOC-000001"] == own
        board = await client.ok("board", {"filter": {}})
        cards = {card["reference"]: card for column in board["columns"] for card in column["cards"]}
        assert cards["KOC-000003"]["stage_label"] == minor
        assert cards["KOC-000001"]["stage_label"] == own
        # The lead page: why, said first; its stage.
        lead = await client.ok("lead", {"id": 3})
        assert lead["withdrawn"] == visible(t(Text.RECORDS_WITHDRAWN_UNDER_18, time=wib_text(at)))
        assert lead["stage_label"] == minor
        rinas = await client.ok("lead", {"id": 1})
        rina_at = wib_text(_withdrawn_at(bot, "KOC-000001"))
        assert rinas["withdrawn"] == visible(t(Text.RECORDS_WITHDRAWN, time=rina_at))
        # A stage move and 📞 (an older page's): refused, saying why.
        moved = await client.ok(
            "move", {"id": 3, "stage": "shortlist", "version": lead["version"], "notify": True}
        )
        assert moved["outcome"] == "withdrawn"
        refusal = t(Text.PIPELINE_WITHDRAWN_UNDER_18, reference="KOC-000003", stage=CLOSED)
        assert moved["text"] == visible(refusal)
        contacted = await client.ok(
            "contacted", {"id": 3, "version": lead["version"], "note": "WA 12 Jan"}
        )
        said = visible(t(Text.RECORDS_CONTACTED_WITHDRAWN_UNDER_18, reference="KOC-000003"))
        assert contacted == {"outcome": "refused", "text": said}
        # A bulk move of the selection: each cancelled lead on its line.
        own_line = visible(t(Text.BULK_SKIPPED_WITHDRAWN, count=1, which="KOC-000001"))
        minor_line = visible(t(Text.BULK_SKIPPED_WITHDRAWN_UNDER_18, count=1, which="KOC-000003"))
        planned = await client.ok("bulk-preview", {"ids": [1, 2, 3], "stage": "dihubungi"})
        assert own_line in planned["summary"].splitlines()
        assert minor_line in planned["summary"].splitlines()
        moved = await client.ok(
            "bulk-move", {"batch": planned["batch"], "stage": "dihubungi", "notify": False}
        )
        assert moved["moved"] == 1
        assert own_line in moved["text"].splitlines() and minor_line in moved["text"].splitlines()
