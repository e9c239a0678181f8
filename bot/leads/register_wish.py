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
from bot.answers.words import GREETINGS, REGISTERING_AGAIN
from bot.word_forms import CaseBlind, listed_form

_CLAUSE_END = re.compile(r"[.!,;\n]+")
_LETTERED = re.compile(r"[^\W\d_]")
GOING_ON = frozenset(
    "lanjut lanjutkan lanjutin lanjutken melanjutkan dilanjutkan lnjt terusin teruskan"  # noqa: SIM905 -- a word list reads best as words
    " meneruskan continue resume".split()
)
GO_ON_LIMIT = 80  # characters: "kak bapak udah bolehin 😁 lanjut ya" and a little more
# What may follow "lanjut" when it means the form ("lanjut ya", "lanjut daftar"); another word
# there is something else going on ("lanjut kuliah", "lanjut S2 di korea": an attacker's
# review, the paused form resumed and the next message stored as an answer).
_AFTER_GOING_ON = frozenset(
    "ya yaa yah kak kakak dong deh aja saja lagi daftar daftarnya pendaftaran isi ngisi isinya"  # noqa: SIM905 -- a word list reads best as words
    " form formnya formulir formulirnya bang min mas mbak sis sekarang skrg yuk ayo please pls"
    " now my the registration registering sih nih".split()
)
# Not now, or not at all ("jangan lanjut dulu", "lanjut nanti aja", "cancel, don't continue").
_NOT_NOW = frozenset(
    "jangan jgn ga gak nggak ngga enggak engga tidak tdk gausah usah batal cancel stop dont"  # noqa: SIM905 -- a word list reads best as words
    " don not no nanti ntar entar besok lusa later tomorrow minggu bulan tahun".split()
)
# Said beside a wish to register, something the wish would drop: a request ("hapus data saya",
# "tolong ganti nomor"), a later ("tapi nanti aja"), data (a number, an address).
_BESIDE_A_WISH = frozenset(
    "hapus hapusin dihapus ganti ganti ubah ubahin diubah tolong edit delete change remove"  # noqa: SIM905 -- a word list reads best as words
    " nanti ntar entar besok later tomorrow".split()
)
# Read further only with one of these in it (this runs on every free message).
_MAYBE_REGISTERING = CaseBlind(r"da?ft?a?r|regist|apply|sign ?up")
_MAYBE_GOING_ON = CaseBlind(r"lanjut|lnjt|terus|continue|resume")


def wants_to_register_said_more(text: str) -> bool:
    """Whether a message says the talent wants to register (or go on registering: "lanjut
    daftar"), after a greeting and with more said about them in other clauses, none of which
    asks anything ("mau daftar, bayar gak" asks)."""
    if len(text) > WISH_LIMIT or "?" in text or not _MAYBE_REGISTERING.found_in(text):
        return False
    clauses = [clause for clause in _CLAUSE_END.split(text) if _LETTERED.search(clause)]
    wish = next((index for index, clause in enumerate(clauses) if _a_wish(clause)), None)
    if wish is None:
        return False
    others = [clause for index, clause in enumerate(clauses) if index != wish]
    # "mau daftar. hapus data saya", "mau daftar, tapi nanti aja": not only the wish (an
    # attacker's review: the form started and the rest was dropped).
    if any(char.isdigit() or char == "@" for char in text):
        return False
    return not any(
        asks_something(clause) or not _BESIDE_A_WISH.isdisjoint(words(clause)) for clause in others
    )


def _a_wish(clause: str) -> bool:
    """Whether a clause is a wish to register once a greeting, "lanjut", "again" or "from the
    start" and what is registered are left out ("daftar lagi dari awal", "Kami ingin
    mendaftarkan proyek film kami": a talents' review s63, M1 and M6, got who_runs and "not
    sure"). Here, not in `wants_to_register`: a talent who cancelled and types "aku mau
    daftar lagi" reaches the offer to reuse their answers first (handlers.intake.undo_wished),
    in ask mode too."""
    kept = [
        word
        for word in words(clause)
        if not _greets(word) and word not in GOING_ON and word not in REGISTERING_AGAIN
    ]
    return bool(kept) and wants_to_register(" ".join(kept))


def _greets(word: str) -> bool:
    return listed_form(word, GREETINGS) is not None or not _LETTERED.search(word)  # "haii"


def wants_to_go_on(text: str) -> bool:
    """Whether a short message says to go on ("lanjut ya", "oke lanjut bang"), and asks
    nothing ("lanjut kapan?"): with a paused registration, the wish to go on with it."""
    if len(text) > GO_ON_LIMIT or "?" in text or not _MAYBE_GOING_ON.found_in(text):
        return False
    found = words(text)
    if GOING_ON.isdisjoint(found) or not _NOT_NOW.isdisjoint(found) or asks_something(text):
        return False
    return all(
        found[at + 1] in _AFTER_GOING_ON for at, word in enumerate(found[:-1]) if word in GOING_ON
    )
