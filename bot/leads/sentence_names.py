"""A name said as a sentence at a name question ("nama saya Rina", "Nama artis saya Galih
Prasetyo", "Biasanya saya tampil dengan nama Ratna Solo"): the name it says, or that which of
its names is meant is not clear (asked back).

Talents' and attackers' reviews found whole sentences stored as names; the form's `slip`
(bot/leads/slips.py) keeps only the name, said back to the talent so a wrong cut is seen.
Pure text rules, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import regex

from bot.content import Question
from bot.leads.intent_words import ADDRESS, TRAILING_PARTICLES, fold

# A name said as a sentence ("nama saya Rina", "namaku Rina", "Nama Keponakan Saya Marthen
# Ndun", "my name is Jess", "nama panggung: Sari"): the name is what follows. A guardian in a
# talents' review had the whole sentence stored as the child's name. Only with a pronoun, a
# relative, "adalah"/"is" or a colon after "nama": "Nama Besar Putra" is a name (an attacker).
# Eastern Indonesia's owners too: Papuan "sa pu nama", "nama sa", Kupang's "beta pung nama" (a
# talents' review had "sa pu nama Yohana Wenda kaka" stored whole).
# Whose name it is, when the form is filled in for someone else ("nama artis saya", "nama
# klien saya", "nama artisnya", "nama lengkapnya", "her name is", "my artist's name is"; a
# talents' review: a manager's "Nama artis saya Galih Prasetyo" was stored whole).
# A stage name's introduction too: "sa pu nama panggung Mace Yoya", "nama panggungku Mace
# Yoya", "stage name aku D-Mas" (a talents' review s63, M4: stored as "panggung Mace Yoya" and
# whole).
_WHOSE_NAME = r"(?:anak|keponakan|ponakan|cucu|adik|adek|putri|putra|murid|artis|klien)"
_INTRODUCED = re.compile(
    r"^(?:namaku\b|(?:sa|beta|b)\s+(?:pu|punya|pung|pe|pny)\s+nama"
    r"(?:\s+lengkap|\s+(?P<east>panggung|band|grup))?\b"
    r"|(?:nama(?:nya)?|(?:my\s+(?:full\s+)?|(?:my\s+)?(?P<stage>stage|band'?s?)\s+)name"
    r"|(?:her|his|my\s+(?:artist|client|son|daughter|child|kid)'?s)\s+(?:full\s+)?name"
    r"|(?P<our>our)\s+name)"
    r"(?:\s+(?:lengkap(?:nya)?|(?P<band>panggung(?:nya)?|band|grup)|asli(?:nya)?)"
    r"(?P<mine>(?<!nya)ku)?)?"
    rf"(?:\s+{_WHOSE_NAME}(?=[\s:]))?"
    r"(?:\s+(?:saya|aku|ku|gue|gw|kami|sa|beta)\b|\s*:|\s+(?:adalah|yaitu|ialah|is)\b"
    rf"|(?<=lengkapnya)(?=\s)|(?(mine)(?=\s)|(?!))|\s+{_WHOSE_NAME}nya\b))"
    r"(?:\s+(?:adalah|yaitu|ialah|is)\b)?\s*[:\-=]?\s*",
    re.I,
)
# An introduction that says a name follows: "nama lengkap saya:", "my name is".
_INTRODUCED_TOLD = re.compile(r"(?:[:\-=]|\b(?:adalah|yaitu|ialah|is))[\s.…]*$", re.I)
_NOT_A_NAME = frozenset(
    {"saya", "aku", "ku", "gue", "gw", "kami", "sa", "beta", "adalah", "is", ""}
)
# A name said inside a sentence, after what it is the name of ("Sebagaimana saya sebutkan, nama
# lengkap saya Sari Rahmawati.", "Band kita namanya Senja di Dago kang", "Nama produsernya JKO
# beats", "rumah produksi saya bernama Lontara Docs", "nama band nya Batak Thunder, genre
# rock/metal"; a talents' review had each stored whole):
# the name is what follows, up to the sentence's end or a comma.
_NAMED_WITHIN = re.compile(
    r"(?<!\w)(?P<lead>(?P<own>nama(?:\s+(?:lengkap|asli))?\s+(?:saya|aku|gue|gw)|namaku)"
    rf"|(?P<whose>nama(?:\s+lengkap)?\s+{_WHOSE_NAME}(?:\s+(?:saya|aku|gue|gw|kami)|nya)"
    r"|nama\s+lengkapnya)"
    r"|nama(?:\s+(?:lengkap|panggung|band|grup|asli))?\s+(?:saya|aku|gue|gw|kami|kita)"
    r"|nama\s+[^\W\d_]+\s?nya|nama\s+(?:panggung|band|grup)ku|nama\s+panggung"
    r"|(?P<called>namanya|bernama))"
    r"(?:\s+(?:adalah|yaitu|ialah))?\s*:?\s+(?P<name>.+)$",
    re.I,
)
# Where a name said in a sentence ends: a mark of the sentence's end or a comma...
_NAME_ENDS = re.compile(r"[.!?;,]+(?=\s|$)")
# ...but not the dot of an abbreviation or an initial ("Muh. Rizki", "Sari R. Dewi", "PT.
# Lontara Docs"; an attacker's review had each cut at its dot): a single letter, a word in
# capitals of up to three ("PT", "CV"), or one of these.
_ABBREVIATED = frozenset(
    "muh moh moch mochd muhd mhd m dr drs dra ir st ds hj kh prof sdr sdri jl kec kab mr mrs ms"  # noqa: SIM905 -- a word list reads best as words
    " ust bpk ibu pak bu drg apt amd phd msc bsc mba".split()
)
_ABBREVIATION_MOST = 3
# ...and a dot, abbreviation's or not, before a word that starts a new sentence, in any case,
# ends it ("nama saya ANA. Dari Bandung", "Sari M. Saya dari Bandung", "nama band saya Senja.
# kami dari Bandung"; a second attacker's review had the next sentence kept). "I" starts one
# unless a Balinese name follows it ("Dr. I Made Sudarma").
_STARTS_SENTENCE = frozenset(
    "dari asal saya aku gue gw kami kita tinggal umur usia domisili berdomisili lahir sekarang"  # noqa: SIM905 -- a word list reads best as words
    " from i i'm im we my our".split()
)
_BALINESE = frozenset(
    "wayan made nyoman ketut putu gede gusti komang kadek nengah".split()  # noqa: SIM905 -- a word list reads best as words
)
# A name said after another time ("dulu namanya Senja, sekarang Fajar"; an attacker's review:
# the old name stored), within three words before its lead-in...
_NOT_NOW = frozenset(
    "dulu dahulu dulunya sebelumnya awalnya tadinya lama mantan bekas".split()  # noqa: SIM905 -- a word list reads best as words
)
# ...or another person's: one of these owning the lead-in, "bapak bernama Joko", "anak saya
# namanya Ucok" (an attacker's review: the father's name stored). Not one addressing the
# reader before it ("Halo kakak, nama saya Sari", "Hai temen, nama aku Budi": a second
# attacker's review had them asked back).
_NOT_ME = frozenset(
    "bapak ibu ayah ayahnya ibunya bapaknya anak anaknya adik adiknya kakak kakaknya istri"  # noqa: SIM905 -- a word list reads best as words
    " suami teman temen guru pacar".split()
)
_WHOSE = frozenset("saya aku ku gue gw kami kita dia kamu mu beliau".split())  # noqa: SIM905 -- a word list reads best as words
# A name after "namanya"/"bernama" that starts with one of these is a saying, not a name
# ("namanya juga usaha", "Namanya Juga Usaha band").
_SAYING = frozenset(
    "juga jg aja saja sih kok memang emang doang yang yg itu ini apa siapa ya".split()  # noqa: SIM905 -- a word list reads best as words
)
# "sesuai KTP" before a name ("nama lengkap saya sesuai KTP Sari Rahmawati").
_AS_IN_PAPERS = re.compile(
    r"^(?:sesuai|menurut|seperti\s+di|di)\s+(?:dengan\s+)?(?:ktp|akta|kk|paspor|passport"
    r"|identitas|ijazah|sim)\s*(?:saya|aku)?\s*[:\-]?\s+",
    re.I,
)

# A second lead-in or a particle right after the first, in lower case ("nama band kami
# bernama Senja", "namaku ya Sari"; a second attacker's review had "bernama Senja" stored).
# Capitalised, it may be the name ("nama band kami Namanya Juga Usaha").
_LEAD_AGAIN = re.compile(r"^(?:(?:bernama|namanya|ya|yaa|sih|tuh|kak|kakak|kk|kang)\s+)+")


def _after_lead(name: str) -> str:
    """What follows a name's lead-in, without "sesuai KTP" or a second lead-in before it."""
    return _AS_IN_PAPERS.sub("", _LEAD_AGAIN.sub("", name))


@dataclass(frozen=True, slots=True)
class _Name:
    """A name read from a typed answer: `cut` from a sentence, or the answer whole;
    `unsure`, which of its names is meant is not clear (asked back)."""

    text: str
    cut: bool = False
    unsure: bool = False
    manager: bool = False


_UNSURE = _Name("", unsure=True)
# A manager introducing themself at the full name ("Saya Ratna Handayani, manajer. Yang kami
# daftarkan adalah Orkes Keroncong Bengawan Sari.", "Saya Ratna selaku manajer Orkes …"; a
# talents' review had it stored whole): whose name is asked.
# Matched on the answer with each run of white space one space (`_MANAGER_SAYS.match(spaced)`):
# no run of spaces for a quantifier to split many ways (a final review s61, L3: cubic, 4.6 s
# on 512 spaces, held only by the 100-character limit of the name).
_MANAGER_SAYS = re.compile(
    r"^(?:saya|aku|sy|gue|gw|i ?'?m|i am|this is) [^,.; ][^,.;]*?[,.;]? "
    r"(?:selaku |sebagai |the |a |their |its )?"
    r"(?:manajer|manager|manajemen|management|pengurus|perwakilan|representative|agen|agent)\b",
    re.I,
)
_MANAGER = _Name("", unsure=True, manager=True)
# "Saya Cut Nyak Meutia", "I'm Budi Santoso" at the full name: the name is what follows, each
# of its words capitalised (at most six).
_I_AM = re.compile(
    r"^(?i:saya|aku|sy|i\s*'?m|i\s+am)\s+(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,5})$"
)
_NAMED_WITHIN_WORDS = 6  # at most: more is a sentence read wrong
_ASKING_NAME = frozenset({"apa", "siapa", "what"})  # "namanya apa ya": asked, no name


# The question a stage name said in a sentence is looked for at.
FULL_NAME = "full_name"
STAGE_NAME = "stage_name"
COMPANY_NAME = "company_name"
# The questions whose answer is a name, kept word for word (field_checks: no "gan" cut).
NAME_QUESTIONS = frozenset({FULL_NAME, STAGE_NAME, COMPANY_NAME})
# A stage name said in a sentence, with how the talent performs ("Biasanya saya tampil dengan
# nama Ratna Solo di panggung", "manggung pakai nama 'Ratna Solo'", "dikenal sebagai Ratna
# Solo", "I perform under the name Ratna Solo"): a talents' review had the sentence stored
# whole. A word of performing, then "nama"/"sebagai"/"as", then the name up to the sentence's
# next part ("di panggung", "kak", a comma). A name without such a word ("Kalau Tidak Ada
# Kamu", "Wajib Militer", "Tampil Beda") is no sentence.
_STAGE_NAME_SAID = re.compile(
    r"\b(?:tampil|manggung|nyanyi|bernyanyi|berkarya|dikenal|pakai|pake|memakai|menggunakan"
    r"|perform\w*|known|go\s+by|goes\s+by)\b"
    r"(?:\s+\S+){0,3}?\s+(?:(?:dengan|pakai|pake|memakai|menggunakan|under)\s+)?(?:the\s+)?"
    r"(?P<intro>(?:nama(?:nya)?|name)(?:\s+(?:panggung|band|grup|samaran|stage))?|sebagai|as)"
    r"\s*:?\s+"
    r"(?P<name>.+?)\s*(?:[,.;!?]|\s+(?:di|kalau|kalo|klo|saat|waktu|ketika|kak|ya|on|when|at|in"
    r"|for)\b|$)",
    re.I,
)
# The same said of the stage itself, with no "nama" ("nek panggung aku pake Rara Sekar mas",
# Javanese; "kalau di panggung saya pakai Rara Sekar"; a talents' review s64, L8: stored
# whole): the name after the word of using, up to the sentence's next part or a form of
# address in lower case ("mas", "mbak": "Mas" may be a name's).
_ON_STAGE_SAID = re.compile(
    r"\b(?:nek|yen|kalau|kalo|klo|kl|pas|waktu|saat|di|on)\s+(?:di\s+)?(?:atas\s+)?"
    r"(?:panggung|stage)(?:\s+(?:aku|saya|sy|gue|gw|kami|i))?"
    r"\s+(?:pake|pakai|pakek|memakai|menggunakan|jadi|sebagai|use|go\s+by|am)\s+"
    r"(?P<name>.+?)\s*(?:[,.;!?]|\s+(?:(?-i:mas|mbak|bang|kak|kang|bro|sis|ya)|di|kalau|kalo"
    r"|klo|saat|waktu)\b|$)",
    re.I,
)
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
# Words that are no stage name of their own: "tampil dengan nama asli saya".
_NOT_A_STAGE_NAME = frozenset(
    "asli saya aku ku gue gw sendiri lengkap yang sama itu ini juga tersebut"  # noqa: SIM905 -- a word list reads best as words
    " my own real full same the".split()
)
_STAGE_NAME_WORDS = 6  # at most: more is a sentence read wrong


def stage_name_in(question: Question, text: str) -> str | None:
    """The stage name a sentence at the stage name says, to be asked back ("Nama
    panggungmu Ratna Solo?"), or None."""
    if question.key != STAGE_NAME:
        return None
    spaced = " ".join(text.split())
    found = _STAGE_NAME_SAID.search(spaced) or _ON_STAGE_SAID.search(spaced)
    if found is None:
        return None
    said = found.group("name")
    name = said.strip(_QUOTES + " ")
    words = fold(name).split()
    if not words or len(words) > _STAGE_NAME_WORDS or set(words) <= _NOT_A_STAGE_NAME:
        return None
    # "sebagai"/"as" without "nama", or the stage's word of using: a name only as one is
    # written, capitalised or quoted ("dikenal sebagai Ratna Solo"), not "tampil sebagai
    # pembuka", "gitar sebagai instrumen utama" (an attacker's review), "di panggung pake
    # gitar".
    intro = found.groupdict().get("intro")
    loose = intro is None or intro.casefold() in ("sebagai", "as")
    if loose and not (name[:1].isupper() or said[:1] in _QUOTES):
        return None
    return name


# Of TRAILING_PARTICLES, "kang" addresses the bot only in lower case: "Kang" is a (Korean)
# name ("Daniel Kang"; an attacker's review had it cut). "Kak", "KAK", "Kakak" are none (a second
# attacker's review had "Sari Rahmawati Kak" kept).
_NAME_TOO = frozenset({"kang", "kaka"})  # "Kaka" is a name too (a Slank singer's)


# A remark about the talent in brackets after a name ("PT Deli Sinema Kreatif (I'm the owner
# and lead producer)"; a talents' review had it stored whole as the production house): not
# part of the name. Brackets that say nothing of "I"/"saya" stay ("Lontara Docs (Makassar)").
_ASIDE = re.compile(r"\s*\(([^()]*)\)\s*$")
_ABOUT_ME = frozenset("i my me mine saya aku gue gw sy".split())  # noqa: SIM905 -- a word list reads best as words
# Words said to the bot, as typed in lower case: chat particles, Makassar's too, and forms of
# address.
_SAID_TO_US = TRAILING_PARTICLES | ADDRESS | frozenset("mas mbak bang ji mi".split())  # noqa: SIM905 -- a word list reads best as words


# The same after a comma, as its first words ("Galih Prasetyo, saya manajernya", "Putri Ayu,
# saya ibunya": an attacker's review had them stored in the name).
_COMMA_ASIDE = re.compile(r",\s*(?:saya|aku|gue|gw|sy|i\s*'?m|i\s+am)\s+\w.*$", re.I)


# A role in brackets after a name ("Ratna Handayani (manajer)"; a re-check s61 had it stored
# whole): not part of the name, which is kept and said back with where the role can go. Only
# role words: other brackets stay ("Budi (Ubud)", "Lontara Docs (Makassar)").
_ROLE_ASIDE = re.compile(
    r"\s*\(\s*(?:selaku\s+|sebagai\s+|as\s+|the\s+)?"
    r"(?P<role>manajer|manager|manajemen|management|perwakilan|representative|ketua|pengurus"
    r"|agen|agent)(?:nya)?\s*\)\s*$",
    re.I,
)


# The roles of someone who registers an artist, not the artist (a group's leader or
# representative is whom the full name asks for).
MANAGING = frozenset({"manajer", "manager", "manajemen", "management", "agen", "agent"})


_MANAGING_WORD = re.compile(
    r"\b(?P<role>manajer|manager|manajemen|management|agen|agent)(?:nya)?\b", re.I
)


def managing_role(answer: str) -> str | None:
    """The role of someone who registers an artist (MANAGING) that a name's answer says the
    talent has, as said and in lower case: in a manager's introduction ("Saya Ratna
    Handayani, manajer. …"), in brackets ("Ratna Handayani (manajer)") or after a comma
    ("Galih Prasetyo, saya manajernya"); None if none."""
    said = _MANAGER_SAYS.match(" ".join(answer.split()))
    for part in (said, _ASIDE.search(answer), _COMMA_ASIDE.search(answer)):
        found = _MANAGING_WORD.search(part.group(0)) if part is not None else None
        if found is not None:
            return found.group("role").casefold()
    return None


def role_aside(name: str) -> tuple[str, str] | None:
    """A name and the role in brackets after it ("Ratna Handayani (manajer)": "Ratna
    Handayani", "manajer"); None if it has none (or is nothing else)."""
    found = _ROLE_ASIDE.search(name)
    kept = name[: found.start()].rstrip(" ,") if found is not None else ""
    return (kept, found.group("role").casefold()) if found is not None and kept else None


def without_aside(name: str) -> str | None:
    """A name without a remark about the talent in brackets, or after a comma, at its end;
    None if it has none (or is nothing else)."""
    found = _ASIDE.search(name)
    if found is None or not _remark(found.group(1)):
        found = _COMMA_ASIDE.search(name)
    if found is None:
        return None
    return name[: found.start()].rstrip(" ,") or None


def _remark(aside: str) -> bool:
    """Whether words in brackets after a name are a remark, not part of it: about the talent
    ("I'm the owner"), or said to the bot, with a chat particle or a form of address in lower
    case ("indie ji kak", "indie mas"; a talents' review s64, L8: stored in the production
    house). "(Kak Seto)" may be a name's."""
    return not _ABOUT_ME.isdisjoint(fold(aside).split()) or not _SAID_TO_US.isdisjoint(
        aside.split()
    )


def without_introduction(answer: str, *, own: bool) -> _Name | None:
    """The name a sentence introduces; None for an introduction with no name after it
    ("Nama saya", "my name is", "nama lengkap saya:"; a talents' review: "Nama saya" was
    stored as the full name, and the name sent after it as the stage name). `own`: the
    talent's own name is asked, which a stage name's or a band's introduction does not give
    (asked back). Emoji at the end of the talent's own name are no part of it ("Dimas
    Anggara Putra 😎", a talents' review s63, L5: stored with it, which staff saw): left out,
    and the name said back as a cut one is. A stage name keeps them ("Sari 🏴"): a look some
    artists choose."""
    word = unquoted(answer)
    if word is not None:
        return _Name(word, cut=True)  # "“Stop”": the word itself, said back without quotes
    bare = without_emoji(answer) if own else answer
    if bare == answer:
        return _introduced(answer, own=own)
    found = _introduced(bare, own=own)
    return found if found is None or found.unsure else replace(found, cut=True)


# Quotes a whole answer may be put in, as the bot asks for a name that is a command's word
# ("“Stop”", '"Batal"'; a final review s63, L1: stored with its quotes, which staff saw).
_ENCLOSING = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u300c\u300d"


def unquoted(answer: str) -> str | None:
    """The word(s) of an answer wholly in quotes, without them and with none inside ("“Stop”":
    "Stop"); None for any other answer ('"Beranda" band', "Jum'at Band")."""
    text = answer.strip()
    inner = text[1:-1].strip()
    if len(text) < 3 or text[0] not in _ENCLOSING or text[-1] not in _ENCLOSING:
        return None
    return inner if inner and not any(mark in inner for mark in _ENCLOSING) else None


# Emoji and their parts (a skin tone, a joiner, a presentation selector, a keycap's frame).
_EMOJI_PART = regex.compile(
    r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\uFE0E\uFE0F\u200D\u20E3]"
)


def without_emoji(answer: str) -> str:
    """An answer without the emoji at its end ("Dimas Anggara Putra 😎"), or as it is when
    nothing else is left ("🎬"). Read a character at a time from the end: no pattern to
    backtrack on a long run."""
    end = len(answer.rstrip())
    while end and (answer[end - 1].isspace() or _EMOJI_PART.match(answer[end - 1])):
        end -= 1
    bare = answer[:end].rstrip()
    return bare if bare and bare != answer.rstrip() else answer


def emoji_only(word: str) -> bool:
    """Whether a word is emoji only ("💃", "👍🏽")."""
    return bool(word) and all(_EMOJI_PART.match(character) for character in word)


def _introduced(answer: str, *, own: bool) -> _Name | None:
    """without_introduction, of an answer with no emoji at its end."""
    if own and _MANAGER_SAYS.match(" ".join(answer.split())):
        return _MANAGER
    i_am = _I_AM.match(answer) if own else None
    if i_am is not None:  # "Saya Cut Nyak Meutia." (a talents' review s62, M1: stored whole)
        return _Name(i_am["name"], cut=True)
    found = _INTRODUCED.match(answer)
    if found is None:
        return _named_within(answer, own=own)
    theirs = found.group("band") or found.group("stage") or found.group("our") or found["east"]
    if own and theirs:
        return _UNSURE  # "Nama panggung saya Sasa" at the full name
    rest = answer[found.end() :]
    later = _NAMED_WITHIN.search(rest)
    if not theirs and later is not None and later.group("own") is None:
        # "Nama saya Sari, nama panggung Sasa" (a second attacker's review: stored whole):
        # the talent's own name up to its end at the full name, the later one at the stage
        # name.
        if not own:
            return _named_within(rest, own=False)
        if later.group("whose") is not None:
            return _UNSURE  # "Nama saya Wulan, nama artis saya Galih": whose is asked?
        mine = _name_said(rest)
        if mine is None or len(mine) > later.start():  # no end before the later lead-in
            return _UNSURE
        return _Name(_after_lead(mine).strip(), cut=True)
    name = _before_next_sentence(_after_lead(rest))
    said = {word for word in fold(name).split() if not chat_particle(word)} - _NOT_A_NAME
    if said:
        return _Name(name, cut=True)
    # Written as a title, with nothing after it to read as one, it is the name ("Nama Band
    # Kami"): a phone capitalises only the first word of "Nama saya".
    told = _INTRODUCED_TOLD.search(answer) is not None
    return None if told or not all(word[:1].isupper() for word in answer.split()) else _Name(answer)


def _named_within(answer: str, *, own: bool) -> _Name:
    """The name a sentence names after what it is the name of (_NAMED_WITHIN), or the answer
    as typed: a name written as one, every word capitalised ("Anak Bernama Senja", "Yang
    Namanya Cinta"), one too long to be a name, one in lower case or a saying after
    "namanya"/"bernama" ("anak bernama senja", "namanya juga usaha"), or a message that
    begins "Bernama". Unsure where it is another name than the one asked (a stage name at
    the full name, a former one, another person's) or a dot may end it or not ("Sari. Saya
    dari Bandung")."""
    whole = _Name(answer)
    if all(word[:1].isupper() or not word[:1].isalpha() for word in answer.split()):
        return whole
    found = _NAMED_WITHIN.search(answer)
    if found is None or answer.casefold().startswith("bernama"):
        return whole
    # "nama artis saya Galih": the name asked, when the form is for someone else.
    mine = found.group("own") is not None or found.group("whose") is not None
    if own and not mine:
        return _UNSURE  # "Budi, band saya namanya Senja" at the full name
    said = _name_said(found.group("name"))
    if said is None:
        return _UNSURE
    name = _after_lead(said).strip(_QUOTES + " ")
    words = set(fold(name).split()) - TRAILING_PARTICLES
    if not words or words <= _NOT_A_NAME | _ASKING_NAME or len(name.split()) > _NAMED_WITHIN_WORDS:
        return whole
    first = fold(name).split()[0]
    if found.group("called") is not None and (name[:1].islower() or first in _SAYING):
        return whole  # "orkes bernama cinta", "namanya juga usaha": the band's own words
    if not (own and mine) and _not_now_or_not_me(answer[: found.start()], mine=mine):
        return _UNSURE  # "dulu namanya Senja, sekarang Fajar", "bapak bernama Joko"
    return _Name(name, cut=True)


def _not_now_or_not_me(before: str, *, mine: bool) -> bool:
    """Whether what comes before a name's lead-in makes it another time's name (_NOT_NOW),
    one of two names (_another_name) or, unless the lead-in is the talent's own ("nama
    saya"), another person's: a person word (_NOT_ME) owning the lead-in, with only a
    "saya"/"dia" between them."""
    if not _NOT_NOW.isdisjoint(fold(before).split()[-3:]) or _another_name(before):
        return True
    if mine or re.search(r"[^\w\s]\s*$", before):  # "Halo kakak, namanya": not its owner
        return False
    words = fold(before).split()
    while words and words[-1] in _WHOSE:
        words.pop()
    return bool(words) and words[-1] in _NOT_ME


# A name said before another's lead-in, after a word of going by it ("Kalau solo pake
# Arsana, tp aku jg punya kolektif namanya Sekaa Digital"; a talents' review kept only the
# collective's): which of the two is meant is asked, the same text sent again kept whole.
_GOES_BY = frozenset(
    "solo pake pakai memakai tampil manggung dikenal sebagai alias".split()  # noqa: SIM905 -- a word list reads best as words
)


def _another_name(before: str) -> bool:
    """Whether the text before a name's lead-in gives a name of its own: a capitalised word
    after a word of going by it (_GOES_BY), not a chat particle ("solo pake Arsana, …")."""
    words = [word.strip(",.;:!?()\"'") for word in before.split()]
    going = [index for index, word in enumerate(words) if word.casefold() in _GOES_BY]
    return bool(going) and any(
        word[:1].isupper() and word.casefold() not in TRAILING_PARTICLES
        for word in words[going[0] + 1 :]
    )


def _sentence_starts(after: str) -> bool:
    """Whether the words after a dot start a new sentence (_STARTS_SENTENCE)."""
    words = [word.strip(",.!?").casefold() for word in after.split()[:2]]
    if not words or words[0] not in _STARTS_SENTENCE:
        return False
    return words[0] != "i" or len(words) < 2 or words[1] not in _BALINESE


def _before_next_sentence(name: str) -> str:
    """A name up to a dot before a word that starts a new sentence ("Ana. Dari Bandung")."""
    for dot in re.finditer(r"\.(?=\s)", name):
        if _sentence_starts(name[dot.end() :]):
            before = name[: dot.start()].split()
            title = bool(before) and _TITLE.fullmatch(before[-1]) is not None
            return name[: dot.end() if title else dot.start()]  # "Rizal S.Sn. Saya dari …"
    return name


def _abbreviated(word: str) -> bool:
    """Whether a word before a dot is an initial or an abbreviation ("R", "PT", "Muh"), or
    an academic title of dotted parts ("S.Sn", "M.Kom", "S.E", "Ph.D"; a talents' review s63,
    L5: "Rizal Syahputra, S.Sn." lost its last dot)."""
    if _TITLE.fullmatch(word):
        return True
    return word.isalpha() and (
        len(word) == 1
        or (word.isupper() and len(word) <= _ABBREVIATION_MOST)
        or word.casefold() in _ABBREVIATED
    )


_TITLE = re.compile(r"[^\W\d_]{1,4}(?:\.[^\W\d_]{1,4})+")


def _name_said(rest: str) -> str | None:
    """A name up to where its sentence ends (_NAME_ENDS, not an abbreviation's dot); None
    when a dot before a capitalised word may end it or not."""
    for end in _NAME_ENDS.finditer(rest):
        if end.group() != "." or _sentence_starts(rest[end.end() :]):
            return rest[: end.start()]
        words = rest[: end.start()].split()
        if _abbreviated(words[-1] if words else ""):
            continue  # "Muh. Rizki", "R. Dewi", "PT. Lontara"
        after = rest[end.end() :].lstrip()
        if after[:1].isupper():
            return None  # "Sari. Saya dari Bandung": the name's end, or its next word?
        return rest[: end.start()]
    return rest.rstrip()


# Thanks after a name ("Nama saya Cut Nyak Meutia, terima kasih."; a talents' review s62, M1:
# stored with it): after a comma or a sentence's end, or in lower case ("Lagu Terima Kasih" is
# a band's name).
_COURTESY = re.compile(
    r"(?P<mark>[,.;!]\s*|\s+)(?P<thanks>(?:terima\s*kasih|makasih|makasi|mksh|trims|thanks"
    r"|thank\s+you|thx|tq)(?:\s+(?:ya|yaa|kak|kakak|banyak|sebelumnya|so\s+much|very\s+much))*)"
    r"[\s.!]*$",
    re.I,
)
_COURTESY_LONGEST = 300  # characters; the longest name answer allowed is 100


def without_courtesy(name: str) -> str:
    """A name without the thanks after it (_COURTESY) and without the full stop that ends
    its sentence ("Cut Nyak Meutia." was echoed "Kucatat: Cut Nyak Meutia.."), not an
    initial's or an abbreviation's ("Budi S.", "PT."); the name as typed if nothing else is
    left. A text longer than any name is left as it is, for the length check to refuse: the
    search is quadratic on a long run of spaces (a final review s62, M1: 0.42 s of CPU)."""
    if len(name) > _COURTESY_LONGEST:
        return name
    found = _COURTESY.search(name)
    if found is not None and (found["mark"].strip() or found["thanks"].islower()):
        name = name[: found.start()].rstrip() or name
    if name.endswith(".") and not name.endswith(".."):
        words = name[:-1].split()
        last = words[-1] if words else ""
        if last[-1:].isalnum() and not _abbreviated(last):
            name = name[:-1]
    return name


def without_particles(answer: str, *, introduced: bool = False) -> str:
    """The answer without the chat particles it ends with, if anything else is left; "kang"
    only in lower case ("Bandung kang", not "Daniel Kang"). Laughter that may be a name's
    last word ("DJ Haha", "MC Lol", "Siti Hihi"; a final review s63, M3: cut to "DJ") only
    where it cannot be: a "wkwk" run, laughter after a sentence's introduction of the name
    (`introduced`: "nama panggungku Mace Yoya hehe"), after an emoji, or in lower case after
    a capitalised name ("D-Mas lol")."""
    words = answer.split(" ")
    bare = [word.strip(".,!~") for word in words]
    particle = []
    for at, word in enumerate(bare):
        after_emoji = at > 0 and emoji_only(bare[at - 1])
        below_capitals = word.islower() and any(not part.islower() for part in bare[:at])
        particle.append(_particle(word, loose=introduced or after_emoji or below_capitals))
    # The Eastern (Papuan) tag "e" after a particle ("Yohana Wenda kaka e", "kak e": a re-check
    # s61 had it stored in the name) goes with it.
    for at in range(1, len(words)):
        particle[at] = particle[at] or (particle[at - 1] and bare[at] == "e")
    if all(particle):
        return answer  # a band called "Ya Ya"
    while particle[-1]:
        particle.pop()
        words.pop()
    return " ".join(words).rstrip(" ,")


def _particle(word: str, *, loose: bool) -> bool:
    """Whether a word ending a name is chat: laughter other than a "wkwk" run only when
    `loose` (it cannot be the name's own word there)."""
    folded = word.casefold()
    if folded in _NAME_TOO:
        return word == folded
    if not chat_particle(folded):
        return False
    return loose or folded in TRAILING_PARTICLES or _RUN.fullmatch(folded) is not None


# Laughter and chat typed after a name ("stage name aku D-Mas wkwk", "Mace Yoya hehe"; a
# talents' review s63, M4: stored with it), as the particles are: "wkwk", "wkwkwk", "hehe",
# "hahaha", "xixixi", "awokawok", "lol". Not "Xixi", a (Chinese) given name.
_LAUGHTER = re.compile(r"k?(?:wk)+w?|(?:ha|he|hi)+h?|(?:xi){3,}|(?:awok)+|lol+|lmao+|kwkw\w*")
# ...of which these are never a name's word ("wkwk", "kwkwk", "awokawok"): cut wherever they
# end a name. "Haha", "Hehe", "Lol" may be one ("DJ Haha", "MC Lol").
_RUN = re.compile(r"k?(?:wk){2,}w?|kwkw\w*|(?:awok){2,}")


def chat_particle(word: str) -> bool:
    """Whether a word (in lower case) is a chat particle (TRAILING_PARTICLES) or laughter,
    no part of a name or a role ("sih", "wkwk", "hehe")."""
    return word in TRAILING_PARTICLES or (
        len(word) > len("he") and _LAUGHTER.fullmatch(word) is not None
    )
