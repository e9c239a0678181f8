"""Choices a /reload removed from the form while stored answers still hold them.

Staff are told at the reload how many leads and drafts hold each one; a draft lets go of
them at the talent's next press, with a word; staff read a stored one as an old choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.content import Content, Question, T
from bot.leads.answer_outcomes import NONE_YET

CHOICE_TYPES = frozenset({"single_choice", "multi_choice"})


@dataclass(frozen=True, slots=True)
class Retired:
    """A choice the new content no longer offers, and how many stored forms hold it."""

    question: str
    value: str
    label: str  # in the previous content, in the staff member's language
    leads: int
    drafts: int


def offered(question: Question) -> frozenset[str] | None:
    """The values a choice question lists in content/ (None: not such a question, or one
    whose choices come from elsewhere, the programs)."""
    if question.type not in CHOICE_TYPES or question.choices_from is not None:
        return None
    return frozenset(choice.value for choice in question.choices or [])


def removed(before: Content, after: Content) -> dict[str, list[str]]:
    """The choices each question of both contents offered before and no longer does."""
    gone: dict[str, list[str]] = {}
    for key, old in before.questions.items():
        new = after.questions.get(key)
        was, now = offered(old), None if new is None else offered(new)
        if was is None or now is None:
            continue
        values = [choice.value for choice in old.choices or [] if choice.value not in now]
        if values:
            gone[key] = values
    return gone


def labels(before: Content, after: Content) -> dict[tuple[str, str], T]:
    """The last labels of the choices `after` does not offer: those `before` offered, and
    those it already knew as removed (a choice offered again is no longer among them)."""
    known = dict(before.retired)
    for key, values in removed(before, after).items():
        for choice in before.questions[key].choices or []:
            if choice.value in values:
                known[key, choice.value] = choice.label
    kept = {}
    for (key, value), label in known.items():
        question = after.questions.get(key)
        now = None if question is None else offered(question)
        if now is not None and value not in now:
            kept[key, value] = label
    return kept


def said(content: Content, key: str, value: str) -> T | str:
    """A let-go choice as its talent knew it: its last label, or as stored if this process
    never served it (a restart since the reload)."""
    return content.retired.get((key, value), value)


def held(content: Content, key: str, value: Any) -> tuple[Any, list[str]]:
    """An answer without the choices content no longer offers, and those it dropped."""
    question = content.questions.get(key)
    values = None if question is None else offered(question)
    if values is None or value is None:
        return value, []
    items = value if isinstance(value, list) else [value]
    if question is not None and question.none_label is not None:
        values |= {NONE_YET}  # "belum ada", offered as typed words
    dropped = [str(item) for item in items if str(item) not in values]
    if not dropped:
        return value, []
    if not isinstance(value, list):
        return None, dropped
    return [item for item in value if str(item) in values], dropped
