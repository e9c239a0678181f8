"""Staff who read English (a Korean staff member, her Telegram in English) beside Indonesian
staff: the export in the language of who asked, the shared staff group readable to both, and
a stage message's preview she can read (a staff review s59: M1, M2, M4, L5)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl

from bot.emulator import EmulatedChat
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, read_csv
from tests.test_pipeline import SECOND_ADMIN, label, t, two_staff
from tests.test_staff import _kocca_bot
from tests.test_support import answer, ask
from tests.workspace import init_data, workspace


def _xlsx(replies: list[Any]) -> tuple[str, list[dict[str, Any]]]:
    """The XLSX among an export's replies: its sheet's name and its rows by header."""
    return _rows(
        next(m.document[1] for m in replies if m.document and m.document[0].endswith(".xlsx"))
    )


def _rows(data: bytes) -> tuple[str, list[dict[str, Any]]]:
    """An XLSX export opened as a spreadsheet would: its sheet's name and its rows by header."""
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    header, *rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    return sheet.title, [dict(zip(header, row, strict=True)) for row in rows]


async def test_the_export_speaks_the_language_of_the_staff_member_who_asks(
    make_bot: Any, staff_chat: Any
) -> None:
    bot, admin, minjung = await two_staff(make_bot, staff_chat, "en")
    await apply(bot, bot.user(first_name="Sari"), {**MUSICIAN, "full_name": "=HYPERLINK(1)"})
    await bot.send(minjung, "/lead KOC-000001")
    await bot.press(minjung, t(Text.BTN_ASSIGN_ME, "en"))
    await bot.press(minjung, label("selesai", "en"))  # its message previewed: not sent
    await bot.press(minjung, t(Text.BTN_NO_UPDATE, "en"))

    # Min-jung's files: an English sheet, headers and values, as her chat names them.
    name, (row,) = _xlsx(await bot.send(minjung, "/export"))
    assert name == "Leads"
    assert row["Reference"] == "KOC-000001"
    assert row["Stage"] == "Closed"  # what her chat called the stage, not "Tidak dilanjutkan"
    assert row["Field"] == "Music" and row["Chat language"] == "Indonesian"
    assert row["Consent to processing"] == "yes"
    # The assignee by name and id, as the notes column names people.
    assert row["Handled by (name, ID)"] == f"Dewi ({SECOND_ADMIN})"
    assert row["Full name"] == "=HYPERLINK(1)"  # still text, never a formula
    # Her Indonesian colleague's export stays Indonesian.
    name, (row,) = _xlsx(await bot.send(admin, "/export"))
    assert name == "Pendaftar"
    assert row["Tahap"] == "Tidak dilanjutkan" and row["Setuju pemrosesan data"] == "ya"
    assert row["Ditangani (nama, ID)"] == f"Dewi ({SECOND_ADMIN})"
    assert ADMIN_ID != SECOND_ADMIN


async def test_the_workspace_and_the_command_line_export_in_their_language(
    bot: Harness, tmp_path: Path
) -> None:
    await apply(bot, bot.user(first_name="Sari"), MUSICIAN)
    async with workspace(bot, ADMIN_ID) as client:
        # The workspace opened from an English Telegram app, then from an Indonesian one.
        english = client.as_user(init_data(bot.settings.token(), ADMIN_ID, language="en"))
        for who, title, stage in (
            (english, "Leads", ("Stage", "New")),
            (client, "Pendaftar", ("Tahap", "Baru")),
        ):
            ready = await who.ok("export", {"format": "xlsx"})
            fetched = await client.http.get(f"/staff/{ready['path']}")
            name, (row,) = _rows(await fetched.read())
            assert name == title and row[stage[0]] == stage[1]
    # The command line: the deployment's language (Indonesian here), or --language.
    for flags, first in (([], "Referensi"), (["--language", "en"], "Reference")):
        output = tmp_path / f"cli-{len(flags)}.csv"
        await _kocca_bot(
            bot.database, tmp_path, "export", "--format", "csv", "--output", str(output), *flags
        )
        assert read_csv(output.read_bytes())[0][0] == first


async def test_the_shared_staff_group_says_what_to_act_on_in_both_languages(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    minjung = bot.emulator.user(SECOND_ADMIN, first_name="Min-jung", language_code="en")
    staff_chat.add_member(minjung)
    bot.settings.admin_ids = frozenset({ADMIN_ID, SECOND_ADMIN})
    hendra = bot.user(first_name="Hendra", language_code="en")
    mark = staff_chat.mark()
    await ask(bot, hendra, "Hi, is there an age limit for MU:CON? I am 36.")
    header, question = staff_chat.messages_since(mark)
    # The group speaks Indonesian; the facts she needs and what to do follow in English.
    assert header.text.startswith("💬 Pertanyaan dari Hendra")
    assert header.text.splitlines()[-1] == (
        "Question · language English · not registered yet."
        " Reply to this message or the ones below it to answer."
    )
    await answer(bot, minjung, staff_chat, "Hi Hendra, no age limit is stated.", question)
    confirmation = staff_chat.last_message
    assert hendra.last_message.text.endswith("Hi Hendra, no age limit is stated.")
    # Its only button reads in both languages: it marks the answer as a holding reply.
    (holding,) = confirmation.button_texts
    assert "Balasan sementara" in holding and "Holding reply" in holding
    await bot.act(minjung, minjung.press, holding, message=confirmation)
    assert minjung.callback_answers[-1].text == "Marked as a holding reply."
    assert await bot.store.support.question_waiting(hendra.id) is True

    # A new lead's alert: the gist in English, and its 📄 opens the lead in her language.
    await apply(bot, bot.user(first_name="Sari"), MUSICIAN)
    alert = staff_chat.last_message
    assert alert.text.splitlines()[:3] == [
        "🆕 Pendaftar baru KOC-000001",
        f"Sari · id {alert.text.split(' · id ')[1].split(' ')[0]} · bahasa Indonesia",
        "New registration · language Indonesian. Press 📄 below to read it in your language.",
    ]
    mark = staff_chat.mark()
    await bot.act(
        minjung, minjung.press, t(Text.BTN_OPEN_LEAD, reference="KOC-000001"), message=alert
    )
    (page,) = staff_chat.messages_since(mark)
    assert CONTENT.questions["full_name"].label.en in page.text
