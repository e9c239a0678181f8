"""A talent asking, mid-form, for the bot to speak the other language: "Mohon maaf, apakah bisa
pakai bahasa Inggris saja? Cucu saya yang membantu membaca", "English please", "Kembali ke
bahasa Indonesia saja".

A talents' review: at the stage name the first got "this one may be skipped" and the second
was stored as the stage name; in English, the third at the genres got "pick from the buttons".
Outside the form the same words get the language buttons. Such a request is never an answer.

Pure functions over the text; no I/O, no Telegram.
"""

from __future__ import annotations

import re

from bot.leads.intent_words import fold
from bot.leads.web_links import holds_data

# The language named as a language: "bahasa Inggris", "English", "bhs indo", "Indonesian".
# "Inggris" or "Indonesia" alone is a country as well ("pindah ke Inggris", "kembali ke
# Indonesia tahun 2019"): it counts only right before "saja", "aja", "please" and the like.
_BAHASA = r"(?:bahasa|bhs|b)(?:nya)?\s+"
_LANGUAGES = {
    "en": rf"(?:{_BAHASA}(?:inggris|inggeris|ingris|english)|english|englis|inglish)",
    "id": rf"(?:{_BAHASA}(?:indonesia|indo)|indonesian)",
}
_COUNTRIES = {"en": r"(?:inggris|inggeris|ingris)", "id": r"(?:indonesia|indo)"}
# Asking for it: a word of changing or going back, then the language ("ganti ke bahasa
# Inggris", "kembali ke bahasa Indonesia saja", "switch to English", "change language to
# English").
_SWITCH = r"\b(?:ganti|gnti|ubah|pindah|switch|change|balik|kembali|back|beralih|tukar)\b"
# A word of using or speaking, then the language ("pakai bahasa Inggris", "speak English",
# "reply in English")...
_USE = (
    r"\b(?:pakai|pake|pakek|gunakan|menggunakan|memakai|use|using|speak|talk|reply|answer"
    r"|respond|write|ngomong|bicara|berbicara)\b"
)
# ...asked for: a word of asking before it ("apakah bisa pakai bahasa Inggris saja?", "can you
# speak English", "bisa bahasa Inggris?"), not after ("lagu saya pakai bahasa Inggris, bisa
# didengar di Spotify" is an answer).
_ASKING_WORDS = r"bisa|bs|bisakah|boleh|bolehkah|tolong|mohon|minta|can|could|would|do\s+you|apakah"
_ASKING = rf"\b(?:{_ASKING_WORDS}|please|pls|plz)\b"
# The language with "please" or "saja" after it, or "please" before it ("English please",
# "bahasa inggris aja", "in English pls", "tolong bahasa Inggris"), in a short message.
_PLEASE = r"(?:please|pls|plz|plis|pliss|saja|aja|dong|only|deh)"
# Changing the language without naming one ("ganti bahasa dong", "switch language please"):
# there are two, so the other one.
_SWITCH_ANY = re.compile(rf"{_SWITCH}(?:\s+\S+){{0,2}}?\s+(?:bahasa|bhs|language|lang)\b")
# A language named as what a piece of work is in, not what the bot should speak: one of these
# before it in the same part of the sentence ("apakah harus ada subtitle bahasa Inggris?",
# "lirik lagunya boleh pakai bahasa Inggris?", "can I send the proposal in English?"). A
# talents' review (s57, H2): a director's question on English subtitles switched the form to
# English.
_WORK = re.compile(
    r"\b(?:subtitle|subtitles|subtitel|subtitlenya|subtitelnya|sub|subs|takarir|terjemahan"
    r"|terjemahannya|terjemahkan|translation|translate|translated|dubbing|dub|lirik|liriknya"
    r"|lyrics|lyric|lagu|lagunya|song|songs|film|filmnya|movie|video|videonya|dokumenter"
    r"|documentary|dokumen|dokumennya|document|documents|proposal|proposalnya|skenario"
    r"|naskah|naskahnya|script|screenplay|treatment|treatmentnya|sinopsis|synopsis|cv"
    r"|portofolio|portfolio|caption|narasi|narration|dialog|dialogue|judul|title|karya"
    r"|karyaku|showreel|trailer|presentasi|pitching|pitch|deck|wawancara|interview|program"
    r"|programnya|kelas|class|pelatihan|training|workshop|materi|audisi|audition|festival)\b"
)
# Where a part of a sentence ends, in the text as typed ("…(bahasa Dani), apakah harus ada
# subtitle bahasa Inggris?").
_PART_END = re.compile(r"[.,;:!?()\n]+")
OTHER = "other"
_WORDS_AT_MOST = 16  # more is an answer that mentions a language, not a request
_SHORT = 6  # "English please", "bahasa inggris saja ya kak"


def _patterns(language: str) -> tuple[re.Pattern[str], ...]:
    named = _LANGUAGES[language]
    either = rf"(?:{named}|{_COUNTRIES[language]})"
    gap = r"(?:\s+\S+){0,3}?\s+"
    return (
        re.compile(rf"{_SWITCH}{gap}(?:(?:ke|to|into|in)\s+)?{named}\b"),
        re.compile(rf"{_ASKING}{gap}(?:{_USE}{gap}(?:in\s+)?)?{named}\b"),
        re.compile(rf"(?:^|\s)(?:in\s+|pakai\s+|pake\s+)?{either}\s+{_PLEASE}\b"),
        # "eh aku pake bahasa indonesia aja deh ya kak, lebih gampang hehe": using the
        # language, asked for with "aja", in a longer message too (a talents' review: at the
        # city, "Your answer has 63 characters; the limit is 60").
        re.compile(rf"{_USE}\s+(?:in\s+)?{named}\s+{_PLEASE}\b"),
    )


_NAMED = re.compile(rf"\b(?:{'|'.join(_LANGUAGES.values())})\b")
_FOUND = {language: _patterns(language) for language in _LANGUAGES}
_TO = {
    language: re.compile(rf"\b(?:ke|to|into)\s+{named}\b") for language, named in _LANGUAGES.items()
}


def language_asked(text: str, *, strict: bool = False, names_languages: bool = False) -> str | None:
    """The language ("id" or "en") a message asks the bot to speak, OTHER when it asks to
    change it without naming one, or None. `strict`: at a
    free text, where a sentence may be about a language ("apakah programnya bisa pakai
    bahasa Inggris?" to the team), only a word of changing or a short "English please";
    `names_languages`: at a question answered with languages ("bahasa Inggris saja", "bisa
    pakai bahasa Inggris"), only a word of changing."""
    if holds_data(text):
        return None  # a link or an address is data
    words = fold(text).split()
    if not words or len(words) > _WORDS_AT_MOST:
        return None
    folded = " ".join(part for part in map(fold, _PART_END.split(text)) if not _of_work(part))
    short = len(words) <= _SHORT
    found = {
        language
        for language, (switch, asking, please, used) in _FOUND.items()
        if switch.search(folded)
        or (not names_languages and short and please.search(folded))
        or (not names_languages and not strict and (asking.search(folded) or used.search(folded)))
    }
    if len(found) > 1:  # "ganti dari bahasa Indonesia ke bahasa Inggris": the one it goes to
        found = {language for language in found if _TO[language].search(folded)}
    if len(found) == 1:
        return found.pop()
    return OTHER if not found and _SWITCH_ANY.search(folded) else None


def _of_work(part: str) -> bool:
    """Whether a part of a sentence (folded) names a language as what a piece of work is in:
    a word of work before the language ("harus ada subtitle bahasa inggris")."""
    named = [found.start() for found in _NAMED.finditer(part)]
    return bool(named) and _WORK.search(part, 0, max(named)) is not None


_NAME_WORDS_AT_MOST = 3  # "English Please", "Bahasa Inggris Saja": a band may be so called
# Words that make a request of it: a name has none ("please" may end a band's name).
_ASKED_IN_WORDS = re.compile(rf"{_SWITCH}|{_USE}|\b(?:{_ASKING_WORDS})\b")


def may_be_a_name(text: str) -> bool:
    """Whether a text that asks for a language may be a name all the same (an attacker's
    review, s59: "English Please" at the stage name switched the language): a few words of
    letters, each capitalised, with no word of changing, using or asking ("pakai bahasa
    inggris aja", "ganti ke English" are requests)."""
    words = text.split()
    return (
        0 < len(words) <= _NAME_WORDS_AT_MOST
        and all(word.isalpha() and word[0].isupper() for word in words)
        and _ASKED_IN_WORDS.search(fold(text)) is None
    )


# A text that is nothing but a language's name ("In English", "English", "bahasa inggris",
# "Indonesian"): at a name, a wish or the name (a talents' re-check, s59: "In English" at the
# stage name was stored as the name).
_ONLY_NAMED = {
    language: re.compile(rf"^(?:(?:in|pakai|pake)\s+)?{named}$")
    for language, named in _LANGUAGES.items()
}


def language_named(text: str) -> str | None:
    """The language ("id" or "en") a text is only the name of, or None."""
    folded = fold(text)
    return next((code for code, only in _ONLY_NAMED.items() if only.match(folded)), None)
