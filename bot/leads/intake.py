"""The questionnaire engine: which question comes next, and whether an answer is valid.

Pure functions over content and answers; no I/O, no Telegram.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote_plus, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from bot.content import Content, Question, T
from bot.parsing import numbers_in_words
from bot.terminal_text import without_controls
from bot.texts import Text

if TYPE_CHECKING:
    import phonenumbers

PHONE_REGION = "ID"  # numbers written without a country code are Indonesian
NONE_YET = "none_yet"  # stored for an answer in a question's none_answers ("belum ada")
_AMOUNT = r"([+-]?\d+(?:[.,]\d+)?)"
# "tahunan", "thn an", "taonan": about that many years ("2 tahunan" was "write a number only" in a
# talents' review); "bulanan" has no unit of years and stays refused.
_YEARS_UNIT = r"\s*(?:tahun|taun|taon|thn|th|years?|yrs?)(?:\s?an)?\.?"
# A number typed with its unit or without ("7 tahun", "3 years"): the number is the answer.
_NUMBER = re.compile(rf"{_AMOUNT}(?:{_YEARS_UNIT})?", re.I)
# A number of years among words ("udah 4 thn an", "around 6 years"): with its unit, so that
# "6 bulan", "umur 25" or "50 lagu" are not taken for years; not inside another number.
_NUMBER_IN = re.compile(rf"(?<![\w.,+-]){_AMOUNT}{_YEARS_UNIT}(?![\w.,-]*\d)(?![^\W\d_])", re.I)
# The year a talent started, as an answer to how many years ("sejak 2019", "since 2019", "dari
# tahun 2019": "write a number only" in a talents' review): the years from then to this year
# in Jakarta. Only with the one year in the message ("dari 2019 sampai 2022" says more).
_SINCE_YEAR = re.compile(
    r"\b(?:sejak|semenjak|since|mulai|dari|dr)\s+(?:(?:tahun|taun|taon|thn|th)\.?\s*)?((?:19|20)\d\d)\b",
    re.I,
)
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
JAKARTA = ZoneInfo("Asia/Jakarta")
PROVINCE_PAGE_SIZE = 8
MATCHES_SHOWN = 12  # provinces matching what was typed: all of an island's (Sumatra has 10)

Answers = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Accepted:
    """A valid answer, normalised for storage. With `city`, a province typed with one of its
    cities ("Kupang, NTT"): the city as content/ spells it, to keep as the city's answer."""

    value: Any
    city: str | None = None
    named: bool = False  # a choice named in a sentence ("grup rebana"), not pressed or its label
    more: tuple[str, ...] = ()  # the other links of a message with several, at a link question
    besides: str | None = None  # what a choice named in a sentence was said with ("dancer")


@dataclass(frozen=True, slots=True)
class Rejected:
    """An invalid answer: the message to explain it, with its values."""

    reason: Text
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Matches:
    """Several provinces match what the talent typed: let them pick one. With `city`, the
    talent typed that city (as content/ spells it) and `values` is its province, to confirm."""

    values: list[str]
    city: str | None = None
    guessed: bool = False  # a typo's province ("Jawa Tenggah"): "did you mean …?"


Outcome = Accepted | Rejected | Matches


def is_visible(question: Question, answers: Answers) -> bool:
    """Whether a question applies, given the earlier answers and its `when` conditions."""
    return _holds(question.when or {}, answers)


def help_for(question: Question, answers: Answers) -> T | None:
    """The question's help for this talent: the first variant their answers match, else the
    general one."""
    for variant in question.help_variants:
        if _holds(variant.when, answers):
            return variant.text
    return question.help


def _holds(when: dict[str, list[str]], answers: Answers) -> bool:
    """Whether every condition has an answer among its allowed values."""
    for key, allowed in when.items():
        answer = answers.get(key)
        given = set(answer) if isinstance(answer, list) else {answer}
        if not given & set(allowed):
            return False
    return True


def visible_questions(content: Content, answers: Answers) -> list[Question]:
    """The questions that apply to this talent, in order."""
    return [question for question in content.intake.questions if is_visible(question, answers)]


def expected_questions(content: Content, answers: Answers) -> list[Question]:
    """The questions this talent will likely see, as counted: an unanswered choice that
    decides what is asked counts as its first option, and a "which one?" asked after a
    choice ("Lainnya") is part of its question, so "question 1 of N" keeps N steady along the
    way (a talents' review: "5 of 17", then "6 of 18" after "Lainnya", read as an error)."""
    assumed = dict(answers)
    for question in content.intake.questions:
        for key in question.when or {}:
            if key not in assumed and content.questions[key].choices:
                first = (content.questions[key].choices or [])[0].value
                assumed[key] = [first] if content.questions[key].type == "multi_choice" else first
    return [
        question
        for question in visible_questions(content, assumed)
        if follow_up_of(content, question) is None
    ]


def follow_up_of(content: Content, question: Question) -> Question | None:
    """The choice question this one is the "which one?" of, asked right after it
    (other_follow_up), or None: not the stage name, asked only of musicians."""
    questions = content.intake.questions
    index = next((i for i, item in enumerate(questions) if item.key == question.key), 0)
    if index == 0:
        return None
    parent = questions[index - 1]
    other = other_follow_up(parent, content)
    return parent if other is not None and other[2].key == question.key else None


def next_question(content: Content, answers: Answers) -> Question | None:
    """The first applicable question without an answer (a skip counts as an answer)."""
    for question in visible_questions(content, answers):
        if question.key not in answers:
            return question
    return None


def previous_question(content: Content, answers: Answers, current: str | None) -> Question | None:
    """The applicable question before `current` (or the last one, from the review)."""
    questions = visible_questions(content, answers)
    keys = [question.key for question in questions]
    if current is None or current not in keys:
        return questions[-1] if questions else None
    index = keys.index(current)
    return questions[index - 1] if index > 0 else None


def question_after(content: Content, answers: Answers, current: str) -> Question | None:
    """The applicable question after `current` (None after the last one)."""
    keys = [question.key for question in visible_questions(content, answers)]
    if current not in keys:
        return None
    index = keys.index(current)
    questions = visible_questions(content, answers)
    return questions[index + 1] if index + 1 < len(questions) else None


def obsolete_answers(content: Content, answers: Answers) -> tuple[str, ...]:
    """Answers to questions that no longer apply (the sector changed, say)."""
    visible = {question.key for question in visible_questions(content, answers)}
    return tuple(key for key in answers if key not in visible)


def other_field_programs(content: Content, answers: Answers) -> tuple[str, ...]:
    """The programs answer, when it names a program of the other field (the field changed
    from film to music): asked again among the field's own. A program no longer on offer
    stays (it was the talent's choice; staff read it)."""
    sector = answers.get("sector")
    found = []
    for question in content.intake.questions:
        value = answers.get(question.key)
        if question.choices_from != "programs" or not isinstance(value, list):
            continue
        sections = {content.programs[key].section for key in value if key in content.programs}
        if isinstance(sector, str) and sections - {sector}:
            found.append(question.key)
    return tuple(found)


def choices(question: Question, content: Content, answers: Answers) -> list[tuple[str, T]]:
    """The (value, label) pairs a choice question offers this talent."""
    if question.choices_from == "programs":
        sector = answers.get("sector")
        section = sector if isinstance(sector, str) else None
        return [
            (program.key, program.choice_label) for program in content.interest_programs(section)
        ]
    return [(choice.value, choice.label) for choice in question.choices or []]


def follow_ups(content: Content, key: str) -> list[Question]:
    """The "which one?" questions asked only after a choice of this one ("Lainnya" at the
    role): optional short texts whose `when` names this question alone."""
    return [
        question
        for question in content.intake.questions
        if set(question.when or {}) == {key}
        and question.type == "short_text"
        and not question.required
    ]


def other_follow_up(question: Question, content: Content) -> tuple[str, T, Question] | None:
    """The "Lainnya" of a choice question: the choice (value, label) whose "which one?" is
    asked right after this question, and that question. Not "Musik" at the field, though the
    stage name is asked only of musicians: that is no "which one?" of it."""
    questions = content.intake.questions
    keys = [item.key for item in questions]
    if question.key not in keys or keys.index(question.key) + 1 >= len(keys):
        return None
    later = questions[keys.index(question.key) + 1]
    if later.key not in {item.key for item in follow_ups(content, question.key)}:
        return None
    values = (later.when or {})[question.key]
    for choice in question.choices or []:
        if len(values) == 1 and choice.value == values[0]:
            return choice.value, choice.label, later
    return None


def use_buttons(question: Question, content: Content) -> Rejected:
    """Typed text no choice fits: press a button (at a multiple choice, one or more, then
    Done), or, where the form asks "which one?" after a choice such as "Lainnya", press that
    one and type it there ("pelatih vokal" typed at the role question)."""
    multi = question.type == "multi_choice"
    other = other_follow_up(question, content)
    if other is not None:
        key = Text.INTAKE_USE_BUTTONS_MULTI_OR_OTHER if multi else Text.INTAKE_USE_BUTTONS_OR_OTHER
        return Rejected(key, {"other": other[1]})
    return Rejected(Text.INTAKE_USE_BUTTONS_MULTI if multi else Text.INTAKE_USE_BUTTONS)


# Words that turn a choice named in a sentence around ("bukan band", "selain pop", "not
# pop"): no choice is taken from such a text, the talent presses the button.
_DENIALS = frozenset(
    # Indonesian and regional "not", "don't", "without", "other than".
    "bukan bkn tidak tdk tak gak ga gk nggak ngga enggak engga ndak kagak ora dudu belum jangan"  # noqa: SIM905 -- a word list reads best as words
    " jgn tanpa selain kecuali"
    # English, with "don't" folded to "don t".
    " not no non except without never dont don doesn didn isn aren wasn nor"
    # What the talent was, or looks for, rather than is ("dulu band", "lagi cari band": an
    # attacker's review).
    " dulu mantan bekas bubar cari nyari mencari former ex looking".split()
)


def affirmed(text: str) -> str:
    """A text (folded) up to its first word of denial: "harusnya musik bukan film" says
    "musik"."""
    words = fold(without_controls(text)).split()
    cut = next((i for i, word in enumerate(words) if word in _DENIALS), len(words))
    return " ".join(words[:cut])


def choice_names(label: T, words: Sequence[str] = ()) -> set[str]:
    """What names a choice in a typed text (folded): its labels, each part of a label
    between slashes ("grup" of "Band/grup"), and its `words` ("rapper", "pianis")."""
    names = {fold(label.id), fold(label.en), *(fold(word) for word in words)}
    for text in (label.id, label.en):
        names.update(fold(part) for part in text.split("/"))
    return {name for name in names if name}


def named_choices(
    question: Question, content: Content, answers: Answers, text: str, *, asked: bool = False
) -> list[str]:
    """The choices a typed text names as whole words ("grup rebana" names Band/grup), in the
    question's order. A name inside a longer name of another choice counts for the longer
    one ("k pop" is K-pop style, not Pop). Nothing from a text that asks ("penyanyi atau
    penulis lagu?") or denies ("bukan band"): pressing is surer than a wrong pick. `asked`:
    the choices a question names, to answer it ("cover kpop masuk pop ga?"), never taken."""
    if not asked and ("?" in text or "\uff1f" in text):
        return []
    tokens = fold(without_controls(_REDUPLICATED.sub(r"\1", text))).split()
    if not tokens or (not asked and not _DENIALS.isdisjoint(tokens)):
        return []
    offered, names = _names_of(question, content, answers)
    if asked:  # "bedanya solo sama grup", "drumer masuk yg mana": read loosely, never taken
        names = _loosely(names, tokens, programs=question.choices_from == "programs")
    kept = {value for _, _, value in _name_spans(offered, names, tokens)}
    return [value for value, _ in offered if value in kept]


# Words about picking among a question's buttons ("ga ada yang cocok kak", "Boleh dua-duanya
# nggak kak", "terserah tim kurasi aja", "Pilih yang manapun"): a text with one is about the
# question asked, not the rest of an answer before it.
_ABOUT_PICKING = frozenset(
    "pilih milih memilih pilihan pilihannya program programnya mana manapun cocok terserah"  # noqa: SIM905 -- a word list reads best as words
    " semua semuanya dua duanya keduanya both which choose pick".split()
)


def about_the_choices(question: Question, content: Content, answers: Answers, text: str) -> bool:
    """Whether a typed text is about the question's choices: has a word of one's name
    ("korea" in "mau ikut yang ke korea kak", not a word of any kind of thing) or of picking
    (_ABOUT_PICKING)."""
    tokens = set(fold(without_controls(text)).split())
    _, names = _names_of(question, content, answers)
    words = {word for said in names.values() for name in said for word in name.split()}
    # Not a field's word: "film pendek kami…" may well be the rest of the works before.
    named = {word for word in words if len(word) > _LOOSE_LENGTH} - _NOT_LOOSE - _FIELDS
    return not tokens.isdisjoint(_ABOUT_PICKING | named)


def _names_of(
    question: Question, content: Content, answers: Answers
) -> tuple[list[tuple[str, T]], dict[str, set[str]]]:
    """The choices offered, and what names each in a typed text (folded). A program is
    named by its page's title too ("BIFF Asian Project Market", a talents' review: only
    "BIFF APM", its button, was ticked)."""
    words: dict[str, Sequence[str]] = {
        choice.value: choice.words for choice in question.choices or []
    }
    if question.choices_from == "programs":
        words = {
            key: (page.title.id, page.title.en, *page.words)
            for key, page in content.programs.items()
        }
    offered = choices(question, content, answers)
    names = {value: choice_names(label, words.get(value, ())) for value, label in offered}
    # A name of several words also typed as one ("mucon" for MU:CON, "hiphop"): a talents'
    # review had "…sama mucon" answered about the other program only.
    joined = {value: {name.replace(" ", "") for name in said} for value, said in names.items()}
    return offered, {value: said | joined[value] for value, said in names.items()}


def _name_spans(
    offered: list[tuple[str, T]], names: dict[str, set[str]], tokens: Sequence[str]
) -> list[tuple[int, int, str]]:
    """Where the choices' names stand in the tokens (first word, past its last, choice); a
    name inside a longer name of another choice counts for the longer one."""
    found: list[tuple[int, int, str]] = []  # where a name stands: first word, past its last
    for value, _ in offered:
        for name in names[value]:
            size = len(name.split())
            found += [
                (start, start + size, value)
                for start in range(len(tokens) - size + 1)
                if all(map(_word_form, tokens[start : start + size], name.split()))
            ]
    return [
        (start, end, value)
        for start, end, value in found
        if not any(
            other != value and low <= start and end <= high and high - low > end - start
            for low, high, other in found
        )
    ]


# A word said twice for many ("film-film", "lagu2"): the word, as a choice is named.
_REDUPLICATED = re.compile(r"\b([^\W\d_]{3,})(?:-\1|2)\b", re.I)
_PLURAL_FROM = 3  # a name's word this long may be typed as a plural ("films", "documentaries")


def _word_form(token: str, word: str) -> bool:
    """Whether a typed word (folded) is a word of a choice's name or its English plural
    ("documentaries" of "documentary", "films": a talents' review had "Feature films and
    documentaries" told to type "Documentaries" under Other)."""
    if token == word:
        return True
    if len(word) < _PLURAL_FROM or not word.isalpha() or not token.startswith(word[:-1]):
        return False
    return token in (f"{word}s", f"{word}es") or (word[-1] == "y" and token == f"{word[:-1]}ies")


def _only_names(
    question: Question, content: Content, answers: Answers, tokens: Sequence[str]
) -> list[str]:
    """The choices folded tokens name, in the question's order, if nothing else is in them
    but _AROUND_NAMES ("mucon kak", "film dan musik"); [] otherwise."""
    offered, names = _names_of(question, content, answers)
    spans = _name_spans(offered, names, tokens)
    covered = {index for start, end, _ in spans for index in range(start, end)}
    rest = {token for index, token in enumerate(tokens) if index not in covered}
    if not spans or not rest <= _AROUND_NAMES:
        return []
    kept = {value for _, _, value in spans}
    return [value for value, _ in offered if value in kept]


# Where the items of a typed list part ("Indonesia, jawa, inggris dikit2", "house sm hiphop").
# "&", "/" and "+" only between spaces: inside a word they are part of it ("R&B": a second
# attacker's review had "R, B" said as not ticked).
_ITEMS = re.compile(
    r"[,;\n]|(?<!\w)[/&+]|[/&+](?!\w)|\b(?:dan|sama|sm|and|serta|plus|juga|jg|atau|or)\b", re.I
)
# Words around an item that are not the item ("inggris dikit2", "bahasa jawa", "kadang jazz").
_AROUND_ITEM = frozenset(
    "dikit dikit2 sedikit kadang kadang2 bahasa lancar fasih bisa dll dst etc genre musik"  # noqa: SIM905 -- a word list reads best as words
    " lagu aliran banget aktif pasif basic dasar native little fluent some bit lah"
    # Of a sentence around the item, not an item ("Inggris, tapi cuma sedikit", "walau hanya
    # sedikit"; an attacker's review had "Tapi cuma" offered as a language to add).
    " tapi tp tetapi walau walaupun meski meskipun cuma cuman hanya doang only just but".split()
)
_ITEM_WORDS_AT_MOST = 3  # more is a sentence, not an item to tick


def list_items(text: str) -> list[str]:
    """The items of a typed list, as typed (_ITEMS parts them)."""
    return _ITEMS.split(without_controls(text))


def unnamed_items(question: Question, content: Content, answers: Answers, text: str) -> list[str]:
    """The items of a typed list that name no choice ("jawa" of "Indonesia, jawa, inggris
    dikit2"), as typed, without the words around them; a long part is no item."""
    left = []
    for part in list_items(text):
        if named_choices(question, content, answers, part):
            continue
        words = [word for word in part.split() if fold(word) not in _AROUND_ITEM_ALL]
        if words and len(words) <= _ITEM_WORDS_AT_MOST:
            item = " ".join(words).strip(".!")
            left.append(item[:1].upper() + item[1:] if item.islower() else item)
    return left


# A word of a label a question may name its choice by ("solo" of "Penyanyi/artis solo"), if no
# other choice has it and it is no word of any kind of thing ("gaya" of "Gaya K-pop").
_LOOSE_LENGTH = 3
_NOT_LOOSE = frozenset({"gaya", "style", "atas", "older", "lain", "lainnya", "other", "musik"})
# At the programs, a field's or a place's words name no one program ("program musik mana",
# "yang ke korea mana" ask about all of them).
_FIELDS = frozenset({"music", "musisi", "film", "talent"})
_NOT_LOOSE_PROGRAMS = _NOT_LOOSE | _FIELDS | {"korea"}
# A typed word one typo from a choice's one-word name ("drumer" for "drummer"), from this long.
_TYPO_LENGTH = 5


def _loosely(
    names: dict[str, set[str]], tokens: Sequence[str], *, programs: bool = False
) -> dict[str, set[str]]:
    """The choices' names with the single words of their names that only one choice has
    ("solo", "artis"), and a typed word one typo (same first letter) from such a word."""
    never = _NOT_LOOSE_PROGRAMS if programs else _NOT_LOOSE
    single: dict[str, set[str]] = {}
    for value, said in names.items():
        for name in said:
            for word in name.split():
                single.setdefault(word, set()).add(value)
    own = {
        word: next(iter(values))
        for word, values in single.items()
        if len(values) == 1
        and len(word) >= _LOOSE_LENGTH
        and word not in never
        and not any(letter.isdigit() for letter in word)
    }
    loose = {value: set(said) for value, said in names.items()}
    for word, value in own.items():
        loose[value].add(word)
    for token in set(tokens) - set(single):
        if len(token) < _TYPO_LENGTH or token in never:
            continue
        near = {
            value
            for word, value in own.items()
            if len(word) >= _TYPO_LENGTH
            and word[0] == token[0]
            and OSA.distance(token, word, score_cutoff=1) <= 1
        }
        if len(near) == 1:
            loose[near.pop()].add(token)
    return loose


def needs_guardian(question: Question, value: Any) -> bool:
    """Whether this answer means the talent is a minor who needs a guardian's consent."""
    return any(choice.guardian and choice.value == value for choice in question.choices or [])


def minor(content: Content, answers: Answers) -> bool:
    """Whether the answers say the talent is under 18 (an age that needs a guardian's
    consent), as answered or as staff corrected it."""
    return any(
        needs_guardian(question, answers[question.key])
        for question in content.questions.values()
        if question.key in answers
    )


def check_choice(
    question: Question, content: Content, answers: Answers, value: str
) -> Accepted | Rejected:
    """A button press on a single-choice or province question."""
    if question.type == "province":
        return Accepted(value) if value in content.provinces else Rejected(Text.INTAKE_USE_BUTTONS)
    allowed = {key for key, _ in choices(question, content, answers)}
    return Accepted(value) if value in allowed else Rejected(Text.INTAKE_USE_BUTTONS)


def check_selection(question: Question, selection: Sequence[str]) -> Rejected | None:
    """Whether a multiple-choice selection may be confirmed."""
    low = question.min_choices if question.min_choices is not None else int(question.required)
    if len(selection) < low:
        return Rejected(Text.INTAKE_TOO_FEW_CHOICES, {"min": low})
    if question.max_choices is not None and len(selection) > question.max_choices:
        return Rejected(Text.INTAKE_TOO_MANY_CHOICES, {"max": question.max_choices})
    return None


def check_added(question: Question, selection: Sequence[str]) -> Rejected | None:
    """A choice pressed past the question's maximum is refused at once."""
    if question.max_choices is not None and len(selection) > question.max_choices:
        return Rejected(Text.INTAKE_TOO_MANY_CHOICES, {"max": question.max_choices})
    return None


def toggle(selection: Sequence[str], value: str) -> list[str]:
    """The selection with a value added or removed."""
    return (
        [item for item in selection if item != value]
        if value in selection
        else [
            *selection,
            value,
        ]
    )


# Words joining a second thing to the choice named ("Aku penyanyi sama dancer").
_AND = frozenset("sama dan and plus serta juga jg n".split())  # noqa: SIM905 -- a word list reads best as words
_BESIDES_WORDS_AT_MOST = 2  # a role or two words of one, not a sentence
# Who a talent works with, not what they are ("band aku sama temen2").
_WITH_PEOPLE = frozenset(
    "teman temen teman2 temen2 kawan kawan2 friend friends mereka dia pacar istri suami keluarga"  # noqa: SIM905 -- a word list reads best as words
    " adik kakak abang".split()
)


def named_besides(question: Question, content: Content, answers: Answers, text: str) -> str | None:
    """What a typed answer joins with "sama"/"dan" to the one choice it names, that no choice
    names ("Aku penyanyi sama dancer", a talents' review: "dancer" dropped without a word),
    to be said with where it can go; None if nothing, or more than a word or two."""
    parts: list[list[str]] = [[]]
    for word in fold(without_controls(text).replace("&", " dan ").replace("+", " dan ")).split():
        if word in _AND:
            parts.append([])
        elif word not in CHAT_WORDS:
            parts[-1].append(word)
    said = [" ".join(part) for part in parts[1:] if part]
    if len(said) != 1 or len(said[0].split()) > _BESIDES_WORDS_AT_MOST:
        return None
    if not _WITH_PEOPLE.isdisjoint(said[0].split()):
        return None
    return None if named_choices(question, content, answers, said[0]) else said[0]


def check_text(question: Question, content: Content, answers: Answers, text: str) -> Outcome:
    """A typed answer: validate and normalise it for the question's type (no control
    characters: only long answers keep their line breaks)."""
    text = without_controls(text, keep_newlines=question.type == "long_text").strip()
    if not text:
        return Rejected(Text.INTAKE_EMPTY)
    if question.none_answers and says_none_yet(question, text):
        return Accepted(NONE_YET)
    checker = _CHECKERS.get(question.type)
    if checker is not None:
        return checker(question, text)
    if question.type == "province":
        return _province_typed(content, text)
    # A choice question answered by typing a label instead of pressing its button.
    typed = fold(text)
    offered = choices(question, content, answers)
    for value, label in offered:
        if typed in (fold(label.id), fold(label.en), value):
            return Accepted([value] if question.type == "multi_choice" else value)
    if question.type == "single_choice":  # one answer: "musik kak", "band" say which
        words = set(typed.split()) - CHAT_WORDS
        fitting = [
            value
            for value, label in offered
            if words and any(words <= set(fold(name).split()) for name in (label.id, label.en))
        ]
        if len(fitting) == 1:
            return Accepted(fitting[0])
        named = named_choices(question, content, answers, text)  # "grup rebana", "pianis"
        other = other_follow_up(question, content)
        if len(named) == 1 and (other is None or named[0] != other[0]):
            # "Lainnya"'s words only stop a wrong pick.
            besides = named_besides(question, content, answers, text)
            return Accepted(named[0], named=True, besides=besides)
        picked = _by_number(question, typed)  # "umur aku 22"
        if picked is not None:
            return Accepted(picked)
    if question.type == "multi_choice":  # "bahasa indonesia dan inggris": both
        named = named_choices(question, content, answers, text)
        if named:
            return Accepted(named)
    return use_buttons(question, content)


def says_none_yet(question: Question, text: str) -> bool:
    """Whether a typed answer is one of the question's none_answers ("belum ada"), alone or
    followed by more ("Belum ada, nanti saya susulkan setelah bertanya kepada cucu saya", "not
    yet, will send later": a talents' review had it refused as "not a link"); never a text
    with a link or a handle in it, which is the answer."""
    typed = fold(text)
    nones = {fold(word) for word in question.none_answers}
    if typed in nones:
        return True
    if _HANDLE.search(text) or any(web_link(word.strip(AROUND_LINK)) for word in text.split()):
        return False
    return any(none and typed.startswith(f"{none} ") for none in nones)


_WHOLE_NUMBER = re.compile(r"(?<!\d)\d{1,3}(?!\d)")


def _by_number(question: Question, typed: str) -> str | None:
    """The choice whose `numbers` hold the one number typed, if exactly one does."""
    found = _WHOLE_NUMBER.findall(typed)
    if len(found) != 1:
        return None
    number = int(found[0])
    fitting = [
        choice.value
        for choice in question.choices or ()
        if choice.numbers is not None and choice.numbers[0] <= number <= choice.numbers[1]
    ]
    return fitting[0] if len(fitting) == 1 else None


def _check_plain(question: Question, text: str) -> Outcome:
    if question.type == "short_text":
        text = " ".join(text.split())
    if question.holds_links:  # a new staff member fixed "ig aku @rina.music" by hand
        if not any(_names_a_link(line) for line in text.split("\n")):
            # "udah masuk belum kang" was stored as a link in a talents' review.
            if fold(text.strip(AROUND_LINK)) in _NO_LINKS:
                return Accepted(None)  # "gak ada": as the Skip button
            return Rejected(Text.INTAKE_NO_LINK)
        text = "\n".join(_as_link(line) for line in text.split("\n"))
        text = untracked_in(text)
    limit = question.length_limit
    if len(text) > limit:
        return Rejected(Text.INTAKE_TOO_LONG, {"length": len(text), "limit": limit})
    return Accepted(text)


# An address among words ("Email saya ratna.keroncong@yahoo.co.id", "email ku x@gmail.com
# bang"): what stands around an "@" up to a space or the sentence's punctuation.
_ADDRESS_IN = re.compile(r"[^\s@<>()\[\],;:\"']+@[^\s@<>()\[\],;:\"']+")


def load_validators() -> None:
    """Import the email and phone checks' libraries now. A running bot calls this at start:
    otherwise their import (~70 ms) would hold up every talent's reply once, when the first
    talent types an address or a number. The read-only commands never import them."""
    for name in ("email_validator", "phonenumbers"):
        importlib.import_module(name)


def _check_email(question: Question, text: str) -> Outcome:
    # Imported here: the commands that only read answers (export, audit, stats) never need it.
    from email_validator import EmailNotValidError, validate_email

    # The one address of a sentence (a talents' review: "Email saya …" was "not right"); two
    # are asked about, not picked from.
    found = {match.group().rstrip(".!?").lower() for match in _ADDRESS_IN.finditer(text)}
    if len(found) > 1:
        return Rejected(Text.INTAKE_TWO_EMAILS)
    text = found.pop() if found else text
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return Rejected(Text.INTAKE_BAD_EMAIL)
    return Accepted(result.normalized.lower())


def _check_phone(question: Question, text: str) -> Outcome:
    import phonenumbers  # as email_validator above: only answers being checked need it

    # The numbers written in the text, each once ("Nomor WA saya 0813 2999 1234"): one among
    # words is the answer; two are asked about ("Nomor WhatsApp saya 0271-712345, kalau HP
    # 0813 2999 1234" was "not a number" in a talents' review). Parsing words whole could read
    # their letters as a keypad's digits.
    found = {
        phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        for match in phonenumbers.PhoneNumberMatcher(text, PHONE_REGION)
    }
    if len(found) > 1:
        return Rejected(Text.INTAKE_TWO_PHONES)
    if len(found) == 1 and any(c.isalpha() for c in text):
        return Accepted(found.pop())
    try:
        number = phonenumbers.parse(text, PHONE_REGION)
    except phonenumbers.NumberParseException:
        return Rejected(Text.INTAKE_BAD_PHONE)
    if text.lstrip().startswith("62"):
        # "62 21 7654 321" is Indonesia's code without its "+", not a national number that
        # begins 62 (which came out +6262…): read it with the "+" when that is a number.
        international = _parsed(f"+{text.lstrip()}")
        if international is not None and phonenumbers.is_valid_number(international):
            number = international
    if not phonenumbers.is_valid_number(number):
        return Rejected(Text.INTAKE_BAD_PHONE)
    return Accepted(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _parsed(text: str) -> phonenumbers.PhoneNumber | None:
    import phonenumbers

    try:
        return phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None


def _check_url(question: Question, text: str) -> Outcome:
    if len(text) > question.length_limit:
        return Rejected(Text.INTAKE_TOO_LONG, {"length": len(text), "limit": question.length_limit})
    link = web_link(text)
    if link is None and any(c.isspace() for c in text):
        # A link in a sentence ("yutub aku: youtube.com/@kopisenja"): the one link in it.
        found = {link for word in text.split() if (link := web_link(word.strip(AROUND_LINK)))}
        link = found.pop() if len(found) == 1 else None
    if link is None:
        link = _profile_link(text)
    return Rejected(Text.INTAKE_BAD_URL) if link is None else Accepted(link)


def _as_link(line: str) -> str:
    """A line of links as typed, or the profile link of the one handle it names."""
    if any(web_link(word.strip(AROUND_LINK)) for word in line.split()):
        return line
    return _profile_link(line) or line


# Where a line of "other links" names a profile without its address ("Spotify: Sari & The
# Monsoons"): staff can find it.
PLATFORMS = frozenset(
    "instagram ig insta tiktok tt youtube yt yutub spotify soundcloud bandcamp imdb letterboxd"  # noqa: SIM905 -- a word list reads best as words
    " vimeo facebook fb twitter threads behance linkedin deezer joox".split()
)
# "No other links" typed instead of the Skip button.
_NO_LINKS = frozenset(
    {
        "tidak ada",
        "gak ada",
        "ga ada",
        "nggak ada",
        "ngga ada",
        "belum ada",
        "tidak punya",
        "gak punya",
        "belum punya",
        "ga punya",
        "no",
        "none",
        "nope",
        "no links",
        "nothing",
    }
)


def _names_a_link(line: str) -> bool:
    """Whether a line holds a web address, an @handle, or a platform's name with a name after
    it ("Spotify: Sari & The Monsoons"; not "udah masuk belum kang ig", an attacker's review)."""
    if any(web_link(word.strip(AROUND_LINK)) for word in line.split()):
        return True
    if _HANDLE.search(line) is not None:
        return True
    folded = fold(line).split()
    return any(
        word in PLATFORMS and set(folded[index + 1 :]) - CHAT_WORDS - PLATFORMS
        for index, word in enumerate(folded)
    )


# A handle with the platform named ("tiktok aku @naddie.sings", "ig @sari.music"): the
# profile's link, as each platform writes it.
_PROFILES = {
    **dict.fromkeys(("tiktok", "tt"), "https://www.tiktok.com/@{}"),
    **dict.fromkeys(("instagram", "ig", "insta"), "https://www.instagram.com/{}"),
    **dict.fromkeys(("youtube", "yt", "yutub"), "https://www.youtube.com/@{}"),
}
_HANDLE = re.compile(r"@([A-Za-z0-9._]{1,30})")


def _profile_link(text: str) -> str | None:
    """The profile link of the one @handle in a text that names its one platform."""
    handles = {match.group(1).rstrip(".") for match in _HANDLE.finditer(text)}
    platforms = {_PROFILES[word] for word in fold(text).split() if word in _PROFILES}
    if len(handles) != 1 or len(platforms) != 1:
        return None
    return platforms.pop().format(handles.pop())


AROUND_LINK = ".,;:!?()[]<>\"'"  # punctuation of the sentence, not of the link


def web_link(text: str) -> str | None:
    """An http(s) link with a host name, "https://" added when it has no scheme, without its
    tracking parameters (`untracked`), or None."""
    if not text or any(c.isspace() for c in text):
        return None
    candidate = text if "://" in text else f"https://{text}"
    parts = urlsplit(candidate)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or "." not in host or "@" in parts.netloc:
        return None  # "@naddie.sings", "sari@gmail.com": a handle or an address, not a host
    if not host.rsplit(".", 1)[-1].isalpha():
        return None  # "1.5", "v2.0": a number, not a host
    return untracked(candidate)


# Parameters a link carries for whoever shared it, not for the page (a talents' review:
# "vimeo.com/812345678?utm_source=ig&utm_medium=bio&fbclid=…" reached staff so): dropped before
# a link is stored. `si` only where it is a share id (YouTube, Spotify).
TRACKING = frozenset({"fbclid", "gclid", "igshid", "igsh"})
SHARE_ID_HOSTS = ("youtube.com", "youtu.be", "spotify.com")


def _tracking(host: str, key: str, value: str) -> bool:
    key = key.lower()
    if key.startswith("utm_") or key in TRACKING:
        return True
    if key == "feature" and value.lower() == "share":
        return True
    shared = host == "youtu.be" or any(
        host == name or host.endswith(f".{name}") for name in SHARE_ID_HOSTS
    )
    return key == "si" and shared


def untracked(link: str) -> str:
    """A link without its tracking parameters (TRACKING, utm_*, feature=share, YouTube's and
    Spotify's si); every other parameter (YouTube's v= and t=) kept as written, in order,
    and the fragment. A link without a scheme stays without."""
    schemeless = "://" not in link
    parts = urlsplit(f"https://{link}" if schemeless else link)
    if not parts.query:
        return link
    host = (parts.hostname or "").lower()
    kept = [
        pair
        for pair in parts.query.split("&")
        if pair
        and not _tracking(
            host, unquote_plus(pair.partition("=")[0]), unquote_plus(pair.partition("=")[2])
        )
    ]
    if len(kept) == len(parts.query.split("&")):
        return link  # nothing to drop: as typed
    cleaned = urlunsplit(parts._replace(query="&".join(kept)))
    return cleaned.removeprefix("https://") if schemeless else cleaned


def untracked_in(text: str) -> str:
    """A text with each web link in it without its tracking parameters (`untracked`), the
    rest as typed."""

    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        core = word.strip(AROUND_LINK)
        if not core or web_link(core) is None:
            return word
        return word.replace(core, untracked(core), 1)

    return re.sub(r"\S+", one, text)


def _check_number(question: Question, text: str) -> Outcome:
    low, high = question.min or 0, question.max or 0
    bounds = {"min": _number_text(low), "max": _number_text(high)}
    text = numbers_in_words(text)  # "Sekitar dua puluh tahun" (a talents' review: refused)
    match = _NUMBER.fullmatch(text)
    if match is None:  # "udh 4 thn an", "around 6 years": the one number said
        found = list(_NUMBER_IN.finditer(text))
        match = found[0] if len(found) == 1 else None
    since = _SINCE_YEAR.search(text) if match is None else None
    if since is not None and len(_A_YEAR.findall(text)) == 1:
        value = float(datetime.now(JAKARTA).year - int(since.group(1)))
    elif match is None:
        return Rejected(Text.INTAKE_BAD_NUMBER, bounds)
    else:
        value = float(match.group(1).replace(",", "."))
    if not low <= value <= high:
        return Rejected(Text.INTAKE_BAD_NUMBER, bounds)
    return Accepted(int(value) if value.is_integer() else value)


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


_CHECKERS = {
    "short_text": _check_plain,
    "long_text": _check_plain,
    "email": _check_email,
    "phone": _check_phone,
    "url": _check_url,
    "number": _check_number,
}


# What a talent types for the Skip button of an optional question ("skip" was stored as the
# answer).
_SKIP_WORDS = frozenset(
    {
        "skip",
        "skip aja",
        "skip dulu",
        "skip saja",
        "lewati",
        "lewati aja",
        "lewati saja",
        "lewati dulu",
        "lewat",
        "lewat aja",
    }
)


# What a talent types at a multiple choice when they think they are done ("udah kak"): no
# choice, and no "Lainnya" either; they are pointed at the Done button.
_DONE_WORDS = frozenset(
    "udah udh sudah sdh selesai beres cukup done finished finish itu segitu gitu semua"  # noqa: SIM905 -- a word list reads best as words
    # "ok", "lanjut", "simpan": going on, not what "Lainnya" is; "tidak ada": nothing else
    # (an attacker's review: each was kept as the "which one?" answer).
    " ok oke okay okey sip siap lanjut lanjutkan next simpan save kirim tidak gak ga nggak ada"
    " none nothing that thats s all else more"
    # "Done choosing", "selesai memilih": of finishing only beside a word of it (_FINISHED).
    " memilih milih choosing picking".split()
)


# Of those, the ones that close the choice as the Done button does, with something ticked (a
# talents' review: "Udah itu aja", "Sudah." were only told to press Done): a word of finishing,
# "that's all" or "nothing else". "ok", "sip" may only acknowledge a tick, and "semua" may
# mean "all of them": the talent is pointed at Done.
_FINISHED = frozenset(
    "udah udh sudah sdh selesai beres cukup done finished finish segitu gitu lanjut lanjutkan"  # noqa: SIM905 -- a word list reads best as words
    " next simpan save kirim".split()
)
_NOTHING_ELSE = re.compile(
    r"\b(?:itu|that s|thats) (?:aja|saja|all)\b|\b(?:tidak|gak|ga|nggak) ada\b"
    r"|\bnothing\b|\bnone\b"
)


def says_done(text: str) -> bool:
    """Whether a typed text only says the talent has picked all they want ("udah kak")."""
    words = set(fold(without_controls(text)).split()) - CHAT_WORDS - {"aja", "saja", "ya"}
    return bool(words) and words <= _DONE_WORDS


def closes_choice(text: str) -> bool:
    """Whether a typed text says the talent has picked all they want as plainly as pressing
    Done ("Udah itu aja", "Sudah.", "that's all"), not only "ok"."""
    folded = fold(without_controls(text))
    said = not _FINISHED.isdisjoint(folded.split()) or _NOTHING_ELSE.search(folded) is not None
    return said and says_done(text)


# What a talent types for "nothing" at an optional question ("ga ada kak", "tidak ada", "-"; a
# talents' review: one was asked back as chatter, another stored as the note to the team):
# as the Skip button. "Ga ada" is no one's name, and a note of "-" says nothing.
_NOTHING = frozenset(
    "ga gak gk nggak ngga enggak engga tidak tdk ndak belum blm kosong".split()  # noqa: SIM905 -- a word list reads best as words
)
_NOTHING_WORDS = frozenset({"ada", "punya"})
_NOTHING_MARKS = re.compile(r"^[-\u2013\u2014\u2026_.\s]+$")  # "-", "--", "..."


# "Semua", "semuanya", "dua duanya" at the programs question (a talents' review: told to press
# the buttons): every program offered; "dua duanya"/"both" only where two are.
_ALL = frozenset("semua semuanya all everything".split())  # noqa: SIM905 -- a word list reads best as words
_BOTH = frozenset("dua duanya keduanya dua2nya dua2 both".split())  # noqa: SIM905 -- a word list reads best as words
_AROUND_ALL = frozenset("kang ok oke yg yang ambil pilih of them program programnya".split())  # noqa: SIM905 -- a word list reads best as words


def says_all(text: str, offered: int) -> bool:
    """Whether a typed text picks every choice offered ("Semua", "Dua duanya kang")."""
    words = set(fold(without_controls(text)).split()) - CHAT_WORDS - _AROUND_ALL
    if not words:
        return False
    return words <= _ALL or (offered == len(("one", "two")) and words <= _BOTH | _ALL)


# A choice a talent takes back at a multiple choice ("Mucon ga jadi", "bukan mucon kak", "ga
# jadi mucon"; a talents' review: told to press the buttons), or names as the only one ("Musisi
# ke korea aja", "cuma MU:CON"): only a message of nothing but the choices, the word that
# turns them, and _AROUND_NAMES. In a sentence those words say other things (an attacker's
# review: "Inggris, tapi cuma sedikit" unticked Indonesian, "jangan lupa inggris" unticked
# English, "bukan cuma Indonesia, aku juga bisa Inggris" unticked Indonesian).
_AROUND_NAMES = frozenset("kak kakak kk kang ya yaa deh dong sih dan sama sm and".split())  # noqa: SIM905 -- a word list reads best as words
_ONLY = frozenset("aja saja cuma cuman hanya only just doang".split())  # noqa: SIM905 -- a word list reads best as words
_NO = ("ga", "gak", "gk", "nggak", "ngga", "enggak", "tidak", "tdk")
# Right before the choices ("bukan mucon", "ga jadi mucon"), or right after ("mucon ga jadi").
_TAKEN_BACK_BEFORE = (
    *(
        (word,)
        for word in "bukan bkn jangan jgn tanpa kecuali hapus buang batal gajadi cancel except"  # noqa: SIM905 -- a word list reads best as words
        " without not no".split()
    ),
    *((no, then) for no in _NO for then in ("mau", "jadi", "usah", "pilih")),
)
_TAKEN_BACK_AFTER = (
    *((word,) for word in "gajadi batal dihapus dibatalkan dicancel cancel".split()),  # noqa: SIM905 -- a word list reads best as words
    *((no, then) for no in _NO for then in ("jadi", "usah")),
)


# Where a taking back ends: "bukan korea, inggris" takes back Korean and gives English (an
# attacker's review: fold dropped the comma, and English was unticked too).
_TAKEN_BACK_ENDS = re.compile(r"[,;.!\n]|\b(?:tapi|tp|but|melainkan|namun)\b", re.I)


def taken_back(
    question: Question, content: Content, answers: Answers, text: str
) -> tuple[list[str], list[str]]:
    """The choices a message takes back ("Mucon ga jadi", "bukan mucon kak"), and those it
    names after them in their place ("bukan korea, inggris"); ([], []) otherwise. Only the
    names before the first comma or "tapi"/"but" are taken back; "Bukan, Inggris" takes back
    nothing, and what follows must be nothing but choices."""
    if "?" in text or "\uff1f" in text:
        return [], []
    head, *rest = _TAKEN_BACK_ENDS.split(without_controls(text), maxsplit=1)
    tail = rest[0] if rest else ""
    instead = [word for word in _words_of(tail) if word not in _ONLY]  # "indonesia aja"
    given = _only_names(question, content, answers, instead) if instead else []
    if instead and not given:
        return [], []  # "bukan korea, aku cuma bisa inggris": more than choices after it
    tokens = _words_of(head)
    dropped: list[str] = []
    for phrase in _TAKEN_BACK_BEFORE:
        if not dropped and tuple(tokens[: len(phrase)]) == phrase:
            # "bukan cuma X", "jangan lupa X": nothing taken back ("lupa", "cuma" are no
            # choice, so _only_names finds none).
            dropped = _only_names(question, content, answers, tokens[len(phrase) :])
    for phrase in _TAKEN_BACK_AFTER:
        if not dropped and len(tokens) > len(phrase) and tuple(tokens[-len(phrase) :]) == phrase:
            dropped = _only_names(question, content, answers, tokens[: -len(phrase)])
    if not dropped:
        return [], []
    return dropped, [value for value in given if value not in dropped]


def _words_of(text: str) -> list[str]:
    """A text's folded words, without _AROUND_NAMES."""
    return [word for word in fold(text).split() if word not in _AROUND_NAMES]


def only_these(question: Question, content: Content, answers: Answers, text: str) -> list[str]:
    """The choices a message names as the only ones ("Musisi ke korea aja", "cuma MU:CON",
    "X saja kak"), or []."""
    if "?" in text or "\uff1f" in text:
        return []
    tokens = fold(without_controls(text)).split()
    if _ONLY.isdisjoint(tokens):
        return []
    return _only_names(question, content, answers, [word for word in tokens if word not in _ONLY])


# "Kirim kang", "oke kirim" at the review (a talents' review: told to use the buttons), and
# "Oke simpan" at an update's: as its send or save button. Nothing else may be in it ("jangan
# kirim dulu", "kirim ke siapa?").
_SEND = frozenset("kirim kirimkan kirimin send submit".split())  # noqa: SIM905 -- a word list reads best as words
_SAVE = frozenset("simpan simpen save".split())  # noqa: SIM905 -- a word list reads best as words
_AROUND_SEND = frozenset(
    "kang ok oke okay okey sip siap yuk ayo sekarang now please langsung aja saja it".split()  # noqa: SIM905 -- a word list reads best as words
)


def says_send(text: str, *, update: bool) -> bool:
    """Whether a typed text at the review says send (or, in an update, save)."""
    if "?" in text:
        return False
    words = set(fold(without_controls(text)).split()) - CHAT_WORDS - _AROUND_SEND
    verbs = _SEND | _SAVE if update else _SEND
    return bool(words) and words <= verbs


def says_skip(text: str) -> bool:
    """Whether a typed answer asks to skip the question, or says there is nothing ("ga ada
    kak", "belum ada", "-")."""
    plain = without_controls(text).strip()
    if plain and _NOTHING_MARKS.match(plain):
        return True
    folded = fold(plain.rstrip(".!"))
    if folded in _SKIP_WORDS or folded in ("none", "nothing", "no", "nope"):
        return True
    words = [word for word in folded.split() if word not in _SKIP_AROUND]
    return (
        len(words) == len(("ga", "ada"))  # a no, and what there is none of
        and words[0] in _NOTHING
        and words[1] in _NOTHING_WORDS
    )


# A talent thinking aloud ("hmm", "emm", "ehm"): no answer to a question, as "ok" is none.
_HESITATING = re.compile(r"^(?:h+m+|e+m+|e+h+m+|u+m+|h+u+m+|m+|a+h+m*)$")


def hesitates(text: str) -> bool:
    """Whether a typed text only thinks aloud ("hmm", "emm…")."""
    words = fold(without_controls(text)).split()
    return bool(words) and all(_HESITATING.match(word) for word in words)


# A talent saying they will carry on later ("bntr ya ntar lanjut", "Saya tanya dulu ke
# mamanya, nanti saya lanjutkan lagi", "I'll finish this tomorrow", Javanese "sesuk tek
# terusna ya"), or stopping for now ("nyong arep leren disit", "berhenti dulu ya"): a word for
# later and one for carrying on, or a stop with "for now", in a short message with a word of
# chat ("ya", "dulu", "saya", "I"): "Nanti Lanjut" alone is a band's name (an attacker).
_LATER = frozenset(
    "nanti ntar nnti entar ntr bentar bntr sebentar besok bsk"  # noqa: SIM905 -- a word list reads best as words
    " sesuk mengko engko mengke benjing later tomorrow tmrw".split()
)
_GO_ON = frozenset(
    "lanjut lanjutin lanjutkan lanjutkannya dilanjut dilanjutkan dilanjutin terusin"  # noqa: SIM905 -- a word list reads best as words
    " sambung terusna terusake nerusake lanjutna lanjutke continue finish resume".split()
)
_STOP = frozenset("berhenti stop udahan leren istirahat rehat pause jeda".split())  # noqa: SIM905 -- a word list reads best as words
_FOR_NOW = frozenset("dulu dl disit disik sek".split())  # noqa: SIM905 -- a word list reads best as words
_CHAT = frozenset(
    "ya yaa yah ok oke dulu dl lagi aja saja kak deh sih aku saya sy gue gw kami"  # noqa: SIM905 -- a word list reads best as words
    " nyong inyong kula tak tek i ll m we me let it on disit disik".split()
)
# What else a talent says around it, tired: all a free-text answer may hold to be no answer
# ("waduh kesel, sesuk tek terusna ya" was stored as notable works in a talents' review;
# "nanti kami ingin lanjut kolaborasi" is one).
_TIRED = frozenset(
    "waduh aduh duh kesel capek cape capai lelah ngantuk udah sudah wis lho kok arep mau"  # noqa: SIM905 -- a word list reads best as words
    " pengen ingin tanya mamanya papanya ibunya ke lagi tolong sorry maaf".split()
)
# A talent looking something up before answering ("Sebentar, saya cek dulu nama resmi PT kami
# di akta.", "bentar ya kak aku cari dulu", "wait, let me check"; a talents' review: the
# sentence was stored as the company's name): a word of checking, with one of waiting, or with
# "dulu" and a person ("saya cek dulu"). A name has no such pair ("Sebentar Films").
_WAIT = frozenset("sebentar bentar bntr btr tunggu wait moment sec hold".split())  # noqa: SIM905 -- a word list reads best as words
_CHECK = frozenset(
    "cek cekin ngecek dicek check checking cari nyari carikan lihat liat ngeliat look looking"  # noqa: SIM905 -- a word list reads best as words
    " find ingat inget ingetin tanya nanya tanyain tanyakan ask konfirmasi pastikan mastiin"
    " memastikan confirm".split()
)
_PERSON = frozenset("aku saya sy gue gw kami i me we".split())  # noqa: SIM905 -- a word list reads best as words
_LATER_WORDS_AT_MOST = 15


def says_later(text: str, *, only: bool = False) -> bool:
    """Whether a typed message says the talent will carry on with the form later, or is
    stopping for now; `only`: and says nothing else (at a free-text question)."""
    words = set(fold(without_controls(text)).split())
    if len(words) > _LATER_WORDS_AT_MOST or words.isdisjoint(_CHAT):
        return False
    if only and not words <= _LATER | _GO_ON | _STOP | _FOR_NOW | _CHAT | _TIRED:
        return False
    later = not _LATER.isdisjoint(words) and not _GO_ON.isdisjoint(words)
    return later or (not _STOP.isdisjoint(words) and not _FOR_NOW.isdisjoint(words))


def looks_it_up(text: str, *, only: bool = False) -> bool:
    """Whether a typed message at a question says the talent is looking its answer up first
    ("bentar ya kak aku cari dulu"); `only`: and says nothing else (at a free-text question)."""
    words = set(fold(without_controls(text)).split())
    if len(words) > _LATER_WORDS_AT_MOST or words.isdisjoint(_CHAT):
        return False
    if only and not words <= _WAIT | _CHECK | _FOR_NOW | _CHAT | _TIRED:
        return False
    waits = not _WAIT.isdisjoint(words)
    return not _CHECK.isdisjoint(words) and (
        waits or not (_FOR_NOW.isdisjoint(words) or _PERSON.isdisjoint(words))
    )


# Words a talent adds around a choice they type ("musik kak", "band aku"): not the choice.
CHAT_WORDS = frozenset(
    "kak kakak min mas mbak bang ya yaa dong sih aja saja deh nih aku saya sy gue gw"  # noqa: SIM905 -- a word list reads best as words
    " i im am my we are is it the a".split()
)
# Around an item of a typed list, and beside "ga ada" ("ga ada kang"): no part of it.
_AROUND_ITEM_ALL = _AROUND_ITEM | CHAT_WORDS | {""}
_SKIP_AROUND = CHAT_WORDS | {"kang", "kok"}


def fold(text: str) -> str:
    """Lower-case, accents and punctuation removed, for forgiving matching."""
    normal = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z0-9]+", " ", normal).strip()


# What a talent types before a city's name: "Kota Bandung", "Kab. Sleman", "Kabupaten Bogor".
_PLACE_KINDS = ("kota ", "kab ", "kabupaten ")


# Indonesia itself is no answer to "which province?" (it was taken as "Di luar Indonesia",
# whose label has it): asked again, and left out of "Jakarta, Indonesia".
HOME_COUNTRY = frozenset({"indonesia", "indo", "ri", "nkri"})
MIN_NAME_PART = 3  # letters typed that may be part of a province's name


def _province_typed(content: Content, text: str) -> Outcome:
    """`_find_province` of the whole answer, else of the parts between commas: the first a
    province is sure of ("Sleman, DIY", "Victoria, Australia"), else the first with some to
    offer ("Jakarta, Indonesia" is Jakarta's)."""
    found = _find_province(content, text)
    if not isinstance(found, Rejected):
        return found
    parts = [_find_province(content, part) for part in text.split(",")] if "," in text else []
    sure = [part for part in parts if isinstance(part, Accepted)]
    offered = [part for part in parts if not isinstance(part, Rejected)]
    if sure:  # "Kupang, NTT": the city named beside its own province is kept too
        cities = [
            part.city
            for part in parts
            if isinstance(part, Matches) and part.city and part.values == [sure[0].value]
        ]
        return Accepted(sure[0].value, city=cities[0]) if cities else sure[0]
    if offered:
        return offered[0]
    return _province_in_sentence(content, text) or found


# Where a talent comes from, not where they live now ("originally from Bandung", "asli
# Bandung", "lahir di Medan"): the part of the sentence such a word is in is left out.
_ORIGIN = re.compile(
    r"\b(?:originally|origin|asal\w*|asli\w*|lahir|born|grew\s+up|kampung\w*|dulu\w*"
    r"|previously|formerly|used\s+to)\b"
)
# Where a sentence's parts meet: punctuation, "but", "now" ("I live in Seoul now, originally
# from Bandung", "asli Bandung tapi sekarang di Busan").
_CLAUSES = re.compile(r"[,.;:!?\n]|\b(?:tapi|tp|namun|but|sekarang|skrg|skrng|now)\b", re.I)
_PLACE_WORDS_AT_MOST = 4  # "Bandar Seri Begawan", "Ho Chi Minh City"


def _province_in_sentence(content: Content, text: str) -> Outcome | None:
    """The place a sentence says the talent lives in ("I live in Seoul now, originally from
    Bandung", "di Busan", a talents' review: "I couldn't find that province"): a province, a
    city of one (to confirm), or a place abroad, named whole; the parts that say where they
    come from are left out. None when it names none, or places of two provinces."""
    places: dict[str, tuple[str, str | None]] = {}
    for value, province in content.provinces.items():
        places.update({fold(city): (value, city) for city in province.cities})
        places.update({fold(name): (value, None) for name in province.names})
        # "Serambi Mekkah", "Paris van Java": the whole nickname, before "Mekkah" or "Paris"
        # abroad (an attacker's review: both were read as living abroad).
        places.update({fold(alias.name): (value, alias.city) for alias in province.nicknames})
    found: list[tuple[str, str | None]] = []
    for part in _CLAUSES.split(text):
        tokens = fold(part).split()
        if _ORIGIN.search(" ".join(tokens)) or not _DENIALS.isdisjoint(tokens):
            continue  # where they come from, or where they do not live ("bukan Jakarta")
        start = 0
        while start < len(tokens):
            sizes = range(min(_PLACE_WORDS_AT_MOST, len(tokens) - start), 0, -1)
            size = next((n for n in sizes if " ".join(tokens[start : start + n]) in places), 0)
            if size:
                found.append(places[" ".join(tokens[start : start + size])])
            start += max(size, 1)
    values = {value for value, _ in found}
    if len(values) != 1:
        return None
    value = values.pop()
    city = next((city for _, city in found if city is not None), None)
    # Offered, never taken unasked: a sentence may name a place it is not about (an
    # attacker's review: "Papua New Guinea" was stored as Papua).
    return Matches([value], city=city)


def _find_province(content: Content, text: str) -> Outcome:
    typed = fold(text).removeprefix("provinsi ").removeprefix("province ").strip()
    if not typed or typed in HOME_COUNTRY:
        return Rejected(Text.INTAKE_PROVINCE_NOT_FOUND)
    for island in content.intake.islands:  # "Sumatra", "Papua": every province on it
        if typed in {fold(name) for name in island.names}:
            return Matches(list(island.provinces))
    place = _without_place_kind(typed)
    named = _province_named(content, typed) or _province_named(content, place)
    if named is not None:  # a province's own name wins over a city of the same name
        return Accepted(named)
    city = province_of_city(content, typed)
    if city is not None:  # "Bandung": its province, for the talent to confirm
        value, name = city
        return Matches([value], city=name)
    found = [  # part of a name ("Kalimantan" for its five); not "a" or "us" ("Nusa")
        value
        for value, province in content.provinces.items()
        if len(typed) >= MIN_NAME_PART
        and any(typed in fold(name) for name in (province.label.id, province.label.en))
    ]
    if len(found) == 1:
        return Accepted(found[0])
    if found:
        return Matches(found)
    return Rejected(Text.INTAKE_PROVINCE_NOT_FOUND)


# A typed yes to "Betul ini provinsimu?" ("Iya bener", "ya kak", "betul", "yes").
_YES = frozenset(
    "iya iyaa iye iyes ya yaa yap yup yupp yoi yes yess yeah yep betul btl bener benar bnr"  # noqa: SIM905 -- a word list reads best as words
    " tepat correct right sure ok oke okay okey sip".split()
)
_AROUND_YES = frozenset("itu kok dong deh sih that s it that is kak".split())  # noqa: SIM905 -- a word list reads best as words


def says_yes(text: str) -> bool:
    """Whether a typed text only says yes ("Iya bener", "ya kak", "that's right")."""
    words = set(fold(without_controls(text)).split())
    return not words.isdisjoint(_YES) and words - CHAT_WORDS - _AROUND_YES <= _YES


_AGREE = frozenset("setuju agree agreed sepakat".split())  # noqa: SIM905 -- a word list reads best as words


def says_agree(text: str) -> bool:
    """Whether a typed text only agrees ("Saya setuju.", "iya setuju kak", "I agree")."""
    words = set(fold(without_controls(text)).split())
    rest = words - _AGREE - CHAT_WORDS - {"kang"}
    return not words.isdisjoint(_AGREE) and (not rest or says_yes(" ".join(rest)))


# How close a typo must come to a province's name or a city's ("Jawa Tenggah", "Surabya"), by
# rapidfuzz's ratio (0-100), to be offered: "Jawa Tenggara" (no province) is not Jawa Tengah.
GUESS_AT_LEAST = 85
_GUESS_MIN_LETTERS = 4  # "Balli" may be Bali; "Ria" is nothing


def province_guess(content: Content, text: str) -> Matches | None:
    """The one province (or city, with its province) a name no province or city has comes
    closest to, to ask about ("Maksudmu Jawa Tengah?", a talents' review: "Jawa Tenggah" was
    "not found"); None when nothing is close, or two are as close."""
    typed = _without_place_kind(fold(text).removeprefix("provinsi ").strip())
    if len(typed.replace(" ", "")) < _GUESS_MIN_LETTERS:
        return None
    places: dict[str, tuple[str, str | None]] = {}
    for value, province in content.provinces.items():
        places.update({fold(name): (value, None) for name in province.names})
        places.update({fold(city): (value, city) for city in province.cities})
    scored = [(fuzz.ratio(typed, name), place) for name, place in places.items()]
    top = max(score for score, _ in scored)
    leading = {place for score, place in scored if score == top}
    if top < GUESS_AT_LEAST or len({value for value, _ in leading}) != 1:
        return None
    # A province's own name before a city's of the same province.
    value, city = sorted(leading, key=lambda place: place[1] or "")[0]
    return Matches([value], city=city, guessed=city is None)


def _without_place_kind(typed: str) -> str:
    """A folded place name without the "kota"/"kabupaten" in front of it."""
    for kind in _PLACE_KINDS:
        if typed.startswith(kind):
            return typed.removeprefix(kind).strip()
    return typed


def _province_named(content: Content, typed: str) -> str | None:
    """The province whose label or alias is exactly what was typed (folded)."""
    for value, province in content.provinces.items():
        if typed in {fold(name) for name in province.names}:
            return value
    return None


def province_of_city(content: Content, text: str) -> tuple[str, str] | None:
    """The province of a city typed ("kota Bandung"), with the city as content/ spells it."""
    typed = fold(text)
    return _city_named(content, typed) or _city_named(content, _without_place_kind(typed))


def _city_named(content: Content, typed: str) -> tuple[str, str] | None:
    """The province of the city typed (folded), with the city as content/ spells it."""
    for value, province in content.provinces.items():
        for city in province.cities:
            if fold(city) == typed:
                return value, city
    return None


def province_page(content: Content, page: int) -> tuple[list[str], int]:
    """One page of provinces and the number of pages (never 39 buttons at once)."""
    values = list(content.provinces)
    pages = max(1, -(-len(values) // PROVINCE_PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    start = page * PROVINCE_PAGE_SIZE
    return values[start : start + PROVINCE_PAGE_SIZE], pages


def display(question: Question, content: Content, value: Any, language: str) -> str:
    """An answer as a talent or staff member reads it."""
    if value is None:
        return "—"
    if value == NONE_YET and question.none_label is not None:
        return question.none_label.get(language)
    if question.type == "province":
        province = content.provinces.get(str(value))
        return province.label.get(language) if province else str(value)
    if question.type in ("single_choice", "multi_choice"):
        offered = choices(question, content, {})
        if question.choices_from == "programs":  # every program, even one no longer offered
            offered = [(key, program.choice_label) for key, program in content.programs.items()]
        labels = {key: label.get(language) for key, label in offered}
        items = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(item), str(item)) for item in items)
    return str(value)
