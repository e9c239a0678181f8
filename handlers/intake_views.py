"""How the application flow's screens look in Telegram."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.content import Content, Markup, Program, Question, T
from bot.content_checks import SELECTED_MARK
from bot.leads import answer_outcomes, form_order, places
from bot.leads.asked_questions import asks_in_note
from bot.leads.email_typos import EmailSuggestion
from bot.leads.intake_screens import (
    ADD_REST,
    AGE_CHECK,
    CITY_PROVINCE,
    CONSENT,
    DISCARD,
    DISCARD_NOT,
    DISCARD_SURE,
    DISCARDED_UNSENT,
    EDIT_LIST,
    GO_BACK_TO,
    GUARDIAN,
    GUARDIAN_WITHDRAWN,
    HELD_AGE,
    KEEP_TYPED,
    QUESTION,
    TRANSFER,
    USE_CARRIED,
    USE_SUGGESTED,
    Listed,
    Screen,
    carried_offer,
    held_rest,
    navigation,
    offered_province,
)
from bot.leads.intake_screens import press_data as data
from bot.leads.step_questions import kind_sentence
from bot.settings import PrivacyFacts
from bot.store import Draft
from bot.texts import Text
from handlers import registration_views
from handlers.views import LANGUAGE_SET, button, pairs

View = tuple[str, InlineKeyboardMarkup | None]
# The discard asked of a talent who has sent no registration (handlers/intake.py `_present`).
DISCARD_ASKED_UNSENT = "discard_asked_unsent"


def render(screen: Screen, content: Content, language: str, facts: PrivacyFacts) -> View:
    """The text and buttons for a flow screen (the consent screen names who is responsible)."""

    def say(key: Text, **values: Any) -> str:
        # A value in both languages (a choice's label) is said in the talent's; a list of
        # them with "dan"/"and" ("Pop dan Rock").
        said = {name: _said(v, content, language) for name, v in values.items()}
        return content.text(key, language, **said)

    note = screen.note
    if note is Text.INTAKE_USE_BUTTONS and screen.kind in ("review", "edit_list"):
        # A review, an update's summary: no question to name (a talents' review: "For this
        # question" where there was none).
        note = Text.INTAKE_USE_BUTTONS_HERE
    notes = [say(note, **screen.note_values)] if note else []
    if screen.error is not None:
        notes.append(say(screen.error.reason, **_values(screen.error, content, language)))
    draft = screen.draft
    body: View
    if screen.kind in registration_views.SCREENS:  # choose, or the end of an update
        body = registration_views.render(screen, content, language)
    elif screen.kind in ("discard_asked", DISCARD_ASKED_UNSENT) and draft is not None:
        # To one who sent nothing, no "sent registrations stay" (a review s63, L7).
        unsent = screen.kind == DISCARD_ASKED_UNSENT
        asked = Text.INTAKE_DISCARD_ASKED_UNSENT if unsent else Text.INTAKE_DISCARD_ASKED
        body = say(asked), _discard_buttons(draft, content, language)
    elif draft is None or screen.kind in _ENDINGS:
        body = say(_ENDINGS.get(screen.kind, Text.INTAKE_GONE), reference=screen.reference), None
        if screen.kind == "cancelled" and draft is not None:  # paused: it may be thrown away
            body = body[0], _paused_buttons(draft, content, language)
        if screen.kind == "submitted" and asks_in_note(screen.answers):
            body = f"{body[0]}\n\n{say(Text.INTAKE_SUBMITTED_NOTE_ASKS)}", None
        if screen.others or screen.news_stopped:  # under 18, no guardian's consent yet
            body = _as_minor(body[0], screen, content, language), body[1]
    elif screen.kind == AGE_CHECK and screen.question is not None:
        body = _age_check(draft, screen.question, content, language)
    elif screen.kind in (CONSENT, TRANSFER, GUARDIAN):
        # Shown again under a note: the notice is in the message above (not in a language the
        # talent just switched from).
        again = bool(notes) and screen.language is None
        body = _consent(
            screen.kind,
            draft,
            content,
            language,
            facts,
            again=again,
            amends=screen.reference,
            others=screen.others,
        )
    elif screen.kind == QUESTION and screen.question is not None:
        body = _question(screen, draft, screen.question, content, language)
    elif screen.kind == EDIT_LIST:
        body = _edit_list(screen, draft, content, language)
    elif draft.amends is not None:
        body = registration_views.update_review(screen, draft, content, language)
    else:
        body = _review(screen, draft, content, language)
    text, markup = body
    if note in _SAID_BACK and not _has(markup, content.text(Text.BTN_BACK, language)):
        # "Kalau keliru, tekan ⬅️ Kembali" where no Kembali button is (above the review after
        # an answer changed from it): ✏️ Ubah jawaban instead (a review s63, L3).
        notes[0] = say(_SAID_BACK[note], **screen.note_values)
    return "\n\n".join(part for part in [*notes, text] if part), markup


# A note that says "⬅️ Kembali" undoes the answer, and its words for a screen without it.
_SAID_BACK = {
    Text.INTAKE_TAKEN: Text.INTAKE_TAKEN_REVIEW,
    Text.INTAKE_TAKEN_BESIDES: Text.INTAKE_TAKEN_BESIDES_REVIEW,
    Text.INTAKE_TAKEN_ROLE: Text.INTAKE_TAKEN_ROLE_REVIEW,
    Text.INTAKE_OTHER_TAKEN: Text.INTAKE_OTHER_TAKEN_REVIEW,
}


def _has(markup: InlineKeyboardMarkup | None, label: str) -> bool:
    """Whether the screen's buttons include one with these words."""
    rows = markup.inline_keyboard if markup is not None else ()
    return any(item.text == label for row in rows for item in row)


def _about(page: Program, language: str, kind: str | None) -> str | None:
    """A program's line: its `about` (what kind of thing it is, its status, how a talent
    gets in), or the first sentence that names a kind of work (in what it is, who it is
    for, what it offers)."""
    if kind is None:
        return page.about.get(language)
    parts = (page.what, page.who, page.offers)
    return next(
        (found for part in parts if (found := kind_sentence(kind, part.get(language)))), None
    )


def _values(error: answer_outcomes.Rejected, content: Content, language: str) -> dict[str, Any]:
    """A refusal's values as shown: the programs asked about, a line on each, from its page
    (its `about`)."""
    if error.reason in _LISTED:
        return _listed(error.values, content, language)
    summed = (Text.INTAKE_CHOICES_PROGRAMS, Text.INTAKE_PROGRAMS_NOT_SAID)
    kinded = error.reason is Text.INTAKE_PROGRAMS_KIND
    keys = error.values.get("programs") if error.reason in summed or kinded else None
    if keys is None:
        return error.values
    kind = str(error.values.get("kind", "")) if kinded else None
    return {**error.values, "programs": program_lines(content, language, keys, kind)}


def program_lines(
    content: Content,
    language: str,
    keys: Iterable[str],
    kind: str | None = None,
    *,
    when: bool = False,
) -> Markup:
    """A line on each program ("• <b>MU:CON</b>: …"): its `about`, or what its page says of
    a kind of work (`kind`); `when`: its page's dates and place (`timing`) below it."""
    pages = [content.programs[key] for key in keys if key in content.programs]
    lines = (
        f"• <b>{html.escape(page.choice_label.get(language))}</b>: {said}"
        + (f"\n🗓 {page.timing.get(language)}" if when else "")
        for page in pages
        if (said := _about(page, language, kind))
    )
    return Markup("\n".join(lines))


# Hints that name a question's choices ("misalnya Pop, Keroncong, atau Tradisional/etnik").
_LISTED = frozenset(
    {Text.INTAKE_CHOICES_NAMED, Text.INTAKE_CHOICES_NAMED_OR_OTHER, Text.INTAKE_CHOICES_DIFFERENCE}
)


def _listed(values: dict[str, Any], content: Content, language: str) -> dict[str, Any]:
    """The choices a hint names, as a list in the talent's language, or a line on each with
    what it is; and how many may be ticked, at a multiple choice."""
    shown = dict(values)
    up_to = shown.pop("up_to", None)
    limit = content.text(Text.INTAKE_CHOICES_UP_TO, language, max=up_to) if up_to else ""
    shown["limit"] = Markup(f" {limit}" if limit else "")
    if "named" in shown:
        labels = [label.get(language) for label in shown["named"]]
        shown["named"] = _list(content, language, labels, Text.INTAKE_CHOICES_LIST)
    if "lines" in shown:
        shown["lines"] = "\n".join(
            f"• {label.get(language)}: {about.get(language)}" for label, about in shown["lines"]
        )
    return shown


# A list's text of two items, and of three or more (a comma before the last in Indonesian).
_LIST_MORE = {
    Text.INTAKE_CHOICES_LIST: Text.INTAKE_CHOICES_LIST_MORE,
    Text.INTAKE_LIST_AND: Text.INTAKE_LIST_AND_MORE,
}


def _list(content: Content, language: str, items: list[str], two: Text) -> str:
    """Items said as a list in a language: "A", "A dan B", "A, B, dan C" / "A, B and C"."""
    if len(items) < 2:
        return "".join(items)
    key = two if len(items) == 2 else _LIST_MORE[two]
    return Markup(content.text(key, language, some=", ".join(items[:-1]), last=items[-1]))


def _said(value: Any, content: Content, language: str) -> Any:
    """A note's value as said in a language: a label in it, a list with "dan"/"and"."""
    if isinstance(value, T):
        return value.get(language)
    if isinstance(value, Listed):
        items = [item.get(language) if isinstance(item, T) else item for item in value.items]
        either = Text.INTAKE_CHOICES_LIST if value.either else Text.INTAKE_LIST_AND
        return _list(content, language, items, either)
    return value


_ENDINGS = {
    "submitted": Text.INTAKE_SUBMITTED,
    "declined": Text.INTAKE_DECLINED,
    "cancelled": Text.INTAKE_CANCELLED,
    "stopped": Text.INTAKE_STOPPED_EMPTY,
    "guardian_declined": Text.INTAKE_GUARDIAN_DECLINED,
    GUARDIAN_WITHDRAWN: Text.INTAKE_GUARDIAN_WITHDRAWN,
    "gone": Text.INTAKE_GONE,
    "discarded_draft": Text.INTAKE_DRAFT_DISCARDED,
    DISCARDED_UNSENT: Text.INTAKE_DRAFT_DISCARDED_UNSENT,
}


def _as_minor(text: str, screen: Screen, content: Content, language: str) -> str:
    """Under 18 and no guardian's consent yet: the talent's other registrations it cancelled
    too, and program news stopped, with how to get it back (a talents' review s62)."""
    lines = [text]
    if screen.others:
        references = _list(content, language, list(screen.others), Text.INTAKE_LIST_AND)
        said = Text.INTAKE_GUARDIAN_WITHDRAWN_OTHERS
        lines.append(content.text(said, language, references=references))
    if screen.news_stopped:
        lines.append(content.text(Text.INTAKE_GUARDIAN_NEWS_STOPPED, language))
    return "\n\n".join(lines)


def _paused_buttons(draft: Draft, content: Content, language: str) -> InlineKeyboardMarkup:
    """Under "paused": throw the draft away (an update's draft: the lead stays as it is)."""
    if draft.amends is not None:
        discard = button(content.text(Text.BTN_UPDATE_DISCARD, language), data(draft, "ud"))
    else:
        discard = button(content.text(Text.BTN_DISCARD_DRAFT, language), data(draft, DISCARD))
    return InlineKeyboardMarkup([[discard]])


def _discard_buttons(draft: Draft, content: Content, language: str) -> InlineKeyboardMarkup:
    """Sure to throw the draft away, or keep it paused."""
    sure = button(content.text(Text.BTN_DISCARD_SURE, language), data(draft, DISCARD_SURE))
    keep = button(content.text(Text.BTN_DISCARD_NOT, language), data(draft, DISCARD_NOT))
    return InlineKeyboardMarkup([[sure, keep]])


def _consent(
    stage: str,
    draft: Draft,
    content: Content,
    language: str,
    facts: PrivacyFacts,
    *,
    again: bool = False,
    amends: str | None = None,
    others: tuple[str, ...] = (),
) -> View:
    """A consent screen; `again`: the consent to processing asked again under a note (a
    typed message, a question answered), without its dozen lines of notice (two talents'
    reviews scrolled past it after every message), which the message above holds; `amends`:
    the reference of the sent registration an update's draft changes."""
    privacy = content.privacy
    if stage == GUARDIAN:
        text = privacy.guardian_notice.get(language)
        yes, no = Text.BTN_GUARDIAN_YES, Text.BTN_GUARDIAN_NO
        if draft.amends is not None and amends:  # "no" cancels the sent one: said first
            note = content.text(
                Text.INTAKE_GUARDIAN_UPDATE_NOTE,
                language,
                button=content.text(no, language),
                reference=amends,
            )
            if others:  # the talent's other open registrations: not cancelled, named
                note += " " + content.text(
                    Text.INTAKE_GUARDIAN_UPDATE_NOTE_OTHERS,
                    language,
                    references=_list(content, language, list(others), Text.INTAKE_LIST_AND),
                )
            text = f"{text}\n\n{note}"
    elif stage == TRANSFER:  # the notice was shown one step earlier
        # Only asked with FORWARD_TO set (the flow moves on otherwise): names the recipient.
        text = content.forwarding_question(language, facts) or ""
        yes, no = Text.BTN_YES, Text.BTN_NO
    elif again:
        question = privacy.consent("processing").question.get(language)
        text = content.text(Text.INTAKE_CONSENT_AGAIN, language, question=Markup(question))
        yes, no = Text.BTN_AGREE, Text.BTN_DECLINE
    else:
        item = privacy.consent("processing")
        notice = content.privacy_text(privacy.consent_intro, language, facts)
        text = content.text(
            Text.INTAKE_CONSENT,
            language,
            notice=Markup(notice),
            question=Markup(item.question.get(language)),
        )
        yes, no = Text.BTN_AGREE, Text.BTN_DECLINE
    rows = [
        [
            button(content.text(yes, language), data(draft, "y")),
            button(content.text(no, language), data(draft, "n")),
        ]
    ]
    if stage == GUARDIAN:  # a minor may need to ask first (a talents' review): as every question
        # ⬅️ Back to the age question: an adult who picked "under 18" by mistake (a review).
        rows.append(
            [
                button(content.text(Text.BTN_BACK, language), data(draft, "b")),
                button(content.text(Text.BTN_PAUSE, language), data(draft, "x")),
            ]
        )
    return text, InlineKeyboardMarkup(rows)


def _age_check(draft: Draft, question: Question, content: Content, language: str) -> View:
    """An adult age picked after the account said in an earlier form it was under 18: that
    age confirmed, or the under-18 path (the guardian's consent), asked once."""
    held = draft.pending.get(HELD_AGE) if isinstance(draft.pending, dict) else None
    age = form_order.display(question, content, held, language) if held is not None else "—"
    rows = [
        [button(content.text(Text.BTN_AGE_CHECK_ADULT, language, age=age), data(draft, "y"))],
        [button(content.text(Text.BTN_AGE_CHECK_UNDER_18, language), data(draft, "n"))],
        [
            button(content.text(Text.BTN_BACK, language), data(draft, "b")),
            button(content.text(Text.BTN_PAUSE, language), data(draft, "x")),
        ],
    ]
    return content.text(Text.INTAKE_AGE_CHECK, language, age=age), InlineKeyboardMarkup(rows)


def _question(
    screen: Screen, draft: Draft, question: Question, content: Content, language: str
) -> View:
    answers = screen.answers
    keys = [item.key for item in form_order.expected_questions(content, answers)]
    # A "which one?" after "Lainnya" is part of its question: its number, marked so.
    parent = form_order.follow_up_of(content, question)
    counted = parent.key if parent is not None else question.key
    number = keys.index(counted) + 1 if counted in keys else len(keys)
    # One answer changed from the review: the prompt without the way into the form.
    prompt = question.edit_prompt if draft.editing and question.edit_prompt else question.prompt
    if draft.editing:  # which answer is changed, not "Pertanyaan 10 dari 17" (a review)
        named = (parent or question).label.get(language)
        heading = content.text(
            Text.INTAKE_QUESTION_EDITING, language, label=named, prompt=Markup(prompt.get(language))
        )
    else:
        heading = content.text(
            Text.INTAKE_QUESTION if parent is None else Text.INTAKE_QUESTION_FOLLOW_UP,
            language,
            number=number,
            total=len(keys),
            prompt=Markup(prompt.get(language)),
        )
    parts = [heading]
    help_text = form_order.help_for(question, answers)
    if help_text is not None:
        parts.append(f"<i>{help_text.get(language)}</i>")
    if not question.required:
        parts.append(content.text(Text.INTAKE_OPTIONAL, language))
    rows: list[list[InlineKeyboardButton]] = []
    if question.type == "multi_choice":
        selection = list(draft.pending or [])
        if selection:
            # "Lainnya: Shoegaze": what Lainnya holds, as typed (a talents' review s61, L5).
            other = form_order.other_follow_up(question, content)
            typed = answers.get(other[2].key) if other is not None else None
            # A choice a /reload removed by its last label, or not at all (s65, F3).
            labelled = [
                (value, form_order.display(question, content, [value], language, talent=True))
                for value in selection
            ]
            shown = ", ".join(
                f"{label}: {typed}"
                if other is not None and value == other[0] and isinstance(typed, str)
                else label
                for value, label in labelled
                if label
            )
            if shown:
                parts.append(content.text(Text.INTAKE_SELECTED, language, selection=shown))
        options = form_order.choices(question, content, answers)
        rows += pairs(
            [
                button(
                    (SELECTED_MARK if value in selection else "") + label.get(language),
                    data(draft, "t", value),
                )
                for value, label in options
            ]
        )
        rows.append([button(content.text(Text.BTN_DONE, language), data(draft, "d"))])
    elif question.type == "single_choice":
        options = form_order.choices(question, content, answers)
        rows += pairs(
            [button(label.get(language), data(draft, "c", value)) for value, label in options]
        )
    elif question.type == "province":
        rows += _province_rows(screen, draft, content, language, parts)
    elif question.type == "email":
        rows += _suggestion_rows(draft, content, language, parts)
    elif question.type == "short_text":
        rows += _stage_name_rows(draft, content, language, parts)
    if question.key in answers and question.type != "multi_choice":
        current = form_order.display(
            question, content, answers[question.key], language, talent=True
        )
        parts.append(content.text(Text.INTAKE_CURRENT_ANSWER, language, answer=current))
    offered = carried_offer(draft.pending)
    if offered is not None:  # a new number or email from the talent's wish to change
        value = form_order.display(question, content, offered, language)
        field = question.label.get(language)
        parts.append(content.text(Text.INTAKE_CARRIED_OFFER, language, value=value, field=field))
        use = html.unescape(content.text(Text.BTN_USE_CARRIED, language, value=value))
        rows.append([button(use, data(draft, USE_CARRIED))])
    earlier = content.questions.get(screen.offered or "")
    if earlier is not None:  # "salah, harusnya musik": that question, one tap away
        field = earlier.label.get(language)
        rows.append(
            [
                button(
                    content.text(Text.BTN_CHANGE_EARLIER, language, field=field),
                    data(draft, GO_BACK_TO, earlier.key),
                )
            ]
        )
    if screen.language_offered is not None:  # "English Please" at a name: switch, or not
        key = Text.BTN_LANGUAGE_EN if screen.language_offered == "en" else Text.BTN_LANGUAGE_ID
        rows.append([button(content.text(key, language), LANGUAGE_SET + screen.language_offered)])
    rows += _navigation(draft, question, answers, content, language)
    return "\n".join(parts), InlineKeyboardMarkup(rows)


def _province_rows(
    screen: Screen, draft: Draft, content: Content, language: str, parts: list[str]
) -> list[list[InlineKeyboardButton]]:
    if screen.matches:
        question = screen.question
        fills = question.city_question if question is not None else None
        one = len(screen.matches) == 1 and screen.city is None  # "Serambi Mekkah": Aceh
        values = screen.matches[: places.MATCHES_SHOWN]
        city, named = "", screen.city
        if screen.city is not None and fills is not None and len(values) == 1:
            # The city comes with the province (as its place in the list: data stays short).
            city = str(content.provinces[values[0]].cities.index(screen.city))
            # The kind typed before it ("Kab. Bandung") rides along, as a typed yes keeps it,
            # and is named in the offer (a talents' review: "Bandung sekalian kucatat", and
            # "Kabupaten Bandung" stored).
            offer = offered_province(draft.pending)
            if offer is not None and offer[0] == values[0] and offer[1].startswith(f"{city}:"):
                city, kind = offer[1], offer[1].partition(":")[2]
                named = f"{kind} {screen.city}" if kind in places.KINDS else screen.city
        if screen.guessed or one:  # "Jawa Tenggah": "Maksudmu Jawa Tengah?", not "a few"
            province = content.provinces[screen.matches[0]].label.get(language)
            parts.append(content.text(Text.INTAKE_PROVINCE_GUESSED, language, province=province))
        else:
            parts.append(_matches_line(screen.matches, named, content, language, fills))
        if city:
            label = content.provinces[values[0]].label.get(language)
            return [[button(label, data(draft, CITY_PROVINCE, f"{values[0]}:{city}"))]]
        return pairs([_province_button(draft, content, language, value) for value in values])
    values, pages = places.province_page(content, screen.page)
    page = min(max(screen.page, 0), pages - 1)
    parts.append(content.text(Text.INTAKE_PROVINCE_HINT, language, page=page + 1, pages=pages))
    rows = pairs([_province_button(draft, content, language, value) for value in values])
    paging = []
    if page > 0:
        paging.append(
            button(content.text(Text.BTN_PREV_PAGE, language), data(draft, "p", str(page - 1)))
        )
    if page < pages - 1:
        paging.append(
            button(content.text(Text.BTN_NEXT_PAGE, language), data(draft, "p", str(page + 1)))
        )
    if paging:
        rows.append(paging)
    return rows


def _matches_line(
    matches: list[str], city: str | None, content: Content, language: str, fills: str | None
) -> str:
    """Above the provinces that match: the city recognised and its province (and that the
    city will be noted too, where it answers a later question), or "which one?"."""
    if city is None:
        return content.text(Text.INTAKE_PROVINCE_MATCHES, language)
    province = content.provinces[matches[0]].label.get(language)
    key = Text.INTAKE_PROVINCE_OF_CITY if fills is None else Text.INTAKE_PROVINCE_OF_CITY_NOTED
    return content.text(key, language, city=city, province=province)


def _suggestion_rows(
    draft: Draft, content: Content, language: str, parts: list[str]
) -> list[list[InlineKeyboardButton]]:
    """ "Did you mean dewi@gmail.com?" under an email question, if the draft holds it."""
    suggestion = EmailSuggestion.from_pending(draft.pending)
    if suggestion is None:
        return []
    typed, suggested = suggestion.typed, suggestion.suggested
    # "putu@gmail,com" is no address to keep: only the one it meant is offered.
    asked = Text.INTAKE_EMAIL_SUGGESTION if suggestion.keepable else Text.INTAKE_EMAIL_MENDED
    parts.append(content.text(asked, language, suggested=suggested, typed=typed))

    def label(key: Text, address: str) -> str:  # a button's label is plain text, not HTML
        return html.unescape(content.text(key, language, address=address))

    rows = [[button(label(Text.BTN_EMAIL_SUGGESTED, suggested), data(draft, USE_SUGGESTED))]]
    if suggestion.keepable:
        rows.append([button(label(Text.BTN_EMAIL_AS_TYPED, typed), data(draft, KEEP_TYPED))])
    return rows


def _stage_name_rows(
    draft: Draft, content: Content, language: str, parts: list[str]
) -> list[list[InlineKeyboardButton]]:
    """ "Is your stage name Ratna Solo?" under the stage name typed in a sentence, if the
    draft holds it (the same shape as an email's suggestion)."""
    found = EmailSuggestion.from_pending(draft.pending)
    if found is None:
        return []
    parts.append(content.text(Text.INTAKE_STAGE_NAME_FOUND, language, name=found.suggested))
    name = html.unescape(content.text(Text.BTN_STAGE_NAME_FOUND, language, name=found.suggested))
    return [
        [button(name, data(draft, USE_SUGGESTED))],
        [button(content.text(Text.BTN_STAGE_NAME_AS_TYPED, language), data(draft, KEEP_TYPED))],
    ]


def _province_button(
    draft: Draft, content: Content, language: str, value: str
) -> InlineKeyboardButton:
    return button(content.provinces[value].label.get(language), data(draft, "c", value))


def _navigation(
    draft: Draft, question: Question, answers: dict[str, Any], content: Content, language: str
) -> list[list[InlineKeyboardButton]]:
    row = [
        button(content.text(key, language), data(draft, action))
        for action, key in navigation(content, draft, question, answers)
    ]
    return pairs(row)  # up to four buttons: two a row, so their labels stay readable


def summary(
    content: Content, answers: dict[str, Any], language: str, *, talent: bool = False
) -> str:
    """Every answer of an application, one line each, in questionnaire order (as its
    `talent` reads it, or staff: form_order.display)."""
    lines = []
    for question in form_order.visible_questions(content, answers):
        if question.key not in answers:
            continue
        summed = _summed(question, content, answers)
        value = form_order.display(question, content, summed, language, talent=talent)
        lines.append(
            content.text(
                Text.SUMMARY_LINE, language, label=question.label.get(language), value=value
            )
        )
    return "\n".join(lines)


def _summed(question: Question, content: Content, answers: dict[str, Any]) -> Any:
    """A question's answer as the summary lists it: a multiple choice without its "Lainnya"
    when the line after it says what that is ("Bahasa lain: Jawa"; a talents' review: "Bahasa
    Indonesia, Bahasa Inggris, Lainnya" above it), unless nothing else was ticked."""
    value = answers[question.key]
    other = form_order.other_follow_up(question, content)
    if question.type != "multi_choice" or other is None or not isinstance(value, list):
        return value
    said = answers.get(other[2].key)
    rest = [item for item in value if item != other[0]]
    return rest if rest and isinstance(said, str) and said.strip() else value


# Text typed at the review, read as no step: the summary is just above, not sent again.
_REVIEW_ABOVE = frozenset({Text.INTAKE_USE_BUTTONS, Text.INTAKE_REST_OFFERED})


def _review(screen: Screen, draft: Draft, content: Content, language: str) -> View:
    rest_refused = screen.error is not None and screen.error.reason is Text.INTAKE_REST_TOO_LONG
    if screen.note in _REVIEW_ABOVE or rest_refused:
        text = content.text(Text.INTAKE_REVIEW_ABOVE, language)
    else:
        summary_text = Markup(summary(content, screen.answers, language, talent=True))
        text = content.text(Text.INTAKE_REVIEW, language, summary=summary_text)
    rows = []
    if held_rest(draft.pending) is not None:  # the rest of the answer before, to add
        rows.append([button(content.text(Text.BTN_ADD_REST, language), data(draft, ADD_REST))])
    rows += [
        [button(content.text(Text.BTN_SUBMIT, language), data(draft, "ok"))],
        [
            button(content.text(Text.BTN_EDIT, language), data(draft, "e")),
            button(content.text(Text.BTN_PAUSE, language), data(draft, "x")),
        ],
    ]
    return text, InlineKeyboardMarkup(rows)


def _edit_list(screen: Screen, draft: Draft, content: Content, language: str) -> View:
    questions = [
        question
        for question in form_order.visible_questions(content, screen.answers)
        if question.key in screen.answers
    ]
    rows = pairs(
        [
            button(question.label.get(language), data(draft, "e", question.key))
            for question in questions
        ]
    )
    rows.append([button(content.text(Text.BTN_TO_REVIEW, language), data(draft, "r"))])
    return content.text(Text.INTAKE_EDIT_PROMPT, language), InlineKeyboardMarkup(rows)
