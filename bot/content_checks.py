"""Checks of content/ beyond its schema: button widths, unfinished texts, dates, reviews.

`load_content` runs the checks that make content unusable (problems); `review_warnings`
lists pages whose facts are due for a fresh look (warnings: the bot still serves them).
bot.content imports this module, so names from bot.content are imported inside functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot import commands
from bot.placeholders import placeholder_in
from bot.reactions import REACTIONS
from bot.texts import Text

if TYPE_CHECKING:
    from bot.content import Content, Dated, T
    from bot.settings import Forwarding

# How many characters a label may have, by how many buttons share its row: longer labels
# are cut off ("Daftar untuk pro…") on a phone held upright.
ROW_LIMITS = {1: 40, 2: 24, 3: 16}
SELECTED_MARK = "✅ "  # put before a chosen option of a multiple-choice question

# How rows are known: content files have fixed layouts (see the header of each file), and
# interface buttons (messages*.yaml, btn_*) are alone on their row unless listed here with
# the number of buttons the views put on their row. A view that puts a button beside another
# adds its key here, so check-content holds the label to the row it is shown in.
SHARED_ROWS: dict[Text, int] = {
    Text.BTN_LANGUAGE: 2,  # main menu: language | privacy
    Text.BTN_PRIVACY: 2,
    Text.BTN_BACK: 2,  # back | main menu, and the questionnaire's navigation
    Text.BTN_MENU: 2,
    Text.BTN_LANGUAGE_ID: 2,
    Text.BTN_LANGUAGE_EN: 2,
    Text.BTN_AGREE: 2,  # consent: agree | decline
    Text.BTN_DECLINE: 2,
    Text.BTN_YES: 2,
    Text.BTN_NO: 2,
    Text.BTN_GUARDIAN_YES: 2,
    Text.BTN_GUARDIAN_NO: 2,
    Text.BTN_KEEP: 2,  # questionnaire navigation: two buttons a row
    Text.BTN_SKIP: 2,
    Text.BTN_PAUSE: 2,
    Text.BTN_TO_REVIEW: 2,
    Text.BTN_EDIT: 2,  # review: edit | save & exit
    Text.BTN_PREV_PAGE: 2,
    Text.BTN_NEXT_PAGE: 2,
    Text.BTN_MY_DATA: 2,  # privacy: copy of my data | delete my data
    Text.BTN_DELETE_DATA: 2,
    Text.BTN_CANCEL: 2,  # announcements: back | cancel
    Text.BTN_BROADCAST_ADD_ENGLISH: 2,
    Text.BTN_BROADCAST_SAME: 2,
    Text.BTN_BROADCAST_SEND: 2,
    Text.BTN_BROADCAST_SCHEDULE: 2,
    Text.BTN_AUDIENCE_SECTOR: 2,
    Text.BTN_AUDIENCE_LANGUAGE: 2,
    Text.BTN_AUDIENCE_PROVINCE: 2,
    Text.BTN_AUDIENCE_SOURCE: 2,
    Text.BTN_BROADCAST_VIEW: 2,  # the list of announcements: view | cancel, each
    Text.BTN_BROADCAST_STOP: 2,
    Text.BTN_BROADCAST_RESCHEDULE: 2,  # one announcement: reschedule | cancel
    Text.BTN_BROADCAST_STOP_YES: 2,  # cancel, asked once: yes | no
    Text.BTN_BROADCAST_KEEP: 2,
    Text.BTN_CONTACTED: 2,  # a lead's page: contacted | edit answer, assign to… | notes
    Text.BTN_EDIT_ANSWER: 2,
    Text.BTN_ASSIGN_OTHER: 2,
    Text.BTN_NOTES: 2,
    Text.BTN_NOTE_EDIT: 2,  # one note: edit | delete, then yes, delete | cancel
    Text.BTN_NOTE_DELETE: 2,
    Text.BTN_NOTE_DELETE_CONFIRM: 2,
    Text.BTN_NOTE_OPEN: 4,  # the notes list: four a row
    Text.BTN_UPDATE_DISCARD: 2,  # updating a registration: discard | save & exit
    Text.BTN_DIGEST_STAGE: 2,  # the digest: one button per stage, two a row
    Text.BTN_REMINDER_LATER: 2,  # a reminder: continue, then "I'll finish it myself" | stop
    Text.BTN_REMINDER_STOP: 2,
}
# The consents a talent can withdraw or give with a button (a guardian's consent is given
# in the questionnaire only): what {kind} stands for in those buttons.
_TOGGLED_KINDS = (
    Text.CONSENT_KIND_PROCESSING,
    Text.CONSENT_KIND_TRANSFER,
    Text.CONSENT_KIND_ANNOUNCEMENTS,
)
_FIELD = re.compile(r"\{(\w+)\}")
_FIELD_WIDTH = 3  # a number filled into a label ({count}, {id}) counts as three characters


def row_limit(buttons_in_row: int) -> int:
    """The longest label that fits a row of this many buttons."""
    return ROW_LIMITS.get(buttons_in_row, ROW_LIMITS[max(ROW_LIMITS)])


def unfinished(raw: dict[str, object]) -> list[str]:
    """Every text still holding a placeholder such as "[perlu dikonfirmasi staf]" or TODO."""
    from bot.content import translations

    problems = []
    for name, data in raw.items():
        for path, pair in translations(data, ""):
            for language, text in pair.items():
                if isinstance(text, str) and (marker := placeholder_in(text)):
                    problems.append(
                        f"{name}: {path}.{language}: unfinished text {marker!r}: write the real"
                        " words (a talent must never see a placeholder)"
                    )
    return problems


# A command as a text names it: "/daftar", "(/dataku)", "<b>/tanya</b>"; not the "/b" of
# "</b>", a link's path (kocca.kr/en), "Film/TV" or an @handle.
_COMMAND = re.compile(r"(?<![\w/.:<@-])/([A-Za-z0-9_]+)")


def command_names(raw: dict[str, object]) -> list[str]:
    """Every /command a text tells people to type is one the bot lists, in the text's language.

    A hidden alias (/apply, /stop) works but is in no menu or help: a text that advertises it
    teaches a second name for one thing. An English text names the English command
    (/register), an Indonesian one the Indonesian (/daftar); a name the bot does not have
    at all is a typo.
    """
    from bot.content import translations

    spoken: dict[str, dict[str, str]] = {"id": {}, "en": {}}  # name -> its other-language name
    hidden: dict[str, commands.Command] = {}  # alias -> its command
    for spec in (*commands.PUBLIC_COMMANDS, *commands.STAFF_COMMANDS):
        spoken["id"][spec.indonesian] = spec.english
        spoken["en"][spec.english] = spec.indonesian
        for alias in spec.aliases:
            hidden[alias] = spec
    problems = []
    for name, data in raw.items():
        for path, pair in translations(data, ""):
            for language, text in pair.items():
                if language not in spoken or not isinstance(text, str):
                    continue
                other = "en" if language == "id" else "id"
                for command in dict.fromkeys(_COMMAND.findall(text)):
                    where = f"{name}: {path}.{language}: /{command}"
                    if command in spoken[language]:
                        continue
                    if command in hidden:
                        listed = hidden[command].name_for(language)
                        problems.append(f"{where} is a hidden alias (in no menu): write /{listed}")
                    elif command in spoken[other]:
                        problems.append(
                            f"{where} is the {'English' if other == 'en' else 'Indonesian'}"
                            f" name: write /{spoken[other][command]}"
                        )
                    else:
                        problems.append(f"{where} is not a command of the bot")
    return problems


def button_widths(content: Content) -> list[str]:
    """Every button label against the width of the row it is shown in."""
    problems: list[str] = []

    def check(where: str, label: T, limit: int) -> None:
        for language in ("id", "en"):
            text = label.get(language)
            if len(text) > limit:
                problems.append(
                    f"{where}.{language}: {text!r} is {len(text)} characters; a button in this"
                    f" row fits {limit}"
                )

    for key, text in content.messages.items():
        if key.value.startswith("btn_"):
            limit = row_limit(SHARED_ROWS.get(key, 1))
            check(f"messages: {key.value}", _widest(content, key, text), limit)
    for section in content.sections.values():
        check(f"programs.yaml: sections[{section.key}].title", section.title, ROW_LIMITS[1])
    paired_choice = ROW_LIMITS[2] - len(SELECTED_MARK)
    for program in content.programs.values():
        where = f"programs.yaml: programs[{program.key}]"
        check(f"{where}.title", program.title, ROW_LIMITS[1])
        if program.interest != "none":  # a choice of the questionnaire, two a row
            field = "short_title" if program.short_title else "title (add a short_title)"
            check(f"{where}.{field}", program.choice_label, paired_choice)
    for item in content.faq.values():
        check(f"faq.yaml: items[{item.key}].question", item.question, ROW_LIMITS[1])
    for province in content.provinces.values():
        check(f"intake.yaml: provinces[{province.value}].label", province.label, ROW_LIMITS[2])
    for question in content.intake.questions:
        where = f"intake.yaml: questions[{question.key}]"
        check(f"{where}.label", question.label, ROW_LIMITS[2])  # the edit list, two a row
        limit = paired_choice if question.type == "multi_choice" else ROW_LIMITS[2]
        for choice in question.choices or []:
            check(f"{where}.choices[{choice.value}].label", choice.label, limit)
    return problems


def _widest(content: Content, key: Text, text: T) -> T:
    """A label as shown, with its {fields} filled by the widest value they can take."""
    from bot.content import T

    filled = {}
    for language in ("id", "en"):
        template = text.get(language)
        kinds = [content.messages[kind].get(language) for kind in _TOGGLED_KINDS]
        widest_kind = max(kinds, key=len) if key in (Text.BTN_WITHDRAW, Text.BTN_GRANT) else ""

        def fill(match: re.Match[str], widest_kind: str = widest_kind) -> str:
            return widest_kind if match.group(1) == "kind" else "0" * _FIELD_WIDTH

        filled[language] = _FIELD.sub(fill, template)
    return T(**filled)


def dates(content: Content, today: date) -> list[str]:
    """as_of dates in the future are typing mistakes (a day of slack for time zones)."""
    problems = []
    for where, page, _title in pages(content):
        if page.as_of is not None and page.as_of > today + timedelta(days=1):
            problems.append(f"{where}.as_of: {page.as_of} is in the future")
    return problems


def provinces(content: Content) -> list[str]:
    """Every name or abbreviation a talent may type leads to one province only."""
    from bot.leads.intent_words import fold

    problems = []
    seen: dict[str, str] = {}
    for province in content.provinces.values():
        names = {fold(province.label.id), fold(province.label.en)}
        nicknames = (nickname.name for nickname in province.nicknames)
        for alias in (
            *province.aliases,
            *province.countries,
            *province.cities_abroad,
            *nicknames,
        ):
            folded = fold(alias)
            if not folded:
                problems.append(f"intake.yaml: provinces[{province.value}]: empty alias")
            names.add(folded)
        for name in names:
            other = seen.setdefault(name, province.value)
            if other != province.value:
                problems.append(
                    f"intake.yaml: provinces[{province.value}]: {name!r} also names {other}"
                )
    islands: dict[str, str] = {}
    for island in content.intake.islands:
        where = f"intake.yaml: islands[{island.names[0]}]"
        for value in island.provinces:
            if value not in content.provinces:
                problems.append(f"{where}.provinces: {value!r} is not a province of the list")
        for name in island.names:
            other = islands.setdefault(fold(name), island.names[0])
            if other != island.names[0]:
                problems.append(f"{where}.names: {name!r} also names the island {other}")
    return problems


def choice_words(content: Content) -> list[str]:
    """What a talent may type for a choice (its labels, their parts between slashes, its
    `words`) leads to one choice of its question only: a typed "grup" must not name two."""
    from bot.leads.choice_words import choice_names
    from bot.leads.intent_words import fold

    problems = []
    for question in content.intake.questions:
        seen: dict[str, str] = {}
        for choice in question.choices or []:
            where = f"intake.yaml: questions[{question.key}].choices[{choice.value}]"
            if choice.words and question.type not in ("single_choice", "multi_choice"):
                problems.append(f"{where}.words: only choice questions take words")
            problems += [f"{where}.words: empty word" for word in choice.words if not fold(word)]
            for name in sorted(choice_names(choice.label, choice.words)):
                other = seen.setdefault(name, choice.value)
                if other != choice.value:
                    problems.append(f"{where}: {name!r} also names the choice {other}")
    for section in ("film", "music"):  # the programs question offers one section's
        named: dict[str, str] = {}
        for program in content.programs_in(section):
            words = (program.title.id, program.title.en, *program.words)
            for name in sorted(choice_names(program.choice_label, words)):
                other = named.setdefault(name, program.key)
                if other != program.key:
                    problems.append(
                        f"programs.yaml: programs[{program.key}]: {name!r} also names {other}"
                    )
    return problems


def city_questions(content: Content) -> list[str]:
    """A province question's `city_question` names a later free-text question."""
    problems = []
    order = [question.key for question in content.intake.questions]
    for index, question in enumerate(content.intake.questions):
        key = question.city_question
        if key is None:
            continue
        where = f"intake.yaml: questions[{question.key}].city_question"
        target = content.questions.get(key)
        if question.type != "province":
            problems.append(f"{where}: only a province question may fill in the city")
        elif target is None or target.type != "short_text":
            problems.append(f"{where}: {key!r} is not a short_text question")
        elif order.index(key) <= index:
            problems.append(f"{where}: {key!r} must come after {question.key!r}")
    return problems


def cities(content: Content) -> list[str]:
    """A city a talent types leads to one province only: listed once, and never the name of
    another province or of an island (the bot could not tell which one was meant)."""
    from bot.leads.intent_words import fold

    names: dict[str, str] = {}
    for province in content.provinces.values():
        for name in province.names:
            names.setdefault(fold(name), province.value)
    islands = {fold(name) for island in content.intake.islands for name in island.names}
    problems = []
    seen: dict[str, str] = {}
    for province in content.provinces.values():
        where = f"intake.yaml: provinces[{province.value}].cities"
        for city in province.cities:
            folded = fold(city)
            named = names.get(folded)
            if not folded:
                problems.append(f"{where}: empty city")
            elif named is not None:
                problems.append(f"{where}: {city!r} already names the province {named}")
            elif folded in islands:
                problems.append(f"{where}: {city!r} also names an island")
            elif folded in seen:
                problems.append(f"{where}: {city!r} is already listed under {seen[folded]}")
            seen.setdefault(folded, province.value)
    return problems


def month_names(content: Content) -> list[str]:
    """Twelve month names in each language, for "Info per 16 Januari 2026"."""
    return [
        f"messages: {Text.MONTH_NAMES.value}.{language}: needs 12 month names, separated by spaces"
        for language in ("id", "en")
        if len(content.text(Text.MONTH_NAMES, language).split()) != 12
    ]


def relayed_mark(content: Content) -> list[str]:
    """The reaction on a message passed on to the team is one Telegram lets a bot set, and the
    acknowledgement names it (it tells the talent what the mark means)."""
    found: list[str] = []
    for language in ("id", "en"):
        mark = content.text(Text.SUPPORT_RELAYED_MARK, language)
        where = f"messages: {Text.SUPPORT_RELAYED_MARK.value}.{language}"
        if mark not in REACTIONS:
            found.append(f"{where}: {mark!r} is not a reaction Telegram lets a bot set")
        elif mark not in content.text(Text.SUPPORT_ACK, language).replace(f"{mark}\u200d", ""):
            found.append(f"{where}: {Text.SUPPORT_ACK.value}.{language} must name it ({mark})")
    return found


def ask_languages(content: Content) -> list[str]:
    """Each `ask:` phrasing under the language it is written in, as the bot reads a talent's
    message to switch their language (bot/answers/language.py): at least two small words of
    the other language and none of its own. A mixed phrasing ("kak can I join?") reads as
    neither and stays where it is put: talents write that way."""
    from bot.answers.language import written_in

    names = {"id": "Indonesian", "en": "English"}
    pages = [("faq.yaml: items", key, item.ask) for key, item in content.faq.items()]
    pages += [("programs.yaml: programs", key, page.ask) for key, page in content.programs.items()]
    found: list[str] = []
    for where, key, ask in pages:
        if ask is None:
            continue
        for language, other in (("id", "en"), ("en", "id")):
            for phrasing in getattr(ask, language):
                if written_in(phrasing) == other:
                    found.append(
                        f"{where}[{key}].ask.{language}: {phrasing!r} is written in"
                        f" {names[other]}: move it under {other}:"
                    )
    return found


_PROGRAM_TEXTS = ("what", "who", "offers", "timing", "how")


def subscribe_hints(content: Content) -> list[str]:
    """Program news is offered by `subscribe_hint: true`, never in a page's own words: the view
    adds the invitation only for a talent who does not get it yet (and says they do to one who
    does). A program page never names /langganan; an FAQ answer with the hint does not either
    (the answer that explains the commands, without it, does)."""
    texts: list[tuple[str, T]] = []
    for program in content.programs.values():
        where = f"programs.yaml: programs[{program.key}]"
        texts += [(f"{where}.{field}", getattr(program, field)) for field in _PROGRAM_TEXTS]
    for item in content.faq.values():
        if item.subscribe_hint:
            texts.append((f"faq.yaml: items[{item.key}].answer", item.answer))
    problems = []
    for where, text in texts:
        for language in ("id", "en"):
            name = commands.SUBSCRIBE.name_for(language)
            if name in _COMMAND.findall(text.get(language)):
                problems.append(
                    f"{where}.{language}: names /{name}: program news is offered by"
                    " `subscribe_hint: true` (only to talents not subscribed yet), not in the text"
                )
    return problems


def pages(content: Content) -> Iterable[tuple[str, Dated, T]]:
    """Every page that may carry as_of, with its title: program pages and FAQ answers."""
    for program in content.programs.values():
        yield f"programs.yaml: programs[{program.key}]", program, program.title
    for item in content.faq.values():
        yield f"faq.yaml: items[{item.key}]", item, item.question


@dataclass(frozen=True, slots=True)
class DuePage:
    """A page whose facts are older than its review period."""

    where: str  # programs.yaml: programs[mucon]
    title: T
    as_of: date
    age_days: int
    review_days: int


def due_for_review(content: Content, today: date) -> list[DuePage]:
    """The pages staff should check again, oldest first."""
    due = []
    for where, page, title in pages(content):
        if page.as_of is None:
            continue
        age = (today - page.as_of).days
        if age > page.review_days:
            due.append(DuePage(where, title, page.as_of, age, page.review_days))
    return sorted(due, key=lambda page: page.as_of)


def review_warnings(content: Content, today: date) -> list[str]:
    """check-content's warnings: one line per page due for review."""
    return [
        f"{page.where}: as_of {page.as_of} is {page.age_days} days old"
        f" (review after {page.review_days}): check its facts and update as_of"
        for page in due_for_review(content, today)
    ]


def forwarding_notes(content: Content, forwarding: Forwarding | None) -> list[str]:
    """Why staff cannot use a stage: it passes leads on (`consent: transfer_korea`) while this
    deployment names nobody to pass them on to (FORWARD_TO unset). Not a content problem:
    a deployment may well pass nothing on; the stage then refuses every lead."""
    if forwarding is not None:
        return []
    return [
        f"stages.yaml: stages[{stage.key}] ({stage.label.en}): every lead is refused here,"
        " because the stage passes leads on (consent: transfer_korea) and FORWARD_TO is not"
        " set, so this deployment passes nothing on and never asks talents for that consent."
        " Set FORWARD_TO (and FORWARD_ABROAD) if leads do go to a recipient, or remove the stage"
        for stage in content.stages.values()
        if stage.consent == "transfer_korea"
    ]
