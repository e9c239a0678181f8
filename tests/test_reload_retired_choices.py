"""A /reload that removes a choice stored answers still hold (an attacker's review s65, 3):
staff are told which and how many, staff read a stored one as an old choice, and a draft
lets it go at the talent's next press, with a word, never sending it on unsaid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.emulator import EmulatedChat, EmulatedUser
from bot.texts import Text
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, edit_content, seeded, shown

GENRES = CONTENT.questions["genres"]
ROLE = CONTENT.questions["music_role"]


def _label(question_key: str, value: str) -> str:
    question = CONTENT.questions[question_key]
    return next(choice.label.id for choice in question.choices or [] if choice.value == value)


def _held_line(question_key: str, value: str) -> str:
    """The /reload line of a removed choice one sent lead and one draft hold."""
    question = CONTENT.questions[question_key]
    label = _label(question_key, value)
    return shown(
        Text.RELOAD_RETIRED_LINE,
        question=question.label.id,
        label=label,
        value=value,
        leads=1,
        drafts=1,
    )


def _without_keroncong_and_dj(data: Any) -> None:
    for question in data["questions"]:
        if question["key"] == "genres":
            question["choices"] = [c for c in question["choices"] if c["value"] != "keroncong"]
        if question["key"] == "music_role":
            question["choices"] = [c for c in question["choices"] if c["value"] != "dj"]


async def _bot(
    make_bot: Any, staff_chat: EmulatedChat, content_folder: Path
) -> tuple[Harness, EmulatedUser]:
    """The bot serving a copy of content/ staff can edit, and its admin in the staff chat."""
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID, content_dir=content_folder
    )
    return bot, staff_chat.members[ADMIN_ID]


async def _start(bot: Harness, content_folder: Path) -> tuple[EmulatedUser, EmulatedUser]:
    """A sent lead with DJ and Keroncong, and a talent who answered DJ and ticked Keroncong
    (not yet Done) when staff remove both and /reload."""
    old = bot.user(first_name="Old")
    answers = dict(MUSICIAN, genres=["keroncong", "pop"], music_role="dj")
    await seeded(bot.database, [Seed(old.id, answers, first_name="Old")])
    talent = bot.user(first_name="Tia")
    await bot.send(talent, "/daftar")
    await bot.press(talent, shown(Text.BTN_AGREE))
    await bot.press(talent, shown(Text.BTN_YES))
    await bot.press(talent, _label("sector", "music"))
    await bot.press(talent, _label("age_range", "age_18_24"))
    await bot.send(talent, "Tia Lestari")
    await bot.press(talent, shown(Text.BTN_SKIP))
    await bot.press(talent, _label("music_role", "dj"))
    await bot.press(talent, _label("genres", "keroncong"))
    edit_content(content_folder, "intake.yaml", _without_keroncong_and_dj)
    return old, talent


async def test_reload_names_the_removed_choices_still_held_and_staff_read_them_as_old(
    make_bot: Any, staff_chat: EmulatedChat, content_folder: Path
) -> None:
    bot, admin = await _bot(make_bot, staff_chat, content_folder)
    await _start(bot, content_folder)

    [done] = await bot.send(admin, "/reload")
    assert done.text.startswith(
        shown(
            Text.RELOAD_DONE,
            programs=len(CONTENT.programs),
            faq=len(CONTENT.faq),
            questions=len(CONTENT.questions),
        )
    )
    # One lead and one draft each (the draft's Keroncong: ticks not yet confirmed with Done).
    role_line, genre_line = _held_line("music_role", "dj"), _held_line("genres", "keroncong")
    assert f"{role_line}\n{genre_line}" in done.text
    # Where to put them back: the content folder in use, not a fixed content/ (s65, F3).
    assert f"<code>{content_folder / 'intake.yaml'}</code>" in (done.html or "")

    [lead] = await bot.send(admin, "/lead KOC-000001")
    old_dj = shown(Text.RETIRED_CHOICE, value="dj")
    assert f"{ROLE.label.id}: {old_dj}" in lead.text
    assert f"{GENRES.label.id}: {shown(Text.RETIRED_CHOICE, value='keroncong')}, Pop" in lead.text
    [stats, *_] = await bot.send(admin, "/stats")
    assert shown(Text.STATS_LINE, label=old_dj, count=1) in stats.text

    # A reload that removes nothing held says nothing more.
    [again] = await bot.send(admin, "/reload")
    assert shown(Text.RELOAD_RETIRED, lines="", path="").split("\n")[0] not in again.text


async def test_a_draft_lets_go_of_a_removed_choice_with_a_word_and_asks_again(
    make_bot: Any, staff_chat: EmulatedChat, content_folder: Path
) -> None:
    bot, admin = await _bot(make_bot, staff_chat, content_folder)
    _, talent = await _start(bot, content_folder)
    ticked = talent.last_message
    await bot.send(admin, "/reload")

    # The old Keroncong button: the removed answer and tick are let go, said by their labels.
    [told] = await bot.press(talent, "✅ " + _label("genres", "keroncong"), message=ticked)
    dropped = f"{_label('music_role', 'dj')} dan {_label('genres', 'keroncong')}"
    assert told.text.startswith(shown(Text.INTAKE_RETIRED, dropped=dropped))
    # Nowhere else as stored (it was "Pilihanmu: keroncong", with no button to untick it).
    assert "keroncong" not in told.text.casefold().replace(dropped.casefold(), "")
    assert "✅ " + _label("genres", "keroncong") not in told.button_texts

    # Pop is what Done stores, and the role is asked again, without DJ.
    await bot.press(talent, "Pop", message=told)
    [next_step] = await bot.press(talent, shown(Text.BTN_DONE))
    assert ROLE.prompt.id in next_step.text
    assert _label("music_role", "dj") not in next_step.button_texts
    answers = await bot.store.applications.answers(
        (await bot.store.applications.draft_for(talent.id)).id  # type: ignore[union-attr]
    )
    assert answers["genres"] == ["pop"] and "music_role" not in answers


async def test_a_pause_is_not_held_up_by_a_removed_choice(
    make_bot: Any, staff_chat: EmulatedChat, content_folder: Path
) -> None:
    bot, admin = await _bot(make_bot, staff_chat, content_folder)
    _, talent = await _start(bot, content_folder)
    await bot.send(admin, "/reload")
    [paused] = await bot.send(talent, "/batal")
    assert paused.text.startswith(shown(Text.INTAKE_CANCELLED).split("\n")[0])
    assert "Keroncong" not in paused.text


async def test_the_draft_shows_a_removed_choice_in_the_talents_words(
    make_bot: Any, staff_chat: EmulatedChat, content_folder: Path
) -> None:
    """A newcomers' review s65, F3: back at the genres after the /reload, the talent read
    "Pilihanmu: (pilihan lama: keroncong)", the staff wording with the stored value. Now
    its last label, said to be no longer offered, before the press that lets it go."""
    bot, admin = await _bot(make_bot, staff_chat, content_folder)
    _, talent = await _start(bot, content_folder)
    await bot.send(admin, "/reload")
    [step] = await bot.send(talent, "/daftar")
    assert GENRES.prompt.id in step.text
    let_go = shown(Text.RETIRED_CHOICE_TALENT, label=_label("genres", "keroncong"))
    assert shown(Text.INTAKE_SELECTED, selection=let_go) in step.text
    assert shown(Text.RETIRED_CHOICE, value="keroncong") not in step.text
