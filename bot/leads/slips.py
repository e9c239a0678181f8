"""What a talent typed instead of an answer, or around it, in their own form: a password beside
a link, where the work is said without its link, an earlier choice said to be wrong, a button's
words, a language still being learnt; and `slip`, which tells these, a question
(asked_questions.py) and a name said as a sentence (sentence_names.py) apart from an answer.

Only the talent's form looks for these (`IntakeFlow`); a staff member correcting an answer
types what they mean, and a film called "Mau Ke Mana?" is theirs to store.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bot.content import Content, Question
from bot.leads.answer_outcomes import NONE_YET, Accepted, Outcome, Rejected
from bot.leads.asked_questions import NEVER_ASKED, asks
from bot.leads.change_wish import WRONG
from bot.leads.choice_words import (
    affirmed,
    choice_names,
    list_items,
    named_choices,
    named_questions,
    without_names,
)
from bot.leads.form_order import visible_questions
from bot.leads.intent_words import CHAT_WORDS, TRAILING_PARTICLES, closes_choice, fold
from bot.leads.sentence_names import (
    FULL_NAME,
    MANAGING,
    NAME_QUESTIONS,
    role_aside,
    without_aside,
    without_emoji,
    without_introduction,
    without_particles,
)
from bot.leads.step_questions import about_the_step, asks_about_data
from bot.leads.unmarked_questions import asks_unmarked
from bot.leads.web_links import (
    AROUND_LINK,
    PLATFORMS,
    holds_data,
    names_a_link,
    password_values,
    web_link,
)
from bot.terminal_text import without_controls
from bot.texts import Text

# A talent saying an earlier choice was picked wrong ("Eh salah kak, harusnya musik bukan
# film", "wrong one, I meant music"): a word of wrong or meaning (change_wish's), and a choice
# of an earlier question named that is not its answer. Never in a long text (works may be
# "Film 'Salah Kamar'") nor with a number in it (a year, an age: that question's answer).
_MEANT = frozenset("harusnya seharusnya mestinya maksudnya maksudku meant".split())  # noqa: SIM905 -- a word list reads best as words
_PICKED_WRONG_LONGEST = 120


# A talent correcting an earlier answer by its subject (a talents' review: "Maaf, usia saya
# salah. Seharusnya 35-44." was stored as the city and the age kept; "tadi sa salah tulis, sa
# belum punya rumah produksi" refused at the role): a word of wrong, meaning or changing, and
# one earlier answered question named (its label or `about` words, as the review reads them).
# Numbers may be in it: the corrected answer, not this question's. "Salah satu(nya)", "salah
# seorang" say "one of", "biar ga salah", "sering salah dikira" no mistake of theirs; words of
# updating or adding ("rutin saya update", "tambah") are no correction (a second attacker's
# review: a link with "channel nama band kami, rutin saya update" was never stored). Where
# this question's own answer is in the message (a link at the link question, an address, a
# number, one of its choices) it is that answer: no correction.
_ONE_OF = re.compile(
    r"\bsalah (?:satu|satunya|seorang)\b"
    r"|\b(?:ga|gak|gk|nggak|ngga|enggak|tidak|tdk|jangan|jgn|bukan|sering|suka)"
    # "ga ada yang salah", "nothing's wrong" (final review s58 M1: opened the email's edit)
    r"(?: ada)?(?: (?:yang|yg))? salah\b"
    r"|\bnothing(?: s| is)? wrong\b|\b(?:not|isn t) wrong\b"
)
_CORRECTING = (
    WRONG
    | _MEANT
    | frozenset(
        "ganti gnti diganti mengganti gantiin ubah rubah merubah mengubah diubah ubahin ralat"  # noqa: SIM905 -- a word list reads best as words
        " koreksi revisi betulin benerin perbaiki memperbaiki change correct".split()
    )
    # An answer skipped by mistake ("eh maaf tadi kelewat, rumah produksi saya Segara
    # Pictures"; a talents' review: "press a button", no word of going back to it).
    | frozenset(
        "kelewat kelewatan terlewat terlewati kelupaan ketinggalan skipped missed forgot".split()  # noqa: SIM905 -- a word list reads best as words
    )
)
_CORRECTION_LONGEST = 160


def corrects(text: str) -> bool:
    """Whether a text has a word of wrong, meaning or changing ("kota saya tulis kepanjangan,
    harusnya Bantul saja", "NAMA BAND NYA SALAH"), not one that says "one of" or "no
    mistake" ("salah satu", "biar ga salah")."""
    return not _CORRECTING.isdisjoint(_ONE_OF.sub(" ", fold(text)).split())


@dataclass(frozen=True, slots=True)
class PickedWrong:
    """An earlier question and the choice the talent says it should have had (None: its
    answer is to change, what to is not said as a choice)."""

    question: Question
    choice: str | None


def picked_wrong(
    question: Question, content: Content, answers: dict[str, Any], text: str
) -> PickedWrong | None:
    """The earlier choice a message at a question says was picked wrong, or the earlier
    answer it says is to change; None if it says neither. A choice named wins over a subject
    ("peranku salah, harusnya band/grup": the role, not "Nama panggung/band"; a re-check)."""
    return _picked_choice(question, content, answers, text) or _named_earlier(
        question, content, answers, text
    )


def _picked_choice(
    question: Question, content: Content, answers: dict[str, Any], text: str
) -> PickedWrong | None:
    """The earlier single choice a message names, other than its answer, with a word of
    wrong or meaning; None if none."""
    words = set(_ONE_OF.sub(" ", fold(text)).split())  # "salah satu band favoritku": no slip
    if (
        question.type == "long_text"
        or len(text) > _PICKED_WRONG_LONGEST
        or any(character.isdigit() for character in text)
        or (WRONG.isdisjoint(words) and _MEANT.isdisjoint(words))
    ):
        return None
    said = affirmed(text)
    if question.type in CHOICES and named_choices(question, content, answers, said):
        # "salah, harusnya pop" at the genres: this question's choice. An earlier choice named
        # beside it is still one ("eh salah bro, kita grup hiphop bukan kru" at the genres, a
        # talents' review: refused; the role offered, the genre not ticked unasked).
        said = without_names(question, content, answers, said)
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


def _named_earlier(
    question: Question, content: Content, answers: dict[str, Any], text: str
) -> PickedWrong | None:
    """The one earlier answered question a correction names by its subject, with the choice
    it names if it is a single choice naming one other; None if no such correction."""
    if question.type == "long_text" or len(text) > _CORRECTION_LONGEST:
        return None
    folded = _ONE_OF.sub(" ", fold(text))
    if not corrects(text) or _holds_its_answer(question, content, answers, text):
        return None
    shown = visible_questions(content, answers)
    keys = [earlier.key for earlier in shown]
    before = shown[: keys.index(question.key)] if question.key in keys else []
    named = named_questions([earlier for earlier in before if earlier.key in answers], folded)
    if len(named) != 1:
        return None
    [earlier] = named
    if earlier.type == "single_choice":
        chosen = named_choices(earlier, content, answers, affirmed(text))
        other = [value for value in chosen if value != answers[earlier.key]]
        if len(chosen) == 1 and other:
            return PickedWrong(earlier, other[0])
    return PickedWrong(earlier, None)


def named_later(
    question: Question, content: Content, answers: dict[str, Any], text: str
) -> Question | None:
    """The one question still ahead, unanswered, that an answer to a question of data or
    choices names beside it ("umur 26 thn, nama lengkap Bonar Sitompul" at the age; a
    talents' review: the age taken, the name dropped without a word); None if none, or at a
    free text (a work's "tur 12 kota" names no answer)."""
    if question.type in FREE_TEXT:
        return None
    shown = visible_questions(content, answers)
    keys = [later.key for later in shown]
    after = shown[keys.index(question.key) + 1 :] if question.key in keys else []
    named = named_questions([later for later in after if later.key not in answers], text)
    said = [later for later in named if _says_its_answer(later, text)]
    return said[0] if len(said) == 1 else None


def _says_its_answer(question: Question, text: str) -> bool:
    """Whether a text gives a question's answer in the shape of one: a name of it of two
    words or more before a value ("nama lengkap Bonar Sitompul", "rumah produksi saya X"),
    or any name of it before ":", "=" or "nya" and a value ("email: …", "kotanya Malang"),
    or before a name ("Kota Batu"). A bare word common in answers is not (a talents'
    re-check: "karya saya kebanyakan lagu pop" at the field, "ini link karya saya https://…"
    at the link, were told "Karya penting belum kucatat")."""
    for name in choice_names(question.label, question.about):
        words = name.split()
        body = r"[\s\-]+".join(map(re.escape, words))
        nya = r"(?:\s*-?nya(?!\w)\s*[:=]?|(?!\w)\s*[:=]|\s+(?=(?-i:[A-Z][a-z])))"
        tail = rf"(?:{nya}|(?!\w))" if len(words) > 1 else nya
        if re.search(rf"(?<!\w){body}{tail}\s*\w", text, re.IGNORECASE):
            return True
    return False


def _holds_its_answer(
    question: Question, content: Content, answers: dict[str, Any], text: str
) -> bool:
    """Whether a message holds what this question asks for: a link at a link question, an
    address at the email's, a number at a number's or the phone's, one of its choices."""
    if question.type == "url":
        return bool(links_in(text))
    if question.type == "email":
        return "@" in text
    if question.type in ("number", "phone"):
        return any(character.isdigit() for character in text)
    if question.type in CHOICES:
        return bool(named_choices(question, content, answers, affirmed(text)))
    return False


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


# A password typed beside the link ("(pw: kocca)", "kata sandinya abc", "password 1234"),
# which the stored link would drop; "Sandi" alone is a name, so it needs "kata", "-nya" or ":".
# "pass" is one only where it plainly is: before ":" or "=" ("Pass: kocca"), with "-nya", or
# before a word of letters and digits, after a dash or not ("(pass bakau2024)"; a re-check
# s61, L3: kept in the log). Not "I'll pass 2 links", "pass 2nd round", nor a work's title
# with its year ("Film pendek Pass 2023", "(Pass, 2023)", "Pass: 2023"; a last review s61, H1:
# refused for good as a password). Colons and equals signs full-width too ("pw\uff1a…").
# Nor a title-case "Pass" before a volume or season ("Pass Vol.2", "Pass S2 2024") or
# before title words ("Pass Laut Biru"; fixz61 s61); lowercase "pass 2023" still is one. Any
# "Pass" right before ":" or "=" is one but before a year ("Pass: Laut Biru", "Pass: The
# Movie": masking a title is the safe side; a last review s61, M3: kept in clear), and so is
# a title-case one whose volume, season or title words end in ":" ("Pass Episode 12:
# bakau2024", "Pass S2: kunci2024"). No run of white space may backtrack against another
# (possessive: a last review s61, H1: "Pass", 4,091 spaces, "x" took 3.4-4.6 s).
_COLON = "[:=\uff1a\ufe55\uff1d]"
_DASH = "[-\u2013\u2014]"
_YEAR = r"(?:19|20)\d\d(?!\w)"
_PART = (
    r"(?:vol(?:ume)?|pt|part|s|season|ep|eps|episode|ch|chapter|jilid|bagian|musim|no)"
    r"\.?\s*+\d++(?!\w)"
)
# Each "pass" reads a few words and characters on, never to the message's end (an attacker's
# review s62, M2: "pass-" 815 times, a dash joining them into one word, read that word to its
# end from each "pass": 0.1-1.5 s for 4 KB): a title of at most 12 words, a password's
# letters and digits within its first 64 characters.
_TITLE_WORDS = r"(?-i:[A-Z][a-z]++)(?:\s++(?-i:[A-Z][a-z]++)){1,12}(?!\w)"  # "The Movie"
# A word of letters and digits, not an ordinal ("2nd", "ke-2"): where a password starts.
_LETTERS_AND_DIGITS = (
    r"(?!\d+(?:st|nd|rd|th)(?!\w)|ke-?\d)"
    r"(?=[^\s()\[\]]{0,63}[^\W\d_])(?=[^\s()\[\]]{0,63}\d)"
)
# What a password is for, named between "sandi" or "pass" and its ":" ("sandi vimeo: …").
_WHAT_FOR = "(?:{})(?!\\w)".format(
    "|".join(
        sorted(PLATFORMS | {"video", "vid", "link", "film", "file", "folder", "drive", "gdrive"})
    )
)
_BEFORE_PASSWORD = rf"(?=\s*+{_DASH}\s*+{_LETTERS_AND_DIGITS}|\s++{_LETTERS_AND_DIGITS})"
# "pass word", "pass - word", "pass_word" (s61's close: kept in clear), "pswd", "psw"; not a
# title with its year in brackets ("Password (2019)", "(Password, 2019)": a film, masked, and
# the notable works refused for good).
_WORDS_OF_PASSWORD = (
    # "pasword", "passwrd", "psswd", "pswd", "passwd" too: typed in haste (an attacker's
    # review s64, L1: kept in clear).
    r"(?:pw|pwd|pa?s{1,2}w(?:o?r)?d|psw|passcode|pass\s*+(?:[-_\u2013\u2014]\s*+)?word)"
    rf"(?:-?nya)?(?!\w)(?!\s*+(?:\(\s*+{_YEAR}|,\s*+{_YEAR}\s*+\)))"
)
_PASSWORD = re.compile(
    rf"(?<!\w)(?:{_WORDS_OF_PASSWORD}"
    rf"|kata\s*+sandi(?:-?nya)?(?!\w)|(?:sandi|pass)-?nya(?!\w)|sandi\s*+{_COLON}"
    # "sandi vimeo: …", "pass video: …", "sandi (vimeo): …" (the same review): what it is
    # for, then ":"; "sandi bakau2024": before a word of letters and digits, lowercase
    # ("Sandi R2D2" a name).
    rf"|(?:sandi|pass)(?:\s++{_WHAT_FOR}|\s*+[(\[]\s*+{_WHAT_FOR}\s*+[)\]])(?:-?nya)?\s*+{_COLON}"
    rf"|sandi\s++(?=(?-i:[a-z])){_LETTERS_AND_DIGITS}"
    # "pass" as a password word: lowercase always, "Pass" or "PASS" unless a title follows.
    rf"|(?-i:pass)\s*+{_COLON}|pass\s*+{_COLON}(?!\s*+{_YEAR})"
    rf"|pass\s++(?:{_PART}|{_TITLE_WORDS})[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*+{_COLON}"
    rf"|(?-i:pass){_BEFORE_PASSWORD}"
    rf"|pass(?!\s*+{_DASH}?+\s*+(?:{_YEAR}|{_PART}|{_TITLE_WORDS})){_BEFORE_PASSWORD})",
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


def _linked(word: str) -> str | None:
    """The web link a word of a text is, without the sentence's marks around it; None for
    most words, read at once: a host has a dot (an attacker's review s63, L1: each word of a
    message was parsed as a link several times over)."""
    return web_link(word.strip(AROUND_LINK)) if "." in word else None


def links_in(text: str) -> list[str]:
    """The web links of a text, in order, each once (a talents' review: three links in one
    message at the work's link were "not a web link")."""
    found = (_linked(word) for word in text.split())
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


def named_links(text: str) -> list[str]:
    """The lines of `only_links` that hold a link or an @handle (not the platform named
    before one, "IMDb" of "IMDb saya: …"); none for any other text."""
    return [line for line in only_links(text) or () if names_a_link(line)]


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
    return _none_of(text, "LN")


def no_letters(text: str) -> bool:
    """Whether a text has no letter of any script: digits and symbols only ("4", "12",
    "123", "⏸"), which no full name is (a re-check s60, L2: "4" stored as the name)."""
    return _none_of(text, "L")


def _none_of(text: str, kinds: str) -> bool:
    """Whether a text, not empty, has no character of these Unicode major categories."""
    plain = without_controls(text).strip()
    return bool(plain) and not any(unicodedata.category(char)[0] in kinds for char in plain)


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


# The question whose answer is the talent's own name (a band's or another's is not it).


def password_kept_nowhere(question: Question | None, text: str) -> bool:
    """Whether a talent's message in the form holds a password the form keeps nowhere, so
    the log and the stored update keep it masked whatever the form makes of the message (an
    attacker's review s62, M1: a copy sent twice, a slip, a skip kept it in clear): at a
    question of links any password word ("Password: deli2025" after the link), elsewhere a
    link with its password beside it; never at the note to the team, where the talent is
    told to write it (`question`: the one asked, None at a screen of buttons)."""
    if question is not None and question.welcomes_questions:
        return False
    if question is not None and (question.type == "url" or question.holds_links):
        return _password_beside(text)
    return _password_by_link(text)


def _password_outcome(question: Question, text: str, outcome: Outcome) -> Outcome | None:
    """A message with a password beside a link, as the form takes it: at the link question
    the link without it, elsewhere refused, as often as it is sent; None without one."""
    if question.type == "url" and _password_beside(text) and (links := _links_kept(text)):
        # "vimeo.com/…/showreel2025 (kata sandi: ctimur25)" (a talents' review, s60: refused
        # whole, the link to send again): the link kept, the password never stored, said. So
        # with several (a talents' review s61, M5: a paste of three links, one line with
        # "pw: …", was refused whole): the first kept, the others carried on, as without it.
        return Accepted(links[0], more=tuple(links[1:]), password_left=True)
    if question.type in FREE_TEXT and not question.welcomes_questions and _password_by_link(text):
        # "vimeo.com/wayan/gamelan2025 (kata sandi: gmln25)" at the city (a re-check s60, M3:
        # stored as the city, password and all): a password is kept at no text step but the
        # note the talent is pointed to for it; nothing stored, however often sent.
        return Rejected(Text.INTAKE_PASSWORD_NOT_KEPT)
    refused = outcome.reason if isinstance(outcome, Rejected) else None
    if refused in (Text.INTAKE_BAD_URL, Text.INTAKE_NO_LINK) and _password_beside(text):
        return Rejected(Text.INTAKE_PASSWORD_LATER)  # "Password: deli2025" after the link
    if question.type == "url" and isinstance(outcome, Accepted) and _password_beside(text):
        return Rejected(Text.INTAKE_LINK_ONLY)  # only the link would be kept
    return None


def _several_links(question: Question, text: str, outcome: Outcome) -> Outcome | None:
    """Several links at the link question, refused by its check as no one link: the first
    the answer, the others carried on; None for any other message."""
    refused = outcome.reason if isinstance(outcome, Rejected) else None
    if refused is Text.INTAKE_BAD_URL and question.type == "url":
        links = links_in(text)
        if len(links) > 1:  # "showreel aku 👉 https://vimeo… sama film pendek https://youtu.be…"
            return Accepted(links[0], more=tuple(links[1:]))
    return None


def sent_again(question: Question, text: str, checked: Outcome) -> Outcome:
    """A message asked back ("Kalau itu memang jawabanmu, kirim sekali lagi") and sent once
    more: the answer as the question's check read it, but a password beside a link and
    several links read as in a first answer (an attacker's review s62, H1: taken whole,
    password and all, and two links "bukan tautan web")."""
    return (
        _password_outcome(question, text, checked)
        or _several_links(question, text, checked)
        or checked
    )


def slip(question: Question, text: str, outcome: Outcome) -> Outcome:
    """The outcome of a talent's typed answer, once a question asked or a password typed
    beside the link is told apart from an answer."""
    if isinstance(outcome, Accepted) and outcome.value == NONE_YET:
        if question.type == "url" and _says_where_it_is(text):
            return Rejected(Text.INTAKE_LINK_FOR_IT)  # "…tapi ada di YouTube": its link
        # "belum ada, boleh nyusul kan?" says it already: "type “belum ada”" would ask the
        # talent for what they just typed (a talents' review).
        return outcome
    if question.welcomes_questions and asks_about_data(text):
        # "NOMOR HP KU BUAT APA KAU? JANGAN DIJUAL YA" at the note to the team (a talents'
        # review, s60: stored silently, the worry unanswered until after sending): what the
        # details are for, and the note kept only if sent once more.
        return Rejected(Text.INTAKE_NOTE_DATA_ASKED)
    refused_number = isinstance(outcome, Rejected) and outcome.reason is Text.INTAKE_BAD_PHONE
    if question.type == "phone" and refused_number and _NO_NUMBER.search(fold(text)):
        # "GAK PUNYA WA, DM IG AJA" (a talents' review, s60: "I couldn't recognize that
        # number"): any number will do, why it is asked, and what to do without one.
        return Rejected(Text.INTAKE_PHONE_NONE)
    # A password beside a link is read before a question in the message (an attacker's
    # review s62, H1: "https://vimeo.com/55 pw: bakau2024, link ini harus publik?" was refused
    # as a question, unmasked, and sent again, stored whole): "?" or not, the link is kept
    # without it, or the message refused, however often it is sent.
    password = _password_outcome(question, text, outcome)
    if password is not None:
        return password
    # What the question's own check took as valid data (a link, an address, a number, a
    # choice: "nomor wa saya 0812…?") is the answer; only free text may be a question.
    taken = isinstance(outcome, Accepted) and question.type not in FREE_TEXT
    if not question.welcomes_questions and not taken:
        about = about_the_step(question, text)
        if about is not None:  # "ini wajib ga?": the form answers it, nothing is stored
            return about
    if not question.welcomes_questions and (asks(question, text) or _asks_unmarked(question, text)):
        reason = outcome.reason if isinstance(outcome, Rejected) else None
        if reason in BUTTONS:  # nothing to send again without the "?"
            return Rejected(Text.INTAKE_A_QUESTION_BUTTONS)
        if reason in _NOT_UNDERSTOOD or question.type in NEVER_ASKED:
            return Rejected(Text.INTAKE_A_QUESTION)
    if question.key == _CITY and links_in(text):
        # A link one step early at the city (the same re-check): the link's own question
        # comes; sent once more, it is the answer.
        return Rejected(Text.INTAKE_LINK_EARLY)
    if (
        question.type in FREE_TEXT
        and not question.welcomes_questions
        and not question.holds_links
        and _ADDRESS_ALONE.fullmatch(text.strip().strip(AROUND_LINK))
    ):
        # "putu.wirawan@gmail,com" at the notable works (a talents' review, s60: stored as
        # a work): the email's own question comes; sent once more, it is the answer.
        return Rejected(Text.INTAKE_EMAIL_EARLY)
    several = _several_links(question, text, outcome)
    if several is not None:
        return several
    refused = outcome.reason if isinstance(outcome, Rejected) else None
    if refused is Text.INTAKE_BAD_URL and _says_where_it_is(text):
        return Rejected(Text.INTAKE_LINK_FOR_IT)  # "ada di YouTube channel Ratna Solo"
    if (
        refused is Text.INTAKE_BAD_URL
        and question.type == "url"
        and _none_yet_within(question, text)
    ):
        return Accepted(NONE_YET)  # "…kaset dan pita reel, belum ada di internet"
    if question.type == "short_text" and isinstance(outcome, Accepted):
        name = without_introduction(str(outcome.value), own=question.key == FULL_NAME)
        if name is None:  # "Nama saya", the name itself in the next message
            return Rejected(Text.INTAKE_NAME_ITSELF)
        if name.unsure:  # asked back: the text sent once more is kept whole
            return Rejected(Text.INTAKE_NAME_WHOSE if name.manager else Text.INTAKE_NAME_UNSURE)
        if outcome.city_in is not None:  # "Surabaya" after Jawa Barat: which one is right?
            values = {"city": name.text, "city_province": outcome.city_in}
            return Rejected(Text.INTAKE_CITY_ELSEWHERE, {**values, "province": outcome.elsewhere})
        if outcome.places and outcome.elsewhere is not None:  # neither in the province chosen
            return Rejected(Text.INTAKE_ONE_PLACE_ELSEWHERE, {"province": outcome.elsewhere})
        if outcome.places:  # "Surabaya dan Sidoarjo": which one; sent once more, kept whole
            return Rejected(Text.INTAKE_ONE_PLACE)
        # Only at the city, where it was met: a name is kept as typed ("Sudah Kubilang", a
        # band's name; final review s58 M2: refused).
        said_before = question.key == _CITY and (
            outcome.unsure or _SAID_BEFORE.search(fold(text)) is not None
        )
        if not (outcome.named or name.cut) and said_before:
            return Rejected(Text.INTAKE_ANSWER_ONLY)  # "kan udh kubilang Tarutung bg"
        # A name cut from a sentence is said ("✅ Kucatat: …"), so a wrong cut is seen.
        # Laughter that may be a name's word is cut only after an introduction, not after a
        # name that only lost its emoji (a final review s63, M3: "DJ Haha" stored as "DJ").
        introduced = name.cut and name.text != without_emoji(str(outcome.value))
        kept = without_particles(name.text, introduced=introduced)
        cut = kept != name.text.rstrip(" ,")  # said back too, so a wrong cut is seen
        told = without_aside(kept)
        if question.key in NAME_QUESTIONS and (role := role_aside(kept)) is not None:
            if question.key == FULL_NAME and role[1] in MANAGING:
                # "Ratna Handayani (manajer)": the manager's own name, where the artist's is
                # asked (a last review s61, M4): asked back, as "Saya Ratna, manajer." is.
                return Rejected(Text.INTAKE_NAME_WHOSE)
            return Accepted(role[0], named=True, besides=role[1])  # "Budi Santoso (ketua)"
        said = outcome.named or name.cut or cut or told is not None
        return Accepted(told or kept, named=said)
    return outcome


def _asks_unmarked(question: Question, text: str) -> bool:
    """Whether a typed answer asks without a "?" ("berapa biayanya kak" at the stage name, a
    talents' review s65, F1: stored as the name); never one with a link or an address in it.
    At the city and a choice's own words ("Genre lain"), no answer starts with a word that
    asks, so one that does asks; at choices, a yes-or-no is about picking (step_questions)."""
    if holds_data(text):
        return False
    starting = question.key == _CITY or question.key.endswith(_OTHER)
    return asks_unmarked(text, starting_asks=starting, tagged=question.type not in CHOICES)


# Words that say the answer was given before ("kan udh kubilang Tarutung bg", "sudah saya sebut
# tadi", "I already said it"; a talents' review had such a sentence stored as the city): the
# answer alone is asked for, and the same text once more is kept.
_CITY = "city"
_OTHER = "_other"  # a choice's own words ("genres_other"), typed after "Lainnya"
# "kayak yang aku bilang", "like I said" too (a talents' review: stored whole).
_SAID_BEFORE = re.compile(
    r"\b(?:udah|udh|sudah|sdh|dah|kan|tadi|already|kayak|kaya|kyk|kek|seperti|sprti|spt"
    r"|sesuai|(?:like|as)\s+i)\b.*\b(?:bilang|kubilang|blg|sebut\w*"
    r"|disebut\w*|tulis|kutulis|ditulis|said|told|mentioned|wrote)\b"
)


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


# No WhatsApp or no number, or another way to be reached, at the phone question ("GAK PUNYA
# WA, DM IG AJA", "ga ada hp", "hubungi lewat email aja", "no whatsapp, use instagram").
_NO_NUMBER = re.compile(
    r"\b(?:(?:ga|gak|gk|nggak|ngga|enggak|tidak|tdk|ndak|belum|blm|no|dont|don\s+t|do\s+not)"
    r"\s+(?:(?:punya|ada|pakai|pake|pakek|make|main|have|use|using)\s+)?"
    r"(?:wa|whatsapp|watsap|hp|handphone|nomor|nomer|no\s+hp|phone|number|cellphone)"
    r"|(?:dm|chat|hubungi|kontak|contact|message|reach)\s+(?:\w+\s+){0,2}?"
    r"(?:ig|instagram|insta|email|e\s+mail|telegram|tele|tg|twitter|x|line|facebook|fb)"
    r"|(?:lewat|via|melalui|through|on)\s+(?:ig|instagram|insta|email|telegram|dm))\b"
)


# An email address alone, its dot perhaps typed as a comma ("putu@gmail,com").
_ADDRESS_ALONE = re.compile(r"[^\s@]+@[^\s@,.]+(?:[.,][^\s@,.]+)+")


def _password_beside(text: str) -> bool:
    """Whether a text has a password word outside its links, or a link with its password in
    it ("vimeo.com/123?password=…"), as `without_password` masks."""
    # The first password word that is one will do (an attacker's review s63, L1: each
    # password word's few words around it read for all of them, on every reading).
    return any(_said(text, *at) for at in _candidates(text)) or bool(_link_passwords(text))


def _link_passwords(text: str) -> list[tuple[int, int]]:
    """Where the values of its links' password parameters are in a text ("abc123" of
    "https://vimeo.com/123?password=abc123"; a last review s61: stored and kept in clear)."""
    found = []
    for word in _WORD.finditer(text):
        typed = word.group()
        core = typed.strip(AROUND_LINK)
        if "=" not in core or web_link(core) is None:
            continue
        at = word.start() + len(typed) - len(typed.lstrip(AROUND_LINK))
        found += [(at + start, at + end) for start, end in password_values(core)]
    return found


def _password_by_link(text: str) -> bool:
    """Whether a text gives a link with its password (as the link question reads one): not
    a band called "Password" alone."""
    return bool(links_in(text)) and _password_beside(text)


# What a password is masked with where the talent's message is kept (the conversation log).
MASK = "••••"
# Where a line ends: every break str.splitlines knows ("\r\n", "\u2028" too).
_LINE_END = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# Between a password word and its password: marks, and the word's own closing bracket
# ("(password) bakau2024", a final review s61, H1: the link was run into the next word).
_SPACE = r"[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*"  # white space within a line
_BETWEEN = re.compile(rf"{_SPACE}[:=\uff1a\ufe55\uff1d)\]\-\u2013\u2014]*{_SPACE}")
# Words that point to a password elsewhere ("kata sandi di bawah ini:", "password below").
_POINTING = frozenset(
    "di bawah dibawah below berikut berikutnya follows following as ini here is adalah yaitu"  # noqa: SIM905 -- a word list reads best as words
    " yakni nya ya".split()
)
_WORD = re.compile(r"\S+")
_PIECE = re.compile(r"[^\s()\[\]]+")  # a word without its brackets: "(pw: ••••)"
_BRACKET = re.compile(r"[()\[\]]")
# A part without brackets, from its first character to its last that is no space.
_UNBRACKETED = re.compile(r"[^\s()\[\]](?:[^()\[\]]*[^\s()\[\]])?")
_CLOSING_WITHIN = 200  # a password is short: a bracket further on closes something else
_HOME_LONGEST = 300  # "https://" and a host name of at most 253 characters, a mark or two


def _closing(text: str, start: int, end: int) -> int | None:
    """Where the bracket that closes one opened before start is, between start and end; None
    if none. A bracket opened after the password word is a remark, the password after it
    ("password (vimeo): bakau2024", "pw vimeo (private): …"; an attacker's review s64, H1:
    the mask stopped at its ")", the password kept in clear)."""
    opened = 0
    for bracket in _BRACKET.finditer(text, start, end):
        if bracket.group() in "([":
            opened += 1
        elif not opened:
            return bracket.start()
        else:
            opened -= 1
    return None


def _password_words(text: str) -> list[tuple[int, int]]:
    """Where the password words of a text outside its links are in it."""
    return [at for at in _candidates(text) if _said(text, *at)]


def _said(text: str, start: int, end: int) -> bool:
    """Whether the password word at start:end says a password is there: neither that there
    is none ("tanpa password") nor a work's title ("Film Password https://…")."""
    return (
        not _said_none(text, start, end)
        and not _titled(text, start, end)
        and not _same_as_before(text, start, end)
    )


def _candidates(text: str) -> list[tuple[int, int]]:
    """Where the words of a text outside its links that may be password words are: the links blanked
    (same length), so detection and masking read one text alike. Read in Unicode's
    compatibility form ("\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44: …" as
    "password: …"; the form's text is not folded before this, fixz61 s61), each place
    that of the text as typed."""
    blanked = _WORD.sub(
        lambda word: " " * len(word.group()) if _linked(word.group()) is not None else word.group(),
        text,
    )
    if blanked.isascii() or unicodedata.is_normalized("NFKC", blanked):  # its own form
        found = [found.span() for found in _PASSWORD.finditer(blanked)]
    else:
        read, typed_at = _compatible(blanked)
        found = [
            (typed_at[word.start()], typed_at[word.end()]) for word in _PASSWORD.finditer(read)
        ]
    return found


# A title before its link, the link ending the line ("Film Password https://youtu.be/…"; the
# previous helper's list s62: at the notable works, refused every time as a password).
_LINK_ENDS_LINE = re.compile(
    rf"(?=\s)(?!{_LINE_END.pattern}){_SPACE}(\S++){_SPACE}(?:{_LINE_END.pattern}|$)"
)


def _titled(text: str, start: int, end: int) -> bool:
    """Whether the password word at start:end is a work's title: "Password" written as a
    title is, with a link right after it that ends its line ("Film Password https://…"),
    where nothing is left after it for a password to be. So is "sandi" or "pass" with what
    it is for after a capitalised word, or both capitalised ("Boarding Pass (film): https://…",
    "Kode Sandi (film): …", "Sandi Film: Rahasia"), and a password word typed in haste,
    capitalised after a capitalised word ("PT Pasword"; a final review s64, M1: refused at
    the notable works as a password), each only with a title's end after it: nothing, a
    link or a capitalised word of letters ("Pass Video: bakau2024" is a password)."""
    typed = unicodedata.normalize("NFKC", text[start:end])
    if typed == "Password":
        after = _LINK_ENDS_LINE.match(text, end)
        return after is not None and web_link(after.group(1).strip(AROUND_LINK)) is not None
    for_what = _FOR_WHAT.fullmatch(typed)
    if for_what is not None:
        word, what = for_what.group(1), for_what.group(2) or for_what.group(3)
        named = word.istitle() and what.istitle() and what.casefold() not in PLATFORMS
        return (named or _after_capital(text, start)) and _title_ends(text, end)
    if _IN_HASTE.fullmatch(typed) is not None and _after_capital(text, start):
        colon = unicodedata.normalize("NFKC", text[end : end + 1]) in (":", "=")
        return not colon and _title_ends(text, end)
    return False


# "sandi" or "pass" and what the password is for, up to its ":" (one branch of _PASSWORD).
_FOR_WHAT = re.compile(
    rf"(sandi|pass)(?:\s++({_WHAT_FOR})|\s*+[(\[]\s*+({_WHAT_FOR})\s*+[)\]])(?:-?nya)?\s*+{_COLON}",
    re.I,
)
_IN_HASTE = re.compile(r"P(?:a?s{1,2}w(?:o?r)?d)")  # "Pasword", "Passwrd", "Psswd", "Passwd"
# The word before, on the same line ("Boarding" of "Boarding Pass (film): …").
_WORD_BEFORE = re.compile(rf"([^\W\d_][\w'\u2019.&-]*+)(?=\s){_SPACE}\Z")


def _after_capital(text: str, start: int) -> bool:
    """Whether the word right before start on its line is capitalised ("Kode", "PT")."""
    before = _WORD_BEFORE.search(text[max(0, start - _AROUND) : start])
    return before is not None and before.group(1)[0].isupper()


def _title_ends(text: str, end: int) -> bool:
    """Whether what follows end (its first word, on any line) ends a title, not a password:
    nothing, a link, or a capitalised word of letters alone ("Rahasia", not "Rahasia2024")."""
    after = text[end : end + _HOME_LONGEST].split(maxsplit=1)
    if not after:
        return True
    if web_link(after[0].strip(AROUND_LINK)) is not None:
        return True
    word = unicodedata.normalize("NFKC", after[0]).strip(AROUND_LINK + "'\"\u2018\u2019")
    return word.isalpha() and word.istitle()


# No password, said ("no password needed", "tanpa password", "gak pake pw", "password: tidak
# ada", "pw not needed"; a last review s61: the words around masked, the talent told a
# password was dropped, and at the notable works refused for good): a word of not before the
# password word, one or two of having or needing between, or one right after it.
_NO = frozenset(
    "no tanpa without tak gak ga gk g nggak ngga enggak tidak tdk ndak belum blm bukan".split()  # noqa: SIM905 -- a word list reads best as words
)
_HAVING_OR_NEEDING = frozenset(
    "pake pakai pakek make ada perlu butuh usah need needs needed use using a any di".split()  # noqa: SIM905 -- a word list reads best as words
)
_NONE_AFTER = _NO | frozenset("none nope kosong not isn isnt gaada gada".split())  # noqa: SIM905 -- a word list reads best as words
_FILLERS_AFTER = frozenset("nya is ya sih juga yg yang".split())  # noqa: SIM905 -- a word list reads best as words
_AROUND = 40  # characters read on either side: a few words


def _said_none(text: str, start: int, end: int) -> bool:
    """Whether the password word at start:end says there is none ("tanpa password"), read
    within its sentence ("pake pw ga? pw: kocca25" has one)."""
    cut = max(0, start - _AROUND)
    before = _SENTENCE_END.split(unicodedata.normalize("NFKC", text[cut:start]))
    words = _folded(before[-1])
    if cut and len(before) == 1 and not text[cut - 1].isspace():
        words = words[1:]  # a word cut at the window's start is no word
    while len(words) > 1 and words[-1] in _HAVING_OR_NEEDING:
        words.pop()
    if words and words[-1] in _NO:
        return True
    after = unicodedata.normalize("NFKC", text[end : end + _AROUND]).lstrip(_MARKS_AFTER)
    said = (word for word in _folded(_SENTENCE_END.split(after)[0]) if word not in _FILLERS_AFTER)
    return next(said, None) in _NONE_AFTER


# The password said to be the one given before ("pw nya masih sama ji", "password is the same
# as before", "pw unchanged"; a talents' review s64, L6: told a password was left out, though
# none was given): a remark, said back as other remarks beside a link are. Only when nothing
# but that, chat and links is left of the message from the password word on, and no word
# with a digit stands before it on its line: a password may follow ("pw masih sama: x1",
# "pw sama kayak kemarin\nbakau2024") or precede it, and when unsure, it is masked.
_SAME = re.compile(
    r"(?:(?:masih|msh|masi|tetap|tetep|ttp|still)\s)?(?:the\s)?"
    r"(?:sama|same|unchanged|(?:ga|gak|gk|nggak|ngga|tidak|tdk|belum|blm|ndak)\sberubah"
    r"|(?:has\s|hasn\st\s)?not\schanged|hasn\st\schanged)"
    r"(?:\s(?:(?:seperti|kayak|kaya|kyk|kek|spt|dengan|dgn|dg|as|like)\s)?"
    r"(?:sebelumnya|sblmnya|sebelum|yang\slama|yg\slama|yang\skemarin|yg\skemarin|kemarin"
    r"|kmrn|yang\sdulu|yg\sdulu|dulu|tadi|lama|before|earlier|last\stime|the\sold\sone))?"
    r"(?!\S)"
)
_AROUND_SAME = (
    CHAT_WORDS
    | TRAILING_PARTICLES
    | frozenset(
        "kok koq kan yah ok oke okay makasih makasi terima kasih thanks thx tq mas mbak juga"  # noqa: SIM905 -- a word list reads best as words
        " kayaknya sepertinya kyknya".split()
    )
)
_SAME_AFTER_LONGEST = 120  # a remark is short: a longer rest may hold a password


def _same_as_before(text: str, start: int, end: int) -> bool:
    """Whether the password word at start:end says the password is the one given before, and
    nothing else that may be a password is said around it (_SAME)."""
    rest = text[end:]
    if len(rest) > _SAME_AFTER_LONGEST or "=" in rest or ":" in rest:
        return False
    # A link after it is no password ("… pw sama ya https://…").
    words = _folded(" ".join(word for word in rest.split() if _linked(word) is None))
    while words and words[0] in _FILLERS_AFTER:  # "pw nya", "password is"
        words.pop(0)
    said = _SAME.match(" ".join(words))
    if said is None or not set(said.string[said.end() :].split()) <= _AROUND_SAME:
        return False
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    before = (word for word in text[line_start:start].split() if _linked(word) is None)
    return not any(character.isdigit() for word in before for character in word)


def _folded(part: str) -> list[str]:
    """The words of a part of a text as `fold` reads them; a part in ASCII (most), at once
    (an attacker's review s63, L1: read around each of hundreds of password words)."""
    if part.isascii():
        return _NOT_FOLDED.sub(" ", part.lower()).split()
    return fold(part).split()


_NOT_FOLDED = re.compile(r"[^a-z0-9]+")  # as `fold` reads


_SENTENCE_END = re.compile(r"[.?!;:,()\[\]\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_MARKS_AFTER = " \t:=)]-\u2013\u2014"  # between a password word and what it says


def _password_links(
    text: str, candidates: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Where a password that looks like a link is ("pw: https://bakau2024.com"; fixz61 s61:
    carried on as one more link): right after a password word and its ":" or "=", a link to
    a site's home only (a link to a page after "password:" stays a link); whether a word is
    a password word is read only before such a link. `candidates`: the text's `_candidates`,
    if read already."""
    found = []
    for start, end in _candidates(text) if candidates is None else candidates:
        after = _BETWEEN.match(text, end).end()  # type: ignore[union-attr]
        if not {":", "="} & set(unicodedata.normalize("NFKC", text[end:after])):
            continue
        # A site's home is short: a longer word is none, and is read no further ("\uff50\uff57:"
        # 1,365 times in one word, a last review s61, H1: each read to the end, 142-156 ms).
        word = _PIECE.match(text, after, min(len(text), after + _HOME_LONGEST + 1))
        if word and len(word.group()) > _HOME_LONGEST:
            continue
        link = word and _linked(word.group())
        if not word or not link or urlsplit(link).path.strip("/") or urlsplit(link).query:
            continue
        if _said(text, start, end):
            found.append(word.span())
    return found


def _links_kept(text: str) -> list[str]:
    """The links of a text but a password that looks like one."""
    for start, end in reversed(_password_links(text)):
        text = text[:start] + " " * (end - start) + text[end:]
    return links_in(text)


def _compatible(text: str) -> tuple[str, list[int]]:
    """A text in Unicode's compatibility form, one character at a time, and where each of
    its characters (and its end) was in the text. A run of characters already in that form
    is read at once (an attacker's review s63, L1: a masked message, "••••" on each of its
    lines, was read one character at a time)."""
    read: list[str] = []
    typed_at: list[int] = []
    for run in _RUN.finditer(text):
        same = run.group()
        if same.isascii() or unicodedata.is_normalized("NFKC", same):  # its own form
            read.append(same)
            typed_at += range(run.start(), run.end())
            continue
        for at, character in enumerate(same, run.start()):
            its_form = unicodedata.normalize("NFKC", character)
            read.append(its_form)
            typed_at += [at] * len(its_form)
    return "".join(read), [*typed_at, len(text)]


_RUN = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")  # ASCII or not


_MOST_PASSWORD_WORDS = 50  # in one message, each read on its own


def without_password(text: str) -> str:
    """A message that gave a link with its password, as the log may keep it (a talents'
    review s61, M6: "kata sandi tidak kami simpan" while the log kept "pw: bakau2024"). For
    each password word outside a link: the words after it on its line, up to a closing
    bracket ("pw: ••••", "(password) ••••"); if none, those before it since the last link
    ("•••• passwordnya https://…"), unless a ":" or "di bawah" points on; if still none and
    no link follows, the next line with words ("Password:\n••••"; a final review s61, H1),
    or else the line before. A link's own password, the value only
    ("https://vimeo.com/123?password=••••"). Links, marks and spacing are kept as typed."""
    spotted = _candidates(text)  # read once: each reading is of the whole message
    passwords = set(_password_links(text, spotted))
    runs = _link_passwords(text)  # "vimeo.com/123?password=••••": the key kept, so it is said
    words = [
        _Word(at.start(), at.end(), "word" if at.span() in passwords else _kind(at.group()))
        for at in _PIECE.finditer(text)
    ]
    starts = [word.start for word in words]
    ends = [word.end for word in words]
    if len(spotted) > _MOST_PASSWORD_WORDS:
        # No one writes so many: every word but the links and the first password word
        # masked, none read one by one (an attacker's review s63, L1: "(pw) " 815 times on
        # one line, each read, took 50-80 ms).
        start, end = spotted[0]
        after = _BETWEEN.match(text, end).end()  # type: ignore[union-attr]
        first = bisect_left(starts, after)
        head = [_Word(after, ends[first - 1], "word")] if first and ends[first - 1] > after else []
        runs += _runs([word for word in words if word.end <= start])
        runs += _runs([*head, *words[first:]])
        spotted = []
    links_at = [index for index, word in enumerate(words) if word.kind == "link"]
    lines = _lines(text)
    line_starts = [start for start, _ in lines]
    done = 0
    for found_start, found_end in spotted:
        if found_start < done or not _said(text, found_start, found_end):
            continue  # inside a part masked already, or no password word after all
        line = bisect_right(line_starts, found_start) - 1
        line_start, line_end = lines[line]
        after = _BETWEEN.match(text, found_end).end()  # type: ignore[union-attr]
        stop = _closing(text, after, min(line_end, after + _CLOSING_WITHIN)) or line_end
        # The words after it on its line, read only as far as they count (an attacker's
        # review s63, L1: each password word copied and read all words to its line's end,
        # "(pw) " 815 times on one line took 50-80 ms).
        first = bisect_left(starts, after)
        last = bisect_left(starts, line_end, lo=first)
        head = [_Word(after, ends[first - 1], "word")] if first and ends[first - 1] > after else []
        following = itertools.chain(head, itertools.islice(words, first, last))
        pointing, rest = 0, []
        for word in following:  # the marks and the words pointing on, up to what is said
            if word.kind == "mark":
                continue
            if not _points(text, word):
                rest = [word]
                break
            pointing += 1
        for word in following:  # what is said, up to the closing bracket
            if word.end > stop:
                break
            rest.append(word)
        masked = _runs([word for word in rest if word.end <= stop])
        between = unicodedata.normalize("NFKC", text[found_end:after]).strip()
        # Its ":" may be part of the word found ("sandi:", "pass vimeo:"; a final review s64:
        # the word before masked, the password on the next line kept in clear).
        ending = unicodedata.normalize("NFKC", text[found_end - 1 : found_end])
        points_on = pointing > 0 or between[:1] in (":", "=") or ending in (":", "=")
        if not masked and not points_on:
            before = words[
                bisect_left(starts, max(line_start, done)) : bisect_left(starts, found_start)
            ]
            links = [index for index, word in enumerate(before) if word.kind == "link"]
            masked = _runs(before[links[-1] + 1 :] if links else before)
        link_after = bisect_left(links_at, first)
        if not masked and not (link_after < len(links_at) and links_at[link_after] < last):
            masked = _line_runs(words, starts, lines, range(line + 1, len(lines)))
            masked = masked or _line_runs(words, starts, lines, range(line - 1, -1, -1))
        runs += _bracketed(text, masked)
        done = max([found_end, *(end for _, end in masked)])
    kept, at = [], 0
    for start, end in sorted(set(runs)):  # one mask for parts that overlap
        if start >= at:
            kept += [text[at:start], MASK]
        at = max(at, end)
    return "".join([*kept, text[at:]])


def _bracketed(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs to mask parted at the brackets in them, which stay ("pw (yang vimeo) bakau2024":
    "pw (••••) ••••", the remark's bracket still seen closed)."""
    parted = []
    for start, end in runs:
        for piece in _UNBRACKETED.finditer(text, start, end):
            parted.append(piece.span())
    return parted


# What every password word and link password key holds, read without case in Unicode's
# decomposed compatibility form (which keeps each letter the compatibility form reads), or
# the "=" of a link's parameter: a message without any has no password (most messages).
_MAYBE_PASSWORD = re.compile(r"pw|psw|pass|pasw|pssw|sandi|=", re.I)


def password_masked(text: str) -> str:
    """A text with any password in it masked as `without_password` masks one; the text
    itself, read cheaply, when nothing in it may be a password."""
    if text.isascii():  # most messages: ASCII letters match without case as in lower case
        read = text.lower()
        maybe = (
            "pw" in read
            or "psw" in read
            or "pass" in read
            or "pasw" in read
            or "pssw" in read
            or "sandi" in read
            or "=" in read
        )  # _MAYBE_PASSWORD's words, ten times cheaper than its search without case
    else:
        maybe = _MAYBE_PASSWORD.search(unicodedata.normalize("NFKD", text)) is not None
    return without_password(text) if maybe else text


@dataclass(frozen=True, slots=True)
class _Word:
    """A word of a message, where it is, and whether it is a link, a mark or a word."""

    start: int
    end: int
    kind: str


def _kind(typed: str) -> str:
    if _linked(typed) is not None:
        return "link"
    # A mask is the password it stands for: masked again, it stays as it is (the form masks
    # a message once it is read, and an answer taken from it once more).
    masked = MASK in typed
    return "word" if masked or _LETTER_OR_DIGIT.search(typed) else "mark"


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")  # as str.isalnum reads


def _points(text: str, word: _Word) -> bool:
    """Whether a word after a password word points on to it ("di bawah ini:")."""
    return word.kind == "word" and " ".join(_folded(text[word.start : word.end])) in _POINTING


def _lines(text: str) -> list[tuple[int, int]]:
    """Where each line of a text starts and ends."""
    lines, start = [], 0
    for ending in _LINE_END.finditer(text):
        lines.append((start, ending.start()))
        start = ending.end()
    return [*lines, (start, len(text))]


def _runs(words: Sequence[_Word]) -> list[tuple[int, int]]:
    """The runs of words (not links nor marks) to mask, as one each."""
    runs: list[tuple[int, int]] = []
    joined = False  # the word before was a word too: one run
    for word in words:
        if word.kind == "word":
            runs[-1:] = (
                [(runs[-1][0], word.end)] if joined else [*runs[-1:], (word.start, word.end)]
            )
        joined = word.kind == "word"
    return runs


def _line_runs(
    words: Sequence[_Word], starts: Sequence[int], lines: Sequence[tuple[int, int]], order: range
) -> list[tuple[int, int]]:
    """The runs to mask of the first line, in this order, that has any word at all."""
    for index in order:
        start, end = lines[index]
        held = words[bisect_left(starts, start) : bisect_left(starts, end)]
        if held:
            return _runs(held)
    return []
