"""The content/ folder: pydantic models, loading, and every check staff mistakes need."""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from bot import content_checks as checks
from bot import content_wording
from bot.answers import checks as ask_checks
from bot.settings import Forwarding, PrivacyFacts
from bot.telegram_html import HtmlRefused, parse_html
from bot.texts import Text, TextFormatter

LANGUAGES = ("id", "en")
MESSAGE_LIMIT = 4096  # Telegram's limit for one message
TEXT_BUDGET = 3800  # room left for values filled into a template
BUTTON_LIMIT = 48  # no label may be longer, whatever its row (see ROW_LIMITS for the real fit)
DEFAULT_REVIEW_AFTER_DAYS = 180  # a dated page is due for review this long after its as_of
KEY_PATTERN = r"^[a-z0-9_]{1,24}$"  # keeps callback data well under 64 bytes
ABOUT_LIMIT = 160  # characters a reader sees of a program's `about`: one line on a phone
_BARE_AMPERSAND = re.compile(r"&(?!(lt|gt|amp|quot|#\d+|#x[0-9A-Fa-f]+);)")
_TAG = re.compile(r"<[^>]*>")
_BYTE_OFFSET = re.compile(r"at byte offset (\d+)")
_NO_END_TAG = re.compile(r'Can\'t find end tag corresponding to start tag "([^"]*)"')
_AS_TEXT = "write < as &lt; to show it as text"


M = TypeVar("M", bound=BaseModel)


def other_language(language: str) -> str:
    """The other of the two languages: of the line under a text read by staff of both (the
    staff group, shared by staff who read Indonesian and staff who read English)."""
    return LANGUAGES[1] if language == LANGUAGES[0] else LANGUAGES[0]


class ContentError(Exception):
    """content/ has problems; `problems` lists each as 'file: key: what is wrong'."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Model(BaseModel):
    """Strict base: unknown keys in YAML are mistakes, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class T(Model):
    """One text in both languages."""

    id: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, language: str) -> str:
        """The text in a language (Indonesian when the language is unknown)."""
        return self.en if language == "en" else self.id


ASK_LIMIT = 200  # characters of one `ask:` phrasing: a question as typed, not a text
Phrasing = Annotated[str, Field(min_length=2, max_length=ASK_LIMIT)]


class Ask(Model):
    """`ask:` phrasings of an FAQ entry or program page: how talents type the question it
    answers, in both languages (slang, short forms and typos welcome), for free questions."""

    id: list[Phrasing] = Field(min_length=1)
    en: list[Phrasing] = Field(min_length=1)

    @field_validator("id", "en")
    @classmethod
    def _plain_and_once(cls, phrasings: list[str]) -> list[str]:
        """Plain text, each phrasing once (a repeat would only weigh its words twice)."""
        seen: set[str] = set()
        for phrasing in phrasings:
            if "<" in phrasing or ">" in phrasing:
                raise ValueError(f"{phrasing!r}: plain text only, no HTML")
            folded = " ".join(phrasing.casefold().split())
            if folded in seen:
                raise ValueError(f"{phrasing!r} is listed twice")
            seen.add(folded)
        return phrasings

    def all(self) -> list[str]:
        """Every phrasing, Indonesian then English."""
        return [*self.id, *self.en]


# An FAQ entry or program page named from another: faq:<key>, program:<key> (as matches are).
# `see_also:` lists the ones to offer under an entry's answer to a free question (at most
# ALTERNATIVES are shown), before any other entry that fits the question nearly as well.
_ENTRY_REF = re.compile(r"(faq|program):[a-z0-9_]{1,24}")


def _entry_ref(ref: str) -> str:
    if not _ENTRY_REF.fullmatch(ref):
        raise ValueError(f"{ref!r}: write faq:<key> or program:<key>")
    return ref


EntryRef = Annotated[str, AfterValidator(_entry_ref)]


class Section(Model):
    """Film or music."""

    key: Literal["film", "music"]
    title: T
    intro: T


class Dated(Model):
    """A page that states facts: the day they were checked, and how long they stay fresh."""

    as_of: date | None = None
    review_after_days: int | None = Field(default=None, ge=1, le=3660)

    @property
    def review_days(self) -> int:
        """Days after `as_of` when staff should check the page again."""
        return self.review_after_days or DEFAULT_REVIEW_AFTER_DAYS


class Program(Dated):
    """One KOCCA-related program or opportunity page."""

    key: str = Field(pattern=KEY_PATTERN)
    section: Literal["film", "music"]
    kind: Literal["open_call", "info"]
    status: Literal["verified", "sample"]
    # Where a talent registers interest: `page` (a button on the page, and a choice in the
    # form), `form` (a choice in the form only: the program has its own official way in),
    # `none` (background information, not something to register for).
    interest: Literal["page", "form", "none"]
    # A line about program news under `how`, by whether the talent reading it gets it.
    subscribe_hint: bool = False
    as_of: date
    title: T
    short_title: T | None = None  # the questionnaire's button, when the title is too long
    words: list[str] = []  # typed for it at the form's programs question ("APM")
    # One line: what kind of thing it is, its status, how a talent gets in (the form's
    # summary of the programs, where the first sentence of `what` did not tell them apart).
    about: T
    what: T
    who: T
    offers: T
    timing: T
    how: T
    source: T
    source_url: str | None = None
    faq: list[str] = []
    ask: Ask | None = None
    see_also: list[EntryRef] = []

    @field_validator("about")
    @classmethod
    def _one_line(cls, about: T) -> T:
        """One short line in each language, as a reader sees it (tags and entities count as
        what they show)."""
        for language in LANGUAGES:
            text = about.get(language)
            shown = html.unescape(_TAG.sub("", text))
            if not shown.strip():
                raise ValueError(f"{language}: empty")
            if len(text.splitlines()) > 1 or len(shown.splitlines()) > 1:  # \r, U+2028 too
                raise ValueError(f"{language}: more than one line")
            if len(shown) > ABOUT_LIMIT:
                raise ValueError(
                    f"{language}: {len(shown)} characters, one line of at most {ABOUT_LIMIT}"
                )
        return about

    @field_validator("source_url")
    @classmethod
    def _http_only(cls, value: str | None) -> str | None:
        """Source links must be web links."""
        if value is not None and not value.startswith(("https://", "http://")):
            raise ValueError("must be an http(s) link")
        return value

    @property
    def choice_label(self) -> T:
        """The program as a button of the questionnaire."""
        return self.short_title or self.title


def _once(what: str, keys: list[str]) -> None:
    """Keys of a list that becomes a lookup by key: a repeated one would silently replace the
    entry before it (a copied FAQ entry whose key was not changed: a staff review s64, M2)."""
    if len(set(keys)) < len(keys):
        twice = sorted({key for key in keys if keys.count(key) > 1})
        raise ValueError(f"{what} must be unique: {', '.join(twice)} used twice")


class Programs(Model):
    """programs.yaml."""

    sections: list[Section]
    programs: list[Program]

    @field_validator("sections")
    @classmethod
    def _unique_sections(cls, sections: list[Section]) -> list[Section]:
        _once("section keys", [section.key for section in sections])
        return sections

    @field_validator("programs")
    @classmethod
    def _unique_programs(cls, programs: list[Program]) -> list[Program]:
        _once("program keys", [program.key for program in programs])
        return programs


class FaqItem(Dated):
    """One question and its answer."""

    key: str = Field(pattern=KEY_PATTERN)
    # `facts`: the answer states facts about programs or the world and carries `as_of`;
    # `help`: it only explains how to use the bot, which does not go out of date.
    kind: Literal["facts", "help"] = "facts"
    # A line about program news after the answer, by whether the talent reading it gets it.
    subscribe_hint: bool = False
    # The answer names every program page, by section, where it says {programs}: made from
    # programs.yaml whenever it is shown, so it never lists a page that is gone.
    lists_programs: bool = False
    # A button under the answer that does what its last line says: `register` starts the
    # registration (/daftar), `ask` the question to the team (/tanya), `language` offers
    # both languages, one press each (a talent asking in Indonesian with Telegram in English).
    action: Literal["register", "ask", "language"] | None = None
    # The reader's own registrations after the answer, as /status shows them: the answer to
    # "did mine arrive?" is theirs, not a general one.
    shows_status: bool = False
    # One line of the answer that the reader's status stands in for ("Formulirnya belum
    # selesai diisi? …"): left out where the status follows, which names a paused form only
    # to a talent who has one (a talents' review: the line came just after sending). It stays
    # in the answer's words, which the matcher reads.
    status_line: T | None = None
    # One line of the answer inviting the reader to register ("Yang bisa kamu lakukan sekarang:
    # daftarkan minatmu lewat /daftar…"): to a talent with a sent registration, "you are
    # registered" stands in for it, and their status button for `register`'s (a re-check
    # review, s59: the open-call page told a registered talent to register).
    registered_line: T | None = None
    question: T
    answer: T
    ask: Ask | None = None
    see_also: list[EntryRef] = []

    @model_validator(mode="after")
    def _facts_are_dated(self) -> FaqItem:
        """An answer that states facts says when they were checked."""
        if self.kind == "facts" and self.as_of is None:
            raise ValueError(
                "an answer that states facts needs `as_of: YYYY-MM-DD`"
                " (or `kind: help` if it only explains how to use the bot)"
            )
        return self

    @model_validator(mode="after")
    def _status_line_in_the_answer(self) -> FaqItem:
        """`status_line` is a whole line of the answer, in both languages, of an entry that
        shows the status."""
        if self.status_line is None:
            return self
        if not self.shows_status:
            raise ValueError("`status_line` needs `shows_status: true` (the status replaces it)")
        for language in ("id", "en"):
            if self.status_line.get(language) not in self.answer.get(language).split("\n"):
                raise ValueError(f"status_line.{language} is not a whole line of the answer")
        return self

    @model_validator(mode="after")
    def _registered_line_in_the_answer(self) -> FaqItem:
        """`registered_line` is a whole line of the answer, in both languages, of an entry
        whose button registers."""
        if self.registered_line is None:
            return self
        if self.action != "register":
            raise ValueError("`registered_line` needs `action: register` (its button changes too)")
        for language in ("id", "en"):
            if self.registered_line.get(language) not in self.answer.get(language).split("\n"):
                raise ValueError(f"registered_line.{language} is not a whole line of the answer")
        return self

    @model_validator(mode="after")
    def _programs_where_listed(self) -> FaqItem:
        """{programs} is in both answers of an entry that lists programs, and only there."""
        for language, answer in (("id", self.answer.id), ("en", self.answer.en)):
            if ("{programs}" in answer) != self.lists_programs:
                raise ValueError(
                    f"answer.{language}: `lists_programs: true` and {{programs}} in the answer"
                    " go together (the list of program pages is put there)"
                )
        return self


class Faq(Model):
    """faq.yaml."""

    items: list[FaqItem]

    @field_validator("items")
    @classmethod
    def _unique_keys(cls, items: list[FaqItem]) -> list[FaqItem]:
        _once("FAQ keys", [item.key for item in items])
        return items


class ConsentItem(Model):
    """One separate, explicit consent choice."""

    key: Literal["processing", "transfer_korea", "announcements"]
    required: bool
    question: T
    question_abroad: T | None = None  # transfer_korea when FORWARD_ABROAD=true

    def question_for(self, forwarding: Forwarding | None) -> T:
        """The question as this deployment asks it (outside Indonesia or not)."""
        if forwarding is not None and forwarding.abroad and self.question_abroad is not None:
            return self.question_abroad
        return self.question


class Variants(Model):
    """A privacy text in three variants, by the deployment's FORWARD_TO and FORWARD_ABROAD."""

    none: T  # leads are not passed on: the text says nothing of it
    local: T  # passed on to a recipient in Indonesia
    abroad: T  # passed on outside Indonesia (UU PDP Pasal 56)

    def pick(self, forwarding: Forwarding | None) -> T:
        """The variant this deployment shows."""
        if forwarding is None:
            return self.none
        return self.abroad if forwarding.abroad else self.local


class Privacy(Model):
    """privacy.yaml."""

    version: str = Field(min_length=1)
    notice: T
    recipients: Variants
    consent_intro: T
    recipients_short: Variants
    consents_asked: Variants
    consents: list[ConsentItem]
    guardian_notice: T

    @model_validator(mode="after")
    def _forwarding_texts(self) -> Privacy:
        """What the forwarding texts need: a recipient only where there is one, and the
        forwarding question in both variants."""
        for name in ("recipients", "recipients_short", "consents_asked"):
            none = getattr(self, name).none
            if "recipient" in _safe_placeholders(none.id) | _safe_placeholders(none.en):
                raise ValueError(
                    f"{name}.none is shown when FORWARD_TO is unset: it cannot name {{recipient}}"
                )
        for item in self.consents:
            if (item.key == "transfer_korea") != (item.question_abroad is not None):
                raise ValueError(
                    "consents: transfer_korea needs question_abroad (FORWARD_ABROAD=true),"
                    " and only transfer_korea has one"
                )
        return self

    def consent(self, key: str) -> ConsentItem:
        """One consent item (the three keys are checked at load)."""
        return next(item for item in self.consents if item.key == key)


QuestionType = Literal[
    "short_text",
    "long_text",
    "single_choice",
    "multi_choice",
    "email",
    "phone",
    "url",
    "number",
    "province",
]
DEFAULT_MAX_LENGTH = {"short_text": 200, "long_text": 2000, "url": 500}


class Choice(Model):
    """One button of a choice question."""

    value: str = Field(pattern=KEY_PATTERN)
    label: T
    guardian: bool = False
    # A number typed in this range (inclusive) picks this choice: "umur aku 22" is 18 to 24.
    numbers: tuple[int, int] | None = None
    # What else a talent types for this choice ("rapper", "pianis"): a typed text naming one
    # choice only, by its label, a part of it between slashes or one of these, is taken.
    words: list[str] = []
    # One short line on what this choice is, for "what's the difference?" typed at its question.
    about: T | None = None

    @model_validator(mode="after")
    def _range_in_order(self) -> Choice:
        """The range's first number is not above its last."""
        if self.numbers is not None and self.numbers[0] > self.numbers[1]:
            raise ValueError(f"numbers: {list(self.numbers)} is not a range (low, high)")
        return self


class HelpVariant(Model):
    """A question's help for talents whose earlier answers match `when` (a musician is not
    told about showreels)."""

    when: dict[str, list[str]]
    text: T


class Question(Model):
    """One question of the intake questionnaire."""

    key: str = Field(pattern=KEY_PATTERN)
    type: QuestionType
    required: bool = True
    prompt: T
    # The prompt when one answer is changed from the review, where the way into the form
    # ("Sekarang bagian serunya: karyamu!") reads oddly (a talents' review); else `prompt`.
    edit_prompt: T | None = None
    help: T | None = None
    help_variants: list[HelpVariant] = []  # the first that matches replaces `help`
    label: T
    when: dict[str, list[str]] | None = None
    max_length: int | None = Field(default=None, ge=1, le=4000)
    min: float | None = None
    max: float | None = None
    choices: list[Choice] | None = None
    min_choices: int | None = Field(default=None, ge=0)
    max_choices: int | None = Field(default=None, ge=1)
    choices_from: Literal["programs"] | None = None
    # Typed answers meaning "I have none yet" ("belum ada", "not yet"), stored as NONE_YET and
    # shown as none_label, so a newcomer can finish and staff read it plainly.
    none_answers: list[str] = []
    none_label: T | None = None
    # Words talents use for what this question asks ("email", "nomor wa"): a question typed
    # here that names it ("emailnya boleh email kantor?") is about this question, for its help
    # to answer rather than the FAQ.
    about: list[str] = []
    # A question is a fine answer here (the message to the team): an answer ending in "?" is
    # never taken for a question asked mid-form instead of an answer.
    welcomes_questions: bool = False
    # A free text of links, one per line: a line naming a platform and a handle ("ig aku
    # @sari.music") is kept as that profile's link, as the portfolio question takes it.
    holds_links: bool = False
    # A province question: a city typed there ("bandung") also answers this later question,
    # once the talent confirms its province (they are not asked for their city again).
    city_question: str | None = Field(default=None, pattern=KEY_PATTERN)

    @model_validator(mode="after")
    def _none_has_a_label(self) -> Question:
        """What "none yet" reads as must be said in both languages."""
        if self.none_answers and self.none_label is None:
            raise ValueError("none_answers needs a none_label (how staff read such an answer)")
        return self

    @model_validator(mode="after")
    def _about_has_help(self) -> Question:
        """A question said to be about this one is pointed to its help: there must be one."""
        if self.about and self.help is None:
            raise ValueError("about: needs a help text to point to")
        return self

    @property
    def length_limit(self) -> int:
        """The longest answer accepted for a text-like question."""
        return self.max_length or DEFAULT_MAX_LENGTH.get(self.type, 200)


class Nickname(Model):
    """What people call a province or one of its cities ("Serambi Mekkah", "Paris van Java")."""

    name: str = Field(min_length=1)
    city: str | None = None  # the city it names, one of the province's `cities`


class Province(Model):
    """One of Indonesia's 38 provinces, or outside Indonesia."""

    value: str = Field(pattern=KEY_PATTERN)
    label: T
    aliases: list[str] = []  # what people type instead: Jabar, DIY, Jogja, luar negeri…
    cities: list[str] = []  # cities and regencies in it people type: Bandung, Solo, Sleman…
    # Outside Indonesia: the countries talents abroad type ("Australia"), no Indonesian place
    # (the free-question matcher skips Indonesian places after "dari"; not these).
    countries: list[str] = []
    # Outside Indonesia: the cities abroad talents live in and type ("Seoul", "Kuala Lumpur").
    cities_abroad: list[str] = []
    # Offered, never taken unasked: "Serambi Mekkah" is Aceh, not Mecca (an attacker's review).
    nicknames: list[Nickname] = []

    @model_validator(mode="after")
    def _nicknamed_cities_listed(self) -> Province:
        """A nickname's city is one of the province's own, spelled as listed."""
        for nickname in self.nicknames:
            if nickname.city is not None and nickname.city not in self.cities:
                raise ValueError(f"nicknames: {nickname.city!r} is not one of its cities")
        return self

    @property
    def names(self) -> tuple[str, ...]:
        """Everything a talent may type for it: its labels, aliases, countries and cities
        abroad."""
        return (self.label.id, self.label.en, *self.aliases, *self.countries, *self.cities_abroad)


class Island(Model):
    """An island or region people type for their province: the provinces on it."""

    names: list[str] = Field(min_length=1)  # Sumatera, Sumatra…
    provinces: list[str] = Field(min_length=2)


class Intake(Model):
    """intake.yaml."""

    provinces: list[Province]
    islands: list[Island] = []
    questions: list[Question]

    @field_validator("provinces")
    @classmethod
    def _unique_values(cls, provinces: list[Province]) -> list[Province]:
        _once("province values", [province.value for province in provinces])
        return provinces


STAGE_KEY_PATTERN = r"^[a-z0-9_]{1,20}$"  # stored in the database and in callback data
STAGE_PLACEHOLDERS = {"reference", "name"}  # what a stage's talent message may fill in
# ... and in a stage that needs the forwarding consent: whom the lead goes to (FORWARD_TO).
FORWARDING_PLACEHOLDERS = STAGE_PLACEHOLDERS | {"recipient"}
# Words /leads and /export read as filters: a stage may not be called like one of them.
# The other words /leads and /export read (bot/leads/lead_filters.py, bot/leads/export.py): a
# stage keyed so would be read as the filter instead (a helper's note: "duplikat").
RESERVED_STAGE_KEYS = {
    *("mine", "saya", "unassigned", "bebas", "music", "musik", "film"),
    *("waiting", "menunggu", "hariini", "today", "duplicates", "duplikat"),
    *("sejak", "since", "draf", "drafts", "draft"),
}


class Stage(Model):
    """One stage of the lead pipeline."""

    key: str = Field(pattern=STAGE_KEY_PATTERN)
    label: T
    talent_label: T
    contacted: bool = False
    consent: Literal["transfer_korea"] | None = None
    message: T | None = None
    outcome: bool = False  # an end of the way (Forwarded, Closed): Move all offers to skip it


class Stages(Model):
    """stages.yaml."""

    stages: list[Stage] = Field(min_length=2)

    @field_validator("stages")
    @classmethod
    def _unique_keys(cls, stages: list[Stage]) -> list[Stage]:
        """Two stages with one key would be one stage in the database."""
        _once("stage keys", [stage.key for stage in stages])
        return stages


class Content:
    """Everything in content/, validated, with lookups the handlers need."""

    def __init__(
        self,
        messages: dict[Text, T],
        programs: Programs,
        faq: Faq,
        privacy: Privacy,
        intake: Intake,
        stages: Stages,
    ) -> None:
        self.messages = messages
        self.sections: dict[str, Section] = {section.key: section for section in programs.sections}
        self.programs = {program.key: program for program in programs.programs}
        self.faq = {item.key: item for item in faq.items}
        self.privacy = privacy
        self.intake = intake
        self.questions = {question.key: question for question in intake.questions}
        self.provinces = {province.value: province for province in intake.provinces}
        self.stages = {stage.key: stage for stage in stages.stages}  # in pipeline order
        self.first_stage = stages.stages[0]
        # Choices a reload in this process removed, with their last labels, (question, value):
        # how a draft that held one tells its talent what was let go (bot/leads/retired_choices).
        self.retired: dict[tuple[str, str], T] = {}

    def text(self, key: Text, language: str, **values: Any) -> str:
        """A message in a language, with values HTML-escaped into its placeholders."""
        template = self.messages[key].get(language)
        if not values:
            return template
        safe = {name: _counted_or_escaped(value) for name, value in values.items()}
        return TextFormatter(language).vformat(template, (), safe)

    def programs_in(self, section: str) -> list[Program]:
        """The programs of one section, in file order."""
        return [program for program in self.programs.values() if program.section == section]

    def interest_programs(self, section: str | None = None) -> list[Program]:
        """The programs a talent can register interest in (of one section, or all)."""
        return [
            program
            for program in self.programs.values()
            if program.interest != "none" and section in (None, program.section)
        ]

    def date_text(self, day: date, language: str) -> str:
        """A date as people write it: 16 Januari 2026, 16 January 2026."""
        months = self.text(Text.MONTH_NAMES, language).split()
        return f"{day.day} {months[day.month - 1]} {day.year}"

    def clock_text(self, moment: datetime | time, language: str) -> str:
        """A time of day as the language writes it: 18.58 (EYD), 18:58."""
        return self.text(
            Text.CLOCK, language, hour=f"{moment.hour:02d}", minute=f"{moment.minute:02d}"
        )

    def moment_text(self, moment: datetime, language: str) -> str:
        """A local date and time as people read it: 3 Desember 2026, 18.58."""
        return f"{self.date_text(moment.date(), language)}, {self.clock_text(moment, language)}"

    def as_of_line(self, day: date, language: str) -> str:
        """ "Info per 16 Januari 2026": when a page's facts were checked."""
        return self.text(Text.AS_OF, language, date=self.date_text(day, language))

    def privacy_text(self, text: T, language: str, facts: PrivacyFacts) -> str:
        """A privacy text with who is responsible, the retention periods and whom leads are
        passed on to filled in (from the settings, never content)."""
        controller = facts.controller
        block = self.text(
            Text.CONTROLLER_BLOCK, language, name=controller.name, contact=controller.contact
        )
        if controller.address:
            address = self.text(Text.CONTROLLER_ADDRESS, language, address=controller.address)
            block = f"{block}\n{address}"
        forwarding = facts.forwarding
        values = {
            "controller": block,
            "controller_name": _escape(controller.name),
            "controller_contact": _escape(controller.contact),
            "conversation_days": str(facts.conversation_days),
            "draft_days": str(facts.draft_days),
            "recipient": _escape(forwarding.recipient) if forwarding else "",
        }
        privacy = self.privacy
        for name, variants in (
            ("recipients", privacy.recipients),
            ("recipients_short", privacy.recipients_short),
            ("consents_asked", privacy.consents_asked),
        ):
            values[name] = variants.pick(forwarding).get(language).format_map(values)
        return text.get(language).format_map(values)

    def forwarding_question(self, language: str, facts: PrivacyFacts) -> str | None:
        """The consent question for passing leads on, naming the recipient; None when this
        deployment passes nothing on (FORWARD_TO unset)."""
        if facts.forwarding is None:
            return None
        item = self.privacy.consent("transfer_korea")
        return self.privacy_text(item.question_for(facts.forwarding), language, facts)


def _counted_or_escaped(value: Any) -> Any:
    """A whole number stays a number (TextFormatter writes it in the language's way)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return _escape(value)


def _escape(value: Any) -> str:
    """Escape a value for Telegram HTML unless it is already markup built by the bot."""
    if isinstance(value, Markup):
        return str(value)
    return html.escape(str(value), quote=False)


class Markup(str):
    """A string of bot-built HTML that must not be escaped again."""

    __slots__ = ()


FILES = (
    "messages.yaml",
    "programs.yaml",
    "faq.yaml",
    "privacy.yaml",
    "intake.yaml",
    "stages.yaml",
)
# Interface texts may be split by capability (messages_pipeline.yaml, ...): each extra file
# holds its own keys, so the files of different features never need to change together.
EXTRA_MESSAGES = "messages_*.yaml"


try:  # libyaml's parser, when PyYAML has it: five times faster (content loads at every start)
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


# The most a content file may hold: ten times today's largest (messages.yaml, about 100 KB).
# Checked before parsing, so no pasted or generated file keeps a start or a /reload busy.
FILE_LIMIT = 1_000_000


class _Alias(yaml.YAMLError):
    """A node the content reaches twice: an alias (`*name`) of an anchor (`&name`)."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line}: anchors/aliases (&, *) are not used in content")


class _Twice(yaml.YAMLError):
    """A key written twice in one mapping: YAML keeps the last, the first is silently lost."""

    def __init__(self, key: str, line: int) -> None:
        super().__init__(f"line {line}: {key!r} is written twice here (only the last would count)")


class _ContentLoader(_SafeLoader):
    """YAML's safe loader that leaves dates as text and refuses aliases and repeated keys.

    PyYAML turns `2026-11-30` into a date while parsing and raises a bare ValueError for
    `2026-13-01`; left as text, the date is checked with the rest of the content and a bad
    one is reported as a problem with its file and key.

    An alias makes one node the value of many keys: a chain of a few hundred bytes
    ("billion laughs") is small in memory but the checks that walk the raw tree visit each
    node once per reference, for hours. Content never needs one, so the first node built a
    second time (what an alias is, once parsed) stops the load, naming its anchor's line.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Alias(node.start_mark.line + 1)
        return super().construct_object(node, deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """A mapping, refused when a key repeats (an English `en:` written twice, a copied
        block): counted, not compared, unless the mapping came out smaller than written."""
        mapping = super().construct_mapping(node, deep)
        if len(mapping) < len(node.value):
            seen: set[str] = set()
            for key, _ in node.value:
                if key.value in seen:
                    raise _Twice(str(key.value), key.start_mark.line + 1)
                seen.add(key.value)
        return mapping


def _date_as_text(loader: _ContentLoader, node: yaml.Node) -> str:
    assert isinstance(node, yaml.ScalarNode)  # the timestamp resolver matches scalars only
    return str(loader.construct_scalar(node))


_ContentLoader.add_constructor("tag:yaml.org,2002:timestamp", _date_as_text)


def load_content(folder: Path, today: date | None = None) -> Content:
    """Load and check every content file; raise ContentError listing all problems."""
    problems: list[str] = []
    raw: dict[str, Any] = {}
    extra = sorted(path.name for path in folder.glob(EXTRA_MESSAGES))
    for name in (*FILES, *extra):
        path = folder / name
        try:
            with path.open("rb") as file:
                data = file.read(FILE_LIMIT + 1)
            if len(data) > FILE_LIMIT:
                problems.append(f"{name}: larger than {FILE_LIMIT:,} bytes, the most a file holds")
                continue
            raw[name] = yaml.load(data.decode("utf-8"), Loader=_ContentLoader)  # noqa: S506
        except FileNotFoundError:
            problems.append(f"{name}: file is missing from {folder}")
        except (_Alias, _Twice) as error:
            problems.append(f"{name} {error}")
        except yaml.YAMLError as error:
            problems.append(f"{name}: not valid YAML: {error}")
        except (OSError, UnicodeDecodeError) as error:  # unreadable, or not UTF-8 text
            problems.append(f"{name}: cannot be read: {error}")
    if problems:
        raise ContentError(problems)

    messages = _parse_messages({name: raw[name] for name in ("messages.yaml", *extra)}, problems)
    programs = _parse(Programs, "programs.yaml", raw["programs.yaml"], problems)
    faq = _parse(Faq, "faq.yaml", raw["faq.yaml"], problems)
    privacy = _parse(Privacy, "privacy.yaml", raw["privacy.yaml"], problems)
    intake = _parse(Intake, "intake.yaml", raw["intake.yaml"], problems)
    stages = _parse(Stages, "stages.yaml", raw["stages.yaml"], problems)
    problems.extend(_check_texts(raw))
    problems.extend(checks.unfinished(raw))
    problems.extend(checks.command_names(raw))
    if problems or programs is None or faq is None or privacy is None or intake is None:
        raise ContentError(problems)
    if stages is None:
        raise ContentError(problems)

    content = Content(messages, programs, faq, privacy, intake, stages)
    problems.extend(_check_references(content))
    problems.extend(ask_checks.problems(content))
    problems.extend(ask_checks.see_also(content))
    problems.extend(checks.button_widths(content))
    problems.extend(content_wording.wording(raw, _is_button))
    problems.extend(checks.dates(content, today or date.today()))
    problems.extend(checks.provinces(content))
    problems.extend(checks.cities(content))
    problems.extend(checks.city_questions(content))
    problems.extend(checks.choice_words(content))
    problems.extend(checks.month_names(content))
    problems.extend(checks.subscribe_hints(content))
    problems.extend(checks.relayed_mark(content))
    problems.extend(checks.ask_languages(content))
    if problems:
        raise ContentError(problems)
    return content


def _parse(model: type[M], name: str, data: Any, problems: list[str]) -> M | None:
    """Validate one file against its model, turning errors into readable lines."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            where = _location(data, item["loc"])
            problems.append(f"{name}: {where}: {item['msg']}")
        return None


def _location(data: Any, loc: Iterable[Any]) -> str:
    """A key path such as `programs[mucon].title.en` (list items named by their key)."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list) and step < len(node):
            node = node[step]
            key = node.get("key") or node.get("value") if isinstance(node, dict) else None
            parts[-1] = f"{parts[-1]}[{key if key else step}]" if parts else f"[{step}]"
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return ".".join(parts)


def _parse_messages(files: Mapping[str, Any], problems: list[str]) -> dict[Text, T]:
    """messages*.yaml: every key the code uses, each in both languages, once, and no others."""
    messages: dict[Text, T] = {}
    known = {member.value for member in Text}
    seen: dict[str, str] = {}  # key -> the file that defines it
    for name, data in files.items():
        if data is None:  # an empty extra file holds no texts
            continue
        if not isinstance(data, dict):
            problems.append(f"{name}: must be a mapping of message keys to texts")
            continue
        for key, value in data.items():
            if key in seen:
                problems.append(f"{name}: {key}: already defined in {seen[key]}")
                continue
            seen[key] = name
            if key not in known:
                problems.append(f"{name}: {key}: not a message the bot uses")
                continue
            parsed = _parse(T, name, value, [])
            if parsed is None:
                for language in LANGUAGES:
                    if not isinstance(value, dict) or not value.get(language):
                        problems.append(f"{name}: {key}.{language}: missing translation")
                continue
            messages[Text(key)] = parsed
    for member in Text:
        if member.value not in seen:
            problems.append(f"messages.yaml: {member.value}: missing (the bot uses this key)")
    return messages


# Fields sent as button labels: plain text (no HTML), short enough for a phone.
_BUTTON_FIELDS = {
    "programs.yaml": {"title", "short_title"},
    "faq.yaml": {"question"},
    "intake.yaml": {"label"},
    "stages.yaml": {"label"},
}


def _is_button(file: str, path: str) -> bool:
    """Whether the text at this path is shown as a button label."""
    last = path.rsplit(".", 1)[-1]
    if file.startswith("messages"):
        return last.startswith(("btn_", "command_"))
    return last.split("[", 1)[0] in _BUTTON_FIELDS.get(file, set())


def _check_texts(raw: Mapping[str, Any]) -> list[str]:
    """Placeholders, HTML and Telegram's limits, for every text in every file."""
    problems: list[str] = []
    for name, data in raw.items():
        for path, text_pair in translations(data, ""):
            is_button = _is_button(name, path)
            limit = BUTTON_LIMIT if is_button else TEXT_BUDGET
            fields: dict[str, set[str]] = {}
            for language in LANGUAGES:
                text = text_pair.get(language)
                if not isinstance(text, str):
                    continue
                where = f"{name}: {path}.{language}"
                if len(text) > limit:
                    problems.append(f"{where}: {len(text)} characters, the limit is {limit}")
                # Most texts are plain: no tag or entity for Telegram's parser to refuse, no
                # {field} (the check runs at every start, over some 3,000 texts).
                marked_up = "<" in text or "&" in text
                if not is_button and marked_up and (error := html_error(text)):
                    problems.append(f"{where}: {error}")
                try:
                    fields[language] = _placeholders(text) if "{" in text or "}" in text else set()
                except ValueError as error:
                    problems.append(f"{where}: bad placeholder ({error})")
            if len(fields) == 2 and fields["id"] != fields["en"]:
                problems.append(
                    f"{name}: {path}: placeholders differ between id {sorted(fields['id'])}"
                    f" and en {sorted(fields['en'])}"
                )
            allowed = _FILLED_IN.get(name)
            used = set().union(*fields.values())
            if allowed is not None and used - allowed:
                shown = ", ".join("{" + field + "}" for field in sorted(allowed)) or "none"
                problems.append(
                    f"{name}: {path}: {{{sorted(used - allowed)[0]}}} is not filled in here"
                    f" (this file may use: {shown})"
                )
    return problems


# The {fields} a content file may use (messages are checked against the code's own values).
_FILLED_IN: dict[str, set[str]] = {
    "programs.yaml": set(),
    # {programs} only where `lists_programs` says so (FaqItem); who runs the bot, from settings
    "faq.yaml": {"programs", "controller_name"},
    "intake.yaml": set(),
    "privacy.yaml": {
        "controller",
        "controller_name",
        "controller_contact",
        "conversation_days",
        "draft_days",
        "recipient",
        "recipients",
        "recipients_short",
        "consents_asked",
    },
}


def translations(data: Any, path: str) -> Iterable[tuple[str, dict[str, Any]]]:
    """Every {id, en} mapping in a YAML tree, with its key path."""
    if isinstance(data, dict):
        if set(data) & set(LANGUAGES) and set(data) <= set(LANGUAGES):
            yield path, data
            return
        for key, value in data.items():
            yield from translations(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            name = value.get("key") or value.get("value") if isinstance(value, dict) else None
            yield from translations(value, f"{path}[{name or index}]")


def _placeholders(text: str) -> set[str]:
    """The {names} a template fills in."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def html_error(text: str) -> str | None:
    """Why Telegram would refuse this HTML, or None: read by bot/telegram_html.py, a port
    of Telegram's own parser (the emulator's too), which reads every "<" as the start of a
    tag (a bare one, "usia <18", "<3", a comment or a <!DOCTYPE> makes it refuse the whole
    message). A bare "&", which Telegram shows as it is, is refused too: it is too often a
    "&" meant as "&amp;"."""
    if _BARE_AMPERSAND.search(text):
        return "a bare '&' must be written &amp;"
    try:
        parse_html(text)
    except HtmlRefused as refused:
        detail = str(refused)
        unclosed = _NO_END_TAG.fullmatch(detail)
        if unclosed is not None:
            return f"<{unclosed.group(1)}> is never closed"
        if detail.startswith("Invalid link address"):
            return f"{detail}: type the address again (a full-width ':' or '/' is no web address)"
        offset = _BYTE_OFFSET.search(detail)
        if offset is None:
            return f"Telegram would refuse it: {detail}"
        at = len(text.encode()[: int(offset.group(1))].decode(errors="ignore"))
        shown = repr(text[at : at + 16].split("\n", 1)[0])
        return f"Telegram would refuse {shown} ({detail}); if it is no tag, {_AS_TEXT}"
    return None


def _check_references(content: Content) -> list[str]:
    """Cross-file references: FAQ keys, conditions, choices, sections."""
    problems: list[str] = []
    if set(content.sections) != {"film", "music"}:
        problems.append("programs.yaml: sections: must define exactly film and music")
    for program in content.programs.values():
        for faq_key in program.faq:
            if faq_key not in content.faq:
                problems.append(
                    f"programs.yaml: programs[{program.key}].faq: no FAQ entry {faq_key!r}"
                )
    consent_keys = [item.key for item in content.privacy.consents]
    if consent_keys != ["processing", "transfer_korea", "announcements"]:
        problems.append(
            "privacy.yaml: consents: must be processing, transfer_korea, announcements in order"
        )
    problems.extend(_check_questions(content))
    problems.extend(_check_stages(content))
    return problems


def _check_stages(content: Content) -> list[str]:
    """Stage keys unique and not a filter word; talent messages fill in only what exists."""
    problems: list[str] = []
    for stage in content.stages.values():
        where = f"stages.yaml: stages[{stage.key}]"
        if stage.key in RESERVED_STAGE_KEYS:
            problems.append(
                f"{where}: key {stage.key!r} is a /leads or /export filter word; choose another"
            )
        forwarding = stage.consent == "transfer_korea"
        allowed = FORWARDING_PLACEHOLDERS if forwarding else STAGE_PLACEHOLDERS
        for language in LANGUAGES:
            text = stage.message.get(language) if stage.message else ""
            unknown = _safe_placeholders(text) - allowed
            if unknown:
                hint = "" if forwarding else " ({recipient}: only with consent: transfer_korea)"
                problems.append(
                    f"{where}.message.{language}: unknown placeholder(s) {sorted(unknown)};"
                    f" use {', '.join('{' + name + '}' for name in sorted(allowed))}{hint}"
                )
    return problems


def _safe_placeholders(text: str) -> set[str]:
    """Placeholders of a text, or none when it is malformed (reported by _check_texts)."""
    try:
        return _placeholders(text)
    except ValueError:
        return set()


def _check_questions(content: Content) -> list[str]:
    """The questionnaire: types and their fields, conditions on earlier questions."""
    problems: list[str] = []
    seen: dict[str, Question] = {}
    for question in content.intake.questions:
        where = f"intake.yaml: questions[{question.key}]"
        if question.key in seen:
            problems.append(f"{where}: key is used twice")
        is_choice = question.type in ("single_choice", "multi_choice")
        has_choices = question.choices is not None or question.choices_from is not None
        if is_choice and not has_choices:
            problems.append(f"{where}: a {question.type} question needs choices")
        if not is_choice and has_choices:
            problems.append(f"{where}: only choice questions take choices")
        if question.choices_from and question.type != "multi_choice":
            problems.append(f"{where}: choices_from works with multi_choice only")
        if question.choices is not None:
            values = [choice.value for choice in question.choices]
            if len(values) != len(set(values)):
                problems.append(f"{where}.choices: values must be unique")
        if question.type == "number" and (question.min is None or question.max is None):
            problems.append(f"{where}: a number question needs min and max")
        problems += _when_problems(f"{where}.when", question.when or {}, seen, content)
        for number, variant in enumerate(question.help_variants):
            at = f"{where}.help_variants[{number}].when"
            problems += _when_problems(at, variant.when, seen, content)
        if question.help_variants and question.help is None:
            problems.append(f"{where}: help_variants need a help for talents they do not match")
        seen[question.key] = question
    if not content.intake.provinces:
        problems.append("intake.yaml: provinces: the list is empty")
    return problems


def _when_problems(
    where: str, when: dict[str, list[str]], seen: dict[str, Question], content: Content
) -> list[str]:
    """A condition on earlier answers: each an earlier question, each value one of its choices."""
    problems: list[str] = []
    for key, values in when.items():
        earlier = seen.get(key)
        if earlier is None:
            problems.append(f"{where}: {key!r} is not an earlier question")
            continue
        allowed = {choice.value for choice in earlier.choices or []}
        if earlier.choices_from == "programs":
            allowed = {program.key for program in content.interest_programs()}
        for value in values:
            if value not in allowed:
                problems.append(f"{where}.{key}: {value!r} is not one of its choices")
    return problems
