"""A typed yes or no to the program-news offer shown after registering ("Ya, saya bersedia.
Terima kasih.", "ya", "👍", "ga usah", "yesss mau bgt 🙌🔔", "Boleh, silakan dikirimkan
kabarnya. Apakah bisa juga lewat WA?").

A talents' review: three talents typed their yes; one got the programs overview, one "Ada yang
bisa kubantu?", one "Siap!", and none was subscribed, though each thought they were. Typing
never subscribes anyone (a "ya" may be meant for something else, as an attacker showed for
"Ask our team"): the offer comes again, at the bottom, to press. A second review: a yes in
more words ("boleh, silakan", "yesss mau bgt") still got an FAQ page, and a question asked
after the yes went unanswered: the yes is read from the message's first clauses, and what
follows it is answered as any message would be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.word_forms import listed_form

_LONGEST = 60  # characters of the yes or no itself: "Ya, saya bersedia. Terima kasih banyak kak 🙏"
_LONGEST_MESSAGE = 400  # characters: a longer message is a letter, not an answer to the offer
# A yes or a no: not an okay or thanks ("ok", "siap kak", "sudah", "lanjut", 🙏), which say
# nothing about program news (an attacker's review: each brought the offer back, every time).
_SAYING = frozenset(
    "ya yaa iya iyaa iyes yes yess yup yep mau bersedia setuju tentu boleh sure silakan"  # noqa: SIM905 -- a word list reads best as words
    " silahkan monggo gas gass gaskeun kuy yuk ayo tidak ga gak nggak ngga enggak engga no"
    # Javanese and Sundanese yes ("nggih, boleh, saya mau dikabari": a talents' review s58).
    " nggih inggih enggih njih injih muhun mboten"
    " nope usah gausah gaperlu"
    # Makassar's and Manado's no ("nda usah kak"; a talents' review s64, L3: "Ada yang bisa
    # kubantu?", the offer left unanswered).
    " nda ndak".split()
)
# A no among them ("No thanks", "ga usah kak", "tidak"): with none of the yes words, nor a yes
# emoji, a clear no, taken as the No button (it switches nothing on: a talents' review s56,
# "No thanks" had to be pressed again). "mau", "perlu", "usah" go either way ("ga mau").
_NO = frozenset(
    "tidak ga gak nggak ngga enggak engga no nope gausah gaperlu mboten nda ndak".split()  # noqa: SIM905 -- a word list reads best as words
)
_NEITHER = frozenset({"mau", "usah", "perlu"})
_YES_EMOJI = frozenset({"👍", "🙌", "🔔", "👌"})
# After a no, words that take it back or ask for news all the same ("No. Wait, yes please",
# "nggak, tapi kabari kalau ada program musik ya", "No, by email instead"; an attacker's
# review s56): then the no is not clear, and the offer comes back to press.
_TAKING_BACK = frozenset(
    "tapi tp tpi tetapi but wait eh instead kecuali except kabari kabarin kabarkan kasih tell"  # noqa: SIM905 -- a word list reads best as words
    " let yes ya iya mau please".split()
)
# What may come with it: who speaks, to whom, thanks, how much, and the news itself.
_AROUND = frozenset(
    "saya aku gue gw sy i we kami kak kakak min admin bang mas mbak terima kasih makasih"  # noqa: SIM905 -- a word list reads best as words
    " matur nuwun thanks thank you ty thx banyak banget bgt bngt yah deh sih nih aja saja dong"
    " please of course pasti dulu perlu lah kirim kirimkan kirimin dikirim dikirimkan"
    " dikirimin kabar kabarnya info infonya informasi informasinya berita beritanya"
    " kabari kabarin dikabari dikabarin dikabarkan"
    " program programnya ke sini sini kang teh bro sis kk ka om pak bu"
    # Krama and Sundanese "I" and "willing" ("inggih, kula purun", "muhun, hoyong": the s58
    # re-check, they got "Maaf, aku belum punya jawaban" and the menu before the offer).
    " kula abdi purun kersa hoyong"
    # Makassar's particles ("nda usah mi kak", "tidak usah mi").
    " mi ji ki".split()
)
# An okay: no yes or no ("sip", "oke kak", "siap"), but read as one by who types it right
# under the offer (a talents' review: "sip" got "Siap!" and nothing was recorded).
_OKAY = frozenset(
    "ok oke okay okey okeh okei sip siip siap noted mantap baik alright".split()  # noqa: SIM905 -- a word list reads best as words
)
# An emoji that says yes or no as a whole message, or beside the words of one.
_EMOJI = frozenset({"👍", "👎", "🙌", "🔔", "🔕", "👌"})
_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE = re.compile(r"[^.!?,;\n]*[.!?,;\n]*")  # a clause and the marks that end it

_LISTED = _SAYING | _AROUND
_OKAY_LISTED = _OKAY | _AROUND


@dataclass(frozen=True, slots=True)
class OfferReply:
    """A message that opens with a yes or a no to the offer; `rest`: what it says after that
    ("Apakah bisa juga lewat WA?"), to be answered too ("" when it says no more)."""

    rest: str
    no: bool = False  # a clear no (_NO), as the No button: nothing to switch on


def reply_to_offer(text: str) -> OfferReply | None:
    """The message as a yes or no to the offer, with what it says after that; None when it
    does not open with one. Pure words: no read of the store."""
    text = text.strip()
    if not text or len(text) > _LONGEST_MESSAGE:
        return None
    # Most messages: their first word says neither, so its clause ends the reading below, with
    # nothing said unless an emoji before it did ("👍, apa itu KOCCA?").
    first = _WORD.search(text)
    if (
        first is not None
        and _known(first.group().casefold()) is None
        and _EMOJI.isdisjoint(text[: first.start()])
    ):
        return None
    said = False
    end = 0
    for clause in _CLAUSE.finditer(text):
        part = clause.group()
        if not part:
            break
        saying = _saying(part)
        if saying is None:
            break
        said = said or saying
        end = clause.end()
        if end > _LONGEST:
            return None  # a long run of "yes" words is something else
    if not said:
        return None
    rest = text[end:].strip()
    taken_back = not _TAKING_BACK.isdisjoint(word.casefold() for word in _WORD.findall(rest))
    return OfferReply(rest, _clear_no(text[:end]) and not taken_back)


def _clear_no(answer: str) -> bool:
    """Whether the yes-or-no part of a message says no and nothing that says yes."""
    if not _YES_EMOJI.isdisjoint(answer):
        return False
    found = {_known(word.casefold()) for word in _WORD.findall(answer)}
    yes = (_SAYING - _NO - _NEITHER) & found
    return bool(_NO & found or "🔕" in answer or "👎" in answer) and not yes


def _saying(clause: str) -> bool | None:
    """Whether a clause says yes or no (True), only comes with one (False: "terima kasih",
    "kabarnya"), or says something else (None)."""
    saying = worded = False
    for found in _WORD.finditer(clause):
        known = _known(found.group().casefold())
        if known is None:
            return None  # most messages: their first word
        saying = saying or known in _SAYING
        worded = True
    saying = saying or any(mark in _EMOJI for mark in clause)  # a skin tone: a mark of its own
    return saying if worded or saying else False


def _known(word: str) -> str | None:
    """The word as the lists hold it ("yesss" as "yes"), or None if they do not."""
    return listed_form(word, _LISTED)


def okay_to_offer(text: str) -> bool:
    """Whether the message is an okay and no more ("sip", "oke kak", "siap, makasih"): an
    answer to the offer only when it is the first message after it (it says no yes or no to
    anything else: an attacker's review, each okay brought the offer back). Pure words."""
    text = text.strip()
    if not text or len(text) > _LONGEST or "?" in text:
        return False
    okay = False
    for word in _WORD.finditer(text):
        found = listed_form(word.group().casefold(), _OKAY_LISTED)
        if found is None:
            return False  # most messages: their first word
        okay = okay or found in _OKAY
    return okay
