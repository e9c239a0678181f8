"""A question typed without its "?" at a form step ("berapa biayanya kak", "kak ini data sy
aman gk", "hrs sm ibu sy gk kak klo ke korea", "how much does it cost").

A talents' review s65 (F1): a talent who types on a cheap phone with no punctuation had her
questions stored as her stage name, her genre and her city, while the same words with a "?"
were answered. Only what is said to ask is read here: a word that asks said to someone ("kak",
"min"), a yes-or-no tag after a word it asks about ("aman gk", "boleh ga kak"), or a question
form ("apakah", "bisakah", "can I", "how much does"). A name may hold a word that asks ("Apa
Adanya", "Kapan Lagi Band", "Gimana Nanti", "Why Not"), so a name is asked back, never lost:
sent once more, it is the answer. Where no answer starts with a word that asks (the city, a
genre of one's own), a text that starts with one asks.

Pure functions over the text; no I/O.
"""

from __future__ import annotations

import re

from bot.leads.intent_words import fold

# Someone the talent speaks to: a name is not said to someone ("berapa biayanya kak").
_ADDRESSED = (
    r"(?:kak|kakak|kaka|kk|min|mimin|admin|gan|sis|sist|bang|bg|mas|mbak|mba|pak|bu|kang|teh"
    r"|bro|om|tante|bos|bosku)"
)
# A word that asks ("berapa", "brp", "gmn"), in a text addressed to someone.
_ASKING_WORD = (
    r"(?:apakah|apa|apaan|berapa|brp|brapa|gimana|gmn|gmna|gmana|bagaimana|kapan|kpn|kenapa"
    r"|knp|mengapa|siapa|dimana|di\s+mana|dmn|kemana|bolehkah|bisakah|haruskah|perlukah"
    r"|adakah|wajibkah)"
)
# A word a yes-or-no question asks about ("aman gk", "boleh ga", "hrs … gk kak").
_ASKED_ABOUT = (
    r"(?:harus|hrs|boleh|blh|bole|bisa|bs|perlu|wajib|ada|aman|bayar|berbayar|gratis|dapat"
    r"|dapet|dpt|bener|benar|bnr|masih|ikut|dibayar|ditanggung|dijual|disebar|mesti|musti)"
)
# The tag that makes it a yes-or-no question.
_TAG = r"(?:gak|ga|gk|nggak|ngga|ngak|enggak|engga|tidak|tdk|ndak|nda|kah|tah)"
_PARTICLES = r"(?:ya|yah|sih|nih|dong|deh|kah)"
_ADDRESSED_TAG = (
    # "aman gk", "boleh ikut ga kak", "hrs sm ibu sy gk kak klo ke korea"
    rf"\b{_ASKED_ABOUT}\b(?:\s+\w+){{0,5}}?\s+{_TAG}(?:(?:\s+(?:{_ADDRESSED}|{_PARTICLES}))*$"
    rf"|\s+{_ADDRESSED}\b)"
    # "ini gratis ya kak", "bisa kan kak": asked of someone, about something
    rf"|\b{_ASKED_ABOUT}\b(?:\s+\w+){{0,3}}?\s+(?:ya|kan)\s+{_ADDRESSED}$"
)
# Said only to ask, whoever it is said to: "apakah …", "bisakah …" with words after it; an
# English question with the talent in it ("can I …", "do we need …", "how much does …").
_ASKED_OUTRIGHT = re.compile(
    r"\b(?:apakah|bolehkah|bisakah|haruskah|perlukah|adakah|wajibkah)\s+\w+"
    r"|^(?:can|could|may|do|does|did|should|must|will|would|am|is|are)\s+(?:i|we|my|our)\s+\w+"
    r"|^(?:how|what|when|where|why|who|which)\s+(?:(?:much|many|long)\s+)?(?:do|does|did|can"
    r"|could|should|will|would|is|are|am)\s+(?:i|we|you|it|this|that|my|our|the|they)\b"
)
_WORD_ADDRESSED = re.compile(
    rf"\b{_ASKING_WORD}\b.*\b{_ADDRESSED}\b|\b{_ADDRESSED}\b.*\b{_ASKING_WORD}\b"
)
_TAGGED = re.compile(_ADDRESSED_TAG)
# Where no answer starts with a word that asks (a city, a genre of one's own): one that does,
# with more words after it ("berapa biayanya", "how do I apply"; not "Apa" alone).
_STARTS_ASKING = re.compile(
    rf"^(?:{_ASKING_WORD}|how|what|when|where|why|who|which|can|could|do|does|is|are|should)"
    r"\s+\w+"
)
# Not an answer yet: the talent thinks first ("hmm wait, I need to think about this",
# "bentar kak aku pikir dulu", "hold on"). Alone: "wait", "bentar kak", "hold on a sec" (not
# "Sebentar Films", a company).
_WAITING = re.compile(
    r"^(?:(?:h+m+|e+m+|u+m+|oh|eh|ok|oke|okay)\s+)*(?:wait|hold\s+on|hang\s+on|bentar|sebentar"
    r"|tunggu)(?:\s+(?:dulu|ya|kak|min|a\s+(?:sec|second|moment|minute)|please|pls|bentar))*$"
)
# A phrase that says it: "I need to think", "let me think", "aku pikir dulu", "mikir dulu"
_THINKING = re.compile(
    r"\bi\s+(?:need|have|want)\s+to\s+think\b|\blet\s+me\s+think\b"
    r"|\b(?:mikir|pikir\w*)\s+(?:\w+\s+)?dulu\b"
)
_WORDS_AT_MOST = 14  # more, and a text is an answer that mentions these words
_SAID_ALONE = 8  # more, at a question that takes anything, and it is what the talent says
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def asks_unmarked(text: str, *, starting_asks: bool = False, tagged: bool = True) -> bool:
    """Whether a short text without a "?" asks: a word that asks said to someone, a
    yes-or-no tag after what it asks about (unless not `tagged`: at choices, "boleh
    dua-duanya nggak kak" is about picking, and their hint says how many), or a question
    form. With `starting_asks` (a step no answer starts with a word that asks), a text
    starting with one does too."""
    folded = fold(text)
    if not folded or len(folded.split()) > _WORDS_AT_MOST:
        return False
    if _WORD_ADDRESSED.search(folded) or _ASKED_OUTRIGHT.search(folded):
        return True
    if tagged and _TAGGED.search(folded):
        return True
    return starting_asks and _STARTS_ASKING.search(folded) is not None


def thinks_first(text: str, *, alone: bool = False) -> bool:
    """Whether a short text says the talent is still thinking ("hmm wait, I need to think
    about this", "bentar aku pikir dulu"): no answer yet. With `alone` (a question that
    takes anything: "Saya masih mikir dulu soal program mana yang cocok, tolong dibantu ya"
    is a note to the team, a review s65), only a text that says little else ("bentar kak",
    "hmm wait, I need to think about this")."""
    folded = fold(text)
    words = len(folded.split())
    if not 0 < words <= (_SAID_ALONE if alone else _WORDS_AT_MOST):
        return False
    # With a year, the phrase is a title ("Single 'Pikirkan Dulu' (2022)", "Let Me Think
    # About It - cover, 2021" at the works; a review s65: asked back).
    titled = _YEAR.search(folded) is not None
    return _WAITING.search(folded) is not None or (
        not titled and _THINKING.search(folded) is not None
    )
