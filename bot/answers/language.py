"""Which language a free message is written in, when its small words say so clearly.

A talent whose Telegram is in English may write Indonesian (and the other way round): the
bot then answered in the language it guessed from Telegram (a talents' review). Only words
that belong to one language count, and the other language must have none, so that mixed
messages ("kak can I join?") and names decide nothing.
"""

from __future__ import annotations

import re
import unicodedata

# Small words of one language only (not names, places, or words both languages borrow).
# "ya" is Indonesian's tag ("btw can we submit as a band ya?" is a mixed message, not English:
# a talents' review s65, F3).
_INDONESIAN = frozenset(
    """
    yang dan di ke dari untuk dengan ini itu apa apakah bagaimana gimana gmn bisa boleh ada
    saya aku kamu kami kita tidak gak ga nggak enggak ngga belum sudah udah mau ingin kalau
    kalo atau juga jadi sih dong kak tapi karena kapan berapa siapa mana harus caranya
    gitu aja saja lagi masih sama buat nya kah pakai nggih mboten ya
    """.split()  # noqa: SIM905 -- a word list reads best as words
)
_ENGLISH = frozenset(
    """
    the is are do does can could how what when where which who why you my your we our
    there this that it to of for with and or not please would should will have has am
    i im i'm
    """.split()  # noqa: SIM905 -- a word list reads best as words
)
_WORD = re.compile(r"[a-z']+")
# Links, @handles and addresses say nothing of the language a talent writes in: their words
# ("youtu.be/lagu-untuk-kamu", "@kak_saya_dan_aku") switched a talent (an attacker's review).
# A piece of text between spaces that holds one of these is left out whole. The pattern has no
# repetition and is searched piece by piece, so a message costs time in proportion to its length:
# "\S*…\S*" over the whole message took seconds on 4,096 dots (an attacker's review, s58).
_NOT_WRITTEN = re.compile(r"://|www\.|@|\.(?:com|id|be|ly|co|net|org|me)\b", re.I)
CLEAR = 2  # words of one language, and none of the other, to be sure
# The languages' own names, as a message asking for one writes them ("pakai bahasa Indonesia
# aja", "english please").
_NAMES = {
    "id": frozenset("indonesia indonesian indo bindo".split()),  # noqa: SIM905 -- a word list reads best as words
    "en": frozenset("inggris english eng".split()),  # noqa: SIM905 -- a word list reads best as words
}


def written_in(text: str) -> str | None:
    """ "id" or "en" when the message is clearly in that language, else None."""
    indonesian = english = 0
    for word in _WORD.findall(_written(text)):
        if word in _INDONESIAN:
            indonesian += 1
        elif word in _ENGLISH:
            english += 1
    if indonesian >= CLEAR and not english:
        return "id"
    if english >= CLEAR and not indonesian:
        return "en"
    return None


def named_language(text: str) -> str | None:
    """ "id" or "en": the language a message names first ("Ok saya pakai bahasa Indonesia aja
    ya, lebih enak"; "Can we speak English please? My Indonesian is not good", where the
    language asked for comes before the one the talent is not good at), else None."""
    for word in _WORD.findall(_written(text)):
        for language, names in _NAMES.items():
            if word in names:
                return language
    return None


def _written(text: str) -> str:
    """The message in lower case without the pieces between spaces that are links, @handles
    or addresses (`_NOT_WRITTEN`). Most messages have none: one search over the whole text
    then spares splitting it (a free message's path, benchmarks/update_cost.py)."""
    if not _NOT_WRITTEN.search(text):
        return text.lower()
    return " ".join(piece for piece in text.split() if not _NOT_WRITTEN.search(piece)).lower()


def other_script(text: str) -> bool:
    """Whether most of a message's letters are of a script the bot does not read (Hangul,
    Arabic, Thai…: "KOCCA 지원 어떻게 해요?"): to one the bot has no answer for, it says which
    languages it reads (a talents' review s61, M9). Read only on the way to "no answer"."""
    letters = latin = 0
    for char in text:
        if char.isalpha():
            letters += 1
            latin += unicodedata.name(char, "").startswith("LATIN")
    return letters > 0 and latin * 2 < letters
