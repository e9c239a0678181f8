"""check-content's checks of `ask:` phrasings (each can match, and only one entry) and of
`see_also:` (the entries offered under an answer)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.answers.text import content_words, stem, words
from bot.answers.verdict import ALTERNATIVES

if TYPE_CHECKING:
    from bot.content import Ask, Content, T


def problems(content: Content) -> list[str]:
    """A phrasing made only of common words can never match; one that says what another
    entry's phrasing or question says gives a question two answers."""
    entries = _entries(content, "faq.yaml: items[{}]", "programs.yaml: programs[{}]")
    found: list[str] = []
    owner: dict[frozenset[str], str] = {}
    for where, question, _ in entries:
        for text in (question.id, question.en):
            owner.setdefault(meaning(text), where)
    for where, _, ask in entries:
        for language, phrasings in _by_language(ask):
            for phrasing in phrasings:
                said = meaning(phrasing)
                place = f"{where}.ask.{language}: {phrasing!r}"
                if not said:
                    found.append(
                        f"{place} has only common words (kak, gimana, apa...), so it can never"
                        " match: name what it is about"
                    )
                elif owner.setdefault(said, where) != where:
                    other = owner[said].split(": ", 1)[1]
                    found.append(
                        f"{place} says what {other} says: a question would have two answers"
                    )
    return found


def see_also(content: Content) -> list[str]:
    """Each `see_also:` names another FAQ entry or program page that content has, once, and
    no more of them than are shown under an answer (ALTERNATIVES)."""
    found: list[str] = []
    pages = [
        (f"faq.yaml: items[{key}]", f"faq:{key}", item.see_also)
        for key, item in content.faq.items()
    ]
    pages += [
        (f"programs.yaml: programs[{key}]", f"program:{key}", page.see_also)
        for key, page in content.programs.items()
    ]
    for where, own, refs in pages:
        place = f"{where}.see_also"
        if len(refs) > ALTERNATIVES:
            found.append(f"{place}: {len(refs)} entries, but only {ALTERNATIVES} are shown")
        for at, ref in enumerate(refs):
            kind, _, key = ref.partition(":")
            if ref == own:
                found.append(f"{place}: {ref!r} is the entry itself")
            elif key not in (content.faq if kind == "faq" else content.programs):
                what = "FAQ entry" if kind == "faq" else "program page"
                found.append(f"{place}: no {what} {key!r}")
            elif ref in refs[:at]:
                found.append(f"{place}: {ref!r} is listed twice")
    return found


def _by_language(ask: Ask | None) -> Iterable[tuple[str, list[str]]]:
    if ask is not None:
        yield "id", ask.id
        yield "en", ask.en


def meaning(text: str) -> frozenset[str]:
    """What the matcher makes of a text: its stems, without common words."""
    return frozenset(stem(word) for word in content_words(words(text)))


def said_by(content: Content, text: str) -> set[str]:
    """The entries whose question, title or `ask:` phrasing says what a phrasing to teach
    says (the same stems): taught for another one, the question would have two answers."""
    return set(_owners(content).get(meaning(text), ()))


def _owners(content: Content) -> dict[frozenset[str], set[str]]:
    """What each entry's question, title and `ask:` phrasings say, and the entries saying it."""
    owners: dict[frozenset[str], set[str]] = {}
    for ref, question, ask in _entries(content, "faq:{}", "program:{}"):
        for said in (question.id, question.en, *(ask.all() if ask else [])):
            owners.setdefault(meaning(said), set()).add(ref)
    return owners


@dataclass(frozen=True, slots=True)
class TaughtClash:
    """A wording staff taught for `entry` that the content served now does not serve so:
    `other` says it too (a question would have two answers), or, None, the entry is gone."""

    entry: str
    text: str
    other: str | None


def taught_clashes(content: Content, taught: Iterable[tuple[str, str]]) -> list[TaughtClash]:
    """Taught wordings (entry, text) that content changed since they were taught clashes
    with: teaching refuses these, but an edit of content/ and /reload can make them."""
    owners = _owners(content)
    known = {ref for ref, _, _ in _entries(content, "faq:{}", "program:{}")}
    found: list[TaughtClash] = []
    for ref, text in taught:
        if ref not in known:
            found.append(TaughtClash(ref, text, None))
            continue
        others = owners.get(meaning(text), set()) - {ref}
        if others:
            found.append(TaughtClash(ref, text, min(others)))
    return found


def _entries(content: Content, faq: str, program: str) -> list[tuple[str, T, Ask | None]]:
    """Each FAQ entry and program page as (its name by `faq` or `program`, a format with
    the key, its question or title, its `ask:`)."""
    entries: list[tuple[str, T, Ask | None]] = [
        (faq.format(key), item.question, item.ask) for key, item in content.faq.items()
    ]
    entries += [
        (program.format(key), page.title, page.ask) for key, page in content.programs.items()
    ]
    return entries
