"""What a talent typed instead of an answer, or around it, in their own form: a question, a
password beside a link, a "kak" after a city.

Only the talent's form looks for these (`IntakeFlow`); a staff member correcting an answer
types what they mean, and a film called "Mau Ke Mana?" is theirs to store.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.answers.text import asks_something
from bot.content import Content, Question
from bot.leads.answer_outcomes import NONE_YET, Accepted, Outcome, Rejected
from bot.leads.change_wish import WRONG
from bot.leads.choice_words import affirmed, list_items, named_choices
from bot.leads.form_order import visible_questions
from bot.leads.intent_words import CHAT_WORDS, closes_choice, fold
from bot.leads.step_questions import ASKED_WORDS, about_the_step
from bot.leads.web_links import AROUND_LINK, PLATFORMS, web_link
from bot.terminal_text import without_controls
from bot.texts import Text

# A talent saying an earlier choice was picked wrong ("Eh salah kak, harusnya musik bukan
# film", "wrong one, I meant music"): a word of wrong or meaning (change_wish's), and a choice
# of an earlier question named that is not its answer. Never in a long text (works may be
# "Film 'Salah Kamar'") nor with a number in it (a year, an age: that question's answer).
_MEANT = frozenset("harusnya seharusnya mestinya maksudnya maksudku meant".split())  # noqa: SIM905 -- a word list reads best as words
_PICKED_WRONG_LONGEST = 120


@dataclass(frozen=True, slots=True)
class PickedWrong:
    """An earlier question and the choice the talent says it should have had."""

    question: Question
    choice: str


def picked_wrong(
    question: Question, content: Content, answers: dict[str, Any], text: str
) -> PickedWrong | None:
    """The earlier choice a message at a question says was picked wrong, or None."""
    words = set(fold(text).split())
    if (
        question.type == "long_text"
        or len(text) > _PICKED_WRONG_LONGEST
        or any(character.isdigit() for character in text)
        or (WRONG.isdisjoint(words) and _MEANT.isdisjoint(words))
    ):
        return None
    said = affirmed(text)
    if question.type in CHOICES and named_choices(question, content, answers, said):
        return None  # "salah, harusnya musik video" at the formats: this question's choice
    shown = visible_questions(content, answers)
    keys = [earlier.key for earlier in shown]
    before = shown[: keys.index(question.key)] if question.key in keys else []
    for earlier in reversed(before):
        if earlier.type != "single_choice" or earlier.key not in answers:
            continue
        named = named_choices(earlier, content, answers, said)
        other = [value for value in named if value != answers[earlier.key]]
        if len(named) == 1 and other:
            return PickedWrong(earlier, other[0])
    return None


# A question mark (or the full-width one) with nothing after it but emoji, spaces, invisible
# characters or closing punctuation: "berapa ya kak?🙏", "gratis kan?\u200b"; not a title in
# quotes that ends in one ('Lagu "Kenapa?"').
_ASKED = re.compile(r"[?\uff1f](?![\"'\u201d\u2019\u00bb])[\W_]*$")
# A "?" followed by more words: a question and what follows it, at a name or a number (a
# talents' review: it was stored as the stage name); a long text may quote a title with one.
_ASKED_WITHIN = re.compile(r"[?\uff1f][\W_]*\s+[^\W_]")
_ASKED_WITHIN_TYPES = frozenset({"short_text", "number"})
# A long answer (notable works, other links) this short, on one line and ending in "?", is a
# question asked mid-form ("maksudnya karya yang mana kak?"), not works or links.
ASKED_LONG_TEXT_LIMIT = 120
# Where an answer ending in "?" is a question even when it would pass: a name, a company, a
# city, a number of years never ends in one ("aku 24 tahun?").
_NEVER_ASKED = frozenset({"short_text", "long_text", "number"})
# A choice question's refusals of typed text: press a button (or "Lainnya", then type it).
BUTTONS = frozenset(
    {
        Text.INTAKE_USE_BUTTONS,
        Text.INTAKE_USE_BUTTONS_OR_OTHER,
        Text.INTAKE_USE_BUTTONS_MULTI,
        Text.INTAKE_USE_BUTTONS_MULTI_OR_OTHER,
    }
)
# Elsewhere, only a refused answer: "boleh link soundcloud gak kak?" is not "not a link".
_NOT_UNDERSTOOD = BUTTONS | {
    Text.INTAKE_BAD_EMAIL,
    Text.INTAKE_BAD_NUMBER,
    Text.INTAKE_BAD_PHONE,
    Text.INTAKE_BAD_URL,
    Text.INTAKE_PROVINCE_NOT_FOUND,
    Text.INTAKE_NO_LINK,
}
CHOICES = frozenset({"single_choice", "multi_choice"})  # questions answered with buttons
# Questions whose answer is any text (a name, a title, a note), not data a check takes.
FREE_TEXT = frozenset({"short_text", "long_text"})
# What the form says of an answer that reads as a question ("Sepertinya itu pertanyaan…").
_READ_AS_ASKED = frozenset({Text.INTAKE_A_QUESTION, Text.INTAKE_A_QUESTION_BUTTONS})
# A password typed beside the link ("(pw: kocca)", "kata sandinya abc", "password 1234"),
# which the stored link would drop; "Sandi" alone is a name, so it needs "kata", "-nya" or ":".
_PASSWORD = re.compile(
    r"(?<!\w)(?:(?:pw|pwd|passwd|password|passcode)(?:-?nya)?(?!\w)"
    r"|kata\s*sandi(?:-?nya)?(?!\w)|(?:sandi|pass)(?:-?nya(?!\w)|\s*[:=]))",
    re.I,
)


# Where the work is, said without its link (a talents' review: "tidak punya Spotify tapi ada
# di YouTube channel Ratna Solo" was stored as "not yet"): a platform named, or after a word
# of contrast one of having, and no "not" ("di YouTube juga belum ada", "belum ada di Spotify").
_BUT = frozenset("tapi tetapi tp tpi namun cuma cuman hanya but though although however".split())  # noqa: SIM905 -- a word list reads best as words
_HAVING = frozenset("ada punya have has got".split()) | PLATFORMS  # noqa: SIM905 -- a word list reads best as words
_NOT = frozenset(
    "belum blm tidak tdk gak ga gk nggak ngga enggak ndak no not dont don nothing none".split()  # noqa: SIM905 -- a word list reads best as words
)


def links_in(text: str) -> list[str]:
    """The web links of a text, in order, each once (a talents' review: three links in one
    message at the work's link were "not a web link")."""
    found = (web_link(word.strip(AROUND_LINK)) for word in text.split())
    return list(dict.fromkeys(link for link in found if link is not None))


# Words that join one more link to those before ("Sama youtube.com/@x", "and tiktok @y"): no
# part of a link; between two links they part them.
_JOINING = frozenset(
    "sama sm ama dan and juga jg also plus terus trs trus lalu lagi satu yg yang ini itu".split()  # noqa: SIM905 -- a word list reads best as words
)
_HANDLE_WORD = re.compile(r"@[A-Za-z0-9._]{1,30}")


def only_links(text: str) -> list[str] | None:
    """The links and accounts of a text that is plainly nothing else ("Sama
    youtube.com/@sekaadigital", "ig @arsana.gamelan", "and tiktok @y"), one line each, the
    joining words dropped; None for any other text (a title, a sentence, a platform alone)."""
    lines: list[list[str]] = [[]]
    found = False
    for word in text.split():
        bare = word.strip(AROUND_LINK)
        if web_link(bare) or _HANDLE_WORD.fullmatch(bare):
            found = True
            lines[-1].append(bare)
            continue
        folded = fold(word)
        if folded in PLATFORMS:
            if any(_HANDLE_WORD.fullmatch(part) or web_link(part) for part in lines[-1]):
                lines.append([])  # "ig @x tiktok @y": a platform after a link starts the next
            lines[-1].append(word.strip(AROUND_LINK))
        elif folded in _JOINING or folded in CHAT_WORDS or not folded:
            if lines[-1]:
                lines.append([])
        else:
            return None
    return [" ".join(line) for line in lines if line] if found else None


# An item of a typed list still being learnt ("korea lg belajar", "Korean (learning)"): not
# one to work in; "dikit", "sedikit" are ("inggris dikit": usable).
_LEARNING = frozenset(
    "belajar pelajari dipelajari mempelajari learning learn studying".split()  # noqa: SIM905 -- a word list reads best as words
)
_LEARNING_AROUND = frozenset("lagi lg lgi masih msh sedang sdg baru mulai still currently".split())  # noqa: SIM905 -- a word list reads best as words


def still_learning(text: str) -> tuple[str, str]:
    """A typed list without its items that say they are still being learnt, and those items
    without the words that say so ("Indonesia, korea lg belajar": "Indonesia" and "korea")."""
    kept, learnt = [], []
    for part in list_items(text):
        words = fold(part).split()
        if _LEARNING.isdisjoint(words):
            kept.append(part)
            continue
        plain = [word for word in part.split() if fold(word) not in _LEARNING | _LEARNING_AROUND]
        learnt.append(" ".join(plain))
    return ", ".join(part.strip() for part in kept if part.strip()), ", ".join(learnt)


def symbols_only(text: str) -> bool:
    """Whether a text has no letter and no digit: only symbols, emoji, punctuation ("⏸",
    "✨✨", "..."). Letters of any script count ("서울")."""
    plain = without_controls(text).strip()
    return bool(plain) and not any(unicodedata.category(char)[0] in "LN" for char in plain)


def _symbols(text: str) -> str:
    """A text's symbols (emoji), without the marks that only shape them (VS16, ZWJ)."""
    return "".join(char for char in text if unicodedata.category(char).startswith("S"))


def types_label(text: str, label: str) -> bool:
    """Whether a typed text is a button's label, whatever its case, emoji and punctuation
    ("Selesai memilih", "⏸ jeda dulu"), or only the button's emoji ("⏸")."""
    typed = fold(without_controls(text))
    if typed:
        return typed == fold(label)
    return symbols_only(text) and _symbols(text) == _symbols(label) != ""


def names_a_button(text: str, labels: Sequence[str]) -> bool:
    """Whether a typed text is a button's words without its emoji, or its first word
    ("Kembali", "Lewati", "Jeda dulu", "Back"): at a text question, perhaps a name."""
    if _symbols(text):
        return False  # "⬅️ Kembali", "⏸": the button, surely
    typed = fold(without_controls(text))
    return bool(typed) and any(
        typed in (fold(label), fold(label).split()[0]) for label in labels if fold(label)
    )


def _none_yet_within(question: Question, text: str) -> bool:
    """Whether a text without a link says there is none yet, inside a sentence ("rekaman saya
    masih berupa kaset dan pita reel, belum ada di internet", a talents' review: refused as
    "not a web link"); only answers of two words or more ("belum ada", "not yet"), not a bare
    "belum", which says little inside a sentence."""
    if "@" in text:
        return False  # "belum ada link, ig @nadia.frames": somewhere after all
    padded = f" {fold(text)} "
    nones = (fold(word) for word in question.none_answers)
    return any(len(none.split()) > 1 and f" {none} " in padded for none in nones)


def _says_where_it_is(text: str) -> bool:
    """Whether a text with no link says the talent's work is somewhere ("ada di YouTube",
    "belum punya link, tapi ada di YouTube"); what follows a "but" is what counts."""
    words = fold(text).split()
    turns = [index for index, word in enumerate(words) if word in _BUT]
    said = set(words[turns[0] + 1 :]) if turns else set(words)
    having = _HAVING if turns else PLATFORMS
    return not said.isdisjoint(having) and said.isdisjoint(_NOT)


# A name said as a sentence ("nama saya Rina", "namaku Rina", "Nama Keponakan Saya Marthen
# Ndun", "my name is Jess", "nama panggung: Sari"): the name is what follows. A guardian in a
# talents' review had the whole sentence stored as the child's name. Only with a pronoun, a
# relative, "adalah"/"is" or a colon after "nama": "Nama Besar Putra" is a name (an attacker).
# Whose name it is, when the form is filled in for someone else ("nama artis saya", "nama
# klien saya", "nama artisnya", "nama lengkapnya", "her name is", "my artist's name is"; a
# talents' review: a manager's "Nama artis saya Galih Prasetyo" was stored whole).
_WHOSE_NAME = r"(?:anak|keponakan|ponakan|cucu|adik|adek|putri|putra|murid|artis|klien)"
_INTRODUCED = re.compile(
    r"^(?:namaku\b|(?:nama(?:nya)?|my\s+(?:full\s+|(?P<stage>stage|band'?s?)\s+)?name"
    r"|(?:her|his|my\s+(?:artist|client|son|daughter|child|kid)'?s)\s+(?:full\s+)?name"
    r"|(?P<our>our)\s+name)"
    r"(?:\s+(?:lengkap(?:nya)?|(?P<band>panggung(?:nya)?|band|grup)|asli(?:nya)?))?"
    rf"(?:\s+{_WHOSE_NAME}(?=[\s:]))?"
    r"(?:\s+(?:saya|aku|ku|gue|gw|kami)\b|\s*:|\s+(?:adalah|yaitu|ialah|is)\b"
    rf"|(?<=lengkapnya)(?=\s)|\s+{_WHOSE_NAME}nya\b))"
    r"(?:\s+(?:adalah|yaitu|ialah|is)\b)?\s*[:\-=]?\s*",
    re.I,
)
# An introduction that says a name follows: "nama lengkap saya:", "my name is".
_INTRODUCED_TOLD = re.compile(r"(?:[:\-=]|\b(?:adalah|yaitu|ialah|is))[\s.…]*$", re.I)
_NOT_A_NAME = frozenset({"saya", "aku", "ku", "gue", "gw", "kami", "adalah", "is", ""})
# A name said inside a sentence, after what it is the name of ("Sebagaimana saya sebutkan, nama
# lengkap saya Sari Rahmawati.", "Band kita namanya Senja di Dago kang", "Nama produsernya JKO
# beats", "rumah produksi saya bernama Lontara Docs"; a talents' review had each stored whole):
# the name is what follows, up to the sentence's end or a comma.
_NAMED_WITHIN = re.compile(
    r"(?<!\w)(?P<lead>(?P<own>nama(?:\s+(?:lengkap|asli))?\s+(?:saya|aku|gue|gw)|namaku)"
    rf"|(?P<whose>nama(?:\s+lengkap)?\s+{_WHOSE_NAME}(?:\s+(?:saya|aku|gue|gw|kami)|nya)"
    r"|nama\s+lengkapnya)"
    r"|nama(?:\s+(?:lengkap|panggung|band|grup|asli))?\s+(?:saya|aku|gue|gw|kami|kita)"
    r"|nama\s+[^\W\d_]+nya|nama\s+panggung|(?P<called>namanya|bernama))"
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
    " ust bpk ibu pak bu".split()
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


_UNSURE = _Name("", unsure=True)
_NAMED_WITHIN_WORDS = 6  # at most: more is a sentence read wrong
_ASKING_NAME = frozenset({"apa", "siapa", "what"})  # "namanya apa ya": asked, no name


# The question a stage name said in a sentence is looked for at.
STAGE_NAME = "stage_name"
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
    found = _STAGE_NAME_SAID.search(" ".join(text.split()))
    if found is None:
        return None
    said = found.group("name")
    name = said.strip(_QUOTES + " ")
    words = fold(name).split()
    if not words or len(words) > _STAGE_NAME_WORDS or set(words) <= _NOT_A_STAGE_NAME:
        return None
    # "sebagai"/"as" without "nama": a name only as one is written, capitalised or quoted
    # ("dikenal sebagai Ratna Solo"), not "tampil sebagai pembuka", "gitar sebagai instrumen
    # utama" (an attacker's review).
    if found.group("intro").casefold() in ("sebagai", "as") and not (
        name[:1].isupper() or said[:1] in _QUOTES
    ):
        return None
    return name


# Chat particles a talent ends a short answer with ("bandung kak", "Studio Kopi ya"): not part
# of the name. Not "min" or "bang", which end real names ("Lee Min").
_TRAILING_PARTICLES = frozenset(
    {"kak", "kakak", "kk", "kang", "ya", "yaa", "dong", "deh", "sih", "nih"}
)
# Of those, "kang" addresses the bot only in lower case: "Kang" is a (Korean) name ("Daniel
# Kang"; an attacker's review had it cut). "Kak", "KAK", "Kakak" are none (a second
# attacker's review had "Sari Rahmawati Kak" kept).
_NAME_TOO = "kang"
# The question whose answer is the talent's own name (a band's or another's is not it).
FULL_NAME = "full_name"


def slip(question: Question, text: str, outcome: Outcome) -> Outcome:
    """The outcome of a talent's typed answer, once a question asked or a password typed
    beside the link is told apart from an answer."""
    if isinstance(outcome, Accepted) and outcome.value == NONE_YET:
        if question.type == "url" and _says_where_it_is(text):
            return Rejected(Text.INTAKE_LINK_FOR_IT)  # "…tapi ada di YouTube": its link
        # "belum ada, boleh nyusul kan?" says it already: "type “belum ada”" would ask the
        # talent for what they just typed (a talents' review).
        return outcome
    # What the question's own check took as valid data (a link, an address, a number, a
    # choice: "nomor wa saya 0812…?") is the answer; only free text may be a question.
    taken = isinstance(outcome, Accepted) and question.type not in FREE_TEXT
    if not question.welcomes_questions and not taken:
        about = about_the_step(question, text)
        if about is not None:  # "ini wajib ga?": the form answers it, nothing is stored
            return about
    if not question.welcomes_questions and asks(question, text):
        reason = outcome.reason if isinstance(outcome, Rejected) else None
        if reason in BUTTONS:  # nothing to send again without the "?"
            return Rejected(Text.INTAKE_A_QUESTION_BUTTONS)
        if reason in _NOT_UNDERSTOOD or question.type in _NEVER_ASKED:
            return Rejected(Text.INTAKE_A_QUESTION)
    refused = outcome.reason if isinstance(outcome, Rejected) else None
    if refused in (Text.INTAKE_BAD_URL, Text.INTAKE_NO_LINK) and _PASSWORD.search(text):
        return Rejected(Text.INTAKE_PASSWORD_LATER)  # "Password: deli2025" after the link
    if refused is Text.INTAKE_BAD_URL and question.type == "url":
        links = links_in(text)
        if len(links) > 1 and _password_beside(text):
            return Rejected(Text.INTAKE_LINK_ONLY)  # only the links would be kept
        if len(links) > 1:  # "showreel aku 👉 https://vimeo… sama film pendek https://youtu.be…"
            return Accepted(links[0], more=tuple(links[1:]))
    if refused is Text.INTAKE_BAD_URL and _says_where_it_is(text):
        return Rejected(Text.INTAKE_LINK_FOR_IT)  # "ada di YouTube channel Ratna Solo"
    if (
        refused is Text.INTAKE_BAD_URL
        and question.type == "url"
        and _none_yet_within(question, text)
    ):
        return Accepted(NONE_YET)  # "…kaset dan pita reel, belum ada di internet"
    if question.type == "url" and isinstance(outcome, Accepted) and _password_beside(text):
        return Rejected(Text.INTAKE_LINK_ONLY)  # only the link would be kept
    if question.type == "short_text" and isinstance(outcome, Accepted):
        name = _without_introduction(str(outcome.value), own=question.key == FULL_NAME)
        if name is None:  # "Nama saya", the name itself in the next message
            return Rejected(Text.INTAKE_NAME_ITSELF)
        if name.unsure:  # asked back: the text sent once more is kept whole
            return Rejected(Text.INTAKE_NAME_UNSURE)
        # A name cut from a sentence is said ("✅ Kucatat: …"), so a wrong cut is seen.
        kept = _without_particles(name.text)
        told = _without_aside(kept)
        return Accepted(told or kept, named=name.cut or told is not None)
    return outcome


# A remark about the talent in brackets after a name ("PT Deli Sinema Kreatif (I'm the owner
# and lead producer)"; a talents' review had it stored whole as the production house): not
# part of the name. Brackets that say nothing of "I"/"saya" stay ("Lontara Docs (Makassar)").
_ASIDE = re.compile(r"\s*\(([^()]*)\)\s*$")
_ABOUT_ME = frozenset("i my me mine saya aku gue gw sy".split())  # noqa: SIM905 -- a word list reads best as words


# The same after a comma, as its first words ("Galih Prasetyo, saya manajernya", "Putri Ayu,
# saya ibunya": an attacker's review had them stored in the name).
_COMMA_ASIDE = re.compile(r",\s*(?:saya|aku|gue|gw|sy|i\s*'?m|i\s+am)\s+\w.*$", re.I)


def _without_aside(name: str) -> str | None:
    """A name without a remark about the talent in brackets, or after a comma, at its end;
    None if it has none (or is nothing else)."""
    found = _ASIDE.search(name)
    if found is None or _ABOUT_ME.isdisjoint(fold(found.group(1)).split()):
        found = _COMMA_ASIDE.search(name)
    if found is None:
        return None
    return name[: found.start()].rstrip(" ,") or None


def asked_instead(error: Rejected | None, note: Text | None, text: str) -> bool:
    """Whether the form refused a message because it reads as a question ("kak ini gratis
    kan?" at the name), or a screen of buttons (a consent, the review) got one ("data saya
    buat apa?"): one for the FAQ. A message refused without a question mark is the talent's
    try at an answer ("pop" at the genres, "televisi" at the sector), not asked; nor is a
    short one (ASKED_WORDS), unless buttons are the step's answer and it has a word that
    asks ("mucon apa?", "what's MU:CON?": a walk-through of session 54 was only told to
    pause first); such a short one is only offered entries (`few_words`)."""
    if few_words(text):
        at_buttons = note is Text.INTAKE_USE_BUTTONS or (
            error is not None and error.reason is Text.INTAKE_A_QUESTION_BUTTONS
        )
        if not (at_buttons and asks_something(text)):
            return False  # "5 tahun ya kak?", "Inggris?" at the languages
    if error is not None:
        return error.reason in _READ_AS_ASKED
    # At buttons nothing typed is an answer: a "?" with more after it asks too (a talents'
    # review: "Data saya … ke pihak lain atau tidak? Saya khawatir …" at the consent was
    # only told to press a button).
    asked = _ASKED.search(text.strip()) or _ASKED_WITHIN.search(text)
    return note is Text.INTAKE_USE_BUTTONS and asked is not None


# Where a sentence ends before the one that asks: ".", "!" or a line break, and a space.
_SENTENCE_BREAK = re.compile(r"(?<=[.!\n])\s+|\n")


def answered_then_asked(text: str) -> tuple[str, str] | None:
    """A message whose first sentences answer and whose last ones ask ("Koproduksi film dan
    BIFF Asian Project Market. Apakah BIFF ACF juga menerima proyek dokumenter?", a talents'
    review: nothing was ticked): the answer, and the question from the sentence with the
    first "?" on. None without a "?", or with nothing before that sentence."""
    marks = [at for at in (text.find("?"), text.find("\uff1f")) if at >= 0]
    if not marks:
        return None
    breaks = list(_SENTENCE_BREAK.finditer(text[: min(marks)]))
    if not breaks:
        return None
    cut = breaks[-1].end()
    answered, asked = text[:cut].strip(), text[cut:].strip()
    return (answered, asked) if answered and asked else None


# Where the parts of a message of choices end: "Dokumenter panjang, film pendek. Itu saja."
_PARTS = re.compile(r"[.!;,\n]+")


def ticked_then_closed(text: str) -> str | None:
    """The choices of a message that ends by closing the choice ("Dokumenter panjang dan
    sesekali film pendek. Itu saja.", a talents' review: ticked, and Done still to press):
    all before that last part; None if it does not end so, or has nothing before."""
    parts = [found for found in _PARTS.split(text) if found.strip()]
    if len(parts) < 2 or not closes_choice(parts[-1]):
        return None
    return text[: text.rindex(parts[-1])].strip()


def few_words(text: str) -> bool:
    """Whether a message has fewer than ASKED_WORDS words, chat particles aside: too few to
    be sure what it asks ("how long?" got when a registrant hears back, "solo apa?" the music
    talks' page: an attacker's review), so the form offers entries and answers none."""
    words = (word.casefold().strip(".,!?~\uff1f") for word in text.split())
    return sum(1 for word in words if word and word not in _TRAILING_PARTICLES) < ASKED_WORDS


def asking_part(text: str) -> str:
    """What a message asks: up to its last "?" when more follows it ("Apakah data saya
    dijual? saya Rahmat Hidayatullah, email …", an attacker's review: the name after it went
    into the question's record); all of it otherwise."""
    last = max(text.rfind("?"), text.rfind("\uff1f"))
    if last < 0 or _ASKED.search(text.strip()) is not None:
        return text
    return text[: last + 1]


def could_be_its_answer(question: Question | None) -> bool:
    """Whether a "?" message may be this question's answer, typed unsure ("The Open Call
    Band?" at the stage name, "sekitar 5 tahun lebih?"): a name, a title, a text, a number."""
    return question is not None and question.type in _NEVER_ASKED


def _without_introduction(answer: str, *, own: bool) -> _Name | None:
    """The name a sentence introduces; None for an introduction with no name after it
    ("Nama saya", "my name is", "nama lengkap saya:"; a talents' review: "Nama saya" was
    stored as the full name, and the name sent after it as the stage name). `own`: the
    talent's own name is asked, which a stage name's or a band's introduction does not give
    (asked back)."""
    found = _INTRODUCED.match(answer)
    if found is None:
        return _named_within(answer, own=own)
    theirs = found.group("band") or found.group("stage") or found.group("our")
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
    said = set(fold(name).split()) - _TRAILING_PARTICLES - _NOT_A_NAME
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
    words = set(fold(name).split()) - _TRAILING_PARTICLES
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
        word[:1].isupper() and word.casefold() not in _TRAILING_PARTICLES
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
            return name[: dot.start()]
    return name


def _name_said(rest: str) -> str | None:
    """A name up to where its sentence ends (_NAME_ENDS, not an abbreviation's dot); None
    when a dot before a capitalised word may end it or not."""
    for end in _NAME_ENDS.finditer(rest):
        if end.group() != "." or _sentence_starts(rest[end.end() :]):
            return rest[: end.start()]
        words = rest[: end.start()].split()
        last = words[-1] if words else ""
        abbreviated = last.isalpha() and (
            len(last) == 1
            or (last.isupper() and len(last) <= _ABBREVIATION_MOST)
            or last.casefold() in _ABBREVIATED
        )
        if abbreviated:
            continue  # "Muh. Rizki", "R. Dewi", "PT. Lontara"
        after = rest[end.end() :].lstrip()
        if after[:1].isupper():
            return None  # "Sari. Saya dari Bandung": the name's end, or its next word?
        return rest[: end.start()]
    return rest.rstrip()


def _without_particles(answer: str) -> str:
    """The answer without the chat particles it ends with, if anything else is left; "kang"
    only in lower case ("Bandung kang", not "Daniel Kang")."""
    words = answer.split(" ")
    particle = [_particle(word.strip(".,!~")) for word in words]
    if all(particle):
        return answer  # a band called "Ya Ya"
    while particle[-1]:
        particle.pop()
        words.pop()
    return " ".join(words).rstrip(" ,")


def _particle(word: str) -> bool:
    if word.casefold() == _NAME_TOO:
        return word == _NAME_TOO
    return word.casefold() in _TRAILING_PARTICLES


def asks(question: Question, text: str) -> bool:
    """Whether a typed answer reads as a question: it ends in "?" (not a link ending in
    one, not a long answer)."""
    text = text.strip()
    if question.type == "long_text" and (len(text) > ASKED_LONG_TEXT_LIMIT or "\n" in text):
        return False
    words = text.split()
    if words and web_link(words[-1].strip(AROUND_LINK)) is not None:
        return False  # "instagram.com/sari/?": a share link
    if question.type in _ASKED_WITHIN_TYPES and _ASKED_WITHIN.search(text) is not None:
        return True  # "emang harus nama asli ya? gw biasa pake nama panggung" at a name
    return _ASKED.search(text) is not None


def _password_beside(text: str) -> bool:
    around = (word for word in text.split() if web_link(word.strip(AROUND_LINK)) is None)
    return _PASSWORD.search(" ".join(around)) is not None
