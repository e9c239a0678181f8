"""check-content's language checks: the slips a machine can see in every text of content/.

Each check caught a real problem of the language review (2026-12-03): a salutation without
its comma ("Halo {name},"), a lowercase line after one, an Indonesian sentence that starts
with a number, "pukul 18:58" instead of EYD's 18.58, British spellings in the US English,
a button that reads as applying to a program ("Register for this program"), a plural form
the bot cannot fill, a pronoun before a bare verb where EYD V writes ku- ("tidak aku kenal":
"tidak kukenal"), "a talent" as a countable person in English, and the erasure record called
anonymous (a keyed hash of the Telegram id is pseudonymous). bot.content imports this
module, so names from bot.content are imported inside functions.

Every start of the bot and of the commands that read content runs these checks over some
3,000 texts, and most texts hold nothing a check looks for: each check first asks whether
what every finding of its own contains is there at all (a brace, a digit, a colon, a line
break, a word in any letter case), which is far cheaper than its patterns.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator
from typing import Any

from bot.texts import plural_forms

Problem = str

# Salutations that address someone: EYD V puts a comma before the name ("Halo, Rina!").
_SALUTATION = re.compile(
    r"\b(Halo|Hai|Hei|Selamat (?:pagi|siang|sore|malam|datang)|Terima kasih|Makasih)"
    r"[ \t]+(\{\w+\}|[A-Z][a-z]+\b)"
)
# A salutation line ("Hi {name},") followed by a line that starts in lowercase.
_LOWER_AFTER_SALUTATION = re.compile(
    r"^\W*(?:<[^>]+>)*(?:Halo|Hai|Hi|Hello|Dear|Kepada)\b[^\n]*,(?:<[^>]+>)*[ \t]*\n"
    r"[ \t]*(?:<[^>]+>)*[a-z]",
    re.M,
)
# Placeholders the code fills with a count: a sentence must not start with one (EYD).
COUNT_PLACEHOLDERS = frozenset(
    {
        "already",
        "answers",
        "applications",
        "blocked",
        "changed",
        "consented",
        "count",
        "days",
        "drafts",
        "en_count",
        "english",
        "failed",
        "faq",
        "finished",
        "id_count",
        "leads",
        "left",
        "length",
        "main",
        "messages",
        "minutes",
        "moved",
        "n",
        "notes_total",
        "parts",
        "programs",
        "questions",
        "recent",
        "remaining",
        "reminded",
        "sent",
        "skipped",
        "started",
        "submitted",
        "subscribers",
        "superseded",
        "total",
        "uncertain",
        "users",
        "waiting",
    }
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A period that ends no sentence: "UU No. 27", "maks. 2.000", "mis. Jabar"; and a list's
# own numbering ("1. Setuju…").
_ABBREVIATION = re.compile(r"\b(?:No|Nomor|maks|min|mis|dll|dsb|hlm|Kep|Jl|Rp|Prof|Dr)\.\s", re.I)
_LIST_NUMBER = re.compile(r"^\s*\d+[.)]\s+")
# What may come before a sentence's first word: emoji, bullets, tags, quotes, spaces.
_LEAD_IN = re.compile(r"^(?:<[^>]+>|[^\w{<]|_)+")
_ENDS_SENTENCE = re.compile(r"[.!?](?:<[^>]+>|[\s\"'”)])*$")
_STARTS_WITH_NUMBER = re.compile(r"^(\d|\{(\w+)(?::[^}]*)?\})")
# "pukul 18:58", "18:58 WIB": EYD writes 18.58 (a time inside <code> is typed input).
_COLON_TIME = re.compile(r"\bpukul\s+\d{1,2}:\d{2}\b|\b\d{1,2}:\d{2}\s*WIB\b", re.I)
_CODE = re.compile(r"<code>.*?</code>", re.S)
_DIGIT_OR_FIELD = re.compile(r"[\d{]")  # what a sentence starting with a number starts with
# British spellings (and hyphenations) where the bot writes US English, with the US form.
BRITISH = {
    "cancelled": "canceled",
    "cancelling": "canceling",
    "judgement": "judgment",
    "organise": "organize",
    "organised": "organized",
    "organises": "organizes",
    "organising": "organizing",
    "organisation": "organization",
    "organisations": "organizations",
    "organiser": "organizer",
    "organisers": "organizers",
    "recognise": "recognize",
    "recognised": "recognized",
    "realise": "realize",
    "apologise": "apologize",
    "colour": "color",
    "colours": "colors",
    "centre": "center",
    "centres": "centers",
    "theatre": "theater",
    "favour": "favor",
    "favourite": "favorite",
    "honour": "honor",
    "behaviour": "behavior",
    "neighbour": "neighbor",
    "labour": "labor",
    "licence": "license",
    "defence": "defense",
    "programme": "program",
    "programmes": "programs",
    "catalogue": "catalog",
    "analyse": "analyze",
    "travelled": "traveled",
    "travelling": "traveling",
    "enrolment": "enrollment",
    "whilst": "while",
    "amongst": "among",
    "e-mail": "email",
    "e-mails": "emails",
}
# One of them anywhere in a text (lowercased): the only texts worth reading word by word.
_BRITISH_ANYWHERE = re.compile("|".join(map(re.escape, BRITISH)))
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")
_NOT_WORDS = re.compile(r"\{[^}]*\}|<[^>]*>|\S+://\S+|\S+\.\w{2,}/\S*")  # fields, tags, links
# Proper nouns that keep their own spelling in English ("Seoul Arts Centre" as a name is
# allowed anyway: a British word capitalised inside a run of capitalised words is a name).
PROPER_NOUNS: frozenset[str] = frozenset()
# A button or title must never read as applying to a program: talents register interest.
_FOR_THIS_PROGRAM = {
    "en": re.compile(
        r"\b(?:register|apply|sign up|enrol+)\s+(?:for|to|in)\s+(?:this|the)\s+program", re.I
    ),
    "id": re.compile(r"\bdaftar(?:kan diri)?\s+(?:untuk|ke|di)\s+(?:program|acara)\b", re.I),
}
# "tidak aku kenal", "belum aku teruskan", "yang bisa aku bantu", "jadi aku kirim": EYD V
# attaches the pronoun to the bare verb (kukenal, kuteruskan, kubantu, kukirim). Words after
# "aku" that are not such verbs ("tidak aku" never starts a sentence; "jadi aku ingin…").
_AKU_PASSIVE = re.compile(
    r"\b(?:belum|tidak|bisa|jadi|yang) aku (?!(?:bisa|akan|belum|tidak|sudah|ingin|mau|perlu"
    r"|harus|masih|juga|hanya|punya|ada|lagi)\b)([a-z]+)",
    re.I,
)
# "a talent", "the talent's", "talents": not English for a person; "music talent", "Talent
# Desk" and "talent pool" are fine.
_COUNTABLE_TALENT = re.compile(
    r"\b(?:a|the|this|that|its|their|each|every|no|any)\s+talent\b(?!\s+(?:desk|pool)\b)"
    r"|\btalents\b(?!\s+desk\b)",
    re.I,
)
# The erasure record is pseudonymous (content-facts.md): never "anonim" / "anonymous", nor a
# "catatan tanpa nama" / "nameless record", which reads as one (the s58 re-check: the erasure
# prompt said that, the answer after erasure "catatan berkode (bukan nama)").
_ANONYMOUS = re.compile(
    r"\banonim\w*|\banonymous(?:ly)?\b|\bcatatan\s+tanpa\s+nama\b|\bnameless\s+record", re.I
)


def wording(raw: dict[str, Any], is_button: Callable[[str, str], bool]) -> list[Problem]:
    """Every language slip of every text, as 'file: key.language: what to write instead'."""
    problems: list[Problem] = []
    for file, path, language, text in _texts(raw):
        checks = _INDONESIAN_CHECKS if language == "id" else _ENGLISH_CHECKS
        findings = [finding for check in checks for finding in check(text)]
        if is_button(file, path) or path.rsplit(".", 1)[-1].split("[")[0] == "title":
            findings += for_this_program(text, language=language)
        problems += [f"{file}: {path}.{language}: {finding}" for finding in findings]
    return problems


def _texts(raw: dict[str, Any]) -> Iterator[tuple[str, str, str, str]]:
    from bot.content import translations

    for file, data in raw.items():
        for path, pair in translations(data, ""):
            for language, text in pair.items():
                if isinstance(text, str):
                    yield file, path, language, text


def salutation_commas(text: str) -> list[str]:
    """ "Halo {name}," / "Hai Rina": EYD V puts a comma before the name addressed."""
    return [
        f"write a comma before the name addressed: {match.group(1)}, {match.group(2)}"
        for match in _SALUTATION.finditer(text)
    ]


def lowercase_after_salutation(text: str) -> list[str]:
    """ "Hi {name},↵we have…": the line after a salutation starts with a capital."""
    if "\n" not in text:
        return []
    return [
        "the line after a salutation starts with a capital letter"
        for _ in _LOWER_AFTER_SALUTATION.finditer(text)
    ]


def number_starts(text: str) -> list[str]:
    """An Indonesian sentence does not start with a numeral or a count (EYD V)."""
    if _DIGIT_OR_FIELD.search(text) is None:
        return []
    found = []
    for line in text.splitlines():
        line = _ABBREVIATION.sub(lambda match: match.group(0).replace(".", ""), line)
        for sentence in _SENTENCE_END.split(_LIST_NUMBER.sub("", line)):
            body = _LEAD_IN.sub("", sentence)
            match = _STARTS_WITH_NUMBER.match(body)
            if match is None or not _ENDS_SENTENCE.search(sentence):
                continue
            if match.group(2) is not None and match.group(2) not in COUNT_PLACEHOLDERS:
                continue
            found.append(
                f"a sentence starts with a number ({body[:30]!r}): rephrase it"
                " (e.g. put the count later, or write it in words)"
            )
    return found


def colon_times(text: str) -> list[str]:
    """EYD writes times with a period: pukul 18.58, 21.00 WIB."""
    if ":" not in text:
        return []
    return [
        f"{match.group(0)!r}: write the time with a period (18.58)"
        for match in _COLON_TIME.finditer(_CODE.sub("", text))
    ]


def british_spellings(text: str) -> list[str]:
    """US English throughout; a capitalised British word inside a name is allowed."""
    if _BRITISH_ANYWHERE.search(text.lower()) is None:
        return []
    found = []
    words = list(_WORD.finditer(_NOT_WORDS.sub(" ", text)))
    for index, match in enumerate(words):
        word = match.group(0)
        us = BRITISH.get(word.lower())
        if us is None or word in PROPER_NOUNS or _in_a_name(words, index):
            continue
        found.append(f"{word!r} is British spelling: write {us!r} (US English)")
    return found


def _in_a_name(words: list[re.Match[str]], index: int) -> bool:
    """A capitalised word next to another capitalised word: part of a proper noun."""
    if not words[index].group(0)[:1].isupper():
        return False
    neighbours = [words[i].group(0) for i in (index - 1, index + 1) if 0 <= i < len(words)]
    return any(word[:1].isupper() for word in neighbours)


def aku_passives(text: str) -> list[str]:
    """ "tidak aku kenal": EYD V attaches the pronoun (tidak kukenal), or say it actively."""
    if " aku " not in text.lower():
        return []
    return [
        f"{match.group(0)!r}: attach the pronoun to the verb (ku{match.group(1).lower()}) or"
        " use the active voice (“Aku belum kenal…”)"
        for match in _AKU_PASSIVE.finditer(text)
    ]


def countable_talent(text: str) -> list[str]:
    """ "This talent has blocked the bot": a person is a registrant (or "this person")."""
    if "talent" not in text.lower():
        return []
    return [
        f"{match.group(0)!r}: “talent” is not a countable person in English; write"
        " “registrant” or “person”"
        for match in _COUNTABLE_TALENT.finditer(_NOT_WORDS.sub(" ", text))
    ]


def anonymous(text: str) -> list[str]:
    """The erasure record is a keyed hash of the Telegram id: pseudonymous, not anonymous."""
    lowered = text.lower()
    if "anon" not in lowered and "tanpa nama" not in lowered and "nameless" not in lowered:
        return []
    return [
        f"{match.group(0)!r}: the erasure record is pseudonymous (a keyed hash of the Telegram"
        " id): say “catatan berkode (bukan nama)” / “a coded record (not your name)”, never"
        " anonymous"
        for match in _ANONYMOUS.finditer(text)
    ]


def for_this_program(text: str, *, language: str) -> list[str]:
    """A button or title never says register/daftar "for this program": it is interest."""
    pattern = _FOR_THIS_PROGRAM.get(language)
    if pattern is None or (match := pattern.search(text)) is None:
        return []
    return [
        f"{match.group(0)!r} reads as applying to the program: say it registers interest"
        " (e.g. “Daftarkan minat” / “Register interest”)"
    ]


def plural_specs(text: str) -> list[str]:
    """`{count:one|other}` is the only format a placeholder may carry."""
    if "{" not in text:
        return []
    found = []
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return []  # reported by the placeholder check
    for _, name, spec, _ in fields:
        if name is not None and spec and plural_forms(spec) is None:
            found.append(
                f"{{{name}:{spec}}}: a placeholder's format can only be a plural form,"
                f" such as {{{name}:lead|leads}}"
            )
    return found


# The checks of each language's texts, in the order their findings are listed (then, for a
# button or a title, for_this_program).
_INDONESIAN_CHECKS: tuple[Callable[[str], list[str]], ...] = (
    plural_specs,
    salutation_commas,
    number_starts,
    colon_times,
    aku_passives,
    lowercase_after_salutation,
    anonymous,
)
_ENGLISH_CHECKS: tuple[Callable[[str], list[str]], ...] = (
    plural_specs,
    british_spellings,
    countable_talent,
    lowercase_after_salutation,
    anonymous,
)
