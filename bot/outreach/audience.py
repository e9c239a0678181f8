"""Who receives an announcement: parsing, describing and counting audiences.

Shared by the staff chat and `kocca-bot broadcast`. An audience is written
`all`, `sector=music`, `language=en`, `province=jawa_barat`, `source=<deep link>` or
`stage=shortlist` (a lead pipeline stage).
Only subscribers who have not blocked the bot are ever counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.content import Content, Markup
from bot.leads.places import province_of_city
from bot.store import Broadcasts
from bot.texts import Text

KINDS = ("all", "sector", "language", "province", "source", "stage")
# The groups staff choose an audience among, by kind, as the chat's buttons name them.
FILTERS = (
    ("sector", Text.BTN_AUDIENCE_SECTOR),
    ("language", Text.BTN_AUDIENCE_LANGUAGE),
    ("province", Text.BTN_AUDIENCE_PROVINCE),
    ("source", Text.BTN_AUDIENCE_SOURCE),
    ("stage", Text.BTN_AUDIENCE_STAGE),
)
LANGUAGES = ("id", "en")
_SECTOR_ALIASES = {"musik": "music"}  # the Indonesian word staff naturally type
_SOURCE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")  # Telegram's deep-link alphabet


class AudienceError(ValueError):
    """An audience that cannot be understood; the message says what is accepted."""


@dataclass(frozen=True, slots=True)
class Audience:
    """All subscribers, or those with one sector, language, province or source."""

    kind: str
    value: str | None = None

    def __str__(self) -> str:
        return self.kind if self.value is None else f"{self.kind}={self.value}"


EVERYONE = Audience("all")


def sectors(content: Content) -> dict[str, str]:
    """Sector values of the questionnaire and their Indonesian labels."""
    question = content.questions.get("sector")
    choices = question.choices if question is not None and question.choices else []
    return {choice.value: choice.label.id for choice in choices}


def parse_audience(text: str, content: Content) -> Audience:
    """Read `all` or `kind=value`; raise AudienceError naming what is accepted."""
    text = text.strip()
    if text == "all":
        return EVERYONE
    kind, separator, raw = text.partition("=")
    kind, value = kind.strip().lower(), raw.strip()
    if not separator or kind not in KINDS[1:] or not value:
        raise AudienceError(
            f"unknown audience {text!r}: use all, sector=…, language=…, province=…, source=…"
            " or stage=…"
        )
    if kind == "sector":
        value = _SECTOR_ALIASES.get(value.lower(), value.lower())
        known = sectors(content)
        if value not in known:
            raise AudienceError(f"unknown sector {raw!r}: use one of {', '.join(known)}")
    elif kind == "language":
        value = value.lower()
        if value not in LANGUAGES:
            raise AudienceError(f"unknown language {raw!r}: use id or en")
    elif kind == "province":
        value = _province_value(value, content)
    elif kind == "stage":
        value = value.lower()
        if value not in content.stages:
            raise AudienceError(f"unknown stage {raw!r}: use one of {', '.join(content.stages)}")
    elif not _SOURCE_PATTERN.match(value):
        raise AudienceError(f"{raw!r} is not a deep-link source (letters, digits, _ and -)")
    return Audience(kind, value)


def _province_value(text: str, content: Content) -> str:
    """A province's stored value, from the value itself or its name ("Jawa Barat")."""
    wanted = text.lower().replace(" ", "_")
    for value, province in content.provinces.items():
        if wanted in (value, province.label.id.lower().replace(" ", "_")):
            return value
    city = province_of_city(content, text)
    if city is not None:  # "Bandung": a city is not an audience, but its province may be
        raise AudienceError(f"{text!r} is a city in {city[0]}: use province={city[0]}")
    raise AudienceError(f"unknown province {text!r}: use a value from content/intake.yaml")


def label(kind: str, value: str, content: Content, language: str) -> str:
    """How a filter value reads to staff: "Musik", "Jawa Barat", "English", "instagram"."""
    if kind == "sector":
        question = content.questions.get("sector")
        for choice in (question.choices or []) if question else []:
            if choice.value == value:
                return choice.label.get(language)
    if kind == "province" and value in content.provinces:
        return content.provinces[value].label.get(language)
    if kind == "stage" and value in content.stages:
        return content.stages[value].label.get(language)
    if kind == "language" and value in LANGUAGES:
        key = Text.BTN_LANGUAGE_EN if value == "en" else Text.BTN_LANGUAGE_ID
        return content.text(key, language)
    return value


def in_words(chosen: Audience, content: Content, language: str) -> str:
    """An audience as staff read it: "all subscribers", or the group's name."""
    if chosen.value is None:
        return content.text(Text.BROADCAST_AUDIENCE_ALL, language)
    return label(chosen.kind, chosen.value, content, language)


def stored_in_words(stored: str, content: Content, language: str) -> str:
    """A queued broadcast's audience in words (its stored form if content changed since)."""
    try:
        return in_words(parse_audience(stored, content), content, language)
    except AudienceError:
        return stored


def describe(audience: Audience, content: Content) -> str:
    """The audience in a few English words, for the command line: "sector Music"."""
    if audience.value is None:
        return "all subscribers"
    return f"{audience.kind} {label(audience.kind, audience.value, content, 'en')}"


def counts_in_words(content: Content, language: str, parts: Sequence[tuple[Text, int]]) -> str:
    """Counts said one after another, each by its text ("{count} gagal"), leaving out a part
    that is zero ("2 kabar terkirim", not "2 kabar terkirim, 0 gagal"; the first when every
    one is): a bulk move's preview and its report say their numbers this one way."""
    kept = [(key, number) for key, number in parts if number] or list(parts[:1])
    joiner = content.text(Text.COUNTS_JOIN, language)
    words = joiner.join(content.text(key, language, count=number) for key, number in kept)
    return Markup(words)  # built by the bot: put into its message as it is


def languages_in_words(content: Content, language: str, indonesian: int, english: int) -> str:
    """How many updates go out in Indonesian and how many in English (a bulk stage move's
    preview, in the chat and the workspace), leaving out a language no one gets: "2 dalam
    bahasa Indonesia", not "2 dalam bahasa Indonesia, 0 dalam bahasa Inggris"."""
    parts = ((Text.BULK_COUNTS_INDONESIAN, indonesian), (Text.BULK_COUNTS_ENGLISH, english))
    return counts_in_words(content, language, parts)


async def count(broadcasts: Broadcasts, audience: Audience) -> int:
    """How many subscribers the audience holds right now."""
    return await broadcasts.audience_count(audience.kind, audience.value)


async def left_out(broadcasts: Broadcasts, audience: Audience) -> int:
    """How many subscribers the audience leaves out as second accounts closed as duplicates."""
    return await broadcasts.audience_left_out(audience.kind, audience.value)


async def by_language(broadcasts: Broadcasts, audience: Audience) -> dict[str, int]:
    """The audience's size by language (to tell how many get the English version)."""
    return await broadcasts.audience_languages(audience.kind, audience.value)


async def groups(broadcasts: Broadcasts, content: Content, kind: str) -> list[tuple[str, int]]:
    """The values of one kind present among active subscribers, with how many have each: the
    most first, stages in pipeline order (as staff know them)."""
    found = await broadcasts.audience_values(kind)
    if kind == "stage":
        order = {key: index for index, key in enumerate(content.stages)}
        found.sort(key=lambda pair: order.get(pair[0], len(order)))
    return found
