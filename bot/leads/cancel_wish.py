"""A wish to cancel a submitted registration, said in words ("batalin pendaftaranku", "cak aku
gak sido wes, batalno pendaftaranku ae 🙏", "I want to cancel my registration", "aku gak jadi
ikut").

A talents' review s59, H1: these got "not sure" or "no answer", and the only way out was to
withdraw consent, which deletes everything. Conservative: a short message made only of a word
of cancelling, a word of the registration and the small words around them; anything else in
it ("kalau batal ikut kena denda?", "jangan batalin pendaftaranku") is not this wish. Free
text reaches it only with no form open: "cara batal jeda form?" mid-form is the form's own.
Pure; no I/O.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bot.word_forms import CaseBlind, listed_form

_LONGEST = 90  # characters: "cak aku gak sido wes, batalno pendaftaranku ae 🙏" and some more
_WORD = re.compile(r"[^\W\d_]+")
# Cancelling, in one word.
_CANCEL = frozenset(
    "batal batalin batalkan batalno batalne batalke membatalkan dibatalkan dibatalin cancel"  # noqa: SIM905 -- a word list reads best as words
    " cancelin cancelkan ngecancel withdraw mundur undur tarik narik cabut".split()
)
# "gak jadi", "ra sido": cancelling in two words, a "not" before "jadi".
_NOT = frozenset(
    "gak ga gk g nggak ngga enggak engga tidak tdk ndak ra gajadi".split()  # noqa: SIM905 -- a word list reads best as words
)
_AFTER_NOT = frozenset(("jadi", "jd", "sido"))
# The registration (what is cancelled).
_REGISTRATION = frozenset(
    "daftar pendaftaran pendaftaranku pendaftarannya pendaftaranmu daftarku daftarnya"  # noqa: SIM905 -- a word list reads best as words
    " registrasi registrasiku registration registrations application applications apply"
    " submission ikut ikutan melu melok".split()
)
# What may come with them.
_AROUND = frozenset(
    "aku saya sy gue gw gua q ku mau ingin pengen pingin pgn kepingin minta tolong mohon"  # noqa: SIM905 -- a word list reads best as words
    " kak kakak min admin bang mas mbak cak rek ya yah dong deh aja ae wae saja sih nih lah"
    " wes wis udah udh sudah dah kok maaf sorry sori sepurane punya yang ini itu tsb program"
    " tersebut cara gimana gmn bagaimana bisa bisakah boleh please pls i want wanna would like"
    " to my me the this that how do can could id like please need jadi jd sido".split()
)
_LISTED = _CANCEL | _NOT | _AFTER_NOT | _REGISTRATION | _AROUND
# Read further only with one of these in it (this runs on every free message).
_MAYBE = CaseBlind(r"batal|cancel|withdraw|mundur|tarik|cabut|jadi|sido|jd\b")


def wants_to_cancel(text: str) -> bool:
    """Whether a short message only says the talent wants to cancel their registration."""
    if len(text) > _LONGEST or not _MAYBE.found_in(text):
        return False
    found = []
    for word in _WORD.findall(text.casefold()):
        known = listed_form(word, _LISTED)
        if known is None:
            return False  # a word of something else: not only this wish
        found.append(known)
    cancels = any(word in _CANCEL for word in found)
    not_going = "gajadi" in found or any(
        word in _NOT and following in _AFTER_NOT for word, following in pairwise(found)
    )
    # "ga jadi batal daftar": not cancelling after all ("gak sido wes, batalno" does cancel).
    if any(
        first in _NOT and second in _AFTER_NOT and third in _CANCEL
        for first, second, third in zip(found, found[1:], found[2:], strict=False)
    ):
        return False
    return (cancels or not_going) and not _REGISTRATION.isdisjoint(found)


# A wish to take a cancel back, or to register again after it (a talents' review s60, M6:
# "Mohon maaf, apakah pembatalan ini dapat saya urungkan? Ternyata kami masih berminat." got
# "no answer"). Read only from a talent who cancelled a registration (handlers/intake.py), whom
# it leads to /daftar's offer to begin from the cancelled one's answers; anyone else's words
# go on to the FAQ as before. The cancelling itself named ("pembatalan", "the cancel") beside a
# word that takes it back; or a word of reopening beside the registration; or "daftar lagi",
# "masih berminat", "berubah pikiran" in a short message (`registers_again`: only the first).
_THE_CANCEL = re.compile(
    r"\bpembatalan(?:nya|ku|mu)?\b|\bcancel(?:l?ation|l?ing|l?ed)?\b|\bwithdrawal\b"
)
_TAKE_BACK = re.compile(
    r"\b(?:meng|di)?urung(?:kan|kn|in)?\b|\b(?:mem|di)?batal(?:kan|kn|in|ken)\b|\bbatal\b"
    r"|\b(?:di|me|men)?(?:tarik|cabut)(?:kan|in)?\b|\bundo\b|\bun-?cancel\w*|\brevers\w*"
    r"|\brevert\w*|\btake\s+(?:it\s+)?back\b|\bback\s+out\s+of\b",
)
_REOPEN = re.compile(
    r"\b(?:di|meng)?aktif(?:kan|kn|in)?\s+(?:lagi|kembali)\b|\b(?:di)?buka\s+(?:lagi|kembali)\b"
    r"|\b(?:di)?hidup(?:kan|in)\s+(?:lagi|kembali)\b|\bre-?(?:activate|open|instate|store)\w*"
    r"|\b(?:ga|gak|gk|g|nggak|ngga|enggak|tidak|tdk|ndak|ra)\s*(?:jadi|jd|sido)\s+(?:batal|cancel)",
)
# Registering again, said as such ("aku mau daftar lagi", "i want to register again"): a new
# registration, not the cancelled one back (`registers_again`).
_AGAIN = re.compile(
    r"\b(?:daftar|mendaftar|register|apply|sign\s+up|signup)\s+(?:lagi|ulang|kembali|again)\b"
    r"|\bre-?(?:register|apply)\b"
)
# Second thoughts about the cancel ("ternyata masih berminat", "I changed my mind").
_STILL = re.compile(
    r"\bmasih\s+(?:ber)?minat\b|\bmasih\s+tertarik\b"
    r"|\bberubah\s+pikiran\b|\bstill\s+interested\b|\bchanged?\s+my\s+mind\b"
)
_REGISTRATION_WORD = re.compile(r"daftar|registr|applica|submission|\bit\b|\bini\b|\bitu\b")
_SHORT = 140  # characters: "Mohon maaf, apakah pembatalan ini dapat saya urungkan? Ternyata …"
# Each way of saying it (_THE_CANCEL, _REOPEN, _AGAIN) holds one of these: a message with none
# is read no further (this runs on every free message: one search instead of three).
_MAYBE_UNDO = re.compile(
    r"batal|cancel|withdrawal|lagi|kembali|ulang|again|re-?(?:activate|open|instate|store)"
    r"|register|re-?apply|minat|tertarik|pikiran|interested|mind"
)


def wants_to_undo(text: str) -> bool:
    """Whether a message asks to take back a cancelled registration, or to register again."""
    folded = text.casefold()
    if len(folded) > 2 * _SHORT or not _MAYBE_UNDO.search(folded):
        return False
    return _takes_back(folded) or (
        len(folded) <= _SHORT and (_AGAIN.search(folded) or _STILL.search(folded)) is not None
    )


def registers_again(text: str) -> bool:
    """Whether a message `wants_to_undo` reads only asks to register again ("aku mau daftar
    lagi", "i want to register again, im 16 and my mom said ok"), and says nothing of taking
    the cancel back or of second thoughts: the new registration, with no line that a cancel
    is not undone (a talents' review s62, L8: it was told so though it never asked)."""
    folded = text.casefold()
    return (
        len(folded) <= _SHORT
        and _AGAIN.search(folded) is not None
        and _STILL.search(folded) is None
        and not _takes_back(folded)
    )


def _takes_back(folded: str) -> bool:
    """Whether a message (case-folded) names the cancel beside a word that takes it back
    ("bisa dibatalin pembatalannya?", "can I undo the cancel"), or a reopening beside the
    registration ("aktifkan lagi pendaftaranku", "reopen my application")."""
    if _THE_CANCEL.search(folded) and _TAKE_BACK.search(_THE_CANCEL.sub(" ", folded)):
        return True
    return _REOPEN.search(folded) is not None and (
        _REGISTRATION_WORD.search(folded) is not None or len(folded) <= _SHORT // 2
    )
