"""A registered talent asking to change what they sent ("bang mau ganti kota dong, skrg gw
pindah ke gowa", "email saya salah, mau ralat", "boleh saya menambahkan link YouTube?").

A talents' review: that first message got "I have no answer for that"; only a second
phrasing reached the FAQ line that says to type /daftar and press "Update my registration".
The bot opens that choice itself. Pure; no I/O.
"""

from __future__ import annotations

import re

from bot.content import Content
from bot.leads import answer_outcomes, field_checks

_LONGEST = 120  # characters: a longer message says more than a wish to change an answer
_WORD = re.compile(r"[^\W\d_]+")
CHANGING = frozenset(
    "ganti gnti gantiin diganti mengganti ubah rubah merubah mengubah diubah ubahin update"  # noqa: SIM905 -- a word list reads best as words
    " apdet perbarui memperbarui diperbarui edit ngedit koreksi ralat revisi betulin benerin"
    " perbaiki memperbaiki diperbaiki change correct fix updating changing tambah tambahkan"
    " menambahkan tambahin nambahin nambah add".split()
)
# "Salah" says a change only of what the talent sent ("email saya salah"), not of a link
# elsewhere ("Link pendaftaran BIFF salah kak", an attacker's review).
WRONG = frozenset("salah keliru typo wrong".split())  # noqa: SIM905 -- a word list reads best as words
_MINE = frozenset(
    "saya aku gw gue sy ku my i dataku emailku nomorku namaku jawabanku pendaftaranku".split()  # noqa: SIM905 -- a word list reads best as words
)
# Asking about something else as well ("… dan mau tanya jadwal MU:CON kapan?"): for the FAQ.
_ELSEWHERE = frozenset(
    "tanya nanya kapan jadwal dimana mana berapa biff mucon bcww kofic acf apm festival"  # noqa: SIM905 -- a word list reads best as words
    " program when where schedule".split()
)
# What they sent: an answer of the form, or the registration itself. Not "bahasa" (the bot's
# language, /bahasa) nor a password.
_SENT = frozenset(
    "data datanya dataku kota domisili alamat provinsi email emailnya imel surel nomor nomer"  # noqa: SIM905 -- a word list reads best as words
    " nomornya no hp wa whatsapp telepon telpon nama namanya link linknya tautan portofolio"
    " portfolio showreel jawaban jawabanku pendaftaran pendaftaranku formulir form isian"
    " genre peran city address phone number name answer answers registration details".split()
)


def wants_to_change(text: str) -> bool:
    """Whether a short message asks to change something the talent sent."""
    if len(text) > _LONGEST:
        return False
    found = {word.casefold() for word in _WORD.findall(text)}
    if _SENT.isdisjoint(found) or not _ELSEWHERE.isdisjoint(found):
        return False
    return not CHANGING.isdisjoint(found) or not (
        WRONG.isdisjoint(found) or _MINE.isdisjoint(found)
    )


# After /daftar, a registered talent is asked to update or register anew; a question typed
# there ("ini jadi dobel?", a talents' review: "no answer", and the choice was gone) is about
# that choice when it speaks of registering twice, or asks about updating or a new one. "Twice"
# alone is not enough (an attacker's review: "kapan pengumuman tahap kedua?", "boleh kirim
# demo kedua?", "double check ya kak" got this screen, unanswered and never sent to staff):
# with a word of registering, or as "(ini) jadi dobel".
_TWICE = re.compile(
    r"\b(?:dobel|double|doble|duplikat\w*|duplicate\w*|ganda|dua|twice|two|second)\b"
)
_REGISTERING = re.compile(
    r"\b(?:daftar\w*|mendaftar\w*|pendaftaran\w*|terdaftar|registrasi\w*|regist\w*|formulir"
    r"|form)\b"
)
_BECOMES_TWO = re.compile(r"\bjadi\s+(?:dobel|double|doble|ganda)\b")
_EITHER = re.compile(
    r"\b(?:perbarui|memperbarui|diperbarui|update|pendaftaran\s+baru|daftar\s+baru"
    r"|new\s+registration|register\s+again|daftar\s+lagi)\b"
)
# What one of them means, not a wish to change something ("can I update my phone number?").
_ASKS = re.compile(
    r"\b(?:beda\w*|perbedaan\w*|maksud\w*|artinya|differen\w*|what\s+does|what\s+s|mean\w*)\b"
)


# Another act the talent registers for ("yg buat band satunya kak" at the choice, a review
# s65: "not sure", and the choice scrolled away): the choice again, whose note names another
# band or artist. Only without a word of registering (asked with one, "boleh daftar lagi buat
# band satunya?", the register-again page answers, its button opening the choice) and not a
# question about other acts ("band lain yang ikut mucon siapa aja?").
_OTHER_ACT = re.compile(
    r"\b(?:band|grup|group|artis|artist|penyanyi)\s+(?:lain\w*|satunya|satu\s+lagi|kedua"
    r"|(?:yang|yg)\s+lain\w*)\b|\b(?:other|another|second)\s+(?:band|artist|group|act)\b"
)
_ASKS_OF_OTHERS = re.compile(
    r"\b(?:siapa|apa|apakah|kapan|mana|dimana|berapa|gimana|who|what|when|where|which|how)\b"
)


def asks_about_the_choice(text: str) -> bool:
    """Whether a short message asks what updating or a new registration does ("ini jadi
    dobel?", "bedanya perbarui sama pendaftaran baru apa?"), or names another act to register
    ("yg buat band satunya kak")."""
    if len(text) > _LONGEST:
        return False
    said = " ".join(word.casefold() for word in _WORD.findall(text))
    if _BECOMES_TWO.search(said) or (_TWICE.search(said) and _REGISTERING.search(said)):
        return True
    if _OTHER_ACT.search(said) and not (_REGISTERING.search(said) or _ASKS_OF_OTHERS.search(said)):
        return True
    return _EITHER.search(said) is not None and _ASKS.search(said) is not None


# An address in a wish ("emailku ganti ke dewi.baru@gmail.com ya"): its candidates, checked as
# the email question checks a typed answer.
_ADDRESS = re.compile(r"[^\s@<>(),;:]+@[^\s@<>(),;:]+\.[^\s@<>(),;:]+")
_CARRIED_TYPES = ("phone", "email")


def carried(content: Content, text: str) -> tuple[str, str] | None:
    """The new phone number or email a wish to change carries, as the form would store it
    ("nomor wa nya juga ganti ke 0813 9988 7766": the phone question's key and "+62813…"), if
    it carries exactly one that passes the question's check; None otherwise. Offered after
    "Update my registration", never stored without the talent saying yes (a talents' review:
    the number had to be typed again)."""
    found: list[tuple[str, str]] = []
    for question in content.questions.values():
        if question.type not in _CARRIED_TYPES:
            continue
        typed = [text] if question.type == "phone" else _ADDRESS.findall(text)
        for candidate in typed:
            outcome = field_checks.check_text(question, content, {}, candidate.rstrip("."))
            if isinstance(outcome, answer_outcomes.Accepted) and isinstance(outcome.value, str):
                found.append((question.key, outcome.value))
    return found[0] if len(set(found)) == 1 else None
