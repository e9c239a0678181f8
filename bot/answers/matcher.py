"""Which FAQ entry or program page answers a free message: bm25s over stemmed id+en words.

Each entry is indexed as several short documents: its question (FAQ) or title (program page)
and each of its `ask:` phrasings, in both languages, plus its answer text, whose weight is
lower (an answer mentions many things it is not about). An entry scores as its best
document. Words the index does not know are matched to a word of a phrasing by rapidfuzz when
they are a likely typo ("showril", "pendaftran"); neighbours are tried joined ("mu con").

bm25s finds the candidates; how well each fits the message decides, because BM25 scores do
not compare across messages. The fit of an entry is the share of the message it explains
(words weighted by how rare they are among entries; a word the index does not know counts
against it 2.4 times as much as the rarest word an entry has, so "cara bayar pajak" is mostly
unexplained though "bayar" is a who_can_apply word: the off-topic guard), times how much of
its closest phrasing the message says ("kocca itu apa" says all of a what_is_kocca phrasing,
half of "kocca ada di jakarta"). The confidence is the best fit, lowered when the
runner-up fits nearly as well. What a message sets aside ("selain mucon ada apa lagi",
"other than BIFF") is left out of it, and the entries it names are neither answer nor
suggestion. Nor does what says who asks count: a role or the talent's own name that no entry
has, the place they are from ("saya gitaris dari bandung", "nama saya Dimas").
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal

import bm25s
import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.answers.text import (
    MAX_WORDS,
    content_stems,
    content_words,
    forget_words,
    is_content,
    name_words,
    nothing_written,
    regrets_erasure,
    set_aside,
    small_talk,
    stem,
    talk_in,
    taught_key,
    taught_key_of,
    without_called,
    without_late_reply,
    words,
)
from bot.answers.words import (
    ABOUT_TALENT,
    ABOUT_TALENT_IF_SAID,
    AGES,
    ARTICLES,
    ASKING_FOR,
    COUNTED,
    EVENTS,
    FIRST_PERSON,
    FROM,
    GENRE_ELSEWHERE,
    GENRE_KINDS,
    GENRE_WORD,
    GENRES,
    GREETINGS,
    INSTRUMENTS,
    INTRODUCING,
    JOINING,
    MAY,
    NOT_A_PLACE,
    NOT_A_ROLE,
    NOT_BEING,
    PLAYING,
    QUESTION_CUES,
    QUESTION_CUES_EN,
    REGISTERING,
    SALUTATIONS,
    SENDER,
    SIGNING_UP,
    SOURCED,
    STOPWORDS,
    THANKS,
    TOPIC_HEADS,
)
from bot.content import LANGUAGES, Content, T

Kind = Literal["faq", "program"]
_PLACEHOLDER = re.compile(r"\{\w+\}")
# What a wish to register comes down to once its small words are gone ("daftar", "ikut").
_REGISTERING_STEMS = frozenset({*map(stem, REGISTERING), stem("ikut"), stem("join")})
ANSWER_WEIGHT = 0.6  # an answer's words count less than the phrasings made to be matched
ANSWER_CREDIT = 0.5  # and a word found only there explains less of the message
PHRASING = 0.6  # fit = explained x (1 - PHRASING + PHRASING x closest phrasing said)
# A tie is never sure: the confidence drops to 0 as the runner-up's fit nears the best's;
# a runner-up at 80 % of the best's fit costs 17 % of it.
MARGIN = 1.0
MARGIN_POWER = 8
# The off-topic guard: a word no entry has weighs UNKNOWN times the rarity of a word half an
# entry has, 2.4 times the rarest word an entry has ("cara bayar pajak" is about pajak, not
# about paying to register; ASK_ANSWER_CONFIDENCE was chosen with it).
UNKNOWN = 2.0
# A question among sentences that tell is answered alone only if the whole message fits its
# entry nearly as well as the entry it fits best (this share of that fit: verdict.NEAR).
TOLD_NEARLY = 0.8
CANDIDATES = 4  # entries kept per match: one answer and up to three others
FUZZY_MIN_LENGTH = 4  # shorter words are too easily one letter from another word
TWO_TYPOS_FROM = 7  # letters: "showril" is two edits from "showreel", "curhat" not "chat"
TYPO_CREDIT = 0.75  # a corrected word may have been another word
CORRECTIONS = 10_000  # unknown words whose correction is remembered (about 1 MB at most)
NAMED_BY = 2  # a stem set aside leaves out the entries it names, if it names at most this many
PROGRAM_WORD = "program"  # what a message that sets a program page aside still asks about
REGISTER_WORD = "daftar"  # what a message of who asks and "bisa?" alone asks about
# ... and a message of who asks alone ("choir", "drummer?"), less surely: whether they may
# register is a guess, offered alone (a suggestion at the default thresholds), not answered.
WHO_ONLY_CREDIT = 0.3
PRONOUN_PREFIX = "ku"  # "kuisi": I filled in
PRONOUN_SUFFIXES = ("ku", "mu")  # "grupku": my group, "videomu": your video
MIN_PRONOUN_ROOT = 3  # letters: "buku" is not "bu" and "ku"
AGE_DIGITS = 2  # "umur 17": a number of at most two digits after a word of age is an age
INTRODUCED_BY = 4  # words: "I'm Jess, indonesian singer" (i, m, jess, indonesian, singer)
GIVEN_BACK = "kembali"  # the word `words` reads "dibalikin", "dikembalikan" as (money or data back)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")  # a sentence and what ends it
_SENTENCE_END = re.compile(r"[.!?\n]")
_ENDINGS = " .!?\n\t"  # what may close a message's last sentence
_QUESTION_END = re.compile(r"\?+")
MAX_PARTS = 3  # questions of one message matched alone: the first three
_SIGNING_OFF = frozenset({"thanks", "greeting"})  # a last sentence that asks nothing


def ref(kind: Kind, key: str) -> str:
    """How an entry is named in matches and records: faq:<key> or program:<key>."""
    return f"{kind}:{key}"


@dataclass(frozen=True, slots=True)
class Match:
    """What a message is: small talk, or entries ranked, with the confidence in the first."""

    talk: str | None = None  # "greeting" or "thanks": not a question
    ranked: tuple[tuple[str, float], ...] = ()  # (entry, fit 0..1), best first
    confidence: float = 0.0
    taught: bool = False  # said as staff taught a wording: its entry first, for sure
    # Each question of a message that asks more than one ("Apakah film dokumenter termasuk?
    # Kapan batas waktunya?"), matched alone: `verdict.decide` answers the first one it is
    # sure of when it is not sure of the whole, and offers the others' entries under it.
    parts: tuple[Match, ...] = ()

    @property
    def best(self) -> str | None:
        """The entry that fits best, if any shares a word with the message."""
        return self.ranked[0][0] if self.ranked else None


_ABOUT_EITHER = ABOUT_TALENT | ABOUT_TALENT_IF_SAID
_OF_GENRE = GENRES | GENRE_KINDS  # "musik tradisi bali", "lagu jawa": a genre's place
_AT = frozenset({"di", "in"})  # "aku di Medan", "I live in Surabaya": where the talent is
_I_AM = frozenset({("i", "m"), ("i", "am")})  # "I'm Jess", "I am Jess": the name follows


def _who_asks(found: list[str]) -> frozenset[str]:
    """The words of a message that may say who asks rather than what: its roles
    (ABOUT_TALENT), and those as often asked about (ABOUT_TALENT_IF_SAID) only when it speaks
    of its sender ("saya pemain kendang kempul") or asks whether one may ("fotografer boleh
    daftar?"), not in "cara main kendang kempul"; none of them right after an event
    (EVENTS: "festival choir di korea kapan?")."""
    # Most messages name no event nor topic head: the lists as they are, not copied (this
    # runs on every free message, twice).
    shown = {word for before, word in itertools.pairwise(found) if before in EVENTS}
    about_sender = not SENDER.isdisjoint(found)
    if not about_sender and MAY.isdisjoint(found):
        return ABOUT_TALENT - shown if shown else ABOUT_TALENT
    asked = {word for before, word in itertools.pairwise(found) if before in TOPIC_HEADS}
    who = (
        (ABOUT_TALENT - shown) | (ABOUT_TALENT_IF_SAID - asked) if shown or asked else _ABOUT_EITHER
    )
    if about_sender or not JOINING.isdisjoint(found) or not SIGNING_UP.isdisjoint(found):
        # "saya bermain gitar", "pemain keyboard ... bisa daftar?": the instrument they play.
        who |= INSTRUMENTS - asked
    return who


def _after_introduction(text: str, found: list[str]) -> tuple[list[str], str] | None:
    """The words before the last sentence of a message, and that sentence, if the sentences
    before it say who the talent is (a word of who asks, and "aku", "I'm": "hi! I'm Jess,
    indonesian singer but studying in Melbourne rn lol. what's MU:CON exactly?"), asking
    nothing and with no number ("umur 15"); None for any other message."""
    who = _who_asks(found)
    if who.isdisjoint(found) or FIRST_PERSON.isdisjoint(found):
        return None  # most messages, their words already read
    split = _last_sentences(text)
    if split is None:  # an introduction, then the question
        return None
    before = words(" ".join(split[0]))
    if (
        not _says_who(before, who)
        or not QUESTION_CUES.isdisjoint(before)
        or not MAY.isdisjoint(before)
        or any(word.isdigit() for word in before)  # an age, a year: more than who they are
    ):
        return None
    return before, split[1]


def _ages_said(found: list[str]) -> list[str]:
    """The numbers a message says as an age ("umurku 17": 17), which `_stems` leaves out."""
    return [
        word
        for before, word in itertools.pairwise(found)
        if before in AGES and word.isdigit() and len(word) <= AGE_DIGITS
    ]


def _last_sentences(text: str) -> tuple[list[str], str] | None:
    """The sentences of a message before its last one, and that one, a closing thanks left
    off; None for a message of one sentence."""
    sentences = [part for part in _SENTENCE.findall(text) if words(part)]
    while len(sentences) > 1 and small_talk(words(sentences[-1])) in _SIGNING_OFF:
        # "… kapan jadwal pendaftarannya dibuka. Terima kasih.": the question is the sentence
        # before the thanks (a talents' review, s55: the thanks was taken as the question).
        sentences.pop()
    if len(sentences) < 2:
        return None
    return sentences[:-1], sentences[-1]


def _asked_after_told(text: str, found: list[str]) -> str | None:
    """The last sentence of a message (a closing thanks left off), if it asks and the
    sentences before it only tell: what the talent is working on, where they stand ("Saat ini
    kami sedang mengembangkan film panjang dengan anggaran sekitar Rp 12 miliar ... Mohon
    informasi apakah KOCCA memiliki dana ko-produksi ..."); None for any other message. A
    sentence after the question is no closing: it says more of what is asked ("... bahasa
    inggris kah? sa lebih lancar tulis bahasa indonesia")."""
    if (
        "?" not in text
        and QUESTION_CUES.isdisjoint(found)
        and ASKING_FOR.isdisjoint(found)
        and len(found) < MAX_WORDS  # a longer message's words were cut: its end unread
    ):
        return None  # asks nothing
    if _SENTENCE_END.search(text.rstrip(_ENDINGS)) is None:
        return None  # most messages: one sentence, found without splitting it into words
    split = _last_sentences(text)
    if split is None:
        return None
    told, asked = split
    if any(_asks(sentence) for sentence in told) or not _asks(asked):
        return None
    return asked


def _asks(sentence: str) -> bool:
    """Whether one sentence asks: a "?", "mohon", "please", an Indonesian question cue, or
    an English one, "bisa", "boleh" first ("Could you tell me ...", not "We are developing
    ...")."""
    found = words(sentence)
    return bool(found) and (
        "?" in sentence
        or found[0] in QUESTION_CUES
        or found[0] in MAY
        or not ASKING_FOR.isdisjoint(found)
        or any(word in QUESTION_CUES and word not in QUESTION_CUES_EN for word in found)
    )


def _says_who(found: list[str], who: frozenset[str]) -> bool:
    """Whether the talent says what they are: a word of who asks (`who`) at most
    INTRODUCED_BY words after "aku", "I" ("I'm Jess, indonesian singer", "I'm Mei Ling, pop
    singer": the "m" of "I'm" asks nothing), not "the director I work with"."""
    found = [word for word in found if word in FIRST_PERSON or is_content(word)]
    return any(
        word in FIRST_PERSON and not who.isdisjoint(found[index + 1 : index + 1 + INTRODUCED_BY])
        for index, word in enumerate(found)
    )


def _own_names(text: str, names: Iterable[str]) -> dict[str, bool]:
    """The words of the talent's names, each with whether the message writes it as a name
    (capitalised): "Made" in "tiang Made" is a name even though "who made this bot" is a
    phrasing; an unknown name word is left out however it is written ("saya dimas")."""
    return {word: word.capitalize() in text or word.upper() in text for word in name_words(names)}


def phrasings_of(question: T, ask: Iterable[str]) -> list[str]:
    """The texts made to be matched: the question or title in both languages, and `ask:`."""
    return [question.id, question.en, *ask]


def words_said(content: Content) -> frozenset[str]:
    """Every word the FAQ entries and program pages say: questions, titles, `ask:` phrasings
    and answers, in both languages (a talent's name that is one of them is a word first)."""
    return frozenset(
        word
        for _, names, ask, answers in _entries(content)
        for text in (*names, *ask, *answers)
        for word in words(text)
    )


def _entries(content: Content) -> Iterator[tuple[str, list[str], list[str], list[str]]]:
    """What each FAQ entry and program page says: its reference, names (question or titles),
    `ask:` phrasings and answer texts (a program page's parts, one text per language)."""
    for key, item in content.faq.items():
        ask = item.ask.all() if item.ask else []
        yield ref("faq", key), names_of(item.question), ask, [item.answer.id, item.answer.en]
    for key, program in content.programs.items():
        ask = program.ask.all() if program.ask else []
        # Not `about` (the form's one line telling programs apart): its words, on every page
        # ("16 Januari 2026", "bukan lewat bot ini"), blurred the pages (session 54: tuned and
        # most blind rounds' top-1 fell, s43's and s49's wrong answers rose).
        parts = (program.what, program.who, program.offers, program.timing, program.how)
        answers = [" ".join(part.get(language) for part in parts) for language in LANGUAGES]
        yield ref("program", key), names_of(program.title, program.short_title), ask, answers


def names_of(question: T, short: T | None = None) -> list[str]:
    """What an entry is called: its question or title (and short title) in both languages."""
    return [question.id, question.en, *([short.id, short.en] if short is not None else [])]


@dataclass(slots=True)
class _Corpus:
    """Every entry's documents as stems, before indexing."""

    entries: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # first document of each entry
    documents: list[list[str]] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    phrasings: list[tuple[int, frozenset[str]]] = field(default_factory=list)  # (entry, stems)
    phrasing_documents: list[int] = field(default_factory=list)  # each phrasing's document
    words: set[str] = field(default_factory=set)  # words of phrasings as written: for typos
    names: list[frozenset[str]] = field(default_factory=list)  # stems of each entry's name
    places: set[str] = field(default_factory=set)  # words of Indonesian place names
    taught: dict[frozenset[str], int] = field(default_factory=dict)  # said (taught_key) -> entry

    def add_places(self, places: Iterable[str]) -> None:
        """Place names a talent may say where they are from ("saya dari bandung")."""
        found = (word for place in places for word in words(place))
        self.places.update(word for word in found if word not in NOT_A_PLACE)

    def add(
        self, entry: str, names: Iterable[str], phrasings: Iterable[str], answers: Iterable[str]
    ) -> None:
        """One entry: its names (question or titles, in both languages), its `ask:`
        phrasings, and its answer texts."""
        number = len(self.entries)
        self.entries.append(entry)
        self.starts.append(len(self.documents))
        names = list(names)
        self.names.append(frozenset(s for t in names for s in content_stems(words(t))))
        for text in [*names, *phrasings]:
            found = content_words(words(text))
            self.words.update(word for word in found if word.isalpha())
            stems = content_stems(found)
            if stems:
                self.phrasings.append((number, frozenset(stems)))
                self.phrasing_documents.append(len(self.documents))
            self._document(stems, 1.0)
        for text in answers:
            text = _PLACEHOLDER.sub(" ", text)  # {controller_name} is filled in, not read
            self._document(content_stems(content_words(words(text))), ANSWER_WEIGHT)

    def _document(self, stems: list[str], weight: float) -> None:
        self.documents.append(stems or [""])  # every entry keeps a non-empty slice
        self.weights.append(weight)


class Matcher:
    """The index of one content version: built at start-up and on every reload."""

    def __init__(self, corpus: _Corpus) -> None:
        self.entries = corpus.entries
        self._starts = np.asarray(corpus.starts)
        weights = np.asarray(corpus.weights, dtype=np.float32)
        bm25 = bm25s.BM25()
        bm25.index(corpus.documents, show_progress=False)
        self._vocabulary: dict[str, int] = bm25.vocab_dict
        # Each stem's weighted BM25 score in the documents that have it. BM25 adds up over a
        # query's words, so a message's document scores are its stems' rows summed: one
        # numpy call per message, where bm25s's get_scores loops over the words in Python
        # (a third of a match's time; this runs on every free message).
        self._rows: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self._documents = len(corpus.documents)
        # Typos are corrected to words of FUZZY_MIN_LENGTH letters or more: a shorter one is
        # one letter from too many real words ("visa" is not "via").
        self._words = sorted(word for word in corpus.words if len(word) >= FUZZY_MIN_LENGTH)
        ends = [*corpus.starts[1:], len(corpus.documents)]
        spans = [range(start, end) for start, end in zip(corpus.starts, ends, strict=True)]
        everything = [frozenset(w for d in span for w in corpus.documents[d]) for span in spans]
        self._phrased = [set[str]() for _ in self.entries]
        for entry, stems in corpus.phrasings:
            self._phrased[entry] |= stems
        pairs = zip(everything, self._phrased, strict=True)
        self._answered = [words - phrased for words, phrased in pairs]
        # How rare a stem is among entries: a word every entry has tells little.
        frequency: dict[str, int] = {}
        for stems in everything:
            for word in stems:
                frequency[word] = frequency.get(word, 0) + 1
        count = len(self.entries)
        self._rarity = {word: math.log(1 + count / n) for word, n in frequency.items()}
        self._unknown = UNKNOWN * math.log(1 + count / 0.5)
        # Phrasings by stem (numpy index arrays), in entry order: a message's share of each
        # phrasing is summed over the message's own words, then the best per entry taken.
        # A phrasing is a document of its own: how much of it a message says is the rarity
        # of the message's stems it has, summed over the same documents as their BM25
        # scores, and divided by the rarity of all its stems (other documents: by 1, of 0).
        phrasings = np.asarray(corpus.phrasing_documents, dtype=np.intp)
        self._phrasing_weight = np.ones(self._documents)
        # Summed in sorted order: a frozenset's order follows the hash seed, and float sums
        # in another order differ in their last bits from one start to the next.
        self._phrasing_weight[phrasings] = [
            sum(map(self._rarity.__getitem__, sorted(s))) for _, s in corpus.phrasings
        ]
        in_phrasing = np.zeros(self._documents, dtype=bool)
        in_phrasing[phrasings] = True
        tokens = sorted(self._vocabulary.items(), key=lambda item: item[1])
        for word, token in tokens:
            scores = (bm25.get_scores([token]) * weights).astype(np.float64)
            documents = np.flatnonzero(scores)
            said = np.where(in_phrasing[documents], self._rarity.get(word, 0.0), 0.0)
            self._rows.append((documents, scores[documents], said))
        self._joinable = {word for _, stems in corpus.phrasings for word in stems}
        self._corrections: dict[str, str | None] = {}  # unknown word -> its correction
        # Stems that name one or two entries ("mucon", "biff", "bcww"): set aside in a message
        # ("selain mucon"), they leave those entries out. A stem in more names ("korea",
        # "film") says too little about which entry is meant, and only leaves the message.
        named: dict[str, list[int]] = {}
        for number, stems in enumerate(corpus.names):
            for word in stems:
                named.setdefault(word, []).append(number)
        self._named = {word: found for word, found in named.items() if len(found) <= NAMED_BY}
        self._names = corpus.names
        self._taught = corpus.taught
        self._places = frozenset(corpus.places)
        self._place_parts = self._places | NOT_A_PLACE  # "jakarta selatan"
        # The words to look around: a place, or "name"/"nama" (not the "saya" of each message).
        self._introducing = self._places.union(w for pair in INTRODUCING for w in pair) - STOPWORDS

    @property
    def teaches(self) -> bool:
        """Whether staff taught any wording this index holds: without one, no match is
        `taught`, and whether a message is one needs no match."""
        return bool(self._taught)

    @classmethod
    def build(cls, content: Content, taught: Iterable[tuple[str, str]] = ()) -> Matcher:
        """Index every FAQ entry and program page of this content, with the phrasings staff
        `taught` the bot ((entry, text): as the entry's `ask:`; one whose entry the content
        no longer has is left out)."""
        extra: dict[str, list[str]] = {}
        for entry, text in taught:
            extra.setdefault(entry, []).append(text)
        corpus = _Corpus()
        for entry, names, ask, answers in _entries(content):
            corpus.add(entry, names, [*ask, *extra.get(entry, [])], answers)
        for entry, text in taught:
            said = taught_key_of(text)
            if said and entry in corpus.entries:
                corpus.taught.setdefault(said, corpus.entries.index(entry))
        for province in content.intake.provinces:
            corpus.add_places([province.label.id, province.label.en, *province.aliases])
            corpus.add_places(province.cities)
        for island in content.intake.islands:
            corpus.add_places(island.names)
        return cls(corpus)

    def match(self, text: str, names: Iterable[str] = ()) -> Match:
        """Rank the entries for one message (or say it is a greeting or thanks); the
        talent's `names` (as Telegram gives them) are who asks, not what. A message of two
        questions or more carries each one's match too (`Match.parts`)."""
        whole = self._whole(text, names)
        if whole.talk is not None or whole.taught or "?" not in text:
            return whole
        split = _QUESTION_END.split(text)
        asked = [part for part in split if words(part)]
        if len(asked) > 1 and words(split[-1]) and not _still_asks(split[-1]):
            asked.pop()  # "…siapa yang tanggung? sa tra punya uang banyak": told, not asked
            if len(asked) == 1:  # the question alone, as one after what the talent tells
                return self._nearly(whole, self._whole(asked[0], names))
        if len(asked) < 2:  # most messages: one question
            return whole
        # The parts hold no "?", so none of them is split again.
        parts = tuple(self._whole(part, names) for part in asked[:MAX_PARTS])
        return replace(whole, parts=parts)

    def _whole(self, text: str, names: Iterable[str]) -> Match:
        """`match` for the message as one question."""
        found = words(text)
        talk = "nudge" if not found and nothing_written(text) else talk_in(text, found)
        if talk is None and not SALUTATIONS.isdisjoint(found):
            talk = self._greets_by_name(text, found, names)
        if talk is not None:
            return Match(talk=talk)
        introduced = _after_introduction(text, found)
        if introduced is not None:
            # "Halo, aku Jess, penyanyi yang lagi kuliah di Melbourne. MU:CON itu apa ya?":
            # the program the question names, if its page is what the question alone gets,
            # more surely than the whole message gets anything; and any question after an
            # introduction that says nothing an entry has ("Perkenankan saya, Yohanes Da
            # Cunha, pensiunan guru di Ende. Saya hendak menanyakan ...").
            before, asked = introduced
            match = self._whole(asked, names)
            if match.best is None:
                return self._ranked(text, found, names)
            whole = self._ranked(text, found, names)
            # Or the question's entry is the one the whole message fits best, only less
            # surely for the words of the introduction (session 58's Sekar: "Saya Sekar,
            # komposer dari Jogja, ... baru dengar soal KOCCA dari teman. Boleh dijelaskan
            # sebenarnya bot ini untuk apa nggih?" was only offered what the bot is for).
            if (
                self._names_program(match.best, asked)
                or match.best == whole.best
                or self._only_who(before, text, names)
            ):
                return match if match.confidence > whole.confidence else whole
            return whole
        told = _asked_after_told(text, found)
        if told is not None:
            # A formal letter's question after what the talent is working on (session 60's
            # Pak Fajar: his film's budget and his wish to co-produce, then "Mohon informasi
            # apakah KOCCA memiliki dana ko-produksi ..." was not sure, though it alone is
            # answered): the question alone, if the whole message fits its entry nearly best.
            return self._nearly(self._ranked(text, found, names), self._whole(told, names))
        return self._ranked(text, found, names)

    def _greets_by_name(self, text: str, found: list[str], names: Iterable[str]) -> str | None:
        """A greeting that says the talent's name ("punten kang, abdi Ferdi ti Bandung", a
        talents' review s65, F3: "no answer", offered to staff): their own name, or a word
        no entry has nor is a typo of one right after "saya" ("I'm", "I am"), is who greets,
        as a role is."""
        own = _own_names(text, names)
        unnamed = [
            word
            for at, word in enumerate(found)
            if not own.get(word)
            and not (
                (
                    (at and found[at - 1] in FIRST_PERSON)
                    or (at >= 2 and (found[at - 2], found[at - 1]) in _I_AM)
                )
                and stem(word) not in self._vocabulary
                # As in _stems: a short word is no typo ("Ira" is not "kira", "Dea" not "idea")
                and (len(word) < FUZZY_MIN_LENGTH or self._correction(word) is None)
            )
        ]
        if not unnamed or len(unnamed) == len(found):
            return None
        return talk_in(text, unnamed)

    @staticmethod
    def _nearly(whole: Match, match: Match) -> Match:
        """The match of a message's question alone, if surer than the `whole` message's and
        the whole message fits its entry nearly as well (TOLD_NEARLY) as its best; else the
        whole's."""
        fits = dict(whole.ranked)
        if (
            whole.ranked
            and match.confidence > whole.confidence
            and fits.get(match.best or "", 0.0) >= TOLD_NEARLY * whole.ranked[0][1]
        ):
            return match
        return whole

    def _ranked(self, text: str, found: list[str], names: Iterable[str]) -> Match:
        """`match` for a message that is no small talk, its words `found`."""
        # "halo bot, ...": the bot is whom the talent greets, not what they ask about.
        found = self._past_reaction(without_called(without_late_reply(found)))
        if GIVEN_BACK in found and regrets_erasure(text):
            # "bisa dibalikin ga min", "kembalikan data saya": the talent's data wished back,
            # not KOFIC's "dana kembali" (money given back), even from one who erased nothing.
            found = [word for word in found if word != GIVEN_BACK]
        elif GIVEN_BACK in found:
            # "halo kak, aku kembali lagi", "balik lagi nih": the talent is back, not KOFIC's
            # "dana kembali" (a last review s61, M2: the whole KOFIC page).
            found = [
                word
                for at, word in enumerate(found)
                if word != GIVEN_BACK or found[at + 1 : at + 2] != ["lagi"]
            ]
        found, aside = set_aside(self._not_introducing(found), self._joins)
        stems = self._stems(found, _own_names(text, names))
        left_out: set[int] = set()
        for word in map(stem, aside):  # "selain mucon ...": neither asked about nor answered
            if word in stems:
                continue  # said again: "selain daftar di sini, daftar di mana lagi?"
            named = self._named.get(word, ())
            # Not an entry the rest of the message names too ("other than a showreel, can I
            # send my work?" asks how to send work).
            left_out.update(e for e in named if self._names[e].isdisjoint(stems))
        if any(self.entries[e].startswith("program:") for e in left_out):
            # "selain mucon ada apa lagi" asks which other programs there are.
            stems.setdefault(PROGRAM_WORD, 1.0)
        if stems and all(word.isdigit() for word in stems):
            return Match(talk="nudge")  # "5", "2026": a number alone asks nothing
        if not stems and QUESTION_CUES.isdisjoint(found) and self._names_a_role(found):
            # "choir", "drummer?": only who the talent is, asking nothing (a recheck s62, L3:
            # "no answer"); not "paduan suara apa itu?", which asks what one is.
            return self._who_only()
        order, said = self._scored(stems, left_out)
        fits = sorted(self._fits(stems, (i for i, _ in order), said), key=lambda p: -p[0])
        ranked = tuple((self.entries[i], fit) for fit, i in fits if fit > 0)
        # An age the stems leave out is part of what staff taught ("umur 45" is not "umur 17").
        key = taught_key([*stems, *_ages_said(found)], found) if self._taught else frozenset()
        taught = self._taught.get(key) if self._taught else None
        if taught is not None:
            # Said as staff taught it (`taught_key`): their entry, even where the content's
            # phrasings fit as well (a review: a parent's question taught for the
            # parents' entry stayed a choice, tied with "Who can register?").
            chosen = self.entries[taught]
            rest = tuple(r for r in ranked if r[0] != chosen)
            # Over a wish to register only when it says more than registering: "mau daftar
            # sekarang bisa?" taught keeps only "daftar" (an attacker's review).
            says_more = not key <= _REGISTERING_STEMS
            return Match(None, ((chosen, 1.0), *rest), 1.0, taught=says_more)
        if not ranked:
            return Match()
        confidence = ranked[0][1]
        if len(ranked) > 1:
            confidence *= 1 - MARGIN * (ranked[1][1] / ranked[0][1]) ** MARGIN_POWER
        return Match(None, ranked, confidence)

    def _who_only(self) -> Match:
        """For a message that only says who the talent is: the entry a lone REGISTER_WORD
        fits best (whether they may register), alone and less surely (WHO_ONLY_CREDIT), so
        it is offered rather than answered; never what staff taught for "daftar"."""
        stems = {REGISTER_WORD: 1.0}
        order, said = self._scored(stems)
        fit, best = max(self._fits(stems, (i for i, _ in order), said))
        if fit <= 0:
            return Match()
        guessed = WHO_ONLY_CREDIT * fit
        return Match(None, ((self.entries[best], guessed),), guessed)

    @staticmethod
    def _names_a_role(found: list[str]) -> bool:
        """Whether a message's words name a role or an art form that says who asks ("choir",
        "penyanyi"), not only a name or a parent ("nama", "mama": NOT_A_ROLE)."""
        who = _who_asks(found)
        return any(word in who and word not in NOT_A_ROLE for word in found)

    def _only_who(self, found: list[str], text: str, names: Iterable[str]) -> bool:
        """Whether words said before a question (`found`) only greet and say who the talent
        is: none of them, greetings and who asks left out, is a word an entry has."""
        found = [word for word in found if word not in SALUTATIONS and word not in GREETINGS]
        found = self._not_introducing(without_called(found))
        return all(
            word not in self._vocabulary for word in self._stems(found, _own_names(text, names))
        )

    def _names_program(self, entry: str, asked: str) -> bool:
        """Whether `entry` is a program page that `asked` names ("MU:CON itu apa?")."""
        if not entry.startswith("program:"):
            return False
        named = self._names[self.entries.index(entry)]
        return any(word in named for word in content_stems(words(asked)))

    def bm25_ranking(self, text: str) -> tuple[tuple[str, float], ...]:
        """The candidates and their BM25 scores, best first (for benchmarks/ask_match.py)."""
        order = self._candidates(self._stems(self._not_introducing(words(text))))
        return tuple((self.entries[i], score) for i, score in order)

    def _candidates(
        self, stems: dict[str, float], left_out: Iterable[int] = ()
    ) -> list[tuple[int, float]]:
        """The entries bm25s scores highest for these stems, as (entry, score), best first;
        none of those `left_out`."""
        return self._scored(stems, left_out)[0]

    def _scored(
        self, stems: dict[str, float], left_out: Iterable[int] = ()
    ) -> tuple[list[tuple[int, float]], list[float]]:
        """`_candidates`, and per entry the largest share of one of its phrasings the message
        says (when there are candidates): both summed over the stems' documents at once."""
        rows = [self._rows[self._vocabulary[word]] for word in stems if word in self._vocabulary]
        if not rows:
            return [], []
        if len(rows) == 1:
            documents, scores, said = rows[0]
        else:
            found, weighted, shares = zip(*rows, strict=True)
            documents, scores, said = (
                np.concatenate(found),
                np.concatenate(weighted),
                np.concatenate(shares),
            )
        summed = np.bincount(documents, scores, minlength=self._documents)
        # Python floats: indexing numpy one item at a time is slow.
        best = np.maximum.reduceat(summed, self._starts).tolist()
        for entry in left_out:
            best[entry] = 0.0
        # The best first, of equal ones the first entry (a sort in reverse stays stable).
        order = sorted(range(len(best)), key=best.__getitem__, reverse=True)[:CANDIDATES]
        candidates = [(i, best[i]) for i in order if best[i] > 0]
        if not candidates:
            return [], []
        phrasings = np.bincount(documents, said, minlength=self._documents)
        closest = np.maximum.reduceat(phrasings / self._phrasing_weight, self._starts)
        return candidates, closest.tolist()

    def _joins(self, word: str) -> bool:
        """Whether two typed words written together are one word of a phrasing (mu con)."""
        return stem(word) in self._joinable

    def _stems(
        self, found: list[str], names: Mapping[str, bool] = MappingProxyType({})
    ) -> dict[str, float]:
        """The stems of a message's words, each with the credit it earns where an entry has
        it; stopwords left out, but only after trying each word joined with the next; and
        words that say who asks (a role, a place, one of the talent's `names`) unless an
        entry has them."""
        stems: dict[str, float] = {}
        who = _who_asks(found)
        index = 0
        place = -2  # where the last word of a place no entry names is ("dari kapuas hulu")
        role = False  # whether a word said who asks
        genre_asked = _joining(found)
        # "musik dangdut", "lagu rohani": the genre, which is all they say (GENRE_KINDS).
        kind_of = {
            at
            for at, word in enumerate(found)
            if genre_asked and word in GENRE_KINDS and not GENRES.isdisjoint(found[at - 1 : at + 2])
        }
        # "saya main biola": playing the instrument that says who asks is who asks too.
        kind_of |= {
            at
            for at, (word, played) in enumerate(itertools.pairwise(found))
            if word in PLAYING and played in INSTRUMENTS and played in who
        }
        while index < len(found):
            word = found[index]
            before = found[index - 1] if index else ""
            index += 1
            if (
                index < len(found)
                and found[index] not in FIRST_PERSON  # "bah aku" is not "bahaku" (bahasa)
                and self._joins(word + found[index])
            ):
                word += found[index]  # "mu con", "show reel"; not "hapus data" (/hapusdata)
                index += 1
            elif not is_content(word) or names.get(word, False):
                continue  # a stopword; or the talent's own name written as one ("Made")
            elif before in AGES and word.isdigit() and len(word) <= AGE_DIGITS:
                continue  # "umurku 17": the age is said by "umur", whichever number follows
            stemmed, credit = stem(word), 1.0
            if not is_content(stemmed) or index - 1 in kind_of:
                continue  # "caranya", "apaan": a stopword once stemmed
            if genre_asked and word in GENRES and before not in TOPIC_HEADS:
                # "musik dangdut bisa ikut?": whether one may register, with any genre.
                stems[stem(GENRE_WORD)] = stems[REGISTER_WORD] = 1.0
                continue
            # Chat's -in for -kan and -i (disiapin, dibutuhin): try the root.
            if stemmed not in self._vocabulary and stemmed[:-2] in self._vocabulary:
                stemmed = stemmed[:-2] if stemmed.endswith("in") else stemmed
            if stemmed not in self._vocabulary:
                stemmed = self._without_pronoun(word, stemmed)
            if word in who and _not_being(found, index - 1) and not SENDER.isdisjoint(found):
                role = True
                continue  # "aku editor, bukan sutradara": what they are not is who asks too
            if stemmed not in self._vocabulary and (word in who or word in names):
                role = role or (word in who and word not in NOT_A_ROLE)
                continue  # "saya drummer dari bandung": who asks, not what
            at = index - 1
            # Where a talent who speaks of themself is ("aku editor film di Medan"): a town the
            # content never names, and no typo of another word ("medan" is not "mean").
            lives = before in _AT and word in self._places and not SENDER.isdisjoint(found)
            close = None
            # A place name is no typo ("bali" is not "wali").
            if (
                stemmed not in self._vocabulary
                and len(word) >= FUZZY_MIN_LENGTH
                and word not in self._places
            ):
                close = self._correction(word)
                if close is not None:
                    stemmed, credit = stem(close), TYPO_CREDIT
            if (
                stemmed not in self._vocabulary
                and close is None
                and (
                    (before in FROM and not _money_from(found, at - 1, who))
                    or place == at - 1
                    or lives
                    or (word in self._places and before in _OF_GENRE)
                )
            ):
                # Where a genre is from ("musik tradisi bali") is no more asked than where the
                # talent is from; "musik bali boleh daftar?" asks whether a genre may register.
                if before in GENRE_KINDS and not MAY.isdisjoint(found):
                    stems[stem(GENRE_WORD)] = stems[REGISTER_WORD] = 1.0
                place = at
                continue  # who asks: where they are from, a town the content never names
            stems[stemmed] = max(credit, stems.get(stemmed, 0.0))
        if not stems and role and not MAY.isdisjoint(found):
            # Only who asks, and whether one may ("hiphop bisa?", "rap bs ga"): whether
            # they may register.
            stems[REGISTER_WORD] = 1.0
        return stems

    def _without_pronoun(self, word: str, stemmed: str) -> str:
        """The stem of a word less its "ku-" (I: "kuisi", "kukirim") or "-ku", "-mu" (my,
        your: "grupku", "videomu"), which the stemmer keeps on a short word, when that is a
        word an entry has; else `stemmed`."""
        for root in (
            word[len(PRONOUN_PREFIX) :] if word.startswith(PRONOUN_PREFIX) else "",
            word[: -len(PRONOUN_PREFIX)] if word.endswith(PRONOUN_SUFFIXES) else "",
        ):
            if len(root) >= MIN_PRONOUN_ROOT and stem(root) in self._vocabulary:
                return stem(root)
        return stemmed

    def _past_reaction(self, found: list[str]) -> list[str]:
        """A message's words less an okay or thanks before its question ("ok cool. And what is
        MU:CON?", "oke, terus MU:CON itu apa?"): words no entry has, which would count against
        them all; one an entry has stays."""
        start = 0
        while (
            start < len(found) - 1
            and found[start] in THANKS
            and stem(found[start]) not in self._vocabulary
        ):
            start += 1
        return found[start:] if start else found

    def _not_introducing(self, found: list[str]) -> list[str]:
        """A message's words less the talent saying who they are, even in words entries
        have: the place they are from ("saya dari jakarta selatan", not "di jakarta"), and
        "my name", "nama saya"."""
        if self._introducing.isdisjoint(found):
            return found  # most messages
        kept: list[str] = []
        place = False
        for index, word in enumerate(found):
            before = found[index - 1] if index else ""
            after = found[index + 1] if index + 1 < len(found) else ""
            place = (word in self._places and before in FROM) or (
                place and word in self._place_parts
            )
            if not place and (before, word) not in INTRODUCING and (word, after) not in INTRODUCING:
                kept.append(word)
        return kept

    def _fits(
        self, stems: dict[str, float], entries: Iterable[int], said: list[float]
    ) -> list[tuple[float, int]]:
        """Per entry, (fit, entry): the rarity-weighted share of the message the entry
        explains, times how much of its closest phrasing the message says (`said`)."""
        total = 0.0
        weighted: list[tuple[str, float]] = []  # each stem with its rarity times its credit
        for word, credit in stems.items():
            rarity = self._rarity.get(word, self._unknown)
            total += rarity
            weighted.append((word, rarity * credit))
        fits = []
        for entry in entries:
            phrased, answered = self._phrased[entry], self._answered[entry]
            explained = 0.0
            for word, earned in weighted:
                if word in phrased:
                    explained += earned
                elif word in answered:
                    explained += earned * ANSWER_CREDIT
            fits.append((explained / total * (1 - PHRASING + PHRASING * said[entry]), entry))
        return fits

    def forget_typed(self) -> None:
        """Drop the remembered corrections of words talents typed (a talent's data was erased:
        a surname or a handle there must not stay, even in memory), the stems, and the
        words of the last messages read."""
        self._corrections.clear()
        stem.cache_clear()
        forget_words()

    def _correction(self, word: str) -> str | None:
        """A word of the phrasings one typo away (two in long words), or None; remembered,
        as the same unknown words come back (up to CORRECTIONS of them per index)."""
        if word in self._corrections:
            return self._corrections[word]
        edits = 1 if len(word) < TWO_TYPOS_FROM else 2
        # Two letters swapped are one edit ("daftra": a talents' review s64, M3), as OSA counts
        found = process.extractOne(word, self._words, scorer=OSA.distance, score_cutoff=edits)
        close = None if found is None else str(found[0])
        # Two typos keep the first letter ("showril", "pendaftran"), unless they are a prefix
        # the word has and the phrasings lack ("diakses", "mengurus", "seminggu"): two edits
        # that start otherwise make another word ("giliran" is not "pilihan", "heading" not
        # "meaning").
        if found is not None and found[1] > 1 and close and close[0] != word[0]:
            close = close if close in word else None
        if len(self._corrections) < CORRECTIONS:
            self._corrections[word] = close
        return close


def _still_asks(after: str) -> bool:
    """Whether what follows a message's last "?" asks too ("Kapan batas waktunya", "dapet
    honor ga kak"), rather than tells ("sa tra punya uang banyak": Papuan "tra" is "tidak",
    which asks only at the end; a talents' review s61, L3: a button for who runs the bot
    came as "the buttons for what else you asked")."""
    found = words(after)
    while found and found[-1] != "tidak" and (found[-1] in STOPWORDS or found[-1] in SALUTATIONS):
        found.pop()  # "dapet honor ga kak": "ga" still ends it
    cues = QUESTION_CUES.intersection(found) - {"tidak"}
    return bool(cues or ASKING_FOR.intersection(found)) or found[-1:] == ["tidak"]


def _joining(found: list[str]) -> bool:
    """Whether a message asks if one may join, and so its genres are the genre a talent
    registers with (GENRES): "bisa", "boleh" (MAY) and a word of joining ("musik dangdut bisa
    ikut?", "rap boleh daftar?"), or a "bisa?" or "termasuk?" (COUNTED) with nothing asked
    after it ("apakah musik religi bisa?", "lagu gerejawi / musik rohani, itu masuk hitungan
    kah?", not "dangdut termasuk musik asli indonesia?"); not about learning, listening, an
    event, Korea or a program (GENRE_ELSEWHERE)."""
    if GENRES.isdisjoint(found) or not GENRE_ELSEWHERE.isdisjoint(found):
        return False
    may = not MAY.isdisjoint(found)
    if not may and COUNTED.isdisjoint(found):
        return False
    if may and not JOINING.isdisjoint(found):
        return True
    last = max(
        (index for index, word in enumerate(found) if word in MAY or word in COUNTED),
        default=None,
    )
    return last is not None and not any(map(is_content, found[last + 1 :]))


def _money_from(found: list[str], at: int, who: frozenset[str]) -> bool:
    """Whether "dari" at `at` says where money comes from ("dana film dari taiwan"), not
    where the talent is ("hibah utk sineas dari sumba", "dana buat saya dari nias"): a money
    word up to three words before it, and no sender or role in between."""
    for word in reversed(found[max(0, at - 3) : at]):
        if word in FIRST_PERSON or word in who:
            return False
        if word in SOURCED:
            return True
    return False


def _not_being(found: list[str], at: int) -> bool:
    """Whether the word at `at` follows "bukan", "not" (NOT_BEING), perhaps with an article
    between ("not a director", "bukan seorang sutradara")."""
    before = found[max(0, at - 2) : at]
    if before and before[-1] in ARTICLES:
        before = before[:-1]
    return bool(before) and before[-1] in NOT_BEING
