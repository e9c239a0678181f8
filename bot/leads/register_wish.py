"""A wish to register said with more around it ("haii 👋✨ mau daftar dong, aku filmmaker dari
jakarta 🎬🎥"), and a wish to go on with a paused registration ("lanjut ya", "oke lanjut bang",
"kak bapak udah bolehin 😁 lanjut ya").

A talents' review: the first got the open-call FAQ entry, the others "no answer" or "Sudah
daftar, kapan dihubungi?" though their form waited. `wants_to_register` (bot/answers/text)
takes a message made only of a wish; these read a greeting before it and a line about the
talent after it, and "lanjut" as the wish to go on. Pure; no I/O.
"""

from __future__ import annotations

import re

from bot.answers.text import WISH_LIMIT, asks_something, wants_to_register, words
from bot.answers.words import GREETINGS

_CLAUSE_END = re.compile(r"[.!,;\n]+")
_RUNS = re.compile(r"(.)\1+")  # "haii" -> "hai"
_LETTERED = re.compile(r"[^\W\d_]")
GOING_ON = frozenset(
    "lanjut lanjutkan lanjutin lanjutken lnjt terusin teruskan continue resume".split()  # noqa: SIM905 -- a word list reads best as words
)
GO_ON_LIMIT = 80  # characters: "kak bapak udah bolehin 😁 lanjut ya" and a little more
# Read further only with one of these in it (this runs on every free message).
_MAYBE_REGISTERING = re.compile(r"da?ft?a?r|regist|apply|sign ?up", re.IGNORECASE)
_MAYBE_GOING_ON = re.compile(r"lanjut|lnjt|terus|continue|resume", re.IGNORECASE)


def wants_to_register_said_more(text: str) -> bool:
    """Whether a message says the talent wants to register (or go on registering: "lanjut
    daftar"), after a greeting and with more said about them in other clauses, none of which
    asks anything ("mau daftar, bayar gak" asks)."""
    if len(text) > WISH_LIMIT or "?" in text or not _MAYBE_REGISTERING.search(text):
        return False
    clauses = [clause for clause in _CLAUSE_END.split(text) if _LETTERED.search(clause)]
    wish = next((index for index, clause in enumerate(clauses) if _a_wish(clause)), None)
    if wish is None:
        return False
    return not any(asks_something(clause) for index, clause in enumerate(clauses) if index != wish)


def _a_wish(clause: str) -> bool:
    """Whether a clause is a wish to register once a greeting and "lanjut" are left out."""
    kept = [word for word in words(clause) if not _greets(word) and word not in GOING_ON]
    return bool(kept) and wants_to_register(" ".join(kept))


def _greets(word: str) -> bool:
    return word in GREETINGS or _RUNS.sub(r"\1", word) in GREETINGS or not _LETTERED.search(word)


def wants_to_go_on(text: str) -> bool:
    """Whether a short message says to go on ("lanjut ya", "oke lanjut bang"), and asks
    nothing ("lanjut kapan?"): with a paused registration, the wish to go on with it."""
    if len(text) > GO_ON_LIMIT or "?" in text or not _MAYBE_GOING_ON.search(text):
        return False
    found = words(text)
    return not GOING_ON.isdisjoint(found) and not asks_something(text)
