"""check-content refuses what YAML and the lookups by key would silently drop (a staff review
s64, M2 and L10): an entry of a keyed list whose key repeats another's, a key written twice in
one mapping, and an `ask:` phrasing under the other language.

Joon-ho, who edits content/, copies the FAQ entry above as a template and forgets to rename
its key: before, check-content said "valid … 27 FAQ entries" and the copy replaced the original
entry, its answer and its twenty phrasings, in /faq and in matching."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from bot.content import load_content
from tests.leads import edit_content
from tests.test_foundation import _kocca_bot_here


def check_content(tmp_path: Path, folder: Path) -> tuple[int, str, str]:
    return _kocca_bot_here(tmp_path, "check-content", "--content-dir", str(folder))


def copied_below(items: list[Any], at: int, **changes: Any) -> None:
    """The entry at `at` copied below it, as a template, with some fields changed."""
    template = copy.deepcopy(items[at])
    template.update(changes)
    items.insert(at + 1, template)


def test_an_faq_entry_copied_with_its_key_unchanged_is_refused_naming_the_key(
    content_folder: Path, tmp_path: Path
) -> None:
    def faq(data: Any) -> None:
        question = {"id": "Ada audisi offline?", "en": "Are there offline auditions?"}
        copied_below(data["items"], 0, question=question)

    edit_content(content_folder, "faq.yaml", faq)
    code, out, err = check_content(tmp_path, content_folder)
    assert code != 0 and "is valid" not in out
    assert "faq.yaml: items: Value error, FAQ keys must be unique: what_is_kocca used twice" in err


@pytest.mark.parametrize(
    ("name", "items", "where", "said"),
    [
        ("programs.yaml", "programs", "programs", "program keys must be unique: {} used twice"),
        ("programs.yaml", "sections", "sections", "section keys must be unique: {} used twice"),
        ("intake.yaml", "provinces", "provinces", "province values must be unique: {} used twice"),
    ],
)
def test_any_keyed_list_with_a_key_twice_is_refused(
    content_folder: Path, tmp_path: Path, name: str, items: str, where: str, said: str
) -> None:
    """Programs, sections and provinces become lookups by key too: a second one with the same
    key would have replaced the first one."""
    key = ""

    def change(data: Any) -> None:
        nonlocal key
        entry = data[items][0]
        key = entry.get("key") or entry["value"]
        copied_below(data[items], 0)

    edit_content(content_folder, name, change)
    code, out, err = check_content(tmp_path, content_folder)
    assert code != 0 and "is valid" not in out
    assert f"{name}: {where}: Value error, {said.format(key)}" in err


def test_a_key_written_twice_in_one_mapping_is_refused_with_its_line(
    content_folder: Path, tmp_path: Path
) -> None:
    """YAML keeps the last of two `en:` lines: the first text would be lost without a word."""
    path = content_folder / "faq.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index('      en: "What is KOCCA?"')
    lines.insert(at + 1, '      en: "KOCCA?"')
    path.write_text("\n".join(lines), encoding="utf-8")
    code, out, err = check_content(tmp_path, content_folder)
    assert code != 0 and "is valid" not in out
    assert f"faq.yaml line {at + 2}: 'en' is written twice here (only the last would count)" in err


def test_an_english_phrasing_under_id_is_refused_and_a_mixed_one_is_kept(
    content_folder: Path, tmp_path: Path
) -> None:
    """The bot tells the languages apart by their small words (a talent's language switch):
    check-content reads each phrasing so. A phrasing mixing both, as talents write, stays."""

    def faq(data: Any) -> None:
        ask = data["items"][0]["ask"]
        ask["id"].append("can I bring my own instrument to korea")
        ask["en"].append("apakah kocca itu agensi k-pop")

    edit_content(content_folder, "faq.yaml", faq)
    code, out, err = check_content(tmp_path, content_folder)
    assert code != 0 and "is valid" not in out
    assert (
        "faq.yaml: items[what_is_kocca].ask.id: 'can I bring my own instrument to korea' is"
        " written in English: move it under en:"
    ) in err
    assert (
        "faq.yaml: items[what_is_kocca].ask.en: 'apakah kocca itu agensi k-pop' is written in"
        " Indonesian: move it under id:"
    ) in err

    def mixed(data: Any) -> None:
        ask = data["items"][0]["ask"]
        ask["id"].remove("can I bring my own instrument to korea")
        ask["en"].remove("apakah kocca itu agensi k-pop")
        ask["id"].append("kak can I join kocca ini")

    edit_content(content_folder, "faq.yaml", mixed)
    ask = load_content(content_folder).faq["what_is_kocca"].ask
    assert ask is not None and "kak can I join kocca ini" in ask.id
