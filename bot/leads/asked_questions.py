"""A typed answer that reads as a question ("kak ini gratis kan?" at the name, "data saya
buat apa?" at the consent), the part of a message that asks, and a message too short to be
sure what it asks.

The form answers such a message from the FAQ instead of storing it (strictly where the "?"
may be the answer typed unsure: a name, a number). Pure text rules, no I/O.
"""

from __future__ import annotations

import re
from typing import Any

from bot.answers.text import asks_something
from bot.content import LANGUAGES, Content, Question
from bot.leads.answer_outcomes import Rejected
from bot.leads.choice_words import named_choices
from bot.leads.intent_words import TRAILING_PARTICLES
from bot.leads.step_questions import ASKED_WORDS
from bot.leads.unmarked_questions import asks_unmarked
from bot.leads.web_links import AROUND_LINK, web_link
from bot.store.note_words import note_asks
from bot.store.support import NOTE_KEY
from bot.texts import Text

# A question mark (or the full-width one) with nothing after it but emoji, spaces, invisible
# characters or closing punctuation: "berapa ya kak?🙏", "gratis kan?\u200b"; not a title in
# quotes that ends in one ('Lagu "Kenapa?"'). Only the marks the text ends in are read, from
# where they start (lookbehind) once: "[?](…)[\W_]*$" read them again from every "?", seconds
# on 4,095 "?" and a letter at a name (an attacker's review, s58).
_ASKED = re.compile(r"(?<![\W_])(?=[\W_]*+$)[\W_]*?[?\uff1f](?![\"'\u201d\u2019\u00bb])")
# A "?" followed by more words: a question and what follows it, at a name or a number (a
# talents' review: it was stored as the stage name); a long text may quote a title with one.
# Read from the last "?" before the words only, so each mark is read once (as _ASKED).
_ASKED_WITHIN = re.compile(r"[?\uff1f](?:[^\w?\uff1f]|_)*\s[^\W_]")
_ASKED_WITHIN_TYPES = frozenset({"short_text", "number"})
# A long answer (notable works, other links) this short, on one line and ending in "?", is a
# question asked mid-form ("maksudnya karya yang mana kak?"), not works or links.
ASKED_LONG_TEXT_LIMIT = 120
# Where an answer ending in "?" is a question even when it would pass: a name, a company, a
# city, a number of years never ends in one ("aku 24 tahun?").
NEVER_ASKED = frozenset({"short_text", "long_text", "number"})


# What the form says of an answer that reads as a question ("Sepertinya itu pertanyaan…").
READ_AS_ASKED = frozenset({Text.INTAKE_A_QUESTION, Text.INTAKE_A_QUESTION_BUTTONS})


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
        if not (at_buttons and (asks_something(text) or asks_unmarked(text))):
            return False  # "5 tahun ya kak?", "Inggris?" at the languages
    if error is not None:
        return error.reason in READ_AS_ASKED
    # At buttons nothing typed is an answer: a "?" with more after it asks too (a talents'
    # review: "Data saya … ke pihak lain atau tidak? Saya khawatir …" at the consent was
    # only told to press a button).
    marked = _ASKED.search(text.strip()) or _ASKED_WITHIN.search(text)
    # Without a "?" too ("kak ini data sy aman gk", a talents' review s65, F1: only told to
    # press a button, where "apakah data saya aman?" was answered).
    asked = marked is not None or asks_unmarked(text, starting_asks=True)
    return note is Text.INTAKE_USE_BUTTONS and asked


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


def few_words(text: str) -> bool:
    """Whether a message has fewer than ASKED_WORDS words, chat particles aside: too few to
    be sure what it asks ("how long?" got when a registrant hears back, "solo apa?" the music
    talks' page: an attacker's review), so the form offers entries and answers none."""
    words = (word.casefold().strip(".,!?~\uff1f") for word in text.split())
    return sum(1 for word in words if word and word not in TRAILING_PARTICLES) < ASKED_WORDS


def asking_part(text: str) -> str:
    """What a message asks: up to its last "?" when more follows it ("Apakah data saya
    dijual? saya Rahmat Hidayatullah, email …", an attacker's review: the name after it went
    into the question's record); all of it otherwise."""
    last = max(text.rfind("?"), text.rfind("\uff1f"))
    if last < 0 or _ASKED.search(text.strip()) is not None:
        return text
    return text[: last + 1]


# A question on when or where ("MU:CON kapan diadakan?", "tanggal berapa?", "where is it
# held?"): a program's line says what it is, its `timing` when and where (a re-check: the
# line alone gave no date, where the page outside the form did).
_WHEN_WHERE = re.compile(
    r"\b(?:kapan|kpn|tanggal\w*|tgl|jadwal\w*|bulan\s+apa|tahun\s+berapa|di\s*mana|dmn"
    r"|when|dates?|schedule\w*|where)\b",
    re.IGNORECASE,
)


def asks_when(text: str) -> bool:
    """Whether a question asks when or where something is ("MU:CON kapan diadakan?")."""
    return _WHEN_WHERE.search(text) is not None


# A word that asks, beside a program's name at a name, a company or a city ("ACF itu apa sih",
# "mucon dmn kak", "kapan MU:CON?"; a final review s58: stored as the full name).
_ASKING_WORD = re.compile(
    r"\b(?:apa|apaan|kapan|kpn|di\s*mana|dimana|dmn|gimana|bagaimana|when|what|where|how)\b",
    re.IGNORECASE,
)
# A program's own short name as its pages write it ("ACF", "BCWW", "MU:CON"), whole words
# only: "Apa Kabar Band" names none.
_ACRONYM = re.compile(r"[A-Z][A-Z:]{2,}")
# Longer, and a text is more likely an answer that mentions a program.
_PROGRAM_QUESTION_WORDS = 8


def _name_words(text: str) -> set[str]:
    """A text's words, folded, without the colon of "MU:CON" ("mucon")."""
    return {word.replace(":", "") for word in re.findall(r"[\w:]+", text.casefold())}


def programs_asked(content: Content, text: str) -> tuple[str, ...]:
    """The programs a short text asks about by name, with a word that asks or a "?"
    ("BCWW kapan?", "ACF itu apa sih"): a question, never a name, a company or a city."""
    marked = "?" in text or "\uff1f" in text
    if len(text.split()) > _PROGRAM_QUESTION_WORDS or not (marked or _ASKING_WORD.search(text)):
        return ()
    typed = _name_words(text)
    found = []
    for page in content.programs.values():
        labels = (page.choice_label, page.title)
        names = (*page.words, *(label.get(language) for label in labels for language in LANGUAGES))
        acronyms = {word for name in names for word in _ACRONYM.findall(name)}
        if not typed.isdisjoint(_name_words(" ".join(acronyms))):
            found.append(page.key)
    return tuple(found)


def programs_named(
    question: Question | None, content: Content, answers: dict[str, Any], text: str
) -> tuple[str, ...]:
    """The programs a question typed at the programs question names ("MU:CON itu apa…?
    Bedanya dengan Musisi ke Korea apa?"), as its choices are read in a question."""
    if question is None or question.choices_from != "programs":
        return ()
    return tuple(named_choices(question, content, answers, text, asked=True))


def could_be_its_answer(question: Question | None) -> bool:
    """Whether a "?" message may be this question's answer, typed unsure ("The Open Call
    Band?" at the stage name, "sekitar 5 tahun lebih?"): a name, a title, a text, a number."""
    return question is not None and question.type in NEVER_ASKED


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


def asks_in_note(answers: dict[str, Any]) -> bool:
    """Whether the form's note to the team ("Pesan untuk tim kami", its last answer) asks
    something (a talents' review: "kalau ke Korea biaya tiket siapa yang tanggung?" was filed
    with the lead, and she waited for an answer). Whether it still waits for staff is the
    store's to say (bot/store/support.py NOTE_WAITING_FROM, by the same rule: a "?", or
    words that ask, as "Mohon kabar apakah biaya perjalanan ditanggung.")."""
    return note_asks(answers.get(NOTE_KEY))


def note_question(answers: dict[str, Any]) -> str:
    """What the form's note to the team asks, as a staff answer's heading quotes it (a staff
    re-check s57, N1: the answer came as "A message from our team", naming no question): from
    its sentence that asks to its last "?", with "…" before it when the note said something
    first ("…Who should we talk to?"); "" when the note asks nothing."""
    if not asks_in_note(answers):
        return ""
    note = str(answers[NOTE_KEY]).strip()
    split = answered_then_asked(note)
    return f"…{asking_part(split[1])}" if split else asking_part(note)
