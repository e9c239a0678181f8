"""The talent journey: language, main menu, program pages and FAQ, all from content/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from bot.content import Content, load_content
from bot.settings import DEMO_CONTROLLER
from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, opening, rendered, shown
from tests.processes import call_cli


def _button(key: Text, language: str = "id") -> str:
    return CONTENT.text(key, language)


async def test_menu_offers_the_main_choices_in_indonesian(bot: Harness) -> None:
    sari = bot.user()
    [menu] = await bot.send(sari, "/menu")
    assert menu.text == shown(Text.MENU_PROMPT)
    assert menu.button_texts == [
        _button(Text.BTN_PROGRAMS),
        _button(Text.BTN_FAQ),
        _button(Text.BTN_ASK),  # the bot fixture has a staff chat
        _button(Text.BTN_APPLY),
        _button(Text.BTN_SUBSCRIBE_ON),
        _button(Text.BTN_LANGUAGE),
        _button(Text.BTN_PRIVACY),
    ]


async def test_menu_without_a_staff_chat_has_no_ask_button(make_bot: Any) -> None:
    bot: Harness = await make_bot()
    sari = bot.user()
    [menu] = await bot.send(sari, "/menu")
    assert _button(Text.BTN_ASK) not in menu.button_texts
    assert _button(Text.BTN_APPLY) in menu.button_texts


async def test_switching_language_is_stored_and_used_from_then_on(bot: Harness) -> None:
    sari = bot.user(language_code="id")
    await bot.send(sari, "/start")
    await bot.press(sari, _button(Text.BTN_LANGUAGE))
    assert sari.last_message.text == shown(Text.LANGUAGE_PROMPT)
    await bot.press(sari, _button(Text.BTN_LANGUAGE_EN))
    assert sari.last_message.text.startswith(shown(Text.LANGUAGE_SET, "en"))
    user = await bot.store.users.get(sari.id)
    assert user is not None and user.language == "en" and user.language_chosen
    # The choice outlives Telegram's language and a restart.
    await bot.restart()
    [reply] = await bot.send(sari, "/bantuan")
    assert reply.text.startswith(opening(Text.HELP, "en"))
    await bot.send(sari, "/bahasa")
    await bot.press(sari, _button(Text.BTN_LANGUAGE_ID, "en"))
    assert sari.last_message.text.startswith(shown(Text.LANGUAGE_SET, "id"))


async def test_every_program_page_opens_and_leads_back(bot: Harness, content: Content) -> None:
    for language in ("id", "en"):
        programs_label = _button(Text.BTN_PROGRAMS, language)
        talent = bot.user(language_code=language)
        [start] = await bot.send(talent, "/start")
        for section in content.sections.values():
            await bot.press(talent, programs_label, message=start)
            screen = talent.last_message
            assert screen.message_id == start.message_id, "navigation edits the same message"
            await bot.press(talent, section.title.get(language))
            listing = talent.last_message
            assert listing.text.startswith(section.title.get(language))
            for program in content.programs_in(section.key):
                await bot.press(talent, program.title.get(language), message=listing)
                page = talent.last_message
                assert page.message_id == start.message_id
                assert page.text.startswith(program.title.get(language))
                assert rendered(program.what.get(language))[:30] in page.text
                assert shown(Text.PROGRAM_KIND_INFO, language) in page.text
                # When its facts were checked, in the talent's language.
                assert content.date_text(program.as_of, language) in page.text
                assert rendered(content.as_of_line(program.as_of, language)) in page.text
                if program.source_url:
                    assert program.source_url in (page.html or "")
                register = _button(Text.BTN_APPLY_PROGRAM, language)
                # Only programs one can register interest in from their page have the button.
                assert (register in page.button_texts) == (program.interest == "page")
                await bot.press(talent, _button(Text.BTN_BACK, language), message=page)
                listing = talent.last_message
                assert listing.text.startswith(section.title.get(language))
            await bot.press(talent, _button(Text.BTN_MENU, language), message=listing)
        assert len(talent.messages) == 1, "browsing never piles up new messages"


async def test_every_faq_answer_opens_and_leads_back(bot: Harness, content: Content) -> None:
    talent = bot.user(language_code="en")
    [start] = await bot.send(talent, "/start")
    await bot.press(talent, _button(Text.BTN_FAQ, "en"))
    back, menu = _button(Text.BTN_BACK, "en"), _button(Text.BTN_MENU, "en")
    for item in content.faq.values():
        await bot.press(talent, item.question.en, message=start)
        answer = talent.last_message
        assert answer.text.startswith(item.question.en)
        # Answers that state facts say when they were checked; help answers do not.
        if item.kind == "facts" and item.as_of is not None:
            assert rendered(content.as_of_line(item.as_of, "en")) in answer.text
        else:
            assert shown(Text.AS_OF, "en", date="").strip() not in answer.text
        # An answer whose next step is a command has its button: it does what the text says.
        action = {
            "register": [_button(Text.BTN_APPLY, "en")],
            "ask": [_button(Text.BTN_ASK, "en")],
            "language": [_button(Text.BTN_LANGUAGE_ID, "en"), _button(Text.BTN_LANGUAGE_EN, "en")],
        }
        assert answer.button_texts == [*action.get(item.action or "", []), back, menu]
        await bot.press(talent, back, message=answer)
        assert talent.last_message.text.startswith(opening(Text.FAQ_INTRO, "en"))
    assert len(talent.messages) == 1
    assert {item.action for item in content.faq.values()} >= {"register", "ask", "language"}


async def test_program_faq_links_open_the_linked_answer(bot: Harness, content: Content) -> None:
    program = next(program for program in content.programs.values() if program.faq)
    talent = bot.user()
    await bot.send(talent, "/program")
    await bot.press(talent, content.sections[program.section].title.id)
    await bot.press(talent, program.title.id)
    faq = content.faq[program.faq[0]]
    await bot.press(talent, faq.question.id)
    assert talent.last_message.text.startswith(faq.question.id)
    # Back leads to the page it was opened from, not the FAQ list (a talent's review).
    await bot.press(talent, _button(Text.BTN_BACK))
    assert talent.last_message.text.startswith(program.title.id)


async def test_deep_link_source_is_stored_first_one_kept(bot: Harness) -> None:
    sari = bot.user()
    await bot.send(sari, "/start ig_jan26")
    await bot.send(sari, "/start tiktok_feb")
    await bot.send(sari, "/start bad source with spaces")
    user = await bot.store.users.get(sari.id)
    assert user is not None and user.source == "ig_jan26"
    assert await bot.store.users.sources(sari.id) == ["ig_jan26", "tiktok_feb"]


async def test_unexpected_text_media_and_commands_get_a_helpful_reply(bot: Harness) -> None:
    sari = bot.user()
    [reply] = await bot.send(sari, "halo kak, mau tanya dong")  # the question comes next
    assert reply.text.startswith(shown(Text.ASK_GREETING, first_name=sari.first_name))
    assert _button(Text.BTN_APPLY) in reply.button_texts
    [reply] = await bot.send(sari, "kak, cara bikin nasi goreng enak gimana")
    assert reply.text.startswith(shown(Text.ASK_NOTHING))
    assert _button(Text.BTN_APPLY) in reply.button_texts
    [reply] = await bot.act(sari, sari.send_sticker, emoji="😂")
    assert reply.text.startswith(shown(Text.UNKNOWN_TEXT))
    # A 👍 or 🙏 sticker says what typing it does: no "I can't read stickers".
    [reply] = await bot.act(sari, sari.send_sticker, emoji="👍")
    assert reply.text == shown(Text.ASK_OKAY)
    [reply] = await bot.act(sari, sari.send_sticker, emoji="🙏")
    assert reply.text == shown(Text.ASK_THANKS)
    [reply] = await bot.send(sari, "/export")
    assert reply.text.startswith(shown(Text.UNKNOWN_COMMAND))


async def test_a_mistyped_command_names_the_one_it_likely_meant_and_runs_nothing(
    bot: Harness,
) -> None:
    # A talents' review: "/hapus" got "I don't know that command" and the menu, no pointer.
    sari, jess = bot.user(first_name="Sari"), bot.user(first_name="Jess", language_code="en")
    await bot.send(sari, "/start")
    meant = {
        (sari, "/hapus"): ("hapusdata", Text.COMMAND_DELETE),
        (sari, "/dafar"): ("daftar", Text.COMMAND_APPLY),
        (sari, "/strat"): ("start", Text.COMMAND_START),  # two letters swapped: one slip
        (sari, "/statu@kocca_bot"): ("status", Text.COMMAND_STATUS),
        (jess, "/delete"): ("deletemydata", Text.COMMAND_DELETE),
        (jess, "/hapus"): ("deletemydata", Text.COMMAND_DELETE),  # her language's name
        (jess, "/langu"): ("language", Text.COMMAND_LANGUAGE),
    }
    for (talent, typed), (name, about) in meant.items():
        language = "en" if talent is jess else "id"
        [reply] = await bot.send(talent, typed)
        said = shown(Text.UNKNOWN_COMMAND, language)
        pointer = shown(
            Text.UNKNOWN_COMMAND_MEANT, language, command=name, about=CONTENT.text(about, language)
        )
        assert reply.text.startswith(f"{said}\n{pointer}\n\n"), typed
    assert await bot.store.users.get(sari.id) is not None  # "/hapus" erased nothing
    # Nothing close, two as close ("/lang": /language or /langganan), or a staff command.
    for unclear in ("/x", "/zzzzzz", "/s", "/lang", "/export"):
        [reply] = await bot.send(sari, unclear)
        assert reply.text.startswith(shown(Text.UNKNOWN_COMMAND) + "\n\n"), unclear


async def test_stale_or_forged_button_gets_a_clear_answer(bot: Harness) -> None:
    sari = bot.user()
    [start] = await bot.send(sari, "/start")
    for data in ("program:does_not_exist", "faq:nope", "garbage", "section:tv"):
        await bot.act(sari, sari.press_raw, start.message_id, data)
        assert sari.callback_answers[-1].text == shown(Text.STALE_BUTTON)
    assert sari.last_message.text == shown(Text.MENU_PROMPT)


async def test_long_privacy_notice_fits_telegram_and_callback_data_fits_64_bytes(
    bot: Harness,
) -> None:
    sari = bot.user()
    notice = "\n".join(message.text for message in await bot.send(sari, "/privasi"))
    # The notice names the law, who is responsible (from the settings) and how to reach them.
    assert "UU No. 27 Tahun 2022" in notice
    assert DEMO_CONTROLLER.name in notice and DEMO_CONTROLLER.contact in notice
    assert all(len(message.text) <= 4096 for message in sari.messages)
    for call in bot.emulator.calls:
        assert call.status == 200, (call.method, call.description)


def _copy_content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parent.parent / "content", folder)
    return folder


def _check(folder: Path) -> tuple[int, str, str]:
    """`kocca-bot check-content --content-dir FOLDER`: exit status, stdout, stderr."""
    return call_cli(folder, dict(os.environ), "check-content", "--content-dir", str(folder))


def test_check_content_names_a_missing_english_text(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    data = yaml.safe_load((folder / "faq.yaml").read_text())
    del data["items"][0]["answer"]["en"]
    (folder / "faq.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    code, _, err = _check(folder)
    assert code == 2
    key = data["items"][0]["key"]
    assert f"faq.yaml: items[{key}].answer.en: Field required" in err


def test_check_content_names_a_program_pointing_at_a_missing_faq(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    data = yaml.safe_load((folder / "programs.yaml").read_text())
    data["programs"][0]["faq"] = ["no_such_question"]
    (folder / "programs.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    code, _, err = _check(folder)
    assert code == 2
    key = data["programs"][0]["key"]
    assert f"programs.yaml: programs[{key}].faq: no FAQ entry 'no_such_question'" in err


def test_check_content_lists_every_problem_at_once(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    messages = yaml.safe_load((folder / "messages.yaml").read_text())
    del messages["greeting"]
    messages["menu_prompt"]["en"] = "<b>unclosed"
    messages["not_a_key"] = {"id": "x", "en": "y"}
    messages["help"]["en"] = "x" * 5000
    (folder / "messages.yaml").write_text(yaml.safe_dump(messages, allow_unicode=True))
    code, _, err = _check(folder)
    assert code == 2
    assert "messages.yaml: greeting: missing (the bot uses this key)" in err
    assert "messages.yaml: menu_prompt.en: <b> is never closed" in err
    assert "messages.yaml: not_a_key: not a message the bot uses" in err
    assert "messages.yaml: help.en: 5000 characters, the limit is 3800" in err


def test_messages_may_be_split_into_files_per_capability(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    messages = yaml.safe_load((folder / "messages.yaml").read_text())
    moved = {"greeting": messages.pop("greeting"), "help": messages.pop("help")}
    (folder / "messages.yaml").write_text(yaml.safe_dump(messages, allow_unicode=True))
    (folder / "messages_extra.yaml").write_text(yaml.safe_dump(moved, allow_unicode=True))
    assert load_content(folder).text(Text.GREETING, "en") == moved["greeting"]["en"]

    twice = {"menu_prompt": {"id": "Menu", "en": "Menu"}}
    (folder / "messages_twice.yaml").write_text(yaml.safe_dump(twice, allow_unicode=True))
    code, _, err = _check(folder)
    assert code == 2
    assert "messages_twice.yaml: menu_prompt: already defined in messages.yaml" in err


def test_check_content_catches_questionnaire_mistakes(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    intake = yaml.safe_load((folder / "intake.yaml").read_text())
    intake["questions"][1]["type"] = "essay"
    intake["questions"][2]["when"] = {"no_such_key": ["x"]}
    del intake["questions"][0]["choices"][0]["label"]["en"]
    (folder / "intake.yaml").write_text(yaml.safe_dump(intake, allow_unicode=True))
    code, _, err = _check(folder)
    assert code == 2
    first, second, _third = (question["key"] for question in intake["questions"][:3])
    assert f"intake.yaml: questions[{second}].type: Input should be" in err
    assert f"intake.yaml: questions[{first}].choices" in err
    assert "label.en: Field required" in err


def test_check_content_checks_help_variants_like_conditions(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    intake = yaml.safe_load((folder / "intake.yaml").read_text())
    keys = [question["key"] for question in intake["questions"]]
    portfolio = intake["questions"][keys.index("portfolio_url")]
    portfolio["help_variants"][0]["when"] = {"sector": ["dance"]}
    portfolio["help_variants"][1]["when"] = {"other_links": ["x"]}  # asked after it
    del portfolio["help"]
    (folder / "intake.yaml").write_text(yaml.safe_dump(intake, allow_unicode=True))
    code, _, err = _check(folder)
    assert code == 2
    where = "intake.yaml: questions[portfolio_url]"
    assert f"{where}.help_variants[0].when.sector: 'dance' is not one of its choices" in err
    assert f"{where}.help_variants[1].when: 'other_links' is not an earlier question" in err
    assert f"{where}: help_variants need a help for talents they do not match" in err


def test_bot_refuses_to_start_with_broken_content(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    (folder / "faq.yaml").write_text("items: [")
    env = {
        "PATH": "/usr/bin:/bin",
        "BOT_TOKEN": "1:x",
        "CONTROLLER_NAME": "Test controller",
        "CONTROLLER_CONTACT": "test@example.invalid",
        "CONTENT_DIR": str(folder),
        "DATABASE_PATH": str(tmp_path / "x.db"),
    }
    code, _, err = call_cli(tmp_path, env, "run")
    assert code == 2
    assert "faq.yaml: not valid YAML" in err


def test_check_content_refuses_an_alias_chain_and_names_its_line(tmp_path: Path) -> None:
    # A "billion laughs" chain: each list holds nine aliases of the one above. Nine levels
    # (about 500 bytes) kept check-content busy for hours as the checks walked every leaf;
    # four levels here, so that without the refusal this test fails on its message, not hangs.
    folder = _copy_content(tmp_path)
    chain = 'x_chain0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for depth in range(1, 5):
        chain += f"x_chain{depth}: &a{depth} [" + ",".join([f"*a{depth - 1}"] * 9) + "]\n"
    messages = folder / "messages.yaml"
    messages.write_text(chain + messages.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = _check(folder)
    assert code == 2
    assert "messages.yaml line 1: anchors/aliases (&, *) are not used in content" in err


def test_check_content_refuses_a_file_too_large_before_parsing_it(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    faq = folder / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text + "#" * 1_000_000 + "\n", encoding="utf-8")
    code, _, err = _check(folder)
    assert code == 2
    assert "faq.yaml: larger than 1,000,000 bytes, the most a file holds" in err
