"""Talents' unanswered questions as staff see them in statistics: masked, and harmless.

A free question the bot could not answer is kept as a summary (bot/answers/text.py) without
control characters, with e-mail addresses (also the "(at)" forms), numbers, handles and links
masked; `kocca-bot stats` prints the report with any control code left shown escaped, as
`kocca-bot chat` and `kocca-bot audit` do, so a talent cannot clear the operator's screen,
retitle the window or write OSC 8/52 sequences.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers.text import masked_again, summary
from tests.harness import Harness
from tests.processes import clean_env, run_cli

ESCAPES = "\x1b]0;PWNED\x07\x1b[2J"


@pytest.mark.parametrize(
    ("asked", "kept"),
    [
        ("email aku sari (at) gmail.com ya", "email aku <email> ya"),
        ("kirim ke sari[at]gmail[dot]co[dot]id", "kirim ke <email>"),
        ("tulis ke sari at gmail dot com dong", "tulis ke <email> dong"),
        ("email aku sari @ gmail.com ya", "email aku <email> ya"),
        ("sari @gmail.com atau sari@ gmail.co.id", "<email> atau <email>"),
        ("follow ig @ sari_music ya", "follow ig <handle> ya"),  # no address: a handle
        # The full stop after an address stays outside it; dots and "@" however written.
        ("Email saya sari.putri @ gmail.com.", "Email saya <email>."),
        ("kirim ke sari (at) gmail.co.id. makasih", "kirim ke <email>. makasih"),
        ("sari.putri @ gmail . com", "<email>"),
        ("sari.putri (@) gmail.com atau sari[@]gmail.com", "<email> atau <email>"),
        ("sari.putri(at)gmail(.)com", "<email>"),
        ("wa 0812:3456:7890 atau 0812\u22123456\u22127890", "wa <number> atau <number>"),
        ("0812 | 3456 | 7890 atau 0812*3456*7890", "<number> atau <number>"),
        ("tahun 2026. daftar 1, 2, 3 ya", "tahun 2026. daftar 1, 2, 3 ya"),  # no number to hide
        ("sari.dewi@gmail.com atau 0812-3456-7801", "<email> atau <number>"),
        ("kumpul at jakarta jam 10.30?", "kumpul at jakarta jam 10.30?"),  # no address
        (f"{ESCAPES}kapan\x00 daftar\u202e?", "]0;PWNED[2Jkapan daftar?"),
        # From the attacker review: wider gaps, words between the groups, digits NFKC keeps
        # as symbols; addresses with a loose dot, none, "(a)", "<at>", or Indonesian "di".
        ("wa aku 0812 -- 3456 -- 7890", "wa aku <number>"),
        ("wa 0812....3456 atau nanti malam 0812 / / 3456", "wa <number> atau nanti malam <number>"),
        ("wa 0812x3456x7890", "wa <number>"),
        ("wa 0812 dan 3456 dan 7890 ya", "wa <number> ya"),
        ("wa ⓿❽❶❷❸❹❺❻❼❽❾⓿", "wa <number>"),
        ("email sari.dewi at gmail .com", "email <email>"),
        ("email sari.dewi di gmail.com", "email <email>"),
        ("sari at gmail. com atau sari at gmail,com", "<email> atau <email>"),
        ("sari at gmail com, sari (a) gmail.com", "<email>, <email>"),
        ("sari <at> gmail <dot> com", "<email>"),
        ("tulis ke sari @ gmail aja", "tulis ke <email> aja"),
        # Session 38's attacker: the name before "at" written out with "dot" too.
        ("email: sari dot dewi at gmail dot com", "email: <email>"),
        ("budi (dot) s at yahoo dot co dot id ya", "<email> ya"),
        # Not addresses or numbers: kept as the talent wrote them.
        ("aku di gmail ga dapet email", "aku di gmail ga dapet email"),
        ("meet at lobby. thanks", "meet at lobby. thanks"),
        ("umur 17 tahun, lulus 2024", "umur 17 tahun, lulus 2024"),
    ],
)
def test_a_summary_masks_addresses_and_drops_control_characters(asked: str, kept: str) -> None:
    assert summary(asked) == kept
    assert masked_again(kept) == kept  # /stats masks stored summaries again: nothing changes


def test_a_long_summary_masked_again_keeps_its_one_cut() -> None:
    long = summary(f"boleh tanya... {'kak ' * 40}?")
    assert long.endswith("…") and len(long) <= 80
    assert masked_again(long) == long  # not "….", nor "...…" from the talent's own dots


async def test_stats_shows_terminal_codes_escaped(bot: Harness, tmp_path: Path) -> None:
    talent = bot.emulator.user(7001, first_name="Rina")
    await bot.send(talent, f"{ESCAPES} xyzzy plugh qwerty")
    env = clean_env(tmp_path, DATABASE_PATH=str(bot.database))
    code, out, err = await run_cli(tmp_path, env, "stats")
    assert code == 0, err
    assert "xyzzy plugh qwerty" in out  # the question is listed among the unanswered
    assert "\x1b" not in out and "\x07" not in out, repr(out[-200:])


LEAKS = [
    "xyzzy plugh wa aku 0812 -- 3456 -- 7890",
    "xyzzy plugh wa aku 0812 ... 3456 ... 7890",
    "xyzzy plugh email sari.dewi at gmail .com",
    "xyzzy plugh email sari.dewi di gmail.com",
    "xyzzy plugh wa ⓿❽❶❷❸❹❺❻❼❽❾⓿",
]


async def test_numbers_and_addresses_written_to_dodge_the_mask_stay_out_of_stats(
    bot: Harness, tmp_path: Path
) -> None:
    for number, text in enumerate(LEAKS):
        await bot.send(bot.emulator.user(7100 + number, first_name="Rina"), text)
    env = clean_env(tmp_path, DATABASE_PATH=str(bot.database))
    code, out, err = await run_cli(tmp_path, env, "stats")
    assert code == 0, err
    assert "xyzzy plugh wa aku <number>" in out and "xyzzy plugh email <email>" in out
    for needle in ("3456", "7890", "gmail", "sari.dewi", "❶❷❸"):
        assert needle not in out, needle
