"""Content changes without a restart (/reload, SIGHUP), the weekly review reminder, and who
is responsible for the data, from the settings."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from bot.app import create_runner
from bot.emulator import BotAPIEmulator, EmulatedChat, EmulatedUser
from bot.services import Services
from bot.settings import Settings, SettingsError
from bot.texts import Text
from handlers.content_admin import review_reminder
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import CONTENT, edit_content, opening, read_csv, rendered, shown
from tests.processes import BotProcess, clean_env, run_cli


def _rename_first_question(title: str) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        data["items"][0]["question"]["id"] = title

    return change


def _break(data: Any) -> None:
    """Two mistakes in one program: an unfinished text and HTML Telegram would refuse."""
    data["programs"][0]["what"]["id"] = "Teks baru, tanggal TBD"
    data["programs"][0]["how"]["en"] = "<b>Register your interest"


async def _page(bot: Harness, talent: EmulatedUser, key: str) -> str:
    """A program page as the talent sees it now."""
    program = CONTENT.programs[key]
    await bot.send(talent, "/program")
    await bot.press(talent, CONTENT.sections[program.section].title.id)
    await bot.press(talent, program.title.id)
    return talent.last_message.text


async def test_admin_reload_serves_new_content_and_refuses_broken_content(
    make_bot: Any, staff_chat: EmulatedChat, content_folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID, content_dir=content_folder
    )
    admin: EmulatedUser = staff_chat.members[ADMIN_ID]
    talent = bot.user()
    old_question = CONTENT.faq["what_is_kocca"].question.id
    edit_content(content_folder, "faq.yaml", _rename_first_question("KOCCA itu apa, sih?"))
    [listing] = await bot.send(talent, "/faq")
    assert old_question in listing.button_texts  # an edit alone changes nothing

    [done] = await bot.send(admin, "/reload")
    assert done.text == shown(
        Text.RELOAD_DONE,
        programs=len(CONTENT.programs),
        faq=len(CONTENT.faq),
        questions=len(CONTENT.questions),
    )
    [listing] = await bot.send(talent, "/faq")
    assert "KOCCA itu apa, sih?" in listing.button_texts
    before = await _page(bot, talent, "coproduction")

    edit_content(content_folder, "programs.yaml", _break)
    caplog.clear()
    with caplog.at_level(logging.ERROR):
        replies = await bot.send(admin, "/reload")
    refused = "\n".join(reply.text for reply in replies)
    assert refused.startswith(opening(Text.RELOAD_REFUSED))
    assert "programs.yaml: programs[coproduction].what.id: unfinished text 'TBD'" in refused
    assert "programs.yaml: programs[coproduction].how.en: <b> is never closed" in refused
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "refused" in logged and "unfinished text 'TBD'" in logged
    assert "how.en: <b> is never closed" in logged
    assert await _page(bot, talent, "coproduction") == before  # the previous content stays
    [listing] = await bot.send(talent, "/faq")
    assert "KOCCA itu apa, sih?" in listing.button_texts

    # Staff only; each reload is on record with who asked and what was wrong.
    [reply] = await bot.send(talent, "/reload")
    assert reply.text.startswith(shown(Text.UNKNOWN_COMMAND))
    reloads = await bot.store.content_log.reloads()
    assert [(r.trigger, r.staff_id, r.accepted) for r in reloads] == [
        ("command", ADMIN_ID, False),
        ("command", ADMIN_ID, True),
    ]
    assert len(reloads[0].problems) == 2 and reloads[1].problems == []


async def test_reload_lists_an_impossible_date_and_keeps_the_old_content(
    make_bot: Any, content_folder: Path
) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), content_dir=content_folder)
    admin = bot.user(user_id=ADMIN_ID, first_name="Admin")
    talent = bot.user()
    before = await _page(bot, talent, "coproduction")
    path = content_folder / "programs.yaml"
    text = path.read_text(encoding="utf-8")
    old = f"as_of: {CONTENT.programs['coproduction'].as_of.isoformat()}"
    path.write_text(text.replace(old, "as_of: 2026-02-30", 1), encoding="utf-8")

    replies = await bot.send(admin, "/reload")
    refused = "\n".join(reply.text for reply in replies)
    assert refused.startswith(opening(Text.RELOAD_REFUSED))
    assert "programs.yaml: programs[coproduction].as_of:" in refused
    assert shown(Text.ERROR_APOLOGY) not in refused
    assert await _page(bot, talent, "coproduction") == before


async def test_reload_keeps_drafts_going_and_survives_a_restart(
    make_bot: Any, staff_chat: EmulatedChat, content_folder: Path
) -> None:
    """A new question text reaches a talent mid-form; a restart reads the same folder."""
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), content_dir=content_folder)
    admin: EmulatedUser = staff_chat.members[ADMIN_ID]
    talent = bot.user()
    await bot.send(talent, "/daftar")

    def reword(data: Any) -> None:
        data["consents"][0]["question"]["id"] = "Boleh kami proses datamu? (wajib)"

    edit_content(content_folder, "privacy.yaml", reword)
    await bot.send(admin, "/reload")
    [again] = await bot.send(talent, "/daftar")
    assert "Boleh kami proses datamu? (wajib)" in again.text
    await bot.restart()
    [again] = await bot.send(talent, "/daftar")
    assert "Boleh kami proses datamu? (wajib)" in again.text


async def _until(condition: Callable[[], bool], what: str) -> None:
    """Wait for another process to get somewhere (nothing to await but time)."""
    async with asyncio.timeout(30):
        while not condition():  # noqa: ASYNC110 - another process's database
            await asyncio.sleep(0.02)


async def test_sighup_reloads_content_in_the_running_process(
    served: tuple[BotAPIEmulator, str], tmp_path: Path, content_folder: Path
) -> None:
    emulator, url = served
    bot = BotProcess(emulator, url, tmp_path, CONTENT_DIR=str(content_folder))
    await bot.start()
    talent = emulator.user(first_name="Sari")

    async def faq_buttons() -> list[str]:
        mark = talent.mark()
        talent.send("/faq")
        [listing] = await talent.wait_for_messages(mark, timeout=30)
        return listing.button_texts

    def reloads() -> list[tuple[Any, ...]]:
        return bot.query("SELECT trigger, accepted FROM content_reloads ORDER BY id")

    edit_content(content_folder, "faq.yaml", _rename_first_question("KOCCA itu apa, sih?"))
    bot.hang_up()
    await _until(lambda: len(reloads()) == 1, "the first reload")
    assert reloads() == [("signal", 1)]
    assert "KOCCA itu apa, sih?" in await faq_buttons()

    edit_content(content_folder, "programs.yaml", _break)
    bot.hang_up()
    await _until(lambda: len(reloads()) == 2, "the second reload")
    assert reloads()[1] == ("signal", 0)
    assert "KOCCA itu apa, sih?" in await faq_buttons()  # still serving, still the last good one
    assert await bot.stop() == 0
    log = bot.stderr.decode()
    assert "Content reload (signal) refused" in log and "unfinished text 'TBD'" in log


def _services(bot: Harness) -> Services:
    services: Services = bot.runner.application.bot_data["services"]
    return services


async def test_staff_chat_hears_once_a_week_which_pages_are_due_for_review(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    jobs = bot.runner.application.job_queue
    assert jobs is not None and jobs.get_jobs_by_name("content_review")
    telegram = bot.runner.application.bot
    mark = staff_chat.mark()
    fresh = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)
    assert not await review_reminder(telegram, _services(bot), fresh)  # nothing is due yet
    kofic_due = datetime(2027, 5, 28, 3, 0, tzinfo=UTC)  # only the 90-day page is due
    assert await review_reminder(telegram, _services(bot), kofic_due)
    [reminder] = staff_chat.messages_since(mark)
    assert reminder.text.startswith(opening(Text.REVIEW_DUE))
    assert reminder.text.endswith(shown(Text.REVIEW_DUE_GLOSS, "en"))  # for staff who read English
    assert CONTENT.programs["kofic_incentive"].title.id in reminder.text
    assert "programs.yaml: programs[kofic_incentive]" in reminder.text
    assert CONTENT.date_text(CONTENT.programs["kofic_incentive"].as_of, "id") in reminder.text
    assert CONTENT.programs["mucon"].title.id not in reminder.text

    everything_due = kofic_due + timedelta(days=6, hours=23)  # now the 180-day pages too
    assert not await review_reminder(telegram, _services(bot), everything_due)  # not this week
    await bot.restart()  # the last reminder is remembered, not the process
    assert not await review_reminder(telegram, _services(bot), everything_due)
    mark = staff_chat.mark()
    next_week = kofic_due + timedelta(days=7)
    assert await review_reminder(bot.runner.application.bot, _services(bot), next_week)
    [reminder] = staff_chat.messages_since(mark)
    for program in CONTENT.programs.values():
        assert program.title.id in reminder.text


async def test_no_staff_chat_no_reminder(make_bot: Any) -> None:
    bot: Harness = await make_bot()
    later = datetime(2028, 1, 1, tzinfo=UTC)
    assert not await review_reminder(bot.runner.application.bot, _services(bot), later)
    assert await bot.store.content_log.last_review_reminder() is None


async def test_who_is_responsible_comes_from_the_settings(make_bot: Any) -> None:
    bot: Harness = await make_bot(
        controller_name="PT <Kreatif> & Rekan",
        controller_contact="privasi@kreatif.example",
        controller_address="Jl. Contoh No. 1, Jakarta Selatan",
    )
    talent = bot.user()
    [notice] = await bot.send(talent, "/privasi")
    assert "PT <Kreatif> & Rekan" in notice.text  # shown as written, not read as HTML
    assert shown(Text.CONTROLLER_ADDRESS, address="Jl. Contoh No. 1, Jakarta Selatan") in (
        notice.text
    )
    [help_text] = await bot.send(talent, "/bantuan")
    assert "PT <Kreatif> & Rekan" in help_text.text
    assert "privasi@kreatif.example" in help_text.text

    await bot.stop()
    other: Harness = await make_bot(controller_name="Yayasan Contoh")
    [notice] = await other.send(other.user(), "/privacy")
    address_label = rendered(CONTENT.text(Text.CONTROLLER_ADDRESS, "en", address="")).strip()
    assert "Yayasan Contoh" in notice.text and address_label not in notice.text


async def test_no_bot_starts_without_who_is_responsible(
    emulator: BotAPIEmulator, tmp_path: Path
) -> None:
    database = tmp_path / "never.db"
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, bot_token=SecretStr(emulator.token), database_path=database
    )
    with pytest.raises(SettingsError, match="CONTROLLER_NAME and CONTROLLER_CONTACT must be set"):
        await create_runner(settings, request=emulator.request())
    assert not await asyncio.to_thread(database.exists)


async def test_the_audit_command_shows_who_reloaded_and_what_was_refused(
    make_bot: Any, staff_chat: EmulatedChat, content_folder: Path, tmp_path: Path
) -> None:
    # The staff review s60, L4: reloads were recorded (content_reloads) but no command showed
    # them; "who reloaded the broken content?" meant opening SQLite.
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID, content_dir=content_folder
    )
    admin: EmulatedUser = staff_chat.members[ADMIN_ID]
    await bot.send(admin, "/reload")
    edit_content(content_folder, "programs.yaml", _break)
    await bot.send(admin, "/reload")
    env = clean_env(tmp_path, BOT_TOKEN="1:x", DATABASE_PATH=str(bot.database))
    code, out, err = await run_cli(tmp_path, env, "audit", "--changes")
    assert code == 0, err
    lines = [line for line in out.splitlines() if " content_reload" in line]
    assert len(lines) == 2, out
    who = f" WIB  admin Admin ({ADMIN_ID}) "
    assert who in lines[0] and " content_reloaded " in lines[0] and "trigger=command" in lines[0]
    assert who in lines[1] and " content_reload_refused " in lines[1]
    assert "problems=2 first=programs.yaml: programs[coproduction]" in lines[1]
    code, out, err = await run_cli(tmp_path, env, "audit", "--format", "csv")
    assert code == 0, err
    header, *entries = read_csv(b"\xef\xbb\xbf" + out.encode())
    actions = [row[header.index("action")] for row in entries]
    assert actions == ["content_reloaded", "content_reload_refused"]
    assert {row[header.index("actor_id")] for row in entries} == {str(ADMIN_ID)}
    code, out, err = await run_cli(tmp_path, env, "audit", "--admin", "42")
    assert code == 0 and out == "", out + err  # another staff member's: none of these
