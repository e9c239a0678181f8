"""A greeting typed in the middle of the form ("SELAMAT SORE", "good morning kak"): greeted
back with the same time of day, then the question again (a talents' review: "Siap! 😊" to a
"Selamat sore"). Pure; no I/O.
"""

from __future__ import annotations

from bot.answers.text import chatter, words
from bot.answers.words import GRATITUDE
from bot.leads.intent_words import fold
from bot.texts import Text

# The words that greet, besides the time of day (not the forms of address GREETINGS holds too).
_HELLO = frozenset(
    "halo hallo helo hai hay hi hii hey hello heyy selamat met salam assalamualaikum good"  # noqa: SIM905 -- a word list reads best as words
    " annyeong annyeonghaseyo 안녕 안녕하세요".split()
)
# The salam ("Assalamualaikum", "Assalamu'alaikum wr. wb."): answered with "Waalaikumsalam", in
# Indonesian (a talents' review s62, L4: "Halo" to a salam is noticed), before a time of day.
_SALAM = frozenset({"assalamualaikum", "assalamu", "alaikum", "assalamu'alaikum"})
# The time of day a greeting names, and the greeting said back ("good afternoon": siang).
_TIMES = {
    "pagi": Text.INTAKE_GREETING_MORNING,
    "morning": Text.INTAKE_GREETING_MORNING,
    "siang": Text.INTAKE_GREETING_MIDDAY,
    "afternoon": Text.INTAKE_GREETING_MIDDAY,
    "sore": Text.INTAKE_GREETING_AFTERNOON,
    "malam": Text.INTAKE_GREETING_EVENING,
    "evening": Text.INTAKE_GREETING_EVENING,
    "night": Text.INTAKE_GREETING_EVENING,
}


def greeting_back(text: str) -> Text | None:
    """The greeting to say back to a message that only greets ("SELAMAT SORE": "Selamat
    sore"; "halo kak": "Halo"; "Assalamualaikum": "Waalaikumsalam"); None for anything else,
    thanks among it ("makasih, selamat malam" closes, it does not greet)."""
    if not chatter(text):
        return None
    found = words(text)
    if not GRATITUDE.isdisjoint(set(found) - {"🙏"}):
        return None
    if signs_off(text) and fold(text) not in _GREETING_SIGN_OFFS:
        return None  # "Salam hormat," closes a letter: asked back without a "Halo!"
    if not _SALAM.isdisjoint(found):
        return Text.INTAKE_GREETING_SALAM
    times = [_TIMES[word] for word in found if word in _TIMES]
    if times:
        return times[0]
    return Text.INTAKE_GREETING_HELLO if not _HELLO.isdisjoint(found) else None


# A letter's greeting or sign-off on its own ("Salam hormat,", "Hormat kami", "Best regards"; a
# talents' review: the first line of a pasted signature was stored as the production house).
_SIGN_OFFS = frozenset(
    {
        "salam",
        "salam hormat",
        "hormat saya",
        "hormat kami",
        "dengan hormat",
        "salam kenal",
        "salam sejahtera",
        "salam sukses",
        "salam budaya",
        "salam kreatif",
        "wassalam",
        "wassalamualaikum",
        "regards",
        "best regards",
        "kind regards",
        "warm regards",
        "best",
        "sincerely",
        "yours sincerely",
        "cheers",
    }
)
# The ones of them that greet ("salam kenal": nice to meet you), greeted back.
_GREETING_SIGN_OFFS = frozenset({"salam", "salam kenal"})


def signs_off(text: str) -> bool:
    """Whether a text is only a letter's greeting or sign-off ("Salam hormat,", "Best
    regards"), never a name's part ("Salam Band" is a name)."""
    return fold(text) in _SIGN_OFFS
