"""Free questions answered from the FAQ and program pages, through the emulator."""

from __future__ import annotations

import asyncio
import importlib
import json
import re
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.answers import language as written_language
from bot.answers import stats as question_stats
from bot.answers import text as answer_text
from bot.answers.language import written_in
from bot.answers.text import says_not_this
from bot.ask_off import without_ask
from bot.content import load_content
from bot.emulator import EmulatedChat, EmulatedUser
from bot.settings import DEMO_CONTROLLER
from bot.store import Store
from bot.store.conversation import LogEntry
from bot.store.questions import Asked, Week, Wording
from bot.store.users import Profile, Users
from bot.store.workspace import WorkspaceReads
from bot.support import named_entry
from bot.texts import Text
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    at_question,
    consent,
    copy_label,
    data_copy,
    edit_content,
    opening,
    remove_entry,
    rendered,
    section,
    shown,
    where,
)
from tests.leads import answer as answer_question
from tests.test_support import answer as answer_in_group
from tests.test_support import relayed_question, staff_member
from tests.upgrades import made_before
from tests.workspace import workspace

OPEN_CALL = CONTENT.faq["open_call_now"]
MUSIC_TO_KOREA = CONTENT.programs["music_to_korea"]
NOT_THIS = CONTENT.text(Text.BTN_NOT_THIS, "id")
NOT_THIS_EN = CONTENT.text(Text.BTN_NOT_THIS, "en")
ASK_TEAM = CONTENT.text(Text.BTN_ASK, "id")
CHART_WAIT = 120.0  # seconds: the chart's own time limit is 60


def questions(database: Path, user_id: int) -> list[dict[str, Any]]:
    """The talent's recorded free questions, oldest first."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        db.row_factory = sqlite3.Row
        rows = db.execute(
            "SELECT * FROM free_questions WHERE user_id = ? ORDER BY id", (user_id,)
        ).fetchall()
    return [dict(row) for row in rows]


async def test_a_confident_answer_then_not_this_then_another_entry(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    [answer] = await bot.send(sari, "kapan open call film")
    first_line = answer.text.split("\n")[0]
    assert first_line == OPEN_CALL.question.id
    assert answer.html is not None and answer.html.startswith(f"<b>{OPEN_CALL.question.id}</b>")
    assert rendered(OPEN_CALL.answer.id).split("\n")[0] in answer.text
    assert rendered(CONTENT.as_of_line(OPEN_CALL.as_of, "id")) in answer.text  # type: ignore[arg-type]
    # What its last line says to do, then "Not this", then the entries it names to see also.
    assert answer.button_texts == [
        CONTENT.text(Text.BTN_APPLY, "id"),
        NOT_THIS,
        *(CONTENT.faq[key].question.id for key in ("announcements", "who_can_apply")),
    ]
    [row] = questions(bot.database, sari.id)
    assert (row["outcome"], row["entry"], row["via"]) == ("answered", "faq:open_call_now", "chat")
    assert row["text"] == "kapan open call film"

    [changed] = await bot.press(sari, NOT_THIS)
    assert changed.message_id == answer.message_id  # the wrong answer is replaced
    assert changed.text == shown(Text.ASK_NOT_THIS)
    menu = CONTENT.text(Text.BTN_MENU, "id")
    offered = [text for text in changed.button_texts if text not in (ASK_TEAM, menu)]
    assert offered and OPEN_CALL.question.id not in offered
    assert ASK_TEAM in changed.button_texts
    [row] = questions(bot.database, sari.id)
    assert row["not_this_at"] is not None

    [page] = await bot.press(sari, offered[0])
    assert page.text.split("\n")[0] == offered[0]  # the entry, as its page shows it
    # ... below the list it was chosen from, which stays for another pick.
    assert page.message_id != changed.message_id
    kept = sari.message(changed.message_id)
    assert kept is not None and kept.text == changed.text
    [row] = questions(bot.database, sari.id)
    assert row["opened"] is not None and row["opened"].split(":")[0] in ("faq", "program")


async def test_the_buttons_under_an_answer_are_what_it_names_to_see_also(bot: Harness) -> None:
    """A talents' review: the answer on sending a showreel had "Who runs this bot?" and
    "Animation, webtoons or games?" under it, entries that merely shared a word with the
    question. Under an answer come the entries its `see_also:` names, in both languages;
    pressed, one opens as its page shows it."""
    showreel = CONTENT.faq["showreel_links"]
    following = [CONTENT.faq[key] for key in ("what_to_prepare", "after_registering")]
    assert [f"faq:{item.key}" for item in following] == showreel.see_also
    john, sari = bot.user(first_name="John", language_code="en"), bot.user(first_name="Sari")
    for talent, text, language in (
        (john, "how do I send my showreel?", "en"),
        (sari, "kirim showreel lewat mana kak", "id"),
    ):
        [answer] = await bot.send(talent, text)
        assert answer.text.split("\n")[0] == showreel.question.get(language), text
        assert answer.button_texts == [
            NOT_THIS_EN if language == "en" else NOT_THIS,
            *(item.question.get(language) for item in following),
        ], text
        [row] = questions(bot.database, talent.id)[-1:]
        assert json.loads(row["offered"]) == showreel.see_also  # recorded as shown
    [page] = await bot.press(john, following[0].question.en)
    assert page.text.split("\n")[0] == following[0].question.en
    assert questions(bot.database, john.id)[-1]["opened"] == "faq:what_to_prepare"
    # An entry naming none gets only those the question fits nearly as well: here none
    # ("Who can register?" fits a third as well, and sat under it before).
    korean = CONTENT.faq["korean_language"]
    assert korean.see_also == []
    [answer] = await bot.send(john, "do I have to speak Korean to join?")
    assert answer.text.split("\n")[0] == korean.question.en
    assert answer.button_texts == [CONTENT.text(Text.BTN_ASK, "en"), NOT_THIS_EN]


async def test_the_co_production_talks_get_their_page(bot: Harness) -> None:
    """A review: "Tell me more about the co-production talks" got "Can I ask a real person?"
    (its "more" and "talk" were that entry's words). The page on the talks answers it, in
    English and in Indonesian, with the January meeting and the KOFIC incentive under it."""
    page = CONTENT.programs["coproduction"]
    john, sari = bot.user(first_name="John", language_code="en"), bot.user(first_name="Sari")
    # Each talent asks once: a follow-up on the page just sent points back to it.
    jane = bot.user(first_name="Jane", language_code="en")
    for talent, text, language in (
        (john, "Tell me more about the co-production talks", "en"),
        (jane, "more about the co-production talks please", "en"),
        (sari, "kerja sama ko-produksi film Indonesia Korea gimana?", "id"),
    ):
        [answer] = await bot.send(talent, text)
        assert answer.text.split("\n")[0] == page.title.get(language), text
        assert answer.button_texts == [
            CONTENT.text(Text.BTN_APPLY_PROGRAM, language),
            NOT_THIS_EN if language == "en" else NOT_THIS,
            CONTENT.faq["jan_2026_meeting"].question.get(language),
            CONTENT.programs["kofic_incentive"].title.get(language),
        ], text


async def test_a_link_pasted_alone_is_told_where_links_count(bot: Harness) -> None:
    """A staff review: a talent's pasted work link got "no answer for that" and sat among the
    week's unanswered questions. It is told to add links through the form, and it is no
    question in the statistics."""
    sari = bot.user(first_name="Sari")
    for pasted in ("https://youtu.be/abc123", "vimeo.com/123456 https://instagram.com/sari"):
        [reply] = await bot.send(sari, pasted)
        assert reply.text.startswith(shown(Text.ASK_LINKS_OUTSIDE_FORM)), pasted
    assert questions(bot.database, sari.id) == []
    # A question holding a link is still a question, and so is a link asked about.
    for asking in ("link youtube boleh? https://youtu.be/abc123", "https://kocca.id/daftar?"):
        [asked] = await bot.send(sari, asking)
        assert not asked.text.startswith(shown(Text.ASK_LINKS_OUTSIDE_FORM)), asking
    assert len(questions(bot.database, sari.id)) == 2


async def test_not_this_typed_under_an_answer_does_what_its_button_does(bot: Harness) -> None:
    """A talents' review: "Bukan ini" typed (not pressed) got the bot's introduction."""
    sari, rina = bot.user(first_name="Sari"), bot.user(first_name="Rina")
    [answer] = await bot.send(sari, "kapan open call film")
    assert answer.text.split("\n")[0] == OPEN_CALL.question.id
    [other] = await bot.send(sari, "Bukan ini kak")
    assert other.text == shown(Text.ASK_NOT_THIS)
    assert OPEN_CALL.question.id not in other.button_texts and ASK_TEAM in other.button_texts
    [row] = questions(bot.database, sari.id)  # not a new question: the answer's "not it"
    assert row["not_this_at"] is not None
    # Said again, it is not said twice: the message goes where any message goes.
    [again] = await bot.send(sari, "bukan ini")
    assert again.text != shown(Text.ASK_NOT_THIS)
    # Saying it was right, or one's own slip, is no "Not this" (an attacker's review).
    for fine in ("that's what I meant", "this one", "salah saya kak"):
        assert not says_not_this(fine), fine
    # With no answer just before it, "salah" is no "Not this".
    [alone] = await bot.send(rina, "salah")
    assert alone.text != shown(Text.ASK_NOT_THIS)
    assert all(row["not_this_at"] is None for row in questions(bot.database, rina.id))


async def test_an_answer_said_not_to_be_it_is_not_given_again_to_that_talent(
    bot: Harness,
) -> None:
    # A talents' review: rephrased after "Not this", the question got the same answer back.
    jakarta = CONTENT.faq["kocca_jakarta"].question.id
    tom, rina = bot.user(first_name="Tom"), bot.user(first_name="Rina")
    [answer] = await bot.send(tom, "kocca ada di jakarta?")
    assert answer.text.split("\n")[0] == jakarta
    await bot.press(tom, NOT_THIS, message=answer)
    [again] = await bot.send(tom, "kantor kocca di jakarta dimana?")
    assert again.text == shown(Text.ASK_NOT_SURE)  # the others it had, to choose from
    assert jakarta not in again.button_texts and ASK_TEAM in again.button_texts
    assert [row["outcome"] for row in questions(bot.database, tom.id)][-1] == "suggested"
    # Another talent, and another entry for Tom, are answered as before.
    [theirs] = await bot.send(rina, "kantor kocca di jakarta dimana?")
    assert theirs.text.split("\n")[0] == jakarta
    [other] = await bot.send(tom, "kak ada open call gak?")
    assert other.text.split("\n")[0] == OPEN_CALL.question.id


async def test_not_this_holds_for_that_question_asked_again_not_for_every_other(
    bot: Harness,
) -> None:
    """A talents' review: after one "Not this" (to the entry on who may register), the entry
    was never given that talent again, for "gimana cara daftar?" nor for its own title typed
    whole."""
    registering = CONTENT.faq["who_can_apply"].question.id
    dimas = bot.user(first_name="Dimas")
    [answer] = await bot.send(dimas, "berbayar ga kak")
    assert answer.text.split("\n")[0] == registering
    await bot.press(dimas, NOT_THIS, message=answer)
    [again] = await bot.send(dimas, "maksudnya berbayar ga sih kak?")  # the same, again
    assert not again.text.startswith(registering)
    [answered] = await bot.send(dimas, "gimana cara daftar?")
    assert answered.text.split("\n")[0] == registering
    # Its own title typed whole, right after: that page, pointed to (it was just sent).
    [pointer] = await bot.send(dimas, registering)
    assert pointer.text == shown(Text.ASK_SEE_ABOVE)
    assert pointer.reply_to_message_id == answered.message_id


async def test_english_question_gets_the_program_page_in_english(bot: Harness) -> None:
    john = bot.user(first_name="John", language_code="en")
    [answer] = await bot.send(john, "can I perform in Korea?")
    assert answer.text.split("\n")[0] == MUSIC_TO_KOREA.title.en
    assert rendered(CONTENT.as_of_line(MUSIC_TO_KOREA.as_of, "en")) in answer.text
    # The page says to register with the button below: the button is there, then "Not this".
    assert answer.button_texts[:2] == [
        CONTENT.text(Text.BTN_APPLY_PROGRAM, "en"),
        CONTENT.text(Text.BTN_NOT_THIS, "en"),
    ]
    # Indonesian words from an English-speaking talent are understood too (talents mix).
    [mixed] = await bot.send(john, "gmn cara kirim showreel")
    assert mixed.text.split("\n")[0] == CONTENT.faq["showreel_links"].question.en


async def test_asking_for_indonesian_with_telegram_in_english_switches_in_one_press(
    bot: Harness,
) -> None:
    """A talents' review: Sarah, Telegram in English, wrote Indonesian and got English, and
    asking for Indonesian got "type /language", in English, with no button."""
    sarah = bot.user(first_name="Sarah", language_code="en")
    [told, answer] = await bot.send(sarah, "aku tinggal di Busan, masih bisa daftar nggak?")
    assert told.text == CONTENT.text(Text.LANGUAGE_FOLLOWED, "id")  # said once, in Indonesian
    assert answer.text.split("\n")[0] == CONTENT.faq["who_can_apply"].question.id
    assert CONTENT.text(Text.BTN_NOT_THIS, "id") in answer.button_texts
    [next_answer] = await bot.send(sarah, "gmn cara kirim showreel")  # not said again
    assert next_answer.text.split("\n")[0] == CONTENT.faq["showreel_links"].question.id
    # Someone who chose English keeps it, and gets both languages as buttons when asking.
    john = bot.user(first_name="John", language_code="id")
    await bot.send(john, "/language")
    await bot.press(john, CONTENT.text(Text.BTN_LANGUAGE_EN, "id"))
    [answer] = await bot.send(john, "bisa pakai bahasa Indonesia aja gak?")
    assert answer.text.split("\n")[0] == CONTENT.faq["language"].question.en
    indonesian = CONTENT.text(Text.BTN_LANGUAGE_ID, "en")
    assert answer.button_texts[:2] == [indonesian, CONTENT.text(Text.BTN_LANGUAGE_EN, "en")]
    [switched] = await bot.press(john, indonesian, message=answer)
    assert switched.text.startswith(CONTENT.text(Text.LANGUAGE_SET, "id"))
    assert (await bot.store.users.get(john.id)).language == "id"  # type: ignore[union-attr]


async def test_asking_in_a_sentence_for_the_language_it_is_written_in_gets_the_switch_only(
    bot: Harness,
) -> None:
    """A talents' review s58 (M8): Kadek, Telegram in English, typed "Ok saya pakai bahasa
    Indonesia aja ya, lebih enak" and got the notice that the bot now replies in Indonesian,
    then also the page on changing the language, with its two buttons: noise. The notice
    alone comes; asking in Indonesian for English still gets the page and its buttons."""
    kadek = bot.user(first_name="Kadek", language_code="en")
    replies = await bot.send(kadek, "Ok saya pakai bahasa Indonesia aja ya, lebih enak")
    assert [reply.text for reply in replies] == [CONTENT.text(Text.LANGUAGE_FOLLOWED, "id")]
    user = await bot.store.users.get(kadek.id)
    assert user is not None and user.language == "id"
    # Nothing was asked: no question for staff's list.
    asked = await bot.store.db.fetch_all(
        "SELECT id FROM free_questions WHERE user_id = ?", (kadek.id,)
    )
    assert asked == []
    wayan = bot.user(first_name="Wayan", language_code="en")
    [told, page] = await bot.send(wayan, "bisa ganti ke bahasa inggris aja gak?")
    assert told.text == CONTENT.text(Text.LANGUAGE_FOLLOWED, "id")
    assert page.text.split("\n")[0] == CONTENT.faq["language"].question.id
    assert CONTENT.text(Text.BTN_LANGUAGE_EN, "id") in page.button_texts


async def test_asking_for_a_language_and_naming_the_other_too_gets_the_switch_only(
    bot: Harness,
) -> None:
    """The s58 re-check (N3): "Can we speak English please? My Indonesian is not good" got the
    notice and the language page too, as both languages are named; and (L1) a handle holding a
    language's name ("@english.cover.id") made a switch to Indonesian ask for both. The
    language asked for comes first: the notice alone. One written in Indonesian that asks for
    English first still gets the page and its buttons."""
    putu = bot.user(first_name="Putu", language_code="id")
    replies = await bot.send(putu, "Can we speak English please? My Indonesian is not good")
    assert [reply.text for reply in replies] == [CONTENT.text(Text.LANGUAGE_FOLLOWED, "en")]
    kadek = bot.user(first_name="Kadek", language_code="en")
    replies = await bot.send(kadek, "saya @english.cover.id, pakai bahasa indonesia aja ya")
    assert [reply.text for reply in replies] == [CONTENT.text(Text.LANGUAGE_FOLLOWED, "id")]
    wayan = bot.user(first_name="Wayan", language_code="en")
    [told, page] = await bot.send(wayan, "pakai bahasa inggris aja, bahasa indonesia saya kurang")
    assert told.text == CONTENT.text(Text.LANGUAGE_FOLLOWED, "id")
    assert page.text.split("\n")[0] == CONTENT.faq["language"].question.id
    assert CONTENT.text(Text.BTN_LANGUAGE_EN, "id") in page.button_texts


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Saya pakai bahasa Indonesia saja, bahasa Inggris saya kurang", "id"),
        ("english please, my indonesian is not good", "en"),
        # Links and handles name nothing (the s58 re-check, L1), nor a key held down.
        ("pakai bahasa indonesia aja, ig saya @english.cover.id", "id"),
        ("cek youtube.com/indonesia-raya, english please", "en"),
        ("." * 4096, None),
    ],
)
def test_the_language_a_message_names_first(text: str, language: str | None) -> None:
    assert written_language.named_language(text) == language


async def test_a_followed_language_follows_back_when_the_talent_writes_the_other(
    bot: Harness,
) -> None:
    """A talents' review (M7): Joko's first message was English, the bot followed him into
    English, and from then on he wrote only Indonesian and read English. A language the bot
    followed is not chosen: two clear messages in the other language follow it back."""
    joko = bot.user(first_name="Joko", language_code="id")
    [told, _] = await bot.send(joko, "hi, how can I join the music program?")
    assert told.text == CONTENT.text(Text.LANGUAGE_FOLLOWED, "en")
    # One Indonesian message in between is not yet a change (a mixed writer stays put).
    [answer] = await bot.send(joko, "data aku nanti disimpen apa aja ya?")
    assert answer.text.split("\n")[0] == CONTENT.faq["my_data"].question.en
    [told, answer] = await bot.send(joko, "kalau mau daftar bisa dari hp aja kan?")
    assert told.text == CONTENT.text(Text.LANGUAGE_FOLLOWED, "id")
    assert CONTENT.text(Text.BTN_NOT_THIS, "id") in answer.button_texts
    user = await bot.store.users.get(joko.id)
    assert user is not None and (user.language, user.language_chosen) == ("id", False)
    # Followed back once, it stays: a talent who writes both is not switched back and forth,
    # told each time.
    for typed in ("how do I register for MU:CON?", "what documents do I need to register?"):
        [answer] = await bot.send(joko, typed)
        assert CONTENT.text(Text.BTN_NOT_THIS, "id") in answer.button_texts
    user = await bot.store.users.get(joko.id)
    assert user is not None and user.language == "id"
    # A talent who pressed a language keeps it, whatever they write.
    await bot.send(joko, "/bahasa")
    await bot.press(joko, CONTENT.text(Text.BTN_LANGUAGE_EN, "id"))
    for typed in ("data aku disimpen apa aja ya?", "kalau mau daftar bisa dari hp aja kan?"):
        [answer] = await bot.send(joko, typed)
        assert CONTENT.text(Text.BTN_NOT_THIS, "en") in answer.button_texts


async def test_a_parent_asking_about_disability_support_is_told_what_to_share(
    bot: Harness,
) -> None:
    """A talents' review: a father's question about support for his autistic son got "no
    answer", and nothing said he need not disclose a diagnosis (health data, UU PDP)."""
    budi = bot.user(first_name="Budi")
    [answer] = await bot.send(budi, "anak saya autis boleh daftar?")
    support = CONTENT.faq["support_needs"]
    assert answer.text.split("\n")[0] == support.question.id
    assert "bukan diagnosisnya" in answer.text
    assert CONTENT.text(Text.BTN_ASK, "id") in answer.button_texts


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("aku tinggal di Busan, masih bisa daftar nggak?", "id"),
        ("do I need to speak Korean?", "en"),
        ("kak, can I join?", None),  # mixed: nothing decided
        # Links, handles and addresses are no one's writing (an attacker's review).
        ("https://youtu.be/lagu-untuk-kamu-yang-baru", None),
        ("@kak_saya_dan_aku", None),
        ("cek youtube.com/lagu-dan-kamu ya", None),
    ],
)
def test_the_language_a_message_is_written_in(text: str, language: str | None) -> None:
    assert written_in(text) == language


def test_the_language_guess_reads_a_long_message_in_one_pass() -> None:
    """An attacker's review (s58): the pattern that leaves links out, "\\S*(…)\\S*" over the
    whole message, was tried again from every position of a long run without spaces: 4,096
    dots held the event loop for about a second, and a few accounts kept the bot from
    answering anyone. Now it has no repetition (it reads a few characters from each position,
    whatever the length) and is searched piece by piece between spaces."""
    parser = importlib.import_module("re._parser")  # the standard library's own reading
    pattern = written_language._NOT_WRITTEN
    assert parser.parse(pattern.pattern, pattern.flags).getwidth()[1] <= len("www.")
    assert written_in("." * 4096) is None
    assert written_in("aku mau tanya " + "a." * 2048 + " kapan daftarnya?") == "id"


async def test_staff_are_not_switched_to_the_language_they_type(bot: Harness) -> None:
    admin = bot.user(first_name="Mina", language_code="en")
    bot.settings.admin_ids = frozenset({ADMIN_ID, admin.id})
    await bot.send(admin, "gimana cara lihat pendaftar yang baru masuk kak")
    stored = await bot.store.users.get(admin.id)
    assert stored is not None and stored.language == "en" and not stored.language_chosen


async def test_a_program_page_given_as_an_answer_registers_interest_in_it(bot: Harness) -> None:
    rara = bot.user(first_name="Rara")
    [answer] = await bot.send(rara, "bisa manggung di korea gak kak? band aku indie")
    assert answer.text.split("\n")[0] == MUSIC_TO_KOREA.title.id
    assert answer.button_texts[0] == CONTENT.text(Text.BTN_APPLY_PROGRAM, "id")
    await bot.press(rara, CONTENT.text(Text.BTN_APPLY_PROGRAM, "id"))
    await consent(bot, rara)
    draft = await bot.store.applications.draft_for(rara.id)
    assert draft is not None  # the form started from the program (ticked when asked)
    assert draft.program_key == "music_to_korea"
    stored = await bot.store.applications.answers(draft.id)
    assert stored == {"sector": "music"}
    # An FAQ answer that says "register with /daftar" starts the form with nothing chosen:
    # it is not a program one registers for.
    dimas = bot.user(first_name="Dimas")
    [faq] = await bot.send(dimas, "kapan open call film")
    assert faq.text.split("\n")[0] == OPEN_CALL.question.id
    await bot.press(dimas, CONTENT.text(Text.BTN_APPLY, "id"), message=faq)
    await consent(bot, dimas)
    draft = await bot.store.applications.draft_for(dimas.id)
    assert draft is not None
    assert await bot.store.applications.answers(draft.id) == {}


async def test_asking_for_a_person_gets_the_button_that_asks_one(bot: Harness) -> None:
    """The answer that says "type /tanya" has the button that does it (it had only "Not
    this" and other entries under it)."""
    dewi = bot.user(first_name="Dewi")
    [answer] = await bot.send(dewi, "aku mau tanya langsung ke orangnya aja")
    assert answer.text.split("\n")[0] == CONTENT.faq["ask_human"].question.id
    assert answer.button_texts[:2] == [ASK_TEAM, NOT_THIS]
    [invite] = await bot.press(dewi, ASK_TEAM, message=answer)
    assert invite.text == shown(Text.SUPPORT_INVITE)


def test_a_deployment_without_questions_shows_no_ask_our_team_button_under_answers(
    content_folder: Path,
) -> None:
    """Without a staff chat, /tanya is closed: an answer's "Ask our team" action goes with the
    sentence naming /tanya (the entry about asking goes whole)."""

    def ask_from_jakarta(data: Any) -> None:
        [jakarta] = [item for item in data["items"] if item["key"] == "kocca_jakarta"]
        jakarta["action"] = "ask"

    edit_content(content_folder, "faq.yaml", ask_from_jakarta)
    changed = load_content(content_folder)
    assert changed.faq["kocca_jakarta"].action == "ask"
    served = without_ask(changed)
    assert "ask_human" not in served.faq and served.faq["kocca_jakarta"].action is None
    # Nor is a page it no longer lists offered under another answer (`see_also:`).
    gone = {f"faq:{key}" for key in changed.faq.keys() - served.faq.keys()}
    assert gone & {ref for item in changed.faq.values() for ref in item.see_also}
    named = [ref for item in served.faq.values() for ref in item.see_also]
    named += [ref for page in served.programs.values() for ref in page.see_also]
    assert not gone & set(named)


async def test_a_talent_who_introduces_themselves_gets_the_answer(bot: Harness) -> None:
    # Their name (as Telegram gives it) and the city they are from are who asks, not what.
    dimas = bot.user(first_name="Dimas", last_name="Pratama")
    asked = "Selamat siang, perkenalkan saya Dimas Pratama dari Surabaya. Cara daftarnya gimana?"
    [answer] = await bot.send(dimas, asked)
    assert answer.text.split("\n")[0] == CONTENT.faq["who_can_apply"].question.id
    [row] = questions(bot.database, dimas.id)
    assert (row["outcome"], row["entry"]) == ("answered", "faq:who_can_apply")
    # Staff's aggregates show the question without his name.
    assert row["summary"].startswith("Selamat siang, perkenalkan saya <name> <name> dari Surabaya")
    # Another talent's name is a word no entry has, as before (in one sentence: a question
    # after sentences that only tell is answered alone, whoever they name, session 60).
    sari = bot.user(first_name="Sari")
    [other] = await bot.send(sari, asked.replace("Surabaya.", "Surabaya,"))
    assert other.text.split("\n")[0] != CONTENT.faq["who_can_apply"].question.id
    [row] = questions(bot.database, sari.id)
    assert row["outcome"] != "answered"
    # A username's words are no name: "visa" still counts against every entry for him.
    visa = bot.user(first_name="Dimas", username="visa_dimas")
    [reply] = await bot.send(visa, "berapa biaya visa korea")
    assert questions(bot.database, visa.id)[0]["outcome"] != "answered", reply.text


async def test_who_runs_the_bot_points_to_the_privacy_notice_naming_no_one(
    bot: Harness,
) -> None:
    john = bot.user(first_name="John", language_code="en")
    [answer] = await bot.send(john, "who runs this bot? is it official?")
    who_runs = CONTENT.faq["who_runs"]
    assert answer.text.split("\n")[0] == who_runs.question.en
    assert "/privacy" in answer.text and "KOCCA" not in answer.text  # names nobody itself
    [notice] = await bot.send(john, "/privacy")
    assert bot.settings.controller().name in notice.text  # who it is: from the settings


async def test_not_sure_with_one_entry_asks_about_that_one(bot: Harness) -> None:
    sari = bot.user(first_name="Sari", language_code="en")
    # "sorry" no longer counts against the match (s61): this wording is the unsure one.
    [unsure] = await bot.send(sari, "excuse my newbie question, kocca stands for what?")
    assert unsure.text == CONTENT.text(Text.ASK_NOT_SURE_ONE, "en")  # not "one of these?"
    assert unsure.button_texts[0] == CONTENT.faq["what_is_kocca"].question.en
    assert [row["outcome"] for row in questions(bot.database, sari.id)] == ["suggested"]


async def test_not_sure_offers_entries_and_asks_the_team_with_the_question_prefilled(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    [unsure] = await bot.send(sari, "film sama korea bisa daftar dimana")
    assert unsure.text == shown(Text.ASK_NOT_SURE)
    assert CONTENT.programs["coproduction"].title.id in unsure.button_texts
    assert unsure.button_texts[-2:] == [ASK_TEAM, CONTENT.text(Text.BTN_MENU, "id")]
    [row] = questions(bot.database, sari.id)
    assert row["outcome"] == "suggested" and row["entry"] is None
    assert "program:coproduction" in json.loads(row["offered"])

    mark = staff_chat.mark()
    [confirm] = await bot.press(sari, ASK_TEAM)
    assert confirm.text.startswith(opening(Text.ASK_CONFIRM))
    assert "film sama korea bisa daftar dimana" in confirm.text
    assert staff_chat.messages_since(mark) == []  # nothing goes before the talent confirms

    await bot.press(sari, CONTENT.text(Text.BTN_ASK_SEND, "id"))
    assert sari.last_message.text == shown(Text.SUPPORT_ACK)
    header, copy = staff_chat.messages_since(mark)
    assert "Pertanyaan dari Sari" in header.text
    assert copy.text == "film sama korea bisa daftar dimana"
    [row] = questions(bot.database, sari.id)
    assert row["sent_to_staff_at"] is not None

    [again] = await bot.press(sari, CONTENT.text(Text.BTN_ASK_SEND, "id"))
    assert again.text == shown(Text.ASK_ALREADY_SENT)
    assert staff_chat.messages_since(mark) == [header, copy]  # once
    # Cancel under the confirmation, after it went: it says it went, not "not sent".
    [late] = await bot.press(sari, CONTENT.text(Text.BTN_CANCEL, "id"), message=confirm)
    assert late.text.startswith(shown(Text.ASK_ALREADY_SENT) + "\n\n")


async def test_a_question_over_the_days_text_budget_keeps_only_its_masked_summary(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    # LOG_TEXT_PER_DAY=0, "lengths only": no question's text is kept, yet the talent can
    # still check it (as staff will see it in their list) and send it to the team whole.
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID, log_text_per_day=0
    )
    sari = bot.user(first_name="Sari")
    asked = "film sama korea bisa daftar dimana, balas ke sari.dewi@example.com"
    await bot.send(sari, asked)
    [row] = questions(bot.database, sari.id)
    assert (
        row["text"] == ""
        and row["summary"] == "film sama korea bisa daftar dimana, balas ke <email>"
    )
    mark = staff_chat.mark()
    [confirm] = await bot.press(sari, ASK_TEAM)
    assert row["summary"] in confirm.text and "sari.dewi" not in confirm.text
    await bot.press(sari, CONTENT.text(Text.BTN_ASK_SEND, "id"))
    _, copy = staff_chat.messages_since(mark)
    assert copy.text == asked  # the message itself, as the talent sent it
    # "Not this" under an answer still offers the other entries: matched from the summary.
    budi = bot.user(first_name="Budi")  # Sari's next messages go to the team now
    [answer] = await bot.send(budi, "kapan open call film")
    assert questions(bot.database, budi.id)[0]["text"] == ""
    [changed] = await bot.press(budi, NOT_THIS, message=answer)
    assert changed.text == shown(Text.ASK_NOT_THIS)
    assert CONTENT.faq["film_funding"].question.id in changed.button_texts


async def test_a_message_with_nothing_visible_is_answered_but_not_listed(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    [reply] = await bot.send(sari, "\u200b\u200d\u2060\ufeff")
    assert reply.text == shown(Text.ASK_NUDGE)  # nothing asked: what does she need?
    assert questions(bot.database, sari.id) == []  # no blank line in staff's list


async def test_a_long_question_is_kept_as_far_as_the_matcher_reads(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "cara bikin nasi goreng enak " * 150)  # 4,050 characters
    [row] = questions(bot.database, sari.id)
    assert row["text"] == ("cara bikin nasi goreng enak " * 150)[:1000]


async def test_off_topic_greeting_and_thanks(bot: Harness, staff_chat: EmulatedChat) -> None:
    sari = bot.user(first_name="Sari")
    [nothing] = await bot.send(sari, "cara bikin nasi goreng enak")
    assert nothing.text.startswith(shown(Text.ASK_NOTHING))
    assert CONTENT.text(Text.BTN_PROGRAMS, "id") in nothing.button_texts  # the menu
    # Its "Ask our team" carries the message: nothing to type again, checked before it goes.
    mark = staff_chat.mark()
    [confirm] = await bot.press(sari, ASK_TEAM, message=nothing)
    assert confirm.text.startswith(opening(Text.ASK_CONFIRM))
    assert "cara bikin nasi goreng enak" in confirm.text
    assert staff_chat.messages_since(mark) == []
    # Cancelled: she is told it did not go (the bare menu left her wondering), and it did not.
    [cancelled] = await bot.press(sari, CONTENT.text(Text.BTN_CANCEL, "id"), message=confirm)
    assert cancelled.message_id == confirm.message_id
    assert cancelled.text.startswith(shown(Text.ASK_NOT_SENT) + "\n\n")
    assert CONTENT.text(Text.BTN_PROGRAMS, "id") in cancelled.button_texts  # the menu
    assert staff_chat.messages_since(mark) == []
    assert questions(bot.database, sari.id)[0]["sent_to_staff_at"] is None
    [hello] = await bot.send(sari, "halo kak")
    assert hello.text == shown(Text.ASK_GREETING, first_name="Sari")
    assert CONTENT.text(Text.BTN_PROGRAMS, "id") in hello.button_texts
    [thanks] = await bot.send(sari, "makasih kak 🙏")
    assert thanks.text == shown(Text.ASK_THANKS)
    # An okay is not thanks: "Siap!", not "Sama-sama!" (a new staff member's review).
    # "Oh, I see" is an okay too; it got "Aku Talent Desk, ..." as if she had said nothing.
    for okay in ("oke kak siap", "noted", "👍", "oh gitu kak", "owalah", "i see"):
        [reply] = await bot.send(sari, okay)
        assert reply.text == shown(Text.ASK_OKAY), okay
    [praying] = await bot.send(sari, "🙏")
    assert praying.text == shown(Text.ASK_THANKS)
    # "hmm", "trs apa lg": nothing asked yet, so no "no answer" and nothing to send to staff;
    # how to ask, not the bot's introduction again (a talents' review: it read as a pitch).
    for murmur in ("hmm", "trs apa lg", "mau nanya", "wkwk", "🔥🔥"):
        [nudge] = await bot.send(sari, murmur)
        assert nudge.text == shown(Text.ASK_NUDGE), murmur
        assert CONTENT.text(Text.BTN_PROGRAMS, "id") in nudge.button_texts  # the menu
    # "kak ini apa sih?": what this is, then how to ask (a new talent's review).
    [intro] = await bot.send(sari, "kak ini apa sih?")
    assert intro.text == shown(Text.ASK_INTRO)
    assert intro.text.startswith(shown(Text.GREETING, first_name="Sari").split("\n")[1])
    assert CONTENT.text(Text.BTN_PROGRAMS, "id") in intro.button_texts
    # Asked back ("serius?", "oh gitu?", "maksudnya?"): what would help and the menu; not
    # "Siap!", not a program page ("serius" read as "series"), not the introduction again.
    for doubt in ("serius?", "oh gitu?", "maksudnya kak?", "gaje"):
        [back] = await bot.send(sari, doubt)
        assert back.text == shown(Text.ASK_DOUBT), doubt
        assert CONTENT.text(Text.BTN_PROGRAMS, "id") in back.button_texts  # the menu
    # Not recorded as questions: no buttons carry them, /stats does not count them.
    assert [row["outcome"] for row in questions(bot.database, sari.id)] == ["unanswered"]


async def test_ask_our_team_offers_to_write_another_question_for_the_team(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    # A talents' review: under the confirmation of "gaje" Bimo wanted to send his real
    # question instead, typed it, and the bot answered it itself. The confirmation offers
    # /tanya's invitation; what is typed under the confirmation itself is not sent (an
    # attacker: a typed "iya", "batal" or "wkwk" reached staff alone when it was).
    other = CONTENT.text(Text.BTN_ASK_OTHER, "id")
    bimo = bot.user(first_name="Bimo")
    [nothing] = await bot.send(bimo, "cara bikin nasi goreng enak")
    [confirm] = await bot.press(bimo, ASK_TEAM, message=nothing)
    assert other in confirm.button_texts and other in confirm.text
    mark = staff_chat.mark()
    await bot.send(bimo, "wkwk")
    assert staff_chat.messages_since(mark) == []
    [invite] = await bot.press(bimo, other, message=confirm)
    assert invite.text == shown(Text.SUPPORT_INVITE)
    [passed_on] = await bot.send(bimo, "bg rapper bs ikut ga 🙏")
    assert passed_on.text == shown(Text.SUPPORT_ACK)
    assert staff_chat.messages_since(mark)[-1].text == "bg rapper bs ikut ga 🙏"
    # Done asking, a typed "iya" does not send the message he chose not to send.
    await bot.press(bimo, CONTENT.text(Text.BTN_ASK_DONE, "id"))
    [okay] = await bot.send(bimo, "iya")
    assert okay.text == shown(Text.ASK_WAITING_OKAY)  # his question to the team waits
    assert "cara bikin nasi goreng enak" not in [m.text for m in staff_chat.messages_since(mark)]


async def test_send_or_cancel_typed_under_the_confirmation_shows_it_again(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    # A talents' review: "iya" typed under "Kirim pertanyaan ini ke tim kami?" got "Siap!"
    # and the talent thought it went. It now shows the confirmation again, at the bottom,
    # to press; typing never sends (an attacker: an "iya" meant for something else sent an
    # old question). Without a confirmation waiting, "iya" is an okay as before.
    send = CONTENT.text(Text.BTN_ASK_SEND, "id")
    sari, rina = bot.user(first_name="Sari"), bot.user(first_name="Rina")
    [okay] = await bot.send(sari, "iya")
    assert okay.text == shown(Text.ASK_OKAY)
    [nothing] = await bot.send(sari, "cara bikin nasi goreng enak")
    await bot.press(sari, ASK_TEAM, message=nothing)
    mark = staff_chat.mark()
    [other] = await bot.send(rina, "iya kirim aja")  # another talent's confirmation: not hers
    assert not other.text.startswith(opening(Text.ASK_CONFIRM))
    [again] = await bot.send(sari, "iya kirim aja kak")
    assert again.text.startswith(opening(Text.ASK_CONFIRM))
    assert "cara bikin nasi goreng enak" in again.text and send in again.button_texts
    assert staff_chat.messages_since(mark) == []  # typing sent nothing
    [sent] = await bot.press(sari, send, message=again)
    assert sent.text == shown(Text.SUPPORT_ACK)
    assert staff_chat.messages_since(mark)[-1].text == "cara bikin nasi goreng enak"
    # Sent, she is asking the team: her "iya" goes to them, no confirmation again.
    replies = await bot.send(sari, "iya")
    assert not any(r.text.startswith(opening(Text.ASK_CONFIRM)) for r in replies)
    assert staff_chat.messages_since(mark)[-1].text == "iya"
    # Cancelled: "iya" is an okay again.
    [nothing] = await bot.send(rina, "resep rendang padang")
    await bot.press(rina, ASK_TEAM, message=nothing)
    [again] = await bot.send(rina, "gak jadi deh")
    assert again.text.startswith(opening(Text.ASK_CONFIRM))
    await bot.press(rina, CONTENT.text(Text.BTN_CANCEL, "id"), message=again)
    [okay] = await bot.send(rina, "iya")
    assert okay.text == shown(Text.ASK_OKAY)
    assert questions(bot.database, rina.id)[-1]["sent_to_staff_at"] is None


async def test_a_question_typed_under_the_confirmation_gets_its_own_confirmation(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    # A talents' review: under "Kirim pertanyaan ini ke tim kami?", a man typed his real
    # question, got "no answer" and the menu, and believed the team had it. A message the bot
    # is not sure of, typed there, gets the confirmation for itself; nothing is sent.
    send = CONTENT.text(Text.BTN_ASK_SEND, "id")
    hendra = bot.user(first_name="Hendra")
    # (Not a greeting with his name alone: "Selamat siang, saya Hendra dari orkes keroncong"
    # is greeted back since session 65.)
    nothing_text = "Selamat siang, saya Hendra, mau jual kaset orkes keroncong"
    [nothing] = await bot.send(hendra, nothing_text)
    await bot.press(hendra, ASK_TEAM, message=nothing)
    mark = staff_chat.mark()
    real = "apakah rekaman kaset boleh dikirim lewat pos ke kantor kalian"
    [confirm] = await bot.send(hendra, real)
    assert confirm.text.startswith(opening(Text.ASK_CONFIRM)) and real in confirm.text
    # The earlier one is not dropped (a second attacker: a detail typed under it replaced
    # the real question): it says so, and its own button above still sends it.
    earlier = shown(Text.ASK_CONFIRM_EARLIER_WAITS, question=nothing_text)
    assert confirm.text.endswith(earlier)
    assert staff_chat.messages_since(mark) == []
    await bot.press(hendra, send, message=confirm)
    assert staff_chat.messages_since(mark)[-1].text == real  # this one, not the first
    first, second = questions(bot.database, hendra.id)[-2:]
    assert first["sent_to_staff_at"] is None and second["sent_to_staff_at"] is not None
    await bot.press(hendra, send, message=nothing)  # the earlier confirmation, above
    assert staff_chat.messages_since(mark)[-1].text == nothing_text
    # Without a confirmation waiting, the same gets the entry or entries that may fit, as
    # before (one or two: how many clear the suggestion threshold moves as entries are added).
    tom = bot.user(first_name="Tom")
    [plain] = await bot.send(tom, real)
    assert plain.text in {shown(Text.ASK_NOT_SURE), shown(Text.ASK_NOT_SURE_ONE)}
    assert ASK_TEAM in plain.button_texts


async def test_what_a_talent_sets_aside_is_not_the_answer(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    # "Besides MU:CON, what else?" must not get the MU:CON page: it gets every program page,
    # listed by section from programs.yaml, and buttons that are not MU:CON.
    mucon = CONTENT.programs["mucon"]
    overview = CONTENT.faq["programs_overview"]
    sari = bot.user(first_name="Sari")
    [page] = await bot.send(sari, "mucon itu apa")
    assert page.text.startswith(mucon.title.id)
    [other] = await bot.send(sari, "selain mucon ada apa lagi kak")
    assert other.text.startswith(overview.question.id), other.text
    for program in CONTENT.programs.values():
        assert f"• {program.title.id}" in other.text  # made from programs.yaml
    for part in CONTENT.sections.values():
        assert part.title.id in other.text
    named = {mucon.title.id, mucon.short_title.id if mucon.short_title else mucon.title.id}
    assert named.isdisjoint(other.button_texts)
    [row] = [q for q in questions(bot.database, sari.id) if q["text"].startswith("selain")]
    assert (row["outcome"], row["entry"]) == ("answered", "faq:programs_overview")


async def test_who_runs_the_bot_is_answered_with_the_operators_name(bot: Harness) -> None:
    # From the settings (CONTROLLER_NAME), never from content: "is this bot official?"
    sari = bot.user(first_name="Sari")
    [answer] = await bot.send(sari, "bot ini dijalankan siapa sih")
    assert answer.text.startswith(CONTENT.faq["who_runs"].question.id)
    assert f"Talent Desk dijalankan oleh {DEMO_CONTROLLER.name}." in answer.text
    assert "{controller_name}" not in answer.text


async def test_without_a_staff_chat_nothing_points_to_asking_the_team(make_bot: Any) -> None:
    bot: Harness = await make_bot()
    sari = bot.user(first_name="Sari")
    [nothing] = await bot.send(sari, "cara bikin nasi goreng enak")
    assert nothing.text.startswith(shown(Text.ASK_NOTHING_CLOSED))
    assert "/tanya" not in nothing.text and ASK_TEAM not in nothing.button_texts
    [unsure] = await bot.send(sari, "film sama korea bisa daftar dimana")
    assert unsure.text == shown(Text.ASK_NOT_SURE)
    assert ASK_TEAM not in unsure.button_texts
    [answer] = await bot.send(sari, "bcww itu apa")
    [changed] = await bot.press(sari, NOT_THIS, message=answer)
    assert changed.text == shown(Text.ASK_NOT_THIS_CLOSED)  # nothing else fits
    assert ASK_TEAM not in changed.button_texts


async def test_ask_with_a_question_the_faq_answers_shows_the_answer_first(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/tanya")
    mark = staff_chat.mark()
    [answer] = await bot.send(sari, "kak ada open call gak?")
    assert answer.text.split("\n")[0] == OPEN_CALL.question.id
    assert answer.text.endswith(shown(Text.ASK_ANSWER_FIRST))
    assert answer.button_texts == [
        CONTENT.text(Text.BTN_APPLY, "id"),  # its text says to register: the button does it
        CONTENT.text(Text.BTN_ANSWERED, "id"),
        CONTENT.text(Text.BTN_SEND_ANYWAY, "id"),
    ]
    assert staff_chat.messages_since(mark) == []
    [row] = questions(bot.database, sari.id)
    assert (row["via"], row["entry"]) == ("ask", "faq:open_call_now")

    await bot.press(sari, CONTENT.text(Text.BTN_SEND_ANYWAY, "id"))
    assert sari.last_message.text == shown(Text.SUPPORT_ACK)
    assert staff_chat.messages_since(mark)[-1].text == "kak ada open call gak?"
    # Once the talent talks with staff, their messages go straight through.
    await bot.send(sari, "syarat daftarnya apa aja")
    assert staff_chat.messages_since(mark)[-1].text == "syarat daftarnya apa aja"

    budi = bot.user(first_name="Budi")
    await bot.send(budi, "/tanya")
    mark = staff_chat.mark()
    await bot.send(budi, "gmn cara kirim showreel")
    [glad] = await bot.press(budi, CONTENT.text(Text.BTN_ANSWERED, "id"))
    assert glad.text.startswith(shown(Text.ASK_GLAD))
    [after] = await bot.send(budi, "kak ada open call gak?")  # no longer in ask mode
    assert after.text.split("\n")[0] == OPEN_CALL.question.id
    assert staff_chat.messages_since(mark) == []

    # A program page shown first keeps its "Register interest" button, as its text says.
    john = bot.user(first_name="John", language_code="en")
    await bot.send(john, "/ask")
    [page] = await bot.send(john, "can I perform in Korea?")
    assert page.text.split("\n")[0] == MUSIC_TO_KOREA.title.en
    assert page.button_texts == [
        CONTENT.text(Text.BTN_APPLY_PROGRAM, "en"),
        CONTENT.text(Text.BTN_ANSWERED, "en"),
        CONTENT.text(Text.BTN_SEND_ANYWAY, "en"),
    ]


async def test_a_message_after_an_answer_first_reaches_staff_with_the_question_it_follows(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """After /tanya, the bot answered first; what the talent writes next ("terus kalau…")
    means little alone: its header quotes the question and the entry the bot answered with,
    once, and only the question just before."""
    follows = CONTENT.messages[Text.SUPPORT_HEADER_FOLLOWS].get("id").split("“")[0]

    # The entry, and where staff read it: the FAQ (or a program page, below).
    named = CONTENT.messages[Text.SUPPORT_ENTRY_FAQ].get("id").format(title=OPEN_CALL.question.id)

    def quoted(question: str) -> str:
        return shown(Text.SUPPORT_HEADER_FOLLOWS, question=question, entry=named)

    sari = bot.user(first_name="Sari")
    mark = staff_chat.mark()
    await bot.send(sari, "/tanya kak ada open call gak?")  # answered first
    [ack] = await bot.send(sari, "terus kalau saya tinggal di luar jakarta gimana kak?")
    assert ack.text == shown(Text.SUPPORT_ACK)
    header, copy = staff_chat.messages_since(mark)
    assert quoted("kak ada open call gak?") in header.text
    assert copy.text == "terus kalau saya tinggal di luar jakarta gimana kak?"
    assert copy.reply_to_message_id == header.message_id
    # The rest of the burst goes under the same header; the next header quotes nothing.
    mark = staff_chat.mark()
    await bot.send(sari, "soalnya saya di medan")
    [more] = staff_chat.messages_since(mark)
    assert more.reply_to_message_id == header.message_id
    await bot.send(sari, "/tanya")  # a new burst
    await bot.send(sari, "satu lagi, ada biaya?")
    header, _ = staff_chat.messages_since(mark)[1:]
    assert follows not in header.text
    # Her copy of her data names no internal link between the two.
    mark = sari.mark()
    await bot.send(sari, "/dataku")
    document = next(m for m in sari.messages_since(mark) if m.document is not None)
    assert document.document is not None
    copied = document.document[1].decode()
    assert "answered_first" not in copied and "follows_question" not in copied

    # Answered with a program page: the line says so (staff read it under /program).
    wulan = bot.user(first_name="Wulan")
    await bot.send(wulan, "/tanya MU:CON itu apa?")
    mark = staff_chat.mark()
    await bot.send(wulan, "kalau band dari luar korea bisa tampil?")
    header, _ = staff_chat.messages_since(mark)
    page = CONTENT.messages[Text.SUPPORT_ENTRY_PROGRAM].get("id")
    entry = page.format(title=CONTENT.programs["mucon"].title.id)
    said = shown(Text.SUPPORT_HEADER_FOLLOWS, question="MU:CON itu apa?", entry=entry)
    assert said in header.text

    # Two answered first: only the newer one, which the message was sent after, is quoted.
    budi = bot.user(first_name="Budi")
    await bot.send(budi, "/tanya")
    await bot.send(budi, "gmn cara kirim showreel")
    mark = staff_chat.mark()
    await bot.send(budi, "kak ada open call gak?")
    # An okay to the bot's answer is no question for staff; what comes next still goes.
    for said in ("oke kak", "baik kak", "oh oke paham", "oh gitu kak", "iya kak", "got it"):
        [okay] = await bot.send(budi, said)
        assert okay.text == shown(Text.ASK_OKAY), said
    [okay] = await bot.act(budi, budi.send_sticker, emoji="👍")  # a 👍 sticker likewise
    assert okay.text == shown(Text.ASK_OKAY)
    assert staff_chat.messages_since(mark) == []
    await bot.send(budi, "terus kalau saya tinggal di luar jakarta gimana kak?")
    header, _ = staff_chat.messages_since(mark)
    assert quoted("kak ada open call gak?") in header.text
    assert "showreel" not in header.text
    # Now talking with staff: a 👍 sticker goes to them, as a typed okay would.
    mark = staff_chat.mark()
    await bot.act(budi, budi.send_sticker, emoji="👍")
    assert len(staff_chat.messages_since(mark)) == 1

    # /tanya again with the follow-up on its line: still sent after that answer.
    rina = bot.user(first_name="Rina")
    await bot.send(rina, "/tanya kak ada open call gak?")
    mark = staff_chat.mark()
    await bot.send(rina, "/tanya terus kalau saya tinggal di luar jakarta gimana kak?")
    header, _ = staff_chat.messages_since(mark)
    assert quoted("kak ada open call gak?") in header.text
    # "That answers it" or "Done asking": what she asks next is new.
    for closing in (Text.BTN_ANSWERED, Text.BTN_ASK_DONE):
        tari = bot.user(first_name="Tari")
        await bot.send(tari, "/tanya kak ada open call gak?")
        if closing is Text.BTN_ASK_DONE:
            await bot.send(tari, "/tanya")
        await bot.press(tari, CONTENT.text(closing, "id"))
        mark = staff_chat.mark()
        await bot.send(tari, "/tanya kak surat rekomendasi visa minta ke siapa ya?")
        header, _ = staff_chat.messages_since(mark)
        assert follows not in header.text, closing
    # "Send to the team anyway": the question itself goes, and staff read that the bot's
    # answer was not enough (they would give the same one again).
    dewi = bot.user(first_name="Dewi")
    await bot.send(dewi, "/tanya kak ada open call gak?")
    mark = staff_chat.mark()
    await bot.press(dewi, CONTENT.text(Text.BTN_SEND_ANYWAY, "id"))
    header, sent = staff_chat.messages_since(mark)
    assert follows not in header.text
    assert shown(Text.SUPPORT_HEADER_SENT_ANYWAY, entry=named) in header.text
    assert sent.text == "kak ada open call gak?"  # the question, not the command
    # The staff guide says so wherever it shows a question on the command's line (a staff
    # review s65, finding 1: one place said it arrived "as typed, command and all").
    guide = " ".join((Path(__file__).parents[1] / "docs" / "staff-guide.md").read_text().split())
    shown_with_command = re.findall(r"`/tanya [^`]+`[^.;]*", guide)
    assert len(shown_with_command) >= 2
    for said in shown_with_command:
        assert "without the command" in said, said

    # The staff chat could not be reached: the message sent again still says what it follows.
    eka = bot.user(first_name="Eka")
    await bot.send(eka, "/tanya kak ada open call gak?\u202e ok")  # a direction mark: not quoted
    bot.emulator.fail_next("sendMessage", status=400, chat_id=STAFF_CHAT_ID)
    [failed] = await bot.send(eka, "terus kalau saya tinggal di luar jakarta gimana kak?")
    assert failed.text == shown(Text.SUPPORT_RELAY_FAILED)
    mark = staff_chat.mark()
    await bot.send(eka, "terus kalau saya tinggal di luar jakarta gimana kak?")
    header, _ = staff_chat.messages_since(mark)
    assert quoted("kak ada open call gak? ok") in header.text

    # A talent writing in English: their words quoted as written, markup escaped.
    john = bot.user(first_name="John", language_code="en")
    await bot.send(john, "/ask is there an open call now? <b>")
    mark = staff_chat.mark()
    await bot.send(john, "and if I live outside Jakarta?")
    header, _ = staff_chat.messages_since(mark)
    assert "is there an open call now? <b>" in header.text
    assert "&lt;b&gt;" in (header.html or "")


async def test_only_a_bare_okay_to_the_bots_answer_stays_with_the_bot(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """An okay right after the bot answered first is no question for staff; anything more in
    it (a link, a number, an address, a refusal) goes to staff, as does any okay once staff
    are involved: a lost link costs the talent more than a stray okay costs staff."""
    for said in (
        "ok kak https://youtu.be/abc123",
        "siap kak youtu.be/abc123",
        "oke 081234567801",
        "oke rina.musik@gmail.com",
        "ga ok kak",
        "gak oke",
    ):
        talent = bot.user(first_name="Rina")
        await bot.send(talent, "/tanya gmn cara kirim showreel")  # answered first
        mark = staff_chat.mark()
        [ack] = await bot.send(talent, said)
        assert ack.text == shown(Text.SUPPORT_ACK), said
        assert staff_chat.messages_since(mark)[-1].text == said

    # A question of hers already waits for staff: her okay goes with it.
    nia = bot.user(first_name="Nia")
    asked = "kak saya mau kirim portofolio buat MU:CON, gimana caranya?"
    question = await relayed_question(bot, staff_chat, nia, asked)
    await bot.send(nia, "/tanya kak ada open call gak?")  # answered first
    mark = staff_chat.mark()
    await bot.send(nia, "oke kak")
    assert staff_chat.messages_since(mark)[-1].text == "oke kak"
    # Staff answer; she replies with "Balas tim kami": her link and her next question go to
    # staff, neither taken for an okay nor answered by the bot first.
    staff = staff_member(bot, staff_chat)
    await answer_in_group(bot, staff, staff_chat, "Kirim link portofolionya ya kak", question)
    await bot.press(nia, CONTENT.text(Text.BTN_ASK_REPLY, "id"))
    mark = staff_chat.mark()
    await bot.send(nia, "oke kak https://drive.google.com/drive/folders/portofolio")
    await bot.send(nia, "kak ada open call gak?")
    assert [m.text for m in staff_chat.messages_since(mark)][-2:] == [
        "oke kak https://drive.google.com/drive/folders/portofolio",
        "kak ada open call gak?",
    ]


async def test_a_question_typed_on_the_ask_commands_line_is_not_lost(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """/tanya QUESTION on one line, as talents type it: the question goes on at once, as if
    typed after the invitation (it was dropped, and "Done asking" then promised an answer)."""
    sari = bot.user(first_name="Sari")
    mark = staff_chat.mark()
    [answer] = await bot.send(sari, "/tanya kak ada open call gak?")
    assert answer.text.split("\n")[0] == OPEN_CALL.question.id  # what the FAQ says, first
    assert answer.text.endswith(shown(Text.ASK_ANSWER_FIRST))
    assert staff_chat.messages_since(mark) == []
    [row] = questions(bot.database, sari.id)
    assert (row["via"], row["text"]) == ("ask", "kak ada open call gak?")  # not the command
    await bot.press(sari, CONTENT.text(Text.BTN_SEND_ANYWAY, "id"))
    # Staff read the question, not the command it came with (a review: "/tanya apa itu
    # MU:CON?" reached them whole).
    assert staff_chat.messages_since(mark)[-1].text == "kak ada open call gak?"

    # One the FAQ does not answer goes to staff straight away, the talent told so; on the
    # next line, too.
    john = bot.user(first_name="John", language_code="en")
    mark = staff_chat.mark()
    [ack] = await bot.send(john, "/ask\nwho will read my demo first?")
    assert ack.text == CONTENT.text(Text.SUPPORT_ACK, "en")
    assert staff_chat.messages_since(mark)[-1].text == "who will read my demo first?"
    # One the bot cannot answer, as talents type it: staff, the workspace's Questions tab and
    # the stored conversation have the question alone; markup in it stays text.
    rizky = bot.user(first_name="Rizky")
    mark = staff_chat.mark()
    await bot.send(rizky, "/tanya apa itu MU:CON? <b>tiketnya</b> ditanggung?")
    asked = "apa itu MU:CON? <b>tiketnya</b> ditanggung?"
    assert staff_chat.messages_since(mark)[-1].text == asked
    listed = await WorkspaceReads(bot.store.db).waiting_questions(10, 10)
    [waiting] = [talent for talent in listed if talent.user_id == rizky.id]
    assert [line.text for line in waiting.questions] == [asked]
    logged = [e.text for e in await bot.store.log.for_chat(rizky.id) if e.direction == "in"]
    assert logged == [asked]
    # The command alone still invites the question, as it does with nothing written after it.
    budi = bot.user(first_name="Budi")
    mark = staff_chat.mark()
    for typed in ("/tanya", "/tanya ??", "/tanya \u200b\u200d", "/tanya \u3164"):
        [invite] = await bot.send(budi, typed)
        assert invite.text == shown(Text.SUPPORT_INVITE), typed
    assert staff_chat.messages_since(mark) == []


async def test_a_message_during_a_form_step_is_an_answer_to_that_step(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/daftar")
    await consent(bot, sari)
    await answer_question(bot, sari, "sector", "music")
    await answer_question(bot, sari, "age_range", "age_25_34")
    # The full-name question is on: the form takes the message, not the matcher.
    await bot.send(sari, "ada open call")  # not a question mark: a name, as far as it knows
    draft = await bot.store.applications.draft_for(sari.id)
    assert draft is not None
    assert (await bot.store.applications.answers(draft.id))["full_name"] == "ada open call"
    assert questions(bot.database, sari.id) == []


async def test_a_question_typed_at_a_form_step_is_answered_and_the_form_goes_on(
    bot: Harness,
) -> None:
    # A talents' review: "kak ini gratis kan?" typed at the name question was only told to
    # pause the form first. The bot answers it, then asks the form's question again.
    sari = await at_question(bot, "full_name")
    name_question = CONTENT.questions["full_name"].prompt.id
    answer, form = await bot.send(sari, "kak ada open call gak?")
    assert answer.text.split("\n")[0] == OPEN_CALL.question.id
    assert answer.button_texts == [NOT_THIS]  # no "Register" under it: she is registering
    assert form.text.startswith(shown(Text.INTAKE_BACK_TO_FORM))
    assert shown(Text.INTAKE_A_QUESTION) not in form.text
    assert name_question in form.text
    [row] = questions(bot.database, sari.id)  # recorded like any free question
    assert (row["outcome"], row["entry"], row["via"]) == ("answered", "faq:open_call_now", "chat")
    draft = await bot.store.applications.draft_for(sari.id)
    assert draft is not None and "full_name" not in await bot.store.applications.answers(draft.id)
    assert await where(bot, sari) == "full_name"
    # "Not this" is recorded as anywhere, and offers the other entries, but not "Ask our
    # team" nor the menu (an attacker's review: a question sent from there turned ask mode
    # on, and the name typed next went to staff): the form waits below for the name.
    [changed] = await bot.press(sari, NOT_THIS, message=answer)
    assert changed.message_id == answer.message_id
    assert questions(bot.database, sari.id)[0]["not_this_at"] is not None
    assert changed.text in (shown(Text.ASK_NOT_THIS), shown(Text.ASK_NOT_THIS_IN_FORM))
    assert ASK_TEAM not in changed.button_texts
    assert CONTENT.text(Text.BTN_MENU, "id") not in changed.button_texts
    await bot.send(sari, "Sari Dewi")
    draft = await bot.store.applications.draft_for(sari.id)
    assert draft is not None
    assert (await bot.store.applications.answers(draft.id))["full_name"] == "Sari Dewi"


async def test_a_question_typed_at_the_consent_screen_is_answered_and_the_screen_shown_again(
    bot: Harness,
) -> None:
    # Only buttons answer the consent: a question there was told to use them.
    dewi = bot.user(first_name="Dewi")
    [consent_screen] = await bot.send(dewi, "/daftar")
    answer, again = await bot.send(dewi, "datanya dipakai buat apa kak?")
    assert answer.text.split("\n")[0] == CONTENT.faq["my_data"].question.id
    assert again.text.startswith(shown(Text.INTAKE_BACK_TO_FORM))
    assert again.button_texts == consent_screen.button_texts
    assert await where(bot, dewi) == "consent_processing"
    [row] = questions(bot.database, dewi.id)
    assert row["entry"] == "faq:my_data"
    # Not a question: the buttons, as before.
    [reply] = await bot.send(dewi, "oke")
    assert reply.text.startswith(shown(Text.INTAKE_USE_BUTTONS))
    # A question with more said after it is one too (a talents' review: only "press a
    # button"): the privacy entry (its answer, or first of the closest), then the screen.
    closest, screen = await bot.send(
        dewi,
        "Mohon maaf Bapak/Ibu, saya kurang paham. Data saya ini nantinya akan disebarkan ke"
        " pihak lain atau tidak? Saya khawatir nomor telepon saya disalahgunakan.",
    )
    privacy_entry = CONTENT.faq["my_data"].question.id
    assert privacy_entry in (closest.text.split("\n")[0], closest.button_texts[0])
    assert screen.button_texts == consent_screen.button_texts
    assert await where(bot, dewi) == "consent_processing"
    # Only what asks is matched and kept with her questions, not what she said after it
    # (an attacker's review: a name typed there went into the record and its summary).
    await bot.send(dewi, "Apakah data saya dijual? saya Rahmat Hidayatullah, kota Bandung")
    recorded = questions(bot.database, dewi.id)[-1]
    assert recorded["text"] == "Apakah data saya dijual?"
    assert "Rahmat" not in recorded["summary"]


@pytest.mark.parametrize(
    ("language", "asked"),
    [
        ("id", "kalau tinggal di luar negeri boleh daftar gak?"),
        ("en", "is it ok that I live abroad? I'm still Indonesian citizen"),
    ],
)
async def test_the_answer_about_living_abroad_says_what_the_form_takes(
    bot: Harness, language: str, asked: str
) -> None:
    # A talents' review: asked whether living abroad is fine, the talent got the general
    # "Who can register" answer, which never said; the form takes "luar negeri". What the
    # answer says to type at the province question is taken there as outside Indonesia.
    mei = bot.user(first_name="Mei", language_code=language)
    [answer] = await bot.send(mei, asked)
    assert answer.text.split("\n")[0] == CONTENT.faq["who_can_apply"].question.get(language)
    quoted = re.findall(r"“([^”]+)”", answer.text)
    assert quoted
    typed = quoted[-1]
    talent = await at_question(bot, "province", language)
    await bot.send(talent, typed)
    draft = await bot.store.applications.draft_for(talent.id)
    assert draft is not None
    assert (await bot.store.applications.answers(draft.id))["province"] == "outside_indonesia"


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("id", "mau daftar"),
        ("id", "oke gas daftar"),
        ("id", "yaudah daftar aja deh"),
        ("id", "halo kak mau daftar 🙏"),
        ("id", "Bukan Itu. Saya Mau Mendaftar Untuk Keponakan Saya."),  # session 46's review
        ("en", "i want to register"),
        ("en", "i want to sign up"),
    ],
)
async def test_saying_they_want_to_register_starts_the_form(
    bot: Harness, language: str, typed: str
) -> None:
    # Two talents' reviews: "mau daftar", "oke gas daftar" got the FAQ about registering,
    # the same seven lines each time. They start the form, as /daftar does.
    oki = bot.user(first_name="Oki", language_code=language)
    [screen] = await bot.send(oki, typed)
    assert await where(bot, oki) == "consent_processing"
    assert CONTENT.text(Text.BTN_AGREE, language) in screen.button_texts
    assert questions(bot.database, oki.id) == []  # an intent, not a question
    # Asking about it, or saying it was done, is still a question for the FAQ.
    for asked in ("bisa daftar?", "gimana cara daftar", "udah daftar kak, terus?"):
        other = bot.user(first_name="Rina")
        await bot.send(other, asked)
        assert await where(bot, other) is None, asked


async def test_a_wish_to_register_with_more_said_starts_the_form(bot: Harness) -> None:
    # A talents' review: "haii 👋✨ mau daftar dong, aku filmmaker dari jakarta" got the
    # open-call FAQ entry. A greeting before the wish and a line about the talent after it
    # are still the wish; a question after it is not ("mau daftar, bayar gak").
    nadia = bot.user(first_name="Nadia")
    [screen] = await bot.send(nadia, "haii 👋✨ mau daftar dong, aku filmmaker dari jakarta 🎬🎥")
    assert await where(bot, nadia) == "consent_processing"
    assert CONTENT.text(Text.BTN_AGREE, "id") in screen.button_texts
    assert questions(bot.database, nadia.id) == []
    rina = bot.user(first_name="Rina")
    await bot.send(rina, "mau daftar, bayar gak")
    assert await where(bot, rina) is None


@pytest.mark.parametrize(
    "typed",
    [
        "lanjut ya",
        "oke lanjut bang",
        "kak bapak udah bolehin 😁 lanjut ya",
        "lanjut daftar",
        # Formal, a day later (a talents' review, s54: offered FAQ entries instead).
        "Selamat pagi. Saya ingin melanjutkan pendaftaran kemarin.",
    ],
)
async def test_saying_go_on_resumes_a_paused_registration(bot: Harness, typed: str) -> None:
    # A talents' review: with a paused form, "lanjut ya" got "no answer" and "lanjut daftar"
    # the FAQ "Sudah daftar, kapan dihubungi?" to someone who never sent anything.
    putu = await at_question(bot, "music_role")
    await bot.press(putu, CONTENT.text(Text.BTN_PAUSE, "id"))
    assert putu.last_message.text == shown(Text.INTAKE_CANCELLED)
    replies = await bot.send(putu, typed)
    assert replies[0].text.startswith(shown(Text.INTAKE_RESUMED))
    assert await where(bot, putu) == "music_role"
    draft = await bot.store.applications.draft_for(putu.id)
    assert draft is not None and draft.active
    assert questions(bot.database, putu.id) == []


@pytest.mark.parametrize(
    "typed",
    [
        "jangan lanjut dulu",
        "lanjut nanti aja ya kak",
        "mau lanjut S2 di korea",
        "lanjut kuliah dulu kak",
        "cancel, don't continue",
        "lanjut besok ya",
        "ingin melanjutkan S2 di Seoul",
        "tidak ingin melanjutkan pendaftaran",
    ],
)
async def test_saying_not_now_or_going_on_with_something_else_leaves_a_paused_form_paused(
    bot: Harness, typed: str
) -> None:
    # An attacker's review: each resumed the paused form, and the talent's next message
    # ("aku lagi ujian semester, nanti aja ya") was stored as the question's answer.
    putu = await at_question(bot, "music_role")
    await bot.press(putu, CONTENT.text(Text.BTN_PAUSE, "id"))
    await bot.send(putu, typed)
    draft = await bot.store.applications.draft_for(putu.id)
    assert draft is not None and not draft.active, typed
    await bot.send(putu, "aku lagi ujian semester, nanti aja ya")
    draft = await bot.store.applications.draft_for(putu.id)  # not taken as the answer
    assert draft is not None and not draft.active and draft.current_key == "music_role"


@pytest.mark.parametrize(
    "typed",
    [
        "mau daftar. hapus data saya",
        "mau daftar, tapi nanti aja",
        "mau daftar, tolong hapus nomor lama saya 08123456789",
    ],
)
async def test_a_wish_to_register_with_a_request_beside_it_is_not_taken_as_only_the_wish(
    bot: Harness, typed: str
) -> None:
    # An attacker's review: the form started, and the rest of the message was dropped.
    rina = bot.user(first_name="Rina")
    await bot.send(rina, typed)
    assert await where(bot, rina) is None, typed


async def test_no_answer_to_a_talent_with_a_paused_form_says_it_waits(bot: Harness) -> None:
    """The workspace's review: a paused talent typed her form's answers, got only "no
    answer", and they were listed to staff as questions. The reply says the form waits; one
    with no paused form does not."""
    putu = await at_question(bot, "music_role")
    await bot.press(putu, CONTENT.text(Text.BTN_PAUSE, "id"))
    [reply] = await bot.send(putu, "Ketut Arsana Wibawa")
    assert reply.text.startswith(shown(Text.ASK_NOTHING))
    assert shown(Text.ASK_NOTHING_PAUSED_FORM) in reply.text
    # Entries offered say it too (a second attacker's review: "Rani Band Jakarta").
    [offered] = await bot.send(putu, "Rani Band Jakarta")
    assert offered.text.startswith(shown(Text.ASK_NOT_SURE).split("?")[0])
    assert shown(Text.ASK_NOTHING_PAUSED_FORM) in offered.text
    # A message that asks is a question for staff's lists all the same (an attacker's review
    # s56: "Boleh bawa anjing …?" from a paused talent left /stats).
    await bot.send(putu, "Boleh bawa anjing peliharaan ke acara MU:CON?")
    # Every menu offers to go on with it (a talents' review, s55: "hmm" and /start showed
    # "📝 Daftarkan minat"), and pressing that resumes the form where it paused.
    go_on = CONTENT.text(Text.BTN_APPLY_RESUME, "id")
    for typed in ("hmm", "halo", "/start", "/menu"):
        menu = (await bot.send(putu, typed))[-1]
        assert go_on in menu.button_texts, typed
        assert CONTENT.text(Text.BTN_APPLY, "id") not in menu.button_texts, typed
    # "I'll go on later" with the form paused: that the answers are kept and /daftar goes on
    # (a talents' review s56, L7: the page on sending work).
    [later] = await bot.send(putu, "Nanti saya lanjutkan, mau cari link Spotify-nya dulu")
    assert later.text == shown(Text.ASK_LATER_PAUSED)
    # Answers whose button registers offer to go on too: an FAQ answer's and a program page's,
    # typed or opened from the menu (an attacker's review s56, L5: "📝 Daftarkan minat").
    register = "Siapa yang bisa daftar dan bagaimana caranya?"
    program = CONTENT.programs["music_to_korea"].title.get("id")
    [faq] = await bot.send(putu, register)
    [page] = await bot.send(putu, "Kita ber4 kang, band indie dr bandung")
    assert page.text.startswith(program), page.text
    await bot.press(putu, CONTENT.text(Text.BTN_PROGRAMS, "id"), message=menu)
    await bot.press(putu, CONTENT.sections["music"].title.get("id"))
    [opened] = await bot.press(putu, program)
    for answer in (faq, page, opened):
        assert go_on in answer.button_texts, answer.text
        assert CONTENT.text(Text.BTN_APPLY, "id") not in answer.button_texts, answer.text
    await bot.press(putu, go_on, message=menu)
    assert await where(bot, putu) == "music_role"
    sari = bot.user(first_name="Sari")
    [reply] = await bot.send(sari, "Ketut Arsana Wibawa")
    assert reply.text.startswith(shown(Text.ASK_NOTHING))
    assert shown(Text.ASK_NOTHING_PAUSED_FORM) not in reply.text
    [later] = await bot.send(sari, "Nanti saya lanjutkan, mau cari link Spotify-nya dulu")
    assert later.text != shown(Text.ASK_LATER_PAUSED)  # no form to go on with
    [menu] = await bot.send(sari, "hmm")  # no form: to register
    assert CONTENT.text(Text.BTN_APPLY, "id") in menu.button_texts
    assert go_on not in menu.button_texts
    [faq] = await bot.send(sari, register)
    assert CONTENT.text(Text.BTN_APPLY, "id") in faq.button_texts, faq.text
    assert go_on not in faq.button_texts
    # Staff's figures and lists (/stats, the Stats tab, "Ajari bot") have Sari's question, not
    # what Putu typed to her paused form (a staff review s56: listed, and offered to teach).
    week = await question_stats.compute(bot.store, datetime.now(UTC), staff=())
    listed = {item.question: item.count for item in (*week.top_unanswered, *week.top_suggested)}
    assert listed.get("Ketut Arsana Wibawa") == 1
    assert "Rani Band Jakarta" not in listed
    assert [question for question in listed if "anjing" in question] != []
    shown_count = len(week.top_unanswered) + len(week.top_suggested)
    assert week.unanswered + week.suggested == shown_count, week


async def test_lanjut_with_no_paused_registration_is_no_wish(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "lanjut ya")
    assert await where(bot, sari) is None


async def test_saying_they_want_to_register_while_talking_to_staff_starts_the_form(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    # A talents' review: after staff answered, "Sekarang saya mau daftarkan band kami" went to
    # staff with a 👌, and the form never started.
    yohanes = bot.user(first_name="Yohanes")
    await relayed_question(bot, staff_chat, yohanes, "Tiket pesawat ke Korea ditanggung?")
    mark = staff_chat.mark()
    [form] = await bot.send(yohanes, "Sekarang saya mau daftarkan band kami")
    assert await where(bot, yohanes) == "consent_processing"
    assert CONTENT.text(Text.BTN_AGREE, "id") in form.button_texts  # no "I keep forwarding"
    # Staff read it too (an attacker's review: "untuk anak saya, mau daftar" answered them).
    [relayed] = staff_chat.messages_since(mark)
    assert relayed.text == "Sekarang saya mau daftarkan band kami"
    mark = staff_chat.mark()
    await bot.press(yohanes, CONTENT.text(Text.BTN_AGREE, "id"))
    await bot.send(yohanes, "Yohanes Ndun")  # ... and the form's answers stay in the form
    assert staff_chat.messages_since(mark) == []
    # A message to staff that only mentions registering still goes to them.
    await bot.send(yohanes, "/tanya")
    await bot.send(yohanes, "kalau sudah daftar, kapan diumumkan?")
    assert staff_chat.messages_since(mark) != []


async def test_asking_whether_data_goes_to_korea_gets_a_plain_no_without_consent(
    bot: Harness,
) -> None:
    # A talents' review: a guardian asked whether her nephew's data goes to Korea and read
    # what the data is for and "see /privasi", never whether it goes there.
    for language, asked, said in (
        ("id", "datanya dikirim ke korea gak?", "tidak kami teruskan"),
        ("en", "is my data sent to korea?", "don't pass it on"),
    ):
        talent = bot.user(first_name="Ros", language_code=language)
        [reply] = await bot.send(talent, asked)
        assert reply.text.split("\n")[0] == CONTENT.faq["my_data"].question.get(language)
        sentence = next(line for line in reply.text.split(". ") if said in line)
        assert "Korea" in sentence and ("persetujuan" in sentence or "consent" in sentence)


async def test_a_number_alone_asks_nothing(bot: Harness) -> None:
    # A second attacker's review: "5" or "10" alone got BIFF's Asian Cinema Fund page, "2026"
    # the January meeting's. A number alone asks nothing yet: "Ada yang bisa kubantu?".
    dewi = bot.user(first_name="Dewi")
    for typed in ("5", "10", "2026"):
        [reply] = await bot.send(dewi, typed)
        assert reply.text == shown(Text.ASK_NUDGE), typed
    assert questions(bot.database, dewi.id) == []
    [page] = await bot.send(dewi, "mucon 2026")  # a number with a topic still asks
    assert page.text.split("\n")[0] == CONTENT.programs["mucon"].title.id


async def test_a_question_the_bot_is_not_sure_of_mid_form_is_told_to_pause(
    bot: Harness,
) -> None:
    # Not sure (or not a question at all): the form says what it said before, and nothing
    # is recorded as a free question.
    sari = await at_question(bot, "full_name")
    [reply] = await bot.send(sari, "cara bikin nasi goreng gimana?")
    assert reply.text.startswith(shown(Text.INTAKE_A_QUESTION))
    assert questions(bot.database, sari.id) == []
    assert await where(bot, sari) == "full_name"


async def test_an_answer_refused_without_a_question_mark_is_not_matched(bot: Harness) -> None:
    # "pop" at the genres is the talent's try at an answer, though outside a form it would
    # get the music page: the form ticks Pop (a genre it names), nothing is recorded; one
    # it does not name ("gambus") is what "Lainnya" is (test_small_fixes_s64), one that is
    # no genre ("campur") gets the form's hint to use its buttons.
    rina = await at_question(bot, "genres")
    [reply] = await bot.send(rina, "pop")
    assert reply.text.startswith(shown(Text.INTAKE_TICKED, ticked="Pop"))
    [reply] = await bot.send(rina, "campur")
    assert reply.text.startswith(shown(Text.INTAKE_USE_BUTTONS_MULTI_OR_OTHER, other="Lainnya"))
    [reply] = await bot.send(rina, "gambus")
    other = CONTENT.questions["genres_other"].label.id
    said = shown(Text.INTAKE_TICKED_WITH_OTHER, ticked="Lainnya", left="Gambus", other=other)
    assert reply.text.startswith(said)
    assert questions(bot.database, rina.id) == []
    assert await where(bot, rina) == "genres"


async def test_a_button_of_an_entry_removed_by_a_reload_says_the_page_is_gone(
    make_bot: Any, staff_chat: EmulatedChat, content_folder: Path
) -> None:
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID, content_dir=content_folder
    )
    sari = bot.user(first_name="Sari")
    [unsure] = await bot.send(sari, "film sama korea bisa daftar dimana")
    title = CONTENT.programs["coproduction"].title.id
    assert title in unsure.button_texts
    # Under the answer on the January meeting, the page is one of the two it names to see also.
    [answer] = await bot.send(sari, "apa yang diputuskan di pertemuan itu?")
    assert answer.text.split("\n")[0] == CONTENT.faq["jan_2026_meeting"].question.id
    assert answer.button_texts == [NOT_THIS, title, MUSIC_TO_KOREA.title.id]

    def remove(data: Any) -> None:
        data["programs"] = [p for p in data["programs"] if p["key"] != "coproduction"]

    edit_content(content_folder, "programs.yaml", remove)
    admin: EmulatedUser = staff_chat.members[ADMIN_ID]
    # The entries naming it to see also would offer nothing there: refused, each named.
    refused = "\n".join(reply.text for reply in await bot.send(admin, "/reload"))
    assert refused.startswith(opening(Text.RELOAD_REFUSED))
    for page in ("faq.yaml: items[jan_2026_meeting]", "programs.yaml: programs[kofic_incentive]"):
        assert f"{page}.see_also: no program page 'coproduction'" in refused
    [still] = await bot.press(sari, title, message=answer)  # the content served is unchanged
    assert still.text.split("\n")[0] == title

    remove_entry(content_folder, "program:coproduction")  # and where it is named
    [done] = await bot.send(admin, "/reload")
    assert done.text.startswith(
        opening(
            Text.RELOAD_DONE,
            programs=7,
            faq=len(CONTENT.faq),
            questions=len(CONTENT.intake.questions),
        )
    )
    for sent in (unsure, answer):  # an offer's button, and one under an answer
        [gone] = await bot.press(sari, title, message=sent)
        assert gone.text.startswith(shown(Text.ASK_ENTRY_GONE))
        assert CONTENT.text(Text.BTN_PROGRAMS, "id") in gone.button_texts
    # The answer now offers the one it still names, and none in the removed page's place.
    [answered] = await bot.send(bot.user(), "apa yang diputuskan di pertemuan itu?")
    assert answered.button_texts == [NOT_THIS, MUSIC_TO_KOREA.title.id]
    # New questions no longer find it.
    [again] = await bot.send(sari, "film sama korea bisa daftar dimana")
    assert title not in again.button_texts


async def test_another_talents_question_buttons_do_nothing(bot: Harness) -> None:
    sari, budi = bot.user(first_name="Sari"), bot.user(first_name="Budi")
    await bot.send(sari, "kak ada open call gak?")
    [row] = questions(bot.database, sari.id)
    await bot.send(budi, "/start")
    forged = budi.last_message
    [stale] = await bot.act(budi, budi.press_raw, forged.message_id, f"qa:{row['id']}:t")
    assert stale.text == shown(Text.MENU_PROMPT)
    await bot.act(budi, budi.press_raw, forged.message_id, f"qa:{row['id']}:x")
    assert questions(bot.database, sari.id)[0]["not_this_at"] is None


async def a_week_of_questions(bot: Harness, sari: EmulatedUser, budi: EmulatedUser) -> None:
    """Two talents ask: two answered (Budi then says "not this"), one given suggestions, three
    unanswered (one of them twice, in other words; one with an address and a phone number)."""
    await bot.send(sari, "kak ada open call gak?")  # answered
    [answer] = await bot.send(budi, "kapan open call film")  # answered, then "not this"
    await bot.press(budi, NOT_THIS, message=answer)
    await bot.send(sari, "film sama korea bisa daftar dimana")  # suggested
    await bot.send(sari, "Cara bikin nasi goreng enak?")  # unanswered, twice
    await bot.send(budi, "cara bikin nasi goreng enak")
    await bot.send(budi, "jual akun ml, hubungi budi.s@example.com atau 0812-9876-5432")


async def stats_report(bot: Harness, staff_chat: EmulatedChat) -> tuple[str, list[str]]:
    """/stats as the admin reads it, and its lines of most asked unanswered questions."""
    admin: EmulatedUser = staff_chat.members[ADMIN_ID]
    mark = admin.mark()
    update = admin.send("/stats")
    # The chart after the text is drawn by a child process: seconds on a busy machine.
    await asyncio.wait_for(bot.runner.settle(update["update_id"]), CHART_WAIT)
    report = "\n".join(reply.text for reply in admin.messages_since(mark))
    listed = report.split(opening(Text.STATS_QUESTIONS_TOP), 1)[1].split("\n")[1:]
    return report, listed[: listed.index(shown(Text.STATS_QUESTIONS_TOP).split("\n")[-1])]


async def test_stats_count_the_week_and_list_unanswered_questions_masked(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    await a_week_of_questions(bot, bot.user(first_name="Sari"), bot.user(first_name="Budi"))
    report, top = await stats_report(bot, staff_chat)
    assert shown(Text.STATS_QUESTIONS, answered=2, suggested=1, unanswered=3, not_this=1) in report
    assert top == [
        shown(Text.STATS_QUESTIONS_LINE, count=2, question="Cara bikin nasi goreng enak?"),
        shown(
            Text.STATS_QUESTIONS_LINE,
            count=1,
            question="jual akun ml, hubungi <email> atau <number>",
        ),
    ]
    assert "budi.s@example.com" not in report and "9876" not in report
    # The question the bot was not sure about, listed for a phrasing to be added.
    suggested = shown(
        Text.STATS_QUESTIONS_SUGGESTED_TOP,
        lines=shown(
            Text.STATS_QUESTIONS_LINE, count=1, question="film sama korea bisa daftar dimana"
        ),
    )
    assert f"\n\n{suggested}\n\n" in report
    # Budi's "Not this": the question, and what it was answered with, to put right.
    rejected = shown(
        Text.STATS_QUESTIONS_NOT_THIS_LINE,
        count=1,
        question="kapan open call film",
        entry=OPEN_CALL.question.id,
    )
    assert f"{opening(Text.STATS_QUESTIONS_NOT_THIS_TOP)}\n{rejected}\n" in report
    # No staff workspace here (WEB_URL unset): no pointer to its Stats tab.
    assert shown(Text.STATS_QUESTIONS_TEACH) not in report


async def test_stats_count_talents_and_mark_what_a_reload_has_answered(
    make_bot: Any, staff_chat: EmulatedChat, content_folder: Path
) -> None:
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID, content_dir=content_folder
    )
    sari, budi = bot.user(first_name="Sari"), bot.user(first_name="Budi")
    asked = "hanbok disewain gak"
    for _ in range(3):  # one talent typing it again is still one talent asking
        await bot.send(sari, asked)
    await bot.send(budi, "cara bikin nasi goreng enak")
    _, top = await stats_report(bot, staff_chat)
    assert sorted(top) == sorted(
        shown(Text.STATS_QUESTIONS_LINE, count=1, question=question)
        for question in (asked, "cara bikin nasi goreng enak")
    )

    # Staff add the question as a phrasing of the music page, and reload: it is marked.
    def add_phrasing(data: Any) -> None:
        page = next(p for p in data["programs"] if p["key"] == "music_to_korea")
        page["ask"]["id"].append(asked)

    edit_content(content_folder, "programs.yaml", add_phrasing)
    await bot.send(staff_chat.members[ADMIN_ID], "/reload")
    _, top = await stats_report(bot, staff_chat)
    title = CONTENT.programs["music_to_korea"].title.id
    now = shown(Text.STATS_QUESTIONS_NOW, entry=title)
    line = shown(Text.STATS_QUESTIONS_LINE, count=1, question=asked)
    assert f"{line} {now}" in top
    assert shown(Text.STATS_QUESTIONS_LINE, count=1, question="cara bikin nasi goreng enak") in top
    async with workspace(bot, ADMIN_ID) as client:
        listed = (await client.ok("stats"))["questions"]["top"]
    assert {item["question"]: item["now"] for item in listed} == {
        asked: title,
        "cara bikin nasi goreng enak": None,
    }


async def test_stats_list_one_question_written_in_several_ways_once(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """Three talents ask one thing in their own words: one line, asked by three, its other
    wordings counted in /stats and shown on the workspace's Stats tab (phrasings to add)."""
    sari, budi, dewi = (bot.user(first_name=name) for name in ("Sari", "Budi", "Dewi"))
    await bot.send(sari, "hanbok disewain gak?")
    await bot.send(budi, "Hanbok disewain gak")  # the same wording
    await bot.send(budi, "apakah hanboknya disewain kak")  # Budi again, other words
    await bot.send(dewi, "disewain ga kak hanbok nya")
    await bot.send(dewi, "cara bikin nasi goreng enak")  # another question
    report, top = await stats_report(bot, staff_chat)
    assert shown(Text.STATS_QUESTIONS, answered=0, suggested=0, unanswered=5, not_this=0) in report
    wordings = shown(Text.STATS_QUESTIONS_WORDINGS, count=2)
    assert top == [
        f"{shown(Text.STATS_QUESTIONS_LINE, count=3, question='Hanbok disewain gak')} {wordings}",
        shown(Text.STATS_QUESTIONS_LINE, count=1, question="cara bikin nasi goreng enak"),
    ]
    async with workspace(bot, ADMIN_ID) as client:
        listed = (await client.ok("stats"))["questions"]["top"]
    assert [(item["question"], item["count"], item["others"], item["more"]) for item in listed] == [
        (
            "Hanbok disewain gak",  # the first of its two spellings
            3,
            ["disewain ga kak hanbok nya", "apakah hanboknya disewain kak"],
            False,
        ),
        ("cara bikin nasi goreng enak", 1, [], False),
    ]


def test_wordings_are_together_only_with_the_same_words_and_the_same_rejected_entry() -> None:
    def wording(summary: str, *talents: int, entry: str | None = None) -> Wording:
        return Wording(summary, entry, frozenset(talents))

    listed = question_stats.together(
        [
            wording("kapan open call film", 1, 2, entry="faq:open_call_now"),
            wording("open call film kapan kak?", 2, 3, entry="faq:open_call_now"),
            wording("kapan open call film", 4, entry="program:coproduction"),  # another answer
            wording("kapan open call musik", 5, entry="faq:open_call_now"),  # another question
            wording("gimana kak?", 6),  # chat words only: by its wording
            wording("gimana kak", 7),
            wording("gitu kak?", 8),
        ],
        top=10,
    )
    assert [(item.question, item.count, item.entry, item.others) for item in listed] == [
        ("kapan open call film", 3, "faq:open_call_now", ("open call film kapan kak?",)),
        ("gimana kak", 2, None, ("gimana kak?",)),
        ("gitu kak?", 1, None, ()),
        ("kapan open call film", 1, "program:coproduction", ()),
        ("kapan open call musik", 1, "faq:open_call_now", ()),
    ]


def test_a_rejected_answers_page_removed_since_is_named_so_not_by_its_key() -> None:
    assert question_stats.title(CONTENT, "faq:open_call_now", "id") == OPEN_CALL.question.id
    gone = question_stats.title(CONTENT, "faq:removed_since", "id")
    assert gone == CONTENT.text(Text.STATS_ENTRY_GONE, "id") and "removed_since" not in gone
    # In the staff's ↩️ line, neither an FAQ answer nor a page: only that it is gone.
    assert named_entry(CONTENT, "faq:removed_since", "id") == gone
    assert named_entry(CONTENT, "program:mucon", "id") == CONTENT.text(
        Text.SUPPORT_ENTRY_PROGRAM, "id", title=CONTENT.programs["mucon"].title.id
    )


async def test_stats_mask_again_what_an_older_version_stored_unmasked(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    # An older bot's rules missed a number glued to a word and a spaced-out address: rows it
    # stored keep them in their summary until the week is over. Staff never see them.
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "kak cara bikin nasi goreng enak")  # unanswered
    await bot.send(sari, "kak boleh minta resep rendang")  # unanswered
    cut = f"rendang, email sari @ gmail.com {'ya ' * 30}"[:79]  # cut where it was too long
    old = {
        "kak cara bikin nasi goreng enak": "nasi goreng? WA081298765432 kak",
        "kak boleh minta resep rendang": f"{cut}…",
    }
    with sqlite3.connect(bot.database) as db:
        for text, stored in old.items():
            db.execute("UPDATE free_questions SET summary = ? WHERE text = ?", (stored, text))
    report, top = await stats_report(bot, staff_chat)
    assert sorted(top) == sorted(
        [
            shown(Text.STATS_QUESTIONS_LINE, count=1, question="nasi goreng? WA<number> kak"),
            shown(
                Text.STATS_QUESTIONS_LINE,
                count=1,
                question=" ".join(cut.replace("sari @ gmail.com", "<email>").split()) + "…",
            ),
        ]
    )
    assert "98765432" not in report and "gmail" not in report


async def test_questions_are_in_my_data_and_go_with_the_conversation(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    await bot.send(sari, "/daftar")
    await consent(bot, sari)
    await bot.send(sari, "/batal")
    [answer] = await bot.send(sari, "kapan open call film")
    await bot.press(sari, NOT_THIS, message=answer)
    mark = sari.mark()
    await bot.send(sari, "/dataku")
    document = next(m for m in sari.messages_since(mark) if m.document is not None)
    assert document.document is not None
    [asked] = section(data_copy(document.document[1]), Text.MYDATA_SECTION_FREE_QUESTIONS)
    assert asked[copy_label(Text.MYDATA_FIELD_QUESTION)] == "kapan open call film"
    assert asked[copy_label(Text.MYDATA_FIELD_BOT_REPLY)] == shown(Text.MYDATA_ASK_ANSWERED)
    assert asked[copy_label(Text.MYDATA_FIELD_ANSWERED_WITH)] == OPEN_CALL.question.id
    assert asked[copy_label(Text.MYDATA_FIELD_NOT_THIS)]  # when she said it was not that

    # Withdrawing consent to processing deletes the conversation, free questions included.
    await bot.send(sari, "/privasi")
    await bot.press(sari, CONTENT.text(Text.BTN_MY_CONSENTS, "id"))
    processing = CONTENT.text(Text.CONSENT_KIND_PROCESSING, "id")
    await bot.press(sari, CONTENT.text(Text.BTN_WITHDRAW, "id", kind=processing))
    await bot.press(sari, CONTENT.text(Text.BTN_CONFIRM_WITHDRAW, "id"))  # asked first
    assert questions(bot.database, sari.id) == []

    await bot.send(sari, "kak ada open call gak? sari wulandarii di sini")
    assert len(questions(bot.database, sari.id)) == 1
    matcher = bot.runner.application.bot_data["services"].live_content.matcher
    assert "wulandarii" in matcher._corrections  # remembered: the same typos come back
    assert answer_text.words("kak ada open call gak? sari wulandarii di sini")
    assert answer_text._words.cache_info().currsize > 0  # the last messages' words, kept
    assert answer_text._word_form.cache_info().currsize > 0  # and each word's form
    await bot.send(sari, "/hapusdata")
    await bot.press(sari, "🗑 Ya, hapus semuanya")
    assert questions(bot.database, sari.id) == []
    assert "wulandarii" not in matcher._corrections  # not even in the bot's memory
    assert answer_text._words.cache_info().currsize == 0  # nor the words of her messages
    assert answer_text._word_form.cache_info().currsize == 0  # nor any word she wrote


BAD_INPUT = {
    "4,096 characters": ("ada open call? " * 300)[:4096],
    "only emoji": "😂🔥🙈",
    "only digits": "08123456780112345",
    "a phone number": "+62 812-3456-7801",
    "an email": "sari.dewi@example.com",
    "an HTML tag": "<b>film</b> sama korea bisa daftar dimana <script>",
    "RTL text": "مرحبا، هل يوجد open call؟ \u202eabc\u202c",
    "zero-width characters": "kak\u200b ada\u200d open\u2060 call\ufeff gak?",
}


async def test_bad_input_gets_an_honest_reply_without_markup(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    sent = {}
    for name, text in BAD_INPUT.items():
        replies = sent[name] = await bot.send(sari, text)
        assert replies, name
        for reply in replies:
            assert not reply.text.startswith(shown(Text.ERROR_APOLOGY)), name
            assert "<script>" not in (reply.html or ""), name
    recorded = {row["text"]: row for row in questions(bot.database, sari.id)}
    assert recorded[BAD_INPUT["zero-width characters"]]["entry"] == "faq:open_call_now"
    long = recorded[BAD_INPUT["4,096 characters"][:1000]]  # as far as the matcher reads
    assert long["entry"] == "faq:open_call_now" and len(long["summary"]) <= 80
    # A phone number in groups is numbers alone: nothing asked yet, as below.
    assert [reply.text for reply in sent["a phone number"]] == [shown(Text.ASK_NUDGE)]
    assert recorded[BAD_INPUT["an email"]]["summary"] == "<email>"
    assert recorded[BAD_INPUT["only digits"]]["outcome"] == "unanswered"
    # Only emoji, or only "??": nothing asked yet. The bot asks what she needs, with the menu
    # (as for "hmm"), instead of offering to pass the message on, and lists no question.
    nudge = shown(Text.ASK_NUDGE)
    assert [reply.text for reply in sent["only emoji"]] == [nudge]
    [marks] = await bot.send(sari, "??")
    assert marks.text == nudge
    assert BAD_INPUT["only emoji"] not in recorded and "??" not in recorded

    # Asked to send the HTML one to staff, the bot shows it as typed, never as markup.
    [unsure] = sent["an HTML tag"]
    assert unsure.text == shown(Text.ASK_NOT_SURE)
    [confirm] = await bot.press(sari, ASK_TEAM, message=unsure)
    assert BAD_INPUT["an HTML tag"] in confirm.text
    assert "&lt;script&gt;" in (confirm.html or "")


async def _talent(store: Store, user_id: int) -> None:
    async with store.db.transaction() as tx:
        await Users.upsert(tx, Profile(user_id, "Talent", None, None, "id"), "id")


def _asked(user_id: int, update_id: int, text: str) -> Asked:
    return Asked(user_id, update_id, 1, "id", "chat", text, text, "unanswered", None, (), 0.0)


def test_a_question_in_many_wordings_names_a_few_and_counts_them_all() -> None:
    endings = ["kak", "min", "ya", "dong", "sih", "gan", "bang", "mbak"]
    wordings = [
        Wording(f"tiket pesawat ditanggung {ending}", None, frozenset({n}))
        for n, ending in enumerate(endings)
    ]
    [listed] = question_stats.together(wordings, top=10)
    assert (listed.count, listed.wordings) == (8, 8)
    assert len(listed.others) == question_stats.OTHERS_SHOWN < 7
    assert question_stats.report(Week(0, 0, 8, 0, [listed]), CONTENT, "id").count("tiket") == 1
    assert shown(Text.STATS_QUESTIONS_WORDINGS, count=7) in question_stats.report(
        Week(0, 0, 8, 0, [listed]), CONTENT, "id"
    )


def test_the_entry_chosen_is_the_one_most_talents_opened_each_counted_once() -> None:
    wordings = [  # one question in two wordings; Sari opened the FAQ entry three times
        Wording(
            "tiket ditanggung?", None, frozenset({1, 2}), ((1, "faq:a"),) * 3 + ((2, "faq:b"),)
        ),
        Wording("tiketnya ditanggung", None, frozenset({3}), ((3, "faq:b"),)),
    ]
    [listed] = question_stats.together(wordings, top=10)
    assert (listed.chosen, listed.chosen_by) == ("faq:b", 2)
    [nobody] = question_stats.together([Wording("drum?", None, frozenset({4}))], top=10)
    assert (nobody.chosen, nobody.chosen_by) == (None, 0)


async def test_one_talent_flooding_different_questions_does_not_crowd_out_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A question three talents asked in their own words stays listed, shown in its shortest
    wording, when one talent sends more different texts than the list reads."""
    monkeypatch.setattr(question_stats, "WORDINGS_READ", 30)
    store = await Store.open(tmp_path / "kocca.db")
    try:
        for user_id in (601, 602, 603, 609):
            await _talent(store, user_id)
        asked = [
            (601, "tiket pesawat ditanggung gak?"),
            (602, "apakah tiket pesawatnya ditanggung kak"),
            # Words no question has (a run of 30 letters or more) do not make hers the one shown.
            (603, "!! Tiket pesawat ditanggung? BAYARDPTIGAJUTADIREKENINGADMINKAMISEKARANG"),
        ]
        # Then one talent sends 100 different texts, each sorting before the others.
        asked += [
            (609, f"AAA pertanyaan nomor {number:03d} {'x' * number}") for number in range(100)
        ]
        for update_id, (user_id, text) in enumerate(asked, 1):
            await store.questions.record(_asked(user_id, update_id, text))
        week = await question_stats.compute(store, datetime.now(UTC), staff=())
    finally:
        await store.close()
    first = week.top_unanswered[0]
    assert (first.question, first.count, first.wordings) == ("tiket pesawat ditanggung gak?", 3, 3)
    flood = [item for item in week.top_unanswered if item.question.startswith("AAA")]
    assert len(flood) == len(week.top_unanswered) - 1  # the rest of the list is hers:
    assert all(int(item.question.split()[3]) >= 80 for item in flood)  # of her newest 20


async def test_an_update_id_telegram_uses_again_is_another_talents_question(bot: Harness) -> None:
    # Telegram's update ids restart at random after a week without updates, and with a new
    # token: months later, the same id is another talent's message, recorded and logged too.
    dewi, raka = bot.user(first_name="Dewi"), bot.user(first_name="Raka")
    for talent in (dewi, raka):
        await bot.send(talent, "/start")
    questions_store = bot.store.questions
    first = await questions_store.record(_asked(dewi.id, 777_777, "pertanyaan Dewi"))
    again = await questions_store.record(_asked(dewi.id, 777_777, "pertanyaan Dewi"))
    later = await questions_store.record(_asked(raka.id, 777_777, "pertanyaan Raka"))
    assert again == first  # a replayed update is recorded once
    assert later != first
    recorded = questions_store.get(later, raka.id)
    assert recorded is not None and recorded.text == "pertanyaan Raka"
    for talent, text in ((dewi, "pesan Dewi"), (raka, "pesan Raka"), (raka, "pesan Raka")):
        await bot.store.log.add(LogEntry(talent.id, talent.id, "in", "text", text, 888_888))
    logged = [
        entry.text for talent in (dewi, raka) for entry in await bot.store.log.for_chat(talent.id)
    ]
    assert logged.count("pesan Dewi") == 1 and logged.count("pesan Raka") == 1


async def test_free_questions_are_kept_when_the_database_is_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "old.db"
    await made_before(database, monkeypatch, "update_ids_per_chat", talents=[501])
    with sqlite3.connect(database) as db:  # as the bot of then recorded it
        old = db.execute(
            "INSERT INTO free_questions (user_id, update_id, message_id, asked_at, language,"
            " via, text, summary, outcome, confidence) VALUES (501, 42, 1, '2026-11-01T00:00:00',"
            " 'id', 'chat', 'ada open call gak', 'ada open call gak', 'unanswered', 0)"
        ).lastrowid
    assert old is not None
    store = await Store.open(database)
    try:
        kept = store.questions.get(old, 501)
        assert kept is not None and kept.text == "ada open call gak"
        await _talent(store, 502)
        assert await store.questions.record(_asked(502, 42, "open call?")) != old
    finally:
        await store.close()


async def test_ask_mode_works_on_a_database_from_before_the_time_of_an_answer_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0035 shipped without answered_first_at; its column comes with 0036, for a database
    that ran 0035 as it first was, too."""
    database = tmp_path / "kocca.db"
    await made_before(database, monkeypatch, "answered_first_at", talents=[501])
    store = await Store.open(database)
    try:
        await store.support.change(501, lambda session: (None, replace(session, asking=True)))
        assert (await store.support.session(501)).asking
    finally:
        await store.close()


async def test_a_k_pop_audition_question_is_answered_with_the_register_button(
    bot: Harness,
) -> None:
    """Session 51's talents' review: a K-pop cover dancer's questions about auditions and
    agencies got only suggestions; the entry says this bot is no audition or agency channel,
    that a dancer registers under "Lainnya", promises no debut, and its button starts the
    form."""
    entry = CONTENT.faq["kpop_auditions"]
    kevin = bot.user(first_name="Kevin")
    [answer] = await bot.send(kevin, "aku dance cover kpop, ada audisi kpop ga kak di sini?")
    assert answer.text.split("\n")[0] == entry.question.id
    assert "bukan jalur audisi" in answer.text and "Lainnya" in answer.text
    assert "apalagi debut" in answer.text
    assert answer.button_texts[0] == CONTENT.text(Text.BTN_APPLY, "id")
    await bot.press(kevin, CONTENT.text(Text.BTN_APPLY, "id"), message=answer)
    assert await where(bot, kevin) == "consent_processing"  # the form, as /daftar
    # In English, wishing to be considered for MU:CON is how to register, with its button.
    sekar = bot.user(first_name="Sekar", language_code="en")
    [how] = await bot.send(sekar, "how do I register my interest to be considered for MU:CON?")
    assert how.text.split("\n")[0] == CONTENT.faq["who_can_apply"].question.en
    assert how.button_texts[0] == CONTENT.text(Text.BTN_APPLY, "en")


async def test_answers_say_what_the_sources_do_not_without_saying_there_is_none(
    bot: Harness,
) -> None:
    """Session 51's review: a meeting's MoU, documentary funding, a contact person and Korean
    were dead ends or fiction-only answers. Each now says what our sources do not mention
    (never "there is none") and offers the team; contacts never name anyone but the
    deployment's operator."""
    andi = bot.user(first_name="Andi")
    [meeting] = await bot.send(andi, "ada MoU yang ditandatangani di pertemuan itu?")
    assert meeting.text.split("\n")[0] == CONTENT.faq["jan_2026_meeting"].question.id
    assert "tidak disebut di sumber kami" in meeting.text and "2013 dan 2016" in meeting.text
    ratna = bot.user(first_name="Ratna")
    [docs] = await bot.send(ratna, "ada hibah untuk film dokumenter dari kocca?")
    assert "dana KOCCA untuk dokumenter belum kami temukan" in docs.text
    assert "Makassar" in docs.text and ASK_TEAM in docs.button_texts
    [contact] = await bot.send(ratna, "boleh minta email narahubung kocca jakarta?")
    assert contact.text.split("\n")[0] == CONTENT.faq["contacts_sources"].question.id
    assert "kontak pribadi staf, baik staf KOCCA maupun tim kami, tidak kami bagikan" in (
        contact.text
    )
    assert f"dijalankan oleh {DEMO_CONTROLLER.name}" in contact.text
    assert ASK_TEAM in contact.button_texts
    dimas = bot.user(first_name="Dimas")
    [korean] = await bot.send(dimas, "hrs bisa bahasa korea ga bang")
    assert "belum menemukan syarat bisa berbahasa Korea" in korean.text
    assert ASK_TEAM in korean.button_texts
    [fee] = await bot.send(dimas, "klo manggung disana dibayar ga")  # no fact on fees
    titles = {item.question.id for item in CONTENT.faq.values()}
    titles |= {page.title.id for page in CONTENT.programs.values()}
    assert fee.text.split("\n")[0] not in titles


async def test_dated_pages_name_the_edition_not_verified_and_the_rules_year(
    bot: Harness,
) -> None:
    """Session 51's review: "As of 3 December 2026 … latest edition we checked: 2025" read as
    stale or contradictory; session 52's second review: "the 2026 edition is not verified"
    read as still to come in December. The page says the 2026 edition (September/October)
    has passed, unchecked, and where the next one is. APM's and ACF's rules are the ones we
    checked, with their year."""
    sekar = bot.user(first_name="Sekar", language_code="en")
    [mucon] = await bot.send(sekar, "when is mucon held?")
    assert mucon.text.split("\n")[0] == CONTENT.programs["mucon"].title.en
    assert "the 2026 edition should already have taken place; we have not checked" in mucon.text
    assert "The latest edition we checked: 2025" in mucon.text
    assert "For the next edition, see its official site, mucon.kr." in mucon.text
    [bcww] = await bot.send(sekar, "when is bcww?")
    assert "We have not checked the 2026 edition's dates" in bcww.text
    assert "verified" not in bcww.text
    [apm] = await bot.send(sekar, "biff asian project market requirements")
    assert "Under the APM rules we checked (2023)" in apm.text


async def test_why_the_phone_is_asked_says_nothing_of_statistics(bot: Harness) -> None:
    """Session 51's review: "why do you need my phone number?" was told "for overall
    statistics"; statistics count roles and provinces, never a phone (bot/leads/stats.py)."""
    user = await at_question(bot, "phone", "en")
    [reply] = await bot.send(user, "why do you need my phone number?")
    assert reply.text.startswith(shown(Text.INTAKE_STEP_WHY, "en").split(".")[0])
    assert "to contact you" in reply.text
    assert "never your name or contact details" in reply.text


async def test_the_second_reviews_talents_get_the_entry_that_answers_them(bot: Harness) -> None:
    """Session 52's second talents' review: plain questions with a fitting entry got "not
    sure" or another entry directly: how to reach KOCCA, where the info comes from, phone or
    email, HOI Makassar, whether the dates are current, APM's deadline, ACF for a producer,
    a showreel after "one more thing", keroncong; a minor asking whether her parents must
    agree got a page written to parents."""
    hendra = bot.user(first_name="Hendra")
    for text, entry in [  # each by a talent of their own: no page just sent to them
        ("Kepada siapa saya dapat menghubungi pihak KOCCA secara langsung?", "contacts_sources"),
        ("Informasi dalam bot ini bersumber dari mana, ya?", "contacts_sources"),
        ("Apakah saya akan dihubungi melalui telepon atau surat elektronik?", "after_registering"),
        ("Mohon maaf, apakah keroncong itu termasuk musik tradisional atau pop?", "who_can_apply"),
        ("gue perlu manajer gak buat daftar", "who_can_apply"),
    ]:
        [reply] = await bot.send(bot.user(first_name="Hendra"), text)
        assert reply.text.split("\n")[0] == CONTENT.faq[entry].question.id, text
    [contact] = await bot.send(hendra, "Kepada siapa saya dapat menghubungi KOCCA?")
    # It leads with what the talent can do, not with a refusal.
    assert contact.text.split("\n")[2].startswith("Ada pertanyaan soal KOCCA? Tanyakan ke tim")
    sinta = bot.user(first_name="Sinta")
    [acf] = await bot.send(
        sinta,
        "Apakah Asian Cinema Fund menerima proposal dari produser, atau harus sutradara?"
        " Kapan tenggat pendaftarannya tahun ini?",
    )
    assert acf.text.split("\n")[0] == CONTENT.programs["biff_acf"].title.id
    [apm] = await bot.send(
        sinta,
        "Mohon informasi mengenai tenggat waktu (deadline) pendaftaran BIFF Asian Project"
        " Market 2027 serta dokumen apa saja yang perlu dipersiapkan.",
    )
    assert apm.text.split("\n")[0] == CONTENT.programs["biff_apm"].title.id
    maya = bot.user(first_name="Maya", language_code="en")
    for text, title in [
        (
            "What about the training centre in Makassar? I heard it focuses on documentary.",
            CONTENT.programs["training_center"].title.en,
        ),
        ("Where can I find the official sources for all this?", None),
        (
            "Are these dates current? Some of them look old.",
            CONTENT.faq["info_current"].question.en,
        ),
        (
            "Thanks, one more thing: do you also need my showreel?",
            CONTENT.faq["showreel_links"].question.en,
        ),
    ]:
        [reply] = await bot.send(maya, text)
        expected = title or CONTENT.faq["contacts_sources"].question.en
        assert reply.text.split("\n")[0] == expected, text
    [funding] = await bot.send(
        maya,
        "Hi! I'm a documentary director based in Bali. Is there any funding available for"
        " documentaries?",
    )
    assert funding.text.split("\n")[0] == CONTENT.faq["film_funding"].question.en
    assert CONTENT.faq["parents"].question.en not in funding.button_texts  # "Bali" is no "wali"


async def test_a_minor_asking_about_parents_consent_is_answered_first(bot: Harness) -> None:
    """Session 52's second review: "aku masih 17 ortu harus setuju ga" got the parents' page,
    written to parents, never saying yes to her. Its first line now answers the minor."""
    rina = bot.user(first_name="Rina")
    [reply] = await bot.send(rina, "aku masih 17 ortu harus setuju ga")
    lines = reply.text.split("\n")
    assert lines[0] == CONTENT.faq["parents"].question.id
    assert (
        "Kalau kamu di bawah 18 tahun: ya, kamu perlu persetujuan orang tua atau wali" in (lines[2])
    )
    assert "Orang tua/wali setuju" in lines[2]
    assert lines[3].startswith("Untuk Bapak/Ibu:")


async def test_the_k_pop_answer_ends_without_typing_a_command_and_mucon_fees_are_unknown(
    bot: Harness,
) -> None:
    """Session 52's second review: the K-pop audition answer ended "Mau mendaftarkan minat?
    Ketik /daftar." (odd for a talent already in the form; its button starts the form); MU:CON
    fees ("mucon tuh dibayar kagak sih") are not on its page: it says our sources do not say,
    and the question is not answered directly."""
    kevin = bot.user(first_name="Kevin")
    [answer] = await bot.send(kevin, "ada audisi kpop ga kak di sini?")
    assert answer.text.split("\n")[0] == CONTENT.faq["kpop_auditions"].question.id
    assert "/daftar" not in answer.text
    assert answer.button_texts[0] == CONTENT.text(Text.BTN_APPLY, "id")
    [page] = await bot.send(kevin, "mucon itu apa")
    assert "Soal honor penampil atau biaya ikut, sumber kami belum menyebutnya." in page.text
    [fee] = await bot.send(kevin, "mucon tuh dibayar kagak sih")
    assert fee.text.split("\n")[0] != CONTENT.programs["mucon"].title.id


async def test_the_third_reviews_plain_questions_get_their_page(bot: Harness) -> None:
    """Session 52's third review: plain questions whose page answers them got "not sure" or
    nothing: a beatmaker who doesn't sing, the password-protected Vimeo link, whether "Music
    talent to Korea" (the form's own label) is a real program. Gamelan at MU:CON has no fact
    behind it: not answered directly."""
    yogi = bot.user(first_name="Yogi")
    for text, title in [
        (
            "klo beatmaker ji, tdk nyanyi, bisa ji daftar kah?",
            CONTENT.faq["who_can_apply"].question.id,
        ),
        (
            "Apakah tautan Vimeo yang dilindungi kata sandi dapat diterima?",
            CONTENT.faq["showreel_links"].question.id,
        ),
    ]:
        [reply] = await bot.send(yogi, text)
        assert reply.text.split("\n")[0] == title, text
    tom = bot.user(first_name="Tom", language_code="en")
    [label] = await bot.send(
        tom, "Is 'Music talent to Korea' an actual program I can apply to, or just an idea?"
    )
    assert label.text.split("\n")[0] == CONTENT.programs["music_to_korea"].title.en
    [gamelan] = await bot.send(tom, "Would a gamelan-based project fit MU:CON at all?")
    assert gamelan.text.split("\n")[0] != CONTENT.programs["mucon"].title.en


# Session 55's talents' review: each got an entry that answers another question.
REVIEWED = [
    # H6: one detail removed, not the data page whose only erasure is all of it.
    ("Oh iya kak, bisa hapus nomor HP aku aja ga? Email sama yg lain biarin", "one_detail"),
    ("Trus gimana kak kalau cuma mau hapus nomor hp?", "one_detail"),
    # M8: what is kept, asked, starts with what is kept (it said what data is used for).
    ("Data apa aja yg disimpen tentang aku?", "my_data"),
    ("Bentar, data aku nanti disimpen apa aja ya?", "my_data"),
    # M12: whether the bot is the government's: who runs it, not "KOCCA is a government agency".
    ("Ini resmi dari pemerintah?", "who_runs"),
    # M11: whether a band may register: the same page, which now says how.
    ("Bisa daftar sebagai band ga", "who_can_apply"),
    # L8: the cost of going to Korea, no program named: that the bot does not know, and /tanya
    # (it opened the MU:CON page).
    ("Biayanya brp kang klo ikut ke korea", "travel_costs"),
]
INTRODUCED = [
    (
        "Selamat siang. Perkenalkan, saya Sari Rahmawati, sutradara film dokumenter dari"
        " Makassar. Saya ingin menanyakan persyaratan untuk program ko-produksi film dengan"
        " mitra Korea, serta kapan jadwal pendaftarannya dibuka. Terima kasih.",
        "coproduction",
    ),
    ("Halo kak, aku Rani, penyanyi dari Solo. MU:CON itu apa ya? Makasih kak 🙏", "mucon"),
    ("Kita ber4 kang, band indie dr bandung", "music_to_korea"),
]


# Session 56's talents' review.
REVIEWED_S56 = [
    # H5: a manager registering the artist she manages, and a second one.
    (
        "Selamat siang. Saya manajer musik dari Yogyakarta. Apakah saya bisa mendaftarkan"
        " artis yang saya tangani?",
        "for_an_artist",
    ),
    ("Bisa daftar untuk orang lain?", "for_an_artist"),
    ("Saya manajernya, boleh saya yang isi formulirnya?", "for_an_artist"),
    (
        "Saya juga pegang 1 artis lagi, band. Bisa saya daftarkan juga dari akun ini?",
        "for_an_artist",
    ),
    # M1: whether traditional music fits ("cocok gak?" asks as "bisa ikut?" does).
    ("Tp musikku tradisional bli, gamelan Bali. Cocok gak?", "who_can_apply"),
    # M10: a teenager's short questions ("SM" reads as "sama"; "ooh" counted as a word).
    ("Ooh jd KOCCA itu kyk agensi SM/HYBE gt ya kak?", "what_is_kocca"),
    ("Kak kapan audisinya? 🥺", "kpop_auditions"),
]


async def test_the_talents_review_questions_get_the_entry_that_answers_them(
    bot: Harness,
) -> None:
    for typed, key in REVIEWED:  # each by a talent of their own: no page just sent to them
        [answer] = await bot.send(bot.user(first_name="Reza"), typed)
        assert answer.text.split("\n")[0] == CONTENT.faq[key].question.id, typed
    reza = bot.user(first_name="Reza")
    # Its words are the bot's own: the update button, /tanya, and /hapusdata erasing all.
    [answer] = await bot.send(reza, REVIEWED[0][0])
    assert "Perbarui pendaftaranku" in answer.text and "/tanya" in answer.text
    assert "/hapusdata menghapus semua datamu" in answer.text
    [answer] = await bot.send(reza, "Data apa aja yg disimpen tentang aku?")
    kept = "Yang kami simpan: jawaban yang kamu isi (termasuk email dan nomor HP), data akun"
    assert answer.text.split("\n")[2].startswith(kept)
    [answer] = await bot.send(reza, "Bisa daftar sebagai band ga")
    assert "pilih Band/grup di pertanyaan peran" in answer.text
    assert CONTENT.text(Text.BTN_APPLY, "id") in answer.button_texts  # its 📝 Daftarkan minat
    [answer] = await bot.send(reza, "Biayanya brp kang klo ikut ke korea")
    assert "/tanya" in answer.text and ASK_TEAM in answer.button_texts
    # M10: a polite introduction, the question, then thanks: the page, not "Aku belum yakin"
    # (the thanks was read as the question); a band saying how many they are ("ber4").
    for typed, page in INTRODUCED:  # each by a talent of their own: no page just sent them
        [answer] = await bot.send(bot.user(first_name="Sari"), typed)
        assert answer.text.split("\n")[0] == CONTENT.programs[page].title.id, typed
    for typed, key in REVIEWED_S56:
        [answer] = await bot.send(bot.user(first_name="Wulan"), typed)
        assert not answer.text.startswith("🤔"), typed  # "Aku belum yakin maksudmu" before
        assert answer.text.split("\n")[0] == CONTENT.faq[key].question.id, typed
    # The manager's page names the real button for a second artist, and says whose account.
    [answer] = await bot.send(bot.user(first_name="Wulan"), REVIEWED_S56[1][0])
    assert CONTENT.text(Text.BTN_NEW_REGISTRATION, "id") in answer.text
    assert "tersimpan di akun Telegram yang mengisinya" in answer.text
    assert CONTENT.text(Text.BTN_APPLY, "id") in answer.button_texts
    # M4: the festival's own dates are not in the bot's info: said, with where to look and
    # /ask (the APM page came twice, saying only where the APM's dates are).
    rina = bot.user(first_name="Rina", language_code="en")
    [answer] = await bot.send(rina, "ok but when is the Busan festival itself? October?")
    assert "The BIFF festival's own dates are not in our info" in answer.text
    assert "biff.kr" in answer.text and "/ask" in answer.text


async def test_asking_for_a_reply_with_no_team_chat_points_nowhere(make_bot: Any) -> None:
    """Without a staff chat there is no /tanya to point to: "Sudah ada balasan?" from one
    who never asked says only that nothing reached the team, then /status."""
    bot: Harness = await make_bot(staff_chat_id=None)
    [said] = await bot.send(bot.user(first_name="Budi"), "Sudah ada balasan?")
    assert said.text == f"{shown(Text.STATUS_QUESTIONS_NONE)}\n\n{shown(Text.STATUS_NONE)}"


async def test_a_documentary_maker_and_a_formal_coproduction_question_get_their_pages(
    bot: Harness,
) -> None:
    """A talents' review (s57): M5, a documentary director who greets and says who he is got
    the fiction-only BIFF ACF page; L4, a formal question on joining a co-production got the
    page on production houses, and with "ko-produksi" only "not sure"."""
    yohanis = bot.user(first_name="Yohanis")
    [answer] = await bot.send(
        yohanis,
        "Selamat sore kaka. Sa Yohanis dari Jayapura, sutradara film dokumenter. Sa mau tanya, "
        "apakah ada program untuk film dokumenter dari Papua?",
    )
    assert answer.text.split("\n")[0] == CONTENT.faq["film_funding"].question.id
    assert "<b>Film dokumenter:</b>" in (answer.html or "")  # its paragraph on documentaries
    jiyeon = bot.user(first_name="Jiyeon", language_code="en")
    [answer] = await bot.send(
        jiyeon, "Hi, I'm a documentary director. Is there any program for documentary films?"
    )
    assert answer.text.split("\n")[0] == CONTENT.faq["film_funding"].question.en
    coproduction = CONTENT.programs["coproduction"].title.id
    for spelled in ("koproduksi", "ko-produksi"):
        [answer] = await bot.send(
            bot.user(first_name="Dewi"),
            f"Apakah melalui layanan ini saya dapat mengikuti program {spelled} dengan rumah "
            "produksi Korea?",
        )
        assert answer.text.split("\n")[0] == coproduction, spelled
        assert "Informasi, bukan open call." in answer.text


async def test_asked_whether_this_is_kocca_s_official_bot_says_no_unless_kocca_is_named(
    make_bot: Any,
) -> None:
    """A talents' review (s57, L2): "is this the official KOCCA bot?" got who runs the bot and
    no yes or no. The answer comes from who runs this deployment (CONTROLLER_NAME), above the
    page on who runs it; a question not naming KOCCA gets the page alone. An operator whose
    name names KOCCA gets the page alone too: a name cannot tell KOCCA from a partner or fans
    (an attacker's review: "Koccamedia Fans Club" was told "yes, official")."""
    who_runs = CONTENT.faq["who_runs"].question
    bot: Harness = await make_bot(controller_name="PT Contoh Talenta Nusantara")
    jiyeon = bot.user(first_name="Jiyeon", language_code="en")
    [answer] = await bot.send(jiyeon, "annyeonghaseyo! is this the official KOCCA bot? 진짜?")
    said = shown(Text.ASK_OFFICIAL_KOCCA_NO, "en", operator="PT Contoh Talenta Nusantara")
    assert answer.text.startswith(f"{said}\n\n{who_runs.en}\n")
    assert said.startswith("No, this bot is not an official KOCCA channel.")
    dewi = bot.user(first_name="Dewi")
    [answer] = await bot.send(dewi, "ini bot resmi KOCCA bukan?")
    assert answer.text.startswith("Bukan, bot ini bukan kanal resmi KOCCA.")
    [answer] = await bot.send(bot.user(first_name="Dian"), "siapa yang menjalankan bot ini?")
    assert answer.text.startswith(f"{who_runs.id}\n")  # nothing asked of KOCCA: the page
    await bot.stop()  # a name that only starts with the letters: no KOCCA named
    fans: Harness = await make_bot(controller_name="Koccamedia Fans Club")
    [answer] = await fans.send(fans.user(first_name="Rina"), "ini bot resmi KOCCA bukan?")
    assert answer.text.startswith("Bukan, bot ini bukan kanal resmi KOCCA.")
    await fans.stop()  # named: the page alone, which names who runs it
    kocca: Harness = await make_bot(controller_name="KOCCA Indonesia Business Center")
    [answer] = await kocca.send(kocca.user(first_name="Sari"), "ini bot resmi KOCCA bukan?")
    assert answer.text.startswith(f"{who_runs.id}\n")
    assert "KOCCA Indonesia Business Center" in answer.text


async def test_praying_hands_before_anything_was_given_greet(bot: Harness) -> None:
    """A talents' review (s57, L7): "🙏🙏🎤🎶" right after /start and a sticker got "Sama-sama!"
    though nothing had been given; 🙏 there is hello or please. Once the bot answered
    something she typed, 🙏 thanks, as before."""
    lilis = bot.user(first_name="Lilis")
    await bot.send(lilis, "/start")
    await bot.act(lilis, lilis.send_sticker, emoji="😂")
    [hello] = await bot.send(lilis, "🙏🙏🎤🎶")
    assert hello.text == shown(Text.ASK_GREETING, first_name="Lilis")
    assert CONTENT.text(Text.BTN_PROGRAMS, "id") in hello.button_texts  # the menu
    [hello] = await bot.act(lilis, lilis.send_sticker, emoji="🙏")
    assert hello.text == shown(Text.ASK_GREETING, first_name="Lilis")
    [answer] = await bot.send(lilis, "MU:CON itu apa?")
    assert answer.text.split("\n")[0] == CONTENT.programs["mucon"].title.id
    [thanks] = await bot.send(lilis, "🙏🙏🎤🎶")
    assert thanks.text == shown(Text.ASK_THANKS)


async def test_what_the_bot_is_for_is_answered_in_both_languages(bot: Harness) -> None:
    """A talents' review s58 (H1): "bot ini untuk apa?", "what is this bot for?" and Sekar's
    long krama version got "Can I ask a real person?" as a confident answer, or nothing. They
    get what the bot is for, with the button to register, and who runs it stays unsaid."""
    about = CONTENT.faq["about_bot"]
    for typed in (
        "bot ini untuk apa nggih?",
        "Sugeng siang, nyuwun sewu mengganggu. Saya Sekar, komposer dari Jogja, saya menggarap"
        " musik gamelan yang saya padukan dengan elektronik dan jazz. Saya baru dengar soal"
        " KOCCA dari teman. Boleh dijelaskan sebenarnya bot ini untuk apa nggih?",
    ):
        [answer] = await bot.send(bot.user(first_name="Sekar"), typed)
        assert answer.text.split("\n")[0] == about.question.id, typed
        assert "musisi dan sineas" in answer.text and "/daftar" in answer.text
        assert answer.button_texts[:2] == [CONTENT.text(Text.BTN_APPLY, "id"), NOT_THIS]
    tes = bot.user(first_name="Tes", language_code="en")
    [answer] = await bot.send(tes, "what is this bot for?")
    assert answer.text.split("\n")[0] == about.question.en
    assert CONTENT.faq["ask_human"].answer.en.split(",")[0] not in answer.text
    # Whether it is a bot at all is still asked of a person.
    [answer] = await bot.send(tes, "is this a bot?")
    assert answer.text.split("\n")[0] == CONTENT.faq["ask_human"].question.en


async def test_animation_webtoon_and_game_makers_get_an_honest_scope_answer(
    bot: Harness,
) -> None:
    """A talents' review s58 (H3): Hendra, an animator who also makes webtoons and games, got
    "not sure" or the production-house page. He is told the desk is for film and music, that
    animation registers as Film with the format Animasi, and that there is no program here for
    webtoons or games, with the button to ask the team."""
    fields = CONTENT.faq["other_fields"]
    for typed in (
        "animasi masuk program ini ga min?",
        "kalau webtoon gimana? saya juga bikin webtoon",
        "game developer bisa daftar juga? saya lagi bikin game indie",
    ):
        [answer] = await bot.send(bot.user(first_name="Hendra"), typed)
        assert answer.text.split("\n")[0] == fields.question.id, typed
        assert "<b>Animasi</b>" in (answer.html or "") and "<b>Film</b>" in (answer.html or "")
        assert "belum ada program untuk webtoon, komik, atau game" in answer.text
        assert ASK_TEAM in answer.button_texts
    # The format the answer names is the form's own.
    formats = next(q for q in CONTENT.intake.questions if q.key == "film_formats")
    assert "Animasi" in [choice.label.id for choice in formats.choices or []]


async def test_a_producers_english_question_on_a_co_production_fund_gets_the_film_funds(
    bot: Harness,
) -> None:
    """A talents' review s58 (H4): Kadek's "Is there a KOCCA co-production fund we can apply
    to?" got "not sure" in English, while the same question in Indonesian got the answer."""
    kadek = bot.user(first_name="Kadek", language_code="en")
    [answer] = await bot.send(kadek, "Is there a KOCCA co-production fund we can apply to?")
    assert answer.text.split("\n")[0] == CONTENT.faq["film_funding"].question.en
    assert "We have not found a KOCCA co-production fund" in answer.text
