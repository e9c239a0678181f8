"""Places typed at the province question: a province, an island's, a city's (to confirm), a
place named in a sentence, a typo's closest; and the provinces shown a page at a time.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from bot.content import Content
from bot.leads.answer_outcomes import Accepted, Matches, Outcome, Rejected
from bot.leads.choice_words import DENIALS
from bot.leads.intent_words import CHAT_WORDS, TRAILING_PARTICLES, fold
from bot.texts import Text

PROVINCE_PAGE_SIZE = 8
MATCHES_SHOWN = 12  # provinces matching what was typed: all of an island's (Sumatra has 10)


# What a talent types before a city's name: "Kota Bandung", "Kab. Sleman", "Kabupaten Bogor".
_PLACE_KINDS = ("kota ", "kab ", "kabupaten ")


# Indonesia itself is no answer to "which province?" (it was taken as "Di luar Indonesia",
# whose label has it): asked again, and left out of "Jakarta, Indonesia".
HOME_COUNTRY = frozenset({"indonesia", "indo", "ri", "nkri"})
MIN_NAME_PART = 3  # letters typed that may be part of a province's name


def province_typed(content: Content, text: str) -> Outcome:
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
        # So is one said in a sentence ("Saya tinggal di Bantul, Jogja", "MEDAN BANG, sumut";
        # a talents' review: dropped, and the city asked again).
        said = [
            part if not isinstance(part, Rejected) else _province_in_sentence(content, typed)
            for part, typed in zip(parts, text.split(","), strict=True)
        ]
        cities = [
            part.city
            for part in said
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
        if _ORIGIN.search(" ".join(tokens)) or not DENIALS.isdisjoint(tokens):
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


_SENTENCE_AROUND = 2  # words beside a city's name that make a sentence of it ("tinggal di")


def city_said(content: Content, text: str, province: object) -> Accepted | None:
    """The city a sentence at the city question names ("Bantul nggih, sudah saya sebut
    tadi hehe", "kan udh kubilang MEDAN bg"; a talents' review had each stored whole), when
    it is one of the `province` answered: taken, and said. None for anything else: a city
    typed as it is ("Kota Bekasi", "Bekasi Timur")."""
    found = _province_in_sentence(content, text)
    if isinstance(province, str) and isinstance(found, Matches) and found.values == [province]:
        names = content.provinces[province].names
        known = {word for name in (*names, found.city or "") for word in fold(name).split()}
        kinds = {kind.strip() for kind in _PLACE_KINDS}
        rest = set(fold(text).split()) - known - kinds - CHAT_WORDS - TRAILING_PARTICLES
        if found.city is not None and len(rest) >= _SENTENCE_AROUND:
            return Accepted(found.city, named=True)
    return None


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
