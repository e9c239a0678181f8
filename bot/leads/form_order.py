"""The form's questions for one talent: which apply, in what order, which "which one?"
follows a choice, what each offers, and how an answer reads.

Pure functions over content and answers; no I/O, no Telegram.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.content import Content, Question, T
from bot.leads import retired_choices
from bot.leads.answer_outcomes import NONE_YET
from bot.texts import Text

Answers = Mapping[str, Any]


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


# The questions that ask the talent's one role in their field.
ROLE_QUESTIONS = frozenset({"music_role", "film_role"})


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


def links_before(content: Content, answers: Answers, current: str) -> Question | None:
    """The links question (holds_links) shown before `current`; None when it is still ahead,
    `current` is not shown, or there is none."""
    visible = visible_questions(content, answers)
    keys = [shown.key for shown in visible]
    links = next((shown for shown in visible if shown.holds_links), None)
    if links is None or current not in keys or keys.index(links.key) > keys.index(current):
        return None
    return links


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


def needs_guardian(question: Question, value: Any) -> bool:
    """Whether this answer means the talent is a minor who needs a guardian's consent."""
    return any(choice.guardian and choice.value == value for choice in question.choices or [])


def guardian_choice(question: Question) -> str | None:
    """The choice of this question that needs a guardian's consent (under 18), if it has
    one: the question is the age."""
    return next((choice.value for choice in question.choices or [] if choice.guardian), None)


def minor(content: Content, answers: Answers) -> bool:
    """Whether the answers say the talent is under 18 (an age that needs a guardian's
    consent), as answered or as staff corrected it."""
    return any(
        needs_guardian(question, answers[question.key])
        for question in content.questions.values()
        if question.key in answers
    )


def retired(content: Content, language: str, value: Any) -> str:
    """A stored choice the form no longer offers, as staff read it: "(pilihan lama: dj)"."""
    return content.text(Text.RETIRED_CHOICE, language, value=str(value))


def display(
    question: Question, content: Content, value: Any, language: str, *, talent: bool = False
) -> str:
    """An answer as a talent or staff member reads it: a choice the form no longer offers
    (a /reload removed it) as staff read it ("(pilihan lama: dj)"), or, for the `talent`,
    by its last label (a newcomers' review s65, F3: the talent read the staff wording with
    the stored value), left out when this process never served it (a restart since)."""
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
        shown = [
            labels.get(str(item))
            or (
                _let_go(content, question, language, item)
                if talent
                else retired(content, language, item)
            )
            for item in items
        ]
        return ", ".join(item for item in shown if item)
    return str(value)


def _let_go(content: Content, question: Question, language: str, value: Any) -> str:
    """A choice the form no longer offers as its talent knew it ("Keroncong (sudah tidak
    ada di pilihan)"), or "" when its last label is not known."""
    label = retired_choices.said(content, question.key, str(value))
    if not isinstance(label, T):
        return ""
    return content.text(Text.RETIRED_CHOICE_TALENT, language, label=label.get(language))
