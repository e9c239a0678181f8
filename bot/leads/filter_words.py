"""The filter word staff probably meant when /leads or /export gets one it does not know.

Pure of Telegram: both parsers (bot/leads/lead_filters.py, bot/leads/export.py) put the word
they suggest on their FilterError, and `unknown_word_hint` says it in the staff member's
language, the same way for both commands.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.content import Content
from bot.texts import Text

# A word this short is one slip from many others ("sari" is two from "saya"): it gets one
# typo, a longer word two.
SHORT_WORD = 4


def stage_names(content: Content) -> list[str]:
    """The words a stage can be typed as: its key and its labels in both languages."""
    names: list[str] = []
    for key, stage in content.stages.items():
        names += [key, stage.label.id.casefold(), stage.label.en.casefold()]
    return list(dict.fromkeys(names))


def meant(typed: str, known: Iterable[str]) -> str | None:
    """The known word one or two typos (an edit or a swap of two letters) from what was
    typed, the first of the closest; None when none is that close, or when it is known."""
    word = typed.casefold()
    words = list(known)
    if word in words:
        return None
    limit = 1 if len(word) <= SHORT_WORD else 2
    if len(word) <= SHORT_WORD:  # "Maya" is a name more likely than a slip for "saya"
        words = [known_word for known_word in words if known_word[:1] == word[:1]]
    found = process.extractOne(word, words, scorer=OSA.distance, score_cutoff=limit)
    return None if found is None else str(found[0])


def unknown_word_hint(
    content: Content,
    language: str,
    typed: str,
    suggestion: str | None,
    *,
    by_name: bool = False,
) -> str:
    """The lines after "I don't know “X”": the filter word meant, if one is close; and with
    `by_name`, that a person is found by name or reference with /lead (a name may be one slip
    from a filter word: "Mina" and "mine")."""
    lines = []
    if suggestion is not None:
        lines.append(content.text(Text.FILTER_MEANT, language, word=suggestion))
    if by_name:
        lines.append(content.text(Text.LEADS_BY_NAME, language, words=typed))
    return "\n".join(lines)
