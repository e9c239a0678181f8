"""A talent asking in words to get program news, or to stop it ("kak aku mau stop info
programnya dulu ya, lagi ujian sekolah 😅", "berhenti langganan", "aku mau dapet info program 🔔
gimana caranya?").

A talents' review: each got "Aku belum yakin maksudmu" or the FAQ entry on how news is sent,
with /berhenti only as text and no word on whether they were subscribed. The bot shows the
matching button with one line, as the main menu's toggle does; typing alone never changes
the subscription (a consent is a press). Pure; no I/O.
"""

from __future__ import annotations

import re
from typing import Literal

_LONGEST = 160  # characters: a longer message says more than a wish about program news
_WORD = re.compile(r"[^\W\d_]+|[🔔🔕]")
# Program news by name: these say it whatever else the message says.
_NEWS = frozenset(
    "langganan berlangganan subscribe unsubscribe subscription newsletter notif notifnya"  # noqa: SIM905 -- a word list reads best as words
    " notifikasi broadcast news 🔔 🔕".split()
)
# News as "info", "kabar" ...: program news only with "program" beside it ("info program",
# "kabar programnya"), not "kabar pendaftaranku" nor "info hasil seleksi".
_TIDINGS = frozenset(
    "info infonya informasi informasinya kabar kabarnya berita beritanya update updatenya"  # noqa: SIM905 -- a word list reads best as words
    " updates pengumuman notification notifications".split()
)
_PROGRAM = frozenset("program programnya programmu programs kocca".split())  # noqa: SIM905 -- a word list reads best as words
_STOP = frozenset(
    "stop setop stopin berhenti henti hentikan hentiin berhentiin matikan matiin mematikan"  # noqa: SIM905 -- a word list reads best as words
    " nonaktifkan unsubscribe unsub udahan off 🔕".split()
)
# Stopping only with the news named ("batal langganan"; "info program batal?" is not).
_STOP_NAMED = frozenset("batal batalin batalkan cancel keluar".split())  # noqa: SIM905 -- a word list reads best as words
# Asking for it, whatever else is said ("aktifkan notif").
_START = frozenset(
    "langganan berlangganan subscribe aktifkan aktifin nyalakan nyalain 🔔".split()  # noqa: SIM905 -- a word list reads best as words
)
# Getting it: a wish only with a word that wants or asks how ("aku mau dapet info program";
# "aku dapat info program ini dari teman" is not).
_GETTING = frozenset(
    "dapet dapat dapetin mendapat mendapatkan terima menerima nerima kirimin kirimi dikirimi"  # noqa: SIM905 -- a word list reads best as words
    " dikirimin kabarin kabari dikabari dikabarin get receive".split()
)
_WANTING = frozenset(
    "mau pengen pingin ingin pengin pgn boleh bisa gimana gmn bagaimana caranya cara tolong"  # noqa: SIM905 -- a word list reads best as words
    " minta please dong want like can how would".split()
)
_NOT = frozenset("ga gak nggak ngga enggak engga tidak gamau gausah jangan jgn dont".split())  # noqa: SIM905 -- a word list reads best as words
# About something else as well: a program by name, when, results ("kapan dapat kabar
# hasilnya?", "info BIFF kapan?"): for the FAQ.
_ELSEWHERE = frozenset(
    "kapan berapa hasil hasilnya seleksi lolos diterima biff mucon bcww kofic acf apm"  # noqa: SIM905 -- a word list reads best as words
    " festival dari daftar when from".split()
)
# ... but "dari"/"from" the bot's side says whose news it is, not another matter ("gak mau
# kabar dari kalian lagi", "ga mau dapet info dari bot ini": talk59's note); "dari mana" or
# "dari teman" still is.
_FROM = frozenset(("dari", "from"))
_US = frozenset("kalian kamu km kmu kak kakak kaka min admin bot sini kocca you this".split())  # noqa: SIM905 -- a word list reads best as words


# Asking for news to stop coming in plain words (a talents' review s59, M6: "kak udah ga usah
# kirim info program lagi ya, notifnya kebanyakan 🙏" got the FAQ on how news is sent, with no
# button to stop): sending said after a "don't" ("jangan kirim info lagi", "gausah kirimin"),
# after a "no need" or "don't want" ("ga usah kirim", "ga mau dapet", "i dont want updates"),
# after a stop ("stop sending me updates", "berhenti kirim kabar"), or "no more" ("no more
# news please"). With such words "info" or "updates" alone is the news; "ga dapet info" (news
# that does not come) and "info program dikirim lewat apa?" are not.
_SENDING = frozenset(
    "kirim kirimin kirimi kirimkan ngirim ngirimin ngirimi mengirim mengirimkan dikirim"  # noqa: SIM905 -- a word list reads best as words
    " dikirimin dikirimi send sending receive receiving get getting".split()
)
_DONT = frozenset("jangan jgn dont gausah gaush gamau".split())  # noqa: SIM905 -- a word list reads best as words
_NEED = frozenset("usah perlu mau pengen pingin ingin want need".split())  # noqa: SIM905 -- a word list reads best as words
# Every wish names the news (_NEWS) or its tidings (_TIDINGS), and each of their words holds one
# of these: a message (case folded) with none of them is read no further. This runs on every
# free message; its words and their checks cost ten times this search.
_MAYBE = re.compile(
    "langganan|subscri|notif|newsletter|broadcast|news|info|kabar|berita|update|pengumuman|🔔|🔕"
)


def news_wish(text: str) -> Literal["on", "off"] | None:
    """ "on" for a wish to get program news, "off" for one to stop it, None for anything else."""
    if len(text) > _LONGEST:
        return None
    folded = text.replace(":", "").replace("'", "").replace("\u2019", "")  # MU:CON, don't
    if not _MAYBE.search(folded.casefold()):
        return None
    said = [word.casefold() for word in _WORD.findall(folded)]
    found = set(said)
    named = not _NEWS.isdisjoint(found)
    if _stops_sending(said) and (named or not _TIDINGS.isdisjoint(found)):
        # "jangan stop kirim info program ya": not a wish to stop (an attacker's review).
        refused = _not_before(said, _STOP | _STOP_NAMED) or _elsewhere(said)
        return None if refused else "off"
    if not (named or not (_TIDINGS.isdisjoint(found) or _PROGRAM.isdisjoint(found))):
        return None
    if _elsewhere(said):
        return None
    if "kasih" in found:
        found.discard("terima")  # "terima kasih atas info programnya": thanks
    if not _STOP.isdisjoint(found) or (named and not _STOP_NAMED.isdisjoint(found)):
        # "jangan stop kirim info program", "tolong jangan unsubscribe aku": not a wish to
        # stop (an attacker's review: the button to stop came); for the FAQ.
        return None if _not_before(said, _STOP | _STOP_NAMED) else "off"
    # "udah subscribe tapi ga dapet info program": news that does not come, not a wish to
    # stop it (an attacker's review); for the FAQ or the team.
    if _not_before(said, _GETTING, within=1):
        return None
    wanted = not _START.isdisjoint(found) or not (
        _GETTING.isdisjoint(found) or (_WANTING | {"usah"}).isdisjoint(found)
    )
    if not wanted:
        return None
    return "off" if _refused(said) else "on"


def _elsewhere(said: list[str]) -> bool:
    """Whether the words are about something else too (`_ELSEWHERE`), a "dari"/"from" before
    the bot's side ("dari kalian", "from this bot") aside."""
    for index, word in enumerate(said):
        after = said[index + 1 : index + 2]
        if word in _ELSEWHERE and not (word in _FROM and after and after[0] in _US):
            return True
    return False


def _stops_sending(said: list[str]) -> bool:
    """Whether the words ask for something to stop being sent (`_SENDING`): "jangan kirim",
    "ga usah kirim", "stop sending", "no more"."""
    words = [word for word in said if word.isalpha() and word != "to"]  # "want to get"
    sending = _SENDING | _GETTING
    wanted = sending | _TIDINGS | _NEWS
    for index, word in enumerate(words):
        after = words[index + 1 : index + 3]
        if word in _DONT | _STOP and after[:1] and after[0] in sending:
            return True  # "jangan kirim", "gausah kirimin", "stop sending"
        if word in _NOT and after[:1] and after[0] in _NEED and after[1:] and after[1] in wanted:
            return True  # "ga usah kirim", "ga mau dapet", "dont want updates"
        if word == "no" and after[:1] == ["more"]:
            return True  # "no more news"
    return False


def _refused(said: list[str]) -> bool:
    """Whether a "no" comes right before the wish ("ga mau dapet info program lagi", "gak
    usah kirimin"), not elsewhere ("bisa dikabarin aja ga?", "biar ga ketinggalan 🔔")."""
    return _not_before(said, _START | _GETTING | _WANTING | {"usah", "perlu"})


def _not_before(said: list[str], these: frozenset[str], within: int = 2) -> bool:
    """Whether a "no" comes up to `within` words before one of `these` (words only: "biar ga
    ketinggalan 🔔" says no to nothing)."""
    said = [word for word in said if word.isalpha()]
    return any(
        word in _NOT and any(after in these for after in said[index + 1 : index + 1 + within])
        for index, word in enumerate(said)
    )
