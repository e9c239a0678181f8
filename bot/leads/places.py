"""Places typed at the province question: a province, an island's, a city's (to confirm), a
place named in a sentence, a typo's closest; and the provinces shown a page at a time.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.content import Content, T
from bot.leads.answer_outcomes import Accepted, Matches, Outcome, Rejected
from bot.leads.choice_words import DENIALS
from bot.leads.intent_words import ADDRESS, CHAT_WORDS, TRAILING_PARTICLES, fold
from bot.texts import Text

PROVINCE_PAGE_SIZE = 8
MATCHES_SHOWN = 12  # provinces matching what was typed: all of an island's (Sumatra has 10)


# What a talent types before a city's name: "Kota Bandung", "Kab. Sleman", "Kabupaten Bogor".
# The kinds of place typed before a city's name ("Kab. Bandung"), as they are written out.
_KIND_NAMES = {"kota": "Kota", "kab": "Kabupaten", "kabupaten": "Kabupaten"}
_PLACE_KINDS = tuple(f"{kind} " for kind in _KIND_NAMES)


# Indonesia itself is no answer to "which province?" (it was taken as "Di luar Indonesia",
# whose label has it): asked again, and left out of "Jakarta, Indonesia".
HOME_COUNTRY = frozenset({"indonesia", "indo", "ri", "nkri"})
MIN_NAME_PART = 3  # letters typed that may be part of a province's name
# Parts between commas read one by one: a real answer has two or three ("Kupang, NTT",
# "Jakarta Selatan, DKI Jakarta, Indonesia"); a text of more is read as a sentence (an
# attacker's review, s59: "Bali," + "x," * 2045 held the event loop for seconds).
PARTS_READ = 6


@dataclass(frozen=True, slots=True)
class _Names:
    """The content's places, folded once (an attacker's review, s59: every part of a typed
    answer folded every province's and city's name again)."""

    islands: dict[str, list[str]]  # an island's name: its provinces
    provinces: dict[str, str]  # a province's label or alias: the province
    cities: dict[str, tuple[str, str]]  # a city: its province, and the city as spelled
    labels: list[tuple[str, tuple[str, str]]]  # each province's labels
    in_sentence: dict[str, tuple[str, str | None]]  # a place named in a sentence
    guessed: dict[str, tuple[str, str | None]]  # a name a typo may come close to


_NAMES: weakref.WeakKeyDictionary[Content, _Names] = weakref.WeakKeyDictionary()


def _names(content: Content) -> _Names:
    """The places of `content`, folded the first time they are needed: a reload brings a new
    Content, and its own."""
    found = _NAMES.get(content)
    if found is None:
        found = _NAMES[content] = _folded(content)
    return found


def _folded(content: Content) -> _Names:
    islands: dict[str, list[str]] = {}
    for island in content.intake.islands:
        for name in island.names:
            islands.setdefault(fold(name), list(island.provinces))
    provinces: dict[str, str] = {}
    cities: dict[str, tuple[str, str]] = {}
    in_sentence: dict[str, tuple[str, str | None]] = {}
    guessed: dict[str, tuple[str, str | None]] = {}
    for value, province in content.provinces.items():
        for name in province.names:
            provinces.setdefault(fold(name), value)
        for city in province.cities:
            cities.setdefault(fold(city), (value, city))
        in_sentence.update({fold(city): (value, city) for city in province.cities})
        in_sentence.update({fold(name): (value, None) for name in province.names})
        # "Serambi Mekkah", "Paris van Java": the whole nickname, before "Mekkah" or "Paris"
        # abroad (an attacker's review: both were read as living abroad).
        in_sentence.update({fold(alias.name): (value, alias.city) for alias in province.nicknames})
        guessed.update({fold(name): (value, None) for name in province.names})
        guessed.update({fold(city): (value, city) for city in province.cities})
    labels = [
        (value, (fold(province.label.id), fold(province.label.en)))
        for value, province in content.provinces.items()
    ]
    return _Names(islands, provinces, cities, labels, in_sentence, guessed)


def province_typed(content: Content, text: str) -> Outcome:
    """`_find_province` of the whole answer, else of the parts between commas: the first a
    province is sure of ("Sleman, DIY", "Victoria, Australia"), else the first with some to
    offer ("Jakarta, Indonesia" is Jakarta's)."""
    found = _find_province(content, text)
    if not isinstance(found, Rejected):
        return found
    typed = text.split(",")
    spaced = _city_then_province(content, text) if len(typed) == 1 else None
    if spaced is not None:
        return spaced
    if not 1 < len(typed) <= PARTS_READ:  # more is no list of places: read as a sentence
        return _province_in_sentence(content, text) or found
    parts = [_find_province(content, part) for part in typed]
    sure = [part for part in parts if isinstance(part, Accepted)]
    offered = [part for part in parts if not isinstance(part, Rejected)]
    if sure:  # "Kupang, NTT": the city named beside its own province is kept too
        # So is one said in a sentence ("Saya tinggal di Bantul, Jogja", "MEDAN BANG, sumut";
        # a talents' review: dropped, and the city asked again).
        said = [
            part
            if not isinstance(part, Rejected)
            else _province_in_sentence(content, part_typed, lived_only=True)
            for part, part_typed in zip(parts, typed, strict=True)
        ]
        value = sure[0].value
        # The regency or city as typed around the name known ("Kab. Bandung Barat", "Kota
        # Bekasi": a re-check had both cut to the city's name, another place).
        cities = [
            _place_as_typed(part_typed, part.city)
            for part, part_typed in zip(said, typed, strict=True)
            if isinstance(part, Matches) and part.city and part.values == [value]
        ]
        cities += _city_unknown(content, value, typed, said)
        return Accepted(value, city=cities[0]) if cities else sure[0]
    if offered:
        return offered[0]
    return _province_in_sentence(content, text) or found


_SPACED_AT_MOST = 6  # words of a city and its province without a comma ("kab bandung jabar")


def _city_then_province(content: Content, text: str) -> Accepted | None:
    """A city and its own province typed without a comma, either way round ("bandung jabar",
    "jabar bandung"; a talents' review s61, L4: asked to confirm, though the province was
    typed, where "Bandung, Jabar" is taken): the province, the city kept; None otherwise."""
    words = text.split()
    if not 1 < len(words) <= _SPACED_AT_MOST:
        return None
    for at in range(1, len(words)):
        for city_typed, province_typed_ in (
            (" ".join(words[:at]), " ".join(words[at:])),
            (" ".join(words[at:]), " ".join(words[:at])),
        ):
            province = _find_province(content, province_typed_)
            city = _find_province(content, city_typed)
            if (
                isinstance(province, Accepted)
                and isinstance(city, Matches)
                and city.city is not None
                and city.values == [province.value]
            ):
                return Accepted(province.value, city=_place_as_typed(city_typed, city.city))
    # A city of two words, its part of the compass after it ("bandung barat jabar", "jakarta
    # selatan dki"; a re-check s61, L1: Bandung offered, Jakarta Selatan asked about).
    for at in range(1, len(words)):
        for city_typed, province_typed_ in (
            (" ".join(words[:at]), " ".join(words[at:])),
            (" ".join(words[at:]), " ".join(words[:at])),
        ):
            province = _find_province(content, province_typed_)
            if isinstance(province, Accepted) and (
                named := _city_with_compass(content, city_typed, province.value)
            ):
                return Accepted(province.value, city=named)
    return None


_EN_WAY = frozenset("west east north south central".split())  # noqa: SIM905 -- a word list


def _city_with_compass(content: Content, typed: str, value: str) -> str | None:
    """The place `typed` names in the province `value` with a part of the compass, written
    as such a place is ("Bandung Barat", "Jakarta Selatan", "South Jakarta"), else None."""
    words = fold(typed).split()
    core = [word for word in words if word not in _COMPASS]
    before = set(words[: len(words) - len(core)])  # "south jakarta"
    if not core or len(core) == len(words):
        return None
    ends = words[: len(core)] == core  # "bandung barat", "jakarta selatan"
    if not (ends or (words[len(words) - len(core) :] == core and before <= _EN_WAY)):
        return None  # "selatan dki": no place's name
    city = _find_province(content, " ".join(core))
    if isinstance(city, Matches) and city.city is not None and city.values == [value]:
        return _place_as_typed(typed, city.city)
    return _as_name(typed) if _part_of_province(content, typed) == value else None


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
# Where a talent does not live: near it, or works or studies there ("Sumedang, deket Bandung",
# "kuliah di Bandung, rumah di Garut", "Banten, kerja di Tangerang"; a final review had each
# stored as the place named after the word). A clause is read only up to such a word.
_ELSEWHERE = re.compile(
    r"\b(?:dekat|deket|dkt|near|nearby|close|sebelah|samping|kerja|bekerja|ngantor|kantor"
    r"|kuliah|sekolah|kampus|work|works|working|study|studying|studies|campus|office)\b"
)


def _province_in_sentence(
    content: Content, text: str, *, lived_only: bool = False
) -> Outcome | None:
    """The place a sentence says the talent lives in ("I live in Seoul now, originally from
    Bandung", "di Busan", a talents' review: "I couldn't find that province"): a province, a
    city of one (to confirm), or a place abroad, named whole; the parts that say where they
    come from are left out. None when it names none, or places of two provinces."""
    found = _places_named(content, text, lived_only=lived_only)
    values = {value for value, *_ in found}
    if len(values) != 1:
        return None
    value = values.pop()
    city = next((city for _, city, _ in found if city is not None), None)
    # Offered, never taken unasked: a sentence may name a place it is not about (an
    # attacker's review: "Papua New Guinea" was stored as Papua).
    return Matches([value], city=city)


# Words before a place the talent goes to, not lives in ("bawa gamelan ke Korea").
_GOING_TO = frozenset({"ke", "to", "menuju", "towards"})


def province_in_message(content: Content, text: str) -> Matches | None:
    """The one province a message of any length names as where the talent is, with its city
    where one is named, to offer ("tiang di Gianyar, Bali nggih. oh ya apakah gamelan bisa
    dibawa tampil ke Korea?", a talents' review s60: the question answered, Bali dropped; a
    371-character story was refused by its length). Places gone to ("ke Korea") and come
    from ("asli Bandung") are left out. None when it names none, or places of two provinces.
    Read in one pass over its words, each looked up in a dict (a 4,096-character text: a
    few milliseconds, benchmarks/hostile_patterns.py)."""
    found = _places_named(content, text, not_after=_GOING_TO)
    values = {value for value, *_ in found}
    if len(values) != 1:
        return None
    city = next((city for _, city, _ in found if city is not None), None)
    return Matches([values.pop()], city=city)


def _places_named(
    content: Content,
    text: str,
    *,
    lived_only: bool = False,
    not_after: frozenset[str] = frozenset(),
) -> list[tuple[str, str | None, str]]:
    """The places a sentence names (_province_in_sentence), each as its province, its city
    (None for a province's own name) and the name as read (folded), in the sentence's order;
    none right after a word of `not_after`."""
    places = _names(content).in_sentence
    found: list[tuple[str, str | None, str]] = []
    for part in _CLAUSES.split(text):
        tokens = fold(part).split()
        if _ORIGIN.search(" ".join(tokens)) or not DENIALS.isdisjoint(tokens):
            continue  # where they come from, or where they do not live ("bukan Jakarta")
        if lived_only:  # "Sukoharjo dekat Solo": Sukoharjo's clause, not Solo's
            tokens = _ELSEWHERE.split(" ".join(tokens))[0].split()
        start = 0
        while start < len(tokens):
            sizes = range(min(_PLACE_WORDS_AT_MOST, len(tokens) - start), 0, -1)
            size = next((n for n in sizes if " ".join(tokens[start : start + n]) in places), 0)
            if size and not (start and tokens[start - 1] in not_after):
                name = " ".join(tokens[start : start + size])
                found.append((*places[name], name))
            start += max(size, 1)
    return found


def _find_province(content: Content, text: str) -> Outcome:
    typed = fold(text).removeprefix("provinsi ").removeprefix("province ").strip()
    if not typed or typed in HOME_COUNTRY:
        return Rejected(Text.INTAKE_PROVINCE_NOT_FOUND)
    names = _names(content)
    if typed in names.islands:  # "Sumatra", "Papua": every province on it
        return Matches(list(names.islands[typed]))
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
        for value, labels in names.labels
        if len(typed) >= MIN_NAME_PART and any(typed in label for label in labels)
    ]
    if len(found) == 1:
        return Accepted(found[0])
    if found:
        return Matches(found)
    return Rejected(Text.INTAKE_PROVINCE_NOT_FOUND)


_SENTENCE_AROUND = 2  # words beside a city's name that make a sentence of it ("tinggal di")
# A sentence the city is read out of at the city question: one saying it was said before
# ("kan udh kubilang MEDAN bg", "like i said, south jakarta"), or where the talent lives
# ("tinggal di Kota Bekasi kak"). Any other is kept as typed (a final review: "Sumedang,
# deket Bandung" was stored as Bandung).
_SAID_OR_LIVED = re.compile(
    r"\b(?:\w*bilang\w*|\w*sebut\w*|tadi|said|told|mentioned|already|tinggal|domisili"
    r"|(?:saya|aku|gue|gw|i'?m|i\s+am)\s+di|live|living|based)\b"
)


# After a city named in a sentence, words that take it back or move away from it ("udah
# kubilang Bandung, eh salah, maksudnya Bekasi", "tinggal di Bandung tapi mau pindah ke
# Cikarang", "I mean", "actually"; an attacker's review, s59: the first city was stored).
_CORRECTION = re.compile(
    r"\b(?:salah|slh|maksudnya|maksudku|maksud\s+(?:aku|saya|sy|gue|gw|ku)|ralat|koreksi|eh"
    r"|pindah\w*|actually|i\s+mean|i\s+meant|meant|wrong|moving|move|moved|relocating)\b"
)


def city_corrected(content: Content, text: str) -> bool:
    """Whether a sentence at the city question that says where the talent lives or that it
    was said before (_SAID_OR_LIVED) corrects itself: it names two different cities, or a
    word of taking back or of moving follows the first place it names. No city is read out of it
    (city_said): the answer alone is asked for."""
    folded = fold(text)
    if not _SAID_OR_LIVED.search(folded):
        return False
    found = _places_named(content, text, lived_only=True)
    if len({city for _, city, _ in found if city is not None}) > 1:
        return True
    if not found:
        return False
    name = found[0][2]  # the first place named, a city or a province's part ("south jakarta")
    at = f" {folded} ".find(f" {name} ")
    return at >= 0 and _CORRECTION.search(folded, at + len(name)) is not None


def city_said(content: Content, text: str, province: object) -> Accepted | None:
    """The city a sentence at the city question names ("Bantul nggih, sudah saya sebut
    tadi hehe", "kan udh kubilang MEDAN bg"; a talents' review had each stored whole), when
    it is one of the `province` answered, or any place after a clause saying it was said
    before (_after_said_before): taken, and said. None for anything else: a city typed as it
    is ("Kota Bekasi", "Bekasi Timur")."""
    return _known_city_said(content, text, province) or _after_said_before(content, text)


# A clause saying the answer was said before, and all it may be made of ("like i said,",
# "kayak yang aku bilang", "seperti yang saya bilang tadi"; a talents' review had "like i
# said, Tulungagung" stored whole): a word of saying, one of "before", and words around them.
_SAID_VERBS = frozenset(
    "bilang kubilang blg sebut sebutin sebutkan kusebut disebut tulis kutulis ditulis nulis"  # noqa: SIM905 -- a word list reads best as words
    " ketik kuketik said told mentioned wrote typed".split()
)
_SAID_POINTERS = frozenset(
    "kan udah udh sudah sdh dah tadi td kayak kaya kyk kek seperti sprti spt sesuai sebelumnya"  # noqa: SIM905 -- a word list reads best as words
    " like as already before earlier above told atas diatas".split()  # "tulis di atas"
)
_SAID_AROUND = frozenset("yang yg aku saya sy gue gw i ve have you u it kak bang bg di".split())  # noqa: SIM905 -- a word list reads best as words
_SAID_CLAUSE = _SAID_VERBS | _SAID_POINTERS | _SAID_AROUND
_CLAUSE_END = re.compile(r"[,:;\-\u2013\u2014]$")


def _after_said_before(content: Content, text: str) -> Accepted | None:
    """The place a text names after a clause saying it was said before ("like i said,
    Tulungagung", "kayak yang aku bilang, Kab. Tulungagung"), when all that follows the clause
    is a place's name (_plausible): as written out ("Kabupaten Tulungagung"). None for any
    other text ("like i said, Tulungagung dekat Kediri": asked for the answer alone)."""
    words = text.split()
    at, said, pointed, ended = 0, False, False, False
    while at < len(words) and not ended:
        parts = fold(words[at]).split()
        # The clause ends at its comma ("like i said, Kota Batu", "I told you - Blitar");
        # without one, where the place starts is a guess ("kan udh kubilang Tarutung bg", a
        # band "Sudah Kubilang Band"): asked for the answer alone (slips).
        ended = _CLAUSE_END.search(words[at]) is not None
        if not set(parts) <= _SAID_CLAUSE or not (parts or ended):
            break
        said = said or not _SAID_VERBS.isdisjoint(parts)
        pointed = pointed or not _SAID_POINTERS.isdisjoint(parts)
        at += 1
    if not (said and pointed and ended):
        return None
    rest = re.sub(r"[^\w)]+$", "", " ".join(words[at:]))  # "Tulungagung!", "Tulungagung 🙏"
    place = city_typed(rest.lstrip(",:;.-\u2013\u2014 "), content)  # "Tarutung bg"
    if not _plausible(place) or not (_SAID_VERBS | _SAID_POINTERS).isdisjoint(fold(place).split()):
        return None  # "like i said, same as before": no place
    return Accepted(_as_name(place), named=True)


def _known_city_said(content: Content, text: str, province: object) -> Accepted | None:
    """A city of the `province` answered named in a sentence saying it was said before, or
    where the talent lives; None for anything else."""
    if not _SAID_OR_LIVED.search(fold(text)) or city_corrected(content, text):
        return None
    found = _province_in_sentence(content, text, lived_only=True)
    if isinstance(province, str) and isinstance(found, Matches) and found.values == [province]:
        names = content.provinces[province].names
        known = {word for name in (*names, found.city or "") for word in fold(name).split()}
        rest = (
            set(fold(text).split()) - known - _KIND_NAMES.keys() - CHAT_WORDS - TRAILING_PARTICLES
        )
        city = found.city and _place_as_typed(text, found.city)
        if city is None:  # "like i said, south jakarta": a part of the province, named
            parts = [
                part
                for part in _CLAUSES.split(text)
                if _part_of_province(content, part) == province
                and not _ELSEWHERE.search(fold(part))
            ]
            city = _as_name(parts[0]) if len(parts) == 1 else None
        if city is not None and len(rest) >= _SENTENCE_AROUND:
            return Accepted(city, named=True)
    return None


def city_nicknamed(content: Content, text: str, province: object) -> str | None:
    """The city of the `province` answered that a text at the city question is a nickname of
    ("suroboyo": Surabaya, "Kota Kembang": Bandung; a talents' review had "suroboyo rek"
    stored as "suroboyo"), as content/ spells it; None for any other text."""
    found = content.provinces.get(province) if isinstance(province, str) else None
    typed = fold(text)
    nicknames = found.nicknames if found is not None else []
    cities = [alias.city for alias in nicknames if fold(alias.name) == typed and alias.city]
    return cities[0] if cities else None


# What joins two places typed as one answer ("Surabaya dan Sidoarjo", "Surabaya / Sidoarjo").
_JOINED = re.compile(r"\s*(?:/|&|,|\b(?:dan|atau|and|or|sama)\b)\s*", re.IGNORECASE)


def cities_joined(content: Content, text: str) -> frozenset[str]:
    """The provinces of two or more known cities a text at the city question joins ("Surabaya
    dan Sidoarjo", "Surabaya / Sidoarjo"; a talents' re-check, s59: stored whole, unsaid), so
    which one the talent lives in is unsure; empty for any other text. A city beside its
    province ("Kupang, NTT") or one city by two names ("Jogja / Yogyakarta") is one place."""
    parts = [fold(part) for part in _JOINED.split(text)]
    if len(parts) < 2 or not all(parts):
        return frozenset()
    places = _names(content).in_sentence
    found = [places.get(part) or places.get(_without_place_kind(part)) for part in parts]
    known = [place for place in found if place is not None]
    if len(known) < len(found) or len({city for _, city in known if city is not None}) < 2:
        return frozenset()
    return frozenset(value for value, _ in known)


def province_left_out(content: Content, joined: frozenset[str], province: object) -> T | None:
    """The label of the province answered when none of the places `joined` is in it ("Surabaya
    dan Sidoarjo" after Kepulauan Riau; a last review s59: asked without naming it); None
    when one is, or the province is abroad."""
    answered = content.provinces.get(province) if isinstance(province, str) else None
    if answered is None or answered.countries or answered.value in joined:
        return None
    return answered.label


def city_elsewhere(content: Content, text: str, province: object) -> tuple[T, T] | None:
    """A city content/ lists typed at the city question, in another province than the one
    answered ("Surabaya" after Jawa Barat; a review of session 60: stored without a word):
    the label of its province and of the one answered. None for any other text, or when the
    province answered is abroad."""
    answered = content.provinces.get(province) if isinstance(province, str) else None
    known = province_of_city(content, text)
    if answered is None or answered.countries or known is None or known[0] == answered.value:
        return None
    return content.provinces[known[0]].label, answered.label


def city_spelled(content: Content, text: str) -> str:
    """A city typed at the city question as content/ spells it when it lists it ("gianyar",
    "MEDAN", "kab. sleman": Gianyar, Medan, Kabupaten Sleman; a review of session 60: stored as
    typed, beside provinces spelled right); another typed all in small letters or all in
    capitals, capitalised when it may be a place's name as it is ("kota batu": Kota Batu);
    any other as typed ("McDonald Town", "Kab. Bandung")."""
    known = province_of_city(content, text)
    if known is not None:
        return _place_as_typed(text, known[1])
    if (text.islower() or text.isupper()) and _plausible(text):
        return _as_name(text)
    return text


MIN_CITY_LETTERS = 2  # "Xi" is a name; "x" or "10" is none


def not_a_city(text: str) -> bool:
    """Whether a text at the city question cannot be a place's name: no letter in it ("10"),
    or a single one ("x"; a talents' review had both stored as the city)."""
    return sum(character.isalpha() for character in text) < MIN_CITY_LETTERS


# Around a city typed at the city question, words that are no part of it: "di"/"dari" before
# it, a form of address after it in lower case ("di Solo", "depok bang", "di Malang kak": a final
# review had each stored whole). "Bang", "Min" capitalised may end a name: kept.
_BEFORE_CITY = frozenset({"di", "dari"})
_AFTER_CITY = ADDRESS | TRAILING_PARTICLES | frozenset("bang bg mas mbak min lah aja saja".split())  # noqa: SIM905 -- a word list reads best as words


def city_typed(text: str, content: Content) -> str:
    """A city typed at the city question without "di"/"dari" before it and the forms of
    address after it ("di Solo", "depok bang", "depok bg": "Solo", "depok"), if a word is
    left; never a word of a place content/ names ("gunung mas", were it listed)."""
    words = text.split()
    if len(words) > 1 and fold(words[0]) in _BEFORE_CITY:
        words.pop(0)
    while (
        len(words) > 1
        and words[-1].strip(".,!~") in _AFTER_CITY
        and province_of_city(content, " ".join(words)) is None
    ):
        words.pop()
    return " ".join(words)


# Words around a city's name that make it another place: the regency or the city of that name
# ("Kabupaten Bekasi", "Kota Bekasi"), its part ("Bandung Barat", "Jakarta Selatan").
KINDS = frozenset(_KIND_NAMES.values())
_COMPASS = frozenset(
    "barat timur utara selatan tengah pusat west east north south central".split()  # noqa: SIM905 -- a word list reads best as words
)


def _place_as_typed(typed: str, city: str) -> str:
    """The `city` with the kind before it and the part of the compass after it that `typed`
    says ("Kab. Bandung Barat": "Kabupaten Bandung Barat"), else the city as it is."""
    words, name = fold(typed).split(), fold(city).split()
    starts = [at for at in range(len(words)) if words[at : at + len(name)] == name]
    if not starts:
        return city
    start, end = starts[0], starts[0] + len(name)
    kind = [_KIND_NAMES[words[start - 1]]] if start and words[start - 1] in _KIND_NAMES else []
    after = []
    while end < len(words) and words[end] in _COMPASS:
        after.append(words[end].capitalize())
        end += 1
    return " ".join([*kind, city, *after])


def kind_typed(typed: str, city: str) -> str:
    """ "Kabupaten" or "Kota" when `typed` says it before the `city` ("Kab. Bandung"), else ""
    (kept when the offer of the city's province is confirmed: a final review had "Kab. Bandung"
    stored as "Bandung", another place)."""
    words = _place_as_typed(typed, city).split()
    return words[0] if words[0] in KINDS and words[1:] == city.split() else ""


def _part_of_province(content: Content, typed: str) -> str | None:
    """The province a text names a place in with its kind or part of the compass ("Jakarta
    Selatan", "South Jakarta", "Kota Bengkulu"); None for anything else ("Jawa Barat", "West
    Java": a province's own name)."""
    words = fold(typed).split()
    core = " ".join(word for word in words if word not in _COMPASS | _KIND_NAMES.keys())
    if core == " ".join(words) or not _plausible(typed):
        return None
    named = _province_named(content, core)
    # Not a country's part ("Korea Selatan" is a country, not a place in one).
    return named if named is not None and not content.provinces[named].countries else None


# Words no place's name is made of: a sentence's, a greeting's, a yes or no.
_NOT_A_PLACE = (
    CHAT_WORDS
    | TRAILING_PARTICLES
    | DENIALS
    | HOME_COUNTRY
    | frozenset(
        "di dari ke dekat sekitar daerah tinggal domisili sekarang skrg provinsi province"  # noqa: SIM905 -- a word list reads best as words
        " live living in from at near halo hai hi hello oh eh iya oke ok okay siap baik sip"
        " yes no maaf sorry makasih thanks terima kasih hehe wkwk juga dan and atau or"
        " like said told tadi udah sudah kan".split()
    )
)
_PLACE_WORDS_TYPED = 3  # "Lombok Timur", "Kota Batu", "Tanjung Pinang Barat"


def _plausible(typed: str) -> bool:
    """Whether a text may be a place's name as it is: a few words of letters, no word of a
    sentence, of a greeting or of where the talent comes from."""
    words = fold(typed).split()
    return (
        0 < len(words) <= _PLACE_WORDS_TYPED
        and re.fullmatch(r"[^\W\d_][\w .'\-]*", typed.strip()) is not None
        and _NOT_A_PLACE.isdisjoint(words)
        and not _ORIGIN.search(" ".join(words))
        and not set(words) <= _COMPASS | _KIND_NAMES.keys()
    )


def _as_name(typed: str) -> str:
    """A place's name as typed, capitalised when typed all in one case ("south jakarta")."""
    name = " ".join(typed.split())
    if name.islower() or name.isupper():
        name = " ".join(word.capitalize() for word in name.split())
    return re.sub(
        r"^(?:kab\.?|kabupaten|kota)(?=\s)",
        lambda kind: _KIND_NAMES[fold(kind.group())],
        name,
        flags=re.I,
    )


# Jakarta's cities as talents shorten them ("Jaksel, DKI Jakarta": a fix's notes had the city
# asked again, as "Jakarta Selatan, DKI" is kept).
_JAKARTA_SHORT = {
    "jaksel": "Jakarta Selatan",
    "jakut": "Jakarta Utara",
    "jakbar": "Jakarta Barat",
    "jaktim": "Jakarta Timur",
    "jakpus": "Jakarta Pusat",
}


def _city_unknown(
    content: Content, value: str, typed: list[str], found: list[Outcome | None]
) -> list[str]:
    """Beside the province `value`, a part that is no city the bot knows but plausibly a
    place of it (a re-check: each dropped without a word): one in that province with its kind
    or part of the compass ("Jakarta Selatan, DKI", "Kota Bengkulu, Bengkulu"), one named
    twice as the province is ("Bengkulu, Bengkulu"), or one named nowhere with its kind or part
    of the compass ("Lombok Timur, NTB", "Kota Batu, Jawa Timur"). A single word the bot does
    not know is not kept (a final review: "Bali, Terimakasih", "Jawa Barat, Bunda" were stored
    as cities): the city is asked."""
    folded = [fold(part) for part in typed]
    cities = []
    for at, (part, outcome) in enumerate(zip(typed, found, strict=True)):
        if isinstance(outcome, Accepted) and outcome.value == value:
            twice = folded[at] in folded[at + 1 :]
            if folded[at] in _JAKARTA_SHORT:  # "Jaksel, DKI Jakarta"
                cities.append(_JAKARTA_SHORT[folded[at]])
            elif _part_of_province(content, part) == value or (twice and _plausible(part)):
                cities.append(_as_name(part))
        elif outcome is None and _plausible(part):
            words = set(folded[at].split())
            if not words.isdisjoint(_COMPASS | _KIND_NAMES.keys()):
                cities.append(_as_name(part))
    return cities


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
    places = _names(content).guessed
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
    return _names(content).provinces.get(typed)


def province_of_city(content: Content, text: str) -> tuple[str, str] | None:
    """The province of a city typed ("kota Bandung"), with the city as content/ spells it."""
    typed = fold(text)
    return _city_named(content, typed) or _city_named(content, _without_place_kind(typed))


def _city_named(content: Content, typed: str) -> tuple[str, str] | None:
    """The province of the city typed (folded), with the city as content/ spells it."""
    return _names(content).cities.get(typed)


def province_page(content: Content, page: int) -> tuple[list[str], int]:
    """One page of provinces and the number of pages (never 39 buttons at once)."""
    values = list(content.provinces)
    pages = max(1, -(-len(values) // PROVINCE_PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    start = page * PROVINCE_PAGE_SIZE
    return values[start : start + PROVINCE_PAGE_SIZE], pages
