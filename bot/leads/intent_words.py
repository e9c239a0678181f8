"""What a typed message says about the form rather than answering it: skip, done, all of
them, send, yes, agree, later, "let me check", "hmm"; and `fold`, the forgiving form in which
every typed text is compared.
"""

from __future__ import annotations

import re
import unicodedata

from bot.terminal_text import without_controls
from bot.word_forms import listed_form

# What a talent types for the Skip button of an optional question ("skip" was stored as the
# answer).
_SKIP_WORDS = frozenset(
    {
        "skip",
        "skip aja",
        "skip dulu",
        "skip saja",
        "lewati",
        "lewati aja",
        "lewati saja",
        "lewati dulu",
        "lewat",
        "lewat aja",
    }
)


# What a talent types at a multiple choice when they think they are done ("udah kak"): no
# choice, and no "Lainnya" either; they are pointed at the Done button.
_DONE_WORDS = frozenset(
    "udah udh dah sudah sdh selesai beres cukup done finished finish itu segitu gitu semua"  # noqa: SIM905 -- a word list reads best as words
    # "ok", "lanjut", "simpan": going on, not what "Lainnya" is; "tidak ada": nothing else
    # (an attacker's review: each was kept as the "which one?" answer).
    " ok oke okay okey sip siap lanjut lanjutkan next simpan save kirim tidak gak ga nggak ada"
    " nda ndak"
    " none nothing that thats s all else more wes wis uwis uwes sampun rampung atos parantos"
    # "ga ada lagi", Sasak "ndek araq lagi": nothing more (a talents' review: stored as the
    # "Lainnya" text, over the genre typed before it).
    " lagi ndek araq"
    # "Done choosing", "selesai memilih": of finishing only beside a word of it (_FINISHED).
    " memilih milih choosing picking"
    # "no more", "itu doang", "cukup sekian", "that's enough" (a talents' review: "use the
    # buttons"); "no more" is read as one word (_done_words), "no" alone is none of these.
    " nomore doang sekian enough".split()
)


# Of those, the ones that close the choice as the Done button does, with something ticked (a
# talents' review: "Udah itu aja", "Sudah." were only told to press Done): a word of finishing,
# "that's all" or "nothing else". "ok", "sip" may only acknowledge a tick, and "semua" may
# mean "all of them": the talent is pointed at Done.
_FINISHED = frozenset(
    "udah udh dah sudah sdh selesai beres cukup done finished finish segitu gitu lanjut lanjutkan"  # noqa: SIM905 -- a word list reads best as words
    " next simpan save kirim"
    # Javanese and Sundanese "done", "finished" ("wes", "wis": a talents' review had them
    # refused at the genres and the programs).
    " wes wis uwis uwes sampun rampung atos parantos"
    # "no more", "cukup sekian" (a talents' review: "use the buttons"). Not "enough" alone: it
    # may be a talent's exasperation, not the end of a choice.
    " nomore sekian".split()
)
# "that's it" too (a talents' review: only "that's all" closed a choice); "itu doang", "that's
# enough".
_NOTHING_ELSE = re.compile(
    r"\b(?:itu|that s|thats|that is) (?:aja|saja|doang|all|it|enough)\b"
    r"|\b(?:tidak|gak|ga|nggak|ndek|nda|ndak) (?:ada|araq)\b|\bnothing\b|\bnone\b"
)
# Thanks beside it ("that's all, thanks", "udah itu aja makasih"): no part of it.
_THANKS = frozenset("thanks thank you thx makasih makasi mksh terima kasih".split())  # noqa: SIM905 -- a word list reads best as words
_NO_MORE = re.compile(r"\bno more\b")
_APOSTROPHE = re.compile(r"['\u2019]")  # "I'm done", typed or curled: "im done"


def _done_words(text: str) -> list[str]:
    """A text's folded words, a letter held down read as the lists hold it ("udahh" as
    "udah", a talents' review: refused where "udah" closed the choice), "I'm" as "im" and "no
    more" as one word ("nomore")."""
    folded = _NO_MORE.sub("nomore", fold(_APOSTROPHE.sub("", without_controls(text))))
    return [listed_form(word, _DONE_WORDS) or word for word in folded.split()]


def says_done(text: str) -> bool:
    """Whether a typed text only says the talent has picked all they want ("udah kak")."""
    words = set(_done_words(text)) - CHAT_WORDS - _THANKS - {"aja", "saja", "ya"}
    return bool(words) and words <= _DONE_WORDS


def closes_choice(text: str) -> bool:
    """Whether a typed text says the talent has picked all they want as plainly as pressing
    Done ("Udah itu aja", "Sudah.", "that's all", "dah"), not only "ok"."""
    folded = " ".join(_done_words(text))
    said = not _FINISHED.isdisjoint(folded.split()) or _NOTHING_ELSE.search(folded) is not None
    return said and says_done(text)


# What a talent types for "nothing" at an optional question ("ga ada kak", "tidak ada", "-"; a
# talents' review: one was asked back as chatter, another stored as the note to the team):
# as the Skip button. "Ga ada" is no one's name, and a note of "-" says nothing.
# Eastern Indonesia's too: Papuan "tra ada"/"tr ada", Kupang's "sonde ada", Ambon's "seng ada",
# Makassar's and Manado's "nda ada" (a talents' review: "tra ada kaka" stored as the stage name).
_NOTHING = frozenset(
    "ga gak gk nggak ngga enggak engga tidak tdk ndak nda belum blm kosong"  # noqa: SIM905 -- a word list reads best as words
    " tra tr sonde seng"
    # Sundanese and Javanese ("teu acan gaduh PH", "durung ana", "ora duwe"; a talents' review
    # s65, F5: stored as the production house).
    " teu henteu durung ora".split()
)
# The same no's, as a regex alternative (longest first), for the sentences below.
_NO = "|".join(sorted(_NOTHING - {"kosong"}, key=len, reverse=True))
# "trada", Papuan for "tidak ada"; "nope", "none": nothing, in one word.
_NOTHING_ALONE = frozenset({"none", "nothing", "no", "nope", "trada", "tiada"})

# No email at the email question ("TIDAK PUNYA EMAIL", "belum punya email", "gak ada e-mail",
# "email saya tidak ada", "I don't have an email"; a talents' review s64, H3: "the address is
# not right", again and again, with no way on): what to do without one is said instead.
_NO_EMAIL = re.compile(
    r"\b(?:gapunya|gaada|gada|gakpunya|dont|don t|do not|didnt|didn t|havent|haven t|never"
    rf"|{_NO}|no)"
    r"(?: (?:punya|pny|ada|pake|pakai|pakek|memakai|memiliki|mempunyai|have|has|got|use|using"
    r"|an|any|own|sy|saya|aku|alamat|akun))* (?:email|e mail|imel|emel|surel|gmail|mail)\b"
    r"|\b(?:email|e mail|imel|emel|surel|gmail)(?:nya|ku)?(?: (?:saya|aku|ku|sy|gue|gw|nya|pun))*"
    rf" (?:{_NO}) (?:punya|ada|pny)\b"
    # Alone, the question being the email's: "tidak ada", "belum punya pak".
    rf"|^(?:(?:saya|aku|sy) )?(?:{_NO}) (?:ada|punya)(?: (?:kak|pak|bu|mas|mbak|bang|ya))*$"
)


def says_no_email(text: str) -> bool:
    """Whether a text at the email question says the talent has no email (no address in it)."""
    return "@" not in text and _NO_EMAIL.search(fold(text)) is not None


# A no to having what a name question asks ("saya tidak pakai nama panggung", "sa tra pake
# nama panggung", "I don't use a stage name", "no stage name"; a talents' review: asked back
# as the stage name "panggung", or stored whole): as the Skip button.
_NOT_USING = re.compile(
    r"^(?:(?:sa|beta|ane|kami|we) )?"
    rf"(?:{_NO}|don t|dont|do not|no|never)"
    r"(?: (?:pakai|pake|pakek|memakai|menggunakan|pernah|punya|ada|memiliki|mempunyai|use|using"
    r"|have|got|go by|acan|gaduh|boga|aya|duwe|nduwe|ana|ono))*"
    r"(?: (?:nama|panggung|band|grup|group|stage|name|alias|samaran|rumah|produksi|ph"
    r"|production|house|company|perusahaan|studio))+$"
)
# The name question's words first, then the no ("nama panggung saya tidak ada", "nama
# panggung sa tra ada"), or the talent's own name for it ("pakai nama asli aja", "I perform
# under my own name"; a re-check s61: stored as "tidak ada", "tra ada", or the sentence).
_NONE_AFTER = re.compile(
    r"^(?:(?:nama|panggung|band|grup|stage|name)\w* )+(?:(?:saya|sa|aku|gw|gue|beta|kami|my) )?"
    rf"(?:{_NO}) (?:ada|punya)$"
    r"|^(?:(?:saya|sa|aku|gw|gue|beta|kami|i|we) )?(?:(?:pakai|pake|pakek|cukup|perform|go"
    r"|by|under|use|just|only) )*(?:(?:my|our) )?(?:(?:own|real) )?"
    r"(?:nama asli|nama sendiri|real name|own name)(?: (?:aja|saja|only|kaka|kak))*$"
)
_NOTHING_WORDS = frozenset({"ada", "punya", "acan", "gaduh", "aya", "duwe", "ana", "ono"})
# What may follow such a no: working on one's own, thanks ("no, im indie", "gak ada, thanks!").
_ON_MY_OWN = frozenset(
    "indie independen independent freelance freelancer lepas sendiri mandiri solo"  # noqa: SIM905 -- a word list reads best as words
    " aja saja just only still masih thanks thank you makasih terima kasih kk dong deh nih".split()
)
_ON_MY_OWN_AT_MOST = 4  # words after the no ("masih indie aja kok")
_NOTHING_MARKS = re.compile(r"^[-\u2013\u2014\u2026_.\s]+$")  # "-", "--", "..."


# "Semua", "semuanya", "dua duanya" at the programs question (a talents' review: told to press
# the buttons): every program offered; "dua duanya"/"both" only where two are.
_ALL = frozenset("semua semuanya all everything".split())  # noqa: SIM905 -- a word list reads best as words
_BOTH = frozenset("dua duanya keduanya dua2nya dua2 both".split())  # noqa: SIM905 -- a word list reads best as words
_AROUND_ALL = frozenset("kang ok oke yg yang ambil pilih of them program programnya".split())  # noqa: SIM905 -- a word list reads best as words


def says_all(text: str, offered: int) -> bool:
    """Whether a typed text picks every choice offered ("Semua", "Dua duanya kang")."""
    words = set(fold(without_controls(text)).split()) - CHAT_WORDS - _AROUND_ALL
    if not words:
        return False
    return words <= _ALL or (offered == len(("one", "two")) and words <= _BOTH | _ALL)


# "Kirim kang", "oke kirim" at the review (a talents' review: told to use the buttons), and
# "Oke simpan" at an update's: as its send or save button. Nothing else may be in it ("jangan
# kirim dulu", "kirim ke siapa?").
SEND = frozenset("kirim kirimkan kirimin send submit".split())  # noqa: SIM905 -- a word list reads best as words
_SAVE = frozenset("simpan simpen save".split())  # noqa: SIM905 -- a word list reads best as words
_AROUND_SEND = frozenset(
    "kang ok oke okay okey sip siap yuk ayo sekarang now please langsung aja saja it".split()  # noqa: SIM905 -- a word list reads best as words
)


def says_send(text: str, *, update: bool) -> bool:
    """Whether a typed text at the review says send (or, in an update, save)."""
    if "?" in text:
        return False
    words = set(fold(without_controls(text)).split()) - CHAT_WORDS - _AROUND_SEND
    verbs = SEND | _SAVE if update else SEND
    return bool(words) and words <= verbs


def says_skip(text: str) -> bool:
    """Whether a typed answer asks to skip the question, or says there is nothing ("ga ada
    kak", "belum ada", "-")."""
    plain = without_controls(text).strip()
    if plain and _NOTHING_MARKS.match(plain):
        return True
    folded = fold(plain.rstrip(".!"))
    words = [word for word in folded.split() if word not in _SKIP_AROUND]
    said = " ".join(words)  # "skip kak", "lewati dulu bro"
    if {folded, said} & (_SKIP_WORDS | _NOTHING_ALONE):
        return True
    no_name = _NOT_USING.match(said) or _NONE_AFTER.match(said)
    if no_name and not all(word[:1].isupper() for word in plain.split()):
        return True  # "saya tidak pakai nama panggung"; not a band named "Tanpa Nama Band"
    # "no, im indie", "ga ada, indie aja" (a talents' review: stored as the production
    # house): a no, then only that the talent works on their own, or thanks.
    for size in (1, len(("ga", "ada"))):
        if _says_nothing(words[:size]) and 0 < len(words) - size <= _ON_MY_OWN_AT_MOST:
            return set(words[size:]) <= _ON_MY_OWN
    return _says_nothing(words) or _says_none_in_parts(plain)


# Where the parts of a sentence saying there is none end ("freelance kak, belum punya PH").
_NONE_PARTS = re.compile(r"[,.;!]+|\s(?:tapi|tp|but)\s", re.I)


def _says_none_in_parts(plain: str) -> bool:
    """Whether each part of a sentence says there is none of what is asked, or that the
    talent works on their own, and one says the first ("freelance kak, belum punya PH", "Saya
    belum memiliki rumah produksi sendiri, masih independen."; a talents' review s62, M2:
    stored as the production house's name)."""
    parts = [fold(part).split() for part in _NONE_PARTS.split(plain) if fold(part)]
    if len(parts) < len(("none", "own")) or all(word[:1].isupper() for word in plain.split()):
        return False
    said_none = False
    for words in parts:
        words = [word for word in words if word not in _SKIP_AROUND]
        while len(words) > 1 and words[-1] in _ON_MY_OWN:  # "… rumah produksi sendiri"
            words.pop()
        said = " ".join(words)
        if _NOT_USING.match(said) or _NONE_AFTER.match(said) or _says_nothing(words):
            said_none = True
        elif not words or not set(words) <= _ON_MY_OWN:
            return False
    return said_none


def _says_nothing(words: list[str]) -> bool:
    """Whether words only say there is none ("nope", "ga ada")."""
    if len(words) == 1:
        return words[0] in _NOTHING_ALONE
    return (
        len(words) == len(("ga", "ada"))  # a no, and what there is none of
        and words[0] in _NOTHING
        and words[1] in _NOTHING_WORDS
    )


# A talent thinking aloud ("hmm", "emm", "ehm"): no answer to a question, as "ok" is none.
_HESITATING = re.compile(r"^(?:h+m+|e+m+|e+h+m+|u+m+|h+u+m+|m+|a+h+m*)$")


def hesitates(text: str) -> bool:
    """Whether a typed text only thinks aloud ("hmm", "emm…")."""
    words = fold(without_controls(text)).split()
    return bool(words) and all(_HESITATING.match(word) for word in words)


# A talent saying they will carry on later ("bntr ya ntar lanjut", "Saya tanya dulu ke
# mamanya, nanti saya lanjutkan lagi", "I'll finish this tomorrow", Javanese "sesuk tek
# terusna ya"), or stopping for now ("nyong arep leren disit", "berhenti dulu ya"): a word for
# later and one for carrying on, or a stop with "for now", in a short message with a word of
# chat ("ya", "dulu", "saya", "I"): "Nanti Lanjut" alone is a band's name (an attacker).
_LATER = frozenset(
    "nanti ntar nnti entar ntr bentar bntr sebentar besok bsk"  # noqa: SIM905 -- a word list reads best as words
    " sesuk mengko engko mengke benjing later tomorrow tmrw".split()
)
_GO_ON = frozenset(
    "lanjut lanjutin lanjutkan lanjutkannya dilanjut dilanjutkan dilanjutin terusin"  # noqa: SIM905 -- a word list reads best as words
    " sambung terusna terusake nerusake lanjutna lanjutke continue finish resume".split()
)
_STOP = frozenset("berhenti stop udahan leren istirahat rehat pause jeda".split())  # noqa: SIM905 -- a word list reads best as words
_FOR_NOW = frozenset("dulu dl disit disik sek".split())  # noqa: SIM905 -- a word list reads best as words
_CHAT = frozenset(
    "ya yaa yah ok oke dulu dl lagi aja saja kak deh sih aku saya sy gue gw kami"  # noqa: SIM905 -- a word list reads best as words
    " nyong inyong kula tak tek i ll m we me let it on disit disik".split()
)
# What else a talent says around it, tired: all a free-text answer may hold to be no answer
# ("waduh kesel, sesuk tek terusna ya" was stored as notable works in a talents' review;
# "nanti kami ingin lanjut kolaborasi" is one).
_TIRED = frozenset(
    "waduh aduh duh kesel capek cape capai lelah ngantuk udah sudah wis lho kok arep mau"  # noqa: SIM905 -- a word list reads best as words
    " pengen ingin tanya mamanya papanya ibunya ke lagi tolong sorry maaf".split()
)
# A talent looking something up before answering ("Sebentar, saya cek dulu nama resmi PT kami
# di akta.", "bentar ya kak aku cari dulu", "wait, let me check"; a talents' review: the
# sentence was stored as the company's name): a word of checking, with one of waiting, or with
# "dulu" and a person ("saya cek dulu"). A name has no such pair ("Sebentar Films").
_WAIT = frozenset("sebentar bentar bntr btr tunggu wait moment sec hold".split())  # noqa: SIM905 -- a word list reads best as words
_CHECK = frozenset(
    "cek cekin ngecek dicek check checking cari nyari carikan lihat liat ngeliat look looking"  # noqa: SIM905 -- a word list reads best as words
    " find ingat inget ingetin tanya nanya tanyain tanyakan ask konfirmasi pastikan mastiin"
    " memastikan confirm".split()
)
_PERSON = frozenset("aku saya sy gue gw kami i me we".split())  # noqa: SIM905 -- a word list reads best as words
_LATER_WORDS_AT_MOST = 15


def says_later(text: str, *, only: bool = False) -> bool:
    """Whether a typed message says the talent will carry on with the form later, or is
    stopping for now; `only`: and says nothing else (at a free-text question)."""
    words = set(fold(without_controls(text)).split())
    if len(words) > _LATER_WORDS_AT_MOST or words.isdisjoint(_CHAT):
        return False
    if only and not words <= _LATER | _GO_ON | _STOP | _FOR_NOW | _CHAT | _TIRED:
        return False
    later = not _LATER.isdisjoint(words) and not _GO_ON.isdisjoint(words)
    return later or (not _STOP.isdisjoint(words) and not _FOR_NOW.isdisjoint(words))


# A talent pausing in plain words ("Maaf, saya lanjutkan nanti saja. Ada rapat.", "nanti aja ya
# kak", "besok lanjut", "I'll continue later"; a talents' review: at the links the sentence
# was refused as no link): the form paused, as ⏸ does. A clause of nothing but a later and a
# carrying on (or "saja"), with chat; besides it at most a short reason ("Ada rapat."), no
# question, number, link or address. A moment's wait ("bentar ya, ntar lanjut") only waits.
_PAUSE_LATER = frozenset(
    "nanti ntar nnti entar besok bsk later tomorrow tmrw lainkali".split()  # noqa: SIM905 -- a word list reads best as words
)
# "lain kali aja" (another time) is a later as "nanti aja" is: read as one word.
_ANOTHER_TIME = re.compile(r"\blain\s+kali\b")
_PAUSE_GO = frozenset(
    "lanjut lanjutin lanjutkan lanjutkannya dilanjut dilanjutkan dilanjutin melanjutkan terusin"  # noqa: SIM905 -- a word list reads best as words
    " isi isinya diisi selesaikan continue finish complete resume do fill".split()
)
_PAUSE_JUST = frozenset({"saja", "aja", "ae", "maybe"})  # "maybe later" as "nanti aja"
# When: "nanti malam", "lain kali", "tonight" (bare, as a name may be: "Nanti Malam").
_PAUSE_WHEN = frozenset("pagi siang sore malam lain kali tonight".split())  # noqa: SIM905 -- a word list reads best as words
_PAUSE_AROUND = frozenset(
    "ya yaa yah dulu lagi deh sih ok oke maaf sorry saya aku sy gue gw kami akan will i ll we"  # noqa: SIM905 -- a word list reads best as words
    " ill me it this the rest form formnya formulirnya pendaftarannya nya ini in out".split()
)
_PAUSE_WAIT = _WAIT | frozenset({"bntar", "btar"})
_CLAUSES = re.compile(r"[.,!;\n\u2026]+|\s[-\u2013\u2014]\s")
_REASON_WORDS_AT_MOST = 6  # "Ada rapat.", "lagi di jalan", "have a meeting now"
_CARRIES = re.compile(r"[\d@?]|https?:|www\.|\w\.\w{2}", re.IGNORECASE)
# What says the pause: "pause" with chat around it, "bare" when it is only its words ("Nanti
# Saja", "Lanjut Nanti": perhaps a band's name, at a name asked back).
PAUSE, BARE = "pause", "bare"


def says_pause(text: str) -> str | None:
    """Whether a typed message says the talent stops and carries on later (PAUSE), or only
    that in its bare words (BARE, perhaps a name); None otherwise."""
    plain = without_controls(text)
    if _CARRIES.search(plain):
        return None
    clauses = [
        _ANOTHER_TIME.sub("lainkali", fold(_APOSTROPHE.sub("", part))).split()
        for part in _CLAUSES.split(plain)
    ]
    clauses = [words for words in clauses if words]
    every = {word for words in clauses for word in words}
    if not every or len(every) > _LATER_WORDS_AT_MOST or not every.isdisjoint(_PAUSE_WAIT):
        return None
    pausing = [words for words in clauses if _pause_clause(set(words))]
    if not pausing:
        return None
    rest = sum(len(words) for words in clauses if words not in pausing)
    if rest > _REASON_WORDS_AT_MOST:
        return None
    bare = len(clauses) == 1 and every <= _PAUSE_LATER | _PAUSE_GO | _PAUSE_JUST | _PAUSE_WHEN
    return BARE if bare else PAUSE


def _pause_clause(words: set[str]) -> bool:
    """Whether a clause only says "later" with carrying on or "saja" ("saya lanjutkan nanti
    saja", "besok aja ya kak", "i ll finish it later")."""
    allowed = _PAUSE_LATER | _PAUSE_GO | _PAUSE_JUST | _PAUSE_WHEN | _PAUSE_AROUND | ADDRESS
    allowed |= CHAT_WORDS
    return (
        words <= allowed
        and not words.isdisjoint(_PAUSE_LATER)
        and not (words.isdisjoint(_PAUSE_GO) and words.isdisjoint(_PAUSE_JUST))
    )


def looks_it_up(text: str, *, only: bool = False) -> bool:
    """Whether a typed message at a question says the talent is looking its answer up first
    ("bentar ya kak aku cari dulu"); `only`: and says nothing else (at a free-text question)."""
    words = set(fold(without_controls(text)).split())
    if len(words) > _LATER_WORDS_AT_MOST or words.isdisjoint(_CHAT):
        return False
    if only and not words <= _WAIT | _CHECK | _FOR_NOW | _CHAT | _TIRED:
        return False
    waits = not _WAIT.isdisjoint(words)
    return not _CHECK.isdisjoint(words) and (
        waits or not (_FOR_NOW.isdisjoint(words) or _PERSON.isdisjoint(words))
    )


# How a talent addresses the bot beside "kak", "bang", "mas": "bro", Papuan "kaka", "sis",
# "gan", "cuy", Surabaya's "rek", "bos", "om" (a talents' review: "kirim bro", "dua2nya bro"
# were refused, "tidak ada kaka" stored as the production house).
ADDRESS = frozenset(
    "bro bre brow broo sis sist gan agan cuy rek bos boss om kaka mba".split()  # noqa: SIM905 -- a word list reads best as words
)
# Words a talent adds around a choice they type ("musik kak", "band aku"): not the choice.
CHAT_WORDS = ADDRESS | frozenset(
    "kak kakak min mas mbak bang ya yaa dong sih aja saja deh nih aku saya sy gue gw"  # noqa: SIM905 -- a word list reads best as words
    " i im am my we are is it the a"
    # Makassar's particles ("selesai mi", "sudah mi", "itu ji"; a talents' review s64, L3:
    # told to use the buttons).
    " mi ji ki".split()
)
# Chat particles a talent ends a short answer with ("bandung kak", "Studio Kopi ya"): not part
# of the name (sentence_names.without_particles). Not "min" or "bang", which end real names
# ("Lee Min").
TRAILING_PARTICLES = frozenset(
    {"kak", "kakak", "kk", "kang", "kaka", "ya", "yaa", "dong", "deh", "sih", "nih"}
)
# Ending a short answer, as the talent's way of talking, not part of it ("makassar lah bro",
# a talents' review: stored as the city); only in lower case: "Om", "Kaka", "Bos" may end a
# name. The particles after them too ("makassar bro ya": a re-check had "makassar bro" stored).
_ENDINGS = ADDRESS | TRAILING_PARTICLES | {"lah"}


def without_address(answer: str) -> str:
    """A short answer without the forms of address, "lah" and the chat particles it ends
    with in lower case, if anything else is left ("makassar lah bro", "makassar bro ya":
    "makassar")."""
    words = answer.split(" ")
    while len(words) > 1 and words[-1].strip(".,!~") in _ENDINGS:
        words.pop()
    return " ".join(words).rstrip(" ,") or answer


# Beside "ga ada" ("ga ada kang"): no part of it.
_SKIP_AROUND = CHAT_WORDS | {"kang", "kok"}


def fold(text: str) -> str:
    """Lower-case, accents and punctuation removed, for forgiving matching."""
    normal = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z0-9]+", " ", normal).strip()


# A typed yes to "Betul ini provinsimu?" ("Iya bener", "ya kak", "betul", "yes"), Javanese and
# Sundanese ones too ("nggih", "he'em", "muhun"; a talents' review: "province not found").
_YES = frozenset(
    "iya iyaa iye iyes ya yaa yap yup yupp yoi yes yess yeah yep betul btl bener benar bnr"  # noqa: SIM905 -- a word list reads best as words
    " tepat correct right sure ok oke okay okey sip"
    " nggih inggih enggih nggeh njih iyo heem hooh leres muhun sumuhun".split()
)
_AROUND_YES = frozenset("itu kok dong deh sih that s it that is kak banget bgt sekali".split())  # noqa: SIM905 -- a word list reads best as words
# "Udah bener", "sudah betul": yes to the bot's own offer (a talents' review: "not found"), but
# beside an address the bot suggests instead of the one typed, "it is right already": the
# typed one. Read only where `already` says so; "udah" alone says no yes.
_ALREADY = frozenset("udah udh sudah sdh dah sampun".split())  # noqa: SIM905 -- a word list reads best as words
# "he'em", "he em" (folded apart): the one word of "yes" it is.
_HE_EM = re.compile(r"\bhe+ e+m+\b")


def says_yes(text: str, *, already: bool = False) -> bool:
    """Whether a typed text only says yes ("Iya bener", "ya kak", "that's right", "nggih");
    `already`: "udah bener" too."""
    words = set(_HE_EM.sub("heem", fold(without_controls(text))).split())
    around = _AROUND_YES | _ALREADY if already else _AROUND_YES
    return not words.isdisjoint(_YES) and words - CHAT_WORDS - around <= _YES


_AGREE = frozenset("setuju agree agreed sepakat".split())  # noqa: SIM905 -- a word list reads best as words


def says_agree(text: str) -> bool:
    """Whether a typed text only agrees ("Saya setuju.", "iya setuju kak", "I agree")."""
    words = set(fold(without_controls(text)).split())
    rest = words - _AGREE - CHAT_WORDS - {"kang"}
    return not words.isdisjoint(_AGREE) and (not rest or says_yes(" ".join(rest)))
