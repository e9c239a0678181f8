"""Screens of the talent journey: text plus inline keyboard, built from content/."""

from __future__ import annotations

import functools
import html

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import support
from bot.content import Content, FaqItem, Markup, Program
from bot.store import User
from bot.texts import Text
from bot.transport.sending import FixedKeyboard

Screen = tuple[str, InlineKeyboardMarkup]

# Callback data: short, stable prefixes; content keys are at most 24 characters.
MENU = "menu"
PROGRAMS = "programs"
SECTION = "section:"
PROGRAM = "program:"
FAQ = "faq"
FAQ_ITEM = "faq:"
FROM = "@"  # after an FAQ button's key: the program page it was opened from
LANGUAGE = "lang"
LANGUAGE_SET = "lang:"
PRIVACY = "privacy"
APPLY = "apply"
APPLY_PROGRAM = "apply:"
ASK = "ask"
ASK_DONE = "ask:done"
ASK_AGAIN = support.ASK_AGAIN  # under a staff answer: opens ask mode, keeps the answer
SUBSCRIBE_ON = "sub:on"
SUBSCRIBE_OFF = "sub:off"
STATUS = "status"


def button(text: str, data: str) -> InlineKeyboardButton:
    """An inline button that sends callback data."""
    return InlineKeyboardButton(text, callback_data=data)


def pairs(buttons: list[InlineKeyboardButton]) -> list[list[InlineKeyboardButton]]:
    """Lay buttons out two per row, as phones show them best."""
    return [buttons[index : index + 2] for index in range(0, len(buttons), 2)]


def back_row(content: Content, language: str, data: str) -> list[InlineKeyboardButton]:
    """Back to the previous screen, and to the main menu."""
    row = [button(content.text(Text.BTN_BACK, language), data)]
    if data != MENU:
        row.append(button(content.text(Text.BTN_MENU, language), MENU))
    return row


def is_subscribed(talent: User | None) -> bool:
    """Whether the stored talent receives announcements."""
    return talent is not None and talent.subscribed


@functools.lru_cache(maxsize=32)
def main_menu(
    content: Content,
    language: str,
    *,
    subscribed: bool,
    ask: bool,
    status: bool = False,
    paused: bool = False,
) -> Screen:
    """The main menu: an announcements on/off button; "Ask our team" only with a staff chat;
    "Continue registration" (the same button: it resumes) with an unfinished registration.

    Built once per content, language and choice of buttons (keyboards are immutable): it goes
    with most replies, and building its buttons showed in the profile of every free text.
    """
    toggle = (
        button(content.text(Text.BTN_SUBSCRIBE_OFF, language), SUBSCRIBE_OFF)
        if subscribed
        else button(content.text(Text.BTN_SUBSCRIBE_ON, language), SUBSCRIBE_ON)
    )
    apply = Text.BTN_APPLY_RESUME if paused else Text.BTN_APPLY
    rows = [
        [button(content.text(Text.BTN_PROGRAMS, language), PROGRAMS)],
        [button(content.text(Text.BTN_FAQ, language), FAQ)],
        [button(content.text(apply, language), APPLY)],
        [toggle],
        [
            button(content.text(Text.BTN_LANGUAGE, language), LANGUAGE),
            button(content.text(Text.BTN_PRIVACY, language), PRIVACY),
        ],
    ]
    if status:  # after applying, where a talent looks for news about it
        rows.insert(3, [button(content.text(Text.BTN_STATUS, language), STATUS)])
    if ask:  # right after the FAQ: the next step when the FAQ has no answer
        rows.insert(2, [button(content.text(Text.BTN_ASK, language), ASK)])
    return content.text(Text.MENU_PROMPT, language), FixedKeyboard(rows)


def sections(content: Content, language: str) -> Screen:
    """Film or music."""
    rows = [
        [button(section.title.get(language), SECTION + key)]
        for key, section in content.sections.items()
    ]
    rows.append(back_row(content, language, MENU))
    return content.text(Text.PROGRAMS_INTRO, language), InlineKeyboardMarkup(rows)


def section_page(content: Content, language: str, key: str) -> Screen:
    """One section's introduction and its programs."""
    section = content.sections[key]
    buttons = [
        button(program.title.get(language), PROGRAM + program.key)
        for program in content.programs_in(key)
    ]
    rows = [[item] for item in buttons]
    rows.append(back_row(content, language, PROGRAMS))
    text = content.text(
        Text.SECTION_PROGRAMS,
        language,
        title=section.title.get(language),
        intro=Markup(section.intro.get(language)),
    )
    return text, InlineKeyboardMarkup(rows)


def program_list(content: Content, language: str) -> str:
    """Every program page, under its section's name: "<b>Film</b>" and a line per page."""
    parts = []
    for key, section in content.sections.items():
        lines = [
            content.text(Text.PROGRAM_LIST_LINE, language, title=program.title.get(language))
            for program in content.programs_in(key)
        ]
        if lines:
            heading = content.text(
                Text.PROGRAM_LIST_SECTION, language, section=section.title.get(language)
            )
            parts.append("\n".join([heading, *lines]))
    return "\n".join(parts)


def news_line(content: Content, language: str, *, subscribed: bool) -> str:
    """The line pages marked `subscribe_hint` end with: an invitation to /langganan for a
    talent who does not get program news, or that they do (and how to stop) for one who does."""
    return content.text(Text.SUBSCRIBED_HINT if subscribed else Text.SUBSCRIBE_HINT, language)


def register_button(
    content: Content, language: str, program: Program, *, resume: bool = False
) -> tuple[str, str] | None:
    """(label, data) of "📝 Register interest" for a page that takes registrations of interest
    (others have their own way in, or are not programs); wherever the page is shown.
    `resume`: the talent has an unfinished registration, which the button resumes, so it
    says "▶️ Continue registration" (an attacker's review s56, L5)."""
    if program.interest != "page":
        return None
    label = Text.BTN_APPLY_RESUME if resume else Text.BTN_APPLY_PROGRAM
    return content.text(label, language), APPLY_PROGRAM + program.key


def program_page(
    content: Content, language: str, program: Program, *, subscribed: bool, resume: bool = False
) -> Screen:
    """Everything a talent needs to know about one program (`subscribed`: whether the talent
    reading it gets program news, for a page with `subscribe_hint`; `resume`: see
    `register_button`)."""
    kind = Text.PROGRAM_KIND_OPEN_CALL if program.kind == "open_call" else Text.PROGRAM_KIND_INFO
    notes = [content.text(kind, language)]
    if program.status == "sample":
        notes.append(content.text(Text.PROGRAM_SAMPLE, language))
    link = ""
    if program.source_url:
        link = content.text(Text.PROGRAM_SOURCE_LINK, language, url=program.source_url)
    how = program.how.get(language)
    if program.subscribe_hint:  # the last line of "Yang bisa kamu lakukan", where it was
        how = f"{how}\n{news_line(content, language, subscribed=subscribed)}"
    text = content.text(
        Text.PROGRAM_PAGE,
        language,
        title=program.title.get(language),
        as_of=Markup(content.as_of_line(program.as_of, language)),
        status=Markup("\n".join(notes)),
        what=Markup(program.what.get(language)),
        who=Markup(program.who.get(language)),
        offers=Markup(program.offers.get(language)),
        timing=Markup(program.timing.get(language)),
        how=Markup(how),
        source=Markup(program.source.get(language)),
        link=Markup(link),
    )
    rows: list[list[InlineKeyboardButton]] = []
    register = register_button(content, language, program, resume=resume)
    if register is not None:
        rows.append([button(*register)])
    # The answer's Back leads back here: faq:<key>@<program> (old buttons lead to the FAQ).
    rows += [
        [button(content.faq[key].question.get(language), f"{FAQ_ITEM}{key}{FROM}{program.key}")]
        for key in program.faq
    ]
    rows.append(back_row(content, language, SECTION + program.section))
    return text, InlineKeyboardMarkup(rows)


def faq_list(content: Content, language: str) -> Screen:
    """Every FAQ question as a button."""
    rows = [
        [button(item.question.get(language), FAQ_ITEM + key)] for key, item in content.faq.items()
    ]
    rows.append(back_row(content, language, MENU))
    return content.text(Text.FAQ_INTRO, language), InlineKeyboardMarkup(rows)


def faq_answer(
    content: Content,
    language: str,
    key: str,
    *,
    subscribed: bool,
    operator: str,
    back: str = FAQ,
    resume: bool = False,
    registered: bool = False,
) -> Screen:
    """One FAQ answer (`subscribed`: whether the talent reading it gets program news, for an
    answer with `subscribe_hint`; `operator`: who runs the bot, CONTROLLER_NAME, for
    {controller_name}; `back`: where its Back button leads, the FAQ list unless it was opened
    from a program page; `resume`, `registered`: see `faq_action`)."""
    item = content.faq[key]
    answer = item.answer.get(language).replace("{controller_name}", html.escape(operator))
    if item.lists_programs:
        answer = answer.replace("{programs}", program_list(content, language))
    if item.subscribe_hint:
        answer = f"{answer}\n{news_line(content, language, subscribed=subscribed)}"
    if item.as_of is not None:  # at the top, as on program pages: read before the facts
        answer = f"{content.as_of_line(item.as_of, language)}\n{answer}"
    text = content.text(
        Text.FAQ_ANSWER, language, question=item.question.get(language), answer=Markup(answer)
    )
    actions = faq_action(content, language, item, resume=resume, registered=registered)
    rows = [[button(label, data)] for label, data in actions]
    return text, InlineKeyboardMarkup([*rows, back_row(content, language, back)])


def faq_action(
    content: Content,
    language: str,
    item: FaqItem,
    *,
    resume: bool = False,
    registered: bool = False,
) -> list[tuple[str, str]]:
    """(label, data) of the button that does what an FAQ answer's last line says (start the
    registration, ask the team), if it has one. `resume`: the talent has an unfinished
    registration, which the button resumes: "▶️ Continue registration", as in the menu;
    `registered`: the talent has a sent registration, whose status stands in for the line
    that invites registering (`registered_line`), and so for its button."""
    if item.action == "register" and registered and not resume and item.registered_line:
        return [(content.text(Text.BTN_STATUS, language), STATUS)]
    if item.action == "register":
        label = Text.BTN_APPLY_RESUME if resume else Text.BTN_APPLY
        return [(content.text(label, language), APPLY)]
    if item.action == "ask":
        return [(content.text(Text.BTN_ASK, language), ASK)]
    if item.action == "language":
        return [
            (content.text(Text.BTN_LANGUAGE_ID, language), LANGUAGE_SET + "id"),
            (content.text(Text.BTN_LANGUAGE_EN, language), LANGUAGE_SET + "en"),
        ]
    return []


def language_picker(content: Content, language: str) -> Screen:
    """Choose Bahasa Indonesia or English."""
    rows = [
        [
            button(content.text(Text.BTN_LANGUAGE_ID, language), LANGUAGE_SET + "id"),
            button(content.text(Text.BTN_LANGUAGE_EN, language), LANGUAGE_SET + "en"),
        ],
        back_row(content, language, MENU),
    ]
    return content.text(Text.LANGUAGE_PROMPT, language), InlineKeyboardMarkup(rows)
