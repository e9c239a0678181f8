"""What the talents' review of session 61 typed at the form, read as they meant it: several
links pasted with a password beside one, the password kept from the log as from the answers,
ticks and a typed "other" kept over an edit of an earlier answer, a province typed after the
city without a comma, an "other link" without its "https://"."""

from __future__ import annotations

import re
import sqlite3

from bot.leads import form_order, sentence_names, typed_answers
from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    at_question,
    draft_answers,
    shown,
    where,
)
from tests.test_erasure import traces_in_files

PASSWORD = "bakau2024"
# Rizky's paste (rizky.db), one message of four lines.
PASTE = (
    "Ini karya sy:\n"
    "1. Tanah Ombak (2023) https://vimeo.com/812345678\n"
    f"2. Perempuan Penjaga Bakau (2024) https://vimeo.com/923456789 pw: {PASSWORD}\n"
    "Folder lengkap: https://drive.google.com/drive/folders/1AbCdEfGhIjKl?usp=sharing"
)


def logged_in(bot: Harness, user_id: int) -> list[str]:
    """The talent's messages as the conversation log keeps them."""
    with sqlite3.connect(f"file:{bot.database}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT text FROM conversation_log WHERE chat_id = ? AND direction = 'in' ORDER BY id",
            (user_id,),
        )
        return [str(text) for (text,) in rows]


async def test_links_pasted_with_a_password_are_kept_without_it(bot: Harness) -> None:
    """M5: a paste of three links, one line with "pw: …", was refused whole ("🔑 Kata sandi
    videonya?"). Now the links are kept as without the password, and the password is not."""
    for language in ("id", "en"):
        user = await at_question(bot, "portfolio_url", language, answers=FILMMAKER)
        [reply] = await bot.send(user, PASTE)
        answers = await draft_answers(bot, user)
        assert answers["portfolio_url"] == "https://vimeo.com/812345678"
        assert answers["other_links"] == (
            "https://vimeo.com/923456789\n"
            "https://drive.google.com/drive/folders/1AbCdEfGhIjKl?usp=sharing"
        )
        assert PASSWORD not in repr(answers)
        other = CONTENT.questions["other_links"].label.get(language)
        said = shown(Text.INTAKE_LINKS_CARRIED_NO_PASSWORD, language, count=2, other=other)
        assert reply.text.startswith(said), language
        assert await where(bot, user) == "notable_works"


async def test_a_password_left_out_is_masked_in_the_log_and_the_database_files(
    bot: Harness,
) -> None:
    """M6: the bot said "kata sandi tidak kami simpan di sini" while the conversation log (kept
    365 days, in /dataku and the workspace) kept "pw: bakau2024". Now the logged message has
    the password masked, and no copy is left in the database's files."""
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    [reply] = await bot.send(user, f"https://vimeo.com/923456789 pw: {PASSWORD}")
    assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
    assert logged_in(bot, user.id)[-1] == "https://vimeo.com/923456789 pw: ••••"
    assert traces_in_files(bot.database, [PASSWORD]) == []
    # The same for the paste: the titles and links stay as typed, only the password goes.
    user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
    await bot.send(user, PASTE)
    assert logged_in(bot, user.id)[-1] == PASTE.replace(PASSWORD, "••••")
    assert traces_in_files(bot.database, [PASSWORD]) == []


async def test_an_other_link_without_its_scheme_gets_https_as_the_work_link_does(
    bot: Harness,
) -> None:
    """L6: "vimeo.com/minseokim" at the other links was kept without "https://", while the
    work's link "youtu.be/…" got it. Now both follow the same rule; a platform's name before
    a link is left out (s65, F2: "IMDb saya: …" was kept so, a handle became the link)."""
    for language in ("en", "id"):
        user = await at_question(bot, "other_links", language, answers=FILMMAKER)
        await bot.send(user, "vimeo.com/minseokim\nInstagram: instagram.com/minseo.films")
        kept = (await draft_answers(bot, user))["other_links"]
        assert kept == "https://vimeo.com/minseokim\nhttps://instagram.com/minseo.films"


async def test_a_city_and_its_province_without_a_comma_are_taken_at_once(bot: Harness) -> None:
    """L4: "bandung jabar" was asked back ("Bandung ada di Jawa Barat. Betul ini
    provinsimu?") though the province was typed; "Bandung, Jabar" is taken at once. Now so is
    this, either way round, and in English."""
    for language, typed, city in (
        ("id", "bandung jabar", "Bandung"),
        ("id", "jabar kab bandung", "Kabupaten Bandung"),
        ("en", "Bandung West Java", "Bandung"),
    ):
        user = await at_question(bot, "province", language)
        [reply] = await bot.send(user, typed)
        answers = await draft_answers(bot, user)
        assert (answers["province"], answers["city"]) == ("jawa_barat", city), typed
        province = CONTENT.provinces["jawa_barat"].label.get(language)
        assert reply.text.startswith(
            shown(Text.INTAKE_TAKEN, language, taken=f"{city}, {province}")
        ), typed
        assert await where(bot, user) == "experience_years"


async def test_ticks_and_a_typed_other_survive_a_change_of_an_earlier_answer(
    bot: Harness,
) -> None:
    """M7 and L5: "indie, shoegaze" ticked Indie and put Shoegaze under Genre lain; a change
    of the band's name on the way ("✏️ Ubah Nama panggung/band") then brought the genres back
    with nothing ticked and Shoegaze gone. Now the ticks and the typed genre are kept, the
    genres come back as left, and "Lainnya" shows what it holds."""
    user = await at_question(bot, "genres")
    await bot.send(user, "indie, shoegaze")
    await bot.send(user, "eh btw nama band gw udah ganti jadi Kalasenja")
    stage = CONTENT.questions["stage_name"].label.id
    await bot.press(user, CONTENT.text(Text.BTN_CHANGE_EARLIER, "id", field=stage))
    assert await where(bot, user) == "stage_name"
    [shown_again] = await bot.send(user, "Kalasenja")
    assert await where(bot, user) == "genres"
    answers = await draft_answers(bot, user)
    assert answers["stage_name"] == "Kalasenja"
    assert answers["genres_other"] == "Shoegaze"
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None and draft.pending == ["indie", "other"]
    ticked = shown(Text.INTAKE_SELECTED, selection="Indie/alternatif, Lainnya: Shoegaze")
    assert ticked in shown_again.text


async def test_a_typed_other_is_shown_with_its_choice_after_a_pause(bot: Harness) -> None:
    """L5: back from a pause, "Selected: Indie/alternative, Other" did not say what Other
    holds. Now it does, in English too."""
    user = await at_question(bot, "genres", "en")
    await bot.send(user, "indie, shoegaze")
    await bot.press(user, CONTENT.text(Text.BTN_PAUSE, "en"))
    [back] = await bot.send(user, "/register")
    labels = dict(form_order.choices(CONTENT.questions["genres"], CONTENT, {}))
    picked = f"{labels['indie'].en}, {labels['other'].en}: Shoegaze"
    assert shown(Text.INTAKE_SELECTED, "en", selection=picked) in back.text


async def test_a_password_in_a_message_refused_for_it_is_masked_too(bot: Harness) -> None:
    """M6: "Kata sandi tidak kami simpan di sini, jadi pesanmu tadi belum kusimpan" (a link
    and its password at the city) and a password alone at the link question were kept whole
    in the log. Now the password is masked there too, and gone from the database's files."""
    user = await at_question(bot, "city")
    [reply] = await bot.send(user, "vimeo.com/wayan/gamelan2025 (kata sandi: gmln25)")
    assert reply.text.startswith(shown(Text.INTAKE_PASSWORD_NOT_KEPT))
    assert logged_in(bot, user.id)[-1] == "vimeo.com/wayan/gamelan2025 (kata sandi: ••••)"
    user = await at_question(bot, "portfolio_url", "en", answers=FILMMAKER)
    [reply] = await bot.send(user, "Password: deli2025")
    assert reply.text.startswith(shown(Text.INTAKE_PASSWORD_LATER, "en"))
    assert logged_in(bot, user.id)[-1] == "Password: ••••"
    assert traces_in_files(bot.database, ["gmln25", "deli2025"]) == []


async def test_a_password_on_its_own_line_before_its_word_or_in_brackets_is_masked(
    bot: Harness,
) -> None:
    """H1 (final review s61): "kata sandi tidak kami simpan di sini" was said, yet the log and
    the database files kept the password typed on the line after "Password:", before
    "passwordnya", and after "(password)" (that line garbled: the link run into the next
    word). Now each is masked, the rest of the line as typed, and no file holds it."""
    link = "https://vimeo.com/923456789"
    for typed, logged in (
        (f"{link}\nPassword:\n{PASSWORD}", f"{link}\nPassword:\n••••"),
        (f"{PASSWORD} itu passwordnya {link}", f"•••• passwordnya {link}"),
        (f"{link} (password) {PASSWORD}", f"{link} (password) ••••"),
        (f"{link} [pw] {PASSWORD}", f"{link} [pw] ••••"),
    ):
        user = await at_question(bot, "portfolio_url", answers=FILMMAKER)
        [reply] = await bot.send(user, typed)
        assert reply.text.startswith(shown(Text.INTAKE_LINK_KEPT_NO_PASSWORD))
        assert (await draft_answers(bot, user))["portfolio_url"] == link
        assert logged_in(bot, user.id)[-1] == logged
        assert traces_in_files(bot.database, [PASSWORD]) == []


def test_a_name_and_a_new_value_are_read_in_one_pass_over_long_runs_of_spaces() -> None:
    """L3 (final review s61): the manager's introduction at the full name was cubic on a run
    of spaces (4.6 s on 512; held only by the name's 100-character limit), and the new value
    of a wish to change quadratic (0.3 s on 4,096). Both now read text whose white space is one
    character a run, so no quantifier over spaces is left in either; the readings are kept."""
    for pattern in (sentence_names._MANAGER_SAYS, typed_answers._BECOMES):
        assert re.search(r"\\s[+*{]", pattern.pattern) is None, pattern.pattern
    manager = "Saya" + " " * 4076 + "Ratna,   manajer"
    assert len(manager) == 4096
    said = sentence_names.without_introduction(manager, own=True)
    assert said is not None and said.manager
    named = sentence_names.without_introduction("saya" + " " * 4091 + "x", own=True)
    assert named is not None and not named.manager
    spaced = typed_answers.one_space("nama band ganti" + " " * 4000 + "jadi   Kalasenja.  Makasih")
    becomes = typed_answers._BECOMES.search(spaced)
    assert becomes is not None and becomes["value"] == "Kalasenja"
    assert typed_answers._BECOMES.search(typed_answers.one_space("saya" + " " * 4091)) is None
