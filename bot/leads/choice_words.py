"""The choices a typed text names: as whole words, loosely, in a list of items, beside
something else, taken back, or as the only ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import OSA

from bot.answers.words import (
    ABOUT_TALENT,
    AFFIRMING,
    FILLER,
    GENRES,
    GRATITUDE,
    GREETINGS,
    MURMURS,
    NOT_A_ROLE,
    THANKS,
)
from bot.content import Content, Question, T
from bot.leads.form_order import ROLE_QUESTIONS, Answers, choices
from bot.leads.intent_words import ADDRESS, CHAT_WORDS, fold
from bot.terminal_text import without_controls

# Words that turn a choice named in a sentence around ("bukan band", "selain pop", "not
# pop"): no choice is taken from such a text, the talent presses the button.
DENIALS = frozenset(
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
    cut = next((i for i, word in enumerate(words) if word in DENIALS), len(words))
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
    if not tokens or (not asked and not DENIALS.isdisjoint(tokens)):
        return []
    offered, names = _names_of(question, content, answers)
    if asked:  # "bedanya solo sama grup", "drumer masuk yg mana": read loosely, never taken
        names = _loosely(names, tokens, programs=question.choices_from == "programs")
    spans = _name_spans(offered, names, tokens)
    kept = {value for _, _, value in spans}
    if question.choices_from == "programs":
        # "mau ke Korea buat MU:CON" (an attacker's review: Musisi ke Korea ticked too): a
        # program named by a place's word only ("ke Korea") gives way to one named itself.
        generic = {
            key: {
                fold(word) for word in page.words if _NOT_LOOSE_PROGRAMS & set(fold(word).split())
            }
            for key, page in content.programs.items()
        }
        placed = [span for span in spans if " ".join(tokens[span[0] : span[1]]) in generic[span[2]]]
        itself = [span for span in spans if span not in placed]
        # Unless listed beside it ("ke Korea dan MU:CON", "yg ke Korea sama MU:CON": both, a
        # second attacker's review), only joining words between the two.
        listed = {
            value
            for start, end, value in placed
            for other in itself
            if _AND.issuperset(tokens[min(end, other[1]) : max(start, other[0])])
        }
        kept = ({value for *_, value in itself} | listed) or kept
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
    # Where each word stands, so that a name is looked for only where its first word is (an
    # attacker's review, s59: every name tried at every word of "a " * 2048 took 0.5 s).
    places: dict[str, list[int]] = {}
    for index, token in enumerate(tokens):
        places.setdefault(token, []).append(index)
    found: list[tuple[int, int, str]] = []  # where a name stands: first word, past its last
    for value, _ in offered:
        for name in names[value]:
            words = name.split()
            size = len(words)
            starts = sorted({start for form in _forms(words[0]) for start in places.get(form, ())})
            found += [
                (start, start + size, value)
                for start in starts
                if start + size <= len(tokens)
                and all(map(_word_form, tokens[start : start + size], words))
            ]
    longer: dict[int, list[tuple[int, int, str]]] = {}  # names of more than a word, by start
    for span in found:
        if span[1] - span[0] > 1:
            longer.setdefault(span[0], []).append(span)
    widest = max((high - low for low, high, _ in found), default=0)
    return [
        (start, end, value)
        for start, end, value in found
        if not any(
            other != value and end <= high and high - low > end - start
            for low in range(start - widest + 1, start + 1)
            for _, high, other in longer.get(low, ())
        )
    ]


def _forms(word: str) -> tuple[str, ...]:
    """The typed words _word_form takes for a word of a choice's name: it, and its plurals."""
    if len(word) < _PLURAL_FROM or not word.isalpha():
        return (word,)
    return (word, f"{word}s", f"{word}es", *((f"{word[:-1]}ies",) if word[-1] == "y" else ()))


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
    if not spans or not set(_unnamed(spans, tokens)) <= _AROUND_NAMES:
        return []
    kept = {value for _, _, value in spans}
    return [value for value, _ in offered if value in kept]


def without_names(question: Question, content: Content, answers: Answers, text: str) -> str:
    """A text (folded) without the words that name the question's choices: "eh salah kita
    grup" of "eh salah kita grup hiphop" at the genres."""
    tokens = fold(without_controls(text)).split()
    offered, names = _names_of(question, content, answers)
    return " ".join(_unnamed(_name_spans(offered, names, tokens), tokens))


def _unnamed(spans: list[tuple[int, int, str]], tokens: Sequence[str]) -> list[str]:
    """The tokens no span of a choice's name covers."""
    covered = {index for start, end, _ in spans for index in range(start, end)}
    return [token for index, token in enumerate(tokens) if index not in covered]


# Where the items of a typed list part ("Indonesia, jawa, inggris dikit2", "house sm hiphop").
# "&", "/" and "+" only between spaces: inside a word they are part of it ("R&B": a second
# attacker's review had "R, B" said as not ticked). Papuan "deng" (dengan) joins too ("pop,
# rnb, deng lagu2 papua"; a talents' review had "Deng lagu2 papua" offered for Lainnya).
# Javanese "kalih" and Sundanese "jeung", "sareng" too, and "karo" where it is Javanese
# (_karo_items).
_ITEMS = re.compile(
    r"[,;\n]|(?<!\w)[/&+]|[/&+](?!\w)|\b(?:dan|sama|sm|and|serta|plus|juga|jg|atau|or|deng"
    r"|kalih|jeung|sareng)\b",
    re.I,
)
# Javanese "karo" (and) joins items too ("pop karo folk jawa mas"; a talents' review s64, L7:
# "folk jawa" dropped without a word), but it is also the Karo people's name ("gendang karo",
# "lagu karo dan pop", "pop karo modern"; a final review s64, L1: Karo dropped, "Modern"
# stored as a genre): only between words, not after a word of its kind, and before a genre
# or in a message with other Javanese words.
_KARO = re.compile(r"\bkaro\b", re.I)
_KARO_KIND = frozenset(
    "batak gendang lagu lagu2 musik music song songs etnik etnis tradisi tradisional tari"  # noqa: SIM905 -- a word list reads best as words
    " tarian budaya suku orang bahasa adat seni".split()
)
_JAVANESE = frozenset(
    "lan ora ra wae ae iso isa nggih kulo kula sing seneng uga ugi lho mboten sampun nek lek"  # noqa: SIM905 -- a word list reads best as words
    " dhewe jawa jowo".split()
)
# Words around an item that are not the item ("inggris dikit2", "kadang jazz", "genre X").
_AROUND_ITEM = frozenset(
    "dikit dikit2 sedikit kadang kadang2 bahasa lancar fasih bisa dll dst etc genre musik"  # noqa: SIM905 -- a word list reads best as words
    " lagu aliran banget aktif pasif basic dasar native little fluent some bit lah"
    # How well ("korean (pretty fluent)", a talents' review: "Pretty" offered as a language).
    " pretty quite very really fairly rather somewhat conversational intermediate advanced"
    " beginner proficient good well decent lumayan agak cukup sangat mahir menengah pemula"
    " percakapan ngerti mengerti paham"
    # Of a sentence around the item, not an item ("Inggris, tapi cuma sedikit", "walau hanya
    # sedikit"; an attacker's review had "Tapi cuma" offered as a language to add).
    " tapi tp tetapi walau walaupun meski meskipun cuma cuman hanya doang only just but"
    # "…, dan bahasa Jawa tentu saja" (a talents' review: "bahasa Jawa tentu" was offered).
    " tentu tentunya pasti pastinya".split()
)
# Of those, words that may be part of what the item names ("video musik", "musik rohani",
# "bahasa isyarat"; a talents' review had them stored as "Video", "Rohani", "Isyarat"): kept
# beside a word of the item, left out only where nothing else is ("musik" alone). The fields'
# words too ("music videos", "film eksperimental" at the formats, a talents' review s64, L7:
# as the field's choice, the item read as no format).
NAME_WORDS = frozenset({"musik", "lagu", "bahasa", "music", "film"})
_ITEM_WORDS_AT_MOST = 3  # more is a sentence, not an item to tick


def list_items(text: str) -> list[str]:
    """The items of a typed list, as typed (_ITEMS parts them, and a Javanese "karo")."""
    parts = _ITEMS.split(without_controls(text))
    if _KARO.search(text) is None:
        return parts  # most lists
    javanese = not _JAVANESE.isdisjoint(fold(text).split())
    return [item for part in parts for item in _karo_items(part, javanese)]


def _karo_items(part: str, javanese: bool) -> list[str]:
    """A part of a typed list parted at each "karo" that joins two items (_KARO)."""
    words = [(found.start(), found.end(), fold(found.group())) for found in _WORDS.finditer(part)]
    items, start = [], 0
    for at in range(1, len(words) - 1):
        if words[at][2] != "karo" or words[at - 1][2] in _KARO_KIND:
            continue
        if words[at + 1][2] in GENRES or javanese:
            items.append(part[start : words[at][0]])
            start = words[at][1]
    return [*items, part[start:]]


_WORDS = re.compile(r"\S+")


def unnamed_items(question: Question, content: Content, answers: Answers, text: str) -> list[str]:
    """The items of a typed list that name no choice ("jawa" of "Indonesia, jawa, inggris
    dikit2"), as typed, without the words around them; a long part is no item."""
    left = []
    for part in list_items(text):
        if named_choices(question, content, answers, part):
            continue
        words = _item_words(part.split())
        if words and len(words) <= _ITEM_WORDS_AT_MOST:
            item = " ".join(words).strip(".!")
            left.append(item[:1].upper() + item[1:] if item.islower() else item)
    return left


def _item_words(words: list[str]) -> list[str]:
    """The words of an item, as typed, without those around it (_AROUND_ITEM_ALL); a word that
    may be part of its name (NAME_WORDS) stays beside one that stays."""
    kept = [fold(word) not in _AROUND_ITEM_ALL for word in words]
    named = [fold(word) in NAME_WORDS for word in words]
    for _ in words:  # "video klip lagu": a name's word beside a kept one, outwards
        kept = [
            kept[i] or (named[i] and any(kept[max(i - 1, 0) : i + 2])) for i in range(len(words))
        ]
    return [word for word, keep in zip(words, kept, strict=True) if keep]


# Words of chat, thanks, laughter or "and so on" typed after the choices ("Pop, rock, wkwk",
# "Pop dan rock, makasih kak", "dsb"): no item at all, left out unsaid (an attacker's review
# had them stored as what "Lainnya" is).
_FILLER_ITEM = (
    THANKS | GREETINGS | MURMURS | FILLER | AFFIRMING | GRATITUDE | CHAT_WORDS | _AROUND_ITEM
) | frozenset(
    # "and so on" and chat a second attacker found stored ("gaes", "thx", "dan lain-lain")
    "dsb dkk dll dst etc etcetera idk ok oke gaes gais guys thx tq ty tks btw mungkin bebas"  # noqa: SIM905 -- a word list reads best as words
    " terserah dan lain sebagainya and more so on".split()
)
_LAUGHTER = re.compile(r"k?(?:wk)+w?|(?:ha|he|hi|xi)+h?|w?k{2,}|h+m+|o+k+e*|y+a+")
# Words that are no value of any "Lainnya": how much ("semua", "banyak", "mostly"), or who the
# talent is ("pelajar": ABOUT_TALENT, less the genres it has). Said as not ticked, never stored.
_NO_OTHER = (ABOUT_TALENT - GENRES) | frozenset(
    "semua semuanya banyak campur campuran pokoknya mostly macam macem berbagai various all"  # noqa: SIM905 -- a word list reads best as words
    " apapun apa aja any every".split()
)


def filler_item(item: str) -> bool:
    """Whether an item of a typed list is only chat, thanks or laughter ("wkwk", "makasih
    kak", "dsb"): no item, dropped without a word."""
    words = fold(item).split()
    return bool(words) and all(word in _FILLER_ITEM or _LAUGHTER.fullmatch(word) for word in words)


# Swear words said for emphasis among choices ("hiphop, trap, boom bap jancok"; a talents'
# review s62, L2: the bot told the talent to type "Boom bap jancok"): never part of an item,
# nor said back as one.
_SWEARS = frozenset(
    "jancok jancuk jancik diancuk dancok cok cuk coeg anjing anjir anjrit anjim asu bangsat"  # noqa: SIM905 -- a word list reads best as words
    " bajingan kampret taik goblok goblog tolol bego kontol memek ngentot jembut keparat"
    " brengsek sialan fuck fucking fck shit damn bitch asshole wtf".split()
)


def without_swears(item: str) -> str:
    """An item of a typed list without its swear words (_SWEARS); empty if it is only
    those."""
    return " ".join(word for word in item.split() if fold(word) not in _SWEARS)


def plausible_other(content: Content, question: Question, item: str) -> bool:
    """Whether an item no choice names may be what "Lainnya" is ("Sunda", "Shoegaze"): not a
    word of how much or of who the talent is (_NO_OTHER), nor of another question's choices
    ("manajer" at the genres)."""
    words = set(fold(item).split()) - NAME_WORDS  # "musik" of "Video musik" is no choice's
    if not words or not words.isdisjoint(_NO_OTHER):
        return False
    elsewhere = {
        word
        for other in content.intake.questions
        if other.key != question.key and other.choices
        for choice in other.choices
        for name in choice_names(choice.label, choice.words)
        for word in name.split()
        if len(word) > _LOOSE_LENGTH
    }
    return words.isdisjoint(elsewhere)


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


# Endings an Indonesian word takes ("keroncongan", "jazznya"), and letters typed more than once
# ("Jazzz", "Popp"): a choice's word so typed is the choice misspelt.
_AFFIXES = frozenset({"an", "nya", "ku", "mu", "lah", "kan"})
_REPEATED = re.compile(r"(.)\1+")
_SHORT = 3  # a typed word this short is a choice's word misspelt only one letter short ("rok")


def near_choices(question: Question, content: Content, answers: Answers, item: str) -> list[str]:
    """The choices a typed one-word item may be misspelt from, to ask about, never to tick
    ("rok", "Jazzz", "Keroncongan": an attacker's review had them stored under Lainnya):
    a word of a choice's name with a letter typed more than once, an ending added, or one
    typo (the same first letter; a three-letter word only one letter short, its last the
    same)."""
    tokens = fold(without_controls(item)).split()
    if len(tokens) != 1 or not tokens[0].isalpha():
        return []
    token = tokens[0]
    offered, names = _names_of(question, content, answers)
    found = {
        value
        for value, said in names.items()
        for name in said
        for word in name.split()
        if word not in _NOT_LOOSE and len(word) >= _LOOSE_LENGTH and _misspelt(token, word)
    }
    return [value for value, _ in offered if value in found]


def _misspelt(token: str, word: str) -> bool:
    """Whether a typed word (folded) may be a choice's word misspelt (near_choices)."""
    if token == word or token[0] != word[0]:
        return False
    if _REPEATED.sub(r"\1", token) == _REPEATED.sub(r"\1", word):
        return True
    if len(word) > _SHORT and token.startswith(word) and token[len(word) :] in _AFFIXES:
        return True
    if len(token) <= _SHORT:
        shorter = len(word) == len(token) + 1 and token[-1] == word[-1]
        return shorter and OSA.distance(token, word) == 1
    return len(word) > _SHORT and OSA.distance(token, word, score_cutoff=1) <= 1


# Words joining a second thing to the choice named ("Aku penyanyi sama dancer").
_AND = frozenset("sama dan and plus serta juga jg n".split())  # noqa: SIM905 -- a word list reads best as words
_BESIDES_WORDS_AT_MOST = 3  # a role of up to three words ("dancer cover kpop"), not a sentence
# Who a talent works with, not what they are ("band aku sama temen2").
_WITH_PEOPLE = frozenset(
    "teman temen teman2 temen2 kawan kawan2 friend friends mereka dia pacar istri suami keluarga"  # noqa: SIM905 -- a word list reads best as words
    " adik kakak abang".split()
)


def joined_item(text: str) -> str | None:
    """What a typed answer joins with "sama"/"dan"/"n" to what comes first (folded): one
    thing of a word or two; None if nothing, or more."""
    parts: list[list[str]] = [[]]
    for word in fold(without_controls(text).replace("&", " dan ").replace("+", " dan ")).split():
        if word in _AND:
            parts.append([])
        elif word not in CHAT_WORDS:
            parts[-1].append(word)
    said = [" ".join(part) for part in parts[1:] if part]
    if len(said) != 1 or len(said[0].split()) > _BESIDES_WORDS_AT_MOST:
        return None
    return said[0]


def named_besides(question: Question, content: Content, answers: Answers, text: str) -> str | None:
    """What a typed answer joins with "sama"/"dan" to the one choice it names, that no choice
    names ("Aku penyanyi sama dancer", a talents' review: "dancer" dropped without a word),
    to be said with where it can go: only a role ("dancer", "sutradara"), not whom one works
    with or a remark ("adikku", "sering manggung": an attacker's review had them offered for
    the note). None otherwise."""
    said = joined_item(text)
    if said is None or not _WITH_PEOPLE.isdisjoint(said.split()):
        return None
    if named_choices(question, content, answers, said) or not _role_like(content, said):
        return None
    return said


# Words of who a talent is that are no role to note ("mama", "asal") or a genre ("keroncong").
_ROLE_WORDS = ABOUT_TALENT - NOT_A_ROLE - GENRES


def _role_like(content: Content, item: str) -> bool:
    """Whether a typed item (folded) is a role: a word of who a talent is (ABOUT_TALENT's
    roles), or what names a role question's choice, loosely ("penari", "sutradara")."""
    if not _ROLE_WORDS.isdisjoint(item.split()):
        return True
    return any(
        named_choices(question, content, {}, item, asked=True)
        for question in content.intake.questions
        if question.key in ROLE_QUESTIONS
    )


# A choice a talent takes back at a multiple choice ("Mucon ga jadi", "bukan mucon kak", "ga
# jadi mucon"; a talents' review: told to press the buttons), or names as the only one ("Musisi
# ke korea aja", "cuma MU:CON"): only a message of nothing but the choices, the word that
# turns them, and _AROUND_NAMES. In a sentence those words say other things (an attacker's
# review: "Inggris, tapi cuma sedikit" unticked Indonesian, "jangan lupa inggris" unticked
# English, "bukan cuma Indonesia, aku juga bisa Inggris" unticked Indonesian).
_AROUND_NAMES = ADDRESS | frozenset(
    "kak kakak kk kang ya yaa deh dong sih dan sama sm and".split()  # noqa: SIM905 -- a word list reads best as words
)
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


# Around an item of a typed list: no part of it.
_AROUND_ITEM_ALL = _AROUND_ITEM | CHAT_WORDS | {""}


def named_questions(questions: Sequence[Question], text: str) -> list[Question]:
    """The questions a typed text names by their label, a part of it between slashes ("Kota"
    of "Kota/kabupaten") or an `about` word ("Saya ingin mengubah usia saya."), a name inside
    a longer one counting for the longer one ("nama panggung"), in the form's order."""
    tokens = fold(without_controls(text)).split()
    offered = [(question.key, question.label) for question in questions]
    names = {
        question.key: _owned(choice_names(question.label, question.about)) for question in questions
    }
    spans = _name_spans(offered, names, tokens)
    kept = {key for *_, key in spans}
    # "nama rumah produksinya ganti jadi …", "rumah produksi saya ganti nama jadi …", "ganti
    # nama PH jadi …" (a talents' review: the production house's new name was stored as the
    # talent's): a bare "nama" beside another name's question is that one's, not the full name.
    bare = [span for span in spans if span[2] == _FULL_NAME]
    if bare and all(_only_a_name(tokens, start, end) for start, end, _ in bare):
        others = {key for key in kept if key in _NAMES_OF_OTHERS}
        if others:
            kept.discard(_FULL_NAME)
    return [question for question in questions if question.key in kept]


# The questions whose answer is a name (bot.leads.sentence_names.NAME_QUESTIONS), without a
# dependency on it: "nama" beside one of the others names that one.
_FULL_NAME = "full_name"
_NAMES_OF_OTHERS = frozenset({"stage_name", "company_name"})
# "nama" alone, not "nama saya", "namaku", "my name": another's name may be meant.
_BARE_NAME = frozenset({"nama", "namanya", "name"})
_NAME_OWNERS = frozenset("saya aku gue gw sy ane sa beta lengkap asli".split())  # noqa: SIM905 -- a word list reads best as words
# "rumah produksinya", "usiaku", "kotamu": a name with its owner joined to it.
_OWNER_SUFFIXES = ("nya", "ku", "mu")


def _owned(names: set[str]) -> set[str]:
    """Names, and each with an owner's suffix on its last word ("rumah produksinya")."""
    return names | {
        f"{name}{suffix}"
        for name in names
        if len(name.split()[-1]) >= _PLURAL_FROM and name.split()[-1].isalpha()
        for suffix in _OWNER_SUFFIXES
    }


def names_bare(text: str) -> bool:
    """Whether a text names a name only as a bare "nama" ("kami baru ganti nama"), which may
    mean any name of the form."""
    tokens = fold(without_controls(text)).split()
    bare = [index for index, token in enumerate(tokens) if token in _BARE_NAME]
    return bool(bare) and all(_only_a_name(tokens, index, index + 1) for index in bare)


def _only_a_name(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether tokens[start:end] are a bare "nama" that no owner word follows (or "my" leads)."""
    if end - start != 1 or tokens[start] not in _BARE_NAME:
        return False
    after = tokens[end] if end < len(tokens) else ""
    before = tokens[start - 1] if start else ""
    return after not in _NAME_OWNERS and before != "my"
