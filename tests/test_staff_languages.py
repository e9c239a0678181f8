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
from tests.browser import Chromium, page_url, served, watched
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, read_csv
from tests.test_pipeline import SECOND_ADMIN, expected_message, label, t, two_staff, visible
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


async def _sent_as_written(
    bot: Harness,
    staff: Any,
    talent: Any,
    translation: Any,
    english: str,
    sent: str,
    *,
    single: bool,
) -> None:
    """Under a preview for English-reading staff: the `english` text, labelled as theirs only,
    with the choice under it (one lead's, or Move all's); sending sends the talent `sent`."""
    assert translation.html is not None
    label_line, _, body = translation.html.partition("\n\n")
    assert label_line == t(Text.PIPELINE_PREVIEW_TRANSLATION, "en")
    assert body == english
    send, quiet = (
        (Text.BTN_SEND_UPDATE, Text.BTN_NO_UPDATE)
        if single
        else (Text.BTN_BULK_SEND, Text.BTN_BULK_QUIET)
    )
    assert translation.button_texts[:2] == [t(send, "en"), t(quiet, "en")]
    mark = talent.mark()
    await bot.press(staff, t(send, "en"))
    [update] = await talent.wait_for_messages(mark)
    assert update.html == sent  # the Indonesian text, never the translation


async def test_a_stage_message_previewed_in_the_talents_language_comes_with_hers(
    make_bot: Any, staff_chat: Any
) -> None:
    bot, admin, minjung = await two_staff(make_bot, staff_chat, "en")
    andi = bot.user(first_name="Andi")
    await apply(bot, andi, {**MUSICIAN, "full_name": "Andi Wijaya"})  # an Indonesian talent
    sent = expected_message("shortlist", "KOC-000001", "Andi")
    english = expected_message("shortlist", "KOC-000001", "Andi", "en")
    assert sent != english
    await bot.send(minjung, "/lead KOC-000001")
    intro, exact, translation = await bot.press(minjung, label("shortlist", "en"))
    assert "in Indonesian" in intro.text
    assert exact.html == sent and not exact.buttons  # exactly what Andi gets, untouched
    # Under it, the same in English, said to be hers only; the choice under both.
    await _sent_as_written(bot, minjung, andi, translation, english, sent, single=True)
    # An Indonesian colleague previewing the same kind of move sees no translation.
    await apply(bot, bot.user(first_name="Budi"), {**MUSICIAN, "full_name": "Budi"})
    await bot.send(admin, "/lead KOC-000002")
    replies = await bot.press(admin, label("shortlist"))
    assert [m.html for m in replies[-1:]] == [expected_message("shortlist", "KOC-000002", "Budi")]

    # The workspace: the translation beside the exact message, for its language only.
    async with workspace(bot, ADMIN_ID) as client:
        move = {"id": 2, "stage": "selesai", "version": 0}
        assert "translation" not in await client.ok("preview", move)
        english_desk = client.as_user(init_data(bot.settings.token(), ADMIN_ID, language="en"))
        shown = await english_desk.ok("preview", move)
        assert shown["message"]["language"] == "id"
        assert shown["translation"]["language"] == "en"
        assert shown["translation"]["html"] == expected_message(
            "selesai", "KOC-000002", "Budi", "en"
        )
        said = visible(t(Text.PIPELINE_PREVIEW_TRANSLATION, "en"))
        assert shown["translation"]["label"] == said


async def test_a_move_all_preview_in_the_talents_language_comes_with_the_staff_members(
    make_bot: Any, staff_chat: Any
) -> None:
    """s60: one lead's preview showed its message in English for Min-jung; Move all showed
    only the Indonesian examples, which she cannot read."""
    bot, admin, minjung = await two_staff(make_bot, staff_chat, "en")
    andi = bot.user(first_name="Andi")
    await apply(bot, andi, {**MUSICIAN, "full_name": "Andi Wijaya"})
    await apply(bot, bot.user(first_name="Budi"), {**MUSICIAN, "full_name": "Budi Santoso"})
    await bot.send(minjung, "/leads baru")
    await bot.press(minjung, t(Text.BTN_BULK_MOVE, "en", count=2))
    *_, preview, exact, translation = await bot.press(minjung, label("shortlist", "en"))
    assert "2 leads" in preview.text and not preview.buttons
    assert exact.html == expected_message("shortlist", "KOC-000001", "Andi")
    assert not exact.buttons  # exactly what Andi gets, untouched
    english = expected_message("shortlist", "KOC-000001", "Andi", "en")
    sent = expected_message("shortlist", "KOC-000001", "Andi")
    await _sent_as_written(bot, minjung, andi, translation, english, sent, single=False)
    # An Indonesian colleague's Move all shows the example alone, the choice under it.
    await apply(bot, bot.user(first_name="Citra"), {**MUSICIAN, "full_name": "Citra Lestari"})
    await bot.send(admin, "/leads baru")
    await bot.press(admin, t(Text.BTN_BULK_MOVE, count=1))
    *_, last = await bot.press(admin, label("shortlist"))
    assert last.html == expected_message("shortlist", "KOC-000003", "Citra")
    assert last.button_texts[:2] == [t(Text.BTN_BULK_SEND), t(Text.BTN_BULK_QUIET)]


async def _andi_shortlisted_with_translation(page: Any) -> None:
    """A preview dialog: Andi's Shortlist message as he gets it (Indonesian), then, labelled
    as hers only, the same in English."""
    bubbles = page.locator("dialog .bubble")
    await bubbles.first.wait_for()
    assert await bubbles.count() == 2
    exact, translated = await bubbles.all_inner_texts()
    assert exact == visible(expected_message("shortlist", "KOC-000001", "Andi"))
    assert translated == visible(expected_message("shortlist", "KOC-000001", "Andi", "en"))
    said = visible(t(Text.PIPELINE_PREVIEW_TRANSLATION, "en"))
    assert await page.locator("dialog p.hint", has_text=said).is_visible()
    assert await bubbles.nth(0).get_attribute("lang") == "id"
    assert await bubbles.nth(1).get_attribute("lang") == "en"


async def test_the_workspace_preview_shows_the_translation_under_the_exact_message(
    bot: Harness, chromium: Chromium
) -> None:
    await apply(bot, bot.user(first_name="Andi"), {**MUSICIAN, "full_name": "Andi Wijaya"})
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID, "en") + "&lead/1")
        await page.locator(".lead-head .reference", has_text="KOC-000001").wait_for()
        await page.locator(".stage-buttons button", has_text=label("shortlist", "en")).click()
        await _andi_shortlisted_with_translation(page)
        # Move all of a selection shows it too (s60: only the Indonesian example).
        await page.goto(page_url(base, bot, ADMIN_ID, "en"))
        await page.reload()  # only the address's fragment changed: the list afresh
        select = t(Text.WS_SELECT_ROW, "en", reference="KOC-000001")
        await page.get_by_label(select, exact=True).check()
        await page.get_by_role("button", name=t(Text.WS_MOVE_SELECTED, "en")).click()
        stages = page.locator("dialog .stage-buttons button")
        await stages.filter(has_text=label("shortlist", "en")).click()
        await _andi_shortlisted_with_translation(page)
        await page.get_by_role("button", name=t(Text.BTN_BULK_SEND, "en")).click()
        await page.locator("#toast[data-kind=info]").wait_for()
    assert seen.alerts == [] and seen.errors == []
