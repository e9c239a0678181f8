"""One talent, one clean record: duplicates, answer corrections, notes, assignment, stage
words, contact links, and what a lead number that is not a lead stands for.

Pure of Telegram: the staff desk's buttons, `kocca-bot` and the staff workspace call these
functions; the rules (validation, compare-and-set, audit) live here and in the store once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from bot.content import Content, Question
from bot.leads import answer_outcomes, field_checks, form_order
from bot.parsing import joined
from bot.store import Lead, Store
from bot.store.audit import Actor
from bot.store.duplicates import (
    ClosedOf,
    Dismissal,
    DismissOutcome,
    DuplicateLinks,
    DuplicateMark,
    DuplicateOutcome,
)
from bot.store.folding import fold
from bot.store.leads import (
    Choices,
    ChoiceWord,
    places_read,
    search_pattern,
    search_words,
    sectors_read,
)
from bot.store.pipeline import UNSEEN, Assignment, LeadState, Unseen
from bot.store.records import AnswerChange, EditResult, LeadChange
from bot.store.staff_notes import NoteOutcome
from bot.texts import Text

# ----- stage words ---------------------------------------------------------------------------

_LONGEST_LABEL = 5  # words a stage label may span in a typed filter ("Diteruskan ke KOCCA")


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def find_stage(content: Content, text: str) -> str | None:
    """A stage key from its key or its label in either language, in any case."""
    wanted = _folded(text)
    for key, stage in content.stages.items():
        if wanted in (key.casefold(), _folded(stage.label.id), _folded(stage.label.en)):
            return key
    return None


def stage_words(content: Content, words: Sequence[str]) -> list[str]:
    """Typed words with stage labels (of one or more words, any case) replaced by their keys:
    `/leads Diteruskan ke KOCCA musik` -> ["diteruskan", "musik"]."""
    return joined(list(words), _LONGEST_LABEL, lambda run: find_stage(content, " ".join(run)))


def contacted_stage(content: Content) -> str | None:
    """The stage "📞 Contacted" moves a lead to: the first that counts as contact."""
    return next((key for key, stage in content.stages.items() if stage.contacted), None)


def moves_forward(content: Content, state: LeadState, to_stage: str) -> bool:
    """Whether moving the lead to this stage is a step forward in the pipeline's order (a
    lead closed as a duplicate never moves: a stage would reopen it)."""
    order = list(content.stages)
    if state.closed_duplicate or to_stage not in order:
        return False
    return state.stage not in order or order.index(state.stage) < order.index(to_stage)


def closed_stage(content: Content) -> str:
    """The stage that closes a lead (the last of content/stages.yaml)."""
    return list(content.stages)[-1]


# ----- contact in one step -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Contact:
    """How to reach a talent from the lead page."""

    phone: str | None  # as stored: +6281234567890
    whatsapp: str | None  # https://wa.me/6281234567890
    email: str | None
    mailto: str | None


def contact(content: Content, answers: dict[str, Any]) -> Contact:
    """The phone as a WhatsApp link and the email as a mailto: link (from the questions of
    type phone and email; the intake stored them normalised: +62… and lower case)."""
    phone = email = None
    for question in content.intake.questions:
        value = answers.get(question.key)
        if not isinstance(value, str) or not value:
            continue
        if question.type == "phone" and phone is None:
            phone = value
        elif question.type == "email" and email is None:
            email = value
    digits = re.sub(r"\D", "", phone or "")
    return Contact(
        phone=phone,
        whatsapp=f"https://wa.me/{digits}" if digits else None,
        email=email,
        # Percent-encoded: an address is the talent's words; "?", "&" or "#" in it must not
        # add headers (cc, body) to the mail staff write.
        mailto=f"mailto:{quote(email, safe='@.+-_')}" if email and "@" in email else None,
    )


# ----- staff names ---------------------------------------------------------------------------


async def staff_names(store: Store, ids: Iterable[int | None]) -> dict[int, str]:
    """Staff members' names as the bot knows them (their Telegram first name, from their
    messages to the bot, else from their opening the workspace), else the id."""
    names = {}
    for user_id in {user_id for user_id in ids if user_id is not None}:
        user = await store.users.get(user_id)
        name = (user.first_name if user else "") or await store.workspace_names.first_name(user_id)
        names[user_id] = name or str(user_id)
    return names


def name_with_id(names: dict[int, str], user_id: int) -> str:
    """ "Rina (123456)", or just the id when the bot knows no name."""
    name = names.get(user_id)
    return f"{name} ({user_id})" if name and name != str(user_id) else str(user_id)


# ----- duplicates ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Duplicates:
    """A lead's possible duplicates and its "closed as duplicate" links."""

    marks: list[DuplicateMark]  # not yet dealt with (not linked either way)
    links: DuplicateLinks
    dismissed: list[Dismissal]  # said to be another person: no longer marked


async def duplicates(store: Store, application_id: int) -> Duplicates:
    """What the lead page shows about duplicates."""
    links = await store.duplicates.duplicate_links(application_id)
    linked = {links.closed_of, *(other for other, _ in links.closed_here)}
    marks = (await store.duplicates.duplicate_marks([application_id])).get(application_id, [])
    dismissed = await store.duplicates.dismissals(application_id)
    return Duplicates([mark for mark in marks if mark.other_id not in linked], links, dismissed)


def search_places(content: Content) -> dict[str, str]:
    """Each province's names (label in both languages, aliases such as "Jabar" or "luar
    negeri"), folded as the lead search folds, to its code: words naming one in a search find
    the leads from it (bot/store/leads.search_pattern). Not the countries a talent abroad may
    type: they share one code, so "korea" found everyone abroad (an attacker's review); a
    country is looked for in the lead's text (its city, what "Lainnya" holds) as any word."""
    return {
        fold(name): value
        for value, province in content.provinces.items()
        for name in (province.label.id, province.label.en, *province.aliases)
        if name.strip()
    }


def search_sectors(content: Content) -> dict[str, str]:
    """Each field of work's names (its code, its label in both languages: "film", "musik",
    "music"; the words the form reads it by: "musisi", "filmmaker"), folded as the lead search
    folds, to its code: a search word naming one finds only the leads of that sector ("film
    bali": a staff review found none, the sector being no searched text; "musisi" found none
    at a re-check, where "musik" found them)."""
    question = content.questions.get("sector")
    return {
        fold(name): choice.value
        for choice in (question.choices or [] if question else [])
        for name in (choice.value, choice.label.id, choice.label.en, *choice.words)
        if name.strip()
    }


# What a search word may name besides a province and a sector, with the words that say so
# under the results: a stage, and a choice of these answers ("penyanyi", "dokumenter", "jazz",
# "MU:CON").
PROGRAMS = "programs_of_interest"
_READ_AS = {
    "stage": Text.LEAD_SEARCH_AS_STAGE,
    "music_role": Text.LEAD_SEARCH_AS_MUSIC_ROLE,
    "film_role": Text.LEAD_SEARCH_AS_FILM_ROLE,
    "film_formats": Text.LEAD_SEARCH_AS_FILM_FORMATS,
    "genres": Text.LEAD_SEARCH_AS_GENRES,
    PROGRAMS: Text.LEAD_SEARCH_AS_PROGRAMS,
}
SEARCHED_CHOICES = ("music_role", "film_role", "film_formats", "genres")


def _names(*labels: str) -> set[str]:
    """A label's names a search knows it by: the whole label, and each part of one that
    offers two ("Penyanyi/artis solo": "penyanyi", "artis solo"), as search_words reads them."""
    found = set()
    for label in labels:
        for name in (label, *label.split("/")):
            if search_words(name):
                found.add(search_words(name))
    return found


def search_choices(content: Content) -> Choices:
    """Each stage's names (key, label in both languages), each role's, film format's and
    genre's (label in both languages, each part of it), and each program's (key, labels,
    short titles, the words that name it), as a search reads them, to what they stand for: a
    search word naming one finds the leads at that stage or with that answer (a staff review
    s57: "dokumenter", "penyanyi", "MU:CON", "Shortlist" found nobody). Not "Lainnya"/"Other"
    (no one choice), nor what names a sector or a province (read as such)."""
    found: dict[str, set[tuple[str, str]]] = {}

    def add(names: set[str], key: str, value: str) -> None:
        for name in names:
            found.setdefault(name, set()).add((key, value))

    for key, stage in content.stages.items():
        add(_names(key, stage.label.id, stage.label.en), "stage", key)
    for question_key in SEARCHED_CHOICES:
        question = content.questions.get(question_key)
        for choice in question.choices or [] if question else []:
            if choice.value != "other" and not choice.value.startswith("other_"):
                add(_names(choice.label.id, choice.label.en), question_key, choice.value)
    for key, program in content.programs.items():
        labels = [key, *program.words]
        for shown in (program.short_title, program.choice_label):
            labels += [shown.id, shown.en] if shown is not None else []
        add(_names(*labels), PROGRAMS, key)
    taken = {search_words(name) for name in (*search_sectors(content), *search_places(content))}
    return {name: tuple(sorted(readings)) for name, readings in found.items() if name not in taken}


def search_pattern_for(content: Content, words: str) -> str | None:
    """The lead search's patterns for what staff typed (LeadFilter.search), with provinces,
    sectors, stages and choices read as such: one reading for /lead in the chat and the
    workspace's search."""
    return search_pattern(
        words, search_places(content), search_sectors(content), search_choices(content)
    )


def places_said(content: Content, language: str, words: str) -> list[str]:
    """Under a lead search's results (/lead, the workspace): each run of words it read as a
    province's name, and that the leads living there are found too; each word read as a field
    of work, and that only its leads are; each run read as a stage or a choice, and that the
    leads there or with that answer are found too."""
    places = search_places(content)
    said = [
        content.text(
            Text.LEAD_SEARCH_PLACE,
            language,
            words=typed,
            place=content.provinces[code].label.get(language),
        )
        for typed, code in places_read(words, places)
    ]
    question = content.questions.get("sector")
    read = sectors_read(words, places, search_sectors(content), search_choices(content))
    for found in read:
        if isinstance(found, ChoiceWord):
            meaning = content.text(Text.LEAD_SEARCH_OR, language).join(
                _choice_said(content, language, key, value) for key, value in found.choices
            )
            said.append(
                content.text(Text.LEAD_SEARCH_CHOICE, language, words=found.typed, meaning=meaning)
            )
            continue
        label = (
            form_order.display(question, content, found.code, language) if question else found.code
        )
        said.append(
            content.text(Text.LEAD_SEARCH_SECTOR, language, words=found.typed, sector=label)
        )
    return said


def _choice_said(content: Content, language: str, key: str, value: str) -> str:
    """ "tahap Shortlist", "peran musik Penyanyi/artis solo", "format film Dokumenter"."""
    if key == "stage":
        label = content.stages[value].label.get(language)
    else:
        label = form_order.display(content.questions[key], content, value, language)
    return content.text(_READ_AS[key], language, label=label)


async def page_marks(store: Store, application_ids: list[int]) -> dict[int, list[DuplicateMark]]:
    """Possible duplicates of the leads of one list page."""
    return await store.duplicates.duplicate_marks(application_ids)


async def page_closed(store: Store, application_ids: list[int]) -> dict[int, ClosedOf | None]:
    """The leads of one list page closed as a duplicate, with the lead each duplicates."""
    return await store.duplicates.closed_among(application_ids)


def closed_line(content: Content, language: str, other: ClosedOf | None) -> str:
    """Under a lead in a list (chat and workspace): closed as a duplicate of which lead, by
    its reference and name, as its page says it (a review: lists named none)."""
    if other is None:
        return content.text(Text.RECORDS_LIST_CLOSED_GONE, language)
    if not other.name:
        return content.text(Text.RECORDS_LIST_CLOSED, language, reference=other.reference)
    return content.text(
        Text.RECORDS_LIST_CLOSED_NAMED, language, reference=other.reference, name=other.name
    )


# What staff are told of closing a lead as a duplicate, by outcome (the chat and the
# workspace; "gone" is each one's own page-gone answer).
DUPLICATE_OUTCOME_TEXTS: dict[DuplicateOutcome, Text] = {
    "saved": Text.RECORDS_DUPLICATE_CLOSED,
    "same": Text.RECORDS_DUPLICATE_SAME,
    "self": Text.RECORDS_DUPLICATE_SELF,
    "unmarked": Text.RECORDS_DUPLICATE_UNMARKED,
    "closed": Text.RECORDS_DUPLICATE_CLOSED_ALREADY,
    "other_gone": Text.RECORDS_DUPLICATE_OTHER_GONE,
    "other_closed": Text.RECORDS_DUPLICATE_OTHER_CLOSED,
    "conflict": Text.RECORDS_DUPLICATE_CONFLICT,
    "other_later": Text.RECORDS_DUPLICATE_OTHER_LATER,
    "dismissed": Text.RECORDS_DUPLICATE_DISMISSED,
}

# What staff are told of saying two leads are not duplicates, and of taking it back (the chat
# and the workspace; "gone" is each one's own page-gone answer).
DISMISS_OUTCOME_TEXTS: dict[DismissOutcome, Text] = {
    "saved": Text.RECORDS_NOT_DUPLICATE_SAVED,
    "same": Text.RECORDS_NOT_DUPLICATE_SAME,
    "self": Text.RECORDS_NOT_DUPLICATE_SELF,
    "other_gone": Text.RECORDS_DUPLICATE_OTHER_GONE,
    "closed": Text.RECORDS_NOT_DUPLICATE_CLOSED,
    "unmarked": Text.RECORDS_NOT_DUPLICATE_UNMARKED,
}
RESTORE_OUTCOME_TEXTS: dict[DismissOutcome, Text] = {
    "saved": Text.RECORDS_MARKED_AGAIN,
    "same": Text.RECORDS_MARKED_AGAIN_SAME,
    "other_gone": Text.RECORDS_DUPLICATE_OTHER_GONE,
}


async def not_duplicate(
    store: Store,
    content: Content,
    language: str,
    application_id: int,
    other_id: int,
    actor: Actor,
    *,
    undo: bool = False,
) -> tuple[DismissOutcome, str]:
    """Two leads marked as possible duplicates are two people (or, `undo`, marked again):
    the outcome and what staff are told, in the chat's words ("" when the lead is gone)."""
    duplicates = store.duplicates
    if undo:
        outcome = await duplicates.restore(application_id, other_id, actor)
    else:
        outcome = await duplicates.dismiss(application_id, other_id, actor)
    key = (RESTORE_OUTCOME_TEXTS if undo else DISMISS_OUTCOME_TEXTS).get(outcome)
    if key is None:
        return outcome, ""
    this = await store.records.reference_of(application_id)
    that = await store.records.reference_of(other_id)
    gone = content.text(Text.RECORDS_GONE_REFERENCE, language)
    return outcome, content.text(key, language, reference=this or gone, other=that or gone)


async def close_duplicate(
    store: Store, application_id: int, of_id: int, actor: Actor, version: int | None = None
) -> DuplicateOutcome:
    """Close a lead as a duplicate of another (linked, audited, the talent not told)."""
    return await store.duplicates.close_duplicate(application_id, of_id, actor, version)


async def outcome_other(
    store: Store,
    content: Content,
    language: str,
    outcome: DuplicateOutcome,
    application_id: int,
    other: int,
) -> str:
    """The other lead a close's answer names: the one asked for, or, when the lead was closed
    meanwhile as a duplicate of another ("closed"), that one ("a deleted lead": erased)."""
    if outcome == "closed":
        links = await store.duplicates.duplicate_links(application_id)
        return links.closed_of_reference or content.text(Text.RECORDS_GONE_REFERENCE, language)
    found = await store.records.reference_of(other)
    return found or content.text(Text.RECORDS_THIS_LEAD, language)


async def reopen_duplicate(store: Store, application_id: int, actor: Actor) -> DuplicateOutcome:
    """Undo "closed as duplicate"."""
    return await store.duplicates.reopen_duplicate(application_id, actor)


def mark_text(content: Content, language: str, mark: DuplicateMark) -> str:
    """ "mungkin duplikat dari KOC-000012: nomor HP sama" on the lead submitted later; on the
    earlier one "punya kemungkinan duplikat: KOC-000015, dikirim kemudian (nomor HP sama)"."""
    reasons = ", ".join(content.text(_REASONS[reason], language) for reason in mark.reasons)
    key = Text.RECORDS_DUPLICATE_MARK if mark.earlier else Text.RECORDS_DUPLICATE_LATER
    return content.text(key, language, reference=mark.other_reference, reasons=reasons)


@dataclass(frozen=True, slots=True)
class Difference:
    """One answer two registrations give differently, as staff read it."""

    key: str
    label: str
    this: str  # the lead to be closed ("—": not answered)
    other: str  # the lead it duplicates


def differences(
    content: Content, language: str, this: dict[str, Any], other: dict[str, Any]
) -> list[Difference]:
    """The answers a lead and its possible original give differently (an email, the programs,
    a message to the team), in the form's order: shown before the lead is closed as a
    duplicate, so that nothing the second registration said is lost from view (a staff
    review: it was closed on one tap, its new email and program unseen)."""
    found = []
    for question in content.intake.questions:
        if question.key not in this and question.key not in other:
            continue
        shown = [
            form_order.display(question, content, answers.get(question.key), language)
            if question.key in answers
            else "—"
            for answers in (this, other)
        ]
        if shown[0] != shown[1]:
            found.append(Difference(question.key, question.label.get(language), *shown))
    return found


def telegram_name(lead: Lead) -> str:
    """The name of the Telegram account a lead came from ("" when it has none)."""
    return " ".join(part for part in (lead.first_name, lead.last_name) if part)


@dataclass(frozen=True, slots=True)
class BeforeClosing:
    """What staff read before closing a lead as a duplicate of an earlier one."""

    differences: list[Difference]
    # Two Telegram accounts: what the close stops on the closed lead's account (None: one).
    accounts: str | None


def _accounts_warning(content: Content, language: str, lead: Lead, other: Lead) -> str | None:
    """When the two leads came from different Telegram accounts: the closed lead's account
    then gets no announcements (the kept one's does, see bot/store/broadcasts.py) and stage
    news reach only the kept lead's account, so a talent who lost that account hears nothing
    (a staff review s56: the guide warned of it, the page that closes did not)."""
    if lead.user_id == other.user_id:
        return None
    return content.text(
        Text.WS_DUPLICATE_TWO_ACCOUNTS,
        language,
        reference=lead.reference or "",
        name=telegram_name(lead) or f"id {lead.user_id}",
        other=other.reference or "",
        other_name=telegram_name(other) or f"id {other.user_id}",
    )


async def before_closing(
    store: Store, content: Content, language: str, lead: Lead, other_id: int, actor: Actor
) -> BeforeClosing | None:
    """What `lead` gives differently from the earlier lead it may duplicate, and what closing
    stops when the two came from different accounts, before anyone closes it (the chat and the
    workspace alike); reading that lead's answers is a view of it (audited). None if that lead
    is gone."""
    other = await store.leads.get(other_id)
    if other is None:
        return None
    await store.audit.add(actor, "lead_viewed", other.reference, part="duplicate_differences")
    return BeforeClosing(
        differences(content, language, lead.answers, other.answers),
        _accounts_warning(content, language, lead, other),
    )


async def export_marks(store: Store, content: Content, language: str) -> dict[int, str]:
    """Per lead, as export cells, what its page says about duplicates: closed as a duplicate
    of which lead, which leads are closed as its duplicates, and its possible duplicates not
    dealt with yet (one pass over the contact index: about a second at 50,000 leads)."""
    closed = await store.duplicates.closed_duplicates()
    linked = {(lead, item.other_id) for lead, item in closed.items() if item.other_id}
    linked |= {(other, lead) for lead, other in linked}
    cells: dict[int, list[str]] = {}
    for lead, marks in (await store.duplicates.duplicate_groups()).items():
        cells[lead] = [
            mark_text(content, language, mark)
            for mark in marks
            if (lead, mark.other_id) not in linked
        ]
    gone = content.text(Text.RECORDS_GONE_REFERENCE, language)
    here: dict[int, list[str]] = {}
    for lead, item in sorted(closed.items()):
        of = item.other_reference or gone
        cells.setdefault(lead, []).insert(
            0, content.text(Text.EXPORT_CLOSED_DUPLICATE, language, reference=of)
        )
        if item.other_id is not None:
            here.setdefault(item.other_id, []).append(item.reference)
    for lead, duplicates in here.items():
        references = ", ".join(duplicates)
        cells.setdefault(lead, []).insert(
            0, content.text(Text.EXPORT_DUPLICATES_HERE, language, references=references)
        )
    return {lead: "; ".join(items) for lead, items in cells.items() if items}


_REASONS = {
    "telegram": Text.RECORDS_SAME_TELEGRAM,
    "email": Text.RECORDS_SAME_EMAIL,
    "phone": Text.RECORDS_SAME_PHONE,
}


# ----- staff correct an answer ----------------------------------------------------------------


class EditError(ValueError):
    """A question staff may not correct here; the message key says why."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.value)
        self.reason = reason


def deciding(content: Content) -> set[str]:
    """Questions whose answer decides which other questions are asked (the sector): a
    correction there would leave the lead with answers to questions it never had. A choice
    followed only by its "which one?" is not one: the correction drops that answer."""
    return {
        key
        for question in content.intake.questions
        for key in (question.when or {})
        if question not in form_order.follow_ups(content, key)
    }


def editable_questions(content: Content, answers: dict[str, Any]) -> list[Question]:
    """The questions of this lead staff may correct, in questionnaire order."""
    keep_out = deciding(content)
    return [
        question
        for question in form_order.visible_questions(content, answers)
        if question.key not in keep_out
    ]


def editable(content: Content, answers: dict[str, Any], key: str) -> Question:
    """The question, if staff may correct it on this lead; else EditError."""
    question = content.questions.get(key)
    if question is None or not form_order.is_visible(question, answers):
        raise EditError(Text.RECORDS_EDIT_UNKNOWN)
    if key in deciding(content):
        raise EditError(Text.RECORDS_EDIT_DECIDING)
    return question


def check_answer(
    content: Content, question: Question, answers: dict[str, Any], text: str
) -> answer_outcomes.Outcome:
    """A typed correction, validated exactly like the form (a multiple-choice answer as its
    labels separated by commas)."""
    if question.type != "multi_choice":
        return field_checks.check_text(question, content, answers, text)
    chosen: list[str] = []
    for part in (part.strip() for part in text.split(",")):
        if not part:
            continue
        outcome = field_checks.check_text(question, content, answers, part)
        if not isinstance(outcome, answer_outcomes.Accepted):
            return answer_outcomes.Rejected(Text.RECORDS_EDIT_MULTI_HINT)
        chosen += [value for value in outcome.value if value not in chosen]
    problem = field_checks.check_selection(question, chosen)
    return problem if problem is not None else answer_outcomes.Accepted(chosen)


def check_values(
    content: Content, question: Question, answers: dict[str, Any], values: list[str]
) -> answer_outcomes.Outcome:
    """Chosen values of a multiple-choice question (the workspace's checkboxes), validated
    like the form: each one on offer, as many as the question allows."""
    offered = {value for value, _ in form_order.choices(question, content, answers)}
    if question.type != "multi_choice" or not set(values) <= offered:
        return answer_outcomes.Rejected(Text.INTAKE_USE_BUTTONS)
    chosen = list(dict.fromkeys(values))
    problem = field_checks.check_selection(question, chosen)
    return problem if problem is not None else answer_outcomes.Accepted(chosen)


def check_choice(
    content: Content, question: Question, answers: dict[str, Any], value: str
) -> answer_outcomes.Outcome:
    """A pressed choice (single choice or province), validated like the form."""
    return field_checks.check_choice(question, content, answers, value)


@dataclass(frozen=True, slots=True)
class TypedFollowUp:
    """A "which one?" the talent typed after a choice ("Genre lain: Angklung fusion" after
    "Lainnya"): `keeps` the choices that keep it; a correction without any of them drops it
    (`edit_answer`), and staff are told so before saving, in chat and in the workspace."""

    keeps: tuple[str, ...]
    words: str  # "Menghapus Lainnya juga menghapus “Genre lain: Angklung fusion”."


def typed_follow_ups(
    content: Content, language: str, question: Question, answers: dict[str, Any]
) -> list[TypedFollowUp]:
    """The typed "which one?" answers a correction of this question may drop (a staff
    review: unticking "Lainnya" dropped the talent's text without a word)."""
    found = []
    for later in form_order.follow_ups(content, question.key):
        typed = answers.get(later.key)
        if typed in (None, ""):
            continue
        keeps = tuple((later.when or {}).get(question.key, ()))
        chosen = [
            label.get(language)
            for value, label in form_order.choices(question, content, answers)
            if value in keeps
        ]
        words = content.text(
            Text.RECORDS_EDIT_DROPS,
            language,
            choice=" / ".join(chosen),
            label=later.label.get(language),
            text=form_order.display(later, content, typed, language),
        )
        found.append(TypedFollowUp(keeps, words))
    return found


async def edit_answer(
    store: Store,
    content: Content,
    application_id: int,
    key: str,
    expected: str | None,
    had_expected: bool,
    value: Any,
    actor: Actor,
) -> EditResult:
    """Save a validated correction if the answer is still what the staff member saw.

    `expected` is the answer as stored when they started (None with had_expected: skipped);
    another correction in between is refused ("conflict") and nothing is saved. The talent is
    not messaged; the lead's history keeps the old and new value, the audit log the question.
    """
    if value is None:
        question = content.questions.get(key)
        if question is None or question.required:
            raise EditError(Text.RECORDS_EDIT_REQUIRED)
    # "Lainnya" corrected to a named role: the "which one?" it had goes in the same change.
    drops = tuple(
        later.key
        for later in form_order.follow_ups(content, key)
        if not form_order.is_visible(later, {key: value})
    )
    return await store.records.edit_answer(
        application_id, key, expected, had_expected, value, actor, drops=drops
    )


# ----- notes ---------------------------------------------------------------------------------


async def edit_note(store: Store, note_id: int, actor: Actor, text: str) -> NoteOutcome:
    """Replace one's own note (checked like a new one by pipeline.check_note first)."""
    return await store.staff_notes.edit_note(note_id, actor, text)


async def delete_note(store: Store, note_id: int, actor: Actor) -> NoteOutcome:
    """Delete one's own note; its text is gone."""
    return await store.staff_notes.delete_note(note_id, actor)


# ----- assignment ----------------------------------------------------------------------------


class AssignError(ValueError):
    """Not an admin: a lead is only handed to someone in ADMIN_IDS."""


async def assign(
    store: Store,
    application_id: int,
    actor: Actor,
    assignee: int | None,
    admins: Iterable[int],
    seen: int | Unseen | None = UNSEEN,
) -> Assignment | None:
    """Hand a lead to an admin (None: to nobody): the lead, and whether that changed anything
    (an unchanged assignment records nothing, so showing the lead is a view to record), or
    was refused: someone other than `seen` (who the page showed handling it) has it now
    (Pipeline.assign); None if the lead is gone."""
    if assignee is not None and assignee not in set(admins):
        raise AssignError(str(assignee))
    return await store.pipeline.assign(application_id, actor, assignee, seen)


def assign_refusal(
    content: Content,
    language: str,
    refused: Assignment,
    wanted: int | None,
    viewer_id: int | None,
    names: dict[int, str],
) -> str:
    """What a refused assignment says: who handles the lead now (`names` knows them and
    `wanted`), and, unless it was an Unassign, that one more press takes it over."""
    state = refused.state
    now = state.assignee_id
    key = Text.RECORDS_ASSIGN_GIVEN
    if wanted is None or wanted == viewer_id:
        key = Text.RECORDS_UNASSIGN_TAKEN if wanted is None else Text.RECORDS_ASSIGN_TAKEN
    return content.text(
        key,
        language,
        reference=state.reference,
        name="" if now is None else names.get(now, str(now)),
        wanted="" if wanted is None else names.get(wanted, str(wanted)),
    )


# ----- history -------------------------------------------------------------------------------


def answer_text(content: Content, language: str, key: str, value: Any, present: bool) -> str:
    """An answer as people read it; "—" for a skipped question, "(none)" for no answer."""
    if not present:
        return content.text(Text.RECORDS_NO_ANSWER, language)
    question = content.questions.get(key)
    if question is None:
        return "—" if value is None else str(value)
    return form_order.display(question, content, value, language)


def after_text(content: Content, language: str, change: AnswerChange) -> str:
    """A changed answer's new value; "(dihapus)" for one that was there and is gone (a
    "which one?" dropped with "Lainnya"), where "(belum ada)" read as never answered."""
    if change.had_before and not change.has_after:
        return content.text(Text.RECORDS_REMOVED_ANSWER, language)
    return answer_text(content, language, change.key, change.after, change.has_after)


def change_line(content: Content, language: str, change: AnswerChange, *, talent: bool) -> str:
    """One changed answer: the talent sees the new value, staff see before and after."""
    question = content.questions.get(change.key)
    label = question.label.get(language) if question else change.key
    after = after_text(content, language, change)
    if talent:
        return content.text(Text.UPDATE_CHANGE_LINE, language, label=label, after=after)
    before = answer_text(content, language, change.key, change.before, change.had_before)
    return content.text(Text.RECORDS_CHANGE_LINE, language, label=label, before=before, after=after)


async def changes(store: Store, application_id: int, limit: int) -> tuple[list[LeadChange], int]:
    """The lead's newest answer changes and duplicate links, and how many there are."""
    return await store.records.changes(application_id, limit)


# ----- lead numbers --------------------------------------------------------------------------


async def missing_lead_text(
    store: Store, content: Content, language: str, typed: str, reference: str | None
) -> str:
    """Why there is no lead for what staff typed: never given, a draft, or erased."""
    if reference is None:
        return content.text(Text.LEAD_NOT_FOUND, language, reference=typed)
    info = await store.records.number_info(reference)
    if info is None:
        return content.text(Text.RECORDS_NUMBER_NEVER_GIVEN, language, reference=reference)
    if info.given:
        return content.text(Text.LEAD_ERASED, language, reference=reference)
    if info.draft:
        return content.text(Text.RECORDS_NUMBER_DRAFT, language, reference=reference)
    return content.text(Text.RECORDS_NUMBER_LEGACY, language, reference=reference)
